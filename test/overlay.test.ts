// Overlays as heap objects: they survive collection and a dump, and a dump with a forged overlay is refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { runLisp } from './support/dump-world.ts';
import { DumpLoadError, loadDump } from '../src/dump/loader.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { OVERLAY_END, OVERLAY_SLOTS, OVERLAY_START, PVEC_OVERLAY, PVEC_TYPE_SHIFT, PVEC_SIZE_MASK } from '../src/heap/layout.ts';
import { H_CHECKSUM, checksum } from '../src/dump/format.ts';

const run = runLisp;

const WORLD = `(progn
  (defvar ot-o1 nil) (defvar ot-o2 nil)
  (with-current-buffer (get-buffer-create "ot-dumped")
    (insert "hello world")
    (setq ot-o1 (make-overlay 2 5 nil t nil) ot-o2 (make-overlay 7 7))
    (overlay-put ot-o1 'face 'bold))
  t)`;

test('overlays survive a collection and a dump, still following the text', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  assert.equal(run(rt, WORLD), 't');
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
  const file = join(mkdtempSync(join(tmpdir(), 'tsmacs-ot-')), 'world.pdmp');
  assert.equal(run(rt, `(progn (dump-emacs-portable ${JSON.stringify(file)}) t)`), 't');
  for (const seed of [0.2, 0.7]) {
    const r2 = loadDump(host, file, { seed, heapBytes: 256 * 1024 * 1024 });
    assert.equal(run(r2, '(with-current-buffer "ot-dumped" (goto-char 2) (insert "XY") (list ot-o1 ot-o2 (get-char-property 5 \'face) (length (overlays-in 1 20))))'),
      '(#<overlay from 4 to 7 in ot-dumped> #<overlay from 9 to 9 in ot-dumped> bold 2)');
    collectGarbage(r2);
    assert.deepEqual(verifyHeap(r2), []);
  }
});

test('a dump whose overlay has a non-marker end, ends out of order, or the wrong size is refused', () => {
  const host = capturingHost();
  const rt = lispRuntime(host);
  run(rt, WORLD);
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-ot-'));
  const file = join(dir, 'world.pdmp');
  run(rt, `(progn (dump-emacs-portable ${JSON.stringify(file)}) t)`);
  const good = readFileSync(file);
  const words = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
  const w0 = words(good);
  const ats: number[] = [];
  for (let i = 0; i < w0.length; i++)
    if (w0[i]! >>> PVEC_TYPE_SHIFT === PVEC_OVERLAY && (w0[i]! & PVEC_SIZE_MASK) === OVERLAY_SLOTS) ats.push(i);
  // Scan hits that are not headers are possible; the first overlay of two with marker-looking ends is ours.
  const at = ats.find((i) => (w0[i + 1 + OVERLAY_START]! & 7) === 5 && (w0[i + 1 + OVERLAY_END]! & 7) === 5);
  assert.ok(at !== undefined, 'an overlay is in the file');
  const forge = (what: string, edit: (w: Int32Array) => void): void => {
    const b = new Uint8Array(good);
    const w = words(b);
    edit(w);
    w[H_CHECKSUM] = checksum(w, 0, w.length, H_CHECKSUM);
    const f = join(dir, 'forged.pdmp');
    writeFileSync(f, b);
    assert.throws(() => loadDump(host, f, { heapBytes: 64 * 1024 * 1024 }), (e: unknown) => e instanceof DumpLoadError, what);
  };
  const ok = join(dir, 'ok.pdmp');
  writeFileSync(ok, good);
  loadDump(host, ok, { heapBytes: 64 * 1024 * 1024 });
  forge('an end that is a fixnum', (w) => { w[at! + 1 + OVERLAY_START] = (3 << 2) | 2; });
  forge('an end that is the overlay itself', (w) => { w[at! + 1 + OVERLAY_END] = (at! << 2) | 5; });
  forge('ends swapped', (w) => {
    const s = w[at! + 1 + OVERLAY_START]!;
    w[at! + 1 + OVERLAY_START] = w[at! + 1 + OVERLAY_END]!;
    w[at! + 1 + OVERLAY_END] = s;
  });
});
