import { useEffect, useRef, useState } from 'react';
import type { PhoneSnapshot } from '../../../shared/domain';
import { isPlainHttp, PLAIN_HTTP_WARNING } from '../../../shared/plain-http';
import { ViewSection } from '../../components/view-section';
import { useAppStore, useStores } from '../../stores/stores-context';
import { StatusIndicator } from '../app-frame/status-indicator';
import { problemTitle } from './connection-report';
import { InstantEvents } from './instant-events';
import { PhoneForm } from './phone-form';

function PhoneEntry({ phone, onEdit }: { phone: PhoneSnapshot; onEdit: () => void }) {
  const stores = useStores();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { info, status } = phone;
  const certificateProblem =
    status.presentedFingerprint !== null &&
    (status.attention === 'certificate-unknown' || status.attention === 'certificate-changed');

  return (
    <article className="panel phone-entry" aria-label={info.name}>
      <header className="phone-entry-header">
        <h2>{info.name}</h2>
        <StatusIndicator phone={phone} />
      </header>
      <p className="hint">
        {info.url} · {info.username}
        {status.model ? ` · ${status.model}` : ''}
        {status.firmware ? ` · firmware ${status.firmware}` : ''}
        {info.demo ? ' · demo phone' : ''}
      </p>
      {isPlainHttp(info.url) && <p className="report report-warning">{PLAIN_HTTP_WARNING}</p>}
      {status.health !== 'online' && (
        <div className={status.attention ? 'report report-problem' : 'report'}>
          {status.attention && <h3>{problemTitle(status.attention)}</h3>}
          <p>{status.message}</p>
          {certificateProblem && (
            <>
              <p>
                Fingerprint presented: <code>{status.presentedFingerprint}</code>
              </p>
              <button
                type="button"
                onClick={() => {
                  if (status.presentedFingerprint)
                    void stores.setup
                      .getState()
                      .acceptCertificate(info.id, status.presentedFingerprint);
                }}
              >
                Trust this certificate
              </button>
            </>
          )}
        </div>
      )}
      <InstantEvents phone={phone} />
      <div className="actions">
        <button type="button" data-opens-form={info.id} onClick={onEdit}>
          Edit
        </button>
        {confirmRemove ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => void stores.setup.getState().remove(info.id)}
            >
              Remove {info.name}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRemove(true)}>
            Remove
          </button>
        )}
      </div>
    </article>
  );
}

/** Every configured phone with its status and problems, plus adding, editing and removing. */
export function PhonesView() {
  const stores = useStores();
  const phones = useAppStore('phones', (state) => state.phones);
  const busy = useAppStore('setup', (state) => state.busy);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  // The form takes the view's place: once it closes, focus returns to the button that opened it.
  const reopener = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || reopener.current === null) return;
    document.querySelector<HTMLElement>(`[data-opens-form="${reopener.current}"]`)?.focus();
    reopener.current = null;
  }, [editing]);
  const close = () => {
    stores.setup.getState().clear();
    reopener.current = editing;
    setEditing(null);
  };
  const editedPhone = phones.find((phone) => phone.info.id === editing)?.info;

  if (editing !== null) {
    return (
      <ViewSection titleId="phones-title" title="Phones">
        <div className="panel">
          <PhoneForm key={editing} phone={editedPhone} onDone={close} onCancel={close} />
        </div>
      </ViewSection>
    );
  }

  return (
    <ViewSection
      titleId="phones-title"
      title="Phones"
      actions={
        <>
          <button
            type="button"
            className="primary"
            data-opens-form="new"
            onClick={() => setEditing('new')}
          >
            Add a phone
          </button>
          {!phones.some((phone) => phone.info.demo) && (
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => void stores.setup.getState().addDemo()}
            >
              Add the demo phone
            </button>
          )}
        </>
      }
    >
      {phones.map((phone) => (
        <PhoneEntry key={phone.info.id} phone={phone} onEdit={() => setEditing(phone.info.id)} />
      ))}
    </ViewSection>
  );
}
