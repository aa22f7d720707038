// The one line of text under each download, and the words a screen reader hears for its
// progress bar: what is happening, in plain language, in the window's language.

import { describeError, describeHistory, describeReason, formatDuration, formatTime, type I18n } from '../../../i18n/index.ts';
import type { ItemSnapshot } from '../../../main/contract.ts';

type Progress = Pick<ItemSnapshot, 'bytes' | 'total' | 'state'>;

/** Whole percent done, or null when the size is unknown. Never 100 before the file is done. */
export function percentOf(item: Progress): number | null {
  if (item.state === 'done') return 100;
  if (!item.total || item.total <= 0) return null;
  return Math.max(0, Math.min(99, Math.floor((item.bytes / item.total) * 100)));
}

function sizeSoFar(item: Progress, i18n: I18n): string {
  return item.total !== null ? i18n.t('ui.status.sizeOf', { bytes: item.bytes, total: item.total }) : i18n.t('ui.status.sizeSoFar', { bytes: item.bytes });
}

/**
 * `45.2 MB of 1.2 GB · 8.4 MB/s · 2 min left`, `Queued — 3rd`, `Paused · 45.2 MB of 1.2 GB`,
 * `Waiting to retry in 8 sec (attempt 2 of 5)`, `Done · 1.2 GB`, or what went wrong.
 * `now` (epoch ms) counts down the retry wait; `queuePosition` is 1-based.
 */
export function statusLine(item: ItemSnapshot, queuePosition: number | null, now: number, i18n: I18n): string {
  const line = stateLine(item, queuePosition, now, i18n);
  // Only while the store cannot write; first, so a line cut short on screen still shows it.
  if (!item.notSaved) return line;
  // The reason is a sentence; inside the line, its full stop would stand before the next part.
  const reason = describeReason(i18n, item.notSaved).replace(/[.。]$/, '');
  return `${i18n.t('ui.status.notSaved', { reason })} · ${line}`;
}

function stateLine(item: ItemSnapshot, queuePosition: number | null, now: number, i18n: I18n): string {
  const t = i18n.t.bind(i18n);
  switch (item.state) {
    case 'downloading': {
      if (item.waitingForSlot) {
        const waiting = t('ui.status.waitingForSlot', { host: item.waitingForSlot.host, limit: item.waitingForSlot.perHost });
        return item.bytes > 0 ? `${sizeSoFar(item, i18n)} · ${waiting}` : waiting;
      }
      if (item.bytes === 0 && item.speed === 0) return item.total !== null ? t('ui.status.startingSize', { total: item.total }) : t('ui.status.starting');
      const parts = [sizeSoFar(item, i18n)];
      if (item.speed > 0) parts.push(t('ui.status.speed', { speed: item.speed }));
      if (item.eta !== null && item.speed > 0) parts.push(t('ui.status.left', { duration: formatDuration(item.eta, i18n.language) }));
      else if (item.speed === 0) parts.push(t('ui.status.waitingForData'));
      return parts.join(' · ');
    }
    case 'retrying': {
      const retry = item.retry;
      if (!retry) return t('ui.status.waitingToRetry');
      const seconds = Math.max(0, Math.ceil((retry.at - now) / 1000));
      const attempt = { attempt: retry.attempt, max: retry.maxAttempts };
      return seconds > 0 ? t('ui.status.retryIn', { ...attempt, duration: formatDuration(seconds, i18n.language) }) : t('ui.status.retryNow', attempt);
    }
    case 'queued':
      return queuePosition !== null ? t('ui.status.queuedAt', { count: queuePosition, ordinal: true }) : t('ui.status.queued');
    case 'paused':
      return item.bytes > 0 ? t('ui.status.pausedSize', { size: sizeSoFar(item, i18n) }) : t('ui.status.paused');
    case 'done':
      return t('ui.status.done', { size: item.total ?? item.bytes });
    case 'canceled':
      return t('ui.status.canceled');
    case 'failed':
      return failureLine(item, i18n);
  }
}

/**
 * What happened and what to do, from the error's code and facts. An expired link is the one
 * case where the bytes at stake are worth naming, so the person knows a new link saves them.
 */
export function failureLine(item: Pick<ItemSnapshot, 'error' | 'bytes'>, i18n: I18n): string {
  const error = item.error;
  if (!error) return i18n.t('ui.status.failedUnknown');
  const status = error.params?.['status'];
  if (error.code === 'ERR_LINK_EXPIRED' && item.bytes > 0 && status !== undefined) {
    return i18n.t('ui.status.linkExpiredKeeps', { status, bytes: item.bytes });
  }
  return describeError(i18n, error);
}

/** The status line in full (it may be cut short on screen), then the item's latest history. */
export function statusTooltip(line: string, history: ItemSnapshot['history'], i18n: I18n, shown = 3): string {
  const recent = history.slice(-shown).map((entry) => `${formatTime(entry.at, i18n.language)} — ${describeHistory(i18n, entry)}`);
  return recent.length > 0 ? `${line}\n\n${recent.join('\n')}` : line;
}

/** Words for a progress bar's aria-valuetext: `45 percent, 45.2 MB of 1.2 GB, paused`. */
export function progressWords(item: ItemSnapshot, i18n: I18n): string {
  const t = i18n.t.bind(i18n);
  if (item.state === 'done') return t('ui.progress.complete', { size: item.total ?? item.bytes });
  const percent = percentOf(item);
  const progress = percent !== null ? t('ui.progress.percent', { percent, size: sizeSoFar(item, i18n) }) : t('ui.progress.unknownSize', { bytes: item.bytes });
  return item.state === 'downloading' ? progress : t('ui.progress.withState', { progress, state: t(`ui.progress.states.${item.state}`) });
}
