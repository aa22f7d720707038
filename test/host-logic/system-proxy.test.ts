// The system proxy, as Electron's session reports it (a PAC answer), turned into the
// environment the engine reads — never over a proxy the environment already names.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followSystemProxy, proxyFromPacAnswer } from '../../main/host/desktop/system-proxy.ts';

describe('following the system proxy', () => {
  it('reads the first usable entry of a PAC answer', () => {
    assert.equal(proxyFromPacAnswer('DIRECT'), undefined);
    assert.equal(proxyFromPacAnswer('PROXY proxy.corp:3128; DIRECT'), 'http://proxy.corp:3128');
    assert.equal(proxyFromPacAnswer('HTTPS secure.corp:443'), 'https://secure.corp:443');
    assert.equal(proxyFromPacAnswer('SOCKS5 127.0.0.1:1080'), 'socks5://127.0.0.1:1080');
    assert.equal(proxyFromPacAnswer('QUIC x:1; PROXY [::1]:8080'), 'http://[::1]:8080');
    assert.equal(proxyFromPacAnswer('PROXY not a host'), undefined);
  });

  it('sets HTTP_PROXY and HTTPS_PROXY only when the environment names no proxy', async () => {
    const env: NodeJS.ProcessEnv = {};
    assert.equal(await followSystemProxy(async () => 'PROXY p.test:8080', env), 'http://p.test:8080');
    assert.equal(env['HTTP_PROXY'], 'http://p.test:8080');
    assert.equal(env['HTTPS_PROXY'], 'http://p.test:8080');
    const named: NodeJS.ProcessEnv = { https_proxy: 'http://mine:1' };
    assert.equal(await followSystemProxy(async () => 'PROXY p.test:8080', named), undefined);
    assert.deepEqual(named, { https_proxy: 'http://mine:1' });
    const direct: NodeJS.ProcessEnv = {};
    assert.equal(await followSystemProxy(async () => 'DIRECT', direct), undefined);
    assert.deepEqual(direct, {});
    assert.equal(await followSystemProxy(async () => Promise.reject(new Error('no session')), {}), undefined);
  });
});
