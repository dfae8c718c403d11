import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStates, AppStores, StateStores } from './app-stores';

const StoresContext = createContext<AppStores | null>(null);

/** Makes the window's stores available to every component below it. */
export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The window's stores; throws if a component is rendered outside StoresProvider. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() needs a <StoresProvider> above it');
  return stores;
}

/** Selects a slice of one store: `useAppStore('phones', (s) => s.phones)`. */
export function useAppStore<K extends keyof AppStates, T>(
  key: K,
  selector: (state: AppStates[K]) => T,
): T {
  const stores: StateStores = useStores();
  const store = stores[key];
  return useStore(store, selector);
}
