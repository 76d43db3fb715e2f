// Time values, their arithmetic and calendars (GNU timefns.c): current-time, float-time, time-add, time-subtract, time-less-p, time-equal-p, time-convert, decode-time, encode-time, format-time-string, current-time-string, current-time-zone, set-time-zone-rule.
//
// A Lisp time value is nil (now), an integer or float count of seconds, a (TICKS . HZ) pair, or
// a list (HIGH LOW USEC PSEC) whose length sets its resolution (2: seconds, 3: microseconds, 4:
// picoseconds). Every one but an infinite or NaN float is an exact fraction TICKS/HZ here, a
// float's HZ being the power of two that makes its 53-bit mantissa an integer, so arithmetic and
// comparison are exact, as GNU's are. The form of a result follows GNU 28: an integer when HZ
// comes out as 1; a pair when either operand was a pair, or when HZ does not divide 10^12; a list
// otherwise.

import {
  bignump, bignumValue, cons, consp, floatp, jsString, list, makeFloat, makeInteger, makeString, makeStringFromChars,
  makeUnibyteString, stringChars, stringMultibyte, stringp, xcar, xcdr, xfloat,
} from '../core/object.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { error, xsignal } from '../core/signal.ts';
import { DEFUN, MANY } from '../core/subr.ts';
import { DEFSYM, Qconsp, Qerror, Qnil, Qstringp, Qt, Qwrong_number_of_arguments, Qwrong_type_argument } from '../core/symbols.ts';
import {
  civilFromDays, daysFromCivil, fixedZone, numericAbbreviation, zoneFromString, type Zone, type ZoneState,
} from './timefns-zone.ts';
import { fixnumValue, isFixnum } from '../heap/tags.ts';

const Qinteger = DEFSYM('integer');
const Qlist = DEFSYM('list');
const Qwall = DEFSYM('wall');
const Qfixnump = DEFSYM('fixnump');
const Qencode_time = DEFSYM('encode-time');

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
  // Scaled down in two steps: 2^-SHIFT alone underflows to 0 past 2^-1074 though the result need not.
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
  // The same object twice is one time: nil (now) read from the clock once, as GNU does.
  const y = a === b ? x : decodeTime(rt, b);
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
  const y = a === b ? x : decodeTime(rt, b);
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

DEFUN('get-internal-run-time', 0, 0, 'Give the processor time this process has used so far (user and system), as a list (HIGH LOW USEC PSEC).\nWithout a processor clock from the host, the time since the process started.', (rt) => {
  const seconds = rt.host.cpuTime ? rt.host.cpuTime() : rt.host.now() / 1000;
  return listForm(rt, BigInt(Math.round(seconds * 1e6)) * 1000n, NOW_HZ);
});

// ---- zones, broken-down time, formatting ---------------------------------------------------------

/** The local zone rule: what set-time-zone-rule last set, else the TZ the process started with. */
const zoneState = defineWorldState<{ local: Zone | null }>(() => ({ local: null }));

function localZone(rt: Runtime): Zone {
  const st = zoneState(rt);
  if (!st.local) {
    const tz = rt.host.getenv('TZ');
    st.local = zoneFromString(rt, tz ?? ':/etc/localtime');
  }
  return st.local;
}

function invalidZone(rt: Runtime, zone: number): never {
  return xsignal(Qerror, list(rt, makeString(rt, 'Invalid time zone specification'), zone));
}

/** The zone a Lisp ZONE argument names: nil or `wall' local, t UTC, an offset, (OFFSET ABBR) or a TZ string. */
export function decodeZone(rt: Runtime, zone: number): Zone {
  if (zone === Qnil || zone === Qwall) return localZone(rt);
  if (zone === Qt) return fixedZone(0, 'GMT');
  if (isFixnum(zone)) return fixedZone(fixnumValue(zone), numericAbbreviation(fixnumValue(zone)));
  if (stringp(zone)) {
    const s = jsString(rt, zone);
    return s === 'wall' ? localZone(rt) : zoneFromString(rt, s);
  }
  if (consp(zone) && isFixnum(xcar(rt, zone)) && consp(xcdr(rt, zone)) && stringp(xcar(rt, xcdr(rt, zone)))) {
    const abbr = jsString(rt, xcar(rt, xcdr(rt, zone)));
    // GNU passes the pair to the C library as a TZ string, which refuses a name shorter than
    // three characters: the zone is then UTC with no name.
    if ([...abbr].length < 3) return fixedZone(0, '');
    return fixedZone(fixnumValue(xcar(rt, zone)), abbr);
  }
  return invalidZone(rt, zone);
}

DEFUN('set-time-zone-rule', 1, 1, 'Make TZ the local time zone of the time functions: nil or `wall\' for the system\'s, t for UTC, an offset in seconds, (OFFSET ABBR) or a TZ string.', (rt, tz: number) => {
  const st = zoneState(rt);
  st.local = tz === Qnil || tz === Qwall ? zoneFromString(rt, ':/etc/localtime') : decodeZone(rt, tz);
  return Qnil;
});

/** Everything a broken-down time holds: the calendar fields and the zone state at that instant. */
interface Broken {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  wday: number;
  /** 0-based day of the year. */
  yday: number;
  zone: ZoneState;
  /** Whole seconds since the epoch, and the fraction's nanoseconds. */
  epoch: bigint;
  nanos: number;
}

function breakDown(rt: Runtime, t: Exact, zone: Zone): Broken {
  const whole = floorDiv(t.ticks, t.hz);
  const nanos = Number(floorDiv((t.ticks - whole * t.hz) * 1_000_000_000n, t.hz));
  // Whole seconds can pass 2^53 long before the year leaves the C library's int: keep them exact.
  const zs = zone.at(Number(whole));
  const local = whole + BigInt(zs.utoff);
  const bigDays = floorDiv(local, 86400n);
  const sod = Number(local - bigDays * 86400n);
  const days = Number(bigDays);
  const [year, month, day] = civilFromDays(days);
  if (year - 1900 > 2147483647 || year - 1900 < -2147483648) notRepresentable(rt);
  return {
    year, month, day, hour: Math.floor(sod / 3600), minute: Math.floor(sod / 60) % 60, second: sod % 60,
    wday: ((days + 4) % 7 + 7) % 7, yday: days - daysFromCivil(year, 1, 1), zone: zs, epoch: whole, nanos,
  };
}

function exactTime(rt: Runtime, time: number): Exact {
  const t = decodeTime(rt, time);
  if ('float' in t) notRepresentable(rt);
  return t;
}

DEFUN('decode-time', 0, 3, 'Break TIME (default now) down in ZONE (default local) into (SEC MINUTE HOUR DAY MONTH YEAR DOW DST UTCOFF).\nWith FORM t, SEC keeps the fraction of the second as a (TICKS . HZ) pair when TIME has one.', (rt, time: number, zone: number, form: number) => {
  const t = exactTime(rt, time);
  const b = breakDown(rt, t, decodeZone(rt, zone));
  let sec = makeInteger(rt, b.second);
  if (form === Qt && t.hz !== 1n) {
    // The seconds within the minute, at TIME's own frequency.
    const minuteStart = b.epoch - BigInt(b.second);
    sec = pairForm(rt, t.ticks - minuteStart * t.hz, t.hz);
  }
  return list(rt, sec, makeInteger(rt, b.minute), makeInteger(rt, b.hour), makeInteger(rt, b.day), makeInteger(rt, b.month),
    makeInteger(rt, b.year), makeInteger(rt, b.wday), b.zone.isdst ? Qt : Qnil, makeInteger(rt, b.zone.utoff));
});

DEFUN('current-time-zone', 0, 2, 'Give (OFFSET NAME) for ZONE (default local) at TIME (default now): seconds east of UTC and the abbreviation.', (rt, time: number, zone: number) => {
  const t = exactTime(rt, time);
  const b = breakDown(rt, t, decodeZone(rt, zone));
  return list(rt, makeInteger(rt, b.zone.utoff), makeString(rt, b.zone.abbr || numericAbbreviation(b.zone.utoff)));
});

/**
 * Seconds since the epoch of local time L (seconds as if the zone were UTC) in ZONE. DST t or
 * nil asks for daylight saving or standard time; anything else lets the zone decide, an
 * ambiguous time taking standard time and a skipped one the offset in force before the gap.
 */
function localToEpoch(zone: Zone, l: number, dst: number): number {
  const offsets = new Set([zone.at(l - 86400).utoff, zone.at(l).utoff, zone.at(l + 86400).utoff]);
  const valid: { t: number; isdst: boolean }[] = [];
  for (const off of offsets) {
    const t = l - off;
    const zs = zone.at(t);
    if (zs.utoff === off) valid.push({ t, isdst: zs.isdst });
  }
  if ((dst === Qt || dst === Qnil) && !zone.fixed) {
    const want = dst === Qt;
    const hit = valid.find((v) => v.isdst === want);
    if (hit) return hit.t;
    // Not that kind of time then: shift by the difference between the zone's two offsets.
    const base = valid[0]?.t ?? l - zone.at(l - 86400).utoff;
    const have = zone.at(base);
    for (let d = 30; d <= 366; d += 30) {
      for (const probe of [base - d * 86400, base + d * 86400]) {
        const zs = zone.at(probe);
        if (zs.isdst === want && zs.isdst !== have.isdst) return base - (zs.utoff - have.utoff);
      }
    }
    // A zone with no such time within a year around: the usual hour, as the C library assumes.
    return have.isdst === want ? base : want ? base - 3600 : base + 3600;
  }
  const std = valid.find((v) => !v.isdst);
  if (std) return std.t;
  if (valid.length) return valid[0]!.t;
  return l - zone.at(l - 86400).utoff;
}

function fixnumField(rt: Runtime, x: number): number {
  if (!isFixnum(x)) xsignal(Qwrong_type_argument, list(rt, Qfixnump, x));
  return fixnumValue(x);
}

DEFUN('encode-time', 1, MANY, 'Turn a broken-down time (SECOND MINUTE HOUR DAY MONTH YEAR IGNORED DST ZONE) into a time value; fields out of range carry over.\nThe obsolescent form passes SECOND MINUTE HOUR DAY MONTH YEAR as six or more arguments, the last of more than six being ZONE.', (rt, args: number[]) => {
  let fields: number[];
  let dst: number;
  let zone: number;
  if (args.length === 1) {
    fields = [];
    let tail = args[0]!;
    for (let i = 0; i < 9; i++) {
      if (!consp(tail)) xsignal(Qwrong_type_argument, list(rt, Qconsp, tail));
      fields.push(xcar(rt, tail));
      tail = xcdr(rt, tail);
    }
    dst = fields[7]!;
    zone = fields[8]!;
  } else {
    if (args.length < 6) xsignal(Qwrong_number_of_arguments, list(rt, Qencode_time, makeInteger(rt, args.length)));
    fields = args.slice(0, 6);
    dst = makeInteger(rt, -1);
    zone = args.length > 6 ? args[args.length - 1]! : Qnil;
  }
  const minute = fixnumField(rt, fields[1]!);
  const hour = fixnumField(rt, fields[2]!);
  const day = fixnumField(rt, fields[3]!);
  const month = fixnumField(rt, fields[4]!);
  const year = fixnumField(rt, fields[5]!);
  const sec = decodeTime(rt, fields[0] === Qnil ? invalidTime(rt) : fields[0]!);
  if ('float' in sec) notRepresentable(rt);
  const z = decodeZone(rt, zone);
  const wholeSec = floorDiv(sec.ticks, sec.hz);
  const l = (daysFromCivil(year, month, day) * 86400) + hour * 3600 + minute * 60 + Number(wholeSec);
  if (!Number.isSafeInteger(l)) notRepresentable(rt);
  const epoch = localToEpoch(z, l, dst);
  const ticks = BigInt(epoch - Number(wholeSec)) * sec.hz + sec.ticks;
  if (sec.hz === 1n) {
    return list(rt, makeInteger(rt, floorDiv(ticks, 65536n)), makeInteger(rt, ticks - floorDiv(ticks, 65536n) * 65536n));
  }
  return pairForm(rt, ticks, sec.hz);
});

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** ISO 8601 week-based year and week number of B. */
function isoWeek(b: Broken): [number, number] {
  // The Thursday of this week decides the year.
  const days = daysFromCivil(b.year, b.month, b.day);
  const isoDow = (b.wday + 6) % 7;
  const thursday = days - isoDow + 3;
  const year = civilFromDays(thursday)[0];
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return [year, week];
}

/** One conversion's text before padding, and how it pads by default. */
interface Piece {
  text: string;
  /** Numbers pad with zeros (or spaces for %e %k %l) to a width; words pad with spaces only when asked. */
  numeric: boolean;
  width: number;
  space?: boolean;
}

const num = (v: number, width: number, space = false): Piece => ({ text: String(v), numeric: true, width, space });
const word = (s: string): Piece => ({ text: s, numeric: false, width: 0 });

/** Pad a number's text (a leading minus stays in front of the zeros) to WIDTH. */
function padNumber(text: string, width: number, pad: string): string {
  if (text.length >= width) return text;
  if (pad === '0' && text.startsWith('-')) return '-' + text.slice(1).padStart(width - 1, '0');
  return text.padStart(width, pad);
}

function formatTime(rt: Runtime, fmt: number[], b: Broken): number[] {
  const out: number[] = [];
  const emit = (s: string): void => {
    for (const ch of s) out.push(ch.codePointAt(0)!);
  };
  const tmYear = b.year - 1900;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== 0x25 /* % */) {
      out.push(c);
      continue;
    }
    const start = i;
    let j = i + 1;
    let pad = '';
    let upcase = false;
    let swapcase = false;
    for (; j < fmt.length; j++) {
      const f = String.fromCharCode(fmt[j]!);
      if (f === '_' || f === '-' || f === '0' || f === '+') pad = f;
      else if (f === '^') upcase = true;
      else if (f === '#') swapcase = true;
      else break;
    }
    let width = -1;
    while (j < fmt.length && fmt[j]! >= 0x30 && fmt[j]! <= 0x39) {
      width = (width < 0 ? 0 : width * 10) + fmt[j]! - 0x30;
      j++;
    }
    let colons = 0;
    while (j < fmt.length && fmt[j] === 0x3a) {
      colons++;
      j++;
    }
    if (j < fmt.length && (fmt[j] === 0x45 || fmt[j] === 0x4f)) j++; // E and O modifiers change nothing here
    // A spec the library does not know is copied as it stands, padded to its width.
    const literal = (): void => {
      const end = Math.min(j, fmt.length - 1);
      for (let k = end - start + 1; k < width; k++) out.push(0x20);
      for (let k = start; k <= end; k++) out.push(fmt[k]!);
    };
    if (j >= fmt.length) {
      literal();
      break;
    }
    const conv = String.fromCharCode(fmt[j]!);
    i = j;
    if (colons && conv !== 'z') {
      literal();
      continue;
    }
    if ((fmt[j - 1] === 0x45 || fmt[j - 1] === 0x4f) && j - 1 > start && !'cCxXyYdeHIjmMSUVwWuGgkl'.includes(conv)) {
      literal();
      continue;
    }
    let piece: Piece | null = null;
    const hour12 = b.hour % 12 === 0 ? 12 : b.hour % 12;
    switch (conv) {
      case '%': piece = word('%'); break;
      case 'n': piece = word('\n'); break;
      case 't': piece = word('\t'); break;
      case 'a': piece = word(DAY_NAMES[b.wday]!.slice(0, 3)); break;
      case 'A': piece = word(DAY_NAMES[b.wday]!); break;
      case 'b': case 'h': piece = word(MONTH_NAMES[b.month - 1]!.slice(0, 3)); break;
      case 'B': piece = word(MONTH_NAMES[b.month - 1]!); break;
      case 'p': piece = word(b.hour < 12 ? 'AM' : 'PM'); break;
      case 'P': piece = word(b.hour < 12 ? 'am' : 'pm'); break;
      case 'Z': piece = word(b.zone.abbr); break;
      case 'c': emitNested('%a %b %e %H:%M:%S %Y'); continue;
      case 'x': case 'D': emitNested('%m/%d/%y'); continue;
      case 'X': case 'T': emitNested('%H:%M:%S'); continue;
      case 'R': emitNested('%H:%M'); continue;
      case 'r': emitNested('%I:%M:%S %p'); continue;
      case 'F': emitNested('%Y-%m-%d'); continue;
      case 'Y': piece = num(b.year, 4); break;
      case 'C': {
        let century = Math.trunc(tmYear / 100) + 19;
        if (tmYear % 100 < 0 && century > 0) century--;
        piece = num(century, 2);
        if (b.year < 0 && century === 0) piece.text = '-0';
        break;
      }
      case 'y': {
        let yy = tmYear % 100;
        if (yy < 0) yy = tmYear < -1900 ? -yy : yy + 100;
        piece = num(yy, 2);
        break;
      }
      case 'G': piece = num(isoWeek(b)[0], 4); break;
      case 'g': {
        const y = isoWeek(b)[0];
        piece = num(((y % 100) + 100) % 100, 2);
        break;
      }
      case 'V': piece = num(isoWeek(b)[1], 2); break;
      case 'm': piece = num(b.month, 2); break;
      case 'd': piece = num(b.day, 2); break;
      case 'e': piece = num(b.day, 2, true); break;
      case 'H': piece = num(b.hour, 2); break;
      case 'k': piece = num(b.hour, 2, true); break;
      case 'I': piece = num(hour12, 2); break;
      case 'l': piece = num(hour12, 2, true); break;
      case 'M': piece = num(b.minute, 2); break;
      case 'S': piece = num(b.second, 2); break;
      case 'j': piece = num(b.yday + 1, 3); break;
      case 'u': piece = num(b.wday === 0 ? 7 : b.wday, 1); break;
      case 'w': piece = num(b.wday, 1); break;
      case 'U': piece = num(Math.floor((b.yday + 7 - b.wday) / 7), 2); break;
      case 'W': piece = num(Math.floor((b.yday + 7 - ((b.wday + 6) % 7)) / 7), 2); break;
      case 'q': piece = num(Math.floor((b.month - 1) / 3) + 1, 1); break;
      case 's': piece = { text: String(b.epoch), numeric: true, width: 1 }; break;
      case 'N': {
        const digits = String(b.nanos).padStart(9, '0');
        const w = width < 0 ? 9 : width;
        emit(w <= 9 ? digits.slice(0, w) : digits + '0'.repeat(w - 9));
        continue;
      }
      case 'z': {
        const off = b.zone.utoff;
        const sign = off < 0 ? '-' : '+';
        const a = Math.abs(off);
        const hh = Math.floor(a / 3600);
        const mm = Math.floor(a / 60) % 60;
        const ss = a % 60;
        const two = (v: number): string => String(v).padStart(2, '0');
        if (colons === 1) emit(`${sign}${two(hh)}:${two(mm)}`);
        else if (colons === 2) emit(`${sign}${two(hh)}:${two(mm)}:${two(ss)}`);
        else if (colons === 3) emit(ss ? `${sign}${two(hh)}:${two(mm)}:${two(ss)}` : mm ? `${sign}${two(hh)}:${two(mm)}` : `${sign}${two(hh)}`);
        else {
          const digits = String(hh * 100 + mm);
          const w = width < 0 ? 5 : width;
          if (pad === '-') emit(sign + digits);
          else if (pad === '_') emit((sign + digits).padStart(w, ' '));
          else emit(sign + digits.padStart(w - 1, '0'));
        }
        continue;
      }
      default: literal(); continue;
    }
    let text = piece.text;
    if (piece.numeric) {
      const w = width < 0 ? piece.width : width;
      if (pad === '-') { /* no padding */ } else if (pad === '_' || (piece.space && pad !== '0')) text = padNumber(text.trimStart(), w, ' ');
      else text = padNumber(text, w, '0');
    } else {
      if (upcase) text = text.toUpperCase();
      else if (swapcase) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
      if (width > text.length && pad !== '-') text = text.padStart(width, pad === '0' ? '0' : ' ');
    }
    emit(text);
  }
  return out;

  function emitNested(spec: string): void {
    for (const ch of formatTime(rt, Array.from(spec, (s) => s.charCodeAt(0)), b)) out.push(ch);
  }
}

DEFUN('format-time-string', 1, 3, 'Format TIME (default now) in ZONE (default local) by FORMAT-STRING, whose %-conversions are those of the C library\'s strftime with GNU\'s additions: %N for nanoseconds (a width gives the digits), %:z %::z %:::z for offsets with colons, %q for the quarter; the flags _ - 0 ^ # and a field width apply as there.', (rt, format: number, time: number, zone: number) => {
  if (!stringp(format)) xsignal(Qwrong_type_argument, list(rt, Qstringp, format));
  const t = exactTime(rt, time);
  const b = breakDown(rt, t, decodeZone(rt, zone));
  const chars = formatTime(rt, stringChars(rt, format), b);
  if (stringMultibyte(rt, format)) return makeStringFromChars(rt, chars, true);
  return chars.every((ch) => ch < 0x100) ? makeUnibyteString(rt, Uint8Array.from(chars)) : makeStringFromChars(rt, chars);
});

DEFUN('current-time-string', 0, 2, 'Give TIME (default now) in ZONE (default local) as text like "Sun Sep 16 01:03:52 1973".', (rt, time: number, zone: number) => {
  const t = exactTime(rt, time);
  const b = breakDown(rt, t, decodeZone(rt, zone));
  const two = (v: number): string => String(v).padStart(2, '0');
  return makeString(rt, `${DAY_NAMES[b.wday]!.slice(0, 3)} ${MONTH_NAMES[b.month - 1]!.slice(0, 3)} ${String(b.day).padStart(2, ' ')} ${two(b.hour)}:${two(b.minute)}:${two(b.second)} ${b.year}`);
});
