// One big file from nginx (sendfile) to disk over one connection: tsuzuki vs `curl -o`
// (page cache only) and `curl -o && sync FILE` (durable, as tsuzuki's finished file is).
// tsuzuki with 8 connections is shown too, for information, and the disk alone: the same
// bytes written the way tsuzuki writes them, from the page cache, with no network: the
// disk's durable pace, which bounds a durable download in the minutes the disk is the limit.

import { bigFile, sha256Of } from '../data.ts';
import { pairedLoop, log, type Contender } from '../paired.ts';
import { baseRow, clean, pairedRatio, ratiosMet, type Row, type Table } from '../report.ts';
import { curl, curlThenSync, diskAlone, filesOf, tsuzuki } from '../tools.ts';
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
    { label: 'curl -o && sync FILE', tsuzuki: false, argv: (dir) => curlThenSync(dir, url) },
    { label: 'tsuzuki --connections 1', tsuzuki: true, argv: (dir) => tsuzuki(ctx.tsuzuki, dir, [url, '--connections', '1']) },
    { label: 'tsuzuki --connections 8', tsuzuki: true, argv: (dir) => tsuzuki(ctx.tsuzuki, dir, [url, '--connections', '8']) },
    { label: 'disk alone (no network)', tsuzuki: false, argv: (dir) => diskAlone(dir, source.file, `single-${bytes}.bin`) },
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
  const [reference, durable, single, eight, disk] = rows as [Row, Row, Row, Row, Row];
  const [curlRun, durableRun, singleRun, eightRun, diskRun] = outcomes;
  for (const row of rows) if (row.seconds !== undefined) row.throughput = `${(bytes / MB / row.seconds).toFixed(0)} MB/s`;
  single.ratios = [pairedRatio(singleRun!, curlRun!, 'curl', 'seconds', 1.3), pairedRatio(singleRun!, durableRun!, 'curl && sync', 'seconds', 1.0)].filter((r) => r !== undefined);
  // After the targets, for reading them: how close tsuzuki came to the disk's own pace.
  const toDisk = pairedRatio(singleRun!, diskRun!, 'disk alone', 'seconds');
  if (toDisk) single.ratios.push(toDisk);
  const diskToCurl = pairedRatio(diskRun!, curlRun!, 'curl', 'seconds');
  if (diskToCurl) disk.ratios = [diskToCurl];
  disk.note ??= 'tsuzuki’s writer and fdatasyncs from the page cache, no network: the disk’s durable pace when the disk is the limit';
  eight.ratios = [pairedRatio(eightRun!, curlRun!, 'curl', 'seconds'), pairedRatio(eightRun!, durableRun!, 'curl && sync', 'seconds')].filter((r) => r !== undefined);
  single.target = '≤ 1.3 × curl, ≤ 1.0 × curl && sync';
  single.met = clean(single) && clean(reference) && clean(durable) && single.ratios.filter((r) => r.atMost !== undefined).length === 2 && ratiosMet(single) === true;
  eight.note ??= 'eight connections; no target';
  return {
    id: 'single-file',
    title: `One ${bytes / MiB} MiB file from nginx (sendfile) to disk`,
    rows,
    notes: [
      'ratio: tsuzuki time ÷ the peer’s time in the same round (below 1 is faster); the median of the rounds, their range in brackets. Every output is checked by size and SHA-256 after the clock stops; the page cache is synced before each run.',
      '`curl -o && sync FILE` pays for durability as tsuzuki does (its file is fdatasynced before the rename).',
      '`disk alone` (bench/disk-alone.ts) writes the same file from the page cache through tsuzuki’s own writer, with no network. In a minute when the disk is the limit, no durable download finishes sooner; in a quick minute tsuzuki can beat it, because disk-alone reads the file on its own main thread, where a download’s copy is made by nginx on the other core.',
    ],
  };
}
