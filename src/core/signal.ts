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
