import { useTranslation } from 'react-i18next';
import { dropOverlayText } from '../lib/drag-preview.ts';

/** Covers the window while links are dragged over it. Pointer events pass through to the drop. */
export function DropOverlay({ visible, links }: { visible: boolean; links: number | null }) {
  const { t, i18n } = useTranslation();
  if (!visible) return null;
  return (
    <div className="drop-overlay">
      <div className="drop-message">
        <p className="drop-title">{dropOverlayText(links, i18n)}</p>
        <p className="muted">{links === 0 ? t('ui.drop.noLinkDragged') : t('ui.drop.accepts')}</p>
      </div>
    </div>
  );
}
