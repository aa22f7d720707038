// "The network is back" as seen from os.networkInterfaces(): external addresses appearing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { externalAddresses, networkCameBack, watchNetwork, type Interfaces } from '../../main/host/network-watch.ts';

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null }) as NonNullable<Interfaces[string]>[number];

describe('network watch', () => {
  it('ignores loopback and link-local addresses', () => {
    const interfaces: Interfaces = { lo: [entry('127.0.0.1', 'IPv4', true)], wlan0: [entry('fe80::1', 'IPv6'), entry('192.168.1.20', 'IPv4')] };
    assert.deepEqual(externalAddresses(interfaces), ['wlan0/192.168.1.20']);
  });

  it('sees none → some and a new address as "back", a lost one or no change as not', () => {
    assert.equal(networkCameBack([], ['wlan0/10.0.0.2']), true);
    assert.equal(networkCameBack(['wlan0/10.0.0.2'], ['wlan0/10.0.0.2', 'tun0/10.8.0.1']), true);
    assert.equal(networkCameBack(['wlan0/10.0.0.2'], ['wlan0/10.0.0.2']), false);
    assert.equal(networkCameBack(['wlan0/10.0.0.2', 'eth0/10.1.1.1'], ['eth0/10.1.1.1']), false);
    assert.equal(networkCameBack(['wlan0/10.0.0.2'], []), false);
  });

  it('polls and calls back once when the network returns', async () => {
    const states: Interfaces[] = [{}, {}, { eth0: [entry('10.0.0.9', 'IPv4')] }];
    let reads = 0;
    const { promise, resolve } = Promise.withResolvers<void>();
    let calls = 0;
    const watch = watchNetwork(
      () => {
        calls += 1;
        resolve();
      },
      { intervalMs: 5, interfaces: () => states[Math.min(reads++, states.length - 1)]! },
    );
    await promise;
    // A few more polls of the same state: no more calls.
    const seen = reads;
    await new Promise<void>((done) => {
      const check = setInterval(() => reads >= seen + 3 && (clearInterval(check), done()), 5);
    });
    watch.stop();
    assert.equal(calls, 1);
  });
});

describe('Linux autostart entry', async () => {
  const { autostartEntry, execArgument } = await import('../../main/host/desktop/linux-autostart.ts');
  it('quotes what the Desktop Entry specification needs quoted', () => {
    assert.equal(execArgument('/opt/Tsuzuki/tsuzuki'), '/opt/Tsuzuki/tsuzuki');
    assert.equal(execArgument('/home/ana/My Apps/Tsuzuki.AppImage'), '"/home/ana/My Apps/Tsuzuki.AppImage"');
    assert.equal(execArgument('/tmp/a"b$c`d\\e'), '"/tmp/a\\"b\\$c\\`d\\\\e"');
    assert.equal(execArgument('/tmp/100%'), '"/tmp/100%%"');
    assert.match(autostartEntry(['/opt/t', '--hidden']), /^Exec=\/opt\/t --hidden$/m);
  });
});
