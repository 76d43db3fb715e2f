// Sequence, string, property-list, feature and hash-table primitives (GNU fns.c).
//
// Hash tables keep GNU's layout and free-list discipline (entries live in
// HT_KV in slot order, a removed slot is pushed on the free list and reused
// first), so iteration and printing order match GNU exactly. Bucket heads
// (HT_INDEX) use a power-of-two count instead of GNU's "almost prime": the
// bucket layout is invisible from Lisp.
//
// Weak tables: the collector (src/core/gc.ts, finalizeAndSweepWeak) drops the entries whose
// weak parts nothing else reaches, unlinking them and freeing their slots as hashRemove does.

import {
  HASH_TABLE_SLOTS, HT_COUNT, HT_HASH, HT_INDEX, HT_KV, HT_NEXT, HT_NEXT_FREE, HT_PURE, HT_REHASH_SIZE,
  HT_REHASH_THRESHOLD, HT_STALE, HT_TEST, HT_USER, HT_WEAK, PVEC_BIGNUM, PVEC_BOOL_VECTOR, PVEC_CHAR_TABLE,
  PVEC_COMPILED, PVEC_MARKER, PVEC_OVERLAY, OVERLAY_START, OVERLAY_END, OVERLAY_PLIST, MARKER_BUFFER, MARKER_CHARPOS, PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SIZE_MASK, PVEC_SUB_CHAR_TABLE,
  PVEC_TYPE_SHIFT, STR_DATA, STR_INTERVALS, STR_NBYTES, STR_NCHARS, CHARTAB_ASCII, CHARTAB_CONTENTS, CHARTAB_DEFALT, PVEC_SUBR, SUBR_INDEX,
} from '../heap/layout.ts';
import {
  Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, MOST_POSITIVE_FIXNUM,
} from '../heap/tags.ts';
import {
  aref, allocString, bignumValue, bignump, settleBignum, cons, fixnumValue, isFixnum, isPvec, list, listFromArray, listToArray, makeFixnum, TailWalker,
  makeFloat, makeInteger, makePvec, makeString, makeStringFromBytes, makeUnibyteString,
  makeVector, pvecSize, pvecType, sbytes, schars, sdata, setSymbolPlist, stringChars, stringIntervals,
  stringMultibyte, symbolName, symbolNameJs, symbolPlist, vectorFromArray, xcar, xcdr, xfloat, xsetcar, xsetcdr,
  jsString, getProp,
  stringCharToByte, stringBytesChanged, stringContentsChanged,
} from '../core/object.ts';
import { DEFSYM, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import {
  Qarrayp, Qcharacterp, Qconsp, Qcircular_list, Qerror, Qfixnump, Qhash_table_p, Qintegerp, Qlistp, Qplistp,
  Qsequencep, Qstringp, Qsymbolp,
} from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY, NOT_SPECIAL } from '../core/subr.ts';
import { argsOutOfRange, error, wrongTypeArgument, xsignal, xsignal1 } from '../core/signal.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { charBytes, charLenAt, readChar, writeChar, BYTE8_BASE, MAX_5_BYTE_CHAR } from '../core/character.ts';
import { call1, call2, funcall, findSymbolValue, indirectFunction, setInternal, unbindTo } from './eval.ts';
import { copyStringProperties, stringPropertiesEqual, stringPropertiesHash } from './intervals.ts';

const Qeq = DEFSYM('eq');
const Qeql = DEFSYM('eql');
const Qequal = DEFSYM('equal');
const QCtest = DEFSYM(':test');
const QCsize = DEFSYM(':size');
const QCpurecopy = DEFSYM(':purecopy');
const QCrehash_size = DEFSYM(':rehash-size');
const QCrehash_threshold = DEFSYM(':rehash-threshold');
const QCweakness = DEFSYM(':weakness');
const Qkey = DEFSYM('key');
const Qvalue = DEFSYM('value');
const Qkey_or_value = DEFSYM('key-or-value');
const Qkey_and_value = DEFSYM('key-and-value');
const Qhash_table_test = DEFSYM('hash-table-test');
const Qsize = DEFSYM('size');
const Qtest = DEFSYM('test');
const Qweakness = DEFSYM('weakness');
const Qrehash_size = DEFSYM('rehash-size');
const Qrehash_threshold = DEFSYM('rehash-threshold');
const Qpurecopy = DEFSYM('purecopy');
const Qdata = DEFSYM('data');
const Qlist_or_vector_p = DEFSYM('list-or-vector-p');
const Qsubfeatures = DEFSYM('subfeatures');
const Qprovide = DEFSYM('provide');
const Qrequire = DEFSYM('require');
const Qload = DEFSYM('load');
const Qfuncall = DEFSYM('funcall');
const Qaref = DEFSYM('aref');
const Qemacs = DEFSYM('emacs');
const Qfeatures = DEFSYM('features');
const Qcurrent_load_list = DEFSYM('current-load-list');
const Qload_history = DEFSYM('load-history');
const Qafter_load_alist = DEFSYM('after-load-alist');
const Qload_in_progress = DEFSYM('load-in-progress');
const Qoverriding_plist_environment = DEFSYM('overriding-plist-environment');
const Qupcase = DEFSYM('upcase');

const G_REQUIRE_NESTING = DEFGLOBAL('require-nesting-list');

// Local copies of constants used in hot paths: imported bindings can cost a getter call per use.
const K_NIL = Qnil;
const K_HT_TEST = HT_TEST;
const K_HT_COUNT = HT_COUNT;
const K_HT_KV = HT_KV;
const K_HT_HASH = HT_HASH;
const K_HT_NEXT = HT_NEXT;
const K_HT_INDEX = HT_INDEX;
const K_HT_NEXT_FREE = HT_NEXT_FREE;
const K_HT_STALE = HT_STALE;
const K_SIZE_MASK = PVEC_SIZE_MASK;
const K_TYPE_SHIFT = PVEC_TYPE_SHIFT;
const K_PVEC_HASH_TABLE = PVEC_HASH_TABLE;
const K_PVEC_BIGNUM = PVEC_BIGNUM;

// ---- small helpers ---------------------------------------------------------------

const NIL_FIX = makeFixnum(-1);
const hdr = (rt: Runtime, v: number): number => rt.i32[(v & -8) >>> 2]!;
/** Word index of slot 0 of a vectorlike. */
const slots = (v: number): number => ((v & -8) >>> 2) + 1;
const isCharacter = (x: number): boolean => isFixnum(x) && x >= 2 && fixnumValue(x) <= 0x3fffff;
const checkString = (rt: Runtime, x: number): void => {
  if ((x & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, x);
};
const checkSymbol = (rt: Runtime, x: number): void => {
  if ((x & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, x);
};
const checkCharacter = (rt: Runtime, x: number): number => {
  if (!isCharacter(x)) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
};
const signalError = (rt: Runtime, msg: string, obj: number): never => xsignal(Qerror, list(rt, makeString(rt, msg), obj));
const circularList = (rt: Runtime, l: number): never => xsignal1(rt, Qcircular_list, l);
const isBoolVector = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_BOOL_VECTOR);
const isCharTable = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_CHAR_TABLE);
const boolVectorSize = (rt: Runtime, v: number): number => fixnumValue(rt.i32[slots(v)]!);
const boolVectorRef = (rt: Runtime, v: number, i: number): boolean =>
  ((rt.i32[slots(v) + 1 + (i >>> 5)]! >>> (i & 31)) & 1) !== 0;
function boolVectorSet(rt: Runtime, v: number, i: number, b: boolean): void {
  const w = slots(v) + 1 + (i >>> 5);
  if (b) rt.i32[w] = rt.i32[w]! | (1 << (i & 31));
  else rt.i32[w] = rt.i32[w]! & ~(1 << (i & 31));
}
function makeBoolVector(rt: Runtime, nbits: number): number {
  const words = (nbits + 31) >>> 5;
  const v = makePvec(rt, PVEC_BOOL_VECTOR, 1 + words, 0);
  rt.i32[slots(v)] = makeFixnum(nbits);
  return v;
}

const walker = new TailWalker();

/** GNU's list_length: signals circular-list or wrong-type-argument listp. */
export function listLength(rt: Runtime, l: number): number {
  let n = 0;
  let tail = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    n++;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) circularList(rt, l);
  }
  if (tail !== Qnil) wrongTypeArgument(rt, Qlistp, tail);
  return n;
}

/** CHECK_LIST_END: a list walk ended on TAIL; complain about the whole LIST unless it is nil. */
const checkListEnd = (rt: Runtime, tail: number, l: number): void => {
  if (tail !== Qnil) wrongTypeArgument(rt, Qlistp, l);
};


function byteToChar(rt: Runtime, s: number, bidx: number): number {
  const nb = rt.i32[((s & -8) >>> 2) + STR_NBYTES]!;
  if (nb < 0 || nb === schars(rt, s)) return bidx;
  const u8 = rt.u8;
  const start = sdata(rt, s);
  let p = start;
  let n = 0;
  while (p - start < bidx) {
    p += charLenAt(u8[p]!);
    n++;
  }
  return n;
}

/** The character at byte offset p of string data (multibyte or not, raw bytes as GNU's FETCH_STRING_CHAR). */
const fetchChar = (u8: Uint8Array, p: number, multibyte: boolean): number => (multibyte ? readChar(u8, p) : u8[p]!);

/** Copy bytes [from, to) of string s into a new string with the same multibyteness. */
function substringBytes(rt: Runtime, s: number, fromB: number, toB: number, nchars: number): number {
  const mb = stringMultibyte(rt, s);
  const r = allocString(rt, nchars, toB - fromB, mb);
  const src = sdata(rt, s);
  rt.u8.copyWithin(sdata(rt, r), src + fromB, src + toB);
  return r;
}

/** GNU's validate_subarray: returns [from, to] or signals. */
export function validateSubarray(rt: Runtime, array: number, from: number, to: number, size: number): [number, number] {
  let f: number;
  let t: number;
  if (isFixnum(from)) {
    f = fixnumValue(from);
    if (f < 0) f += size;
  } else if (from === Qnil) f = 0;
  else return wrongTypeArgument(rt, Qintegerp, from);
  if (isFixnum(to)) {
    t = fixnumValue(to);
    if (t < 0) t += size;
  } else if (to === Qnil) t = size;
  else return wrongTypeArgument(rt, Qintegerp, to);
  if (!(0 <= f && f <= t && t <= size)) xsignal(DEFSYM('args-out-of-range'), list(rt, array, from, to));
  return [f, t];
}

// ---- identity, random, length ------------------------------------------------------

DEFUN('identity', 1, 1, 'Give ARGUMENT back untouched.', (_rt, x: number) => x);

// `random' draws from the generator GNU's `random' uses on GNU/Linux, so that a seeded sequence
// gives GNU's numbers: glibc's random() (its default additive feedback state of 31 words) feeds
// 62-bit draws made as GNU 28 makes them on a 64-bit host (two 31-bit outputs folded together).
// The state is 31 words plus the two rotating indices; unseeded, it starts from the host's
// entropy, as GNU's does at start-up.
const RAND_DEG = 31;
const RAND_SEP = 3;
const FIXNUM62_MASK = (1n << 62n) - 1n;
const WORD64_MASK = (1n << 64n) - 1n;

function rng(rt: Runtime): Int32Array {
  let s = rt.randomState;
  if (s === null) {
    s = rt.randomState = new Int32Array(RAND_DEG + 2);
    seedRandom(s, entropySeed(rt));
  }
  return s;
}

function entropySeed(rt: Runtime): number {
  return (Math.floor(Math.random() * 2 ** 32) ^ Math.floor(rt.host.now() * 1000)) >>> 0;
}

/** glibc's srandom: fill the state from SEED by the minimal standard generator, then stir it. */
function seedRandom(s: Int32Array, seed: number): void {
  let x = seed >>> 0 || 1;
  s[0] = x | 0;
  for (let i = 1; i < RAND_DEG; i++) {
    // x = 16807 x mod (2^31 - 1), without overflow (Schrage's method).
    const hi = Math.floor(x / 127773);
    const lo = x % 127773;
    x = 16807 * lo - 2836 * hi;
    if (x < 0) x += 2147483647;
    s[i] = x;
  }
  s[RAND_DEG] = RAND_SEP;
  s[RAND_DEG + 1] = 0;
  for (let i = 0; i < 10 * RAND_DEG; i++) next31(s);
}

/** glibc's random(): 31 random bits. */
function next31(s: Int32Array): number {
  const f = s[RAND_DEG]!;
  const r = s[RAND_DEG + 1]!;
  const v = (s[f]! + s[r]!) | 0;
  s[f] = v;
  s[RAND_DEG] = f + 1 === RAND_DEG ? 0 : f + 1;
  s[RAND_DEG + 1] = r + 1 === RAND_DEG ? 0 : r + 1;
  return v >>> 1;
}

/** One 62-bit draw, not negative (GNU's get_random on a 64-bit host). */
function draw62(s: Int32Array): bigint {
  let v = 0n;
  for (let i = 0; i < 2; i++) v = (BigInt(next31(s)) ^ ((v << 31n) & WORD64_MASK) ^ (v >> 33n)) & WORD64_MASK;
  v ^= v >> 2n;
  return v & FIXNUM62_MASK;
}

/** The seed a string gives: its bytes folded by xor into a 32-bit word, little-endian. */
function stringSeed(bytes: Uint8Array): number {
  const w = [0, 0, 0, 0];
  for (let i = 0; i < bytes.length; i++) w[i & 3]! ^= bytes[i]!;
  return (w[0]! | (w[1]! << 8) | (w[2]! << 16) | (w[3]! << 24)) >>> 0;
}

DEFUN('random', 0, 1, 'Draw a pseudo-random integer, below LIMIT and not negative when LIMIT is a positive integer.\nLIMIT t seeds the generator afresh from the system\'s entropy; a string LIMIT seeds it from the string\'s contents.\nOtherwise the integer may be any fixnum of a 64-bit GNU Emacs (here a bignum when beyond ours).', (rt, limit: number) => {
  const s = rng(rt);
  if (limit === Qt) seedRandom(s, entropySeed(rt));
  else if ((limit & 7) === Lisp_String) seedRandom(s, stringSeed(rt.u8.subarray(sdata(rt, limit), sdata(rt, limit) + sbytes(rt, limit))));
  const lim = isFixnum(limit) ? BigInt(fixnumValue(limit)) : bignump(rt, limit) ? bignumValue(rt, limit) : 0n;
  if (lim > 0n && lim <= FIXNUM62_MASK >> 1n) {
    // Draw again in the rare case that the draw falls in the incomplete last round of LIMITs.
    for (;;) {
      const v = draw62(s);
      const r = v % lim;
      if (v - r <= FIXNUM62_MASK - (lim - 1n)) return makeInteger(rt, r);
    }
  }
  if (lim > 0n) {
    // Beyond a 64-bit GNU's fixnums: enough 62-bit draws for LIMIT, rejection as above.
    const words = Math.ceil(lim.toString(2).length / 62) + 1;
    const span = 1n << BigInt(62 * words);
    for (;;) {
      let v = 0n;
      for (let i = 0; i < words; i++) v = (v << 62n) | draw62(s);
      if (v < span - (span % lim)) return makeInteger(rt, v % lim);
    }
  }
  // Any fixnum of a 64-bit GNU Emacs: the draw read as a signed 62-bit number.
  const v = draw62(s);
  return makeInteger(rt, v >= 1n << 61n ? v - (1n << 62n) : v);
});

/** The length of any sequence, as GNU's Flength. */
export function seqLength(rt: Runtime, seq: number): number {
  const tag = seq & 7;
  if (tag === Lisp_String) return schars(rt, seq);
  if (tag === Lisp_Cons) return listLength(rt, seq);
  if (seq === Qnil) return 0;
  if (tag === Lisp_Vectorlike) {
    const h = hdr(rt, seq);
    const type = h >>> PVEC_TYPE_SHIFT;
    if (type === PVEC_NORMAL_VECTOR || type === PVEC_RECORD || type === PVEC_COMPILED) return h & PVEC_SIZE_MASK;
    if (type === PVEC_BOOL_VECTOR) return boolVectorSize(rt, seq);
    if (type === PVEC_CHAR_TABLE) return 0x3fffff;
  }
  return wrongTypeArgument(rt, Qsequencep, seq);
}

DEFUN('length', 1, 1, 'Count the elements of SEQUENCE, a list, vector, bool-vector or string (characters, not bytes).', (rt, seq: number) =>
  makeFixnum(seqLength(rt, seq)),
);

DEFUN('safe-length', 1, 1, 'Count the conses of a list without ever signalling an error; a circular list counts at least its distinct elements.', (rt, l: number) => {
  let n = 0;
  let tail = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    n++;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) break;
  }
  return makeFixnum(n);
});

DEFUN('proper-list-p', 1, 1, 'Give the length of OBJECT when it is a proper list, one neither circular nor dotted; otherwise nil.', (rt, l: number) => {
  let n = 0;
  let tail = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    n++;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) return Qnil;
  }
  return tail === Qnil ? makeFixnum(n) : Qnil;
});

/** Whether the cdr chain of L runs into a cycle (Floyd's two pointers). */
function listLoops(rt: Runtime, l: number): boolean {
  let slow = l;
  let fast = l;
  for (;;) {
    if ((fast & 7) !== Lisp_Cons) return false;
    fast = xcdr(rt, fast);
    if ((fast & 7) !== Lisp_Cons) return false;
    fast = xcdr(rt, fast);
    slow = xcdr(rt, slow);
    if (fast === slow) return true;
  }
}

/**
 * GNU's length_internal for length< and friends: the length of SEQ, counting no more than LIMIT
 * conses of a list. A short walk round a circular list just counts it as "long"; GNU notices
 * the cycle only on a walk of 65535 conses or more, and signals circular-list then (observed:
 * (length< L 65535) errs and (length< L 65534) does not; length> and length= walk one further).
 */
function lengthUpTo(rt: Runtime, seq: number, limit: number): number {
  if ((seq & 7) === Lisp_Cons) {
    let i = 0;
    let tail = seq;
    while ((tail & 7) === Lisp_Cons && i < limit) {
      i++;
      tail = xcdr(rt, tail);
      if (i === 65535 && listLoops(rt, seq)) circularList(rt, seq);
    }
    return i;
  }
  return seqLength(rt, seq);
}
function lengthArg(rt: Runtime, length: number): number {
  if (!isFixnum(length)) wrongTypeArgument(rt, Qfixnump, length);
  return fixnumValue(length);
}
DEFUN('length<', 2, 2, 'Tell whether SEQUENCE has fewer than LENGTH elements, walking a list no further than needed.', (rt, seq: number, len: number) => {
  const n = lengthArg(rt, len);
  return lengthUpTo(rt, seq, n) < n ? Qt : Qnil;
});
DEFUN('length>', 2, 2, 'Tell whether SEQUENCE has more than LENGTH elements, walking a list no further than needed.', (rt, seq: number, len: number) => {
  const n = lengthArg(rt, len);
  return lengthUpTo(rt, seq, n + 1) > n ? Qt : Qnil;
});
DEFUN('length=', 2, 2, 'Tell whether SEQUENCE has exactly LENGTH elements, walking a list no further than needed.', (rt, seq: number, len: number) => {
  const n = lengthArg(rt, len);
  // No sequence has a negative length: GNU answers without looking at SEQUENCE.
  if (n < 0) return Qnil;
  return lengthUpTo(rt, seq, n + 1) === n ? Qt : Qnil;
});

DEFUN('string-bytes', 1, 1, 'Count the bytes STRING takes in its internal representation.', (rt, s: number) => {
  checkString(rt, s);
  return makeFixnum(sbytes(rt, s));
});

DEFUN('string-distance', 2, 3, 'Give the Levenshtein edit distance between STRING1 and STRING2, counted in characters, or in bytes when BYTECOMPARE is non-nil.', (rt, s1: number, s2: number, bytecompare: number) => {
  checkString(rt, s1);
  checkString(rt, s2);
  const byBytes = bytecompare !== Qnil || (!stringMultibyte(rt, s1) && !stringMultibyte(rt, s2));
  const a = byBytes ? Array.from(rt.u8.subarray(sdata(rt, s1), sdata(rt, s1) + sbytes(rt, s1))) : stringChars(rt, s1);
  const b = byBytes ? Array.from(rt.u8.subarray(sdata(rt, s2), sdata(rt, s2) + sbytes(rt, s2))) : stringChars(rt, s2);
  const col = new Int32Array(a.length + 1);
  for (let y = 1; y <= a.length; y++) col[y] = y;
  for (let x = 1; x <= b.length; x++) {
    col[0] = x;
    let lastdiag = x - 1;
    for (let y = 1; y <= a.length; y++) {
      const old = col[y]!;
      col[y] = Math.min(col[y]! + 1, col[y - 1]! + 1, lastdiag + (a[y - 1] === b[x - 1] ? 0 : 1));
      lastdiag = old;
    }
  }
  return makeFixnum(col[a.length]!);
});

// ---- string comparison ----------------------------------------------------------------

function stringOrSymbol(rt: Runtime, x: number): number {
  if ((x & 7) === Lisp_Symbol) x = symbolName(rt, x);
  checkString(rt, x);
  return x;
}

function bytesEqual(rt: Runtime, s1: number, s2: number): boolean {
  if (schars(rt, s1) !== schars(rt, s2)) return false;
  const n = sbytes(rt, s1);
  if (n !== sbytes(rt, s2)) return false;
  const u8 = rt.u8;
  const p1 = sdata(rt, s1);
  const p2 = sdata(rt, s2);
  for (let i = 0; i < n; i++) if (u8[p1 + i] !== u8[p2 + i]) return false;
  return true;
}

export const stringEqual = DEFUN('string-equal', 2, 2, 'Tell whether the strings (or symbol names) S1 and S2 hold the same characters; text properties do not matter.', (rt, a: number, b: number) => {
  a = stringOrSymbol(rt, a);
  b = stringOrSymbol(rt, b);
  return bytesEqual(rt, a, b) ? Qt : Qnil;
});

/** Upcase one character for compare-strings' IGNORE-CASE (through `upcase` when it is defined). */
function upcaseChar(rt: Runtime, c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  const r = call1(rt, Qupcase, makeFixnum(c));
  return isFixnum(r) ? fixnumValue(r) : c;
}

export const compareStrings = DEFUN('compare-strings', 6, 7, 'Compare STR1 from START1 to END1 with STR2 from START2 to END2, character code by character code.\nThe value is t when the parts are equal; otherwise -N when STR1\'s part sorts first and N when it sorts last, N - 1 being the number of leading characters that agree. IGNORE-CASE non-nil folds case.', (rt, str1: number, start1: number, end1: number, str2: number, start2: number, end2: number, ignoreCase: number) => {
  checkString(rt, str1);
  checkString(rt, str2);
  if (isFixnum(end1) && schars(rt, str1) < fixnumValue(end1)) end1 = makeFixnum(schars(rt, str1));
  if (isFixnum(end2) && schars(rt, str2) < fixnumValue(end2)) end2 = makeFixnum(schars(rt, str2));
  const [from1, to1] = validateSubarray(rt, str1, start1, end1, schars(rt, str1));
  const [from2, to2] = validateSubarray(rt, str2, start2, end2, schars(rt, str2));
  let i1 = from1;
  let i2 = from2;
  const mb1 = stringMultibyte(rt, str1);
  const mb2 = stringMultibyte(rt, str2);
  let p1 = sdata(rt, str1) + stringCharToByte(rt, str1, i1);
  let p2 = sdata(rt, str2) + stringCharToByte(rt, str2, i2);
  const u8 = rt.u8;
  while (i1 < to1 && i2 < to2) {
    let c1: number;
    let c2: number;
    if (mb1) {
      c1 = readChar(u8, p1);
      p1 += charLenAt(u8[p1]!);
    } else {
      c1 = u8[p1++]!;
      if (c1 >= 0x80) c1 += BYTE8_BASE;
    }
    if (mb2) {
      c2 = readChar(u8, p2);
      p2 += charLenAt(u8[p2]!);
    } else {
      c2 = u8[p2++]!;
      if (c2 >= 0x80) c2 += BYTE8_BASE;
    }
    i1++;
    i2++;
    if (c1 === c2) continue;
    if (ignoreCase !== Qnil) {
      c1 = upcaseChar(rt, c1);
      c2 = upcaseChar(rt, c2);
    }
    if (c1 === c2) continue;
    return c1 < c2 ? makeFixnum(-i1 + from1) : makeFixnum(i1 - from1);
  }
  if (i1 < to1) return makeFixnum(i1 - from1 + 1);
  if (i2 < to2) return makeFixnum(-i1 + from1 - 1);
  return Qt;
});

/** -1, 0, 1 comparing two strings by character codes (GNU's string-lessp order). */
function compareStringChars(rt: Runtime, s1: number, s2: number): number {
  const n1 = schars(rt, s1);
  const n2 = schars(rt, s2);
  const end = Math.min(n1, n2);
  const mb1 = stringMultibyte(rt, s1);
  const mb2 = stringMultibyte(rt, s2);
  const u8 = rt.u8;
  let p1 = sdata(rt, s1);
  let p2 = sdata(rt, s2);
  for (let i = 0; i < end; i++) {
    const c1 = fetchChar(u8, p1, mb1);
    const c2 = fetchChar(u8, p2, mb2);
    if (c1 !== c2) return c1 < c2 ? -1 : 1;
    p1 += mb1 ? charLenAt(u8[p1]!) : 1;
    p2 += mb2 ? charLenAt(u8[p2]!) : 1;
  }
  return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
}

DEFUN('string-lessp', 2, 2, 'Tell whether STRING1 sorts before STRING2 by character codes; symbols are compared by name.', (rt, a: number, b: number) => {
  a = stringOrSymbol(rt, a);
  b = stringOrSymbol(rt, b);
  return compareStringChars(rt, a, b) < 0 ? Qt : Qnil;
});

// gnulib's filevercmp (the version GNU Emacs 28 bundles): compare as file names with version numbers.
function verOrder(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return c;
  if (c === 0x7e) return -1;
  return c + 256;
}
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);

/** Position of the file suffix (regexp (\.[A-Za-z~][A-Za-z0-9~]*)*$) in b[from, to), or -1. */
function matchSuffix(b: Uint8Array, from: number, to: number): { suffix: number; end: number } {
  let match = -1;
  let readAlpha = false;
  let p = from;
  while (p < to) {
    const c = b[p]!;
    if (readAlpha) {
      readAlpha = false;
      if (!isAlpha(c) && c !== 0x7e) match = -1;
    } else if (c === 0x2e) {
      readAlpha = true;
      if (match < 0) match = p;
    } else if (!isAlnum(c) && c !== 0x7e) match = -1;
    p++;
  }
  return { suffix: match, end: p };
}

function verrevcmp(b1: Uint8Array, s1: number, l1: number, b2: Uint8Array, s2: number, l2: number): number {
  let i1 = 0;
  let i2 = 0;
  while (i1 < l1 || i2 < l2) {
    let firstDiff = 0;
    while ((i1 < l1 && !isDigit(b1[s1 + i1]!)) || (i2 < l2 && !isDigit(b2[s2 + i2]!))) {
      const o1 = i1 === l1 ? 0 : verOrder(b1[s1 + i1]!);
      const o2 = i2 === l2 ? 0 : verOrder(b2[s2 + i2]!);
      if (o1 !== o2) return o1 - o2;
      i1++;
      i2++;
    }
    while (i1 < l1 && b1[s1 + i1] === 0x30) i1++;
    while (i2 < l2 && b2[s2 + i2] === 0x30) i2++;
    while (i1 < l1 && i2 < l2 && isDigit(b1[s1 + i1]!) && isDigit(b2[s2 + i2]!)) {
      if (!firstDiff) firstDiff = b1[s1 + i1]! - b2[s2 + i2]!;
      i1++;
      i2++;
    }
    if (i1 < l1 && isDigit(b1[s1 + i1]!)) return 1;
    if (i2 < l2 && isDigit(b2[s2 + i2]!)) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

function cStrcmp(b1: Uint8Array, s1: number, e1: number, b2: Uint8Array, s2: number, e2: number): number {
  for (let i = 0; ; i++) {
    const c1 = s1 + i < e1 ? b1[s1 + i]! : 0;
    const c2 = s2 + i < e2 ? b2[s2 + i]! : 0;
    if (c1 !== c2) return c1 - c2;
    if (c1 === 0) return 0;
  }
}

/** filevercmp on the NUL-terminated pieces starting at s1 and s2 (e1/e2 = the NUL positions). */
function filevercmp(b1: Uint8Array, s1: number, e1: number, b2: Uint8Array, s2: number, e2: number): number {
  const simple = cStrcmp(b1, s1, e1, b2, s2, e2);
  if (simple === 0) return 0;
  if (s1 === e1) return -1;
  if (s2 === e2) return 1;
  const eq = (b: Uint8Array, s: number, e: number, lit: string): boolean =>
    e - s === lit.length && [...lit].every((ch, i) => b[s + i] === ch.charCodeAt(0));
  if (eq(b1, s1, e1, '.')) return -1;
  if (eq(b2, s2, e2, '.')) return 1;
  if (eq(b1, s1, e1, '..')) return -1;
  if (eq(b2, s2, e2, '..')) return 1;
  const d1 = b1[s1] === 0x2e;
  const d2 = b2[s2] === 0x2e;
  if (d1 && !d2) return -1;
  if (!d1 && d2) return 1;
  if (d1 && d2) {
    s1++;
    s2++;
  }
  const m1 = matchSuffix(b1, s1, e1);
  const m2 = matchSuffix(b2, s2, e2);
  let len1 = (m1.suffix >= 0 ? m1.suffix : m1.end) - s1;
  let len2 = (m2.suffix >= 0 ? m2.suffix : m2.end) - s2;
  if ((m1.suffix >= 0 || m2.suffix >= 0) && len1 === len2) {
    let same = true;
    for (let i = 0; i < len1; i++) if (b1[s1 + i] !== b2[s2 + i]) same = false;
    if (same) {
      len1 = m1.end - s1;
      len2 = m2.end - s2;
    }
  }
  const r = verrevcmp(b1, s1, len1, b2, s2, len2);
  return r === 0 ? simple : r;
}

DEFUN('string-version-lessp', 2, 2, 'Tell whether S1 sorts before S2 when runs of digits are compared as numbers, so that "foo2.png" comes before "foo12.png".', (rt, a: number, b: number) => {
  a = stringOrSymbol(rt, a);
  b = stringOrSymbol(rt, b);
  const u8 = rt.u8;
  let p1 = sdata(rt, a);
  let p2 = sdata(rt, b);
  const lim1 = p1 + sbytes(rt, a);
  const lim2 = p2 + sbytes(rt, b);
  for (;;) {
    let e1 = p1;
    while (e1 < lim1 && u8[e1] !== 0) e1++;
    let e2 = p2;
    while (e2 < lim2 && u8[e2] !== 0) e2++;
    const cmp = filevercmp(u8, p1, e1, u8, p2, e2);
    if (cmp !== 0) return cmp < 0 ? Qt : Qnil;
    p1 = e1 + 1;
    p2 = e2 + 1;
    const more1 = p1 <= lim1;
    const more2 = p2 <= lim2;
    if (!more1) return more2 ? Qt : Qnil;
    if (!more2) return Qnil;
  }
});

/** The locale names that collate by code point: "" (the default), C, POSIX, and C with a UTF-8 codeset, spelt any way the C library normalises ("C.utf8", "C.UTF-8@mod"). */
function knownCollationLocale(name: string): boolean {
  if (name === '' || name === 'C' || name === 'POSIX') return true;
  const m = /^C\.([^@]*)(@.*)?$/.exec(name);
  return m !== null && m[1]!.toLowerCase().replace(/[^a-z0-9]/g, '') === 'utf8';
}

function collateCompare(rt: Runtime, s1: number, s2: number, locale: number, ignoreCase: number): number {
  s1 = stringOrSymbol(rt, s1);
  s2 = stringOrSymbol(rt, s2);
  if (locale !== Qnil) {
    checkString(rt, locale);
    // We collate only as the C/POSIX locales do (by code point). GNU refuses a locale the system
    // has not installed; ours are exactly those, so any other name is refused the same way.
    const name = jsString(rt, locale);
    if (!knownCollationLocale(name)) error(rt, `Invalid locale ${name}: No such file or directory`);
  }
  // Batch GNU Emacs under the POSIX locale collates by code point; so do we.
  const a = stringChars(rt, s1);
  const b = stringChars(rt, s2);
  const fold = (c: number): number => {
    if (ignoreCase === Qnil) return c;
    if (c <= 0x10ffff) {
      const l = String.fromCodePoint(c).toLowerCase();
      if ([...l].length === 1) return l.codePointAt(0)!;
    }
    return c;
  };
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c1 = fold(a[i]!);
    const c2 = fold(b[i]!);
    if (c1 !== c2) return c1 < c2 ? -1 : 1;
  }
  return a.length - b.length;
}
DEFUN('string-collate-lessp', 2, 4, 'Tell whether S1 sorts before S2 in the collation order (code point order, as in the POSIX locale).', (rt, a: number, b: number, locale: number, ic: number) =>
  collateCompare(rt, a, b, locale, ic) < 0 ? Qt : Qnil,
);
DEFUN('string-collate-equalp', 2, 4, 'Tell whether S1 and S2 are equal in the collation order.', (rt, a: number, b: number, locale: number, ic: number) =>
  collateCompare(rt, a, b, locale, ic) === 0 ? Qt : Qnil,
);

// ---- concatenation -----------------------------------------------------------------

const isSeqForConcat = (rt: Runtime, x: number): boolean => {
  const tag = x & 7;
  if (tag === Lisp_Cons || x === Qnil || tag === Lisp_String) return true;
  if (tag !== Lisp_Vectorlike) return false;
  const t = pvecType(rt, x);
  return t === PVEC_NORMAL_VECTOR || t === PVEC_COMPILED || t === PVEC_BOOL_VECTOR;
};

/** Push the elements of a sequence (lists, vectors, strings, bool-vectors) onto out. */
function pushElements(rt: Runtime, seq: number, out: number[]): void {
  const tag = seq & 7;
  if (tag === Lisp_Cons) {
    for (let t = seq; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) out.push(xcar(rt, t));
  } else if (tag === Lisp_String) {
    const cs = stringChars(rt, seq);
    for (let i = 0; i < cs.length; i++) out.push(makeFixnum(cs[i]!));
  } else if (tag === Lisp_Vectorlike) {
    if (pvecType(rt, seq) === PVEC_BOOL_VECTOR) {
      const n = boolVectorSize(rt, seq);
      for (let i = 0; i < n; i++) out.push(boolVectorRef(rt, seq, i) ? Qt : Qnil);
    } else {
      const n = pvecSize(rt, seq);
      const b = slots(seq);
      for (let i = 0; i < n; i++) out.push(rt.i32[b + i]!);
    }
  }
}

/**
 * concat's common case, strings without text properties and no unibyte non-ASCII text to widen
 * into a multibyte result: one pass over the string headers to size the result, one to copy
 * the bytes (mapconcat joins thousands of pieces so; the general path walks them six times,
 * with a call per piece and check). Nil when ARGS are not all such strings.
 */
function concatPlainStrings(rt: Runtime, args: ArrayLike<number>, n: number): number {
  const m = rt.i32;
  let nchars = 0;
  let nbytes = 0;
  let multibyte = false;
  let unibyte = false;
  for (let i = 0; i < n; i++) {
    const a = args[i]!;
    if ((a & 7) !== Lisp_String) return Qnil;
    const wi = (a & -8) >>> 2;
    if (m[wi + STR_INTERVALS] !== Qnil) return Qnil;
    const nc = m[wi + STR_NCHARS]!;
    const nb = m[wi + STR_NBYTES]!;
    nchars += nc;
    if (nb >= 0) {
      multibyte = true;
      nbytes += nb;
    } else {
      nbytes += nc;
      if (nc > 0) unibyte = true;
    }
  }
  // A unibyte piece in a multibyte result has its bytes >= 0x80 made raw-byte chars: the general path.
  if (multibyte && unibyte) {
    for (let i = 0; i < n; i++) {
      const wi = (args[i]! & -8) >>> 2;
      if (m[wi + STR_NBYTES]! >= 0) continue;
      const p = m[wi + STR_DATA]!;
      const len = m[wi + STR_NCHARS]!;
      for (let k = 0; k < len; k++) if (rt.u8[p + k]! >= 0x80) return Qnil;
    }
  }
  const r = allocString(rt, nchars, nbytes, multibyte);
  const u8 = rt.u8;
  const i32 = rt.i32;
  let o = sdata(rt, r);
  for (let i = 0; i < n; i++) {
    const wi = (args[i]! & -8) >>> 2;
    const nb = i32[wi + STR_NBYTES]!;
    const len = nb >= 0 ? nb : i32[wi + STR_NCHARS]!;
    const p = i32[wi + STR_DATA]!;
    u8.copyWithin(o, p, p + len);
    o += len;
  }
  return r;
}

function checkConcatArgs(rt: Runtime, args: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) if (!isSeqForConcat(rt, args[i]!)) wrongTypeArgument(rt, Qsequencep, args[i]!);
  for (let i = 0; i < n; i++) seqLength(rt, args[i]!);
}

/** GNU's concat to a string. */
export function concatToString(rt: Runtime, args: ArrayLike<number>): number {
  const n = args.length;
  const plain = concatPlainStrings(rt, args, n);
  if (plain !== Qnil) return plain;
  checkConcatArgs(rt, args, n);
  let someMultibyte = false;
  let nchars = 0;
  for (let i = 0; i < n; i++) {
    const a = args[i]!;
    const tag = a & 7;
    if (tag === Lisp_String) {
      if (stringMultibyte(rt, a)) someMultibyte = true;
      nchars += schars(rt, a);
    } else if (tag === Lisp_Cons) {
      for (let t = a; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) {
        const c = checkCharacter(rt, xcar(rt, t));
        if (c >= 0x80 && c <= MAX_5_BYTE_CHAR) someMultibyte = true;
        nchars++;
      }
    } else if (tag === Lisp_Vectorlike) {
      if (pvecType(rt, a) === PVEC_BOOL_VECTOR) {
        if (boolVectorSize(rt, a) > 0) wrongTypeArgument(rt, Qintegerp, boolVectorRef(rt, a, 0) ? Qt : Qnil);
        continue;
      }
      const len = pvecSize(rt, a);
      const b = slots(a);
      for (let k = 0; k < len; k++) {
        const c = checkCharacter(rt, rt.i32[b + k]!);
        if (c >= 0x80 && c <= MAX_5_BYTE_CHAR) someMultibyte = true;
      }
      nchars += len;
    }
  }
  // Second pass: size in bytes, then fill.
  let nbytes = 0;
  for (let i = 0; i < n; i++) {
    const a = args[i]!;
    const tag = a & 7;
    if (tag === Lisp_String) {
      if (!someMultibyte || stringMultibyte(rt, a)) nbytes += sbytes(rt, a);
      else {
        const p = sdata(rt, a);
        const len = sbytes(rt, a);
        for (let k = 0; k < len; k++) nbytes += rt.u8[p + k]! < 0x80 ? 1 : 2;
      }
    } else if (tag === Lisp_Cons) {
      for (let t = a; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) nbytes += someMultibyte ? charBytes(fixnumValue(xcar(rt, t))) : 1;
    } else if (tag === Lisp_Vectorlike && pvecType(rt, a) !== PVEC_BOOL_VECTOR) {
      const len = pvecSize(rt, a);
      const b = slots(a);
      for (let k = 0; k < len; k++) nbytes += someMultibyte ? charBytes(fixnumValue(rt.i32[b + k]!)) : 1;
    }
  }
  const r = allocString(rt, nchars, nbytes, someMultibyte);
  const u8 = rt.u8;
  let o = sdata(rt, r);
  const put = (c: number): void => {
    if (someMultibyte) o += writeChar(u8, o, c);
    else u8[o++] = c & 0xff;
  };
  for (let i = 0; i < n; i++) {
    const a = args[i]!;
    const tag = a & 7;
    if (tag === Lisp_String) {
      const p = sdata(rt, a);
      const len = sbytes(rt, a);
      if (!someMultibyte || stringMultibyte(rt, a)) {
        u8.copyWithin(o, p, p + len);
        o += len;
      } else for (let k = 0; k < len; k++) put(u8[p + k]! < 0x80 ? u8[p + k]! : u8[p + k]! + BYTE8_BASE);
    } else if (tag === Lisp_Cons) {
      for (let t = a; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) put(fixnumValue(xcar(rt, t)));
    } else if (tag === Lisp_Vectorlike && pvecType(rt, a) !== PVEC_BOOL_VECTOR) {
      const len = pvecSize(rt, a);
      const b = slots(a);
      for (let k = 0; k < len; k++) put(fixnumValue(rt.i32[b + k]!));
    }
  }
  // Text properties, argument by argument: plain strings cost one check each.
  let anyProps = false;
  for (let i = 0; i < n; i++) if ((args[i]! & 7) === Lisp_String && stringIntervals(rt, args[i]!) !== Qnil) anyProps = true;
  let at = 0;
  for (let i = 0; anyProps && i < n; i++) {
    const a = args[i]!;
    const tag = a & 7;
    if (tag === Lisp_String) {
      const len = schars(rt, a);
      if (stringIntervals(rt, a) !== Qnil) copyStringProperties(rt, a, 0, len, r, at);
      at += len;
    } else if (tag === Lisp_Cons) {
      for (let t = a; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) at++;
    } else if (tag === Lisp_Vectorlike && pvecType(rt, a) !== PVEC_BOOL_VECTOR) at += pvecSize(rt, a);
  }
  return r;
}

const Fappend = DEFUN('append', 0, MANY, 'Join the arguments into one list; all but the last are copied, and the last becomes the shared tail.', (rt, args: number[]) => {
  if (args.length === 0) return Qnil;
  const n = args.length - 1;
  checkConcatArgs(rt, args, n);
  const elems: number[] = [];
  for (let i = 0; i < n; i++) pushElements(rt, args[i]!, elems);
  let r = args[n]!;
  for (let i = elems.length - 1; i >= 0; i--) r = cons(rt, elems[i]!, r);
  return r;
});

DEFUN('concat', 0, MANY, 'Join the arguments, strings or sequences of characters, into one new string.', (rt, args: number[]) =>
  concatToString(rt, args),
);

export function concatToVector(rt: Runtime, args: ArrayLike<number>): number {
  checkConcatArgs(rt, args, args.length);
  const elems: number[] = [];
  for (let i = 0; i < args.length; i++) pushElements(rt, args[i]!, elems);
  return vectorFromArray(rt, elems);
}
DEFUN('vconcat', 0, MANY, 'Join the elements of the arguments, lists, vectors or strings, into one new vector.', (rt, args: number[]) =>
  concatToVector(rt, args),
);

export const copySequence = DEFUN('copy-sequence', 1, 1, 'Make a shallow copy of ARG, a list, vector, string, char-table, bool-vector or record: the elements themselves are shared.', (rt, arg: number) => {
  if (arg === Qnil) return Qnil;
  const tag = arg & 7;
  if (tag === Lisp_Cons) {
    listLength(rt, arg);
    const elems = listToArray(rt, arg);
    let r = Qnil;
    for (let i = elems.length - 1; i >= 0; i--) r = cons(rt, elems[i]!, r);
    return r;
  }
  if (tag === Lisp_String) {
    const nb = sbytes(rt, arg);
    const r = substringBytes(rt, arg, 0, nb, schars(rt, arg));
    copyStringProperties(rt, arg, 0, schars(rt, arg), r, 0);
    return r;
  }
  if (tag === Lisp_Vectorlike) {
    const h = hdr(rt, arg);
    const type = h >>> PVEC_TYPE_SHIFT;
    if (type === PVEC_NORMAL_VECTOR || type === PVEC_RECORD || type === PVEC_BOOL_VECTOR) {
      const size = h & PVEC_SIZE_MASK;
      const v = makePvec(rt, type, size, Qnil);
      rt.i32.copyWithin(slots(v), slots(arg), slots(arg) + size);
      return v;
    }
    if (type === PVEC_CHAR_TABLE) return copyCharTable(rt, arg);
  }
  return wrongTypeArgument(rt, Qsequencep, arg);
});

function copyCharTable(rt: Runtime, ct: number): number {
  const type = pvecType(rt, ct);
  const size = pvecSize(rt, ct);
  const v = makePvec(rt, type, size, Qnil);
  const b = slots(v);
  const src = slots(ct);
  rt.i32.copyWithin(b, src, src + size);
  // Sub char tables are copied too (their first two slots are depth and min char).
  const first = type === PVEC_CHAR_TABLE ? CHARTAB_CONTENTS : 2;
  for (let i = first; i < size; i++) {
    const x = rt.i32[b + i]!;
    if (isPvec(rt, x, PVEC_SUB_CHAR_TABLE)) rt.i32[b + i] = copyCharTable(rt, x);
  }
  if (type === PVEC_CHAR_TABLE) {
    const c0 = rt.i32[b + CHARTAB_CONTENTS]!;
    // Keep the ASCII cache pointing into the copy, as GNU's char_table_ascii does.
    if (isPvec(rt, c0, PVEC_SUB_CHAR_TABLE)) {
      let s = c0;
      while (isPvec(rt, s, PVEC_SUB_CHAR_TABLE) && fixnumValue(rt.i32[slots(s)]!) < 3) {
        const nx = rt.i32[slots(s) + 2]!;
        if (!isPvec(rt, nx, PVEC_SUB_CHAR_TABLE)) break;
        s = nx;
      }
      rt.i32[b + CHARTAB_ASCII] = s;
    } else rt.i32[b + CHARTAB_ASCII] = c0;
  }
  return v;
}

DEFUN('copy-alist', 1, 1, 'Copy ALIST along with each cons element, so that setting a cdr in the copy leaves the original alone.', (rt, alist: number) => {
  if (alist === Qnil) return Qnil;
  // As GNU 28's: any other sequence becomes a list first ([(a . 1) b] gives ((a . 1) b)).
  const r = (alist & 7) === Lisp_Cons ? copySequence(rt, alist) : Fappend(rt, [alist, Qnil]);
  for (let t = r; t !== Qnil; t = xcdr(rt, t)) {
    const c = xcar(rt, t);
    if ((c & 7) === Lisp_Cons) xsetcar(rt, t, cons(rt, xcar(rt, c), xcdr(rt, c)));
  }
  return r;
});

// ---- unibyte / multibyte conversions ------------------------------------------------------

/** Unibyte string to multibyte, raw bytes becoming eight-bit characters. */
function unibyteToMultibyte(rt: Runtime, s: number): number {
  const p = sdata(rt, s);
  const n = sbytes(rt, s);
  let nb = 0;
  for (let i = 0; i < n; i++) nb += rt.u8[p + i]! < 0x80 ? 1 : 2;
  const r = allocString(rt, n, nb, true);
  let o = sdata(rt, r);
  const u8 = rt.u8;
  for (let i = 0; i < n; i++) {
    const b = u8[p + i]!;
    o += writeChar(u8, o, b < 0x80 ? b : b + BYTE8_BASE);
  }
  return r;
}

DEFUN('string-make-multibyte', 1, 1, 'Give STRING as multibyte text, each raw byte turned into an eight-bit character; ASCII and multibyte strings come back as they are.', (rt, s: number) => {
  checkString(rt, s);
  if (stringMultibyte(rt, s)) return s;
  const p = sdata(rt, s);
  const n = sbytes(rt, s);
  let ascii = true;
  for (let i = 0; i < n; i++) if (rt.u8[p + i]! >= 0x80) ascii = false;
  return ascii ? s : unibyteToMultibyte(rt, s);
});

/** Each character's low 8 bits (GNU's string_make_unibyte). */
function makeUnibyteLow8(rt: Runtime, s: number): number {
  const cs = stringChars(rt, s);
  const bytes = new Uint8Array(cs.length);
  for (let i = 0; i < cs.length; i++) bytes[i] = cs[i]! > MAX_5_BYTE_CHAR ? cs[i]! - BYTE8_BASE : cs[i]! & 0xff;
  return makeUnibyteString(rt, bytes);
}

DEFUN('string-make-unibyte', 1, 1, 'Give STRING as unibyte text, keeping the low 8 bits of each character.', (rt, s: number) => {
  checkString(rt, s);
  return stringMultibyte(rt, s) ? makeUnibyteLow8(rt, s) : s;
});

DEFUN('string-as-unibyte', 1, 1, 'Give a unibyte string with the same internal bytes as STRING; eight-bit characters become their bytes.', (rt, s: number) => {
  checkString(rt, s);
  if (!stringMultibyte(rt, s)) return s;
  const u8 = rt.u8;
  const p = sdata(rt, s);
  const n = sbytes(rt, s);
  const out: number[] = [];
  for (let i = 0; i < n; ) {
    const b = u8[p + i]!;
    if ((b === 0xc0 || b === 0xc1) && i + 1 < n && (u8[p + i + 1]! & 0xc0) === 0x80) {
      out.push(readChar(u8, p + i) - BYTE8_BASE);
      i += 2;
    } else {
      out.push(b);
      i++;
    }
  }
  return makeUnibyteString(rt, Uint8Array.from(out));
});

/** Length of a valid internal multibyte sequence at b[i] (GNU's MULTIBYTE_LENGTH), or 0. */
function multibyteLength(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  const cont = (k: number): boolean => i + k < end && (b[i + k]! & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if ((c & 0xe0) === 0xc0 && cont(1)) return 2;
  if ((c & 0xf0) === 0xe0 && cont(1) && cont(2)) return 3;
  if ((c & 0xf8) === 0xf0 && cont(1) && cont(2) && cont(3)) return 4;
  if (c === 0xf8 && i + 1 < end && (b[i + 1]! & 0xf0) === 0x80 && cont(2) && cont(3) && cont(4)) return 5;
  return 0;
}

DEFUN('string-as-multibyte', 1, 1, 'Give a multibyte string with the same internal bytes as STRING; bytes that form no valid sequence become eight-bit characters.', (rt, s: number) => {
  checkString(rt, s);
  if (stringMultibyte(rt, s)) return s;
  const u8 = rt.u8;
  const p = sdata(rt, s);
  const n = sbytes(rt, s);
  const out: number[] = [];
  let nchars = 0;
  for (let i = 0; i < n; ) {
    const len = multibyteLength(u8, p + i, p + n);
    if (len > 0) {
      for (let k = 0; k < len; k++) out.push(u8[p + i + k]!);
      i += len;
    } else {
      const b = u8[p + i]!;
      out.push(0xc0 | ((b >> 6) & 1), 0x80 | (b & 0x3f));
      i++;
    }
    nchars++;
  }
  return makeStringFromBytes(rt, Uint8Array.from(out), nchars, true);
});

export const stringToMultibyte = DEFUN('string-to-multibyte', 1, 1, 'Give a multibyte string holding the same characters as STRING, raw bytes as eight-bit characters.', (rt, s: number) => {
  checkString(rt, s);
  return stringMultibyte(rt, s) ? s : unibyteToMultibyte(rt, s);
});

export const stringToUnibyte = DEFUN('string-to-unibyte', 1, 1, 'Give a unibyte string holding the same characters as STRING, which may contain only ASCII and eight-bit characters.', (rt, s: number) => {
  checkString(rt, s);
  if (!stringMultibyte(rt, s)) return s;
  const cs = stringChars(rt, s);
  const bytes = new Uint8Array(cs.length);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c < 0x80) bytes[i] = c;
    else if (c > MAX_5_BYTE_CHAR) bytes[i] = c - BYTE8_BASE;
    else error(rt, `Can\u2019t convert the ${i}th character to unibyte`);
  }
  return makeUnibyteString(rt, bytes);
});

// ---- substrings and list access ----------------------------------------------------------

export const substring = DEFUN('substring', 1, 3, 'Give the part of STRING or vector from index FROM up to, not including, TO; a negative index counts back from the end.', (rt, s: number, from: number, to: number) => {
  if ((s & 7) === Lisp_String) {
    const size = schars(rt, s);
    const [f, t] = validateSubarray(rt, s, from, to, size);
    const fb = stringCharToByte(rt, s, f);
    const tb = t === size ? sbytes(rt, s) : stringCharToByte(rt, s, t);
    const r = substringBytes(rt, s, fb, tb, t - f);
    copyStringProperties(rt, s, f, t, r, -f);
    return r;
  }
  if (!isPvec(rt, s, PVEC_NORMAL_VECTOR)) return wrongTypeArgument(rt, Qarrayp, s);
  const size = pvecSize(rt, s);
  const [f, t] = validateSubarray(rt, s, from, to, size);
  const v = makeVector(rt, t - f, Qnil);
  rt.i32.copyWithin(slots(v), slots(s) + f, slots(s) + t);
  return v;
});

DEFUN('substring-no-properties', 1, 3, 'Give the part of STRING from FROM to TO with no text properties on it.', (rt, s: number, from: number, to: number) => {
  checkString(rt, s);
  const size = schars(rt, s);
  const [f, t] = validateSubarray(rt, s, from, to, size);
  const fb = stringCharToByte(rt, s, f);
  const tb = t === size ? sbytes(rt, s) : stringCharToByte(rt, s, t);
  return substringBytes(rt, s, fb, tb, t - f);
});

/** GNU's Fnthcdr. */
export function nthcdr(rt: Runtime, n: number, l: number): number {
  let num: number;
  if (isFixnum(n)) num = fixnumValue(n);
  else if (bignump(rt, n)) {
    if (bignumValue(rt, n) < 0n) return l;
    num = Number.MAX_SAFE_INTEGER;
  } else return wrongTypeArgument(rt, Qintegerp, n);
  let tail = l;
  if (num <= 127) {
    for (; num > 0; num--, tail = xcdr(rt, tail))
      if ((tail & 7) !== Lisp_Cons) {
        checkListEnd(rt, tail, l);
        return Qnil;
      }
    return tail;
  }
  // Long walks: reduce modulo the cycle length if the list is circular.
  const seen = new Map<number, number>();
  let i = 0;
  while (num > 0) {
    if ((tail & 7) !== Lisp_Cons) {
      checkListEnd(rt, tail, l);
      return Qnil;
    }
    const prev = seen.get(tail);
    if (prev !== undefined) {
      const cycle = i - prev;
      if (bignump(rt, n)) num = Number((bignumValue(rt, n) - BigInt(i)) % BigInt(cycle));
      else num %= cycle;
      for (; num > 0; num--) tail = xcdr(rt, tail);
      return tail;
    }
    seen.set(tail, i);
    tail = xcdr(rt, tail);
    i++;
    num--;
  }
  return tail;
}

DEFUN('nthcdr', 2, 2, 'Give what remains of LIST after dropping its first N elements.', (rt, n: number, l: number) => nthcdr(rt, n, l));

function carSafe(rt: Runtime, x: number): number {
  if ((x & 7) === Lisp_Cons) return xcar(rt, x);
  if (x === Qnil) return Qnil;
  return wrongTypeArgument(rt, Qlistp, x);
}

DEFUN('nth', 2, 2, 'Give element number N of LIST, counting from zero, or nil when LIST is too short.', (rt, n: number, l: number) =>
  carSafe(rt, nthcdr(rt, n, l)),
);

DEFUN('elt', 2, 2, 'Give the element at index N of SEQUENCE, a list or an array.', (rt, seq: number, n: number) => {
  if ((seq & 7) === Lisp_Cons || seq === Qnil) return carSafe(rt, nthcdr(rt, n, seq));
  const tag = seq & 7;
  const isArray =
    tag === Lisp_String ||
    (tag === Lisp_Vectorlike &&
      (pvecType(rt, seq) === PVEC_NORMAL_VECTOR || pvecType(rt, seq) === PVEC_BOOL_VECTOR || pvecType(rt, seq) === PVEC_CHAR_TABLE));
  if (!isArray) return wrongTypeArgument(rt, Qsequencep, seq);
  if (!isFixnum(n)) return wrongTypeArgument(rt, Qfixnump, n);
  const i = fixnumValue(n);
  if (tag === Lisp_String) {
    if (i < 0 || i >= schars(rt, seq)) return argsOutOfRange(rt, seq, n);
    const p = sdata(rt, seq) + stringCharToByte(rt, seq, i);
    return makeFixnum(fetchChar(rt.u8, p, stringMultibyte(rt, seq)));
  }
  const type = pvecType(rt, seq);
  if (type === PVEC_NORMAL_VECTOR) {
    if (i < 0 || i >= pvecSize(rt, seq)) return argsOutOfRange(rt, seq, n);
    return rt.i32[slots(seq) + i]!;
  }
  if (type === PVEC_BOOL_VECTOR) {
    if (i < 0 || i >= boolVectorSize(rt, seq)) return argsOutOfRange(rt, seq, n);
    return boolVectorRef(rt, seq, i) ? Qt : Qnil;
  }
  return call2(rt, Qaref, seq, n);
});

// ---- membership and association -----------------------------------------------------------

/** GNU's same_float: identical bits (so -0.0 differs from 0.0 and a NaN equals itself). */
function floatBitsEqual(rt: Runtime, a: number, b: number): boolean {
  const wa = (a & -8) >>> 2;
  const wb = (b & -8) >>> 2;
  return rt.i32[wa] === rt.i32[wb] && rt.i32[wa + 1] === rt.i32[wb + 1];
}

/** GNU's eql. */
export function eql(rt: Runtime, a: number, b: number): boolean {
  if (a === b) return true;
  const tag = a & 7;
  if (tag === Lisp_Float) return (b & 7) === Lisp_Float && floatBitsEqual(rt, a, b);
  if (tag === Lisp_Vectorlike && bignump(rt, a)) return bignump(rt, b) && bignumEqual(rt, a, b);
  return false;
}
function bignumEqual(rt: Runtime, a: number, b: number): boolean {
  // A bignum's words may not be written yet (makeBignum in object.ts): compare the values.
  return pvecSize(rt, a) === pvecSize(rt, b) && bignumValue(rt, a) === bignumValue(rt, b);
}

DEFUN('eql', 2, 2, 'Tell whether the arguments are `eq\', or are numbers of one type with one value (floats compare by their bits).', (rt, a: number, b: number) =>
  eql(rt, a, b) ? Qt : Qnil,
);

const EQUAL_PLAIN = 0;
const EQUAL_INCLUDING_PROPERTIES = 1;

/** Structural equality (GNU's internal_equal). */
export function equalp(rt: Runtime, a: number, b: number): boolean {
  return internalEqual(rt, a, b, EQUAL_PLAIN, 0, null);
}

function internalEqual(rt: Runtime, o1: number, o2: number, kind: number, depth: number, ht: Map<number, number[]> | null): boolean {
  for (;;) {
    if (depth > 10) {
      if (depth > 200) error(rt, 'Stack overflow in equal');
      if (ht === null) ht = new Map();
      const t = o1 & 7;
      if (t === Lisp_Cons || t === Lisp_Vectorlike) {
        const seen = ht.get(o1);
        if (seen) {
          if (seen.includes(o2)) return true;
          seen.push(o2);
        } else ht.set(o1, [o2]);
      }
    }
    if (o1 === o2) return true;
    const tag = o1 & 7;
    if (tag !== (o2 & 7)) return false;
    switch (tag) {
      case Lisp_Float:
        return floatBitsEqual(rt, o1, o2);
      case Lisp_Cons: {
        const list1 = o1;
        // A local cycle detector: the recursion below would clobber the shared `walker`.
        let tortoise = o1;
        let n = 2;
        let q = 2;
        while ((o1 & 7) === Lisp_Cons) {
          if ((o2 & 7) !== Lisp_Cons) return false;
          if (!internalEqual(rt, xcar(rt, o1), xcar(rt, o2), kind, depth + 1, ht)) return false;
          o2 = xcdr(rt, o2);
          if (xcdr(rt, o1) === o2) return true;
          o1 = xcdr(rt, o1);
          if (--q === 0) {
            n <<= 1;
            q = n;
            tortoise = o1;
          } else if (o1 === tortoise) circularList(rt, list1);
        }
        depth++;
        continue;
      }
      case Lisp_Vectorlike: {
        const h1 = hdr(rt, o1);
        if (h1 !== hdr(rt, o2)) return false;
        const type = h1 >>> PVEC_TYPE_SHIFT;
        const size = h1 & PVEC_SIZE_MASK;
        if (type === PVEC_BIGNUM) return bignumEqual(rt, o1, o2);
        if (type === PVEC_BOOL_VECTOR) {
          const b1 = slots(o1);
          const b2 = slots(o2);
          for (let i = 0; i < size; i++) if (rt.i32[b1 + i] !== rt.i32[b2 + i]) return false;
          return true;
        }
        if (type === PVEC_MARKER) {
          // Markers are equal when they point into the same buffer at the same place, or nowhere.
          const m1 = slots(o1);
          const m2 = slots(o2);
          if (rt.i32[m1 + MARKER_BUFFER] !== rt.i32[m2 + MARKER_BUFFER]) return false;
          return rt.i32[m1 + MARKER_BUFFER] === Qnil || rt.i32[m1 + MARKER_CHARPOS] === rt.i32[m2 + MARKER_CHARPOS];
        }
        if (type === PVEC_OVERLAY) {
          // Same ends (buffer and position, as markers compare) and equal property lists.
          const b1 = slots(o1);
          const b2 = slots(o2);
          for (const i of [OVERLAY_START, OVERLAY_END]) {
            const m1 = slots(rt.i32[b1 + i]!);
            const m2 = slots(rt.i32[b2 + i]!);
            if (rt.i32[m1 + MARKER_BUFFER] !== rt.i32[m2 + MARKER_BUFFER]) return false;
            if (rt.i32[m1 + MARKER_BUFFER] !== Qnil && rt.i32[m1 + MARKER_CHARPOS] !== rt.i32[m2 + MARKER_CHARPOS]) return false;
          }
          return internalEqual(rt, rt.i32[b1 + OVERLAY_PLIST]!, rt.i32[b2 + OVERLAY_PLIST]!, kind, depth + 1, ht);
        }
        if (
          type !== PVEC_NORMAL_VECTOR && type !== PVEC_RECORD && type !== PVEC_COMPILED &&
          type !== PVEC_CHAR_TABLE && type !== PVEC_SUB_CHAR_TABLE
        )
          return false;
        const b1 = slots(o1);
        const b2 = slots(o2);
        for (let i = 0; i < size; i++)
          if (!internalEqual(rt, rt.i32[b1 + i]!, rt.i32[b2 + i]!, kind, depth + 1, ht)) return false;
        return true;
      }
      case Lisp_String:
        if (!bytesEqual(rt, o1, o2)) return false;
        if (kind === EQUAL_INCLUDING_PROPERTIES) return stringPropertiesEqual(rt, o1, o2);
        return true;
      default:
        return false;
    }
  }
}

DEFUN('equal', 2, 2, 'Tell whether O1 and O2 have the same shape and contents: conses, vectors and records are compared element by element, strings by their characters, numbers with `eql\'.', (rt, a: number, b: number) =>
  internalEqual(rt, a, b, EQUAL_PLAIN, 0, null) ? Qt : Qnil,
);
DEFUN('equal-including-properties', 2, 2, 'Compare O1 and O2 as `equal\' does, also requiring strings to carry the same text properties.', (rt, a: number, b: number) =>
  internalEqual(rt, a, b, EQUAL_INCLUDING_PROPERTIES, 0, null) ? Qt : Qnil,
);

/** Walk LIST calling test(elt, tail) for each element; returns the tail where test is true, or nil. */
function findTail(rt: Runtime, l: number, test: (car: number) => boolean): number {
  let tail = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    if (test(xcar(rt, tail))) return tail;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) circularList(rt, l);
  }
  checkListEnd(rt, tail, l);
  return Qnil;
}

export const memq = (rt: Runtime, elt: number, l: number): number => {
  let tail = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    if (rt.i32[(tail & -8) >>> 2] === elt) return tail;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) circularList(rt, l);
  }
  checkListEnd(rt, tail, l);
  return Qnil;
};
DEFUN('memq', 2, 2, 'Find ELT in LIST by `eq\' and give the tail of LIST that starts there, or nil.', memq);
export const member = DEFUN('member', 2, 2, 'Find ELT in LIST by `equal\' and give the tail of LIST that starts there, or nil.', (rt, elt: number, l: number) =>
  findTail(rt, l, (x) => equalp(rt, elt, x)),
);
DEFUN('memql', 2, 2, 'Find ELT in LIST by `eql\' and give the tail of LIST that starts there, or nil.', (rt, elt: number, l: number) =>
  findTail(rt, l, (x) => eql(rt, elt, x)),
);

export const assq = (rt: Runtime, key: number, l: number): number => {
  const t = findTail(rt, l, (x) => (x & 7) === Lisp_Cons && xcar(rt, x) === key);
  return t === Qnil ? Qnil : xcar(rt, t);
};
DEFUN('assq', 2, 2, 'Find the first element of the alist LIST whose car is `eq\' to KEY, or nil.', assq);

DEFUN('assoc', 2, 3, 'Find the first element of the alist LIST whose car matches KEY, by TESTFN (given the car and KEY) or else by `equal\'.', (rt, key: number, l: number, testfn: number) => {
  if (testfn === Qnil) {
    const t = findTail(rt, l, (x) => (x & 7) === Lisp_Cons && (xcar(rt, x) === key || equalp(rt, xcar(rt, x), key)));
    return t === Qnil ? Qnil : xcar(rt, t);
  }
  const sp = rt.sp;
  try {
    rt.push(key);
    rt.push(l);
    rt.push(testfn);
    let tail = l;
    const w = new TailWalker();
    w.reset(l);
    while ((tail & 7) === Lisp_Cons) {
      const car = xcar(rt, tail);
      if ((car & 7) === Lisp_Cons) {
        rt.stack[sp + 1] = tail;
        if (call2(rt, testfn, xcar(rt, car), key) !== Qnil) return car;
      }
      tail = xcdr(rt, tail);
      if (w.step(tail)) circularList(rt, l);
    }
    checkListEnd(rt, tail, l);
    return Qnil;
  } finally {
    rt.sp = sp;
  }
});

DEFUN('rassq', 2, 2, 'Find the first element of the alist LIST whose cdr is `eq\' to KEY, or nil.', (rt, key: number, l: number) => {
  const t = findTail(rt, l, (x) => (x & 7) === Lisp_Cons && xcdr(rt, x) === key);
  return t === Qnil ? Qnil : xcar(rt, t);
});
DEFUN('rassoc', 2, 2, 'Find the first element of the alist LIST whose cdr is `equal\' to KEY, or nil.', (rt, key: number, l: number) => {
  const t = findTail(rt, l, (x) => (x & 7) === Lisp_Cons && (xcdr(rt, x) === key || equalp(rt, xcdr(rt, x), key)));
  return t === Qnil ? Qnil : xcar(rt, t);
});

function deleteFromList(rt: Runtime, l: number, test: (x: number) => boolean): number {
  let prev = Qnil;
  let tail = l;
  let result = l;
  walker.reset(l);
  while ((tail & 7) === Lisp_Cons) {
    if (test(xcar(rt, tail))) {
      if (prev === Qnil) result = xcdr(rt, tail);
      else xsetcdr(rt, prev, xcdr(rt, tail));
    } else prev = tail;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) circularList(rt, l);
  }
  checkListEnd(rt, tail, result);
  return result;
}

export const delq = DEFUN('delq', 2, 2, 'Take out of LIST every element `eq\' to ELT, by changing the list itself, and give what is left.', (rt, elt: number, l: number) =>
  deleteFromList(rt, l, (x) => x === elt),
);

DEFUN('delete', 2, 2, 'Take out of SEQ every element `equal\' to ELT: a list is changed in place, a vector or string is copied without them.', (rt, elt: number, seq: number) => {
  if (isPvec(rt, seq, PVEC_NORMAL_VECTOR)) {
    const n = pvecSize(rt, seq);
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = rt.i32[slots(seq) + i]!;
      if (!equalp(rt, x, elt)) keep.push(x);
    }
    return keep.length === n ? seq : vectorFromArray(rt, keep);
  }
  if ((seq & 7) === Lisp_String) {
    const cs = stringChars(rt, seq);
    const keep = cs.filter((c) => !(isFixnum(elt) && fixnumValue(elt) === c));
    if (keep.length === cs.length) return seq;
    if (!stringMultibyte(rt, seq)) return makeUnibyteString(rt, Uint8Array.from(keep));
    let nb = 0;
    for (const c of keep) nb += charBytes(c);
    const r = allocString(rt, keep.length, nb, true);
    let o = sdata(rt, r);
    for (const c of keep) o += writeChar(rt.u8, o, c);
    return r;
  }
  return deleteFromList(rt, seq, (x) => equalp(rt, elt, x));
});

// ---- reversing ---------------------------------------------------------------------------

function reverseString(rt: Runtime, s: number): number {
  const cs = stringChars(rt, s).reverse();
  if (!stringMultibyte(rt, s)) return makeUnibyteString(rt, Uint8Array.from(cs));
  const r = allocString(rt, cs.length, sbytes(rt, s), true);
  let o = sdata(rt, r);
  for (const c of cs) o += writeChar(rt.u8, o, c);
  return r;
}

export const nreverse = DEFUN('nreverse', 1, 1, 'Put the elements of SEQ, a list, vector, bool-vector or string, in the opposite order, reusing SEQ where it can.', (rt, seq: number) => {
  if (seq === Qnil) return seq;
  if ((seq & 7) === Lisp_String) return reverseString(rt, seq);
  if ((seq & 7) === Lisp_Cons) {
    let prev = Qnil;
    let tail = seq;
    while ((tail & 7) === Lisp_Cons) {
      const next = xcdr(rt, tail);
      if (next === seq) circularList(rt, seq);
      xsetcdr(rt, tail, prev);
      prev = tail;
      tail = next;
    }
    checkListEnd(rt, tail, seq);
    return prev;
  }
  if (isPvec(rt, seq, PVEC_NORMAL_VECTOR)) {
    const b = slots(seq);
    const n = pvecSize(rt, seq);
    for (let i = 0; i < n >> 1; i++) {
      const t = rt.i32[b + i]!;
      rt.i32[b + i] = rt.i32[b + n - 1 - i]!;
      rt.i32[b + n - 1 - i] = t;
    }
    return seq;
  }
  if (isBoolVector(rt, seq)) {
    const n = boolVectorSize(rt, seq);
    for (let i = 0; i < n >> 1; i++) {
      const t = boolVectorRef(rt, seq, i);
      boolVectorSet(rt, seq, i, boolVectorRef(rt, seq, n - 1 - i));
      boolVectorSet(rt, seq, n - 1 - i, t);
    }
    return seq;
  }
  return wrongTypeArgument(rt, Qarrayp, seq);
});

DEFUN('reverse', 1, 1, 'Give a new sequence holding the elements of SEQ in the opposite order.', (rt, seq: number) => {
  if (seq === Qnil) return Qnil;
  if ((seq & 7) === Lisp_Cons) {
    let r = Qnil;
    let tail = seq;
    walker.reset(seq);
    while ((tail & 7) === Lisp_Cons) {
      r = cons(rt, xcar(rt, tail), r);
      tail = xcdr(rt, tail);
      if (walker.step(tail)) circularList(rt, seq);
    }
    // GNU names the improper tail itself, not the list.
    checkListEnd(rt, tail, tail);
    return r;
  }
  if (isPvec(rt, seq, PVEC_NORMAL_VECTOR)) {
    const n = pvecSize(rt, seq);
    const v = makeVector(rt, n, Qnil);
    for (let i = 0; i < n; i++) rt.i32[slots(v) + i] = rt.i32[slots(seq) + n - 1 - i]!;
    return v;
  }
  if (isBoolVector(rt, seq)) {
    const n = boolVectorSize(rt, seq);
    const v = makeBoolVector(rt, n);
    for (let i = 0; i < n; i++) boolVectorSet(rt, v, i, boolVectorRef(rt, seq, n - 1 - i));
    return v;
  }
  if ((seq & 7) === Lisp_String) return reverseString(rt, seq);
  return wrongTypeArgument(rt, Qsequencep, seq);
});

// ---- sort: GNU's stable merge sorts, same split points and predicate call order ---------

/** inorder(a, b): a may stay before b unless (PRED b a). */
const inorder = (rt: Runtime, pred: number, a: number, b: number): boolean => call2(rt, pred, b, a) === Qnil;

function mergeLists(rt: Runtime, l1: number, l2: number, pred: number): number {
  // l1 and l2 are held on the Lisp stack by the caller's rooting vector.
  let tail = Qnil;
  let value = Qnil;
  for (;;) {
    if (l1 === Qnil) {
      if (tail === Qnil) return l2;
      xsetcdr(rt, tail, l2);
      return value;
    }
    if (l2 === Qnil) {
      if (tail === Qnil) return l1;
      xsetcdr(rt, tail, l1);
      return value;
    }
    let tem: number;
    if (inorder(rt, pred, xcar(rt, l1), xcar(rt, l2))) {
      tem = l1;
      l1 = xcdr(rt, l1);
    } else {
      tem = l2;
      l2 = xcdr(rt, l2);
    }
    if (tail === Qnil) value = tem;
    else xsetcdr(rt, tail, tem);
    tail = tem;
  }
}

function sortList(rt: Runtime, l: number, pred: number): number {
  const length = listLength(rt, l);
  if (length < 2) return l;
  const tem = nthcdr(rt, makeFixnum((length >> 1) - 1), l);
  const back = xcdr(rt, tem);
  xsetcdr(rt, tem, Qnil);
  // GNU evaluates merge's arguments right to left: the back half is sorted first.
  const b = sortList(rt, back, pred);
  const f = sortList(rt, l, pred);
  return mergeLists(rt, f, b, pred);
}

/** Merge a[ao..ao+alen) and b[bo..bo+blen) into d[do..); b may be the tail of d. Arrays are heap word indices. */
function mergeVectors(rt: Runtime, pred: number, alen: number, a: number, blen: number, b: number, d: number): void {
  const m = rt.i32;
  const alim = a + alen;
  const blim = b + blen;
  for (;;) {
    if (inorder(rt, pred, m[a]!, m[b]!)) {
      m[d++] = m[a++]!;
      if (a === alim) {
        if (d !== b) m.copyWithin(d, b, blim);
        return;
      }
    } else {
      m[d++] = m[b++]!;
      if (b === blim) {
        m.copyWithin(d, a, alim);
        return;
      }
    }
  }
}
function sortVectorInplace(rt: Runtime, pred: number, len: number, vec: number, tmp: number): void {
  const half = len >> 1;
  sortVectorCopy(rt, pred, half, vec, tmp);
  if (1 < len - half) sortVectorInplace(rt, pred, len - half, vec + half, vec);
  mergeVectors(rt, pred, half, tmp, len - half, vec + half, vec);
}
function sortVectorCopy(rt: Runtime, pred: number, len: number, src: number, dest: number): void {
  const half = len >> 1;
  if (half < 1) rt.i32[dest] = rt.i32[src]!;
  else {
    if (1 < half) sortVectorInplace(rt, pred, half, src, dest);
    if (1 < len - half) sortVectorInplace(rt, pred, len - half, src + half, dest);
    mergeVectors(rt, pred, half, src, len - half, src + half, dest);
  }
}

export const sort = DEFUN('sort', 2, 2, 'Order SEQ, a list or a vector, by PREDICATE, changing SEQ; elements that compare equal keep their order.\n(PREDICATE A B) must give non-nil when A belongs before B.', (rt, seq: number, pred: number) => {
  if ((seq & 7) === Lisp_Cons) {
    const sp = rt.sp;
    try {
      // Root every cons (and so every element) while the list is cut and relinked.
      const cells: number[] = [];
      const n = listLength(rt, seq);
      let t = seq;
      for (let i = 0; i < n; i++, t = xcdr(rt, t)) cells.push(t);
      rt.push(vectorFromArray(rt, cells));
      rt.push(pred);
      return sortList(rt, seq, pred);
    } finally {
      rt.sp = sp;
    }
  }
  if (isPvec(rt, seq, PVEC_NORMAL_VECTOR)) {
    const len = pvecSize(rt, seq);
    if (len < 2) return seq;
    const sp = rt.sp;
    try {
      const tmp = makeVector(rt, len >> 1, makeFixnum(0));
      rt.push(seq);
      rt.push(tmp);
      rt.push(pred);
      sortVectorInplace(rt, pred, len, slots(seq), slots(tmp));
    } finally {
      rt.sp = sp;
    }
    return seq;
  }
  if (seq !== Qnil) wrongTypeArgument(rt, Qlist_or_vector_p, seq);
  return seq;
});

// ---- property lists ----------------------------------------------------------------------

export function plistGet(rt: Runtime, plist: number, prop: number): number {
  let tail = plist;
  walker.reset(plist);
  while ((tail & 7) === Lisp_Cons) {
    const rest = xcdr(rt, tail);
    if ((rest & 7) !== Lisp_Cons) break;
    if (xcar(rt, tail) === prop) return xcar(rt, rest);
    tail = xcdr(rt, rest);
    if (walker.step(tail)) break;
  }
  return Qnil;
}
DEFUN('plist-get', 2, 2, 'Look up PROP, by `eq\', in the property list PLIST and give its value; a malformed list gives nil rather than an error.', plistGet);

function plistPutGeneric(rt: Runtime, plist: number, prop: number, val: number, same: (a: number) => boolean, lax: boolean): number {
  let prev = Qnil;
  let tail = plist;
  walker.reset(plist);
  while ((tail & 7) === Lisp_Cons) {
    const rest = xcdr(rt, tail);
    if ((rest & 7) !== Lisp_Cons) break;
    if (same(xcar(rt, tail))) {
      xsetcar(rt, rest, val);
      return plist;
    }
    prev = tail;
    tail = xcdr(rt, rest);
    if (walker.step(tail)) circularList(rt, plist);
  }
  if (tail !== Qnil) wrongTypeArgument(rt, Qplistp, plist);
  if (lax) {
    const cell = list(rt, prop, val);
    if (prev === Qnil) return cell;
    xsetcdr(rt, xcdr(rt, prev), cell);
    return plist;
  }
  const cell = cons(rt, prop, cons(rt, val, prev === Qnil ? plist : xcdr(rt, xcdr(rt, prev))));
  if (prev === Qnil) return cell;
  xsetcdr(rt, xcdr(rt, prev), cell);
  return plist;
}

export const plistPut = DEFUN('plist-put', 3, 3, 'Set PROP, compared by `eq\', to VAL in the property list PLIST, changing it in place or adding the pair at its end; give the resulting list.', (rt, plist: number, prop: number, val: number) =>
  plistPutGeneric(rt, plist, prop, val, (x) => x === prop, false),
);

DEFUN('lax-plist-get', 2, 2, 'Look up PROP in the property list PLIST as `plist-get\' does, but comparing with `equal\'.', (rt, plist: number, prop: number) => {
  let tail = plist;
  walker.reset(plist);
  while ((tail & 7) === Lisp_Cons) {
    const rest = xcdr(rt, tail);
    if ((rest & 7) !== Lisp_Cons) break;
    if (equalp(rt, prop, xcar(rt, tail))) return xcar(rt, rest);
    tail = xcdr(rt, rest);
    if (walker.step(tail)) circularList(rt, plist);
  }
  if (tail !== Qnil) wrongTypeArgument(rt, Qplistp, plist);
  return Qnil;
});

DEFUN('lax-plist-put', 3, 3, 'Set PROP to VAL in PLIST as `plist-put\' does, but comparing with `equal\'.', (rt, plist: number, prop: number, val: number) =>
  plistPutGeneric(rt, plist, prop, val, (x) => equalp(rt, prop, x), true),
);

/** The tail of the property list PLIST that starts with PROP (compared by `eq'), or nil; a list ending oddly is an error. */
function plistTail(rt: Runtime, plist: number, prop: number): number {
  let tail = plist;
  walker.reset(plist);
  while ((tail & 7) === Lisp_Cons) {
    if (xcar(rt, tail) === prop) return tail;
    tail = xcdr(rt, tail);
    if ((tail & 7) !== Lisp_Cons) break;
    tail = xcdr(rt, tail);
    if (walker.step(tail)) circularList(rt, plist);
  }
  if (tail !== Qnil) wrongTypeArgument(rt, Qplistp, plist);
  return Qnil;
}

DEFUN('plist-member', 2, 2, 'Give the part of PLIST that begins with the property PROP (compared by `eq\'), or nil when PROP is absent.', (rt, plist: number, prop: number) =>
  plistTail(rt, plist, prop),
);

export const get = DEFUN('get', 2, 2, 'Give the value of SYMBOL\'s property PROPNAME; `overriding-plist-environment\' is searched before the symbol\'s own list.', (rt, sym: number, prop: number) => {
  checkSymbol(rt, sym);
  const env = findSymbolValue(rt, Qoverriding_plist_environment);
  if (env !== Qunbound && env !== Qnil) {
    const entry = assq(rt, sym, env);
    const v = plistGet(rt, (entry & 7) === Lisp_Cons ? xcdr(rt, entry) : Qnil, prop);
    if (v !== Qnil) return v;
  }
  return plistGet(rt, symbolPlist(rt, sym), prop);
});

export const put = DEFUN('put', 3, 3, 'Give SYMBOL\'s property PROPNAME the value VALUE, and give VALUE.', (rt, sym: number, prop: number, value: number) => {
  checkSymbol(rt, sym);
  setSymbolPlist(rt, sym, plistPut(rt, symbolPlist(rt, sym), prop, value));
  return value;
});

DEFVAR('overriding-plist-environment', () => Qnil, 'Entries (SYMBOL . PLIST) whose properties `get\' sees before those of the symbol itself.');

// ---- arrays --------------------------------------------------------------------------------

/**
 * store-substring's common case, for lisp/mule-util.el (evalperf8): OBJ's characters copied into
 * STRING from IDX when that is a plain byte copy — STRING unibyte, OBJ another string, unibyte or
 * all ASCII, IDX a fixnum and OBJ fitting at IDX — and t; else nil, touching nothing, and the Lisp
 * loop of `aset's does the work (so its errors and backtraces are the same as before).
 */
DEFUN('tsmacs--store-substring', 3, 3, 'Copy the string OBJ into the unibyte STRING at IDX when that is a plain byte copy and give t; else give nil and change nothing.', (rt, string: number, idx: number, obj: number) => {
  if ((string & 7) !== Lisp_String || (obj & 7) !== Lisp_String || string === obj || (idx & 3) !== 2) return Qnil;
  if (stringMultibyte(rt, string) || sbytes(rt, obj) !== schars(rt, obj)) return Qnil;
  const i = idx >> 2;
  const n = schars(rt, obj);
  if (i < 0 || i + n > schars(rt, string)) return Qnil;
  const d = sdata(rt, string);
  const src = sdata(rt, obj);
  rt.u8.copyWithin(d + i, src, src + n);
  stringContentsChanged(rt);
  return Qt;
});

DEFUN('fillarray', 2, 2, 'Set every element of ARRAY, a vector, string, char-table or bool-vector, to ITEM.', (rt, array: number, item: number) => {
  if (isPvec(rt, array, PVEC_NORMAL_VECTOR)) {
    const b = slots(array);
    rt.i32.fill(item, b, b + pvecSize(rt, array));
  } else if (isCharTable(rt, array)) {
    const b = slots(array);
    rt.i32.fill(item, b + CHARTAB_CONTENTS, b + CHARTAB_CONTENTS + 64);
    rt.i32[b + CHARTAB_ASCII] = item;
    rt.i32[b + CHARTAB_DEFALT] = item;
  } else if ((array & 7) === Lisp_String) {
    const c = checkCharacter(rt, item);
    const size = schars(rt, array);
    const p = sdata(rt, array);
    if (stringMultibyte(rt, array)) {
      const len = charBytes(c);
      if (size * len !== sbytes(rt, array)) error(rt, 'Attempt to change byte length of a string');
      for (let i = 0; i < size; i++) writeChar(rt.u8, p + i * len, c);
      stringBytesChanged(rt);
    } else {
      rt.u8.fill(c & 0xff, p, p + size);
      stringContentsChanged(rt);
    }
  } else if (isBoolVector(rt, array)) {
    const n = boolVectorSize(rt, array);
    const b = slots(array) + 1;
    const words = (n + 31) >>> 5;
    rt.i32.fill(item === Qnil ? 0 : -1, b, b + words);
    // Keep the padding bits clear so that `equal` can compare whole words.
    if (item !== Qnil && n & 31) rt.i32[b + words - 1] = (1 << (n & 31)) - 1;
  } else wrongTypeArgument(rt, Qarrayp, array);
  return array;
});

/** Zero the string S's bytes in place and make it unibyte (clear-string; gnutls.ts clears keys so too). */
export function clearString(rt: Runtime, s: number): void {
  stringBytesChanged(rt);
  checkString(rt, s);
  const n = sbytes(rt, s);
  // The shared empty strings stay as they are (GNU leaves its empty multibyte string multibyte).
  if (n === 0) return;
  rt.u8.fill(0, sdata(rt, s), sdata(rt, s) + n);
  const wi = (s & -8) >>> 2;
  rt.i32[wi + STR_NCHARS] = n;
  rt.i32[wi + STR_NBYTES] = -1;
}

DEFUN('clear-string', 1, 1, 'Overwrite STRING\'s contents with zero bytes and make it unibyte; its length becomes the number of bytes it had.', (rt, s: number) => {
  clearString(rt, s);
  return Qnil;
});

// ---- nconc and mapping -----------------------------------------------------------------------

export const nconc = DEFUN('nconc', 0, MANY, 'Join lists into one by changing the last cdr of each to point at the next; the last argument may be any object.', (rt, args: number[]) => {
  let val = Qnil;
  for (let i = 0; i < args.length; i++) {
    let tem = args[i]!;
    if (tem === Qnil) continue;
    if (val === Qnil) val = tem;
    if (i + 1 === args.length) break;
    if ((tem & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, tem);
    const l = tem;
    let tail = tem;
    walker.reset(l);
    while ((tem & 7) === Lisp_Cons) {
      tail = tem;
      tem = xcdr(rt, tem);
      if (walker.step(tem)) circularList(rt, l);
    }
    tem = args[i + 1]!;
    xsetcdr(rt, tail, tem);
    if (tem === Qnil) args[i + 1] = tail;
  }
  return val;
});

/**
 * GNU's mapcar1: call FN on each element of SEQ, storing results in the Lisp
 * vector VALS (rooted by the caller) when it is not nil. Returns the count mapped.
 */
function mapcar1(rt: Runtime, leni: number, vals: number, fn: number, seq: number): number {
  const sp = rt.sp;
  try {
    rt.push(fn);
    rt.push(seq);
    rt.push(vals);
    const tailSlot = rt.sp;
    rt.push(Qnil);
    const store = (i: number, v: number): void => {
      if (vals !== Qnil) rt.i32[slots(vals) + i] = v;
    };
    const tag = seq & 7;
    if (tag === Lisp_Vectorlike && pvecType(rt, seq) !== PVEC_BOOL_VECTOR) {
      for (let i = 0; i < leni; i++) store(i, call1(rt, fn, rt.i32[slots(seq) + i]!));
    } else if (tag === Lisp_Vectorlike) {
      for (let i = 0; i < leni; i++) store(i, call1(rt, fn, boolVectorRef(rt, seq, i) ? Qt : Qnil));
    } else if (tag === Lisp_String) {
      const mb = stringMultibyte(rt, seq);
      let pb = 0;
      for (let i = 0; i < leni; i++) {
        const p = sdata(rt, seq) + pb;
        const c = fetchChar(rt.u8, p, mb);
        pb += mb ? charLenAt(rt.u8[p]!) : 1;
        store(i, call1(rt, fn, makeFixnum(c)));
      }
    } else {
      let tail = seq;
      for (let i = 0; i < leni; i++) {
        if ((tail & 7) !== Lisp_Cons) return i;
        rt.stack[tailSlot] = tail;
        store(i, call1(rt, fn, xcar(rt, tail)));
        tail = xcdr(rt, tail);
      }
    }
    return leni;
  } finally {
    rt.sp = sp;
  }
}

function mapLength(rt: Runtime, seq: number): number {
  const n = seqLength(rt, seq);
  if (isCharTable(rt, seq)) wrongTypeArgument(rt, Qlistp, seq);
  return n;
}

function vectorPrefix(rt: Runtime, v: number, n: number): number[] {
  const out = new Array<number>(n);
  const b = slots(v);
  for (let i = 0; i < n; i++) out[i] = rt.i32[b + i]!;
  return out;
}

DEFUN('mapcar', 2, 2, 'Call FUNCTION on each element of SEQUENCE and collect the results into a list.', (rt, fn: number, seq: number) => {
  const leni = mapLength(rt, seq);
  const vals = makeVector(rt, leni, Qnil);
  const sp = rt.sp;
  try {
    rt.push(vals);
    const n = mapcar1(rt, leni, vals, fn, seq);
    return listFromArray(rt, vectorPrefix(rt, vals, n)); // a spread of millions of values would overflow the JS stack
  } finally {
    rt.sp = sp;
  }
});

DEFUN('mapc', 2, 2, 'Call FUNCTION on each element of SEQUENCE only for its effects, and give SEQUENCE.', (rt, fn: number, seq: number) => {
  const leni = mapLength(rt, seq);
  mapcar1(rt, leni, Qnil, fn, seq);
  return seq;
});

DEFUN('mapcan', 2, 2, 'Call FUNCTION on each element of SEQUENCE and join the resulting lists with `nconc\'.', (rt, fn: number, seq: number) => {
  const leni = mapLength(rt, seq);
  const vals = makeVector(rt, leni, Qnil);
  const sp = rt.sp;
  try {
    rt.push(vals);
    const n = mapcar1(rt, leni, vals, fn, seq);
    return nconc(rt, vectorPrefix(rt, vals, n));
  } finally {
    rt.sp = sp;
  }
});

DEFUN('mapconcat', 3, 3, 'Call FUNCTION on each element of SEQUENCE and join the resulting strings, with SEPARATOR between every two.', (rt, fn: number, seq: number, sep: number) => {
  const leni = mapLength(rt, seq);
  if (leni === 0) return makeUnibyteString(rt, new Uint8Array(0));
  const vals = makeVector(rt, leni, Qnil);
  const sp = rt.sp;
  try {
    rt.push(vals);
    rt.push(sep);
    const n = mapcar1(rt, leni, vals, fn, seq);
    const args: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) args.push(sep);
      args.push(rt.i32[slots(vals) + i]!);
    }
    return concatToString(rt, args);
  } finally {
    rt.sp = sp;
  }
});

// ---- features ------------------------------------------------------------------------------

// The features GNU's C code provides that this build has too: base64 and the digests, the
// printer's readable hash tables, floats, overlays, text properties and the colour metrics.
const C_FEATURES = [
  DEFSYM('base64'), DEFSYM('md5'), DEFSYM('sha1'), DEFSYM('hashtable-print-readable'),
  DEFSYM('lisp-float-type'), DEFSYM('overlay'), DEFSYM('text-properties'), DEFSYM('threads'), DEFSYM('lcms2'),
];
NOT_SPECIAL(DEFVAR('features', (rt) => list(rt, ...C_FEATURES, Qemacs), 'The symbols of the features provided so far, newest first; see `provide\' and `require\'.'));

const featuresValue = (rt: Runtime): number => {
  const v = findSymbolValue(rt, Qfeatures);
  return v === Qunbound ? Qnil : v;
};

/** LOADHIST_ATTACH: record X in current-load-list. */
function loadhistAttach(rt: Runtime, x: number): void {
  const cur = findSymbolValue(rt, Qcurrent_load_list);
  if (cur === Qunbound) return;
  setInternal(rt, Qcurrent_load_list, cons(rt, x, cur));
}

DEFUN('featurep', 1, 2, 'Tell whether FEATURE has been provided, and SUBFEATURE with it when SUBFEATURE is given.', (rt, feature: number, sub: number) => {
  checkSymbol(rt, feature);
  let tem = memq(rt, feature, featuresValue(rt));
  if (tem !== Qnil && sub !== Qnil) tem = member(rt, sub, get(rt, feature, Qsubfeatures));
  return tem === Qnil ? Qnil : Qt;
});

DEFUN('provide', 1, 2, 'Record FEATURE, and its SUBFEATURES, as available, and run what `after-load-alist\' holds for it.', (rt, feature: number, subfeatures: number) => {
  checkSymbol(rt, feature);
  if (subfeatures !== Qnil && (subfeatures & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qlistp, subfeatures);
  const sp = rt.sp;
  try {
    rt.push(feature);
    rt.push(subfeatures);
    const fs = featuresValue(rt);
    if (memq(rt, feature, fs) === Qnil) setInternal(rt, Qfeatures, cons(rt, feature, fs));
    if (subfeatures !== Qnil) put(rt, feature, Qsubfeatures, subfeatures);
    loadhistAttach(rt, cons(rt, Qprovide, feature));
    const ala = findSymbolValue(rt, Qafter_load_alist);
    if (ala !== Qunbound && ala !== Qnil) {
      const tem = assq(rt, feature, ala);
      if ((tem & 7) === Lisp_Cons) {
        rt.push(tem);
        const fns = xcdr(rt, tem);
        mapcar1(rt, seqLength(rt, fns), Qnil, Qfuncall, fns);
      }
    }
    return feature;
  } finally {
    rt.sp = sp;
  }
});

DEFUN('require', 1, 3, 'Make sure FEATURE is available, loading FILENAME (by default the feature\'s name) when it has not been provided yet.\nWith NOERROR non-nil, a file that cannot be found gives nil instead of an error.', (rt, feature: number, filename: number, noerror: number) => {
  checkSymbol(rt, feature);
  const lip = findSymbolValue(rt, Qload_in_progress);
  let isFromFile = lip !== Qunbound && lip !== Qnil;
  const cll = findSymbolValue(rt, Qcurrent_load_list);
  if (!isFromFile && cll !== Qunbound) {
    let tail = cll;
    walker.reset(cll);
    while ((tail & 7) === Lisp_Cons) {
      if (xcdr(rt, tail) === Qnil && (xcar(rt, tail) & 7) === Lisp_String) isFromFile = true;
      tail = xcdr(rt, tail);
      if (walker.step(tail)) break;
    }
  }
  if (isFromFile) {
    const tem = cons(rt, Qrequire, feature);
    const cur = findSymbolValue(rt, Qcurrent_load_list);
    if (cur === Qunbound || member(rt, tem, cur) === Qnil) loadhistAttach(rt, tem);
  }
  if (memq(rt, feature, featuresValue(rt)) !== Qnil) return feature;

  let nesting = 0;
  for (let t = rt.globals[G_REQUIRE_NESTING]!; t !== Qnil; t = xcdr(rt, t)) if (xcar(rt, t) === feature) nesting++;
  if (nesting > 3) error(rt, `Recursive \u2018require\u2019 for feature \u2018${symbolNameJs(rt, feature)}\u2019`);

  const saved = rt.globals[G_REQUIRE_NESTING]!;
  const sp = rt.sp;
  const count = rt.specCount;
  try {
    rt.push(feature);
    rt.push(filename);
    rt.push(saved);
    rt.globals[G_REQUIRE_NESTING] = cons(rt, feature, saved);
    const file = filename === Qnil ? symbolName(rt, feature) : filename;
    rt.push(file);
    // GNU's require calls Fload from C: no `load' frame of its own in a backtrace.
    const loadArgs = [file, noerror, Qt, Qnil, filename === Qnil ? Qt : Qnil];
    const loader = indirectFunction(rt, Qload);
    let r: number;
    rt.setupDepth++;
    try {
      r = isPvec(rt, loader, PVEC_SUBR)
        ? rt.subrFns[fixnumValue(aref(rt, loader, SUBR_INDEX))]!(rt, ...loadArgs)
        : funcall(rt, Qload, loadArgs);
    } finally {
      rt.setupDepth--;
    }
    if (r === Qnil) return Qnil;
    if (memq(rt, feature, featuresValue(rt)) === Qnil) {
      const name = symbolNameJs(rt, feature);
      const lh = findSymbolValue(rt, Qload_history);
      const first = lh !== Qunbound && (lh & 7) === Lisp_Cons ? xcar(rt, lh) : Qnil;
      const f = (first & 7) === Lisp_Cons ? xcar(rt, first) : Qnil;
      if (f === Qnil) error(rt, `Required feature \u2018${name}\u2019 was not provided`);
      const fname = (f & 7) === Lisp_String ? jsString(rt, f) : '';
      error(rt, `Loading file ${fname} failed to provide feature \u2018${name}\u2019`);
    }
    return feature;
  } finally {
    rt.globals[G_REQUIRE_NESTING] = saved;
    unbindTo(rt, count);
    rt.sp = sp;
  }
});

// ---- string search and intervals --------------------------------------------------------------

function memmem(u8: Uint8Array, hs: number, hlen: number, ns: number, nlen: number): number {
  if (nlen === 0) return 0;
  const first = u8[ns]!;
  outer: for (let i = 0; i + nlen <= hlen; i++) {
    if (u8[hs + i] !== first) continue;
    for (let k = 1; k < nlen; k++) if (u8[hs + i + k] !== u8[ns + k]) continue outer;
    return i;
  }
  return -1;
}
const isAsciiString = (rt: Runtime, s: number): boolean => {
  const p = sdata(rt, s);
  const n = sbytes(rt, s);
  for (let i = 0; i < n; i++) if (rt.u8[p + i]! >= 0x80) return false;
  return true;
};

DEFUN('string-search', 2, 3, 'Find NEEDLE in HAYSTACK, from character index START-POS on, and give the index where it starts, or nil.', (rt, needle: number, haystack: number, startPos: number) => {
  checkString(rt, needle);
  checkString(rt, haystack);
  let start = 0;
  let startByte = 0;
  if (startPos !== Qnil) {
    if (!isFixnum(startPos)) wrongTypeArgument(rt, Qfixnump, startPos);
    start = fixnumValue(startPos);
    if (start < 0 || start > schars(rt, haystack)) xsignal1(rt, DEFSYM('args-out-of-range'), startPos);
    startByte = stringCharToByte(rt, haystack, start);
  }
  if (schars(rt, needle) > schars(rt, haystack) - start) return Qnil;
  const hs = sdata(rt, haystack) + startByte;
  const hlen = sbytes(rt, haystack) - startByte;
  let n = needle;
  const hmb = stringMultibyte(rt, haystack);
  const nmb = stringMultibyte(rt, needle);
  if (hmb !== nmb && !isAsciiString(rt, needle) && !isAsciiString(rt, haystack)) {
    if (hmb) n = unibyteToMultibyte(rt, needle);
    else {
      const cs = stringChars(rt, needle);
      for (const c of cs) if (c >= 0x80 && c <= MAX_5_BYTE_CHAR) return Qnil;
      n = stringToUnibyte(rt, needle);
    }
  }
  const r = memmem(rt.u8, hs, hlen, sdata(rt, n), sbytes(rt, n));
  if (r < 0) return Qnil;
  return makeFixnum(byteToChar(rt, haystack, startByte + r));
});

// ---- base64 --------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MIME_LINE_LENGTH = 76;

export function base64Encode(rt: Runtime, s: number, lineBreak: boolean, pad: boolean, url: boolean): number {
  checkString(rt, s);
  const table = url ? B64URL : B64;
  let bytes: number[];
  if (stringMultibyte(rt, s)) {
    bytes = stringChars(rt, s).map((c) => {
      if (c > MAX_5_BYTE_CHAR) return c - BYTE8_BASE;
      if (c >= 256) error(rt, 'Multibyte character in data for base64 encoding');
      return c;
    });
  } else bytes = Array.from(rt.u8.subarray(sdata(rt, s), sdata(rt, s) + sbytes(rt, s)));
  let out = '';
  let counter = 0;
  for (let i = 0; i < bytes.length; ) {
    if (lineBreak) {
      if (counter < MIME_LINE_LENGTH / 4) counter++;
      else {
        out += '\n';
        counter = 1;
      }
    }
    const c1 = bytes[i++]!;
    out += table[c1 >> 2];
    if (i === bytes.length) {
      out += table[(c1 & 3) << 4];
      if (pad) out += '==';
      break;
    }
    const c2 = bytes[i++]!;
    out += table[((c1 & 3) << 4) | (c2 >> 4)];
    if (i === bytes.length) {
      out += table[(c2 & 15) << 2];
      if (pad) out += '=';
      break;
    }
    const c3 = bytes[i++]!;
    out += table[((c2 & 15) << 2) | (c3 >> 6)];
    out += table[c3 & 63];
  }
  return makeString(rt, out);
}

DEFUN('base64-encode-string', 1, 2, 'Encode the bytes of STRING in base 64; lines are broken every 76 characters unless NO-LINE-BREAK is non-nil.', (rt, s: number, noLineBreak: number) =>
  base64Encode(rt, s, noLineBreak === Qnil, true, false),
);
DEFUN('base64url-encode-string', 1, 2, 'Encode the bytes of STRING with the URL-safe base 64 alphabet; NO-PAD leaves off the trailing = signs.', (rt, s: number, noPad: number) =>
  base64Encode(rt, s, false, noPad === Qnil, true),
);

/** Value of a base64 byte: -1 ignorable whitespace, 0 invalid, else 1 + digit. */
function b64Value(c: number, url: boolean): number {
  if (c === 9 || c === 10 || c === 12 || c === 13 || c === 32) return -1;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 1;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 27;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 53;
  if (c === (url ? 0x2d : 0x2b)) return 63;
  if (c === (url ? 0x5f : 0x2f)) return 64;
  return 0;
}

export function base64Decode(src: Uint8Array, url: boolean): number[] | null {
  const out: number[] = [];
  let f = 0;
  const n = src.length;
  for (;;) {
    let c = 0;
    let v = 0;
    do {
      if (f === n) return out;
      c = src[f++]!;
      v = b64Value(c, url);
    } while (v < 0);
    if (v === 0) return null;
    let value = (v - 1) << 18;
    do {
      if (f === n) return null;
      c = src[f++]!;
      v = b64Value(c, url);
    } while (v < 0);
    if (v === 0) return null;
    value += (v - 1) << 12;
    out.push((value >> 16) & 0xff);
    do {
      if (f === n) return url ? out : null;
      c = src[f++]!;
      v = b64Value(c, url);
    } while (v < 0);
    if (c === 0x3d) {
      do {
        if (f === n) return null;
        c = src[f++]!;
      } while (b64Value(c, url) < 0);
      if (c !== 0x3d) return null;
      continue;
    }
    if (v === 0) return null;
    value += (v - 1) << 6;
    out.push((value >> 8) & 0xff);
    do {
      if (f === n) return url ? out : null;
      c = src[f++]!;
      v = b64Value(c, url);
    } while (v < 0);
    if (c === 0x3d) continue;
    if (v === 0) return null;
    value += v - 1;
    out.push(value & 0xff);
  }
}

DEFUN('base64-decode-string', 1, 2, 'Decode the base 64 text STRING into a unibyte string; BASE64URL non-nil reads the URL-safe alphabet, where padding is optional.', (rt, s: number, url: number) => {
  checkString(rt, s);
  const r = base64Decode(rt.u8.slice(sdata(rt, s), sdata(rt, s) + sbytes(rt, s)), url !== Qnil);
  if (r === null) error(rt, 'Invalid base64 data');
  return makeUnibyteString(rt, Uint8Array.from(r!));
});

// ---- hash tables ---------------------------------------------------------------------------

const DEFAULT_HASH_SIZE = 65;
const HASH_MASK = 0x1fffffff;

export const hashTablep = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_HASH_TABLE);
function checkHashTable(rt: Runtime, x: number): number {
  if (!isPvec(rt, x, PVEC_HASH_TABLE)) wrongTypeArgument(rt, Qhash_table_p, x);
  return slots(x);
}

/** Mix a 32-bit word into a non-negative fixnum-sized hash. */
const mix = (w: number): number => {
  let h = Math.imul(w ^ (w >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) & HASH_MASK;
};
const combine = (x: number, y: number): number => ((((x << 4) | (x >>> 25)) & HASH_MASK) + y) & HASH_MASK;

function hashBytesRange(u8: Uint8Array, p: number, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ u8[p + i]!, 0x01000193);
  return mix(h);
}

function sxhashFloat(rt: Runtime, f: number): number {
  const wi = (f & -8) >>> 2;
  return mix(rt.i32[wi]! ^ Math.imul(rt.i32[wi + 1]!, 0x9e3779b1));
}
function sxhashBignum(rt: Runtime, b: number): number {
  settleBignum(rt, b);
  const n = pvecSize(rt, b);
  const base = slots(b);
  let h = 0;
  for (let i = 0; i < n; i++) h = combine(h, mix(rt.i32[base + i]!));
  return h;
}

const SXHASH_MAX_DEPTH = 3;
const SXHASH_MAX_LEN = 7;

/** Structural hash for `equal` (bounded like GNU's sxhash). */
export function sxhash(rt: Runtime, obj: number, depth = 0): number {
  if (depth > SXHASH_MAX_DEPTH) return 0;
  switch (obj & 7) {
    case Lisp_String:
      return hashBytesRange(rt.u8, sdata(rt, obj), sbytes(rt, obj));
    case Lisp_Float:
      return sxhashFloat(rt, obj);
    case Lisp_Cons: {
      let h = 0;
      let l = obj;
      if (depth < SXHASH_MAX_DEPTH)
        for (let i = 0; (l & 7) === Lisp_Cons && i < SXHASH_MAX_LEN; l = xcdr(rt, l), i++)
          h = combine(h, sxhash(rt, xcar(rt, l), depth + 1));
      if (l !== Qnil) h = combine(h, sxhash(rt, l, depth + 1));
      return h;
    }
    case Lisp_Vectorlike: {
      const hd = hdr(rt, obj);
      const type = hd >>> PVEC_TYPE_SHIFT;
      const size = hd & PVEC_SIZE_MASK;
      if (type === PVEC_SUB_CHAR_TABLE) return 42;
      if (type === PVEC_NORMAL_VECTOR || type === PVEC_RECORD || type === PVEC_COMPILED || type === PVEC_CHAR_TABLE) {
        let h = mix(hd);
        const n = Math.min(SXHASH_MAX_LEN, size);
        const b = slots(obj);
        for (let i = 0; i < n; i++) h = combine(h, sxhash(rt, rt.i32[b + i]!, depth + 1));
        return h;
      }
      if (type === PVEC_BIGNUM) return sxhashBignum(rt, obj);
      if (type === PVEC_MARKER) {
        // What `equal' compares: the buffer and, when there is one, the position.
        const m = slots(obj);
        const buf = rt.i32[m + MARKER_BUFFER]!;
        return buf === Qnil ? mix(type) : combine(sxhashEq(buf), rt.i32[m + MARKER_CHARPOS]! >>> 2);
      }
      if (type === PVEC_BOOL_VECTOR) {
        let h = mix(size);
        const b = slots(obj);
        for (let i = 0; i < Math.min(SXHASH_MAX_LEN + 1, size); i++) h = combine(h, mix(rt.i32[b + i]!));
        return h;
      }
      return sxhashEq(obj);
    }
    default:
      return sxhashEq(obj);
  }
}

/** GNU's eq hash: the word itself (addresses move only with a dump load, which marks tables stale). */
const sxhashEq = (w: number): number => (w >>> 2) & HASH_MASK;
function sxhashEql(rt: Runtime, w: number): number {
  const tag = w & 7;
  if (tag === Lisp_Float) return sxhashFloat(rt, w);
  if (tag === Lisp_Vectorlike && bignump(rt, w)) return sxhashBignum(rt, w);
  return sxhashEq(w);
}

/** Call a table's user-defined test function; meanwhile the table is busy (rt.hashTablesInTest) and must not change. */
function userCall(rt: Runtime, table: number, fn: number, args: number[]): number {
  const busy = rt.hashTablesInTest;
  if (busy.has(table)) return funcall(rt, fn, args);
  busy.add(table);
  const sp = rt.sp;
  try {
    rt.push(table);
    for (const a of args) rt.push(a);
    return funcall(rt, fn, args);
  } finally {
    rt.sp = sp;
    busy.delete(table);
  }
}
function checkMutable(rt: Runtime, table: number): void {
  if (rt.hashTablesInTest.has(table)) signalError(rt, 'hash table test modifies table', table);
}

/** The hash code of KEY in table (slot base tb), as a raw non-negative int. */
function hashCode(rt: Runtime, table: number, tb: number, key: number): number {
  const test = rt.i32[tb + HT_TEST]!;
  if (test === Qeq) return sxhashEq(key);
  if (test === Qeql) return sxhashEql(rt, key);
  if (test === Qequal) return sxhash(rt, key);
  const user = rt.i32[tb + HT_USER]!;
  const hashFn = xcar(rt, xcdr(rt, xcdr(rt, user)));
  const h = userCall(rt, table, hashFn, [key]);
  return isFixnum(h) ? fixnumValue(h) & HASH_MASK : sxhash(rt, h);
}

function keysMatch(rt: Runtime, table: number, tb: number, a: number, b: number): boolean {
  const test = rt.i32[tb + HT_TEST]!;
  if (test === Qeql) return eql(rt, a, b);
  if (test === Qequal) return equalp(rt, a, b);
  if (test === Qeq) return false;
  const user = rt.i32[tb + HT_USER]!;
  const eqFn = xcar(rt, xcdr(rt, user));
  return userCall(rt, table, eqFn, [a, b]) !== Qnil;
}

/** Bucket count for SIZE entries: GNU's next_almost_prime (size / threshold). */
function indexSizeFor(size: number, threshold: number): number {
  let n = Math.floor(size / threshold) | 1;
  while (n % 3 === 0 || n % 5 === 0 || n % 7 === 0) n += 2;
  return n;
}

/** The rehash threshold stored in a table, as a JS number. */
const thresholdOf = (rt: Runtime, tb: number): number => xfloat(rt, rt.i32[tb + HT_REHASH_THRESHOLD]!);

export interface HashTableSpec {
  test: number;
  user: number;
  size: number;
  rehashSize: number;
  rehashThreshold: number;
  weak: number;
  purecopy: boolean;
}

/** Make a hash table (GNU's make_hash_table). rehashSize/rehashThreshold are the Lisp values to report. */
export function makeHashTable(rt: Runtime, spec: HashTableSpec): number {
  const size = spec.size === 0 ? 1 : spec.size;
  const sp = rt.sp;
  try {
    const t = makePvec(rt, PVEC_HASH_TABLE, HASH_TABLE_SLOTS, Qnil);
    rt.push(t);
    const tb = slots(t);
    const m = rt.i32;
    m[tb + HT_TEST] = spec.test;
    m[tb + HT_WEAK] = spec.weak;
    m[tb + HT_COUNT] = makeFixnum(0);
    m[tb + HT_USER] = spec.user;
    m[tb + HT_REHASH_SIZE] = spec.rehashSize;
    m[tb + HT_REHASH_THRESHOLD] = spec.rehashThreshold;
    m[tb + HT_STALE] = Qnil;
    m[tb + HT_PURE] = spec.purecopy ? Qt : Qnil;
    m[tb + HT_NEXT_FREE] = makeFixnum(0);
    const kv = makeVector(rt, 2 * size, Qunbound);
    m[tb + HT_KV] = kv;
    m[tb + HT_HASH] = makeVector(rt, size, Qnil);
    const next = makeVector(rt, size, NIL_FIX);
    m[tb + HT_NEXT] = next;
    const nb = slots(next);
    for (let i = 0; i < size - 1; i++) m[nb + i] = makeFixnum(i + 1);
    m[tb + HT_INDEX] = makeVector(rt, indexSizeFor(size, xfloat(rt, spec.rehashThreshold)), NIL_FIX);
    return t;
  } finally {
    rt.sp = sp;
  }
}

/** Number of entry slots (GNU's HASH_TABLE_SIZE). */
export const hashTableSize = (rt: Runtime, table: number): number => pvecSize(rt, rt.i32[slots(table) + HT_NEXT]!);

/** Recompute every hash code and rebuild the chains (after a dump load moved the keys). */
function rehash(rt: Runtime, table: number): void {
  const m = rt.i32;
  const tb = slots(table);
  m[tb + HT_STALE] = Qnil;
  const size = hashTableSize(rt, table);
  const codes = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    const kvb = slots(m[tb + HT_KV]!);
    const key = m[kvb + 2 * i]!;
    if (key !== Qunbound) codes[i] = hashCode(rt, table, tb, key);
  }
  const hb = slots(m[tb + HT_HASH]!);
  const nb = slots(m[tb + HT_NEXT]!);
  const idx = m[tb + HT_INDEX]!;
  const ib = slots(idx);
  const isz = pvecSize(rt, idx);
  m.fill(NIL_FIX, ib, ib + isz);
  for (let i = 0; i < size; i++) {
    if (codes[i]! < 0) continue;
    m[hb + i] = makeFixnum(codes[i]!);
    const bucket = codes[i]! % isz;
    m[nb + i] = m[ib + bucket]!;
    m[ib + bucket] = makeFixnum(i);
  }
}

/** Rehash TABLE if a dump load marked it stale (HT_STALE = t). */
export function hashRehashIfStale(rt: Runtime, table: number): void {
  if (rt.i32[slots(table) + HT_STALE] !== Qnil) rehash(rt, table);
}

/**
 * KEY's entry in TABLE: its index (>= 0), or when absent ~H (negative) where
 * H is KEY's hash code, for the insertion that usually follows. The code
 * travels in the result, not in a variable beside it: a user-defined test
 * runs Lisp during the lookup, which may look up keys of other tables.
 */
function hashFind(rt: Runtime, table: number, key: number): number {
  const m = rt.i32;
  const tb = ((table & -8) >>> 2) + 1;
  if (m[tb + K_HT_STALE] !== K_NIL) rehash(rt, table);
  const test = m[tb + K_HT_TEST]!;
  const tag = key & 7;
  // The fast path: eq tables, and eql tables on keys that are not floats or bignums.
  if (
    test === Qeq ||
    (test === Qeql && tag !== 7 && (tag !== 5 || m[(key & -8) >>> 2]! >>> K_TYPE_SHIFT !== K_PVEC_BIGNUM))
  ) {
    // GNU's eq hash is the word itself: consecutive keys land in consecutive buckets.
    const h = (key >>> 2) & 0x1fffffff;
    const ib = ((m[tb + K_HT_INDEX]! & -8) >>> 2) + 1;
    let i = m[ib + (h % (m[ib - 1]! & K_SIZE_MASK))]! >> 2;
    if (i < 0) return ~h;
    const kvb = ((m[tb + K_HT_KV]! & -8) >>> 2) + 1;
    const nb = ((m[tb + K_HT_NEXT]! & -8) >>> 2) + 1;
    while (i >= 0) {
      if (m[kvb + 2 * i] === key) return i;
      i = m[nb + i]! >> 2;
    }
    return ~h;
  }
  const h = hashCode(rt, table, tb, key);
  const hfix = (h << 2) | 2;
  // A user-defined hash function may have run Lisp: reload everything from the table.
  const idx = m[tb + K_HT_INDEX]!;
  const isz = pvecSize(rt, idx);
  let i = m[slots(idx) + (h % isz)]! >> 2;
  while (i >= 0) {
    const kvb = slots(m[tb + K_HT_KV]!);
    const k = m[kvb + 2 * i]!;
    if (k === key || (m[slots(m[tb + K_HT_HASH]!) + i] === hfix && keysMatch(rt, table, tb, key, k))) return i;
    i = m[slots(m[tb + K_HT_NEXT]!) + i]! >> 2;
  }
  return ~h;
}

/** Index of KEY's entry in TABLE, or -1. */
export function hashLookup(rt: Runtime, table: number, key: number): number {
  const i = hashFind(rt, table, key);
  return i >= 0 ? i : -1;
}

/** Grow a full table (GNU's maybe_resize_hash_table). */
function maybeResize(rt: Runtime, table: number): void {
  const m = rt.i32;
  const tb = slots(table);
  if (m[tb + HT_NEXT_FREE]! >= 0) return;
  const oldSize = hashTableSize(rt, table);
  const rs = m[tb + HT_REHASH_SIZE]!;
  let newSize: number;
  if (isFixnum(rs)) newSize = oldSize + fixnumValue(rs);
  else {
    const f = Math.floor(oldSize * xfloat(rt, rs));
    newSize = f < 2 ** 53 ? f : 2 ** 53;
  }
  if (newSize <= oldSize) newSize = oldSize + 1;
  if (newSize > MOST_POSITIVE_FIXNUM || 2 * newSize > PVEC_SIZE_MASK) error(rt, 'Hash table too large');
  const sp = rt.sp;
  try {
    rt.push(table);
    const next = makeVector(rt, newSize, NIL_FIX);
    rt.push(next);
    const kv = makeVector(rt, 2 * newSize, Qunbound);
    rt.push(kv);
    const hash = makeVector(rt, newSize, Qnil);
    rt.push(hash);
    const index = makeVector(rt, indexSizeFor(newSize, thresholdOf(rt, tb)), NIL_FIX);
    const nb = slots(next);
    m.copyWithin(nb, slots(m[tb + HT_NEXT]!), slots(m[tb + HT_NEXT]!) + oldSize);
    for (let i = oldSize; i < newSize - 1; i++) m[nb + i] = makeFixnum(i + 1);
    m[nb + newSize - 1] = NIL_FIX;
    m.copyWithin(slots(kv), slots(m[tb + HT_KV]!), slots(m[tb + HT_KV]!) + 2 * oldSize);
    m.copyWithin(slots(hash), slots(m[tb + HT_HASH]!), slots(m[tb + HT_HASH]!) + oldSize);
    m[tb + HT_INDEX] = index;
    m[tb + HT_KV] = kv;
    m[tb + HT_HASH] = hash;
    m[tb + HT_NEXT] = next;
    m[tb + HT_NEXT_FREE] = makeFixnum(oldSize);
    const ib = slots(index);
    const isz = pvecSize(rt, index);
    const hb = slots(hash);
    for (let i = 0; i < oldSize; i++) {
      const hc = m[hb + i]!;
      if (hc === Qnil) continue;
      const bucket = (hc >> 2) % isz;
      m[nb + i] = m[ib + bucket]!;
      m[ib + bucket] = makeFixnum(i);
    }
  } finally {
    rt.sp = sp;
  }
}

/** Add a new entry (KEY is known absent; HASH its code). Returns its index. */
function hashPutNew(rt: Runtime, table: number, key: number, value: number, hash: number): number {
  const m = rt.i32;
  const tb = ((table & -8) >>> 2) + 1;
  if (m[tb + K_HT_NEXT_FREE]! < 0) maybeResize(rt, table);
  m[tb + K_HT_COUNT] = m[tb + K_HT_COUNT]! + 4;
  const i = m[tb + K_HT_NEXT_FREE]! >> 2;
  const nb = ((m[tb + K_HT_NEXT]! & -8) >>> 2) + 1;
  m[tb + K_HT_NEXT_FREE] = m[nb + i]!;
  const kvb = ((m[tb + K_HT_KV]! & -8) >>> 2) + 1;
  m[kvb + 2 * i] = key;
  m[kvb + 2 * i + 1] = value;
  m[((m[tb + K_HT_HASH]! & -8) >>> 2) + 1 + i] = (hash << 2) | 2;
  const ib = ((m[tb + K_HT_INDEX]! & -8) >>> 2) + 1;
  const bucket = hash % (m[ib - 1]! & K_SIZE_MASK);
  m[nb + i] = m[ib + bucket]!;
  m[ib + bucket] = (i << 2) | 2;
  return i;
}

/** Set KEY to VALUE in TABLE; returns the entry index. */
export function hashPut(rt: Runtime, table: number, key: number, value: number): number {
  const i = hashFind(rt, table, key);
  if (i >= 0) {
    rt.i32[((rt.i32[((table & -8) >>> 2) + 1 + K_HT_KV]! & -8) >>> 2) + 1 + 2 * i + 1] = value;
    return i;
  }
  return hashPutNew(rt, table, key, value, ~i);
}

/** KEY's value in TABLE, or DFLT. */
export function hashGet(rt: Runtime, table: number, key: number, dflt: number): number {
  const i = hashFind(rt, table, key);
  return i >= 0 ? rt.i32[((rt.i32[((table & -8) >>> 2) + 1 + K_HT_KV]! & -8) >>> 2) + 2 + 2 * i]! : dflt;
}

/**
 * Whether a lookup of KEY in TABLE can run without calling Lisp, signalling or allocating, for
 * compiled code's `gethash' and `puthash' (compile.ts): TABLE a hash table whose test is `eq' or
 * `eql' (any key), or `equal' with a key that `equal' compares without descending (a fixnum,
 * symbol, string or float) or a cons of two such (since evalperf17). Anything else (a user-defined
 * test, a vector key or a deeper cons under `equal', not a table at all) is the primitive's, with
 * its frame and errors.
 */
function plainHashLookup(rt: Runtime, table: number, key: number): boolean {
  const m = rt.i32;
  if ((table & 7) !== 5 || m[(table & -8) >>> 2]! >>> K_TYPE_SHIFT !== K_PVEC_HASH_TABLE) return false;
  const test = m[((table & -8) >>> 2) + 1 + K_HT_TEST]!;
  if (test === Qeq || test === Qeql) return true;
  if (test !== Qequal) return false;
  const tag = key & 7;
  if (tag === Lisp_Vectorlike) return false;
  if (tag !== Lisp_Cons) return true;
  // A cons of two such atoms (hash-strings.el's `(cons LENGTH CHAR)'): hashed and compared one
  // level down, which calls no Lisp and cannot signal either.
  const kb = (key & -8) >>> 2;
  const a = m[kb]! & 7;
  const d = m[kb + 1]! & 7;
  return a !== Lisp_Cons && a !== Lisp_Vectorlike && d !== Lisp_Cons && d !== Lisp_Vectorlike;
}

/** `gethash' of KEY in TABLE with default DFLT for compiled code, or -1 (not a Lisp word) when plainHashLookup declines. */
export function hashGetInline(rt: Runtime, key: number, table: number, dflt: number): number {
  return plainHashLookup(rt, table, key) ? hashGet(rt, table, key, dflt) : -1;
}

/**
 * `puthash' for compiled code: stores VALUE and gives it, or -1 when plainHashLookup declines,
 * a test function is running, or a new key would have to grow the table (the primitive may
 * signal there).
 */
export function hashPutInline(rt: Runtime, key: number, value: number, table: number): number {
  if (rt.hashTablesInTest.size !== 0 || !plainHashLookup(rt, table, key)) return -1;
  const m = rt.i32;
  const i = hashFind(rt, table, key);
  const tb = ((table & -8) >>> 2) + 1;
  if (i >= 0) m[((m[tb + K_HT_KV]! & -8) >>> 2) + 2 + 2 * i] = value;
  else if (m[tb + K_HT_NEXT_FREE]! < 0) return -1;
  else hashPutNew(rt, table, key, value, ~i);
  return value;
}

/** Remove KEY from TABLE, pushing its slot on the free list. */
export function hashRemove(rt: Runtime, table: number, key: number): void {
  const target = hashFind(rt, table, key);
  if (target < 0) return;
  const m = rt.i32;
  const tb = slots(table);
  const idx = m[tb + HT_INDEX]!;
  const ib = slots(idx);
  const nb = slots(m[tb + HT_NEXT]!);
  const kvb = slots(m[tb + HT_KV]!);
  const hb = slots(m[tb + HT_HASH]!);
  // The entry's own hash code, as stored when it was added, names its bucket.
  const bucket = fixnumValue(m[hb + target]!) % pvecSize(rt, idx);
  let prev = -1;
  for (let i = m[ib + bucket]! >> 2; i >= 0; i = m[nb + i]! >> 2) {
    if (i === target) {
      if (prev < 0) m[ib + bucket] = m[nb + i]!;
      else m[nb + prev] = m[nb + i]!;
      m[kvb + 2 * i] = Qunbound;
      m[kvb + 2 * i + 1] = Qnil;
      m[hb + i] = Qnil;
      m[nb + i] = m[tb + HT_NEXT_FREE]!;
      m[tb + HT_NEXT_FREE] = makeFixnum(i);
      m[tb + HT_COUNT] = m[tb + HT_COUNT]! - 4;
      return;
    }
    prev = i;
  }
}

function hashClear(rt: Runtime, table: number): void {
  const m = rt.i32;
  const tb = slots(table);
  if (m[tb + HT_COUNT] === makeFixnum(0)) return;
  const size = hashTableSize(rt, table);
  const kvb = slots(m[tb + HT_KV]!);
  const hb = slots(m[tb + HT_HASH]!);
  const nb = slots(m[tb + HT_NEXT]!);
  for (let i = 0; i < size; i++) {
    m[nb + i] = i < size - 1 ? makeFixnum(i + 1) : NIL_FIX;
    m[kvb + 2 * i] = Qunbound;
    m[kvb + 2 * i + 1] = Qnil;
    m[hb + i] = Qnil;
  }
  const idx = m[tb + HT_INDEX]!;
  m.fill(NIL_FIX, slots(idx), slots(idx) + pvecSize(rt, idx));
  m[tb + HT_NEXT_FREE] = makeFixnum(0);
  m[tb + HT_COUNT] = makeFixnum(0);
}

/** Find KEY among keyword arguments (GNU's get_key_arg); marks used; returns the value index or 0. */
function getKeyArg(key: number, args: number[], used: Uint8Array): number {
  for (let i = 1; i < args.length; i++)
    if (!used[i - 1] && args[i - 1] === key) {
      used[i - 1] = 1;
      used[i] = 1;
      return i;
    }
  return 0;
}

export const makeHashTableFn = DEFUN('make-hash-table', 0, MANY, 'Create a hash table described by keyword arguments.\nThey are :test (eq, eql, equal or a name given to `define-hash-table-test\'), :size, :rehash-size, :rehash-threshold, :weakness and :purecopy.', (rt, args: number[]) => {
  const used = new Uint8Array(args.length);
  let i = getKeyArg(QCtest, args, used);
  const test = i ? args[i]! : Qeql;
  let user = Qnil;
  if (test !== Qeq && test !== Qeql && test !== Qequal) {
    const prop = (test & 7) === Lisp_Symbol ? get(rt, test, Qhash_table_test) : Qnil;
    if ((prop & 7) !== Lisp_Cons || (xcdr(rt, prop) & 7) !== Lisp_Cons) signalError(rt, 'Invalid hash table test', test);
    user = cons(rt, test, prop);
  }
  i = getKeyArg(QCpurecopy, args, used);
  const purecopy = i !== 0 && args[i] !== Qnil;
  i = getKeyArg(QCsize, args, used);
  const sizeArg = i ? args[i]! : Qnil;
  let size: number;
  if (sizeArg === Qnil) size = DEFAULT_HASH_SIZE;
  else if (isFixnum(sizeArg) && fixnumValue(sizeArg) >= 0) size = fixnumValue(sizeArg);
  else return signalError(rt, 'Invalid hash table size', sizeArg);
  i = getKeyArg(QCrehash_size, args, used);
  let rehashSize: number;
  if (!i) rehashSize = makeFloat(rt, 1.5);
  else if (isFixnum(args[i]!) && fixnumValue(args[i]!) > 0) rehashSize = args[i]!;
  else if ((args[i]! & 7) === Lisp_Float && Math.fround(xfloat(rt, args[i]!) - 1) > 0)
    rehashSize = makeFloat(rt, Math.fround(xfloat(rt, args[i]!) - 1) + 1);
  else return signalError(rt, 'Invalid hash table rehash size', args[i]!);
  i = getKeyArg(QCrehash_threshold, args, used);
  const thr = !i ? 0.8125 : (args[i]! & 7) !== Lisp_Float ? 0 : Math.fround(xfloat(rt, args[i]!));
  if (!(thr > 0 && thr <= 1)) signalError(rt, 'Invalid hash table rehash threshold', i ? args[i]! : Qnil);
  i = getKeyArg(QCweakness, args, used);
  let weak = i ? args[i]! : Qnil;
  if (weak === Qt) weak = Qkey_and_value;
  if (weak !== Qnil && weak !== Qkey && weak !== Qvalue && weak !== Qkey_or_value && weak !== Qkey_and_value)
    signalError(rt, 'Invalid hash table weakness', weak);
  for (let k = 0; k < args.length; k++) if (!used[k]) signalError(rt, 'Invalid argument list', args[k]!);
  const sp = rt.sp;
  try {
    rt.push(user);
    rt.push(rehashSize);
    const thrObj = makeFloat(rt, thr);
    rt.push(thrObj);
    return makeHashTable(rt, { test, user, size, rehashSize, rehashThreshold: thrObj, weak, purecopy });
  } finally {
    rt.sp = sp;
  }
});

/** Build a table from the read syntax #s(hash-table PLIST...) (PLIST is what follows `hash-table`). */
export function hashTableFromPlist(rt: Runtime, plist: number): number {
  const params: number[] = [];
  const add = (kw: number, prop: number): void => {
    const v = plistGet(rt, plist, prop);
    if (v !== Qnil) params.push(kw, v);
  };
  add(QCsize, Qsize);
  add(QCtest, Qtest);
  add(QCweakness, Qweakness);
  add(QCrehash_size, Qrehash_size);
  add(QCrehash_threshold, Qrehash_threshold);
  add(QCpurecopy, Qpurecopy);
  let data = plistGet(rt, plist, Qdata);
  const sp = rt.sp;
  try {
    rt.push(plist);
    const ht = makeHashTableFn(rt, params);
    rt.push(ht);
    let last = data;
    // A local detector: a user-defined test may run Lisp that walks lists too.
    const w = new TailWalker();
    w.reset(data);
    while ((data & 7) === Lisp_Cons) {
      const key = xcar(rt, data);
      data = xcdr(rt, data);
      if ((data & 7) !== Lisp_Cons) break;
      const val = xcar(rt, data);
      last = xcdr(rt, data);
      hashPut(rt, ht, key, val);
      data = last;
      if (w.step(data)) break;
    }
    if (last !== Qnil) error(rt, 'Hash table data is not a list of even length');
    return ht;
  } finally {
    rt.sp = sp;
  }
}

DEFUN('copy-hash-table', 1, 1, 'Make a new hash table with the same entries as TABLE; keys and values themselves are shared.', (rt, table: number) => {
  const tb = checkHashTable(rt, table);
  const sp = rt.sp;
  try {
    rt.push(table);
    const t = makePvec(rt, PVEC_HASH_TABLE, HASH_TABLE_SLOTS, Qnil);
    rt.push(t);
    const nb = slots(t);
    rt.i32.copyWithin(nb, tb, tb + HASH_TABLE_SLOTS);
    for (const s of [HT_KV, HT_HASH, HT_NEXT, HT_INDEX]) rt.i32[nb + s] = copySequence(rt, rt.i32[tb + s]!);
    return t;
  } finally {
    rt.sp = sp;
  }
});

DEFUN('hash-table-count', 1, 1, 'Count the entries in TABLE.', (rt, t: number) => rt.i32[checkHashTable(rt, t) + HT_COUNT]!);
DEFUN('hash-table-rehash-size', 1, 1, 'Give the growth factor or increment that TABLE uses when it becomes full.', (rt, t: number) => rt.i32[checkHashTable(rt, t) + HT_REHASH_SIZE]!);
DEFUN('hash-table-rehash-threshold', 1, 1, 'Give the fill ratio at which TABLE grows.', (rt, t: number) => rt.i32[checkHashTable(rt, t) + HT_REHASH_THRESHOLD]!);
DEFUN('hash-table-size', 1, 1, 'Give how many entries TABLE has room for before it grows.', (rt, t: number) => {
  checkHashTable(rt, t);
  return makeFixnum(hashTableSize(rt, t));
});
DEFUN('hash-table-test', 1, 1, 'Give the name of the key comparison that TABLE uses.', (rt, t: number) => rt.i32[checkHashTable(rt, t) + HT_TEST]!);
DEFUN('hash-table-weakness', 1, 1, 'Give the weakness TABLE was made with, or nil.', (rt, t: number) => rt.i32[checkHashTable(rt, t) + HT_WEAK]!);
DEFUN('hash-table-p', 1, 1, 'Give t when OBJ is a hash table, nil otherwise.', (rt, x: number) => (hashTablep(rt, x) ? Qt : Qnil));

DEFUN('clrhash', 1, 1, 'Empty TABLE of all its entries and give TABLE.', (rt, table: number) => {
  checkHashTable(rt, table);
  checkMutable(rt, table);
  hashClear(rt, table);
  return table;
});

DEFUN('gethash', 2, 3, 'Give the value stored for KEY in TABLE, or DFLT when there is none.', (rt, key: number, table: number, dflt: number) => {
  if ((table & 7) !== 5 || rt.i32[(table & -8) >>> 2]! >>> K_TYPE_SHIFT !== K_PVEC_HASH_TABLE)
    wrongTypeArgument(rt, Qhash_table_p, table);
  return hashGet(rt, table, key, dflt);
});

DEFUN('puthash', 3, 3, 'Store VALUE for KEY in TABLE, replacing any value there, and give VALUE.', (rt, key: number, value: number, table: number) => {
  if ((table & 7) !== 5 || rt.i32[(table & -8) >>> 2]! >>> K_TYPE_SHIFT !== K_PVEC_HASH_TABLE)
    wrongTypeArgument(rt, Qhash_table_p, table);
  if (rt.hashTablesInTest.size !== 0) checkMutable(rt, table);
  hashPut(rt, table, key, value);
  return value;
});

DEFUN('remhash', 2, 2, 'Drop the entry for KEY from TABLE, if it has one.', (rt, key: number, table: number) => {
  checkHashTable(rt, table);
  checkMutable(rt, table);
  hashRemove(rt, table, key);
  return Qnil;
});

/** Call fn on each live entry of TABLE, in entry order (fn must not run Lisp). */
export function hashTableForEach(rt: Runtime, table: number, fn: (key: number, value: number) => void): void {
  const tb = checkHashTable(rt, table);
  const kvb = slots(rt.i32[tb + HT_KV]!);
  const n = hashTableSize(rt, table);
  for (let i = 0; i < n; i++) {
    const k = rt.i32[kvb + 2 * i]!;
    if (k !== Qunbound) fn(k, rt.i32[kvb + 2 * i + 1]!);
  }
}

DEFUN('maphash', 2, 2, 'Call FUNCTION with the key and value of each entry of TABLE, in entry order; give nil.', (rt, fn: number, table: number) => {
  const tb = checkHashTable(rt, table);
  const sp = rt.sp;
  try {
    rt.push(fn);
    rt.push(table);
    // Re-read the entry vector on each step: FUNCTION may grow or change the table.
    for (let i = 0; i < hashTableSize(rt, table); i++) {
      const kvb = slots(rt.i32[tb + HT_KV]!);
      const k = rt.i32[kvb + 2 * i]!;
      if (k !== Qunbound) call2(rt, fn, k, rt.i32[kvb + 2 * i + 1]!);
    }
    return Qnil;
  } finally {
    rt.sp = sp;
  }
});

DEFUN('define-hash-table-test', 3, 3, 'Make NAME usable as a :test of `make-hash-table\': keys are compared with TEST and hashed with HASH.', (rt, name: number, test: number, hash: number) =>
  put(rt, name, Qhash_table_test, list(rt, test, hash)),
);

DEFUN('sxhash-eq', 1, 1, 'Compute a hash code for OBJ that agrees with `eq\'.', (_rt, x: number) => makeFixnum(sxhashEq(x)));
DEFUN('sxhash-eql', 1, 1, 'Compute a hash code for OBJ that agrees with `eql\'.', (rt, x: number) => makeFixnum(sxhashEql(rt, x)));
DEFUN('sxhash-equal', 1, 1, 'Compute a hash code for OBJ that agrees with `equal\'.', (rt, x: number) => makeFixnum(sxhash(rt, x)));
DEFUN('sxhash-equal-including-properties', 1, 1, 'Compute a hash code for OBJ that agrees with `equal-including-properties\'.', (rt, x: number) => {
  let h = sxhash(rt, x);
  if ((x & 7) === Lisp_String && stringIntervals(rt, x) !== Qnil) h = combine(h, stringPropertiesHash(rt, x, sxhashEq) & HASH_MASK);
  return makeFixnum(h);
});


// ---- widgets (the three primitives wid-edit.el builds on) -----------------------------------------

const Qwidget_type = DEFSYM('widget-type');


function widgetGet(rt: Runtime, widget: number, prop: number): number {
  for (let w = widget, n = 0; ; n++) {
    if (w === Qnil) return Qnil;
    if ((w & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, w);
    const found = plistTail(rt, xcdr(rt, w), prop);
    if (found !== Qnil) {
      const rest = xcdr(rt, found);
      return (rest & 7) === Lisp_Cons ? xcar(rt, rest) : Qnil;
    }
    const head = xcar(rt, w);
    // A type whose chain of `widget-type' parents loops has no value to find.
    if ((head & 7) !== Lisp_Symbol || n > 10000) return Qnil;
    w = getProp(rt, head, Qwidget_type);
  }
}

DEFUN('widget-get', 2, 2, 'Give the value of PROPERTY in WIDGET, looking through the `widget-type\' of its type (and of that type\'s type, and so on) when WIDGET lacks it.', widgetGet);

DEFUN('widget-put', 3, 3, 'Set PROPERTY of WIDGET to VALUE, changing WIDGET in place; give VALUE.', (rt, widget: number, prop: number, value: number) => {
  if ((widget & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, widget);
  xsetcdr(rt, widget, plistPut(rt, xcdr(rt, widget), prop, value));
  return value;
});

DEFUN('widget-apply', 2, MANY, 'Call the function WIDGET has as PROPERTY with WIDGET and ARGS, and give its value.', (rt, args: number[]) => {
  const fn = widgetGet(rt, args[0]!, args[1]!);
  return funcall(rt, fn, [args[0]!, ...args.slice(2)]);
});

// ---- the system's load and locale -----------------------------------------------------------------

DEFUN('load-average', 0, 1, 'Give the system\'s load averages over the last 1, 5 and 15 minutes: as integers a hundred times the load, or as floats when USE-FLOATS.', (rt, useFloats: number) => {
  // GNU's own error where the system gives no load averages (here: a host without them, the browser).
  const nums = rt.host.loadAverage?.() ?? null;
  if (nums === null || nums.length < 3) return error(rt, 'load-average not implemented for this operating system');
  return listFromArray(rt, nums.map((x) => (useFloats !== Qnil ? makeFloat(rt, x) : makeFixnum(Math.floor(x * 100)))));
});

const Qcodeset = DEFSYM('codeset');
const Qdays = DEFSYM('days');
const Qmonths = DEFSYM('months');
const Qpaper = DEFSYM('paper');
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

DEFUN('locale-info', 1, 1, 'Give what the current locale says about ITEM: `codeset\' (its coding system\'s name), `days\' and `months\' (vectors of names) or `paper\' (width and height in millimetres); nil for anything else.', (rt, item: number) => {
  const env = (name: string): string => rt.host.getenv(name) ?? '';
  const locale = env('LC_ALL') || env('LC_CTYPE') || env('LANG');
  switch (item) {
    case Qcodeset:
      return makeString(rt, /utf-?8/i.test(locale) ? 'UTF-8' : 'ANSI_X3.4-1968');
    case Qdays:
      return vectorFromArray(rt, DAY_NAMES.map((d) => makeString(rt, d)));
    case Qmonths:
      return vectorFromArray(rt, MONTH_NAMES.map((m) => makeString(rt, m)));
    case Qpaper:
      return list(rt, makeFixnum(210), makeFixnum(297));
    default:
      return Qnil;
  }
});
