// The store under plain Node (CLI, web host, tests): conf, the library electron-store is
// built on, so the files have the same format as the app's.

import Conf from 'conf';
import { PRIVATE_FILE_MODE, tightenPrivate } from '../engine/private-state.ts';
import type { JsonDocument, StoreProvider } from '../engine/store.ts';
import { writeJsonText } from './json-text.ts';

export function confStoreProvider(dir: string): StoreProvider {
  return {
    dir,
    open: (folder: string, name: string): JsonDocument => {
      // conf gives the mode to the temporary file it writes and renames into place, so a
      // document is private from its first byte; one an older version left readable is
      // tightened here, since it may not be written again for a long time.
      const doc = new Conf<Record<string, unknown>>({ cwd: folder, configName: name, accessPropertiesByDotNotation: false, serialize: writeJsonText, configFileMode: PRIVATE_FILE_MODE });
      tightenPrivate(doc.path);
      return doc;
    },
  };
}
