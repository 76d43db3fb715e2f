// Round trips through the portable dumper: every object type, two load bases, GC after load, reproducible dumps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import { createRuntime } from '../src/core/init.ts';
import type { Runtime } from '../src/core/runtime.ts';
import {
  aref, aset, cons, integerValue, list, makeFloat, makeInteger, makePvec, makeString, makeStringFromBytes,
  makeSymbol, makeVector, putProp, getProp, setStringIntervals, setSymbolRawValue, symbolRawValue, symbolName,
  symbolFunction, xcar, xcdr, xsetcar, xsetcdr, makeUnibyteString, makeFixnum,
} from '../src/core/object.ts';
import { BUILTIN_SYMBOLS, DEFSYM, Qclosure, Qlambda, Qnil, Qt } from '../src/core/symbols.ts';
import {
  CHARTAB_STANDARD_SLOTS, HASH_TABLE_SLOTS, HT_COUNT, HT_HASH, HT_INDEX, HT_KV, HT_NEXT, HT_NEXT_FREE, HT_STALE, HT_TEST, PVEC_BOOL_VECTOR,
  PVEC_CHAR_TABLE, PVEC_FINALIZER, PVEC_HASH_TABLE, PVEC_RECORD, PVEC_SIZE_MASK, PVEC_TYPE_SHIFT, PVEC_USER_PTR,
  STR_INTERVALS, STR_NBYTES, STR_NCHARS, SYMBOL_WORDS, SYM_FLAGS, SYM_FUNCTION, SYM_NAME, SYM_PLIST, SYM_VALUE,
  isRawPvec,
} from '../src/heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol } from '../src/heap/tags.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { intern } from '../src/core/obarray.ts';
import { LispSignal } from '../src/core/signal.ts';
import { primitiveNamed } from '../src/core/subr.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { pdumperDoNowAndAfterLoad, pdumperRememberScalar } from '../src/core/dump-hooks.ts';
import { loadDump } from '../src/dump/loader.ts';

const Qeq = DEFSYM('eq');
const Qdump_emacs_portable = DEFSYM('dump-emacs-portable');

// A JS-side subsystem using the registries, as a module would at load time.
let counterState = 0;
let afterLoadRuns = 0;
pdumperRememberScalar('test-counter', () => counterState, (_rt, v) => {
  counterState = v;
});
pdumperDoNowAndAfterLoad(() => {
  afterLoadRuns++;
});

const HEAP = 48 * 1024 * 1024;
const host = nodeHost();
const dir = mkdtempSync(join(tmpdir(), 'tsmacs-dump-'));

const symWi = (rt: Runtime, s: number): number => (((s >>> 3) + rt.sbg) & 0x1fffffff) << 1;
const builtinLimit = BUILTIN_SYMBOLS.length * ((SYMBOL_WORDS / 2) << 3);

/** Structural equality of a value in two runtimes, preserving sharing (a bijection of identities) and cycles. */
function sameStructure(ra: Runtime, a0: number, rb: Runtime, b0: number): void {
  const fwd = new Map<number, number>();
  const back = new Map<number, number>();
  const work: [number, number, string][] = [[a0, b0, 'root']];
  while (work.length) {
    const [a, b, where] = work.pop()!;
    const tag = a & 7;
    assert.equal(b & 7, tag, `${where}: tags differ`);
    if (tag === 2 || tag === 6) {
      assert.equal(a, b, `${where}: fixnums differ`);
      continue;
    }
    if (tag === Lisp_Symbol && (a >>> 0 < builtinLimit || b >>> 0 < builtinLimit)) {
      assert.equal(a, b, `${where}: builtin symbols differ`);
      continue;
    }
    const seen = fwd.get(a);
    if (seen !== undefined) {
      assert.equal(seen, b, `${where}: sharing differs`);
      continue;
    }
    assert.equal(back.get(b), undefined, `${where}: two objects merged into one`);
    fwd.set(a, b);
    back.set(b, a);
    const ma = ra.i32;
    const mb = rb.i32;
    const wa = tag === Lisp_Symbol ? symWi(ra, a) : (a & -8) >>> 2;
    const wb = tag === Lisp_Symbol ? symWi(rb, b) : (b & -8) >>> 2;
    switch (tag) {
      case Lisp_Cons:
        work.push([ma[wa + 1]!, mb[wb + 1]!, `${where}.cdr`], [ma[wa]!, mb[wb]!, `${where}.car`]);
        break;
      case Lisp_Float:
        assert.equal(ma[wa], mb[wb], `${where}: float bits differ`);
        assert.equal(ma[wa + 1], mb[wb + 1], `${where}: float bits differ`);
        break;
      case Lisp_Symbol:
        assert.equal(ma[wa + SYM_FLAGS], mb[wb + SYM_FLAGS], `${where}: symbol flags`);
        for (const f of [SYM_NAME, SYM_VALUE, SYM_FUNCTION, SYM_PLIST])
          work.push([ma[wa + f]!, mb[wb + f]!, `${where}.sym${f}`]);
        break;
      case Lisp_String: {
        assert.equal(ma[wa + STR_NCHARS], mb[wb + STR_NCHARS], `${where}: nchars`);
        assert.equal(ma[wa + STR_NBYTES], mb[wb + STR_NBYTES], `${where}: nbytes`);
        const n = ma[wa + STR_NBYTES]! < 0 ? ma[wa + STR_NCHARS]! : ma[wa + STR_NBYTES]!;
        const da = ma[wa + 2]!;
        const db = mb[wb + 2]!;
        assert.deepEqual(ra.u8.subarray(da, da + n + 1), rb.u8.subarray(db, db + n + 1), `${where}: string bytes`);
        work.push([ma[wa + STR_INTERVALS]!, mb[wb + STR_INTERVALS]!, `${where}.intervals`]);
        break;
      }
      default: {
        const ha = ma[wa]!;
        assert.equal(ha, mb[wb], `${where}: vector header`);
        const size = ha & PVEC_SIZE_MASK;
        const type = ha >>> PVEC_TYPE_SHIFT;
        if (isRawPvec(type)) {
          for (let i = 1; i <= size; i++) assert.equal(ma[wa + i], mb[wb + i], `${where}: raw word ${i}`);
          break;
        }
        for (let i = size - 1; i >= 0; i--) {
          if (type === PVEC_HASH_TABLE && i === HT_STALE) continue;
          work.push([ma[wa + 1 + i]!, mb[wb + 1 + i]!, `${where}[${i}]`]);
        }
      }
    }
  }
}

interface World {
  rt: Runtime;
  names: string[];
}

/** A runtime holding one object of every type in the values of symbols test-0 ... */
function buildWorld(): World {
  const rt = createRuntime({ host, heapBytes: HEAP, seed: 0.25 });
  const names: string[] = [];
  const put = (v: number): void => {
    const name = `dump-test-${names.length}`;
    names.push(name);
    setSymbolRawValue(rt, intern(rt, name), v);
  };
  // Conses: a long list, a cycle, shared structure, a dotted pair.
  const nums: number[] = [];
  for (let i = 0; i < 5000; i++) nums.push(makeFixnum(i));
  put(list(rt, ...nums));
  const cyc = list(rt, makeFixnum(1), makeFixnum(2), makeFixnum(3));
  xsetcdr(rt, xcdr(rt, xcdr(rt, cyc)), cyc);
  put(cyc);
  const shared = list(rt, makeString(rt, 'shared'));
  put(cons(rt, shared, cons(rt, shared, shared)));
  const selfCar = cons(rt, Qnil, Qt);
  xsetcar(rt, selfCar, selfCar);
  put(selfCar);
  // Numbers.
  put(makeFloat(rt, 1.5));
  put(makeFloat(rt, NaN));
  put(makeFloat(rt, -0.0));
  put(makeFloat(rt, Infinity));
  put(makeInteger(rt, 2n ** 100n + 7n));
  put(makeInteger(rt, -(3n ** 60n)));
  // Strings: unibyte with raw bytes, multibyte with raw bytes (C0/C1 pairs), empty, with properties.
  put(makeUnibyteString(rt, new Uint8Array([0x61, 0x80, 0xff, 0x00, 0x7f])));
  put(makeStringFromBytes(rt, new Uint8Array([0xc3, 0xa9, 0xc1, 0x80, 0xe2, 0x82, 0xac]), 3, true));
  put(makeString(rt, ''));
  put(makeString(rt, 'λx. ∀ 日本語'));
  const propd = makeString(rt, 'props');
  setStringIntervals(rt, propd, list(rt, makeFixnum(0), makeFixnum(2), list(rt, intern(rt, 'face'), intern(rt, 'bold'))));
  put(propd);
  // Symbols: uninterned with plist and value, keyword, an interned one with a plist, a builtin's name string.
  const un = makeSymbol(rt, makeString(rt, 'uninterned-thing'));
  setSymbolRawValue(rt, un, makeFixnum(42));
  putProp(rt, un, Qt, makeString(rt, 'prop'));
  put(list(rt, un, un));
  put(intern(rt, ':some-keyword'));
  const withPlist = intern(rt, 'dump-test-plist-holder');
  putProp(rt, withPlist, intern(rt, 'color'), makeString(rt, 'red'));
  put(withPlist);
  put(symbolName(rt, Qlambda));
  // Vectorlikes: vector with itself inside, record, char-table, bool-vector, finalizer, a subr.
  const vec = makeVector(rt, 4, Qnil);
  aset(rt, vec, 0, vec);
  aset(rt, vec, 1, makeFloat(rt, 2.25));
  aset(rt, vec, 2, un);
  put(vec);
  const rec = makePvec(rt, PVEC_RECORD, 3, Qnil);
  aset(rt, rec, 0, intern(rt, 'my-struct'));
  aset(rt, rec, 1, makeString(rt, 'field'));
  put(rec);
  put(makePvec(rt, PVEC_CHAR_TABLE, CHARTAB_STANDARD_SLOTS, Qnil));
  const bv = makePvec(rt, PVEC_BOOL_VECTOR, 3, 0);
  aset(rt, bv, 0, makeFixnum(40));
  aset(rt, bv, 1, 0xdeadbeef | 0);
  aset(rt, bv, 2, 0x55);
  put(bv);
  const fin = makePvec(rt, PVEC_FINALIZER, 2, Qnil);
  aset(rt, fin, 0, list(rt, Qlambda, Qnil));
  put(fin);
  put(symbolFunction(rt, Qdump_emacs_portable));
  // A closure, as the evaluator builds it.
  put(list(rt, Qclosure, list(rt, Qt), list(rt, intern(rt, 'x')), intern(rt, 'x')));
  // A hash table's shape (fns.ts owns the real ones): keys are conses and symbols.
  const ht = makePvec(rt, PVEC_HASH_TABLE, HASH_TABLE_SLOTS, Qnil);
  const kv = makeVector(rt, 4, Qnil);
  aset(rt, kv, 0, cyc);
  aset(rt, kv, 1, makeFixnum(9));
  aset(rt, kv, 2, un);
  aset(rt, kv, 3, makeFixnum(10));
  aset(rt, ht, HT_TEST, Qeq);
  aset(rt, ht, HT_COUNT, makeFixnum(2));
  aset(rt, ht, HT_KV, kv);
  // The parts the loader checks (verify.ts): vectors sized to the table, chains inside it.
  aset(rt, ht, HT_HASH, makeVector(rt, 2, Qnil));
  aset(rt, ht, HT_NEXT, makeVector(rt, 2, makeFixnum(-1)));
  aset(rt, ht, HT_INDEX, makeVector(rt, 1, makeFixnum(-1)));
  aset(rt, ht, HT_NEXT_FREE, makeFixnum(-1));
  put(ht);
  return { rt, names };
}

/** dumpToFile, with a Lisp error turned into a readable assertion failure. */
function dump(rt: Runtime, file: string): void {
  try {
    dumpToFile(rt, file, false, true);
  } catch (e) {
    if (e instanceof LispSignal) {
      const msg = xcar(rt, e.data);
      const a = rt.i32[((msg & -8) >>> 2) + 2]!;
      assert.fail(`dump failed: ${Buffer.from(rt.u8.subarray(a, a + rt.i32[(msg & -8) >>> 2]!)).toString()}`);
    }
    throw e;
  }
}

const valueOf = (rt: Runtime, name: string): number => symbolRawValue(rt, intern(rt, name));

test('round trip of every object type at two load bases, GC after load, reproducible dumps', () => {
  const { rt, names } = buildWorld();
  counterState = 1234.5;
  const file = join(dir, 'world.pdmp');
  dump(rt, file);
  assert.ok(existsSync(file));
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no temporary file left behind');
  const original = readFileSync(file);

  const staticEnd = rt.heap.staticEnd;
  const loads = [
    loadDump(host, file, { heapBytes: HEAP, pinStaticBase: 64, pinDumpBase: staticEnd + 1024 }),
    loadDump(host, file, { heapBytes: HEAP, pinStaticBase: 200000, pinDumpBase: staticEnd + 400000 }),
  ];
  assert.notEqual(loads[0]!.heap.dumpBase, loads[1]!.heap.dumpBase);
  assert.notEqual(loads[0]!.heap.staticBase, loads[1]!.heap.staticBase);
  for (const r2 of loads) {
    for (const n of names) sameStructure(rt, valueOf(rt, n), r2, valueOf(r2, n));
    assert.deepEqual(verifyHeap(r2), []);
    // Interned symbols stay eq to what intern returns.
    const holder = intern(r2, 'dump-test-plist-holder');
    assert.equal(valueOf(r2, names[17]!), holder);
    assert.ok((getProp(r2, holder, intern(r2, 'color')) & 7) === Lisp_String);
    assert.equal(intern(r2, ":some-keyword"), valueOf(r2, names[16]!));
    // Numbers keep their values and bits.
    assert.equal(integerValue(r2, valueOf(r2, names[8]!)), 2n ** 100n + 7n);
    assert.ok(Object.is(r2.f64[(valueOf(r2, names[6]!) & -8) >>> 3], -0));
    assert.ok(Number.isNaN(r2.f64[(valueOf(r2, names[5]!) & -8) >>> 3]));
    // Hash tables come back stale, to be rehashed on first use.
    const ht = valueOf(r2, names[names.length - 1]!);
    assert.equal(aref(r2, ht, HT_STALE), Qt);
    // Scalars restored, JS hooks run.
    assert.equal(counterState, 1234.5);
    assert.ok(r2.dumpInfo && r2.dumpInfo.file === file && r2.dumpInfo.loadTimeSec >= 0);
  }

  // dump -> load -> dump gives the same bytes, whatever the load base.
  for (const [i, r2] of loads.entries()) {
    const again = join(dir, `again-${i}.pdmp`);
    dump(r2, again);
    assert.ok(Buffer.compare(readFileSync(again), original) === 0, `redump ${i} is byte-identical`);
  }

  // Dumped objects are mutable, and survive collections with garbage around them.
  const r2 = loads[1]!;
  const first = valueOf(r2, names[0]!);
  xsetcar(r2, first, makeString(r2, 'new car'));
  let junk = Qnil;
  for (let i = 0; i < 20000; i++) junk = cons(r2, makeFixnum(i), i % 2 ? junk : Qnil);
  collectGarbage(r2);
  assert.deepEqual(verifyHeap(r2), []);
  assert.equal(xcar(r2, xcdr(r2, first)), makeFixnum(1));
  assert.equal(r2.u8[r2.i32[((xcar(r2, first) & -8) >>> 2) + 2]!], 'n'.charCodeAt(0));
  for (const n of names.slice(1)) sameStructure(rt, valueOf(rt, n), r2, valueOf(r2, n));
  collectGarbage(r2);
  assert.deepEqual(verifyHeap(r2), []);
  assert.ok(afterLoadRuns >= 3, 'after-load hooks ran in the fresh runtime and after each load');
});

test('pdumper-stats is nil from scratch and describes the dump after a load', () => {
  const stats = primitiveNamed('pdumper-stats')!.fn;
  const rt = createRuntime({ host, heapBytes: HEAP });
  assert.equal(stats(rt), Qnil);
  const file = join(dir, 'stats.pdmp');
  dump(rt, file);
  const r2 = loadDump(host, file, { heapBytes: HEAP });
  const s = stats(r2);
  assert.equal(xcar(r2, xcar(r2, s)), DEFSYM('dumped-with-pdumper'));
  assert.equal(xcdr(r2, xcar(r2, s)), Qt);
  const lt = xcar(r2, xcdr(r2, s));
  assert.equal(xcar(r2, lt), DEFSYM('load-time'));
  assert.equal(xcdr(r2, lt) & 7, Lisp_Float);
  assert.deepEqual(verifyHeap(r2), []);
});

test('an undumpable object is an error naming it, with the referrer path on request, and leaves no file', () => {
  const rt = createRuntime({ host, heapBytes: HEAP });
  const holder = intern(rt, 'holds-a-handle');
  const v = makeVector(rt, 2, Qnil);
  aset(rt, v, 1, makePvec(rt, PVEC_USER_PTR, 1, makeFixnum(0)));
  setSymbolRawValue(rt, holder, list(rt, makeFixnum(1), v));
  const file = join(dir, 'never.pdmp');
  const fn = primitiveNamed('dump-emacs-portable')!.fn;
  const messageOf = (track: number): string => {
    try {
      fn(rt, makeString(rt, file), track);
    } catch (e) {
      assert.ok(e instanceof LispSignal);
      const msg = xcar(rt, e.data);
      return Buffer.from(rt.u8.subarray(rt.i32[((msg & -8) >>> 2) + 2]!, rt.i32[((msg & -8) >>> 2) + 2]! + rt.i32[(msg & -8) >>> 2]!)).toString();
    }
    assert.fail('dump should have failed');
  };
  assert.match(messageOf(Qnil), /Cannot dump a user-ptr/);
  const tracked = messageOf(Qt);
  assert.match(tracked, /slot 1 of a vector/);
  assert.match(tracked, /holds-a-handle/);
  assert.ok(!existsSync(file));
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('never')), []);
});

test('dumping from a session started from a dump, with new objects on top', () => {
  const { rt } = buildWorld();
  const file = join(dir, 'base.pdmp');
  dump(rt, file);
  const r2 = loadDump(host, file, { heapBytes: HEAP });
  setSymbolRawValue(r2, intern(r2, 'user-init-thing'), list(r2, makeString(r2, 'mine'), valueOf(r2, 'dump-test-1')));
  const file2 = join(dir, 'user.pdmp');
  dump(r2, file2);
  const r3 = loadDump(host, file2, { heapBytes: HEAP });
  sameStructure(r2, valueOf(r2, 'user-init-thing'), r3, valueOf(r3, 'user-init-thing'));
  assert.deepEqual(verifyHeap(r3), []);
  // The shared cycle is still shared with the dumped variable.
  assert.equal(xcar(r3, xcdr(r3, valueOf(r3, 'user-init-thing'))), valueOf(r3, 'dump-test-1'));
});
