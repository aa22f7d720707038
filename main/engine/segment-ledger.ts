// Who fetches which bytes. The ledger starts from the ranges already on disk, hands each
// connection a range nobody has, and when none is left splits the largest remaining range
// in two so a finished connection helps a slow one (no "stuck at 99%"). Positions move only
// when bytes reach the file, so `doneRanges()` never claims bytes that were not written.

import { coveredBytes, mergeRanges, missingRanges } from './byte-ranges.ts';
import type { ByteRange } from './item.ts';

export interface Segment {
  readonly start: number;
  /** Next byte to write; [start, position) is in the file. */
  position: number;
  /** Exclusive end; shrinks when another connection takes over the tail. */
  end: number;
  /** Bytes accepted from the network but maybe not yet written (for display). */
  received: number;
  active: boolean;
}

export class SegmentLedger {
  #total: number | undefined;
  readonly #minSplit: number;
  #base: ByteRange[];
  /** Bytes in #base, kept with it: counting is on every tick of every download. */
  #baseBytes: number;
  #segments: Segment[] = [];

  constructor(done: readonly ByteRange[], total: number | undefined, minSplit: number) {
    this.#total = total;
    this.#minSplit = minSplit;
    this.#base = mergeRanges(done);
    this.#baseBytes = coveredBytes(this.#base);
  }

  get total(): number | undefined {
    return this.#total;
  }

  /** A stream of unknown length ended cleanly: its end is the size. */
  settleTotal(total: number): void {
    this.#total = total;
  }

  /** A range for a connection: unclaimed bytes first, else half of the largest active range. */
  next(): Segment | undefined {
    const unclaimed = missingRanges([...this.doneRanges(), ...this.#activeTails()], this.total)[0];
    if (unclaimed) return this.#add(unclaimed[0], unclaimed[1]);
    return this.#splitLargest();
  }

  /** A segment starting at an exact offset (the probe writes from 0). */
  claim(start: number, end: number): Segment {
    return this.#add(start, end);
  }

  release(segment: Segment): void {
    segment.active = false;
    this.#base = mergeRanges([...this.#base, [segment.start, segment.position]]);
    this.#baseBytes = coveredBytes(this.#base);
    this.#segments = this.#segments.filter((s) => s !== segment);
  }

  doneRanges(): ByteRange[] {
    return mergeRanges([...this.#base, ...this.#segments.map((s): ByteRange => [s.start, s.position])]);
  }

  /** Bytes received, including those gathered for a write that has not happened yet. */
  bytesReceived(): number {
    // A sum, not a merge: segments are only ever made of bytes nobody has (the probe's on an
    // empty ledger, the rest from the gaps or the unreceived half of one), so they overlap
    // neither the base nor each other.
    let bytes = this.#baseBytes;
    for (const s of this.#segments) bytes += Math.max(0, Math.min(s.end, s.start + s.received) - s.start);
    return bytes;
  }

  complete(): boolean {
    return this.total !== undefined && missingRanges(this.doneRanges(), this.total).length === 0;
  }

  activeCount(): number {
    return this.#segments.filter((s) => s.active).length;
  }

  #activeTails(): ByteRange[] {
    return this.#segments.filter((s) => s.active).map((s): ByteRange => [s.position, s.end]);
  }

  #add(start: number, end: number): Segment {
    const segment: Segment = { start, position: start, end, received: 0, active: true };
    this.#segments.push(segment);
    return segment;
  }

  #splitLargest(): Segment | undefined {
    let largest: Segment | undefined;
    for (const segment of this.#segments) {
      if (!segment.active || !Number.isFinite(segment.end)) continue;
      const left = segment.end - Math.max(segment.position, segment.start + segment.received);
      if (!largest || left > largest.end - Math.max(largest.position, largest.start + largest.received)) largest = segment;
    }
    if (!largest) return undefined;
    const from = Math.max(largest.position, largest.start + largest.received);
    const left = largest.end - from;
    if (left < 2 * this.#minSplit) return undefined;
    const middle = from + Math.floor(left / 2);
    const tail = this.#add(middle, largest.end);
    largest.end = middle;
    return tail;
  }
}
