// A store provider that lets a test see, and stop, the writes of the documents it opens:
// `beforeWrite` runs before each write of a document the filter picks and may throw in its
// place (a process that died at that write).

import type { JsonDocument, StoreProvider } from '../../main/engine/store.ts';

export function watchedStore(real: StoreProvider, beforeWrite: (name: string) => void, picks: (name: string) => boolean = () => true): StoreProvider {
  return {
    dir: real.dir,
    open(folder, name): JsonDocument {
      const doc = real.open(folder, name);
      if (!picks(name)) return doc;
      return {
        path: doc.path,
        get store() {
          return doc.store;
        },
        set store(value) {
          beforeWrite(name);
          doc.store = value;
        },
      };
    },
  };
}
