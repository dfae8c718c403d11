import { lazy, Suspense, type ReactNode } from 'react';
import { ViewSection } from './components/view-section';
import { AdminConsole } from './features/admin/admin-console';
import { CallList } from './features/calls/call-list';
import { DemoCaller } from './features/calls/demo-caller';
import { IncomingBanner } from './features/calls/incoming-banner';
import { ContactsView } from './features/contacts/contacts-view';
import { DialPad } from './features/dialpad/dial-pad';
import { ScreenView } from './features/screen/screen-view';
import { DemoWelcome } from './features/setup/demo-welcome';
import { Onboarding } from './features/setup/onboarding';
import { PhonesView } from './features/setup/phones-view';
import { AppNav } from './features/app-frame/app-nav';
import { DialRequestPrompt } from './features/app-frame/dial-request-prompt';
import { NoticesArea } from './features/app-frame/notices-area';
import { PhoneAttention } from './features/app-frame/phone-attention';
import { PhonePicker } from './features/app-frame/phone-picker';
import { useShortcuts } from './features/app-frame/use-shortcuts';
import { useTheme } from './features/app-frame/use-theme';
import type { View } from './stores/ui-store';
import { useAppStore, useStores } from './stores/stores-context';

// Views that are not the first one load on their first visit, keeping them out of the first
// view's JavaScript (its budget: test/renderer/first-view-budget.test.ts).
const HistoryView = lazy(async () => ({
  default: (await import('./features/history/history-view')).HistoryView,
}));
const SettingsView = lazy(async () => ({
  default: (await import('./features/settings/settings-view')).SettingsView,
}));
const OperatorView = lazy(async () => ({
  default: (await import('./features/operator/operator-view')).OperatorView,
}));

function CurrentView({ view, phoneId }: { view: View; phoneId: string }) {
  switch (view) {
    case 'calls':
      return (
        <ViewSection titleId="calls-title" title="Calls">
          <div className="calls-view">
            <CallList />
            <DialPad />
            <DemoCaller />
          </div>
        </ViewSection>
      );
    case 'contacts':
      return <ContactsView />;
    case 'history':
      return (
        <Suspense fallback={<p role="status">Opening History…</p>}>
          <HistoryView />
        </Suspense>
      );
    case 'phones':
      return <PhonesView />;
    case 'settings':
      return (
        <Suspense fallback={<p role="status">Opening the settings…</p>}>
          <SettingsView />
        </Suspense>
      );
    case 'screen':
      return <ScreenView phoneId={phoneId} />;
    case 'admin':
      return <AdminConsole phoneId={phoneId} />;
    case 'operator':
      return (
        <Suspense fallback={<p role="status">Opening the operator view…</p>}>
          <OperatorView />
        </Suspense>
      );
  }
}

function Centered({ children }: { children: ReactNode }) {
  return (
    <main className="centered" id="main">
      {children}
    </main>
  );
}

/** The whole window: waits for the first snapshot, offers onboarding, then the everyday views. */
export function App() {
  const stores = useStores();
  const phase = useAppStore('phones', (state) => state.phase);
  const loadError = useAppStore('phones', (state) => state.loadError);
  const phoneId = useAppStore('phones', (state) => state.selectedPhoneId);
  const view = useAppStore('ui', (state) => state.view);
  const connection = useAppStore('ui', (state) => state.connection);
  useTheme();
  useShortcuts();

  let body: ReactNode;
  if (phase === 'loading') {
    body = (
      <Centered>
        <p role="status">Connecting to Deskpilot…</p>
      </Centered>
    );
  } else if (phase === 'failed') {
    body = (
      <Centered>
        <p role="alert">Deskpilot could not load your phones: {loadError}</p>
        <button type="button" onClick={() => void stores.phones.getState().refresh()}>
          Try again
        </button>
      </Centered>
    );
  } else if (phoneId === null) {
    body = <Onboarding />;
  } else {
    body = (
      <>
        <header className="app-header">
          <span className="brand">Deskpilot</span>
          <PhonePicker />
        </header>
        {/* The operator view's tiles ring themselves; a banner there would push them down. */}
        {view !== 'operator' && <IncomingBanner />}
        <PhoneAttention />
        <DemoWelcome />
        <div className="app-body">
          <AppNav />
          <main id="main" className="app-main">
            <CurrentView view={view} phoneId={phoneId} />
          </main>
        </div>
      </>
    );
  }

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      {connection === 'reconnecting' && (
        <p className="connection-lost" role="alert">
          The connection to Deskpilot was lost. Reconnecting…
        </p>
      )}
      {connection === 'signed-out' && (
        <p className="connection-lost" role="alert">
          This browser is no longer signed in to Deskpilot. To sign in again, open the sign-in file
          Deskpilot named when it started, or start it again.
        </p>
      )}
      {body}
      <NoticesArea />
      <DialRequestPrompt />
    </div>
  );
}
