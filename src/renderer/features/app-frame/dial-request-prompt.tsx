import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore, useStores } from '../../stores/stores-context';

const SOURCE_WORDS = {
  link: 'A link',
  'command-line': 'The command line',
  shortcut: 'The dial shortcut',
} as const;

/** Tab and Shift+Tab cycle through the dialog's controls only, as in any modal dialog. */
function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Asks before dialling a number that came from outside the window (link, shortcut). */
export function DialRequestPrompt() {
  const stores = useStores();
  const request = useAppStore('dialRequest', (state) => state.request);
  const dismiss = useAppStore('dialRequest', (state) => state.dismiss);
  const confirmRequest = useAppStore('dialRequest', (state) => state.confirm);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!request) return;
    // Take focus for the question, and give it back to where the user was once answered.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    confirmRef.current?.focus();
    return () => previous?.focus();
  }, [request]);

  if (!request) return null;

  const confirm = () => {
    stores.ui.getState().show('calls');
    // Which phone dials is the core's rule; the window only says which phone it shows.
    void confirmRequest(stores.phones.getState().selectedPhoneId);
  };

  return (
    <div className="modal-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="dial-request-title"
        className="modal"
        onKeyDown={(event) => {
          if (event.key === 'Escape') dismiss();
          if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <h2 id="dial-request-title">Dial {request.link.display}?</h2>
        <p>{SOURCE_WORDS[request.source]} asked Deskpilot to call this number.</p>
        <div className="actions">
          <button type="button" className="primary" ref={confirmRef} onClick={confirm}>
            Call {request.link.display}
          </button>
          <button type="button" onClick={dismiss}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
