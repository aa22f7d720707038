import * as Menu from '@radix-ui/react-dropdown-menu';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemState } from '../../../main/contract.ts';
import { Icon } from './Icon.tsx';
import type { RowAction } from './row-actions.ts';

export interface RowMenuProps {
  name: string;
  state: ItemState;
  /** Open and Show in folder act on the computer running the engine: offered in the desktop app only. */
  localFiles: boolean;
  /** Whether Tab reaches the button (only in the row that has the list's focus). */
  tabbable: boolean;
  /** Acts on the row's item as it is when the entry is chosen. */
  onAction: (action: RowAction) => void;
}

/**
 * The row's "…" menu (Radix: keyboard navigation, focus return and Escape come with it).
 * Memoized on what it shows: a running row re-renders with every progress update, and the
 * menu was a tenth of that work while showing nothing that changed.
 */
export const RowMenu = memo(function RowMenu({ name, state, localFiles, tabbable, onAction }: RowMenuProps) {
  const { t } = useTranslation();
  const entry = (action: RowAction, label: string, enabled = true, danger = false) => (
    <Menu.Item className={danger ? 'menu-item danger' : 'menu-item'} disabled={!enabled} onSelect={() => onAction(action)}>
      {label}
    </Menu.Item>
  );
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className="icon-button" tabIndex={tabbable ? 0 : -1} aria-label={t('ui.row.moreLabel', { name })} title={t('ui.row.more')}>
          <Icon name="more" />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4} collisionPadding={8} onClick={(event) => event.stopPropagation()}>
          {localFiles && entry('open', t('ui.menu.open'), state === 'done')}
          {localFiles && entry('showInFolder', t('ui.menu.showInFolder'))}
          {entry('copyLink', t('ui.menu.copyLink'))}
          {entry('changeLink', t('ui.menu.changeLink'), state !== 'done')}
          {entry('retry', t('ui.menu.retry'), state === 'failed' || state === 'canceled')}
          <Menu.Separator className="menu-separator" />
          {entry('remove', t('ui.menu.remove'))}
          {entry('removeWithFile', t('ui.menu.removeWithFile'), true, true)}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
});
