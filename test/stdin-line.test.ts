// Reading a line from standard input (batch read-string, read-minibuffer): a line longer than
// the host will hold ends in memory-full, never in a V8 fatal error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { cons, makeString } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { DEFSYM } from '../src/core/symbols.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import { funcall, asLispSignal } from '../src/emacs/eval.ts';
import { HeapExhausted } from '../src/heap/heap.ts';
import { nodeHost, readLineFrom } from '../src/host/node.ts';
import { capturingHost } from './support/runtime.ts';

function withFile<T>(bytes: Uint8Array | string, fn: (fd: number) => T): T {
  const path = join(mkdtempSync(join(tmpdir(), 'tsmacs-stdin-')), 'in');
  writeFileSync(path, bytes);
  const fd = openSync(path, 'r');
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

test('readLineFrom: lines, the last without a newline, then end of input', () => {
  withFile('ab\n\nh\u00e9llo\n' + 'x'.repeat(1000), (fd) => {
    assert.equal(readLineFrom(fd), 'ab');
    assert.equal(readLineFrom(fd), '');
    assert.equal(readLineFrom(fd), 'h\u00e9llo');
    assert.equal(readLineFrom(fd), 'x'.repeat(1000));
    assert.equal(readLineFrom(fd), null);
  });
});

test('a line past the limit throws HeapExhausted, and read-string signals memory-full', () => {
  // A newline-free stream (stdin from /dev/zero, say) once filled a JS array until V8 died
  // with "Fatal JavaScript invalid size error" in the primitives fuzz.
  withFile(new Uint8Array(5000).fill(0x61), (fd) => {
    assert.throws(() => readLineFrom(fd, 1000), HeapExhausted);
  });
  withFile(new Uint8Array(5000).fill(0x61), (fd) => {
    const host = { ...capturingHost(), readLine: () => readLineFrom(fd, 1000) };
    const rt = createRuntime({ host });
    let sig: ReturnType<typeof asLispSignal> = null;
    try {
      funcall(rt, DEFSYM('read-string'), [makeString(rt, 'x')]);
    } catch (e) {
      sig = asLispSignal(rt, e);
    }
    assert.ok(sig instanceof LispSignal);
    assert.equal(prin1ToJs(rt, cons(rt, sig.symbol, sig.data)), '(error "Memory exhausted--use C-x s then exit and restart Emacs")');
  });
  assert.equal(typeof nodeHost().readLine, 'function');
});
