import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickSelect, EMPTY_SELECTION, focusRow, nearestShown, pruneSelection, selectAll, spaceAction, stepSelect, type Selection } from '../../renderer/src/lib/selection.ts';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: Selection) => [...selection.ids].sort();

describe('selection', () => {
  it('click selects one, Ctrl/Cmd-click toggles, Shift-click selects a range from the anchor', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 'b', { shift: false, toggle: false });
    assert.deepEqual(ids(s), ['b']);
    s = clickSelect(s, order, 'd', { shift: true, toggle: false });
    assert.deepEqual(ids(s), ['b', 'c', 'd']);
    s = clickSelect(s, order, 'a', { shift: true, toggle: false });
    assert.deepEqual(ids(s), ['a', 'b'], 'the anchor stays where the range began');
    s = clickSelect(s, order, 'e', { shift: false, toggle: true });
    assert.deepEqual(ids(s), ['a', 'b', 'e']);
    s = clickSelect(s, order, 'a', { shift: false, toggle: true });
    assert.deepEqual(ids(s), ['b', 'e']);
    s = clickSelect(s, order, 'c', { shift: false, toggle: false });
    assert.deepEqual(ids(s), ['c']);
  });

  it('Ctrl+Shift-click adds a range to what is selected', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 'a', { shift: false, toggle: false });
    s = clickSelect(s, order, 'd', { shift: false, toggle: true });
    s = clickSelect(s, order, 'e', { shift: true, toggle: true });
    assert.deepEqual(ids(s), ['a', 'd', 'e']);
  });

  it('arrow keys move the selection, Shift extends it, and it stops at the ends', () => {
    let s = stepSelect(EMPTY_SELECTION, order, 1, false);
    assert.deepEqual([...s.ids], ['a']);
    s = stepSelect(s, order, 1, true);
    s = stepSelect(s, order, 1, true);
    assert.deepEqual(ids(s), ['a', 'b', 'c']);
    s = stepSelect(s, order, 10, false);
    assert.deepEqual([...s.ids], ['e']);
    s = stepSelect(s, order, -Infinity, false);
    assert.deepEqual([...s.ids], ['a']);
    assert.deepEqual([...stepSelect(EMPTY_SELECTION, order, -1, false).ids], ['e'], 'Up with nothing selected starts at the bottom');
    assert.equal(stepSelect(EMPTY_SELECTION, [], 1, false), EMPTY_SELECTION);
  });

  it('selects all, and drops rows that are gone', () => {
    const all = selectAll(order);
    assert.deepEqual(ids(all), order);
    const pruned = pruneSelection(all, (id) => id !== 'a' && id !== 'e');
    assert.deepEqual(ids(pruned), ['b', 'c', 'd']);
    assert.equal(pruned.anchor, null);
    assert.equal(pruneSelection(pruned, () => true), pruned, 'unchanged when nothing is gone');
  });

  it('hands the focus of a row that went to the next one shown, else the one before', () => {
    assert.equal(nearestShown(order, 'b', new Set(['a', 'c', 'd', 'e'])), 'c');
    assert.equal(nearestShown(order, 'b', new Set(['a', 'e'])), 'e', 'the next one still shown, past others that went too');
    assert.equal(nearestShown(order, 'e', new Set(['a', 'b'])), 'b', 'the last row: the one above it');
    assert.equal(nearestShown(order, 'c', new Set()), null);
    assert.equal(nearestShown(order, 'x', new Set(order)), null);
  });

  it('follows the keyboard focus without touching what is selected', () => {
    const one = clickSelect(EMPTY_SELECTION, order, 'a', { shift: false, toggle: false });
    const moved = focusRow(one, 'c');
    assert.deepEqual(ids(moved), ['a']);
    assert.equal(moved.focus, 'c');
    assert.equal(focusRow(moved, 'c'), moved, 'unchanged when already there');
    assert.deepEqual(ids(focusRow(moved, 'd', true)), ['a'], 'what is selected stays selected');
    const followed = focusRow(EMPTY_SELECTION, 'b', true);
    assert.deepEqual([ids(followed), followed.anchor, followed.focus], [['b'], 'b', 'b'], 'with nothing selected, the focused row is');
  });

  it('Space pauses what runs, else resumes what is paused', () => {
    assert.deepEqual(spaceAction(new Map([['a', 'downloading'], ['b', 'paused'], ['c', 'done']])), { command: 'pause', ids: ['a'] });
    assert.deepEqual(spaceAction(new Map([['b', 'paused'], ['c', 'done']])), { command: 'resume', ids: ['b'] });
    assert.equal(spaceAction(new Map([['c', 'done']])), null);
  });
});
