// Test support: a fresh runtime with HOME and the working directory fixed, and E(src) that evaluates and prints like GNU's batch.

import '../../src/emacs/all.ts';
import { createRuntime } from '../../src/core/init.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import { nodeHost } from '../../src/host/node.ts';
import { cons, makeString } from '../../src/core/object.ts';
import { LispSignal } from '../../src/core/signal.ts';
import { Qt } from '../../src/core/symbols.ts';
import { evalTop } from '../../src/emacs/eval.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToJs } from '../../src/emacs/print.ts';

/** A fresh runtime whose HOME and working directory are fixed, as when the expected values were recorded. */
export function setup(): { rt: Runtime; E: (src: string) => string } {
  const host = nodeHost();
  const getenv = host.getenv;
  host.getenv = (n) => (n === 'HOME' ? '/home/tester' : getenv(n));
  host.cwd = () => '/tmp';
  const rt = createRuntime({ host, heapBytes: 128 * 1024 * 1024 });
  /** Evaluate SRC (lexically) and print the value, or (ERR (SYMBOL . DATA)) for a signal. */
  const E = (src: string): string => {
    const sp = rt.sp;
    try {
      return prin1ToJs(rt, evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt));
    } catch (e) {
      if (!(e instanceof LispSignal)) throw e;
      return `(ERR ${prin1ToJs(rt, cons(rt, e.symbol, e.data))})`;
    } finally {
      rt.sp = sp;
    }
  };
  return { rt, E };
}
