// Test support: fresh runtimes with the bundled Lisp loaded, and a host that captures output.

import '../../src/emacs/all.ts';
import { join } from 'node:path';
import { createRuntime } from '../../src/core/init.ts';
import type { Runtime } from '../../src/core/runtime.ts';
import type { Host } from '../../src/host/host.ts';
import { nodeHost } from '../../src/host/node.ts';
import { list, makeString } from '../../src/core/object.ts';
import { DEFSYM, Qnil, Qt } from '../../src/core/symbols.ts';
import { funcall, setInternal } from '../../src/emacs/eval.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** A Node host whose stdout and stderr are captured into strings. */
export function capturingHost(): Host & { out: () => string; err: () => string; reset: () => void } {
  const base = nodeHost();
  let out: Uint8Array[] = [];
  let err: Uint8Array[] = [];
  const dec = (parts: Uint8Array[]): string => Buffer.concat(parts).toString('utf8');
  return Object.assign(base, {
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

/** A runtime from scratch with lisp/ loaded the way loadup.el loads it (no dump). */
export function lispRuntime(host: Host = capturingHost(), opts: { seed?: number } = {}): Runtime {
  const rt = createRuntime({ host, heapBytes: 256 * 1024 * 1024, seed: opts.seed });
  const dir = join(repoRoot, 'lisp');
  setInternal(rt, DEFSYM('load-path'), list(rt, makeString(rt, dir)));
  funcall(rt, DEFSYM('load'), [makeString(rt, join(dir, 'loadup.el')), Qnil, Qt]);
  rt.sp = 0;
  return rt;
}
