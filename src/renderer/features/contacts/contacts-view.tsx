import { lazy, Suspense, useRef, useState, type ComponentProps } from 'react';
import { Checkbox } from '../../components/fields';
import { ViewSection } from '../../components/view-section';
import { decodeTextFile } from '../../lib/decode-text-file';
import { contactMatches } from '../../lib/phone-numbers';
import { useAppStore, useStores } from '../../stores/stores-context';
import { useClickToDial } from '../calls/use-click-to-dial';
import { ContactRow } from './contact-row';
import { ImportPreview } from './import-preview';

// The form checks numbers as they are typed with the dial-target parser and its number
// metadata: loaded when a form first opens, keeping them out of the app's first bundle.
const LazyContactForm = lazy(async () => ({
  default: (await import('./contact-form')).ContactForm,
}));

function ContactForm(props: ComponentProps<typeof LazyContactForm>) {
  return (
    <Suspense fallback={<p role="status">Opening the form…</p>}>
      <LazyContactForm {...props} />
    </Suspense>
  );
}

/** The address book: search as you type, favourites, edits, import with preview, click-to-dial. */
export function ContactsView() {
  const stores = useStores();
  const contacts = useAppStore('contacts', (state) => state.contacts);
  const preview = useAppStore('contacts', (state) => state.preview);
  const previewFileName = useAppStore('contacts', (state) => state.previewFileName);
  const importBusy = useAppStore('contacts', (state) => state.importBusy);
  const importError = useAppStore('contacts', (state) => state.importError);
  const draft = useAppStore('ui', (state) => state.contactDraft);
  const dial = useClickToDial();
  const [query, setQuery] = useState('');
  const [favouritesOnly, setFavouritesOnly] = useState(false);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const store = stores.contacts.getState();

  const shown = contacts.filter(
    (contact) => (!favouritesOnly || contact.favourite) && contactMatches(contact, query),
  );
  const formOpen = editing === 'new' || draft !== null;
  const closeForm = () => {
    setEditing(null);
    stores.ui.getState().clearContactDraft();
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      // The file vanished or cannot be read (moved, permissions): say so instead of nothing.
      store.fileUnreadable(file.name);
      return;
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
    await store.previewImport(file.name, decodeTextFile(bytes));
  };

  return (
    <ViewSection
      titleId="contacts-title"
      title="Contacts"
      actions={
        <>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New contact
          </button>
          <button type="button" onClick={() => fileRef.current?.click()} disabled={importBusy}>
            Import contacts…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".vcf,.vcard,.csv,text/vcard,text/csv"
            className="visually-hidden"
            aria-label="Contacts file to import (vCard or CSV)"
            tabIndex={-1}
            onChange={(event) => void importFile(event.target.files?.[0])}
          />
        </>
      }
    >
      {importError && (
        <p className="field-error import-error" role="alert">
          <span>{importError}</span>
          <button type="button" className="quiet" onClick={store.cancelImport}>
            Dismiss
          </button>
        </p>
      )}
      {preview && previewFileName && (
        <ImportPreview
          preview={preview}
          fileName={previewFileName}
          busy={importBusy}
          onCommit={() => void store.commitImport()}
          onCancel={store.cancelImport}
        />
      )}
      {formOpen && (
        <ContactForm initial={draft} title="New contact" onSave={store.add} onCancel={closeForm} />
      )}
      <div className="search-bar">
        <label>
          <span className="visually-hidden">Search contacts</span>
          <input
            type="search"
            placeholder="Search by name, company or number"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <Checkbox checked={favouritesOnly} onChange={setFavouritesOnly}>
          Favourites only
        </Checkbox>
      </div>
      {contacts.length === 0 ? (
        <p className="empty">
          No contacts yet. Add one, or import a vCard (.vcf) or CSV file from Outlook or Google.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">No contact matches “{query}”.</p>
      ) : (
        <ul className="contacts" aria-label="Contacts">
          {shown.map((contact) => (
            <li key={contact.id}>
              {editing === contact.id ? (
                <ContactForm
                  initial={contact}
                  title={`Edit ${contact.name}`}
                  onSave={(input) => store.update(contact.id, input)}
                  onCancel={closeForm}
                />
              ) : (
                <ContactRow
                  contact={contact}
                  onDial={dial}
                  onEdit={() => setEditing(contact.id)}
                  onDelete={() => void store.remove(contact.id)}
                  onToggleFavourite={() => void store.toggleFavourite(contact)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </ViewSection>
  );
}
