// Recording buffer changes in `buffer-undo-list' (GNU undo.c) and undoing them (`primitive-undo').
//
// insdel.ts calls recordInsert / recordDelete before it changes the current buffer. The entries
// follow GNU 28 as observed by running it: (BEG . END) insertions merged when contiguous,
// (TEXT . POS) deletions (POS negative when point was at the end of the text), (MARKER . ADJ)
// for markers the deletion moves, (t . 0) on the first change of an unmodified buffer without a
// file, and point as a bare integer when a change follows a boundary away from where point was
// when `undo-boundary' ran. A list of t means undo is disabled: then nothing is consed.

import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { BUF_MARKERS, BUF_MODIFF, BUF_PT, BUF_SAVE_MODIFF, MARKER_CHARPOS, MARKER_INSERTION_TYPE } from '../heap/layout.ts';
import { Lisp_Cons, makeFixnum } from '../heap/tags.ts';
import { cons, makeString, schars, stringp, xcar, xcdr } from '../core/object.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { findSymbolValue, funcall, setInternal, specbind, unbindTo } from './eval.ts';
import { bint, bslot, currentBuffer, getBuffer, slotBase } from './buffer.ts';
import { markerBuffer, markerCharpos, setMarker } from './marker.ts';

const Qbuffer_undo_list = DEFSYM('buffer-undo-list');
DEFVAR('undo-in-progress', () => Qnil, 'Non-nil while `primitive-undo\' undoes changes.');
const Qundo_inhibit_record_point = DEFVAR('undo-inhibit-record-point', () => Qnil, 'Non-nil means changes record no point positions in the undo list.');
DEFVAR('undo-limit', () => makeFixnum(160000), 'Keep no more undo information once it exceeds this size (GC truncation is not done yet).');
DEFVAR('undo-strong-limit', () => makeFixnum(240000), 'Never keep more than this much undo information (GC truncation is not done yet).');
DEFVAR('undo-outer-limit', () => Qnil, 'Outer limit on the size of undo information for one command (not enforced yet).');
const Qinhibit_read_only = DEFSYM('inhibit-read-only');

const FNS: Record<string, number> = {};
for (const f of ['set-buffer', 'apply', 'integerp', 'error', 'format', 'goto-char', 'set-buffer-modified-p', 'point-min', 'point-max',
  'put-text-property', 'delete-region', 'insert', 'markerp', 'number-or-marker-p', 'marker-position']) FNS[f] = DEFSYM(f);

/**
 * Where point was at the last `undo-boundary', and in which buffer: a rooted global slot holding
 * (BUFFER . POS), so a collected buffer's address can never be taken for a new buffer's.
 */
const G_UNDO_BOUNDARY = DEFGLOBAL('undo-boundary-point');
interface UndoState { boundaryBuffer: number; boundaryPos: number }
function state(rt: Runtime): UndoState {
  const g = rt.globals[G_UNDO_BOUNDARY]!;
  return (g & 7) === Lisp_Cons ? { boundaryBuffer: xcar(rt, g), boundaryPos: xcdr(rt, g) >> 2 } : { boundaryBuffer: Qnil, boundaryPos: 0 };
}

function isFixnum(x: number): boolean { return (x & 3) === 2; }

/** Before a change at BEG: first-change and point records, GNU's record_point. */
function recordPoint(rt: Runtime, b: number, beg: number): void {
  let list = findSymbolValue(rt, Qbuffer_undo_list);
  const atBoundary = (list & 7) !== Lisp_Cons || xcar(rt, list) === Qnil;
  if (bint(rt, b, BUF_MODIFF) <= bint(rt, b, BUF_SAVE_MODIFF)) {
    recordFirstChange(rt);
    list = findSymbolValue(rt, Qbuffer_undo_list);
  }
  if (findSymbolValue(rt, Qundo_inhibit_record_point) !== Qnil) return;
  const st = state(rt);
  if (atBoundary && st.boundaryBuffer === b && st.boundaryPos !== beg)
    setInternal(rt, Qbuffer_undo_list, cons(rt, makeFixnum(st.boundaryPos), list));
}

/** The (t . 0) entry of the first change to an unmodified current buffer (GNU's record_first_change). */
export function recordFirstChange(rt: Runtime): void {
  const list = findSymbolValue(rt, Qbuffer_undo_list);
  if (list !== Qt) setInternal(rt, Qbuffer_undo_list, cons(rt, cons(rt, Qt, makeFixnum(0)), list));
}

/**
 * Record that PROP of the current buffer's text BEG..END had VALUE before a text-property change:
 * (nil PROP VALUE BEG . END), which `primitive-undo' puts back with `put-text-property'.
 */
export function recordPropertyChange(rt: Runtime, beg: number, end: number, prop: number, value: number): void {
  const list = findSymbolValue(rt, Qbuffer_undo_list);
  if (list === Qt) return;
  const entry = cons(rt, Qnil, cons(rt, prop, cons(rt, value, cons(rt, makeFixnum(beg), makeFixnum(end)))));
  setInternal(rt, Qbuffer_undo_list, cons(rt, entry, list));
}

/** Record that NCHARS characters are about to be inserted at BEG of the current buffer B. */
export function recordInsert(rt: Runtime, b: number, beg: number, nchars: number): void {
  const list0 = findSymbolValue(rt, Qbuffer_undo_list);
  if (list0 === Qt) return;
  recordPoint(rt, b, beg);
  const list = findSymbolValue(rt, Qbuffer_undo_list);
  // Contiguous with the insertion on top: grow that entry in place (typing stays one entry).
  if ((list & 7) === Lisp_Cons) {
    const top = xcar(rt, list);
    if ((top & 7) === Lisp_Cons) {
      const a = xcar(rt, top), e = xcdr(rt, top);
      if (isFixnum(a) && isFixnum(e) && (e >> 2) === beg) {
        rt.i32[((top & -8) >>> 2) + 1] = makeFixnum(beg + nchars);
        return;
      }
    }
  }
  setInternal(rt, Qbuffer_undo_list, cons(rt, cons(rt, makeFixnum(beg), makeFixnum(beg + nchars)), list));
}

/** Record that TEXT (a string, the text of FROM..) is about to be deleted from the current buffer B. */
export function recordDelete(rt: Runtime, b: number, from: number, text: number, recordMarkers = true): void {
  if (findSymbolValue(rt, Qbuffer_undo_list) === Qt) return;
  const sp = rt.sp;
  rt.push(text);
  const n = schars(rt, text);
  const pt = bint(rt, b, BUF_PT);
  const pos = pt === from + n ? -from : from;
  recordPoint(rt, b, from);
  // Markers the deletion will move, newest first as they are chained.
  const to = from + n;
  for (let l = recordMarkers ? bslot(rt, b, BUF_MARKERS) : Qnil; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const mk = xcar(rt, l);
    const ms = slotBase(mk);
    const cp = rt.i32[ms + MARKER_CHARPOS]! >> 2;
    if (cp < from || cp > to) continue;
    const adj = rt.i32[ms + MARKER_INSERTION_TYPE] !== Qnil ? to - cp : -(cp - from);
    if (adj === 0) continue;
    rt.push(mk);
    setInternal(rt, Qbuffer_undo_list, cons(rt, cons(rt, mk, makeFixnum(adj)), findSymbolValue(rt, Qbuffer_undo_list)));
  }
  setInternal(rt, Qbuffer_undo_list, cons(rt, cons(rt, text, makeFixnum(pos)), findSymbolValue(rt, Qbuffer_undo_list)));
  rt.sp = sp;
}

/**
 * Record that FROM..FROM+len(TEXT) of B, now TEXT, is about to be replaced in place by as many
 * characters (GNU's record_change): a deletion without marker entries, then an insertion.
 */
export function recordChange(rt: Runtime, b: number, from: number, text: number): void {
  if (findSymbolValue(rt, Qbuffer_undo_list) === Qt) return;
  const sp = rt.sp;
  rt.push(text);
  recordDelete(rt, b, from, text, false);
  // Not recordInsert: the first-change and point entries are the deletion's.
  const n = schars(rt, rt.stack[sp]!);
  setInternal(rt, Qbuffer_undo_list, cons(rt, cons(rt, makeFixnum(from), makeFixnum(from + n)), findSymbolValue(rt, Qbuffer_undo_list)));
  rt.sp = sp;
}

/** Push point POS as a bare integer on the undo list, as `replace-buffer-contents' does before its changes. */
export function recordPointEntry(rt: Runtime, pos: number): void {
  const list = findSymbolValue(rt, Qbuffer_undo_list);
  // Only right after a boundary, as GNU's record_point.
  if (list === Qt || ((list & 7) === Lisp_Cons && xcar(rt, list) !== Qnil)) return;
  setInternal(rt, Qbuffer_undo_list, cons(rt, makeFixnum(pos), list));
}

/** Whether deletions need their text: false when undo is off, so deleting conses no string. */
export function undoRecording(rt: Runtime): boolean {
  return findSymbolValue(rt, Qbuffer_undo_list) !== Qt;
}

const Qundo_auto_cause = DEFVAR('undo-auto--last-boundary-cause', () => Qnil, 'What made the last undo boundary: `explicit\' for a call of `undo-boundary\', a symbol naming another cause, or, after amalgamating commands, (COUNT BUFFERS...).');
const Qundo_outer_limit_truncate = DEFSYM('undo-outer-limit-truncate');
DEFVAR('undo-outer-limit-function', () => Qundo_outer_limit_truncate, 'The function called with the size of an undo list over `undo-outer-limit\'.');
const Qexplicit = DEFSYM('explicit');

DEFUN('undo-boundary', 0, 0, 'Declare a boundary for undo: the changes after it are undone by a separate undo command.', (rt) => {
  const list = findSymbolValue(rt, Qbuffer_undo_list);
  if (list === Qt) return Qnil;
  if ((list & 7) === Lisp_Cons && xcar(rt, list) !== Qnil) setInternal(rt, Qbuffer_undo_list, cons(rt, Qnil, list));
  // simple.el's automatic boundaries learn that this one was asked for.
  setInternal(rt, Qundo_auto_cause, Qexplicit);
  const cb = currentBuffer(rt);
  rt.globals[G_UNDO_BOUNDARY] = cons(rt, cb, makeFixnum(bint(rt, cb, BUF_PT)));
  return Qnil;
});

function bufferArg(rt: Runtime, x: number): number {
  if (x === Qnil) return currentBuffer(rt);
  const b = getBuffer(rt, x);
  if (b === Qnil) xsignal(FNS['error']!, cons(rt, funcall(rt, FNS['format']!, [makeString(rt, 'No buffer named %s'), x]), Qnil));
  return b;
}

/** Set BUFFER-OR-NAME's undo list, as the current buffer's. */
function setUndoList(rt: Runtime, x: number, value: number, onlyIfDisabled: boolean): void {
  const b = bufferArg(rt, x);
  const count = rt.specCount;
  const old = currentBuffer(rt);
  funcall(rt, FNS['set-buffer']!, [b]);
  try {
    if (!onlyIfDisabled || findSymbolValue(rt, Qbuffer_undo_list) === Qt) setInternal(rt, Qbuffer_undo_list, value);
  } finally {
    funcall(rt, FNS['set-buffer']!, [old]);
    unbindTo(rt, count);
  }
}

DEFUN('buffer-enable-undo', 0, 1, 'Start keeping undo information for BUFFER (default the current buffer); does nothing if it is kept already.', (rt, x: number) => {
  setUndoList(rt, x, Qnil, true);
  return Qnil;
}, '');

DEFUN('buffer-disable-undo', 0, 1, 'Stop keeping undo information for BUFFER (default the current buffer) and drop what was kept.', (rt, x: number) => {
  setUndoList(rt, x, Qt, false);
  return Qt;
}, 'nil');

function xint(rt: Runtime, x: number): number {
  if (!isFixnum(x)) wrongTypeArgument(rt, FNS['integerp']!, x);
  return x >> 2;
}

DEFUN('primitive-undo', 2, 2, 'Undo N records from the front of the undo list LIST and give what remains of LIST.', (rt, n: number, list: number) => {
  if (!isFixnum(n) && funcall(rt, FNS['markerp']!, [n]) === Qnil) wrongTypeArgument(rt, FNS['number-or-marker-p']!, n);
  let count = isFixnum(n) ? n >> 2 : xint(rt, funcall(rt, FNS['marker-position']!, [n]));
  const unrecognized = (next: number): never =>
    xsignal(FNS['error']!, cons(rt, funcall(rt, FNS['format']!, [makeString(rt, 'Unrecognized entry in undo list %S'), next]), Qnil));
  const spc = rt.specCount;
  const sp = rt.sp;
  specbind(rt, Qinhibit_read_only, Qt);
  try {
    const call = (f: string, args: number[]): number => funcall(rt, FNS[f]!, args);
    while (count > 0) {
      // GNU pops entries off LIST: a tail that is no list is an error.
      if (list !== Qnil && (list & 7) !== Lisp_Cons) wrongTypeArgument(rt, DEFSYM('listp'), list);
      while ((list & 7) === Lisp_Cons) {
        const next = xcar(rt, list);
        list = xcdr(rt, list);
        rt.push(list);
        if (next === Qnil) break;
        if (isFixnum(next)) {
          // A position: go there.
          call('goto-char', [next]);
          continue;
        }
        if ((next & 7) !== Lisp_Cons) unrecognized(next);
        const car = xcar(rt, next), cdr = xcdr(rt, next);
        if (car === Qt) {
          // First change: the buffer was unmodified then, and is again if the file is the same.
          // tsmacs buffers visit no files yet: a file's modification time never matches.
          if (cdr === makeFixnum(0)) call('set-buffer-modified-p', [Qnil]);
          continue;
        }
        if (car === Qnil) {
          // (nil PROP VAL BEG . END)
          const prop = xcar(rt, cdr), rest = xcdr(rt, cdr), val = xcar(rt, rest), be = xcdr(rt, rest);
          const beg = xcar(rt, be), end = xcdr(rt, be);
          if (xint(rt, beg) < xint(rt, call('point-min', [])) || xint(rt, end) > xint(rt, call('point-max', [])))
            error(rt, 'Changes to be undone are outside visible portion of buffer');
          call('put-text-property', [beg, end, prop, val]);
          continue;
        }
        if (isFixnum(car) && isFixnum(cdr)) {
          // (BEG . END): an insertion, deleted again.
          const beg = car >> 2, end = cdr >> 2;
          if (beg < xint(rt, call('point-min', [])) || end > xint(rt, call('point-max', [])))
            error(rt, 'Changes to be undone are outside visible portion of buffer');
          call('goto-char', [car]);
          call('delete-region', [car, cdr]);
          continue;
        }
        if (stringp(car) && isFixnum(cdr)) {
          // (TEXT . POS): a deletion, inserted again; the marker entries after it move back too.
          const pos = Math.abs(cdr >> 2);
          if (pos < xint(rt, call('point-min', [])) || pos > xint(rt, call('point-max', [])))
            error(rt, 'Changes to be undone are outside visible portion of buffer');
          const adjustments: [number, number][] = [];
          while ((list & 7) === Lisp_Cons) {
            const e = xcar(rt, list);
            if ((e & 7) !== Lisp_Cons || call('markerp', [xcar(rt, e)]) === Qnil) break;
            const mk = xcar(rt, e);
            // Only markers still where the deletion left them, in this buffer.
            if (markerBuffer(rt, mk) === currentBuffer(rt) && markerCharpos(rt, mk) === pos) adjustments.push([mk, xcdr(rt, e) >> 2]);
            list = xcdr(rt, list);
            rt.push(list);
          }
          call('goto-char', [makeFixnum(pos)]);
          call('insert', [car]);
          if ((cdr >> 2) >= 0) call('goto-char', [makeFixnum(pos)]);
          for (const [mk, adj] of adjustments) {
            rt.push(mk);
            setMarker(rt, mk, makeFixnum(markerCharpos(rt, mk) - adj), currentBuffer(rt), false);
          }
          continue;
        }
        if (call('markerp', [car]) !== Qnil && isFixnum(cdr)) {
          // (MARKER . ADJ) on its own.
          if (markerBuffer(rt, car) !== Qnil) setMarker(rt, car, makeFixnum(markerCharpos(rt, car) - (cdr >> 2)), markerBuffer(rt, car), false);
          continue;
        }
        if (car === FNS['apply']!) {
          const f = xcar(rt, cdr);
          if (isFixnum(f)) {
            const rest = xcdr(rt, xcdr(rt, xcdr(rt, cdr)));
            call('apply', [xcar(rt, rest), xcdr(rt, rest)]);
          } else call('apply', [f, xcdr(rt, cdr)]);
          continue;
        }
        unrecognized(next);
      }
      count--;
    }
  } finally {
    unbindTo(rt, spc);
    rt.sp = sp;
  }
  return list;
});

