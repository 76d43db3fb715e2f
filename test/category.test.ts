// Character categories across a dump: the standard table (built on first use), tables of our own, a buffer's table and the sets they share survive dump and load at two bases; start-up does not build the standard table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { checkAtBases, dumpWorld, runLisp } from './support/dump-world.ts';
import { verifyHeap } from '../src/core/gc.ts';
import { loadDump } from '../src/dump/loader.ts';
import { standardCategoryTableBuilt } from '../src/emacs/category.ts';

const run = runLisp;

const WORLD = `(progn
  (defvar ct-own (make-category-table))
  (define-category ?z "zed" ct-own)
  (modify-category-entry '(?a . ?c) ?z ct-own)
  (modify-category-entry ?x ?z ct-own)
  (with-current-buffer (get-buffer-create "ct-buf")
    (insert "xabq")
    (set-category-table ct-own))
  (define-category ?! "bang" (standard-category-table))
  (modify-category-entry ?q ?! (standard-category-table))
  t)`;

const CHECKS: [string, string][] = [
  ['(list (category-docstring ?z ct-own) (category-docstring ?l) (category-docstring ?!))', '("zed" "Latin" "bang")'],
  ['(list (category-set-mnemonics (aref ct-own ?b)) (eq (aref ct-own ?a) (aref ct-own ?x)) (category-set-mnemonics (char-category-set ?q)))', '("z" t "!.Lalr")'],
  ['(with-current-buffer "ct-buf" (list (eq (category-table) ct-own) (progn (goto-char 1) (re-search-forward "\\\\cz+" nil t)) (string-match "\\\\cl" "å")))', '(t 4 nil)'],
  ['(list (string-match "\\\\cg" "1α") (string-match "\\\\c!" "aq") (get-unused-category))', '(1 1 34)'],
  ['(progn (modify-category-entry ?y ?z ct-own) (eq (aref ct-own ?y) (aref ct-own ?a)))', 't'],
];

test('category tables, a buffer\'s table and the standard table survive a dump and load at two bases', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, WORLD), 't');
  checkAtBases(host, dumpWorld(rt, 'tsmacs-ct-'), [0.13, 0.81], (r2) => {
    for (const [src, want] of CHECKS) assert.equal(run(r2, src), want, src);
  });
});

test('a dump made before anything asked for categories builds the standard table after load', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  const file = dumpWorld(rt, 'tsmacs-ct-', 'plain.pdmp');
  assert.equal(standardCategoryTableBuilt(rt), false, 'loadup leaves the standard table unbuilt');
  const r2 = loadDump(host, file, { seed: 0.5, heapBytes: 256 * 1024 * 1024 });
  assert.equal(standardCategoryTableBuilt(r2), false);
  // A search without \\c does not build it either.
  assert.equal(run(r2, '(string-match "b+" "abb")'), '1');
  assert.equal(standardCategoryTableBuilt(r2), false);
  assert.equal(run(r2, '(list (string-match "\\\\cj" "ab漢") (category-set-mnemonics (char-category-set ?å)) (eq (category-table) (standard-category-table)))'), '(2 ".Ljl" t)');
  assert.deepEqual(verifyHeap(r2), []);
});
