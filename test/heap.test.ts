// The heap, the allocator and the collector: objects survive while rooted, are poisoned when not, and the verifier agrees.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import {
  cons, makeFloat, makeString, makeVector, xcar, xcdr, xfloat, jsString, list, listToArray, makeInteger, integerValue,
  makeSymbol, symbolName, aref, makeBignum,
} from '../src/core/object.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { intern } from '../src/core/obarray.ts';
import { POISON, fixnumValue, makeFixnum } from '../src/heap/tags.ts';
import { Qnil, Qt } from '../src/core/symbols.ts';

const fresh = (seed?: number) => createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024, seed });

test('nil is word 0 and t a constant, wherever the static region lands', () => {
  for (const seed of [0.1, 0.7]) {
    const rt = fresh(seed);
    assert.equal(intern(rt, 'nil'), Qnil);
    assert.equal(intern(rt, 't'), Qt);
    assert.equal(jsString(rt, symbolName(rt, Qt)), 't');
  }
  assert.notEqual(fresh(0.1).heap.staticBase, fresh(0.7).heap.staticBase);
});

test('rooted objects survive a collection, unrooted ones are poisoned', () => {
  const rt = fresh();
  const kept = list(rt, makeFixnum(1), makeString(rt, 'héllo'), makeFloat(rt, 2.5), makeVector(rt, 3, Qt));
  const lost = cons(rt, makeFixnum(7), Qnil);
  rt.push(kept);
  collectGarbage(rt);
  const items = listToArray(rt, kept);
  assert.equal(fixnumValue(items[0]!), 1);
  assert.equal(jsString(rt, items[1]!), 'héllo');
  assert.equal(xfloat(rt, items[2]!), 2.5);
  assert.equal(aref(rt, items[3]!, 2), Qt);
  assert.equal(xcar(rt, lost) & 7, 1, "a freed cell holds only tag-1 words");
  assert.equal(xcdr(rt, lost), POISON);
  assert.deepEqual(verifyHeap(rt), []);
});

test('freed cells are reused and a long list survives many collections', () => {
  const rt = fresh();
  let l = Qnil;
  rt.push(Qnil);
  for (let i = 0; i < 50000; i++) {
    l = cons(rt, makeFixnum(i), l);
    rt.stack[0] = l;
    if (i % 10000 === 0) collectGarbage(rt);
    cons(rt, makeFixnum(-1), Qnil); // garbage
  }
  collectGarbage(rt);
  let n = 0;
  for (let p = l; p !== Qnil; p = xcdr(rt, p)) n++;
  assert.equal(n, 50000);
  assert.deepEqual(verifyHeap(rt), []);
});

test('large vectors and bignums', () => {
  const rt = fresh();
  const v = makeVector(rt, 100000, makeFixnum(3));
  const b = makeBignum(rt, 2n ** 100n + 5n);
  rt.push(v);
  rt.push(b);
  makeVector(rt, 50000, Qnil); // garbage, large
  collectGarbage(rt);
  assert.equal(fixnumValue(aref(rt, v, 99999)), 3);
  assert.equal(integerValue(rt, b), 2n ** 100n + 5n);
  assert.equal(integerValue(rt, makeInteger(rt, -(2n ** 40n))), -(2n ** 40n));
  assert.deepEqual(verifyHeap(rt), []);
});

test('the verifier notices a dangling pointer', () => {
  const rt = fresh();
  const c = cons(rt, makeFixnum(1), Qnil);
  const holder = cons(rt, c, Qnil);
  rt.push(holder);
  const sym = makeSymbol(rt, makeString(rt, 'x'));
  void sym;
  // Free c behind the holder's back: unroot everything, collect, re-root the stale holder.
  rt.sp = 0;
  collectGarbage(rt);
  rt.push(holder);
  assert.ok(verifyHeap(rt).length > 0);
});
