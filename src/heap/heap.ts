// The heap: one fixed ArrayBuffer holding the static region, the dump region and the allocated blocks.
//
//   word 0                staticBase            dumpBase               blockBase                 end
//   | guard |  gap  | static region | gap | dump region | gap | blocks (16 KB each) ... |
//
// - The static region holds what GNU keeps in the executable: the builtin
//   symbols and the subr objects, built at start-up from the primitive table.
// - The dump region receives a dump file's hot and cold sections; its objects
//   are never swept.
// - Blocks hold everything allocated at run time. A block holds objects of one
//   kind (cons, float, symbol, string header, vectorlike, string data) and, for
//   small objects, of one size class, so a word can be validated by its block.
//   Objects larger than half a block get a run of whole blocks.
//
// The gaps are random unless pinned, so the static region and the dump land at
// different bases from run to run, as under ASLR; pointers are relocated by
// the dump loader. Allocation never collects: collection happens only at the
// evaluator's safe points (see gc.ts).
//
// Two bitmaps cover the whole heap, one bit per granule (8 bytes): START marks
// the first granule of every object in blocks and in the static region; MARK is
// the GC's mark bit for every object anywhere, dump included.

import { POISON } from './tags.ts';

export const BLOCK_WORDS = 4096;
export const BLOCK_SHIFT = 12;
/** Blocks (16 KB each) kept in reserve for memory-full handlers: 4 MB, or an eighth of a small heap. */
const RESERVE_BLOCKS = 256;
const BLOCK_GRANULES = BLOCK_WORDS / 2;
/** The WebAssembly marker's stack: 256 KB; a fuller stack spills to JS (gc.ts). */
const MARK_STACK_WORDS = 65536;

// Block kinds (high byte of blockInfo); the low byte is the size class.
export const BK_FREE = 0;
export const BK_CONS = 1;
export const BK_FLOAT = 2;
export const BK_SYMBOL = 3;
export const BK_STRING = 4;
export const BK_VECTOR = 5;
export const BK_DATA = 6;
export const BK_LARGE_CONT = 7; // continuation of a large object's block run
export const KIND_COUNT = 8;

/** Size classes in granules, for vectorlike and string data objects. */
export const SIZE_CLASSES = [
  1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
  384, 448, 512, 640, 768, 896, 1024,
];
const LARGE_CLASS = 255;
const MAX_SMALL_GRANULES = 1024;
const classOfGranules = new Uint8Array(MAX_SMALL_GRANULES + 1);
// Granules (prev class, class] map to the class: one fill per class, not a loop per granule (start-up time).
for (let c = 0, g = 1; c < SIZE_CLASSES.length; g = SIZE_CLASSES[c++]! + 1) classOfGranules.fill(c, g, SIZE_CLASSES[c]! + 1);
const NCLASSES = SIZE_CLASSES.length;

/** The collector's WebAssembly sweep of one block of small objects (core/gc-kernel.ts). */
export interface BlockSweeper {
  sweep(g0: number, stride: number, cells: number): number;
  g: { head: { value: number }; tail: { value: number }; freed: { value: number } };
}

/** Thrown when the heap is exhausted; the evaluator turns it into a `memory-full` signal. */
export class HeapExhausted extends Error {}

export interface HeapOptions {
  /** Total bytes of the heap buffer. */
  bytes: number;
  /** Words reserved for the static region. */
  staticWords: number;
  /** Words reserved for the dump region (0 when not starting from a dump). */
  dumpWords: number;
  /** A number in [0,1) choosing the bases, or undefined for Math.random. */
  seed?: number | undefined;
  /** Exact word index of the static region's base, for debugging. */
  pinStaticBase?: number | undefined;
  /** Exact word index of the dump region's base, for debugging. */
  pinDumpBase?: number | undefined;
}

const roundUp = (n: number, m: number): number => Math.ceil(n / m) * m;

/** A WebAssembly.Memory (lib ES2022 has no WebAssembly types; these are the parts used here). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
export interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/**
 * The heap's one fixed buffer. Under Node it is a shared WebAssembly.Memory
 * (never shared with anyone):
 *   - V8 counts a plain ArrayBuffer's bytes as external memory, and half a
 *     gigabyte of it makes V8 start a full collection of the JS heap right away
 *     (about 5 ms of every start-up); a shared buffer's backing store is not
 *     counted;
 *   - being a WebAssembly memory, the dump loader's whole-file passes can run
 *     as WebAssembly over it (src/dump/kernels.ts).
 * Typed arrays over it run at the same speed as over an ArrayBuffer, and
 * Node's TextDecoder and fs accept views of shared buffers. Browsers reject
 * shared views in TextDecoder, so elsewhere it stays an ArrayBuffer.
 */
function newHeapBuffer(bytes: number): { buffer: ArrayBuffer; memory: WasmMemory | null; readAt: number; readBytes: number } {
  const g = globalThis as { process?: { versions?: { node?: string } }; WebAssembly?: WasmApi };
  const h = typeof __tsmacs_heap === 'object' ? __tsmacs_heap : null;
  if (h !== null && !h.taken && h.memory.buffer.byteLength === bytes) {
    h.taken = true;
    return { buffer: h.memory.buffer as unknown as ArrayBuffer, memory: h.memory, readAt: h.at, readBytes: h.used };
  }
  if (typeof g.process?.versions?.node === 'string') {
    const pages = bytes / 65536;
    if (g.WebAssembly !== undefined && Number.isInteger(pages) && pages <= 65536) {
      try {
        const memory = new g.WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
        return { buffer: memory.buffer as unknown as ArrayBuffer, memory, readAt: 0, readBytes: 0 };
      } catch {
        // fall through: no WebAssembly threads here
      }
    }
    if (typeof SharedArrayBuffer === 'function') return { buffer: new SharedArrayBuffer(bytes) as unknown as ArrayBuffer, memory: null, readAt: 0, readBytes: 0 };
  }
  return { buffer: new ArrayBuffer(bytes), memory: null, readAt: 0, readBytes: 0 };
}

/**
 * Zeroed memory for the runtime's big fixed arrays (the heap's start and mark bits, 8 MB each at the
 * default size; the Lisp stack, specpdl and frames, 5 MB), or null to make them as usual. Under Bun,
 * JavaScriptCore fills such a typed array with zeros as it makes it, touching every page (the Lisp
 * stack alone cost about 3 ms and 1,000 page faults of every start), while a WebAssembly memory's
 * pages come fresh from the OS and are faulted in only when used: there the arrays are views of one.
 * V8 (Node, Deno) already maps big typed arrays lazily, so elsewhere this is null.
 */
export function lazyZeroed(bytes: number): ArrayBuffer | null {
  const g = globalThis as { Bun?: unknown; WebAssembly?: WasmApi };
  if (typeof g.Bun !== 'object' || g.WebAssembly === undefined || bytes < 1 << 20) return null;
  try {
    const pages = Math.ceil(bytes / 65536);
    return new g.WebAssembly.Memory({ initial: pages, maximum: pages, shared: false }).buffer as unknown as ArrayBuffer;
  } catch {
    return null;
  }
}

/**
 * The heap memory the launcher made (scripts/launcher.template.cjs), with the bundle and its code
 * cache read at byte `at` (`used` bytes, 8-aligned `at`): the first heap of its size takes it and
 * puts the dump region there, so the dump is read into pages already faulted in (each first touch
 * of a page costs a few microseconds; the bundle's were 165 of the default image's 325). Undeclared
 * outside the launcher's bundle.
 */
declare const __tsmacs_heap: { memory: WasmMemory; at: number; used: number; taken?: boolean } | null | undefined;

export class Heap {
  readonly buffer: ArrayBuffer;
  /** The WebAssembly memory whose buffer this is, or null (see newHeapBuffer). */
  readonly memory: WasmMemory | null;
  readonly i32: Int32Array;
  readonly u8: Uint8Array;
  readonly f64: Float64Array;
  readonly nwords: number;

  readonly staticBase: number;
  readonly staticEnd: number;
  /** Next free word in the static region. */
  staticTop: number;
  /** staticBase in granules: symbols are encoded relative to it. */
  readonly staticBaseG: number;

  readonly dumpBase: number;
  readonly dumpEnd: number;

  readonly blockBase: number;
  readonly nblocks: number;
  /** Per block: kind << 8 | size class (LARGE_CLASS for a large object's first block). */
  readonly blockInfo: Uint16Array;
  /** Blocks ever handed out: sweeping stops here. */
  blockTop = 0;
  /** Free block indices below blockTop (single blocks returned by the sweeper). */
  private freeBlocks: number[] = [];

  readonly startBits: Uint32Array;
  readonly markBits: Uint32Array;
  /** The WebAssembly marker's stack (word index and capacity in words) when the bitmaps are in the heap, else 0. */
  readonly gcStack: number;
  readonly gcStackWords: number;

  /** Free-list heads per (kind, class): word index, or -1. */
  readonly freeList: Int32Array;
  /** Bump allocation inside the current block per (kind, class). */
  private bumpPtr: Int32Array;
  private bumpEnd: Int32Array;

  /**
   * Blocks held back so that a memory-full error can still be handled: its handler, the
   * backtrace and a `garbage-collect' need some room (GNU's spare memory). `blockLimit' is
   * `nblocks' minus the reserve until the heap first runs dry; then the reserve is released
   * for the handlers, and a collection that frees enough takes it back (`refillReserve').
   */
  readonly reserveBlocks: number;
  blockLimit: number;
  get reserveReleased(): boolean {
    return this.blockLimit === this.nblocks && this.reserveBlocks > 0;
  }
  /** Bytes allocated since the last collection (GNU's consing_since_gc). */
  bytesSinceGC = 0;
  /** Running totals for memory-use-counts. */
  readonly counts = { conses: 0, floats: 0, vectorSlots: 0, symbols: 0, strings: 0, stringChars: 0, intervals: 0 };

  constructor(opts: HeapOptions) {
    const rnd = opts.seed ?? Math.random();
    const nwords = Math.floor(opts.bytes / 4 / BLOCK_WORDS) * BLOCK_WORDS;
    const made = newHeapBuffer(nwords * 4);
    ({ buffer: this.buffer, memory: this.memory } = made);
    this.i32 = new Int32Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.nwords = nwords;

    // Random gaps of up to 1 MB before each region, granule aligned.
    const gap = (r: number): number => 2 * Math.floor(r * 131072);
    const r2 = (rnd * 7919) % 1;
    this.staticBase = opts.pinStaticBase ?? 64 + gap(rnd);
    if (this.staticBase % 2 !== 0 || this.staticBase < 2) throw new Error('static base must be even and nonzero');
    this.staticEnd = this.staticBase + roundUp(opts.staticWords, 2);
    this.staticTop = this.staticBase;
    this.staticBaseG = this.staticBase >>> 1;
    // Where the launcher read (made.readAt, random per run) when it is free and a dump comes.
    const readW = made.readAt >>> 2;
    const atRead = made.readBytes > 0 && opts.dumpWords > 0 && (made.readAt & 7) === 0 && readW >= this.staticEnd + 64;
    this.dumpBase = opts.pinDumpBase ?? (atRead ? readW : this.staticEnd + 64 + gap(r2));
    if (this.dumpBase % 2 !== 0 || this.dumpBase < this.staticEnd) throw new Error('dump base must be even and above the static region');
    this.dumpEnd = this.dumpBase + roundUp(opts.dumpWords, 2);
    // The launcher's bytes are garbage to the heap, which expects untouched memory to be zero:
    // clear what the dump's read will not overwrite.
    if (made.readBytes > 0) {
      const from = made.readAt;
      const to = from + made.readBytes;
      if (this.dumpBase << 2 === from) {
        if (to > this.dumpEnd << 2) this.u8.fill(0, this.dumpEnd << 2, to);
      } else this.u8.fill(0, from, to);
    }
    const granules = nwords >>> 1;
    const bitWords = (granules + 31) >>> 5;
    // In a WebAssembly memory the bitmaps and the mark stack live in the heap itself, between the
    // dump and the blocks, so that the collector's WebAssembly marker (core/gc-kernel.ts) reaches
    // them; their pages are faulted in only where used.
    const inHeap = this.memory !== null;
    const gcArea = roundUp(this.dumpEnd + 64, 16);
    this.gcStack = inHeap ? gcArea + 2 * bitWords : 0;
    this.gcStackWords = inHeap ? MARK_STACK_WORDS : 0;
    this.blockBase = roundUp(inHeap ? this.gcStack + MARK_STACK_WORDS + 64 : this.dumpEnd + 64, BLOCK_WORDS);
    if (this.blockBase + 16 * BLOCK_WORDS > nwords) throw new Error('heap too small for its regions');
    this.nblocks = (nwords - this.blockBase) >>> BLOCK_SHIFT;
    this.reserveBlocks = Math.min(RESERVE_BLOCKS, this.nblocks >>> 3);
    this.blockLimit = this.nblocks - this.reserveBlocks;
    this.blockInfo = new Uint16Array(this.nblocks);
    if (inHeap) {
      this.startBits = new Uint32Array(this.buffer, gcArea << 2, bitWords);
      this.markBits = new Uint32Array(this.buffer, (gcArea + bitWords) << 2, bitWords);
    } else {
      const bits = lazyZeroed(bitWords * 8);
      this.startBits = bits !== null ? new Uint32Array(bits, 0, bitWords) : new Uint32Array(bitWords);
      this.markBits = bits !== null ? new Uint32Array(bits, bitWords * 4, bitWords) : new Uint32Array(bitWords);
    }
    const slots = KIND_COUNT * NCLASSES;
    this.freeList = new Int32Array(slots).fill(-1);
    this.bumpPtr = new Int32Array(slots);
    this.bumpEnd = new Int32Array(slots);
  }

  // ---- bitmaps -------------------------------------------------------------

  isStart(wi: number): boolean {
    const g = wi >>> 1;
    return (this.startBits[g >>> 5]! & (1 << (g & 31))) !== 0;
  }
  setStart(wi: number): void {
    const g = wi >>> 1;
    this.startBits[g >>> 5]! |= 1 << (g & 31);
  }
  isMarked(wi: number): boolean {
    const g = wi >>> 1;
    return (this.markBits[g >>> 5]! & (1 << (g & 31))) !== 0;
  }
  /** Set the mark bit; true if it was clear (the object is newly marked). */
  mark(wi: number): boolean {
    const g = wi >>> 1;
    const bit = 1 << (g & 31);
    const word = this.markBits[g >>> 5]!;
    if ((word & bit) !== 0) return false;
    this.markBits[g >>> 5] = word | bit;
    return true;
  }
  /** Clear the mark bits of the word range [from, to). */
  clearMarks(from: number, to: number): void {
    const g0 = from >>> 1;
    const g1 = (to + 1) >>> 1;
    if (g1 <= g0) return;
    const mb = this.markBits;
    const k0 = g0 >>> 5;
    const k1 = (g1 - 1) >>> 5;
    // The bits of [g0, g1) in the first and last bitmap words; whole words between, by fill.
    const lo = -1 << (g0 & 31);
    const hi = -1 >>> (31 - ((g1 - 1) & 31));
    if (k0 === k1) {
      mb[k0]! &= ~(lo & hi);
      return;
    }
    mb[k0]! &= ~lo;
    mb[k1]! &= ~hi;
    if (k1 > k0 + 1) mb.fill(0, k0 + 1, k1);
  }

  // ---- where a word lives ----------------------------------------------------

  inStatic(wi: number): boolean {
    return wi >= this.staticBase && wi < this.staticTop;
  }
  inDump(wi: number): boolean {
    return wi >= this.dumpBase && wi < this.dumpEnd;
  }
  inBlocks(wi: number): boolean {
    return wi >= this.blockBase && wi < this.blockBase + (this.blockTop << BLOCK_SHIFT);
  }
  blockOf(wi: number): number {
    return (wi - this.blockBase) >>> BLOCK_SHIFT;
  }
  blockKind(wi: number): number {
    return this.blockInfo[this.blockOf(wi)]! >>> 8;
  }

  // ---- allocation --------------------------------------------------------------

  /** Allocate a static-region object of `words` words (at start-up only). */
  allocStatic(words: number): number {
    const wi = this.staticTop;
    const n = roundUp(words, 2);
    if (wi + n > this.staticEnd) throw new HeapExhausted('static region full');
    this.staticTop = wi + n;
    this.setStart(wi);
    return wi;
  }

  /** Allocate an object of `words` words in a block of `kind`. Never collects. */
  alloc(kind: number, words: number): number {
    const granules = (words + 1) >>> 1;
    this.bytesSinceGC += granules << 3;
    if (granules > MAX_SMALL_GRANULES) return this.allocLarge(kind, granules);
    // Symbols (3 granules) and string headers (2) need their own size class too, not just vectors and data.
    const cls = kind === BK_CONS || kind === BK_FLOAT ? 0 : classOfGranules[granules]!;
    const slot = kind * NCLASSES + cls;
    const free = this.freeList;
    let wi = free[slot]!;
    // The list's link is read and followed whether or not the list is empty (word 0 stands in
    // then): a process meets the free-list path only after its first collection, and V8, with no
    // feedback for the path's reads, then threw away the optimised code of every caller that had
    // alloc inlined (cons, the reader, list builders) at once.
    const next = linkTarget(this.i32[wi === -1 ? 0 : wi]!);
    free[slot] = wi !== -1 ? next : -1;
    if (wi === -1) {
      wi = this.bumpPtr[slot]!;
      const size = SIZE_CLASSES[cls]! * 2;
      if (wi === 0 || wi + size > this.bumpEnd[slot]!) {
        const b = this.newBlock(kind, cls);
        wi = this.blockBase + (b << BLOCK_SHIFT);
        const cells = Math.floor(BLOCK_GRANULES / SIZE_CLASSES[cls]!);
        this.bumpEnd[slot] = wi + cells * size;
      }
      this.bumpPtr[slot] = wi + size;
    }
    this.setStart(wi);
    return wi;
  }

  private newBlock(kind: number, cls: number): number {
    let b: number;
    if (this.freeBlocks.length > 0) b = this.freeBlocks.pop()!;
    else {
      if (this.blockTop >= this.blockLimit) this.exhausted(1);
      b = this.blockTop++;
    }
    this.blockInfo[b] = (kind << 8) | cls;
    return b;
  }

  /**
   * No room for NEEDED more blocks under the limit. A request that the reserve could
   * satisfy means the heap is really full: release the reserve for the error's handlers.
   * A request too big even for that consumed nothing, so the reserve stays.
   */
  private exhausted(needed: number): never {
    if (!this.reserveReleased && this.blockTop + needed <= this.nblocks) this.blockLimit = this.nblocks;
    throw new HeapExhausted('heap exhausted');
  }

  /** After a collection: take the reserve back when the blocks in use leave room for it. Returns true if it did. */
  refillReserve(): boolean {
    if (!this.reserveReleased) return false;
    const normal = this.nblocks - this.reserveBlocks;
    if (this.blockTop - this.freeBlocks.length > normal - this.reserveBlocks) return false;
    this.blockLimit = normal;
    return true;
  }

  private allocLarge(kind: number, granules: number): number {
    const n = Math.ceil(granules / BLOCK_GRANULES);
    // First fit among freed blocks, else at the top.
    let start = -1;
    if (this.freeBlocks.length >= n) {
      const sorted = this.freeBlocks.slice().sort((a, b) => a - b);
      for (let i = 0; i + n <= sorted.length; i++) {
        if (sorted[i + n - 1]! - sorted[i]! === n - 1) {
          start = sorted[i]!;
          const taken = new Set(sorted.slice(i, i + n));
          this.freeBlocks = this.freeBlocks.filter((x) => !taken.has(x));
          break;
        }
      }
    }
    if (start === -1) {
      if (this.blockTop + n > this.blockLimit) this.exhausted(n);
      start = this.blockTop;
      this.blockTop += n;
    }
    this.blockInfo[start] = (kind << 8) | LARGE_CLASS;
    for (let i = 1; i < n; i++) this.blockInfo[start + i] = BK_LARGE_CONT << 8;
    const wi = this.blockBase + (start << BLOCK_SHIFT);
    this.setStart(wi);
    return wi;
  }

  // ---- sweeping -----------------------------------------------------------------

  /**
   * Free every block object whose start bit is set and mark bit is clear,
   * poisoning it; clear all mark bits. `onFree(kind, wi)` sees each freed object
   * first (strings use it to count). Returns the number of bytes freed.
   */
  sweep(onFree: (kind: number, wi: number) => void, fast: BlockSweeper | null = null): number {
    let freed = 0;
    const { startBits, markBits, i32 } = this;
    this.freeList.fill(-1);
    this.bumpPtr.fill(0);
    this.bumpEnd.fill(0);
    const freeSet: number[] = [];
    for (let b = 0; b < this.blockTop; b++) {
      const info = this.blockInfo[b]!;
      const kind = info >>> 8;
      if (kind === BK_LARGE_CONT) continue;
      if (kind === BK_FREE) {
        // Free since an earlier sweep and not reused: it stays free.
        freeSet.push(b);
        continue;
      }
      const cls = info & 255;
      const base = this.blockBase + (b << BLOCK_SHIFT);
      const g0 = base >>> 1; // multiple of 2048, so bitmap words align
      if (cls === LARGE_CLASS) {
        if (!this.isMarked(base)) {
          onFree(kind, base);
          let n = 1;
          while (b + n < this.blockTop && this.blockInfo[b + n]! >>> 8 === BK_LARGE_CONT) n++;
          for (let i = 0; i < n; i++) {
            this.blockInfo[b + i] = BK_FREE;
            freeSet.push(b + i);
          }
          i32.fill(POISON, base, base + n * BLOCK_WORDS);
          startBits[g0 >>> 5]! &= ~1;
          freed += n * BLOCK_WORDS * 4;
          // Its other blocks are free and listed now: visiting them again as free blocks
          // listed them twice, and a block listed twice went to two objects.
          b += n - 1;
        }
        markBits[g0 >>> 5]! &= ~1;
        continue;
      }
      const stride = SIZE_CLASSES[cls]!;
      const slot = kind * NCLASSES + cls;
      let live = 0;
      let head = -1;
      const cells = Math.floor(BLOCK_GRANULES / stride);
      // The block's last free cell, found first (the walk is top down): its link ends the chain.
      let tail = -1;
      if (fast !== null) {
        // The same walk as below, as WebAssembly (core/gc-kernel.ts).
        live = fast.sweep(g0, stride, cells);
        head = fast.g.head.value;
        tail = fast.g.tail.value;
        freed += fast.g.freed.value;
      }
      // Walk cells from the top so the free list comes out in address order.
      for (let c = fast !== null ? -1 : cells - 1; c >= 0; c--) {
        const g = g0 + c * stride;
        if (stride === 1 && (g & 31) === 31 && (startBits[g >>> 5]! & markBits[g >>> 5]!) === -1) {
          // 32 one-granule cells (conses, floats), all allocated and all marked: only their
          // mark bits change, so a bitmap word at a time, not a cell at a time.
          markBits[g >>> 5] = 0;
          live += 32;
          c -= 31;
          continue;
        }
        const bw = g >>> 5;
        const bit = 1 << (g & 31);
        const wi = g << 1;
        if ((startBits[bw]! & bit) !== 0) {
          if ((markBits[bw]! & bit) !== 0) {
            markBits[bw]! &= ~bit;
            live++;
            continue;
          }
          onFree(kind, wi);
          startBits[bw]! &= ~bit;
          freed += stride * 8;
          // Poison what just died; cells free since an earlier sweep already are.
          if (stride > 1) i32.fill(POISON, wi + 1, wi + stride * 2);
          else i32[wi + 1] = POISON;
        }
        if (head === -1) tail = wi;
        i32[wi] = head === -1 ? POISON : (head << 2) | 1;
        head = wi;
      }
      if (live === 0) {
        this.blockInfo[b] = BK_FREE;
        freeSet.push(b);
      } else if (head !== -1) {
        // Chain this block's free cells in front of the class's list.
        const old = this.freeList[slot]!;
        i32[tail] = old === -1 ? POISON : (old << 2) | 1;
        this.freeList[slot] = head;
      }
    }
    // Free-list links are (wi << 2) | 1 (tag 1, so still poison to the
    // type checks) and the last cell holds POISON itself.
    this.freeBlocks = freeSet;
    this.bytesSinceGC = 0;
    return freed;
  }
}

/** The word index a free-list link points at, or -1 at the end of the list. */
export const linkTarget = (link: number): number => (link === POISON ? -1 : link >>> 2);
