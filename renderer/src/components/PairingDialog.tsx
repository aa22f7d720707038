import * as Dialog from '@radix-ui/react-dialog';
import type { PendingPairing } from '../../../main/contract.ts';

/**
 * A browser's extension asks to hand downloads over. The same code shows in the browser's
 * popup, so the person can tell this request is theirs before allowing it.
 */
export function PairingDialog({ request, onAnswer }: { request: PendingPairing | undefined; onAnswer: (id: string, approve: boolean) => void }) {
  return (
    <Dialog.Root open={request !== undefined} onOpenChange={(open) => !open && request && onAnswer(request.id, false)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby="pairing-description" data-testid="pairing-dialog">
          <Dialog.Title className="dialog-title">Connect a browser?</Dialog.Title>
          <div className="dialog-body" id="pairing-description">
            <p>
              <strong>{request?.browser}</strong> wants to send its downloads to Tsuzuki, with the cookies and page each one needs. Allow it only if the browser shows this same code:
            </p>
            <p className="pairing-code" data-testid="pairing-code">
              {request?.code}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => request && onAnswer(request.id, false)}>
              Deny
            </button>
            <button type="button" className="primary" autoFocus onClick={() => request && onAnswer(request.id, true)}>
              Allow
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
