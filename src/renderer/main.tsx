import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectToCore } from './bridge/api';
import { createAppStores, startAppStores } from './stores/app-stores';
import { StoresProvider } from './stores/stores-context';
import './styles/app.css';
import './styles/calls.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

try {
  const { api, watchConnection, browserHost } = connectToCore();
  const stores = createAppStores(api, { browserHost });
  startAppStores(stores, watchConnection);
  root.render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
} catch (error) {
  // Without a core there is nothing to show but the reason.
  root.render(
    <p role="alert">
      Deskpilot cannot start: {error instanceof Error ? error.message : String(error)}
    </p>,
  );
}
