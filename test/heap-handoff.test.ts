// The launcher's heap memory (already read into) becomes the first heap of its size: dump region where it read, the rest zero.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Heap } from '../src/heap/heap.ts';
import { loadDump } from '../src/dump/loader.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { verifyHeap } from '../src/core/gc.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { jsString, list, makeString, xcar } from '../src/core/object.ts';
import { intern } from '../src/core/obarray.ts';
import { findSymbolValue, setInternal } from '../src/emacs/eval.ts';
import '../src/cli/main.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;
type Handoff = { memory: WebAssembly.Memory; at: number; used: number; taken?: boolean };
const g = globalThis as { __tsmacs_heap?: Handoff | null };

/** A launcher's hand-off: a heap-sized memory with USED bytes of garbage at AT. */
function handoff(bytes: number, at: number, used: number): Handoff {
  const memory = new WebAssembly.Memory({ initial: bytes / 65536, maximum: bytes / 65536, shared: true });
  new Uint8Array(memory.buffer, at, used).fill(0xa5);
  return { memory, at, used };
}

const zeroOutside = (u8: Uint8Array, from: number, to: number, keepFrom: number, keepTo: number): boolean => {
  for (let i = from; i < to; i++) if ((i < keepFrom || i >= keepTo) && u8[i] !== 0) return false;
  return true;
};

test('a dump region goes where the launcher read, and the garbage past it is cleared', () => {
  const h = handoff(64 * MB, 2 * MB + 8192, 300_000);
  g.__tsmacs_heap = h;
  try {
    const heap = new Heap({ bytes: 64 * MB, staticWords: 20_000, dumpWords: 50_000 });
    assert.equal(heap.memory, h.memory, 'the memory is taken');
    assert.equal(h.taken, true);
    assert.equal(heap.dumpBase << 2, h.at);
    // The dump region (200,000 bytes) will be overwritten by the read; everything after it is zero.
    assert.ok(zeroOutside(heap.u8, h.at, h.at + h.used, heap.dumpBase << 2, heap.dumpEnd << 2));
    // Taken once: the next heap of that size gets fresh memory.
    const next = new Heap({ bytes: 64 * MB, staticWords: 20_000, dumpWords: 50_000 });
    assert.notEqual(next.memory, h.memory);
  } finally {
    g.__tsmacs_heap = undefined;
  }
});

test('without a dump, or with the read below the static region, the launcher\'s bytes are all cleared', () => {
  for (const [dumpWords, at] of [[0, 2 * MB], [50_000, 4096]] as const) {
    const h = handoff(64 * MB, at, 300_000);
    g.__tsmacs_heap = h;
    try {
      const heap = new Heap({ bytes: 64 * MB, staticWords: 20_000, dumpWords, seed: 0.5 });
      assert.equal(heap.memory, h.memory);
      if (dumpWords > 0) assert.notEqual(heap.dumpBase << 2, at, 'a read below the static region is not used');
      assert.ok(zeroOutside(heap.u8, at, at + h.used, 0, 0), `dumpWords ${dumpWords}, at ${at}`);
    } finally {
      g.__tsmacs_heap = undefined;
    }
  }
});

test('a memory of another size is left alone', () => {
  const h = handoff(32 * MB, 2 * MB, 1000);
  g.__tsmacs_heap = h;
  try {
    const heap = new Heap({ bytes: 64 * MB, staticWords: 20_000, dumpWords: 1000 });
    assert.notEqual(heap.memory, h.memory);
    assert.equal(h.taken, undefined);
  } finally {
    g.__tsmacs_heap = undefined;
  }
});

test('a dump loaded into the launcher\'s memory loads as anywhere else, and its heap verifies', () => {
  const host = nodeHost();
  const file = join(mkdtempSync(join(tmpdir(), 'tsmacs-handoff-')), 'h.pdmp');
  const rt0 = createRuntime({ host, heapBytes: 64 * MB });
  setInternal(rt0, intern(rt0, 'handoff-probe'), list(rt0, makeString(rt0, 'kept')));
  dumpToFile(rt0, file, false, true);
  const h = handoff(64 * MB, 2 * MB + 4096, 1_500_000);
  g.__tsmacs_heap = h;
  try {
    const rt = loadDump(host, file, { heapBytes: 64 * MB });
    assert.equal(rt.heap.dumpBase << 2, h.at);
    assert.equal(jsString(rt, xcar(rt, findSymbolValue(rt, intern(rt, 'handoff-probe')))), 'kept');
    assert.deepEqual(verifyHeap(rt), []);
  } finally {
    g.__tsmacs_heap = undefined;
  }
});
