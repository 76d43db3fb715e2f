// The dump writer: walks the Lisp world from its roots and lays it out as a relocatable image (see format.ts).
//
// Two passes, like GNU's pdumper: the first walks from the roots with an
// explicit stack and gives every reachable object its place (hot or cold);
// the second copies each object into the image, rewriting every pointer into
// its relative form and recording a relocation for it. The functions here
// mirror the loader's one for one:
//
//   writer.ts            loader.ts
//   layoutObjects        (nothing: placement is implicit in the file)
//   writeHot             applyRelocations
//   writeShadows         restoreShadows
//   writeGlobals         restoreGlobals
//   writeScalars         restoreScalars
//   writeCold            (nothing: cold data is never read at load)
//   writeStarts          checkStarts / makeObjectOk
//   writeHeader          checkHeader
//
// "Rubber band" ordering: the walk is depth first and takes a cons's cdr
// before its car, so a list's spine lands contiguously; a symbol is followed
// by its name and then its value; a vector by its slots in order.

import {
  HT_STALE, PVEC_HASH_TABLE, PVEC_SIZE_MASK, PVEC_THREAD, PVEC_TYPE_SHIFT, PVEC_USER_PTR, STRING_WORDS, STR_DATA,
  STR_INTERVALS, STR_NBYTES, STR_NCHARS, SYMBOL_WORDS, SYM_FLAGS, SYM_NAME, SYM_NEXT,
  SYM_VALUE, isRawPvec,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike } from '../heap/tags.ts';
import { BUILTIN_SYMBOLS, Qt } from '../core/symbols.ts';
import { GLOBAL_NAMES, type Runtime } from '../core/runtime.ts';
import { jsString, settleAllBignums } from '../core/object.ts';
import {
  BYTE_ORDER_MARK, FINGERPRINT_WORDS, FORMAT_VERSION, HEADER_BYTES, HEADER_WORDS, H_BOM, H_CHECKSUM,
  H_COLD_END, H_COLD_START, H_CONS_END, H_SYM_END, H_STR_END, H_DISC_END, H_DISC_START, H_FILE_BYTES, H_FINGERPRINT, H_GLOBALS_COUNT,
  H_GLOBALS_OFFSET, H_HEADER_BYTES, H_HOT_END, H_HOT_START, H_RELOC_COUNT, H_RELOC_OFFSET, H_SCALARS_COUNT,
  H_SCALARS_OFFSET, H_SHADOWS_COUNT, H_SHADOWS_OFFSET, H_STARTS_COUNT, H_STARTS_OFFSET, H_STATIC_WORDS, H_STATS,
  H_VERSION, HIGH_BIT, KIND_DATA, MAGIC, RELOC_DUMP_LV, RELOC_DUMP_RAW, RELOC_DUMP_SYM, RELOC_EMACS_LV, RELOC_EMACS_RAW,
  RELOC_TYPE_BITS, SHADOW_WORDS, STAT_CONS, STAT_COUNT, STAT_DISC_RELOCS, STAT_FLOAT, STAT_HASH_TABLE,
  STAT_HOT_RELOCS, STAT_RAWVEC, STAT_STRING, STAT_SYMBOL, STAT_VECTOR, fingerprint, roundUp8,
  DEFERRED_MIN_BYTES, H_DEFER_START, H_DEFER_SUM, deferredChecksum, imageChecksum,
} from './format.ts';
import { DEFERRABLE_STRINGS, HIDE_DURING_DUMP } from '../core/dump-hooks.ts';

/** An object the dumper cannot write (a JS-side handle); pdumper.ts turns it into a Lisp error. */
export class DumpObjectError extends Error {}

export interface WriteOptions {
  trackReferrers: boolean;
  /** Remembered scalars, in registration order (their names enter the fingerprint). */
  scalarNames: readonly string[];
  scalarValues: readonly number[];
}

export interface DumpImage {
  bytes: Uint8Array;
  headerBytes: number;
  hotBytes: number;
  discardableBytes: number;
  coldBytes: number;
  stats: Int32Array;
  fingerprint: Int32Array;
}

/** A growable list of 32-bit entries (relocations, object starts). */
class IntList {
  a = new Int32Array(1024);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

/**
 * Heap word index -> placement, open addressing with linear probing over
 * typed arrays: several times faster than a Map for hundreds of thousands of
 * integer keys. Keys are word indices (> 0); 0 marks an empty slot.
 */
class IntMap {
  keys = new Int32Array(1 << 16);
  vals = new Int32Array(1 << 16);
  mask = (1 << 16) - 1;
  size = 0;
  get(k: number): number {
    const { keys, mask } = this;
    let i = Math.imul(k, 0x9e3779b1) & mask;
    for (;;) {
      const x = keys[i]!;
      if (x === k) return this.vals[i]!;
      if (x === 0) return -1;
      i = (i + 1) & mask;
    }
  }
  set(k: number, v: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    let i = Math.imul(k, 0x9e3779b1) & mask;
    for (;;) {
      const x = keys[i]!;
      if (x === k) {
        this.vals[i] = v;
        return;
      }
      if (x === 0) {
        keys[i] = k;
        this.vals[i] = v;
        this.size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }
  has(k: number): boolean {
    return this.get(k) !== -1;
  }
  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, vals[i]!);
  }
}

interface Layout {
  rt: Runtime;
  builtinLimit: number;
  /**
   * heap word index of each placed object -> (relative word offset << 3) | area: 0 the hot section's
   * run of conses, 3 its run of symbols, 4 its run of strings, 2 the rest of the hot section, 1 the
   * cold section.
   */
  place: IntMap;
  /** string heap word index -> relative cold word offset of its data. */
  dataPlace: IntMap;
  /** Placed objects in order: Lisp words (symbol words for symbols). A string in `cold` stands for its data. */
  conses: number[];
  syms: number[];
  strs: number[];
  hot: number[];
  cold: number[];
  /** Strings whose data goes to the deferred payload, the cold section's tail from word deferW on. */
  deferred: number[];
  deferW: number;
  /** Words of the cons run, of the symbol run, of the string run, of the rest of the hot section, of the cold section. */
  consWords: number;
  symWords: number;
  strWords: number;
  hotWords: number;
  coldWords: number;
  stats: Int32Array;
  // Referrer tracking (only with TRACK-REFERRERS).
  parentOf: Map<number, [number, number]> | null;
  rootNames: string[];
}

const symWi = (rt: Runtime, s: number): number => (((s >>> 3) + rt.sbg) & 0x1fffffff) << 1;

const hotSize = (rt: Runtime, w: number): number => {
  switch (w & 7) {
    case Lisp_Cons:
      return 2;
    case Lisp_Symbol:
      return SYMBOL_WORDS;
    case Lisp_String:
      return STRING_WORDS;
    default:
      return ((rt.i32[(w & -8) >>> 2]! & PVEC_SIZE_MASK) + 2) & ~1;
  }
};

/** Words of a cold object: a float, a raw vectorlike, or (for a string word) the string's data. */
const coldSize = (rt: Runtime, w: number): number => {
  switch (w & 7) {
    case Lisp_Float:
      return 2;
    case Lisp_String: {
      const wi = (w & -8) >>> 2;
      const nb = rt.i32[wi + STR_NBYTES]!;
      const n = nb < 0 ? rt.i32[wi + STR_NCHARS]! : nb;
      return roundUp8(n + 1) >>> 2;
    }
    default:
      return ((rt.i32[(w & -8) >>> 2]! & PVEC_SIZE_MASK) + 2) & ~1;
  }
};

const PVEC_NAMES = [
  'vector', 'record', 'hash-table', 'bool-vector', 'char-table', 'sub-char-table', 'subr', 'bignum', 'user-ptr',
  'finalizer', 'compiled-function', 'marker', 'buffer',
];
const SYMBOL_FIELD_NAMES = ['name', 'value', 'function', 'plist', 'next'];

function describeObject(rt: Runtime, w: number): string {
  switch (w & 7) {
    case Lisp_Symbol:
      return `symbol \`${jsString(rt, rt.i32[symWi(rt, w) + SYM_NAME]!)}'`;
    case Lisp_Cons:
      return 'a cons';
    case Lisp_String:
      return 'a string';
    case Lisp_Float:
      return 'a float';
    default:
      return `a ${PVEC_NAMES[rt.i32[(w & -8) >>> 2]! >>> PVEC_TYPE_SHIFT] ?? 'vectorlike'}`;
  }
}

function describeField(rt: Runtime, parent: number, field: number): string {
  switch (parent & 7) {
    case Lisp_Cons:
      return `${field === 0 ? 'car' : 'cdr'} of ${describeObject(rt, parent)}`;
    case Lisp_Symbol:
      return `${SYMBOL_FIELD_NAMES[field] ?? 'field'} of ${describeObject(rt, parent)}`;
    case Lisp_String:
      return `text properties of ${describeObject(rt, parent)}`;
    default:
      return `slot ${field} of ${describeObject(rt, parent)}`;
  }
}

/** The path from a root to the object at heap word `wi`, innermost first. */
function referrerPath(L: Layout, from: number, field: number): string {
  const steps: string[] = [];
  for (let guard = 0; guard < 10000; guard++) {
    if (from < 0) {
      steps.push(L.rootNames[-from - 1]!);
      break;
    }
    steps.push(describeField(L.rt, from, field));
    const key = (from & 7) === Lisp_Symbol ? symWi(L.rt, from) : (from & -8) >>> 2;
    const up = L.parentOf!.get(key);
    if (!up) break;
    [from, field] = up;
  }
  return steps.join(', in ');
}

// ---- pass 1: placing objects ----------------------------------------------------------------

/** Walk from the roots (builtin symbols' cells, then globals) and place every reachable object. */
function layoutObjects(rt: Runtime, trackReferrers: boolean, deferrable: ReadonlySet<number>): Layout {
  const L: Layout = {
    rt,
    builtinLimit: BUILTIN_SYMBOLS.length * ((SYMBOL_WORDS / 2) << 3),
    place: new IntMap(),
    dataPlace: new IntMap(),
    conses: [],
    syms: [],
    strs: [],
    hot: [],
    cold: [],
    deferred: [],
    deferW: 0,
    consWords: 0,
    symWords: 0,
    strWords: 0,
    hotWords: 0,
    coldWords: 0,
    stats: new Int32Array(STAT_COUNT),
    parentOf: trackReferrers ? new Map() : null,
    rootNames: [],
  };
  const m = rt.i32;
  const h = rt.heap;
  const work: number[] = [];
  const workFrom: number[] = [];
  const workField: number[] = [];
  const limit = L.builtinLimit;
  const track = trackReferrers;

  const push = (w: number, from: number, field: number): void => {
    const tag = w & 7;
    if (tag === 2 || tag === 6) return;
    if (tag === Lisp_Symbol && w >>> 0 < limit) return;
    work.push(w);
    if (track) {
      workFrom.push(from);
      workField.push(field);
    }
  };

  const drain = (): void => {
    while (work.length > 0) {
      const w = work.pop()!;
      const from = track ? workFrom.pop()! : 0;
      const field = track ? workField.pop()! : 0;
      const tag = w & 7;
      const wi = tag === Lisp_Symbol ? symWi(rt, w) : (w & -8) >>> 2;
      if (L.place.has(wi)) continue;
      if (tag === 1) throw new DumpObjectError(`Cannot dump an invalid word 0x${(w >>> 0).toString(16)}`);
      if (h.inStatic(wi)) continue;
      if (!h.inBlocks(wi) && !h.inDump(wi))
        throw new DumpObjectError(`Cannot dump a pointer outside the heap: 0x${(w >>> 0).toString(16)}` +
          (track ? `; referenced from ${referrerPath(L, from, field)}` : ''));
      if (track) L.parentOf!.set(wi, [from, field]);
      switch (tag) {
        case Lisp_Cons:
          L.place.set(wi, L.consWords << 3);
          L.conses.push(w);
          L.consWords += 2;
          L.stats[STAT_CONS]!++;
          push(m[wi]!, w, 0);
          push(m[wi + 1]!, w, 1);
          break;
        case Lisp_Symbol:
          L.place.set(wi, (L.symWords << 3) | 3);
          L.syms.push(w);
          L.symWords += SYMBOL_WORDS;
          L.stats[STAT_SYMBOL]!++;
          for (let i = SYM_NEXT; i >= SYM_NAME; i--) push(m[wi + i]!, w, i);
          break;
        case Lisp_String: {
          L.place.set(wi, (L.strWords << 3) | 4);
          L.strs.push(w);
          L.strWords += STRING_WORDS;
          L.stats[STAT_STRING]!++;
          const data = m[wi + STR_DATA]!;
          if (data !== 0 && !h.inStatic(data >>> 2) && deferrable.has(wi)) L.deferred.push(w);
          else if (data !== 0 && !h.inStatic(data >>> 2)) {
            L.dataPlace.set(wi, L.coldWords);
            L.cold.push(w);
            L.coldWords += coldSize(rt, w);
          }
          push(m[wi + STR_INTERVALS]!, w, 0);
          break;
        }
        case Lisp_Float:
          L.place.set(wi, (L.coldWords << 3) | 1);
          L.cold.push(w);
          L.coldWords += 2;
          L.stats[STAT_FLOAT]!++;
          break;
        case Lisp_Vectorlike: {
          const hdr = m[wi]!;
          const type = hdr >>> PVEC_TYPE_SHIFT;
          if (type === PVEC_USER_PTR) {
            let msg = `Cannot dump a user-ptr object (a JS-side handle)`;
            if (track) msg += `; referenced from ${referrerPath(L, from, field)}`;
            throw new DumpObjectError(msg);
          }
          if (type === PVEC_THREAD) {
            // A thread runs in its session only; the main thread is hidden while dumping (thread.ts).
            let msg = 'Cannot dump a thread object';
            if (track) msg += `; referenced from ${referrerPath(L, from, field)}`;
            throw new DumpObjectError(msg);
          }
          if (isRawPvec(type)) {
            L.place.set(wi, (L.coldWords << 3) | 1);
            L.cold.push(w);
            L.coldWords += coldSize(rt, w);
            L.stats[STAT_RAWVEC]!++;
            break;
          }
          L.place.set(wi, (L.hotWords << 3) | 2);
          L.hot.push(w);
          L.hotWords += hotSize(rt, w);
          L.stats[type === PVEC_HASH_TABLE ? STAT_HASH_TABLE : STAT_VECTOR]!++;
          const size = hdr & PVEC_SIZE_MASK;
          for (let i = size - 1; i >= 0; i--) push(m[wi + 1 + i]!, w, i);
          break;
        }
      }
    }
  };

  // Roots, each drained before the next so that what a root reaches stays together.
  const nsyms = BUILTIN_SYMBOLS.length;
  for (let i = 0; i < nsyms; i++) {
    const s = h.staticBase + i * SYMBOL_WORDS;
    for (let f = SYM_VALUE; f <= SYM_NEXT; f++) {
      if (track) L.rootNames.push(`${SYMBOL_FIELD_NAMES[f]} of builtin symbol \`${BUILTIN_SYMBOLS[i]!}'`);
      push(m[s + f]!, -L.rootNames.length, 0);
      drain();
    }
  }
  for (let g = 0; g < rt.globals.length; g++) {
    if (track) L.rootNames.push(`global ${GLOBAL_NAMES[g] ?? g}`);
    push(rt.globals[g]!, -L.rootNames.length, 0);
    drain();
  }
  // The deferred payload: the large buffer texts' bytes, after every other cold object.
  L.deferW = L.coldWords;
  for (const w of L.deferred) {
    L.dataPlace.set((w & -8) >>> 2, L.coldWords);
    L.cold.push(w);
    L.coldWords += coldSize(rt, w);
  }
  return L;
}

// ---- pass 2: writing -------------------------------------------------------------------------

interface Image {
  L: Layout;
  out: Int32Array;
  out8: Uint8Array;
  relocs: IntList;
  starts: IntList;
  hotStartW: number;
  /** End of the cons run: where the symbol run begins. */
  consEndW: number;
  /** End of the symbol run: where the string run begins. */
  symEndW: number;
  /** End of the string run: where the rest of the hot section begins. */
  strEndW: number;
  discStartW: number;
  coldStartW: number;
}

/** Absolute file word offset of a placed object. */
const fileWord = (I: Image, e: number): number =>
  [I.hotStartW, I.coldStartW, I.strEndW, I.consEndW, I.symEndW][e & 7]! + (e >>> 3);

/** Write the Lisp word `w` at file word `pos` in relative form, recording its relocation. */
function emitLV(I: Image, pos: number, w: number): void {
  const tag = w & 7;
  if (tag === 2 || tag === 6 || (tag === Lisp_Symbol && w >>> 0 < I.L.builtinLimit)) {
    I.out[pos] = w;
    return;
  }
  const rt = I.L.rt;
  if (tag === Lisp_Symbol) {
    I.out[pos] = (fileWord(I, I.L.place.get(symWi(rt, w))) << 2) | HIGH_BIT;
    I.relocs.push((pos << RELOC_TYPE_BITS) | RELOC_DUMP_SYM);
    return;
  }
  const wi = (w & -8) >>> 2;
  if (rt.heap.inStatic(wi)) {
    I.out[pos] = ((wi - rt.heap.staticBase) << 2) | tag | HIGH_BIT;
    I.relocs.push((pos << RELOC_TYPE_BITS) | RELOC_EMACS_LV);
    return;
  }
  I.out[pos] = (fileWord(I, I.L.place.get(wi)) << 2) | tag;
  I.relocs.push((pos << RELOC_TYPE_BITS) | RELOC_DUMP_LV);
}

/** Copy every hot object, pointers in relative form: the conses, the symbols, then the strings, without object starts. */
function writeHot(I: Image): void {
  const { L, out } = I;
  const rt = L.rt;
  const m = rt.i32;
  let pos = I.hotStartW;
  for (const w of L.conses) {
    const wi = (w & -8) >>> 2;
    emitLV(I, pos, m[wi]!);
    emitLV(I, pos + 1, m[wi + 1]!);
    pos += 2;
  }
  for (const w of L.syms) {
    const wi = symWi(rt, w);
    for (let f = SYM_NAME; f <= SYM_NEXT; f++) emitLV(I, pos + f, m[wi + f]!);
    out[pos + SYM_FLAGS] = m[wi + SYM_FLAGS]!;
    pos += SYMBOL_WORDS;
  }
  for (const w of L.strs) {
    const wi = (w & -8) >>> 2;
    out[pos + STR_NCHARS] = m[wi + STR_NCHARS]!;
    out[pos + STR_NBYTES] = m[wi + STR_NBYTES]!;
    const data = m[wi + STR_DATA]!;
    if (data === 0) out[pos + STR_DATA] = 0;
    else if (rt.heap.inStatic(data >>> 2)) {
      out[pos + STR_DATA] = (data - (rt.heap.staticBase << 2)) | HIGH_BIT;
      I.relocs.push(((pos + STR_DATA) << RELOC_TYPE_BITS) | RELOC_EMACS_RAW);
    } else {
      out[pos + STR_DATA] = (I.coldStartW + L.dataPlace.get(wi)) << 2;
      I.relocs.push(((pos + STR_DATA) << RELOC_TYPE_BITS) | RELOC_DUMP_RAW);
    }
    emitLV(I, pos + STR_INTERVALS, m[wi + STR_INTERVALS]!);
    pos += STRING_WORDS;
  }
  for (const w of L.hot) {
    // The vectorlikes, each with its object-start entry.
    I.starts.push((pos << 3) | (w & 7));
    const wi = (w & -8) >>> 2;
    const hdr = m[wi]!;
    const size = hdr & PVEC_SIZE_MASK;
    out[pos] = hdr;
    for (let i = 1; i <= size; i++) emitLV(I, pos + i, m[wi + i]!);
    // Hash codes may be addresses: every table is rehashed on first use after a load.
    if (hdr >>> PVEC_TYPE_SHIFT === PVEC_HASH_TABLE) out[pos + 1 + HT_STALE] = Qt;
    pos += (size + 2) & ~1;
  }
}

/** The builtin symbols' cells (all but the static name), to be copied into the static region at load. */
function writeShadows(I: Image, at: number): void {
  const rt = I.L.rt;
  const m = rt.i32;
  for (let i = 0; i < BUILTIN_SYMBOLS.length; i++) {
    const s = rt.heap.staticBase + i * SYMBOL_WORDS;
    const p = at + i * SHADOW_WORDS;
    for (let f = SYM_VALUE; f <= SYM_NEXT; f++) emitLV(I, p + f - 1, m[s + f]!);
    I.out[p + SYM_FLAGS - 1] = m[s + SYM_FLAGS]!;
  }
}

function writeGlobals(I: Image, at: number): void {
  const g = I.L.rt.globals;
  for (let i = 0; i < g.length; i++) emitLV(I, at + i, g[i]!);
}

function writeScalars(I: Image, at: number, values: readonly number[]): void {
  const f = new Float64Array(I.out.buffer, at << 2, values.length);
  for (let i = 0; i < values.length; i++) f[i] = values[i]!;
}

/** Floats, raw vectorlikes and string bytes: copied verbatim, never relocated. */
function writeCold(I: Image): void {
  const { L, out, out8 } = I;
  const rt = L.rt;
  const m = rt.i32;
  let pos = I.coldStartW;
  for (const w of L.cold) {
    const tag = w & 7;
    const wi = (w & -8) >>> 2;
    if (tag === Lisp_String) {
      I.starts.push((pos << 3) | KIND_DATA);
      const nb = m[wi + STR_NBYTES]!;
      const n = nb < 0 ? m[wi + STR_NCHARS]! : nb;
      const addr = m[wi + STR_DATA]!;
      out8.set(rt.u8.subarray(addr, addr + n + 1), pos << 2);
      pos += roundUp8(n + 1) >>> 2;
    } else if (tag === Lisp_Float) {
      I.starts.push((pos << 3) | Lisp_Float);
      out[pos] = m[wi]!;
      out[pos + 1] = m[wi + 1]!;
      pos += 2;
    } else {
      I.starts.push((pos << 3) | Lisp_Vectorlike);
      const size = m[wi]! & PVEC_SIZE_MASK;
      out.set(m.subarray(wi, wi + 1 + size), pos);
      pos += (size + 2) & ~1;
    }
  }
}

function writeStarts(I: Image, at: number): void {
  I.out.set(I.starts.a.subarray(0, I.starts.n), at);
}

function writeHeader(I: Image, fields: Record<number, number>, fp: Int32Array): void {
  const out = I.out;
  I.out8.set(MAGIC, 0);
  out[H_BOM] = BYTE_ORDER_MARK;
  out[H_VERSION] = FORMAT_VERSION;
  out[H_HEADER_BYTES] = HEADER_BYTES;
  for (let i = 0; i < FINGERPRINT_WORDS; i++) out[H_FINGERPRINT + i] = fp[i]!;
  for (const k of Object.keys(fields)) out[Number(k)] = fields[Number(k)]!;
  out.set(I.L.stats, H_STATS);
}

/**
 * Heap word indices of the strings whose bytes go to the deferred payload: those the registries
 * name (buffer texts) that are unibyte, in the heap's blocks or dump, and at least DEFERRED_MIN_BYTES long.
 */
function deferrableStrings(rt: Runtime): Set<number> {
  const out = new Set<number>();
  const m = rt.i32;
  for (const names of DEFERRABLE_STRINGS) {
    for (const s of names(rt)) {
      if ((s & 7) !== Lisp_String) continue;
      const wi = (s & -8) >>> 2;
      const data = m[wi + STR_DATA]!;
      if (m[wi + STR_NBYTES] === -1 && m[wi + STR_NCHARS]! >= DEFERRED_MIN_BYTES && data !== 0 && !rt.heap.inStatic(data >>> 2))
        out.add(wi);
    }
  }
  return out;
}

/** Build the whole dump image of the runtime's Lisp world. */
export function writeDump(rt: Runtime, opts: WriteOptions): DumpImage {
  const restores = HIDE_DURING_DUMP.map((hide) => hide(rt));
  try {
    return writeDumpOf(rt, opts);
  } finally {
    for (const restore of restores.reverse()) restore();
  }
}

function writeDumpOf(rt: Runtime, opts: WriteOptions): DumpImage {
  // The static region holds the symbols declared when the runtime was built
  // (nil's name string follows the last one): a DEFSYM made later has no cells.
  const built = (((rt.i32[rt.heap.staticBase + SYM_NAME]! & -8) >>> 2) - rt.heap.staticBase) / SYMBOL_WORDS;
  if (built !== BUILTIN_SYMBOLS.length)
    throw new Error(`builtin symbols declared after the runtime was built (DEFSYM outside module top level): ${
      BUILTIN_SYMBOLS.slice(built).join(', ')}`);
  // Bignums made since the last collection may not have their words written yet.
  settleAllBignums(rt);
  // The dump copies every string's bytes: a payload this session left unread is read first.
  rt.deferredText?.load();
  const L = layoutObjects(rt, opts.trackReferrers, deferrableStrings(rt));
  const nsyms = BUILTIN_SYMBOLS.length;
  const hotStartW = HEADER_WORDS;
  const consEndW = hotStartW + L.consWords;
  const symEndW = consEndW + L.symWords;
  const strEndW = symEndW + L.strWords;
  const discStartW = strEndW + L.hotWords;
  const shadowsW = discStartW;
  const globalsW = shadowsW + nsyms * SHADOW_WORDS;
  const scalarsW = (globalsW + rt.globals.length + 1) & ~1;
  const discEndW = (scalarsW + 2 * opts.scalarValues.length + 1) & ~1;
  const coldStartW = discEndW;
  const coldEndW = coldStartW + L.coldWords;
  const I: Image = {
    L, out: new Int32Array(0), out8: new Uint8Array(0), relocs: new IntList(), starts: new IntList(),
    hotStartW, consEndW, symEndW, strEndW, discStartW, coldStartW,
  };
  const nstarts = L.hot.length + L.cold.length;
  const maxWords = coldEndW + nstarts + 2;
  I.out = new Int32Array(maxWords);
  I.out8 = new Uint8Array(I.out.buffer);

  writeHot(I);
  const hotRelocs = I.relocs.n;
  writeShadows(I, shadowsW);
  writeGlobals(I, globalsW);
  writeScalars(I, scalarsW, opts.scalarValues);
  const discRelocs = I.relocs.n - hotRelocs;
  writeCold(I);
  // Since format 4 no relocation table is written: the loader's verify walk relocates each pointer
  // word it checks, its type given by the word. The relocations are still counted for the report.
  const relocW = coldEndW;
  const startsW = relocW;
  writeStarts(I, startsW);
  const fileWords = (startsW + I.starts.n + 1) & ~1;
  L.stats[STAT_HOT_RELOCS] = hotRelocs;
  L.stats[STAT_DISC_RELOCS] = discRelocs;
  const fp = fingerprint(opts.scalarNames);
  writeHeader(I, {
    [H_FILE_BYTES]: fileWords << 2,
    [H_STATIC_WORDS]: rt.heap.staticTop - rt.heap.staticBase,
    [H_HOT_START]: hotStartW << 2,
    [H_HOT_END]: discStartW << 2,
    [H_CONS_END]: consEndW << 2,
    [H_SYM_END]: symEndW << 2,
    [H_STR_END]: strEndW << 2,
    [H_DISC_START]: discStartW << 2,
    [H_DISC_END]: discEndW << 2,
    [H_COLD_START]: coldStartW << 2,
    [H_COLD_END]: coldEndW << 2,
    [H_RELOC_OFFSET]: relocW << 2,
    [H_RELOC_COUNT]: 0,
    [H_STARTS_OFFSET]: startsW << 2,
    [H_STARTS_COUNT]: I.starts.n,
    [H_SHADOWS_OFFSET]: shadowsW << 2,
    [H_SHADOWS_COUNT]: nsyms,
    [H_GLOBALS_OFFSET]: globalsW << 2,
    [H_GLOBALS_COUNT]: rt.globals.length,
    [H_SCALARS_OFFSET]: scalarsW << 2,
    [H_SCALARS_COUNT]: opts.scalarValues.length,
  }, fp);
  const words = I.out.subarray(0, fileWords);
  const deferW = coldStartW + L.deferW;
  words[H_DEFER_START] = deferW << 2;
  words[H_DEFER_SUM] = deferredChecksum(words, 0, deferW, coldEndW);
  words[H_CHECKSUM] = imageChecksum(words, 0, fileWords, deferW, coldEndW);
  return {
    bytes: new Uint8Array(I.out.buffer, 0, fileWords << 2),
    headerBytes: HEADER_BYTES,
    hotBytes: (discStartW - hotStartW) << 2,
    discardableBytes: (discEndW - discStartW) << 2,
    coldBytes: (fileWords - coldStartW) << 2,
    stats: L.stats,
    fingerprint: fp,
  };
}

