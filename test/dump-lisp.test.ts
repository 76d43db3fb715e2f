// Dumping a Lisp world built by Lisp code: hash tables of every test (a user-defined one too), closures, macros, after-load hooks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { checkAtBases, dumpWorld, runLisp } from './support/dump-world.ts';
import { collectGarbage } from '../src/core/gc.ts';

const run = runLisp;

const WORLD = `(progn
  (defvar dl-keys (list (cons 1 2) (list 'a) 'sym "str" 3.5))
  (defvar dl-eq (make-hash-table :test 'eq))
  (defvar dl-eql (make-hash-table :test 'eql))
  (defvar dl-equal (make-hash-table :test 'equal))
  (define-hash-table-test 'dl-ci (lambda (a b) (string= (downcase a) (downcase b))) (lambda (k) (sxhash-equal (downcase k))))
  (defvar dl-user (make-hash-table :test 'dl-ci))
  (let ((i 0)) (dolist (k dl-keys) (puthash k i dl-eq) (setq i (1+ i))))
  (puthash 3.5 'float dl-eql) (puthash (expt 2 80) 'big dl-eql)
  (puthash "key" 'string dl-equal) (puthash '(1 (2 3)) 'list dl-equal)
  (puthash "Hello" 'hi dl-user)
  (defun dl-adder (n) (lambda (x) (+ x n)))
  (defvar dl-add5 (dl-adder 5))
  (defmacro dl-twice (form) (list 'progn form form))
  (defvar dl-hook-ran nil)
  (add-hook 'after-pdump-load-hook (lambda () (setq dl-hook-ran t)))
  t)`;

const CHECKS: [string, string][] = [
  ['(mapcar (lambda (k) (gethash k dl-eq)) dl-keys)', '(0 1 2 3 4)'],
  ['(gethash (car dl-keys) dl-eq)', '0'],
  ['(gethash (cons 1 2) dl-eq)', 'nil'],
  ['(list (gethash 3.5 dl-eql) (gethash (expt 2 80) dl-eql))', '(float big)'],
  ['(list (gethash "key" dl-equal) (gethash (list 1 (list 2 3)) dl-equal))', '(string list)'],
  ['(gethash "hELLO" dl-user)', 'hi'],
  ['(progn (puthash "new" 1 dl-user) (gethash "NEW" dl-user))', '1'],
  ['(funcall dl-add5 10)', '15'],
  ['(let ((n 0)) (dl-twice (setq n (1+ n))) n)', '2'],
  ['(progn (setcar (car dl-keys) 99) (car dl-keys))', '(99 . 2)'],
  ['(eq (intern "sym") (nth 2 dl-keys))', 't'],
  ['dl-hook-ran', 't'],
  ['(car (pdumper-stats))', '(dumped-with-pdumper . t)'],
];

test('a Lisp world dumps and loads at two bases with every hash table test working', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, WORLD), 't');
  checkAtBases(host, dumpWorld(rt, 'tsmacs-dl-'), [0.21, 0.77], (r2) => {
    run(r2, "(run-hooks 'after-pdump-load-hook)");
    for (const [src, want] of CHECKS) assert.equal(run(r2, src), want, src);
    // A user-defined test's hash table still finds its key after a collection rehashes nothing.
    collectGarbage(r2);
    assert.equal(run(r2, '(gethash "hELLO" dl-user)'), 'hi');
  });
});
