// Inserting and deleting buffer text (GNU insdel.c): the gap, marker adjustment, change hooks, read-only checks.
//
// The text is a gap buffer in the buffer's private unibyte string (buffer.ts). Every change
// goes through insertBytes or deleteRange, which keep positions, markers, narrowing and the
// modification ticks right and run the change hooks as GNU does: before-change-functions with
// the region about to change, after-change-functions with the changed region and the old
// length, both skipped while inhibit-modification-hooks is non-nil and run with it bound to t.

import type { Runtime } from '../core/runtime.ts';
import {
  BUF_BEGV, BUF_CHARS_MODIFF, BUF_MULTIBYTE, BUF_GPT, BUF_GPT_BYTE, BUF_MARKERS, BUF_OVERLAYS, BUF_MODIFF, BUF_PT, BUF_PT_BYTE, BUF_SAVE_MODIFF,
  BUF_TEXT, BUF_Z, BUF_ZV, BUF_ZV_BYTE, BUF_Z_BYTE, BUF_BEGV_BYTE, BUF_BASE_BUFFER, BUF_INTERVALS, MARKER_BYTEPOS, MARKER_CHARPOS,
  MARKER_INSERTION_TYPE,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_String, makeFixnum } from '../heap/tags.ts';
import { charBytes, charLenAt, charToByte8, readChar, writeChar } from '../core/character.ts';
import { readRuns, writeRuns } from './intervals.ts';
import {
  allocString, cons as consOf, makeString as makeStr, makeStringFromBytes, sbytes, schars, sdata, stringMultibyte,
  stringIntervals, stringp, symbolFunction, xcar, xcdr,
} from '../core/object.ts';
import { DEFSYM, Qnil, Qt, Qunbound, Qcharacterp, Qfixnump, Qchar_or_string_p } from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import { LispSignal, LispThrow, argsOutOfRange, wrongTypeArgument, xsignal, xsignal1 } from '../core/signal.ts';
import { findSymbolValue, funcall, runHookWithArgs, setInternal, specbind, unbindTo } from './eval.ts';
import { registerBufferPrinter } from './print.ts';
import {
  bint, bslot, bufferLive, bufferp as isBuffer, currentBuffer, gapSize, getBuffer, markerp, setBint, setBslot,
  setCurrentBuffer as setCurrentBufferRaw, slotBase, textBase, textCapacity, byteAddr as byteAddrOf, shareText, textSharers, forgetBufferCaches,
} from './buffer.ts';
import { charToByte, forgetPositionCache, makeMarkerAt, markerBuffer, markerCharpos, positionValue, unchainMarker } from './marker.ts';
import { recordDelete, recordInsert, undoRecording } from './undo.ts';
import { lockOnFirstChange } from './filelock.ts';

const Qbuffer_read_only = DEFVAR('buffer-read-only', () => Qnil, 'Non-nil means the text of the current buffer may not be changed.');
const Qinhibit_read_only = DEFVAR('inhibit-read-only', () => Qnil, 'Non-nil means change read-only buffers and text anyway.');
const Qbefore_change_functions = DEFVAR('before-change-functions', () => Qnil, 'Functions called with the start and end of the region about to change, before each change of buffer text.');
const Qafter_change_functions = DEFVAR('after-change-functions', () => Qnil, 'Functions called with the start and end of the changed region and the length it had, after each change of buffer text.');
const Qfirst_change_hook = DEFVAR('first-change-hook', () => Qnil, 'Functions run before the first change to an unmodified buffer.');
const Qinhibit_modification_hooks = DEFVAR('inhibit-modification-hooks', () => Qnil, 'Non-nil means buffer changes run no change hooks (and no text property hooks).');
const Qdeactivate_mark = DEFVAR('deactivate-mark', () => Qnil, 'Non-nil after a buffer change: the command loop then deactivates the mark.');
const Qbuffer_read_only_err = DEFSYM('buffer-read-only');
const Qbufferp = DEFSYM('bufferp');

// ---- the hook point for text properties -----------------------------------------------------------

/**
 * What the text-property code does when text changes. Insertion has made room for NCHARS at
 * FROM (positions after it have moved); SOURCE is the string inserted (or nil) and INHERIT says
 * whether the new text takes the neighbours' sticky properties. Deletion has removed FROM..TO.
 * Substring gives the properties of FROM..TO to the new string S. Until text properties exist,
 * all do nothing and substrings carry no properties.
 */
export interface TextPropHooks {
  inserted(rt: Runtime, b: number, from: number, nchars: number, source: number, sourceStart: number, inherit: boolean): void;
  deleted(rt: Runtime, b: number, from: number, to: number): void;
  substring(rt: Runtime, b: number, from: number, to: number, s: number): void;
  /** Before START..END (START = END: an insertion) of the current buffer B changes: the `read-only' text property. */
  verifyModification(rt: Runtime, b: number, start: number, end: number): void;
}
export const textPropHooks: TextPropHooks = {
  inserted: () => {},
  deleted: () => {},
  substring: () => {},
  verifyModification: () => {},
};

/**
 * What overlays do after text changed in B at FROM..TO (an insertion's new text, or a deletion's
 * point): called only when B has overlays, so a buffer without them pays one slot read.
 */
export const overlayHooks = {
  changed: (_rt: Runtime, _b: number, _from: number, _to: number): void => {},
  /**
   * Before START..END (START = END: an insertion) of B changes, with inhibit-modification-hooks
   * bound to t: the overlays' `modification-hooks', `insert-in-front-hooks' and
   * `insert-behind-hooks', recorded so that the same functions run after the change.
   */
  before: (_rt: Runtime, _b: number, _start: number, _end: number): void => {},
  /** After the change: the functions `before' recorded, for overlays still in the current buffer. */
  after: (_rt: Runtime, _start: number, _end: number, _oldlen: number): void => {},
  /** Whether `before' recorded anything for `after' to run. */
  pending: (_rt: Runtime): boolean => false,
  /** Drop what `before' recorded (a change in a buffer without overlays). */
  forget: (_rt: Runtime): void => {},
};

// ---- the gap --------------------------------------------------------------------------------------

/** Move the gap of B to byte position BYTEPOS (char position CHARPOS). */
export function moveGap(rt: Runtime, b: number, charpos: number, bytepos: number): void {
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  if (bytepos === gpt) return;
  const base = textBase(rt, b);
  const gap = gapSize(rt, b);
  if (gap > 0) {
    if (bytepos < gpt) rt.u8.copyWithin(base + bytepos - 1 + gap, base + bytepos - 1, base + gpt - 1);
    else rt.u8.copyWithin(base + gpt - 1, base + gpt - 1 + gap, base + bytepos - 1 + gap);
  }
  setBint(rt, b, BUF_GPT, charpos);
  setBint(rt, b, BUF_GPT_BYTE, bytepos);
  shareText(rt, b);
}

const MAX_BUFFER_BYTES = (1 << 29) - 64;

/** Make the gap of B at least NBYTES long: a bigger private string, doubling so that inserting stays linear. */
export function makeGap(rt: Runtime, b: number, nbytes: number): void {
  const gap = gapSize(rt, b);
  if (gap >= nbytes) return;
  const used = bint(rt, b, BUF_Z_BYTE) - 1;
  const cap = textCapacity(rt, b);
  // Positions are fixnums: a buffer may not outgrow them (GNU's limit is its own fixnum range).
  if (used + nbytes > MAX_BUFFER_BYTES) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Maximum buffer size exceeded'), Qnil));
  const want = Math.min(Math.max(cap * 2, used + nbytes + 64), MAX_BUFFER_BYTES + 64);
  const oldBase = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const s = allocString(rt, want, want, false);
  // GNU allocates buffer text outside the Lisp heap, so growing a buffer does not bring a
  // collection nearer. Here it counts an eighth: filling a 1 MB buffer (2 MB allocated as
  // the text doubles) then costs no collection, as in GNU, and dead texts still bound the
  // garbage between collections.
  rt.heap.bytesSinceGC -= (want >>> 3) * 7;
  const base = sdata(rt, s);
  const u8 = rt.u8;
  u8.copyWithin(base, oldBase, oldBase + gpt - 1);
  const after = used - (gpt - 1);
  u8.copyWithin(base + want - after, oldBase + gpt - 1 + gap, oldBase + gpt - 1 + gap + after);
  setBslot(rt, b, BUF_TEXT, s);
  shareText(rt, b);
}

/**
 * Give B's text a small gap again: a private string just big enough for the text and a little
 * room. Growth doubles the capacity, so a buffer can carry as much gap as text; a dump would
 * write all of it (GNU's compact_buffer shrinks gaps for the same reason).
 */
export function compactGap(rt: Runtime, b: number): void {
  const used = bint(rt, b, BUF_Z_BYTE) - 1;
  const slack = 64;
  if (gapSize(rt, b) <= Math.max(4096, used >>> 6) + slack) return;
  moveGap(rt, b, bint(rt, b, BUF_Z), used + 1);
  const old = textBase(rt, b);
  const s = allocString(rt, used + slack, used + slack, false);
  rt.u8.copyWithin(sdata(rt, s), old, old + used);
  setBslot(rt, b, BUF_TEXT, s);
  shareText(rt, b);
}

// ---- checks and hooks ---------------------------------------------------------------------------

/** Signal buffer-read-only when the current buffer may not change (GNU's barf-if-buffer-read-only). */
export function barfIfReadOnly(rt: Runtime): void {
  if (findSymbolValue(rt, Qbuffer_read_only) !== Qnil && findSymbolValue(rt, Qinhibit_read_only) === Qnil)
    xsignal1(rt, Qbuffer_read_only_err, currentBuffer(rt));
}

DEFUN('barf-if-buffer-read-only', 0, 1, 'Signal `buffer-read-only\' when the current buffer may not be changed (at POSITION, if given).',
  (rt, position: number) => {
    if (position !== Qnil) positionValue(rt, position);
    barfIfReadOnly(rt);
    return Qnil;
  });

/** Run a change hook with inhibit-modification-hooks bound to t; an error out of it leaves the hook nil. */
function runChangeHook(rt: Runtime, hook: number, args: number[]): void {
  const count = rt.specCount;
  specbind(rt, Qinhibit_modification_hooks, Qt);
  try {
    runHookWithArgs(rt, hook, args, null);
  } catch (e) {
    if (e instanceof LispSignal || e instanceof LispThrow) {
      unbindTo(rt, count);
      setInternal(rt, hook, Qnil);
    }
    throw e;
  }
  unbindTo(rt, count);
}

/**
 * Before changing START..END of the current buffer: read-only check, first-change-hook,
 * before-change-functions. As GNU's signal_before_change, the hooks run with markers at START
 * and END (and, given PRESERVE, one at PRESERVE.pos, read back into it afterwards, so a caller
 * follows text the hooks move); the markers are detached after, and a deletion inside the hooks
 * records them for undo as GNU's does.
 */
export function prepareToModify(rt: Runtime, start: number, end: number, preserve?: { pos: number }): void {
  barfIfReadOnly(rt);
  const b = currentBuffer(rt);
  textPropHooks.verifyModification(rt, b, start, end);
  noteUndoableChange(rt, b);
  if (findSymbolValue(rt, Qinhibit_modification_hooks) !== Qnil) return;
  const unmodified = bint(rt, b, BUF_MODIFF) <= bint(rt, b, BUF_SAVE_MODIFF);
  if (unmodified) lockOnFirstChange(rt, b);
  const first = unmodified && findSymbolValue(rt, Qfirst_change_hook) !== Qnil;
  const before = findSymbolValue(rt, Qbefore_change_functions) !== Qnil;
  // No hook to run (the usual edit): no markers, closures or arrays. Kept apart from the hooks'
  // path, whose closures made V8 allocate their shared context on every call (buffer-insert.el:
  // 114 MB of short-lived objects for a million inserts).
  if (!first && !before) overlaysBefore(rt, start, end);
  else prepareWithHooks(rt, b, start, end, first, before, preserve);
}

const Qundo_auto_changed_buffers = DEFSYM('undo-auto--undoably-changed-buffers');
const Qundo_auto_timer = DEFSYM('undo-auto-current-boundary-timer');
const Qundo_auto_undoable_change = DEFSYM('undo-auto--undoable-change');

/**
 * A change is coming to B, the current buffer: when B keeps undo records, tell simple-undo-auto
 * (which lists the buffer for the command loop's boundaries and starts the ten-second boundary
 * timer), whatever inhibit-modification-hooks says, as GNU does. Nothing is called while B heads
 * the list and the timer runs, so a run of edits costs one comparison each.
 */
function noteUndoableChange(rt: Runtime, b: number): void {
  if (findSymbolValue(rt, Qbuffer_undo_list) === Qt) return;
  const listed = findSymbolValue(rt, Qundo_auto_changed_buffers);
  if ((listed & 7) === Lisp_Cons && xcar(rt, listed) === b) {
    const timer = findSymbolValue(rt, Qundo_auto_timer);
    if (timer !== Qnil && timer !== Qunbound) return;
  }
  const fn = symbolFunction(rt, Qundo_auto_undoable_change);
  if (fn === Qnil || fn === Qunbound) return;
  funcall(rt, Qundo_auto_undoable_change, []);
}

/** GNU runs the overlays' hooks after before-change-functions (in the buffer current then). */
function overlaysBefore(rt: Runtime, start: number, end: number): void {
  const cur = currentBuffer(rt);
  if (bslot(rt, cur, BUF_OVERLAYS) !== Qnil) runOverlaysBefore(rt, cur, start, end);
  else overlayHooks.forget(rt);
}

// The closures for runOverlayHooks are made in functions of their own: V8 allocates the context
// of a function whose locals a closure captures on every call, whether or not the closure is made.
function runOverlaysBefore(rt: Runtime, cur: number, start: number, end: number): void {
  runOverlayHooks(rt, () => overlayHooks.before(rt, cur, start, end));
}

function runOverlaysAfter(rt: Runtime, start: number, end: number, oldlen: number): void {
  runOverlayHooks(rt, () => overlayHooks.after(rt, start, end, oldlen));
}

function prepareWithHooks(rt: Runtime, b: number, start: number, end: number, first: boolean, before: boolean, preserve?: { pos: number }): void {
  const sp = rt.sp;
  const markers: number[] = [];
  const mark = (pos: number): number => {
    const m = makeMarkerAt(rt, b, Math.max(bint(rt, b, BUF_BEGV), Math.min(pos, bint(rt, b, BUF_ZV))));
    rt.push(m);
    markers.push(rt.sp - 1);
    return rt.sp - 1;
  };
  const keep = preserve ? mark(preserve.pos) : -1;
  try {
    if (first) runChangeHook(rt, Qfirst_change_hook, []);
    if (before) {
      mark(start);
      mark(end);
      runChangeHook(rt, Qbefore_change_functions, [makeFixnum(start), makeFixnum(end)]);
    }
    overlaysBefore(rt, start, end);
  } finally {
    if (preserve && markerBuffer(rt, rt.stack[keep]!) !== Qnil) preserve.pos = markerCharpos(rt, rt.stack[keep]!);
    for (const slot of markers) unchainMarker(rt, rt.stack[slot]!);
    rt.sp = sp;
  }
}

function runOverlayHooks(rt: Runtime, fn: () => void): void {
  const count = rt.specCount;
  specbind(rt, Qinhibit_modification_hooks, Qt);
  try {
    fn();
  } finally {
    unbindTo(rt, count);
  }
}

/** After START..END of the current buffer changed from OLDLEN characters. */
export function signalAfterChange(rt: Runtime, start: number, end: number, oldlen: number): void {
  if (findSymbolValue(rt, Qinhibit_modification_hooks) !== Qnil) return;
  if (findSymbolValue(rt, Qafter_change_functions) !== Qnil)
    runChangeHook(rt, Qafter_change_functions, [makeFixnum(start), makeFixnum(end), makeFixnum(oldlen)]);
  if (overlayHooks.pending(rt)) runOverlaysAfter(rt, start, end, oldlen);
}

export function bumpModiff(rt: Runtime, b: number): void {
  const m = bint(rt, b, BUF_MODIFF) + 1;
  setBint(rt, b, BUF_MODIFF, m);
  setBint(rt, b, BUF_CHARS_MODIFF, m);
  setInternal(rt, Qdeactivate_mark, Qt);
}

/** The byte position of char position TARGET of B, scanning forward from char KC at byte KB. */
function byteFrom(rt: Runtime, b: number, kc: number, kb: number, target: number): number {
  const u8 = rt.u8;
  while (kc < target) {
    kb += charLenAt(u8[byteAddrOf(rt, b, kb)]!);
    kc++;
  }
  return kb;
}

/**
 * replaceRaw's edit when its outcome is the same bytes written over the old ones: B's old text
 * FROM..TO and the string S are ASCII and as long, B shares its text with no other buffer and
 * neither B nor S has text properties, nor B overlays. The text is overwritten where it lies (no
 * gap move, no deletion and insertion), and the rest comes out as replaceRaw's: markers inside
 * the old text go to FROM (or after the new text when their insertion type is t), point goes
 * after it, the ticks move by one. A search-and-replace loop of a word by another of its length
 * (`replace-match' after `search-forward') then runs none of the deletion and insertion paths.
 * Gives false, having done nothing, when the edit is not of that kind.
 */
function replaceAsciiInPlace(rt: Runtime, b: number, from: number, to: number, s: number): boolean {
  const n = to - from;
  if (n === 0 || schars(rt, s) !== n || sbytes(rt, s) !== n) return false;
  const w = slotBase(b);
  const m = rt.i32;
  if (m[w + BUF_INTERVALS] !== Qnil || m[w + BUF_OVERLAYS] !== Qnil || m[w + BUF_BASE_BUFFER] !== Qnil) return false;
  if (stringIntervals(rt, s) !== Qnil) return false;
  const fromByte = charToByte(rt, b, from);
  // As many bytes as chars in a multibyte buffer: every old char is ASCII.
  if (charToByte(rt, b, to) - fromByte !== n) return false;
  const u8 = rt.u8;
  const src = sdata(rt, s);
  for (let i = 0; i < n; i++) if (u8[src + i]! >= 0x80) return false;
  // The old text's bytes: K of them before the gap at BEFORE, the rest after it at AFTER.
  const before = byteAddrOf(rt, b, fromByte);
  const k = Math.max(0, Math.min(n, (m[w + BUF_GPT_BYTE]! >> 2) - fromByte));
  const after = byteAddrOf(rt, b, fromByte + k);
  if (m[w + BUF_MULTIBYTE] !== Qnil) {
    for (let i = 0; i < n; i++) if (u8[i < k ? before + i : after + i - k]! >= 0x80) return false;
  }
  for (let i = 0; i < n; i++) u8[i < k ? before + i : after + i - k] = u8[src + i]!;
  for (let l = m[w + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const ms = slotBase(xcar(rt, l));
    const cp = m[ms + MARKER_CHARPOS]! >> 2;
    if (cp > to || cp < from) continue;
    const np = m[ms + MARKER_INSERTION_TYPE] !== Qnil ? from + n : from;
    m[ms + MARKER_CHARPOS] = makeFixnum(np);
    m[ms + MARKER_BYTEPOS] = makeFixnum(fromByte + (np - from));
  }
  m[w + BUF_PT] = makeFixnum(to);
  m[w + BUF_PT_BYTE] = makeFixnum(fromByte + n);
  bumpModiff(rt, b);
  forgetPositionCache(rt, b);
  return true;
}

/**
 * Replace the char at FROM (byte FROMBYTE, OLDBYTES long) of B with CHARS, without checks,
 * hooks, modification ticks or text-property changes: the case commands' edit. As GNU's, markers
 * keep their char positions (only their byte positions follow the new text), while point moves
 * with the text when it is after FROM. Text properties for the chars added are the caller's.
 * Gives whether the new text took the old one's bytes exactly (one char of the same length).
 */
export function replaceCharRaw(rt: Runtime, b: number, from: number, fromByte: number, oldBytes: number, chars: number[]): boolean {
  // A unibyte buffer takes each char's byte (a raw-byte char as its byte).
  const uni = bslot(rt, b, BUF_MULTIBYTE) === Qnil;
  let nb = 0;
  for (const c of chars) nb += uni ? 1 : charBytes(c);
  const n = chars.length;
  forgetPositionCache(rt, b);
  moveGap(rt, b, from + 1, fromByte + oldBytes);
  const s = slotBase(b);
  const m = rt.i32;
  const add = (slot: number, d: number): void => {
    m[s + slot] = makeFixnum((m[s + slot]! >> 2) + d);
  };
  add(BUF_GPT, -1); add(BUF_GPT_BYTE, -oldBytes); add(BUF_Z, -1); add(BUF_Z_BYTE, -oldBytes); add(BUF_ZV, -1); add(BUF_ZV_BYTE, -oldBytes);
  makeGap(rt, b, nb);
  let p = textBase(rt, b) + fromByte - 1;
  for (const c of chars) {
    if (uni) rt.u8[p++] = charToByte8(c);
    else p += writeChar(rt.u8, p, c);
  }
  add(BUF_GPT, n); add(BUF_GPT_BYTE, nb); add(BUF_Z, n); add(BUF_Z_BYTE, nb); add(BUF_ZV, n); add(BUF_ZV_BYTE, nb);
  const dB = nb - oldBytes;
  const pt = m[s + BUF_PT]! >> 2;
  if (pt > from) {
    m[s + BUF_PT] = makeFixnum(pt + n - 1);
    m[s + BUF_PT_BYTE] = makeFixnum((m[s + BUF_PT_BYTE]! >> 2) + dB);
  }
  const others = textSharers(rt, b);
  if (others.length > 0) {
    shareText(rt, b);
    // Their point and narrowing are markers to GNU: char positions kept, bytes following.
    for (const x of others) {
      const xs = slotBase(x);
      for (const [c, by] of [[BUF_PT, BUF_PT_BYTE], [BUF_BEGV, BUF_BEGV_BYTE], [BUF_ZV, BUF_ZV_BYTE]] as const) {
        const cp = m[xs + c]! >> 2;
        if (cp > from && dB !== 0) m[xs + by] = makeFixnum(n === 1 ? (m[xs + by]! >> 2) + dB : byteFrom(rt, b, from, fromByte, cp));
      }
    }
  }
  if (n === 1 && dB === 0) return true;
  for (const x of [b, ...others]) {
    for (let l = m[slotBase(x) + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
      const ms = slotBase(xcar(rt, l));
      const cp = m[ms + MARKER_CHARPOS]! >> 2;
      if (cp <= from) continue;
      m[ms + MARKER_BYTEPOS] = makeFixnum(n === 1 ? (m[ms + MARKER_BYTEPOS]! >> 2) + dB : byteFrom(rt, b, from, fromByte, cp));
    }
  }
  return false;
}

// ---- the other buffers sharing the text (indirect buffers) ---------------------------------------

/**
 * Text went in at FROM (NCHARS chars, NBYTES bytes) of a buffer whose text X shares: X's markers
 * move as they do in the buffer changed, its point and the start of its narrowing stay before
 * text inserted at them, the end of its narrowing advances (GNU keeps these three as markers).
 */
function sharersInserted(rt: Runtime, others: readonly number[], from: number, nchars: number, nbytes: number, beforeMarkers: boolean): void {
  const m = rt.i32;
  const move = (s: number, cs: number, bs: number, advance: boolean): void => {
    const cp = m[s + cs]! >> 2;
    if (cp > from || (cp === from && advance)) {
      m[s + cs] = makeFixnum(cp + nchars);
      m[s + bs] = makeFixnum((m[s + bs]! >> 2) + nbytes);
    }
  };
  for (const x of others) {
    const s = slotBase(x);
    for (let l = m[s + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l))
      move(slotBase(xcar(rt, l)), MARKER_CHARPOS, MARKER_BYTEPOS, beforeMarkers || m[slotBase(xcar(rt, l)) + MARKER_INSERTION_TYPE] !== Qnil);
    move(s, BUF_PT, BUF_PT_BYTE, beforeMarkers);
    move(s, BUF_BEGV, BUF_BEGV_BYTE, beforeMarkers);
    move(s, BUF_ZV, BUF_ZV_BYTE, true);
  }
}

/** FROM..TO (bytes FROMBYTE..FROMBYTE+NBYTES) was deleted from a text the buffers OTHERS share. */
function sharersDeleted(rt: Runtime, others: readonly number[], from: number, to: number, fromByte: number, nbytes: number): void {
  const m = rt.i32;
  const nchars = to - from;
  const move = (s: number, cs: number, bs: number): void => {
    const cp = m[s + cs]! >> 2;
    if (cp > to) {
      m[s + cs] = makeFixnum(cp - nchars);
      m[s + bs] = makeFixnum((m[s + bs]! >> 2) - nbytes);
    } else if (cp > from) {
      m[s + cs] = makeFixnum(from);
      m[s + bs] = makeFixnum(fromByte);
    }
  };
  for (const x of others) {
    const s = slotBase(x);
    for (let l = m[s + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) move(slotBase(xcar(rt, l)), MARKER_CHARPOS, MARKER_BYTEPOS);
    move(s, BUF_PT, BUF_PT_BYTE);
    move(s, BUF_BEGV, BUF_BEGV_BYTE);
    move(s, BUF_ZV, BUF_ZV_BYTE);
  }
}

// ---- insertion ----------------------------------------------------------------------------------

/**
 * How the new text gets into the gap. The usual inserts (a string's bytes, a char repeated) are
 * kinds with their operands passed along, not closures: a closure per insert made V8 allocate it
 * and its context on every call (buffer-insert.el: 184 MB for a million insert-char calls).
 */
const FILL_FN = 0;
/** Copy NBYTES bytes of string SOURCE from byte ARG (its address is taken after the hooks ran: a collection may move it). */
const FILL_COPY = 1;
/** String SOURCE's unibyte bytes from byte ARG, bytes >= 0x80 becoming raw-byte chars (two bytes each). */
const FILL_WIDEN = 2;
/** NCHARS copies of the char ARG (NBYTES / NCHARS bytes each). */
const FILL_CHAR = 3;

function fillGap(rt: Runtime, addr: number, nchars: number, nbytes: number, source: number, kind: number, arg: number, fill: ((addr: number) => void) | null): void {
  const u8 = rt.u8;
  if (kind === FILL_COPY) {
    const src = sdata(rt, source) + arg;
    u8.copyWithin(addr, src, src + nbytes);
  } else if (kind === FILL_WIDEN) {
    const src = sdata(rt, source) + arg;
    if (nbytes === nchars) u8.copyWithin(addr, src, src + nchars);
    else for (let i = 0; i < nchars; i++) addr += writeChar(u8, addr, u8[src + i]! < 0x80 ? u8[src + i]! : u8[src + i]! + 0x3fff00);
  } else if (kind === FILL_CHAR) {
    const len = nbytes / nchars;
    if (len === 1) u8.fill(arg, addr, addr + nchars);
    else {
      writeChar(u8, addr, arg);
      for (let i = 1; i < nchars; i++) u8.copyWithin(addr + i * len, addr, addr + len);
    }
  } else fill!(addr);
}

/**
 * Insert at point of buffer B (current) NBYTES bytes of internal-encoded text holding NCHARS
 * characters, put into the gap by fillGap (KIND, ARG, FILL), without hooks or checks:
 * insertText does those. BEFORE_MARKERS moves every marker at point past the text.
 */
function insertRaw(rt: Runtime, b: number, nchars: number, nbytes: number, beforeMarkers: boolean, source: number, kind: number, arg: number,
  fill: ((addr: number) => void) | null): void {
  const pt = bint(rt, b, BUF_PT);
  const ptb = bint(rt, b, BUF_PT_BYTE);
  moveGap(rt, b, pt, ptb);
  makeGap(rt, b, nbytes);
  fillGap(rt, textBase(rt, b) + ptb - 1, nchars, nbytes, source, kind, arg, fill);
  const s = slotBase(b);
  const m = rt.i32;
  m[s + BUF_GPT] = makeFixnum(pt + nchars);
  m[s + BUF_GPT_BYTE] = makeFixnum(ptb + nbytes);
  m[s + BUF_Z] = makeFixnum((m[s + BUF_Z]! >> 2) + nchars);
  m[s + BUF_Z_BYTE] = makeFixnum((m[s + BUF_Z_BYTE]! >> 2) + nbytes);
  m[s + BUF_ZV] = makeFixnum((m[s + BUF_ZV]! >> 2) + nchars);
  m[s + BUF_ZV_BYTE] = makeFixnum((m[s + BUF_ZV_BYTE]! >> 2) + nbytes);
  // Markers after the insertion point move with the text; those at it stay before it unless
  // they advance (insertion type t) or the insertion goes before markers.
  for (let l = m[s + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const ms = slotBase(xcar(rt, l));
    const cp = m[ms + MARKER_CHARPOS]! >> 2;
    if (cp > pt || (cp === pt && (beforeMarkers || m[ms + MARKER_INSERTION_TYPE] !== Qnil))) {
      m[ms + MARKER_CHARPOS] = makeFixnum(cp + nchars);
      m[ms + MARKER_BYTEPOS] = makeFixnum((m[ms + MARKER_BYTEPOS]! >> 2) + nbytes);
    }
  }
  m[s + BUF_PT] = makeFixnum(pt + nchars);
  m[s + BUF_PT_BYTE] = makeFixnum(ptb + nbytes);
  bumpModiff(rt, b);
  const others = textSharers(rt, b);
  if (others.length > 0) {
    sharersInserted(rt, others, pt, nchars, nbytes, beforeMarkers);
    shareText(rt, b);
  }
}

/** Insert with checks and hooks; SOURCE (a string or nil) is given to the text-property hook. */
function insertText(rt: Runtime, nchars: number, nbytes: number, beforeMarkers: boolean, inherit: boolean,
  source: number, sourceStart: number, kind: number, arg: number, fill: ((addr: number) => void) | null): void {
  if (nchars === 0) return;
  const cur = currentBuffer(rt);
  if (quietInsertion(rt, cur, source)) {
    insertRaw(rt, cur, nchars, nbytes, beforeMarkers, source, kind, arg, fill);
    return;
  }
  // The change hooks run Lisp: the source text must survive a collection there (a caller may
  // pass a string it just made, such as a buffer substring).
  const sp = rt.sp;
  rt.push(source);
  const b0 = currentBuffer(rt);
  prepareToModify(rt, bint(rt, b0, BUF_PT), bint(rt, b0, BUF_PT));
  // A hook may have switched buffers or moved point: insert where point is now, as GNU does.
  const b = currentBuffer(rt);
  const from = bint(rt, b, BUF_PT);
  recordInsert(rt, b, from, nchars);
  insertBody(rt, b, nchars, nbytes, beforeMarkers, inherit, source, sourceStart, kind, arg, fill);
  rt.sp = sp;
  signalAfterChange(rt, from, from + nchars, 0);
}

/**
 * Whether inserting SOURCE (a string or nil) into B, the current buffer, is the text alone: B may
 * change (not read-only) and has been changed since it was saved (no file lock or
 * first-change-hook to see to), neither B nor SOURCE has text properties (no read-only text, no
 * properties to move), B has no overlays and is no indirect buffer's base or indirect buffer,
 * B keeps no undo list, and no change hook would run. insertText then leaves out prepareToModify,
 * recordInsert, insertBody's property and overlay steps and signalAfterChange, which would all
 * find nothing to do: what is left is insertRaw. Most inserts of a program that builds a temp
 * buffer are such; their first thousands run in V8's interpreter and baseline code, where the
 * dozen calls and lookups left out were about a third of an insert's cost.
 */
function quietInsertion(rt: Runtime, b: number, source: number): boolean {
  const s = slotBase(b);
  const m = rt.i32;
  if (m[s + BUF_INTERVALS] !== Qnil || m[s + BUF_OVERLAYS] !== Qnil || m[s + BUF_BASE_BUFFER] !== Qnil) return false;
  if (m[s + BUF_MODIFF]! <= m[s + BUF_SAVE_MODIFF]!) return false;
  if ((source & 7) === Lisp_String && stringIntervals(rt, source) !== Qnil) return false;
  if (findSymbolValue(rt, Qbuffer_read_only) !== Qnil || findSymbolValue(rt, Qbuffer_undo_list) !== Qt) return false;
  if (findSymbolValue(rt, Qinhibit_modification_hooks) === Qnil) {
    if (findSymbolValue(rt, Qbefore_change_functions) !== Qnil || findSymbolValue(rt, Qafter_change_functions) !== Qnil) return false;
    // What prepareToModify's overlay step does for a buffer without overlays.
    overlayHooks.forget(rt);
  }
  return true;
}

/** An insertion at point of B past its checks and hooks: the text, then its properties and the overlays. */
function insertBody(rt: Runtime, b: number, nchars: number, nbytes: number, beforeMarkers: boolean, inherit: boolean,
  source: number, sourceStart: number, kind: number, arg: number, fill: ((addr: number) => void) | null): void {
  const from = bint(rt, b, BUF_PT);
  insertRaw(rt, b, nchars, nbytes, beforeMarkers, source, kind, arg, fill);
  textPropHooks.inserted(rt, b, from, nchars, source, sourceStart, inherit);
  shareText(rt, b);
  if (bslot(rt, b, BUF_OVERLAYS) !== Qnil) overlayHooks.changed(rt, b, from, from + nchars);
}

/** insertText, or when RAW only its body (no checks, hooks or undo: the caller has seen to those). */
function insertTextOrBody(raw: boolean, rt: Runtime, nchars: number, nbytes: number, beforeMarkers: boolean, inherit: boolean,
  source: number, sourceStart: number, kind: number, arg: number, fill: ((addr: number) => void) | null): void {
  if (!raw) insertText(rt, nchars, nbytes, beforeMarkers, inherit, source, sourceStart, kind, arg, fill);
  else if (nchars > 0) insertBody(rt, currentBuffer(rt), nchars, nbytes, beforeMarkers, inherit, source, sourceStart, kind, arg, fill);
}

/**
 * Bytes a unibyte string's bytes take in a multibyte buffer: raw bytes become two-byte
 * characters. Most strings are ASCII: four bytes are tested at a time through the heap's word
 * view (the loop had been a good part of inserting a 270-byte string before V8 optimised it).
 */
function unibyteAsMultibyteBytes(rt: Runtime, p: number, n: number): number {
  const u8 = rt.u8;
  let r = n;
  let i = p;
  const end = p + n;
  for (; i < end && (i & 3) !== 0; i++) if (u8[i]! >= 0x80) r++;
  const i32 = rt.i32;
  for (; i + 4 <= end; i += 4) {
    if ((i32[i >>> 2]! & 0x80808080) === 0) continue;
    for (let k = i; k < i + 4; k++) if (u8[k]! >= 0x80) r++;
  }
  for (; i < end; i++) if (u8[i]! >= 0x80) r++;
  return r;
}

/** Insert string S (chars FROM..TO, default all) at point; RAW: without checks, hooks or undo (replaceRaw). */
export function insertString(rt: Runtime, s: number, beforeMarkers: boolean, inherit: boolean, from = 0, to = -1, raw = false): void {
  const nc = schars(rt, s);
  if (to < 0) to = nc;
  const nchars = to - from;
  if (nchars <= 0) return;
  if (bslot(rt, currentBuffer(rt), BUF_MULTIBYTE) === Qnil) {
    // A unibyte buffer: a unibyte string's bytes as they are; a multibyte string's characters
    // each as one byte (a raw byte as itself, any other char as its low 8 bits), as GNU.
    if (!stringMultibyte(rt, s)) {
      insertTextOrBody(raw, rt, nchars, nchars, beforeMarkers, inherit, s, from, FILL_COPY, from, null);
    } else {
      insertNarrowed(rt, s, from, nchars, beforeMarkers, inherit, raw);
    }
    return;
  }
  if (!stringMultibyte(rt, s)) {
    const nbytes = unibyteAsMultibyteBytes(rt, sdata(rt, s) + from, nchars);
    insertTextOrBody(raw, rt, nchars, nbytes, beforeMarkers, inherit, s, from, FILL_WIDEN, from, null);
    return;
  }
  let bFrom = 0;
  let bTo = sbytes(rt, s);
  if (from !== 0 || to !== nc) {
    bFrom = stringByteOffset(rt, s, from);
    bTo = stringByteOffset(rt, s, to);
  }
  insertTextOrBody(raw, rt, nchars, bTo - bFrom, beforeMarkers, inherit, s, from, FILL_COPY, bFrom, null);
}

/**
 * Multibyte string S's chars FROM.. (NCHARS) into a unibyte buffer, each as one byte. Its own
 * function: a closure capturing insertString's locals made V8 allocate their context on every
 * insert, this path taken or not.
 */
function insertNarrowed(rt: Runtime, s: number, from: number, nchars: number, beforeMarkers: boolean, inherit: boolean, raw: boolean): void {
  const bFrom = stringByteOffset(rt, s, from);
  insertTextOrBody(raw, rt, nchars, nchars, beforeMarkers, inherit, s, from, FILL_FN, 0, (addr) => {
    const u8 = rt.u8;
    let p = sdata(rt, s) + bFrom;
    for (let i = 0; i < nchars; i++) {
      u8[addr + i] = charToByte8(readChar(u8, p));
      p += charLenAt(u8[p]!);
    }
  });
}

function stringByteOffset(rt: Runtime, s: number, idx: number): number {
  const u8 = rt.u8;
  const p = sdata(rt, s);
  let b = 0;
  for (let c = 0; c < idx; c++) {
    const x = u8[p + b]!;
    b += x < 0x80 ? 1 : x < 0xe0 ? 2 : x < 0xf0 ? 3 : x < 0xf8 ? 4 : 5;
  }
  return b;
}

/** Insert COUNT copies of character C at point as one change. */
export function insertChars(rt: Runtime, c: number, count: number, beforeMarkers: boolean, inherit: boolean): void {
  if (count <= 0) return;
  // A unibyte buffer takes the character's byte.
  const uni = bslot(rt, currentBuffer(rt), BUF_MULTIBYTE) === Qnil;
  if (uni) c = charToByte8(c);
  const len = uni ? 1 : charBytes(c);
  insertText(rt, count, len * count, beforeMarkers, inherit, Qnil, 0, FILL_CHAR, c, null);
}

/** Insert internal-encoded BYTES (NCHARS characters) at point: the printer's way into a buffer. */
export function insertBytes(rt: Runtime, bytes: Uint8Array, nchars: number, beforeMarkers = false): void {
  if (bslot(rt, currentBuffer(rt), BUF_MULTIBYTE) === Qnil && nchars !== bytes.length) {
    // A unibyte buffer: each character as one byte.
    const one = new Uint8Array(nchars);
    for (let i = 0, p = 0; i < nchars; i++, p += charLenAt(bytes[p]!)) one[i] = charToByte8(readChar(bytes, p));
    bytes = one;
  }
  insertText(rt, nchars, bytes.length, beforeMarkers, false, Qnil, 0, FILL_FN, 0, (addr) => rt.u8.set(bytes, addr));
}

const isCharacter = (x: number): boolean => (x & 3) === 2 && x >> 2 >= 0 && x >> 2 <= 0x3fffff;

function insertArgs(rt: Runtime, args: number[], beforeMarkers: boolean, inherit: boolean): number {
  // An index, not for-of: unoptimised code runs for-of through the iterator protocol, an
  // iterator and a result object per argument, at each of a loop's first thousands of inserts.
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (isCharacter(a)) insertChars(rt, a >> 2, 1, beforeMarkers, inherit);
    else if (stringp(a)) insertString(rt, a, beforeMarkers, inherit);
    else wrongTypeArgument(rt, Qchar_or_string_p, a);
  }
  return Qnil;
}

DEFUN('insert', 0, MANY, 'Insert the ARGS, strings or characters, at point, and leave point after them.\nMarkers at point stay before the text unless their insertion type is t.',
  (rt, args: number[]) => insertArgs(rt, args, false, false));
DEFUN('insert-and-inherit', 0, MANY, 'Insert the ARGS as `insert\' does; the new text takes the sticky text properties of its neighbours.',
  (rt, args: number[]) => insertArgs(rt, args, false, true));
DEFUN('insert-before-markers', 0, MANY, 'Insert the ARGS as `insert\' does, moving every marker at point to after the new text.',
  (rt, args: number[]) => insertArgs(rt, args, true, false));
DEFUN('insert-before-markers-and-inherit', 0, MANY, 'Insert the ARGS as `insert-before-markers\' does; the new text takes the sticky text properties of its neighbours.',
  (rt, args: number[]) => insertArgs(rt, args, true, true));

DEFUN('insert-char', 1, 3, 'Insert COUNT (default 1) copies of CHARACTER at point; with INHERIT non-nil they take the neighbours\' sticky properties.',
  (rt, ch: number, count: number, inherit: number) => {
    if (!isCharacter(ch)) wrongTypeArgument(rt, Qcharacterp, ch);
    let n = 1;
    if (count !== Qnil) {
      if ((count & 3) !== 2) wrongTypeArgument(rt, Qfixnump, count);
      n = count >> 2;
    }
    insertChars(rt, ch >> 2, n, false, inherit !== Qnil);
    return Qnil;
  }, '(list (read-char-by-name "Insert character (Unicode name or hex): ") (prefix-numeric-value current-prefix-arg) t)');

// ---- regions and substrings --------------------------------------------------------------------------

/** Check START and END (integers or markers) against the accessible part; give them in order (GNU's validate_region). */
export function validateRegion(rt: Runtime, start: number, end: number): [number, number] {
  const a = positionValue(rt, start);
  const z = positionValue(rt, end);
  const s = a <= z ? a : z;
  const e = a <= z ? z : a;
  checkRegion(rt, s, e, start, end);
  return [s, e];
}

/** Signal GNU's args-out-of-range (with START and END as given) unless S..E lies in the accessible part. */
function checkRegion(rt: Runtime, s: number, e: number, start: number, end: number): void {
  const b = currentBuffer(rt);
  if (!(bint(rt, b, BUF_BEGV) <= s && e <= bint(rt, b, BUF_ZV)))
    xsignal(DEFSYM('args-out-of-range'), listOf(rt, [b, start, end]));
}

/**
 * buffer-substring(-no-properties) of START..END: validateRegion's checks without its array,
 * whose making and taking apart (an iterator and its results) unoptimised code paid at each
 * call (`match-string' in a line loop calls it once a match).
 */
function regionSubstring(rt: Runtime, start: number, end: number, props: boolean): number {
  const a = positionValue(rt, start);
  const z = positionValue(rt, end);
  const s = a <= z ? a : z;
  const e = a <= z ? z : a;
  checkRegion(rt, s, e, start, end);
  return bufferSubstring(rt, currentBuffer(rt), s, e, props);
}

function listOf(rt: Runtime, xs: number[]): number {
  let r = Qnil;
  for (let i = xs.length - 1; i >= 0; i--) r = consOf(rt, xs[i]!, r);
  return r;
}

/** Copy the bytes of FROM..TO (byte positions) of buffer B out of the gap buffer. */
export function copyBytes(rt: Runtime, b: number, fromByte: number, toByte: number): Uint8Array {
  const out = new Uint8Array(toByte - fromByte);
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  const u8 = rt.u8;
  if (toByte <= gpt) out.set(u8.subarray(base + fromByte - 1, base + toByte - 1));
  else if (fromByte >= gpt) out.set(u8.subarray(base + fromByte - 1 + gap, base + toByte - 1 + gap));
  else {
    out.set(u8.subarray(base + fromByte - 1, base + gpt - 1));
    out.set(u8.subarray(base + gpt - 1 + gap, base + toByte - 1 + gap), gpt - fromByte);
  }
  return out;
}

/** The text FROM..TO (char positions) of buffer B as a new string, with properties when PROPS. */
export function bufferSubstring(rt: Runtime, b: number, from: number, to: number, props: boolean): number {
  const fb = charToByte(rt, b, from);
  const tb = charToByte(rt, b, to);
  const bytes = copyBytes(rt, b, fb, tb);
  const s = makeStringFromBytes(rt, bytes, to - from, bslot(rt, b, BUF_MULTIBYTE) !== Qnil);
  if (props) textPropHooks.substring(rt, b, from, to, s);
  return s;
}

DEFUN('buffer-substring', 2, 2, 'Give the text between START and END of the current buffer as a string, with its text properties.',
  (rt, start: number, end: number) => regionSubstring(rt, start, end, true));

DEFUN('buffer-substring-no-properties', 2, 2, 'Give the text between START and END of the current buffer as a string without text properties.',
  (rt, start: number, end: number) => regionSubstring(rt, start, end, false));

DEFUN('buffer-string', 0, 0, 'Give the accessible text of the current buffer as a string, with its text properties.', (rt) => {
  const b = currentBuffer(rt);
  return bufferSubstring(rt, b, bint(rt, b, BUF_BEGV), bint(rt, b, BUF_ZV), true);
});

function insertBufferSubstring(rt: Runtime, buffer: number, start: number, end: number, props: boolean): number {
  const b = getBuffer(rt, buffer);
  if (b === Qnil) xsignal(DEFSYM('error'), consOf(rt, makeNoSuch(rt, buffer), Qnil));
  if (!bufferLive(rt, b)) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Selecting deleted buffer'), Qnil));
  let s = start === Qnil ? bint(rt, b, BUF_BEGV) : positionValue(rt, start);
  let e = end === Qnil ? bint(rt, b, BUF_ZV) : positionValue(rt, end);
  if (s > e) [s, e] = [e, s];
  if (!(bint(rt, b, BUF_BEGV) <= s && e <= bint(rt, b, BUF_ZV))) argsOutOfRange(rt, start, end);
  if (s === e) return Qnil;
  const str = bufferSubstring(rt, b, s, e, props);
  const sp = rt.sp;
  rt.push(str);
  insertString(rt, str, false, false);
  rt.sp = sp;
  return Qnil;
}
function makeNoSuch(rt: Runtime, x: number): number {
  if (!stringp(x)) return wrongTypeArgument(rt, Qbufferp, x);
  const prefix = makeStr(rt, 'No buffer named ');
  const n = sbytes(rt, x);
  const bytes = new Uint8Array(16 + n);
  bytes.set(rt.u8.subarray(sdata(rt, prefix), sdata(rt, prefix) + 16));
  bytes.set(rt.u8.subarray(sdata(rt, x), sdata(rt, x) + n), 16);
  return makeStringFromBytes(rt, bytes, 16 + schars(rt, x), stringMultibyte(rt, x));
}

DEFUN('insert-buffer-substring', 1, 3, 'Insert at point the text of BUFFER between START and END (by default its accessible part), with text properties.',
  (rt, buffer: number, start: number, end: number) => insertBufferSubstring(rt, buffer, start, end, true));

DEFUN('insert-buffer-substring-no-properties', 1, 3, 'Insert at point the text of BUFFER between START and END (by default its accessible part), without text properties.',
  (rt, buffer: number, start: number, end: number) => insertBufferSubstring(rt, buffer, start, end, false));

// ---- deletion -------------------------------------------------------------------------------------

/**
 * Delete FROM..TO (char positions, FROM <= TO, within the accessible part) of the current
 * buffer, with checks and hooks; give the deleted text when EXTRACT.
 */
export function deleteRange(rt: Runtime, from: number, to: number, extract: boolean): number {
  if (from === to) return extract ? makeStr(rt, '') : Qnil;
  // A hook may have changed the buffer: as GNU, delete as many chars from where FROM's text went.
  const preserve = { pos: from };
  prepareToModify(rt, from, to, preserve);
  const b = currentBuffer(rt);
  const begv = bint(rt, b, BUF_BEGV);
  const zv = bint(rt, b, BUF_ZV);
  const length = to - from;
  from = Math.max(begv, Math.min(preserve.pos, zv));
  to = Math.max(begv, Math.min(from + length, zv));
  if (from >= to) return extract ? makeStr(rt, '') : Qnil;
  const fromByte = charToByte(rt, b, from);
  const toByte = charToByte(rt, b, to);
  const sp = rt.sp;
  let deleted = Qnil;
  if (extract || undoRecording(rt)) {
    deleted = bufferSubstring(rt, b, from, to, true);
    rt.push(deleted);
    recordDelete(rt, b, from, deleted);
  }
  deleteRaw(rt, b, from, to, fromByte, toByte);
  signalAfterChange(rt, from, from, to - from);
  rt.sp = sp;
  return extract ? deleted : Qnil;
}

/** Delete FROM..TO (bytes FROMBYTE..TOBYTE) of B: the gap, positions, markers, ticks, properties, overlays; no checks, hooks or undo. */
function deleteRaw(rt: Runtime, b: number, from: number, to: number, fromByte: number, toByte: number): void {
  const nchars = to - from;
  const nbytes = toByte - fromByte;
  moveGap(rt, b, from, fromByte);
  const s = slotBase(b);
  const m = rt.i32;
  m[s + BUF_Z] = makeFixnum((m[s + BUF_Z]! >> 2) - nchars);
  m[s + BUF_Z_BYTE] = makeFixnum((m[s + BUF_Z_BYTE]! >> 2) - nbytes);
  m[s + BUF_ZV] = makeFixnum((m[s + BUF_ZV]! >> 2) - nchars);
  m[s + BUF_ZV_BYTE] = makeFixnum((m[s + BUF_ZV_BYTE]! >> 2) - nbytes);
  for (let l = m[s + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const ms = slotBase(xcar(rt, l));
    const cp = m[ms + MARKER_CHARPOS]! >> 2;
    if (cp > to) {
      m[ms + MARKER_CHARPOS] = makeFixnum(cp - nchars);
      m[ms + MARKER_BYTEPOS] = makeFixnum((m[ms + MARKER_BYTEPOS]! >> 2) - nbytes);
    } else if (cp > from) {
      m[ms + MARKER_CHARPOS] = makeFixnum(from);
      m[ms + MARKER_BYTEPOS] = makeFixnum(fromByte);
    }
  }
  const pt = m[s + BUF_PT]! >> 2;
  if (pt > to) {
    m[s + BUF_PT] = makeFixnum(pt - nchars);
    m[s + BUF_PT_BYTE] = makeFixnum((m[s + BUF_PT_BYTE]! >> 2) - nbytes);
  } else if (pt > from) {
    m[s + BUF_PT] = makeFixnum(from);
    m[s + BUF_PT_BYTE] = makeFixnum(fromByte);
  }
  bumpModiff(rt, b);
  sharersDeleted(rt, textSharers(rt, b), from, to, fromByte, nbytes);
  textPropHooks.deleted(rt, b, from, to);
  shareText(rt, b);
  if (m[s + BUF_OVERLAYS] !== Qnil) overlayHooks.changed(rt, b, from, from);
}

/** The word addresses and values of the char and byte positions of OTHERS' point, narrowing and markers, four numbers each. */
function sharerPositions(rt: Runtime, others: readonly number[]): number[] {
  const m = rt.i32;
  const saved: number[] = [];
  const note = (w: number, cs: number, bs: number): void => {
    saved.push(w + cs, w + bs, m[w + cs]! >> 2, m[w + bs]! >> 2);
  };
  for (const x of others) {
    const xs = slotBase(x);
    note(xs, BUF_PT, BUF_PT_BYTE);
    note(xs, BUF_BEGV, BUF_BEGV_BYTE);
    note(xs, BUF_ZV, BUF_ZV_BYTE);
    for (let l = m[xs + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) note(slotBase(xcar(rt, l)), MARKER_CHARPOS, MARKER_BYTEPOS);
  }
  return saved;
}

/**
 * Replace FROM..TO of the current buffer B by string S as one edit (GNU's replace_range), without
 * checks, hooks or undo: replace-match has run prepareToModify for FROM..TO and recorded the undo
 * entries, and runs the after-change hooks. The text goes in at FROM with point there; the caller
 * places point and the markers that were inside FROM..TO. Before, the replacement was a checked
 * deletion and a checked insertion under a binding of inhibit-modification-hooks, whose second
 * read-only check (at the insertion point, after the deletion) refused text GNU replaces.
 */
export function replaceRaw(rt: Runtime, b: number, from: number, to: number, s: number): void {
  if (replaceAsciiInPlace(rt, b, from, to, s)) return;
  const sp = rt.sp;
  rt.push(s);
  const tick = bint(rt, b, BUF_MODIFF);
  const fromByte = charToByte(rt, b, from);
  // The other buffers sharing the text keep point, narrowing and markers as GNU's markers of a
  // replaced range move: inside it to FROM, at or after its end by the change in length.
  const others = textSharers(rt, b);
  const saved = others.length > 0 ? sharerPositions(rt, others) : null;
  const z0 = bint(rt, b, BUF_Z);
  const zb0 = bint(rt, b, BUF_Z_BYTE);
  if (to > from) deleteRaw(rt, b, from, to, fromByte, charToByte(rt, b, to));
  setBint(rt, b, BUF_PT, from);
  setBint(rt, b, BUF_PT_BYTE, fromByte);
  insertString(rt, rt.stack[sp]!, false, false, 0, -1, true);
  if (saved !== null) {
    const m = rt.i32;
    const dc = bint(rt, b, BUF_Z) - z0;
    const db = bint(rt, b, BUF_Z_BYTE) - zb0;
    for (let i = 0; i < saved.length; i += 4) {
      const cp = saved[i + 2]!;
      const bp = saved[i + 3]!;
      const [nc, nb] = cp >= to ? [cp + dc, bp + db] : cp > from ? [from, fromByte] : [cp, bp];
      m[saved[i]!] = makeFixnum(nc);
      m[saved[i + 1]!] = makeFixnum(nb);
    }
  }
  // One change to GNU: the ticks move by one (a deletion and an insertion had moved them by two).
  // The tick after the deletion is the final one again, so what was cached then is dropped.
  if (bint(rt, b, BUF_MODIFF) > tick + 1) {
    setBint(rt, b, BUF_MODIFF, tick + 1);
    setBint(rt, b, BUF_CHARS_MODIFF, tick + 1);
    forgetPositionCache(rt, b);
    shareText(rt, b);
  }
  rt.sp = sp;
}

DEFUN('delete-region', 2, 2, 'Delete the text between START and END of the current buffer.', (rt, start: number, end: number) => {
  const [s, e] = validateRegion(rt, start, end);
  deleteRange(rt, s, e, false);
  return Qnil;
}, 'r');

DEFUN('delete-and-extract-region', 2, 2, 'Delete the text between START and END of the current buffer and give it as a string.',
  (rt, start: number, end: number) => {
    const [s, e] = validateRegion(rt, start, end);
    return deleteRange(rt, s, e, true);
  });

DEFUN('erase-buffer', 0, 0, 'Delete all the text of the current buffer, narrowing removed first.', (rt) => {
  const b = currentBuffer(rt);
  setBint(rt, b, BUF_BEGV, 1);
  setBint(rt, b, BUF_BEGV_BYTE, 1);
  setBint(rt, b, BUF_ZV, bint(rt, b, BUF_Z));
  setBint(rt, b, BUF_ZV_BYTE, bint(rt, b, BUF_Z_BYTE));
  deleteRange(rt, 1, bint(rt, b, BUF_Z), false);
  return Qnil;
}, '*');

// ---- unibyte and multibyte buffers ------------------------------------------------------------------

/** Length of a character GNU's `set-buffer-multibyte' accepts at u8[i] (shortest forms only, no C0/C1 raw-byte forms), or 0. */
function validSequence(u8: Uint8Array, i: number, end: number): number {
  const c = u8[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < end && (u8[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c < 0xe0) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c < 0xf0) return cont(1) && cont(2) && (c > 0xe0 || u8[i + 1]! >= 0xa0) ? 3 : 0;
  if (c >= 0xf0 && c < 0xf8) return cont(1) && cont(2) && cont(3) && (c > 0xf0 || u8[i + 1]! >= 0x90) ? 4 : 0;
  if (c === 0xf8 && cont(1) && cont(2) && cont(3) && cont(4)) {
    // 0x200000..0x3FFF7F: below is overlong, above are the raw bytes (two-byte forms).
    const v = ((u8[i + 1]! & 0x0f) << 18) | ((u8[i + 2]! & 0x3f) << 12) | ((u8[i + 3]! & 0x3f) << 6) | (u8[i + 4]! & 0x3f);
    return v >= 0x200000 && v <= 0x3fff7f ? 5 : 0;
  }
  return 0;
}

/**
 * GNU's set-buffer-multibyte on the current buffer. To unibyte, the bytes stay but raw-byte
 * characters (two-byte forms) become their byte; to multibyte, valid sequences become
 * characters and every other byte >= 0x80 a raw-byte character (with TO = `to', all of them).
 * Positions (point, narrowing, markers, overlays, text-property runs, of the buffer and of
 * those sharing its text) are converted: to unibyte a position becomes its byte position, to
 * multibyte a position inside a character goes to the next one. Each raw byte converted counts
 * as a change (GNU's ticks), the modified flag is kept, and the undo list gets
 * (apply set-buffer-multibyte OLD). No change hooks run and read-only is not checked, as GNU.
 */
export function setBufferMultibyte(rt: Runtime, flag: number): number {
  const b = currentBuffer(rt);
  const want = flag !== Qnil;
  const had = bslot(rt, b, BUF_MULTIBYTE) !== Qnil;
  if (want === had) return flag;
  const base = bslot(rt, b, BUF_BASE_BUFFER);
  if (base !== Qnil && base !== Qt) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Cannot do \u2018set-buffer-multibyte\u2019 on an indirect buffer'), Qnil));
  const z = bint(rt, b, BUF_Z);
  const zb = bint(rt, b, BUF_Z_BYTE);
  if (bint(rt, b, BUF_BEGV) !== 1 || bint(rt, b, BUF_ZV) !== z) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Changing multibyteness in a narrowed buffer'), Qnil));
  const old = copyBytes(rt, b, 1, zb);
  const out = new Uint8Array(want ? old.length * 2 : old.length);
  let o = 0;
  let raws = 0;
  // newChar[p - 1] / newByte[p - 1]: where old position p goes (p from 1 to Z).
  const newChar = new Int32Array(z);
  const newByte = new Int32Array(z);
  let nc = 0;
  if (!want) {
    let k = 0;
    for (let i = 0; i < old.length; k++) {
      newChar[k] = o + 1;
      const c = old[i]!;
      if (c === 0xc0 || c === 0xc1) {
        out[o++] = 0x80 | ((c & 1) << 6) | (old[i + 1]! & 0x3f);
        raws++;
        i += 2;
      } else {
        const len = charLenAt(c);
        out.set(old.subarray(i, i + len), o);
        o += len;
        i += len;
      }
    }
    newChar[k] = o + 1;
    newByte.set(newChar);
    nc = o;
  } else {
    const all = flag === Qto;
    for (let i = 0; i < old.length; ) {
      const len = all ? (old[i]! < 0x80 ? 1 : 0) : validSequence(old, i, old.length);
      newChar[i] = nc + 1;
      newByte[i] = o + 1;
      if (len === 0) {
        out[o++] = 0xc0 | ((old[i]! >> 6) & 1);
        out[o++] = 0x80 | (old[i]! & 0x3f);
        raws++;
        i++;
      } else {
        out.set(old.subarray(i, i + len), o);
        o += len;
        // A position inside the character goes to the next one.
        for (let k = 1; k < len; k++) {
          newChar[i + k] = nc + 2;
          newByte[i + k] = o + 1;
        }
        i += len;
      }
      nc++;
    }
    newChar[old.length] = nc + 1;
    newByte[old.length] = o + 1;
  }
  const nz = want ? nc + 1 : o + 1;
  const sp = rt.sp;
  rt.push(b);
  // The text-property runs, in characters from BEG: a run that comes out empty goes.
  const iv = bslot(rt, b, BUF_INTERVALS);
  if (iv !== Qnil) {
    const runs = readRuns(rt, iv, z - 1)!;
    const starts: number[] = [];
    const plists: number[] = [];
    for (let i = 0; i < runs.starts.length; i++) {
      const st = newChar[runs.starts[i]!]! - 1;
      if (starts.length > 0 && starts[starts.length - 1] === st) {
        starts.pop();
        plists.pop();
      }
      starts.push(st);
      plists.push(runs.plists[i]!);
    }
    while (starts.length > 0 && starts[starts.length - 1]! >= nz - 1) {
      starts.pop();
      plists.pop();
    }
    setBslot(rt, b, BUF_INTERVALS, writeRuns(rt, { starts, plists, total: nz - 1 }));
  }
  const text = allocString(rt, o + 64, o + 64, false);
  rt.u8.set(out.subarray(0, o), sdata(rt, text));
  setBslot(rt, b, BUF_TEXT, text);
  setBint(rt, b, BUF_Z, nz);
  setBint(rt, b, BUF_Z_BYTE, o + 1);
  setBint(rt, b, BUF_GPT, nz);
  setBint(rt, b, BUF_GPT_BYTE, o + 1);
  setBslot(rt, b, BUF_MULTIBYTE, want ? Qt : Qnil);
  const m = rt.i32;
  const conv = (s: number, cs: number, bs: number): void => {
    const p = m[s + cs]! >> 2;
    m[s + cs] = makeFixnum(newChar[p - 1]!);
    m[s + bs] = makeFixnum(newByte[p - 1]!);
  };
  for (const x of [b, ...textSharers(rt, b)]) {
    const xs = slotBase(x);
    conv(xs, BUF_PT, BUF_PT_BYTE);
    conv(xs, BUF_BEGV, BUF_BEGV_BYTE);
    conv(xs, BUF_ZV, BUF_ZV_BYTE);
    for (let l = m[xs + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) conv(slotBase(xcar(rt, l)), MARKER_CHARPOS, MARKER_BYTEPOS);
  }
  if (raws > 0) {
    const unmodified = bint(rt, b, BUF_SAVE_MODIFF) >= bint(rt, b, BUF_MODIFF);
    setBint(rt, b, BUF_MODIFF, bint(rt, b, BUF_MODIFF) + raws);
    setBint(rt, b, BUF_CHARS_MODIFF, bint(rt, b, BUF_MODIFF));
    if (unmodified) setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
  }
  forgetBufferCaches(rt, b);
  shareText(rt, b);
  for (const x of textSharers(rt, b)) forgetBufferCaches(rt, x);
  if (undoRecording(rt)) {
    const entry = listOf(rt, [Qapply, Qset_buffer_multibyte, had ? Qt : Qnil]);
    rt.push(entry);
    setInternal(rt, Qbuffer_undo_list, consOf(rt, entry, findSymbolValue(rt, Qbuffer_undo_list)));
  }
  rt.sp = sp;
  return flag;
}
const Qapply = DEFSYM('apply');
const Qto = DEFSYM('to');
const Qset_buffer_multibyte = DEFSYM('set-buffer-multibyte');
const Qbuffer_undo_list = DEFSYM('buffer-undo-list');

DEFUN('set-buffer-multibyte', 1, 1, 'Make the current buffer multibyte when FLAG is non-nil, unibyte when nil, converting its text as GNU does; give FLAG.\nTo unibyte, raw-byte characters become their bytes and other characters their bytes in the internal encoding; to multibyte, valid sequences become characters and other bytes raw-byte characters (with FLAG `to\', every byte >= 128 becomes one).',
  (rt, flag: number) => setBufferMultibyte(rt, flag));

// ---- printing into a buffer or at a marker --------------------------------------------------------

registerBufferPrinter((rt, dest, bytes, nchars) => {
  if (markerp(rt, dest)) {
    // Print at the marker: into its buffer, at its position, then leave the marker after the text.
    const b = markerBuffer(rt, dest);
    if (b === Qnil) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Marker does not point anywhere'), Qnil));
    const old = currentBuffer(rt);
    const ob = slotBase(b);
    setCurrentBufferRaw(rt, b);
    const savedPt = bint(rt, b, BUF_PT);
    const pos = markerCharpos(rt, dest);
    try {
      const posB = charToByte(rt, b, pos);
      setBint(rt, b, BUF_PT, pos);
      setBint(rt, b, BUF_PT_BYTE, posB);
      insertBytes(rt, bytes, nchars);
      const np = bint(rt, b, BUF_PT);
      rt.i32[slotBase(dest) + MARKER_CHARPOS] = makeFixnum(np);
      rt.i32[slotBase(dest) + MARKER_BYTEPOS] = makeFixnum(bint(rt, b, BUF_PT_BYTE));
      // Point goes back where it was, moved along if the text went in before it.
      const p = savedPt >= pos ? savedPt + nchars : savedPt;
      const pB = charToByte(rt, b, p);
      rt.i32[ob + BUF_PT] = makeFixnum(p);
      setBint(rt, b, BUF_PT_BYTE, pB);
    } finally {
      if (bufferLive(rt, old)) setCurrentBufferRaw(rt, old);
    }
    return true;
  }
  const b = decodeBufferOrFalse(rt, dest);
  if (b === Qnil) return false;
  const old = currentBuffer(rt);
  setCurrentBufferRaw(rt, b);
  try {
    insertBytes(rt, bytes, nchars);
  } finally {
    if (bufferLive(rt, old)) setCurrentBufferRaw(rt, old);
  }
  return true;
}, (rt, dest) => {
  // At the start of the buffer's accessible part or after a newline (at point, or at the marker).
  const b = markerp(rt, dest) ? markerBuffer(rt, dest) : dest;
  if (!isBuffer(rt, b) || !bufferLive(rt, b)) return false;
  const pos = markerp(rt, dest) ? markerCharpos(rt, dest) : bint(rt, b, BUF_PT);
  if (pos <= bint(rt, b, BUF_BEGV)) return true;
  const byte = charToByte(rt, b, pos) - 1;
  return rt.u8[byteAddrOf(rt, b, byte)] === 10;
});

function decodeBufferOrFalse(rt: Runtime, x: number): number {
  if (!isBuffer(rt, x)) return Qnil;
  if (!bufferLive(rt, x)) xsignal(DEFSYM('error'), consOf(rt, makeStr(rt, 'Selecting deleted buffer'), Qnil));
  return x;
}
