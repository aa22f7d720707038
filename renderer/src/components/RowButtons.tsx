import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemState } from '../../../main/contract.ts';
import { isRunning } from '../lib/filters.ts';
import { Icon, type IconName } from './Icon.tsx';
import type { RowAction } from './row-actions.ts';

export interface RowButtonsProps {
  name: string;
  state: ItemState;
  /** Whether Tab reaches the buttons (only in the row that has the list's focus). */
  tabbable: boolean;
  /** Acts on the row's item as it is when the button is pressed. */
  onAction: (action: RowAction) => void;
}

/**
 * A row's pause / resume / retry and cancel buttons. Memoized on what they show, like the
 * menu: their four labels went through i18next at every progress update of a running row,
 * about a sixth of the window's translation work while nothing in them changed.
 */
export const RowButtons = memo(function RowButtons({ name, state, tabbable, onAction }: RowButtonsProps) {
  const { t } = useTranslation();
  const primary: { action: 'pause' | 'resume' | 'retry'; icon: IconName } | null = isRunning(state)
    ? { action: 'pause', icon: 'pause' }
    : state === 'paused'
      ? { action: 'resume', icon: 'play' }
      : state === 'failed' || state === 'canceled'
        ? { action: 'retry', icon: 'retry' }
        : null;
  const cancellable = state !== 'done' && state !== 'canceled';
  return (
    <>
      <span className="slot">
        {primary && (
          <button type="button" className="icon-button" tabIndex={tabbable ? 0 : -1} aria-label={t(`ui.row.${primary.action}Label`, { name })} title={t(`ui.row.${primary.action}`)} onClick={() => onAction(primary.action)}>
            <Icon name={primary.icon} />
          </button>
        )}
      </span>
      <span className="slot">
        {cancellable && (
          <button type="button" className="icon-button" tabIndex={tabbable ? 0 : -1} aria-label={t('ui.row.cancelLabel', { name })} title={t('ui.row.cancelTitle')} onClick={() => onAction('cancel')}>
            <Icon name="cancel" />
          </button>
        )}
      </span>
    </>
  );
});
