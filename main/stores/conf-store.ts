// The store under plain Node (CLI, web host, tests): conf, the library electron-store is
// built on, so the files have the same format as the app's.

import Conf from 'conf';
import type { JsonDocument, StoreProvider } from '../engine/store.ts';
import { writeJsonText } from './json-text.ts';

export function confStoreProvider(dir: string): StoreProvider {
  return {
    dir,
    open: (folder: string, name: string): JsonDocument =>
      new Conf<Record<string, unknown>>({ cwd: folder, configName: name, accessPropertiesByDotNotation: false, serialize: writeJsonText }),
  };
}
