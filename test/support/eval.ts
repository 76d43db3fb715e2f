// Test support: a fresh runtime with HOME and the working directory fixed, and E(src) that evaluates and prints like GNU's batch.

import '../../src/emacs/all.ts';
import { createRuntime } from '../../src/core/init.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import { nodeHost } from '../../src/host/node.ts';
import { cons, makeString } from '../../src/core/object.ts';
import { LispSignal } from '../../src/core/signal.ts';
import { Qt } from '../../src/core/symbols.ts';
import { asLispSignal, evalTop } from '../../src/emacs/eval.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToJs } from '../../src/emacs/print.ts';

/** A fresh runtime whose HOME and working directory are fixed, as when the expected values were recorded. */
export function setup(): { rt: Runtime; E: (src: string) => string } {
  const host = nodeHost();
  const getenv = host.getenv;
  host.getenv = (n) => (n === 'HOME' ? '/home/tester' : getenv(n));
  // `process-environment' is made from environ(), and ~ is read from there, as GNU reads it.
  const environ = host.environ;
  host.environ = () => [...environ().filter((e) => !e.startsWith('HOME=')), 'HOME=/home/tester'];
  host.cwd = () => '/tmp';
  const rt = createRuntime({ host, heapBytes: 128 * 1024 * 1024 });
  return { rt, E: (src: string) => evalPrint(rt, src) };
}

/**
 * Evaluate SRC (lexically) in RT and print the value, or (ERR (SYMBOL . DATA)) for a signal.
 * With TOP_LEVEL, a resource error (heap, stack) becomes its Lisp signal too, as the command
 * line turns it into one.
 */
export function evalPrint(rt: Runtime, src: string, topLevel = false): string {
  const sp = rt.sp;
  try {
    return prin1ToJs(rt, evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt));
  } catch (e) {
    const sig = topLevel ? asLispSignal(rt, e) : e;
    if (!(sig instanceof LispSignal)) throw e;
    return `(ERR ${prin1ToJs(rt, cons(rt, sig.symbol, sig.data))})`;
  } finally {
    rt.sp = sp;
  }
}
