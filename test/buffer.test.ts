// Buffers as heap objects: the weak marker chain under collection, and buffers across a dump (kept, and forged ones refused).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { checkAtBases, dumpWorld, runLisp } from './support/dump-world.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { makeString } from '../src/core/object.ts';
import { DumpLoadError, loadDump } from '../src/dump/loader.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { bslot, bufferNamed } from '../src/emacs/buffer.ts';
import { BUF_MARKERS, BUF_MODIFF, BUF_PT, PVEC_BUFFER, PVEC_TYPE_SHIFT } from '../src/heap/layout.ts';
import { listToArray } from '../src/core/object.ts';
import { H_CHECKSUM, checksum } from '../src/dump/format.ts';

const run = runLisp;

const chainLength = (rt: Runtime, name: string): number =>
  listToArray(rt, bslot(rt, bufferNamed(rt, makeString(rt, name)), BUF_MARKERS)).length;

test('markers nothing references leave their buffer\'s chain at the next collection; referenced ones stay', () => {
  const rt = lispRuntime();
  // Collect first, so that no collection falls inside the loop and prunes early (how much was
  // allocated before depends on what loadup holds); TSMACS_GC_STRESS would collect inside it.
  rt.gcStress = 0;
  collectGarbage(rt);
  run(rt, `(progn (defvar bt-kept nil)
    (with-current-buffer (get-buffer-create "bt-weak")
      (insert "hello world")
      (dotimes (i 1000) (point-marker))
      (setq bt-kept (list (copy-marker 3) (copy-marker 5 t)))) t)`);
  assert.ok(chainLength(rt, 'bt-weak') >= 1002);
  collectGarbage(rt);
  assert.equal(chainLength(rt, 'bt-weak'), 2);
  assert.deepEqual(verifyHeap(rt), []);
  // The kept markers still move with the text.
  assert.equal(run(rt, '(with-current-buffer "bt-weak" (goto-char 1) (insert "XX") (mapcar #\'marker-position bt-kept))'), '(5 7)');
  // The mark's marker is reached through the buffer itself.
  run(rt, '(with-current-buffer "bt-weak" (set-marker (mark-marker) 4) t)');
  collectGarbage(rt);
  assert.equal(run(rt, '(with-current-buffer "bt-weak" (marker-position (mark-marker)))'), '4');
  assert.equal(chainLength(rt, 'bt-weak'), 3);
});

const WORLD = `(progn
  (defvar bt-m1 nil) (defvar bt-m2 nil)
  (with-current-buffer (get-buffer-create "bt-dumped")
    (insert "héllo\\nwörld \\xff end")
    (setq bt-m1 (copy-marker 3) bt-m2 (copy-marker 9 t))
    (narrow-to-region 2 12)
    (goto-char 5)
    (internal--set-buffer-modified-tick 123457))
  (kill-buffer (get-buffer-create "bt-killed"))
  t)`;

test('buffers, their text, markers and narrowing survive a dump and load at two bases', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, WORLD), 't');
  checkAtBases(host, dumpWorld(rt, 'tsmacs-bt-'), [0.13, 0.81], (r2) => {
    assert.equal(run(r2, '(mapcar #\'buffer-name (buffer-list))'), '("*scratch*" " *Minibuf-0*" "*Messages*" "bt-dumped")');
    assert.equal(run(r2, '(with-current-buffer "bt-dumped" (list (point) (point-min) (point-max) (buffer-string) bt-m1 bt-m2))'),
      '(5 2 12 "éllo\nwörld" #<marker at 3 in bt-dumped> #<marker (moves after insertion) at 9 in bt-dumped>)');
    assert.equal(run(r2, '(with-current-buffer "bt-dumped" (widen) (goto-char 3) (insert "ÅÅ") (list (buffer-string) bt-m1 bt-m2 (position-bytes 12)))'),
      '("héÅÅllo\nwörld \\377 end" #<marker at 3 in bt-dumped> #<marker (moves after insertion) at 11 in bt-dumped> 16)');
    collectGarbage(r2);
    assert.equal(run(r2, '(current-buffer)'), '#<buffer *scratch*>');
  });
});

test('a dump whose buffer has its point past its end, or a stranger in its marker chain, is refused', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  run(rt, WORLD);
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-bt-'));
  const file = join(dir, 'world.pdmp');
  run(rt, `(progn (dump-emacs-portable ${JSON.stringify(file)}) t)`);
  const good = readFileSync(file);
  const words = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
  // Find the buffer by its tick.
  const w0 = words(good);
  let at = -1;
  for (let i = 0; i < w0.length; i++)
    if (w0[i] === ((123457 << 2) | 2) && w0[i - BUF_MODIFF - 1]! >>> PVEC_TYPE_SHIFT === PVEC_BUFFER) at = i - BUF_MODIFF - 1;
  assert.ok(at > 0, 'the buffer is in the file');
  const forge = (what: string, edit: (w: Int32Array) => void): void => {
    const b = new Uint8Array(good);
    const w = words(b);
    edit(w);
    w[H_CHECKSUM] = checksum(w, 0, w.length, H_CHECKSUM);
    const f = join(dir, 'forged.pdmp');
    writeFileSync(f, b);
    assert.throws(() => loadDump(host, f, { heapBytes: 64 * 1024 * 1024 }), (e: unknown) => e instanceof DumpLoadError, what);
  };
  // The pristine file loads.
  const ok = join(dir, 'ok.pdmp');
  writeFileSync(ok, good);
  loadDump(host, ok, { heapBytes: 64 * 1024 * 1024 });
  forge('point past the end', (w) => { w[at + 1 + BUF_PT] = (100000 << 2) | 2; });
  forge('point not a fixnum', (w) => { w[at + 1 + BUF_PT] = 0; });
  // The chain's first cell's car replaced by the chain itself (a cons, not a marker).
  forge('a cons in the marker chain', (w) => {
    const chain = w[at + 1 + BUF_MARKERS]!;
    const cell = (chain & ~7) >>> 2;
    // Relative pointers count words from the dump base, the file's start.
    w[cell] = chain;
  });
});

test('a dumped buffer carries a small gap, not the slack that growth left (image size follows the text)', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  // 2 MB of text inserted in 1 KB steps: growth by doubling leaves up to as much gap as text.
  run(rt, `(with-current-buffer (get-buffer-create "bt-big")
    (let ((s (make-string 1023 ?x))) (dotimes (_ 2048) (insert s "\\n")))
    (goto-char 1000) (insert "é") t)`);
  const file = join(mkdtempSync(join(tmpdir(), 'tsmacs-bt-')), 'big.pdmp');
  run(rt, `(progn (dump-emacs-portable ${JSON.stringify(file)}) t)`);
  const size = statSync(file).size;
  const empty = join(mkdtempSync(join(tmpdir(), 'tsmacs-bt-')), 'empty.pdmp');
  run(rt, `(progn (kill-buffer "bt-big") (dump-emacs-portable ${JSON.stringify(empty)}) t)`);
  const text = 2048 * 1024 + 2;
  assert.ok(size - statSync(empty).size < text + 8192, `${size - statSync(empty).size} bytes for ${text} bytes of text`);
  const r2 = loadDump(host, file, { seed: 0.37, heapBytes: 256 * 1024 * 1024 });
  assert.equal(run(r2, '(with-current-buffer "bt-big" (list (buffer-size) (char-after 1000) (progn (goto-char (point-max)) (insert "zz") (buffer-size)) (char-before)))'),
    `(${text - 1} 233 ${text + 1} 122)`);
  assert.deepEqual(verifyHeap(r2), []);
});

test('an indirect buffer and a unibyte buffer survive a dump and load: the text stays shared, positions per buffer', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, `(progn
    (with-current-buffer (get-buffer-create "bt-base")
      (insert (make-string 3000 ?a) "héllo")   ; a big gap, so the dump compacts the shared text
      (goto-char 2))
    (with-current-buffer (make-indirect-buffer "bt-base" "bt-ind")
      (goto-char 3000) (insert "XY") (narrow-to-region 2990 3005))
    (with-current-buffer (get-buffer-create "bt-uni")
      (set-buffer-multibyte nil) (insert "\\xff\\xe9é"))
    t)`), 't');
  checkAtBases(host, dumpWorld(rt, 'tsmacs-bt-', 'ind.pdmp'), [0.21, 0.77], (r2) => {
    assert.equal(run(r2, '(list (buffer-base-buffer (get-buffer "bt-ind")) (buffer-base-buffer (get-buffer "bt-base")))'), '(#<buffer bt-base> nil)');
    assert.equal(run(r2, '(with-current-buffer "bt-ind" (list (point) (point-min) (point-max) (buffer-substring 2998 3004)))'),
      '(3002 2990 3005 "aaXYah")');
    // Still shared: a change in either shows in both, positions of each follow.
    assert.equal(run(r2, '(progn (with-current-buffer "bt-base" (goto-char 1) (insert "é")) (with-current-buffer "bt-ind" (list (point) (point-min) (buffer-size) (buffer-substring 2999 3005))))'),
      '(3003 2991 3008 "aaXYah")');
    assert.equal(run(r2, '(progn (with-current-buffer "bt-ind" (goto-char (point-max)) (insert "!")) (with-current-buffer "bt-base" (list (point) (buffer-size) (buffer-substring 3004 3008))))'),
      '(2 3009 "hé!l")');
    assert.equal(run(r2, '(with-current-buffer "bt-uni" (list enable-multibyte-characters (mapcar (function identity) (buffer-string))))'), '(nil (255 233 233))');
    assert.equal(run(r2, '(progn (kill-buffer "bt-base") (list (get-buffer "bt-ind") (get-buffer "bt-base")))'), '(nil nil)');
  });
});
