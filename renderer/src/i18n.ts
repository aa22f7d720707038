// The window's one i18next instance. Components read it through react-i18next (so they
// re-render when the language changes); the pure helpers that build status lines take it
// as an argument. The language is the one chosen in Settings, else the browser's (or, in
// the desktop app, the system's).

import { createI18n, describeError, matchLocale, resolveChoice, type I18n } from '../../i18n/index.ts';
import type { ErrorInfo } from '../../main/contract.ts';

export const i18n: I18n = createI18n(systemLanguage());

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** The language the browser or system asks for, among those Tsuzuki has. */
export function systemLanguage(): string {
  return matchLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Switches the whole window at once to the language of a stored choice ('system', 'en', 'ja' …). */
export function applyLanguageChoice(choice: string | undefined): void {
  const language = resolveChoice(choice, [systemLanguage()]);
  if (language !== i18n.language) void i18n.changeLanguage(language);
}

export function errorText(error: ErrorInfo): string {
  return describeError(i18n, error);
}
