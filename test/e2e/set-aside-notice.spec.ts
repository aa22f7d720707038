/// <reference lib="dom" />
// A saved record the engine could not read when it opened (moved aside as
// `<name>.unreadable-<time>`) is said in the window too, not only on the terminal: a notice
// in the window's language that stays until it is dismissed, and does not come back then.

import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let state: string;
let setup: WebSetup;

test.beforeAll(async () => {
  state = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-set-aside-'));
  // Cut short, as a crash during a write would leave it.
  fs.writeFileSync(path.join(state, 'history.json'), '{\n\t"items": [\n\t\t{ "id": "a", "ur');
  setup = await startWebSetup({ stateDir: state });
});
test.afterAll(async () => {
  await setup?.close();
  fs.rmSync(state, { recursive: true, force: true });
});

const record = () => path.join(state, 'history.json');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('says which record was set aside and where it went, until dismissed', async ({ page }) => {
    await page.goto(setup.host.url);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(notice).toHaveText(
      new RegExp(`^The saved record ${escaped(record())} could not be read: it is not valid JSON \\(a crash or an edit may have cut it short\\)\\. It was moved to ${escaped(record())}\\.unreadable-\\d{8}T\\d{6}Z, and Tsuzuki went on without it; the other downloads are kept\\.`),
    );
    const movedTo = setup.manager.unreadableDocuments[0]!.movedTo!;
    expect(fs.existsSync(movedTo)).toBe(true);
    await expect(notice).toContainText(movedTo);

    // It is not a passing toast: a reload (or a reconnect) still shows it.
    await page.reload();
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
    await expect(page.getByText('Connecting to Tsuzuki…')).toHaveCount(0);
    // A link added now is answered after the window's question about set-aside records (sent
    // first on the same socket, and answered at once): once its row shows, that answer is in.
    setup.server.serve('/after-reload.bin', { body: Buffer.alloc(1000, 7) });
    await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(setup.server.url('/after-reload.bin'));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('listitem', { name: 'after-reload.bin' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('says it in the window\'s language', async ({ page }) => {
    await page.goto(setup.host.url);
    const notice = page.getByRole('alert').filter({ hasText: '読み込めません' });
    await expect(notice).toContainText(`保存されている記録 ${record()} を読み込めません: 正しい JSON ではありません`);
    await expect(notice).toContainText('に移動し、これを使わずに続行しました。');
    await expect(notice.getByRole('button', { name: 'メッセージを閉じる' })).toBeVisible();
  });
});
