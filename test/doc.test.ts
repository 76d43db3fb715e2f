// documentation and documentation-property (GNU doc.c) against GNU Emacs 28.2's results.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from './support/eval.ts';
import { docFileText, docHash, readDocFile } from '../src/emacs/doc.ts';
import { PRIMITIVES, VARIABLES } from '../src/core/subr.ts';
import { LispSignal } from '../src/core/signal.ts';
import { Qerror } from '../src/core/symbols.ts';
import { prin1ToJs } from '../src/emacs/print.ts';

test('documentation of Lisp functions, macros and the function-documentation property', () => {
  const { E: D } = setup();
  D('(progn (defalias (quote f1) (function (lambda () "doc1" 1))) (defalias (quote m1) (cons (quote macro) (function (lambda (x) "mdoc" x)))) (put (quote f3) (quote function-documentation) "pdoc"))');
  // Each expected value printed by emacs -batch -Q 28.2.
  assert.equal(D('(list (documentation (quote f1)) (documentation (quote m1)) (documentation (quote f3)) (documentation (function (lambda (x) x))))'), '("doc1" "mdoc" "pdoc" nil)');
  assert.equal(D('(condition-case e (documentation (quote nope)) (error e))'), '(void-function nope)');
});

test('the DOC file (the built product\'s docstrings): read whole, refused when damaged or another build\'s', () => {
  const { rt } = setup();
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-doc-'));
  const file = join(dir, 'DOC');
  const bytes = new TextEncoder().encode(docFileText());
  writeFileSync(file, bytes);
  const table = readDocFile(rt, file, docHash(bytes));
  assert.ok(table instanceof Map);
  for (const p of PRIMITIVES) assert.equal(table.get('F' + p.name), p.doc, p.name);
  for (const v of VARIABLES) assert.equal(table.get('V' + v.name), v.doc, v.name);
  // Missing: GNU's docstring for a DOC file it cannot open (emacs -batch -Q 28.2, doc-directory missing).
  assert.equal(readDocFile(rt, join(dir, 'none'), docHash(bytes)), 'Cannot open doc string file "DOC"\n');
  // Damaged: one byte changed, or one byte gone; and another build's hash.
  const flipped = Uint8Array.from(bytes);
  flipped[100]! ^= 1;
  for (const [what, content, hash] of [['flipped', flipped, docHash(bytes)], ['short', bytes.subarray(1), docHash(bytes)],
    ['another build', bytes, docHash(flipped)]] as const) {
    writeFileSync(file, content);
    assert.throws(() => readDocFile(rt, file, hash), (e: unknown) => e instanceof LispSignal && e.symbol === Qerror &&
      prin1ToJs(rt, e.data) === `("The documentation file ${file} is damaged or belongs to another build; rebuild with: npm run build")`, what);
  }
  rmSync(dir, { recursive: true });
});
