// Browser hand-off for the desktop app in one call: the paired browsers kept beside the
// downloads, the command handlers that know them, and the loopback listener for the
// extension. If the port is taken (a `tsuzuki serve` already answers there), the app runs
// without it: the extension then talks to that one.

import type { CommandHandlers, PairingsView } from '../../contract.ts';
import type { DownloadManager } from '../../engine/download-manager.ts';
import type { StoreProvider } from '../../engine/store.ts';
import { createHandlers, type Platform } from '../handlers.ts';
import { EXTENSION_PORT, startExtensionListener, type ExtensionListener } from './listener.ts';
import { Pairings } from './pairings.ts';

export interface BrowserHandoff {
  handlers: CommandHandlers;
  pairings: Pairings;
  /** Resolves with the listener once listening, or undefined when the port was taken. */
  listening: Promise<ExtensionListener | undefined>;
  close(): Promise<void>;
}

export function startBrowserHandoff(options: { manager: DownloadManager; platform: Platform; store: StoreProvider; onPairings: (view: PairingsView) => void; port?: number }): BrowserHandoff {
  const pairings = new Pairings(options.store.open(options.store.dir, 'browsers'));
  pairings.on('changed', options.onPairings);
  const handlers = createHandlers(options.manager, options.platform, pairings);
  const port = options.port ?? Number(process.env['TSUZUKI_EXTENSION_PORT'] ?? EXTENSION_PORT);
  const listening = startExtensionListener({ pairings, handlers, manager: options.manager, appName: 'Tsuzuki', port }).catch(() => undefined);
  return {
    handlers,
    pairings,
    listening,
    async close() {
      await (await listening)?.close();
    },
  };
}
