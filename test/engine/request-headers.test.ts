// Downloads that need the browser's session: the item's own headers (Cookie, Referer,
// User-Agent, Authorization) reach the server on every request — probe, retries and every
// segment — never leave the item's origin on a redirect, survive a restart with the
// checkpoint, and never show up in a snapshot or an error.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { words } from '../support/words.ts';
import { downloadOne, openTestManager, waitForItem } from '../support/manager.ts';

const body = testBytes(2_000_000, 91);
const session = {
  cookie: 'session=s3cr3t-cookie-value; theme=dark',
  referer: 'http://127.0.0.1/page-with-the-link',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0',
  authorization: 'Bearer s3cr3t-token',
};

describe('per-item request headers', () => {
  let server: FaultServer;
  let other: FaultServer;
  before(async () => {
    server = await startFaultServer();
    other = await startFaultServer();
  });
  after(async () => {
    await server.close();
    await other.close();
  });

  for (const connections of [1, 8]) {
    it(`are sent on every request with ${connections} connection(s), also after the first response is cut`, async () => {
      const route = `/session-${connections}.bin`;
      server.serve(route, { body, requireHeaders: session, faults: { cutAfterBytes: 300_000, cutTimes: 2, throttleBytesPerSec: connections > 1 ? 4_000_000 : undefined } });
      const ws = tempWorkspace();
      const manager = await openTestManager(ws.state, ws.downloads, { connections });
      try {
        const item = await downloadOne(manager, server.url(route), { headers: { Cookie: session.cookie, Referer: session.referer, 'User-Agent': session['user-agent'], Authorization: session.authorization } });
        assert.equal(item.state, 'done', words(item.error));
        assert.equal(sha256(item.path!), sha256(body));
        const requests = server.requestsFor(route);
        assert.ok(requests.length >= 3, `only ${requests.length} requests`);
        if (connections > 1) assert.ok(requests.filter((r) => r.status === 206).length >= 2, 'no segments were fetched in parallel');
        for (const request of requests) {
          assert.equal(request.status === 403, false, `a request went without the session: ${request.headers.range ?? 'probe'}`);
          for (const [name, value] of Object.entries(session)) assert.equal(request.headers[name], value, `${name} on ${request.headers.range ?? 'probe'}`);
        }
      } finally {
        await manager.close();
        ws.cleanup();
      }
    });
  }

  it('a cookie with non-ASCII text (a site that keeps a search in it) goes out as its UTF-8 bytes, as a browser sends it', async () => {
    const route = '/utf8-cookie.bin';
    server.serve(route, { body: body.subarray(0, 100_000) });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const cookie = 'session=s3cr3t; last_search=東京 café';
      const item = await downloadOne(manager, server.url(route), { headers: { Cookie: cookie, Referer: session.referer } });
      assert.equal(item.state, 'done', words(item.error));
      // Node reads a header's bytes as latin1: the server got exactly the UTF-8 of the text.
      for (const request of server.requestsFor(route)) assert.equal(Buffer.from(request.headers['cookie'] ?? '', 'latin1').toString('utf8'), cookie);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('are dropped on a redirect to another origin, and kept on one within it', async () => {
    server.serve('/same-origin-target.bin', { body: body.subarray(0, 50_000) });
    server.redirect('/same-origin.bin', '/same-origin-target.bin');
    other.serve('/cdn.bin', { body: body.subarray(0, 50_000) });
    server.redirect('/to-cdn.bin', other.url('/cdn.bin'));
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const headers = { Cookie: session.cookie, Referer: session.referer, 'User-Agent': session['user-agent'], 'X-Custom': 'private' };
    try {
      const same = await downloadOne(manager, server.url('/same-origin.bin'), { headers });
      assert.equal(same.state, 'done', words(same.error));
      const kept = server.requestsFor('/same-origin-target.bin')[0]!;
      assert.equal(kept.headers.cookie, session.cookie);
      assert.equal(kept.headers['x-custom'], 'private');

      const cross = await downloadOne(manager, server.url('/to-cdn.bin'), { headers });
      assert.equal(cross.state, 'done', words(cross.error));
      assert.equal(sha256(cross.path!), sha256(body.subarray(0, 50_000)));
      assert.equal(server.requestsFor('/to-cdn.bin')[0]!.headers.cookie, session.cookie, 'the first hop carries the session');
      for (const request of other.requestsFor('/cdn.bin')) {
        for (const name of ['cookie', 'referer', 'x-custom', 'authorization']) assert.equal(request.headers[name], undefined, `${name} leaked to another origin`);
        assert.doesNotMatch(request.headers['user-agent'] ?? '', /TestBrowser/);
      }
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('are stored with the checkpoint (a restart resumes with them) but never appear in snapshots', async () => {
    const route = '/restart.bin';
    server.serve(route, { body, requireHeaders: { cookie: session.cookie } });
    const ws = tempWorkspace();
    let manager = await openTestManager(ws.state, ws.downloads);
    const { added } = manager.add([server.url(route)], { headers: { Cookie: session.cookie }, paused: true });
    const id = added[0]!;
    assert.doesNotMatch(JSON.stringify(manager.list()), /s3cr3t/);
    await manager.close();
    const stored = fs.readdirSync(ws.state, { recursive: true }).map(String).filter((name) => name.endsWith('.json'));
    assert.ok(stored.some((name) => fs.readFileSync(path.join(ws.state, name), 'utf8').includes('s3cr3t-cookie-value')), 'the cookie is kept with the checkpoint');

    manager = await openTestManager(ws.state, ws.downloads);
    try {
      const seen: string[] = [];
      manager.on('items', ({ changed }) => seen.push(JSON.stringify(changed)));
      manager.resume([id]);
      const item = await waitForItem(manager, id, (snapshot) => snapshot.state === 'done' || snapshot.state === 'failed');
      assert.equal(item.state, 'done', words(item.error));
      assert.equal(sha256(item.path!), sha256(body));
      assert.ok(seen.length > 0);
      for (const batch of seen) assert.doesNotMatch(batch, /s3cr3t/);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('a 403 says the site refused and may need the browser session, without showing the headers', async () => {
    server.serve('/needs-session.bin', { body, requireHeaders: { cookie: 'session=right' } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, server.url('/needs-session.bin'), { headers: { Cookie: 'session=wrong-s3cr3t' } });
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_ACCESS_DENIED');
      assert.equal(item.error?.params?.['status'], 403);
      assert.equal(item.error?.action, 'useBrowserSession');
      assert.match(words(item.error), /browser's session/);
      assert.doesNotMatch(JSON.stringify(item), /s3cr3t/);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('refuses bad headers by name, never echoing a value', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const cases: [Record<string, string>, RegExp][] = [
        [{ Cookie: 's3cr3t\r\nX-Injected: 1' }, /cookie/],
        [{ Range: 'bytes=0-' }, /range header is set by Tsuzuki/],
        [{ 'Bad Name': 'x' }, /not a valid header name/],
        [{ Host: 'elsewhere.test' }, /host/],
        [{ 'X-Token': 's3cr3t\u0001x' }, /x-token header holds a control character/],
        [{ 'X-Token': 's3cr3t\u007f' }, /x-token header holds a control character/],
        [{ 'X-Token': `s3cr3t${'x'.repeat(20_000)}` }, /x-token header is longer than [\d,]+ characters/],
      ];
      for (const [headers, message] of cases) {
        const { added, rejected } = manager.add([server.url('/never.bin')], { headers });
        assert.equal(added.length, 0);
        assert.equal(rejected[0]!.error.code, 'ERR_INVALID_HEADER');
        assert.match(words(rejected[0]!.error), message);
        assert.doesNotMatch(JSON.stringify(rejected[0]!.error), /s3cr3t/);
      }
      assert.equal(server.requestsFor('/never.bin').length, 0);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
