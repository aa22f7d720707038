// Counts in the window's sentences are numbers for people: 1,200 selected, in the language's
// grouping. The tabs' counts are badges of bare digits, which scripts read as the number.

import { expect, test } from '@playwright/test';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});

test('the selection groups its count; the tabs keep bare digits', async ({ page }) => {
  // Paused, so nothing is fetched: the links need not exist.
  setup.manager.add(Array.from({ length: 1200 }, (_, i) => setup.server.url(`/many/file-${i}.bin`)), { paused: true });
  await page.goto(setup.host.url);
  await expect(page.getByRole('tab', { name: /^All/ })).toHaveText('All 1200');
  await expect(page.getByRole('tab', { name: /^Paused/ })).toHaveText('Paused 1200');
  await page.getByRole('listitem').first().click();
  await page.keyboard.press('Control+A');
  await expect(page.getByText(/^1,200 selected/)).toBeVisible();
});
