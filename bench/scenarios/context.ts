import type { TsuzukiCli } from '../tools.ts';

/** What run.ts hands every scenario. */
export interface Context {
  /** `http://127.0.0.1:<port>`: nginx serving `www` (see nginx.ts for the locations). */
  origin: string;
  /** capped-server.ts serving `www` at CAPPED_RATE per connection (when the capped scenario runs). */
  cappedOrigin?: string;
  /** The same nginx on distinct loopback addresses (127.1.0.1, …). */
  hostOrigins: string[];
  /** The server's root, in the run's temporary folder. */
  www: string;
  /** Scratch space for this run (removed at the end). */
  work: string;
  rounds: number;
  quick: boolean;
  tsuzuki: TsuzukiCli;
  /** Set when tsuzuki is not to be run, with the reason. */
  skipTsuzuki?: string;
}
