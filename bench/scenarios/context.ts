export interface Context {
  origin: string;
  work: string;
  runs: number;
  quick: boolean;
  /** Makes (or reuses) a file of the given size under the server's root. */
  file(name: string, bytes: number): void;
  smallFiles(count: number, bytes: number): string[];
}
