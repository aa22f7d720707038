// The desktop app itself, through Playwright's Electron driver. The Electron binary is
// downloaded on first use; where it cannot be (no network), these tests skip and say why.

import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const mainEntry = path.resolve(import.meta.dirname, '../../out/main/index.js');

const SKIP_REASON = 'Electron binary not downloaded (no network on this machine): skipping the Electron end-to-end tests';
if (!binary) console.log(`desktop app: ${SKIP_REASON}`);

test.describe('desktop app', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens one sandboxed window that shows the downloads', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [mainEntry], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
    const window = await app.firstWindow();
    await expect(window.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
    // Sandboxed and isolated: the page sees the contract bridge and nothing of Node.
    const seen = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { tsuzuki?: object }).tsuzuki ?? {}).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    await app.close();
  });
});
