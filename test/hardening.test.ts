// Resource limits and hostile input end in a Lisp error the program can handle, never a JS crash
// (issue 8). Expected values were printed by GNU Emacs 28.2 where GNU can be asked; GNU's heap
// is the machine's memory, so for exhaustion only the shape of the error is GNU's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { verifyHeap } from '../src/core/gc.ts';
import { runCli } from '../src/cli/main.ts';
import { capturingHost, defaultTestDump } from './support/runtime.ts';
import { nodeHost } from '../src/host/node.ts';
import { seededRandom } from './support/random.ts';
import { evalPrint } from './support/eval.ts';
import { asLispSignal } from '../src/emacs/eval.ts';
import { JsStackExhausted, LispSignal } from '../src/core/signal.ts';
import { HeapExhausted } from '../src/heap/heap.ts';
import { cons } from '../src/core/object.ts';
import { prin1ToJs } from '../src/emacs/print.ts';

const MEMORY = '(error "Memory exhausted--use C-x s then exit and restart Emacs")';

/** A bare runtime with a small heap, so that exhausting it is quick. */
/**
 * A host that ignores TSMACS_GC_STRESS: these tests fill a whole heap between collections, and a
 * full collection every 100 safe points over a full heap makes that quadratic (minutes per test).
 * They test running out, not the collector's rooting, which the rest of the suite stresses.
 */
function unstressedHost(): ReturnType<typeof nodeHost> {
  const host = nodeHost();
  const getenv = host.getenv;
  host.getenv = (n) => (n === 'TSMACS_GC_STRESS' ? undefined : getenv(n));
  return host;
}

function smallWorld(mb: number): (src: string) => string {
  const rt = createRuntime({ host: unstressedHost(), heapBytes: mb * 1024 * 1024 });
  return (src: string): string => {
    const v = evalPrint(rt, src, true);
    assert.deepEqual(verifyHeap(rt), [], `heap verifies after ${src}`);
    return v;
  };
}

test('running out of heap is an error condition-case catches; a collection gives the reserve back', () => {
  const E = smallWorld(24);
  const fill = '(condition-case e (let ((x nil)) (while t (setq x (cons x x)))) (error e))';
  // Twice: the first error released the reserve and the collection took it back.
  for (let round = 0; round < 2; round++) {
    assert.equal(E(fill), MEMORY);
    assert.equal(E('memory-full'), 't');
    E('(garbage-collect)');
    assert.equal(E('memory-full'), 'nil');
    assert.equal(E('(length (make-list 100000 1))'), '100000');
  }
  // Uncaught, it reaches the caller as a Lisp signal too.
  assert.equal(E('(let ((x nil)) (while t (setq x (cons 1 x))))'), `(ERR ${MEMORY})`);
});

test('blocks freed by one collection stay free through the next', () => {
  // A sweep used to forget the blocks an earlier sweep had freed: 1.6 MB lost per round here.
  const E = smallWorld(24);
  const rounds = '(let ((i 0)) (while (< i 30) (make-list 200000 nil) (garbage-collect) (garbage-collect) (setq i (1+ i))))';
  assert.equal(E(`(condition-case e (progn ${rounds} (quote done)) (error e))`), 'done');
  assert.equal(E('memory-full'), 'nil');
});

test('a request larger than the heap is refused without touching the reserve', () => {
  const E = smallWorld(24);
  assert.equal(E('(condition-case e (make-vector 100000000 nil) (error e))'), MEMORY);
  assert.equal(E('(condition-case e (make-string 100000000 ?a) (error e))'), MEMORY);
  assert.equal(E('(condition-case e (make-list 100000000 nil) (error e))'), MEMORY);
  assert.equal(E('(length (make-list 1000 nil))'), '1000');
});

test('format widths beyond any string are errors, not JS crashes', () => {
  const E = smallWorld(64);
  // GNU 28.2: these two are "Maximum string size exceeded"; the third makes a 10 GB string there.
  assert.equal(E('(condition-case e (format "%99999999999999999999d" 1) (error e))'), '(error "Maximum string size exceeded")');
  assert.equal(E('(condition-case e (format "%.99999999999999999999d" 1) (error e))'), '(error "Maximum string size exceeded")');
  assert.equal(E('(condition-case e (format "%9999999999d" 1) (error e))'), MEMORY);
  assert.equal(E('(condition-case e (format "%999999999d" 1) (error e))'), MEMORY);
  assert.equal(E('(condition-case e (format "%50000000d%50000000d" 1 2) (error e))'), MEMORY);
  assert.equal(E('(condition-case e (format "%.999999999f" 1.0) (error e))'), MEMORY);
  // A huge precision on a string only limits it, as in GNU.
  assert.equal(E('(format "%.99999999999999999999s" "abc")'), '"abc"');
  assert.equal(E('(length (format "%100000d" 1))'), '100000');
});

test('let and let* check their variable list as GNU does', () => {
  const E = smallWorld(64);
  // Each expected value printed by GNU Emacs 28.2 (eval-tests.el's let-with-circular-defs too).
  const cases: [string, string][] = [
    ["(let ((l (list 'a))) (setcdr l l) (condition-case e (eval (list 'let l) t) (error e)))", '(circular-list (a . #0))'],
    ["(let ((l (list 'a))) (setcdr l l) (condition-case e (eval (list 'let l)) (error e)))", '(circular-list (a . #0))'],
    ['(condition-case e (let* 1) (error e))', '(wrong-type-argument listp 1)'],
    ['(condition-case e (let* "a") (error e))', '(wrong-type-argument listp "a")'],
    ['(condition-case e (let* [a]) (error e))', '(wrong-type-argument listp [a])'],
    ['(condition-case e (let* (a . b)) (error e))', '(wrong-type-argument listp (a . b))'],
    ['(condition-case e (let* ((a 1) . 2) a) (error e))', '(wrong-type-argument listp ((a 1) . 2))'],
    ['(condition-case e (let ((a 1) . 2) a) (error e))', '(wrong-type-argument listp 2)'],
    ['(condition-case e (let 1) (error e))', '(wrong-type-argument listp 1)'],
    ['(let ((a 1) (b 2)) (+ a b))', '3'],
    ['(let* ((a 1) (b (1+ a))) b)', '2'],
  ];
  for (const [src, want] of cases) assert.equal(E(src), want, src);
  // A long but proper varlist still binds.
  const vars = Array.from({ length: 200 }, (_, i) => `(v${i} ${i})`).join(' ');
  assert.equal(E(`(let (${vars}) (+ v0 v199))`), '199');
});

test('an uncaught error whose arguments share structure exponentially prints a bounded backtrace', () => {
  const host = capturingHost();
  Object.assign(host, { getenv: (n: string) => (n === 'TSMACS_HEAP_MB' ? '48' : n === 'TSMACS_GC_STRESS' ? undefined : process.env[n]) });
  const code = runCli(['--dump-file', defaultTestDump(), '--batch', '--eval', '(let ((x nil)) (while t (setq x (cons x x))))'], host);
  assert.equal(code, 255);
  const err = host.err();
  assert.match(err, /^Debugger entered--Lisp error: \(error "Memory exhausted--use C-x s then exit and restart \.\.\."\)\n  cons\(\(/);
  assert.ok(err.length < 4000, `backtrace of ${err.length} characters`);
});

test('string-to-number and the reader take integers of any length, in linear time', () => {
  const E = smallWorld(128);
  // GNU reads these whatever `integer-width' says; 1,000,000 digits took minutes here before.
  assert.equal(E(`(= (string-to-number (make-string 300000 ?7)) (read (make-string 300000 ?7)))`), 't');
  assert.equal(E(`(length (number-to-string (string-to-number (make-string 300000 ?7))))`), '300000');
  assert.equal(E(`(string-equal (number-to-string (string-to-number (make-string 300000 ?7))) (make-string 300000 ?7))`), 't');
  // Bases V8 does not parse itself go through the halving path: check it against BigInt.
  for (const [base, ds] of [[7, '6543210123456'.repeat(40)], [3, '2101'.repeat(100)], [16, 'fedcba9876543210'.repeat(50)]] as const) {
    let want = 0n;
    for (const d of ds) want = want * BigInt(base) + BigInt(parseInt(d, 16));
    assert.equal(E(`(string-to-number "-${ds}" ${base})`), (-want).toString(), `base ${base}`);
  }
});

test('character positions in multibyte strings stay right as the strings change', () => {
  const E = smallWorld(64);
  const rnd = seededRandom(4242);
  const alphabet = ['a', 'é', '€', '𝄞', 'z', '\u00ff'];
  for (let round = 0; round < 20; round++) {
    const model = Array.from({ length: 30 + rnd(40) }, () => alphabet[rnd(alphabet.length)]!);
    E(`(setq s (copy-sequence ${JSON.stringify(model.join(''))}))`);
    for (let op = 0; op < 60; op++) {
      const i = rnd(model.length);
      if (rnd(3) === 0) {
        const ch = alphabet[rnd(alphabet.length)]!;
        E(`(aset s ${i} ${ch.codePointAt(0)})`);
        model[i] = ch;
      } else assert.equal(E(`(aref s ${i})`), String(model[i]!.codePointAt(0)), `round ${round} op ${op}`);
      if (op % 20 === 0) {
        const j = i + rnd(model.length - i + 1);
        assert.equal(E(`(substring s ${i} ${j})`), JSON.stringify(model.slice(i, j).join('')));
      }
    }
    assert.equal(E('s'), JSON.stringify(model.join('')));
  }
});

test('max-specpdl-size and max-lisp-eval-depth decide, not the JS stack', () => {
  const host = capturingHost();
  // GNU Emacs 28.2's answers for the same forms (each with a fresh binding, error data shown
  // with the value of max-specpdl-size after unwinding).
  const src = `(progn
    (defun r (n) (if (= n 0) 0 (1+ (r (1- n)))))
    (defun c (k) (if (= k 0) 0 (1+ (funcall (lambda (k) (c k)) (1- k)))))
    (let (out)
      (dolist (case '((40 . 100) (40 . 50) (400 . 100) (1000 . 300) (2500 . 600) (2500 . 700)))
        (push (condition-case e (let ((max-specpdl-size (car case)) (max-lisp-eval-depth 100000)) (r (cdr case)))
                (error (list e max-specpdl-size)))
              out))
      (dolist (d '(1000 3000 4000))
        (push (condition-case e (let ((max-lisp-eval-depth 12000) (max-specpdl-size 100000)) (r d)) (error e)) out))
      (dolist (d '(300 380 420)) ; GNU: 380 is too deep from --eval, which open-codes nothing
        (push (condition-case e (c d) (error e)) out))
      (prin1 (nreverse out))))`;
  const code = runCli(['--dump-file', defaultTestDump(), '--batch', '--eval', src], host);
  const spec = '((error "Variable binding depth exceeds max-specpdl-size") 2500)';
  const depth = '(error "Lisp nesting exceeds ‘max-lisp-eval-depth’")';
  assert.equal(host.err(), '');
  assert.equal(code, 0);
  assert.equal(host.out(), `(${spec} 50 ${spec} ${spec} 600 ${spec} 1000 3000 ${depth} 300 ${depth} ${depth})`);
});

test('asLispSignal goes by the type of what was thrown, never by a message: a RangeError is a bug', () => {
  const rt = createRuntime({ host: unstressedHost() });
  // V8's messages for its stack overflow and for bad lengths: none of them is a Lisp error.
  for (const msg of ['Maximum call stack size exceeded', 'Invalid array length', 'Array buffer allocation failed', 'Invalid string length'])
    assert.equal(asLispSignal(rt, new RangeError(msg)), null, msg);
  assert.equal(asLispSignal(rt, new TypeError('x')), null);
  const nesting = asLispSignal(rt, new JsStackExhausted());
  assert.ok(nesting instanceof LispSignal);
  assert.equal(prin1ToJs(rt, cons(rt, nesting.symbol, nesting.data)), '(error "Lisp nesting exceeds ‘max-lisp-eval-depth’")');
  const memory = asLispSignal(rt, new HeapExhausted());
  assert.ok(memory instanceof LispSignal);
  assert.equal(prin1ToJs(rt, cons(rt, memory.symbol, memory.data)), MEMORY);
});

test('long lists and strings are never spread onto the JS stack', () => {
  // GNU returns the lengths; a spread of millions of arguments used to overflow the JS stack,
  // which passed for Lisp's nesting error.
  const E = smallWorld(256);
  assert.equal(E('(length (append (make-string 3000000 ?a) nil))'), '3000000');
  assert.equal(E('(length (mapcar (function identity) (make-list 3000000 1)))'), '3000000');
});

test('recursion deeper than the JS stack holds is the nesting error, from the stack guard', () => {
  const E = smallWorld(64);
  // max-lisp-eval-depth allows it, the JS stack does not: GNU's error, and the world goes on.
  const deep = E(`(progn (fset 'hardening-r '(lambda (n) (if (= n 0) 0 (1+ (hardening-r (1- n))))))
    (let ((max-lisp-eval-depth 10000000) (max-specpdl-size 10000000)) (condition-case e (hardening-r 1000000) (error e))))`);
  assert.equal(deep, '(error "Lisp nesting exceeds ‘max-lisp-eval-depth’")');
  assert.equal(E('(hardening-r 100)'), '100');
  // The printer recurses in JS with print-circle (GNU's C stack overflows there): its error.
  assert.equal(E(`(let ((a nil) (n 200000) (print-circle t)) (while (> n 0) (setq a (list a) n (1- n)))
    (condition-case e (prin1-to-string a) (error e)))`), '(error "Apparently circular structure being printed")');
});

test('getenv-internal over a circular ENV signals circular-list (GNU loops for ever)', () => {
  const run = smallWorld(16);
  assert.equal(run('(let ((l (list "A=1" "B=2"))) (setcdr (cdr l) l) (condition-case e (getenv-internal "X" l) (error (car e))))'), 'circular-list');
  assert.equal(run('(let ((l (list "A=1" "B=2"))) (setcdr (cdr l) l) (getenv-internal "B" l))'), '"2"');
});
