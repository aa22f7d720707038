// `tsuzuki get --proxy …` with a proxy that refuses: the line names the proxy (never its
// password) and says to check --proxy, in English and in Japanese.

import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { runCli } from './run-cli.ts';

describe('tsuzuki get through a proxy that fails', () => {
  it('names the proxy and says to check --proxy', async () => {
    const listener = net.createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    const ws = tempWorkspace();
    try {
      const args = ['get', 'http://127.0.0.1:9/file.bin', '--proxy', `http://bob:hunter2-pw@127.0.0.1:${port}`, '--retries', '0', '--dir', ws.downloads, '--state', ws.state, '-q'];
      const en = await runCli(args);
      assert.equal(en.code, 1, en.stderr);
      assert.match(en.stderr, new RegExp(`The proxy 127\\.0\\.0\\.1:${port} refused the connection`));
      assert.match(en.stderr, /Check the proxy: --proxy/);
      assert.doesNotMatch(en.stderr, /The server refused|hunter2|bob/);
      const ja = await runCli(args, { LANG: 'ja_JP.UTF-8' });
      assert.equal(ja.code, 1, ja.stderr);
      assert.match(ja.stderr, new RegExp(`プロキシ 127\\.0\\.0\\.1:${port} に接続を拒否されました`));
      assert.match(ja.stderr, /--proxy/);
      assert.doesNotMatch(ja.stderr, /refused|Check/);
    } finally {
      ws.cleanup();
    }
  });
});
