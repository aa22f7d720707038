// The application menu (Edit for the add box's cut / copy / paste, View, Window, Help) from
// the model in main/host/desktop/app-menu.ts.

import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { appMenu, type MenuEntry } from '../host/desktop/app-menu.ts';
import { iconPath } from './desktop-presence.ts';

export function installAppMenu(): void {
  app.setAboutPanelOptions({ applicationName: 'Tsuzuki', applicationVersion: app.getVersion(), copyright: 'Copyright © 2026 Tsuzuki developers', iconPath: iconPath('icon.png') });
  const model = appMenu({ mac: process.platform === 'darwin', packaged: app.isPackaged, labels: { file: 'File', view: 'View', help: 'Help', about: 'About Tsuzuki' } });
  Menu.setApplicationMenu(Menu.buildFromTemplate(model.map(toElectron)));
}

function toElectron(entry: MenuEntry): MenuItemConstructorOptions {
  if ('separator' in entry) return { type: 'separator' };
  if ('submenu' in entry) return { label: entry.label, ...(entry.role ? { role: entry.role } : {}), submenu: entry.submenu.map(toElectron) };
  if ('action' in entry) return { label: entry.label, click: () => app.showAboutPanel() };
  return { role: entry.role };
}
