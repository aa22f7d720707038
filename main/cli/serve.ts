// `tsuzuki serve`: the window in a browser. Serves the built renderer and the contract on
// 127.0.0.1 with a random token, and keeps the items across restarts in its state folder.
// The engine and the server load only after the flags are read, so --help and flag errors
// answer at once.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DownloadManager } from '../engine/download-manager.ts';
import { defaultStateDir } from './state-dir.ts';

export const DEFAULT_PORT = 7890;

const HELP = `Usage: tsuzuki serve [options]

Serves the Tsuzuki window to a browser. Open the printed link: it carries an access token,
which the browser then keeps in a cookie. Items and their progress are kept across restarts.

Options:
  -p, --port N      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
      --host ADDR   address to listen on (default 127.0.0.1; anything else exposes it to
                    the network, still behind the token)
  -d, --dir DIR     download folder, remembered for the next start
                    (default: the saved one, else ~/Downloads)
      --state DIR   where items are kept
                    (default: $XDG_CONFIG_HOME/tsuzuki/web, else ~/.config/tsuzuki/web)
  -h, --help        this help

Ctrl-C (or SIGTERM) pauses every download, saves its progress, and exits; the next start
continues where it stopped.`;

/** The built window (npm run build). main/cli and the CLI bundle in out/cli are both two levels below the root. */
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface ServeOptions {
  /** Where the built renderer is (tests point this at a fixture). */
  rendererDir?: string;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  stopSignal?: Promise<unknown>;
}

export async function serveCommand(argv: string[], options: ServeOptions = {}): Promise<number> {
  let values: { port?: string; host?: string; dir?: string; state?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string', short: 'p' }, host: { type: 'string' }, dir: { type: 'string', short: 'd' }, state: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`tsuzuki serve: ${(error as Error).message}\nRun "tsuzuki serve --help" for usage.`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    console.error(`tsuzuki serve: --port must be a whole number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  if (host === '' || (net.isIP(host) === 0 && !/^[a-z0-9.-]+$/i.test(host))) {
    console.error(`tsuzuki serve: --host must be an IP address or a host name, not "${host}".`);
    return 2;
  }
  for (const flag of ['dir', 'state'] as const) {
    if (values[flag] === '') {
      console.error(`tsuzuki serve: --${flag} needs a folder.`);
      return 2;
    }
  }
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`tsuzuki serve: the window is not built yet (no ${path.join(rendererDir, 'index.html')}). Run "npm run build" first.`);
    return 1;
  }

  const [{ DownloadManager: Manager }, { confStoreProvider }, { startWebHost }, { toErrorInfo }, { errorText }, { Pairings }] = await Promise.all([
    import('../engine/download-manager.ts'),
    import('../stores/conf-store.ts'),
    import('../web/web-host.ts'),
    import('../engine/errors.ts'),
    import('./messages.ts'),
    import('../host/extension/pairings.ts'),
  ]);
  const stateDir = path.resolve(values.state ?? defaultStateDir('web'));
  let manager: DownloadManager;
  try {
    manager = await Manager.open({ store: confStoreProvider(stateDir) });
  } catch (error) {
    console.error(`tsuzuki serve: ${errorText(toErrorInfo(error))}`);
    return 1;
  }
  try {
    // An explicit folder is the user's choice: saved, so the next start uses it too.
    if (values.dir) manager.setSettings({ dir: path.resolve(values.dir) });
  } catch (error) {
    await manager.close();
    console.error(`tsuzuki serve: ${errorText(toErrorInfo(error))}`);
    return 1;
  }

  let server: Awaited<ReturnType<typeof startWebHost>>;
  try {
    // Browsers paired for hand-off are kept beside the items, so a restart keeps them paired.
    const store = confStoreProvider(stateDir);
    server = await startWebHost({ manager, rendererDir, port, host, pairings: new Pairings(store.open(stateDir, 'browsers')) });
  } catch (error) {
    await manager.close();
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ' Another program uses it: choose another --port (0 picks a free one).' : '';
    console.error(`tsuzuki serve: cannot listen on ${host}:${port} (${code ?? (error as Error).message}).${hint}`);
    return 1;
  }
  if (!LOOPBACK.has(host)) {
    console.error(`tsuzuki serve: listening on ${host}: other machines can reach this server. Anyone with the link below can control downloads; share it with care.`);
  }
  console.log(`Tsuzuki is serving downloads into ${manager.getSettings().dir}\nOpen ${server.url}\nPress Ctrl-C to stop (downloads pause and continue next time).`);

  await (options.stopSignal ?? untilSignal());
  await server.close();
  await manager.close();
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM; a second one gets Node's default (exit at once). */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
