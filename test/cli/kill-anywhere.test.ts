// kill -9 at many instants of one download (while connecting, right as the name is claimed,
// mid-body), then the same command again: the download is found again under the same name,
// its `.part` reused, and in the end the folder holds nothing but the finished file.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli, startCli } from './run-cli.ts';

const body = testBytes(2_500_000, 31);

describe('tsuzuki get killed at any instant', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  for (const connections of [1, 8]) {
    it(`kill -9 around the name claim and mid-body, ${connections} connection(s): same name, nothing stray`, async () => {
      const route = `/killed-${connections}.bin`;
      server.serve(route, { body, faults: { throttleBytesPerSec: 3_000_000 } });
      const ws = tempWorkspace();
      try {
        const args = ['get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '-q', '--connections', String(connections)];
        // Kill points: as the request arrives (the claim happens as its headers come back),
        // and after growing numbers of body bytes.
        const killAfterBytes = [0, 0, 1, 50_000, 300_000, 700_000, 1_200_000];
        for (const bytes of killAfterBytes) {
          const sentBefore = server.requestsFor(route).reduce((sum, r) => sum + r.bodyBytesSent, 0);
          const requestsBefore = server.requestsFor(route).length;
          const run = startCli(args);
          if (bytes === 0) await server.waitForRequests(route, requestsBefore + 1, 15_000);
          else await server.waitForBodyBytes(route, sentBefore + bytes, 15_000);
          run.child.kill('SIGKILL');
          await run.result;
          const names = fs.readdirSync(ws.downloads);
          assert.ok(names.every((name) => name === `${path.basename(route)}.part` || name === path.basename(route)), `only this download's files: ${names}`);
        }
        const last = await runCli(args);
        assert.equal(last.code, 0, last.stderr);
        assert.deepEqual(fs.readdirSync(ws.downloads), [path.basename(route)]);
        assert.equal(sha256(path.join(ws.downloads, path.basename(route))), sha256(body));
      } finally {
        ws.cleanup();
      }
    });
  }
});
