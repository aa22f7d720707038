/// <reference lib="dom" />
// A row says so while its progress cannot be recorded: the engine's records on a real small
// disk that fills up while a download runs elsewhere. The download goes on, the warning
// leads the row's status line, and it goes once the disk has room again.

import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { testBytes } from '../support/files.ts';
import { CANNOT_MOUNT, mountSmallDisk, type SmallDisk } from '../support/small-disk.ts';
import { textContrast } from './contrast.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let disk: SmallDisk | undefined;
let setup: WebSetup | undefined;

test.beforeAll(async () => {
  disk = mountSmallDisk(4 * 1024 * 1024);
  if (disk) setup = await startWebSetup({ stateDir: disk.state });
});
test.afterAll(async () => {
  await setup?.close();
  disk?.unmount();
});

test('the row warns while the records cannot be written, and stops once they can', async ({ page }) => {
  test.skip(!disk || !setup, CANNOT_MOUNT);
  const { server, manager, host } = setup!;
  server.serve('/long/film.mkv', { body: testBytes(4_000_000, 41), faults: { throttleBytesPerSec: 500_000 } });
  await page.goto(host.url);
  manager.add([server.url('/long/film.mkv')]);
  const row = page.getByRole('listitem', { name: 'film.mkv' });
  await expect(row).toContainText(/MB of 4 MB/);

  const filler = disk!.fillUp();
  await expect(row.locator('.status')).toHaveText(/^⚠ Progress not saved: The disk is full while writing .+ · /);
  await expect(row.locator('.status')).toHaveClass(/not-saved/);
  // The warning's own colour still reads as text (WCAG AA) on the row.
  expect(await textContrast(row.locator('.status'))).toBeGreaterThanOrEqual(4.5);

  fs.rmSync(filler);
  await expect(row.locator('.status')).not.toContainText('Progress not saved');
  await expect(row).toContainText(/Done · 4 MB/, { timeout: 30_000 });
});
