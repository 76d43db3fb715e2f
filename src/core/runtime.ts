// The runtime: one Lisp world (heap, static region, Lisp stack, specpdl, global roots) passed explicitly everywhere.
//
// A runtime is born one of two ways:
//   - from scratch ("temacs"): createRuntime() builds the static region from the
//     builtin tables (static.ts newRuntime), interns the builtin symbols, then
//     runs every DEFVAR init and DEFINIT;
//   - from a dump: the dump loader builds the same static region, maps the dump
//     and restores the globals and the builtin symbols' cells (dump/loader.ts).
//
// This file knows the runtime's parts, not the builtin tables (subr.ts) that
// fill its static region: static.ts brings the two together.
//
// GC roots (see gc.ts markRoots): the builtin symbols, the globals table, the
// Lisp stack below sp, the specpdl, the catch tags, the current lexical
// environment, and `rt.pinned`.

import { Heap, lazyZeroed, type HeapOptions } from '../heap/heap.ts';
import type { Host } from '../host/host.ts';
import { BUILTIN_GLOBALS } from './builtin-names.ts';
import { Qnil } from './symbols.ts';

/** A primitive's JS body: the runtime, then its arguments (a list for special forms, an array for &rest). */
export type SubrFn = (rt: Runtime, ...args: any[]) => number;

/**
 * Global Lisp slots held by the JS side (GNU's staticpro'd variables), declared once. Their
 * indices come from the declared table (builtin-names.ts), as builtin symbols' words do, so
 * they do not depend on import order; a name not in it is appended.
 */
export const GLOBAL_NAMES: string[] = [...BUILTIN_GLOBALS];
const declaredGlobals: string[] = [];
export function DEFGLOBAL(name: string): number {
  declaredGlobals.push(name);
  const i = GLOBAL_NAMES.indexOf(name);
  if (i >= 0) return i;
  GLOBAL_NAMES.push(name);
  return GLOBAL_NAMES.length - 1;
}
/** The names DEFGLOBAL was given, for builtin-names.ts's generator and test. */
export const declaredGlobalNames = (): readonly string[] => declaredGlobals;
export const G_OBARRAY = DEFGLOBAL('obarray');
/** The one empty unibyte string and the one empty multibyte string, which every allocation of no bytes returns (GNU shares them too: `(eq "" (substring "ab" 1 1))'). */
export const G_EMPTY_UNIBYTE = DEFGLOBAL('empty-unibyte-string');
export const G_EMPTY_MULTIBYTE = DEFGLOBAL('empty-multibyte-string');

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

/** What static.ts's newRuntime adds: the static region's size and the primitives' bodies. */
export interface RuntimeParts {
  staticWords: number;
  subrFns: SubrFn[];
}

let worldStateSlots = 0;
/**
 * Declare per-world state for a module above core, whose type this file cannot import (imports
 * point down): returns its accessor, which makes the state on a runtime's first use. The state
 * lives on the runtime (as QuickJS keeps its per-context state in the JSContext), never in a
 * module variable, so two runtimes in one process never see each other's. Call at module top level.
 */
export function defineWorldState<T>(make: (rt: Runtime) => T): (rt: Runtime) => T {
  const slot = worldStateSlots++;
  return (rt) => {
    const s = rt.moduleStates[slot];
    return (s !== undefined ? s : (rt.moduleStates[slot] = make(rt))) as T;
  };
}

const STACK_SIZE = 1 << 20;
const SPECPDL_SIZE = 3 * 65536;
/** Most call frames recorded for backtraces; deeper frames run unrecorded. */
export const MAX_FRAMES = 1 << 16;

/** The Lisp value stack is full: deep recursion, reported to Lisp as the nesting error. */
export class LispStackOverflow extends Error {}

export class Runtime {
  readonly heap: Heap;
  readonly i32: Int32Array;
  readonly u8: Uint8Array;
  readonly f64: Float64Array;
  /** Static region base in granules: symbol words are offsets from it. */
  readonly sbg: number;
  readonly host: Host;

  /** Memory for stack, specpdl and frames under Bun (heap.ts lazyZeroed), else null. */
  private readonly fixed = lazyZeroed(4 * (STACK_SIZE + SPECPDL_SIZE + 2 * MAX_FRAMES));
  /** The Lisp stack: every value the evaluator holds across a safe point. */
  readonly stack = this.fixed !== null ? new Int32Array(this.fixed, 0, STACK_SIZE) : new Int32Array(STACK_SIZE);
  sp = 0;
  /** Dynamic bindings: triples (symbol, old value, kind). */
  readonly specpdl = this.fixed !== null ? new Int32Array(this.fixed, 4 * STACK_SIZE, SPECPDL_SIZE) : new Int32Array(SPECPDL_SIZE);
  specCount = 0;
  /** Tags of the active `catch` forms, innermost last. */
  readonly catchTags: number[] = [];
  /** The current lexical environment (GNU's Vinternal_interpreter_environment). */
  lexenv = Qnil;
  lispEvalDepth = 0;
  /** Active calls and lets that changed the lexical environment: GNU counts each in its specpdl. */
  envBinds = 0;
  /**
   * Code running that a process runs once, not a program's work: macro expanders (macroexpand's,
   * the interpreter's, the compiler's) and the loads `require' does. compile.ts compiles a
   * function first called there only if it is called often (see EXPAND_THRESHOLD).
   */
  setupDepth = 0;
  /** Set while the batch debugger reports an error: GNU lifts max-specpdl-size for it. */
  inDebugger = false;
  /** Set once Emacs is being killed: the bindings undone on the way out no longer notify variable watchers (GNU exits without unwinding). */
  exiting = false;
  /**
   * The value of `num-nonmacro-input-events' when the debugger was last entered (-1: never). GNU
   * enters it for an error only after another input event: in batch, where none come, once per
   * session unless Lisp raises the count (as ERT does).
   */
  whenEnteredDebugger = -1;
  /**
   * The active call frames for backtraces (GNU's backtrace records in the
   * specpdl), innermost last: pairs (Lisp stack index, kind) written by
   * evalSub and funcall, see eval.ts. Dead frames stay above nframes' saved
   * value until a catcher resets it, so an escaping signal can still show them.
   */
  readonly frames = this.fixed !== null ? new Int32Array(this.fixed, 4 * (STACK_SIZE + SPECPDL_SIZE), 2 * MAX_FRAMES) : new Int32Array(2 * MAX_FRAMES);
  /**
   * Frames marked to call the debugger when they return (GNU's debug-on-exit flag): 1 at a
   * frame's index, made on first use; the count says whether any may be set: eval.ts.
   */
  frameDebugOnExit: Uint8Array | null = null;
  debugOnExitCount = 0;
  nframes = 0;
  /** The handler lists of the active condition-case forms, innermost last. */
  readonly handlerSpecs: number[] = [];
  /** Called, before unwinding, with a signal that no condition-case will catch (batch backtraces). */
  uncaughtSignalHook: ((sig: { readonly symbol: number; readonly data: number }) => void) | null = null;
  /** Global Lisp slots, indexed by DEFGLOBAL numbers. */
  readonly globals: Int32Array;
  /** Values pinned by JS code outside any Lisp frame (e.g. during a dump). */
  readonly pinned: number[] = [];
  /** The JS bodies of the subrs, by SUBR_INDEX. */
  readonly subrFns: SubrFn[];
  /** JS objects that Lisp holds through user-ptr objects (never dumped). */
  readonly handles: unknown[] = [];
  /**
   * The last character-to-byte position found in a multibyte string (GNU's
   * string_char_byte_cache): see stringCharToByte in object.ts. 0 = none.
   */
  charByteString = 0;
  /** The bigints of bignums wider than two words, by object (see makeBignum in object.ts). */
  readonly bignumValues = new Map<number, bigint>();
  charByteChar = 0;
  charByteByte = 0;
  /**
   * Buffer-local bindings found lately (eval.ts localCell): 256 entries of four words, BUFFER,
   * SYMBOL, the binding's cell (nil: none, the default shows) and the localsEpoch they were found
   * in. The epoch counts changes of any buffer's list of local bindings; an entry of another
   * epoch is not used. -1 in every epoch word at the start.
   */
  readonly localCache = new Int32Array(1024).fill(-1);
  /** See localCache: kept below 2^30 so that it stays a small integer. */
  localsEpoch = 0;
  /** Counts in-place changes of any string's characters (aset, fillarray, clear-string): caches of decoded strings compare it. */
  stringEpoch = 0;
  /** The characters of the string `string-match' decoded last, for loops over one long string: search.ts. */
  decodedString: { s: number; epoch: number; gcs: number; data: number; nbytes: number; chars: Int32Array } | null = null;
  /** Files being loaded, outermost first (GNU's Vloads_in_progress), to stop a runaway recursive load: lread.ts. */
  loadsInProgress: string[] = [];
  /** The state of `random` (glibc's random() state and its two indices), made on its first use: fns.ts. */
  randomState: Int32Array | null = null;
  /** Hash tables whose user-defined test is running, which must not change meanwhile: fns.ts. */
  readonly hashTablesInTest = new Set<number>();
  /** The last byte written to stdout (10 before any): `terpri' with ENSURE looks at it, print.ts. */
  lastStdoutByte = 10;
  /** Output went to stdout since the last message: the next message on stderr starts a new line first. */
  stderrNeedsNewline = false;
  /** Per-world state of modules above core, by defineWorldState's slots. */
  readonly moduleStates: unknown[] = new Array<unknown>(worldStateSlots).fill(undefined);
  /** Set when started from a dump: pdumper-stats reports it. */
  dumpInfo: { file: string; loadTimeSec: number } | null = null;
  /**
   * After a load that left the dump's deferred payload unread (loader.ts): its byte addresses
   * [lo, hi), and `load`, which reads and checks it (and clears this field) or ends the process as
   * the damaged dump it is. Readers of a deferrable string call it first (dump-hooks.ts).
   */
  deferredText: { lo: number; hi: number; load: () => void } | null = null;
  /** GC statistics for garbage-collect and gcs-done. */
  gcsDone = 0;
  /** Seconds, a fraction: kept in a typed array, not a field, because a field that starts as the
   * small integer 0 and later holds a fraction changes representation, and V8 then retires the
   * Runtime object's hidden class: every optimised function that reads rt (almost all) was thrown
   * away at the first collection (`--trace-deopt`: 40 "wrong map" bailouts at once). */
  private readonly gcSeconds = new Float64Array(1);
  get gcElapsed(): number {
    return this.gcSeconds[0]!;
  }
  set gcElapsed(v: number) {
    this.gcSeconds[0] = v;
  }
  /** Collect at every Nth safe point (TSMACS_GC_STRESS); 0 = off. */
  gcStress = 0;
  gcStressCounter = 0;
  /** maybeGC looks at the thresholds again once this many bytes have been allocated since the last GC. */
  gcCheckAt = 65536;
  /** Set while collecting, to catch re-entry. */
  inGC = false;
  /**
   * A quit asked for from outside the evaluator (the REPL's Ctrl-C): a word in shared memory that
   * another thread sets while this one evaluates; eval.ts polls it at its safe points.
   */
  quitRequest: Int32Array | null = null;
  /** While a profiler runs (profiler.ts), called at every safe point that reaches maybeGC's slow path. */
  profilerPoll: ((rt: Runtime) => void) | null = null;
  /** Validates a candidate object start in the dump region (set by the dump loader). */
  dumpObjectOk: ((wi: number, tag: number) => boolean) | null = null;

  /** Use static.ts's newRuntime, which sizes and fills the static region. */
  constructor(opts: RuntimeOptions & RuntimeParts) {
    this.host = opts.host;
    const mb = Number(opts.host.getenv('TSMACS_HEAP_MB') ?? '') || 512;
    const heapOpts: HeapOptions = {
      bytes: opts.heapBytes ?? mb * 1024 * 1024,
      staticWords: opts.staticWords,
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
    this.subrFns = opts.subrFns;
    const stress = opts.host.getenv('TSMACS_GC_STRESS');
    if (stress) this.gcStress = Math.max(1, Number(stress) | 0);
  }

  push(x: number): void {
    if (this.sp >= STACK_SIZE) this.overflow();
    this.stack[this.sp++] = x;
  }

  /** Out of line, so that push stays small enough to be inlined everywhere. */
  private overflow(): never {
    throw new LispStackOverflow('Lisp stack overflow');
  }
}
