export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-live="polite">
      <div className="drop-message">Drop to download links</div>
    </div>
  );
}
