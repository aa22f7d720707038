// The desktop shell's words for what main/host/desktop decides (tray, notifications, menus).
// Kept in one place at the edge so the decisions stay data.

import prettyBytes from 'pretty-bytes';
import type { DesktopNotice } from './notices.ts';
import type { TrayAction, TrayTooltip } from './presence.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function tooltipText(tooltip: TrayTooltip): string {
  if (tooltip.kind === 'idle') return 'Tsuzuki · no downloads running';
  const parts = [`↓ ${prettyBytes(tooltip.speed, { maximumFractionDigits: 1 })}/s`, `${tooltip.active} active`];
  if (tooltip.queued > 0) parts.push(`${tooltip.queued} queued`);
  if (tooltip.percent !== null) parts.push(`${tooltip.percent} %`);
  return parts.join(' · ');
}

export const TRAY_LABELS: Record<TrayAction, string> = {
  show: 'Show Tsuzuki',
  pauseAll: 'Pause all',
  resumeAll: 'Resume all',
  quit: 'Quit Tsuzuki',
};

export function noticeText(notice: DesktopNotice): { title: string; body: string } {
  switch (notice.kind) {
    case 'finished':
      return { title: 'Download finished', body: notice.name };
    case 'finishedMany':
      return { title: `${notice.count} downloads finished`, body: notice.dir ? `In ${notice.dir}` : 'Click to see them in Tsuzuki.' };
    case 'failed':
      return { title: 'Download failed', body: notice.error ? `${notice.name}: ${notice.error.message}` : notice.name };
    case 'failedMany':
      return { title: `${count(notice.count, 'download', 'downloads')} failed`, body: 'Click to see them in Tsuzuki.' };
  }
}

export const CLOSED_TO_TRAY_NOTICE = {
  title: 'Tsuzuki is still downloading',
  body: 'It keeps running in the tray. Quit it from the tray menu; Settings can change this.',
};
