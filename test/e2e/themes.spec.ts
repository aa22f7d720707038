/// <reference lib="dom" />
// The window in the system's light and dark themes: every line of a row, in every state and
// when selected, is readable (WCAG AA, 4.5:1 for text of this size).

import { expect, test } from '@playwright/test';
import { testBytes } from '../support/files.ts';
import { textContrast } from './contrast.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
  const { server, manager } = setup;
  server.serve('/themes/done.iso', { body: testBytes(50_000, 1) });
  server.serve('/themes/gone.zip', { body: testBytes(50_000, 2), faults: { statuses: [{ status: 404 }] } });
  server.serve('/themes/later.mkv', { body: testBytes(50_000, 3) });
  manager.add([server.url('/themes/done.iso'), server.url('/themes/gone.zip')]);
  manager.add([server.url('/themes/later.mkv')], { paused: true });
});
test.afterAll(async () => {
  await setup?.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`rows are readable in the ${colorScheme} theme, selected or not`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(setup.host.url);
    await expect(page.getByRole('listitem', { name: 'done.iso' })).toContainText('Done');
    await expect(page.getByRole('listitem', { name: 'gone.zip' })).toContainText('404');
    const rows = ['done.iso', 'gone.zip', 'later.mkv'].map((name) => page.getByRole('listitem', { name }));
    const measure = async (when: string) => {
      for (const row of rows) {
        for (const part of [row.locator('.name-head'), row.locator('.host'), row.locator('.status')]) {
          const ratio = await textContrast(part);
          expect(ratio, `${await row.getAttribute('aria-label')} ${await part.getAttribute('class')}, ${when}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    };
    await measure('not selected');
    await rows[0]!.click();
    await page.keyboard.press('Control+a');
    // The pointer away from the rows, so no row is drawn hovered.
    await page.mouse.move(0, 0);
    await expect(page.locator('.row.selected')).toHaveCount(3);
    await measure('selected');
  });
}
