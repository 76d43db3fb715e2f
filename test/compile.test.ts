// The compiling evaluator (src/emacs/compile.ts): corpus files run with every function compiled from its first call, plus what only JS can see.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpedRuntime, lispRuntime, repoRoot } from './support/runtime.ts';
import { runCaseFile } from './support/corpus.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { compiledDeopts, compiledSource, setCompileThreshold } from '../src/emacs/compile.ts';
import { evalPrint } from './support/eval.ts';
import { internString } from '../src/core/obarray.ts';
import { makeString, symbolFunction, xcar, xcdr } from '../src/core/object.ts';
import { fixnumValue, makeFixnum } from '../src/heap/tags.ts';
import { funcall } from '../src/emacs/eval.ts';
import type { Runtime } from '../src/core/runtime.ts';

/** Evaluate SRC lexically in RT and print its value, or (ERR ...) when it signals. */
const evalString = (rt: Runtime, src: string): string => evalPrint(rt, src);

/** Corpus files whose Lisp the compiler must run exactly as the interpreter (GNU from source) does. */
const ALL_FILES = [
  'compiler.el', 'compiled-frames.el', 'lib-gv.el', 'macros.el', 'eval.el', 'lib-cl-lib.el', 'lib-pcase.el', 'lib-seq.el', 'depth.el', 'errors.el',
  'debug-next-call.el', 'debugger.el', 'debugger-escapes.el', 'compiler-fast.el', 'compiler-split.el', 'compiler-apply.el',
  'compiler-calls.el', 'compiler-hash.el', 'lib-cl-generic-intro.el', 'lib-cl-generic-internals.el', 'compiler-saving.el',
];
// Under GC stress (CI's second stage) a loadup per file is slow: the compiler's own files suffice there.
const FILES = process.env.TSMACS_GC_STRESS ? ['compiler.el', 'compiled-frames.el', 'compiler-split.el', 'compiler-calls.el', 'compiler-hash.el', 'compiler-saving.el'] : ALL_FILES;

for (const file of FILES) {
  test(`corpus ${file}, compiled from the first call`, () => {
    const rt = lispRuntime();
    setCompileThreshold(rt, 1);
    const dir = join(repoRoot, 'test', 'corpus');
    const got = runCaseFile(rt, readFileSync(join(dir, file)));
    const want = readFileSync(join(dir, file.replace(/\.el$/, '.expected')), 'utf8').split('\n').filter((l) => l !== '');
    const failures: string[] = [];
    for (let i = 0; i < Math.max(got.length, want.length); i++)
      if (got[i] !== want[i]) failures.push(`${file}:${i + 1}\n  want: ${want[i]}\n  got:  ${got[i]}`);
    assert.deepEqual(verifyHeap(rt), [], 'heap verifies');
    assert.equal(failures.length, 0, failures.slice(0, 20).join('\n'));
  });
}

test('a defun is compiled after the threshold; forms the compiler lacks fall back to the interpreter', () => {
  const rt = lispRuntime();
  setCompileThreshold(rt, 2);
  evalString(rt, '(defun cmpt-sq (x) (* x x))');
  evalString(rt, '(defun cmpt-fallback () (defconst cmpt-fallback-c 7) (+ cmpt-fallback-c (point)))');
  // Compiled since evalperf15 (until then the whole function was interpreted).
  evalString(rt, '(defun cmpt-excursion () (save-excursion (point)))');
  const sq = symbolFunction(rt, internString(rt, makeString(rt, 'cmpt-sq')));
  const fb = symbolFunction(rt, internString(rt, makeString(rt, 'cmpt-fallback')));
  const ex = symbolFunction(rt, internString(rt, makeString(rt, 'cmpt-excursion')));
  assert.match(compiledSource(rt, sq, true) ?? '', /function compiled/);
  assert.equal(compiledSource(rt, fb, true), null);
  assert.match(compiledSource(rt, ex, true) ?? '', /H\.excursionEnter/);
  assert.equal(evalString(rt, '(list (cmpt-sq 3) (cmpt-sq 4) (cmpt-fallback) (cmpt-fallback) (cmpt-excursion) (cmpt-excursion))'), '(9 16 8 8 1 1)');
});

test('the image\'s own functions are compiled at their 8th call, a program\'s at its first', () => {
  // The default thresholds, as a process gets them when TSMACS_COMPILE and TSMACS_COMPILE_LIB are unset.
  if (process.env.TSMACS_COMPILE || process.env.TSMACS_COMPILE_LIB) return;
  const rt = dumpedRuntime(1);
  const fnOf = (name: string): number => symbolFunction(rt, internString(rt, makeString(rt, name)));
  // `xor' is a closure of the image (subr.el); each compiledSource without FORCE counts as a call.
  const img = fnOf('xor');
  for (let i = 1; i < 8; i++) assert.equal(compiledSource(rt, img, false), null, `call ${i}`);
  assert.match(compiledSource(rt, img, false) ?? '', /function compiled/);
  evalString(rt, '(defun cmpt-own (a b) (if a (not b) b))');
  assert.match(compiledSource(rt, fnOf('cmpt-own'), false) ?? '', /function compiled/);
  assert.equal(evalString(rt, '(list (xor t nil) (xor t t) (cmpt-own t nil))'), '(t nil t)');
});

test('while a macro expands, the image\'s own functions are compiled at their 2000th call, others at their 100th', () => {
  if (process.env.TSMACS_COMPILE || process.env.TSMACS_COMPILE_EXPAND || process.env.TSMACS_COMPILE_LIB_EXPAND) return;
  const rt = dumpedRuntime(1);
  const fnOf = (name: string): number => symbolFunction(rt, internString(rt, makeString(rt, name)));
  evalString(rt, '(defun cmpt-own2 (a b) (if a (not b) b))');
  // Runtime.setupDepth above 0, as while a macro expander runs or `require' loads a library.
  rt.setupDepth++;
  try {
    const own = fnOf('cmpt-own2');
    for (let i = 1; i < 100; i++) assert.equal(compiledSource(rt, own, false), null, `call ${i}`);
    assert.match(compiledSource(rt, own, false) ?? '', /function compiled/);
    const img = fnOf('xor');
    for (let i = 1; i < 2000; i++) assert.equal(compiledSource(rt, img, false), null, `call ${i}`);
    assert.match(compiledSource(rt, img, false) ?? '', /function compiled/);
  } finally {
    rt.setupDepth--;
  }
  assert.equal(evalString(rt, '(list (xor t nil) (cmpt-own2 t nil))'), '(t t)');
});

test('compiled code keeps its constants alive: a closure body cut by Lisp after compiling still runs', () => {
  const rt = lispRuntime();
  setCompileThreshold(rt, 1);
  // The body's quoted list is shared with a variable, then cut off the body's structure.
  evalString(rt, "(setq cmpt-shared (list 'a 'b 'c))");
  evalString(rt, "(defalias 'cmpt-q (list 'lambda nil (list 'quote cmpt-shared)))");
  assert.equal(evalString(rt, '(cmpt-q)'), '(a b c)');
  evalString(rt, "(setcar (cdr (symbol-function 'cmpt-q)) nil)");
  evalString(rt, "(setq cmpt-shared nil)");
  collectGarbage(rt);
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
  evalString(rt, '(dotimes (_ 2000) (list 1 2 3))');
  assert.doesNotThrow(() => evalString(rt, '(cmpt-q)'));
});

test('byte-compile, native-compile and disassemble', () => {
  const rt = lispRuntime();
  assert.equal(evalString(rt, "(progn (defun cmpt-f (n) (if (< n 2) n (+ (cmpt-f (- n 1)) (cmpt-f (- n 2))))) (byte-compile 'cmpt-f) (list (byte-code-function-p (symbol-function 'cmpt-f)) (cmpt-f 20)))"), '(t 6765)');
  assert.match(evalString(rt, "(with-temp-buffer (disassemble 'cmpt-f (current-buffer)) (buffer-string))"), /byte code for cmpt-f:\n {2}args: \(n\)\n {2}return function compiled/);
  assert.equal(evalString(rt, "(funcall (native-compile (lambda (x) (* x 3))) 5)"), '15');
  assert.equal(evalString(rt, "(progn (defmacro cmpt-m (x) (list 'quote x)) (byte-compile 'cmpt-m) (list (macrop 'cmpt-m) (cmpt-m (1 2))))"), '(t (1 2))');
  assert.match(evalString(rt, "(condition-case e (disassemble 'car) (error (cadr e)))"), /Not a compiled function/);
  // No libgccjit here: packages that ask before writing .eln files must hear no (GNU with
  // native compilation says t), while `native-compile' itself still works as above.
  assert.equal(evalString(rt, "(list (native-comp-available-p) (featurep 'native-compile) (func-arity 'native-comp-available-p))"), '(nil nil (0 . 0))');
});

test('compiled frames show as the interpreter\'s (GNU from source), and the specpdl limit holds', () => {
  const rt = lispRuntime();
  setCompileThreshold(rt, 1);
  assert.equal(evalString(rt, "(progn (defun cmpt-bt (x) (if (> x 0) (cmpt-bt (1- x)) (let (l) (mapbacktrace (lambda (_e f a _fl) (when (eq f 'cmpt-bt) (push a l)))) l))) (cmpt-bt 3))"), '((3) (2) (1) (0))');
  assert.equal(evalString(rt, "(progn (defun cmpt-inf (n) (cmpt-inf (1+ n))) (condition-case e (cmpt-inf 0) (error e)))"), '(error "Variable binding depth exceeds max-specpdl-size")');
});

test('a local defvar in a closure\'s environment sends only lets of that variable to the interpreter', () => {
  const rt = lispRuntime();
  setCompileThreshold(rt, 1);
  // cl-defstruct's top-level (defvar cl-struct-NAME-tags) puts a bare symbol in every later
  // closure of the file; a let of another variable must still run compiled.
  evalString(rt, "(setq cmpt-f1 (let ((_a 1)) (defvar cmpt-local) (lambda (n) (let ((s 0)) (dotimes (i n) (setq s (+ s i))) s))))");
  evalString(rt, "(setq cmpt-f2 (let ((_a 1)) (defvar cmpt-local) (lambda () (let ((cmpt-local 7)) (cmpt-read)))))");
  evalString(rt, "(defun cmpt-read () (if (boundp 'cmpt-local) (symbol-value 'cmpt-local) 'void))");
  const before = compiledDeopts(rt);
  assert.equal(evalString(rt, '(list (funcall cmpt-f1 10) (funcall cmpt-f1 5))'), '(45 10)');
  assert.equal(compiledDeopts(rt), before);
  // The let of the declared variable binds it dynamically: the interpreter runs that call.
  assert.equal(evalString(rt, '(funcall cmpt-f2)'), '7');
  assert.ok(compiledDeopts(rt) > before);
});

test('a compiled body whose pushes are stores goes to the interpreter when the Lisp stack has no room for them', () => {
  const rt = lispRuntime();
  setCompileThreshold(rt, 1);
  evalString(rt, '(defun cmpt-id (x) x)');
  evalString(rt, '(defun cmpt-push (a b) (cons (cmpt-id (cmpt-id a)) (cmpt-id b)))');
  assert.equal(evalString(rt, '(cmpt-push 1 2)'), '(1 . 2)');
  const fn = symbolFunction(rt, internString(rt, makeString(rt, 'cmpt-push')));
  const src = compiledSource(rt, fn, false) ?? '';
  assert.match(src, /if \(fp \+ \d+ >= st\.length && fp \+ \d+ < st\.length\) return 1;/);
  assert.doesNotMatch(src, /rt\.push\(t\d+\)/);
  const sp = rt.sp, nframes = rt.nframes, depth = rt.lispEvalDepth, envBinds = rt.envBinds;
  const before = compiledDeopts(rt);
  let ok = 0;
  let errors = 0;
  // From the very end of the stack (no room even for the call) to well below it: each call
  // gives the right value or signals, and never loses a store.
  for (let room = 0; room < 48; room++) {
    rt.sp = rt.stack.length - room;
    try {
      const v = funcall(rt, fn, [makeFixnum(1), makeFixnum(2)]);
      assert.equal(fixnumValue(xcar(rt, v)), 1);
      assert.equal(fixnumValue(xcdr(rt, v)), 2);
      ok++;
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      errors++;
    }
    rt.sp = sp;
    rt.nframes = nframes;
    rt.lispEvalDepth = depth;
    rt.envBinds = envBinds;
  }
  assert.ok(errors > 0 && ok > 0);
  // Some calls had room for the frame but not for the body's pushes: the interpreter ran them.
  assert.ok(compiledDeopts(rt) > before);
  assert.equal(evalString(rt, '(cmpt-push 3 4)'), '(3 . 4)');
});
