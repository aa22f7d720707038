import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../lib/filters.ts';

export interface EmptyStateProps {
  filter: Filter;
  anyItems: boolean;
  /** The list's own id and name: the empty list stands where the list was, for the tabs that control it. */
  id: string;
  labelledBy: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A new window says what to do; an empty tab says it is empty. It can hold the focus (not in
 * the Tab order), so that when the last row goes the focus stays in the list's place, as in
 * a file manager whose folder was emptied, instead of falling to the page.
 */
export function EmptyState({ filter, anyItems, id, labelledBy, ref }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <div ref={ref} id={id} role="region" aria-labelledby={labelledBy} tabIndex={-1} className={anyItems ? 'empty muted' : 'empty'}>
      {anyItems ? (
        <p>{t(`ui.empty.${filter}`)}</p>
      ) : (
        <>
          <p className="empty-title">{t('ui.empty.title')}</p>
          <p className="muted">{t('ui.empty.body')}</p>
        </>
      )}
    </div>
  );
}
