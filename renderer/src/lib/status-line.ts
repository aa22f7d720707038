// The one line of text under each download: what is happening, in words.

import type { ItemSnapshot } from '../../../main/contract.ts';
import { formatBytes, formatDuration, formatSpeed, ordinal } from './format.ts';

export function percentOf(item: Pick<ItemSnapshot, 'bytes' | 'total' | 'state'>): number | null {
  if (item.state === 'done') return 100;
  if (!item.total) return null;
  return Math.min(100, Math.floor((item.bytes / item.total) * 100));
}

export function statusLine(item: ItemSnapshot, queuePosition: number | null, now: number): string {
  const size = item.total !== null ? `${formatBytes(item.bytes)} of ${formatBytes(item.total)}` : formatBytes(item.bytes);
  switch (item.state) {
    case 'downloading': {
      const parts = [size];
      if (item.speed > 0) parts.push(formatSpeed(item.speed));
      if (item.eta !== null) parts.push(`${formatDuration(item.eta)} left`);
      else if (item.speed === 0) parts.push('connecting…');
      return parts.join(' · ');
    }
    case 'retrying': {
      const retry = item.retry;
      if (!retry) return 'Waiting to retry';
      const seconds = Math.max(0, Math.ceil((retry.at - now) / 1000));
      return `Waiting to retry in ${seconds} s (attempt ${retry.attempt} of ${retry.maxAttempts})`;
    }
    case 'queued':
      return queuePosition !== null ? `Queued — ${ordinal(queuePosition)}` : 'Queued';
    case 'paused':
      return item.bytes > 0 ? `Paused · ${size}` : 'Paused';
    case 'done':
      return `Done · ${formatBytes(item.total ?? item.bytes)}`;
    case 'canceled':
      return 'Canceled — the partial file was deleted';
    case 'failed':
      return failureLine(item);
  }
}

function failureLine(item: ItemSnapshot): string {
  const message = item.error?.message ?? 'The download failed.';
  if (item.error?.code === 'ERR_LINK_EXPIRED' && item.bytes > 0) {
    return `The link expired or access was denied — Change link… keeps the ${formatBytes(item.bytes)} already downloaded`;
  }
  return message;
}

/** Words for a progress bar's aria-valuetext. */
export function progressWords(item: ItemSnapshot): string {
  const percent = percentOf(item);
  if (item.state === 'done') return 'complete';
  const base = percent !== null ? `${percent} percent` : `${formatBytes(item.bytes)} so far`;
  return item.state === 'downloading' ? base : `${base}, ${item.state}`;
}
