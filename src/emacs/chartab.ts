// Char-tables (GNU chartab.c): a 4-level trie over the 22-bit character space, laid out as GNU's so it prints the same.
//
// Level 0 (the char-table itself) has 64 slots of 65536 chars; a depth-1
// sub-char-table has 16 slots of 4096 chars, depth 2 has 32 slots of 128
// chars, depth 3 has 128 slots of one char. A slot that is not a sub-table
// holds the value of every char it covers. The ASCII slot caches the depth-3
// table for chars 0..127 (or the value covering them) so ASCII lookups take
// one step, as GNU's char_table_ascii.

import {
  CHARTAB_ASCII, CHARTAB_CONTENTS, CHARTAB_DEFALT, CHARTAB_PARENT, CHARTAB_PURPOSE, CHARTAB_STANDARD_SLOTS,
  PVEC_CHAR_TABLE, PVEC_SUB_CHAR_TABLE, PVEC_SIZE_MASK, SUB_CHARTAB_CONTENTS, SUB_CHARTAB_DEPTH, SUB_CHARTAB_MIN_CHAR,
} from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { MAX_CHAR } from '../core/character.ts';
import { cons, consp, getProp, isPvec, makePvec, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { argsOutOfRange, error, wrongTypeArgument } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qchar_table_p, Qcharacterp, Qnil, Qt, Qwholenump, Qfixnump } from '../core/symbols.ts';
import { call2 } from './eval.ts';

const Qchar_table_extra_slots = DEFSYM('char-table-extra-slots');
const Qequal = DEFSYM('equal');
const Qeq = DEFSYM('eq');

/** Chars covered by one slot at each depth, and slots per table at each depth (GNU's chartab_chars/chartab_size). */
const CHARS = [65536, 4096, 128, 1];
const SIZE = [64, 16, 32, 128];
const SHIFT = [16, 12, 7, 0];
const MASK = [63, 15, 31, 127];

/** Word index of slot 0 of a vectorlike. */
const base = (v: number): number => ((v & -8) >>> 2) + 1;

export const charTableP = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_CHAR_TABLE);
const subCharTableP = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_SUB_CHAR_TABLE);

function checkCharTable(rt: Runtime, x: number): void {
  if (!charTableP(rt, x)) wrongTypeArgument(rt, Qchar_table_p, x);
}
function checkChar(rt: Runtime, x: number): number {
  if (!isFixnum(x) || x < 0 || fixnumValue(x) > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

/** A fresh sub-char-table of DEPTH starting at MIN_CHAR, every slot INIT. */
export function makeSubCharTable(rt: Runtime, depth: number, minChar: number, init: number): number {
  const t = makePvec(rt, PVEC_SUB_CHAR_TABLE, SUB_CHARTAB_CONTENTS + SIZE[depth]!, init);
  const b = base(t);
  rt.i32[b + SUB_CHARTAB_DEPTH] = makeFixnum(depth);
  rt.i32[b + SUB_CHARTAB_MIN_CHAR] = makeFixnum(minChar);
  return t;
}

/** A new char-table of PURPOSE (extra slots from its `char-table-extra-slots' property), every slot INIT. */
export function makeCharTable(rt: Runtime, purpose: number, init: number): number {
  let extras = 0;
  const n = purpose === Qnil ? Qnil : getProp(rt, purpose, Qchar_table_extra_slots);
  if (n !== Qnil) {
    if (!isFixnum(n) || n < 0) wrongTypeArgument(rt, Qwholenump, n);
    extras = fixnumValue(n);
    if (extras > 10) argsOutOfRange(rt, n, Qnil);
  }
  const t = makePvec(rt, PVEC_CHAR_TABLE, CHARTAB_STANDARD_SLOTS + extras, init);
  const b = base(t);
  rt.i32[b + CHARTAB_PARENT] = Qnil;
  rt.i32[b + CHARTAB_PURPOSE] = purpose;
  return t;
}

/** What the ASCII slot should hold: the depth-3 table for 0..127, or the value covering them. */
export function asciiOf(rt: Runtime, ct: number): number {
  const m = rt.i32;
  let sub = m[base(ct) + CHARTAB_CONTENTS]!;
  if (!subCharTableP(rt, sub)) return sub;
  sub = m[base(sub) + SUB_CHARTAB_CONTENTS]!;
  if (!subCharTableP(rt, sub)) return sub;
  return m[base(sub) + SUB_CHARTAB_CONTENTS]!;
}

/** The value stored for C, without default or parent. */
function refRaw(rt: Runtime, ct: number, c: number): number {
  const m = rt.i32;
  let v: number;
  if (c < 128) {
    v = m[base(ct) + CHARTAB_ASCII]!;
    if (subCharTableP(rt, v)) return m[base(v) + SUB_CHARTAB_CONTENTS + c]!;
    return v;
  }
  v = m[base(ct) + CHARTAB_CONTENTS + (c >>> 16)]!;
  for (let depth = 1; subCharTableP(rt, v); depth++) v = m[base(v) + SUB_CHARTAB_CONTENTS + ((c >>> SHIFT[depth]!) & MASK[depth]!)]!;
  return v;
}

/** GNU's CHAR_TABLE_REF: the value for C, falling back to the default, then the parent. */
export function charTableRef(rt: Runtime, ct: number, c: number): number {
  for (;;) {
    const v = refRaw(rt, ct, c);
    if (v !== Qnil) return v;
    const b = base(ct);
    const d = rt.i32[b + CHARTAB_DEFALT]!;
    if (d !== Qnil) return d;
    const p = rt.i32[b + CHARTAB_PARENT]!;
    if (!charTableP(rt, p)) return Qnil;
    ct = p;
  }
}

/** GNU's CHAR_TABLE_SET: store V for the single char C. */
export function charTableSet(rt: Runtime, ct: number, c: number, v: number): void {
  const m = rt.i32;
  const b = base(ct);
  if (c < 128) {
    const a = m[b + CHARTAB_ASCII]!;
    if (subCharTableP(rt, a)) {
      m[base(a) + SUB_CHARTAB_CONTENTS + c] = v;
      return;
    }
  }
  const i = c >>> 16;
  let sub = m[b + CHARTAB_CONTENTS + i]!;
  if (!subCharTableP(rt, sub)) {
    sub = makeSubCharTable(rt, 1, i * CHARS[0]!, sub);
    m[b + CHARTAB_CONTENTS + i] = sub;
  }
  for (let depth = 1; depth < 3; depth++) {
    const j = (c >>> SHIFT[depth]!) & MASK[depth]!;
    const slot = base(sub) + SUB_CHARTAB_CONTENTS + j;
    let next = m[slot]!;
    if (!subCharTableP(rt, next)) {
      next = makeSubCharTable(rt, depth + 1, c & ~(CHARS[depth]! - 1), next);
      m[slot] = next;
    }
    sub = next;
  }
  m[base(sub) + SUB_CHARTAB_CONTENTS + (c & 127)] = v;
  if (c < 128) m[b + CHARTAB_ASCII] = asciiOf(rt, ct);
}

function subSetRange(rt: Runtime, sub: number, from: number, to: number, v: number): void {
  const m = rt.i32;
  const b = base(sub);
  const depth = fixnumValue(m[b + SUB_CHARTAB_DEPTH]!);
  const minChar = fixnumValue(m[b + SUB_CHARTAB_MIN_CHAR]!);
  const per = CHARS[depth]!;
  if (from < minChar) from = minChar;
  let lim = Math.floor((to - minChar) / per);
  if (lim >= SIZE[depth]!) lim = SIZE[depth]! - 1;
  for (let i = Math.floor((from - minChar) / per), c = minChar + per * i; i <= lim; i++, c += per) {
    if (from <= c && c + per - 1 <= to) m[b + SUB_CHARTAB_CONTENTS + i] = v;
    else {
      let s = m[b + SUB_CHARTAB_CONTENTS + i]!;
      if (!subCharTableP(rt, s)) {
        s = makeSubCharTable(rt, depth + 1, c, s);
        m[b + SUB_CHARTAB_CONTENTS + i] = s;
      }
      subSetRange(rt, s, from, to, v);
    }
  }
}

/** Store V for every char FROM..TO (GNU's char_table_set_range). */
export function charTableSetRange(rt: Runtime, ct: number, from: number, to: number, v: number): void {
  if (from === to) {
    charTableSet(rt, ct, from, v);
    return;
  }
  const m = rt.i32;
  const b = base(ct);
  for (let i = from >>> 16, c = i * CHARS[0]!; c <= to; i++, c += CHARS[0]!) {
    if (from <= c && c + CHARS[0]! - 1 <= to) m[b + CHARTAB_CONTENTS + i] = v;
    else {
      let s = m[b + CHARTAB_CONTENTS + i]!;
      if (!subCharTableP(rt, s)) {
        s = makeSubCharTable(rt, 1, i * CHARS[0]!, s);
        m[b + CHARTAB_CONTENTS + i] = s;
      }
      subSetRange(rt, s, from, to, v);
    }
  }
  if (from < 128) m[b + CHARTAB_ASCII] = asciiOf(rt, ct);
}

/**
 * Call FN(FROM, TO, VALUE) for each slot of CT's own trie whose value is not nil, in char
 * order (no parent, no default; adjacent slots with one value are not merged). For JS
 * walks that must not call Lisp, unlike map-char-table.
 */
export function mapCharTableJs(rt: Runtime, ct: number, fn: (from: number, to: number, v: number) => void): void {
  const walk = (slots: number, depth: number, min: number): void => {
    for (let k = 0; k < SIZE[depth]!; k++) {
      const v = rt.i32[slots + k]!;
      const first = min + k * CHARS[depth]!;
      if (subCharTableP(rt, v)) walk(base(v) + SUB_CHARTAB_CONTENTS, depth + 1, first);
      else if (v !== Qnil) fn(first, first + CHARS[depth]! - 1, v);
    }
  };
  walk(base(ct) + CHARTAB_CONTENTS, 0, 0);
}

/** Number of extra slots of a char-table. */
const extraSlots = (rt: Runtime, ct: number): number =>
  (rt.i32[(ct & -8) >>> 2]! & PVEC_SIZE_MASK) - CHARTAB_STANDARD_SLOTS;

DEFUN(
  'make-char-table', 1, 2,
  'Create a char-table for PURPOSE whose every entry is INIT.\nThe `char-table-extra-slots\' property of PURPOSE, from 0 to 10, says how many extra slots the table gets.',
  (rt, purpose: number, init: number) => {
    if ((purpose & 7) !== 0) wrongTypeArgument(rt, DEFSYM('symbolp'), purpose);
    return makeCharTable(rt, purpose, init);
  },
);

DEFUN('char-table-subtype', 1, 1, 'Give the purpose symbol that CHAR-TABLE was made for.', (rt, ct: number) => {
  checkCharTable(rt, ct);
  return rt.i32[base(ct) + CHARTAB_PURPOSE]!;
});

DEFUN('char-table-parent', 1, 1, 'Give the char-table that CHAR-TABLE inherits from, or nil.', (rt, ct: number) => {
  checkCharTable(rt, ct);
  return rt.i32[base(ct) + CHARTAB_PARENT]!;
});

DEFUN('set-char-table-parent', 2, 2, 'Make CHAR-TABLE inherit from PARENT, a char-table, or from nothing when PARENT is nil.', (rt, ct: number, parent: number) => {
  checkCharTable(rt, ct);
  if (parent !== Qnil) {
    checkCharTable(rt, parent);
    for (let t = parent; t !== Qnil; t = rt.i32[base(t) + CHARTAB_PARENT]!)
      if (t === ct) error(rt, 'Attempt to make a chartable be its own parent');
  }
  rt.i32[base(ct) + CHARTAB_PARENT] = parent;
  return parent;
});

function checkExtraIndex(rt: Runtime, ct: number, n: number): number {
  checkCharTable(rt, ct);
  if (!isFixnum(n)) wrongTypeArgument(rt, Qfixnump, n);
  const i = fixnumValue(n);
  if (i < 0 || i >= extraSlots(rt, ct)) argsOutOfRange(rt, ct, n);
  return i;
}

DEFUN('char-table-extra-slot', 2, 2, 'Read extra slot N of CHAR-TABLE.', (rt, ct: number, n: number) => {
  const i = checkExtraIndex(rt, ct, n);
  return rt.i32[base(ct) + CHARTAB_STANDARD_SLOTS + i]!;
});

DEFUN('set-char-table-extra-slot', 3, 3, 'Store VALUE in extra slot N of CHAR-TABLE.', (rt, ct: number, n: number, value: number) => {
  const i = checkExtraIndex(rt, ct, n);
  rt.i32[base(ct) + CHARTAB_STANDARD_SLOTS + i] = value;
  return value;
});

DEFUN(
  'char-table-range', 2, 2,
  'Look up RANGE in CHAR-TABLE.\nRANGE nil gives the default value, a character its own entry, and (FROM . TO) the entry of FROM.',
  (rt, ct: number, range: number) => {
    checkCharTable(rt, ct);
    const b = base(ct);
    if (range === Qnil) return rt.i32[b + CHARTAB_DEFALT]!;
    if (isFixnum(range) && range >= 0 && fixnumValue(range) <= MAX_CHAR) return charTableRef(rt, ct, fixnumValue(range));
    if (consp(range)) {
      const from = checkChar(rt, xcar(rt, range));
      checkChar(rt, xcdr(rt, range));
      const v = refRaw(rt, ct, from);
      return v === Qnil ? rt.i32[b + CHARTAB_DEFALT]! : v;
    }
    return error(rt, 'Invalid RANGE argument to \u2018char-table-range\u2019');
  },
);

DEFUN(
  'set-char-table-range', 3, 3,
  'Store VALUE in CHAR-TABLE for RANGE.\nRANGE t covers every character, nil sets the default value, a character only itself, and (FROM . TO) the characters FROM to TO.',
  (rt, ct: number, range: number, value: number) => {
    checkCharTable(rt, ct);
    const b = base(ct);
    if (range === Qt) {
      rt.i32[b + CHARTAB_ASCII] = value;
      rt.i32.fill(value, b + CHARTAB_CONTENTS, b + CHARTAB_CONTENTS + SIZE[0]!);
    } else if (range === Qnil) rt.i32[b + CHARTAB_DEFALT] = value;
    else if (isFixnum(range) && range >= 0 && fixnumValue(range) <= MAX_CHAR) charTableSet(rt, ct, fixnumValue(range), value);
    else if (consp(range)) {
      const from = checkChar(rt, xcar(rt, range));
      const to = checkChar(rt, xcdr(rt, range));
      charTableSetRange(rt, ct, from, to, value);
    } else error(rt, 'Invalid RANGE argument to \u2018set-char-table-range\u2019');
    return value;
  },
);

// ---- map-char-table ------------------------------------------------------------------

/**
 * State of one map-char-table walk. Like GNU, one cons (FROM . TO) is reused
 * for every range passed to FUNCTION and mutated afterwards; it, the function,
 * the table and the pending value sit on the Lisp stack while Lisp runs.
 */
interface MapState {
  fn: number;
  range: number;
  /** Stack slot rooting the pending value. */
  valSlot: number;
}

function rangeFrom(rt: Runtime, st: MapState): number {
  return fixnumValue(rt.i32[(st.range & -8) >>> 2]!);
}
function setRange(rt: Runtime, st: MapState, car: number | null, cdr: number | null): void {
  const wi = (st.range & -8) >>> 2;
  if (car !== null) rt.i32[wi] = makeFixnum(car);
  if (cdr !== null) rt.i32[wi + 1] = makeFixnum(cdr);
}

function emit(rt: Runtime, st: MapState, val: number): void {
  const wi = (st.range & -8) >>> 2;
  const key = rt.i32[wi] === rt.i32[wi + 1] ? rt.i32[wi]! : st.range;
  rt.stack[st.valSlot] = val;
  call2(rt, st.fn, key, val);
}

/** The value of FROM in PARENT ignoring PARENT's own parent (as GNU does while mapping). */
function parentRef(rt: Runtime, parent: number, from: number): number {
  const v = refRaw(rt, parent, from);
  return v === Qnil ? rt.i32[base(parent) + CHARTAB_DEFALT]! : v;
}

function mapSub(rt: Runtime, st: MapState, table: number, val: number, top: number): number {
  const m = rt.i32;
  let from = rangeFrom(rt, st);
  const to = fixnumValue(m[((st.range & -8) >>> 2) + 1]!);
  let depth = 0;
  let minChar = 0;
  let maxChar = MAX_CHAR;
  let slots = base(table) + CHARTAB_CONTENTS;
  if (subCharTableP(rt, table)) {
    depth = fixnumValue(m[base(table) + SUB_CHARTAB_DEPTH]!);
    minChar = fixnumValue(m[base(table) + SUB_CHARTAB_MIN_CHAR]!);
    maxChar = minChar + CHARS[depth - 1]! - 1;
    slots = base(table) + SUB_CHARTAB_CONTENTS;
  }
  const per = CHARS[depth]!;
  if (to < maxChar) maxChar = to;
  let i = from <= minChar ? 0 : Math.floor((from - minChar) / per);
  for (let c = minChar + per * i; c <= maxChar; i++, c += per) {
    // Re-read the slot each time: FUNCTION may have changed the table.
    let cur = rt.i32[slots + i]!;
    const nextc = c + per;
    if (subCharTableP(rt, cur)) {
      if (to >= nextc) setRange(rt, st, null, nextc - 1);
      val = mapSub(rt, st, cur, val, top);
    } else {
      if (cur === Qnil) cur = rt.i32[base(top) + CHARTAB_DEFALT]!;
      if (val !== cur) {
        let different = true;
        if (val === Qnil) {
          const parent = rt.i32[base(top) + CHARTAB_PARENT]!;
          if (parent !== Qnil) {
            val = parentRef(rt, parent, from);
            setRange(rt, st, null, c - 1);
            const sp = rt.sp;
            rt.push(cur);
            try {
              val = mapSub(rt, st, parent, val, parent);
            } finally {
              rt.sp = sp;
            }
            if (val === cur) different = false;
          }
        }
        if (val !== Qnil && different) {
          setRange(rt, st, null, c - 1);
          rt.stack[st.valSlot] = cur;
          emit(rt, st, val);
        }
        val = cur;
        rt.stack[st.valSlot] = val;
        from = c;
        setRange(rt, st, c, null);
      }
    }
    setRange(rt, st, null, to);
  }
  return val;
}

/** Call FN on each run of chars with one value, as GNU's map_char_table. */
export function mapCharTable(rt: Runtime, fn: number, ct: number): void {
  const sp = rt.sp;
  try {
    const range = cons(rt, makeFixnum(0), makeFixnum(MAX_CHAR));
    rt.push(fn);
    rt.push(ct);
    rt.push(range);
    const st: MapState = { fn, range, valSlot: rt.sp };
    rt.push(Qnil);
    let val = rt.i32[base(ct) + CHARTAB_ASCII]!;
    if (subCharTableP(rt, val)) val = rt.i32[base(val) + SUB_CHARTAB_CONTENTS]!;
    rt.stack[st.valSlot] = val;
    let table = ct;
    val = mapSub(rt, st, table, val, table);
    while (val === Qnil && rt.i32[base(table) + CHARTAB_PARENT]! !== Qnil) {
      const parent = rt.i32[base(table) + CHARTAB_PARENT]!;
      val = parentRef(rt, parent, rangeFrom(rt, st));
      rt.stack[st.valSlot] = val;
      val = mapSub(rt, st, parent, val, parent);
      table = parent;
    }
    if (val !== Qnil) emit(rt, st, val);
  } finally {
    rt.sp = sp;
  }
}

DEFUN(
  'map-char-table', 2, 2,
  'Call FUNCTION on every run of characters of CHAR-TABLE that share one non-nil value.\nFUNCTION receives the run, a character or (FROM . TO), and the value.',
  (rt, fn: number, ct: number) => {
    checkCharTable(rt, ct);
    mapCharTable(rt, fn, ct);
    return Qnil;
  },
);

// ---- optimize-char-table ----------------------------------------------------------------

function same(rt: Runtime, a: number, b: number, test: number): boolean {
  if (a === b) return true;
  if (test === Qeq) return false;
  return call2(rt, test === Qnil ? Qequal : test, a, b) !== Qnil;
}

/** Collapse sub-tables whose slots are all the same into that value; returns what the slot should hold. */
function optimizeSub(rt: Runtime, sub: number, test: number): number {
  const b = base(sub);
  const depth = fixnumValue(rt.i32[b + SUB_CHARTAB_DEPTH]!);
  const n = SIZE[depth]!;
  let optimizable = true;
  for (let i = 0; i < n; i++) {
    let v = rt.i32[b + SUB_CHARTAB_CONTENTS + i]!;
    if (subCharTableP(rt, v)) {
      v = optimizeSub(rt, v, test);
      rt.i32[b + SUB_CHARTAB_CONTENTS + i] = v;
      if (subCharTableP(rt, v)) optimizable = false;
    }
  }
  if (!optimizable) return sub;
  const first = rt.i32[b + SUB_CHARTAB_CONTENTS]!;
  for (let i = 1; i < n; i++) if (!same(rt, first, rt.i32[b + SUB_CHARTAB_CONTENTS + i]!, test)) return sub;
  return first;
}

DEFUN(
  'optimize-char-table', 1, 2,
  'Shrink CHAR-TABLE by collapsing sub-tables whose entries are all alike under TEST (default `equal\').',
  (rt, ct: number, test: number) => {
    checkCharTable(rt, ct);
    const sp = rt.sp;
    rt.push(ct);
    rt.push(test);
    try {
      const b = base(ct);
      for (let i = 0; i < SIZE[0]!; i++) {
        const v = rt.i32[b + CHARTAB_CONTENTS + i]!;
        if (subCharTableP(rt, v)) rt.i32[b + CHARTAB_CONTENTS + i] = optimizeSub(rt, v, test);
      }
      rt.i32[b + CHARTAB_ASCII] = asciiOf(rt, ct);
    } finally {
      rt.sp = sp;
    }
    return Qnil;
  },
);
