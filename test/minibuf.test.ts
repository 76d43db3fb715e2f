// Tests: assoc-string (GNU minibuf.c), expected values checked against GNU Emacs 28.2.

import '../src/emacs/eval.ts';
import '../src/emacs/data.ts';
import '../src/emacs/fns.ts';
import '../src/emacs/lread.ts';
import '../src/emacs/print.ts';
import '../src/emacs/casefiddle.ts';
import '../src/emacs/minibuf.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { cons, makeString } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { Qt } from '../src/core/symbols.ts';
import { nodeHost } from '../src/host/node.ts';
import { evalTop } from '../src/emacs/eval.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { prin1ToJs } from '../src/emacs/print.ts';

const rt = createRuntime({ host: nodeHost() });

/** Evaluate SRC and print its value, or (ERR (SYMBOL . DATA)) when it signals. */
function E(src: string): string {
  const sp = rt.sp;
  try {
    return prin1ToJs(rt, evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt));
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    return `(ERR ${prin1ToJs(rt, cons(rt, e.symbol, e.data))})`;
  } finally {
    rt.sp = sp;
  }
}

const CASES: [string, string][] = [
  ["(assoc-string \"B\" '((\"a\" . 1) (\"b\" . 2)) t)", '("b" . 2)'],
  ["(assoc-string \"B\" '((\"a\" . 1) (\"b\" . 2)))", 'nil'],
  ["(assoc-string 'b '((\"a\" . 1) (\"b\" . 2)))", '("b" . 2)'],
  ["(assoc-string \"a\" '(1 (2) a (\"A\" . 3)) t)", 'a'],
  ["(assoc-string \"a\" '(b . c))", 'nil'],
  ["(assoc-string \"a\" '(\"a\" . (1 2 . 3)))", '"a"'],
  ["(assoc-string nil '(nil (nil . 2)))", 'nil'],
  ["(assoc-string \"é\" '(\"É\") t)", '"É"'],
  ["(assoc-string \"ß\" '(\"SS\") t)", 'nil'],
  ["(assoc-string 1 '((\"a\")))", '(ERR (wrong-type-argument stringp 1))'],
  ["(assoc-string 1 '(1 2))", 'nil'],
];

test('assoc-string matches GNU', () => {
  for (const [src, want] of CASES) assert.equal(E(src), want, src);
});
