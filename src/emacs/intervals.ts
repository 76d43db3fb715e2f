// Text property intervals (GNU's intervals.c): position-based runs of plists, shared by strings and buffers.
//
// The structure is ordinary Lisp data, so the collector, the dumper and the loader carry it as
// any other object: STR_INTERVALS of a string (BUF_INTERVALS of a buffer) is nil, meaning no
// properties at all, or a normal vector
//
//   [N  START0 PLIST0  START1 PLIST1 ... START(N-1) PLIST(N-1)]
//
// whose runs cover the whole text, START0 being 0 and each run ending where the next starts
// (the last at the text's length). Positions are 0-based character offsets (a buffer's are
// offsets from BEG). The runs are GNU's intervals in order: GNU's tree shape is invisible, but
// where it splits and merges intervals is not (`object-intervals', the printer), so the
// operations here split and merge exactly where GNU's do, found by running GNU Emacs 28.2.
//
// Editing works on a JS view (`Runs`) that is written back as a fresh vector: an edit costs
// O(number of runs), and nothing here calls Lisp, so no collection can happen meanwhile.

import { Lisp_Cons } from '../heap/tags.ts';
import { SYM_INTERNED_IN_INITIAL_OBARRAY, SYM_INTERNED_MASK, SYM_INTERNED_SHIFT } from '../heap/layout.ts';
import {
  aref, cons, fixnumValue, makeFixnum, makeVector, pvecSize, schars, sdata, setStringIntervals, stringIntervals, symbolFlags,
  symbolName, xcar,
  xcdr, xsetcar,
} from '../core/object.ts';
import { DEFSYM, Qnil } from '../core/symbols.ts';
import type { Runtime } from '../core/runtime.ts';

/** A JS view of an interval vector: run i covers [starts[i], starts[i+1]) (the last up to total). */
export interface Runs {
  starts: number[];
  plists: number[];
  total: number;
}

/** Decode an interval vector (nil gives null). */
export function readRuns(rt: Runtime, iv: number, total: number): Runs | null {
  if (iv === Qnil) return null;
  const n = fixnumValue(aref(rt, iv, 0));
  const starts: number[] = new Array(n);
  const plists: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = fixnumValue(aref(rt, iv, 1 + 2 * i));
    plists[i] = aref(rt, iv, 2 + 2 * i);
  }
  return { starts, plists, total };
}

/** Encode runs as a fresh interval vector; no runs (or a null view) give nil. */
export function writeRuns(rt: Runtime, runs: Runs | null): number {
  if (runs === null || runs.starts.length === 0) return Qnil;
  const n = runs.starts.length;
  const v = makeVector(rt, 1 + 2 * n, Qnil);
  const base = ((v & -8) >>> 2) + 1;
  const m = rt.i32;
  m[base] = makeFixnum(n);
  for (let i = 0; i < n; i++) {
    m[base + 1 + 2 * i] = makeFixnum(runs.starts[i]!);
    m[base + 2 + 2 * i] = runs.plists[i]!;
  }
  return v;
}

/** A single run covering the whole text with no properties (GNU's fresh root interval). */
export const rootRuns = (total: number): Runs => ({ starts: [0], plists: [Qnil], total });

export const runEnd = (r: Runs, i: number): number => (i + 1 < r.starts.length ? r.starts[i + 1]! : r.total);

/** Index of the run holding POS (POS = total gives the last run). */
export function findRun(r: Runs, pos: number): number {
  let lo = 0;
  let hi = r.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Does any run carry a property? */
export function runsHaveProperties(r: Runs | null): boolean {
  if (r === null) return false;
  for (const p of r.plists) if (p !== Qnil) return true;
  return false;
}

/** Does interval vector IV carry any property? */
export function intervalsHaveProperties(rt: Runtime, iv: number): boolean {
  if (iv === Qnil) return false;
  const n = fixnumValue(aref(rt, iv, 0));
  for (let i = 0; i < n; i++) if (aref(rt, iv, 2 + 2 * i) !== Qnil) return true;
  return false;
}

/** Count of runs in an interval vector (its capacity may be larger). */
export const intervalCount = (rt: Runtime, iv: number): number => (iv === Qnil ? 0 : fixnumValue(aref(rt, iv, 0)));
export const intervalsCapacity = (rt: Runtime, iv: number): number => (iv === Qnil ? 0 : (pvecSize(rt, iv) - 1) >> 1);

// ---- plists ---------------------------------------------------------------------------------

/** The cons holding PROP's value in PLIST (scanned in pairs, by eq), or nil. */
export function plistValueCell(rt: Runtime, plist: number, prop: number): number {
  for (let t = plist; (t & 7) === Lisp_Cons; ) {
    const next = xcdr(rt, t);
    if ((next & 7) !== Lisp_Cons) return Qnil;
    if (xcar(rt, t) === prop) return next;
    t = xcdr(rt, next);
  }
  return Qnil;
}

/** A fresh copy of a list's spine (GNU copies an interval's plist when it splits one). */
export function copyList(rt: Runtime, l: number): number {
  if ((l & 7) !== Lisp_Cons) return l;
  const head = cons(rt, xcar(rt, l), Qnil);
  let tail = head;
  for (let t = xcdr(rt, l); (t & 7) === Lisp_Cons; t = xcdr(rt, t)) {
    const c = cons(rt, xcar(rt, t), Qnil);
    rt.i32[((tail & -8) >>> 2) + 1] = c;
    tail = c;
  }
  return head;
}

/** Every PROP VALUE pair of PROPS is in PLIST with an eq value. */
export function hasAllProperties(rt: Runtime, props: number, plist: number): boolean {
  for (let t = props; (t & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const rest = xcdr(rt, t);
    if ((rest & 7) !== Lisp_Cons) break;
    const cell = plistValueCell(rt, plist, xcar(rt, t));
    if (cell === Qnil || xcar(rt, cell) !== xcar(rt, rest)) return false;
  }
  return true;
}

/** Some property named in PROPS (every other element when PLIST_FORM, else each element) is in PLIST. */
export function hasSomeProperties(rt: Runtime, props: number, plist: number, plistForm: boolean): boolean {
  for (let t = props; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) {
    if (plistValueCell(rt, plist, xcar(rt, t)) !== Qnil) return true;
    if (plistForm) {
      t = xcdr(rt, t);
      if ((t & 7) !== Lisp_Cons) break;
    }
  }
  return false;
}

// How add-properties sets a property that is already there (add-face-text-property appends or
// prepends to the face list instead of replacing it).
export const SET_REPLACE = 0;
export const SET_APPEND = 1;
export const SET_PREPEND = 2;

/**
 * add-face-text-property's merge of VALUE into the OLD value of SYM: a list of faces grows by
 * VALUE (in front or at the end), anything else becomes a two-element list. An anonymous face
 * (a plist starting with a keyword) under `face' counts as a single face.
 */
function mergeFace(rt: Runtime, old: number, value: number, setType: number, isFace: boolean): number {
  const oldIsList = (old & 7) === Lisp_Cons && !(isFace && isKeyword(rt, xcar(rt, old)));
  if (oldIsList) return setType === SET_APPEND ? appendTwo(rt, old, cons(rt, value, Qnil)) : cons(rt, value, old);
  return setType === SET_APPEND ? cons(rt, old, cons(rt, value, Qnil)) : cons(rt, value, cons(rt, old, Qnil));
}

/** A symbol whose name starts with a colon and that lives in the initial obarray. */
function isKeyword(rt: Runtime, s: number): boolean {
  if ((s & 7) !== 0) return false;
  const name = symbolName(rt, s);
  if (schars(rt, name) === 0 || rt.u8[sdata(rt, name)] !== 0x3a) return false;
  return ((symbolFlags(rt, s) & SYM_INTERNED_MASK) >>> SYM_INTERNED_SHIFT) === SYM_INTERNED_IN_INITIAL_OBARRAY;
}

function appendTwo(rt: Runtime, a: number, b: number): number {
  const xs: number[] = [];
  for (let t = a; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) xs.push(xcar(rt, t));
  let r = b;
  for (let i = xs.length - 1; i >= 0; i--) r = cons(rt, xs[i]!, r);
  return r;
}

const Qface = DEFSYM('face');

/**
 * Told of a property about to change in run I of R: SYM had OLD there (nil when it was absent).
 * Buffers pass one to record the change for undo (GNU's record_property_change); strings do not.
 */
export type PropertyNote = (r: Runs, i: number, sym: number, old: number) => void;

/** Add the pairs of PROPS to run I's plist (GNU's add_properties): new ones in front. */
export function addToRun(rt: Runtime, r: Runs, i: number, props: number, setType: number, note?: PropertyNote): boolean {
  let changed = false;
  for (let t = props; (t & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const rest = xcdr(rt, t);
    if ((rest & 7) !== Lisp_Cons) break;
    const sym = xcar(rt, t);
    const val = xcar(rt, rest);
    const cell = plistValueCell(rt, r.plists[i]!, sym);
    if (cell !== Qnil) {
      const old = xcar(rt, cell);
      if (old === val) continue;
      note?.(r, i, sym, old);
      xsetcar(rt, cell, setType === SET_REPLACE ? val : mergeFace(rt, old, val, setType, sym === Qface));
      changed = true;
    } else {
      note?.(r, i, sym, Qnil);
      r.plists[i] = cons(rt, sym, cons(rt, val, r.plists[i]!));
      changed = true;
    }
  }
  return changed;
}

/** Take out of run I every property named in PROPS (GNU's remove_properties). */
export function removeFromRun(rt: Runtime, r: Runs, i: number, props: number, plistForm: boolean, note?: PropertyNote): boolean {
  let changed = false;
  for (let t = props; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) {
    const sym = xcar(rt, t);
    let pl = r.plists[i]!;
    // Leading occurrences, then any later ones.
    while ((pl & 7) === Lisp_Cons && xcar(rt, pl) === sym && (xcdr(rt, pl) & 7) === Lisp_Cons) {
      note?.(r, i, sym, xcar(rt, xcdr(rt, pl)));
      pl = xcdr(rt, xcdr(rt, pl));
      changed = true;
    }
    let prev = pl;
    while ((prev & 7) === Lisp_Cons) {
      const valCell = xcdr(rt, prev);
      if ((valCell & 7) !== Lisp_Cons) break;
      const next = xcdr(rt, valCell);
      if ((next & 7) === Lisp_Cons && xcar(rt, next) === sym && (xcdr(rt, next) & 7) === Lisp_Cons) {
        note?.(r, i, sym, xcar(rt, xcdr(rt, next)));
        rt.i32[((valCell & -8) >>> 2) + 1] = xcdr(rt, xcdr(rt, next));
        changed = true;
      } else prev = next;
    }
    r.plists[i] = pl;
    if (plistForm) {
      t = xcdr(rt, t);
      if ((t & 7) !== Lisp_Cons) break;
    }
  }
  return changed;
}

/**
 * Split run I at POS (strictly inside it). The part that is about to change gets a copy of the
 * plist, the other keeps it, as GNU's split does. Returns the index of the changing part.
 */
export function splitRun(rt: Runtime, r: Runs, i: number, pos: number, changeRight: boolean): number {
  const pl = r.plists[i]!;
  r.starts.splice(i + 1, 0, pos);
  r.plists.splice(i + 1, 0, pl);
  if (changeRight) {
    r.plists[i + 1] = copyList(rt, pl);
    return i + 1;
  }
  r.plists[i] = copyList(rt, pl);
  return i;
}

/**
 * The walk add and remove share: apply EDIT to every run of [S, E) (S < E) that WANTS it, splitting
 * a run that straddles S or E only when that run wants the edit. Returns whether anything changed.
 */
function editRuns(rt: Runtime, r: Runs, s: number, e: number, wants: (plist: number) => boolean, edit: (i: number) => boolean): boolean {
  let i = findRun(r, s);
  if (s > r.starts[i]!) {
    if (!wants(r.plists[i]!)) {
      if (runEnd(r, i) >= e) return false;
      i++;
    } else i = splitRun(rt, r, i, s, true);
  }
  let modified = false;
  for (;;) {
    const end = runEnd(r, i);
    if (e <= end) {
      if (e === end) return edit(i) || modified;
      if (!wants(r.plists[i]!)) return modified;
      i = splitRun(rt, r, i, e, false);
      edit(i);
      return true;
    }
    if (edit(i)) modified = true;
    i++;
  }
}

/**
 * GNU's add_text_properties_1 on runs: give [S, E) the pairs of PROPS (S < E). Splits only where
 * a run does not already have them all. Returns whether anything changed.
 */
export function addProperties(rt: Runtime, r: Runs, s: number, e: number, props: number, setType: number, note?: PropertyNote): boolean {
  return editRuns(rt, r, s, e, (pl) => !hasAllProperties(rt, props, pl), (i) => addToRun(rt, r, i, props, setType, note));
}

/** GNU's remove_properties over [S, E): PROPS a plist (remove-text-properties) or a list of names. */
export function removeProperties(rt: Runtime, r: Runs, s: number, e: number, props: number, plistForm: boolean, note?: PropertyNote): boolean {
  return editRuns(rt, r, s, e, (pl) => hasSomeProperties(rt, props, pl, plistForm), (i) => removeFromRun(rt, r, i, props, plistForm, note));
}

/**
 * GNU's set_text_properties_1 on runs: [S, E) becomes one run whose plist is a copy of PROPS,
 * splitting at S and E as needed and swallowing the runs between.
 */
export function setProperties(rt: Runtime, r: Runs, s: number, e: number, props: number, note?: PropertyNote): void {
  let i = findRun(r, s);
  const cutFirst = s > r.starts[i]!;
  if (cutFirst) i = splitRun(rt, r, i, s, true);
  let j = i;
  while (runEnd(r, j) < e) j++;
  const cutLast = runEnd(r, j) > e;
  if (cutLast) splitRun(rt, r, j, e, false);
  // GNU reports a piece cut from a run as if it had had no properties (observed: setting the
  // middle of a propertied run records only the new names, each with the old value nil).
  if (note) for (let k = i; k <= j; k++) noteReplacement(rt, r, k, (k === i && cutFirst) || (k === j && cutLast) ? Qnil : r.plists[k]!, props, note);
  // Runs i..j now cover exactly [s, e): fold them into i.
  r.starts.splice(i + 1, j - i);
  r.plists.splice(i + 1, j - i);
  r.plists[i] = copyList(rt, props);
}

/**
 * What replacing run K's plist OLD by NEW changes, for NOTE: first each old property whose value
 * differs in NEW (or is gone), then each new one whose old value differs (nil when absent).
 */
function noteReplacement(rt: Runtime, r: Runs, k: number, old: number, neu: number, note: PropertyNote): void {
  for (let t = old; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const sym = xcar(rt, t), val = xcar(rt, xcdr(rt, t));
    const cell = plistValueCell(rt, neu, sym);
    if (cell === Qnil || xcar(rt, cell) !== val) note(r, k, sym, val);
  }
  for (let t = neu; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const sym = xcar(rt, t), val = xcar(rt, xcdr(rt, t));
    const cell = plistValueCell(rt, old, sym);
    if (cell === Qnil) note(r, k, sym, Qnil);
    else if (xcar(rt, cell) !== val) note(r, k, sym, xcar(rt, cell));
  }
}

/** One (START END PLIST) piece of text_property_list: the runs of [S, E) with a non-nil plist. */
export interface PropRange {
  start: number;
  end: number;
  plist: number;
}

/** GNU's text_property_list without a PROP filter: the propertied runs overlapping [S, E), clipped. */
export function propertyRanges(r: Runs | null, s: number, e: number): PropRange[] {
  const out: PropRange[] = [];
  if (r === null || s >= e) return out;
  for (let i = findRun(r, s); i < r.starts.length && r.starts[i]! < e; i++) {
    const pl = r.plists[i]!;
    if (pl === Qnil) continue;
    out.push({ start: Math.max(s, r.starts[i]!), end: Math.min(e, runEnd(r, i)), plist: pl });
  }
  return out;
}

/**
 * Copy the properties of SRC's [FROM, TO) onto DST (whose runs may be null) at offset DELTA, as
 * GNU's substring/concat do: each propertied run is added with add-properties, so neighbouring
 * runs with equal plists stay apart and each copied plist comes out with its pairs reversed.
 */
export function copyRanges(rt: Runtime, ranges: PropRange[], dst: Runs | null, dstTotal: number, delta: number): Runs | null {
  for (const p of ranges) {
    if (dst === null) dst = rootRuns(dstTotal);
    addProperties(rt, dst, p.start + delta, p.end + delta, p.plist, SET_REPLACE);
  }
  return dst;
}

// ---- comparing ---------------------------------------------------------------------------

/** Same properties, each with an eq value (GNU's intervals_equal). */
export function plistsEqual(rt: Runtime, a: number, b: number): boolean {
  if (a === b) return true;
  const count = (p: number): number => {
    let n = 0;
    for (let t = p; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) n++;
    return n;
  };
  if (count(a) !== count(b)) return false;
  for (let t = a; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const k = xcar(rt, t);
    let found = false;
    for (let u = b; (u & 7) === Lisp_Cons && (xcdr(rt, u) & 7) === Lisp_Cons; u = xcdr(rt, xcdr(rt, u)))
      if (xcar(rt, u) === k) {
        if (xcar(rt, xcdr(rt, u)) !== xcar(rt, xcdr(rt, t))) return false;
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/** For equal-including-properties: do strings A and B carry the same properties at every char? */
export function stringPropertiesEqual(rt: Runtime, a: number, b: number): boolean {
  const n = schars(rt, a);
  const ra = readRuns(rt, stringIntervals(rt, a), n);
  const rb = readRuns(rt, stringIntervals(rt, b), n);
  if (!intervalsHaveProperties(rt, stringIntervals(rt, a)) && !intervalsHaveProperties(rt, stringIntervals(rt, b))) return true;
  let p = 0;
  while (p < n) {
    const ia = ra === null ? -1 : findRun(ra, p);
    const ib = rb === null ? -1 : findRun(rb, p);
    const pa = ia < 0 ? Qnil : ra!.plists[ia]!;
    const pb = ib < 0 ? Qnil : rb!.plists[ib]!;
    if (!plistsEqual(rt, pa, pb)) return false;
    const ea = ia < 0 ? n : runEnd(ra!, ia);
    const eb = ib < 0 ? n : runEnd(rb!, ib);
    p = Math.min(ea, eb);
  }
  return true;
}

// ---- buffers: text inserted and deleted ----------------------------------------------------

/** Text of length LEN was inserted at POS: the run holding POS grows (stickiness is the caller's). */
export function runsInsertGap(r: Runs, pos: number, len: number, intoRunBefore: boolean): void {
  if (r.starts.length === 0) return;
  let i = findRun(r, pos);
  if (pos === r.starts[i]! && intoRunBefore && i > 0) i--;
  for (let k = i + 1; k < r.starts.length; k++) r.starts[k] = r.starts[k]! + len;
  r.total += len;
}

/** The text [FROM, TO) was deleted: runs inside it vanish, the others close up. */
export function runsDeleteRange(r: Runs, from: number, to: number): void {
  const len = to - from;
  if (len <= 0) return;
  const starts: number[] = [];
  const plists: number[] = [];
  for (let i = 0; i < r.starts.length; i++) {
    const s = r.starts[i]!;
    const e = runEnd(r, i);
    const ns = s <= from ? s : s >= to ? s - len : from;
    const ne = e <= from ? e : e >= to ? e - len : from;
    if (ne > ns) {
      starts.push(ns);
      plists.push(r.plists[i]!);
    }
  }
  r.starts = starts;
  r.plists = plists;
  r.total -= len;
}

// ---- strings -------------------------------------------------------------------------------

/**
 * Copy the properties of string SRC's chars [FROM, TO) onto string DST at DELTA + FROM (GNU's
 * copy_text_properties as substring and concat use it). A string without properties costs one
 * load and compare.
 */
export function copyStringProperties(rt: Runtime, src: number, from: number, to: number, dst: number, delta: number): void {
  const iv = stringIntervals(rt, src);
  if (iv === Qnil) return;
  const ranges = propertyRanges(readRuns(rt, iv, schars(rt, src)), from, to);
  if (ranges.length === 0) return;
  const dstRuns = copyRanges(rt, ranges, readRuns(rt, stringIntervals(rt, dst), schars(rt, dst)), schars(rt, dst), delta);
  setStringIntervals(rt, dst, writeRuns(rt, dstRuns));
}

/** A hash of STRING's properties that agrees with equal-including-properties (boundaries do not count). */
export function stringPropertiesHash(rt: Runtime, s: number, hashEq: (x: number) => number): number {
  const r = readRuns(rt, stringIntervals(rt, s), schars(rt, s));
  if (r === null) return 0;
  let h = 0;
  for (let i = 0; i < r.starts.length; i++) {
    let ph = 0;
    for (let t = r.plists[i]!; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t)))
      ph = (ph + ((hashEq(xcar(rt, t)) * 31) ^ hashEq(xcar(rt, xcdr(rt, t))))) | 0;
    h = (h + Math.imul(ph, runEnd(r, i) - r.starts[i]!)) | 0;
  }
  return h;
}

// ---- in place, without decoding: lookups and appends on long runs ----------------------------

/** The plist of the run holding POS in interval vector IV (POS within the text), by binary search. */
export function plistAtPosition(rt: Runtime, iv: number, pos: number): number {
  const base = ((iv & -8) >>> 2) + 1;
  const m = rt.i32;
  let lo = 0;
  let hi = (m[base]! >> 2) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m[base + 1 + 2 * mid]! >> 2 <= pos) lo = mid;
    else hi = mid - 1;
  }
  return m[base + 2 + 2 * lo]!;
}

/**
 * Append runs (STARTS, PLISTS, each start past the last run's) to interval vector IV, in place
 * when its spare slots allow, else in a copy with twice the room: building a text by appending
 * costs amortised O(1) per run instead of a copy of every run.
 */
export function appendRunsInPlace(rt: Runtime, iv: number, starts: number[], plists: number[]): number {
  const n = fixnumValue(aref(rt, iv, 0));
  const need = n + starts.length;
  let v = iv;
  if (need > intervalsCapacity(rt, iv)) {
    v = makeVector(rt, 1 + 2 * Math.max(need, 2 * n), Qnil);
    const from = ((iv & -8) >>> 2) + 2;
    rt.i32.copyWithin(((v & -8) >>> 2) + 2, from, from + 2 * n);
  }
  const base = ((v & -8) >>> 2) + 1;
  const m = rt.i32;
  for (let k = 0; k < starts.length; k++) {
    m[base + 1 + 2 * (n + k)] = makeFixnum(starts[k]!);
    m[base + 2 + 2 * (n + k)] = plists[k]!;
  }
  m[base] = makeFixnum(need);
  return v;
}
