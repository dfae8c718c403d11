import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  createAppStores,
  startAppStores,
  type AppStores,
} from '../../../src/renderer/stores/app-stores';
import { StoresProvider } from '../../../src/renderer/stores/stores-context';
import type { TestCore } from './test-core';

// Lazily loaded views (the admin console's sections) can take over a second to appear while the
// whole suite shares two cores: wait up to 5 s, as a user would, before a find gives up.
configure({ asyncUtilTimeout: 5000 });

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
