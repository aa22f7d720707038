// The last-resort handler: an error nobody handled logs one line and the process goes on.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lastResortLine } from '../../main/host/last-resort.ts';

const module = path.resolve(import.meta.dirname, '../../main/host/last-resort.ts');

describe('last-resort handler', () => {
  it('turns an unhandled error event and an unhandled rejection into one line each, and the process carries on', async () => {
    const script = `
      import { EventEmitter } from 'node:events';
      import { installLastResort } from ${JSON.stringify(module)};
      installLastResort((line) => console.error('host: ' + line));
      setTimeout(() => new EventEmitter().emit('error', Object.assign(new Error('socket hang up\\nsecond line'), { code: 'ECONNRESET' })), 1);
      setTimeout(() => void Promise.reject(new Error('nobody awaited me')), 2);
      setTimeout(() => console.log('still running'), 50);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim(), 'still running');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 2, stderr);
    assert.match(lines[0]!, /^host: unexpected error \(ECONNRESET: socket hang up\)/);
    assert.match(lines[1]!, /nobody awaited me/);
  });

  it('keeps a line short and free of stack frames', () => {
    const line = lastResortLine(new Error(`x${'y'.repeat(1000)}\n    at somewhere (file.js:1:1)`));
    assert.ok(line.length < 400);
    assert.doesNotMatch(line, /\bat somewhere/);
  });
});
