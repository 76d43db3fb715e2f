// Columns and indentation (GNU indent.c): current-column, move-to-column, indent-to, current-indentation.

import type { Runtime } from '../core/runtime.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { BUF_BEGV, BUF_PT, BUF_ZV } from '../heap/layout.ts';
import { bint, currentBuffer } from './buffer.ts';
import { findSymbolValue } from './eval.ts';
import { charWidth } from './character.ts';
import { deleteRange, insertChars } from './insdel.ts';
import { charAt, scanBackward, setPoint } from './editfns.ts';

const Qfixnump = DEFSYM('fixnump');
const Qwholenump = DEFSYM('wholenump');
const Qtab_width = DEFVAR('tab-width', () => makeFixnum(8), 'Columns between tab stops, for showing and counting tab characters.');
const Qindent_tabs_mode = DEFVAR('indent-tabs-mode', () => Qt, 'Non-nil means indentation may use tabs.');

function tabWidth(rt: Runtime): number {
  const v = findSymbolValue(rt, Qtab_width);
  if (isFixnum(v)) {
    const n = fixnumValue(v);
    if (n > 0 && n <= 1000) return n;
  }
  return 8;
}

/** Start of the line holding POS. */
const bolOf = (rt: Runtime, pos: number): number => scanBackward(rt, pos, 1, bint(rt, currentBuffer(rt), BUF_BEGV))[0];

/** The column after the character C when it starts at column COL. */
function advance(rt: Runtime, c: number, col: number, tab: number): number {
  if (c === 9) return (Math.floor(col / tab) + 1) * tab;
  return col + charWidth(rt, c);
}

/** The display column of POS on its line. */
export function columnAt(rt: Runtime, pos: number): number {
  const tab = tabWidth(rt);
  let col = 0;
  for (let p = bolOf(rt, pos); p < pos; p++) col = advance(rt, charAt(rt, p), col, tab);
  return col;
}

DEFUN('current-column', 0, 0, 'Give the display column of point, counting from 0 at the start of the line.',
  (rt) => makeFixnum(columnAt(rt, bint(rt, currentBuffer(rt), BUF_PT))));

DEFUN('current-indentation', 0, 0, 'Give the column of the first character on point\'s line that is not a space or tab.', (rt) => {
  const b = currentBuffer(rt);
  const tab = tabWidth(rt);
  const zv = bint(rt, b, BUF_ZV);
  let col = 0;
  for (let p = bolOf(rt, bint(rt, b, BUF_PT)); p < zv; p++) {
    const c = charAt(rt, p);
    if (c !== 32 && c !== 9) break;
    col = advance(rt, c, col, tab);
  }
  return makeFixnum(col);
});

/** Insert tabs and spaces at point from column FROM to column TO. */
function indentFromTo(rt: Runtime, from: number, to: number): void {
  const tab = tabWidth(rt);
  if (findSymbolValue(rt, Qindent_tabs_mode) !== Qnil) {
    const tabs = Math.floor(to / tab) - Math.floor(from / tab);
    if (tabs > 0) {
      insertChars(rt, 9, tabs, false, true);
      from = Math.floor(to / tab) * tab;
    }
  }
  if (to > from) insertChars(rt, 32, to - from, false, true);
}

DEFUN('indent-to', 1, 2, 'Indent from point with tabs and spaces until COLUMN is reached, inserting at least MINIMUM spaces; give the column reached.',
  (rt, column: number, minimum: number) => {
    if (!isFixnum(column)) wrongTypeArgument(rt, Qfixnump, column);
    let min = 0;
    if (minimum !== Qnil) {
      if (!isFixnum(minimum)) wrongTypeArgument(rt, Qfixnump, minimum);
      min = fixnumValue(minimum);
    }
    const from = columnAt(rt, bint(rt, currentBuffer(rt), BUF_PT));
    const to = Math.max(fixnumValue(column), from + min);
    if (to > from) indentFromTo(rt, from, to);
    return makeFixnum(to);
  }, 'NIndent to column: ');

DEFUN('move-to-column', 1, 2, 'Move point to COLUMN on its line, or as near as the line allows; give the column reached.\nWith FORCE non-nil, a tab that spans COLUMN gets spaces before it; with FORCE t a short line is also indented to reach it.',
  (rt, column: number, force: number) => {
    if (!isFixnum(column) || fixnumValue(column) < 0) wrongTypeArgument(rt, Qwholenump, column);
    const goal = fixnumValue(column);
    const b = currentBuffer(rt);
    const tab = tabWidth(rt);
    const zv = bint(rt, b, BUF_ZV);
    let p = bolOf(rt, bint(rt, b, BUF_PT));
    let col = 0;
    let prevCol = 0;
    while (p < zv && col < goal) {
      const c = charAt(rt, p);
      if (c === 10) break;
      prevCol = col;
      col = advance(rt, c, col, tab);
      p++;
    }
    setPoint(rt, p);
    // Any non-nil FORCE splits a tab that spans the goal; only t also extends a short line.
    if (force !== Qnil && col > goal && charAt(rt, p - 1) === 9) {
      // Spaces up to the goal, then the tab is redone as indentation from
      // there to where it ended (a tab or spaces, per indent-tabs-mode).
      setPoint(rt, p - 1);
      insertChars(rt, 32, goal - prevCol, false, true);
      const at = bint(rt, b, BUF_PT);
      deleteRange(rt, at, at + 1, false);
      indentFromTo(rt, goal, col);
      setPoint(rt, at);
      col = goal;
    } else if (force === Qt && col < goal) {
      indentFromTo(rt, col, goal);
      col = goal;
    }
    return makeFixnum(col);
  }, 'NMove to column: ');
