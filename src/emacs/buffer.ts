// Buffers (GNU buffer.c): the buffer objects, the current buffer and the list of live buffers.
//
// A buffer is a vectorlike of BUFFER_SLOTS Lisp words (heap/layout.ts BUF_*); docs/buffers.md
// draws it. The current buffer and the buffer list are global Lisp slots, so they are rooted
// and dumped like every other global.

import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import {
  BUFFER_SLOTS, BUF_BEGV, BUF_BEGV_BYTE, BUF_CHARS_MODIFF, BUF_GPT, BUF_GPT_BYTE, BUF_MARK,
  BUF_MARKERS, BUF_MODIFF, BUF_MULTIBYTE, BUF_NAME, BUF_PT, BUF_PT_BYTE, BUF_SAVE_MODIFF, BUF_TEXT, BUF_Z, BUF_ZV,
  BUF_ZV_BYTE, BUF_Z_BYTE, BUF_INHIBIT_HOOKS, BUF_INTERVALS, BUF_OVERLAYS, MARKER_BUFFER, MARKER_BYTEPOS, MARKER_CHARPOS,
  MARKER_INSERTION_TYPE, MARKER_SLOTS, PVEC_BUFFER, PVEC_MARKER, BUF_BASE_BUFFER, BUF_SYNTAX_TABLE,
  BUF_CASE_TABLE, BUF_CATEGORY_TABLE, BUF_KEYMAP, BUF_AUTOSAVE_MODIFF,
} from '../heap/layout.ts';
import { Lisp_Cons, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import {
  allocString, cons, isPvec, makePvec, makeString, sbytes, schars, sdata, stringMultibyte, stringp, xcar, xcdr,
  xsetcdr, makeStringFromBytes,
} from '../core/object.ts';
import { DEFSYM, Qnil, Qt, Qstringp, Qunbound } from '../core/symbols.ts';
import { DEFINIT, DEFUN, DEFVAR, UNEVALLED } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { call1, funcall, localBindingsChanged, progn, runHookWithArgs, unwindProtect } from './eval.ts';
import { registerPvecPrinter } from './print.ts';
import { DEFERRABLE_STRINGS } from '../core/dump-hooks.ts';
import { cloneBufferLocals, initBufferLocals, localBindingCell, resetBufferLocals } from './buffer-locals.ts';

/** The current buffer: a buffer object, or nil before the first buffer is made. */
export const G_CURRENT_BUFFER = DEFGLOBAL('current-buffer');
/** The live buffers, in `buffer-list` order: a Lisp list. */
export const G_BUFFER_LIST = DEFGLOBAL('buffer-list');
/**
 * The buffer GNU batch shows in its one window (*scratch* at start): `other-buffer' passes over
 * it as a visible buffer, and killing it shows another there.
 */
/** What buffers ask of windows (set by window.ts): whether the selected frame shows B, and, for a
 *  buffer being killed, to show other buffers in its windows and forget it in their histories. */
export const windowHooks = {
  shown: (_rt: Runtime, _b: number): boolean => false,
  killing: (_rt: Runtime, _b: number): void => {},
};

/** The current buffer's object (nil only while a bare runtime has made none). */
export const currentBuffer = (rt: Runtime): number => rt.globals[G_CURRENT_BUFFER]!;

export const Qbufferp = DEFSYM('bufferp');
const Qformat_message = DEFSYM('format-message');
const Qformat = DEFSYM('format');
const Qrandom = DEFSYM('random');
const Qkill_buffer_hook = DEFVAR('kill-buffer-hook', () => Qnil, 'Functions run, with the dying buffer current, when a buffer is about to be killed.');
const Qkill_buffer_query_functions = DEFVAR('kill-buffer-query-functions', () => Qnil, 'Functions asked, with the buffer current, before a buffer is killed: when any gives nil, it is not killed.');
const Qbuffer_list_update_hook = DEFVAR('buffer-list-update-hook', () => Qnil, 'Functions run after a buffer is made, renamed or killed (unless its hooks are inhibited).');

// ---- slots ----------------------------------------------------------------------------------

/** Word index of a buffer's (or marker's) first slot. */
export const slotBase = (b: number): number => ((b & -8) >>> 2) + 1;
export const bslot = (rt: Runtime, b: number, i: number): number => rt.i32[slotBase(b) + i]!;
export const setBslot = (rt: Runtime, b: number, i: number, v: number): void => {
  rt.i32[slotBase(b) + i] = v;
};
/** A fixnum slot's value (positions, ticks). */
export const bint = (rt: Runtime, b: number, i: number): number => rt.i32[slotBase(b) + i]! >> 2;
export const setBint = (rt: Runtime, b: number, i: number, n: number): void => {
  rt.i32[slotBase(b) + i] = (n << 2) | 2;
};

export const bufferp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_BUFFER);
export const markerp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_MARKER);
export const bufferLive = (rt: Runtime, b: number): boolean => bslot(rt, b, BUF_NAME) !== Qnil;

/** Text capacity in bytes (the private string's length). */
export const textCapacity = (rt: Runtime, b: number): number => schars(rt, bslot(rt, b, BUF_TEXT));
/** The gap's size in bytes. */
export const gapSize = (rt: Runtime, b: number): number => textCapacity(rt, b) - (bint(rt, b, BUF_Z_BYTE) - 1);
/**
 * Heap address of the text's first byte. Every reader of a buffer's bytes comes here first, so a
 * large text whose bytes a dump load left unread (dump/loader.ts, the deferred payload) is read,
 * and checked, here at its first use.
 */
export const textBase = (rt: Runtime, b: number): number => {
  const at = sdata(rt, bslot(rt, b, BUF_TEXT));
  const d = rt.deferredText;
  if (d !== null && at >= d.lo && at < d.hi) d.load();
  return at;
};

// The texts of the live buffers may go to a dump's deferred payload (textBase reads them first).
DEFERRABLE_STRINGS.push((rt) => {
  const out: number[] = [];
  for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) out.push(bslot(rt, xcar(rt, l), BUF_TEXT));
  return out;
});
/** Heap address of the byte at 1-based byte position POS (POS < Z_BYTE). */
export function byteAddr(rt: Runtime, b: number, pos: number): number {
  const base = textBase(rt, b);
  return pos < bint(rt, b, BUF_GPT_BYTE) ? base + pos - 1 : base + pos - 1 + gapSize(rt, b);
}

const INITIAL_CAPACITY = 64;

/** A marker in no buffer. */
export function makeMarkerObject(rt: Runtime): number {
  const m = makePvec(rt, PVEC_MARKER, MARKER_SLOTS, Qnil);
  const s = slotBase(m);
  rt.i32[s + MARKER_CHARPOS] = makeFixnum(1);
  rt.i32[s + MARKER_BYTEPOS] = makeFixnum(1);
  rt.i32[s + MARKER_INSERTION_TYPE] = Qnil;
  return m;
}

/** A fresh empty live buffer named NAME (a string the buffer may keep), not yet in the list. */
function makeBufferObject(rt: Runtime, name: number, inhibitHooks: boolean): number {
  const b = makePvec(rt, PVEC_BUFFER, BUFFER_SLOTS, Qnil);
  // B may stand where a buffer the collector freed stood: localCell's answers for that one go.
  localBindingsChanged(rt);
  const sp = rt.sp;
  rt.push(b);
  setBslot(rt, b, BUF_NAME, name);
  setBslot(rt, b, BUF_TEXT, allocString(rt, INITIAL_CAPACITY, INITIAL_CAPACITY, false));
  for (const i of [BUF_Z, BUF_Z_BYTE, BUF_GPT, BUF_GPT_BYTE, BUF_PT, BUF_PT_BYTE, BUF_BEGV, BUF_BEGV_BYTE, BUF_ZV, BUF_ZV_BYTE,
    BUF_MODIFF, BUF_CHARS_MODIFF, BUF_SAVE_MODIFF]) setBint(rt, b, i, 1);
  setBint(rt, b, BUF_AUTOSAVE_MODIFF, 0);
  setBslot(rt, b, BUF_MULTIBYTE, Qt);
  setBslot(rt, b, BUF_MARK, makeMarkerObject(rt));
  setBslot(rt, b, BUF_INHIBIT_HOOKS, inhibitHooks ? Qt : Qnil);
  rt.sp = sp;
  return b;
}

// ---- names --------------------------------------------------------------------------------------

function sameString(rt: Runtime, a: number, b: number): boolean {
  const n = sbytes(rt, a);
  if (n !== sbytes(rt, b) || schars(rt, a) !== schars(rt, b)) return false;
  const u8 = rt.u8;
  const pa = sdata(rt, a);
  const pb = sdata(rt, b);
  for (let i = 0; i < n; i++) if (u8[pa + i] !== u8[pb + i]) return false;
  return true;
}

/** A copy of string S without text properties (a buffer's own name). */
function copyName(rt: Runtime, s: number): number {
  const n = sbytes(rt, s);
  return makeStringFromBytes(rt, rt.u8.slice(sdata(rt, s), sdata(rt, s) + n), schars(rt, s), stringMultibyte(rt, s));
}

/** The live buffer named NAME (a string), or nil. */
export function bufferNamed(rt: Runtime, name: number): number {
  for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const b = xcar(rt, l);
    if (sameString(rt, bslot(rt, b, BUF_NAME), name)) return b;
  }
  return Qnil;
}

/** GNU's Fget_buffer: a buffer stays itself, a string names a live buffer (or nil). */
export function getBuffer(rt: Runtime, x: number): number {
  if (bufferp(rt, x)) return x;
  if (!stringp(x)) wrongTypeArgument(rt, Qstringp, x);
  return bufferNamed(rt, x);
}

/** The error for a name that names no buffer (GNU's nsberror). */
function noSuchBuffer(rt: Runtime, x: number): never {
  if (stringp(x)) xsignal(DEFSYM('error'), cons(rt, funcall(rt, Qformat, [makeString(rt, 'No buffer named %s'), x]), Qnil));
  return error(rt, 'Invalid buffer argument');
}


/** Check that X names or is a buffer and give the buffer: nil means the current one (GNU's decode_buffer). */
export function decodeBuffer(rt: Runtime, x: number): number {
  if (x === Qnil) return currentBuffer(rt);
  if (!bufferp(rt, x)) wrongTypeArgument(rt, Qbufferp, x);
  return x;
}

function runListUpdateHook(rt: Runtime, inhibit: boolean): void {
  if (!inhibit) runHookWithArgs(rt, Qbuffer_list_update_hook, [], null);
}

/** Append B to the buffer list: buffer-list shows buffers in the order they were made. */
function appendToBufferList(rt: Runtime, b: number): void {
  const cell = cons(rt, b, Qnil);
  let l = rt.globals[G_BUFFER_LIST]!;
  if (l === Qnil) rt.globals[G_BUFFER_LIST] = cell;
  else {
    while ((xcdr(rt, l) & 7) === Lisp_Cons) l = xcdr(rt, l);
    xsetcdr(rt, l, cell);
  }
}

export function getBufferCreate(rt: Runtime, name: number, inhibitHooks = false): number {
  if (bufferp(rt, name)) return name;
  const found = getBuffer(rt, name);
  if (found !== Qnil) return found;
  if (schars(rt, name) === 0) error(rt, 'Empty string for buffer name is not allowed');
  const b = makeBufferObject(rt, copyName(rt, name), inhibitHooks);
  const sp = rt.sp;
  rt.push(b);
  initBufferLocals(rt, b);
  appendToBufferList(rt, b);
  runListUpdateHook(rt, inhibitHooks);
  rt.sp = sp;
  return b;
}

DEFUN('get-buffer-create', 1, 2, 'Give the buffer named BUFFER-OR-NAME, making a new empty one when none is live.\nA buffer is given back as it is. With INHIBIT-BUFFER-HOOKS non-nil the new buffer runs no buffer hooks.',
  (rt, name: number, inhibit: number) => getBufferCreate(rt, name, inhibit !== Qnil));

DEFUN('get-buffer', 1, 1, 'Give the live buffer named BUFFER-OR-NAME, or nil; a buffer is given back as it is.',
  (rt, name: number) => getBuffer(rt, name));

export function generateNewBufferName(rt: Runtime, name: number, ignore: number): number {
  if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
  if (bufferNamed(rt, name) === Qnil) return name;
  if (ignore !== Qnil && stringp(ignore) && sameString(rt, ignore, name)) return name;
  const free = (cand: number): boolean =>
    (ignore !== Qnil && stringp(ignore) && sameString(rt, ignore, cand)) || bufferNamed(rt, cand) === Qnil;
  // A hidden name (leading space) first tries a random suffix, as GNU does, so that many
  // temporary buffers do not each walk the <N> sequence.
  if (schars(rt, name) > 0 && rt.u8[sdata(rt, name)] === 0x20) {
    const r = call1(rt, Qrandom, makeFixnum(1000000));
    const cand = concatSuffix(rt, name, '-' + String(fixnumValue(r)));
    if (free(cand)) return cand;
  }
  for (let n = 2; ; n++) {
    const cand = concatSuffix(rt, name, '<' + n + '>');
    if (free(cand)) return cand;
  }
}

function concatSuffix(rt: Runtime, s: number, suffix: string): number {
  const n = sbytes(rt, s);
  const bytes = new Uint8Array(n + suffix.length);
  bytes.set(rt.u8.subarray(sdata(rt, s), sdata(rt, s) + n));
  for (let i = 0; i < suffix.length; i++) bytes[n + i] = suffix.charCodeAt(i);
  return makeStringFromBytes(rt, bytes, schars(rt, s) + suffix.length, stringMultibyte(rt, s));
}

DEFUN('generate-new-buffer-name', 1, 2, 'Give a name no live buffer has, made from NAME by adding <2>, <3>... (a hidden name gets a random number first).\nIGNORE, a string, counts as free even when a buffer has it.',
  (rt, name: number, ignore: number) => generateNewBufferName(rt, name, ignore));

DEFUN('generate-new-buffer', 1, 2, 'Make and give a new buffer whose name is NAME made unique as `generate-new-buffer-name\' does.\nINHIBIT-BUFFER-HOOKS as for `get-buffer-create\'.',
  (rt, name: number, inhibit: number) => getBufferCreate(rt, generateNewBufferName(rt, name, Qnil), inhibit !== Qnil));

DEFUN('buffer-name', 0, 1, 'Give the name of BUFFER (by default the current one), or nil when it has been killed.',
  (rt, buffer: number) => bslot(rt, decodeBuffer(rt, buffer), BUF_NAME));

DEFUN('buffer-live-p', 1, 1, 'Tell whether OBJECT is a buffer that has not been killed.',
  (rt, x: number) => (bufferp(rt, x) && bufferLive(rt, x) ? Qt : Qnil));

DEFUN('buffer-list', 0, 1, 'Give a fresh list of the live buffers (FRAME is accepted and ignored: there are no frames).',
  (rt, _frame: number) => {
    const out: number[] = [];
    for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) out.push(xcar(rt, l));
    let r = Qnil;
    for (let i = out.length - 1; i >= 0; i--) r = cons(rt, out[i]!, r);
    return r;
  });

/** Move B to the front (FRONT true) or the end of the buffer list. */
function moveInBufferList(rt: Runtime, b: number, front: boolean): void {
  let prev = Qnil;
  for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, l) !== b) continue;
    if (prev === Qnil) rt.globals[G_BUFFER_LIST] = xcdr(rt, l);
    else xsetcdr(rt, prev, xcdr(rt, l));
    break;
  }
  if (front) rt.globals[G_BUFFER_LIST] = cons(rt, b, rt.globals[G_BUFFER_LIST]!);
  else appendToBufferList(rt, b);
}

DEFUN('bury-buffer-internal', 1, 1, 'Put BUFFER last in the buffer list.', (rt, buffer: number) => {
  if (!bufferp(rt, buffer)) wrongTypeArgument(rt, Qbufferp, buffer);
  if (!bufferLive(rt, buffer)) return Qnil;
  moveInBufferList(rt, buffer, false);
  runListUpdateHook(rt, bslot(rt, buffer, BUF_INHIBIT_HOOKS) !== Qnil);
  return Qnil;
});

DEFUN('tsmacs--record-buffer', 1, 1, 'Put BUFFER first in the buffer list, as selecting a window that shows it does, and run `buffer-list-update-hook\'.', (rt, buffer: number) => {
  if (!bufferp(rt, buffer)) wrongTypeArgument(rt, Qbufferp, buffer);
  if (!bufferLive(rt, buffer)) return Qnil;
  moveInBufferList(rt, buffer, true);
  runListUpdateHook(rt, bslot(rt, buffer, BUF_INHIBIT_HOOKS) !== Qnil);
  return Qnil;
});

DEFUN('rename-buffer', 1, 2, 'Give the current buffer the name NEWNAME and give that name back.\nWith UNIQUE non-nil a name in use is made unique first; without, a name in use is an error.',
  (rt, newname: number, unique: number) => {
    if (!stringp(newname)) wrongTypeArgument(rt, Qstringp, newname);
    if (schars(rt, newname) === 0) error(rt, 'Empty string is invalid as a buffer name');
    const cur = currentBuffer(rt);
    const other = bufferNamed(rt, newname);
    if (other !== Qnil) {
      if (unique !== Qnil) newname = generateNewBufferName(rt, newname, bslot(rt, cur, BUF_NAME));
      else if (other === cur) return bslot(rt, cur, BUF_NAME);
      else xsignal(DEFSYM('error'), cons(rt, funcall(rt, Qformat_message, [makeString(rt, 'Buffer name `%s\' is in use'), newname]), Qnil));
    }
    const name = copyName(rt, newname);
    setBslot(rt, cur, BUF_NAME, name);
    const sp = rt.sp;
    rt.push(name);
    runListUpdateHook(rt, false);
    rt.sp = sp;
    return bslot(rt, cur, BUF_NAME);
  }, '(list (read-string "Rename buffer (to new name): " nil \'buffer-name-history (buffer-name (current-buffer))) current-prefix-arg)');


// ---- indirect buffers: shared text -----------------------------------------------------------------

/**
 * The slots that make up a buffer's text (GNU's struct buffer_text). An indirect buffer and its
 * base each hold a copy of them: every change made in one is copied to the others (shareText),
 * so everything else reads a buffer's own slots as before. Point, narrowing, markers, overlays
 * and local variables stay per buffer; insdel.ts moves the others' positions on each change.
 */
export const TEXT_SLOTS = [BUF_TEXT, BUF_Z, BUF_Z_BYTE, BUF_GPT, BUF_GPT_BYTE, BUF_MODIFF, BUF_CHARS_MODIFF, BUF_SAVE_MODIFF,
  BUF_INTERVALS, BUF_MULTIBYTE] as const;

/** The live buffers other than B that share B's text (none for a buffer that never had an indirect one). */
const NO_SHARERS: readonly number[] = Object.freeze([]);
export function textSharers(rt: Runtime, b: number): readonly number[] {
  const base = bslot(rt, b, BUF_BASE_BUFFER);
  if (base === Qnil) return NO_SHARERS;
  const root = base === Qt ? b : base;
  const out: number[] = [];
  for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const x = xcar(rt, l);
    if (x !== b && (x === root || bslot(rt, x, BUF_BASE_BUFFER) === root)) out.push(x);
  }
  return out;
}

const Qbuffer_undo_list = DEFSYM('buffer-undo-list');

/** Copy B's text slots to the buffers sharing its text; with UNDO, its undo list too (GNU shares it). */
export function shareText(rt: Runtime, b: number, undo = false): void {
  if (bslot(rt, b, BUF_BASE_BUFFER) === Qnil) return;
  const others = textSharers(rt, b);
  if (others.length === 0) return;
  const from = slotBase(b);
  const undoCell = undo ? localBindingCell(rt, b, Qbuffer_undo_list) : Qnil;
  for (const x of others) {
    const to = slotBase(x);
    for (const i of TEXT_SLOTS) rt.i32[to + i] = rt.i32[from + i]!;
    if (undoCell !== Qnil) {
      const cell = localBindingCell(rt, x, Qbuffer_undo_list);
      if (cell !== Qnil) xsetcdr(rt, cell, xcdr(rt, undoCell));
    }
  }
}

DEFUN('buffer-base-buffer', 0, 1, 'Give the base buffer of BUFFER (by default the current one) when it is an indirect buffer, else nil.',
  (rt, buffer: number) => {
    const base = bslot(rt, decodeBuffer(rt, buffer), BUF_BASE_BUFFER);
    return base === Qt ? Qnil : base;
  });

const Qclone_indirect_buffer_hook = DEFVAR('clone-indirect-buffer-hook', () => Qnil, 'Functions run, in the new buffer, after an indirect buffer is cloned by `clone-indirect-buffer\'.');
void Qclone_indirect_buffer_hook;

DEFUN('make-indirect-buffer', 2, 4, 'Make and give an indirect buffer named NAME whose text is BASE-BUFFER\'s (shared: a change in either shows in both).\nIt starts with the base\'s point and narrowing; with CLONE non-nil also its local variables and overlays. INHIBIT-BUFFER-HOOKS as for `get-buffer-create\'.',
  (rt, baseArg: number, name: number, clone: number, inhibit: number) => {
    if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
    let base = getBuffer(rt, baseArg);
    if (base === Qnil) xsignal(DEFSYM('error'), cons(rt, funcall(rt, Qformat_message, [makeString(rt, 'No such buffer: `%s\''), baseArg]), Qnil));
    if (schars(rt, name) === 0) error(rt, 'Empty string for buffer name is not allowed');
    if (bufferNamed(rt, name) !== Qnil)
      xsignal(DEFSYM('error'), cons(rt, funcall(rt, Qformat_message, [makeString(rt, 'Buffer name `%s\' is in use'), name]), Qnil));
    if (!bufferLive(rt, base)) error(rt, 'Base buffer has been killed');
    // The base of an indirect buffer's indirect buffer is the first base.
    const bb = bslot(rt, base, BUF_BASE_BUFFER);
    if (bb !== Qnil && bb !== Qt) base = bb;
    const sp = rt.sp;
    rt.push(base);
    const inhibitHooks = inhibit !== Qnil;
    const b = makeBufferObject(rt, copyName(rt, name), inhibitHooks);
    rt.push(b);
    // The text is the base's (its current state: the base may be current and ahead of its sharers).
    shareText(rt, base);
    const from = slotBase(base);
    const to = slotBase(b);
    for (const i of TEXT_SLOTS) rt.i32[to + i] = rt.i32[from + i]!;
    for (const i of [BUF_PT, BUF_PT_BYTE, BUF_BEGV, BUF_BEGV_BYTE, BUF_ZV, BUF_ZV_BYTE]) rt.i32[to + i] = rt.i32[from + i]!;
    setBslot(rt, b, BUF_BASE_BUFFER, base);
    if (bslot(rt, base, BUF_BASE_BUFFER) === Qnil) setBslot(rt, base, BUF_BASE_BUFFER, Qt);
    if (clone !== Qnil) {
      cloneBufferLocals(rt, base, b);
      setBslot(rt, b, BUF_SYNTAX_TABLE, bslot(rt, base, BUF_SYNTAX_TABLE));
      setBslot(rt, b, BUF_CASE_TABLE, bslot(rt, base, BUF_CASE_TABLE));
      setBslot(rt, b, BUF_CATEGORY_TABLE, bslot(rt, base, BUF_CATEGORY_TABLE));
      setBslot(rt, b, BUF_KEYMAP, bslot(rt, base, BUF_KEYMAP));
    } else {
      initBufferLocals(rt, b);
    }
    // GNU's indirect buffer shares the base's undo list.
    const cell = localBindingCell(rt, b, Qbuffer_undo_list);
    const baseCell = localBindingCell(rt, base, Qbuffer_undo_list);
    if (cell !== Qnil && baseCell !== Qnil) xsetcdr(rt, cell, xcdr(rt, baseCell));
    appendToBufferList(rt, b);
    if (clone !== Qnil) cloneHooks.overlays(rt, base, b);
    // Measured: GNU 28 runs the hook for a new indirect buffer even with INHIBIT-BUFFER-HOOKS
    // (killing it then runs none).
    runListUpdateHook(rt, false);
    rt.sp = sp;
    return b;
  }, 'bMake indirect buffer (to buffer): \nBName of indirect buffer: ');

/** What a clone copies that lives in other modules: overlay.ts fills it. */
export const cloneHooks = { overlays: (_rt: Runtime, _from: number, _to: number): void => {} };

/** File locking as the modified flag changes and as a buffer dies: filelock.ts fills it. */
export const lockHooks = {
  forFlag: (_rt: Runtime, _b: number, _makeModified: boolean): void => {},
  unlock: (_rt: Runtime, _b: number): void => {},
};

// ---- buffer-swap-text ------------------------------------------------------------------------------

DEFUN('buffer-swap-text', 1, 1, 'Swap the text of the current buffer and BUFFER, with what goes with it: point, narrowing, markers, overlays, text properties, multibyteness, the undo list.',
  (rt, other: number) => {
    if (!bufferp(rt, other)) wrongTypeArgument(rt, Qbufferp, other);
    const cur = currentBuffer(rt);
    if (!bufferLive(rt, other)) error(rt, 'Cannot swap a dead buffer\u2019s text');
    if (other === cur) return Qnil;
    for (const x of [cur, other]) {
      const base = bslot(rt, x, BUF_BASE_BUFFER);
      if (base === Qt) error(rt, 'One of the buffers to swap has indirect buffers');
    }
    for (const x of [cur, other]) if (bslot(rt, x, BUF_BASE_BUFFER) !== Qnil) error(rt, 'Cannot swap indirect buffers\u2019s text');
    const a = slotBase(cur);
    const o = slotBase(other);
    const m = rt.i32;
    for (const i of [...TEXT_SLOTS, BUF_PT, BUF_PT_BYTE, BUF_BEGV, BUF_BEGV_BYTE, BUF_ZV, BUF_ZV_BYTE, BUF_MARKERS, BUF_OVERLAYS, BUF_MARK]) {
      const t = m[a + i]!;
      m[a + i] = m[o + i]!;
      m[o + i] = t;
    }
    for (const [x, ms] of [[cur, a], [other, o]] as const) {
      for (let l = m[ms + BUF_MARKERS]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) m[slotBase(xcar(rt, l)) + MARKER_BUFFER] = x;
      // GNU counts the swap as a change of each.
      setBint(rt, x, BUF_MODIFF, bint(rt, x, BUF_MODIFF) + 1);
      setBint(rt, x, BUF_CHARS_MODIFF, bint(rt, x, BUF_MODIFF));
    }
    const ca = localBindingCell(rt, cur, Qbuffer_undo_list);
    const co = localBindingCell(rt, other, Qbuffer_undo_list);
    if (ca !== Qnil && co !== Qnil) {
      const t = xcdr(rt, ca);
      xsetcdr(rt, ca, xcdr(rt, co));
      xsetcdr(rt, co, t);
    }
    forgetBufferCaches(rt, cur);
    forgetBufferCaches(rt, other);
    return Qnil;
  });

// ---- the current buffer ---------------------------------------------------------------------

/** Make B (a live buffer) current: the one place that switches, so that later work can hook here. */
export function setCurrentBuffer(rt: Runtime, b: number): void {
  const old = rt.globals[G_CURRENT_BUFFER]!;
  // The buffer left behind may have changed text it shares (text properties, undo list): its
  // sharers see it from now on (insdel.ts shares text changes at once).
  if (old !== b && old !== Qnil && bslot(rt, old, BUF_BASE_BUFFER) !== Qnil && bufferLive(rt, old)) shareText(rt, old, true);
  rt.globals[G_CURRENT_BUFFER] = b;
}

export function setBuffer(rt: Runtime, x: number): number {
  const b = getBuffer(rt, x);
  if (b === Qnil) noSuchBuffer(rt, x);
  if (!bufferLive(rt, b)) error(rt, 'Selecting deleted buffer');
  setCurrentBuffer(rt, b);
  return b;
}

DEFUN('current-buffer', 0, 0, 'Give the current buffer.', (rt) => currentBuffer(rt));

DEFUN('set-buffer', 1, 1, 'Make BUFFER-OR-NAME the current buffer, for Lisp only (no window changes), and give it.',
  (rt, x: number) => setBuffer(rt, x));

/** Run BODY, then make current again the buffer that was current before, if it still lives. */
export function saveCurrentBuffer(rt: Runtime, body: () => number): number {
  const sp = rt.sp;
  currentBufferEnter(rt);
  const v = unwindProtect(rt, body, () => currentBufferExit(rt, sp));
  rt.sp = sp;
  return v;
}

/** The start of `save-current-buffer': the current buffer pushed (one word), for currentBufferExit. */
export function currentBufferEnter(rt: Runtime): void {
  rt.push(currentBuffer(rt));
}

/**
 * The end of `save-current-buffer': the buffer that was current, at stack[base] (pushed there
 * at the start, by saveCurrentBuffer or compiled code), made current again if it still lives.
 */
export function currentBufferExit(rt: Runtime, base: number): void {
  const old = rt.stack[base]!;
  if (old !== Qnil && bufferLive(rt, old)) setCurrentBuffer(rt, old);
}

DEFUN('save-current-buffer', 0, UNEVALLED, 'Evaluate BODY, then make current again the buffer that was current before, if it is still live.',
  (rt, body: number) => saveCurrentBuffer(rt, () => progn(rt, body)));

// ---- modification state -----------------------------------------------------------------------

DEFUN('buffer-size', 0, 1, 'Give the number of characters in BUFFER (by default the current one), ignoring narrowing.',
  (rt, buffer: number) => {
    const b = decodeBuffer(rt, buffer);
    return makeFixnum(bint(rt, b, BUF_Z) - 1);
  });

DEFUN('buffer-modified-p', 0, 1, 'Tell whether BUFFER (by default the current one) was changed since it was last saved or marked unmodified.',
  (rt, buffer: number) => {
    const b = decodeBuffer(rt, buffer);
    return bint(rt, b, BUF_SAVE_MODIFF) < bint(rt, b, BUF_MODIFF) ? Qt : Qnil;
  });

function restoreModified(rt: Runtime, flag: number): number {
  const b = currentBuffer(rt);
  lockHooks.forFlag(rt, b, flag !== Qnil);
  if (flag === Qnil) setBint(rt, b, BUF_SAVE_MODIFF, bint(rt, b, BUF_MODIFF));
  else if (bint(rt, b, BUF_SAVE_MODIFF) >= bint(rt, b, BUF_MODIFF)) {
    // Marking an unmodified buffer modified takes a tick, so that the flag has a change to show.
    const m = bint(rt, b, BUF_MODIFF) + 1;
    setBint(rt, b, BUF_MODIFF, m);
  }
  return flag;
}

DEFUN('set-buffer-modified-p', 1, 1, 'Mark the current buffer modified when FLAG is non-nil, unmodified when it is nil; give FLAG.',
  (rt, flag: number) => {
    restoreModified(rt, flag);
    return Qnil;
  });

DEFUN('restore-buffer-modified-p', 1, 1, 'Set the current buffer\'s modified flag to FLAG as `set-buffer-modified-p\' does, without any display update.',
  (rt, flag: number) => restoreModified(rt, flag));

DEFUN('buffer-modified-tick', 0, 1, 'Give BUFFER\'s modification count, which goes up with every change of its text or text properties.',
  (rt, buffer: number) => makeFixnum(bint(rt, decodeBuffer(rt, buffer), BUF_MODIFF)));

DEFUN('buffer-chars-modified-tick', 0, 1, 'Give the value BUFFER\'s modification count had at the last change of its characters.',
  (rt, buffer: number) => makeFixnum(bint(rt, decodeBuffer(rt, buffer), BUF_CHARS_MODIFF)));

DEFUN('internal--set-buffer-modified-tick', 1, 2, 'Set BUFFER\'s modification count to TICK.',
  (rt, tick: number, buffer: number) => {
    if (!isFixnum(tick)) wrongTypeArgument(rt, DEFSYM('fixnump'), tick);
    setBint(rt, decodeBuffer(rt, buffer), BUF_MODIFF, fixnumValue(tick));
    return Qnil;
  });

// ---- killing ------------------------------------------------------------------------------------

/**
 * GNU's other-buffer as batch sees it: the first live buffer, not B, whose name shows and which
 * the window does not show; else one the window shows; else *scratch*, made if need be.
 */
export function otherBuffer(rt: Runtime, b: number): number {
  let visible = Qnil;
  for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const x = xcar(rt, l);
    if (x === b) continue;
    const name = bslot(rt, x, BUF_NAME);
    if (schars(rt, name) > 0 && rt.u8[sdata(rt, name)] === 0x20) continue;
    if (!windowHooks.shown(rt, x)) return x;
    if (visible === Qnil) visible = x;
  }
  if (visible !== Qnil) return visible;
  const scratch = bufferNamed(rt, makeString(rt, '*scratch*'));
  if (scratch !== Qnil && scratch !== b) return scratch;
  return getBufferCreate(rt, makeString(rt, '*scratch*'));
}

DEFUN('other-buffer', 0, 3, 'Give a live buffer other than BUFFER, preferring ones whose names do not start with a space; *scratch* when there is none.',
  (rt, buffer: number) => otherBuffer(rt, buffer));

/** Forget the buffer's char/byte memory and whatever else is keyed by a buffer object (set by marker.ts). */
const killNotices: ((rt: Runtime, b: number) => void)[] = [];
export function onKillBuffer(fn: (rt: Runtime, b: number) => void): void {
  killNotices.push(fn);
}

/** Steps run when a buffer is about to die, after `kill-buffer-query-functions' and before `kill-buffer-hook', with it current (set by fileio-autosave.ts). */
const killSteps: ((rt: Runtime, b: number) => void)[] = [];
export function beforeKillBufferHook(fn: (rt: Runtime, b: number) => void): void {
  killSteps.push(fn);
}

/** Drop what other modules cache about B's text (its char/byte pairs, its decoded window): the text changed under them. */
export function forgetBufferCaches(rt: Runtime, b: number): void {
  for (const fn of killNotices) fn(rt, b);
}

function withBufferCurrent(rt: Runtime, b: number, fn: () => number): number {
  return saveCurrentBuffer(rt, () => {
    setCurrentBuffer(rt, b);
    return fn();
  });
}

export function killBuffer(rt: Runtime, x: number): number {
  const b = x === Qnil ? currentBuffer(rt) : getBuffer(rt, x);
  if (b === Qnil) noSuchBuffer(rt, x);
  if (!bufferLive(rt, b)) return Qnil;
  const sp = rt.sp;
  rt.push(b);
  try {
    // Ask first, then warn, with the dying buffer current.
    const inhibit = bslot(rt, b, BUF_INHIBIT_HOOKS) !== Qnil;
    if (!inhibit) {
      const refused = withBufferCurrent(rt, b, () =>
        runHookWithArgs(rt, Qkill_buffer_query_functions, [], (v) => v === Qnil) === Qunbound ? Qnil : Qt);
      if (refused !== Qnil) return Qnil;
      for (const step of killSteps) withBufferCurrent(rt, b, () => {
        step(rt, b);
        return Qnil;
      });
      withBufferCurrent(rt, b, () => runHookWithArgs(rt, Qkill_buffer_hook, [], null));
      if (!bufferLive(rt, b)) return Qnil;
    }
    // A modified buffer's lock goes with it.
    withBufferCurrent(rt, b, () => {
      lockHooks.unlock(rt, b);
      return Qnil;
    });
    // Killing a base kills its indirect buffers first, each as `kill-buffer' would.
    if (bslot(rt, b, BUF_BASE_BUFFER) === Qt) {
      for (const x of textSharers(rt, b)) {
        killBuffer(rt, x);
        if (bufferLive(rt, x)) return Qnil;
      }
    }
    if (b === currentBuffer(rt)) {
      setBuffer(rt, otherBuffer(rt, b));
      if (b === currentBuffer(rt)) return Qnil;
    }
    if (!bufferLive(rt, b)) return Qnil;
    // The window shows another buffer from now on (a change the list-update hook hears of).
    windowHooks.killing(rt, b);
    if (!bufferLive(rt, b)) return Qnil;
    // Unchain the markers: they point nowhere now.
    for (let l = bslot(rt, b, BUF_MARKERS); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
      const m = xcar(rt, l);
      rt.i32[slotBase(m) + MARKER_BUFFER] = Qnil;
    }
    setBslot(rt, b, BUF_MARKERS, Qnil);
    // Take it out of the list.
    let prev = Qnil;
    for (let l = rt.globals[G_BUFFER_LIST]!; (l & 7) === Lisp_Cons; prev = l, l = xcdr(rt, l)) {
      if (xcar(rt, l) !== b) continue;
      if (prev === Qnil) rt.globals[G_BUFFER_LIST] = xcdr(rt, l);
      else xsetcdr(rt, prev, xcdr(rt, l));
      break;
    }
    setBslot(rt, b, BUF_NAME, Qnil);
    // The text goes; a killed buffer reports size 0.
    setBslot(rt, b, BUF_TEXT, allocString(rt, 0, 0, false));
    for (const i of [BUF_Z, BUF_Z_BYTE, BUF_GPT, BUF_GPT_BYTE, BUF_PT, BUF_PT_BYTE, BUF_BEGV, BUF_BEGV_BYTE, BUF_ZV,
      BUF_ZV_BYTE]) setBint(rt, b, i, 1);
    setBslot(rt, b, BUF_INTERVALS, Qnil);
    setBslot(rt, b, BUF_OVERLAYS, Qnil);
    // A dead indirect buffer keeps its base (GNU's buffer-base-buffer still gives it) but shares nothing.
    if (bslot(rt, b, BUF_BASE_BUFFER) === Qt) setBslot(rt, b, BUF_BASE_BUFFER, Qnil);
    resetBufferLocals(rt, b, true);
    for (const fn of killNotices) fn(rt, b);
    runListUpdateHook(rt, inhibit);
    return Qt;
  } finally {
    rt.sp = sp;
  }
}

DEFUN('kill-buffer', 0, 1, 'Kill BUFFER-OR-NAME (by default the current buffer), after asking `kill-buffer-query-functions\' and running `kill-buffer-hook\'.\nGive t when it was killed, nil otherwise.',
  (rt, x: number) => killBuffer(rt, x), 'bKill buffer: ');


// ---- printing -----------------------------------------------------------------------------------

registerPvecPrinter(PVEC_BUFFER, (rt, obj, escape, out) => {
  const name = bslot(rt, obj, BUF_NAME);
  if (name === Qnil) out.ascii('#<killed buffer>');
  else if (!escape) out.text(name);
  else {
    out.ascii('#<buffer ');
    out.text(name);
    out.ascii('>');
  }
});

// ---- at start -------------------------------------------------------------------------------------

// The buffers GNU batch has at start, *scratch* current.
DEFINIT((rt) => {
  const scratch = getBufferCreate(rt, makeString(rt, '*scratch*'));
  getBufferCreate(rt, makeString(rt, ' *Minibuf-0*'));
  getBufferCreate(rt, makeString(rt, '*Messages*'));
  setCurrentBuffer(rt, scratch);
});
