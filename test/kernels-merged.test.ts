// The kernels' tests (test/kernels.test.ts) again with the walks merged into one function, as Bun's
// build compiles the module (src/dump/kernels.ts assemble(true), scripts/bun-kernels.mjs): the same
// checksums, refusals and relocated bytes as the JS loops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble, mergeWalksFromSource } from '../src/dump/kernels.ts';

mergeWalksFromSource(true);
await import('./kernels.test.ts');

test('the merged module has vall and the walks\' exports of the unmerged one', () => {
  const names = (bytes: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(Buffer.from(bytes))).map((e) => e.name);
  const merged = names(assemble(true));
  assert.ok(merged.includes('vall'));
  assert.deepEqual(merged.filter((n) => n !== 'vall'), names(assemble()));
});
