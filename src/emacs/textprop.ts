// Text property primitives (GNU's textprop.c) over the runs of intervals.ts, for strings and buffers.
//
// Every primitive names its text as OBJECT: a string, or a buffer (nil meaning the current
// one). A string's positions are 0-based; a buffer's run from BEG = 1, and its runs are kept
// 0-based (offset by BEG) in BUF_INTERVALS. Error data and the edge cases (equal start and
// end, positions at the very end, a missing LIMIT) follow GNU Emacs 28.2 as recorded in
// test/corpus/textprop.el.

import { BUF_BEGV, BUF_INTERVALS, BUF_OVERLAYS, BUF_MODIFF, BUF_SAVE_MODIFF, BUF_Z, BUF_ZV, MARKER_CHARPOS, PVEC_BUFFER, PVEC_MARKER } from '../heap/layout.ts';
import { Lisp_Cons, Lisp_String, Lisp_Symbol } from '../heap/tags.ts';
import {
  aref, aset, cons, fixnumValue, isFixnum, isPvec, list, makeFixnum, schars, setStringIntervals, stringIntervals,
  xcar, xcdr,
} from '../core/object.ts';
import { DEFSYM, Qnil, Qt, Qinteger_or_marker_p, Qargs_out_of_range } from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal, xsignal2 } from '../core/signal.ts';
import type { Runtime } from '../core/runtime.ts';
import { findSymbolValue } from './eval.ts';
import { copySequence, get, plistGet } from './fns.ts';
import { bint, bslot, bufferLive, currentBuffer, setBint, setCurrentBuffer } from './buffer.ts';
import {
  SET_APPEND, SET_PREPEND, SET_REPLACE, addProperties, hasAllProperties, hasSomeProperties, findRun, plistsEqual, readRuns, removeProperties,
  rootRuns, runEnd, runsDeleteRange, setProperties, writeRuns, plistAtPosition, appendRunsInPlace, type PropertyNote, type Runs,
} from './intervals.ts';
import { prepareToModify, signalAfterChange, textPropHooks } from './insdel.ts';
import { recordFirstChange, recordPropertyChange } from './undo.ts';

const Qcategory = DEFSYM('category');
const Qface = DEFSYM('face');
const Qbuffer_or_string_p = DEFSYM('buffer-or-string-p');
const Qfixnump = DEFSYM('fixnump');

const Qchar_property_alias_alist = DEFVAR('char-property-alias-alist', () => Qnil,
  'An alist of (PROP ALIAS...): when a text or overlay property PROP is missing, look up its ALIASes in turn.');
const Qdefault_text_properties = DEFVAR('default-text-properties', () => Qnil,
  'A property list of default values for text properties that a character does not carry itself.');
DEFVAR('text-property-default-nonsticky', (rt) => {
  const pair = (s: string): number => cons(rt, DEFSYM(s), Qt);
  return list(rt, pair('fill-space'), pair('composition'), pair('syntax-table'), pair('display'));
}, 'An alist of (PROP . NONSTICKINESS): PROP is rear-nonsticky by default when NONSTICKINESS is non-nil.');
DEFVAR('inhibit-point-motion-hooks', () => Qt,
  'Non-nil means the point-entered, point-left and intangible text properties are ignored.');

for (const s of ['fill-space', 'composition', 'syntax-table', 'display']) DEFSYM(s);

// ---- the text an OBJECT argument names ----------------------------------------------------

/** Where a primitive's positions live: a string (base 0) or a buffer (base BEG = 1). */
interface Text {
  obj: number;
  isString: boolean;
  /** The first position and one past the last, as Lisp sees them. */
  beg: number;
  end: number;
}

function textOf(rt: Runtime, object: number): Text {
  if ((object & 7) === Lisp_String) return { obj: object, isString: true, beg: 0, end: schars(rt, object) };
  const b = object === Qnil ? currentBuffer(rt) : object;
  if (isPvec(rt, b, PVEC_BUFFER)) return { obj: b, isString: false, beg: 1, end: fixnumValue(aref(rt, b, BUF_Z)) };
  return wrongTypeArgument(rt, Qbuffer_or_string_p, object);
}

function intervalsOf(rt: Runtime, t: Text): number {
  return t.isString ? stringIntervals(rt, t.obj) : aref(rt, t.obj, BUF_INTERVALS);
}

/** The runs of T, or null when it has no intervals at all. */
function runsOf(rt: Runtime, t: Text): Runs | null {
  return readRuns(rt, intervalsOf(rt, t), t.end - t.beg);
}

function storeRuns(rt: Runtime, t: Text, r: Runs | null): void {
  const v = writeRuns(rt, r);
  if (t.isString) setStringIntervals(rt, t.obj, v);
  else aset(rt, t.obj, BUF_INTERVALS, v);
}

/** A position argument: an integer or a marker (CHECK_FIXNUM_COERCE_MARKER). */
function positionValue(rt: Runtime, x: number): number {
  if (isFixnum(x)) return fixnumValue(x);
  if (isPvec(rt, x, PVEC_MARKER)) {
    const p = aref(rt, x, MARKER_CHARPOS);
    if (isFixnum(p)) return fixnumValue(p);
    return error(rt, 'Marker does not point anywhere');
  }
  return wrongTypeArgument(rt, Qinteger_or_marker_p, x);
}

/** Bounds a buffer's text allows: its accessible portion. */
function accessible(rt: Runtime, t: Text): [number, number] {
  if (t.isString) return [0, t.end];
  return [fixnumValue(aref(rt, t.obj, BUF_BEGV)), fixnumValue(aref(rt, t.obj, BUF_ZV))];
}

/**
 * GNU's validate_interval_range for a range: START and END in either order; an empty range is
 * no range at all (null, before any bounds check); outside the text is args-out-of-range with
 * the arguments as given. Returns [s, e] 0-based run offsets, or null.
 */
function validateRange(rt: Runtime, t: Text, start: number, end: number): [number, number] | null {
  let s = positionValue(rt, start);
  let e = positionValue(rt, end);
  if (s === e) return null;
  if (s > e) [s, e] = [e, s];
  const [lo, hi] = accessible(rt, t);
  if (t.isString ? !(lo <= s && e <= hi) : !(lo <= s && e <= hi)) xsignal2(rt, Qargs_out_of_range, start, end);
  return [s - t.beg, e - t.beg];
}

/** A single position: may be the end of the text; outside it is args-out-of-range (POS POS). */
function validatePosition(rt: Runtime, t: Text, pos: number): number {
  const p = positionValue(rt, pos);
  const [lo, hi] = accessible(rt, t);
  if (!(lo <= p && p <= hi)) xsignal2(rt, Qargs_out_of_range, pos, pos);
  return p - t.beg;
}

/** A PROPERTIES argument as GNU's validate_plist: a list of even length, or X meaning (X nil). */
function validatePlist(rt: Runtime, props: number): number {
  if (props === Qnil || (props & 7) === Lisp_Cons) {
    let n = 0;
    let tail = props;
    // A dotted tail is ignored, as GNU's count of the conses does.
    for (; (tail & 7) === Lisp_Cons; tail = xcdr(rt, tail)) n++;
    if (n & 1) error(rt, 'Odd length text property list');
    return props;
  }
  return list(rt, props, Qnil);
}

// ---- looking properties up -----------------------------------------------------------------

/**
 * GNU's textget: PROP's value in PLIST, else through its `category' symbol, else through
 * `char-property-alias-alist', else `default-text-properties'.
 */
export function textget(rt: Runtime, plist: number, prop: number): number {
  let fallback = Qnil;
  for (let tail = plist; (tail & 7) === Lisp_Cons; ) {
    const rest = xcdr(rt, tail);
    if ((rest & 7) !== Lisp_Cons) break;
    const k = xcar(rt, tail);
    if (k === prop) return xcar(rt, rest);
    if (k === Qcategory) {
      const cat = xcar(rt, rest);
      if ((cat & 7) === Lisp_Symbol) fallback = get(rt, cat, prop);
    }
    tail = xcdr(rt, rest);
  }
  if (fallback !== Qnil) return fallback;
  const aliases = findSymbolValue(rt, Qchar_property_alias_alist);
  if ((aliases & 7) === Lisp_Cons) {
    for (let a = aliases; (a & 7) === Lisp_Cons; a = xcdr(rt, a)) {
      const entry = xcar(rt, a);
      if ((entry & 7) !== Lisp_Cons || xcar(rt, entry) !== prop) continue;
      let tem = Qnil;
      for (let al = xcdr(rt, entry); tem === Qnil && (al & 7) === Lisp_Cons; al = xcdr(rt, al)) tem = plistGet(rt, plist, xcar(rt, al));
      if (tem !== Qnil) return tem;
      break;
    }
  }
  const dflt = findSymbolValue(rt, Qdefault_text_properties);
  if ((dflt & 7) === Lisp_Cons) return plistGet(rt, dflt, prop);
  return Qnil;
}

/** The plist at position P (0-based run offset) of T, nil at the end. */
function plistAt(rt: Runtime, t: Text, p: number): number {
  const iv = intervalsOf(rt, t);
  if (iv === Qnil || p >= t.end - t.beg) return Qnil;
  return plistAtPosition(rt, iv, p);
}

export const textPropertiesAt = DEFUN('text-properties-at', 1, 2, 'Give the property list of the character at POSITION in OBJECT (a string, or a buffer, the current one by default); nil at the end of the text.', (rt, position: number, object: number) => {
  const t = textOf(rt, object);
  const p = validatePosition(rt, t, position);
  return plistAt(rt, t, p);
});

export const getTextProperty = DEFUN('get-text-property', 2, 3, 'Give the value of the text property PROP of the character at POSITION in OBJECT.', (rt, position: number, prop: number, object: number) =>
  textget(rt, textPropertiesAt(rt, position, object), prop),
);

/**
 * What overlays contribute to character properties (set by overlay.ts): the overlay of buffer B
 * (or the current one) that gives PROP a non-nil value at POS (or, for `get-pos-property', at an
 * insertion there), or nil; and the next/previous overlay boundary from POS.
 */
export const overlayProps = {
  at: (_rt: Runtime, _b: number, _pos: number, _prop: number, _insertion: boolean): number => Qnil,
  change: (_rt: Runtime, _b: number, _pos: number, _forward: boolean): number => -1,
};

/** get-char-property-and-overlay's answer as [value, overlay or nil]. */
function charProperty(rt: Runtime, position: number, prop: number, object: number): [number, number] {
  const b = object === Qnil ? currentBuffer(rt) : object;
  if (isPvec(rt, b, PVEC_BUFFER)) {
    // A buffer position must be in the accessible text (the error names just the position, as GNU's).
    const p = positionValue(rt, position);
    if (p < bint(rt, b, BUF_BEGV) || p > bint(rt, b, BUF_ZV)) xsignal(Qargs_out_of_range, list(rt, position));
    if (bslot(rt, b, BUF_OVERLAYS) !== Qnil) {
      const ov = overlayProps.at(rt, b, p, prop, false);
      if (ov !== Qnil) return [overlayGetHook(rt, ov, prop), ov];
    }
  }
  return [getTextProperty(rt, position, prop, object), Qnil];
}
/** Set by overlay.ts: an overlay's PROP. */
export const overlayGetHookRef = { fn: (_rt: Runtime, _ov: number, _prop: number): number => Qnil };
const overlayGetHook = (rt: Runtime, ov: number, prop: number): number => overlayGetHookRef.fn(rt, ov, prop);

export const getCharProperty = DEFUN('get-char-property', 2, 3, 'Give the value of PROP at POSITION in OBJECT, from an overlay there if a buffer\'s overlay has it, else from the text.', (rt, position: number, prop: number, object: number) =>
  charProperty(rt, position, prop, object)[0],
);

DEFUN('get-char-property-and-overlay', 2, 3, 'Give (VALUE . OVERLAY): the value of PROP at POSITION in OBJECT as `get-char-property\' finds it, and the overlay it came from (nil: the text itself).', (rt, position: number, prop: number, object: number) => {
  const [v, ov] = charProperty(rt, position, prop, object);
  return cons(rt, v, ov);
});

DEFUN('get-pos-property', 2, 3, 'Give the value of PROP that text inserted at POSITION would inherit, from overlays and stickiness; for a string, the text property at POSITION.', (rt, position: number, prop: number, object: number) => {
  const t = textOf(rt, object);
  if (t.isString) return getTextProperty(rt, position, prop, object);
  const p = validatePosition(rt, t, position);
  if (bslot(rt, t.obj, BUF_OVERLAYS) !== Qnil) {
    const ov = overlayProps.at(rt, t.obj, p + t.beg, prop, true);
    if (ov !== Qnil) return overlayGetHook(rt, ov, prop);
  }
  // A buffer: what stickiness would hand to text inserted here.
  const r = runsOf(rt, t);
  if (r === null) return Qnil;
  const [lo, hi] = accessible(rt, t);
  const pos = p + t.beg;
  const left = pos > lo ? r.plists[findRun(r, p - 1)]! : Qnil;
  const right = pos < hi ? r.plists[findRun(r, p)]! : Qnil;
  const rear = pos > lo && rearSticky(rt, left, prop);
  const front = pos < hi && stickyIn(rt, plistGetRaw(rt, right, Qfront_sticky).value, prop);
  // Sticky both ways: the character before wins only with a non-nil value (GNU's text_property_stickiness).
  if (rear && (!front || textget(rt, left, prop) !== Qnil)) return textget(rt, left, prop);
  if (front) return textget(rt, right, prop);
  return Qnil;
});

// ---- changing properties -----------------------------------------------------------------

/** GNU's add_text_properties_1: give [START, END) of OBJECT the pairs of PROPS. */
function addTextProperties(rt: Runtime, start: number, end: number, props: number, object: number, setType: number): boolean {
  const t = textOf(rt, object);
  const range = validateRange(rt, t, start, end);
  if (range === null) return false;
  props = validatePlist(rt, props);
  let r = runsOf(rt, t);
  if (r === null) {
    if (props === Qnil) return false;
    r = rootRuns(t.end - t.beg);
  }
  if (!t.isString) {
    const [s, e] = range;
    const wanted = props;
    return changeBuffer(rt, t, s, e, props, (rr) => someRun(rr, s, e, (pl) => !hasAllProperties(rt, wanted, pl)),
      (rr, note) => addProperties(rt, rr, s, e, wanted, setType, note));
  }
  const changed = addProperties(rt, r, range[0], range[1], props, setType);
  storeRuns(rt, t, r);
  return changed;
}

/** Does some run overlapping [S, E) satisfy TEST? */
function someRun(r: Runs, s: number, e: number, test: (plist: number) => boolean): boolean {
  for (let i = findRun(r, s); i < r.starts.length && r.starts[i]! < e; i++) if (test(r.plists[i]!)) return true;
  return false;
}

/**
 * Change the properties of [S, E) of a buffer as GNU's modify_text_properties does: only when
 * WOULD_CHANGE says something will change, with the buffer made current, read-only checked,
 * before-change-functions run, the modification tick (not the characters' tick) bumped and
 * after-change-functions run. VALUE is kept rooted across the hooks.
 */
function changeBuffer(rt: Runtime, t: Text, s: number, e: number, value: number,
  wouldChange: (r: Runs) => boolean, apply: (r: Runs, note: PropertyNote) => boolean): boolean {
  const current = runsOf(rt, t) ?? rootRuns(t.end - t.beg);
  if (!wouldChange(current)) return false;
  const sp = rt.sp;
  const old = currentBuffer(rt);
  rt.push(old);
  rt.push(t.obj);
  rt.push(value);
  try {
    if (old !== t.obj) setCurrentBuffer(rt, t.obj);
    try {
      prepareToModify(rt, s + t.beg, e + t.beg);
      // The hooks may have changed the text or its properties: start from what is there now.
      const now = bufferText(rt, t.obj);
      const r = runsOf(rt, now) ?? rootRuns(now.end - now.beg);
      // As GNU's modify_text_properties: the first-change entry and the tick come before the
      // property entries the change itself records.
      if (bint(rt, t.obj, BUF_MODIFF) <= bint(rt, t.obj, BUF_SAVE_MODIFF)) recordFirstChange(rt);
      setBint(rt, t.obj, BUF_MODIFF, bint(rt, t.obj, BUF_MODIFF) + 1);
      const changed = apply(r, (rr, i, sym, oldValue) => recordPropertyChange(rt, now.beg + rr.starts[i]!, now.beg + runEnd(rr, i), sym, oldValue));
      storeRuns(rt, now, r);
      signalAfterChange(rt, s + t.beg, e + t.beg, e - s);
      return changed;
    } finally {
      if (old !== t.obj && bufferLive(rt, old)) setCurrentBuffer(rt, old);
    }
  } finally {
    rt.sp = sp;
  }
}

DEFUN('put-text-property', 4, 5, 'Set the text property PROPERTY to VALUE on the text from START to END of OBJECT.', (rt, start: number, end: number, prop: number, value: number, object: number) => {
  addTextProperties(rt, start, end, list(rt, prop, value), object, SET_REPLACE);
  return Qnil;
});

export const addTextPropertiesFn = DEFUN('add-text-properties', 3, 4, 'Add the properties of the property list PROPERTIES to the text from START to END of OBJECT; give t if anything changed.', (rt, start: number, end: number, props: number, object: number) =>
  addTextProperties(rt, start, end, props, object, SET_REPLACE) ? Qt : Qnil,
);

DEFUN('add-face-text-property', 3, 5, 'Add FACE to the `face\' property of the text from START to END of OBJECT, in front of the faces there, or after them when APPENDP is non-nil.', (rt, start: number, end: number, face: number, appendp: number, object: number) => {
  addTextProperties(rt, start, end, list(rt, Qface, face), object, appendp === Qnil ? SET_PREPEND : SET_APPEND);
  return Qnil;
});

/** GNU's set_text_properties: the text from START to END gets exactly PROPS. */
export function setTextProperties(rt: Runtime, start: number, end: number, props: number, object: number): number {
  const t = textOf(rt, object);
  // No properties on a whole string: drop its intervals altogether.
  if (props === Qnil && t.isString && isFixnum(start) && isFixnum(end) && fixnumValue(start) === 0 && fixnumValue(end) === t.end) {
    if (stringIntervals(rt, t.obj) === Qnil) return Qnil;
    setStringIntervals(rt, t.obj, Qnil);
    return Qt;
  }
  const range = validateRange(rt, t, start, end);
  let r = runsOf(rt, t);
  if (r === null) {
    if (props === Qnil || range === null) return Qnil;
    r = rootRuns(t.end - t.beg);
  }
  if (range === null) return Qnil;
  props = validatePlist(rt, props);
  if (!t.isString) {
    const [s, e] = range;
    const wanted = props;
    changeBuffer(rt, t, s, e, props, () => true, (rr, note) => {
      setProperties(rt, rr, s, e, wanted, note);
      return true;
    });
    return Qt;
  }
  setProperties(rt, r, range[0], range[1], props);
  storeRuns(rt, t, r);
  return Qt;
}

DEFUN('set-text-properties', 3, 4, 'Make PROPERTIES the whole property list of the text from START to END of OBJECT; nil removes them all.', setTextProperties);

function removeTextProperties(rt: Runtime, start: number, end: number, props: number, object: number, plistForm: boolean): number {
  const t = textOf(rt, object);
  const range = validateRange(rt, t, start, end);
  if (range === null) return Qnil;
  const r = runsOf(rt, t);
  if (r === null) return Qnil;
  if (!t.isString) {
    const [s, e] = range;
    return changeBuffer(rt, t, s, e, props, (rr) => someRun(rr, s, e, (pl) => hasSomeProperties(rt, props, pl, plistForm)),
      (rr, note) => removeProperties(rt, rr, s, e, props, plistForm, note)) ? Qt : Qnil;
  }
  const changed = removeProperties(rt, r, range[0], range[1], props, plistForm);
  storeRuns(rt, t, r);
  return changed ? Qt : Qnil;
}

DEFUN('remove-text-properties', 3, 4, 'Remove from the text from START to END of OBJECT the properties named in the property list PROPERTIES (their values do not matter); give t if anything changed.', (rt, start: number, end: number, props: number, object: number) =>
  removeTextProperties(rt, start, end, props, object, true),
);

DEFUN('remove-list-of-text-properties', 3, 4, 'Remove from the text from START to END of OBJECT the properties in the list LIST-OF-PROPERTIES; give t if anything changed.', (rt, start: number, end: number, props: number, object: number) =>
  removeTextProperties(rt, start, end, props, object, false),
);

DEFUN('propertize', 1, MANY, 'Give a copy of STRING with the text properties PROPERTIES (PROP VALUE...) added to all of it.', (rt, args: number[]) => {
  if (!(args.length & 1)) xsignal(DEFSYM('wrong-number-of-arguments'), list(rt, DEFSYM('propertize'), makeFixnum(args.length)));
  const s = args[0]!;
  if ((s & 7) !== Lisp_String) wrongTypeArgument(rt, DEFSYM('stringp'), s);
  let props = Qnil;
  for (let i = 1; i < args.length; i += 2) props = cons(rt, args[i]!, cons(rt, args[i + 1]!, props));
  const copy = copySequence(rt, s);
  addTextProperties(rt, makeFixnum(0), makeFixnum(schars(rt, copy)), props, copy, SET_REPLACE);
  return copy;
});

// ---- scanning for changes ------------------------------------------------------------------

function limitValue(rt: Runtime, limit: number): number | null {
  return limit === Qnil ? null : positionValue(rt, limit);
}

/** What a scan that found no change gives: LIMIT as a number (a marker's position), or nil. */
const limitResult = (lim: number | null): number => (lim === null ? Qnil : makeFixnum(lim));

/** The next change forward from POSITION, where SAME says two runs' plists do not differ. */
function scanForward(rt: Runtime, position: number, object: number, limit: number, same: (a: number, b: number) => boolean): number {
  const lim = limitValue(rt, limit);
  const t = textOf(rt, object);
  const p = validatePosition(rt, t, position);
  const r = runsOf(rt, t);
  if (r === null) return limitResult(lim);
  const i = findRun(r, p);
  const here = r.plists[i]!;
  let n = i + 1;
  while (n < r.starts.length && same(here, r.plists[n]!) && (lim === null || r.starts[n]! + t.beg < lim)) n++;
  const stop = lim !== null ? lim : accessible(rt, t)[1];
  if (n >= r.starts.length || r.starts[n]! + t.beg >= stop) return limitResult(lim);
  return makeFixnum(r.starts[n]! + t.beg);
}

/** The next change backward from POSITION (the char before it first). */
function scanBackward(rt: Runtime, position: number, object: number, limit: number, same: (a: number, b: number) => boolean): number {
  const lim = limitValue(rt, limit);
  const t = textOf(rt, object);
  const p = validatePosition(rt, t, position);
  const r = runsOf(rt, t);
  if (r === null) return limitResult(lim);
  let i = findRun(r, p);
  if (r.starts[i]! === p || p >= r.total) {
    if (p >= r.total && r.starts[i]! !== p) {
      // At the end: the last run holds the char before.
    } else {
      i--;
      if (i < 0) return limitResult(lim);
    }
  }
  const here = r.plists[i]!;
  let n = i - 1;
  while (n >= 0 && same(here, r.plists[n]!) && (lim === null || runEnd(r, n) + t.beg > lim)) n--;
  const stop = lim !== null ? lim : accessible(rt, t)[0];
  if (n < 0 || runEnd(r, n) + t.beg <= stop) return limitResult(lim);
  return makeFixnum(runEnd(r, n) + t.beg);
}

DEFUN('next-property-change', 1, 3, 'Give the position after POSITION in OBJECT where some text property changes, or LIMIT (nil) when none does before it.', (rt, position: number, object: number, limit: number) =>
  scanForward(rt, position, object, limit, (a, b) => plistsEqual(rt, a, b)),
);

export const nextSinglePropertyChange = DEFUN('next-single-property-change', 2, 4, 'Give the position after POSITION in OBJECT where the text property PROP changes, or LIMIT (nil) when it does not before it.', (rt, position: number, prop: number, object: number, limit: number) =>
  scanForward(rt, position, object, limit, (a, b) => textget(rt, a, prop) === textget(rt, b, prop)),
);

DEFUN('previous-property-change', 1, 3, 'Give the position before POSITION in OBJECT where some text property changes, or LIMIT (nil) when none does after it.', (rt, position: number, object: number, limit: number) =>
  scanBackward(rt, position, object, limit, (a, b) => plistsEqual(rt, a, b)),
);

export const previousSinglePropertyChange = DEFUN('previous-single-property-change', 2, 4, 'Give the position before POSITION in OBJECT where the text property PROP changes, or LIMIT (nil) when it does not after it.', (rt, position: number, prop: number, object: number, limit: number) =>
  scanBackward(rt, position, object, limit, (a, b) => textget(rt, a, prop) === textget(rt, b, prop)),
);

DEFUN('next-single-char-property-change', 2, 4, 'Give the position after POSITION in OBJECT where PROP changes as `get-char-property\' sees it; the end of the text (or LIMIT) when it does not.', (rt, position: number, prop: number, object: number, limit: number) => {
  if ((object & 7) === Lisp_String) {
    const r = nextSinglePropertyChange(rt, position, prop, object, limit);
    if (r !== Qnil) return r;
    if (limit === Qnil) return makeFixnum(schars(rt, object));
    if (!isFixnum(limit)) wrongTypeArgument(rt, Qfixnump, limit);
    return limit;
  }
  // A buffer: walk the char-property changes, comparing values as get-char-property gives them.
  const t = textOf(rt, object);
  const p0 = positionValue(rt, position);
  const [begv, zv] = accessible(rt, t);
  const lim = limit === Qnil ? zv : Math.min(positionValue(rt, limit), zv);
  if (p0 < begv || p0 > zv) xsignal(Qargs_out_of_range, list(rt, position));
  if (p0 >= lim) return makeFixnum(lim);
  const value = getCharProperty(rt, makeFixnum(p0), prop, t.obj);
  let p = p0;
  for (;;) {
    p = fixnumValue(charPropertyChange(rt, t, p, lim, true));
    if (p >= lim) return makeFixnum(lim);
    if (getCharProperty(rt, makeFixnum(p), prop, t.obj) !== value) return makeFixnum(p);
  }
});

DEFUN('previous-single-char-property-change', 2, 4, 'Give the position before POSITION in OBJECT where PROP changes as `get-char-property\' sees it; the start of the text (or LIMIT) when it does not.', (rt, position: number, prop: number, object: number, limit: number) => {
  if ((object & 7) === Lisp_String) {
    const r = previousSinglePropertyChange(rt, position, prop, object, limit);
    if (r !== Qnil) return r;
    if (limit === Qnil) return makeFixnum(0);
    if (!isFixnum(limit)) wrongTypeArgument(rt, Qfixnump, limit);
    return limit;
  }
  const t = textOf(rt, object);
  const p0 = positionValue(rt, position);
  const [begv, zv] = accessible(rt, t);
  const lim = limit === Qnil ? begv : Math.max(positionValue(rt, limit), begv);
  if (p0 <= lim) return makeFixnum(lim);
  if (p0 > zv) xsignal(Qargs_out_of_range, list(rt, makeFixnum(p0 - 1)));
  const value = getCharProperty(rt, makeFixnum(p0 - 1), prop, t.obj);
  let p = p0;
  for (;;) {
    p = fixnumValue(charPropertyChange(rt, t, p, lim, false));
    if (p <= lim) return makeFixnum(lim);
    if (getCharProperty(rt, makeFixnum(p - 1), prop, t.obj) !== value) return makeFixnum(p);
  }
});

/** The next (or previous) position from P where some text property or overlay boundary is, bounded by LIM. */
function charPropertyChange(rt: Runtime, t: Text, p: number, lim: number, forward: boolean): number {
  const l = makeFixnum(lim);
  const r = forward ? scanForward(rt, makeFixnum(p), t.obj, l, (a, b) => plistsEqual(rt, a, b))
    : scanBackward(rt, makeFixnum(p), t.obj, l, (a, b) => plistsEqual(rt, a, b));
  let q = r === Qnil ? lim : fixnumValue(r);
  if (!t.isString && bslot(rt, t.obj, BUF_OVERLAYS) !== Qnil) {
    const o = overlayProps.change(rt, t.obj, p, forward);
    if (o >= 0) q = forward ? Math.min(q, o) : Math.max(q, o);
  }
  return makeFixnum(q);
}

DEFUN('next-char-property-change', 1, 2, 'Give the position after POSITION in the current buffer where some text property or overlay changes; the end of the accessible text, or LIMIT when it comes first.', (rt, position: number, limit: number) => {
  const t = textOf(rt, Qnil);
  const zv = accessible(rt, t)[1];
  const lim = limit === Qnil ? zv : Math.min(positionValue(rt, limit), zv);
  positionValue(rt, position);
  return charPropertyChange(rt, t, positionValue(rt, position), lim, true);
});

DEFUN('previous-char-property-change', 1, 2, 'Give the position before POSITION in the current buffer where some text property or overlay changes; the start of the accessible text, or LIMIT when it comes first.', (rt, position: number, limit: number) => {
  const t = textOf(rt, Qnil);
  const begv = accessible(rt, t)[0];
  const lim = limit === Qnil ? begv : Math.max(positionValue(rt, limit), begv);
  positionValue(rt, position);
  return charPropertyChange(rt, t, positionValue(rt, position), lim, false);
});

/** GNU's text-property-any and text-property-not-all: the first run in range whose PROP is (not) VALUE. */
function propertyScan(rt: Runtime, start: number, end: number, prop: number, value: number, object: number, want: boolean): number {
  const t = textOf(rt, object);
  const range = validateRange(rt, t, start, end);
  const r = range === null ? null : runsOf(rt, t);
  if (range === null || r === null) {
    // No runs: every PROP is nil.
    if (range === null) return Qnil;
    const matches = value === Qnil;
    return matches === want ? makeFixnum(range[0] + t.beg) : Qnil;
  }
  for (let i = findRun(r, range[0]); i < r.starts.length && r.starts[i]! < range[1]; i++) {
    if ((textget(rt, r.plists[i]!, prop) === value) === want) return makeFixnum(Math.max(r.starts[i]!, range[0]) + t.beg);
  }
  return Qnil;
}

DEFUN('text-property-any', 4, 5, 'Give the first position from START to END of OBJECT whose text property PROP is `eq\' to VALUE, or nil.', (rt, start: number, end: number, prop: number, value: number, object: number) =>
  propertyScan(rt, start, end, prop, value, object, true),
);

DEFUN('text-property-not-all', 4, 5, 'Give the first position from START to END of OBJECT whose text property PROP is not `eq\' to VALUE, or nil.', (rt, start: number, end: number, prop: number, value: number, object: number) =>
  propertyScan(rt, start, end, prop, value, object, false),
);

DEFUN('object-intervals', 1, 1, 'Describe the text properties of OBJECT as a list of (BEG END PLIST) entries, or nil when it has none.', (rt, object: number) => {
  if ((object & 7) !== Lisp_String && !isPvec(rt, object, PVEC_BUFFER)) wrongTypeArgument(rt, Qbuffer_or_string_p, object);
  const t = textOf(rt, object);
  const r = runsOf(rt, t);
  if (r === null) return Qnil;
  const out: number[] = [];
  // Offsets from the start of the text, for a buffer too (GNU's buffer intervals count from 0).
  for (let i = 0; i < r.starts.length; i++)
    out.push(list(rt, makeFixnum(r.starts[i]!), makeFixnum(runEnd(r, i)), r.plists[i]!));
  return list(rt, ...out);
});


// ---- buffers: the insertion, deletion and substring hooks of insdel.ts ----------------------

const Qfront_sticky = DEFSYM('front-sticky');
const Qrear_nonsticky = DEFSYM('rear-nonsticky');
const Qtext_property_default_nonsticky = DEFSYM('text-property-default-nonsticky');

/** Is PROP named by a stickiness value V (t = every property, a list = its members)? */
function stickyIn(rt: Runtime, v: number, prop: number): boolean {
  if (v === Qt) return true;
  for (let t = v; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) if (xcar(rt, t) === prop) return true;
  return false;
}

/** PROP of the char before is inherited by text inserted after it. */
function rearSticky(rt: Runtime, plist: number, prop: number): boolean {
  // rear-nonsticky: any non-nil value but a list means every property (front-sticky needs t).
  const rns = plistGetRaw(rt, plist, Qrear_nonsticky).value;
  if ((rns & 7) === Lisp_Cons ? stickyIn(rt, rns, prop) : rns !== Qnil) return false;
  if (prop === Qrear_nonsticky || prop === Qfront_sticky) return false;
  const dflt = findSymbolValue(rt, Qtext_property_default_nonsticky);
  for (let t = dflt; (t & 7) === Lisp_Cons; t = xcdr(rt, t)) {
    const e = xcar(rt, t);
    if ((e & 7) === Lisp_Cons && xcar(rt, e) === prop) return xcdr(rt, e) === Qnil;
  }
  return true;
}

function plistGetRaw(rt: Runtime, plist: number, prop: number): { found: boolean; value: number } {
  for (let t = plist; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t)))
    if (xcar(rt, t) === prop) return { found: true, value: xcar(rt, xcdr(rt, t)) };
  return { found: false, value: Qnil };
}

/**
 * The properties text inserted between a char with plist LEFT and one with RIGHT inherits: a
 * property front-sticky on the right comes from there unless the left's is rear-sticky (the
 * left wins); the ones taken from the right are listed in a fresh `front-sticky'.
 */
function mergeSticky(rt: Runtime, left: number, right: number): number {
  const fs = plistGetRaw(rt, right, Qfront_sticky).value;
  const pairs: number[] = [];
  const fromRight: number[] = [];
  const seen = new Set<number>();
  for (let t = left; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const k = xcar(rt, t);
    if (seen.has(k)) continue;
    seen.add(k);
    if (rearSticky(rt, left, k)) pairs.push(k, xcar(rt, xcdr(rt, t)));
  }
  const taken = new Set<number>();
  for (let i = 0; i < pairs.length; i += 2) taken.add(pairs[i]!);
  for (let t = right; (t & 7) === Lisp_Cons && (xcdr(rt, t) & 7) === Lisp_Cons; t = xcdr(rt, xcdr(rt, t))) {
    const k = xcar(rt, t);
    if (k === Qfront_sticky || k === Qrear_nonsticky || taken.has(k)) continue;
    if (!stickyIn(rt, fs, k)) continue;
    taken.add(k);
    pairs.push(k, xcar(rt, xcdr(rt, t)));
    fromRight.push(k);
  }
  // The new text's front-sticky names what it took from the right, and what it took from the
  // left that was front-sticky there.
  const lfs = plistGetRaw(rt, left, Qfront_sticky).value;
  const sticky: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const k = pairs[i]!;
    if (fromRight.includes(k) || stickyIn(rt, lfs, k)) sticky.push(k);
  }
  let r = Qnil;
  for (let i = pairs.length - 2; i >= 0; i -= 2) r = cons(rt, pairs[i]!, cons(rt, pairs[i + 1]!, r));
  if (sticky.length > 0) r = cons(rt, Qfront_sticky, cons(rt, list(rt, ...sticky), r));
  return r;
}

function bufferText(rt: Runtime, b: number): Text {
  return { obj: b, isString: false, beg: 1, end: fixnumValue(aref(rt, b, BUF_Z)) };
}

/** Text was inserted at FROM (NCHARS chars, from SOURCE at SOURCE_START when a string). */
function bufferInserted(rt: Runtime, b: number, from: number, nchars: number, source: number, sourceStart: number, inherit: boolean): void {
  const srcIv = (source & 7) === Lisp_String ? stringIntervals(rt, source) : Qnil;
  const iv = aref(rt, b, BUF_INTERVALS);
  // Plain text into a buffer without properties (most inserts): nothing to do, nothing to allocate.
  if (iv === Qnil && srcIv === Qnil) return;
  const t = bufferText(rt, b);
  const total = t.end - t.beg;
  const pos = from - 1;
  if (iv !== Qnil && !inherit && pos === total - nchars) {
    // Appending at the end (how buffers are mostly built): the new text's runs go after the
    // last one, which is what growing it and splitting the new text off comes to.
    const starts: number[] = [];
    const plists: number[] = [];
    if (srcIv === Qnil) {
      starts.push(pos);
      plists.push(Qnil);
    } else {
      const src = readRuns(rt, srcIv, schars(rt, source))!;
      for (let i = findRun(src, sourceStart); i < src.starts.length && src.starts[i]! < sourceStart + nchars; i++) {
        starts.push(Math.max(src.starts[i]!, sourceStart) - sourceStart + pos);
        plists.push(copyListOf(rt, src.plists[i]!));
      }
    }
    aset(rt, b, BUF_INTERVALS, appendRunsInPlace(rt, iv, starts, plists));
    return;
  }
  const old = readRuns(rt, iv, total - nchars);
  let r: Runs;
  let inherited = Qnil;
  if (old === null) {
    if (srcIv === Qnil) return;
    r = rootRuns(total);
  } else {
    r = old;
    inherited = growForInsertion(rt, r, pos, nchars);
  }
  if (srcIv !== Qnil) {
    // The string's own runs replace the inserted stretch.
    const src = readRuns(rt, srcIv, schars(rt, source))!;
    const starts: number[] = [];
    const plists: number[] = [];
    for (let i = findRun(src, sourceStart); i < src.starts.length && src.starts[i]! < sourceStart + nchars; i++) {
      starts.push(Math.max(src.starts[i]!, sourceStart) - sourceStart + pos);
      let pl = copyListOf(rt, src.plists[i]!);
      // insert-and-inherit: what stickiness hands over wins; the string's own properties join
      // it (in front) only where it lacks them.
      if (inherit && inherited !== Qnil) {
        let merged = copyListOf(rt, inherited);
        for (let q = pl; (q & 7) === Lisp_Cons && (xcdr(rt, q) & 7) === Lisp_Cons; q = xcdr(rt, xcdr(rt, q)))
          if (!plistGetRaw(rt, merged, xcar(rt, q)).found) merged = cons(rt, xcar(rt, q), cons(rt, xcar(rt, xcdr(rt, q)), merged));
        pl = merged;
      }
      plists.push(pl);
    }
    replaceStretch(rt, r, pos, pos + nchars, starts, plists);
  } else if (!inherit) setProperties(rt, r, pos, pos + nchars, Qnil);
  storeRuns(rt, t, r);
}

function copyListOf(rt: Runtime, l: number): number {
  return (l & 7) === Lisp_Cons ? copySequence(rt, l) : l;
}

/** Runs [FROM, TO) become the given runs (split at FROM and TO first). */
function replaceStretch(rt: Runtime, r: Runs, from: number, to: number, starts: number[], plists: number[]): void {
  setProperties(rt, r, from, to, Qnil);
  const i = findRun(r, from);
  r.starts.splice(i, 1, ...starts);
  r.plists.splice(i, 1, ...plists);
}

/**
 * Make room for NCHARS chars inserted at POS: inside a run, that run grows; at a boundary the
 * run before grows when what the text inherits by stickiness is its plist, else a new run with
 * the inherited plist is made (merged into the run after when equal to it).
 */
function growForInsertion(rt: Runtime, r: Runs, pos: number, nchars: number): number {
  const before = r.total;
  r.total += nchars;
  const i = findRun(r, pos);
  const shift = (from: number): void => {
    for (let k = from; k < r.starts.length; k++) r.starts[k] = r.starts[k]! + nchars;
  };
  if (pos > r.starts[i]! || pos === before) {
    // Inside run i, or at the very end: run i grows.
    shift(i + 1);
    return pos > r.starts[i]! ? r.plists[i]! : mergeSticky(rt, r.plists[i]!, Qnil);
  }
  if (i === 0) {
    // At the start: the first run grows unless its properties are not for the new text.
    const merged = mergeSticky(rt, Qnil, r.plists[0]!);
    shift(1);
    if (!plistsEqual(rt, merged, r.plists[0]!)) {
      r.starts.splice(1, 0, nchars);
      r.plists.splice(1, 0, r.plists[0]!);
      r.plists[0] = merged;
    }
    return merged;
  }
  const prev = i - 1;
  const merged = mergeSticky(rt, r.plists[prev]!, r.plists[i]!);
  if (plistsEqual(rt, merged, r.plists[prev]!)) {
    shift(i);
    return merged;
  }
  if (plistsEqual(rt, merged, r.plists[i]!)) {
    shift(i + 1);
    return merged;
  }
  shift(i);
  r.starts.splice(i, 0, pos);
  r.plists.splice(i, 0, merged);
  return merged;
}

function bufferDeleted(rt: Runtime, b: number, from: number, to: number): void {
  if (aref(rt, b, BUF_INTERVALS) === Qnil) return;
  const t = bufferText(rt, b);
  const total = t.end - t.beg;
  const r = readRuns(rt, aref(rt, b, BUF_INTERVALS), total + (to - from));
  if (r === null) return;
  runsDeleteRange(r, from - 1, to - 1);
  storeRuns(rt, t, r.total === 0 ? null : r);
}

/**
 * buffer-substring's properties: the runs of FROM..TO copied as they are (GNU's copy_intervals:
 * plists keep their order and runs without properties stay apart), none when no run has any.
 */
function bufferSubstringProps(rt: Runtime, b: number, from: number, to: number, s: number): void {
  if (aref(rt, b, BUF_INTERVALS) === Qnil) return;
  const t = bufferText(rt, b);
  const r = readRuns(rt, aref(rt, b, BUF_INTERVALS), t.end - t.beg);
  if (r === null) return;
  const lo = from - 1;
  const hi = to - 1;
  const starts: number[] = [];
  const plists: number[] = [];
  let any = false;
  for (let i = findRun(r, lo); i < r.starts.length && r.starts[i]! < hi; i++) {
    starts.push(Math.max(r.starts[i]!, lo) - lo);
    plists.push(copyListOf(rt, r.plists[i]!));
    if (r.plists[i] !== Qnil) any = true;
  }
  if (!any) return;
  setStringIntervals(rt, s, writeRuns(rt, { starts, plists, total: hi - lo }));
}

const Qread_only = DEFSYM('read-only');
const Qtext_read_only = DEFSYM('text-read-only');
const Qinhibit_read_only = DEFSYM('inhibit-read-only');

/**
 * The `read-only' text property (GNU's verify_interval_modification, that part of it): changing
 * START..END is refused when a char there is read-only; inserting at START is refused when the
 * new text would inherit read-only by stickiness. `inhibit-read-only' non-nil lifts it; a list
 * lifts it only for the read-only values it holds. The error's data is the value when a string.
 */
function verifyModification(rt: Runtime, b: number, start: number, end: number): void {
  // Apart from the check proper: its closure's context was allocated on every edit, even here.
  if (aref(rt, b, BUF_INTERVALS) !== Qnil) verifyReadOnlyText(rt, b, start, end);
}

function verifyReadOnlyText(rt: Runtime, b: number, start: number, end: number): void {
  const iv = aref(rt, b, BUF_INTERVALS);
  const inhibit = findSymbolValue(rt, Qinhibit_read_only);
  if (inhibit !== Qnil && (inhibit & 7) !== Lisp_Cons) return;
  const t = bufferText(rt, b);
  const r = readRuns(rt, iv, t.end - t.beg)!;
  const refuse = (value: number): void => {
    if (value === Qnil) return;
    for (let l = inhibit; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) if (xcar(rt, l) === value) return;
    xsignal(Qtext_read_only, (value & 7) === Lisp_String ? list(rt, value) : Qnil);
  };
  if (start > end) [start, end] = [end, start];
  if (start < end) {
    for (let i = findRun(r, start - 1); i < r.starts.length && r.starts[i]! < end - 1; i++) refuse(textget(rt, r.plists[i]!, Qread_only));
    return;
  }
  const p = start - 1;
  if (p > 0) {
    const left = r.plists[findRun(r, p - 1)]!;
    if (rearSticky(rt, left, Qread_only)) refuse(textget(rt, left, Qread_only));
  }
  if (p < r.total) {
    const right = r.plists[findRun(r, p)]!;
    if (stickyIn(rt, plistGetRaw(rt, right, Qfront_sticky).value, Qread_only)) refuse(textget(rt, right, Qread_only));
  }
}

textPropHooks.verifyModification = verifyModification;
textPropHooks.inserted = bufferInserted;
textPropHooks.deleted = bufferDeleted;
textPropHooks.substring = bufferSubstringProps;
