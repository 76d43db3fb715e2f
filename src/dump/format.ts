// The portable dump file format: header fields, sections, relocation and object-start entries, checksum, fingerprint.
//
// ---------------------------------------------------------------------------
// Format of a tsmacs dump file
// ---------------------------------------------------------------------------
//
// A dump file is read straight into the heap's dump region (its deferred
// payload, word 45, at its first use), so file offset 0 is the word `heap.dumpBase`. Everything in it is 32-bit
// little-endian words; every object starts on an 8-byte granule, as in the
// heap, so a file offset maps to a heap word by one addition.
//
//   offset 0                                                       fileBytes
//   | header | hot | discardable | cold | object starts |
//
// The hot section: | cons run | symbol run | string run | vectorlikes |.
//
// Header (HEADER_BYTES = 192, 48 words; word index: field):
//    0-3  magic: the 16 bytes "TSMACS-PDUMP\n\0\0\0". While the dump is being
//         written the first byte is '!' (GNU's convention): a file that still
//         starts with '!' is the remains of a failed dump.
//    4    byte-order mark 0x01020304, read as a host-endian word.
//    5    FORMAT_VERSION.
//    6    HEADER_BYTES (the header's own size).
//    7    fileBytes: the whole file's size; the loader compares it with what
//         it read, so a truncated or padded file is refused.
//    8    checksum: CHECKSUM over every word of the file but the deferred payload
//         (word 45), this word read as 0 (see imageChecksum).
//    9-16 fingerprint: 32 bytes identifying the build (see fingerprint()).
//   17    staticWords: size of the static region of the build that dumped.
//   18,19 hot section [start, end) in bytes: objects that hold pointers
//         (conses, symbols, string headers, vectorlikes). Relocated at load.
//         It begins with the conses, end to end, up to word 44 (see there).
//   20,21 discardable section [start, end): the shadows of the builtin
//         symbols' cells, the globals table and the remembered scalars. It is
//         relocated, copied into the static region / rt.globals / JS state,
//         then poisoned: nothing may point into it after load.
//   22,23 cold section [start, end): objects without pointers (string bytes,
//         floats, bignums, bool-vectors). Never read at load time.
//   24,25 relocation table: offset in bytes, entry count. Since format 4 there
//         is none: the offset is the cold section's end and the count 0 (the
//         loader refuses anything else); see below.
//   26,27 object-start table: offset in bytes, entry count.
//   28,29 shadows: offset in bytes (inside discardable), number of builtin
//         symbols (SHADOW_WORDS words each: value, function, plist, next, flags).
//   30,31 globals: offset in bytes (inside discardable), count (words).
//   32,33 scalars: offset in bytes (inside discardable, 8-aligned), count (float64 each).
//   34-42 statistics for the dumping session's report only: objects dumped per
//         kind (cons, symbol, string, vectorlike, float, bignum/bool-vector,
//         hash table), hot relocations, discardable relocations.
//   43    end of the string run in bytes (format 7): [word 47, this) holds only
//         the dump's string headers, STRING_WORDS each, none with an
//         object-start entry (their data has entries, in the cold section).
//   44    end of the cons run in bytes (format 5): [hot start, this) holds only
//         conses, two words each, so every granule there is a cons and none of
//         them has an object-start entry; the table covers the rest of the hot
//         section after the symbol and string runs (words 47, 43) and the cold section.
//   45    start of the *deferred payload* in bytes (format 6): [this, cold end)
//         holds only the byte data of large buffer texts (unibyte strings of at
//         least DEFERRED_MIN_BYTES), which a loader may read at the first use of
//         such a text instead of at load; equal to the cold end when there is none.
//   46    checksum of the deferred payload (CHECKSUM over its words), 0 without one.
//   47    end of the symbol run in bytes (format 7): [word 44, this) holds only
//         the dump's symbols, SYMBOL_WORDS each, none with an object-start entry;
//         the string run (word 43), then the vectorlikes follow.
//
// Pointer words inside the file hold *relative* values, already tagged, so a
// relocation is always "add one delta":
//   - pointer to a dumped object (cons, string, vectorlike, float):
//       (fileByteOffset | tag)             becomes ((dumpBase*4 + fileByteOffset) | tag)
//   - symbol dumped in the file (not a builtin one):
//       (fileByteOffset | 2^31)            becomes the symbol word for it, i.e. its
//                                          granule offset from the static base << 3
//   - pointer to a static-region object (a builtin symbol's name, a subr):
//       (staticByteOffset | tag | 2^31)    becomes ((staticBase*4 + staticByteOffset) | tag)
//   - a string's raw data address (a byte address, not a Lisp word):
//       fileByteOffset                     becomes the absolute byte address (RELOC_DUMP_RAW)
//       staticByteOffset | 2^31            likewise (RELOC_EMACS_RAW)
//   - builtin symbols are constants (offsets from the static base): no relocation.
// Bit 31 (HIGH_BIT) makes the relocation type of every word follow from the word itself.
//
// No relocation table (format 4; formats 1-3 had one word per relocation,
// (wordOffsetInFile << 3) | type, a fifth of the file): which words need one
// and of which type follows from the layout and the words themselves. The
// loader's verify walk (verify.ts) classifies every word of the hot and
// discardable sections (Lisp slot, raw word, string data address), checks
// that each pointer is to the start of an object of its type (by the
// object-start table, or the static region's layout), and only then adds
// the delta of its type to it: the walk is the relocation pass.
//
// Object-start entry (one word): (wordOffsetInFile << 3) | kind, sorted,
// kind = the Lisp tag of the object (symbol 0, cons 3, string 4, vectorlike 5,
// float 7) or KIND_DATA (1) for a string's byte data. It validates a candidate
// pointer into the dump (verifyHeap, conservative scanning) by address and tag.
// The conses of the cons run (word 44) have no entries (format 5): they were
// three quarters of the table (82,709 of 107,035 entries in the default image),
// which the loader read, checked and turned into its kind map at every start;
// the run's bounds say the same about them. Nor have the dumped symbols of the
// symbol run after it and the strings of the string run after that (format 7,
// words 47 and 43): a third of the hot section's pointers are to symbols, a
// tenth to strings, and the loader's four-word check settles a pointer into a
// run by its bounds and stride, where one found in the table took the one-word
// check. So the table's hot entries are the vectorlikes'.
//
// Hash tables are dumped with HT_STALE = t: their hash codes may derive from
// addresses, so they are rehashed on first use after a load.

import {
  CHARTAB_STANDARD_SLOTS, CONS_WORDS, FLOAT_WORDS, HASH_TABLE_SLOTS, HT_STALE, PVEC_TYPE_COUNT, PVEC_TYPE_SHIFT,
  STRING_WORDS, STR_DATA, SUBR_SLOTS, SYMBOL_WORDS, SYM_FLAGS,
} from '../heap/layout.ts';
import { BUILTIN_SYMBOLS, builtinInterned } from '../core/symbols.ts';
import { PRIMITIVES, VARIABLES, sortBuiltinTables } from '../core/subr.ts';
import { GLOBAL_NAMES } from '../core/runtime.ts';
import { CK_MUL, CK_SEEDS, CK_SHIFT, kernelsFor } from './kernels.ts';
import type { WasmMemory } from '../heap/heap.ts';

// 2: the checksum's sixteen lanes; 3: HIGH_BIT on static and symbol values; 4: no relocation table;
// 5: the conses first, without object-start entries (H_CONS_END); 6: the deferred payload (H_DEFER_START);
// 7: the dumped symbols and the strings after the conses, without object-start entries (H_SYM_END, H_STR_END)
export const FORMAT_VERSION = 7;
export const HEADER_BYTES = 192;
export const HEADER_WORDS = HEADER_BYTES / 4;

/** The 16 magic bytes; byte 0 is replaced by IN_PROGRESS_BYTE until the dump is complete. */
export const MAGIC = new Uint8Array([...'TSMACS-PDUMP\n'].map((c) => c.charCodeAt(0)).concat([0, 0, 0]));
export const IN_PROGRESS_BYTE = 0x21; // '!'
export const BYTE_ORDER_MARK = 0x01020304;

// Header word indices.
export const H_BOM = 4;
export const H_VERSION = 5;
export const H_HEADER_BYTES = 6;
export const H_FILE_BYTES = 7;
export const H_CHECKSUM = 8;
export const H_FINGERPRINT = 9;
export const FINGERPRINT_WORDS = 8;
export const H_STATIC_WORDS = 17;
export const H_HOT_START = 18;
export const H_HOT_END = 19;
export const H_DISC_START = 20;
export const H_DISC_END = 21;
export const H_COLD_START = 22;
export const H_COLD_END = 23;
export const H_RELOC_OFFSET = 24;
export const H_RELOC_COUNT = 25;
export const H_STARTS_OFFSET = 26;
export const H_STARTS_COUNT = 27;
export const H_SHADOWS_OFFSET = 28;
export const H_SHADOWS_COUNT = 29;
export const H_GLOBALS_OFFSET = 30;
export const H_GLOBALS_COUNT = 31;
export const H_SCALARS_OFFSET = 32;
export const H_SCALARS_COUNT = 33;
export const H_STATS = 34;
/** End of the hot section's run of conses, in bytes (format 5). */
export const H_CONS_END = 44;
/** Start of the deferred payload, [this, cold end), in bytes, and its own checksum (format 6). */
export const H_DEFER_START = 45;
export const H_DEFER_SUM = 46;
/** End of the symbol run that follows the cons run, in bytes (format 7). */
export const H_SYM_END = 47;
/** End of the string run that follows the symbol run, in bytes (format 7). */
export const H_STR_END = 43;
/** Buffer texts from this size up go to the deferred payload. */
export const DEFERRED_MIN_BYTES = 1 << 20;
export const STAT_CONS = 0;
export const STAT_SYMBOL = 1;
export const STAT_STRING = 2;
export const STAT_VECTOR = 3;
export const STAT_FLOAT = 4;
export const STAT_RAWVEC = 5;
export const STAT_HASH_TABLE = 6;
export const STAT_HOT_RELOCS = 7;
export const STAT_DISC_RELOCS = 8;
export const STAT_COUNT = 9;

// Relocation types (low 3 bits of an entry).
export const RELOC_DUMP_LV = 0;
export const RELOC_DUMP_SYM = 1;
export const RELOC_EMACS_LV = 2;
export const RELOC_DUMP_RAW = 3;
export const RELOC_EMACS_RAW = 4;
export const RELOC_TYPE_BITS = 3;
export const RELOC_TYPE_COUNT = 5;

/**
 * Bit 31 of a relative value marks it as static-relative (RELOC_EMACS_LV, RELOC_EMACS_RAW) or as a
 * dumped symbol (RELOC_DUMP_SYM); dump-relative values (RELOC_DUMP_LV, RELOC_DUMP_RAW) never
 * have it. So a word's relocation type follows from the word, and verify.ts can tell a moved or
 * retyped relocation from a real one; relocation stays one addition (the delta includes -2^31).
 */
export const HIGH_BIT = 0x80000000 | 0;

/** Object-start kind of a string's byte data (tag 1 is never a Lisp object). */
export const KIND_DATA = 1;

/** Words of a builtin symbol's shadow: value, function, plist, next, flags (the name is static). */
export const SHADOW_WORDS = SYM_FLAGS;

export const roundUp8 = (n: number): number => (n + 7) & ~7;

/**
 * The checksum: sixteen interleaved multiply-xor lanes over the file's words
 * (the checksum word itself read as 0), lane j taking the words at 16k + j;
 * lanes j, j+4, j+8, j+12 are then xored into one, giving four, and the words
 * past the last whole 16 run through lane 0. Sixteen lanes are four SIMD
 * registers of four: enough independent multiplies to run at memory speed.
 * With MEMORY (the heap's WebAssembly memory, WORDS a view of it) the lanes run
 * as WebAssembly (kernels.ts): this runs once per start-up, cold, where the JS
 * loop would crawl through V8's interpreter at about 10 ms/MB.
 */
export function checksum(words: Int32Array, start: number, nwords: number, skip: number,
  memory: WasmMemory | null = null): number {
  let a: number, b: number, c: number, d: number;
  const end = start + nwords;
  const end16 = start + (nwords & ~15);
  const saved = words[skip]!;
  words[skip] = 0;
  let i = start;
  const kn = kernelsFor(memory);
  if (kn !== null && words.buffer === memory!.buffer && words.byteOffset === 0) {
    kn.ck(start << 2, end16 << 2);
    [a, b, c, d] = kn.lanes();
    i = end16;
  } else {
    const lanes = new Int32Array(16);
    for (let j = 0; j < 16; j++) lanes[j] = CK_SEEDS[j & 3];
    for (; i < end16; i += 16) {
      for (let j = 0; j < 16; j++) {
        const x = Math.imul(lanes[j]! ^ words[i + j]!, CK_MUL);
        lanes[j] = x ^ (x >>> CK_SHIFT);
      }
    }
    const fold = (j: number): number => lanes[j]! ^ lanes[j + 4]! ^ lanes[j + 8]! ^ lanes[j + 12]!;
    a = fold(0);
    b = fold(1);
    c = fold(2);
    d = fold(3);
  }
  for (; i < end; i++) a = Math.imul(a ^ words[i]!, 0x01000193) ^ (a >>> 13);
  words[skip] = saved;
  let h = Math.imul(a ^ (b >>> 7), 0x85ebca6b) ^ Math.imul(c ^ (d >>> 11), 0xc2b2ae35) ^ nwords;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * The file's checksum (header word 8): CHECKSUM over the words [0, fileWords) of WORDS from START
 * with the deferred payload [deferW, coldEndW) left out, as the checksums of the two parts around
 * it combined; the whole file's when there is no payload (deferW = coldEndW).
 */
export function imageChecksum(words: Int32Array, start: number, fileWords: number, deferW: number, coldEndW: number,
  memory: WasmMemory | null = null): number {
  const skip = start + H_CHECKSUM;
  if (deferW >= coldEndW) return checksum(words, start, fileWords, skip, memory);
  const a = checksum(words, start, deferW, skip, memory);
  const b = checksum(words, start + coldEndW, fileWords - coldEndW, skip, memory);
  let h = Math.imul(a ^ (b >>> 15), 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  return Math.imul(h, 0x85ebca6b) | 0;
}

/**
 * The checksum a loader expects in header word 8 of the file W, by the payload bounds its header
 * gives (the whole file's when they are out of range): for the tools and tests that re-seal a file.
 */
export function sealChecksum(w: Int32Array): number {
  const ds = w[H_DEFER_START]!;
  const ce = w[H_COLD_END]!;
  return (ds & 7) === 0 && (ce & 7) === 0 && ds >= HEADER_BYTES && ds <= ce && ce <= w.length * 4
    ? imageChecksum(w, 0, w.length, ds >>> 2, ce >>> 2) : checksum(w, 0, w.length, H_CHECKSUM);
}

/** The deferred payload's checksum (header word 46): CHECKSUM over its words, 0 when it is empty. */
export function deferredChecksum(words: Int32Array, start: number, deferW: number, coldEndW: number,
  memory: WasmMemory | null = null): number {
  return deferW >= coldEndW ? 0 : checksum(words, start + deferW, coldEndW - deferW, start + H_CHECKSUM, memory);
}

// ---- fingerprint -----------------------------------------------------------------

/** Identifies this build: a dump is loadable only by a build with the same fingerprint. */
let cachedFingerprint: Int32Array | null = null;

/** The fingerprint as 64 hex digits, computed at build time and injected by scripts/build.mjs; absent from source. */
declare const __TSMACS_FINGERPRINT__: string | undefined;

/**
 * 32 bytes hashing everything the dump's layout depends on: the format version,
 * the object layouts, the primitive table (names and arities: SUBR_INDEX and
 * the static region come from it), the builtin symbols (their words are
 * constants in the code), the globals and DEFVARs, and the names of the
 * remembered scalars. Computed once, after every module has registered.
 */
export function fingerprint(scalarNames: readonly string[]): Int32Array {
  if (cachedFingerprint) return cachedFingerprint;
  if (typeof __TSMACS_FINGERPRINT__ === 'string') {
    const out = new Int32Array(FINGERPRINT_WORDS);
    for (let i = 0; i < FINGERPRINT_WORDS; i++) out[i] = parseInt(__TSMACS_FINGERPRINT__.slice(8 * i, 8 * i + 8), 16) | 0;
    return (cachedFingerprint = out);
  }
  sortBuiltinTables();
  const parts: string[] = [
    `format ${FORMAT_VERSION}`,
    `layout ${CONS_WORDS} ${FLOAT_WORDS} ${SYMBOL_WORDS} ${STRING_WORDS} ${STR_DATA} ${SUBR_SLOTS} ${PVEC_TYPE_SHIFT}`,
    `pvec ${PVEC_TYPE_COUNT} ht ${HASH_TABLE_SLOTS} ${HT_STALE} chartab ${CHARTAB_STANDARD_SLOTS}`,
    // The static region's layout (static.ts buildStaticRegion): symbols, name strings, one names text, subrs.
    'static symbols strings text subrs',
  ];
  for (const p of PRIMITIVES) parts.push(`subr ${p.name} ${p.min} ${p.max}`);
  BUILTIN_SYMBOLS.forEach((name, i) => parts.push(`sym ${name} ${builtinInterned(i) ? 1 : 0}`));
  for (const g of GLOBAL_NAMES) parts.push(`global ${g}`);
  for (const v of VARIABLES) parts.push(`var ${v.name}`);
  for (const n of scalarNames) parts.push(`scalar ${n}`);
  const bytes = new TextEncoder().encode(parts.join('\n'));
  const out = new Int32Array(FINGERPRINT_WORDS);
  for (let lane = 0; lane < FINGERPRINT_WORDS; lane++) {
    let h = Math.imul(0x811c9dc5 ^ lane, 0x9e3779b1) | 0;
    let g = Math.imul(lane + 1, 0x85ebca6b) | 0;
    for (let i = 0; i < bytes.length; i++) {
      h = Math.imul(h ^ bytes[i]!, 0x01000193);
      g = (Math.imul(g, 31) + bytes[i]! + (h >>> 17)) | 0;
    }
    h ^= g;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[lane] = h;
  }
  cachedFingerprint = out;
  return out;
}

/** The fingerprint as 64 hex digits, as GNU prints it. */
export function fingerprintHex(fp: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < fp.length; i++) s += (fp[i]! >>> 0).toString(16).padStart(8, '0');
  return s;
}
