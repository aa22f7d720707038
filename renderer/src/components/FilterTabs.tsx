import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTERS, type Filter } from '../lib/filters.ts';

export const tabId = (filter: Filter) => `tab-${filter}`;

/** All · Active · Queued · Paused · Done · Failed, with counts. Arrow keys move between tabs. */
export function FilterTabs({ value, counts, onChange, controls }: { value: Filter; counts: Readonly<Record<Filter, number>>; onChange: (filter: Filter) => void; controls: string }) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = FILTERS.indexOf(value);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? FILTERS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const filter = FILTERS[(next + FILTERS.length) % FILTERS.length]!;
    onChange(filter);
    list.current?.querySelector<HTMLElement>(`#${tabId(filter)}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('ui.tabs.label')} ref={list} onKeyDown={move}>
      {FILTERS.map((filter) => (
        <button
          key={filter}
          id={tabId(filter)}
          type="button"
          role="tab"
          aria-selected={value === filter}
          aria-controls={controls}
          tabIndex={value === filter ? 0 : -1}
          className={value === filter ? 'tab selected' : 'tab'}
          onClick={() => onChange(filter)}
        >
          {/* A badge of bare digits, as in a mail client's folder list: scripts and probes read it as the number. */}
          {t(`ui.tabs.${filter}`)} <span className="count">{counts[filter]}</span>
        </button>
      ))}
    </div>
  );
}
