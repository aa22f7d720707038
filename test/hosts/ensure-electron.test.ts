// `npm start` / `npm run dev` fetch the Electron runtime first. Where the download cannot
// happen (here: a mirror that refuses connections, or one that has no such file), the step
// ends with plain words — what is missing, how to get it later, what works now — and a
// non-zero exit, never a stack trace. The runtime is pointed at an empty folder and the
// download cache at another, so this runs the download path even where Electron is installed.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/ensure-electron.ts');

function runEnsure(mirror: string, scratch: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/electron/i.test(key)) env[key] = value;
  Object.assign(env, {
    ELECTRON_MIRROR: mirror,
    ELECTRON_OVERRIDE_DIST_PATH: fs.mkdtempSync(path.join(scratch, 'dist-')),
    electron_config_cache: fs.mkdtempSync(path.join(scratch, 'cache-')),
  });
  const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function assertPlainOfflineMessage(run: { code: number | null; stdout: string; stderr: string }): void {
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /downloading the Electron runtime/);
  assert.match(run.stderr, /needs this one download/);
  assert.match(run.stderr, /run\s+`npm start` again \(or `npx install-electron`\)/);
  assert.match(run.stderr, /npx tsuzuki serve/);
  assert.doesNotMatch(run.stdout + run.stderr, /^\s+at /m, 'no stack trace');
}

describe('fetching the Electron runtime before npm start', () => {
  let scratch: string;
  let missing: http.Server;
  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-ensure-'));
    missing = http.createServer((_request, response) => response.writeHead(404).end('not here'));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await new Promise((resolve) => missing.close(resolve));
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('is the first step of npm start and npm run dev', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['start']!, /^node scripts\/ensure-electron\.ts && electron-vite preview/);
    assert.match(scripts['dev']!, /^node scripts\/ensure-electron\.ts && electron-vite dev/);
  });

  it('offline (the mirror refuses connections): says what is missing and what works now, exits 1', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runEnsure(`http://127.0.0.1:${port}/`, scratch);
    assertPlainOfflineMessage(run);
    assert.match(run.stderr, /Reason: no connection to the download server/);
  });

  it('a mirror without the file: the same plain message, with the server error as the reason', async () => {
    const run = await runEnsure(`http://127.0.0.1:${(missing.address() as AddressInfo).port}/`, scratch);
    assertPlainOfflineMessage(run);
    assert.match(run.stderr, /Reason: .*404/);
  });
});
