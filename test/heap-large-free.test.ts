// Regression test: freeing a large (multi-block) object must list each of its blocks once, or two later objects share a block.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { collectGarbage } from '../src/core/gc.ts';
import { BK_VECTOR } from '../src/heap/heap.ts';
import '../src/emacs/all.ts';

test('a freed large object gives its blocks back once each', () => {
  const rt = createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });
  // Three blocks' worth of words, referenced by nothing: the next collection frees it.
  rt.heap.alloc(BK_VECTOR, 3 * 4096 - 8);
  collectGarbage(rt);
  // Take every block the collection freed (and more: 2,700 blocks of the heap's 3,600, its bitmaps being in it) with
  // small objects: none may come out twice.
  const seen = new Set<number>();
  for (let i = 0; i < 6 * 4096; i++) {
    const wi = rt.heap.alloc(BK_VECTOR, 400);
    assert.ok(!seen.has(wi), `word ${wi} handed out twice`);
    seen.add(wi);
  }
});
