// Worker of scripts/dump-mutants.mjs: makes damaged copies of a dump, loads each, and judges it refused, equal or wrong.
//
//   node --import tsx scripts/dump-mutants-worker.ts base OUT
//       run loadup from source and dump the image to OUT
//   node --import tsx scripts/dump-mutants-worker.ts run BASE SEED KINDS FROM TO
//       mutants FROM..TO-1 (mutant i is of kind KINDS[i % KINDS.length], drawn from SEED and i)
//   TSMACS_MERGED_WALKS=1 in the environment: the loader's kernels with the walks merged into one
//   function, as Bun's build compiles them (src/dump/kernels.ts assemble(true)).
//
// For each mutant it prints `start I` before loading, then one JSON line
// {i, kind, what, verdict, detail}: verdict 'refused' (a DumpLoadError with
// its message), 'same-heap' (loaded into words identical to the undamaged
// dump's, at the same pinned bases: provably the same world), 'same-output'
// (loaded into other words, but the Lisp workload printed exactly what the
// undamaged dump's did and verifyHeap is clean), or 'wrong' (anything else:
// another output, a heap fault, a JS exception). Kind 'content' (forged
// contents, a well-formed file of another world) is judged by its load only:
// 'other-world' when it loads into a sound heap. Crashes and hangs are for
// the parent to see: the worker dies or stops printing.

import '../src/emacs/all.ts';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import type { Runtime } from '../src/core/runtime.ts';
import { createRuntime } from '../src/core/init.ts';
import { list, makeString, cons } from '../src/core/object.ts';
import { DEFSYM, Qnil, Qt } from '../src/core/symbols.ts';
import { LispSignal } from '../src/core/signal.ts';
import { verifyHeap } from '../src/core/gc.ts';
import { evalTop, funcall, setInternal } from '../src/emacs/eval.ts';
import { mergeWalksFromSource } from '../src/dump/kernels.ts';

// TSMACS_MERGED_WALKS=1: the kernels' module with the walks merged, as Bun's build compiles it.
if (process.env.TSMACS_MERGED_WALKS === '1') mergeWalksFromSource(true);
import { readFromString } from '../src/emacs/lread.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import { DumpLoadError, loadDump } from '../src/dump/loader.ts';
import {
  HEADER_BYTES, H_CHECKSUM, H_COLD_END, H_COLD_START, H_DISC_END, H_DISC_START, H_FILE_BYTES, H_HOT_END,
  H_CONS_END, H_SYM_END, H_STR_END, H_HOT_START, H_RELOC_COUNT, H_RELOC_OFFSET, H_STARTS_COUNT, H_STARTS_OFFSET, checksum,
  H_DEFER_START, H_DEFER_SUM, HEADER_WORDS, sealChecksum,
} from '../src/dump/format.ts';

const host = nodeHost();
// Every load at the same bases, so an undamaged world is word for word the same each time.
const LOAD = { heapBytes: 48 * 1024 * 1024, pinStaticBase: 64, pinDumpBase: 262144 };


/** The Lisp workload: touches every symbol and prints every Lisp function; hash tables, strings, regexps, errors, numbers. */
const WORKLOAD = `
(list
 (let ((n 0) (acc 0))
   (mapatoms (lambda (s)
               (setq n (1+ n))
               (setq acc (logand (+ (* acc 33) (length (symbol-name s)) (if (fboundp s) 1 0) (if (boundp s) 2 0)
                                    (safe-length (symbol-plist s)))
                                 #xffffff))))
   (list n acc))
 (let ((n 0))
   (mapatoms (lambda (s) (when (and (fboundp s) (consp (symbol-function s)))
                           (setq n (+ n (length (prin1-to-string (symbol-function s))))))))
   n)
 (format "%S" (mapcar (lambda (x) (* x x)) (number-sequence 1 12)))
 (let ((h (make-hash-table :test 'equal)))
   (dotimes (i 300) (puthash (format "k%d" i) (* i i) h))
   (list (hash-table-count h) (gethash "k17" h) (gethash 'nope h)))
 (list (upcase "Hello World, héllo") (string-to-list "héllo") (regexp-opt '("foo" "bar" "baz")))
 (seq-filter (lambda (x) (= (% x 2) 0)) '(1 2 3 4 5 6))
 (condition-case e (car 1) (error e))
 (string-to-number "123456789012345678901234567890")
 (expt 3 50)
 (/ 1.0 3)
 (mapconcat #'symbol-name '(car cdr cons) "+")
 (string-match "\\\\([a-z]+\\\\)-\\\\([0-9]+\\\\)" "xx abc-123")
 (match-string 2 "xx abc-123")
 (let ((v (make-vector 5 'x))) (aset v 2 'y) v)
 (sort (list 5 3 9 1 7) #'<)
 (split-string "a,b,,c" ",")
 (symbol-value 'emacs-version)
 (length load-history))`;

function runWorkload(rt: Runtime): string {
  const sp = rt.sp;
  try {
    return prin1ToJs(rt, evalTop(rt, readFromString(rt, makeString(rt, WORKLOAD)).obj, Qt));
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    return `(ERR ${prin1ToJs(rt, cons(rt, e.symbol, e.data))})`;
  } finally {
    rt.sp = sp;
  }
}

/** The words a load establishes: static region, hot and cold sections, globals. */
function heapWords(rt: Runtime, hotStartW: number, hotEndW: number, coldStartW: number, coldEndW: number): Int32Array[] {
  const h = rt.heap;
  const m = rt.i32;
  return [
    m.slice(h.staticBase, h.staticTop),
    m.slice(h.dumpBase + hotStartW, h.dumpBase + hotEndW),
    m.slice(h.dumpBase + coldStartW, h.dumpBase + coldEndW),
    Int32Array.from(rt.globals),
  ];
}

const sameWords = (a: Int32Array[], b: Int32Array[]): boolean =>
  a.length === b.length && a.every((x, i) => x.length === b[i]!.length && x.every((v, j) => v === b[i]![j]));

/** xorshift from (seed, i): each mutant is reproducible on its own. */
function rng(seed: number, i: number): (n: number) => number {
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35)) >>> 0 || 1;
  return (n: number): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return n <= 0 ? 0 : x % n;
  };
}

const words = (b: Uint8Array): Int32Array => new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);

function reseal(b: Uint8Array): Uint8Array {
  if ((b.length & 3) !== 0) return b;
  const w = words(b);
  if (w.length > H_CHECKSUM) w[H_CHECKSUM] = w.length >= HEADER_WORDS ? sealChecksum(w) : checksum(w, 0, w.length, H_CHECKSUM);
  return b;
}

/**
 * Mutant I of KIND from the undamaged file GOOD: its bytes and a description. PTRS: the hot words a
 * load relocates whose values are dump-relative (format 4 has no relocation table; see pointerWords).
 */
export function mutate(good: Uint8Array, kind: string, rand: (n: number) => number, ptrs: readonly number[]): { bytes: Uint8Array; what: string } {
  const g = words(good);
  const fileWords = g.length;
  const relocW = g[H_RELOC_OFFSET]! >>> 2;
  const startsW = g[H_STARTS_OFFSET]! >>> 2;
  const nst = g[H_STARTS_COUNT]!;
  const b = good.slice();
  const w = words(b);
  switch (kind) {
    case 'bitflip': {
      const n = 1 + rand(3);
      const at: number[] = [];
      for (let k = 0; k < n; k++) {
        const p = rand(b.length);
        b[p]! ^= 1 << rand(8);
        at.push(p);
      }
      return { bytes: b, what: `bits flipped at ${at.join(',')}` };
    }
    case 'truncate': {
      const bounds = [HEADER_BYTES, g[H_HOT_END]!, g[H_DISC_END]!, g[H_COLD_END]!, relocW << 2, startsW << 2, good.length];
      const mode = rand(4);
      if (mode === 0) {
        const cut = bounds[rand(bounds.length)]! + rand(17) - 8;
        return { bytes: good.slice(0, Math.max(0, Math.min(cut, good.length - 1))), what: `cut near a boundary at ${cut}` };
      }
      if (mode === 1) {
        const extra = new Uint8Array(1 + rand(64)).map(() => rand(256));
        const out = new Uint8Array(good.length + extra.length);
        out.set(good);
        out.set(extra, good.length);
        return { bytes: rand(2) ? reseal(out) : out, what: `${extra.length} bytes appended` };
      }
      const cut = rand(good.length);
      const out = good.slice(0, cut);
      // Sometimes with the size field and checksum made to agree.
      if (rand(2) && cut >= HEADER_BYTES && (cut & 7) === 0) {
        words(out)[H_FILE_BYTES] = cut;
        reseal(out);
      }
      return { bytes: out, what: `cut at ${cut}` };
    }
    case 'header': {
      const f = 4 + rand(HEADER_BYTES / 4 - 4);
      if (f === H_CHECKSUM) return mutate(good, kind, rand, ptrs);
      const vals = [0, -1, 1, 8, g[f]! + 8, g[f]! - 8, g[f]! ^ (1 << rand(32)), rand(good.length + 64), 0x7ffffff8];
      w[f] = vals[rand(vals.length)]!;
      return { bytes: reseal(b), what: `header word ${f}: ${g[f]} -> ${w[f]}` };
    }
    case 'sections': {
      const fields = [H_HOT_START, H_HOT_END, H_DISC_START, H_DISC_END, H_COLD_START, H_COLD_END, H_RELOC_OFFSET,
        H_RELOC_COUNT, H_STARTS_OFFSET, H_STARTS_COUNT, 28, 29, 30, 31, 32, 33, H_CONS_END, H_DEFER_START, H_DEFER_SUM, H_SYM_END, H_STR_END];
      const mode = rand(2);
      if (mode === 0) {
        const f = fields[rand(fields.length)]!;
        const d = [8, -8, 16, -16, 2, -2, 1, -1, 4096, -4096][rand(10)]!;
        w[f] = g[f]! + d;
        return { bytes: reseal(b), what: `section field ${f} ${d > 0 ? '+' : ''}${d}` };
      }
      const f1 = fields[rand(fields.length)]!;
      const f2 = fields[rand(fields.length)]!;
      w[f1] = g[f2]!;
      w[f2] = g[f1]!;
      return { bytes: reseal(b), what: `section fields ${f1} and ${f2} swapped` };
    }
    case 'content': {
      // Not damage but forgery of the contents: a well-formed file of another world, re-sealed.
      // The loader cannot refuse these; they must still never crash, hang the load, or throw JS errors.
      if (rand(2)) {
        const target = ptrs[rand(ptrs.length)]!;
        const d = rand(2) ? 8 * (1 + rand(16)) : -8 * (1 + rand(16));
        w[target] = g[target]! + d;
        return { bytes: reseal(b), what: `relocated word ${target} value ${d > 0 ? '+' : ''}${d}` };
      }
      const len = 8 * (1 + rand(64));
      const a = HEADER_BYTES + 8 * rand((good.length - HEADER_BYTES - len) >>> 3);
      const c = HEADER_BYTES + 8 * rand((good.length - HEADER_BYTES - len) >>> 3);
      b.set(good.subarray(a, a + len), c);
      b.set(good.subarray(c, c + len), a);
      return { bytes: reseal(b), what: `blocks of ${len} at ${a} and ${c} swapped` };
    }
    case 'reloc': {
      // Since format 4 the verify walk relocates each pointer word it checks: the forgeries that
      // a relocation table allowed are pointer words sent where no object of their type starts, and
      // a relocation count where there is no table. Each must be refused.
      const p = ptrs[rand(ptrs.length)]!;
      const tag = g[p]! & 7;
      const mode = rand(5);
      if (mode === 0) w[p] = (((fileWords + rand(1 << 20)) << 2) & 0x7ffffff8) | tag;
      else if (mode === 1) w[p] = (8 * (1 + rand((HEADER_BYTES >>> 3) - 1))) | tag;
      else if (mode === 2) w[p] = (g[H_HOT_END]! + 8 * rand(64)) | tag;
      else if (mode === 3) w[p] = (g[p]! & ~7) | 1;
      else {
        w[H_RELOC_COUNT] = 1 + rand(1000);
        return { bytes: reseal(b), what: `relocation count ${w[H_RELOC_COUNT]}` };
      }
      return { bytes: reseal(b), what: `pointer word ${p} ${g[p]} -> ${w[p]} (mode ${mode})` };
    }
    case 'starts': {
      const k = rand(nst);
      const e = g[startsW + k]!;
      const mode = rand(5);
      if (mode === 0) {
        w[startsW + k] = (e & ~7) | rand(8);
        return { bytes: reseal(b), what: `object start ${k} kind ${e & 7} -> ${w[startsW + k]! & 7}` };
      }
      if (mode === 1) {
        const d = 16 * (1 + rand(8)) * (rand(2) ? 1 : -1);
        w[startsW + k] = e + d;
        return { bytes: reseal(b), what: `object start ${k} moved by ${d / 8} words` };
      }
      if (mode === 2) {
        for (let j = k; j < nst - 1; j++) w[startsW + j] = g[startsW + j + 1]!;
        w[startsW + nst - 1] = g[startsW + nst - 1]! + 16;
        return { bytes: reseal(b), what: `object start ${k} dropped` };
      }
      if (mode === 3) {
        const j = rand(nst);
        w[startsW + k] = g[startsW + j]!;
        w[startsW + j] = e;
        return { bytes: reseal(b), what: `object starts ${k} and ${j} swapped` };
      }
      w[startsW + k] = rand(0x7fffffff) | 0;
      return { bytes: reseal(b), what: `object start ${k} = ${w[startsW + k]}` };
    }
  }
  throw new Error(`unknown kind ${kind}`);
}

function makeBase(out: string): void {
  const rt = createRuntime({ host, heapBytes: 256 * 1024 * 1024 });
  const dir = join(import.meta.dirname, '..', 'lisp');
  setInternal(rt, DEFSYM('load-path'), list(rt, makeString(rt, dir)));
  funcall(rt, DEFSYM('load'), [makeString(rt, join(dir, 'loadup.el')), Qnil, Qt]);
  rt.sp = 0;
  funcall(rt, DEFSYM('dump-emacs-portable'), [makeString(rt, out)]);
}

/** The hot words a load relocates (they differ between loads at two bases) whose file values are dump-relative. */
function pointerWords(basePath: string, good: Uint8Array): number[] {
  const g = words(good);
  const a = loadDump(host, basePath, LOAD);
  const aw = a.i32.slice(a.heap.dumpBase, a.heap.dumpBase + g.length);
  const b = loadDump(host, basePath, { ...LOAD, pinStaticBase: LOAD.pinStaticBase + 2, pinDumpBase: LOAD.pinDumpBase + 4096 });
  const out: number[] = [];
  for (let p = g[H_HOT_START]! >>> 2; p < g[H_HOT_END]! >>> 2; p++)
    if (aw[p] !== b.i32[b.heap.dumpBase + p] && (g[p]! & 0x80000000) === 0) out.push(p);
  return out;
}

function run(basePath: string, seed: number, kinds: string[], from: number, to: number): void {
  const good = new Uint8Array(readFileSync(basePath));
  const g = words(good);
  const sect = [g[H_HOT_START]! >>> 2, g[H_HOT_END]! >>> 2, g[H_COLD_START]! >>> 2, g[H_COLD_END]! >>> 2] as const;
  const ptrs = pointerWords(basePath, good);
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-mutants-'));
  const target = join(dir, 'mutant.pdmp');
  const out = (x: object): void => {
    process.stdout.write(JSON.stringify(x) + '\n');
  };
  try {
    const ref = loadDump(host, basePath, LOAD);
    const refWords = heapWords(ref, ...sect);
    const refOut = runWorkload(ref);
    if (refOut.startsWith('(ERR')) throw new Error(`the workload fails on the undamaged dump: ${refOut}`);
    out({ ref: refOut.length });
    for (let i = from; i < to; i++) {
      const kind = kinds[i % kinds.length]!;
      const { bytes, what } = mutate(good, kind, rng(seed, i), ptrs);
      process.stdout.write(`start ${i} ${kind}: ${what}\n`);
      writeFileSync(target, bytes);
      let rt: Runtime;
      try {
        rt = loadDump(host, target, LOAD);
      } catch (e) {
        if (e instanceof DumpLoadError && /^could not load dump file ".*": ./.test(e.message))
          out({ i, kind, what, verdict: 'refused', detail: `${e.kind} (exit ${e.exitCode}): ${e.message.replace(/^[^:]*: /, '')}` });
        else out({ i, kind, what, verdict: 'wrong', detail: `threw ${e instanceof Error ? e.stack : e}` });
        continue;
      }
      try {
        const bad = verifyHeap(rt);
        const sameHeap = sameWords(heapWords(rt, ...sect), refWords);
        if (kind === 'content') {
          // Another world, well formed: only the load itself is judged (no JS error, a sound heap).
          out({ i, kind, what, verdict: bad.length > 0 ? 'wrong' : sameHeap ? 'same-heap' : 'other-world', detail: bad[0] ?? '' });
          continue;
        }
        const o = runWorkload(rt);
        if (bad.length > 0) out({ i, kind, what, verdict: 'wrong', detail: `verifyHeap: ${bad[0]}` });
        else if (o !== refOut) out({ i, kind, what, verdict: 'wrong', detail: `workload printed ${o.slice(0, 300)}` });
        else out({ i, kind, what, verdict: sameHeap ? 'same-heap' : 'same-output', detail: '' });
      } catch (e) {
        out({ i, kind, what, verdict: 'wrong', detail: `threw ${e instanceof Error ? e.stack : e}` });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'base') makeBase(args[0]!);
else if (mode === 'run') run(args[0]!, Number(args[1]), args[2]!.split(','), Number(args[3]), Number(args[4]));
else if (mode !== undefined) throw new Error(`usage: dump-mutants-worker.ts base OUT | run BASE SEED KINDS FROM TO`);
