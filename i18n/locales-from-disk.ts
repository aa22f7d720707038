// The catalogues read from the folder, for Node running the sources without a bundler
// (see catalogues.ts). Never part of a bundle.

import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from './catalogues.ts';

export function readLocales(): Record<string, Catalogue> {
  const dir = path.join(import.meta.dirname, 'locales');
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Catalogue]),
  );
}
