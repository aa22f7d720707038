/// <reference lib="dom" />
// "Change link…" gives a download a new address and leaves what it was doing alone: a paused
// or canceled download stays so (nothing is fetched until the person resumes or retries it),
// while a failed one, whose failure the new link answers, goes on from the bytes it has.

import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { sha256, testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

const body = testBytes(1_500_000, 41);
let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});

async function changeLink(page: Page, name: string, url: string, says: RegExp) {
  const row = page.getByRole('listitem', { name });
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Change link…' }).click();
  const dialog = page.getByRole('dialog', { name: `Change link for ${name}` });
  await expect(dialog).toHaveAccessibleDescription(says);
  await dialog.getByRole('textbox', { name: 'New link' }).fill(url);
  await dialog.getByRole('button', { name: 'Change link' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a paused download given a new link stays paused, and fetches nothing until resumed', async ({ page }) => {
  setup.server.serve('/old/paused.bin', { body });
  setup.server.serve('/new/paused.bin', { body });
  setup.manager.add([setup.server.url('/old/paused.bin')], { paused: true });
  await page.goto(setup.host.url);
  const row = page.getByRole('listitem', { name: 'paused.bin' });
  await expect(row.getByRole('button', { name: 'Resume paused.bin' })).toBeVisible();

  await changeLink(page, 'paused.bin', setup.server.url('/new/paused.bin'), /^It stays paused; when you resume it, it downloads from the new link\.$/);
  // The history line is written by the same change: once the tooltip names it, the state is final.
  await expect(row.locator('.status')).toHaveAttribute('title', /Link changed/);
  await expect(row.getByRole('button', { name: 'Resume paused.bin' })).toBeVisible();
  const item = setup.manager.list().find((one) => one.name === 'paused.bin')!;
  expect(item.state).toBe('paused');
  expect(item.url).toBe(setup.server.url('/new/paused.bin'));
  expect(setup.server.requestsFor('/new/paused.bin')).toHaveLength(0);

  await row.getByRole('button', { name: 'Resume paused.bin' }).click();
  await expect(row).toContainText('Done');
  expect(sha256(fs.readFileSync(path.join(setup.ws.downloads, 'paused.bin')))).toBe(sha256(body));
  expect(setup.server.requestsFor('/old/paused.bin')).toHaveLength(0);
});

test('a canceled download given a new link stays canceled, until Retry starts it from there', async ({ page }) => {
  setup.server.serve('/new/canceled.bin', { body });
  const { added } = setup.manager.add([setup.server.url('/old/canceled.bin')], { paused: true });
  setup.manager.cancel(added);
  await page.goto(setup.host.url);
  const row = page.getByRole('listitem', { name: 'canceled.bin' });
  await expect(row.getByRole('button', { name: 'Retry canceled.bin' })).toBeVisible();

  await changeLink(page, 'canceled.bin', setup.server.url('/new/canceled.bin'), /^It stays canceled; Retry downloads it from the new link\.$/);
  await expect(row.locator('.status')).toHaveAttribute('title', /Link changed/);
  expect(setup.manager.get(added[0]!)!.state).toBe('canceled');
  expect(setup.server.requestsFor('/new/canceled.bin')).toHaveLength(0);

  await row.getByRole('button', { name: 'Retry canceled.bin' }).click();
  await expect(row).toContainText('Done');
  expect(sha256(fs.readFileSync(path.join(setup.ws.downloads, 'canceled.bin')))).toBe(sha256(body));
});

test('a failed download given a new link goes on with it, keeping its bytes', async ({ page }) => {
  // The old link serves a part and then expires (403 to the resume).
  setup.server.serve('/old/failed.bin', { body, faults: { cutAfterBytes: 600_000, statuses: [undefined, { status: 403 }, { status: 403 }, { status: 403 }, { status: 403 }, { status: 403 }, { status: 403 }] } });
  setup.server.serve('/new/failed.bin', { body });
  await page.goto(setup.host.url);
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/old/failed.bin'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.getByRole('listitem', { name: 'failed.bin' });
  await expect(row.getByRole('button', { name: 'Retry failed.bin' })).toBeVisible({ timeout: 30_000 });

  await changeLink(page, 'failed.bin', setup.server.url('/new/failed.bin'), /^The 600 kB already downloaded stay if the new link serves the same file/);
  await expect(row).toContainText('Done', { timeout: 30_000 });
  expect(sha256(fs.readFileSync(path.join(setup.ws.downloads, 'failed.bin')))).toBe(sha256(body));
  // It went on from where it stopped: the new link was asked only for the rest.
  const asked = setup.server.requestsFor('/new/failed.bin');
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.every((request) => (request.headers['range'] ?? '').startsWith('bytes=') && !request.headers['range']!.startsWith('bytes=0-'))).toBe(true);
});
