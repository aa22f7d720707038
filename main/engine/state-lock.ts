// One process per state folder: two processes continuing the same checkpoints would write
// the same part files and rename each other's results away. A lock file holds the owner's
// PID; a lock left by a process that died (kill -9, power loss) is taken over.

import fs from 'node:fs';
import path from 'node:path';
import { DownloadError } from './errors.ts';

/** Locks this process holds: a second engine in the same process is refused too. */
const held = new Set<string>();

export class StateLock {
  readonly path: string;

  private constructor(lockPath: string) {
    this.path = lockPath;
  }

  static acquire(dir: string): StateLock {
    fs.mkdirSync(dir, { recursive: true });
    const lockPath = path.join(dir, 'lock');
    if (held.has(lockPath)) {
      throw new DownloadError('ERR_STATE_LOCKED', { params: { pid: process.pid, dir }, action: 'closeOther' });
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
        held.add(lockPath);
        return new StateLock(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DownloadError('ERR_STATE_LOCKED', { params: { pid: owner, dir }, action: 'closeOther' });
      }
      fs.rmSync(lockPath, { force: true });
    }
    throw new DownloadError('ERR_INTERNAL', { params: { detail: `could not lock the state folder ${dir}` } });
  }

  release(): void {
    held.delete(this.path);
    try {
      if (fs.readFileSync(this.path, 'utf8').trim() === String(process.pid)) fs.rmSync(this.path, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
