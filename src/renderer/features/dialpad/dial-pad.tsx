import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MISSING_FEATURE_WORDS } from '../../../shared/domain';
import { DIAL_PENDING_KEY } from '../../stores/calls-store';
import { selectedPhone } from '../../stores/phones-store';
import { useAppStore, useStores } from '../../stores/stores-context';
import { DIAL_FIELD_ID } from '../calls/use-type-to-dial';
import { DialSuggestions } from './dial-suggestions';
import { Keypad } from './keypad';
import { LinePicker } from './line-picker';

/**
 * Cleans text pasted into the number field: surrounding whitespace and line breaks go, a
 * `tel:`/`callto:` prefix is dropped; formatting inside the number is kept (the core
 * normalises it with a real phone-number library), and SIP URIs pass through untouched.
 */
export function cleanPastedNumber(text: string): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return oneLine.replace(/^(tel|callto):(\/\/)?/i, '');
}

/** The number field, keypad, line picker, Dial and Redial. */
export function DialPad() {
  const stores = useStores();
  const phone = useAppStore('phones', selectedPhone);
  const dialling = useAppStore('calls', (state) => state.pending[DIAL_PENDING_KEY]);
  const focusRequest = useAppStore('ui', (state) => state.dialFocusRequest);
  const [number, setNumber] = useState('');
  const [line, setLine] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);

  if (!phone) return null;
  const phoneId = phone.info.id;
  // A phone that answered "not found" for call control: say so here, where dialling would be.
  const noCallControl = phone.status.missing.includes('call-control');
  const cannotDial = dialling !== undefined || noCallControl;
  // The choice only counts while that line exists and is registered on the selected phone:
  // after switching phones or losing registration it would dial out on a line no one can see.
  const chosenLine = phone.lines.some(
    (candidate) => candidate.line === line && candidate.registration === 'Registered',
  )
    ? line
    : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await stores.calls.getState().dial(phoneId, number, chosenLine ?? undefined);
    if (ok) setNumber('');
  };

  return (
    <section className="panel dial-pad" aria-labelledby="dial-pad-title">
      <h2 id="dial-pad-title">Dial</h2>
      <form onSubmit={submit}>
        <div className="dial-field">
          <input
            ref={inputRef}
            id={DIAL_FIELD_ID}
            type="text"
            inputMode="tel"
            autoComplete="off"
            spellCheck={false}
            aria-label="Number to dial"
            aria-keyshortcuts="Alt+D"
            placeholder="Number or SIP address"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            onPaste={(event) => {
              event.preventDefault();
              const input = event.currentTarget;
              const pasted = cleanPastedNumber(event.clipboardData.getData('text'));
              const start = input.selectionStart ?? number.length;
              const end = input.selectionEnd ?? number.length;
              setNumber(number.slice(0, start) + pasted + number.slice(end));
            }}
          />
          <button
            type="button"
            className="quiet"
            aria-label="Delete last digit"
            disabled={number === ''}
            onClick={() => setNumber(number.slice(0, -1))}
          >
            ⌫
          </button>
        </div>
        <DialSuggestions
          query={number}
          label="Suggestions to dial"
          onPick={(picked) => {
            setNumber(picked);
            inputRef.current?.focus();
          }}
        />
        <Keypad label="Dial pad" onKey={(key) => setNumber(number + key)} />
        <LinePicker lines={phone.lines} value={chosenLine} onChange={setLine} />
        <div className="actions">
          <button
            type="submit"
            className="answer call-button"
            disabled={cannotDial}
            aria-describedby={noCallControl ? 'no-call-control' : undefined}
          >
            Dial
          </button>
          <button
            type="button"
            onClick={() => void stores.calls.getState().redial(phoneId)}
            disabled={cannotDial}
            aria-describedby={noCallControl ? 'no-call-control' : undefined}
          >
            Redial
          </button>
        </div>
        {noCallControl && (
          <p className="report" id="no-call-control" role="status">
            {MISSING_FEATURE_WORDS['call-control']}
          </p>
        )}
        {dialling !== undefined && (
          <p className="hint" role="status">
            {dialling}
          </p>
        )}
      </form>
    </section>
  );
}
