// `npm run build:extension`: the browser extension as an installable zip (Chromium's "Pack"
// and Firefox's add-on upload both take one), written to out/extension/. fflate makes the
// zip: small, no dependencies, and deterministic here because every entry gets a fixed date.

import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'extension');
const target = path.join(root, 'out', 'extension', 'tsuzuki-extension.zip');
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8')) as { manifest_version?: number; version?: string };
if (manifest.manifest_version !== 3) throw new Error('extension/manifest.json must be Manifest V3');

const files: Zippable = {};
for (const relative of (fs.readdirSync(source, { recursive: true }) as string[]).sort()) {
  const full = path.join(source, relative);
  if (!fs.statSync(full).isFile() || path.basename(relative).startsWith('.')) continue;
  files[relative.split(path.sep).join('/')] = [fs.readFileSync(full), { mtime: FIXED_DATE }];
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, zipSync(files, { level: 9 }));
console.log(`Wrote ${path.relative(root, target)} (${Object.keys(files).length} files, version ${manifest.version}).`);
