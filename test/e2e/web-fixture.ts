// One web host per test file, backed by a real engine and a real faulty file server.

import path from 'node:path';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager } from '../support/manager.ts';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { startWebHost, type WebHost } from '../../main/web/web-host.ts';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

export interface WebSetup {
  server: FaultServer;
  manager: DownloadManager;
  host: WebHost;
  ws: ReturnType<typeof tempWorkspace>;
  restartHost(): Promise<void>;
  close(): Promise<void>;
}

/** `stateDir`: where the engine keeps its records, when not in the workspace (a small disk, say). */
export async function startWebSetup(options: { stateDir?: string } = {}): Promise<WebSetup> {
  const server = await startFaultServer();
  const ws = tempWorkspace('tsuzuki-e2e-');
  const stateDir = options.stateDir ?? ws.state;
  const setup = {
    server,
    ws,
    manager: await openTestManager(stateDir, ws.downloads, { stallTimeoutMs: 5000 }),
    host: undefined as unknown as WebHost,
    async restartHost() {
      await setup.host.close();
      await setup.manager.close();
      setup.manager = await openTestManager(stateDir, ws.downloads, { stallTimeoutMs: 5000 });
      setup.host = await startWebHost({ manager: setup.manager, rendererDir: RENDERER_DIR, port: 0 });
    },
    async close() {
      await setup.host.close();
      await setup.manager.close();
      await server.close();
      ws.cleanup();
    },
  };
  setup.host = await startWebHost({ manager: setup.manager, rendererDir: RENDERER_DIR, port: 0 });
  return setup;
}
