// The Lisp-visible half of GNU alloc.c: object constructors, purecopy, garbage-collect and the GC variables.

import {
  BK_CONS, BK_FLOAT, BK_STRING, BK_SYMBOL, BK_VECTOR, BLOCK_SHIFT, BLOCK_WORDS, SIZE_CLASSES,
} from '../heap/heap.ts';
import {
  PVEC_BOOL_VECTOR, PVEC_BUFFER, PVEC_COMPILED, PVEC_FINALIZER, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SIZE_MASK, PVEC_TYPE_SHIFT,
  STR_NBYTES, STR_NCHARS,
} from '../heap/layout.ts';
import { MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM, fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { charBytes, isCharacter, writeChar } from '../core/character.ts';
import { G_DOOMED_FINALIZERS, G_FINALIZERS, collectGarbage, runDoomedFinalizers, setFinalizerRunner } from '../core/gc.ts';
import {
  allocString, bignump, bignumValue, cons, consp, floatp, isPvec, listFromArray, list, makeBignum, makeFloat, makeInteger, makePvec,
  makeString, makeStringFromBytes, makeSymbol, makeVector, pvecHeader, pvecSize, recordp, sbytes, schars, sdata,
  stringIntervals, stringMultibyte, stringp, symbolRawValue, vectorFromArray, vectorp, xcar, xcdr, xfloat,
} from '../core/object.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, error } from '../core/signal.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import {
  DEFSYM, Qcharacterp, Qerror, Qnil, Qquote, Qstringp, Qt, Qwholenump,
} from '../core/symbols.ts';
import { evalSub, runHookWithArgs, setInternal, specbind, unbindTo } from './eval.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';

const Qpurify_flag = DEFSYM('purify-flag');
const Qpost_gc_hook = DEFSYM('post-gc-hook');
const Qconses = DEFSYM('conses');
const Qsymbols = DEFSYM('symbols');
const Qstrings = DEFSYM('strings');
const Qstring_bytes = DEFSYM('string-bytes');
const Qvectors = DEFSYM('vectors');
const Qvector_slots = DEFSYM('vector-slots');
const Qfloats = DEFSYM('floats');
const Qintervals = DEFSYM('intervals');
const Qbuffers = DEFSYM('buffers');
const Qinhibit_quit = DEFSYM('inhibit-quit');
const Qcondition_case = DEFSYM('condition-case');
const Qfuncall = DEFSYM('funcall');

/** The natural number in X, else wrong-type-argument wholenump (GNU's CHECK_FIXNAT). */
function checkFixnat(rt: Runtime, x: number): number {
  if (!isFixnum(x) || x < 0) wrongTypeArgument(rt, Qwholenump, x);
  return fixnumValue(x);
}

function checkCharacter(rt: Runtime, x: number): number {
  if (!isFixnum(x) || !isCharacter(fixnumValue(x))) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

// ---- constructors ------------------------------------------------------------------

DEFUN('cons', 2, 2, 'Allocate a fresh cons cell holding CAR and CDR.', (rt, car: number, cdr: number) =>
  cons(rt, car, cdr));

DEFUN('list', 0, MANY, 'Build a fresh list whose elements are the arguments, in order.', (rt, args: number[]) => listFromArray(rt, args));

DEFUN('make-list', 2, 2, 'Build a fresh list of LENGTH elements, every one of them INIT.', (rt, length: number, init: number) => {
  const n = checkFixnat(rt, length);
  let r = Qnil;
  for (let i = 0; i < n; i++) r = cons(rt, init, r);
  return r;
});

DEFUN('vector', 0, MANY, 'Build a fresh vector whose slots hold the arguments, in order.', (rt, args: number[]) => vectorFromArray(rt, args));

DEFUN('make-vector', 2, 2, 'Build a fresh vector of LENGTH slots, every slot holding INIT.', (rt, length: number, init: number) =>
  makeVector(rt, checkFixnat(rt, length), init));

DEFUN(
  'make-string', 2, 3,
  'Build a string of LENGTH characters, all equal to INIT.\nThe result is unibyte when INIT is ASCII and MULTIBYTE is nil, multibyte otherwise.',
  (rt, length: number, init: number, multibyte: number) => {
    const n = checkFixnat(rt, length);
    const c = checkCharacter(rt, init);
    if (c < 0x80 && multibyte === Qnil) {
      const s = allocString(rt, n, n, false);
      rt.u8.fill(c, sdata(rt, s), sdata(rt, s) + n);
      return s;
    }
    const len = charBytes(c);
    const s = allocString(rt, n, n * len, true);
    const u8 = rt.u8;
    const p = sdata(rt, s);
    if (n > 0) {
      writeChar(u8, p, c);
      for (let i = 1; i < n; i++) u8.copyWithin(p + i * len, p, p + len);
    }
    return s;
  },
);

DEFUN('make-symbol', 1, 1, 'Create a symbol called NAME that belongs to no obarray.', (rt, name: number) => {
  if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
  return makeSymbol(rt, name);
});

/** A bool-vector of NBITS bits, all clear. */
export function makeBoolVector(rt: Runtime, nbits: number): number {
  const v = makePvec(rt, PVEC_BOOL_VECTOR, 1 + ((nbits + 31) >>> 5), 0);
  rt.i32[((v & -8) >>> 2) + 1] = makeFixnum(nbits);
  return v;
}

DEFUN('make-bool-vector', 2, 2, 'Build a bool-vector of LENGTH bits, each set when INIT is non-nil.', (rt, length: number, init: number) => {
  const n = checkFixnat(rt, length);
  const v = makeBoolVector(rt, n);
  if (init !== Qnil && n > 0) {
    const base = ((v & -8) >>> 2) + 2;
    const words = (n + 31) >>> 5;
    rt.i32.fill(-1, base, base + words);
    // Bits past the end stay clear, so equal and population counts can compare whole words.
    if ((n & 31) !== 0) rt.i32[base + words - 1] = (1 << (n & 31)) - 1;
  }
  return v;
});

DEFUN('bool-vector', 0, MANY, 'Build a bool-vector with one bit per argument, set for each non-nil argument.', (rt, args: number[]) => {
  const v = makeBoolVector(rt, args.length);
  const base = ((v & -8) >>> 2) + 2;
  for (let i = 0; i < args.length; i++) if (args[i] !== Qnil) rt.i32[base + (i >>> 5)]! |= 1 << (i & 31);
  return v;
});

DEFUN('record', 1, MANY, 'Build a record whose type slot is TYPE and whose other slots hold SLOTS, in order.', (rt, args: number[]) => {
  const r = makePvec(rt, PVEC_RECORD, args.length, Qnil);
  const base = ((r & -8) >>> 2) + 1;
  for (let i = 0; i < args.length; i++) rt.i32[base + i] = args[i]!;
  return r;
});

DEFUN('make-record', 3, 3, 'Build a record of type TYPE with SLOTS further slots, all holding INIT.', (rt, type: number, slots: number, init: number) => {
  const n = checkFixnat(rt, slots);
  const r = makePvec(rt, PVEC_RECORD, n + 1, init);
  rt.i32[((r & -8) >>> 2) + 1] = type;
  return r;
});

DEFUN(
  'make-byte-code', 4, MANY,
  'Assemble a byte-code function object.\nIts parts are ARGLIST, the BYTE-CODE string, the CONSTANTS vector, the stack DEPTH, then optionally DOCSTRING, INTERACTIVE-SPEC and any further slots.',
  (rt, args: number[]) => {
    const [arglist, code, consts, depth] = args as [number, number, number, number];
    const ok =
      (isFixnum(arglist) || consp(arglist) || arglist === Qnil) &&
      stringp(code) && !stringMultibyte(rt, code) &&
      vectorp(rt, consts) &&
      isFixnum(depth) && depth >= 0;
    if (!ok) error(rt, 'Invalid byte-code object');
    const f = makePvec(rt, PVEC_COMPILED, args.length, Qnil);
    const base = ((f & -8) >>> 2) + 1;
    for (let i = 0; i < args.length; i++) rt.i32[base + i] = args[i]!;
    return f;
  },
);

DEFUN('make-finalizer', 1, 1, 'Make a finalizer object holding FUNCTION, which is called with no arguments, once, after a garbage collection finds the object unreachable.', (rt, fn: number) => {
  const f = makePvec(rt, PVEC_FINALIZER, 2, Qnil);
  const base = ((f & -8) >>> 2) + 1;
  rt.i32[base] = fn;
  rt.i32[base + 1] = makeFixnum(0);
  // A finalizer made with nil is "used" from the start: nothing to run, nothing to watch.
  if (fn !== Qnil) rt.globals[G_FINALIZERS] = cons(rt, f, rt.globals[G_FINALIZERS]!);
  return f;
});

/**
 * Run the functions of the finalizers the collector queued, oldest first, as GNU does after a
 * collection: each is taken off the queue and disarmed (its function slot set to nil, which
 * prints as `#<finalizer used>') before it runs, so it runs once whatever happens; inside,
 * `inhibit-quit' is t; an error or quit it signals is caught and dropped (GNU logs "finalizer
 * failed: ..." to *Messages* only, nothing a batch session shows), while a `throw' leaves
 * through the collection's caller and the rest of the queue waits for the next collection.
 */
function runFinalizers(rt: Runtime, forced: boolean): void {
  const state = finalizerState(rt);
  // A collection that GNU runs inside a finalizer runs the rest of the queue there and then
  // (GNU does so). One that only TSMACS_GC_STRESS adds leaves it to the loop already running,
  // which empties the queue anyway: stress must not reorder finalizers.
  if (forced && state.running > 0) return;
  const m = rt.i32;
  const count = rt.specCount;
  state.running++;
  specbind(rt, Qinhibit_quit, Qt);
  try {
    for (;;) {
      const q = rt.globals[G_DOOMED_FINALIZERS]!;
      if (q === Qnil) break;
      rt.globals[G_DOOMED_FINALIZERS] = xcdr(rt, q);
      const fslot = ((xcar(rt, q) & -8) >>> 2) + 1;
      const fn = m[fslot]!;
      m[fslot] = Qnil;
      if (fn === Qnil) continue;
      // (condition-case nil (funcall 'FN) (t)): catches every error and quit, as GNU's handler.
      const form = list(rt, Qcondition_case, Qnil, list(rt, Qfuncall, list(rt, Qquote, fn)), list(rt, list(rt, Qt)));
      evalSub(rt, form);
    }
  } finally {
    state.running--;
    unbindTo(rt, count);
  }
}
setFinalizerRunner(runFinalizers);
/** How many runs of the doomed queue are in progress, nested (per world). */
const finalizerState = defineWorldState(() => ({ running: 0 }));

// ---- purecopy ----------------------------------------------------------------------

/**
 * A fresh copy of OBJ as GNU's purecopy makes while dumping: conses, strings,
 * floats, bignums, vectors, records and byte-code are copied recursively;
 * symbols and everything else are shared. (We have no pure space: the dump is
 * the read-only image, so the copy lives in the ordinary heap.)
 */
function pureCopy(rt: Runtime, obj: number, depth: number): number {
  if (depth > 10000) error(rt, 'Pure Lisp storage exhausted');
  if (consp(obj)) {
    const head = cons(rt, pureCopy(rt, xcar(rt, obj), depth + 1), Qnil);
    let tail = head;
    let o = xcdr(rt, obj);
    while (consp(o)) {
      const c = cons(rt, pureCopy(rt, xcar(rt, o), depth + 1), Qnil);
      rt.i32[((tail & -8) >>> 2) + 1] = c;
      tail = c;
      o = xcdr(rt, o);
    }
    rt.i32[((tail & -8) >>> 2) + 1] = pureCopy(rt, o, depth + 1);
    return head;
  }
  if (stringp(obj)) {
    if (stringIntervals(rt, obj) !== Qnil) return obj;
    const a = sdata(rt, obj);
    return makeStringFromBytes(rt, rt.u8.slice(a, a + sbytes(rt, obj)), schars(rt, obj), stringMultibyte(rt, obj));
  }
  if (floatp(obj)) return makeFloat(rt, xfloat(rt, obj));
  if (bignump(rt, obj)) return makeBignum(rt, bignumValue(rt, obj));
  if (vectorp(rt, obj) || recordp(rt, obj) || isPvec(rt, obj, PVEC_COMPILED)) {
    const n = pvecSize(rt, obj);
    const type = pvecHeader(rt, obj) >>> PVEC_TYPE_SHIFT;
    const v = makePvec(rt, type, n, Qnil);
    for (let i = 0; i < n; i++) {
      const x = pureCopy(rt, rt.i32[((obj & -8) >>> 2) + 1 + i]!, depth + 1);
      rt.i32[((v & -8) >>> 2) + 1 + i] = x;
    }
    return v;
  }
  return obj;
}

DEFUN('purecopy', 1, 1, 'Give OBJ back, or, while `purify-flag\' is non-nil, a copy of it made for the dump.', (rt, obj: number) => {
  if (symbolRawValue(rt, Qpurify_flag) === Qnil) return obj;
  return pureCopy(rt, obj, 0);
});

// ---- the collector's interface -------------------------------------------------------

const LARGE_CLASS = 255;
const BLOCK_GRANULES = BLOCK_WORDS / 2;

/** Live and free counts per object kind, walking the blocks (call right after a collection). */
/** The number of bits set in a 32-bit word. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export function heapStatistics(rt: Runtime): {
  conses: [number, number]; symbols: [number, number]; strings: [number, number]; stringBytes: number;
  vectors: number; vectorSlots: [number, number]; floats: [number, number]; buffers: number;
} {
  const h = rt.heap;
  const m = rt.i32;
  const sb = h.startBits;
  const used = new Float64Array(8);
  const free = new Float64Array(8);
  let stringBytes = 0;
  let vectors = 0;
  let slots = 0;
  let freeSlots = 0;
  let buffers = 0;
  const countVector = (wi: number): void => {
    const hd = m[wi]!;
    vectors++;
    slots += hd & PVEC_SIZE_MASK;
    if (hd >>> PVEC_TYPE_SHIFT === PVEC_BUFFER) buffers++;
  };
  for (let b = 0; b < h.blockTop; b++) {
    const info = h.blockInfo[b]!;
    const kind = info >>> 8;
    const cls = info & 255;
    const base = h.blockBase + (b << BLOCK_SHIFT);
    if (kind !== BK_CONS && kind !== BK_FLOAT && kind !== BK_SYMBOL && kind !== BK_STRING && kind !== BK_VECTOR) continue;
    if (cls === LARGE_CLASS) {
      if (h.isStart(base) && kind === BK_VECTOR) countVector(base);
      continue;
    }
    const stride = SIZE_CLASSES[cls]!;
    const cells = Math.floor(BLOCK_GRANULES / stride);
    const g0 = base >>> 1;
    if (stride === 1 && kind !== BK_STRING && kind !== BK_VECTOR) {
      // Conses and floats: a start bit per cell, so the counts are the bitmap's population.
      for (let k = g0 >>> 5, end = k + (cells >>> 5); k < end; k++) {
        const n = popcount32(sb[k]!);
        used[kind]! += n;
        free[kind]! += 32 - n;
      }
      continue;
    }
    for (let c = 0; c < cells; c++) {
      const g = g0 + c * stride;
      if ((sb[g >>> 5]! & (1 << (g & 31))) === 0) {
        free[kind]!++;
        if (kind === BK_VECTOR) freeSlots += stride * 2;
        continue;
      }
      used[kind]!++;
      const wi = g << 1;
      if (kind === BK_STRING) {
        const nb = m[wi + STR_NBYTES]!;
        stringBytes += nb < 0 ? m[wi + STR_NCHARS]! : nb;
      } else if (kind === BK_VECTOR) countVector(wi);
    }
  }
  return {
    conses: [used[BK_CONS]!, free[BK_CONS]!],
    symbols: [used[BK_SYMBOL]!, free[BK_SYMBOL]!],
    strings: [used[BK_STRING]!, free[BK_STRING]!],
    stringBytes,
    vectors,
    vectorSlots: [slots, freeSlots],
    floats: [used[BK_FLOAT]!, free[BK_FLOAT]!],
    buffers,
  };
}

/** Collect now and bring `gcs-done' and `gc-elapsed' up to date. */
export function garbageCollect(rt: Runtime): void {
  collectGarbage(rt);
}

DEFUN(
  'garbage-collect', 0, 0,
  'Run a full garbage collection now.\nThe value lists the heap after the collection, one (NAME SIZE USED FREE) entry per kind of object.',
  (rt) => {
    garbageCollect(rt);
    const s = heapStatistics(rt);
    const n = (x: number): number => makeFixnum(x);
    const r = list(
      rt,
      list(rt, Qconses, n(8), n(s.conses[0]), n(s.conses[1])),
      list(rt, Qsymbols, n(24), n(s.symbols[0]), n(s.symbols[1])),
      list(rt, Qstrings, n(16), n(s.strings[0]), n(s.strings[1])),
      list(rt, Qstring_bytes, n(1), n(s.stringBytes)),
      list(rt, Qvectors, n(4), n(s.vectors)),
      list(rt, Qvector_slots, n(4), n(s.vectorSlots[0]), n(s.vectorSlots[1])),
      list(rt, Qfloats, n(8), n(s.floats[0]), n(s.floats[1])),
      list(rt, Qintervals, n(56), n(0), n(0)),
      list(rt, Qbuffers, n(992), n(s.buffers)),
    );
    const sp = rt.sp;
    rt.push(r);
    try {
      // GNU runs the doomed finalizers first, then post-gc-hook.
      runDoomedFinalizers(rt);
      runHookWithArgs(rt, Qpost_gc_hook, [], null);
    } finally {
      rt.sp = sp;
    }
    return r;
  },
  '',
);

DEFUN(
  'memory-use-counts', 0, 0,
  'Count the objects allocated so far in this session, by kind.\nThe value is (CONSES FLOATS VECTOR-CELLS SYMBOLS STRING-CHARS INTERVALS STRINGS).',
  (rt) => {
    const c = rt.heap.counts;
    const n = (x: number): number => (x <= MOST_POSITIVE_FIXNUM ? makeFixnum(x) : makeBignum(rt, BigInt(x)));
    return list(rt, n(c.conses), n(c.floats), n(c.vectorSlots), n(c.symbols), n(c.stringChars), n(c.intervals), n(c.strings));
  },
);

// ---- variables -------------------------------------------------------------------------

DEFVAR('gc-cons-threshold', () => makeFixnum(800000), 'How many bytes may be allocated before the next garbage collection starts.');
DEFVAR('gc-cons-percentage', (rt) => makeFloat(rt, 0.1), 'The fraction of the heap\'s size that may be allocated before the next garbage collection starts.');
DEFVAR('garbage-collection-messages', () => Qnil, 'When non-nil, a message is shown as each garbage collection begins and ends.');
const Qgcs_done_var = DEFVAR('gcs-done', (rt) => makeFixnum(rt.gcsDone), 'How many garbage collections this session has run.');
const Qgc_elapsed_var = DEFVAR('gc-elapsed', (rt) => makeFloat(rt, rt.gcElapsed), 'The total time, in seconds, that garbage collection has taken in this session.');
// The image holds the dumping session's counts; a session started from it counts from its own
// (zero) counters, so that the two variables never go backwards at the first collection.
pdumperDoNowAndAfterLoad((rt) => {
  setInternal(rt, Qgcs_done_var, makeFixnum(rt.gcsDone));
  setInternal(rt, Qgc_elapsed_var, makeFloat(rt, rt.gcElapsed));
});
DEFVAR('pure-bytes-used', () => makeFixnum(0), 'How many bytes of pure storage are in use: tsmacs keeps none, its dump image being the read-only part.');
DEFVAR('purify-flag', () => Qnil, 'While this is non-nil, `purecopy\' makes copies of the objects it is given, for the dump.');
DEFVAR('memory-full', () => Qnil, 'Non-nil when the Lisp heap is close to running out of room.');
DEFVAR('memory-signal-data', (rt) => list(rt, Qerror, makeString(rt, 'Memory exhausted--use C-x s then exit and restart Emacs')),
  'The error that is signalled when the Lisp heap runs out of room, as (ERROR-SYMBOL . DATA).');
DEFVAR('post-gc-hook', () => Qnil, 'Functions called, with no arguments, after every garbage collection.');
DEFVAR('most-positive-fixnum', () => makeFixnum(MOST_POSITIVE_FIXNUM), 'The greatest integer stored directly in a Lisp word; larger ones are bignums.', true);
DEFVAR('most-negative-fixnum', () => makeFixnum(MOST_NEGATIVE_FIXNUM), 'The least integer stored directly in a Lisp word; smaller ones are bignums.', true);
DEFVAR('integer-width', () => makeFixnum(65536), 'The largest number of bits an integer computed by arithmetic may need; past it, an overflow error is signalled.');

const Qbyte_code_function_p = DEFSYM('byte-code-function-p');

DEFUN('make-closure', 1, MANY, 'Copy the byte-code function PROTOTYPE with the first constants of its constant vector replaced by CLOSURE-VARS, in order.', (rt, args: number[]) => {
  const proto = args[0]!;
  if (!isPvec(rt, proto, PVEC_COMPILED)) wrongTypeArgument(rt, Qbyte_code_function_p, proto);
  const vars = args.length - 1;
  const pbase = ((proto & -8) >>> 2) + 1;
  const consts = rt.i32[pbase + 2]!;
  const nconsts = pvecSize(rt, consts);
  if (vars > nconsts) error(rt, 'Closure vars do not fit in constvec');
  const newConsts = makePvec(rt, PVEC_NORMAL_VECTOR, nconsts, Qnil);
  const cbase = ((newConsts & -8) >>> 2) + 1;
  const obase = ((consts & -8) >>> 2) + 1;
  for (let i = 0; i < nconsts; i++) rt.i32[cbase + i] = i < vars ? args[i + 1]! : rt.i32[obase + i]!;
  const size = pvecSize(rt, proto);
  const f = makePvec(rt, PVEC_COMPILED, size, Qnil);
  const fbase = ((f & -8) >>> 2) + 1;
  for (let i = 0; i < size; i++) rt.i32[fbase + i] = rt.i32[pbase + i]!;
  rt.i32[fbase + 2] = newConsts;
  return f;
});

DEFUN('memory-info', 0, 0, 'Give the system\'s memory as (TOTAL FREE TOTAL-SWAP FREE-SWAP), in kibibytes, or nil when it cannot be learnt.', (rt) => {
  const text = rt.host.readFile('/proc/meminfo');
  if (text === null) return Qnil;
  const fields = new Map<string, number>();
  for (const line of new TextDecoder().decode(text).split('\n')) {
    const m = /^(\w+):\s+(\d+)/.exec(line);
    if (m !== null) fields.set(m[1]!, Number(m[2]));
  }
  const names = ['MemTotal', 'MemFree', 'SwapTotal', 'SwapFree'];
  if (names.some((n) => !fields.has(n))) return Qnil;
  return listFromArray(rt, names.map((n) => makeInteger(rt, fields.get(n)!)));
});

DEFUN('suspicious-object', 1, 1, 'Give OBJECT back: GNU marks it for its allocation checks, which tsmacs does not have.', (_rt, obj: number) => obj);

DEFUN('malloc-info', 0, 0, 'Report the state of the memory allocator on standard error; tsmacs\'s heap has no such report, so nothing is printed.', () => Qnil, '');
