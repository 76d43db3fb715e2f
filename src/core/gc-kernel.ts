// The collector's marking loop as WebAssembly over the heap's own memory (see gc.ts and docs/gc.md).
//
// Marking is most of a collection, and a process collects rarely: the JS marker ran its first few
// collections in V8's interpreter and baseline code (10-30 ms for what takes it 1.5 ms once
// optimised). V8 compiles this small module with its baseline wasm compiler in microseconds, and
// that code runs at machine speed from the first word; a long collection tiers it up further.
//
// It needs the mark bitmap and its own mark stack inside the heap memory (heap.ts puts them
// there when the heap is a WebAssembly.Memory); otherwise the JS marker in gc.ts runs, which sets
// exactly the same bits. The module holds only the common cases; two kinds of object go back to JS
// through the import `special` (buffers, whose marker chains are weak, and hash tables, weak or
// with index vectors marked unread), and a full mark stack is emptied into JS through `spill`.
//
// Functions:
//   mark(w)              mark one Lisp word; an object newly marked is pushed (floats are not)
//   drain()              trace pushed objects until the stack is empty
//   range(w, step, n)    mark the N words W, W+STEP, ... (the builtin symbols)
//   sweep(g0, stride, cells) -> live cells
//                        sweep one block of small objects (heap.ts Heap.sweep's walk): the
//                        block's chain of free cells is left in the globals head and tail (word
//                        indices, -1 if none), the bytes freed in freed
// Globals (exported, set by gc.ts): mb and sb the mark and start bitmaps' byte addresses, sbg
// the static base in granules, st the stack's byte address, sp the entries on it, sn its capacity.

import type { WasmApi, WasmMemory } from '../heap/heap.ts';
import {
  PVEC_BIGNUM, PVEC_BOOL_VECTOR, PVEC_BUFFER, PVEC_HASH_TABLE, PVEC_SIZE_MASK, PVEC_TYPE_SHIFT, STR_DATA, STR_INTERVALS,
  SYM_FLAGS,
} from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike, POISON } from '../heap/tags.ts';
import { I32, bytesFromBase64, name as str, section as sect, sleb, uleb, vec as many } from '../heap/wasm-asm.ts';

const lget = (i: number): number[] => [0x20, i];
const lset = (i: number): number[] => [0x21, i];
const gget = (i: number): number[] => [0x23, i];
const gset = (i: number): number[] => [0x24, i];
const c32 = (n: number): number[] => [0x41, ...sleb(n | 0)];
const ld = (off = 0): number[] => [0x28, 2, ...uleb(off)];
const st = (): number[] => [0x36, 2, 0];
const call = (f: number): number[] => [0x10, f];
const br = (d: number): number[] => [0x0c, d];
const brIf = (d: number): number[] => [0x0d, d];
const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, SHL = 0x74, SHR_U = 0x76, EQ = 0x46, NE = 0x47, EQZ = 0x45;
const GT_U = 0x4b, GE_U = 0x4f, LT_S = 0x48, MUL = 0x6c, XOR = 0x73, SELECT = 0x1b;
const BLOCK = [0x02, 0x40], LOOP = [0x03, 0x40], IF = [0x04, 0x40], ELSE = 0x05, END = 0x0b, RET = 0x0f;
const body = (locals: number, code: number[]): number[] => {
  const b = [...(locals ? [1, ...uleb(locals), I32] : [0]), ...code, END];
  return [...uleb(b.length), ...b];
};

// Function indices (the two imports come first) and globals.
const F_SPECIAL = 0, F_SPILL = 1, F_MARK = 2;
const G_MB = 0, G_SBG = 1, G_ST = 2, G_SP = 3, G_SN = 4, G_SB = 5, G_HEAD = 6, G_TAIL = 7, G_FREED = 8;
const GLOBALS = ['mb', 'sbg', 'st', 'sp', 'sn', 'sb', 'head', 'tail', 'freed'] as const;

/** The granule G's bitmap word address, left on the stack. */
const bitmapWord = (g: number): number[] => [...gget(G_MB), ...lget(g), ...c32(5), SHR_U, ...c32(2), SHL, ADD];

/** The module's bytes. */
export function gcModuleBytes(): Uint8Array {
  // mark(w): locals 1 tag, 2 granule, 3 bitmap word address, 4 its value, 5 the bit.
  const mark = body(5, [
    ...lget(0), ...c32(7), AND, ...lset(1),
    ...lget(1), ...c32(3), AND, ...c32(2), EQ, ...IF, RET, END, // fixnums
    ...lget(0), ...c32(3), SHR_U, ...lset(2),
    ...lget(1), ...c32(Lisp_Symbol), EQ, ...IF,
    ...lget(2), ...gget(G_SBG), ADD, ...c32(0x1fffffff), AND, ...lset(2), END,
    ...bitmapWord(2), ...lset(3),
    ...lget(3), ...ld(), ...lset(4),
    ...c32(1), ...lget(2), SHL, ...lset(5),
    ...lget(4), ...lget(5), AND, ...IF, RET, END,
    ...lget(3), ...lget(4), ...lget(5), OR, ...st(),
    ...lget(1), ...c32(Lisp_Float), EQ, ...IF, RET, END,
    ...gget(G_SP), ...gget(G_SN), EQ, ...IF, ...call(F_SPILL), END,
    ...gget(G_ST), ...gget(G_SP), ...c32(2), SHL, ADD, ...lget(0), ...st(),
    ...gget(G_SP), ...c32(1), ADD, ...gset(G_SP),
  ]);

  // drain(): locals 0 w, 1 tag, 2 address, 3 granule, 4 bitmap word address, 5 its value, 6 the
  // bit, 7 cdr / last slot's address, 8 header / slot count, 9 type, 10 and 11 markInline's.
  // A word whose object is already marked (most are: symbols, shared structure) or a fixnum
  // costs no call: markInline tests its bit here and calls mark only for a new object.
  const markInline = (word: number[]): number[] => [
    ...word, ...lset(10),
    ...lget(10), ...c32(3), AND, ...c32(2), NE, ...IF,
    ...lget(10), ...c32(3), SHR_U, ...gget(G_SBG), ...c32(0), ...lget(10), ...c32(7), AND, EQZ, SELECT, ADD,
    ...c32(0x1fffffff), AND, ...lset(11),
    ...bitmapWord(11), ...ld(), ...c32(1), ...lget(11), SHL, AND, EQZ, ...IF, ...lget(10), ...call(F_MARK), END,
    END,
  ];
  const drain = body(12, [
    ...BLOCK, ...LOOP,
    ...gget(G_SP), EQZ, ...brIf(1),
    ...gget(G_SP), ...c32(1), SUB, ...gset(G_SP),
    ...gget(G_ST), ...gget(G_SP), ...c32(2), SHL, ADD, ...ld(), ...lset(0),
    ...lget(0), ...c32(7), AND, ...lset(1),
    // A cons: the car is marked, the cdr chain followed in place.
    ...lget(1), ...c32(Lisp_Cons), EQ, ...IF,
    ...lget(0), ...c32(-8), AND, ...lset(2),
    ...BLOCK, ...LOOP,
    ...markInline([...lget(2), ...ld()]),
    ...lget(2), ...ld(4), ...lset(7),
    ...lget(7), ...c32(7), AND, ...c32(Lisp_Cons), NE, ...IF, ...markInline(lget(7)), ...br(2), END,
    ...lget(7), ...c32(3), SHR_U, ...lset(3),
    ...bitmapWord(3), ...lset(4),
    ...lget(4), ...ld(), ...lset(5),
    ...c32(1), ...lget(3), SHL, ...lset(6),
    ...lget(5), ...lget(6), AND, ...brIf(1),
    ...lget(4), ...lget(5), ...lget(6), OR, ...st(),
    ...lget(7), ...c32(-8), AND, ...lset(2),
    ...br(0), END, END,
    ...br(1), END,
    // A symbol: name, value, function, plist, next (the flags are raw).
    ...lget(1), ...c32(Lisp_Symbol), EQ, ...IF,
    ...lget(0), ...c32(3), SHR_U, ...gget(G_SBG), ADD, ...c32(0x1fffffff), AND, ...c32(3), SHL, ...lset(2),
    ...Array.from({ length: SYM_FLAGS }, (_, i) => markInline([...lget(2), ...ld(4 * i)])).flat(),
    ...br(1), END,
    // A string: its data's bit is set (data is never traced), its intervals marked.
    ...lget(1), ...c32(Lisp_String), EQ, ...IF,
    ...lget(0), ...c32(-8), AND, ...lset(2),
    ...lget(2), ...ld(4 * STR_DATA), ...c32(3), SHR_U, ...lset(3),
    ...bitmapWord(3), ...lset(4),
    ...lget(4), ...lget(4), ...ld(), ...c32(1), ...lget(3), SHL, OR, ...st(),
    ...lget(2), ...ld(4 * STR_INTERVALS), ...call(F_MARK),
    ...br(1), END,
    // A vectorlike: buffers and hash tables go to JS; raw ones trace only their first slot.
    ...lget(1), ...c32(Lisp_Vectorlike), EQ, ...IF,
    ...lget(0), ...c32(-8), AND, ...lset(2),
    ...lget(2), ...ld(), ...lset(8),
    ...lget(8), ...c32(PVEC_TYPE_SHIFT), SHR_U, ...lset(9),
    ...lget(9), ...c32(PVEC_BUFFER), EQ, ...lget(9), ...c32(PVEC_HASH_TABLE), EQ, OR, ...IF,
    ...lget(0), ...call(F_SPECIAL), ...br(2), END,
    ...lget(9), ...c32(PVEC_BOOL_VECTOR), EQ, ...lget(9), ...c32(PVEC_BIGNUM), EQ, OR, ...IF,
    ...c32(1), ...lset(8), ELSE, ...lget(8), ...c32(PVEC_SIZE_MASK), AND, ...lset(8), END,
    ...lget(2), ...lget(8), ...c32(2), SHL, ADD, ...lset(7),
    ...lget(2), ...c32(4), ADD, ...lset(2),
    ...BLOCK, ...LOOP,
    ...lget(2), ...lget(7), GT_U, ...brIf(1),
    ...markInline([...lget(2), ...ld()]),
    ...lget(2), ...c32(4), ADD, ...lset(2),
    ...br(0), END, END,
    END,
    ...br(0), END, END,
  ]);

  // range(w, step, n)
  const range = body(0, [
    ...BLOCK, ...LOOP,
    ...lget(2), EQZ, ...brIf(1),
    ...lget(0), ...call(F_MARK),
    ...lget(0), ...lget(1), ADD, ...lset(0),
    ...lget(2), ...c32(1), SUB, ...lset(2),
    ...br(0), END, END,
  ]);

  // sweep(g0, stride, cells) -> live cells: heap.ts Heap.sweep's walk of one block of small
  // objects, top down. Locals 3 cell, 4 granule, 5 start-bit word address, 6 mark-bit word
  // address, 7 the bit, 8 live, 9 the chain's head (word index), 10 the cell's byte address,
  // 11 the poisoning cursor, 12 its end.
  const sweep = body(10, [
    ...lget(2), ...c32(1), SUB, ...lset(3),
    ...c32(0), ...lset(8),
    ...c32(-1), ...lset(9),
    ...c32(0), ...gset(G_FREED),
    ...c32(-1), ...gset(G_TAIL),
    ...BLOCK, ...LOOP,
    ...lget(3), ...c32(0), LT_S, ...brIf(1),
    ...lget(0), ...lget(3), ...lget(1), MUL, ADD, ...lset(4),
    ...gget(G_SB), ...lget(4), ...c32(5), SHR_U, ...c32(2), SHL, ADD, ...lset(5),
    ...gget(G_MB), ...lget(4), ...c32(5), SHR_U, ...c32(2), SHL, ADD, ...lset(6),
    // 32 one-granule cells all allocated and all marked: clear their mark word, skip them.
    ...lget(1), ...c32(1), EQ, ...lget(4), ...c32(31), AND, ...c32(31), EQ, AND, ...IF,
    ...lget(5), ...ld(), ...lget(6), ...ld(), AND, ...c32(-1), EQ, ...IF,
    ...lget(6), ...c32(0), ...st(),
    ...lget(8), ...c32(32), ADD, ...lset(8),
    ...lget(3), ...c32(32), SUB, ...lset(3),
    ...br(2), END, END,
    ...c32(1), ...lget(4), SHL, ...lset(7),
    ...lget(4), ...c32(3), SHL, ...lset(10),
    ...lget(5), ...ld(), ...lget(7), AND, ...IF,
    // Allocated and marked: live; allocated, unmarked: dies, poisoned but for its link word.
    ...lget(6), ...ld(), ...lget(7), AND, ...IF,
    ...lget(6), ...lget(6), ...ld(), ...lget(7), ...c32(-1), XOR, AND, ...st(),
    ...lget(8), ...c32(1), ADD, ...lset(8),
    ...lget(3), ...c32(1), SUB, ...lset(3),
    ...br(2), END,
    ...lget(5), ...lget(5), ...ld(), ...lget(7), ...c32(-1), XOR, AND, ...st(),
    ...gget(G_FREED), ...lget(1), ...c32(3), SHL, ADD, ...gset(G_FREED),
    ...lget(10), ...c32(4), ADD, ...lset(11),
    ...lget(10), ...lget(1), ...c32(3), SHL, ADD, ...lset(12),
    ...BLOCK, ...LOOP,
    ...lget(11), ...lget(12), GE_U, ...brIf(1),
    ...lget(11), ...c32(POISON), ...st(),
    ...lget(11), ...c32(4), ADD, ...lset(11),
    ...br(0), END, END,
    END,
    // A free cell (just freed, or free since an earlier sweep): link it in front of the chain.
    ...lget(9), ...c32(-1), EQ, ...IF, ...lget(10), ...c32(2), SHR_U, ...gset(G_TAIL), END,
    ...lget(10),
    ...c32(POISON), ...lget(9), ...c32(2), SHL, ...c32(1), OR, ...lget(9), ...c32(-1), EQ, SELECT,
    ...st(),
    ...lget(10), ...c32(2), SHR_U, ...lset(9),
    ...lget(3), ...c32(1), SUB, ...lset(3),
    ...br(0), END, END,
    ...lget(9), ...gset(G_HEAD),
    ...lget(8),
  ]);

  const tI = [0x60, 1, I32, 0];
  const tV = [0x60, 0, 0];
  const tIII = [0x60, 3, I32, I32, I32, 0];
  const tIIIr = [0x60, 3, I32, I32, I32, 1, I32];
  const global0 = [I32, 1, 0x41, 0, END];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...sect(1, many([tI, tV, tIII, tIIIr])),
    ...sect(2, many([
      [...str('e'), ...str('m'), 0x02, 0x03, ...uleb(0), ...uleb(65536)],
      [...str('e'), ...str('special'), 0x00, 0],
      [...str('e'), ...str('spill'), 0x00, 1],
    ])),
    ...sect(3, many([[0], [1], [2], [3]])),
    ...sect(6, many(GLOBALS.map(() => global0))),
    ...sect(7, many([
      [...str('mark'), 0, F_MARK], [...str('drain'), 0, F_MARK + 1], [...str('range'), 0, F_MARK + 2],
      [...str('sweep'), 0, F_MARK + 3],
      ...GLOBALS.map((n, i) => [...str(n), 3, i]),
    ])),
    ...sect(10, many([mark, drain, range, sweep])),
  ]);
}

export interface GcKernel {
  mark(w: number): void;
  drain(): void;
  range(w: number, step: number, n: number): void;
  sweep(g0: number, stride: number, cells: number): number;
  g: Record<(typeof GLOBALS)[number], { value: number }>;
}

/**
 * gcModuleBytes() in base64: assembling it is about 1.5 ms of cold JS at the first collection,
 * decoding this costs nothing. test/gc-kernel.test.ts checks that the two agree.
 */
export const GC_MODULE_BASE64 =
  'AGFzbQEAAAABFQRgAX8AYAAAYAN/f38AYAN/f38BfwIhAwFlAW0CAwCAgAQBZQdzcGVjaWFsAAABZQVzcGlsbAABAwUEAAECAwYuCX8BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEACwdVDQRtYXJrAAIFZHJhaW4AAwVyYW5nZQAEBXN3ZWVwAAUCbWIDAANzYmcDAQJzdAMCAnNwAwMCc24DBAJzYgMFBGhlYWQDBgR0YWlsAwcFZnJlZWQDCAqnCwSJAQEFfyAAQQdxIQEgAUEDcUECRgRADwsgAEEDdiECIAFBAEYEQCACIwFqQf////8BcSECCyMAIAJBBXZBAnRqIQMgAygCACEEQQEgAnQhBSAEIAVxBEAPCyADIAQgBXI2AgAgAUEHRgRADwsjAyMERgRAEAELIwIjA0ECdGogADYCACMDQQFqJAMLogcBDH8CQANAIwNFDQEjA0EBayQDIwIjA0ECdGooAgAhACAAQQdxIQEgAUEDRgRAIABBeHEhAgJAA0AgAigCACEKIApBA3FBAkcEQCAKQQN2IwFBACAKQQdxRRtqQf////8BcSELIwAgC0EFdkECdGooAgBBASALdHFFBEAgChACCwsgAigCBCEHIAdBB3FBA0cEQCAHIQogCkEDcUECRwRAIApBA3YjAUEAIApBB3FFG2pB/////wFxIQsjACALQQV2QQJ0aigCAEEBIAt0cUUEQCAKEAILCwwCCyAHQQN2IQMjACADQQV2QQJ0aiEEIAQoAgAhBUEBIAN0IQYgBSAGcQ0BIAQgBSAGcjYCACAHQXhxIQIMAAsLDAELIAFBAEYEQCAAQQN2IwFqQf////8BcUEDdCECIAIoAgAhCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLIAIoAgQhCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLIAIoAgghCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLIAIoAgwhCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLIAIoAhAhCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLDAELIAFBBEYEQCAAQXhxIQIgAigCCEEDdiEDIwAgA0EFdkECdGohBCAEIAQoAgBBASADdHI2AgAgAigCDBACDAELIAFBBUYEQCAAQXhxIQIgAigCACEIIAhBGnYhCSAJQQxGIAlBAkZyBEAgABAADAILIAlBA0YgCUEHRnIEQEEBIQgFIAhB////H3EhCAsgAiAIQQJ0aiEHIAJBBGohAgJAA0AgAiAHSw0BIAIoAgAhCiAKQQNxQQJHBEAgCkEDdiMBQQAgCkEHcUUbakH/////AXEhCyMAIAtBBXZBAnRqKAIAQQEgC3RxRQRAIAoQAgsLIAJBBGohAgwACwsLDAALCwshAAJAA0AgAkUNASAAEAIgACABaiEAIAJBAWshAgwACwsL0wIBCn8gAkEBayEDQQAhCEF/IQlBACQIQX8kBwJAA0AgA0EASA0BIAAgAyABbGohBCMFIARBBXZBAnRqIQUjACAEQQV2QQJ0aiEGIAFBAUYgBEEfcUEfRnEEQCAFKAIAIAYoAgBxQX9GBEAgBkEANgIAIAhBIGohCCADQSBrIQMMAgsLQQEgBHQhByAEQQN0IQogBSgCACAHcQRAIAYoAgAgB3EEQCAGIAYoAgAgB0F/c3E2AgAgCEEBaiEIIANBAWshAwwCCyAFIAUoAgAgB0F/c3E2AgAjCCABQQN0aiQIIApBBGohCyAKIAFBA3RqIQwCQANAIAsgDE8NASALQen9tvV9NgIAIAtBBGohCwwACwsLIAlBf0YEQCAKQQJ2JAcLIApB6f229X0gCUECdEEBciAJQX9GGzYCACAKQQJ2IQkgA0EBayEDDAALCyAJJAYgCAs=';

/** The module's bytes from GC_MODULE_BASE64. */
export function storedModuleBytes(): Uint8Array {
  return bytesFromBase64(GC_MODULE_BASE64);
}

let compiled: object | null | undefined;

/**
 * The marker over MEMORY, calling SPECIAL for buffers and hash tables and SPILL when its stack is
 * full; null where WebAssembly or a heap memory is missing (the JS marker runs then).
 */
export function makeGcKernel(memory: WasmMemory | null, special: (w: number) => void, spill: () => void): GcKernel | null {
  if (memory === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    compiled ??= new wasm.Module(storedModuleBytes());
    const x = new wasm.Instance(compiled, { e: { m: memory, special, spill } }).exports as Record<string, unknown>;
    return {
      mark: x.mark as GcKernel['mark'],
      drain: x.drain as GcKernel['drain'],
      range: x.range as GcKernel['range'],
      sweep: x.sweep as GcKernel['sweep'],
      g: Object.fromEntries(GLOBALS.map((n) => [n, x[n]])) as GcKernel['g'],
    };
  } catch {
    compiled = null;
    return null;
  }
}
