/// <reference lib="dom" />
// A failed row says what happened and what to do in full: its line wraps, and the row grows
// to hold it, at the window size people use (1100 px) as in a list of 10,000 that stays
// virtualized, with no row drawn over another.

import { expect, test, type Page } from '@playwright/test';
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

/** Paused downloads of links that need not exist (nothing is fetched). */
function paused(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => setup.server.url(`/${prefix}/file-${i}.bin`));
}

/** A site that wants the browser's session: 403, the longest advice there is. */
function gated(name: string): string {
  setup.server.serve(`/gated/${name}`, { body: Buffer.alloc(1000, 1), requireHeaders: { cookie: 'session=1' } });
  return setup.server.url(`/gated/${name}`);
}

/** Every row drawn: none overlaps the next, and no status line is cut (neither across nor down). */
async function rowsAreWhole(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const rows = [...document.querySelectorAll<HTMLElement>('[role="listitem"]')].map((row) => ({ row, box: row.getBoundingClientRect() })).sort((a, b) => a.box.top - b.box.top);
    for (const [i, { row, box }] of rows.entries()) {
      const status = row.querySelector<HTMLElement>('.status')!;
      if (status.scrollWidth > status.clientWidth + 1 || status.scrollHeight > status.clientHeight + 1) found.push(`${row.ariaLabel}: status cut`);
      if (status.getBoundingClientRect().bottom > box.bottom + 0.5) found.push(`${row.ariaLabel}: status below the row`);
      const next = rows[i + 1];
      if (next && next.box.top < box.bottom - 0.5) found.push(`${row.ariaLabel} overlaps ${next.row.ariaLabel}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

test('a failed row shows its whole sentence, what to do included, at 1100 px', async ({ page }) => {
  setup.manager.add(paused('before', 3), { paused: true });
  setup.manager.add([gated('quarterly-report.pdf')]);
  setup.manager.add(paused('after', 3), { paused: true });
  await page.goto(setup.host.url);
  expect(page.viewportSize()!.width).toBe(1100);
  const row = page.getByRole('listitem', { name: 'quarterly-report.pdf' });
  const status = row.locator('.status');
  await expect(status).toHaveText(/^The site refused the download \(403\)\. It may need your browser's session: .* If the link expired, get a fresh one from the site\.$/);
  // More than one line, all of it on screen.
  const { height, lineHeight } = await status.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
  expect(height).toBeGreaterThan(1.5 * lineHeight);
  await rowsAreWhole(page);
  // The rows that did not fail keep their height, and so does a failure said in one line.
  const other = await page.getByRole('listitem', { name: 'file-0.bin' }).first().boundingBox();
  expect(other!.height).toBeLessThanOrEqual(61);
  setup.server.serve('/gone/short.bin', { body: Buffer.alloc(10), faults: { statuses: [{ status: 404 }] } });
  setup.manager.add([setup.server.url('/gone/short.bin')]);
  const short = page.getByRole('listitem', { name: 'short.bin' });
  await expect(short.locator('.status')).toHaveText(/^The server has no file at this link \(404\)\./);
  expect((await short.boundingBox())!.height).toBeLessThanOrEqual(61);

  // The site lets it through now: retried, it is done, one line again, and the row gives the room back.
  setup.server.serve('/gated/quarterly-report.pdf', { body: Buffer.alloc(1000, 1) });
  await row.getByRole('button', { name: 'Retry quarterly-report.pdf' }).click();
  await expect(status).toHaveText(/^Done/);
  await expect.poll(async () => (await row.boundingBox())!.height).toBeLessThanOrEqual(61);
  await rowsAreWhole(page);
});

test('among 10,000 rows the failed ones grow, and the list stays virtualized', async ({ page }) => {
  setup.manager.add(paused('many-a', 20), { paused: true });
  setup.manager.add([gated('first.iso'), gated('second.iso')]);
  setup.manager.add(paused('many-b', 9978), { paused: true });
  setup.manager.add([gated('last.iso')]);
  await page.goto(setup.host.url);
  await expect(page.getByRole('tab', { name: /^All/ })).toHaveText('All 10001');
  await expect(page.getByRole('tab', { name: /^Failed/ })).toHaveText('Failed 3', { timeout: 30_000 });
  const scroller = page.locator('.list-scroller');
  // Scrolled to the failed rows, then to the end: each time only the rows in view exist.
  await scroller.evaluate((el) => (el.scrollTop = 18 * 60));
  await expect(page.getByRole('listitem', { name: 'second.iso' }).locator('.status')).toContainText('If the link expired, get a fresh one from the site.');
  await rowsAreWhole(page);
  expect(await page.getByRole('listitem').count()).toBeLessThan(60);
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.getByRole('listitem', { name: 'last.iso' });
  await expect(last.locator('.status')).toContainText('If the link expired, get a fresh one from the site.');
  // All of it but what sub-pixel layout may hide (the scroller's height need not be whole pixels).
  await expect(last).toBeInViewport({ ratio: 0.99 });
  await rowsAreWhole(page);
  expect(await page.getByRole('listitem').count()).toBeLessThan(60);
});
