// A server capping each connection at 4 MB/s: N connections should give N times the speed.
// tsuzuki with 1/4/8/16 connections vs aria2c -x N -s N.

import { measure, median } from '../measure.ts';
import type { Row } from '../report.ts';
import { aria2c, freshDir, tsuzuki } from '../tools.ts';
import type { Context } from './context.ts';

export async function capped(ctx: Context): Promise<Row[]> {
  const size = ctx.quick ? 24 << 20 : 200 << 20;
  ctx.file(`capped-${size}.bin`, size);
  const url = `${ctx.origin}/capped/capped-${size}.bin`;
  const rows: Row[] = [];
  let single = Number.NaN;
  for (const n of [1, 4, 8, 16]) {
    const ours: number[] = [];
    const theirs: number[] = [];
    // One run at 1 connection already takes size / 4 MB/s; more runs only where it is quick.
    const runs = n === 1 ? 1 : ctx.runs;
    for (let round = 0; round < runs; round++) {
      ours.push((await measure(tsuzuki(freshDir(ctx.work, 'tc'), [url, '--connections', String(n)]))).seconds);
      theirs.push((await measure(aria2c(freshDir(ctx.work, 'ac'), ['-x', String(n), '-s', String(n), '-k', '1M', url]))).seconds);
    }
    freshDir(ctx.work, 'tc');
    freshDir(ctx.work, 'ac');
    const t = median(ours);
    const a = median(theirs);
    if (n === 1) single = t;
    const speedup = single / t;
    rows.push({
      tool: `tsuzuki -x ${n}`,
      median: t,
      unit: 's',
      throughput: `${(size / 2 ** 20 / t).toFixed(1)} MiB/s`,
      ratio: t / a,
      target: n === 1 ? 'ratio ≤ 1.0 vs aria2c' : `≥ ${(0.9 * n).toFixed(1)}× one connection, ratio ≤ 1.0`,
      met: t / a <= 1 && (n === 1 || speedup >= 0.9 * n),
      note: n === 1 ? '' : `${speedup.toFixed(1)}× one connection`,
    });
    rows.push({ tool: `aria2c -x ${n} -s ${n}`, median: a, unit: 's', throughput: `${(size / 2 ** 20 / a).toFixed(1)} MiB/s` });
  }
  return rows;
}
