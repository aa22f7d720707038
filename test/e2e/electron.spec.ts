// The desktop app itself, through Playwright's Electron driver. The Electron runtime is
// fetched first with the electron package's own installer, as `npm start` does; where that
// cannot happen (no network here) or there is no display, these tests skip and say why.
// Electron needs a display (xvfb-run on CI).

import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, installElectron } from '../../scripts/electron-runtime.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, testBytes } from '../support/files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const hasDisplay = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

test.describe('desktop app', () => {
  let binary: string | undefined;
  let server: FaultServer;
  let home: string;
  let app: ElectronApplication | undefined;
  const body = testBytes(2_000_000, 5);

  test.beforeAll(async () => {
    binary = electronBinary();
    let skipReason: string | undefined;
    if (!binary) {
      test.setTimeout(15 * 60_000);
      const outcome = await installElectron();
      if (outcome.ok) binary = outcome.binary;
      else skipReason = `Electron runtime could not be downloaded (${outcome.reason}): skipping the Electron end-to-end tests (npx install-electron fetches it)`;
    }
    if (!skipReason && !hasDisplay) skipReason = 'No display for Electron: skipping the Electron end-to-end tests (run them under xvfb-run)';
    if (skipReason) console.log(`desktop app: ${skipReason}`);
    test.skip(skipReason !== undefined, skipReason);
    server = await startFaultServer();
    server.serve('/desktop/from-argv.iso', { body, faults: { throttleBytesPerSec: 1_000_000 } });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-electron-'));
  });
  test.afterAll(async () => {
    await app?.close();
    await server?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  test('downloads a URL from its command line in one sandboxed window, and quits cleanly', async () => {
    // A throwaway home: userData ($XDG_CONFIG_HOME/tsuzuki) and ~/Downloads stay in it.
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>;
    app = await electron.launch({ executablePath: binary!, args: [ROOT, server.url('/desktop/from-argv.iso')], cwd: ROOT, env });
    const page = await app.firstWindow();
    await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();

    // Sandboxed and isolated: the page sees the contract bridge and nothing of Node.
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { tsuzuki?: object }).tsuzuki ?? {}).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    // Served from its own origin, with no network access of its own (connect-src 'none').
    expect(page.url()).toBe('app://tsuzuki/index.html');
    const fetched = await page.evaluate(() => fetch('app://tsuzuki/index.html').then(() => 'allowed', () => 'refused'));
    expect(fetched).toBe('refused');
    // No new windows, no navigation away.
    await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/'));
    expect(app.windows()).toHaveLength(1);

    await expect(page.getByRole('listitem', { name: 'from-argv.iso' }).getByText(/^Done · /)).toBeVisible({ timeout: 30_000 });
    expect(sha256(path.join(home, 'Downloads', 'from-argv.iso'))).toBe(sha256(body));

    await app.close();
    app = undefined;
    expect(fs.existsSync(path.join(home, '.config', 'tsuzuki', 'downloads-state', 'lock'))).toBe(false);
  });
});
