// Every language Tsuzuki speaks: one JSON catalogue each under `locales/`, found by name, so
// adding a language is adding its file. English is the reference (and the fallback for a
// key a catalogue lacks); the catalogue test checks every file against it key for key.
//
// Everything that ships is built by Vite (the window, the desktop shell, the CLI bundle),
// which inlines the files through `import.meta.glob`; `import.meta.env` exists only there.
// Node running the sources directly (the tests, the CLI before its first build) reads the
// folder instead, from a module the bundles never load.

/** Nested groups of messages; plural forms are sibling keys (`_one`, `_other`) as i18next names them. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

export const FALLBACK_LOCALE = 'en';

const bundled: Record<string, Catalogue> | undefined = import.meta.env
  ? import.meta.glob<Catalogue>('./locales/*.json', { eager: true, import: 'default' })
  : undefined;

async function fromDisk(): Promise<Record<string, Catalogue>> {
  // A variable specifier: bundlers leave it alone, so no Node module reaches the window.
  const reader = './locales-from-disk.ts';
  const { readLocales } = (await import(/* @vite-ignore */ reader)) as { readLocales(): Record<string, Catalogue> };
  return readLocales();
}

const byFile = bundled ?? (await fromDisk());

/** Language code → catalogue, English first, then by code. */
export const CATALOGUES: Record<string, Catalogue> = Object.fromEntries(
  Object.entries(byFile)
    .map(([file, catalogue]) => [file.replace(/^.*\//, '').replace(/\.json$/, ''), catalogue] as const)
    .sort(([a], [b]) => (a === FALLBACK_LOCALE ? -1 : b === FALLBACK_LOCALE ? 1 : a.localeCompare(b))),
);

/** Language codes in the order a language menu lists them. */
export const LOCALES = Object.keys(CATALOGUES);
