/// <reference lib="dom" />
// `tsuzuki serve` stopped and started again on the same state folder and port, with the
// window left open in the browser: the banner says the connection is lost, and once the host
// is back the window picks up by itself, without a reload or a new link.

import { expect, test } from '@playwright/test';
import net from 'node:net';
import { startCli, type CliRun } from '../cli/run-cli.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';

/** A port the system has just given out (bound to 0), for the two starts to share. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts `tsuzuki serve`; resolves to the link it prints. */
function serve(runs: CliRun[], port: number, ws: ReturnType<typeof tempWorkspace>): Promise<string> {
  const run = startCli(['serve', '--port', String(port), '--dir', ws.downloads, '--state', ws.state]);
  runs.push(run);
  let seen = '';
  const link = new Promise<string>((resolve) =>
    run.child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk;
      const match = /Open (http:\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    }),
  );
  return withTimeout(link, 15_000, 'tsuzuki serve printed no link');
}

let server: FaultServer;
let ws: ReturnType<typeof tempWorkspace>;
const runs: CliRun[] = [];

test.beforeAll(async () => {
  server = await startFaultServer();
  ws = tempWorkspace('tsuzuki-reconnect-');
});
test.afterAll(async () => {
  for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  await Promise.all(runs.map((run) => run.result));
  await server?.close();
  ws?.cleanup();
});

test('the window reconnects by itself when tsuzuki serve starts again on the same state', async ({ page }) => {
  server.serve('/again/big.bin', { body: testBytes(3_000_000, 9), faults: { throttleBytesPerSec: 200_000 } });
  const port = await freePort();
  const firstLink = await serve(runs, port, ws);
  await page.goto(firstLink);
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(server.url('/again/big.bin'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'big.bin progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]/);

  runs[0]!.child.kill('SIGTERM');
  await runs[0]!.result;
  await expect(page.getByRole('status').filter({ hasText: 'Connection lost. Reconnecting…' })).toBeVisible();

  const secondLink = await serve(runs, port, ws);
  expect(secondLink, 'the same link works after a restart').toBe(firstLink);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0, { timeout: 20_000 });
  // The list is live again: the download carries on, and the buttons reach the engine.
  const row = page.getByRole('listitem', { name: 'big.bin' });
  await row.getByRole('button', { name: 'Pause big.bin' }).click();
  await expect(row.getByRole('button', { name: 'Resume big.bin' })).toBeVisible();
  await expect(row).toContainText('Paused');
});
