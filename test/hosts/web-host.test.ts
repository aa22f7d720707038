// The web host as an attacker and as a client would see it: token, Host and Origin checks,
// path traversal, and the WebSocket protocol surviving malformed frames.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { startWebHost, type WebHost } from '../../main/web/web-host.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager, withTimeout } from '../support/manager.ts';
import { words } from '../support/words.ts';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(port: number, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(reply));
  });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return withTimeout(new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data))))), 5000, 'no reply');
}

describe('web host', () => {
  let manager: DownloadManager;
  let host: WebHost;
  let ws: ReturnType<typeof tempWorkspace>;
  let cookie: string;
  before(async () => {
    ws = tempWorkspace();
    const renderer = path.join(ws.root, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(ws.root, 'secret.txt'), 'secret');
    manager = await openTestManager(ws.state, ws.downloads);
    host = await startWebHost({ manager, rendererDir: renderer, port: 0 });
    const login = await get(host.port, `/?token=${host.token}`);
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  });
  async function openSocket(): Promise<WebSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, origin: `http://127.0.0.1:${host.port}` } });
    await withTimeout(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)), 5000, 'socket did not open');
    return socket;
  }

  after(async () => {
    await host.close();
    await manager.close();
    ws.cleanup();
  });

  it('prints a URL with a long random token', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('refuses requests without the token (401) and with a wrong one', async () => {
    assert.equal((await get(host.port, '/')).status, 401);
    assert.equal((await get(host.port, '/assets/app.js')).status, 401);
    assert.equal((await get(host.port, '/?token=wrong')).status, 401);
    assert.equal((await get(host.port, '/', { cookie: `tsuzuki_token_${host.port}=wrong` })).status, 401);
    // Another server's cookie (cookies ignore ports) is not ours.
    assert.equal((await get(host.port, '/', { cookie: `tsuzuki_token_1=${host.token}` })).status, 401);
  });

  it('moves the token into an HttpOnly, SameSite=Strict cookie and serves the page with a CSP', async () => {
    const login = await get(host.port, `/?token=${host.token}`);
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/');
    assert.equal((await get(host.port, `/a/..//evil.example/?token=${host.token}`)).headers.location, '/', 'never an open redirect');
    assert.match(String(login.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const page = await get(host.port, '/', { cookie });
    assert.equal(page.status, 200);
    assert.match(page.body, /Tsuzuki/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(page.headers['content-security-policy']), new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${host.port};`));
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal((await get(host.port, '/assets/app.js', { cookie })).headers['content-type'], 'text/javascript; charset=utf-8');
  });

  it('rejects foreign Host headers (DNS rebinding) even with the token', async () => {
    const response = await get(host.port, `/?token=${host.token}`, { host: 'evil.example:80' });
    assert.equal(response.status, 403);
    assert.equal((await get(host.port, '/', { cookie, host: `attacker.test:${host.port}` })).status, 403);
    // Another port, userinfo, or a number that only normalizes to 127.0.0.1: not this server.
    for (const foreign of [`127.0.0.1:${host.port + 1}`, `x@127.0.0.1:${host.port}`, `2130706433:${host.port}`, `10.1.2.3:${host.port}`]) {
      assert.equal((await get(host.port, '/', { cookie, host: foreign })).status, 403, foreign);
    }
    for (const own of [`localhost:${host.port}`, `LOCALHOST:${host.port}`, `[::1]:${host.port}`]) {
      assert.equal((await get(host.port, '/', { cookie, host: own })).status, 200, own);
    }
  });

  it('answers odd request targets with 400 instead of crashing', async () => {
    for (const target of ['http://a:99999/', 'http://[x/', '*', `http://127.0.0.1:${host.port}/`]) {
      const reply = await rawRequest(host.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
      assert.match(reply, /^HTTP\/1\.1 400 /, target);
    }
    assert.equal((await get(host.port, '/', { cookie })).status, 200, 'still serving');
  });

  it('rejects a foreign Origin on any request, and methods other than GET and HEAD', async () => {
    assert.equal((await get(host.port, '/', { cookie, origin: 'https://evil.example' }, 'POST')).status, 403);
    assert.equal((await get(host.port, '/', { cookie, origin: `http://localhost:${host.port}` }, 'GET')).status, 403, 'Origin must match the Host it came through');
    assert.equal((await get(host.port, '/', { cookie, origin: `http://127.0.0.1:${host.port}` }, 'POST')).status, 405);
    const head = await get(host.port, '/assets/app.js', { cookie }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String('console.log(1)'.length));
  });

  it('never serves files outside the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/%00',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `/${encodeURIComponent(path.join(ws.root, 'secret.txt'))}`,
      '/%ZZ',
      '/assets', // a folder is not a file
      '/index.html/inside-a-file', // ENOTDIR
      `/${'a'.repeat(5000)}`, // ENAMETOOLONG: must be a 404, not a crash
    ]) {
      const response = await get(host.port, attempt, { cookie });
      assert.equal(response.status, 404, attempt.slice(0, 80));
      assert.ok(!response.body.includes('secret'));
    }
  });

  it('refuses a WebSocket without the token or from a foreign Origin', async () => {
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
        socket.on('open', () => resolve(101));
        socket.on('error', () => {});
      });
    assert.equal(await refused({}), 401);
    assert.equal(await refused({ cookie, origin: 'https://evil.example' }), 403);
    assert.equal(await refused({ cookie, origin: 'null' }), 403);
    assert.equal(await refused({ cookie, origin: `http://127.0.0.1:${host.port}`, host: `evil.example:${host.port}` }), 403);
    assert.equal(await refused({ cookie, origin: `http://127.0.0.1:${host.port}` }), 101);
  });

  it('speaks the contract over the socket and survives malformed frames', async () => {
    const socket = await openSocket();
    const reply = (frame: string | Buffer) => {
      socket.send(frame);
      return nextMessage(socket);
    };
    const invalidFrame = { type: 'result', id: -1, result: { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'badFrame' } } } };
    assert.deepEqual(await reply('not json'), invalidFrame);
    assert.deepEqual(await reply('null'), invalidFrame);
    assert.deepEqual(await reply(JSON.stringify({ type: 'invoke', command: 'list', args: {} })), invalidFrame, 'no id');
    assert.deepEqual(await reply(JSON.stringify({ type: 'invoke', id: 1.5, command: 'list', args: {} })), invalidFrame, 'fractional id');
    assert.deepEqual(await reply(Buffer.from(JSON.stringify({ type: 'invoke', id: 1, command: 'list', args: {} }))), invalidFrame, 'binary frame');
    assert.deepEqual(await reply(JSON.stringify({ type: 'invoke', id: 1, command: 'list', args: {} })), { type: 'result', id: 1, result: { ok: true, value: [] } });

    const unknown = (await reply(JSON.stringify({ type: 'invoke', id: 2, command: 'format', args: {} }))) as any;
    assert.equal(unknown.id, 2);
    assert.equal(unknown.result.error.code, 'ERR_INVALID_ARGUMENT');
    assert.match(words(unknown.result.error), /Unknown command "format"/);

    const badArgs = (await reply(JSON.stringify({ type: 'invoke', id: 3, command: 'pause', args: { ids: 'all' } }))) as any;
    assert.equal(badArgs.result.error.code, 'ERR_INVALID_ARGUMENT');
    assert.equal(badArgs.result.error.params.field, 'ids');
    assert.match(words(badArgs.result.error), /"pause" \(ids\)/);

    const added = (await reply(JSON.stringify({ type: 'invoke', id: 4, command: 'add', args: { urls: ['not a link', 'ftp://x/y'] } }))) as any;
    assert.deepEqual(added.result.value.added, []);
    assert.deepEqual(added.result.value.rejected.map((r: any) => r.error.code), ['ERR_INVALID_URL', 'ERR_UNSUPPORTED_PROTOCOL']);
    assert.ok(added.result.value.rejected.every((r: any) => words(r.error).length > 10 && !/\n\s+at /.test(words(r.error))), 'a message for people, no stack');

    const confined = (await reply(JSON.stringify({ type: 'invoke', id: 5, command: 'add', args: { urls: ['http://127.0.0.1:1/x'], options: { dir: '/etc' } } }))) as any;
    assert.equal(confined.result.error.code, 'ERR_FOLDER');
    const noFolderChange = (await reply(JSON.stringify({ type: 'invoke', id: 6, command: 'setSettings', args: { dir: '/tmp' } }))) as any;
    assert.equal(noFolderChange.result.error.code, 'ERR_FOLDER');
    const noOpen = (await reply(JSON.stringify({ type: 'invoke', id: 7, command: 'openFile', args: { id: 'x' } }))) as any;
    assert.equal(noOpen.result.ok, false);
    // No folder picker in a browser: a clear refusal, and the window is told not to offer one.
    const noPicker = (await reply(JSON.stringify({ type: 'invoke', id: 8, command: 'chooseFolder', args: {} }))) as any;
    assert.deepEqual(noPicker.result, { ok: false, error: { code: 'ERR_UNSUPPORTED', params: { variant: 'chooseFolder' } } });
    const features = (await reply(JSON.stringify({ type: 'invoke', id: 9, command: 'getHostFeatures', args: {} }))) as any;
    assert.deepEqual(features.result, { ok: true, value: { chooseFolder: false, desktopSettings: false } });
    socket.close();
  });

  it('pushes item and settings events to every socket, at most ten batches a second', async () => {
    const socket = await openSocket();
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    const ids: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      const { added } = manager.add([`http://127.0.0.1:1/burst-${i}.bin`]);
      manager.pause(added); // a state change: every item is in some batch
      ids.push(...added);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    manager.setSettings({ maxConcurrent: 4 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const events = frames.filter((frame) => frame.type === 'event' && frame.event === 'items');
    const seen = new Set(events.flatMap((frame) => frame.payload.changed.map((item: { id: string }) => item.id)));
    for (const id of ids) assert.ok(seen.has(id), `an event named ${id}`);
    assert.ok(events.length <= Math.ceil((Date.now() - started) / 100) + 1, `${events.length} batches in ${Date.now() - started} ms`);
    assert.ok(frames.some((frame) => frame.type === 'event' && frame.event === 'settings' && frame.payload.maxConcurrent === 4));
    await manager.remove(ids, false);
    socket.close();
  });

  it('closes a socket that sends an oversized frame, and keeps serving others', async () => {
    const socket = await openSocket();
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('error', () => {});
    socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'add', args: { urls: ['x'.repeat(9 * 1024 * 1024)] } }));
    assert.equal(await withTimeout(closed, 5000, 'socket not closed'), 1009); // "message too big"
    const other = await openSocket();
    other.send(JSON.stringify({ type: 'invoke', id: 9, command: 'getSettings', args: {} }));
    assert.equal(((await nextMessage(other)) as any).result.ok, true);
    other.close();
  });
});
