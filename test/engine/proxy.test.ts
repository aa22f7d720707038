// Downloads through a proxy: the one in settings (HTTP and SOCKS5 forward proxies started
// here on 127.0.0.1), or the one HTTP_PROXY names, with NO_PROXY honoured. The bytes are the
// same either way, and the item's headers still reach the server through the proxy.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { startHttpProxy, startSocks5Proxy, type ForwardProxy } from '../support/forward-proxy.ts';
import type { DownloadError } from '../../main/engine/errors.ts';
import { words } from '../support/words.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';

const body = testBytes(1_500_000, 17);

describe('proxies', () => {
  let server: FaultServer;
  let httpProxy: ForwardProxy;
  let socksProxy: ForwardProxy;
  before(async () => {
    server = await startFaultServer();
    httpProxy = await startHttpProxy();
    socksProxy = await startSocks5Proxy();
  });
  after(async () => {
    await server.close();
    await httpProxy.close();
    await socksProxy.close();
  });

  async function fetchVia(settings: { proxy?: string }, route: string, connections = 1) {
    server.serve(route, { body, requireHeaders: { cookie: 'session=abc' }, faults: { cutAfterBytes: 200_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { connections, ...settings });
    try {
      const item = await downloadOne(manager, server.url(route), { headers: { cookie: 'session=abc' } });
      assert.equal(item.state, 'done', words(item.error));
      assert.equal(sha256(item.path!), sha256(body));
      return server.requestsFor(route);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  }

  it('goes through an HTTP proxy from settings, every request', async () => {
    const before = httpProxy.seen.length;
    const requests = await fetchVia({ proxy: httpProxy.url }, '/via-http.bin', 4);
    const through = httpProxy.seen.slice(before).filter((line) => line.includes('/via-http.bin'));
    assert.equal(through.length, requests.length, 'every request to the server passed the proxy');
    assert.ok(through.every((line) => line === `GET ${server.url('/via-http.bin')}`));
  });

  it('goes through a SOCKS5 proxy from settings', async () => {
    const before = socksProxy.seen.length;
    const requests = await fetchVia({ proxy: socksProxy.url.replace('socks5:', 'socks5h:') }, '/via-socks.bin');
    assert.ok(requests.length >= 2, 'the cut response was continued');
    assert.ok(socksProxy.seen.length > before, 'the SOCKS proxy carried the connections');
    assert.ok(socksProxy.seen.slice(before).every((line) => line === `SOCKS 127.0.0.1:${new URL(server.origin).port}`));
  });

  it('follows HTTP_PROXY when settings name none, and NO_PROXY overrides it', async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
    try {
      delete process.env.http_proxy;
      delete process.env.no_proxy;
      delete process.env.NO_PROXY;
      process.env.HTTP_PROXY = httpProxy.url;
      let before = httpProxy.seen.length;
      await fetchVia({}, '/via-env.bin');
      assert.ok(httpProxy.seen.slice(before).some((line) => line.includes('/via-env.bin')), 'HTTP_PROXY was used');

      process.env.NO_PROXY = '127.0.0.1';
      before = httpProxy.seen.length;
      await fetchVia({}, '/no-proxy.bin');
      assert.equal(httpProxy.seen.slice(before).length, 0, 'NO_PROXY sent it direct');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('refuses a proxy setting it cannot use, naming the problem', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      assert.throws(() => manager.setSettings({ proxy: 'ftp://proxy.test:21' }), (error: Error & { code?: string }) => error.code === 'ERR_INVALID_PROXY' && /ftp/.test(words((error as DownloadError).info())));
      assert.throws(() => manager.setSettings({ proxy: 'http://' }), (error: Error & { code?: string }) => error.code === 'ERR_INVALID_PROXY');
      assert.equal(manager.setSettings({ proxy: '127.0.0.1:3128' }).proxy, 'http://127.0.0.1:3128');
      assert.equal(manager.setSettings({ proxy: '' }).proxy, '');
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
