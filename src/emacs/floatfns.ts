// Mathematical functions and float/integer conversions: rounding with exact divisors, expt, log, trig (GNU floatfns.c).
//
// A NaN computed from non-NaN operands gets the sign the x86-64 glibc build of
// GNU Emacs gives it, so that results print the same (-0.0e+NaN vs 0.0e+NaN).

import { Lisp_Float, makeFixnum } from '../heap/tags.ts';
import { bignumValue, cons, makeFloat, xfloat } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { Qarith_error, Qfloatp, Qnil, Qoverflow_error, Qt } from '../core/symbols.ts';
import {
  NEG_NAN, POS_NAN, bigBitLength, bigValue, checkFixnum, checkNumber, checkResultBits, isBignum, makeBigInteger, makeInt,
  numberValue,
} from './data.ts';

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

const signBit = (d: number): boolean => {
  bits[0] = d;
  return words[1]! < 0;
};

/** A float result; a NaN from non-NaN input X becomes the given default NaN. */
function floatResult(rt: Runtime, r: number, x: number, nan: number): number {
  if (r !== r) return makeFloat(rt, x !== x ? x : nan);
  return makeFloat(rt, r);
}

function checkFloat(rt: Runtime, x: number): number {
  if ((x & 7) !== Lisp_Float) wrongTypeArgument(rt, Qfloatp, x);
  return xfloat(rt, x);
}
/** GNU's extract_float: any number, as a double. */
const extractFloat = (rt: Runtime, x: number): number => numberValue(rt, checkNumber(rt, x));

// ---- exact helpers ---------------------------------------------------------------------------------

/** C's rint in the default rounding mode: nearest, ties to even, keeping the sign of zero. */
export function rint(x: number): number {
  if (!(Math.abs(x) < 2 ** 52)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  let r = diff < 0.5 ? f : diff > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  if (r === 0 && (x < 0 || signBit(x))) r = -0;
  return r;
}

/** C's frexp for finite nonzero d: [significand in [0.5, 1), exponent]. */
export function frexp(d: number): [number, number] {
  if (d === 0 || !Number.isFinite(d)) return [d, 0];
  let scale = 0;
  if (Math.abs(d) < 2 ** -1000) {
    d *= 2 ** 64;
    scale = -64;
  }
  bits[0] = d;
  const e = ((words[1]! >>> 20) & 0x7ff) - 1022;
  words[1] = (words[1]! & ~(0x7ff << 20)) | (1022 << 20);
  return [bits[0]!, e + scale];
}

/** C's ldexp: d * 2^n with one rounding. */
export function ldexp(d: number, n: number): number {
  if (d === 0 || !Number.isFinite(d) || n === 0) return d;
  const [s, e] = frexp(d);
  const k = e + n;
  if (k > 1024) return s < 0 ? -Infinity : Infinity;
  if (k < -1080) return s < 0 ? -0 : 0;
  if (k > 1000) return s * 2 ** (k - 1000) * 2 ** 1000;
  if (k < -1000) return s * 2 ** (k + 1000) * 2 ** -1000;
  return s * 2 ** k;
}

/** A finite double as m * 2^e with m an integer. */
function decompose(d: number): [bigint, number] {
  if (d === 0) return [0n, 0];
  const [s, e] = frexp(d);
  // s * 2^53 is an integer for every double.
  return [BigInt(s * 2 ** 53), e - 53];
}

/** GNU's double_to_integer: overflow-error for infinities and NaNs. */
function doubleToInteger(rt: Runtime, d: number): number {
  if (!Number.isFinite(d)) return xsignal(Qoverflow_error, Qnil);
  if (Math.abs(d) <= 2 ** 52) return makeInt(rt, d === 0 ? 0 : d);
  const [m, e] = decompose(d);
  return makeBigInteger(rt, e >= 0 ? m << BigInt(e) : m >> BigInt(-e));
}

// ---- rounding ---------------------------------------------------------------------------------------

const R_FLOOR = 0;
const R_CEILING = 1;
const R_TRUNCATE = 2;
const R_ROUND = 3;

function roundDouble(mode: number, d: number): number {
  switch (mode) {
    case R_FLOOR: return Math.floor(d);
    case R_CEILING: return Math.ceil(d);
    case R_TRUNCATE: return Math.trunc(d);
    default: return rint(d);
  }
}

function fixnumDivide(mode: number, a: number, b: number): number {
  const r = a % b;
  const q = (a - r) / b;
  switch (mode) {
    case R_FLOOR: return r !== 0 && (r < 0) !== (b < 0) ? q - 1 : q;
    case R_CEILING: return r !== 0 && (r < 0) === (b < 0) ? q + 1 : q;
    case R_TRUNCATE: return q;
    default: {
      const absR = Math.abs(r);
      const absR1 = Math.abs(b) - absR;
      return q + (absR + (q & 1) <= absR1 ? 0 : (r < 0) !== (b < 0) ? -1 : 1);
    }
  }
}

function bigDivide(mode: number, n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const negQuot = (n < 0n) !== (d < 0n);
  switch (mode) {
    case R_FLOOR: return negQuot ? q - 1n : q;
    case R_CEILING: return negQuot ? q : q + 1n;
    case R_TRUNCATE: return q;
    default: {
      const absR = r < 0n ? -r : r;
      const absR1 = (d < 0n ? -d : d) - absR;
      if (absR > absR1 || (absR === absR1 && (q & 1n) !== 0n)) return negQuot ? q - 1n : q + 1n;
      return q;
    }
  }
}

/** GNU's rounding_driver: round N, or N/D computed exactly, to an integer. */
function roundingDriver(rt: Runtime, n: number, d: number, mode: number): number {
  checkNumber(rt, n);
  if (d === Qnil) return (n & 7) === Lisp_Float ? doubleToInteger(rt, roundDouble(mode, xfloat(rt, n))) : n;
  checkNumber(rt, d);
  if ((d & 3) === 2) {
    if (d >> 2 === 0) xsignal(Qarith_error, Qnil);
    if ((n & 3) === 2) return makeInt(rt, fixnumDivide(mode, n >> 2, d >> 2));
  }
  let nm: bigint, ne: number, dm: bigint, de: number;
  if ((d & 7) === Lisp_Float) {
    const dd = xfloat(rt, d);
    if (dd === 0) xsignal(Qarith_error, Qnil);
    if (dd !== dd) xsignal(Qoverflow_error, Qnil);
    if (!Number.isFinite(dd)) {
      if ((n & 7) !== Lisp_Float || Number.isFinite(xfloat(rt, n))) return makeFixnum(0);
      return xsignal(Qoverflow_error, Qnil);
    }
    [dm, de] = decompose(dd);
  } else {
    dm = bigValue(rt, d);
    de = 0;
  }
  if ((n & 7) === Lisp_Float) {
    const nd = xfloat(rt, n);
    if (!Number.isFinite(nd)) xsignal(Qoverflow_error, Qnil);
    [nm, ne] = decompose(nd);
  } else {
    nm = bigValue(rt, n);
    ne = 0;
  }
  // Scale both to integers by the same power of two.
  const s = Math.max(0, -ne, -de);
  const N = nm << BigInt(ne + s);
  const D = dm << BigInt(de + s);
  return makeBigInteger(rt, bigDivide(mode, N, D));
}

DEFUN('floor', 1, 2, 'Round ARG down to an integer; with DIVISOR, round the exact quotient ARG / DIVISOR down.',
  (rt, n: number, d: number) => roundingDriver(rt, n, d, R_FLOOR));
DEFUN('ceiling', 1, 2, 'Round ARG up to an integer; with DIVISOR, round the exact quotient ARG / DIVISOR up.',
  (rt, n: number, d: number) => roundingDriver(rt, n, d, R_CEILING));
DEFUN('truncate', 1, 2, 'Round ARG toward zero to an integer; with DIVISOR, round the exact quotient ARG / DIVISOR toward zero.',
  (rt, n: number, d: number) => roundingDriver(rt, n, d, R_TRUNCATE));
DEFUN('round', 1, 2, 'Round ARG to the nearest integer, halves going to the even one; with DIVISOR, round the exact quotient ARG / DIVISOR.',
  (rt, n: number, d: number) => roundingDriver(rt, n, d, R_ROUND));

DEFUN('ffloor', 1, 1, 'Round the float ARG down to a whole number, kept as a float.', (rt, x: number) =>
  makeFloat(rt, Math.floor(checkFloat(rt, x))));
DEFUN('fceiling', 1, 1, 'Round the float ARG up to a whole number, kept as a float.', (rt, x: number) =>
  makeFloat(rt, Math.ceil(checkFloat(rt, x))));
DEFUN('fround', 1, 1, 'Round the float ARG to the nearest whole number, halves to even, kept as a float.', (rt, x: number) =>
  makeFloat(rt, rint(checkFloat(rt, x))));
DEFUN('ftruncate', 1, 1, 'Round the float ARG toward zero to a whole number, kept as a float.', (rt, x: number) =>
  makeFloat(rt, Math.trunc(checkFloat(rt, x))));

// ---- conversions -------------------------------------------------------------------------------------

DEFUN('float', 1, 1, 'Convert ARG to a floating-point number.', (rt, x: number) => {
  checkNumber(rt, x);
  return (x & 7) === Lisp_Float ? x : makeFloat(rt, numberValue(rt, x));
});

DEFUN('abs', 1, 1, 'Give the magnitude of ARG, without its sign.', (rt, x: number) => {
  checkNumber(rt, x);
  if ((x & 3) === 2) return x < 0 ? makeInt(rt, -(x >> 2)) : x;
  if ((x & 7) === Lisp_Float) {
    const d = xfloat(rt, x);
    return signBit(d) ? makeFloat(rt, -d) : x;
  }
  const b = bignumValue(rt, x);
  return b < 0n ? makeBigInteger(rt, -b) : x;
});

// ---- elementary functions --------------------------------------------------------------------------

DEFUN('sqrt', 1, 1, 'Give the square root of ARG.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.sqrt(d), d, NEG_NAN);
});
DEFUN('exp', 1, 1, 'Give e raised to the power ARG.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.exp(d), d, NEG_NAN);
});
DEFUN('sin', 1, 1, 'Give the sine of ARG, an angle in radians.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.sin(d), d, NEG_NAN);
});
DEFUN('cos', 1, 1, 'Give the cosine of ARG, an angle in radians.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.cos(d), d, NEG_NAN);
});
DEFUN('tan', 1, 1, 'Give the tangent of ARG, an angle in radians.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.tan(d), d, NEG_NAN);
});
DEFUN('asin', 1, 1, 'Give the angle in radians whose sine is ARG.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.asin(d), d, POS_NAN);
});
DEFUN('acos', 1, 1, 'Give the angle in radians whose cosine is ARG.', (rt, x: number) => {
  const d = extractFloat(rt, x);
  return floatResult(rt, Math.acos(d), d, POS_NAN);
});
DEFUN('atan', 1, 2, 'Give the angle in radians whose tangent is Y; with X, the angle of the point (X, Y) from the x axis.',
  (rt, y: number, x: number) => {
    const dy = extractFloat(rt, y);
    if (x === Qnil) return floatResult(rt, Math.atan(dy), dy, NEG_NAN);
    const dx = extractFloat(rt, x);
    const r = Math.atan2(dy, dx);
    if (r !== r) return makeFloat(rt, dy !== dy ? dy : dx);
    return makeFloat(rt, r);
  });

/** A log in base e, 2 or 10 whose NaN results carry glibc's sign. */
function logOf(d: number, base: number): number {
  if (d !== d) return d;
  const r = base === 2 ? Math.log2(d) : base === 10 ? Math.log10(d) : Math.log(d);
  // glibc's log and log2 of a negative number give a NaN with the sign bit set, its log10 one without.
  return r !== r ? (base === 10 ? NaN : NEG_NAN) : r;
}
DEFUN('log', 1, 2, 'Give the natural logarithm of ARG, or its logarithm to BASE.', (rt, x: number, base: number) => {
  const d = extractFloat(rt, x);
  if (base === Qnil) return makeFloat(rt, logOf(d, 0));
  const b = extractFloat(rt, base);
  if (b === 10) return makeFloat(rt, logOf(d, 10));
  if (b === 2) return makeFloat(rt, logOf(d, 2));
  const ld = logOf(d, 0);
  const lb = logOf(b, 0);
  if (ld !== ld) return makeFloat(rt, ld);
  if (lb !== lb) return makeFloat(rt, lb);
  const r = ld / lb;
  return makeFloat(rt, r !== r ? NEG_NAN : r);
});

/** C's pow, whose special cases differ from Math.pow for 1, -1 and NaN. */
export function cpow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (x !== x) return x;
  if (y !== y) return y;
  const r = Math.pow(x, y);
  return r !== r ? NEG_NAN : r;
}

/** GNU's expt_integer: X to the natural power Y, exactly. */
function exptInteger(rt: Runtime, x: number, y: number): number {
  if (x === (1 << 2 | 2)) return x;
  if (x === 2) return y === 2 ? (1 << 2) | 2 : x;
  if (x === ((-1 << 2) | 2)) {
    const odd = (y & 3) === 2 ? ((y >> 2) & 1) !== 0 : (bignumValue(rt, y) & 1n) !== 0n;
    return odd ? x : (1 << 2) | 2;
  }
  if ((y & 3) !== 2) return xsignal(Qoverflow_error, Qnil);
  const e = y >> 2;
  const b = bigValue(rt, x);
  checkResultBits(rt, (bigBitLength(b) - 1) * e + 1);
  return makeBigInteger(rt, b ** BigInt(e));
}

DEFUN('expt', 2, 2, 'Raise ARG1 to the power ARG2; integers give an integer unless ARG2 is negative.',
  (rt, x: number, y: number) => {
    checkNumber(rt, x);
    checkNumber(rt, y);
    const xInt = (x & 3) === 2 || isBignum(rt, x);
    const yNat = (y & 3) === 2 ? y >= 0 : isBignum(rt, y) && bignumValue(rt, y) > 0n;
    if (xInt && yNat) return exptInteger(rt, x, y);
    return makeFloat(rt, cpow(numberValue(rt, x), numberValue(rt, y)));
  });

// ---- IEEE functions ------------------------------------------------------------------------------------

DEFUN('isnan', 1, 1, 'Tell whether the float X is a NaN.', (rt, x: number) => {
  const d = checkFloat(rt, x);
  return d !== d ? Qt : Qnil;
});

DEFUN('copysign', 2, 2, 'Give the float X1 with the sign of the float X2.', (rt, x1: number, x2: number) => {
  const a = checkFloat(rt, x1);
  checkFloat(rt, x2);
  const f = makeFloat(rt, a);
  const hi = ((f & -8) >>> 2) + 1;
  const sign = rt.i32[((x2 & -8) >>> 2) + 1]! & (0x80000000 | 0);
  rt.i32[hi] = (rt.i32[hi]! & 0x7fffffff) | sign;
  return f;
});

DEFUN('frexp', 1, 1, 'Split X into (SIGNIFICAND . EXPONENT) such that X is SIGNIFICAND times 2 to EXPONENT, with SIGNIFICAND from 0.5 up to but not including 1.',
  (rt, x: number) => {
    const d = extractFloat(rt, x);
    const [s, e] = frexp(d);
    const sig = makeFloat(rt, s);
    return cons(rt, sig, (e << 2) | 2);
  });

DEFUN('ldexp', 2, 2, 'Give SGNFCAND times 2 raised to EXPONENT, as a float.', (rt, s: number, e: number) => {
  const n = checkFixnum(rt, e);
  return makeFloat(rt, ldexp(extractFloat(rt, s), n));
});

DEFUN('logb', 1, 1, 'Give the binary exponent of ARG: the floor of the base-2 logarithm of its magnitude.', (rt, x: number) => {
  checkNumber(rt, x);
  if ((x & 7) === Lisp_Float) {
    const f = xfloat(rt, x);
    if (f === 0) return makeFloat(rt, -Infinity);
    if (!Number.isFinite(f)) return f < 0 ? makeFloat(rt, -f) : x;
    return ((frexp(f)[1] - 1) << 2) | 2;
  }
  if ((x & 3) !== 2) return ((bigBitLength(bignumValue(rt, x)) - 1) << 2) | 2;
  const i = Math.abs(x >> 2);
  if (i === 0) return makeFloat(rt, -Infinity);
  return ((31 - Math.clz32(i)) << 2) | 2;
});

