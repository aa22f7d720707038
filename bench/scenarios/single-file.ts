// One big file from nginx (sendfile) to disk over one connection: tsuzuki vs `curl -o`.
// tsuzuki with its default 8 connections is shown too, for information.

import { bigFile, sha256Of } from '../data.ts';
import { pairedLoop, log, type Contender } from '../paired.ts';
import { baseRow, clean, type Row, type Table } from '../report.ts';
import { curl, filesOf, tsuzuki } from '../tools.ts';
import { checkOneFile } from '../verify.ts';
import type { Context } from './context.ts';

const MiB = 2 ** 20;
const MB = 1e6;

export async function singleFile(ctx: Context): Promise<Table> {
  const bytes = ctx.quick ? 64 * MiB : 1024 * MiB;
  const source = bigFile(ctx.www, `single-${bytes}.bin`, bytes);
  // Reading it once checks the cached copy and puts it in the page cache before any tool runs.
  if ((await sha256Of(source.file)) !== source.sha256) throw new Error(`${source.file} does not match its .sha256; delete .bench-data/ and run again`);
  const url = `${ctx.origin}/single-${bytes}.bin`;
  log(`single-file: ${bytes / MiB} MiB from ${url}`);
  const contenders: Contender[] = [
    { label: 'curl -o', tsuzuki: false, argv: (dir) => curl(dir, url) },
    { label: 'tsuzuki --connections 1', tsuzuki: true, argv: (dir) => tsuzuki(ctx.tsuzuki, dir, [url, '--connections', '1']) },
    { label: 'tsuzuki --connections 8', tsuzuki: true, argv: (dir) => tsuzuki(ctx.tsuzuki, dir, [url, '--connections', '8']) },
  ];
  const outcomes = await pairedLoop(contenders, {
    work: ctx.work,
    rounds: ctx.rounds,
    limitSeconds: 60 + bytes / (5 * MiB),
    budgetSeconds: ctx.quick ? 180 : 1500,
    skipTsuzuki: ctx.skipTsuzuki,
    check: (dir) => checkOneFile(filesOf(dir), source),
  });
  const rows = outcomes.map((o) => baseRow(o, ctx.rounds));
  const [reference, single, eight] = rows as [Row, Row, Row];
  for (const row of rows) if (row.seconds !== undefined) row.throughput = `${(bytes / MB / row.seconds).toFixed(0)} MB/s`;
  for (const row of [single, eight]) if (row.seconds !== undefined && reference.seconds !== undefined) row.ratio = { value: row.seconds / reference.seconds, peer: 'curl' };
  single.target = 'time ≤ curl';
  single.met = clean(single) && clean(reference) && single.ratio !== undefined && single.ratio.value <= 1;
  eight.note ??= 'eight connections; no target';
  return {
    id: 'single-file',
    title: `One ${bytes / MiB} MiB file from nginx (sendfile) to disk`,
    rows,
    notes: ['ratio: tsuzuki time ÷ curl time (below 1 is faster). Every output is checked by size and SHA-256 after the clock stops; the page cache is synced before each run.'],
  };
}
