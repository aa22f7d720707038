// The state folder's lock: a stale one (its process is gone) is taken over by exactly one
// of the processes racing for it; a live one is respected.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';

const lockModule = path.resolve(import.meta.dirname, '../../main/engine/state-lock.ts');

/** A PID that surely belongs to no process now: one that has just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function racer(dir: string, release: string): Promise<string> {
  const script = `
    import fs from 'node:fs';
    import { StateLock } from ${JSON.stringify(lockModule)};
    try {
      const lock = StateLock.acquire(${JSON.stringify(dir)});
      console.log('got');
      // Hold it until the test says so: every other racer meets a live owner.
      const wait = () => (fs.existsSync(${JSON.stringify(release)}) ? lock.release() : setTimeout(wait, 20));
      wait();
    } catch (error) {
      console.log(error.code);
    }
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  return new Promise((resolve) => child.on('close', () => resolve(out.trim())));
}

describe('state lock', () => {
  it('a stale lock raced for by four processes is taken over by exactly one', async () => {
    const ws = tempWorkspace();
    try {
      fs.mkdirSync(ws.state, { recursive: true });
      fs.writeFileSync(path.join(ws.state, 'lock'), String(deadPid()));
      const release = path.join(ws.root, 'release');
      const racers = Array.from({ length: 4 }, () => racer(ws.state, release));
      // Every racer has answered once three of them said they are locked out.
      const outcomes: string[] = [];
      const watcher = Promise.all(racers.map((p) => p.then((o) => (outcomes.push(o), o))));
      const deadline = Date.now() + 20_000;
      while (outcomes.filter((o) => o === 'ERR_STATE_LOCKED').length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      fs.writeFileSync(release, '');
      const all = await watcher;
      assert.equal(all.filter((o) => o === 'got').length, 1, all.join(','));
      assert.equal(all.filter((o) => o === 'ERR_STATE_LOCKED').length, 3, all.join(','));
      assert.deepEqual(fs.readdirSync(ws.state).filter((name) => name.startsWith('lock')), [], 'no lock or temporary file is left');
    } finally {
      ws.cleanup();
    }
  });
});
