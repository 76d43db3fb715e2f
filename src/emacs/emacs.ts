// Process-level primitives and variables (GNU emacs.c): kill-emacs, noninteractive, invocation names, the environment.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { charLenAt } from '../core/character.ts';
import { consp, jsString, list, makeString, makeStringFromBytes, sbytes, sdata, stringp, TailWalker, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { KillEmacs, wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFSYM, Qcircular_list, Qerror, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { findSymbolValue, funcall, setInternal } from './eval.ts';

const Qkill_emacs_hook = DEFVAR('kill-emacs-hook', () => Qnil, 'Functions called, with no arguments, when `kill-emacs\' is about to end the process.');
DEFVAR('noninteractive', () => Qt, 'Non-nil when there is no interactive terminal, as in batch mode (always, in tsmacs).');
DEFVAR('command-line-args', () => Qnil, 'The arguments the process was started with, as a list of strings, the program name first.');
DEFVAR('command-line-args-left', () => Qnil, 'The command-line arguments that remain to be handled, as a list of strings.');
const Qinvocation_name = DEFVAR('invocation-name', (rt) => makeString(rt, 'emacs'), 'The file name, without its directory, under which the running program was started.');
const Qinvocation_directory = DEFVAR('invocation-directory', () => Qnil, 'The directory holding the running program\'s executable.');
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
  const entries = rt.host.environ().reverse();
  // All of it in one encode when it is all ASCII (the usual case: one native call instead of one
  // per entry, about 50 cold calls of a shell's environment), each entry then copied from its slice.
  const all = entries.join('\n');
  const bytes = utf8.encode(all);
  if (bytes.length === all.length) {
    const out: number[] = new Array<number>(entries.length);
    for (let i = 0, at = 0; i < entries.length; i++) {
      const n = entries[i]!.length;
      out[i] = makeStringFromBytes(rt, bytes.subarray(at, at + n), n, false);
      at += n + 1;
    }
    return out;
  }
  return entries.map((e) => {
    const one = utf8.encode(e);
    return one.length === e.length ? makeStringFromBytes(rt, one, e.length, false) : makeString(rt, e);
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

DEFUN('kill-emacs', 0, 1, 'End the process.\nAn integer ARG gives the exit status, taken modulo 256; a string ARG is written to standard output first, as batch mode has no terminal to feed it to.', (rt, arg: number) => {
  void Qkill_emacs_hook;
  let code = 0;
  if (isFixnum(arg)) code = fixnumValue(arg) & 0xff;
  else if (stringp(arg)) {
    // GNU stuffs a string into the terminal's input; in batch it is printed.
    rt.host.write(1, new TextEncoder().encode(jsString(rt, arg)));
  }
  rt.exiting = true;
  throw new KillEmacs(code);
}, 'P');

/**
 * A string of BYTES that is multibyte when they hold non-ASCII characters in the internal
 * encoding and unibyte otherwise (GNU's make_string): a value read from a unibyte entry is
 * decoded text when it can be.
 */
function guessMultibyte(rt: Runtime, bytes: Uint8Array): number {
  let chars = 0;
  let ascii = true;
  for (let k = 0; k < bytes.length; chars++) {
    const b = bytes[k]!;
    if (b < 0x80) {
      k++;
      continue;
    }
    ascii = false;
    const len = charLenAt(b);
    if (b < 0xc0 || len === 1 || k + len > bytes.length) return makeStringFromBytes(rt, bytes, bytes.length, false);
    for (let j = 1; j < len; j++) if ((bytes[k + j]! & 0xc0) !== 0x80) return makeStringFromBytes(rt, bytes, bytes.length, false);
    k += len;
  }
  return makeStringFromBytes(rt, bytes, ascii ? bytes.length : chars, !ascii);
}

/**
 * The value of the entry for the name whose bytes are NAME in the list ENV: its text after the
 * `=', Qt for an entry that is the bare name (a variable marked as removed), or null when no
 * string in ENV names it. Only the first matching entry counts.
 */
function lookupEnvironment(rt: Runtime, env: number, name: Uint8Array): number | null {
  const u8 = rt.u8;
  // GNU walks a circular ENV for ever; a circular-list error is the answer that ends.
  const walker = new TailWalker();
  walker.reset(env);
  for (let tail = env; consp(tail); tail = xcdr(rt, tail), walker.step(tail) && xsignal1(rt, Qcircular_list, env)) {
    const entry = xcar(rt, tail);
    if (!stringp(entry)) continue;
    const n = sbytes(rt, entry);
    if (n < name.length) continue;
    const p = sdata(rt, entry);
    let i = 0;
    while (i < name.length && u8[p + i] === name[i]) i++;
    if (i < name.length) continue;
    if (n === name.length) return Qt;
    if (u8[p + i] !== 0x3d /* = */) continue;
    return guessMultibyte(rt, u8.slice(p + i + 1, p + n));
  }
  return null;
}

DEFUN('getenv-internal', 1, 2, 'Give the value of the environment variable VARIABLE from `process-environment\', or nil when it has none.\nWhen ENV is a list, look there instead, and give t for an entry that is the bare name (a removed variable).', (rt, variable: number, env: number) => {
  if (!stringp(variable)) wrongTypeArgument(rt, Qstringp, variable);
  const name = rt.u8.slice(sdata(rt, variable), sdata(rt, variable) + sbytes(rt, variable));
  if (consp(env)) return lookupEnvironment(rt, env, name) ?? Qnil;
  const v = lookupEnvironment(rt, findSymbolValue(rt, Qprocess_environment), name);
  return v === null || v === Qt ? Qnil : v;
});

DEFUN('daemonp', 0, 0, 'Tell whether this process runs as a server daemon: never, in tsmacs, so nil.', () => Qnil);

DEFUN('invocation-name', 0, 0, 'Give the name, without its directory, this program was started under (the value of the variable `invocation-name\').', (rt) =>
  findSymbolValue(rt, Qinvocation_name));

DEFUN('invocation-directory', 0, 0, 'Give the directory this program was started from (the value of the variable `invocation-directory\').', (rt) =>
  findSymbolValue(rt, Qinvocation_directory));

DEFUN('daemon-initialized', 0, 0, 'Tell the process that started this daemon that it is ready; an error in a session that is not a daemon (always, here).', (rt) =>
  xsignal1(rt, Qerror, makeString(rt, 'This function can only be called if emacs is run as a daemon')));

const Qrun_hooks = DEFSYM('run-hooks');
const Qafter_pdump_load_hook = DEFSYM('after-pdump-load-hook');
const Qcustom_delayed_init_variables = DEFSYM('custom-delayed-init-variables');
const Qcustom_reevaluate_setting = DEFSYM('custom-reevaluate-setting');

/**
 * What every start from an image runs once the heap is in place, before any command-line action
 * (the CLI, the embedding API and the browser build all call it): `after-pdump-load-hook', then
 * the options whose value `custom-initialize-delay' put off while the image was made, computed
 * now from this machine and environment, oldest first (none of the image's own options is put off:
 * `user-mail-address' is set in JS, src/emacs/editfns-user.ts, for start-up's sake). From then on
 * `custom-delayed-init-variables' is t, so such options get their value when they are defined.
 */
export function startFromImage(rt: Runtime): void {
  funcall(rt, Qrun_hooks, [Qafter_pdump_load_hook]);
  initDelayedOptions(rt);
}

/** Set the options `custom-initialize-delay' put off (a start from source calls this alone). */
export function initDelayedOptions(rt: Runtime): void {
  const delayed = findSymbolValue(rt, Qcustom_delayed_init_variables);
  setInternal(rt, Qcustom_delayed_init_variables, Qt);
  if (!consp(delayed)) return;
  const symbols: number[] = [];
  for (let p = delayed; consp(p); p = xcdr(rt, p)) symbols.push(xcar(rt, p));
  for (let i = symbols.length - 1; i >= 0; i--) funcall(rt, Qcustom_reevaluate_setting, [symbols[i]!]);
}
