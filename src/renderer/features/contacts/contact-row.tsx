import { useState } from 'react';
import type { Contact } from '../../../shared/contacts';
import { displayNumber } from '../../lib/phone-numbers';

export interface ContactRowProps {
  contact: Contact;
  onDial: (number: string) => void;
  onEdit: () => void;
  onDelete: () => void;
  onToggleFavourite: () => void;
}

/** One contact: every number is a click-to-dial button; favourite, edit and delete beside it. */
export function ContactRow({
  contact,
  onDial,
  onEdit,
  onDelete,
  onToggleFavourite,
}: ContactRowProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <article className="contact" aria-label={contact.name}>
      <div className="contact-main">
        <button
          type="button"
          className="favourite"
          aria-pressed={contact.favourite}
          aria-label={`Favourite ${contact.name}`}
          title={contact.favourite ? 'Remove from favourites' : 'Add to favourites'}
          onClick={onToggleFavourite}
        >
          <span aria-hidden="true">{contact.favourite ? '★' : '☆'}</span>
        </button>
        <div>
          <h2 className="contact-name">{contact.name}</h2>
          {contact.company && <p className="hint">{contact.company}</p>}
        </div>
      </div>
      <ul className="contact-numbers">
        {contact.numbers.map((entry, index) => (
          <li key={index}>
            <button
              type="button"
              className="number-link"
              // Ends with what the button shows, so voice control finds it by "work +1 555…".
              aria-label={`Call ${contact.name}, ${entry.label ? `${entry.label} ` : ''}${displayNumber(entry.number)}`}
              title={
                entry.dialable === null
                  ? 'This number may not be dialable as written'
                  : `Dial ${entry.dialable}`
              }
              onClick={() => onDial(entry.dialable ?? entry.number)}
            >
              {entry.label && <span className="number-label">{entry.label}</span>}{' '}
              {displayNumber(entry.number)}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="quiet"
          onClick={onEdit}
          aria-label={`Edit ${contact.name}`}
        >
          Edit
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className="danger" onClick={onDelete}>
              Delete {contact.name}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className="quiet"
            onClick={() => setConfirmDelete(true)}
            aria-label={`Delete ${contact.name}`}
          >
            Delete
          </button>
        )}
      </div>
    </article>
  );
}
