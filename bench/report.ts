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
  /** This row's figure over the peer's (time, or memory in the memory scenario). */
  ratio?: { value: number; peer: string };
  target?: string;
  met?: boolean;
  /** Shown instead of the figures when the tool never completed a run. */
  failed?: string;
  note?: string;
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
  const lines = [`## ${table.title}`, '', '| tool | runs | median | min–max | throughput | peak RSS | ratio | target | met | notes |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |'];
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
          row.ratio && Number.isFinite(row.ratio.value) ? `${row.ratio.value.toFixed(2)} × ${row.ratio.peer}` : '',
          row.target ?? '',
          row.met === undefined ? '' : row.met ? 'yes' : 'no',
          row.note ?? '',
        ];
    lines.push(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
  }
  if (table.notes.length > 0) lines.push('', ...table.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}
