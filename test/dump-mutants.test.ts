// A bounded run of scripts/dump-mutants.mjs: 300 damaged dumps of six kinds and 30 forged ones, none may crash, hang or load wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('damaged and forged dumps: each refused with its message or provably the same world', () => {
  const script = join(import.meta.dirname, '..', 'scripts', 'dump-mutants.mjs');
  // The full run (10,000 per kind) is by hand: node scripts/dump-mutants.mjs
  const r = spawnSync(process.execPath, [script, '--count', '50', '--content', '30', '--jobs', '1', '--seed', '8'],
    { encoding: 'utf8', timeout: 240_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /^330 passed, 0 failed$/m);
  // Every required kind was judged, and refusals came with their messages.
  for (const kind of ['bitflip', 'truncate', 'header', 'sections', 'reloc', 'starts', 'content'])
    assert.match(r.stdout, new RegExp(`^${kind} `, 'm'));
  assert.match(r.stdout, /bad-relocation \(exit 12\)/);
  assert.match(r.stdout, /checksum \(exit 9\)/);
});
