// 2,000 files of 16 KiB, 16 at a time: `tsuzuki --input` vs `curl -Z --parallel-max 16`
// and `aria2c -i -j16`, with got alone (bench/got-alone.ts) for reading the target.

import fs from 'node:fs';
import path from 'node:path';
import { smallFiles as makeSmallFiles } from '../data.ts';
import { pairedLoop, log } from '../paired.ts';
import { baseRow, clean, pairedRatio, ratiosMet, type Row, type Table } from '../report.ts';
import { aria2c, curlParallel, filesOf, gotAlone, tsuzuki } from '../tools.ts';
import { checkManyFiles } from '../verify.ts';
import type { Context } from './context.ts';

const PARALLEL = 16;

export async function smallFiles(ctx: Context): Promise<Table> {
  const count = ctx.quick ? 200 : 2000;
  const expected = makeSmallFiles(ctx.www, 'small', count, 16 * 1024);
  const urls = [...expected.keys()].map((name) => `${ctx.origin}/small/${name}`);
  const list = path.join(ctx.work, 'small-urls.txt');
  const curlList = path.join(ctx.work, 'small-urls.curl');
  fs.writeFileSync(list, urls.join('\n') + '\n');
  fs.writeFileSync(curlList, urls.map((url) => `url = "${url}"`).join('\n') + '\n');
  log(`small-files: ${count} × 16 KiB, ${PARALLEL} at a time`);
  const outcomes = await pairedLoop(
    [
      { label: `curl -Z --parallel-max ${PARALLEL}`, tsuzuki: false, argv: (dir) => curlParallel(dir, curlList, PARALLEL) },
      {
        label: `tsuzuki --input --max-concurrent ${PARALLEL}`,
        tsuzuki: true,
        argv: (dir) => tsuzuki(ctx.tsuzuki, dir, ['--input', list, '--max-concurrent', String(PARALLEL), '--connections', '1']),
      },
      { label: `aria2c -i -j${PARALLEL}`, tsuzuki: false, argv: (dir) => aria2c(dir, ['-i', list, `-j${PARALLEL}`, '-x', '1', '-s', '1']) },
      { label: 'got alone (no names, records or syncs)', tsuzuki: false, argv: (dir) => gotAlone(dir, list, PARALLEL) },
    ],
    {
      work: ctx.work,
      rounds: ctx.rounds,
      limitSeconds: 60 + count * 0.1,
      budgetSeconds: ctx.quick ? 120 : 900,
      skipTsuzuki: ctx.skipTsuzuki,
      check: (dir) => checkManyFiles(filesOf(dir), expected),
    },
  );
  const rows = outcomes.map((o) => baseRow(o, ctx.rounds));
  const [reference, ours, theirs, library] = rows as [Row, Row, Row, Row];
  const [curlRun, ourRun, ariaRun, gotRun] = outcomes;
  for (const row of rows) if (row.seconds !== undefined) row.throughput = `${(count / row.seconds).toFixed(0)} files/s`;
  const ourRatio = pairedRatio(ourRun!, curlRun!, 'curl -Z', 'seconds', 1.5);
  if (ourRatio) ours.ratios = [ourRatio];
  const ariaRatio = pairedRatio(ariaRun!, curlRun!, 'curl -Z', 'seconds');
  if (ariaRatio) theirs.ratios = [ariaRatio];
  const gotRatio = pairedRatio(gotRun!, curlRun!, 'curl -Z', 'seconds');
  if (gotRatio) library.ratios = [gotRatio];
  library.note ??= 'bench/got-alone.ts: got streams into plain files, nothing else; the least any download on got costs here';
  ours.target = 'time ≤ 1.5 × curl -Z';
  ours.met = clean(ours) && clean(reference) && ratiosMet(ours) === true;
  return {
    id: 'small-files',
    title: `${count.toLocaleString('en')} files of 16 KiB, ${PARALLEL} at a time`,
    rows,
    notes: [
      'ratio: time ÷ curl -Z time in the same round (below 1 is faster); median of the rounds, range in brackets. One connection per file for every tool (tsuzuki --connections 1, aria2c -x 1 -s 1). Only tsuzuki makes each file durable before naming it.',
      'Every file is checked by name, size and content after the clock stops.',
      '`got alone` is the HTTP library tsuzuki is built on with none of tsuzuki’s work per file: when it is above 1.5 × curl -Z, so is the target’s floor.',
    ],
  };
}
