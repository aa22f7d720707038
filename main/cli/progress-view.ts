// The terminal view of `tsuzuki get`: one cli-progress bar per download on a terminal; on a
// pipe or a log file, one line per state change instead of redrawn bars.

import cliProgress from 'cli-progress';
import type { ItemSnapshot } from '../engine/item.ts';
import { formatDuration } from '../../i18n/index.ts';
import { errorText, i18n, say } from './messages.ts';

export interface ProgressView {
  update(items: ItemSnapshot[]): void;
  stop(): void;
}

export function createProgressView(quiet: boolean): ProgressView {
  if (quiet) return { update() {}, stop() {} };
  return process.stderr.isTTY ? barView() : lineView();
}

function barView(): ProgressView {
  const multibar = new cliProgress.MultiBar(
    {
      format: ' {name} |{bar}| {percentage}% · {detail}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      autopadding: true,
      etaBuffer: 1,
    },
    cliProgress.Presets.shades_grey,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    update(items) {
      for (const item of items) {
        const total = item.total ?? Math.max(item.bytes, 1);
        const payload = { name: item.name.length > 32 ? `${item.name.slice(0, 31)}…` : item.name.padEnd(32), detail: describe(item) };
        const bar = bars.get(item.id);
        if (bar) {
          bar.setTotal(total);
          bar.update(item.bytes, payload);
        } else {
          bars.set(item.id, multibar.create(total, item.bytes, payload));
        }
      }
    },
    stop() {
      multibar.stop();
    },
  };
}

function lineView(): ProgressView {
  const lastState = new Map<string, string>();
  return {
    update(items) {
      for (const item of items) {
        if (lastState.get(item.id) === item.state) continue;
        lastState.set(item.id, item.state);
        if (item.state === 'done' || item.state === 'failed') continue; // The summary says these.
        process.stderr.write(`${item.name}: ${describe(item)}\n`);
      }
    },
    stop() {},
  };
}

function describe(item: ItemSnapshot): string {
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
      const seconds = Math.max(0, Math.round((item.retry.at - Date.now()) / 1000));
      return say('progress.retrying', { seconds, attempt: item.retry.attempt, max: item.retry.maxAttempts, reason });
    }
    case 'done':
      return say('progress.done', { bytes: item.bytes });
    case 'failed':
      return say('progress.failed', { reason: item.error ? errorText(item.error) : say('progress.unknownError') });
    default:
      return say(`progress.states.${item.state}`);
  }
}
