// Asynchronous subprocesses and the waiting that drives them and timers (GNU process.c), over the host's processes.
//
// Lisp runs on one thread and never yields to an event loop, so everything asynchronous happens
// only while Lisp waits: sleep-for, accept-process-output (and sit-for, written over sleep-for).
// One waiting loop (waitReading) runs due timers, tells sentinels about status changes, blocks in
// the host until a child says something or the next timer is due, and hands output to filters.
// A process object is a vectorlike whose slots are Lisp values (PROC_*); the running child is the
// host's, named by the fixnum in PROC_HANDLE. Nothing of a child survives a dump: the list of
// processes is emptied after load, and a dumped process object answers as one that has ended.

import { PVEC_PROCESS } from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { DEFGLOBAL, defineWorldState, type Runtime } from '../core/runtime.ts';
import {
  aref, aset, cons, consp, isPvec, jsString, list, listFromArray, makePvec, makeString, makeStringFromBytes,
  floatp, makeFloat, pvecSize, stringBytes, stringMultibyte, stringp, symbolp, vectorp, xcar, xcdr, xfloat, xsetcdr,
} from '../core/object.ts';
import { KillEmacs, LispSignal, error, wrongTypeArgument, xsignal, xsignal2, xsignal3 } from '../core/signal.ts';
import { DEFSYM, Qnil, Qt, Qstringp, Qfile_error, Qfile_missing } from '../core/symbols.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import { intern } from '../core/obarray.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import type { HostChildEvent, HostProcesses } from '../host/host.ts';
import { call1, call2, findSymbolValue, funcall, specbind, unbindTo } from './eval.ts';
import { bufferp, currentBuffer, getBuffer, getBufferCreate, onKillBuffer, saveCurrentBuffer } from './buffer.ts';
import { markerBuffer } from './marker.ts';
import { registerPvecPrinter } from './print.ts';
import { checkThread, currentThread, mainThread, threadEnded, threadSwitch } from './thread.ts';
import { expandFileName, unquote } from './fileio.ts';

export const PROC_NAME = 0;
export const PROC_COMMAND = 1;
export const PROC_BUFFER = 2;
export const PROC_MARK = 3;
export const PROC_FILTER = 4;
export const PROC_SENTINEL = 5;
export const PROC_PLIST = 6;
export const PROC_STATUS = 7; // run, exit, signal, stop, open, closed
export const PROC_CODE = 8; // exit code or signal number
export const PROC_PID = 9;
export const PROC_DECODE = 10;
export const PROC_ENCODE = 11;
export const PROC_STDERR = 12; // the pipe process stderr goes to, or nil
export const PROC_NOQUERY = 13;
export const PROC_HANDLE = 14; // the host's child id (fixnum), nil once gone or for a pipe process
export const PROC_TYPE = 15; // real or pipe
export const PROC_TICK = 16; // t: status changed and the sentinel has not been told
export const PROC_CORE = 17; // t: the signal dumped core
export const PROC_STOPPED_OUTPUT = 18; // t: set-process-filter t stopped reading
export const PROC_INHERIT_CODING = 19; // t: the buffer's coding systems follow the process's decoding
export const PROC_CONTACT = 20; // a network process's contact plist (process-contact)
export const PROC_EVENT = 21; // the event string its sentinel hears next, when the status alone does not say it
// The thread it is locked to (only that one reads its output), or nil; t stands for the main
// thread, which is a new object in each session, so that a dumped process refers to no thread.
export const PROC_THREAD = 22;
const PROC_SLOTS = 23;

const G_PROCESS_LIST = DEFGLOBAL('process-list');

const Qprocessp = DEFSYM('processp');
const Qrun = DEFSYM('run');
const Qexit = DEFSYM('exit');
const Qsignal = DEFSYM('signal');
const Qstop = DEFSYM('stop');
const Qclosed = DEFSYM('closed');
const Qopen = DEFSYM('open');
const Qlisten = DEFSYM('listen');
const Qconnect = DEFSYM('connect');
const Qfailed = DEFSYM('failed');
const Qnetwork = DEFSYM('network');
const Qreal = DEFSYM('real');
const Qpipe = DEFSYM('pipe');
const Qpty = DEFSYM('pty');
const QCname = DEFSYM(':name');
const QCbuffer = DEFSYM(':buffer');
const QCcommand = DEFSYM(':command');
const QCcoding = DEFSYM(':coding');
const QCnoquery = DEFSYM(':noquery');
const QCstop = DEFSYM(':stop');
const QCconnection_type = DEFSYM(':connection-type');
const QCfilter = DEFSYM(':filter');
const QCsentinel = DEFSYM(':sentinel');
const QCstderr = DEFSYM(':stderr');
const QCfile_handler = DEFSYM(':file-handler');
const Qinternal_default_process_filter = DEFSYM('internal-default-process-filter');
const Qinternal_default_process_sentinel = DEFSYM('internal-default-process-sentinel');
const Qtimer_list = DEFSYM('timer-list');
const Qtimer_event_handler = DEFSYM('timer-event-handler');
const Qdecode_coding_string = DEFSYM('decode-coding-string');
const Qencode_coding_string = DEFSYM('encode-coding-string');
const Qutf_8_unix = DEFSYM('utf-8-unix');
const Qmessage = DEFSYM('message');
const Qerror_message_string = DEFSYM('error-message-string');
const Qdefault_directory = DEFSYM('default-directory');
const Qprocess_environment = DEFSYM('process-environment');
const Qexec_path = DEFSYM('exec-path');
const Qinhibit_quit = DEFSYM('inhibit-quit');
const Qdefault_process_coding_system = DEFVAR('default-process-coding-system', (rt) => cons(rt, Qutf_8_unix, Qutf_8_unix),
  'The coding systems, (DECODING . ENCODING), for talking to a subprocess when nothing more specific applies.');
DEFVAR('process-adaptive-read-buffering', () => Qt, 'Whether reading from a process may wait for more of its output (t, as in GNU); tsmacs reads what arrives either way.');
DEFVAR('delete-exited-processes', () => Qt, 'Non-nil means an ended process leaves the process list once its sentinel has been told.');
DEFVAR('process-prioritize-lower-fds', () => Qnil, 'Non-nil means the output of processes on lower descriptors is read first.');
DEFVAR('read-process-output-max', () => makeFixnum(4096), 'The most bytes read from a process at once.');
DEFVAR('process-connection-type', () => Qt, 'Kind of connection for new subprocesses: t asks for a terminal, nil for a pipe (tsmacs always uses pipes).');

/** JS-side per-world state: which process object a host child id belongs to, and partial UTF-8 tails. */
export const procState = defineWorldState(() => ({
  byHandle: new Map<number, number>(),
  carry: new Map<number, Uint8Array>(),
  // Events read from the host but kept for later: output of other processes while JUST-THIS-ONE.
  deferred: [] as HostChildEvent[],
  // Events of processes whose filter is t (reading stopped), in order, until the filter changes.
  held: new Map<number, HostChildEvent[]>(),
}));

export const processp = (rt: Runtime, x: number): boolean => isPvec(rt, x, PVEC_PROCESS);

export function hostProcesses(rt: Runtime): HostProcesses {
  const h = rt.host.processes;
  if (!h) return error(rt, 'Subprocesses are not supported on this host');
  return h;
}

export function checkProcess(rt: Runtime, x: number): number {
  if (!processp(rt, x)) wrongTypeArgument(rt, Qprocessp, x);
  freshen(rt, x);
  return x;
}

/**
 * A process that claims to run but is not on the process list came from a dump: its child
 * belonged to the session that dumped, which killed it at exit. It answers as killed.
 */
function freshen(rt: Runtime, p: number): void {
  if (!liveStatus(aref(rt, p, PROC_STATUS))) return;
  for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) if (xcar(rt, l) === p) return;
  if (aref(rt, p, PROC_TYPE) === Qreal) {
    aset(rt, p, PROC_STATUS, Qsignal);
    aset(rt, p, PROC_CODE, makeFixnum(9));
  } else aset(rt, p, PROC_STATUS, Qclosed);
  aset(rt, p, PROC_HANDLE, Qnil);
}

const liveStatus = (st: number): boolean => st === Qrun || st === Qopen || st === Qlisten || st === Qconnect || st === Qstop;

/** Is P's child (or pipe) still there, as process-live-p counts it? */
export function processLive(rt: Runtime, p: number): boolean {
  return liveStatus(aref(rt, p, PROC_STATUS));
}

export const processList = (rt: Runtime): number => rt.globals[G_PROCESS_LIST]!;

export function removeFromList(rt: Runtime, p: number): void {
  let prev = Qnil;
  for (let l = processList(rt); l !== Qnil; prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, l) === p) {
      if (prev === Qnil) rt.globals[G_PROCESS_LIST] = xcdr(rt, l);
      else xsetcdr(rt, prev, xcdr(rt, l));
      break;
    }
  }
  const h = aref(rt, p, PROC_HANDLE);
  if (isFixnum(h)) {
    procState(rt).byHandle.delete(fixnumValue(h));
    procState(rt).carry.delete(fixnumValue(h));
  }
}

// After a load the children of the dumping session are not ours: forget them.
pdumperDoNowAndAfterLoad((rt) => {
  rt.globals[G_PROCESS_LIST] = Qnil;
});

registerPvecPrinter(PVEC_PROCESS, (rt, obj, _escape, out) => {
  // princ shows just the name, as GNU's does.
  if (!_escape) {
    out.text(aref(rt, obj, PROC_NAME));
    return;
  }
  out.ascii('#<process ');
  out.text(aref(rt, obj, PROC_NAME));
  out.ascii('>');
});

/** A name not used by any process: NAME, else NAME<1>, NAME<2>... */
function uniqueName(rt: Runtime, name: string): string {
  const used = new Set<string>();
  for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) used.add(jsString(rt, aref(rt, xcar(rt, l), PROC_NAME)));
  if (!used.has(name)) return name;
  for (let i = 1; ; i++) if (!used.has(`${name}<${i}>`)) return `${name}<${i}>`;
}

export function newProcess(rt: Runtime, name: string, type: number): number {
  const p = makePvec(rt, PVEC_PROCESS, PROC_SLOTS, Qnil);
  const sp = rt.sp;
  rt.push(p);
  aset(rt, p, PROC_NAME, makeString(rt, uniqueName(rt, name)));
  aset(rt, p, PROC_STATUS, Qrun);
  aset(rt, p, PROC_CODE, makeFixnum(0));
  aset(rt, p, PROC_TYPE, type);
  aset(rt, p, PROC_FILTER, Qinternal_default_process_filter);
  aset(rt, p, PROC_SENTINEL, Qinternal_default_process_sentinel);
  aset(rt, p, PROC_MARK, funcall(rt, intern(rt, 'make-marker'), []));
  aset(rt, p, PROC_THREAD, lockValue(rt, currentThread(rt)));
  rt.globals[G_PROCESS_LIST] = cons(rt, p, processList(rt));
  rt.sp = sp;
  return p;
}

// ---- finding programs ----------------------------------------------------------------

/**
 * The absolute file name of PROGRAM as a child would run it: a name with a slash is taken
 * relative to default-directory, others are looked for along exec-path. Signals GNU's
 * "Searching for program" file errors.
 */
export function findProgram(rt: Runtime, program: number): string {
  if (!stringp(program)) wrongTypeArgument(rt, Qstringp, program);
  const name = jsString(rt, program);
  const dir = defaultDirectory(rt);
  const fail = (reason: string): never => xsignal(reason === 'No such file or directory' ? Qfile_missing : Qfile_error,
    list(rt, makeString(rt, 'Searching for program'), makeString(rt, reason), program));
  const check = (file: string): string | null => {
    const st = rt.host.stat(file);
    if (st === null) return 'No such file or directory';
    if (st.kind === 'dir') return 'Is a directory';
    if (rt.host.access && !rt.host.access(file, 'x')) return 'Permission denied';
    return null;
  };
  if (name.includes('/') || name.startsWith('~')) {
    const file = unquote(expandFileName(rt, name, dir));
    const why = check(file);
    if (why !== null) fail(why);
    return file;
  }
  let firstProblem: string | null = null;
  const path = findSymbolValue(rt, Qexec_path);
  for (let l = consp(path) ? path : Qnil; consp(l); l = xcdr(rt, l)) {
    const d = xcar(rt, l);
    const base = stringp(d) ? expandFileName(rt, jsString(rt, d), dir) : dir;
    const file = expandFileName(rt, name, base);
    const why = check(file);
    if (why === null) return file;
    if (why !== 'No such file or directory' && firstProblem === null) firstProblem = why;
  }
  return fail(firstProblem ?? 'No such file or directory');
}

export function defaultDirectory(rt: Runtime): string {
  const d = findSymbolValue(rt, Qdefault_directory);
  return stringp(d) ? expandFileName(rt, jsString(rt, d), rt.host.cwd()) : rt.host.cwd();
}

/**
 * The child's working directory: default-directory, without a `/:' quoting prefix. As GNU's, a
 * default-directory that is not an existing directory is an error ("Setting current directory").
 */
export function childDirectory(rt: Runtime): string {
  const given = findSymbolValue(rt, Qdefault_directory);
  if (!stringp(given)) wrongTypeArgument(rt, Qstringp, given);
  let d = defaultDirectory(rt);
  d = unquote(d).replace(/\/+$/, '') || '/';
  const st = rt.host.stat(d);
  if (st?.kind === 'dir') return d;
  const why = st ? 'Not a directory' : (rt.host.lastError || 'No such file or directory');
  return xsignal3(rt, why === 'No such file or directory' ? Qfile_missing : Qfile_error,
    makeString(rt, 'Setting current directory'), makeString(rt, why), given);
}

/** process-environment as the child's environment strings, earlier entries winning (the host keeps the first). */
export function childEnvironment(rt: Runtime): string[] {
  const out: number[] = [];
  const env = findSymbolValue(rt, Qprocess_environment);
  for (let l = consp(env) ? env : Qnil; consp(l); l = xcdr(rt, l)) {
    const e = xcar(rt, l);
    if (stringp(e)) out.push(e);
  }
  return stringArgs(rt, out);
}

/** The strings of ARGS (a list), each checked. */
export function stringArgs(rt: Runtime, args: number[]): string[] {
  return args.map((a) => {
    if (!stringp(a)) wrongTypeArgument(rt, Qstringp, a);
    // A unibyte string is bytes already, as GNU passes them; the host takes text, so they travel as UTF-8.
    return stringMultibyte(rt, a) ? jsString(rt, a) : (utf8Decoder ??= new TextDecoder()).decode(stringBytes(rt, a));
  });
}
/** Made at first use: a TextDecoder's first construction costs a start-up 0.1-0.3 ms (docs/startup.md). */
let utf8Decoder: TextDecoder | null = null;

// ---- decoding output ---------------------------------------------------------------------

/** Length of BYTES' longest prefix that does not end inside a UTF-8 sequence. */
function completeUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}

const symName = (rt: Runtime, s: number): string => jsString(rt, funcall(rt, intern(rt, 'symbol-name'), [s]));

/** Decode a chunk of P's output, keeping an incomplete UTF-8 tail for the next chunk. */
function decodeOutput(rt: Runtime, p: number, handle: number, bytes: Uint8Array): number {
  const coding = aref(rt, p, PROC_DECODE);
  const st = procState(rt);
  const utf8 = coding === Qnil || (symbolp(coding) && /^(prefer-)?utf-8/.test(symName(rt, coding)));
  if (utf8) {
    const carry = st.carry.get(handle);
    if (carry) {
      const all = new Uint8Array(carry.length + bytes.length);
      all.set(carry);
      all.set(bytes, carry.length);
      bytes = all;
      st.carry.delete(handle);
    }
    const n = completeUtf8(bytes);
    if (n < bytes.length) {
      st.carry.set(handle, bytes.slice(n));
      bytes = bytes.subarray(0, n);
    }
  }
  const raw = makeStringFromBytes(rt, bytes, bytes.length, false);
  return call2(rt, Qdecode_coding_string, raw, coding === Qnil ? Qutf_8_unix : coding);
}

// ---- running filters and sentinels ---------------------------------------------------

/** Call FN with ARGS as GNU calls process filters and sentinels: an error is reported, not raised. */
export function callHandler(rt: Runtime, what: string, fn: number, args: number[]): void {
  const sp = rt.sp;
  for (const a of args) rt.push(a);
  const count = rt.specCount;
  specbind(rt, Qinhibit_quit, Qt);
  // The code that was waiting keeps its match data, as GNU saves it around filters and sentinels.
  const md = funcall(rt, intern(rt, 'match-data'), []);
  rt.push(md);
  try {
    saveCurrentBuffer(rt, () => funcall(rt, fn, args));
    funcall(rt, intern(rt, 'set-match-data'), [md, Qt]);
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    // GNU reports the error as its command loop would and, in batch, that ends the session
    // with status 255 whatever handlers surround the wait (its backtrace is not reproduced).
    const msg = call1(rt, Qerror_message_string, cons(rt, e.symbol, e.data));
    funcall(rt, Qmessage, [makeString(rt, `error in process ${what}: %s`), msg]);
    throw new KillEmacs(255);
  } finally {
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

function deliver(rt: Runtime, p: number, handle: number, bytes: Uint8Array): void {
  const sp = rt.sp;
  rt.push(p);
  const text = decodeOutput(rt, p, handle, bytes);
  rt.push(text);
  const filter = aref(rt, p, PROC_FILTER);
  if (filter !== Qnil && filter !== Qt) callHandler(rt, 'filter', filter, [p, text]);
  else callHandler(rt, 'filter', Qinternal_default_process_filter, [p, text]);
  rt.sp = sp;
}

const SIGNAL_EVENTS: Record<number, string> = {
  1: 'hangup', 2: 'interrupt', 3: 'quit', 4: 'illegal instruction', 5: 'trace/breakpoint trap', 6: 'aborted',
  7: 'bus error', 8: 'floating point exception', 9: 'killed', 10: 'user defined signal 1', 11: 'segmentation fault',
  12: 'user defined signal 2', 13: 'broken pipe', 14: 'alarm clock', 15: 'terminated', 16: 'stack fault',
  17: 'child exited', 18: 'continued', 19: 'stopped (signal)', 20: 'stopped', 21: 'stopped (tty input)',
  22: 'stopped (tty output)', 23: 'urgent I/O condition', 24: 'CPU time limit exceeded', 25: 'file size limit exceeded',
  26: 'virtual timer expired', 27: 'profiling timer expired', 28: 'window changed', 29: 'I/O possible',
  30: 'power failure', 31: 'bad system call',
};

/** The description strsignal gives signal SIG, capitalised as call-process returns it. */
export function signalDescription(sig: number): string {
  const s = SIGNAL_EVENTS[sig];
  if (s === undefined) return `Unknown signal ${sig}`;
  return s.startsWith('I/O') || s.startsWith('CPU') ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** GNU's event string for P's status: "finished\n", "exited abnormally with code 3\n", "killed\n"... */
function statusEvent(rt: Runtime, p: number): string {
  const told = aref(rt, p, PROC_EVENT);
  if (stringp(told)) {
    aset(rt, p, PROC_EVENT, Qnil);
    return jsString(rt, told);
  }
  const st = aref(rt, p, PROC_STATUS);
  const code = fixnumValue(aref(rt, p, PROC_CODE));
  if (st === Qexit) return code === 0 ? 'finished\n' : `exited abnormally with code ${code}\n`;
  if (st === Qsignal) {
    const s = SIGNAL_EVENTS[code] ?? `unknown signal ${code}`;
    return aref(rt, p, PROC_CORE) === Qt ? `${s} (core dumped)\n` : `${s}\n`;
  }
  if (st === Qrun) return 'run\n';
  if (st === Qstop) return 'stopped\n';
  if (st === Qclosed) return 'finished\n';
  if (st === Qopen) return 'open\n';
  return jsString(rt, funcall(rt, intern(rt, 'symbol-name'), [st])) + '\n';
}

/** Tell sentinels about every status change not yet told, then drop ended processes from the list. */
function statusNotify(rt: Runtime): boolean {
  let any = false;
  for (;;) {
    let found = Qnil;
    for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) {
      if (aref(rt, xcar(rt, l), PROC_TICK) === Qt) {
        found = xcar(rt, l);
        break;
      }
    }
    if (found === Qnil) return any;
    any = true;
    const p = found;
    aset(rt, p, PROC_TICK, Qnil);
    const sp = rt.sp;
    rt.push(p);
    const event = makeString(rt, statusEvent(rt, p));
    rt.push(event);
    if (!processLive(rt, p) && aref(rt, p, PROC_STATUS) !== Qfailed) removeFromList(rt, p);
    const sentinel = aref(rt, p, PROC_SENTINEL);
    callHandler(rt, 'sentinel', sentinel === Qnil ? Qinternal_default_process_sentinel : sentinel, [p, event]);
    rt.sp = sp;
  }
}

export function setStatus(rt: Runtime, p: number, status: number, code: number): void {
  aset(rt, p, PROC_STATUS, status);
  aset(rt, p, PROC_CODE, makeFixnum(code));
  aset(rt, p, PROC_TICK, Qt);
}

/** What process-net.ts does with a network event (an accepted connection, a :nowait connect's outcome, a close). */
export const netEvents: { handler?: (rt: Runtime, p: number, ev: HostChildEvent) => void } = {};

/** Apply one host event. Returns the process it concerned when it carried output, else nil. */
function applyEvent(rt: Runtime, ev: HostChildEvent): number {
  const st = procState(rt);
  const p = st.byHandle.get(ev.id);
  if (p === undefined) return Qnil;
  // A stopped process's output stays unread, and its end unnoticed, until reading resumes.
  if (aref(rt, p, PROC_STOPPED_OUTPUT) === Qt || st.held.has(ev.id)) {
    if (aref(rt, p, PROC_STOPPED_OUTPUT) === Qt) {
      const h = st.held.get(ev.id) ?? [];
      h.push(ev);
      st.held.set(ev.id, h);
      return Qnil;
    }
  }
  if (ev.kind !== 'exit' && ev.kind !== 'out' && ev.kind !== 'err') {
    netEvents.handler?.(rt, p, ev);
    return Qnil;
  }
  if (ev.kind === 'exit') {
    if (liveStatus(aref(rt, p, PROC_STATUS))) {
      if (ev.signal !== null) setStatus(rt, p, Qsignal, ev.signal);
      else setStatus(rt, p, Qexit, ev.status ?? 0);
    }
    aset(rt, p, PROC_HANDLE, Qnil);
    procState(rt).byHandle.delete(ev.id);
    const err = aref(rt, p, PROC_STDERR);
    if (err !== Qnil && processLive(rt, err) && aref(rt, err, PROC_TYPE) === Qpipe) setStatus(rt, err, Qclosed, 0);
    return Qnil;
  }
  if (ev.kind === 'err') {
    const err = aref(rt, p, PROC_STDERR);
    if (err !== Qnil && processp(rt, err)) {
      deliver(rt, err, -ev.id, ev.data);
      return err;
    }
  }
  deliver(rt, p, ev.id, ev.data);
  return p;
}

// ---- timers ----------------------------------------------------------------------------

/** A timer vector's time in seconds since the epoch, or null when it has none. */
function timerTime(rt: Runtime, t: number): number | null {
  const num = (x: number): number | null => (isFixnum(x) ? fixnumValue(x) : floatp(x) ? xfloat(rt, x) : null);
  const hi = num(aref(rt, t, 1));
  const lo = num(aref(rt, t, 2));
  if (hi === null || lo === null) return null;
  return hi * 65536 + lo + (num(aref(rt, t, 3)) ?? 0) / 1e6 + (num(aref(rt, t, 8)) ?? 0) / 1e12;
}

const isTimer = (rt: Runtime, t: number): boolean => isPvec(rt, t, 0) && ((rt.i32[(t & -8) >>> 2]! & 0x3ffffff) === 10);

/**
 * Run the timers of timer-list that are due, earliest first, each at most once (as GNU's
 * timer_check works through a copy of the list: a repeating timer that is late runs again at the
 * next check, not in a burst). Returns the milliseconds until the next one (Infinity when none).
 * Idle timers never run: batch Emacs is never idle.
 */
function runTimers(rt: Runtime): number {
  const timers = findSymbolValue(rt, Qtimer_list);
  const due: { t: number; when: number }[] = [];
  const now = rt.host.wallTime();
  for (let l = consp(timers) ? timers : Qnil; consp(l); l = xcdr(rt, l)) {
    const t = xcar(rt, l);
    if (!isTimer(rt, t)) continue;
    const when = timerTime(rt, t);
    if (when !== null && when <= now) due.push({ t, when });
  }
  due.sort((a, b) => a.when - b.when);
  const sp = rt.sp;
  // The copy is rooted: a timer cancelled by another's function must stay a valid object.
  for (const d of due) rt.push(d.t);
  try {
    for (const d of due) {
      const current = findSymbolValue(rt, Qtimer_list);
      let still = false;
      for (let l = consp(current) ? current : Qnil; consp(l); l = xcdr(rt, l)) if (xcar(rt, l) === d.t) still = true;
      if (still) funcall(rt, Qtimer_event_handler, [d.t]);
    }
  } finally {
    rt.sp = sp;
  }
  let next = Infinity;
  const after = findSymbolValue(rt, Qtimer_list);
  for (let l = consp(after) ? after : Qnil; consp(l); l = xcdr(rt, l)) {
    const t = xcar(rt, l);
    const when = isTimer(rt, t) ? timerTime(rt, t) : null;
    if (when !== null) next = Math.min(next, when);
  }
  return next === Infinity ? Infinity : Math.max(0, (next - rt.host.wallTime()) * 1000);
}

// ---- waiting -----------------------------------------------------------------------------

interface WaitOptions {
  /** host.now() milliseconds to stop at, or Infinity. */
  until: number;
  /** Return as soon as this process has given output, or once it has ended. */
  proc: number;
  /** Read only PROC's output; an integer also keeps timers from running. */
  justThisOne: number;
  /** Return once anything at all has happened (accept-process-output without a process). */
  anyEvent: boolean;
}

/** Whether the running thread may read the events of process P (undefined: no process): it is not locked to another thread still alive. */
function readableHere(rt: Runtime, p: number | undefined): boolean {
  if (p === undefined) return true;
  const th = lockedThread(rt, p);
  return th === Qnil || th === currentThread(rt) || threadEnded(rt, th);
}

/** What PROC_THREAD holds for a lock to THREAD: t for the main thread. */
const lockValue = (rt: Runtime, thread: number): number => (thread !== Qnil && thread === mainThread(rt) ? Qt : thread);
/** The thread process P is locked to, or nil. */
function lockedThread(rt: Runtime, p: number): number {
  const th = aref(rt, p, PROC_THREAD);
  return th === Qt ? mainThread(rt) : th;
}

/** GNU's wait_reading_process_output for batch: returns whether output came from the process waited for (or any). */
export function waitReading(rt: Runtime, o: WaitOptions): boolean {
  // Waiting lets other Lisp threads run, as in GNU.
  threadSwitch(rt);
  const host = rt.host.processes;
  const st = procState(rt);
  let got = false;
  let happened = false;
  const sp = rt.sp;
  if (o.proc !== Qnil) rt.push(o.proc);
  try {
    // A process that had already ended when the wait began has nothing more to say.
    if (o.proc !== Qnil && !processLive(rt, o.proc) && !st.deferred.some((e) => st.byHandle.get(e.id) === o.proc)) return false;
    for (;;) {
      const nextTimer = o.justThisOne !== Qnil && isFixnum(o.justThisOne) ? Infinity : runTimers(rt);
      if (o.proc === Qnil || o.justThisOne === Qnil) if (statusNotify(rt)) happened = true;
      if (got || (o.anyEvent && happened)) break;
      // It ended during this wait: its sentinel has just been told (above), as GNU's does.
      if (o.proc !== Qnil && !processLive(rt, o.proc) && !st.deferred.some((e) => st.byHandle.get(e.id) === o.proc)) break;
      const now = rt.host.now();
      if (now >= o.until) break;
      const ms = Math.min(o.until - now, nextTimer);
      if (o.anyEvent && o.until === Infinity && ms === Infinity && processList(rt) === Qnil) break;
      let events: HostChildEvent[] = [];
      if (st.deferred.length) {
        // Kept events this thread may read: not another live thread's locked process's, and
        // with JUST-THIS-ONE only the awaited process's.
        const takes = (e: HostChildEvent): boolean => {
          const owner = st.byHandle.get(e.id);
          return readableHere(rt, owner) && (o.justThisOne === Qnil || o.proc === Qnil || owner === o.proc);
        };
        events = st.deferred.filter(takes);
        st.deferred = st.deferred.filter((e) => !takes(e));
      }
      if (events.length) {
        // Kept events first; new ones are read on the next round.
      } else if (host) events = host.wait(ms);
      else {
        if (ms === Infinity) break;
        const end = rt.host.now() + ms;
        // Without a host for processes there is nothing to wake for: sleep in slices of the clock.
        while (rt.host.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, end - rt.host.now());
        events = [];
      }
      for (const ev of events) {
        const owner = st.byHandle.get(ev.id);
        if ((o.justThisOne !== Qnil && o.proc !== Qnil && owner !== o.proc) || !readableHere(rt, owner)) {
          st.deferred.push(ev);
          continue;
        }
        happened = true;
        const from = applyEvent(rt, ev);
        // Waiting on no process for a time (sleep-for) is not cut short by output: only
        // accept-process-output, which waits for any event, returns on it.
        if (from !== Qnil && ((o.proc === Qnil && o.anyEvent) || from === o.proc || (owner === o.proc && aref(rt, o.proc, PROC_STDERR) === from))) got = true;
      }
    }
  } finally {
    rt.sp = sp;
  }
  return got;
}

/** Seconds and milliseconds arguments as milliseconds (GNU's accept-process-output and sleep-for). */
function waitMillis(rt: Runtime, seconds: number, millisec: number): number | null {
  let ms: number | null = null;
  if (seconds !== Qnil) {
    if (isFixnum(seconds)) ms = fixnumValue(seconds) * 1000;
    else if (floatp(seconds)) ms = xfloat(rt, seconds) * 1000;
    else wrongTypeArgument(rt, intern(rt, 'numberp'), seconds);
  }
  if (millisec !== Qnil) {
    if (!isFixnum(millisec)) wrongTypeArgument(rt, intern(rt, 'fixnump'), millisec);
    ms = (ms ?? 0) + fixnumValue(millisec);
  }
  return ms;
}

DEFUN('sleep-for', 1, 2, 'Wait SECONDS seconds (a number; MILLISECONDS more, obsolete), running timers and reading subprocess output meanwhile.\nGives nil.', (rt, seconds: number, millisec: number) => {
  if (!isFixnum(seconds) && !floatp(seconds)) wrongTypeArgument(rt, intern(rt, 'numberp'), seconds);
  const ms = waitMillis(rt, seconds, millisec) ?? 0;
  if (ms > 0) waitReading(rt, { until: rt.host.now() + ms, proc: Qnil, justThisOne: Qnil, anyEvent: false });
  return Qnil;
});

DEFUN('accept-process-output', 0, 4, 'Wait for output from PROCESS (any process when nil) and hand it to its filter.\nWait at most SECONDS seconds plus MILLISEC milliseconds when given. JUST-THIS-ONE non-nil reads only PROCESS; an integer also keeps timers from running.\nGives non-nil when output arrived from PROCESS (from any, without one).',
  (rt, proc: number, seconds: number, millisec: number, justThisOne: number) => {
    if (proc !== Qnil) checkProcess(rt, proc);
    const ms = waitMillis(rt, seconds, millisec);
    if (proc === Qnil && processList(rt) === Qnil && ms === null) return Qnil;
    const until = ms === null ? Infinity : rt.host.now() + Math.max(0, ms);
    return waitReading(rt, { until, proc, justThisOne: proc === Qnil ? Qnil : justThisOne, anyEvent: proc === Qnil }) ? Qt : Qnil;
  });

// ---- making processes ------------------------------------------------------------------------

export function plistGet(rt: Runtime, args: number[], key: number): number {
  for (let i = 0; i + 1 < args.length; i += 2) if (args[i] === key) return args[i + 1]!;
  return Qnil;
}

export function codingPair(rt: Runtime, coding: number): [number, number] {
  if (consp(coding)) return [xcar(rt, coding), xcdr(rt, coding)];
  if (coding !== Qnil) return [coding, coding];
  const dflt = findSymbolValue(rt, Qdefault_process_coding_system);
  if (consp(dflt)) return [xcar(rt, dflt), xcdr(rt, dflt)];
  return [Qutf_8_unix, Qutf_8_unix];
}

export function bufferArg(rt: Runtime, b: number): number {
  if (b === Qnil) return Qnil;
  if (bufferp(rt, b)) return b;
  return getBufferCreate(rt, b);
}

/** A pipe process: output written to it by a child's stderr comes back through its filter. */
function makePipe(rt: Runtime, name: string, buffer: number, noquery: number): number {
  const p = newProcess(rt, name, Qpipe);
  const sp = rt.sp;
  rt.push(p);
  aset(rt, p, PROC_STATUS, Qopen);
  aset(rt, p, PROC_COMMAND, Qt);
  aset(rt, p, PROC_NOQUERY, noquery === Qnil ? Qnil : Qt);
  setBuffer(rt, p, buffer);
  const [dec, enc] = codingPair(rt, Qnil);
  aset(rt, p, PROC_DECODE, dec);
  aset(rt, p, PROC_ENCODE, enc);
  rt.sp = sp;
  return p;
}

/** The parts of a new process its keyword ARGS give alike for every kind: :coding, BUFFER, :filter and :sentinel. */
export function setProcessIo(rt: Runtime, p: number, args: number[], buffer: number): void {
  const [dec, enc] = codingPair(rt, plistGet(rt, args, QCcoding));
  aset(rt, p, PROC_DECODE, dec);
  aset(rt, p, PROC_ENCODE, enc);
  setBuffer(rt, p, buffer);
  const filter = plistGet(rt, args, QCfilter);
  if (filter !== Qnil) aset(rt, p, PROC_FILTER, filter);
  const sentinel = plistGet(rt, args, QCsentinel);
  if (sentinel !== Qnil) aset(rt, p, PROC_SENTINEL, sentinel);
}

export function setBuffer(rt: Runtime, p: number, buffer: number): void {
  aset(rt, p, PROC_BUFFER, buffer);
  const mark = aref(rt, p, PROC_MARK);
  // The mark follows to the new buffer's end, as GNU's update of it does.
  if (buffer !== Qnil && markerBuffer(rt, mark) !== buffer) {
    const z = saveCurrentBuffer(rt, () => {
      call1(rt, intern(rt, 'set-buffer'), buffer);
      return funcall(rt, intern(rt, 'point-max'), []);
    });
    funcall(rt, intern(rt, 'set-marker'), [mark, z, buffer]);
  }
}

DEFUN('make-process', 0, MANY, 'Start a subprocess as the keyword ARGS describe and give its process object.\n:name NAME, :command (PROGRAM ARGS...), :buffer, :coding, :noquery, :stop, :connection-type, :filter, :sentinel, :stderr.',
  (rt, args: number[]) => {
    if (args.length % 2 !== 0) xsignal2(rt, intern(rt, 'wrong-number-of-arguments'), intern(rt, 'make-process'), makeFixnum(args.length));
    // :file-handler t hands the call to default-directory's file name handler, when it has one.
    if (plistGet(rt, args, QCfile_handler) !== Qnil) {
      const handler = funcall(rt, intern(rt, 'find-file-name-handler'), [findSymbolValue(rt, Qdefault_directory), intern(rt, 'make-process')]);
      if (handler !== Qnil) return funcall(rt, handler, [intern(rt, 'make-process'), ...args]);
    }
    const name = plistGet(rt, args, QCname);
    if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
    const command = plistGet(rt, args, QCcommand);
    if (!consp(command)) wrongTypeArgument(rt, command === Qnil ? intern(rt, 'consp') : intern(rt, 'listp'), command);
    const parts: number[] = [];
    for (let l = command; consp(l); l = xcdr(rt, l)) parts.push(xcar(rt, l));
    const program = parts[0]!;
    if (program !== Qnil && !stringp(program)) wrongTypeArgument(rt, Qstringp, program);
    const argv = stringArgs(rt, parts.slice(1));
    const ctype = plistGet(rt, args, QCconnection_type);
    if (ctype !== Qnil && ctype !== Qpipe && ctype !== Qpty && !consp(ctype))
      xsignal3(rt, Qfile_missing, makeString(rt, 'Unknown connection type'), makeString(rt, 'No such file or directory'), ctype);
    const stop = plistGet(rt, args, QCstop);
    if (stop !== Qnil) wrongTypeArgument(rt, intern(rt, 'null'), stop);
    const host = hostProcesses(rt);
    const cwd = childDirectory(rt);
    let file: string;
    // GNU searches only for a program named without a leading slash. An absolute name is run as
    // it is: when it cannot be executed, the child says why on its error output and exits 127
    // (no such file) or 126 (other exec failures), as GNU's forked child does.
    let execFailure: { reason: string; code: number } | null = null;
    const given = stringp(program) ? unquote(jsString(rt, program)) : '';
    if (given.startsWith('/')) {
      file = given;
      const st = rt.host.stat(file);
      if (st?.kind === 'dir') error(rt, 'Specified program for new process is a directory');
      if (st === null) execFailure = { reason: 'No such file or directory', code: 127 };
      else if (rt.host.access && !rt.host.access(file, 'x')) execFailure = { reason: 'Permission denied', code: 126 };
    } else try {
      file = findProgram(rt, program);
    } catch (e) {
      // GNU words a directory its own way here.
      if (e instanceof LispSignal && e.symbol === Qfile_error && consp(e.data) && consp(xcdr(rt, e.data)) &&
        jsString(rt, xcar(rt, xcdr(rt, e.data))) === 'Is a directory') error(rt, 'Specified program for new process is a directory');
      throw e;
    }
    const buffer = bufferArg(rt, plistGet(rt, args, QCbuffer));
    const stderrArg = plistGet(rt, args, QCstderr);
    const noquery = plistGet(rt, args, QCnoquery);
    const sp = rt.sp;
    rt.push(buffer);
    let stderrProc = Qnil;
    if (stderrArg !== Qnil) {
      if (processp(rt, stderrArg)) {
        if (aref(rt, stderrArg, PROC_TYPE) !== Qpipe) error(rt, 'Process is not a pipe process');
        stderrProc = stderrArg;
      } else {
        const b = bufferArg(rt, stderrArg);
        rt.push(b);
        stderrProc = makePipe(rt, jsString(rt, name) + ' stderr', b, noquery);
      }
      rt.push(stderrProc);
    }
    const r = host.spawn(execFailure === null
      ? { file, args: argv, cwd, env: childEnvironment(rt) }
      : { file: '/bin/sh', args: ['-c', 'printf \'emacs: %s: %s\\n\' "$0" "$1" >&2; exit "$2"', given, execFailure.reason, String(execFailure.code)],
          cwd, env: childEnvironment(rt) },
    stderrProc === Qnil ? 'merge' : 'pipe');
    if ('error' in r) {
      if (stderrProc !== Qnil && stderrArg !== stderrProc) removeFromList(rt, stderrProc);
      return xsignal3(rt, Qfile_error, makeString(rt, 'Doing vfork'), makeString(rt, r.error), program);
    }
    const p = newProcess(rt, jsString(rt, name), Qreal);
    rt.push(p);
    aset(rt, p, PROC_COMMAND, listFromArray(rt, parts));
    aset(rt, p, PROC_PID, makeFixnum(r.pid));
    aset(rt, p, PROC_HANDLE, makeFixnum(r.id));
    aset(rt, p, PROC_NOQUERY, noquery === Qnil ? Qnil : Qt);
    aset(rt, p, PROC_STDERR, stderrProc);
    setProcessIo(rt, p, args, buffer);
    procState(rt).byHandle.set(r.id, p);
    rt.sp = sp;
    return p;
  });

DEFUN('make-pipe-process', 0, MANY, 'Make a pipe process as the keyword ARGS describe (:name, :buffer, :coding, :noquery, :filter, :sentinel); a child started with it as :stderr writes into it.',
  (rt, args: number[]) => {
    const name = plistGet(rt, args, QCname);
    if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
    const buffer = bufferArg(rt, plistGet(rt, args, QCbuffer));
    const sp = rt.sp;
    rt.push(buffer);
    const p = makePipe(rt, jsString(rt, name), buffer, plistGet(rt, args, QCnoquery));
    rt.push(p);
    const filter = plistGet(rt, args, QCfilter);
    if (filter !== Qnil) aset(rt, p, PROC_FILTER, filter);
    const sentinel = plistGet(rt, args, QCsentinel);
    if (sentinel !== Qnil) aset(rt, p, PROC_SENTINEL, sentinel);
    const coding = plistGet(rt, args, QCcoding);
    if (coding !== Qnil) {
      const [dec, enc] = codingPair(rt, coding);
      aset(rt, p, PROC_DECODE, dec);
      aset(rt, p, PROC_ENCODE, enc);
    }
    rt.sp = sp;
    return p;
  });

// ---- finding and describing processes -----------------------------------------------------

/** A process from a process, a name, a buffer or buffer name (its process), or nil (the current buffer's). */
export function getProcessArg(rt: Runtime, x: number): number {
  if (processp(rt, x)) return checkProcess(rt, x);
  if (stringp(x)) {
    const byName = getProcess(rt, x);
    if (byName !== Qnil) return byName;
  }
  const b = x === Qnil ? currentBuffer(rt) : getBuffer(rt, x);
  if (b === Qnil) return error(rt, `Process ${jsString(rt, x)} does not exist`);
  const p = bufferProcess(rt, b);
  if (p === Qnil) error(rt, `Buffer ${jsString(rt, call1(rt, intern(rt, 'buffer-name'), b))} has no process`);
  return p;
}

function getProcess(rt: Runtime, name: number): number {
  const n = jsString(rt, name);
  for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l))
    if (jsString(rt, aref(rt, xcar(rt, l), PROC_NAME)) === n) return xcar(rt, l);
  return Qnil;
}

function bufferProcess(rt: Runtime, b: number): number {
  for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) if (aref(rt, xcar(rt, l), PROC_BUFFER) === b) return xcar(rt, l);
  return Qnil;
}

DEFUN('processp', 1, 1, 'Give t when OBJECT is a process object, nil otherwise.', (rt, x: number) => (processp(rt, x) ? Qt : Qnil));
DEFUN('process-list', 0, 0, 'Give a list of all processes that have not been deleted, newest first.', (rt) => call1(rt, intern(rt, 'copy-sequence'), processList(rt)));
DEFUN('get-process', 1, 1, 'Give the process named NAME (a process gives itself), or nil.', (rt, name: number) => {
  if (processp(rt, name)) return name;
  if (!stringp(name)) wrongTypeArgument(rt, Qstringp, name);
  return getProcess(rt, name);
});
DEFUN('get-buffer-process', 1, 1, 'Give the process of BUFFER (a buffer or its name), or nil.', (rt, b: number) => {
  if (b === Qnil) return Qnil;
  const buf = getBuffer(rt, b);
  return buf === Qnil ? Qnil : bufferProcess(rt, buf);
});

DEFUN('process-status', 1, 1, 'Give the status of PROCESS (a process, its name or its buffer): run, stop, exit, signal, open, closed...\nGives nil for a name or buffer with no process.', (rt, x: number) => {
  let p = x;
  if (!processp(rt, x)) {
    if (stringp(x) && getProcess(rt, x) !== Qnil) p = getProcess(rt, x);
    else {
      const b = x === Qnil ? currentBuffer(rt) : getBuffer(rt, x);
      p = b === Qnil ? Qnil : bufferProcess(rt, b);
      if (p === Qnil) return Qnil;
    }
  }
  freshen(rt, p);
  return aref(rt, p, PROC_STATUS);
});
DEFUN('process-live-p', 1, 1, 'Give non-nil when PROCESS is still running (or open, or stopped).', (rt, p: number) => {
  if (!processp(rt, p)) return Qnil;
  freshen(rt, p);
  const st = aref(rt, p, PROC_STATUS);
  return liveStatus(st) ? memqTail(rt, st) : Qnil;
});
/** process-live-p gives the tail of (run open listen connect stop) from STATUS on, as GNU's memq does. */
function memqTail(rt: Runtime, st: number): number {
  const all = [Qrun, Qopen, Qlisten, Qconnect, Qstop];
  return listFromArray(rt, all.slice(all.indexOf(st)));
}
DEFUN('process-exit-status', 1, 1, 'Give the exit code of PROCESS, or the number of the signal that ended it; 0 while it runs.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_CODE));
DEFUN('process-id', 1, 1, 'Give the operating system\'s process id of PROCESS, or nil when it has none.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_PID));
DEFUN('process-name', 1, 1, 'Give the name of PROCESS.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_NAME));
DEFUN('process-command', 1, 1, 'Give the command that started PROCESS, as a list of the program and its arguments.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_COMMAND));
DEFUN('process-buffer', 1, 1, 'Give the buffer of PROCESS, or nil.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_BUFFER));
DEFUN('process-mark', 1, 1, 'Give the marker at which output of PROCESS is inserted by default.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_MARK));
DEFUN('process-filter', 1, 1, 'Give the filter function of PROCESS.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_FILTER));
DEFUN('process-sentinel', 1, 1, 'Give the sentinel function of PROCESS.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_SENTINEL));
DEFUN('process-thread', 1, 1, 'Give the thread PROCESS is locked to (only that thread reads its output), or nil when it is not locked.',
  (rt, p: number) => lockedThread(rt, checkProcess(rt, p)));
DEFUN('set-process-thread', 2, 2, 'Lock PROCESS to THREAD, so that only THREAD reads its output; nil unlocks it. Give THREAD.',
  (rt, p: number, th: number) => {
    checkProcess(rt, p);
    if (th !== Qnil) checkThread(rt, th);
    aset(rt, p, PROC_THREAD, lockValue(rt, th));
    return th;
  });
DEFUN('process-plist', 1, 1, 'Give the property list of PROCESS.', (rt, p: number) => aref(rt, checkProcess(rt, p), PROC_PLIST));
DEFUN('set-process-plist', 2, 2, 'Make PLIST the property list of PROCESS.', (rt, p: number, plist: number) => {
  checkProcess(rt, p);
  if (!consp(plist) && plist !== Qnil) wrongTypeArgument(rt, intern(rt, 'listp'), plist);
  aset(rt, p, PROC_PLIST, plist);
  return plist;
});
DEFUN('process-type', 1, 1, 'Give the kind of PROCESS: real for a child process, pipe for a pipe process.', (rt, p: number) => aref(rt, getProcessArg(rt, p), PROC_TYPE));
DEFUN('process-tty-name', 1, 1, 'Give the name of the terminal PROCESS uses, or nil (tsmacs connects children by pipes).', (rt, p: number) => {
  checkProcess(rt, p);
  return Qnil;
});
DEFUN('process-contact', 1, 3, 'Tell how network PROCESS is connected: (HOST SERVICE), with KEY t its whole contact plist, with another KEY that entry.\nA child or pipe process gives t.', (rt, p: number, key: number) => {
  checkProcess(rt, p);
  const c = aref(rt, p, PROC_CONTACT);
  if (aref(rt, p, PROC_TYPE) !== Qnetwork) return Qt;
  if (key === Qt) return c;
  const get = (k: number): number => call2(rt, intern(rt, 'plist-get'), c, k);
  if (key === Qnil) return list(rt, get(intern(rt, ':host')), get(intern(rt, ':service')));
  return get(key);
});
DEFUN('process-query-on-exit-flag', 1, 1, 'Give t unless PROCESS was made with :noquery.', (rt, p: number) => (aref(rt, checkProcess(rt, p), PROC_NOQUERY) === Qnil ? Qt : Qnil));
DEFUN('set-process-query-on-exit-flag', 2, 2, 'Set whether exiting asks about PROCESS; gives FLAG.', (rt, p: number, flag: number) => {
  aset(rt, checkProcess(rt, p), PROC_NOQUERY, flag === Qnil ? Qt : Qnil);
  return flag;
});
DEFUN('process-coding-system', 1, 1, 'Give (DECODING . ENCODING), the coding systems of PROCESS.', (rt, p: number) => {
  checkProcess(rt, p);
  return cons(rt, aref(rt, p, PROC_DECODE), aref(rt, p, PROC_ENCODE));
});
DEFUN('set-process-coding-system', 1, 3, 'Make DECODING and ENCODING the coding systems of PROCESS.', (rt, p: number, dec: number, enc: number) => {
  checkProcess(rt, p);
  aset(rt, p, PROC_DECODE, dec);
  // An encoding without an end-of-line type gets the system's, Unix (GNU does the same).
  aset(rt, p, PROC_ENCODE, symbolp(enc) && enc !== Qnil && !/-(unix|dos|mac)$/.test(symName(rt, enc)) && symName(rt, enc) !== 'undecided'
    ? intern(rt, symName(rt, enc) + '-unix') : enc);
  return Qnil;
});
DEFUN('set-process-buffer', 2, 2, 'Make BUFFER (a buffer or nil) the buffer of PROCESS; gives BUFFER.', (rt, p: number, b: number) => {
  checkProcess(rt, p);
  if (b !== Qnil && !bufferp(rt, b)) wrongTypeArgument(rt, intern(rt, 'bufferp'), b);
  setBuffer(rt, p, b);
  return b;
});
DEFUN('set-process-filter', 2, 2, 'Make FILTER the function PROCESS\'s output is given to (nil: the default, inserting into its buffer); gives FILTER.', (rt, p: number, f: number) => {
  checkProcess(rt, p);
  aset(rt, p, PROC_STOPPED_OUTPUT, f === Qt ? Qt : Qnil);
  const h = aref(rt, p, PROC_HANDLE);
  const st = procState(rt);
  if (f !== Qt && isFixnum(h) && st.held.has(fixnumValue(h))) {
    // Reading resumes: what arrived meanwhile comes first.
    st.deferred.unshift(...st.held.get(fixnumValue(h))!);
    st.held.delete(fixnumValue(h));
  }
  aset(rt, p, PROC_FILTER, f === Qnil ? Qinternal_default_process_filter : f);
  return aref(rt, p, PROC_FILTER);
});
DEFUN('set-process-sentinel', 2, 2, 'Make SENTINEL the function told about status changes of PROCESS (nil: the default); gives SENTINEL.', (rt, p: number, f: number) => {
  checkProcess(rt, p);
  aset(rt, p, PROC_SENTINEL, f === Qnil ? Qinternal_default_process_sentinel : f);
  return aref(rt, p, PROC_SENTINEL);
});

// ---- talking to processes ------------------------------------------------------------------

function writableProcess(rt: Runtime, x: number): number {
  const p = getProcessArg(rt, x);
  if (!processLive(rt, p) || aref(rt, p, PROC_HANDLE) === Qnil || aref(rt, p, PROC_STATUS) === Qlisten)
    error(rt, `Process ${jsString(rt, aref(rt, p, PROC_NAME))} not running`);
  return p;
}

DEFUN('process-send-string', 2, 2, 'Send STRING to the standard input of PROCESS (a process, name or buffer; nil: the current buffer\'s).', (rt, x: number, s: number) => {
  if (!stringp(s)) wrongTypeArgument(rt, Qstringp, s);
  const p = writableProcess(rt, x);
  const enc = aref(rt, p, PROC_ENCODE);
  const bytes = stringBytes(rt, call2(rt, Qencode_coding_string, s, enc === Qnil ? Qutf_8_unix : enc));
  hostProcesses(rt).write(fixnumValue(aref(rt, p, PROC_HANDLE)), bytes.slice());
  return Qnil;
});

DEFUN('process-send-eof', 0, 1, 'Close the standard input of PROCESS (nil: the current buffer\'s process); gives the process.', (rt, x: number) => {
  const p = writableProcess(rt, x);
  hostProcesses(rt).closeStdin(fixnumValue(aref(rt, p, PROC_HANDLE)));
  return p;
});

const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCLD: 17,
  SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

function signalNumber(rt: Runtime, sig: number): number {
  if (isFixnum(sig)) return fixnumValue(sig);
  if (symbolp(sig)) {
    let name = symName(rt, sig).toUpperCase();
    if (!name.startsWith('SIG')) name = 'SIG' + name;
    const n = SIGNALS[name];
    if (n !== undefined) return n;
    error(rt, `Undefined signal name ${symName(rt, sig)}`);
  }
  return wrongTypeArgument(rt, intern(rt, 'fixnump'), sig);
}

/** Send SIG to P's child. A stop or continue changes the status at once, as GNU's does. */
function sendSignal(rt: Runtime, x: number, sig: number): number {
  const p = getProcessArg(rt, x);
  // A network process can be stopped (it stops reading) and continued, but takes no other signal.
  if (aref(rt, p, PROC_TYPE) === Qnetwork && (sig === 19 || sig === 18)) {
    const c = aref(rt, p, PROC_CONTACT);
    const server = consp(c) && call2(rt, intern(rt, 'plist-get'), c, intern(rt, ':server')) !== Qnil;
    aset(rt, p, PROC_STATUS, sig === 19 ? Qstop : server ? Qlisten : Qopen);
    return p;
  }
  if (aref(rt, p, PROC_TYPE) !== Qreal) error(rt, `Process ${jsString(rt, aref(rt, p, PROC_NAME))} is not a subprocess`);
  const h = aref(rt, p, PROC_HANDLE);
  if (!processLive(rt, p) || h === Qnil) error(rt, `Process ${jsString(rt, aref(rt, p, PROC_NAME))} is not active`);
  hostProcesses(rt).kill(fixnumValue(h), sig);
  if (sig === 19 || sig === 20) setStatus(rt, p, Qstop, sig);
  else if (sig === 18 && aref(rt, p, PROC_STATUS) === Qstop) setStatus(rt, p, Qrun, 0);
  return p;
}

for (const [name, sig] of [['interrupt-process', 2], ['kill-process', 9], ['quit-process', 3], ['stop-process', 19], ['continue-process', 18]] as const) {
  DEFUN(name, 0, 2, `Send signal ${sig} to PROCESS (a process, name or buffer; nil: the current buffer's); gives PROCESS.`, (rt, x: number) => sendSignal(rt, x, sig));
}

DEFVAR('interrupt-process-functions', (rt) => list(rt, intern(rt, 'internal-default-interrupt-process')),
  'Functions that `interrupt-process\' tries in turn; the default sends the process SIGINT.');
DEFUN('internal-default-interrupt-process', 0, 2, 'Send SIGINT to PROCESS (a process, its name or its buffer; nil: the current buffer\'s), as `interrupt-process\' does by default; give PROCESS.',
  (rt, x: number) => {
    if (x !== Qnil && !processp(rt, x) && !stringp(x) && !bufferp(rt, x)) wrongTypeArgument(rt, Qprocessp, x);
    return sendSignal(rt, x, 2);
  });

DEFUN('signal-process', 2, 2, 'Send signal SIGCODE (a number or a name such as SIGTERM or term) to PROCESS, a process or a process id; gives 0.', (rt, x: number, sig: number) => {
  const n = signalNumber(rt, sig);
  if (isFixnum(x) || floatp(x)) {
    const pid = isFixnum(x) ? fixnumValue(x) : xfloat(rt, x);
    for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) {
      const p = xcar(rt, l);
      if (aref(rt, p, PROC_PID) === makeFixnum(pid)) {
        sendSignal(rt, p, n);
        return makeFixnum(0);
      }
    }
    return makeFixnum(-1);
  }
  sendSignal(rt, x, n);
  return makeFixnum(0);
}, 'sProcess (name or number): \nnSignal code: ');

DEFUN('delete-process', 1, 1, 'Kill PROCESS (a process, its name or its buffer; nil means the current buffer\'s) and forget it: its sentinel hears "killed", and it leaves the process list.', (rt, x: number) => {
  const p = getProcessArg(rt, x);
  const sp = rt.sp;
  rt.push(p);
  const h = aref(rt, p, PROC_HANDLE);
  if (processLive(rt, p)) {
    if (aref(rt, p, PROC_TYPE) === Qnetwork) {
      if (isFixnum(h)) rt.host.processes?.net?.close(fixnumValue(h));
      setStatus(rt, p, Qclosed, 0);
      aset(rt, p, PROC_EVENT, makeString(rt, 'deleted\n'));
    } else if (isFixnum(h)) {
      hostProcesses(rt).kill(fixnumValue(h), 9);
      setStatus(rt, p, Qsignal, 9);
    } else setStatus(rt, p, Qclosed, 0);
  }
  aset(rt, p, PROC_HANDLE, Qnil);
  removeFromList(rt, p);
  if (isFixnum(h)) procState(rt).byHandle.delete(fixnumValue(h));
  if (aref(rt, p, PROC_TICK) === Qt) {
    aset(rt, p, PROC_TICK, Qnil);
    const event = makeString(rt, statusEvent(rt, p));
    rt.push(event);
    const sentinel = aref(rt, p, PROC_SENTINEL);
    callHandler(rt, 'sentinel', sentinel === Qnil ? Qinternal_default_process_sentinel : sentinel, [p, event]);
  }
  rt.sp = sp;
  return Qnil;
});

// Killing a buffer hangs up on its processes (SIGHUP, as GNU sends); their sentinels hear it later.
onKillBuffer((rt, b) => {
  for (let l = processList(rt); l !== Qnil; l = xcdr(rt, l)) {
    const p = xcar(rt, l);
    const h = aref(rt, p, PROC_HANDLE);
    if (aref(rt, p, PROC_BUFFER) === b && processLive(rt, p) && isFixnum(h)) rt.host.processes?.kill(fixnumValue(h), 1);
  }
});

DEFUN('num-processors', 0, 1, 'Give the number of processors this process may use (QUERY is accepted; all kinds give the same count here).', (rt) =>
  makeFixnum(rt.host.processes?.cpuCount() ?? 1));

DEFUN('process-running-child-p', 0, 1, 'Give nil: a child connected by pipes has no terminal foreground group of its own.', () => Qnil);
DEFUN('waiting-for-user-input-p', 0, 0, 'Give nil: batch Emacs never waits for keyboard input while Lisp runs.', () => Qnil);


// ---- network addresses (GNU process.c's format-network-address) ----

DEFUN(
  'format-network-address', 1, 2,
  'Write the network ADDRESS as text: a vector of 4 (IPv4) or 8 (IPv6) numbers, optionally followed by a port, becomes "a.b.c.d:port" or "[a:b:...]:port".\nOMIT-PORT non-nil leaves the port out. A string is given back as is; anything else gives nil.',
  (rt, address: number, omitPort: number) => {
    if (stringp(address)) return address;
    // (FAMILY . DATA), an address of a family with no text form.
    if (consp(address) && isFixnum(xcar(rt, address))) return makeString(rt, `<Family ${fixnumValue(xcar(rt, address))}>`);
    if (!vectorp(rt, address)) return Qnil;
    const n = pvecSize(rt, address);
    const v6 = n === 8 || n === 9;
    if (!v6 && n !== 4 && n !== 5) return Qnil;
    const parts: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = aref(rt, address, i);
      if (!isFixnum(x)) return Qnil;
      parts.push(fixnumValue(x));
    }
    const host = v6 ? parts.slice(0, 8) : parts.slice(0, 4);
    // IPv4 fields are bytes, IPv6 fields 16-bit numbers written in hex.
    if (host.some((x) => x < 0 || x > (v6 ? 0xffff : 0xff))) return Qnil;
    const text = v6 ? host.map((x) => x.toString(16)).join(':') : host.join('.');
    const port = n === 5 || n === 9 ? parts[n - 1]! : null;
    if (port !== null && (port < 0 || port > 0xffff)) return Qnil;
    if (port === null || omitPort !== Qnil) return makeString(rt, text);
    return makeString(rt, v6 ? `[${text}]:${port}` : `${text}:${port}`);
  },
);

// ---- coding flags, terminal size, datagrams ------------------------------------------------------

const Qcoding_system_type = DEFSYM('coding-system-type');
const Qcoding_system_change_text_conversion = DEFSYM('coding-system-change-text-conversion');
const Qraw_text = DEFSYM('raw-text');
const Qintegerp_p = DEFSYM('integerp');

DEFUN('process-filter-multibyte-p', 1, 1, 'Tell whether the output of PROCESS reaches its filter as multibyte text: yes unless its decoding is raw text (or none).', (rt, p: number) => {
  const decode = aref(rt, checkProcess(rt, p), PROC_DECODE);
  if (decode === Qnil) return Qt;
  const sp = rt.sp;
  rt.push(decode);
  const kind = call1(rt, Qcoding_system_type, decode);
  rt.sp = sp;
  return kind === Qraw_text ? Qnil : Qt;
});

DEFUN('set-process-filter-multibyte', 2, 2, 'With FLAG nil, make the output of PROCESS reach its filter as unibyte raw text (its decoding becomes raw text, with the same line ends); FLAG non-nil changes nothing back.', (rt, p: number, flag: number) => {
  checkProcess(rt, p);
  if (flag === Qnil) {
    const decode = aref(rt, p, PROC_DECODE);
    const sp = rt.sp;
    rt.push(p);
    const raw = decode === Qnil ? Qraw_text : call2(rt, Qcoding_system_change_text_conversion, decode, Qraw_text);
    rt.sp = sp;
    aset(rt, p, PROC_DECODE, raw);
  }
  return Qnil;
});

DEFUN('process-inherit-coding-system-flag', 1, 1, 'Tell whether the buffer of PROCESS takes on the coding systems its output is decoded with.', (rt, p: number) =>
  aref(rt, checkProcess(rt, p), PROC_INHERIT_CODING) === Qt ? Qt : Qnil);

DEFUN('set-process-inherit-coding-system-flag', 2, 2, 'Make the buffer of PROCESS take on (FLAG non-nil) or not the coding systems its output is decoded with; give FLAG.', (rt, p: number, flag: number) => {
  aset(rt, checkProcess(rt, p), PROC_INHERIT_CODING, flag === Qnil ? Qnil : Qt);
  return flag;
});

DEFUN('set-process-window-size', 3, 3, 'Tell the terminal of PROCESS it has HEIGHT lines and WIDTH columns; t when it has a terminal to tell, nil otherwise (tsmacs connects children by pipes).', (rt, p: number, height: number, width: number) => {
  checkProcess(rt, p);
  if (!isFixnum(height)) wrongTypeArgument(rt, Qintegerp_p, height);
  if (!isFixnum(width)) wrongTypeArgument(rt, Qintegerp_p, width);
  return Qnil;
});

DEFUN('process-datagram-address', 1, 1, 'Give the address of the last datagram PROCESS received; nil for a process that is not a datagram connection.', (rt, p: number) => {
  checkProcess(rt, p);
  return Qnil;
});

DEFUN('set-process-datagram-address', 2, 2, 'Make ADDRESS where PROCESS sends its next datagram; nil for a process that is not a datagram connection.', (rt, p: number) => {
  checkProcess(rt, p);
  return Qnil;
});

// ---- the system's processes (read from /proc) ------------------------------------------------------

DEFUN('list-system-processes', 0, 0, 'Give the process ids of all the processes running on the system, as a list of numbers.', (rt) => {
  const names = rt.host.readdir('/proc') ?? [];
  const ids = names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  return listFromArray(rt, ids.map((n) => makeFixnum(n)));
});

/** A duration or instant of SECONDS (with microseconds) as Lisp's (HIGH LOW USEC PSEC) list. */
function timeList(rt: Runtime, seconds: number): number {
  const whole = Math.floor(seconds);
  const usec = Math.round((seconds - whole) * 1e6);
  return list(rt, makeFixnum(Math.floor(whole / 65536)), makeFixnum(whole % 65536), makeFixnum(usec), makeFixnum(0));
}

/** The name of the entry with id ID in the system file PATH (/etc/passwd or /etc/group), or null. */
function systemName(rt: Runtime, path: string, id: number): string | null {
  const bytes = rt.host.readFile(path);
  if (bytes === null) return null;
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const f = line.split(':');
    if (f.length > 2 && Number(f[2]) === id) return f[0]!;
  }
  return null;
}

const Qnumberp_p = DEFSYM('numberp');

DEFUN('process-attributes', 1, 1, 'Give an alist of what the system tells about the process with id PID (its owner, state, times, memory, command line, ...), or nil when there is no such process.', (rt, pid: number) => {
  if (!isFixnum(pid) && !floatp(pid)) wrongTypeArgument(rt, Qnumberp_p, pid);
  const id = isFixnum(pid) ? fixnumValue(pid) : Math.trunc(xfloat(rt, pid));
  const decode = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
  const stat = decode(rt.host.readFile(`/proc/${id}/stat`));
  const status = decode(rt.host.readFile(`/proc/${id}/status`));
  if (id <= 0 || stat === null || status === null) return Qnil;
  // The command name is in parentheses and may hold spaces: the fields follow its last ')'.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(open + 1, close);
  const f = stat.slice(close + 2).trim().split(/\s+/).map((x, i) => (i === 0 ? x : Number(x)));
  const num = (i: number): number => f[i - 3] as number;
  const statusField = (name: string): number[] => {
    const m = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status);
    return m === null ? [] : m[1]!.trim().split(/\s+/).map(Number);
  };
  const uid = statusField('Uid')[1] ?? 0;
  const gid = statusField('Gid')[1] ?? 0;
  const hz = 100;
  const pageKb = 4;
  const uptime = Number(decode(rt.host.readFile('/proc/uptime'))?.split(/\s+/)[0] ?? 0);
  const now = rt.host.wallTime() / 1000;
  const startSec = num(22) / hz;
  const etime = Math.max(0, uptime - startSec);
  const utime = num(14) / hz;
  const stime = num(15) / hz;
  const cutime = num(16) / hz;
  const cstime = num(17) / hz;
  const rssKb = num(24) * pageKb;
  const memTotal = /^MemTotal:\s*(\d+)/m.exec(decode(rt.host.readFile('/proc/meminfo')) ?? '');
  const args = decode(rt.host.readFile(`/proc/${id}/cmdline`)) ?? '';
  const tty = num(7);
  const entries: [string, number][] = [
    ['args', makeString(rt, args.replace(/\0+$/, '').split('\0').join(' '))],
    ['pmem', makeFloat(rt, memTotal === null ? 0 : (100 * rssKb) / Number(memTotal[1]))],
    ['pcpu', makeFloat(rt, etime > 0 ? (100 * (utime + stime)) / etime : 0)],
    ['etime', timeList(rt, etime)],
    ['rss', makeFixnum(rssKb)],
    ['vsize', makeFixnum(Math.floor(num(23) / 1024))],
    ['start', timeList(rt, now - etime)],
    ['thcount', makeFixnum(num(20))],
    ['nice', makeFixnum(num(19))],
    ['pri', makeFixnum(num(18))],
    ['ctime', timeList(rt, cutime + cstime)],
    ['cstime', timeList(rt, cstime)],
    ['cutime', timeList(rt, cutime)],
    ['time', timeList(rt, utime + stime)],
    ['stime', timeList(rt, stime)],
    ['utime', timeList(rt, utime)],
    ['cmajflt', makeFixnum(num(13))],
    ['cminflt', makeFixnum(num(11))],
    ['majflt', makeFixnum(num(12))],
    ['minflt', makeFixnum(num(10))],
    ['tpgid', makeFixnum(num(8))],
    ['ttname', makeString(rt, tty === 0 ? '' : `/dev/pts/${tty & 0xff}`)],
    ['sess', makeFixnum(num(6))],
    ['pgrp', makeFixnum(num(5))],
    ['ppid', makeFixnum(num(4))],
    ['state', makeString(rt, String(f[0]))],
    ['comm', makeString(rt, comm)],
    ['group', makeString(rt, systemName(rt, '/etc/group', gid) ?? String(gid))],
    ['egid', makeFixnum(gid)],
    ['user', makeString(rt, systemName(rt, '/etc/passwd', uid) ?? String(uid))],
    ['euid', makeFixnum(uid)],
  ];
  return listFromArray(rt, entries.map(([k, v]) => cons(rt, intern(rt, k), v)));
});
