import { useId, useState, type FormEvent } from 'react';
import type { PhoneInfo, PhoneScheme } from '../../../shared/domain';
import { isPlainHttp, PLAIN_HTTP_WARNING } from '../../../shared/plain-http';
import { RadioGroup, TextField } from '../../components/fields';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ConnectionReport } from './connection-report';
import { buildPhoneUrl, splitPhoneUrl } from './phone-address';

const SCHEMES: readonly { value: PhoneScheme; label: string }[] = [
  { value: 'https', label: 'HTTPS (recommended)' },
  { value: 'http', label: 'HTTP' },
];

export interface PhoneFormProps {
  /** The phone being edited; absent when adding a new one. */
  phone?: PhoneInfo;
  onDone?: () => void;
  onCancel?: () => void;
}

/**
 * Add or edit a phone: name, address, HTTP or HTTPS, user name and password, with "Test
 * connection" naming the exact problem and its fix before anything is saved.
 */
export function PhoneForm({ phone, onDone, onCancel }: PhoneFormProps) {
  const stores = useStores();
  const busy = useAppStore('setup', (state) => state.busy);
  const testResult = useAppStore('setup', (state) => state.testResult);
  const saveError = useAppStore('setup', (state) => state.saveError);
  const initial = phone
    ? splitPhoneUrl(phone.url)
    : { scheme: 'https' as PhoneScheme, address: '' };
  const [name, setName] = useState(phone?.name ?? '');
  const [address, setAddress] = useState(initial.address);
  const [scheme, setScheme] = useState<PhoneScheme>(initial.scheme);
  const [username, setUsername] = useState(phone?.username ?? 'Polycom');
  const [password, setPassword] = useState('');
  const [trusted, setTrusted] = useState(false);
  const formId = useId();

  const url = buildPhoneUrl(scheme, address);
  const fingerprint = trusted && testResult?.fingerprint ? testResult.fingerprint : undefined;
  const draft = {
    name: name.trim() || address.trim(),
    url,
    username,
    password,
    ...(fingerprint ? { acceptFingerprint: fingerprint } : {}),
  };
  const missing =
    address.trim() === '' ? 'the address' : username.trim() === '' ? 'the user name' : null;
  // An empty field keeps the saved password on save, but a test would send the empty one and
  // report a wrong password for a phone that works: the saved password never reaches this window.
  const testNeedsPassword = phone?.hasPassword === true && password === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const setup = stores.setup.getState();
    if (phone) {
      const saved = await setup.update(phone.id, {
        name: draft.name,
        url,
        username,
        ...(password !== '' ? { password } : {}),
      });
      if (saved && fingerprint) await setup.acceptCertificate(phone.id, fingerprint);
      if (saved) onDone?.();
    } else if (await setup.add(draft)) {
      onDone?.();
    }
  };

  return (
    <form className="phone-form" onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{phone ? `Edit ${phone.name}` : 'Add a phone'}</h2>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        placeholder="Desk phone"
        autoComplete="off"
      />
      <TextField
        label="Address"
        value={address}
        onChange={setAddress}
        placeholder="192.168.1.20"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${formId}-address-hint`}
      />
      <p className="hint" id={`${formId}-address-hint`}>
        The phone shows its address under Settings → Status → Network.
      </p>
      <RadioGroup
        legend="Connection"
        name={`${formId}-scheme`}
        value={scheme}
        options={SCHEMES}
        onChange={setScheme}
      />
      {isPlainHttp(url) && (
        <p className="report report-warning" id={`${formId}-plain-http`}>
          {PLAIN_HTTP_WARNING}
        </p>
      )}
      <TextField
        label="User name"
        value={username}
        onChange={setUsername}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="off"
        placeholder={phone?.hasPassword ? 'Unchanged' : ''}
        aria-describedby={`${formId}-password-hint`}
      />
      <p className="hint" id={`${formId}-password-hint`}>
        The admin password gives calls, the remote screen and the admin console; the user password
        is enough for calls. It stays on this computer and is never shown again.
      </p>
      {testResult && (
        <ConnectionReport result={testResult} trusted={trusted} onTrustChange={setTrusted} />
      )}
      {saveError && (
        <p className="report report-problem" role="alert">
          {saveError}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={busy !== null || missing !== null || testNeedsPassword}
          onClick={() => {
            setTrusted(false);
            void stores.setup.getState().test(draft);
          }}
        >
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null || missing !== null}>
          {busy === 'saving' ? 'Saving…' : phone ? 'Save phone' : 'Add phone'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {missing && <p className="hint">Fill in {missing} to test or add the phone.</p>}
      {!missing && testNeedsPassword && (
        <p className="hint">Type the password to test the connection.</p>
      )}
    </form>
  );
}
