// `tsuzuki get` keeps a download's Cookie and Authorization, and a link's user:password@, in
// its state folder so a later run can resume with them: under the common umask 022 that
// folder, every folder made on the way to it, and every file in them are the user's alone.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { looseModes } from '../support/modes.ts';
import { runCli } from './run-cli.ts';

const SECRETS = ['-H', 'Cookie: session=TOPSECRET', '-H', 'Authorization: Bearer TOKEN123'];

describe('tsuzuki get keeps its state folder private', { skip: process.platform === 'win32' && 'Windows keeps no such modes' }, () => {
  let server: FaultServer;
  let umask: number;
  before(async () => {
    umask = process.umask(0o022);
    server = await startFaultServer();
    server.serve('/file.bin', { body: testBytes(40_000, 5), requireHeaders: { cookie: 'session=TOPSECRET' } });
  });
  after(async () => {
    process.umask(umask);
    await server.close();
  });

  it('in the default folder under $XDG_CONFIG_HOME, with a finished and a failed download', async () => {
    const ws = tempWorkspace();
    const config = path.join(ws.root, 'config');
    try {
      const url = new URL(server.url('/file.bin'));
      url.username = 'alice';
      url.password = 'PASSWORD42';
      const { code, stderr } = await runCli(['get', '-q', '--dir', ws.downloads, ...SECRETS, url.href, 'http://127.0.0.1:1/x', '--retries', '0'], { XDG_CONFIG_HOME: config });
      assert.equal(code, 1, `the second link cannot be reached: ${stderr}`);
      assert.ok(fs.existsSync(path.join(ws.downloads, 'file.bin')), stderr);
      const [folder] = fs.readdirSync(path.join(config, 'tsuzuki', 'cli'));
      const state = path.join(config, 'tsuzuki', 'cli', folder!);
      const files = fs.readdirSync(state, { withFileTypes: true }).filter((entry) => entry.isFile());
      const kept = files.map((entry) => fs.readFileSync(path.join(state, entry.name), 'utf8')).join('');
      assert.ok(kept.includes('TOPSECRET') && kept.includes('TOKEN123') && kept.includes('PASSWORD42'), 'the secrets are kept for a resume');
      assert.deepEqual(looseModes(state), []);
    } finally {
      ws.cleanup();
    }
  });

  it('leaves the mode of a folder the user named that holds other things, and makes its own files private', async () => {
    const ws = tempWorkspace();
    try {
      const shared = path.join(ws.root, 'shared');
      fs.mkdirSync(shared, { mode: 0o755 });
      fs.writeFileSync(path.join(shared, 'notes.txt'), 'mine', { mode: 0o644 });
      const { code, stderr } = await runCli(['get', '-q', '--dir', ws.downloads, '--state', shared, ...SECRETS, server.url('/file.bin')]);
      assert.equal(code, 0, stderr);
      assert.deepEqual(looseModes(shared), ['. 0755', 'notes.txt 0644'], 'only what was there before stays open');
    } finally {
      ws.cleanup();
    }
  });

  it('tightens a --state folder an older version left open', async () => {
    const ws = tempWorkspace();
    try {
      fs.mkdirSync(path.join(ws.state, 'items'), { recursive: true, mode: 0o755 });
      fs.writeFileSync(path.join(ws.state, 'queue.json'), JSON.stringify({ items: [] }), { mode: 0o644 });
      fs.writeFileSync(path.join(ws.state, 'claims.jsonl'), '', { mode: 0o644 });
      assert.equal(looseModes(ws.state).length, 4);
      const { code, stderr } = await runCli(['get', '-q', '--dir', ws.downloads, '--state', ws.state, ...SECRETS, server.url('/file.bin')]);
      assert.equal(code, 0, stderr);
      assert.deepEqual(looseModes(ws.state), []);
    } finally {
      ws.cleanup();
    }
  });
});
