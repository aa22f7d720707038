// What the drop overlay can say before the drop: how many links are being dragged, when
// the browser lets the page read them (it does for drags within the page and synthetic
// ones; from other applications the data stays hidden until the drop).

import type { I18n } from '../../../i18n/index.ts';
import { urlsInTransfer } from './extract-urls.ts';

/** Number of links in the drag, or null when it cannot be known yet (files, hidden data). */
export function linksInDrag(types: readonly string[], get: (type: string) => string): number | null {
  if (types.includes('Files')) return null;
  const readable = types.some((type) => get(type) !== '');
  if (!readable) return null;
  return urlsInTransfer(get, types).length;
}

export function dropOverlayText(links: number | null, i18n: I18n): string {
  if (links === null || links === 0) return i18n.t('ui.drop.title');
  return i18n.t('ui.drop.titleLinks', { count: links });
}
