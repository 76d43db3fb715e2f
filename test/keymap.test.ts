// Keymaps that hold themselves or loop: GNU 28.2 crashes on some of these; tsmacs must end each with a Lisp error or a value, never a JS exception or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeString } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { Qt } from '../src/core/symbols.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { evalTop } from '../src/emacs/eval.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import { lispRuntime } from './support/runtime.ts';

const rt = lispRuntime();
const run = (src: string): string => {
  try {
    return prin1ToJs(rt, evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt));
  } catch (e) {
    if (e instanceof LispSignal) return 'ERR ' + prin1ToJs(rt, e.symbol);
    throw e;
  }
};

test('a keymap holding itself as an element gives a Lisp error or a value', () => {
  const selfMap = (body: string): string => `(let ((m (list 'keymap))) (setcdr m (list m)) ${body})`;
  assert.equal(run(selfMap('(lookup-key m "a")')), 'ERR error');
  assert.equal(run(selfMap('(where-is-internal \'x m)')), 'ERR error');
  assert.equal(run(selfMap('(map-keymap #\'ignore m)')), 'ERR error');
  assert.equal(run(selfMap('(copy-keymap m)')), 'ERR error');
  assert.equal(run(selfMap('(keymap-prompt m)')), 'nil');
  assert.equal(run(selfMap('(define-key m "a" \'x)')), 'x');
});

test('circular keymap spines and menu items end', () => {
  assert.equal(run(`(let ((m (list 'keymap '(97 . x)))) (setcdr (cdr m) (cdr m)) (lookup-key m "b"))`), 'nil');
  assert.equal(run(`(let ((d (list "a"))) (setcdr d d) (keymap--get-keyelt d nil))`), 'ERR error');
  assert.equal(run(`(let ((l (list nil))) (setcar l l) (lookup-key l "a"))`), 'ERR wrong-type-argument');
  assert.equal(run(`(let ((m (make-sparse-keymap))) (define-key m "a" m) (keymapp (lookup-key m "aaaaaaaaaaaa")))`), 't');
});

test('a circular keymap spine has no parent and takes none', () => {
  assert.equal(run(`(let ((m (list 'keymap '(1 . a)))) (setcdr (cdr m) (cdr m)) (keymap-parent m))`), 'nil');
  assert.equal(run(`(let ((m (list 'keymap '(1 . a)))) (setcdr (cdr m) (cdr m)) (set-keymap-parent m (make-sparse-keymap)))`), 'ERR circular-list');
});
