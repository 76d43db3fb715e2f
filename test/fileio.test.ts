// Tests: File names and simple file operations (GNU fileio.c), checked against GNU Emacs 28.2.

import { test } from 'node:test';
import { setup } from './support/eval.ts';
import assert from 'node:assert/strict';


// Expected values are what GNU Emacs 28.2 prints for each form (emacs -batch -Q, HOME=/home/tester, in /tmp).
const CASES: [string, string][] = [
  ["(expand-file-name \"foo\" \"/tmp\")", "\"/tmp/foo\""],
  ["(expand-file-name \"foo\" \"/tmp/\")", "\"/tmp/foo\""],
  ["(expand-file-name \"/a//b\")", "\"/a/b\""],
  ["(expand-file-name \"//a\")", "\"//a\""],
  ["(expand-file-name \"///a\")", "\"/a\""],
  ["(expand-file-name \"/a/b/../c\")", "\"/a/c\""],
  ["(expand-file-name \"/..\")", "\"/..\""],
  ["(expand-file-name \"/a/.\")", "\"/a\""],
  ["(expand-file-name \"/.\")", "\"/\""],
  ["(expand-file-name \"/a/..\")", "\"/\""],
  ["(expand-file-name \"/a/b/..\")", "\"/a\""],
  ["(expand-file-name \"/a/b/\")", "\"/a/b/\""],
  ["(expand-file-name \"/a/./b/.\")", "\"/a/b\""],
  ["(expand-file-name \".\" \"/x/y\")", "\"/x/y\""],
  ["(expand-file-name \"\" \"/x/y\")", "\"/x/y\""],
  ["(expand-file-name \"\" \"/x/y/\")", "\"/x/y\""],
  ["(expand-file-name \"\" \"/\")", "\"/\""],
  ["(expand-file-name \"~\")", "\"/home/tester\""],
  ["(expand-file-name \"~/\")", "\"/home/tester/\""],
  ["(expand-file-name \"~/x/..\")", "\"/home/tester\""],
  ["(expand-file-name \"x\" \"~/d\")", "\"/home/tester/d/x\""],
  ["(expand-file-name \"~nosuchuser/x\" \"/tmp/\")", "\"/tmp/~nosuchuser/x\""],
  ["(expand-file-name \"~root/x\")", "\"/root/x\""],
  ["(expand-file-name \"a\" \"rel/dir\")", "\"/tmp/rel/dir/a\""],
  ["(expand-file-name \"a\" 'sym)", "\"/a\""],
  ["(expand-file-name 'a)", "(ERR (wrong-type-argument stringp a))"],
  ["(expand-file-name \"/a/b/.../c\")", "\"/a/b/.../c\""],
  ["(expand-file-name \"/a/..b\")", "\"/a/..b\""],
  ["(expand-file-name \"a/\" \"/\")", "\"/a/\""],
  ["(expand-file-name \"../..\" \"/a\")", "\"/..\""],
  ["(expand-file-name \"..\" \"/\")", "\"/..\""],
  ["(expand-file-name \"x//y\" \"/d/\")", "\"/d/x/y\""],
  ["(expand-file-name \"/a/b//\")", "\"/a/b/\""],
  ["(expand-file-name \"/a/b/c/../../\")", "\"/a/\""],
  ["(expand-file-name \"foo/~/bar\" \"/d\")", "\"/d/foo/~/bar\""],
  ["(expand-file-name \"/:/x/../y\")", "\"/:/y\""],
  ["(expand-file-name \"x\" \"//\")", "\"//x\""],
  ["(expand-file-name \"//\")", "\"//\""],
  ["(expand-file-name \"/a/...\")", "\"/a/...\""],
  ["(expand-file-name \"/a/b/..\" \"/\")", "\"/a\""],
  ["(expand-file-name \"a/../../b\" \"/x/y/\")", "\"/x/b\""],
  ["(expand-file-name \"é\" \"/dïr\")", "\"/dïr/é\""],
  ["(file-name-directory \"/a/b\")", "\"/a/\""],
  ["(file-name-directory \"b\")", "nil"],
  ["(file-name-directory \"/a/b/\")", "\"/a/b/\""],
  ["(file-name-directory \"~\")", "nil"],
  ["(file-name-directory \"~/x\")", "\"~/\""],
  ["(file-name-directory \"\")", "nil"],
  ["(file-name-directory 1)", "(ERR (wrong-type-argument stringp 1))"],
  ["(file-name-nondirectory \"/a/b\")", "\"b\""],
  ["(file-name-nondirectory \"/a/b/\")", "\"\""],
  ["(file-name-nondirectory \"b\")", "\"b\""],
  ["(file-name-nondirectory \"~\")", "\"~\""],
  ["(file-name-nondirectory 'a)", "(ERR (wrong-type-argument stringp a))"],
  // Name functions work on bytes and keep the argument's multibyteness (raw bytes stay raw).
  ["(file-name-nondirectory \"/\\351\")", "\"\\351\""],
  ["(multibyte-string-p (file-name-nondirectory \"/\\351\"))", "nil"],
  ["(file-name-directory \"/\\351/a\")", "\"/\\351/\""],
  ["(multibyte-string-p (file-name-as-directory \"\\351\"))", "nil"],
  ["(directory-file-name \"/\\351//\")", "\"/\\351\""],
  ["(file-name-as-directory \"é\")", "\"é/\""],
  ["(file-name-nondirectory \"/a/é\")", "\"é\""],
  ["(multibyte-string-p (file-name-directory (string-to-multibyte \"/abc\")))", "t"],
  ["(car-less-than-car '(1) '(2))", "t"],
  ["(car-less-than-car '(2) '(1.5))", "nil"],
  ["(car-less-than-car '(a) '(2))", "(ERR (wrong-type-argument number-or-marker-p a))"],
  ["(car-less-than-car 1 '(2))", "(ERR (wrong-type-argument listp 1))"],
  ["(car-less-than-car nil '(1))", "(ERR (wrong-type-argument number-or-marker-p nil))"],
  ["(file-name-as-directory \"\")", "\"./\""],
  ["(file-name-as-directory \"/a\")", "\"/a/\""],
  ["(file-name-as-directory \"/a/\")", "\"/a/\""],
  ["(file-name-as-directory \"~\")", "\"~/\""],
  ["(file-name-as-directory \"a//\")", "\"a//\""],
  ["(directory-file-name \"/\")", "\"/\""],
  ["(directory-file-name \"//\")", "\"//\""],
  ["(directory-file-name \"///\")", "\"/\""],
  ["(directory-file-name \"/a/\")", "\"/a\""],
  ["(directory-file-name \"/a//\")", "\"/a\""],
  ["(directory-file-name \"a\")", "\"a\""],
  ["(directory-file-name \"\")", "\"\""],
  ["(directory-file-name \"//a//\")", "\"//a\""],
  ["(directory-file-name \"/a/b///\")", "\"/a/b\""],
  ["(directory-name-p \"a/\")", "t"],
  ["(directory-name-p \"a\")", "nil"],
  ["(directory-name-p \"\")", "nil"],
  ["(file-name-absolute-p \"/a\")", "t"],
  ["(file-name-absolute-p \"~\")", "t"],
  ["(file-name-absolute-p \"~/a\")", "t"],
  ["(file-name-absolute-p \"~root/a\")", "t"],
  ["(file-name-absolute-p \"~root\")", "t"],
  ["(file-name-absolute-p \"~nosuch/a\")", "nil"],
  ["(file-name-absolute-p \"a\")", "nil"],
  ["(file-name-absolute-p \"\")", "nil"],
  ["(file-name-concat \"a\" \"b\")", "\"a/b\""],
  ["(file-name-concat \"a/\" \"b/\" \"c\")", "\"a/b/c\""],
  ["(file-name-concat \"a\" nil \"\" \"b\")", "\"a/b\""],
  ["(file-name-concat \"/\")", "\"/\""],
  ["(file-name-concat \"a\" \"/b\")", "\"a//b\""],
  ["(file-name-concat nil)", "\"\""],
  ["(file-name-concat 'a)", "(ERR (wrong-type-argument stringp a))"],
  ["(substitute-in-file-name \"$HOME/x\")", "\"/home/tester/x\""],
  ["(substitute-in-file-name \"${HOME}/x\")", "\"/home/tester/x\""],
  ["(substitute-in-file-name \"a$$b\")", "\"a$b\""],
  ["(substitute-in-file-name \"/a//b\")", "\"/b\""],
  ["(substitute-in-file-name \"/a/~/b\")", "\"~/b\""],
  ["(substitute-in-file-name \"$NOSUCHVAR/x\")", "\"$NOSUCHVAR/x\""],
  ["(substitute-in-file-name \"${NOSUCH}x\")", "\"${NOSUCH}x\""],
  ["(substitute-in-file-name \"a$\")", "\"a$\""],
  ["(substitute-in-file-name \"x/$HOME\")", "\"/home/tester\""],
  ["(substitute-in-file-name \"/a/b//c//d\")", "\"/d\""],
  ["(substitute-in-file-name \"a~/b\")", "\"a~/b\""],
  ["(substitute-in-file-name \"${HOME\")", "\"${HOME\""],
  ["(substitute-in-file-name \"$/x\")", "\"$/x\""],
  ["(substitute-in-file-name \"a//\")", "\"/\""],
  ["(substitute-in-file-name \"/a/~root/b\")", "\"~root/b\""],
  ["(substitute-in-file-name \"/a/~nosuch/b\")", "\"/a/~nosuch/b\""],
  ["(let ((s \"/plain/name\")) (length (memq s (list (substitute-in-file-name s)))))", "1"],
  ["(find-file-name-handler \"/x\" 'expand-file-name)", "nil"],
  ["(file-exists-p \"/\")", "t"],
  ["(file-exists-p \"/nonexistent-dir-xyz/f\")", "nil"],
  ["(file-directory-p \"/\")", "t"],
  ["(file-directory-p \"/nonexistent-dir-xyz\")", "nil"],
  ["(file-regular-p \"/\")", "nil"],
  ["(file-readable-p \"/nonexistent-dir-xyz\")", "nil"],
  ["(delete-file \"/nonexistent-dir-xyz/f\")", "nil"],
  ["(rename-file \"/nonexistent-dir-xyz/a\" \"/nonexistent-dir-xyz/b\")", "(ERR (file-missing \"Renaming\" \"No such file or directory\" \"/nonexistent-dir-xyz/a\" \"/nonexistent-dir-xyz/b\"))"],
  ["(copy-file \"/nonexistent-dir-xyz/a\" \"/nonexistent-dir-xyz/b\")", "(ERR (file-missing \"Opening input file\" \"No such file or directory\" \"/nonexistent-dir-xyz/a\"))"],
  ["(file-newer-than-file-p \"/nonexistent-dir-xyz/a\" \"/\")", "nil"],
  ["(file-newer-than-file-p \"/\" \"/nonexistent-dir-xyz/a\")", "t"],
];
const { rt, E } = setup();
for (const [form, want] of CASES) test(form, () => assert.equal(E(form), want));

import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('default-directory is the working directory as a directory name', () => {
  assert.equal(E('default-directory'), '"/tmp/"');
  assert.equal(E('(expand-file-name "x")'), '"/tmp/x"');
});

test('file predicates and operations on real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-fileio-'));
  try {
    const q = (p: string): string => JSON.stringify(join(dir, p));
    writeFileSync(join(dir, 'a'), 'hi\n');
    assert.equal(E(`(file-exists-p ${q('a')})`), 't');
    assert.equal(E(`(file-readable-p ${q('a')})`), 't');
    assert.equal(E(`(file-regular-p ${q('a')})`), 't');
    assert.equal(E(`(file-directory-p ${q('a')})`), 'nil');
    assert.equal(E(`(file-directory-p ${JSON.stringify(dir + '/')})`), 't');
    assert.equal(E(`(copy-file ${q('a')} ${q('b')})`), 'nil');
    assert.equal(readFileSync(join(dir, 'b'), 'utf8'), 'hi\n');
    assert.equal(E(`(copy-file ${q('a')} ${q('b')})`), `(ERR (file-already-exists "File already exists" ${q('b')}))`);
    assert.equal(E(`(copy-file ${q('a')} ${JSON.stringify(dir + '/')})`), `(ERR (file-already-exists "File already exists" ${q('a')}))`);
    assert.equal(E(`(copy-file ${q('a')} ${q('b')} t)`), 'nil');
    assert.equal(E(`(rename-file ${q('a')} ${q('b')})`), `(ERR (file-already-exists "File already exists" ${q('b')}))`);
    assert.equal(E(`(rename-file ${q('b')} ${q('c')})`), 'nil');
    assert.ok(!existsSync(join(dir, 'b')) && existsSync(join(dir, 'c')));
    assert.equal(E(`(rename-file ${q('c')} ${q('c')} t)`), 'nil');
    assert.equal(E(`(file-newer-than-file-p ${q('c')} ${q('nope')})`), 't');
    assert.equal(E(`(file-newer-than-file-p ${q('nope')} ${q('c')})`), 'nil');
    assert.equal(E(`(file-newer-than-file-p ${q('c')} ${q('c')})`), 'nil');
    assert.equal(E(`(delete-file ${q('c')})`), 'nil');
    assert.equal(E(`(file-exists-p ${q('c')})`), 'nil');
    assert.equal(E(`(delete-file ${JSON.stringify(dir)})`), `(ERR (file-error "Removing old name: is a directory" ${JSON.stringify(dir)}))`);
    assert.equal(
      E(`(copy-file ${q('a')} ${q('d/')})`),
      `(ERR (file-missing "Opening output file" "No such file or directory" ${q('d/a')}))`,
    );
    assert.equal(rt.sp, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
