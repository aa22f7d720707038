/// <reference lib="dom" />
// The window speaks the browser's language (Japanese or English), and the language chosen in
// Settings replaces it at once, without a reload, and is remembered.

import { expect, test, type Page } from '@playwright/test';
import { testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

const body = testBytes(200_000, 31);
let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
  setup.server.serve('/gone/old.zip', { body, faults: { statuses: [{ status: 404 }] } });
  setup.server.serve('/gone/lost.zip', { body, faults: { statuses: [{ status: 404 }] } });
});
test.afterAll(async () => {
  await setup?.close();
});
test.beforeEach(() => {
  setup.manager.setSettings({ language: 'system' });
});

async function chooseLanguage(page: Page, settingsButton: string, label: RegExp, option: string) {
  await page.getByRole('button', { name: settingsButton }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label).selectOption(option);
  return dialog;
}

test.describe('a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('gets Japanese in the add box, buttons, tabs and a failed row', async ({ page }) => {
    await page.goto(setup.host.url);
    const box = page.getByRole('textbox', { name: 'リンクを貼り付けるかドロップ' });
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute('placeholder', 'リンクを貼り付けるか、ここにドロップ（複数可）');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('button', { name: 'すべてのダウンロードを一時停止' })).toHaveText('すべて一時停止');
    await expect(page.getByRole('button', { name: '設定' })).toBeVisible();
    for (const tab of ['すべて', 'ダウンロード中', '待機中', '一時停止', '完了', '失敗']) await expect(page.getByRole('tab', { name: new RegExp(`^${tab} `) })).toBeVisible();
    await expect(page.getByText('ここにリンクをドロップするか、上の欄に貼り付けてください。')).toBeVisible();

    await box.fill(setup.server.url('/gone/old.zip'));
    await page.getByRole('button', { name: '追加', exact: true }).click();
    const row = page.getByRole('listitem', { name: 'old.zip' });
    await expect(row).toContainText('このリンクのファイルはサーバーにありません（404）。');
    // Nothing was downloaded: the advice is to check the link, with no promise of kept bytes.
    await expect(row).toContainText('リンクを確認して、もう一度お試しください。');
    await expect(row).not.toContainText('そのまま使えます');
    await expect(row.getByRole('button', { name: 'old.zip を再試行' })).toBeVisible();
    await expect(row.getByRole('progressbar', { name: 'old.zip の進行状況' })).toHaveAttribute('aria-valuetext', /失敗$/);
    await page.getByRole('tab', { name: /^失敗 / }).click();
    await expect(row).toBeVisible();
    // No English left in what is shown or announced (file names, hosts and units aside).
    const words = await page.evaluate((folder) => {
      const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]')].flatMap((element) =>
        ['aria-label', 'title', 'placeholder', 'aria-valuetext'].map((name) => element.getAttribute(name) ?? ''),
      );
      return [document.body.innerText, ...labels].join('\n').split(folder).join('').replace(/old\.zip|127\.0\.0\.1:\d+|Tsuzuki|[kMG]?B(\/s)?\b|ZIP/g, '');
    }, setup.ws.downloads);
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
    await row.getByRole('button', { name: 'old.zip のその他の操作' }).click();
    await expect(page.getByRole('menuitem', { name: 'リンクを変更…' })).toBeVisible();
    expect(await page.getByRole('menu').innerText()).not.toMatch(/[A-Za-z]{3,}/);
    await page.keyboard.press('Escape');
    // A link that is not one is refused in Japanese too; the link itself stays as typed.
    await box.fill('ftp://example.com/file.bin');
    await page.getByRole('button', { name: '追加', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('「ftp://example.com/file.bin」は ftp: のリンクのため、ダウンロードできません。');
  });

  test('switches to English at once from Settings, remembers it, and back to the system language', async ({ page }) => {
    await page.goto(setup.host.url);
    await expect(page.getByRole('tab', { name: /^すべて / })).toBeVisible();
    const dialog = await chooseLanguage(page, '設定', /言語/, 'en');
    // At once, without a reload: the dialog and the window behind it.
    await expect(dialog.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(dialog.getByLabel('Language')).toHaveValue('en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('tab', { name: /^All / })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(() => setup.manager.getSettings().language).toBe('en');

    await page.reload();
    await expect(page.getByRole('tab', { name: /^All / })).toBeVisible();

    const again = await chooseLanguage(page, 'Settings', /Language/, 'system');
    await expect(again.getByRole('heading', { name: '設定' })).toBeVisible();
    await expect(again.getByLabel(/言語/).locator('option:checked')).toHaveText('システムの設定に従う');
    await again.getByRole('button', { name: 'キャンセル' }).click();
    await expect(page.getByRole('tab', { name: /^すべて / })).toBeVisible();
  });
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('gets English, and Japanese at once when chosen', async ({ page }) => {
    await page.goto(setup.host.url);
    await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toHaveAttribute('placeholder', 'Paste or drop links — one or many');
    await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Failed / })).toBeVisible();
    await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/gone/lost.zip'));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const row = page.getByRole('listitem', { name: 'lost.zip' });
    await expect(row).toContainText('The server has no file at this link (404). Check the link and try again.');
    await expect(row.getByRole('button', { name: 'Retry lost.zip' })).toBeVisible();

    const dialog = await chooseLanguage(page, 'Settings', /Language/, 'ja');
    await expect(dialog.getByRole('heading', { name: '設定' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: '保存' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tab', { name: /^失敗 / })).toBeVisible();
    await expect(row).toContainText('このリンクのファイルはサーバーにありません（404）。');
    await expect(row.getByRole('button', { name: 'lost.zip を再試行' })).toBeVisible();
  });
});
