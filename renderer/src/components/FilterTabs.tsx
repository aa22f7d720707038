import { FILTER_LABELS, FILTERS, type Filter } from '../lib/filters.ts';

export function FilterTabs({ value, counts, onChange }: { value: Filter; counts: Record<Filter, number>; onChange: (filter: Filter) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label="Show downloads">
      {FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          role="tab"
          aria-selected={value === filter}
          className={value === filter ? 'tab selected' : 'tab'}
          onClick={() => onChange(filter)}
        >
          {FILTER_LABELS[filter]} <span className="count">{counts[filter]}</span>
        </button>
      ))}
    </div>
  );
}
