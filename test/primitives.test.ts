// Every declared primitive is installed and callable under its Lisp name with its declared arity.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/all.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { PRIMITIVES, MANY, UNEVALLED } from '../src/core/subr.ts';
import { aref, pvecType, symbolFunction } from '../src/core/object.ts';
import { PVEC_SUBR, SUBR_MAX_ARGS, SUBR_MIN_ARGS, SUBR_NAME } from '../src/heap/layout.ts';
import { fixnumValue } from '../src/heap/tags.ts';
import { intern } from '../src/core/obarray.ts';

test('every DEFUN is a subr under its own name, with its arity, and has a docstring', () => {
  const rt = createRuntime({ host: nodeHost(), heapBytes: 64 * 1024 * 1024 });
  assert.ok(PRIMITIVES.length >= 300, `${PRIMITIVES.length} primitives`);
  for (const p of PRIMITIVES) {
    assert.equal(intern(rt, p.name), p.sym, p.name);
    const f = symbolFunction(rt, p.sym);
    assert.equal(pvecType(rt, f), PVEC_SUBR, p.name);
    assert.equal(aref(rt, f, SUBR_NAME), p.sym);
    assert.equal(fixnumValue(aref(rt, f, SUBR_MIN_ARGS)), p.min);
    assert.equal(fixnumValue(aref(rt, f, SUBR_MAX_ARGS)), p.max);
    assert.ok(p.max === MANY || p.max === UNEVALLED || p.fn.length <= p.max + 1, `${p.name}: body takes more arguments than declared`);
    assert.ok(p.doc !== null && p.doc.trim().length > 0, `${p.name} has no docstring`);
  }
});
