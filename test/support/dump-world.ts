// Tests that build a Lisp world, dump it and check it again after loading it at other bases share these two steps.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Host } from '../../src/host/host.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import { makeString } from '../../src/core/object.ts';
import { Qt } from '../../src/core/symbols.ts';
import { collectGarbage, verifyHeap } from '../../src/core/gc.ts';
import { loadDump } from '../../src/dump/loader.ts';
import { evalTop } from '../../src/emacs/eval.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToJs } from '../../src/emacs/print.ts';

/** Read SRC, evaluate it at top level with lexical binding and give its value printed with prin1; the stack is emptied after. */
export function runLisp(rt: Runtime, src: string): string {
  const form = readFromString(rt, makeString(rt, src)).obj;
  rt.push(form);
  const v = evalTop(rt, form, Qt);
  rt.sp = 0;
  return prin1ToJs(rt, v, true);
}

/** Dump RT's world with dump-emacs-portable into a fresh temporary folder (its name starting PREFIX) and give the file. */
export function dumpWorld(rt: Runtime, prefix: string, name = 'world.pdmp'): string {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), name);
  assert.equal(runLisp(rt, `(progn (dump-emacs-portable ${JSON.stringify(file)}) t)`), 't');
  return file;
}

/**
 * Load FILE once per seed (each seed picks another load base), call CHECK on
 * the loaded runtime, then collect garbage and check that the heap verifies:
 * what survived the dump must also survive a collection after it.
 */
export function checkAtBases(host: Host, file: string, seeds: number[], check: (loaded: Runtime, seed: number) => void): void {
  for (const seed of seeds) {
    const loaded = loadDump(host, file, { seed, heapBytes: 256 * 1024 * 1024 });
    check(loaded, seed);
    collectGarbage(loaded);
    assert.deepEqual(verifyHeap(loaded), [], `seed ${seed}`);
  }
}
