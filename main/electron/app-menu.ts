// The application menu (Edit for the add box's cut / copy / paste, View, Window, Help) from
// the model in main/host/desktop/app-menu.ts.

import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { I18n } from '../../i18n/index.ts';
import { appMenu, type MenuEntry } from '../host/desktop/app-menu.ts';
import { menuLabels } from '../host/desktop/words.ts';
import { iconPath } from './desktop-presence.ts';

export function installAppMenu(i18n: I18n): void {
  app.setAboutPanelOptions({ applicationName: 'Tsuzuki', applicationVersion: app.getVersion(), copyright: 'Copyright © 2026 Tsuzuki developers', iconPath: iconPath('icon.png') });
  const model = appMenu({ mac: process.platform === 'darwin', packaged: app.isPackaged, labels: menuLabels(i18n) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(model.map(toElectron)));
}

function toElectron(entry: MenuEntry): MenuItemConstructorOptions {
  if ('separator' in entry) return { type: 'separator' };
  if ('submenu' in entry) return { label: entry.label, ...(entry.role ? { role: entry.role } : {}), submenu: entry.submenu.map(toElectron) };
  if ('action' in entry) return { label: entry.label, click: () => app.showAboutPanel() };
  return { role: entry.role };
}
