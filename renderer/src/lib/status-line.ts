// The one line of text under each download, and the words a screen reader hears for its
// progress bar: what is happening, in plain language.

import { describeError, describeHistory, type I18n } from '../../../i18n/index.ts';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { formatBytes, formatDuration, formatSpeed, ordinal } from './format.ts';

type Progress = Pick<ItemSnapshot, 'bytes' | 'total' | 'state'>;

/** Whole percent done, or null when the size is unknown. Never 100 before the file is done. */
export function percentOf(item: Progress): number | null {
  if (item.state === 'done') return 100;
  if (!item.total || item.total <= 0) return null;
  return Math.max(0, Math.min(99, Math.floor((item.bytes / item.total) * 100)));
}

function sizeSoFar(item: Progress): string {
  return item.total !== null ? `${formatBytes(item.bytes)} of ${formatBytes(item.total)}` : formatBytes(item.bytes);
}

/**
 * `45.2 MB of 1.2 GB · 8.4 MB/s · 2 min left`, `Queued — 3rd`, `Paused · 45.2 MB of 1.2 GB`,
 * `Waiting to retry in 8 s (attempt 2 of 5)`, `Done · 1.2 GB`, or what went wrong.
 * `now` (epoch ms) counts down the retry wait; `queuePosition` is 1-based.
 */
export function statusLine(item: ItemSnapshot, queuePosition: number | null, now: number, i18n: I18n): string {
  switch (item.state) {
    case 'downloading': {
      if (item.bytes === 0 && item.speed === 0) return item.total !== null ? `Starting · ${formatBytes(item.total)}` : 'Starting…';
      const parts = [sizeSoFar(item)];
      if (item.speed > 0) parts.push(formatSpeed(item.speed));
      if (item.eta !== null && item.speed > 0) parts.push(`${formatDuration(item.eta)} left`);
      else if (item.speed === 0) parts.push('waiting for data…');
      return parts.join(' · ');
    }
    case 'retrying': {
      const retry = item.retry;
      if (!retry) return 'Waiting to retry';
      const seconds = Math.max(0, Math.ceil((retry.at - now) / 1000));
      const when = seconds > 0 ? `in ${formatDuration(seconds)}` : 'now';
      return `Waiting to retry ${when} (attempt ${retry.attempt} of ${retry.maxAttempts})`;
    }
    case 'queued':
      return queuePosition !== null ? `Queued — ${ordinal(queuePosition)}` : 'Queued';
    case 'paused':
      return item.bytes > 0 ? `Paused · ${sizeSoFar(item)}` : 'Paused';
    case 'done':
      return `Done · ${formatBytes(item.total ?? item.bytes)}`;
    case 'canceled':
      return 'Canceled — the partial file was deleted. Retry starts it again.';
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
  if (!error) return 'The download stopped with an error. Retry continues from where it stopped.';
  if (error.code === 'ERR_LINK_EXPIRED' && item.bytes > 0) {
    const status = error.params?.['status'];
    return `The link expired${status ? ` (${status})` : ''} — Change link… keeps the ${formatBytes(item.bytes)} already downloaded`;
  }
  return describeError(i18n, error);
}

/** The status line in full (it may be cut short on screen), then the item's latest history. */
export function statusTooltip(line: string, history: ItemSnapshot['history'], i18n: I18n, shown = 3): string {
  const recent = history.slice(-shown).map((entry) => `${new Date(entry.at).toLocaleTimeString()} — ${describeHistory(i18n, entry)}`);
  return recent.length > 0 ? `${line}\n\n${recent.join('\n')}` : line;
}

/** Words for a progress bar's aria-valuetext: `45 percent, 45.2 MB of 1.2 GB, paused`. */
export function progressWords(item: ItemSnapshot): string {
  if (item.state === 'done') return `Complete, ${formatBytes(item.total ?? item.bytes)}`;
  const percent = percentOf(item);
  const amount = percent !== null ? `${percent} percent, ${sizeSoFar(item)}` : `${formatBytes(item.bytes)} so far, size unknown`;
  const state = item.state === 'downloading' ? '' : `, ${STATE_WORDS[item.state]}`;
  return `${amount}${state}`;
}

const STATE_WORDS: Record<ItemSnapshot['state'], string> = {
  queued: 'queued',
  downloading: 'downloading',
  retrying: 'waiting to retry',
  paused: 'paused',
  done: 'done',
  failed: 'failed',
  canceled: 'canceled',
};
