// The Lisp printer and output streams (GNU print.c): prin1/princ/print, float formatting, error messages.
//
// Printing renders into a growable byte buffer (one per world: Printer) in internal encoding, then
// hands the bytes to the destination in one go: stdout (GNU batch writes the
// internal bytes as they are), stderr (encoded as UTF-8), or a Lisp function
// called once per character. Rendering itself never calls Lisp, so it needs
// no rooting; only the delivery to a function does.

import {
  HT_COUNT, HT_KV, HT_NEXT, HT_PURE, HT_REHASH_SIZE, HT_REHASH_THRESHOLD, HT_TEST, HT_WEAK,
  PVEC_BIGNUM, PVEC_BOOL_VECTOR, PVEC_CHAR_TABLE, PVEC_COMPILED, PVEC_FINALIZER, PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR,
  PVEC_RECORD, PVEC_SUBR, PVEC_SUB_CHAR_TABLE, PVEC_USER_PTR, SUBR_NAME, SUB_CHARTAB_DEPTH, SUB_CHARTAB_MIN_CHAR,
  SYM_INTERNED_IN_INITIAL_OBARRAY, SYM_INTERNED_MASK, SYM_INTERNED_SHIFT, SYM_UNINTERNED,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import {
  BYTE8_BASE, MAX_5_BYTE_CHAR, MAX_UNICODE_CHAR, charLenAt, internalToExternal, readChar, writeChar,
} from '../core/character.ts';
import {
  TailWalker, aref, bignumValue, cons, consp, getProp, list, listp, makeString, makeStringFromBytes, symbolFunction, pvecSize, pvecType, sbytes, schars, sdata, stringMultibyte, stringIntervals,
  symbolFlags, symbolName, xcar, xcdr, xfloat,
} from '../core/object.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { DEFSYM, Qnil, Qt, Qunbound, Qquote, Qfunction, Qbackquote, Qcomma, Qcomma_at, Qerror, Qerror_conditions, Qerror_message, Quser_error, Qend_of_file, Qfile_error, Qlistp, Qsymbolp, Qfixnump, Qcircular_list } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { JsStackExhausted, LispSignal, checkJsStack, error, wrongTypeArgument, xsignal, xsignal1 } from '../core/signal.ts';
import { call1, findSymbolValue, setInternal, signalMemoryFull, specbind, unbindTo } from './eval.ts';
import { hashPut, hashRemove, hashTableForEach, makeHashTableFn } from './fns.ts';
import { copyRanges, propertyRanges, readRuns, runEnd, type Runs } from './intervals.ts';

const Qstandard_output = DEFVAR('standard-output', () => Qt,
  'Where `print\' and the other output functions send text by default: t (standard output in batch), a function called with each character, or a buffer.');
const Qprint_length = DEFVAR('print-length', () => Qnil, 'The most elements of a list or vector to print before writing "..."; nil for no limit.');
const Qprint_level = DEFVAR('print-level', () => Qnil, 'The deepest nesting of lists and vectors to print before writing "..."; nil for no limit.');
const Qprint_circle = DEFVAR('print-circle', () => Qnil, 'Non-nil means printing marks shared and circular structure with #N= and #N# labels.');
const Qprint_quoted = DEFVAR('print-quoted', () => Qt, 'Non-nil means (quote X), (function X) and backquote forms print in their short syntax: \'X, #\'X, `X.');
const Qprint_gensym = DEFVAR('print-gensym', () => Qnil, 'Non-nil means symbols that are not interned print with a #: prefix.');
const Qprint_escape_newlines = DEFVAR('print-escape-newlines', () => Qnil, 'Non-nil means `prin1\' writes newlines and form feeds in strings as \\n and \\f.');
const Qprint_escape_control_characters = DEFVAR('print-escape-control-characters', () => Qnil,
  'Non-nil means `prin1\' writes control characters in strings as octal escapes.');
const Qprint_escape_nonascii = DEFVAR('print-escape-nonascii', () => Qnil,
  'Non-nil means raw bytes, and the non-ASCII bytes of unibyte strings, print as octal escapes.');
const Qprint_escape_multibyte = DEFVAR('print-escape-multibyte', () => Qnil,
  'Non-nil means `prin1\' writes the non-ASCII characters of multibyte strings as \\xNNNN escapes.');
const Qfloat_output_format = DEFVAR('float-output-format', () => Qnil,
  'How floats print: nil for the shortest form that reads back the same, or a string such as "%.3e", "%.3f" or "%.3g".');
const Qprint_integers_as_characters = DEFVAR('print-integers-as-characters', () => Qnil,
  'Non-nil means integers that are graphic characters print in the ?C syntax.');
const Qdefault = DEFSYM('default');
const Qprint_charset_text_property = DEFVAR('print-charset-text-property', () => Qdefault,
  'Which `charset\' text properties `prin1\' shows in a string: t all of them, nil none, and any other value\nonly those that name another charset than `char-charset\' gives for a non-ASCII character they cover.');
const Qprint_continuous_numbering = DEFVAR('print-continuous-numbering', () => Qnil,
  'Non-nil means `print-circle\' labels go on from one print to the next, kept in `print-number-table\'.');
const Qprint_number_table = DEFVAR('print-number-table', () => Qnil,
  'The `print-circle\' labels of the last print: a hash table from each labelled object to its number (negative while unprinted).');
const QCtest = DEFSYM(':test');
const Qeq = DEFSYM('eq');
const Qexternal_debugging_output = DEFSYM('external-debugging-output');
const Qsubstitute_command_keys = DEFSYM('substitute-command-keys');
const Qtext_quoting_style = DEFSYM('text-quoting-style');
const Qstraight = DEFSYM('straight');
const Qgrave = DEFSYM('grave');

// ---- the printer's state, one per world ------------------------------------------------

const DEST_BUFFER = 0; // prin1-to-string, format, error-message-string
const DEST_STDOUT = 1;
const DEST_FUNCTION = 2;
const PRINT_CIRCLE = 200;

/**
 * A world's printer: the output buffer and the settings of the print under way (read from the
 * print-* variables once per top-level print, see setup). It lives on its runtime (printerOf),
 * so printing in one runtime never sees another's buffer or settings.
 */
class Printer {
  /** Rendered text in internal encoding: blen bytes, bchars characters. */
  buf = new Uint8Array(1024);
  blen = 0;
  bchars = 0;
  dest = DEST_BUFFER;
  escNewlines = false;
  escControl = false;
  escNonascii = false;
  escMultibyte = false;
  quoted = true;
  gensym = false;
  circle = false;
  /** print-continuous-numbering under print-circle: labels carry over through print-number-table. */
  continuous = false;
  intsAsChars = false;
  printLength = Infinity;
  printLevel = Infinity;
  floatFormat = Qnil;
  depth = 0;
  newBackquoteOutput = 0;
  readonly beingPrinted = new Int32Array(PRINT_CIRCLE);
  /** print-circle state: word -> 0 (seen once), -N (shared, not yet printed), N (printed as #N=). */
  numberTable = new Map<number, number>();
  numberIndex = 0;
  /**
   * The last character written to standard output one character at a time, which is what
   * `terpri' with ENSURE looks at: GNU writes a top-level number, or a string given to princ,
   * in one piece without updating it. 0 (not a newline) at start, as in GNU.
   */
  lastPrintchar = 0;
  readonly rt: Runtime;
  constructor(rt: Runtime) {
    this.rt = rt;
  }
}
const printerOf = defineWorldState((rt) => new Printer(rt));

// ---- the output buffer ---------------------------------------------------------

/** The most bytes one print builds (1 GB; a typed array cannot grow much further); past it, memory is full. */
const MAX_PRINT_BYTES = 1 << 30;

function grow(p: Printer, n: number): void {
  if (p.blen + n <= p.buf.length) return;
  if (p.blen + n > MAX_PRINT_BYTES) {
    // A runaway (a huge or endless object) ends in memory-full, not a RangeError from the
    // typed array; the big buffer is dropped so the world does not keep it.
    p.buf = new Uint8Array(1024);
    p.blen = 0;
    p.bchars = 0;
    signalMemoryFull(p.rt);
  }
  let size = p.buf.length * 2;
  while (size < p.blen + n) size *= 2;
  const nb = new Uint8Array(size);
  nb.set(p.buf.subarray(0, p.blen));
  p.buf = nb;
}
function putAscii(p: Printer, s: string): void {
  grow(p, s.length);
  for (let i = 0; i < s.length; i++) p.buf[p.blen++] = s.charCodeAt(i);
  p.bchars += s.length;
}
function putByte(p: Printer, b: number): void {
  if (p.blen === p.buf.length) grow(p, 1);
  p.buf[p.blen++] = b;
  p.bchars++;
}
function putChar(p: Printer, c: number): void {
  if (c < 0x80) {
    if (p.blen === p.buf.length) grow(p, 1);
    p.buf[p.blen++] = c;
  } else {
    grow(p, 5);
    p.blen += writeChar(p.buf, p.blen, c);
  }
  p.bchars++;
}
/** Copy internal-encoded bytes (nchars characters) from the heap. */
function putBytes(p: Printer, src: Uint8Array, start: number, n: number, nchars: number): void {
  grow(p, n);
  p.buf.set(src.subarray(start, start + n), p.blen);
  p.blen += n;
  p.bchars += nchars;
}

// ---- print settings, read once per top-level print --------------------------------

function varValue(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? Qnil : v;
}

function setup(p: Printer, d: number): void {
  const rt = p.rt;
  p.dest = d;
  p.escNewlines = varValue(rt, Qprint_escape_newlines) !== Qnil;
  p.escControl = varValue(rt, Qprint_escape_control_characters) !== Qnil;
  // Printing into a (multibyte) buffer binds print-escape-nonascii, as GNU's print_prepare does.
  p.escNonascii = d === DEST_BUFFER || varValue(rt, Qprint_escape_nonascii) !== Qnil;
  p.escMultibyte = varValue(rt, Qprint_escape_multibyte) !== Qnil;
  p.quoted = varValue(rt, Qprint_quoted) !== Qnil;
  p.gensym = varValue(rt, Qprint_gensym) !== Qnil;
  p.circle = varValue(rt, Qprint_circle) !== Qnil;
  p.continuous = p.circle && varValue(rt, Qprint_continuous_numbering) !== Qnil;
  p.intsAsChars = varValue(rt, Qprint_integers_as_characters) !== Qnil;
  const pl = varValue(rt, Qprint_length);
  p.printLength = isFixnum(pl) && fixnumValue(pl) >= 0 ? fixnumValue(pl) : Infinity;
  const lv = varValue(rt, Qprint_level);
  p.printLevel = isFixnum(lv) ? fixnumValue(lv) : Infinity;
  p.floatFormat = varValue(rt, Qfloat_output_format);
  p.depth = 0;
  p.newBackquoteOutput = 0;
}

// ---- floats --------------------------------------------------------------------------

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const signBit = (x: number): boolean => {
  f64[0] = x;
  return (u32[1]! & 0x80000000) !== 0;
};

/** A NaN prints its payload (the mantissa bits below the quiet bit) as the integer part, as GNU does. */
function nanToString(x: number): string {
  f64[0] = x;
  const payload = (u32[1]! & 0x7ffff) * 4294967296 + u32[0]!;
  return ((u32[1]! & 0x80000000) !== 0 ? '-' : '') + String(payload) + '.0e+NaN';
}

/** x = D * 10^k exactly (D >= 0), for finite x. */
function exactDecimal(x: number): { d: bigint; k: number } {
  f64[0] = Math.abs(x);
  const hi = u32[1]!;
  const lo = u32[0]!;
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  if (m === 0n) return { d: 0n, k: 0 };
  if (e >= 0) return { d: m << BigInt(e), k: 0 };
  return { d: m * 5n ** BigInt(-e), k: e };
}

/** Round D to drop r >= 1 trailing decimal digits, half to even (exact arithmetic, as glibc). */
function roundDrop(d: bigint, r: number): bigint {
  const p = 10n ** BigInt(r);
  const q = d / p;
  const rem = d - q * p;
  const twice = rem * 2n;
  if (twice > p || (twice === p && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| rounded to n significant digits, and the decimal exponent of the first one. */
function sigDigits(x: number, n: number): { s: string; exp: number } {
  const { d, k } = exactDecimal(x);
  if (d === 0n) return { s: '0'.repeat(n), exp: 0 };
  let s = d.toString();
  let exp = s.length - 1 + k;
  if (s.length > n) {
    s = roundDrop(d, s.length - n).toString();
    if (s.length > n) {
      exp++;
      s = s.slice(0, n);
    }
  } else s = s + '0'.repeat(n - s.length);
  return { s, exp };
}

/**
 * Whether |x| lies exactly halfway between two multiples of 10^-prec: its decimal expansion has
 * as many fractional digits as its lowest set bit is binary places below the point (2^-k has k
 * digits, the last a 5), so a tie is exactly prec + 1 of them.
 */
function fixedTie(x: number, prec: number): boolean {
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const bexp = (hi >>> 20) & 0x7ff;
  const mhi = bexp === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
  if (lo === 0 && mhi === 0) return false;
  const e = bexp === 0 ? -1074 : bexp - 1075;
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + 31 - Math.clz32(mhi & -mhi);
  return -(e + tz) === prec + 1;
}

/** |x| in %.{prec}f notation (no sign). */
function fixedDigits(x: number, prec: number): string {
  // JS's toFixed rounds exactly too, but a tie away from zero where glibc goes to even: it serves
  // every other case, without the exact decimal expansion's BigInts (some 3 us a call).
  if (x < 1e21 && prec <= 100 && !fixedTie(x, prec)) return x.toFixed(prec);
  const { d, k } = exactDecimal(x);
  // value = d * 10^k; we want round(value * 10^prec)
  const shift = k + prec;
  const n = shift >= 0 ? d * 10n ** BigInt(shift) : roundDrop(d, -shift);
  let s = n.toString();
  if (prec === 0) return s;
  if (s.length <= prec) s = '0'.repeat(prec - s.length + 1) + s;
  return s.slice(0, s.length - prec) + '.' + s.slice(s.length - prec);
}

function expString(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? 'e-' : 'e+') + (a < 10 ? '0' : '') + a;
}

/**
 * The body of C's printf %e/%f/%g conversion of a finite or infinite |x| (no
 * sign), with precision prec (>= 0) and the '#' flag.
 */
export function cFloatBody(x: number, conv: number, prec: number, sharp: boolean): string {
  if (x !== x) return 'nan';
  if (x === Infinity || x === -Infinity) return 'inf';
  if (conv === 0x66 /* f */) {
    const s = fixedDigits(x, prec);
    return sharp && prec === 0 ? s + '.' : s;
  }
  if (conv === 0x65 /* e */) {
    const { s, exp } = sigDigits(x, prec + 1);
    const m = prec === 0 ? s + (sharp ? '.' : '') : s[0] + '.' + s.slice(1);
    return m + expString(exp);
  }
  // %g
  const P = prec === 0 ? 1 : prec;
  const { s, exp } = sigDigits(x, P);
  let r: string;
  if (exp < P && exp >= -4) {
    r = fixedDigits(x, P - 1 - exp);
    if (sharp && r.indexOf('.') < 0) r += '.';
    if (!sharp && r.indexOf('.') >= 0) r = r.replace(/0+$/, '').replace(/\.$/, '');
    return r;
  }
  let m = s[0]! + '.' + s.slice(1);
  if (!sharp) m = m.replace(/0+$/, '').replace(/\.$/, '');
  else if (P === 1) m = s[0] + '.';
  return m + expString(exp);
}

/** GNU's float_to_string with float-output-format FMT (nil for the shortest round-trip form). */
export function floatToString(rt: Runtime, x: number, fmt: number = Qnil): string {
  if (x !== x) return nanToString(x);
  if (x === Infinity) return '1.0e+INF';
  if (x === -Infinity) return '-1.0e+INF';
  let width = -1;
  let out: string | null = null;
  if ((fmt & 7) === Lisp_String) {
    const a = sdata(rt, fmt);
    const n = sbytes(rt, fmt);
    const u8 = rt.u8;
    let i = 2;
    if (n >= 3 && u8[a] === 0x25 && u8[a + 1] === 0x2e) {
      let ok = true;
      if (u8[a + i]! >= 0x30 && u8[a + i]! <= 0x39) {
        width = 0;
        while (i < n && u8[a + i]! >= 0x30 && u8[a + i]! <= 0x39) {
          width = width * 10 + u8[a + i]! - 0x30;
          i++;
          if (width > 15) {
            ok = false;
            break;
          }
        }
        if (ok && width === 0 && u8[a + i] !== 0x66) ok = false;
      }
      const c = u8[a + i]!;
      if (ok && i === n - 1 && (c === 0x65 || c === 0x66 || c === 0x67)) {
        const body = cFloatBody(Math.abs(x), c, width < 0 ? 0 : width, false);
        out = (signBit(x) ? '-' : '') + body;
      } else width = -1;
    }
  }
  if (out === null) {
    width = -1;
    out = shortestFloat(x);
  }
  if (width !== 0) {
    let i = 0;
    while (i < out.length && ((out.charCodeAt(i) >= 0x30 && out.charCodeAt(i) <= 0x39) || out[i] === '-')) i++;
    if (i === out.length) out += '.0';
    else if (out[i] === '.' && i === out.length - 1) out += '0';
  }
  return out;
}

const DBL_MIN = 2.2250738585072014e-308;

/** %.{P}g where P is the least precision >= 15 (>= 1 for subnormals) that round-trips, as GNU's dtoastr. */
function shortestFloat(x: number): string {
  if (x === 0) return signBit(x) ? '-0' : '0';
  const neg = x < 0;
  const ax = Math.abs(x);
  const e = ax.toExponential();
  const epos = e.indexOf('e');
  const digits = e[0]! + (epos > 1 ? e.slice(2, epos) : '');
  const X = Number(e.slice(epos + 1));
  const nd = digits.length;
  const P = ax < DBL_MIN ? nd : Math.max(15, nd);
  let r: string;
  if (X < P && X >= -4) {
    if (X >= nd - 1) r = digits + '0'.repeat(X - nd + 1);
    else if (X >= 0) r = digits.slice(0, X + 1) + '.' + digits.slice(X + 1);
    else r = '0.' + '0'.repeat(-X - 1) + digits;
  } else r = (nd > 1 ? digits[0] + '.' + digits.slice(1) : digits) + expString(X);
  return neg ? '-' + r : r;
}

// ---- symbols ----------------------------------------------------------------------

/** Does the name (bytes) read as a number, as GNU's string_to_number with base 10 consuming it all? */
function looksLikeNumber(u8: Uint8Array, a: number, n: number): boolean {
  let i = 0;
  if (i < n && (u8[a] === 0x2d || u8[a] === 0x2b)) i++;
  const isD = (j: number): boolean => j < n && u8[a + j]! >= 0x30 && u8[a + j]! <= 0x39;
  let lead = false;
  let trail = false;
  let eexp = false;
  while (isD(i)) {
    i++;
    lead = true;
  }
  if (i < n && u8[a + i] === 0x2e) {
    i++;
    while (isD(i)) {
      i++;
      trail = true;
    }
  }
  if (i < n && (u8[a + i] === 0x65 || u8[a + i] === 0x45)) {
    const save = i;
    i++;
    if (i < n && (u8[a + i] === 0x2b || u8[a + i] === 0x2d)) i++;
    if (isD(i)) {
      eexp = true;
      while (isD(i)) i++;
    } else if (
      u8[a + i - 1] === 0x2b && i + 3 <= n &&
      ((u8[a + i] === 0x49 && u8[a + i + 1] === 0x4e && u8[a + i + 2] === 0x46) ||
        (u8[a + i] === 0x4e && u8[a + i + 1] === 0x61 && u8[a + i + 2] === 0x4e))
    ) {
      eexp = true;
      i += 3;
    } else i = save;
  }
  const floatSyntax = trail || (lead && eexp);
  if (!floatSyntax && !lead) return false;
  return i === n;
}

function printSymbol(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  const name = symbolName(rt, obj);
  const a = sdata(rt, name);
  const nb = sbytes(rt, name);
  const mb = stringMultibyte(rt, name);
  const u8 = rt.u8;
  if (!escape) {
    if (mb) putBytes(p, u8, a, nb, schars(rt, name));
    else for (let i = 0; i < nb; i++) putChar(p, u8[a + i]!);
    return;
  }
  const s0 = nb > 0 && (u8[a] === 0x2d || u8[a] === 0x2b) ? 1 : 0;
  let confusing = false;
  if (nb > s0) {
    const c = u8[a + s0]!;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e) confusing = looksLikeNumber(u8, a, nb);
  }
  if (p.gensym && ((symbolFlags(rt, obj) & SYM_INTERNED_MASK) >>> SYM_INTERNED_SHIFT) !== SYM_INTERNED_IN_INITIAL_OBARRAY) {
    putAscii(p, '#:');
  } else if (nb === 0) {
    putAscii(p, '##');
    return;
  }
  for (let i = 0; i < nb; ) {
    let c: number;
    if (mb) {
      c = readChar(u8, a + i);
      i += charLenAt(u8[a + i]!);
    } else c = u8[a + i++]!;
    if (
      confusing || c <= 0x20 || c === 0x22 || c === 0x5c || c === 0x27 || c === 0x3b || c === 0x23 || c === 0x28 ||
      c === 0x29 || c === 0x2c || c === 0x2e || c === 0x60 || c === 0x5b || c === 0x5d || c === 0x3f || c === 0xa0
    ) {
      putByte(p, 0x5c);
      confusing = false;
    }
    putChar(p, c);
  }
}

// ---- strings -----------------------------------------------------------------------

function octalOut(p: Printer, c: number, next: number): void {
  const digits = c > 0o77 || (next >= 0x30 && next <= 0x37) ? 3 : c > 7 ? 2 : 1;
  putByte(p, 0x5c);
  for (let d = digits - 1; d >= 0; d--) putByte(p, 0x30 + ((c >> (3 * d)) & 7));
}

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

function printStringEscaped(p: Printer, s: number): void {
  const rt = p.rt;
  const u8 = rt.u8;
  const a = sdata(rt, s);
  const nb = sbytes(rt, s);
  const mb = stringMultibyte(rt, s);
  putByte(p, 0x22);
  let needNonhex = false;
  for (let i = 0; i < nb; ) {
    let c: number;
    if (mb) {
      c = readChar(u8, a + i);
      i += charLenAt(u8[a + i]!);
    } else c = u8[a + i++]!;
    const next = i < nb ? u8[a + i]! : -1;
    if (mb ? c > MAX_5_BYTE_CHAR : c >= 0x80 && p.escNonascii) {
      octalOut(p, mb ? c - BYTE8_BASE : c, next);
      needNonhex = false;
    } else if (mb && c >= 0x80 && p.escMultibyte) {
      putAscii(p, '\\x' + c.toString(16).padStart(4, '0'));
      needNonhex = true;
    } else {
      if (needNonhex && isHex(c)) putAscii(p, '\\ ');
      if (c === 10 && p.escNewlines) putAscii(p, '\\n');
      else if (c === 12 && p.escNewlines) putAscii(p, '\\f');
      else if (c === 0x22 || c === 0x5c) {
        putByte(p, 0x5c);
        putByte(p, c);
      } else if (p.escControl && (c < 0x20 || c === 0x7f)) octalOut(p, c, next);
      else if (!mb && c >= 0x80) putChar(p, c + BYTE8_BASE);
      else putChar(p, c);
      needNonhex = false;
    }
  }
  putByte(p, 0x22);
}

function printStringPlain(p: Printer, s: number): void {
  const rt = p.rt;
  const u8 = rt.u8;
  const a = sdata(rt, s);
  const nb = sbytes(rt, s);
  if (stringMultibyte(rt, s)) {
    if (!p.escNonascii) {
      putBytes(p, u8, a, nb, schars(rt, s));
      return;
    }
    for (let i = 0; i < nb; ) {
      const c = readChar(u8, a + i);
      i += charLenAt(u8[a + i]!);
      if (c > MAX_5_BYTE_CHAR) putAscii(p, '\\' + (c - BYTE8_BASE).toString(8));
      else putChar(p, c);
    }
    return;
  }
  for (let i = 0; i < nb; i++) {
    const c = u8[a + i]!;
    if (c < 0x80) putByte(p, c);
    else if (p.escNonascii) putAscii(p, '\\' + c.toString(8));
    else if (p.dest === DEST_FUNCTION) putChar(p, c);
    else putChar(p, c + BYTE8_BASE);
  }
}

// ---- integers -----------------------------------------------------------------------

// Made on first use: creating a regexp with Unicode property classes costs about 0.7 ms of start-up.
let GRAPHIC_EXCLUDED: RegExp | null = null;

function namedEscape(c: number): number {
  switch (c) {
    case 8: return 0x62;
    case 9: return 0x74;
    case 10: return 0x6e;
    case 12: return 0x66;
    case 13: return 0x72;
    case 32: return 0x73;
    default: return 0;
  }
}

function printFixnum(p: Printer, n: number, escape: boolean): void {
  if (p.intsAsChars && n >= 0 && n <= MAX_UNICODE_CHAR) {
    const named = namedEscape(n);
    if (named || !(GRAPHIC_EXCLUDED ??= /[\p{Mn}\p{Mc}\p{Me}\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cs}\p{Cf}\p{Cn}]/u).test(String.fromCodePoint(n))) {
      putByte(p, 0x3f);
      if (named) {
        putByte(p, 0x5c);
        putByte(p, named);
      } else {
        if (
          escape && (n === 0x3b || n === 0x22 || n === 0x27 || n === 0x5c || n === 0x28 || n === 0x29 ||
            n === 0x7b || n === 0x7d || n === 0x5b || n === 0x5d)
        )
          putByte(p, 0x5c);
        putChar(p, n);
      }
      return;
    }
  }
  putAscii(p, String(n));
}

// ---- the object walker ------------------------------------------------------------

type PvecPrinter = (rt: Runtime, obj: number, escape: boolean, out: { ascii(s: string): void; object(x: number): void; text(x: number): void }) => void;
const pvecPrinters = new Map<number, PvecPrinter>();

/** Let a later module (buffers, markers) print its own vectorlike type. */
export function registerPvecPrinter(type: number, fn: PvecPrinter): void {
  pvecPrinters.set(type, fn);
}

/** Types printed with their slots: they nest, so they count for print depth and cycle checks. */
const isSlotted = (t: number): boolean =>
  t === PVEC_NORMAL_VECTOR || t === PVEC_RECORD || t === PVEC_COMPILED || t === PVEC_CHAR_TABLE ||
  t === PVEC_SUB_CHAR_TABLE || t === PVEC_HASH_TABLE;

function isCircleCandidate(p: Printer, obj: number): boolean {
  const rt = p.rt;
  const tag = obj & 7;
  if (tag === Lisp_Cons) return true;
  if (tag === Lisp_Vectorlike) return isSlotted(pvecType(rt, obj));
  if (tag === Lisp_String) return stringIntervals(rt, obj) !== Qnil;
  if (tag === Lisp_Symbol && p.gensym) {
    return ((symbolFlags(rt, obj) & SYM_INTERNED_MASK) >>> SYM_INTERNED_SHIFT) === SYM_UNINTERNED;
  }
  return false;
}

/**
 * GNU's print_preprocess: number every object reached twice, in order of its second sighting.
 * Every string counts here, with or without properties: a plain string is labelled only where
 * printObj allows it (see printObj), but its number is taken all the same, as in GNU.
 */
function preprocess(p: Printer, root: number): void {
  const rt = p.rt;
  const stack: number[] = [root];
  while (stack.length) {
    let obj = stack.pop()!;
    for (;;) {
      if (!isCircleCandidate(p, obj) && (obj & 7) !== Lisp_String) break;
      const seen = p.numberTable.get(obj);
      if (seen !== undefined) {
        if (seen === 0) p.numberTable.set(obj, -++p.numberIndex);
        break;
      }
      // With continuous numbering, an uninterned symbol is labelled even when it occurs once,
      // so that a later print can refer to it.
      p.numberTable.set(obj, p.continuous && (obj & 7) === Lisp_Symbol ? -++p.numberIndex : 0);
      const tag = obj & 7;
      if (tag === Lisp_Cons) {
        // car first (depth-first, as GNU's recursion), cdr afterwards.
        const cdr = xcdr(rt, obj);
        stack.push(cdr);
        obj = xcar(rt, obj);
        continue;
      }
      if (tag === Lisp_Vectorlike) {
        const t = pvecType(rt, obj);
        const size = pvecSize(rt, obj);
        const pending: number[] = [];
        if (t === PVEC_HASH_TABLE) {
          const kv = aref(rt, obj, HT_KV);
          const n = pvecSize(rt, kv);
          for (let i = 0; i < n; i += 2) {
            const k = aref(rt, kv, i);
            if (k === Qunbound) continue;
            pending.push(k, aref(rt, kv, i + 1));
          }
        } else {
          for (let i = t === PVEC_SUB_CHAR_TABLE ? 2 : 0; i < size; i++) pending.push(aref(rt, obj, i));
        }
        for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
      }
      if (tag === Lisp_String) {
        // The values in its runs' plists can be shared too.
        const r = readRuns(rt, stringIntervals(rt, obj), schars(rt, obj));
        if (r !== null) for (let i = r.plists.length - 1; i >= 0; i--) stack.push(r.plists[i]!);
      }
      break;
    }
  }
}

function printList(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  putByte(p, 0x28);
  let i = 0;
  let tail = obj;
  let objtail = Qnil;
  // Brent's cycle detection, step for step as GNU's FOR_EACH_TAIL_SAFE.
  let tortoise = tail;
  let max = 2;
  let n = 0;
  let q = 2;
  while ((tail & 7) === Lisp_Cons) {
    if (i !== 0) {
      putByte(p, 0x20);
      if (p.circle) {
        const num = p.numberTable.get(tail);
        if (num !== undefined && num !== 0) {
          putAscii(p, '. ');
          printObj(p, tail, escape);
          putByte(p, 0x29);
          return;
        }
      }
    }
    if (p.printLength <= i) {
      putAscii(p, '...');
      putByte(p, 0x29);
      return;
    }
    i++;
    printObj(p, xcar(rt, tail), escape);
    objtail = xcdr(rt, tail);
    tail = objtail;
    q = (q - 1) & 0xffff;
    let check: boolean;
    if (q !== 0) check = true;
    else if (0 < --n) check = true;
    else {
      max *= 2;
      q = max & 0xffff;
      n = Math.floor(max / 65536);
      tortoise = tail;
      check = false;
    }
    if (check && tail === tortoise) break;
  }
  if (objtail !== Qnil) {
    putAscii(p, ' . ');
    if ((objtail & 7) === Lisp_Cons && !p.circle) putAscii(p, '#' + (i >> 1));
    else printObj(p, objtail, escape);
  }
  putByte(p, 0x29);
}

function printVectorSlots(p: Printer, obj: number, escape: boolean, start: number, open: string, close: string): void {
  const rt = p.rt;
  putAscii(p, open);
  const real = pvecSize(rt, obj) - start;
  const size = Math.min(real, p.printLength);
  for (let i = 0; i < size; i++) {
    if (i) putByte(p, 0x20);
    printObj(p, aref(rt, obj, start + i), escape);
  }
  if (size < real) putAscii(p, ' ...');
  putAscii(p, close);
}

function printBoolVector(p: Printer, obj: number): void {
  const rt = p.rt;
  const nbits = fixnumValue(aref(rt, obj, 0));
  const real = (nbits + 7) >> 3;
  const size = Math.min(real, p.printLength);
  putAscii(p, '#&' + nbits + '"');
  const base = (((obj & -8) >>> 2) + 2) << 2; // byte address of the bits (little-endian words)
  const u8 = rt.u8;
  for (let i = 0; i < size; i++) {
    const c = u8[base + i]!;
    if (c === 10 && p.escNewlines) putAscii(p, '\\n');
    else if (c === 12 && p.escNewlines) putAscii(p, '\\f');
    else if (c > 0x7f || (p.escControl && (c < 0x20 || c === 0x7f))) octalOut(p, c, i + 1 < real ? u8[base + i + 1]! : -1);
    else {
      if (c === 0x22 || c === 0x5c) putByte(p, 0x5c);
      putByte(p, c);
    }
  }
  if (size < real) putAscii(p, ' ...');
  putByte(p, 0x22);
}

function printHashTable(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  putAscii(p, '#s(hash-table size ' + pvecSize(rt, aref(rt, obj, HT_NEXT)));
  const test = aref(rt, obj, HT_TEST);
  if (test !== Qnil) {
    putAscii(p, ' test ');
    printObj(p, test, escape);
  }
  const weak = aref(rt, obj, HT_WEAK);
  if (weak !== Qnil) {
    putAscii(p, ' weakness ');
    printObj(p, weak, escape);
  }
  putAscii(p, ' rehash-size ');
  printObj(p, aref(rt, obj, HT_REHASH_SIZE), escape);
  putAscii(p, ' rehash-threshold ');
  printObj(p, aref(rt, obj, HT_REHASH_THRESHOLD), escape);
  if (aref(rt, obj, HT_PURE) !== Qnil) putAscii(p, ' purecopy t');
  putAscii(p, ' data (');
  const count = fixnumValue(aref(rt, obj, HT_COUNT));
  const limit = Math.min(count, p.printLength);
  const kv = aref(rt, obj, HT_KV);
  const n = pvecSize(rt, kv);
  let printed = 0;
  for (let i = 0; i < n && printed < limit; i += 2) {
    const k = aref(rt, kv, i);
    if (k === Qunbound) continue;
    if (printed) putByte(p, 0x20);
    printObj(p, k, escape);
    putByte(p, 0x20);
    printObj(p, aref(rt, kv, i + 1), escape);
    printed++;
  }
  if (limit < count) putAscii(p, ' ...');
  putAscii(p, '))');
}

function printObj(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  const tag = obj & 7;
  if ((tag & 3) === 2) {
    printFixnum(p, fixnumValue(obj), escape);
    return;
  }
  if (tag === Lisp_Symbol) {
    if (p.gensym && p.circle && isCircleCandidate(p, obj) && circleLabel(p, obj)) return;
    printSymbol(p, obj, escape);
    return;
  }
  if (tag === Lisp_String) {
    if (stringIntervals(rt, obj) === Qnil) {
      // GNU labels a plain string only inside a nested structure (two levels down), or
      // anywhere under continuous numbering.
      if (p.circle && (p.continuous || p.depth >= 2) && circleLabel(p, obj)) return;
      if (escape) printStringEscaped(p, obj);
      else printStringPlain(p, obj);
      return;
    }
    printPropertizedString(p, obj, escape);
    return;
  }
  if (tag === Lisp_Float) {
    putAscii(p, floatToString(rt, xfloat(rt, obj), p.floatFormat));
    return;
  }
  const type = tag === Lisp_Vectorlike ? pvecType(rt, obj) : -1;
  if (type === PVEC_BIGNUM) {
    putAscii(p, bignumValue(rt, obj).toString());
    return;
  }
  const tracked = tag === Lisp_Cons || (type >= 0 && isSlotted(type));
  if (p.circle) {
    if (isCircleCandidate(p, obj) && circleLabel(p, obj)) return;
  } else if (tracked) {
    // GNU refuses the 200th nested object (the one at depth PRINT_CIRCLE - 1).
    if (p.depth >= PRINT_CIRCLE - 1) error(rt, 'Apparently circular structure being printed');
    for (let i = 0; i < p.depth; i++)
      if (p.beingPrinted[i] === obj) {
        putAscii(p, '#' + i);
        return;
      }
    p.beingPrinted[p.depth] = obj;
  }
  if (!tracked) {
    printVectorlike(p, obj, type, escape);
    return;
  }
  // GNU's recursion is cut at PRINT_CIRCLE levels without print-circle; with it only the
  // stack limits the depth, so the printer checks the JS stack as it goes deeper.
  if (p.circle && p.depth > 64 && (p.depth & 15) === 0) {
    try {
      checkJsStack();
    } catch (e) {
      if (e instanceof JsStackExhausted) error(rt, 'Apparently circular structure being printed');
      throw e;
    }
  }
  p.depth++;
  try {
    if (tag === Lisp_Cons) printCons(p, obj, escape);
    else printVectorlike(p, obj, type, escape);
  } finally {
    p.depth--;
  }
}

/**
 * A string with intervals: it nests (its plists can hold it), so it counts for print-circle and
 * for the cycle check as a list does. prin1 prints #("TEXT" START END PLIST...) from a copy of
 * the string, as GNU does when it drops charset properties before printing: that copy merges
 * runs without properties and lists each plist's pairs in reverse.
 */
function printPropertizedString(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  if (p.circle) {
    if (circleLabel(p, obj)) return;
  } else {
    if (p.depth >= PRINT_CIRCLE) error(rt, 'Apparently circular structure being printed');
    for (let i = 0; i < p.depth; i++)
      if (p.beingPrinted[i] === obj) {
        putAscii(p, '#' + i);
        return;
      }
    p.beingPrinted[p.depth] = obj;
  }
  if (!escape) {
    printStringPlain(p, obj);
    return;
  }
  const n = schars(rt, obj);
  const runs = readRuns(rt, stringIntervals(rt, obj), n);
  const mode = findSymbolValue(rt, Qprint_charset_text_property);
  // As GNU: the string's own intervals when every charset property is to be shown, else a copy
  // (whose plists come out with their pairs reversed) with the charset properties taken off.
  let copy: Runs | null;
  if (mode === Qt || (mode !== Qnil && runs !== null && misleadingCharset(rt, obj, runs))) copy = runs;
  else {
    copy = copyRanges(rt, propertyRanges(runs, 0, n), null, n, 0);
    if (copy !== null) for (let i = 0; i < copy.plists.length; i++) copy.plists[i] = withoutCharset(rt, copy.plists[i]!);
  }
  let props = false;
  if (copy !== null) for (const pl of copy.plists) if (pl !== Qnil) props = true;
  if (!props) {
    printStringEscaped(p, obj);
    return;
  }
  putAscii(p, '#(');
  printStringEscaped(p, obj);
  p.depth++;
  try {
    for (let i = 0; i < copy!.starts.length; i++) {
      const pl = copy!.plists[i]!;
      if (pl === Qnil) continue;
      putAscii(p, ' ' + copy!.starts[i] + ' ' + runEnd(copy!, i) + ' ');
      printObj(p, pl, escape);
    }
  } finally {
    p.depth--;
  }
  putByte(p, 0x29);
}

const Qcharset_prop = DEFSYM('charset');
const Qchar_charset = DEFSYM('char-charset');

/**
 * Whether some run of STR has a `charset' property other than the charset `char-charset' gives
 * for a non-ASCII character of that run (ASCII characters never count): then GNU prints all the
 * string's properties as they are.
 */
function misleadingCharset(rt: Runtime, str: number, runs: Runs): boolean {
  const u8 = rt.u8;
  const mb = stringMultibyte(rt, str);
  // One cursor (character POS at byte offset AT of the data) for all runs: they come in order.
  let at = 0;
  let pos = 0;
  for (let i = 0; i < runs.starts.length; i++) {
    let named = Qunbound;
    for (let t = runs.plists[i]!; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t)))
      if (xcar(rt, t) === Qcharset_prop) {
        named = xcar(rt, xcdr(rt, t));
        break;
      }
    if (named === Qunbound) continue;
    // The data's address is read again after each call of char-charset, which is Lisp.
    let a = sdata(rt, str);
    const from = runs.starts[i]!;
    const to = runEnd(runs, i);
    for (; pos < from; pos++) at += mb ? charLenAt(u8[a + at]!) : 1;
    for (; pos < to; pos++) {
      const c = mb ? readChar(u8, a + at) : u8[a + at]! < 0x80 ? u8[a + at]! : u8[a + at]! + BYTE8_BASE;
      at += mb ? charLenAt(u8[a + at]!) : 1;
      if (c < 0x80) continue;
      if (call1(rt, Qchar_charset, makeFixnum(c)) !== named) return true;
      a = sdata(rt, str);
    }
  }
  return false;
}

/** PLIST with every `charset' pair left out, in its order (PLIST itself when it has none). */
function withoutCharset(rt: Runtime, plist: number): number {
  let has = false;
  for (let t = plist; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t)))
    if (xcar(rt, t) === Qcharset_prop) has = true;
  if (!has) return plist;
  const kept: number[] = [];
  for (let t = plist; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t)))
    if (xcar(rt, t) !== Qcharset_prop) kept.push(xcar(rt, t), xcar(rt, xcdr(rt, t)));
  let out = Qnil;
  for (let k = kept.length - 1; k >= 0; k--) out = cons(rt, kept[k]!, out);
  return out;
}

/** With print-circle: print #N# and return true if OBJ was printed already, or emit #N= before its first printing. */
function circleLabel(p: Printer, obj: number): boolean {
  const num = p.numberTable.get(obj);
  if (num === undefined || num === 0) return false;
  if (num < 0) {
    putAscii(p, '#' + -num + '=');
    p.numberTable.set(obj, -num);
    return false;
  }
  putAscii(p, '#' + num + '#');
  return true;
}

function printCons(p: Printer, obj: number, escape: boolean): void {
  const rt = p.rt;
  if (p.depth > p.printLevel) {
    putAscii(p, '...');
    return;
  }
  const head = xcar(rt, obj);
  const rest = xcdr(rt, obj);
  if (p.quoted && (rest & 7) === Lisp_Cons && xcdr(rt, rest) === Qnil) {
    if (head === Qquote) {
      putByte(p, 0x27);
      printObj(p, xcar(rt, rest), escape);
      return;
    }
    if (head === Qfunction) {
      putAscii(p, "#'");
      printObj(p, xcar(rt, rest), escape);
      return;
    }
    if (head === Qbackquote) {
      putByte(p, 0x60);
      p.newBackquoteOutput++;
      try {
        printObj(p, xcar(rt, rest), escape);
      } finally {
        p.newBackquoteOutput--;
      }
      return;
    }
    if ((head === Qcomma || head === Qcomma_at) && p.newBackquoteOutput) {
      printObj(p, head, false);
      p.newBackquoteOutput--;
      try {
        printObj(p, xcar(rt, rest), escape);
      } finally {
        p.newBackquoteOutput++;
      }
      return;
    }
  }
  printList(p, obj, escape);
}

function printVectorlike(p: Printer, obj: number, type: number, escape: boolean): void {
  const rt = p.rt;
  switch (type) {
    case PVEC_NORMAL_VECTOR:
      printVectorSlots(p, obj, escape, 0, '[', ']');
      return;
    case PVEC_RECORD:
      printVectorSlots(p, obj, escape, 0, '#s(', ')');
      return;
    case PVEC_COMPILED:
      printVectorSlots(p, obj, escape, 0, '#[', ']');
      return;
    case PVEC_CHAR_TABLE:
      printVectorSlots(p, obj, escape, 0, '#^[', ']');
      return;
    case PVEC_SUB_CHAR_TABLE: {
      const d = fixnumValue(aref(rt, obj, SUB_CHARTAB_DEPTH));
      if (d === 3) putByte(p, 10);
      putAscii(p, '#^^[' + d + ' ' + fixnumValue(aref(rt, obj, SUB_CHARTAB_MIN_CHAR)));
      const real = pvecSize(rt, obj) - 2;
      const size = Math.min(real, p.printLength);
      for (let i = 0; i < size; i++) {
        putByte(p, 0x20);
        printObj(p, aref(rt, obj, 2 + i), escape);
      }
      if (size < real) putAscii(p, ' ...');
      putByte(p, 0x5d);
      return;
    }
    case PVEC_HASH_TABLE:
      printHashTable(p, obj, escape);
      return;
    case PVEC_BOOL_VECTOR:
      printBoolVector(p, obj);
      return;
    case PVEC_SUBR:
      putAscii(p, '#<subr ');
      printSymbol(p, aref(rt, obj, SUBR_NAME), false);
      putByte(p, 0x3e);
      return;
    case PVEC_FINALIZER:
      // A finalizer whose function has run (or was nil) is "used", as GNU prints it.
      putAscii(p, aref(rt, obj, 0) === Qnil ? '#<finalizer used>' : '#<finalizer>');
      return;
    case PVEC_USER_PTR:
      putAscii(p, '#<user-ptr ptr=0x' + fixnumValue(aref(rt, obj, 0)).toString(16) + ' finalizer=(nil)>');
      return;
  }
  const printer = pvecPrinters.get(type);
  if (printer) {
    printer(rt, obj, escape, { ascii: (str) => putAscii(p, str), object: (x) => printObj(p, x, escape), text: (x) => printObj(p, x, false) });
    return;
  }
  putAscii(p, '#<vectorlike type ' + type + '>');
}

// ---- entry points --------------------------------------------------------------------

/** Render OBJ into the printer's buffer (settings for destination D): leaves p.buf, p.blen, p.bchars. */
function render(p: Printer, obj: number, escape: boolean, d: number): void {
  setup(p, d);
  p.blen = 0;
  p.bchars = 0;
  renderMore(p, obj, escape);
}

function renderMore(p: Printer, obj: number, escape: boolean): void {
  if (!p.circle) {
    printObj(p, obj, escape);
    return;
  }
  p.numberTable = new Map();
  p.numberIndex = 0;
  const table = loadNumberTable(p);
  try {
    preprocess(p, obj);
    printObj(p, obj, escape);
    saveNumberTable(p, table);
  } finally {
    p.numberTable = new Map();
  }
}

/**
 * The Lisp table behind print-number-table. Under continuous numbering it is the variable's
 * hash table if it holds one, whose labels are taken up again (numbering goes on after the
 * highest); otherwise a new eq table is put in the variable, as GNU does.
 */
function loadNumberTable(p: Printer): number {
  const rt = p.rt;
  let table = varValue(rt, Qprint_number_table);
  if (!p.continuous || (table & 7) !== Lisp_Vectorlike || pvecType(rt, table) !== PVEC_HASH_TABLE) {
    table = makeHashTableFn(rt, [QCtest, Qeq]);
    setInternal(rt, Qprint_number_table, table);
    return table;
  }
  hashTableForEach(rt, table, (key, value) => {
    if (!isFixnum(value) || value === makeFixnum(0)) return;
    const n = fixnumValue(value);
    p.numberTable.set(key, n);
    p.numberIndex = Math.max(p.numberIndex, Math.abs(n));
  });
  return table;
}

/**
 * After a print under print-circle, TABLE keeps the labelled objects, as in GNU. GNU enters
 * every object of the sharing walk in the table and then drops those seen once; with a table
 * that lives on (continuous numbering) the slots those free decide where the next print's
 * entries go, and so the table's order, which this reproduces by doing the same.
 */
function saveNumberTable(p: Printer, table: number): void {
  const rt = p.rt;
  if (!p.continuous) {
    for (const [key, n] of p.numberTable) if (n !== 0) hashPut(rt, table, key, makeFixnum(n));
    return;
  }
  for (const [key, n] of p.numberTable) hashPut(rt, table, key, n === 0 ? Qt : makeFixnum(n));
  const seenOnce: number[] = [];
  hashTableForEach(rt, table, (key, value) => {
    if (value === Qt) seenOnce.push(key);
  });
  for (const key of seenOnce) hashRemove(rt, table, key);
}

/** The printed representation of OBJ in internal encoding, as prin1-to-string would make it. */
export function printObject(rt: Runtime, obj: number, escape: boolean): { bytes: Uint8Array; nchars: number; multibyte: boolean } {
  const p = printerOf(rt);
  render(p, obj, escape, DEST_BUFFER);
  return { bytes: p.buf.slice(0, p.blen), nchars: p.bchars, multibyte: p.blen !== p.bchars };
}

function bufferToString(p: Printer): number {
  const rt = p.rt;
  return makeStringFromBytes(rt, p.buf.subarray(0, p.blen), p.bchars, p.blen !== p.bchars);
}

/** GNU's Fprin1_to_string: a Lisp string. */
export function prin1ToString(rt: Runtime, obj: number, escape: boolean): number {
  const p = printerOf(rt);
  render(p, obj, escape, DEST_BUFFER);
  return bufferToString(p);
}

/** The printed representation as a JS string (for tests and the CLI). */
export function prin1ToJs(rt: Runtime, obj: number, escape = true): string {
  const p = printerOf(rt);
  render(p, obj, escape, DEST_BUFFER);
  let r = '';
  for (let i = 0; i < p.blen; ) {
    const c = readChar(p.buf, i);
    i += charLenAt(p.buf[i]!);
    r += c <= 0x10ffff ? String.fromCodePoint(c) : '\ufffd';
  }
  return r;
}

/** Write internal-encoded bytes to stdout as GNU batch mode does (the bytes as they are). */
export function writeToStdout(rt: Runtime, bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  rt.host.write(1, bytes);
  rt.lastStdoutByte = bytes[bytes.length - 1]!;
  rt.stderrNeedsNewline = true;
}

/** Before a batch-mode message on stderr: GNU first ends any line left by output to stdout. */
export function beginStderrMessage(rt: Runtime): void {
  if (rt.stderrNeedsNewline) {
    rt.stderrNeedsNewline = false;
    rt.host.write(2, Uint8Array.of(10));
  }
}

/** Write internal-encoded bytes to stderr, encoded as UTF-8 with raw bytes as themselves. */
export function writeToStderr(rt: Runtime, bytes: Uint8Array, multibyte = true): void {
  if (bytes.length === 0) return;
  rt.host.write(2, internalToExternal(bytes, multibyte));
}

type BufferInserter = (rt: Runtime, dest: number, bytes: Uint8Array, nchars: number) => boolean;
let bufferInserter: BufferInserter | null = null;
/** Let the buffer module accept printed text for a buffer or marker printcharfun (returns false if DEST is not one). */
export function registerBufferPrinter(fn: BufferInserter, atLineStart: (rt: Runtime, dest: number) => boolean): void {
  bufferInserter = fn;
  bufferAtLineStart = atLineStart;
}
/** Whether output to a buffer or marker DEST would start a line (`terpri' with ENSURE). */
let bufferAtLineStart: ((rt: Runtime, dest: number) => boolean) | null = null;

/** Resolve PRINTCHARFUN as GNU's print_prepare: the destination kind for rendering. */
function destOf(rt: Runtime, pcf: number): { d: number; fn: number } {
  if (pcf === Qnil) pcf = varValue(rt, Qstandard_output);
  if (pcf === Qnil || pcf === Qt) return { d: DEST_STDOUT, fn: Qt };
  if ((pcf & 7) === Lisp_Vectorlike && bufferInserter) return { d: DEST_BUFFER, fn: pcf };
  return { d: DEST_FUNCTION, fn: pcf };
}

/** Send what is in the printer's buffer to the destination. */
function deliver(p: Printer, d: { d: number; fn: number }): void {
  const rt = p.rt;
  if (d.d === DEST_STDOUT) {
    writeToStdout(rt, p.buf.subarray(0, p.blen));
    return;
  }
  const bytes = p.buf.slice(0, p.blen);
  const nchars = p.bchars;
  if (d.fn === Qexternal_debugging_output) {
    writeToStderr(rt, bytes);
    return;
  }
  if (d.d === DEST_BUFFER && bufferInserter && bufferInserter(rt, d.fn, bytes, nchars)) return;
  const sp = rt.sp;
  rt.push(d.fn);
  try {
    for (let i = 0; i < bytes.length; ) {
      const c = readChar(bytes, i);
      i += charLenAt(bytes[i]!);
      call1(rt, d.fn, makeFixnum(c));
    }
  } finally {
    rt.sp = sp;
  }
}

function printTo(rt: Runtime, obj: number, escape: boolean, pcf: number, before: string, after: string): void {
  const d = destOf(rt, pcf);
  const p = printerOf(rt);
  setup(p, d.d);
  p.blen = 0;
  p.bchars = 0;
  putAscii(p, before);
  renderMore(p, obj, escape);
  putAscii(p, after);
  if (d.d === DEST_STDOUT && p.blen > 0) {
    // GNU writes a top-level number, and a string given to princ, in one piece that leaves
    // the character `terpri' looks at alone; everything else goes character by character.
    const tag = obj & 7;
    const number = (tag & 3) === 2 || tag === Lisp_Float || (tag === Lisp_Vectorlike && pvecType(rt, obj) === PVEC_BIGNUM);
    if (after !== '' || !(number || (!escape && tag === Lisp_String))) p.lastPrintchar = p.buf[p.blen - 1]!;
  }
  deliver(p, d);
}

DEFUN('prin1', 1, 2, 'Write OBJECT to PRINTCHARFUN (by default `standard-output\') in the syntax that `read\' accepts back.',
  (rt, object: number, printcharfun: number) => {
    printTo(rt, object, true, printcharfun, '', '');
    return object;
  });

DEFUN('princ', 1, 2, 'Write OBJECT to PRINTCHARFUN (by default `standard-output\') for people to read: strings and symbols without quotes or escapes.',
  (rt, object: number, printcharfun: number) => {
    printTo(rt, object, false, printcharfun, '', '');
    return object;
  });

DEFUN('print', 1, 2, 'Write a newline, then OBJECT as `prin1\' does, then another newline, to PRINTCHARFUN.',
  (rt, object: number, printcharfun: number) => {
    printTo(rt, object, true, printcharfun, '\n', '\n');
    return object;
  });

DEFUN('prin1-to-string', 1, 2, 'Give as a string what `prin1\' would write for OBJECT, or what `princ\' would when NOESCAPE is non-nil.',
  (rt, object: number, noescape: number) => prin1ToString(rt, object, noescape === Qnil));


/** GNU's signal_error: (error MSG . ARG) when ARG is a proper list, else (error MSG ARG). */
function signalError(rt: Runtime, msg: string, arg: number): never {
  let hare = arg;
  let tortoise = arg;
  while (consp(hare)) {
    hare = xcdr(rt, hare);
    if (!consp(hare)) break;
    hare = xcdr(rt, hare);
    tortoise = xcdr(rt, tortoise);
    if (hare === tortoise) break;
  }
  return xsignal(Qerror, cons(rt, makeString(rt, msg), hare === Qnil ? arg : list(rt, arg)));
}

DEFUN('terpri', 0, 2, 'Write a newline to PRINTCHARFUN; with ENSURE non-nil, only when output is not already at the start of a line.',
  (rt, printcharfun: number, ensure: number) => {
    const d = destOf(rt, printcharfun);
    let val = Qt;
    if (ensure !== Qnil) {
      if (d.d === DEST_FUNCTION) signalError(rt, 'Unsupported function argument', d.fn);
      if (d.d === DEST_STDOUT) val = printerOf(rt).lastPrintchar === 10 ? Qnil : Qt;
      else if (d.d === DEST_BUFFER && bufferAtLineStart && bufferAtLineStart(rt, d.fn)) val = Qnil;
    }
    if (val !== Qnil) {
      const p = printerOf(rt);
      setup(p, d.d);
      p.blen = 0;
      p.bchars = 0;
      putByte(p, 10);
      if (d.d === DEST_STDOUT) p.lastPrintchar = 10;
      deliver(p, d);
    }
    return val;
  });


DEFUN('write-char', 1, 2, 'Write CHARACTER to PRINTCHARFUN (by default `standard-output\') and give CHARACTER.',
  (rt, character: number, printcharfun: number) => {
    if (!isFixnum(character)) wrongTypeArgument(rt, Qfixnump, character);
    const d = destOf(rt, printcharfun);
    const p = printerOf(rt);
    setup(p, d.d);
    p.blen = 0;
    p.bchars = 0;
    putChar(p, fixnumValue(character));
    if (d.d === DEST_STDOUT) p.lastPrintchar = fixnumValue(character);
    deliver(p, d);
    return character;
  });

DEFUN('external-debugging-output', 1, 1, 'Write CHARACTER to standard error, a stream meant for debugging.',
  (rt, character: number) => {
    if (!isFixnum(character)) wrongTypeArgument(rt, Qfixnump, character);
    const c = fixnumValue(character);
    const tmp = new Uint8Array(5);
    const n = writeChar(tmp, 0, c >>> 0 > 0x3fffff ? 0xfffd : c);
    writeToStderr(rt, tmp.subarray(0, n));
    return character;
  });

// ---- error messages ------------------------------------------------------------------

/** Curve the quotes of a message as substitute-command-keys does with the default text-quoting-style. */
function curveQuotes(rt: Runtime, s: number): number {
  const style = varValue(rt, Qtext_quoting_style);
  if (style === Qgrave) return s;
  const u8 = rt.u8;
  const a = sdata(rt, s);
  const n = sbytes(rt, s);
  let found = false;
  for (let i = 0; i < n; i++) if (u8[a + i] === 0x60 || u8[a + i] === 0x27) found = true;
  if (!found) return s;
  const mb = stringMultibyte(rt, s);
  const out: number[] = [];
  for (let i = 0; i < n; ) {
    let c: number;
    if (mb) {
      c = readChar(u8, a + i);
      i += charLenAt(u8[a + i]!);
    } else c = u8[a + i++]!;
    if (c === 0x60) out.push(style === Qstraight ? 0x27 : 0x2018);
    else if (c === 0x27) out.push(style === Qstraight ? 0x27 : 0x2019);
    else if (!mb && c >= 0x80) out.push(c + BYTE8_BASE);
    else out.push(c);
  }
  const tmp = new Uint8Array(out.length * 5);
  let p = 0;
  for (const c of out) p += writeChar(tmp, p, c);
  return makeStringFromBytes(rt, tmp.subarray(0, p), out.length, p !== out.length);
}


/** The error message text of (ERROR-SYMBOL . DATA) as GNU's print_error_message would insert it. */
export function errorMessageString(rt: Runtime, errorSymbol: number, data: number): number {
  const sp = rt.sp;
  rt.push(errorSymbol);
  rt.push(data);
  try {
    return errorMessageObj(rt, cons(rt, errorSymbol, data));
  } finally {
    rt.sp = sp;
  }
}

function errorMessageObj(rt: Runtime, obj: number): number {
  if (consp(obj) && xcar(rt, obj) === Qerror) {
    const r = xcdr(rt, obj);
    if (consp(r) && (xcar(rt, r) & 7) === Lisp_String && xcdr(rt, r) === Qnil) return xcar(rt, r);
  }
  if (!listp(obj)) wrongTypeArgument(rt, Qlistp, obj);
  const errname = obj === Qnil ? Qnil : xcar(rt, obj);
  let data = obj;
  let errmsg: number;
  let fileError = false;
  if (errname === Qerror) {
    data = xcdr(rt, obj);
    if (!consp(data)) data = Qnil;
    errmsg = data === Qnil ? Qnil : xcar(rt, data);
  } else {
    if ((errname & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, errname);
    const conds = getProp(rt, errname, Qerror_conditions);
    errmsg = getProp(rt, errname, Qerror_message);
    const sp = rt.sp;
    rt.push(obj);
    rt.push(errmsg);
    try {
      if (symbolFunction(rt, Qsubstitute_command_keys) !== Qnil) {
        // Any error here is ignored, as under a condition-case catching everything.
        const catchAll = list(rt, list(rt, Qt));
        rt.push(catchAll);
        const nhandlers = rt.handlerSpecs.length;
        const nframes = rt.nframes;
        rt.handlerSpecs.push(catchAll);
        try {
          const subs = call1(rt, Qsubstitute_command_keys, errmsg);
          if (subs !== Qnil) errmsg = subs;
        } catch (e) {
          if (!(e instanceof LispSignal)) throw e;
          rt.nframes = nframes;
        } finally {
          rt.handlerSpecs.length = nhandlers;
        }
      } else if ((errmsg & 7) === Lisp_String) errmsg = curveQuotes(rt, errmsg);
    } finally {
      rt.sp = sp;
    }
    // A circular error-conditions list ends in circular-list, as memq would.
    const walk = new TailWalker();
    walk.reset(conds);
    for (let c = conds; consp(c);) {
      if (xcar(rt, c) === Qfile_error) {
        fileError = true;
        break;
      }
      c = xcdr(rt, c);
      if (walk.step(c)) xsignal1(rt, Qcircular_list, conds);
    }
  }
  let tail = consp(data) ? xcdr(rt, data) : Qnil;
  if (fileError && consp(tail)) {
    errmsg = xcar(rt, tail);
    tail = xcdr(rt, tail);
  }
  // Everything below renders without calling Lisp.
  const p = printerOf(rt);
  setup(p, DEST_BUFFER);
  p.blen = 0;
  p.bchars = 0;
  let sep: string | null = ': ';
  if ((errmsg & 7) !== Lisp_String) putAscii(p, 'peculiar error');
  else if (schars(rt, errmsg)) printObj(p, errmsg, false);
  else sep = null;
  const princData = fileError || errname === Qend_of_file || errname === Quser_error;
  // Circular data ends in circular-list (with the tail where the cycle was seen, as GNU's
  // FOR_EACH_TAIL reports it) instead of printing without end.
  const walk = new TailWalker();
  walk.reset(tail);
  for (; consp(tail);) {
    if (sep) putAscii(p, sep);
    sep = ', ';
    const x = xcar(rt, tail);
    if (p.circle) {
      p.numberTable = new Map();
      p.numberIndex = 0;
      preprocess(p, x);
    }
    printObj(p, x, !princData);
    tail = xcdr(rt, tail);
    if (walk.step(tail)) {
      p.numberTable = new Map();
      xsignal1(rt, Qcircular_list, tail);
    }
  }
  p.numberTable = new Map();
  return bufferToString(p);
}

DEFUN('error-message-string', 1, 1, 'Give the message that the error OBJ, of the form (ERROR-SYMBOL . DATA), would show.',
  (rt, obj: number) => errorMessageObj(rt, obj));

export { Qstandard_output, Qexternal_debugging_output };

// ---- batch backtraces ---------------------------------------------------------------------------
//
// In batch, GNU reports an uncaught error through debug.el: a header and one
// line per frame, printed by backtrace.el with cl-prin1 under
// cl-print-to-string-with-limit. This reproduces that output: strings and
// lists longer than print-length end in "...", nesting beyond print-level
// prints "...", and a line that comes out too long is printed again with
// smaller limits.

const Qcomma_dot = DEFSYM(',.');
/** debug.el's debugger-batch-max-lines. */
const BATCH_MAX_LINES = 40;
/** backtrace.el's backtrace-line-length. */
const LINE_LENGTH = 5000;

interface ClPrint {
  out: string;
  length: number | null;
  level: number | null;
  /** Objects being printed, outermost first (cl-print--currently-printing reversed). */
  printing: number[];
  /** Stop once `out' is longer than this many code units (see clPrintWithLimit). */
  budget: number;
  /** print-quoted: quote forms in their short syntax. */
  quoted: boolean;
}

/** Thrown when a cl-print attempt has produced more than its budget. */
const OVER_BUDGET = { overBudget: true };

const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

/** The first N characters of string S followed by "...", as a Lisp string. */
function truncatedString(rt: Runtime, s: number, n: number): number {
  const a = sdata(rt, s);
  const mb = stringMultibyte(rt, s);
  let e = a;
  for (let i = 0; i < n; i++) e += mb ? charLenAt(rt.u8[e]!) : 1;
  const bytes = new Uint8Array(e - a + 3);
  bytes.set(rt.u8.subarray(a, e));
  bytes.set([46, 46, 46], e - a);
  return makeStringFromBytes(rt, bytes, n + 3, mb);
}

/** cl-print-object at DEPTH (1 for the outermost object). */
function clPrintObject(rt: Runtime, obj: number, depth: number, st: ClPrint): void {
  if (st.out.length > st.budget) throw OVER_BUDGET;
  const tag = obj & 7;
  const container = tag === Lisp_Cons || (tag === Lisp_Vectorlike && pvecType(rt, obj) === PVEC_NORMAL_VECTOR);
  if (container) {
    for (let i = st.printing.length - 1; i >= 0; i--) {
      if (st.printing[i] === obj) {
        st.out += '#' + i;
        return;
      }
    }
  }
  const mark = st.printing.length;
  st.printing.push(obj);
  if (tag === Lisp_Cons) clPrintCons(rt, obj, depth, st);
  else if (container) {
    if (st.level !== null && depth > st.level) st.out += '...';
    else {
      const len = pvecSize(rt, obj);
      const limit = st.length === null ? len : Math.min(st.length, len);
      st.out += '[';
      for (let i = 0; i < limit; i++) {
        if (i) st.out += ' ';
        clPrintObject(rt, aref(rt, obj, i), depth + 1, st);
      }
      if (limit < len) st.out += ' ...';
      st.out += ']';
    }
  } else if (tag === Lisp_String) {
    const len = schars(rt, obj);
    const limit = st.length === null ? len : Math.min(st.length, len);
    st.out += prin1ToJs(rt, limit === len ? obj : truncatedString(rt, obj, limit), true);
  } else if (tag === Lisp_Vectorlike) {
    // Other objects go to the C printer, which honours print-length and print-level itself.
    const count = rt.specCount;
    specbind(rt, Qprint_length, st.length === null ? Qnil : makeFixnum(st.length));
    specbind(rt, Qprint_level, st.level === null ? Qnil : makeFixnum(st.level));
    st.out += prin1ToJs(rt, obj, true);
    unbindTo(rt, count);
  } else st.out += prin1ToJs(rt, obj, true);
  st.printing.length = mark;
}

function clPrintCons(rt: Runtime, obj: number, depth: number, st: ClPrint): void {
  if (st.level !== null && depth > st.level) {
    st.out += '...';
    return;
  }
  const car = xcar(rt, obj);
  let rest = xcdr(rt, obj);
  if (
    st.quoted && (car === Qquote || car === Qfunction || car === Qbackquote || car === Qcomma || car === Qcomma_at || car === Qcomma_dot) &&
    consp(rest) && xcdr(rt, rest) === Qnil
  ) {
    st.out += car === Qquote ? "'" : car === Qfunction ? "#'" : prin1ToJs(rt, car, false);
    clPrintObject(rt, xcar(rt, rest), depth + 1, st);
    return;
  }
  st.out += '(';
  clPrintObject(rt, car, depth + 1, st);
  let count = 1;
  while (consp(rest) && !st.printing.includes(rest)) {
    st.printing.push(rest);
    st.out += ' ';
    if (st.length === null || st.length > count) {
      clPrintObject(rt, xcar(rt, rest), depth + 1, st);
      rest = xcdr(rt, rest);
    } else {
      st.out += '...';
      rest = Qnil;
    }
    count++;
  }
  if (rest !== Qnil) {
    st.out += ' . ';
    clPrintObject(rt, rest, depth + 1, st);
  }
  st.out += ')';
}

/** cl-prin1 with the current print-length and print-level. */
function clPrin1(rt: Runtime, obj: number): string {
  const pl = varValue(rt, Qprint_length);
  const lv = varValue(rt, Qprint_level);
  const st: ClPrint = {
    out: '', printing: [], budget: Infinity, quoted: varValue(rt, Qprint_quoted) !== Qnil,
    length: isFixnum(pl) && fixnumValue(pl) >= 0 ? fixnumValue(pl) : null,
    level: isFixnum(lv) && fixnumValue(lv) >= 0 ? fixnumValue(lv) : null,
  };
  clPrintObject(rt, obj, 1, st);
  return st.out;
}

/** cl-print-to-string-with-limit with cl-prin1: shrink print-length and print-level until it fits LIMIT. */
function clPrintWithLimit(rt: Runtime, obj: number, limit: number): string {
  const quoted = varValue(rt, Qprint_quoted) !== Qnil;
  let length = Math.min(limit, 50);
  let level = Math.min(8, Math.trunc(Math.log(limit)));
  const deltaLength = Math.max(1, Math.trunc(length / level));
  for (;;) {
    // Shared structure can make a print exponentially long even within these limits (a list
    // whose car and cdr are the same list, thousands deep). An attempt that would be retried at
    // the next levels anyway stops early: past 2 * LIMIT * (LEVEL - 1) code units the result is
    // at least LIMIT * (LEVEL - 1) characters, which gives the same next step as the whole text.
    const budget = level > 2 ? 2 * limit * (level - 1) : Infinity;
    const st: ClPrint = { out: '', length, level, printing: [], budget, quoted };
    try {
      clPrintObject(rt, obj, 1, st);
    } catch (e) {
      if (e !== OVER_BUDGET) throw e;
    }
    const result = codePoints(st.out);
    if (result < limit || level <= 2) return st.out;
    const deltaLevel = Math.max(1, Math.min(level - 2, Math.trunc(result / limit)));
    level -= deltaLevel;
    length -= deltaLength * deltaLevel;
  }
}

/** One backtrace line without its indentation, as backtrace--print-func-and-args prints it. */
function backtraceFrameText(rt: Runtime, evald: boolean, fun: number, args: number): string {
  if (!evald) return clPrintWithLimit(rt, cons(rt, fun, args), LINE_LENGTH);
  const f = consp(fun) ? clPrintWithLimit(rt, fun, args !== Qnil ? LINE_LENGTH / 2 : LINE_LENGTH) : clPrin1(rt, fun);
  if (args === Qnil) return f + '()';
  return f + clPrintWithLimit(rt, args, Math.max(Math.trunc(LINE_LENGTH / 5), LINE_LENGTH - codePoints(f)));
}

/**
 * The text GNU's batch debugger writes to stderr for an uncaught error:
 * "Debugger entered--Lisp error: ERRVAL", then FRAMES (innermost first, each
 * [evald, function, args]), the middle cut out beyond 40 lines, and the
 * newline `message' adds.
 */
export function batchBacktraceText(rt: Runtime, errval: number, frames: [boolean, number, number][]): string {
  return batchDebuggerText(rt, 'Debugger entered--Lisp error: ', errval, frames);
}

/**
 * What the function `debug' writes in batch: HEADER, then VALUE printed as the frames are
 * (unless null), then FRAMES as batchBacktraceText does.
 */
/**
 * What the function `backtrace' prints: FRAMES, innermost first, one line each as the batch
 * debugger writes them, every one of them (no lines cut out of the middle).
 */
export function backtraceLinesText(rt: Runtime, frames: [boolean, number, number, boolean?][]): string {
  const count = rt.specCount;
  specbind(rt, Qprint_escape_control_characters, Qt);
  specbind(rt, Qprint_escape_newlines, Qt);
  specbind(rt, Qprint_circle, Qnil);
  specbind(rt, Qprint_gensym, Qnil);
  try {
    return frames.map(([evald, fun, args, onExit]) => (onExit ? '* ' : '  ') + backtraceFrameText(rt, evald, fun, args) + '\n').join('');
  } finally {
    unbindTo(rt, count);
  }
}

export function batchDebuggerText(rt: Runtime, header: string, value: number | null, frames: [boolean, number, number, boolean?][]): string {
  const count = rt.specCount;
  specbind(rt, Qprint_escape_control_characters, Qt);
  specbind(rt, Qprint_escape_newlines, Qt);
  specbind(rt, Qprint_circle, Qnil);
  specbind(rt, Qprint_gensym, Qnil);
  const lines: string[] = [];
  try {
    lines.push(value === null ? header : header + clPrintWithLimit(rt, value, LINE_LENGTH));
    // A frame that enters the debugger again when it returns is marked with a star, as in GNU.
    for (const [evald, fun, args, onExit] of frames) lines.push((onExit ? '* ' : '  ') + backtraceFrameText(rt, evald, fun, args));
  } finally {
    unbindTo(rt, count);
  }
  if (lines.length > BATCH_MAX_LINES) {
    const half = BATCH_MAX_LINES / 2;
    lines.splice(half, lines.length - 2 * half, '...');
  }
  return lines.join('\n') + '\n\n';
}
