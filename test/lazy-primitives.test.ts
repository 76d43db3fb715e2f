// The built bundle's lazily made primitives (scripts/build.mjs `lazyDefuns`, subr.ts DEFLAZY): a file's
// top-level primitives and its private helpers are made by one function at the first call of any of
// them, each primitive's entry holding a stub until then. These run dist/ as users do.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';

const dist = join(repoRoot, 'dist');

// Primitives of many files (floatfns, fns, digest, json, timefns, character, casefiddle, dired with its
// sort by string-lessp's entry, data, insdel, cmds, syntax, search, marker, print, editfns), each
// group's first call through its stub. Expected: GNU Emacs 28.2's output for the same form
// (`emacs -Q --batch --eval`).
const FORM = `(princ (format "%S\\n" (list (sqrt 2.0) (string-to-list "ab") (md5 "a") (secure-hash 'sha1 "a")
  (json-serialize [1 "x"]) (format-time-string "%Y" 0 t) (string-width "ab") (char-width ?a)
  (upcase "abc") (capitalize "foo bar") (string-version-lessp "a2" "a10")
  (directory-files "/proc/self" nil "^c[mw]d") (logcount 255) (ash 1 10) (string-distance "kitten" "sitting")
  (with-temp-buffer (insert "hello world") (goto-char 1) (forward-word) (point))
  (compare-strings "abc" nil nil "abd" nil nil) (base64-encode-string "hi") (regexp-quote "a.b")
  (let ((m (make-marker))) (marker-position m)) (char-syntax ?a) (number-to-string 1.5)
  (string-search "b" "abc"))))`;
const GNU = '(1.4142135623730951 (97 98) "0cc175b9c0f1b6a831c399e269772661" "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8" "[1,\\"x\\"]" "1970" 2 1 "ABC" "Foo Bar" t ("cmdline" "cwd") 8 1024 3 6 -3 "aGk=" "a\\\\.b" nil 119 "1.5" 1)\n';

test('the built CLI calls primitives of many lazily made groups as GNU answers', { skip: process.platform !== 'linux' }, () => {
  assert.ok(existsSync(join(dist, 'tsmacs.cjs')), 'dist/ is missing: build it with npm run build');
  // Twice: the first start may write the code cache, the second takes it.
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(process.execPath, ['--stack-size=6000', join(dist, 'tsmacs.cjs'), '--batch', '--eval', FORM], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, GNU);
  }
});

test('the bundle makes its primitives lazily, and a primitive first called in a second runtime works in both', () => {
  // The transform ran: the minified bundle calls DEFUN's lazy form for most primitives.
  const bundle = readFileSync(join(dist, 'tsmacs-core.js'), 'latin1');
  assert.ok(/if\(\w+!==void 0\)return \w+;/.test(bundle), 'no lazily made group in the bundle');
  const script = `const { Emacs } = require(${JSON.stringify(join(dist, 'api.cjs'))});
(async () => {
  const a = await Emacs.start({ stdout: () => {}, heapMB: 64 });
  const b = await Emacs.start({ stdout: () => {}, heapMB: 64 });
  const out = [];
  // md5 and logcount first called in A, string-distance first in B, then each in the other.
  out.push(a.eval('(md5 "a")'), a.eval('(logcount 255)'), b.eval('(string-distance "kitten" "sitting")'));
  out.push(b.eval('(md5 "a")'), b.eval('(logcount 255)'), a.eval('(string-distance "kitten" "sitting")'));
  out.push(a.eval('(md5 "b")'), b.eval('(md5 "b")'));
  console.log(JSON.stringify(out));
})();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), ['0cc175b9c0f1b6a831c399e269772661', 8, 3, '0cc175b9c0f1b6a831c399e269772661', 8, 3,
    '92eb5ffee6ae2fec3ad71c777531578f', '92eb5ffee6ae2fec3ad71c777531578f']);
});
