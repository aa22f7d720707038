import { dropOverlayText } from '../lib/drag-preview.ts';

/** Covers the window while links are dragged over it. Pointer events pass through to the drop. */
export function DropOverlay({ visible, links }: { visible: boolean; links: number | null }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay">
      <div className="drop-message">
        <p className="drop-title">{dropOverlayText(links)}</p>
        <p className="muted">{links === 0 ? 'No link found in what is being dragged.' : 'Links, text with links, or .txt files of links'}</p>
      </div>
    </div>
  );
}
