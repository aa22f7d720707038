// Which Host headers name the web host, for each way it can be bound. DNS rebinding needs a
// host name the attacker controls, so names are allowlisted and IP literals only pass when
// the server listens on every interface (a NAS reached by its LAN address).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestGuard } from '../../main/web/request-guard.ts';

describe('request guard: Host headers', () => {
  it('bound to loopback: loopback names on our port only', () => {
    const guard = new RequestGuard('t', '127.0.0.1', 7890);
    for (const host of ['127.0.0.1:7890', 'localhost:7890', '[::1]:7890', 'LocalHost:7890']) assert.ok(guard.isOwnHost(host), host);
    for (const host of ['127.0.0.1', '127.0.0.1:7891', 'evil.example:7890', '192.168.1.5:7890', 'localhost.:7890', '127.1:7890', '0x7f.0.0.1:7890', 'a@localhost:7890', 'localhost:7890/x', '', undefined]) {
      assert.ok(!guard.isOwnHost(host), String(host));
    }
  });

  it('bound to a named host or address: that one as well', () => {
    assert.ok(new RequestGuard('t', 'nas.local', 80).isOwnHost('nas.local'));
    assert.ok(new RequestGuard('t', 'nas.local', 80).isOwnHost('NAS.local:80'));
    assert.ok(new RequestGuard('t', '::1', 9000).isOwnHost('[::1]:9000'));
    assert.ok(new RequestGuard('t', '192.168.1.5', 7890).isOwnHost('192.168.1.5:7890'));
    assert.ok(!new RequestGuard('t', '192.168.1.5', 7890).isOwnHost('192.168.1.6:7890'));
  });

  it('bound to every interface: any IP literal, still no foreign names', () => {
    for (const bound of ['0.0.0.0', '::']) {
      const guard = new RequestGuard('t', bound, 7890);
      for (const host of ['192.168.1.5:7890', '[fe80::1]:7890', '10.0.0.2:7890', 'localhost:7890']) assert.ok(guard.isOwnHost(host), host);
      for (const host of ['nas.evil.example:7890', '192.168.1.5:7891']) assert.ok(!guard.isOwnHost(host), host);
    }
  });

  it('names its cookie after the port, and makes long random tokens', () => {
    assert.equal(new RequestGuard('t', '127.0.0.1', 7890).cookieName, 'tsuzuki_token_7890');
    const token = RequestGuard.randomToken();
    assert.match(token, /^[\w-]{32}$/);
    assert.notEqual(token, RequestGuard.randomToken());
  });
});
