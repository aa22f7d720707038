// The machine around the app: sleep and wake (powerMonitor), the network coming back (a
// cheap poll in main/host/network-watch.ts), and starting at login (a login item on macOS
// and Windows, an XDG autostart entry on Linux, where login items do nothing).

import { app, powerMonitor } from 'electron';
import type { Settings } from '../contract.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import { setLinuxAutostart } from '../host/desktop/linux-autostart.ts';
import { watchNetwork } from '../host/network-watch.ts';

export function followSystem(manager: DownloadManager): () => void {
  powerMonitor.on('suspend', () => manager.systemSuspended());
  powerMonitor.on('resume', () => manager.systemResumed());
  const network = watchNetwork(() => manager.networkBack());
  let openAtLogin: boolean | undefined;
  const applyLogin = (settings: Settings) => {
    if (settings.startAtLogin === openAtLogin) return;
    openAtLogin = settings.startAtLogin;
    // Started at login, the app opens in the tray (see the --hidden switch in index.ts).
    app.setLoginItemSettings({ openAtLogin, args: ['--hidden'] });
    if (process.platform !== 'linux') return;
    // A packaged AppImage is started by its own path; a checkout by Electron with the app folder.
    const command = app.isPackaged ? [process.env['APPIMAGE'] ?? process.execPath, '--hidden'] : [process.execPath, app.getAppPath(), '--hidden'];
    try {
      setLinuxAutostart(openAtLogin, { configHome: app.getPath('appData'), command });
    } catch (error) {
      console.error(`Tsuzuki: could not ${openAtLogin ? 'add' : 'remove'} the autostart entry (${(error as Error).message})`);
    }
  };
  if (manager.getSettings().startAtLogin) applyLogin(manager.getSettings());
  else openAtLogin = false;
  manager.on('settings', applyLogin);
  return () => network.stop();
}
