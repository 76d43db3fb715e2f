// Lisp threads, mutexes and condition variables on the one JS thread (GNU's thread.c).
//
// GNU runs each Lisp thread on its own system thread and lets only one hold the global lock.
// Here there is one JS stack, so a thread can only run on top of the thread that lets it:
// the threads that have started form a stack, the main thread at its bottom and the running
// one on top. A thread runs when the one on top reaches a switch point (thread-yield,
// thread-join, a mutex it cannot take, condition-wait, sleep-for, accept-process-output): every
// thread made and not yet started then runs, each in turn, on top of it. Bindings are per
// thread as in GNU: the let-bindings of the threads beneath are swapped out while another runs
// (it sees their global values), and so are their catch tags and condition-case handlers.
//
// The limit of the model: a thread beneath the running one resumes only when every thread
// above it has ended. A thread that waits for such a thread (a mutex it holds, a notification
// only it can send, its end) can never get what it waits for, and gets an error at once instead
// of hanging; one that keeps yielding in a loop while nothing else can run gets the same error
// after THREAD_SPIN_LIMIT such yields in a row.

import { PVEC_CONDVAR, PVEC_MUTEX, PVEC_THREAD } from '../heap/layout.ts';
import { Lisp_String, fixnumValue, makeFixnum } from '../heap/tags.ts';
import { DEFGLOBAL, defineWorldState, type Runtime } from '../core/runtime.ts';
import { aref, aset, cons, consp, isPvec, list, makePvec, makeString, xcar, xcdr, xsetcdr } from '../core/object.ts';
import { KillEmacs, LispSignal, error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFSYM, Qnil, Qt, Qstringp } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { intern } from '../core/obarray.ts';
import { HIDE_DURING_DUMP, pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { asLispSignal, findSymbolValue, funcall, setInternal, signalValue, swapBindingRange, unbindTo } from './eval.ts';
import { bufferLive, currentBuffer, setBuffer } from './buffer.ts';
import { registerPvecPrinter } from './print.ts';

// Thread slots.
const TH_NAME = 0;
const TH_FUNCTION = 1;
const TH_STATE = 2; // TS_* as a fixnum
const TH_RESULT = 3;
const TH_BLOCKER = 4; // the mutex, condition variable or thread it waits for, else nil
const TH_BUFFER = 5; // its current buffer while another thread runs (at first its maker's)
const TH_PENDING = 6; // a signal sent to it, (ERROR-SYMBOL . DATA), not yet raised
const TH_SPECBASE = 7; // where its own entries start in the specpdl, a fixnum
const TH_SPINS = 8; // yields in a row that let nothing run, a fixnum
const TH_NOTIFIED = 9; // t once a condition-notify woke it
const TH_HELD = 10; // the mutexes it has taken, freed when it ends
const TH_SIGNALED = 11; // the last signal thread-signal sent it, (ERROR-SYMBOL . DATA): thread-join raises it
const TH_SLOTS = 12;
const TS_NEW = 0, TS_ACTIVE = 1, TS_DEAD = 2;

// Mutex slots.
const MX_NAME = 0;
const MX_OWNER = 1;
const MX_COUNT = 2;
const MX_SLOTS = 3;

// Condition variable slots.
const CV_MUTEX = 0;
const CV_NAME = 1;
const CV_SLOTS = 2;

/** Yields in a row by a thread above others, with nothing else able to run, before it is stopped. */
const THREAD_SPIN_LIMIT = 100000;

/** The live threads, the main thread first, then oldest to newest. */
const G_THREADS = DEFGLOBAL('threads');
const G_CURRENT_THREAD = DEFGLOBAL('current-thread');
const G_LAST_THREAD_ERROR = DEFGLOBAL('last-thread-error');

const Qthreadp = DEFSYM('threadp');
const Qmutexp = DEFSYM('mutexp');
const Qcondition_variable_p = DEFSYM('condition-variable-p');
const Qmain_thread = DEFSYM('main-thread');
const Qthread_event = DEFSYM('thread-event');
const Qthread_handle_event = DEFSYM('thread-handle-event');

DEFVAR('main-thread', () => Qnil, 'The thread Emacs started in, the one that reads commands.');

const num = (rt: Runtime, obj: number, slot: number): number => fixnumValue(aref(rt, obj, slot));
const isThread = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_THREAD);

export function checkThread(rt: Runtime, x: number): number {
  if (!isThread(rt, x)) wrongTypeArgument(rt, Qthreadp, x);
  return x;
}
function checkMutex(rt: Runtime, x: number): number {
  if (!isPvec(rt, x, PVEC_MUTEX)) wrongTypeArgument(rt, Qmutexp, x);
  return x;
}
function checkCondvar(rt: Runtime, x: number): number {
  if (!isPvec(rt, x, PVEC_CONDVAR)) wrongTypeArgument(rt, Qcondition_variable_p, x);
  return x;
}
function checkName(rt: Runtime, name: number): number {
  if (name !== Qnil && (name & 7) !== Lisp_String) wrongTypeArgument(rt, Qstringp, name);
  return name;
}

export const currentThread = (rt: Runtime): number => rt.globals[G_CURRENT_THREAD]!;
/** Whether THREAD (a thread object) has ended. */
export const threadEnded = (rt: Runtime, th: number): boolean => num(rt, th, TH_STATE) === TS_DEAD;
/** This session's main thread: the first of the thread list. */
export const mainThread = (rt: Runtime): number => {
  let l = rt.globals[G_THREADS]!;
  return consp(l) ? xcar(rt, l) : Qnil;
};

function newThread(rt: Runtime, fn: number, name: number, state: number): number {
  const th = makePvec(rt, PVEC_THREAD, TH_SLOTS, Qnil);
  aset(rt, th, TH_FUNCTION, fn);
  aset(rt, th, TH_NAME, name);
  aset(rt, th, TH_STATE, makeFixnum(state));
  aset(rt, th, TH_SPECBASE, makeFixnum(0));
  aset(rt, th, TH_SPINS, makeFixnum(0));
  // A new thread starts in its maker's buffer; the main thread's is noted when it lets another run.
  if (state === TS_NEW) aset(rt, th, TH_BUFFER, currentBuffer(rt));
  const sp = rt.sp;
  rt.push(th);
  const cell = cons(rt, th, Qnil);
  rt.sp = sp;
  const l = rt.globals[G_THREADS]!;
  if (!consp(l)) rt.globals[G_THREADS] = cell;
  else {
    let tail = l;
    while (consp(xcdr(rt, tail))) tail = xcdr(rt, tail);
    xsetcdr(rt, tail, cell);
  }
  return th;
}

// Each session has its own main thread: one from the dumping session is not it.
pdumperDoNowAndAfterLoad((rt) => {
  rt.globals[G_THREADS] = Qnil;
  rt.globals[G_LAST_THREAD_ERROR] = Qnil;
  const main = newThread(rt, Qnil, Qnil, TS_ACTIVE);
  rt.globals[G_CURRENT_THREAD] = main;
  setInternal(rt, Qmain_thread, main);
});

// A thread belongs to the session it runs in: GNU dumps none, but re-points `main-thread' at the
// next session's, which the hook above makes anew. So `main-thread' and the thread list are nil
// while a dump is written.
HIDE_DURING_DUMP.push((rt) => {
  const saved = [rt.globals[G_THREADS]!, rt.globals[G_CURRENT_THREAD]!, rt.globals[G_LAST_THREAD_ERROR]!, findSymbolValue(rt, Qmain_thread)];
  rt.globals[G_THREADS] = Qnil;
  rt.globals[G_CURRENT_THREAD] = Qnil;
  rt.globals[G_LAST_THREAD_ERROR] = Qnil;
  setInternal(rt, Qmain_thread, Qnil);
  // Kept from the collector meanwhile on the Lisp stack, which is not dumped.
  const sp = rt.sp;
  for (const x of saved) rt.push(x);
  return () => {
    rt.globals[G_THREADS] = saved[0]!;
    rt.globals[G_CURRENT_THREAD] = saved[1]!;
    rt.globals[G_LAST_THREAD_ERROR] = saved[2]!;
    setInternal(rt, Qmain_thread, saved[3]!);
    rt.sp = sp;
  };
});

const hex = (rt: Runtime, obj: number): string => `0x${((obj & -8) >>> 0).toString(16)}`;
function printNamed(kind: string, nameSlot: number) {
  return (rt: Runtime, obj: number, _escape: boolean, out: { ascii(s: string): void; text(x: number): void }): void => {
    out.ascii(`#<${kind} `);
    const name = aref(rt, obj, nameSlot);
    if (name === Qnil) out.ascii(hex(rt, obj));
    else out.text(name);
    out.ascii('>');
  };
}
registerPvecPrinter(PVEC_THREAD, printNamed('thread', TH_NAME));
registerPvecPrinter(PVEC_MUTEX, printNamed('mutex', MX_NAME));
registerPvecPrinter(PVEC_CONDVAR, printNamed('condvar', CV_NAME));

/** The thread has ended: off the list, its mutexes free again. */
function retire(rt: Runtime, th: number): void {
  aset(rt, th, TH_STATE, makeFixnum(TS_DEAD));
  aset(rt, th, TH_BLOCKER, Qnil);
  let prev = Qnil;
  for (let l = rt.globals[G_THREADS]!; consp(l); prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, l) !== th) continue;
    if (prev === Qnil) rt.globals[G_THREADS] = xcdr(rt, l);
    else xsetcdr(rt, prev, xcdr(rt, l));
    break;
  }
  for (let l = aref(rt, th, TH_HELD); consp(l); l = xcdr(rt, l)) {
    const m = xcar(rt, l);
    if (aref(rt, m, MX_OWNER) !== th) continue;
    aset(rt, m, MX_OWNER, Qnil);
    aset(rt, m, MX_COUNT, makeFixnum(0));
  }
  aset(rt, th, TH_HELD, Qnil);
}

/** Run thread TH, not started yet, on top of the current one until it ends. */
function runOnTop(rt: Runtime, th: number): void {
  const me = currentThread(rt);
  const sp = rt.sp;
  const lexenv = rt.lexenv;
  const depth = rt.lispEvalDepth;
  const envBinds = rt.envBinds;
  const nframes = rt.nframes;
  rt.push(me);
  rt.push(th);
  rt.push(lexenv);
  const base = num(rt, me, TH_SPECBASE);
  const top = rt.specCount;
  aset(rt, me, TH_BUFFER, currentBuffer(rt));
  swapBindingRange(rt, base, top, true);
  // The catch tags and handlers beneath belong to the threads there: kept on the Lisp stack
  // for the collector while hidden.
  const tags = rt.catchTags.splice(0);
  const handlers = rt.handlerSpecs.splice(0);
  for (const x of tags) rt.push(x);
  for (const x of handlers) rt.push(x);
  rt.globals[G_CURRENT_THREAD] = th;
  aset(rt, th, TH_STATE, makeFixnum(TS_ACTIVE));
  aset(rt, th, TH_SPECBASE, makeFixnum(top));
  rt.lexenv = Qnil;
  // Like GNU's thread body, every error ends the thread without the debugger.
  const catchAll = list(rt, list(rt, Qt));
  rt.push(catchAll);
  rt.handlerSpecs.push(catchAll);
  try {
    const start = aref(rt, th, TH_BUFFER);
    if (bufferLive(rt, start)) setBuffer(rt, start);
    // A signal sent before it started waits, as in GNU, for its first switch point.
    aset(rt, th, TH_RESULT, funcall(rt, aref(rt, th, TH_FUNCTION), []));
  } catch (e) {
    if (e instanceof KillEmacs) throw e;
    const sig = asLispSignal(rt, e);
    if (!(sig instanceof LispSignal)) throw e;
    rt.globals[G_LAST_THREAD_ERROR] = signalValue(rt, sig);
  } finally {
    unbindTo(rt, top);
    retire(rt, th);
    rt.catchTags.length = 0;
    rt.catchTags.push(...tags);
    rt.handlerSpecs.length = 0;
    rt.handlerSpecs.push(...handlers);
    rt.globals[G_CURRENT_THREAD] = me;
    swapBindingRange(rt, base, top, false);
    const mine = aref(rt, me, TH_BUFFER);
    if (bufferLive(rt, mine)) setBuffer(rt, mine);
    rt.lexenv = lexenv;
    rt.lispEvalDepth = depth;
    rt.envBinds = envBinds;
    rt.nframes = nframes;
    rt.sp = sp;
  }
}

/** Run every thread made and not yet started; true if there was one. */
function runWaiting(rt: Runtime): boolean {
  let ran = false;
  for (;;) {
    let next = Qnil;
    for (let l = rt.globals[G_THREADS]!; consp(l); l = xcdr(rt, l)) {
      const th = xcar(rt, l);
      if (num(rt, th, TH_STATE) === TS_NEW) {
        next = th;
        break;
      }
    }
    if (next === Qnil) return ran;
    runOnTop(rt, next);
    ran = true;
  }
}

/**
 * Raise in the current thread a signal another thread sent it while it waited. The main thread
 * is not interrupted: the error comes to it as an event, (thread-event SENDER (SYMBOL DATA)),
 * handled where it reads events (EVENTS true) by `thread-handle-event', as GNU's
 * special-event-map does.
 */
function takePending(rt: Runtime, events: boolean): void {
  const me = currentThread(rt);
  const pending = aref(rt, me, TH_PENDING);
  if (pending === Qnil) return;
  if (me === mainThread(rt)) {
    if (!events) return;
    aset(rt, me, TH_PENDING, Qnil);
    const sp = rt.sp;
    rt.push(pending);
    const event = list(rt, Qthread_event, xcar(rt, pending), list(rt, xcar(rt, xcdr(rt, pending)), xcdr(rt, xcdr(rt, pending))));
    rt.push(event);
    funcall(rt, Qthread_handle_event, [event]);
    rt.sp = sp;
    return;
  }
  aset(rt, me, TH_PENDING, Qnil);
  xsignal(xcar(rt, pending), xcdr(rt, pending));
}

/** Where a thread waits for input or time: the threads waiting to start run, then any signal sent meanwhile is taken. */
export function threadSwitch(rt: Runtime): boolean {
  if (!consp(rt.globals[G_THREADS] ?? Qnil)) return false;
  const ran = runWaiting(rt);
  takePending(rt, true);
  return ran;
}

/** Whether `stuck' stopped a thread since the main thread last gave up waiting. */
const threadWorld = defineWorldState(() => ({ stopped: false }));

function stuck(rt: Runtime, what: number): never {
  threadWorld(rt).stopped = true;
  const sp = rt.sp;
  rt.push(what);
  const msg = funcall(rt, intern(rt, 'format'), [makeString(rt, 'Deadlock: %s is held or awaited by a thread suspended until this one ends'), what]);
  rt.sp = sp;
  return xsignal(intern(rt, 'error'), list(rt, msg));
}

/**
 * Wait in the current thread until READY says yes, running the threads that can run meanwhile;
 * BLOCKER is what thread--blocker shows all along.
 */
function waitFor(rt: Runtime, blocker: number, ready: () => boolean): void {
  const me = currentThread(rt);
  const sp = rt.sp;
  rt.push(blocker);
  aset(rt, me, TH_BLOCKER, blocker);
  try {
    for (;;) {
      if (ready()) return;
      const ran = runWaiting(rt);
      takePending(rt, false);
      if (ready()) return;
      if (!ran) stuck(rt, blocker);
    }
  } finally {
    aset(rt, me, TH_BLOCKER, Qnil);
    rt.sp = sp;
  }
}

function lockMutex(rt: Runtime, m: number, count: number): void {
  const me = currentThread(rt);
  const owner = aref(rt, m, MX_OWNER);
  if (owner !== me) waitFor(rt, m, () => aref(rt, m, MX_OWNER) === Qnil);
  aset(rt, m, MX_OWNER, me);
  aset(rt, m, MX_COUNT, makeFixnum(owner === me ? num(rt, m, MX_COUNT) + count : count));
  let known = false;
  for (let l = aref(rt, me, TH_HELD); consp(l) && !known; l = xcdr(rt, l)) known = xcar(rt, l) === m;
  if (!known) aset(rt, me, TH_HELD, cons(rt, m, aref(rt, me, TH_HELD)));
}

function heldHere(rt: Runtime, cv: number): number {
  const m = aref(rt, cv, CV_MUTEX);
  if (aref(rt, m, MX_OWNER) !== currentThread(rt)) error(rt, 'Condition variable’s mutex is not held by current thread');
  return m;
}

DEFUN('make-thread', 1, 2, 'Make a thread that will call FUNCTION with no arguments, and give it; NAME, a string, names it.\nIt starts when the current thread next lets others run.', (rt, fn: number, name: number) => {
  checkName(rt, name);
  return newThread(rt, fn, name, TS_NEW);
});

DEFUN('current-thread', 0, 0, 'Give the thread running this code.', (rt) => currentThread(rt));

DEFUN('thread-name', 1, 1, 'Give the name THREAD was made with, nil if none.', (rt, th: number) => aref(rt, checkThread(rt, th), TH_NAME));

DEFUN('thread-live-p', 1, 1, 'Give t while THREAD has not ended, nil once it has.', (rt, th: number) =>
  num(rt, checkThread(rt, th), TH_STATE) === TS_DEAD ? Qnil : Qt);

DEFUN('thread--blocker', 1, 1, 'Give what THREAD waits for: a mutex, a condition variable or a thread; nil when it does not wait.',
  (rt, th: number) => aref(rt, checkThread(rt, th), TH_BLOCKER));

DEFUN('all-threads', 0, 0, 'Give a fresh list of the threads that have not ended, the main thread first.', (rt) => {
  const xs: number[] = [];
  for (let l = rt.globals[G_THREADS]!; consp(l); l = xcdr(rt, l)) xs.push(xcar(rt, l));
  return list(rt, ...xs);
});

DEFUN('thread-yield', 0, 0, 'Let other threads run before the current one goes on.', (rt) => {
  const me = currentThread(rt);
  const ran = runWaiting(rt);
  takePending(rt, false);
  // The main thread spins freely, as in GNU (a busy wait ends by itself), unless a thread it may
  // be waiting for was stopped above: then it would spin for ever.
  if (ran || (me === mainThread(rt) && !threadWorld(rt).stopped)) {
    aset(rt, me, TH_SPINS, makeFixnum(0));
  } else {
    const spins = num(rt, me, TH_SPINS) + 1;
    aset(rt, me, TH_SPINS, makeFixnum(spins));
    if (spins >= THREAD_SPIN_LIMIT) {
      aset(rt, me, TH_SPINS, makeFixnum(0));
      if (me === mainThread(rt)) {
        threadWorld(rt).stopped = false;
        error(rt, 'Deadlock: the threads the main thread waits for were stopped');
      }
      stuck(rt, mainThread(rt));
    }
  }
  return Qnil;
});

DEFUN('thread-join', 1, 1, 'Wait until THREAD has ended and give the value its function returned (nil if it ended by an error).\nWhen `thread-signal\' was used on THREAD, its last signal is raised here instead.', (rt, th: number) => {
  checkThread(rt, th);
  if (th === currentThread(rt)) error(rt, 'Cannot join current thread');
  waitFor(rt, th, () => num(rt, th, TH_STATE) === TS_DEAD);
  // As GNU's does, the join raises what thread-signal sent the thread, however it ended.
  const sent = aref(rt, th, TH_SIGNALED);
  if (sent !== Qnil) xsignal(xcar(rt, sent), xcdr(rt, sent));
  return aref(rt, th, TH_RESULT);
});

DEFUN('thread-signal', 3, 3, 'Make THREAD signal ERROR-SYMBOL with DATA at its next switch point (a yield or a wait); at once when it is the current thread.\nThe main thread gets it as an event instead, which shows it as a message.', (rt, th: number, sym: number, data: number) => {
  checkThread(rt, th);
  if (th === currentThread(rt)) xsignal(sym, data);
  if (num(rt, th, TH_STATE) === TS_DEAD) return Qnil;
  const sp = rt.sp;
  let pending = cons(rt, sym, data);
  // The main thread's event names the sender.
  if (th === mainThread(rt)) {
    rt.push(pending);
    pending = cons(rt, currentThread(rt), pending);
  } else aset(rt, th, TH_SIGNALED, pending);
  aset(rt, th, TH_PENDING, pending);
  rt.sp = sp;
  return Qnil;
});

DEFUN('thread-last-error', 0, 1, 'Give the error, (ERROR-SYMBOL . DATA), that last ended a thread; nil if none did.\nWith CLEANUP non-nil, forget it afterwards.', (rt, cleanup: number) => {
  const v = rt.globals[G_LAST_THREAD_ERROR] ?? Qnil;
  if (cleanup !== Qnil) rt.globals[G_LAST_THREAD_ERROR] = Qnil;
  return v;
});

DEFUN('make-mutex', 0, 1, 'Make a mutex, free to take, and give it; NAME, a string, names it.', (rt, name: number) => {
  checkName(rt, name);
  const m = makePvec(rt, PVEC_MUTEX, MX_SLOTS, Qnil);
  aset(rt, m, MX_NAME, name);
  aset(rt, m, MX_COUNT, makeFixnum(0));
  return m;
});

DEFUN('mutex-name', 1, 1, 'Give the name MUTEX was made with, nil if none.', (rt, m: number) => aref(rt, checkMutex(rt, m), MX_NAME));

DEFUN('mutex-lock', 1, 1, 'Take MUTEX for the current thread, first waiting while another thread holds it.\nA thread may take a mutex it holds again: it must then release it as often.', (rt, m: number) => {
  lockMutex(rt, checkMutex(rt, m), 1);
  return Qnil;
});

DEFUN('mutex-unlock', 1, 1, 'Release MUTEX once; the current thread must hold it.', (rt, m: number) => {
  checkMutex(rt, m);
  if (aref(rt, m, MX_OWNER) !== currentThread(rt)) error(rt, 'Cannot unlock mutex owned by another thread');
  const n = num(rt, m, MX_COUNT) - 1;
  aset(rt, m, MX_COUNT, makeFixnum(n));
  if (n <= 0) aset(rt, m, MX_OWNER, Qnil);
  return Qnil;
});

DEFUN('make-condition-variable', 1, 2, 'Make a condition variable tied to MUTEX and give it; NAME, a string, names it.', (rt, m: number, name: number) => {
  checkMutex(rt, m);
  checkName(rt, name);
  const cv = makePvec(rt, PVEC_CONDVAR, CV_SLOTS, Qnil);
  aset(rt, cv, CV_MUTEX, m);
  aset(rt, cv, CV_NAME, name);
  return cv;
});

DEFUN('condition-mutex', 1, 1, 'Give the mutex COND was made with.', (rt, cv: number) => aref(rt, checkCondvar(rt, cv), CV_MUTEX));
DEFUN('condition-name', 1, 1, 'Give the name COND was made with, nil if none.', (rt, cv: number) => aref(rt, checkCondvar(rt, cv), CV_NAME));

DEFUN('condition-wait', 1, 1, 'Release the mutex of COND, which the current thread must hold, wait for a condition-notify on COND, then take the mutex back.', (rt, cv: number) => {
  checkCondvar(rt, cv);
  const m = heldHere(rt, cv);
  const me = currentThread(rt);
  const count = num(rt, m, MX_COUNT);
  aset(rt, m, MX_OWNER, Qnil);
  aset(rt, m, MX_COUNT, makeFixnum(0));
  aset(rt, me, TH_NOTIFIED, Qnil);
  try {
    waitFor(rt, cv, () => aref(rt, me, TH_NOTIFIED) !== Qnil);
  } finally {
    aset(rt, me, TH_NOTIFIED, Qnil);
    // The mutex is held again on the way out, whether the wait ended by a notification or a signal.
    lockMutex(rt, m, count);
  }
  return Qnil;
});

DEFUN('condition-notify', 1, 2, 'Wake one thread waiting on COND, or every one when ALL is non-nil; the current thread must hold its mutex.', (rt, cv: number, all: number) => {
  checkCondvar(rt, cv);
  heldHere(rt, cv);
  for (let l = rt.globals[G_THREADS]!; consp(l); l = xcdr(rt, l)) {
    const th = xcar(rt, l);
    if (aref(rt, th, TH_BLOCKER) !== cv || aref(rt, th, TH_NOTIFIED) !== Qnil) continue;
    aset(rt, th, TH_NOTIFIED, Qt);
    if (all === Qnil) break;
  }
  return Qnil;
});
