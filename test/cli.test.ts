// The CLI golden corpus: each case of test/cli/cases.txt run through runCli in-process must give GNU Emacs 28.2's stdout, stderr and exit status.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { capturingHost, defaultTestDump, repoRoot } from './support/runtime.ts';

interface CliCase {
  name: string;
  args: string[];
  stdin: string | null;
}

/** Parse cases.txt as scripts/record-cli.sh does. */
function parseCases(text: string): CliCase[] {
  const cases: CliCase[] = [];
  let cur: CliCase | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('== ')) {
      cur = { name: line.slice(3), args: [], stdin: null };
      cases.push(cur);
    } else if (line === '' || line.startsWith('#')) continue;
    else if (line.startsWith('<')) cur!.stdin = line.slice(1);
    else cur!.args.push(line);
  }
  return cases;
}

/**
 * Cases where GNU's output depends on its Lisp library being natively
 * compiled: compiled code calls primitives directly, so GNU shows no frames
 * inside those functions, while our interpreted library functions show the
 * calls they make.
 */
const KNOWN_FAILURES = new Map<string, string>([
  ['error-after-output', '`error` is interpreted Lisp here: its call to `signal` shows as an extra frame'],
  ['error-user-error', '`user-error` is interpreted Lisp here: its call to `signal` shows as an extra frame'],
  ['funcall-error', '`error` is interpreted Lisp here: its call to `signal` shows as an extra frame'],
  ['script-error', '`error` is interpreted Lisp here: its call to `signal` shows as an extra frame'],
]);

const expectedDir = join(repoRoot, 'test', 'cli', 'expected');
const cases = parseCases(readFileSync(join(repoRoot, 'test', 'cli', 'cases.txt'), 'utf8'));
const dump = defaultTestDump();

function runCase(c: CliCase): { out: string; err: string; code: number } {
  const host = capturingHost();
  const lines = c.stdin === null ? [] : readFileSync(join(repoRoot, c.stdin), 'utf8').split('\n');
  // A final newline ends the last line; it does not start another.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const getenv = host.getenv;
  Object.assign(host, {
    cwd: () => repoRoot,
    readLine: () => (lines.length ? lines.shift()! : null),
    getenv: (name: string) => (name === 'TSMACS_HEAP_MB' ? '128' : getenv(name)),
  });
  const args = c.args.includes('--script') ? c.args : ['--batch', '-Q', ...c.args];
  const code = runCli(['--dump-file', dump, ...args], host);
  const root = (s: string): string => s.split(repoRoot).join('@ROOT@');
  return { out: root(host.out()), err: root(host.err()), code };
}

for (const c of cases) {
  const known = KNOWN_FAILURES.get(c.name);
  test(`cli ${c.name}`, { todo: known }, () => {
    const got = runCase(c);
    const want = {
      out: readFileSync(join(expectedDir, `${c.name}.out`), 'utf8'),
      err: readFileSync(join(expectedDir, `${c.name}.err`), 'utf8'),
      code: Number(readFileSync(join(expectedDir, `${c.name}.code`), 'utf8').trim()),
    };
    assert.deepEqual(got, want);
  });
}

test('the known-failure list names only existing cases', () => {
  for (const name of KNOWN_FAILURES.keys()) assert.ok(cases.some((c) => c.name === name), name);
});
