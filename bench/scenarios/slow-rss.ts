// 200 slow downloads at once, stopped after a fixed time: peak memory of tsuzuki vs aria2c.

import fs from 'node:fs';
import path from 'node:path';
import { measure } from '../measure.ts';
import type { Row } from '../report.ts';
import { aria2c, freshDir, tsuzuki } from '../tools.ts';
import type { Context } from './context.ts';

export async function slowRss(ctx: Context): Promise<Row[]> {
  const count = ctx.quick ? 40 : 200;
  const seconds = ctx.quick ? 5 : 10;
  ctx.file('slow.bin', 4 << 20);
  // Distinct URLs (a query string each) so both tools see 200 different downloads.
  const urls = Array.from({ length: count }, (_, i) => `${ctx.origin}/slow/slow.bin?n=${i}`);
  const list = path.join(ctx.work, 'slow.txt');
  fs.writeFileSync(list, urls.join('\n') + '\n');
  const ours = await measure(tsuzuki(freshDir(ctx.work, 'ts'), ['--input', list, '--max-concurrent', String(count), '--connections', '1']), { limitSeconds: seconds });
  const theirs = await measure(aria2c(freshDir(ctx.work, 'as'), ['-i', list, `-j${count}`, '--max-connection-per-server=1']), { limitSeconds: seconds });
  freshDir(ctx.work, 'ts');
  freshDir(ctx.work, 'as');
  const ratio = ours.peakRssKiB / theirs.peakRssKiB;
  return [
    { tool: `aria2c -j${count}`, median: theirs.peakRssKiB / 1024, unit: 'MiB', throughput: `${count} downloads, ${seconds} s` },
    { tool: `tsuzuki --max-concurrent ${count}`, median: ours.peakRssKiB / 1024, unit: 'MiB', ratio, target: 'peak RSS ≤ 2× aria2c', met: ratio <= 2 },
  ];
}
