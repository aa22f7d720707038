// The desktop shell under `electron-vite dev` (fake electron): it loads the dev server,
// trusts pages from that origin only (not a look-alike prefix), and sends the dev CSP.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

describe('Electron shell in development (fake electron)', () => {
  const devUrl = 'http://localhost:5173';
  let ws: ReturnType<typeof tempWorkspace>;
  let electron: Awaited<ReturnType<typeof loadShell>>;
  before(async () => {
    process.env['ELECTRON_RENDERER_URL'] = devUrl;
    ws = tempWorkspace('tsuzuki-shell-');
    electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads });
    electron.app.becomeReady();
    await until(() => electron.record.windows[0], 'the window');
  });
  after(async () => {
    electron.app.quit();
    await until(() => electron.record.exitCode !== undefined, 'exit');
    ws.cleanup();
  });

  it('loads the dev server and trusts only its origin', async () => {
    const window = electron.record.windows[0]!;
    assert.equal(window.loaded, devUrl);
    const list = electron.ipcMain.handlers.get('tsuzuki:list')!;
    const from = async (url: string) => ((await list({ sender: window.webContents, senderFrame: { url, parent: null } }, {})) as { ok: boolean }).ok;
    assert.equal(await from(`${devUrl}/`), true);
    assert.equal(await from('http://localhost:5173.evil.example/'), false);
    assert.equal(await from('http://localhost:5174/'), false);
  });

  it('sends the dev page policy, and none for other origins', () => {
    let headers: Record<string, string[]> | undefined;
    electron.session.defaultSession.headersListener!({ url: `${devUrl}/`, responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    assert.match(String(headers?.['Content-Security-Policy']), /script-src 'self' 'unsafe-inline'; .*connect-src 'self' ws:\/\/localhost:5173/);
    headers = undefined;
    electron.session.defaultSession.headersListener!({ url: 'http://localhost:5174/', responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    assert.equal(headers, undefined);
  });
});
