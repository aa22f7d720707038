// Servers that drop the connection at the worst moments, driven through the real CLI with
// one connection and with eight: the process never dies, never prints a stack trace, the
// file keeps the name it was given, and nothing but the finished file is left.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type Faults, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(3_000_000, 11);

const scenarios: { name: string; faults: Faults }[] = [
  { name: 'closes right after the headers', faults: { dropAfterHeaders: 'close' } },
  { name: 'resets right after the headers', faults: { dropAfterHeaders: 'reset', dropTimes: 3 } },
  { name: 'closes after 700 kB', faults: { cutAfterBytes: 700_000, cutTimes: 3 } },
  { name: 'resets after 700 kB', faults: { cutAfterBytes: 700_000, cutWith: 'reset', cutTimes: 3 } },
  { name: 'resets inside a gzip body', faults: { gzipOnly: true, cutAfterBytes: 200_000, cutWith: 'reset' } },
  { name: 'closes after the headers and takes no ranges', faults: { dropAfterHeaders: 'close', ignoreRange: true } },
];

describe('tsuzuki get against servers that drop the connection', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  for (const connections of [1, 8]) {
    for (const [index, scenario] of scenarios.entries()) {
      it(`a server that ${scenario.name}, ${connections} connection(s)`, async () => {
        const route = `/hostile-${connections}-${index}.bin`;
        server.serve(route, { body, faults: scenario.faults });
        const ws = tempWorkspace();
        try {
          const run = await runCli(['get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '-q', '--connections', String(connections), '--retries', '6']);
          assert.equal(run.code, 0, run.stderr);
          assert.doesNotMatch(run.stderr, /\n\s+at |Unhandled|node:internal/, 'no crash, no stack trace');
          assert.deepEqual(fs.readdirSync(ws.downloads), [path.basename(route)], 'the same name, and no stray .part');
          assert.equal(sha256(path.join(ws.downloads, path.basename(route))), sha256(body));
          assert.ok(server.requestsFor(route).length >= 2, 'the fault really happened and the download continued');
        } finally {
          ws.cleanup();
        }
      });
    }
  }
});
