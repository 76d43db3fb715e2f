// Test support for the number modules: evaluate a form and look at its value as a JS number, a bigint, or GNU's printed form.

import assert from 'node:assert/strict';
import '../../src/emacs/all.ts';
import { createRuntime } from '../../src/core/init.ts';
import { nodeHost } from '../../src/host/node.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import { bignump, bignumValue, cons, isFixnum, fixnumValue, makeString, xfloat, floatp } from '../../src/core/object.ts';
import { LispSignal } from '../../src/core/signal.ts';
import { Qt } from '../../src/core/symbols.ts';
import { evalTop } from '../../src/emacs/eval.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToJs } from '../../src/emacs/print.ts';

export const rt: Runtime = createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });

/** Evaluate SRC lexically. */
export function ev(src: string): number {
  return evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt);
}
/** SRC's value printed; a signal comes back as `!! (SYMBOL . DATA)` printed, as the GNU records show it. */
export function show(src: string): string {
  try {
    return prin1ToJs(rt, ev(src));
  } catch (e) {
    if (e instanceof LispSignal) return '!! ' + prin1ToJs(rt, cons(rt, e.symbol, e.data));
    throw e;
  }
}
/** The float value of SRC's result. */
export function num(src: string): number {
  const v = ev(src);
  assert.ok(floatp(v), `${src} is a float`);
  return xfloat(rt, v);
}
/** The integer value of SRC's result, as a bigint. */
export function int(src: string): bigint {
  const v = ev(src);
  if (isFixnum(v)) return BigInt(fixnumValue(v));
  assert.ok(bignump(rt, v), `${src} is an integer`);
  return bignumValue(rt, v);
}
