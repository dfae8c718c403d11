import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  createAppStores,
  startAppStores,
  type AppStores,
} from '../../../src/renderer/stores/app-stores';
import { StoresProvider } from '../../../src/renderer/stores/stores-context';
import type { TestCore } from './test-core';

/**
 * Renders a component with the window's stores built over the test core, started like main.tsx
 * (unless `start` is false: a view about one phone needs no phone list, contacts or settings).
 */
export function renderWithStores(
  core: TestCore,
  ui: ReactElement,
  { start = true }: { start?: boolean } = {},
): { stores: AppStores; stop: () => void } {
  const stores = createAppStores(core.api);
  const stop = start ? startAppStores(stores) : () => undefined;
  render(<StoresProvider stores={stores}>{ui}</StoresProvider>);
  return { stores, stop };
}

/** Resolves after pending promise callbacks (store updates after a request) have run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
