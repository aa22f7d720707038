// The window's one i18next instance. Components read it through react-i18next; the pure
// helpers that build status lines take it as an argument.

import { createI18n, describeError, type I18n } from '../../i18n/index.ts';
import type { ErrorInfo } from '../../main/contract.ts';

export const i18n: I18n = createI18n(navigator.language);

export function errorText(error: ErrorInfo): string {
  return describeError(i18n, error);
}
