// The extension as a browser and a store see it: Manifest V3, the permissions it needs and
// no more, words in every language it ships, and `npm run build:extension` making a zip
// that holds exactly the extension's files.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unzipSync } from 'fflate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));

describe('the browser extension package', () => {
  it('is Manifest V3 with the downloads, contextMenus, cookies and webRequest permissions, for Chromium and Firefox', () => {
    assert.equal(manifest.manifest_version, 3);
    for (const permission of ['downloads', 'contextMenus', 'cookies', 'storage', 'webRequest']) assert.ok(manifest.permissions.includes(permission), permission);
    assert.equal(manifest.background.service_worker, 'background.js', 'Chromium runs a service worker');
    assert.deepEqual(manifest.background.scripts, ['background.js'], 'Firefox runs the same file as an event page');
    assert.ok(manifest.browser_specific_settings.gecko.id);
    for (const file of ['background.js', 'content.js', 'popup.html', 'popup.js', ...manifest.content_scripts.flatMap((script: { js: string[] }) => script.js)]) {
      assert.ok(fs.existsSync(path.join(DIR, file)), file);
    }
  });

  it('has the same words, all non-empty, in every language it ships', () => {
    const languages = fs.readdirSync(path.join(DIR, '_locales'));
    assert.ok(languages.includes('en') && languages.includes('ja'));
    const keys = (language: string) => {
      const messages = JSON.parse(fs.readFileSync(path.join(DIR, '_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      for (const [key, { message }] of Object.entries(messages)) assert.ok(message.trim().length > 0, `${language}: ${key}`);
      return Object.keys(messages).sort();
    };
    for (const language of languages) assert.deepEqual(keys(language), keys('en'), language);
    const used = [...fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    for (const key of used) assert.ok(keys('en').includes(key), key);
  });

  it('words each state of a handed-off download as the window does, in every language, rather than showing its code', () => {
    const states = ['queued', 'downloading', 'retrying', 'paused', 'done', 'failed', 'canceled'];
    for (const language of fs.readdirSync(path.join(DIR, '_locales'))) {
      const messages = JSON.parse(fs.readFileSync(path.join(DIR, '_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string } | undefined>;
      const window = JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n/locales', `${language}.json`), 'utf8')).ui.progress.states as Record<string, string>;
      for (const state of states) assert.equal(messages[`state_${state}`]?.message, window[state], `${language}: ${state}`);
    }
  });

  it('npm run build:extension makes an installable zip of exactly its files', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-extension.ts')], { cwd: ROOT, stdio: 'pipe' });
    const zip = unzipSync(fs.readFileSync(path.join(ROOT, 'out/extension/tsuzuki-extension.zip')));
    const expected = (fs.readdirSync(DIR, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(DIR, file)).isFile()).map((file) => file.split(path.sep).join('/'));
    assert.deepEqual(Object.keys(zip).sort(), expected.sort());
    assert.deepEqual(JSON.parse(new TextDecoder().decode(zip['manifest.json'])), manifest);
  });
});
