/// <reference lib="dom" />
// The window's desktop-only parts in a real browser: the folder picker ("Choose…" in
// Settings, "Save to…" when adding several links) and the tray / notification / keep-awake
// / login switches. In the web host they are absent; with a bridge like the desktop
// preload's (here a test bridge over the web host's socket that says it has a folder
// picker), they appear and send the right commands.

import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { sha256, testBytes } from '../support/files.ts';
import { startWebSetup, type WebSetup } from './web-fixture.ts';

const body = testBytes(50_000, 8);
let setup: WebSetup;

test.beforeAll(async () => {
  setup = await startWebSetup();
});
test.afterAll(async () => {
  await setup?.close();
});

/** A `window.tsuzuki` bridge that forwards to the web host's socket, except for the folder picker. */
function desktopBridge(picked: string): void {
  type Listener = (payload: unknown) => void;
  const invoked: { command: string; args: unknown }[] = [];
  const socket = new WebSocket(`ws://${location.host}/ws`);
  const opened = new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<string, Set<Listener>>();
  let next = 1;
  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as { type: string; id: number; result: unknown; event: string; payload: unknown };
    if (frame.type === 'result') pending.get(frame.id)?.(frame.result);
    else for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
  });
  Object.assign(window, {
    testInvoked: invoked,
    /** What the desktop main process would send on its own (a clicked notification). */
    testEmit: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    tsuzuki: {
      async invoke(command: string, args: unknown) {
        invoked.push({ command, args });
        if (command === 'getHostFeatures') return { ok: true, value: { chooseFolder: true, desktopSettings: true } };
        if (command === 'chooseFolder') return { ok: true, value: { path: picked } };
        await opened;
        const id = next++;
        socket.send(JSON.stringify({ type: 'invoke', id, command, args }));
        return new Promise((resolve) => pending.set(id, resolve));
      },
      on(event: string, listener: Listener) {
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    },
  });
}

async function open(page: Page) {
  await page.goto(setup.host.url);
  await expect(page.getByRole('textbox', { name: 'Paste or drop links' })).toBeVisible();
}

const invoked = (page: Page) => page.evaluate(() => (window as unknown as { testInvoked: { command: string; args: unknown }[] }).testInvoked);

test('in the web host, Settings has no folder picker and no desktop switches', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('textbox', { name: 'Download folder' })).toHaveValue(setup.ws.downloads);
  await expect(dialog.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: /tray/ })).toHaveCount(0);
});

test('on the desktop, Settings offers Choose… and the desktop switches, and saves what changed', async ({ page }) => {
  await page.addInitScript(desktopBridge, path.join(setup.ws.root, 'elsewhere'));
  await open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Download folder' })).toHaveValue(path.join(setup.ws.root, 'elsewhere'));
  expect((await invoked(page)).find((entry) => entry.command === 'chooseFolder')?.args).toEqual({ defaultPath: setup.ws.downloads });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const tray = dialog.getByRole('checkbox', { name: 'Keep downloading in the tray when the window is closed' });
  await expect(tray).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Start Tsuzuki in the tray when I log in' })).not.toBeChecked();
  await tray.uncheck();
  await dialog.getByRole('checkbox', { name: 'Keep the computer awake while downloading' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await invoked(page)).filter((entry) => entry.command === 'setSettings').at(-1)?.args).toEqual({ closeToTray: false, keepAwake: false });
  expect(setup.manager.getSettings()).toMatchObject({ closeToTray: false, keepAwake: false, notifications: true });
  setup.manager.setSettings({ closeToTray: true, keepAwake: true });
});

test('on the desktop, adding several links offers Save to…, and the batch goes there', async ({ page }) => {
  // The web host behind the test bridge accepts its own folder only, so "pick" that one.
  await page.addInitScript(desktopBridge, setup.ws.downloads);
  for (const name of ['one', 'two']) setup.server.serve(`/desk/${name}.bin`, { body });
  await open(page);
  await page.getByRole('textbox', { name: 'Paste or drop links' }).fill(`${setup.server.url('/desk/one.bin')}\n${setup.server.url('/desk/two.bin')}`);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Download 2 links?' });
  await confirm.getByRole('button', { name: 'Save to…' }).click();
  await expect(confirm.getByText(`Into ${setup.ws.downloads},`)).toBeVisible();
  await confirm.getByRole('button', { name: 'Download 2 links' }).click();
  await expect(page.getByRole('listitem', { name: 'two.bin' }).getByText(/^Done · /)).toBeVisible();
  const add = (await invoked(page)).find((entry) => entry.command === 'add')!;
  expect(add.args).toEqual({ urls: [setup.server.url('/desk/one.bin'), setup.server.url('/desk/two.bin')], options: { dir: setup.ws.downloads } });
  expect(sha256(fs.readFileSync(path.join(setup.ws.downloads, 'one.bin')))).toBe(sha256(body));
});

test('on the desktop, a clicked notification shows its row, selected, from any tab', async ({ page }) => {
  await page.addInitScript(desktopBridge, setup.ws.downloads);
  setup.server.serve('/desk/shown.bin', { body });
  const { added } = setup.manager.add([setup.server.url('/desk/shown.bin')]);
  await open(page);
  const row = page.getByRole('listitem', { name: 'shown.bin' });
  await expect(row.getByText(/^Done · /)).toBeVisible();
  await page.getByRole('tab', { name: /^Active/ }).click();
  await expect(row).toHaveCount(0);
  await page.evaluate((id) => (window as unknown as { testEmit(event: string, payload: unknown): void }).testEmit('reveal', { id }), added[0]!);
  await expect(row).toBeVisible();
  await expect(row).toHaveClass(/\bselected\b/);
  await expect(row).toBeFocused();
});
