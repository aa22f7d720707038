// Closing the last window: with a tray icon and the setting on (the default), downloads go
// on behind the tray, and the first time a notification says where the app went. Without a
// tray (some Linux desktops) or with the setting off, closing quits as before (except on
// macOS, where apps stay in the dock).

import { app } from 'electron';
import ElectronStore from 'electron-store';
import type { DownloadManager } from '../engine/download-manager.ts';
import { PRIVATE_FILE_MODE } from '../engine/private-state.ts';
import type { I18n } from '../../i18n/index.ts';
import { closedToTrayText } from '../host/desktop/words.ts';
import type { DesktopPresence } from './desktop-presence.ts';

export function keepRunningInTray(options: { manager: DownloadManager; presence: DesktopPresence; userData: string; i18n: I18n }): void {
  const { manager, presence } = options;
  // One small flag, next to the app's other state: whether that first notice was shown.
  const seen = new ElectronStore<{ closedToTrayNoticeShown: boolean }>({ cwd: options.userData, name: 'desktop', defaults: { closedToTrayNoticeShown: false }, configFileMode: PRIVATE_FILE_MODE });
  app.on('window-all-closed', () => {
    if (presence.tray && manager.getSettings().closeToTray) {
      if (!seen.get('closedToTrayNoticeShown')) {
        seen.set('closedToTrayNoticeShown', true);
        const { title, body } = closedToTrayText(options.i18n);
        presence.notify(title, body);
      }
      return;
    }
    if (process.platform !== 'darwin') app.quit();
  });
}
