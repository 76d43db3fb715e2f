// The corpus from a dump: output identical to a runtime that ran loadup, at two different load bases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { dumpedRuntime, lispRuntime, repoRoot } from './support/runtime.ts';
import { corpusCaseFiles, runCaseFile } from './support/corpus.ts';
import { verifyHeap } from '../src/core/gc.ts';

const dir = join(repoRoot, 'test', 'corpus');

test('the two test bases really differ', () => {
  const a = dumpedRuntime(0.11);
  const b = dumpedRuntime(0.83);
  assert.notEqual(a.heap.dumpBase, b.heap.dumpBase);
  assert.notEqual(a.heap.staticBase, b.heap.staticBase);
});

for (const file of corpusCaseFiles(dir, 'dump')) {
  test(`corpus ${file} from a dump equals loadup`, () => {
    const text = readFileSync(join(dir, file));
    // corpus.test.ts holds loadup's output to GNU's recording; where the two agree
    // that recording stands for loadup's output, and loadup need not run again.
    const expectedPath = join(dir, file.replace(/\.el$/, '.expected'));
    const known = readFileSync(join(dir, 'known-failures.txt'), 'utf8').includes(`${file}:`);
    const fromLoadup = existsSync(expectedPath) && !known
      ? readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== '')
      : runCaseFile(lispRuntime(), text);
    for (const seed of [0.11, 0.83]) {
      const rt = dumpedRuntime(seed);
      const fromDump = runCaseFile(rt, text);
      assert.deepEqual(fromDump, fromLoadup, `seed ${seed}`);
      assert.deepEqual(verifyHeap(rt), []);
    }
  });
}
