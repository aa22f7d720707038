// Many slow downloads at once (200; 40 with --quick), stopped after a fixed window: peak RSS
// of tsuzuki vs aria2c. Each download comes from its own loopback address (127.1.0.x) and has
// its own file name, so neither tool's per-host connection cap or name clash can turn "at
// once" into "one after another"; how many had begun is reported next to the memory.

import fs from 'node:fs';
import path from 'node:path';
import { sameFileManyNames } from '../data.ts';
import { median } from '../measure.ts';
import { SLOW_RATE } from '../nginx.ts';
import { pairedLoop, log } from '../paired.ts';
import { baseRow, clean, pairedRatio, ratiosMet, type Row, type Table } from '../report.ts';
import { aria2c, filesOf, tsuzuki } from '../tools.ts';
import { progressOf } from '../verify.ts';
import type { Context } from './context.ts';

const MiB = 2 ** 20;

export const slowCount = (quick: boolean) => (quick ? 40 : 200);

export async function slowRss(ctx: Context): Promise<Table> {
  const count = slowCount(ctx.quick);
  const window = ctx.quick ? 5 : 10;
  if (ctx.hostOrigins.length < count) throw new Error(`slow-rss needs ${count} loopback hosts, nginx has ${ctx.hostOrigins.length}`);
  const names = sameFileManyNames(ctx.www, 'many', count, 4 * MiB);
  const list = path.join(ctx.work, 'slow-urls.txt');
  fs.writeFileSync(list, names.map((name, i) => `${ctx.hostOrigins[i]}/slow/${name}`).join('\n') + '\n');
  log(`slow-rss: ${count} downloads at ${SLOW_RATE / 1024} KiB/s each, stopped after ${window} s`);
  const progress = new Map<string, { started: number[]; bytes: number[] }>();
  const outcomes = await pairedLoop(
    [
      {
        label: `tsuzuki --max-concurrent ${count} --per-host ${count}`,
        tsuzuki: true,
        argv: (dir) => tsuzuki(ctx.tsuzuki, dir, ['--input', list, '--max-concurrent', String(count), '--per-host', String(count), '--connections', '1']),
      },
      { label: `aria2c -j${count}`, tsuzuki: false, argv: (dir) => aria2c(dir, ['-i', list, `-j${count}`, '-x', '1', '-s', '1']) },
    ],
    {
      work: ctx.work,
      rounds: ctx.rounds,
      limitSeconds: window,
      budgetSeconds: ctx.quick ? 60 : 180,
      stopAtLimit: true,
      skipTsuzuki: ctx.skipTsuzuki,
      check: (dir, _run, contender) => {
        const { started, bytes } = progressOf(filesOf(dir));
        const seen = progress.get(contender.label) ?? { started: [], bytes: [] };
        seen.started.push(started);
        seen.bytes.push(bytes);
        progress.set(contender.label, seen);
        return started === 0 ? `no download had begun after ${window} s` : undefined;
      },
    },
  );
  const rows = outcomes.map((o) => {
    const row = baseRow(o, ctx.rounds);
    delete row.seconds;
    delete row.spread;
    const seen = progress.get(o.label);
    if (seen && !row.failed) row.throughput = `${median(seen.started)} of ${count} begun, ${(median(seen.bytes) / MiB).toFixed(1)} MiB in`;
    return row;
  });
  const [ours, theirs] = rows as [Row, Row];
  const ratio = pairedRatio(outcomes[0]!, outcomes[1]!, 'aria2c', 'rssKiB', 3);
  if (ratio) ours.ratios = [ratio];
  ours.target = 'peak RSS ≤ 3 × aria2c';
  ours.met = clean(ours) && clean(theirs) && ratiosMet(ours) === true;
  return {
    id: 'slow-rss',
    title: `${count} slow downloads at once: peak memory`,
    rows,
    notes: [
      `Each download: a 4 MiB file at ${SLOW_RATE / 1024} KiB/s (nginx limit_rate), one connection, from its own address 127.1.0.x; both tools are stopped with SIGTERM after ${window} s.`,
      'Peak RSS: GNU time %M, the largest resident set of any process of the run. ratio: tsuzuki ÷ aria2c in the same round; median, range in brackets. "begun": files with data on disk when stopped. --per-host 200 lifts tsuzuki’s per-host cap (16), which the distinct addresses make moot anyway.',
    ],
  };
}
