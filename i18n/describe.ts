// Words for the engine's data: an error (what happened, then what to do) and a history
// entry, in the instance's current language. The only place that knows how the engine's
// codes and parameters map onto catalogue keys.

import type { i18n as I18n } from 'i18next';
import type { ErrorInfo, HistoryEntry, Params } from '../main/engine/errors.ts';

type T = I18n['t'];

export interface DescribeOptions {
  /** Leave out what the user can do (while Tsuzuki is retrying by itself, say). */
  withoutAction?: boolean;
  /**
   * The catalogue part with a surface's own words for what to do (`cli.actions`: a terminal
   * has no Resume button, it runs the command again); an action it lacks gets the common words.
   */
  actions?: string;
}

/** `The server has no file at this link (404). Check the link and try again.` */
export function describeError(i18n: I18n, error: ErrorInfo, options: DescribeOptions = {}): string {
  // Errors stored before errors were data carry their own (English) sentence and no facts.
  const legacy = (error as { message?: unknown }).message;
  if (!error.params && !error.action && typeof legacy === 'string' && legacy !== '') return legacy;
  const t = i18n.t.bind(i18n);
  const params = error.params ?? {};
  let text = reasonOf(i18n, error.code, params);
  if (typeof params['attempts'] === 'number') {
    text = join(t, text, t('errors.gaveUp', { count: params['attempts'], kept: params['kept'] ?? 0 }));
  }
  if (error.action && !options.withoutAction) {
    const own = options.actions && `${options.actions}.${error.action}`;
    const key = own && i18n.exists(own) ? own : `actions.${error.action}`;
    if (i18n.exists(key)) text = join(t, text, t(key));
  }
  return text;
}

/** What happened, without the advice. */
export function describeReason(i18n: I18n, error: ErrorInfo): string {
  return reasonOf(i18n, error.code, error.params ?? {});
}

function reasonOf(i18n: I18n, code: string, params: Params): string {
  const values: Record<string, unknown> = { ...params };
  // Codes nested in the parameters are worded too.
  if (code === 'ERR_SERVER_CHANGED' && typeof params['reason'] === 'string') values['reason'] = historyText(i18n, params['reason'], params);
  if (!i18n.exists(`errors.${code}`)) return i18n.t('errors.ERR_INTERNAL', { detail: code });
  // A variant has its own words (`ERR_NETWORK_dns`); one this version lacks falls back to the code's.
  const variant = typeof params['variant'] === 'string' ? params['variant'] : undefined;
  return i18n.t(`errors.${code}`, variant ? { ...values, context: variant } : values);
}

/** One history line: `The server's file changed since the download began — restarted from the start`. */
export function describeHistory(i18n: I18n, entry: HistoryEntry): string {
  // Entries written before history was data carry their own (English) words.
  const legacy = (entry as { message?: unknown }).message;
  if (!entry.code && typeof legacy === 'string') return legacy;
  return historyText(i18n, entry.code, entry.params ?? {});
}

function historyText(i18n: I18n, code: string, params: Params): string {
  if (!i18n.exists(`history.${code}`)) return i18n.t('history.unknown');
  const values: Record<string, unknown> = { ...params };
  if (code === 'cannotContinue' && typeof params['error'] === 'string') values['error'] = reasonOf(i18n, params['error'], params);
  return i18n.t(`history.${code}`, values);
}

function join(t: T, first: string, second: string): string {
  return t('join.sentences', { first, second });
}
