import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';

import { KeyValueList } from './device-section';
import type { AdminStores } from './stores/admin-stores';
import type { SkypeSignInForm } from './stores/skype-store';

const EMPTY_FORM: SkypeSignInForm = { address: '', user: '', password: '', domain: '' };

/**
 * Skype for Business presence and sign in / sign out, shown only where the phone reports them;
 * elsewhere a note says why the section is empty and what would enable it.
 */
export function SkypeSection({ stores }: { stores: AdminStores }) {
  const { skype } = stores;
  useEffect(() => void skype.getState().load(), [skype]);
  const status = useStore(skype, (state) => state.status);
  const busy = useStore(skype, (state) => state.busy);
  const error = useStore(skype, (state) => state.error);
  const [form, setForm] = useState<SkypeSignInForm>(EMPTY_FORM);

  const errorLine = error && (
    <p role="alert" className="admin-notice is-error">
      {error}
    </p>
  );
  if (status === null)
    return errorLine || <p role="status">Reading Skype for Business presence…</p>;
  if (!status.supported) {
    return (
      <div className="admin-section">
        <p role="note" className="muted">
          Skype for Business is hidden: this phone does not report it (it answers 4004, not
          supported). It is available on phones running the Skype for Business base profile
          (device.baseProfile = SkypeForBusiness or Lync).
        </p>
      </div>
    );
  }

  const signedIn = status.presence !== null && status.presence.toLowerCase() !== 'offline';
  const field = (name: keyof SkypeSignInForm, label: string, type = 'text') => (
    <label className="field">
      {label}
      <input
        type={type}
        required={name !== 'domain'}
        autoComplete={name === 'password' ? 'off' : undefined}
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void skype
      .getState()
      .signIn(form)
      // The password is never kept once sent, whatever the outcome.
      // Functional update: the sign-in can take minutes, and edits made meanwhile must stay.
      .then((ok) => setForm((current) => (ok ? EMPTY_FORM : { ...current, password: '' })));
  };

  return (
    <div className="admin-section">
      {errorLine}
      <section className="admin-group" aria-label="Skype for Business presence">
        <header>
          <h2>Presence</h2>
        </header>
        <p role="status">
          Presence: <strong>{status.presence ?? 'unknown'}</strong>
        </p>
        <KeyValueList group={status.details} />
      </section>
      {signedIn ? (
        <div className="admin-actions">
          <button type="button" disabled={busy} onClick={() => void skype.getState().signOut()}>
            Sign out of Skype for Business
          </button>
        </div>
      ) : (
        <form className="admin-group" aria-label="Skype for Business sign-in" onSubmit={submit}>
          {field('address', 'Sign-in address')}
          {field('user', 'User name')}
          {field('password', 'Password', 'password')}
          {field('domain', 'Domain (optional)')}
          <div className="admin-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Signing in… (the phone can take up to 2½ minutes)' : 'Sign in'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
