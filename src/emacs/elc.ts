// tsmacs's compiled Lisp files (FILE.elc): the format, and printing forms into it.
//
// GNU's .elc holds byte code; ours holds the file's top-level forms with their macros expanded
// (docs/evaluator.md, "Compiled files"), so `load' reads and evaluates them without expanding
// anything, and the compiler of compile.ts compiles their functions at their first call as it
// does from source. The file is:
//
//   ;TSMACS-ELC 3 LENGTH HASH -*- lexical-binding: t -*-
//   ;; Compiled by tsmacs from FILE.el: ...
//   [ITEM,
//   ITEM, ...]
//
// LENGTH is the body's size in bytes and HASH its FNV-1a hash (8 hex digits), so a truncated or
// damaged file is refused before anything of it runs; the first line is also a file-local
// variables line, so the lexical-binding cookie reads as in a source file. The body is in
// tsmacs's internal encoding (UTF-8, raw bytes as GNU's two-byte forms). GNU's files start with
// ";ELC" and are never taken for ours, nor ours for GNU's.
//
// Format 2 (evalperf6) holds the forms as one JSON array, one ITEM per form, so that loading a
// file is JSON.parse (native code, warm from the first byte) and one short walk per form, instead
// of the Lisp reader running cold over every character (reading cl-lib's four files took some
// 45 ms more in a fresh process than once warm). An ITEM is the form itself in this encoding:
//
//   a fixnum            a JSON number
//   an interned symbol  a JSON string, its name (ASCII only)
//   a proper list       a JSON array of its elements
//   a dotted list       {"d": [ELEMENTS...], "t": TAIL}
//   a vector            {"v": [ELEMENTS...]}
//   a unibyte or ASCII string without text properties, ASCII only   {"s": TEXT}
//   a float (finite, not -0.0)   {"f": NUMBER}
//   an uninterned symbol         {"u": K, "n": NAME} the first time in its form, {"u": K} later
//   an object the form reaches more than once (a cons, string, float or vector: shared structure,
//   which `print-circle' keeps as #N= and #N#)   {"h": K, "o": ITEM} where it is built first
//   (lists are built from their last element, so a list's tail and later elements come before
//   its earlier ones), {"r": K} at every other place; K counts from 0 in each form (format 3)
//
// or, for a form holding anything else (a non-ASCII name or string, a record, a char-table, a
// bignum, text properties) or circular structure, {"p": PRINTED}: the form as format 1 printed
// it, its bytes as \u00XX characters, read back by the Lisp reader. Until format 3 every form
// with shared structure was printed: `define-minor-mode's and `cl-defmethod's expansions share
// their argument lists, and the Lisp reader, cold in a fresh process, took some 20 ms of
// `(require 'seq)' (38 such forms) and 5-8 ms of electric.el's six modes. What `read' would give for the printed form is what
// the walk gives: an ASCII string reads back unibyte, a symbol's name is a multibyte string.

import { PVEC_NORMAL_VECTOR, PVEC_RECORD, SYM_INTERNED_MASK } from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import {
  aref, cons, consp, makeFloat, makePvec, makeStringFromBytes, makeSymbol, pvecSize, pvecType, sbytes, sdata, stringIntervals,
  stringMultibyte, symbolFlags, symbolName, xcar, xcdr, xfloat,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { funcall, specbind, unbindTo } from './eval.ts';

/** The first bytes of every file of ours. */
export const ELC_MAGIC = ';TSMACS-ELC ';
/** The format's version: a file of another version is refused (and its source loaded instead). */
export const ELC_VERSION = 3; // scripts/build-elc.mjs checks the bundled libraries against it (ELC_HEAD)

/**
 * The head of a form that stays as it was read: `load' expands it as it expands a source file's
 * forms, then evaluates it (a form whose expansion failed at compile time).
 */
export const Qelc_source = DEFSYM('tsmacs-elc--source');

const Qprin1_to_string = DEFSYM('prin1-to-string');

/** The variables that make `prin1' write what `read' reads back, and their values while writing. */
const PRINT_BINDINGS: [number, number][] = [
  [DEFSYM('print-circle'), Qt],
  [DEFSYM('print-gensym'), Qt],
  [DEFSYM('print-escape-nonascii'), Qt],
  [DEFSYM('print-quoted'), Qt],
  [DEFSYM('print-length'), Qnil],
  [DEFSYM('print-level'), Qnil],
  [DEFSYM('print-escape-newlines'), Qnil],
  [DEFSYM('print-escape-control-characters'), Qnil],
  [DEFSYM('print-escape-multibyte'), Qnil],
  [DEFSYM('print-integers-as-characters'), Qnil],
  [DEFSYM('print-continuous-numbering'), Qnil],
  [DEFSYM('print-number-table'), Qnil],
  [DEFSYM('float-output-format'), Qnil],
];

/**
 * The body's checksum: FNV-1a over its 32-bit words (in the host's order, little-endian on every
 * host tsmacs runs on), then over the bytes past the
 * last whole word (format 1 went byte by byte: a quarter of the rounds, in code that runs cold).
 */
function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  const n = bytes.length & ~3;
  // A copy, aligned (BYTES may be a Node Buffer, whose slice is a view of a shared pool).
  const copy = new Uint8Array(n);
  copy.set(bytes.subarray(0, n));
  const words = new Uint32Array(copy.buffer);
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = n; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** An interned symbol in a form being written: elcFileBytes numbers the file's symbols. */
class SymRef {
  name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/** One form of a compiled file being written, as printFormForElc made it (see the head of this file). */
export type ElcItem = { item: unknown };

/**
 * FORM as an item of a compiled file (see the head of this file), or a reason it cannot be
 * written: an object that prints as `#<...>' (a buffer, a marker, a subr), or raw bytes in a
 * unibyte result.
 */
export function printFormForElc(rt: Runtime, form: number): ElcItem | string {
  const direct = encodeForm(rt, form);
  if (direct !== null) return { item: direct };
  const printed = printedForm(rt, form);
  if (typeof printed === 'string') return printed;
  let text = '';
  for (let i = 0; i < printed.length; i += 4096) text += String.fromCharCode(...printed.subarray(i, i + 4096));
  return { item: { p: text } };
}

/** Deepest nesting the direct encoding takes (a deeper form is printed). */
const ENCODE_DEPTH = 2000;

/** The bytes of NAME (a Lisp string) as a JS string, or null when not all ASCII. */
function asciiOf(rt: Runtime, name: number): string | null {
  const n = sbytes(rt, name);
  const p = sdata(rt, name);
  const u8 = rt.u8;
  let out = '';
  for (let i = 0; i < n; i++) {
    const b = u8[p + i]!;
    if (b >= 0x80) return null;
    out += String.fromCharCode(b);
  }
  return out;
}

/**
 * The objects FORM reaches more than once (conses, strings, floats, vectors), or null when it is
 * circular (an object met again inside itself) or nested deeper than ENCODE_DEPTH: those forms
 * are printed. A cons reached again ends the walk of its list there.
 */
function sharedIn(rt: Runtime, form: number): Set<number> | null {
  const seen = new Set<number>();
  const shared = new Set<number>();
  const open = new Set<number>();
  const walk = (x: number, depth: number): boolean => {
    if (depth > ENCODE_DEPTH) return false;
    const tag = x & 7;
    if (isFixnum(x) || tag === Lisp_Symbol) return true;
    if (open.has(x)) return false;
    if (seen.has(x)) {
      shared.add(x);
      return true;
    }
    seen.add(x);
    if (tag === Lisp_Cons) {
      // The cells of the list are open while its elements are walked: a car leading back to one is a cycle.
      const cells: number[] = [];
      let t = x;
      let ok = true;
      for (;;) {
        open.add(t);
        cells.push(t);
        if (!walk(xcar(rt, t), depth + 1)) {
          ok = false;
          break;
        }
        t = xcdr(rt, t);
        if ((t & 7) !== Lisp_Cons) break;
        if (open.has(t)) {
          ok = false;
          break;
        }
        if (seen.has(t)) {
          shared.add(t);
          break;
        }
        seen.add(t);
      }
      if (ok && (t & 7) !== Lisp_Cons) ok = walk(t, depth + 1);
      for (const c of cells) open.delete(c);
      return ok;
    }
    if (tag === Lisp_Vectorlike && pvecType(rt, x) === PVEC_NORMAL_VECTOR) {
      open.add(x);
      const n = pvecSize(rt, x);
      for (let i = 0; i < n; i++) if (!walk(aref(rt, x, i), depth + 1)) return false;
      open.delete(x);
    }
    return true;
  };
  return walk(form, 0) ? shared : null;
}

/**
 * FORM in the direct encoding, or null when it holds anything the encoding leaves to the printer
 * (see the head of this file). An object reached more than once is labelled where ElcForms.build
 * makes it first: the elements of a list from the last, after its tail; a vector's from the first.
 */
function encodeForm(rt: Runtime, form: number): unknown {
  const shared = sharedIn(rt, form);
  if (shared === null) return null;
  const labels = new Map<number, number>();
  const gensyms = new Map<number, number>();
  const names: string[] = [];
  const fail = {};
  const enc = (x: number, depth: number): unknown => {
    // sharedIn's walk had each object at its first place; here it may come deeper.
    if (depth > 2 * ENCODE_DEPTH) return fail;
    if (isFixnum(x)) {
      const v = fixnumValue(x);
      return v >= 0 ? v : { i: v };
    }
    const tag = x & 7;
    if (tag === Lisp_Symbol) {
      const name = asciiOf(rt, symbolName(rt, x));
      if (name === null) return fail;
      if ((symbolFlags(rt, x) & SYM_INTERNED_MASK) !== 0) return new SymRef(name);
      let k = gensyms.get(x);
      if (k === undefined) {
        k = names.length;
        gensyms.set(x, k);
        names.push(name);
      }
      return { u: k };
    }
    if (!shared.has(x)) return encObject(x, depth);
    const k = labels.get(x);
    if (k !== undefined) return { r: k };
    const label = labels.size;
    labels.set(x, label);
    const o = encObject(x, depth);
    return o === fail ? fail : { h: label, o };
  };
  const encObject = (x: number, depth: number): unknown => {
    const tag = x & 7;
    if (tag === Lisp_Float) {
      const d = xfloat(rt, x);
      return !Number.isFinite(d) || Object.is(d, -0) ? fail : { f: d };
    }
    if (tag === Lisp_String) {
      if (stringIntervals(rt, x) !== Qnil) return fail;
      const text = asciiOf(rt, x);
      return text === null ? fail : { s: text };
    }
    if (tag === Lisp_Cons) {
      // The list's cells up to its tail: an atom, or a cons reached from elsewhere too.
      const cells: number[] = [x];
      let t = xcdr(rt, x);
      while ((t & 7) === Lisp_Cons && !shared.has(t)) {
        cells.push(t);
        t = xcdr(rt, t);
      }
      const tail = t === Qnil ? null : enc(t, depth + 1);
      if (tail === fail) return fail;
      const elems: unknown[] = new Array(cells.length);
      for (let i = cells.length - 1; i >= 0; i--) {
        const e = enc(xcar(rt, cells[i]!), depth + 1);
        if (e === fail) return fail;
        elems[i] = e;
      }
      return tail === null ? elems : { d: elems, t: tail };
    }
    if (tag === Lisp_Vectorlike && pvecType(rt, x) === PVEC_NORMAL_VECTOR) {
      const elems: unknown[] = [];
      const n = pvecSize(rt, x);
      for (let i = 0; i < n; i++) {
        const e = enc(aref(rt, x, i), depth + 1);
        if (e === fail) return fail;
        elems.push(e);
      }
      return { v: elems };
    }
    return fail;
  };
  const r = enc(form, 0);
  if (r === fail) return null;
  return names.length > 0 ? { g: names, f: r } : r;
}

/** FORM printed readably, in the internal encoding (format 1's text), or a reason it cannot be. */
function printedForm(rt: Runtime, form: number): Uint8Array | string {
  const count = rt.specCount;
  const sp = rt.sp;
  rt.push(form);
  try {
    for (const [sym, val] of PRINT_BINDINGS) specbind(rt, sym, val);
    const s = funcall(rt, Qprin1_to_string, [form]);
    const n = sbytes(rt, s);
    const p = sdata(rt, s);
    const out = rt.u8.slice(p, p + n);
    const multibyte = stringMultibyte(rt, s);
    if (!multibyte) for (let i = 0; i < n; i++) if (out[i]! >= 0x80) return 'it holds raw bytes';
    const bad = unreadableAt(out);
    if (bad >= 0) return `it holds an object that cannot be read back: ${new TextDecoder().decode(out.subarray(bad, bad + 40))}`;
    return out;
  } finally {
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

/**
 * Where the printed text TEXT has a `#<' that starts an object (not inside a string, nor within a
 * symbol's name), or -1.
 */
function unreadableAt(text: Uint8Array): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === 92) {
      i++; // an escaped character, in a string or a symbol
      continue;
    }
    if (inString) {
      if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 35 && text[i + 1] === 60) {
      const p = i === 0 ? 32 : text[i - 1]!;
      // After a delimiter or a quote character, not in the middle of a symbol's name.
      if (p === 61 || p === 32 || p === 10 || p === 40 || p === 41 || p === 39 || p === 96 || p === 44 || p === 91 || p === 93 || p === 9) return i;
    }
  }
  return -1;
}

/** JSON.stringify of VALUE with every character past ASCII written \\u00XX (the file is all ASCII). */
const asciiJson = (value: unknown, replacer?: (k: string, v: unknown) => unknown): string =>
  JSON.stringify(value, replacer).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The whole file: the header line, a comment naming the source, then {"syms": NAMES, "forms":
 * ITEMS} as JSON, where an interned symbol is -1 - its index in NAMES (so each is interned once).
 */
export function elcFileBytes(sourceName: string, lexical: boolean, forms: ElcItem[]): Uint8Array {
  const index = new Map<string, number>();
  const syms: string[] = [];
  const replacer = (_k: string, v: unknown): unknown => {
    if (!(v instanceof SymRef)) return v;
    let i = index.get(v.name);
    if (i === undefined) {
      i = syms.length;
      index.set(v.name, i);
      syms.push(v.name);
    }
    return -1 - i;
  };
  const items = forms.map((f) => asciiJson(f.item, replacer));
  const text = `;; Compiled by tsmacs from ${sourceName.replace(/[\n\r]/g, ' ')}: its forms with their macros expanded.\n` +
    `{"syms":${asciiJson(syms)},\n"forms":[\n${items.join(',\n')}\n]}\n`;
  const body = ascii(text);
  const head = ascii(`${ELC_MAGIC}${ELC_VERSION} ${body.length} ${fnv1a(body)} -*- lexical-binding: ${lexical ? 't' : 'nil'} -*-\n`);
  const all = new Uint8Array(head.length + body.length);
  all.set(head, 0);
  all.set(body, head.length);
  return all;
}

/** Does BYTES start as a file of ours (whatever its version or state)? */
export function isOurElc(bytes: Uint8Array): boolean {
  if (bytes.length < ELC_MAGIC.length) return false;
  for (let i = 0; i < ELC_MAGIC.length; i++) if (bytes[i] !== ELC_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** A file of ours checked: its body and lexical-binding, or why it is refused. */
export function checkElc(bytes: Uint8Array): { body: Uint8Array; lexical: boolean } | { refused: string } {
  let eol = 0;
  while (eol < bytes.length && eol < 200 && bytes[eol] !== 10) eol++;
  const line = new TextDecoder().decode(bytes.subarray(0, eol));
  const m = /^;TSMACS-ELC (\d+) (\d+) ([0-9a-f]{8}) -\*- lexical-binding: (t|nil) -\*-$/.exec(line);
  if (m === null || bytes[eol] !== 10) return { refused: 'its first line is damaged' };
  if (Number(m[1]) !== ELC_VERSION) return { refused: `it is in format ${m[1]}, not ${ELC_VERSION}` };
  const body = bytes.subarray(eol + 1);
  if (body.length !== Number(m[2])) return { refused: `it has ${body.length} bytes after its first line, not ${m[2]}` };
  if (fnv1a(body) !== m[3]) return { refused: 'its contents do not match its checksum' };
  return { body, lexical: m[4] === 't' };
}

/** Is FORM `(tsmacs-elc--source . ORIGINAL)'? */
export const isSourceForm = (rt: Runtime, form: number): boolean => consp(form) && xcar(rt, form) === Qelc_source;

/**
 * Add to OUT the uninterned symbols in FORM (its conses, vectors and records). Printed separately,
 * two forms would each read back a symbol of their own where they shared one.
 */
export function uninternedSymbolsIn(rt: Runtime, form: number, out: Set<number>, seen: Set<number> = new Set()): void {
  for (;;) {
    const tag = form & 7;
    if (tag === Lisp_Symbol) {
      if ((symbolFlags(rt, form) & SYM_INTERNED_MASK) === 0) out.add(form);
      return;
    }
    if (seen.has(form)) return;
    if (tag === Lisp_Cons) {
      seen.add(form);
      uninternedSymbolsIn(rt, xcar(rt, form), out, seen);
      form = xcdr(rt, form);
      continue;
    }
    if (tag === Lisp_Vectorlike && (pvecType(rt, form) === PVEC_NORMAL_VECTOR || pvecType(rt, form) === PVEC_RECORD)) {
      seen.add(form);
      const n = pvecSize(rt, form);
      for (let i = 0; i < n; i++) uninternedSymbolsIn(rt, aref(rt, form, i), out, seen);
    }
    return;
  }
}

/** What reading a compiled file's forms needs from the reader (lread.ts). */
export interface ElcReadHooks {
  /** The symbol NAME (ASCII bytes) names in `obarray', interned as the reader interns. */
  intern(name: Uint8Array): number;
  /** The form the printed text BYTES (internal encoding) holds, read by the Lisp reader. */
  read(bytes: Uint8Array): number;
}

type Item = number | Item[] | { [k: string]: Item } | string;

/**
 * The forms of a compiled file's BODY (checked by checkElc), one at a time: the JSON is parsed at
 * the first (a damaged file signals `invalid-read-syntax' there), each form is built when asked
 * for, so the forms before it have run (a `defvar', an `obarray' bound, an `unintern').
 */
export class ElcForms {
  private rt: Runtime;
  private body: Uint8Array;
  private hooks: ElcReadHooks;
  private obarrayNow: () => number;
  private items: Item[] | null = null;
  private next_ = 0;
  /** The file's symbol names, and each one's symbol once interned (-1 before). */
  private names: string[] = [];
  private syms: Int32Array = new Int32Array(0);
  private symsObarray = -1;
  private buf = new Uint8Array(64);
  private gensyms: number[] = [];
  /** The objects of the form being built labelled so far ({"h": K, ...}), by K. */
  private labels: number[] = [];

  constructor(rt: Runtime, body: Uint8Array, hooks: ElcReadHooks, obarrayNow: () => number) {
    this.rt = rt;
    this.body = body;
    this.hooks = hooks;
    this.obarrayNow = obarrayNow;
  }

  /** The next form, or undefined after the last. */
  next(): number | undefined {
    if (this.items === null) this.parse();
    const items = this.items!;
    if (this.next_ >= items.length) return undefined;
    const item = items[this.next_]!;
    items[this.next_++] = 0;
    const ob = this.obarrayNow();
    if (ob !== this.symsObarray) {
      this.syms.fill(-1);
      this.symsObarray = ob;
    }
    this.labels.length = 0;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      if (typeof item.p === 'string') return this.hooks.read(this.bytesOf(item.p, true));
      if (Array.isArray(item.g)) {
        const g = this.gensyms;
        g.length = 0;
        for (const name of item.g) {
          if (typeof name !== 'string') throw new ElcDamaged();
          const b = this.bytesOf(name, false);
          g.push(makeSymbol(this.rt, makeStringFromBytes(this.rt, b, b.length, true)));
        }
        return this.build(item.f!);
      }
    }
    return this.build(item);
  }

  private parse(): void {
    const b = this.body;
    let start = 0;
    while (start < b.length && b[start] !== 10) start++;
    // ASCII throughout: a character past it can only come from a damaged file, and bytesOf refuses
    // it in a name or string.
    const text = new TextDecoder().decode(b.subarray(start + 1));
    let v: { syms?: unknown; forms?: unknown } | null;
    try {
      v = JSON.parse(text) as { syms?: unknown; forms?: unknown };
    } catch {
      v = null;
    }
    if (v === null || typeof v !== 'object' || !Array.isArray(v.syms) || !Array.isArray(v.forms)) throw new ElcDamaged();
    for (const n of v.syms) if (typeof n !== 'string') throw new ElcDamaged();
    this.names = v.syms as string[];
    this.syms = new Int32Array(this.names.length).fill(-1);
    this.items = v.forms as Item[];
  }

  /** The bytes of TEXT's characters (each below 256), in a fresh array when FRESH, else in a reused one. */
  private bytesOf(text: string, fresh: boolean): Uint8Array {
    const n = text.length;
    const out = fresh ? new Uint8Array(n) : this.buf.length < n ? (this.buf = new Uint8Array(n * 2)) : this.buf;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 255) throw new ElcDamaged();
      out[i] = c;
    }
    return fresh ? out : out.subarray(0, n);
  }

  /** The file's symbol number I, interned in `obarray' at its first use (and again if uninterned since). */
  private symbol(i: number): number {
    const s = this.syms[i];
    if (s === undefined) throw new ElcDamaged();
    if (s !== -1 && (symbolFlags(this.rt, s) & SYM_INTERNED_MASK) !== 0) return s;
    const sym = this.hooks.intern(this.bytesOf(this.names[i]!, false));
    this.syms[i] = sym;
    return sym;
  }

  private build(x: Item): number {
    const rt = this.rt;
    if (typeof x === 'number') {
      if (x < 0) return this.symbol(-1 - x);
      if (!Number.isSafeInteger(x)) throw new ElcDamaged();
      return makeFixnum(x);
    }
    // A list is built last element first: nothing collects while its conses wait in JS locals.
    if (Array.isArray(x)) {
      let tail = Qnil;
      for (let i = x.length - 1; i >= 0; i--) tail = cons(rt, this.build(x[i]!), tail);
      return tail;
    }
    if (x === null || typeof x !== 'object') throw new ElcDamaged();
    if (Array.isArray(x.d)) {
      let tail = this.build(x.t!);
      for (let i = x.d.length - 1; i >= 0; i--) tail = cons(rt, this.build(x.d[i]!), tail);
      return tail;
    }
    if (typeof x.s === 'string') {
      const b = this.bytesOf(x.s, false);
      return makeStringFromBytes(rt, b, b.length, false);
    }
    if (typeof x.u === 'number') {
      const g = this.gensyms[x.u];
      if (g === undefined) throw new ElcDamaged();
      return g;
    }
    if (typeof x.r === 'number') {
      const o = this.labels[x.r];
      if (o === undefined) throw new ElcDamaged();
      return o;
    }
    if (typeof x.h === 'number') {
      // Labels come in the order objects are built, so K is the next one.
      if (x.h !== this.labels.length || x.o === undefined) throw new ElcDamaged();
      this.labels.push(Qnil);
      const o = this.build(x.o);
      this.labels[x.h] = o;
      return o;
    }
    if (typeof x.i === 'number') {
      if (!Number.isSafeInteger(x.i)) throw new ElcDamaged();
      return makeFixnum(x.i);
    }
    if (typeof x.f === 'number') return makeFloat(rt, x.f);
    if (Array.isArray(x.v)) {
      const n = x.v.length;
      const v = makePvec(rt, PVEC_NORMAL_VECTOR, n, Qnil);
      for (let i = 0; i < n; i++) {
        const e = this.build(x.v[i]!);
        rt.i32[((v & -8) >>> 2) + 1 + i] = e;
      }
      return v;
    }
    throw new ElcDamaged();
  }
}

/** A compiled file whose checked body is not what we write (signalled as `invalid-read-syntax' by load). */
export class ElcDamaged extends Error {}
