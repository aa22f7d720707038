// A download that goes through a proxy and fails there must say it is the proxy, name it
// (host and port, never the user name and password in its URL) and say what to check: a
// proxy that refuses the connection, one that answers 407, one that cannot be reached or
// looked up. These used to read as the server's failures ("The server refused the
// connection"), which sends a person to the wrong place.

import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createI18n, describeError } from '../../i18n/index.ts';
import { proxyFailure } from '../../main/engine/proxy-error.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(50_000, 5);
const ja = createI18n('ja');

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('failures at a proxy', () => {
  let server: FaultServer;
  let demanding: http.Server;
  let demandingPort: number;
  before(async () => {
    server = await startFaultServer();
    server.serve('/through.bin', { body });
    // A proxy that wants credentials: 407 to a forwarded request and to a CONNECT alike.
    demanding = http.createServer((_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"', 'content-length': '0' });
      res.end();
    });
    demanding.on('connect', (_req, socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => demanding.listen(0, '127.0.0.1', resolve));
    demandingPort = (demanding.address() as AddressInfo).port;
  });
  after(async () => {
    await server.close();
    demanding.closeAllConnections();
    await new Promise<void>((resolve) => demanding.close(() => resolve()));
  });

  async function through(proxy: string, link: string) {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { proxy, maxRetries: 1 });
    try {
      return await downloadOne(manager, link);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  }

  for (const scheme of ['http', 'socks5'] as const) {
    it(`a ${scheme} proxy that refuses the connection is named, without its credentials`, async () => {
      const port = await closedPort();
      const item = await through(`${scheme}://alice:pr0xy-s3cret@127.0.0.1:${port}`, server.url('/through.bin'));
      assert.equal(item.state, 'failed');
      assert.equal(item.error?.code, 'ERR_PROXY', JSON.stringify(item.error));
      assert.equal(item.error?.params?.['variant'], 'refused');
      assert.equal(item.error?.params?.['proxy'], `127.0.0.1:${port}`);
      assert.equal(item.error?.action, 'checkProxy');
      const english = words(item.error);
      assert.match(english, new RegExp(`proxy 127\\.0\\.0\\.1:${port} refused the connection`));
      assert.match(english, /Check the proxy/);
      assert.doesNotMatch(english, /The server/);
      assert.match(describeError(ja, item.error!), /プロキシ 127\.0\.0\.1:\d+ に接続を拒否されました/);
      assert.doesNotMatch(JSON.stringify(item), /pr0xy-s3cret|alice/);
      assert.equal(server.requestsFor('/through.bin').length, 0);
    });
  }

  for (const [what, link] of [
    ['an http link', () => server.url('/through.bin')],
    ['an https link (CONNECT)', () => 'https://127.0.0.1:9/never.bin'],
  ] as const) {
    it(`a proxy answering 407 to ${what} asks for the proxy's credentials, not retried`, async () => {
      const item = await through(`http://127.0.0.1:${demandingPort}`, link());
      assert.equal(item.error?.code, 'ERR_PROXY', JSON.stringify(item.error));
      assert.equal(item.error?.params?.['variant'], 'auth');
      assert.equal(item.error?.params?.['proxy'], `127.0.0.1:${demandingPort}`);
      assert.match(words(item.error), /proxy 127\.0\.0\.1:\d+ asks for a user name and password/);
      assert.doesNotMatch(words(item.error), /attempts/, 'failed at once');
      assert.match(describeError(ja, item.error!), /プロキシ/);
    });
  }

  it('a proxy that cannot be looked up or reached is named too', () => {
    const proxy = 'proxy.example:3128';
    const dns = proxyFailure(Object.assign(new Error('getaddrinfo ENOTFOUND proxy.example'), { code: 'ENOTFOUND', hostname: 'proxy.example' }), proxy);
    assert.equal(dns?.code, 'ERR_PROXY');
    assert.equal(dns?.params?.['variant'], 'dns');
    assert.ok(dns?.retryable);
    const timeout = proxyFailure(Object.assign(new Error('Timeout awaiting connect'), { code: 'ETIMEDOUT' }), proxy);
    assert.equal(timeout?.params?.['variant'], undefined, 'the plain words: could not be reached');
    assert.match(words(timeout!.info()), /proxy proxy\.example:3128 could not be reached \(ETIMEDOUT\)/);
    const unreachable = proxyFailure(Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' }), proxy);
    assert.equal(unreachable?.code, 'ERR_PROXY');
    // A body cut through the proxy is the connection's, as without one.
    assert.equal(proxyFailure(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), proxy), undefined);
  });
});
