// The garbage collector: mark from the roots with an explicit stack, sweep the blocks, verify on demand.
//
// Rooting rule (the one invariant every module must keep): a collection runs
// only at a safe point (maybeGC, called by the evaluator before each call and
// each compound form, and by `garbage-collect`). At that moment every live
// Lisp value must be reachable from a root named in markRoots. JS locals are
// invisible, so code that holds a value across a call back into Lisp pushes it
// on the Lisp stack (rt.push) and drops it by restoring rt.sp.
//
// Dumped and static objects are marked in the same bitmap as block objects but
// never swept; their mark bits are cleared wholesale after each cycle.

import { DEFGLOBAL, type Runtime } from './runtime.ts';
import { BUILTIN_SYMBOLS, DEFSYM, Qnil, Qunbound } from './symbols.ts';
import { BK_CONS, BK_DATA, BK_FLOAT, BK_STRING, BK_SYMBOL, BK_VECTOR } from '../heap/heap.ts';
import {
  BUF_MARKERS, HASH_TABLE_SLOTS, HT_COUNT, HT_HASH, HT_INDEX, HT_KV, HT_NEXT, HT_NEXT_FREE, HT_STALE, HT_WEAK,
  PVEC_BUFFER, PVEC_HASH_TABLE, PVEC_TYPE_SHIFT, PVEC_SIZE_MASK, STR_DATA, STR_INTERVALS, SYMBOL_WORDS, SYM_FLAGS,
  isRawPvec,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, isFixnum, makeFixnum } from '../heap/tags.ts';
import { makeFloat, pruneBignumValues } from './object.ts';
import { makeGcKernel, type GcKernel } from './gc-kernel.ts';

const Qgc_cons_threshold = DEFSYM('gc-cons-threshold');
const Qgc_cons_percentage = DEFSYM('gc-cons-percentage');
const Qgcs_done = DEFSYM('gcs-done');
const Qgc_elapsed = DEFSYM('gc-elapsed');
const Qmemory_full = DEFSYM('memory-full');
const Qkey = DEFSYM('key');
const Qvalue = DEFSYM('value');
const Qkey_or_value = DEFSYM('key-or-value');
const DEFAULT_THRESHOLD = 800000;

/**
 * Every armed finalizer (PVEC_FINALIZER whose function is not nil), newest first. The collector
 * does not trace this list: a finalizer it alone holds is unreachable (finalizeAndSweepWeak).
 */
export const G_FINALIZERS = DEFGLOBAL('finalizers');
/** Finalizers found unreachable, oldest first, waiting for their function to run (traced). */
export const G_DOOMED_FINALIZERS = DEFGLOBAL('doomed-finalizers');

/** Weak hash tables met while marking this cycle; their entries are traced later (scratch). */
let weakTables: number[] = [];

let markStack = new Int32Array(4096);
let msp = 0;

function growMarkStack(): void {
  const bigger = new Int32Array(markStack.length * 2);
  bigger.set(markStack);
  markStack = bigger;
}

const symWi = (rt: Runtime, s: number): number => (((s >>> 3) + rt.sbg) & 0x1fffffff) << 1;

/**
 * Mark one Lisp word, given the mark bitmap MB and the static base in granules SBG (passed, not
 * read through rt.heap at every word: marking is most of a collection's time). Objects newly
 * marked go on the mark stack to have their fields traced; a float has none. The bit tested is
 * the object's first granule: a symbol's is its offset from the static base, any other
 * pointer's is the word's address bits (w >>> 3 is (w & -8) >>> 2 in granules).
 */
function markWord(w: number, mb: Uint32Array, sbg: number): void {
  const tag = w & 7;
  if ((tag & 3) === 2) return; // fixnums (tags 2 and 6)
  const g = tag === Lisp_Symbol ? ((w >>> 3) + sbg) & 0x1fffffff : w >>> 3;
  const k = g >>> 5;
  const word = mb[k]!;
  const bit = 1 << (g & 31);
  if ((word & bit) !== 0) return;
  mb[k] = word | bit;
  if (tag === Lisp_Float) return;
  if (msp === markStack.length) growMarkStack();
  markStack[msp++] = w;
}

/** Mark one Lisp word; objects newly marked go on the mark stack to have their fields traced. */
function markValue(rt: Runtime, w: number): void {
  if (kernel !== null) kernel.mark(w);
  else markWord(w, rt.heap.markBits, rt.sbg);
}

// ---- the WebAssembly marker (gc-kernel.ts) ----------------------------------------------

/** The marker of the collection under way, or null when the JS marker runs. */
let kernel: GcKernel | null = null;
/** The runtime being collected, for the kernel's calls back (buffers and hash tables). */
let kernelRt: Runtime | null = null;
/** A kernel per heap memory (null: none could be made there). */
const kernels = new WeakMap<object, GcKernel | null>();
/** Chunks of the kernel's mark stack moved out when it was full, traced after it empties. */
const spilled: Int32Array[] = [];
/** Is the environment variable NAME set? (Read once, at load; false where there is no process.env to read.) */
function envSet(name: string): boolean {
  try {
    return typeof process === 'object' && process.env?.[name] !== undefined;
  } catch {
    return false;
  }
}

/** TSMACS_GC_JS set: always the JS marker and sweeper (for comparing the two). */
let forceJsMarker = envSet('TSMACS_GC_JS');
/** Make the collections of RT's heap use the JS marker and sweeper (ON) or the WebAssembly ones where possible (tests). */
export function useJsCollector(on: boolean): void {
  forceJsMarker = on;
}

function kernelFor(rt: Runtime): GcKernel | null {
  const h = rt.heap;
  if (forceJsMarker || h.memory === null || h.gcStackWords === 0) return null;
  let kn = kernels.get(h.memory);
  if (kn !== undefined) return kn;
  kn = makeGcKernel(
    h.memory,
    (w) => traceSpecial(kernelRt!, w),
    () => {
      const x = kernel!;
      const n = x.g.sp.value;
      const at = x.g.st.value >>> 2;
      spilled.push(kernelRt!.i32.slice(at, at + n));
      x.g.sp.value = 0;
    },
  );
  kernels.set(h.memory, kn);
  return kn;
}

/** Trace what the kernel pushed, and what it spilled, until nothing is left. */
function drainKernel(rt: Runtime, x: GcKernel): void {
  for (;;) {
    x.drain();
    const chunk = spilled.pop();
    if (chunk === undefined) return;
    rt.i32.set(chunk, x.g.st.value >>> 2);
    x.g.sp.value = chunk.length;
  }
}

/**
 * Trace a buffer or a hash table (both markers send them here): a buffer's marker chain is weak
 * (pruneMarkerChains keeps the markers marked otherwise); a weak table's entries wait for the
 * weak phase; a strong table's hash codes, chains and bucket heads hold only fixnums (and nil,
 * static and marked before anything else), so those three vectors are marked, never read, which
 * is most of a big table's words (fns.ts keeps them so; the dump verifier checks the chains).
 */
function traceSpecial(rt: Runtime, w: number): void {
  const m = rt.i32;
  const wi = (w & -8) >>> 2;
  const h = m[wi]!;
  const n = h & PVEC_SIZE_MASK;
  if (h >>> PVEC_TYPE_SHIFT === PVEC_BUFFER) {
    buffersSeen.push(w);
    for (let i = 1; i <= n; i++) if (i !== 1 + BUF_MARKERS) markValue(rt, m[wi + i]!);
    return;
  }
  if (m[wi + 1 + HT_WEAK] !== Qnil) {
    markWeakTableShell(rt, w, wi + 1);
    return;
  }
  const mb = rt.heap.markBits;
  for (let i = 0; i < n; i++) {
    const x = m[wi + 1 + i]!;
    if ((i === HT_HASH || i === HT_NEXT || i === HT_INDEX) && (x & 7) === Lisp_Vectorlike) {
      const g = x >>> 3;
      mb[g >>> 5]! |= 1 << (g & 31);
    } else markValue(rt, x);
  }
}

function drain(rt: Runtime): void {
  if (kernel !== null) {
    drainKernel(rt, kernel);
    return;
  }
  const m = rt.i32;
  const mb = rt.heap.markBits;
  const sbg = rt.sbg;
  while (msp > 0) {
    const w = markStack[--msp]!;
    switch (w & 7) {
      case Lisp_Cons: {
        // Follow the cdr chain in place: a long list costs no mark-stack traffic.
        let wi = (w & -8) >>> 2;
        for (;;) {
          markWord(m[wi]!, mb, sbg);
          const cdr = m[wi + 1]!;
          if ((cdr & 7) !== Lisp_Cons) {
            markWord(cdr, mb, sbg);
            break;
          }
          const g = cdr >>> 3;
          const word = mb[g >>> 5]!;
          const bit = 1 << (g & 31);
          if ((word & bit) !== 0) break;
          mb[g >>> 5] = word | bit;
          wi = g << 1;
        }
        break;
      }
      case Lisp_Symbol: {
        const wi = symWi(rt, w);
        // name, value, function, plist, next; flags are raw
        for (let i = 0; i < SYM_FLAGS; i++) markWord(m[wi + i]!, mb, sbg);
        break;
      }
      case Lisp_String: {
        const wi = (w & -8) >>> 2;
        const d = m[wi + STR_DATA]! >>> 3;
        mb[d >>> 5]! |= 1 << (d & 31);
        markWord(m[wi + STR_INTERVALS]!, mb, sbg);
        break;
      }
      case Lisp_Vectorlike: {
        const wi = (w & -8) >>> 2;
        const h = m[wi]!;
        const type = h >>> PVEC_TYPE_SHIFT;
        const n = isRawPvec(type) ? 1 : h & PVEC_SIZE_MASK;
        if (type === PVEC_BUFFER || type === PVEC_HASH_TABLE) {
          traceSpecial(rt, w);
          break;
        }
        for (let i = wi + 1, end = wi + n; i <= end; i++) {
          const x = m[i]!;
          if ((x & 3) !== 2) markWord(x, mb, sbg);
        }
        break;
      }
    }
  }
}

/** Every root family, in one place. */
export function markRoots(rt: Runtime): void {
  const nsyms = BUILTIN_SYMBOLS.length;
  const step = (SYMBOL_WORDS / 2) << 3;
  if (kernel !== null) kernel.range(0, step, nsyms);
  else for (let i = 0; i < nsyms; i++) markValue(rt, i * step);
  drain(rt);
  for (let i = 0; i < rt.globals.length; i++) if (i !== G_FINALIZERS) markValue(rt, rt.globals[i]!);
  for (let i = 0; i < rt.sp; i++) {
    markValue(rt, rt.stack[i]!);
    drain(rt);
  }
  for (let i = 0; i < rt.specCount; i++) markValue(rt, rt.specpdl[i]!);
  for (const t of rt.catchTags) markValue(rt, t);
  markValue(rt, rt.lexenv);
  for (const p of rt.pinned) markValue(rt, p);
  for (const hook of extraRoots) hook(rt, (w) => markValue(rt, w));
  drain(rt);
}

/** Buffers traced in this cycle, whose marker chains are pruned once marking is done (emptied each cycle). */
const buffersSeen: number[] = [];

/**
 * Drop from each traced buffer's marker chain the markers nothing else reached: they can never
 * be seen again, and keeping them would make every later edit of the buffer adjust them. The
 * kept chain's cells are marked here; markers are never traced through it.
 */
function pruneMarkerChains(rt: Runtime): void {
  const m = rt.i32;
  const h = rt.heap;
  for (const b of buffersSeen) {
    const slot = ((b & -8) >>> 2) + 1 + BUF_MARKERS;
    let prev = -1;
    for (let l = m[slot]!; (l & 7) === Lisp_Cons; l = m[((l & -8) >>> 2) + 1]!) {
      const cell = (l & -8) >>> 2;
      const mk = m[cell]!;
      if ((mk & 7) === Lisp_Vectorlike && h.isMarked((mk & -8) >>> 2)) {
        h.mark(cell);
        if (prev < 0) m[slot] = l;
        else m[prev + 1] = l;
        prev = cell;
      } else {
        // Unreached: the marker is freed with this cycle's sweep, so it no longer points anywhere.
      }
    }
    if (prev < 0) m[slot] = Qnil;
    else m[prev + 1] = Qnil;
  }
  buffersSeen.length = 0;
}

/** Root families owned by other subsystems (buffers, the reader's state...). */
const extraRoots: ((rt: Runtime, mark: (w: number) => void) => void)[] = [];
export function addRootFamily(fn: (rt: Runtime, mark: (w: number) => void) => void): void {
  extraRoots.push(fn);
}

// ---- weak hash tables and finalizers (GNU's weak tables and doomed finalizers) --------------

/**
 * A weak table is traced without its entries: everything but the key/value vector is marked,
 * that vector is kept (marked) but not traced, and the table is remembered so that its
 * entries can be decided once the roots have been marked.
 */
function markWeakTableShell(rt: Runtime, table: number, tb: number): void {
  const m = rt.i32;
  for (let i = 0; i < HASH_TABLE_SLOTS; i++) if (i !== HT_KV) markValue(rt, m[tb + i]!);
  rt.heap.mark((m[tb + HT_KV]! & -8) >>> 2);
  weakTables.push(table);
}

/** Will W outlive this collection? Immediates and the static region always do; the rest if marked. */
function survives(rt: Runtime, w: number): boolean {
  const tag = w & 7;
  if (tag === 2 || tag === 6) return true;
  const wi = tag === Lisp_Symbol ? symWi(rt, w) : (w & -8) >>> 2;
  return rt.heap.inStatic(wi) || rt.heap.isMarked(wi);
}

/** Does an entry with KEY and VALUE stay in a table of weakness WEAK (as marked so far)? */
function entryStays(rt: Runtime, weak: number, key: number, value: number): boolean {
  if (weak === Qkey) return survives(rt, key);
  if (weak === Qvalue) return survives(rt, value);
  if (weak === Qkey_or_value) return survives(rt, key) || survives(rt, value);
  return survives(rt, key) && survives(rt, value); // key-and-value (t was stored as key-and-value)
}

/**
 * Mark what the staying entries of the weak tables hold, until nothing more is marked: an
 * entry stays only if its weak part is reachable from outside the entry (ephemerons), and
 * marking one entry's contents can make another stay. Tables reached meanwhile join the list.
 */
function markWeakTablesToFixpoint(rt: Runtime): void {
  const m = rt.i32;
  for (let changed = true; changed; ) {
    changed = false;
    for (let t = 0; t < weakTables.length; t++) {
      const tb = ((weakTables[t]! & -8) >>> 2) + 1;
      const weak = m[tb + HT_WEAK]!;
      const kv = m[tb + HT_KV]!;
      const kvb = ((kv & -8) >>> 2) + 1;
      const n = m[kvb - 1]! & PVEC_SIZE_MASK;
      let marked = false;
      for (let i = 0; i < n; i += 2) {
        const k = m[kvb + i]!;
        if (k === Qunbound) continue;
        const v = m[kvb + i + 1]!;
        if (!entryStays(rt, weak, k, v)) continue;
        if (!survives(rt, k)) {
          markValue(rt, k);
          marked = true;
        }
        if (!survives(rt, v)) {
          markValue(rt, v);
          marked = true;
        }
      }
      if (marked) {
        drain(rt);
        changed = true;
      }
    }
  }
}

/** Drop the entries that did not stay, unlinking each from its bucket and freeing its slot. */
function sweepWeakTable(rt: Runtime, table: number): void {
  const m = rt.i32;
  const tb = ((table & -8) >>> 2) + 1;
  const weak = m[tb + HT_WEAK]!;
  const kvb = ((m[tb + HT_KV]! & -8) >>> 2) + 1;
  const hb = ((m[tb + HT_HASH]! & -8) >>> 2) + 1;
  const nb = ((m[tb + HT_NEXT]! & -8) >>> 2) + 1;
  const NONE = makeFixnum(-1);
  const free = (i: number): void => {
    m[kvb + 2 * i] = Qunbound;
    m[kvb + 2 * i + 1] = Qnil;
    m[hb + i] = Qnil;
    m[nb + i] = m[tb + HT_NEXT_FREE]!;
    m[tb + HT_NEXT_FREE] = makeFixnum(i);
    m[tb + HT_COUNT] = m[tb + HT_COUNT]! - 4;
  };
  if (m[tb + HT_STALE] !== Qnil) {
    // The chains are rebuilt from the live entries before the next use (after a dump load).
    const size = m[nb - 1]! & PVEC_SIZE_MASK;
    for (let i = 0; i < size; i++) {
      const k = m[kvb + 2 * i]!;
      if (k !== Qunbound && !entryStays(rt, weak, k, m[kvb + 2 * i + 1]!)) free(i);
    }
    return;
  }
  const idx = m[tb + HT_INDEX]!;
  const ib = ((idx & -8) >>> 2) + 1;
  const nbuckets = m[ib - 1]! & PVEC_SIZE_MASK;
  for (let b = 0; b < nbuckets; b++) {
    let prev = -1;
    for (let i = m[ib + b]! >> 2; i >= 0; ) {
      const next = m[nb + i]! >> 2;
      if (entryStays(rt, weak, m[kvb + 2 * i]!, m[kvb + 2 * i + 1]!)) prev = i;
      else {
        if (prev < 0) m[ib + b] = next < 0 ? NONE : makeFixnum(next);
        else m[nb + prev] = next < 0 ? NONE : makeFixnum(next);
        free(i);
      }
      i = next;
    }
  }
}

/**
 * Armed finalizers that the roots did not reach are moved, oldest first, to the end of the
 * doomed queue and marked with what their functions reference, so they live until they have
 * run. As in GNU, this happens before weak tables are decided: a finalizer held only by a
 * weak table's entry is doomed even when that entry stays.
 */
function queueDoomedFinalizers(rt: Runtime): void {
  const m = rt.i32;
  const h = rt.heap;
  let kept = Qnil;
  let keptTail = -1;
  let doomed = Qnil;
  for (let cell = rt.globals[G_FINALIZERS]!; cell !== Qnil; ) {
    const ci = (cell & -8) >>> 2;
    const f = m[ci]!;
    const next = m[ci + 1]!;
    const fi = (f & -8) >>> 2;
    if (h.isMarked(fi)) {
      h.mark(ci);
      m[ci + 1] = Qnil;
      if (keptTail < 0) kept = cell;
      else m[keptTail + 1] = cell;
      keptTail = ci;
    } else if (m[fi + 1] !== Qnil) {
      // The registry is newest first: prepending puts the oldest first.
      h.mark(ci);
      m[ci + 1] = doomed;
      doomed = cell;
      markValue(rt, f);
    }
    cell = next;
  }
  rt.globals[G_FINALIZERS] = kept;
  if (doomed === Qnil) return;
  drain(rt);
  const queue = rt.globals[G_DOOMED_FINALIZERS]!;
  if (queue === Qnil) rt.globals[G_DOOMED_FINALIZERS] = doomed;
  else {
    let last = (queue & -8) >>> 2;
    while (m[last + 1] !== Qnil) last = (m[last + 1]! & -8) >>> 2;
    m[last + 1] = doomed;
  }
}

/** The phase between marking and sweeping: finalizers, then weak tables (GNU's order). */
function finalizeAndSweepWeak(rt: Runtime): void {
  if (rt.globals[G_FINALIZERS] !== Qnil) queueDoomedFinalizers(rt);
  if (weakTables.length === 0) return;
  markWeakTablesToFixpoint(rt);
  for (const t of weakTables) sweepWeakTable(rt, t);
  weakTables = [];
}

/**
 * Runs the doomed finalizers' functions (set by the Lisp layer, src/emacs/alloc.ts). FORCED
 * says the collection was one TSMACS_GC_STRESS added, not one GNU would have made.
 */
let finalizerRunner: ((rt: Runtime, forced: boolean) => void) | null = null;
export function setFinalizerRunner(fn: (rt: Runtime, forced: boolean) => void): void {
  finalizerRunner = fn;
}

/** After a collection, outside the collector: run the finalizers it found unreachable. */
export function runDoomedFinalizers(rt: Runtime, forced = false): void {
  if (rt.globals[G_DOOMED_FINALIZERS] !== Qnil && finalizerRunner) finalizerRunner(rt, forced);
}

export interface GCResult {
  freedBytes: number;
  ms: number;
}

/** TSMACS_GC_TRACE set: each collection's phases in CPU milliseconds on stderr (docs/gc.md). */
const gcTrace = envSet('TSMACS_GC_TRACE');
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** A full collection. Must be called only at a safe point. */
export function collectGarbage(rt: Runtime): GCResult {
  if (rt.inGC) throw new Error('collector re-entered');
  rt.inGC = true;
  const t0 = rt.host.now();
  const c0 = gcTrace ? cpuNow() : 0;
  try {
    msp = 0;
    kernel = kernelFor(rt);
    const tk = gcTrace ? cpuNow() : 0;
    kernelRt = rt;
    spilled.length = 0;
    if (kernel !== null) {
      // Set at every collection: a heap memory can outlive its first Heap (heap.ts newHeapBuffer).
      const h = rt.heap;
      kernel.g.st.value = h.gcStack << 2;
      kernel.g.sn.value = h.gcStackWords;
      kernel.g.mb.value = h.markBits.byteOffset;
      kernel.g.sb.value = h.startBits.byteOffset;
      kernel.g.sp.value = 0;
      kernel.g.sbg.value = rt.sbg;
    }
    // A string freed now may have its address reused by another: forget remembered positions.
    rt.charByteString = 0;
    weakTables = [];
    markRoots(rt);
    const t1 = gcTrace ? cpuNow() : 0;
    // Doomed finalizers and weak tables' entries can mark more, buffers and markers among them:
    // marker chains are pruned once nothing more will be marked.
    finalizeAndSweepWeak(rt);
    pruneMarkerChains(rt);
    const nbig = gcTrace ? rt.bignumValues.size : 0;
    pruneBignumValues(rt, (w) => survives(rt, w));
    const t2 = gcTrace ? cpuNow() : 0;
    const freedBytes = rt.heap.sweep(() => {}, kernel);
    const t3 = gcTrace ? cpuNow() : 0;
    const h = rt.heap;
    h.clearMarks(h.staticBase, h.staticTop);
    if (h.dumpEnd > h.dumpBase) h.clearMarks(h.dumpBase, h.dumpEnd);
    if (gcTrace) {
      const t4 = cpuNow();
      process.stderr.write(`gc ${rt.gcsDone + 1}: kernel ${(tk - c0).toFixed(2)} mark ${(t1 - tk).toFixed(2)} weak ${(t2 - t1).toFixed(2)} sweep ${(t3 - t2).toFixed(2)} clear ${(t4 - t3).toFixed(2)} blocks ${h.blockTop} freed ${freedBytes} bignums ${nbig} -> ${rt.bignumValues.size}\n`);
    }
    rt.gcsDone++;
    // Under TSMACS_GC_STRESS the next forced collection comes a full period after this one, as a
    // real collection also restarts the allocation count: none falls right after an explicit
    // (garbage-collect), where GNU could not collect.
    rt.gcStressCounter = 0;
    const ms = rt.host.now() - t0;
    rt.gcElapsed += ms / 1000;
    // The Lisp variables that mirror the counters.
    rt.i32[symWi(rt, Qgcs_done) + 1] = makeFixnum(rt.gcsDone);
    rt.i32[symWi(rt, Qgc_elapsed) + 1] = makeFloat(rt, rt.gcElapsed);
    if (h.refillReserve()) rt.i32[symWi(rt, Qmemory_full) + 1] = Qnil;
    return { freedBytes, ms };
  } finally {
    rt.inGC = false;
    kernel = null;
    kernelRt = null;
  }
}

/** The safe point: collect if enough has been allocated (or always, under stress). */
export function maybeGC(rt: Runtime): void {
  if (rt.gcStress !== 0) {
    if (++rt.gcStressCounter >= rt.gcStress) {
      rt.gcStressCounter = 0;
      collectGarbage(rt);
      runDoomedFinalizers(rt, true);
    }
    return;
  }
  const h = rt.heap;
  if (h.bytesSinceGC < rt.gcCheckAt) return;
  // A running profiler keeps gcCheckAt below zero, so that every safe point comes here.
  if (rt.profilerPoll !== null) rt.profilerPoll(rt);
  // Re-read the threshold variables at most every 64 KB of allocation.
  const threshold = gcThreshold(rt);
  if (h.bytesSinceGC >= threshold) {
    collectGarbage(rt);
    rt.gcCheckAt = rt.profilerPoll !== null ? -1 : Math.min(threshold, h.bytesSinceGC + 65536);
    runDoomedFinalizers(rt);
    return;
  }
  rt.gcCheckAt = rt.profilerPoll !== null ? -1 : Math.min(threshold, h.bytesSinceGC + 65536);
}

function gcThreshold(rt: Runtime): number {
  const m = rt.i32;
  const tv = m[symWi(rt, Qgc_cons_threshold) + 1]!;
  let threshold = isFixnum(tv) ? Math.max(tv >> 2, 100000) : DEFAULT_THRESHOLD;
  const pv = m[symWi(rt, Qgc_cons_percentage) + 1]!;
  if ((pv & 7) === Lisp_Float) {
    const pct = rt.f64[(pv & -8) >>> 3]!;
    const live = rt.heap.blockTop * 16384;
    if (pct > 0 && pct * live > threshold) threshold = pct * live;
  }
  return threshold;
}

// ---- the heap verifier -------------------------------------------------------------

/**
 * Check every object reachable from the roots: each pointer lands on the start
 * of an object of the tag's kind (in the static region, the dump, or a block of
 * the right kind), and no reachable word is poison. Returns the problems found
 * (empty when the heap is sound). Leaves no mark bits behind.
 */
export function verifyHeap(rt: Runtime, limit = 20): string[] {
  const problems: string[] = [];
  const h = rt.heap;
  const check = (w: number, where: string): boolean => {
    const tag = w & 7;
    if (tag === 1) {
      problems.push(`${where}: poison or invalid word 0x${(w >>> 0).toString(16)}`);
      return false;
    }
    if (tag === 2 || tag === 6) return true;
    const wi = tag === Lisp_Symbol ? symWi(rt, w) : (w & -8) >>> 2;
    const want =
      tag === Lisp_Symbol ? BK_SYMBOL : tag === Lisp_Cons ? BK_CONS : tag === Lisp_String ? BK_STRING
        : tag === Lisp_Float ? BK_FLOAT : BK_VECTOR;
    if (h.inStatic(wi)) {
      if (!h.isStart(wi)) problems.push(`${where}: 0x${(w >>> 0).toString(16)} is not an object start in the static region`);
      return true;
    }
    if (h.inDump(wi)) {
      if (rt.dumpObjectOk && !rt.dumpObjectOk(wi, tag))
        problems.push(`${where}: 0x${(w >>> 0).toString(16)} is not an object start of its type in the dump`);
      return true;
    }
    if (!h.inBlocks(wi)) {
      problems.push(`${where}: 0x${(w >>> 0).toString(16)} points outside the heap's regions`);
      return false;
    }
    const kind = h.blockKind(wi);
    if (kind !== want || !h.isStart(wi)) {
      problems.push(`${where}: 0x${(w >>> 0).toString(16)} (tag ${tag}) lands in a ${kind}-kind block, start=${h.isStart(wi)}`);
      return false;
    }
    if (tag === Lisp_String) {
      const d = rt.i32[wi + STR_DATA]! >>> 2;
      if (h.inBlocks(d) && (h.blockKind(d) !== BK_DATA || !h.isStart(d)))
        problems.push(`${where}: string 0x${(w >>> 0).toString(16)} has bad data pointer`);
    }
    return true;
  };
  // Walk with our own visited set so the GC's mark bits stay untouched.
  const seen = new Set<number>();
  const work: number[] = [];
  const visit = (w: number, where: string): void => {
    if (problems.length >= limit) return;
    if (!check(w, where)) return;
    const tag = w & 7;
    if (tag === 2 || tag === 6 || tag === Lisp_Float) return;
    if (seen.has(w)) return;
    seen.add(w);
    work.push(w);
  };
  const nsyms = BUILTIN_SYMBOLS.length;
  for (let i = 0; i < nsyms; i++) visit(i * ((SYMBOL_WORDS / 2) << 3), `builtin symbol ${BUILTIN_SYMBOLS[i]!}`);
  for (let i = 0; i < rt.globals.length; i++) visit(rt.globals[i]!, `global ${i}`);
  for (let i = 0; i < rt.sp; i++) visit(rt.stack[i]!, `stack[${i}]`);
  for (let i = 0; i < rt.specCount; i++) visit(rt.specpdl[i]!, `specpdl[${i}]`);
  visit(rt.lexenv, 'lexenv');
  for (const hook of extraRoots) hook(rt, (w) => visit(w, 'extra root'));
  const m = rt.i32;
  while (work.length > 0 && problems.length < limit) {
    const w = work.pop()!;
    const tag = w & 7;
    const wi = tag === Lisp_Symbol ? symWi(rt, w) : (w & -8) >>> 2;
    if (tag === Lisp_Cons) {
      visit(m[wi]!, `car of 0x${(w >>> 0).toString(16)}`);
      visit(m[wi + 1]!, `cdr of 0x${(w >>> 0).toString(16)}`);
    } else if (tag === Lisp_Symbol) {
      for (let i = 0; i < SYM_FLAGS; i++) visit(m[wi + i]!, `field ${i} of symbol 0x${(w >>> 0).toString(16)}`);
    } else if (tag === Lisp_String) {
      visit(m[wi + STR_INTERVALS]!, 'string intervals');
    } else if (tag === Lisp_Vectorlike) {
      const hdr = m[wi]!;
      const n = isRawPvec(hdr >>> PVEC_TYPE_SHIFT) ? 1 : hdr & PVEC_SIZE_MASK;
      for (let i = 1; i <= n; i++) visit(m[wi + i]!, `slot ${i - 1} of vectorlike 0x${(w >>> 0).toString(16)}`);
      if (hdr >>> PVEC_TYPE_SHIFT === PVEC_HASH_TABLE) {
        // The collector marks these three vectors without reading them (drain): they must hold no pointer.
        for (const s of [HT_HASH, HT_NEXT, HT_INDEX]) {
          const v = m[wi + 1 + s]!;
          if ((v & 7) !== Lisp_Vectorlike) continue;
          const vb = (v & -8) >>> 2;
          const len = m[vb]! & PVEC_SIZE_MASK;
          for (let i = 1; i <= len; i++) {
            const x = m[vb + i]!;
            if ((x & 3) !== 2 && x !== Qnil) {
              problems.push(`hash table 0x${(w >>> 0).toString(16)}: slot ${s} vector holds 0x${(x >>> 0).toString(16)}, not a fixnum or nil`);
              break;
            }
          }
        }
      }
    }
  }

  return problems;
}
