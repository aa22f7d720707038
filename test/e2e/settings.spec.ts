/// <reference lib="dom" />
// The Settings form's disk and redirect fields in a real browser over the web host: the space
// kept free (in SI units, as the window shows sizes) and the https → http switch reach the
// engine, and a value out of range is named under its field.

import { expect, test } from '@playwright/test';
import { defaultSettings } from '../../main/engine/settings.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});
test.afterEach(() => {
  const { diskReserveBytes, allowInsecureRedirects, speedLimit } = defaultSettings();
  setup.manager.setSettings({ diskReserveBytes, allowInsecureRedirects, speedLimit, language: 'system' });
});

test('Keep free on disk and the https → http switch are saved to the engine; a bad size is named', async ({ page }) => {
  await page.goto(setup.host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const reserve = dialog.getByRole('spinbutton', { name: 'Keep free on disk' });
  const unit = dialog.getByRole('combobox', { name: 'Keep free on disk unit' });
  const insecure = dialog.getByRole('checkbox', { name: 'Allow https links to redirect to http' });
  // The default, 32 MiB, in the window's SI units.
  await expect(reserve).toHaveValue('33.6');
  await expect(unit).toHaveValue('MB');
  await expect(insecure).not.toBeChecked();

  await reserve.fill('2000');
  await unit.selectOption('GB');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Keep free on disk is a number from 0 to 1,000 GB.');
  await expect(reserve).toHaveAttribute('aria-invalid', 'true');

  await reserve.fill('1.5');
  await insecure.check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  expect(setup.manager.getSettings()).toMatchObject({ diskReserveBytes: 1_500_000_000, allowInsecureRedirects: true });

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(reserve).toHaveValue('1.5');
  await expect(unit).toHaveValue('GB');
  await expect(insecure).toBeChecked();
});

test('a number the browser cannot read is named, not saved as no limit, and the wrong field gets the focus', async ({ page }) => {
  setup.manager.setSettings({ speedLimit: 2_000_000, diskReserveBytes: 1_000_000_000 });
  await page.goto(setup.host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const limit = dialog.getByRole('spinbutton', { name: 'Speed limit' });
  const reserve = dialog.getByRole('spinbutton', { name: 'Keep free on disk' });
  await expect(limit).toHaveValue('2');
  // Half-typed numbers: a number box gives the page an empty value for them.
  await limit.fill('');
  await limit.pressSequentially('1e');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The speed limit is a number, 0 for no limit.');
  await expect(limit).toBeFocused();
  await limit.fill('3');
  await reserve.fill('');
  await reserve.pressSequentially('-');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Keep free on disk is a number from 0 to 1,000 GB.');
  await expect(reserve).toBeFocused();
  expect(setup.manager.getSettings()).toMatchObject({ speedLimit: 2_000_000, diskReserveBytes: 1_000_000_000 });
  await reserve.fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  expect(setup.manager.getSettings()).toMatchObject({ speedLimit: 3_000_000, diskReserveBytes: 2_000_000_000 });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the two fields have their Japanese words', async ({ page }) => {
    await page.goto(setup.host.url);
    await page.getByRole('button', { name: '設定' }).click();
    const dialog = page.getByRole('dialog', { name: '設定' });
    await expect(dialog.getByRole('spinbutton', { name: 'ディスクに残す空き容量' })).toHaveValue('33.6');
    await expect(dialog.getByRole('checkbox', { name: 'https のリンクから http へのリダイレクトを許可する' })).not.toBeChecked();
  });
});
