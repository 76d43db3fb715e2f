// The function `debug' as batch Emacs runs it: report why it was entered and the backtrace, then exit (GNU debug.el).
//
// GNU's debug opens a *Backtrace* buffer and a recursive edit; in batch mode (tsmacs always is)
// it writes the buffer's text to standard error and kills Emacs with status 255 instead, which
// is all that is reproduced here.

import type { Runtime } from '../core/runtime.ts';
import { jsString, listFromArray, makeString } from '../core/object.ts';
import { KillEmacs } from '../core/signal.ts';
import { DEFSYM, Qerror, Qlambda, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { DEFUN, MANY } from '../core/subr.ts';
import { findSymbolValue, frameDebugOnExit, frameInfo, funcall, markFrameDebugOnExit, specbind, unbindTo } from './eval.ts';
import { backtraceLinesText, batchDebuggerText, beginStderrMessage } from './print.ts';

const Qdebug = DEFSYM('debug');
const Qexit = DEFSYM('exit');
const Qwatchpoint = DEFSYM('watchpoint');
const Qformat = DEFSYM('format');
const Qdebugger = DEFSYM('debugger');
const Qinhibit_debug_on_entry = DEFSYM('inhibit-debug-on-entry');

/** What a variable watchpoint says it caught: the OPERATION's words around SYMBOL, NEWVAL and WHERE (a buffer or nil), or null when OPERATION is unknown. */
function watchpointText(rt: Runtime, rest: number[]): string | null {
  if (rest.length !== 4) return null;
  const [symbol, newval, operation, where] = rest as [number, number, number, number];
  const say = (fmt: string, ...args: number[]): string => jsString(rt, funcall(rt, Qformat, [makeString(rt, fmt), ...args]));
  const local = where !== Qnil;
  switch (operation) {
    case DEFSYM('let'): return say('let-binding %s to %S', symbol, newval);
    case DEFSYM('unlet'): return say('ending let-binding of %s', symbol);
    case DEFSYM('set'): return local ? say('setting %s in buffer %s to %S', symbol, where, newval) : say('setting %s to %S', symbol, newval);
    case DEFSYM('makunbound'): return local ? say('killing local value of %s in buffer %s', symbol, where) : say('making %s void', symbol);
    case DEFSYM('defvaralias'): return say('aliasing %s to %S', symbol, newval);
    default: return null;
  }
}

/** The first line of the report for debug's arguments ARGS, and the value printed after it (null: none). */
function header(rt: Runtime, args: number[]): [string, number | null] {
  const first = args.length > 0 ? args[0]! : Qnil;
  const second = args.length > 1 ? args[1]! : Qnil;
  if (first === Qlambda || first === Qdebug) return ['Debugger entered--entering a function:', null];
  if (first === Qt) return ['Debugger entered--beginning evaluation of function call form:', null];
  if (first === Qexit) return ['Debugger entered--returning value: ', second];
  if (first === Qerror) return ['Debugger entered--Lisp error: ', second];
  if (first === Qwatchpoint && args.length >= 3) {
    const what = watchpointText(rt, args.slice(1));
    if (what === null) funcall(rt, Qerror, [makeString(rt, 'Unrecognized watchpoint triggered %S'), listFromArray(rt, args.slice(1))]);
    else return [`Debugger entered--${what}: `, null];
  }
  // A leading nil only says "no reason given": the rest is shown.
  return ['Debugger entered: ', listFromArray(rt, first === Qnil ? args.slice(1) : args)];
}

DEFUN('debug', 0, MANY, 'Enter the debugger: in batch mode, print why (from ARGS) and the backtrace on standard error, then exit with status 255.\nThe debugger variable `debugger\' names this function by default; it is called with `error\' and the error, `exit\' and a value, `t\' or `lambda\' for a call.',
  (rt, args: number[]) => {
    const [head, value] = header(rt, args);
    // Every frame but debug's own (the innermost), which GNU's report leaves out.
    const frames: [boolean, number, number, boolean][] = [];
    let top = rt.nframes - 2;
    // Entered for debug-on-entry: the caller and the advice's `apply' are not shown, and the
    // function that was entered is marked to come back to the debugger when it returns.
    if (args[0] === Qdebug && top >= 2) {
      top -= 2;
      markFrameDebugOnExit(rt, top);
    }
    const wasInDebugger = rt.inDebugger;
    rt.inDebugger = true;
    let text: string;
    try {
      for (let i = top; i >= 0; i--) frames.push([...frameInfo(rt, i), frameDebugOnExit(rt, i)]);
      text = batchDebuggerText(rt, head, value, frames);
    } finally {
      rt.inDebugger = wasInDebugger;
    }
    beginStderrMessage(rt);
    rt.host.write(2, new TextEncoder().encode(text));
    rt.exiting = true;
    throw new KillEmacs(255);
  }, 'nil');

const Qprinc = DEFSYM('princ');

DEFUN('backtrace', 0, 0, 'Print the calls now active, innermost first, one line each, to `standard-output\'.', (rt) => {
  const frames: [boolean, number, number, boolean][] = [];
  for (let i = rt.nframes - 1; i >= 0; i--) frames.push([...frameInfo(rt, i), frameDebugOnExit(rt, i)]);
  funcall(rt, Qprinc, [makeString(rt, backtraceLinesText(rt, frames))]);
  return Qnil;
});

DEFUN('debug--implement-debug-on-entry', 0, MANY, 'Enter the debugger for a call of a function `debug-on-entry\' marked (the advice it adds runs this first), unless `inhibit-debug-on-entry\' is set.', (rt) => {
  const inhibit = findSymbolValue(rt, Qinhibit_debug_on_entry);
  if (inhibit !== Qnil && inhibit !== Qunbound) return Qnil;
  const count = rt.specCount;
  specbind(rt, Qinhibit_debug_on_entry, Qt);
  try {
    return funcall(rt, findSymbolValue(rt, Qdebugger), [Qdebug]);
  } finally {
    unbindTo(rt, count);
  }
});

DEFUN('debug--implement-debug-watch', 4, 4, 'Enter the debugger for a change of SYMBOL `debug-on-variable-change\' watches: to NEWVAL by OPERATION, in buffer WHERE when it is buffer-local.', (rt, symbol: number, newval: number, operation: number, where: number) =>
  funcall(rt, findSymbolValue(rt, Qdebugger), [Qwatchpoint, symbol, newval, operation, where]));
