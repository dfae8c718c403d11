import { useEffect, useRef, useState, type FormEvent } from 'react';

/** Asks where to send the call; a blind transfer happens on submit. */
export function TransferForm({
  onTransfer,
  onCancel,
}: {
  onTransfer: (destination: string) => void;
  onCancel: () => void;
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
      <button type="submit" className="primary" disabled={destination.trim() === ''}>
        Transfer now
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
