// Test support: fresh runtimes with the bundled Lisp loaded, and a host that captures output.

import '../../src/emacs/all.ts';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadDump } from '../../src/dump/loader.ts';
import { createRuntime } from '../../src/core/init.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import type { Host } from '../../src/host/host.ts';
import { nodeHost } from '../../src/host/node.ts';
import { list, makeString } from '../../src/core/object.ts';
import { DEFSYM, Qnil, Qt } from '../../src/core/symbols.ts';
import { funcall, setInternal } from '../../src/emacs/eval.ts';
import { initDelayedOptions, startFromImage } from '../../src/emacs/emacs.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** A Node host whose stdout and stderr are captured into strings. */
export function capturingHost(): Host & { out: () => string; err: () => string; reset: () => void } {
  const base = nodeHost();
  let out: Uint8Array[] = [];
  let err: Uint8Array[] = [];
  const dec = (parts: Uint8Array[]): string => Buffer.concat(parts).toString('utf8');
  return Object.assign(base, {
    // Standard input is at its end: tests must not read (or block on) the session's stdin,
    // which made the primitives fuzz depend on how npm test was started.
    readLine: () => null,
    write(fd: 1 | 2, bytes: Uint8Array) {
      (fd === 1 ? out : err).push(Uint8Array.from(bytes));
    },
    out: () => dec(out),
    err: () => dec(err),
    reset: () => {
      out = [];
      err = [];
    },
  });
}

/**
 * A runtime from scratch with lisp/ loaded the way loadup.el loads it (no dump), then started as
 * a start from source is (the options `custom-initialize-delay' put off get their values), unless
 * it is to be dumped (FOR-DUMP), as a real image is made.
 */
export function lispRuntime(host: Host = capturingHost(), opts: { seed?: number; forDump?: boolean } = {}): Runtime {
  const rt = createRuntime({ host, heapBytes: 256 * 1024 * 1024, seed: opts.seed });
  const dir = join(repoRoot, 'lisp');
  setInternal(rt, DEFSYM('load-path'), list(rt, makeString(rt, dir)));
  funcall(rt, DEFSYM('load'), [makeString(rt, join(dir, 'loadup.el')), Qnil, Qt]);
  rt.sp = 0;
  if (!opts.forDump) {
    initDelayedOptions(rt);
    rt.sp = 0;
  }
  return rt;
}

let dumpPath: string | null = null;

/** A dump of a loadup runtime, made once per test process. */
export function defaultTestDump(): string {
  if (dumpPath) return dumpPath;
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-dump-'));
  const path = join(dir, 'test.pdmp');
  const rt = lispRuntime(capturingHost(), { forDump: true });
  funcall(rt, DEFSYM('dump-emacs-portable'), [makeString(rt, path)]);
  dumpPath = path;
  return path;
}

/** A runtime started from the test dump, its regions placed by SEED. */
export function dumpedRuntime(seed: number, host: Host = capturingHost()): Runtime {
  const rt = loadDump(host, defaultTestDump(), { seed, heapBytes: 256 * 1024 * 1024 });
  startFromImage(rt);
  rt.sp = 0;
  return rt;
}
