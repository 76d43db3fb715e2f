// The tsmacs command: start from a dump (or from source), then process the command line in order (GNU emacs.c + startup.el).

import '../emacs/all.ts';
import { unlockAllFiles } from '../emacs/filelock.ts';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Host } from '../host/host.ts';
import { createRuntime } from '../core/init.ts';
import type { Runtime } from '../core/runtime.ts';
import { cons, list, makeString, xcar, xcdr, consp, jsString, stringp, makeFixnum } from '../core/object.ts';
import { intern } from '../core/obarray.ts';
import { KillEmacs, LispSignal, LispThrow } from '../core/signal.ts';
import { DEFSYM, Qnil, Qt } from '../core/symbols.ts';
import { asLispSignal, callDebugger, evalTop, findSymbolValue, frameInfo, funcall, noticeTopLevelSignal, pushFrame, setInternal, specbind, unbindTo } from '../emacs/eval.ts';
import { initDelayedOptions, startFromImage } from '../emacs/emacs.ts';
import { load, readFromString } from '../emacs/lread.ts';
import { batchBacktraceText, beginStderrMessage, errorMessageString, printObject, writeToStderr } from '../emacs/print.ts';
import { DumpLoadError, loadDump } from '../dump/loader.ts';
import { HeapExhausted } from '../heap/heap.ts';
import { startRepl } from './repl.ts';
import { runDumpInfo } from './dump-info.ts';
import { inReplWorker, replStartFailed, runReplWorker } from './repl-worker.ts';

const Qload = DEFSYM('load');
const Qload_path = DEFSYM('load-path');
const Qcommand_line_args = DEFSYM('command-line-args');
const Qdump_mode = DEFSYM('dump-mode');
// startup.el's variable, set while the command line is processed.
// Declared by emacs/emacs.ts: a second DEFVAR gave VARIABLES two entries for one symbol, which
// sent every start's sortBuiltinTables down its comparison sort (some 1,000 cold comparator calls).
const Qcommand_line_args_left = DEFSYM('command-line-args-left');

/** This file's folder (in the bundle, the launcher's): import.meta.dirname is free, a file URL's parse is not. */
const hereDir = (): string => import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));

/** Where the bundle (or this source file) lives: the repo root is one level up from dist/ or two from src/cli/. */
function installRoot(): string {
  const here = hereDir();
  if (here.endsWith('cli')) return join(here, '..', '..');
  // The bundle's folder (the launcher's __dirname, absolute and normal): its parent without path.join,
  // whose first call compiles Node's path helpers (0.16 ms of a start).
  const cut = here.lastIndexOf('/');
  return cut > 0 && !here.includes('\\') && !here.endsWith('/.') && !here.endsWith('/..') ? here.slice(0, cut) : join(here, '..');
}

/** Running the TypeScript sources (tests, development) rather than the bundle: dist's image belongs to the bundle. */
const fromSource = (): boolean => hereDir().endsWith('cli');

/**
 * REST (a relative POSIX path, normal) under the installation's root: by concatenation when the
 * root is an absolute, normal POSIX folder (the bundle's always is), as path.join would give it, whose
 * first call compiles Node's path normalisation (0.1-0.2 ms of a start); else path.join.
 */
function underRoot(rest: string): string {
  const root = installRoot();
  return root.length > 1 && root.startsWith('/') && !root.includes('\\') && !root.endsWith('/') ? root + '/' + rest : join(root, rest);
}

export const defaultDumpPath = (): string => underRoot('dist/tsmacs.pdmp');
export const lispDir = (): string => underRoot('lisp');

/**
 * Set `load-path' for a start from an image, as GNU computes it at every start rather than
 * keeping the dumped value (the folder the image was built in, wherever it has moved since):
 * EMACSLOADPATH's colon-separated folders if it is set, an empty element there standing for the
 * default; the default is this installation's lisp folder.
 */
export function installLoadPath(rt: Runtime): void {
  const standard = lispDir();
  const env = rt.host.getenv('EMACSLOADPATH');
  const dirs = env === undefined || env === '' ? [standard] : env.split(':').flatMap((d) => (d === '' ? [standard] : [d]));
  // As GNU, each folder EMACSLOADPATH names that is not one gets a warning (and stays listed).
  if (env !== undefined && env !== '')
    for (const d of env.split(':')) {
      if (d === '') continue;
      const kind = rt.host.stat(d)?.kind;
      if (kind !== 'dir')
        rt.host.write(2, new TextEncoder().encode(`Warning: Lisp directory '${d}': ${kind === undefined ? 'No such file or directory' : 'Not a directory'}\n`));
    }
  setInternal(rt, Qload_path, list(rt, ...dirs.map((d) => makeString(rt, d))));
}

/** The version --version reports; test/api-package.test.ts keeps it equal to package.json's. */
export const TSMACS_VERSION = '0.1.0';

// --version and --help keep GNU's shape (name and version on the first line, then copyright and
// licence; usage, a description, then options by group with their arguments), in our words.
const VERSION_TEXT = `tsmacs ${TSMACS_VERSION}
Copyright (C) 2026 the tsmacs contributors
tsmacs comes with ABSOLUTELY NO WARRANTY.
It is free software: use, change and share it under the MIT License.
Its Emacs Lisp follows GNU Emacs 28.2.
`;

const USAGE = `Usage: tsmacs [OPTION-OR-FILENAME]...

Run tsmacs, an Emacs Lisp system in TypeScript, in batch mode: process
the options below in order, then exit.  It starts from a dumped image
(dist/tsmacs.pdmp) unless told otherwise.

Initialization options:

--batch, -batch             batch mode (always the case here)
--dump-file FILE            start from the dump FILE
--no-init-file, -q          no init file (never read here)
--quick, -Q                 the same, and no site files
--script FILE               run FILE as an Emacs Lisp script and exit
--temacs=pdump              run lisp/loadup.el from source and dump the
                              default image (or --dump-file FILE)

Action options:

FILE                    visit FILE (not supported yet: reported, skipped)
--directory, -L DIR     put DIR first in load-path (-L :DIR puts it last)
--eval EXPR             evaluate the Lisp expression EXPR
--execute EXPR          the same as --eval
--funcall, -f FUNC      call the Lisp function FUNC, no arguments
--load, -l FILE         load the Lisp file FILE with the function load
--help                  show this help, then exit
--version               show the version, then exit

Other modes:

--repl                  an ielm-style read-eval-print loop (also what a
                          terminal gets when no action is given)
--dump-info FILE        describe the image FILE: sections, objects by
                          type, relocations, largest contributors
--svg OUT.svg           with --dump-info, also draw it as a picture

Long options may also be given with a single dash (-batch, -eval).

From JavaScript: import { Emacs } from 'tsmacs' (see docs/api.md).
Report bugs at the project's issue tracker.
`;

class UsageError extends Error {}

/** Run tsmacs with ARGV; returns the exit status. */
export function runCli(argv: string[], host: Host): number {
  // The REPL's evaluator (src/cli/repl.ts starts it in a worker with the REPL's own arguments).
  const replWorker = argv[0] === '--repl-worker' && inReplWorker();
  if (replWorker) argv = argv.slice(1);
  let repl = false;
  let dumpInfo: string | null = null;
  let svgOut: string | null = null;
  let dumpFile: string | null = null;
  let temacs: string | null = null;
  const actions: [string, string, number][] = [];
  // -Q and --no-x-resources set `inhibit-x-resources', as in GNU (there are no X resources to read).
  let noXResources = false;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      const next = (): string => {
        if (i + 1 >= argv.length) throw new UsageError(`tsmacs: option '${a}' requires an argument`);
        return argv[++i]!;
      };
      const eq = a.indexOf('=');
      const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, null];
      const value = (): string => inline ?? next();
      switch (name) {
        case '-Q': case '--quick': case '-quick': case '--no-x-resources': case '-no-x-resources':
          noXResources = true;
          break;
        case '--batch': case '-batch': case '-q': case '--no-init-file':
        case '-nw': case '--no-site-file': case '--no-splash': case '-no-site-file':
          break;
        case '--dump-file': case '-dump-file':
          dumpFile = value();
          break;
        case '--temacs': case '-temacs':
          temacs = value();
          break;
        case '--version': case '-version':
          host.write(1, new TextEncoder().encode(VERSION_TEXT));
          return 0;
        case '--repl':
          repl = true;
          break;
        case '--dump-info':
          dumpInfo = value();
          break;
        case '--svg':
          svgOut = value();
          break;
        case '--help': case '-help':
          host.write(1, new TextEncoder().encode(USAGE));
          return 0;
        case '--eval': case '-eval': case '--execute': case '-execute':
          actions.push(['eval', value(), i + 1]);
          break;
        case '-l': case '--load': case '-load':
          actions.push(['load', value(), i + 1]);
          break;
        case '-f': case '--funcall': case '-funcall':
          actions.push(['funcall', value(), i + 1]);
          break;
        case '-L': case '--directory': case '-directory':
          actions.push(['dir', value(), i + 1]);
          break;
        case '--script': case '-script': case '-scriptload':
          actions.push(['script', value(), i + 1]);
          i = argv.length; // the script's own arguments follow
          break;
        default:
          if (a.startsWith('-') && a !== '-') throw new UsageError(`tsmacs: unknown option '${a}'\n${USAGE}`);
          actions.push(['visit', a, i + 1]);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      host.write(2, new TextEncoder().encode(e.message + '\n'));
      return 2;
    }
    throw e;
  }

  if (dumpInfo !== null) return runDumpInfo(host, dumpInfo, svgOut);
  if (svgOut !== null) {
    host.write(2, new TextEncoder().encode('tsmacs: --svg goes with --dump-info FILE\n'));
    return 2;
  }
  // No batch action on a terminal, or --repl: the REPL, which starts its own runtime in a worker.
  if (!replWorker && temacs === null && (repl || (actions.length === 0 && stdinIsTerminal()))) {
    // The evaluator thread runs the built launcher (tsx's loader does not reach worker threads).
    return startRepl({ entry: join(installRoot(), 'dist', 'tsmacs.cjs'), workerArgs: argv.filter((a) => a !== '--repl') }) ?? 0;
  }

  let rt: Runtime;
  // The runtime being started, so that an error during loadup is reported with it.
  const starting: { rt: Runtime | null } = { rt: null };
  try {
    rt = startRuntime(host, dumpFile, temacs, starting);
  } catch (e) {
    if (e instanceof DumpLoadError) {
      host.write(2, new TextEncoder().encode(`${e.preamble}tsmacs: ${e.message}\n`));
      return replWorker ? replStartFailed(e.exitCode) : e.exitCode;
    }
    if (e instanceof KillEmacs) return e.code;
    if (e instanceof LispSignal) return reportTopLevelError(host, starting.rt, e);
    throw e;
  }
  if (temacs !== null) return 0;
  if (noXResources) setInternal(rt, Qinhibit_x_resources, Qt);
  if (replWorker) return runReplWorker(rt, (kind, arg) => runAction(rt, kind, arg), actions);
  try {
    return processActions(rt, argv, actions);
  } finally {
    // GNU takes away this session's lock files however it ends.
    unlockAllFiles(rt);
  }
}

const stdinIsTerminal = (): boolean =>
  (process as unknown as { getBuiltinModule(id: string): typeof import('node:tty') }).getBuiltinModule('node:tty').isatty(0);

/**
 * Tell the launcher that the start's fixed work is over and Lisp is about to run: under Bun it then
 * lets JavaScriptCore's JIT tier up as usual again (scripts/launcher-bun.template.cjs). Unset
 * elsewhere.
 */
function lispRuns(): void {
  (globalThis as { __tsmacsLispRuns?: () => void }).__tsmacsLispRuns?.();
}

function startRuntime(host: Host, dumpFile: string | null, temacs: string | null, starting: { rt: Runtime | null }): Runtime {
  if (temacs !== null) {
    lispRuns();
    if (temacs !== 'pdump') throw new UsageError(`tsmacs: unsupported --temacs mode '${temacs}' (only pdump)`);
    const rt = createRuntime({ host });
    starting.rt = rt;
    setInternal(rt, Qdump_mode, makeString(rt, 'pdump'));
    runLoadup(rt, dumpFile ?? defaultDumpPath());
    return rt;
  }
  const path = dumpFile ?? defaultDumpPath();
  // The default image, when it is a file: opened here where the host can, and handed to loadDump
  // (a stat first cost a start its first statSync, compiled from source: 0.2 ms).
  const opened = dumpFile === null && !fromSource() && host.openForReading !== undefined ? host.openForReading(path) : undefined;
  if (dumpFile !== null || (opened ? true : !fromSource() && host.stat(path)?.kind === 'file')) {
    const rt = loadDump(host, path, opened ? { opened } : {});
    lispRuns();
    installLoadPath(rt);
    const sp = rt.sp;
    guarded(rt, () => (startFromImage(rt), Qnil));
    rt.sp = sp;
    return rt;
  }
  if (!fromSource())
    host.write(2, new TextEncoder().encode(
      `tsmacs: no dump file at ${path}; starting from source (slow).\n` +
      `tsmacs: build the default image with: npm run build\n`));
  lispRuns();
  const t0 = host.now();
  const rt = createRuntime({ host });
  starting.rt = rt;
  runLoadup(rt, null);
  guarded(rt, () => (initDelayedOptions(rt), Qnil));
  // The counterpart of loadDump's TSMACS_LOAD_TRACE line: the same heap made from source.
  if (host.getenv('TSMACS_LOAD_TRACE') !== undefined)
    host.write(2, new TextEncoder().encode(`tsmacs: loadup from source (ms): total ${(host.now() - t0).toFixed(2)}\n`));
  return rt;
}

/** Load lisp/loadup.el; with a dump path it ends by dumping there. */
function runLoadup(rt: Runtime, dumpTo: string | null): void {
  const dir = lispDir();
  setInternal(rt, Qload_path, list(rt, makeString(rt, dir)));
  if (dumpTo !== null) setInternal(rt, intern(rt, 'loadup--dump-file'), makeString(rt, dumpTo));
  guarded(rt, () => funcall(rt, Qload, [makeString(rt, join(dir, 'loadup.el')), Qnil, Qt]));
}

/** Run fn at top level; an escaping signal is reported like GNU's top level and ends the process. */
function guarded(rt: Runtime, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    const sig = asLispSignal(rt, e);
    if (sig instanceof LispSignal) throw sig;
    if (sig instanceof LispThrow) throw new LispSignal(DEFSYM('no-catch'), list(rt, sig.tag, sig.value));
    throw e;
  }
}

/** Options GNU's emacs.c and command-line consume before command-line-1 sees the rest; the value says whether one argument follows. */
const STARTUP_OPTIONS = new Map<string, boolean>([
  ['--batch', false], ['-batch', false], ['-Q', false], ['--quick', false], ['-q', false], ['--no-init-file', false],
  ['-nw', false], ['--no-site-file', false], ['--no-splash', false], ['-no-site-file', false], ['--no-x-resources', false],
  ['-quick', false], ['-no-x-resources', false],
  ['--dump-file', true], ['-dump-file', true], ['--temacs', true], ['-temacs', true],
]);

/** The argument list GNU's command-line-1 receives (and its backtrace frame shows): --script becomes -scriptload. */
function commandLine1Args(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const takesArg = STARTUP_OPTIONS.get(name);
    if (takesArg !== undefined) {
      if (takesArg && name === a) i++;
      continue;
    }
    if (a === '--script' || a === '-script') {
      out.push('-scriptload', ...argv.slice(i + 1));
      break;
    }
    out.push(a);
  }
  return out;
}

/** Push a call frame FN(ARGS...) that stays for the whole run (GNU's outer startup frames). */
function pushOuterFrame(rt: Runtime, fn: number, args: number[]): void {
  const sp = rt.sp;
  rt.push(fn);
  for (const a of args) rt.push(a);
  pushFrame(rt, sp, args.length);
}

const Qlexical_binding_cli = DEFSYM('lexical-binding');
const Qinvocation_name_cli = DEFSYM('invocation-name');
const Qinvocation_directory_cli = DEFSYM('invocation-directory');
const Qcommand_line_default_directory = DEFSYM('command-line-default-directory');
const Qbefore_init_time_cli = DEFSYM('before-init-time');
const Qafter_init_time_cli = DEFSYM('after-init-time');

/**
 * The time now in `current-time''s form, (HIGH LOW USEC 0), to the millisecond, from Date.now().
 * `current-time' reads the host's wall clock, performance.timeOrigin + performance.now(), and
 * Node's first touch of `performance' costs a start about 2 ms, for two values most sessions
 * never read.
 */
function timeNow(rt: Runtime): number {
  const usec = Date.now() * 1000;
  const secs = Math.floor(usec / 1e6);
  return list(rt, makeFixnum(Math.floor(secs / 65536)), makeFixnum(secs % 65536), makeFixnum(usec - secs * 1e6), makeFixnum(0));
}

function processActions(rt: Runtime, argv: string[], actions: [string, string, number][]): number {
  // GNU's `command-line' notes when it starts and, once the init files are read (none in
  // batch with -Q), when it is done: `emacs-init-time' and `emacs-uptime' count from these.
  setInternal(rt, Qbefore_init_time_cli, timeNow(rt));
  setInternal(rt, Qcommand_line_args, list(rt, makeString(rt, 'emacs'), ...argv.map((a) => makeString(rt, a))));
  // The program's own file, as GNU's invocation variables give its executable: Lisp that starts
  // Emacs again as (expand-file-name invocation-name invocation-directory) starts tsmacs.
  const program = rt.host.programPath;
  if (program !== undefined && program.startsWith('/')) {
    const slash = program.lastIndexOf('/');
    setInternal(rt, Qinvocation_name_cli, makeString(rt, program.slice(slash + 1)));
    setInternal(rt, Qinvocation_directory_cli, makeString(rt, program.slice(0, slash + 1)));
  }
  // Relative names of the command line are taken from where Emacs was started (command-args.el).
  const cwd = rt.host.cwd();
  setInternal(rt, Qcommand_line_default_directory, makeString(rt, cwd.endsWith('/') ? cwd : cwd + '/'));
  // GNU's batch actions run in *scratch*, where lexical-binding is t.
  setInternal(rt, Qlexical_binding_cli, Qt);
  // GNU runs the actions inside normal-top-level -> command-line -> command-line-1,
  // whose frames end every backtrace.
  rt.sp = 0;
  rt.nframes = 0;
  pushOuterFrame(rt, intern(rt, 'normal-top-level'), []);
  pushOuterFrame(rt, intern(rt, 'command-line'), []);
  pushOuterFrame(rt, intern(rt, 'command-line-1'), [list(rt, ...commandLine1Args(argv).map((a) => makeString(rt, a)))]);
  setInternal(rt, Qafter_init_time_cli, timeNow(rt));
  const baseSp = rt.sp;
  const baseFrames = rt.nframes;
  // Those three calls count as nesting levels, as in GNU, for max-lisp-eval-depth.
  const baseDepth = 3;
  rt.lispEvalDepth = baseDepth;
  // Batch Emacs calls the function `debug' (whatever `debugger' says) for an error nothing
  // will catch, before unwind forms run: it prints the backtrace and exits with 255.
  rt.uncaughtSignalHook = (sig) => {
    callDebugger(rt, Qdebug_fn, list(rt, Qerror_cli, cons(rt, sig.symbol, sig.data)));
  };
  // GNU's command-line-1 takes its next argument from command-line-args-left, so a file that
  // -l loads may consume arguments (pop them) or replace the rest: after each action the
  // remaining actions are parsed again from what the variable holds, if Lisp changed it.
  let rest = argv;
  let pending = actions;
  let lineForNextVisit: [number, number] | null = null;
  try {
    for (let idx = 0; idx < pending.length; idx++) {
      const [kind, arg, next] = pending[idx]!;
      const left = rest.slice(next);
      // What command-line-1 has not consumed yet (a script reads its own arguments here).
      setInternal(rt, Qcommand_line_args_left, list(rt, ...left.map((a) => makeString(rt, a))));
      // GNU's command-line-1 binds `argi' to the argument it is handling, as it names it.
      const specCount = rt.specCount;
      specbind(rt, Qargi, makeString(rt, argiOf(rest, kind, next)));
      try {
        guarded(rt, () => {
          if (kind === 'visit' && /^\+\d+(:\d+)?$/.test(arg)) {
            const [line, col] = arg.slice(1).split(':');
            lineForNextVisit = [Number(line), Number(col ?? 0)];
          } else if (kind === 'unknown') {
            funcall(rt, intern(rt, 'error'), [makeString(rt, "Unknown option `%s'"), makeString(rt, arg)]);
          } else {
            runAction(rt, kind, arg, kind === 'visit' ? lineForNextVisit : null);
            if (kind === 'visit') lineForNextVisit = null;
          }
          return Qnil;
        });
      } catch (e) {
        if (e instanceof KillEmacs) return e.code;
        if (e instanceof LispSignal) return topLevelError(rt, e);
        throw e;
      } finally {
        // Back at command-line-1's level, however the action ended: an error that stopped at
        // `max-lisp-eval-depth' or `max-specpdl-size' leaves the nesting counts where it
        // stopped, and what runs after it (the next action, the exit's lock removal) must not
        // inherit them.
        unbindTo(rt, specCount);
        rt.sp = baseSp;
        rt.nframes = baseFrames;
        rt.lispEvalDepth = baseDepth;
        rt.handlerSpecs.length = 0;
      }
      const now = argsLeft(rt);
      if (now === null) continue;
      if (now.length !== left.length || now.some((a, k) => a !== left[k])) {
        rest = now;
        pending = commandLine1Actions(now);
        idx = -1;
      }
    }
  } finally {
    rt.uncaughtSignalHook = null;
  }
  return 0;
}

/**
 * The value of `argi' while the action of KIND ending before ARGS[NEXT] runs: its option as GNU's
 * command-line-1 names it (one dash, no `=VALUE', `-scriptload' for a script), or the argument
 * itself when it is not an option.
 */
function argiOf(args: string[], kind: string, next: number): string {
  const last = args[next - 1] ?? '';
  if (kind === 'visit' || kind === 'unknown') return last;
  const eq = last.indexOf('=');
  const inline = last.startsWith('--') && eq > 0 && ACTION_OPTIONS.get(last.slice(0, eq)) === kind;
  const option = inline ? last.slice(0, eq) : args[next - 2] ?? '';
  if (kind === 'script') return '-scriptload';
  return option.startsWith('--') ? option.slice(1) : option;
}

/** command-line-args-left as strings; null when it holds something else (then it is left alone). */
function argsLeft(rt: Runtime): string[] | null {
  const out: string[] = [];
  let l = findSymbolValue(rt, Qcommand_line_args_left);
  for (; consp(l); l = xcdr(rt, l)) {
    const a = xcar(rt, l);
    if (!stringp(a)) return null;
    out.push(jsString(rt, a));
  }
  return l === Qnil ? out : null;
}

/** The actions of ARGS as command-line-1 reads them once start-up options are gone. */
function commandLine1Actions(args: string[]): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, null];
    const kind = ACTION_OPTIONS.get(name);
    if (kind !== undefined) {
      if (inline !== null) out.push([kind, inline, i + 1]);
      else if (i + 1 < args.length) { out.push([kind, args[i + 1]!, i + 2]); i++; }
      else out.push(['unknown', a, i + 1]);
      if (kind === 'script') break;
    } else if (a.startsWith('-') && a !== '-' && a !== '--') {
      out.push(['unknown', a, i + 1]);
    } else out.push(['visit', a, i + 1]);
  }
  return out;
}

const ACTION_OPTIONS = new Map<string, string>([
  ['--eval', 'eval'], ['-eval', 'eval'], ['--execute', 'eval'], ['-execute', 'eval'],
  ['-l', 'load'], ['--load', 'load'], ['-load', 'load'],
  ['-f', 'funcall'], ['--funcall', 'funcall'], ['-funcall', 'funcall'],
  ['-L', 'dir'], ['--directory', 'dir'], ['-directory', 'dir'],
  ['--script', 'script'], ['-script', 'script'], ['-scriptload', 'script'],
]);

const Qdebug_fn = DEFSYM('debug');
const Qargi = DEFSYM('argi');
const Qinhibit_x_resources = DEFSYM('inhibit-x-resources');
const Qerror_cli = DEFSYM('error');

/**
 * An error that reached the top level: unless a catcher on its way did, the hook and the
 * debugger see it now (in batch that is `debug', which prints the backtrace and exits). When
 * the debugger returns, or was not called, GNU's top level prints the error's message alone.
 */
function topLevelError(rt: Runtime, sig: LispSignal): number {
  let e = noticeTopLevelSignal(rt, sig);
  if (e instanceof KillEmacs) return e.code;
  if (e instanceof LispThrow) e = new LispSignal(DEFSYM('no-catch'), list(rt, e.tag, e.value));
  if (!(e instanceof LispSignal)) throw e;
  let p: { bytes: Uint8Array; multibyte: boolean };
  try {
    p = printObject(rt, errorMessageString(rt, e.symbol, e.data), false);
  } catch (x) {
    // With the heap full even the message cannot be made: say so plainly.
    if (!(x instanceof HeapExhausted)) throw x;
    p = { bytes: new TextEncoder().encode('tsmacs: heap exhausted'), multibyte: true };
  }
  const bytes = new Uint8Array(p.bytes.length + 1);
  bytes.set(p.bytes);
  bytes[p.bytes.length] = 10;
  writeToStderr(rt, bytes, p.multibyte);
  return 255;
}

function runAction(rt: Runtime, kind: string, arg: string, line: [number, number] | null = null): number {
  switch (kind) {
    case 'eval': {
      const r = readFromString(rt, makeString(rt, arg));
      rt.push(r.obj);
      return evalTop(rt, r.obj, Qt);
    }
    // command-line-1 is compiled: it calls load directly, with no frame of its own.
    case 'load': {
      // Like command-line-1: the file in the current directory if it is there, else let load search.
      const full = expandRelative(rt, arg);
      return load(rt, makeString(rt, rt.host.stat(full)?.kind === 'file' ? full : arg), Qnil, Qt);
    }
    case 'script': {
      load(rt, makeString(rt, expandRelative(rt, arg)), Qnil, Qt, Qt);
      throw new KillEmacs(0);
    }
    case 'funcall':
      return funcall(rt, intern(rt, arg), []);
    case 'dir': {
      const lp = findSymbolValue(rt, Qload_path);
      const appendIt = arg.startsWith(':');
      const dir = makeString(rt, expandRelative(rt, appendIt ? arg.slice(1) : arg));
      if (appendIt) {
        const items: number[] = [];
        for (let l = lp; consp(l); l = xcdr(rt, l)) items.push(xcar(rt, l));
        setInternal(rt, Qload_path, list(rt, ...items, dir));
      } else setInternal(rt, Qload_path, cons(rt, dir, consp(lp) ? lp : Qnil));
      return Qnil;
    }
    case 'visit': {
      // As command-line-1: visit the file (relative to the working directory) and make its
      // buffer current; a +LINE[:COLUMN] argument before it says where point goes.
      // In batch GNU makes the buffer current without selecting it in a window.
      funcall(rt, intern(rt, 'set-buffer'), [funcall(rt, intern(rt, 'find-file-noselect'), [makeString(rt, expandRelative(rt, arg))])]);
      if (line !== null) {
        funcall(rt, intern(rt, 'goto-char'), [funcall(rt, intern(rt, 'point-min'), [])]);
        if (line[0] > 1) funcall(rt, intern(rt, 'forward-line'), [makeFixnum(line[0] - 1)]);
        if (line[1] > 0) funcall(rt, intern(rt, 'move-to-column'), [makeFixnum(line[1] - 1)]);
      }
      return Qnil;
    }
  }
  return Qnil;
}

function expandRelative(rt: Runtime, file: string): string {
  return file.startsWith('/') || file.startsWith('~') ? file : join(rt.host.cwd(), file);
}

/** GNU's batch debugger: "Debugger entered--Lisp error: DATA" and the frames on stderr; the exit status is 255. */
function reportTopLevelError(host: Host, rt: Runtime | null, sig: { readonly symbol: number; readonly data: number }): number {
  let text: string;
  if (rt) {
    // The report runs where the error happened, bindings and frames still in place, so as
    // GNU's debugger does it may go past max-specpdl-size.
    rt.inDebugger = true;
    try {
      const frames: [boolean, number, number][] = [];
      for (let i = rt.nframes - 1; i >= 0; i--) frames.push(frameInfo(rt, i));
      text = batchBacktraceText(rt, cons(rt, sig.symbol, sig.data), frames);
      beginStderrMessage(rt);
    } finally {
      rt.inDebugger = false;
    }
  } else text = 'tsmacs: error during start-up\n';
  host.write(2, new TextEncoder().encode(text));
  return 255;
}
