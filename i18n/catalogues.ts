// Every language Tsuzuki speaks: one JSON catalogue each under `locales/`, listed here once.
// English is the reference (and the fallback for a key a catalogue lacks); the catalogue
// test checks that every file in `locales/` is listed and matches English key for key.

import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

/** Nested groups of messages; plural forms are sibling keys (`_one`, `_other`) as i18next names them. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

export const CATALOGUES: Record<string, Catalogue> = { en, ja };

export const FALLBACK_LOCALE = 'en';

/** Language codes in the order a language menu lists them. */
export const LOCALES = Object.keys(CATALOGUES);
