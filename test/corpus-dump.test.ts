// The corpus from a dump: output identical to a runtime that ran loadup, at two different load bases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dumpedRuntime, lispRuntime, repoRoot } from './support/runtime.ts';
import { runCaseFile } from './support/corpus.ts';
import { verifyHeap } from '../src/core/gc.ts';

const dir = join(repoRoot, 'test', 'corpus');

test('the two test bases really differ', () => {
  const a = dumpedRuntime(0.11);
  const b = dumpedRuntime(0.83);
  assert.notEqual(a.heap.dumpBase, b.heap.dumpBase);
  assert.notEqual(a.heap.staticBase, b.heap.staticBase);
});

for (const file of readdirSync(dir).filter((f) => f.endsWith('.el')).sort()) {
  test(`corpus ${file} from a dump equals loadup`, () => {
    const text = readFileSync(join(dir, file));
    const fromLoadup = runCaseFile(lispRuntime(), text);
    for (const seed of [0.11, 0.83]) {
      const rt = dumpedRuntime(seed);
      const fromDump = runCaseFile(rt, text);
      assert.deepEqual(fromDump, fromLoadup, `seed ${seed}`);
      assert.deepEqual(verifyHeap(rt), []);
    }
  });
}
