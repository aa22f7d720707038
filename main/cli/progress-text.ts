// What `tsuzuki get` says of a download while it runs, in the user's language: the words
// after a bar, or the line written on a pipe.

import type { ItemSnapshot } from '../engine/item.ts';
import { formatDuration } from '../../i18n/index.ts';
import { errorText, i18n, say } from './messages.ts';

export function describe(item: ItemSnapshot): string {
  switch (item.state) {
    case 'downloading': {
      const parts = [item.total !== null ? say('progress.sizeOf', { bytes: item.bytes, total: item.total }) : say('progress.size', { bytes: item.bytes })];
      if (item.speed > 0) parts.push(say('progress.speed', { speed: item.speed }));
      if (item.eta !== null) parts.push(say('progress.left', { duration: formatDuration(item.eta, i18n.language) }));
      return parts.join(' · ');
    }
    case 'retrying': {
      const reason = item.error ? errorText(item.error, { withoutAction: true }) : '';
      if (!item.retry) return say('progress.retryingSoon', { reason });
      // In the window's coarse steps (`8 s`, `10 min`), not a count of seconds: a Retry-After can be minutes.
      const seconds = Math.max(0, Math.round((item.retry.at - Date.now()) / 1000));
      const duration = formatDuration(seconds, i18n.language);
      return say('progress.retrying', { duration, attempt: item.retry.attempt, max: item.retry.maxAttempts, reason });
    }
    case 'done':
      return say('progress.done', { bytes: item.bytes });
    case 'failed':
      return say('progress.failed', { reason: item.error ? errorText(item.error) : say('progress.unknownError') });
    default:
      return say(`progress.states.${item.state}`);
  }
}
