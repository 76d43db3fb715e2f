// The deferred payload (format 6): a large buffer text is read at its first use, checked then, and a damaged one ends the session as a damaged dump.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { dumpWorld, runLisp } from './support/dump-world.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { DumpLoadError, loadDump } from '../src/dump/loader.ts';
import {
  DEFERRED_MIN_BYTES, H_COLD_END, H_CHECKSUM, H_DEFER_START, H_STARTS_COUNT, H_STARTS_OFFSET, sealChecksum,
} from '../src/dump/format.ts';
import { STR_DATA, STR_NBYTES, STR_NCHARS } from '../src/heap/layout.ts';
import type { Host } from '../src/host/host.ts';

const WORLD = `(progn
  (with-current-buffer (get-buffer-create "big")
    (insert (make-string 700000 ?x) "middle" (make-string 700000 ?y)))
  (with-current-buffer (get-buffer-create "small") (insert "small text"))
  t)`;
const BIG = '(with-current-buffer "big" (list (buffer-size) (buffer-substring 700001 700007) (char-after 1) (char-before (point-max))))';
const BIG_VALUE = '(1400006 "middle" 120 121)';

class Exited extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/** A capturing host whose exit throws, so that a test sees the status a damaged payload ends with. */
function exitingHost(): ReturnType<typeof capturingHost> {
  const host = capturingHost();
  host.exit = (code: number): never => {
    throw new Exited(code);
  };
  return host;
}

const rt0 = lispRuntime(capturingHost());
assert.equal(runLisp(rt0, WORLD), 't');
const file = dumpWorld(rt0, 'tsmacs-deferred-');
const good = new Uint8Array(readFileSync(file));
const words = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
const gw = words(good);
const deferStart = gw[H_DEFER_START]!;
const coldEnd = gw[H_COLD_END]!;

/** A copy of the dump with EDIT applied to its words, re-sealed if asked, written next to it. */
function variant(name: string, edit: (w: Int32Array, b: Uint8Array) => void, seal: boolean): string {
  const b = Uint8Array.from(good);
  const w = words(b);
  edit(w, b);
  if (seal) w[H_CHECKSUM] = sealChecksum(w);
  const path = `${file}.${name}`;
  writeFileSync(path, b);
  return path;
}

test('a large buffer text goes to the deferred payload, at the cold section\'s end', () => {
  assert.ok(coldEnd - deferStart >= DEFERRED_MIN_BYTES, `payload ${coldEnd - deferStart} bytes`);
  assert.equal(gw[(gw[H_STARTS_OFFSET]! >>> 2) + gw[H_STARTS_COUNT]! - 1]! >>> 3, deferStart >>> 2, 'its data is the last object start');
});

test('the payload is read at the first use of its text, not at load, and the heap verifies', () => {
  const host = exitingHost();
  const rt = loadDump(host, file, { seed: 0.3, heapBytes: 256 * 1024 * 1024 });
  assert.notEqual(rt.deferredText, null);
  assert.equal(runLisp(rt, '(with-current-buffer "small" (buffer-string))'), '"small text"');
  assert.equal(runLisp(rt, '(buffer-live-p (get-buffer "big"))'), 't');
  assert.notEqual(rt.deferredText, null, 'other buffers leave it unread');
  assert.equal(runLisp(rt, BIG), BIG_VALUE);
  assert.equal(rt.deferredText, null);
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), []);
});

test('a host that cannot hold the file open reads and checks the payload at load', () => {
  const host: Host = exitingHost();
  delete (host as { openForReading?: unknown }).openForReading;
  const rt = loadDump(host, file, { seed: 0.6, heapBytes: 256 * 1024 * 1024 });
  assert.equal(rt.deferredText, null);
  assert.equal(runLisp(rt, BIG), BIG_VALUE);
  const damaged = variant('eager-damage', (_w, b) => {
    b[deferStart + 1000] ^= 0x20;
  }, false);
  assert.throws(() => loadDump(host, damaged, { heapBytes: 256 * 1024 * 1024 }),
    (e: unknown) => e instanceof DumpLoadError && e.kind === 'checksum');
});

test('a damaged payload loads, then ends the session with the checksum failure at its first use', () => {
  const damaged = variant('damage', (_w, b) => {
    b[deferStart + 500000] ^= 0x01;
  }, false);
  const host = exitingHost();
  const rt = loadDump(host, damaged, { heapBytes: 256 * 1024 * 1024 });
  assert.equal(runLisp(rt, '(with-current-buffer "big" (buffer-size))'), '1400006', 'sizes are not the payload');
  assert.throws(() => runLisp(rt, BIG), (e: unknown) => e instanceof Exited && e.code === 9);
  assert.match(host.err(), /could not load dump file ".*": dump file is corrupt \(checksum mismatch\)/);
  // And at every later use: the damaged bytes are never handed out.
  assert.throws(() => runLisp(rt, BIG), (e: unknown) => e instanceof Exited && e.code === 9);
  // Damage outside the payload is refused at load, as before.
  const head = variant('head-damage', (_w, b) => {
    b[deferStart - 8] ^= 0x01;
  }, false);
  assert.throws(() => loadDump(host, head, { heapBytes: 256 * 1024 * 1024 }),
    (e: unknown) => e instanceof DumpLoadError && e.kind === 'checksum');
});

test('a payload cut off after the load ends the session as a truncated dump', () => {
  const path = variant('cut', () => {}, false);
  const host = exitingHost();
  const rt = loadDump(host, path, { heapBytes: 256 * 1024 * 1024 });
  writeFileSync(path, good.subarray(0, deferStart + 4096));
  assert.throws(() => runLisp(rt, BIG), (e: unknown) => e instanceof Exited && e.code === 8);
});

test('the file is held open: a dump written over it meanwhile does not change the payload', () => {
  const path = variant('replaced', () => {}, false);
  const host = exitingHost();
  const rt = loadDump(host, path, { heapBytes: 256 * 1024 * 1024 });
  const other = lispRuntime(capturingHost());
  runLisp(other, '(with-current-buffer (get-buffer-create "big") (insert (make-string 1200000 ?z)))');
  runLisp(other, `(dump-emacs-portable ${JSON.stringify(path)})`);
  assert.equal(runLisp(rt, BIG), BIG_VALUE);
});

test('dumping a session whose payload is unread writes its text', () => {
  const host = exitingHost();
  const rt = loadDump(host, file, { heapBytes: 256 * 1024 * 1024 });
  assert.notEqual(rt.deferredText, null);
  const again = dumpWorld(rt, 'tsmacs-deferred-again-');
  // The same file loaded with the payload read at load dumps to the same bytes.
  const eagerHost: Host = exitingHost();
  delete (eagerHost as { openForReading?: unknown }).openForReading;
  const eager = loadDump(eagerHost, file, { heapBytes: 256 * 1024 * 1024 });
  const eagerAgain = dumpWorld(eager, 'tsmacs-deferred-eager-');
  assert.ok(Buffer.from(readFileSync(again)).equals(readFileSync(eagerAgain)), 'the unread payload was dumped as read');
  const rt2 = loadDump(host, again, { heapBytes: 256 * 1024 * 1024 });
  assert.equal(runLisp(rt2, BIG), BIG_VALUE);
});

test('forged files: the payload holds only unibyte string data, from an object start', () => {
  const host = exitingHost();
  const refused = (path: string, kind: string, message: RegExp): void => {
    for (const jsVerify of [false, true]) {
      assert.throws(() => loadDump(host, path, { heapBytes: 256 * 1024 * 1024, jsVerify }),
        (e: unknown) => e instanceof DumpLoadError && e.kind === kind && message.test(e.message), `${path} jsVerify ${jsVerify}`);
    }
  };
  // The text's string made multibyte (its char count checks would read the unread bytes).
  const multibyte = variant('multibyte', (w) => {
    let i = 48;
    while (w[i] !== deferStart) i++;
    const s = i - STR_DATA;
    w[s + STR_NBYTES] = w[s + STR_NCHARS]!;
  }, true);
  refused(multibyte, 'bad-object', /multibyte string whose data is in the deferred payload/);
  // The payload's object start made a float's.
  const float = variant('float', (w) => {
    const last = (w[H_STARTS_OFFSET]! >>> 2) + w[H_STARTS_COUNT]! - 1;
    w[last] = (w[last]! & ~7) | 7;
  }, true);
  refused(float, 'bad-table', /in the deferred payload and not string data/);
  // The payload's start moved off its object start.
  const moved = variant('moved', (w) => {
    w[H_DEFER_START] = deferStart + 8;
  }, true);
  refused(moved, 'bad-table', /does not begin at an object start/);
  // Before the cold section.
  const early = variant('early', (w) => {
    w[H_DEFER_START] = 192;
  }, true);
  refused(early, 'bad-table', /deferred payload/);
});
