// Runs the desktop shell (main/electron/index.ts) or the preload under plain Node against
// the fake `electron` module. Importing either starts it, so each test file loads it once.

import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fake from './fake-electron.ts';

const FAKE_URL = pathToFileURL(new URL('./fake-electron.ts', import.meta.url).pathname).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: FAKE_URL, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

export async function loadShell(options: { userData: string; downloads: string; argv?: string[]; singleInstance?: boolean }): Promise<typeof fake> {
  // The browser hand-off listener takes a free port, never the fixed one a user's Tsuzuki uses.
  process.env['TSUZUKI_EXTENSION_PORT'] = '0';
  // appData (~/.config on Linux, where the autostart entry goes) sits next to userData, in the test's temp folder.
  fake.app.paths = { userData: options.userData, downloads: options.downloads, appData: path.join(path.dirname(options.userData), 'appData') };
  fake.app.singleInstance = options.singleInstance ?? true;
  process.argv.push(...(options.argv ?? []));
  await import('../../../main/electron/index.ts');
  return fake;
}

/** Runs the preload (preload/index.ts) against the fake `electron` module. */
export async function loadPreload(): Promise<typeof fake> {
  await import('../../../preload/index.ts');
  return fake;
}

/** Polls until `test` returns (or resolves to) a value that is not undefined or false. */
export async function until<T>(test: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await test();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
