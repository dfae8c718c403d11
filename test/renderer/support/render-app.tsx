import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  createAppStores,
  startAppStores,
  type AppStores,
} from '../../../src/renderer/stores/app-stores';
import { StoresProvider } from '../../../src/renderer/stores/stores-context';
import type { TestCore } from './test-core';

/** Renders a component with the window's stores built over the test core, started like main.tsx. */
export function renderWithStores(
  core: TestCore,
  ui: ReactElement,
): { stores: AppStores; stop: () => void } {
  const stores = createAppStores(core.api);
  const stop = startAppStores(stores);
  render(<StoresProvider stores={stores}>{ui}</StoresProvider>);
  return { stores, stop };
}

/** Resolves after pending promise callbacks (store updates after a request) have run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
