// The collector's fast paths keep what the cell-by-cell ones kept: whole bitmap words of live conses and floats, free-list tails, heap statistics by population count.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { cons, makeFloat, xcar, xcdr, xfloat, makeVector, aref } from '../src/core/object.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { heapStatistics } from '../src/emacs/alloc.ts';
import { BK_CONS, BK_FLOAT } from '../src/heap/heap.ts';
import { POISON, fixnumValue, makeFixnum } from '../src/heap/tags.ts';
import { Qnil } from '../src/core/symbols.ts';

const fresh = () => createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });

/** Which of N cells a pattern keeps: whole runs of 64 (full bitmap words), a run with one gap, alternate cells. */
const keep = (i: number): boolean => {
  const run = Math.floor(i / 64) % 4;
  if (run === 0 || run === 1) return true; // two full words
  if (run === 2) return i % 64 !== 17; // a word with a single dead cell
  return i % 2 === 0;
};

test('conses and floats in fully live bitmap words survive, the dead ones between them are freed and reused', () => {
  const rt = fresh();
  const N = 20000;
  const keptConses: number[] = [];
  const keptFloats: number[] = [];
  const dead: number[] = [];
  // One root vector holds everything kept; the conses and floats themselves fill whole blocks.
  const holder = makeVector(rt, 2 * N, Qnil);
  rt.push(holder);
  const hb = ((holder & -8) >>> 2) + 1;
  for (let i = 0; i < N; i++) {
    const c = cons(rt, makeFixnum(i), makeFixnum(-i));
    const f = makeFloat(rt, i + 0.5);
    if (keep(i)) {
      rt.i32[hb + keptConses.length] = c;
      keptConses.push(c);
      rt.i32[hb + N + keptFloats.length] = f;
      keptFloats.push(f);
    } else dead.push(c);
  }
  for (let round = 0; round < 3; round++) {
    collectGarbage(rt);
    assert.deepEqual(verifyHeap(rt), []);
    keptConses.forEach((c, k) => {
      assert.equal(aref(rt, holder, k), c);
      assert.ok(fixnumValue(xcar(rt, c)) === -fixnumValue(xcdr(rt, c)));
    });
    keptFloats.forEach((f) => assert.equal(xfloat(rt, f) % 1, 0.5));
    if (round === 0) for (const c of dead) assert.equal(xcdr(rt, c), POISON);
  }
  // Every free cell is on the free lists, linked block to block: as many conses as the
  // statistics count free fit without a new block, each on a distinct cell, never a kept one,
  // every dead one among them.
  const freeConses = heapStatistics(rt).conses[1];
  const blocks = rt.heap.blockTop;
  const kept = new Set(keptConses);
  const fresh2: number[] = [];
  for (let i = 0; i < freeConses; i++) {
    const c = cons(rt, makeFixnum(7), Qnil);
    assert.ok(!kept.has(c), 'a live cons was handed out again');
    fresh2.push(c);
  }
  assert.equal(rt.heap.blockTop, blocks, 'a free cell was lost from the free lists');
  assert.equal(new Set(fresh2).size, fresh2.length, 'a free cell was handed out twice');
  const reused = new Set(fresh2);
  assert.ok(dead.every((c) => reused.has(c)), 'a dead cons was never reused');
  keptConses.forEach((c, k) => assert.equal(fixnumValue(xcar(rt, c)) + fixnumValue(xcdr(rt, c)), 0, `cons ${k}`));
});

test('heap statistics count conses and floats as the start bits say, cell by cell', () => {
  const rt = fresh();
  const holder = makeVector(rt, 5000, Qnil);
  rt.push(holder);
  for (let i = 0; i < 30000; i++) {
    const c = cons(rt, makeFixnum(i), Qnil);
    const f = makeFloat(rt, i);
    if (i % 7 === 0 && i / 7 < 2500) {
      rt.i32[((holder & -8) >>> 2) + 1 + i / 7] = c;
      rt.i32[((holder & -8) >>> 2) + 2501 + i / 7] = f;
    }
  }
  collectGarbage(rt);
  const h = rt.heap;
  const slow = (kind: number): [number, number] => {
    let used = 0;
    let free = 0;
    for (let b = 0; b < h.blockTop; b++) {
      if (h.blockInfo[b]! >>> 8 !== kind) continue;
      const base = h.blockBase + b * 4096;
      for (let g = 0; g < 2048; g++) (h.isStart(base + 2 * g) ? used++ : free++);
    }
    return [used, free];
  };
  const s = heapStatistics(rt);
  assert.deepEqual(s.conses, slow(BK_CONS));
  assert.deepEqual(s.floats, slow(BK_FLOAT));
  assert.ok(s.conses[0] >= 2500 && s.floats[0] >= 2500);
});
