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
