// Time values and their arithmetic (GNU timefns.c): current-time, float-time, time-add, time-subtract, time-less-p, time-equal-p, time-convert.
//
// A Lisp time value is nil (now), an integer or float count of seconds, a (TICKS . HZ) pair, or
// a list (HIGH LOW USEC PSEC) whose length sets its resolution (2: seconds, 3: microseconds, 4:
// picoseconds). Every one but an infinite or NaN float is an exact fraction TICKS/HZ here, a
// float's HZ being the power of two that makes its 53-bit mantissa an integer, so arithmetic and
// comparison are exact, as GNU's are. The form of a result follows GNU 28: an integer when HZ
// comes out as 1; a pair when either operand was a pair, or when HZ does not divide 10^12; a list
// otherwise.

import {
  bignump, bignumValue, cons, consp, floatp, list, makeFloat, makeInteger, makeString, xcar, xcdr, xfloat,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, xsignal } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qerror, Qnil, Qt } from '../core/symbols.ts';
import { fixnumValue, isFixnum } from '../heap/tags.ts';

const Qinteger = DEFSYM('integer');
const Qlist = DEFSYM('list');

/** How a time value was written: it decides the form of an arithmetic result. */
type Kind = 'integer' | 'float' | 'pair' | 'list';

/** An exact time: TICKS/HZ seconds (HZ > 0). */
interface Exact {
  ticks: bigint;
  hz: bigint;
  kind: Kind;
}
/** A time that is an infinite or NaN float: only float arithmetic applies. */
interface Inexact {
  float: number;
}
type Time = Exact | Inexact;

const PSEC_HZ = 1_000_000_000_000n;
const NOW_HZ = 1_000_000_000n;

const isInteger = (rt: Runtime, x: number): boolean => isFixnum(x) || bignump(rt, x);
const integerValue = (rt: Runtime, x: number): bigint => (isFixnum(x) ? BigInt(fixnumValue(x)) : bignumValue(rt, x));

function invalidTime(rt: Runtime): never {
  return error(rt, 'Invalid time specification');
}

function notRepresentable(rt: Runtime): never {
  return error(rt, 'Specified time is not representable');
}

/** The exact value of the finite float D: its mantissa over a power of two (0 is 0/1). */
function floatTime(d: number): Exact {
  if (d === 0) return { ticks: 0n, hz: 1n, kind: 'float' };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  // A normal number has the hidden leading bit; a subnormal one counts from 2^-1074.
  let power = exponent === 0 ? -1074 : exponent - 1075;
  if (exponent !== 0) mantissa |= 1n << 52n;
  const ticks = d < 0 ? -mantissa : mantissa;
  if (power >= 0) return { ticks: ticks << BigInt(power), hz: 1n, kind: 'float' };
  // GNU keeps the mantissa's trailing zeros only for normal numbers; subnormals are reduced.
  if (exponent === 0) {
    while (power < 0 && (mantissa & 1n) === 0n) {
      mantissa >>= 1n;
      power++;
    }
    return { ticks: d < 0 ? -mantissa : mantissa, hz: 1n << BigInt(-power), kind: 'float' };
  }
  return { ticks, hz: 1n << BigInt(-power), kind: 'float' };
}

function now(rt: Runtime): Exact {
  const seconds = rt.host.wallTime();
  return { ticks: BigInt(Math.round(seconds * 1e6)) * 1000n, hz: NOW_HZ, kind: 'list' };
}

/** The time value T, as GNU's decode_lisp_time reads it; signals for anything else. */
export function decodeTime(rt: Runtime, t: number): Time {
  if (t === Qnil) return now(rt);
  if (isInteger(rt, t)) return { ticks: integerValue(rt, t), hz: 1n, kind: 'integer' };
  if (floatp(t)) {
    const d = xfloat(rt, t);
    return Number.isFinite(d) ? floatTime(d) : { float: d };
  }
  if (!consp(t)) invalidTime(rt);
  const high = xcar(rt, t);
  const rest = xcdr(rt, t);
  if (isInteger(rt, rest)) {
    // (TICKS . HZ)
    const hz = integerValue(rt, rest);
    if (!isInteger(rt, high) || hz <= 0n) invalidTime(rt);
    return { ticks: integerValue(rt, high), hz, kind: 'pair' };
  }
  // (HIGH LOW [USEC [PSEC]]): further elements are ignored.
  if (!consp(rest) || !isInteger(rt, high)) invalidTime(rt);
  const low = xcar(rt, rest);
  if (!isInteger(rt, low)) invalidTime(rt);
  let ticks = integerValue(rt, high) * 65536n + integerValue(rt, low);
  let hz = 1n;
  // USEC may also end the list as a dotted tail, (HIGH LOW . USEC); a dotted PSEC is ignored, as in GNU.
  const usecCell = xcdr(rt, rest);
  if (usecCell !== Qnil) {
    const usec = consp(usecCell) ? xcar(rt, usecCell) : usecCell;
    if (!isInteger(rt, usec)) invalidTime(rt);
    ticks = ticks * 1_000_000n + integerValue(rt, usec);
    hz = 1_000_000n;
    const psecCell = consp(usecCell) ? xcdr(rt, usecCell) : Qnil;
    if (consp(psecCell)) {
      const psec = xcar(rt, psecCell);
      if (!isInteger(rt, psec)) invalidTime(rt);
      ticks = ticks * 1_000_000n + integerValue(rt, psec);
      hz = PSEC_HZ;
    }
  }
  return { ticks, hz, kind: 'list' };
}

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** Floor division of bigints. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** TICKS/HZ as the nearest double (ties to even), exact in its rounding however large the numbers. */
export function ratioToDouble(ticks: bigint, hz: bigint): number {
  if (ticks === 0n) return 0;
  const negative = ticks < 0n;
  let n = negative ? -ticks : ticks;
  // Scale so that the quotient has at least 66 significant bits, then let BigInt->Number round,
  // with a sticky bit standing for a non-zero remainder.
  const shift = Math.max(0, 66 - (n.toString(2).length - hz.toString(2).length));
  n <<= BigInt(shift);
  let q = n / hz;
  if (n % hz !== 0n) q |= 1n;
  const d = Number(q) * Math.pow(2, -Math.min(shift, 1000)) * Math.pow(2, -(shift - Math.min(shift, 1000)));
  return negative ? -d : d;
}

const asDouble = (t: Time): number => ('float' in t ? t.float : ratioToDouble(t.ticks, t.hz));

/** (HIGH LOW USEC PSEC) for TICKS/HZ, rounded down to the picosecond. */
function listForm(rt: Runtime, ticks: bigint, hz: bigint): number {
  const psecs = floorDiv(ticks * PSEC_HZ, hz);
  const secs = floorDiv(psecs, PSEC_HZ);
  const frac = psecs - secs * PSEC_HZ;
  return list(rt,
    makeInteger(rt, floorDiv(secs, 65536n)), makeInteger(rt, secs - floorDiv(secs, 65536n) * 65536n),
    makeInteger(rt, frac / 1_000_000n), makeInteger(rt, frac % 1_000_000n));
}

const pairForm = (rt: Runtime, ticks: bigint, hz: bigint): number => cons(rt, makeInteger(rt, ticks), makeInteger(rt, hz));

/** A + SIGN*B in the form GNU 28 gives (see the file's head). */
function timeArith(rt: Runtime, a: number, b: number, sign: 1n | -1n): number {
  const x = decodeTime(rt, a);
  const y = decodeTime(rt, b);
  if ('float' in x || 'float' in y) return makeFloat(rt, sign > 0n ? asDouble(x) + asDouble(y) : asDouble(x) - asDouble(y));
  let ticks: bigint;
  let hz: bigint;
  if (x.hz === y.hz) {
    ticks = x.ticks + sign * y.ticks;
    hz = x.hz;
  } else {
    // Over the least common multiple of the two frequencies, then divided by what the sum shares
    // with the two cofactors (GNU's reduction: not always to lowest terms).
    const g = gcd(x.hz, y.hz);
    const xm = y.hz / g;
    const ym = x.hz / g;
    ticks = x.ticks * xm + sign * y.ticks * ym;
    hz = x.hz * xm;
    const r = gcd(ticks, xm * ym);
    if (r > 1n) {
      ticks /= r;
      hz /= r;
    }
  }
  if (hz === 1n) return makeInteger(rt, ticks);
  if (x.kind === 'pair' || y.kind === 'pair' || PSEC_HZ % hz !== 0n) return pairForm(rt, ticks, hz);
  return listForm(rt, ticks, hz);
}

DEFUN('time-add', 2, 2, 'Give the sum of the time values A and B.\nThe result is an integer when both are integers, else a list or (TICKS . HZ) pair as exact as the operands; an infinite or NaN float makes it a float.', (rt, a: number, b: number) =>
  timeArith(rt, a, b, 1n));

DEFUN('time-subtract', 2, 2, 'Give the time value A minus the time value B, in the form `time-add\' would.', (rt, a: number, b: number) =>
  timeArith(rt, a, b, -1n));

/** -1, 0 or 1 as A is before, at or after B; NaN when either is a NaN float. */
function compareTimes(rt: Runtime, a: number, b: number): number {
  const x = decodeTime(rt, a);
  const y = decodeTime(rt, b);
  if ('float' in x || 'float' in y) {
    const p = asDouble(x);
    const q = asDouble(y);
    return p < q ? -1 : p > q ? 1 : p === q ? 0 : NaN;
  }
  const l = x.ticks * y.hz;
  const r = y.ticks * x.hz;
  return l < r ? -1 : l > r ? 1 : 0;
}

DEFUN('time-less-p', 2, 2, 'Tell whether the time value A is earlier than the time value B.', (rt, a: number, b: number) =>
  compareTimes(rt, a, b) < 0 ? Qt : Qnil);

DEFUN('time-equal-p', 2, 2, 'Tell whether the time values A and B stand for the same time; two nils are equal.', (rt, a: number, b: number) => {
  if (a === Qnil && b === Qnil) return Qt;
  return compareTimes(rt, a, b) === 0 ? Qt : Qnil;
});

DEFUN('time-convert', 1, 2, 'Give TIME in the form FORM asks for: `integer\' (whole seconds, rounded down), t (a (TICKS . HZ) pair as exact as TIME), a positive integer HZ (a pair counting that many ticks a second, rounded down), or nil or `list\' (HIGH LOW USEC PSEC).', (rt, time: number, form: number) => {
  if (!(form === Qnil || form === Qt || form === Qinteger || form === Qlist || (isInteger(rt, form) && integerValue(rt, form) > 0n))) {
    xsignal(Qerror, list(rt, makeString(rt, 'Invalid time frequency'), form));
  }
  const t = decodeTime(rt, time);
  if ('float' in t) notRepresentable(rt);
  if (form === Qt) return pairForm(rt, t.ticks, t.hz);
  if (form === Qinteger) return makeInteger(rt, floorDiv(t.ticks, t.hz));
  if (form === Qnil || form === Qlist) return listForm(rt, t.ticks, t.hz);
  const hz = integerValue(rt, form);
  return pairForm(rt, floorDiv(t.ticks * hz, t.hz), hz);
});

DEFUN('float-time', 0, 1, 'Give TIME, or now, as a float count of seconds since the epoch (the nearest float to its exact value).', (rt, time: number) => {
  const t = decodeTime(rt, time);
  return makeFloat(rt, asDouble(t));
});

DEFUN('current-time', 0, 0, 'Give the time now as a list (HIGH LOW USEC PSEC) counting from the epoch.', (rt) => {
  const t = now(rt);
  return listForm(rt, t.ticks, t.hz);
});

