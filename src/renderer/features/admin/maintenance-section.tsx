import { useState } from 'react';
import { useStore } from 'zustand';

import { CONFIG_RESET_SCOPES, type Call, type PhoneHealth } from '../../../shared/domain';
import { useAppStore } from '../../stores/stores-context';
import type { AdminStores } from './stores/admin-stores';
import type { ResetScope } from './stores/maintenance-store';
import { callsWarning, resetWarning } from './stores/maintenance-words';
import { ConfirmBox } from './confirm-box';

type Pending = 'restart' | 'reboot' | 'reset' | 'factory-reset' | null;

const NO_CALLS: readonly Call[] = [];

const HEALTH_WORDS: Record<PhoneHealth, string> = {
  online: 'Online',
  connecting: 'Connecting',
  unreachable: 'Not answering',
  rebooting: 'Restarting',
  'needs-attention': 'Needs attention',
};

const SCOPE_NAMES: Record<ResetScope, string> = {
  all: 'Everything (local, web and device)',
  local: 'Local (set on the phone and by Deskpilot)',
  web: "Web (set in the phone's web page)",
  device: 'Device (network, provisioning, passwords)',
};

/** Restart, reboot, configuration reset, factory reset and packet capture, each confirmed. */
export function MaintenanceSection({ stores }: { stores: AdminStores }) {
  const store = stores.maintenance;
  const progress = useStore(store, (state) => state.maintenance);
  const health = useStore(store, (state) => state.health);
  const actions = store.getState();
  const calls = useAppStore(
    'phones',
    (state) => state.phones.find((phone) => phone.info.id === stores.phoneId)?.calls ?? NO_CALLS,
  );
  const [pending, setPending] = useState<Pending>(null);
  const [scope, setScope] = useState<ResetScope>('local');
  const [captureUrl, setCaptureUrl] = useState('');
  const run = (action: () => Promise<void>) => {
    setPending(null);
    void action();
  };

  return (
    <div className="admin-section">
      <p className="phone-health" role="status" aria-label="Phone health">
        {/* The banner above every view explains a phone that is not online: said once, there. */}
        Phone: <strong>{health === null ? 'Checking…' : HEALTH_WORDS[health]}</strong>
      </p>
      {progress && (
        <p
          className={`maintenance-progress phase-${progress.phase}`}
          role="status"
          aria-label="Maintenance progress"
        >
          {progress.message}
        </p>
      )}
      <section className="admin-group" aria-label="Restart">
        <h2>Restart</h2>
        <div className="admin-actions">
          <button type="button" onClick={() => setPending('restart')}>
            Restart phone…
          </button>
          <button type="button" onClick={() => setPending('reboot')}>
            Reboot phone…
          </button>
        </div>
        {pending === 'restart' && (
          <ConfirmBox
            title="Restart the phone?"
            confirmLabel="Restart"
            onConfirm={() => run(() => actions.restart(calls.length))}
            onCancel={() => setPending(null)}
          >
            <p>
              <strong>{callsWarning(calls)}</strong> The phone then restarts its software: no call
              can be placed or received until it is back, usually within a minute. Settings are
              kept.
            </p>
            <p>Deskpilot keeps its access and reconnects on its own once the phone is back.</p>
          </ConfirmBox>
        )}
        {pending === 'reboot' && (
          <ConfirmBox
            title="Reboot the phone?"
            confirmLabel="Reboot"
            onConfirm={() => run(() => actions.reboot(calls.length))}
            onCancel={() => setPending(null)}
          >
            <p>
              <strong>{callsWarning(calls)}</strong> The phone then reboots completely and is
              unreachable for one to three minutes. Settings are kept.
            </p>
            <p>Deskpilot keeps its access and reconnects on its own once the phone is back.</p>
          </ConfirmBox>
        )}
      </section>
      <section className="admin-group" aria-label="Reset configuration">
        <h2>Reset configuration</h2>
        <div className="admin-actions">
          <label className="field">
            What to reset
            <select value={scope} onChange={(e) => setScope(e.target.value as ResetScope)}>
              {CONFIG_RESET_SCOPES.map((option) => (
                <option key={option} value={option}>
                  {SCOPE_NAMES[option]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setPending('reset')}>
            Reset configuration…
          </button>
        </div>
        {pending === 'reset' && (
          <ConfirmBox
            title={`Reset the ${scope === 'all' ? 'whole' : scope} configuration?`}
            confirmLabel="Reset"
            onConfirm={() => run(() => actions.resetConfig(scope))}
            onCancel={() => setPending(null)}
          >
            <p>{resetWarning(scope).phone}</p>
            <p>
              <strong>{resetWarning(scope).access}</strong>
            </p>
          </ConfirmBox>
        )}
      </section>
      <section className="admin-group" aria-label="Factory reset">
        <h2>Factory reset</h2>
        <button type="button" className="danger" onClick={() => setPending('factory-reset')}>
          Factory reset…
        </button>
        {pending === 'factory-reset' && (
          <ConfirmBox
            title="Factory reset the phone?"
            confirmLabel="Factory reset"
            typedPhrase="FACTORY RESET"
            onConfirm={(typed) => run(() => actions.factoryReset(typed))}
            onCancel={() => setPending(null)}
          >
            <p>
              Everything on the phone is erased: all settings, contacts, call history and
              registrations. The phone restarts with its factory settings, which{' '}
              <strong>turn the REST API off</strong> and{' '}
              <strong>restore the default admin password (456)</strong>: Deskpilot cannot reach the
              phone afterwards until someone enables the REST API and sets a new admin password on
              the phone or its web page.
            </p>
          </ConfirmBox>
        )}
      </section>
      <section className="admin-group" aria-label="Packet capture">
        <h2>Background packet capture</h2>
        <form
          className="admin-actions"
          onSubmit={(event) => {
            event.preventDefault();
            void actions.uploadCapture(captureUrl);
          }}
        >
          <label className="field">
            Upload to URL (empty: the phone's configured server)
            <input type="url" value={captureUrl} onChange={(e) => setCaptureUrl(e.target.value)} />
          </label>
          <button type="submit">Upload capture</button>
        </form>
      </section>
    </div>
  );
}
