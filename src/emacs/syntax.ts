// Syntax tables (GNU syntax.c): the standard table, syntax descriptors, the current buffer's table and the primitives that read and change them.
//
// A syntax table is a char-table of purpose `syntax-table' whose values are descriptors
// (CODE . MATCHING-CHAR): CODE's low 16 bits are the class, the bits above are the flags
// 1234pbnc. nil means "look in the parent"; the standard table has no parent. Descriptors
// without a matching char or flags are shared objects, one per class, as in GNU (so `eq'
// holds between them and `string-to-syntax' gives the same object).

import {
  BUF_SYNTAX_TABLE, CHARTAB_ASCII, CHARTAB_DEFALT, CHARTAB_PARENT, CHARTAB_PURPOSE, PVEC_SUB_CHAR_TABLE, SUB_CHARTAB_CONTENTS,
} from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { MAX_CHAR } from '../core/character.ts';
import { cons, consp, isPvec, makeVector, aref, aset, sdata, sbytes, stringp, stringMultibyte, xcar, xcdr } from '../core/object.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { argsOutOfRange, error, wrongTypeArgument } from '../core/signal.ts';
import { DEFINIT, DEFUN } from '../core/subr.ts';
import { DEFSYM, Qcharacterp, Qfixnump, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { charLenAt, readChar } from '../core/character.ts';
import { currentBuffer } from './buffer.ts';
import { charTableP, charTableRef, charTableSet, charTableSetRange } from './chartab.ts';
import { copySequence, put } from './fns.ts';
import { decodeCharTable } from './std-tables.ts';
import { STD_SYNTAX } from './std-tables-data.ts';

export const Qsyntax_table = DEFSYM('syntax-table');
const Qsyntax_table_p = DEFSYM('syntax-table-p');
const Qchar_table_extra_slots = DEFSYM('char-table-extra-slots');

/** Syntax class codes, GNU's enum syntaxcode order. */
export const Swhitespace = 0;
export const Spunct = 1;
export const Sword = 2;
export const Ssymbol = 3;
export const Sopen = 4;
export const Sclose = 5;
export const Squote = 6;
export const Sstring = 7;
export const Smath = 8;
export const Sescape = 9;
export const Scharquote = 10;
export const Scomment = 11;
export const Sendcomment = 12;
export const Sinherit = 13;
export const Scomment_fence = 14;
export const Sstring_fence = 15;
export const SYNTAX_NONE = 255;

/** The designator chars of the classes, by code (`char-syntax' gives these). */
export const SYNTAX_CHARS = ' .w_()\'"$\\/<>@!|';

/** Flag bits of a descriptor's code, by their designator chars. */
export const SYNTAX_FLAG_1 = 1 << 16;
export const SYNTAX_FLAG_2 = 1 << 17;
export const SYNTAX_FLAG_3 = 1 << 18;
export const SYNTAX_FLAG_4 = 1 << 19;
export const SYNTAX_FLAG_P = 1 << 20;
export const SYNTAX_FLAG_B = 1 << 21;
export const SYNTAX_FLAG_N = 1 << 22;
export const SYNTAX_FLAG_C = 1 << 23;
const FLAG_CHARS = '1234pbnc';

/**
 * Class code for a designator char, or SYNTAX_NONE. Besides the class chars, `-' means
 * whitespace and `W' word, as in GNU; so does any non-ASCII char, whose first byte GNU
 * looks up in a table that gives those whitespace.
 */
export function syntaxSpecCode(c: number): number {
  if (c === 0x2d || c >= 0x80) return Swhitespace;
  if (c === 0x57) return Sword;
  const i = c < 128 ? SYNTAX_CHARS.indexOf(String.fromCharCode(c)) : -1;
  return i < 0 ? SYNTAX_NONE : i;
}

/** The standard syntax table. */
export const G_STANDARD_SYNTAX_TABLE = DEFGLOBAL('standard-syntax-table');
/** The shared descriptors (CODE) for the 16 classes, GNU's Vsyntax_code_object. */
const G_SYNTAX_CODE_OBJECTS = DEFGLOBAL('syntax-code-objects');
/** The syntax table in force while there is no current buffer. */
const G_BUFFERLESS_SYNTAX_TABLE = DEFGLOBAL('bufferless-syntax-table');

const base = (v: number): number => ((v & -8) >>> 2) + 1;

DEFINIT((rt) => {
  put(rt, Qsyntax_table, Qchar_table_extra_slots, makeFixnum(0));
  const codes = makeVector(rt, 16, Qnil);
  rt.globals[G_SYNTAX_CODE_OBJECTS] = codes;
  for (let i = 0; i < 16; i++) aset(rt, codes, i, cons(rt, makeFixnum(i), Qnil));
  const std = decodeCharTable(rt, Qsyntax_table, STD_SYNTAX(), (tok) => descriptorFromToken(rt, tok));
  rt.i32[base(std) + CHARTAB_DEFALT] = aref(rt, codes, Swhitespace);
  rt.globals[G_STANDARD_SYNTAX_TABLE] = std;
  rt.globals[G_BUFFERLESS_SYNTAX_TABLE] = std;
});

function descriptorFromToken(rt: Runtime, tok: string): number {
  if (tok === 'n') return Qnil;
  const dot = tok.indexOf('.');
  if (tok.endsWith('u')) return cons(rt, makeFixnum(Number(tok.slice(0, -1))), Qnil);
  const code = Number(dot < 0 ? tok : tok.slice(0, dot));
  if (dot < 0 && code < 16) return aref(rt, rt.globals[G_SYNTAX_CODE_OBJECTS]!, code);
  return cons(rt, makeFixnum(code), dot < 0 ? Qnil : makeFixnum(Number(tok.slice(dot + 1))));
}

export const standardSyntaxTable = (rt: Runtime): number => rt.globals[G_STANDARD_SYNTAX_TABLE]!;

export const syntaxTableP = (rt: Runtime, x: number): boolean =>
  charTableP(rt, x) && rt.i32[base(x) + CHARTAB_PURPOSE] === Qsyntax_table;

function checkSyntaxTable(rt: Runtime, x: number): void {
  if (!syntaxTableP(rt, x)) wrongTypeArgument(rt, Qsyntax_table_p, x);
}

/** The current buffer's syntax table (the bufferless one before any buffer exists). */
export function currentSyntaxTable(rt: Runtime): number {
  const buf = currentBuffer(rt);
  if (buf === Qnil) return rt.globals[G_BUFFERLESS_SYNTAX_TABLE]!;
  const t = rt.i32[base(buf) + BUF_SYNTAX_TABLE]!;
  return t === Qnil ? standardSyntaxTable(rt) : t;
}

export function setCurrentSyntaxTable(rt: Runtime, table: number): void {
  const buf = currentBuffer(rt);
  if (buf === Qnil) rt.globals[G_BUFFERLESS_SYNTAX_TABLE] = table;
  else rt.i32[base(buf) + BUF_SYNTAX_TABLE] = table;
}

/** The descriptor of C in TABLE (nil when neither it nor its parents say). */
export const syntaxEntry = (rt: Runtime, table: number, c: number): number => charTableRef(rt, table, c);

/** The class code of C in TABLE: GNU's SYNTAX (no descriptor counts as whitespace). */
export function syntaxClassIn(rt: Runtime, table: number, c: number): number {
  const e = charTableRef(rt, table, c);
  return consp(e) ? fixnumValue(xcar(rt, e)) & 0xffff : Swhitespace;
}

/** The class code and flags of C in TABLE: GNU's SYNTAX_WITH_FLAGS. */
export function syntaxWithFlagsIn(rt: Runtime, table: number, c: number): number {
  const e = charTableRef(rt, table, c);
  return consp(e) ? fixnumValue(xcar(rt, e)) : Swhitespace;
}

/**
 * Fill OUT[0..127] with the class and flags of the ASCII chars in TABLE, as syntaxWithFlagsIn
 * gives them, reading the ASCII slots of TABLE and its parents directly: scans look ASCII up in
 * this flat table instead of walking the char-table per char. -1 marks a char not settled yet.
 */
export function fillAsciiSyntax(rt: Runtime, table: number, out: Int32Array): void {
  const m = rt.i32;
  out.fill(-1);
  for (let ct = table; ; ) {
    const b = base(ct);
    const a = m[b + CHARTAB_ASCII]!;
    if (isPvec(rt, a, PVEC_SUB_CHAR_TABLE)) {
      const sb = base(a) + SUB_CHARTAB_CONTENTS;
      for (let c = 0; c < 128; c++) if (out[c] === -1 && m[sb + c] !== Qnil) out[c] = descriptorCode(rt, m[sb + c]!);
    } else if (a !== Qnil) {
      fillUnsettled(out, descriptorCode(rt, a));
      return;
    }
    const d = m[b + CHARTAB_DEFALT]!;
    if (d !== Qnil) {
      fillUnsettled(out, descriptorCode(rt, d));
      return;
    }
    const p = m[b + CHARTAB_PARENT]!;
    if (!charTableP(rt, p)) {
      fillUnsettled(out, Swhitespace);
      return;
    }
    ct = p;
  }
}

const descriptorCode = (rt: Runtime, e: number): number => (consp(e) ? fixnumValue(xcar(rt, e)) : Swhitespace);

function fillUnsettled(out: Int32Array, v: number): void {
  for (let c = 0; c < 128; c++) if (out[c] === -1) out[c] = v;
}

function checkCharacter(rt: Runtime, x: number): number {
  if (!isFixnum(x) || fixnumValue(x) < 0 || fixnumValue(x) > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

/** The chars of a Lisp string (raw bytes of a unibyte string as their byte values). */
function stringChars(rt: Runtime, s: number): number[] {
  const u8 = rt.u8;
  const p0 = sdata(rt, s);
  const n = sbytes(rt, s);
  const out: number[] = [];
  if (!stringMultibyte(rt, s)) {
    for (let i = 0; i < n; i++) out.push(u8[p0 + i]!);
    return out;
  }
  for (let p = p0; p < p0 + n; ) {
    const b = u8[p]!;
    out.push(b < 0x80 ? b : readChar(u8, p));
    p += b < 0x80 ? 1 : charLenAt(b);
  }
  return out;
}

/** GNU's string-to-syntax: parse a descriptor string such as ". 23b" or "()". */
export function stringToSyntax(rt: Runtime, s: number): number {
  if (!stringp(s)) wrongTypeArgument(rt, Qstringp, s);
  const cs = stringChars(rt, s);
  const first = cs.length > 0 ? cs[0]! : 0;
  const code = syntaxSpecCode(first);
  if (code === SYNTAX_NONE) error(rt, 'Invalid syntax description letter: ' + String.fromCodePoint(first > 0x10ffff ? 0xfffd : first));
  if (code === Sinherit) return Qnil;
  let match = Qnil;
  if (cs.length > 1 && cs[1] !== 0x20) match = makeFixnum(cs[1]!);
  let val = code;
  for (let i = 2; i < cs.length; i++) {
    const k = cs[i]! < 128 ? FLAG_CHARS.indexOf(String.fromCharCode(cs[i]!)) : -1;
    if (k >= 0) val |= 1 << (16 + k);
  }
  if (val < 16 && match === Qnil) return aref(rt, rt.globals[G_SYNTAX_CODE_OBJECTS]!, val);
  return cons(rt, makeFixnum(val), match);
}

DEFUN('syntax-table-p', 1, 1, 'Tell whether OBJECT is a syntax table: a char-table made for `syntax-table\'.', (rt, obj: number) =>
  syntaxTableP(rt, obj) ? Qt : Qnil);

DEFUN('syntax-table', 0, 0, 'Give the current buffer\'s syntax table.', (rt) => currentSyntaxTable(rt));

DEFUN('standard-syntax-table', 0, 0, 'Give the standard syntax table, which new buffers start with and other tables fall back on.', (rt) =>
  standardSyntaxTable(rt));

DEFUN('copy-syntax-table', 0, 1,
  'Make a new syntax table with the entries of TABLE (the standard table when nil).\nThe copy has no default entry and inherits from the standard table unless TABLE had a parent.',
  (rt, table: number) => {
    if (table === Qnil) table = standardSyntaxTable(rt);
    else checkSyntaxTable(rt, table);
    const copy = copySequence(rt, table);
    // Only the standard table answers for chars nobody set; a copy asks its parent.
    rt.i32[base(copy) + CHARTAB_DEFALT] = Qnil;
    if (rt.i32[base(copy) + CHARTAB_PARENT] === Qnil) rt.i32[base(copy) + CHARTAB_PARENT] = standardSyntaxTable(rt);
    return copy;
  });

DEFUN('set-syntax-table', 1, 1, 'Make TABLE the current buffer\'s syntax table, and give TABLE.', (rt, table: number) => {
  checkSyntaxTable(rt, table);
  setCurrentSyntaxTable(rt, table);
  return table;
});

DEFUN('char-syntax', 1, 1, 'Give the designator char of CHARACTER\'s syntax class in the current syntax table, such as ?w or ?\\(.', (rt, c: number) => {
  const ch = checkCharacter(rt, c);
  return makeFixnum(SYNTAX_CHARS.charCodeAt(syntaxClassIn(rt, currentSyntaxTable(rt), ch)));
});

DEFUN('syntax-class-to-char', 1, 1, 'Give the designator char of syntax class number SYNTAX, 0 to 15.', (rt, n: number) => {
  if (!isFixnum(n)) wrongTypeArgument(rt, Qfixnump, n);
  const k = fixnumValue(n);
  if (k < 0 || k > 15) argsOutOfRange(rt, makeFixnum(15), n);
  return makeFixnum(SYNTAX_CHARS.charCodeAt(k));
});

DEFUN('matching-paren', 1, 1, 'Give the char that pairs with CHARACTER when the current syntax table makes it an open or close paren, else nil.', (rt, c: number) => {
  const ch = checkCharacter(rt, c);
  const table = currentSyntaxTable(rt);
  const cls = syntaxClassIn(rt, table, ch);
  if (cls !== Sopen && cls !== Sclose) return Qnil;
  const e = syntaxEntry(rt, table, ch);
  return consp(e) ? xcdr(rt, e) : Qnil;
});

DEFUN('string-to-syntax', 1, 1, 'Turn the syntax descriptor string SYNTAX, as `modify-syntax-entry\' takes, into the raw form a syntax table holds.', (rt, s: number) =>
  stringToSyntax(rt, s));

DEFUN('modify-syntax-entry', 2, 3,
  'Give CHAR the syntax NEWENTRY, a descriptor string, in TABLE (default: the current syntax table).\nCHAR may be a cons (MIN . MAX) to change a range of characters.',
  (rt, c: number, newentry: number, table: number) => {
    let from: number;
    let to: number;
    if (consp(c)) {
      from = checkCharacter(rt, xcar(rt, c));
      to = checkCharacter(rt, xcdr(rt, c));
    } else from = to = checkCharacter(rt, c);
    if (table === Qnil) table = currentSyntaxTable(rt);
    else checkSyntaxTable(rt, table);
    const v = stringToSyntax(rt, newentry);
    if (from === to && !consp(c)) charTableSet(rt, table, from, v);
    else if (from <= to) charTableSetRange(rt, table, from, to, v);
    return Qnil;
  }, 'cSet syntax for character: \nsSet syntax for %s to: ');
