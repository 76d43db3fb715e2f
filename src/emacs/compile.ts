// The compiling evaluator: lambdas and closures become JavaScript functions, lazily, as a cache beside the heap (issue 11).
//
// What it does, what falls back and the GC rules are in docs/evaluator.md. In short: a function
// is compiled when it has been called `threshold' times (TSMACS_COMPILE: 0 off, N after N calls);
// anything the compiler does not handle makes it give up on that function, which the
// interpreter then runs as before. Generated code keeps every Lisp value it needs across a
// possible collection on the Lisp stack: variables live in slots of a frame reserved on it, and
// a value waiting for another to be computed is pushed first.

import {
  BUF_BEGV, BUF_PT, BUF_PT_BYTE, BUF_Z, BUF_ZV, BUF_Z_BYTE, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SIZE_MASK, PVEC_SUBR, PVEC_TYPE_SHIFT, STR_DATA, STR_NBYTES, STR_NCHARS, SUBR_INDEX, SUBR_MAX_ARGS, SYM_DECLARED_SPECIAL, SYM_FLAGS, SYM_FUNCTION, SYM_REDIRECT_MASK, SYM_VALUE, UNEVALLED,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM, fixnumValue, makeFixnum } from '../heap/tags.ts';
import { allocString, aref, cons, consp, listFromArray, makeFloat, makeSafeInteger, pvecType, safeIntegerValue, symIndex, symbolFunction, xcar, xcdr } from '../core/object.ts';
import { addRootFamily } from '../core/gc.ts';
import { MAX_FRAMES, defineWorldState, type Runtime } from '../core/runtime.ts';
import { LispSignal, LispThrow, xsignal2 } from '../core/signal.ts';
import { PRIMITIVES } from '../core/subr.ts';
import { MAX_CHAR } from '../core/character.ts';
import {
  NT_ADD, NT_ADD1, NT_BASE, NT_CMP, NT_DIV, NT_LEAVES, NT_MAX_ARITY, NT_MUL, NT_NEG, NT_SQRT, NT_SUB, NT_SUB1, aref as arefPrim, aset as asetPrim, ntOp, numTree,
} from './data.ts';
import { hashGetInline, hashPutInline } from './fns.ts';
import { prin1ToJs } from './print.ts';
import { G_CURRENT_BUFFER, currentBufferEnter, currentBufferExit } from './buffer.ts';
import { EXCURSION_WORDS, RESTRICTION_WORDS, excursionEnter, excursionExit, restrictionEnter, restrictionExit, setPoint } from './editfns.ts';
import {
  DEFSYM, Qand_optional, Qand_rest, Qautoload, Qclosure, Qlambda, Qmacro, Qnil, Qt, Qunbound, Qwrong_number_of_arguments,
} from '../core/symbols.ts';
import {
  DEOPT, FRAME_FORM, arityErrorData, callFromCompiled, compiledCatchEnter, compiledNearLimits, compiledTick, compiledCatchExit, compiledCatchLand, compiledCcEnter, compiledCcLand, compiledRestore, compiledSave,
  compiledUnwindLand, compilerHook, funcall, isConstantSymbol, isSpecial, lexicalBinding, setInternal, specbind, symbolValue,
  unbindTo, type CompiledFn,
} from './eval.ts';

const Qquote = DEFSYM('quote');
const Qfunction = DEFSYM('function');
const Qsetq = DEFSYM('setq');
const Qif = DEFSYM('if');
const Qcond = DEFSYM('cond');
const Qand = DEFSYM('and');
const Qor = DEFSYM('or');
const Qprogn = DEFSYM('progn');
const Qprog1 = DEFSYM('prog1');
const Qprog2 = DEFSYM('prog2');
const Qlet = DEFSYM('let');
const Qletx = DEFSYM('let*');
const Qwhile = DEFSYM('while');
const Qcatch = DEFSYM('catch');
const Qunwind_protect = DEFSYM('unwind-protect');
const Qsave_excursion = DEFSYM('save-excursion');
const Qsave_restriction = DEFSYM('save-restriction');
const Qsave_current_buffer = DEFSYM('save-current-buffer');
const Qcondition_case = DEFSYM('condition-case');
const Qinteractive = DEFSYM('interactive');
const Qsuccess = DEFSYM(':success');
const Qdocumentation = DEFSYM(':documentation');
const Qdebug_on_next_call = DEFSYM('debug-on-next-call');
const Qsymbol = DEFSYM('symbol');
const Qcons = DEFSYM('cons');
const Qstring = DEFSYM('string');
const Qfloat = DEFSYM('float');
const Qinteger = DEFSYM('integer');
const Qmemq = DEFSYM('memq');
const Qtype_of = DEFSYM('type-of');
const Qaref = DEFSYM('aref');
const Qcar = DEFSYM('car');
const Qcdr = DEFSYM('cdr');

/** The compiled code of one lambda body, keyed by its (ARGS . BODY) cons. */
interface Entry {
  key: number;
  calls: number;
  fn: CompiledFn | null;
  /** Gave up: the interpreter runs it. */
  failed: boolean;
  compiling: boolean;
  /** Lisp objects the code names that the key does not hold (macro expansions). */
  consts: number[];
  /** (KEY . CONSTS) once compiled, else nil: see compileWith. */
  holder: number;
  src: string;
  /** A closure's entry (key (ARGS . BODY) under `closure ENV'), else a lambda's. */
  lex: boolean;
  /** Its key is in the dumped image: a function of the image's own libraries (see LIB_THRESHOLD). */
  lib: boolean;
  /**
   * Taken out of its map (a stale macro, a cleared cache): the call sites' cache (icEntry) must
   * not count calls on it or compile it, since only the maps' entries have their holders marked.
   */
  dropped: boolean;
}

interface State {
  /** Calls before a function is compiled; 0: never. */
  threshold: number;
  /** The same while a macro expander runs (rt.setupDepth): see EXPAND_THRESHOLD. */
  expandThreshold: number;
  /** The same for the image's own functions: see LIB_THRESHOLD. */
  libThreshold: number;
  /** The image's own functions called while a macro expander runs: see LIB_EXPAND_THRESHOLD. */
  libExpandThreshold: number;
  /** Closures, by the (ARGS . BODY) they share; lambdas (dynamic binding) apart. */
  lex: Map<number, Entry>;
  dyn: Map<number, Entry>;
  /** TSMACS_COMPILE_LOG: say on stderr what was compiled and what was not, and why. */
  log: boolean;
  /** Deep entries seen, to probe the JS stack every few (see nearLimits). */
  probes: number;
  /**
   * The keys ((ARGS . BODY) conses) of the entries last found compiled, by address (see
   * lookup): a call finds its code without hashing, also for a closure made afresh from a
   * `lambda' form already compiled (evalperf10; until then the table held the function
   * objects, and every new closure missed it). The collector keeps each key alive (a root
   * family) so that no other object can take its address while it is here.
   */
  icKey: Int32Array;
  icEntry: (Entry | null)[];
  /** Calls compiled code declined (DEOPT) and the interpreter ran. */
  deopts: number;
  /** The `while' forms the interpreter has run (on-stack replacement, see loopSite), by form. */
  loops: Map<number, Entry>;
}

const IC_SIZE = 2048;

/** Entries kept before the maps are emptied (a program consing fresh lambdas forever must not grow them for ever). */
const CACHE_LIMIT = 20000;

const stateOf = defineWorldState<State>((rt) => {
  // A threshold the environment sets, or null when its variable is unset or empty. One set with
  // TSMACS_COMPILE stands for every threshold no more specific variable sets.
  const setting = (name: string, min: number): number | null => {
    const v = rt.host.getenv(name);
    return v === undefined || v === null || v === '' ? null : Math.max(min, Number(v) | 0);
  };
  const all = setting('TSMACS_COMPILE', 0);
  const threshold = all ?? DEFAULT_THRESHOLD;
  const ex = setting('TSMACS_COMPILE_EXPAND', 1);
  const expandThreshold = ex ?? all ?? EXPAND_THRESHOLD;
  const libThreshold = setting('TSMACS_COMPILE_LIB', 1) ?? all ?? LIB_THRESHOLD;
  const libExpandThreshold = setting('TSMACS_COMPILE_LIB_EXPAND', 1) ?? ex ?? all ?? LIB_EXPAND_THRESHOLD;
  return { threshold, expandThreshold, libThreshold, libExpandThreshold, lex: new Map(), dyn: new Map(), log: !!rt.host.getenv('TSMACS_COMPILE_LOG'), probes: 0,
    icKey: new Int32Array(IC_SIZE), icEntry: new Array<Entry | null>(IC_SIZE).fill(null), deopts: 0, loops: new Map() };
});

/**
 * Calls before compiling, when TSMACS_COMPILE does not say: the first call. Measured on the
 * bench programs (BENCHMARKS.md, "The compiler"): 1 beat 2, 3 and 4 on the geometric mean, most
 * on programs whose work is in a function called a few times (bubble sort: 0.19 s at 1, 0.45 s
 * at 2); start-up runs no function often enough to matter either way. TSMACS_COMPILE=0 turns
 * the compiler off.
 */
const DEFAULT_THRESHOLD = 1;

/**
 * Calls before compiling a function called while Runtime.setupDepth is above 0 (evalperf8): a
 * macro expander, or a library that `require' or an autoload loads, runs once per process, cold,
 * and compiling at the first call cost far more than interpreting (cl-defstruct's expander 106 ms
 * against 28 ms; `(require 'cl-lib)' 62 ms against 40 ms: custom-declare-variable, function-put,
 * define-error ... each compiled for a few calls). A function called that often there is
 * compiled anyway, and its count goes on when it is called outside (TSMACS_COMPILE_EXPAND sets
 * it; TSMACS_COMPILE and setCompileThreshold set both).
 */
const EXPAND_THRESHOLD = 100;

/**
 * Calls before compiling a function of the dumped image (its (ARGS . BODY) in the image's
 * region: the preloaded libraries, GNU's byte-compiled preloaded code), outside set-up code
 * (evalcold). Such functions are mostly called a few times per process (a major mode's set-up:
 * `emacs-lisp-mode' compiled 23 functions at their first calls, 20 ms of CPU against 5.6 ms
 * interpreted), while a program's own functions, compiled at their first call, are its hot ones.
 * An image function called this often is compiled then (TSMACS_COMPILE_LIB sets it;
 * TSMACS_COMPILE and setCompileThreshold set it too).
 */
const LIB_THRESHOLD = 8;

/**
 * Calls before compiling a function of the dumped image called while Runtime.setupDepth is above 0
 * (evalperf18): pcase.el's and macroexp.el's helpers while a `pcase' expands. A process expands a
 * few `pcase' forms, each making some 2,000 calls of those helpers (`pcase--judge' 350,
 * `pcase--verdict' 180, ...), so at EXPAND_THRESHOLD 13 of them were compiled in the first
 * expansion, 2-4 ms of CPU each while our compiler's own code is cold, for a few hundred calls
 * each: pcase-dispatch.el 356 -> 321 ms of CPU with no image function compiled there. A program
 * that expands that much more (thousands of `pcase' forms loaded from source) still gets them
 * compiled, and their counts go on outside set-up code. Library files' functions (cl-macs's,
 * loaded from `.elc') keep EXPAND_THRESHOLD: raising it for every function made closures.el
 * slower (evalperf12). TSMACS_COMPILE_LIB_EXPAND sets it; TSMACS_COMPILE_EXPAND, TSMACS_COMPILE
 * and setCompileThreshold set it too.
 */
const LIB_EXPAND_THRESHOLD = 2000;

/** The calls after which the entry E is due to be compiled: see the thresholds above. */
const dueAt = (rt: Runtime, st: State, e: Entry): number =>
  rt.setupDepth > 0 ? (e.lib ? st.libExpandThreshold : st.expandThreshold) : e.lib ? st.libThreshold : st.threshold;

// A compiled entry keeps its key and its constants alive: the code embeds their addresses, and a
// freed address could come back as another object.
addRootFamily((rt, mark) => {
  const st = stateOf(rt);
  for (const map of [st.lex, st.dyn])
    for (const e of map.values()) {
      if (e.holder !== Qnil) mark(e.holder);
    }
  // A loop's holder keeps its form (the map's key) alive while its code or its failure is kept.
  for (const e of st.loops.values()) if (e.holder !== Qnil) mark(e.holder);
  for (let i = 0; i < IC_SIZE; i++) if (st.icKey[i] !== 0) mark(st.icKey[i]!);
  // Form records of frames still shown (a signal's frames stay until a catcher drops them) whose
  // code may have been dropped from the cache meanwhile.
  const fr = rt.frames;
  for (let i = Math.min(rt.nframes, MAX_FRAMES) - 1; i >= 0; i--) if (fr[2 * i + 1] === FRAME_FORM) mark(fr[2 * i]!);
});

/**
 * The compiled code for FUN (a lambda or closure), compiling it when it is due (at once with
 * FORCE, whatever the threshold); null to interpret it.
 */
function lookup(rt: Runtime, fun: number, force = false): CompiledFn | null {
  const st = stateOf(rt);
  if (st.threshold === 0 && !force) return null;
  // FUN's key read in place: (ARGS . BODY), the cddr of a closure or the cdr of a lambda (a
  // closure without one gets 0, nil, which no entry has). The entry in the slot is the one the
  // map holds for that key, of the same kind (a lambda and a closure may share their cdr).
  const m = rt.i32;
  const w = (fun & -8) >>> 2;
  const r = m[w + 1]!;
  const lex = m[w] === Qclosure;
  const k = lex ? ((r & 7) === Lisp_Cons ? m[((r & -8) >>> 2) + 1]! : Qnil) : r;
  const slot = (k >>> 3) & (IC_SIZE - 1);
  let counted = false;
  if (st.icKey[slot] === k && k !== Qnil) {
    const e = st.icEntry[slot]!;
    if (e.lex === lex) {
      if (e.fn !== null) return e.fn;
      // Not compiled yet (evalperf16): counted here, without hashing the key, as below. A
      // function interpreted until its 8th or 100th call (LIB_THRESHOLD, EXPAND_THRESHOLD:
      // pcase's helpers while a `pcase' expands) went to the map at every call.
      if (!e.dropped && !force) {
        if (e.failed || e.compiling || ++e.calls < dueAt(rt, st, e)) return null;
        counted = true;
      }
    }
  }
  const rest = xcdr(rt, fun);
  let key: number;
  let map: Map<number, Entry>;
  if (xcar(rt, fun) === Qclosure) {
    if (!consp(rest)) return null;
    key = xcdr(rt, rest);
    map = st.lex;
  } else {
    key = rest;
    map = st.dyn;
  }
  if (!consp(key)) return null;
  let e = map.get(key);
  if (e === undefined) {
    if (map.size >= CACHE_LIMIT) {
      for (const old of map.values()) {
        old.fn = null;
        old.dropped = true;
      }
      map.clear();
    }
    e = { key, calls: 0, fn: null, failed: false, compiling: false, consts: [], holder: Qnil, src: '', lex: map === st.lex,
      lib: rt.heap.inDump((key & -8) >>> 2), dropped: false };
    map.set(key, e);
  }
  st.icKey[slot] = key;
  st.icEntry[slot] = e;
  if (e.fn !== null) return e.fn;
  if (e.failed || e.compiling || (!force && !counted && ++e.calls < dueAt(rt, st, e))) return null;
  e.compiling = true;
  try {
    e.fn = compileLambda(rt, fun, map === st.lex, e);
    if (st.log) rt.host.write(2, new TextEncoder().encode(`compiled lisp-${logSeq}: ${prin1ToJs(rt, key).slice(0, 100).replace(/\n/g, ' ')}\n${e.src}\n`));
  } catch (err) {
    if (!(err instanceof Fallback)) throw err;
    if (st.log) rt.host.write(2, new TextEncoder().encode(`not compiled: ${err.message}\n`));
    e.failed = true;
    e.fn = null;
  } finally {
    e.compiling = false;
  }
  return e.fn;
}
compilerHook.lookup = lookup;
compilerHook.force = (rt, fun) => lookup(rt, fun, true);
compilerHook.deopted = (rt) => {
  const st = stateOf(rt);
  st.deopts++;
  if (st.log && (st.deopts & (st.deopts - 1)) === 0) rt.host.write(2, new TextEncoder().encode(`declined calls: ${st.deopts}\n`));
};

// ---- loops the interpreter runs (on-stack replacement) -----------------------------------------

/**
 * The record of the `while' FORM, which the interpreter runs with (LEXICAL) or without a lexical
 * environment: made at its first run; null when it is known not to compile, when the compiler is
 * off, or when it was first seen in the other mode. (An entry not yet compiled does not keep FORM
 * alive: if its address comes back as another loop, that loop inherits a count of rounds.)
 */
/** A loop is being compiled (loopCompile): see genInlineMore. */
let compilingLoop = false;

/** The longest JS source (in characters) a compiled loop may have; a longer one is left to the interpreter. */
const LOOP_MAX_SOURCE = 8000;

function loopSite(rt: Runtime, form: number, lexical: boolean): Entry | null {
  const st = stateOf(rt);
  if (st.threshold === 0) return null;
  let e = st.loops.get(form);
  if (e === undefined) {
    if (st.loops.size >= CACHE_LIMIT) {
      for (const old of st.loops.values()) old.fn = null;
      st.loops.clear();
    }
    e = { key: Qnil, calls: 0, fn: null, failed: false, compiling: false, consts: [], holder: Qnil, src: '', lex: lexical, lib: false, dropped: false };
    st.loops.set(form, e);
  }
  return e.failed || e.lex !== lexical ? null : e;
}

/**
 * Compile the loop FORM of entry E as the body of a function of no arguments, `(closure ENV ()
 * FORM)' (or a lambda without lexical binding), ENV the environment the interpreter runs it in:
 * the code looks its free variables up there at each run. The code, or null when it cannot be
 * compiled (remembered: the interpreter runs that loop from now on).
 */
function loopCompile(rt: Runtime, e: Entry, form: number): CompiledFn | null {
  const st = stateOf(rt);
  if (e.failed || e.compiling || e.fn !== null) return e.fn;
  const sp = rt.sp;
  e.compiling = true;
  try {
    e.key = cons(rt, Qnil, cons(rt, form, Qnil));
    rt.push(e.key);
    const fun = e.lex ? cons(rt, Qclosure, cons(rt, rt.lexenv, e.key)) : cons(rt, Qlambda, e.key);
    rt.push(fun);
    e.consts = [];
    compilingLoop = true;
    try {
      e.fn = compileLambda(rt, fun, e.lex, e);
    } finally {
      compilingLoop = false;
    }
    // A big loop body (a long `cond' of calls) makes code whose optimisation by V8 costs more
    // than the interpreter spends on the loop (buffer-regexp.el's 20 KB of JS: +110 ms of CPU).
    if (e.src.length > LOOP_MAX_SOURCE) giveUp(`loop of ${e.src.length} characters of code`);
    if (st.log) rt.host.write(2, new TextEncoder().encode(`compiled loop lisp-${logSeq}: ${prin1ToJs(rt, form).slice(0, 100).replace(/\n/g, ' ')}\n${e.src}\n`));
  } catch (err) {
    if (!(err instanceof Fallback)) throw err;
    if (st.log) rt.host.write(2, new TextEncoder().encode(`loop not compiled: ${err.message}\n`));
    e.failed = true;
    e.fn = null;
    // The failure stays with this form: keep it alive so that its address names no other loop.
    e.holder = e.key;
  } finally {
    e.compiling = false;
    rt.sp = sp;
  }
  return e.fn;
}

/** E's code declined to run (a stale macro, a let-bound variable now special, near a limit): compile it again later. */
function loopDrop(rt: Runtime, e: Entry): void {
  e.fn = null;
  e.holder = Qnil;
  e.calls = 0;
}

compilerHook.loopSite = loopSite;
compilerHook.loopCompile = (rt, site, form) => loopCompile(rt, site as Entry, form);
compilerHook.loopDrop = (rt, site) => loopDrop(rt, site as Entry);

/** Calls that compiled code handed back to the interpreter so far (tests: code that must stay compiled). */
export const compiledDeopts = (rt: Runtime): number => stateOf(rt).deopts;

/** Compile FUN now if it can be (byte-compile); its code, or null when the interpreter must run it. */
export const compileNow = (rt: Runtime, fun: number): CompiledFn | null => lookup(rt, fun, true);

/** The compiler gives up on a function: the interpreter runs it. */
class Fallback extends Error {}
const giveUp = (why: string): never => {
  throw new Fallback(why);
};

/** The JS source FUN was compiled to (compiling it now with FORCE), or null: for `disassemble'. */
export function compiledSource(rt: Runtime, fun: number, force: boolean): string | null {
  const st = stateOf(rt);
  if (lookup(rt, fun, force) === null) return null;
  const rest = xcdr(rt, fun);
  const key = xcar(rt, fun) === Qclosure ? xcdr(rt, rest) : rest;
  return (xcar(rt, fun) === Qclosure ? st.lex : st.dyn).get(key)?.src ?? null;
}

/** Compile functions after N calls from now on (0: never); tests force it this way. */
export function setCompileThreshold(rt: Runtime, n: number): void {
  const st = stateOf(rt);
  st.threshold = Math.max(0, n | 0);
  st.expandThreshold = st.threshold;
  st.libThreshold = st.threshold;
  st.libExpandThreshold = st.threshold;
}

/** Whether compiling is on in this world. */
export const compilerEnabled = (rt: Runtime): boolean => stateOf(rt).threshold !== 0;

// ---- code generation -------------------------------------------------------------------------

/** How a variable in scope is reached. */
const V_SLOT = 0; // its value in a frame slot
const V_CELL = 1; // its binding cons (SYM . VALUE) in a frame slot: the closure environment shares it
const V_SPECIAL = 2; // dynamically bound (specbind)

interface Binding {
  sym: number;
  kind: number;
  slot: number;
}

interface Ctx {
  rt: Runtime;
  lexical: boolean;
  /** Every lexical variable is a cell and the environment is built as the interpreter's (the body makes closures). */
  envMode: boolean;
  out: string[];
  /** Free variables' lookups, run at entry before the body (out's line numbers must not move: see gen). */
  lookups: string[];
  ntemps: number;
  /** The `while' loops' first and last lines in out (temps live across a round stay apart: see shareTemps). */
  loops: [number, number][];
  /** Loops generated so far: each has a variable wN, 1 until its first round (see Qwhile). */
  nwarm: number;
  /** Branches of `if' and `cond' (first line, line after the last, value): split out of a large body (see splitBranches). */
  regions: [number, number, string][];
  nslots: number;
  scope: Binding[];
  /** The slot holding the current lexical environment (env mode). */
  envSlot: number;
  /** Free variables: slot of their binding cons in the closure's environment, or nil. */
  free: Map<number, number>;
  /** Symbols bound lexically by let: if one becomes special, the code is stale. */
  letSyms: Set<number>;
  consts: number[];
  entry: Entry;
  /** A closure is made somewhere in the body (env mode is needed). */
  makesClosure: boolean;
  /** Macros expanded into the code, by symbol: redefining one makes the code stale. */
  macros: Map<number, number>;
  litSet: Set<number>;
  /**
   * Backtrace frames (see "Frames" in docs/evaluator.md): forms open around the code being
   * generated, the deepest nesting seen, whether code since the current form began can see
   * frames (a call, a signal, Lisp run by a helper), whether the current form calls itself
   * (its record becomes the call's frame), and whether anything in the function can.
   */
  level: number;
  maxLevel: number;
  obs: boolean;
  selfObs: boolean;
  anyObs: boolean;
  /** Dynamic bindings the code can make, lexical lets open now and in all (GNU's specpdl count). */
  nSpecial: number;
  lexLets: number;
  nLexLets: number;
}

/**
 * Thrown when the code needs the closure's environment (compileLambda then compiles again in env
 * mode). Made at its first throw: built by the module body, it was the start-up's one Error, whose
 * construction (the first stack capture of a process) cost about 0.05 ms of every start.
 */
let needEnv: Fallback | null = null;

function compileLambda(rt: Runtime, fun: number, lexical: boolean, entry: Entry): CompiledFn {
  const sp = rt.sp;
  const saved = compiledSave(rt);
  try {
    try {
      return compileWith(rt, fun, lexical, entry, false);
    } catch (e) {
      if (needEnv === null || e !== needEnv) throw e;
      entry.consts = [];
      return compileWith(rt, fun, lexical, entry, true);
    }
  } catch (e) {
    // A macro expander signalled: undo what the escape skipped, and let the interpreter meet it when it runs.
    if (e instanceof LispSignal || e instanceof LispThrow) {
      compiledRestore(rt, saved);
      throw new Fallback('signal while compiling');
    }
    throw e;
  } finally {
    rt.sp = sp;
  }
}

function compileWith(rt: Runtime, fun: number, lexical: boolean, entry: Entry, envMode: boolean): CompiledFn {
  const ctx: Ctx = {
    rt, lexical, envMode, out: [], lookups: [], ntemps: 0, loops: [], nwarm: 0, regions: [], nslots: 1, scope: [], envSlot: -1, free: new Map(), letSyms: new Set(),
    consts: entry.consts, entry, makesClosure: false, macros: new Map(), litSet: new Set(),
    level: 0, maxLevel: 0, obs: false, selfObs: false, anyObs: false, nSpecial: 0, lexLets: 0, nLexLets: 0,
  };
  let rest = xcdr(rt, fun);
  if (lexical) {
    const env = xcar(rt, rest);
    // A closure over no environment runs its body with dynamic binding when it binds nothing: leave those to the interpreter.
    if (env === Qnil) giveUp('closure with nil environment');
    rest = xcdr(rt, rest);
  }
  const params = xcar(rt, rest);
  const body = xcdr(rt, rest);
  // The parameter list, resolved once.
  const required: number[] = [];
  const optional: number[] = [];
  let restVar = -1;
  let mode = 0;
  let p = params;
  for (; consp(p); p = xcdr(rt, p)) {
    const s = xcar(rt, p);
    if ((s & 7) !== Lisp_Symbol) giveUp('bad parameter');
    if (s === Qand_optional) {
      if (mode !== 0) giveUp('bad &optional');
      mode = 1;
      continue;
    }
    if (s === Qand_rest) {
      if (mode === 2) giveUp('bad &rest');
      mode = 2;
      continue;
    }
    if (s === Qnil || s === Qt || isConstantSymbol(rt, s)) giveUp('constant parameter');
    if (mode === 0) required.push(s);
    else if (mode === 1) optional.push(s);
    else {
      if (restVar !== -1) giveUp('two &rest variables');
      restVar = s;
    }
  }
  if (p !== Qnil || (mode === 2 && restVar === -1)) giveUp('bad parameter list');
  const out = ctx.out;
  if (envMode) {
    ctx.envSlot = ctx.nslots++;
    out.push(`st[fp+${ctx.envSlot}] = env;`);
  }
  if (!lexical) out.push('const count = rt.specCount;');
  const nparams = required.length + optional.length + (restVar !== -1 ? 1 : 0);
  const all = [...required, ...optional, ...(restVar !== -1 ? [restVar] : [])];
  all.forEach((s, i) => {
    const val = i < required.length + optional.length ? (i < required.length ? `st[base+${i}]` : `(${i} < n ? st[base+${i}] : ${Qnil})`)
      : `H.restList(rt, base+${i}, n-${i})`;
    bindVar(ctx, s, val, false);
  });
  const r = genBody(ctx, body);
  if (!lexical) {
    // The dynamic bindings are undone after the body, at the call's own frame.
    ctx.level = 0;
    out.push(`st[fp] = ${r}; rt.sp = fp + 1; ${ctx.nSpecial > 0 ? sync(ctx) : ''} unbindTo(rt, count);`);
  }
  const nslots = ctx.nslots;
  const max = restVar !== -1 ? -1 : required.length + optional.length;
  const pre: string[] = [];
  // debug-on-next-call steps through forms, which only the interpreter has: this call is interpreted.
  pre.push(`if (m[${symIndex(rt, Qdebug_on_next_call) + SYM_VALUE}] !== ${Qnil}) return 1;`);
  if (ctx.macros.size > 0) {
    const stale = [...ctx.macros].map(([sym, def]) => `m[${symIndex(rt, sym) + SYM_FUNCTION}] !== ${def}`).join(' || ');
    pre.push(`if (${stale}) return H.deopt(rt, fun);`);
  }
  if (ctx.letSyms.size > 0) {
    const flags = [...ctx.letSyms].map((s) => `m[${symIndex(rt, s) + SYM_FLAGS}]`).join(' | ');
    pre.push(`if ((${flags}) & ${SYM_DECLARED_SPECIAL}) return H.deopt(rt, fun);`);
  }
  if (lexical) pre.push(`const env = m[(m[(fun & -8) >>> 2 | 1] & -8) >>> 2];`);
  // A local (defvar X) in the closure's environment makes a let of X dynamic; only the symbols
  // this code binds matter (cl-defstruct's top-level defvar puts one in every later closure).
  if (lexical && ctx.letSyms.size > 0) pre.push(`if (H.envDeclares(rt, env, LETSYMS)) return 1;`);
  // Frames and eval depth (docs/evaluator.md, "Frames"): near a limit the interpreter runs the call.
  const K = ctx.maxLevel;
  const W = K + ctx.nSpecial + ctx.nLexLets + 1;
  pre.push('const fb = rt.nframes, db = rt.lispEvalDepth, f2 = fb << 1, fr = rt.frames;');
  pre.push(`if (db > ${100 - K} || rt.specCount + 3 * (fb + rt.envBinds) >= ${3 * (400 - W)} || fb > ${MAX_FRAMES - 1 - K}) { if (H.nearLimits(rt, fb, db, ${K}, ${W})) return 1; }`);
  pre.push(`if (n < ${required.length}${max >= 0 ? ` || n > ${max}` : ''}) return H.arity(rt, fun, n);`);
  pre.push('const fp = rt.sp;');
  if (ctx.anyObs) {
    // GNU counts a call whose body's environment differs from its caller's in the specpdl.
    const e0 = !lexical ? `rt.lexenv !== ${Qnil}` : nparams > 0 ? 'true' : 'env !== rt.lexenv';
    pre.push(`const eb0 = rt.envBinds, eb = ${e0} ? eb0 + 1 : eb0; rt.envBinds = eb;`);
  }
  // The frame's slots, nil but slot 0 (stack overflow is reserve's to report).
  pre.push(`if (fp + ${nslots} >= st.length) H.reserve(rt, ${nslots});`);
  pre.push(`rt.sp = fp + ${nslots}; st[fp] = HOLDER;${nslots > 24 ? ` st.fill(${Qnil}, fp + 1, fp + ${nslots});` : Array.from({ length: nslots - 1 }, (_, i) => ` st[fp+${i + 1}] = ${Qnil};`).join('')}`);
  const split = out.length >= SPLIT_BODY ? splitBranches(out, ctx.regions, ctx.loops, ctx.ntemps) : [];
  out.push(`__EXIT__ ${r}`);
  const { vars: ntemps, map } = shareTemps(out, ctx.loops, ctx.ntemps);
  const r2 = out.pop()!.slice(9);
  // The branches split out, innermost first, each a function of its own taking what the body's
  // code names besides its own temps; its first line in the body calls it. Each function declares
  // only the temps it names: every one is a register V8's unoptimised code fills at each call.
  const fragParams = `rt, fun, st, m, f64, fp, fb, db, f2, fr${ctx.anyObs ? ', eb' : ''}${lexical ? ', env' : ', count'}`;
  const lines: (string | null)[] = out;
  // The body's pushes (a call's function and arguments, an operand kept across the next) are
  // stores into the stack, not calls of rt.push: a JS call each while V8 runs the code
  // unoptimised. The pushes live at once are at most one per such line, so the entry makes sure
  // that many words are free above the frame (else the interpreter runs the call).
  let pushes = 0;
  const inlinePush = (l: string | null): string | null =>
    l === null ? null : l.replace(/rt\.push\((t\d+|-?\d+)\);/g, (_, x: string) => {
      pushes++;
      return `st[rt.sp++] = ${x};`;
    });
  for (let i = 0; i < lines.length; i++) lines[i] = inlinePush(lines[i]!);
  const fpAt = pre.indexOf('const fp = rt.sp;');
  if (pushes > 0) pre[fpAt] += `\nif (fp + ${nslots + pushes} >= st.length && fp + ${nslots} < st.length) return 1;`;
  const frags: string[] = [];
  for (const [s, e, v] of split) {
    const body = lines.slice(s, e).filter((l) => l !== null);
    const val = /^t\d+$/.test(v) ? `t${map[Number(v.slice(1))]}` : v;
    const name = `B${frags.length}`;
    // V8 compiles each at its first call: a branch may never run.
    frags.push(`function ${name}(${fragParams}) {\n${tempsOf(body, ntemps)}\n${body.join('\n')}\nreturn ${val};\n}`);
    lines.fill(null, s, e);
    lines[s] = /^t\d+$/.test(v) ? `${val} = ${name}(${fragParams});` : `${name}(${fragParams});`;
  }
  const restore = ctx.anyObs ? ' rt.nframes = fb; rt.lispEvalDepth = db; rt.envBinds = eb0;' : '';
  const exit = lexical ? `rt.sp = fp;${restore} return ${r2};` : `rt.sp = fp;${restore} return st[fp];`;
  const kept = lines.filter((l) => l !== null);
  const temps = tempsOf(split.length > 0 ? [...ctx.lookups, ...kept, exit] : [], ntemps);
  const main = `function compiled(rt, fun, base, n) {\nconst st = rt.stack, m = rt.i32, f64 = rt.f64;\n${pre.join('\n')}\n${temps}\n${ctx.lookups.join('\n')}\n${kept.join('\n')}\n${exit}\n}`;
  const src = `return ${main};${frags.length > 0 ? `\n${frags.join('\n')}` : ''}`;
  entry.src = src;
  // The holder, (KEY . CONSTS), is in slot 0 of every frame: a running call keeps what its code
  // names alive even after the cache dropped the entry (a stale macro, a cleared cache).
  const consts = listFromArray(rt, entry.consts);
  rt.push(consts);
  entry.holder = cons(rt, entry.key, consts);
  const warm = ctx.nwarm > 0 ? `let ${Array.from({ length: ctx.nwarm }, (_, i) => `w${i} = ${WARM_ROUNDS}`).join(', ')};\n` : '';
  // With TSMACS_COMPILE_LOG each code is named in profiles (`lisp-N.js`, N as the log says).
  const url = stateOf(rt).log ? `\n//# sourceURL=lisp-${++logSeq}.js` : '';
  const factory = new Function('H', 'callFromCompiled', 'unbindTo', 'HOLDER', 'LETSYMS', `${warm}${frags.join('\n')}\nreturn ${main};${url}`) as
    (h: Helpers, c: typeof callFromCompiled, u: typeof unbindTo, holder: number, letSyms: number[]) => CompiledFn;
  return factory(HELPERS ??= makeHelpers(), callFromCompiled, unbindTo, entry.holder, [...ctx.letSyms]);
}

const temp = (ctx: Ctx): string => `t${ctx.ntemps++}`;

/** The number of the last code compiled with TSMACS_COMPILE_LOG set (its name in profiles). */
let logSeq = 0;

/**
 * The `let` of the temps (t0 ... tN-1 after shareTemps) that LINES name, or of all N when LINES is
 * empty (a body not split: it names nearly all of them, and the scan runs cold at each compile).
 */
function tempsOf(lines: string[], n: number): string {
  if (n === 0) return '';
  let used: number[];
  if (lines.length === 0) used = Array.from({ length: n }, (_, i) => i);
  else {
    const seen = new Uint8Array(n);
    for (const l of lines) for (const mt of l.matchAll(/\bt(\d+)\b/g)) if (Number(mt[1]) < n) seen[Number(mt[1])] = 1;
    used = [];
    for (let i = 0; i < n; i++) if (seen[i]) used.push(i);
  }
  return used.length > 0 ? `let ${used.map((i) => `t${i}`).join(', ')};` : '';
}

/** Rounds of each compiled loop that tick whether or not a tick is due (see Qwhile). */
const WARM_ROUNDS = 200;

/** Where each temp tK first and last appears in LINES, whether it is read before written there, and each occurrence (line, start, end, K). */
function scanTemps(lines: (string | null)[], n: number): { first: Int32Array; last: Int32Array; readFirst: Uint8Array; occ: number[] } {
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n);
  const readFirst = new Uint8Array(n);
  const occ: number[] = [];
  const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === null || line === undefined) continue;
    for (let at = line.indexOf('t'); at >= 0; at = line.indexOf('t', at + 1)) {
      if (at > 0 && isWord(line.charCodeAt(at - 1))) continue;
      let e = at + 1;
      let k = 0;
      for (let c = line.charCodeAt(e); c >= 48 && c <= 57; c = line.charCodeAt(++e)) k = k * 10 + (c - 48);
      if (e === at + 1 || (e < line.length && isWord(line.charCodeAt(e))) || k >= n) continue;
      if (first[k] === -1) {
        first[k] = i;
        // Written first (`tK = ...'), or read before any write on this line.
        let j = e;
        while (line.charCodeAt(j) === 32) j++;
        if (line.charCodeAt(j) !== 61 || line.charCodeAt(j + 1) === 61) readFirst[k] = 1;
      }
      last[k] = i;
      occ.push(i, at, e, k);
    }
  }
  return { first, last, readFirst, occ };
}

/**
 * Give temps whose lives do not overlap the same JS variable, in place in LINES; returns how
 * many variables are left and each temp's variable. Each temp is a register of the function's
 * frame, which V8's interpreter and baseline code fill at every call before the code is optimised
 * (a large pcase body had 488). A temp lives from its first line to its last: control only jumps
 * forward (if, labelled blocks, try) except at the end of a `while' round, so a temp used both
 * inside a loop and outside it, or read in a round before it is written there, lives through the
 * whole loop.
 */
function shareTemps(lines: string[], loops: [number, number][], n: number): { vars: number; map: Int32Array } {
  // A few registers cost little; the scan runs cold, at each compile.
  if (n <= SHARE_TEMPS) return { vars: n, map: Int32Array.from({ length: n }, (_, i) => i) };
  const { first, last, readFirst, occ } = scanTemps(lines, n);
  for (let changed = true; changed;) {
    changed = false;
    for (const [a, b] of loops) {
      for (let k = 0; k < n; k++) {
        if (first[k] === -1 || last[k]! < a || first[k]! > b) continue;
        if (first[k]! >= a && last[k]! <= b && readFirst[k] === 0) continue;
        if (first[k]! > a) { first[k] = a; changed = true; }
        if (last[k]! < b) { last[k] = b; changed = true; }
      }
    }
  }
  // Linear scan: temps in order of their first line, each taking a variable freed before it.
  const order = Array.from({ length: n }, (_, k) => k).filter((k) => first[k] !== -1).sort((x, y) => first[x]! - first[y]! || x - y);
  const map = new Int32Array(n);
  const freeAt: number[] = []; // per variable: the last line of the temp holding it
  let vars = 0;
  for (const k of order) {
    let v = -1;
    for (let j = 0; j < vars; j++) if (freeAt[j]! < first[k]!) { v = j; break; }
    if (v === -1) v = vars++;
    freeAt[v] = last[k]!;
    map[k] = v;
  }
  // Rewrite each line that names temps, left to right.
  for (let o = 0; o < occ.length;) {
    const i = occ[o]!;
    const line = lines[i]!;
    let res = '';
    let from = 0;
    for (; o < occ.length && occ[o] === i; o += 4) {
      res += line.slice(from, occ[o + 1]!) + 't' + map[occ[o + 3]!];
      from = occ[o + 2]!;
    }
    lines[i] = res + line.slice(from);
  }
  return { vars, map };
}

/** Temps are shared only in a body with more than this many. */
const SHARE_TEMPS = 48;
/** A body of at least this many lines has its large branches split out (splitBranches). */
const SPLIT_BODY = 150;
/** A branch split out has at least this many lines of its own (those of branches split out of it not counted). */
const SPLIT_BRANCH = 30;

/**
 * The branches of REGIONS (and `while' loops) to make functions of their own, innermost first. V8 optimises a
 * function once it has run enough, in proportion to its size, and throws the optimised code away
 * when a path it had never seen run is taken, then waits again: a pcase over eight patterns (a
 * body of 1,000 lines) ran unoptimised for most of a 600,000-call program. Split, each branch
 * gets its own feedback and is optimised alone. A branch qualifies when every temp it names
 * lives only inside it (but its value, written there), it neither breaks out of itself nor reads
 * a temp before writing it, and it has SPLIT_BRANCH lines of its own. The values the branch
 * needs are in the frame's stack slots, which the split function reaches through FP as the body.
 */
function splitBranches(lines: string[], regions: [number, number, string][], loops: [number, number][], n: number): [number, number, string][] {
  const { first, last, readFirst, occ } = scanTemps(lines, n);
  const labelAt = new Map<string, number>();
  const breaks: [number, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lm = /^(Lt\d+): \{$/.exec(line);
    if (lm !== null) labelAt.set(lm[1]!, i);
    if (line.includes('break') || line.includes('switch') || line.includes('return') || line.includes('continue')) {
      for (const bm of line.matchAll(/\b(break|continue|return)\b( Lt\d+)?|\bswitch\b/g)) breaks.push([i, bm[0] === 'switch' || bm[1] !== 'break' ? '!' : (bm[2] ?? '').trim()]);
    }
  }
  const own = new Int32Array(lines.length).fill(1);
  const chosen: [number, number, string][] = [];
  const sorted = regions.filter(([s, e]) => e - s >= SPLIT_BRANCH).sort((x, y) => (x[1] - x[0]) - (y[1] - y[0]) || x[0] - y[0]);
  const taken: [number, number][] = [];
  next: for (const [s, e, v] of sorted) {
    let size = 0;
    for (let i = s; i < e; i++) size += own[i]!;
    if (size < SPLIT_BRANCH) continue;
    const isTemp = /^t\d+$/.test(v);
    if (!isTemp && !/^-?\d+$/.test(v)) continue;
    const vk = isTemp ? Number(v.slice(1)) : -1;
    if (isTemp && (first[vk]! < s || first[vk]! >= e || readFirst[vk] === 1)) continue;
    for (let o = 0; o < occ.length; o += 4) {
      const i = occ[o]!;
      if (i < s || i >= e) continue;
      const k = occ[o + 3]!;
      if (k !== vk && (first[k]! < s || last[k]! >= e || readFirst[k] === 1)) continue next;
    }
    for (const [i, target] of breaks) {
      if (i < s || i >= e) continue;
      if (target === '!') continue next;
      if (target === '') {
        if (!loops.some(([a, b]) => a >= s && b < e && a < i && i < b)) continue next;
      } else {
        const at = labelAt.get(target);
        if (at === undefined || at < s || at >= e) continue next;
      }
    }
    // Not partly inside a branch split already (regions nest, so this only guards against equal ones).
    if (taken.some(([a, b]) => a === s && b === e)) continue;
    for (let i = s; i < e; i++) own[i] = 0;
    own[s] = 1;
    taken.push([s, e]);
    chosen.push([s, e, v]);
  }
  return chosen;
}

/**
 * The JS test that FSYM still leads to SUBR as when the code was made: its function cell, and
 * through an alias (`not' holds `null') each symbol's on the way, checked at each use.
 */
function guardOf(ctx: Ctx, fsym: number, subr: number): string {
  const { rt } = ctx;
  const tests: string[] = [];
  for (let s = fsym, i = 0; ; i++) {
    const def = symbolFunction(rt, s);
    lit(ctx, s);
    tests.push(`m[${symIndex(rt, s) + SYM_FUNCTION}] === ${lit(ctx, def)}`);
    if (def === subr || (def & 7) !== Lisp_Symbol || def === Qnil || i > 10) break;
    s = def;
  }
  return tests.join(' && ');
}

/**
 * W as a literal of the code, kept alive by the entry's holder: the code must not depend on the
 * body staying as it was (Lisp may cut a list the body shares, and the cut part be freed).
 */
function lit(ctx: Ctx, w: number): string {
  if ((w & 3) !== 2 && !ctx.litSet.has(w)) {
    ctx.litSet.add(w);
    ctx.consts.push(w);
  }
  return String(w);
}

/** Bind SYM to the value of the JS expression VAL (rooted until this returns), as a let or a parameter. */
function bindVar(ctx: Ctx, sym: number, val: string, isLet: boolean): void {
  const { rt, out } = ctx;
  if (!ctx.lexical || (isLet && isSpecial(rt, sym))) {
    out.push(`${sync(ctx)} H.specbind(rt, ${lit(ctx, sym)}, ${val});`);
    ctx.scope.push({ sym, kind: V_SPECIAL, slot: -1 });
    ctx.nSpecial++;
    return;
  }
  if (isLet) {
    if (sym === Qnil || sym === Qt || isConstantSymbol(rt, sym)) giveUp('let of a constant');
    ctx.letSyms.add(sym);
    lit(ctx, sym);
  }
  const slot = ctx.nslots++;
  if (ctx.envMode) {
    // The value first goes to the slot (rooting it), then becomes the cell, then heads the environment.
    const envSlot = ctx.nslots++;
    out.push(`st[fp+${slot}] = ${val};`);
    out.push(`st[fp+${slot}] = H.cons(rt, ${lit(ctx, sym)}, st[fp+${slot}]);`);
    out.push(`st[fp+${envSlot}] = H.cons(rt, st[fp+${slot}], st[fp+${ctx.envSlot}]);`);
    ctx.envSlot = envSlot;
    ctx.scope.push({ sym, kind: V_CELL, slot });
  } else {
    out.push(`st[fp+${slot}] = ${val};`);
    ctx.scope.push({ sym, kind: V_SLOT, slot });
  }
}

function findBinding(ctx: Ctx, sym: number): Binding | null {
  for (let i = ctx.scope.length - 1; i >= 0; i--) if (ctx.scope[i]!.sym === sym) return ctx.scope[i]!;
  return null;
}

/** The slot of free variable SYM's binding cons in the closure's environment (looked up at entry). */
function freeSlot(ctx: Ctx, sym: number): number {
  let s = ctx.free.get(sym);
  if (s === undefined) {
    s = ctx.nslots++;
    ctx.free.set(sym, s);
    // At entry, before any other code: the lookups go first.
    ctx.lookups.push(`st[fp+${s}] = H.lexicalBinding(rt, env, ${lit(ctx, sym)});`);
  }
  return s;
}

function genVarRef(ctx: Ctx, sym: number): string {
  if (sym === Qnil || sym === Qt) return String(sym);
  const t = temp(ctx);
  const out = ctx.out;
  const b = ctx.lexical ? findBinding(ctx, sym) : null;
  if (b !== null && b.kind === V_SLOT) out.push(`${t} = st[fp+${b.slot}];`);
  else if (b !== null && b.kind === V_CELL) out.push(`${t} = m[(st[fp+${b.slot}] & -8) >>> 2 | 1];`);
  else if (b === null && ctx.lexical) {
    const f = freeSlot(ctx, sym);
    out.push(`${t} = st[fp+${f}]; ${t} = ${t} !== ${Qnil} ? m[(${t} & -8) >>> 2 | 1] : ${dynRead(ctx, sym)};`);
  } else out.push(`${t} = ${dynRead(ctx, sym)};`);
  return t;
}

/** A JS expression reading SYM's dynamic value: the value cell of a plain variable, else symbolValue. */
function dynRead(ctx: Ctx, sym: number): string {
  const wi = symIndex(ctx.rt, sym);
  ctx.obs = true;
  ctx.anyObs = true;
  return `((m[${wi + SYM_FLAGS}] & ${SYM_REDIRECT_MASK}) === 0 && m[${wi + SYM_VALUE}] !== ${Qunbound} ? m[${wi + SYM_VALUE}] : H.symval(rt, ${lit(ctx, sym)}, fb+${ctx.level}, db+${ctx.level}))`;
}

function genSetVar(ctx: Ctx, sym: number, v: string): void {
  const out = ctx.out;
  const b = ctx.lexical && sym !== Qnil && sym !== Qt ? findBinding(ctx, sym) : null;
  if (b !== null && b.kind === V_SLOT) out.push(`st[fp+${b.slot}] = ${v};`);
  else if (b !== null && b.kind === V_CELL) out.push(`m[(st[fp+${b.slot}] & -8) >>> 2 | 1] = ${v};`);
  else if (b === null && ctx.lexical && sym !== Qnil && sym !== Qt) {
    const f = freeSlot(ctx, sym);
    out.push(`if (st[fp+${f}] !== ${Qnil}) m[(st[fp+${f}] & -8) >>> 2 | 1] = ${v}; else { ${sync(ctx)} H.setInternal(rt, ${lit(ctx, sym)}, ${v}); }`);
  } else out.push(`${sync(ctx)} H.setInternal(rt, ${lit(ctx, sym)}, ${v});`);
}

/** A proper list's elements, or give up. */
function elements(rt: Runtime, l: number): number[] {
  const xs: number[] = [];
  for (; consp(l); l = xcdr(rt, l)) {
    xs.push(xcar(rt, l));
    if (xs.length > 100000) giveUp('long list');
  }
  if (l !== Qnil) giveUp('dotted form');
  return xs;
}

/** Forms that cannot collect or change a variable: their value may wait in a JS local while the next is computed. */
function isSimple(ctx: Ctx, form: number): boolean {
  if ((form & 7) !== Lisp_Symbol) {
    if (!consp(form)) return true;
    // (quote X) is a literal of the code (pcase's tests are `(eq x 'SYM)').
    const rt = ctx.rt;
    const rest = xcdr(rt, form);
    return xcar(rt, form) === Qquote && consp(rest) && xcdr(rt, rest) === Qnil;
  }
  return form === Qnil || form === Qt || (ctx.lexical && findBinding(ctx, form)?.kind === V_SLOT);
}

function genBody(ctx: Ctx, forms: number): string {
  const xs = elements(ctx.rt, forms);
  if (xs.length === 0) return String(Qnil);
  let r = String(Qnil);
  for (const f of xs) r = gen(ctx, f);
  return r;
}

/** Emit code computing FORM; returns a JS expression (a temp or a literal) holding its value right after. */
function gen(ctx: Ctx, form: number): string {
  const tag = form & 7;
  if (computedLeaves !== null && tag === Lisp_Cons) {
    const v = computedLeaves.get(form);
    if (v !== undefined) return v;
  }
  if (tag === Lisp_Symbol) return genVarRef(ctx, form);
  if (tag !== Lisp_Cons) {
    // Self-evaluating: the key keeps it alive.
    return lit(ctx, form);
  }
  // The interpreter gives every form a backtrace frame and a level of eval depth. Here a form
  // at nesting L writes its record (two stores) only when something inside it can see frames;
  // which, is known once its code is made, so a placeholder line waits for it.
  const L = ctx.level;
  if (L + 1 > ctx.maxLevel) ctx.maxLevel = L + 1;
  const out = ctx.out;
  const rec = out.length;
  out.push('');
  const savedObs = ctx.obs;
  const savedSelf = ctx.selfObs;
  ctx.obs = false;
  ctx.selfObs = false;
  ctx.level = L + 1;
  const r = genCons(ctx, form);
  const inner = ctx.obs;
  if (inner) out[rec] = `fr[f2+${2 * L}] = ${lit(ctx, form)}; fr[f2+${2 * L + 1}] = ${FRAME_FORM};`;
  ctx.obs = savedObs || inner || ctx.selfObs;
  ctx.selfObs = savedSelf;
  ctx.level = L;
  return r;
}

/** Where code that can see frames (call a helper that may signal or run Lisp) syncs them first. */
function sync(ctx: Ctx): string {
  ctx.obs = true;
  ctx.anyObs = true;
  return `rt.nframes = fb+${ctx.level}; rt.lispEvalDepth = db+${ctx.level};`;
}

/** The frame index and eval depth of the current form's own call (its record becomes the call's frame). */
function selfFrame(ctx: Ctx): string {
  ctx.selfObs = true;
  ctx.anyObs = true;
  return `fb+${ctx.level - 1}, db+${ctx.level - 1}`;
}

function genCons(ctx: Ctx, form: number): string {
  const { rt } = ctx;
  const head = xcar(rt, form);
  const args = elements(rt, xcdr(rt, form));
  if ((head & 7) !== Lisp_Symbol || head === Qnil) giveUp('non-symbol function');
  let def = symbolFunction(rt, head);
  for (let i = 0; (def & 7) === Lisp_Symbol && def !== Qnil; i++) {
    if (i > 100) giveUp('cyclic');
    def = symbolFunction(rt, def);
  }
  if (consp(def)) {
    const k = xcar(rt, def);
    if (k === Qmacro) {
      // Expanded now; the code checks at each entry that HEAD still names this macro.
      if ((symbolFunction(rt, head) & 7) !== Lisp_Cons) giveUp('macro through an alias');
      ctx.macros.set(head, def);
      ctx.consts.push(def);
      return gen(ctx, expand(ctx, xcdr(rt, def), args));
    }
    if (k === Qautoload) {
      // An autoloaded macro would need loading: leave it to the interpreter.
      const r = xcdr(rt, xcdr(rt, xcdr(rt, xcdr(rt, def))));
      if (consp(r) && xcar(rt, r) !== Qnil) giveUp('autoloaded macro');
    }
  }
  if ((def & 7) === Lisp_Vectorlike && pvecType(rt, def) === PVEC_SUBR) {
    if (fixnumValue(aref(rt, def, SUBR_MAX_ARGS)) === UNEVALLED) return genSpecial(ctx, head, args, form);
    const name = PRIMITIVES[fixnumValue(aref(rt, def, SUBR_INDEX))]?.name;
    const r = name !== undefined ? genInline(ctx, head, def, name, args) ?? genInlineMore(ctx, head, def, name, args) : null;
    if (r !== null) return r;
  }
  if (args.length === 1 && consp(def) && xcar(rt, def) === Qclosure && symbolFunction(rt, head) === def) {
    const r = genStructInline(ctx, head, def, args[0]!) ?? genCxr(ctx, head, def, args[0]!);
    if (r !== null) return r;
  }
  return genCall(ctx, head, args);
}

/**
 * (closure ENV (X) [DOC] BODY) with one required parameter and one body form: [X, BODY], else
 * null. The parameter is bound lexically (GNU 28 binds a closure's parameters so, special or not).
 */
function oneArgClosure(rt: Runtime, def: number): [number, number] | null {
  const rest = xcdr(rt, def);
  if (!consp(rest) || !consp(xcdr(rt, rest))) return null;
  const params = xcar(rt, xcdr(rt, rest));
  if (!consp(params) || xcdr(rt, params) !== Qnil) return null;
  const x = xcar(rt, params);
  if ((x & 7) !== Lisp_Symbol || x === Qand_optional || x === Qand_rest || x === Qnil || x === Qt) return null;
  let body = xcdr(rt, xcdr(rt, rest));
  if (consp(body) && (xcar(rt, body) & 7) === Lisp_String && consp(xcdr(rt, body))) body = xcdr(rt, body);
  if (!consp(body) || xcdr(rt, body) !== Qnil) return null;
  return [x, xcar(rt, body)];
}

/**
 * A call of a closure whose body takes cars and cdrs of its one parameter, (closure ENV (X)
 * [DOC] (car (cdr X))) as subr.el's `cadr' and friends (GNU's compiler macros open them even from
 * source), computed in place while the symbol holds that closure and `car'/`cdr' their subrs: a
 * cons or nil at each step, else the real call (whose error and frames are the source's).
 */
function genCxr(ctx: Ctx, head: number, def: number, arg: number): string | null {
  const { rt } = ctx;
  const c = oneArgClosure(rt, def);
  if (c === null) return null;
  const [x, body] = c;
  const ops: number[] = [];
  let f = body;
  for (; f !== x; ) {
    if (ops.length > 4 || !consp(f)) return null;
    const h = xcar(rt, f);
    const a = callOf(rt, f, h, 1);
    if (a === null || (h !== Qcar && h !== Qcdr)) return null;
    ops.push(h);
    f = a[0]!;
  }
  if (ops.length === 0) return null;
  const guards: string[] = [];
  for (const [sym, name] of [[Qcar, 'car'], [Qcdr, 'cdr']] as [number, string][]) {
    const d = symbolFunction(rt, sym);
    if ((d & 7) !== Lisp_Vectorlike || pvecType(rt, d) !== PVEC_SUBR || PRIMITIVES[fixnumValue(aref(rt, d, SUBR_INDEX))]?.name !== name) return null;
    if (ops.includes(sym)) guards.push(guardOf(ctx, sym, d));
  }
  guards.unshift(guardOf(ctx, head, def));
  // The real call nests its body's forms below the call: as for struct accessors.
  if (ctx.level + ops.length + 3 > ctx.maxLevel) ctx.maxLevel = ctx.level + ops.length + 3;
  const out = ctx.out;
  const a = gen(ctx, arg);
  const slow = slowCall(ctx, head, [a]);
  const t = temp(ctx);
  out.push(`${t} = ${guards.join(' && ')} ? ${a} : -1;`);
  // Innermost first: ops holds the outermost call first.
  for (let i = ops.length - 1; i >= 0; i--)
    out.push(`if ((${t} & 7) === ${Lisp_Cons}) ${t} = m[(${t} & -8) >>> 2${ops[i] === Qcdr ? ' | 1' : ''}]; else if (${t} !== ${Qnil}) ${t} = -1;`);
  out.push(`if (${t} === -1) ${t} = ${slow};`);
  return t;
}

/** FORM as (HEAD ARG...) with N arguments: the arguments, else null. */
function callOf(rt: Runtime, form: number, head: number, n: number): number[] | null {
  if (!consp(form) || xcar(rt, form) !== head) return null;
  const xs: number[] = [];
  let l = xcdr(rt, form);
  for (; consp(l) && xs.length <= n; l = xcdr(rt, l)) xs.push(xcar(rt, l));
  return l === Qnil && xs.length === n ? xs : null;
}

/**
 * The tags variable of a cl-defstruct predicate, (closure ENV (X) (and (memq (type-of X) TAGS)
 * t)) with TAGS not bound lexically in ENV (so its value is the symbol's own), else -1.
 */
function structPredicateTags(rt: Runtime, def: number): number {
  if (!consp(def) || xcar(rt, def) !== Qclosure) return -1;
  const c = oneArgClosure(rt, def);
  if (c === null) return -1;
  const [x, body] = c;
  const and = callOf(rt, body, Qand, 2);
  if (and === null || and[1] !== Qt) return -1;
  const memq = callOf(rt, and[0]!, Qmemq, 2);
  if (memq === null) return -1;
  const typeOf = callOf(rt, memq[0]!, Qtype_of, 1);
  const tags = memq[1]!;
  if (typeOf === null || typeOf[0] !== x || (tags & 7) !== Lisp_Symbol || tags === Qnil || tags === Qt) return -1;
  for (let env = xcar(rt, xcdr(rt, def)), k = 0; consp(env); env = xcdr(rt, env), k++) {
    const b = xcar(rt, env);
    if (k > 1000 || (consp(b) && xcar(rt, b) === tags)) return -1;
  }
  return tags;
}

/**
 * A call of a cl-defstruct predicate or slot accessor, computed in place (GNU inlines them from
 * source too: macroexpand-all applies their compiler macros). The code checks at each use that
 * the function cells still hold the closures seen now (and `type-of', `memq', `aref' their
 * subrs), that the argument is a record whose type is in the tags variable's list, and that the
 * slot exists; anything else is the real call. The inlined path makes no frame and cannot signal
 * or collect; the function's nesting is raised by what the real call would add, so that the
 * depth limits are met (in the interpreter) where they would have been.
 *
 * Predicate: (closure ENV (X) (and (memq (type-of X) TAGS) t)).
 * Accessor: (closure ENV (X) [DOC] (progn (or (PRED X) ANY) (aref X N))), PRED a predicate.
 */
function genStructInline(ctx: Ctx, head: number, def: number, arg: number): string | null {
  const { rt } = ctx;
  let tags = structPredicateTags(rt, def);
  let pred = -1;
  let predDef = -1;
  let index = -1;
  if (tags === -1) {
    const c = oneArgClosure(rt, def);
    if (c === null) return null;
    const [x, body] = c;
    const progn = callOf(rt, body, Qprogn, 2);
    if (progn === null) return null;
    const or = callOf(rt, progn[0]!, Qor, 2);
    const aref = callOf(rt, progn[1]!, Qaref, 2);
    if (or === null || aref === null || aref[0] !== x || (aref[1]! & 3) !== 2 || fixnumValue(aref[1]!) < 0) return null;
    const call = consp(or[0]!) ? callOf(rt, or[0]!, xcar(rt, or[0]!), 1) : null;
    if (call === null || call[0] !== x) return null;
    pred = xcar(rt, or[0]!);
    if ((pred & 7) !== Lisp_Symbol || pred === Qnil) return null;
    predDef = symbolFunction(rt, pred);
    tags = structPredicateTags(rt, predDef);
    if (tags === -1) return null;
    index = fixnumValue(aref[1]!);
  }
  const subrs: [number, string][] = [[Qtype_of, 'type-of'], [Qmemq, 'memq'], ...(index >= 0 ? [[Qaref, 'aref'] as [number, string]] : [])];
  for (const [sym, name] of subrs) {
    const f = symbolFunction(rt, sym);
    if ((f & 7) !== Lisp_Vectorlike || pvecType(rt, f) !== PVEC_SUBR || PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]?.name !== name) return null;
  }
  const guards: string[] = [];
  const guard = (sym: number, d: number): void => {
    lit(ctx, sym);
    guards.push(`m[${symIndex(rt, sym) + SYM_FUNCTION}] === ${lit(ctx, d)}`);
  };
  guard(head, def);
  if (pred !== -1) guard(pred, predDef);
  for (const [sym] of subrs) guard(sym, symbolFunction(rt, sym));
  // The real call would nest this deep below the call's own form (body, or, predicate call, and,
  // memq, type-of, with margin): eval depth and frames as if it had run.
  if (ctx.level + 12 > ctx.maxLevel) ctx.maxLevel = ctx.level + 12;
  const out = ctx.out;
  const a = gen(ctx, arg);
  const slow = slowCall(ctx, head, [a]);
  const tw = symIndex(rt, tags);
  lit(ctx, tags);
  const tv = temp(ctx);
  const t = temp(ctx);
  out.push(`${tv} = ${guards.join(' && ')} && (m[${tw + SYM_FLAGS}] & ${SYM_REDIRECT_MASK}) === 0 ? m[${tw + SYM_VALUE}] : -1;`);
  if (index < 0) out.push(`${t} = ${tv} === -1 ? -1 : H.structP(rt, ${a}, ${tv}); if (${t} === -1) ${t} = ${slow};`);
  else out.push(`${t} = ${tv} !== -1 && H.structIn(rt, ${a}, ${tv}, ${index}) ? m[((${a} & -8) >>> 2) + ${index + 1}] : ${slow};`);
  return t;
}

/** Expand a macro call now (GNU's eager expansion does the same when a file is loaded). */
function expand(ctx: Ctx, expander: number, args: number[]): number {
  const { rt } = ctx;
  let x: number;
  rt.setupDepth++;
  try {
    x = funcall(rt, expander, args);
  } finally {
    rt.setupDepth--;
  }
  // Kept alive by the entry from now on; on the stack until then.
  rt.push(x);
  ctx.consts.push(x);
  return x;
}

/** A call: the function symbol and each argument pushed, then callFromCompiled. */
function genCall(ctx: Ctx, fsym: number, args: number[]): string {
  const out = ctx.out;
  const b = temp(ctx);
  out.push(`${b} = rt.sp; rt.push(${lit(ctx, fsym)});`);
  for (const a of args) {
    const v = gen(ctx, a);
    out.push(`rt.push(${v});`);
  }
  const t = temp(ctx);
  out.push(`${t} = callFromCompiled(rt, ${b}, ${args.length}, ${selfFrame(ctx)});`);
  return t;
}

/** The slow path of an inlined primitive: a real call with the values already computed (A's rooted or simple). */
const slowCall = (ctx: Ctx, fsym: number, vals: string[]): string =>
  `H.call${vals.length}(rt, ${fsym}, ${vals.join(', ')}, ${selfFrame(ctx)})`;

const ARITH: Record<string, string> = { '+': '+', '-': '-', '*': '*', '%': '%' };
const COMPARE: Record<string, string> = { '<': '<', '>': '>', '<=': '<=', '>=': '>=', '=': '===', '/=': '!==' };

function genInline(ctx: Ctx, fsym: number, subr: number, name: string, args: number[]): string | null {
  const n = args.length;
  if (treeOff === 0 && (name in TREE_OPS || name in CMP_OP)) {
    const r = genNumTree(ctx, fsym, subr, name, args);
    if (r !== null) return r;
  }
  const binary = name in ARITH || name in COMPARE || name === 'eq';
  const unary = name === '1+' || name === '1-' || name === 'car' || name === 'cdr' || name === 'car-safe' || name === 'cdr-safe' ||
    name === 'consp' || name === 'null' || name === 'not' || name === 'sqrt' || (name === '-' && n === 1);
  if ((name === '+' || name === '-' || name === '*') && n >= 3) return genArithN(ctx, fsym, subr, name, args);
  if (!(binary && n === 2) && !(unary && n === 1)) return null;
  const out = ctx.out;
  const ok = guardOf(ctx, fsym, subr);
  const t = temp(ctx);
  if (unary) {
    const a = gen(ctx, args[0]!);
    const slow = slowCall(ctx, fsym, [a]);
    const car = `m[(${a} & -8) >>> 2]`;
    const cdr = `m[(${a} & -8) >>> 2 | 1]`;
    const fix = `(${a} & 3) === 2`;
    switch (name) {
      case '1+': out.push(`${t} = ${fix} && ${a} < ${(MOST_POSITIVE_FIXNUM << 2) | 2} && ${ok} ? ${a} + 4 : ${slow};`); break;
      case '-': out.push(`${t} = ${fix} && ${a} > ${(MOST_NEGATIVE_FIXNUM << 2) | 2} && ${ok} ? ((-(${a} >> 2)) << 2) | 2 : (${a} & 7) === ${Lisp_Float} && ${ok} ? H.flo(rt, -${flo(a)}) : ${slow};`); break;
      case 'sqrt': {
        // NaN (a negative argument) is the primitive's: its sign bit must be GNU's.
        const r = temp(ctx);
        out.push(`${r} = ${isNum(a)} && ${ok} ? ${num(a)} : -1; ${t} = ${r} >= 0 ? H.flo(rt, Math.sqrt(${r})) : ${slow};`);
        break;
      }
      case '1-': out.push(`${t} = ${fix} && ${a} > ${(MOST_NEGATIVE_FIXNUM << 2) | 2} && ${ok} ? ${a} - 4 : ${slow};`); break;
      case 'car': out.push(`${t} = (${a} & 7) === ${Lisp_Cons} && ${ok} ? ${car} : ${a} === ${Qnil} && ${ok} ? ${Qnil} : ${slow};`); break;
      case 'cdr': out.push(`${t} = (${a} & 7) === ${Lisp_Cons} && ${ok} ? ${cdr} : ${a} === ${Qnil} && ${ok} ? ${Qnil} : ${slow};`); break;
      case 'car-safe': out.push(`${t} = ${ok} ? ((${a} & 7) === ${Lisp_Cons} ? ${car} : ${Qnil}) : ${slow};`); break;
      case 'cdr-safe': out.push(`${t} = ${ok} ? ((${a} & 7) === ${Lisp_Cons} ? ${cdr} : ${Qnil}) : ${slow};`); break;
      case 'consp': out.push(`${t} = ${ok} ? ((${a} & 7) === ${Lisp_Cons} ? ${Qt} : ${Qnil}) : ${slow};`); break;
      default: out.push(`${t} = ${ok} ? (${a} === ${Qnil} ? ${Qt} : ${Qnil}) : ${slow};`); break; // null, not
    }
    return t;
  }
  const a = gen(ctx, args[0]!);
  const simple = isSimple(ctx, args[1]!);
  if (!simple) out.push(`rt.push(${a});`);
  const b = gen(ctx, args[1]!);
  if (!simple) out.push('rt.sp--;');
  // A's value was rooted while B was computed; from here to the slow call's own pushes nothing collects.
  const slow = slowCall(ctx, fsym, [a, b]);
  const fix = all(isFix(a), isFix(b), ok);
  // Floats (one or both operands): the double result, boxed; a NaN result is the primitive's.
  // Not when both are fixnums written in the code, or one is a literal that is no number.
  const nums = isFix(a) === 'true' && isFix(b) === 'true' ? 'false' : all(ok, isNum(a), isNum(b));
  if (name === 'eq') out.push(`${t} = ${ok} ? (${a} === ${b} ? ${Qt} : ${Qnil}) : ${slow};`);
  else if (name in COMPARE) {
    // Floats and the real call: one shared helper (H.cmp2), so a body stays small for V8.
    const other = nums === 'false' ? slow : mixed(ctx, 'cmp2', CMP_OP[name]!, ok, fsym, a, b);
    out.push(`${t} = ${fix} ? (${a} ${COMPARE[name]} ${b} ? ${Qt} : ${Qnil}) : ${other};`);
  } else {
    const r = temp(ctx);
    const expr = name === '%' ? `(${b} !== 2 ? ((${a} >> 2) % (${b} >> 2)) + 0 : 0.5)` : `(${a} >> 2) ${ARITH[name]} (${b} >> 2)`;
    // `%' of integers one of which is a bignum of up to 53 bits (1000000007 is one here, where
    // fixnums have 30 bits) in H.num2 too; two literal fixnums can only be the real call.
    const other = name === '%'
      ? (isFix(a) === 'true' && isFix(b) === 'true' ? slow : mixed(ctx, 'num2', NUM_OP[name]!, ok, fsym, a, b))
      : nums === 'false' ? slow : mixed(ctx, 'num2', NUM_OP[name]!, ok, fsym, a, b);
    // Past the fixnums (string-build.el's `(* i i)' from i = 23,171 on), H.num2 too.
    out.push(`if (${fix}) { ${r} = ${expr}; ${t} = ${r} >= ${MOST_NEGATIVE_FIXNUM} && ${r} <= ${MOST_POSITIVE_FIXNUM} && ${r} === Math.floor(${r}) ? (${r} << 2) | 2 : ${other}; } else ${t} = ${other};`);
  }
  return t;
}

/** numTree's programs for H.num2's operations 0-3 on its two operands. */
const NUM2_CODE = [NT_ADD, NT_SUB, NT_MUL, NT_DIV].map((op) => String.fromCharCode(NT_BASE, NT_BASE + 1, ntOp(op, 2)));

/** Operations of H.num2 and H.cmp2. */
const NUM_OP: Record<string, number> = { '+': 0, '-': 1, '*': 2, '/': 3, '%': 4 };
const CMP_OP: Record<string, number> = { '<': 0, '>': 1, '<=': 2, '>=': 3, '=': 4, '/=': 5 };

/**
 * The call of H.num2 or H.cmp2 for (FSYM A B) when the fixnum path does not apply: the float
 * arithmetic, and the real call, live in one helper shared by all compiled code (V8 optimises it
 * once), not written out at each site (a numeric body was several times larger, and TurboFan
 * took hundreds of milliseconds over nbody's inner loop).
 */
const mixed = (ctx: Ctx, helper: string, op: number, ok: string, fsym: number, a: string, b: string): string =>
  `H.${helper}(rt, ${op}, ${ok}, ${fsym}, ${a}, ${b}, ${selfFrame(ctx)})`;

/** The word of operand A when the code writes it as a literal (a constant), else null. */
const litWord = (a: string): number | null => (/^-?\d+$/.test(a) ? Number(a) : null);
/** A JS test that A's word is a fixnum ('true'/'false' for a literal). */
const isFix = (a: string): string => {
  const w = litWord(a);
  return w === null ? `(${a} & 3) === 2` : (w & 3) === 2 ? 'true' : 'false';
};
/** A's word is a fixnum or a float. */
const isNum = (a: string): string => {
  const w = litWord(a);
  return w === null ? `((${a} & 3) === 2 || (${a} & 7) === ${Lisp_Float})` : (w & 3) === 2 || (w & 7) === Lisp_Float ? 'true' : 'false';
};
/** The number in A's word (a fixnum or a float) as a double. */
const num = (a: string): string => {
  const w = litWord(a);
  return w !== null && (w & 3) === 2 ? `(${w >> 2})` : `((${a} & 3) === 2 ? ${a} >> 2 : f64[(${a} & -8) >>> 3])`;
};
/** The conjunction of JS tests, literal 'true'/'false' folded. */
const all = (...xs: string[]): string => (xs.includes('false') ? 'false' : xs.filter((x) => x !== 'true').join(' && ') || 'true');
/** The double in float A's word. */
const flo = (a: string): string => `f64[(${a} & -8) >>> 3]`;

/** Operations of H.arithN. */
const ARITH_N: Record<string, number> = { '+': 0, '-': 1, '*': 2 };

/** Push FSYM and the values of ARGS as a call would; give the temp holding the stack base. */
function pushAsCall(ctx: Ctx, fsym: number, args: number[]): string {
  const b = temp(ctx);
  ctx.out.push(`${b} = rt.sp; rt.push(${fsym});`);
  for (const a of args) ctx.out.push(`rt.push(${gen(ctx, a)});`);
  return b;
}

/**
 * (+ A B C...), (- ...), (* ...) with three or more arguments: the values pushed as for a call;
 * fixnums and floats are folded in place (H.arithN), anything else (or a result it cannot give
 * exactly as the primitive would) is the real call with those values.
 */
function genArithN(ctx: Ctx, fsym: number, subr: number, name: string, args: number[]): string {
  const out = ctx.out;
  const ok = guardOf(ctx, fsym, subr);
  const b = pushAsCall(ctx, fsym, args);
  const t = temp(ctx);
  out.push(`${t} = ${ok} ? H.arithN(rt, ${ARITH_N[name]}, ${b} + 1, ${args.length}) : -1;`,
    `if (${t} === -1) ${t} = callFromCompiled(rt, ${b}, ${args.length}, ${selfFrame(ctx)}); else rt.sp = ${b};`);
  return t;
}

/** Primitives numTree computes, by name: [operation, fewest operands, most]. */
const TREE_OPS: Record<string, [number, number, number]> = {
  '+': [NT_ADD, 2, NT_MAX_ARITY], '-': [NT_SUB, 1, NT_MAX_ARITY], '*': [NT_MUL, 2, NT_MAX_ARITY], '/': [NT_DIV, 2, 2],
  '1+': [NT_ADD1, 1, 1], '1-': [NT_SUB1, 1, 1], sqrt: [NT_SQRT, 1, 1],
};
/** Above 0 while the one-by-one path of a tree is made: its calls are not trees again. */
let treeOff = 0;
/** While that path is made: the call leaves already computed, each form with the JS holding its value. */
let computedLeaves: Map<number, string> | null = null;

/**
 * (H ARGS...) is a plain call a nest may take as a leaf: H names a function (not a macro, special
 * form or autoload) and every argument is a constant or a variable in a frame slot, so the call
 * cannot set this frame's variables.
 */
function plainCall(ctx: Ctx, h: number, xs: number[]): boolean {
  const { rt } = ctx;
  let d = symbolFunction(rt, h);
  for (let i = 0; (d & 7) === Lisp_Symbol && d !== Qnil; i++) {
    if (i > 100) return false;
    d = symbolFunction(rt, d);
  }
  if ((d & 7) === Lisp_Vectorlike) {
    if (pvecType(rt, d) === PVEC_SUBR && fixnumValue(aref(rt, d, SUBR_MAX_ARGS)) === UNEVALLED) return false;
  } else if (!consp(d) || (xcar(rt, d) !== Qclosure && xcar(rt, d) !== Qlambda)) return false;
  return xs.every((a) => !consp(a) && isSimple(ctx, a));
}

/**
 * A nest of arithmetic calls (see TREE_OPS; a two-operand comparison at the top) whose leaves are
 * constants or lexical variables in frame slots, such as (< (+ (* 4 q) r) (* m tt)), and calls of
 * such leaves (plainCall) as operands of the top call before its first operation, such as
 * (- (body-vx b) (* dx m2)): the leaves computed in order, then H.numTree computes the whole nest
 * without boxing what is in between (bignums, floats); when it declines (-1: a non-number, a
 * division by zero, a NaN...) or a symbol no longer holds its subr, the calls are made one by one
 * as without the tree, with the call leaves' values. Computing the leaves first changes nothing:
 * the calls come before any operation either way, and the other leaves cannot signal or change.
 * Null when FORM is no such nest.
 */
function genNumTree(ctx: Ctx, fsym: number, subr: number, name: string, args: number[]): string | null {
  const { rt } = ctx;
  const leaves: number[] = [];
  const guards: string[] = [];
  const seen = new Set<number>();
  let code = '';
  let nodes = 0;
  // X as an operand: a leaf, or a nest of its own.
  const operand = (x: number, top: boolean): boolean => {
    if (!consp(x)) {
      if (!isSimple(ctx, x) || leaves.length >= NT_LEAVES) return false;
      code += String.fromCharCode(NT_BASE + leaves.length);
      leaves.push(x);
      return true;
    }
    const h = xcar(rt, x);
    if ((h & 7) !== Lisp_Symbol || h === Qnil) return false;
    const d = symbolFunction(rt, h);
    const xs = elements(rt, xcdr(rt, x));
    const n = (d & 7) === Lisp_Vectorlike && pvecType(rt, d) === PVEC_SUBR ? PRIMITIVES[fixnumValue(aref(rt, d, SUBR_INDEX))]?.name : undefined;
    const spec = n === undefined ? undefined : TREE_OPS[n];
    if (spec !== undefined && xs.length >= spec[1] && xs.length <= spec[2]) return node(h, d, n!, xs, false);
    // Any other call, of plain arguments, before the nest's first operation: it runs first either way.
    // Only an operand of the top call, whose frame is then where the calls one by one would have it.
    if (!top || nodes > 0 || leaves.length >= NT_LEAVES || leaves.includes(x) || !plainCall(ctx, h, xs)) return false;
    code += String.fromCharCode(NT_BASE + leaves.length);
    leaves.push(x);
    return true;
  };
  const node = (sym: number, def: number, nm: string, xs: number[], top: boolean): boolean => {
    const spec = TREE_OPS[nm];
    if (spec === undefined || xs.length < spec[1] || xs.length > spec[2]) return false;
    for (const x of xs) if (!operand(x, top)) return false;
    code += String.fromCharCode(ntOp(spec[0] === NT_SUB && xs.length === 1 ? NT_NEG : spec[0], xs.length));
    nodes++;
    if (!seen.has(sym)) {
      seen.add(sym);
      guards.push(guardOf(ctx, sym, def));
    }
    return true;
  };
  const cmp = CMP_OP[name];
  if (cmp !== undefined) {
    // A comparison only tops a tree: each side a leaf or a nest, one at least a nest.
    if (args.length !== 2 || !operand(args[0]!, true) || !operand(args[1]!, true) || nodes === 0) return null;
    code += String.fromCharCode(ntOp(NT_CMP + cmp, 2));
    guards.push(guardOf(ctx, fsym, subr));
  } else if (!node(fsym, subr, name, args, true) || nodes < 2) return null;
  if (leaves.length < 2) return null;
  const out = ctx.out;
  const t = temp(ctx);
  // The leaves in order; a call among them may collect, so the values before it are rooted meanwhile.
  const vals: string[] = [];
  for (const x of leaves) {
    const rooted = consp(x) ? vals.filter((v) => litWord(v) === null) : [];
    for (const v of rooted) out.push(`rt.push(${v});`);
    vals.push(gen(ctx, x));
    if (rooted.length > 0) out.push(`rt.sp -= ${rooted.length};`);
  }
  // Fixnums only: the calls' own fixnum paths are faster than the tree.
  const fix = all(...vals.map(isFix));
  if (fix === 'true') return null;
  out.push(`${t} = ${fix} || !(${guards.join(' && ')}) ? -1 : H.numTree(rt, ${JSON.stringify(code)}, ${vals.join(', ')});`, `if (${t} === -1) {`);
  // The calls one by one: the call leaves' values are those computed above, not computed again
  // (the plain leaves read the same slots again: a call of plain arguments cannot set them).
  treeOff++;
  const saved = computedLeaves;
  computedLeaves = new Map(saved);
  leaves.forEach((x, i) => {
    if (consp(x)) computedLeaves!.set(x, vals[i]!);
  });
  let r: string;
  try {
    r = genInline(ctx, fsym, subr, name, args) ?? genInlineMore(ctx, fsym, subr, name, args) ?? genCall(ctx, fsym, args);
  } finally {
    treeOff--;
    computedLeaves = saved;
  }
  out.push(`${t} = ${r};`, '}');
  return t;
}

/**
 * (list A...): the values pushed as for a call, then the list made from them in place (nothing
 * collects meanwhile), or the real call when `list' is no longer the subr.
 */
function genList(ctx: Ctx, fsym: number, subr: number, args: number[]): string {
  const out = ctx.out;
  const ok = guardOf(ctx, fsym, subr);
  const b = pushAsCall(ctx, fsym, args);
  const t = temp(ctx);
  out.push(`if (${ok}) { ${t} = H.restList(rt, ${b} + 1, ${args.length}); rt.sp = ${b}; } else ${t} = callFromCompiled(rt, ${b}, ${args.length}, ${selfFrame(ctx)});`);
  return t;
}

/** Unary type tests computed in place: the JS test for A's word, or null when only the primitive knows. */
const TYPE_TESTS: Record<string, (a: string) => string> = {
  symbolp: (a) => `(${a} & 7) === ${Lisp_Symbol}`,
  stringp: (a) => `(${a} & 7) === ${Lisp_String}`,
  floatp: (a) => `(${a} & 7) === ${Lisp_Float}`,
  fixnump: (a) => `(${a} & 3) === 2`,
  atom: (a) => `(${a} & 7) !== ${Lisp_Cons}`,
  listp: (a) => `((${a} & 7) === ${Lisp_Cons} || ${a} === ${Qnil})`,
  nlistp: (a) => `!((${a} & 7) === ${Lisp_Cons} || ${a} === ${Qnil})`,
  characterp: (a) => `((${a} & 3) === 2 && ${a} >= 0 && (${a} >> 2) <= ${MAX_CHAR})`,
};

/** The current buffer's slot that `point', `point-min' and `point-max' give. */
const POINT_SLOTS: Record<string, number> = { 'point': BUF_PT, 'point-min': BUF_BEGV, 'point-max': BUF_ZV };

/**
 * `point', `point-min', `point-max' read in place from the current buffer's slots, and
 * `goto-char' to a fixnum done by setPoint (which clamps it to the accessible part, as the
 * primitive does; it cannot signal then): a buffer loop calls them once or twice a round, and
 * through callFromCompiled each was a dozen JS calls (frame, checks, arity, dispatch), most of a
 * cold loop's time for them (bufperf8). A marker or anything else, or the symbol no longer
 * holding its subr, is the real call.
 */
function genPoint(ctx: Ctx, fsym: number, subr: number, name: string, args: number[]): string | null {
  const slot = Object.hasOwn(POINT_SLOTS, name) ? POINT_SLOTS[name] : undefined;
  if (slot !== undefined ? args.length !== 0 : args.length !== 1) return null;
  const out = ctx.out;
  const ok = guardOf(ctx, fsym, subr);
  const t = temp(ctx);
  if (slot !== undefined) {
    const b = temp(ctx);
    out.push(`${b} = rt.globals[${G_CURRENT_BUFFER}];`, `if (${ok} && (${b} & 7) === ${Lisp_Vectorlike}) ${t} = m[((${b} & -8) >>> 2) + ${1 + slot}]; else {`);
    const r = genCall(ctx, fsym, []);
    out.push(`${t} = ${r}; }`);
    return t;
  }
  const a = gen(ctx, args[0]!);
  out.push(`${t} = (${a} & 3) === 2 && ${ok} ? H.gotoChar(rt, ${a}) : ${slowCall(ctx, fsym, [a])};`);
  return t;
}

/**
 * More primitives computed in place (see genInline): type tests, integer `/', `aref'/`aset' on
 * vectors and records, `eql', `type-of', `memq'. Each checks that the symbol still holds the
 * original subr and that its arguments are of the kinds handled here; anything else (another
 * kind of array, a bignum, an index out of range, an error) is the real call, with its frame.
 */
function genInlineMore(ctx: Ctx, fsym: number, subr: number, name: string, args: number[]): string | null {
  const n = args.length;
  if (Object.hasOwn(POINT_SLOTS, name) || name === 'goto-char') return genPoint(ctx, fsym, subr, name, args);
  const test = TYPE_TESTS[name];
  // In a loop taken from the interpreter, `cons' and `list' stay calls: running out of memory
  // there shows their frame, as the interpreter (and GNU's) does.
  if (compilingLoop && (name === 'cons' || name === 'list' || name === 'make-string')) return null;
  if (name === 'list' && n >= 1) return genList(ctx, fsym, subr, args);
  const unary = test !== undefined || name === 'integerp' || name === 'numberp' || name === 'natnump' || name === 'type-of' || name === 'length';
  const binary = name === '/' || name === 'aref' || name === 'eql' || name === 'memq' || name === 'assq' || name === 'cons' || name === 'nth' ||
    name === 'nthcdr' || name === 'max' || name === 'min' || name === 'setcar' || name === 'setcdr' || name === 'make-string';
  const ternary = name === 'aset' || name === 'puthash' || name === 'gethash';
  if (!(unary && n === 1) && !((binary || name === 'gethash') && n === 2) && !(ternary && n === 3)) return null;
  const out = ctx.out;
  const ok = guardOf(ctx, fsym, subr);
  const t = temp(ctx);
  const T = Qt;
  const NIL = Qnil;
  const hdr = (a: string): string => `m[(${a} & -8) >>> 2]`;
  const isVl = (a: string): string => `((${a} & 7) === ${Lisp_Vectorlike})`;
  if (unary) {
    const a = gen(ctx, args[0]!);
    const slow = slowCall(ctx, fsym, [a]);
    if (test !== undefined) out.push(`${t} = ${ok} ? (${test(a)} ? ${T} : ${NIL}) : ${slow};`);
    else if (name === 'integerp') out.push(`${t} = ${ok} && !${isVl(a)} ? ((${a} & 3) === 2 ? ${T} : ${NIL}) : ${slow};`);
    else if (name === 'natnump') out.push(`${t} = ${ok} && !${isVl(a)} ? ((${a} & 3) === 2 && ${a} >= 0 ? ${T} : ${NIL}) : ${slow};`);
    else if (name === 'numberp') out.push(`${t} = ${ok} && !${isVl(a)} ? ((${a} & 3) === 2 || (${a} & 7) === ${Lisp_Float} ? ${T} : ${NIL}) : ${slow};`);
    else if (name === 'length') out.push(`${t} = ${ok} ? H.length(rt, ${a}) : -1; if (${t} === -1) ${t} = ${slow};`);
    else {
      // type-of: the immediate kinds, and a record whose type slot is a symbol.
      const r = temp(ctx);
      out.push(`switch (${a} & 7) { case ${Lisp_Symbol}: ${t} = ${lit(ctx, Qsymbol)}; break; case ${Lisp_Cons}: ${t} = ${lit(ctx, Qcons)}; break;`,
        `case ${Lisp_String}: ${t} = ${lit(ctx, Qstring)}; break; case ${Lisp_Float}: ${t} = ${lit(ctx, Qfloat)}; break;`,
        `case ${Lisp_Vectorlike}: ${r} = ${hdr(a)}; ${t} = (${r} >>> ${PVEC_TYPE_SHIFT}) === ${PVEC_RECORD} && (${r} & ${PVEC_SIZE_MASK}) > 0 && (m[((${a} & -8) >>> 2) + 1] & 7) === ${Lisp_Symbol} ? m[((${a} & -8) >>> 2) + 1] : -1; break;`,
        `default: ${t} = ${lit(ctx, Qinteger)}; }`,
        `if (${t} === -1 || !(${ok})) ${t} = ${slow};`);
    }
    return t;
  }
  const a = gen(ctx, args[0]!);
  const simpleB = isSimple(ctx, args[1]!) && (n === 2 || isSimple(ctx, args[2]!));
  if (!simpleB) out.push(`rt.push(${a});`);
  const b = gen(ctx, args[1]!);
  let c = '';
  if (n === 3) {
    const simpleC = isSimple(ctx, args[2]!);
    if (!simpleC) out.push(`rt.push(${b});`);
    c = gen(ctx, args[2]!);
    if (!simpleC) out.push('rt.sp--;');
  }
  if (!simpleB) out.push('rt.sp--;');
  const slow = slowCall(ctx, fsym, n === 3 ? [a, b, c] : [a, b]);
  // A vector or record A and a fixnum index B within it: the slot's word index.
  const slot = (r: string): string =>
    `${isVl(a)} && (${b} & 3) === 2 && ((${r} = ${hdr(a)}) >>> ${PVEC_TYPE_SHIFT}) <= ${PVEC_RECORD} && (${b} >> 2) >>> 0 < (${r} & ${PVEC_SIZE_MASK})`;
  const w = `((${a} & -8) >>> 2) + 1 + (${b} >> 2)`;
  switch (name) {
    case '/': {
      const r = temp(ctx);
      // Truncating integer division; 0 (arith-error) and the one overflow (most negative / -1) take the slow path.
      // A float operand makes it float division (by zero too: an infinity); a NaN is the primitive's.
      out.push(`if ((${a} & 3) === 2 && (${b} & 3) === 2 && ${b} !== 2 && ${ok}) { ${r} = Math.trunc((${a} >> 2) / (${b} >> 2)); ${t} = ${r} <= ${MOST_POSITIVE_FIXNUM} ? (${r} << 2) | 2 : ${slow}; }`,
        `else ${t} = ${mixed(ctx, 'num2', NUM_OP['/']!, ok, fsym, a, b)};`);
      break;
    }
    case 'aref': {
      // A string (an index in range) through H.strRef, which cannot signal there.
      const r = temp(ctx);
      out.push(`${t} = ${ok} ? (${slot(r)} ? m[${w}] : (${a} & 7) === ${Lisp_String} ? H.strRef(rt, ${a}, ${b}) : -1) : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    }
    case 'aset': {
      const r = temp(ctx);
      out.push(`if (${ok} && ${slot(r)}) { m[${w}] = ${c}; ${t} = ${c}; } else ${t} = ${ok} && (${a} & 7) === ${Lisp_String} && H.strSet(rt, ${a}, ${b}, ${c}) ? ${c} : ${slow};`);
      break;
    }
    case 'setcar':
    case 'setcdr':
      out.push(`if (${ok} && (${a} & 7) === ${Lisp_Cons}) { m[(${a} & -8) >>> 2${name === 'setcdr' ? ' | 1' : ''}] = ${b}; ${t} = ${b}; } else ${t} = ${slow};`);
      break;
    case 'cons':
      // Allocation never collects: both values are safe in locals here.
      out.push(`${t} = ${ok} ? H.cons(rt, ${a}, ${b}) : ${slow};`);
      break;
    case 'make-string':
      // An ASCII INIT and a length up to 4,096 (hash-strings.el's words); anything else, and a
      // third argument, the primitive's.
      out.push(`${t} = ${ok} ? H.makeString(rt, ${a}, ${b}) : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    case 'nth':
    case 'nthcdr':
      out.push(`${t} = ${ok} ? H.nthcdr(rt, ${a}, ${b}) : -1; if (${t} !== -1 && ${name === 'nth' ? 'true' : 'false'}) ${t} = (${t} & 7) === ${Lisp_Cons} ? m[(${t} & -8) >>> 2] : ${t} === ${Qnil} ? ${Qnil} : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    case 'max':
    case 'min':
      // Fixnums only (a float or a marker is the primitive's: which argument it gives back matters).
      out.push(`${t} = ${ok} && (${a} & 3) === 2 && (${b} & 3) === 2 ? (${a} ${name === 'max' ? '>=' : '<='} ${b} ? ${a} : ${b}) : ${slow};`);
      break;
    case 'eql':
      // Only floats and bignums compare by value; anything else is eq.
      out.push(`${t} = ${ok} ? (${a} === ${b} ? ${T} : (${a} & 7) === ${Lisp_Float} || ${isVl(a)} ? ${slow} : ${NIL}) : ${slow};`);
      break;
    case 'gethash':
      // A table whose lookup calls no Lisp and cannot signal (fns.ts, plainHashLookup).
      out.push(`${t} = ${ok} ? H.hashGet(rt, ${a}, ${b}, ${n === 3 ? c : Qnil}) : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    case 'puthash':
      // Likewise, and only when no table has a test running and a new key fits without growing it.
      out.push(`${t} = ${ok} ? H.hashPut(rt, ${a}, ${b}, ${c}) : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    default: {
      // memq/assq over a proper list; a dotted or circular one is the primitive's to report.
      out.push(`${t} = ${ok} ? H.${name}(rt, ${a}, ${b}) : -1; if (${t} === -1) ${t} = ${slow};`);
      break;
    }
  }
  return t;
}

function genSpecial(ctx: Ctx, head: number, args: number[], form: number): string {
  const { rt, out } = ctx;
  switch (head) {
    case Qquote:
      if (args.length !== 1) giveUp('quote arity');
      return lit(ctx, args[0]!);
    case Qfunction: {
      if (args.length !== 1) giveUp('function arity');
      const f = args[0]!;
      if (!ctx.lexical || !consp(f) || xcar(rt, f) !== Qlambda) return lit(ctx, f);
      const cdr = xcdr(rt, f);
      if (consp(cdr) && consp(xcdr(rt, cdr))) {
        const doc = xcar(rt, xcdr(rt, cdr));
        if (consp(doc) && xcar(rt, doc) === Qdocumentation) giveUp(':documentation');
      }
      if (!ctx.envMode) throw (needEnv ??= new Fallback('env mode'));
      const t = temp(ctx);
      out.push(`${t} = H.makeClosure(rt, st[fp+${ctx.envSlot}], ${lit(ctx, cdr)});`);
      return t;
    }
    case Qsetq: {
      if (args.length % 2 !== 0) giveUp('odd setq');
      let v = String(Qnil);
      for (let i = 0; i < args.length; i += 2) {
        const s = args[i]!;
        if ((s & 7) !== Lisp_Symbol) giveUp('setq of a non-symbol');
        v = gen(ctx, args[i + 1]!);
        genSetVar(ctx, s, v);
      }
      return v;
    }
    case Qif: {
      if (args.length < 2) giveUp('if arity');
      const t = temp(ctx);
      const c = gen(ctx, args[0]!);
      out.push(`if (${c} !== ${Qnil}) {`);
      const s1 = out.length;
      const v1 = gen(ctx, args[1]!);
      ctx.regions.push([s1, out.length, v1]);
      out.push(`${t} = ${v1};`);
      out.push('} else {');
      let r = String(Qnil);
      const s2 = out.length;
      for (const f of args.slice(2)) r = gen(ctx, f);
      ctx.regions.push([s2, out.length, r]);
      out.push(`${t} = ${r};`, '}');
      return t;
    }
    case Qcond: {
      const t = temp(ctx);
      const label = `L${t}`;
      out.push(`${t} = ${Qnil};`, `${label}: {`);
      for (const clause of args) {
        if (clause === Qnil) continue;
        if (!consp(clause)) giveUp('bad cond clause');
        const c = gen(ctx, xcar(rt, clause));
        out.push(`if (${c} !== ${Qnil}) {`);
        const body = xcdr(rt, clause);
        const s1 = out.length;
        const v = body === Qnil ? c : genBody(ctx, body);
        if (body !== Qnil) ctx.regions.push([s1, out.length, v]);
        out.push(`${t} = ${v}; break ${label};`, '}');
      }
      out.push('}');
      return t;
    }
    case Qand:
    case Qor: {
      const t = temp(ctx);
      const label = `L${t}`;
      out.push(`${t} = ${head === Qand ? Qt : Qnil};`, `${label}: {`);
      for (const f of args) {
        const v = gen(ctx, f);
        out.push(`${t} = ${v};`, `if (${t} ${head === Qand ? '===' : '!=='} ${Qnil}) break ${label};`);
      }
      out.push('}');
      return t;
    }
    case Qprogn:
      return genBody(ctx, xcdr(rt, form));
    case Qprog1:
    case Qprog2: {
      const first = head === Qprog1 ? 0 : 1;
      if (args.length < first + 1) giveUp('prog arity');
      for (let i = 0; i < first; i++) gen(ctx, args[i]!);
      const v = gen(ctx, args[first]!);
      const t = temp(ctx);
      out.push(`${t} = ${v};`, `rt.push(${t});`);
      for (const f of args.slice(first + 1)) gen(ctx, f);
      out.push('rt.sp--;');
      return t;
    }
    case Qwhile: {
      if (args.length < 1) giveUp('while arity');
      const loopAt = out.length;
      out.push('for (;;) {');
      // Each round is a safe point and a quit check, as the interpreter's forms are.
      // The first WARM_ROUNDS rounds this code runs (over all its calls) tick as well (wN, a
      // variable of the code's scope): V8 then has feedback for the tick's lines (it collects
      // none until a function has run a while). Without it the first real tick after TurboFan
      // had optimised the loop threw the optimised code away (insufficient type feedback for
      // `fb+3'), and V8 compiled it again (nbody's outer loop: twice 100-150 ms of the compiler).
      const w = `w${ctx.nwarm++}`;
      out.push(`if (${w} !== 0 || rt.gcStress !== 0 || rt.quitRequest !== null || rt.heap.bytesSinceGC >= rt.gcCheckAt) { if (${w} !== 0) ${w}--; ${sync(ctx)} H.tick(rt); }`);
      const c = gen(ctx, args[0]!);
      out.push(`if (${c} === ${Qnil}) break;`);
      for (const f of args.slice(1)) gen(ctx, f);
      out.push('}');
      ctx.loops.push([loopAt, out.length - 1]);
      // A loop is a branch too: V8 compiles a hot loop on its own (on-stack replacement), the
      // whole function around it each time, for each loop of the body.
      ctx.regions.push([loopAt, out.length, String(Qnil)]);
      return String(Qnil);
    }
    case Qlet:
    case Qletx:
      return genLet(ctx, head === Qletx, args);
    case Qinteractive:
      return String(Qnil);
    case Qcatch: {
      if (args.length < 1) giveUp('catch arity');
      const tag = gen(ctx, args[0]!);
      const s = temp(ctx);
      const t = temp(ctx);
      out.push(`${sync(ctx)} ${s} = H.catchEnter(rt, ${tag});`, 'try {');
      let r = String(Qnil);
      for (const f of args.slice(1)) r = gen(ctx, f);
      out.push(`${t} = ${r};`, `H.catchExit(rt, ${s});`);
      // TAG was pushed by catchEnter: rooted while the body runs.
      out.push(`} catch (e) { ${t} = H.catchLand(rt, ${s}, ${tag}, e); }`);
      return t;
    }
    case Qunwind_protect: {
      if (args.length < 1) giveUp('unwind-protect arity');
      const s = temp(ctx);
      const t = temp(ctx);
      const x = temp(ctx);
      out.push(`${sync(ctx)} ${s} = H.save(rt);`, 'try {');
      out.push(`${t} = ${gen(ctx, args[0]!)};`);
      out.push('} catch (e) {', `${x} = H.unwindLand(rt, ${s}, e);`);
      for (const f of args.slice(1)) gen(ctx, f);
      out.push(`rt.sp = ${s}.sp; throw ${x};`, '}');
      out.push(`rt.push(${t});`);
      for (const f of args.slice(1)) gen(ctx, f);
      out.push(`rt.sp = ${s}.sp;`);
      return t;
    }
    case Qcondition_case:
      return genConditionCase(ctx, args, xcdr(rt, xcdr(rt, xcdr(rt, form))));
    case Qsave_excursion:
      return genSaving(ctx, args, 'excursionEnter', 'excursionExit', EXCURSION_WORDS);
    case Qsave_restriction:
      return genSaving(ctx, args, 'restrictionEnter', 'restrictionExit', RESTRICTION_WORDS);
    case Qsave_current_buffer:
      return genSaving(ctx, args, 'currentBufferEnter', 'currentBufferExit', 1);
    default:
      return giveUp(`special form ${head}`);
  }
}

/**
 * `save-excursion', `save-restriction' and `save-current-buffer' (evalperf15; until then a
 * function holding one was interpreted whole): ENTER pushes the state the special form keeps
 * (WORDS words on the Lisp stack, below what H.save records), the BODY runs as an
 * unwind-protect's body, and EXIT puts the state back on either way out, as the special forms
 * do (src/emacs/editfns.ts, src/emacs/buffer.ts: the same helpers).
 */
function genSaving(ctx: Ctx, body: number[], enter: string, exit: string, words: number): string {
  const out = ctx.out;
  const s = temp(ctx);
  const t = temp(ctx);
  const x = temp(ctx);
  out.push(`${sync(ctx)} H.${enter}(rt); ${s} = H.save(rt);`, 'try {');
  let r = String(Qnil);
  for (const f of body) r = gen(ctx, f);
  out.push(`${t} = ${r};`);
  out.push('} catch (e) {', `${x} = H.unwindLand(rt, ${s}, e);`);
  out.push(`H.${exit}(rt, ${s}.sp - ${words}); rt.sp = ${s}.sp - ${words}; throw ${x};`, '}');
  out.push(`rt.push(${t}); ${sync(ctx)} H.${exit}(rt, ${s}.sp - ${words}); rt.sp = ${s}.sp - ${words};`);
  return t;
}

function genLet(ctx: Ctx, sequential: boolean, args: number[]): string {
  const { rt, out } = ctx;
  if (args.length < 1) giveUp('let arity');
  const varlist = elements(rt, args[0]!);
  const depth = ctx.scope.length;
  const savedEnv = ctx.envSlot;
  const cnt = temp(ctx);
  const tb = temp(ctx);
  const head = out.length;
  out.push(`${cnt} = rt.specCount; ${tb} = rt.sp;`);
  const specs: [number, number][] = varlist.map((elt) => {
    if ((elt & 7) === Lisp_Symbol) return [elt, -1];
    if (!consp(elt)) giveUp('bad let binding');
    const rest = xcdr(rt, elt);
    if (consp(rest) && xcdr(rt, rest) !== Qnil) giveUp('let binding with two values');
    if (!consp(rest) && rest !== Qnil) giveUp('dotted let binding');
    const sym = xcar(rt, elt);
    if ((sym & 7) !== Lisp_Symbol) giveUp('let of a non-symbol');
    return [sym, consp(rest) ? xcar(rt, rest) : -1];
  });
  // Only lexical variables in plain slots (no closure made, nothing special): each value goes
  // straight to its variable's fresh slot, which roots it and which no init form can see, and
  // nothing needs the specpdl count or the stack top saved.
  const plain = ctx.lexical && !ctx.envMode &&
    specs.every(([sym]) => !isSpecial(rt, sym) && sym !== Qnil && sym !== Qt && !isConstantSymbol(rt, sym));
  if (plain) {
    out[head] = '';
    const slots: number[] = [];
    for (const [sym, init] of specs) {
      const v = init === -1 ? String(Qnil) : gen(ctx, init);
      const slot = ctx.nslots++;
      out.push(`st[fp+${slot}] = ${v};`);
      ctx.letSyms.add(sym);
      lit(ctx, sym);
      if (sequential) ctx.scope.push({ sym, kind: V_SLOT, slot });
      else slots.push(slot);
    }
    if (!sequential) specs.forEach(([sym], i) => ctx.scope.push({ sym, kind: V_SLOT, slot: slots[i]! }));
  } else if (sequential) {
    for (const [sym, init] of specs) {
      const v = init === -1 ? String(Qnil) : gen(ctx, init);
      bindVar(ctx, sym, v, true);
    }
  } else {
    // All values first, rooted in order above TB, then the bindings.
    specs.forEach(([, init]) => {
      const v = init === -1 ? String(Qnil) : gen(ctx, init);
      out.push(`rt.push(${v});`);
    });
    specs.forEach(([sym], i) => bindVar(ctx, sym, `st[${tb}+${i}]`, true));
    out.push(`rt.sp = ${tb};`);
  }
  // A let that binds a variable lexically is one more entry in GNU's specpdl count (rt.envBinds)
  // while its body runs: kept up to date when the body can see it.
  const lexLet = ctx.lexical && ctx.scope.slice(depth).some((b) => b.kind !== V_SPECIAL);
  const envAt = out.length;
  out.push('');
  const savedObs = ctx.obs;
  ctx.obs = false;
  if (lexLet) {
    ctx.lexLets++;
    ctx.nLexLets++;
  }
  let r = String(Qnil);
  for (const f of args.slice(1)) r = gen(ctx, f);
  if (lexLet) ctx.lexLets--;
  const bodyObs = ctx.obs;
  ctx.obs = savedObs || bodyObs;
  const t = temp(ctx);
  out.push(`${t} = ${r};`);
  if (lexLet && bodyObs) {
    out[envAt] = `rt.envBinds = eb+${ctx.lexLets + 1};`;
    out.push(`rt.envBinds = eb+${ctx.lexLets};`);
  }
  if (ctx.scope.slice(depth).some((b) => b.kind === V_SPECIAL)) out.push(`rt.push(${t}); ${sync(ctx)} unbindTo(rt, ${cnt}); rt.sp--;`);
  ctx.scope.length = depth;
  ctx.envSlot = savedEnv;
  return t;
}

function genConditionCase(ctx: Ctx, args: number[], handlerList: number): string {
  const { rt, out } = ctx;
  if (args.length < 2) giveUp('condition-case arity');
  const variable = args[0]!;
  if ((variable & 7) !== Lisp_Symbol) giveUp('condition-case variable');
  const handlers = args.slice(2);
  for (const clause of handlers) if (!consp(clause) && clause !== Qnil) giveUp('invalid handler');
  const s = temp(ctx);
  const t = temp(ctx);
  const k = temp(ctx);
  out.push(`${sync(ctx)} ${s} = H.ccEnter(rt, ${lit(ctx, handlerList)});`, 'try {');
  out.push(`${t} = ${gen(ctx, args[1]!)};`, `rt.handlerSpecs.length = ${s}.nhandlers; ${k} = -1;`);
  out.push(`} catch (e) { ${k} = H.ccLand(rt, ${s}, ${handlerList}, e); ${t} = st[rt.sp - 1]; }`);
  // A handler's body runs with VARIABLE bound to the error (or, for :success, to the value).
  const runClause = (body: number): void => {
    if (variable === Qnil) {
      const r = genBody(ctx, body);
      out.push(`${t} = ${r};`);
      return;
    }
    const depth = ctx.scope.length;
    const savedEnv = ctx.envSlot;
    const cnt = temp(ctx);
    out.push(`${cnt} = rt.specCount;`);
    // In lexical code the variable is bound lexically even when special (as the interpreter does).
    if (ctx.lexical && !isConstantSymbol(rt, variable)) {
      const slot = ctx.nslots++;
      if (ctx.envMode) {
        const envSlot = ctx.nslots++;
        out.push(`st[fp+${slot}] = ${t};`, `st[fp+${slot}] = H.cons(rt, ${lit(ctx, variable)}, st[fp+${slot}]);`);
        out.push(`st[fp+${envSlot}] = H.cons(rt, st[fp+${slot}], st[fp+${ctx.envSlot}]);`);
        ctx.envSlot = envSlot;
        ctx.scope.push({ sym: variable, kind: V_CELL, slot });
      } else {
        out.push(`st[fp+${slot}] = ${t};`);
        ctx.scope.push({ sym: variable, kind: V_SLOT, slot });
      }
    } else if (ctx.lexical) giveUp('condition-case on a constant');
    else {
      out.push(`${sync(ctx)} H.specbind(rt, ${lit(ctx, variable)}, ${t});`);
      ctx.scope.push({ sym: variable, kind: V_SPECIAL, slot: -1 });
      ctx.nSpecial++;
    }
    const r = genBody(ctx, body);
    out.push(`${t} = ${r};`);
    if (!ctx.lexical) out.push(`rt.push(${t}); ${sync(ctx)} unbindTo(rt, ${cnt}); rt.sp--;`);
    ctx.scope.length = depth;
    ctx.envSlot = savedEnv;
  };
  out.push(`if (${k} >= 0) {`);
  out.push(`rt.sp = ${s}.sp + 1;`);
  out.push(`switch (${k}) {`);
  handlers.forEach((clause, i) => {
    if (!consp(clause) || xcar(rt, clause) === Qsuccess) return;
    out.push(`case ${i}: {`);
    runClause(xcdr(rt, clause));
    out.push('break; }');
  });
  out.push('}', `rt.sp = ${s}.sp;`, '}');
  const success = handlers.find((c) => consp(c) && xcar(rt, c) === Qsuccess);
  if (success !== undefined) {
    out.push('else {', `rt.push(${t});`);
    runClause(xcdr(rt, success));
    out.push(`rt.sp = ${s}.sp;`, '}');
  }
  return t;
}

// ---- run-time helpers the generated code calls ------------------------------------------------

/**
 * The helpers, made at the first compile: as an object literal of the module body (some 200
 * properties and 100 functions) it was built at every start and its functions' infos were read
 * from the code cache, for a table only compiled code uses (docs/startup.md, round 13).
 */
let HELPERS: Helpers | null = null;
type Helpers = ReturnType<typeof makeHelpers>;

const makeHelpers = () => ({
  cons,
  /** (make-string N C) for C ASCII and N a fixnum up to 4,096: a unibyte string, as the primitive makes it; else -1. */
  makeString(rt: Runtime, n: number, c: number): number {
    if ((n & 3) !== 2 || (c & 3) !== 2 || n < 2 || n > (4096 << 2 | 2) || c < 2 || c > (0x7f << 2 | 2)) return -1;
    const len = n >> 2;
    const s = allocString(rt, len, len, false);
    const p = rt.i32[((s & -8) >>> 2) + STR_DATA]!;
    rt.u8.fill(c >> 2, p, p + len);
    return s;
  },
  numTree,
  hashGet: hashGetInline,
  hashPut: hashPutInline,
  specbind,
  setInternal,
  symbolValue,
  lexicalBinding,
  catchEnter: compiledCatchEnter,
  catchExit: compiledCatchExit,
  catchLand: compiledCatchLand,
  save: compiledSave,
  unwindLand: compiledUnwindLand,
  excursionEnter,
  excursionExit,
  restrictionEnter,
  restrictionExit,
  currentBufferEnter,
  currentBufferExit,
  ccEnter: compiledCcEnter,
  ccLand: compiledCcLand,
  /** Reserve N frame slots, all nil (the collector scans them). */
  reserve(rt: Runtime, n: number): void {
    for (let i = 0; i < n; i++) rt.push(Qnil);
  },
  /** The list of the N values at stack[from..]. */
  restList(rt: Runtime, from: number, n: number): number {
    let l = Qnil;
    for (let i = n - 1; i >= 0; i--) l = cons(rt, rt.stack[from + i]!, l);
    return l;
  },
  /** (closure ENV . LAMBDA-CDR), ENV on the stack meanwhile. */
  makeClosure(rt: Runtime, env: number, cdr: number): number {
    rt.push(env);
    const inner = cons(rt, env, cdr);
    rt.stack[rt.sp - 1] = inner;
    const c = cons(rt, Qclosure, inner);
    rt.sp--;
    return c;
  },
  arity(rt: Runtime, fun: number, n: number): number {
    return xsignal2(rt, Qwrong_number_of_arguments, arityErrorData(rt, fun), makeFixnum(n));
  },
  /** A let-bound symbol became special: this code is stale. Drop it so that the next call recompiles. */
  deopt(rt: Runtime, fun: number): number {
    const st = stateOf(rt);
    const rest = xcdr(rt, fun);
    const map = xcar(rt, fun) === Qclosure ? st.lex : st.dyn;
    const key = xcar(rt, fun) === Qclosure ? xcdr(rt, rest) : rest;
    const e = map.get(key);
    // The call sites' cache (icEntry) sees fn gone.
    if (e !== undefined) {
      e.fn = null;
      e.dropped = true;
    }
    map.delete(key);
    return DEOPT;
  },
  /**
   * ENV holds one of SYMS bare (a local defvar): a let of it binds dynamically, which the code
   * does not do. (The symbols in SYMS are the code's constants: its holder keeps them alive.)
   */
  envDeclares(rt: Runtime, env: number, syms: number[]): boolean {
    for (let n = 0; consp(env) && n < 10000; n++, env = xcdr(rt, env)) {
      const b = xcar(rt, env);
      if ((b & 7) === Lisp_Symbol && b !== Qt && syms.includes(b)) return true;
    }
    return consp(env);
  },
  call1(rt: Runtime, f: number, a: number, fi: number, d: number): number {
    const sp = rt.sp;
    rt.push(f);
    rt.push(a);
    return callFromCompiled(rt, sp, 1, fi, d);
  },
  call2(rt: Runtime, f: number, a: number, b: number, fi: number, d: number): number {
    const sp = rt.sp;
    rt.push(f);
    rt.push(a);
    rt.push(b);
    return callFromCompiled(rt, sp, 2, fi, d);
  },
  call3(rt: Runtime, f: number, a: number, b: number, c: number, fi: number, d: number): number {
    const sp = rt.sp;
    rt.push(f);
    rt.push(a);
    rt.push(b);
    rt.push(c);
    return callFromCompiled(rt, sp, 3, fi, d);
  },
  /** A variable's value by the general path (void, aliased, buffer-local...), frames synced first: it may signal. */
  symval(rt: Runtime, sym: number, fi: number, d: number): number {
    rt.nframes = fi;
    rt.lispEvalDepth = d;
    return symbolValue(rt, sym);
  },
  flo: makeFloat,
  /**
   * (nthcdr N L) for a fixnum N in [0, 10000] and a list L whose first N links are conses (the
   * rest may be anything): the tail; -1 when the primitive must decide (an error, a negative N).
   */
  nthcdr(rt: Runtime, n: number, l: number): number {
    if ((n & 3) !== 2 || n < 0 || n > 40002) return -1;
    const m = rt.i32;
    for (let k = n >> 2; k > 0; k--) {
      if ((l & 7) !== Lisp_Cons) return l === Qnil ? Qnil : -1;
      l = m[((l & -8) >>> 2) + 1]!;
    }
    return l;
  },
  /** (length X) of a string, a vector or a proper list (of fewer than 100,000 links); -1 for the primitive. */
  length(rt: Runtime, x: number): number {
    const m = rt.i32;
    switch (x & 7) {
      case Lisp_String: return makeFixnum(m[((x & -8) >>> 2) + STR_NCHARS]!);
      case Lisp_Vectorlike: {
        const h = m[(x & -8) >>> 2]!;
        return (h >>> PVEC_TYPE_SHIFT) === PVEC_NORMAL_VECTOR ? makeFixnum(h & PVEC_SIZE_MASK) : -1;
      }
      case Lisp_Cons: {
        let k = 0;
        for (; (x & 7) === Lisp_Cons; k++) {
          if (k > 100000) return -1;
          x = m[((x & -8) >>> 2) + 1]!;
        }
        return x === Qnil ? makeFixnum(k) : -1;
      }
      default: return x === Qnil ? 2 : -1;
    }
  },
  /** (goto-char POS) of a fixnum POS: point moved there, clamped to the accessible part; POS. */
  gotoChar(rt: Runtime, pos: number): number {
    const b = rt.globals[G_CURRENT_BUFFER]!;
    const m = rt.i32;
    const w = ((b & -8) >>> 2) + 1;
    // Fixnums compare as their tagged words do.
    const p = Math.min(Math.max(pos, m[w + BUF_BEGV]!), m[w + BUF_ZV]!);
    // All-ASCII text: the byte position is the char position (else setPoint converts it).
    if (m[w + BUF_Z] === m[w + BUF_Z_BYTE]) {
      m[w + BUF_PT] = p;
      m[w + BUF_PT_BYTE] = p;
    } else setPoint(rt, p >> 2);
    return pos;
  },
  /** (aref S I) of string S, I a fixnum index within it (the primitive then cannot signal); else -1. */
  strRef(rt: Runtime, s: number, i: number): number {
    if ((i & 3) !== 2 || i < 0 || i >> 2 >= rt.i32[((s & -8) >>> 2) + STR_NCHARS]!) return -1;
    return arefPrim(rt, s, i);
  },
  /**
   * (aset S I C) of string S when the primitive cannot signal (I within it, C a character, S
   * multibyte or C below 256): done, true; else false.
   */
  strSet(rt: Runtime, s: number, i: number, c: number): boolean {
    const m = rt.i32;
    const wi = (s & -8) >>> 2;
    if ((i & 3) !== 2 || i < 0 || i >> 2 >= m[wi + STR_NCHARS]! || (c & 3) !== 2 || c < 0 || c >> 2 > MAX_CHAR) return false;
    if (m[wi + STR_NBYTES]! < 0 && c >> 2 >= 256) return false;
    asetPrim(rt, s, i, c);
    return true;
  },
  /**
   * OP (0 +, 1 -, 2 *) folded over the N fixnums and floats at stack[base..], left to right as
   * the primitive does: a fixnum, or a float once a float is met; -1 (the primitive decides)
   * for any other argument, an integer part beyond 2^53 or out of fixnum range, or a NaN.
   */
  arithN(rt: Runtime, op: number, base: number, n: number): number {
    const st = rt.stack;
    const f64 = rt.f64;
    let acc = 0;
    let isFloat = false;
    for (let i = 0; i < n; i++) {
      const w = st[base + i]!;
      let v: number;
      if ((w & 3) === 2) v = w >> 2;
      else if ((w & 7) === Lisp_Float) {
        v = f64[(w & -8) >>> 3]!;
        isFloat = true;
      } else {
        // A bignum of up to 53 bits (past the 30-bit fixnums) as its exact number.
        v = safeIntegerValue(rt, w);
        if (v !== v) return -1;
      }
      // An integer product of 0 is 0, not -0 (a float after it would show the sign).
      acc = i === 0 ? v : op === 0 ? acc + v : op === 1 ? acc - v : isFloat ? acc * v : acc * v + 0;
      if (!isFloat && (acc > 9007199254740991 || acc < -9007199254740991)) return -1;
    }
    if (isFloat) return acc === acc ? makeFloat(rt, acc) : -1;
    return makeSafeInteger(rt, acc);
  },
  /** memq of X in the proper list L, or -1 when L is not one (or is very long: the primitive checks for a cycle). */
  memq(rt: Runtime, x: number, l: number): number {
    const m = rt.i32;
    for (let k = 0; (l & 7) === Lisp_Cons; k++) {
      const wi = (l & -8) >>> 2;
      if (m[wi] === x) return l;
      if (k > 100000) return -1;
      l = m[wi + 1]!;
    }
    return l === Qnil ? Qnil : -1;
  },
  /** assq of KEY in the proper list L (non-cons elements skipped), or -1 when L is not one. */
  assq(rt: Runtime, key: number, l: number): number {
    const m = rt.i32;
    for (let k = 0; (l & 7) === Lisp_Cons; k++) {
      const wi = (l & -8) >>> 2;
      const e = m[wi]!;
      if ((e & 7) === Lisp_Cons && m[(e & -8) >>> 2] === key) return e;
      if (k > 100000) return -1;
      l = m[wi + 1]!;
    }
    return l === Qnil ? Qnil : -1;
  },
  /**
   * (and (memq (type-of X) TAGS) t) for X a record whose type is a symbol, or an object of an
   * immediate kind: t or nil; -1 when only the real code knows (another vectorlike, TAGS not a
   * proper list).
   */
  structP(rt: Runtime, x: number, tags: number): number {
    const m = rt.i32;
    // The common case without a loop: a record of the first type in TAGS (V8 inlines this
    // helper at each use; a loop there made the compile of a body of accessors several times
    // longer).
    if ((x & 7) === Lisp_Vectorlike && (tags & 7) === Lisp_Cons) {
      const wi = (x & -8) >>> 2;
      const h = m[wi]!;
      if ((h >>> PVEC_TYPE_SHIFT) === PVEC_RECORD && (h & PVEC_SIZE_MASK) > 0 && m[wi + 1] === m[(tags & -8) >>> 2] &&
        (m[wi + 1]! & 7) === Lisp_Symbol) return Qt;
    }
    return HELPERS!.structPAny(rt, x, tags);
  },
  /** structP's general case. */
  structPAny(rt: Runtime, x: number, tags: number): number {
    const m = rt.i32;
    let type: number;
    switch (x & 7) {
      case Lisp_Symbol: type = Qsymbol; break;
      case Lisp_Cons: type = Qcons; break;
      case Lisp_String: type = Qstring; break;
      case Lisp_Float: type = Qfloat; break;
      case Lisp_Vectorlike: {
        const h = m[(x & -8) >>> 2]!;
        if ((h >>> PVEC_TYPE_SHIFT) !== PVEC_RECORD || (h & PVEC_SIZE_MASK) === 0) return -1;
        type = m[((x & -8) >>> 2) + 1]!;
        if ((type & 7) !== Lisp_Symbol) return -1;
        break;
      }
      default:
        if ((x & 3) !== 2) return -1;
        type = Qinteger;
    }
    const r = HELPERS!.memq(rt, type, tags);
    return r === -1 ? -1 : r === Qnil ? Qnil : Qt;
  },
  /** X is a record of a type in TAGS (a proper list) with a slot N: an accessor's (aref X N) follows. */
  structIn(rt: Runtime, x: number, tags: number, n: number): boolean {
    if ((x & 7) !== Lisp_Vectorlike) return false;
    const m = rt.i32;
    const wi = (x & -8) >>> 2;
    const h = m[wi]!;
    if ((h >>> PVEC_TYPE_SHIFT) !== PVEC_RECORD || (h & PVEC_SIZE_MASK) <= n) return false;
    const type = m[wi + 1]!;
    if ((type & 7) !== Lisp_Symbol) return false;
    // The first type in TAGS without a loop (see structP).
    if ((tags & 7) === Lisp_Cons && m[(tags & -8) >>> 2] === type) return true;
    return HELPERS!.structInRest(rt, type, tags);
  },
  /** structIn's search of TAGS for TYPE. */
  structInRest(rt: Runtime, type: number, tags: number): boolean {
    const m = rt.i32;
    for (let l = tags, k = 0; (l & 7) === Lisp_Cons && k < 1000; k++) {
      const lw = (l & -8) >>> 2;
      if (m[lw] === type) return true;
      l = m[lw + 1]!;
    }
    return false;
  },
  /**
   * (OP A B), OP 0 +, 1 -, 2 *, 3 /, 4 % (below), when the code's fixnum path did not apply: two numbers of
   * which one is a float computed as doubles and boxed when OK (the symbol still holds the subr);
   * integers (bignums, or fixnums whose result the fixnum path could not make: an overflow, a
   * `/' by zero) by numTree, which declines where the primitive signals or decides (a marker, a
   * zero divisor, past `integer-width'); what it declines, OK false, and a NaN result (whose
   * sign bit must be GNU's) are the real call of F.
   */
  num2(rt: Runtime, op: number, ok: boolean, f: number, a: number, b: number, fi: number, d: number): number {
    if (op === 4) {
      // `%' (OP 4): two integers exact as doubles (fixnums, or bignums of one or two words below
      // 2^53), the divisor not 0, as the primitive's own path for them computes it (the result
      // never overflows: |r| < |B|); a marker, a float, a wider bignum or 0 is the real call.
      if (ok) {
        const x = safeIntegerValue(rt, a);
        const y = safeIntegerValue(rt, b);
        if (x === x && y === y && y !== 0) return makeSafeInteger(rt, (x % y) + 0);
      }
      return HELPERS!.call2(rt, f, a, b, fi, d);
    }
    if (ok && ((a & 3) !== 2 || (b & 3) !== 2) && ((a & 3) === 2 || (a & 7) === Lisp_Float) && ((b & 3) === 2 || (b & 7) === Lisp_Float)) {
      const f64 = rt.f64;
      const x = (a & 3) === 2 ? a >> 2 : f64[(a & -8) >>> 3]!;
      const y = (b & 3) === 2 ? b >> 2 : f64[(b & -8) >>> 3]!;
      const r = op === 0 ? x + y : op === 1 ? x - y : op === 2 ? x * y : x / y;
      if (r === r) return makeFloat(rt, r);
    }
    // Integers (pidigits.el's `(* q k)' on bignums, a product of fixnums past the fixnums):
    // numTree's one-operation program, which computes as the primitive does or declines (a
    // marker, a division by zero, a NaN, past `integer-width', ...).
    if (ok) {
      const r = numTree(rt, NUM2_CODE[op]!, a, b);
      if (r !== -1) return r;
    }
    return HELPERS!.call2(rt, f, a, b, fi, d);
  },
  /** (OP A B), OP 0 <, 1 >, 2 <=, 3 >=, 4 =, 5 /=, on two numbers when OK; else the real call of F. */
  cmp2(rt: Runtime, op: number, ok: boolean, f: number, a: number, b: number, fi: number, d: number): number {
    if (ok && ((a & 3) === 2 || (a & 7) === Lisp_Float) && ((b & 3) === 2 || (b & 7) === Lisp_Float)) {
      const f64 = rt.f64;
      const x = (a & 3) === 2 ? a >> 2 : f64[(a & -8) >>> 3]!;
      const y = (b & 3) === 2 ? b >> 2 : f64[(b & -8) >>> 3]!;
      const r = op === 0 ? x < y : op === 1 ? x > y : op === 2 ? x <= y : op === 3 ? x >= y : op === 4 ? x === y : x !== y;
      return r ? Qt : Qnil;
    }
    return HELPERS!.call2(rt, f, a, b, fi, d);
  },
  tick: compiledTick,
  nearLimits(rt: Runtime, fb: number, db: number, k: number, w: number): boolean {
    // The JS stack is probed every 8th deep entry (checkDepth probes every 16th level).
    return compiledNearLimits(rt, fb, db, k, w, (++stateOf(rt).probes & 7) === 0);
  },
});
