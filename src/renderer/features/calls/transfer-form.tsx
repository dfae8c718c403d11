import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DialSuggestions } from '../dialpad/dial-suggestions';

/** Asks where to send the call; a blind transfer happens on submit. */
export function TransferForm({
  onTransfer,
  onCancel,
  otherCall,
}: {
  onTransfer: (destination: string) => void;
  onCancel: () => void;
  /** The phone has another call: say that the two cannot be joined from here. */
  otherCall: boolean;
}) {
  const [destination, setDestination] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (destination.trim() !== '') onTransfer(destination.trim());
  };

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label>
        Transfer to
        <input
          ref={inputRef}
          type="text"
          inputMode="tel"
          autoComplete="off"
          value={destination}
          onChange={(event) => setDestination(event.target.value)}
        />
      </label>
      <DialSuggestions
        query={destination}
        label="Suggestions to transfer to"
        onPick={(picked) => {
          setDestination(picked);
          inputRef.current?.focus();
        }}
      />
      <button type="submit" className="primary" disabled={destination.trim() === ''}>
        Transfer now
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {otherCall && (
        <p className="hint transfer-limits">
          This sends the call to a number (a blind transfer). The phone&apos;s REST API cannot join
          it to your other call, by consultative transfer or conference: use the phone&apos;s own
          Transfer or Conference key for that.
        </p>
      )}
    </form>
  );
}
