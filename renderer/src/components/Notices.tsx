import { useTranslation } from 'react-i18next';
import type { Notice } from '../hooks/use-notices.ts';

/** Toasts: information in a polite live region, errors as alerts. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <span className="notice-text">{typeof notice.text === 'function' ? notice.text(i18n) : notice.text}</span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('ui.notices.dismiss')}
            onClick={() => {
              notice.onDismiss?.();
              onDismiss(notice.id);
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
