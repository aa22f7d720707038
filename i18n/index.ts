// The shared message catalogue and the words and numbers built from it, for every surface:
// the window (a browser bundle: nothing here may import Node), the CLI, the web host's own
// pages and the desktop shell.

export { CATALOGUES, FALLBACK_LOCALE, LOCALES, type Catalogue } from './catalogues.ts';
export { describeError, describeHistory, describeReason, type DescribeOptions } from './describe.ts';
export { durationParts, formatBytes, formatDuration, formatNumber, formatPercent, formatSpeed, formatTime } from './format.ts';
export { localeFromEnv, matchLocale, resolveChoice, type LanguageChoice } from './locale.ts';
export { createI18n, type I18n } from './translator.ts';
