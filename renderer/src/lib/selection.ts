// List selection as in a file manager: click selects one, Ctrl/Cmd-click toggles,
// Shift-click selects the range from the last anchor.

export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function clickSelect(selection: Selection, order: readonly string[], id: string, modifiers: { shift: boolean; toggle: boolean }): Selection {
  if (modifiers.shift && selection.anchor !== null) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(id);
    if (from !== -1 && to !== -1) {
      const [start, end] = from < to ? [from, to] : [to, from];
      return { ids: new Set(order.slice(start, end + 1)), anchor: selection.anchor };
    }
  }
  if (modifiers.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** Drops ids that are no longer listed (removed items). */
export function pruneSelection(selection: Selection, present: (id: string) => boolean): Selection {
  const ids = [...selection.ids].filter(present);
  if (ids.length === selection.ids.size) return selection;
  return { ids: new Set(ids), anchor: selection.anchor && present(selection.anchor) ? selection.anchor : null };
}
