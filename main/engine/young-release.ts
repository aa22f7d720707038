// Frees received body buffers while they are young. Node gives every body chunk its own
// buffer outside V8's heap; a download makes few JavaScript objects, so the young generation
// rarely fills and those buffers pile up until the external-memory limit forces a full
// mark-compact (about every 36 MB, with marking threads competing for the cores). A minor
// collection every few megabytes of body finds them unreachable and frees them for a
// fraction of that. The interval grows with the number of writers, since each holds about a
// megabyte it has not written yet: a chunk must not outlive two collections, or it is moved
// to the old generation and waits for a mark-compact after all (docs/ARCHITECTURE.md#memory).

import v8 from 'node:v8';
import vm from 'node:vm';

const BYTES_PER_WRITER = 8 * 1024 * 1024;

type Collect = (options: { type: 'minor' }) => void;

let collect: Collect | undefined | null = null;
let openWriters = 0;
let sinceCollection = 0;

function exposedCollector(): Collect | undefined {
  try {
    // The flag only installs `gc` in contexts made after it is set, so a fresh context is
    // asked for it; this process's own global stays as it was.
    v8.setFlagsFromString('--expose-gc');
    const found = vm.runInNewContext('gc') as unknown;
    return typeof found === 'function' ? (found as Collect) : undefined;
  } catch {
    return undefined;
  }
}

export function writerOpened(): void {
  openWriters += 1;
}

export function writerClosed(): void {
  openWriters = Math.max(0, openWriters - 1);
}

/** Body bytes were received by an open writer. */
export function bodyReceived(bytes: number): void {
  sinceCollection += bytes;
  if (sinceCollection < BYTES_PER_WRITER * Math.max(1, openWriters)) return;
  sinceCollection = 0;
  if (collect === null) collect = exposedCollector();
  collect?.({ type: 'minor' });
}
