// The builtin tables (symbols, primitives, variables, globals) and so the dump fingerprint do not depend on module import order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './support/runtime.ts';

/** In a fresh process, import MODULES in this order, then report the fingerprint and the tables' order. */
function probe(modules: string[]): { fingerprint: string; symbols: string; primitives: string; variables: string; globals: string } {
  const code = modules.map((m) => `await import('./${m}');`).join('\n') + `
const { fingerprint, fingerprintHex } = await import('./src/dump/format.ts');
const { SCALARS } = await import('./src/core/dump-hooks.ts');
const { BUILTIN_SYMBOLS } = await import('./src/core/symbols.ts');
const { PRIMITIVES, VARIABLES } = await import('./src/core/subr.ts');
const { GLOBAL_NAMES } = await import('./src/core/runtime.ts');
process.stdout.write(JSON.stringify({
  fingerprint: fingerprintHex(fingerprint(SCALARS.map((s) => s.name))),
  symbols: BUILTIN_SYMBOLS.join(' '),
  primitives: PRIMITIVES.map((p) => p.name).join(' '),
  variables: VARIABLES.map((v) => v.name).join(' '),
  globals: GLOBAL_NAMES.join(' '),
}));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the fingerprint and the builtin tables are the same whatever module is imported first', () => {
  const cli = probe(['src/cli/main.ts']);
  for (const first of [['src/emacs/all.ts'], ['src/emacs/print.ts'], ['src/emacs/search.ts', 'src/dump/loader.ts'], ['src/core/gc.ts', 'src/emacs/lread.ts']]) {
    const other = probe([...first, 'src/cli/main.ts']);
    assert.deepEqual(other, cli, `importing ${first.join(', ')} before src/cli/main.ts`);
  }
});

test('src/core/builtin-names.ts lists exactly what the CLI declares', () => {
  const r = spawnSync(process.execPath, ['scripts/builtin-names.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('no primitive or variable is declared twice: each start places the tables without a comparison sort', () => {
  // subr.ts sortBySym puts each entry in its symbol's slot, and falls back to a comparison sort
  // (about 1,000 comparator calls in the interpreter, every start) when two entries share a symbol.
  const { primitives, variables } = probe(['src/cli/main.ts']);
  for (const [what, names] of [['primitive', primitives], ['variable', variables]] as const) {
    const seen = new Set<string>();
    for (const n of names.split(' ')) {
      assert.ok(!seen.has(n), `${what} ${n} is declared twice`);
      seen.add(n);
    }
  }
});
