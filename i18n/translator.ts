// One i18next instance per surface (window, CLI, web host pages, desktop shell), loaded with
// every catalogue at once and synchronously, so a language switch is immediate and nothing
// is fetched. i18next because it is small, runs unchanged in Node and the browser, has
// plurals through Intl.PluralRules and interpolation with formats, and react-i18next
// re-renders the window when the language changes.

import i18next, { type i18n as I18n } from 'i18next';
import { CATALOGUES, FALLBACK_LOCALE, LOCALES } from './catalogues.ts';
import { formatBytes, formatSpeed } from './format.ts';

export type { I18n };

export function createI18n(locale: string): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: LOCALES.includes(locale) ? locale : FALLBACK_LOCALE,
    fallbackLng: FALLBACK_LOCALE,
    supportedLngs: LOCALES,
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([code, catalogue]) => [code, { translation: catalogue }])),
    initAsync: false,
    // Every surface escapes for itself (React does; the web host's pages escape their HTML).
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    // A value a message names but the data lacks shows as nothing, never as `{{name}}`.
    missingInterpolationHandler: () => '',
  });
  // `{{kept, bytes}}` and `{{speed, speed}}` in a catalogue: SI decimal units.
  instance.services.formatter?.add('bytes', (value, lng) => formatBytes(Number(value), lng ?? FALLBACK_LOCALE));
  instance.services.formatter?.add('speed', (value, lng) => formatSpeed(Number(value), lng ?? FALLBACK_LOCALE));
  return instance;
}
