// The folder a batch of new downloads goes into, with "Save to…" where the host has a
// folder picker (the desktop app); elsewhere the default folder, as text.

import { useState } from 'react';

export interface SaveToFolderProps {
  defaultDir: string | null;
  /** Opens the system's folder picker; null when the person canceled. Absent: no picker here. */
  chooseFolder?: ((current: string | undefined) => Promise<string | null>) | undefined;
  onChange: (dir: string | undefined) => void;
  connections: string;
}

export function SaveToFolder({ defaultDir, chooseFolder, onChange, connections }: SaveToFolderProps) {
  const [dir, setDir] = useState<string | undefined>(undefined);
  const shown = dir ?? defaultDir ?? 'the download folder';
  return (
    <p className="muted save-to">
      Into {shown}, {connections} each.
      {chooseFolder && (
        <button
          type="button"
         
          onClick={() =>
            void chooseFolder(dir ?? defaultDir ?? undefined).then((picked) => {
              if (picked === null) return;
              setDir(picked);
              onChange(picked);
            })
          }
        >
          Save to…
        </button>
      )}
    </p>
  );
}
