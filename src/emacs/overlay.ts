// Overlays (GNU keeps them in buffer.c): stretches of a buffer with properties, whose ends are markers.
//
// An overlay is a PVEC_OVERLAY of three slots: its start and end markers (chained in the buffer,
// so they follow insertions and deletions as markers do; front-advance and rear-advance are their
// insertion types) and its property list. The buffer's BUF_OVERLAYS lists its overlays, newest
// first; a buffer without overlays pays nothing (insdel checks that one slot).

import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { funcall } from './eval.ts';
import {
  BUF_BEGV, BUF_NAME, BUF_OVERLAYS, BUF_Z, BUF_ZV, MARKER_BYTEPOS, MARKER_CHARPOS, MARKER_INSERTION_TYPE, OVERLAY_END, OVERLAY_PLIST,
  OVERLAY_SLOTS, OVERLAY_START, PVEC_OVERLAY,
} from '../heap/layout.ts';
import { Lisp_Cons, makeFixnum } from '../heap/tags.ts';
import { cons, isPvec, list, makePvec, makeString as makeStr, xcar, xcdr, xsetcar } from '../core/object.ts';
import { DEFSYM, Qerror, Qnil, Qt } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { registerPvecPrinter } from './print.ts';
import { Qbufferp, bint, bslot, bufferLive, bufferp, cloneHooks, currentBuffer, decodeBuffer, markerp, setBslot, slotBase } from './buffer.ts';
import { makeMarkerAt, markerBuffer, markerCharpos, positionValue, unchainMarker } from './marker.ts';
import { overlayHooks } from './insdel.ts';
import { overlayGetHookRef, overlayProps, textget } from './textprop.ts';

const Qoverlayp = DEFSYM('overlayp');
const Qpriority = DEFSYM('priority');
const Qevaporate = DEFSYM('evaporate');

export const overlayp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_OVERLAY);
const oslot = (rt: Runtime, ov: number, i: number): number => rt.i32[slotBase(ov) + i]!;
const setOslot = (rt: Runtime, ov: number, i: number, v: number): void => {
  rt.i32[slotBase(ov) + i] = v;
};

function checkOverlay(rt: Runtime, x: number): number {
  if (!overlayp(rt, x)) wrongTypeArgument(rt, Qoverlayp, x);
  return x;
}

/** The overlay's buffer, or nil when it was deleted (or its buffer killed). */
export function overlayBuffer(rt: Runtime, ov: number): number {
  const s = oslot(rt, ov, OVERLAY_START);
  return s === Qnil ? Qnil : markerBuffer(rt, s);
}
const ostart = (rt: Runtime, ov: number): number => markerCharpos(rt, oslot(rt, ov, OVERLAY_START));
const oend = (rt: Runtime, ov: number): number => markerCharpos(rt, oslot(rt, ov, OVERLAY_END));

/** The overlays of B, as an array (newest first), keeping only those still in B. */
function overlaysOf(rt: Runtime, b: number): number[] {
  const r: number[] = [];
  for (let l = bslot(rt, b, BUF_OVERLAYS); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const ov = xcar(rt, l);
    if (overlayBuffer(rt, ov) === b) r.push(ov);
  }
  return r;
}

/** OVS (newest first, as BUF_OVERLAYS keeps them) in GNU's list order: by decreasing end, the
 *  newest first among equal ends (see `overlay-lists'). Callers filter first: fewer to sort. */
function byEnd(rt: Runtime, ovs: number[]): number[] {
  const ends = ovs.map((ov) => oend(rt, ov));
  return ovs.map((_, i) => i).sort((i, j) => ends[j]! - ends[i]! || i - j).map((i) => ovs[i]!);
}

function removeFromList(rt: Runtime, b: number, ov: number): void {
  let prev = Qnil;
  for (let l = bslot(rt, b, BUF_OVERLAYS); (l & 7) === Lisp_Cons; prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, l) !== ov) continue;
    if (prev === Qnil) setBslot(rt, b, BUF_OVERLAYS, xcdr(rt, l));
    else rt.i32[((prev & -8) >>> 2) + 1] = xcdr(rt, l);
    return;
  }
}

function deleteOverlay(rt: Runtime, ov: number): void {
  const b = overlayBuffer(rt, ov);
  if (b === Qnil) return;
  removeFromList(rt, b, ov);
  unchainMarker(rt, oslot(rt, ov, OVERLAY_START));
  unchainMarker(rt, oslot(rt, ov, OVERLAY_END));
}

/** A position argument clipped to buffer B's whole text, as markers are. */
function clipped(rt: Runtime, b: number, x: number): number {
  const p = positionValue(rt, x);
  return Math.max(1, Math.min(p, bint(rt, b, BUF_Z)));
}

/** A marker argument must point into B (one that points nowhere does not either). */
function checkMarkerBuffer(rt: Runtime, x: number, b: number): void {
  if (markerp(rt, x) && markerBuffer(rt, x) !== b) xsignal(Qerror, list(rt, makeStr(rt, 'Marker points into wrong buffer'), x));
}

function makeOverlay(rt: Runtime, b: number, beg: number, end: number, front: number, rear: number, plist: number): number {
  const sp = rt.sp;
  const ov = makePvec(rt, PVEC_OVERLAY, OVERLAY_SLOTS, Qnil);
  rt.push(ov);
  setOslot(rt, ov, OVERLAY_PLIST, plist);
  setOslot(rt, ov, OVERLAY_START, makeMarkerAt(rt, b, beg, front === Qnil ? Qnil : Qt));
  setOslot(rt, ov, OVERLAY_END, makeMarkerAt(rt, b, end, rear === Qnil ? Qnil : Qt));
  setBslot(rt, b, BUF_OVERLAYS, cons(rt, ov, bslot(rt, b, BUF_OVERLAYS)));
  rt.sp = sp;
  return ov;
}

DEFUN('overlayp', 1, 1, 'Give t when OBJECT is an overlay.', (rt, x: number) => (overlayp(rt, x) ? Qt : Qnil));

DEFUN('make-overlay', 2, 5, 'Make an overlay from BEG to END in BUFFER (the current one by default).\nFRONT-ADVANCE non-nil: text inserted at the start goes outside it; REAR-ADVANCE non-nil: text inserted at the end goes inside.',
  (rt, beg: number, end: number, buffer: number, front: number, rear: number) => {
    const b = buffer === Qnil ? currentBuffer(rt) : buffer;
    if (!bufferp(rt, b)) wrongTypeArgument(rt, Qbufferp, b);
    // GNU makes the ends as markers of the dead buffer, which then point nowhere.
    if (!bufferLive(rt, b)) error(rt, 'Marker does not point anywhere');
    checkMarkerBuffer(rt, beg, b);
    checkMarkerBuffer(rt, end, b);
    let s = clipped(rt, b, beg);
    let e = clipped(rt, b, end);
    if (s > e) [s, e] = [e, s];
    return makeOverlay(rt, b, s, e, front, rear, Qnil);
  });

DEFUN('delete-overlay', 1, 1, 'Take OVERLAY out of its buffer; it can be put back with `move-overlay\'.', (rt, ov: number) => {
  deleteOverlay(rt, checkOverlay(rt, ov));
  return Qnil;
});

function evaporates(rt: Runtime, ov: number): boolean {
  return ostart(rt, ov) === oend(rt, ov) && overlayGet(rt, ov, Qevaporate) !== Qnil;
}

/** Put OV at S..E (S <= E, within the text) of live buffer B, keeping its advance types; empty and `evaporate': deleted. */
function moveOverlay(rt: Runtime, ov: number, b: number, s: number, e: number): void {
  const old = overlayBuffer(rt, ov);
  const sm = oslot(rt, ov, OVERLAY_START);
  const em = oslot(rt, ov, OVERLAY_END);
  if (old !== b) {
    if (old !== Qnil) removeFromList(rt, old, ov);
    setBslot(rt, b, BUF_OVERLAYS, cons(rt, ov, bslot(rt, b, BUF_OVERLAYS)));
  }
  const sp = rt.sp;
  rt.push(ov);
  setOslot(rt, ov, OVERLAY_START, makeMarkerAt(rt, b, s, rt.i32[slotBase(sm) + MARKER_INSERTION_TYPE]!));
  unchainMarker(rt, sm);
  setOslot(rt, ov, OVERLAY_END, makeMarkerAt(rt, b, e, rt.i32[slotBase(em) + MARKER_INSERTION_TYPE]!));
  unchainMarker(rt, em);
  rt.sp = sp;
  if (evaporates(rt, ov)) deleteOverlay(rt, ov);
}

DEFUN('move-overlay', 3, 4, 'Set the ends of OVERLAY to BEG and END, in BUFFER (by default its own, or the current one).',
  (rt, ov: number, beg: number, end: number, buffer: number) => {
    checkOverlay(rt, ov);
    let b = buffer;
    if (b === Qnil) b = overlayBuffer(rt, ov);
    if (b === Qnil) b = currentBuffer(rt);
    if (!bufferp(rt, b)) wrongTypeArgument(rt, Qbufferp, b);
    if (!bufferLive(rt, b)) {
      deleteOverlay(rt, ov);
      return ov;
    }
    checkMarkerBuffer(rt, beg, b);
    checkMarkerBuffer(rt, end, b);
    let s = clipped(rt, b, beg);
    let e = clipped(rt, b, end);
    if (s > e) [s, e] = [e, s];
    moveOverlay(rt, ov, b, s, e);
    return ov;
  });

DEFUN('overlay-start', 1, 1, 'Give the position where OVERLAY starts, or nil when it is in no buffer.', (rt, ov: number) =>
  overlayBuffer(rt, checkOverlay(rt, ov)) === Qnil ? Qnil : makeFixnum(ostart(rt, ov)));
DEFUN('overlay-end', 1, 1, 'Give the position where OVERLAY ends, or nil when it is in no buffer.', (rt, ov: number) =>
  overlayBuffer(rt, checkOverlay(rt, ov)) === Qnil ? Qnil : makeFixnum(oend(rt, ov)));
DEFUN('overlay-buffer', 1, 1, 'Give the buffer OVERLAY belongs to, or nil.', (rt, ov: number) => overlayBuffer(rt, checkOverlay(rt, ov)));

/** A fresh copy of the property list (the top level), as GNU's overlay-properties gives. */
function copyList(rt: Runtime, l: number): number {
  const xs: number[] = [];
  for (; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) xs.push(xcar(rt, l));
  let r = Qnil;
  const sp = rt.sp;
  for (let i = xs.length - 1; i >= 0; i--) {
    r = cons(rt, xs[i]!, r);
    rt.sp = sp;
    rt.push(r);
  }
  rt.sp = sp;
  return r;
}

DEFUN('overlay-properties', 1, 1, 'Give a list of the properties of OVERLAY (a copy).', (rt, ov: number) =>
  copyList(rt, oslot(rt, checkOverlay(rt, ov), OVERLAY_PLIST)));

/** PROP of OVERLAY, through `category' and `char-property-alias-alist' as text properties are. */
export function overlayGet(rt: Runtime, ov: number, prop: number): number {
  return textget(rt, oslot(rt, ov, OVERLAY_PLIST), prop);
}
overlayGetHookRef.fn = overlayGet;

DEFUN('overlay-get', 2, 2, 'Give the value of OVERLAY\'s property PROP (falling back on the plist of its `category\' symbol).', (rt, ov: number, prop: number) =>
  overlayGet(rt, checkOverlay(rt, ov), prop));

DEFUN('overlay-put', 3, 3, 'Set OVERLAY\'s property PROP to VALUE; give VALUE.', (rt, ov: number, prop: number, value: number) => {
  checkOverlay(rt, ov);
  let found = false;
  let last = Qnil;
  for (let l = oslot(rt, ov, OVERLAY_PLIST); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const rest = xcdr(rt, l);
    if ((rest & 7) !== Lisp_Cons) break;
    if (xcar(rt, l) === prop) {
      xsetcar(rt, rest, value);
      found = true;
      break;
    }
    last = rest;
    l = rest;
  }
  if (!found) {
    const sp = rt.sp;
    rt.push(value);
    const cell = cons(rt, prop, cons(rt, value, Qnil));
    rt.sp = sp;
    // GNU adds a new property at the front.
    void last;
    rt.i32[((xcdr(rt, cell) & -8) >>> 2) + 1] = oslot(rt, ov, OVERLAY_PLIST);
    setOslot(rt, ov, OVERLAY_PLIST, cell);
  }
  if (prop === Qevaporate && value !== Qnil && overlayBuffer(rt, ov) !== Qnil && evaporates(rt, ov)) deleteOverlay(rt, ov);
  return value;
});

// ---- ordering ---------------------------------------------------------------------------------

function priorityOf(rt: Runtime, ov: number): number {
  const p = overlayGet(rt, ov, Qpriority);
  return (p & 3) === 2 ? p >> 2 : 0;
}

/**
 * Sort OVS so that the overlay that wins comes first: higher priority, then the more nested one
 * (starting later, then ending earlier), then the newer one (OVS arrive newest first).
 */
function sortByPrecedence(rt: Runtime, ovs: number[]): number[] {
  const keyed = ovs.map((ov, i) => ({ ov, i, pr: priorityOf(rt, ov), s: ostart(rt, ov), e: oend(rt, ov) }));
  keyed.sort((a, b) => b.pr - a.pr || b.s - a.s || a.e - b.e || a.i - b.i);
  return keyed.map((k) => k.ov);
}

function toList(rt: Runtime, xs: number[]): number {
  let r = Qnil;
  const sp = rt.sp;
  for (let i = xs.length - 1; i >= 0; i--) {
    r = cons(rt, xs[i]!, r);
    rt.sp = sp;
    rt.push(r);
  }
  rt.sp = sp;
  return r;
}

DEFUN('overlays-at', 1, 2, 'Give a list of the overlays that contain the character at POS; with SORTED, in decreasing priority.', (rt, pos: number, sorted: number) => {
  const b = currentBuffer(rt);
  const p = positionValue(rt, pos);
  const ovs = byEnd(rt, overlaysOf(rt, b).filter((ov) => ostart(rt, ov) <= p && p < oend(rt, ov)));
  return toList(rt, sorted === Qnil ? ovs : sortByPrecedence(rt, ovs));
});

/** Overlays overlapping BEG..END, with GNU's rules for empty ones (at BEG, inside, or at END when END is the accessible end). */
function overlaysIn(rt: Runtime, b: number, beg: number, end: number): number[] {
  const zv = bint(rt, b, BUF_ZV);
  return byEnd(rt, overlaysOf(rt, b).filter((ov) => {
    const s = ostart(rt, ov);
    const e = oend(rt, ov);
    if (s === e) return (s >= beg && s < end) || s === beg || (s === end && end >= zv);
    return s < end && e > beg;
  }));
}

DEFUN('overlays-in', 2, 2, 'Give a list of the overlays that overlap BEG..END, including empty ones at BEG, between, or at END when END is the end of the accessible text.',
  (rt, beg: number, end: number) => toList(rt, overlaysIn(rt, currentBuffer(rt), positionValue(rt, beg), positionValue(rt, end))));

function overlayChange(rt: Runtime, b: number, p: number, forward: boolean): number {
  let best = -1;
  for (const ov of overlaysOf(rt, b)) {
    for (const q of [ostart(rt, ov), oend(rt, ov)]) {
      if (forward ? q > p && (best < 0 || q < best) : q < p && q > best) best = q;
    }
  }
  return best;
}

DEFUN('next-overlay-change', 1, 1, 'Give the next position after POS where an overlay starts or ends; the end of the accessible text when none does.', (rt, pos: number) => {
  const b = currentBuffer(rt);
  const zv = bint(rt, b, BUF_ZV);
  const q = overlayChange(rt, b, positionValue(rt, pos), true);
  return makeFixnum(q < 0 ? zv : Math.min(q, zv));
});

DEFUN('previous-overlay-change', 1, 1, 'Give the previous position before POS where an overlay starts or ends; the start of the accessible text when none does.', (rt, pos: number) => {
  const b = currentBuffer(rt);
  const begv = bint(rt, b, BUF_BEGV);
  const q = overlayChange(rt, b, positionValue(rt, pos), false);
  return makeFixnum(q < 0 ? begv : Math.max(q, begv));
});

// GNU keeps a buffer's overlays in two lists split at a center that follows insertions, so it
// sits at the end of the text unless `overlay-recenter' moves it: then every overlay is in the
// first list, by decreasing end (the newest first among equal ends). That is the shape given
// here; tsmacs keeps no center, so `overlay-recenter' changes nothing.
DEFUN('overlay-lists', 0, 0, 'Give the current buffer\'s overlays as a cons: all of them in the car, by decreasing end (newest first where ends are equal), and nil.', (rt) => {
  return cons(rt, toList(rt, byEnd(rt, overlaysOf(rt, currentBuffer(rt)))), Qnil);
});

DEFUN('overlay-recenter', 1, 1, 'Recenter the overlays of the current buffer around POS (a no-op: tsmacs keeps no center, see `overlay-lists\').', (rt, pos: number) => {
  positionValue(rt, pos);
  return Qnil;
});

DEFUN('delete-all-overlays', 0, 1, 'Delete every overlay of BUFFER (the current one by default).', (rt, buffer: number) => {
  const b = decodeBuffer(rt, buffer);
  for (const ov of overlaysOf(rt, b)) deleteOverlay(rt, ov);
  setBslot(rt, b, BUF_OVERLAYS, Qnil);
  return Qnil;
});

function copyOverlay(rt: Runtime, o: number): number {
  const b = overlayBuffer(rt, o);
  const sp = rt.sp;
  const plist = copyList(rt, oslot(rt, o, OVERLAY_PLIST));
  rt.push(plist);
  let ov: number;
  if (b === Qnil) {
    // In no buffer: made in the current buffer, then taken out, as GNU's copy does.
    ov = makeOverlay(rt, currentBuffer(rt), 1, 1, Qnil, Qnil, plist);
    deleteOverlay(rt, ov);
  } else {
    // GNU's copy does not carry the advance types over.
    ov = makeOverlay(rt, b, ostart(rt, o), oend(rt, o), Qnil, Qnil, plist);
  }
  rt.sp = sp;
  return ov;
}

// A clone (`make-indirect-buffer' with CLONE) gets a copy of each of the base's overlays, with its
// advance types, oldest first so that the list keeps its order.
cloneHooks.overlays = (rt, from, to) => {
  const sp = rt.sp;
  const ovs = overlaysOf(rt, from).reverse();
  for (const o of ovs) rt.push(o);
  for (const o of ovs) {
    const plist = copyList(rt, oslot(rt, o, OVERLAY_PLIST));
    rt.push(plist);
    const type = (m: number): number => rt.i32[slotBase(oslot(rt, o, m)) + MARKER_INSERTION_TYPE]!;
    makeOverlay(rt, to, ostart(rt, o), oend(rt, o), type(OVERLAY_START), type(OVERLAY_END), plist);
  }
  rt.sp = sp;
};

DEFUN('copy-overlay', 1, 1, 'Give a copy of OVERLAY: same ends, buffer, advance types and properties.', (rt, o: number) =>
  copyOverlay(rt, checkOverlay(rt, o)));

DEFUN('remove-overlays', 0, 4, 'Clear BEG..END (the accessible text by default) of overlays whose property NAME is VAL (all, with NAME nil), splitting those that stick out.',
  (rt, beg: number, end: number, name: number, val: number) => {
    const b = currentBuffer(rt);
    let s = beg === Qnil ? bint(rt, b, BUF_BEGV) : positionValue(rt, beg);
    let e = end === Qnil ? bint(rt, b, BUF_ZV) : positionValue(rt, end);
    if (s > e) [s, e] = [e, s];
    for (const ov of overlaysIn(rt, b, s, e)) {
      if (overlayBuffer(rt, ov) !== b || overlayGet(rt, ov, name) !== val) continue;
      const os = ostart(rt, ov);
      const oe = oend(rt, ov);
      const sp = rt.sp;
      if (os < s) {
        if (oe > e) {
          const copy = copyOverlay(rt, ov);
          rt.push(copy);
          moveOverlay(rt, copy, b, e, oe);
          moveOverlay(rt, ov, b, os, s);
        } else moveOverlay(rt, ov, b, os, s);
      } else if (oe > e) moveOverlay(rt, ov, b, e, oe);
      else deleteOverlay(rt, ov);
      rt.sp = sp;
    }
    return Qnil;
  });

// ---- following the text --------------------------------------------------------------------------

/** After text changed at FROM..TO of B (FROM = TO: a deletion): keep start <= end; empty `evaporate' overlays go. */
overlayHooks.changed = (rt, b, from, to) => {
  for (const ov of overlaysOf(rt, b)) {
    const sm = oslot(rt, ov, OVERLAY_START);
    const em = oslot(rt, ov, OVERLAY_END);
    if (markerCharpos(rt, sm) > markerCharpos(rt, em)) {
      // Text went in at an empty front-advance overlay: its start goes back to its end.
      const es = slotBase(em);
      const ss = slotBase(sm);
      rt.i32[ss + MARKER_CHARPOS] = rt.i32[es + MARKER_CHARPOS]!;
      rt.i32[ss + MARKER_BYTEPOS] = rt.i32[es + MARKER_BYTEPOS]!;
    }
    if (from === to && evaporates(rt, ov)) deleteOverlay(rt, ov);
  }
};

// ---- modification hooks ----------------------------------------------------------------------------

const Qmodification_hooks = DEFSYM('modification-hooks');
const Qinsert_in_front_hooks = DEFSYM('insert-in-front-hooks');
const Qinsert_behind_hooks = DEFSYM('insert-behind-hooks');
/**
 * What the last `before' ran, as a list (HOOKS OVERLAY HOOKS OVERLAY ...): the after-change
 * round calls these, even when a hook deleted its overlay's property meanwhile, as GNU does. A
 * global slot, so the functions and overlays stay rooted between the two rounds.
 */
const G_OVERLAY_MOD_HOOKS = DEFGLOBAL('overlay-modification-hooks-last');

function callOverlayHooks(rt: Runtime, hooks: number, ov: number, args: number[]): void {
  const sp = rt.sp;
  rt.push(hooks);
  rt.push(ov);
  for (let l = hooks; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) funcall(rt, xcar(rt, l), [ov, ...args]);
  rt.sp = sp;
}

overlayHooks.before = (rt, b, start, end) => {
  const insertion = start === end;
  // GNU's order: overlays by decreasing end (its list of overlays before the center).
  const ovs = overlaysOf(rt, b).map((ov, i) => ({ ov, i, e: oend(rt, ov) }));
  ovs.sort((x, y) => y.e - x.e || x.i - y.i);
  const calls: number[] = [];
  for (const { ov } of ovs) {
    const s = ostart(rt, ov);
    const e = oend(rt, ov);
    if (insertion && s === start) calls.push(overlayGet(rt, ov, Qinsert_in_front_hooks), ov);
    if (insertion && e === start) calls.push(overlayGet(rt, ov, Qinsert_behind_hooks), ov);
    if (end > s && start < e) calls.push(overlayGet(rt, ov, Qmodification_hooks), ov);
  }
  let rec = Qnil;
  for (let i = calls.length - 2; i >= 0; i -= 2) if (calls[i] !== Qnil) rec = cons(rt, calls[i]!, cons(rt, calls[i + 1]!, rec));
  rt.globals[G_OVERLAY_MOD_HOOKS] = rec;
  const sp = rt.sp;
  rt.push(rec);
  const args = [Qnil, makeFixnum(start), makeFixnum(end)];
  for (let l = rec; (l & 7) === Lisp_Cons; l = xcdr(rt, xcdr(rt, l))) callOverlayHooks(rt, xcar(rt, l), xcar(rt, xcdr(rt, l)), args);
  rt.sp = sp;
};

overlayHooks.after = (rt, start, end, oldlen) => {
  const rec = rt.globals[G_OVERLAY_MOD_HOOKS]!;
  if (rec === Qnil) return;
  rt.globals[G_OVERLAY_MOD_HOOKS] = Qnil;
  const sp = rt.sp;
  rt.push(rec);
  const args = [Qt, makeFixnum(start), makeFixnum(end), makeFixnum(oldlen)];
  for (let l = rec; (l & 7) === Lisp_Cons; l = xcdr(rt, xcdr(rt, l))) {
    const ov = xcar(rt, xcdr(rt, l));
    // A hook may have deleted the overlay, or moved it elsewhere: only ones still here run.
    if (overlayBuffer(rt, ov) === currentBuffer(rt)) callOverlayHooks(rt, xcar(rt, l), ov, args);
  }
  rt.sp = sp;
};

overlayHooks.pending = (rt) => rt.globals[G_OVERLAY_MOD_HOOKS] !== Qnil;
overlayHooks.forget = (rt) => {
  rt.globals[G_OVERLAY_MOD_HOOKS] = Qnil;
};

overlayProps.at = (rt, b, pos, prop, insertion) => {
  const ovs = overlaysOf(rt, b).filter((ov) => {
    const s = ostart(rt, ov);
    const e = oend(rt, ov);
    if (!insertion) return s <= pos && pos < e;
    const front = rt.i32[slotBase(oslot(rt, ov, OVERLAY_START)) + MARKER_INSERTION_TYPE] !== Qnil;
    const rear = rt.i32[slotBase(oslot(rt, ov, OVERLAY_END)) + MARKER_INSERTION_TYPE] !== Qnil;
    return (s < pos || (s === pos && !front)) && (e > pos || (e === pos && rear));
  });
  for (const ov of sortByPrecedence(rt, ovs)) if (overlayGet(rt, ov, prop) !== Qnil) return ov;
  return Qnil;
};
overlayProps.change = (rt, b, pos, forward) => overlayChange(rt, b, pos, forward);

// ---- printing -----------------------------------------------------------------------------------

registerPvecPrinter(PVEC_OVERLAY, (rt, ov, _escape, out) => {
  const b = overlayBuffer(rt, ov);
  if (b === Qnil) out.ascii('#<overlay in no buffer>');
  else {
    out.ascii(`#<overlay from ${ostart(rt, ov)} to ${oend(rt, ov)} in `);
    out.text(bslot(rt, b, BUF_NAME));
    out.ascii('>');
  }
});
