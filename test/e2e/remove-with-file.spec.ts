/// <reference lib="dom" />
// Deleting a downloaded file from the window: the confirmation's default answer is Cancel,
// so an Enter pressed out of habit keeps the file; only the named button deletes it.

import { expect, test } from '@playwright/test';
import fs from 'node:fs';
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

test('Remove with file… asks with Cancel as the default, and deletes only when told', async ({ page }) => {
  setup.server.serve('/keep/thesis.pdf', { body: testBytes(100_000, 5) });
  await page.goto(setup.host.url);
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/keep/thesis.pdf'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.getByRole('listitem', { name: 'thesis.pdf' });
  await expect(row.getByText(/^Done · /)).toBeVisible();
  const file = path.join(setup.ws.downloads, 'thesis.pdf');
  expect(fs.existsSync(file)).toBe(true);

  await row.getByRole('button', { name: 'More actions for thesis.pdf' }).click();
  await page.getByRole('menuitem', { name: 'Remove with file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete thesis.pdf?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeVisible();
  expect(fs.existsSync(file)).toBe(true);

  // Removing from the list only keeps its quick Enter.
  await row.click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Remove thesis.pdf?' }).getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');

  await row.getByRole('button', { name: 'More actions for thesis.pdf' }).click();
  await page.getByRole('menuitem', { name: 'Remove with file…' }).click();
  await dialog.getByRole('button', { name: 'Remove with file' }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(() => fs.existsSync(file)).toBe(false);
});

test('Delete says what happens to the files: partial ones go, finished ones stay', async ({ page }) => {
  setup.server.serve('/keep/slow.iso', { body: testBytes(3_000_000, 6), faults: { throttleBytesPerSec: 200_000 } });
  setup.server.serve('/keep/notes.txt', { body: testBytes(20_000, 7) });
  await page.goto(setup.host.url);
  const { added } = setup.manager.add([setup.server.url('/keep/slow.iso'), setup.server.url('/keep/notes.txt')]);
  const partial = path.join(setup.ws.downloads, 'slow.iso.part');
  const finished = path.join(setup.ws.downloads, 'notes.txt');
  await expect(page.getByRole('listitem', { name: 'notes.txt' }).getByText(/^Done · /)).toBeVisible();
  await expect.poll(() => fs.existsSync(partial)).toBe(true);
  await page.getByRole('button', { name: 'Pause slow.iso' }).click();
  await expect(page.getByRole('button', { name: 'Resume slow.iso' })).toBeVisible();

  await page.getByRole('listitem', { name: 'slow.iso' }).click();
  await page.getByRole('listitem', { name: 'notes.txt' }).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Remove 2 downloads?' });
  await expect(dialog).toContainText('The partial files of unfinished downloads are deleted. Finished files stay on the disk.');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('listitem', { name: 'slow.iso' })).toHaveCount(0);
  await expect.poll(() => setup.manager.list().some((item) => added.includes(item.id))).toBe(false);
  expect(fs.existsSync(partial)).toBe(false);
  expect(fs.existsSync(finished)).toBe(true);
});
