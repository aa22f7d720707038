// Bad input gets a specific error a person can act on, and nothing is lost: unsupported or
// malformed links, unusable folders, bad checksums, a full disk.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager, withTimeout } from '../support/manager.ts';
import { words } from '../support/words.ts';

describe('invalid input', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('rejects links that are not http(s) or not links, each with its own reason', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added, rejected } = manager.add(['ftp://example.com/x', 'not a url', 'http://', 'javascript:alert(1)', 'file:///etc/passwd']);
    assert.deepEqual(added, []);
    assert.deepEqual(
      rejected.map((r) => r.error.code),
      ['ERR_UNSUPPORTED_PROTOCOL', 'ERR_INVALID_URL', 'ERR_INVALID_URL', 'ERR_UNSUPPORTED_PROTOCOL', 'ERR_UNSUPPORTED_PROTOCOL'],
    );
    assert.equal(words(rejected[0]!.error), 'Tsuzuki cannot download "ftp://example.com/x", a link of the ftp: kind. Only http:// and https:// links are supported. Check the link and try again.');
    assert.match(words(rejected[1]!.error), /not a valid link/);
    assert.deepEqual(manager.list(), []);
    await manager.close();
    ws.cleanup();
  });

  it('rejects a folder it cannot write to, saying which and why', async () => {
    const ws = tempWorkspace();
    const file = path.join(ws.root, 'a-file');
    fs.writeFileSync(file, '');
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added, rejected } = manager.add([server.url('/x')], { dir: path.join(file, 'sub') });
    assert.deepEqual(added, []);
    assert.equal(rejected[0]!.error.code, 'ERR_FOLDER');
    assert.ok(words(rejected[0]!.error).includes(path.join(file, 'sub')));
    await manager.close();
    ws.cleanup();
  });

  it('a folder removed after the item was added is made again; one turned into a file fails the item, naming it', async () => {
    const ws = tempWorkspace();
    const body = testBytes(40_000, 5);
    server.serve('/later.bin', { body });
    const manager = await openTestManager(ws.state, ws.downloads);
    const removed = path.join(ws.downloads, 'removed');
    const replaced = path.join(ws.downloads, 'replaced');
    const [first] = manager.add([server.url('/later.bin')], { dir: removed, paused: true }).added;
    const [second] = manager.add([server.url('/later.bin')], { dir: replaced, paused: true }).added;
    // The claim no longer looks at the folder first: only its failure makes it look.
    fs.rmSync(removed, { recursive: true });
    fs.rmSync(replaced, { recursive: true });
    fs.writeFileSync(replaced, 'a file where the folder was');
    manager.resume([first!, second!]);
    await withTimeout(manager.whenIdle(), 20_000, 'the downloads did not settle');
    const made = manager.get(first!)!;
    assert.equal(made.state, 'done', JSON.stringify(made.error));
    assert.equal(made.path, path.join(removed, 'later.bin'));
    assert.equal(sha256(made.path!), sha256(body));
    const refused = manager.get(second!)!;
    assert.equal(refused.state, 'failed');
    assert.equal(refused.error?.code, 'ERR_FOLDER');
    assert.ok(words(refused.error!).includes(replaced), words(refused.error!));
    assert.equal(fs.readFileSync(replaced, 'utf8'), 'a file where the folder was');
    await manager.close();
    ws.cleanup();
  });

  it('rejects a malformed SHA-256', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { rejected } = manager.add([server.url('/x')], { sha256: 'abc' });
    assert.equal(rejected[0]!.error.code, 'ERR_INVALID_CHECKSUM');
    await manager.close();
    ws.cleanup();
  });

  it('unknown ids get ERR_UNKNOWN_ITEM, not a crash', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    assert.throws(() => manager.pause(['nope']), { code: 'ERR_UNKNOWN_ITEM' });
    assert.throws(() => manager.changeUrl('nope', 'http://x/'), { code: 'ERR_UNKNOWN_ITEM' });
    await manager.close();
    ws.cleanup();
  });

  it('a full disk fails the item with ERR_DISK_FULL and keeps what was written; with room it resumes', async (t) => {
    const ws = tempWorkspace();
    const mountPoint = path.join(ws.root, 'small-disk');
    fs.mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      ws.cleanup();
      return t.skip('cannot mount a small tmpfs here (needs root), so a full disk cannot be simulated');
    }
    try {
      const body = testBytes(1_000_000, 33);
      server.serve('/big.bin', { body });
      const manager = await openTestManager(ws.state, mountPoint, { diskReserveBytes: 64 * 1024 });
      const item = await downloadOne(manager, server.url('/big.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_DISK_FULL');
      assert.match(words(item.error), /disk/);
      execFileSync('mount', ['-o', 'remount,size=4m', mountPoint]);
      manager.resume([item.id]);
      await withTimeout(manager.whenIdle(), 10_000, 'resume after freeing space did not finish');
      const done = manager.get(item.id)!;
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(sha256(done.path!), sha256(body));
      await manager.close();
    } finally {
      execFileSync('umount', [mountPoint]);
      ws.cleanup();
    }
  });
});
