// Where the keyboard focus is, for the list.

/** True when the focus fell to the page: the element that had it was taken out of it. */
export function focusWasDropped(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
