// One cli-progress bar per download, redrawn on a terminal. Loaded only when bars are
// drawn: cli-progress brings readline with it, which a quiet or piped run never needs.

import cliProgress from 'cli-progress';
import { describe } from './progress-text.ts';
import type { ProgressView } from './progress-view.ts';

export function barView(): ProgressView {
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
  let stopped = false;
  return {
    update(items) {
      // cli-progress draws again on an update after its stop, with a timer that holds the process.
      if (stopped) return;
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
      stopped = true;
      multibar.stop();
    },
  };
}
