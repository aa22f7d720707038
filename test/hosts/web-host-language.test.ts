// The web host's own pages (a refused request) in the reader's language: the language
// chosen in Settings, else the browser's Accept-Language, else English.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { acceptedLanguages } from '../../main/web/refusal-words.ts';
import { startWebHost, type WebHost } from '../../main/web/web-host.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager } from '../support/manager.ts';

function get(port: number, headers: Record<string, string>, urlPath = '/'): Promise<{ status: number; language: string | undefined; setCookie: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, language: res.headers['content-language'], setCookie: res.headers['set-cookie']?.[0], body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('web host pages in the reader’s language', () => {
  let manager: DownloadManager;
  let host: WebHost;
  let ws: ReturnType<typeof tempWorkspace>;
  before(async () => {
    ws = tempWorkspace();
    const renderer = path.join(ws.root, 'renderer');
    fs.mkdirSync(renderer, { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
    manager = await openTestManager(ws.state, ws.downloads);
    host = await startWebHost({ manager, rendererDir: renderer, port: 0 });
  });
  after(async () => {
    await host.close();
    await manager.close();
    ws.cleanup();
  });

  it('answers a missing token in Japanese to a Japanese browser, in English otherwise', async () => {
    const ja = await get(host.port, { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' });
    assert.equal(ja.status, 401);
    assert.equal(ja.language, 'ja');
    assert.equal(ja.body, 'tsuzuki serve が表示したリンクを開いてください（アクセストークンが含まれています）。');
    const en = await get(host.port, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(en.language, 'en');
    assert.match(en.body, /^Open the link that tsuzuki serve printed/);
    const none = await get(host.port, {});
    assert.equal(none.language, 'en');
    const foreign = await get(host.port, { host: `evil.example:${host.port}`, 'accept-language': 'ja' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body, `ホスト「evil.example:${host.port}」はこの Tsuzuki Web ホストではありません。`);
  });

  it('says a missing file in the reader’s language too', async () => {
    const login = await get(host.port, { 'accept-language': 'ja' }, `/?token=${host.token}`);
    const cookie = String(login.setCookie).split(';')[0]!;
    const missing = await get(host.port, { 'accept-language': 'ja', cookie }, '/nothing-here.js');
    assert.equal(missing.status, 404);
    assert.equal(missing.body, '見つかりません。');
  });

  it('uses the language chosen in Settings over the browser’s', async () => {
    manager.setSettings({ language: 'en' });
    const chosen = await get(host.port, { 'accept-language': 'ja-JP' });
    assert.equal(chosen.language, 'en');
    manager.setSettings({ language: 'system' });
  });

  it('reads Accept-Language by weight', () => {
    assert.deepEqual(acceptedLanguages('en;q=0.5, ja-JP, fr;q=0.8'), ['ja-JP', 'fr', 'en']);
    assert.deepEqual(acceptedLanguages('*;q=0.1, ja;q=0'), []);
    assert.deepEqual(acceptedLanguages(undefined), []);
  });
});
