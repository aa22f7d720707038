// The web host as an attacker and as a client would see it: token, Host and Origin checks,
// path traversal, and the WebSocket protocol surviving malformed frames.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { startWebHost, type WebHost } from '../../main/web/web-host.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager, withTimeout } from '../support/manager.ts';

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
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
    assert.equal((await get(host.port, '/', { cookie: 'tsuzuki_token=wrong' })).status, 401);
  });

  it('moves the token into an HttpOnly, SameSite=Strict cookie and serves the page with a CSP', async () => {
    const login = await get(host.port, `/?token=${host.token}`);
    assert.equal(login.status, 303);
    assert.match(String(login.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const page = await get(host.port, '/', { cookie });
    assert.equal(page.status, 200);
    assert.match(page.body, /Tsuzuki/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal((await get(host.port, '/assets/app.js', { cookie })).headers['content-type'], 'text/javascript; charset=utf-8');
  });

  it('rejects foreign Host headers (DNS rebinding) even with the token', async () => {
    const response = await get(host.port, `/?token=${host.token}`, { host: 'evil.example:80' });
    assert.equal(response.status, 403);
    assert.equal((await get(host.port, '/', { cookie, host: `attacker.test:${host.port}` })).status, 403);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/assets/%00']) {
      const response = await get(host.port, attempt, { cookie });
      assert.equal(response.status, 404, attempt);
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
    assert.equal(await refused({ cookie, origin: `http://127.0.0.1:${host.port}` }), 101);
  });

  it('speaks the contract over the socket and survives malformed frames', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie, origin: `http://127.0.0.1:${host.port}` } });
    await new Promise((resolve) => socket.once('open', resolve));
    const replies: unknown[] = [];
    const next = () => withTimeout(new Promise<any>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data))))), 5000, 'no reply');
    socket.send('not json');
    replies.push(await next());
    socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'list', args: {} }));
    replies.push(await next());
    socket.send(JSON.stringify({ type: 'invoke', id: 2, command: 'add', args: { urls: ['not a link'] } }));
    replies.push(await next());
    socket.send(JSON.stringify({ type: 'invoke', id: 3, command: 'add', args: { urls: ['http://127.0.0.1:1/x'], options: { dir: '/etc' } } }));
    replies.push(await next());
    assert.deepEqual(replies[0], { type: 'result', id: -1, result: { ok: false, error: { code: 'ERR_INVALID_ARGUMENT', message: 'A message to the web host was not a valid JSON command frame.' } } });
    assert.deepEqual(replies[1], { type: 'result', id: 1, result: { ok: true, value: [] } });
    const added = replies[2] as { result: { ok: true; value: { rejected: { error: { code: string; message: string } }[] } } };
    assert.equal(added.result.value.rejected[0]!.error.code, 'ERR_INVALID_URL');
    const confined = replies[3] as { result: { ok: false; error: { code: string } } };
    assert.equal(confined.result.error.code, 'ERR_FOLDER');
    socket.close();
  });
});
