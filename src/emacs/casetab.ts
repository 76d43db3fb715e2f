// Case tables (GNU casetab.c): the standard case table, the current buffer's, and the up, canon and eqv tables derived from a downcase table.
//
// A case table is a char-table of purpose `case-table' mapping chars to their lower case,
// with three extra slots: UP (to upper case), CANON (to a canonical case, what case-folded
// searches compare) and EQV (each char to the next of its case-equivalence class, in a
// cycle). Slots left nil are computed when the table is installed, as GNU does.

import { BUF_CASE_TABLE, CHARTAB_PURPOSE, CHARTAB_STANDARD_SLOTS } from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { DEFINIT, DEFUN } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { currentBuffer } from './buffer.ts';
import { charTableP, charTableRef, charTableSet, makeCharTable, mapCharTableJs } from './chartab.ts';
import { put } from './fns.ts';
import { decodeCharTable } from './std-tables.ts';
import { STD_CANON, STD_DOWN, STD_EQV, STD_UP } from './std-tables-data.ts';

export const Qcase_table = DEFSYM('case-table');
const Qcase_table_p = DEFSYM('case-table-p');
const Qchar_table_extra_slots = DEFSYM('char-table-extra-slots');

/** The standard case table. */
const G_STANDARD_CASE_TABLE = DEFGLOBAL('standard-case-table');
/** The case table in force while there is no current buffer. */
const G_BUFFERLESS_CASE_TABLE = DEFGLOBAL('bufferless-case-table');

const base = (v: number): number => ((v & -8) >>> 2) + 1;
const UP = 0;
const CANON = 1;
const EQV = 2;
const extra = (rt: Runtime, t: number, i: number): number => rt.i32[base(t) + CHARTAB_STANDARD_SLOTS + i]!;
const setExtra = (rt: Runtime, t: number, i: number, v: number): void => {
  rt.i32[base(t) + CHARTAB_STANDARD_SLOTS + i] = v;
};

DEFINIT((rt) => {
  put(rt, Qcase_table, Qchar_table_extra_slots, makeFixnum(3));
  const caseValue = (tok: string, first: number): number => (tok === 'n' ? Qnil : makeFixnum(first + Number(tok)));
  const down = decodeCharTable(rt, Qcase_table, STD_DOWN(), caseValue);
  // The derived tables are stored before the next one is made: DEFINIT code runs outside any safe point.
  setExtra(rt, down, UP, decodeCharTable(rt, Qcase_table, STD_UP(), caseValue));
  setExtra(rt, down, CANON, decodeCharTable(rt, Qcase_table, STD_CANON(), caseValue));
  setExtra(rt, down, EQV, decodeCharTable(rt, Qcase_table, STD_EQV(), caseValue));
  setExtra(rt, extra(rt, down, CANON), EQV, extra(rt, down, EQV));
  rt.globals[G_STANDARD_CASE_TABLE] = down;
  rt.globals[G_BUFFERLESS_CASE_TABLE] = down;
});

export const standardCaseTable = (rt: Runtime): number => rt.globals[G_STANDARD_CASE_TABLE]!;

/** GNU's case-table-p: a case-table char-table whose extra slots are nil or char-tables, canon given if eqv is. */
export function caseTableP(rt: Runtime, x: number): boolean {
  if (!charTableP(rt, x) || rt.i32[base(x) + CHARTAB_PURPOSE] !== Qcase_table) return false;
  const up = extra(rt, x, UP);
  const canon = extra(rt, x, CANON);
  const eqv = extra(rt, x, EQV);
  return (up === Qnil || charTableP(rt, up)) &&
    ((canon === Qnil && eqv === Qnil) || (charTableP(rt, canon) && (eqv === Qnil || charTableP(rt, eqv))));
}

function checkCaseTable(rt: Runtime, x: number): void {
  if (!caseTableP(rt, x)) wrongTypeArgument(rt, Qcase_table_p, x);
}

/** The current buffer's case table (its downcase table). */
export function currentCaseTable(rt: Runtime): number {
  const buf = currentBuffer(rt);
  if (buf === Qnil) return rt.globals[G_BUFFERLESS_CASE_TABLE]!;
  const t = rt.i32[base(buf) + BUF_CASE_TABLE]!;
  return t === Qnil ? standardCaseTable(rt) : t;
}

/**
 * For each char C of TABLE mapped to a char D other than C, move C into D's place in the
 * cycle of TARGET (GNU's shuffle): TARGET[D] becomes C and TARGET[C] what TARGET[D] was.
 * TARGET first maps every char TABLE maps to itself, so that the cycles close.
 */
function buildCycles(rt: Runtime, table: number, target: number): void {
  const entries: number[] = [];
  mapCharTableJs(rt, table, (from, to, v) => {
    if (isFixnum(v)) entries.push(from, to, fixnumValue(v));
  });
  for (let i = 0; i < entries.length; i += 3) for (let c = entries[i]!; c <= entries[i + 1]!; c++) charTableSet(rt, target, c, makeFixnum(c));
  for (let i = 0; i < entries.length; i += 3) {
    const d = entries[i + 2]!;
    for (let c = entries[i]!; c <= entries[i + 1]!; c++) {
      if (c === d) continue;
      const tem = charTableRef(rt, target, d);
      charTableSet(rt, target, d, makeFixnum(c));
      charTableSet(rt, target, c, tem);
    }
  }
}

/** Fill in TABLE's missing up, canon and eqv tables (GNU's set_case_table does this on install). */
export function completeCaseTable(rt: Runtime, table: number): void {
  let up = extra(rt, table, UP);
  if (up === Qnil) {
    up = makeCharTable(rt, Qcase_table, Qnil);
    setExtra(rt, table, UP, up);
    buildCycles(rt, table, up);
  }
  let canon = extra(rt, table, CANON);
  if (canon === Qnil) {
    canon = makeCharTable(rt, Qcase_table, Qnil);
    setExtra(rt, table, CANON, canon);
    // CANON[C] = DOWN[UP[DOWN[C]]], over the chars TABLE maps.
    const entries: number[] = [];
    mapCharTableJs(rt, table, (from, to, v) => {
      if (isFixnum(v)) entries.push(from, to, fixnumValue(v));
    });
    for (let i = 0; i < entries.length; i += 3) {
      const u = charTableRef(rt, up, entries[i + 2]!);
      const k = isFixnum(u) ? charTableRef(rt, table, fixnumValue(u)) : Qnil;
      for (let c = entries[i]!; c <= entries[i + 1]!; c++) charTableSet(rt, canon, c, k);
    }
  }
  let eqv = extra(rt, table, EQV);
  if (eqv === Qnil) {
    eqv = makeCharTable(rt, Qcase_table, Qnil);
    setExtra(rt, table, EQV, eqv);
    buildCycles(rt, canon, eqv);
  }
  // GNU keeps the eqv table in the canon table's third slot too (visible when printed).
  setExtra(rt, canon, EQV, eqv);
}

/** Map C through the char-table T when T gives a char for it. */
function mapThrough(rt: Runtime, t: number, c: number): number {
  const v = charTableRef(rt, t, c);
  return isFixnum(v) && v >= 0 ? fixnumValue(v) : c;
}

/** The derived table I of the current case table, completing the table if it lacks it. */
function derived(rt: Runtime, i: number): number {
  const t = currentCaseTable(rt);
  let d = extra(rt, t, i);
  if (!charTableP(rt, d)) {
    completeCaseTable(rt, t);
    d = extra(rt, t, i);
  }
  return d;
}

/** C in lower case under the current case table (GNU's downcase). */
export const downcaseIn = (rt: Runtime, c: number): number => mapThrough(rt, currentCaseTable(rt), c);
/** C in upper case under the current case table (GNU's upcase). */
export const upcaseIn = (rt: Runtime, c: number): number => mapThrough(rt, derived(rt, UP), c);
/** The current case table's canon table (completing the table if it lacks one). */
export const currentCanonTable = (rt: Runtime): number => derived(rt, CANON);
/** C's canonical case under the current case table, what case-folding compares. */
export const canonIn = (rt: Runtime, c: number): number => mapThrough(rt, derived(rt, CANON), c);

/** The current case table's up table, without building the maps (part of what a cache of them is keyed by). */
export const currentUpTable = (rt: Runtime): number => derived(rt, UP);

/** The current case table's three maps as plain functions, for loops that must not look them up per char. */
export interface CaseMaps {
  down(c: number): number;
  up(c: number): number;
  canon(c: number): number;
  /** The canon table's object, telling apart compiled patterns made under different tables. */
  readonly canonTable: number;
}
export function currentCaseMaps(rt: Runtime): CaseMaps {
  const down = currentCaseTable(rt);
  const up = derived(rt, UP);
  const canon = derived(rt, CANON);
  return {
    down: (c) => mapThrough(rt, down, c),
    up: (c) => mapThrough(rt, up, c),
    canon: (c) => mapThrough(rt, canon, c),
    canonTable: canon,
  };
}

DEFUN('case-table-p', 1, 1, 'Tell whether OBJECT is a case table: a `case-table\' char-table with sound up, canon and eqv slots.', (rt, obj: number) =>
  caseTableP(rt, obj) ? Qt : Qnil);

DEFUN('current-case-table', 0, 0, 'Give the current buffer\'s case table.', (rt) => currentCaseTable(rt));

DEFUN('standard-case-table', 0, 0, 'Give the standard case table, which new buffers start with.', (rt) => standardCaseTable(rt));

DEFUN('set-case-table', 1, 1, 'Make TABLE the current buffer\'s case table, filling in its up, canon and eqv tables if missing; give TABLE.', (rt, table: number) => {
  checkCaseTable(rt, table);
  completeCaseTable(rt, table);
  const buf = currentBuffer(rt);
  if (buf === Qnil) rt.globals[G_BUFFERLESS_CASE_TABLE] = table;
  else rt.i32[base(buf) + BUF_CASE_TABLE] = table;
  return table;
});

DEFUN('set-standard-case-table', 1, 1, 'Make TABLE the standard case table, filling in its up, canon and eqv tables if missing; give TABLE.', (rt, table: number) => {
  checkCaseTable(rt, table);
  completeCaseTable(rt, table);
  rt.globals[G_STANDARD_CASE_TABLE] = table;
  return table;
});
