/// <reference lib="dom" />
// Pasting a careless block of text into the add box: links Tsuzuki cannot download (ftp://,
// magnet:, file://, a broken http link) and links written twice are named in the
// confirmation, never dropped without a word.

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

async function pasteIntoAddBox(page: Page, text: string) {
  await page.goto(setup.host.url);
  const box = page.getByRole('textbox', { name: 'Paste or drop links' });
  await box.focus();
  await page.evaluate((pasted) => {
    const event = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
    event.clipboardData!.setData('text/plain', pasted);
    document.activeElement!.dispatchEvent(event);
  }, text);
}

test('a block with other kinds of links and repeats says what it leaves out', async ({ page }) => {
  setup.server.serve('/block/a.bin', { body: testBytes(40_000, 1) });
  setup.server.serve('/block/b.bin', { body: testBytes(40_000, 2) });
  const a = setup.server.url('/block/a.bin');
  const b = setup.server.url('/block/b.bin');
  await pasteIntoAddBox(page, `get ${a} and ${a} again,\nftp://mirror.example/disk.iso magnet:?xt=urn:btih:abc file:///etc/passwd\n${b} http://[broken/`);
  const dialog = page.getByRole('dialog', { name: 'Download 2 links?' });
  await expect(dialog.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveText([a, b]);
  await expect(dialog).toContainText('4 links are left out: Tsuzuki downloads http:// and https:// links only.');
  await expect(dialog.getByRole('list', { name: 'Left out' }).getByRole('listitem')).toHaveText(['ftp://mirror.example/disk.iso', 'magnet:?xt=urn:btih:abc', 'file:///etc/passwd', 'http://[broken/']);
  await expect(dialog).toContainText('1 link is there more than once: it is downloaded once.');
  await dialog.getByRole('button', { name: 'Download 2 links' }).click();
  await expect(page.getByRole('listitem', { name: 'a.bin' }).getByText(/^Done · /)).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'b.bin' }).getByText(/^Done · /)).toBeVisible();
  expect(setup.manager.list().filter((item) => item.url === a)).toHaveLength(1);
});

test('one link pasted with an ftp link asks first, naming the one left out', async ({ page }) => {
  setup.server.serve('/block/c.bin', { body: testBytes(40_000, 3) });
  const c = setup.server.url('/block/c.bin');
  await pasteIntoAddBox(page, `ftp://mirror.example/old.iso\n${c}\n`);
  const dialog = page.getByRole('dialog', { name: 'Download 1 link?' });
  await expect(dialog.getByRole('list', { name: 'Left out' }).getByRole('listitem')).toHaveText(['ftp://mirror.example/old.iso']);
  await dialog.getByRole('button', { name: 'Download 1 link' }).click();
  await expect(page.getByRole('listitem', { name: 'c.bin' }).getByText(/^Done · /)).toBeVisible();
});

test('dropped text names what it leaves out too', async ({ page }) => {
  setup.server.serve('/block/d.bin', { body: testBytes(40_000, 4) });
  const d = setup.server.url('/block/d.bin');
  await page.goto(setup.host.url);
  await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    return data;
  }, `mirrors: ${d} or sftp://files.example/d.bin`);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop to download 1 link')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Download 1 link?' });
  await expect(dialog.getByRole('list', { name: 'Left out' }).getByRole('listitem')).toHaveText(['sftp://files.example/d.bin']);
  await dialog.getByRole('button', { name: 'Download 1 link' }).click();
  await expect(page.getByRole('listitem', { name: 'd.bin' }).getByText(/^Done · /)).toBeVisible();
});
