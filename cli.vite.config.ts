// Bundles the CLI (and the web host it starts) into out/cli: one module graph of a few
// files instead of hundreds, which starts in about half the time and memory. bin/tsuzuki.js
// runs it when it is at least as new as the sources, else the sources themselves.

import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { httpWithoutUndici } from './scripts/vite/http-without-undici.ts';
import { lazyListFormats } from './scripts/vite/lazy-list-formats.ts';

export default defineConfig({
  logLevel: 'warn',
  plugins: [httpWithoutUndici(), lazyListFormats()],
  resolve: {
    alias: {
      'ajv/dist/2020.js': resolve(import.meta.dirname, 'scripts/vite/no-schema-validator.ts'),
      'ajv-formats': resolve(import.meta.dirname, 'scripts/vite/no-schema-validator.ts'),
    },
  },
  build: {
    ssr: true,
    target: 'node22',
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { tsuzuki: resolve(import.meta.dirname, 'main/cli/main.ts') },
      output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
  // The xattr library is a native module that picks its prebuilt binary at run time: it stays
  // a package in node_modules, loaded from there.
  ssr: { noExternal: true, external: ['electron', '@napi-rs/xattr'] },
});
