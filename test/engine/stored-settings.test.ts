// settings.json is input like any other: a hand-edited one with a zero, a null, a string
// where a number belongs must not leave the engine running nothing (maxConcurrent 0 waited
// forever: `tsuzuki get` then ended with Node's "unsettled top-level await" warning and exit
// code 13) or failing every download at once (stallTimeoutMs null). Such values are left
// out and the defaults apply; the good ones are kept.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DownloadManager } from '../../main/engine/download-manager.ts';
import { defaultSettings } from '../../main/engine/settings.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';

describe('stored settings', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('a hand-edited settings.json with impossible values: those are left out, the download runs, the good ones are kept', async () => {
    const ws = tempWorkspace();
    try {
      fs.mkdirSync(ws.state);
      const stored = { maxConcurrent: 0, stallTimeoutMs: null, connections: 'eight', perHostConnections: -2, maxRetries: 1.5, dir: 7, speedLimit: 0, autoResume: 'yes', notifications: false, unknownKey: 1 };
      fs.writeFileSync(path.join(ws.state, 'settings.json'), JSON.stringify(stored));
      const manager = await DownloadManager.open({ store: confStoreProvider(ws.state), defaults: { dir: ws.downloads } });
      try {
        const defaults = defaultSettings();
        const settings = manager.getSettings();
        assert.equal(settings.maxConcurrent, defaults.maxConcurrent);
        assert.equal(settings.stallTimeoutMs, defaults.stallTimeoutMs);
        assert.equal(settings.connections, defaults.connections);
        assert.equal(settings.perHostConnections, defaults.perHostConnections);
        assert.equal(settings.maxRetries, defaults.maxRetries);
        assert.equal(settings.autoResume, defaults.autoResume);
        assert.equal(settings.dir, ws.downloads, 'the host default, not the stored number');
        assert.equal(settings.notifications, false, 'a good value is kept');
        assert.equal((settings as unknown as Record<string, unknown>)['unknownKey'], undefined);
        const body = testBytes(100_000, 81);
        server.serve('/after-bad-settings.bin', { body });
        const { added } = manager.add([server.url('/after-bad-settings.bin')]);
        await withTimeout(manager.whenIdle(), 20_000, 'nothing ran');
        const item = manager.get(added[0]!)!;
        assert.equal(item.state, 'done', JSON.stringify(item.error));
        assert.equal(sha256(item.path!), sha256(body));
      } finally {
        await manager.close();
      }
    } finally {
      ws.cleanup();
    }
  });
});
