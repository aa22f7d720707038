// 2,000 files of 16 KiB, 16 at a time: tsuzuki --input vs curl -Z and aria2c -i -j16.

import fs from 'node:fs';
import path from 'node:path';
import { measure, median } from '../measure.ts';
import type { Row } from '../report.ts';
import { aria2c, curlParallel, freshDir, tsuzuki } from '../tools.ts';
import type { Context } from './context.ts';

export async function smallFiles(ctx: Context): Promise<Row[]> {
  const count = ctx.quick ? 200 : 2000;
  const urls = ctx.smallFiles(count, 16 * 1024).map((name) => `${ctx.origin}/${name}`);
  const list = path.join(ctx.work, 'urls.txt');
  const curlList = path.join(ctx.work, 'urls.curl');
  fs.writeFileSync(list, urls.join('\n') + '\n');
  fs.writeFileSync(curlList, urls.map((url) => `url = "${url}"`).join('\n') + '\n');
  const times = { tsuzuki: [] as number[], curl: [] as number[], aria2c: [] as number[] };
  for (let round = 0; round < ctx.runs; round++) {
    times.curl.push((await measure(curlParallel(freshDir(ctx.work, 'cz'), curlList))).seconds);
    times.tsuzuki.push((await measure(tsuzuki(freshDir(ctx.work, 'ts'), ['--input', list, '--max-concurrent', '16', '--connections', '1']))).seconds);
    times.aria2c.push((await measure(aria2c(freshDir(ctx.work, 'ai'), ['-i', list, '-j16']))).seconds);
  }
  const reference = median(times.curl);
  const row = (tool: string, values: number[], target = false): Row => {
    const m = median(values);
    return { tool, median: m, unit: 's', throughput: `${(count / m).toFixed(0)} files/s`, ratio: m / reference, ...(target ? { target: '≥ curl -Z files/s', met: m <= reference } : {}) };
  };
  return [row('curl -Z --parallel-max 16', times.curl), row('tsuzuki --input -j16', times.tsuzuki, true), row('aria2c -i -j16', times.aria2c)];
}
