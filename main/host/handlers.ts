// The commands of the contract, mapped onto the engine. One map serves both hosts; the
// `CommandHandlers` type makes a command without a handler a compile error.

import type { CommandHandlers } from '../contract.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import { DownloadError } from '../engine/errors.ts';
import type { Pairings } from './extension/pairings.ts';

/** What only the host's platform can do (Electron opens files; a browser host cannot). */
export interface Platform {
  openFile(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
  /** Folders a client may name for downloads (the web host confines them); undefined = any. */
  allowedFolder?(dir: string): boolean;
  /** The system's folder picker, where the host has one (null: the person canceled). */
  chooseFolder?(defaultPath: string): Promise<string | null>;
  /** Whether the desktop-only settings (tray, notifications, keep awake, login) apply. */
  desktopSettings?: boolean;
}

/** `pairings`: the browsers that may hand downloads over, where this host listens for them. */
export function createHandlers(manager: DownloadManager, platform: Platform, pairings?: Pairings): CommandHandlers {
  return {
    add: ({ urls, options }) => {
      if (options?.dir !== undefined && platform.allowedFolder && !platform.allowedFolder(options.dir)) {
        throw new DownloadError('ERR_FOLDER', { params: { variant: 'confined', path: options.dir } });
      }
      return manager.add(urls, options);
    },
    pause: ({ ids }) => manager.pause(ids),
    resume: ({ ids }) => manager.resume(ids),
    pauseAll: () => manager.pauseAll(),
    resumeAll: () => manager.resumeAll(),
    cancel: ({ ids }) => manager.cancel(ids),
    remove: ({ ids, deleteFile }) => manager.remove(ids, deleteFile),
    retry: ({ ids }) => manager.retry(ids),
    changeUrl: ({ id, url }) => manager.changeUrl(id, url),
    reorder: ({ id, toIndex }) => manager.reorder(id, toIndex),
    list: () => manager.list(),
    getSettings: () => manager.getSettings(),
    setSettings: (patch) => {
      if (patch.dir !== undefined && platform.allowedFolder && !platform.allowedFolder(patch.dir)) {
        throw new DownloadError('ERR_FOLDER', { params: { variant: 'fixed' } });
      }
      return manager.setSettings(patch);
    },
    getStatus: async () => ({ freeBytes: await manager.freeBytes(), dir: manager.getSettings().dir }),
    openFile: ({ id }) => platform.openFile(requireDone(manager, id)),
    showInFolder: ({ id }) => platform.showInFolder(manager.filePath(id)),
    getHostFeatures: () => ({ chooseFolder: platform.chooseFolder !== undefined, desktopSettings: platform.desktopSettings === true }),
    chooseFolder: async ({ defaultPath }) => {
      if (!platform.chooseFolder) {
        throw new DownloadError('ERR_UNSUPPORTED', { params: { variant: 'chooseFolder' } });
      }
      return { path: await platform.chooseFolder(defaultPath ?? manager.getSettings().dir) };
    },
    listPairings: () => pairings?.view() ?? { pending: [], paired: [] },
    answerPairing: ({ id, approve }) => {
      if (!pairings?.answer(id, approve)) throw new DownloadError('ERR_INVALID_STATE', { params: { variant: 'pairingGone' } });
    },
    revokePairing: ({ id }) => {
      pairings?.revoke(id);
    },
    // Copies: the manager's list is its own.
    listSetAside: () =>
      manager.unreadableDocuments.map(({ path, reason, movedTo, entries }) => ({
        path,
        reason,
        ...(movedTo === undefined ? {} : { movedTo }),
        ...(entries === undefined ? {} : { entries }),
      })),
  };
}

function requireDone(manager: DownloadManager, id: string): string {
  const item = manager.get(id);
  if (!item) throw new DownloadError('ERR_UNKNOWN_ITEM', { params: { id: id.slice(0, 100) }, action: 'reload' });
  if (item.state !== 'done' || !item.path) throw new DownloadError('ERR_INVALID_STATE', { params: { variant: 'notFinished', name: item.name } });
  return item.path;
}
