// Links planted in the download folder, driven through `tsuzuki get … --state DIR`: a
// `.part` swapped for a link while paused, a link at the final name, a dangling link. The
// link's target is never written, the link is never replaced, and the download still ends
// as a regular file inside the folder.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli, startCli } from './run-cli.ts';

const body = testBytes(3_000_000, 21);
const precious = Buffer.from('a file outside the download folder that must never change\n');

describe('tsuzuki get with links planted in its folder', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  /** Starts a slow download, stops it (Ctrl-C) once some bytes are saved, and returns its arguments. */
  async function interrupted(route: string, ws: ReturnType<typeof tempWorkspace>): Promise<string[]> {
    server.serve(route, { body, faults: { throttleBytesPerSec: 1_500_000 } });
    const args = ['get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '-q'];
    const run = startCli(args);
    await server.waitForBodyBytes(route, 600_000);
    run.child.kill('SIGINT');
    const stopped = await run.result;
    assert.equal(stopped.code, 130, stopped.stderr);
    return args;
  }

  it('a .part swapped for a link to a file elsewhere: the target is untouched, a fresh file takes its place', async () => {
    const ws = tempWorkspace();
    try {
      const outside = path.join(ws.root, 'precious.txt');
      fs.writeFileSync(outside, precious);
      const args = await interrupted('/swap.bin', ws);
      const part = path.join(ws.downloads, 'swap.bin.part');
      assert.ok(fs.statSync(part).size > 0);
      fs.rmSync(part);
      fs.symlinkSync(outside, part);
      const resumed = await runCli(args);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.deepEqual(fs.readFileSync(outside), precious, 'the link target is never written');
      assert.deepEqual(fs.readdirSync(ws.downloads), ['swap.bin']);
      const final = path.join(ws.downloads, 'swap.bin');
      assert.ok(fs.lstatSync(final).isFile(), 'a regular file, not the link renamed into place');
      assert.equal(sha256(final), sha256(body));
    } finally {
      ws.cleanup();
    }
  });

  it('a .part swapped for a hard link to another file: that file is untouched', async () => {
    const ws = tempWorkspace();
    try {
      const outside = path.join(ws.root, 'precious.txt');
      fs.writeFileSync(outside, precious);
      const args = await interrupted('/hard.bin', ws);
      const part = path.join(ws.downloads, 'hard.bin.part');
      fs.rmSync(part);
      fs.linkSync(outside, part);
      const resumed = await runCli(args);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.deepEqual(fs.readFileSync(outside), precious);
      assert.equal(sha256(path.join(ws.downloads, 'hard.bin')), sha256(body));
      assert.deepEqual(fs.readdirSync(ws.downloads), ['hard.bin']);
    } finally {
      ws.cleanup();
    }
  });

  for (const dangling of [false, true]) {
    it(`a ${dangling ? 'dangling ' : ''}link planted at the final name while paused is neither followed nor replaced`, async () => {
      const ws = tempWorkspace();
      try {
        const outside = path.join(ws.root, 'precious.txt');
        if (!dangling) fs.writeFileSync(outside, precious);
        const route = dangling ? '/dangling.bin' : '/final-link.bin';
        const args = await interrupted(route, ws);
        const finalName = path.basename(route);
        fs.symlinkSync(outside, path.join(ws.downloads, finalName));
        const resumed = await runCli(args);
        assert.equal(resumed.code, 0, resumed.stderr);
        if (dangling) assert.ok(!fs.existsSync(outside), 'the dangling link target is not created');
        else assert.deepEqual(fs.readFileSync(outside), precious);
        assert.equal(fs.readlinkSync(path.join(ws.downloads, finalName)), outside, 'the link itself is left as it was');
        const saved = `${finalName.replace(/\.bin$/, '')} (1).bin`;
        assert.deepEqual(fs.readdirSync(ws.downloads).sort(), [finalName, saved].sort());
        assert.ok(fs.lstatSync(path.join(ws.downloads, saved)).isFile());
        assert.equal(sha256(path.join(ws.downloads, saved)), sha256(body));
      } finally {
        ws.cleanup();
      }
    });
  }

  it('a dangling link where the .part would go is skipped at the claim; its target is not created', async () => {
    const ws = tempWorkspace();
    try {
      const outside = path.join(ws.root, 'nowhere.txt');
      fs.symlinkSync(outside, path.join(ws.downloads, 'claimed.bin.part'));
      server.serve('/claimed.bin', { body });
      const run = await runCli(['get', server.url('/claimed.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!fs.existsSync(outside));
      assert.equal(sha256(path.join(ws.downloads, 'claimed (1).bin')), sha256(body));
    } finally {
      ws.cleanup();
    }
  });
});
