// `tsuzuki serve`: the window in a browser. Serves the built renderer and the contract on
// 127.0.0.1 with a random token, and keeps the items across restarts in its state folder.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DownloadManager } from '../engine/download-manager.ts';
import { confStoreProvider } from '../stores/conf-store.ts';
import { startWebHost } from '../web/web-host.ts';
import { defaultStateDir } from './state-dir.ts';

const HELP = `Usage: tsuzuki serve [options]

Serves the Tsuzuki window to a browser. Open the printed link (it carries an access token).

Options:
  --port N      port to listen on (default 7890; 0 picks a free one)
  --host ADDR   address to listen on (default 127.0.0.1; anything else exposes it to the network)
  --dir DIR     download folder (default: the saved setting, else ~/Downloads)
  --state DIR   where items are kept (default: $XDG_CONFIG_HOME/tsuzuki/web, else ~/.config/tsuzuki/web)
  -h, --help    this help`;

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

export async function serveCommand(argv: string[]): Promise<number> {
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
  const port = Number(values.port ?? 7890);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`tsuzuki serve: --port must be a whole number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.error('tsuzuki serve: the window is not built yet. Run "npm run build" first.');
    return 1;
  }
  const stateDir = path.resolve(values.state ?? defaultStateDir('web'));
  let manager: DownloadManager;
  try {
    manager = await DownloadManager.open({ store: confStoreProvider(stateDir) });
    if (values.dir) manager.setSettings({ dir: path.resolve(values.dir) });
  } catch (error) {
    console.error(`tsuzuki serve: ${(error as Error).message}`);
    return 1;
  }
  let host;
  try {
    host = await startWebHost({ manager, rendererDir: RENDERER_DIR, port, host: values.host ?? '127.0.0.1' });
  } catch (error) {
    await manager.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`tsuzuki serve: cannot listen on ${values.host ?? '127.0.0.1'}:${port} (${code ?? (error as Error).message}). Choose another --port.`);
    return 1;
  }
  console.log(`Tsuzuki is serving ${manager.getSettings().dir}\nOpen ${host.url}\nPress Ctrl-C to stop (downloads pause and continue next time).`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await manager.close();
  return 0;
}
