// The sampling profiler (GNU's profiler.c): a CPU profiler and a memory profiler over the
// evaluator's backtrace.
//
// JS cannot be interrupted by a timer while the evaluator runs, so the CPU profiler samples at
// the evaluator's safe points instead: while a profiler runs, maybeGC (called at every form's
// evaluation and every call) hands each safe point to `poll' below, which reads the clock every
// few points and, once an interval or more has passed, charges the intervals to the backtrace
// in force. Time the collector spent meanwhile goes to the `Automatic GC' entry instead. The
// memory profiler charges the bytes allocated since the previous safe point to the backtrace of
// the current one. A log is a table from a backtrace (a vector of `profiler-max-stack-depth'
// functions, innermost first, padded with nil) to a count, as GNU's.

import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { error, wrongTypeArgument } from '../core/signal.ts';
import { addRootFamily } from '../core/gc.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { fixnumValue, isFixnum, list, makeFixnum, makeFloat, makeVector } from '../core/object.ts';

/** The first word of vector V's contents. */
const slots = (v: number): number => ((v & -8) >>> 2) + 1;
import { findSymbolValue, frameFunction } from './eval.ts';
import { hashPut, makeHashTable } from './fns.ts';

DEFUN('function-equal', 2, 2, 'Tell whether the functions F1 and F2 are the same object, as the profiler compares backtrace entries.', (_rt, f1: number, f2: number) =>
  (f1 === f2 ? Qt : Qnil));

const Qprofiler_max_stack_depth = DEFVAR('profiler-max-stack-depth', () => makeFixnum(16), 'How many frames, innermost first, a profiler sample keeps of the backtrace.');
const Qprofiler_log_size = DEFVAR('profiler-log-size', () => makeFixnum(10000), 'How many distinct backtraces a profiler log holds before its least counted half is dropped.');
const Qprofiler_backtrace_equal = DEFSYM('profiler-backtrace-equal');
const Qequal = DEFSYM('equal');
const Qsxhash_equal = DEFSYM('sxhash-equal');
const Qhash_table_p = DEFSYM('hash-table-p');
const QAutomatic_GC = DEFSYM('Automatic GC');

/** One log: its backtraces by a key made of their words, each with its vector and count. */
interface Log {
  depth: number;
  size: number;
  entries: Map<string, { vec: number; count: number }>;
}

interface ProfilerState {
  cpuRunning: boolean;
  cpuLog: Log | null;
  /** The sampling interval in milliseconds. */
  intervalMs: number;
  lastSample: number;
  lastGcSeconds: number;
  gcCount: number;
  memRunning: boolean;
  memLog: Log | null;
  lastBytes: number;
  polls: number;
  busy: boolean;
}

const stateOf = defineWorldState<ProfilerState>(() => ({
  cpuRunning: false, cpuLog: null, intervalMs: 1, lastSample: 0, lastGcSeconds: 0, gcCount: 0,
  memRunning: false, memLog: null, lastBytes: 0, polls: 0, busy: false,
}));

// The logs' vectors live only in JS maps: mark them.
addRootFamily((rt, mark) => {
  const s = stateOf(rt);
  for (const log of [s.cpuLog, s.memLog]) if (log) for (const e of log.entries.values()) mark(e.vec);
});

function intVar(rt: Runtime, sym: number): number {
  const v = findSymbolValue(rt, sym);
  if (!isFixnum(v)) wrongTypeArgument(rt, DEFSYM('integerp'), v);
  return Math.max(0, fixnumValue(v));
}

function newLog(rt: Runtime): Log {
  return { depth: intVar(rt, Qprofiler_max_stack_depth), size: Math.max(1, intVar(rt, Qprofiler_log_size)), entries: new Map() };
}

/** Add COUNT to the backtrace in force; a full log first loses its less counted half. */
function charge(rt: Runtime, log: Log, count: number): void {
  const n = Math.min(log.depth, rt.nframes);
  const fns: number[] = [];
  for (let k = 0; k < n; k++) fns.push(frameFunction(rt, rt.nframes - 1 - k));
  const key = fns.join(',');
  const old = log.entries.get(key);
  if (old) {
    old.count += count;
    return;
  }
  if (log.entries.size >= log.size) dropLowerHalf(log);
  const vec = makeVector(rt, log.depth, Qnil);
  const vb = slots(vec);
  for (let k = 0; k < n; k++) rt.i32[vb + k] = fns[k]!;
  log.entries.set(key, { vec, count });
}

function dropLowerHalf(log: Log): void {
  const counts = [...log.entries.values()].map((e) => e.count).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)]!;
  let dropped = 0;
  for (const [k, e] of log.entries) {
    if (e.count <= median && dropped < Math.ceil(counts.length / 2)) {
      log.entries.delete(k);
      dropped++;
    }
  }
}

/** A safe point while a profiler runs. */
function poll(rt: Runtime): void {
  const s = stateOf(rt);
  if (s.busy) return;
  s.busy = true;
  try {
    if (s.memRunning && s.memLog) {
      const b = rt.heap.bytesSinceGC;
      const delta = b >= s.lastBytes ? b - s.lastBytes : b;
      s.lastBytes = b;
      if (delta > 0) charge(rt, s.memLog, delta);
    }
    if (s.cpuRunning && s.cpuLog && (++s.polls & 7) === 0) {
      const now = rt.host.now();
      const elapsed = now - s.lastSample;
      if (elapsed >= s.intervalMs) {
        const ticks = Math.floor(elapsed / s.intervalMs);
        s.lastSample += ticks * s.intervalMs;
        // The part of the time the collector took is GC's, not the backtrace's.
        const gcMs = (rt.gcElapsed - s.lastGcSeconds) * 1000;
        s.lastGcSeconds = rt.gcElapsed;
        const gcTicks = Math.min(ticks, Math.round(gcMs / s.intervalMs));
        s.gcCount += gcTicks;
        if (ticks > gcTicks) charge(rt, s.cpuLog, ticks - gcTicks);
      }
    }
  } finally {
    s.busy = false;
  }
}

function updateHook(rt: Runtime, s: ProfilerState): void {
  if (s.cpuRunning || s.memRunning) {
    rt.profilerPoll = poll;
    rt.gcCheckAt = -1;
  } else {
    rt.profilerPoll = null;
    rt.gcCheckAt = 0;
  }
}

/** Stop the profiler whose flag is WHICH: t if it was running, else nil. */
function stopOne(rt: Runtime, which: 'cpuRunning' | 'memRunning'): number {
  const s = stateOf(rt);
  if (!s[which]) return Qnil;
  s[which] = false;
  updateHook(rt, s);
  return Qt;
}

/** The Lisp hash table for LOG, GNU's shape: test profiler-backtrace-equal, size the log's size. */
function logTable(rt: Runtime, log: Log, gcCount: number | null): number {
  const sp = rt.sp;
  try {
    const user = list(rt, Qprofiler_backtrace_equal, Qequal, Qsxhash_equal);
    rt.push(user);
    const rs = makeFloat(rt, 1.5);
    rt.push(rs);
    const thr = makeFloat(rt, 0.8125);
    rt.push(thr);
    const t = makeHashTable(rt, {
      test: Qprofiler_backtrace_equal, user, size: log.size, rehashSize: rs, rehashThreshold: thr, weak: Qnil, purecopy: false,
    });
    rt.push(t);
    for (const e of log.entries.values()) hashPut(rt, t, e.vec, makeFixnum(e.count));
    if (gcCount !== null) {
      const gcVec = makeVector(rt, 1, QAutomatic_GC);
      hashPut(rt, t, gcVec, makeFixnum(gcCount));
    }
    return t;
  } finally {
    rt.sp = sp;
  }
}

DEFUN('profiler-cpu-start', 1, 1, 'Start the CPU profiler, sampling the backtrace every SAMPLING-INTERVAL nanoseconds.', (rt, interval: number) => {
  const s = stateOf(rt);
  if (s.cpuRunning) error(rt, 'CPU profiler is already running');
  if (!isFixnum(interval) || fixnumValue(interval) <= 0) error(rt, 'Invalid sampling interval');
  s.cpuLog ??= newLog(rt);
  s.intervalMs = fixnumValue(interval) / 1e6;
  s.lastSample = rt.host.now();
  s.lastGcSeconds = rt.gcElapsed;
  s.cpuRunning = true;
  updateHook(rt, s);
  return Qt;
});

DEFUN('profiler-cpu-stop', 0, 0, 'Stop the CPU profiler; t if it was running, else nil. Its log stays until `profiler-cpu-log\' takes it.', (rt) => stopOne(rt, 'cpuRunning'));

DEFUN('profiler-cpu-running-p', 0, 0, 'Tell whether the CPU profiler is running.', (rt) => (stateOf(rt).cpuRunning ? Qt : Qnil));

DEFUN('profiler-cpu-log', 0, 0, 'Return the CPU profiler\'s log since the last call and start a new one (none once the profiler has stopped).', (rt) => {
  const s = stateOf(rt);
  if (!s.cpuLog) return wrongTypeArgument(rt, Qhash_table_p, Qnil);
  const t = logTable(rt, s.cpuLog, s.gcCount);
  s.gcCount = 0;
  s.cpuLog = s.cpuRunning ? newLog(rt) : null;
  return t;
});

DEFUN('profiler-memory-start', 0, 0, 'Start the memory profiler, which counts the bytes allocated under each backtrace.', (rt) => {
  const s = stateOf(rt);
  if (s.memRunning) error(rt, 'Memory profiler is already running');
  s.memLog ??= newLog(rt);
  s.lastBytes = rt.heap.bytesSinceGC;
  s.memRunning = true;
  updateHook(rt, s);
  return Qt;
});

DEFUN('profiler-memory-stop', 0, 0, 'Stop the memory profiler; t if it was running, else nil.', (rt) => stopOne(rt, 'memRunning'));

DEFUN('profiler-memory-running-p', 0, 0, 'Tell whether the memory profiler is running.', (rt) => (stateOf(rt).memRunning ? Qt : Qnil));

DEFUN('profiler-memory-log', 0, 0, 'Return the memory profiler\'s log since the last call and start a new one (nil once the profiler has stopped and its log was taken).', (rt) => {
  const s = stateOf(rt);
  if (!s.memLog) return Qnil;
  const t = logTable(rt, s.memLog, null);
  s.memLog = s.memRunning ? newLog(rt) : null;
  return t;
});
