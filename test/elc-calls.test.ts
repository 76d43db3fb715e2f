// Calls a compiled library makes that its .elc alone does not define (scripts/check-elc-calls.mjs,
// docs/stdlib.md "Compiled libraries and the helpers they call"): each case runs in a fresh process
// on the default image, the library loaded from its .elc, and prints what GNU Emacs 28.2 prints
// (recorded with emacs -Q --batch --eval CASE).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';

const launcher = join(repoRoot, 'dist', 'tsmacs.cjs');

/** [why, the library whose .elc the case loads, the form, GNU's standard output]. */
const CASES: [string, string, string, string][] = [
  [
    "cl-seq loaded alone calls cl-extra's cl-every, cl-subseq and cl-coerce: it requires cl-lib, as GNU's does",
    "cl-seq",
    "(progn (require 'cl-seq) (prin1 (list (cl-subsetp '(1) '(1 2)) (cl-reduce #'+ [1 2 3] :start 1) (cl-merge 'list (list 1 3) (list 2) #'<))))",
    "(t 5 (1 2 3))",
  ],
  [
    "cl-extra loaded alone calls cl-seq's cl-reduce and cl-position-if-not and cl-lib's cl-mapcar",
    "cl-extra",
    "(progn (require 'cl-extra) (prin1 (list (cl-gcd 4 6) (cl-lcm 4 6) (cl-parse-integer \" 12\") (cl-map 'list #'+ '(1 2) '(10 20)) (cl-mapcan #'list '(1 2)))))",
    "(2 12 12 (11 22) (1 2))",
  ],
  [
    "a global minor mode's option is set by custom-set-minor-mode, which its compiled file does not load",
    "elec-pair",
    "(progn (require 'elec-pair) (funcall (get 'electric-pair-mode 'custom-set) 'electric-pair-mode t) (prin1 electric-pair-mode))",
    "t",
  ],
  [
    "shell-dirstack-message called string-join, which shell.elc does not load",
    "shell",
    "(progn (require 'shell) (with-temp-buffer (setq shell-dirstack '(\"/b\" \"/c\") default-directory \"/a/\") (shell-dirstack-message)))",
    "",
  ],
  [
    "yank-handle-category-property used cl-loop, which subr-more2 was compiled without (a void-variable at run time)",
    "subr-more2",
    "(progn (put 'elcc-cat 'face 'bold) (put 'elcc-cat 'mouse-face 'highlight) (with-temp-buffer (insert \"abc\") (put-text-property 1 2 'face 'italic) (yank-handle-category-property 'elcc-cat 1 3) (prin1 (list (text-properties-at 1) (text-properties-at 2)))))",
    "((face italic mouse-face highlight) (face bold mouse-face highlight))",
  ],
  [
    "undo-amalgamate-change-group (simple-more) calls subr-more2's helper on a handle made by hand",
    "subr-more2",
    "(with-temp-buffer (buffer-enable-undo) (insert \"a\") (undo-boundary) (let ((g (list (cons (current-buffer) buffer-undo-list)))) (insert \"b\") (undo-boundary) (insert \"c\") (undo-boundary) (undo-amalgamate-change-group g) (prin1 buffer-undo-list)))",
    "(nil (3 . 4) (2 . 3) nil (1 . 2) (t . 0))",
  ],
  [
    "insert-for-yank of text with a category",
    "subr-more2",
    "(progn (put 'elcc-cat 'face 'bold) (put 'elcc-cat 'help-echo \"h\") (with-temp-buffer (insert-for-yank (concat \"x\" (propertize \"ab\" 'category 'elcc-cat 'face 'italic) \"y\")) (prin1 (list (buffer-string) (text-properties-at 2)))))",
    "(#(\"xaby\" 1 3 (face italic)) (face italic))",
  ],
];

for (const [why, lib, form, expected] of CASES) {
  test(`elc calls: ${why}`, () => {
    assert.ok(existsSync(launcher), 'dist/tsmacs.cjs is missing: npm run build');
    assert.ok(existsSync(join(repoRoot, 'lisp', `${lib}.elc`)), `lisp/${lib}.elc is missing: node scripts/build-elc.mjs`);
    const r = spawnSync(process.execPath, ['--stack-size=6000', launcher, '-Q', '--batch', '--eval', form], { encoding: 'utf8' });
    assert.equal(r.stderr.includes('Lisp error'), false, r.stderr);
    assert.equal(r.stdout, expected);
    assert.equal(r.status, 0);
  });
}

// The checker itself (scripts/check-elc-calls.el): what it counts as a call, a guard, a run-time require.
test('elc calls: the checker finds the calls nothing defines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-elc-calls-'));
  try {
    const forms = join(dir, 'x.forms');
    writeFileSync(forms, [
      "(defalias 'elcc-x #'(lambda (v) (let ((a (elcc-undefined-a v))) (cond ((elcc-undefined-b a) 2) (v 3)))",
      "  (funcall 'elcc-undefined-c) (mapcar #'car v) (add-hook 'elcc-hook 'elcc-undefined-d)",
      "  (if (fboundp 'elcc-undefined-e) (elcc-undefined-e)) '(elcc-quoted-data)))",
      "(defalias 'elcc-y #'(lambda () (require 'ring) (ring-elements (make-ring 1))))",
      "(defvar elcc-v (lambda () (elcc-undefined-f)))",
      "(define-key elcc-map \"x\" 'elcc-undefined-g)",
      "(custom-declare-variable 'elcc-o nil \"Doc.\" :set 'elcc-undefined-h :type 'boolean)",
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--stack-size=6000', launcher, '-Q', '--batch', '-l', join(repoRoot, 'scripts', 'check-elc-calls.el'),
      '--eval', `(elc-calls-report ${JSON.stringify(forms)})`], { encoding: 'utf8' });
    assert.equal(r.stdout, [
      'FORMS 5 CALLED 19',
      'HIT elcc-undefined-a elcc-x -',
      'HIT elcc-undefined-b elcc-x -',
      'HIT elcc-undefined-c elcc-x -',
      'HIT elcc-undefined-d elcc-x -',
      'HIT elcc-undefined-e elcc-x guarded',
      'HIT elcc-undefined-f elcc-v -',
      'HIT elcc-undefined-g toplevel -',
      'HIT elcc-undefined-h elcc-o -',
      '',
    ].join('\n'), r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
