// WebAssembly kernels for the loader's passes over the whole file: checksum lanes, object-start check, verify and relocate.
//
// Each runs once per start-up, so in JS it would run cold in V8's interpreter
// (about 10 ms/MB for the checksum) before the optimiser catches up. The same
// loops as WebAssembly are compiled by V8's baseline compiler in well under a
// millisecond and run at machine speed from the first word. They need the heap
// to be a WebAssembly.Memory (heap.ts makes it one under Node); otherwise, or
// if WebAssembly is unavailable, the loader uses its JS loops, which compute
// exactly the same results (test/dump.test.ts compares them).
//
// The module is assembled here from a few opcodes rather than shipped as a
// binary, so the source is the whole truth. Its functions:
//   ck(p, end)              checksum lanes over the bytes [p, end), 64 at a time,
//                           left in the globals a, b, c, d (see format.ts checksum)
//   starts(t, n, hs, he, cs, ce) -> index of the first bad entry, or -1
//                           (see loader.ts checkStarts)
//   statics(...)            core/static.ts's builtin symbols, their names and the subrs (headers,
//                           names, arities, indices) with their symbols' function cells
//   vkinds, vslot, vflags, vslots, vshadows, vwalk, vconses, vcold, vunkinds, vfixnums
//                           verify.ts's walk of the hot and discardable sections
//                           (conses, symbols, strings, vectorlikes, shadows, globals),
//                           which relocates each pointer word once it is checked,
//                           state in exported globals (V_* below). Each answers 0
//                           for good; on a fault the file is read again and the JS
//                           walk run to find and word the error.
// Addresses are byte addresses in the heap; table entries and limits as in format.ts.

import type { WasmApi, WasmMemory } from '../heap/heap.ts';
import { PVEC_BIGNUM, PVEC_BOOL_VECTOR, PVEC_FRAME, PVEC_OVERLAY, PVEC_TYPE_COUNT, PVEC_WINDOW, SUBR_INDEX, SUBR_MAX_ARGS, SUBR_MIN_ARGS, SUBR_NAME, SYMBOL_WORDS, SYM_FUNCTION } from '../heap/layout.ts';
import { Lisp_Vectorlike } from '../heap/tags.ts';
import { I32, name, section, sleb, uleb, vec } from '../heap/wasm-asm.ts';

/** The four lanes' seeds and multiplier: must equal format.ts's checksum. */
export const CK_SEEDS = [0x9e3779b1 | 0, 0x85ebca77 | 0, 0xc2b2ae3d | 0, 0x27d4eb2f | 0] as const;
export const CK_MUL = 0x01000193;
export const CK_SHIFT = 15;

export interface Kernels {
  ck(p: number, end: number): void;
  /** Lanes after ck. */
  lanes(): [number, number, number, number];
  starts(t: number, n: number, hs: number, he: number, cs: number, ce: number): number;
  /** verify.ts's walk; null when the module lacks it. */
  verify: VerifyKernel;
  /** core/static.ts's symbols, name strings and subr headers (see assemble). */
  statics(sym: number, str: number, text: number, n: number, arr: number, bits: number, gbase: number, unbound: number,
    fixnum0: number, subr: number, nsubr: number, subrHeader: number): void;
}

/** The verifier's functions and its state globals (see assemble: V_*). */
export interface VerifyKernel {
  vkinds(t: number, n: number, map: number): void;
  vunkinds(t: number, n: number, map: number): void;
  /** The symbol run from word pos to word hotend (globals): vwalk's symbol check. 0 good, 3 a fault. */
  vsyms(): number;
  /** The string run from word pos to word hotend (globals): vwalk's string check. 0 good, 3 a fault. */
  vstrs(): number;
  vslot(p: number): number;
  vflags(p: number): number;
  vslots(p: number, n: number): number;
  /** Checks and relocates N shadows from word P, copying each to the byte address DST on (SYMBOL_WORDS apart). */
  vshadows(p: number, n: number, dst: number): number;
  vwalk(): number;
  vconses(p: number, end: number): number;
  vcold(t: number, n: number, pos: number, end: number): number;
  /** 0 when the N words from the byte address P are fixnums in [LO, HI) or (NILOK 1) nil, else 1. */
  vfixnums(p: number, n: number, lo: number, hi: number, nilOk: number): number;
  g: Record<(typeof V_GLOBALS)[number], { value: number }>;
}

/** The verifier's globals, in index order from 4: constants first, then the walk's state. */
export const V_GLOBALS = [
  'base', 'map', 'file', 'blim', 'str0', 'nstr', 'subr0', 'nsubr', // constants: byte addresses / words
  'i', 'iend', 'pos', 'hotend', 'last', // object-start cursor, current word, last hash table
  'coldend', 'text0', 'sbase', // cold section end (granules), static names text (static bytes), static base (bytes)
  'dd', 'sd', 'td', // the relocation deltas: dump-relative, dumped symbol, static-relative (verify.ts)
  'tab', 'ntab', // the object-start table: byte address, entry count (a long string's data end, by search)
  'defer', // the deferred payload's start (file bytes): only unibyte strings' data from there on
  'crun', 'cspan', // the cons run: its first cons's pointer before relocation (file bytes + 3), its length in bytes
  'srun', 'sspan', // the symbol run: its first symbol (file bytes), its length in bytes
  'trun', 'tspan', // the string run: its first string's pointer before relocation (file bytes + 4), its length in bytes
] as const;

// ---- a tiny assembler ---------------------------------------------------------------


const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const tee = (i: number): number[] => [0x22, i];
const gset = (i: number): number[] => [0x24, i];
const k = (n: number): number[] => [0x41, ...sleb(n | 0)];
const load = (off = 0): number[] => [0x28, 2, ...uleb(off)];
const store = (): number[] => [0x36, 2, 0];
const ADD = 0x6a, AND = 0x71, OR = 0x72, SHR_U = 0x76, SHL = 0x74, SUB = 0x6b, XOR = 0x73, REM_U = 0x70;
const CTZ = 0x68;
const NE = 0x47, GT_U = 0x4b, LT_S = 0x48, EQZ = 0x45, MUL = 0x6c, LE_U = 0x4d, SHR_S = 0x75, SELECT = 0x1b;
const gget = (i: number): number[] => [0x23, i];
const call = (i: number): number[] => [0x10, i];
const load8 = (): number[] => [0x2d, 0, 0];
const store8 = (): number[] => [0x3a, 0, 0];
/** Verifier global NAME's index (after the checksum's four). */
const VG = (n: (typeof V_GLOBALS)[number]): number => 4 + V_GLOBALS.indexOf(n);
/** if (COND) return VALUE */
const retIf = (cond: number[], value: number[]): number[] => [...cond, 0x04, 0x40, ...value, RETURN, END];
const EQ = 0x46, LT_U = 0x49, LE_S = 0x4c, GE_U = 0x4f;
const BLOCK = [0x02, 0x40], LOOP = [0x03, 0x40], IF = [0x04, 0x40], END = 0x0b, RETURN = 0x0f;
const BR = (d: number): number[] => [0x0c, d];
const BR_IF = (d: number): number[] => [0x0d, d];
// SIMD (the 0xfd prefix): v128.const, v128.load, v128.xor, i32x4.mul, i32x4.shr_u, i32x4.extract_lane.
const V128 = 0x7b;
const v128const = (lanes: readonly number[]): number[] =>
  [0xfd, 0x0c, ...lanes.flatMap((x) => [x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, (x >>> 24) & 0xff])];
const v128load = (off: number): number[] => [0xfd, 0x00, 4, ...uleb(off)];
const V128_XOR = [0xfd, 0x51];
const I32X4_MUL = [0xfd, 0xb5, 0x01];
const I32X4_SHR_U = [0xfd, 0xad, 0x01];
const lane = (i: number): number[] => [0xfd, 0x1b, i];
const v128store = (off: number): number[] => [0xfd, 0x0b, 4, ...uleb(off)];
const SPLAT = [0xfd, 0x11];
const V128_AND = [0xfd, 0x4e];
const V128_OR = [0xfd, 0x50];
const I32X4_EQ = [0xfd, 0x37];
const I32X4_LT_U = [0xfd, 0x3a];
const I32X4_LE_U = [0xfd, 0x3e];
const I32X4_ADD = [0xfd, 0xae, 0x01];
const I32X4_SUB = [0xfd, 0xb1, 0x01];
const I32X4_BITMASK = [0xfd, 0xa4, 0x01];
const I8X16_EQ = [0xfd, 0x23];
const I8X16_BITMASK = [0xfd, 0x64];
const POPCNT = 0x69;
const I64_LOAD = [0x29, 0, 0];
const I64_CTZ = 0x7a, I32_WRAP_I64 = 0xa7;
/** A function body whose extra locals are all v128. */
const funcV128 = (locals: number, code: number[]): number[] => {
  const body = [1, ...uleb(locals), V128, ...code, END];
  return [...uleb(body.length), ...body];
};
/** A function body with I32S extra i32 locals, then V128S v128 locals. */
const funcMixed = (i32s: number, v128s: number, code: number[]): number[] => {
  const body = [2, ...uleb(i32s), I32, ...uleb(v128s), V128, ...code, END];
  return [...uleb(body.length), ...body];
};
const func = (locals: number, code: number[]): number[] => {
  const body = [...(locals ? [1, ...uleb(locals), I32] : [0]), ...code, END];
  return [...uleb(body.length), ...body];
};

/** The module as the launcher compiled it (dist/tsmacs.cjs hands it to the bundle); undeclared from source. */
declare const __tsmacs_wasm: object | null | undefined;

/** The launcher's heap memory and its instance of the module over it (see heap.ts); undeclared from source. */
declare const __tsmacs_heap: { memory: WasmMemory; exports?: object } | null | undefined;

/** The launcher's switch of V8's tier-up budget for wasm (true: V8's default); undeclared from source. */
declare const __tsmacs_tier: ((large: boolean) => void) | null | undefined;

/** Images from this size up get kernels that V8 optimises as usual (see kernelsFor). */
export const LARGE_IMAGE_BYTES = 4 << 20;

/** The module's bytes, assembled at build time by scripts/build.mjs and injected as a latin1 string; absent from source. */
declare const __TSMACS_KERNELS__: string | undefined;

/** From source, whether kernelsFor compiles the module with the walks merged (see assemble; set by tests). */
let mergedFromSource = false;

/** Have kernelsFor compile the module from source with the walks merged as Bun's build has them (MERGED), or not. */
export function mergeWalksFromSource(merged: boolean): void {
  mergedFromSource = merged;
  compiled = undefined;
  compiledLarge = undefined;
}

function moduleBytes(): Uint8Array {
  if (typeof __TSMACS_KERNELS__ !== 'string') return assemble(mergedFromSource);
  // Assembling costs about 2 ms of cold JS (all those spreads); decoding 600 bytes costs nothing.
  const out = new Uint8Array(__TSMACS_KERNELS__.length);
  for (let i = 0; i < out.length; i++) out[i] = __TSMACS_KERNELS__.charCodeAt(i);
  return out;
}

/**
 * The module. MERGED (Bun's build: scripts/bun-kernels.mjs) makes the four walks (vconses, vsyms,
 * vstrs, vwalk) one function, vall, whose four parts are their bodies, and each export a one-call
 * function of it: under JavaScriptCore each walk is padded past its optimising compiler's size limit
 * (scripts/launcher-bun.template.cjs beyondOMG), and one padded body is 200 KB less for the start to
 * copy, validate and compile than three (-1.1 ms of verify, -0.4 of the module's compile, measured
 * alone), and its one baseline compile serves all four runs. Node's module is the unmerged one.
 */
export function assemble(merged = false): Uint8Array {
  // ck(p, end): format.ts's sixteen lanes as four v128 accumulators (locals 2..5; 6 holds the
  // multiplier), each taking one 16-byte quarter of every 64 bytes; then xored into one, whose
  // four i32 lanes go to the globals. Four independent multiplies per round run at memory speed
  // even as V8's baseline code (4.5 ms for 25 MB, against 8.5 ms for one scalar lane set). The
  // rounds go four to an iteration (256 bytes) while that many are left, then one at a time: a
  // Liftoff loop's back edge costs about as much as a round's work (the default image's 2.6 MB:
  // 0.6 -> 0.28 ms on its first call; the lanes and so the sum are the same).
  const ckRound = (off: number): number[] => [2, 3, 4, 5].flatMap((l, i) => [
    ...get(0), ...v128load(off + i * 16), ...get(l), ...V128_XOR, ...get(6), ...I32X4_MUL, ...tee(l),
    ...k(CK_SHIFT), ...I32X4_SHR_U, ...get(l), ...V128_XOR, ...set(l)]);
  const ck = funcV128(5, [
    ...v128const(CK_SEEDS), ...set(2), ...v128const(CK_SEEDS), ...set(3), ...v128const(CK_SEEDS), ...set(4), ...v128const(CK_SEEDS), ...set(5),
    ...v128const([CK_MUL, CK_MUL, CK_MUL, CK_MUL]), ...set(6),
    ...BLOCK, ...LOOP,
    ...get(0), ...k(256), ADD, ...get(1), GT_U, ...BR_IF(1),
    ...ckRound(0), ...ckRound(64), ...ckRound(128), ...ckRound(192),
    ...get(0), ...k(256), ADD, ...set(0),
    ...BR(0), END, END,
    ...BLOCK, ...LOOP,
    ...get(0), ...get(1), GE_U, ...BR_IF(1),
    ...ckRound(0),
    ...get(0), ...k(64), ADD, ...set(0),
    ...BR(0), END, END,
    ...get(2), ...get(3), ...V128_XOR, ...get(4), ...V128_XOR, ...get(5), ...V128_XOR, ...set(2),
    ...get(2), ...lane(0), ...gset(0), ...get(2), ...lane(1), ...gset(1),
    ...get(2), ...lane(2), ...gset(2), ...get(2), ...lane(3), ...gset(3),
  ]);

  // starts: params t0 n1 hs2 he3 cs4 ce5; locals q6 qend7 prev8 e9 off10 hotLen11 coldLen12
  const sIndex = [...get(6), ...get(0), 0x6b, ...k(2), 0x75];
  const starts = func(7, [
    ...get(0), ...set(6),
    ...get(0), ...get(1), ...k(2), SHL, ADD, ...set(7),
    ...k(-1), ...set(8),
    ...get(3), ...get(2), 0x6b, ...set(11),
    ...get(5), ...get(4), 0x6b, ...set(12),
    ...BLOCK, ...LOOP,
    ...get(6), ...get(7), GE_U, ...BR_IF(1),
    ...get(6), ...load(), ...tee(9), ...k(3), SHR_U, ...tee(10), ...get(8), LE_S,
    ...get(10), ...k(1), AND, OR,
    ...get(9), ...k(3), AND, ...k(2), EQ, OR, // kinds 2 and 6
    ...get(10), ...get(2), 0x6b, ...get(11), LT_U, ...get(10), ...get(4), 0x6b, ...get(12), LT_U, OR,
    0x45 /* eqz */, OR, ...IF, ...sIndex, RETURN, END,
    ...get(10), ...set(8),
    ...get(6), ...k(4), ADD, ...set(6),
    ...BR(0), END, END,
    ...k(-1),
  ]);

  // ---- verify.ts's walk (function indices 2..7) ----
  const F_SLOT = 3, F_FLAGS = 4, F_SLOTS = 5, F_CONSES = 9, F_SYMS = 13, F_STRS = 14;
  const HIGH = 0x80000000 | 0;
  const gv = (n: (typeof V_GLOBALS)[number]): number[] => gget(VG(n));
  const sv = (n: (typeof V_GLOBALS)[number]): number[] => gset(VG(n));
  /** The word at relative word index on the stack. */
  const wordAt = (idx: number[]): number[] => [...gv('base'), ...idx, ...k(2), SHL, ADD, ...load()];
  /** The byte address of the relative word index on the stack. */
  const wordAddr = (idx: number[]): number[] => [...gv('base'), ...idx, ...k(2), SHL, ADD];
  const kindAt = (byteOff: number[]): number[] => [...gv('map'), ...byteOff, ...k(3), SHR_U, ADD, ...load8()];

  // vkinds(t, n, map): map[entry >>> 4] = kind + 1 for each object-start entry. locals q3 qend4 e5
  const vkinds = func(3, [
    ...get(0), ...set(3), ...get(0), ...get(1), ...k(2), SHL, ADD, ...set(4),
    ...BLOCK, ...LOOP,
    ...get(3), ...get(4), GE_U, ...BR_IF(1),
    ...get(2), ...get(3), ...load(), ...tee(5), ...k(4), SHR_U, ADD, ...get(5), ...k(7), AND, ...k(1), ADD, ...store8(),
    ...get(3), ...k(4), ADD, ...set(3),
    ...BR(0), END, END,
  ]);
  // vunkinds(t, n, map): map[entry >>> 4] = 0 again, so that only the bytes vkinds wrote are written
  // (a fill of the whole map faulted in its untouched pages: 300 of them for a 10 MB string).
  const vunkinds = func(3, [
    ...get(0), ...set(3), ...get(0), ...get(1), ...k(2), SHL, ADD, ...set(4),
    ...BLOCK, ...LOOP,
    ...get(3), ...get(4), GE_U, ...BR_IF(1),
    ...get(2), ...get(3), ...load(), ...k(4), SHR_U, ADD, ...k(0), ...store8(),
    ...get(3), ...k(4), ADD, ...set(3),
    ...BR(0), END, END,
  ]);

  // vfixnums(p, n, lo, hi, nilOk): 0 when each of the n words from the byte address p is a fixnum
  // in [lo, hi) or, with nilOk, nil (the word 0); else 1. verify.ts checkHashTable's loops over a
  // hash table's next, hash and index vectors, which run cold in JS: the default image's nine
  // tables took about 0.3 ms of every start. locals end5 x6
  const GE_S = 0x4e;
  const vfixnums = func(2, [
    ...get(0), ...get(1), ...k(2), SHL, ADD, ...set(5),
    ...BLOCK, ...LOOP,
    ...get(0), ...get(5), GE_U, ...BR_IF(1),
    ...get(0), ...load(), ...tee(6), EQZ, ...get(4), AND,
    ...get(6), ...k(3), AND, ...k(2), EQ,
    ...get(6), ...k(2), SHR_S, ...get(2), GE_S, AND,
    ...get(6), ...k(2), SHR_S, ...get(3), LT_S, AND,
    OR, EQZ, ...IF, ...k(1), RETURN, END,
    ...get(0), ...k(4), ADD, ...set(0),
    ...BR(0), END, END,
    ...k(0),
  ]);

  // x % 3 === 0 for the u32 on the stack, without a division (Liftoff emits a real div, ~25 cycles,
  // and most slots are symbol words): x * 3^-1 mod 2^32 is at most (2^32 - 1) / 3 exactly for the
  // multiples of 3.
  const multipleOf3 = [...k(0xaaaaaaab), MUL, ...k(0x55555555), LE_U];
  // vslot(p): the Lisp slot at word p (verify.ts slot()): a fixnum, a builtin symbol word, or a
  // pointer to an object of its type, then relocated. Most slots take one of the first two branches.
  // locals w1 tag2 addr3 v4
  const relocate = (delta: (typeof V_GLOBALS)[number]): number[] => [...get(3), ...get(1), ...gv(delta), ADD, ...store(), ...k(0), RETURN];
  // A pointer to an object of the runs needs no kind map: every granule of the cons run is a cons,
  // a string of the string run starts every 16 bytes from its start, a symbol of the symbol run
  // every 24 (the loader leaves the runs' part of the map unfilled under the kernels). The kind
  // map's check, for the pointer W of tag TAG, only for the others. (A pointer the string run's
  // stride accepts has tag 4: the run's first pointer has it.)
  const unlessRunObject = (w: number, tag: number, check: number[]): number[] => [
    ...get(tag), ...k(3), EQ, ...get(w), ...gv('crun'), SUB, ...gv('cspan'), LT_U, AND,
    ...get(w), ...gv('trun'), SUB, ...gv('tspan'), LT_U, ...get(w), ...gv('trun'), SUB, ...k(15), AND, EQZ, AND, OR,
    EQZ, ...IF, ...check, END,
  ];
  /** Nonzero when the dumped symbol at file byte offset V (an expression) is one of the symbol run's. */
  const inSymbolRun = (v: number[]): number[] => [
    ...v, ...gv('srun'), SUB, ...gv('sspan'), LT_U,
    ...v, ...gv('srun'), SUB, ...k(7), AND, EQZ, AND,
    ...v, ...gv('srun'), SUB, ...k(3), SHR_U, ...multipleOf3, AND,
  ];
  const vslot = func(4, [
    ...gv('base'), ...get(0), ...k(2), SHL, ADD, ...tee(3), ...load(), ...tee(1), ...k(7), AND, ...set(2),
    ...retIf([...get(2), ...k(3), AND, ...k(2), EQ], k(0)),
    ...get(2), EQZ, ...IF,
    ...retIf([...get(1), ...k(0), 0x4e /* ge_s */], [...get(1), ...gv('blim'), LT_U, ...get(1), ...k(3), SHR_U, ...multipleOf3, AND, EQZ]),
    ...get(1), ...k(HIGH), XOR, ...tee(4), ...gv('file'), GE_U, ...IF, ...k(1), RETURN, END,
    ...retIf([...inSymbolRun(get(4)), EQZ, ...kindAt(get(4)), ...k(1), NE, AND], k(1)),
    ...relocate('sd'),
    END,
    ...retIf([...get(2), ...k(1), EQ], k(1)),
    ...get(1), ...k(0), 0x4e /* ge_s */, ...IF,
    ...retIf([...get(1), ...gv('file'), GE_U], k(1)),
    ...unlessRunObject(1, 2, retIf([...kindAt(get(1)), ...get(2), ...k(1), ADD, NE], k(1))),
    ...relocate('dd'),
    END,
    ...get(1), ...k(HIGH), XOR, ...k(2), SHR_U, ...k(-2), AND, ...set(4),
    ...get(2), ...k(4), EQ, ...IF,
    ...retIf([...get(4), ...gv('str0'), SUB, ...gv('nstr'), LT_U, ...get(4), ...gv('str0'), SUB, ...k(3), AND, EQZ, AND, EQZ], k(1)),
    ...relocate('td'),
    END,
    ...get(2), ...k(5), EQ, ...IF,
    ...retIf([...get(4), ...gv('subr0'), SUB, ...gv('nsubr'), LT_U, ...get(4), ...gv('subr0'), SUB, ...k(6), REM_U, EQZ, AND, EQZ], k(1)),
    ...relocate('td'),
    END,
    ...k(1),
  ]);

  // vflags(p): a symbol's flags word: known bits, no field of value 3; an alias's
  // value (4 words before the flags, in a symbol and in a shadow alike) a symbol, a localized
  // variable's a cons. locals f1 tag2
  // flagsBad(VALUE, FLAGS, f, tag): nonzero when the flags word (the expression FLAGS, into local f)
  // is bad for the value word (VALUE, its tag into local tag).
  const flagsBad = (value: number[], flags: number[], f: number, tag: number): number[] => {
    const field3 = (shift: number): number[] => [...get(f), ...k(shift), SHR_U, ...k(3), AND, ...k(3), EQ];
    return [
      ...value, ...k(7), AND, ...set(tag),
      ...flags, ...tee(f), ...k(-512), AND, ...field3(0), OR, ...field3(2), OR, ...field3(4), OR, ...field3(7), OR,
      ...get(f), ...k(3), AND, ...k(1), EQ, ...get(tag), ...k(0), NE, AND, OR,
      ...get(f), ...k(3), AND, ...k(2), EQ, ...get(tag), ...k(3), NE, AND, OR,
    ];
  };
  const vflags = func(2, flagsBad(wordAt([...get(0), ...k(4), SUB]), wordAt(get(0)), 1, 2));

  // vslots(p, n): n Lisp slots from word p. locals end2 w3 tag4. vslot's first branch (no
  // relocation here, a fixnum or a builtin symbol word) is repeated inline: most slots take it, and
  // in Liftoff code a call costs as much as the checks.
  // vslot's dump-relative branch inline too (a cons, string, vectorlike or float pointer of the
  // dump: most pointers), for the word W of tag TAG at the word P: checked against the kind map and
  // relocated, or FAULT returned; anything else goes to vslot. In Liftoff code the call per pointer
  // cost about as much as the rest of the walk.
  // A dumped symbol (tag 0, bit 31 set: a third of an image's pointers) is checked inline too, its
  // word relocated by sd; TAG then holds the symbol's file offset. Called for each of them, vslot
  // passed JavaScriptCore's count for its optimising compiler (see launcher-bun.template.cjs).
  const symbolInline = (p: number[], w: number, tag: number, fault: number, file: number[], map: (off: number[]) => number[],
    addr: (idx: number[]) => number[], sd: number[]): number[] => [
    ...get(w), ...k(HIGH), XOR, ...tee(tag), ...file, GE_U, ...IF, ...k(fault), RETURN, END,
    ...retIf([...inSymbolRun(get(tag)), EQZ, ...map(get(tag)), ...k(1), NE, AND], k(fault)),
    ...addr(p), ...get(w), ...sd, ADD, ...store(),
  ];
  const pointerInline = (p: number[], w: number, tag: number, fault: number): number[] => [
    ...get(w), ...k(0), 0x4e /* ge_s */, ...get(tag), ...k(2), GT_U, AND, ...IF,
    ...retIf([...get(w), ...gv('file'), GE_U], k(fault)), // before the map is read: wasm's OR evaluates both
    ...unlessRunObject(w, tag, retIf([...kindAt(get(w)), ...get(tag), ...k(1), ADD, NE], k(fault))),
    ...wordAddr(p), ...get(w), ...gv('dd'), ADD, ...store(),
    0x05 /* else */,
    ...get(w), ...k(0), LT_S, ...get(tag), EQZ, AND, ...IF,
    ...symbolInline(p, w, tag, fault, gv('file'), kindAt, wordAddr, gv('sd')),
    0x05 /* else */,
    ...retIf([...p, ...call(F_SLOT)], k(fault)),
    END,
    END,
  ];
  // Four slots at a time (vconses, vslots): each lane a fixnum, a builtin symbol word or a pointer
  // into the cons run (every granule there is a cons: no kind map to read) is settled by vector
  // ops, those pointers relocated by one add and all four words stored back; a lane that is none
  // of these (a dumped symbol, a string, vectorlike or float pointer, a fault) goes to the scalar
  // check after the store, which left it as it was. In Liftoff code the scalar check of a slot
  // costs some 40 instructions; the four lanes together about as many. L names the function's
  // locals: an i32 for the lanes' mask, v128s for the word, its tag, the cons lanes and constants.
  interface LaneLocals { fault: number; sw: number; sv: number; mask: number; idx: number; w: number; t: number; cons: number; blim: number; run: number; span: number; dd: number;
    c7: number; c3: number; c2: number; inv3: number; third: number; high: number; srun: number; sspan: number; sd: number; d: number; sym: number;
    trun: number; tspan: number; c15: number }
  const lanesFrom = (fault: number, sw: number, sv: number, mask: number, v0: number): LaneLocals => ({ fault, sw, sv, mask, idx: mask + 1, w: v0, t: v0 + 1, cons: v0 + 2, blim: v0 + 3, run: v0 + 4,
    span: v0 + 5, dd: v0 + 6, c7: v0 + 7, c3: v0 + 8, c2: v0 + 9, inv3: v0 + 10, third: v0 + 11, high: v0 + 12, srun: v0 + 13,
    sspan: v0 + 14, sd: v0 + 15, d: v0 + 16, sym: v0 + 17, trun: v0 + 18, tspan: v0 + 19, c15: v0 + 20 });
  /** The v128 locals a LaneLocals takes. */
  const LANE_V128S = 21;
  const splat4 = (x: number): number[] => v128const([x, x, x, x]);
  const laneSetup = (L: LaneLocals): number[] => [
    ...gv('blim'), ...SPLAT, ...set(L.blim), ...gv('crun'), ...SPLAT, ...set(L.run), ...gv('cspan'), ...SPLAT, ...set(L.span),
    ...gv('dd'), ...SPLAT, ...set(L.dd),
    ...splat4(7), ...set(L.c7), ...splat4(3), ...set(L.c3), ...splat4(2), ...set(L.c2),
    ...splat4(0xaaaaaaab), ...set(L.inv3), ...splat4(0x55555555), ...set(L.third),
    ...splat4(HIGH), ...set(L.high), ...gv('srun'), ...SPLAT, ...set(L.srun), ...gv('sspan'), ...SPLAT, ...set(L.sspan),
    ...gv('sd'), ...SPLAT, ...set(L.sd),
    ...gv('trun'), ...SPLAT, ...set(L.trun), ...gv('tspan'), ...SPLAT, ...set(L.tspan), ...splat4(15), ...set(L.c15),
  ];
  /**
   * The word at word index IDX when its lane was not settled: a dumped symbol (the commonest such
   * word: tag 0 with bit 31) checked against the kind map and relocated inline (vslot's branch,
   * which SLOW would reach by a call), else SLOW; a fault returns L.fault.
   */
  const dumpedSymbol = (L: LaneLocals, idx: number[], addr: (idx: number[]) => number[], slow: (idx: number[]) => number[]): number[] => [
    ...addr(idx), ...load(), ...tee(L.sw), ...k(0), LT_S, ...get(L.sw), ...k(7), AND, EQZ, AND, ...IF,
    ...retIf([...get(L.sw), ...k(HIGH), XOR, ...tee(L.sv), ...gv('file'), GE_U], k(L.fault)),
    ...retIf([...inSymbolRun(get(L.sv)), EQZ, ...kindAt(get(L.sv)), ...k(1), NE, AND], k(L.fault)),
    ...addr(idx), ...get(L.sw), ...gv('sd'), ADD, ...store(),
    0x05 /* else */,
    ...slow(idx),
    END,
  ];
  /** While four words remain in [local P, local END): the lanes, then the scalar SLOW (given the word index) for the others; P advances. */
  /** The four words from word index P (an expression): the lanes, then the scalar SLOW for the others. */
  const laneGroup = (L: LaneLocals, P: number[], addr: (idx: number[]) => number[], slow: (idx: number[]) => number[]): number[] => [
    ...addr(P), ...v128load(0), ...tee(L.w),
    ...get(L.c7), ...V128_AND, ...tee(L.t),
    ...get(L.c3), ...I32X4_EQ,
    ...get(L.w), ...get(L.run), ...I32X4_SUB, ...get(L.span), ...I32X4_LT_U, ...V128_AND, ...tee(L.cons),
    ...get(L.w), ...get(L.c3), ...V128_AND, ...get(L.c2), ...I32X4_EQ, ...V128_OR,
    ...get(L.t), ...splat4(0), ...I32X4_EQ,
    ...get(L.w), ...get(L.blim), ...I32X4_LT_U, ...V128_AND,
    ...get(L.w), ...k(3), ...I32X4_SHR_U, ...get(L.inv3), ...I32X4_MUL, ...get(L.third), ...I32X4_LE_U, ...V128_AND,
    ...V128_OR,
    // A dumped symbol of the symbol run: bit 31 and tag 0, at a whole number of symbols (three
    // granules) from the run's start. Bit 31 clear puts the offset past the run, another tag off
    // the granule.
    ...get(L.w), ...get(L.high), ...V128_XOR, ...get(L.srun), ...I32X4_SUB, ...tee(L.d), ...get(L.sspan), ...I32X4_LT_U,
    ...get(L.d), ...get(L.c7), ...V128_AND, ...splat4(0), ...I32X4_EQ, ...V128_AND,
    ...get(L.d), ...k(3), ...I32X4_SHR_U, ...get(L.inv3), ...I32X4_MUL, ...get(L.third), ...I32X4_LE_U, ...V128_AND, ...tee(L.sym),
    ...V128_OR,
    // A string of the string run: tag 4 at a whole number of strings (16 bytes) from the run's first
    // pointer; bit 31 puts the offset past the run. Relocated as a cons is (L.cons takes it in).
    ...get(L.w), ...get(L.trun), ...I32X4_SUB, ...tee(L.d), ...get(L.tspan), ...I32X4_LT_U,
    ...get(L.d), ...get(L.c15), ...V128_AND, ...splat4(0), ...I32X4_EQ, ...V128_AND,
    ...get(L.cons), ...V128_OR, ...tee(L.cons),
    ...V128_OR, ...I32X4_BITMASK, ...set(L.mask),
    ...addr(P), ...get(L.w), ...get(L.cons), ...get(L.dd), ...V128_AND, ...I32X4_ADD, ...get(L.sym), ...get(L.sd), ...V128_AND, ...I32X4_ADD,
    ...v128store(0),
    // The unsettled lanes, lowest first, through one copy of the one-word check (unrolled per lane
    // it doubled the module, and Liftoff's compile of it at every start).
    ...get(L.mask), ...k(15), XOR, ...set(L.mask),
    ...BLOCK, ...LOOP,
    ...get(L.mask), EQZ, ...BR_IF(1),
    ...P, ...get(L.mask), CTZ, ADD, ...set(L.idx),
    ...dumpedSymbol(L, get(L.idx), addr, slow),
    ...get(L.mask), ...get(L.mask), ...k(1), SUB, AND, ...set(L.mask),
    ...BR(0), END, END,
  ];
  /** While four words remain in [local P, local END): laneGroup at P; P advances. */
  const laneLoop = (L: LaneLocals, P: number, END_: number, addr: (idx: number[]) => number[], slow: (idx: number[]) => number[]): number[] => [
    ...BLOCK, ...LOOP,
    ...get(P), ...k(4), ADD, ...get(END_), GT_U, ...BR_IF(1),
    ...laneGroup(L, get(P), addr, slow),
    ...get(P), ...k(4), ADD, ...set(P),
    ...BR(0), END, END,
  ];
  // vwalk's and vconses' lane locals, after the walk's own (0-23) and SD (24).
  const CV = lanesFrom(3, 13, 14, 25, 27);
  // vslots(p, n): a shadow's four slots (vshadows) and the globals (25 words) one by one. Vectors
  // went four slots at a time here until vwalk checked their slots inline; the lanes' code (a
  // twelfth of the module, compiled at every start) had nothing left to gain.
  const vslots = func(3, [
    ...get(0), ...get(1), ADD, ...set(2),
    ...BLOCK, ...LOOP,
    ...get(0), ...get(2), GE_U, ...BR_IF(1),
    ...wordAt(get(0)), ...tee(3), ...k(7), AND, ...tee(4), ...k(3), AND, ...k(2), EQ,
    ...get(4), EQZ, ...get(3), ...gv('blim'), LT_U, AND, ...get(3), ...k(3), SHR_U, ...multipleOf3, AND, OR, ...IF,
    ...get(0), ...k(1), ADD, ...set(0),
    ...BR(1), END,
    ...pointerInline(get(0), 3, 4, 1),
    ...get(0), ...k(1), ADD, ...set(0),
    ...BR(0), END, END,
    ...k(0),
  ]);

  // vshadows(p, n, dst): n builtin symbols' shadows (4 slots and the flags each), each shadow's five
  // words, once checked and relocated, copied to the byte address dst and on by SYMBOL_WORDS words
  // (the static region's symbols from their word 1: loader.ts restoreShadows, which a JS loop of
  // 5,000-odd cold iterations did). local i3
  const vshadows = func(1, [
    ...BLOCK, ...LOOP,
    ...get(3), ...get(1), GE_U, ...BR_IF(1),
    ...retIf([...get(0), ...k(4), ...call(F_SLOTS)], k(1)),
    ...retIf([...get(0), ...k(4), ADD, ...call(F_FLAGS)], k(1)),
    ...[0, 1, 2, 3, 4].flatMap((f) => [...get(2), ...wordAt([...get(0), ...k(f), ADD]), 0x36, 2, ...uleb(4 * f)]),
    ...get(0), ...k(5), ADD, ...set(0),
    ...get(2), ...k(4 * SYMBOL_WORDS), ADD, ...set(2),
    ...get(3), ...k(1), ADD, ...set(3),
    ...BR(0), END, END,
    ...k(0),
  ]);

  // slotInlineL (below): the slot at the word P (an expression) inline, with vslot's first branch
  // (no relocation, a fixnum or a builtin symbol word), its dump-relative one, and a call to vslot
  // for the rest; a fault returns 3. Locals W and TAG are scratch. Conses are most of an image's
  // objects, and a call costs Liftoff code as much as the checks.
  // vwalk(): hot objects from the start entry at i while pos < hotend. 0 done,
  // 2 a vectorlike whose shape JS checks was passed (at last: hash table, char-table, finalizer), 3 a fault. locals e0 kind1 hdr2 type3 size4 end5, then the string's (6..12), then slotInline's (13, 14)
  const isType = (t: number): number[] => [...get(3), ...k(t), EQ];
  // vwalk keeps its cursor (pos, i) and the walk's constants in locals: Liftoff reads a global
  // through the instance at every use, and the cursor was read some 20 times per object. The
  // cursor goes back to the globals before each return that is not a fault (JS reads it).
  const POS = 15, I = 16, BASE = 17, MAP = 18, FILE = 19, DD = 20, BLIM = 21, HOTEND = 22, IEND = 23, SD = 24;
  const vwalkEntry = [
    ...gv('pos'), ...set(POS), ...gv('i'), ...set(I), ...gv('base'), ...set(BASE), ...gv('map'), ...set(MAP),
    ...gv('file'), ...set(FILE), ...gv('dd'), ...set(DD), ...gv('blim'), ...set(BLIM), ...gv('hotend'), ...set(HOTEND),
    ...gv('iend'), ...set(IEND), ...gv('sd'), ...set(SD),
  ];
  const saveCursor = [...get(POS), ...sv('pos'), ...get(I), ...sv('i')];
  const wordAtL = (idx: number[]): number[] => [...get(BASE), ...idx, ...k(2), SHL, ADD, ...load()];
  const wordAddrL = (idx: number[]): number[] => [...get(BASE), ...idx, ...k(2), SHL, ADD];
  const kindAtL = (byteOff: number[]): number[] => [...get(MAP), ...byteOff, ...k(3), SHR_U, ADD, ...load8()];
  const pointerInlineL = (p: number[], w: number, tag: number, fault: number): number[] => [
    ...get(w), ...k(0), 0x4e /* ge_s */, ...get(tag), ...k(2), GT_U, AND, ...IF,
    ...retIf([...get(w), ...get(FILE), GE_U], k(fault)),
    ...unlessRunObject(w, tag, retIf([...kindAtL(get(w)), ...get(tag), ...k(1), ADD, NE], k(fault))),
    ...wordAddrL(p), ...get(w), ...get(DD), ADD, ...store(),
    0x05 /* else */,
    ...get(w), ...k(0), LT_S, ...get(tag), EQZ, AND, ...IF,
    ...symbolInline(p, w, tag, fault, get(FILE), kindAtL, wordAddrL, get(SD)),
    0x05 /* else */,
    ...retIf([...p, ...call(F_SLOT)], k(fault)),
    END,
    END,
  ];
  const slotInlineL = (p: number[], w: number, tag: number): number[] => [
    ...wordAtL(p), ...tee(w), ...k(7), AND, ...tee(tag), ...k(3), AND, ...k(2), EQ,
    ...get(tag), EQZ, ...get(w), ...get(BLIM), LT_U, AND, ...get(w), ...k(3), SHR_U, ...multipleOf3, AND, OR,
    EQZ, ...IF, ...pointerInlineL(p, w, tag, 3), END,
  ];
  // The symbol at POS: its name, value, function and plist as one lane group, its next slot alone,
  // its flags inline (vflags' check: called once per symbol, vflags passed JavaScriptCore's count
  // for its optimising compiler). A fault returns 3.
  const symbolAt = [
    ...retIf([...get(POS), ...k(6), ADD, ...get(HOTEND), GT_U], k(3)),
    ...laneGroup(CV, get(POS), wordAddrL, (p) => slotInlineL(p, 13, 14)),
    ...slotInlineL([...get(POS), ...k(4), ADD], 13, 14),
    ...retIf(flagsBad(wordAtL([...get(POS), ...k(1), ADD]), wordAtL([...get(POS), ...k(5), ADD]), 13, 14), k(3)),
  ];
  /**
   * A walk of a run of objects without entries (format.ts H_SYM_END, H_STR_END): CHECK (vwalk's, on
   * the object at POS) for each object of WORDS words from the word pos to the word hotend (the
   * caller sets both), with vwalk's locals. 0 done, 3 a fault.
   */
  const runWalkCode = (check: number[], words: number, lanes: boolean): number[] => [
    ...vwalkEntry,
    ...(lanes ? laneSetup(CV) : []),
    ...BLOCK, ...LOOP,
    ...retIf([...get(POS), ...get(HOTEND), GE_U], [...saveCursor, ...k(0)]),
    ...check,
    ...get(POS), ...k(words), ADD, ...set(POS),
    ...BR(0), END, END,
    ...k(0),
  ];
  // vsyms(): the symbol run.
  const vsymsCode = runWalkCode(symbolAt, SYMBOL_WORDS, true);
  // The string at POS: sizes raw and sane, data relocated to a string-data object (or the static
  // names) long enough, a multibyte string's char count equal to its count of non-continuation
  // bytes, its intervals slot. A fault returns 3. locals: nchars 6, nbytes 7, len 8, d 9, avail 10,
  // addr 11, n 12
  const stringAt = [
    ...retIf([...get(POS), ...k(4), ADD, ...get(HOTEND), GT_U], k(3)),
    ...wordAtL(get(POS)), ...set(6),
    ...wordAtL([...get(POS), ...k(1), ADD]), ...set(7),
    ...retIf([...get(6), ...k(0), LT_S, ...get(7), ...k(-1), LT_S, OR,
      ...get(7), ...k(0), 0x4e /* ge_s */, ...get(7), ...get(6), LT_S, AND, OR], k(3)),
    ...get(6), ...get(7), ...get(7), ...k(0), LT_S, 0x1b /* select */, ...set(8),
    ...wordAtL([...get(POS), ...k(2), ADD]), ...set(9),
    ...get(9), EQZ, ...IF,
    ...retIf(get(8), k(3)),
    0x05 /* else */,
    ...get(9), ...k(0), 0x4e /* ge_s */, ...IF,
    ...retIf([...get(9), ...get(FILE), GE_U, ...get(9), ...k(7), AND, OR], k(3)),
    ...retIf([...kindAtL(get(9)), ...k(2), NE], k(3)),
    ...retIf([...get(7), ...k(0), 0x4e /* ge_s */, ...get(9), ...gv('defer'), GE_U, AND], k(3)),
    // Its end: the next object start, by the kind map for 32 granules, then by a binary search of
    // the object-start table (the same start: every entry is in the map; a 10 MB buffer's text took
    // 1.25M steps of the map). locals 12-14 are free here.
    ...get(9), ...k(3), SHR_U, ...k(1), ADD, ...tee(10), ...k(32), ADD, ...set(12),
    // Eight granules' kind bytes a turn while eight lie before the cold end: the first start among
    // them is the low zero bytes' count (its data's usual end, 5 granules for the default image's
    // strings, in one turn instead of six); then, at the cold end or past 32 granules, a byte a turn.
    ...BLOCK,
    ...BLOCK, ...LOOP,
    ...get(10), ...k(8), ADD, ...gv('coldend'), GT_U, ...BR_IF(1),
    ...get(MAP), ...get(10), ADD, ...I64_LOAD, I64_CTZ, I32_WRAP_I64, ...k(3), SHR_U, ...tee(13), ...get(10), ADD, ...set(10),
    ...get(13), ...k(8), LT_U, ...BR_IF(2),
    ...get(10), ...get(12), GE_U, ...BR_IF(1),
    ...BR(0), END, END,
    ...BLOCK, ...LOOP,
    ...get(10), ...gv('coldend'), GE_U, ...BR_IF(1),
    ...get(MAP), ...get(10), ADD, ...load8(), ...BR_IF(1),
    ...get(10), ...k(1), ADD, ...tee(10), ...get(12), GE_U, ...IF,
    ...k(0), ...set(13), ...gv('ntab'), ...set(14),
    ...BLOCK, ...LOOP,
    ...get(13), ...get(14), GE_U, ...BR_IF(1),
    ...get(13), ...get(14), ADD, ...k(1), SHR_U, ...tee(12),
    ...k(2), SHL, ...gv('tab'), ADD, ...load(), ...k(4), SHR_U, ...get(9), ...k(3), SHR_U, GT_U,
    ...IF, ...get(12), ...set(14), 0x05 /* else */, ...get(12), ...k(1), ADD, ...set(13), END,
    ...BR(0), END, END,
    ...get(13), ...k(2), SHL, ...gv('tab'), ADD, ...load(), ...k(4), SHR_U,
    ...gv('coldend'), ...get(13), ...gv('ntab'), LT_U, SELECT, ...set(10),
    ...BR(2),
    END,
    ...BR(0), END, END,
    END,
    ...get(10), ...k(3), SHL, ...get(9), SUB, ...set(10),
    ...get(BASE), ...get(9), ADD, ...set(11),
    0x05 /* else */,
    ...get(9), ...k(HIGH), XOR, ...set(9),
    ...retIf([...get(9), ...k(7), AND, ...get(9), ...gv('text0'), LT_U, OR,
      ...get(9), ...gv('subr0'), ...k(2), SHL, GE_U, OR], k(3)),
    ...gv('subr0'), ...k(2), SHL, ...get(9), SUB, ...set(10),
    ...gv('sbase'), ...get(9), ADD, ...set(11),
    END,
    ...retIf([...get(8), ...k(1), ADD, ...get(10), GT_U], k(3)),
    // Checked: the data word gets its absolute address (before the count below moves local 11).
    ...wordAddrL([...get(POS), ...k(2), ADD]), ...get(11), ...store(),
    ...get(7), ...k(0), 0x4e /* ge_s */, ...get(7), ...get(6), NE, AND, ...IF,
    ...k(0), ...set(12),
    ...get(11), ...get(8), ADD, ...set(10),
    // Sixteen bytes at a time while that many are left (a byte a turn took most of the run's time
    // on the default image's 42 KB of multibyte text), then the rest a byte at a time.
    ...BLOCK, ...LOOP,
    ...get(11), ...k(16), ADD, ...get(10), GT_U, ...BR_IF(1),
    ...get(12), ...k(16), ADD,
    ...get(11), ...v128load(0), ...splat4(0xc0c0c0c0 | 0), ...V128_AND, ...splat4(0x80808080 | 0), ...I8X16_EQ,
    ...I8X16_BITMASK, POPCNT, SUB, ...set(12),
    ...get(11), ...k(16), ADD, ...set(11),
    ...BR(0), END, END,
    ...BLOCK, ...LOOP,
    ...get(11), ...get(10), GE_U, ...BR_IF(1),
    ...get(12), ...get(11), ...load8(), ...k(0xc0), AND, ...k(0x80), NE, ADD, ...set(12),
    ...get(11), ...k(1), ADD, ...set(11),
    ...BR(0), END, END,
    ...retIf([...get(12), ...get(6), NE], k(3)),
    END,
    END,
    ...slotInlineL([...get(POS), ...k(3), ADD], 13, 14),
  ];
  // vstrs(): the string run (4 words a string, layout.ts STRING_WORDS).
  const vstrsCode = runWalkCode(stringAt, 4, false);
  /** The object of WORDS words at POS checked by the run kernel F (vsyms, vstrs) as a run of one; a fault returns 3. */
  const oneOfRun = (f: number, words: number): number[] => [
    ...retIf([...get(POS), ...k(words), ADD, ...get(HOTEND), GT_U], k(3)),
    ...get(POS), ...sv('pos'), ...get(POS), ...k(words), ADD, ...sv('hotend'),
    ...call(f), ...set(1), ...get(HOTEND), ...sv('hotend'),
    ...retIf(get(1), k(3)),
  ];
  const vwalkCode = [
    ...vwalkEntry,
    ...laneSetup(CV),
    ...BLOCK, ...LOOP,
    ...retIf([...get(I), ...get(IEND), GE_U], [...saveCursor, ...k(0)]),
    ...retIf([...get(POS), ...get(HOTEND), GE_U], [...saveCursor, ...k(0)]),
    ...get(I), ...load(), ...tee(0), ...k(7), AND, ...set(1),
    ...retIf([...get(0), ...k(3), SHR_U, ...get(POS), NE], k(3)),
    // A cons, symbol or string of the table (the writer puts them all in their runs, so only a
    // file made otherwise has one) by a call of its run's kernel over that one object: inline,
    // their checks were a third of the module that Liftoff compiles at every start.
    // cons: vconses over its two words.
    ...get(1), ...k(3), EQ, ...IF,
    ...retIf([...get(POS), ...get(POS), ...k(2), ADD, ...call(F_CONSES)], k(3)),
    ...get(POS), ...k(2), ADD, ...set(POS), ...get(I), ...k(4), ADD, ...set(I), ...BR(1),
    END,
    // symbol: vsyms with the run's cursor and end on it (end put back after), past hotend a fault.
    ...get(1), EQZ, ...IF,
    ...oneOfRun(F_SYMS, SYMBOL_WORDS),
    ...get(POS), ...k(6), ADD, ...set(POS), ...get(I), ...k(4), ADD, ...set(I), ...BR(1),
    END,
    // string: vstrs the same way.
    ...get(1), ...k(4), EQ, ...IF,
    ...oneOfRun(F_STRS, 4),
    ...get(POS), ...k(4), ADD, ...set(POS), ...get(I), ...k(4), ADD, ...set(I), ...BR(1),
    END,
    ...retIf([...get(1), ...k(5), NE], k(3)),
    // vectorlike
    ...wordAtL(get(POS)), ...tee(2), ...k(26), SHR_U, ...set(3),
    ...get(2), ...k((1 << 26) - 1), AND, ...set(4),
    ...retIf([...get(3), ...k(PVEC_TYPE_COUNT), GE_U, ...isType(3), OR, ...isType(6), OR, ...isType(7), OR, ...isType(8), OR], k(3)),
    ...get(POS), ...get(4), ...k(2), ADD, ...k(-2), AND, ADD, ...tee(5), ...get(HOTEND), GT_U, ...IF, ...k(3), RETURN, END,
    ...retIf([...isType(2), ...get(4), ...k(13), NE, AND], k(3)),
    // Its slots inline (vslots' work without a call; locals q 6, end 7): four at a time by the
    // lanes, the rest one by one.
    ...get(POS), ...k(1), ADD, ...tee(6), ...get(4), ADD, ...set(7),
    ...laneLoop(CV, 6, 7, wordAddrL, (p) => slotInlineL(p, 13, 14)),
    ...BLOCK, ...LOOP,
    ...get(6), ...get(7), GE_U, ...BR_IF(1),
    ...slotInlineL(get(6), 13, 14),
    ...get(6), ...k(1), ADD, ...set(6),
    ...BR(0), END, END,
    ...get(POS), ...sv('last'), ...get(5), ...set(POS), ...get(I), ...k(4), ADD, ...set(I),
    // A sub-char-table's shape is checked here (verify.ts checkShape, same rules): a default image
    // has hundreds, and a return to JS for each cost more than the walk. Its depth a fixnum d in
    // 1..3, its size 2 + (16, 32, 128)[d], its min char a fixnum. locals depth 6, d 7
    ...isType(5), ...IF,
    ...wordAtL([...gv('last'), ...k(1), ADD]), ...tee(6), ...k(2), SHR_S, ...set(7),
    ...retIf([...get(6), ...k(3), AND, ...k(2), NE, ...get(7), ...k(1), SUB, ...k(3), GE_U, OR,
      ...get(4), ...k(18), ...k(34), ...get(7), ...k(1), EQ, SELECT, ...k(130), ...get(7), ...k(3), LT_U, SELECT, NE, OR,
      ...wordAtL([...gv('last'), ...k(2), ADD]), ...k(3), AND, ...k(2), NE, OR], k(3)),
    ...BR(1),
    END,
    ...retIf([...isType(2), ...isType(4), OR, ...isType(9), OR, ...isType(11), OR, ...isType(12), OR, ...isType(PVEC_OVERLAY), OR, ...isType(PVEC_WINDOW), OR, ...isType(PVEC_FRAME), OR], [...saveCursor, ...k(2)]),
    ...BR(0), END, END,
    ...saveCursor, ...k(0),
  ];

  // vconses(p, end): the Lisp slots of words [p, end) of the cons run (two per cons, every granule a
  // cons: format.ts H_CONS_END) with vwalk's inline slot check, its constants in the same locals
  // (the params take 0 and 1, which vwalk uses for its entry and kind). 0 done, 3 a fault.
  // Four words a turn by the lanes (a quarter of the turns: JavaScriptCore counts a loop's turns
  // towards its optimising compiler, 50,000, and the default image's cons run is 195,000 words),
  // then the rest one by one.
  const vconsesCode = [
    ...vwalkEntry,
    ...laneSetup(CV),
    ...laneLoop(CV, 0, 1, wordAddrL, (p) => slotInlineL(p, 13, 14)),
    ...BLOCK, ...LOOP,
    ...get(0), ...get(1), GE_U, ...BR_IF(1),
    ...slotInlineL(get(0), 13, 14),
    ...get(0), ...k(1), ADD, ...set(0),
    ...BR(0), END, END,
    ...k(0),
  ];
  // The walks share one layout of locals: i32 0-26 (vconses' params are 0 and 1), v128 from 27.
  const VALL = 15;
  const [vconses, vsyms, vstrs, vwalk] = merged
    // One function for the four (vall(p, end, which): which 0 the cons run over [p, end), 1 the symbol
    // run, 2 the string run, else the walk), each export a call of it (see assemble).
    ? [[...get(0), ...get(1), ...k(0)], [...k(0), ...k(0), ...k(1)], [...k(0), ...k(0), ...k(2)], [...k(0), ...k(0), ...k(3)]]
      .map((args) => func(0, [...args, ...call(VALL)]))
    : [funcMixed(22 + 3, LANE_V128S, vconsesCode), funcMixed(27, LANE_V128S, vsymsCode), funcMixed(27, 0, vstrsCode), funcMixed(27, LANE_V128S, vwalkCode)];
  const vall = !merged ? [] : funcMixed(24, LANE_V128S, [
    ...BLOCK, ...BLOCK, ...BLOCK, ...BLOCK,
    ...get(2), 0x0e, 3, 0, 1, 2, 3, // br_table: which 0, 1, 2, else the walk
    END, ...vconsesCode, RETURN,
    END, ...vsymsCode, RETURN,
    END, ...vstrsCode, RETURN,
    END, ...vwalkCode,
  ]);

  // vcold(t, n, pos, end): the cold section's N object starts from the entry at byte address T
  // tile [pos, end) (verify.ts's cold loop, same rules): a float 2 words, string data to the next
  // start, a bool-vector or bignum by its header, whose first slot fits its size. 0 good, 1 a fault
  // (the JS loop then words it). locals qend4 e5 off6 kind7 hdr8 type9 size10 first11 nn12
  const vcold = func(9, [
    ...get(0), ...get(1), ...k(2), SHL, ADD, ...set(4),
    ...BLOCK, ...LOOP,
    ...get(0), ...get(4), GE_U, ...BR_IF(1),
    ...get(0), ...load(), ...tee(5), ...k(3), SHR_U, ...tee(6), ...get(5), ...k(7), AND, ...set(7),
    ...retIf([...get(2), NE], k(1)),
    ...get(7), ...k(7), EQ, ...IF,
    ...get(2), ...k(2), ADD, ...set(2),
    0x05 /* else */,
    ...get(7), ...k(1), EQ, ...IF,
    ...get(0), ...k(4), ADD, ...load(), ...k(3), SHR_U, ...get(3), ...get(0), ...k(4), ADD, ...get(4), LT_U, SELECT, ...set(2),
    0x05 /* else */,
    ...retIf([...get(7), ...k(5), NE], k(1)),
    ...wordAt(get(6)), ...tee(8), ...k(26), SHR_U, ...set(9),
    ...get(8), ...k((1 << 26) - 1), AND, ...set(10),
    ...retIf([...get(9), ...k(PVEC_BOOL_VECTOR), NE, ...get(9), ...k(PVEC_BIGNUM), NE, AND], k(1)),
    ...retIf([...get(10), EQZ, ...get(6), ...k(1), ADD, ...get(10), ADD, ...get(3), GT_U, OR], k(1)),
    ...wordAt([...get(6), ...k(1), ADD]), ...tee(11), ...k(3), AND, ...k(2), NE, ...IF, ...k(1), RETURN, END,
    ...get(11), ...k(2), SHR_S, ...set(12),
    ...get(9), ...k(PVEC_BOOL_VECTOR), EQ, ...IF,
    ...retIf([...get(12), ...k(0), LT_S, ...get(12), ...k(31), ADD, ...k(5), SHR_U, ...get(10), ...k(1), SUB, NE, OR], k(1)),
    0x05 /* else */,
    ...retIf([...get(12), ...k(1), NE, ...get(12), ...k(-1), NE, AND, ...get(10), ...k(2), LT_U, OR], k(1)),
    END,
    ...get(2), ...get(10), ...k(2), ADD, ...k(-2), AND, ADD, ...set(2),
    END,
    END,
    ...get(0), ...k(4), ADD, ...set(0),
    ...BR(0), END, END,
    ...get(2), ...get(3), NE,
  ]);

  // statics(sym, str, text, n, arr, bits, gbase, unbound, fixnum0, subr, nsubr, subrHeader): core/static.ts's
  // buildStaticRegion for the builtin symbols and the subrs' headers (byte addresses; n symbols from
  // SYM, their name strings from STR, the names' text at TEXT; ARR holds four int32 arrays of n:
  // each name's offset in the text, UTF-8 length, char count or -1 for unibyte, flags word). Start
  // bits go to BITS, bit g - GBASE for granule g (the caller copies them into heap.startBits).
  // locals i12 at13 nb14 nch15 d16 g17
  const bitAt = (granule: number[]): number[] => [
    ...granule, ...tee(17), ...get(6), SUB, ...k(5), SHR_U, ...k(2), SHL, ...get(5), ADD, ...tee(16),
    ...get(16), ...load(), ...k(1), ...get(17), SHL, OR, ...store(),
  ];
  const arr = (which: number): number[] => [...get(4), ...get(3), ...k(which * 4), MUL, ADD, ...get(12), ...k(2), SHL, ADD, ...load()];
  // The subrs' loop also writes each one's name, arities and index, and its symbol's function cell,
  // from the sym, min and max triples that the caller put just below the names' tables (ARR minus
  // 12 bytes a subr, subr.ts subrWords); locals sym0 18 (the symbols' base), tri 19.
  const statics = func(8, [
    ...get(0), ...set(18),
    ...get(4), ...get(10), ...k(12), MUL, SUB, ...set(19),
    ...BLOCK, ...LOOP,
    ...get(12), ...get(3), GE_U, ...BR_IF(1),
    ...arr(0), ...get(2), ADD, ...set(13), // the name's data address
    ...arr(1), ...set(14),
    ...arr(2), ...set(15),
    ...bitAt([...get(0), ...k(3), SHR_U]), ...bitAt([...get(1), ...k(3), SHR_U]), ...bitAt([...get(13), ...k(3), SHR_U]),
    // the name string: chars and bytes (a unibyte string: chars = bytes, bytes -1), data
    ...get(1), ...get(14), ...get(15), ...get(15), ...k(0), LT_S, SELECT, ...store(),
    ...get(1), ...k(4), ADD, ...k(-1), ...get(14), ...get(15), ...k(0), LT_S, SELECT, ...store(),
    ...get(1), ...k(8), ADD, ...get(13), ...store(),
    // the symbol: name, value unbound, next fixnum 0, flags (function and plist stay 0, nil)
    ...get(0), ...get(1), ...k(4), OR, ...store(),
    ...get(0), ...k(4), ADD, ...get(7), ...store(),
    ...get(0), ...k(16), ADD, ...get(8), ...store(),
    ...get(0), ...k(20), ADD, ...arr(3), ...store(),
    ...get(0), ...k(24), ADD, ...set(0),
    ...get(1), ...k(16), ADD, ...set(1),
    ...get(12), ...k(1), ADD, ...set(12),
    ...BR(0), END, END,
    ...k(0), ...set(12),
    ...BLOCK, ...LOOP,
    ...get(12), ...get(10), GE_U, ...BR_IF(1),
    ...bitAt([...get(9), ...k(3), SHR_U]),
    ...get(9), ...get(11), ...store(),
    ...get(9), ...k(4 * (1 + SUBR_NAME)), ADD, ...get(19), ...load(), ...store(),
    ...get(9), ...k(4 * (1 + SUBR_MIN_ARGS)), ADD, ...get(19), ...k(4), ADD, ...load(), ...k(2), SHL, ...get(8), OR, ...store(),
    ...get(9), ...k(4 * (1 + SUBR_MAX_ARGS)), ADD, ...get(19), ...k(8), ADD, ...load(), ...k(2), SHL, ...get(8), OR, ...store(),
    ...get(9), ...k(4 * (1 + SUBR_INDEX)), ADD, ...get(12), ...k(2), SHL, ...get(8), OR, ...store(),
    ...get(18), ...get(19), ...load(), ADD, ...k(4 * SYM_FUNCTION), ADD, ...get(9), ...k(Lisp_Vectorlike), OR, ...store(),
    ...get(19), ...k(12), ADD, ...set(19),
    ...get(9), ...k(24), ADD, ...set(9),
    ...get(12), ...k(1), ADD, ...set(12),
    ...BR(0), END, END,
  ]);

  const t2 = [0x60, 2, I32, I32, 0];
  const t6 = [0x60, 6, ...new Array(6).fill(I32), 1, I32];
  const global0 = [I32, 1, ...k(0), END];
  const t3 = [0x60, 3, I32, I32, I32, 0];
  const t0r = [0x60, 0, 1, I32];
  const t1r = [0x60, 1, I32, 1, I32];
  const t2r = [0x60, 2, I32, I32, 1, I32];
  const t12 = [0x60, 12, ...new Array(12).fill(I32), 0];
  const t4r = [0x60, 4, I32, I32, I32, I32, 1, I32];
  const t3r = [0x60, 3, I32, I32, I32, 1, I32];
  const t5r = [0x60, 5, I32, I32, I32, I32, I32, 1, I32];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([t2, t6, t3, t0r, t1r, t2r, t12, t4r, t3r, t5r])),
    // (import "e" "m" (memory 0 65536 shared))
    ...section(2, vec([[...name('e'), ...name('m'), 0x02, 0x03, ...uleb(0), ...uleb(65536)]])),
    ...section(3, vec([[0], [1], [2], [4], [4], [5], [8], [3], [6], [5], [7], [2], [9], [3], [3], ...(merged ? [[8]] : [])])),
    ...section(6, vec(new Array(4 + V_GLOBALS.length).fill(global0))),
    ...section(7, vec([
      [...name('ck'), 0, 0], [...name('starts'), 0, 1],
      [...name('a'), 3, 0], [...name('b'), 3, 1], [...name('c'), 3, 2], [...name('d'), 3, 3],
      ...['vkinds', 'vslot', 'vflags', 'vslots', 'vshadows', 'vwalk', 'statics', 'vconses', 'vcold', 'vunkinds', 'vfixnums', 'vsyms', 'vstrs',
        ...(merged ? ['vall'] : [])].map((n, i) => [...name(n), 0, 2 + i]),
      ...V_GLOBALS.map((n, i) => [...name(n), 3, 4 + i]),
    ])),
    ...section(10, vec([ck, starts, vkinds, vslot, vflags, vslots, vshadows, vwalk, statics, vconses, vcold, vunkinds, vfixnums, vsyms, vstrs,
      ...(merged ? [vall] : [])])),
  ]);
}

// ---- instances ------------------------------------------------------------------------

/** Table entries per kernel call (see kernelsFor). */
export const KERNEL_CHUNK = 32768;

let compiled: object | null | undefined;
/** The module compiled under V8's default tier-up budget, for large images. */
let compiledLarge: object | null | undefined;
const instances = new WeakMap<WasmMemory, Kernels | null>();

interface Exports {
  ck(p: number, end: number): void;
  starts(t: number, n: number, hs: number, he: number, cs: number, ce: number): number;
  a: { value: number };
  b: { value: number };
  [verifyName: string]: unknown;
  c: { value: number };
  d: { value: number };
}

/**
 * The kernels bound to MEMORY (a shared heap memory), or null: then use the JS loops. The first
 * call for a memory binds them. Under the launcher, V8 optimises the kernels' code only after 2 GB
 * of it has run (see scripts/launcher.template.cjs: for the default image optimising costs more
 * than it saves); LARGE asks for kernels under V8's default budget instead (an 18 MB image's object
 * starts take 2 ms optimised against 8 in baseline code). V8 reads the budget when it compiles a
 * module and reuses the compilation of identical bytes, so that module is compiled apart, its bytes
 * made different by a custom section.
 */
export function kernelsFor(memory: WasmMemory | null, large = false): Kernels | null {
  if (memory === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  let kn = instances.get(memory);
  if (kn !== undefined) return kn;
  kn = null;
  try {
    if (compiled === undefined)
      compiled = typeof __tsmacs_wasm === 'object' && __tsmacs_wasm !== null ? __tsmacs_wasm : new wasm.Module(moduleBytes());
    let module = compiled;
    if (large && typeof __tsmacs_tier === 'function') {
      if (compiledLarge === undefined) {
        __tsmacs_tier(true);
        try {
          const bytes = moduleBytes();
          const marked = new Uint8Array(bytes.length + 7);
          marked.set(bytes);
          marked.set([0, 5, 4, 0x6c, 0x61, 0x72, 0x67], bytes.length); // custom section "larg"
          compiledLarge = new wasm.Module(marked);
        } catch {
          compiledLarge = null;
        } finally {
          __tsmacs_tier(false);
        }
      }
      module = compiledLarge ?? compiled;
    }
    if (module !== null) {
      // The launcher's instance over its heap memory (it hashed the code cache with it), when this
      // is that memory and the module it compiled (heap.ts takes the memory): one instantiation fewer.
      const handed = typeof __tsmacs_heap === 'object' && __tsmacs_heap !== null && __tsmacs_heap.memory === memory &&
        module === __tsmacs_wasm ? __tsmacs_heap.exports : undefined;
      const x = (handed ?? new wasm.Instance(module, { e: { m: memory } }).exports) as unknown as Exports;
      const words = new Int32Array(memory.buffer);
      kn = {
        ck: (p, end) => x.ck(p | 0, end | 0),
        lanes: () => [x.a.value | 0, x.b.value | 0, x.c.value | 0, x.d.value | 0],
        // The tables go through in chunks: a call runs to its end in the code it started in, and
        // V8 first runs a function as baseline code while it optimises it on another thread, so
        // later chunks run the optimised code (about twice as fast: 2.7 against 5.3 ms for
        // 826k object starts). Each chunk's first entry is ordered against the previous chunk's
        // last here (verify.ts's walk goes in chunks the same way).
        verify: {
          vkinds: x.vkinds as VerifyKernel['vkinds'],
          vunkinds: x.vunkinds as VerifyKernel['vunkinds'],
          vsyms: x.vsyms as VerifyKernel['vsyms'],
          vstrs: x.vstrs as VerifyKernel['vstrs'],
          vslot: x.vslot as VerifyKernel['vslot'],
          vflags: x.vflags as VerifyKernel['vflags'],
          vslots: x.vslots as VerifyKernel['vslots'],
          vshadows: x.vshadows as VerifyKernel['vshadows'],
          vwalk: x.vwalk as VerifyKernel['vwalk'],
          vconses: x.vconses as VerifyKernel['vconses'],
          vcold: x.vcold as VerifyKernel['vcold'],
          vfixnums: x.vfixnums as VerifyKernel['vfixnums'],
          g: Object.fromEntries(V_GLOBALS.map((n) => [n, x[n]])) as VerifyKernel['g'],
        },
        statics: x.statics as Kernels['statics'],
        starts: (t, n, hs, he, cs, ce) => {
          for (let i = 0; i < n; i += KERNEL_CHUNK) {
            if (i > 0 && words[(t >>> 2) + i]! >>> 3 <= words[(t >>> 2) + i - 1]! >>> 3) return i;
            const bad = x.starts(t + 4 * i, Math.min(KERNEL_CHUNK, n - i), hs, he, cs, ce);
            if (bad >= 0) return i + bad;
          }
          return -1;
        },
      };
    }
  } catch {
    compiled ??= null;
    kn = null;
  }
  instances.set(memory, kn);
  return kn;
}
