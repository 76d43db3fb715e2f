// The reader/printer fuzz, bounded: generated inputs read, print and read back equal wherever GNU's do, with no JS exception (scripts/reader-fuzz.ts runs a million, and against GNU).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lispRuntime } from './support/runtime.ts';
import { fuzzInput, fuzzOne, inputForm } from './support/reader-fuzz.ts';
import { intern } from '../src/core/obarray.ts';
import { funcall } from '../src/emacs/eval.ts';

test('reader fuzz: 4,000 inputs, no JS exception, every round trip GNU makes', () => {
  const rt = lispRuntime();
  const gc = intern(rt, 'garbage-collect');
  const counts = new Map<string, number>();
  for (let n = 0; n < 4000; n++) {
    const input = fuzzInput(7, n);
    const r = fuzzOne(rt, input);
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    if (r.kind === 'mismatch' || r.kind === 'js-exception') assert.fail(`input ${n} ${inputForm(input)}: ${r.kind}: ${r.detail}`);
    if (n % 1000 === 999) funcall(rt, gc, []);
  }
  // The generator must reach every outcome, or the test proves little.
  for (const k of ['read-error', 'round-trip', 'no-round-trip-as-gnu']) assert.ok((counts.get(k) ?? 0) > 100, `${k}: ${counts.get(k)}`);
});
