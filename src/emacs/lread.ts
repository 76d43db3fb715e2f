// The Lisp reader and `load` (GNU lread.c): text to objects, over bytes in Emacs's internal encoding.
//
// The reader is not recursive: open lists, vectors and prefix forms ('x, #1=x)
// are frames on a small explicit stack, and the elements of a list being read
// sit on the Lisp stack (rt.stack) until its closing paren. So nesting depth is
// bounded by memory, not by the JS call stack, and every partial object is
// rooted when the reader calls back into Lisp (function streams, \N{NAME},
// #("..." props)). GNU 28's reader is recursive; where that shows (C stack
// overflow on absurd nesting) we signal an error instead of crashing.
//
// Input is always a byte buffer: a Lisp string's bytes in the heap (no copy),
// a file decoded from UTF-8, or characters pulled one at a time from a
// function stream and appended to a private buffer.

import {
  CHARTAB_STANDARD_SLOTS, PVEC_BOOL_VECTOR, PVEC_CHAR_TABLE, PVEC_COMPILED, PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR,
  MANY, PVEC_RECORD, PVEC_SUB_CHAR_TABLE, SYM_DECLARED_SPECIAL, SYM_NOWRITE, SYM_TRAPPED_SHIFT, makeHeader,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, isFixnum, makeFixnum, fixnumValue } from '../heap/tags.ts';
import {
  BYTE8_BASE, MAX_5_BYTE_CHAR, MAX_CHAR, MAX_UNICODE_CHAR, charLenAt, decodeUtf8ToInternal, internalToExternal, readChar,
  writeChar,
} from '../core/character.ts';
import {
  symbolFunction,
  aref, aset, allocString, bignump, cons, consp, list, makeFloat, makeInteger, makePvec, makeString, makeUnibyteString,
  makeStringFromBytes, makeSymbol, pvecSize, pvecType, schars, sbytes, sdata, setSymbolFlags, setSymbolRawValue,
  stringIntervals, stringMultibyte, symbolFlags, symbolName, xcar, xcdr, xsetcar, xsetcdr, jsString, vectorp,
  stringCharToByte,
} from '../core/object.ts';
import { internSymbolAt, mapObarray, oblookup, oblookupBytes, oblookupLastBucket, unintern as obUnintern } from '../core/obarray.ts';
import { G_OBARRAY, type Runtime } from '../core/runtime.ts';
import { LispSignal, error, wrongTypeArgument, xsignal, xsignal1, xsignal3 } from '../core/signal.ts';
import {
  DEFSYM, Qbackquote, Qcomma, Qcomma_at, Qend_of_file, Qerror, Qfile_missing, Qfunction, Qinvalid_read_syntax,
  Qlexical_binding, Qlistp, Qnil, Qquote, Qsequencep, Qstringp, Qt, Qunbound, Qvectorp, Qcharacterp,
  Qwholenump,
} from '../core/symbols.ts';
import { DEFUN, DEFVAR, NOT_SPECIAL, primitiveNamed } from '../core/subr.ts';
import { hashTableFromPlist } from './fns.ts';
import { validateSubarray } from './character.ts';
import { autoCompression, gunzipFile, gzipFileName, loadBytesInternal } from './filecode.ts';
import { type ElcItem, ElcDamaged, ElcForms, checkElc, elcFileBytes, isOurElc, isSourceForm, printFormForElc, uninternedSymbolsIn } from './elc.ts';
import { checkDepth, evalSub, findSymbolValue, forEachTail, funcall, indirectFunction, specbind, unbindTo, asLispSignal, noticeUncaught, pushFrame } from './eval.ts';
const Qload_op = DEFSYM('load');
const Qfind_file_name_handler = DEFSYM('find-file-name-handler');
const Qfile_name_handler_alist = DEFSYM('file-name-handler-alist');

// ---- variables ------------------------------------------------------------------------------

const Qobarray = DEFVAR('obarray', (rt) => rt.globals[G_OBARRAY]!, 'The symbol table that `intern\' and `read\' use by default.');
const Qstandard_input = DEFVAR('standard-input', () => Qt, 'Where `read\' takes its text from when no stream is given.');
const Qread_circle = DEFVAR('read-circle', () => Qt, 'Non-nil means `read\' accepts the #N= and #N# labels that describe shared and circular structure.');
const Qload_path = DEFVAR('load-path', () => Qnil, 'The directories `load\' and `require\' search for files, in order; nil stands for the current directory.');
const Qload_suffixes = DEFVAR('load-suffixes', (rt) => list(rt, makeString(rt, '.elc'), makeString(rt, '.el')), 'The file name suffixes `load\' tries for Lisp files, in order.');
// ".gz" as in GNU, where auto-compression-mode (on by default) adds it.
const Qload_file_rep_suffixes = DEFVAR('load-file-rep-suffixes', (rt) => list(rt, makeString(rt, ''), makeString(rt, '.gz')), 'Suffixes that mark other representations of one file, such as a compressed copy; "" stands for the file itself.');
const Qload_in_progress = DEFVAR('load-in-progress', () => Qnil, 'Non-nil while a file is being loaded.');
const Qload_file_name = DEFVAR('load-file-name', () => Qnil, 'The full name of the file being loaded, or nil when no file is.');
const Qload_true_file_name = DEFVAR('load-true-file-name', () => Qnil, 'The full name of the file being loaded with symbolic links resolved, or nil when no file is.');
const Qload_history = DEFVAR('load-history', () => Qnil, 'A record of what each loaded file defined: elements (FILE ENTRIES...), newest first.');
const Qcurrent_load_list = DEFVAR('current-load-list', () => Qnil, 'What the file being loaded has defined so far; `load\' uses it to build `load-history\'.');
DEFVAR('load-read-function', () => DEFSYM('read'), 'The function `load\' calls to read each form; `read\' when nil.');
NOT_SPECIAL(DEFVAR('values', () => Qnil, 'The values of expressions evaluated interactively, newest first; kept for compatibility.'));
DEFVAR('after-load-alist', () => Qnil, 'Entries (FILE-OR-FEATURE FUNCS...): the FUNCS run after the file or feature is loaded.');
const Qload_prefer_newer = DEFVAR('load-prefer-newer', () => Qnil, 'Non-nil means `load\' picks whichever of the source and compiled files is newer.');
DEFVAR('force-load-messages', () => Qnil, 'Non-nil means `load\' shows its loading messages even when asked to be quiet.');
DEFVAR('load-convert-to-unibyte', () => Qnil, 'Non-nil means strings that `read\' makes are unibyte where possible.');
const Qread_symbol_shorthands = DEFVAR('read-symbol-shorthands', () => Qnil, 'Entries (SHORTHAND . LONGHAND): a symbol read with the prefix SHORTHAND is interned with LONGHAND in its place.');
const Qunescaped_literals = DEFVAR('lread--unescaped-character-literals', () => Qnil, 'Characters found written without the backslash that `read\' prefers, such as ?( ; reset before each read.');
// Bound as in GNU; `load' of tsmacs decodes its files itself and keeps no positions (docs/stdlib.md, "The variables GNU has bound at start-up").
DEFVAR('load-source-file-function', () => Qload_with_code_conversion, 'The function `load\' calls to read a source file with its coding system.');
DEFVAR('load-dangerous-libraries', () => Qnil, 'Non-nil means `load\' accepts compiled files made by other Emacsen.');
DEFVAR('load-force-doc-strings', () => Qnil, 'Non-nil means `load\' reads the documentation strings of compiled files at once.');
DEFVAR('load-no-native', () => Qnil, 'Non-nil means `load\' never prefers a natively compiled file.');
DEFVAR('read-with-symbol-positions', () => Qnil, 'A buffer or t: `read\' from it records where each symbol was read in `read-symbol-positions-list\'.');
DEFVAR('read-symbol-positions-list', () => Qnil, 'Where the last `read\' found each symbol: (SYMBOL . POSITION) entries.');

const Qhash_table = DEFSYM('hash-table');
const Qchar_from_name = DEFSYM('char-from-name');
const Qset_text_properties = DEFSYM('set-text-properties');
const Qread_char = DEFSYM('read-char');
const Qdo_after_load_evaluation = DEFSYM('do-after-load-evaluation');
const Qdefault_directory = DEFSYM('default-directory');
const Qdir_ok = DEFSYM('dir-ok');

// ---- character constants (GNU lisp.h) ---------------------------------------------------------

const CHAR_ALT = 0x0400000;
const CHAR_SUPER = 0x0800000;
const CHAR_HYPER = 0x1000000;
const CHAR_SHIFT = 0x2000000;
const CHAR_CTL = 0x4000000;
const CHAR_META = 0x8000000;
const CHAR_MODIFIER_MASK = CHAR_ALT | CHAR_SUPER | CHAR_HYPER | CHAR_SHIFT | CHAR_CTL | CHAR_META;
const NO_BREAK_SPACE = 0xa0;

const isByte8 = (c: number): boolean => c > MAX_5_BYTE_CHAR;

/** Bytes that end a symbol (besides whitespace and NBSP): "\"';()[]#`,". */
const SYMBOL_END = new Uint8Array(128);
for (let i = 0; i <= 32; i++) SYMBOL_END[i] = 1;
for (const ch of '"\';()[]#`,') SYMBOL_END[ch.charCodeAt(0)] = 1;
/** Characters after `?X` that end a character literal: "\"';()[]#?`,." (and whitespace, EOF). */
const CHAR_END = new Uint8Array(128);
for (let i = 0; i <= 32; i++) CHAR_END[i] = 1;
for (const ch of '"\';()[]#?`,.') CHAR_END[ch.charCodeAt(0)] = 1;
/** Characters after `.` that make it the dot of a dotted pair: "\"';([#?`," (and whitespace). */
const DOT_END = new Uint8Array(128);
for (let i = 0; i <= 32; i++) DOT_END[i] = 1;
for (const ch of '"\';([#?`,') DOT_END[ch.charCodeAt(0)] = 1;

const hexDigit = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/** GNU's digit_to_number: the digit, -1 if alphanumeric but too big for BASE, -2 otherwise. */
function digitToNumber(c: number, base: number): number {
  let d: number;
  if (c >= 48 && c <= 57) d = c - 48;
  else if (c >= 97 && c <= 122) d = c - 87;
  else if (c >= 65 && c <= 90) d = c - 55;
  else return -2;
  return d < base ? d : -1;
}

// ---- numbers --------------------------------------------------------------------------------

const asciiOf = (u8: Uint8Array, s: number, e: number): string => {
  let r = '';
  for (let i = s; i < e; i++) r += String.fromCharCode(u8[i]!);
  return r;
};

/** A NaN float carrying PAYLOAD in its mantissa, as GNU reads `N.0e+NaN`. */
function makeNaN(rt: Runtime, payload: number, negative: boolean): number {
  const f = makeFloat(rt, 0);
  const wi = (f & -8) >>> 2;
  rt.i32[wi] = payload >>> 0;
  rt.i32[wi + 1] = (0x7ff80000 | (Math.floor(payload / 4294967296) & 0x7ffff) | (negative ? 0x80000000 : 0)) | 0;
  return f;
}

/**
 * GNU's string_to_number over bytes: the number whose syntax is exactly
 * u8[s..e) in BASE, or -1 (never a Lisp word here: tag 7 with all bits set
 * is not produced) when those bytes are not wholly a number.
 */
function parseNumber(rt: Runtime, u8: Uint8Array, s: number, e: number, base: number): number {
  let i = s;
  const negative = u8[i] === 45;
  const positive = u8[i] === 43;
  if (negative || positive) i++;
  const leadStart = i;
  while (i < e && digitToNumber(u8[i]!, base) >= 0) i++;
  const lead = i > leadStart;
  const afterDigits = i;
  let isFloat = false;
  let special = 0; // 1 infinity, 2 NaN
  if (base === 10) {
    if (i < e && u8[i] === 46) i++;
    const trailStart = i;
    while (i < e && u8[i]! >= 48 && u8[i]! <= 57) i++;
    const trail = i > trailStart;
    let eexp = false;
    if (i < e && (u8[i] === 101 || u8[i] === 69)) {
      const ecp = i;
      i++;
      if (i < e && (u8[i] === 43 || u8[i] === 45)) i++;
      if (i < e && u8[i]! >= 48 && u8[i]! <= 57) {
        eexp = true;
        while (i < e && u8[i]! >= 48 && u8[i]! <= 57) i++;
      } else if (u8[i - 1] === 43 && i + 3 <= e && u8[i] === 73 && u8[i + 1] === 78 && u8[i + 2] === 70) {
        eexp = true;
        i += 3;
        special = 1;
      } else if (u8[i - 1] === 43 && i + 3 <= e && u8[i] === 78 && u8[i + 1] === 97 && u8[i + 2] === 78) {
        eexp = true;
        i += 3;
        special = 2;
      } else i = ecp;
    }
    isFloat = trail || (lead && eexp);
  } else if (i < e && u8[i] === 46) i++;
  if (i !== e) return -1;
  if (isFloat) {
    if (special === 1) return makeFloat(rt, negative ? -Infinity : Infinity);
    if (special === 2) {
      // The payload is the integer part modulo 2^51, exactly (n * 10 would round past 2^53).
      let n = 0n;
      for (let k = leadStart; k < afterDigits; k++) n = (n * 10n + BigInt(u8[k]! - 48)) % 2n ** 51n;
      return makeNaN(rt, Number(n), negative);
    }
    const v = parseFloat(asciiOf(u8, leadStart, e));
    return makeFloat(rt, negative ? -v : v);
  }
  if (!lead) return -1;
  if (afterDigits - leadStart <= 8 && base <= 10) {
    let n = 0;
    for (let k = leadStart; k < afterDigits; k++) n = n * base + (u8[k]! - 48);
    return makeFixnum(negative ? -n : n);
  }
  let big = 0n;
  const b = BigInt(base);
  for (let k = leadStart; k < afterDigits; k++) big = big * b + BigInt(digitToNumber(u8[k]!, base));
  return makeInteger(rt, negative ? -big : big);
}

// ---- small Lisp helpers ---------------------------------------------------------------------

function varValue(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? Qnil : v;
}

/** GNU's check_obarray. */
function checkObarray(rt: Runtime, ob: number): number {
  if (!vectorp(rt, ob) || pvecSize(rt, ob) === 0) wrongTypeArgument(rt, Qvectorp, ob);
  return ob;
}

/** Intern a fresh symbol named NAME at BUCKET, making it a constant keyword when GNU would. */
function internNew(rt: Runtime, obarray: number, name: number, bucket: number): number {
  const sym = makeSymbol(rt, name);
  internSymbolAt(rt, obarray, sym, bucket);
  if (obarray === rt.globals[G_OBARRAY] && sbytes(rt, name) > 0 && rt.u8[sdata(rt, name)] === 0x3a) {
    setSymbolRawValue(rt, sym, sym);
    setSymbolFlags(rt, sym, symbolFlags(rt, sym) | (SYM_NOWRITE << SYM_TRAPPED_SHIFT) | SYM_DECLARED_SPECIAL);
  }
  return sym;
}

function callPrimitive(rt: Runtime, name: string, sym: number, args: number[]): number {
  const p = primitiveNamed(name);
  if (p === undefined) return funcall(rt, sym, args);
  if (p.max === -1) return p.fn(rt, args);
  const a = args.slice();
  while (a.length < p.max) a.push(Qnil);
  return p.fn(rt, ...a);
}

/** GNU's Flength on what #s( read, with its errors. */
function lispLength(rt: Runtime, x: number): number {
  if (x === Qnil) return 0;
  if (consp(x)) {
    let n = 0;
    let t = x;
    while (consp(t)) {
      n++;
      t = xcdr(rt, t);
    }
    if (t !== Qnil) wrongTypeArgument(rt, Qlistp, t);
    return n;
  }
  if ((x & 7) === Lisp_String) return schars(rt, x);
  if ((x & 7) === Lisp_Vectorlike) {
    const t = pvecType(rt, x);
    if (t === PVEC_NORMAL_VECTOR || t === PVEC_RECORD || t === PVEC_COMPILED) return pvecSize(rt, x);
    if (t === PVEC_BOOL_VECTOR) return fixnumValue(aref(rt, x, 0));
  }
  return wrongTypeArgument(rt, Qsequencep, x);
}

const invalidSyntax = (rt: Runtime, msg: string): never => xsignal1(rt, Qinvalid_read_syntax, makeString(rt, msg));

function endOfFile(rt: Runtime): never {
  const f = varValue(rt, Qload_true_file_name);
  if ((f & 7) === Lisp_String) xsignal1(rt, Qend_of_file, f);
  return xsignal(Qend_of_file, Qnil);
}

/** A JS string of a character for error messages. */
const charText = (c: number): string => (c >= 0 && c <= MAX_UNICODE_CHAR ? String.fromCodePoint(c) : '\ufffd');

// ---- the reader -------------------------------------------------------------------------------

/** The smallest #@ count GNU 28.2 refuses. */
const SKIP_COUNT_LIMIT = 2n ** 61n - 102n;

// Frame kinds.
const F_LIST = 0; // ( ... )
const F_VECTOR = 1; // [ ... ]
const F_BYTECODE = 2; // #[ ... ]
const F_RECORD = 3; // #s( ... )
const F_CHARTAB = 4; // #^[ ... ]
const F_SUBCHARTAB = 5; // #^^[ ... ]
const F_WRAP = 6; // 'x `x ,x ,@x #'x: data = the head symbol
const F_HASHEQ = 7; // #N=x: data = N, the placeholder is on the Lisp stack at the frame base
const F_STRPROPS = 8; // #("..." beg end plist ...)

// Token kinds returned by readToken.
const TK_OBJ = 0;
const TK_OPEN = 1;
const TK_RPAREN = 2;
const TK_RBRACKET = 3;
const TK_DOT = 4;
const TK_RETRY = 5;

const isVectorish = (k: number): boolean => k === F_VECTOR || k === F_BYTECODE || k === F_CHARTAB || k === F_SUBCHARTAB;

/**
 * One input source and the reader's state while reading from it. Make one
 * with makeReader / the internal constructors; call read() for each object.
 */
export class LispReader {
  readonly rt: Runtime;
  /** Input bytes: the heap (for a string), a decoded file, or a function stream's buffer. */
  u8: Uint8Array;
  pos: number;
  end: number;
  readonly multibyte: boolean;
  /** A function stream, or Qnil. Rooted by whoever called `read`. */
  readonly stream: number;
  private lastLen = 0;
  private scratch = new Uint8Array(64);
  private fKind: number[] = [];
  private fBase: number[] = [];
  private fState: number[] = [];
  private fData: number[] = [];
  private nf = 0;
  private val = Qnil;
  private objMap = new Map<number, number>();
  private completed = new Set<number>();
  private obarray = Qnil;

  constructor(rt: Runtime, u8: Uint8Array, pos: number, end: number, multibyte: boolean, stream = Qnil) {
    this.rt = rt;
    this.u8 = u8;
    this.pos = pos;
    this.end = end;
    this.multibyte = multibyte;
    this.stream = stream;
  }

  // -- characters --

  /** Pull one more character from a function stream into the buffer; false at its end. */
  private fill(): boolean {
    if (this.stream === Qnil) return false;
    const c = funcall(this.rt, this.stream, []);
    if (c === Qnil) return false;
    if (!isFixnum(c) || fixnumValue(c) < 0 || fixnumValue(c) > MAX_CHAR) wrongTypeArgument(this.rt, Qcharacterp, c);
    if (this.end + 5 > this.u8.length) {
      const bigger = new Uint8Array(this.u8.length * 2 + 16);
      bigger.set(this.u8.subarray(0, this.end));
      this.u8 = bigger;
    }
    this.end += writeChar(this.u8, this.end, fixnumValue(c));
    return true;
  }

  /** The next character, or -1 at the end (GNU's READCHAR). */
  readc(): number {
    if (this.pos >= this.end && !this.fill()) {
      this.lastLen = 0;
      return -1;
    }
    const b = this.u8[this.pos]!;
    if (b < 0x80 || !this.multibyte) {
      this.pos++;
      this.lastLen = 1;
      return b;
    }
    const len = charLenAt(b);
    const c = readChar(this.u8, this.pos);
    this.pos += len;
    this.lastLen = len;
    return c;
  }

  /** Push back the character just read (GNU's UNREAD; a no-op after end of input). */
  unread(): void {
    this.pos -= this.lastLen;
    this.lastLen = 0;
  }

  /** Give unread characters back to a function stream, as GNU's UNREAD calls it with them. */
  returnLookahead(): void {
    if (this.stream === Qnil || this.pos >= this.end) return;
    const chars: number[] = [];
    for (let p = this.pos; p < this.end; p += charLenAt(this.u8[p]!)) chars.push(readChar(this.u8, p));
    this.end = this.pos;
    for (let i = chars.length - 1; i >= 0; i--) funcall(this.rt, this.stream, [makeFixnum(chars[i]!)]);
  }

  private ensureScratch(n: number): void {
    if (n > this.scratch.length) {
      const bigger = new Uint8Array(Math.max(n, this.scratch.length * 2));
      bigger.set(this.scratch);
      this.scratch = bigger;
    }
  }

  // -- entry points --

  /** Read one object (GNU's read_internal_start + read0). */
  read(): number {
    const rt = this.rt;
    this.objMap.clear();
    this.completed.clear();
    this.obarray = checkObarray(rt, varValue(rt, Qobarray));
    const sp = rt.sp;
    const nf = this.nf;
    try {
      return this.read0();
    } catch (e) {
      if (e instanceof LispSignal) throw e;
      const s = asLispSignal(rt, e);
      if (s !== null) throw s;
      throw e;
    } finally {
      rt.sp = sp;
      this.nf = nf;
      this.objMap.clear();
      this.completed.clear();
    }
  }

  /**
   * Skip what readevalloop skips between top-level forms (whitespace and
   * comments); false at the end of input.
   */
  skipToForm(): boolean {
    for (;;) {
      const c = this.readc();
      if (c < 0) return false;
      if (c === 59) {
        let d: number;
        do d = this.readc();
        while (d !== 10 && d !== -1);
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === NO_BREAK_SPACE) continue;
      this.unread();
      return true;
    }
  }

  /** The next top-level form, or undefined at the end of input (the caller roots what it keeps). */
  next(): number | undefined {
    if (!this.skipToForm()) return undefined;
    return this.read();
  }

  // -- the main loop --

  private pushFrame(kind: number, data: number): void {
    const i = this.nf++;
    this.fKind[i] = kind;
    this.fBase[i] = this.rt.sp;
    this.fState[i] = 0;
    this.fData[i] = data;
  }

  /** GNU's read0: one complete object; closers and dots at this level are errors. */
  private read0(closerIsNil = false): number {
    const rt = this.rt;
    const base = this.nf;
    let tk = this.readToken();
    for (;;) {
      if (tk === TK_OPEN || tk === TK_RETRY) {
        tk = this.readToken();
        continue;
      }
      if (tk !== TK_OBJ) {
        if (this.nf === base) {
          // GNU's read1 (which #& calls) returns nil for a closer or dot it meets first.
          if (closerIsNil) return Qnil;
          invalidSyntax(rt, tk === TK_RPAREN ? ')' : tk === TK_RBRACKET ? ']' : '.');
        }
        if (!this.closeFrame(tk)) {
          tk = this.readToken();
          continue;
        }
      }
      let obj = this.val;
      for (;;) {
        if (this.nf === base) return obj;
        const f = this.nf - 1;
        const kind = this.fKind[f]!;
        if (kind === F_WRAP) {
          obj = list(rt, this.fData[f]!, obj);
          this.nf--;
          rt.sp = this.fBase[f]!;
          continue;
        }
        if (kind === F_HASHEQ) {
          obj = this.finishHashEq(f, obj);
          this.nf--;
          rt.sp = this.fBase[f]!;
          continue;
        }
        if (kind === F_STRPROPS) {
          this.strPropsElement(f, obj);
          break;
        }
        // list-like: an element, or the tail after a dot
        const st = this.fState[f]!;
        if (st === 0) rt.push(obj);
        else if (st === 1) {
          rt.push(obj);
          this.fState[f] = 2;
        } else invalidSyntax(rt, '. in wrong context');
        break;
      }
      tk = this.readToken();
    }
  }

  /** Handle a closer or dot for the innermost frame. True when that frame is complete (its object in this.val). */
  private closeFrame(tk: number): boolean {
    const rt = this.rt;
    const f = this.nf - 1;
    const kind = this.fKind[f]!;
    const ch = tk === TK_RPAREN ? ')' : tk === TK_RBRACKET ? ']' : '.';
    if (kind === F_WRAP || kind === F_HASHEQ) return invalidSyntax(rt, ch);
    if (kind === F_STRPROPS) {
      if (this.fState[f] === 0) return invalidSyntax(rt, '#');
      if (this.fState[f] === 1 && tk === TK_RPAREN) {
        this.val = rt.stack[this.fBase[f]!]!;
        this.popFrame(f);
        return true;
      }
      return invalidSyntax(rt, 'Invalid string property list');
    }
    const st = this.fState[f]!;
    if (isVectorish(kind)) {
      if (tk !== TK_RBRACKET) invalidSyntax(rt, ') or . in a vector');
      this.val = this.finishVectorish(f, kind);
      this.popFrame(f);
      return true;
    }
    // F_LIST, F_RECORD
    if (st === 1) return invalidSyntax(rt, ch);
    if (st === 2 && tk !== TK_RPAREN) return invalidSyntax(rt, '. in wrong context');
    if (tk === TK_DOT) {
      this.fState[f] = 1;
      return false;
    }
    if (tk === TK_RBRACKET) return invalidSyntax(rt, '] in a list');
    const base = this.fBase[f]!;
    let tail = Qnil;
    let top = rt.sp;
    if (st === 2) tail = rt.stack[--top]!;
    for (let i = top - 1; i >= base; i--) tail = cons(rt, rt.stack[i]!, tail);
    rt.sp = top;
    this.val = kind === F_RECORD ? this.finishRecord(tail) : tail;
    this.popFrame(f);
    return true;
  }

  private popFrame(f: number): void {
    this.rt.sp = this.fBase[f]!;
    this.nf = f;
  }

  private finishVectorish(f: number, kind: number): number {
    const rt = this.rt;
    const base = this.fBase[f]!;
    const n = rt.sp - base;
    if (kind === F_SUBCHARTAB) return this.finishSubCharTable(base, n);
    const v = makePvec(rt, PVEC_NORMAL_VECTOR, n, Qnil);
    const vb = ((v & -8) >>> 2) + 1;
    for (let i = 0; i < n; i++) rt.i32[vb + i] = rt.stack[base + i]!;
    if (kind === F_CHARTAB) {
      if (n < CHARTAB_STANDARD_SLOTS) error(rt, 'Invalid size char-table');
      rt.i32[vb - 1] = makeHeader(PVEC_CHAR_TABLE, n);
    } else if (kind === F_BYTECODE) {
      const ok =
        n > 3 &&
        (isFixnum(aref(rt, v, 0)) || consp(aref(rt, v, 0)) || aref(rt, v, 0) === Qnil) &&
        (((aref(rt, v, 1) & 7) === Lisp_String && vectorp(rt, aref(rt, v, 2))) || consp(aref(rt, v, 1))) &&
        isFixnum(aref(rt, v, 3)) &&
        fixnumValue(aref(rt, v, 3)) >= 0;
      if (!ok) invalidSyntax(rt, 'Invalid byte-code object');
      const code = aref(rt, v, 1);
      if ((code & 7) === Lisp_String && stringMultibyte(rt, code)) aset(rt, v, 1, stringAsUnibyte(rt, code));
      rt.i32[vb - 1] = makeHeader(PVEC_COMPILED, n);
    }
    return v;
  }

  private finishSubCharTable(base: number, n: number): number {
    const rt = this.rt;
    if (n === 0) error(rt, 'Zero-sized sub char-table');
    const depth = rt.stack[base]!;
    if (!isFixnum(depth) || fixnumValue(depth) < 1 || fixnumValue(depth) > 3) error(rt, 'Invalid depth in sub char-table');
    const sizes = [64, 16, 32, 128];
    if (sizes[fixnumValue(depth)] !== n - 2) error(rt, 'Invalid size in sub char-table');
    const minChar = rt.stack[base + 1]!;
    if (!isFixnum(minChar) || fixnumValue(minChar) < 0 || fixnumValue(minChar) > MAX_CHAR)
      error(rt, 'Invalid minimum character in sub-char-table');
    const v = makePvec(rt, PVEC_SUB_CHAR_TABLE, n, Qnil);
    for (let i = 0; i < n; i++) aset(rt, v, i, rt.stack[base + i]!);
    return v;
  }

  private finishRecord(lst: number): number {
    const rt = this.rt;
    const head = consp(lst) ? xcar(rt, lst) : Qnil;
    if (head === Qhash_table) return this.finishHashTable(xcdr(rt, lst));
    const size = lispLength(rt, lst);
    if (size - 1 < 0) wrongTypeArgument(rt, Qwholenump, makeFixnum(size - 1));
    const r = makePvec(rt, PVEC_RECORD, size, Qnil);
    aset(rt, r, 0, head);
    let t = lst;
    for (let i = 1; i < size; i++) {
      t = consp(t) ? xcdr(rt, t) : t === Qnil ? Qnil : wrongTypeArgument(rt, Qlistp, t);
      aset(rt, r, i, consp(t) ? xcar(rt, t) : t === Qnil ? Qnil : wrongTypeArgument(rt, Qlistp, t));
    }
    return r;
  }

  private finishHashTable(plist: number): number {
    return hashTableFromPlist(this.rt, plist);
  }

  private strPropsElement(f: number, obj: number): void {
    const rt = this.rt;
    const st = this.fState[f]!;
    if (st === 0) {
      if ((obj & 7) !== Lisp_String) invalidSyntax(rt, '#');
      rt.push(obj);
      this.fState[f] = 1;
      return;
    }
    rt.push(obj);
    if (st < 3) {
      this.fState[f] = st + 1;
      return;
    }
    const base = this.fBase[f]!;
    const str = rt.stack[base]!;
    const beg = rt.stack[rt.sp - 3]!;
    const end = rt.stack[rt.sp - 2]!;
    const plist = rt.stack[rt.sp - 1]!;
    callPrimitive(rt, 'set-text-properties', Qset_text_properties, [beg, end, plist, str]);
    rt.sp -= 3;
    this.fState[f] = 1;
  }

  private finishHashEq(f: number, tem: number): number {
    const rt = this.rt;
    const n = this.fData[f]!;
    const placeholder = rt.stack[this.fBase[f]!]!;
    const tag = tem & 7;
    if (!(tag === Lisp_Symbol || isFixnum(tem) || tag === Lisp_Float || bignump(rt, tem) ||
      (tag === Lisp_String && stringIntervals(rt, tem) === Qnil)))
      this.completed.add(tem);
    if (tag === Lisp_Cons) {
      xsetcar(rt, placeholder, xcar(rt, tem));
      xsetcdr(rt, placeholder, xcdr(rt, tem));
      return placeholder;
    }
    substituteInSubtree(rt, tem, placeholder, this.completed);
    this.objMap.set(n, tem);
    return tem;
  }

  /** Read the next token: an object (this.val), an opened frame, a closer or a dot. */
  private readToken(): number {
    const rt = this.rt;
    for (;;) {
      // Skip whitespace and comments (GNU's `goto retry`).
      let c: number;
      for (;;) {
        c = this.readc();
        if (c < 0) return endOfFile(rt);
        if (c <= 32 || c === NO_BREAK_SPACE) continue;
        if (c === 59) {
          do c = this.readc();
          while (c >= 0 && c !== 10);
          continue;
        }
        break;
      }
      switch (c) {
        case 40: // (
          this.pushFrame(F_LIST, 0);
          return TK_OPEN;
        case 91: // [
          this.pushFrame(F_VECTOR, 0);
          return TK_OPEN;
        case 41:
          return TK_RPAREN;
        case 93:
          return TK_RBRACKET;
        case 35: {
          const r = this.readHash();
          if (r === TK_RETRY) continue;
          return r;
        }
        case 39: // '
          this.pushFrame(F_WRAP, Qquote);
          return TK_OPEN;
        case 96: // `
          this.pushFrame(F_WRAP, Qbackquote);
          return TK_OPEN;
        case 44: {
          // ,
          const d = this.readc();
          if (d === 64) this.pushFrame(F_WRAP, Qcomma_at);
          else {
            this.unread();
            this.pushFrame(F_WRAP, Qcomma);
          }
          return TK_OPEN;
        }
        case 63:
          this.val = this.readCharLiteral();
          return TK_OBJ;
        case 34:
          this.val = this.readString();
          return TK_OBJ;
        case 46: {
          // .
          const d = this.readc();
          this.unread();
          if (d <= 32 || (d < 0x80 && DOT_END[d] === 1)) return TK_DOT;
          this.val = this.readSymbol(c, this.pos - 1, false, false);
          return TK_OBJ;
        }
        default:
          this.val = this.readSymbol(c, this.pos - this.lastLen, false, false);
          return TK_OBJ;
      }
    }
  }

  /** After '#': GNU read1's dispatch on the next character. */
  private readHash(): number {
    const rt = this.rt;
    let c = this.readc();
    switch (c) {
      case 115: {
        // #s(
        c = this.readc();
        if (c === 40) {
          this.pushFrame(F_RECORD, 0);
          return TK_OPEN;
        }
        this.unread();
        return invalidSyntax(rt, '#');
      }
      case 94: {
        // #^[ and #^^[
        c = this.readc();
        if (c === 91) {
          this.pushFrame(F_CHARTAB, 0);
          return TK_OPEN;
        }
        if (c === 94) {
          c = this.readc();
          if (c === 91) {
            this.pushFrame(F_SUBCHARTAB, 0);
            return TK_OPEN;
          }
          return invalidSyntax(rt, '#^^');
        }
        return invalidSyntax(rt, '#^');
      }
      case 38:
        this.val = this.readBoolVector();
        return TK_OBJ;
      case 91:
        this.pushFrame(F_BYTECODE, 0);
        return TK_OPEN;
      case 40: {
        this.pushFrame(F_STRPROPS, 0);
        return TK_OPEN;
      }
      case 64: {
        // #@NUMBER: skip. Not reading the file's raw bytes, GNU skips to the next ^_ instead,
        // whatever the count: with no digits, or 0, too (the character after the digits
        // is looked at: "#@\037x" reads x). "#@00" skips to the end.
        let nskip = 0;
        let digits = '';
        while ((c = this.readc()) >= 48 && c <= 57) {
          digits += String.fromCharCode(c);
          nskip = nskip * 10 + (c - 48);
          if (digits === '00') {
            while (this.readc() >= 0);
            this.val = Qnil;
            return TK_OBJ;
          }
        }
        // GNU refuses a count from 2^61 - 102 on (its limit on string sizes), though it never skips by it.
        if (nskip > 2 ** 60 && BigInt(digits) >= SKIP_COUNT_LIMIT) error(rt, 'Maximum string size exceeded');
        while (c >= 0 && c !== 0o37) c = this.readc();
        if (c < 0) endOfFile(rt);
        return TK_RETRY;
      }
      case 33: // #! line
        while (c !== 10 && c >= 0) c = this.readc();
        return TK_RETRY;
      case 36:
        this.val = varValue(rt, Qload_file_name);
        return TK_OBJ;
      case 39:
        this.pushFrame(F_WRAP, Qfunction);
        return TK_OPEN;
      case 58: // #:
      case 95: {
        // #_
        const uninterned = c === 58;
        const d = this.readc();
        if (!(d > 32 && d !== NO_BREAK_SPACE && (d >= 0x80 || SYMBOL_END[d] !== 1))) {
          this.unread();
          this.val = makeSymbol(rt, allocString(rt, 0, 0, false));
          return TK_OBJ;
        }
        this.val = this.readSymbol(d, this.pos - this.lastLen, uninterned, !uninterned);
        return TK_OBJ;
      }
      case 35: {
        // ##
        const r = oblookupBytes(rt, this.obarray, this.scratch, 0, 0, 0);
        this.val = r !== -1 ? r : internNew(rt, this.obarray, allocString(rt, 0, 0, false), oblookupLastBucket);
        return TK_OBJ;
      }
      case 120: case 88:
        this.val = this.readInteger(16);
        return TK_OBJ;
      case 111: case 79:
        this.val = this.readInteger(8);
        return TK_OBJ;
      case 98: case 66:
        this.val = this.readInteger(2);
        return TK_OBJ;
      default:
        break;
    }
    if (c >= 48 && c <= 57) {
      let n = c - 48;
      let overflow = false;
      while ((c = this.readc()) >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        if (n > 9223372036854775807) overflow = true;
      }
      if (!overflow) {
        if (c === 114 || c === 82) {
          if (!(n >= 2 && n <= 36)) invalidSyntax(rt, `integer, radix ${n}`);
          this.val = this.readInteger(n);
          return TK_OBJ;
        }
        if (n <= 2305843009213693951 && varValue(rt, Qread_circle) !== Qnil) {
          if (c === 61) {
            // #N=
            const placeholder = cons(rt, Qnil, Qnil);
            this.objMap.set(n, placeholder);
            this.pushFrame(F_HASHEQ, n);
            rt.push(placeholder);
            return TK_OPEN;
          }
          if (c === 35) {
            const v = this.objMap.get(n);
            if (v !== undefined) {
              this.val = v;
              return TK_OBJ;
            }
          }
        }
      }
    }
    this.unread();
    return invalidSyntax(rt, '#');
  }

  /** GNU's read_integer: #x #o #b #NrDIGITS. */
  private readInteger(radix: number): number {
    const rt = this.rt;
    this.ensureScratch(64);
    let p = 0;
    let valid = -1;
    let c = this.readc();
    if (c === 45 || c === 43) {
      this.scratch[p++] = c;
      c = this.readc();
    }
    if (c === 48) {
      this.scratch[p++] = c;
      valid = 1;
      do c = this.readc();
      while (c === 48);
    }
    for (let digit: number; (digit = digitToNumber(c, radix)) >= -1; ) {
      if (digit === -1) valid = 0;
      if (valid < 0) valid = 1;
      this.ensureScratch(p + 2);
      this.scratch[p++] = c;
      c = this.readc();
    }
    this.unread();
    if (valid !== 1) invalidSyntax(rt, `integer, radix ${radix}`);
    const r = parseNumber(rt, this.scratch, 0, p, radix);
    return r === -1 ? invalidSyntax(rt, `integer, radix ${radix}`) : r;
  }

  /** #&N"..." */
  private readBoolVector(): number {
    const rt = this.rt;
    // The length is any object: a closer or dot there reads as nil, and nil counts as 0 (GNU
    // takes the zero word for a fixnum): "#&)\"\"" and "#&nil\"\"" are the empty bool-vector.
    // The string is read before the length is judged: "#&t\"" is end-of-file.
    const length = this.read0(true);
    if (this.readc() !== 34) return invalidSyntax(rt, '#&...');
    const str = this.readString();
    if (length !== Qnil && (!isFixnum(length) || fixnumValue(length) < 0)) return invalidSyntax(rt, '#&...');
    const nbits = length === Qnil ? 0 : fixnumValue(length);
    const nbytes = (nbits + 7) >>> 3;
    const sc = schars(rt, str);
    if (stringMultibyte(rt, str) || (nbytes !== sc && nbits !== (sc - 1) * 8)) return invalidSyntax(rt, '#&...');
    const words = (nbits + 31) >>> 5;
    const v = makePvec(rt, PVEC_BOOL_VECTOR, 1 + words, 0);
    const wi = (v & -8) >>> 2;
    rt.i32[wi + 1] = makeFixnum(nbits);
    const dst = (wi + 2) << 2;
    const src = sdata(rt, str);
    for (let i = 0; i < nbytes; i++) rt.u8[dst + i] = rt.u8[src + i]!;
    if (nbits % 8 !== 0) rt.u8[dst + nbytes - 1] = rt.u8[dst + nbytes - 1]! & ((1 << (nbits % 8)) - 1);
    return v;
  }

  /** After '?'. */
  private readCharLiteral(): number {
    const rt = this.rt;
    let c = this.readc();
    if (c < 0) return endOfFile(rt);
    if (c === 32 || c === 9) return makeFixnum(c);
    if (c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 59) {
      const lst = varValue(rt, Qunescaped_literals);
      let t = lst;
      while (consp(t) && xcar(rt, t) !== makeFixnum(c)) t = xcdr(rt, t);
      if (!consp(t)) specialSet(rt, Qunescaped_literals, cons(rt, makeFixnum(c), lst));
    }
    if (c === 92) c = this.readEscape(false);
    const modifiers = c & CHAR_MODIFIER_MASK;
    c &= ~CHAR_MODIFIER_MASK;
    if (isByte8(c)) c -= BYTE8_BASE;
    c |= modifiers;
    const next = this.readc();
    const ok = next <= 32 || (next < 0x80 && CHAR_END[next] === 1);
    this.unread();
    if (ok) return makeFixnum(c);
    return invalidSyntax(rt, '?');
  }

  /** GNU's read_escape, after the backslash. -1 means "ignore" (\<newline>, and \<space> in strings). */
  private readEscape(stringp: boolean): number {
    const rt = this.rt;
    let c = this.readc();
    switch (c) {
      case -1:
        return endOfFile(rt);
      case 97: return 7;
      case 98: return 8;
      case 100: return 127;
      case 101: return 27;
      case 102: return 12;
      case 110: return 10;
      case 114: return 13;
      case 116: return 9;
      case 118: return 11;
      case 10: return -1;
      case 32: return stringp ? -1 : 32;
      case 77: // M-
      case 83: // S-
      case 72: // H-
      case 65: { // A-
        const mod = c === 77 ? CHAR_META : c === 83 ? CHAR_SHIFT : c === 72 ? CHAR_HYPER : CHAR_ALT;
        c = this.readc();
        if (c !== 45) error(rt, 'Invalid escape character syntax');
        c = this.readc();
        if (c === 92) c = this.readEscape(false);
        return c | mod;
      }
      case 115: // s
        c = this.readc();
        if (stringp || c !== 45) {
          this.unread();
          return 32;
        }
        c = this.readc();
        if (c === 92) c = this.readEscape(false);
        return c | CHAR_SUPER;
      case 67: // C-
        c = this.readc();
        if (c !== 45) error(rt, 'Invalid escape character syntax');
        return this.ctrlEscape();
      case 94: // ^
        return this.ctrlEscape();
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let i = c - 48;
        for (let count = 1; count < 3; count++) {
          c = this.readc();
          if (c >= 48 && c <= 55) i = i * 8 + (c - 48);
          else {
            this.unread();
            break;
          }
        }
        if (i >= 0x80 && i < 0x100) i += BYTE8_BASE;
        return i;
      }
      case 120: { // x
        let i = 0;
        let count = 0;
        for (;;) {
          c = this.readc();
          const d = hexDigit(c);
          if (d < 0) {
            this.unread();
            break;
          }
          i = i * 16 + d;
          if (i > (CHAR_META | (CHAR_META - 1))) error(rt, `Hex character out of range: \\x${i.toString(16)}...`);
          if (count < 3) count++;
        }
        if (count < 3 && i >= 0x80) return i + BYTE8_BASE;
        return i;
      }
      case 85: // U
        return this.unicodeEscape(8);
      case 117: // u
        return this.unicodeEscape(4);
      case 78: // N{...}
        return this.readNamedChar();
      default:
        return c;
    }
  }

  /** The rest of \\C- or \\^: control of the next (possibly escaped) character. */
  private ctrlEscape(): number {
    let c = this.readc();
    if (c === 92) c = this.readEscape(false);
    const base = c & ~CHAR_MODIFIER_MASK;
    if (base === 63) return 127 | (c & CHAR_MODIFIER_MASK);
    if (!(base < 256)) return c | CHAR_CTL;
    // ASCII control chars are made from letters (either case) and from 0100..0137.
    if ((c & 0o137) >= 0o101 && (c & 0o137) <= 0o132) return c & (0o37 | ~0o177);
    if ((c & 0o177) >= 0o100 && (c & 0o177) <= 0o137) return c & (0o37 | ~0o177);
    return c | CHAR_CTL;
  }

  /** \\u (4 hex digits) or \\U (8). */
  private unicodeEscape(hexCount: number): number {
    const rt = this.rt;
    let i = 0;
    for (let count = 1; count <= hexCount; count++) {
      const c = this.readc();
      if (c < 0) error(rt, `Malformed Unicode escape: \\${hexCount > 4 ? 'U' : 'u'}${i.toString(16)}`);
      const d = hexDigit(c);
      if (d < 0) {
        const msg = `Non-hex character used for Unicode escape: ${charText(c)} (${c})`;
        if (!isByte8(c)) error(rt, msg);
        // GNU writes a raw byte's two internal bytes into a unibyte message.
        const b = c - BYTE8_BASE;
        const text = msg.replace(charText(c), '\u0000\u0000');
        const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
        const at = text.indexOf('\u0000');
        bytes[at] = 0xc0 | ((b >> 6) & 1);
        bytes[at + 1] = 0x80 | (b & 0x3f);
        xsignal1(rt, Qerror, makeUnibyteString(rt, bytes));
      }
      i = i * 16 + d;
    }
    if (i > 0x10ffff) error(rt, `Non-Unicode character: 0x${i.toString(16)}`);
    return i;
  }

  private readNamedChar(): number {
    const rt = this.rt;
    let c = this.readc();
    if (c !== 123) invalidSyntax(rt, 'Expected opening brace after \\N');
    let name = '';
    let whitespace = false;
    for (;;) {
      c = this.readc();
      if (c < 0) endOfFile(rt);
      if (c === 125) break;
      if (!(c > 0 && c < 0x80))
        invalidSyntax(rt, `Invalid character U+${c.toString(16).toUpperCase().padStart(4, '0')} in character name`);
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (whitespace) continue;
        c = 32;
        whitespace = true;
      } else whitespace = false;
      name += String.fromCharCode(c);
      if (name.length >= 201) invalidSyntax(rt, 'Character name too long');
    }
    if (name.length === 0) invalidSyntax(rt, 'Empty character name');
    let code = -1;
    if (name.charCodeAt(0) === 85 && name.charCodeAt(1) === 43) {
      const bytes = new TextEncoder().encode(name.slice(1));
      const r = parseNumber(rt, bytes, 0, bytes.length, 16);
      if (r !== -1 && isFixnum(r)) code = fixnumValue(r);
    } else {
      const r = funcall(rt, Qchar_from_name, [makeString(rt, name), Qt]);
      if (isFixnum(r)) code = fixnumValue(r);
    }
    if (code < 0 || code > MAX_UNICODE_CHAR || (code >= 0xd800 && code <= 0xdfff)) invalidSyntax(rt, `\\N{${name}}`);
    return code;
  }

  /** After '"': a string literal, unibyte or multibyte as GNU decides. */
  private readString(): number {
    const rt = this.rt;
    const u8 = this.u8;
    // Fast path: no escapes before the closing quote, in a multibyte or ASCII source.
    if (this.stream === Qnil) {
      const start = this.pos;
      let i = start;
      const end = this.end;
      let nonAscii = false;
      let rawByte = false;
      let nchars = 0;
      while (i < end) {
        const b = u8[i]!;
        if (b === 34 || b === 92) break;
        if (b >= 0x80) {
          if (!this.multibyte) break;
          if (b === 0xc0 || b === 0xc1) rawByte = true;
          else nonAscii = true;
          i += charLenAt(b);
        } else i++;
        nchars++;
      }
      if (i < end && u8[i] === 34 && !rawByte) {
        this.pos = i + 1;
        this.lastLen = 1;
        const s = allocString(rt, nchars, i - start, nonAscii);
        if (u8 === rt.u8) rt.u8.copyWithin(sdata(rt, s), start, i);
        else rt.u8.set(u8.subarray(start, i), sdata(rt, s));
        return s;
      }
    }
    let p = 0;
    let nchars = 0;
    let forceMultibyte = false;
    let forceSinglebyte = false;
    let ch: number;
    while ((ch = this.readc()) >= 0 && ch !== 34) {
      this.ensureScratch(p + 8);
      if (ch === 92) {
        ch = this.readEscape(true);
        if (ch === -1) continue;
        let modifiers = ch & CHAR_MODIFIER_MASK;
        ch &= ~CHAR_MODIFIER_MASK;
        if (isByte8(ch)) forceSinglebyte = true;
        else if (ch >= 0x80) forceMultibyte = true;
        else {
          if (modifiers === CHAR_CTL) {
            if (ch === 32) (ch = 0), (modifiers = 0);
            else if (ch === 63) (ch = 127), (modifiers = 0);
          }
          if (modifiers & CHAR_SHIFT) {
            if (ch >= 65 && ch <= 90) modifiers &= ~CHAR_SHIFT;
            else if (ch >= 97 && ch <= 122) (ch -= 32), (modifiers &= ~CHAR_SHIFT);
          }
          if (modifiers & CHAR_META) {
            modifiers &= ~CHAR_META;
            ch = (ch | 0x80) + BYTE8_BASE;
            forceSinglebyte = true;
          }
        }
        if (modifiers) invalidSyntax(rt, 'Invalid modifier in string');
        p += writeChar(this.scratch, p, ch);
      } else {
        p += writeChar(this.scratch, p, ch);
        if (isByte8(ch)) forceSinglebyte = true;
        else if (ch >= 0x80) forceMultibyte = true;
      }
      nchars++;
    }
    if (ch < 0) return endOfFile(rt);
    if (!forceMultibyte && forceSinglebyte) {
      // Only ASCII and raw bytes: make it unibyte.
      let o = 0;
      for (let i = 0; i < p; ) {
        const b = this.scratch[i]!;
        if (b === 0xc0 || b === 0xc1) {
          this.scratch[o++] = ((b & 1) << 6) | (this.scratch[i + 1]! & 0x3f) | 0x80;
          i += 2;
        } else {
          this.scratch[o++] = b;
          i++;
        }
      }
      return makeStringFromBytes(rt, this.scratch.subarray(0, o), o, false);
    }
    return makeStringFromBytes(rt, this.scratch.subarray(0, p), nchars, forceMultibyte || p !== nchars);
  }

  /** A symbol or number whose first character C has been read; START is where C began in the input. */
  private readSymbol(c: number, start: number, uninterned: boolean, skipShorthand: boolean): number {
    const rt = this.rt;
    const mb = this.multibyte;
    let p = 0;
    if (this.stream === Qnil) {
      // Fast path: the token is a plain run of bytes in the input.
      const u8 = this.u8;
      const end = this.end;
      let i = c === 92 ? start : this.pos;
      while (i < end) {
        const b = u8[i]!;
        if (b < 0x80) {
          if (SYMBOL_END[b] === 1 || b === 92) break;
          i++;
        } else if (mb) {
          if (b === 0xc2 && u8[i + 1] === NO_BREAK_SPACE) break;
          i += charLenAt(b);
        } else {
          if (b === NO_BREAK_SPACE) break;
          i++;
        }
      }
      if (i >= end || u8[i] !== 92) {
        this.pos = i;
        this.lastLen = 0;
        return this.finishSymbol(u8, start, i - start, false, uninterned, skipShorthand);
      }
      // A backslash: copy what was scanned, then go on character by character.
      p = i - start;
      this.ensureScratch(p + 8);
      this.scratch.set(u8.subarray(start, i), 0);
      this.pos = i;
      c = this.readc();
    }
    let quoted = false;
    do {
      this.ensureScratch(p + 8);
      if (c === 92) {
        c = this.readc();
        if (c === -1) endOfFile(rt);
        quoted = true;
      }
      if (mb) p += writeChar(this.scratch, p, c);
      else this.scratch[p++] = c;
      c = this.readc();
    } while (c > 32 && c !== NO_BREAK_SPACE && (c >= 0x80 || SYMBOL_END[c] !== 1));
    this.unread();
    return this.finishSymbol(this.scratch, 0, p, quoted, uninterned, skipShorthand);
  }

  private finishSymbol(src: Uint8Array, start: number, nbytes: number, quoted: boolean, uninterned: boolean, skipShorthand: boolean): number {
    const rt = this.rt;
    if (!quoted && !uninterned && !skipShorthand) {
      const b = src[start]!;
      if ((b >= 48 && b <= 57) || b === 43 || b === 45 || b === 46) {
        const r = parseNumber(rt, src, start, start + nbytes, 10);
        if (r !== -1) return r;
      }
    }
    let nchars = nbytes;
    if (this.multibyte) {
      nchars = 0;
      for (let i = start; i < start + nbytes; i++) if ((src[i]! & 0xc0) !== 0x80) nchars++;
    }
    if (uninterned) return makeSymbol(rt, makeStringFromBytes(rt, src.subarray(start, start + nbytes), nchars, this.multibyte));
    const ob = this.obarray;
    if (!skipShorthand) {
      const shorthands = varValue(rt, Qread_symbol_shorthands);
      if (shorthands !== Qnil && !operatorOnly(src, start, nbytes)) {
        const r = this.lookupShorthand(shorthands, src, start, nbytes);
        if (r !== -1) return r;
      }
    }
    const found = oblookupBytes(rt, ob, src, start, nbytes, nchars);
    if (found !== -1) return found;
    const bucket = oblookupLastBucket;
    const name = makeStringFromBytes(rt, src.subarray(start, start + nbytes), nchars, this.multibyte);
    return internNew(rt, ob, name, bucket);
  }

  /** GNU's oblookup_considering_shorthand: the longhand symbol, or -1 when no shorthand applies. */
  private lookupShorthand(alist: number, src: Uint8Array, start: number, nbytes: number): number {
    return internLonghand(this.rt, this.obarray, alist, src, start, nbytes, this.multibyte);
  }
}

/**
 * Whether the name's bytes are all of the operator characters `- + * / _ < > = ^ |` (so `-`,
 * `1+`'s kin `->`, `/=`, `--`): GNU's reader leaves such names alone whatever the shorthands say.
 */
function operatorOnly(src: Uint8Array, start: number, nbytes: number): boolean {
  for (let i = start; i < start + nbytes; i++) {
    const b = src[i]!;
    if (b !== 45 && b !== 43 && b !== 42 && b !== 47 && b !== 95 && b !== 60 && b !== 62 && b !== 61 && b !== 94 && b !== 124) return false;
  }
  return true;
}

/**
 * The first entry (SHORTHAND . LONGHAND) of ALIST whose SHORTHAND starts the name in SRC: the
 * name with that prefix put in LONGHAND's place, interned in OBARRAY (when CREATE, else only
 * looked up: -2 when absent). -1 when no entry applies.
 */
function internLonghand(rt: Runtime, obarray: number, alist: number, src: Uint8Array, start: number, nbytes: number, multibyteSrc: boolean, create = true): number {
  for (let t = alist; consp(t); t = xcdr(rt, t)) {
    const pair = xcar(rt, t);
    if (!consp(pair)) continue;
    const sh = xcar(rt, pair);
    const lh = xcdr(rt, pair);
    if ((sh & 7) !== Lisp_String || (lh & 7) !== Lisp_String) continue;
    const shLen = sbytes(rt, sh);
    if (shLen > nbytes) continue;
    const sp = sdata(rt, sh);
    let match = true;
    for (let i = 0; i < shLen; i++)
      if (rt.u8[sp + i] !== src[start + i]) {
        match = false;
        break;
      }
    if (!match) continue;
    const lhLen = sbytes(rt, lh);
    const bytes = new Uint8Array(lhLen + nbytes - shLen);
    bytes.set(rt.u8.subarray(sdata(rt, lh), sdata(rt, lh) + lhLen), 0);
    bytes.set(src.subarray(start + shLen, start + nbytes), lhLen);
    const multibyte = multibyteSrc || stringMultibyte(rt, lh);
    let nchars = bytes.length;
    if (multibyte) {
      nchars = 0;
      for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) nchars++;
    }
    const found = oblookupBytes(rt, obarray, bytes, 0, bytes.length, nchars);
    if (found !== -1) return found;
    if (!create) return -2;
    const bucket = oblookupLastBucket;
    return internNew(rt, obarray, makeStringFromBytes(rt, bytes, nchars, multibyte), bucket);
  }
  return -1;
}

/**
 * `intern', `intern-soft' and `unintern' given a string honour `read-symbol-shorthands' as the
 * reader does (without its rule for operator names): the symbol of the longhand name, -2 when
 * it is absent and CREATE is false, -1 when no shorthand applies.
 */
function longhandOf(rt: Runtime, obarray: number, string: number, create: boolean): number {
  const alist = varValue(rt, Qread_symbol_shorthands);
  if (!consp(alist)) return -1;
  const p = sdata(rt, string);
  return internLonghand(rt, obarray, alist, rt.u8.subarray(p, p + sbytes(rt, string)), 0, sbytes(rt, string), stringMultibyte(rt, string), create);
}

/** setq for a special variable from the reader (no constant check needed for ours). */
function specialSet(rt: Runtime, sym: number, v: number): void {
  setSymbolRawValue(rt, sym, v);
}

/** GNU's string-as-unibyte for a byte-code string: raw-byte chars become their bytes. */
function stringAsUnibyte(rt: Runtime, s: number): number {
  const src = rt.u8.slice(sdata(rt, s), sdata(rt, s) + sbytes(rt, s));
  const out = internalToExternal(src, true);
  return makeStringFromBytes(rt, out, out.length, false);
}

/**
 * GNU's lread--substitute-object-in-subtree: replace PLACEHOLDER by OBJECT
 * everywhere inside OBJECT, visiting objects from COMPLETED only once.
 * Iterative, so deep structure cannot overflow the JS stack.
 */
function substituteInSubtree(rt: Runtime, object: number, placeholder: number, completed: Set<number>): void {
  const seen = new Set<number>();
  const work: number[] = [object];
  const visit = (x: number): number => {
    if (x === placeholder) return object;
    const tag = x & 7;
    if (tag === Lisp_Cons || tag === Lisp_Vectorlike || (tag === Lisp_String && stringIntervals(rt, x) !== Qnil)) work.push(x);
    return x;
  };
  while (work.length > 0) {
    const x = work.pop()!;
    if (seen.has(x)) continue;
    if (completed.has(x)) seen.add(x);
    const tag = x & 7;
    if (tag === Lisp_Cons) {
      xsetcar(rt, x, visit(xcar(rt, x)));
      xsetcdr(rt, x, visit(xcdr(rt, x)));
    } else if (tag === Lisp_Vectorlike) {
      const t = pvecType(rt, x);
      if (t === PVEC_BOOL_VECTOR || bignump(rt, x)) continue;
      if (!(t === PVEC_NORMAL_VECTOR || t === PVEC_RECORD || t === PVEC_COMPILED || t === PVEC_CHAR_TABLE ||
        t === PVEC_SUB_CHAR_TABLE || t === PVEC_HASH_TABLE)) wrongTypeArgument(rt, Qsequencep, x);
      const n = pvecSize(rt, x);
      for (let i = t === PVEC_SUB_CHAR_TABLE ? 2 : 0; i < n; i++) aset(rt, x, i, visit(aref(rt, x, i)));
    } else if (tag === Lisp_String) {
      const iv = stringIntervals(rt, x);
      if (iv !== Qnil) visit(iv);
    }
  }
}

// ---- exported entry points -----------------------------------------------------------------------

/** A reader over file bytes (UTF-8), for load and the command line. */
export function makeReader(rt: Runtime, bytes: Uint8Array, internal = false): LispReader {
  // INTERNAL: BYTES are already in the internal encoding (a decoded latin-1 or raw-text file).
  if (internal) return new LispReader(rt, bytes, 0, bytes.length, true);
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  const u8 = ascii ? bytes : decodeUtf8ToInternal(bytes).bytes;
  return new LispReader(rt, u8, 0, u8.length, true);
}


/** Read one object from Lisp string STR starting at character START (GNU's read-from-string core). */
/**
 * Read one object from the heap bytes START..END (internal encoding, multibyte when MB); give it
 * and the address where reading stopped. The buffer module reads buffer text this way.
 */
export function readFromHeapBytes(rt: Runtime, start: number, end: number, mb: boolean, stop?: { pos: number }): { obj: number; end: number } {
  const r = new LispReader(rt, rt.u8, start, end, mb);
  try {
    const obj = r.read();
    return { obj, end: r.pos };
  } finally {
    // Where reading stopped, an error or not: a buffer stream moves there.
    if (stop) stop.pos = r.pos;
  }
}

type StreamReader = (rt: Runtime, stream: number) => number | undefined;
let streamReader: StreamReader | null = null;
/** Let the buffer module read from a buffer or marker stream (the reader gives undefined for other streams). */
export function registerStreamReader(fn: StreamReader): void {
  streamReader = fn;
}

export function readFromString(rt: Runtime, str: number, start = 0, end?: number): { obj: number; end: number } {
  const mb = stringMultibyte(rt, str);
  const data = sdata(rt, str);
  const startByte = stringCharToByte(rt, str, start);
  const endByte = end === undefined ? sbytes(rt, str) : stringCharToByte(rt, str, end);
  const r = new LispReader(rt, rt.u8, data + startByte, data + endByte, mb);
  const obj = r.read();
  let endChar = start;
  if (mb) for (let p = data + startByte; p < r.pos; p += charLenAt(rt.u8[p]!)) endChar++;
  else endChar = start + (r.pos - data - startByte);
  return { obj, end: endChar };
}


const Qinternal_macroexpand_for_load = DEFSYM('internal-macroexpand-for-load');
const Qprogn_lr = DEFSYM('progn');

/**
 * Evaluate a form read by `load', expanding its macros first once the Lisp
 * library defines `internal-macroexpand-for-load' (GNU's eager expansion): a
 * top-level `progn' is taken apart so a macro it defines applies to the rest.
 */
function eagerExpandEval(rt: Runtime, form: number): number {
  if (symbolFunction(rt, Qinternal_macroexpand_for_load) === Qnil) return evalSub(rt, form);
  const sp = rt.sp;
  const top = funcall(rt, Qinternal_macroexpand_for_load, [form, Qnil]);
  rt.push(top);
  let val = Qnil;
  if ((top & 7) === Lisp_Cons && xcar(rt, top) === Qprogn_lr) {
    for (let l = xcdr(rt, top); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) val = eagerExpandEval(rt, xcar(rt, l));
  } else {
    const full = funcall(rt, Qinternal_macroexpand_for_load, [top, Qt]);
    rt.push(full);
    val = evalSub(rt, full);
  }
  rt.sp = sp;
  return val;
}

/** Read a line from standard input as GNU's batch read-minibuffer does. */
function readFromStdin(rt: Runtime): number {
  rt.host.write(1, new TextEncoder().encode('Lisp expression: '));
  const line = rt.host.readLine();
  if (line === null) return xsignal1(rt, Qend_of_file, makeString(rt, 'Error reading from stdin'));
  const s = makeString(rt, line);
  const sp = rt.sp;
  rt.push(s);
  try {
    const r = readFromString(rt, s);
    const chars = schars(rt, s);
    if (r.end !== chars) {
      const p = sdata(rt, s) + stringCharToByte(rt, s, r.end);
      const e = sdata(rt, s) + sbytes(rt, s);
      for (let i = p; i < e; i++) {
        const b = rt.u8[i]!;
        if (b !== 32 && b !== 9 && b !== 10) invalidSyntax(rt, 'Trailing garbage following expression');
      }
    }
    return r.obj;
  } finally {
    rt.sp = sp;
  }
}

DEFUN('read', 0, 1, 'Read one Lisp expression from STREAM and give the object it stands for.\nSTREAM may be a string, a function giving one character per call, or t for standard input; nil means the value of `standard-input\'.', (rt, stream: number) => {
  if (stream === Qnil) stream = varValue(rt, Qstandard_input);
  if (stream === Qt || stream === Qread_char) return readFromStdin(rt);
  if ((stream & 7) === Lisp_String) return readFromString(rt, stream).obj;
  if (streamReader !== null) {
    const v = streamReader(rt, stream);
    if (v !== undefined) return v;
  }
  const r = new LispReader(rt, new Uint8Array(16), 0, 0, true, stream);
  const obj = r.read();
  const sp = rt.sp;
  rt.push(obj);
  try {
    r.returnLookahead();
  } finally {
    rt.sp = sp;
  }
  return obj;
});

DEFUN('read-from-string', 1, 3, 'Read one Lisp expression from STRING, starting at START and stopping before END.\nThe value is (OBJECT . INDEX), INDEX being where reading stopped.',
  (rt, string: number, start: number, end: number) => {
    if ((string & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, string);
    const [f, t] = validateSubarray(rt, string, start, end, schars(rt, string));
    const r = readFromString(rt, string, f, t);
    return cons(rt, r.obj, makeFixnum(r.end));
  });

// ---- the obarray primitives ------------------------------------------------------------------

const obarrayArg = (rt: Runtime, ob: number): number => checkObarray(rt, ob === Qnil ? varValue(rt, Qobarray) : ob);

DEFUN('intern', 1, 2, 'Give the symbol called STRING in OBARRAY (by default `obarray\'), adding a new one when there is none.', (rt, string: number, ob: number) => {
  const obarray = obarrayArg(rt, ob);
  if ((string & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, string);
  const longhand = longhandOf(rt, obarray, string, true);
  if (longhand !== -1) return longhand;
  const r = oblookup(rt, obarray, string);
  if (r.found) return r.sym;
  return internNew(rt, obarray, string, r.bucket);
});

DEFUN('intern-soft', 1, 2, 'Give the symbol called NAME in OBARRAY if there is one, without ever adding it; otherwise nil.', (rt, name: number, ob: number) => {
  const obarray = obarrayArg(rt, ob);
  const isSym = (name & 7) === Lisp_Symbol;
  const string = isSym ? symbolName(rt, name) : name;
  if ((string & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, name);
  if (!isSym) {
    const longhand = longhandOf(rt, obarray, string, false);
    if (longhand === -2) return Qnil;
    if (longhand !== -1) return longhand;
  }
  const r = oblookup(rt, obarray, string);
  if (!r.found || (isSym && r.sym !== name)) return Qnil;
  return r.sym;
});

DEFUN('unintern', 1, 2, 'Remove the symbol NAME from OBARRAY, so that `intern\' no longer finds it; give t when it was there.', (rt, name: number, ob: number) => {
  const obarray = obarrayArg(rt, ob);
  const isSym = (name & 7) === Lisp_Symbol;
  const string = isSym ? symbolName(rt, name) : name;
  if ((string & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, name);
  if (!isSym) {
    const longhand = longhandOf(rt, obarray, string, false);
    if (longhand === -2) return Qnil;
    if (longhand !== -1) return obUnintern(rt, obarray, longhand) ? Qt : Qnil;
  }
  const r = oblookup(rt, obarray, string);
  if (!r.found || (isSym && r.sym !== name)) return Qnil;
  return obUnintern(rt, obarray, r.sym) ? Qt : Qnil;
});

DEFUN('mapatoms', 1, 2, 'Call FUNCTION on each symbol of OBARRAY (by default `obarray\').', (rt, fn: number, ob: number) => {
  const obarray = obarrayArg(rt, ob);
  const syms: number[] = [];
  mapObarray(rt, obarray, (s) => syms.push(s));
  const sp = rt.sp;
  rt.push(fn);
  rt.push(obarray);
  try {
    for (const s of syms) funcall(rt, fn, [s]);
  } finally {
    rt.sp = sp;
  }
  return Qnil;
});

// ---- load ---------------------------------------------------------------------------------------

/** Does the text start with a `-*- ... lexical-binding: VAL ... -*-` line (after an optional #! line), VAL not nil? */
export function lexicalBindingCookie(u8: Uint8Array): boolean {
  let i = 0;
  const n = u8.length;
  if (u8[0] === 35 && u8[1] === 33) {
    while (i < n && u8[i] !== 10) i++;
    i++;
  }
  if (u8[i] !== 59) return false;
  let lineEnd = i;
  while (lineEnd < n && u8[lineEnd] !== 10) lineEnd++;
  const line = new TextDecoder().decode(u8.subarray(i, lineEnd));
  const a = line.indexOf('-*-');
  if (a < 0) return false;
  const b = line.indexOf('-*-', a + 3);
  const vars = b < 0 ? line.slice(a + 3) : line.slice(a + 3, b);
  for (const part of vars.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      if (b < 0) return false;
      continue;
    }
    const name = part.slice(0, colon).trim();
    if (name === 'lexical-binding') return part.slice(colon + 1).trim() !== 'nil';
  }
  return false;
}

/** Join and normalise a file name against a directory (GNU's expand-file-name, minus ~ and remote names). */
function expandFileName(name: string, dir: string): string {
  const abs = name.startsWith('/') ? name : (dir.endsWith('/') ? dir : dir + '/') + name;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function defaultDirectory(rt: Runtime): string {
  const d = varValue(rt, Qdefault_directory);
  return (d & 7) === Lisp_String ? jsString(rt, d) : rt.host.cwd();
}

/** The strings among L's elements (a circular L ends at its cycle, as GNU's openp walks suffixes). */
function lispStrings(rt: Runtime, l: number): string[] {
  const out: string[] = [];
  forEachTail(rt, l, (t) => {
    const s = xcar(rt, t);
    if ((s & 7) === Lisp_String) out.push(jsString(rt, s));
  }, true);
  return out;
}

/** GNU's get-load-suffixes as JS strings. */
function loadSuffixes(rt: Runtime): string[] {
  const out: string[] = [];
  const reps = lispStrings(rt, varValue(rt, Qload_file_rep_suffixes));
  for (const s of lispStrings(rt, varValue(rt, Qload_suffixes))) for (const r of reps) out.push(s + r);
  return out;
}

/**
 * GNU's openp: search PATH (directories; nil means default-directory) for NAME
 * with each of SUFFIXES; ACCEPT says whether a candidate qualifies.
 */
function openp(rt: Runtime, path: number, name: string, suffixes: string[], accept: (f: string) => boolean): string | null {
  const dirs: string[] = [];
  if (name.startsWith('/') || name.startsWith('~')) dirs.push('/');
  else
    forEachTail(rt, path, (t) => {
      const d = xcar(rt, t);
      dirs.push((d & 7) === Lisp_String ? expandFileName(jsString(rt, d), defaultDirectory(rt)) : defaultDirectory(rt));
    }, true);
  for (const dir of dirs) {
    // A leading ~ or ~USER is a home directory, as expand-file-name reads it. Called through
    // Lisp, not imported: importing fileio.ts here changes the order modules register their
    // load hooks in, and with it the bytes of a dump written after a load.
    const base = name.startsWith('~') ? jsString(rt, funcall(rt, Qexpand_file_name, [makeString(rt, name), makeString(rt, dir)])) : expandFileName(name, dir);
    for (const suf of suffixes) {
      const f = base + suf;
      if (accept(f)) return f;
    }
  }
  return null;
}

const regularFile = (rt: Runtime) => (f: string): boolean => rt.host.stat(f)?.kind === 'file';

DEFUN('get-load-suffixes', 0, 0, 'Give the file suffixes `load\' tries when a suffix is needed, each combined with the representation suffixes.', (rt) => {
  const out = loadSuffixes(rt);
  return list(rt, ...out.map((s) => makeString(rt, s)));
});

DEFUN('locate-file-internal', 2, 4, 'Look for FILENAME in each directory of PATH, trying each of SUFFIXES, and give the first file name found, or nil.\nPREDICATE, when given, must also accept the file.',
  (rt, filename: number, path: number, suffixes: number, predicate: number) => {
    if ((filename & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, filename);
    const sufs = suffixes === Qnil ? [''] : lispStrings(rt, suffixes);
    const sp = rt.sp;
    rt.push(filename);
    rt.push(path);
    rt.push(predicate);
    try {
      const found = openp(rt, path, jsString(rt, filename), sufs, (f) => {
        const st = rt.host.stat(f);
        if (st === null) return false;
        if (predicate === Qnil) return st.kind !== 'dir';
        const r = funcall(rt, predicate, [makeString(rt, f)]);
        return r !== Qnil && (st.kind !== 'dir' || r === Qdir_ok);
      });
      return found === null ? Qnil : makeString(rt, found);
    } finally {
      rt.sp = sp;
    }
  });

export interface LoadOptions {
  /** Do not print the "Loading..." message. */
  nomessage?: boolean;
  /** load's NOERROR, shown in the backtrace frame. */
  noerror?: boolean;
  /** A compiled file of ours, checked (elc.ts): its forms are evaluated as they are, unexpanded. */
  compiled?: { body: Uint8Array; lexical: boolean };
  /** The name `load' was given, which the message for a compiled file shows, as GNU's does. */
  shownName?: string;
  /** The compiled file's source is newer than it (GNU's messages say so). */
  sourceNewer?: boolean;
}

const Qmessage_lr = DEFSYM('message');
const Qelc_progn = DEFSYM('tsmacs--elc-progn');
const Qprin1_to_string_lr = DEFSYM('prin1-to-string');
const Qmacroexpand_lr = DEFSYM('macroexpand');
const Qmacroexpand_all_lr = DEFSYM('macroexpand-all');
const Qeval_and_compile_lr = DEFSYM('eval-and-compile');

/**
 * The file `tsmacs--compile-by-loading' is compiling: each form it evaluates while loading it is
 * expanded with `eval-and-compile' kept as a `progn' (it is evaluated when the .elc is loaded, as
 * in GNU's compiled files) and printed before it is evaluated.
 */
let recording: { path: string; forms: ElcItem[]; failed: string | null } | null = null;

/** `eagerExpandEval' for the file being compiled by loading (see `recording'). */
function recordExpandEval(rt: Runtime, form: number, rec: { forms: ElcItem[]; failed: string | null }, shared: Set<number> = new Set()): void {
  if (rec.failed !== null) {
    eagerExpandEval(rt, form);
    return;
  }
  const sp = rt.sp;
  const env = list(rt, cons(rt, Qeval_and_compile_lr, symbolFunction(rt, Qelc_progn)));
  rt.push(env);
  const expand = (fn: number, f: number): number | null => {
    try {
      return funcall(rt, fn, [f, env]);
    } catch (e) {
      if (!(e instanceof LispSignal)) throw e;
      rec.failed = `expanding a form signalled ${jsString(rt, funcall(rt, Qprin1_to_string_lr, [cons(rt, e.symbol, e.data)]))}`;
      return null;
    }
  };
  try {
    const top = expand(Qmacroexpand_lr, form);
    if (top === null) {
      eagerExpandEval(rt, form);
      return;
    }
    rt.push(top);
    if ((top & 7) === Lisp_Cons && xcar(rt, top) === Qprogn_lr) {
      for (let l = xcdr(rt, top); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) recordExpandEval(rt, xcar(rt, l), rec, shared);
      return;
    }
    const full = expand(Qmacroexpand_all_lr, top);
    if (full === null) {
      eagerExpandEval(rt, top);
      return;
    }
    rt.push(full);
    // The pieces of one top-level form are printed apart: an uninterned symbol two of them
    // share would become two symbols (not seen in the bundled libraries; refused if it happens).
    const mine = new Set<number>();
    uninternedSymbolsIn(rt, full, mine);
    for (const sym of mine) {
      if (shared.has(sym)) rec.failed = `an uninterned symbol, ${jsString(rt, symbolName(rt, sym))}, is shared by two forms of one top-level form`;
      shared.add(sym);
    }
    const printed = printFormForElc(rt, full);
    if (typeof printed === 'string') rec.failed = printed;
    else rec.forms.push(printed);
    evalSub(rt, full);
  } finally {
    rt.sp = sp;
  }
}

DEFUN('tsmacs--elc-progn', 0, MANY, 'Give (progn BODY...): how `eval-and-compile\' expands while a file is compiled by loading it.', (rt, args: number[]) => cons(rt, Qprogn_lr, list(rt, ...args)));

DEFUN('tsmacs--compile-by-loading', 1, 1, 'Load the Lisp source FILE and write FILE\'s compiled file (FILE with a c appended) from the forms it evaluated.\nUsed by the build for the bundled libraries: each form is expanded as `load\' expands it, but for `eval-and-compile\', which is kept to be evaluated when the compiled file is loaded. Give t, or signal an error saying why no file was written.', (rt, file: number) => {
  if ((file & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, file);
  const path = jsString(rt, funcall(rt, Qexpand_file_name, [file]));
  if (!path.endsWith('.el')) error(rt, `${path} is not a .el file`);
  const bytes = rt.host.readFile(path);
  if (bytes === null) return xsignal3(rt, Qfile_missing, makeString(rt, 'Opening input file'), makeString(rt, rt.host.lastError || 'No such file or directory'), file);
  const saved = recording;
  const rec = { path, forms: [] as ElcItem[], failed: null as string | null };
  recording = rec;
  try {
    loadFile(rt, path, { nomessage: true });
  } finally {
    recording = saved;
  }
  if (rec.failed !== null) error(rt, `${path} not compiled: ${rec.failed}`);
  rt.host.writeFile(path + 'c', elcFileBytes(path.slice(path.lastIndexOf('/') + 1), lexicalBindingCookie(bytes), rec.forms));
  return Qt;
});

const Qhack_read_symbol_shorthands = DEFSYM('hack-read-symbol-shorthands');
const Qhack_read_symbol_shorthands_function = DEFSYM('hack-read-symbol-shorthands-function');
const Qshorthands_of_file = DEFSYM('shorthands--of-file');

/** Whether "local variables:" (any case) shows in the last 12,000 bytes: about GNU's 3,000 characters. */
function mentionsLocalVariables(u8: Uint8Array): boolean {
  const key = 'local variables:';
  for (let i = Math.max(0, u8.length - 12000); i + key.length <= u8.length; i++) {
    let k = 0;
    while (k < key.length && (u8[i + k]! | 0x20) === key.charCodeAt(k)) k++;
    if (k === key.length) return true;
  }
  return false;
}

/**
 * The `read-symbol-shorthands' a source file's forms are read with: what
 * `hack-read-symbol-shorthands-function' gives in a buffer of the file's text (shorthands.el).
 * The usual function finds them only in a Local Variables section, so a file with none is
 * not put in a buffer at all.
 */
export function fileShorthands(rt: Runtime, file: number, bytes: Uint8Array): number {
  const fn = varValue(rt, Qhack_read_symbol_shorthands_function);
  if (fn === Qnil || indirectFunction(rt, Qshorthands_of_file) === Qnil) return Qnil;
  if (fn === Qhack_read_symbol_shorthands && !mentionsLocalVariables(bytes)) return Qnil;
  const sp = rt.sp;
  try {
    rt.push(file);
    return funcall(rt, Qshorthands_of_file, [file]);
  } finally {
    rt.sp = sp;
  }
}

const Qload_with_code_conversion = DEFSYM('load-with-code-conversion');
const Qexpand_file_name = DEFSYM('expand-file-name');

/**
 * Load the file at PATH (already located) as GNU's load does for a source
 * file: bind the load variables, read and evaluate each form, record history.
 */
const Qstandard_output_load = DEFSYM('standard-output');

/**
 * The forms of a compiled file's checked BODY (elc.ts, format 2), read as `load' reads: symbols
 * interned in `obarray' as the reader interns them, a form kept as printed read by the reader.
 */
function elcReader(rt: Runtime, body: Uint8Array): { next(): number | undefined } {
  const forms = new ElcForms(rt, body, {
    intern(name: Uint8Array): number {
      const ob = checkObarray(rt, varValue(rt, Qobarray));
      const found = oblookupBytes(rt, ob, name, 0, name.length, name.length);
      if (found !== -1) return found;
      const bucket = oblookupLastBucket;
      return internNew(rt, ob, makeStringFromBytes(rt, name, name.length, true), bucket);
    },
    read(bytes: Uint8Array): number {
      const form = makeReader(rt, bytes, true).next();
      return form === undefined ? invalidSyntax(rt, 'compiled file') : form;
    },
  }, () => varValue(rt, Qobarray));
  return {
    next(): number | undefined {
      try {
        return forms.next();
      } catch (e) {
        if (e instanceof ElcDamaged) return invalidSyntax(rt, 'compiled file');
        throw e;
      }
    },
  };
}

export function loadFile(rt: Runtime, path: string, opts: LoadOptions = {}): void {
  let bytes = rt.host.readFile(path);
  if (bytes === null) {
    const name = makeString(rt, path);
    return xsignal3(rt, Qfile_missing, makeString(rt, 'Cannot open load file'), makeString(rt, rt.host.lastError || 'No such file or directory'), name);
  }
  const progress = rt.loadsInProgress;
  if (progress.filter((p) => p === path).length >= 3) {
    const fname = makeString(rt, path);
    xsignal(Qerror, cons(rt, makeString(rt, 'Recursive load'), cons(rt, fname, list(rt, ...progress.map((p) => makeString(rt, p))))));
  }
  const compiled = opts.compiled;
  if (compiled !== undefined) {
    // GNU's messages for a compiled file show the name load was given.
    if (opts.nomessage && opts.sourceNewer)
      funcall(rt, Qmessage_lr, [makeString(rt, 'Source file `%s\' newer than byte-compiled file; using older file'), makeString(rt, path.slice(0, -1))]);
    else if (!opts.nomessage)
      loadMessage(rt, `Loading ${opts.shownName ?? path}${opts.sourceNewer ? ' (compiled; note, source file is newer)' : ''}...`);
  } else if (!opts.nomessage) loadMessage(rt, path.endsWith('.el') ? `Loading ${path} (source)...` : `Loading ${path}...`);
  // FILE.el.gz: jka-compr's decompression (its messages come after "Loading"), then the coding.
  if (compiled === undefined && gzipFileName(path) && autoCompression(rt)) bytes = gunzipFile(rt, path, bytes);
  const source = compiled !== undefined ? { bytes: compiled.body, internal: true } : loadBytesInternal(bytes);
  const count = rt.specCount;
  const sp = rt.sp;
  const savedLexenv = rt.lexenv;
  const fname = makeString(rt, path);
  // GNU's load hands a source file to the Lisp function load-with-code-conversion,
  // whose frame backtraces show: (load-with-code-conversion FULLNAME FILE NOERROR NOMESSAGE).
  rt.push(Qload_with_code_conversion);
  rt.push(fname);
  rt.push(fname);
  rt.push(opts.noerror ? Qt : Qnil);
  rt.push(opts.nomessage ? Qt : Qnil);
  const fi = pushFrame(rt, sp, 4);
  rt.push(savedLexenv);
  // One nesting level more than the form that called load, as GNU counts a source file's load
  // (measured: a recursion inside a loaded file stops one level sooner than inside eval).
  const depth = rt.lispEvalDepth;
  checkDepth(rt);
  progress.push(path);
  try {
    const lexical = compiled !== undefined ? compiled.lexical : lexicalBindingCookie(bytes);
    const rec = recording !== null && recording.path === path && compiled === undefined ? recording : null;
    specbind(rt, Qload_file_name, fname);
    specbind(rt, Qload_true_file_name, fname);
    specbind(rt, Qload_in_progress, Qt);
    specbind(rt, Qlexical_binding, lexical ? Qt : Qnil);
    specbind(rt, Qcurrent_load_list, Qnil);
    specbind(rt, Qread_symbol_shorthands, compiled !== undefined ? Qnil : fileShorthands(rt, fname, bytes));
    // GNU evaluates a source file through eval-buffer with PRINTFLAG nil, which binds
    // standard-output to nil while the file's forms run.
    specbind(rt, Qstandard_output_load, Qnil);
    setSymbolRawValue(rt, Qcurrent_load_list, cons(rt, fname, Qnil));
    const reader = compiled !== undefined ? elcReader(rt, compiled.body) : makeReader(rt, source.bytes, source.internal);
    // One environment for the whole file, as GNU's readevalloop: a top-level (defvar x) adds x
    // to it, so x stays dynamic for the file's later forms (and the closures they make).
    rt.lexenv = lexical ? cons(rt, Qt, Qnil) : Qnil;
    for (;;) {
      const form = reader.next();
      if (form === undefined) break;
      const fsp = rt.sp;
      rt.push(form);
      // A compiled file's forms are expanded already, but for those kept as read.
      if (compiled !== undefined) {
        if (isSourceForm(rt, form)) eagerExpandEval(rt, xcdr(rt, form));
        else evalSub(rt, form);
      } else if (rec !== null) recordExpandEval(rt, form, rec);
      else eagerExpandEval(rt, form);
      rt.sp = fsp;
    }
    buildLoadHistory(rt, fname);
    // Only a normal return drops the frame: an escaping signal's backtrace still shows it.
    rt.nframes = fi;
  } catch (e) {
    // The debugger sees an error in the file with load's bindings still in place.
    throw noticeUncaught(rt, e);
  } finally {
    progress.pop();
    rt.lispEvalDepth = depth;
    rt.lexenv = savedLexenv;
    unbindTo(rt, count);
    rt.sp = sp;
  }
  if (indirectFunction(rt, Qdo_after_load_evaluation) !== Qnil) {
    rt.push(fname);
    try {
      funcall(rt, Qdo_after_load_evaluation, [fname]);
    } finally {
      rt.sp = sp;
    }
  }
}

const Qmessage_fn = DEFSYM('message');
const Qunescaped_warning = DEFSYM('byte-run--unescaped-character-literals-warning');

/** Show TEXT as `message' does (stderr in batch, and a line of *Messages*), never as a format. */
function loadMessage(rt: Runtime, text: string): void {
  const sp = rt.sp;
  try {
    const fmt = makeString(rt, '%s');
    rt.push(fmt);
    const str = makeString(rt, text);
    rt.push(str);
    funcall(rt, Qmessage_fn, [fmt, str]);
  } finally {
    rt.sp = sp;
  }
}

/**
 * GNU's load of a source file ends by naming the character literals it read without their
 * backslash: "Loading ‘FILE’: unescaped character literals ... detected, ... expected!", the
 * list's text made by byte-run.el's function, shown even when NOMESSAGE is set.
 */
function warnUnescapedLiterals(rt: Runtime, file: number): void {
  if (indirectFunction(rt, Qunescaped_warning) === Qnil) return;
  const sp = rt.sp;
  try {
    rt.push(file);
    const what = funcall(rt, Qunescaped_warning, []);
    rt.push(what);
    const fmt = makeString(rt, 'Loading `%s\': %s');
    rt.push(fmt);
    funcall(rt, Qmessage_fn, [fmt, file, what]);
  } finally {
    rt.sp = sp;
  }
}

/** Exact same bytes and multibyteness-compatible: GNU's string equality for file names. */
function sameString(rt: Runtime, a: number, b: number): boolean {
  if ((a & 7) !== Lisp_String || (b & 7) !== Lisp_String) return false;
  const n = sbytes(rt, a);
  if (n !== sbytes(rt, b) || schars(rt, a) !== schars(rt, b)) return false;
  const pa = sdata(rt, a);
  const pb = sdata(rt, b);
  for (let i = 0; i < n; i++) if (rt.u8[pa + i] !== rt.u8[pb + i]) return false;
  return true;
}

/** GNU's build_load_history for a whole file: replace FILE's entry by (FILE . items in load order). */
function buildLoadHistory(rt: Runtime, fname: number): void {
  let hist = varValue(rt, Qload_history);
  let prev = Qnil;
  for (let t = hist; consp(t); t = xcdr(rt, t)) {
    const entry = xcar(rt, t);
    if (consp(entry) && sameString(rt, xcar(rt, entry), fname)) {
      if (prev === Qnil) hist = xcdr(rt, t);
      else xsetcdr(rt, prev, xcdr(rt, t));
    } else prev = t;
  }
  // current-load-list holds items newest first, ending with the file name.
  let items = Qnil;
  for (let t = varValue(rt, Qcurrent_load_list); consp(t); t = xcdr(rt, t)) items = cons(rt, xcar(rt, t), items);
  setSymbolRawValue(rt, Qload_history, cons(rt, items, hist));
}

/** Record X in current-load-list while loading (GNU's LOADHIST_ATTACH), for defalias, defvar, provide. */
export function loadhistAttach(rt: Runtime, x: number): void {
  if (varValue(rt, Qload_in_progress) === Qnil) return;
  setSymbolRawValue(rt, Qcurrent_load_list, cons(rt, x, varValue(rt, Qcurrent_load_list)));
}

DEFUN('load', 1, 5, 'Read and evaluate the Lisp file FILE, found by searching `load-path\' with the load suffixes.\nNOERROR non-nil gives nil for a missing file instead of an error; NOMESSAGE silences the loading messages; NOSUFFIX and MUST-SUFFIX control which suffixes are tried.',
  (rt, file: number, noerror: number, nomessage: number, nosuffix: number, mustSuffix: number) => load(rt, file, noerror, nomessage, nosuffix, mustSuffix));

/** GNU's Fload, for callers that call it directly (as compiled code does, with no frame of its own). */
export function load(rt: Runtime, file: number, noerror: number, nomessage: number, nosuffix: number = Qnil, mustSuffix: number = Qnil): number {
  if ((file & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, file);
  // A magic FILE is loaded by its handler, as GNU's Fload begins.
  // (Through the Lisp function: fileio.ts imports modules that need this one loaded first.)
  if (findSymbolValue(rt, Qfile_name_handler_alist) !== Qnil) {
    const handler = funcall(rt, Qfind_file_name_handler, [file, Qload_op]);
    if (handler !== Qnil) return funcall(rt, handler, [Qload_op, file, noerror, nomessage, nosuffix, mustSuffix]);
  }
  const name = jsString(rt, file);
  let suffixes: string[];
  if (nosuffix !== Qnil) suffixes = [''];
  else {
    // Module files are never candidates, nor compressed compiled files; FILE.elc only when it is
    // a compiled file of ours in good order (elc.ts): GNU's are passed over as before, and a
    // damaged one of ours is reported and passed over, so the source is loaded.
    suffixes = loadSuffixes(rt).filter((s) => !s.startsWith('.so') && (s === '.elc' || !s.startsWith('.elc')));
    const explicit = name.includes('/') || name.endsWith('.el') || name.endsWith('.elc');
    if (mustSuffix === Qnil || explicit) suffixes.push('');
  }
  const isFile = regularFile(rt);
  const byName = name.endsWith('.elc');
  // The compiled file the search accepted, read and checked once: loadFound takes it as it is.
  let accepted: { path: string; bytes: Uint8Array; c: ReturnType<typeof checkElc> } | null = null;
  const accept = (f: string): boolean => {
    if (!isFile(f)) return false;
    if (byName || !f.endsWith('.elc')) return true;
    const bytes = rt.host.readFile(f);
    if (bytes === null || !isOurElc(bytes)) return false;
    const c = checkElc(bytes);
    if ('refused' in c) {
      refusedElcMessage(rt, f, c.refused);
      return false;
    }
    accepted = { path: f, bytes, c };
    return true;
  };
  const found = name === '' ? null : openp(rt, varValue(rt, Qload_path), name, suffixes, accept);
  if (found === null) {
    if (noerror !== Qnil) return Qnil;
    return xsignal3(rt, Qfile_missing, makeString(rt, 'Cannot open load file'), makeString(rt, 'No such file or directory'), file);
  }
  const opts: LoadOptions = { nomessage: nomessage !== Qnil || false, noerror: noerror !== Qnil };
  const loadFound = (): void => {
    if (found.endsWith('.elc')) {
      const known = accepted !== null && accepted.path === found ? accepted : null;
      const bytes = known !== null ? known.bytes : rt.host.readFile(found);
      if (bytes !== null && isOurElc(bytes)) {
        const c = known !== null ? known.c : checkElc(bytes);
        const source = found.slice(0, -1);
        if ('refused' in c) {
          // Named outright: its source instead when there is one, else a clear error.
          if (!isFile(source)) error(rt, `${found} is a damaged tsmacs compiled file: ${c.refused}`);
          refusedElcMessage(rt, found, c.refused);
          loadFile(rt, source, opts);
          return;
        }
        const st = rt.host.stat(found);
        const sst = rt.host.stat(source);
        const newer = st !== null && sst !== null && sst.kind === 'file' && sst.mtimeMs > st.mtimeMs;
        if (newer && varValue(rt, Qload_prefer_newer) !== Qnil) {
          loadFile(rt, source, opts);
          return;
        }
        loadFile(rt, found, { ...opts, compiled: c, shownName: name, sourceNewer: newer });
        return;
      }
    }
    loadFile(rt, found, opts);
  };
  // The reader notes every ?( and the like it meets in the file; GNU reports the list once the
  // file and its after-load hooks have run, naming the file as load was given it.
  const count = rt.specCount;
  specbind(rt, Qunescaped_literals, Qnil);
  try {
    loadFound();
    if (varValue(rt, Qunescaped_literals) !== Qnil) warnUnescapedLiterals(rt, file);
  } finally {
    unbindTo(rt, count);
  }
  return Qt;
}

/** Say on stderr that the compiled file FILE is refused, and why (its source is loaded instead). */
function refusedElcMessage(rt: Runtime, file: string, why: string): void {
  funcall(rt, Qmessage_lr, [makeString(rt, 'Compiled file `%s\' not loaded: %s'), makeString(rt, file), makeString(rt, why)]);
}

