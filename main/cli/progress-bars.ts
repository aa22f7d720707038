// Progress bars on a terminal (cli-progress), redrawn in place. Loaded only when bars are
// drawn: cli-progress brings readline with it, which a quiet or piped run never needs.
//
// A few downloads get a bar each, kept to the end. Many get a bar for each one under way,
// as many as the terminal has room for, and one line for all of them: cli-progress redraws
// every bar it holds at every frame, and with a bar for each of 2,000 files the drawing
// took more time than the downloads (1.3 MB written to the terminal, 3.3 s of CPU). A bar
// whose download ended, or waits in the queue, is handed to the next one that starts.

import cliProgress from 'cli-progress';
import type { ItemSnapshot } from '../engine/item.ts';
import { describe } from './progress-text.ts';
import { say } from './messages.ts';
import type { ProgressView } from './progress-view.ts';

const NAME_CHARS = 32;
const FORMAT = ' {name} |{bar}| {percentage}% · {detail}';

/** Bars that fit: the terminal's height less room for the summary and the prompt, within bounds. */
function barsThatFit(): number {
  return Math.max(3, Math.min(20, (process.stderr.rows ?? 24) - 4));
}

const underWay = (item: ItemSnapshot) => item.state === 'downloading' || item.state === 'retrying';
const ended = (item: ItemSnapshot) => item.state === 'done' || item.state === 'failed' || item.state === 'canceled';

function shownName(name: string): string {
  return name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name.padEnd(NAME_CHARS);
}

interface Slot {
  bar: cliProgress.SingleBar;
  id: string;
}

export function barView(): ProgressView {
  const multibar = new cliProgress.MultiBar(
    {
      format: FORMAT,
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
  const maxBars = barsThatFit();
  const latest = new Map<string, ItemSnapshot>();
  const slots: Slot[] = [];
  const slotOf = new Map<string, Slot>();
  let summary: cliProgress.SingleBar | undefined;
  const allName = shownName(say('progress.all'));
  let stopped = false;

  const draw = (slot: Slot, item: ItemSnapshot) => {
    slot.bar.setTotal(item.total ?? Math.max(item.bytes, 1));
    slot.bar.update(item.bytes, { name: shownName(item.name), detail: describe(item) });
  };

  /** A bar for this download: a new one while there is room, else one whose download no longer needs it. */
  const place = (item: ItemSnapshot, many: boolean) => {
    let slot: Slot | undefined;
    if (slots.length < maxBars) {
      slot = { bar: multibar.create(1, 0, { name: '', detail: '' }), id: item.id };
      slots.push(slot);
    } else {
      slot = many ? slots.find((candidate) => !underWay(latest.get(candidate.id)!)) : undefined;
      if (!slot) return;
      slotOf.delete(slot.id);
      slot.id = item.id;
    }
    slotOf.set(item.id, slot);
    draw(slot, item);
  };

  const drawSummary = () => {
    let finished = 0;
    let failed = 0;
    let speed = 0;
    for (const item of latest.values()) {
      if (ended(item)) finished += 1;
      if (item.state === 'failed') failed += 1;
      speed += item.speed;
    }
    const detail = say(failed > 0 ? 'progress.summaryWithFailed' : 'progress.summary', { finished, total: latest.size, failed, speed });
    const payload = { name: allName, detail };
    if (!summary) summary = multibar.create(latest.size, finished, payload);
    summary.setTotal(latest.size);
    summary.update(finished, payload);
  };

  return {
    update(items) {
      // cli-progress draws again on an update after its stop, with a timer that holds the process.
      if (stopped) return;
      for (const item of items) latest.set(item.id, item);
      const many = latest.size > maxBars;
      for (const item of items) {
        const slot = slotOf.get(item.id);
        if (slot) draw(slot, item);
        // With many, only a download under way takes a bar; with a few, each has its own.
        else if (!many || underWay(item)) place(item, many);
      }
      if (many) drawSummary();
    },
    note(line) {
      if (stopped) process.stderr.write(`${line}\n`);
      else multibar.log(`${line}\n`);
    },
    stop() {
      stopped = true;
      multibar.stop();
    },
  };
}
