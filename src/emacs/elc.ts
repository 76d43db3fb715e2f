// tsmacs's compiled Lisp files (FILE.elc): the format, and printing forms into it.
//
// GNU's .elc holds byte code; ours holds the file's top-level forms with their macros expanded
// (docs/evaluator.md, "Compiled files"), so `load' reads and evaluates them without expanding
// anything, and the compiler of compile.ts compiles their functions at their first call as it
// does from source. The file is:
//
//   ;TSMACS-ELC 1 LENGTH HASH -*- lexical-binding: t -*-
//   BODY
//
// LENGTH is the body's size in bytes and HASH its FNV-1a hash (8 hex digits), so a truncated or
// damaged file is refused before anything of it runs; the first line is also a file-local
// variables line, so the lexical-binding cookie reads as in a source file. The body is in
// tsmacs's internal encoding (UTF-8, raw bytes as GNU's two-byte forms) and read as such. GNU's
// files start with ";ELC" and are never taken for ours, nor ours for GNU's.

import { PVEC_NORMAL_VECTOR, PVEC_RECORD, SYM_INTERNED_MASK } from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Symbol, Lisp_Vectorlike } from '../heap/tags.ts';
import { aref, consp, pvecSize, pvecType, sbytes, sdata, stringMultibyte, symbolFlags, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { funcall, specbind, unbindTo } from './eval.ts';

/** The first bytes of every file of ours. */
export const ELC_MAGIC = ';TSMACS-ELC ';
/** The format's version: a file of another version is refused (and its source loaded instead). */
export const ELC_VERSION = 1;

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

function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * FORM printed readably, in the internal encoding, or a reason it cannot be: an object that
 * prints as `#<...>' (a buffer, a marker, a subr), or raw bytes in a unibyte result.
 */
export function printFormForElc(rt: Runtime, form: number): Uint8Array | string {
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

/** The whole file: the header line, then a comment naming the source, then the printed forms. */
export function elcFileBytes(sourceName: string, lexical: boolean, forms: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [ascii(`;; Compiled by tsmacs from ${sourceName.replace(/[\n\r]/g, ' ')}: its forms with their macros expanded.\n`)];
  for (const f of forms) {
    parts.push(f);
    parts.push(ascii('\n'));
  }
  let n = 0;
  for (const p of parts) n += p.length;
  const body = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
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
