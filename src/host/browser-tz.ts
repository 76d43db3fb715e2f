// The browser's local time zone as a POSIX TZ string, for the browser host's TZ: a browser has no zone files, but Intl knows the offsets.
//
// The time functions (emacs/timefns-zone.ts) read a zone from /usr/share/zoneinfo or from a
// POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"). A browser gives its zone's IANA name and,
// through Intl, the offset at any instant; from those this finds the year's standard and summer
// offsets, its two changes (as "the Nth weekday of the month" rules, which is how zones state
// them), and abbreviations. What a POSIX string cannot say is history: dates in years whose rules
// differed get this year's rules.

/** Minutes east of UTC in ZONE at instant MS, from the wall clock Intl shows there. */
function offsetAt(fmt: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The zone's abbreviation at MS as some English locale writes it with letters ("CET", "AEST"), else tzdata's numeric style ("+0530"). */
function abbreviation(zone: string, ms: number, offset: number): string {
  for (const loc of ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-CA', 'en-NZ']) {
    try {
      const name = new Intl.DateTimeFormat(loc, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms))
        .find((x) => x.type === 'timeZoneName')?.value;
      if (name !== undefined && /^[A-Za-z]{3,}$/.test(name) && !/^(GMT|UTC)$/.test(name)) return name;
      if (name !== undefined && /^(GMT|UTC)$/.test(name) && offset === 0) return name;
    } catch {
      // a locale this browser lacks
    }
  }
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  return (offset < 0 ? '-' : '+') + hh + (a % 60 !== 0 ? String(a % 60).padStart(2, '0') : '');
}

/** A POSIX offset (hours west, so the sign is flipped) for OFFSET minutes east. */
function posixOffset(offset: number): string {
  const a = Math.abs(offset);
  const mm = a % 60;
  return (offset > 0 ? '-' : '') + Math.floor(a / 60) + (mm !== 0 ? ':' + String(mm).padStart(2, '0') : '');
}

const quoted = (abbr: string): string => (/^[A-Za-z]{3,}$/.test(abbr) ? abbr : `<${abbr}>`);

/** The instant in [LO, HI) where the offset stops being FROM, to the minute. */
function change(fmt: Intl.DateTimeFormat, lo: number, hi: number, from: number): number {
  while (hi - lo > 60000) {
    const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
    if (offsetAt(fmt, mid) === from) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** "Mm.w.d/time" for a change at local wall time WALL (ms, as if UTC): the w-th (5: last) weekday d of month m. */
function rule(wall: number): string {
  const d = new Date(wall);
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const week = day + 7 > daysInMonth ? 5 : Math.ceil(day / 7);
  const secs = Math.round((wall - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day)) / 1000);
  const time = secs % 3600 === 0 ? String(secs / 3600) : `${Math.floor(secs / 3600)}:${String(Math.floor(secs / 60) % 60).padStart(2, '0')}`;
  return `M${d.getUTCMonth() + 1}.${week}.${d.getUTCDay()}/${time}`;
}

/** ZONE (an IANA name) in YEAR as a POSIX TZ string, or null when Intl does not know it. */
export function posixTzFor(zone: string, year: number): string | null {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return null;
  }
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  // The offsets at each day's noon: a zone changes at most twice a year in the cases POSIX can say.
  const changes: number[] = [];
  let prev = offsetAt(fmt, start);
  for (let t = start + 86400000; t <= end; t += 86400000) {
    const o = offsetAt(fmt, t);
    if (o !== prev) {
      changes.push(change(fmt, t - 86400000, t, prev));
      prev = o;
    }
  }
  const first = offsetAt(fmt, start);
  if (changes.length === 0) return quoted(abbreviation(zone, start, first)) + posixOffset(first);
  if (changes.length !== 2) return null;
  const [a, b] = changes as [number, number];
  const before = offsetAt(fmt, a - 60000);
  const after = offsetAt(fmt, a);
  // Standard time has the smaller offset, in either hemisphere.
  const std = Math.min(before, after);
  const dst = Math.max(before, after);
  const [on, off] = after === dst ? [a, b] : [b, a];
  // POSIX gives the change to summer time in standard wall time, the change back in summer wall time.
  return quoted(abbreviation(zone, on - 60000, std)) + posixOffset(std) + quoted(abbreviation(zone, on, dst)) + posixOffset(dst) +
    ',' + rule(on + std * 60000) + ',' + rule(off + dst * 60000);
}
