import { useState, type ReactNode } from 'react';
import { useEscapeToClose } from '../../components/use-escape-to-close';

/**
 * A confirmation step in place (no modal): says what will be lost, and for the most dangerous
 * actions asks the user to type a phrase before the button works.
 */
export function ConfirmBox({
  title,
  children,
  confirmLabel,
  typedPhrase,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until this exact phrase is typed. */
  typedPhrase?: string;
  onConfirm: (typed: string) => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const ready = typedPhrase === undefined || typed === typedPhrase;
  const closeOnEscape = useEscapeToClose(onCancel);
  return (
    <div className="confirm-box" role="alertdialog" aria-label={title} onKeyDown={closeOnEscape}>
      <h3>{title}</h3>
      {children}
      {typedPhrase !== undefined && (
        <label className="field">
          Type {typedPhrase} to confirm
          <input
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
        </label>
      )}
      <div className="admin-actions">
        <button type="button" className="danger" disabled={!ready} onClick={() => onConfirm(typed)}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
