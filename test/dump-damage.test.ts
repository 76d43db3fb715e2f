// Damaged dumps: thousands of mutations of a real dump, each refused with a DumpLoadError or loaded into a sound heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import { createRuntime } from '../src/core/init.ts';
import { cons, list, makeFloat, makeInteger, makeString, makeVector, setSymbolRawValue, makeFixnum } from '../src/core/object.ts';
import { intern } from '../src/core/obarray.ts';
import { Qt } from '../src/core/symbols.ts';
import { collectGarbage, verifyHeap } from '../src/core/gc.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { DumpLoadError, loadDump, type DumpLoadFailure } from '../src/dump/loader.ts';
import { seededRandom } from './support/random.ts';
import { STR_DATA } from '../src/heap/layout.ts';
import {
  H_CHECKSUM, H_COLD_END, H_COLD_START, H_DISC_END, H_FILE_BYTES, H_HOT_END, H_HOT_START, H_RELOC_COUNT,
  H_RELOC_OFFSET, H_STARTS_COUNT, H_STARTS_OFFSET, HEADER_BYTES, H_CONS_END, H_SYM_END, H_STR_END, sealChecksum,
} from '../src/dump/format.ts';

const HEAP = 24 * 1024 * 1024;
// Loads use a small heap at pinned bases: thousands of runtimes are built here.
const LOAD = { heapBytes: 4 * 1024 * 1024, pinStaticBase: 64, pinDumpBase: 65536 };
const host = nodeHost();
const dir = mkdtempSync(join(tmpdir(), 'tsmacs-damage-'));
const target = join(dir, 'damaged.pdmp');

// A deterministic PRNG so a failure can be replayed.
const rand = seededRandom(0x2545f491);

function makeDump(): Uint8Array {
  const rt = createRuntime({ host, heapBytes: HEAP, seed: 0.5 });
  const xs: number[] = [];
  for (let i = 0; i < 300; i++) xs.push(i % 3 ? makeFixnum(i) : makeString(rt, `str-${i}`));
  setSymbolRawValue(rt, intern(rt, 'damage-list'), list(rt, ...xs));
  const v = makeVector(rt, 8, Qt);
  for (let i = 0; i < 8; i++) v && setSymbolRawValue(rt, intern(rt, `damage-${i}`), cons(rt, makeFloat(rt, i / 3), v));
  setSymbolRawValue(rt, intern(rt, 'damage-big'), makeInteger(rt, 7n ** 40n));
  const file = join(dir, 'good.pdmp');
  dumpToFile(rt, file, false, true);
  return new Uint8Array(readFileSync(file));
}

const good = makeDump();
const words = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.length >>> 2);
const header = words(good.slice(0, HEADER_BYTES));
const tally = new Map<string, number>();

/** Load the bytes; refusal must be a DumpLoadError, success must give a heap the verifier accepts. */
function check(bytes: Uint8Array, what: string, expect?: DumpLoadFailure | readonly DumpLoadFailure[]): void {
  writeFileSync(target, bytes);
  let rt;
  try {
    rt = loadDump(host, target, LOAD);
  } catch (e) {
    if (!(e instanceof DumpLoadError)) assert.fail(`${what}: threw ${e instanceof Error ? e.stack : e}`);
    if (typeof expect === 'string') assert.equal(e.kind, expect, `${what}: ${e.message}`);
    else if (expect) assert.ok(expect.includes(e.kind), `${what}: ${e.kind}: ${e.message}`);
    assert.match(e.message, /^could not load dump file ".*": ./);
    tally.set(e.kind, (tally.get(e.kind) ?? 0) + 1);
    return;
  }
  if (expect) assert.fail(`${what}: loaded, expected ${expect}`);
  assert.deepEqual(verifyHeap(rt), [], what);
  collectGarbage(rt);
  assert.deepEqual(verifyHeap(rt), [], what);
  tally.set('loaded', (tally.get('loaded') ?? 0) + 1);
}

/** What a forged relocation or object-start table may be refused as: a table, relocation or object fault. */
const FORGED: readonly DumpLoadFailure[] = ['bad-table', 'bad-relocation', 'bad-object'];

/** The file last checked gets the same verdict from the JS walk as from the WebAssembly one. */
function sameVerdicts(what: string): void {
  const verdict = (jsVerify: boolean): string => {
    try {
      loadDump(host, target, { ...LOAD, jsVerify });
      return 'loaded';
    } catch (e) {
      return e instanceof DumpLoadError ? `${e.kind}: ${e.message}` : `threw ${e}`;
    }
  };
  assert.equal(verdict(false), verdict(true), what);
}

/** Re-seal a forged file so that only the table checks stand between it and the heap. */
function reseal(b: Uint8Array): Uint8Array {
  const w = words(b);
  w[H_CHECKSUM] = sealChecksum(w);
  return b;
}

test('the undamaged dump loads', () => {
  check(good.slice(), 'pristine');
  assert.equal(tally.get('loaded'), 1);
});

test('refusals with their own kind: missing, not a dump, failed dump, fingerprint, version', () => {
  assert.throws(() => loadDump(host, join(dir, 'nope.pdmp'), LOAD),
    (e: unknown) => e instanceof DumpLoadError && e.kind === 'missing' && /could not open file/.test(e.message));
  check(new TextEncoder().encode('garbage\n'), 'text file', 'not-a-dump');
  check(new Uint8Array(0), 'empty file', 'not-a-dump');
  const failed = good.slice();
  failed[0] = 0x21;
  check(failed, 'in-progress mark', 'failed-dump');
  const fp = good.slice();
  fp[40] ^= 1;
  writeFileSync(target, fp);
  try {
    loadDump(host, target, LOAD);
    assert.fail('fingerprint accepted');
  } catch (e) {
    assert.ok(e instanceof DumpLoadError && e.kind === 'fingerprint');
    assert.match(e.message, /not built for this Emacs executable$/);
    assert.match(e.preamble, /^desired fingerprint: [0-9a-f]{64}\nfound fingerprint: [0-9a-f]{64}\n$/);
  }
  const ver = good.slice();
  words(ver)[5] = 99;
  check(ver, 'version', 'version');
});

test('flipped bytes anywhere are refused', () => {
  for (let i = 0; i < 2000; i++) {
    const b = good.slice();
    const flips = 1 + rand(3);
    for (let k = 0; k < flips; k++) b[rand(b.length)] ^= 1 + rand(255);
    check(b, `flip #${i}`);
  }
});

test('truncation at every section boundary and at random lengths is refused', () => {
  const bounds = [H_HOT_START, H_HOT_END, H_DISC_END, H_COLD_START, H_COLD_END, H_RELOC_OFFSET, H_STARTS_OFFSET]
    .map((i) => header[i]!);
  bounds.push(16, HEADER_BYTES, good.length - 4, good.length - 8);
  for (const at of bounds)
    for (const d of [-9, -8, -1, 0, 1, 8])
      if (at + d >= 0 && at + d < good.length) check(good.slice(0, at + d), `truncated at ${at + d}`);
  for (let i = 0; i < 300; i++) check(good.slice(0, rand(good.length)), `truncated #${i}`);
  const longer = new Uint8Array(good.length + 8);
  longer.set(good);
  check(longer, 'trailing bytes', 'truncated');
});

test('swapped sections and swapped blocks are refused', () => {
  const sections: [number, number][] = [
    [header[H_HOT_START]!, header[H_HOT_END]!],
    [header[H_HOT_END]!, header[H_DISC_END]!],
    [header[H_COLD_START]!, header[H_COLD_END]!],
    [header[H_RELOC_OFFSET]!, header[H_STARTS_OFFSET]!],
    [header[H_STARTS_OFFSET]!, good.length],
  ];
  for (let i = 0; i < sections.length; i++)
    for (let j = i + 1; j < sections.length; j++) {
      const [a0, a1] = sections[i]!;
      const [b0, b1] = sections[j]!;
      const n = Math.min(a1 - a0, b1 - b0);
      if (n === 0) continue;
      const b = good.slice();
      b.set(good.subarray(b0, b0 + n), a0);
      b.set(good.subarray(a0, a0 + n), b0);
      check(b, `sections ${i}<->${j}`);
    }
  for (let i = 0; i < 300; i++) {
    const n = 8 * (1 + rand(16));
    const a = 8 * rand((good.length - n) >>> 3);
    const c = 8 * rand((good.length - n) >>> 3);
    const b = good.slice();
    b.set(good.subarray(c, c + n), a);
    b.set(good.subarray(a, a + n), c);
    check(b, `blocks ${a}<->${c} (${n})`);
  }
});

/**
 * The words of the hot section that a load relocates (file word offsets): those that differ between
 * two loads at other bases. Since format 4 the file has no relocation table: each pointer word is
 * checked and relocated by the verify walk, its type following from the word.
 */
function relocatedWords(): number[] {
  writeFileSync(target, good);
  const a = loadDump(host, target, LOAD);
  const b = loadDump(host, target, { ...LOAD, pinStaticBase: LOAD.pinStaticBase + 2, pinDumpBase: LOAD.pinDumpBase + 4096 });
  const out: number[] = [];
  for (let p = header[H_HOT_START]! >>> 2; p < header[H_HOT_END]! >>> 2; p++)
    if (a.i32[a.heap.dumpBase + p] !== b.i32[b.heap.dumpBase + p]) out.push(p);
  return out;
}
const relocated = relocatedWords();

/** Object kind (Lisp tag, or 1 for string data) starting at each granule of the good file. */
const startKinds = ((): Map<number, number> => {
  const g = words(good);
  const s0 = header[H_STARTS_OFFSET]! >>> 2;
  const kinds = new Map<number, number>();
  // The cons run (format 5): a cons at every granule, without entries.
  for (let gr = header[H_HOT_START]! >>> 3; gr < header[H_CONS_END]! >>> 3; gr++) kinds.set(gr, 3);
  // The symbol run (format 7): a symbol every three granules, without entries.
  for (let gr = header[H_CONS_END]! >>> 3; gr < header[H_SYM_END]! >>> 3; gr += 3) kinds.set(gr, 0);
  // And the string run: a string header every two granules.
  for (let gr = header[H_SYM_END]! >>> 3; gr < header[H_STR_END]! >>> 3; gr += 2) kinds.set(gr, 4);
  for (let i = 0; i < header[H_STARTS_COUNT]!; i++) kinds.set(g[s0 + i]! >>> 4, g[s0 + i]! & 7);
  return kinds;
})();

test('the cons run: most conses, no object-start entries, its end checked', () => {
  const run = (header[H_CONS_END]! - header[H_HOT_START]!) >>> 3;
  assert.ok(run > header[H_STARTS_COUNT]!, `${run} conses in the run, ${header[H_STARTS_COUNT]} entries`);
  for (const d of [8, -8, 16, -16, 24, 4, header[H_HOT_END]! - header[H_CONS_END]! + 8, -header[H_CONS_END]!]) {
    const b = good.slice();
    words(b)[H_CONS_END] = header[H_CONS_END]! + d;
    check(reseal(b), `cons run end ${d > 0 ? '+' : ''}${d}`, FORGED);
    sameVerdicts(`cons run end ${d > 0 ? '+' : ''}${d}`);
  }
});

test('the symbol run: every dumped symbol, no object-start entries, its end checked', () => {
  const run = (header[H_SYM_END]! - header[H_CONS_END]!) / 24;
  assert.ok(run >= 10, `${run} symbols in the run`);
  for (let i = 0; i < header[H_STARTS_COUNT]!; i++)
    assert.notEqual(words(good)[(header[H_STARTS_OFFSET]! >>> 2) + i]! & 7, 0, 'no symbol has an object-start entry');
  for (const d of [24, -24, 8, -8, 16, 48, 4, header[H_HOT_END]! - header[H_SYM_END]! + 24, header[H_CONS_END]! - header[H_SYM_END]! - 24,
    -header[H_SYM_END]!]) {
    const b = good.slice();
    words(b)[H_SYM_END] = header[H_SYM_END]! + d;
    check(reseal(b), `symbol run end ${d > 0 ? '+' : ''}${d}`, FORGED);
    sameVerdicts(`symbol run end ${d > 0 ? '+' : ''}${d}`);
  }
});

test('the string run: every string header, no object-start entries, its end checked', () => {
  const run = (header[H_STR_END]! - header[H_SYM_END]!) / 16;
  assert.ok(run >= 10, `${run} strings in the run`);
  for (let i = 0; i < header[H_STARTS_COUNT]!; i++)
    assert.notEqual(words(good)[(header[H_STARTS_OFFSET]! >>> 2) + i]! & 7, 4, 'no string has an object-start entry');
  for (const d of [16, -16, 8, -8, 32, 4, header[H_HOT_END]! - header[H_STR_END]! + 16, header[H_SYM_END]! - header[H_STR_END]! - 16,
    -header[H_STR_END]!]) {
    const b = good.slice();
    words(b)[H_STR_END] = header[H_STR_END]! + d;
    check(reseal(b), `string run end ${d > 0 ? '+' : ''}${d}`, FORGED);
    sameVerdicts(`string run end ${d > 0 ? '+' : ''}${d}`);
  }
});

test('the file has no relocation table; a load relocates the pointer words, at any bases', () => {
  assert.equal(header[H_RELOC_COUNT], 0);
  assert.equal(header[H_RELOC_OFFSET], header[H_STARTS_OFFSET]);
  assert.ok(relocated.length > 500, `${relocated.length} words relocated`);
  const b = good.slice();
  words(b)[H_RELOC_COUNT] = 1;
  check(reseal(b), 'a relocation count', 'bad-table');
});

test('re-sealed files with pointer words or object starts out of range are refused', () => {
  const s0 = header[H_STARTS_OFFSET]! >>> 2;
  const nst = header[H_STARTS_COUNT]!;
  const fileWords = good.length >>> 2;
  assert.ok(nst > 100);
  const forge = (mutate: (w: Int32Array) => void, what: string): void => {
    const b = good.slice();
    mutate(words(b));
    check(reseal(b), what, kind === 'start' ? 'bad-table' : FORGED);
  };
  let kind: number | 'start' = 0;
  // Dump-relative words only (no bit 31): a static-relative value moved may land on another static
  // object, a content forgery the loader cannot refuse.
  const dumpRelative = relocated.filter((p) => (words(good)[p]! & 0x80000000) === 0);
  for (let i = 0; i < 400; i++) {
    const p = dumpRelative[rand(dumpRelative.length)]!;
    kind = rand(4);
    forge((w) => {
      const tag = w[p]! & 7;
      if (kind === 0) w[p] = (((fileWords + rand(1 << 20)) << 2) & 0x7ffffff8) | tag; // past the end
      else if (kind === 1) w[p] = (8 * (1 + rand((HEADER_BYTES >>> 3) - 1))) | tag; // into the header
      else if (kind === 2) w[p] = (header[H_HOT_END]! + 8 * rand(64)) | tag; // into the discardable section
      else w[p] = (w[p]! & ~7) | 1; // tag 1 is no Lisp type, and no data address
    }, `word ${p} kind ${kind}`);
  }
  for (let i = 0; i < 200; i++) {
    const k = rand(nst);
    const sk = rand(3);
    kind = 'start';
    forge((w) => {
      const e = w[s0 + k]!;
      if (sk === 0) w[s0 + k] = ((fileWords + rand(1000)) << 3) | (e & 7);
      else if (sk === 1) w[s0 + k] = ((header[H_HOT_END]! >>> 2) << 3) | (e & 7); // the discardable section
      else w[s0 + k] = (e & ~7) | 2; // a fixnum tag is not an object
    }, `object start ${k} kind ${sk}`);
  }
  // Header fields pointing elsewhere, re-sealed: refused or harmless.
  for (let i = 0; i < 300; i++) {
    const b = good.slice();
    const w = words(b);
    const f = 6 + rand(HEADER_BYTES / 4 - 6);
    if (f === H_CHECKSUM || f === H_FILE_BYTES) continue;
    if (f >= 9 && f <= 16) continue; // the fingerprint has its own test
    w[f] = rand(3) === 0 ? -1 : rand(good.length + 64);
    check(reseal(b), `header field ${f}`);
  }
});

// Issue 8: a relocation entry moved by 1-24 words (order kept) or given another valid type, then
// re-sealed, used to load (576 of 1,500) and give wrong answers. Since format 4 there is no table:
// the same forgery is a pointer word moved to another granule or given another type, and every one
// that does not land on the start of an object of its type must be refused.
test('re-sealed files with a pointer moved or retyped off an object of its type are refused', () => {
  writeFileSync(target, good);
  sameVerdicts('the undamaged dump');
  let n = 0;
  while (n < 300) {
    const b = good.slice();
    const w = words(b);
    const p = relocated[rand(relocated.length)]!;
    const v = w[p]!;
    // A string's data address (STR_DATA, word 2 of a string), else a Lisp slot.
    const isData = (p & 1) === 0 && startKinds.get((p - STR_DATA) >>> 1) === 4;
    // Static-relative values are checked against the static region's layout, where a moved one may
    // well land on another static object: a content forgery.
    if ((v & 0x80000000) !== 0 && (isData || (v & 7) !== 0)) continue;
    const tag = v & 7;
    let nv: number;
    if (rand(2) === 0) nv = v + 8 * (1 + rand(24)) * (rand(2) === 0 ? -1 : 1);
    else if (isData) nv = v | (1 + rand(7)); // not 8-aligned
    else {
      const tags = [0, 3, 4, 5, 7].filter((t) => t !== tag);
      const t = tags[rand(tags.length)]!;
      nv = t === 0 ? ((v & ~7) | 0x80000000) : (v & 0x7ffffff8) | t;
    }
    const at = startKinds.get((nv & 0x7fffffff) >>> 3);
    if (isData ? (nv & 7) === 0 && at === 1 : at === (nv & 7)) continue; // another object of its type: a content forgery
    w[p] = nv;
    check(reseal(b), `word ${p} moved or retyped`, FORGED);
    sameVerdicts(`word ${p} moved or retyped`);
    n++;
  }
  // Likewise an object start given another kind, or moved by a granule or two in order.
  const s0 = header[H_STARTS_OFFSET]! >>> 2;
  const nst = header[H_STARTS_COUNT]!;
  for (let i = 0; i < 100; i++) {
    const b = good.slice();
    const w = words(b);
    const k = rand(nst);
    const e = w[s0 + k]!;
    const kinds = [0, 1, 3, 4, 5, 7].filter((x) => x !== (e & 7));
    if (i % 2 === 0) w[s0 + k] = (e & ~7) | kinds[rand(kinds.length)]!;
    else w[s0 + k] = e + (rand(2) === 0 ? 16 : -16);
    check(reseal(b), `object start ${k} retyped or moved`, FORGED);
    sameVerdicts(`object start ${k} retyped or moved`);
  }
});

// Symbol flags the runtime follows without a type check: an alias must hold a symbol, a localized
// variable a cons. A re-sealed file that breaks this is refused.
test('re-sealed files whose symbol flags do not fit the value are refused', () => {
  // The dumped symbols are the symbol run's (format 7: no object-start entries).
  const g = words(good);
  let forged = 0;
  for (let i = 0, at = header[H_CONS_END]! >>> 2; at < header[H_SYM_END]! >>> 2 && forged < 20; i++, at += 6) {
    const vtag = g[at + 1]! & 7;
    const redirect = vtag === 3 ? 1 : vtag === 0 ? 2 : 1 + (i & 1);
    const b = good.slice();
    words(b)[at + 5] = (g[at + 5]! & ~3) | redirect;
    check(reseal(b), `symbol at word ${at} given redirect ${redirect}`, 'bad-object');
    sameVerdicts(`symbol at word ${at} given redirect ${redirect}`);
    forged++;
  }
  assert.ok(forged >= 5, `${forged} symbols forged`);
});

test('summary', () => {
  rmSync(dir, { recursive: true, force: true });
  for (const k of ['checksum', 'truncated', 'bad-table', 'bad-relocation', 'bad-object', 'not-a-dump'])
    assert.ok((tally.get(k) ?? 0) > 0, `some damage was refused as ${k}: ${JSON.stringify([...tally])}`);
});
