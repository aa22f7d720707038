/// <reference lib="dom" />
// The free space in the summary follows the disk without waiting for its 15 s poll: it is
// asked again when the download folder changes and when a download finishes. A small real
// disk (tmpfs) holds the folder, so only these downloads move its free space.

import { expect, test } from '@playwright/test';
import { formatBytes } from '../../i18n/index.ts';
import { testBytes } from '../support/files.ts';
import { CANNOT_MOUNT, mountSmallDisk, type SmallDisk } from '../support/small-disk.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let disk: SmallDisk | undefined;
let setup: WebSetup;

test.beforeAll(async () => {
  disk = mountSmallDisk(64 * 1024 * 1024);
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
  disk?.unmount();
});

/** What the summary should say now, from the engine's own reading of the disk. */
async function freeText(): Promise<string> {
  return `${formatBytes((await setup.manager.freeBytes())!, 'en')} free`;
}

test('the free space is asked again when the folder changes and when a download finishes', async ({ page }) => {
  test.skip(!disk, CANNOT_MOUNT);
  await page.goto(setup.host.url);
  const free = page.locator('.summary .free');
  await expect(free).toHaveText(await freeText());
  // Everything below happens well within the 15 s poll, so the poll cannot be what shows it.
  const deadline = { timeout: 5000 };

  setup.manager.setSettings({ dir: disk!.downloads });
  await expect(free).toHaveText(await freeText(), deadline);
  await expect(free).toHaveText('67.1 MB free', deadline);

  setup.server.serve('/disk/eight.bin', { body: testBytes(8_000_000, 12) });
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/disk/eight.bin'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('listitem', { name: 'eight.bin' })).toContainText('Done', deadline);
  await expect(free).toHaveText(await freeText(), deadline);
  await expect(free).toHaveText('59.1 MB free', deadline);
});
