// The function `debug' as batch Emacs runs it: report why it was entered and the backtrace, then exit (GNU debug.el).
//
// GNU's debug opens a *Backtrace* buffer and a recursive edit; in batch mode (tsmacs always is)
// it writes the buffer's text to standard error and kills Emacs with status 255 instead, which
// is all that is reproduced here.

import type { Runtime } from '../core/runtime.ts';
import { listFromArray, makeString } from '../core/object.ts';
import { KillEmacs } from '../core/signal.ts';
import { DEFSYM, Qerror, Qlambda, Qnil, Qt } from '../core/symbols.ts';
import { DEFUN, MANY } from '../core/subr.ts';
import { frameDebugOnExit, frameInfo, funcall } from './eval.ts';
import { backtraceLinesText, batchDebuggerText, beginStderrMessage } from './print.ts';

const Qdebug = DEFSYM('debug');
const Qexit = DEFSYM('exit');

/** The first line of the report for debug's arguments ARGS, and the value printed after it (null: none). */
function header(rt: Runtime, args: number[]): [string, number | null] {
  const first = args.length > 0 ? args[0]! : Qnil;
  const second = args.length > 1 ? args[1]! : Qnil;
  if (first === Qlambda || first === Qdebug) return ['Debugger entered--entering a function:', null];
  if (first === Qt) return ['Debugger entered--beginning evaluation of function call form:', null];
  if (first === Qexit) return ['Debugger entered--returning value: ', second];
  if (first === Qerror) return ['Debugger entered--Lisp error: ', second];
  // A leading nil only says "no reason given": the rest is shown.
  return ['Debugger entered: ', listFromArray(rt, first === Qnil ? args.slice(1) : args)];
}

DEFUN('debug', 0, MANY, 'Enter the debugger: in batch mode, print why (from ARGS) and the backtrace on standard error, then exit with status 255.\nThe debugger variable `debugger\' names this function by default; it is called with `error\' and the error, `exit\' and a value, `t\' or `lambda\' for a call.',
  (rt, args: number[]) => {
    const [head, value] = header(rt, args);
    // Every frame but debug's own (the innermost), which GNU's report leaves out.
    const frames: [boolean, number, number, boolean][] = [];
    const wasInDebugger = rt.inDebugger;
    rt.inDebugger = true;
    let text: string;
    try {
      for (let i = rt.nframes - 2; i >= 0; i--) frames.push([...frameInfo(rt, i), frameDebugOnExit(rt, i)]);
      text = batchDebuggerText(rt, head, value, frames);
    } finally {
      rt.inDebugger = wasInDebugger;
    }
    beginStderrMessage(rt);
    rt.host.write(2, new TextEncoder().encode(text));
    throw new KillEmacs(255);
  }, 'nil');

const Qprinc = DEFSYM('princ');

DEFUN('backtrace', 0, 0, 'Print the calls now active, innermost first, one line each, to `standard-output\'.', (rt) => {
  const frames: [boolean, number, number, boolean][] = [];
  for (let i = rt.nframes - 1; i >= 0; i--) frames.push([...frameInfo(rt, i), frameDebugOnExit(rt, i)]);
  funcall(rt, Qprinc, [makeString(rt, backtraceLinesText(rt, frames))]);
  return Qnil;
});
