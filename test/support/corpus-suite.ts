// The differential corpus from loadup, shared by test/corpus.test.ts and test/corpus-2.test.ts:
// every case's output must equal what GNU Emacs 28.2 recorded, byte for byte.
//
// test/corpus/known-failures.txt lists cases that may differ, each with its
// reason; a listed case that starts passing fails the test too, so the list
// only ever shrinks by a deliberate edit.
//
// Each case file starts a runtime of its own with a whole loadup, so the files are shared out
// between two test files, which the runner starts as two processes: under GC stress (CI's last
// stage) one process running them all was the stage's last 25 minutes, on one of the two cores.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lispRuntime, repoRoot } from './runtime.ts';
import { corpusCaseFiles, runCaseFile } from './corpus.ts';
import { verifyHeap } from '../../src/core/gc.ts';

const dir = join(repoRoot, 'test', 'corpus');

/** The known failures: `FILE:LINE` to the reason given. */
function knownFailures(): Map<string, string> {
  const known = new Map<string, string>();
  const knownPath = join(dir, 'known-failures.txt');
  if (!existsSync(knownPath)) return known;
  for (const line of readFileSync(knownPath, 'utf8').split('\n')) {
    const m = /^(\S+:\d+)\s+(.*)$/.exec(line.trim());
    if (m && !line.startsWith('#')) known.set(m[1]!, m[2]!);
  }
  return known;
}

/** Define a test for every PART-th of OF shares of the case files (alternate files, in name order). */
export function defineCorpusTests(part: number, of: number): void {
  const known = knownFailures();
  const files = corpusCaseFiles(dir, 'source').filter((_, i) => i % of === part);
  for (const file of files) {
    const expectedPath = join(dir, file.replace(/\.el$/, '.expected'));
    if (!existsSync(expectedPath)) continue;
    test(`corpus ${file}`, () => {
      const rt = lispRuntime();
      const got = runCaseFile(rt, readFileSync(join(dir, file)));
      const want = readFileSync(expectedPath, 'utf8').split('\n').filter((l) => l !== '');
      const failures: string[] = [];
      const unexpectedPasses: string[] = [];
      for (let i = 0; i < Math.max(got.length, want.length); i++) {
        const key = `${file}:${i + 1}`;
        const ok = got[i] === want[i];
        if (!ok && !known.has(key)) failures.push(`${key}\n  want: ${want[i]}\n  got:  ${got[i]}`);
        if (ok && known.has(key)) unexpectedPasses.push(key);
      }
      assert.deepEqual(verifyHeap(rt), [], 'heap verifies after the corpus');
      assert.equal(failures.length + unexpectedPasses.length, 0,
        `${failures.length} cases differ from GNU Emacs:\n${failures.slice(0, 40).join('\n')}` +
        (unexpectedPasses.length ? `\nNow passing, remove from known-failures.txt: ${unexpectedPasses.join(' ')}` : ''));
    });
  }
}
