// Test data and temporary folders: generated at run time, never committed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Deterministic bytes: a seeded xorshift stream, so a failure can be reproduced. */
export function testBytes(size: number, seed = 1): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    if (i + 4 <= size) buffer.writeUInt32LE(x, i);
    else for (let j = 0; i + j < size; j++) buffer[i + j] = (x >>> (8 * j)) & 0xff;
  }
  return buffer;
}

export function sha256(data: Buffer | string): string {
  const bytes = typeof data === 'string' ? fs.readFileSync(data) : data;
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A fresh folder under the OS temp dir with `downloads/` and `state/` inside; removed by `cleanup`. */
export function tempWorkspace(prefix = 'tsuzuki-test-'): { root: string; downloads: string; state: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const downloads = path.join(root, 'downloads');
  const state = path.join(root, 'state');
  fs.mkdirSync(downloads);
  return { root, downloads, state, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Every path under a folder, relative to it (to prove nothing was written elsewhere). */
export function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}
