// Making and taking apart Lisp objects: the accessors every other module uses (GNU's lisp.h and the constructors of alloc.c).
//
// Raw accessors (xcar, symbolValue...) assume the type has been checked;
// check* functions signal wrong-type-argument like GNU's CHECK_* macros.

import { HeapExhausted } from '../heap/heap.ts';
import {
  BK_CONS, BK_DATA, BK_FLOAT, BK_STRING, BK_SYMBOL, BK_VECTOR,
} from '../heap/heap.ts';
import {
  CONS_WORDS, FLOAT_WORDS, MAX_VECTOR_SIZE, PVEC_BIGNUM, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SIZE_MASK,
  PVEC_TYPE_SHIFT, STRING_WORDS, STR_DATA, STR_INTERVALS, STR_NBYTES, STR_NCHARS, SYMBOL_WORDS, SYM_FLAGS,
  SYM_FUNCTION, SYM_NAME, SYM_NEXT, SYM_PLIST, SYM_VALUE, makeHeader,
} from '../heap/layout.ts';
import {
  Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM,
  fixnumValue, isFixnum, makeFixnum, makePtr, wordIndex,
} from '../heap/tags.ts';
import { charBytes, readChar, writeChar, decodeUtf8ToInternal, charLenAt } from './character.ts';
import { G_EMPTY_MULTIBYTE, G_EMPTY_UNIBYTE, type Runtime } from './runtime.ts';
import { Qnil, Qunbound } from './symbols.ts';

export { wordIndex, makeFixnum, fixnumValue, isFixnum };

// ---- symbols ------------------------------------------------------------------

/** Word index of a symbol's cells. */
export const symIndex = (rt: Runtime, s: number): number => (((s >>> 3) + rt.sbg) & 0x1fffffff) << 1;
/** The symbol word for the symbol object at word index wi. */
export const makeSymbolWord = (rt: Runtime, wi: number): number => (((wi >>> 1) - rt.sbg) << 3) | Lisp_Symbol;

export const symbolName = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_NAME]!;
export const symbolRawValue = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_VALUE]!;
export const setSymbolRawValue = (rt: Runtime, s: number, v: number): void => {
  rt.i32[symIndex(rt, s) + SYM_VALUE] = v;
};
export const symbolFunction = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_FUNCTION]!;
export const setSymbolFunction = (rt: Runtime, s: number, f: number): void => {
  rt.i32[symIndex(rt, s) + SYM_FUNCTION] = f;
};
export const symbolPlist = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_PLIST]!;
export const setSymbolPlist = (rt: Runtime, s: number, p: number): void => {
  rt.i32[symIndex(rt, s) + SYM_PLIST] = p;
};
export const symbolNext = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_NEXT]!;
export const setSymbolNext = (rt: Runtime, s: number, n: number): void => {
  rt.i32[symIndex(rt, s) + SYM_NEXT] = n;
};
export const symbolFlags = (rt: Runtime, s: number): number => rt.i32[symIndex(rt, s) + SYM_FLAGS]!;
export const setSymbolFlags = (rt: Runtime, s: number, f: number): void => {
  rt.i32[symIndex(rt, s) + SYM_FLAGS] = f;
};

/** A fresh uninterned symbol named by the Lisp string NAME. */
export function makeSymbol(rt: Runtime, name: number): number {
  const wi = rt.heap.alloc(BK_SYMBOL, SYMBOL_WORDS);
  const m = rt.i32;
  m[wi + SYM_NAME] = name;
  m[wi + SYM_VALUE] = Qunbound;
  m[wi + SYM_FUNCTION] = Qnil;
  m[wi + SYM_PLIST] = Qnil;
  m[wi + SYM_NEXT] = makeFixnum(0);
  m[wi + SYM_FLAGS] = 0;
  rt.heap.counts.symbols++;
  return makeSymbolWord(rt, wi);
}

// ---- conses ---------------------------------------------------------------------

export function cons(rt: Runtime, car: number, cdr: number): number {
  const wi = rt.heap.alloc(BK_CONS, CONS_WORDS);
  const m = rt.i32;
  m[wi] = car;
  m[wi + 1] = cdr;
  rt.heap.counts.conses++;
  return makePtr(wi, Lisp_Cons);
}
export const xcar = (rt: Runtime, c: number): number => rt.i32[(c & -8) >>> 2]!;
export const xcdr = (rt: Runtime, c: number): number => rt.i32[((c & -8) >>> 2) + 1]!;
export const xsetcar = (rt: Runtime, c: number, v: number): void => {
  rt.i32[(c & -8) >>> 2] = v;
};
export const xsetcdr = (rt: Runtime, c: number, v: number): void => {
  rt.i32[((c & -8) >>> 2) + 1] = v;
};
export const consp = (x: number): boolean => (x & 7) === Lisp_Cons;
export const nilp = (x: number): boolean => x === Qnil;
export const listp = (x: number): boolean => x === Qnil || (x & 7) === Lisp_Cons;
export const symbolp = (x: number): boolean => (x & 7) === Lisp_Symbol;
export const stringp = (x: number): boolean => (x & 7) === Lisp_String;
export const floatp = (x: number): boolean => (x & 7) === Lisp_Float;
export const vectorlikep = (x: number): boolean => (x & 7) === Lisp_Vectorlike;

export const list = (rt: Runtime, ...xs: number[]): number => listFromArray(rt, xs);
export function listFromArray(rt: Runtime, xs: ArrayLike<number>, tail = Qnil): number {
  let r = tail;
  for (let i = xs.length - 1; i >= 0; i--) r = cons(rt, xs[i]!, r);
  return r;
}
/** The elements of a proper list, as a JS array (stops at the first non-cons). */
/**
 * Brent's cycle detector for walking a list (GNU's FOR_EACH_TAIL): reset(list),
 * then step(tail) after each cdr; true means the list is circular.
 */
export class TailWalker {
  tortoise = 0;
  n = 2;
  q = 2;
  reset(list: number): void {
    this.tortoise = list;
    this.n = 2;
    this.q = 2;
  }
  /** True if TAIL has come round to the tortoise: the list is circular. */
  step(tail: number): boolean {
    if (--this.q === 0) {
      this.n <<= 1;
      this.q = this.n;
      this.tortoise = tail;
      return false;
    }
    return tail === this.tortoise;
  }
}

/** The elements of a list the runtime built itself (never circular); user lists go through eval.ts listElements. */
export function listToArray(rt: Runtime, l: number): number[] {
  const out: number[] = [];
  while ((l & 7) === Lisp_Cons) {
    out.push(xcar(rt, l));
    l = xcdr(rt, l);
  }
  return out;
}

// ---- floats --------------------------------------------------------------------

export function makeFloat(rt: Runtime, d: number): number {
  const wi = rt.heap.alloc(BK_FLOAT, FLOAT_WORDS);
  rt.f64[wi >>> 1] = d;
  rt.heap.counts.floats++;
  return makePtr(wi, Lisp_Float);
}
export const xfloat = (rt: Runtime, f: number): number => rt.f64[(f & -8) >>> 3]!;

// ---- vectorlike objects -----------------------------------------------------------

export const pvecHeader = (rt: Runtime, v: number): number => rt.i32[(v & -8) >>> 2]!;
export const pvecType = (rt: Runtime, v: number): number => rt.i32[(v & -8) >>> 2]! >>> PVEC_TYPE_SHIFT;
export const pvecSize = (rt: Runtime, v: number): number => rt.i32[(v & -8) >>> 2]! & PVEC_SIZE_MASK;
/** Slot i of a vectorlike object (0-based, after the header). */
export const aref = (rt: Runtime, v: number, i: number): number => rt.i32[((v & -8) >>> 2) + 1 + i]!;
export const aset = (rt: Runtime, v: number, i: number, x: number): void => {
  rt.i32[((v & -8) >>> 2) + 1 + i] = x;
};
export const isPvec = (rt: Runtime, x: number, type: number): boolean =>
  (x & 7) === Lisp_Vectorlike && rt.i32[(x & -8) >>> 2]! >>> PVEC_TYPE_SHIFT === type;
export const vectorp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_NORMAL_VECTOR);
export const recordp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_RECORD);

/** Allocate a vectorlike of `type` with `size` slots all set to `init`. */
export function makePvec(rt: Runtime, type: number, size: number, init: number): number {
  if (size > MAX_VECTOR_SIZE) throw new HeapExhausted('vector too large');
  const wi = rt.heap.alloc(BK_VECTOR, size + 1);
  const m = rt.i32;
  m[wi] = makeHeader(type, size);
  m.fill(init, wi + 1, wi + 1 + size);
  rt.heap.counts.vectorSlots += size;
  return makePtr(wi, Lisp_Vectorlike);
}
export const makeVector = (rt: Runtime, size: number, init: number): number =>
  makePvec(rt, PVEC_NORMAL_VECTOR, size, init);
export function vectorFromArray(rt: Runtime, xs: ArrayLike<number>): number {
  const v = makeVector(rt, xs.length, Qnil);
  const base = ((v & -8) >>> 2) + 1;
  for (let i = 0; i < xs.length; i++) rt.i32[base + i] = xs[i]!;
  return v;
}

// ---- integers --------------------------------------------------------------------


/** A Lisp integer for n: a fixnum when it fits, else a bignum. */
export function makeInteger(rt: Runtime, n: number | bigint): number {
  if (typeof n === 'number') {
    if (n >= MOST_NEGATIVE_FIXNUM && n <= MOST_POSITIVE_FIXNUM) return makeFixnum(n);
    return makeBignum(rt, BigInt(n));
  }
  if (n >= BigInt(MOST_NEGATIVE_FIXNUM) && n <= BigInt(MOST_POSITIVE_FIXNUM)) return makeFixnum(Number(n));
  return makeBignum(rt, n);
}

// A bignum is a raw vectorlike: slot 0 a fixnum sign, then the magnitude in 32-bit little-endian
// words. Arithmetic works on JS bigints, and turning a bignum of a few hundred words into one and
// back (through text, to stay linear) cost 50-100 times the operation itself. So the bigint of a
// bignum wider than two words is remembered in rt.bignumValues, keyed by the object, and a bignum
// made from a bigint gets its words only when something reads them (sxhash, the dumper): until
// then its sign slot is +-2 instead of +-1. Bignums never change, so an entry stays true while its
// object lives; the collector drops the entries of objects it frees (pruneBignumValues) before
// their addresses can be reused, and the dumper writes every pending bignum's words first.

const BIG_2_64 = 1n << 64n;
const SIGN_PENDING = 2;

// The exponent field of a double, for exact bit lengths below.
const bitsF64 = new Float64Array(1);
const bitsU32 = new Uint32Array(bitsF64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/**
 * The number of bits of M > 0 (GNU's mpz_sizeinbase (M, 2)), without writing M out: a bigint's
 * length is not exposed, but BigInt.asUintN tells whether M < 2^k, and below 2^1023 the double
 * nearest M has the answer in its exponent. BOUND, when not 0, is a number of bits M is known
 * not to exceed (from the operands that made it): then one short shift finds the top.
 */
export function magnitudeBits(m: bigint, bound = 0): number {
  if (bound > 960) {
    const s = bound - 960;
    const y = m >> BigInt(s);
    if (y !== 0n) return s + smallBits(y);
    // The bound was loose by more than 960 bits: count from scratch.
  }
  if (m < BIG_2_1000) return smallBits(m);
  // 2^lo <= m < 2^hi: double hi until it bounds m, then halve the window until m >> lo is
  // below 2^960, well clear of doubles rounding to Infinity.
  let lo = 1000;
  let hi = 2048;
  while (BigInt.asUintN(hi, m) !== m) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 960) {
    const mid = (lo + hi) >>> 1;
    if (BigInt.asUintN(mid, m) === m) hi = mid;
    else lo = mid;
  }
  return lo + smallBits(m >> BigInt(lo));
}
const BIG_2_1000 = 1n << 1000n;

/** The bits of 0 < y < 2^1000, from the exponent of the double nearest y. */
function smallBits(y: bigint): number {
  bitsF64[0] = Number(y);
  const e = ((bitsU32[HI]! >>> 20) & 0x7ff) - 1023;
  // Above 2^53 the double may have rounded up to the next power of two.
  if (e >= 53 && (bitsU32[HI]! & 0xfffff) === 0 && bitsU32[LO] === 0 && y >> BigInt(e) === 0n) return e;
  return e + 1;
}

/**
 * A bignum object for n (which the caller knows is outside the fixnum range). BOUND, if not 0,
 * is a number of bits |n| does not exceed: see magnitudeBits.
 */
export function makeBignum(rt: Runtime, n: bigint, bound = 0): number {
  const neg = n < 0n;
  const mag = neg ? -n : n;
  if (mag < BIG_2_64) {
    // One or two words: written now, cheaper than remembering the bigint.
    const lo = Number(BigInt.asUintN(32, mag));
    const hi = Number(mag >> 32n);
    const v = makePvec(rt, PVEC_BIGNUM, hi === 0 ? 2 : 3, 0);
    const base = ((v & -8) >>> 2) + 1;
    rt.i32[base] = makeFixnum(neg ? -1 : 1);
    rt.i32[base + 1] = lo | 0;
    if (hi !== 0) rt.i32[base + 2] = hi | 0;
    return v;
  }
  const words = (magnitudeBits(mag, bound) + 31) >>> 5;
  // The words are written when settled: no need to clear them (a raw vectorlike's slots after
  // the first are never traced).
  if (words + 1 > MAX_VECTOR_SIZE) throw new HeapExhausted('bignum too large');
  const wi = rt.heap.alloc(BK_VECTOR, words + 2);
  rt.i32[wi] = makeHeader(PVEC_BIGNUM, words + 1);
  rt.heap.counts.vectorSlots += words + 1;
  const v = makePtr(wi, Lisp_Vectorlike);
  // GNU keeps a bignum's digits out of the Lisp heap, so they do not hasten a collection; here
  // they count an eighth, which keeps the garbage between collections bounded.
  rt.heap.bytesSinceGC -= (words * 7) >>> 1;
  rt.i32[((v & -8) >>> 2) + 1] = makeFixnum(neg ? -SIGN_PENDING : SIGN_PENDING);
  rt.bignumValues.set(v, n);
  return v;
}

/** Write out the words of bignum V if they are still pending (see makeBignum). */
export function settleBignum(rt: Runtime, v: number): void {
  const base = ((v & -8) >>> 2) + 1;
  const sign = fixnumValue(rt.i32[base]!);
  if (sign === 1 || sign === -1) return;
  const n = rt.bignumValues.get(v);
  if (n === undefined) throw new Error('bignum without its value');
  let mag = n < 0n ? -n : n;
  const words = pvecSize(rt, v) - 1;
  if (mag < BIG_WORDS_BY_SHIFTING) {
    for (let i = 0; i < words; i++) {
      rt.i32[base + 1 + i] = Number(BigInt.asUintN(32, mag)) | 0;
      mag >>= 32n;
    }
  } else {
    // Shifting a long bigint copies it each time (quadratic: a million digits took 100 s);
    // its hexadecimal text comes out in linear time and splits into words directly.
    const hex = mag.toString(16);
    let i = 0;
    for (let end = hex.length; end > 0; end -= 8) rt.i32[base + 1 + i++] = parseInt(hex.slice(Math.max(0, end - 8), end), 16) | 0;
  }
  rt.i32[base] = makeFixnum(sign < 0 ? -1 : 1);
}

/** Settle every pending bignum: the dumper copies words as they are. */
export function settleAllBignums(rt: Runtime): void {
  for (const v of rt.bignumValues.keys()) settleBignum(rt, v);
}

/**
 * Forget the values of bignums the collection in progress will free, whose addresses may come
 * back as other objects: called once marking is over, with the collector's survival test.
 */
export function pruneBignumValues(rt: Runtime, survives: (w: number) => boolean): void {
  for (const v of rt.bignumValues.keys()) if (!survives(v)) rt.bignumValues.delete(v);
}

/** Below this a bignum's words are taken by shifting; above, through hexadecimal text. */
const BIG_WORDS_BY_SHIFTING = 1n << 256n;

/**
 * The integer X as an exact JS number when it is a fixnum or a bignum within
 * +-(2^53 - 1), else NaN (any other object too): lets hot paths skip BigInt.
 */
export function safeIntegerValue(rt: Runtime, x: number): number {
  if ((x & 3) === 2) return x >> 2;
  if ((x & 7) !== Lisp_Vectorlike) return NaN;
  const wi = (x & -8) >>> 2;
  const h = rt.i32[wi]!;
  if (h >>> PVEC_TYPE_SHIFT !== PVEC_BIGNUM) return NaN;
  const size = h & PVEC_SIZE_MASK;
  if (size > 3) return NaN;
  const lo = rt.i32[wi + 2]! >>> 0;
  const hi = size === 3 ? rt.i32[wi + 3]! >>> 0 : 0;
  if (hi >= 0x200000) return NaN;
  const mag = hi * 4294967296 + lo;
  return rt.i32[wi + 1]! >> 2 < 0 ? -mag : mag;
}

/** The Lisp integer for an exact JS integer within +-(2^53 - 1): a fixnum, or a bignum laid out as makeBignum does. */
export function makeSafeInteger(rt: Runtime, n: number): number {
  if (n >= MOST_NEGATIVE_FIXNUM && n <= MOST_POSITIVE_FIXNUM) return makeFixnum(n);
  const mag = n < 0 ? -n : n;
  const hi = Math.floor(mag / 4294967296);
  const lo = mag - hi * 4294967296;
  const v = makePvec(rt, PVEC_BIGNUM, hi === 0 ? 2 : 3, 0);
  const base = ((v & -8) >>> 2) + 1;
  rt.i32[base] = makeFixnum(n < 0 ? -1 : 1);
  rt.i32[base + 1] = lo | 0;
  if (hi !== 0) rt.i32[base + 2] = hi | 0;
  return v;
}
export const bignump = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_BIGNUM);
export function bignumValue(rt: Runtime, v: number): bigint {
  const base = ((v & -8) >>> 2) + 1;
  const n = pvecSize(rt, v) - 1;
  const m = rt.i32;
  if (n <= 2) {
    const lo = m[base + 1]! >>> 0;
    const hi = n === 2 ? m[base + 2]! >>> 0 : 0;
    const mag = hi < 0x200000 ? BigInt(hi * 4294967296 + lo) : (BigInt(hi) << 32n) | BigInt(lo);
    return m[base]! < 0 ? -mag : mag;
  }
  const known = rt.bignumValues.get(v);
  if (known !== undefined) return known;
  let r = 0n;
  if (n <= 8) for (let i = n - 1; i >= 0; i--) r = (r << 32n) | BigInt(m[base + 1 + i]! >>> 0);
  else {
    // As in settleBignum: through hexadecimal text, linear where shifting is quadratic.
    const parts: string[] = [];
    for (let i = n - 1; i >= 0; i--) parts.push((m[base + 1 + i]! >>> 0).toString(16).padStart(8, '0'));
    r = BigInt('0x' + parts.join(''));
  }
  if (fixnumValue(m[base]!) < 0) r = -r;
  rt.bignumValues.set(v, r);
  return r;
}
export const integerp = (rt: Runtime, x: number): boolean => isFixnum(x) || bignump(rt, x);
/** The value of a Lisp integer as a bigint. */
export const integerValue = (rt: Runtime, x: number): bigint => (isFixnum(x) ? BigInt(fixnumValue(x)) : bignumValue(rt, x));

// ---- strings ----------------------------------------------------------------------

export const schars = (rt: Runtime, s: number): number => rt.i32[((s & -8) >>> 2) + STR_NCHARS]!;

/**
 * The byte offset of character IDX (0 <= IDX <= length) in string S (GNU's string_char_to_byte).
 * Walking from the start each time makes a loop over a long multibyte string quadratic, so the
 * last answer is remembered and each walk starts from the nearest of the start, that answer and
 * the end. The memory is dropped whenever a string's bytes change (stringBytesChanged) and at
 * every collection, since a freed string's address can come back as another string.
 */
export function stringCharToByte(rt: Runtime, s: number, idx: number): number {
  const wi = (s & -8) >>> 2;
  const nbytes = rt.i32[wi + STR_NBYTES]!;
  const nchars = rt.i32[wi + STR_NCHARS]!;
  if (nbytes < 0 || nbytes === nchars) return idx;
  let c = 0;
  let b = 0;
  if (rt.charByteString === s && Math.abs(rt.charByteChar - idx) < idx) {
    c = rt.charByteChar;
    b = rt.charByteByte;
  }
  if (nchars - idx < Math.abs(c - idx)) {
    c = nchars;
    b = nbytes;
  }
  const u8 = rt.u8;
  const data = sdata(rt, s);
  for (; c < idx; c++) b += charLenAt(u8[data + b]!);
  for (; c > idx; c--) do b--; while ((u8[data + b]! & 0xc0) === 0x80);
  rt.charByteString = s;
  rt.charByteChar = c;
  rt.charByteByte = b;
  return b;
}

/** Forget remembered character positions: some string's bytes have changed. */
export function stringBytesChanged(rt: Runtime): void {
  rt.charByteString = 0;
  rt.stringEpoch++;
}

/** Some string's characters changed in place, its byte layout kept: decoded copies are stale. */
export function stringContentsChanged(rt: Runtime): void {
  rt.stringEpoch++;
}
/** Bytes of the string's contents; for a unibyte string, its length. */
export const sbytes = (rt: Runtime, s: number): number => {
  const wi = (s & -8) >>> 2;
  const nb = rt.i32[wi + STR_NBYTES]!;
  return nb < 0 ? rt.i32[wi + STR_NCHARS]! : nb;
};
export const stringMultibyte = (rt: Runtime, s: number): boolean => rt.i32[((s & -8) >>> 2) + STR_NBYTES]! >= 0;
export const sdata = (rt: Runtime, s: number): number => rt.i32[((s & -8) >>> 2) + STR_DATA]!;
export const stringIntervals = (rt: Runtime, s: number): number => rt.i32[((s & -8) >>> 2) + STR_INTERVALS]!;
export const setStringIntervals = (rt: Runtime, s: number, v: number): void => {
  const wi = (s & -8) >>> 2;
  // An empty string is shared (allocString) and has no text to carry properties.
  if (rt.i32[wi + STR_NCHARS] !== 0) rt.i32[wi + STR_INTERVALS] = v;
};
/** A view (not a copy) of the string's bytes in the heap: do not keep it across allocation-free boundaries you don't control. */
export function stringBytes(rt: Runtime, s: number): Uint8Array {
  const addr = sdata(rt, s);
  return rt.u8.subarray(addr, addr + sbytes(rt, s));
}

/**
 * Allocate a string of nchars characters and nbytes bytes of contents (left
 * for the caller to fill via rt.u8 at sdata). multibyte=false makes a unibyte
 * string (nbytes must equal nchars).
 */
export function allocString(rt: Runtime, nchars: number, nbytes: number, multibyte: boolean): number {
  // No bytes: the shared empty string of that kind, made at its first use and dumped as a global.
  if (nbytes === 0) {
    const shared = rt.globals[multibyte ? G_EMPTY_MULTIBYTE : G_EMPTY_UNIBYTE]!;
    if (shared !== Qnil) return shared;
  }
  const wi = rt.heap.alloc(BK_STRING, STRING_WORDS);
  const m = rt.i32;
  m[wi + STR_NCHARS] = nchars;
  m[wi + STR_NBYTES] = multibyte ? nbytes : -1;
  m[wi + STR_INTERVALS] = Qnil;
  // Always give strings a data object (NUL ended, like GNU) so their data is never 0.
  const dwi = rt.heap.alloc(BK_DATA, (nbytes + 4) >>> 2);
  const addr = dwi << 2;
  rt.u8[addr + nbytes] = 0;
  m[wi + STR_DATA] = addr;
  rt.heap.counts.strings++;
  rt.heap.counts.stringChars += nbytes;
  const s = makePtr(wi, Lisp_String);
  if (nbytes === 0) rt.globals[multibyte ? G_EMPTY_MULTIBYTE : G_EMPTY_UNIBYTE] = s;
  return s;
}

/** A string with exactly these bytes of internal encoding. */
export function makeStringFromBytes(rt: Runtime, bytes: Uint8Array, nchars: number, multibyte: boolean): number {
  const s = allocString(rt, nchars, bytes.length, multibyte);
  rt.u8.set(bytes, sdata(rt, s));
  return s;
}

/** A unibyte string holding these bytes. */
export const makeUnibyteString = (rt: Runtime, bytes: Uint8Array): number =>
  makeStringFromBytes(rt, bytes, bytes.length, false);

/** A Lisp string from a JS string: unibyte when pure ASCII, multibyte otherwise (GNU's build_string). */
export function makeString(rt: Runtime, js: string): number {
  let ascii = true;
  for (let i = 0; i < js.length; i++)
    if (js.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    const s = allocString(rt, js.length, js.length, false);
    const a = sdata(rt, s);
    for (let i = 0; i < js.length; i++) rt.u8[a + i] = js.charCodeAt(i);
    return s;
  }
  return makeMultibyteString(rt, js);
}

/** A multibyte Lisp string from a JS string (its code points). */
export function makeMultibyteString(rt: Runtime, js: string): number {
  let nbytes = 0;
  let nchars = 0;
  for (const ch of js) {
    nbytes += charBytes(ch.codePointAt(0)!);
    nchars++;
  }
  const s = allocString(rt, nchars, nbytes, true);
  let p = sdata(rt, s);
  for (const ch of js) p += writeChar(rt.u8, p, ch.codePointAt(0)!);
  return s;
}

/** A string from UTF-8 bytes (a file's text): multibyte if any byte is non-ASCII. */
export function makeStringFromUtf8(rt: Runtime, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i]! >= 0x80) {
      const d = decodeUtf8ToInternal(bytes);
      return makeStringFromBytes(rt, d.bytes, d.nchars, true);
    }
  return makeStringFromBytes(rt, bytes, bytes.length, false);
}

/** A string from character codes (multibyte if any is >= 0x80, like GNU's concat of chars). */
export function makeStringFromChars(rt: Runtime, chars: ArrayLike<number>, forceMultibyte = false): number {
  let nbytes = 0;
  let multibyte = forceMultibyte;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c >= 0x80) multibyte = true;
    nbytes += charBytes(c);
  }
  if (!multibyte) {
    const s = allocString(rt, chars.length, chars.length, false);
    const a = sdata(rt, s);
    for (let i = 0; i < chars.length; i++) rt.u8[a + i] = chars[i]!;
    return s;
  }
  const s = allocString(rt, chars.length, nbytes, true);
  let p = sdata(rt, s);
  for (let i = 0; i < chars.length; i++) p += writeChar(rt.u8, p, chars[i]!);
  return s;
}

/** The characters of a Lisp string (for a unibyte string, its bytes, raw bytes >= 0x80 as is). */
export function stringChars(rt: Runtime, s: number): number[] {
  const n = schars(rt, s);
  const out = new Array<number>(n);
  let p = sdata(rt, s);
  const u8 = rt.u8;
  if (!stringMultibyte(rt, s)) {
    for (let i = 0; i < n; i++) out[i] = u8[p + i]!;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const b = u8[p]!;
    out[i] = b < 0x80 ? b : readChar(u8, p);
    p += b < 0x80 ? 1 : charLenAt(b);
  }
  return out;
}

/** The JS string of a Lisp string (for file names and messages); chars above U+10FFFF become U+FFFD. */
export function jsString(rt: Runtime, s: number): string {
  const chars = stringChars(rt, s);
  let r = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    r += c <= 0x10ffff ? String.fromCodePoint(c) : '\ufffd';
  }
  return r;
}

/** The name of a symbol as a JS string. */
export const symbolNameJs = (rt: Runtime, s: number): string => jsString(rt, symbolName(rt, s));

export { Qnil, Qunbound };

/** GNU's Fget without type checks: the value of PROP in SYM's plist (compared with eq), or nil. */
export function getProp(rt: Runtime, sym: number, prop: number): number {
  let p = symbolPlist(rt, sym);
  while ((p & 7) === Lisp_Cons) {
    const rest = xcdr(rt, p);
    if ((rest & 7) !== Lisp_Cons) break;
    if (xcar(rt, p) === prop) return xcar(rt, rest);
    p = xcdr(rt, rest);
  }
  return Qnil;
}

/** GNU's Fput without type checks: a new property goes at the end of the plist. */
export function putProp(rt: Runtime, sym: number, prop: number, value: number): void {
  let p = symbolPlist(rt, sym);
  let last = Qnil;
  while ((p & 7) === Lisp_Cons) {
    const rest = xcdr(rt, p);
    if ((rest & 7) !== Lisp_Cons) break;
    if (xcar(rt, p) === prop) {
      xsetcar(rt, rest, value);
      return;
    }
    last = rest;
    p = xcdr(rt, rest);
  }
  const cell = cons(rt, prop, cons(rt, value, Qnil));
  if (last === Qnil) setSymbolPlist(rt, sym, cell);
  else xsetcdr(rt, last, cell);
}
