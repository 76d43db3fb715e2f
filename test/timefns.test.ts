// Tests for src/emacs/timefns.ts against the host's clocks: what no recorded corpus case can show (the time now).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './support/eval.ts';

test('float-time and current-time count below the millisecond, as GNU does', () => {
  const { E } = setup();
  // 200 readings in a row: with a clock of whole milliseconds every one would be a multiple of 1/1000 s.
  // (A bare runtime: no loadup, so only special forms and primitives.)
  const out = E('(let ((i 0) xs frac) (while (< i 200) (setq xs (cons (float-time) xs) i (1+ i))) (let ((l xs)) (while l (if (/= (* (car l) 1000) (ffloor (* (car l) 1000))) (setq frac t)) (setq l (cdr l)))) (list (apply (function >=) xs) frac))');
  assert.equal(out, '(t t)');
  // current-time's microsecond field is not always a multiple of 1000 either.
  const usec = E('(let ((i 0) n) (while (< i 200) (if (/= 0 (% (nth 2 (current-time)) 1000)) (setq n t)) (setq i (1+ i))) n)');
  assert.equal(usec, 't');
});

test('float-time stays within a second of the host wall clock', () => {
  const { E } = setup();
  const lisp = Number(E('(float-time)'));
  assert.ok(Math.abs(lisp - Date.now() / 1000) < 1, `float-time ${lisp} against Date.now ${Date.now() / 1000}`);
});
