// The app outside its window: tray icon and menu, taskbar / dock progress, the badge,
// notifications, and the power-save blocker. What each shows is decided in
// main/host/desktop from the item events; this file only hands those answers to Electron.

import { app, Menu, Notification, nativeImage, powerSaveBlocker, shell, Tray, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Settings } from '../contract.ts';
import type { DownloadManager } from '../engine/download-manager.ts';
import { DesktopActivity } from '../host/desktop/activity.ts';
import { NoticeBatcher, noticeClick, type DesktopNotice, type NoticeClick } from '../host/desktop/notices.ts';
import { AwakeHold, badgeCount, keepAwake, progressBar, trayMenu, trayTooltip, type TrayAction } from '../host/desktop/presence.ts';
import type { I18n } from '../../i18n/index.ts';
import { noticeText, tooltipText, trayLabel } from '../host/desktop/words.ts';

/** Icons made from build/icon.svg by scripts/make-icons.ts (packaged with the app). */
export const iconPath = (name: string) => path.join(app.getAppPath(), 'resources', name);

export interface PresenceHost {
  i18n: I18n;
  window(): BrowserWindow | undefined;
  showWindow(): void;
  /** Shows the window and that row in it. */
  reveal(id: string): void;
  quit(): void;
}

export class DesktopPresence {
  readonly tray: Tray | undefined;
  readonly #activity = new DesktopActivity();
  readonly #manager: DownloadManager;
  readonly #host: PresenceHost;
  readonly #awake = new AwakeHold(
    () => powerSaveBlocker.start('prevent-app-suspension'),
    (id) => powerSaveBlocker.stop(id),
  );
  readonly #notices = new NoticeBatcher((notices) => this.#notify(notices));
  /** Shown notifications, kept referenced so their click handlers outlive a GC. */
  readonly #shown = new Set<Notification>();
  #menuKey = '';
  #tooltip = '';

  constructor(manager: DownloadManager, host: PresenceHost) {
    this.#manager = manager;
    this.#host = host;
    this.tray = createTray();
    this.tray?.on('click', () => host.showWindow());
    this.#activity.seed(manager.list());
    manager.on('items', (batch) => {
      const outcome = this.#activity.apply(batch);
      if (manager.getSettings().notifications) this.#notices.push(outcome);
      this.refresh();
    });
    manager.on('settings', () => this.refresh());
    this.refresh();
  }

  /** Puts the current state everywhere it shows; cheap when nothing changed. */
  refresh(): void {
    const summary = this.#activity.summary();
    const settings: Settings = this.#manager.getSettings();
    const bar = progressBar(summary);
    const window = this.#host.window();
    if (window && !window.isDestroyed()) window.setProgressBar(bar.value, { mode: bar.mode });
    app.setBadgeCount(badgeCount(summary));
    this.#awake.update(keepAwake(summary, settings));
    if (!this.tray) return;
    const tooltip = tooltipText(this.#host.i18n, trayTooltip(summary));
    if (tooltip !== this.#tooltip) this.tray.setToolTip((this.#tooltip = tooltip));
    const entries = trayMenu(summary);
    // The language is part of the key: a language change re-words the menu.
    const key = `${this.#host.i18n.language}|${entries.map((entry) => `${entry.action}:${entry.enabled}`).join(',')}`;
    if (key === this.#menuKey) return;
    this.#menuKey = key;
    this.tray.setContextMenu(
      Menu.buildFromTemplate(
        entries.flatMap((entry) => [
          ...(entry.separatorBefore ? [{ type: 'separator' as const }] : []),
          { id: entry.action, label: trayLabel(this.#host.i18n, entry.action), enabled: entry.enabled, click: () => this.#trayAction(entry.action) },
        ]),
      ),
    );
  }

  /** A one-off notification (e.g. "still running in the tray"). */
  notify(title: string, body: string, onClick?: () => void): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body, icon: iconPath('icon.png') });
    this.#shown.add(notification);
    notification.on('click', () => onClick?.());
    notification.on('close', () => this.#shown.delete(notification));
    notification.show();
  }

  stop(): void {
    this.#notices.stop();
    this.#awake.update(false);
    this.tray?.destroy();
  }

  #trayAction(action: TrayAction): void {
    if (action === 'show') this.#host.showWindow();
    else if (action === 'pauseAll') this.#manager.pauseAll();
    else if (action === 'resumeAll') this.#manager.resumeAll();
    else this.#host.quit();
  }

  #notify(notices: DesktopNotice[]): void {
    if (!this.#manager.getSettings().notifications) return;
    for (const notice of notices) {
      const { title, body } = noticeText(this.#host.i18n, notice);
      this.notify(title, body, () => this.#click(noticeClick(notice)));
    }
  }

  #click(click: NoticeClick): void {
    if (click.kind === 'showInFolder') shell.showItemInFolder(click.path);
    else if (click.kind === 'openFolder') void shell.openPath(click.dir);
    else if (click.id) this.#host.reveal(click.id);
    else this.#host.showWindow();
  }
}

/** A tray icon where the desktop has a tray; the app works without one. */
function createTray(): Tray | undefined {
  try {
    const image = nativeImage.createFromPath(iconPath(process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return new Tray(image);
  } catch {
    return undefined;
  }
}
