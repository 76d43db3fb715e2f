// A large object spanning several blocks, once freed, gives each of its blocks back exactly once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { allocString, cons, makeVector } from '../src/core/object.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { makeFixnum } from '../src/heap/tags.ts';
import { Qnil } from '../src/core/symbols.ts';

test('freeing a multi-block string lists its blocks once, so no two objects share a block', () => {
  const rt = createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });
  // Three blocks' worth of bytes, dropped at once.
  allocString(rt, 40000, 40000, false);
  collectGarbage(rt);
  const free = (rt.heap as unknown as { freeBlocks: number[] }).freeBlocks;
  assert.equal(new Set(free).size, free.length, 'each free block is listed once');
  // Refill: many small vectors and conses, kept, then a second collection.
  const sp = rt.sp;
  let keep = Qnil;
  for (let i = 0; i < 20000; i++) keep = cons(rt, makeVector(rt, 3, makeFixnum(i)), keep);
  rt.push(keep);
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
  rt.sp = sp;
});
