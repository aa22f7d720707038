import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRestoreFocus } from '../hooks/use-restore-focus.ts';

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Cancel is the default (it has the focus): what is confirmed cannot be undone (files deleted). */
  cancelByDefault?: boolean;
  onConfirm: () => void;
  /** Called when the person says no (Cancel, Escape, a click outside). */
  onCancel?: () => void;
}

/**
 * Asks before something happens (several links start, files are deleted). Escape or Cancel
 * says no; Enter says yes, unless deleting files, where Enter on the focused Cancel says no.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocus(request !== null);
  const cancel = () => {
    request?.onCancel?.();
    onClose();
  };
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && cancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={restoreFocus} aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{request?.title}</Dialog.Title>
          <div className="dialog-body">{request?.body}</div>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" autoFocus={request?.cancelByDefault === true}>
                {t('ui.dialog.cancel')}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className={request?.danger ? 'danger' : 'primary'}
              autoFocus={request?.cancelByDefault !== true}
              onClick={() => {
                request?.onConfirm();
                onClose();
              }}
            >
              {request?.confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
