// A connection closed right after the response head and a few bytes (before the engine has
// anywhere to put the body) is a network error to retry, never a crash of the process.

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { words } from '../support/words.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';

describe('a first answer cut right after its head', () => {
  it('is retried and the file completes byte-identical', async () => {
    const body = testBytes(200_000, 3);
    let answers = 0;
    const server = http.createServer((req, res) => {
      answers += 1;
      const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = match ? Number(match[1]) : 0;
      res.writeHead(match ? 206 : 200, {
        'content-length': body.length - start,
        'accept-ranges': 'bytes',
        etag: '"v1"',
        ...(match ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
      });
      if (answers === 1) return void res.write(body.subarray(0, 20_000), () => res.socket?.destroy());
      res.end(body.subarray(start));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, `http://127.0.0.1:${(server.address() as AddressInfo).port}/cut.bin`);
      assert.equal(item.state, 'done', words(item.error));
      assert.equal(sha256(item.path!), sha256(body));
      assert.ok(answers >= 2);
    } finally {
      await manager.close();
      ws.cleanup();
      server.closeAllConnections();
      server.close();
    }
  });
});
