// What `npm run build` leaves in out/, checked where the Electron binary cannot run it: a
// CommonJS preload that requires nothing but electron (a sandboxed preload can require
// nothing else and cannot be ESM), an ESM main at package.json's "main", and a page whose
// scripts and styles exist.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'out');
const built = fs.existsSync(path.join(OUT, 'preload', 'index.cjs'));

describe('build output', { skip: !built && 'out/ is not built (npm test builds it first; or run npm run build)' }, () => {
  it('preload: CommonJS, requiring only electron', () => {
    const code = fs.readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1]));
    assert.deepEqual([...required], ['electron']);
    assert.doesNotMatch(code, /^\s*(import|export)\s/m, 'no ESM syntax');
    assert.match(code, /exposeInMainWorld\(["']tsuzuki["']/);
  });

  it('preload: under 20 KB, with the contract names and without zod', () => {
    // It is parsed in every window before the page; the schemas stay in main, which validates anyway.
    const file = path.join(OUT, 'preload', 'index.cjs');
    const size = fs.statSync(file).size;
    assert.ok(size < 20_000, `the built preload is ${size} bytes`);
    const code = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\bZodError\b|\bsafeParse\b/, 'no zod in the bundle');
    assert.match(code, /showInFolder/, 'the command names are there');
  });

  it('main: the ESM entry package.json names, with runtime libraries left as imports', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; type: string; dependencies: Record<string, string> };
    assert.equal(pkg.type, 'module');
    const code = fs.readFileSync(path.join(ROOT, pkg.main), 'utf8');
    const imported = new Set([...code.matchAll(/^import\s.*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]!));
    assert.ok(imported.has('electron'));
    for (const name of imported) {
      assert.ok(name.startsWith('node:') || name === 'electron' || name in pkg.dependencies, `${name} is a node builtin, electron, or a dependency`);
    }
  });

  it('main and the CLI bundle leave the native xattr library to be loaded from node_modules', () => {
    // Its loader picks the prebuilt binary for the platform at run time: bundled, it would find none.
    for (const dir of ['main', 'cli']) {
      const code = fs
        .readdirSync(path.join(OUT, dir))
        .filter((name) => /\.m?js$/.test(name))
        .map((name) => fs.readFileSync(path.join(OUT, dir, name), 'utf8'))
        .join('\n');
      assert.match(code, /import\(["']@napi-rs\/xattr["']\)/, dir);
      assert.ok(!code.includes('Cannot find native binding'), `${dir}: the loader itself is not bundled`);
    }
  });

  it('renderer: index.html and every asset it names', () => {
    const html = fs.readFileSync(path.join(OUT, 'renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    assert.ok(assets.some((asset) => asset.endsWith('.js')));
    for (const asset of assets) assert.ok(fs.existsSync(path.join(OUT, 'renderer', asset)), asset);
    assert.match(html, /http-equiv="Content-Security-Policy"/);
  });
});
