// The terminal view of `tsuzuki get`: one cli-progress bar per download on a terminal; on a
// pipe or a log file, one line per state change instead of redrawn bars.

import type { ItemSnapshot } from '../engine/item.ts';
import { describe } from './progress-text.ts';

export interface ProgressView {
  update(items: ItemSnapshot[]): void;
  /** A line of its own on stderr (above the bars on a terminal, where a plain write would break them). */
  note(line: string): void;
  stop(): void;
}

function writeLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

export async function createProgressView(quiet: boolean): Promise<ProgressView> {
  if (quiet) return { update() {}, note: writeLine, stop() {} };
  if (!process.stderr.isTTY) return lineView();
  const { barView } = await import('./progress-bars.ts');
  return barView();
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
    note: writeLine,
    stop() {},
  };
}
