// A server that says its body is compressed (Content-Encoding: gzip, deflate, br) although
// Tsuzuki asked for identity, and then sends something that does not decompress: garbage,
// or a gzip stream cut short with its length still right. That is not a lost connection,
// and asking again brings the same bytes: the item fails at once with its own code and
// words, keeps no partial file, and never becomes a "finished" file that is not the content.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createI18n, describeError } from '../../i18n/index.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(400_000, 41);
const ja = createI18n('ja');

describe('a compressed body that cannot be decoded', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  for (const [route, faults, encoding] of [
    ['/garbage.gz', { badGzip: 'garbage' }, 'gzip'],
    ['/truncated.gz', { badGzip: 'truncated' }, 'gzip'],
    ['/garbage.deflate', { badGzip: 'garbage', badEncoding: 'deflate' }, 'deflate'],
    ['/garbage.br', { badGzip: 'garbage', badEncoding: 'br' }, 'br'],
  ] as const) {
    it(`${route}: fails at once as an undecodable body, nothing kept`, async () => {
      server.serve(route, { body, faults });
      const ws = tempWorkspace();
      const manager = await openTestManager(ws.state, ws.downloads);
      try {
        const item = await downloadOne(manager, server.url(route));
        assert.equal(item.state, 'failed');
        assert.equal(item.error?.code, 'ERR_UNDECODABLE_BODY', JSON.stringify(item.error));
        assert.equal(item.error?.params?.['encoding'], encoding);
        const requests = server.requestsFor(route);
        assert.equal(requests.length, 1, 'not retried');
        assert.equal(requests[0]!.headers['accept-encoding'], 'identity', 'Tsuzuki asked for the bytes as they are');
        assert.match(words(item.error), /could not be decompressed/);
        assert.doesNotMatch(words(item.error), /connection/i);
        assert.match(describeError(ja, item.error!), /展開できません/);
        assert.deepEqual(fs.readdirSync(ws.downloads), [], 'no partial or "finished" file is left');
      } finally {
        await manager.close();
        ws.cleanup();
      }
    });
  }
});
