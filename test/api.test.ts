// The embedding API from source (src/api): values both ways, handles under collection, two worlds, JS functions and errors both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { defaultTestDump, repoRoot } from './support/runtime.ts';
import { Emacs, EmacsExit, LispError, LispHandle, LispSymbol, LispVector } from '../src/api/index.ts';
import { verifyHeap } from '../src/core/gc.ts';

const S = (name: string): LispSymbol => LispSymbol.for(name);

let image: string | null = null;
/**
 * The built default image when it belongs to these sources (npm test builds first), else a dump
 * made here from source: under GC stress making one costs minutes.
 */
function testImage(): string {
  if (image !== null) return image;
  const built = join(repoRoot, 'dist', 'tsmacs.pdmp');
  try {
    Emacs.startSync({ dumpFile: built, heapMB: 64, stdout: () => {}, stderr: () => {} }).close();
    image = built;
  } catch {
    image = defaultTestDump();
  }
  return image;
}

/** An instance from the test dump, its output captured. */
function start(stdin?: string): { emacs: Emacs; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const emacs = Emacs.startSync({ dumpFile: testImage(), heapMB: 128, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin });
  return { emacs, out, err };
}

test('Lisp values come to JS as JS values, and go back to Lisp unchanged', async () => {
  const { emacs } = start();
  assert.equal(await emacs.eval('(+ 1 2)'), 3);
  // Integers are JS numbers while exact, bigint past 2^53.
  assert.equal(emacs.eval('(expt 2 62)'), 2n ** 62n);
  assert.equal(emacs.eval('(expt 2 40)'), 2 ** 40);
  assert.equal(emacs.eval('(expt 2 53)'), 2n ** 53n);
  assert.equal(emacs.eval('-7'), -7);
  assert.equal(emacs.eval('(expt 2 80)'), 2n ** 80n);
  assert.equal(emacs.eval('(- (expt 3 50))'), -(3n ** 50n));
  assert.equal(emacs.eval('1.5'), 1.5);
  assert.ok(Number.isNaN(emacs.eval('0.0e+NaN') as number));
  assert.equal(emacs.eval('1.0e+INF'), Infinity);
  assert.equal(emacs.eval('"héllo ✓ 😀"'), 'héllo ✓ 😀');
  assert.equal(emacs.eval('""'), '');
  assert.equal(emacs.eval('nil'), null);
  assert.equal(emacs.eval('t'), true);
  assert.equal(emacs.eval("'foo"), S('foo'));
  assert.equal(emacs.eval(':key'), S(':key'));
  assert.equal(emacs.eval('?a'), 97);
  assert.deepEqual(emacs.eval("'(1 (2 \"three\") [4 (5)] nil)"), [1, [2, 'three'], [4, [5]], null]);
  assert.deepEqual(emacs.eval('(make-bool-vector 0 nil)') instanceof LispHandle, true);
  const h = emacs.eval('(let ((h (make-hash-table :test (quote equal)))) (puthash "a" 1 h) (puthash (quote b) (list 2 3) h) (puthash 7 [x] h) h)');
  assert.deepEqual(h, new Map<unknown, unknown>([['a', 1], [S('b'), [2, 3]], [7, [S('x')]]]));
  // Several forms: the last one's value; comments and blank lines anywhere.
  assert.equal(emacs.eval('(setq api-x 4) ; a comment\n\n(* api-x api-x) ; the value\n'), 16);
  assert.equal(emacs.eval('  ; only a comment\n'), null);

  // JS to Lisp, checked by Lisp's own eyes, then back.
  const cases: [unknown, string][] = [
    [42, '42'], [-1, '-1'], [2n ** 64n, '18446744073709551616'], [-(2n ** 70n), '-1180591620717411303424'], [2 ** 62, '4611686018427387904'],
    [0.25, '0.25'], ['a"b\\c', '"a\\"b\\\\c"'], ['λ 😀', '"λ 😀"'], [null, 'nil'], [undefined, 'nil'], [false, 'nil'], [true, 't'],
    [S('foo-bar'), 'foo-bar'], [S(':k'), ':k'], [[1, [2, 3], 'x'], '(1 (2 3) "x")'], [[], 'nil'],
    [new LispVector([1, S('a'), new LispVector([])]), '[1 a []]'],
  ];
  for (const [js, printed] of cases) {
    assert.equal(emacs.print(js), printed, `print ${String(js)}`);
    assert.equal(emacs.call('prin1-to-string', js), printed);
  }
  assert.equal(emacs.call('type-of', 2n ** 64n), S('integer'));
  assert.equal(emacs.call('bignump', 2n ** 64n), true);
  assert.equal(emacs.call('floatp', 0.5), true);
  assert.equal(emacs.call('multibyte-string-p', 'λ'), true);
  assert.equal(emacs.call('eq', S('car'), emacs.eval("'car")), true);
  const m = emacs.callHandle('identity', new Map<unknown, unknown>([['k', [1, 2]], [3, 'v']]));
  assert.equal(emacs.call('hash-table-test', m), S('equal'));
  assert.equal(emacs.call('gethash', 'nope', m), null);
  assert.deepEqual(emacs.call('gethash', 'k', m), [1, 2]);
  assert.deepEqual(m.toJS(), new Map<unknown, unknown>([['k', [1, 2]], [3, 'v']]));
  m.dispose();
  for (const v of [1, -3, 2n ** 100n, 2.5, 'text', null, true, S('sym'), [1, ['nested', [S('x')]]], new Map([['a', 1]])])
    assert.deepEqual(emacs.call('identity', v), v);
  assert.deepEqual(emacs.call('identity', new LispVector([1, 2])), [1, 2]);
  assert.throws(() => emacs.call('identity', { plain: 'object' }), TypeError);
  emacs.close();
});

test('objects with no JS twin come back as handles: printed, typed, passed back, disposed', () => {
  const { emacs } = start();
  const buf = emacs.eval('(get-buffer-create "api-buf")');
  assert.ok(buf instanceof LispHandle);
  assert.equal(buf.type, 'buffer');
  assert.equal(buf.print(), '#<buffer api-buf>');
  assert.equal(emacs.call('buffer-name', buf), 'api-buf');
  const dotted = emacs.eval("'(1 . 2)") as LispHandle;
  assert.ok(dotted instanceof LispHandle);
  assert.equal(dotted.print(), '(1 . 2)');
  assert.equal(emacs.call('car', dotted), 1);
  const circ = emacs.eval("(let ((l (list 1 2))) (setcdr (cdr l) l) l)") as LispHandle;
  assert.ok(circ instanceof LispHandle);
  assert.equal(emacs.call('proper-list-p', circ), null);
  assert.equal(emacs.call('car', circ), 1);
  const inside = emacs.eval("(list 1 (current-buffer) 'b)") as unknown[];
  assert.ok(inside[1] instanceof LispHandle);
  assert.equal(emacs.eval('(make-symbol "g")') instanceof LispHandle, true);
  assert.equal(dotted.toJS(), dotted, 'no JS twin: the handle itself');
  dotted.dispose();
  assert.ok(dotted.disposed);
  assert.throws(() => emacs.call('car', dotted), /disposed/);
  const { emacs: other } = start();
  assert.throws(() => other.call('buffer-name', buf), /belongs to the Emacs instance/);
  other.close();
  emacs.close();
});

test('handles keep their objects through collections; disposed ones let them go', () => {
  const { emacs } = start();
  const rt = emacs.runtime;
  const handles: LispHandle[] = [];
  for (let i = 0; i < 50; i++) handles.push(emacs.evalHandle(`(list (make-string ${i % 7 + 1} ?x) (list ${i} (cons ${i} (make-vector 3 "v${i}"))))`));
  const printed = handles.map((h) => h.print());
  // Churn: make garbage, collect often, reuse freed cells.
  emacs.eval('(dotimes (i 3000) (make-list 20 (make-string 5 ?z)))');
  emacs.eval('(garbage-collect)');
  for (let i = 0; i < handles.length; i += 2) handles[i]!.dispose();
  emacs.eval('(garbage-collect) (dotimes (i 3000) (list (make-string 9 ?q) i)) (garbage-collect)');
  for (let i = 1; i < handles.length; i += 2) assert.equal(handles[i]!.print(), printed[i], `handle ${i}`);
  verifyHeap(rt);
  // A handle to a JS function's Lisp side also survives.
  const f = emacs.function((x: number) => x + 1);
  emacs.eval('(garbage-collect)');
  assert.equal(emacs.call(f, 41), 42);
  emacs.close();
});

test('two instances side by side are independent', () => {
  const a = start();
  const b = start();
  a.emacs.eval('(setq who "a") (defun api-f () 1)');
  b.emacs.eval('(setq who "b")');
  a.emacs.defun('api-js', () => 'from a');
  b.emacs.defun('api-js', () => 'from b');
  for (let i = 0; i < 3; i++) {
    a.emacs.eval(`(princ (format "%s%d " who ${i}))`);
    b.emacs.eval(`(princ (format "%s%d " who ${i})) (message "to stderr of b")`);
  }
  assert.equal(a.out.join(''), 'a0 a1 a2 ');
  assert.equal(b.out.join(''), 'b0 b1 b2 ');
  assert.equal(a.err.join(''), '');
  // As in batch GNU, a message after output on stdout starts on a new line.
  assert.equal(b.err.join(''), '\nto stderr of b\n'.repeat(3));
  assert.equal(a.emacs.eval('(api-js)'), 'from a');
  assert.equal(b.emacs.eval('(api-js)'), 'from b');
  assert.equal(b.emacs.eval("(fboundp 'api-f)"), null);
  // A JS function of A calling into B in the middle of A's evaluation.
  a.emacs.defun('api-ask-b', (x: number) => b.emacs.eval(`(list who ${x})`));
  assert.deepEqual(a.emacs.eval('(list who (api-ask-b 5) who)'), ['a', ['b', 5], 'a']);
  // kill-emacs ends one instance only.
  assert.throws(() => a.emacs.eval('(kill-emacs 7)'), (e: unknown) => e instanceof EmacsExit && e.code === 7);
  assert.ok(a.emacs.closed);
  assert.throws(() => a.emacs.eval('1'), /has ended/);
  assert.equal(b.emacs.eval('who'), 'b');
  b.emacs.close();
});

test('standard input is per instance', () => {
  const a = start('first line\nsecond\n');
  const b = start();
  assert.equal(a.emacs.eval('(read-string "")'), 'first line');
  assert.equal(a.emacs.eval('(read-string "")'), 'second');
  assert.throws(() => a.emacs.eval('(read-string "")'), (e: unknown) => e instanceof LispError && e.symbol === S('end-of-file'));
  assert.throws(() => b.emacs.eval('(read-string "")'), (e: unknown) => e instanceof LispError && e.symbol === S('end-of-file'));
  const lines = ['x', 'y'];
  const c = Emacs.startSync({ dumpFile: testImage(), heapMB: 128, stdout: () => {}, stdin: () => lines.shift() ?? null });
  assert.deepEqual(c.eval('(list (read-string "") (read-string ""))'), ['x', 'y']);
  a.emacs.close();
  b.emacs.close();
  c.close();
});

test('Lisp errors reach JS as LispError with the error symbol and data', () => {
  const { emacs } = start();
  const caught = (src: string): LispError => {
    try {
      emacs.eval(src);
    } catch (e) {
      assert.ok(e instanceof LispError, String(e));
      return e;
    }
    assert.fail('no error');
  };
  let e = caught('(car 1)');
  assert.equal(e.symbol, S('wrong-type-argument'));
  assert.deepEqual(e.data, [S('listp'), 1]);
  assert.equal(e.message, 'Wrong type argument: listp, 1');
  e = caught('(error "Bad %s: %d" "thing" 3)');
  assert.equal(e.symbol, S('error'));
  assert.deepEqual(e.data, ['Bad thing: 3']);
  e = caught('(signal (quote my-api-error) (list 1 "two"))');
  assert.deepEqual([e.symbol, e.data], [S('my-api-error'), [1, 'two']]);
  e = caught('(throw (quote nowhere) 5)');
  assert.deepEqual([e.symbol, e.data], [S('no-catch'), [S('nowhere'), 5]]);
  e = caught('undefined-api-var');
  assert.equal(e.symbol, S('void-variable'));
  e = caught('(+ 1');
  assert.equal(e.symbol, S('end-of-file'));
  assert.throws(() => emacs.call('no-such-api-function'), (x: unknown) => x instanceof LispError && x.symbol === S('void-function'));
  // A runaway recursion is the nesting error, and the instance goes on.
  e = caught('(defun api-deep (n) (api-deep (1+ n))) (api-deep 0)');
  assert.equal(e.symbol, S('error'));
  // GNU 28 runs out of specpdl first here (recorded from emacs -batch).
  assert.equal(e.message, 'Variable binding depth exceeds max-specpdl-size');
  assert.equal(emacs.eval('(+ 2 2)'), 4);
  // The state after errors is what it was: no binding or frame left behind.
  assert.equal(emacs.eval('(let ((api-dyn 1)) (defvar api-dyn 0) api-dyn)'), 1);
  assert.equal(emacs.runtime.sp, 0);
  assert.equal(emacs.runtime.specCount, 0);
  emacs.close();
});

test('JS functions called from Lisp, with errors both ways', () => {
  const { emacs } = start();
  emacs.defun('api-add', (a: number, b: number) => a + b, 'Add A and B, in JS.');
  assert.equal(emacs.eval('(api-add 3 4)'), 7);
  assert.equal(emacs.eval("(documentation 'api-add)"), 'Add A and B, in JS.');
  assert.equal(emacs.eval("(functionp 'api-add)"), true);
  assert.deepEqual(emacs.eval("(mapcar (lambda (x) (api-add x 10)) '(1 2))"), [11, 12]);
  assert.equal(emacs.eval("(apply 'api-add '(5 6))"), 11);
  assert.deepEqual(emacs.call('mapcar', (x: number) => x * 2, [1, 2, 3]), [2, 4, 6]);
  assert.deepEqual(emacs.call('sort', [3, 1, 2], (a: number, b: number) => a < b), [1, 2, 3]);
  // Arguments with no JS twin arrive as handles.
  emacs.defun('api-buffer-name', (b: LispHandle) => emacs.call('buffer-name', b));
  assert.equal(emacs.eval('(api-buffer-name (current-buffer))'), emacs.eval('(buffer-name)'));

  // A JS exception is a Lisp error, js-error, that Lisp can catch...
  emacs.defun('api-boom', () => {
    throw new TypeError('boom');
  });
  assert.deepEqual(emacs.eval('(condition-case err (api-boom) (js-error err))'), [S('js-error'), 'TypeError: boom']);
  assert.deepEqual(emacs.eval('(condition-case err (api-boom) (error (error-message-string err)))'), 'JavaScript error: "TypeError: boom"');
  // ... and that comes back to JS as a LispError when nothing catches it.
  assert.throws(() => emacs.eval('(api-boom)'), (e: unknown) => e instanceof LispError && e.symbol === S('js-error') && e.message === 'JavaScript error: "TypeError: boom"');
  // A LispError thrown by JS is signalled as that Lisp error.
  emacs.defun('api-typed', (x: unknown) => {
    throw new LispError('wrong-type-argument', [S('stringp'), x]);
  });
  assert.deepEqual(emacs.eval('(condition-case err (api-typed 9) (wrong-type-argument err))'), [S('wrong-type-argument'), S('stringp'), 9]);
  // A Lisp error inside a call back into Lisp goes through the JS function unchanged.
  emacs.defun('api-nested', () => emacs.call('car', 5));
  assert.deepEqual(emacs.eval('(condition-case err (api-nested) (wrong-type-argument (cdr err)))'), [S('listp'), 5]);
  // JS may catch it and go on.
  emacs.defun('api-recover', () => {
    try {
      return emacs.eval('(car 5)');
    } catch (e) {
      return e instanceof LispError ? `recovered ${e.symbol.name}` : 'no';
    }
  });
  assert.equal(emacs.eval('(api-recover)'), 'recovered wrong-type-argument');
  // A throw to a catch outside the JS function passes through it.
  emacs.defun('api-throw', () => emacs.eval("(throw 'api-tag 42)"));
  assert.equal(emacs.eval("(catch 'api-tag (api-throw) 0)"), 42);
  // unwind-protect inside the JS call runs.
  assert.deepEqual(emacs.eval("(let ((log nil)) (catch 'api-tag (unwind-protect (api-throw) (push 'cleaned log))) log)"), [S('cleaned')]);
  // Values JS cannot give Lisp are Lisp errors, not crashes.
  emacs.defun('api-promise', async () => 1);
  assert.throws(() => emacs.eval('(api-promise)'), (e: unknown) => e instanceof LispError && /Promise/.test(e.message));
  emacs.defun('api-object', () => ({ a: 1 }));
  assert.deepEqual(emacs.eval('(condition-case err (api-object) (error (car err)))'), S('error'));
  // So is a disposed handle, or another instance's.
  const gone = emacs.evalHandle('(list 1)');
  gone.dispose();
  emacs.defun('api-gone', () => gone);
  assert.deepEqual(emacs.eval('(condition-case err (api-gone) (error (cadr err)))'), 'tsmacs: this Lisp handle was disposed');
  // Deep recursion through JS and Lisp ends in a Lisp error too.
  emacs.defun('api-rec', (n: number) => emacs.call('api-rec', n + 1));
  assert.throws(() => emacs.eval('(api-rec 0)'), (e: unknown) => e instanceof LispError);
  assert.equal(emacs.eval('(api-add 1 1)'), 2);
  // kill-emacs deep inside ends the instance.
  emacs.defun('api-exit', () => emacs.eval('(kill-emacs 3)'));
  assert.throws(() => emacs.eval('(progn (api-exit) 1)'), (e: unknown) => e instanceof EmacsExit && e.code === 3);
  assert.ok(emacs.closed);
});

// Under GC stress loadup from source takes minutes; the corpus already runs it so.
test('loadup from source gives a working instance', { skip: process.env.TSMACS_GC_STRESS ? 'loadup under stress: see the corpus' : false }, () => {
  const out: string[] = [];
  const emacs = Emacs.startSync({ loadup: true, heapMB: 128, stdout: (t) => out.push(t) });
  assert.deepEqual(emacs.eval("(progn (require 'cl-lib) (cl-loop for i from 1 to 4 collect (* i i)))"), [1, 4, 9, 16]);
  emacs.eval('(princ "ok")');
  assert.equal(out.join(''), 'ok');
  emacs.close();
});

test('a start from an image runs its after-pdump-load-hook, as the command does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-api-'));
  try {
    const file = join(dir, 'hooked.pdmp');
    const { emacs } = start();
    emacs.eval(`(setq api-hook-count 0)
(add-hook 'after-pdump-load-hook (lambda () (setq api-hook-count (1+ api-hook-count))))
(dump-emacs-portable ${emacs.print(file)})`);
    emacs.close();
    const again = Emacs.startSync({ dumpFile: file, heapMB: 128, stdout: () => {}, stderr: () => {} });
    assert.equal(again.eval('api-hook-count'), 1);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad dump file is a JS error, not a crash', () => {
  assert.throws(() => Emacs.startSync({ dumpFile: '/nonexistent/tsmacs.pdmp' }), /tsmacs:/);
  assert.throws(() => Emacs.startSync({ dumpFile: join(repoRoot, 'package.json') }), /tsmacs:/);
});

test('importing the API first gives the CLI\'s fingerprint (one default image for both)', () => {
  const probe = (first: string): string => {
    const code = `await import('./${first}');\nawait import('./src/cli/main.ts');
const { fingerprint, fingerprintHex } = await import('./src/dump/format.ts');
const { SCALARS } = await import('./src/core/dump-hooks.ts');
process.stdout.write(fingerprintHex(fingerprint(SCALARS.map((s) => s.name))));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  assert.equal(probe('src/api/index.ts'), probe('src/cli/main.ts'));
});
