// Sets of byte ranges [start, end), kept sorted and merged. The checkpoint stores the
// ranges that are durably on disk; the ledger derives what is still missing from them.

import type { ByteRange } from './item.ts';

/** Adds a range to a sorted, merged list and returns a new sorted, merged list. */
export function addRange(ranges: readonly ByteRange[], range: ByteRange): ByteRange[] {
  if (range[1] <= range[0]) return ranges.slice();
  return mergeRanges([...ranges, range]);
}

export function mergeRanges(ranges: readonly ByteRange[]): ByteRange[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: ByteRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function coveredBytes(ranges: readonly ByteRange[]): number {
  let sum = 0;
  for (const [start, end] of ranges) sum += end - start;
  return sum;
}

/** The parts of `ranges` below `size` (a file cut short holds no byte past its end). */
export function rangesBelow(ranges: readonly ByteRange[], size: number): ByteRange[] {
  return ranges.map(([s, e]): ByteRange => [s, Math.min(e, size)]).filter(([s, e]) => e > s);
}

/** The gaps in [0, total) not covered by `ranges`; with no total, the tail is open-ended. */
export function missingRanges(ranges: readonly ByteRange[], total: number | undefined): ByteRange[] {
  const limit = total ?? Number.POSITIVE_INFINITY;
  const gaps: ByteRange[] = [];
  let cursor = 0;
  for (const [start, end] of mergeRanges(ranges)) {
    if (start > cursor) gaps.push([cursor, Math.min(start, limit)]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < limit) gaps.push([cursor, limit]);
  return gaps.filter(([s, e]) => e > s);
}

/** Whether the stored list is well formed: numbers, sorted, merged, non-negative, within total. */
export function isValidRangeList(value: unknown, total: number | undefined): value is ByteRange[] {
  if (!Array.isArray(value)) return false;
  let previousEnd = -1;
  for (const range of value) {
    if (!Array.isArray(range) || range.length !== 2) return false;
    const [start, end] = range as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
    if ((start as number) < 0 || (end as number) <= (start as number) || (start as number) <= previousEnd) return false;
    if (total !== undefined && (end as number) > total) return false;
    previousEnd = end as number;
  }
  return true;
}

export function sameRanges(a: readonly ByteRange[], b: readonly ByteRange[]): boolean {
  return a.length === b.length && a.every(([s, e], i) => s === b[i]![0] && e === b[i]![1]);
}
