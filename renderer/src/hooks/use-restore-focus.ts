// Dialogs opened without a Radix trigger (by a key, a drop, a menu item) would drop focus to
// the page when they close; this puts it back where it was, or on the list when that element
// is gone (the row was removed).

import { useCallback, useRef } from 'react';

export function useRestoreFocus(open: boolean): (event: Event) => void {
  const before = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read while rendering the opening, before the dialog (and its autofocus) is in the page.
  if (open && !wasOpen.current) before.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  wasOpen.current = open;
  return useCallback((event: Event) => {
    event.preventDefault();
    const target = before.current;
    before.current = null;
    if (target && target.isConnected && target !== document.body) target.focus({ preventScroll: true });
    else document.querySelector<HTMLElement>('[role="listitem"][tabindex="0"], [role="tab"][aria-selected="true"]')?.focus({ preventScroll: true });
  }, []);
}
