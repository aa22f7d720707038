// Where a download may connect when its host limits it (the web host beyond loopback): the
// address rule itself, and the check after DNS on every redirect hop, direct and through
// proxies. Linux answers on all of 127/8, so 127.0.0.1 and 127.0.0.2 are two real servers
// that a test predicate can treat as "public" and "private".

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { AddressCheck } from '../../main/engine/destination-policy.ts';
import { isPublicAddress } from '../../main/engine/public-address.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { startHttpProxy, startSocks5Proxy, type ForwardProxy } from '../support/forward-proxy.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(300_000, 5);

describe('the address rule', () => {
  it('refuses loopback, link-local, private, CGNAT, unspecified and their IPv4-mapped forms', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', 'fe80::1', 'fc00::1', 'fd12:3456::1', '100.64.0.1', '100.127.255.254', '0.0.0.0', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::7f00:1', '224.0.0.1', '255.255.255.255', 'not-an-address', '']) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });
  it('lets public unicast addresses through, IPv4-mapped and NAT64 ones too', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '100.63.255.255', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });
});

describe('destinations refused on every hop', () => {
  let first: FaultServer;
  let second: FaultServer;
  let httpProxy: ForwardProxy;
  let socksProxy: ForwardProxy;
  before(async () => {
    first = await startFaultServer('127.0.0.1');
    second = await startFaultServer('127.0.0.2');
    httpProxy = await startHttpProxy();
    socksProxy = await startSocks5Proxy();
  });
  after(async () => {
    await first.close();
    await second.close();
    await httpProxy.close();
    await socksProxy.close();
  });

  async function fetchWith(allowAddress: AddressCheck, url: string, settings: { proxy?: string } = {}) {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, settings, { allowAddress });
    try {
      const item = await downloadOne(manager, url);
      return { item, files: fs.readdirSync(ws.downloads), path: item.path, bytes: item.state === 'done' ? sha256(item.path!) : undefined };
    } finally {
      await manager.close();
      ws.cleanup();
    }
  }

  it('follows a redirect from 127.0.0.1 to 127.0.0.2 when both are allowed (the servers are real)', async () => {
    second.serve('/both.bin', { body });
    first.redirect('/to-both', second.url('/both.bin'));
    const run = await fetchWith((address) => address === '127.0.0.1' || address === '127.0.0.2', first.url('/to-both'));
    assert.equal(run.item.state, 'done', words(run.item.error));
    assert.equal(run.bytes, sha256(body));
  });

  it('refuses the hop to 127.0.0.2 (an IP literal: no lookup) before any request, with no bytes written', async () => {
    second.serve('/private.bin', { body });
    first.redirect('/to-private', second.url('/private.bin'));
    const run = await fetchWith((address) => address === '127.0.0.1', first.url('/to-private'));
    assert.equal(run.item.state, 'failed');
    assert.deepEqual(run.item.error, { code: 'ERR_PRIVATE_DESTINATION', params: { host: '127.0.0.2', address: '127.0.0.2' }, action: 'allowPrivate' });
    assert.match(words(run.item.error), /127\.0\.0\.2.*--allow-private/s);
    assert.equal(second.requestsFor('/private.bin').length, 0, 'the refused server was never asked');
    assert.equal(first.requestsFor('/to-private').length, 1, 'not retried');
    assert.deepEqual(run.files, [], 'nothing written, not even a .part');
  });

  it('checks a name after DNS on a redirect hop: localhost resolves to loopback and is refused', async () => {
    first.serve('/named.bin', { body });
    second.redirect('/to-localhost', `http://localhost:${new URL(first.origin).port}/named.bin`);
    const run = await fetchWith((address) => address === '127.0.0.2', second.url('/to-localhost'));
    assert.equal(run.item.state, 'failed');
    assert.equal(run.item.error?.code, 'ERR_PRIVATE_DESTINATION');
    assert.equal(run.item.error?.params?.['host'], 'localhost');
    assert.match(String(run.item.error?.params?.['address']), /^(127\.0\.0\.1|::1)$/);
    assert.equal(first.requestsFor('/named.bin').length, 0);
    assert.deepEqual(run.files, []);
  });

  it('refuses an IP-literal link itself, on a client that just downloaded from an allowed server', async () => {
    second.serve('/literal.bin', { body });
    first.serve('/fine.bin', { body });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, {}, { allowAddress: (address) => address === '127.0.0.1' });
    try {
      const fine = await downloadOne(manager, first.url('/fine.bin'));
      assert.equal(fine.state, 'done', words(fine.error));
      const refused = await downloadOne(manager, second.url('/literal.bin'));
      assert.equal(refused.error?.code, 'ERR_PRIVATE_DESTINATION');
      assert.equal(second.requestsFor('/literal.bin').length, 0);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('through an HTTP proxy (which resolves names itself) an IP-literal target is still refused', async () => {
    second.serve('/via-proxy.bin', { body });
    const seen = httpProxy.seen.length;
    const run = await fetchWith((address) => address === '127.0.0.1', second.url('/via-proxy.bin'), { proxy: httpProxy.url });
    assert.equal(run.item.error?.code, 'ERR_PRIVATE_DESTINATION');
    assert.deepEqual(httpProxy.seen.slice(seen), [], 'the proxy was not asked');
    assert.equal(second.requestsFor('/via-proxy.bin').length, 0);
  });

  it('a proxy from settings is judged too (whoever changes settings chose it), by address and by name', async () => {
    second.serve('/behind-proxy.bin', { body });
    const onlySecond = (address: string) => address === '127.0.0.2';
    const port = new URL(httpProxy.url).port;
    for (const proxy of [httpProxy.url, `http://localhost:${port}`, `socks5://localhost:${new URL(socksProxy.url).port}`]) {
      const seen = [httpProxy.seen.length, socksProxy.seen.length];
      const run = await fetchWith(onlySecond, second.url('/behind-proxy.bin'), { proxy });
      assert.equal(run.item.error?.code, 'ERR_PRIVATE_DESTINATION', `${proxy}: ${words(run.item.error)}`);
      assert.equal(run.item.error?.params?.['variant'], 'proxy', proxy);
      assert.match(words(run.item.error), /The proxy in Tsuzuki's settings/);
      assert.deepEqual([httpProxy.seen.length, socksProxy.seen.length], seen, `${proxy} was not asked`);
    }
    assert.equal(second.requestsFor('/behind-proxy.bin').length, 0);
  });

  it("the environment's proxy is the operator's and is not judged", async () => {
    second.serve('/env-proxy.bin', { body });
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
    try {
      delete process.env.http_proxy;
      delete process.env.no_proxy;
      delete process.env.NO_PROXY;
      process.env.HTTP_PROXY = httpProxy.url;
      const seen = httpProxy.seen.length;
      const run = await fetchWith((address) => address === '127.0.0.2', second.url('/env-proxy.bin'));
      assert.equal(run.item.state, 'done', words(run.item.error));
      assert.equal(run.bytes, sha256(body));
      assert.ok(httpProxy.seen.slice(seen).some((line) => line.includes('/env-proxy.bin')), 'it went through the proxy on 127.0.0.1');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('through a SOCKS5 proxy that resolves locally (the environment\'s), the name is checked after that lookup', async () => {
    first.serve('/via-socks.bin', { body });
    const seen = socksProxy.seen.length;
    const saved = { ALL_PROXY: process.env.ALL_PROXY, all_proxy: process.env.all_proxy, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
    try {
      delete process.env.all_proxy;
      delete process.env.no_proxy;
      delete process.env.NO_PROXY;
      process.env.ALL_PROXY = socksProxy.url;
      const run = await fetchWith((address) => address === '127.0.0.2', `http://localhost:${new URL(first.origin).port}/via-socks.bin`);
      assert.equal(run.item.error?.code, 'ERR_PRIVATE_DESTINATION', words(run.item.error));
      assert.equal(run.item.error?.params?.['host'], 'localhost');
      assert.equal(run.item.error?.params?.['variant'], undefined, 'the link, not the proxy');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    assert.deepEqual(socksProxy.seen.slice(seen), []);
    assert.equal(first.requestsFor('/via-socks.bin').length, 0);
  });
});
