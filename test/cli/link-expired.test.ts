// `tsuzuki get` with a link that stops working halfway: it fails at once with words that
// say to get a fresh link and how to give it (--instead-of), and that run continues the
// bytes already downloaded with a range, as the window's Change link… does.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(600_000, 91);

describe('tsuzuki get with a link that expires', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('says to get a fresh link and continues with it through --instead-of', async () => {
    server.serve('/expiring.bin', { body, faults: { cutAfterBytes: 250_000, statuses: [undefined, { status: 403 }, { status: 403 }] } });
    server.serve('/fresh.bin', { body });
    const ws = tempWorkspace();
    try {
      const common = ['--dir', ws.downloads, '--state', ws.state, '-q'];
      const failed = await runCli(['get', server.url('/expiring.bin'), ...common]);
      assert.equal(failed.code, 1, failed.stderr);
      assert.match(failed.stderr, /no longer works \(403\)/);
      assert.match(failed.stderr, /fresh link from the site/);
      assert.match(failed.stderr, /--instead-of/);
      assert.equal(server.requestsFor('/expiring.bin').length, 2, 'not retried');

      const ja = await runCli(['get', server.url('/expiring.bin'), ...common], { LANG: 'ja_JP.UTF-8' });
      assert.equal(ja.code, 1);
      assert.match(ja.stderr, /新しいリンク.*--instead-of/);
      assert.doesNotMatch(ja.stderr, /expired|fresh link/);

      const fresh = await runCli(['get', server.url('/fresh.bin'), '--instead-of', server.url('/expiring.bin'), ...common]);
      assert.equal(fresh.code, 0, fresh.stderr);
      assert.equal(fresh.stderr, '');
      assert.match(server.requestsFor('/fresh.bin')[0]!.headers.range ?? '', /^bytes=[1-9]\d*-$/, 'continued, not started over');
      assert.equal(sha256(path.join(ws.downloads, 'expiring.bin')), sha256(body));
      assert.deepEqual(fs.readdirSync(ws.downloads), ['expiring.bin']);
    } finally {
      ws.cleanup();
    }
  });

  it('--instead-of with nothing to continue downloads the link from the start, and says so', async () => {
    server.serve('/plain.bin', { body });
    const ws = tempWorkspace();
    try {
      const run = await runCli(['get', server.url('/plain.bin'), '--instead-of', server.url('/never.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /no unfinished download of .*never\.bin/);
      assert.equal(sha256(path.join(ws.downloads, 'plain.bin')), sha256(body));
      const two = await runCli(['get', server.url('/plain.bin'), server.url('/x.bin'), '--instead-of', server.url('/never.bin'), '--dir', ws.downloads, '--state', ws.state, '-q']);
      assert.equal(two.code, 2);
      assert.match(two.stderr, /exactly one URL/);
      const bad = await runCli(['get', server.url('/plain.bin'), '--instead-of', 'no link', '--dir', ws.downloads, '--state', ws.state, '-q']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^tsuzuki get: --instead-of: "no link" is not a valid link/);
    } finally {
      ws.cleanup();
    }
  });
});
