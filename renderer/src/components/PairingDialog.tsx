import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import type { PendingPairing } from '../../../main/contract.ts';

/**
 * A browser's extension asks to hand downloads over. The same code shows in the browser's
 * popup, so the person can tell this request is theirs before allowing it.
 */
export function PairingDialog({ request, onAnswer }: { request: PendingPairing | undefined; onAnswer: (id: string, approve: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={request !== undefined} onOpenChange={(open) => !open && request && onAnswer(request.id, false)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby="pairing-description" data-testid="pairing-dialog">
          <Dialog.Title className="dialog-title">{t('ui.pairing.title')}</Dialog.Title>
          <div className="dialog-body" id="pairing-description">
            <p>{t('ui.pairing.body', { browser: request?.browser ?? '' })}</p>
            <p className="pairing-code" data-testid="pairing-code">
              {request?.code}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => request && onAnswer(request.id, false)}>
              {t('ui.pairing.deny')}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => request && onAnswer(request.id, true)}>
              {t('ui.pairing.allow')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
