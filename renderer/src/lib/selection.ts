// List selection as in a file manager: click selects one, Ctrl/Cmd-click toggles, Shift-click
// selects the range from the anchor; arrow keys move it; Space pauses or resumes it.

import type { ItemState } from '../../../main/contract.ts';
import { isRunning } from './filters.ts';

export interface Selection {
  ids: ReadonlySet<string>;
  /** Where a Shift-range starts. */
  anchor: string | null;
  /** The row that has keyboard focus (the last one clicked or moved to). */
  focus: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, focus: null };

export function clickSelect(selection: Selection, order: readonly string[], id: string, modifiers: { shift: boolean; toggle: boolean }): Selection {
  if (modifiers.shift && selection.anchor !== null) {
    const range = rangeBetween(order, selection.anchor, id);
    if (range) {
      const ids = modifiers.toggle ? new Set([...selection.ids, ...range]) : new Set(range);
      return { ids, anchor: selection.anchor, focus: id };
    }
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
}

/** Arrow keys: move the focus by `step` rows (clamped); with `extend`, grow the range from the anchor. */
export function stepSelect(selection: Selection, order: readonly string[], step: number, extend: boolean): Selection {
  if (order.length === 0) return selection;
  const from = selection.focus !== null ? order.indexOf(selection.focus) : -1;
  // With no focused row, Down starts at the top and Up at the bottom.
  const base = from !== -1 ? from : step > 0 ? -1 : order.length;
  const index = Math.max(0, Math.min(order.length - 1, base + step));
  const id = order[index]!;
  if (extend && selection.anchor !== null && order.includes(selection.anchor)) {
    return { ids: new Set(rangeBetween(order, selection.anchor, id)), anchor: selection.anchor, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null, focus: order.at(-1) ?? null };
}

/** Drops ids that are no longer listed (removed items, or moved out of the tab shown). */
export function pruneSelection(selection: Selection, present: (id: string) => boolean): Selection {
  let gone = false;
  for (const id of selection.ids) {
    if (!present(id)) {
      gone = true;
      break;
    }
  }
  const anchorGone = selection.anchor !== null && !present(selection.anchor);
  const focusGone = selection.focus !== null && !present(selection.focus);
  if (!gone && !anchorGone && !focusGone) return selection;
  return {
    ids: gone ? new Set([...selection.ids].filter(present)) : selection.ids,
    anchor: anchorGone ? null : selection.anchor,
    focus: focusGone ? null : selection.focus,
  };
}

/**
 * The row that takes the place of `gone` (removed, or moved out of the tab shown): the next
 * one still shown in the order before, else the one before it; null when none is left.
 */
export function nearestShown(before: readonly string[], gone: string, shown: ReadonlySet<string>): string | null {
  const index = before.indexOf(gone);
  if (index === -1) return null;
  for (let i = index + 1; i < before.length; i++) if (shown.has(before[i]!)) return before[i]!;
  for (let i = index - 1; i >= 0; i--) if (shown.has(before[i]!)) return before[i]!;
  return null;
}

/**
 * The row given the focus (Tab, a click, a dialog giving it back). With `select`, it is
 * selected too when nothing is: the selection follows the keyboard into the list, so Space
 * and Delete act on the row with the focus ring, and only there (a click selects by itself).
 */
export function focusRow(selection: Selection, id: string, select = false): Selection {
  if (select && selection.ids.size === 0) return { ids: new Set([id]), anchor: id, focus: id };
  return selection.focus === id ? selection : { ...selection, focus: id };
}

/**
 * What Space does to a selection: pause it if anything in it is running (downloading,
 * waiting to retry or queued), else resume what is paused. Null when neither applies.
 */
export function spaceAction(states: ReadonlyMap<string, ItemState>): { command: 'pause' | 'resume'; ids: string[] } | null {
  const running = [...states].filter(([, state]) => isRunning(state)).map(([id]) => id);
  if (running.length > 0) return { command: 'pause', ids: running };
  const paused = [...states].filter(([, state]) => state === 'paused').map(([id]) => id);
  return paused.length > 0 ? { command: 'resume', ids: paused } : null;
}

function rangeBetween(order: readonly string[], a: string, b: string): string[] | null {
  const from = order.indexOf(a);
  const to = order.indexOf(b);
  if (from === -1 || to === -1) return null;
  return order.slice(Math.min(from, to), Math.max(from, to) + 1);
}
