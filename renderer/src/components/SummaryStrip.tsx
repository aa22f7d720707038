import { formatBytes, formatSpeed } from '../lib/format.ts';

export interface SummaryStripProps {
  speed: number;
  active: number;
  queued: number;
  freeBytes: number | null;
  onPauseAll: () => void;
  onResumeAll: () => void;
  onSettings: () => void;
}

export function SummaryStrip({ speed, active, queued, freeBytes, onPauseAll, onResumeAll, onSettings }: SummaryStripProps) {
  return (
    <section className="summary" aria-label="Summary">
      <span className="speed" aria-label={`Total speed ${formatSpeed(speed)}`}>
        ↓ {formatSpeed(speed)}
      </span>
      <span>
        {active} active · {queued} queued
      </span>
      {freeBytes !== null && <span className="muted">{formatBytes(freeBytes)} free</span>}
      <span className="spacer" />
      <button type="button" onClick={onPauseAll}>
        Pause all
      </button>
      <button type="button" onClick={onResumeAll}>
        Resume all
      </button>
      <button type="button" onClick={onSettings}>
        Settings
      </button>
    </section>
  );
}
