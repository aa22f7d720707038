import type { Filter } from '../lib/filters.ts';
import { useSteadyValue } from '../hooks/use-steady-value.ts';
import { useTranslation } from 'react-i18next';
import { formatSpeed } from '../../../i18n/index.ts';
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
  const { t, i18n } = useTranslation();
  const speedText = useSteadyValue(formatSpeed(speed, i18n.language), speed === 0, 600);
  return (
    <section className="summary" aria-label={t('ui.summary.label')}>
      <span className="speed" title={t('ui.summary.speedTitle')}>
        <span aria-hidden="true">↓ </span>
        <span className="visually-hidden">{t('ui.summary.totalSpeed')} </span>
        {speedText}
      </span>
      <span className="counts">
        {t('ui.summary.counts', { active: counts.active, queued: counts.queued })}
      </span>
      {freeBytes !== null && (
        <span className="muted free" title={dir ? t('ui.summary.freeIn', { dir }) : undefined}>
          {t('ui.summary.free', { bytes: freeBytes })}
        </span>
      )}
      <span className="summary-actions">
        <button type="button" aria-label={t('ui.summary.pauseAllLabel')} disabled={counts.active + counts.queued === 0} onClick={onPauseAll}>
          {t('ui.summary.pauseAll')}
        </button>
        <button type="button" aria-label={t('ui.summary.resumeAllLabel')} disabled={counts.paused === 0} onClick={onResumeAll}>
          {t('ui.summary.resumeAll')}
        </button>
        <button type="button" className="with-icon" onClick={onSettings}>
          <Icon name="settings" />
          {t('ui.summary.settings')}
        </button>
      </span>
    </section>
  );
}
