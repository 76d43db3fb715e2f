// parse-partial-sexp's WebAssembly kernel (src/emacs/syntax-kernel.ts) gives exactly what the JS loop gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evalPrint } from './support/eval.ts';
import { capturingHost, dumpedRuntime } from './support/runtime.ts';
import { makeSyntaxKernel, storedSyntaxModuleBytes, syntaxModuleBytes, useSyntaxKernel } from '../src/emacs/syntax-kernel.ts';

const rt = dumpedRuntime(0.5, capturingHost());
const E = (src: string): string => evalPrint(rt, src);

/** SRC's printed value with the kernel (true) and with the JS loop only (false). */
function both(src: string): [string, string] {
  const was = useSyntaxKernel(true);
  try {
    const withKernel = E(src);
    useSyntaxKernel(false);
    return [withKernel, E(src)];
  } finally {
    useSyntaxKernel(was);
  }
}

// A table with every class the kernel treats apart: string and comment fences, one-char comment
// starters of both styles and nested, prefix flags, escapes and char quotes, paired brackets.
E(`(progn
  (defvar sk-table (make-syntax-table))
  (modify-syntax-entry ?| "|" sk-table)
  (modify-syntax-entry ?! "!" sk-table)
  (modify-syntax-entry ?# "< b" sk-table)
  (modify-syntax-entry ?\\n "> b" sk-table)
  (modify-syntax-entry ?% "< n" sk-table)
  (modify-syntax-entry ?& "> n" sk-table)
  (modify-syntax-entry ?{ "(}" sk-table)
  (modify-syntax-entry ?} "){" sk-table)
  (modify-syntax-entry ?' "'" sk-table)
  (modify-syntax-entry ?@ "_ p" sk-table)
  (modify-syntax-entry ?/ "/" sk-table)
  (modify-syntax-entry ?$ "$" sk-table)
  (defun sk-parse (text gap table escapable calls)
    (with-temp-buffer
      (insert text)
      ;; The gap where the case says: an insert there and its undoing leave it there.
      (goto-char gap) (insert "x") (delete-char -1)
      (with-syntax-table (if (eq table 'elisp) emacs-lisp-mode-syntax-table sk-table)
        (let ((comment-end-can-be-escaped escapable))
          (mapcar (lambda (c)
                    (let* ((from (nth 0 c)) (to (nth 1 c))
                           (old (and (nth 5 c) (parse-partial-sexp (point-min) from)))
                           (s (parse-partial-sexp from to (nth 2 c) (nth 3 c) old (nth 4 c))))
                      (list s (point))))
                  calls))))))`);

test('the stored module is the one the assembler makes, and it runs under Node', () => {
  assert.deepEqual(Array.from(storedSyntaxModuleBytes()), syntaxModuleBytes());
  assert.notEqual(makeSyntaxKernel(rt.heap.memory), null);
});

test('the kernel and the JS loop agree on hand-picked texts', () => {
  const texts = [
    `(defun foo (x) "str \\" (" ; comment (\n  '(a . b) ?\\( [1 2] #'x)\n (let ((y 1)) y`,
    `((a "b\\`,
    `(a ?\\`,
    `))) (( "unterminated`,
    `| fence ( | ! fence comment ! %nested % & & (x) # style b\n{ } $x$ @@sym 'q`,
    `(a é "é" ; é\n b)`,
  ];
  for (const table of ['elisp', 'sk']) {
    for (const text of texts) {
      const n = [...text].length + 1;
      const calls: string[] = [];
      for (let to = 1; to <= n; to++) calls.push(`(1 ${to} nil nil nil nil)`);
      for (const td of ['nil', '-1', '0', '1', '2']) for (const sb of ['nil', 't']) for (const cs of ['nil', 't', "'syntax-table"]) {
        calls.push(`(1 ${n} ${td} ${sb} ${cs} nil)`, `(${Math.ceil(n / 2)} ${n} ${td} ${sb} ${cs} t)`);
      }
      const src = `(sk-parse ${JSON.stringify(text)} ${Math.ceil(n / 3)} '${table} nil '(${calls.join(' ')}))`;
      const [k, js] = both(src);
      assert.equal(k, js, `${table}: ${text}`);
      assert.doesNotMatch(k, /ERR/);
    }
  }
});

test('property: any text, gap, table and arguments parse the same with and without the kernel', () => {
  const alphabet = [...'()[]{}"\\;\n |!#%&\'@?a1 é./$`,'];
  const call = fc.record({
    a: fc.nat(),
    b: fc.nat(),
    td: fc.constantFrom('nil', '-1', '0', '1', '2', '3'),
    sb: fc.constantFrom('nil', 't'),
    cs: fc.constantFrom('nil', 't', "'syntax-table"),
    old: fc.constantFrom('nil', 't'),
  });
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }),
      fc.nat(),
      fc.constantFrom('elisp', 'sk'),
      fc.constantFrom('nil', 't'),
      fc.array(call, { minLength: 1, maxLength: 8 }),
      (chars, gap, table, escapable, calls) => {
        const text = chars.join('');
        const n = chars.length + 1;
        const cs = calls.map((c) => {
          const from = 1 + (c.a % n);
          const to = from + (c.b % (n - from + 1));
          return `(${from} ${to} ${c.td} ${c.sb} ${c.cs} ${c.old})`;
        });
        const src = `(sk-parse ${JSON.stringify(text)} ${1 + (gap % n)} '${table} ${escapable} '(${cs.join(' ')}))`;
        const [k, js] = both(src);
        assert.equal(k, js, src);
      },
    ),
    { numRuns: 400 },
  );
});

test('a parse deeper than the kernel\'s stacks goes on in the JS loop and agrees', () => {
  const src = `(with-temp-buffer
    (with-syntax-table emacs-lisp-mode-syntax-table
      (insert (make-string 20000 ?\\() "a" (make-string 19990 ?\\)))
      (let ((s (parse-partial-sexp (point-min) (point-max))))
        (list (nth 0 s) (nth 1 s) (nth 2 s) (length (nth 9 s)) (car (last (nth 9 s)))))))`;
  const [k, js] = both(src);
  assert.equal(k, js);
  // The depth is right; GNU keeps no more than a fixed number of levels' starts, where this
  // parse keeps them all, so the other fields are compared between the two paths only.
  assert.match(k, /^\(10 /);
});

