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
import { ElcForms, checkElc, isOurElc } from '../src/emacs/elc.ts';
import { makeReader } from '../src/emacs/lread.ts';
import { intern } from '../src/core/obarray.ts';
import { jsString } from '../src/core/object.ts';
import { funcall, specbind, unbindTo } from '../src/emacs/eval.ts';
import { Qt } from '../src/core/symbols.ts';

const host = capturingHost();
const rt = lispRuntime(host);
const E = (src: string): string => evalPrint(rt, src);
const dir = mkdtempSync(join(tmpdir(), 'tsmacs-elc-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const q = (p: string): string => JSON.stringify(p);

/** The forms of the compiled file ELC, each printed as format 1 held it (print-circle, print-gensym), a line each. */
function formsText(elc: string): string {
  const c = checkElc(readFileSync(elc));
  assert.ok(!('refused' in c));
  const forms = new ElcForms(rt, c.body, {
    intern: (b) => intern(rt, Buffer.from(b).toString('latin1')),
    read: (b) => makeReader(rt, b, true).next()!,
  }, () => 0);
  const lines: string[] = [];
  for (let f = forms.next(); f !== undefined; f = forms.next()) {
    const count = rt.specCount;
    const sp = rt.sp;
    rt.push(f);
    specbind(rt, intern(rt, 'print-circle'), Qt);
    specbind(rt, intern(rt, 'print-gensym'), Qt);
    try {
      lines.push(jsString(rt, funcall(rt, intern(rt, 'prin1-to-string'), [f])));
    } finally {
      unbindTo(rt, count);
      rt.sp = sp;
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

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
  assert.match(bytes.toString('utf8'), /^;TSMACS-ELC 3 \d+ [0-9a-f]{8} -\*- lexical-binding: t -\*-\n/);
  const text = formsText(elc);
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
  writeFileSync(other, readFileSync(other).toString('latin1').replace(';TSMACS-ELC 3 ', ';TSMACS-ELC 9 '), 'latin1');
  host.reset();
  assert.equal(E(`(progn (load ${q(join(dir, 'dam2'))} nil t) dam2-v)`), '2');
  assert.match(host.err(), /in format 9, not 3/);
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
  const text = formsText(join(dir, 'unr1.elc'));
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
  assert.match(E('(progn (require (quote cl-lib)) (symbol-file (quote cl-first)))'), /cl-lib\.elc"$/);
  // cl-seq is autoloaded, as in GNU: the first call loads its .elc.
  assert.equal(E('(progn (require (quote cl-lib)) (list (featurep (quote cl-seq)) (symbol-file (quote cl-remove-if-not))))'), '(nil "cl-seq")');
  assert.match(E('(progn (require (quote cl-lib)) (cl-remove-if-not (quote ignore) nil) (symbol-file (quote cl-remove-if-not)))'), /cl-seq\.elc"$/);
});

test('compiling by loading refuses pieces of one form that share an uninterned symbol, and keeps load semantics', () => {
  const el = join(dir, 'shr1.el');
  writeFileSync(el, "(defmacro shr1-m () (let ((g (make-symbol \"g\"))) `(progn (defvar ,g 5) (defun shr1-f () ,g))))\n(shr1-m)\n");
  assert.match(E(`(tsmacs--compile-by-loading ${q(el)})`), /uninterned symbol, g, is shared by two forms/);
  assert.ok(!existsSync(`${el}c`));
  const ok = join(dir, 'shr2.el');
  writeFileSync(ok, "(eval-and-compile (defvar shr2-log nil) (push 'loaded shr2-log))\n(defvar shr2-when (eval-when-compile (length shr2-log)))\n");
  assert.equal(E(`(tsmacs--compile-by-loading ${q(ok)})`), 't');
  const text = formsText(`${ok}c`);
  assert.ok(text.includes("(defvar shr2-log nil)\n(setq shr2-log (cons 'loaded shr2-log))\n(defvar shr2-when '1)\n"), text);
});

test('format 3 keeps every kind of constant, shared structure and uninterned symbols as the source gives them', () => {
  const src = ';; -*- lexical-binding: t -*-\n' +
    '(defvar rt2-a)\n(setq rt2-a (quote (1 -2 3.5 -0.0 1.0e+INF 0.0e+NaN "abc" "\u00e9t\u00e9" "\\x80\\xff" [a (b . c) "x" -7] (x . 5) #("pr" 0 1 (face bold)) 123456789 #s(rt2 1) \u00e9 \\,@ ##)))\n' +
    '(defvar rt2-b)\n(setq rt2-b (eval-when-compile (let ((x (list 1 2))) (list x x))))\n' +
    '(defvar rt2-c)\n(setq rt2-c (eval-when-compile (let ((g (make-symbol "g"))) (list g g (make-symbol "g")))))\n' +
    '(defvar rt2-d)\n(setq rt2-d (quote (1 -2 3.5 -7.25e-10 1e300 "abc" "a\\"b\\\\c\\n" [a (b . c) "x" -7 []] (x . 5) (1 2 . 3) nil t :kw \\(a\\ b\\) \\12 -)))\n' +
    '(defun rt2-f (l) (let ((g (quote (1 . 2)))) (list g l g)))\n';
  const el = join(dir, 'rt2.el');
  writeFileSync(el, src);
  const fromSource = E(`(progn (load ${q(el)} nil t) (prin1-to-string (list rt2-a rt2-b rt2-c rt2-d (rt2-f 3) (mapcar (function type-of) rt2-d))))`);
  const elc = compiled('rt2', src);
  assert.equal(E(`(progn (setq rt2-a nil rt2-b nil rt2-c nil rt2-d nil) (load ${q(elc)} nil t) (prin1-to-string (list rt2-a rt2-b rt2-c rt2-d (rt2-f 3) (mapcar (function type-of) rt2-d))))`), fromSource);
  assert.equal(E('(list (eq (car rt2-b) (cadr rt2-b)) (eq (car rt2-c) (cadr rt2-c)) (eq (car rt2-c) (nth 2 rt2-c)) (intern-soft (car rt2-c)))'), '(t t nil nil)');
  assert.equal(E('(mapcar (lambda (s) (if (stringp s) (multibyte-string-p s) (type-of s))) rt2-a)'),
    E(`(progn (load ${q(el)} nil t) (mapcar (lambda (s) (if (stringp s) (multibyte-string-p s) (type-of s))) rt2-a))`));
  assert.equal(E('(get-text-property 0 (quote face) (nth 11 rt2-a))'), 'bold');
});

test('format 3 writes shared structure as labels, keeps each object\'s identity, and prints only circular forms', () => {
  const src = ';; -*- lexical-binding: t -*-\n' +
    '(defvar sh3-a)\n(setq sh3-a (eval-when-compile (let* ((tl (list 3 4)) (s (copy-sequence "str")) (v (vector s tl)) (f (* 1.5 2))) (list (cons 1 tl) (cons 2 tl) s v tl f (list f s) (cons v v)))))\n' +
    '(defvar sh3-b)\n(setq sh3-b (eval-when-compile (let ((c (list 1 2))) (setcdr (cdr c) c) (list c))))\n' +
    '(defvar sh3-c)\n(setq sh3-c (eval-when-compile (let* ((g (make-symbol "g")) (x (list g 1))) (list x (cons g x)))))\n' +
    '(defun sh3-f () (let ((x (quote (a b)))) x))\n';
  const elc = compiled('sh3', src);
  const raw = readFileSync(elc, 'latin1');
  // Only the circular form goes through the printer.
  assert.equal(raw.split('{"p":').length - 1, 1, raw);
  assert.match(raw, /\{"h":0,"o":/);
  const shown = '(let ((print-circle t)) (prin1-to-string (list sh3-a sh3-b sh3-c (sh3-f))))';
  const fromSource = E(`(progn (load ${q(join(dir, 'sh3.el'))} nil t) ${shown})`);
  assert.equal(E(`(progn (setq sh3-a nil sh3-b nil sh3-c nil) (load ${q(elc)} nil t) ${shown})`), fromSource);
  assert.match(fromSource, /^"\(\(\(1 \. #1=\(3 4\)\) \(2 \. #1#\) #2=\\"str\\" #3=\[#2# #1#\]/);
  assert.equal(E('(let ((a sh3-a)) (list (eq (cdr (nth 0 a)) (cdr (nth 1 a))) (eq (cdr (nth 0 a)) (nth 4 a)) (eq (nth 2 a) (aref (nth 3 a) 0))' +
    ' (eq (aref (nth 3 a) 1) (nth 4 a)) (eq (nth 5 a) (car (nth 6 a))) (eq (nth 2 a) (nth 1 (nth 6 a))) (eq (car (nth 7 a)) (cdr (nth 7 a))) (eq (nth 3 a) (car (nth 7 a)))))'),
    '(t t t t t t t t)');
  assert.equal(E('(let ((c (car sh3-b))) (eq c (cddr c)))'), 't');
  assert.equal(E('(let ((x (car sh3-c))) (list (eq x (cdr (nth 1 sh3-c))) (eq (car x) (car (nth 1 sh3-c))) (intern-soft (car x))))'), '(t t nil)');
});

test('a format 3 body that is not what tsmacs writes is a read error, not a JS exception', () => {
  const bad = (text: string): string => {
    const forms = new ElcForms(rt, new TextEncoder().encode(`;; comment\n${text}`), {
      intern: (b) => intern(rt, Buffer.from(b).toString('latin1')),
      read: (b) => makeReader(rt, b, true).next()!,
    }, () => 0);
    try {
      forms.next();
      return 'no error';
    } catch (e) {
      return (e as Error).constructor.name;
    }
  };
  assert.equal(bad('{"syms":[],"forms":[[-1]]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[{"z":1}]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[1.5]}'), 'ElcDamaged');
  assert.equal(bad('[1,2'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[{"u":0}]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[[{"r":0}]]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[[{"h":1,"o":[1]}]]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[[{"h":0}]]}'), 'ElcDamaged');
  assert.equal(bad('{"syms":["a"],"forms":[[{"r":0},{"h":0,"o":[1]}]]}'), 'no error');
});
