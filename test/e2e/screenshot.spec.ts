/// <reference lib="dom" />
// The README's screenshot: the window with downloads in several states, taken from the web
// host. `npm run screenshot` writes docs/screenshot.png; a normal test run only checks that
// such a window renders (into test-results/).

import { expect, test } from '@playwright/test';
import path from 'node:path';
import { testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let setup: WebSetup;
test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});

test('the window with downloads in several states', async ({ page }) => {
  const { server, manager } = setup;
  const big = testBytes(8_000_000, 1);
  server.serve('/releases/debian-13.2.0-amd64-netinst.iso', { body: big, faults: { throttleBytesPerSec: 700_000 } });
  server.serve('/datasets/imagenet-val.tar.gz', { body: big, faults: { throttleBytesPerSec: 350_000 } });
  server.serve('/papers/attention-is-all-you-need.pdf', { body: testBytes(2_100_000, 2) });
  server.serve('/video/keynote-2026.mkv', { body: big, faults: { throttleBytesPerSec: 500_000 } });
  server.serve('/signed/backup-2026-11.zip', { body: big, faults: { cutAfterBytes: 2_500_000, statuses: [undefined, { status: 403 }] } });
  server.serve('/music/album.flac', { body: big });
  manager.setSettings({ maxConcurrent: 3 });
  manager.add([server.url('/papers/attention-is-all-you-need.pdf')]);
  manager.add([server.url('/signed/backup-2026-11.zip')]);
  manager.add([server.url('/releases/debian-13.2.0-amd64-netinst.iso'), server.url('/datasets/imagenet-val.tar.gz'), server.url('/video/keynote-2026.mkv')]);
  manager.add([server.url('/music/album.flac')], { paused: true });
  await page.goto(setup.host.url);
  await expect(page.getByRole('listitem', { name: 'backup-2026-11.zip' })).toContainText('Change link', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause keynote-2026.mkv' }).click();
  await expect(page.getByRole('progressbar', { name: 'debian-13.2.0-amd64-netinst.iso progress' })).toHaveAttribute('aria-valuenow', /^[2-9]\d$/, { timeout: 30_000 });
  const file = process.env['UPDATE_SCREENSHOT'] ? path.resolve(import.meta.dirname, '../../docs/screenshot.png') : test.info().outputPath('screenshot.png');
  await page.screenshot({ path: file });
});
