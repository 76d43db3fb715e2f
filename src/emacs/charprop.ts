// Unicode character properties as GNU Emacs 28.2's `get-char-code-property' gives them, from etc/charprop.txt (scripts/gen-charprop.mjs).
//
// Each property is one line of the file; it is decoded the first time the property is asked
// for, so start-up and the dumped image carry none of it. The decoded tables are plain JS data,
// the same for every runtime and never changed, so they are kept once per process; Lisp values
// are made from them at each call.

import { readKeyedLines } from './etc-files.ts';
import type { Runtime } from '../core/runtime.ts';
import { list, listFromArray, makeFloat, makeInteger, makeString } from '../core/object.ts';
import { Qnil } from '../core/symbols.ts';
import { internString } from '../core/obarray.ts';
import { makeFixnum } from '../heap/tags.ts';
import { HANGUL_PARTS } from './ucs-names-data.ts';


let lines: Map<string, string> | null = null;

/** Whether the file has been read yet (a test checks that start-up leaves it alone). */
export const charpropFileRead = (): boolean => lines !== null;

/** The file's lines by property name, read once. */
function fileLines(rt: Runtime): Map<string, string> {
  if (lines !== null) return lines;
  const m = readKeyedLines(rt, 'charprop.txt');
  lines = m;
  return m;
}

/** A property given as runs: sorted starts and ends, and the value text of each run. */
interface Runs {
  from: Int32Array;
  to: Int32Array;
  value: string[];
}

const runTables = new Map<string, Runs>();

function runsOf(rt: Runtime, prop: string): Runs {
  let t = runTables.get(prop);
  if (t) return t;
  const fields = (fileLines(rt).get(prop) ?? '').split(' ').filter((f) => f !== '');
  t = { from: new Int32Array(fields.length), to: new Int32Array(fields.length), value: [] };
  fields.forEach((f, i) => {
    const eq = f.indexOf('=');
    const range = f.slice(0, eq);
    const dash = range.indexOf('-');
    t!.from[i] = parseInt(dash < 0 ? range : range.slice(0, dash), 16);
    t!.to[i] = parseInt(dash < 0 ? range : range.slice(dash + 1), 16);
    t!.value.push(f.slice(eq + 1));
  });
  runTables.set(prop, t);
  return t;
}

/** The raw value text of PROP for C (null for the default), for other modules. */
export const charPropertyText = (rt: Runtime, prop: string, c: number): string | null => lookup(rt, prop, c);

/** The value text of PROP for C, or null when C has the property's default. */
function lookup(rt: Runtime, prop: string, c: number): string | null {
  const t = runsOf(rt, prop);
  let lo = 0;
  let hi = t.from.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < t.from[mid]!) hi = mid - 1;
    else if (c > t.to[mid]!) lo = mid + 1;
    else return t.value[mid]!;
  }
  return null;
}

let nameTable: Map<number, string> | null = null;
let oldNameTable: Map<number, string> | null = null;
let nameRanges: [number, number, string][] | null = null;

function names(rt: Runtime): Map<number, string> {
  if (nameTable !== null) return nameTable;
  const all = fileLines(rt);
  const words = (all.get('name-words') ?? '').split(' ');
  const m = new Map<number, string>();
  let prev: string[] = [];
  let code = 0;
  for (const rec of (all.get('name') ?? '').split(' ')) {
    if (rec === '') continue;
    const [delta, keep, idx] = rec.split(':') as [string, string, string];
    code += parseInt(delta, 16);
    const ws = prev.slice(0, Number(keep));
    for (const i of idx.split('.')) ws.push(words[parseInt(i, 36)]!);
    m.set(code, ws.join(' '));
    prev = ws;
  }
  nameRanges = (all.get('name-ranges') ?? '').split('|').filter((r) => r !== '').map((r) => {
    const [range, prefix] = r.split('=') as [string, string];
    const [a, b] = range.split('-') as [string, string];
    return [parseInt(a, 16), parseInt(b, 16), prefix];
  });
  nameTable = m;
  return m;
}

function oldNames(rt: Runtime): Map<number, string> {
  if (oldNameTable !== null) return oldNameTable;
  const m = new Map<number, string>();
  for (const rec of (fileLines(rt).get('old-name') ?? '').split('|')) {
    const eq = rec.indexOf('=');
    if (eq > 0) m.set(parseInt(rec.slice(0, eq), 16), rec.slice(eq + 1));
  }
  oldNameTable = m;
  return m;
}

/** C's Unicode name as GNU gives it, or null (controls, private use, unassigned). */
export function charName(rt: Runtime, c: number): string | null {
  const direct = names(rt).get(c);
  if (direct !== undefined) return direct;
  if (c >= 0xac00 && c <= 0xd7a3) {
    const [lead, vowel, trail] = HANGUL_PARTS as [readonly string[], readonly string[], readonly string[]];
    const s = c - 0xac00;
    const t = trail.length;
    const v = vowel.length;
    return `HANGUL SYLLABLE ${lead[Math.floor(s / (v * t))]}${vowel[Math.floor(s / t) % v]}${trail[s % t]}`;
  }
  for (const [a, b, prefix] of nameRanges!) if (c >= a && c <= b) return prefix + c.toString(16).toUpperCase();
  return null;
}

const intern = (rt: Runtime, name: string): number => internString(rt, makeString(rt, name));

/** A numeric value text of the file as a Lisp number: a float when it has a point. */
const number = (rt: Runtime, text: string): number =>
  text.includes('.') ? makeFloat(rt, Number(text)) : makeInteger(rt, BigInt(text));

/** The properties `get-char-code-property' knows, each turning C into its Lisp value. */
const PROPERTIES: Record<string, (rt: Runtime, c: number) => number> = {
  'general-category': (rt, c) => intern(rt, lookup(rt, 'general-category', c) ?? 'Cn'),
  'name': (rt, c) => {
    const n = charName(rt, c);
    return n === null ? Qnil : makeString(rt, n);
  },
  'old-name': (rt, c) => {
    const n = oldNames(rt).get(c);
    return n === undefined ? Qnil : makeString(rt, n);
  },
  'decomposition': (rt, c) => {
    const d = lookup(rt, 'decomposition', c);
    if (d === null) return list(rt, makeFixnum(c));
    return listFromArray(rt, d.split(',').map((p) => (/^\d+$/.test(p) ? makeFixnum(Number(p)) : intern(rt, p))));
  },
  'mirroring': (rt, c) => relative(rt, 'mirroring', c),
  'mirrored': (rt, c) => intern(rt, lookup(rt, 'mirrored', c) ?? 'N'),
  'uppercase': (rt, c) => relative(rt, 'uppercase', c),
  'lowercase': (rt, c) => relative(rt, 'lowercase', c),
  'titlecase': (rt, c) => relative(rt, 'titlecase', c),
  'bidi-class': (rt, c) => intern(rt, lookup(rt, 'bidi-class', c) ?? 'L'),
  'canonical-combining-class': (rt, c) => makeFixnum(Number(lookup(rt, 'canonical-combining-class', c) ?? 0)),
  'numeric-value': (rt, c) => optionalNumber(rt, 'numeric-value', c),
  'decimal-digit-value': (rt, c) => optionalNumber(rt, 'decimal-digit-value', c),
  'digit-value': (rt, c) => optionalNumber(rt, 'digit-value', c),
};

function relative(rt: Runtime, prop: string, c: number): number {
  const v = lookup(rt, prop, c);
  return v === null ? Qnil : makeFixnum(c + Number(v.slice(1)));
}

function optionalNumber(rt: Runtime, prop: string, c: number): number {
  const v = lookup(rt, prop, c);
  return v === null ? Qnil : number(rt, v);
}

/** Properties whose data lives elsewhere (the special casings: casefiddle.ts), registered there. */
export const extraCharCodeProperties: Record<string, (rt: Runtime, c: number) => number> = {};

/** The value of the property named PROP for the character C, or undefined for a property we do not know. */
export function charCodeProperty(rt: Runtime, c: number, prop: string): number | undefined {
  const f = PROPERTIES[prop] ?? extraCharCodeProperties[prop];
  return f === undefined ? undefined : f(rt, c);
}

/** What `char-code-property-description' says of VALUE of PROP, or null. */
export function propertyValueDescription(rt: Runtime, prop: string, value: string): string | null {
  const line = fileLines(rt).get(`${prop}-descriptions`);
  if (line === undefined) return null;
  for (const entry of line.split('|')) {
    const eq = entry.indexOf('=');
    if (entry.slice(0, eq) === value) return entry.slice(eq + 1);
  }
  return null;
}
