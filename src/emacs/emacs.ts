// Process-level primitives and variables (GNU emacs.c): kill-emacs, noninteractive, invocation names, the environment.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { jsString, list, makeString, stringp } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { KillEmacs, wrongTypeArgument } from '../core/signal.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';

const Qkill_emacs_hook = DEFVAR('kill-emacs-hook', () => Qnil, 'Hook run when `kill-emacs\' is called.');
DEFVAR('noninteractive', () => Qt, 'Non-nil means Emacs is running without interactive terminal.');
DEFVAR('command-line-args', () => Qnil, 'Args passed by shell to Emacs, as a list of strings.');
DEFVAR('command-line-args-left', () => Qnil, 'List of command-line args not yet processed.');
DEFVAR('invocation-name', (rt) => makeString(rt, 'emacs'), 'The program name that was used to run Emacs.');
DEFVAR('invocation-directory', () => Qnil, 'The directory in which the Emacs executable was found.');
DEFVAR('installation-directory', () => Qnil, 'A directory within which to look for the `lib-src\' and `etc\' directories.');
const Qgnu_linux = DEFSYM('gnu/linux');
DEFVAR('system-type', () => Qgnu_linux, 'The value is a symbol indicating the type of operating system you are using.');
DEFVAR('system-configuration', (rt) => makeString(rt, 'x86_64-pc-linux-gnu'), 'Value is string indicating configuration Emacs was built for.');
DEFVAR('emacs-version', (rt) => makeString(rt, '28.2'), 'Version numbers of the Emacs Lisp dialect this implements.');
DEFVAR('emacs-major-version', () => makeFixnum(28), 'Major version number of this version of Emacs.');
DEFVAR('emacs-minor-version', () => makeFixnum(2), 'Minor version number of this version of Emacs.');
DEFVAR('emacs-build-number', () => makeFixnum(1), 'The build number of this version of Emacs.');
DEFVAR('dump-mode', () => Qnil, 'Non-nil when Emacs is dumping itself.');
DEFVAR('process-environment', (rt) => processEnvironment(rt), 'List of overridden environment variables for subprocesses to inherit.');
DEFVAR('initial-environment', (rt) => processEnvironment(rt), 'List of environment variables inherited from the parent process.');
DEFVAR('after-init-time', () => Qnil, 'Value of `current-time\' after loading the init files.');
DEFVAR('before-init-time', () => Qnil, 'Value of `current-time\' before Emacs begins initialization.');
DEFVAR('inhibit-x-resources', () => Qnil, 'If non-nil, X resources, Xdefaults, and Xresources are not used.');

const processEnvironment = (rt: Runtime): number => list(rt, ...rt.host.environ().map((e) => makeString(rt, e)));

DEFUN('kill-emacs', 0, 2, 'Exit the Emacs job and kill it.', (rt, arg: number) => {
  void Qkill_emacs_hook;
  let code = 0;
  if (isFixnum(arg)) code = fixnumValue(arg) & 0xff;
  else if (stringp(arg)) {
    // GNU stuffs a string into the terminal's input; in batch it is printed.
    rt.host.write(1, new TextEncoder().encode(jsString(rt, arg)));
  }
  throw new KillEmacs(code);
});

DEFUN('getenv-internal', 1, 2, 'Get the value of environment variable VARIABLE.', (rt, variable: number) => {
  if (!stringp(variable)) wrongTypeArgument(rt, Qstringp, variable);
  const v = rt.host.getenv(jsString(rt, variable));
  return v === undefined ? Qnil : makeString(rt, v);
});

DEFUN('daemonp', 0, 0, 'Return non-nil if the current emacs process is a daemon.', () => Qnil);
