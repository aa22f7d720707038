import { useTranslation } from 'react-i18next';
import type { Filter } from '../lib/filters.ts';

/** A new window says what to do; an empty tab says it is empty. */
export function EmptyState({ filter, anyItems }: { filter: Filter; anyItems: boolean }) {
  const { t } = useTranslation();
  if (anyItems) return <p className="empty muted">{t(`ui.empty.${filter}`)}</p>;
  return (
    <div className="empty">
      <p className="empty-title">{t('ui.empty.title')}</p>
      <p className="muted">{t('ui.empty.body')}</p>
    </div>
  );
}
