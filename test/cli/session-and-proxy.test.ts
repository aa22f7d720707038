// `tsuzuki get` with curl's flags for a download that needs a session: --header (repeatable),
// --user-agent, --referer and --proxy, against a server that refuses any request without the
// cookie and the Referer and cuts its first answer.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { startHttpProxy, type ForwardProxy } from '../support/forward-proxy.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(1_800_000, 7);

describe('tsuzuki get with a session and a proxy', () => {
  let server: FaultServer;
  let proxy: ForwardProxy;
  before(async () => {
    server = await startFaultServer();
    proxy = await startHttpProxy();
  });
  after(async () => {
    await server.close();
    await proxy.close();
  });

  for (const connections of ['1', '8']) {
    it(`sends the headers on every request through the proxy (${connections} connection(s))`, async () => {
      const route = `/members-${connections}.bin`;
      const required = { cookie: 'sid=c00kie; lang=en', referer: 'http://127.0.0.1/members', 'user-agent': 'TestBrowser/2.0', 'x-token': 'abc' };
      server.serve(route, { body, requireHeaders: required, faults: { cutAfterBytes: 250_000 } });
      const ws = tempWorkspace();
      const { code, stdout, stderr } = await runCli([
        'get', server.url(route), '--dir', ws.downloads, '--state', ws.state, '--connections', connections,
        '--header', 'Cookie: sid=c00kie', '-H', 'Cookie: lang=en', '--header', 'X-Token: abc',
        '--referer', required.referer, '--user-agent', required['user-agent'], '--proxy', proxy.url, '--stall-timeout', '2', '-q',
      ]);
      try {
        assert.equal(code, 0, stderr);
        assert.equal(sha256(path.join(ws.downloads, path.basename(route))), sha256(body));
        const requests = server.requestsFor(route);
        assert.ok(requests.length >= 2, 'the cut answer was continued');
        assert.ok(requests.every((request) => request.status !== 403), 'every request carried the session');
        assert.ok(proxy.seen.filter((line) => line.endsWith(route)).length === requests.length, 'every request went through the proxy');
        assert.doesNotMatch(stdout + stderr, /c00kie/);
      } finally {
        ws.cleanup();
      }
    });
  }

  it('continues a first answer that is really cut (the socket closed mid-body), with the session on every request', async () => {
    const sessionServer = await startSessionServer(body, { cookie: 'sid=real', referer: 'http://127.0.0.1/page' });
    const ws = tempWorkspace();
    try {
      const { code, stderr } = await runCli(['get', `${sessionServer.origin}/file.bin`, '--dir', ws.downloads, '--state', ws.state, '-H', 'Cookie: sid=real', '--referer', 'http://127.0.0.1/page', '-q'], {}, 60_000);
      assert.equal(code, 0, stderr);
      assert.equal(sha256(path.join(ws.downloads, 'file.bin')), sha256(body));
      assert.ok(sessionServer.log.length >= 2, 'the cut answer was followed by a resume');
      assert.deepEqual(sessionServer.log.filter((entry) => entry.status === 403), []);
      assert.match(sessionServer.log.at(-1)!.range ?? '', /^bytes=\d+-/);
    } finally {
      ws.cleanup();
      await sessionServer.close();
    }
  });

  it('a refused download says it may need the browser session, and shows no header value', async () => {
    server.serve('/refused.bin', { body, requireHeaders: { cookie: 'sid=right' } });
    const ws = tempWorkspace();
    const { code, stderr } = await runCli(['get', server.url('/refused.bin'), '--dir', ws.downloads, '--state', ws.state, '-H', 'Cookie: sid=wr0ng', '-q']);
    ws.cleanup();
    assert.equal(code, 1);
    assert.match(stderr, /refused the download \(403\)/);
    assert.match(stderr, /browser's session/);
    assert.doesNotMatch(stderr, /wr0ng/);
  });

  it('bad usage exits 2 with the reason, never the value', async () => {
    const ws = tempWorkspace();
    const badHeader = await runCli(['get', server.url('/x.bin'), '--dir', ws.downloads, '--state', ws.state, '-H', 'no colon here s3cret']);
    assert.equal(badHeader.code, 2);
    assert.match(badHeader.stderr, /Name: value/);
    const reserved = await runCli(['get', server.url('/x.bin'), '--dir', ws.downloads, '--state', ws.state, '-H', 'Range: bytes=5-']);
    assert.equal(reserved.code, 2);
    assert.match(reserved.stderr, /range header is set by Tsuzuki/);
    const badProxy = await runCli(['get', server.url('/x.bin'), '--dir', ws.downloads, '--state', ws.state, '--proxy', 'gopher://p:70']);
    assert.equal(badProxy.code, 2);
    assert.match(badProxy.stderr, /gopher/);
    ws.cleanup();
    assert.equal(server.requestsFor('/x.bin').length, 0);
  });
});

/** Serves one file that needs a cookie and a Referer on every request; its first answer is cut for real. */
async function startSessionServer(file: Buffer, required: { cookie: string; referer: string }) {
  const log: { status: number; range: string | undefined }[] = [];
  const etag = `"${crypto.createHash('sha256').update(file).digest('hex').slice(0, 16)}"`;
  let answers = 0;
  const server = http.createServer((req, res) => {
    if (req.headers.cookie !== required.cookie || req.headers.referer !== required.referer) {
      log.push({ status: 403, range: req.headers.range });
      res.writeHead(403);
      return void res.end();
    }
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = match ? Number(match[1]) : 0;
    const status = match ? 206 : 200;
    log.push({ status, range: req.headers.range });
    res.writeHead(status, {
      'content-length': file.length - start,
      'accept-ranges': 'bytes',
      etag,
      ...(match ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}),
    });
    answers += 1;
    if (answers === 1) {
      // Part of the body, then the connection is closed under it.
      res.write(file.subarray(start, start + 300_000), () => res.socket?.destroy());
      return;
    }
    res.end(file.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
