// Bignums whose words are written late (makeBignum in src/core/object.ts): bit counting, the remembered values across collections, dumping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import { createRuntime } from '../src/core/init.ts';
import {
  bignumValue, bignump, cons, pvecSize, fixnumValue, magnitudeBits, makeBignum, makeInteger, settleBignum, setSymbolRawValue,
  symbolRawValue, xcar, xcdr,
} from '../src/core/object.ts';
import { Qnil } from '../src/core/symbols.ts';
import { intern } from '../src/core/obarray.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { loadDump } from '../src/dump/loader.ts';
import { sxhash } from '../src/emacs/fns.ts';

const host = nodeHost();
const HEAP = 64 * 1024 * 1024;

test('magnitudeBits counts exactly, with or without a bound, near every power of two', () => {
  const check = (m: bigint): void => {
    const want = m.toString(2).length;
    assert.equal(magnitudeBits(m), want, `bits of ${m.toString(16)}`);
    for (const slack of [0, 1, 31, 500, 959, 960, 961, 5000]) assert.equal(magnitudeBits(m, want + slack), want, `bound +${slack}`);
  };
  for (let k = 1; k <= 4200; k += k < 1100 ? 1 : 7)
    for (const d of [-1n, 0n, 1n]) {
      const m = (1n << BigInt(k)) + d;
      if (m > 0n) check(m);
    }
  // Doubles round 2^k - small up to 2^k: the count must not follow them.
  for (const k of [54, 64, 100, 1000, 1023, 1024, 2000]) check((1n << BigInt(k)) - (1n << BigInt(k - 60)));
  let x = 1n;
  for (let i = 0; i < 300; i++) {
    x = x * 0x9e3779b97f4a7c15n + BigInt(i);
    check(x);
  }
});

test('a bignum made from a bigint is written out only when read, and keeps its value through collections', () => {
  const rt = createRuntime({ host, heapBytes: HEAP, seed: 0.5 });
  const n = 3n ** 500n;
  const holder = intern(rt, 'bignum-test-holder');
  const v = makeInteger(rt, -n);
  setSymbolRawValue(rt, holder, v);
  assert.ok(bignump(rt, v));
  // Pending: its sign slot is -2 until something needs the words.
  assert.equal(fixnumValue(rt.i32[((v & -8) >>> 2) + 1]!), -2);
  // Garbage bignums are forgotten by the collection that frees them; the live one is kept.
  for (let i = 0; i < 50; i++) makeBignum(rt, n + BigInt(i));
  assert.equal(rt.bignumValues.size, 51);
  collectGarbage(rt);
  assert.equal(rt.bignumValues.size, 1);
  assert.deepEqual(verifyHeap(rt), []);
  assert.equal(bignumValue(rt, symbolRawValue(rt, holder)), -n);
  // Its hash is that of the same value read from words.
  const h = sxhash(rt, v);
  assert.equal(fixnumValue(rt.i32[((v & -8) >>> 2) + 1]!), -1);
  rt.bignumValues.clear();
  assert.equal(bignumValue(rt, v), -n, 'the words written agree with the value');
  const w = makeBignum(rt, -n);
  assert.equal(sxhash(rt, w), h);
  settleBignum(rt, w);
  for (let i = 1; i <= pvecSize(rt, v); i++)
    assert.equal(rt.i32[((v & -8) >>> 2) + i], rt.i32[((w & -8) >>> 2) + i], `word ${i}`);
});

test('bignums made since the last collection are dumped with their words', () => {
  const rt = createRuntime({ host, heapBytes: HEAP, seed: 0.75 });
  const values = [2n ** 100n + 7n, -(7n ** 300n), 10n ** 1000n, 2n ** 64n, -(2n ** 64n) + 1n, 2n ** 4096n - 1n];
  let l = Qnil;
  for (const x of values) l = cons(rt, makeInteger(rt, x), l);
  setSymbolRawValue(rt, intern(rt, 'bignum-test-list'), l);
  const file = join(mkdtempSync(join(tmpdir(), 'tsmacs-bignum-')), 'b.pdmp');
  dumpToFile(rt, file, false, true);
  const r2 = loadDump(host, file, { heapBytes: HEAP });
  const got: bigint[] = [];
  for (let p = symbolRawValue(r2, intern(r2, 'bignum-test-list')); p !== Qnil; p = xcdr(r2, p)) got.unshift(bignumValue(r2, xcar(r2, p)));
  assert.deepEqual(got, values);
  assert.equal(r2.bignumValues.size, 5, 'read values are remembered (those wider than two words)');
  assert.deepEqual(verifyHeap(r2), []);
});
