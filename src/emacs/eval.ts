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
  BUF_LOCAL_VAR_ALIST, MANY, PVEC_COMPILED, PVEC_NORMAL_VECTOR, PVEC_SUBR, SUBR_INDEX, SUBR_MAX_ARGS, SUBR_NAME, SUBR_MIN_ARGS, SYM_DECLARED_SPECIAL,
  SYM_FLAGS, SYM_LOCALIZED, SYM_NOWRITE, SYM_PLAINVAL, SYM_VALUE, SYM_REDIRECT_MASK, SYM_TRAPPED_MASK, SYM_TRAPPED_SHIFT, SYM_TRAPWRITE, SYM_FWD_MASK, SYM_FWD_SHIFT, SYM_FWD_BOOL, SYM_VARALIAS, SYM_INTERNED_MASK, SYM_INTERNED_SHIFT, SYM_INTERNED_IN_INITIAL_OBARRAY,
  UNEVALLED, SYM_FUNCTION, PVEC_TYPE_SHIFT,
} from '../heap/layout.ts';
import {
  Lisp_Cons, Lisp_Symbol, Lisp_Vectorlike, MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM, fixnumValue, isFixnum, makeFixnum,
} from '../heap/tags.ts';
import {
  aref, aset, bignump, pvecSize, bignumValue, cons, consp, isPvec, makeSafeInteger, safeIntegerValue, symIndex, getProp, list, makeString, TailWalker, pvecType, putProp, setSymbolFlags,
  setSymbolRawValue, stringp, symbolFlags, symbolName, sbytes, sdata, symbolFunction, symbolRawValue, xcar, xcdr, xsetcdr,
} from '../core/object.ts';
import { DEFGLOBAL, MAX_FRAMES, type Runtime } from '../core/runtime.ts';
import { JsStackExhausted, KillEmacs, LispSignal, LispThrow, checkJsStack, error, wrongTypeArgument, xsignal, xsignal1, xsignal2 } from '../core/signal.ts';
import {
  DEFSYM, Qand_optional, Qand_rest, Qautoload, Qcircular_list, Qclosure, Qcyclic_function_indirection, Qerror, Qerror_conditions,
  Qfunction, Qinteractive, Qinvalid_function, Qlambda, Qlistp, Qmacro, Qmemory_full, Qnil, Qno_catch,
  Qsetting_constant, Qsymbolp, Qt, Qunbound, Qvariable_documentation, Qvoid_function, Qvoid_variable,
  Qwrong_number_of_arguments, Qquit, Qintegerp, Qoverflow_error, Qlexical_binding,
} from '../core/symbols.ts';
import { DEFUN, DEFVAR, PRIMITIVES } from '../core/subr.ts';

const Qmax_lisp_eval_depth = DEFVAR('max-lisp-eval-depth', () => makeFixnum(1600), 'How deeply calls of `eval\', `apply\' and `funcall\' may nest before an error is signalled.');
const Qmax_specpdl_size = DEFVAR('max-specpdl-size', () => makeFixnum(2500), 'How many variable bindings and unwind-protect forms may be active at once before an error is signalled.');
const Qdebug_on_error = DEFVAR('debug-on-error', () => Qnil, 'When non-nil, an error that is signalled enters the debugger.\nt means every error; a list means the errors with one of its conditions.');
const Qdebug_on_signal = DEFVAR('debug-on-signal', () => Qnil, 'When non-nil, the debugger is entered when an error is signalled even if a handler will catch it.');
const Qdebug_on_quit = DEFVAR('debug-on-quit', () => Qnil, 'When non-nil, a quit enters the debugger.');
// GNU's initial list: the errors of ordinary editing (moving past an end, a read-only buffer...).
const IGNORED_BY_DEFAULT = [
  DEFSYM('beginning-of-line'), DEFSYM('beginning-of-buffer'), DEFSYM('end-of-line'), DEFSYM('end-of-buffer'),
  DEFSYM('end-of-file'), DEFSYM('buffer-read-only'), DEFSYM('file-supersession'), DEFSYM('mark-inactive'),
  DEFSYM('user-error'),
];
const Qdebug_ignored_errors = DEFVAR('debug-ignored-errors', (rt) => list(rt, ...IGNORED_BY_DEFAULT), 'Errors, by condition symbol or message regexp, that never enter the debugger.');
const Qinhibit_debugger = DEFVAR('inhibit-debugger', () => Qnil, 'When non-nil, errors never enter the debugger; it is bound to t while the debugger runs.');
const Qdebugger_may_continue = DEFVAR('debugger-may-continue', () => Qt, 'Non-nil while the debugger runs means that returning from it lets the program go on.');
const Qdebug_on_next_call = DEFVAR('debug-on-next-call', () => Qnil, 'Non-nil makes the next form evaluated or function called enter the debugger, and again when it returns; it is then cleared.');
// GNU checks it when a message is logged in the echo area; batch messages go straight to
// standard error, so in batch (tsmacs always is) no message ever enters the debugger.
DEFVAR('debug-on-message', () => Qnil, 'A regexp: a message matching it enters the debugger (never in batch mode, where messages are not logged).');
const Qnum_nonmacro_input_events = DEFVAR('num-nonmacro-input-events', () => makeFixnum(0), 'How many input events have been read, not counting those of keyboard macros; batch Emacs reads none.');
const Qbacktrace_on_error_noninteractive = DEFVAR('backtrace-on-error-noninteractive', () => Qt, 'When non-nil, an error nothing handles in batch mode prints a backtrace before Emacs exits.');
const Qdebug = DEFSYM('debug');
const Qerror_message_string = DEFSYM('error-message-string');
const Qstring_match_p = DEFSYM('string-match-p');
const Qmemory_signal_data = DEFSYM('memory-signal-data');
const Qmany = DEFSYM('many');
const Qmapbacktrace = DEFSYM('mapbacktrace');
const Qunevalled = DEFSYM('unevalled');
const Qdebugger = DEFVAR('debugger', () => Qdebug, 'The function that is called to enter the debugger.');
DEFVAR('inhibit-quit', () => Qnil, 'When non-nil, a quit request is held back instead of acted on at once.');
DEFVAR('quit-flag', () => Qnil, 'Set when a quit has been requested; evaluation stops at the next check unless `inhibit-quit\' is non-nil.');
const Qsignal_hook_function = DEFVAR('signal-hook-function', () => Qnil, 'When non-nil, a function called with the error symbol and data each time an error is signalled.');
DEFVAR('macroexp--dynvars', () => Qnil, 'The variables declared dynamically bound in the scope being macroexpanded.');
DEFVAR('internal-interpreter-environment', () => Qnil, 'The interpreter\'s lexical environment; tsmacs keeps it inside the runtime instead.');
DEFVAR('lexical-binding', () => Qnil, 'Non-nil means code is evaluated with lexical scoping rather than dynamic scoping.');
DEFVAR('debugger-stack-frame-as-list', () => Qnil, 'Non-nil means the debugger shows each frame as a list, (FUNCTION ARGS...).');
DEFVAR('internal-when-entered-debugger', () => makeFixnum(-1), 'The number of keys read when the debugger was last entered, or -1.');
DEFVAR('attempt-stack-overflow-recovery', () => Qt, 'Non-nil means a C stack overflow is turned into an error when it can be.');
DEFVAR('attempt-orderly-shutdown-on-fatal-signal', () => Qt, 'Non-nil means a fatal signal first tries to save buffers and run `kill-emacs-hook\'.');

const Qsetq = DEFSYM('setq');
const Qformat = DEFSYM('format');
const Qload_history = DEFSYM('load-history');
const Qdeclare = DEFSYM('declare');
const Qinteractive_form = DEFSYM('interactive-form');
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
  return localizedValue(rt, sym, rt.globals[G_CURRENT_BUFFER]!);
}

/** The value of SYM; signals void-variable. */
export function symbolValue(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  if (v === Qunbound) xsignal1(rt, Qvoid_variable, sym);
  return v;
}

// ---- buffer-local values -------------------------------------------------------------------
//
// A localized symbol (SYM_LOCALIZED) has in its value word its buffer-local-value record, two
// conses: (DEFCELL . FLAGS), DEFCELL = (SYMBOL . DEFAULT-VALUE) and FLAGS a fixnum of BLV_* bits.
// Each buffer's BUF_LOCAL_VAR_ALIST holds that buffer's own (SYMBOL . VALUE) cells, newest
// first; a void local binding holds Qunbound. A value is the current buffer's cell, else the
// default: no cache, so no state can go stale when buffers switch, die or are dumped. Plain
// variables never come here, so the evaluator's fast paths are untouched.

/** The current buffer's global (buffer.ts declares it; that file sits above this one). */
const G_CURRENT_BUFFER = DEFGLOBAL('current-buffer');

/** make-variable-buffer-local: setting the variable makes it local in the current buffer. */
export const BLV_LOCAL_IF_SET = 1;
/** A built-in per-buffer variable every buffer has its own binding of (GNU's slots of index -1). */
export const BLV_ALWAYS_LOCAL = 2;
/** Bits 2..9: a built-in per-buffer variable's number + 1 in PER_BUFFER_CHECKS (0 for others). */
export const BLV_BUILTIN_SHIFT = 2;
/** Bits 10..15: the BUF_* slot + 1 that holds the value in every buffer instead of the alist. */
export const BLV_FWD_SHIFT = 10;

/**
 * The type check of each built-in per-buffer variable, by number (buffer-locals.ts fills it at
 * module load: the same for every world): GNU refuses a non-nil value that fails PRED.
 */
export const PER_BUFFER_CHECKS: ({ pred: number; test: (rt: Runtime, v: number) => boolean } | null)[] = [];

export const currentBufferObject = (rt: Runtime): number => rt.globals[G_CURRENT_BUFFER]!;
/** The BLV_* bits of the localized SYM. */
export const blvFlags = (rt: Runtime, sym: number): number => xcdr(rt, symbolRawValue(rt, sym)) >> 2;
/** The localized SYM's (SYM . DEFAULT) cell. */
export const blvDefcell = (rt: Runtime, sym: number): number => xcar(rt, symbolRawValue(rt, sym));
export const isLocalized = (rt: Runtime, sym: number): boolean => (symbolFlags(rt, sym) & SYM_REDIRECT_MASK) === SYM_LOCALIZED;

/**
 * SYM's (SYM . VALUE) cell in BUF's local bindings, or nil. The answer is kept in rt.localCache
 * until any buffer's bindings change (setLocalBindings): a search loop reads `case-fold-search',
 * local in no buffer, on every call, and each read walked all of the buffer's 20-odd built-in
 * cells (1.2 million steps in buffer-search.el, three JS calls a step while V8 ran them cold).
 * The collector does not move objects, and a binding cell dies only after leaving its list.
 */
export function localCell(rt: Runtime, sym: number, buf: number): number {
  if (buf === Qnil) return Qnil;
  const lc = rt.localCache;
  const i = (Math.imul(buf ^ (sym << 7), 0x9e3779b1) >>> 24) << 2;
  const epoch = rt.localsEpoch;
  if (lc[i + 3] === epoch && lc[i] === buf && lc[i + 1] === sym) return lc[i + 2]!;
  const m = rt.i32;
  let c = Qnil;
  for (let l = aref(rt, buf, BUF_LOCAL_VAR_ALIST); (l & 7) === Lisp_Cons; l = m[((l & -8) >>> 2) + 1]!) {
    const cell = m[(l & -8) >>> 2]!;
    if (m[(cell & -8) >>> 2] === sym) {
      c = cell;
      break;
    }
  }
  lc[i] = buf;
  lc[i + 1] = sym;
  lc[i + 2] = c;
  lc[i + 3] = epoch;
  return c;
}

/** Set BUF's list of local bindings to ALIST: every change to such a list goes through here or calls localBindingsChanged. */
export function setLocalBindings(rt: Runtime, buf: number, alist: number): void {
  aset(rt, buf, BUF_LOCAL_VAR_ALIST, alist);
  localBindingsChanged(rt);
}

/** Some buffer's list of local bindings changed: localCell's answers are old. */
export function localBindingsChanged(rt: Runtime): void {
  rt.localsEpoch = (rt.localsEpoch + 1) & 0x3fffffff;
}

/** Whether the localized SYM has a binding of its own in BUF. */
export function hasLocalBinding(rt: Runtime, sym: number, buf: number): boolean {
  if (buf === Qnil) return false;
  if ((blvFlags(rt, sym) >>> BLV_FWD_SHIFT) !== 0) return true;
  return localCell(rt, sym, buf) !== Qnil;
}

/** The localized SYM's value in BUF: BUF's binding, else the default. */
export function localizedValue(rt: Runtime, sym: number, buf: number): number {
  const blv = symbolRawValue(rt, sym);
  if (buf !== Qnil) {
    const fwd = (xcdr(rt, blv) >> 2) >>> BLV_FWD_SHIFT;
    if (fwd !== 0) return aref(rt, buf, fwd - 1);
    const c = localCell(rt, sym, buf);
    if (c !== Qnil) return xcdr(rt, c);
  }
  return xcdr(rt, xcar(rt, blv));
}

/** Make SYM (not an alias) localized, its current value becoming the default; FLAGS are added. */
export function localize(rt: Runtime, sym: number, flags: number): void {
  const f = symbolFlags(rt, sym);
  if ((f & SYM_REDIRECT_MASK) === SYM_LOCALIZED) {
    const blv = symbolRawValue(rt, sym);
    xsetcdr(rt, blv, makeFixnum((xcdr(rt, blv) >> 2) | flags));
    return;
  }
  setSymbolRawValue(rt, sym, cons(rt, cons(rt, sym, symbolRawValue(rt, sym)), makeFixnum(flags)));
  setSymbolFlags(rt, sym, (f & ~SYM_REDIRECT_MASK) | SYM_LOCALIZED);
}

/** The default value of SYM (the one where no buffer has its own), or Qunbound. */
export function defaultValue(rt: Runtime, sym: number): number {
  const s = indirectVariable(rt, sym);
  return (symbolFlags(rt, s) & SYM_REDIRECT_MASK) === SYM_LOCALIZED ? xcdr(rt, blvDefcell(rt, s)) : symbolRawValue(rt, s);
}

/** Whether SYM would be local in BUF once set (GNU's local-variable-if-set-p). */
export function localIfSetIn(rt: Runtime, sym: number, buf: number): boolean {
  const s = indirectVariable(rt, sym);
  if ((symbolFlags(rt, s) & SYM_REDIRECT_MASK) !== SYM_LOCALIZED) return false;
  return (blvFlags(rt, s) & BLV_LOCAL_IF_SET) !== 0 || hasLocalBinding(rt, s, buf);
}

// ---- variable watchers ---------------------------------------------------------------------

const Qwatchers = DEFSYM('watchers');
const Qlet = DEFSYM('let');
const Qunlet = DEFSYM('unlet');
const Qset = DEFSYM('set');
const Qmakunbound = DEFSYM('makunbound');
const Qdefvaralias = DEFSYM('defvaralias');

/**
 * Call SYM's watchers (its `watchers' property, in order) with SYM, NEWVAL, OP and WHERE, before
 * the change is made, as GNU. WHERE nil becomes the current buffer when SYM is buffer-local
 * there (or local when set), except for makunbound and set-default (passed as OP nil, which
 * the watchers see as `set'). While they run SYM is untrapped, so they may set it themselves.
 */
export function notifyWatchers(rt: Runtime, sym: number, newval: number, op: number, where: number): void {
  const fns = getProp(rt, sym, Qwatchers);
  if (!consp(fns) || rt.exiting) return;
  if (where === Qnil && op !== Qnil && op !== Qmakunbound) {
    const buf = rt.globals[G_CURRENT_BUFFER]!;
    if (buf !== Qnil && localIfSetIn(rt, sym, buf)) where = buf;
  }
  if (op === Qnil) op = Qset;
  const sp = rt.sp;
  rt.push(fns);
  rt.push(newval);
  rt.push(where);
  const flags = symbolFlags(rt, sym);
  setSymbolFlags(rt, sym, flags & ~SYM_TRAPPED_MASK);
  try {
    for (let l = fns; consp(l); l = xcdr(rt, l)) funcall(rt, xcar(rt, l), [sym, newval, op, where]);
  } finally {
    setSymbolFlags(rt, sym, (symbolFlags(rt, sym) & ~SYM_TRAPPED_MASK) | (flags & SYM_TRAPPED_MASK));
    rt.sp = sp;
  }
}

// ---- setting -------------------------------------------------------------------------------

/** How a value is being stored: as GNU's set_internal's bindflag. */
export const SET_INTERNAL_SET = 0;
export const SET_INTERNAL_BIND = 1;
export const SET_INTERNAL_UNBIND = 2;

/** Flags that send a store down the general path: aliases, localized or typed variables, constants, watched ones. */
const SLOW_SET_MASK = SYM_REDIRECT_MASK | SYM_TRAPPED_MASK | SYM_FWD_MASK;

/**
 * VALUE as the built-in variable S (of a C int or bool in GNU) stores it: any non-nil value
 * becomes t for a boolean, an integer variable refuses anything but an integer that fits in 64
 * bits. Voiding one (makunbound) leaves an ordinary void variable, untyped from then on, as GNU's.
 */
function forwardedValue(rt: Runtime, s: number, value: number, bindflag: number): number {
  const kind = (symbolFlags(rt, s) & SYM_FWD_MASK) >> SYM_FWD_SHIFT;
  if (value === Qunbound) {
    if (bindflag === SET_INTERNAL_SET) setSymbolFlags(rt, s, symbolFlags(rt, s) & ~SYM_FWD_MASK);
    return value;
  }
  if (kind === SYM_FWD_BOOL) return value === Qnil ? Qnil : Qt;
  if (isFixnum(value)) return value;
  if (!bignump(rt, value)) return wrongTypeArgument(rt, Qintegerp, value);
  const n = bignumValue(rt, value);
  if (n < -(2n ** 63n) || n >= 2n ** 63n) xsignal1(rt, Qoverflow_error, value);
  return value;
}

/** Set SYM's value, refusing constants (GNU's set_internal). */
export function setInternal(rt: Runtime, sym: number, value: number): void {
  const flags = symbolFlags(rt, sym);
  if ((flags & SLOW_SET_MASK) === 0) setSymbolRawValue(rt, sym, value);
  else if ((flags & SLOW_SET_MASK) !== SYM_LOCALIZED || !setOwnLocal(rt, sym, value)) setVar(rt, sym, value, Qnil, SET_INTERNAL_SET);
}

/**
 * setVar's store into the current buffer's own binding of the localized SYM (no alias, watcher or
 * type), done directly when that binding exists and SYM is not a per-buffer variable of GNU's
 * (whose values are checked or live in the buffer's slots); false to take setVar's path. Every
 * insertion sets `deactivate-mark' so: setVar's walk through the alias and flag checks was a
 * good part of an insertion's calls before V8 optimised them.
 */
function setOwnLocal(rt: Runtime, sym: number, value: number): boolean {
  const blv = symbolRawValue(rt, sym);
  const bf = xcdr(rt, blv) >> 2;
  if (((bf >>> BLV_BUILTIN_SHIFT) & 0xff) !== 0 || (bf >>> BLV_FWD_SHIFT) !== 0) return false;
  const c = localCell(rt, sym, rt.globals[G_CURRENT_BUFFER]!);
  if (c === Qnil) return false;
  xsetcdr(rt, c, value);
  return true;
}

/**
 * The general store (GNU's set_internal): through aliases, refusing constants, telling
 * watchers, into the binding that is current in WHERE (nil: the current buffer). Setting a
 * local-when-set variable that has no binding there makes one, unless a `let' of its default
 * value is in force in that buffer.
 */
export function setVar(rt: Runtime, sym: number, value: number, where: number, bindflag: number): void {
  const s = indirectVariable(rt, sym);
  const flags = symbolFlags(rt, s);
  const trapped = (flags & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT;
  if (trapped === SYM_NOWRITE && bindflag !== SET_INTERNAL_UNBIND) {
    // A keyword may be "set" to itself.
    if (value === s && isKeyword(rt, s)) return;
    xsignal1(rt, Qsetting_constant, sym);
  }
  if (trapped === SYM_TRAPWRITE) {
    const op = bindflag === SET_INTERNAL_BIND ? Qlet : bindflag === SET_INTERNAL_UNBIND ? Qunlet : value === Qunbound ? Qmakunbound : Qset;
    notifyWatchers(rt, s, value === Qunbound ? Qnil : value, op, where);
  }
  if ((symbolFlags(rt, s) & SYM_FWD_MASK) !== 0) value = forwardedValue(rt, s, value, bindflag);
  if ((symbolFlags(rt, s) & SYM_REDIRECT_MASK) !== SYM_LOCALIZED) {
    setSymbolRawValue(rt, s, value);
    return;
  }
  const buf = where === Qnil ? rt.globals[G_CURRENT_BUFFER]! : where;
  const blv = symbolRawValue(rt, s);
  const bf = xcdr(rt, blv) >> 2;
  const builtin = (bf >>> BLV_BUILTIN_SHIFT) & 0xff;
  if (value === Qunbound && builtin !== 0) {
    // As GNU: voiding a built-in per-buffer variable leaves an ordinary void variable, for good.
    setSymbolFlags(rt, s, (symbolFlags(rt, s) & ~SYM_REDIRECT_MASK) | SYM_PLAINVAL);
    setSymbolRawValue(rt, s, Qunbound);
    return;
  }
  if (buf !== Qnil) {
    if (builtin !== 0 && value !== Qnil && value !== Qunbound) checkPerBuffer(rt, builtin, value);
    const c = localCell(rt, s, buf);
    if (c !== Qnil) {
      xsetcdr(rt, c, value);
      return;
    }
    if (bindflag === SET_INTERNAL_SET && (bf & BLV_LOCAL_IF_SET) !== 0 && !letShadowsBufferBinding(rt, s, buf)) {
      setLocalBindings(rt, buf, cons(rt, cons(rt, s, value), aref(rt, buf, BUF_LOCAL_VAR_ALIST)));
      return;
    }
  }
  xsetcdr(rt, xcar(rt, blv), value);
}

/** A symbol of the initial obarray whose name starts with a colon. */
function isKeyword(rt: Runtime, s: number): boolean {
  if (((symbolFlags(rt, s) & SYM_INTERNED_MASK) >> SYM_INTERNED_SHIFT) !== SYM_INTERNED_IN_INITIAL_OBARRAY) return false;
  const name = symbolName(rt, s);
  return sbytes(rt, name) > 0 && rt.u8[sdata(rt, name)] === 0x3a;
}

function checkPerBuffer(rt: Runtime, builtin: number, value: number): void {
  const check = PER_BUFFER_CHECKS[builtin - 1];
  if (check && !check.test(rt, value)) wrongTypeArgument(rt, check.pred, value);
}

/** Whether a `let' made in BUF binds SYM's default value now (GNU's let_shadows_buffer_binding_p). */
function letShadowsBufferBinding(rt: Runtime, sym: number, buf: number): boolean {
  for (let i = rt.specCount - 3; i >= 0; i -= 3) {
    if (rt.specpdl[i] !== sym) continue;
    const kind = rt.specpdl[i + 2]!;
    if (kind !== SPECPDL_LET && (consp(kind) ? xcar(rt, kind) : kind) === buf) return true;
  }
  return false;
}

/** Set the default value of SYM (GNU's set_default_internal): watchers see `set' and no buffer. */
export function setDefaultInternal(rt: Runtime, sym: number, value: number, bindflag: number): void {
  const s = indirectVariable(rt, sym);
  const flags = symbolFlags(rt, s);
  const trapped = (flags & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT;
  if (trapped === SYM_NOWRITE && bindflag !== SET_INTERNAL_UNBIND) xsignal1(rt, Qsetting_constant, sym);
  if (trapped === SYM_TRAPWRITE) notifyWatchers(rt, s, value === Qunbound ? Qnil : value, Qnil, Qnil);
  if ((symbolFlags(rt, s) & SYM_FWD_MASK) !== 0) value = forwardedValue(rt, s, value, bindflag);
  if ((symbolFlags(rt, s) & SYM_REDIRECT_MASK) === SYM_LOCALIZED) xsetcdr(rt, blvDefcell(rt, s), value);
  else setSymbolRawValue(rt, s, value);
}

/** Set the default (global) value of SYM, as set-default does. */
export const setDefault = (rt: Runtime, sym: number, value: number): void => setDefaultInternal(rt, sym, value, SET_INTERNAL_SET);

export const isConstantSymbol = (rt: Runtime, sym: number): boolean =>
  ((symbolFlags(rt, sym) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_NOWRITE;

export const isSpecial = (rt: Runtime, sym: number): boolean => (symbolFlags(rt, sym) & SYM_DECLARED_SPECIAL) !== 0;

// ---- the specpdl -------------------------------------------------------------------------
//
// Each binding is three words: the symbol, the value it shadows, and its kind. The kind is nil
// for a plain binding (GNU's SPECPDL_LET); a buffer for a binding of that buffer's local value
// (SPECPDL_LET_LOCAL); a cons (BUFFER-OR-NIL) for a binding of a buffer-local variable's
// default value made while BUFFER was current (SPECPDL_LET_DEFAULT). All three are Lisp words,
// so the collector marks them like the rest.

const SPECPDL_LET = Qnil;

/** Bind SYM dynamically to VALUE until unbindTo (GNU's specbind). */
export function specbind(rt: Runtime, sym: number, value: number): void {
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
  const wi = symIndex(rt, sym);
  const m = rt.i32;
  const flags = m[wi + SYM_FLAGS]!;
  if ((flags & SLOW_SET_MASK) === 0) {
    // The common case, a plain untrapped variable: what the general path below does, in one pass.
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
  if (isConstantSymbol(rt, s) && !(value === s && isKeyword(rt, s))) xsignal1(rt, Qsetting_constant, sym);
  const n = rt.specCount;
  if (n + 3 > rt.specpdl.length) error(rt, 'Variable binding depth exceeds max-specpdl-size');
  checkSpecpdl(rt, 1);
  let kind = SPECPDL_LET;
  if (isLocalized(rt, s)) {
    const buf = rt.globals[G_CURRENT_BUFFER]!;
    kind = hasLocalBinding(rt, s, buf) ? buf : cons(rt, buf, Qnil);
  }
  rt.specpdl[n] = s;
  rt.specpdl[n + 1] = findSymbolValue(rt, s);
  rt.specpdl[n + 2] = kind;
  rt.specCount = n + 3;
  // A built-in per-buffer variable's default is bound as set-default would (GNU's forwarded
  // slots); an ordinary buffer-local variable's through the usual store, which finds no
  // binding of its own here and so sets the default.
  if (consp(kind) && ((blvFlags(rt, s) >>> BLV_BUILTIN_SHIFT) & 0xff) !== 0) setDefaultInternal(rt, s, value, SET_INTERNAL_BIND);
  else setVar(rt, s, value, Qnil, SET_INTERNAL_BIND);
}

/** Undo dynamic bindings down to COUNT. */
export function unbindTo(rt: Runtime, count: number): void {
  while (rt.specCount > count) {
    const n = rt.specCount - 3;
    rt.specCount = n;
    const sym = rt.specpdl[n]!;
    const old = rt.specpdl[n + 1]!;
    const kind = rt.specpdl[n + 2]!;
    if (kind === SPECPDL_LET && (symbolFlags(rt, sym) & SLOW_SET_MASK) === 0) setSymbolRawValue(rt, sym, old);
    else unbindOne(rt, sym, old, kind);
  }
}

function unbindOne(rt: Runtime, sym: number, old: number, kind: number): void {
  if (kind === SPECPDL_LET) {
    // A variable made buffer-local during the let gets its default value back.
    if (isLocalized(rt, sym)) setDefaultInternal(rt, sym, old, SET_INTERNAL_UNBIND);
    else setVar(rt, sym, old, Qnil, SET_INTERNAL_UNBIND);
  } else if (consp(kind)) setDefaultInternal(rt, sym, old, SET_INTERNAL_UNBIND);
  else if (isLocalized(rt, sym) && hasLocalBinding(rt, sym, kind)) {
    // The buffer's own binding is restored only while it still exists there.
    setVar(rt, sym, old, kind, SET_INTERNAL_UNBIND);
  }
}

/**
 * Exchange each active binding's shadowed value with the value in the place it shadows, innermost
 * first, so that every variable shows its top-level value; a second call undoes the first (the
 * dumper saves the world that way, without the bindings `load' has in force).
 */
export function swapBindings(rt: Runtime, outward: boolean): void {
  swapBindingRange(rt, 0, rt.specCount, outward);
}

/**
 * swapBindings for the entries in [FROM, TO) of the specpdl only: a thread that lets another
 * run hides its own bindings that way and shows them again when it resumes (thread.ts).
 */
export function swapBindingRange(rt: Runtime, from: number, to: number, outward: boolean): void {
  const top = to - 3;
  for (let k = 0; from + k <= top; k += 3) {
    const i = outward ? top - k : from + k;
    const sym = rt.specpdl[i]!;
    const kind = rt.specpdl[i + 2]!;
    let cell = -1;
    if (!isLocalized(rt, sym)) cell = symIndex(rt, sym) + SYM_VALUE;
    else {
      const c = kind === SPECPDL_LET || consp(kind) ? blvDefcell(rt, sym) : localCell(rt, sym, kind);
      if (c !== Qnil) cell = ((c & -8) >>> 2) + 1;
    }
    if (cell < 0) continue;
    const v = rt.i32[cell]!;
    rt.i32[cell] = rt.specpdl[i + 1]!;
    rt.specpdl[i + 1] = v;
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

export function checkDepth(rt: Runtime): void {
  checkSpecpdl(rt, 0);
  const d = ++rt.lispEvalDepth;
  if (d > 100) {
    if (d > limitValue(rt, Qmax_lisp_eval_depth, 1600, 100)) {
      // GNU checks the depth before it records the call, so the form or call that went too
      // deep has no frame in the backtrace: take away the one its caller just pushed (unless
      // the frame table was full and it pushed none).
      if (rt.nframes > 0 && rt.nframes < MAX_FRAMES) rt.nframes--;
      error(rt, 'Lisp nesting exceeds ‘max-lisp-eval-depth’');
    }
    // max-lisp-eval-depth decides as long as the JS stack holds out. 400 levels always fit (V8's
    // default stack, about 1 MB, holds some 2,900 of plain recursion), and past them every 16th
    // level checks that the next 16 will (see checkJsStack). Checking from 100 cost seq-map.el
    // 2,316 probes; from 400, no benchmark probes at all.
    if (d > 400 && (d & 15) === 0) guardJsStack(rt);
  }
}

/** checkJsStack for the evaluator: running out of JS stack is GNU's nesting error. */
export function guardJsStack(rt: Runtime): void {
  try {
    checkJsStack();
  } catch (e) {
    if (e instanceof JsStackExhausted) throw nestingError(rt);
    throw e;
  }
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
  // GNU's funcall_subr checks the minimum first: (funcall 'if t) is wrong-number-of-arguments.
  if (n < min) arityError(rt, subr, orig, n);
  if (max === UNEVALLED) xsignal1(rt, Qinvalid_function, orig);
  if (n > max) arityError(rt, subr, orig, n);
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

// ---- the compiler's entry points (compile.ts) ---------------------------------------------------

/** A lambda or closure compiled to JS: called with the function and its N args at rt.stack[base..]. */
export type CompiledFn = (rt: Runtime, fun: number, base: number, n: number) => number;
/** What a compiled function returns when it must not run (its assumptions broke): interpret instead. Not a Lisp word. */
export const DEOPT = 1;
/**
 * Set by compile.ts when it is loaded: the compiled code for FUN (a lambda or closure), or null
 * to interpret it. A hook rather than an import keeps eval.ts below the compiler.
 */
export const compilerHook: {
  lookup: ((rt: Runtime, fun: number) => CompiledFn | null) | null;
  /** The compiled code for FUN whatever the threshold (for byte-compile's objects); null if it cannot be compiled. */
  force: ((rt: Runtime, fun: number) => CompiledFn | null) | null;
  /** Compiled code declined a call (DEOPT): counted for tests that check code stays compiled. */
  deopted: ((rt: Runtime) => void) | null;
  /**
   * The record of the interpreted `while' FORM run with (LEXICAL) or without a lexical
   * environment, or null when the interpreter alone runs it (compiler off, the loop cannot be
   * compiled, or it was seen in the other mode). See whileLoop.
   */
  loopSite: ((rt: Runtime, form: number, lexical: boolean) => LoopSite | null) | null;
  /** Compile the loop of SITE (whose form is FORM) now; its code, or null when it cannot be. */
  loopCompile: ((rt: Runtime, site: LoopSite, form: number) => CompiledFn | null) | null;
  /** SITE's code declined to run (DEOPT): drop it; the loop is compiled again later. */
  loopDrop: ((rt: Runtime, site: LoopSite) => void) | null;
} = { lookup: null, force: null, deopted: null, loopSite: null, loopCompile: null, loopDrop: null };

/**
 * An interpreted `while' form, as compile.ts keeps it: its code once compiled; the rounds run by
 * the interpreter so far, over all its runs; KEY, the (ARGS . BODY) its code was made from,
 * `(nil FORM)': the loop as the body of a function of no arguments.
 */
export interface LoopSite {
  fn: CompiledFn | null;
  calls: number;
  key: number;
}

/**
 * Rounds the interpreter runs of one `while' form (over all the times it is entered) before the
 * rest of the loop is compiled: loops of a few rounds are not worth compiling. Not tuned against
 * other values (BENCHMARKS.md, "Cold code").
 */
export const LOOP_ROUNDS = 64;

/**
 * The closure or lambda inside a compiled-function object made by `byte-compile' (code string
 * empty, constants [FUNCTION]), else nil: GNU byte code, which tsmacs does not run.
 */
export function byteCodeClosure(rt: Runtime, obj: number): number {
  if ((obj & 7) !== Lisp_Vectorlike || pvecType(rt, obj) !== PVEC_COMPILED || pvecSize(rt, obj) < 4) return Qnil;
  const code = aref(rt, obj, 1);
  const consts = aref(rt, obj, 2);
  if (!stringp(code) || sbytes(rt, code) !== 0 || (consts & 7) !== Lisp_Vectorlike || pvecType(rt, consts) !== PVEC_NORMAL_VECTOR || pvecSize(rt, consts) !== 1) return Qnil;
  const f = aref(rt, consts, 0);
  return consp(f) && (xcar(rt, f) === Qclosure || xcar(rt, f) === Qlambda) ? f : Qnil;
}

/** Call the compiled-function object OBJ (see byteCodeClosure) with the N args at stack[base..]. */
function callByteCode(rt: Runtime, obj: number, base: number, n: number): number {
  const fun = byteCodeClosure(rt, obj);
  if (fun === Qnil) return xsignal1(rt, Qinvalid_function, obj);
  const compiled = compilerHook.force !== null ? compilerHook.force(rt, fun) : null;
  if (compiled !== null) {
    const v = compiled(rt, fun, base, n);
    if (v !== DEOPT) return v;
  }
  return funcallLambda(rt, fun, base, n, true);
}

/**
 * A call from compiled code: the function (a symbol or object) at stack[sp], its N args after
 * it, rt.sp just above them; the call's form is frame FI, at eval depth D before it (compiled
 * code keeps rt.nframes and the depth up to date only where they can be seen: here). The frame,
 * depth, quit, debugger and GC checks are evalSub's; no JS array is made unless a subr takes
 * &rest. Returns with rt.sp back at SP.
 */
export function callFromCompiled(rt: Runtime, sp: number, n: number, fi: number, d: number): number {
  rt.nframes = fi;
  rt.lispEvalDepth = d;
  pushFrame(rt, sp, n);
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  checkDepth(rt);
  // A form of the compiled code, as the interpreter's evalSub would see it: the debugger gets t.
  if (debugOnNextCall(rt)) debugOnCall(rt, Qt, fi);
  const orig = rt.stack[sp]!;
  let fun = orig;
  const m = rt.i32;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) {
    // A symbol's function cell read in place; a chain of aliases goes the general way.
    fun = m[symIndex(rt, fun) + SYM_FUNCTION]!;
    if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, orig);
  }
  let val: number;
  if ((fun & 7) === Lisp_Vectorlike && m[(fun & -8) >>> 2]! >>> PVEC_TYPE_SHIFT === PVEC_SUBR) {
    const name = m[((fun & -8) >>> 2) + 1 + SUBR_NAME];
    if (n >= 1 && name === QfuncallSym) val = funcallOnStack(rt, sp + 1, n - 1);
    else if (n >= 2 && name === QapplySym) {
      val = applyOnStack(rt, sp + 1, n - 1);
      if (val === DEOPT) val = callSubrOnStack(rt, fun, sp + 1, n, orig);
    } else val = callSubrOnStack(rt, fun, sp + 1, n, orig);
  } else if (consp(fun) && (xcar(rt, fun) === Qclosure || xcar(rt, fun) === Qlambda)) {
    // Its compiled code called from here: one JS call less per Lisp call than through
    // funcallLambda (too large for V8 to inline); the interpreter when there is none, or when
    // the code declines. As many JS frames as before on either path.
    const code = compilerHook.lookup !== null ? compilerHook.lookup(rt, fun) : null;
    val = code !== null ? code(rt, fun, sp + 1, n) : DEOPT;
    if (val === DEOPT) {
      if (code !== null) compilerHook.deopted?.(rt);
      val = funcallLambda(rt, fun, sp + 1, n, true);
    }
  }
  else val = funcallInner(rt, orig, stackArgs(rt, sp + 1, n), sp + 1);
  if (rt.debugOnExitCount !== 0 && frameDebugOnExit(rt, fi)) val = debugOnExit(rt, fi, val);
  rt.lispEvalDepth--;
  rt.nframes = fi;
  rt.sp = sp;
  return val;
}

/**
 * `funcall', the name of the one subr callFromCompiled calls in place (funcallOnStack). By its
 * name, not its index: the builtin tables are sorted by symbol when the first runtime is built,
 * after the module bodies ran, and an index taken while they ran (as until evalperf7) named
 * another primitive (active-minibuffer-window) and never `funcall', so the path was dead.
 */
const QfuncallSym = DEFSYM('funcall');

/** `apply', the other subr callFromCompiled calls in place (applyOnStack). */
const QapplySym = DEFSYM('apply');

/** Longest final list applyOnStack spreads itself; longer ones go the general way. */
const APPLY_SPREAD_MAX = 1024;

/**
 * The `apply' primitive called from compiled code with its function at stack[base], K >= 1
 * arguments after it, the last a list: the list's elements pushed after copies of the others
 * and called as funcallOnStack calls (what `apply' does through `funcall', without the three
 * JS arrays). `apply''s own frame keeps its arguments as given. A list that is dotted, circular
 * or longer than APPLY_SPREAD_MAX gives DEOPT before anything is pushed: the caller then runs
 * the primitive, which signals as GNU does.
 */
function applyOnStack(rt: Runtime, base: number, k: number): number {
  const list = rt.stack[base + k]!;
  let len = 0;
  let tail = list;
  while (consp(tail) && len < APPLY_SPREAD_MAX) {
    len++;
    tail = xcdr(rt, tail);
  }
  if (tail !== Qnil) return DEOPT;
  const sp = rt.sp;
  rt.push(rt.stack[base]!);
  for (let i = 1; i < k; i++) rt.push(rt.stack[base + i]!);
  for (tail = list; tail !== Qnil; tail = xcdr(rt, tail)) rt.push(xcar(rt, tail));
  const val = funcallOnStack(rt, sp, k - 1 + len);
  rt.sp = sp;
  return val;
}

/**
 * The `funcall' primitive called from compiled code, its function at stack[base] and its N
 * arguments after it: what funcall does (the called function's own frame, depth, checks), with
 * the values left where they are instead of copied into arrays and pushed again.
 */
function funcallOnStack(rt: Runtime, base: number, n: number): number {
  const fn = rt.stack[base]!;
  let fun = fn;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, fun);
  // A subr is called with its arguments where they are (callSubrOnStack), as funcall calls it
  // after copying them; anything else but a lambda or closure goes through funcall.
  const subr = (fun & 7) === Lisp_Vectorlike && rt.i32[(fun & -8) >>> 2]! >>> PVEC_TYPE_SHIFT === PVEC_SUBR;
  if (!subr && (!consp(fun) || (xcar(rt, fun) !== Qclosure && xcar(rt, fun) !== Qlambda))) return funcall(rt, fn, stackArgs(rt, base + 1, n));
  const sp = rt.sp;
  const fi = pushFrame(rt, base, n);
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  checkDepth(rt);
  if (debugOnNextCall(rt)) debugOnCall(rt, Qlambda, fi);
  // The function cell may have changed meanwhile (a quit handler, the debugger): look again.
  let val = subr ? funcallSubrOnStack(rt, fn, base + 1, n) : isLambdaCons(rt, fn) ? callLambdaCode(rt, fn, base + 1, n) : funcallInnerOnStack(rt, fn, base + 1, n);
  if (rt.debugOnExitCount !== 0 && frameDebugOnExit(rt, fi)) val = debugOnExit(rt, fi, val);
  rt.lispEvalDepth--;
  rt.nframes = fi;
  rt.sp = sp;
  return val;
}

/** Whether FN is itself a lambda or closure list (not a symbol naming one). */
const isLambdaCons = (rt: Runtime, fn: number): boolean => {
  if ((fn & 7) !== Lisp_Cons) return false;
  const head = rt.i32[(fn & -8) >>> 2]!;
  return head === Qclosure || head === Qlambda;
};

/**
 * funcallLambda for a lambda or closure FUN called by funcall's paths (funcallOnStack,
 * funcallPushed: `mapcar', hooks, `funcall' of a closure value) once their frame and checks
 * are made: its compiled code called from here, the interpreter when there is none or it
 * declines. The same as funcallInnerOnStack -> funcallLambda, two JS calls fewer per Lisp call
 * while V8 runs the callers unoptimised (evalperf16).
 */
function callLambdaCode(rt: Runtime, fun: number, base: number, n: number): number {
  const code = compilerHook.lookup !== null ? compilerHook.lookup(rt, fun) : null;
  if (code !== null) {
    const v = code(rt, fun, base, n);
    if (v !== DEOPT) return v;
    compilerHook.deopted?.(rt);
  }
  return funcallLambda(rt, fun, base, n, true);
}

/** funcallInner with the N args at stack[base..], an array made only when FN is not a lambda or closure. */
function funcallInnerOnStack(rt: Runtime, fn: number, base: number, n: number): number {
  let fun = fn;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, fun);
  if (consp(fun) && (xcar(rt, fun) === Qclosure || xcar(rt, fun) === Qlambda)) return funcallLambda(rt, fun, base, n);
  return funcallInner(rt, fn, stackArgs(rt, base, n), base);
}

/** funcallInnerOnStack for FN naming a subr when checked: funcallInner's call of it (the subr itself named in its errors), without the array. */
function funcallSubrOnStack(rt: Runtime, fn: number, base: number, n: number): number {
  let fun = fn;
  if ((fun & 7) === Lisp_Symbol && fun !== Qnil) fun = indirectFunction(rt, fun);
  if ((fun & 7) === Lisp_Vectorlike && rt.i32[(fun & -8) >>> 2]! >>> PVEC_TYPE_SHIFT === PVEC_SUBR) return callSubrOnStack(rt, fun, base, n, fun);
  return funcallInnerOnStack(rt, fn, base, n);
}

/**
 * The N words at stack[base..] as a JS array. A plain loop: `Array.from' of a typed array's
 * `subarray' goes through the iterator protocol and a new typed-array view, which cost more
 * than the call it fed (seq-map.el: `(funcall #'+ ...)' in seq-reduce's fold).
 */
function stackArgs(rt: Runtime, base: number, n: number): number[] {
  const st = rt.stack;
  const args = new Array<number>(n);
  for (let i = 0; i < n; i++) args[i] = st[base + i]!;
  return args;
}

/** callSubr with the N args at stack[base..]: arity-specialised, an array only for &rest subrs. */
function callSubrOnStack(rt: Runtime, subr: number, base: number, n: number, orig: number): number {
  // The subr's words read in place (aref, fixnumValue): every primitive called from compiled code
  // comes here, and until V8 optimises the caller each helper is a call of its own.
  const m = rt.i32;
  const w = ((subr & -8) >>> 2) + 1;
  const max = m[w + SUBR_MAX_ARGS]! >> 2;
  const min = m[w + SUBR_MIN_ARGS]! >> 2;
  const fn = rt.subrFns[m[w + SUBR_INDEX]! >> 2]!;
  const st = rt.stack;
  if (n < min) arityError(rt, subr, orig, n);
  if (max === UNEVALLED) xsignal1(rt, Qinvalid_function, orig);
  if (max !== MANY && n > max) arityError(rt, subr, orig, n);
  switch (max) {
    case 0: return fn(rt);
    case 1: return fn(rt, n > 0 ? st[base]! : Qnil);
    case 2: return fn(rt, n > 0 ? st[base]! : Qnil, n > 1 ? st[base + 1]! : Qnil);
    case 3: return fn(rt, n > 0 ? st[base]! : Qnil, n > 1 ? st[base + 1]! : Qnil, n > 2 ? st[base + 2]! : Qnil);
    // Four and five arguments (`re-search-forward', `search-forward', `replace-match') also
    // without an array spread into the call, which unoptimised code pays at every call.
    case 4: return fn(rt, n > 0 ? st[base]! : Qnil, n > 1 ? st[base + 1]! : Qnil, n > 2 ? st[base + 2]! : Qnil, n > 3 ? st[base + 3]! : Qnil);
    case 5:
      return fn(rt, n > 0 ? st[base]! : Qnil, n > 1 ? st[base + 1]! : Qnil, n > 2 ? st[base + 2]! : Qnil, n > 3 ? st[base + 3]! : Qnil,
        n > 4 ? st[base + 4]! : Qnil);
    default: {
      const args: number[] = new Array<number>(max === MANY ? n : max);
      for (let i = 0; i < args.length; i++) args[i] = i < n ? st[base + i]! : Qnil;
      return max === MANY ? fn(rt, args) : fn(rt, ...args);
    }
  }
}

/** The state a compiled catch, condition-case or unwind-protect restores (see save). */
export type CompiledSaved = Saved;
export const compiledSave = (rt: Runtime): Saved => save(rt);
export const compiledRestore = (rt: Runtime, s: Saved): void => {
  restore(rt, s);
  rt.nframes = s.nframes;
};

/** Compiled `catch': enter with TAG (evaluated); the body runs, then catchExit or catchLand. */
export function compiledCatchEnter(rt: Runtime, tag: number): Saved {
  const s = save(rt);
  rt.push(tag);
  rt.catchTags.push(tag);
  return s;
}
export function compiledCatchExit(rt: Runtime, s: Saved): void {
  rt.catchTags.length = s.ncatch;
  rt.sp = s.sp;
}
/** What a compiled catch for TAG gives when E escapes its body (as internalCatch); rethrows the rest. */
export function compiledCatchLand(rt: Runtime, s: Saved, tag: number, e: unknown): number {
  let ex = e;
  if (ex instanceof LispSignal) ex = noticeSignalOnce(rt, ex);
  if (ex instanceof LispThrow && ex.tag === tag) {
    restore(rt, s);
    rt.nframes = s.nframes;
    return ex.value;
  }
  throw ex;
}

/**
 * Compiled `unwind-protect': E escaped the body. Returns what to rethrow once the cleanup forms
 * ran, its payload pushed so that they keep it alive (as unwindProtect).
 */
export function compiledUnwindLand(rt: Runtime, s: Saved, e: unknown): unknown {
  if (e instanceof KillEmacs) throw e;
  const sig = noticeUncaught(rt, asLispSignal(rt, e) ?? e);
  if (sig instanceof KillEmacs) throw sig;
  restore(rt, s);
  rt.nframes = s.nframes;
  if (sig instanceof LispSignal) {
    rt.push(sig.symbol);
    rt.push(sig.data);
  } else if (sig instanceof LispThrow) {
    rt.push(sig.tag);
    rt.push(sig.value);
  }
  return sig;
}

/** Compiled `condition-case' with (already validated) HANDLERS. */
export function compiledCcEnter(rt: Runtime, handlers: number): Saved {
  const s = save(rt);
  rt.handlerSpecs.push(handlers);
  return s;
}
/**
 * E escaped the body of a compiled condition-case: the index of the clause of HANDLERS that
 * handles it, with (ERROR-SYMBOL . DATA) pushed on the Lisp stack; anything else is rethrown.
 */
export function compiledCcLand(rt: Runtime, s: Saved, handlers: number, e: unknown): number {
  if (e instanceof KillEmacs) throw e;
  const caught = asLispSignal(rt, e);
  if (!(caught instanceof LispSignal)) throw e;
  const seen = noticeSignalOnce(rt, caught);
  restore(rt, s);
  if (!(seen instanceof LispSignal)) throw seen;
  const conditions = conditionsOf(rt, seen.symbol);
  let i = 0;
  for (let h = handlers; consp(h); h = xcdr(rt, h), i++) {
    const clause = xcar(rt, h);
    if (!consp(clause)) continue;
    const spec = xcar(rt, clause);
    if (spec === Qsuccess) continue;
    if (handlerMatches(rt, spec, conditions)) {
      rt.nframes = s.nframes;
      rt.push(signalValue(rt, seen));
      return i;
    }
  }
  throw seen;
}

/** lexLookup for compiled code: the binding cons of SYM in ENV, or nil. */
export const lexicalBinding = (rt: Runtime, env: number, sym: number): number => lexLookup(rt, env, sym);

/** A compiled `while' goes round again: the safe point and quit check the interpreter's forms would have. */
export function compiledTick(rt: Runtime): void {
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
}

/**
 * Whether a compiled function entered with FB frames and eval depth DB, whose forms nest K deep
 * and can add W entries to GNU's specpdl count (frames, bindings, environments), might meet
 * `max-lisp-eval-depth' or `max-specpdl-size' in its own forms: then the interpreter runs it,
 * which checks at every form and signals where GNU does. Reads the limits without fixing them
 * up (limitValue does that in the interpreter, when it gets there).
 */
export function compiledNearLimits(rt: Runtime, fb: number, db: number, k: number, w: number, probe: boolean): boolean {
  if (fb + k >= MAX_FRAMES) return true;
  const m = rt.i32;
  if (db + k > 100) {
    const v = m[symIndex(rt, Qmax_lisp_eval_depth) + SYM_VALUE]!;
    if (!isFixnum(v) || fixnumValue(v) < 100 || db + k > fixnumValue(v)) return true;
    // Deep: the JS stack must hold out too (checkDepth probes it the same way).
    if (db > 400 && probe) guardJsStack(rt);
  }
  if (!rt.inDebugger && rt.specCount / 3 + fb + rt.envBinds + w >= 400) {
    const v = m[symIndex(rt, Qmax_specpdl_size) + SYM_VALUE]!;
    if (!isFixnum(v) || fixnumValue(v) < 400 || rt.specCount / 3 + fb + rt.envBinds + w > fixnumValue(v)) return true;
  }
  return false;
}

/**
 * Apply a lambda or closure to the N args at rt.stack[base..] (GNU's funcall_lambda): its
 * compiled code when compile.ts has it, unless INTERPRET. One JS frame per Lisp call, as before
 * the compiler: deep recursion must fit the same stack.
 */
const Qinternal__compiled_arity = DEFSYM('internal--compiled-arity');

/**
 * The data of the wrong-number-of-arguments error a lambda or closure FUN gives: GNU reports
 * an interpreted closure by its cdr and a plain lambda whole. A closure whose environment holds
 * the bare symbol `internal--compiled-arity' (put there by a local `(defvar
 * internal--compiled-arity)') stands for one of GNU's byte-compiled functions, such as a generic
 * function's dispatcher: those report (MIN . NONREST), the counts of required and of
 * non-rest parameters.
 */
export function arityErrorData(rt: Runtime, fun: number): number {
  if (!consp(fun) || xcar(rt, fun) !== Qclosure) return fun;
  const rest = xcdr(rt, fun);
  if (!consp(rest)) return rest;
  let marked = false;
  for (let e = xcar(rt, rest); consp(e); e = xcdr(rt, e)) {
    if (xcar(rt, e) === Qinternal__compiled_arity) { marked = true; break; }
  }
  if (!marked || !consp(xcdr(rt, rest))) return rest;
  let required = 0;
  let nonrest = 0;
  let optional = false;
  for (let p = xcar(rt, xcdr(rt, rest)); consp(p); p = xcdr(rt, p)) {
    const sym = xcar(rt, p);
    if (sym === Qand_rest) break;
    if (sym === Qand_optional) { optional = true; continue; }
    nonrest++;
    if (!optional) required++;
  }
  return cons(rt, makeFixnum(required), makeFixnum(nonrest));
}

function funcallLambda(rt: Runtime, fun: number, base: number, n: number, interpret = false): number {
  if (!interpret && compilerHook.lookup !== null) {
    const compiled = compilerHook.lookup(rt, fun);
    if (compiled !== null) {
      const v = compiled(rt, fun, base, n);
      if (v !== DEOPT) return v;
      compilerHook.deopted?.(rt);
    }
  }
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
      // GNU binds variables after the &rest one to nil; only another &rest or &optional
      // there makes the list invalid (checked above), so the walk goes on to the end.
      arg = Qnil;
      if (previousRest) for (let j = n - 1; j >= i; j--) arg = cons(rt, stack[base + j]!, arg);
      i = n;
      previousRest = false;
    } else if (i < n) arg = stack[base + i++]!;
    else if (!optional) {
      rt.lexenv = savedEnv;
      return xsignal2(rt, Qwrong_number_of_arguments, arityErrorData(rt, fun), makeFixnum(n));
    } else arg = Qnil;
    // GNU 28 binds a closure's parameters lexically even when they are special.
    if (lexical) {
      lexenv = cons(rt, cons(rt, sym, arg), lexenv);
      rt.lexenv = lexenv; // keep the growing env rooted while we cons
    } else specbind(rt, sym, arg);
  }
  if (previousRest || (p !== Qnil && !consp(p))) xsignal1(rt, Qinvalid_function, errFun);
  if (i < n) {
    rt.lexenv = savedEnv;
    return xsignal2(rt, Qwrong_number_of_arguments, arityErrorData(rt, fun), makeFixnum(n));
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
 * Compiled code's record of a form being evaluated (what the interpreter shows as
 * FRAME_UNEVALLED): the form word itself in place of the stack index, a constant of the
 * compiled code (compile.ts keeps it alive), so that recording a form costs two stores.
 */
export const FRAME_FORM = -0x40000000;

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
    if (rt.debugOnExitCount !== 0) rt.frameDebugOnExit![fi] = 0;
  }
  return fi;
}

/** Whether frame I is marked to enter the debugger when it returns (the `*' of a backtrace). */
export function frameDebugOnExit(rt: Runtime, i: number): boolean {
  return rt.debugOnExitCount !== 0 && i < MAX_FRAMES && rt.frameDebugOnExit![i] === 1;
}

/** Mark frame FI to enter the debugger again when it returns (the debugger's `*'). */
export function markFrameDebugOnExit(rt: Runtime, fi: number): void {
  if (fi >= MAX_FRAMES) return;
  rt.frameDebugOnExit ??= new Uint8Array(MAX_FRAMES);
  if (rt.frameDebugOnExit[fi] === 0) rt.debugOnExitCount++;
  rt.frameDebugOnExit[fi] = 1;
}

/**
 * `debug-on-next-call' is set and frame FI begins: clear it, mark FI to enter the debugger again
 * when it returns, and enter it now with CODE (t for a form's evaluation, lambda for a call),
 * as GNU's do_debug_on_call.
 */
function debugOnCall(rt: Runtime, code: number, fi: number): void {
  setInternal(rt, Qdebug_on_next_call, Qnil);
  if (fi < MAX_FRAMES) {
    rt.frameDebugOnExit ??= new Uint8Array(MAX_FRAMES);
    rt.frameDebugOnExit[fi] = 1;
    rt.debugOnExitCount++;
  }
  callDebugger(rt, findSymbolValue(rt, Qdebugger), cons(rt, code, Qnil));
}

/** Frame FI, marked by debugOnCall, returns VAL: the debugger is told (exit VAL), and what it gives is the value. */
function debugOnExit(rt: Runtime, fi: number, val: number): number {
  const sp = rt.sp;
  rt.push(val);
  // The frame still shows its mark to the debugger (mapbacktrace's :debug-on-exit), as in GNU.
  const v = callDebugger(rt, findSymbolValue(rt, Qdebugger), cons(rt, Qexit_dbg, cons(rt, val, Qnil)));
  rt.frameDebugOnExit![fi] = 0;
  rt.sp = sp;
  return v;
}

/** The value slot of `debug-on-next-call', read on every call (GNU reads a C variable). */
const debugOnNextCall = (rt: Runtime): boolean => rt.i32[symIndex(rt, Qdebug_on_next_call) + SYM_VALUE] !== Qnil;

/** Frame I as GNU's backtrace_frame_apply sees it: [evald, function, args]. */
export function frameInfo(rt: Runtime, i: number): [boolean, number, number] {
  const idx = rt.frames[2 * i]!;
  const kind = rt.frames[2 * i + 1]!;
  const st = rt.stack;
  if (kind === FRAME_UNEVALLED || kind === FRAME_FORM) {
    const form = kind === FRAME_FORM ? idx : st[idx]!;
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
  for (let j = n; j >= 1; j--) {
    let a = st[idx + j]!;
    // GNU's `apply' spreads a last argument list of one element into the slot it came in, so
    // its frame shows (apply F ... X) for (apply F ... '(X)).
    if (j === n && n >= 2 && consp(a) && xcdr(rt, a) === Qnil && isApplyFunction(rt, fun)) a = xcar(rt, a);
    args = cons(rt, a, args);
  }
  return [true, fun, args];
}

/** Whether FUN, a frame's function, is `apply' (by name or as the primitive). */
function isApplyFunction(rt: Runtime, fun: number): boolean {
  return fun === Qapply_frame || (isSubr(rt, fun) && fun === symbolFunction(rt, Qapply_frame));
}
const Qapply_frame = DEFSYM('apply');

/** The function of frame I (for a form, its car) without building the argument list. */
export function frameFunction(rt: Runtime, i: number): number {
  const idx = rt.frames[2 * i]!;
  const kind = rt.frames[2 * i + 1]!;
  if (kind === FRAME_FORM) return xcar(rt, idx);
  const w = rt.stack[idx]!;
  return kind === FRAME_UNEVALLED || kind >= 0 ? xcar(rt, w) : w;
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
  const flags = frameDebugOnExit(rt, i) ? cons(rt, Qcolon_debug_on_exit, cons(rt, Qt, Qnil)) : Qnil;
  rt.push(flags);
  const v = funcall(rt, fn, [evald ? Qt : Qnil, fun, args, flags]);
  rt.sp = sp;
  return v;
}

const Qexit_dbg = DEFSYM('exit');
const Qcolon_debug_on_exit = DEFSYM(':debug-on-exit');

/** Call FN (a function designator) with ARGS (GNU's Ffuncall). */
export function funcall(rt: Runtime, fn: number, args: number[]): number {
  const sp = rt.sp;
  rt.push(fn);
  for (let i = 0; i < args.length; i++) rt.push(args[i]!);
  const fi = pushFrame(rt, sp, args.length);
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  checkDepth(rt);
  if (debugOnNextCall(rt)) debugOnCall(rt, Qlambda, fi);
  let val = funcallInner(rt, fn, args, sp + 1);
  if (rt.debugOnExitCount !== 0 && frameDebugOnExit(rt, fi)) val = debugOnExit(rt, fi, val);
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
    if (pvecType(rt, fun) === PVEC_COMPILED && byteCodeClosure(rt, fun) !== Qnil) return callByteCode(rt, fun, base, args.length);
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

/*
 * funcall of F with one to three arguments from TS (mapcar, hooks, sort ...): pushed on the Lisp
 * stack, then funcall's frame and checks, and the call with the arguments where they are
 * (funcallSubrOnStack): no JS array for a lambda, closure or subr. The same frames, depth and
 * errors as funcall's.
 */
export const call0 = (rt: Runtime, f: number): number => {
  const sp = rt.sp;
  rt.push(f);
  return funcallPushed(rt, sp, 0);
};
export const call1 = (rt: Runtime, f: number, a: number): number => {
  const sp = rt.sp;
  rt.push(f);
  rt.push(a);
  return funcallPushed(rt, sp, 1);
};
export const call2 = (rt: Runtime, f: number, a: number, b: number): number => {
  const sp = rt.sp;
  rt.push(f);
  rt.push(a);
  rt.push(b);
  return funcallPushed(rt, sp, 2);
};
export const call3 = (rt: Runtime, f: number, a: number, b: number, c: number): number => {
  const sp = rt.sp;
  rt.push(f);
  rt.push(a);
  rt.push(b);
  rt.push(c);
  return funcallPushed(rt, sp, 3);
};

/** funcall's body for the function at stack[sp] and the N arguments pushed after it; rt.sp is back at SP after. */
function funcallPushed(rt: Runtime, sp: number, n: number): number {
  const fi = pushFrame(rt, sp, n);
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  checkDepth(rt);
  if (debugOnNextCall(rt)) debugOnCall(rt, Qlambda, fi);
  const fn = rt.stack[sp]!;
  let val = isLambdaCons(rt, fn) ? callLambdaCode(rt, fn, sp + 1, n) : funcallSubrOnStack(rt, fn, sp + 1, n);
  if (rt.debugOnExitCount !== 0 && frameDebugOnExit(rt, fi)) val = debugOnExit(rt, fi, val);
  rt.lispEvalDepth--;
  rt.nframes = fi;
  rt.sp = sp;
  return val;
}

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
  rt.setupDepth++;
  try {
    funcall(rt, Qload, [file, Qnil, Qt]);
  } finally {
    rt.setupDepth--;
  }
  rt.sp = sp;
  if ((funname & 7) === Lisp_Symbol) {
    const f = indirectFunction(rt, funname);
    if (consp(f) && xcar(rt, f) === Qautoload) {
      // GNU names the file as the load recorded it, the newest entry of `load-history'.
      const hist = findSymbolValue(rt, Qload_history);
      const loaded = consp(hist) && consp(xcar(rt, hist)) ? xcar(rt, xcar(rt, hist)) : file;
      const fmt = makeString(rt, 'Autoloading file %s failed to define function %s');
      xsignal1(rt, Qerror, funcall(rt, Qformat, [fmt, loaded, funname]));
    }
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
// By symbol: the build puts each literal DEFSYM's word in place, and one name is one symbol.
const FAST_SYMS: [number, number][] = [
  [DEFSYM('+'), OP_PLUS], [DEFSYM('-'), OP_MINUS], [DEFSYM('*'), OP_TIMES], [DEFSYM('<'), OP_LT], [DEFSYM('>'), OP_GT],
  [DEFSYM('<='), OP_LE], [DEFSYM('>='), OP_GE], [DEFSYM('='), OP_EQL], [DEFSYM('1+'), OP_ADD1], [DEFSYM('1-'), OP_SUB1],
  [DEFSYM('%'), OP_REM], [DEFSYM('/='), OP_NEQ],
  [DEFSYM('quote'), SF_QUOTE], [DEFSYM('setq'), SF_SETQ], [DEFSYM('if'), SF_IF], [DEFSYM('cond'), SF_COND],
  [DEFSYM('and'), SF_AND], [DEFSYM('or'), SF_OR], [DEFSYM('progn'), SF_PROGN], [DEFSYM('let'), SF_LET],
  [DEFSYM('let*'), SF_LETSTAR], [DEFSYM('while'), SF_WHILE],
];
let fastOps = new Uint8Array(0);

/**
 * Build the table (primitives are all declared, and PRIMITIVES in the order of their symbols, by
 * the time Lisp runs) and look INDEX up. Each fast symbol's primitive is found by a binary search
 * of PRIMITIVES: a pass over all 1,500 primitives with a Map lookup of each name (its hash
 * computed at that first lookup) cost about 0.15 ms of every start-up's first evaluation.
 */
function fastOpsFor(index: number): number {
  const ops = new Uint8Array(PRIMITIVES.length);
  for (const [sym, op] of FAST_SYMS) {
    let lo = 0;
    let hi = PRIMITIVES.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (PRIMITIVES[mid]!.sym < sym) lo = mid + 1;
      else hi = mid;
    }
    if (PRIMITIVES[lo]?.sym === sym) ops[lo] = op;
  }
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
    if (rt.debugOnExitCount !== 0) rt.frameDebugOnExit![fi] = 0;
  }
  maybeGC(rt);
  if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  checkDepth(rt);
  if (debugOnNextCall(rt)) debugOnCall(rt, Qt, fi);
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
        case SF_WHILE: val = compilerHook.loopSite !== null && fi < MAX_FRAMES ? whileLoop(rt, form, originalArgs, fi) : Fwhile(rt, originalArgs); break;
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
      // The expansion is evaluated in the same lexical environment. As in GNU's eval_sub, the
      // expander sees `lexical-binding' say whether that environment is lexical (so a macro
      // expanded under (eval FORM nil) sees nil).
      let expansion: number;
      const count = rt.specCount;
      const lexical = rt.lexenv === Qnil ? Qnil : Qt;
      // Binding it costs (the variable is buffer-local when set): skip when it already says so.
      if (findSymbolValue(rt, Qlexical_binding) !== lexical) specbind(rt, Qlexical_binding, lexical);
      rt.setupDepth++;
      try {
        expansion = funcall(rt, expander, args);
      } finally {
        rt.setupDepth--;
      }
      unbindTo(rt, count);
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
      // GNU turns only a lambda written in the form's head into a closure; a symbol's
      // function that is a plain lambda runs dynamically, blind to the caller's variables.
      if (head === Qlambda && rt.lexenv !== Qnil && (origFun & 7) !== Lisp_Symbol) {
        fun = cons(rt, Qclosure, cons(rt, rt.lexenv, xcdr(rt, fun)));
        rt.push(fun);
        // Its body sees the caller's lexical variables through that environment: only the
        // interpreter can give it them (compiled callers keep theirs in slots).
        val = funcallLambda(rt, fun, sp + 1, nargs, true);
      } else val = funcallLambda(rt, fun, sp + 1, nargs);
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
  } else if (byteCodeClosure(rt, fun) !== Qnil) {
    argCount(rt, originalArgs);
    // As for a lambda: the args follow the form on the stack, where the frame finds them.
    let nargs = 0;
    for (let a = originalArgs; consp(a); a = xcdr(rt, a)) {
      rt.push(evalArg(rt, xcar(rt, a)));
      nargs++;
    }
    if (fi < MAX_FRAMES) rt.frames[2 * fi + 1] = nargs;
    const base = sp + 1;
    val = callByteCode(rt, fun, base, nargs);
  } else {
    val = xsignal1(rt, Qinvalid_function, origFun);
  }
  if (rt.debugOnExitCount !== 0 && frameDebugOnExit(rt, fi)) val = debugOnExit(rt, fi, val);
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

const Qquit_flag = DEFSYM('quit-flag');
const Qinhibit_quit = DEFSYM('inhibit-quit');

/**
 * Act on rt.quitRequest (1: just asked, 2: `quit-flag' already set for it), as GNU's maybe_quit
 * acts on C-g: set `quit-flag'; while `inhibit-quit' is non-nil leave it pending; if Lisp cleared
 * `quit-flag' meanwhile, drop it; otherwise clear it and signal `quit'.
 */
function quitRequested(rt: Runtime): void {
  const req = rt.quitRequest!;
  if (Atomics.load(req, 0) === 1) {
    Atomics.store(req, 0, 2);
    setInternal(rt, Qquit_flag, Qt);
  }
  if (findSymbolValue(rt, Qquit_flag) === Qnil) {
    Atomics.store(req, 0, 0);
    return;
  }
  if (findSymbolValue(rt, Qinhibit_quit) !== Qnil) return;
  Atomics.store(req, 0, 0);
  setInternal(rt, Qquit_flag, Qnil);
  xsignal(Qquit, Qnil);
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
  } catch (e) {
    throw noticeUncaught(rt, e);
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

// How the innermost handler that will catch a signal treats the debugger.
const CAUGHT_NONE = 0, CAUGHT_PLAIN = 1, CAUGHT_DEBUG = 2;

/**
 * Which active condition-case will catch SIG, innermost first: none, one whose clause does
 * not name `debug', or one whose clause's condition list names `debug' (GNU then still calls
 * the debugger, as if nothing handled the error).
 */
function catchingClause(rt: Runtime, sig: LispSignal): number {
  const conditions = conditionsOf(rt, sig.symbol);
  for (let i = rt.handlerSpecs.length - 1; i >= 0; i--) {
    for (let h = rt.handlerSpecs[i]!; consp(h); h = xcdr(rt, h)) {
      const clause = xcar(rt, h);
      if (!consp(clause)) continue;
      const spec = xcar(rt, clause);
      if (spec === Qsuccess || !handlerMatches(rt, spec, conditions)) continue;
      return consp(spec) && memq(rt, Qdebug, spec) ? CAUGHT_DEBUG : CAUGHT_PLAIN;
    }
  }
  return CAUGHT_NONE;
}

/**
 * GNU calls `signal-hook-function' and the debugger from signal itself, before anything
 * unwinds. We learn of a signal when it reaches its first catcher, where the dynamic bindings
 * and the backtrace frames of the signalling code are still in place: there SIG is shown to the
 * hook and, if the debugger variables ask for it, to the debugger. Returns what unwinds now: SIG,
 * or whatever the hook or the debugger signalled or threw instead.
 */
function noticeSignalOnce(rt: Runtime, sig: LispSignal): unknown {
  if (sig.debugged) return sig;
  // Code between the signal and here may have lowered the Lisp stack pointer (a finally that
  // restores it): keep the frames' functions and arguments from being overwritten while the
  // hook and the debugger run. Those slots were all rooted when the signal happened.
  const sp = rt.sp;
  rt.sp = Math.max(sp, framesTop(rt));
  // The signal's symbol and data live only in the JS object while the hook and the debugger
  // run Lisp, which may collect: root them (a regexp of `debug-ignored-errors' allocated the
  // error message and match data, and a collection freed the data under GC stress).
  rt.push(sig.symbol);
  rt.push(sig.data);
  try {
    try {
      sig = signalAfterHook(rt, sig);
    } catch (e) {
      return asLispSignal(rt, e) ?? e; // the hook threw: that is what unwinds now
    }
    rt.push(sig.symbol);
    rt.push(sig.data);
    sig.debugged = true;
    try {
      maybeCallDebugger(rt, sig);
    } catch (e) {
      // What the debugger threw (kill-emacs included) unwinds instead; running out of heap or
      // stack while it ran is memory-full or the nesting error, which handlers can catch.
      const s = asLispSignal(rt, e);
      if (s instanceof LispSignal) s.debugged = true;
      return s ?? e;
    }
    return sig;
  } finally {
    rt.sp = sp;
  }
}

/** The Lisp stack index just above the last slot any active backtrace frame uses. */
function framesTop(rt: Runtime): number {
  let top = 0;
  const fr = rt.frames;
  for (let i = Math.min(rt.nframes, MAX_FRAMES) - 1; i >= 0; i--) {
    const kind = fr[2 * i + 1]!;
    if (kind === FRAME_FORM) continue;
    const end = fr[2 * i]! + 1 + (kind >= 0 ? kind : kind === FRAME_UNEVALLED ? 0 : FRAME_CALL - kind);
    if (end > top) top = end;
  }
  return top;
}

/**
 * What a catcher rethrows for E, once the hook and the debugger have seen it (see
 * noticeSignalOnce). JS code that undoes dynamic bindings while a signal passes calls it first,
 * so that the debugger still sees them.
 */
export function noticeUncaught(rt: Runtime, e: unknown): unknown {
  return e instanceof LispSignal ? noticeSignalOnce(rt, e) : e;
}

/**
 * The debugger for SIG, under GNU's rules: debug-on-error (or debug-on-quit for a quit) must
 * want it, the handler that will catch it must be none or one naming `debug' unless
 * debug-on-signal is set, inhibit-debugger and debug-ignored-errors must not exclude it, and in
 * batch the debugger is entered once per session unless `num-nonmacro-input-events' grows. Failing that, an error nothing
 * handles still gets batch Emacs's backtrace through the function `debug'.
 */
function maybeCallDebugger(rt: Runtime, sig: LispSignal): void {
  const caught = catchingClause(rt, sig);
  if (findSymbolValue(rt, Qinhibit_debugger) !== Qnil) return;
  const conditions = conditionsOf(rt, sig.symbol);
  const wanted = sig.symbol === Qquit
    ? findSymbolValue(rt, Qdebug_on_quit) !== Qnil
    : wantsDebugger(rt, findSymbolValue(rt, Qdebug_on_error), conditions);
  if (wanted && rt.whenEnteredDebugger < inputEvents(rt) && (caught !== CAUGHT_PLAIN || findSymbolValue(rt, Qdebug_on_signal) !== Qnil) &&
      !ignoredError(rt, sig, conditions)) {
    const sp = rt.sp;
    rt.push(sig.symbol);
    rt.push(sig.data);
    const debuggerFn = findSymbolValue(rt, Qdebugger);
    callDebugger(rt, debuggerFn === Qunbound ? Qnil : debuggerFn, list(rt, Qerror, cons(rt, sig.symbol, sig.data)));
    rt.sp = sp;
    return;
  }
  if (caught === CAUGHT_NONE && rt.uncaughtSignalHook && findSymbolValue(rt, Qbacktrace_on_error_noninteractive) !== Qnil)
    rt.uncaughtSignalHook(sig);
}

/** The count of input events, as GNU's C variable sees it (0 when not a fixnum). */
function inputEvents(rt: Runtime): number {
  const v = findSymbolValue(rt, Qnum_nonmacro_input_events);
  return isFixnum(v) ? fixnumValue(v) : 0;
}

/** debug-on-error's value VALUE asks for an error with these CONDITIONS: t, or a list naming one. */
function wantsDebugger(rt: Runtime, value: number, conditions: number): boolean {
  if (value === Qnil || value === Qunbound) return false;
  if (!consp(value)) return true;
  for (let c = conditions; consp(c); c = xcdr(rt, c)) if (memq(rt, xcar(rt, c), value)) return true;
  return false;
}

/** debug-ignored-errors names one of the CONDITIONS, or holds a regexp matching SIG's message. */
function ignoredError(rt: Runtime, sig: LispSignal, conditions: number): boolean {
  const ignored = findSymbolValue(rt, Qdebug_ignored_errors);
  const sp = rt.sp;
  rt.push(ignored);
  let message = Qnil;
  try {
    for (let l = ignored; consp(l); l = xcdr(rt, l)) {
      const elt = xcar(rt, l);
      if (stringp(elt)) {
        if (message === Qnil) {
          message = funcall(rt, Qerror_message_string, [cons(rt, sig.symbol, sig.data)]);
          rt.push(message);
        }
        if (funcall(rt, Qstring_match_p, [elt, message]) !== Qnil) return true;
      } else if (memq(rt, elt, conditions)) return true;
    }
    return false;
  } finally {
    rt.sp = sp;
  }
}

/**
 * Call the debugger FN with the argument list ARGS as GNU's call_debugger does: with
 * `debugger-may-continue' and `inhibit-debugger' bound to t, `debug-on-next-call' cleared, and
 * room for 100 more levels of Lisp nesting. A signal escaping the debugger has been seen by
 * the hook inside it and never reaches the debugger again.
 */
export function callDebugger(rt: Runtime, fn: number, args: number): number {
  const count = rt.specCount;
  const sp = rt.sp;
  rt.push(args);
  rt.whenEnteredDebugger = inputEvents(rt);
  const wasInDebugger = rt.inDebugger;
  // GNU makes room past the limits for the debugger's own work (max_ensure_room).
  rt.inDebugger = true;
  const depth = limitValue(rt, Qmax_lisp_eval_depth, 1600, 100);
  if (rt.lispEvalDepth + 100 > depth) specbind(rt, Qmax_lisp_eval_depth, makeFixnum(rt.lispEvalDepth + 100));
  specbind(rt, Qdebugger_may_continue, Qt);
  specbind(rt, Qinhibit_debugger, Qt);
  setInternal(rt, Qdebug_on_next_call, Qnil);
  try {
    return applyList(rt, fn, args);
  } catch (e) {
    if (e instanceof LispSignal && !e.debugged) {
      let next: unknown;
      try {
        next = signalAfterHook(rt, e);
      } catch (thrown) {
        next = thrown;
      }
      if (next instanceof LispSignal) next.debugged = true;
      throw next;
    }
    throw e;
  } finally {
    unbindTo(rt, count);
    rt.inDebugger = wasInDebugger;
    rt.sp = sp;
  }
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

/** SIG at the top level, where nothing caught it: the hook and the debugger see it if no catcher did. */
export function noticeTopLevelSignal(rt: Runtime, sig: LispSignal): unknown {
  return noticeSignalOnce(rt, sig);
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
 * Turn whatever was thrown into something Lisp can catch, by its type only: a full Lisp stack
 * or JS stack (see checkJsStack) becomes GNU's nesting error, heap exhaustion memory-full.
 * Anything else, a RangeError or TypeError among them, is a bug in tsmacs: it is not a Lisp
 * error and no condition-case catches it (every size is checked, every recursion guarded, at
 * its source).
 */
export function asLispSignal(rt: Runtime, e: unknown): LispSignal | LispThrow | null {
  if (e instanceof LispSignal || e instanceof LispThrow) return e;
  if (e instanceof LispStackOverflow || e instanceof JsStackExhausted) return nestingError(rt);
  if (e instanceof HeapExhausted) return memoryFull(rt);
  return null;
}

/** GNU's nesting error; when even its message cannot be allocated, memory-full (which needs no allocation). */
function nestingError(rt: Runtime): LispSignal {
  try {
    return new LispSignal(Qerror, list(rt, makeString(rt, 'Lisp nesting exceeds ‘max-lisp-eval-depth’')));
  } catch (e) {
    if (e instanceof HeapExhausted) return memoryFull(rt);
    throw e;
  }
}

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
    const caught = asLispSignal(rt, e);
    if (!(caught instanceof LispSignal)) throw e;
    const seen = noticeSignalOnce(rt, caught);
    if (!(seen instanceof LispSignal)) {
      restore(rt, s);
      throw seen;
    }
    const sig = seen;
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
    // A signal passing through is seen by signal-hook-function there, which may throw to TAG.
    return compiledCatchLand(rt, s, tag, e);
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
    // kill-emacs from the debugger ends the process without unwinding, as GNU's does.
    if (sig instanceof KillEmacs) throw sig;
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
  // GNU binds the environment only for a lexical binding: without one, what the body did to it
  // (a (defvar x) in it) stays after the let, as in GNU.
  if (envBind) rt.lexenv = saved;
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
  while (evalSub(rt, test) !== Qnil) {
    progn(rt, body);
    // GNU's while checks for a quit each time round: (while t) reaches no other safe point.
    if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
  }
  return Qnil;
});

/**
 * The `while' FORM (ARGS its cdr) evaluated by evalSub as frame FI, with on-stack replacement: a
 * form that has run LOOP_ROUNDS rounds in the interpreter is compiled as the body of a function
 * of no arguments over the current lexical environment, and its code runs the remaining rounds
 * (and the whole loop the next times the form is entered). Nothing of the loop's state lives
 * outside the environment and the variables, so the switch between two rounds is invisible: the
 * compiled loop reads its free variables' binding conses in the environment (a `setq' there is
 * seen by the interpreter after it) and shows the frames the interpreter would (its form's
 * record is frame FI, the while's own). docs/evaluator.md, "Loops the interpreter runs".
 */
function whileLoop(rt: Runtime, form: number, args: number, fi: number): number {
  if (!consp(args)) xsignal2(rt, Qwrong_number_of_arguments, DEFSYM('while'), makeFixnum(0));
  const site = compilerHook.loopSite!(rt, form, rt.lexenv !== Qnil);
  if (site === null) return Fwhile(rt, args);
  if (site.fn !== null && runLoop(rt, site, fi)) return Qnil;
  const test = xcar(rt, args);
  const body = xcdr(rt, args);
  while (evalSub(rt, test) !== Qnil) {
    progn(rt, body);
    if (rt.quitRequest !== null && rt.quitRequest[0] !== 0) quitRequested(rt);
    if (++site.calls === LOOP_ROUNDS && compilerHook.loopCompile!(rt, site, form) !== null && runLoop(rt, site, fi)) break;
  }
  return Qnil;
}

/** Run SITE's compiled loop from where the interpreter stands (see whileLoop); false if it declined. */
function runLoop(rt: Runtime, site: LoopSite, fi: number): boolean {
  const sp = rt.sp;
  const nf = rt.nframes;
  const d = rt.lispEvalDepth;
  // The function the code was made for, over the environment of this run (rooted while it runs).
  const fun = rt.lexenv !== Qnil ? cons(rt, Qclosure, cons(rt, rt.lexenv, site.key)) : cons(rt, Qlambda, site.key);
  rt.push(fun);
  // Its body's form, the loop, is at level 0: frame FI and the depth before the while's.
  rt.nframes = fi;
  rt.lispEvalDepth = d - 1;
  const v = site.fn!(rt, fun, rt.sp, 0);
  rt.sp = sp;
  rt.nframes = nf;
  rt.lispEvalDepth = d;
  if (v !== DEOPT) return true;
  compilerHook.deopted?.(rt);
  compilerHook.loopDrop!(rt, site);
  return false;
}

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
    if (defaultValue(rt, sym) === Qunbound) {
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

/**
 * The outermost binding of SYM's default value, beneath every `let' (GNU's
 * default_toplevel_binding): the specpdl index of its shadowed value, or -1 when unbound.
 * Bindings of one buffer's own value are not the default's.
 */
function toplevelBinding(rt: Runtime, s: number): number {
  for (let i = 0; i < rt.specCount; i += 3) {
    if (rt.specpdl[i] !== s) continue;
    const kind = rt.specpdl[i + 2]!;
    if (kind === SPECPDL_LET || consp(kind)) return i + 1;
  }
  return -1;
}

/** Set SYM's outermost (top-level) default value, beneath any let bindings (GNU's set-default-toplevel-value). */
export function setDefaultToplevel(rt: Runtime, sym: number, value: number): void {
  const s = indirectVariable(rt, sym);
  const i = toplevelBinding(rt, s);
  if (i >= 0) rt.specpdl[i] = value;
  else setDefault(rt, s, value);
}

/** The outermost (top-level) default value of SYM, beneath any let bindings; Qunbound when void. */
export function defaultToplevelValue(rt: Runtime, sym: number): number {
  const s = indirectVariable(rt, sym);
  const i = toplevelBinding(rt, s);
  return i >= 0 ? rt.specpdl[i]! : defaultValue(rt, s);
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

// Code run once per new kind of call, such as the computation of a generic function's effective
// method for a new combination of argument types (cl-generic.el), is set-up code like a macro
// expander's: the functions it calls are compiled at their EXPAND_THRESHOLD-th call there, not
// at their first (compile.ts, evalperf9).
DEFUN('tsmacs--setup-call', 1, MANY, 'Call FUNCTION with the remaining arguments as set-up code, which the compiler leaves interpreted longer.', (rt, args: number[]) => {
  rt.setupDepth++;
  try {
    return funcall(rt, args[0]!, args.slice(1));
  } finally {
    rt.setupDepth--;
  }
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
  if (!consp(f)) return Qnil;
  if (xcar(rt, f) === Qmacro) return Qt;
  if (xcar(rt, f) !== Qautoload) return Qnil;
  // GNU answers with what `memq' finds of TYPE in (macro t): (macro t) or (t).
  const type = autoloadType(rt, f);
  return type === Qmacro ? cons(rt, Qmacro, cons(rt, Qt, Qnil)) : type === Qt ? cons(rt, Qt, Qnil) : Qnil;
});

/** TYPE of (autoload FILE DOC INTERACTIVE TYPE), nil when the list is shorter. */
function autoloadType(rt: Runtime, f: number): number {
  let l = f;
  for (let i = 0; i < 4 && consp(l); i++) l = xcdr(rt, l);
  return consp(l) ? xcar(rt, l) : Qnil;
}

DEFUN('commandp', 1, 2, 'Tell whether FUNCTION can be called as a command: it has an interactive form (a lambda or closure with `interactive\', a primitive with an interactive spec, an autoload marked interactive, a symbol with an `interactive-form\' property), or it is a keyboard macro (a string or vector), unless FOR-CALL-INTERACTIVELY.', (rt, fn: number, forCallInteractively: number) => {
  let f = fn;
  if ((f & 7) === Lisp_Symbol && f !== Qnil) {
    // GNU looks for the property along the alias chain.
    for (let s = f, n = 0; (s & 7) === Lisp_Symbol && s !== Qnil && n < 100; s = symbolFunction(rt, s), n++) {
      if (getProp(rt, s, Qinteractive_form) !== Qnil) return Qt;
    }
    f = indirectFunction(rt, f);
  }
  if (isSubr(rt, f)) return PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]!.intspec !== undefined ? Qt : Qnil;
  // A compiled function with an interactive slot is a command, whatever the slot holds.
  if (isPvec(rt, f, PVEC_COMPILED)) return pvecSize(rt, f) > COMPILED_INTERACTIVE ? Qt : Qnil;
  if (stringp(f) || isPvec(rt, f, PVEC_NORMAL_VECTOR)) return forCallInteractively === Qnil ? Qt : Qnil;
  if (consp(f)) {
    const head = xcar(rt, f);
    if (head === Qautoload) {
      // (autoload FILE DOC INTERACTIVE TYPE)
      let l = f;
      for (let i = 0; i < 3 && consp(l); i++) l = xcdr(rt, l);
      return consp(l) && xcar(rt, l) !== Qnil ? Qt : Qnil;
    }
    let body = head === Qclosure ? xcdr(rt, xcdr(rt, xcdr(rt, f))) : head === Qlambda ? xcdr(rt, xcdr(rt, f)) : Qnil;
    if (consp(body) && stringp(xcar(rt, body))) body = xcdr(rt, body);
    while (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qdeclare) body = xcdr(rt, body);
    if (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qinteractive) return Qt;
  }
  return Qnil;
});

DEFUN('autoload', 2, 5, 'Make FUNCTION a placeholder that loads FILE when first needed.\nDOCSTRING, INTERACTIVE and TYPE (nil for a function, `macro\' or `keymap\') describe it until then. Does nothing when FUNCTION is already defined.', (rt, fn: number, file: number, doc: number, interactive: number, type: number) => {
  if ((fn & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, fn);
  const cur = symbolFunction(rt, fn);
  if (cur !== Qnil && !(consp(cur) && xcar(rt, cur) === Qautoload)) return Qnil;
  // Through defalias, as GNU: advice waiting on FUNCTION (its defalias-fset-function) sees
  // the autoload, and the value is FUNCTION.
  const sp = rt.sp;
  try {
    rt.push(fn);
    const def = list(rt, Qautoload, file, doc, interactive, type);
    rt.push(def);
    return call2(rt, Qdefalias_sym, fn, def);
  } finally {
    rt.sp = sp;
  }
});
const Qdefalias_sym = DEFSYM('defalias');

DEFUN('autoload-do-load', 1, 3, 'Load the file named by FUNDEF when FUNDEF is an autoload object, and give FUNNAME\'s definition after that (nil without FUNNAME).', (rt, fundef: number, funname: number) => {
  if (!(consp(fundef) && xcar(rt, fundef) === Qautoload)) return fundef;
  autoloadDo(rt, fundef, funname);
  return funname === Qnil ? Qnil : indirectFunction(rt, funname);
});

const Qdisplay_warning = DEFSYM('display-warning');
const Qread = DEFSYM('read');
const Qlosing_value = DEFSYM('losing-value');

DEFUN('defvaralias', 2, 3, 'Make NEW-ALIAS another name for the variable BASE-VARIABLE; DOCSTRING documents the alias.', (rt, alias: number, base: number, doc: number) => {
  if ((alias & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, alias);
  if ((base & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, base);
  if (isConstantSymbol(rt, alias)) error(rt, 'Cannot make a constant an alias');
  if (isLocalized(rt, alias)) error(rt, 'Don’t know how to make a localized variable an alias');
  if (indirectVariable(rt, base) === alias) xsignal1(rt, DEFSYM('cyclic-variable-indirection'), base);
  if ((symbolFlags(rt, alias) & SYM_REDIRECT_MASK) === SYM_PLAINVAL) {
    // Aliasing drops the alias's own value: GNU warns when that value differs from the base's.
    const own = symbolRawValue(rt, alias);
    const other = findSymbolValue(rt, base);
    if (own !== Qunbound && other !== Qunbound && own !== other) {
      const sp = rt.sp;
      rt.push(alias);
      rt.push(base);
      rt.push(doc);
      const text = funcall(rt, Qformat_message, [makeString(rt, 'Overwriting value of `%s\' by aliasing to `%s\''), alias, base]);
      funcall(rt, Qdisplay_warning, [list(rt, Qdefvaralias, Qlosing_value, alias), text]);
      rt.sp = sp;
    }
  }
  if (((symbolFlags(rt, alias) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_TRAPWRITE) notifyWatchers(rt, alias, base, Qdefvaralias, Qnil);
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
  // Unchecked, a non-symbol had its words taken for a symbol's flags (heap damage in the fuzz test).
  if ((sym & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, sym);
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
    if (consp(f) && xcar(rt, f) === Qautoload && (autoloadType(rt, f) === Qmacro || autoloadType(rt, f) === Qt)) {
      autoloadDo(rt, f, head);
      f = indirectFunction(rt, head);
    }
    if (!consp(f) || xcar(rt, f) !== Qmacro) return form;
    expander = xcdr(rt, f);
  }
  const sp = rt.sp;
  rt.push(form);
  rt.setupDepth++;
  let v: number;
  try {
    v = funcall(rt, expander, listElements(rt, xcdr(rt, form)));
  } finally {
    rt.setupDepth--;
  }
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

DEFUN('run-hook-wrapped', 2, MANY, 'Call WRAP-FUNCTION with each function of the hook variable HOOK followed by ARGS, until a call gives non-nil; give that value, or nil.', (rt, args: number[]) => {
  const hook = args[0]!;
  if ((hook & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, hook);
  const v = runHookWithArgs(rt, hook, args.slice(2), (x) => x !== Qnil, args[1]!);
  return v === Qunbound ? Qnil : v;
});

/**
 * Call each function of HOOK's value with ARGS (a `t` element runs the global
 * value's functions). With STOP, return the first value it accepts, or
 * Qunbound if none did; without, return nil.
 */
export function runHookWithArgs(rt: Runtime, hook: number, args: number[], stop: ((v: number) => boolean) | null, wrapper = Qnil): number {
  const value = findSymbolValue(rt, hook);
  if (value === Qunbound || value === Qnil) return stop ? Qunbound : Qnil;
  const sp = rt.sp;
  rt.push(value);
  const fns: number[] = [];
  if (consp(value) && xcar(rt, value) !== Qlambda && xcar(rt, value) !== Qclosure) {
    // The functions are collected first, so a circular hook list would fill the array until
    // V8 dies; it signals circular-list instead (GNU calls the functions round it for ever).
    forEachTail(rt, value, (l) => {
      const f = xcar(rt, l);
      if (f === Qt) {
        const global = defaultValue(rt, hook);
        if (consp(global) && xcar(rt, global) !== Qlambda && xcar(rt, global) !== Qclosure) {
          forEachTail(rt, global, (g) => {
            if (xcar(rt, g) !== Qt) fns.push(xcar(rt, g));
          });
        } else if (global !== Qnil && global !== Qunbound) fns.push(global);
      } else fns.push(f);
    });
  } else fns.push(value);
  let result = stop ? Qunbound : Qnil;
  for (const f of fns) {
    const v = wrapper === Qnil ? funcall(rt, f, args) : funcall(rt, wrapper, [f, ...args]);
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

// GNU loads a compiled function's code from its .elc when it was left there lazily; tsmacs
// reads every compiled function whole, so there is never anything to fetch.
DEFUN('fetch-bytecode', 1, 1, 'Give OBJECT, with the code of a compiled function whose code was left in its file loaded first; other objects come back as they are.', (_rt, object: number) => object);

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
  if (consp(f) && xcar(rt, f) === Qautoload) {
    // As GNU: an autoloaded function is loaded to learn its arguments.
    if ((fn & 7) !== Lisp_Symbol) wrongTypeArgument(rt, Qsymbolp, f);
    autoloadDo(rt, f, fn);
    f = indirectFunction(rt, fn);
  }
  if (isSubr(rt, f)) return subrArity(rt, f);
  if (consp(f) && xcar(rt, f) === Qmacro) f = xcdr(rt, f);
  if (byteCodeClosure(rt, f) !== Qnil) f = byteCodeClosure(rt, f);
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
  if ((f & 7) === Lisp_Symbol && f !== Qnil) {
    // An `interactive-form' property along the alias chain wins, as in GNU.
    for (let s = f, n = 0; (s & 7) === Lisp_Symbol && s !== Qnil && n < 100; s = symbolFunction(rt, s), n++) {
      const p = getProp(rt, s, Qinteractive_form);
      if (p !== Qnil) return p;
    }
    f = indirectFunction(rt, f);
    // An autoloaded command is loaded to find its spec, as GNU does.
    if (consp(f) && xcar(rt, f) === Qautoload) {
      autoloadDo(rt, f, cmd);
      f = indirectFunction(rt, cmd);
      if (consp(f) && xcar(rt, f) === Qautoload) return Qnil;
    }
  } else if (consp(f) && xcar(rt, f) === Qautoload) {
    wrongTypeArgument(rt, Qsymbolp, f);
  }
  if (isSubr(rt, f)) {
    const spec = PRIMITIVES[fixnumValue(aref(rt, f, SUBR_INDEX))]!.intspec;
    if (spec === undefined) return Qnil;
    // As in GNU's C DEFUNs, a spec that is not a string of codes is a Lisp form in text
    // (`nil' or one opening with a parenthesis), read each time it is asked for.
    const text = makeString(rt, spec);
    if (spec !== 'nil' && !spec.startsWith('(')) return list(rt, Qinteractive, text);
    const sp = rt.sp;
    rt.push(text);
    try {
      const form = call1(rt, Qread, text);
      rt.push(form);
      return list(rt, Qinteractive, form);
    } finally {
      rt.sp = sp;
    }
  }
  if (isPvec(rt, f, PVEC_COMPILED)) {
    if (pvecSize(rt, f) <= COMPILED_INTERACTIVE) return Qnil;
    // The slot holds the spec, or [SPEC MODES] when the command names its modes.
    const slot = aref(rt, f, COMPILED_INTERACTIVE);
    return list(rt, Qinteractive, isPvec(rt, slot, PVEC_NORMAL_VECTOR) && pvecSize(rt, slot) > 0 ? aref(rt, slot, 0) : slot);
  }
  const form = lambdaInteractive(rt, f);
  // Modes listed after the spec are `command-modes' business, not part of the form.
  return consp(form) && consp(xcdr(rt, form)) && consp(xcdr(rt, xcdr(rt, form))) ? list(rt, Qinteractive, xcar(rt, xcdr(rt, form))) : form;
});

/** The (interactive ...) form of the lambda or closure F as written, modes and all, or nil. */
export function lambdaInteractive(rt: Runtime, f: number): number {
  if (consp(f) && (xcar(rt, f) === Qlambda || xcar(rt, f) === Qclosure)) {
    let body = xcar(rt, f) === Qclosure ? xcdr(rt, xcdr(rt, xcdr(rt, f))) : xcdr(rt, xcdr(rt, f));
    // Skip the docstring (or a :documentation form) and declarations.
    if (consp(body) && (stringp(xcar(rt, body)) || (consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qdocumentation)) && consp(xcdr(rt, body)))
      body = xcdr(rt, body);
    while (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qdeclare) body = xcdr(rt, body);
    if (consp(body) && consp(xcar(rt, body)) && xcar(rt, xcar(rt, body)) === Qinteractive) return xcar(rt, body);
  }
  return Qnil;
}

const Qcommand_modes = DEFSYM('command-modes');

DEFUN('command-modes', 1, 1, 'Give the list of modes COMMAND is meant for: from a `command-modes\' property along its alias chain, or the modes its interactive form names after the spec; nil when none are given.', (rt, cmd: number) => {
  let f = cmd;
  for (let n = 0; (f & 7) === Lisp_Symbol && f !== Qnil && n < 100; n++) {
    const p = getProp(rt, f, Qcommand_modes);
    if (p !== Qnil) return p;
    f = symbolFunction(rt, f);
  }
  if (isPvec(rt, f, PVEC_COMPILED)) {
    const slot = pvecSize(rt, f) > COMPILED_INTERACTIVE ? aref(rt, f, COMPILED_INTERACTIVE) : Qnil;
    return isPvec(rt, slot, PVEC_NORMAL_VECTOR) && pvecSize(rt, slot) > 1 ? aref(rt, slot, 1) : Qnil;
  }
  const form = lambdaInteractive(rt, f);
  return consp(form) && consp(xcdr(rt, form)) ? xcdr(rt, xcdr(rt, form)) : Qnil;
});

/** The slot of a compiled function's interactive spec, as GNU's COMPILED_INTERACTIVE. */
const COMPILED_INTERACTIVE = 5;

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
