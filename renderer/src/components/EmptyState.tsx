import { EMPTY_FILTER_TEXT, type Filter } from '../lib/filters.ts';

/** A new window says what to do; an empty tab says it is empty. */
export function EmptyState({ filter, anyItems }: { filter: Filter; anyItems: boolean }) {
  if (anyItems) return <p className="empty muted">{EMPTY_FILTER_TEXT[filter]}</p>;
  return (
    <div className="empty">
      <p className="empty-title">Drop links here or paste them above.</p>
      <p className="muted">Downloads pick up where they left off, even after a restart or a lost connection.</p>
    </div>
  );
}
