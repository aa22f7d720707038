// The desktop shell's words for what main/host/desktop decides (tray, notifications, the
// app menu), from the shared i18n catalogue in the shell's language.

import { describeReason, formatPercent, type I18n } from '../../../i18n/index.ts';
import type { AddResult } from '../../engine/item.ts';
import type { DesktopNotice } from './notices.ts';
import type { TrayAction, TrayTooltip } from './presence.ts';

/** `↓ 12.4 MB/s · 3 active · 45 %` */
export function tooltipText(i18n: I18n, tooltip: TrayTooltip): string {
  if (tooltip.kind === 'idle') return i18n.t('desktop.tray.idle');
  const parts = [i18n.t('desktop.tray.speed', { speed: tooltip.speed }), i18n.t('desktop.tray.active', { count: tooltip.active })];
  if (tooltip.queued > 0) parts.push(i18n.t('desktop.tray.queued', { count: tooltip.queued }));
  if (tooltip.percent !== null) parts.push(formatPercent(tooltip.percent, i18n.language));
  return parts.join(' · ');
}

export function trayLabel(i18n: I18n, action: TrayAction): string {
  return i18n.t(`desktop.tray.${action}`);
}

export function noticeText(i18n: I18n, notice: DesktopNotice): { title: string; body: string } {
  switch (notice.kind) {
    case 'finished':
      return { title: i18n.t('desktop.notice.finished'), body: notice.name };
    case 'finishedMany':
      return { title: i18n.t('desktop.notice.finishedMany', { count: notice.count }), body: notice.dir ? i18n.t('desktop.notice.inFolder', { dir: notice.dir }) : i18n.t('desktop.notice.seeInApp') };
    case 'failed':
      return { title: i18n.t('desktop.notice.failed'), body: notice.error ? i18n.t('desktop.notice.failedBody', { name: notice.name, reason: describeReason(i18n, notice.error) }) : notice.name };
    case 'failedMany':
      return { title: i18n.t('desktop.notice.failedMany', { count: notice.count }), body: i18n.t('desktop.notice.seeInApp') };
  }
}

/** Links from a second launch (or the first one's command line) that the engine refused: how many, and the first one's reason. */
export function notAddedText(i18n: I18n, rejected: AddResult['rejected']): { title: string; body: string } {
  const first = rejected[0]!;
  return { title: i18n.t('desktop.notice.notAdded', { count: rejected.length }), body: describeReason(i18n, first.error) };
}

export function closedToTrayText(i18n: I18n): { title: string; body: string } {
  return { title: i18n.t('desktop.notice.closedToTrayTitle'), body: i18n.t('desktop.notice.closedToTrayBody') };
}

export function menuLabels(i18n: I18n): { file: string; view: string; help: string; about: string } {
  return { file: i18n.t('desktop.menu.file'), view: i18n.t('desktop.menu.view'), help: i18n.t('desktop.menu.help'), about: i18n.t('desktop.menu.about') };
}

/** The question asked before opening a downloaded program (see main/host/open-warning.ts). */
export function openWarningText(i18n: I18n, name: string): { message: string; detail: string; buttons: [open: string, cancel: string] } {
  return {
    message: i18n.t('desktop.openWarning.title'),
    detail: i18n.t('desktop.openWarning.detail', { name }),
    buttons: [i18n.t('desktop.openWarning.open'), i18n.t('desktop.openWarning.cancel')],
  };
}
