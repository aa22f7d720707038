import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import type { ItemSnapshot } from '../../../main/contract.ts';

export function ChangeLinkDialog({ item, onClose, onChange }: { item: ItemSnapshot | null; onClose: () => void; onChange: (id: string, url: string) => void }) {
  const [url, setUrl] = useState('');
  useEffect(() => setUrl(item?.url ?? ''), [item]);
  return (
    <Dialog.Root open={item !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Change link for {item?.name}</Dialog.Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (item) onChange(item.id, url.trim());
              onClose();
            }}
          >
            <p className="muted">The bytes already downloaded are kept if the new link serves the same file.</p>
            <input type="url" aria-label="New link" value={url} onChange={(e) => setUrl(e.target.value)} autoFocus />
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary">
                Change link
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
