// Window-wide keys: Ctrl/Cmd+A selects every row shown, arrows move the selection, Space
// pauses or resumes it, Delete removes it (after asking), Escape clears it, and Ctrl/Cmd+V
// outside a text box pastes into the add box. Keys meant for a text box, a button, a tab
// or an open menu or dialog are left alone.

import { useEffect, useRef } from 'react';

export interface Shortcuts {
  /** True while a dialog is open: its own keys win. */
  blocked(): boolean;
  selectAll(): void;
  clearSelection(): void;
  /** Move the focused row by `step` (Infinity/-Infinity for End/Home); `extend` grows the range. */
  step(step: number, extend: boolean): void;
  toggleRunning(): void;
  removeSelection(): void;
  paste(text: string): void;
}

const PAGE = 10;

function isTextBox(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** Elements whose own meaning of Space (press, toggle) must not be taken over. */
function ownsSpace(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary, [role="tab"], [role="menuitem"], [role="checkbox"], input, select') !== null;
}

function inMenu(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="menu"]') !== null;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });

  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      const s = current.current;
      if (event.defaultPrevented || event.isComposing || isTextBox(event.target) || inMenu(event.target) || s.blocked()) return;
      const command = event.ctrlKey || event.metaKey;
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if (command && !event.altKey && event.key.toLowerCase() === 'a') return act(s.selectAll);
      if (command || event.altKey) return;
      switch (event.key) {
        case 'ArrowDown':
          return act(() => s.step(1, event.shiftKey));
        case 'ArrowUp':
          return act(() => s.step(-1, event.shiftKey));
        case 'PageDown':
          return act(() => s.step(PAGE, event.shiftKey));
        case 'PageUp':
          return act(() => s.step(-PAGE, event.shiftKey));
        case 'Home':
          return act(() => s.step(-Infinity, event.shiftKey));
        case 'End':
          return act(() => s.step(Infinity, event.shiftKey));
        case ' ':
          if (!ownsSpace(event.target)) act(s.toggleRunning);
          return;
        case 'Delete':
          return act(s.removeSelection);
        case 'Escape':
          return s.clearSelection();
      }
    };
    const keydownMac = (event: KeyboardEvent) => {
      // Cmd+Backspace is how a Mac keyboard says Delete.
      const s = current.current;
      if (event.metaKey && event.key === 'Backspace' && !isTextBox(event.target) && !s.blocked()) {
        event.preventDefault();
        s.removeSelection();
      }
    };
    const paste = (event: ClipboardEvent) => {
      const s = current.current;
      if (isTextBox(event.target) || s.blocked()) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      event.preventDefault();
      s.paste(text);
    };
    window.addEventListener('keydown', keydown);
    window.addEventListener('keydown', keydownMac);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('keydown', keydownMac);
      window.removeEventListener('paste', paste);
    };
  }, []);
}
