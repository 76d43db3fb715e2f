// Edebug's instrumenter (lisp/edebug.el): instrumented definitions compute what the plain ones do.
//
// GNU Emacs instruments only from a buffer, so these cases are not recorded from it: the
// expectation is the invariant every instrumentation keeps, that running the instrumented code
// (as GNU's Go-nonstop mode runs it) gives the value the uninstrumented code gives. Each case is
// evaluated both ways in one runtime, under different names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalPrint } from './support/eval.ts';
import { lispRuntime } from './support/runtime.ts';

const rt = lispRuntime();
const E = (src: string): string => evalPrint(rt, src);
E("(require 'edebug)");
E("(require 'cl-lib)");
E('(setq edebug-new-definition-function #\'ignore)');

/** Definitions, written with NAME for the function they define, and calls of NAME to compare. */
const CASES: { def: string; calls: string[] }[] = [
  { def: '(defun NAME (a &optional b) "doc" (interactive) (let ((x (+ a 1)) y) (setq y (* x 2)) (cond ((> y 10) \'big) (t (list x y b)))))',
    calls: ['(NAME 1)', "(NAME 10 'q)"] },
  { def: "(defun NAME (l) (condition-case e (car l) (wrong-type-argument (list 'err (cdr e)))))", calls: ["(NAME '(a))", '(NAME 5)'] },
  { def: "(defun NAME (n) (when (> n 0) (mapcar (lambda (x) (* x n)) '(1 2 3))))", calls: ['(NAME 2)', '(NAME 0)'] },
  { def: '(defun NAME (&rest xs) (let* ((s 0)) (dolist (x xs s) (setq s (+ s x)))))', calls: ['(NAME 1 2 3)', '(NAME)'] },
  { def: '(defun NAME (p) (setf (car p) 9) (push 1 (cdr p)) (cl-incf (cadr p) 10) p)', calls: ['(NAME (list 1 2))'] },
  { def: "(defun NAME (x) (pcase x (`(,a . ,b) (list b a)) ((pred stringp) 'str) (_ 'other)))", calls: ["(NAME '(1 . 2))", '(NAME "s")', '(NAME 3)'] },
  { def: '(defun NAME (n) (cl-loop for i below n collect (* i i)))', calls: ['(NAME 4)'] },
  { def: '(defun NAME (n) (catch \'done (dotimes (i 10) (when (= i n) (throw \'done (* i 100))))))', calls: ['(NAME 3)', '(NAME 20)'] },
  { def: '(defun NAME (f) (funcall f (lambda (y) (list y y))))', calls: ['(NAME (lambda (g) (funcall g 7)))'] },
  { def: '(defmacro NAME (x) (declare (debug (form))) `(list ,x ,x))', calls: ['(NAME (+ 1 2))', "(macroexpand '(NAME z))"] },
  { def: '(defun NAME (a) (unwind-protect (if a (/ 10 a) (error "zero")) (setq NAME-log (cons a (bound-and-true-p NAME-log)))))',
    calls: ['(NAME 5)', '(NAME nil)', 'NAME-log'] },
  { def: '(defun NAME (s) (let ((n 0)) (while (< n (length s)) (setq n (1+ n))) (and (> n 2) (or nil n))))', calls: ['(NAME "abcd")', '(NAME "a")'] },
];

test('instrumented definitions compute what the plain ones do', () => {
  CASES.forEach(({ def, calls }, i) => {
    const plain = `edebug-plain-${i}`;
    const inst = `edebug-inst-${i}`;
    assert.doesNotMatch(E(def.replaceAll('NAME', plain)), /^\(ERR/);
    const instrumented = E(`(eval (edebug--instrument-top-level '${def.replaceAll('NAME', inst)}) t)`);
    assert.doesNotMatch(instrumented, /^\(ERR/, `instrumenting case ${i}: ${instrumented}`);
    // The body really is instrumented.
    if (def.startsWith('(defun')) assert.match(E(`(symbol-function '${inst})`), /edebug-enter/);
    for (const call of calls) {
      assert.equal(E(call.replaceAll('NAME', inst)), E(call.replaceAll('NAME', plain)).replaceAll(plain, inst), `case ${i}: ${call}`);
    }
  });
});

test('a setter defined under instrumentation works through setf (GNU bug#41853)', () => {
  for (const form of [
    '(defun gv-setter-edebug-help (b) b)',
    '(defun gv-setter-edebug-get (a b) (get a (gv-setter-edebug-help b)))',
    "(gv-define-setter gv-setter-edebug-get (x a b) `(setf (get ,a (gv-setter-edebug-help ,b)) ,x))",
    "(push 123 (gv-setter-edebug-get 'gv-setter-edebug 'gv-setter-edebug-prop))",
  ]) assert.doesNotMatch(E(`(eval (edebug--instrument-top-level '${form}) t)`), /^\(ERR/);
  assert.equal(E("(get 'gv-setter-edebug 'gv-setter-edebug-prop)"), '(123)');
});

test('a form that does not fit its spec is a Lisp error, not a crash', () => {
  assert.match(E("(edebug--instrument-top-level '(let ((a 1 2 3)) a))"), /^\(ERR \(error "Bad ‘let’ form/);
  assert.match(E("(edebug--instrument-top-level '(condition-case 1 2))"), /^\(ERR \(error "Bad ‘condition-case’ form/);
  assert.match(E("(edebug--instrument-top-level '(let 1 a))"), /^\(ERR \(error "Bad ‘let’ form/);
  assert.match(E("(edebug--instrument-top-level '(function 1))"), /^\(ERR \(error "Bad ‘function’ form/);
});
