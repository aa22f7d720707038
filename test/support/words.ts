// The English words a person would read for the engine's data, for tests that check the
// engine reported something specific and readable.

import { createI18n, describeError, describeHistory } from '../../i18n/index.ts';
import type { ErrorInfo, HistoryEntry } from '../../main/engine/errors.ts';

const english = createI18n('en');

export function words(error: ErrorInfo | null | undefined): string {
  return error ? describeError(english, error) : '';
}

export function historyWords(entry: HistoryEntry): string {
  return describeHistory(english, entry);
}
