export function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) return <p className="empty">Nothing here.</p>;
  return (
    <div className="empty">
      <p className="empty-title">Drop links here or paste them above.</p>
      <p className="muted">Downloads pick up where they left off, even after a restart or a lost connection.</p>
    </div>
  );
}
