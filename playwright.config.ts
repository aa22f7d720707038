// End-to-end tests of the real renderer in a real Chromium: Playwright's own browser where
// it is installed, else the system one (Debian's /usr/bin/chromium, which .ci/run installs).

import { chromium, defineConfig } from '@playwright/test';
import fs from 'node:fs';

function systemChromium(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined; // Playwright's own browser.
  } catch {
    // Not installed: fall through to the system browser.
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => fs.existsSync(candidate));
}

const executablePath = systemChromium();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // One worker: the web tests share one engine and file server per file, and timing
  // assertions (progress, pause silence) should not compete for the CPU.
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  forbidOnly: Boolean(process.env['CI']),
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1100, height: 680 },
    launchOptions: executablePath ? { executablePath } : {},
  },
});
