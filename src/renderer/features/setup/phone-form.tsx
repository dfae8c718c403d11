import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PhoneInfo, PhoneScheme } from '../../../shared/domain';
import { isPlainHttp, PLAIN_HTTP_WARNING } from '../../../shared/plain-http';
import { RadioGroup, TextField } from '../../components/fields';
import { useEscapeToClose } from '../../components/use-escape-to-close';
import { GROUP_NAME_MAX, groupNames } from '../../lib/phone-groups';
import { useAppStore, useStores } from '../../stores/stores-context';
import { ConnectionReport } from './connection-report';
import {
  addressProblem,
  buildPhoneUrl,
  splitPhoneUrl,
  typedScheme,
  withScheme,
} from './phone-address';

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
  const [group, setGroup] = useState(phone?.group ?? '');
  const groups = groupNames(
    useAppStore('phones', (state) => state.phones).map((phone) => phone.info),
  );
  const [address, setAddress] = useState(initial.address);
  const [scheme, setScheme] = useState<PhoneScheme>(initial.scheme);
  const [username, setUsername] = useState(phone?.username ?? 'Polycom');
  const [password, setPassword] = useState('');
  const [trusted, setTrusted] = useState(false);
  const [addressLeft, setAddressLeft] = useState(false);
  const formId = useId();
  const closeOnEscape = useEscapeToClose(() => onCancel?.());
  const setupStore = stores.setup;
  // A report or refusal belongs to the address it was about: a form opened afresh starts clean.
  useEffect(() => setupStore.getState().forget(), [setupStore]);
  /** Any change to where or how to connect makes the last test's report and refusal stale. */
  const changing =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setupStore.getState().forget();
    };
  const changeAddress = changing((value: string) => {
    setAddress(value);
    // A scheme typed in the address is the one used: the choice below follows it.
    const typed = typedScheme(value);
    if (typed !== null) setScheme(typed);
  });
  const changeScheme = changing((value: PhoneScheme) => {
    setScheme(value);
    setAddress(withScheme(address, value));
  });

  const url = buildPhoneUrl(scheme, address);
  const fingerprint = trusted && testResult?.fingerprint ? testResult.fingerprint : undefined;
  const chosenGroup = group.trim() === '' ? null : group.trim();
  const draft = {
    name: name.trim() || address.trim(),
    ...(chosenGroup === null ? {} : { group: chosenGroup }),
    url,
    username,
    password,
    ...(fingerprint ? { acceptFingerprint: fingerprint } : {}),
  };
  const badAddress = addressProblem(address);
  const shownAddressProblem = addressLeft ? badAddress : null;
  const missing =
    address.trim() === '' ? 'the address' : username.trim() === '' ? 'the user name' : null;
  const blocked = missing !== null || badAddress !== null;
  // An empty field keeps the saved password on save, but a test would send the empty one and
  // report a wrong password for a phone that works: the saved password never reaches this window.
  const testNeedsPassword = phone?.hasPassword === true && password === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked) {
      setAddressLeft(true);
      return;
    }
    const setup = setupStore.getState();
    if (phone) {
      const saved = await setup.update(phone.id, {
        name: draft.name,
        group: chosenGroup,
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
    <form
      className="phone-form"
      onSubmit={submit}
      onKeyDown={onCancel ? closeOnEscape : undefined}
      aria-labelledby={`${formId}-title`}
    >
      <h2 id={`${formId}-title`}>{phone ? `Edit ${phone.name}` : 'Add a phone'}</h2>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        placeholder="Desk phone"
        autoComplete="off"
      />
      <TextField
        label="Group"
        value={group}
        onChange={setGroup}
        list={`${formId}-groups`}
        maxLength={GROUP_NAME_MAX}
        placeholder="Reception"
        autoComplete="off"
        aria-describedby={`${formId}-group-hint`}
      />
      <datalist id={`${formId}-groups`}>
        {groups.map((known) => (
          <option key={known} value={known} />
        ))}
      </datalist>
      <p className="hint" id={`${formId}-group-hint`}>
        Optional. The operator view can show one group of phones at a time.
      </p>
      <TextField
        label="Address"
        value={address}
        onChange={changeAddress}
        onBlur={() => setAddressLeft(true)}
        placeholder="192.168.1.20"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={shownAddressProblem !== null}
        aria-describedby={
          shownAddressProblem ? `${formId}-address-error` : `${formId}-address-hint`
        }
      />
      {shownAddressProblem ? (
        <p className="field-error" id={`${formId}-address-error`}>
          {shownAddressProblem}
        </p>
      ) : (
        <p className="hint" id={`${formId}-address-hint`}>
          The phone shows its address under Settings → Status → Network.
        </p>
      )}
      <RadioGroup
        legend="Connection"
        name={`${formId}-scheme`}
        value={scheme}
        options={SCHEMES}
        onChange={changeScheme}
      />
      {isPlainHttp(url) && (
        <p className="report report-warning" id={`${formId}-plain-http`}>
          {PLAIN_HTTP_WARNING}
        </p>
      )}
      <TextField
        label="User name"
        value={username}
        onChange={changing(setUsername)}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={changing(setPassword)}
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
          disabled={busy !== null || blocked || testNeedsPassword}
          onClick={() => {
            setTrusted(false);
            void stores.setup.getState().test(draft);
          }}
        >
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null || blocked}>
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
