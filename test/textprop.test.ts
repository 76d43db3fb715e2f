// Text properties as heap data: intervals of strings and buffers survive collection, dump and load at two bases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { checkAtBases, dumpWorld, runLisp } from './support/dump-world.ts';
import { verifyHeap, collectGarbage } from '../src/core/gc.ts';

const run = runLisp;

const WORLD = `(progn
  (defvar tp-str (let ((s (copy-sequence "abcdef")))
                   (put-text-property 1 3 'face 'bold s)
                   (put-text-property 2 5 'tp-key (list "shared" 1) s)
                   s))
  (defvar tp-nested (propertize "out" 'inner (propertize "in" 'deep 42)))
  (defvar tp-buf (get-buffer-create "tp-dumped"))
  (with-current-buffer tp-buf
    (insert "hello " (propertize "world" 'face 'italic 'help-echo "hi"))
    (put-text-property 1 3 'tp-b 7))
  t)`;

const CHECKS: [string, string][] = [
  // Expected values printed by GNU Emacs 28.2 for the same forms (without the dump).
  ['tp-str', '#("abcdef" 1 2 (face bold) 2 3 (face bold tp-key ("shared" 1)) 3 5 (tp-key ("shared" 1)))'],
  ['(object-intervals tp-str)', '((0 1 nil) (1 2 (face bold)) (2 3 (tp-key ("shared" 1) face bold)) (3 5 (tp-key ("shared" 1))) (5 6 nil))'],
  ['(eq (get-text-property 2 \'tp-key tp-str) (get-text-property 4 \'tp-key tp-str))', 't'],
  ['(get-text-property 0 \'deep (get-text-property 0 \'inner tp-nested))', '42'],
  ['(with-current-buffer tp-buf (buffer-string))', '#("hello world" 0 2 (tp-b 7) 6 11 (help-echo "hi" face italic))'],
  ['(with-current-buffer tp-buf (goto-char 7) (insert-and-inherit "X") (goto-char 1) (insert "Y") (object-intervals (current-buffer)))',
    '((0 1 nil) (1 3 (tp-b 7)) (3 8 nil) (8 13 (face italic help-echo "hi")))'],
  ['(progn (put-text-property 0 6 \'face nil tp-str) (next-single-property-change 0 \'face tp-str))', 'nil'],
];

test('strings and buffers keep their text properties through a collection, a dump and a load at two bases', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, WORLD), 't');
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
  assert.equal(run(rt, 'tp-str'), CHECKS[0]![1]);
  checkAtBases(host, dumpWorld(rt, 'tsmacs-tp-'), [0.13, 0.91], (r2) => {
    for (const [src, want] of CHECKS) assert.equal(run(r2, src), want, src);
  });
});

test('many propertized strings made and dropped leave a heap that verifies, their survivors intact', () => {
  const rt = lispRuntime();
  const out = run(rt, `(let ((keep nil))
    (dotimes (i 3000)
      (let ((s (concat (propertize "ab" 'i i) (format "%d" i) (propertize "cd" 'j (list i)))))
        (put-text-property 1 3 'k (make-string 3 ?x) s)
        (when (= 0 (% i 500)) (push s keep))))
    (garbage-collect)
    (mapcar (lambda (s) (list (get-text-property 0 'i s) (get-text-property 1 'k s) (car (last (object-intervals s))))) keep))`);
  // As GNU Emacs 28.2 gives it.
  assert.equal(out, '((2500 "xxx" (6 8 (j (2500)))) (2000 "xxx" (6 8 (j (2000)))) (1500 "xxx" (6 8 (j (1500)))) (1000 "xxx" (6 8 (j (1000)))) (500 "xxx" (5 7 (j (500)))) (0 "xxx" (3 5 (j (0)))))');
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
});
