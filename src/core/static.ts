// The static region: GNU's executable image of the builtin symbols and subrs, laid out afresh by every process.
//
// The builtin tables (symbols.ts BUILTIN_SYMBOLS, subr.ts PRIMITIVES) are
// fixed once the modules are loaded; from them the static region gets the
// builtin symbols at fixed offsets, their name strings, and one subr object per
// primitive. It is identical in every process of one build, so a dump can point
// into it (the fingerprint names its layout), and a new runtime starts here.

import {
  PVEC_SUBR, STRING_WORDS, STR_DATA, STR_NBYTES, STR_NCHARS, SUBR_INDEX, SUBR_MAX_ARGS,
  SUBR_MIN_ARGS, SUBR_NAME, SUBR_SLOTS, SYMBOL_WORDS, SYM_FLAGS, SYM_FUNCTION, SYM_INTERNED_IN_INITIAL_OBARRAY,
  SYM_INTERNED_SHIFT, SYM_NAME, SYM_NEXT, SYM_VALUE, makeHeader,
} from '../heap/layout.ts';
import { Lisp_String, Lisp_Vectorlike, makeFixnum } from '../heap/tags.ts';
import { Runtime, type RuntimeOptions } from './runtime.ts';
import { BUILTIN_SYMBOLS, Qnil, Qunbound, builtinInterned, sealBuiltinSymbols } from './symbols.ts';
import { PRIMITIVES, subrFunctions, subrWords } from './subr.ts';
import { kernelsFor } from '../dump/kernels.ts';
import { BLOCK_SHIFT } from '../heap/heap.ts';

/** A runtime with its static region built (its symbol cells empty: createRuntime or the dump loader fills them). */
export function newRuntime(opts: RuntimeOptions): Runtime {
  const subrFns = subrFunctions();
  const rt = new Runtime({ ...opts, staticWords: staticRegionWords(), subrFns });
  sealBuiltinSymbols();
  buildStaticRegion(rt);
  return rt;
}

/** Words the static region needs: the builtin symbols, their name strings and texts, the subrs. */
function staticRegionWords(): number {
  const even = (n: number): number => (n + 1) & ~1;
  return BUILTIN_SYMBOLS.length * (even(SYMBOL_WORDS) + even(STRING_WORDS)) + (builtinNames().bytes >>> 2) +
    PRIMITIVES.length * even(1 + SUBR_SLOTS) + 64;
}

const utf8 = new TextEncoder();

/**
 * The builtin symbols' names as one text: each NUL-terminated and padded with
 * NULs to whole granules, so one encodeInto writes all of them into the static
 * region (a JS loop over their 10,000 chars costs a millisecond or two of every
 * start-up, run cold). Built once per process: the table is sealed by then.
 */
interface NamesBlock {
  text: string;
  /** Total UTF-8 bytes of text, a multiple of 8. */
  bytes: number;
  /** Per name: byte offset in the text, UTF-8 length, and char count (-1: ASCII, so unibyte). */
  at: Int32Array;
  nbytes: Int32Array;
  nchars: Int32Array;
  /** Per name: the symbol's initial SYM_FLAGS word. */
  flags: Int32Array;
}
let namesBlock: NamesBlock | null = null;
const NON_ASCII = /[^\0-\x7f]/;
const NULS = '\0\0\0\0\0\0\0\0';

/**
 * A column of the names block as the build writes it: its numbers, or, when nearly all are one value
 * (nchars is -1 for every ASCII name, flags the same for all but `unbound'), that value and the
 * [index, value] pairs that differ. Each number of an array literal was 8 bytes of V8's code cache
 * and 8 more of a copy made at every start; a filled Int32Array is one native call.
 */
type NamesColumn = number[] | { fill: number; except: number[] };
/** The names block as scripts/build.mjs computed it for the bundle (builtinNamesForBuild); absent from source. */
declare const __TSMACS_NAMES__: { text: string; at: number[]; nbytes: number[]; nchars: NamesColumn; flags: NamesColumn } | undefined;

export function unpackColumn(c: NamesColumn, n: number): Int32Array {
  if (Array.isArray(c)) return Int32Array.from(c);
  const a = new Int32Array(n).fill(c.fill);
  for (let i = 0; i < c.except.length; i += 2) a[c.except[i]!] = c.except[i + 1]!;
  return a;
}

export function packColumn(a: Int32Array): NamesColumn {
  const counts = new Map<number, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let fill = 0;
  let most = -1;
  for (const [x, k] of counts) if (k > most) [fill, most] = [x, k];
  if ((a.length - most) * 2 > a.length / 4) return [...a];
  const except: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== fill) except.push(i, a[i]!);
  return { fill, except };
}

function builtinNames(): NamesBlock {
  const n = BUILTIN_SYMBOLS.length;
  if (namesBlock !== null && namesBlock.at.length === n) return namesBlock;
  // In the bundle, from the build's probe, which registers the same symbols in the same order:
  // the loops below cost about 0.15 ms of every start, run cold.
  if (typeof __TSMACS_NAMES__ === 'object' && __TSMACS_NAMES__.at.length === n) {
    const b = __TSMACS_NAMES__;
    const bytes = b.at.length === 0 ? 0 : b.at[n - 1]! + ((b.nbytes[n - 1]! + 8) & ~7);
    return (namesBlock = {
      text: b.text, bytes, at: Int32Array.from(b.at), nbytes: Int32Array.from(b.nbytes), nchars: unpackColumn(b.nchars, n),
      flags: unpackColumn(b.flags, n),
    });
  }
  const at = new Int32Array(n);
  const nbytes = new Int32Array(n);
  const nchars = new Int32Array(n);
  const flags = new Int32Array(n);
  const interned = SYM_INTERNED_IN_INITIAL_OBARRAY << SYM_INTERNED_SHIFT;
  // Names are ASCII but for a rare few: one test of the joined text decides whether any name
  // needs its UTF-8 length counted (a per-name regexp test costs a tenth of a millisecond).
  let text = '';
  for (let i = 0; i < n; i++) text += BUILTIN_SYMBOLS[i]!;
  const ascii = !NON_ASCII.test(text);
  text = '';
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const name = BUILTIN_SYMBOLS[i]!;
    const multibyte = !ascii && NON_ASCII.test(name);
    const nb = multibyte ? utf8.encode(name).length : name.length;
    const padded = (nb + 8) & ~7;
    at[i] = pos;
    nbytes[i] = nb;
    nchars[i] = multibyte ? [...name].length : -1;
    flags[i] = builtinInterned(i) ? interned : 0;
    text += name + NULS.slice(0, padded - nb);
    pos += padded;
  }
  return (namesBlock = { text, bytes: pos, at, nbytes, nchars, flags });
}

/** The names block for scripts/build.mjs to inject into the bundle (see __TSMACS_NAMES__). */
export function builtinNamesForBuild(): { text: string; at: number[]; nbytes: number[]; nchars: NamesColumn; flags: NamesColumn } {
  const b = builtinNames();
  return { text: b.text, at: [...b.at], nbytes: [...b.nbytes], nchars: packColumn(b.nchars), flags: packColumn(b.flags) };
}

/**
 * Lay out the static region: the builtin symbols at fixed offsets, then their
 * name strings, then the names' texts, then one subr object per primitive, all
 * from the static tables, so it is identical in every process of one build
 * (the dump relies on it; the fingerprint names this layout). Symbol cells
 * start empty; createRuntime or the dump loader fills them.
 *
 * Every start-up runs this once, cold, in V8's interpreter, where each
 * operation costs tens of nanoseconds: so the loops do the least per symbol.
 * Each kind of object is reserved with one bump (the addresses one allocStatic
 * per object would give) and the start bits are set inline; words whose value
 * is 0 (nil: a symbol cell's function and plist, a string's intervals) are not
 * written, the heap being fresh and so all zeros.
 */
function buildStaticRegion(rt: Runtime): void {
  const h = rt.heap;
  const m = rt.i32;
  const bits = h.startBits;
  const n = BUILTIN_SYMBOLS.length;
  if (Qnil !== 0) throw new Error('nil must be the word 0');
  const names = builtinNames();
  const symStride = (SYMBOL_WORDS + 1) & ~1;
  const strStride = (STRING_WORDS + 1) & ~1;
  const sym0 = h.allocStatic(n * symStride);
  if (sym0 !== h.staticBase) throw new Error('static symbols not at the static base');
  const str0 = h.allocStatic(n * strStride);
  const text = h.allocStatic(names.bytes >>> 2);
  utf8.encodeInto(names.text, rt.u8.subarray(text << 2, (text << 2) + names.bytes));
  const { at, nbytes, nchars: nch, flags } = names;
  const unbound = Qunbound;
  const fixnum0 = makeFixnum(0);
  const header = makeHeader(PVEC_SUBR, SUBR_SLOTS);
  const subrStride = (1 + SUBR_SLOTS + 1) & ~1;
  const np = PRIMITIVES.length;
  const subr0 = h.allocStatic(np * subrStride);
  if (staticsByKernel(rt, names, sym0, str0, text, subr0, np, header)) return;
  for (let i = 0, sym = sym0, swi = str0; i < n; i++, sym += symStride, swi += strStride) {
    const dwi = text + (at[i]! >>> 2);
    let g = sym >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    g = swi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    g = dwi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    const nchars = nch[i]!;
    m[swi + STR_NCHARS] = nchars < 0 ? nbytes[i]! : nchars;
    m[swi + STR_NBYTES] = nchars < 0 ? -1 : nbytes[i]!;
    m[swi + STR_DATA] = dwi << 2;
    m[sym + SYM_NAME] = (swi << 2) | Lisp_String;
    m[sym + SYM_VALUE] = unbound;
    m[sym + SYM_NEXT] = fixnum0;
    m[sym + SYM_FLAGS] = flags[i]!;
  }
  for (let i = 0, wi = subr0; i < np; i++, wi += subrStride) {
    const p = PRIMITIVES[i]!;
    const g = wi >>> 1;
    bits[g >>> 5]! |= 1 << (g & 31);
    m[wi] = header;
    m[wi + 1 + SUBR_NAME] = p.sym;
    m[wi + 1 + SUBR_MIN_ARGS] = makeFixnum(p.min);
    m[wi + 1 + SUBR_MAX_ARGS] = makeFixnum(p.max);
    m[wi + 1 + SUBR_INDEX] = makeFixnum(i);
    m[(((p.sym >>> 3) + rt.sbg) << 1) + SYM_FUNCTION] = (wi << 2) | Lisp_Vectorlike;
  }
}

/**
 * buildStaticRegion's loops over the symbols (their cells, name strings and start bits) and the
 * subrs' headers and start bits, as WebAssembly (dump/kernels.ts statics), when the heap is a
 * WebAssembly memory: in the interpreter they cost about 0.3 ms of every start-up. The names'
 * tables and the start bits pass through untouched memory at the top of the heap, which is
 * cleared again (the kind map of the dump loader's walk uses the same pages next). False (nothing
 * done) without kernels or room; the JS loops then do it all. test/kernels.test.ts compares the two.
 */
function staticsByKernel(rt: Runtime, names: NamesBlock, sym0: number, str0: number, text: number, subr0: number, np: number,
  header: number): boolean {
  const h = rt.heap;
  if (forceJsStatics) return false;
  const kn = kernelsFor(h.memory);
  if (kn === null) return false;
  const n = names.at.length;
  const gbase = (sym0 >>> 1) & ~31;
  const gEnd = h.staticEnd >>> 1;
  const bitWords = ((gEnd - gbase) >>> 5) + 1;
  const triples = subrWords();
  if (triples.length !== 3 * np) return false;
  const bytes = ((12 * np + 16 * n + 4 * bitWords) + 7) & ~7;
  const scratch = (h.nwords << 2) - bytes;
  if (scratch < (h.blockBase + ((h.blockTop + 1) << BLOCK_SHIFT)) << 2) return false;
  const m = rt.i32;
  // The subrs' sym, min and max triples just below the names' tables (the kernel finds them there).
  m.set(triples, scratch >>> 2);
  const arrB = scratch + 12 * np;
  const arrW = arrB >>> 2;
  m.set(names.at, arrW);
  m.set(names.nbytes, arrW + n);
  m.set(names.nchars, arrW + 2 * n);
  m.set(names.flags, arrW + 3 * n);
  const bitsB = arrB + 16 * n;
  kn.statics(sym0 << 2, str0 << 2, text << 2, n, arrB, bitsB, gbase, Qunbound, makeFixnum(0), subr0 << 2, np, header);
  h.startBits.set(new Uint32Array(h.buffer, bitsB, bitWords), gbase >>> 5);
  rt.u8.fill(0, scratch, scratch + bytes);
  return true;
}

/** Test hook: build static regions with the JS loops only. */
let forceJsStatics = false;
export function setJsStatics(on: boolean): void {
  forceJsStatics = on;
}
