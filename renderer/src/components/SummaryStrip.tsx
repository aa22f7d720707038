import type { Filter } from '../lib/filters.ts';
import { useSteadyValue } from '../hooks/use-steady-value.ts';
import { formatBytes, formatSpeed } from '../lib/format.ts';
import { Icon } from './Icon.tsx';

export interface SummaryStripProps {
  speed: number;
  counts: Readonly<Record<Filter, number>>;
  freeBytes: number | null;
  dir: string | null;
  onPauseAll: () => void;
  onResumeAll: () => void;
  onSettings: () => void;
}

/** Total speed, what is running and waiting, free space, and the window-wide actions. */
export function SummaryStrip({ speed, counts, freeBytes, dir, onPauseAll, onResumeAll, onSettings }: SummaryStripProps) {
  const speedText = useSteadyValue(formatSpeed(speed), speed === 0, 600);
  return (
    <section className="summary" aria-label="Summary">
      <span className="speed" title="Total download speed">
        <span aria-hidden="true">↓ </span>
        <span className="visually-hidden">Total speed </span>
        {speedText}
      </span>
      <span className="counts">
        {counts.active} active · {counts.queued} queued
      </span>
      {freeBytes !== null && (
        <span className="muted free" title={dir ? `Free space in ${dir}` : undefined}>
          {formatBytes(freeBytes)} free
        </span>
      )}
      <span className="summary-actions">
        <button type="button" aria-label="Pause all downloads" disabled={counts.active + counts.queued === 0} onClick={onPauseAll}>
          Pause all
        </button>
        <button type="button" aria-label="Resume all downloads" disabled={counts.paused === 0} onClick={onResumeAll}>
          Resume all
        </button>
        <button type="button" className="with-icon" onClick={onSettings}>
          <Icon name="settings" />
          Settings
        </button>
      </span>
    </section>
  );
}
