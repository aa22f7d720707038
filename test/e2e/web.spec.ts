/// <reference lib="dom" />
// The real window in a real browser, driven as a person would: by role and name.

import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { sha256, testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

const body = testBytes(3_000_000, 77);
let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});

async function open(page: Page) {
  await page.goto(setup.host.url);
  await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
  await expect(page.getByText('Connecting to Tsuzuki…')).toHaveCount(0);
}

async function addByTyping(page: Page, url: string) {
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(url);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

async function drop(page: Page, type: string, data: string) {
  const transfer = await page.evaluateHandle(([t, d]) => {
    const dt = new DataTransfer();
    dt.setData(t!, d!);
    return dt;
  }, [type, data]);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText(/^Drop to download/)).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('a request without the token is refused', async ({ request }) => {
  const origin = new URL(setup.host.url).origin;
  const response = await request.get(`${origin}/`);
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain('tsuzuki serve');
});

test('shows the empty state to a new user, with nothing blocked by the CSP and no page errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await open(page);
  await expect(page.getByText('Drop links here or paste them above.')).toBeVisible();
  // The token left the address bar for an HttpOnly cookie the page cannot read.
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(problems).toEqual([]);
});

test('add by typing: progress advances, pause stops the bytes, resume completes byte-identical', async ({ page }) => {
  setup.server.serve('/files/report.pdf', { body, faults: { throttleBytesPerSec: 600_000 } });
  await open(page);
  await addByTyping(page, setup.server.url('/files/report.pdf'));
  const bar = page.getByRole('progressbar', { name: 'report.pdf progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', /^([1-9]\d?)$/);
  await page.getByRole('button', { name: 'Pause report.pdf' }).click();
  await expect(page.getByRole('button', { name: 'Resume report.pdf' })).toBeVisible();
  const partial = path.join(setup.ws.downloads, 'report.pdf.part');
  const requestsAtPause = setup.server.requestsFor('/files/report.pdf').length;
  // The row says paused at once; the bytes already received are still written as the
  // download stops, and only then is nothing running.
  await setup.manager.whenIdle();
  const sizeAtPause = fs.statSync(partial).size;
  expect(sizeAtPause).toBeGreaterThan(0);
  await page.waitForTimeout(700); // Silence is the point: no byte may arrive while paused.
  expect(fs.statSync(partial).size).toBe(sizeAtPause);
  expect(setup.server.requestsFor('/files/report.pdf').length).toBe(requestsAtPause);
  await page.getByRole('button', { name: 'Resume report.pdf' }).click();
  await expect(page.getByRole('listitem', { name: 'report.pdf' }).getByText(/^Done · /)).toBeVisible({ timeout: 30_000 });
  expect(sha256(path.join(setup.ws.downloads, 'report.pdf'))).toBe(sha256(body));
  expect(setup.server.requestsFor('/files/report.pdf').at(-1)!.headers.range).toMatch(/^bytes=[1-9]\d*-$/);
});

test('drop a link from a browser (text/uri-list) and a block of text with several links', async ({ page }) => {
  setup.server.serve('/drop/one.iso', { body: testBytes(200_000, 1) });
  setup.server.serve('/drop/two.zip', { body: testBytes(200_000, 2) });
  setup.server.serve('/drop/three.tar.gz', { body: testBytes(200_000, 3) });
  await open(page);
  await drop(page, 'text/uri-list', `# a comment\n${setup.server.url('/drop/one.iso')}\n`);
  await expect(page.getByRole('listitem', { name: 'one.iso' })).toBeVisible();
  await drop(page, 'text/plain', `grab ${setup.server.url('/drop/two.zip')} and also (${setup.server.url('/drop/three.tar.gz')}).`);
  await expect(page.getByRole('dialog', { name: 'Download 2 links?' })).toBeVisible();
  await page.getByRole('button', { name: 'Download 2 links' }).click();
  await expect(page.getByRole('listitem', { name: 'two.zip' }).getByText(/^Done · /)).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'three.tar.gz' }).getByText(/^Done · /)).toBeVisible();
  expect(sha256(path.join(setup.ws.downloads, 'three.tar.gz'))).toBe(sha256(testBytes(200_000, 3)));
});

test('a drop with no link says so and adds nothing', async ({ page }) => {
  await open(page);
  const before = await setup.manager.list().length;
  await drop(page, 'text/plain', 'just some words, no links here');
  await expect(page.getByRole('status').getByText(/No link in/)).toBeVisible();
  expect(setup.manager.list().length).toBe(before);
});

test('pasting a block of text finds every link and asks before starting', async ({ page }) => {
  setup.server.serve('/paste/a.bin', { body: testBytes(50_000, 4) });
  setup.server.serve('/paste/b.bin', { body: testBytes(50_000, 5) });
  await open(page);
  await page.getByRole('textbox', { name: 'Paste or drop links' }).focus();
  await page.evaluate((text) => {
    const event = new ClipboardEvent('paste', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
    event.clipboardData!.setData('text/plain', text);
    document.activeElement!.dispatchEvent(event);
  }, `links:\n${setup.server.url('/paste/a.bin')}\n${setup.server.url('/paste/b.bin')}\n`);
  const dialog = page.getByRole('dialog', { name: 'Download 2 links?' });
  await expect(dialog).toContainText('/paste/a.bin');
  await dialog.getByRole('button', { name: 'Download 2 links' }).click();
  await expect(page.getByRole('listitem', { name: 'b.bin' }).getByText(/^Done · /)).toBeVisible();
});

test('cancel deletes the partial file', async ({ page }) => {
  setup.server.serve('/cancel/movie.mkv', { body, faults: { throttleBytesPerSec: 300_000 } });
  await open(page);
  await addByTyping(page, setup.server.url('/cancel/movie.mkv'));
  const partial = path.join(setup.ws.downloads, 'movie.mkv.part');
  await expect.poll(() => fs.existsSync(partial)).toBe(true);
  await page.getByRole('button', { name: 'Cancel movie.mkv' }).click();
  await expect(page.getByRole('listitem', { name: 'movie.mkv' }).getByText(/Canceled/)).toBeVisible();
  expect(fs.existsSync(partial)).toBe(false);
});

test('a bad link gets a clear message', async ({ page }) => {
  await open(page);
  await addByTyping(page, 'ftp://example.com/file.bin');
  await expect(page.getByRole('alert')).toContainText('Only http:// and https:// links are supported');
  await addByTyping(page, 'http://');
  await expect(page.getByRole('alert').last()).toContainText('is not a valid link');
});

test("a row's menu acts on the item as it is now, not as it was when the menu last drew", async ({ page }) => {
  // The first 1,200,000 bytes come at once, then the server goes silent: the row keeps
  // "downloading" (the menu's inputs do not change) while its bytes moved on from 0.
  setup.server.serve('/files/stalls.iso', { body, faults: { stallAfterBytes: 1_200_000, stallTimes: 1 } });
  await open(page);
  await addByTyping(page, setup.server.url('/files/stalls.iso'));
  const row = page.getByRole('listitem', { name: 'stalls.iso' });
  await expect(page.getByRole('progressbar', { name: 'stalls.iso progress' })).toHaveAttribute('aria-valuenow', '40');
  await row.getByRole('button', { name: 'More actions for stalls.iso' }).click();
  await page.getByRole('menuitem', { name: 'Change link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change link for stalls.iso' });
  await expect(dialog).toContainText('The 1.2 MB already downloaded stay');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel stalls.iso' }).click();
});

test("a row's tooltip gains what happened while it runs, and its buttons act on the item as it is now", async ({ page }) => {
  // Cut once by a server that cannot continue: the download restarts and stays running
  // (throttled), with that noted in its history.
  setup.server.serve('/files/restarts.iso', { body, faults: { cutAfterBytes: 400_000, cutTimes: 1, ignoreRange: true, throttleBytesPerSec: 300_000 } });
  await open(page);
  await addByTyping(page, setup.server.url('/files/restarts.iso'));
  const row = page.getByRole('listitem', { name: 'restarts.iso' });
  const status = row.locator('.status');
  await expect(status).toHaveAttribute('title', /(The connection was lost \(.+\)\.|The server stopped sending before the file was complete\.) The server cannot continue a download, so it restarted from the start/, { timeout: 20_000 });
  await expect(status).toHaveAttribute('title', /^[^\n]*MB of 3 MB/);
  // The buttons are memoized on the name and state: drawn before the bytes moved on, they still act.
  const bar = row.getByRole('progressbar', { name: 'restarts.iso progress' });
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ percent, [\d.]+ [kM]B of 3 MB$/);
  const words = await bar.getAttribute('aria-valuetext');
  // The words for screen readers move on with the bytes (they are kept only while what they show stays).
  await expect(bar).not.toHaveAttribute('aria-valuetext', words!, { timeout: 10_000 });
  await row.getByRole('button', { name: 'Pause restarts.iso' }).click();
  await expect(row.getByRole('button', { name: 'Resume restarts.iso' })).toBeVisible();
  await expect(status).toContainText('Paused');
  await expect(bar).toHaveAttribute('aria-valuetext', /, paused$/);
  await page.getByRole('button', { name: 'Cancel restarts.iso' }).click();
});

test('a failed download says what happened in plain words', async ({ page }) => {
  setup.server.serve('/gone/old.zip', { body, faults: { statuses: [{ status: 404 }] } });
  await open(page);
  await addByTyping(page, setup.server.url('/gone/old.zip'));
  await expect(page.getByRole('listitem', { name: 'old.zip' })).toContainText('The server has no file at this link (404)');
  await expect(page.getByRole('button', { name: 'Retry old.zip' })).toBeVisible();
});

test('a reload shows the same items, and so does a restart of the host', async ({ page }) => {
  await open(page);
  const names = setup.manager.list().map((item) => item.name);
  expect(names.length).toBeGreaterThan(2);
  await page.reload();
  for (const name of names) await expect(page.getByRole('listitem', { name, exact: true }).first()).toBeAttached();
  await setup.restartHost();
  await open(page);
  await expect(page.getByRole('listitem', { name: 'report.pdf' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /All/ })).toContainText(String(names.length));
});

test('2,000 items stay usable: counted, virtualized, scrollable', async ({ page }) => {
  const urls = Array.from({ length: 2000 }, (_, i) => setup.server.url(`/many/file-${i}.bin`));
  setup.manager.add(urls, { paused: true });
  await open(page);
  await expect(page.getByRole('tab', { name: /Paused/ })).toContainText('2000');
  const rendered = await page.getByRole('listitem').count();
  expect(rendered).toBeLessThan(100);
  await page.getByRole('tab', { name: /Paused/ }).click();
  await page.locator('.list-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(page.getByRole('listitem', { name: 'file-1999.bin' })).toBeVisible();
  await page.getByRole('listitem', { name: 'file-1999.bin' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('tab', { name: /Paused/ })).toContainText('0');
});
