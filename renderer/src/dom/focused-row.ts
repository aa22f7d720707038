// Which download row holds the keyboard focus (the row itself or a button in it), if any.

export function focusedRowId(): string | null {
  const active = document.activeElement;
  return active instanceof Element ? (active.closest('[role="listitem"][data-id]')?.getAttribute('data-id') ?? null) : null;
}

/** True when the focus fell to the page: the element that had it was taken out of it. */
export function focusWasDropped(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
