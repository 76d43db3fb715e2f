// The collector's WebAssembly marker and sweeper (src/core/gc-kernel.ts) leave the heap exactly as the JS ones do.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturingHost, dumpedRuntime } from './support/runtime.ts';
import { evalPrint } from './support/eval.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { collectGarbage, useJsCollector, verifyHeap } from '../src/core/gc.ts';
import { gcModuleBytes, storedModuleBytes } from '../src/core/gc-kernel.ts';
import { BK_FLOAT, BLOCK_SHIFT } from '../src/heap/heap.ts';

test('the stored module is the one the assembler makes', () => {
  assert.deepEqual(Array.from(storedModuleBytes()), Array.from(gcModuleBytes()));
});

// Every kind of object the marker traces, garbage among them, a vector of 150,000 fresh objects
// (more than the kernel's mark stack holds, so it spills), weak tables, finalizers, buffers with
// markers that die and markers that stay.
const PROGRAM = `(progn
  (defvar gk-keep nil)
  (defvar gk-weak (make-hash-table :weakness 'key :test 'eq))
  (defvar gk-strong (make-hash-table :test 'equal))
  (defvar gk-big (make-vector 150000 nil))
  (defun gk-garbage (n) (let (l) (dotimes (i n) (push (list i (format "s%d" i) (* i 1.5) (make-vector 3 i)) l)) nil))
  (dotimes (i 150000) (aset gk-big i (if (= 0 (% i 3)) (cons i i) (if (= 1 (% i 3)) (format "%d" i) (vector i)))))
  (gk-garbage 20000)
  (dotimes (i 3000) (puthash (format "k%d" i) (list i) gk-strong)
                    (puthash (if (= 0 (% i 2)) (list i) (car (push (list i) gk-keep))) i gk-weak))
  (push (make-finalizer (lambda () (push 'ran gk-keep))) gk-keep)
  (make-finalizer (lambda () (push 'dead-ran gk-keep)))
  (push (* 3 (expt 10 40)) gk-keep)
  (push (make-bool-vector 100 t) gk-keep)
  (push (make-symbol "gk-uninterned") gk-keep)
  (push (propertize "with props" 'face 'bold) gk-keep)
  (with-current-buffer (get-buffer-create "gk-buf")
    ;; Without undo: a change to a buffer keeping undo starts undo-auto's timer, whose time
    ;; differs between the two runs.
    (buffer-disable-undo)
    (insert (make-string 50000 ?x))
    (push (point-marker) gk-keep)
    (dotimes (_ 100) (copy-marker 10)))
  (let ((b (generate-new-buffer "gk-dead"))) (with-current-buffer b (buffer-disable-undo) (insert "dead text")) (kill-buffer b))
  (garbage-collect)
  (gk-garbage 5000)
  (setq gk-big (vconcat (seq-take gk-big 1000)))
  (garbage-collect)
  (list (hash-table-count gk-weak) (hash-table-count gk-strong) (length gk-keep) (memq 'dead-ran gk-keep)))`;

/** The heap's blocks as the collector leaves them: kinds, start bits, free lists, and every word but floats'. */
function snapshot(rt: Runtime): { info: number[]; starts: number[]; free: number[]; words: number[] } {
  const h = rt.heap;
  const words: number[] = [];
  for (let b = 0; b < h.blockTop; b++) {
    if (h.blockInfo[b]! >>> 8 === BK_FLOAT) continue; // gc-elapsed's floats hold times
    const base = h.blockBase + (b << BLOCK_SHIFT);
    words.push(...h.i32.subarray(base, base + (1 << BLOCK_SHIFT)));
  }
  const g0 = h.blockBase >>> 1;
  const g1 = (h.blockBase + (h.blockTop << BLOCK_SHIFT)) >>> 1;
  return {
    info: Array.from(h.blockInfo.subarray(0, h.blockTop)),
    starts: Array.from(h.startBits.subarray(g0 >>> 5, g1 >>> 5)),
    free: Array.from(h.freeList),
    words,
  };
}

test('the WebAssembly collector keeps, frees and poisons what the JS one does', () => {
  const results: string[] = [];
  const snaps: ReturnType<typeof snapshot>[] = [];
  for (const js of [true, false]) {
    useJsCollector(js);
    try {
      const rt = dumpedRuntime(0.375, capturingHost());
      results.push(evalPrint(rt, PROGRAM));
      rt.sp = 0;
      collectGarbage(rt);
      assert.deepEqual(verifyHeap(rt), []);
      // No mark bit is left anywhere.
      assert.equal(rt.heap.markBits.findIndex((w) => w !== 0), -1);
      snaps.push(snapshot(rt));
    } finally {
      useJsCollector(false);
    }
  }
  assert.equal(results[1], results[0]);
  assert.match(results[0]!, /^\(1500 3000 15\d\d/);
  const [a, b] = snaps as [ReturnType<typeof snapshot>, ReturnType<typeof snapshot>];
  assert.deepEqual(b.info, a.info);
  assert.deepEqual(b.free, a.free);
  assert.ok(b.starts.every((w, i) => w === a.starts[i]), 'start bits differ');
  assert.equal(b.words.length, a.words.length);
  const diff = b.words.findIndex((w, i) => w !== a.words[i]);
  assert.equal(diff, -1, `block word ${diff} differs`);
});
