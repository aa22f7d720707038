// A server capping each connection at 4 MB/s (capped-server.ts): tsuzuki with 1/4/8/16
// connections vs `aria2c -x N -s N`. N connections should reach N times one connection.

import { bigFile } from '../data.ts';
import { pairedLoop, log } from '../paired.ts';
import { baseRow, clean, pairedRatio, ratiosMet, type Row, type Table } from '../report.ts';
import type { Outcome } from '../paired.ts';
import { aria2c, filesOf, tsuzuki } from '../tools.ts';
import { checkOneFile } from '../verify.ts';
import type { Context } from './context.ts';

const MiB = 2 ** 20;
const MB = 1e6;
export const CONNECTIONS = [1, 4, 8, 16];
/** Bytes per second on each connection: the 4 MB/s. */
export const CAPPED_RATE = 4 * MB;

export async function capped(ctx: Context): Promise<Table> {
  const bytes = ctx.quick ? 20 * MiB : 200 * MiB;
  const source = bigFile(ctx.www, `capped-${bytes}.bin`, bytes);
  if (!ctx.cappedOrigin) throw new Error('the capped server is not running');
  const url = `${ctx.cappedOrigin}/capped-${bytes}.bin`;
  log(`capped: ${bytes / MiB} MiB at ${CAPPED_RATE / MB} MB/s per connection from ${url}`);
  const pairs: { n: number; ours: Row; theirs: Row; outcomes: [Outcome, Outcome] }[] = [];
  for (const n of CONNECTIONS) {
    const [ours, theirs] = await pairedLoop(
      [
        { label: `tsuzuki --connections ${n}`, tsuzuki: true, argv: (dir) => tsuzuki(ctx.tsuzuki, dir, [url, '--connections', String(n)]) },
        { label: `aria2c -x ${n} -s ${n}`, tsuzuki: false, argv: (dir) => aria2c(dir, ['-x', String(n), '-s', String(n), '-k', '1M', url]) },
      ],
      {
        work: ctx.work,
        rounds: ctx.rounds,
        limitSeconds: 60 + (2 * bytes) / CAPPED_RATE,
        budgetSeconds: ctx.quick ? 120 : 900,
        skipTsuzuki: ctx.skipTsuzuki,
        check: (dir) => checkOneFile(filesOf(dir), source),
      },
    );
    pairs.push({ n, ours: baseRow(ours!, ctx.rounds), theirs: baseRow(theirs!, ctx.rounds), outcomes: [ours!, theirs!] });
  }
  const one = { ours: pairs[0]!.ours.seconds, theirs: pairs[0]!.theirs.seconds };
  const rows: Row[] = [];
  for (const { n, ours, theirs, outcomes } of pairs) {
    for (const row of [ours, theirs]) if (row.seconds !== undefined) row.throughput = `${(bytes / MB / row.seconds).toFixed(1)} MB/s`;
    const speedUp = (base: number | undefined, row: Row) => (base !== undefined && row.seconds !== undefined ? base / row.seconds : Number.NaN);
    const ourSpeedUp = speedUp(one.ours, ours);
    if (n > 1) {
      if (Number.isFinite(ourSpeedUp)) ours.note = [`${ourSpeedUp.toFixed(1)}× one connection`, ours.note].filter(Boolean).join('; ');
      const theirSpeedUp = speedUp(one.theirs, theirs);
      if (Number.isFinite(theirSpeedUp)) theirs.note = [`${theirSpeedUp.toFixed(1)}× one connection`, theirs.note].filter(Boolean).join('; ');
    }
    const ratio = pairedRatio(outcomes[0], outcomes[1], 'aria2c', 'seconds', 1);
    if (ratio) ours.ratios = [ratio];
    ours.target = n === 1 ? 'time ≤ aria2c' : `time ≤ aria2c, ≥ ${(0.9 * n).toFixed(1)}× one connection`;
    ours.met = clean(ours) && clean(theirs) && ratiosMet(ours) === true && (n === 1 || (clean(pairs[0]!.ours) && ourSpeedUp >= 0.9 * n));
    rows.push(ours, theirs);
  }
  return {
    id: 'capped',
    title: `A ${bytes / MiB} MiB file from a server capping each connection at ${CAPPED_RATE / MB} MB/s`,
    rows,
    notes: [
      `The cap: bench/capped-server.ts, ${CAPPED_RATE / MB} MB/s (${CAPPED_RATE} bytes/s) on each TCP connection with no head start, so N connections can reach N × ${CAPPED_RATE / MB} MB/s; ${bytes / MiB} MiB takes ${(bytes / CAPPED_RATE).toFixed(1)} s on one.`,
      'ratio: tsuzuki time ÷ aria2c time at the same N. Speed-up: the 1-connection median time of the same tool ÷ this median time.',
    ],
  };
}
