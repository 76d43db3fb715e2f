// String formatting and the buffer-free helpers of GNU editfns.c: format, format-message, message, char-to-string...
//
// `format' gathers the result as character codes (raw bytes as their
// 0x3FFF80.. characters) and encodes them once at the end, unibyte when
// nothing multibyte took part, as GNU's styled_format does.

import { BYTE8_BASE, MAX_5_BYTE_CHAR, charBytes, charLenAt, readChar, writeChar } from '../core/character.ts';
import {
  allocString, bignumValue, bignump, floatp, makeString, makeStringFromBytes, makeUnibyteString, list, sbytes, schars,
  sdata, setStringIntervals, stringIntervals, stringMultibyte, stringp, symbolName, symbolp, xfloat,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { DEFSYM, Qnil, Qstringp, Qcharacterp, Qt as DEFSYM_t, Qt, Qunbound } from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { Lisp_Float, Lisp_String, Lisp_Symbol, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { findSymbolValue, funcall, indirectFunction, progn, setInternal, signalMemoryFull, specbind, unbindTo, unwindProtect } from "./eval.ts";
import { copyRanges, propertyRanges, readRuns, writeRuns, type PropRange, type Runs } from './intervals.ts';
import {
  BUF_MARKERS, BUF_MODIFF, BUF_OVERLAYS, BUF_SAVE_MODIFF, MARKER_BYTEPOS, MARKER_CHARPOS, BUF_BEGV, BUF_BEGV_BYTE, BUF_GPT, BUF_GPT_BYTE, BUF_MARK, BUF_MULTIBYTE, BUF_PT, BUF_PT_BYTE, BUF_Z, BUF_ZV, BUF_ZV_BYTE, BUF_Z_BYTE,
} from '../heap/layout.ts';
import {
  bint, bslot, setBslot, bufferLive, bufferp, byteAddr, currentBuffer, getBuffer, gapSize, markerp, saveCurrentBuffer, setBint,
  setCurrentBuffer, textBase,
} from './buffer.ts';
import { readFromHeapBytes, registerStreamReader } from './lread.ts';
import { bufferSubstring, bumpModiff, deleteRange, insertString, moveGap, overlayHooks, replaceCharRaw, prepareToModify, signalAfterChange, validateRegion } from './insdel.ts';
import { recordChange, recordDelete, recordInsert, recordPointEntry } from './undo.ts';
import { LispSignal } from '../core/signal.ts';
import {
  attachMarker, byteToChar, charAtByte, charToByte, forgetPositionCache, makeMarkerAt, markerBuffer, markerCharpos, positionValue,
  unchainMarker,
} from './marker.ts';
import { UNEVALLED } from '../core/subr.ts';
import { cons as consL, consp, isPvec, safeIntegerValue, xcar, xcdr } from '../core/object.ts';
import { PVEC_BIGNUM, STR_INTERVALS } from '../heap/layout.ts';
import { currentCaseMaps, downcaseIn } from './casetab.ts';
import { charTableP, charTableRef } from './chartab.ts';
import { beginStderrMessage, cFloatBody, prin1ToString, writeToStderr } from './print.ts';

// GNU defines this in doc.c; nil means curved quotes when the terminal can show them.
const Qtext_quoting_style = DEFVAR('text-quoting-style', () => Qnil, 'How quotes are shown in messages and help: `curve\', `straight\' or `grave\'; nil means curved.');
const Qstraight = DEFSYM('straight');
const Qgrave = DEFSYM('grave');
const Qoverflow_error = DEFSYM('overflow-error');

/** Display columns of character c, as GNU's char_width with the standard char-width-table. */
export function charWidth(c: number): number {
  if (c < 0x20) return c === 9 ? 8 : c === 10 ? 0 : 2;
  if (c < 0x7f) return 1;
  if (c < 0xa0) return c === 0x7f ? 2 : 4;
  if (c > MAX_5_BYTE_CHAR) return 4;
  if (c < 0x300) return 1;
  if (c > 0x10ffff) return 1;
  if (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x2fffd) || (c >= 0x30000 && c <= 0x3fffd)
  )
    return 2;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x1160 && c <= 0x11ff) || (ZERO_WIDTH ??= /[\p{Mn}\p{Me}]/u).test(String.fromCodePoint(c))) return 0;
  return 1;
}
// Made on first use: a regexp with Unicode property classes costs start-up time to create.
let ZERO_WIDTH: RegExp | null = null;

/** The characters of a Lisp string; a unibyte string's bytes >= 0x80 become raw-byte characters. */
function charsOf(rt: Runtime, s: number, out: number[]): void {
  const u8 = rt.u8;
  const a = sdata(rt, s);
  const n = sbytes(rt, s);
  if (!stringMultibyte(rt, s)) {
    for (let i = 0; i < n; i++) {
      const b = u8[a + i]!;
      out.push(b < 0x80 ? b : b + BYTE8_BASE);
    }
    return;
  }
  for (let i = 0; i < n; ) {
    const b = u8[a + i]!;
    if (b < 0x80) {
      out.push(b);
      i++;
    } else {
      out.push(readChar(u8, a + i));
      i += charLenAt(b);
    }
  }
}

/**
 * A Lisp string from character codes: multibyte if asked, else the codes (ASCII or raw bytes) as
 * bytes. Written straight into the new string: a scratch Uint8Array and its subarray cost more
 * than the encoding itself (about a microsecond each while V8 runs this cold).
 */
function stringFromCodes(rt: Runtime, codes: number[], multibyte: boolean): number {
  const n = codes.length;
  if (!multibyte) {
    const s = allocString(rt, n, n, false);
    const u8 = rt.u8;
    const a = sdata(rt, s);
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      u8[a + i] = c > MAX_5_BYTE_CHAR ? c - BYTE8_BASE : c;
    }
    return s;
  }
  let nb = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    nb += c < 0x80 ? 1 : charBytes(c);
  }
  const s = allocString(rt, n, nb, true);
  const u8 = rt.u8;
  let p = sdata(rt, s);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < 0x80) u8[p++] = c;
    else p += writeChar(u8, p, c);
  }
  return s;
}

function quotingStyle(rt: Runtime): number {
  const v = findSymbolValue(rt, Qtext_quoting_style);
  return v === Qunbound ? Qnil : v;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/** Format an integer magnitude/sign as C's printf does for d, o, x, X (with GNU's sign for negative o/x). */
function formatInteger(
  v: bigint | number, conv: number, minus: boolean, plus: boolean, space: boolean, sharp: boolean, zero: boolean,
  width: number, precGiven: boolean, prec: number, bignumArg = false,
): string {
  // A fixnum comes as a number (exact: fixnums are far inside 2^53), which V8 prints without the
  // BigInt it would otherwise be turned into for every %d.
  const neg = v < 0;
  const mag = neg ? -v : v;
  let digits = conv === 0x6f ? mag.toString(8) : conv === 0x78 ? mag.toString(16) : conv === 0x58 ? mag.toString(16).toUpperCase() : mag.toString();
  if (precGiven) {
    if (prec === 0 && mag == 0) digits = '';
    // GNU prints a negative bignum with its sign, and the precision counts that sign. GNU's
    // fixnums reach -2^61 (ours stop sooner): below that an integer is a bignum there.
    const p = neg && bignumArg && v < -(2n ** 61n) ? prec - 1 : prec;
    if (digits.length < p) digits = '0'.repeat(p - digits.length) + digits;
  }
  let prefix = neg ? '-' : plus ? '+' : space ? ' ' : '';
  if (sharp && mag != 0) {
    if (conv === 0x78) prefix += '0x';
    else if (conv === 0x58) prefix += '0X';
  }
  if (sharp && conv === 0x6f && digits[0] !== '0') digits = '0' + digits;
  return pad(prefix, digits, width, minus, zero && !precGiven);
}

function pad(prefix: string, body: string, width: number, minus: boolean, zero: boolean): string {
  const len = prefix.length + body.length;
  if (len >= width) return prefix + body;
  if (minus) return prefix + body + ' '.repeat(width - len);
  if (zero) return prefix + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + prefix + body;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const negative = (x: number): boolean => {
  f64[0] = x;
  return (u32[1]! & 0x80000000) !== 0;
};

function formatFloat(x: number, conv: number, minus: boolean, plus: boolean, space: boolean, sharp: boolean, zero: boolean, width: number, prec: number): string {
  const body = cFloatBody(Math.abs(x), conv, prec, sharp);
  const prefix = negative(x) ? '-' : plus ? '+' : space ? ' ' : '';
  return pad(prefix, body, width, minus, zero && Number.isFinite(x));
}

/** GNU's bound on a string's size: a longer width is "Maximum string size exceeded". */
const MAX_STRING_CHARS = 2 ** 61;
/** The longest result `format' builds (64 M characters); past it, memory is full. */
const MAX_FORMAT_CHARS = 1 << 26;

function pushAscii(out: number[], s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** Not a Lisp word (tag 1 is never valid): formatPlain left the call to styledFormat. */
const NOT_PLAIN = 1;
/** formatPlain's output, reused from call to call. */
let plainOut = new Uint8Array(256);

/** Room for N more bytes after the first AT of plainOut. */
function plainRoom(at: number, n: number): void {
  if (at + n <= plainOut.length) return;
  const bigger = new Uint8Array(Math.max(plainOut.length * 2, at + n));
  bigger.set(plainOut.subarray(0, at));
  plainOut = bigger;
}

/**
 * `format' in its commonest shape, straight from the heap's bytes into one buffer: a template
 * without text properties whose directives are bare %d (a fixnum), %s (a string without
 * properties, a symbol or a fixnum) and %%. Anything else (flags, widths, floats, a multibyte
 * result that would need a unibyte piece's raw bytes converted, a missing argument, the lone
 * "%s" whose argument is returned itself) is NOT_PLAIN, before anything was allocated, and
 * styledFormat does it. The result is styledFormat's: the same characters, multibyte when the
 * template or a %s string is. Cold, the general path (the template and output as arrays of
 * character codes) cost about 10 us a call over the first thousands of calls of a program.
 */
function formatPlain(rt: Runtime, args: ArrayLike<number>): number {
  const fmt = args[0]!;
  const m = rt.i32;
  if ((fmt & 7) !== Lisp_String || m[((fmt & -8) >>> 2) + STR_INTERVALS] !== Qnil) return NOT_PLAIN;
  const u8 = rt.u8;
  const fp = sdata(rt, fmt);
  const fn = sbytes(rt, fmt);
  if (fn === 2 && u8[fp] === 0x25 && u8[fp + 1] === 0x73) return NOT_PLAIN;
  const fmtMultibyte = stringMultibyte(rt, fmt);
  let multibyte = fmtMultibyte;
  // A unibyte piece holds a byte >= 0x80: a multibyte result would need it as a raw-byte char.
  let rawBytes = false;
  let o = 0;
  let nch = 0;
  let n = 0;
  plainRoom(0, fn);
  for (let i = 0; i < fn; ) {
    const c = u8[fp + i]!;
    if (c !== 0x25) {
      plainRoom(o, 1);
      plainOut[o++] = c;
      if ((c & 0xc0) !== 0x80 || !fmtMultibyte) nch++;
      if (c >= 0x80 && !fmtMultibyte) rawBytes = true;
      i++;
      continue;
    }
    if (i + 1 >= fn) return NOT_PLAIN;
    const d = u8[fp + i + 1]!;
    i += 2;
    if (d === 0x25) {
      plainRoom(o, 1);
      plainOut[o++] = 0x25;
      nch++;
      continue;
    }
    if (d !== 0x64 && d !== 0x73) {
      // A number's directive with flags, width or precision: formatNumber's text.
      const next = formatNumberPlain(rt, u8, fp + i - 1, fp + fn, args, n);
      if (next < 0) return NOT_PLAIN;
      n++;
      const text = plainNumberText;
      plainRoom(o, text.length);
      for (let k = 0; k < text.length; k++) plainOut[o++] = text.charCodeAt(k);
      nch += text.length;
      i = next - fp;
      continue;
    }
    if (++n >= args.length) return NOT_PLAIN;
    let a = args[n]!;
    if ((a & 3) === 2) {
      // A fixnum, for %d or %s alike: its decimal digits.
      let v = a >> 2;
      plainRoom(o, 12);
      if (v < 0) {
        plainOut[o++] = 0x2d;
        nch++;
        v = -v;
      }
      const start = o;
      do {
        plainOut[o++] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
      nch += o - start;
      plainOut.subarray(start, o).reverse();
      continue;
    }
    if (d !== 0x73) return NOT_PLAIN;
    if ((a & 7) === Lisp_Symbol) a = symbolName(rt, a);
    if ((a & 7) !== Lisp_String || m[((a & -8) >>> 2) + STR_INTERVALS] !== Qnil) return NOT_PLAIN;
    const ap = sdata(rt, a);
    const an = sbytes(rt, a);
    plainRoom(o, an);
    plainOut.set(u8.subarray(ap, ap + an), o);
    o += an;
    nch += schars(rt, a);
    if (stringMultibyte(rt, a)) multibyte = true;
    else for (let k = 0; k < an; k++) if (u8[ap + k]! >= 0x80) rawBytes = true;
  }
  if (multibyte && rawBytes) return NOT_PLAIN;
  return makeStringFromBytes(rt, plainOut.subarray(0, o), nch, multibyte);
}

const FLAG_MINUS = 1;
const FLAG_PLUS = 2;
const FLAG_SPACE = 4;
const FLAG_SHARP = 8;
const FLAG_ZERO = 16;
/** The bit of a directive's flag character C (`-', `+', space, `#', `0'), or 0 for any other. */
const flagBit = (c: number | undefined): number =>
  c === 0x2d ? FLAG_MINUS : c === 0x2b ? FLAG_PLUS : c === 0x20 ? FLAG_SPACE : c === 0x23 ? FLAG_SHARP : c === 0x30 ? FLAG_ZERO : 0;

/** The text formatNumberPlain made (ASCII). */
let plainNumberText = '';
/** Widths and precisions formatNumberPlain takes; a larger one goes the general way. */
const PLAIN_NUMBER_LIMIT = 1000;

/**
 * One directive of formatPlain's template from P (just after its `%', in the heap's bytes U8, the
 * template ending at END) when it is flags, a width and a precision (no field number) and one of
 * d i o x X with a fixnum argument or e f g with a fixnum or float one: its text, as
 * styledFormat's own code gives it, in plainNumberText, and the address after the directive.
 * ARGS[N + 1] is its argument. Anything else is -1, with nothing done.
 */
function formatNumberPlain(rt: Runtime, u8: Uint8Array, p: number, end: number, args: ArrayLike<number>, n: number): number {
  let flags = 0;
  for (let bit; p < end && (bit = flagBit(u8[p])) !== 0; p++) flags |= bit;
  const minus = (flags & FLAG_MINUS) !== 0;
  const plus = (flags & FLAG_PLUS) !== 0;
  const space = (flags & FLAG_SPACE) !== 0 && !plus;
  const sharp = (flags & FLAG_SHARP) !== 0;
  const zero = (flags & FLAG_ZERO) !== 0 && !minus;
  let width = 0;
  while (p < end && u8[p]! >= 0x30 && u8[p]! <= 0x39) {
    width = width * 10 + u8[p]! - 0x30;
    if (width > PLAIN_NUMBER_LIMIT) return -1;
    p++;
  }
  // N$ is a field number (only digits before it, flags included as `0'): the general path.
  if (p < end && u8[p] === 0x24) return -1;
  const precGiven = p < end && u8[p] === 0x2e;
  let prec = -1;
  if (precGiven) {
    p++;
    prec = 0;
    while (p < end && u8[p]! >= 0x30 && u8[p]! <= 0x39) {
      prec = prec * 10 + u8[p]! - 0x30;
      if (prec > PLAIN_NUMBER_LIMIT) return -1;
      p++;
    }
  }
  if (p >= end || n + 1 >= args.length) return -1;
  const conv = u8[p]!;
  const a = args[n + 1]!;
  if (conv === 0x64 || conv === 0x69 || conv === 0x6f || conv === 0x78 || conv === 0x58) {
    if ((a & 3) !== 2) return -1;
    plainNumberText = formatInteger(a >> 2, conv === 0x69 ? 0x64 : conv, minus, plus, space, sharp, zero, width, precGiven, prec);
  } else if (conv === 0x65 || conv === 0x66 || conv === 0x67) {
    let x: number;
    if ((a & 3) === 2) x = a >> 2;
    else if ((a & 7) === Lisp_Float) x = xfloat(rt, a);
    else return -1;
    plainNumberText = formatFloat(x, conv, minus, plus, space, sharp, zero, width, precGiven ? prec : 6);
  } else return -1;
  return p + 1;
}

/** GNU's styled_format: (format STRING &rest OBJECTS); MESSAGE non-nil curves quotes as format-message. */
export function styledFormat(rt: Runtime, args: ArrayLike<number>, message: boolean): number {
  const fmt = args[0]!;
  if (!stringp(fmt)) wrongTypeArgument(rt, Qstringp, fmt);
  if (!message) {
    const r = formatPlain(rt, args);
    if (r !== NOT_PLAIN) return r;
  }
  const nargs = args.length;
  const f: number[] = [];
  charsOf(rt, fmt, f);
  let multibyte = stringMultibyte(rt, fmt);
  const style = message ? quotingStyle(rt) : Qgrave;
  const out: number[] = [];
  // The whole-string "%s" case returns the argument itself when it is a string, as GNU does.
  const fmtProps = stringIntervals(rt, fmt) !== Qnil;
  if (f.length === 2 && f[0] === 0x25 && f[1] === 0x73 && nargs >= 2 && stringp(args[1]!) && !fmtProps) return args[1]!;
  // Where each directive sat in STRING and landed in the result, for text properties: only
  // recorded when STRING or a %s argument has properties.
  const specs: FormatSpec[] = [];
  let n = 0;
  const end = f.length;
  let i = 0;
  while (i < end) {
    const c = f[i]!;
    if (c !== 0x25) {
      if (message && (c === 0x60 || c === 0x27) && style !== Qgrave) {
        if (style === Qstraight) out.push(0x27);
        else {
          out.push(c === 0x60 ? 0x2018 : 0x2019);
          multibyte = true;
        }
      } else out.push(c);
      i++;
      continue;
    }
    const fbeg = i;
    const obeg = out.length;
    i++;
    // '%' [field-number '$'] [flags] [width] ['.' precision] conversion
    if (isDigit(f[i])) {
      let j = i;
      let num = 0;
      while (isDigit(f[j])) num = Math.min(num * 10 + f[j++]! - 0x30, 1e9);
      if (f[j] === 0x24) {
        n = num - 1;
        i = j + 1;
      }
    }
    let flags = 0;
    for (let bit; (bit = flagBit(f[i])) !== 0; i++) flags |= bit;
    const minus = (flags & FLAG_MINUS) !== 0;
    const plus = (flags & FLAG_PLUS) !== 0;
    const space = (flags & FLAG_SPACE) !== 0 && !plus;
    const sharp = (flags & FLAG_SHARP) !== 0;
    let zero = (flags & FLAG_ZERO) !== 0 && !minus;
    let width = 0;
    while (isDigit(f[i])) width = width * 10 + f[i++]! - 0x30;
    const precGiven = f[i] === 0x2e;
    let prec = -1;
    if (precGiven) {
      i++;
      prec = 0;
      while (isDigit(f[i])) prec = prec * 10 + f[i++]! - 0x30;
    }
    if (i >= end) error(rt, 'Format string ends in middle of format specifier');
    let conv = f[i++]!;
    // A width, or a number's precision, beyond what any string could hold is GNU's size error;
    // one merely beyond our heap is running out of memory. Checked before anything is built.
    const textConv = conv === 0x73 || conv === 0x53 || conv === 0x63 || conv === 0x25;
    const need = Math.max(width, textConv ? 0 : prec);
    if (need >= MAX_STRING_CHARS) error(rt, 'Maximum string size exceeded');
    if (out.length + need > MAX_FORMAT_CHARS) signalMemoryFull(rt);
    if (prec > MAX_FORMAT_CHARS) prec = MAX_FORMAT_CHARS;
    if (conv === 0x25) {
      out.push(0x25);
      if (fmtProps) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart: 0, arg: Qnil });
      continue;
    }
    ++n;
    if (!(n < nargs)) error(rt, 'Not enough arguments for format string');
    const orig = args[n]!;
    let arg = orig;
    if (conv === 0x53 || (conv === 0x73 && !stringp(arg) && !symbolp(arg))) {
      arg = prin1ToString(rt, arg, conv === 0x53);
      conv = 0x73;
    } else {
      if (symbolp(arg)) arg = symbolName(rt, arg);
      if (conv === 0x63) {
        if (isFixnum(arg) && (fixnumValue(arg) < 0 || fixnumValue(arg) >= 0x80)) arg = charToString(rt, arg);
        if (arg !== orig) conv = 0x73;
        zero = false;
      }
    }
    if (symbolp(arg)) arg = symbolName(rt, arg);
    if (conv === 0x73) {
      if (stringMultibyte(rt, arg)) multibyte = true;
      const propArg0 = arg === orig && stringIntervals(rt, arg) !== Qnil ? arg : Qnil;
      if (!precGiven && width === 0) {
        // Neither cut nor padded: the characters go straight to the result, no widths needed.
        const textStart = out.length;
        charsOf(rt, arg, out);
        if (fmtProps || propArg0 !== Qnil) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart, arg: propArg0 });
        continue;
      }
      const chars: number[] = [];
      charsOf(rt, arg, chars);
      let count = chars.length;
      let w = 0;
      if (precGiven && prec === 0) count = 0;
      else {
        let k = 0;
        for (; k < chars.length; k++) {
          const cw = charWidth(chars[k]!);
          if (precGiven && w + cw > prec) break;
          w += cw;
        }
        count = k;
      }
      const padding = w < width ? width - w : 0;
      if (!minus) for (let k = 0; k < padding; k++) out.push(0x20);
      const textStart = out.length;
      for (let k = 0; k < count; k++) out.push(chars[k]!);
      if (minus) for (let k = 0; k < padding; k++) out.push(0x20);
      const propArg = arg === orig && stringIntervals(rt, arg) !== Qnil ? arg : Qnil;
      if (fmtProps || propArg !== Qnil) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart, arg: propArg });
      continue;
    }
    const isFloatConv = conv === 0x65 || conv === 0x66 || conv === 0x67;
    if (!(isFloatConv || conv === 0x63 || conv === 0x64 || conv === 0x69 || conv === 0x6f || conv === 0x78 || conv === 0x58)) {
      const opChars: number[] = [];
      pushAscii(opChars, 'Invalid format operation %');
      opChars.push(conv);
      xsignal(DEFSYM('error'), list(rt, stringFromCodes(rt, opChars, conv >= 0x80)));
    }
    const big = bignump(rt, arg);
    if (!(isFixnum(arg) || ((big || floatp(arg)) && conv !== 0x63)))
      error(rt, 'Format specifier doesn\u2019t match argument type');
    let text: string;
    if (conv === 0x63) {
      const padding = width > 1 ? width - 1 : 0;
      if (!minus) for (let k = 0; k < padding; k++) out.push(0x20);
      out.push(fixnumValue(arg));
      if (minus) for (let k = 0; k < padding; k++) out.push(0x20);
      if (fmtProps) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart: 0, arg: Qnil });
      continue;
    } else if (isFloatConv) {
      const x = floatp(arg) ? xfloat(rt, arg) : big ? Number(bignumValue(rt, arg)) : fixnumValue(arg);
      text = formatFloat(x, conv, minus, plus, space, sharp, zero, width, precGiven ? prec : 6);
    } else {
      let v: bigint | number;
      if (floatp(arg)) {
        const x = Math.trunc(xfloat(rt, arg));
        if (!Number.isFinite(x)) {
          if (conv === 0x64 || conv === 0x69) {
            const body = x !== x ? 'nan' : 'inf';
            const prefix = negative(x) ? '-' : plus ? '+' : space ? ' ' : '';
            pushAscii(out, pad(prefix, body, width, minus, false));
            if (fmtProps) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart: 0, arg: Qnil });
            continue;
          }
          xsignal(Qoverflow_error, Qnil);
        }
        v = BigInt(x);
      } else v = big ? bignumValue(rt, arg) : fixnumValue(arg);
      text = formatInteger(v, conv === 0x69 ? 0x64 : conv, minus, plus, space, sharp, zero, width, precGiven, prec, big);
    }
    pushAscii(out, text);
    if (fmtProps) specs.push({ fbeg, fend: i, obeg, oend: out.length, textStart: 0, arg: Qnil });
  }
  const result = stringFromCodes(rt, out, multibyte);
  if (specs.length > 0 || fmtProps) formatProperties(rt, fmt, specs, result);
  return result;
}

/** One directive of a format call: its span in the format string and in the result. */
interface FormatSpec {
  fbeg: number;
  fend: number;
  obeg: number;
  oend: number;
  /** Where a %s argument's own text starts (after any left padding). */
  textStart: number;
  /** The %s argument string whose properties the result takes, or nil. */
  arg: number;
}

/**
 * The text properties of a `format' result, as GNU's: first STRING's own, each range moved to
 * where its text landed (a bound inside a directive goes to the end of that directive's output,
 * one on its `%' to its start); then each %s argument's, placed at its text, cut to what was
 * printed, the range that reached the argument's end stretched over right padding.
 */
function formatProperties(rt: Runtime, fmt: number, specs: FormatSpec[], result: number): void {
  const total = schars(rt, result);
  let runs: Runs | null = readRuns(rt, stringIntervals(rt, result), total);
  const flen = schars(rt, fmt);
  const fmtRanges = propertyRanges(readRuns(rt, stringIntervals(rt, fmt), flen), 0, flen);
  if (fmtRanges.length > 0) {
    const move = (pos: number): number => {
      let delta = 0;
      for (const d of specs) {
        if (pos < d.fbeg) break;
        if (pos === d.fbeg) return d.obeg;
        if (pos < d.fend) return d.oend;
        delta = d.oend - d.fend;
      }
      return pos + delta;
    };
    const moved: PropRange[] = [];
    for (const r of fmtRanges) {
      const s = move(r.start);
      const e = move(r.end);
      if (e > s) moved.push({ start: s, end: e, plist: r.plist });
    }
    runs = copyRanges(rt, moved, runs, total, 0);
  }
  for (const d of specs) {
    if (d.arg === Qnil) continue;
    const len = schars(rt, d.arg);
    const newLen = d.oend - d.textStart;
    const kept: PropRange[] = [];
    for (const r of propertyRanges(readRuns(rt, stringIntervals(rt, d.arg), len), 0, len)) {
      if (r.start >= newLen) continue;
      const e = r.end === len || r.end > newLen ? newLen : r.end;
      kept.push({ start: r.start, end: e, plist: r.plist });
    }
    runs = copyRanges(rt, kept, runs, total, d.textStart);
  }
  setStringIntervals(rt, result, writeRuns(rt, runs));
}

/** GNU's Fchar_to_string: a one-character string (unibyte for ASCII and raw bytes? no: raw bytes give multibyte). */
export function charToString(rt: Runtime, ch: number): number {
  if (!isFixnum(ch) || fixnumValue(ch) < 0 || fixnumValue(ch) > 0x3fffff) wrongTypeArgument(rt, Qcharacterp, ch);
  const c = fixnumValue(ch);
  if (c < 0x80) return makeUnibyteString(rt, Uint8Array.of(c));
  const tmp = new Uint8Array(5);
  const nb = writeChar(tmp, 0, c);
  return makeStringFromBytes(rt, tmp.subarray(0, nb), 1, true);
}

DEFUN('format', 1, MANY, 'Build a string from the template STRING and the OBJECTS, in the way of C\'s printf.\nEach %-directive takes the next object: %s and %S print any Lisp object (without and with quoting), %d, %o, %x, %X integers, %c a character, %e, %f, %g floats; %% is a literal percent sign.',
  (rt, args: number[]) => styledFormat(rt, args, false));

DEFUN('format-message', 1, MANY, 'Build a string as `format\' does, first turning the grave accents and apostrophes of STRING into the quotes that `text-quoting-style\' asks for.',
  (rt, args: number[]) => styledFormat(rt, args, true));

DEFUN('message', 1, MANY, 'Build a string as `format-message\' does from FORMAT-STRING and ARGS, show it (on standard error when in batch mode) and give it back; a nil FORMAT-STRING clears the message.',
  (rt, args: number[]) => {
    const a0 = args[0]!;
    if (a0 === Qnil || (stringp(a0) && sbytes(rt, a0) === 0)) {
      // Clearing writes an empty line in batch, unless `inhibit-message' (GNU, observed).
      if (findSymbolValue(rt, Qinhibit_message) === Qnil) {
        beginStderrMessage(rt);
        rt.host.write(2, Uint8Array.of(10));
      }
      return a0;
    }
    const s = styledFormat(rt, args, true);
    // inhibit-message keeps it off standard error; *Messages* still gets it (GNU, observed).
    if (findSymbolValue(rt, Qinhibit_message) === Qnil) {
      beginStderrMessage(rt);
      const addr = sdata(rt, s);
      const bytes = rt.u8.slice(addr, addr + sbytes(rt, s));
      writeToStderr(rt, bytes, stringMultibyte(rt, s));
      rt.host.write(2, Uint8Array.of(10));
    }
    // GNU logs each message in *Messages*, batch mode too (modes.el's `messages--log').
    if (findSymbolValue(rt, Qmessage_log_max) !== Qnil && indirectFunction(rt, Qmessages_log) !== Qnil) {
      const sp = rt.sp;
      rt.push(s);
      funcall(rt, Qmessages_log, [s]);
      rt.sp = sp;
    }
    return s;
  });

const Qmessage_log_max = DEFSYM('message-log-max');
const Qinhibit_message = DEFVAR('inhibit-message', () => Qnil, 'Non-nil means `message\' shows nothing (in batch mode: writes nothing to standard error); the message is still logged.');
const Qmessages_log = DEFSYM('messages--log');
DEFVAR('message-log-max', () => makeFixnum(1000), 'How many lines the *Messages* buffer keeps: a number, t for all of them, or nil to log nothing.');

DEFUN('char-to-string', 1, 1, 'Make a one-character string of CHAR.', (rt, ch: number) => charToString(rt, ch));

DEFUN('byte-to-string', 1, 1, 'Make a unibyte string of the single byte BYTE, from 0 to 255.', (rt, b: number) => {
  if (!isFixnum(b)) wrongTypeArgument(rt, Qcharacterp, b);
  const v = fixnumValue(b);
  if (v < 0 || v > 255) error(rt, 'Invalid byte');
  return makeUnibyteString(rt, Uint8Array.of(v));
});

DEFUN('string-to-char', 1, 1, 'Give the first character of STRING, or 0 when STRING is empty.', (rt, s: number) => {
  if (!stringp(s)) wrongTypeArgument(rt, Qstringp, s);
  if (schars(rt, s) === 0) return makeFixnum(0);
  const a = sdata(rt, s);
  if (!stringMultibyte(rt, s)) return makeFixnum(rt.u8[a]!);
  return makeFixnum(readChar(rt.u8, a));
});

// ---- time and process facts (GNU timefns.c / editfns.c) ----------------------------

// float-time and current-time are in timefns.ts with the rest of the time functions.

const Qcase_fold_search_ef = DEFSYM('case-fold-search');

DEFUN('char-equal', 2, 2, 'Tell whether the characters C1 and C2 are the same, ignoring case when `case-fold-search\' is non-nil.', (rt, c1: number, c2: number) => {
  if (!isFixnum(c1) || fixnumValue(c1) < 0 || fixnumValue(c1) > 0x3fffff) wrongTypeArgument(rt, Qcharacterp, c1);
  if (!isFixnum(c2) || fixnumValue(c2) < 0 || fixnumValue(c2) > 0x3fffff) wrongTypeArgument(rt, Qcharacterp, c2);
  if (c1 === c2) return DEFSYM_t;
  const fold = findSymbolValue(rt, Qcase_fold_search_ef);
  if (fold === Qnil || fold === Qunbound) return Qnil;
  return downcaseIn(rt, fixnumValue(c1)) === downcaseIn(rt, fixnumValue(c2)) ? DEFSYM_t : Qnil;
});

// ---- point, narrowing and the text around point (GNU editfns.c's buffer half) --------------------

const Qbeginning_of_buffer = DEFSYM('beginning-of-buffer');
const Qend_of_buffer = DEFSYM('end-of-buffer');
const Qfixnump_ef = DEFSYM('fixnump');

/** Set point of the current buffer to POS (clipped to the accessible part). */
export function setPoint(rt: Runtime, pos: number): void {
  const b = currentBuffer(rt);
  const p = Math.max(bint(rt, b, BUF_BEGV), Math.min(pos, bint(rt, b, BUF_ZV)));
  // The byte position first: the conversion uses point as a landmark.
  const pb = charToByte(rt, b, p);
  setBint(rt, b, BUF_PT, p);
  setBint(rt, b, BUF_PT_BYTE, pb);
}

export const point = (rt: Runtime): number => bint(rt, currentBuffer(rt), BUF_PT);
const begv = (rt: Runtime): number => bint(rt, currentBuffer(rt), BUF_BEGV);
const zv = (rt: Runtime): number => bint(rt, currentBuffer(rt), BUF_ZV);

/** The character at char position POS of the current buffer (BEG <= POS < Z). */
export function charAt(rt: Runtime, pos: number): number {
  const b = currentBuffer(rt);
  return charAtByte(rt, b, charToByte(rt, b, pos));
}

/** The byte at byte position POS of buffer B (ASCII newline checks need no decoding). */
const byteAt = (rt: Runtime, b: number, pos: number): number => rt.u8[byteAddr(rt, b, pos)]!;

const fixnumArg = (rt: Runtime, x: number, dflt: number): number => {
  if (x === Qnil) return dflt;
  if (!isFixnum(x)) wrongTypeArgument(rt, Qfixnump_ef, x);
  return fixnumValue(x);
};
/** A line count: GNU checks these for integerp (a bignum is as far as the buffer goes). */
const countArg = (rt: Runtime, x: number, dflt: number): number => {
  if (x === Qnil) return dflt;
  if (isFixnum(x)) return fixnumValue(x);
  const n = safeIntegerValue(rt, x);
  if (Number.isNaN(n)) {
    if (!isPvec(rt, x, PVEC_BIGNUM)) wrongTypeArgument(rt, Qintegerp_ef, x);
    return bignumValue(rt, x) < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  }
  return n;
};
const Qintegerp_ef = DEFSYM('integerp');

DEFUN('point', 0, 0, 'Give the position of point in the current buffer.', (rt) => makeFixnum(point(rt)));
DEFUN('point-min', 0, 0, 'Give the start of the accessible part of the current buffer.', (rt) => makeFixnum(begv(rt)));
DEFUN('point-max', 0, 0, 'Give the end of the accessible part of the current buffer.', (rt) => makeFixnum(zv(rt)));
DEFUN('gap-position', 0, 0, 'Give the position of the gap in the current buffer\'s text.', (rt) => makeFixnum(bint(rt, currentBuffer(rt), BUF_GPT)));
DEFUN('gap-size', 0, 0, 'Give the size in bytes of the gap in the current buffer\'s text.', (rt) => makeFixnum(gapSize(rt, currentBuffer(rt))));

DEFUN('goto-char', 1, 1, 'Move point to POSITION (a position or a marker), or to the nearer end of the accessible part; give POSITION.',
  (rt, position: number) => {
    if (markerp(rt, position) && markerBuffer(rt, position) === currentBuffer(rt)) setPoint(rt, markerCharpos(rt, position));
    else setPoint(rt, positionValue(rt, position));
    return position;
  }, '(goto-char--read-natnum-interactive "Go to char: ")');

DEFUN('position-bytes', 1, 1, 'Give the byte position of the character at POSITION, or nil when POSITION is outside the accessible part.',
  (rt, position: number) => {
    const p = positionValue(rt, position);
    const b = currentBuffer(rt);
    if (p < 1 || p > bint(rt, b, BUF_Z)) return Qnil;
    return makeFixnum(charToByte(rt, b, p));
  });

DEFUN('byte-to-position', 1, 1, 'Give the character position of byte position BYTEPOS, or nil when it is outside the buffer.',
  (rt, bytepos: number) => {
    const n = fixnumArg(rt, bytepos, 0);
    const b = currentBuffer(rt);
    if (n < 1 || n > bint(rt, b, BUF_Z_BYTE)) return Qnil;
    // A byte inside a character stands for that character.
    let p = n;
    while (p > 1 && p < bint(rt, b, BUF_Z_BYTE) && (byteAt(rt, b, p) & 0xc0) === 0x80) p--;
    return makeFixnum(byteToChar(rt, b, p));
  });

DEFUN('bobp', 0, 0, 'Tell whether point is at the start of the accessible part.', (rt) => (point(rt) === begv(rt) ? Qt : Qnil));
DEFUN('eobp', 0, 0, 'Tell whether point is at the end of the accessible part.', (rt) => (point(rt) === zv(rt) ? Qt : Qnil));
DEFUN('bolp', 0, 0, 'Tell whether point is at the start of a line.', (rt) => {
  const b = currentBuffer(rt);
  const pt = bint(rt, b, BUF_PT);
  return pt === bint(rt, b, BUF_BEGV) || byteAt(rt, b, bint(rt, b, BUF_PT_BYTE) - 1) === 10 ? Qt : Qnil;
});
DEFUN('eolp', 0, 0, 'Tell whether point is at the end of a line.', (rt) => {
  const b = currentBuffer(rt);
  const pt = bint(rt, b, BUF_PT);
  return pt === bint(rt, b, BUF_ZV) || byteAt(rt, b, bint(rt, b, BUF_PT_BYTE)) === 10 ? Qt : Qnil;
});

DEFUN('char-after', 0, 1, 'Give the character after POS (by default point), or nil when POS is at or past the end of the accessible part.',
  (rt, pos: number) => {
    const p = pos === Qnil ? point(rt) : positionValue(rt, pos);
    if (p < begv(rt) || p >= zv(rt)) return Qnil;
    return makeFixnum(charAt(rt, p));
  });

DEFUN('char-before', 0, 1, 'Give the character before POS (by default point), or nil when POS is at or before the start of the accessible part.',
  (rt, pos: number) => {
    const p = pos === Qnil ? point(rt) : positionValue(rt, pos);
    if (p <= begv(rt) || p > zv(rt)) return Qnil;
    return makeFixnum(charAt(rt, p - 1));
  });

DEFUN('following-char', 0, 0, 'Give the character after point, or 0 at the end of the accessible part.', (rt) => {
  const p = point(rt);
  return makeFixnum(p >= zv(rt) ? 0 : charAt(rt, p));
});
DEFUN('preceding-char', 0, 0, 'Give the character before point, or 0 at the start of the accessible part.', (rt) => {
  const p = point(rt);
  return makeFixnum(p <= begv(rt) ? 0 : charAt(rt, p - 1));
});

// ---- lines ----------------------------------------------------------------------------------------

/**
 * From char position POS, find COUNT newlines forward (before LIMIT): give the position after the
 * last one found (or LIMIT) and how many were found.
 */
export function scanForward(rt: Runtime, pos: number, count: number, limit: number): [number, number] {
  const b = currentBuffer(rt);
  let byte = charToByte(rt, b, pos);
  const limByte = charToByte(rt, b, limit);
  let found = 0;
  let c = pos;
  const u8 = rt.u8;
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  while (found < count && byte < limByte) {
    const x = u8[byte < gpt ? base + byte - 1 : base + byte - 1 + gap]!;
    byte++;
    if ((x & 0xc0) !== 0x80) c++;
    if (x === 10) found++;
  }
  // Stopped inside nothing: a newline is one byte, so BYTE is on a character start.
  return [found < count ? limit : c, found];
}

/** From POS, find COUNT newlines backward (after LIMIT): give the position after the last one found (or LIMIT). */
export function scanBackward(rt: Runtime, pos: number, count: number, limit: number): [number, number] {
  const b = currentBuffer(rt);
  let byte = charToByte(rt, b, pos);
  const limByte = charToByte(rt, b, limit);
  let found = 0;
  let c = pos;
  const u8 = rt.u8;
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  while (byte > limByte) {
    const x = u8[byte - 1 < gpt ? base + byte - 2 : base + byte - 2 + gap]!;
    if (x === 10) {
      if (++found === count) return [c, found];
    }
    byte--;
    if ((x & 0xc0) !== 0x80) c--;
  }
  return [limit, found];
}

/** GNU's forward-line without moving: where N lines from point lands, and the shortfall it reports. */
function forwardLinePos(rt: Runtime, n: number): [number, number] {
  const pt = point(rt);
  if (n <= 0) {
    const [pos, found] = scanBackward(rt, pt, 1 - n, begv(rt));
    let shortage = 1 - n - found;
    if (shortage > 0) shortage--;
    return [pos, -shortage];
  }
  const [pos, found] = scanForward(rt, pt, n, zv(rt));
  let shortage = n - found;
  const b = currentBuffer(rt);
  if (shortage > 0 && zv(rt) > begv(rt) && pos !== pt && charAt(rt, pos - 1) !== 10) shortage--;
  void b;
  return [pos, shortage];
}

DEFUN('forward-line', 0, 1, 'Move N lines forward (back when N is negative) to the start of a line; give how many lines short of N it stopped.\nA last line without a newline counts as reached when point moved onto it.',
  (rt, n: number) => {
    const [pos, short] = forwardLinePos(rt, countArg(rt, n, 1));
    setPoint(rt, pos);
    return makeFixnum(short);
  }, '^p');

function lineBeginningPosition(rt: Runtime, n: number): number {
  const k = countArg(rt, n, 1);
  return forwardLinePos(rt, k - 1)[0];
}

function lineEndPosition(rt: Runtime, n: number): number {
  const k = countArg(rt, n, 1);
  const pt = point(rt);
  if (k > 0) {
    const [pos, found] = scanForward(rt, pt, k, zv(rt));
    return found === k ? pos - 1 : pos;
  }
  const [pos, found] = scanBackward(rt, pt, 1 - k, begv(rt));
  return found === 1 - k ? pos - 1 : pos;
}

/** A line edge kept inside point's field when that field ends on the same line (the line primitives' rule). */
function lineEdgeInField(rt: Runtime, pos: number, n: number, escape: boolean): number {
  // Going to another line's start may leave point's field from its edge; ends never do.
  const other = escape && n !== Qnil && !(isFixnum(n) && fixnumValue(n) === 1);
  return constrainToField(rt, pos, point(rt), other, true, Qnil);
}

DEFUN('line-beginning-position', 0, 1, 'Give the position of the start of the line N - 1 lines from point (N defaults to 1), without moving point; a field boundary on the way stops it.',
  (rt, n: number) => makeFixnum(lineEdgeInField(rt, lineBeginningPosition(rt, n), n, true)));
DEFUN('line-end-position', 0, 1, 'Give the position of the end of the line N - 1 lines from point (N defaults to 1), without moving point; a field boundary on the way stops it.',
  (rt, n: number) => makeFixnum(lineEdgeInField(rt, lineEndPosition(rt, n), n, false)));

DEFUN('beginning-of-line', 0, 1, 'Move point to the start of the line N - 1 lines from it (N defaults to 1).',
  (rt, n: number) => {
    setPoint(rt, lineEdgeInField(rt, lineBeginningPosition(rt, n), n, true));
    return Qnil;
  }, '^p');
DEFUN('end-of-line', 0, 1, 'Move point to the end of the line N - 1 lines from it (N defaults to 1).',
  (rt, n: number) => {
    setPoint(rt, lineEdgeInField(rt, lineEndPosition(rt, n), n, false));
    return Qnil;
  }, '^p');

DEFUN('line-number-at-pos', 0, 2, 'Give the line number of POSITION (by default point), counting from the start of the accessible part, or of the buffer when ABSOLUTE.',
  (rt, position: number, absolute: number) => {
    const b = currentBuffer(rt);
    const p = position === Qnil ? point(rt) : positionValue(rt, position);
    if (p < bint(rt, b, BUF_BEGV) || p > bint(rt, b, BUF_ZV))
      xsignal(DEFSYM('args-out-of-range'), consL(rt, makeFixnum(p), consL(rt, makeFixnum(bint(rt, b, BUF_BEGV)), consL(rt, makeFixnum(bint(rt, b, BUF_ZV)), Qnil))));
    const from = absolute !== Qnil ? 1 : bint(rt, b, BUF_BEGV);
    const [, found] = scanForward(rt, from, Infinity, p);
    return makeFixnum(found + 1);
  });

const Qinvisible_p = DEFSYM('invisible-p');
DEFUN('count-lines', 2, 3, 'Give the number of lines between START and END: the newlines, plus one when the text after the last newline is not empty; with IGNORE-INVISIBLE-LINES, newlines `invisible-p\' calls invisible are not counted.',
  (rt, start: number, end: number, ignoreInvisible: number) => {
    let s = positionValue(rt, start);
    let e = positionValue(rt, end);
    if (s > e) [s, e] = [e, s];
    const b = currentBuffer(rt);
    if (s < 1 || e > bint(rt, b, BUF_Z)) xsignal(DEFSYM('args-out-of-range'), consL(rt, start, consL(rt, end, Qnil)));
    const tail = e > s && charAt(rt, e - 1) !== 10 ? 1 : 0;
    if (ignoreInvisible === Qnil) return makeFixnum(scanForward(rt, s, Infinity, e)[1] + tail);
    // Only the newlines `invisible-p' passes end a line (observed: the last one's own
    // visibility does not decide the one added for text after it).
    let lines = 0;
    for (let at = s; at < e;) {
      const [next, found] = scanForward(rt, at, 1, e);
      if (found === 0) break;
      if (funcall(rt, Qinvisible_p, [makeFixnum(next - 1)]) === Qnil) lines++;
      at = next;
    }
    return makeFixnum(lines + tail);
  });

// ---- narrowing and saving ---------------------------------------------------------------------------

function setBounds(rt: Runtime, b: number, lo: number, hi: number): void {
  // Byte positions first: the conversion uses the old bounds and point as landmarks.
  const loB = charToByte(rt, b, lo);
  const hiB = charToByte(rt, b, hi);
  const pt = bint(rt, b, BUF_PT);
  const p = pt < lo ? lo : pt > hi ? hi : pt;
  const pB = p === pt ? bint(rt, b, BUF_PT_BYTE) : p === lo ? loB : hiB;
  setBint(rt, b, BUF_BEGV, lo);
  setBint(rt, b, BUF_BEGV_BYTE, loB);
  setBint(rt, b, BUF_ZV, hi);
  setBint(rt, b, BUF_ZV_BYTE, hiB);
  setBint(rt, b, BUF_PT, p);
  setBint(rt, b, BUF_PT_BYTE, pB);
}

DEFUN('widen', 0, 0, 'Make the whole current buffer accessible again.', (rt) => {
  const b = currentBuffer(rt);
  setBounds(rt, b, 1, bint(rt, b, BUF_Z));
  return Qnil;
}, '');

DEFUN('narrow-to-region', 2, 2, 'Make only the text between START and END of the current buffer accessible.', (rt, start: number, end: number) => {
  let s = positionValue(rt, start);
  let e = positionValue(rt, end);
  if (s > e) [s, e] = [e, s];
  const b = currentBuffer(rt);
  if (!(1 <= s && e <= bint(rt, b, BUF_Z))) xsignal(DEFSYM('args-out-of-range'), consL(rt, start, consL(rt, end, Qnil)));
  setBounds(rt, b, s, e);
  return Qnil;
}, 'r');

DEFUN('buffer-narrowed-p', 0, 0, 'Tell whether the current buffer is narrowed.', (rt) => {
  const b = currentBuffer(rt);
  return bint(rt, b, BUF_BEGV) !== 1 || bint(rt, b, BUF_ZV) !== bint(rt, b, BUF_Z) ? Qt : Qnil;
});

/**
 * `save-restriction''s state, pushed on the Lisp stack (RESTRICTION_WORDS words, so that it stays
 * alive while the body runs): the current buffer, then, when it is narrowed, markers for the
 * bounds (the end one advancing, so edits inside keep them right), else nil twice. The special
 * form and compiled code (src/emacs/compile.ts) share it.
 */
export function restrictionEnter(rt: Runtime): void {
  const b = currentBuffer(rt);
  const narrowed = bint(rt, b, BUF_BEGV) !== 1 || bint(rt, b, BUF_ZV) !== bint(rt, b, BUF_Z);
  rt.push(b);
  rt.push(narrowed ? makeMarkerAt(rt, b, bint(rt, b, BUF_BEGV)) : Qnil);
  rt.push(narrowed ? makeMarkerAt(rt, b, bint(rt, b, BUF_ZV), Qt) : Qnil);
}
export const RESTRICTION_WORDS = 3;

/** Put back the narrowing restrictionEnter recorded at stack[base..]. */
export function restrictionExit(rt: Runtime, base: number): void {
  const b = rt.stack[base]!;
  const lo = rt.stack[base + 1]!;
  const hi = rt.stack[base + 2]!;
  if (!bufferLive(rt, b)) return;
  if (lo === Qnil) setBounds(rt, b, 1, bint(rt, b, BUF_Z));
  else {
    setBounds(rt, b, markerCharpos(rt, lo), Math.max(markerCharpos(rt, lo), markerCharpos(rt, hi)));
    unchainMarker(rt, lo);
    unchainMarker(rt, hi);
  }
}

DEFUN('save-restriction', 0, UNEVALLED, 'Evaluate BODY, then put back the current buffer\'s narrowing as it was (markers keep its ends right across changes).',
  (rt, body: number) => {
    const sp = rt.sp;
    restrictionEnter(rt);
    const v = unwindProtect(rt, () => progn(rt, body), () => restrictionExit(rt, sp));
    rt.sp = sp;
    return v;
  });

/**
 * `save-excursion''s state, pushed on the Lisp stack (EXCURSION_WORDS words): the current buffer
 * and a marker at its point (it follows the point's text across changes). Shared with compiled
 * code, as restrictionEnter.
 */
export function excursionEnter(rt: Runtime): void {
  const b = currentBuffer(rt);
  rt.push(b);
  rt.push(makeMarkerAt(rt, b, bint(rt, b, BUF_PT)));
}
export const EXCURSION_WORDS = 2;

/** Make the buffer excursionEnter recorded at stack[base..] current again, its point back, if it lives. */
export function excursionExit(rt: Runtime, base: number): void {
  const b = rt.stack[base]!;
  const m = rt.stack[base + 1]!;
  if (!bufferLive(rt, b)) return;
  setCurrentBuffer(rt, b);
  setPoint(rt, markerCharpos(rt, m));
  unchainMarker(rt, m);
}

DEFUN('save-excursion', 0, UNEVALLED, 'Evaluate BODY, then make current again the buffer that was current and put its point back (a marker follows it across changes).',
  (rt, body: number) => {
    const sp = rt.sp;
    excursionEnter(rt);
    const v = unwindProtect(rt, () => progn(rt, body), () => excursionExit(rt, sp));
    rt.sp = sp;
    return v;
  });

DEFUN('region-beginning', 0, 0, 'Give the smaller of point and the mark.', (rt) => regionEnd(rt, true));
DEFUN('region-end', 0, 0, 'Give the larger of point and the mark.', (rt) => regionEnd(rt, false));

const Qtransient_mark_mode = DEFSYM('transient-mark-mode');
const Qmark_even_if_inactive = DEFSYM('mark-even-if-inactive');
const Qmark_active = DEFSYM('mark-active');
function regionEnd(rt: Runtime, beginning: boolean): number {
  const b = currentBuffer(rt);
  const m = bslot(rt, b, BUF_MARK);
  if (!(findSymbolValue(rt, Qtransient_mark_mode) === Qnil || findSymbolValue(rt, Qtransient_mark_mode) === Qunbound ||
    findSymbolValue(rt, Qmark_even_if_inactive) !== Qnil || findSymbolValue(rt, Qmark_active) !== Qnil))
    xsignal(DEFSYM('mark-inactive'), Qnil);
  if (markerBuffer(rt, m) === Qnil) error(rt, 'The mark is not set now, so there is no region');
  const mp = markerCharpos(rt, m);
  const pt = bint(rt, b, BUF_PT);
  return makeFixnum(beginning ? Math.min(mp, pt) : Math.max(mp, pt));
}

DEFVAR('mark-active', () => Qnil, 'Non-nil when the mark is active in the current buffer.');

export { Qbeginning_of_buffer, Qend_of_buffer };

// ---- reading from a buffer or at a marker ------------------------------------------------------

/**
 * Read one object from buffer B at char position FROM (within its accessible part); give it and
 * the position where reading stopped. Running into the end uses up the text: MOVE gets the end
 * before the error goes on, as GNU leaves the stream there.
 */
function readInBuffer(rt: Runtime, b: number, from: number, move: (pos: number) => void): [number, number] {
  // With the gap at the end, the text is one run of bytes the reader can walk directly.
  moveGap(rt, b, bint(rt, b, BUF_Z), bint(rt, b, BUF_Z_BYTE));
  const base = textBase(rt, b);
  const fromByte = charToByte(rt, b, from);
  const zvByte = bint(rt, b, BUF_ZV_BYTE);
  const stop = { pos: base + fromByte - 1 };
  try {
    const r = readFromHeapBytes(rt, base + fromByte - 1, base + zvByte - 1, bslot(rt, b, BUF_MULTIBYTE) !== Qnil, stop);
    return [r.obj, byteToChar(rt, b, r.end - base + 1)];
  } catch (e) {
    if (e instanceof LispSignal && e.symbol === Qend_of_file_ef) move(bint(rt, b, BUF_ZV));
    else if (e instanceof LispSignal && e.symbol === Qinvalid_read_syntax_ef) {
      // GNU names the line and column where reading a buffer went wrong.
      const pos = Math.min(byteToChar(rt, b, Math.min(stop.pos - base + 1, zvByte)), bint(rt, b, BUF_ZV));
      move(pos);
      if (consp(e.data) && xcdr(rt, e.data) === Qnil) {
        const [, lines] = scanForward(rt, 1, Infinity, pos);
        const [bol] = scanBackward(rt, pos, 1, 1);
        throw new LispSignal(e.symbol, listFrom(rt, [xcar(rt, e.data), makeFixnum(lines + 1), makeFixnum(pos - bol)]));
      }
    }
    throw e;
  }
}
const Qinvalid_read_syntax_ef = DEFSYM('invalid-read-syntax');
const listFrom = (rt: Runtime, xs: number[]): number => xs.reduceRight((acc, x) => consL(rt, x, acc), Qnil);
const Qend_of_file_ef = DEFSYM('end-of-file');

registerStreamReader((rt, stream) => {
  if (markerp(rt, stream)) {
    const b = markerBuffer(rt, stream);
    if (b === Qnil) error(rt, 'Marker does not point anywhere');
    const pos = Math.max(bint(rt, b, BUF_BEGV), Math.min(markerCharpos(rt, stream), bint(rt, b, BUF_ZV)));
    const move = (p: number): void => attachMarker(rt, stream, b, p, charToByte(rt, b, p));
    return saveCurrentBuffer(rt, () => {
      setCurrentBuffer(rt, b);
      const [obj, end] = readInBuffer(rt, b, pos, move);
      move(end);
      return obj;
    });
  }
  if (!bufferp(rt, stream)) return undefined;
  // A killed buffer has no text left to read.
  if (!bufferLive(rt, stream)) xsignal(Qend_of_file_ef, Qnil);
  // Point of STREAM moves; setPoint works on the current buffer, so make it current meanwhile.
  return saveCurrentBuffer(rt, () => {
    setCurrentBuffer(rt, stream);
    const [obj, end] = readInBuffer(rt, stream, bint(rt, stream, BUF_PT), (p) => setPoint(rt, p));
    setPoint(rt, end);
    return obj;
  });
});

// ---- editing in place: transpose-regions, replace-buffer-contents, translation, comparison ----------

const Qinhibit_modification_hooks_ef = DEFSYM('inhibit-modification-hooks');
const Qbuffer_undo_list_ef = DEFSYM('buffer-undo-list');
const Qargs_out_of_range_ef = DEFSYM('args-out-of-range');
void Qargs_out_of_range_ef;
const Qconcat_ef = DEFSYM('concat');

/** The markers of B with their char positions, collected into a rooted Lisp list (the chain is weak). */
function markersIn(rt: Runtime, b: number, lo: number, hi: number): { list: number; pos: number[] } {
  let l = Qnil;
  const pos: number[] = [];
  for (let c = bslot(rt, b, BUF_MARKERS); consp(c); c = xcdr(rt, c)) {
    const mk = xcar(rt, c);
    const p = markerCharpos(rt, mk);
    if (p < lo || p > hi) continue;
    rt.push(l);
    l = consL(rt, mk, rt.stack[rt.sp - 1]!);
    rt.sp--;
    pos.push(p);
  }
  // Consing reversed the order: POS follows the list.
  pos.reverse();
  return { list: l, pos };
}

/** The chars of B from FROM to TO, as codes (raw bytes as their chars). */
function bufferChars(rt: Runtime, b: number, from: number, to: number): Int32Array {
  const out = new Int32Array(to - from);
  const multibyte = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
  let pb = charToByte(rt, b, from);
  for (let i = 0; i < out.length; i++) {
    const c = charAtByte(rt, b, pb);
    out[i] = c;
    pb += multibyte ? charBytes(c) : 1;
  }
  return out;
}

/**
 * Put STR (a string of TO - FROM chars) in place of FROM..TO of the current buffer B with no
 * hooks and no undo records (the caller does both), then point every marker of MARKS (and point
 * when POINTTO is given) at the char position NEWPOS gives for its old one.
 */
function replaceSameLength(rt: Runtime, b: number, from: number, to: number, str: number,
  marks: { list: number; pos: number[] }, newPos: (p: number) => number, pointNew: number | null): void {
  const sp = rt.sp;
  rt.push(str);
  rt.push(marks.list);
  const count = rt.specCount;
  specbind(rt, Qinhibit_modification_hooks_ef, Qt);
  const undo = findSymbolValue(rt, Qbuffer_undo_list_ef);
  rt.push(undo);
  setInternal(rt, Qbuffer_undo_list_ef, Qt);
  // The overlays sit out the raw delete and insert (their ends are markers of MARKS and are put
  // back below): a deletion would collapse them and drop the `evaporate' ones, which GNU keeps.
  rt.push(bslot(rt, b, BUF_OVERLAYS));
  setBslot(rt, b, BUF_OVERLAYS, Qnil);
  try {
    const pt = bint(rt, b, BUF_PT);
    deleteRange(rt, from, to, false);
    setPoint(rt, from);
    insertString(rt, rt.stack[sp]!, false, false);
    // Byte positions of the new text, for markers and point.
    const multibyte = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
    const chars = bufferChars(rt, b, from, to);
    const fromByte = charToByte(rt, b, from);
    const cum = new Int32Array(chars.length + 1);
    for (let i = 0; i < chars.length; i++) cum[i + 1] = cum[i]! + (multibyte ? charBytes(chars[i]!) : 1);
    const byteOf = (p: number): number => fromByte + cum[p - from]!;
    let i = 0;
    for (let l = rt.stack[sp + 1]!; consp(l); l = xcdr(rt, l), i++) {
      const ms = (xcar(rt, l) & -8) >>> 2;
      const np = newPos(marks.pos[i]!);
      rt.i32[ms + 1 + MARKER_CHARPOS] = makeFixnum(np);
      rt.i32[ms + 1 + MARKER_BYTEPOS] = makeFixnum(byteOf(np));
    }
    const np = pointNew ?? (pt >= from && pt <= to ? pt : null);
    if (np !== null) {
      setBint(rt, b, BUF_PT, np);
      setBint(rt, b, BUF_PT_BYTE, byteOf(np));
    } else setPoint(rt, pt);
    forgetPositionCache(rt, b);
  } finally {
    setBslot(rt, b, BUF_OVERLAYS, rt.stack[sp + 3]!);
    setInternal(rt, Qbuffer_undo_list_ef, rt.stack[sp + 2]!);
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

DEFUN('transpose-regions', 4, 5,
  'Swap the text of the regions STARTR1..ENDR1 and STARTR2..ENDR2, which must not overlap.\nMarkers and point move with the text unless LEAVE-MARKERS is non-nil; text properties always do.',
  (rt, startr1: number, endr1: number, startr2: number, endr2: number, leaveMarkers: number) => {
    let [s1, e1] = validateRegion(rt, startr1, endr1);
    let [s2, e2] = validateRegion(rt, startr2, endr2);
    if (s2 < s1) [s1, e1, s2, e2] = [s2, e2, s1, e1];
    if (s2 < e1) error(rt, 'Transposed regions overlap');
    if ((s1 === e1 && s2 === e2) || (s1 === e1 && e1 === s2) || (s2 === e2 && e1 === s2)) return Qnil;
    const b = currentBuffer(rt);
    const len1 = e1 - s1, len2 = e2 - s2, lenMid = s2 - e1;
    const sp = rt.sp;
    try {
      const whole = bufferSubstring(rt, b, s1, e2, true);
      rt.push(whole);
      rt.push(bufferSubstring(rt, b, s2, e2, true));
      rt.push(bufferSubstring(rt, b, e1, s2, true));
      rt.push(bufferSubstring(rt, b, s1, e1, true));
      rt.push(funcall(rt, Qconcat_ef, [rt.stack[sp + 1]!, rt.stack[sp + 2]!, rt.stack[sp + 3]!]));
      prepareToModify(rt, s1, e2);
      // Non-adjacent regions of one length are recorded as two changes, as GNU does.
      if (len1 === len2 && lenMid > 0 && charToByte(rt, b, e1) - charToByte(rt, b, s1) === charToByte(rt, b, e2) - charToByte(rt, b, s2)) {
        recordChange(rt, b, s1, bufferSubstring(rt, b, s1, e1, true));
        recordChange(rt, b, s2, bufferSubstring(rt, b, s2, e2, true));
      } else recordChange(rt, b, s1, rt.stack[sp]!);
      const leave = leaveMarkers !== Qnil;
      const newPos = (p: number): number => {
        if (leave || p >= e2) return p;
        if (p < e1) return p + len2 + lenMid;
        if (p < s2) return p + len2 - len1;
        return p - len1 - lenMid;
      };
      const marks = markersIn(rt, b, s1, e2);
      const pt = bint(rt, b, BUF_PT);
      replaceSameLength(rt, b, s1, e2, rt.stack[sp + 4]!, marks, newPos, pt >= s1 && pt <= e2 ? newPos(pt) : null);
      // An overlay whose ends went to opposite regions now starts after it ends: as GNU, its start
      // joins its end (and an emptied `evaporate' overlay stays, as GNU's does here).
      if (bslot(rt, b, BUF_OVERLAYS) !== Qnil) overlayHooks.changed(rt, b, s1, e2);
      signalAfterChange(rt, s1, e2, e2 - s1);
    } finally {
      rt.sp = sp;
    }
    return Qnil;
  });

/** Thrown out of the diff when its time budget is spent. */
class DiffAborted extends Error {}

/**
 * The changes turning A into B, a minimal edit script found by Myers's divide-and-conquer
 * search for the middle snake (the algorithm GNU's diffseq.h implements): hunks [aFrom, aTo,
 * bFrom, bTo) in order, each a run of deletions from A and insertions from B between matching
 * chars. Past TOOEXPENSIVE steps in one search the furthest-reaching diagonal is taken instead
 * (still a correct script, maybe not minimal); past DEADLINE (ms since the epoch) DiffAborted.
 */
function diffHunks(a: Int32Array, b: Int32Array, tooExpensive: number, deadline: number): number[][] {
  // Checked once before anything, as GNU does: a zero budget always falls back.
  if (deadline >= 0 && Date.now() >= deadline) throw new DiffAborted();
  const n = a.length, m = b.length;
  const delA = new Uint8Array(n), insB = new Uint8Array(m);
  const off = m + 1;
  const fd = new Int32Array(n + m + 3), bd = new Int32Array(n + m + 3);
  const mid = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim, dmax = xlim - yoff, fmid = xoff - yoff, bmid = xlim - ylim;
    let fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (let c = 1; ; c++) {
      if (deadline >= 0 && (c & 255) === 1 && Date.now() >= deadline) throw new DiffAborted();
      if (fmin > dmin) fd[off + --fmin - 1] = -1; else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1; else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1]!, thi = fd[off + d + 1]!;
        let x = tlo >= thi ? tlo + 1 : thi;
        let y = x - d;
        while (x < xlim && y < ylim && a[x] === b[y]) { x++; y++; }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d]! <= x) return [x, y];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = 0x7fffffff; else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = 0x7fffffff; else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1]!, thi = bd[off + d + 1]!;
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (xoff < x && yoff < y && a[x - 1] === b[y - 1]) { x--; y--; }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]!) return [x, y];
      }
      if (c >= tooExpensive) {
        // Too costly: cut at the diagonal that got furthest, forward or backward.
        let fxy = -1, fx = xoff;
        for (let d = fmax; d >= fmin; d -= 2) {
          const x = Math.min(fd[off + d]!, xlim), y = x - d;
          if (ylim < y) continue;
          if (fxy < x + y) { fxy = x + y; fx = x; }
        }
        let bxy = 0x7fffffff, bx = xlim;
        for (let d = bmax; d >= bmin; d -= 2) {
          const x = Math.max(xoff, bd[off + d]!), y = x - d;
          if (y < yoff) continue;
          if (x + y < bxy) { bxy = x + y; bx = x; }
        }
        if (xlim + ylim - bxy < fxy - (xoff + yoff)) return [fx, fxy - fx];
        return [bx, bxy - bx];
      }
    }
  };
  const compare = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && a[xoff] === b[yoff]) { xoff++; yoff++; }
    while (xoff < xlim && yoff < ylim && a[xlim - 1] === b[ylim - 1]) { xlim--; ylim--; }
    if (xoff === xlim) { for (let y = yoff; y < ylim; y++) insB[y] = 1; return; }
    if (yoff === ylim) { for (let x = xoff; x < xlim; x++) delA[x] = 1; return; }
    const [xm, ym] = mid(xoff, xlim, yoff, ylim);
    compare(xoff, xm, yoff, ym);
    compare(xm, xlim, ym, ylim);
  };
  compare(0, n, 0, m);
  const hunks: number[][] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !delA[i] && !insB[j]) { i++; j++; continue; }
    const i0 = i, j0 = j;
    while (i < n && delA[i]) i++;
    while (j < m && insB[j]) j++;
    hunks.push([i0, i, j0, j]);
  }
  return hunks;
}

DEFUN('replace-buffer-contents', 1, 3,
  'Replace the accessible part of the current buffer with that of SOURCE (a buffer or a buffer\'s name), changing only what differs,\nso that markers, properties and point in unchanged text stay. MAX-SECS bounds the time spent comparing: past it the text is\ndeleted and inserted whole and nil is given. MAX-COSTS (default 1000000) bounds the effort of the comparison before a\nfaster, maybe less minimal, one is used. Gives t when the replacement changed only what differs.',
  (rt, source: number, maxSecs: number, maxCosts: number) => {
    const src = getBuffer(rt, source);
    if (src === Qnil) xsignal(DEFSYM('error'), consL(rt, funcall(rt, DEFSYM('format'), [makeString(rt, 'No buffer named %s'), source]), Qnil));
    const b = currentBuffer(rt);
    if (src === b) error(rt, 'Cannot replace a buffer with itself');
    if (!bufferLive(rt, src)) error(rt, 'Selecting deleted buffer');
    let costs = 1000000;
    if (maxCosts !== Qnil) {
      if (!isFixnum(maxCosts)) wrongTypeArgument(rt, DEFSYM('integerp'), maxCosts);
      costs = Math.max(fixnumValue(maxCosts), 1);
    }
    let deadline = -1;
    if (maxSecs !== Qnil) {
      const secs = isFixnum(maxSecs) ? fixnumValue(maxSecs) : floatp(maxSecs) ? xfloat(rt, maxSecs) : wrongTypeArgument(rt, DEFSYM('numberp'), maxSecs);
      deadline = Date.now() + Math.max(0, secs) * 1000;
    }
    const begv = bint(rt, b, BUF_BEGV);
    const a = bufferChars(rt, b, begv, bint(rt, b, BUF_ZV));
    const srcBegv = bint(rt, src, BUF_BEGV);
    const bc = bufferChars(rt, src, srcBegv, bint(rt, src, BUF_ZV));
    let hunks: number[][] | null;
    try {
      // Identical texts need no comparison (and no time): GNU still runs the change hooks.
      hunks = a.length === bc.length && a.every((c, i) => c === bc[i]) ? [] : diffHunks(a, bc, costs, deadline);
    } catch (e) {
      if (!(e instanceof DiffAborted)) throw e;
      hunks = null;
    }
    const sp = rt.sp;
    rt.push(src);
    try {
      if (hunks === null || a.length === 0) {
        // Over budget: the plain way, and point ends after the new text.
        deleteRange(rt, begv, bint(rt, b, BUF_ZV), false);
        setPoint(rt, begv);
        if (bc.length > 0) insertString(rt, bufferSubstring(rt, src, srcBegv, srcBegv + bc.length, true), false, false);
        // An empty buffer is simply filled (point after the text, as in GNU), which counts as success.
        return hunks === null ? Qnil : Qt;
      }
      const hooks = findSymbolValue(rt, Qinhibit_modification_hooks_ef) === Qnil;
      if (hooks) prepareToModify(rt, begv, bint(rt, b, BUF_ZV));
      // Point is recorded when the first change (the last hunk: they are made from the end) is elsewhere.
      if (hunks.length > 0 && bint(rt, b, BUF_PT) !== begv + hunks[hunks.length - 1]![0]!) recordPointEntry(rt, bint(rt, b, BUF_PT));
      const count = rt.specCount;
      specbind(rt, Qinhibit_modification_hooks_ef, Qt);
      // Point comes back where its text went, as after save-excursion.
      const ptMarker = makeMarkerAt(rt, b, bint(rt, b, BUF_PT));
      rt.push(ptMarker);
      try {
        for (let k = hunks.length - 1; k >= 0; k--) {
          const [i0, i1, j0, j1] = hunks[k]!;
          const at = begv + i0!;
          if (i1! > i0!) deleteRange(rt, at, begv + i1!, false);
          if (j1! > j0!) {
            setPoint(rt, at);
            insertString(rt, bufferSubstring(rt, rt.stack[sp]!, srcBegv + j0!, srcBegv + j1!, true), false, false);
          }
        }
      } finally {
        const m = rt.stack[sp + 1]!;
        if (markerBuffer(rt, m) === b) setPoint(rt, markerCharpos(rt, m));
        unchainMarker(rt, m);
        unbindTo(rt, count);
      }
      if (hooks) signalAfterChange(rt, begv, begv + bc.length, a.length);
      return Qt;
    } finally {
      rt.sp = sp;
    }
  }, 'bSource buffer: ');

/** The current buffer's unmodified state, to give back after a change that NOUNDO hides. */
function changeChar(rt: Runtime, b: number, pos: number, c: number): void {
  const pb = charToByte(rt, b, pos);
  const old = charAtByte(rt, b, pb);
  const multibyte = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
  replaceCharRaw(rt, b, pos, pb, multibyte ? charBytes(old) : 1, [c]);
  forgetPositionCache(rt, b);
}

DEFUN('subst-char-in-region', 4, 5,
  'Replace each FROMCHAR by TOCHAR from START to END of the current buffer; both must take as many bytes.\nNOUNDO non-nil records no undo and leaves an unmodified buffer unmodified.',
  (rt, start: number, end: number, fromchar: number, tochar: number, noundo: number) => {
    const [s, e] = validateRegion(rt, start, end);
    const fc = checkCharEf(rt, fromchar), tc = checkCharEf(rt, tochar);
    let b = currentBuffer(rt);
    const multibyte = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
    if (multibyte && charBytes(fc) !== charBytes(tc))
      xsignal(DEFSYM('error'), consL(rt, funcallString(rt, 'format-message', 'Characters in `subst-char-in-region\' have different byte-lengths'), Qnil));
    const chars = bufferChars(rt, b, s, e);
    let changed = -1, last = -1;
    const wasUnmodified = bint(rt, b, BUF_MODIFF) <= bint(rt, b, BUF_SAVE_MODIFF);
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] !== fc) continue;
      const pos = s + i;
      if (changed < 0) {
        changed = pos;
        prepareToModify(rt, pos, e);
        b = currentBuffer(rt);
        // A hook may have changed the text: stop where it no longer matches.
      }
      if (pos >= bint(rt, b, BUF_ZV) || charAt(rt, pos) !== fc) continue;
      if (noundo === Qnil) recordChange(rt, b, pos, bufferSubstring(rt, b, pos, pos + 1, true));
      changeChar(rt, b, pos, tc);
      // Bumped after the first record, so that it sees the buffer unmodified (its (t . 0) entry).
      if (last < 0) bumpModiff(rt, b);
      last = pos + 1;
    }
    if (changed >= 0) {
      if (noundo !== Qnil && wasUnmodified) setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
      if (last > 0) signalAfterChange(rt, changed, last, last - changed);
    }
    return Qnil;
  });

function funcallString(rt: Runtime, fn: string, text: string): number {
  return funcall(rt, DEFSYM(fn), [makeString(rt, text)]);
}

function checkCharEf(rt: Runtime, x: number): number {
  if (!isFixnum(x) || fixnumValue(x) < 0 || fixnumValue(x) > 0x3fffff) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

DEFUN('translate-region-internal', 3, 3,
  'Translate the characters from START to END of the current buffer by TABLE, a string (char C becomes the Cth char of it,\nwhen there is one) or a char-table (whose character values replace their chars); give how many changed.',
  (rt, start: number, end: number, table: number) => {
    const [s, e] = validateRegion(rt, start, end);
    let map: (c: number) => number;
    if (stringp(table)) {
      const sp = rt.sp;
      rt.push(table);
      const tchars = bufferlessChars(rt, table);
      rt.sp = sp;
      map = (c) => (c < tchars.length ? tchars[c]! : -1);
    } else if (charTableP(rt, table)) {
      map = (c) => {
        const v = charTableRef(rt, table, c);
        return isFixnum(v) && fixnumValue(v) >= 0 && fixnumValue(v) <= 0x3fffff ? fixnumValue(v) : -1;
      };
    } else return error(rt, 'Not a translation table');
    const sp = rt.sp;
    rt.push(table);
    try {
      prepareToModify(rt, s, e);
      const b = currentBuffer(rt);
      const multibyte = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
      let n = 0;
      for (let pos = s; pos < Math.min(e, bint(rt, b, BUF_ZV)); pos++) {
        const c = charAt(rt, pos);
        let nc = map(c);
        if (nc < 0 || nc === c) continue;
        // A unibyte buffer takes only bytes.
        if (!multibyte && nc >= 0x100) {
          if (nc >= BYTE8_BASE) nc -= BYTE8_BASE - 0x80; else continue;
        }
        if (!multibyte || charBytes(nc) === charBytes(c)) {
          const count = rt.specCount;
          specbind(rt, Qinhibit_modification_hooks_ef, Qt);
          try {
            recordChange(rt, b, pos, bufferSubstring(rt, b, pos, pos + 1, true));
            changeChar(rt, b, pos, nc);
            bumpModiff(rt, b);
          } finally {
            unbindTo(rt, count);
          }
        } else replaceOneChar(rt, b, pos, nc);
        signalAfterChange(rt, pos, pos + 1, 1);
        n++;
      }
      return makeFixnum(n);
    } finally {
      rt.sp = sp;
    }
  });

/**
 * Replace the char at POS of B by C of another byte length as GNU's translate-region does: the
 * new char (without properties) goes in after the old one, which is then deleted; the before
 * hook runs for POS..POS+1, the caller runs the after hook.
 */
function replaceOneChar(rt: Runtime, b: number, pos: number, c: number): void {
  prepareToModify(rt, pos, pos + 1);
  const sp = rt.sp;
  const old = bufferSubstring(rt, b, pos, pos + 1, true);
  rt.push(old);
  recordInsert(rt, b, pos + 1, 1);
  recordDelete(rt, b, pos, old, false);
  const count = rt.specCount;
  specbind(rt, Qinhibit_modification_hooks_ef, Qt);
  rt.push(findSymbolValue(rt, Qbuffer_undo_list_ef));
  setInternal(rt, Qbuffer_undo_list_ef, Qt);
  const pt = bint(rt, b, BUF_PT);
  try {
    setPoint(rt, pos + 1);
    insertString(rt, charToString(rt, makeFixnum(c)), false, false);
    deleteRange(rt, pos, pos + 1, false);
    setPoint(rt, pt);
  } finally {
    setInternal(rt, Qbuffer_undo_list_ef, rt.stack[sp + 1]!);
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

/** The chars of string S as codes. */
function bufferlessChars(rt: Runtime, s: number): number[] {
  const out: number[] = [];
  charsOf(rt, s, out);
  return out;
}

/** GNU's compare-buffer-substrings region arguments: nil ends mean the accessible bounds. */
function compareRegion(rt: Runtime, buffer: number, start: number, end: number): [number, number, number] {
  let b: number;
  if (buffer === Qnil) b = currentBuffer(rt);
  else {
    b = getBuffer(rt, buffer);
    if (b === Qnil) xsignal(DEFSYM('error'), consL(rt, funcall(rt, DEFSYM('format'), [makeString(rt, 'No buffer named %s'), buffer]), Qnil));
  }
  if (!bufferLive(rt, b)) error(rt, 'Selecting deleted buffer');
  const begv = bint(rt, b, BUF_BEGV), zv = bint(rt, b, BUF_ZV);
  let s = start === Qnil ? begv : positionValue(rt, start);
  let e = end === Qnil ? zv : positionValue(rt, end);
  if (s > e) [s, e] = [e, s];
  if (!(begv <= s && e <= zv)) xsignal(Qargs_out_of_range_ef, consL(rt, start, consL(rt, end, Qnil)));
  return [b, s, e];
}

DEFUN('compare-buffer-substrings', 6, 6,
  'Compare the text of BUFFER1 from START1 to END1 with that of BUFFER2 from START2 to END2 (nil buffer: the current one;\nnil ends: the accessible bounds), ignoring case when `case-fold-search\' is non-nil. Give 0 when equal, else -N when the\nfirst text is less and N when it is greater, N - 1 being the number of chars that matched.',
  (rt, buffer1: number, start1: number, end1: number, buffer2: number, start2: number, end2: number) => {
    const [b1, s1, e1] = compareRegion(rt, buffer1, start1, end1);
    const [b2, s2, e2] = compareRegion(rt, buffer2, start2, end2);
    const fold = findSymbolValue(rt, DEFSYM('case-fold-search'));
    const canon = fold !== Qnil && fold !== Qunbound ? currentCaseMaps(rt).canon : null;
    const c1 = bufferChars(rt, b1, s1, e1), c2 = bufferChars(rt, b2, s2, e2);
    const n = Math.min(c1.length, c2.length);
    for (let i = 0; i < n; i++) {
      let x = c1[i]!, y = c2[i]!;
      if (canon) { x = canon(x); y = canon(y); }
      if (x !== y) return makeFixnum(x < y ? -(i + 1) : i + 1);
    }
    return makeFixnum(c1.length < c2.length ? -(n + 1) : c1.length > c2.length ? n + 1 : 0);
  });

// ---- groups -------------------------------------------------------------------------------------

// group-gid and group-real-gid are in editfns-user.ts with the user ids.

DEFUN('group-name', 1, 1, 'Give the name of the group whose numeric id is GID (an integer or integral float), from /etc/group; nil when none is known.',
  (rt, gid: number) => {
    let id: number;
    if (isFixnum(gid)) id = fixnumValue(gid);
    else if (floatp(gid)) id = xfloat(rt, gid);
    else if (bignump(rt, gid)) id = -1;
    else return error(rt, 'Invalid GID specification');
    // GNU takes a gid_t: a negative, fractional or too large number is refused.
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) error(rt, 'Not an in-range integer, integral float, or cons of integers');
    const bytes = rt.host.readFile('/etc/group');
    if (bytes === null) return Qnil;
    for (const line of new TextDecoder().decode(bytes).split('\n')) {
      const f = line.split(':');
      if (f.length >= 3 && f[2] !== '' && Number(f[2]) === id) return makeString(rt, f[0]!);
    }
    return Qnil;
  });

// ---- fields (the `field' character property) ------------------------------------------------------
//
// A field is a maximal run of characters whose `field' property (text or overlay, as
// `get-char-property' sees it) is the same object.  A position between two runs belongs to the
// run that text inserted there would join (`get-pos-property'); a position that would join
// neither, with a nil value itself, belongs to both neighbours.  The value `boundary' makes a
// run that MERGE-AT-BOUNDARY (the commands' ESCAPE-FROM-EDGE) steps over.

const Qfield = DEFSYM('field');
const Qboundary_ef = DEFSYM('boundary');
const Qget_char_property_ef = DEFSYM('get-char-property');
const Qget_pos_property_ef = DEFSYM('get-pos-property');
const Qnext_scpc_ef = DEFSYM('next-single-char-property-change');
const Qprev_scpc_ef = DEFSYM('previous-single-char-property-change');
const Qinhibit_field_text_motion = DEFVAR('inhibit-field-text-motion', () => Qnil, 'Non-nil means the line motion primitives and `constrain-to-field\' pay no attention to fields.');
DEFVAR('binary-as-unsigned', () => Qnil, 'Non-nil means `format\' shows a negative integer under %o or %x in two\'s complement.');
DEFVAR('buffer-access-fontify-functions', () => Qnil, 'Functions called with START and END before `buffer-substring\' copies text not yet fontified.');
DEFVAR('buffer-access-fontified-property', () => Qnil, 'The text property marking text `buffer-access-fontify-functions\' has handled, or nil.');
DEFVAR('system-messages-locale', () => Qnil, 'The locale system messages are shown in; nil means the environment\'s.');
DEFVAR('system-time-locale', () => Qnil, 'The locale `format-time-string\' names days and months in; nil means the environment\'s.');

/** PROP at POS of the current buffer as `get-char-property' gives it (POS a JS number). */
function charPropAt(rt: Runtime, pos: number, prop: number): number {
  return funcall(rt, Qget_char_property_ef, [makeFixnum(pos), prop]);
}

/** The position argument of the field functions: nil is point; others must be in the accessible part. */
function fieldPosArg(rt: Runtime, pos: number): number {
  if (pos === Qnil) return point(rt);
  const p = positionValue(rt, pos);
  if (p < begv(rt) || p > zv(rt)) xsignal(DEFSYM('args-out-of-range'), list(rt, pos));
  return p;
}

/**
 * The start and end of the field around POS: each bound is found only when asked (WANT_START,
 * WANT_END), and is limited by BEG_LIMIT / END_LIMIT (Lisp values, nil for none).
 */
function fieldBounds(rt: Runtime, pos: number, merge: boolean, begLimit: number, endLimit: number, wantStart: boolean, wantEnd: boolean): [number, number] {
  const sp = rt.sp;
  const after = pos < zv(rt) ? charPropAt(rt, pos, Qfield) : Qnil;
  rt.push(after);
  // At the start of the accessible text the missing neighbour counts as the same field as the one after.
  const before = pos > begv(rt) ? charPropAt(rt, pos - 1, Qfield) : after;
  rt.push(before);
  // Is POS the first position of the field after it, the last of the one before, or both?
  let startsAfter = false;
  let endsBefore = false;
  if (!merge) {
    const own = funcall(rt, Qget_pos_property_ef, [makeFixnum(pos), Qfield]);
    startsAfter = own !== before;
    endsBefore = own !== after;
    // Joining neither neighbour with no field of its own: POS is inside both, as no boundary.
    if (own === Qnil && startsAfter && endsBefore) startsAfter = endsBefore = false;
  }
  let start = pos;
  let end = pos;
  if (wantStart && !startsAfter) {
    let p = makeFixnum(pos);
    if (merge && before === Qboundary_ef) p = funcall(rt, Qprev_scpc_ef, [p, Qfield, Qnil, begLimit]);
    p = funcall(rt, Qprev_scpc_ef, [p, Qfield, Qnil, begLimit]);
    start = p === Qnil ? begv(rt) : fixnumValue(p);
  }
  if (wantEnd && !endsBefore) {
    let p = makeFixnum(pos);
    if (merge && after === Qboundary_ef) p = funcall(rt, Qnext_scpc_ef, [p, Qfield, Qnil, endLimit]);
    p = funcall(rt, Qnext_scpc_ef, [p, Qfield, Qnil, endLimit]);
    end = p === Qnil ? zv(rt) : fixnumValue(p);
  }
  rt.sp = sp;
  return [start, end];
}

DEFUN('field-beginning', 0, 3, 'Give the start of the field around POS (by default point); with ESCAPE-FROM-EDGE, a POS at a field\'s start gives the start of the field before it.\nLIMIT, when non-nil, is the smallest position the answer may be.',
  (rt, pos: number, escape: number, limit: number) =>
    makeFixnum(fieldBounds(rt, fieldPosArg(rt, pos), escape !== Qnil, limit, Qnil, true, false)[0]));

DEFUN('field-end', 0, 3, 'Give the end of the field around POS (by default point); with ESCAPE-FROM-EDGE, a POS at a field\'s end gives the end of the field after it.\nLIMIT, when non-nil, is the largest position the answer may be.',
  (rt, pos: number, escape: number, limit: number) =>
    makeFixnum(fieldBounds(rt, fieldPosArg(rt, pos), escape !== Qnil, Qnil, limit, false, true)[1]));

DEFUN('field-string', 0, 1, 'Give the text of the field around POS (by default point), with its properties.',
  (rt, pos: number) => {
    const [s, e] = fieldBounds(rt, fieldPosArg(rt, pos), false, Qnil, Qnil, true, true);
    return bufferSubstring(rt, currentBuffer(rt), s, e, true);
  });

DEFUN('field-string-no-properties', 0, 1, 'Give the text of the field around POS (by default point), without properties.',
  (rt, pos: number) => {
    const [s, e] = fieldBounds(rt, fieldPosArg(rt, pos), false, Qnil, Qnil, true, true);
    return bufferSubstring(rt, currentBuffer(rt), s, e, false);
  });

DEFUN('delete-field', 0, 1, 'Delete the text of the field around POS (by default point).',
  (rt, pos: number) => {
    const [s, e] = fieldBounds(rt, fieldPosArg(rt, pos), false, Qnil, Qnil, true, true);
    if (s < e) funcall(rt, DEFSYM('delete-region'), [makeFixnum(s), makeFixnum(e)]);
    return Qnil;
  });

/** Whether POS or the character before it has a non-nil PROP (the two sides of a boundary at POS). */
function propAroundPos(rt: Runtime, pos: number, prop: number): boolean {
  if (pos >= begv(rt) && pos <= zv(rt) && charPropAt(rt, pos, prop) !== Qnil) return true;
  return pos > begv(rt) && charPropAt(rt, pos - 1, prop) !== Qnil;
}

/** GNU's constrain-to-field on JS positions; MOVE_POINT when NEW-POS was nil (point itself is the new position). */
function constrainToField(rt: Runtime, newPos: number, oldPos: number, escape: boolean, onlyInLine: boolean, capture: number): number {
  if (newPos === oldPos || findSymbolValue(rt, Qinhibit_field_text_motion) !== Qnil) return newPos;
  if (!propAroundPos(rt, newPos, Qfield) && !propAroundPos(rt, oldPos, Qfield)) return newPos;
  if (capture !== Qnil) {
    // OLD-POS stuck to text with the capture property: fields do not hold it back.
    const held = funcall(rt, Qget_pos_property_ef, [makeFixnum(oldPos), capture]) !== Qnil
      || (oldPos > begv(rt) && charPropAt(rt, oldPos, capture) !== Qnil && charPropAt(rt, oldPos - 1, capture) !== Qnil);
    if (held) return newPos;
  }
  const forward = newPos > oldPos;
  const limit = makeFixnum(newPos);
  const bound = forward
    ? fieldBounds(rt, oldPos, escape, Qnil, limit, false, true)[1]
    : fieldBounds(rt, oldPos, escape, limit, Qnil, true, false)[0];
  if (forward ? bound >= newPos : bound <= newPos) return newPos;
  if (onlyInLine) {
    // Only when the field's edge is on the same line as NEW-POS.
    const [lo, hi] = bound < newPos ? [bound, newPos] : [newPos, bound];
    for (let p = lo; p < hi; p++) if (charAt(rt, p) === 10) return newPos;
  }
  return bound;
}

DEFUN('constrain-to-field', 2, 5, 'Give NEW-POS, or the nearest position to it in the field of OLD-POS when NEW-POS lies in another field; with NEW-POS nil, use and move point.\nESCAPE-FROM-EDGE lets an OLD-POS at a field\'s edge count in the neighbouring field; ONLY-IN-LINE leaves NEW-POS alone when the constrained position would be on another line; a non-nil INHIBIT-CAPTURE-PROPERTY that OLD-POS has lifts the constraint.',
  (rt, newPos: number, oldPos: number, escape: number, onlyInLine: number, capture: number) => {
    const usePoint = newPos === Qnil;
    const n = usePoint ? point(rt) : positionValue(rt, newPos);
    const o = positionValue(rt, oldPos);
    const r = constrainToField(rt, n, o, escape !== Qnil, onlyInLine !== Qnil, capture);
    if (usePoint && r !== n) setPoint(rt, r);
    return makeFixnum(r);
  });

// ---- small editfns.c pieces: insert-byte, ngettext, the batch message area ------------------------

const Qfixnump_ib = DEFSYM('fixnump');
const Qinsert_char_ef = DEFSYM('insert-char');

DEFUN('insert-byte', 2, 3, 'Insert COUNT copies of the byte BYTE (0 to 255) at point: in a multibyte buffer a BYTE above 127 goes in as a raw byte.\nWith INHERIT non-nil the bytes take the neighbours\' sticky properties.',
  (rt, byte: number, count: number, inherit: number) => {
    if (!isFixnum(byte)) wrongTypeArgument(rt, Qfixnump_ib, byte);
    const v = fixnumValue(byte);
    if (v < 0 || v > 255) xsignal(DEFSYM('args-out-of-range'), list(rt, byte, makeFixnum(0), makeFixnum(255)));
    const multibyte = bslot(rt, currentBuffer(rt), BUF_MULTIBYTE) !== Qnil;
    const ch = v >= 0x80 && multibyte ? v + BYTE8_BASE : v;
    return funcall(rt, Qinsert_char_ef, [makeFixnum(ch), count, inherit]);
  });

DEFUN('ngettext', 3, 3, 'Give MSGID when N is 1 and MSGID-PLURAL otherwise (no message catalogues are consulted).',
  (rt, msgid: number, plural: number, n: number) => {
    if (!stringp(msgid)) wrongTypeArgument(rt, Qstringp, msgid);
    if (!stringp(plural)) wrongTypeArgument(rt, Qstringp, plural);
    if (!isFixnum(n) && !bignump(rt, n)) wrongTypeArgument(rt, Qintegerp_ef, n);
    return n === makeFixnum(1) ? msgid : plural;
  });

// Batch sessions have no echo area: messages go to standard error and none is ever current.
DEFUN('current-message', 0, 0, 'Give the message shown in the echo area, or nil; always nil in batch mode, where messages go to standard error.',
  () => Qnil);

const Qmessage_ef = DEFSYM('message');
DEFUN('message-box', 1, MANY, 'Show a message built as `message\' builds it, in a dialog box when one can be shown, otherwise as `message\' does; give the message.',
  (rt, args: number[]) => funcall(rt, Qmessage_ef, args));
DEFUN('message-or-box', 1, MANY, 'Show a message built as `message\' builds it, in a dialog box after a mouse command when one can be shown, otherwise as `message\' does; give the message.',
  (rt, args: number[]) => funcall(rt, Qmessage_ef, args));
