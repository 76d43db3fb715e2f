// Two runtimes in one process, run interleaved and nested inside each other, give exactly what each gives alone.
//
// Per-world state (the printer's buffer and settings, hash lookups, match data,
// the random generator, stdout's last byte) lives on the Runtime, never in a
// module variable or a table beside it. Each scenario below is a list of steps
// for world A and world B; run interleaved, and with A's JS callbacks reaching
// into B in the middle of A's printing, hashing and reading, every step must
// give what the same world's steps give in a runtime of its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lispRuntime, capturingHost } from './support/runtime.ts';
import { evalPrint } from './support/eval.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { cons, makeFixnum, makePvec } from '../src/core/object.ts';
import { DEFUN } from '../src/core/subr.ts';
import { Qnil, Qt } from '../src/core/symbols.ts';
import { PVEC_MARKER } from '../src/heap/layout.ts';
import { prin1ToJs, registerPvecPrinter } from '../src/emacs/print.ts';

/** The other world of each runtime of the interleaved run (absent when a world runs alone). */
const partner = new Map<Runtime, Runtime>();
/** The work A's callbacks do in B: hashing (in a table of B's own), reading, printing. */
const MEDDLES = {
  hash: '(progn (puthash (format "n%d" (hash-table-count worlds-scratch)) 1 worlds-scratch) (gethash "k1" worlds-h))',
  read: '(list (read-from-string "(x . #1=(y #1#))") (prin1-to-string (list 1.5 "a\\nb")))',
  print: '(prin1-to-string (list (make-symbol "g") "tab\\there" 2.25 (quote (quote q)) (list 1 (list 2 (list 3)))))',
};
/** What the callbacks' work in the other world gave, by kind. */
const nested: [keyof typeof MEDDLES, string][] = [];

const E = evalPrint;

/** Work done in the partner world, if there is one, from inside a callback of RT. */
function meddle(rt: Runtime, kind: keyof typeof MEDDLES): void {
  const other = partner.get(rt);
  if (other) nested.push([kind, E(other, MEDDLES[kind])]);
}

// A user-defined hash test whose functions do hash-table work of their own in the other world.
DEFUN('worlds-test--hash', 1, 1, 'Test helper: a constant hash, after hashing in the other world.', (rt, _k: number) => {
  meddle(rt, 'hash');
  return makeFixnum(1);
});
DEFUN('worlds-test--equal', 2, 2, 'Test helper: string=, after a lookup in the other world.', (rt, a: number, b: number) => {
  meddle(rt, 'hash');
  return E(rt, `(string= ${prin1ToJs(rt, a)} ${prin1ToJs(rt, b)})`) === 't' ? Qt : Qnil;
});
// A character stream that reads and prints in the other world between characters.
const STREAM_TEXT = '(a b . #1=(c "d\\ne" #1#))';
let streamPos = 0;
DEFUN('worlds-test--stream', 0, 1, 'Test helper: the next character of STREAM_TEXT (or unread one).', (rt, ch: number) => {
  if (ch !== Qnil) {
    streamPos--;
    return Qnil;
  }
  meddle(rt, 'read');
  return streamPos < STREAM_TEXT.length ? makeFixnum(STREAM_TEXT.charCodeAt(streamPos++)) : Qnil;
});
DEFUN('worlds-test--marker', 0, 0, 'Test helper: an object printed by the printer registered below.', (rt) => makePvec(rt, PVEC_MARKER, 1, Qnil));
// This printer prints in the other world while its own world's print is half done.
registerPvecPrinter(PVEC_MARKER, (rt, _obj, _escape, out) => {
  out.ascii('#<marker ');
  meddle(rt, 'print');
  out.object(cons(rt, makeFixnum(1), makeFixnum(2)));
  out.ascii('>');
});

const A_SETUP = [
  '(setq print-escape-newlines t print-length 3 print-circle t print-gensym t float-output-format "%.1f")',
  '(define-hash-table-test (quote worlds-test) (quote worlds-test--equal) (quote worlds-test--hash))',
  '(setq worlds-h (make-hash-table :test (quote worlds-test)))',
  '(random "seed A")',
];
const B_SETUP = [
  '(setq print-quoted nil print-escape-control-characters t print-level 2)',
  '(setq worlds-h (make-hash-table :test (quote equal)) worlds-scratch (make-hash-table :test (quote equal)))',
  '(random "seed B")',
];
const A_STEPS = [
  '(let ((x (list 1 2))) (prin1-to-string (list "a\\nb" x x 2.25 (make-symbol "s") 5 6)))',
  '(prin1-to-string (list (worlds-test--marker) 1.25 "x\\ny"))',
  '(progn (puthash "a" 1 worlds-h) (puthash "b" 2 worlds-h) (puthash "c" 3 worlds-h) (remhash "a" worlds-h) (puthash "d" 4 worlds-h))',
  '(list (gethash "a" worlds-h) (gethash "b" worlds-h) (gethash "c" worlds-h) (gethash "d" worlds-h) (hash-table-count worlds-h))',
  '(read (quote worlds-test--stream))',
  '(progn (string-match "b+\\\\(c\\\\)" "abbbcd") (match-data))',
  '(list (random 1000) (random 1000) (random 1000))',
  '(progn (princ "no newline") (terpri nil t))',
  '(terpri nil t)',
  '(format "%S %s" (list 1.5 (quote (quote x)) "t\\tab") 0.125)',
  '(list (match-beginning 1) (random 1000))',
];
const B_STEPS = [
  '(prin1-to-string (list (quote (quote x)) "t\\tab" (list 1 (list 2 (list 3))) 2.25))',
  '(progn (puthash "k1" 10 worlds-h) (puthash "k2" 20 worlds-h) (hash-table-count worlds-h))',
  '(progn (string-match "z\\\\(y\\\\)" "xxzyw") (match-data))',
  '(list (random 1000) (random 1000))',
  '(progn (princ "line\\n") (terpri nil t))',
  '(list (gethash "k1" worlds-h) (gethash "k2" worlds-h))',
  '(format "%S" (list 1.5 (quote (quote x)) "t\\tab"))',
  '(list (match-beginning 1) (random 1000))',
];

function fresh(setup: string[]): Runtime {
  const rt = lispRuntime(capturingHost());
  for (const s of setup) E(rt, s);
  return rt;
}

/** Run one step; the character stream starts over at each. */
function step(rt: Runtime, src: string): string {
  streamPos = 0;
  return E(rt, src);
}

test('two runtimes interleaved, and nested in each other, each give what they give alone', () => {
  // Alone: each world's steps in a runtime of its own, with no partner to call into.
  const aloneA = fresh(A_SETUP);
  const wantA = A_STEPS.map((s) => step(aloneA, s));
  const aloneB = fresh(B_SETUP);
  const wantB = B_STEPS.map((s) => step(aloneB, s));
  nested.length = 0;

  // Together: A's callbacks work in B, and the steps alternate.
  const a = fresh(A_SETUP);
  const b = fresh(B_SETUP);
  partner.set(a, b);
  const gotA: string[] = [];
  const gotB: string[] = [];
  const n = Math.max(A_STEPS.length, B_STEPS.length);
  try {
    for (let i = 0; i < n; i++) {
      if (i < A_STEPS.length) gotA.push(step(a, A_STEPS[i]!));
      if (i < B_STEPS.length) gotB.push(step(b, B_STEPS[i]!));
    }
  } finally {
    partner.delete(a);
  }
  assert.deepEqual(gotA, wantA);
  assert.deepEqual(gotB, wantB);
  // What A's callbacks did in B is what B gives alone (hashing aside: its answer depends on B's steps so far).
  const kinds = new Set(nested.map(([k]) => k));
  assert.deepEqual([...kinds].sort(), ['hash', 'print', 'read'], 'A\'s callbacks reached into B in every way');
  for (const [kind, got] of nested) {
    assert.doesNotMatch(got, /ERR/);
    if (kind !== 'hash') assert.equal(got, E(aloneB, MEDDLES[kind]), kind);
  }
});
