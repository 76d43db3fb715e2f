// The runtime: one Lisp world (heap, static region, Lisp stack, specpdl, global roots) passed explicitly everywhere.
//
// A runtime is born one of two ways:
//   - from scratch ("temacs"): createRuntime() builds the static region from the
//     builtin tables, interns the builtin symbols, then runs every DEFVAR init
//     and DEFINIT;
//   - from a dump: the dump loader builds the same static region, maps the dump
//     and restores the globals and the builtin symbols' cells (dump/loader.ts).
//
// GC roots (see gc.ts markRoots): the builtin symbols, the globals table, the
// Lisp stack below sp, the specpdl, the catch tags, the current lexical
// environment, and `rt.pinned`.

import { Heap, type HeapOptions } from '../heap/heap.ts';
import {
  PVEC_SUBR, STRING_WORDS, STR_DATA, STR_NBYTES, STR_NCHARS, SUBR_INDEX, SUBR_MAX_ARGS,
  SUBR_MIN_ARGS, SUBR_NAME, SUBR_SLOTS, SYMBOL_WORDS, SYM_FLAGS, SYM_FUNCTION, SYM_INTERNED_IN_INITIAL_OBARRAY,
  SYM_INTERNED_SHIFT, SYM_NAME, SYM_NEXT, SYM_VALUE, makeHeader,
} from '../heap/layout.ts';
import { Lisp_String, Lisp_Vectorlike, makeFixnum } from '../heap/tags.ts';
import type { Host } from '../host/host.ts';
import type { LispSignal } from './signal.ts';
import { BUILTIN_SYMBOLS, Qnil, Qunbound, sealBuiltinSymbols } from './symbols.ts';
import { PRIMITIVES, type SubrFn } from './subr.ts';

/** Global Lisp slots held by the JS side (GNU's staticpro'd variables), declared once. */
export const GLOBAL_NAMES: string[] = [];
export function DEFGLOBAL(name: string): number {
  const i = GLOBAL_NAMES.indexOf(name);
  if (i >= 0) return i;
  GLOBAL_NAMES.push(name);
  return GLOBAL_NAMES.length - 1;
}
export const G_OBARRAY = DEFGLOBAL('obarray');

export interface RuntimeOptions {
  host: Host;
  /** Heap size in bytes (default from TSMACS_HEAP_MB, else 512 MB). */
  heapBytes?: number;
  /** Words to reserve for a dump region. */
  dumpWords?: number;
  seed?: number;
  pinStaticBase?: number;
  pinDumpBase?: number;
}

const STACK_SIZE = 1 << 20;
const SPECPDL_SIZE = 3 * 65536;
/** Most call frames recorded for backtraces; deeper frames run unrecorded. */
export const MAX_FRAMES = 1 << 16;

export class Runtime {
  readonly heap: Heap;
  readonly i32: Int32Array;
  readonly u8: Uint8Array;
  readonly f64: Float64Array;
  /** Static region base in granules: symbol words are offsets from it. */
  readonly sbg: number;
  readonly host: Host;

  /** The Lisp stack: every value the evaluator holds across a safe point. */
  readonly stack = new Int32Array(STACK_SIZE);
  sp = 0;
  /** Dynamic bindings: triples (symbol, old value, kind). */
  readonly specpdl = new Int32Array(SPECPDL_SIZE);
  specCount = 0;
  /** Tags of the active `catch` forms, innermost last. */
  readonly catchTags: number[] = [];
  /** The current lexical environment (GNU's Vinternal_interpreter_environment). */
  lexenv = Qnil;
  lispEvalDepth = 0;
  /**
   * The active call frames for backtraces (GNU's backtrace records in the
   * specpdl), innermost last: pairs (Lisp stack index, kind) written by
   * evalSub and funcall, see eval.ts. Dead frames stay above nframes' saved
   * value until a catcher resets it, so an escaping signal can still show them.
   */
  readonly frames = new Int32Array(2 * MAX_FRAMES);
  nframes = 0;
  /** The handler lists of the active condition-case forms, innermost last. */
  readonly handlerSpecs: number[] = [];
  /** Called, before unwinding, with a signal that no condition-case will catch (batch backtraces). */
  uncaughtSignalHook: ((sig: LispSignal) => void) | null = null;
  /** Global Lisp slots, indexed by DEFGLOBAL numbers. */
  readonly globals: Int32Array;
  /** Values pinned by JS code outside any Lisp frame (e.g. during a dump). */
  readonly pinned: number[] = [];
  /** The JS bodies of the subrs, by SUBR_INDEX. */
  readonly subrFns: SubrFn[];
  /** JS objects that Lisp holds through user-ptr objects (never dumped). */
  readonly handles: unknown[] = [];
  /** Set when started from a dump: pdumper-stats reports it. */
  dumpInfo: { file: string; loadTimeSec: number } | null = null;
  /** GC statistics for garbage-collect and gcs-done. */
  gcsDone = 0;
  gcElapsed = 0;
  /** Collect at every Nth safe point (TSMACS_GC_STRESS); 0 = off. */
  gcStress = 0;
  gcStressCounter = 0;
  /** maybeGC looks at the thresholds again once this many bytes have been allocated since the last GC. */
  gcCheckAt = 65536;
  /** Set while collecting, to catch re-entry. */
  inGC = false;
  /** Validates a candidate object start in the dump region (set by the dump loader). */
  dumpObjectOk: ((wi: number, tag: number) => boolean) | null = null;

  constructor(opts: RuntimeOptions) {
    this.host = opts.host;
    const mb = Number(opts.host.getenv('TSMACS_HEAP_MB') ?? '') || 512;
    const heapOpts: HeapOptions = {
      bytes: opts.heapBytes ?? mb * 1024 * 1024,
      staticWords: staticRegionWords(),
      dumpWords: opts.dumpWords ?? 0,
      seed: opts.seed,
      pinStaticBase: opts.pinStaticBase,
      pinDumpBase: opts.pinDumpBase,
    };
    this.heap = new Heap(heapOpts);
    this.i32 = this.heap.i32;
    this.u8 = this.heap.u8;
    this.f64 = this.heap.f64;
    this.sbg = this.heap.staticBaseG;
    this.globals = new Int32Array(Math.max(GLOBAL_NAMES.length, 1)).fill(Qnil);
    this.subrFns = PRIMITIVES.map((p) => p.fn);
    sealBuiltinSymbols();
    const stress = opts.host.getenv('TSMACS_GC_STRESS');
    if (stress) this.gcStress = Math.max(1, Number(stress) | 0);
    buildStaticRegion(this);
  }

  push(x: number): void {
    if (this.sp >= STACK_SIZE) throw new RangeError('Lisp stack overflow');
    this.stack[this.sp++] = x;
  }
}

/** Words the static region needs: the builtin symbols, their name strings and texts, the subrs. */
function staticRegionWords(): number {
  const even = (n: number): number => (n + 1) & ~1;
  return BUILTIN_SYMBOLS.length * (even(SYMBOL_WORDS) + even(STRING_WORDS)) + (builtinNames().bytes >>> 2) +
    PRIMITIVES.length * even(1 + SUBR_SLOTS) + 64;
}

const utf8 = new TextEncoder();

/**
 * The builtin symbols' names as one text: each NUL-terminated and padded with
 * NULs to whole granules, so one encodeInto writes all of them into the static
 * region (a JS loop over their 10,000 chars costs a millisecond or two of every
 * start-up, run cold). Built once per process: the table is sealed by then.
 */
interface NamesBlock {
  text: string;
  /** Total UTF-8 bytes of text, a multiple of 8. */
  bytes: number;
  /** Per name: byte offset in the text, UTF-8 length, and char count (-1: ASCII, so unibyte). */
  at: Int32Array;
  nbytes: Int32Array;
  nchars: Int32Array;
  /** Per name: the symbol's initial SYM_FLAGS word. */
  flags: Int32Array;
}
let namesBlock: NamesBlock | null = null;
const NON_ASCII = /[^\0-\x7f]/;
const NULS = '\0\0\0\0\0\0\0\0';

function builtinNames(): NamesBlock {
  const n = BUILTIN_SYMBOLS.length;
  if (namesBlock !== null && namesBlock.at.length === n) return namesBlock;
  const at = new Int32Array(n);
  const nbytes = new Int32Array(n);
  const nchars = new Int32Array(n);
  const flags = new Int32Array(n);
  const interned = SYM_INTERNED_IN_INITIAL_OBARRAY << SYM_INTERNED_SHIFT;
  // Names are ASCII but for a rare few: one test of the joined text decides whether any name
  // needs its UTF-8 length counted (a per-name regexp test costs a tenth of a millisecond).
  let text = '';
  for (let i = 0; i < n; i++) text += BUILTIN_SYMBOLS[i]!.name;
  const ascii = !NON_ASCII.test(text);
  text = '';
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const sym = BUILTIN_SYMBOLS[i]!;
    const name = sym.name;
    const multibyte = !ascii && NON_ASCII.test(name);
    const nb = multibyte ? utf8.encode(name).length : name.length;
    const padded = (nb + 8) & ~7;
    at[i] = pos;
    nbytes[i] = nb;
    nchars[i] = multibyte ? [...name].length : -1;
    flags[i] = sym.interned ? interned : 0;
    text += name + NULS.slice(0, padded - nb);
    pos += padded;
  }
  return (namesBlock = { text, bytes: pos, at, nbytes, nchars, flags });
}

/**
 * Lay out the static region: the builtin symbols at fixed offsets, then their
 * name strings, then the names' texts, then one subr object per primitive, all
 * from the static tables, so it is identical in every process of one build
 * (the dump relies on it; the fingerprint names this layout). Symbol cells
 * start empty; createRuntime or the dump loader fills them.
 *
 * Every start-up runs this once, cold, in V8's interpreter, where each
 * operation costs tens of nanoseconds: so the loops do the least per symbol.
 * Each kind of object is reserved with one bump (the addresses one allocStatic
 * per object would give) and the start bits are set inline; words whose value
 * is 0 (nil: a symbol cell's function and plist, a string's intervals) are not
 * written, the heap being fresh and so all zeros.
 */
function buildStaticRegion(rt: Runtime): void {
  const h = rt.heap;
  const m = rt.i32;
  const bits = h.startBits;
  const n = BUILTIN_SYMBOLS.length;
  if (Qnil !== 0) throw new Error('nil must be the word 0');
  const names = builtinNames();
  const symStride = (SYMBOL_WORDS + 1) & ~1;
  const strStride = (STRING_WORDS + 1) & ~1;
  const sym0 = h.allocStatic(n * symStride);
  if (sym0 !== h.staticBase) throw new Error('static symbols not at the static base');
  const str0 = h.allocStatic(n * strStride);
  const text = h.allocStatic(names.bytes >>> 2);
  utf8.encodeInto(names.text, rt.u8.subarray(text << 2, (text << 2) + names.bytes));
  const { at, nbytes, nchars: nch, flags } = names;
  const unbound = Qunbound;
  const fixnum0 = makeFixnum(0);
  for (let i = 0, sym = sym0, swi = str0; i < n; i++, sym += symStride, swi += strStride) {
    const dwi = text + (at[i]! >>> 2);
    let g = sym >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    g = swi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    g = dwi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    const nchars = nch[i]!;
    m[swi + STR_NCHARS] = nchars < 0 ? nbytes[i]! : nchars;
    m[swi + STR_NBYTES] = nchars < 0 ? -1 : nbytes[i]!;
    m[swi + STR_DATA] = dwi << 2;
    m[sym + SYM_NAME] = (swi << 2) | Lisp_String;
    m[sym + SYM_VALUE] = unbound;
    m[sym + SYM_NEXT] = fixnum0;
    m[sym + SYM_FLAGS] = flags[i]!;
  }
  const header = makeHeader(PVEC_SUBR, SUBR_SLOTS);
  const subrStride = (1 + SUBR_SLOTS + 1) & ~1;
  const np = PRIMITIVES.length;
  const subr0 = h.allocStatic(np * subrStride);
  for (let i = 0, wi = subr0; i < np; i++, wi += subrStride) {
    const p = PRIMITIVES[i]!;
    const g = wi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    m[wi] = header;
    m[wi + 1 + SUBR_NAME] = p.sym;
    m[wi + 1 + SUBR_MIN_ARGS] = makeFixnum(p.min);
    m[wi + 1 + SUBR_MAX_ARGS] = makeFixnum(p.max);
    m[wi + 1 + SUBR_INDEX] = makeFixnum(i);
    m[(((p.sym >>> 3) + rt.sbg) << 1) + SYM_FUNCTION] = (wi << 2) | Lisp_Vectorlike;
  }
}
