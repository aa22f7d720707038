// The engine's view of persistence: named JSON documents in one folder. conf (plain Node)
// and electron-store (the app) both fit this shape, so the engine never imports either;
// each host passes the opener it has. Each write replaces the whole document atomically,
// which is why progress is kept in one small document per active download.

export interface JsonDocument {
  /** Where the document lives on disk. */
  readonly path: string;
  /** Reading returns the whole document; assigning writes it atomically. */
  store: Record<string, unknown>;
}

export type OpenJsonDocument = (dir: string, name: string) => JsonDocument;

export interface StoreProvider {
  /** Folder holding the documents (`items/`, `history.json`, `settings.json`). */
  readonly dir: string;
  readonly open: OpenJsonDocument;
}
