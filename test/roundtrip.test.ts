// Property tests: (equal (read (prin1-to-string X)) X) for random readable objects, and the printer never throws JS errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRuntime } from '../src/core/init.ts';
import '../src/emacs/all.ts';
import { nodeHost } from '../src/host/node.ts';
import {
  cons, makeFloat, makeInteger, makeStringFromChars, makeUnibyteString, vectorFromArray,
} from '../src/core/object.ts';
import { intern } from '../src/core/obarray.ts';
import { Qnil } from '../src/core/symbols.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { prin1ToString, prin1ToJs } from '../src/emacs/print.ts';
import { equalp } from '../src/emacs/fns.ts';

const rt = createRuntime({ host: nodeHost(), heapBytes: 128 * 1024 * 1024 });

/** A description of a Lisp object, built into the heap on demand. */
type Desc =
  | { k: 'int'; v: bigint }
  | { k: 'float'; v: number }
  | { k: 'str'; v: number[]; uni: boolean }
  | { k: 'sym'; v: string }
  | { k: 'list'; v: Desc[]; tail: Desc | null }
  | { k: 'vec'; v: Desc[] };

const symName = fc.stringMatching(/^[a-zA-Z0-9+\-*/_<>=!?$%&:.^~@\\ ()#"';,`\[\]é]{1,8}$/);
const desc: fc.Arbitrary<Desc> = fc.letrec<{ d: Desc }>((tie) => ({
  d: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((v): Desc => ({ k: 'int', v })),
    fc.double().map((v): Desc => ({ k: 'float', v })),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0x10ffff })), { maxLength: 8 })
      // Raw bytes go in unibyte strings: GNU reads a lone \200 back as unibyte too.
      .map((v): Desc => ({ k: 'str', v, uni: false })),
    fc.uint8Array({ maxLength: 8 }).map((v): Desc => ({ k: 'str', v: [...v], uni: true })),
    symName.map((v): Desc => ({ k: 'sym', v })),
    fc.tuple(fc.array(tie('d'), { maxLength: 4 }), fc.option(tie('d'), { nil: null }))
      .map(([v, tail]): Desc => ({ k: 'list', v, tail: v.length ? tail : null })),
    fc.array(tie('d'), { maxLength: 4 }).map((v): Desc => ({ k: 'vec', v })),
  ),
})).d;

function build(d: Desc): number {
  switch (d.k) {
    case 'int': return makeInteger(rt, d.v);
    case 'float': return makeFloat(rt, d.v);
    case 'str': return d.uni ? makeUnibyteString(rt, Uint8Array.from(d.v)) : makeStringFromChars(rt, d.v);
    case 'sym': return intern(rt, d.v);
    case 'list': {
      let r = d.tail ? build(d.tail) : Qnil;
      for (let i = d.v.length - 1; i >= 0; i--) r = cons(rt, build(d.v[i]!), r);
      return r;
    }
    case 'vec': return vectorFromArray(rt, d.v.map(build));
  }
}

test('read of prin1 gives back an equal object', () => {
  fc.assert(fc.property(desc, (d) => {
    const obj = build(d);
    const printed = prin1ToString(rt, obj, true);
    const back = readFromString(rt, printed).obj;
    if (!equalp(rt, back, obj)) assert.fail(`${prin1ToJs(rt, obj, true)} read back as ${prin1ToJs(rt, back, true)}`);
  }), { numRuns: 2000 });
});

test('printing random bytes read as Lisp never throws a JS error', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
    let obj: number;
    try {
      obj = readFromString(rt, makeUnibyteString(rt, bytes)).obj;
    } catch (e) {
      if ((e as { symbol?: number }).symbol === undefined) throw e;
      return;
    }
    prin1ToJs(rt, obj, true);
    prin1ToJs(rt, obj, false);
  }), { numRuns: 3000 });
});
