// A link that worked and then stops working (a signed link past its time, a session that
// ended) is not a missing file: the bytes already on disk are still good, and a fresh link
// to the same file continues them. So a resume refused with 400/401/403/404/410 fails as
// ERR_LINK_EXPIRED, at once, with the bytes kept and words saying to get a fresh link and
// use Change link…. The same refusal to a first request, with nothing downloaded, is what
// it says (access denied, not found), and its words promise no kept bytes.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createI18n, describeError } from '../../i18n/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager, withTimeout } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(800_000, 23);
const ja = createI18n('ja');

describe('a link that stops working', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  for (const status of [401, 403, 404, 410]) {
    it(`a resume answered ${status} fails as an expired link, bytes kept, not retried`, async () => {
      const route = `/signed-${status}.bin`;
      server.serve(route, { body, faults: { cutAfterBytes: 300_000, statuses: [undefined, { status }] } });
      const ws = tempWorkspace();
      const manager = await openTestManager(ws.state, ws.downloads);
      try {
        const item = await downloadOne(manager, server.url(route));
        assert.equal(item.state, 'failed');
        assert.equal(item.error?.code, 'ERR_LINK_EXPIRED', JSON.stringify(item.error));
        assert.equal(item.error?.params?.['status'], status);
        assert.equal(item.error?.action, 'changeLink');
        assert.equal(server.requestsFor(route).length, 2, 'not retried');
        assert.ok(item.bytes >= 300_000, `kept ${item.bytes} bytes`);
        const part = path.join(ws.downloads, `signed-${status}.bin.part`);
        assert.ok(fs.statSync(part).size >= 300_000, 'the part file keeps its bytes');
        assert.match(words(item.error), /fresh link/);
        assert.match(words(item.error), /Change link…/);
        assert.match(words(item.error), /kept/);
        assert.match(describeError(ja, item.error!), /リンクを変更…/);
      } finally {
        await manager.close();
        ws.cleanup();
      }
    });
  }

  it('a fresh link continues the kept bytes with a range', async () => {
    server.serve('/old.bin', { body, faults: { cutAfterBytes: 300_000, statuses: [undefined, { status: 403 }] } });
    server.serve('/new.bin', { body });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url('/old.bin'));
      assert.equal(item.error?.code, 'ERR_LINK_EXPIRED');
      manager.changeUrl(item.id, server.url('/new.bin'));
      await withTimeout(manager.whenIdle(), 10_000, 'relinked download did not finish');
      const done = manager.get(item.id)!;
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(sha256(done.path!), sha256(body));
      assert.match(server.requestsFor('/new.bin')[0]!.headers.range ?? '', /^bytes=[1-9]\d*-$/);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  for (const [status, code] of [
    [401, 'ERR_ACCESS_DENIED'],
    [403, 'ERR_ACCESS_DENIED'],
    [404, 'ERR_NOT_FOUND'],
    [410, 'ERR_NOT_FOUND'],
  ] as const) {
    it(`a first request answered ${status} is ${code}, and promises no kept bytes`, async () => {
      const route = `/first-${status}.bin`;
      server.serve(route, { body, faults: { statuses: [{ status }] } });
      const ws = tempWorkspace();
      const manager = await openTestManager(ws.state, ws.downloads);
      try {
        const item = await downloadOne(manager, server.url(route));
        assert.equal(item.error?.code, code);
        assert.equal(item.bytes, 0);
        assert.equal(server.requestsFor(route).length, 1, 'not retried');
        assert.doesNotMatch(words(item.error), /kept|already downloaded/);
        assert.doesNotMatch(describeError(ja, item.error!), /ダウンロード済み|そのまま使え/);
      } finally {
        await manager.close();
        ws.cleanup();
      }
    });
  }

  it('a refused resume with no byte kept yet is not an expired link', async () => {
    // The first answer's headers came, then the connection dropped before any body byte.
    server.serve('/nothing-yet.bin', { body, faults: { dropAfterHeaders: 'close', statuses: [undefined, { status: 403 }] } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url('/nothing-yet.bin'));
      assert.equal(item.error?.code, 'ERR_ACCESS_DENIED', JSON.stringify(item.error));
      assert.doesNotMatch(words(item.error), /kept|already downloaded/);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
