// tsmacs's compiled files (src/emacs/elc.ts, docs/evaluator.md "Compiled files"): what GNU cannot
// record because the files are ours. A damaged, truncated or other-version FILE.elc of ours is
// refused with a message and FILE.el loaded; GNU's own .elc files are passed over by the suffix
// search as before; what `byte-compile-file' writes loads without expanding a macro.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingHost, lispRuntime, repoRoot } from './support/runtime.ts';
import { evalPrint } from './support/eval.ts';
import { checkElc, isOurElc } from '../src/emacs/elc.ts';

const host = capturingHost();
const rt = lispRuntime(host);
const E = (src: string): string => evalPrint(rt, src);
const dir = mkdtempSync(join(tmpdir(), 'tsmacs-elc-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const q = (p: string): string => JSON.stringify(p);

function compiled(name: string, text: string): string {
  const el = join(dir, `${name}.el`);
  writeFileSync(el, text);
  assert.equal(E(`(byte-compile-file ${q(el)})`), 't');
  const elc = `${el}c`;
  // The compiled file newer than its source, whatever the clock's resolution.
  utimesSync(el, new Date(2020, 0, 1), new Date(2020, 0, 1));
  return elc;
}

test('a compiled file of ours checks and loads; its body is what byte-compile-file expanded', () => {
  const elc = compiled('ok1', ';; -*- lexical-binding: t -*-\n(defmacro ok1-m (x) `(+ ,x 1))\n(defun ok1-f (y) (ok1-m y))\n(setq ok1-v (ok1-f 1))\n');
  const bytes = readFileSync(elc);
  assert.ok(isOurElc(bytes));
  const c = checkElc(bytes);
  assert.ok(!('refused' in c) && c.lexical);
  const text = bytes.toString('utf8');
  assert.match(text, /^;TSMACS-ELC 1 \d+ [0-9a-f]{8} -\*- lexical-binding: t -\*-\n/);
  assert.ok(text.includes('(+ y 1)'), text);
  assert.ok(!text.includes('ok1-m y'), text);
  host.reset();
  assert.equal(E(`(progn (load ${q(join(dir, 'ok1'))} nil t) (list ok1-v (ok1-f 5)))`), '(2 6)');
  assert.equal(host.err(), '');
});

test('a truncated or changed compiled file is refused with a message and its source loaded', () => {
  const elc = compiled('dam1', '(setq dam1-v (list "from" "source"))\n');
  const bytes = readFileSync(elc);
  writeFileSync(elc, bytes.subarray(0, bytes.length - 5));
  utimesSync(join(dir, 'dam1.el'), new Date(2020, 0, 1), new Date(2020, 0, 1));
  assert.ok('refused' in checkElc(readFileSync(elc)));
  host.reset();
  assert.equal(E(`(progn (setq dam1-v nil) (load ${q(join(dir, 'dam1'))} nil t) dam1-v)`), '("from" "source")');
  assert.match(host.err(), /^Compiled file .*dam1\.elc. not loaded: it has \d+ bytes after its first line, not \d+\n$/);
  // Same length, one byte changed: the checksum.
  const changed = Buffer.from(bytes);
  changed[changed.length - 3] ^= 1;
  writeFileSync(elc, changed);
  host.reset();
  assert.equal(E(`(progn (setq dam1-v nil) (load ${q(join(dir, 'dam1'))} nil t) dam1-v)`), '("from" "source")');
  assert.match(host.err(), /checksum/);
  // Named outright, with its source: the source; without: an error saying so.
  host.reset();
  assert.equal(E(`(progn (setq dam1-v nil) (load ${q(elc)} nil t) dam1-v)`), '("from" "source")');
  rmSync(join(dir, 'dam1.el'));
  assert.match(E(`(load ${q(elc)} nil t)`), /^\(ERR \(error ".*dam1\.elc is a damaged tsmacs compiled file: its contents do not match its checksum"\)\)$/);
  // Another format version.
  const other = compiled('dam2', '(setq dam2-v 2)\n');
  writeFileSync(other, readFileSync(other).toString('latin1').replace(';TSMACS-ELC 1 ', ';TSMACS-ELC 9 '), 'latin1');
  host.reset();
  assert.equal(E(`(progn (load ${q(join(dir, 'dam2'))} nil t) dam2-v)`), '2');
  assert.match(host.err(), /in format 9, not 1/);
});

test('a GNU .elc beside the source is passed over by the suffix search, as before', () => {
  writeFileSync(join(dir, 'gnu1.el'), '(setq gnu1-v (quote source))\n');
  writeFileSync(join(dir, 'gnu1.elc'), ';ELC\x1c\0\0\0\n;;; Compiled\n(setq gnu1-v (quote gnu))\n');
  host.reset();
  assert.equal(E(`(progn (load ${q(join(dir, 'gnu1'))} nil t) gnu1-v)`), 'source');
  assert.equal(host.err(), '');
  // Named outright it is read as before (here its forms are plain Lisp).
  assert.equal(E(`(progn (load ${q(join(dir, 'gnu1.elc'))} nil t) gnu1-v)`), 'gnu');
});

test('forms that cannot be printed readably are kept as read and expanded by load', () => {
  compiled('unr1', '(defvar unr1-buf (eval-when-compile (current-buffer)))\n(defmacro unr1-m () 7)\n(setq unr1-v (unr1-m))\n');
  const text = readFileSync(join(dir, 'unr1.elc'), 'utf8');
  assert.ok(text.includes('(tsmacs-elc--source defvar unr1-buf (eval-when-compile (current-buffer)))'), text);
  assert.equal(E(`(progn (load ${q(join(dir, 'unr1'))} nil t) (list (bufferp unr1-buf) unr1-v))`), '(t 7)');
});

test('uninterned symbols made by macros keep their identity within a form', () => {
  compiled('gen1', ';; -*- lexical-binding: t -*-\n(require (quote cl-lib))\n(defun gen1-f (l) (cl-loop for x in l for i from 0 collect (cons i x)))\n');
  assert.equal(E(`(progn (load ${q(join(dir, 'gen1'))} nil t) (gen1-f (quote (a b))))`), '((0 . a) (1 . b))');
});

test('the build compiled the bundled libraries, and require reads them', () => {
  const elc = join(repoRoot, 'lisp', 'cl-lib.elc');
  if (!existsSync(elc)) return; // a checkout without a build loads the sources
  assert.ok(!('refused' in checkElc(readFileSync(elc))));
  assert.match(E('(progn (require (quote cl-lib)) (symbol-file (quote cl-remove-if-not)))'), /cl-seq\.elc"$/);
});

test('compiling by loading refuses pieces of one form that share an uninterned symbol, and keeps load semantics', () => {
  const el = join(dir, 'shr1.el');
  writeFileSync(el, "(defmacro shr1-m () (let ((g (make-symbol \"g\"))) `(progn (defvar ,g 5) (defun shr1-f () ,g))))\n(shr1-m)\n");
  assert.match(E(`(tsmacs--compile-by-loading ${q(el)})`), /uninterned symbol, g, is shared by two forms/);
  assert.ok(!existsSync(`${el}c`));
  const ok = join(dir, 'shr2.el');
  writeFileSync(ok, "(eval-and-compile (defvar shr2-log nil) (push 'loaded shr2-log))\n(defvar shr2-when (eval-when-compile (length shr2-log)))\n");
  assert.equal(E(`(tsmacs--compile-by-loading ${q(ok)})`), 't');
  const text = readFileSync(`${ok}c`, 'utf8');
  assert.ok(text.includes("(defvar shr2-log nil)\n(setq shr2-log (cons 'loaded shr2-log))\n(defvar shr2-when '1)\n"), text);
});
