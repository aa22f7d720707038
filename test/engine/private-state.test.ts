// The state folder keeps secrets on purpose (a download's Cookie and Authorization, links
// with user:password@), so nothing in it is open to the group or to others: every file and
// folder, walked whole so a file added later is held to it too, under the common umask 022;
// and what an older version left open is tightened when the folder is opened again.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CheckpointStore } from '../../main/engine/checkpoint-store.ts';
import { claimName, setState } from '../../main/engine/checkpoint-transitions.ts';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';
import { makePrivateFolder } from '../../main/engine/private-state.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';
import { looseModes } from '../support/modes.ts';
import { words } from '../support/words.ts';

const HEADERS = { Cookie: 'session=TOPSECRET', Authorization: 'Bearer TOKEN123' };

function credentialed(url: string): string {
  const withUser = new URL(url);
  withUser.username = 'alice';
  withUser.password = 'PASSWORD42';
  return withUser.href;
}

async function until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  await withTimeout(
    (async () => {
      while (!test()) await new Promise((resolve) => setTimeout(resolve, 20));
    })(),
    timeoutMs,
    what,
  );
}

const holds = (file: string, secret: string) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(secret);

/**
 * Leaves an item in every place the store keeps one (a paused one in the queue, a finished
 * one in the history, a paused one with bytes in its own document), settings too. Routes
 * are the test's own, so the byte counts of one test never stand in for another's.
 */
async function fillEveryTier(server: FaultServer, manager: DownloadManager, state: string, test: string): Promise<void> {
  server.serve(`/${test}/queued.bin`, { body: testBytes(1000, 1) });
  server.serve(`/${test}/done.bin`, { body: testBytes(50_000, 2), requireHeaders: { cookie: HEADERS.Cookie } });
  server.serve(`/${test}/slow.bin`, { body: testBytes(2_000_000, 3), faults: { throttleBytesPerSec: 400_000 } });
  manager.setSettings({ speedLimit: 0 });
  manager.add([credentialed(server.url(`/${test}/queued.bin`))], { paused: true, headers: HEADERS });

  const finished = manager.add([credentialed(server.url(`/${test}/done.bin`))], { headers: HEADERS }).added[0]!;
  const done = await waitForItem(manager, finished, (item) => item.state === 'done' || item.state === 'failed');
  assert.equal(done.state, 'done', words(done.error));
  await until(() => holds(path.join(state, 'history.json'), finished), 'the history written');

  const own = manager.add([credentialed(server.url(`/${test}/slow.bin`))], { headers: HEADERS }).added[0]!;
  await server.waitForBodyBytes(`/${test}/slow.bin`, 100_000);
  manager.pause([own]);
  await until(() => holds(path.join(state, 'items', `${own}.json`), 'TOPSECRET'), 'its own document written');

  for (const file of ['queue.json', 'history.json', `items/${own}.json`]) {
    assert.ok(holds(path.join(state, file), 'TOPSECRET') && holds(path.join(state, file), 'PASSWORD42'), `${file} holds the secrets`);
  }
}

describe('the state folder is private', { skip: process.platform === 'win32' && 'Windows keeps no such modes' }, () => {
  let server: FaultServer;
  let umask: number;
  before(async () => {
    // The umask most systems give: files 0644 and folders 0755 unless Tsuzuki says otherwise.
    umask = process.umask(0o022);
    server = await startFaultServer();
  });
  after(async () => {
    process.umask(umask);
    await server.close();
  });

  it('holds every file 0600 and every folder 0700, open and closed', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      await fillEveryTier(server, manager, ws.state, 'open-and-closed');
      assert.ok(fs.existsSync(path.join(ws.state, 'lock')) && fs.existsSync(path.join(ws.state, 'settings.json')));
      assert.deepEqual(looseModes(ws.state), [], 'while open');
    } finally {
      await manager.close();
    }
    assert.deepEqual(looseModes(ws.state), [], 'once closed');
    ws.cleanup();
  });

  it("tightens an older version's 0644 files and 0755 folders when opened", async () => {
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads);
    try {
      await fillEveryTier(server, first, ws.state, 'older-version');
    } finally {
      await first.close();
    }
    // As an older version left them, with a `.next` a crash left behind.
    fs.writeFileSync(path.join(ws.state, 'claims.jsonl.next'), '');
    for (const entry of ['', ...(fs.readdirSync(ws.state, { recursive: true }) as string[])]) {
      const full = path.join(ws.state, entry);
      fs.chmodSync(full, fs.statSync(full).isDirectory() ? 0o755 : 0o644);
    }
    assert.ok(looseModes(ws.state).length >= 7, looseModes(ws.state).join(', '));

    const again = await openTestManager(ws.state, ws.downloads);
    try {
      assert.deepEqual(looseModes(ws.state), [], 'tightened on open');
      assert.ok(again.list().some((item) => item.state === 'done'), 'and read as before');
    } finally {
      await again.close();
    }
    ws.cleanup();
  });

  it('keeps the claim journal private, also when a flush rewrites it through claims.jsonl.next', () => {
    const ws = tempWorkspace();
    // The engine's state lock makes the folder first; the store alone is opened here.
    makePrivateFolder(ws.state);
    const store = new CheckpointStore(confStoreProvider(ws.state));
    try {
      store.loadItems();
      const cp = newCheckpoint(credentialed('https://example.com/claimed.bin'), ws.downloads, { headers: HEADERS }, 1, Date.now());
      store.save(cp);
      store.flush();
      setState(cp, 'downloading');
      store.claimIntent(cp, 'claimed.bin');
      claimName(cp, 'claimed.bin');
      store.claim(cp);
      const journal = path.join(ws.state, 'claims.jsonl');
      assert.ok(holds(journal, '"claimIntent":true') && holds(journal, 'TOPSECRET'), 'appended');
      // No bytes recorded yet: the claim stays in the journal alone, which is rewritten without the intent.
      store.flush();
      assert.ok(!holds(journal, '"claimIntent":true') && holds(journal, 'TOPSECRET') && holds(journal, 'PASSWORD42'), 'rewritten');
      assert.deepEqual(looseModes(ws.state), []);
    } finally {
      store.close();
    }
    assert.deepEqual(looseModes(ws.state), []);
    ws.cleanup();
  });

  it("leaves another user's file as it is, and opens the folder anyway", { skip: process.getuid?.() !== 0 && 'giving a file away takes root' }, async () => {
    const ws = tempWorkspace();
    fs.mkdirSync(ws.state, { mode: 0o755 });
    const foreign = path.join(ws.state, 'queue.json');
    fs.writeFileSync(foreign, JSON.stringify({ items: [] }), { mode: 0o644 });
    fs.chownSync(foreign, 65534, 65534);
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      assert.deepEqual(looseModes(ws.state), ['queue.json 0644'], 'only what is ours is tightened');
      assert.deepEqual(manager.list(), []);
    } finally {
      await manager.close();
    }
    ws.cleanup();
  });
});
