// The browser extension's door into a running Tsuzuki: pairing approved in the window, a
// token bound to the extension's origin, hand-offs through the contract's `add` (the same
// schema), and everything else refused — no token, a wrong or revoked one, a web page's
// origin, a foreign Host.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { dispatch } from '../../main/host/dispatch.ts';
import { createHandlers } from '../../main/host/handlers.ts';
import { Pairings } from '../../main/host/extension/pairings.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startWebHost, type WebHost } from '../../main/web/web-host.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem } from '../support/manager.ts';

const ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const OTHER_EXTENSION = `chrome-extension://${'ponmlkjihgfedcba'.repeat(2)}`;

type Reply = { status: number; body: any };

function post(port: number, route: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/extension/${route}`, headers: { host: `127.0.0.1:${port}`, origin: ORIGIN, 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** A POST whose body is still coming: resolves once the server is reading it (its 100 Continue). */
async function startSlowPost(port: number, route: string, headers: Record<string, string>): Promise<{ request: http.ClientRequest; answer: Promise<Reply> }> {
  let request!: http.ClientRequest;
  const answer = new Promise<Reply>((resolve, reject) => {
    request = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/extension/${route}`, headers: { host: `127.0.0.1:${port}`, origin: ORIGIN, 'content-type': 'application/json', expect: '100-continue', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      },
    );
    request.on('error', reject);
  });
  request.flushHeaders();
  // Node's server answers 100 Continue right before it hands the request to the endpoint.
  await new Promise((resolve) => request.once('continue', resolve));
  request.write('{"ids": [');
  return { request, answer };
}

describe('the extension endpoint', () => {
  let manager: DownloadManager;
  let host: WebHost;
  let pairings: Pairings;
  let server: FaultServer;
  let ws: ReturnType<typeof tempWorkspace>;
  let token: string;

  before(async () => {
    ws = tempWorkspace();
    const renderer = path.join(ws.root, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
    manager = await openTestManager(ws.state, ws.downloads);
    pairings = new Pairings(confStoreProvider(ws.state).open(ws.state, 'browsers'));
    host = await startWebHost({ manager, rendererDir: renderer, port: 0, pairings });
    server = await startFaultServer();
  });
  after(async () => {
    await host.close();
    await manager.close();
    await server.close();
    ws.cleanup();
  });

  it('pairs only after the window approves, showing the same code in both places', async () => {
    const asked = await post(host.port, 'pair', { browser: 'Chromium 156 on Linux' });
    assert.equal(asked.status, 200);
    assert.match(asked.body.code, /^\d{3} \d{3}$/);
    assert.deepEqual((await post(host.port, 'pair/poll', { secret: asked.body.secret })).body, { state: 'pending' });
    assert.equal((await post(host.port, 'status', {}, { authorization: 'Bearer x'.padEnd(30, 'x') })).status, 401);

    const handlers = createHandlers(manager, { openFile: async () => {}, showInFolder: async () => {} }, pairings);
    const listed = await dispatch(handlers, 'listPairings', {});
    assert.ok(listed.ok);
    const pending = (listed.value as ReturnType<Pairings['view']>).pending;
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.code, asked.body.code, 'the window shows the code the browser shows');
    assert.equal(pending[0]!.origin, ORIGIN);

    // Another extension cannot collect the token with a stolen secret.
    assert.deepEqual((await post(host.port, 'pair/poll', { secret: asked.body.secret }, { origin: OTHER_EXTENSION })).body, { state: 'unknown' });
    assert.ok((await dispatch(handlers, 'answerPairing', { id: pending[0]!.id, approve: true })).ok);
    const approved = await post(host.port, 'pair/poll', { secret: asked.body.secret });
    assert.equal(approved.body.state, 'approved');
    token = approved.body.token;
    assert.deepEqual((await post(host.port, 'pair/poll', { secret: asked.body.secret })).body, { state: 'unknown' }, 'the token is handed over once');
    const status = await post(host.port, 'status', {}, { authorization: `Bearer ${token}` });
    assert.equal(status.status, 200);
    assert.equal(status.body.paired, true);
  });

  it('takes a hand-off through the contract add command: the session reaches the site, the file lands byte-exact', async () => {
    const body = testBytes(700_000, 12);
    server.serve('/members/file.bin', { body, requireHeaders: { cookie: 'sid=1', referer: 'http://127.0.0.1/members' } });
    const added = await post(host.port, 'add', { urls: [server.url('/members/file.bin')], options: { headers: { Cookie: 'sid=1', Referer: 'http://127.0.0.1/members', 'User-Agent': 'TestBrowser' } } }, { authorization: `Bearer ${token}` });
    assert.equal(added.status, 200);
    assert.equal(added.body.ok, true, JSON.stringify(added.body));
    const id = added.body.value.added[0];
    const item = await waitForItem(manager, id, (snapshot) => snapshot.state === 'done' || snapshot.state === 'failed');
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    const progress = await post(host.port, 'items', { ids: [id, 'nope'] }, { authorization: `Bearer ${token}` });
    assert.deepEqual(progress.body.map((entry: { id: string; state: string }) => [entry.id, entry.state]), [[id, 'done']]);

    const invalid = await post(host.port, 'add', { urls: [server.url('/x')], options: { headers: { Cookie: 1 } } }, { authorization: `Bearer ${token}` });
    assert.equal(invalid.body.ok, false, 'the same schema as the window refuses a bad argument');
    assert.equal(invalid.body.error.code, 'ERR_INVALID_ARGUMENT');
  });

  it('refuses everything that is not a paired extension on this machine', async () => {
    const add = { urls: [server.url('/members/file.bin')] };
    const cases: [string, Record<string, string>, number][] = [
      ['no token', {}, 401],
      ['a forged token', { authorization: `Bearer ${'A'.repeat(43)}` }, 401],
      ['the token from another extension', { authorization: `Bearer ${token}`, origin: OTHER_EXTENSION }, 401],
      ['a web page', { authorization: `Bearer ${token}`, origin: 'http://127.0.0.1:9' }, 403],
      ['no origin', { authorization: `Bearer ${token}`, origin: '' }, 403],
      ['a foreign Host (DNS rebinding)', { authorization: `Bearer ${token}`, host: `attacker.test:${host.port}` }, 403],
    ];
    const before = manager.list().length;
    for (const [what, headers, status] of cases) {
      const reply = await post(host.port, 'add', add, headers);
      assert.equal(reply.status, status, what);
      assert.equal(reply.body.ok, false, what);
    }
    assert.equal(manager.list().length, before, 'nothing was added');
  });

  it('reads at most 16 requests at a time: the next is refused at once, and one answered makes room', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const slow = [];
    for (let i = 0; i < 16; i++) slow.push(await startSlowPost(host.port, 'items', auth));
    const busy = await post(host.port, 'status', {}, auth);
    assert.equal(busy.status, 429);
    assert.equal(busy.body.refused, 'busy');
    slow[0]!.request.end(']}');
    assert.equal((await slow[0]!.answer).status, 200);
    assert.equal((await post(host.port, 'status', {}, auth)).status, 200, 'an answered request made room');
    for (const { request } of slow.slice(1)) request.end(']}');
    for (const { answer } of slow.slice(1)) assert.equal((await answer).status, 200);
  });

  it('refuses an unpaired caller before reading its body, and says so when a pairing body is over 4 KiB', async () => {
    // Over the 1 MiB a paired caller may send: read first, it would have been cut off.
    const big = { urls: ['http://127.0.0.1/x'], padding: 'x'.repeat(2 * 1024 * 1024) };
    const unpaired = await post(host.port, 'add', big, { authorization: `Bearer ${'A'.repeat(43)}` });
    assert.equal(unpaired.status, 401);
    const pairing = await post(host.port, 'pair', { browser: 'x'.repeat(5000) });
    assert.equal(pairing.status, 413);
    assert.equal(pairing.body.refused, 'tooBig');
    assert.equal(pairings.view().pending.length, 0, 'no pairing was asked for');
  });

  it('keeps a paired browser across restarts until it is revoked', async () => {
    const reopened = new Pairings(confStoreProvider(ws.state).open(ws.state, 'browsers'));
    const browser = reopened.verify(token, ORIGIN);
    assert.ok(browser, 'the pairing survived');
    assert.equal(browser.browser, 'Chromium 156 on Linux');
    const handlers = createHandlers(manager, { openFile: async () => {}, showInFolder: async () => {} }, pairings);
    assert.ok((await dispatch(handlers, 'revokePairing', { id: pairings.view().paired[0]!.id })).ok);
    assert.equal((await post(host.port, 'status', {}, { authorization: `Bearer ${token}` })).status, 401);
    assert.equal(new Pairings(confStoreProvider(ws.state).open(ws.state, 'browsers')).verify(token, ORIGIN), undefined);
  });

  it('a denied request gets no token', async () => {
    const asked = await post(host.port, 'pair', { browser: 'Firefox' });
    const id = pairings.view().pending.at(-1)!.id;
    assert.equal(pairings.answer(id, false), true);
    assert.deepEqual((await post(host.port, 'pair/poll', { secret: asked.body.secret })).body, { state: 'denied' });
    assert.equal(pairings.view().pending.length, 0);
  });
});
