// Every language Tsuzuki speaks: one JSON catalogue each under `locales/`, listed here once.
// English is the reference (and the fallback for a key a catalogue lacks); the catalogue
// test checks that every file in `locales/` is listed and matches English key for key.

import en from './locales/en.json' with { type: 'json' };

export type Catalogue = typeof en;

export const CATALOGUES: Record<string, Catalogue> = { en };

export const FALLBACK_LOCALE = 'en';

/** Language codes in the order a language menu lists them. */
export const LOCALES = Object.keys(CATALOGUES);
