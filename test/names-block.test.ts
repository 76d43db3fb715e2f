// The builtin names block as the build injects it (static.ts builtinNamesForBuild): its columns,
// packed as a fill value and exceptions when nearly all numbers are one, unpack to the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/cli/main.ts';
import { builtinNamesForBuild, packColumn, unpackColumn } from '../src/core/static.ts';
import { seededRandom } from './support/random.ts';

test('a packed names column unpacks to the numbers it was made from', () => {
  const rnd = seededRandom(11);
  const cases: number[][] = [[], [5], [-1, -1, -1], [32, 32, 0, 32], [1, 2, 3, 4, 5, 6]];
  for (let k = 0; k < 200; k++) {
    const n = rnd(300);
    const base = rnd(64) - 1;
    const odd = rnd(50); // percent of the numbers that differ from base
    cases.push(Array.from({ length: n }, () => (rnd(100) < odd ? rnd(100000) - 50 : base)));
  }
  for (const c of cases) {
    const packed = packColumn(Int32Array.from(c));
    assert.deepEqual([...unpackColumn(JSON.parse(JSON.stringify(packed)), c.length)], c);
  }
});

test("the CLI's names block unpacks to the columns computed from the table", () => {
  const b = builtinNamesForBuild();
  const n = b.at.length;
  assert.ok(n > 1000);
  const nchars = unpackColumn(b.nchars, n);
  const flags = unpackColumn(b.flags, n);
  assert.ok(!Array.isArray(b.nchars) && !Array.isArray(b.flags), 'both columns are packed');
  assert.equal(nchars.length, n);
  assert.equal(flags.length, n);
  // unbound (the third name) is the one symbol outside the obarray.
  assert.equal(flags[2], 0);
  assert.ok(flags[0]! !== 0 && flags.every((f, i) => i === 2 || f === flags[0]));
  assert.ok(nchars.every((c) => c === -1 || c > 0));
});
