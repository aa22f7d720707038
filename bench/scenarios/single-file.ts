// One big file from nginx (sendfile) to disk, one connection: tsuzuki vs curl -o.

import { measure, median } from '../measure.ts';
import type { Row } from '../report.ts';
import { curl, freshDir, tsuzuki } from '../tools.ts';
import type { Context } from './context.ts';

export async function singleFile(ctx: Context): Promise<Row[]> {
  const size = ctx.quick ? 64 << 20 : 1 << 30;
  ctx.file(`big-${size}.bin`, size);
  const url = `${ctx.origin}/big-${size}.bin`;
  const times = { curl: [] as number[], tsuzuki1: [] as number[], tsuzuki8: [] as number[] };
  const failures: string[] = [];
  for (let round = 0; round < ctx.runs; round++) {
    // Alternating within a round spreads the machine's drift over every tool alike.
    const c = await measure(curl(freshDir(ctx.work, 'curl'), url));
    times.curl.push(c.seconds);
    const t1 = await measure(tsuzuki(freshDir(ctx.work, 't1'), [url, '--connections', '1']));
    if (!t1.ok) failures.push(t1.detail);
    times.tsuzuki1.push(t1.seconds);
    const t8 = await measure(tsuzuki(freshDir(ctx.work, 't8'), [url, '--connections', '8']));
    times.tsuzuki8.push(t8.seconds);
    freshDir(ctx.work, 'curl');
    freshDir(ctx.work, 't1');
    freshDir(ctx.work, 't8');
  }
  const reference = median(times.curl);
  const mib = size / 2 ** 20;
  const row = (tool: string, values: number[], target?: boolean): Row => {
    const m = median(values);
    return { tool, median: m, unit: 's', throughput: `${(mib / m).toFixed(0)} MiB/s`, ratio: m / reference, ...(target ? { target: 'ratio ≤ 1.0', met: m / reference <= 1 } : {}) };
  };
  return [row('curl -o', times.curl), row('tsuzuki --connections 1', times.tsuzuki1, true), { ...row('tsuzuki --connections 8', times.tsuzuki8), note: failures[0] ?? '' }];
}
