import { createSignal } from 'solid-js';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_KEY = 'stronk-theme';

export function readTheme(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Sets `data-theme` on <html> (absent = follow the system via prefers-color-scheme) and remembers it. */
export function applyTheme(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
) {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const [theme, setThemeSignal] = createSignal<ThemeChoice>(readTheme());

export { theme };
export function setTheme(choice: ThemeChoice) {
  applyTheme(choice);
  setThemeSignal(choice);
}
