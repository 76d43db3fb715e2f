// documentation and documentation-property (GNU doc.c) against GNU Emacs 28.2's results.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/eval.ts';

test('documentation of Lisp functions, macros and the function-documentation property', () => {
  const { E: D } = setup();
  D('(progn (defalias (quote f1) (function (lambda () "doc1" 1))) (defalias (quote m1) (cons (quote macro) (function (lambda (x) "mdoc" x)))) (put (quote f3) (quote function-documentation) "pdoc"))');
  // Each expected value printed by emacs -batch -Q 28.2.
  assert.equal(D('(list (documentation (quote f1)) (documentation (quote m1)) (documentation (quote f3)) (documentation (function (lambda (x) x))))'), '("doc1" "mdoc" "pdoc" nil)');
  assert.equal(D('(condition-case e (documentation (quote nope)) (error e))'), '(void-function nope)');
});
