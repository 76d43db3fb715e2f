// ERT test files (test/ert/*.el) run under tsmacs must give, test by test, the results GNU Emacs 28.2 gave.
//
// Each file is run as `tsmacs --batch -l ert -l FILE -f ert-run-tests-batch-and-exit`
// (in-process, from the test dump); each test's result line (`passed NAME`, `FAILED NAME`...),
// the summary line `Ran N tests, N results as expected, N unexpected[, N skipped]` and the
// exit status are compared with FILE.expected, recorded from GNU by scripts/record-ert.sh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { capturingHost, defaultTestDump, repoRoot } from './support/runtime.ts';

/** Files that may differ from GNU for now, with the reason. */
const KNOWN_FAILURES = new Map<string, string>([
  // ['pcase-tests', 'pcase.el is not written yet'],
]);

export interface ErtCounts {
  ran: number;
  expected: number;
  unexpected: number;
  skipped: number;
  exit: number;
}

/** Parse the summary line of an ERT batch run; null when there is none. */
export function parseErtSummary(stderr: string, exit: number): ErtCounts | null {
  const m = /^(?:Aborted: )?Ran (\d+) tests?, (\d+) results? as expected, (\d+) unexpected(?:, (\d+) skipped)?/m.exec(stderr);
  if (!m) return null;
  return { ran: +m[1]!, expected: +m[2]!, unexpected: +m[3]!, skipped: m[4] ? +m[4] : 0, exit };
}

export function parseExpected(text: string): ErtCounts {
  const get = (k: string): number => {
    const m = new RegExp(`\\b${k}=(\\d+)`).exec(text);
    if (!m) throw new Error(`no ${k}= in ${JSON.stringify(text)}`);
    return +m[1]!;
  };
  return { ran: get('ran'), expected: get('expected'), unexpected: get('unexpected'), skipped: get('skipped'), exit: get('exit') };
}

/** Each test's result and name from an ERT batch report (`   passed   1/23  NAME (0.01 sec)`), in order. */
export function parseErtResults(stderr: string): string[] {
  return [...stderr.matchAll(/^ +([A-Za-z]+) +\d+\/\d+  (\S+)(?: \(.*)?$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

/** The per-test lines of an .expected file: every line after the counts. */
const expectedResults = (text: string): string[] => text.split('\n').slice(1).filter((l) => l !== '');

const dir = join(repoRoot, 'test', 'ert');
const files = readdirSync(dir).filter((f) => f.endsWith('.el')).sort();

test('parseErtResults reads each test result line of GNU batch reports', () => {
  assert.deepEqual(parseErtResults('Running 3 tests\n   passed   1/3  a-test (0.000104 sec)\n  skipped   2/3  b (0.1 sec)\n   FAILED  3/3  c-d\nRan 3 tests'),
    ['passed a-test', 'skipped b', 'FAILED c-d']);
});

test('parseErtSummary reads GNU summary lines', () => {
  assert.deepEqual(parseErtSummary('x\nRan 3 tests, 2 results as expected, 1 unexpected (2024-01-01 00:00:00+0000, 0.1 sec)\n', 1),
    { ran: 3, expected: 2, unexpected: 1, skipped: 0, exit: 1 });
  assert.deepEqual(parseErtSummary('Ran 5 tests, 4 results as expected, 0 unexpected, 1 skipped (d, 0.1 sec)\n', 0),
    { ran: 5, expected: 4, unexpected: 0, skipped: 1, exit: 0 });
  assert.equal(parseErtSummary('nothing', 2), null);
});

for (const file of files) {
  const name = file.replace(/\.el$/, '');
  const expPath = join(dir, `${name}.expected`);
  test(`ert ${name}`, () => {
    assert.ok(existsSync(expPath), `${name}.expected is missing: run scripts/record-ert.sh ${name}`);
    const expectedText = readFileSync(expPath, 'utf8');
    const want = parseExpected(expectedText);
    const host = capturingHost();
    const getenv = host.getenv;
    Object.assign(host, {
      cwd: () => repoRoot,
      getenv: (n: string) => (n === 'TZ' ? 'UTC' : getenv(n)),
    });
    const code = runCli(['--dump-file', defaultTestDump(), '--batch', '-l', 'ert', '-l', join('test', 'ert', file),
      '-f', 'ert-run-tests-batch-and-exit'], host);
    const got = parseErtSummary(host.err(), code);
    const known = KNOWN_FAILURES.get(name);
    const results = parseErtResults(host.err());
    const ok = got !== null && JSON.stringify(got) === JSON.stringify(want) &&
      JSON.stringify(results) === JSON.stringify(expectedResults(expectedText));
    if (known !== undefined) {
      assert.ok(!ok, `${name} now matches GNU: remove it from KNOWN_FAILURES (${known})`);
      return;
    }
    assert.ok(got !== null, `no ERT summary; stderr:\n${host.err().slice(-3000)}`);
    assert.deepEqual(results, expectedResults(expectedText), 'results test by test');
    assert.deepEqual(got, want, `stderr:\n${host.err().slice(-6000)}`);
  });
}
