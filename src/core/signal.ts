// Non-local exits as JS exceptions: a Lisp signal (error symbol + data) and a Lisp throw (tag + value).
//
// Both carry raw Lisp words. While one is in flight, unwind forms may run Lisp
// code (a safe point), so whoever runs them first pushes the payload onto the
// Lisp stack (see eval.ts unwind-protect).

import type { Runtime } from './runtime.ts';
import { cons, list } from './object.ts';
import { Qargs_out_of_range, Qerror, Qnil, Qwrong_type_argument } from './symbols.ts';
import { makeString } from './object.ts';

export class LispSignal {
  readonly symbol: number;
  readonly data: number;
  /** Set once `signal-hook-function' has seen this signal (eval.ts noticeSignal). */
  hooked = false;
  /** Set once the debugger variables have been consulted for this signal (eval.ts noticeSignalOnce). */
  debugged = false;
  constructor(symbol: number, data: number) {
    this.symbol = symbol;
    this.data = data;
  }
}

export class LispThrow {
  readonly tag: number;
  readonly value: number;
  constructor(tag: number, value: number) {
    this.tag = tag;
    this.value = value;
  }
}

/** Kill-emacs travels as an exception so every unwind form runs before the host exits. */
export class KillEmacs {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** Signal ERROR-SYMBOL with DATA (GNU's xsignal). */
export function xsignal(sym: number, data: number): never {
  throw new LispSignal(sym, data);
}
export const xsignal1 = (rt: Runtime, sym: number, a: number): never => xsignal(sym, cons(rt, a, Qnil));
export const xsignal2 = (rt: Runtime, sym: number, a: number, b: number): never => xsignal(sym, list(rt, a, b));
export const xsignal3 = (rt: Runtime, sym: number, a: number, b: number, c: number): never =>
  xsignal(sym, list(rt, a, b, c));

/** (error "MESSAGE") with an already formatted message. */
export const error = (rt: Runtime, message: string): never => xsignal1(rt, Qerror, makeString(rt, message));

export const wrongTypeArgument = (rt: Runtime, predicate: number, x: number): never =>
  xsignal2(rt, Qwrong_type_argument, predicate, x);
export const argsOutOfRange = (rt: Runtime, a: number, b: number): never => xsignal2(rt, Qargs_out_of_range, a, b);

// ---- the JS stack --------------------------------------------------------------------------
//
// Lisp recursion and the JS-recursive primitives (reader, printer, equal...) run on the JS
// stack. V8 reports its exhaustion only as a RangeError, the class it also uses for bad
// lengths, so nothing else here may catch a RangeError and call it a stack overflow: instead,
// code that recurses calls checkJsStack every few levels, which makes sure at least
// JS_STACK_HEADROOM_FRAMES frames of a tiny function still fit. That is the one place that
// recognises V8's overflow, and it can do so by construction: the probe does nothing but call
// itself, so the only RangeError it can raise is the stack's. Between two checks the caller
// must not use more stack than the headroom holds (about 150 KB with V8's frame of the probe:
// 16 levels of the evaluator with room to spare for a primitive's bounded work).

/** The JS stack is nearly exhausted: callers turn this into their own GNU error (a nesting error by default). */
export class JsStackExhausted extends Error {}

/** How many frames of stackProbe must still fit for checkJsStack to pass. */
const JS_STACK_HEADROOM_FRAMES = 2500;

function stackProbe(n: number): number {
  return n <= 0 ? 0 : 1 + stackProbe(n - 1);
}

/** Throw JsStackExhausted unless the JS stack still has the headroom above. */
export function checkJsStack(): void {
  try {
    stackProbe(JS_STACK_HEADROOM_FRAMES);
  } catch (e) {
    if (e instanceof RangeError) throw new JsStackExhausted('JS stack nearly exhausted');
    throw e;
  }
}
