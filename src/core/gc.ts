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

import type { Runtime } from './runtime.ts';
import { BUILTIN_SYMBOLS, DEFSYM, Qnil } from './symbols.ts';
import { BK_CONS, BK_DATA, BK_FLOAT, BK_STRING, BK_SYMBOL, BK_VECTOR } from '../heap/heap.ts';
import {
  BUF_MARKERS, PVEC_BUFFER, PVEC_TYPE_SHIFT, PVEC_SIZE_MASK, STR_DATA, STR_INTERVALS, SYMBOL_WORDS, SYM_FLAGS,
  isRawPvec,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, isFixnum, makeFixnum } from '../heap/tags.ts';
import { makeFloat } from './object.ts';

const Qgc_cons_threshold = DEFSYM('gc-cons-threshold');
const Qgc_cons_percentage = DEFSYM('gc-cons-percentage');
const Qgcs_done = DEFSYM('gcs-done');
const Qgc_elapsed = DEFSYM('gc-elapsed');
const Qmemory_full = DEFSYM('memory-full');
const DEFAULT_THRESHOLD = 800000;

let markStack = new Int32Array(4096);
let msp = 0;

function pushMark(w: number): void {
  if (msp === markStack.length) {
    const bigger = new Int32Array(markStack.length * 2);
    bigger.set(markStack);
    markStack = bigger;
  }
  markStack[msp++] = w;
}

const symWi = (rt: Runtime, s: number): number => (((s >>> 3) + rt.sbg) & 0x1fffffff) << 1;

/** Mark one Lisp word; objects newly marked go on the mark stack to have their fields traced. */
function markValue(rt: Runtime, w: number): void {
  const tag = w & 7;
  if (tag === Lisp_Symbol) {
    if (rt.heap.mark(symWi(rt, w))) pushMark(w);
  } else if (tag === Lisp_Cons || tag === Lisp_Vectorlike || tag === Lisp_String) {
    if (rt.heap.mark((w & -8) >>> 2)) pushMark(w);
  } else if (tag === Lisp_Float) {
    rt.heap.mark((w & -8) >>> 2);
  }
}

function drain(rt: Runtime): void {
  const m = rt.i32;
  while (msp > 0) {
    const w = markStack[--msp]!;
    switch (w & 7) {
      case Lisp_Cons: {
        // Follow the cdr chain in place: a long list costs no mark-stack traffic.
        let wi = (w & -8) >>> 2;
        for (;;) {
          markValue(rt, m[wi]!);
          const cdr = m[wi + 1]!;
          if ((cdr & 7) !== Lisp_Cons) {
            markValue(rt, cdr);
            break;
          }
          const next = (cdr & -8) >>> 2;
          if (!rt.heap.mark(next)) break;
          wi = next;
        }
        break;
      }
      case Lisp_Symbol: {
        const wi = symWi(rt, w);
        // name, value, function, plist, next; flags are raw
        for (let i = 0; i < SYM_FLAGS; i++) markValue(rt, m[wi + i]!);
        break;
      }
      case Lisp_String: {
        const wi = (w & -8) >>> 2;
        rt.heap.mark(m[wi + STR_DATA]! >>> 2);
        markValue(rt, m[wi + STR_INTERVALS]!);
        break;
      }
      case Lisp_Vectorlike: {
        const wi = (w & -8) >>> 2;
        const h = m[wi]!;
        const size = h & PVEC_SIZE_MASK;
        const type = h >>> PVEC_TYPE_SHIFT;
        const n = isRawPvec(type) ? 1 : size;
        if (type === PVEC_BUFFER) {
          // The marker chain is weak (GNU's): pruneMarkerChains keeps the markers marked otherwise.
          buffersSeen.push(w);
          for (let i = 1; i <= n; i++) if (i !== 1 + BUF_MARKERS) markValue(rt, m[wi + i]!);
          break;
        }
        for (let i = 1; i <= n; i++) markValue(rt, m[wi + i]!);
        break;
      }
    }
  }
}

/** Every root family, in one place. */
export function markRoots(rt: Runtime): void {
  const nsyms = BUILTIN_SYMBOLS.length;
  for (let i = 0; i < nsyms; i++) markValue(rt, i * ((SYMBOL_WORDS / 2) << 3));
  drain(rt);
  for (let i = 0; i < rt.globals.length; i++) markValue(rt, rt.globals[i]!);
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
  pruneMarkerChains(rt);
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

export interface GCResult {
  freedBytes: number;
  ms: number;
}

/** A full collection. Must be called only at a safe point. */
export function collectGarbage(rt: Runtime): GCResult {
  if (rt.inGC) throw new Error('collector re-entered');
  rt.inGC = true;
  const t0 = rt.host.now();
  try {
    msp = 0;
    // A string freed now may have its address reused by another: forget remembered positions.
    rt.charByteString = 0;
    markRoots(rt);
    const freedBytes = rt.heap.sweep(() => {});
    const h = rt.heap;
    h.clearMarks(h.staticBase, h.staticTop);
    if (h.dumpEnd > h.dumpBase) h.clearMarks(h.dumpBase, h.dumpEnd);
    rt.gcsDone++;
    const ms = rt.host.now() - t0;
    rt.gcElapsed += ms / 1000;
    // The Lisp variables that mirror the counters.
    rt.i32[symWi(rt, Qgcs_done) + 1] = makeFixnum(rt.gcsDone);
    rt.i32[symWi(rt, Qgc_elapsed) + 1] = makeFloat(rt, rt.gcElapsed);
    if (h.refillReserve()) rt.i32[symWi(rt, Qmemory_full) + 1] = Qnil;
    return { freedBytes, ms };
  } finally {
    rt.inGC = false;
  }
}

/** The safe point: collect if enough has been allocated (or always, under stress). */
export function maybeGC(rt: Runtime): void {
  if (rt.gcStress !== 0) {
    if (++rt.gcStressCounter >= rt.gcStress) {
      rt.gcStressCounter = 0;
      collectGarbage(rt);
    }
    return;
  }
  const h = rt.heap;
  if (h.bytesSinceGC < rt.gcCheckAt) return;
  // Re-read the threshold variables at most every 64 KB of allocation.
  const threshold = gcThreshold(rt);
  if (h.bytesSinceGC >= threshold) collectGarbage(rt);
  rt.gcCheckAt = Math.min(threshold, h.bytesSinceGC + 65536);
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
  for (let i = 0; i < nsyms; i++) visit(i * ((SYMBOL_WORDS / 2) << 3), `builtin symbol ${BUILTIN_SYMBOLS[i]!.name}`);
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
    }
  }

  return problems;
}
