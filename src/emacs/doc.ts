// Documentation strings of functions and variables (GNU doc.c): documentation, documentation-property, and the DOC file.
//
// Primitives' docstrings are our own words (they live beside each DEFUN), so
// they differ from GNU's; Lisp functions' docstrings are their own.
//
// The DOC file. Like GNU's etc/DOC, the built product keeps primitives' and builtin variables'
// docstrings out of the code: scripts/build.mjs replaces each literal docstring of a DEFUN or
// DEFVAR in the bundle by null and writes them all to dist/DOC (docFileText below). Every start-up
// reads, hashes and deserialises each byte of the bundle and its code cache, while few runs ask
// for a docstring: the file is read on the first `documentation` of a primitive whose docstring
// is not in the code. The bundle holds the file's hash (__TSMACS_DOC__), so a DOC file that is
// damaged or belongs to another build is refused with an error, never taken; a missing one gives
// GNU's answer for a DOC file it cannot open. Running from source, every docstring is in the code.
//
// Format (UTF-8): the line `tsmacs DOC`, then per entry a 0x1f byte, F (function) or V (variable),
// the name, a newline and the docstring, which never holds 0x1f (the build checks).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Runtime } from '../core/runtime.ts';
import { aref, consp, getProp, isPvec, makeString, putProp, pvecSize, stringp, vectorp, xcar, xcdr } from '../core/object.ts';
import { error, wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFINIT, DEFUN, PRIMITIVES, VARIABLES, sortBuiltinTables, type SubrDef, type VarDef } from '../core/subr.ts';
import { DEFSYM, Qautoload, Qclosure, Qinvalid_function, Qlambda, Qmacro, Qnil, Qsymbolp, Qt, Qvariable_documentation, Qvoid_function } from '../core/symbols.ts';
import { PVEC_COMPILED, PVEC_SUBR, SUBR_INDEX } from '../heap/layout.ts';
import { Lisp_Symbol, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { findSymbolValue, funcall, indirectFunction } from './eval.ts';

const Qfunction_documentation = DEFSYM('function-documentation');

const DOC_MAGIC = 'tsmacs DOC\n';
const SEP = '\x1f';

/** The DOC file's text for these tables (the build writes it; the entries of a null docstring are left out). */
export function docFileText(): string {
  sortBuiltinTables();
  let text = DOC_MAGIC;
  const add = (kind: string, name: string, doc: string | null): void => {
    if (doc === null) return;
    if (doc.includes(SEP) || name.includes('\n') || name.includes(SEP)) throw new Error(`docstring of ${name} cannot go into DOC`);
    text += SEP + kind + name + '\n' + doc;
  };
  for (const p of PRIMITIVES) add('F', p.name, p.doc);
  for (const v of VARIABLES) add('V', v.name, v.doc);
  return text;
}

/**
 * A hash of the DOC file's bytes: two 32-bit FNV-style lanes and the length, as hex. It tells
 * this build's file from a damaged one or another build's (it is not meant to resist forgery: a
 * forged DOC file can only change docstrings). Runs once, on the first docstring read.
 */
export function docHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b + bytes[i]! + (b >>> 15), 0x2c1b3c6d);
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b) + bytes.length.toString(16);
}

/** The hash of this build's DOC file, injected by scripts/build.mjs; absent when running from source. */
declare const __TSMACS_DOC__: string | undefined;

/** dist/DOC, beside the bundle (import.meta is the launcher's there); from source, src/../dist/DOC. */
function docFile(): string {
  const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  return here.endsWith('emacs') ? join(here, '..', '..', 'dist', 'DOC') : join(here, 'DOC');
}

/** The DOC file's entries by kind and name ("Fcar"), once read: the same for every runtime of this build. */
let docTable: Map<string, string> | null = null;

/**
 * The entries of the DOC file FILE, which must hash to EXPECTED; a string (GNU's text) when it
 * cannot be read, an error when it is not the file this build wrote.
 */
export function readDocFile(rt: Runtime, file: string, expected: string): Map<string, string> | string {
  const bytes = rt.host.readFile(file);
  // GNU's answer when it cannot open its DOC file, naming the file as it does (internal-doc-file-name).
  if (bytes === null) return 'Cannot open doc string file "DOC"\n';
  if (docHash(bytes) !== expected)
    return error(rt, `The documentation file ${file} is damaged or belongs to another build; rebuild with: npm run build`);
  const text = new TextDecoder().decode(bytes);
  const m = new Map<string, string>();
  for (const entry of text.slice(DOC_MAGIC.length).split(SEP)) {
    const nl = entry.indexOf('\n');
    if (nl > 0) m.set(entry.slice(0, nl), entry.slice(nl + 1));
  }
  return m;
}

/** The docstring of builtin DEF (KIND "F" a primitive, "V" a variable), from the code or the DOC file. */
function builtinDoc(rt: Runtime, kind: 'F' | 'V', def: SubrDef | VarDef): number {
  if (def.doc !== null) return makeString(rt, def.doc);
  if (docTable === null) {
    const file = docFile();
    const got = readDocFile(rt, file, typeof __TSMACS_DOC__ === 'string' ? __TSMACS_DOC__ : '');
    if (typeof got === 'string') return makeString(rt, got);
    docTable = got;
  }
  const doc = docTable.get(kind + def.name);
  if (doc === undefined) return error(rt, `The documentation file ${docFile()} has no entry for ${def.name}; rebuild with: npm run build`);
  return makeString(rt, doc);
}

// A builtin variable's `variable-documentation' is a number, as GNU's (there an offset into its
// DOC file): the variable's place among the builtin variables. The text is read when asked for.
DEFINIT((rt) => {
  sortBuiltinTables();
  VARIABLES.forEach((v, i) => putProp(rt, v.sym, Qvariable_documentation, makeFixnum(i)));
});

/** The builtin variable whose symbol is SYM, if any. */
function builtinVariable(sym: number): VarDef | undefined {
  sortBuiltinTables();
  let lo = 0;
  let hi = VARIABLES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = VARIABLES[mid]!;
    if (v.sym === sym) return v;
    if (v.sym < sym) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** FUNCTION's documentation as stored: a property, a primitive's text, a lambda's or a compiled function's string. */
function storedDocumentation(rt: Runtime, fn: number): number {
  if ((fn & 7) === Lisp_Symbol && fn !== Qnil) {
    const prop = getProp(rt, fn, Qfunction_documentation);
    // A non-string property is a form that computes the text, as in GNU.
    if (prop !== Qnil) return stringp(prop) ? prop : funcall(rt, Qeval, [prop, Qt]);
  }
  let f = (fn & 7) === Lisp_Symbol ? indirectFunction(rt, fn) : fn;
  if (f === Qnil) return xsignal1(rt, Qvoid_function, fn);
  if (isPvec(rt, f, PVEC_SUBR)) return builtinDoc(rt, 'F', PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]!);
  if (consp(f) && xcar(rt, f) === Qmacro) f = xcdr(rt, f);
  if (isPvec(rt, f, PVEC_COMPILED)) {
    // #[ARGS CODE CONSTANTS DEPTH DOC ...]: the fifth slot, when it is a string.
    return pvecSize(rt, f) > COMPILED_DOC_SLOT && stringp(aref(rt, f, COMPILED_DOC_SLOT)) ? aref(rt, f, COMPILED_DOC_SLOT) : Qnil;
  }
  if (consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure)) {
    // (lambda ARGS [DOC] . BODY), (closure ENV ARGS [DOC] . BODY)
    let rest = xcdr(rt, f);
    if (xcar(rt, f) === Qclosure && consp(rest)) rest = xcdr(rt, rest);
    const body = consp(rest) ? xcdr(rt, rest) : Qnil;
    return consp(body) && stringp(xcar(rt, body)) ? xcar(rt, body) : Qnil;
  }
  if (consp(f) && xcar(rt, f) === Qautoload) {
    // (autoload FILE DOC INTERACTIVE TYPE)
    const doc = consp(xcdr(rt, f)) && consp(xcdr(rt, xcdr(rt, f))) ? xcar(rt, xcdr(rt, xcdr(rt, f))) : Qnil;
    return stringp(doc) ? doc : Qnil;
  }
  // A keyboard macro is described as one; nothing else is a function.
  if (stringp(f) || vectorp(rt, f)) return makeString(rt, 'Keyboard macro.');
  return xsignal1(rt, Qinvalid_function, f);
}

const COMPILED_DOC_SLOT = 4;
const Qeval = DEFSYM('eval');
const Qsubstitute_command_keys = DEFSYM('substitute-command-keys');

DEFUN('documentation', 1, 2, 'Give the documentation string of FUNCTION.\nUnless RAW is non-nil, the text goes through `substitute-command-keys\', which turns its quotes and key references into what is shown.', (rt, fn: number, raw: number) => {
  const doc = storedDocumentation(rt, fn);
  if (raw !== Qnil || !stringp(doc) || (indirectFunction(rt, Qsubstitute_command_keys) === Qnil)) return doc;
  return funcall(rt, Qsubstitute_command_keys, [doc]);
});

DEFUN('documentation-property', 2, 3, 'Give the documentation string stored on SYMBOL\'s property PROP.\nA number there stands for a builtin variable\'s text, which is read from the DOC file; any other value that is not a string is a form, evaluated to give the text. Unless RAW is non-nil, a string goes through `substitute-command-keys\'.', (rt, sym: number, prop: number, raw: number) => {
  if ((sym & 7) !== Lisp_Symbol) return wrongTypeArgument(rt, Qsymbolp, sym);
  let doc = getProp(rt, sym, prop);
  if (isFixnum(doc)) {
    const v = prop === Qvariable_documentation ? builtinVariable(sym) : undefined;
    doc = v === undefined ? Qnil : builtinDoc(rt, 'V', v);
  } else if (doc !== Qnil && !stringp(doc)) {
    doc = funcall(rt, Qeval, [doc, Qnil]);
  }
  if (raw !== Qnil || !stringp(doc) || indirectFunction(rt, Qsubstitute_command_keys) === Qnil) return doc;
  return funcall(rt, Qsubstitute_command_keys, [doc]);
});

const Qtext_quoting_style_var = DEFSYM('text-quoting-style');
const Qgrave = DEFSYM('grave');
const Qstraight = DEFSYM('straight');
const Qcurve = DEFSYM('curve');

DEFUN('text-quoting-style', 0, 0, 'Give the quoting style messages use: the variable `text-quoting-style\' when it names `grave\' or `straight\', else `curve\'.', (rt) => {
  const v = findSymbolValue(rt, Qtext_quoting_style_var);
  return v === Qgrave || v === Qstraight ? v : Qcurve;
});
