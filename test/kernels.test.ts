// The loader's WebAssembly kernels against its JS loops: same checksums, same refusals, same relocated bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import { createRuntime } from '../src/core/init.ts';
import { aset, cons, list, makeFloat, makeFixnum, makeInteger, makeString, makeVector, setSymbolRawValue, vectorFromArray } from '../src/core/object.ts';
import { makeBoolVector } from '../src/emacs/alloc.ts';
import { intern } from '../src/core/obarray.ts';
import { BUILTIN_SYMBOLS, Qt } from '../src/core/symbols.ts';
import { Heap } from '../src/heap/heap.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { DumpLoadError, loadDump } from '../src/dump/loader.ts';
import { H_CHECKSUM, H_COLD_START, H_CONS_END, H_SYM_END, H_STR_END, H_HOT_END, H_HOT_START, H_RELOC_COUNT, H_STARTS_COUNT, H_STARTS_OFFSET, checksum } from '../src/dump/format.ts';
import { KERNEL_CHUNK, kernelsFor } from '../src/dump/kernels.ts';
import { HT_HASH, HT_INDEX, HT_NEXT, PVEC_HASH_TABLE, PVEC_SIZE_MASK, PVEC_SUB_CHAR_TABLE, PVEC_TYPE_SHIFT, SYMBOL_WORDS } from '../src/heap/layout.ts';
import { funcall } from '../src/emacs/eval.ts';
import '../src/emacs/fns.ts';
import { seededRandom } from './support/random.ts';

const host = nodeHost();
const dir = mkdtempSync(join(tmpdir(), 'tsmacs-kernels-'));
// A heap of whole 64 KB pages becomes a WebAssembly memory (the kernels run); 16 KB more does not (the JS loops run).
const WASM = { heapBytes: 4 * 1024 * 1024, pinStaticBase: 64, pinDumpBase: 65536 };
const JS = { ...WASM, heapBytes: 4 * 1024 * 1024 + 16384 };

const rand = seededRandom(0x1234567);

test('the checksum lanes give the same value as WebAssembly and as JS', () => {
  const h = new Heap({ bytes: 8 * 1024 * 1024, staticWords: 64, dumpWords: 300000 });
  assert.ok(h.memory !== null && kernelsFor(h.memory) !== null, 'a whole-page heap under Node is a WebAssembly memory');
  for (let i = 0; i < 300000; i++) h.i32[h.dumpBase + i] = Math.imul(rand(1 << 30), 7) ^ rand(1 << 30);
  // Around the kernel's four-round (64-word) iterations and its one-round (16-word) tail too.
  for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 48, 63, 64, 65, 79, 80, 112, 127, 128, 129, 144, 1023, 4096, 99999, 300000]) {
    const skip = h.dumpBase + Math.min(8, Math.max(0, n - 1));
    const before = h.i32[skip];
    assert.equal(checksum(h.i32, h.dumpBase, n, skip, h.memory), checksum(h.i32, h.dumpBase, n, skip, null), `${n} words`);
    assert.equal(h.i32[skip], before, 'the skipped word is restored');
  }
});

function makeDump(): Uint8Array {
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  const xs: number[] = [];
  for (let i = 0; i < 200; i++) xs.push(i % 3 ? makeFixnum(i) : makeString(rt, `s${i}`));
  setSymbolRawValue(rt, intern(rt, 'kernel-list'), list(rt, ...xs));
  const v = makeVector(rt, 5, Qt);
  for (let i = 0; i < 5; i++) setSymbolRawValue(rt, intern(rt, `kernel-${i}`), cons(rt, makeFloat(rt, i / 7), v));
  // A hash table, whose next, hash and index vectors the kernels' vfixnums checks.
  const ht = funcall(rt, intern(rt, 'make-hash-table'), [intern(rt, ':test'), intern(rt, 'equal')]);
  setSymbolRawValue(rt, intern(rt, 'kernel-table'), ht);
  for (let i = 0; i < 40; i++) funcall(rt, intern(rt, 'puthash'), [makeString(rt, `k${i}`), makeFixnum(i), ht]);
  const file = join(dir, 'good.pdmp');
  dumpToFile(rt, file, false, true);
  return new Uint8Array(readFileSync(file));
}

/** Load BYTES both ways: the same refusal, or the same relocated dump region. */
function same(bytes: Uint8Array, what: string): 'loaded' | 'refused' {
  const file = join(dir, 'x.pdmp');
  writeFileSync(file, bytes);
  const run = (opts: typeof WASM & { jsVerify?: boolean }): { err: string } | { region: Uint8Array; statics: Uint8Array; wasm: boolean } => {
    try {
      const rt = loadDump(host, file, opts);
      const s0 = rt.heap.staticBase << 2;
      return {
        region: rt.u8.slice(rt.heap.dumpBase << 2, (rt.heap.dumpBase << 2) + bytes.length),
        statics: rt.u8.slice(s0, s0 + 4 * SYMBOL_WORDS * BUILTIN_SYMBOLS.length),
        wasm: rt.heap.memory !== null,
      };
    } catch (e) {
      if (!(e instanceof DumpLoadError)) throw e;
      return { err: `${e.kind}: ${e.message}` };
    }
  };
  const a = run(WASM);
  const b = run(JS);
  // The builtin symbols' cells, which the kernels' vshadows puts in place and restoreShadows after
  // the JS walk: compared on heaps of one size (the after-load hooks' new strings lie elsewhere in
  // the JS loops' larger heap).
  if ('statics' in a) {
    const c = run({ ...WASM, jsVerify: true });
    assert.ok('statics' in c && Buffer.from(a.statics).equals(Buffer.from(c.statics)), `${what}: the builtin symbols' cells differ (vshadows against restoreShadows)`);
  }
  if ('err' in a || 'err' in b) {
    assert.deepEqual(a, b, what);
    return 'refused';
  }
  assert.ok(a.wasm && !b.wasm, 'one load used the kernels, the other the JS loops');
  assert.ok(Buffer.from(a.region).equals(Buffer.from(b.region)), `${what}: relocated bytes differ`);
  return 'loaded';
}

function reseal(b: Uint8Array): Uint8Array {
  const w = new Int32Array(b.buffer, b.byteOffset, b.length >>> 2);
  w[H_CHECKSUM] = checksum(w, 0, w.length, H_CHECKSUM);
  return b;
}

/** The words of the hot section that a load relocates: those that differ between loads at two bases (format 4 has no table). */
function pointerWords(good: Uint8Array): number[] {
  const file = join(dir, 'p.pdmp');
  writeFileSync(file, good);
  const a = loadDump(host, file, WASM);
  const b = loadDump(host, file, { ...WASM, pinStaticBase: WASM.pinStaticBase + 2, pinDumpBase: WASM.pinDumpBase + 4096 });
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  const out: number[] = [];
  for (let p = hw[H_HOT_START]! >>> 2; p < hw[H_HOT_END]! >>> 2; p++)
    if (a.i32[a.heap.dumpBase + p] !== b.i32[b.heap.dumpBase + p]) out.push(p);
  return out;
}

test('loads through the kernels and through the JS loops agree, damaged tables and pointers included', () => {
  const good = makeDump();
  assert.equal(same(good, 'undamaged'), 'loaded');
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  assert.equal(hw[H_RELOC_COUNT], 0, 'no relocation table');
  const seen = { loaded: 0, refused: 0 };
  const [at, count] = [hw[H_STARTS_OFFSET]! >>> 2, hw[H_STARTS_COUNT]!];
  for (let k = 0; k < 150; k++) {
    const b = good.slice();
    const w = new Int32Array(b.buffer, 0, b.length >>> 2);
    const i = at + rand(count);
    const how = rand(5);
    if (how === 0) w[i] = w[i]! ^ (1 << rand(32));
    else if (how === 1) w[i] = w[i]! + 8 * (rand(64) - 32);
    else if (how === 2) w[i] = (w[i]! & ~7) | rand(8);
    else if (how === 3 && i > at) w[i] = w[i - 1]!;
    else w[i] = rand(1 << 30) * 4;
    seen[same(reseal(b), `object-start entry ${i - at}, mutation ${how}`)]++;
  }
  // The words a load relocates (pointers, dumped symbols, string data), damaged the same ways, each
  // tag on random ones, values pushed out of range, and exactly at and just below the file size.
  const ptrs = pointerWords(good);
  assert.ok(ptrs.length > 100);
  for (let k = 0; k < 250; k++) {
    const b = good.slice();
    const w = new Int32Array(b.buffer, 0, b.length >>> 2);
    const i = ptrs[rand(ptrs.length)]!;
    const how = rand(6);
    if (how === 0) w[i] = w[i]! ^ (1 << rand(32));
    else if (how === 1) w[i] = w[i]! + 8 * (rand(64) - 32);
    else if (how === 2) w[i] = (w[i]! & ~7) | (k & 7);
    else if (how === 3) w[i] = rand(2) ? -1 - rand(1000) : b.length + 8 * rand(1000);
    else if (how === 4) w[i] = ((b.length - 8 * (k & 1)) & ~7) | (w[i]! & 7);
    else w[i] = rand(1 << 30) * 4;
    seen[same(reseal(b), `pointer word ${i}, mutation ${how}`)]++;
  }
  assert.ok(seen.refused > 100, `most damaged tables and pointers are refused (${JSON.stringify(seen)})`);
});

test('a cons, symbol or string listed in the object-start table (outside its run) gets the JS walk\'s verdict', () => {
  // The writer puts every cons, symbol and string in its run, so the table lists only vectorlikes of
  // the hot section; a file that lists one of the others there is checked by vwalk through a call of
  // its run's kernel over that one object. Every such entry of the image given each of those kinds,
  // with the words that point to it made pointers of that kind: vectors of 1, 3 and 5 slots span a
  // cons, a string and a symbol, so only the object's own check can refuse them.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  for (const n of [1, 3, 5]) setSymbolRawValue(rt, intern(rt, `kernel-vector-${n}`), makeVector(rt, n, Qt));
  setSymbolRawValue(rt, intern(rt, 'kernel-vectors'), list(rt, makeVector(rt, 3, makeFixnum(2)), makeVector(rt, 5, makeFixnum(7))));
  const file = join(dir, 'rest.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  const gw = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const [at, count] = [gw[H_STARTS_OFFSET]! >>> 2, gw[H_STARTS_COUNT]!];
  const rest: number[] = [];
  for (let i = at; i < at + count; i++) {
    const off = gw[i]! >>> 3;
    if (off >= gw[H_STR_END]! >>> 2 && off < gw[H_HOT_END]! >>> 2) rest.push(i);
  }
  assert.ok(rest.length >= 5, `${rest.length} entries in the hot section's rest`);
  const seen = { loaded: 0, refused: 0 };
  for (const i of rest) {
    for (const kind of [0, 3, 4]) {
      const b = good.slice();
      const w = new Int32Array(b.buffer, 0, b.length >>> 2);
      w[i] = (w[i]! & ~7) | kind;
      // The words that point to it point to an object of the new kind, so that the walk of the
      // object itself, not a pointer's type check, decides.
      const off = (w[i]! >>> 3) << 2;
      for (let p = gw[H_HOT_START]! >>> 2; p < gw[H_HOT_END]! >>> 2; p++)
        if (w[p] === (off | 5)) w[p] = kind === 0 ? (0x80000000 | off) | 0 : off | kind;
      seen[same(reseal(b), `entry ${i - at} as kind ${kind}`)]++;
    }
  }
  assert.ok(seen.refused > 0, JSON.stringify(seen));
});

test('the four-lane check (the cons, symbol and string runs, vectors of 8 slots or more): edge words in every lane get the JS walk\'s verdict', () => {
  // The kernels settle a fixnum, a builtin symbol word, a pointer into the cons run, a dumped
  // symbol of the symbol run or a string of the string run four words at a time, and send any
  // other word to the one-word check: words at the edges of those classes, put in each of the four
  // lanes, in the cons run, in a symbol of the symbol run and in a long vector, must be refused (or
  // loaded) as JS does.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  const v = makeVector(rt, 13, Qt);
  const items = [cons(rt, makeFixnum(1), Qt), makeFixnum(7), Qt, makeString(rt, 'lane'), intern(rt, 'kernel-lane-symbol'),
    makeFloat(rt, 0.5), makeVector(rt, 2, Qt), cons(rt, Qt, Qt)];
  for (let i = 0; i < 13; i++) aset(rt, v, i, items[i % items.length]!);
  setSymbolRawValue(rt, intern(rt, 'kernel-lanes'), v);
  setSymbolRawValue(rt, intern(rt, 'kernel-lane-list'), list(rt, ...items, v, ...items));
  const file = join(dir, 'lanes.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  assert.equal(same(good, 'undamaged'), 'loaded');
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  const hotB = hw[H_HOT_START]!;
  const consEndB = hw[H_CONS_END]!;
  const symEndB = hw[H_SYM_END]!;
  const strEndB = hw[H_STR_END]!;
  assert.ok(strEndB - symEndB >= 2 * 16, 'the string run holds the test\'s strings');
  assert.ok(symEndB - consEndB >= 3 * 24, 'the symbol run holds the test\'s three symbols');
  const blim = BUILTIN_SYMBOLS.length * 24;
  const HIGH = 0x80000000 | 0;
  const edges = [
    hotB | 3, (consEndB - 8) | 3, consEndB | 3, (hotB - 8) | 3, (hotB + 4) | 3, hotB | 5, hotB | 4, hotB | 7, (hotB + 8) | HIGH,
    blim - 24, blim, 8, 16, 1, 9, HIGH | 3, -1, makeFixnum(-5), (good.length - 8) | 3,
    // The symbol run's edges: its first and last symbols, a granule or a word inside one, just
    // before and past the run, another tag or no bit 31 at a symbol, a symbol's word as a cons.
    consEndB | HIGH, (symEndB - 24) | HIGH, (consEndB + 8) | HIGH, (consEndB + 16) | HIGH, (consEndB + 28) | HIGH,
    (consEndB - 24) | HIGH, (consEndB - 8) | HIGH, symEndB | HIGH, (symEndB + 24) | HIGH, consEndB | HIGH | 3, (consEndB + 24) | HIGH | 4,
    consEndB + 24, (consEndB + 24) | 3, (consEndB + 24) | 5, HIGH ^ 0x7ffffff8,
    // The string run's: its first and last strings, a granule inside one, just before and past the
    // run, another tag or bit 31 at a string, a symbol's pointer as a string.
    symEndB | 4, (strEndB - 16) | 4, (symEndB + 8) | 4, (symEndB - 8) | 4, (symEndB - 16) | 4, strEndB | 4, (strEndB + 16) | 4,
    symEndB | 3, symEndB | 5, symEndB | HIGH, symEndB | HIGH | 4, (symEndB + 16) | 7, (consEndB + 24) | 4,
  ];
  // Words of the cons run, and of the vector's slots (found as the words whose value is the vector's 13th slot's).
  const w0 = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const runWords: number[] = [];
  for (let p = hotB >>> 2; p < (hotB >>> 2) + 8; p++) runWords.push(p);
  for (let p = (consEndB >>> 2) - 8; p < consEndB >>> 2; p++) runWords.push(p);
  // The first two symbols' and the last symbol's name, value, function and plist (a lane group).
  for (const at of [consEndB >>> 2, (consEndB >>> 2) + SYMBOL_WORDS, (symEndB >>> 2) - SYMBOL_WORDS])
    for (let f = 0; f < 5; f++) runWords.push(at + f);
  let vecAt = -1;
  for (let p = symEndB >>> 2; p < hw[H_HOT_END]! >>> 2 && vecAt < 0; p++) if ((w0[p]! & 0x3ffffff) === 13 && w0[p]! >>> PVEC_TYPE_SHIFT === 0) vecAt = p;
  assert.ok(vecAt > 0, 'the 13-slot vector is in the hot section');
  const vecWords = Array.from({ length: 13 }, (_, i) => vecAt + 1 + i);
  const seen = { loaded: 0, refused: 0 };
  for (const p of [...runWords, ...vecWords]) {
    for (const e of edges) {
      const b = good.slice();
      new Int32Array(b.buffer, 0, b.length >>> 2)[p] = e;
      seen[same(reseal(b), `word ${p} = 0x${(e >>> 0).toString(16)}`)]++;
    }
  }
  assert.ok(seen.loaded > 50 && seen.refused > 200, JSON.stringify(seen));
});

test('multibyte strings\' char counts: the kernel\'s sixteen bytes a turn and its byte tail give the JS walk\'s verdict', () => {
  // The string run's check counts a multibyte string's non-continuation bytes sixteen at a time,
  // then the rest one by one: strings of 1-40 bytes with the multibyte chars at every place around
  // those boundaries, each then damaged in a byte (a continuation byte made a lead byte and back)
  // or in its char count, must be loaded or refused as the JS walk does.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  const texts: string[] = [];
  for (let n = 1; n <= 40; n++) for (const at of [0, n >> 1, n - 1]) texts.push('a'.repeat(at) + '\u00e9' + 'b'.repeat(Math.max(0, n - at - 2)));
  texts.push('\u00e9'.repeat(16), '\u20ac'.repeat(11), 'x' + '\u00e9'.repeat(16));
  setSymbolRawValue(rt, intern(rt, 'kernel-multibyte'), list(rt, ...texts.map((t) => makeString(rt, t))));
  const file = join(dir, 'multibyte.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  assert.equal(same(good, 'undamaged'), 'loaded');
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  const w0 = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  // The multibyte strings of the string run (4 words: chars, bytes, data, intervals).
  const multi: number[] = [];
  for (let p = hw[H_SYM_END]! >>> 2; p < hw[H_STR_END]! >>> 2; p += 4) if (w0[p + 1]! >= 0 && w0[p + 1] !== w0[p]) multi.push(p);
  assert.ok(multi.length >= texts.length, `${multi.length} multibyte strings in the run`);
  const seen = { loaded: 0, refused: 0 };
  for (const p of multi) {
    const nbytes = w0[p + 1]!;
    const d = w0[p + 2]!;
    if (d === 0 || d < 0) continue;
    for (const j of [0, 1, 14, 15, 16, 17, nbytes - 1]) {
      if (j < 0 || j >= nbytes) continue;
      const b = good.slice();
      b[d + j] = (b[d + j]! & 0xc0) === 0x80 ? 0x41 : 0x80;
      seen[same(reseal(b), `string at word ${p}: byte ${j}`)]++;
    }
    for (const dn of [-1, 1]) {
      const b = good.slice();
      new Int32Array(b.buffer, 0, b.length >>> 2)[p] = w0[p]! + dn;
      seen[same(reseal(b), `string at word ${p}: ${dn} chars`)]++;
    }
  }
  assert.ok(seen.refused > 100, JSON.stringify(seen));
});

test('string data ends: found eight kind bytes a turn, a byte a turn near the cold end, by the table past 32 granules; the JS walk\'s verdict', () => {
  // A string's data runs to the next object start. The kernel reads the kind map eight granules a
  // turn while eight lie before the cold end, then a byte a turn, and past 32 granules searches the
  // object-start table: unibyte and multibyte strings of 0-300 bytes, each made one to nine bytes
  // longer than its data or given its neighbour's data, must be loaded or refused as JS does.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  const lens = [0, 1, 6, 7, 8, 9, 15, 16, 23, 24, 55, 56, 57, 63, 64, 65, 71, 72, 247, 248, 255, 256, 257, 263, 264, 300];
  const texts = [...lens.map((n) => 'q'.repeat(n)), ...lens.filter((n) => n >= 2).map((n) => '\u00e9' + 'r'.repeat(n - 2))];
  setSymbolRawValue(rt, intern(rt, 'kernel-data-ends'), list(rt, ...texts.map((t) => makeString(rt, t))));
  const file = join(dir, 'data-ends.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  assert.equal(same(good, 'undamaged'), 'loaded');
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  const w0 = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const strs: number[] = [];
  for (let p = hw[H_SYM_END]! >>> 2; p < hw[H_STR_END]! >>> 2; p += 4) if (w0[p + 2]! > 0) strs.push(p);
  // The tested strings, and the last strings of the run (whose data may lie near the cold end).
  const mine = strs.filter((p) => lens.includes(w0[p + 1]! < 0 ? w0[p]! : w0[p + 1]!));
  const picks = [...new Set([...mine, ...strs.slice(-12)])];
  assert.ok(mine.length >= texts.length, `${mine.length} of the test's strings in the run`);
  const seen = { loaded: 0, refused: 0 };
  for (const p of picks) {
    const multibyte = w0[p + 1]! >= 0;
    for (const dn of [1, 2, 7, 8, 9]) {
      const b = good.slice();
      const w = new Int32Array(b.buffer, 0, b.length >>> 2);
      w[p] = w[p]! + dn;
      if (multibyte) w[p + 1] = w[p + 1]! + dn;
      seen[same(reseal(b), `string at word ${p}: ${dn} bytes longer`)]++;
    }
    const other = strs[(strs.indexOf(p) + 1) % strs.length]!;
    const b = good.slice();
    new Int32Array(b.buffer, 0, b.length >>> 2)[p + 2] = w0[other + 2]!;
    seen[same(reseal(b), `string at word ${p}: the data of word ${other}`)]++;
  }
  assert.ok(seen.refused > 100 && seen.loaded > 5, JSON.stringify(seen));
});

test('tables longer than one kernel call: entries at the chunk boundaries are checked as any other', () => {
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.25 });
  const xs: number[] = [];
  // Strings: two object-start entries each (header and data), and the list's conses make a cons run
  // (format 5: no entries) of more than two kernel calls too.
  for (let i = 0; i < 2.1 * KERNEL_CHUNK; i++) xs.push(makeString(rt, `s${i}`));
  setSymbolRawValue(rt, intern(rt, 'kernel-long-list'), list(rt, ...xs));
  const file = join(dir, 'long.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  const hw = new Int32Array(good.buffer, good.byteOffset, 48);
  assert.ok(hw[H_STARTS_COUNT]! > 2 * KERNEL_CHUNK, 'three chunks of the object starts (and of the verify walk)');
  const big = { ...WASM, heapBytes: 24 * 1024 * 1024 };
  const sameBig = (bytes: Uint8Array, what: string): string => {
    writeFileSync(join(dir, 'y.pdmp'), bytes);
    const run = (opts: typeof WASM): string => {
      try {
        const r = loadDump(host, join(dir, 'y.pdmp'), opts);
        return `loaded ${r.heap.memory !== null}`;
      } catch (e) {
        if (!(e instanceof DumpLoadError)) throw e;
        return `${e.kind}: ${e.message}`;
      }
    };
    const a = run(big);
    const b = run({ ...big, heapBytes: big.heapBytes + 16384 });
    if (a.startsWith('loaded')) assert.deepEqual([a, b], ['loaded true', 'loaded false'], what);
    else assert.equal(a, b, what);
    return a;
  };
  assert.equal(sameBig(good, 'undamaged'), 'loaded true');
  let refused = 0;
  for (const [at, count] of [[hw[H_STARTS_OFFSET]! >>> 2, hw[H_STARTS_COUNT]!]]) {
    for (const i of [KERNEL_CHUNK - 1, KERNEL_CHUNK, KERNEL_CHUNK + 1, 2 * KERNEL_CHUNK, count! - 1]) {
      for (const how of [0, 1, 2]) {
        const b = good.slice();
        const w = new Int32Array(b.buffer, 0, b.length >>> 2);
        const e = at! + i;
        if (how === 0) w[e] = w[e - 1]!; // out of order: equal to the one before
        else if (how === 1) w[e - 1] = w[e]! + 8; // the one before is past it
        else w[e] = w[e]! + 8 * 1000000; // far past the end
        if (!sameBig(reseal(b), `entry ${i}, damage ${how}`).startsWith('loaded')) refused++;
      }
    }
  }
  assert.ok(refused >= 13, `out-of-order and out-of-range entries at the boundaries are refused (${refused} of 15)`);
  // The cons run goes through in calls of 2 * KERNEL_CHUNK words: a bad slot at either side of a
  // boundary is refused by both walks.
  const run = (hw[H_CONS_END]! - hw[H_HOT_START]!) >>> 2;
  assert.ok(run > 4 * KERNEL_CHUNK, `three calls over the cons run (${run} words)`);
  for (const i of [2 * KERNEL_CHUNK - 1, 2 * KERNEL_CHUNK, 4 * KERNEL_CHUNK - 1, 4 * KERNEL_CHUNK, run - 1]) {
    const b = good.slice();
    const w = new Int32Array(b.buffer, 0, b.length >>> 2);
    w[(hw[H_HOT_START]! >>> 2) + i] = 1; // tag 1: no Lisp word
    assert.notEqual(sameBig(reseal(b), `cons run word ${i}`).slice(0, 6), 'loaded', `cons run word ${i}`);
  }
});

test('the cold section: damaged floats, string data, bool-vectors and bignums get the same verdict from the kernel as from JS', () => {
  // kernels.ts vcold walks the cold section's object starts as verify.ts's JS loop does.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
  const xs: number[] = [];
  for (let i = 0; i < 40; i++) {
    xs.push(makeFloat(rt, i / 3), makeString(rt, `cold-${i}`), makeInteger(rt, (-7n) ** BigInt(20 + i)));
    xs.push(makeBoolVector(rt, 1 + 9 * i));
  }
  setSymbolRawValue(rt, intern(rt, 'kernel-cold'), list(rt, ...xs));
  const file = join(dir, 'cold.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  const gw = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  assert.equal(same(good, 'undamaged'), 'loaded');
  const sat = gw[H_STARTS_OFFSET]! >>> 2;
  const cold: number[] = [];
  for (let i = sat; i < sat + gw[H_STARTS_COUNT]!; i++) if (gw[i]! >>> 3 >= gw[H_COLD_START]! >>> 2) cold.push(i);
  assert.ok(cold.length > 150, `${cold.length} cold objects`);
  const seen = { loaded: 0, refused: 0 };
  for (let k = 0; k < 200; k++) {
    const b = good.slice();
    const w = new Int32Array(b.buffer, 0, b.length >>> 2);
    const e = cold[rand(cold.length)]!;
    const off = gw[e]! >>> 3;
    const how = rand(6);
    if (how === 0) w[off] = w[off]! ^ (1 << rand(32)); // a header (or a float's or data's first word)
    else if (how === 1) w[off] = (w[off]! & ~((1 << 26) - 1)) | rand(64); // another size
    else if (how === 2) w[off + 1] = w[off + 1]! + 4 * (rand(9) - 4); // the first slot: a bit count or sign
    else if (how === 3) w[off + 1] = w[off + 1]! ^ (1 << rand(3));
    else if (how === 4) w[e] = (gw[e]! & ~7) | [1, 5, 7, 3][rand(4)]!; // the entry's kind
    else w[e] = gw[e]! + (rand(2) ? 16 : -16); // the entry moved
    seen[same(reseal(b), `cold object at word ${off}, damage ${how}`)]++;
  }
  assert.ok(seen.refused > 50 && seen.loaded > 10, JSON.stringify(seen));
});

test('dumped-symbol words, symbol slots and flags, and vector slots: checked inline, the same verdict as JS', () => {
  // The walk checks a dumped symbol's word (tag 0, bit 31) in place, in conses (eight a turn), in
  // symbols (five slots and the flags word) and in vectors alike: each damaged the ways that matter.
  const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.75 });
  const syms: number[] = [];
  for (let i = 0; i < 60; i++) syms.push(intern(rt, `kernel-sym-${i}`));
  for (let i = 0; i < 60; i++) setSymbolRawValue(rt, syms[i]!, syms[(i + 1) % 60]!);
  const v = vectorFromArray(rt, syms);
  setSymbolRawValue(rt, intern(rt, 'kernel-syms'), cons(rt, v, list(rt, ...syms)));
  const file = join(dir, 'syms.pdmp');
  dumpToFile(rt, file, false, true);
  const good = new Uint8Array(readFileSync(file));
  assert.equal(same(good, 'undamaged'), 'loaded');
  const gw = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const symbolWords: number[] = [];
  for (let p = gw[H_HOT_START]! >>> 2; p < gw[H_HOT_END]! >>> 2; p++) if ((gw[p]! & 7) === 0 && gw[p]! < 0) symbolWords.push(p);
  assert.ok(symbolWords.length > 20, `${symbolWords.length} dumped-symbol words`);
  // The symbols of the symbol run and the conses of the cons run (neither has object-start entries).
  const run = (from: number, to: number, words: number): number[] => {
    const out: number[] = [];
    for (let p = from >>> 2; p < to >>> 2; p += words) out.push(p);
    return out;
  };
  const symbols = run(gw[H_CONS_END]!, gw[H_SYM_END]!, SYMBOL_WORDS);
  const conses = run(gw[H_HOT_START]!, gw[H_CONS_END]!, 2);
  assert.ok(symbols.length >= 60 && conses.length >= 60, `${symbols.length} symbols, ${conses.length} conses`);
  const seen = { loaded: 0, refused: 0 };
  const pick = <T>(xs: T[], k: number): T => xs[(k * 7919) % xs.length]!;
  for (let k = 0; k < 60; k++) {
    const b = good.slice();
    const w = new Int32Array(b.buffer, 0, b.length >>> 2);
    const how = k % 6;
    const sw = pick(symbolWords, k);
    if (how === 0) w[sw] = (0x80000000 | (pick(conses, k) << 2)) | 0; // a "symbol" that is a cons
    else if (how === 1) w[sw] = (0x80000000 | (b.length + 8 * (k & 3))) | 0; // past the file
    else if (how === 2) w[sw] = w[sw]! + 8; // not a symbol's start
    else if (how === 3) w[pick(symbols, k) + 5] = w[pick(symbols, k) + 5]! | (3 << (2 * (k & 3))); // a flags field of 3
    else if (how === 4) w[pick(symbols, k) + 5] = w[pick(symbols, k) + 5]! | (1 << (9 + (k & 7))); // an unknown flag bit
    else w[pick(symbols, k) + 1 + (k % 5)] = 1; // a slot of tag 1
    seen[same(reseal(b), `dumped-symbol and symbol damage ${how} (${k})`)]++;
  }
  assert.ok(seen.refused >= 50 && symbolWords.length >= 120, `${symbolWords.length} words: ${JSON.stringify(seen)}`);
});

test('a damaged sub-char-table is refused by the kernels walk as by the JS one', () => {
  // The kernels check sub-char-tables' shapes themselves (the JS walk's checkShape): depth,
  // size for the depth, min char. Mutations that the JS walk refuses must not load through them.
  const good = makeDump();
  const gw = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const sat = gw[H_STARTS_OFFSET]! >>> 2;
  const subs: number[] = [];
  for (let i = sat; i < sat + gw[H_STARTS_COUNT]!; i++) {
    const off = gw[i]! >>> 3;
    if ((gw[i]! & 7) === 5 && gw[off]! >>> PVEC_TYPE_SHIFT === PVEC_SUB_CHAR_TABLE) subs.push(off);
  }
  assert.ok(subs.length >= 3, `the dump has sub-char-tables (${subs.length})`);
  const fix = (n: number): number => (n << 2) | 2;
  const damage: [string, (w: Int32Array, at: number) => void][] = [
    ['depth 0', (w, at) => { w[at + 1] = fix(0); }],
    ['depth 4', (w, at) => { w[at + 1] = fix(4); }],
    ['depth -1', (w, at) => { w[at + 1] = fix(-1); }],
    ['depth one more', (w, at) => { w[at + 1] = w[at + 1]! + 4; }],
    ['depth one less', (w, at) => { w[at + 1] = w[at + 1]! - 4; }],
    ['depth not a fixnum', (w, at) => { w[at + 1] = 0; }],
    ['min char not a fixnum', (w, at) => { w[at + 2] = 0; }],
  ];
  let refused = 0;
  for (const at of [subs[0]!, subs[subs.length >> 1]!, subs[subs.length - 1]!]) {
    for (const [what, f] of damage) {
      const b = good.slice();
      f(new Int32Array(b.buffer, 0, b.length >>> 2), at);
      if (same(reseal(b), `sub-char-table at ${at}: ${what}`) === 'refused') refused++;
    }
  }
  assert.equal(refused, 3 * damage.length);
});

test('a damaged hash table\'s next, hash and index vectors are refused by the kernels walk as by the JS one', () => {
  // The kernels check those vectors with vfixnums (verify.ts checkHashTable's three loops).
  const good = makeDump();
  const gw = new Int32Array(good.buffer, good.byteOffset, good.length >>> 2);
  const sat = gw[H_STARTS_OFFSET]! >>> 2;
  const tables: number[] = [];
  for (let i = sat; i < sat + gw[H_STARTS_COUNT]!; i++) {
    const off = gw[i]! >>> 3;
    if ((gw[i]! & 7) === 5 && gw[off]! >>> PVEC_TYPE_SHIFT === PVEC_HASH_TABLE) tables.push(off);
  }
  assert.ok(tables.length >= 1, 'the dump has a hash table');
  // The biggest table: the test's own, of 40 entries.
  const size = (at: number): number => gw[(gw[at + 1 + HT_HASH]! & ~7) >>> 2]! & PVEC_SIZE_MASK;
  const at = tables.reduce((x, y) => (size(y) > size(x) ? y : x));
  const vec = (slot: number): number => (gw[at + 1 + slot]! & ~7) >>> 2;
  const n = size(at);
  const buckets = gw[vec(HT_INDEX)]! & PVEC_SIZE_MASK;
  assert.ok(n >= 40 && buckets >= 1, `table sizes ${n}, ${buckets}`);
  const fix = (v: number): number => (v << 2) | 2;
  const words: [string, number][] = [
    ['-1', fix(-1)], ['-2', fix(-2)], ['size', fix(n)], ['size - 1', fix(n - 1)], ['0', fix(0)], ['nil', 0],
    ['t', Qt], ['a large fixnum', fix((1 << 29) - 1)], ['the smallest fixnum', fix(-(1 << 29))], ['tag 1', 1 | 8],
    ['a cons pointer', gw[at + 1 + HT_NEXT]! - 2], ['tag 3', 3 + 16],
  ];
  let loaded = 0;
  let refused = 0;
  for (const [slot, count] of [[HT_NEXT, n], [HT_HASH, n], [HT_INDEX, buckets]] as const) {
    for (const i of [0, 1, count >> 1, count - 1]) {
      for (const [what, word] of words) {
        const b = good.slice();
        new Int32Array(b.buffer, 0, b.length >>> 2)[vec(slot) + 1 + i] = word;
        if (same(reseal(b), `hash table vector ${slot}, entry ${i}: ${what}`) === 'refused') refused++;
        else loaded++;
      }
    }
  }
  assert.ok(refused > 30 && loaded > 10, `both verdicts occur (${refused} refused, ${loaded} loaded)`);
});

test('the static region built by the statics kernel is the JS loops\' word for word, start bits included', async () => {
  const { newRuntime, setJsStatics } = await import('../src/core/static.ts');
  const build = (js: boolean, heapBytes: number, pinStaticBase: number) => {
    setJsStatics(js);
    try {
      return newRuntime({ host, heapBytes, pinStaticBase, dumpWords: 0 });
    } finally {
      setJsStatics(false);
    }
  };
  // The subrs' words and their symbols' function cells too (the kernel writes them from subr.ts's
  // triples), at two static bases.
  for (const [heapBytes, pin] of [[WASM.heapBytes, 1000], [64 * 1024 * 1024, 1000], [WASM.heapBytes, 70002]] as const) {
    const a = build(false, heapBytes, pin);
    const b = build(true, heapBytes, pin);
    assert.ok(a.heap.memory !== null && kernelsFor(a.heap.memory) !== null, 'the kernel ran');
    const [s, e] = [a.heap.staticBase, a.heap.staticTop];
    assert.equal(b.heap.staticBase, s);
    assert.deepEqual(a.i32.subarray(s - 64, e + 64), b.i32.subarray(s - 64, e + 64), 'static words');
    assert.deepEqual(a.heap.startBits, b.heap.startBits, 'start bits');
    // The scratch at the top of the heap is clear again.
    assert.ok(a.u8.subarray(a.u8.length - 65536).every((x) => x === 0), 'scratch cleared');
  }
});
