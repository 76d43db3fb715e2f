// Windows and frames as batch GNU Emacs has them (GNU window.c and frame.c, terminal frame only).
//
// A window and a frame are vectorlikes of Lisp slots (WIN_* and FRAME_* below); the window tree,
// its sizes and everything that edits it are written in Lisp (lisp/window.el) over the few
// primitives here: the object types, their printers and predicates, raw slot access for that
// library, and the selected frame and frame list, kept as globals so that a dump carries them.
// Buffers call back here (buffer.ts windowHooks) to learn which buffers windows show and to
// take a killed buffer out of every window.

import { PVEC_FRAME, PVEC_WINDOW } from '../heap/layout.ts';
import { Lisp_Cons, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { aref, aset, cons, makeFloat, stringp, symbolFunction, isPvec, makePvec, makeString, pvecSize, xcar, xcdr } from '../core/object.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { DEFUN, DEFINIT } from '../core/subr.ts';
import { call1 } from './eval.ts';
import { registerPvecPrinter } from './print.ts';
import { BUF_NAME, FRAME_SLOTS, PVEC_MARKER, WINDOW_SLOTS } from '../heap/layout.ts';
import { bslot, bufferLive, bufferNamed, bufferp, makeMarkerObject, windowHooks } from './buffer.ts';
import { makeMarkerAt } from './marker.ts';

// Window slots. A live window shows a buffer; an internal one has children (WIN_CHILD) instead.
export const WIN_NUMBER = 0; // fixnum, from one counter for all windows, as GNU numbers them
export const WIN_FRAME = 1;
export const WIN_BUFFER = 2; // the buffer shown; nil for an internal or deleted window
export const WIN_START = 3; // marker
export const WIN_POINTM = 4; // marker: point when the window is not selected
export const WIN_PARENT = 5;
export const WIN_NEXT = 6;
export const WIN_PREV = 7;
export const WIN_CHILD = 8; // the first child of an internal window
export const WIN_HORIZONTAL = 9; // t: the children are side by side
export const WIN_LEFT = 10; // fixnums: columns and lines on the frame
export const WIN_TOP = 11;
export const WIN_COLS = 12;
export const WIN_LINES = 13;
export const WIN_DEDICATED = 14;
export const WIN_PARAMETERS = 15;
export const WIN_PREV_BUFFERS = 16;
export const WIN_NEXT_BUFFERS = 17;
export const WIN_MINI = 18; // t for a minibuffer window
export const WIN_DELETED = 19; // t once deleted
export const WIN_NORMAL_COLS = 20; // number: the share of its parent's width (window-normal-size)
export const WIN_NORMAL_LINES = 21;
export const WIN_HSCROLL = 22;
export const WIN_USE_TIME = 23; // fixnum: when it was last selected

// Frame slots.
export const FRAME_NAME = 0; // string
export const FRAME_ROOT = 1; // root window
export const FRAME_MINIBUF = 2; // minibuffer window
export const FRAME_SELECTED = 3; // its selected window
export const FRAME_PARAMETERS = 4; // alist of the parameters it keeps as they were set
export const FRAME_LIVE = 5; // t while live
export const FRAME_COLS = 6; // fixnum
export const FRAME_LINES = 7; // fixnum

const G_SELECTED_FRAME = DEFGLOBAL('selected-frame');
const G_FRAME_LIST = DEFGLOBAL('frame-list');
const G_WINDOW_COUNT = DEFGLOBAL('window-count');

export const Qwindowp = DEFSYM('windowp');
const Qframep = DEFSYM('framep');
const Qargs_out_of_range = DEFSYM('args-out-of-range');
const Qreplace_buffer_in_windows = DEFSYM('replace-buffer-in-windows');

export const windowp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_WINDOW);
export const framep = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_FRAME);

function newWindow(rt: Runtime, frame: number): number {
  const n = isFixnum(rt.globals[G_WINDOW_COUNT]!) ? fixnumValue(rt.globals[G_WINDOW_COUNT]!) + 1 : 1;
  rt.globals[G_WINDOW_COUNT] = makeFixnum(n);
  const w = makePvec(rt, PVEC_WINDOW, WINDOW_SLOTS, Qnil);
  aset(rt, w, WIN_NUMBER, makeFixnum(n));
  aset(rt, w, WIN_FRAME, frame);
  for (const i of [WIN_LEFT, WIN_TOP, WIN_COLS, WIN_LINES, WIN_HSCROLL, WIN_USE_TIME]) aset(rt, w, i, makeFixnum(0));
  aset(rt, w, WIN_NORMAL_COLS, makeFloat(rt, 1));
  aset(rt, w, WIN_NORMAL_LINES, makeFloat(rt, 1));
  aset(rt, w, WIN_START, makeMarkerObject(rt));
  aset(rt, w, WIN_POINTM, makeMarkerObject(rt));
  return w;
}

function slotIndex(rt: Runtime, obj: number, i: number, count: number): number {
  if (!isFixnum(i) || fixnumValue(i) < 0 || fixnumValue(i) >= count || pvecSize(rt, obj) !== count)
    xsignal(Qargs_out_of_range, cons(rt, obj, cons(rt, i, Qnil)));
  return fixnumValue(i);
}

DEFUN('windowp', 1, 1, 'Give t when OBJECT is a window, live, internal or deleted; nil otherwise.',
  (rt, x: number) => (windowp(rt, x) ? Qt : Qnil));
DEFUN('framep', 1, 1, 'Give the kind of terminal of OBJECT when it is a frame (t for a text terminal), nil otherwise.',
  (rt, x: number) => (framep(rt, x) ? Qt : Qnil));
DEFUN('window-live-p', 1, 1, 'Give t when OBJECT is a window that shows a buffer.',
  (rt, x: number) => (windowp(rt, x) && aref(rt, x, WIN_BUFFER) !== Qnil && aref(rt, x, WIN_DELETED) === Qnil ? Qt : Qnil));
DEFUN('window-valid-p', 1, 1, 'Give t when OBJECT is a live or internal window of a live frame.',
  (rt, x: number) => (windowp(rt, x) && aref(rt, x, WIN_DELETED) === Qnil ? Qt : Qnil));
DEFUN('frame-live-p', 1, 1, 'Give the kind of terminal of OBJECT when it is a live frame (t for a text terminal), nil otherwise.',
  (rt, x: number) => (framep(rt, x) && aref(rt, x, FRAME_LIVE) !== Qnil ? Qt : Qnil));

DEFUN('selected-frame', 0, 0, 'Give the selected frame.', (rt) => rt.globals[G_SELECTED_FRAME]!);
DEFUN('frame-list', 0, 0, 'Give a fresh list of all live frames.', (rt) => {
  const xs: number[] = [];
  for (let l = rt.globals[G_FRAME_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) xs.push(xcar(rt, l));
  let r = Qnil;
  for (let i = xs.length - 1; i >= 0; i--) r = cons(rt, xs[i]!, r);
  return r;
});
DEFUN('selected-window', 0, 0, 'Give the selected window of the selected frame.', (rt) => {
  const f = rt.globals[G_SELECTED_FRAME]!;
  return framep(rt, f) ? aref(rt, f, FRAME_SELECTED) : Qnil;
});

DEFUN('tsmacs--make-window', 1, 1, 'Make a new window of FRAME with the next window number, its markers pointing nowhere.',
  (rt, frame: number) => {
    if (!framep(rt, frame)) wrongTypeArgument(rt, Qframep, frame);
    return newWindow(rt, frame);
  });
DEFUN('tsmacs--window-slot', 2, 2, 'Give slot I of WINDOW (window.el knows the layout).', (rt, w: number, i: number) => {
  if (!windowp(rt, w)) wrongTypeArgument(rt, Qwindowp, w);
  return aref(rt, w, slotIndex(rt, w, i, WINDOW_SLOTS));
});
DEFUN('tsmacs--set-window-slot', 3, 3, 'Set slot I of WINDOW to VALUE and give VALUE.', (rt, w: number, i: number, v: number) => {
  if (!windowp(rt, w)) wrongTypeArgument(rt, Qwindowp, w);
  const k = slotIndex(rt, w, i, WINDOW_SLOTS);
  // The number is the window's for life (the printer and the dump check read it as a fixnum).
  if (k === WIN_NUMBER) xsignal(Qargs_out_of_range, cons(rt, w, cons(rt, i, Qnil)));
  // The markers stay markers: code here reads them without asking.
  if ((k === WIN_START || k === WIN_POINTM) && !isPvec(rt, v, PVEC_MARKER)) wrongTypeArgument(rt, DEFSYM('markerp'), v);
  aset(rt, w, k, v);
  return v;
});
DEFUN('tsmacs--frame-slot', 2, 2, 'Give slot I of FRAME (window.el knows the layout).', (rt, f: number, i: number) => {
  if (!framep(rt, f)) wrongTypeArgument(rt, Qframep, f);
  return aref(rt, f, slotIndex(rt, f, i, FRAME_SLOTS));
});
DEFUN('tsmacs--set-frame-slot', 3, 3, 'Set slot I of FRAME to VALUE and give VALUE.', (rt, f: number, i: number, v: number) => {
  if (!framep(rt, f)) wrongTypeArgument(rt, Qframep, f);
  aset(rt, f, slotIndex(rt, f, i, FRAME_SLOTS), v);
  return v;
});
DEFUN('tsmacs--select-frame', 1, 1, 'Make the live frame FRAME the selected one.', (rt, f: number) => {
  if (!framep(rt, f) || aref(rt, f, FRAME_LIVE) === Qnil) wrongTypeArgument(rt, DEFSYM('frame-live-p'), f);
  rt.globals[G_SELECTED_FRAME] = f;
  return f;
});

// ---- what buffers need to know ---------------------------------------------------------------------

/** Call FN on each live window of frame F's tree under W, in order (the minibuffer window apart). */
function eachLiveWindow(rt: Runtime, w: number, fn: (w: number) => void, seen = new Set<number>()): void {
  // The tree is Lisp's to edit: a window met twice ends the walk rather than looping.
  for (let x = w; windowp(rt, x) && aref(rt, x, WIN_MINI) === Qnil && !seen.has(x); x = aref(rt, x, WIN_NEXT)) {
    seen.add(x);
    if (aref(rt, x, WIN_BUFFER) !== Qnil) fn(x);
    else eachLiveWindow(rt, aref(rt, x, WIN_CHILD), fn, seen);
  }
}

windowHooks.shown = (rt, b) => {
  const f = rt.globals[G_SELECTED_FRAME]!;
  if (!framep(rt, f)) return false;
  let seen = false;
  eachLiveWindow(rt, aref(rt, f, FRAME_ROOT), (w) => {
    if (aref(rt, w, WIN_BUFFER) === b) seen = true;
  });
  return seen;
};

windowHooks.killing = (rt, b) => {
  // GNU's kill-buffer asks Lisp's replace-buffer-in-windows to show other buffers in the windows
  // that show B and to drop B from the windows' buffer histories.
  if (symbolFunction(rt, Qreplace_buffer_in_windows) !== Qnil) call1(rt, Qreplace_buffer_in_windows, b);
};

// ---- printing -----------------------------------------------------------------------------------

registerPvecPrinter(PVEC_WINDOW, (rt, w, _escape, out) => {
  out.ascii(`#<window ${fixnumValue(aref(rt, w, WIN_NUMBER))}`);
  const b = aref(rt, w, WIN_BUFFER);
  if (b !== Qnil && bufferp(rt, b) && aref(rt, w, WIN_DELETED) === Qnil) {
    out.ascii(' on ');
    if (bufferLive(rt, b)) out.text(bslot(rt, b, BUF_NAME));
  }
  out.ascii('>');
});

registerPvecPrinter(PVEC_FRAME, (rt, f, _escape, out) => {
  out.ascii(aref(rt, f, FRAME_LIVE) === Qnil ? '#<dead frame ' : '#<frame ');
  const name = aref(rt, f, FRAME_NAME);
  if (stringp(name)) out.text(name);
  else out.object(name);
  out.ascii(` 0x${((f & -8) >>> 0).toString(16)}>`);
});

// ---- at start -------------------------------------------------------------------------------------

// The terminal frame F1 of batch GNU: 80 columns by 25 lines, a root window of 24 lines showing
// *scratch* and the one-line minibuffer window below it.
DEFINIT((rt) => {
  const f = makePvec(rt, PVEC_FRAME, FRAME_SLOTS, Qnil);
  aset(rt, f, FRAME_NAME, makeString(rt, 'F1'));
  aset(rt, f, FRAME_LIVE, Qt);
  aset(rt, f, FRAME_COLS, makeFixnum(80));
  aset(rt, f, FRAME_LINES, makeFixnum(25));
  rt.globals[G_SELECTED_FRAME] = f;
  rt.globals[G_FRAME_LIST] = cons(rt, f, Qnil);
  const scratch = bufferNamed(rt, makeString(rt, '*scratch*'));
  const mbuf = bufferNamed(rt, makeString(rt, ' *Minibuf-0*'));
  const root = newWindow(rt, f);
  const mini = newWindow(rt, f);
  const show = (w: number, b: number, top: number, lines: number): void => {
    aset(rt, w, WIN_BUFFER, b);
    aset(rt, w, WIN_START, makeMarkerAt(rt, b, 1));
    aset(rt, w, WIN_POINTM, makeMarkerAt(rt, b, 1));
    aset(rt, w, WIN_TOP, makeFixnum(top));
    aset(rt, w, WIN_LINES, makeFixnum(lines));
    aset(rt, w, WIN_COLS, makeFixnum(80));
  };
  show(root, scratch, 0, 24);
  show(mini, mbuf, 24, 1);
  aset(rt, mini, WIN_MINI, Qt);
  // The minibuffer window follows the root window as its sibling, as GNU links them.
  aset(rt, root, WIN_NEXT, mini);
  aset(rt, mini, WIN_PREV, root);
  aset(rt, f, FRAME_ROOT, root);
  aset(rt, f, FRAME_MINIBUF, mini);
  aset(rt, f, FRAME_SELECTED, root);
});
