// The desktop app's door for the extension: a loopback listener that serves the extension
// endpoint and nothing else, checks the Host header, and keeps pairings in the app's store.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { startBrowserHandoff, type BrowserHandoff } from '../../main/host/extension/desktop-handoff.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager } from '../support/manager.ts';

const ORIGIN = `moz-extension://${'0123abcd-0123-4567-89ab-0123456789ab'}`;

function request(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: `localhost:${port}`, origin: ORIGIN, 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the desktop app listening for the extension', () => {
  let manager: DownloadManager;
  let handoff: BrowserHandoff;
  let port: number;
  let ws: ReturnType<typeof tempWorkspace>;
  const events: unknown[] = [];

  before(async () => {
    ws = tempWorkspace();
    manager = await openTestManager(ws.state, ws.downloads);
    handoff = startBrowserHandoff({ manager, platform: { openFile: async () => {}, showInFolder: async () => {} }, store: confStoreProvider(ws.state), onPairings: (view) => events.push(view), port: 0 });
    const listener = await handoff.listening;
    assert.ok(listener, 'listening on a free port');
    port = listener.port;
  });
  after(async () => {
    await handoff.close();
    await manager.close();
    ws.cleanup();
  });

  it('pairs a Firefox extension approved through the window, and tells the window as it goes', async () => {
    const asked = await request(port, '/extension/pair', { browser: 'Firefox 140 on Linux' });
    assert.equal(asked.status, 200);
    assert.equal(events.length, 1, 'the window heard of the request');
    const [pending] = handoff.pairings.view().pending;
    const answered = await handoff.handlers.answerPairing({ id: pending!.id, approve: true });
    assert.equal(answered, undefined);
    const approved = await request(port, '/extension/pair/poll', { secret: asked.body.secret });
    assert.equal(approved.body.state, 'approved');
    const status = await request(port, '/extension/status', {}, { authorization: `Bearer ${approved.body.token}` });
    assert.equal(status.status, 200);
    assert.equal(status.body.app, 'Tsuzuki');
  });

  it('serves nothing else and refuses a foreign Host', async () => {
    assert.equal((await request(port, '/', {})).status, 404);
    assert.equal((await request(port, '/extension/pair', {}, { host: `evil.test:${port}` })).status, 403);
    assert.equal((await request(port, '/extension/pair', {}, { host: `localhost:${port + 1}` })).status, 403);
  });

  it('runs without a listener when the port is taken', async () => {
    const second = startBrowserHandoff({ manager, platform: { openFile: async () => {}, showInFolder: async () => {} }, store: confStoreProvider(ws.state), onPairings: () => {}, port });
    assert.equal(await second.listening, undefined);
    await second.close();
  });
});
