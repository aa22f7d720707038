// 2,000 files of 16 KiB, 16 at a time: `tsuzuki --input` vs `curl -Z --parallel-max 16`
// and `aria2c -i -j16`.

import fs from 'node:fs';
import path from 'node:path';
import { smallFiles as makeSmallFiles } from '../data.ts';
import { pairedLoop, log } from '../paired.ts';
import { baseRow, clean, type Row, type Table } from '../report.ts';
import { aria2c, curlParallel, filesOf, tsuzuki } from '../tools.ts';
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
  const [reference, ours, theirs] = rows as [Row, Row, Row];
  for (const row of rows) if (row.seconds !== undefined) row.throughput = `${(count / row.seconds).toFixed(0)} files/s`;
  for (const row of [ours, theirs]) if (row.seconds !== undefined && reference.seconds !== undefined) row.ratio = { value: row.seconds / reference.seconds, peer: 'curl -Z' };
  ours.target = '≥ curl -Z files/s';
  ours.met = clean(ours) && clean(reference) && ours.ratio !== undefined && ours.ratio.value <= 1;
  return {
    id: 'small-files',
    title: `${count.toLocaleString('en')} files of 16 KiB, ${PARALLEL} at a time`,
    rows,
    notes: [
      'ratio: time ÷ curl -Z time (below 1 is faster; files/s is the inverse). One connection per file for every tool (tsuzuki --connections 1, aria2c -x 1 -s 1).',
      'Every file is checked by name, size and content after the clock stops.',
    ],
  };
}
