// Which of our languages fits what the system or browser asks for. BCP 47 tags from a
// browser (`ja-JP`, `en-GB`) and POSIX locales from a shell (`ja_JP.UTF-8`, `C`) alike.

import { FALLBACK_LOCALE, LOCALES } from './catalogues.ts';

/** A user's language choice as stored in the settings: a language code, or follow the system. */
export type LanguageChoice = 'system' | string;

/** The first of `wanted` we have a catalogue for (by language, ignoring the region), else English. */
export function matchLocale(wanted: readonly (string | undefined)[]): string {
  for (const tag of wanted) {
    const language = languageOf(tag);
    if (language && LOCALES.includes(language)) return language;
  }
  return FALLBACK_LOCALE;
}

function languageOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const language = tag.trim().split(/[-_.@]/)[0]?.toLowerCase();
  return language && /^[a-z]{2,3}$/.test(language) ? language : undefined;
}

/**
 * The language a terminal asks for, as POSIX decides it for messages: LC_ALL wins, then
 * LC_MESSAGES, then LANG; an empty variable does not count. `C` and `POSIX` mean English.
 */
export function localeFromEnv(env: Record<string, string | undefined>): string {
  const value = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((candidate) => candidate !== undefined && candidate !== '');
  if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) return FALLBACK_LOCALE;
  // LANGUAGE (GNU) lists several, colon-separated; it refines, it never overrides C.
  const preferred = (env['LANGUAGE'] ?? '').split(':').filter(Boolean);
  return matchLocale([...preferred, value]);
}

/** The language to use for a stored choice: the named one, or the system's. */
export function resolveChoice(choice: LanguageChoice | undefined, system: readonly (string | undefined)[]): string {
  if (choice && choice !== 'system' && LOCALES.includes(choice)) return choice;
  return matchLocale(system);
}
