// `tsuzuki get` marks what it downloads with where it came from, as a browser does; a disk
// that keeps no attributes, or a machine where the native xattr library cannot load, still
// gets its download, unmarked, without a word of that trouble on the terminal.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { CANNOT_MOUNT_RAMFS, mountDiskWithoutXattrs } from '../support/small-disk.ts';
import { attribute, NOT_LINUX } from '../support/xattrs.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(500_000, 31);

describe('tsuzuki get records where a file came from', { skip: NOT_LINUX }, () => {
  let server: FaultServer;
  let ws: ReturnType<typeof tempWorkspace>;
  before(async () => {
    server = await startFaultServer();
    ws = tempWorkspace();
  });
  after(async () => {
    await server.close();
    ws.cleanup();
  });

  it('sets user.xdg.origin.url without the credentials, and the --referer as user.xdg.referrer.url', async () => {
    server.serve('/installer.bin', { body });
    const link = server.url('/installer.bin').replace('http://', 'http://carol:hunter2@');
    const run = await runCli(['get', link, '--referer', 'https://dave:pw@example.com/downloads', '--dir', ws.downloads, '--state', ws.state, '-q']);
    assert.equal(run.code, 0, run.stderr);
    const file = path.join(ws.downloads, 'installer.bin');
    assert.equal(sha256(file), sha256(body));
    assert.equal(attribute(file, 'user.xdg.origin.url'), server.url('/installer.bin'));
    assert.equal(attribute(file, 'user.xdg.referrer.url'), 'https://example.com/downloads');
  });

  it('finishes, unmarked and quietly, on a disk that keeps no attributes', async (t) => {
    const disk = mountDiskWithoutXattrs();
    if (!disk) return t.skip(CANNOT_MOUNT_RAMFS);
    try {
      server.serve('/ramfs.bin', { body });
      const run = await runCli(['get', server.url('/ramfs.bin'), '--referer', 'https://example.com/', '--dir', disk.downloads, '--state', disk.state, '-q']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.deepEqual(fs.readdirSync(disk.downloads), ['ramfs.bin']);
      assert.equal(sha256(path.join(disk.downloads, 'ramfs.bin')), sha256(body));
    } finally {
      disk.unmount();
    }
  });

  it('finishes, unmarked and quietly, when the native library cannot be loaded', async () => {
    server.serve('/nolib.bin', { body });
    // The library's own switch for where its binary is: pointed at nothing, it cannot load.
    const env = { NAPI_RS_NATIVE_LIBRARY_PATH: path.join(ws.root, 'missing', 'xattr.node') };
    const run = await runCli(['get', server.url('/nolib.bin'), '--dir', ws.downloads, '--state', ws.state, '-q'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const file = path.join(ws.downloads, 'nolib.bin');
    assert.equal(sha256(file), sha256(body));
    assert.equal(attribute(file, 'user.xdg.origin.url'), undefined);
    assert.deepEqual(fs.readdirSync(ws.downloads).filter((name) => name.endsWith('.part')), []);
  });
});
