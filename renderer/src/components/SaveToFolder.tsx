// The folder a batch of new downloads goes into, with "Save to…" where the host has a
// folder picker (the desktop app); elsewhere the default folder, as text.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SaveToFolderProps {
  defaultDir: string | null;
  /** Opens the system's folder picker; null when the person canceled. Absent: no picker here. */
  chooseFolder?: ((current: string | undefined) => Promise<string | null>) | undefined;
  onChange: (dir: string | undefined) => void;
  /** Connections per download, or null before the settings are known. */
  connections: number | null;
}

export function SaveToFolder({ defaultDir, chooseFolder, onChange, connections }: SaveToFolderProps) {
  const { t } = useTranslation();
  const [dir, setDir] = useState<string | undefined>(undefined);
  const shown = dir ?? defaultDir;
  return (
    <p className="muted save-to">
      {shown !== null && connections !== null ? t('ui.add.into', { dir: shown, count: connections }) : t('ui.add.intoDefault')}
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
          {t('ui.add.saveTo')}
        </button>
      )}
    </p>
  );
}
