// While a download waits out a server's Retry-After, the CLI says how long in words a person
// reads at a glance (`10 min`, `10 分`), as the window does, not as a count of seconds.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { startCli } from './run-cli.ts';

/** Runs the CLI until its output holds a line matching `wanted` (or 20 s pass), then interrupts it. */
async function lineOf(args: string[], env: NodeJS.ProcessEnv, wanted: RegExp): Promise<string> {
  const run = startCli(args, env);
  let seen = '';
  const found = new Promise<void>((resolve) => {
    run.child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk;
      if (wanted.test(seen)) resolve();
    });
  });
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 20_000);
  await Promise.race([found, run.result]);
  run.child.kill('SIGINT');
  await run.result;
  clearTimeout(timer);
  return seen.split('\n').find((line) => wanted.test(line)) ?? seen;
}

describe('tsuzuki get waiting to retry', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  for (const [language, env, wanted] of [
    ['English', { LANG: 'en_US.UTF-8' }, /waiting to retry in 10 min \(attempt 2 of 6\): The server had a problem \(503\)\.$/],
    ['Japanese', { LANG: 'ja_JP.UTF-8' }, /10 分後に再試行します（2 \/ 6 回目）: サーバー側で問題が発生しました（503）。$/],
  ] as const) {
    it(`says a ten-minute Retry-After in minutes, in ${language}`, async () => {
      const path = `/busy-${language}.bin`;
      server.serve(path, { body: testBytes(1000, 3), faults: { statuses: [{ status: 503, headers: { 'Retry-After': '600' } }] } });
      const ws = tempWorkspace();
      const line = await lineOf(['get', server.url(path), '--dir', ws.downloads, '--state', ws.state], env, /(retry|再試行).*503/);
      assert.match(line, wanted);
      ws.cleanup();
    });
  }
});
