// The command loop's questions a batch session can still ask (GNU keyboard.c): which keys ran
// the command, whether input waits, the terminal's input modes, the size of the key history.
//
// tsmacs has no interactive command loop: nothing reads keys, so the key records stay empty
// unless a program sets them (`set--this-command-keys'), no input is ever pending and the
// session is never idle, as in GNU's batch mode.

import type { Runtime } from '../core/runtime.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { list, makeStringFromChars, stringChars, stringp, vectorFromArray } from '../core/object.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { makeString } from '../core/object.ts';

const Quser_error = DEFSYM('user-error');

/** What one runtime remembers of its keys and terminal modes. */
interface KeyState {
  /** The events of the current command's keys, as `set--this-command-keys' left them. */
  keys: number[];
  /** How many keystrokes `recent-keys' would keep. */
  lossage: number;
  interrupt: boolean;
  quitChar: number;
}

const states = new WeakMap<Runtime, KeyState>();

function stateOf(rt: Runtime): KeyState {
  let s = states.get(rt);
  if (s === undefined) {
    s = { keys: [], lossage: 300, interrupt: true, quitChar: 7 };
    states.set(rt, s);
  }
  return s;
}

/** The key events as a string when every one is an ASCII char, else null. */
function keysAsString(rt: Runtime, keys: number[]): number | null {
  for (const k of keys) if (!isFixnum(k) || fixnumValue(k) < 0 || fixnumValue(k) > 127) return null;
  return makeStringFromChars(rt, keys.map((k) => fixnumValue(k)));
}

DEFUN('recursion-depth', 0, 0, 'Give how many recursive edits are under way: always 0 here, where none can be entered.', () => makeFixnum(0));

DEFUN('this-command-keys', 0, 0, 'Give the keys that invoked the current command, as a string when they fit in one, else as a vector.', (rt) => {
  const keys = stateOf(rt).keys;
  return keysAsString(rt, keys) ?? vectorFromArray(rt, keys);
});

DEFUN('this-command-keys-vector', 0, 0, 'Give the keys that invoked the current command, as a vector of events.', (rt) =>
  vectorFromArray(rt, stateOf(rt).keys));

DEFUN('this-single-command-keys', 0, 0, 'Give the keys of the current command without any prefix arguments typed before them, as a vector.', (rt) =>
  vectorFromArray(rt, stateOf(rt).keys));

DEFUN('this-single-command-raw-keys', 0, 0, 'Give the keys of the current command as they were typed, before any translation, as a vector.', (rt) =>
  vectorFromArray(rt, stateOf(rt).keys));

DEFUN('set--this-command-keys', 1, 1, 'Make the string KEYS the keys the current command counts as invoked by.', (rt, keys: number) => {
  if (!stringp(keys)) wrongTypeArgument(rt, Qstringp, keys);
  stateOf(rt).keys = stringChars(rt, keys).map((c) => makeFixnum(c));
  return Qnil;
});

DEFUN('clear-this-command-keys', 0, 1, 'Forget the keys of the current command; unless KEEP-RECORD, forget the recent keys too.', (rt) => {
  stateOf(rt).keys = [];
  return Qnil;
});

DEFUN('recent-keys', 0, 1, 'Give the last keystrokes read, oldest first, as a vector; with INCLUDE-CMDS the commands they ran are listed among them.', (rt) =>
  vectorFromArray(rt, []));

DEFUN('input-pending-p', 0, 1, 'Tell whether input is waiting to be read: never, since nothing reads keys here.', () => Qnil);

DEFUN('discard-input', 0, 0, 'Throw away any input not yet read, and end any keyboard macro being defined.', () => Qnil);

DEFUN('current-idle-time', 0, 0, 'Give how long this session has been idle, or nil when it is not idle (never, in batch mode).', () => Qnil);

DEFUN('lossage-size', 0, 1, 'Give how many keystrokes `recent-keys\' keeps; with ARG, a number of at least 100, make it keep that many first.', (rt, arg: number) => {
  const s = stateOf(rt);
  if (arg !== Qnil) {
    if (!isFixnum(arg) || fixnumValue(arg) < 0) xsignal1(rt, Quser_error, makeString(rt, 'Value must be a positive integer'));
    if (fixnumValue(arg) < 100) xsignal1(rt, Quser_error, makeString(rt, 'Value must be >= 100'));
    s.lossage = fixnumValue(arg);
  }
  return makeFixnum(s.lossage);
}, '(list (read-number "Set maximum keystrokes to: " (lossage-size)))');

DEFUN('current-input-mode', 0, 0, 'Give the input modes of the terminal as (INTERRUPT FLOW META QUIT): whether quitting interrupts, whether flow control is used, how the meta bit is read, and the quit char.', (rt) => {
  const s = stateOf(rt);
  return list(rt, s.interrupt ? Qt : Qnil, Qnil, Qt, makeFixnum(s.quitChar));
});

DEFUN('set-input-mode', 3, 4, 'Set the terminal\'s input modes: INTERRUPT says whether quitting interrupts, FLOW whether to use flow control, META how to read the meta bit, QUIT the quit char.\nOnly INTERRUPT takes effect on a batch session\'s terminal.', (rt, interrupt: number) => {
  stateOf(rt).interrupt = interrupt !== Qnil;
  return Qnil;
});

DEFUN('set-input-interrupt-mode', 1, 1, 'Make quitting interrupt (INTERRUPT non-nil) or wait for input to be read (nil).', (rt, interrupt: number) => {
  stateOf(rt).interrupt = interrupt !== Qnil;
  return Qnil;
});

DEFUN('set-input-meta-mode', 1, 2, 'Say how the terminal TERMINAL sends the meta bit (META); a batch session\'s terminal keeps its mode.', () => Qnil);

DEFUN('set-output-flow-control', 1, 2, 'Turn flow control of output to the terminal TERMINAL on (FLOW non-nil) or off; a batch session\'s terminal has none.', () => Qnil);

DEFUN('set-quit-char', 1, 1, 'Make QUIT the char that quits; a batch session\'s terminal keeps C-g.', () => Qnil);

DEFVAR('pre-command-hook', () => Qnil, 'Functions the command loop calls, with no arguments, before each command it runs.');
DEFVAR('post-command-hook', () => Qnil, 'Functions the command loop calls, with no arguments, after each command it runs.');
