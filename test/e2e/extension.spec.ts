/// <reference lib="dom" />
// The browser extension in a real Chromium (unpacked, in a persistent profile), paired with a
// running `tsuzuki serve`. A page on 127.0.0.1 sets a session cookie; its file answers only
// requests that carry that cookie and the page as Referer. Clicking the link hands the
// download to Tsuzuki (the file lands byte-exact) and the browser's own copy is cancelled;
// the bypass and a stopped Tsuzuki leave the download to the browser; a forged request is
// refused; the selection menu hands over every selected link.

import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sha256, testBytes } from '../support/files.ts';

// The extension APIs, inside the worker and pages that Playwright evaluates code in.
declare const chrome: any;

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = path.join(ROOT, 'extension');
const SESSION = 'session=abc123';

interface SiteRequest {
  method: string | undefined;
  path: string;
  cookie: string | undefined;
  referer: string | undefined;
  userAgent: string | undefined;
  status: number;
}

/** A site whose downloads need the session cookie its page sets, and that page as Referer. */
async function startSite() {
  const files = new Map<string, Buffer>([
    ['report.bin', testBytes(1_500_000, 31)],
    ['bypass.bin', testBytes(400_000, 32)],
    ['offline.bin', testBytes(300_000, 33)],
    ['a.bin', testBytes(200_000, 34)],
    ['b.bin', testBytes(210_000, 35)],
    ['c.bin', testBytes(220_000, 36)],
    ['export.bin', testBytes(600_000, 37)],
    ['tiny.bin', testBytes(20_000, 38)],
    ...['a', 'b', 'c', 'd', 'e', 'f'].map((letter, index) => [`bulk${letter}.bin`, testBytes(1_000_000, 40 + index)] as const),
  ]);
  const log: SiteRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `${SESSION}; Path=/; SameSite=Lax` });
      const links = [...files.keys()].filter((name) => !['export.bin', 'tiny.bin'].includes(name) && !name.startsWith('bulk')).map((name) => `<a id="${name.replace('.bin', '')}" href="/files/${name}">${name}</a>`);
      const form = '<form method="post" action="/files/export.bin"><input type="hidden" name="rows" value="all"><button id="export-form">Export</button></form>';
      return void res.end(`<!doctype html><title>Members</title><p>${links.slice(0, 3).join(' ')}</p><p id="many">Several: ${links.slice(3).join(', ')} and <a href="/page">the page</a>.</p>${form}`);
    }
    const name = /^\/files\/([a-z]+\.bin)$/.exec(url.pathname)?.[1];
    const file = name ? files.get(name) : undefined;
    const cookies = (req.headers.cookie ?? '').split(/;\s*/);
    const entry: SiteRequest = { method: req.method, path: url.pathname, cookie: req.headers.cookie, referer: req.headers.referer, userAgent: req.headers['user-agent'], status: 0 };
    log.push(entry);
    if (!file) return void res.writeHead((entry.status = 404)).end();
    // A form's answer: only its POST (with the form's fields) makes the file; a GET is refused.
    if (name === 'export.bin' && req.method !== 'POST') return void res.writeHead((entry.status = 405), { allow: 'POST' }).end();

    if (!cookies.includes(SESSION) || !req.headers.referer?.endsWith('/page')) return void res.writeHead((entry.status = 403)).end('needs the session');
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    entry.status = range ? 206 : 200;
    res.writeHead(entry.status, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${name}"`,
      'content-length': file.length - start,
      'accept-ranges': 'bytes',
      etag: `"${sha256(file).slice(0, 16)}"`,
      ...(range ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}),
    });
    // About 2 MB/s, as a real site sends: the browser's own copy is still under way when the
    // extension has to decide about it.
    const body = file.subarray(start);
    let sent = 0;
    const pump = () => {
      if (res.destroyed) return;
      const next = Math.min(body.length, sent + 64 * 1024);
      res.write(body.subarray(sent, next));
      sent = next;
      if (sent < body.length) setTimeout(pump, 30);
      else res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, files, log, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

/** `tsuzuki serve` as a user starts it; resolves with the link it prints. */
async function startServe(downloads: string, state: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/tsuzuki.js'), 'serve', '--port', '0', '--dir', downloads, '--state', state], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`tsuzuki serve printed no link: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /Open (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`tsuzuki serve exited (${code}): ${out}`)));
  });
  return { child, url, origin: new URL(url).origin };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function post(origin: string, route: string, body: unknown, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(`/extension/${route}`, origin);
    const request = http.request(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

test.describe.serial('the browser extension', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let serve: Awaited<ReturnType<typeof startServe>>;
  let context: BrowserContext;
  let worker: Worker;
  let extensionOrigin: string;
  let root: string;
  let downloads: string;

  test.beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-extension-'));
    downloads = path.join(root, 'downloads');
    fs.mkdirSync(downloads);
    site = await startSite();
    serve = await startServe(downloads, path.join(root, 'state'));
    const executablePath = test.info().project.use.launchOptions?.executablePath;
    // New headless Chromium runs extensions; the profile is persistent because extensions need one.
    context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
      headless: true,
      ...(executablePath ? { executablePath } : {}),
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    await worker.evaluate((address) => chrome.storage.local.set({ address }), serve.origin);
  });

  test.afterAll(async () => {
    await context?.close();
    if (serve) await stop(serve.child);
    await site?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function popup(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${extensionOrigin}/popup.html`);
    return page;
  }

  test('pairs only after the Tsuzuki window approves, with the same code in both places', async () => {
    const extension = await popup();
    await expect(extension.locator('#connection')).toHaveAttribute('data-state', 'notPaired');
    await extension.getByRole('button', { name: 'Connect to Tsuzuki' }).click();
    const code = extension.locator('#code');
    await expect(code).toHaveText(/^\d{3} \d{3}$/);
    const shown = await code.textContent();

    const window = await context.newPage();
    await window.goto(serve.url);
    const dialog = window.getByTestId('pairing-dialog');
    await expect(dialog).toBeVisible();
    await expect(window.getByTestId('pairing-code')).toHaveText(shown!);
    await dialog.getByRole('button', { name: 'Allow' }).click();
    await expect(extension.locator('#connection')).toHaveAttribute('data-state', 'connected');
    await expect(extension.locator('#connection')).toHaveText('Connected to Tsuzuki.');
    await window.close();
    await extension.close();
  });

  test('an address that is not Tsuzuki on this computer is refused in the popup, and nothing is saved', async () => {
    const extension = await popup();
    await extension.getByText('Rules and address').click();
    const field = extension.getByLabel('Tsuzuki address');
    await expect(field).toHaveValue(serve.origin);
    await field.fill('192.168.1.5:7890');
    await extension.getByLabel('Leave files smaller than (MB) to the browser').fill('5');
    await extension.getByRole('button', { name: 'Save' }).click();
    await expect(extension.getByRole('alert')).toHaveText(/^That is not an address of Tsuzuki on this computer; nothing was saved\./);
    expect(await worker.evaluate(async () => chrome.storage.local.get(['address', 'minBytes']))).toEqual({ address: serve.origin });
    await extension.close();
  });

  test('a click on a link that needs the session: Tsuzuki gets it byte-exact and the browser download is cancelled', async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const browserDownload = page.waitForEvent('download');
    await page.locator('#report').click();
    const download = await browserDownload;
    expect(await download.failure()).toBe('canceled');
    const target = path.join(downloads, 'report.bin');
    await expect.poll(() => fs.existsSync(target) && sha256(target) === sha256(site.files.get('report.bin')!), { timeout: 20_000 }).toBe(true);
    const tsuzukiRequests = site.log.filter((entry) => entry.path === '/files/report.bin');
    expect(tsuzukiRequests.every((entry) => entry.status !== 403)).toBe(true);
    expect(tsuzukiRequests.length).toBeGreaterThanOrEqual(2); // the browser's own, then Tsuzuki's

    const extension = await popup();
    await expect(extension.locator('#recent li').first()).toContainText('report.bin');
    await expect(extension.locator('#recent li').first()).toContainText('done');
    await extension.close();
    await page.close();
  });

  test('the bypass leaves one download to the browser', async () => {
    const extension = await popup();
    await extension.getByLabel('Let the next download go to the browser').check();
    await expect.poll(() => worker.evaluate(async () => (await chrome.storage.local.get('bypassNext'))['bypassNext'])).toBe(true);
    await extension.close();
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const browserDownload = page.waitForEvent('download');
    await page.locator('#bypass').click();
    const download = await browserDownload;
    expect(await download.failure()).toBeNull();
    expect(sha256(fs.readFileSync((await download.path())!))).toBe(sha256(site.files.get('bypass.bin')!));
    expect(fs.existsSync(path.join(downloads, 'bypass.bin'))).toBe(false);
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('bypassNext'))['bypassNext'])).toBe(false);
    await page.close();
  });

  test('a form that posts for its file: the browser keeps that download, since Tsuzuki could only fetch it with a GET', async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const browserDownload = page.waitForEvent('download');
    await page.locator('#export-form').click();
    const download = await browserDownload;
    expect(await download.failure()).toBeNull();
    expect(sha256(fs.readFileSync((await download.path())!))).toBe(sha256(site.files.get('export.bin')!));
    expect(site.log.filter((entry) => entry.path === '/files/export.bin').map((entry) => entry.method)).toEqual(['POST']);
    expect(fs.readdirSync(downloads).some((name) => name.startsWith('export'))).toBe(false);
    await page.close();
  });

  test('a file the browser has finished before Tsuzuki is asked stays the browser\'s: one copy, still in its list', async () => {
    // Playwright's download handling lets the browser finish a small file at once (a real
    // Chromium holds it in onDeterminingFilename; Firefox has no such hold).
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const browserDownload = page.waitForEvent('download');
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/files/tiny.bin', download: '' });
      document.body.append(link);
      link.click();
    });
    const download = await browserDownload;
    const inBrowser = (await download.failure()) === null;
    await expect.poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('recent'))['recent'] as { url: string }[])[0]?.url)).toMatch(/tiny\.bin$/);
    const [entry] = await worker.evaluate(async () => (await chrome.storage.local.get('recent'))['recent'] as { outcome: string }[]);
    if (inBrowser) {
      expect(sha256(fs.readFileSync((await download.path())!))).toBe(sha256(site.files.get('tiny.bin')!));
      expect(entry!.outcome).toBe('keptInBrowser');
      expect(site.log.filter((request) => request.path === '/files/tiny.bin')).toHaveLength(1);
      expect(fs.existsSync(path.join(downloads, 'tiny.bin'))).toBe(false);
      expect(await worker.evaluate(async () => (await chrome.downloads.search({ urlRegex: 'tiny\\.bin' })).length)).toBeGreaterThan(0);
    } else {
      // Asked while the browser was still receiving it: then Tsuzuki has the one copy.
      expect(entry!.outcome).toBe('handedOff');
      const target = path.join(downloads, 'tiny.bin');
      await expect.poll(() => fs.existsSync(target) && sha256(target) === sha256(site.files.get('tiny.bin')!), { timeout: 20_000 }).toBe(true);
    }
    await page.close();
  });

  test('six downloads started at once: each is handed over, and each is listed in the popup', async () => {
    const names = [...site.files.keys()].filter((name) => name.startsWith('bulk'));
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    await page.evaluate((names) => {
      for (const name of names) {
        const link = Object.assign(document.createElement('a'), { href: `/files/${name}`, download: '' });
        document.body.append(link);
        link.click();
      }
    }, names);
    for (const name of names) {
      const target = path.join(downloads, name);
      await expect.poll(() => fs.existsSync(target) && sha256(target) === sha256(site.files.get(name)!), { timeout: 20_000 }).toBe(true);
    }
    const recent = await worker.evaluate(async () => (await chrome.storage.local.get('recent'))['recent'] as { url: string; outcome: string }[]);
    expect(recent.filter((entry) => entry.outcome === 'handedOff').map((entry) => entry.url.split('/').pop()).sort()).toEqual(expect.arrayContaining(names));
    const extension = await popup();
    for (const name of names) await expect(extension.locator('#recent li', { hasText: name })).toHaveCount(1);
    await extension.close();
    await page.close();
  });

  test('the selection menu hands over every selected link, each with the session', async () => {
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('many')!);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    // The native context menu cannot be clicked headless: its handler is driven instead.
    const result = await worker.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const handoff = (globalThis as unknown as { tsuzukiHandoff: { onContextMenu: (info: object, tab: unknown) => Promise<{ accepted: number }>; MENU_SELECTION: string } }).tsuzukiHandoff;
      return handoff.onContextMenu({ menuItemId: handoff.MENU_SELECTION, pageUrl, frameId: 0 }, tab);
    }, `${site.origin}/page`);
    expect(result.accepted).toBe(4); // a, b, c and the page itself
    for (const name of ['a.bin', 'b.bin', 'c.bin']) {
      const target = path.join(downloads, name);
      await expect.poll(() => fs.existsSync(target) && sha256(target) === sha256(site.files.get(name)!), { timeout: 20_000 }).toBe(true);
    }
    await page.close();
  });

  test('unpaired and forged requests are refused', async () => {
    const before = fs.readdirSync(downloads).length;
    const add = { urls: [`${site.origin}/files/a.bin`] };
    expect(await post(serve.origin, 'add', add, { origin: extensionOrigin })).toBe(401);
    expect(await post(serve.origin, 'add', add, { origin: extensionOrigin, authorization: `Bearer ${'f'.repeat(43)}` })).toBe(401);
    const token = await worker.evaluate(async () => (await chrome.storage.local.get('token'))['token'] as string);
    expect(await post(serve.origin, 'add', add, { origin: site.origin, authorization: `Bearer ${token}` })).toBe(403);
    expect(await post(serve.origin, 'add', add, { origin: extensionOrigin, authorization: `Bearer ${token}`, host: `tsuzuki.attacker.test:${new URL(serve.origin).port}` })).toBe(403);
    // A web page in this very browser cannot hand anything over either.
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const status = await page.evaluate(async ([origin, body]) => {
      try {
        const response = await fetch(`${origin}/extension/add`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return response.status;
      } catch {
        return 'blocked';
      }
    }, [serve.origin, JSON.stringify(add)] as const);
    expect(status).not.toBe(200);
    expect(fs.readdirSync(downloads).length).toBe(before);
    await page.close();
  });

  test('disconnected in the window: the popup says so and offers to connect again', async () => {
    const window = await context.newPage();
    await window.goto(serve.url);
    await window.getByRole('button', { name: 'Settings' }).click();
    await window.getByRole('button', { name: /^Disconnect / }).click();
    await expect(window.getByRole('button', { name: /^Disconnect / })).toHaveCount(0);
    await window.close();
    const extension = await popup();
    await expect(extension.locator('#connection')).toHaveAttribute('data-state', 'revoked');
    await expect(extension.locator('#connection')).toHaveText('The Tsuzuki window disconnected this browser, so downloads stay in the browser. Connect again to send them to Tsuzuki.');
    await expect(extension.getByRole('button', { name: 'Connect to Tsuzuki' })).toBeVisible();
    await extension.close();
  });

  test('with Tsuzuki stopped, the browser keeps its download and the popup says how to start Tsuzuki', async () => {
    await stop(serve.child);
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const browserDownload = page.waitForEvent('download');
    await page.locator('#offline').click();
    const download = await browserDownload;
    expect(await download.failure()).toBeNull();
    expect(sha256(fs.readFileSync((await download.path())!))).toBe(sha256(site.files.get('offline.bin')!));
    const extension = await popup();
    await expect(extension.locator('#connection')).toHaveAttribute('data-state', 'notRunning');
    await expect(extension.locator('#connection')).toContainText('tsuzuki serve');
    await extension.close();
    await page.close();
  });
});
