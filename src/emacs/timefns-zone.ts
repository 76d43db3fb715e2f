// Time zones for the time functions (the zone half of GNU timefns.c, with what it asks of the C library's tzset): UTC, fixed offsets, POSIX TZ strings and the system's TZif zone files.
//
// A zone answers one question: at this instant (seconds since the epoch), what is the offset
// from UTC, its abbreviation and whether it is daylight saving time. Zone files are read through
// the host from /usr/share/zoneinfo (a host without them, such as a browser, gets UTC for a zone
// name it cannot resolve, as the C library does for a name it does not know).

import type { Runtime } from '../core/runtime.ts';

export interface ZoneState {
  /** Seconds east of UTC. */
  utoff: number;
  abbr: string;
  isdst: boolean;
}

export interface Zone {
  at(t: number): ZoneState;
  /** Set for a zone with one offset forever: it has no daylight saving time to ask for. */
  fixed?: boolean;
}

export const fixedZone = (utoff: number, abbr: string): Zone => {
  const state = { utoff, abbr, isdst: false };
  return { at: () => state, fixed: true };
};

export const UTC_ZONE = fixedZone(0, 'UTC');

/** The abbreviation GNU gives a numeric zone: +HH, +HHMM or +HHMMSS, as short as the offset allows. */
export function numericAbbreviation(utoff: number): string {
  const sign = utoff < 0 ? '-' : '+';
  const a = Math.abs(utoff);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor(a / 60) % 60;
  const ss = a % 60;
  if (ss) return `${sign}${hh}${String(mm).padStart(2, '0')}${String(ss).padStart(2, '0')}`;
  if (mm) return `${sign}${hh}${String(mm).padStart(2, '0')}`;
  return `${sign}${hh}`;
}

// ---- calendar arithmetic (proleptic Gregorian, as the C library's) ----------------------------

/** Days from 1970-01-01 to Y-M-D (M 1-12, D from 1; out-of-range values carry). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y += Math.floor((m - 1) / 12);
  m = ((m - 1) % 12 + 12) % 12 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1-12, day 1-31] of the day DAYS after 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// ---- POSIX TZ strings ------------------------------------------------------------------------

interface Rule {
  kind: 'J' | 'n' | 'M';
  day: number;
  week: number;
  month: number;
  /** Seconds after local midnight the change happens. */
  time: number;
}

/** A reader over a TZ string; each method returns null when the text does not fit. */
class TzText {
  pos = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  name(): string | null {
    const s = this.s;
    if (s[this.pos] === '<') {
      const end = s.indexOf('>', this.pos);
      if (end < 0) return null;
      const n = s.slice(this.pos + 1, end);
      this.pos = end + 1;
      return n.length >= 3 ? n : null;
    }
    const m = /^[A-Za-z]+/.exec(s.slice(this.pos));
    if (!m || m[0].length < 3) return null;
    this.pos += m[0].length;
    return m[0];
  }
  /** [+-]hh[:mm[:ss]] as seconds; MAXHOURS bounds the hours. */
  offset(maxHours: number): number | null {
    const m = /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(this.s.slice(this.pos));
    if (!m) return null;
    const h = Number(m[2]);
    if (h > maxHours) return null;
    this.pos += m[0].length;
    const v = h * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === '-' ? -v : v;
  }
  rule(): Rule | null {
    const rest = this.s.slice(this.pos);
    let m: RegExpExecArray | null;
    let r: Rule;
    if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(rest))) {
      r = { kind: 'M', month: Number(m[1]), week: Number(m[2]), day: Number(m[3]), time: 7200 };
      if (r.month < 1 || r.month > 12 || r.week < 1 || r.week > 5 || r.day > 6) return null;
    } else if ((m = /^J(\d{1,3})/.exec(rest))) {
      r = { kind: 'J', day: Number(m[1]), week: 0, month: 0, time: 7200 };
      if (r.day < 1 || r.day > 365) return null;
    } else if ((m = /^(\d{1,3})/.exec(rest))) {
      r = { kind: 'n', day: Number(m[1]), week: 0, month: 0, time: 7200 };
      if (r.day > 365) return null;
    } else return null;
    this.pos += m[0].length;
    if (this.s[this.pos] === '/') {
      this.pos++;
      const t = this.offset(167);
      if (t === null) return null;
      r.time = t;
    }
    return r;
  }
}

/** Seconds from the epoch to local midnight of the day RULE picks in YEAR. */
function ruleDay(rule: Rule, year: number): number {
  let days: number;
  if (rule.kind === 'J') {
    // 1..365, February 29 never counted.
    days = daysFromCivil(year, 1, 1) + rule.day - 1 + (isLeap(year) && rule.day >= 60 ? 1 : 0);
  } else if (rule.kind === 'n') days = daysFromCivil(year, 1, 1) + rule.day;
  else {
    const first = daysFromCivil(year, rule.month, 1);
    const firstDow = ((first + 4) % 7 + 7) % 7;
    let d = first + ((rule.day - firstDow + 7) % 7) + (rule.week - 1) * 7;
    const monthLength = daysFromCivil(year, rule.month + 1, 1) - first;
    while (d - first >= monthLength) d -= 7;
    days = d;
  }
  return days * 86400;
}

/** The zone a POSIX TZ string describes, or null when it is not one. */
export function parsePosixTz(s: string): Zone | null {
  const t = new TzText(s);
  const std = t.name();
  if (std === null) return null;
  const stdOff = t.offset(24);
  if (stdOff === null) return null;
  const stdState: ZoneState = { utoff: -stdOff, abbr: std, isdst: false };
  if (t.pos === s.length) return { at: () => stdState, fixed: true };
  const dst = t.name();
  if (dst === null) return null;
  let dstUtoff = -stdOff + 3600;
  if (t.pos < s.length && s[t.pos] !== ',') {
    const o = t.offset(24);
    if (o === null) return null;
    dstUtoff = -o;
  }
  let start: Rule;
  let end: Rule;
  if (t.pos === s.length) {
    // No rules: the United States' current ones, as the C library assumes.
    start = { kind: 'M', month: 3, week: 2, day: 0, time: 7200 };
    end = { kind: 'M', month: 11, week: 1, day: 0, time: 7200 };
  } else {
    if (s[t.pos] !== ',') return null;
    t.pos++;
    const a = t.rule();
    if (a === null || s[t.pos] !== ',') return null;
    t.pos++;
    const b = t.rule();
    if (b === null || t.pos !== s.length) return null;
    start = a;
    end = b;
  }
  const dstState: ZoneState = { utoff: dstUtoff, abbr: dst, isdst: true };
  return {
    at(time: number): ZoneState {
      const year = civilFromDays(Math.floor((time + stdState.utoff) / 86400))[0];
      // The change to summer time is given in standard time, the change back in summer time.
      const on = ruleDay(start, year) + start.time - stdState.utoff;
      const off = ruleDay(end, year) + end.time - dstUtoff;
      const inDst = on < off ? time >= on && time < off : !(time >= off && time < on);
      return inDst ? dstState : stdState;
    },
  };
}

// ---- TZif zone files -------------------------------------------------------------------------

/** The zone in a TZif file's bytes (RFC 8536, version 2 or later data when present), or null. */
export function parseTzif(bytes: Uint8Array): Zone | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = (at: number): boolean => bytes.length >= at + 44 && bytes[at] === 0x54 && bytes[at + 1] === 0x5a && bytes[at + 2] === 0x69 && bytes[at + 3] === 0x66;
  if (!magic(0)) return null;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(at + 20 + 4 * i));
  const blockSize = (c: number[], timeSize: number): number => {
    const [isut, isstd, leap, time, type, char] = c as [number, number, number, number, number, number];
    return time * timeSize + time + type * 6 + char + leap * (timeSize + 4) + isstd + isut;
  };
  let at = 0;
  let timeSize = 4;
  const version = bytes[4]!;
  if (version >= 0x32) {
    // Skip the 32-bit block to the 64-bit one.
    at = 44 + blockSize(counts(0), 4);
    if (!magic(at)) return null;
    timeSize = 8;
  }
  const [, , , timecnt, typecnt, charcnt] = counts(at) as [number, number, number, number, number, number];
  if (typecnt === 0) return null;
  let p = at + 44;
  const end = p + blockSize(counts(at), timeSize);
  if (end > bytes.length) return null;
  const times: number[] = [];
  for (let i = 0; i < timecnt; i++, p += timeSize) times.push(timeSize === 8 ? Number(view.getBigInt64(p)) : view.getInt32(p));
  const indices = bytes.slice(p, p + timecnt);
  p += timecnt;
  const types: ZoneState[] = [];
  const abbrStart = p + typecnt * 6;
  for (let i = 0; i < typecnt; i++, p += 6) {
    const idx = bytes[p + 5]!;
    let e = abbrStart + idx;
    while (e < abbrStart + charcnt && bytes[e] !== 0) e++;
    types.push({ utoff: view.getInt32(p), isdst: bytes[p + 4] !== 0, abbr: new TextDecoder().decode(bytes.subarray(abbrStart + idx, e)) });
  }
  for (const i of indices) if (i >= typecnt) return null;
  // The footer's TZ string governs times after the last transition.
  let footer: Zone | null = null;
  if (timeSize === 8 && bytes[end] === 10) {
    const close = bytes.indexOf(10, end + 1);
    if (close > end + 1) footer = parsePosixTz(new TextDecoder().decode(bytes.subarray(end + 1, close)));
  }
  return {
    at(t: number): ZoneState {
      if (timecnt === 0 || t < times[0]!) return footer && timecnt === 0 ? footer.at(t) : types[0]!;
      if (t >= times[timecnt - 1]! && footer) return footer.at(t);
      let lo = 0;
      let hi = timecnt - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (times[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      return types[indices[lo]!]!;
    },
  };
}

const ZONEINFO = '/usr/share/zoneinfo/';

/**
 * The zone the TZ-style string S names, as the C library's tzset reads it: "" is UTC, ":NAME" or a
 * NAME with a zone file is that file, else a POSIX TZ string; anything else is UTC under the
 * name's leading letters.
 */
export function zoneFromString(rt: Runtime, s: string): Zone {
  if (s === '') return UTC_ZONE;
  const name = s.startsWith(':') ? s.slice(1) : s;
  if (name !== '' && !name.includes('..') && !name.startsWith('/')) {
    const bytes = rt.host.readFile(ZONEINFO + name);
    const z = bytes && parseTzif(bytes);
    if (z) return z;
  } else if (name.startsWith('/')) {
    const bytes = rt.host.readFile(name);
    const z = bytes && parseTzif(bytes);
    if (z) return z;
  }
  const posix = s.startsWith(':') ? null : parsePosixTz(s);
  if (posix) return posix;
  const m = /^[A-Za-z]+/.exec(name);
  return fixedZone(0, m ? m[0] : 'UTC');
}
