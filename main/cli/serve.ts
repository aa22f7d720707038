// `tsuzuki serve`: the window in a browser. Serves the built renderer and the contract on
// 127.0.0.1 with a random token, and keeps the items across restarts in its state folder.
// Listening beyond loopback, it refuses links to this machine and its own network unless
// --allow-private (docs/ARCHITECTURE.md#destinations).
// The engine and the server load only after the flags are read, so --help and flag errors
// answer at once.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ipaddr from 'ipaddr.js';
import type { DownloadManager } from '../engine/download-manager.ts';
import type { UnreadableDocument } from '../engine/readable-documents.ts';
import { watchNetwork } from '../host/network-watch.ts';
import { errorText, i18n, problemText, say, setAsideText, stateProblemText } from './messages.ts';
import { defaultStateDir } from './state-dir.ts';

export const DEFAULT_PORT = 7890;

/** The built window (npm run build). main/cli and the CLI bundle in out/cli are both two levels below the root. */
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

/** Only this machine can reach a server bound here (all of 127/8 and ::1, IPv4-mapped forms too). */
function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

export interface ServeOptions {
  /** Where the built renderer is (tests point this at a fixture). */
  rendererDir?: string;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  stopSignal?: Promise<unknown>;
}

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'allow-private': { type: 'boolean' },
  dir: { type: 'string', short: 'd' },
  state: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function serveCommand(argv: string[], options: ServeOptions = {}): Promise<number> {
  let values: { port?: string; host?: string; 'allow-private'?: boolean; dir?: string; state?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (error) {
    console.error(`tsuzuki serve: ${problemText(error, argv, OPTIONS, false)}\n${say('serve.seeHelp')}`);
    return 2;
  }
  if (values.help) {
    console.log(say('serve.help', { port: DEFAULT_PORT }));
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    console.error(`tsuzuki serve: ${say('serve.badPort', { value: values.port })}`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  if (host === '' || (net.isIP(host) === 0 && !/^[a-z0-9.-]+$/i.test(host))) {
    console.error(`tsuzuki serve: ${say('serve.badHost', { value: host })}`);
    return 2;
  }
  for (const flag of ['dir', 'state'] as const) {
    if (values[flag] === '') {
      console.error(`tsuzuki serve: ${say('serve.needsFolder', { flag })}`);
      return 2;
    }
  }
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`tsuzuki serve: ${say('serve.notBuilt', { path: path.join(rendererDir, 'index.html') })}`);
    return 1;
  }

  const [{ DownloadManager: Manager }, { confStoreProvider }, { startWebHost }, { keptToken }, { toErrorInfo }, { Pairings }, { isPublicAddress }, { readableDocuments }] = await Promise.all([
    import('../engine/download-manager.ts'),
    import('../stores/conf-store.ts'),
    import('../web/web-host.ts'),
    import('../web/kept-token.ts'),
    import('../engine/errors.ts'),
    import('../host/extension/pairings.ts'),
    import('../engine/public-address.ts'),
    import('../engine/readable-documents.ts'),
  ]);
  // Whoever reaches a server beyond loopback could otherwise make this machine fetch from
  // its own network; on loopback only its own user can, who can fetch from there anyway.
  const exposed = !isLoopbackHost(host);
  const refusePrivate = exposed && !values['allow-private'];
  const stateDir = path.resolve(values.state ?? defaultStateDir('web'));
  let manager: DownloadManager;
  try {
    manager = await Manager.open({ store: confStoreProvider(stateDir), ...(refusePrivate && { allowAddress: isPublicAddress }) });
  } catch (error) {
    // The same words as tsuzuki get's: what is wrong with the folder, and to name another.
    console.error(`tsuzuki serve: ${say('get.stateFolder', { dir: stateDir, problem: stateProblemText(error) })}`);
    return 1;
  }
  for (const doc of manager.unreadableDocuments) console.error(`tsuzuki serve: ${setAsideText(doc)}`);
  try {
    // An explicit folder is the user's choice: saved, so the next start uses it too.
    if (values.dir) manager.setSettings({ dir: path.resolve(values.dir) });
  } catch (error) {
    await manager.close();
    console.error(`tsuzuki serve: ${errorText(toErrorInfo(error))}`);
    return 1;
  }

  let server: Awaited<ReturnType<typeof startWebHost>>;
  // The web host's own documents, moved aside like the engine's when they cannot be read.
  const setAside: UnreadableDocument[] = [];
  try {
    // Browsers paired for hand-off are kept beside the items, so a restart keeps them paired;
    // so is the token, so a restart keeps the link and the windows open on it.
    const store = readableDocuments(confStoreProvider(stateDir), setAside);
    server = await startWebHost({
      manager,
      rendererDir,
      port,
      host,
      token: keptToken(() => store.open(stateDir, 'web')),
      pairings: new Pairings(store.open(stateDir, 'browsers')),
      onSendEvent: (event) => {
        if (event.kind === 'closed') console.error(`tsuzuki serve: ${say('serve.closedSlow', { bytes: event.bufferedBytes })}`);
      },
    });
  } catch (error) {
    await manager.close();
    const code = (error as NodeJS.ErrnoException).code;
    const line = say('serve.cannotListen', { host, port, detail: code ?? (error as Error).message });
    console.error(`tsuzuki serve: ${code === 'EADDRINUSE' ? i18n.t('join.sentences', { first: line, second: say('serve.portInUse') }) : line}`);
    return 1;
  }
  for (const doc of setAside) console.error(`tsuzuki serve: ${setAsideText(doc)}`);
  if (exposed) {
    const warning = say('serve.exposed', { host });
    console.error(`tsuzuki serve: ${refusePrivate ? i18n.t('join.sentences', { first: warning, second: say('serve.privateRefused') }) : warning}`);
  }
  console.log(say('serve.serving', { dir: manager.getSettings().dir, url: server.url }));

  // The machine back on a network: downloads waiting out a backoff go at once.
  const network = watchNetwork(() => manager.networkBack());
  await (options.stopSignal ?? untilSignal());
  network.stop();
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
