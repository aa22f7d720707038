import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { formatBytes } from '../../../i18n/index.ts';
import { percentOf, progressWords } from '../lib/status-line.ts';

const MAX_DRAWN_RANGES = 64;

/**
 * A thin bar coloured by state. A multi-connection download draws the ranges each
 * connection has finished, so the gaps still being fetched show; otherwise one fill.
 */
export function ProgressBar({ item }: { item: ItemSnapshot }) {
  const { t, i18n } = useTranslation();
  // The name's label stays while the bytes move (one translation fewer per update of a running row).
  const label = useMemo(() => t('ui.row.progressLabel', { name: item.name }), [t, item.name, i18n.language]);
  const percent = percentOf(item);
  // The words for screen readers change when the percent or the size they show (three
  // digits) does, not with every byte: a slow download keeps them for many updates.
  const shownBytes = formatBytes(item.bytes, i18n.language);
  const words = useMemo(() => progressWords(item, i18n), [item.state, item.total, percent, shownBytes, i18n, i18n.language]);
  const total = item.total;
  const ranges = total && item.connections > 1 && item.state !== 'done' && item.segments.length > 1 ? item.segments.slice(0, MAX_DRAWN_RANGES) : null;
  const indeterminate = percent === null && item.state === 'downloading';
  const fraction = item.state === 'done' ? 1 : total ? Math.min(1, Math.max(0, item.bytes / total)) : 0;
  return (
    <div
      className={`bar${indeterminate ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={words}
    >
      {ranges ? (
        ranges.map(([start, end]) => <div key={start} className="fill" style={{ left: `${(start / total!) * 100}%`, width: `${((end - start) / total!) * 100}%` }} />)
      ) : (
        <div className="fill whole" style={indeterminate ? undefined : { transform: `scaleX(${fraction})` }} />
      )}
    </div>
  );
}
