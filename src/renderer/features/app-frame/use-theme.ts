import { useEffect } from 'react';
import { useAppStore } from '../../stores/stores-context';

/**
 * Applies the theme setting: "system" leaves the choice to prefers-color-scheme in the CSS;
 * "light"/"dark" pin it with a data attribute on <html>.
 */
export function useTheme(): void {
  const theme = useAppStore('settings', (state) => state.settings.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
