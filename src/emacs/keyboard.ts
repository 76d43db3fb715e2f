// The command loop's questions a batch session can still ask (GNU keyboard.c): which keys ran
// the command, whether input waits, the terminal's input modes, the size of the key history.
//
// tsmacs has no interactive command loop: nothing reads keys, so the key records stay empty
// unless a program sets them (`set--this-command-keys'), no input is ever pending and the
// session is never idle, as in GNU's batch mode.

import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { aref, consp, floatp, list, pvecSize, vectorp, makeStringFromChars, sbytes, sdata, stringChars, stringMultibyte, stringp, vectorFromArray, xcar, xcdr, xfloat } from '../core/object.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { error, wrongTypeArgument, xsignal, xsignal1 } from '../core/signal.ts';
import { evalTop, findSymbolValue, setInternal } from './eval.ts';
import { Qinhibited_interaction } from './data.ts';
import { waitReading } from './process.ts';
import { beginStderrMessage, writeToStderr } from './print.ts';
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

const stateOf = defineWorldState<KeyState>(() => ({ keys: [], lossage: 300, interrupt: true, quitChar: 7 }));

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

// ---- read-char, read-event, read-char-exclusive (GNU has them in lread.c) ----
//
// A batch session has no keyboard: GNU never reads standard input for these (stdin belongs to
// the minibuffer's line reader). Events come only from `unread-command-events'; with none there,
// a call with SECONDS gives nil once they have passed, and one without waits for good (timers
// still run, and one of them may put an event in the list).

const Qunread_command_events = DEFSYM('unread-command-events');
const Qlast_input_event = DEFSYM('last-input-event');

DEFVAR('unread-command-events', () => Qnil, 'Events to be read before any from the keyboard, first one first; an element (t . EVENT) is EVENT too.');
DEFVAR('unread-post-input-method-events', () => Qnil, 'Events to be read next, before `unread-command-events\', without going through the input method.');
DEFVAR('unread-input-method-events', () => Qnil, 'Events to be read next that still go through the input method.');
DEFVAR('last-input-event', () => Qnil, 'The most recent event read as input, whatever read it.');
DEFVAR('last-nonmenu-event', () => Qnil, 'The most recent input event that did not come from a menu.');

const SHIFT_BIT = 0x2000000;
const CHAR_MODIFIER_MASK = 0xfc00000 | SHIFT_BIT;

/** Take the next pending event off `unread-command-events', or give null when there is none. */
function popUnreadEvent(rt: Runtime): number | null {
  const pending = findSymbolValue(rt, Qunread_command_events);
  if (!consp(pending)) return null;
  let ev = xcar(rt, pending);
  setInternal(rt, Qunread_command_events, xcdr(rt, pending));
  if (consp(ev) && xcar(rt, ev) === Qt) ev = xcdr(rt, ev);
  setInternal(rt, Qlast_input_event, ev);
  return ev;
}

/** A char event as `read-char' gives it: a shift on a letter makes it upper case, on a control char it is dropped. */
function shiftFolded(code: number): number {
  if ((code & SHIFT_BIT) === 0) return code;
  const base = code & ~CHAR_MODIFIER_MASK;
  const mods = code & CHAR_MODIFIER_MASK;
  if (base >= 0x61 && base <= 0x7a) return (mods & ~SHIFT_BIT) | (base - 0x20);
  if ((base >= 0x41 && base <= 0x5a) || base < 0x20) return (mods & ~SHIFT_BIT) | base;
  return code;
}

/** The three readers' shared start: check PROMPT and show it, as GNU's batch echo area does, on stderr. */
function showEventPrompt(rt: Runtime, prompt: number): void {
  if (prompt === Qnil) return;
  if (!stringp(prompt)) wrongTypeArgument(rt, Qstringp, prompt);
  beginStderrMessage(rt);
  const addr = sdata(rt, prompt);
  writeToStderr(rt, rt.u8.slice(addr, addr + sbytes(rt, prompt)), stringMultibyte(rt, prompt));
  rt.host.write(2, Uint8Array.of(10));
}

const Qinhibit_interaction = DEFVAR('inhibit-interaction', () => Qnil,
  'Non-nil means anything that would ask the user (read an event, a key, a line) signals `inhibited-interaction\' instead.');

/** Signal `inhibited-interaction' when `inhibit-interaction' is set, as GNU's readers do first. */
function refuseIfInhibited(rt: Runtime): void {
  if (findSymbolValue(rt, Qinhibit_interaction) !== Qnil) xsignal(Qinhibited_interaction, Qnil);
}

const Qhelp_char = DEFVAR('help-char', () => makeFixnum(8),
  'The character that asks for help wherever an event is read: when `help-form\' is non-nil, reading it evaluates that form instead of giving the character.');
const Qhelp = DEFSYM('help');
const Qf1 = DEFSYM('f1');
const Qhelp_event_list = DEFVAR('help-event-list', (rt) => list(rt, Qhelp, Qf1, makeFixnum(63)),
  'More events that ask for help as `help-char\' does.');
const Qhelp_form = DEFVAR('help-form', () => Qnil,
  'A form the event readers evaluate when they read `help-char\' or an event of `help-event-list\', reading on after it.');

/** Whether EV asks for help: `help-char' or one of `help-event-list'. */
function isHelpEvent(rt: Runtime, ev: number): boolean {
  if (ev === findSymbolValue(rt, Qhelp_char)) return true;
  for (let l = findSymbolValue(rt, Qhelp_event_list); consp(l); l = xcdr(rt, l)) if (xcar(rt, l) === ev) return true;
  return false;
}

/** Wait for an event: give it, or null once SECONDS (when a number) have passed without one.
 *  A help event while `help-form' is set runs that form and is not given. GNU's batch mode shows
 *  nothing of a string the form returns (no *Help* buffer is made), and neither does this. */
function nextEvent(rt: Runtime, seconds: number): number | null {
  for (;;) {
    const ev = nextRawEvent(rt, seconds);
    if (ev === null || findSymbolValue(rt, Qhelp_form) === Qnil || !isHelpEvent(rt, ev)) return ev;
    evalTop(rt, findSymbolValue(rt, Qhelp_form), Qnil);
  }
}

const Qexecuting_kbd_macro = DEFVAR('executing-kbd-macro', () => Qnil,
  'The keyboard macro being run (a string or vector), or nil; the event readers take their events from it first.');
const Qexecuting_kbd_macro_index = DEFVAR('executing-kbd-macro-index', () => makeFixnum(0),
  'How many events of `executing-kbd-macro\' have been read so far.');
DEFVAR('defining-kbd-macro', () => Qnil, 'Non-nil while a keyboard macro is being recorded: t, or `append\' when it adds to the last one.');
DEFVAR('last-kbd-macro', () => Qnil, 'The keyboard macro recorded last, a string or vector, or nil when there is none.');
DEFVAR('kbd-macro-termination-hook', () => Qnil, 'Functions run, with no arguments, each time `execute-kbd-macro\' ends.');
// The command loop's variables a program reads or binds; in batch there is no command loop to act on them.
DEFVAR('this-original-command', () => Qnil, 'The command being run before any remapping of its key, or nil.');
DEFVAR('real-last-command', () => Qnil, 'The command run before the current one, as `last-command\' was before anything changed it.');
DEFVAR('num-input-keys', () => makeFixnum(0), 'How many key sequences have been read, counting those of keyboard macros.');
DEFVAR('echo-keystrokes', () => makeFixnum(1), 'Seconds of pause after which an unfinished key sequence is echoed; 0 never echoes.');
DEFVAR('extra-keyboard-modifiers', () => makeFixnum(0), 'Modifier bits added to each character typed at the keyboard.');
DEFVAR('polling-period', () => makeFixnum(2), 'Seconds between two checks for keyboard input while Lisp runs.');
const Qdescribe_prefix_bindings = DEFSYM('describe-prefix-bindings');
DEFVAR('prefix-help-command', () => Qdescribe_prefix_bindings, 'The command the help character runs after a prefix key.');
DEFVAR('deferred-action-list', () => Qnil, 'Functions the command loop calls after the current command.');
DEFVAR('deferred-action-function', () => Qnil, 'A function the command loop calls after each command while `deferred-action-list\' is non-nil.');
DEFVAR('disable-point-adjustment', () => Qnil, 'Non-nil means the command just run does not move point out of invisible or composed text.');
DEFVAR('global-disable-point-adjustment', () => Qnil, 'Non-nil means point is never moved out of invisible or composed text after a command.');
DEFVAR('echo-area-clear-hook', () => Qnil, 'Functions run when the echo area is cleared.');
DEFVAR('command-debug-status', () => Qnil, 'Where a debugger keeps its state while one command runs.');
DEFVAR('internal--top-level-message', (rt) => makeString(rt, 'Back to top level'), 'The message `top-level\' shows when it returns to the command loop.');
const Qnormal_top_level = DEFSYM('normal-top-level');
DEFVAR('top-level', (rt) => list(rt, Qnormal_top_level), 'The form evaluated when Emacs starts, and when the command loop is entered again from the top.');
const Qfocus_in_kb = DEFSYM('focus-in');
const Qfocus_out_kb = DEFSYM('focus-out');
const Qhelp_echo_kb = DEFSYM('help-echo');
const Qiconify_frame_kb = DEFSYM('iconify-frame');
const Qmake_frame_visible_kb = DEFSYM('make-frame-visible');
const Qselection_request_kb = DEFSYM('selection-request');
DEFVAR('while-no-input-ignore-events', (rt) => list(rt, Qfocus_in_kb, Qfocus_out_kb, Qhelp_echo_kb, Qiconify_frame_kb, Qmake_frame_visible_kb, Qselection_request_kb),
  'Events that do not count as input for `while-no-input\'.');
DEFVAR('prefix-command--needs-update', () => Qnil, 'Non-nil once a prefix command changed what the echo area should show.');
DEFVAR('prefix-command--last-echo', () => Qnil, 'What the echo area showed for the prefix last time.');

const META_BIT = 0x8000000;

/** The next event of the keyboard macro being run, or null when none is running or it is used up.
 *  A unibyte string's bytes above 127 are meta characters, as GNU reads them. */
function nextMacroEvent(rt: Runtime): number | null {
  const mac = findSymbolValue(rt, Qexecuting_kbd_macro);
  const at = findSymbolValue(rt, Qexecuting_kbd_macro_index);
  if (!isFixnum(at)) return null;
  const i = fixnumValue(at);
  let ev: number;
  if (stringp(mac)) {
    const chars = stringChars(rt, mac);
    if (i < 0 || i >= chars.length) return null;
    const c = chars[i]!;
    ev = makeFixnum(!stringMultibyte(rt, mac) && c >= 0x3fff80 ? (c - 0x3fff00) | META_BIT
      : !stringMultibyte(rt, mac) && c >= 128 ? (c - 128) | META_BIT : c);
  } else if (vectorp(rt, mac)) {
    if (i < 0 || i >= pvecSize(rt, mac)) return null;
    ev = aref(rt, mac, i);
  } else {
    return null;
  }
  setInternal(rt, Qexecuting_kbd_macro_index, makeFixnum(i + 1));
  setInternal(rt, Qlast_input_event, ev);
  return ev;
}

function nextRawEvent(rt: Runtime, seconds: number): number | null {
  let ev = popUnreadEvent(rt) ?? nextMacroEvent(rt);
  if (ev !== null) return ev;
  let until = Infinity;
  if (isFixnum(seconds)) until = rt.host.now() + fixnumValue(seconds) * 1000;
  else if (floatp(seconds)) until = rt.host.now() + xfloat(rt, seconds) * 1000;
  for (;;) {
    const now = rt.host.now();
    if (now >= until) return null;
    waitReading(rt, { until: Math.min(until, now + 100), proc: Qnil, justThisOne: Qnil, anyEvent: false });
    ev = popUnreadEvent(rt);
    if (ev !== null) return ev;
  }
}

DEFUN('read-event', 0, 3, 'Read one input event of any kind and give it; with PROMPT a string, show it first.\nSECONDS, a number, bounds the wait: nil comes back when no event arrived in that time. INHERIT-INPUT-METHOD is accepted and has no effect here.',
  (rt, prompt: number, _inherit: number, seconds: number) => {
    refuseIfInhibited(rt);
    showEventPrompt(rt, prompt);
    return nextEvent(rt, seconds) ?? Qnil;
  });

DEFUN('read-char', 0, 3, 'Read one input event, which must be a character, and give it; with PROMPT a string, show it first.\nAny other event is put back and is an error. SECONDS, a number, bounds the wait: nil comes back when no event arrived in that time.',
  (rt, prompt: number, _inherit: number, seconds: number) => {
    refuseIfInhibited(rt);
    showEventPrompt(rt, prompt);
    const ev = nextEvent(rt, seconds);
    if (ev === null) return Qnil;
    if (isFixnum(ev)) return makeFixnum(shiftFolded(fixnumValue(ev)));
    setInternal(rt, Qunread_command_events, list(rt, ev));
    return error(rt, 'Non-character input-event');
  });

DEFUN('read-char-exclusive', 0, 3, 'Read input events until one is a character and give that; the others are dropped. With PROMPT a string, show it first.\nSECONDS, a number, bounds the wait: nil comes back when no character arrived in that time.',
  (rt, prompt: number, _inherit: number, seconds: number) => {
    refuseIfInhibited(rt);
    showEventPrompt(rt, prompt);
    for (;;) {
      const ev = nextEvent(rt, seconds);
      if (ev === null) return Qnil;
      if (isFixnum(ev)) return makeFixnum(shiftFolded(fixnumValue(ev)));
    }
  });

DEFUN('get-file-char', 0, 0, 'Read the next character of the file being loaded; outside `load\'s own reading it is an error.', (rt) =>
  error(rt, 'get-file-char misused'));
