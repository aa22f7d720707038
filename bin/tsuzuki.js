#!/usr/bin/env node
// The CLI entry. Node 24 (pinned by the `node` devDependency, which npx and npm scripts put
// first on PATH) can run the TypeScript sources directly; the bundle built by `npm install`
// (out/cli) starts faster, so it runs whenever it is at least as new as every source file.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';

// V8's compile cache (Node 22.1 and later; in the system's temporary folder): the bundle is
// compiled on the first run only, not on every `tsuzuki get` (about 35 ms of each).
module.enableCompileCache?.();

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'out/cli/tsuzuki.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const bundled = fs.statSync(bundle, { throwIfNoEntry: false });
const fresh = bundled !== undefined && bundled.mtimeMs >= Math.max(newestSource(path.join(root, "main")), newestSource(path.join(root, "i18n")));
const { main } = await import(fresh ? bundle : '../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
