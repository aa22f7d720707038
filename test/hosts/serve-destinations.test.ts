// `tsuzuki serve` beyond loopback refuses links to this machine and its own network (after
// DNS: `localhost` is a name), unless --allow-private; on loopback nothing changes. A real
// serve on 0.0.0.0, a real WebSocket client on 127.0.0.1, a real file server on 127.0.0.1.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { serveCommand } from '../../main/cli/serve.ts';
import { runCli } from '../cli/run-cli.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';
import { SocketClient, waitForItems } from '../support/socket-client.ts';
import { words } from '../support/words.ts';

const body = testBytes(200_000, 9);

/** Runs `tsuzuki serve` in this process until `stop()`; resolves once it printed its link. */
async function serve(flags: string[]) {
  const ws = tempWorkspace();
  const renderer = path.join(ws.root, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
  const err: string[] = [];
  const printed = Promise.withResolvers<URL>();
  const log = mock.method(console, 'log', (...args: unknown[]) => {
    const match = /Open (http:\S+)/.exec(args.join(' '));
    if (match) printed.resolve(new URL(match[1]!));
  });
  const error = mock.method(console, 'error', (...args: unknown[]) => void err.push(args.join(' ')));
  const stop = Promise.withResolvers<void>();
  const done = serveCommand(['--port', '0', '--state', ws.state, '--dir', ws.downloads, ...flags], { rendererDir: renderer, stopSignal: stop.promise }).finally(() => {
    log.mock.restore();
    error.mock.restore();
  });
  void done.then((code) => printed.reject(new Error(`serve ended (${code}): ${err.join('\n')}`)));
  const link = await withTimeout(printed.promise, 10_000, 'no link printed');
  const client = await SocketClient.open(Number(link.port), { token: link.searchParams.get('token')! });
  return {
    client,
    downloads: ws.downloads,
    err,
    async stop() {
      client.close();
      stop.resolve();
      assert.equal(await done, 0);
      ws.cleanup();
    },
  };
}

describe('tsuzuki serve: destinations', () => {
  let files: FaultServer;
  before(async () => {
    files = await startFaultServer();
    files.serve('/file.bin', { body });
  });
  after(() => files.close());

  const links = () => [files.url('/file.bin'), `http://localhost:${new URL(files.origin).port}/file.bin`];

  it('beyond loopback refuses links to 127.0.0.1 and to localhost (a name: checked after DNS)', async () => {
    const served = await serve(['--host', '0.0.0.0']);
    try {
      assert.match(served.err.join('\n'), /Links to this machine and its own network .* are refused; --allow-private allows them/);
      const added = await served.client.invoke('add', { urls: links() });
      assert.equal(added.ok, true);
      const ids: string[] = (added as any).value.added;
      assert.equal(ids.length, 2);
      const items = await waitForItems(served.client, ids, (item) => item.state === 'failed', 'two failed items');
      assert.deepEqual(items[0]!.error, { code: 'ERR_PRIVATE_DESTINATION', params: { host: '127.0.0.1', address: '127.0.0.1' }, action: 'allowPrivate' });
      assert.equal(items[1]!.error!.code, 'ERR_PRIVATE_DESTINATION');
      assert.equal(items[1]!.error!.params!['host'], 'localhost');
      assert.match(words(items[1]!.error as any), /localhost .*this web host does not download from.* --allow-private/);
      assert.equal(files.requestsFor('/file.bin').length, 0, 'the server was never asked');
      assert.deepEqual(fs.readdirSync(served.downloads), [], 'nothing written');
    } finally {
      await served.stop();
    }
  });

  it('beyond loopback with --allow-private, and on loopback (the default), downloads them', async () => {
    for (const flags of [['--host', '0.0.0.0', '--allow-private'], []]) {
      const served = await serve(flags);
      try {
        assert.doesNotMatch(served.err.join('\n'), /are refused/, flags.join(' '));
        const added = await served.client.invoke('add', { urls: [links()[0]] });
        const ids: string[] = (added as any).value.added;
        const [item] = await waitForItems(served.client, ids, (entry) => entry.state === 'done' || entry.state === 'failed', 'a settled item');
        assert.equal(item!.state, 'done', `${flags.join(' ')}: ${words(item!.error as any)}`);
        assert.equal(sha256(path.join(served.downloads, 'file.bin')), sha256(body));
      } finally {
        await served.stop();
      }
    }
  });

  it('--help names --allow-private in English and Japanese', async () => {
    const english = await runCli(['serve', '--help']);
    assert.match(english.stdout, /--allow-private +with --host beyond loopback/);
    const japanese = await runCli(['serve', '--help'], { LANG: 'ja_JP.UTF-8' });
    assert.match(japanese.stdout, /--allow-private +--host がループバック以外のときも/);
  });
});
