// Retries are the engine's own: it waits (honouring Retry-After), continues with a range,
// gives up after the configured count with a readable reason, and a manual resume then
// continues from the checkpoint rather than from zero.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager, withTimeout } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(800_000, 11);

describe('retries', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('waits out 503 + Retry-After before trying again', async () => {
    server.serve('/busy.bin', { body, faults: { statuses: [{ status: 503, headers: { 'retry-after': '1' } }] } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const started = Date.now();
    const item = await downloadOne(manager, server.url('/busy.bin'));
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.ok(Date.now() - started >= 950, 'Retry-After: 1 was not honoured');
    assert.equal(sha256(item.path!), sha256(body));
    assert.deepEqual(server.requestsFor('/busy.bin').map((r) => r.status), [503, 200]);
    await manager.close();
    ws.cleanup();
  });

  it('retries 429 and 500s, then succeeds', async () => {
    server.serve('/limited.bin', { body, faults: { statuses: [{ status: 429 }, { status: 500 }, { status: 502 }] } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/limited.bin'));
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.deepEqual(server.requestsFor('/limited.bin').map((r) => r.status), [429, 500, 502, 200]);
    await manager.close();
    ws.cleanup();
  });

  it('fails with a readable reason after the retry limit; resume continues from the checkpoint', async () => {
    // The first body is cut; the next three requests get 503, which spends the two retries.
    server.serve('/flaky.bin', { body, faults: { cutAfterBytes: 300_000, statuses: [undefined, { status: 503 }, { status: 503 }, { status: 503 }] } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 2 });
    const item = await downloadOne(manager, server.url('/flaky.bin'));
    assert.equal(item.state, 'failed');
    assert.equal(item.error?.code, 'ERR_HTTP_STATUS');
    assert.equal(item.error?.params?.['attempts'], 3);
    assert.match(words(item.error), /Gave up after 3 attempts/);
    assert.ok(item.bytes > 0);
    manager.resume([item.id]);
    await withTimeout(manager.whenIdle(), 10_000, 'resume did not finish');
    const done = manager.get(item.id)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    const last = server.requestsFor('/flaky.bin').at(-1)!;
    assert.match(last.headers.range ?? '', /^bytes=[1-9]\d*-$/, 'the manual resume must be ranged');
    await manager.close();
    ws.cleanup();
  });

  it('does not give up on a link that drops often but moves forward each time', async () => {
    server.serve('/choppy.bin', { body, faults: { cutAfterBytes: 100_000, cutTimes: 6 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 2 });
    const item = await downloadOne(manager, server.url('/choppy.bin'));
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(server.requestsFor('/choppy.bin').length, 7);
    await manager.close();
    ws.cleanup();
  });

  it('fails at once, without retrying, on 404 and on 403 (access refused)', async () => {
    server.serve('/gone.bin', { body, faults: { statuses: [{ status: 404 }] } });
    server.serve('/expired.bin', { body, faults: { statuses: [{ status: 403 }] } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const gone = await downloadOne(manager, server.url('/gone.bin'));
    assert.equal(gone.error?.code, 'ERR_NOT_FOUND');
    const expired = await downloadOne(manager, server.url('/expired.bin'));
    assert.equal(expired.error?.code, 'ERR_ACCESS_DENIED');
    assert.equal(expired.error?.action, 'useBrowserSession');
    assert.match(words(expired.error), /browser's session/);
    assert.match(words(expired.error), /fresh one/);
    assert.equal(server.requestsFor('/gone.bin').length, 1);
    assert.equal(server.requestsFor('/expired.bin').length, 1);
    await manager.close();
    ws.cleanup();
  });

  it('an expired link (refused after it gave bytes) given a new URL keeps its bytes (changeUrl)', async () => {
    server.serve('/signed-old.bin', { body, faults: { cutAfterBytes: 300_000, statuses: [undefined, { status: 403 }] } });
    server.serve('/signed-new.bin', { body });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/signed-old.bin'));
    assert.equal(item.error?.code, 'ERR_LINK_EXPIRED');
    manager.changeUrl(item.id, server.url('/signed-new.bin'));
    await withTimeout(manager.whenIdle(), 10_000, 'relinked download did not finish');
    const done = manager.get(item.id)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    assert.match(server.requestsFor('/signed-new.bin')[0]!.headers.range ?? '', /^bytes=[1-9]\d*-$/);
    await manager.close();
    ws.cleanup();
  });
});
