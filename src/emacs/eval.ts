// The evaluator: special forms, funcall/apply, dynamic and lexical binding, non-local exits (GNU eval.c).
//
// Rooting: evalSub and funcall are the safe points. Before anything can
// collect, every value still needed is on the Lisp stack: the form being
// evaluated, the function and its arguments, saved lexical environments, and
// values held by prog1/unwind-protect. Non-local exits are JS exceptions
// (LispSignal, LispThrow); every construct that catches one restores the Lisp
// stack pointer, the lexical environment, the eval depth and the specpdl itself,
// so ordinary forms need no try/finally on the hot path.

import { collectGarbage, maybeGC } from '../core/gc.ts';
import { HeapExhausted } from '../heap/heap.ts';
import { LispStackOverflow } from '../core/runtime.ts';
import {
  MANY, PVEC_COMPILED, PVEC_SUBR, SUBR_INDEX, SUBR_MAX_ARGS, SUBR_MIN_ARGS, SYM_DECLARED_SPECIAL,
  SYM_FLAGS, SYM_LOCALIZED, SYM_NOWRITE, SYM_PLAINVAL, SYM_VALUE, SYM_REDIRECT_MASK, SYM_TRAPPED_MASK, SYM_TRAPPED_SHIFT, SYM_VARALIAS,
  UNEVALLED,
} from '../heap/layout.ts';
import {
  Lisp_Cons, Lisp_Symbol, Lisp_Vectorlike, MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM, fixnumValue, isFixnum, makeFixnum,
} from '../heap/tags.ts';
import {
  aref, cons, consp, makeSafeInteger, safeIntegerValue, symIndex, getProp, list, makeString, TailWalker, pvecType, putProp, setSymbolFlags,
  setSymbolFunction, setSymbolRawValue, stringp, symbolFlags, symbolFunction, symbolRawValue, xcar, xcdr, xsetcdr,
} from '../core/object.ts';
import { MAX_FRAMES, type Runtime } from '../core/runtime.ts';
import { KillEmacs, LispSignal, LispThrow, error, wrongTypeArgument, xsignal, xsignal1, xsignal2 } from '../core/signal.ts';
import {
  DEFSYM, Qand_optional, Qand_rest, Qautoload, Qcircular_list, Qclosure, Qcyclic_function_indirection, Qerror, Qerror_conditions,
  Qfunction, Qinteractive, Qinvalid_function, Qlambda, Qlistp, Qmacro, Qmemory_full, Qnil, Qno_catch,
  Qsetting_constant, Qsymbolp, Qt, Qunbound, Qvariable_documentation, Qvoid_function, Qvoid_variable,
  Qwrong_number_of_arguments,
} from '../core/symbols.ts';
import { DEFUN, DEFVAR, PRIMITIVES } from '../core/subr.ts';

const Qmax_lisp_eval_depth = DEFVAR('max-lisp-eval-depth', () => makeFixnum(1600), 'How deeply calls of `eval\', `apply\' and `funcall\' may nest before an error is signalled.');
const Qmax_specpdl_size = DEFVAR('max-specpdl-size', () => makeFixnum(2500), 'How many variable bindings and unwind-protect forms may be active at once before an error is signalled.');
DEFVAR('debug-on-error', () => Qnil, 'When non-nil, an error that is signalled enters the debugger.');
DEFVAR('debug-on-signal', () => Qnil, 'When non-nil, the debugger is entered when an error is signalled even if a handler will catch it.');
DEFVAR('debug-on-quit', () => Qnil, 'When non-nil, a quit enters the debugger.');
DEFVAR('debug-ignored-errors', () => Qnil, 'Errors, by condition symbol or message regexp, that never enter the debugger.');
const Qdebug = DEFSYM('debug');
const Qmemory_signal_data = DEFSYM('memory-signal-data');
const Qmany = DEFSYM('many');
const Qmapbacktrace = DEFSYM('mapbacktrace');
const Qunevalled = DEFSYM('unevalled');
DEFVAR('debugger', () => Qdebug, 'The function that is called to enter the debugger.');
DEFVAR('inhibit-quit', () => Qnil, 'When non-nil, a quit request is held back instead of acted on at once.');
DEFVAR('quit-flag', () => Qnil, 'Set when a quit has been requested; evaluation stops at the next check unless `inhibit-quit\' is non-nil.');
const Qsignal_hook_function = DEFVAR('signal-hook-function', () => Qnil, 'When non-nil, a function called with the error symbol and data each time an error is signalled.');
DEFVAR('macroexp--dynvars', () => Qnil, 'The variables declared dynamically bound in the scope being macroexpanded.');
DEFVAR('internal-interpreter-environment', () => Qnil, 'The interpreter\'s lexical environment; tsmacs keeps it inside the runtime instead.');
DEFVAR('lexical-binding', () => Qnil, 'Non-nil means code is evaluated with lexical scoping rather than dynamic scoping.');

const Qsetq = DEFSYM('setq');
const Qformat = DEFSYM('format');
const Qdeclare = DEFSYM('declare');
const Qrisky_local_variable = DEFSYM('risky-local-variable');
const Qsuccess = DEFSYM(':success');
const Qdocumentation = DEFSYM(':documentation');
const Qload = DEFSYM('load');

// ---- symbol values ---------------------------------------------------------------------

const redirectOf = (rt: Runtime, sym: number): number => symbolFlags(rt, sym) & SYM_REDIRECT_MASK;

/** Follow variable aliases to the symbol that holds the value (GNU's indirect_variable). */
export function indirectVariable(rt: Runtime, sym: number): number {
  let s = sym;
  for (let i = 0; redirectOf(rt, s) === SYM_VARALIAS; i++) {
    s = symbolRawValue(rt, s);
    if (i > 100) xsignal1(rt, DEFSYM('cyclic-variable-indirection'), sym);
  }
  return s;
}

/** The value of SYM, or Qunbound when void (GNU's find_symbol_value). */
export function findSymbolValue(rt: Runtime, sym: number): number {
  const flags = symbolFlags(rt, sym);
  const r = flags & SYM_REDIRECT_MASK;
  if (r === SYM_PLAINVAL) return symbolRawValue(rt, sym);
  if (r === SYM_VARALIAS) return findSymbolValue(rt, indirectVariable(rt, sym));
  if (r === SYM_LOCALIZED) return xcdr(rt, symbolRawValue(rt, sym));
  return symbolRawValue(rt, sym);
}

/** The value of SYM; signals void-variable. */
export function symbolValue(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  if (v === Qunbound) xsignal1(rt, Qvoid_variable, sym);
  return v;
}

/** Set SYM's value, refusing constants (GNU's set_internal). */
export function setInternal(rt: Runtime, sym: number, value: number): void {
  const flags = symbolFlags(rt, sym);
  if (((flags & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_NOWRITE) xsignal1(rt, Qsetting_constant, sym);
  const r = flags & SYM_REDIRECT_MASK;
  if (r === SYM_PLAINVAL) setSymbolRawValue(rt, sym, value);
  else if (r === SYM_VARALIAS) setInternal(rt, indirectVariable(rt, sym), value);
  else if (r === SYM_LOCALIZED) xsetcdr(rt, symbolRawValue(rt, sym), value);
}

/** Set the default (global) value of SYM. Without buffers it is its value. */
export const setDefault = setInternal;

export const isConstantSymbol = (rt: Runtime, sym: number): boolean =>
  ((symbolFlags(rt, sym) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_NOWRITE;

export const isSpecial = (rt: Runtime, sym: number): boolean => (symbolFlags(rt, sym) & SYM_DECLARED_SPECIAL) !== 0;

// ---- the specpdl -------------------------------------------------------------------------

const SPECPDL_LET = 0;

/** Bind SYM dynamically to VALUE until unbindTo (GNU's specbind). */
export function specbind(rt: Runtime, sym: number, value: number): void {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  const wi = symIndex(rt, sym);
  const m = rt.i32;
  const flags = m[wi + SYM_FLAGS]!;
  if ((flags & SYM_REDIRECT_MASK) === SYM_PLAINVAL && ((flags & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) !== SYM_NOWRITE) {
    // The common case, a plain writable variable: what the general path below does, in one pass.
    const n = rt.specCount;
    if (n + 3 > rt.specpdl.length) error(rt, 'Variable binding depth exceeds max-specpdl-size');
    checkSpecpdl(rt, 1);
    rt.specpdl[n] = sym;
    rt.specpdl[n + 1] = m[wi + SYM_VALUE]!;
    rt.specpdl[n + 2] = SPECPDL_LET;
    rt.specCount = n + 3;
    m[wi + SYM_VALUE] = value;
    return;
  }
  const s = indirectVariable(rt, sym);
  if (isConstantSymbol(rt, s)) xsignal1(rt, Qsetting_constant, sym);
  const n = rt.specCount;
  if (n + 3 > rt.specpdl.length) error(rt, 'Variable binding depth exceeds max-specpdl-size');
  checkSpecpdl(rt, 1);
  rt.specpdl[n] = s;
  rt.specpdl[n + 1] = findSymbolValue(rt, s);
  rt.specpdl[n + 2] = SPECPDL_LET;
  rt.specCount = n + 3;
  setInternal(rt, s, value);
}

/** Undo dynamic bindings down to COUNT. */
export function unbindTo(rt: Runtime, count: number): void {
  while (rt.specCount > count) {
    const n = rt.specCount - 3;
    rt.specCount = n;
    const sym = rt.specpdl[n]!;
    const old = rt.specpdl[n + 1]!;
    const r = redirectOf(rt, sym);
    if (r === SYM_LOCALIZED) xsetcdr(rt, symbolRawValue(rt, sym), old);
    else setSymbolRawValue(rt, sym, old);
  }
}

// ---- functions -------------------------------------------------------------------------------

/** Follow symbol function indirection (GNU's indirect_function); nil when void. */
export function indirectFunction(rt: Runtime, f: number): number {
  let hare = f;
  for (let i = 0; (hare & 7) === Lisp_Symbol && hare !== Qnil; i++) {
    hare = symbolFunction(rt, hare);
    if (i > 1000) xsignal1(rt, Qcyclic_function_indirection, f);
  }
  return hare;
}

const isSubr = (rt: Runtime, f: number): boolean => (f & 7) === Lisp_Vectorlike && pvecType(rt, f) === PVEC_SUBR;

/** True if F is something funcall can call (GNU's FUNCTIONP, without autoload loading). */
export function functionp(rt: Runtime, f: number): boolean {
  if ((f & 7) === Lisp_Symbol && f !== Qnil) {
    f = indirectFunction(rt, f);
    if (consp(f) && xcar(rt, f) === Qautoload) {
      // An autoloaded function is a function unless its TYPE says macro/keymap.
      const rest = xcdr(rt, xcdr(rt, f));
      const type = consp(rest) && consp(xcdr(rt, rest)) && consp(xcdr(rt, xcdr(rt, rest))) ? xcar(rt, xcdr(rt, xcdr(rt, rest))) : Qnil;
      return type === Qnil;
    }
  }
  if (isSubr(rt, f)) return fixnumValue(aref(rt, f, SUBR_MAX_ARGS)) !== UNEVALLED;
  if ((f & 7) === Lisp_Vectorlike) return pvecType(rt, f) === PVEC_COMPILED;
  if (consp(f)) {
    const h = xcar(rt, f);
    return h === Qlambda || h === Qclosure;
  }
  return false;
}

/**
 * GNU keeps variable bindings and a record of every active eval and funcall in one stack, the
 * specpdl, and signals once it would hold more than `max-specpdl-size' entries (never fewer
 * than 400). The same count here: bindings (three words each) plus backtrace frames.
 */
function checkSpecpdl(rt: Runtime, extra: number): void {
  const entries = rt.specCount / 3 + rt.nframes + rt.envBinds + extra;
  if (entries < 400 || rt.inDebugger) return;
  if (entries > limitValue(rt, Qmax_specpdl_size, 2500, 400)) error(rt, 'Variable binding depth exceeds max-specpdl-size');
}

/**
 * The limit variable SYM as GNU's C code sees it: DFLT when it is not a fixnum, and raised to
 * FLOOR (stored back) when below it. The limits are never aliased or buffer-local, so the value
 * cell is read directly (GNU forwards them to C ints).
 */
function limitValue(rt: Runtime, sym: number, dflt: number, floor: number): number {
  const mv = rt.i32[symIndex(rt, sym) + 1]!;
  const v = isFixnum(mv) ? fixnumValue(mv) : dflt;
  if (v >= floor) return v;
  setSymbolRawValue(rt, sym, makeFixnum(floor));
  return floor;
}

function checkDepth(rt: Runtime): void {
  checkSpecpdl(rt, 0);
  const d = ++rt.lispEvalDepth;
  if (d > 100 && d > limitValue(rt, Qmax_lisp_eval_depth, 1600, 100)) error(rt, 'Lisp nesting exceeds ‘max-lisp-eval-depth’');
}

/** Call a subr with n arguments held in args[0..n). ORIG names it in arity errors. */
function callSubr(rt: Runtime, subr: number, args: number[], orig: number): number {
  const max = fixnumValue(aref(rt, subr, SUBR_MAX_ARGS));
  const min = fixnumValue(aref(rt, subr, SUBR_MIN_ARGS));
  const n = args.length;
  const fn = rt.subrFns[fixnumValue(aref(rt, subr, SUBR_INDEX))]!;
  if (max === MANY) {
    if (n < min) arityError(rt, subr, orig, n);
    return fn(rt, args);
  }
  if (max === UNEVALLED) xsignal1(rt, Qinvalid_function, orig);
  if (n < min || n > max) arityError(rt, subr, orig, n);
  switch (max) {
    case 0: return fn(rt);
    case 1: return fn(rt, n > 0 ? args[0] : Qnil);
    case 2: return fn(rt, n > 0 ? args[0] : Qnil, n > 1 ? args[1] : Qnil);
    case 3: return fn(rt, n > 0 ? args[0] : Qnil, n > 1 ? args[1] : Qnil, n > 2 ? args[2] : Qnil);
    default: {
      const full = args.slice();
      while (full.length < max) full.push(Qnil);
      return fn(rt, ...full);
    }
  }
}

function arityError(rt: Runtime, subr: number, orig: number, n: number): never {
  const min = fixnumValue(aref(rt, subr, SUBR_MIN_ARGS));
  const max = fixnumValue(aref(rt, subr, SUBR_MAX_ARGS));
  void min;
  void max;
  return xsignal2(rt, Qwrong_number_of_arguments, (orig & 7) === Lisp_Symbol ? orig : subr, makeFixnum(n));
}

/** The (MIN . MAX) arity of a subr as GNU's subr-arity returns it. */
export function subrArity(rt: Runtime, subr: number): number {
  const min = fixnumValue(aref(rt, subr, SUBR_MIN_ARGS));
  const max = fixnumValue(aref(rt, subr, SUBR_MAX_ARGS));
  return cons(rt, makeFixnum(min), max === MANY ? Qmany : max === UNEVALLED ? Qunevalled : makeFixnum(max));
}

/** Apply a lambda or closure to the N args at rt.stack[base..] (GNU's funcall_lambda). */
function funcallLambda(rt: Runtime, fun: number, base: number, n: number): number {
  let params: number;
  let body: number;
  let lexical: boolean;
  let env: number;
  const head = xcar(rt, fun);
  let rest = xcdr(rt, fun);
  if (head === Qclosure) {
    if (!consp(rest)) xsignal1(rt, Qinvalid_function, fun);
    env = xcar(rt, rest);
    rest = xcdr(rt, rest);
    lexical = true;
  } else {
    env = Qnil;
    lexical = false;
  }
  // GNU reports a closure by its cdr, without the `closure' word.
  const errFun = head === Qclosure ? xcdr(rt, fun) : fun;
  if (!consp(rest)) xsignal1(rt, Qinvalid_function, errFun);
  params = xcar(rt, rest);
  body = xcdr(rt, rest);
  const count = rt.specCount;
  const savedEnv = rt.lexenv;
  rt.push(savedEnv);
  let lexenv = env;
  let optional = false;
  let restp = false;
  let i = 0;
  const stack = rt.stack;
  let p = params;
  let previousRest = false;
  while (consp(p)) {
    const sym = xcar(rt, p);
    p = xcdr(rt, p);
    if ((sym & 7) !== Lisp_Symbol) xsignal1(rt, Qinvalid_function, errFun);
    if (sym === Qand_rest) {
      if (restp) xsignal1(rt, Qinvalid_function, errFun);
      restp = true;
      previousRest = true;
      continue;
    }
    if (sym === Qand_optional) {
      if (optional || restp) xsignal1(rt, Qinvalid_function, errFun);
      optional = true;
      continue;
    }
    let arg: number;
    if (restp) {
      arg = Qnil;
      for (let j = n - 1; j >= i; j--) arg = cons(rt, stack[base + j]!, arg);
      i = n;
      previousRest = false;
    } else if (i < n) arg = stack[base + i++]!;
    else if (!optional) {
      rt.lexenv = savedEnv;
      return xsignal2(rt, Qwrong_number_of_arguments, errFun, makeFixnum(n));
    } else arg = Qnil;
    // GNU 28 binds a closure's parameters lexically even when they are special.
    if (lexical) {
      lexenv = cons(rt, cons(rt, sym, arg), lexenv);
      rt.lexenv = lexenv; // keep the growing env rooted while we cons
    } else specbind(rt, sym, arg);
    if (restp) break;
  }
  if (previousRest || (p !== Qnil && !consp(p))) xsignal1(rt, Qinvalid_function, errFun);
  if (i < n) {
    rt.lexenv = savedEnv;
    return xsignal2(rt, Qwrong_number_of_arguments, errFun, makeFixnum(n));
  }
  // A plain (lambda ...) list is dynamically scoped: its body sees none of the caller's
  // lexical variables (GNU's funcall_lambda binds the interpreter environment to nil).
  const bodyEnv = lexical ? lexenv : Qnil;
  // GNU binds the interpreter environment in the specpdl when the body's differs from the caller's.
  const envBind = bodyEnv !== savedEnv ? 1 : 0;
  rt.envBinds += envBind;
  rt.lexenv = bodyEnv;
  const val = progn(rt, body);
  rt.envBinds -= envBind;
  rt.lexenv = savedEnv;
  unbindTo(rt, count);
  return val;
}

// ---- backtrace frames ---------------------------------------------------------------------------
//
// rt.frames holds pairs (stack index, kind). kind >= 0: a form at stack[i]
// whose KIND evaluated args follow it (printed fun(args...)); FRAME_UNEVALLED:
// a form not (yet) applied to evaluated args (printed as the form); kind <=
// FRAME_CALL: a call with the function at stack[i] and FRAME_CALL - kind args
// after it. A frame is popped by resetting nframes to its own index, so frames
// a non-local exit skipped are dropped at the next normal return below them.

export const FRAME_UNEVALLED = -1;
export const FRAME_CALL = -2;

/**
 * Record a call frame: FN at stack[sp] followed by NARGS arguments, already
 * pushed. Returns the index to restore rt.nframes to when the call returns.
 */
export function pushFrame(rt: Runtime, sp: number, nargs: number): number {
  const fi = rt.nframes;
  if (fi < MAX_FRAMES) {
    rt.frames[2 * fi] = sp;
    rt.frames[2 * fi + 1] = FRAME_CALL - nargs;
    rt.nframes = fi + 1;
  }
  return fi;
}

/** Frame I as GNU's backtrace_frame_apply sees it: [evald, function, args]. */
export function frameInfo(rt: Runtime, i: number): [boolean, number, number] {
  const idx = rt.frames[2 * i]!;
  const kind = rt.frames[2 * i + 1]!;
  const st = rt.stack;
  if (kind === FRAME_UNEVALLED) {
    const form = st[idx]!;
    return [false, xcar(rt, form), xcdr(rt, form)];
  }
  let fun: number;
  let n: number;
  if (kind >= 0) {
    fun = xcar(rt, st[idx]!);
    n = kind;
  } else {
    fun = st[idx]!;
    n = FRAME_CALL - kind;
  }
  let args = Qnil;
  for (let j = n; j >= 1; j--) args = cons(rt, st[idx + j]!, args);
  return [true, fun, args];
}

/** Index of the innermost frame at or below FROM whose function is BASE (nil: FROM itself); -1 if none. */
function frameStartingAt(rt: Runtime, base: number, from: number): number {
  if (base === Qnil) return from;
  const b = indirectFunction(rt, base);
  // A BASE that is no function has no frame (GNU ignores it: nothing is reported).
  if (b === Qnil) return -1;
  for (let i = from; i >= 0; i--) {
    const f = frameInfo(rt, i)[1];
    if (f === b || ((f & 7) === Lisp_Symbol && f !== Qnil && indirectFunction(rt, f) === b)) return i;
  }
  return -1;
}

/** Call FUNCTION with (EVALD FUN ARGS FLAGS) for frame I, keeping what it needs rooted. */
function applyToFrame(rt: Runtime, fn: number, i: number): number {
  const [evald, fun, args] = frameInfo(rt, i);
  const sp = rt.sp;
  rt.push(args);
  const v = funcall(rt, fn, [evald ? Qt : Qnil, fun, args, Qnil]);
  rt.sp = sp;
  return v;
}

/** Call FN (a function designator) with ARGS (GNU's Ffuncall). */
export function funcall(rt: Runtime, fn: number, args: number[]): number {
  const sp = rt.sp;
  rt.push(fn);
  for (let i = 0; i < args.length; i++) rt.push(args[i]!);
  const fi = pushFrame(rt, sp, args.length);
  maybeGC(rt);
  checkDepth(rt);
  const val = funcallInner(rt, fn, args, sp + 1);
  rt.lispEvalDepth--;
  rt.nframes = fi;
  rt.sp = sp;
  return val;
}

/** ARGS are also on the Lisp stack from index BASE. */
function funcallInner(rt: Runtime, orig: number, args: number[], base: number): number {
  let fun = orig;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, fun);
  if ((fun & 7) === Lisp_Vectorlike) {
    if (pvecType(rt, fun) === PVEC_SUBR) return callSubr(rt, fun, args, fun);
    xsignal1(rt, Qinvalid_function, orig);
  }
  if (consp(fun)) {
    const head = xcar(rt, fun);
    if (head === Qlambda || head === Qclosure) return funcallLambda(rt, fun, base, args.length);
    if (head === Qautoload) {
      autoloadDo(rt, fun, orig);
      return funcallInner(rt, orig, args, base);
    }
  }
  if (fun === Qnil || ((orig & 7) === Lisp_Symbol && fun === Qnil)) xsignal1(rt, Qvoid_function, orig);
  return xsignal1(rt, Qinvalid_function, orig);
}

export const call0 = (rt: Runtime, f: number): number => funcall(rt, f, []);
export const call1 = (rt: Runtime, f: number, a: number): number => funcall(rt, f, [a]);
export const call2 = (rt: Runtime, f: number, a: number, b: number): number => funcall(rt, f, [a, b]);
export const call3 = (rt: Runtime, f: number, a: number, b: number, c: number): number => funcall(rt, f, [a, b, c]);

/**
 * Walk LIST's conses (GNU's FOR_EACH_TAIL), calling FN on each until it returns true. Returns
 * the cons FN stopped at, else the final cdr (nil for a proper list: never a cons). A circular
 * list signals circular-list, or with SAFE ends the walk, returning nil (FOR_EACH_TAIL_SAFE).
 */
export function forEachTail(rt: Runtime, list: number, fn: (tail: number) => boolean | void, safe = false): number {
  const walk = new TailWalker();
  walk.reset(list);
  let tail = list;
  while (consp(tail)) {
    if (fn(tail) === true) return tail;
    tail = xcdr(rt, tail);
    if (walk.step(tail)) return safe ? Qnil : xsignal1(rt, Qcircular_list, list);
  }
  return tail;
}

/**
 * The elements of LIST, appended to OUT: a circular list signals circular-list and
 * a dotted one wrong-type-argument listp with its last cdr, as GNU's apply and eval do.
 */
export function listElements(rt: Runtime, lst: number, out: number[] = []): number[] {
  const end = forEachTail(rt, lst, (tail) => {
    out.push(xcar(rt, tail));
  });
  if (end !== Qnil) wrongTypeArgument(rt, Qlistp, end);
  return out;
}

/** Call FN with the elements of LIST as arguments. */
export const applyList = (rt: Runtime, fn: number, lst: number): number => funcall(rt, fn, listElements(rt, lst));

/** Load the file named by an autoload object, then check FUN got defined. */
function autoloadDo(rt: Runtime, fundef: number, funname: number): void {
  const file = xcar(rt, xcdr(rt, fundef));
  const sp = rt.sp;
  rt.push(fundef);
  rt.push(funname);
  funcall(rt, Qload, [file, Qnil, Qt]);
  rt.sp = sp;
  if ((funname & 7) === Lisp_Symbol) {
    const f = indirectFunction(rt, funname);
    if (consp(f) && xcar(rt, f) === Qautoload)
      error(rt, `Autoloading file ${'failed to define function'}`);
  }
}

// ---- eval --------------------------------------------------------------------------------------

/** Look SYM up in the lexical environment: the binding cons, or nil. */
function lexLookup(rt: Runtime, env: number, sym: number): number {
  const env0 = env;
  for (let n = 0; consp(env); n++) {
    const b = xcar(rt, env);
    if (consp(b)) {
      if (xcar(rt, b) === sym) return b;
    } else if (b === sym) return Qnil; // declared dynamic in this scope
    env = xcdr(rt, env);
    // No real environment is this long: look for a cycle then (circular-list, as GNU's Fassq
    // signals), off the hot path; a long proper list just goes on.
    if (n === 100000) listElements(rt, env0);
  }
  return Qnil;
}

// ---- inline arithmetic ------------------------------------------------------------------------
//
// The hottest primitives, computed in evalSub without calling them when every
// argument is a fixnum and so is the result. The table is keyed by subr index,
// so it applies exactly when the form's function is the original subr; any
// other case (floats, markers, bignum results, errors) calls the primitive.

/** Not a Lisp word (tag 1 is never valid): "no inline result". */
const NOT_FAST = 1;
const OP_PLUS = 1, OP_MINUS = 2, OP_TIMES = 3, OP_LT = 4, OP_GT = 5, OP_LE = 6, OP_GE = 7, OP_EQL = 8;
const OP_ADD1 = 9, OP_SUB1 = 10, OP_REM = 11, OP_NEQ = 12;
// Special forms called directly (a monomorphic call V8 can inline) rather than through rt.subrFns.
const SF_QUOTE = 20, SF_SETQ = 21, SF_IF = 22, SF_COND = 23, SF_AND = 24, SF_OR = 25, SF_PROGN = 26, SF_LET = 27;
const SF_LETSTAR = 28, SF_WHILE = 29;
const FAST_NAMES: [string, number][] = [
  ['+', OP_PLUS], ['-', OP_MINUS], ['*', OP_TIMES], ['<', OP_LT], ['>', OP_GT], ['<=', OP_LE], ['>=', OP_GE],
  ['=', OP_EQL], ['1+', OP_ADD1], ['1-', OP_SUB1], ['%', OP_REM], ['/=', OP_NEQ],
  ['quote', SF_QUOTE], ['setq', SF_SETQ], ['if', SF_IF], ['cond', SF_COND], ['and', SF_AND], ['or', SF_OR],
  ['progn', SF_PROGN], ['let', SF_LET], ['let*', SF_LETSTAR], ['while', SF_WHILE],
];
let fastOps = new Uint8Array(0);

/** Build the table (primitives are all declared by the time Lisp runs) and look INDEX up. */
function fastOpsFor(index: number): number {
  // One pass over the primitives (a findIndex per name cost half a millisecond of every start-up).
  const ops = new Uint8Array(PRIMITIVES.length);
  const byName = new Map(FAST_NAMES);
  for (let i = 0; i < PRIMITIVES.length; i++) ops[i] = byName.get(PRIMITIVES[i]!.name) ?? 0;
  fastOps = ops;
  return index < ops.length ? ops[index]! : 0;
}

const SAFE = 9007199254740991;

function fastCall(rt: Runtime, op: number, nargs: number, a0: number, a1: number): number {
  // Fixnums inline; bignums that fit a double exactly through safeIntegerValue.
  const x = (a0 & 3) === 2 ? a0 >> 2 : safeIntegerValue(rt, a0);
  if (x !== x) return NOT_FAST;
  let r: number;
  if (nargs === 1) {
    if (op === OP_ADD1) r = x + 1;
    else if (op === OP_SUB1) r = x - 1;
    else if (op === OP_MINUS) r = -x;
    else if (op === OP_PLUS || op === OP_TIMES) return a0;
    else return NOT_FAST;
  } else {
    if (nargs !== 2) return NOT_FAST;
    const y = (a1 & 3) === 2 ? a1 >> 2 : safeIntegerValue(rt, a1);
    if (y !== y) return NOT_FAST;
    switch (op) {
      case OP_PLUS: r = x + y; break;
      case OP_MINUS: r = x - y; break;
      case OP_TIMES: r = x * y; break;
      case OP_REM: if (y === 0) return NOT_FAST; r = x % y; break;
      case OP_LT: return x < y ? Qt : Qnil;
      case OP_GT: return x > y ? Qt : Qnil;
      case OP_LE: return x <= y ? Qt : Qnil;
      case OP_GE: return x >= y ? Qt : Qnil;
      case OP_EQL: return x === y ? Qt : Qnil;
      case OP_NEQ: return x !== y ? Qt : Qnil;
      default: return NOT_FAST;
    }
  }
  // Exact whenever |r| <= 2^53 - 1 (a larger true result rounds to at least 2^53). x % y may give -0: + 0 folds it.
  if (r >= MOST_NEGATIVE_FIXNUM && r <= MOST_POSITIVE_FIXNUM) return ((r + 0) << 2) | 2;
  if (r > SAFE || r < -SAFE) return NOT_FAST;
  return makeSafeInteger(rt, r);
}

/** evalSub, with the leaves (constants, plain global variables outside lexical scope) done without a call. */
function evalArg(rt: Runtime, form: number): number {
  const tag = form & 7;
  if (tag === Lisp_Cons) return evalSub(rt, form);
  if (tag !== Lisp_Symbol) return form;
  if (rt.lexenv === Qnil) {
    const wi = symIndex(rt, form);
    const m = rt.i32;
    if ((m[wi + SYM_FLAGS]! & SYM_REDIRECT_MASK) === SYM_PLAINVAL) {
      const v = m[wi + SYM_VALUE]!;
      if (v !== Qunbound) return v;
    }
  }
  return evalSub(rt, form);
}

/** Evaluate FORM in the current lexical environment (GNU's eval_sub). */
export function evalSub(rt: Runtime, form: number): number {
  const tag = form & 7;
  if (tag === Lisp_Symbol) {
    if (rt.lexenv !== Qnil && form !== Qnil && form !== Qt) {
      const b = lexLookup(rt, rt.lexenv, form);
      if (b !== Qnil) return xcdr(rt, b);
    }
    const v = findSymbolValue(rt, form);
    if (v === Qunbound) xsignal1(rt, Qvoid_variable, form);
    return v;
  }
  if (tag !== Lisp_Cons) return form;

  const sp = rt.sp;
  rt.push(form);
  // A backtrace frame: the form at stack[sp]; FRAME_UNEVALLED until the args are evaluated.
  const fi = rt.nframes;
  if (fi < MAX_FRAMES) {
    rt.frames[2 * fi] = sp;
    rt.frames[2 * fi + 1] = FRAME_UNEVALLED;
    rt.nframes = fi + 1;
  }
  maybeGC(rt);
  checkDepth(rt);
  const origFun = xcar(rt, form);
  const originalArgs = xcdr(rt, form);
  let fun = origFun;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) {
    fun = symbolFunction(rt, fun);
    if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, fun);
  }
  let val: number;
  if ((fun & 7) === Lisp_Vectorlike && pvecType(rt, fun) === PVEC_SUBR) {
    const max = fixnumValue(aref(rt, fun, SUBR_MAX_ARGS));
    const min = fixnumValue(aref(rt, fun, SUBR_MIN_ARGS));
    const nargs = argCount(rt, originalArgs);
    if (nargs < min || (max >= 0 && nargs > max))
      xsignal2(rt, Qwrong_number_of_arguments, (origFun & 7) !== Lisp_Symbol ? fun : origFun, makeFixnum(nargs));
    const index = fixnumValue(aref(rt, fun, SUBR_INDEX));
    if (max === UNEVALLED) {
      switch (index < fastOps.length ? fastOps[index]! : fastOpsFor(index)) {
        case SF_QUOTE: val = Fquote(rt, originalArgs); break;
        case SF_SETQ: val = Fsetq(rt, originalArgs); break;
        case SF_IF: val = Fif(rt, originalArgs); break;
        case SF_COND: val = Fcond(rt, originalArgs); break;
        case SF_AND: val = Fand(rt, originalArgs); break;
        case SF_OR: val = For(rt, originalArgs); break;
        case SF_PROGN: val = Fprogn(rt, originalArgs); break;
        case SF_LET: val = Flet(rt, originalArgs); break;
        case SF_LETSTAR: val = FletStar(rt, originalArgs); break;
        case SF_WHILE: val = Fwhile(rt, originalArgs); break;
        default: val = rt.subrFns[index]!(rt, originalArgs);
      }
    } else if (nargs <= 3 && max <= 3) {
      // The common small calls: arguments in locals, rooted on the Lisp stack, no array.
      const fn = rt.subrFns[index]!;
      let a = originalArgs;
      let a0 = Qnil, a1 = Qnil, a2 = Qnil;
      if (nargs > 0) { a0 = evalArg(rt, xcar(rt, a)); rt.push(a0); a = xcdr(rt, a); }
      if (nargs > 1) { a1 = evalArg(rt, xcar(rt, a)); rt.push(a1); a = xcdr(rt, a); }
      if (nargs > 2) { a2 = evalArg(rt, xcar(rt, a)); rt.push(a2); }
      if (fi < MAX_FRAMES) rt.frames[2 * fi + 1] = nargs;
      const op = index < fastOps.length ? fastOps[index]! : fastOpsFor(index);
      val = op === 0 ? NOT_FAST : fastCall(rt, op, nargs, a0, a1);
      if (val === NOT_FAST) {
        if (max === MANY) val = fn(rt, nargs === 0 ? [] : nargs === 1 ? [a0] : nargs === 2 ? [a0, a1] : [a0, a1, a2]);
        else val = max === 0 ? fn(rt) : max === 1 ? fn(rt, a0) : max === 2 ? fn(rt, a0, a1) : fn(rt, a0, a1, a2);
      }
    } else {
      const args = evalArgs(rt, originalArgs);
      if (fi < MAX_FRAMES) rt.frames[2 * fi + 1] = args.length;
      val = callSubr(rt, fun, args, origFun);
    }
  } else if (consp(fun)) {
    const head = xcar(rt, fun);
    if (head === Qmacro) {
      const expander = xcdr(rt, fun);
      const args = listElements(rt, originalArgs);
      // The expansion is evaluated in the same lexical environment.
      const expansion = funcall(rt, expander, args);
      rt.push(expansion);
      val = evalSub(rt, expansion);
    } else if (head === Qlambda || head === Qclosure) {
      argCount(rt, originalArgs);
      // The argument values go on the stack right after the form, where the frame and funcallLambda find them.
      let nargs = 0;
      for (let a = originalArgs; consp(a); a = xcdr(rt, a)) {
        rt.push(evalArg(rt, xcar(rt, a)));
        nargs++;
      }
      if (fi < MAX_FRAMES) rt.frames[2 * fi + 1] = nargs;
      if (head === Qlambda && rt.lexenv !== Qnil) {
        fun = cons(rt, Qclosure, cons(rt, rt.lexenv, xcdr(rt, fun)));
        rt.push(fun);
      }
      val = funcallLambda(rt, fun, sp + 1, nargs);
    } else if (head === Qautoload) {
      autoloadDo(rt, fun, origFun);
      rt.lispEvalDepth--;
      rt.nframes = fi;
      rt.sp = sp;
      return evalSub(rt, form);
    } else {
      val = xsignal1(rt, Qinvalid_function, origFun);
    }
  } else if (fun === Qnil) {
    val = xsignal1(rt, Qvoid_function, origFun);
  } else {
    val = xsignal1(rt, Qinvalid_function, origFun);
  }
  rt.lispEvalDepth--;
  rt.nframes = fi;
  rt.sp = sp;
  return val;
}

/** The length of an argument list; a dotted list signals like GNU's Flength. */
function argCount(rt: Runtime, args: number): number {
  let n = 0;
  while (consp(args)) {
    n++;
    args = xcdr(rt, args);
  }
  if (args !== Qnil) wrongTypeArgument(rt, Qlistp, args);
  return n;
}

/** Evaluate each argument form, keeping the values rooted on the Lisp stack. */
function evalArgs(rt: Runtime, argForms: number): number[] {
  const args: number[] = [];
  let a = argForms;
  while (consp(a)) {
    const v = evalSub(rt, xcar(rt, a));
    rt.push(v);
    args.push(v);
    a = xcdr(rt, a);
  }
  return args;
}

export function progn(rt: Runtime, body: number): number {
  let val = Qnil;
  while (consp(body)) {
    val = evalSub(rt, xcar(rt, body));
    body = xcdr(rt, body);
  }
  return val;
}

/** Evaluate FORM with LEXICAL deciding the lexical environment, as Feval does. */
export function evalTop(rt: Runtime, form: number, lexical: number): number {
  const count = rt.specCount;
  const saved = rt.lexenv;
  const sp = rt.sp;
  rt.push(saved);
  rt.lexenv = consp(lexical) ? lexical : lexical !== Qnil ? cons(rt, Qt, Qnil) : Qnil;
  try {
    return evalSub(rt, form);
  } finally {
    rt.lexenv = saved;
    rt.sp = sp;
    unbindTo(rt, count);
  }
}

// ---- non-local exits ------------------------------------------------------------------------

interface Saved {
  sp: number;
  env: number;
  depth: number;
  spec: number;
  ncatch: number;
  nframes: number;
  nhandlers: number;
  envBinds: number;
}
const save = (rt: Runtime): Saved => ({
  sp: rt.sp, env: rt.lexenv, depth: rt.lispEvalDepth, spec: rt.specCount, ncatch: rt.catchTags.length,
  nframes: rt.nframes, nhandlers: rt.handlerSpecs.length, envBinds: rt.envBinds,
});
/** Undo what a non-local exit skipped. Backtrace frames are left for the catcher to drop (see rt.frames). */
function restore(rt: Runtime, s: Saved): void {
  unbindTo(rt, s.spec);
  rt.sp = s.sp;
  rt.lexenv = s.env;
  rt.lispEvalDepth = s.depth;
  rt.catchTags.length = s.ncatch;
  rt.handlerSpecs.length = s.nhandlers;
  rt.envBinds = s.envBinds;
}

/** Would some active condition-case catch SIG? */
function signalWillBeCaught(rt: Runtime, sig: LispSignal): boolean {
  const conditions = conditionsOf(rt, sig.symbol);
  for (let i = rt.handlerSpecs.length - 1; i >= 0; i--) {
    for (let h = rt.handlerSpecs[i]!; consp(h); h = xcdr(rt, h)) {
      const clause = xcar(rt, h);
      if (consp(clause) && xcar(rt, clause) !== Qsuccess && handlerMatches(rt, xcar(rt, clause), conditions)) return true;
    }
  }
  return false;
}

/**
 * GNU calls the debugger from signal itself, before anything unwinds. We learn
 * of a signal when it reaches a catcher; before unwind forms run, give the
 * hook (the batch backtrace) a signal no condition-case will catch.
 */
function noticeUncaught(rt: Runtime, sig: unknown): unknown {
  if (sig instanceof LispSignal) {
    try {
      sig = signalAfterHook(rt, sig);
    } catch (e) {
      return e; // the hook threw: that is what unwinds now
    }
  }
  const hook = rt.uncaughtSignalHook;
  if (hook && sig instanceof LispSignal && !signalWillBeCaught(rt, sig)) hook(sig);
  return sig;
}

/**
 * SIG once `signal-hook-function' has seen it; when the hook signals, that signal instead
 * (seen by the hook in turn). A hook that always signals would recurse for ever in GNU: here
 * the hook stops being called after 100 rounds. A throw from the hook propagates.
 */
function signalAfterHook(rt: Runtime, sig: LispSignal): LispSignal {
  for (let round = 0; round < 100; round++) {
    try {
      noticeSignal(rt, sig);
      return sig;
    } catch (e) {
      const next = asLispSignal(rt, e);
      if (!(next instanceof LispSignal)) throw e;
      sig = next;
    }
  }
  sig.hooked = true;
  return sig;
}

/**
 * GNU calls `signal-hook-function' with ERROR-SYMBOL and DATA for every signal, caught or not,
 * before any handler runs. Signals are JS exceptions here,
 * so the first catcher to see one calls the hook, before it unwinds anything: the dynamic
 * bindings of the signalling code are still in place. A signal from the hook replaces SIG.
 */
function noticeSignal(rt: Runtime, sig: LispSignal): void {
  if (sig.hooked) return;
  sig.hooked = true;
  const hook = findSymbolValue(rt, Qsignal_hook_function);
  if (hook === Qnil || hook === Qunbound) return;
  const sp = rt.sp;
  rt.push(sig.symbol);
  rt.push(sig.data);
  funcall(rt, hook, [sig.symbol, sig.data]);
  rt.sp = sp;
}

/**
 * Turn whatever was thrown into something Lisp can catch: JS stack exhaustion
 * becomes GNU's nesting error, heap exhaustion memory-full. Internal bugs pass.
 */
export function asLispSignal(rt: Runtime, e: unknown): LispSignal | LispThrow | null {
  if (e instanceof LispSignal || e instanceof LispThrow) return e;
  if (e instanceof LispStackOverflow) return nestingError(rt);
  if (e instanceof HeapExhausted) return memoryFull(rt);
  if (e instanceof RangeError) {
    const msg = e.message;
    if (msg.includes('call stack')) return nestingError(rt);
    if (msg.includes('Invalid array length') || msg.includes('Array buffer allocation')) return memoryFull(rt);
    return null;
  }
  return null;
}

const nestingError = (rt: Runtime): LispSignal => new LispSignal(Qerror, list(rt, makeString(rt, 'Lisp nesting exceeds ‘max-lisp-eval-depth’')));

/**
 * GNU's memory_full: the signal is `memory-signal-data', (error "Memory exhausted--..."), and
 * `memory-full' becomes t once the heap had to release its reserve for the handlers.
 */
function memoryFull(rt: Runtime): LispSignal {
  if (rt.heap.reserveReleased) setInternal(rt, Qmemory_full, Qt);
  const data = findSymbolValue(rt, Qmemory_signal_data);
  if (consp(data)) return new LispSignal(xcar(rt, data), xcdr(rt, data));
  return new LispSignal(Qerror, Qnil);
}

/** Signal that memory is exhausted, from code that checks a size before allocating it. */
export function signalMemoryFull(rt: Runtime): never {
  throw memoryFull(rt);
}

/** The conditions of an error symbol (its error-conditions property). */
const conditionsOf = (rt: Runtime, sym: number): number => ((sym & 7) === Lisp_Symbol ? getProp(rt, sym, Qerror_conditions) : Qnil);

function memq(rt: Runtime, x: number, l: number): boolean {
  while (consp(l)) {
    if (xcar(rt, l) === x) return true;
    l = xcdr(rt, l);
  }
  return false;
}

/** Does the handler's condition spec catch a signal with these conditions? */
function handlerMatches(rt: Runtime, spec: number, conditions: number): boolean {
  if (spec === Qt) return true;
  if ((spec & 7) === Lisp_Symbol) return memq(rt, spec, conditions);
  while (consp(spec)) {
    const s = xcar(rt, spec);
    if (s === Qt || memq(rt, s, conditions)) return true;
    spec = xcdr(rt, spec);
  }
  return false;
}

/** The Lisp value of a signal: (ERROR-SYMBOL . DATA). */
export const signalValue = (rt: Runtime, s: LispSignal): number => cons(rt, s.symbol, s.data);

/** "Invalid condition handler: X" with X printed by prin1, as GNU formats it. */
function formatInvalidHandler(rt: Runtime, clause: number): number {
  return funcall(rt, Qformat, [makeString(rt, 'Invalid condition handler: %s'), clause]);
}

function conditionCase(rt: Runtime, variable: number, bodyform: number, handlers: number): number {
  // Validate handlers first, as GNU does.
  for (let h = handlers; consp(h); h = xcdr(rt, h)) {
    const clause = xcar(rt, h);
    if (!(consp(clause) || clause === Qnil)) xsignal1(rt, Qerror, formatInvalidHandler(rt, clause));
  }
  const s = save(rt);
  rt.handlerSpecs.push(handlers);
  let val: number;
  try {
    val = evalSub(rt, bodyform);
    rt.handlerSpecs.length = s.nhandlers;
  } catch (e) {
    if (e instanceof KillEmacs) throw e;
    let sig = asLispSignal(rt, e);
    if (!(sig instanceof LispSignal)) throw e;
    sig = signalAfterHook(rt, sig);
    restore(rt, s);
    const conditions = conditionsOf(rt, sig.symbol);
    for (let h = handlers; consp(h); h = xcdr(rt, h)) {
      const clause = xcar(rt, h);
      if (!consp(clause)) continue;
      const spec = xcar(rt, clause);
      if (spec === Qsuccess) continue;
      if (handlerMatches(rt, spec, conditions)) {
        rt.nframes = s.nframes;
        const errval = signalValue(rt, sig);
        return runHandler(rt, variable, errval, xcdr(rt, clause));
      }
    }
    throw sig;
  }
  for (let h = handlers; consp(h); h = xcdr(rt, h)) {
    const clause = xcar(rt, h);
    if (consp(clause) && xcar(rt, clause) === Qsuccess) return runHandler(rt, variable, val, xcdr(rt, clause));
  }
  return val;
}

function runHandler(rt: Runtime, variable: number, value: number, body: number): number {
  if (variable === Qnil) return progn(rt, body);
  const saved = rt.lexenv;
  const count = rt.specCount;
  rt.push(saved);
  rt.push(value);
  if (saved !== Qnil) {
    rt.lexenv = cons(rt, cons(rt, variable, value), saved);
    const v = progn(rt, body);
    rt.lexenv = saved;
    return v;
  }
  specbind(rt, variable, value);
  const v = progn(rt, body);
  unbindTo(rt, count);
  return v;
}

/** Run BODY inside a catch for TAG (GNU's internal_catch). */
export function internalCatch(rt: Runtime, tag: number, body: () => number): number {
  const s = save(rt);
  rt.push(tag);
  rt.catchTags.push(tag);
  try {
    const v = body();
    rt.catchTags.length = s.ncatch;
    rt.sp = s.sp;
    return v;
  } catch (e) {
    let ex = e;
    // A signal passing through is seen by signal-hook-function here, which may throw to TAG.
    if (ex instanceof LispSignal && !ex.hooked) {
      try {
        ex = signalAfterHook(rt, ex);
      } catch (thrown) {
        ex = thrown;
      }
    }
    if (ex instanceof LispThrow && ex.tag === tag) {
      restore(rt, s);
      rt.nframes = s.nframes;
      return ex.value;
    }
    throw ex;
  }
}

/** Throw to the catch for TAG with VALUE; no-catch if none is active. */
export function throwTo(rt: Runtime, tag: number, value: number): never {
  for (let i = rt.catchTags.length - 1; i >= 0; i--) if (rt.catchTags[i] === tag) throw new LispThrow(tag, value);
  return xsignal2(rt, Qno_catch, tag, value);
}

/** Run BODY, then CLEANUP however BODY exits (unwind-protect for JS callers). */
export function unwindProtect(rt: Runtime, body: () => number, cleanup: () => void): number {
  const s = save(rt);
  let v: number;
  try {
    v = body();
  } catch (e) {
    if (e instanceof KillEmacs) throw e;
    const sig = noticeUncaught(rt, asLispSignal(rt, e) ?? e);
    restore(rt, s);
    rt.nframes = s.nframes;
    // Keep the payload alive while the cleanup runs Lisp.
    if (sig instanceof LispSignal) {
      rt.push(sig.symbol);
      rt.push(sig.data);
    } else if (sig instanceof LispThrow) {
      rt.push(sig.tag);
      rt.push(sig.value);
    }
    cleanup();
    rt.sp = s.sp;
    throw sig;
  }
  rt.push(v);
  cleanup();
  rt.sp = s.sp;
  return v;
}

// ---- special forms ------------------------------------------------------------------------------

const Fquote = DEFUN('quote', 1, UNEVALLED, 'Give ARG itself, unevaluated.\n(quote X) is usually written \'X.', (rt, args: number) => {
  if (!consp(args) || xcdr(rt, args) !== Qnil) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM('quote'), makeFixnum(listElements(rt, args).length));
  return xcar(rt, args);
});

DEFUN('function', 1, UNEVALLED, 'Give ARG unevaluated, as `quote\' does, marking it as a function.\nA lambda expression under lexical binding becomes a closure over the current environment. (function F) is usually written #\'F.', (rt, args: number) => {
  if (!consp(args) || xcdr(rt, args) !== Qnil) xsignal2(rt, Qwrong_number_of_arguments, Qfunction, makeFixnum(listElements(rt, args).length));
  const quoted = xcar(rt, args);
  if (rt.lexenv !== Qnil && consp(quoted) && xcar(rt, quoted) === Qlambda) {
    const cdr = xcdr(rt, quoted);
    // (lambda ARGS (:documentation FORM) ...) evaluates FORM for the docstring.
    if (consp(cdr) && consp(xcdr(rt, cdr))) {
      const doc = xcar(rt, xcdr(rt, cdr));
      if (consp(doc) && xcar(rt, doc) === Qdocumentation) {
        const docstr = evalSub(rt, xcar(rt, xcdr(rt, doc)));
        const body = cons(rt, docstr, xcdr(rt, xcdr(rt, cdr)));
        return cons(rt, Qclosure, cons(rt, rt.lexenv, cons(rt, xcar(rt, cdr), body)));
      }
    }
    return cons(rt, Qclosure, cons(rt, rt.lexenv, cdr));
  }
  return quoted;
});

const Fsetq = DEFUN('setq', 0, UNEVALLED, 'Assign values to variables: (setq SYM VAL SYM VAL ...).\nEach VAL is evaluated and stored in the SYM before it, from left to right; the value is the last VAL.', (rt, args: number) => {
  let val = Qnil;
  let a = args;
  let n = 0;
  while (consp(a)) {
    const sym = xcar(rt, a);
    const rest = xcdr(rt, a);
    n++;
    if (!consp(rest)) xsignal2(rt, Qwrong_number_of_arguments, Qsetq, makeFixnum(n));
    n++;
    val = evalArg(rt, xcar(rt, rest));
    if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
    const b = rt.lexenv !== Qnil && sym !== Qnil && sym !== Qt ? lexLookup(rt, rt.lexenv, sym) : Qnil;
    if (b !== Qnil) xsetcdr(rt, b, val);
    else setInternal(rt, sym, val);
    a = xcdr(rt, rest);
  }
  return val;
});

const Fif = DEFUN('if', 2, UNEVALLED, 'Evaluate COND, then THEN when COND gave non-nil, else the ELSE forms in order.\nThe value is that of the last form evaluated, or nil when COND gave nil and there are no ELSE forms.', (rt, args: number) => {
  if (!consp(args) || !consp(xcdr(rt, args))) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM('if'), makeFixnum(listElements(rt, args).length));
  const c = evalSub(rt, xcar(rt, args));
  if (c !== Qnil) return evalSub(rt, xcar(rt, xcdr(rt, args)));
  return progn(rt, xcdr(rt, xcdr(rt, args)));
});

const Fcond = DEFUN('cond', 0, UNEVALLED, 'Pick the first of CLAUSES whose condition holds and evaluate its body.\nEach clause is (CONDITION BODY...); the value is that of the body\'s last form, or of CONDITION when the body is empty, or nil when no clause applies.', (rt, args: number) => {
  let a = args;
  while (consp(a)) {
    const clause = xcar(rt, a);
    if (!consp(clause)) {
      if (clause === Qnil) {
        a = xcdr(rt, a);
        continue;
      }
      wrongTypeArgument(rt, Qlistp, clause);
    }
    const v = evalSub(rt, xcar(rt, clause));
    if (v !== Qnil) {
      const body = xcdr(rt, clause);
      return body === Qnil ? v : progn(rt, body);
    }
    a = xcdr(rt, a);
  }
  return Qnil;
});

const Fand = DEFUN('and', 0, UNEVALLED, 'Evaluate CONDITIONS from left to right, stopping at the first that gives nil.\nThe value is nil then, else the value of the last one; (and) is t.', (rt, args: number) => {
  let val = Qt;
  let a = args;
  while (consp(a)) {
    val = evalSub(rt, xcar(rt, a));
    if (val === Qnil) return Qnil;
    a = xcdr(rt, a);
  }
  return val;
});

const For = DEFUN('or', 0, UNEVALLED, 'Evaluate CONDITIONS from left to right, stopping at the first that gives non-nil, and give that value; nil if none does.', (rt, args: number) => {
  let a = args;
  while (consp(a)) {
    const val = evalSub(rt, xcar(rt, a));
    if (val !== Qnil) return val;
    a = xcdr(rt, a);
  }
  return Qnil;
});

const Fprogn = DEFUN('progn', 0, UNEVALLED, 'Evaluate the BODY forms one after another and give the value of the last.', (rt, args: number) => progn(rt, args));

DEFUN('prog1', 1, UNEVALLED, 'Evaluate FIRST, then the BODY forms, and give what FIRST gave.', (rt, args: number) => {
  if (!consp(args)) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM('prog1'), makeFixnum(0));
  const sp = rt.sp;
  const v = evalSub(rt, xcar(rt, args));
  rt.push(v);
  progn(rt, xcdr(rt, args));
  rt.sp = sp;
  return v;
});

function letBindings(rt: Runtime, varlist: number, sequential: boolean): void {
  // let*: bind one at a time; let: evaluate all, then bind.
  const lexical = rt.lexenv !== Qnil;
  if (sequential) {
    let v = varlist;
    while (consp(v)) {
      const elt = xcar(rt, v);
      let sym: number;
      let val: number;
      if ((elt & 7) === Lisp_Symbol) {
        sym = elt;
        val = Qnil;
      } else {
        if (!consp(elt)) wrongTypeArgument(rt, Qlistp, elt);
        sym = xcar(rt, elt);
        const rest = xcdr(rt, elt);
        if (consp(rest) && xcdr(rt, rest) !== Qnil) xsignal(Qerror, cons(rt, makeString(rt, '`let\' bindings can have only one value-form'), elt));
        val = consp(rest) ? evalSub(rt, xcar(rt, rest)) : Qnil;
      }
      bindOne(rt, sym, val, lexical);
      v = xcdr(rt, v);
    }
    // GNU checks the end after binding: (let* 1) and a dotted list both name the whole varlist.
    if (v !== Qnil) wrongTypeArgument(rt, Qlistp, varlist);
    return;
  }
  // let measures its varlist first, as GNU's Flength does: a circular one is circular-list,
  // a dotted one names its last cdr, and neither evaluates anything.
  let end = varlist;
  for (let n = 0; consp(end); n++) {
    if (n === 64) { // a long varlist is rare: only then pay for the cycle check
      end = forEachTail(rt, varlist, () => {});
      break;
    }
    end = xcdr(rt, end);
  }
  if (end !== Qnil) wrongTypeArgument(rt, Qlistp, end);
  const syms: number[] = [];
  const vals: number[] = [];
  let v = varlist;
  while (consp(v)) {
    const elt = xcar(rt, v);
    if ((elt & 7) === Lisp_Symbol) {
      syms.push(elt);
      vals.push(Qnil);
    } else {
      if (!consp(elt)) wrongTypeArgument(rt, Qlistp, elt);
      const rest = xcdr(rt, elt);
      if (consp(rest) && xcdr(rt, rest) !== Qnil) xsignal(Qerror, cons(rt, makeString(rt, '`let\' bindings can have only one value-form'), elt));
      const val = consp(rest) ? evalSub(rt, xcar(rt, rest)) : Qnil;
      rt.push(val);
      syms.push(xcar(rt, elt));
      vals.push(val);
    }
    v = xcdr(rt, v);
  }
  for (let i = 0; i < syms.length; i++) bindOne(rt, syms[i]!, vals[i]!, lexical);
}

function bindOne(rt: Runtime, sym: number, val: number, lexical: boolean): void {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  if (lexical && !isSpecial(rt, sym) && lexLookup(rt, rt.lexenv, sym) !== Qnil) {
    rt.lexenv = cons(rt, cons(rt, sym, val), rt.lexenv);
  } else if (lexical && !isSpecial(rt, sym) && !declaredDynamicInScope(rt, sym)) {
    if (sym === Qnil || sym === Qt || isConstantSymbol(rt, sym)) xsignal1(rt, Qsetting_constant, sym);
    rt.lexenv = cons(rt, cons(rt, sym, val), rt.lexenv);
  } else specbind(rt, sym, val);
}

/** A bare symbol in the lexical environment marks it dynamically bound (a local defvar). */
function declaredDynamicInScope(rt: Runtime, sym: number): boolean {
  let env = rt.lexenv;
  while (consp(env)) {
    if (xcar(rt, env) === sym) return true;
    env = xcdr(rt, env);
  }
  return false;
}

function letForm(rt: Runtime, args: number, sequential: boolean): number {
  if (!consp(args)) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM(sequential ? 'let*' : 'let'), makeFixnum(0));
  const count = rt.specCount;
  const saved = rt.lexenv;
  const sp = rt.sp;
  rt.push(saved);
  letBindings(rt, xcar(rt, args), sequential);
  // A lexical binding changes the interpreter environment: one specpdl entry in GNU's count.
  const envBind = rt.lexenv !== saved ? 1 : 0;
  rt.envBinds += envBind;
  const v = progn(rt, xcdr(rt, args));
  rt.envBinds -= envBind;
  rt.lexenv = saved;
  unbindTo(rt, count);
  rt.sp = sp;
  return v;
}

const Flet = DEFUN('let', 1, UNEVALLED, 'Evaluate BODY with the variables of VARLIST bound.\nEvery element of VARLIST is SYMBOL, bound to nil, or (SYMBOL VALUEFORM); all the VALUEFORMs are evaluated before any binding is made.', (rt, args: number) => letForm(rt, args, false));
const FletStar = DEFUN('let*', 1, UNEVALLED, 'Evaluate BODY with the variables of VARLIST bound one after another.\nLike `let\', except that each VALUEFORM already sees the bindings made before it.', (rt, args: number) => letForm(rt, args, true));

const Fwhile = DEFUN('while', 1, UNEVALLED, 'Run BODY again and again as long as TEST gives non-nil; the value is nil.', (rt, args: number) => {
  if (!consp(args)) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM('while'), makeFixnum(0));
  const test = xcar(rt, args);
  const body = xcdr(rt, args);
  while (evalSub(rt, test) !== Qnil) progn(rt, body);
  return Qnil;
});

DEFUN('catch', 1, UNEVALLED, 'Evaluate BODY where a `throw\' to TAG can end it.\nA throw to TAG gives its value as the value of the catch; otherwise the value is that of BODY\'s last form.', (rt, args: number) => {
  const tag = evalSub(rt, xcar(rt, args));
  return internalCatch(rt, tag, () => progn(rt, xcdr(rt, args)));
});

DEFUN('throw', 2, 2, 'Leave the innermost `catch\' for TAG, which then gives VALUE.', (rt, tag: number, value: number) => throwTo(rt, tag, value));

DEFUN('unwind-protect', 1, UNEVALLED, 'Evaluate BODYFORM, and then UNWINDFORMS however BODYFORM is left.\nThe UNWINDFORMS run even when BODYFORM exits through an error or a throw; the value is BODYFORM\'s.', (rt, args: number) => {
  const unwindforms = xcdr(rt, args);
  return unwindProtect(rt, () => evalSub(rt, xcar(rt, args)), () => {
    progn(rt, unwindforms);
  });
});

DEFUN('condition-case', 2, UNEVALLED, 'Evaluate BODYFORM, handling the errors that HANDLERS name.\nEach handler is (CONDITIONS BODY...): when an error with one of those conditions is signalled, VAR is bound to (ERROR-SYMBOL . DATA) and the handler\'s BODY gives the value. A (:success BODY...) handler runs when BODYFORM returns normally, with VAR bound to its value.', (rt, args: number) => {
  const variable = xcar(rt, args);
  if ((variable & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, variable);
  const rest = xcdr(rt, args);
  return conditionCase(rt, variable, xcar(rt, rest), xcdr(rt, rest));
});

const Qload_in_progress_ev = DEFSYM('load-in-progress');
const Qcurrent_load_list_ev = DEFSYM('current-load-list');

/**
 * Note in `current-load-list' that the file being loaded defines the variable SYM, as GNU's
 * LOADHIST_ATTACH does for defvar, defconst, defvaralias and defcustom: `load-history' and
 * `symbol-file' then know where SYM came from. (lread.ts's loadhistAttach does it for the
 * other kinds; it sits above this file.)
 */
function loadhistAttachVariable(rt: Runtime, sym: number): void {
  const loading = findSymbolValue(rt, Qload_in_progress_ev);
  if (loading === Qnil || loading === Qunbound) return;
  const list = findSymbolValue(rt, Qcurrent_load_list_ev);
  setInternal(rt, Qcurrent_load_list_ev, cons(rt, sym, list === Qunbound ? Qnil : list));
}

DEFUN('defvar', 1, UNEVALLED, 'Declare SYMBOL a special (dynamically bound) variable and give SYMBOL.\nWith INITVALUE, SYMBOL is set to it only if it had no value; DOCSTRING goes to its `variable-documentation\' property.', (rt, args: number) => {
  const sym = xcar(rt, args);
  const tail = xcdr(rt, args);
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  if (consp(tail)) {
    if (consp(xcdr(rt, tail)) && consp(xcdr(rt, xcdr(rt, tail)))) error(rt, 'Too many arguments');
    const s = indirectVariable(rt, sym);
    setSymbolFlags(rt, s, symbolFlags(rt, s) | SYM_DECLARED_SPECIAL);
    if (findSymbolValue(rt, sym) === Qunbound) {
      const v = evalSub(rt, xcar(rt, tail));
      // GNU sets the top-level default even inside a let binding.
      setDefaultToplevel(rt, sym, v);
    }
    const doc = consp(xcdr(rt, tail)) ? xcar(rt, xcdr(rt, tail)) : Qnil;
    if (doc !== Qnil) putProp(rt, sym, Qvariable_documentation, doc);
    loadhistAttachVariable(rt, sym);
  } else if (rt.lexenv !== Qnil && !isSpecial(rt, sym)) {
    // (defvar x) makes x dynamic in the rest of this scope only.
    rt.lexenv = cons(rt, sym, rt.lexenv);
  }
  return sym;
});

/** Set SYM's outermost (top-level) value, beneath any let bindings (GNU's set-default-toplevel-value). */
export function setDefaultToplevel(rt: Runtime, sym: number, value: number): void {
  const s = indirectVariable(rt, sym);
  for (let i = 0; i < rt.specCount; i += 3) {
    if (rt.specpdl[i] === s) {
      rt.specpdl[i + 1] = value;
      return;
    }
  }
  setInternal(rt, s, value);
}

/** The outermost (top-level) value of SYM, beneath any let bindings. */
export function defaultToplevelValue(rt: Runtime, sym: number): number {
  const s = indirectVariable(rt, sym);
  for (let i = 0; i < rt.specCount; i += 3) if (rt.specpdl[i] === s) return rt.specpdl[i + 1]!;
  return findSymbolValue(rt, s);
}

DEFUN('defconst', 2, UNEVALLED, 'Declare SYMBOL a special variable, set it to INITVALUE every time, and give SYMBOL.\nDOCSTRING goes to its `variable-documentation\' property.', (rt, args: number) => {
  const sym = xcar(rt, args);
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  const tail = xcdr(rt, args);
  if (consp(xcdr(rt, tail)) && consp(xcdr(rt, xcdr(rt, tail)))) error(rt, 'Too many arguments');
  const v = evalSub(rt, xcar(rt, tail));
  const s = indirectVariable(rt, sym);
  setSymbolFlags(rt, s, symbolFlags(rt, s) | SYM_DECLARED_SPECIAL);
  setDefaultToplevel(rt, sym, v);
  const doc = consp(xcdr(rt, tail)) ? xcar(rt, xcdr(rt, tail)) : Qnil;
  if (doc !== Qnil) putProp(rt, sym, Qvariable_documentation, doc);
  putProp(rt, sym, Qrisky_local_variable, Qt);
  loadhistAttachVariable(rt, sym);
  return sym;
});

DEFUN('interactive', 0, UNEVALLED, 'Mark the function whose body begins with it as a command and say how its arguments are read; evaluated by itself, it gives nil.', () => Qnil);

// ---- function-calling primitives -------------------------------------------------------------

DEFUN('funcall', 1, MANY, 'Call the function FUNCTION with the remaining arguments.', (rt, args: number[]) =>
  funcall(rt, args[0]!, args.slice(1)),
);

DEFUN('apply', 1, MANY, 'Call FUNCTION with the arguments given, the last of which is a list spread into separate arguments.', (rt, args: number[]) => {
  if (args.length === 1) {
    const l = args[0]!;
    if (!consp(l) && l !== Qnil) wrongTypeArgument(rt, Qlistp, l);
    return applyList(rt, consp(l) ? xcar(rt, l) : Qnil, consp(l) ? xcdr(rt, l) : Qnil);
  }
  return funcall(rt, args[0]!, listElements(rt, args[args.length - 1]!, args.slice(1, -1)));
});

DEFUN('eval', 1, 2, 'Evaluate FORM and give its value.\nLEXICAL t means lexical scoping; an alist gives the lexical environment to start from; nil means dynamic scoping.', (rt, form: number, lexical: number) =>
  evalTop(rt, form, lexical),
);

DEFUN('signal', 2, 2, 'Signal the error ERROR-SYMBOL with DATA, a list of details; handlers get (ERROR-SYMBOL . DATA).', (rt, sym: number, data: number) => {
  if (sym === Qnil && consp(data)) return xsignal(xcar(rt, data), xcdr(rt, data));
  if (sym === Qnil) xsignal(Qerror, Qnil);
  return xsignal(sym, data);
});

DEFUN('functionp', 1, 1, 'Tell whether OBJECT can be called as a function with `funcall\'.', (rt, object: number) => (functionp(rt, object) ? Qt : Qnil));

DEFUN('special-form-p', 1, 1, 'Tell whether OBJECT is a special form or a symbol naming one.', (rt, object: number) => {
  let f = object;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  return isSubr(rt, f) && fixnumValue(aref(rt, f, SUBR_MAX_ARGS)) === UNEVALLED ? Qt : Qnil;
});

DEFUN('macrop', 1, 1, 'Tell whether OBJECT is a macro or a symbol naming one (an autoloaded macro counts).', (rt, object: number) => {
  let f = object;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  return consp(f) && (xcar(rt, f) === Qmacro || (xcar(rt, f) === Qautoload && autoloadIsMacro(rt, f))) ? Qt : Qnil;
});

/** (autoload FILE DOC INTERACTIVE TYPE): TYPE is macro or t. Looks no further than TYPE, so any list will do. */
function autoloadIsMacro(rt: Runtime, f: number): boolean {
  let l = f;
  for (let i = 0; i < 4 && consp(l); i++) l = xcdr(rt, l);
  return consp(l) && (xcar(rt, l) === Qmacro || xcar(rt, l) === Qt);
}

DEFUN('commandp', 1, 2, 'Tell whether FUNCTION can be called as a command, because it has an interactive form.', (rt, fn: number) => {
  let f = fn;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  if (consp(f)) {
    const head = xcar(rt, f);
    let body = head === Qclosure ? xcdr(rt, xcdr(rt, xcdr(rt, f))) : head === Qlambda ? xcdr(rt, xcdr(rt, f)) : Qnil;
    if (consp(body) && stringp(xcar(rt, body))) body = xcdr(rt, body);
    if (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qinteractive) return Qt;
  }
  return Qnil;
});

DEFUN('autoload', 2, 5, 'Make FUNCTION a placeholder that loads FILE when first needed.\nDOCSTRING, INTERACTIVE and TYPE (nil for a function, `macro\' or `keymap\') describe it until then. Does nothing when FUNCTION is already defined.', (rt, fn: number, file: number, doc: number, interactive: number, type: number) => {
  if ((fn & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, fn);
  const cur = symbolFunction(rt, fn);
  if (cur !== Qnil && !(consp(cur) && xcar(rt, cur) === Qautoload)) return Qnil;
  setSymbolFunction(rt, fn, list(rt, Qautoload, file, doc, interactive, type));
  return Qnil;
});

DEFUN('autoload-do-load', 1, 3, 'Load the file named by FUNDEF when FUNDEF is an autoload object, and give FUNNAME\'s definition after that (nil without FUNNAME).', (rt, fundef: number, funname: number) => {
  if (!(consp(fundef) && xcar(rt, fundef) === Qautoload)) return fundef;
  autoloadDo(rt, fundef, funname);
  return funname === Qnil ? Qnil : indirectFunction(rt, funname);
});

DEFUN('defvaralias', 2, 3, 'Make NEW-ALIAS another name for the variable BASE-VARIABLE; DOCSTRING documents the alias.', (rt, alias: number, base: number, doc: number) => {
  if ((alias & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, alias);
  if ((base & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, base);
  if (isConstantSymbol(rt, alias)) error(rt, 'Cannot make a constant an alias');
  if (indirectVariable(rt, base) === alias) xsignal1(rt, DEFSYM('cyclic-variable-indirection'), base);
  const flags = symbolFlags(rt, alias);
  if ((flags & SYM_REDIRECT_MASK) === SYM_PLAINVAL && symbolRawValue(rt, alias) !== Qunbound && findSymbolValue(rt, base) === Qunbound)
    setInternal(rt, base, symbolRawValue(rt, alias));
  setSymbolFlags(rt, alias, ((flags & ~SYM_REDIRECT_MASK) | SYM_VARALIAS | SYM_DECLARED_SPECIAL));
  setSymbolFlags(rt, base, symbolFlags(rt, base) | SYM_DECLARED_SPECIAL);
  setSymbolRawValue(rt, alias, base);
  putProp(rt, alias, Qvariable_documentation, doc);
  loadhistAttachVariable(rt, alias);
  return base;
});

DEFUN('internal--define-uninitialized-variable', 1, 2, 'Declare SYMBOL a special variable without giving it a value; DOC goes to its documentation.', (rt, sym: number, doc: number) => {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  setSymbolFlags(rt, sym, symbolFlags(rt, sym) | SYM_DECLARED_SPECIAL);
  if (doc !== Qnil) putProp(rt, sym, Qvariable_documentation, doc);
  loadhistAttachVariable(rt, sym);
  return Qnil;
});

DEFUN('special-variable-p', 1, 1, 'Tell whether SYMBOL has been declared a special, dynamically bound variable.', (rt, sym: number) => {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  return isSpecial(rt, sym) ? Qt : Qnil;
});

DEFUN('default-toplevel-value', 1, 1, 'Give SYMBOL\'s default value as it is outside every `let\' binding.', (rt, sym: number) => {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  const v = defaultToplevelValue(rt, sym);
  if (v === Qunbound) xsignal1(rt, Qvoid_variable, sym);
  return v;
});

DEFUN('set-default-toplevel-value', 2, 2, 'Set SYMBOL\'s default value outside every `let\' binding to VALUE.', (rt, sym: number, value: number) => {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  setDefaultToplevel(rt, sym, value);
  return Qnil;
});

DEFUN('internal-make-var-non-special', 1, 1, 'Undo the special declaration of SYMBOL (an internal helper).', (rt, sym: number) => {
  setSymbolFlags(rt, sym, symbolFlags(rt, sym) & ~SYM_DECLARED_SPECIAL);
  return Qnil;
});

// ---- macros ------------------------------------------------------------------------------------------

/** Expand FORM once if it is a macro call; returns the form itself otherwise (GNU's macroexpand-1 step). */
export function macroexpand1(rt: Runtime, form: number, environment: number): number {
  if (!consp(form)) return form;
  const head = xcar(rt, form);
  if ((head & 7) !== Lisp_Symbol || head === Qnil) return form;
  // The environment's (NAME . EXPANDER) overrides the global definition; (NAME) means not a macro.
  const hit = forEachTail(rt, environment, (e) => {
    const b = xcar(rt, e);
    return consp(b) && xcar(rt, b) === head;
  });
  const local = consp(hit);
  const def = local ? xcdr(rt, xcar(rt, hit)) : Qnil;
  let expander: number;
  if (local) {
    if (def === Qnil) return form;
    expander = def;
  } else {
    let f = head;
    for (let i = 0; (f & 7) === Lisp_Symbol && f !== Qnil; i++) {
      // Stop at a symbol the environment overrides.
      f = symbolFunction(rt, f);
      if (i > 1000) xsignal1(rt, Qcyclic_function_indirection, head);
    }
    if (consp(f) && xcar(rt, f) === Qautoload && autoloadIsMacro(rt, f)) {
      autoloadDo(rt, f, head);
      f = indirectFunction(rt, head);
    }
    if (!consp(f) || xcar(rt, f) !== Qmacro) return form;
    expander = xcdr(rt, f);
  }
  const sp = rt.sp;
  rt.push(form);
  const v = funcall(rt, expander, listElements(rt, xcdr(rt, form)));
  rt.sp = sp;
  return v;
}

DEFUN('macroexpand', 1, 2, 'Expand FORM as long as its head is a macro, and give the result.\nENVIRONMENT is an alist of (NAME . EXPANDER) entries that override global macros; an entry with a nil expander hides a macro. Subforms are not expanded.', (rt, form: number, env: number) => {
  const sp = rt.sp;
  for (;;) {
    rt.push(form);
    const next = macroexpand1(rt, form, env);
    if (next === form) break;
    form = next;
  }
  rt.sp = sp;
  return form;
});

// ---- misc eval.c primitives -------------------------------------------------------------------------

DEFUN('run-hooks', 0, MANY, 'Call the functions of each hook variable in HOOKS, with no arguments.', (rt, hooks: number[]) => {
  for (const h of hooks) runHookWithArgs(rt, h, [], null);
  return Qnil;
});

DEFUN('run-hook-with-args', 1, MANY, 'Call each function of the hook variable HOOK with ARGS; the value is nil.', (rt, args: number[]) => {
  runHookWithArgs(rt, args[0]!, args.slice(1), null);
  return Qnil;
});

DEFUN('run-hook-with-args-until-success', 1, MANY, 'Call the functions of HOOK with ARGS one by one until one gives non-nil, and give that value.', (rt, args: number[]) => {
  const v = runHookWithArgs(rt, args[0]!, args.slice(1), (x) => x !== Qnil);
  return v === Qunbound ? Qnil : v;
});

DEFUN('run-hook-with-args-until-failure', 1, MANY, 'Call the functions of HOOK with ARGS one by one until one gives nil; then give nil, otherwise non-nil.', (rt, args: number[]) =>
  runHookWithArgs(rt, args[0]!, args.slice(1), (x) => x === Qnil) === Qunbound ? Qt : Qnil,
);

/**
 * Call each function of HOOK's value with ARGS (a `t` element runs the global
 * value's functions). With STOP, return the first value it accepts, or
 * Qunbound if none did; without, return nil.
 */
export function runHookWithArgs(rt: Runtime, hook: number, args: number[], stop: ((v: number) => boolean) | null): number {
  const value = findSymbolValue(rt, hook);
  if (value === Qunbound || value === Qnil) return stop ? Qunbound : Qnil;
  const sp = rt.sp;
  rt.push(value);
  const fns: number[] = [];
  if (consp(value) && xcar(rt, value) !== Qlambda && xcar(rt, value) !== Qclosure) {
    for (let l = value; consp(l); l = xcdr(rt, l)) {
      const f = xcar(rt, l);
      if (f === Qt) {
        const global = defaultToplevelValue(rt, hook);
        for (let g = global; consp(g); g = xcdr(rt, g)) if (xcar(rt, g) !== Qt) fns.push(xcar(rt, g));
      } else fns.push(f);
    }
  } else fns.push(value);
  let result = stop ? Qunbound : Qnil;
  for (const f of fns) {
    const v = funcall(rt, f, args);
    if (stop && stop(v)) {
      result = v;
      break;
    }
  }
  rt.sp = sp;
  return result;
}

DEFUN('backtrace-frame--internal', 3, 3, 'Call FUNCTION with the details (EVALD FUNC ARGS FLAGS) of the frame NFRAMES out from BASE\'s innermost frame.',
  (rt, fn: number, nframes: number, base: number) => {
    if (!isFixnum(nframes) || fixnumValue(nframes) < 0) wrongTypeArgument(rt, DEFSYM('wholenump'), nframes);
    let i = frameStartingAt(rt, base, rt.nframes - 1);
    if (i < 0) return Qnil;
    i -= fixnumValue(nframes);
    return i >= 0 ? applyToFrame(rt, fn, i) : Qnil;
  });

DEFUN('mapbacktrace', 1, 2, 'Call FUNCTION with the details (EVALD FUNC ARGS FLAGS) of each active frame, innermost first, starting from BASE\'s innermost frame (by default that of `mapbacktrace\' itself).',
  (rt, fn: number, base: number) => {
    const top = rt.nframes - 1;
    for (let i = frameStartingAt(rt, base === Qnil ? Qmapbacktrace : base, top); i >= 0; i--) applyToFrame(rt, fn, i);
    return Qnil;
  });

DEFUN('garbage-collect-maybe', 1, 1, 'Collect garbage when enough has been allocated since the last collection.', (rt, factor: number) => {
  if (!isFixnum(factor) || fixnumValue(factor) <= 0) wrongTypeArgument(rt, DEFSYM('wholenump'), factor);
  if (rt.heap.bytesSinceGC * fixnumValue(factor) > 800000) {
    collectGarbage(rt);
    return Qt;
  }
  return Qnil;
});

DEFUN('func-arity', 1, 1, 'Give the numbers of arguments FUNCTION accepts, as (MIN . MAX); MAX is `many\' or `unevalled\' when there is no fixed limit.', (rt, fn: number) => {
  let f = fn;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  if (f === Qnil) xsignal1(rt, Qvoid_function, fn);
  if (isSubr(rt, f)) return subrArity(rt, f);
  if (consp(f) && xcar(rt, f) === Qmacro) f = xcdr(rt, f);
  if (consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure)) {
    let params = xcar(rt, xcdr(rt, f));
    if (xcar(rt, f) === Qclosure) params = xcar(rt, xcdr(rt, xcdr(rt, f)));
    let min = 0;
    let max = 0;
    let opt = false;
    for (let p = params; consp(p); p = xcdr(rt, p)) {
      const s = xcar(rt, p);
      if (s === Qand_rest) return cons(rt, makeFixnum(min), Qmany);
      if (s === Qand_optional) opt = true;
      else {
        if (!opt) min++;
        max++;
      }
    }
    return cons(rt, makeFixnum(min), makeFixnum(max));
  }
  return xsignal1(rt, Qinvalid_function, fn);
});


DEFUN('interactive-form', 1, 1, 'Give the interactive form of the command CMD, or nil when it is not a command.', (rt, cmd: number) => {
  let f = cmd;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) f = indirectFunction(rt, f);
  if (isSubr(rt, f)) {
    const spec = PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]!.intspec;
    return spec === undefined ? Qnil : list(rt, Qinteractive, makeString(rt, spec));
  }
  if (consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure)) {
    let body = xcar(rt, f) === Qclosure ? xcdr(rt, xcdr(rt, xcdr(rt, f))) : xcdr(rt, xcdr(rt, f));
    // Skip the docstring (or a :documentation form) and declarations.
    if (consp(body) && (stringp(xcar(rt, body)) || (consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qdocumentation)) && consp(xcdr(rt, body)))
      body = xcdr(rt, body);
    while (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qdeclare) body = xcdr(rt, body);
    if (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qinteractive) return xcar(rt, body);
  }
  return Qnil;
});

// `error' and `user-error' are Lisp in GNU's subr.el, but natively compiled there:
// as primitives they leave the same backtrace (no `signal' frame of their own).
const Qformat_message = DEFSYM('format-message');
const Quser_error_sym = DEFSYM('user-error');

DEFUN('error', 0, MANY, 'Signal an `error\' whose message is made by `format-message\' from ARGS.', (rt, args: number[]) => {
  const msg = funcall(rt, Qformat_message, args);
  return xsignal(Qerror, list(rt, msg));
});

DEFUN('user-error', 1, MANY, 'Signal a `user-error\', an error caused by the user rather than by a bug, whose message is made by `format-message\' from FORMAT and ARGS.', (rt, args: number[]) => {
  const msg = funcall(rt, Qformat_message, args);
  return xsignal(Quser_error_sym, list(rt, msg));
});
