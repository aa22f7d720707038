// The CLI's words, in the language the terminal asks for (LC_ALL, LC_MESSAGES, LANG).

import { createI18n, describeError, type DescribeOptions } from '../../i18n/index.ts';
import { localeFromEnv } from '../../i18n/locale.ts';
import { DownloadError, type ErrorInfo } from '../engine/errors.ts';

export const i18n = createI18n(localeFromEnv(process.env));

export function errorText(error: ErrorInfo, options?: DescribeOptions): string {
  return describeError(i18n, error, options);
}

/** An engine error in words; anything else (a system error from a library) as it said it. */
export function problemText(error: unknown): string {
  if (error instanceof DownloadError) return errorText(error.info());
  return error instanceof Error ? error.message : String(error);
}
