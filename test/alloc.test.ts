// Tests: Lisp-visible allocation primitives and GC variables (GNU alloc.c), checked against GNU Emacs 28.2.

import { test } from 'node:test';
import { setup } from './support/eval.ts';
import assert from 'node:assert/strict';


// Expected values are what GNU Emacs 28.2 prints for each form (emacs -batch -Q, HOME=/home/tester, in /tmp).
const CASES: [string, string][] = [
  ["(cons 1 2)", "(1 . 2)"],
  ["(cons 1 nil)", "(1)"],
  ["(list)", "nil"],
  ["(list 1 \"a\" 'b)", "(1 \"a\" b)"],
  ["(make-list 3 'x)", "(x x x)"],
  ["(make-list 0 'x)", "nil"],
  ["(make-list -1 nil)", "(ERR (wrong-type-argument wholenump -1))"],
  ["(make-list 'a nil)", "(ERR (wrong-type-argument wholenump a))"],
  ["(vector)", "[]"],
  ["(vector 1 'a \"s\")", "[1 a \"s\"]"],
  ["(make-vector 3 'q)", "[q q q]"],
  ["(make-vector 0 nil)", "[]"],
  ["(make-vector -1 nil)", "(ERR (wrong-type-argument wholenump -1))"],
  ["(make-vector 1.5 nil)", "(ERR (wrong-type-argument wholenump 1.5))"],
  ["(make-string 3 ?a)", "\"aaa\""],
  ["(make-string 0 ?a)", "\"\""],
  ["(make-string 2 ?é)", "\"éé\""],
  ["(make-string 3 ?a t)", "\"aaa\""],
  ["(make-string 2 #x3fffff)", "\"\\377\\377\""],
  ["(make-string 2 ?中 nil)", "\"中中\""],
  ["(make-string -1 ?a)", "(ERR (wrong-type-argument wholenump -1))"],
  ["(make-string 1 -1)", "(ERR (wrong-type-argument characterp -1))"],
  ["(make-string 1 #x400000)", "(ERR (wrong-type-argument characterp 4194304))"],
  ["(make-string 1 'a)", "(ERR (wrong-type-argument characterp a))"],
  ["(string-bytes (make-string 3 ?é))", "6"],
  ["(string-bytes (make-string 2 #x3fffff))", "4"],
  ["(length (make-string 5 ?\\s))", "5"],
  ["(make-symbol \"foo\")", "foo"],
  ["(make-symbol 1)", "(ERR (wrong-type-argument stringp 1))"],
  ["(make-bool-vector 5 t)", "#&5\"\u001f\""],
  ["(make-bool-vector 5 nil)", "#&5\"\u0000\""],
  ["(make-bool-vector 0 t)", "#&0\"\""],
  ["(make-bool-vector 10 t)", "#&10\"\\377\u0003\""],
  ["(make-bool-vector 33 t)", "#&33\"\\377\\377\\377\\377\u0001\""],
  ["(make-bool-vector -1 t)", "(ERR (wrong-type-argument wholenump -1))"],
  ["(bool-vector)", "#&0\"\""],
  ["(bool-vector t nil t)", "#&3\"\u0005\""],
  ["(bool-vector 1 nil 2 nil nil nil nil nil t)", "#&9\"\u0005\u0001\""],
  ["(record 'foo 1 2)", "#s(foo 1 2)"],
  ["(record 'foo)", "#s(foo)"],
  ["(record)", "(ERR (wrong-number-of-arguments record 0))"],
  ["(make-record 'foo 2 'z)", "#s(foo z z)"],
  ["(make-record 'foo 0 nil)", "#s(foo)"],
  ["(make-record 'foo -1 'z)", "(ERR (wrong-type-argument wholenump -1))"],
  ["(make-byte-code '(x) \"\\300\\207\" [1] 1)", "#[(x) \"\\300\\207\" [1] 1]"],
  ["(make-byte-code 257 \"\\300\\207\" [1] 1 \"doc\" nil 7 8)", "#[257 \"\\300\\207\" [1] 1 \"doc\" nil 7 8]"],
  ["(make-byte-code nil \"\" [] 0)", "#[nil \"\" [] 0]"],
  ["(make-byte-code '(x) \"\\300\\207\" [1] 1 nil)", "#[(x) \"\\300\\207\" [1] 1 nil]"],
  ["(make-byte-code '(x) \"\\300\\207\" [1] 1 \"d\" \"p\")", "#[(x) \"\\300\\207\" [1] 1 \"d\" \"p\"]"],
  ["(make-byte-code 'x \"\\300\\207\" [1] 1)", "(ERR (error \"Invalid byte-code object\"))"],
  ["(make-byte-code '(x) 'a [1] 1)", "(ERR (error \"Invalid byte-code object\"))"],
  ["(make-byte-code '(x) \"\\300\\207\" 'a 1)", "(ERR (error \"Invalid byte-code object\"))"],
  ["(make-byte-code '(x) \"\\300\\207\" [1] -1)", "(ERR (error \"Invalid byte-code object\"))"],
  ["(make-byte-code nil \"é\" [] 0)", "(ERR (error \"Invalid byte-code object\"))"],
  ["(make-byte-code '(x) \"\\300\\207\")", "(ERR (wrong-number-of-arguments make-byte-code 2))"],
  ["(make-finalizer 'car)", "#<finalizer>"],
  ["(make-finalizer 1)", "#<finalizer>"],
  ["(purecopy \"abc\")", "\"abc\""],
  ["(purecopy '(1 \"a\" [2 (3)]))", "(1 \"a\" [2 (3)])"],
  ["(let ((x (list 1 2))) (memq x (list (purecopy x))))", "((1 2))"],
  ["(let ((purify-flag t) (x (list 1 2))) (list (equal x (purecopy x)) (memq x (list (purecopy x)))))", "(t nil)"],
  ["(let ((purify-flag t) (x 'sym)) (memq x (list (purecopy x))))", "(sym)"],
  ["(length (memory-use-counts))", "7"],
  ["gc-cons-threshold", "800000"],
  ["gc-cons-percentage", "0.1"],
  ["garbage-collection-messages", "nil"],
  ["purify-flag", "nil"],
  ["memory-full", "nil"],
  ["post-gc-hook", "nil"],
  ["integer-width", "65536"],
  ["(length (garbage-collect))", "9"],
  ["(setq most-positive-fixnum 1)", "(ERR (setting-constant most-positive-fixnum))"],
];
const { rt, E } = setup();
for (const [form, want] of CASES) test(form, () => assert.equal(E(form), want));

test('garbage-collect counts live objects and keeps gcs-done and gc-elapsed current', () => {
  const before = rt.gcsDone;
  assert.equal(E('(length (garbage-collect))'), '9');
  // At least this one; under TSMACS_GC_STRESS the safe points collect too.
  assert.ok(rt.gcsDone >= before + 1);
  assert.equal(E('gcs-done'), String(rt.gcsDone));
  assert.match(E('gc-elapsed'), /^\d+\.\d+(e-?\d+)?$/);
  // A long list held in a variable shows up among the used conses.
  E('(defvar alloc-test--keep (make-list 5000 t))');
  const stats = E('(garbage-collect)');
  const m = /\(conses 8 (\d+) (\d+)\)/.exec(stats);
  assert.ok(m, stats);
  assert.ok(Number(m[1]) >= 5000, stats);
  assert.match(stats, /^\(\(conses 8 \d+ \d+\) \(symbols 24 \d+ \d+\) \(strings 16 \d+ \d+\) \(string-bytes 1 \d+\) \(vectors 4 \d+\) \(vector-slots 4 \d+ \d+\) \(floats 8 \d+ \d+\) \(intervals 56 0 0\) \(buffers 992 \d+\)\)$/);
});

test('post-gc-hook runs after garbage-collect', () => {
  E('(defvar alloc-test--ran nil)');
  E("(setq post-gc-hook (list #'(lambda () (setq alloc-test--ran t))))");
  E('(garbage-collect)');
  E('(setq post-gc-hook nil)');
  assert.equal(E('alloc-test--ran'), 't');
});

test('memory-use-counts are running totals', () => {
  const counts = (): number[] => E('(memory-use-counts)').slice(1, -1).split(' ').map(Number);
  const a = counts();
  E('(make-list 100 nil)');
  E('(make-string 10 ?x)');
  const b = counts();
  assert.equal(b.length, 7);
  assert.ok(b[0]! - a[0]! >= 100);
  assert.ok(b[4]! - a[4]! >= 10);
  assert.ok(b[6]! > a[6]!);
});

test('make-finalizer makes a finalizer object holding its function', () => {
  assert.equal(E("(make-finalizer 'car)"), '#<finalizer>');
});

test('gcs-done and gc-elapsed count the session started from a dump, and never go backwards', async () => {
  const { dumpedRuntime } = await import('./support/runtime.ts');
  const { evalPrint } = await import('./support/eval.ts');
  const rt = dumpedRuntime(0.37);
  // The dumping session collected (loadup does); the new one has not yet.
  assert.equal(evalPrint(rt, '(list gcs-done gc-elapsed)'), '(0 0.0)');
  assert.equal(evalPrint(rt, '(let ((before gcs-done)) (garbage-collect) (list (- gcs-done before) (> gc-elapsed 0)))'), '(1 t)');
});
