// One Markdown table per scenario: each tool's median, throughput and peak memory, its ratio
// to the peer it is measured against, and whether the target holds.

import { median } from './measure.ts';
import type { Outcome } from './paired.ts';

export interface Row {
  tool: string;
  /** Successful runs, e.g. "3" or "1 of 3". */
  runs: string;
  seconds?: number;
  /** Fastest and slowest successful run, to show how noisy the median is. */
  spread?: [number, number];
  throughput?: string;
  rssMiB?: number;
  /** This row's figure over each peer's (time, or memory in the memory scenario), paired by round. */
  ratios?: Ratio[];
  target?: string;
  met?: boolean;
  /** Shown instead of the figures when the tool never completed a run. */
  failed?: string;
  note?: string;
}

/** Median and range of the per-round ratios ours ÷ peer, and the most the target allows. */
export interface Ratio {
  peer: string;
  median: number;
  min: number;
  max: number;
  /** The target: the median ratio must be at most this. */
  atMost?: number;
}

/**
 * Ratios of the runs of the same round (they ran back to back, so a drift of the machine
 * falls on both); `metric` picks time or peak memory.
 */
export function pairedRatio(ours: Outcome, peer: Outcome, peerLabel: string, metric: 'seconds' | 'rssKiB', atMost?: number): Ratio | undefined {
  const values: number[] = [];
  for (const [i, round] of ours.roundOf.entries()) {
    const j = peer.roundOf.indexOf(round);
    if (j === -1) continue;
    const mine = ours[metric][i]!;
    const theirs = peer[metric][j]!;
    if (Number.isFinite(mine) && Number.isFinite(theirs) && theirs > 0) values.push(mine / theirs);
  }
  if (values.length === 0) return undefined;
  return { peer: peerLabel, median: median(values), min: Math.min(...values), max: Math.max(...values), ...(atMost !== undefined ? { atMost } : {}) };
}

/** Whether every ratio with a target meets it (undefined when none has one). */
export function ratiosMet(row: Row): boolean | undefined {
  const judged = (row.ratios ?? []).filter((r) => r.atMost !== undefined);
  if (judged.length === 0) return undefined;
  return judged.every((r) => r.median <= r.atMost!);
}

export interface Table {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
}

/** Median seconds and peak RSS of an outcome, or its failure. */
export function baseRow(outcome: Outcome, rounds: number): Row {
  const ok = outcome.seconds.length;
  const runs = outcome.failure || ok < rounds ? `${ok} of ${outcome.failure ? (outcome.failedInRun ?? ok + 1) : rounds}` : String(ok);
  const row: Row = { tool: outcome.label, runs: outcome.skipped ? '0' : runs };
  if (outcome.skipped) return { ...row, failed: `not run (${outcome.skipped})` };
  if (ok === 0) return { ...row, failed: `failed (${outcome.failure ?? 'no run'})` };
  row.seconds = median(outcome.seconds);
  if (ok > 1) row.spread = [Math.min(...outcome.seconds), Math.max(...outcome.seconds)];
  row.rssMiB = median(outcome.rssKiB) / 1024;
  if (outcome.failure) row.note = `failed in run ${outcome.failedInRun} (${outcome.failure})`;
  return row;
}

/** A row counts for a target only when every run it took part in succeeded. */
export const clean = (row: Row) => row.failed === undefined && row.note?.startsWith('failed') !== true;

export function formatTable(table: Table): string {
  const lines = [`## ${table.title}`, '', '| tool | runs | median | min–max | throughput | peak RSS | ratio (paired, min–max) | target | met | notes |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |'];
  for (const row of table.rows) {
    const cells = row.failed
      ? [row.tool, row.runs, row.failed, '', '', '', '', row.target ?? '', row.target ? 'no' : '', row.note ?? '']
      : [
          row.tool,
          row.runs,
          row.seconds !== undefined && Number.isFinite(row.seconds) ? `${row.seconds.toFixed(2)} s` : '',
          row.spread ? `${row.spread[0].toFixed(2)}–${row.spread[1].toFixed(2)}` : '',
          row.throughput ?? '',
          row.rssMiB !== undefined && Number.isFinite(row.rssMiB) ? `${row.rssMiB.toFixed(1)} MiB` : '',
          (row.ratios ?? []).map((r) => `${r.median.toFixed(2)} × ${r.peer} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`).join('; '),
          row.target ?? '',
          row.met === undefined ? '' : row.met ? 'yes' : 'no',
          row.note ?? '',
        ];
    lines.push(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  }
  if (table.notes.length > 0) lines.push('', ...table.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}
