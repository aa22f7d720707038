// What Vite adds to import.meta in a bundle: `env` (absent when Node runs the sources, which
// is how catalogues.ts tells the two apart) and `glob`, which Vite replaces at build time.
interface ImportMeta {
  readonly env?: Record<string, unknown>;
  glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
}
