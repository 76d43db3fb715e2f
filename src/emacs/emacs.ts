// Process-level primitives and variables (GNU emacs.c): kill-emacs, noninteractive, invocation names, the environment.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { jsString, list, makeString, makeStringFromBytes, stringp } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { KillEmacs, wrongTypeArgument } from '../core/signal.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { setInternal } from './eval.ts';

const Qkill_emacs_hook = DEFVAR('kill-emacs-hook', () => Qnil, 'Functions called, with no arguments, when `kill-emacs\' is about to end the process.');
DEFVAR('noninteractive', () => Qt, 'Non-nil when there is no interactive terminal, as in batch mode (always, in tsmacs).');
DEFVAR('command-line-args', () => Qnil, 'The arguments the process was started with, as a list of strings, the program name first.');
DEFVAR('command-line-args-left', () => Qnil, 'The command-line arguments that remain to be handled, as a list of strings.');
DEFVAR('invocation-name', (rt) => makeString(rt, 'emacs'), 'The file name, without its directory, under which the running program was started.');
DEFVAR('invocation-directory', () => Qnil, 'The directory holding the running program\'s executable.');
DEFVAR('installation-directory', () => Qnil, 'The directory of a build tree to take support files from, or nil when none is used.');
const Qgnu_linux = DEFSYM('gnu/linux');
DEFVAR('system-type', () => Qgnu_linux, 'A symbol naming the kind of operating system the program runs on, such as `gnu/linux\'.');
DEFVAR('system-configuration', (rt) => makeString(rt, 'x86_64-pc-linux-gnu'), 'A string naming the machine and system the program was built for.');
DEFVAR('emacs-version', (rt) => makeString(rt, '28.2'), 'The version of GNU Emacs whose Lisp this system follows, as a string.');
DEFVAR('emacs-major-version', () => makeFixnum(28), 'The first number of `emacs-version\', as an integer.');
DEFVAR('emacs-minor-version', () => makeFixnum(2), 'The second number of `emacs-version\', as an integer.');
DEFVAR('emacs-build-number', () => makeFixnum(1), 'A build counter, as an integer.');
DEFVAR('dump-mode', () => Qnil, 'Nil in normal use; while an image is being built, the kind of dump being made, such as "pdump".');
const Qprocess_environment = DEFVAR('process-environment', (rt) => processEnvironment(rt), 'The environment for child processes, as a list of "NAME=VALUE" strings; earlier entries win.');
const Qinitial_environment = DEFVAR('initial-environment', (rt) => processEnvironment(rt), 'The environment this process was started with, as a list of "NAME=VALUE" strings.');
DEFVAR('after-init-time', () => Qnil, 'The value of `current-time\' once start-up had finished, or nil before that.');
DEFVAR('before-init-time', () => Qnil, 'The value of `current-time\' when start-up began.');
DEFVAR('inhibit-x-resources', () => Qnil, 'Non-nil means X resource files are not consulted; kept for compatibility, tsmacs reads none.');

const utf8 = new TextEncoder();

/**
 * The environment's "NAME=VALUE" strings, last entry first as GNU lists them. Every start from an
 * image makes them, in V8's interpreter: makeString's char loops cost 0.2-0.3 ms over a few KB of
 * environment, where one native encode per entry copies an ASCII entry (the usual kind) at once;
 * others go to makeString.
 */
function environmentStrings(rt: Runtime): number[] {
  return rt.host.environ().reverse().map((e) => {
    const bytes = utf8.encode(e);
    return bytes.length === e.length ? makeStringFromBytes(rt, bytes, e.length, false) : makeString(rt, e);
  });
}

const processEnvironment = (rt: Runtime): number => list(rt, ...environmentStrings(rt));

// A start from an image takes its environment from the process it runs in, not from the
// one that made the image (GNU's init_callproc_1 does this at every start).
// As in GNU, initial-environment is a copy of the list, sharing its strings.
pdumperDoNowAndAfterLoad((rt) => {
  const strings = environmentStrings(rt);
  setInternal(rt, Qprocess_environment, list(rt, ...strings));
  setInternal(rt, Qinitial_environment, list(rt, ...strings));
});

DEFUN('kill-emacs', 0, 2, 'End the process.\nAn integer ARG gives the exit status, taken modulo 256; a string ARG is written to standard output first, as batch mode has no terminal to feed it to.', (rt, arg: number) => {
  void Qkill_emacs_hook;
  let code = 0;
  if (isFixnum(arg)) code = fixnumValue(arg) & 0xff;
  else if (stringp(arg)) {
    // GNU stuffs a string into the terminal's input; in batch it is printed.
    rt.host.write(1, new TextEncoder().encode(jsString(rt, arg)));
  }
  throw new KillEmacs(code);
});

DEFUN('getenv-internal', 1, 2, 'Look up the environment variable VARIABLE and give its value as a string, or nil when it is not set.', (rt, variable: number) => {
  if (!stringp(variable)) wrongTypeArgument(rt, Qstringp, variable);
  const v = rt.host.getenv(jsString(rt, variable));
  return v === undefined ? Qnil : makeString(rt, v);
});

DEFUN('daemonp', 0, 0, 'Tell whether this process runs as a server daemon: never, in tsmacs, so nil.', () => Qnil);
