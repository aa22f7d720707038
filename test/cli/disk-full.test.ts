// A full disk, made for real (a small tmpfs holding the download folder and the state),
// driven through `tsuzuki get … --state DIR` as a user would: a size the disk cannot hold,
// a body that never ends, a disk full before the start and the run after space is freed.
// Each fails with one clear line (what it needs, what is free) and no stack trace.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, testBytes } from '../support/files.ts';
import { CANNOT_MOUNT, mountSmallDisk } from '../support/small-disk.ts';
import { runCli } from './run-cli.ts';

const DISK = 16 * 1024 * 1024;

function assertOneCleanLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /\n\s+at |Unhandled|node:internal|ENOSPC/);
}

describe('tsuzuki get on a full disk', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('refuses a 10 TB Content-Length before writing, saying what it needs and what is free', async (t) => {
    const disk = mountSmallDisk(DISK);
    if (!disk) return t.skip(CANNOT_MOUNT);
    try {
      server.serve('/huge.bin', { body: testBytes(100_000, 3), faults: { announceLength: 10_000_000_000_000 } });
      const run = await runCli(['get', server.url('/huge.bin'), '--dir', disk.downloads, '--state', disk.state, '-q']);
      assert.equal(run.code, 1, run.stderr);
      assertOneCleanLine(run.stderr, /Not enough disk space .*needs 10(\.0)? TB.* is free/);
      assert.deepEqual(fs.readdirSync(disk.downloads), [], 'nothing claimed, nothing written');
    } finally {
      disk.unmount();
    }
  });

  it('stops an endless body at the reserve, keeps its records writable, and leaves no partial file', async (t) => {
    const disk = mountSmallDisk(DISK);
    if (!disk) return t.skip(CANNOT_MOUNT);
    try {
      server.serve('/endless.bin', { body: testBytes(256 * 1024, 4), faults: { endless: true } });
      const run = await runCli(['get', server.url('/endless.bin'), '--dir', disk.downloads, '--state', disk.state, '-q']);
      assert.equal(run.code, 1, run.stderr);
      assertOneCleanLine(run.stderr, /nearly full: .* is free/);
      // A body without length or ranges cannot be continued: its bytes are given back, and the advice says so.
      assert.match(run.stderr, /run the same command again: this server cannot continue a download, so it starts over/);
      assert.doesNotMatch(run.stderr, /nothing downloaded so far is lost/);
      assert.deepEqual(fs.readdirSync(disk.downloads), []);
      // The records are still written: the next run knows the item and fails the same way.
      const again = await runCli(['get', server.url('/endless.bin'), '--dir', disk.downloads, '--state', disk.state, '-q']);
      assert.equal(again.code, 1, again.stderr);
      assertOneCleanLine(again.stderr, /nearly full/);
    } finally {
      disk.unmount();
    }
  });

  it('a disk full before the start fails clearly; once space is freed the same command finishes under the same name, byte-exact', async (t) => {
    const disk = mountSmallDisk(DISK);
    if (!disk) return t.skip(CANNOT_MOUNT);
    try {
      const body = testBytes(6_000_000, 5);
      server.serve('/later.bin', { body });
      const filler = disk.fill(DISK - 3 * 1024 * 1024);
      const args = ['get', server.url('/later.bin'), '--dir', disk.downloads, '--state', disk.state, '-q'];
      const full = await runCli(args);
      assert.equal(full.code, 1, full.stderr);
      assertOneCleanLine(full.stderr, /Not enough disk space .*needs 6(\.0)? MB/);
      assert.deepEqual(fs.readdirSync(disk.downloads), []);
      fs.rmSync(filler);
      const freed = await runCli(args);
      assert.equal(freed.code, 0, freed.stderr);
      assert.deepEqual(fs.readdirSync(disk.downloads), ['later.bin']);
      assert.equal(sha256(path.join(disk.downloads, 'later.bin')), sha256(body));
    } finally {
      disk.unmount();
    }
  });

  it('--disk-reserve 0 lets a download take the room the default reserve keeps free', async (t) => {
    const disk = mountSmallDisk(DISK);
    if (!disk) return t.skip(CANNOT_MOUNT);
    try {
      // Beyond what fits above the default reserve (an eighth of this small disk, 2 MiB).
      const body = testBytes(15_000_000, 7);
      server.serve('/roomy.bin', { body });
      const args = ['get', server.url('/roomy.bin'), '--dir', disk.downloads, '--state', disk.state, '-q'];
      const kept = await runCli(args);
      assert.equal(kept.code, 1, kept.stderr);
      assertOneCleanLine(kept.stderr, /Not enough disk space .*needs 15(\.0)? MB/);
      const taken = await runCli([...args, '--disk-reserve', '0']);
      assert.equal(taken.code, 0, taken.stderr);
      assert.deepEqual(fs.readdirSync(disk.downloads), ['roomy.bin']);
      assert.equal(sha256(path.join(disk.downloads, 'roomy.bin')), sha256(body));
    } finally {
      disk.unmount();
    }
  });

  it('a disk that fills up while writing stops with ERR_DISK_FULL, is not retried in a loop, and resumes once space is freed', async (t) => {
    const disk = mountSmallDisk(DISK);
    if (!disk) return t.skip(CANNOT_MOUNT);
    try {
      const body = testBytes(10_000_000, 6);
      // Announced small enough to pass the check before the start, then filled by someone else.
      server.serve('/squeezed.bin', { body, faults: { throttleBytesPerSec: 4_000_000 } });
      const args = ['get', server.url('/squeezed.bin'), '--dir', disk.downloads, '--state', disk.state, '-q'];
      const { startCli } = await import('./run-cli.ts');
      const running = startCli(args);
      await server.waitForBodyBytes('/squeezed.bin', 1_000_000);
      const filler = disk.fill(DISK - 10_000_000);
      const full = await running.result;
      assert.equal(full.code, 1, full.stderr);
      assertOneCleanLine(full.stderr, /disk/i);
      const requestsWhenFull = server.requestsFor('/squeezed.bin').length;
      assert.ok(requestsWhenFull <= 2, `not retried in a loop (${requestsWhenFull} requests)`);
      fs.rmSync(filler);
      const freed = await runCli(args);
      assert.equal(freed.code, 0, freed.stderr);
      assert.deepEqual(fs.readdirSync(disk.downloads), ['squeezed.bin']);
      assert.equal(sha256(path.join(disk.downloads, 'squeezed.bin')), sha256(body));
      assert.match(server.requestsFor('/squeezed.bin').at(-1)!.headers.range ?? '', /^bytes=[1-9]/, 'continued, not started over');
    } finally {
      disk.unmount();
    }
  });
});
