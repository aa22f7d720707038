/// <reference lib="dom" />
// The list driven from the keyboard alone, as a person who does not use a mouse would: Tab
// onto a row selects it, Space and Delete act on it, and after a row is removed the focus
// (and the selection) stays in the list, on the row that took its place.

import { expect, test, type Page } from '@playwright/test';
import { testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});
test.afterEach(async () => {
  await setup.manager.remove(setup.manager.list().map((item) => item.id), false);
});

/** Adds paused downloads `<prefix>-0.bin` … and opens the window on them. */
async function openWithPaused(page: Page, prefix: string, count: number) {
  const urls = Array.from({ length: count }, (_, i) => {
    setup.server.serve(`/keys/${prefix}-${i}.bin`, { body: testBytes(2_000_000, i + 1), faults: { throttleBytesPerSec: 100_000 } });
    return setup.server.url(`/keys/${prefix}-${i}.bin`);
  });
  setup.manager.add(urls, { paused: true });
  await page.goto(setup.host.url);
  await expect(page.getByRole('listitem')).toHaveCount(count);
}

/** Tabs from the add box until a row has the focus (a bounded number of presses). */
async function tabToList(page: Page) {
  await page.getByRole('textbox', { name: 'Paste or drop links' }).focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'listitem')) return;
  }
  throw new Error('Tab never reached the list');
}

test('Space and Delete act on the row Tab reached, and the focus moves to the next row when it goes', async ({ page }) => {
  await openWithPaused(page, 'tab', 3);
  await tabToList(page);
  const first = page.getByRole('listitem', { name: 'tab-0.bin' });
  await expect(first).toBeFocused();
  await expect(first).toContainText(', selected');
  await page.keyboard.press(' ');
  await expect(first.getByRole('button', { name: 'Pause tab-0.bin' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(first.getByRole('button', { name: 'Resume tab-0.bin' })).toBeVisible();

  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Remove tab-0.bin?' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(first).toHaveCount(0);
  const second = page.getByRole('listitem', { name: 'tab-1.bin' });
  await expect(second).toBeFocused();
  await expect(second).toContainText(', selected');
  // The keys go on with the row that now has the focus.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Remove tab-1.bin?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const third = page.getByRole('listitem', { name: 'tab-2.bin' });
  await expect(third).toBeFocused();
  // A row unselected with Ctrl-click keeps the focus, but nothing is selected: Space and Delete leave it alone.
  await third.click({ modifiers: ['Control'] });
  await expect(page.locator('.row.selected')).toHaveCount(0);
  await page.keyboard.press(' ');
  await page.keyboard.press('Delete');
  // A link added after the keys: once its row shows, whatever the keys sent has been done.
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/keys/after-the-keys.bin'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: 'after-the-keys.bin' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(setup.manager.list().find((item) => item.name === 'tab-2.bin')?.state).toBe('paused');
});

test('removing the last row from its menu leaves the focus on the row above it', async ({ page }) => {
  await openWithPaused(page, 'menu', 3);
  const last = page.getByRole('listitem', { name: 'menu-2.bin' });
  await last.click();
  await last.getByRole('button', { name: 'More actions for menu-2.bin' }).press('Enter');
  await page.getByRole('menuitem', { name: 'Remove', exact: true }).press('Enter');
  await expect(last).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'menu-1.bin' })).toBeFocused();
});

test('a row that leaves the tab shown (paused from Active) hands the focus to its neighbour', async ({ page }) => {
  await openWithPaused(page, 'active', 3);
  await page.getByRole('button', { name: 'Resume all downloads' }).click();
  await page.getByRole('tab', { name: /^Active/ }).click();
  await expect(page.getByRole('listitem')).toHaveCount(3);
  const first = page.getByRole('listitem', { name: 'active-0.bin' });
  await first.click();
  await page.keyboard.press(' ');
  await expect(first).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'active-1.bin' })).toBeFocused();
  await page.getByRole('button', { name: 'Pause all downloads' }).click();
});

test("a row's Cancel button, gone once pressed, leaves the focus on its row", async ({ page }) => {
  await openWithPaused(page, 'cancel', 2);
  const row = page.getByRole('listitem', { name: 'cancel-0.bin' });
  await row.getByRole('button', { name: 'Resume cancel-0.bin' }).click();
  await row.getByRole('button', { name: 'Cancel cancel-0.bin' }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Canceled');
  await expect(row.getByRole('button', { name: 'Cancel cancel-0.bin' })).toHaveCount(0);
  await expect(row).toBeFocused();
  // From there the keys go on: Tab reaches the row's own buttons again.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Retry cancel-0.bin' })).toBeFocused();
});

test('removing every row leaves the focus on the empty list, where the keys still work', async ({ page }) => {
  await openWithPaused(page, 'all', 2);
  await page.getByRole('listitem', { name: 'all-0.bin' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Remove 2 downloads?' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('listitem')).toHaveCount(0);
  const empty = page.getByRole('region', { name: /^All/ });
  await expect(empty).toBeFocused();
  await expect(empty).toContainText('Drop links here or paste them above.');
  // Shift+Tab goes back up to the tabs, as it would from a row.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('tab', { name: /^All/ })).toBeFocused();
});

test('removing the last row of a tab from its menu leaves the focus on that tab\'s empty list', async ({ page }) => {
  await openWithPaused(page, 'only', 2);
  // The other one leaves the Paused tab, so that tab empties while the list does not.
  setup.manager.cancel([setup.manager.list().find((item) => item.name === 'only-1.bin')!.id]);
  await page.getByRole('tab', { name: /^Paused/ }).click();
  await expect(page.getByRole('listitem')).toHaveCount(1);
  const row = page.getByRole('listitem', { name: 'only-0.bin' });
  await row.click();
  await row.getByRole('button', { name: 'More actions for only-0.bin' }).press('Enter');
  await page.getByRole('menuitem', { name: 'Remove', exact: true }).press('Enter');
  await expect(row).toHaveCount(0);
  const empty = page.getByRole('region', { name: /^Paused/ });
  await expect(empty).toBeFocused();
  await expect(empty).toContainText('No paused downloads.');
});
