// Character categories (GNU category.c): category tables, category sets, each buffer's table, and the standard table as GNU Emacs 28.2 fills it.
//
// A category is a printable ASCII char (32..126) naming a set of characters. A category table
// is a char-table of purpose `category-table' mapping each char to its category set, a 128-bit
// bool-vector with bit K set when the char is in category K; extra slot 0 is a 95-slot vector
// of the categories' docstrings (nil: undefined), extra slot 1 an `equal' hash table through
// which modify-category-entry shares equal sets, as GNU does (so equal sets come out `eq').
//
// The standard table is recorded from GNU (scripts/gen-categories.mjs: category-data.ts holds
// the character runs, etc/category-docs.txt the docstrings) and built the first time anything
// asks for it, so start-up and the default image carry none of it; once built it is ordinary
// Lisp data in a global slot, dumped with everything else.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUF_CATEGORY_TABLE, CHARTAB_ASCII, CHARTAB_CONTENTS, CHARTAB_DEFALT, CHARTAB_PARENT, CHARTAB_PURPOSE,
  CHARTAB_STANDARD_SLOTS, HT_KV, PVEC_BOOL_VECTOR, PVEC_SIZE_MASK, PVEC_SUB_CHAR_TABLE, SUB_CHARTAB_CONTENTS,
} from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { MAX_CHAR } from '../core/character.ts';
import { consp, isPvec, vectorp, list, makeFloat, makeString, makeVector, schars, sdata, stringMultibyte, stringp, xcar, xcdr } from '../core/object.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFINIT, DEFUN } from '../core/subr.ts';
import { DEFSYM, Qcharacterp, Qconsp, Qfile_missing, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { makeBoolVector } from './alloc.ts';
import { currentBuffer } from './buffer.ts';
import { charTableP, charTableRef, charTableSetRange, makeCharTable } from './chartab.ts';
import { copySequence, hashLookup, hashPut, makeHashTable, put } from './fns.ts';
import { STD_CATEGORY_DIGITS, STD_CATEGORY_RUNS, STD_CATEGORY_SETS } from './category-data.ts';

export const Qcategory_table = DEFSYM('category-table');
const Qcategory_table_p = DEFSYM('category-table-p');
const Qcategoryp = DEFSYM('categoryp');
const Qcategorysetp = DEFSYM('categorysetp');
const Qchar_table_extra_slots = DEFSYM('char-table-extra-slots');
const Qequal = DEFSYM('equal');

/** The standard category table, nil until first asked for. */
const G_STANDARD_CATEGORY_TABLE = DEFGLOBAL('standard-category-table');
/** The category table in force while there is no current buffer (nil: the standard one). */
const G_BUFFERLESS_CATEGORY_TABLE = DEFGLOBAL('bufferless-category-table');

const base = (v: number): number => ((v & -8) >>> 2) + 1;
const DOCS = 0;
const SETS = 1;
const CATEGORY_BITS = 128;
/** Chars covered by one slot at each trie depth (chartab.ts). */
const CHARS = [65536, 4096, 128, 1];
const SHIFT = [16, 12, 7, 0];
const MASK = [63, 15, 31, 127];

DEFINIT((rt) => {
  put(rt, Qcategory_table, Qchar_table_extra_slots, makeFixnum(2));
});

// ---- category sets ---------------------------------------------------------------------

const isCategorySet = (rt: Runtime, x: number): boolean =>
  isPvec(rt, x, PVEC_BOOL_VECTOR) && rt.i32[base(x)] === makeFixnum(CATEGORY_BITS);

/** Whether bit K of the category set SET is on (K < 128). */
const hasBit = (rt: Runtime, set: number, k: number): boolean => (rt.i32[base(set) + 1 + (k >>> 5)]! & (1 << (k & 31))) !== 0;

function setBit(rt: Runtime, set: number, k: number, on: boolean): void {
  const w = base(set) + 1 + (k >>> 5);
  if (on) rt.i32[w]! |= 1 << (k & 31);
  else rt.i32[w]! &= ~(1 << (k & 31));
}

const makeCategorySet = (rt: Runtime): number => makeBoolVector(rt, CATEGORY_BITS);

/** Whether char C is in category CAT under TABLE (false for a table entry that is no category set). */
export function charHasCategory(rt: Runtime, table: number, c: number, cat: number): boolean {
  if (cat >= CATEGORY_BITS) return false;
  const set = charTableRef(rt, table, c);
  return isCategorySet(rt, set) && hasBit(rt, set, cat);
}

// ---- tables ----------------------------------------------------------------------------

const categoryTableP = (rt: Runtime, x: number): boolean => charTableP(rt, x) && rt.i32[base(x) + CHARTAB_PURPOSE] === Qcategory_table;

/** A fresh table as make-category-table gives: every top slot and the default a set of its own, no category defined. */
function makeCategoryTable(rt: Runtime): number {
  const t = makeCharTable(rt, Qcategory_table, Qnil);
  const b = base(t);
  rt.i32[b + CHARTAB_DEFALT] = makeCategorySet(rt);
  // GNU leaves the ASCII cache nil here, so ASCII chars read the default until first set.
  for (let i = 0; i < 64; i++) rt.i32[b + CHARTAB_CONTENTS + i] = makeCategorySet(rt);
  rt.i32[b + CHARTAB_STANDARD_SLOTS + DOCS] = makeVector(rt, 95, Qnil);
  return t;
}

/** TABLE's hash table of shared sets, made on first need. */
function setsTable(rt: Runtime, table: number): number {
  const slot = base(table) + CHARTAB_STANDARD_SLOTS + SETS;
  let h = rt.i32[slot]!;
  if (h === Qnil) {
    h = makeHashTable(rt, { test: Qequal, user: Qnil, size: 65, rehashSize: makeFloat(rt, 1.5), rehashThreshold: makeFloat(rt, 0.8125), weak: Qnil, purecopy: false });
    rt.i32[slot] = h;
  }
  return h;
}

/** SET itself or the set equal to it that TABLE already shares (GNU's hash_get_category_set). */
function sharedSet(rt: Runtime, table: number, set: number): number {
  const h = setsTable(rt, table);
  const i = hashLookup(rt, h, set);
  if (i >= 0) return rt.i32[base(rt.i32[base(h) + HT_KV]!) + 2 * i]!;
  hashPut(rt, h, set, Qnil);
  return set;
}

/** Read the etc/category-docs.txt lines "CODE JSON-STRING" (beside the sources or the bundle). */
function readDocs(rt: Runtime): [number, string][] {
  const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  const file = join(here, '..', ...(here.endsWith('emacs') ? ['..'] : []), 'etc', 'category-docs.txt');
  const bytes = rt.host.readFile(file);
  if (bytes === null) {
    return xsignal(Qfile_missing, list(rt, makeString(rt, 'Opening input file'), makeString(rt, rt.host.lastError), makeString(rt, file)));
  }
  const out: [number, string][] = [];
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) out.push([Number(line.slice(0, sp)), JSON.parse(line.slice(sp + 1)) as string]);
  }
  return out;
}

/** Build the standard category table from the recorded data. No Lisp runs here, so nothing needs rooting. */
function buildStandardTable(rt: Runtime): number {
  const docs = readDocs(rt);
  const t = makeCategoryTable(rt);
  const dv = rt.i32[base(t) + CHARTAB_STANDARD_SLOTS + DOCS]!;
  for (const [c, d] of docs) rt.i32[base(dv) + c - 32] = makeString(rt, d);
  const sets: number[] = [];
  const setsData = STD_CATEGORY_SETS();
  for (const m of setsData) {
    const s = makeCategorySet(rt);
    for (let i = 0; i < m.length; i++) setBit(rt, s, m.charCodeAt(i), true);
    sets.push(sharedSet(rt, t, s));
  }
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) digit[STD_CATEGORY_DIGITS.charCodeAt(i)] = i;
  const data = STD_CATEGORY_RUNS();
  let p = 0;
  const num = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const d = digit[data.charCodeAt(p++)]!;
      n += (d & 31) * scale;
      if (d < 32) return n;
      scale *= 32;
    }
  };
  let c = 0;
  while (p < data.length) {
    const last = c + num();
    charTableSetRange(rt, t, c, last, sets[num()]!);
    c = last + 1;
  }
  if (c !== MAX_CHAR + 1) throw new Error('category-data: runs do not cover every char');
  // The empty set is also the default, as GNU's table has it.
  rt.i32[base(t) + CHARTAB_DEFALT] = sets[setsData.indexOf('')]!;
  return t;
}

/** Whether this world has built its standard table yet (a test checks that loadup leaves it alone). */
export const standardCategoryTableBuilt = (rt: Runtime): boolean => rt.globals[G_STANDARD_CATEGORY_TABLE] !== Qnil;

export function standardCategoryTable(rt: Runtime): number {
  let t = rt.globals[G_STANDARD_CATEGORY_TABLE]!;
  if (t === Qnil) {
    t = buildStandardTable(rt);
    rt.globals[G_STANDARD_CATEGORY_TABLE] = t;
  }
  return t;
}

/** The current buffer's category table as its slot holds it: nil for the standard one. */
export function currentCategoryTableSlot(rt: Runtime): number {
  const buf = currentBuffer(rt);
  return buf === Qnil ? rt.globals[G_BUFFERLESS_CATEGORY_TABLE]! : rt.i32[base(buf) + BUF_CATEGORY_TABLE]!;
}

/** The current buffer's category table. */
export function currentCategoryTable(rt: Runtime): number {
  const t = currentCategoryTableSlot(rt);
  return t === Qnil ? standardCategoryTable(rt) : t;
}

/** TABLE as given, or the current buffer's when nil; anything else but a category table is an error. */
function checkTable(rt: Runtime, table: number): number {
  if (table === Qnil) return currentCategoryTable(rt);
  if (!categoryTableP(rt, table)) wrongTypeArgument(rt, Qcategory_table_p, table);
  return table;
}

function checkCategory(rt: Runtime, x: number): number {
  if (!isFixnum(x) || fixnumValue(x) < 32 || fixnumValue(x) > 126) wrongTypeArgument(rt, Qcategoryp, x);
  return fixnumValue(x);
}

function checkChar(rt: Runtime, x: number): number {
  if (!isFixnum(x) || x < 0 || fixnumValue(x) > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

/** The slot of TABLE's docstring vector for category CAT. */
const docSlot = (rt: Runtime, table: number, cat: number): number =>
  base(rt.i32[base(table) + CHARTAB_STANDARD_SLOTS + DOCS]!) + cat - 32;

/** Whether TABLE's docstring vector is a vector of 95 slots (a char-table made by make-char-table has none). */
function hasDocVector(rt: Runtime, table: number): boolean {
  const dv = rt.i32[base(table) + CHARTAB_STANDARD_SLOTS + DOCS]!;
  return vectorp(rt, dv) && (rt.i32[base(dv) - 1]! & PVEC_SIZE_MASK) >= 95;
}

// ---- primitives ------------------------------------------------------------------------

DEFUN('make-category-set', 1, 1, 'Make a category set holding the categories named by the chars of the unibyte string CATEGORIES.', (rt, cats: number) => {
  if (!stringp(cats)) wrongTypeArgument(rt, Qstringp, cats);
  if (stringMultibyte(rt, cats)) error(rt, 'Multibyte string in \u2018make-category-set\u2019');
  const set = makeCategorySet(rt);
  const n = schars(rt, cats);
  const p = sdata(rt, cats);
  for (let i = 0; i < n; i++) setBit(rt, set, checkCategory(rt, makeFixnum(rt.u8[p + i]!)), true);
  return set;
});

DEFUN('define-category', 2, 3, 'Define CATEGORY, a char from space to tilde, with DOCSTRING in TABLE (the current buffer\'s category table when nil).\nIt is an error to define a category TABLE already has.', (rt, cat: number, doc: number, table: number) => {
  const k = checkCategory(rt, cat);
  if (!stringp(doc)) wrongTypeArgument(rt, Qstringp, doc);
  const t = checkTable(rt, table);
  if (!hasDocVector(rt, t)) return Qnil;
  const slot = docSlot(rt, t, k);
  if (rt.i32[slot] !== Qnil) error(rt, `Category \u2018${String.fromCharCode(k)}\u2019 is already defined`);
  rt.i32[slot] = doc;
  return Qnil;
});

DEFUN('category-docstring', 1, 2, 'Give the docstring of CATEGORY in TABLE (the current buffer\'s category table when nil), or nil when it is not defined there.', (rt, cat: number, table: number) => {
  const k = checkCategory(rt, cat);
  const t = checkTable(rt, table);
  return hasDocVector(rt, t) ? rt.i32[docSlot(rt, t, k)]! : Qnil;
});

DEFUN('get-unused-category', 0, 1, 'Give the first category char that TABLE (the current buffer\'s category table when nil) leaves undefined, or nil when all 95 are taken.', (rt, table: number) => {
  const t = checkTable(rt, table);
  if (!hasDocVector(rt, t)) return Qnil;
  for (let k = 32; k <= 126; k++) if (rt.i32[docSlot(rt, t, k)] === Qnil) return makeFixnum(k);
  return Qnil;
});

DEFUN('category-table-p', 1, 1, 'Tell whether ARG is a category table: a char-table made for `category-table\'.', (rt, x: number) =>
  categoryTableP(rt, x) ? Qt : Qnil);

DEFUN('category-table', 0, 0, 'Give the current buffer\'s category table.', (rt) => currentCategoryTable(rt));

DEFUN('standard-category-table', 0, 0, 'Give the standard category table, which new buffers start with.', (rt) => standardCategoryTable(rt));

DEFUN('make-category-table', 0, 0, 'Make a category table with no category defined and no char in any category.', (rt) => makeCategoryTable(rt));

DEFUN('copy-category-table', 0, 1, 'Give a copy of TABLE, a category table, or of the standard category table when TABLE is nil.\nThe copy\'s category sets are its own: changing them leaves TABLE alone.', (rt, table: number) => {
  let t = table;
  if (t === Qnil) t = standardCategoryTable(rt);
  else if (!categoryTableP(rt, t)) wrongTypeArgument(rt, Qcategory_table_p, t);
  const copy = copySequence(rt, t);
  const b = base(copy);
  const d = rt.i32[b + CHARTAB_DEFALT]!;
  if (d !== Qnil) rt.i32[b + CHARTAB_DEFALT] = copySequence(rt, d);
  const dv = rt.i32[b + CHARTAB_STANDARD_SLOTS + DOCS]!;
  if (dv !== Qnil) rt.i32[b + CHARTAB_STANDARD_SLOTS + DOCS] = copySequence(rt, dv);
  // Each run of chars sharing one set gets one fresh set of its own (the sets table itself stays
  // shared with TABLE, as GNU's copy leaves it).
  let prevOld = Qnil;
  let prevNew = Qnil;
  const walk = (slots: number, n: number): void => {
    for (let k = 0; k < n; k++) {
      const v = rt.i32[slots + k]!;
      if (isPvec(rt, v, PVEC_SUB_CHAR_TABLE)) {
        const depth = fixnumValue(rt.i32[base(v)]!);
        walk(base(v) + SUB_CHARTAB_CONTENTS, [64, 16, 32, 128][depth]!);
      } else if (isCategorySet(rt, v)) {
        if (v !== prevOld) {
          prevOld = v;
          prevNew = copySequence(rt, v);
        }
        rt.i32[slots + k] = prevNew;
      }
    }
  };
  walk(b + CHARTAB_CONTENTS, 64);
  const a = rt.i32[b + CHARTAB_ASCII]!;
  if (!isPvec(rt, a, PVEC_SUB_CHAR_TABLE) && a !== Qnil) rt.i32[b + CHARTAB_ASCII] = rt.i32[b + CHARTAB_CONTENTS]!;
  return copy;
});

DEFUN('set-category-table', 1, 1, 'Make TABLE the current buffer\'s category table and give TABLE (nil stands for the table the buffer already has).', (rt, arg: number) => {
  const table = checkTable(rt, arg);
  const buf = currentBuffer(rt);
  if (buf === Qnil) rt.globals[G_BUFFERLESS_CATEGORY_TABLE] = table;
  else rt.i32[base(buf) + BUF_CATEGORY_TABLE] = table;
  return table;
});

DEFUN('char-category-set', 1, 1, 'Give the category set of CHAR under the current buffer\'s category table.', (rt, ch: number) =>
  charTableRef(rt, currentCategoryTable(rt), checkChar(rt, ch)));

DEFUN('category-set-mnemonics', 1, 1, 'Give the categories in CATEGORY-SET as a string of their chars, in order.', (rt, set: number) => {
  if (!isCategorySet(rt, set)) wrongTypeArgument(rt, Qcategorysetp, set);
  let s = '';
  for (let k = 32; k <= 126; k++) if (hasBit(rt, set, k)) s += String.fromCharCode(k);
  return makeString(rt, s);
});

/**
 * The value TABLE's trie holds for C, without default or parent, and the last char of the
 * slot holding it: every char from C to there has that value.
 */
function slotOf(rt: Runtime, table: number, c: number): [number, number] {
  let v = rt.i32[base(table) + CHARTAB_CONTENTS + (c >>> 16)]!;
  let depth = 0;
  while (isPvec(rt, v, PVEC_SUB_CHAR_TABLE)) {
    depth++;
    v = rt.i32[base(v) + SUB_CHARTAB_CONTENTS + ((c >>> SHIFT[depth]!) & MASK[depth]!)]!;
  }
  const per = CHARS[depth]!;
  return [v, c - (c % per) + per - 1];
}

DEFUN('modify-category-entry', 2, 4, 'Put CHARACTER, a char or a range (FROM . TO), into CATEGORY in TABLE (the current buffer\'s category table when nil); with RESET non-nil, take it out instead.\nCATEGORY must be defined in TABLE.', (rt, character: number, cat: number, table: number, reset: number) => {
  let from: number;
  let to: number;
  if (isFixnum(character) && character >= 0 && fixnumValue(character) <= MAX_CHAR) from = to = fixnumValue(character);
  else if (isFixnum(character)) return wrongTypeArgument(rt, Qcharacterp, character);
  else {
    if (!consp(character)) wrongTypeArgument(rt, Qconsp, character);
    from = checkChar(rt, xcar(rt, character));
    to = checkChar(rt, xcdr(rt, character));
  }
  const k = checkCategory(rt, cat);
  const t = checkTable(rt, table);
  if (!hasDocVector(rt, t) || rt.i32[docSlot(rt, t, k)] === Qnil) error(rt, `Undefined category: ${String.fromCharCode(k)}`);
  const on = reset === Qnil;
  const hasParent = rt.i32[base(t) + CHARTAB_PARENT] !== Qnil;
  // Walk the range slot by slot: a whole-table range costs one step per slot, not per char.
  for (let c = from; c <= to;) {
    let [set, end] = slotOf(rt, t, c);
    if (set === Qnil || (c < 128 && !isPvec(rt, rt.i32[base(t) + CHARTAB_ASCII]!, PVEC_SUB_CHAR_TABLE))) {
      // What a lookup gives here comes from elsewhere (the default, a parent, or a stale ASCII cache).
      set = charTableRef(rt, t, c);
      if (hasParent || c < 128) end = c;
    }
    if (end > to) end = to;
    if (isCategorySet(rt, set) && hasBit(rt, set, k) !== on) {
      const fresh = copySequence(rt, set);
      setBit(rt, fresh, k, on);
      charTableSetRange(rt, t, c, end, sharedSet(rt, t, fresh));
    } else if (!isCategorySet(rt, set) && on) {
      const fresh = makeCategorySet(rt);
      setBit(rt, fresh, k, true);
      charTableSetRange(rt, t, c, end, sharedSet(rt, t, fresh));
    }
    c = end + 1;
  }
  return Qnil;
});
