// A server that cannot continue a download (no length, a compressed body): a cut body is a
// failed attempt like any other, counted against the retry limit and waited out with the
// backoff before the download starts over from byte 0. A download that fails with bytes no
// resume could use gives their space back: its `.part` is gone, however the run ended.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ItemSnapshot, RetryInfo } from '../../main/engine/item.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager, waitForItem, withTimeout } from '../support/manager.ts';
import { DownloadError, withoutKeptBytes } from '../../main/engine/errors.ts';
import { words } from '../support/words.ts';

const body = testBytes(300_000, 5);
/** Every body cut after 100 kB, as often as it is asked for. */
const alwaysCut = { cutAfterBytes: 100_000, cutTimes: 1000 };

describe('a server that cannot continue a download', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('with no retries allowed, a cut body fails the download after one request, and its .part is gone', async () => {
    server.serve('/once.bin', { body, faults: { noLength: true, ...alwaysCut } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 0 });
    try {
      const item = await downloadOne(manager, server.url('/once.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(server.requestsFor('/once.bin').length, 1);
      assert.equal(item.error?.code, 'ERR_NETWORK', words(item.error));
      assert.equal(item.error?.params?.['attempts'], 1);
      assert.match(words(item.error), /Gave up after 1 attempt, with 0 B downloaded\./);
      assert.deepEqual(fs.readdirSync(ws.downloads), []);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('spends exactly its retries, each waited out with the backoff, then fails with the real failure and frees the .part', async () => {
    server.serve('/noCL.bin', { body, faults: { noLength: true, ...alwaysCut } });
    const ws = tempWorkspace();
    // Waits long enough (150–300 ms) to show in the snapshots, which come every 0.1 s.
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 2 }, { retryBaseDelayMs: 300, retryMaxDelayMs: 300 });
    const waits: RetryInfo[] = [];
    const onItems = ({ changed }: { changed: ItemSnapshot[] }) => {
      for (const item of changed) if (item.retry && !waits.some((wait) => wait.attempt === item.retry!.attempt)) waits.push(item.retry);
    };
    manager.on('items', onItems);
    try {
      const started = Date.now();
      const item = await downloadOne(manager, server.url('/noCL.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(server.requestsFor('/noCL.bin').length, 3);
      assert.ok(server.requestsFor('/noCL.bin').every((request) => request.headers.range === undefined), 'every attempt starts from byte 0');
      assert.deepEqual(waits.map(({ attempt, maxAttempts }) => [attempt, maxAttempts]), [[2, 3], [3, 3]]);
      assert.ok(Date.now() - started >= 300, 'two backoffs of at least 150 ms each');
      assert.equal(item.error?.code, 'ERR_NETWORK', words(item.error));
      assert.equal(item.error?.params?.['attempts'], 3);
      assert.equal(item.error?.params?.['kept'], 0);
      assert.equal(item.history.filter((entry) => entry.code === 'cannotContinue').length, 2);
      assert.deepEqual(fs.readdirSync(ws.downloads), []);
    } finally {
      manager.off('items', onItems);
      await manager.close();
      ws.cleanup();
    }
  });

  it('a compressed body cut mid-way is retried as counted, and the failed download leaves no .part', async () => {
    server.serve('/gzcut.bin', { body, faults: { gzipOnly: true, ...alwaysCut } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 1 });
    try {
      const item = await downloadOne(manager, server.url('/gzcut.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(server.requestsFor('/gzcut.bin').length, 2);
      assert.equal(item.error?.params?.['attempts'], 2, words(item.error));
      assert.deepEqual(fs.readdirSync(ws.downloads), []);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('a body cut fewer times than the retries allow finishes from byte 0, byte-identical', async () => {
    server.serve('/twice.bin', { body, faults: { noLength: true, cutAfterBytes: 100_000, cutTimes: 2 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 2 });
    try {
      const item = await downloadOne(manager, server.url('/twice.bin'));
      assert.equal(item.state, 'done', words(item.error));
      assert.equal(sha256(item.path!), sha256(body));
      assert.equal(server.requestsFor('/twice.bin').length, 3);
      assert.deepEqual(fs.readdirSync(ws.downloads), ['twice.bin']);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('a connection that died in a sleep starts over without counting toward the retry limit', async () => {
    // The body stops after 200 kB, like a socket that did not survive the sleep; the stall
    // watchdog ends it. With no retries allowed, a counted failure would fail the item.
    server.serve('/slept.bin', { body, faults: { noLength: true, stallAfterBytes: 200_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 0, stallTimeoutMs: 2000 });
    try {
      const [id] = manager.add([server.url('/slept.bin')]).added;
      await waitForItem(manager, id!, (item) => item.bytes >= 200_000);
      manager.systemSuspended();
      manager.systemResumed();
      await withTimeout(manager.whenIdle(), 15_000, 'the download did not finish after the wake');
      const done = manager.get(id!)!;
      assert.equal(done.state, 'done', words(done.error));
      assert.equal(sha256(done.path!), sha256(body));
      assert.equal(server.requestsFor('/slept.bin').length, 2);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});

describe('a run that ends at the restart cap', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('a server whose file changes at every request fails the download after five restarts, and its emptied .part is gone', async () => {
    // The first body is cut; then every answer is 412 (the file changed), probe or range.
    const statuses = [undefined, ...Array.from({ length: 10 }, () => ({ status: 412 }))];
    server.serve('/moving.bin', { body, faults: { cutAfterBytes: 100_000, statuses } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url('/moving.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_SERVER_CHANGED', words(item.error));
      assert.equal(item.error?.params?.['times'], 5);
      // The probe, its ranged retry, then five probes that each restarted, and the sixth.
      assert.equal(server.requestsFor('/moving.bin').length, 7);
      assert.deepEqual(fs.readdirSync(ws.downloads), []);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});

describe('the words of a failure whose bytes are given back', () => {
  it('claim no kept bytes and no resume, whatever the failure said before', () => {
    const gaveUp = new DownloadError('ERR_NETWORK', { params: { variant: 'reset', attempts: 3, kept: 120_000 }, action: 'resume' });
    const given = withoutKeptBytes(gaveUp) as DownloadError;
    assert.equal(given.params?.['kept'], 0);
    assert.equal(given.action, 'retry');
    assert.match(words(given.info()), /with 0 B downloaded/);
    // Advice that keeps nothing stays as it was; the count is still corrected.
    const tellSite = new DownloadError('ERR_NETWORK', { params: { attempts: 2, kept: 5 }, action: 'tellSite' });
    const corrected = withoutKeptBytes(tellSite) as DownloadError;
    assert.equal(corrected.action, 'tellSite');
    assert.equal(corrected.params?.['kept'], 0);
    const plain = new DownloadError('ERR_HTTP_STATUS', { params: { status: 404 }, action: 'changeLink' });
    assert.equal(withoutKeptBytes(plain), plain);
  });
});
