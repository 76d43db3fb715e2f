// The loader's proof that a checksummed dump is a well-formed heap: every word classified, every relocation matched.
//
// The checksum only shows that the bytes are the ones somebody sealed; anyone
// can seal a forged file. So before any relocation is applied, this pass walks
// the file as the writer laid it out and establishes, word by word:
//
//   - the object-start table tiles the hot section and the cold section
//     exactly: each object begins where the previous one ends, and its size
//     follows from its kind (and, for a vectorlike, its header);
//   - every word of the hot and discardable sections is one of: a Lisp slot,
//     a raw word (headers, sizes, flags, padding, scalars), or a string's data
//     address;
//   - every pointer word's target is the start of an object of the word's
//     type: in the dump by the object-start table, in the static region by
//     its fixed layout; and only then is the word relocated (since format 4
//     this walk is the relocation pass: there is no relocation table);
//   - headers, symbol flags (and an alias's or localized variable's value),
//     string sizes, hash tables, char-tables and finalizers have the shapes
//     the runtime relies on without checking.
//
// The relative encoding (format.ts) makes each word's relocation follow from
// the word and its place: static-relative and dump-symbol values carry bit 31,
// dump-relative values never do, fixnums and builtin symbols need none.
//
// A failure throws DumpLoadError 'bad-relocation' or 'bad-object' naming the
// word. The pass is plain JS over typed arrays; it runs once per start-up.

import {
  CHARTAB_STANDARD_SLOTS, PVEC_CHAR_TABLE, PVEC_FINALIZER, PVEC_SUB_CHAR_TABLE, SUB_CHARTAB_CONTENTS, SUB_CHARTAB_DEPTH,
  SUB_CHARTAB_MIN_CHAR, SYM_LOCALIZED, SYM_VARALIAS,
  HASH_TABLE_SLOTS, HT_COUNT, HT_HASH, HT_INDEX, HT_KV, HT_NEXT, HT_NEXT_FREE, HT_STALE, PVEC_BIGNUM,
  PVEC_BOOL_VECTOR, PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR, PVEC_SIZE_MASK, PVEC_SUBR, PVEC_TYPE_COUNT, PVEC_TYPE_SHIFT,
  PVEC_USER_PTR, STRING_WORDS, STR_DATA, STR_NBYTES, STR_NCHARS, SUBR_SLOTS, SYMBOL_WORDS, SYM_FLAGS,
  PVEC_MARKER, PVEC_BUFFER, PVEC_OVERLAY, PVEC_WINDOW, PVEC_FRAME, WINDOW_SLOTS, FRAME_SLOTS, OVERLAY_SLOTS, OVERLAY_START, OVERLAY_END, MARKER_SLOTS, MARKER_CHARPOS, MARKER_BYTEPOS, MARKER_BUFFER, BUFFER_SLOTS, BUF_AUTOSAVE_MODIFF, BUF_BEGV,
  BUF_BEGV_BYTE, BUF_PT, BUF_PT_BYTE, BUF_ZV, BUF_ZV_BYTE, BUF_Z, BUF_Z_BYTE, BUF_GPT, BUF_GPT_BYTE, BUF_MODIFF,
  BUF_CHARS_MODIFF, BUF_SAVE_MODIFF, BUF_TEXT, BUF_MARKERS,
  SYM_INTERNED_SHIFT, SYM_REDIRECT_MASK, SYM_TRAPPED_SHIFT, SYM_FWD_SHIFT,
} from '../heap/layout.ts';
import { BUILTIN_SYMBOLS, Qnil, Qt } from '../core/symbols.ts';
import { PRIMITIVES } from '../core/subr.ts';
import type { Runtime } from '../core/runtime.ts';
import { KERNEL_CHUNK, kernelsFor, type VerifyKernel } from './kernels.ts';
import { BLOCK_SHIFT } from '../heap/heap.ts';
import {
  HIGH_BIT, KIND_DATA, SHADOW_WORDS,
} from './format.ts';

/** The parts of the checked header the walk needs, in words from the dump base. */
export interface ImageLayout {
  fileBytes: number;
  hotStartW: number;
  hotEndW: number;
  /** End of the cons run at the hot section's start (format 5): conses without object-start entries. */
  consEndW: number;
  /** End of the symbol run after it (format 7): symbols without object-start entries. */
  symEndW: number;
  /** End of the string run after that (format 7): string headers without object-start entries. */
  strEndW: number;
  discEndW: number;
  coldStartW: number;
  coldEndW: number;
  relocW: number;
  nrelocs: number;
  startsW: number;
  nstarts: number;
  shadowsW: number;
  globalsW: number;
  scalarsW: number;
  /** Start of the deferred payload (format 6), [deferW, coldEndW): only unibyte strings' data. */
  deferW: number;
}

/** Thrown by verifyImage; the loader turns it into a DumpLoadError of the same kind. */
export class ImageError extends Error {
  readonly kind: 'bad-relocation' | 'bad-object';
  constructor(kind: 'bad-relocation' | 'bad-object', message: string) {
    super(message);
    this.kind = kind;
  }
}

const SYM_GRANULES = SYMBOL_WORDS >>> 1;
const SUBR_STRIDE = (1 + SUBR_SLOTS + 1) & ~1;
const STR_STRIDE = (STRING_WORDS + 1) & ~1;
const SYM_STRIDE = (SYMBOL_WORDS + 1) & ~1;
/** Bits a symbol's flags word may have (layout.ts: redirect, trapped, interned, declared special). */
const FLAG_BITS = 0x1ff; // through SYM_FWD_MASK

/**
 * Verify and relocate the image in the dump region, as read from the file; throw ImageError on the
 * first fault. The hot and discardable walk runs as WebAssembly (kernels.ts) when it can, with the
 * kind map in unused memory at the top of the heap; a fault there has the file read again (REREAD:
 * the walk relocated the words before the fault) and the JS walk run for the message. True when
 * the WebAssembly walk ran, whose vshadows has then copied the builtin symbols' shadows into the
 * static region (the loader's restoreShadows does it after the JS walk).
 */
export function verifyImage(rt: Runtime, S: ImageLayout, reread: () => void): boolean {
  const h = rt.heap;
  const kn = kernelsFor(h.memory);
  const mapBytes = ((S.fileBytes >>> 3) + 7) & ~7;
  const mapAt = (h.nwords << 2) - mapBytes;
  const free = (h.blockBase + ((h.blockTop + 1) << BLOCK_SHIFT)) << 2;
  if (kn === null || mapAt < free) {
    verifyWith(rt, S, null, new Uint8Array(mapBytes));
    return false;
  }
  const kinds = rt.u8.subarray(mapAt, mapAt + mapBytes);
  let ok: boolean;
  try {
    ok = verifyWith(rt, S, kn.verify, kinds);
  } finally {
    // The block allocator expects untouched memory: zero what the walk wrote (the object starts'
    // bytes), not the whole map, whose pages under long string data it never touched.
    kn.verify.vunkinds((h.dumpBase + S.startsW) << 2, S.nstarts, kinds.byteOffset);
  }
  if (!ok) {
    reread();
    verifyWith(rt, S, null, new Uint8Array(mapBytes));
    throw new ImageError('bad-object', 'the WebAssembly check found a fault that the JS check did not');
  }
  return true;
}

/** Test hook: run only the JS walk. */
export function verifyImageJS(rt: Runtime, S: ImageLayout): void {
  verifyWith(rt, S, null, new Uint8Array(((S.fileBytes >>> 3) + 7) & ~7));
}

/**
 * The walk, with the kernels V for hot and discardable words or all in JS when V is null. KINDS is
 * zeroed, fileBytes/8 bytes long (inside the heap when V is given). Each pointer word is relocated
 * once its target is checked. With V, returns false on a fault (the caller rereads the file and
 * reruns it in JS to word it); in JS, throws.
 */
function verifyWith(rt: Runtime, S: ImageLayout, V: VerifyKernel | null, kinds: Uint8Array): boolean {
  const m = rt.i32;
  const u8 = rt.u8;
  const base = rt.heap.dumpBase;
  const fileBytes = S.fileBytes;
  const nsyms = BUILTIN_SYMBOLS.length;
  const builtinLimit = nsyms * (SYM_GRANULES << 3);

  // The static region's fixed layout (core/static.ts): symbols, their name strings, the names'
  // text, the subrs; in words from the static base.
  const staticWords = rt.heap.staticTop - rt.heap.staticBase;
  const strW0 = nsyms * SYM_STRIDE;
  const textW0 = strW0 + nsyms * STR_STRIDE;
  const subrW0 = staticWords - PRIMITIVES.length * SUBR_STRIDE;

  // Kind of the object starting at each granule of the file, plus one (0: no object starts there).
  const t0 = base + S.startsW;
  let firstCold = S.nstarts;
  for (let lo = 0, hi = S.nstarts - 1; lo <= hi;) {
    const mid = (lo + hi) >>> 1;
    if (m[t0 + mid]! >>> 3 >= S.coldStartW) {
      firstCold = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // The symbol and string runs' objects have no entries either. The kernels know the runs by their
  // bounds and strides (as the cons run), and never read their part of the map; the JS walk gives
  // each its byte, every third (a symbol) or second (a string) granule from its run's start (the
  // loader checked that each run is a whole number of its objects).
  if (V !== null) V.vkinds(t0 << 2, S.nstarts, kinds.byteOffset);
  else {
    const nsymRun = (S.symEndW - S.consEndW) / SYMBOL_WORDS;
    const nstrRun = (S.strEndW - S.symEndW) / STRING_WORDS;
    for (let i = 0; i < S.nstarts; i++) {
      const e = m[t0 + i]!;
      kinds[e >>> 4] = (e & 7) + 1;
    }
    for (let i = 0; i < nsymRun; i++) kinds[(S.consEndW >>> 1) + SYM_GRANULES * i] = 0 + 1;
    for (let i = 0; i < nstrRun; i++) kinds[(S.symEndW >>> 1) + (STRING_WORDS >>> 1) * i] = 4 + 1;
  }
  // Every granule of the cons run is a cons (checkStarts kept the table's entries out of it). The
  // kernels know the run by its bounds (crun, cspan) and never read its part of the map: left
  // unfilled there, its 24 pages of the default image are not faulted in, filled and zeroed again.
  if (V === null) kinds.fill(3 + 1, S.hotStartW >>> 1, S.consEndW >>> 1);

  const objErr = (off: number, what: string): never => {
    throw new ImageError('bad-object', `object at word ${off} ${what}`);
  };
  const relErr = (off: number, what: string): never => {
    throw new ImageError('bad-relocation', `word ${off} ${what}`);
  };

  // ---- cold: floats, raw vectorlikes, string data, end to end ----
  // As WebAssembly when it can (kernels.ts vcold, same rules; as JS, 8,900 entries of the default
  // image took 0.4 ms), in JS without it or to word a fault.
  let pos = S.coldStartW;
  if (V !== null) V.g.base.value = base << 2;
  const coldOk = V !== null && V.vcold((t0 + firstCold) << 2, S.nstarts - firstCold, S.coldStartW, S.coldEndW) === 0;
  for (let i = coldOk ? S.nstarts : firstCold; i < S.nstarts; i++) {
    const e = m[t0 + i]!;
    const off = e >>> 3;
    const kind = e & 7;
    if (off !== pos) objErr(off, `does not begin where the previous one ends (word ${pos})`);
    if (kind === 7) pos += 2;
    else if (kind === KIND_DATA) pos = i + 1 < S.nstarts ? m[t0 + i + 1]! >>> 3 : S.coldEndW;
    else if (kind === 5) {
      const hdr = m[base + off]!;
      const type = hdr >>> PVEC_TYPE_SHIFT;
      const size = hdr & PVEC_SIZE_MASK;
      if (type !== PVEC_BOOL_VECTOR && type !== PVEC_BIGNUM) objErr(off, `in the cold section has vectorlike type ${type}`);
      if (size < 1 || off + 1 + size > S.coldEndW) objErr(off, `has size ${size}, past the end of its section`);
      const first = m[base + off + 1]!;
      if ((first & 3) !== 2) objErr(off, 'has a raw vector whose first slot is not a fixnum');
      const n = first >> 2;
      if (type === PVEC_BOOL_VECTOR ? n < 0 || (n + 31) >>> 5 !== size - 1 : (n !== 1 && n !== -1) || size < 2)
        objErr(off, `has a ${type === PVEC_BOOL_VECTOR ? 'bool-vector length' : 'bignum sign'} (${n}) that does not fit its size`);
      pos += (size + 2) & ~1;
    } else objErr(off, `in the cold section has kind ${kind}`);
  }
  if (!coldOk && pos !== S.coldEndW) objErr(pos, 'is missing: the cold section is not covered by its objects');
  if (V !== null && !coldOk) throw new ImageError('bad-object', 'the WebAssembly check found a fault that the JS check did not');

  // ---- hot and discardable: every word; each pointer checked, then relocated ----
  // The deltas (format.ts): dump-relative values (Lisp pointers and string data alike) add the dump's
  // byte address; static-relative ones and dumped symbols carry bit 31, which the addition drops.
  const staticBase = rt.heap.staticBase;
  const dumpDelta = base << 2;
  const symDelta = ((base - staticBase) << 2) ^ HIGH_BIT;
  const staticDelta = (staticBase << 2) ^ HIGH_BIT;
  const g = V?.g;
  if (g !== undefined) {
    g.base.value = base << 2;
    g.map.value = kinds.byteOffset;
    g.file.value = fileBytes;
    g.blim.value = builtinLimit;
    g.str0.value = strW0;
    g.nstr.value = textW0 - strW0;
    g.subr0.value = subrW0;
    g.nsubr.value = staticWords - subrW0;
    g.coldend.value = S.coldEndW >>> 1;
    g.text0.value = textW0 << 2;
    g.sbase.value = staticBase << 2;
    g.dd.value = dumpDelta;
    g.sd.value = symDelta;
    g.td.value = staticDelta;
    g.tab.value = t0 << 2;
    g.defer.value = S.deferW << 2;
    g.ntab.value = S.nstarts;
    g.crun.value = (S.hotStartW << 2) + 3;
    g.cspan.value = (S.consEndW - S.hotStartW) << 2;
    g.srun.value = S.consEndW << 2;
    g.sspan.value = (S.symEndW - S.consEndW) << 2;
    g.trun.value = (S.symEndW << 2) + 4;
    g.tspan.value = (S.strEndW - S.symEndW) << 2;
  }
  /** A Lisp slot at word P: a fixnum, a builtin symbol, or a pointer to an object of its type, relocated. */
  const slot = (p: number): void => {
    if (V !== null) {
      if (V.vslot(p) !== 0) throw FAULT;
      return;
    }
    const w = m[base + p]!;
    const tag = w & 7;
    if ((tag & 3) === 2) return;
    if (tag === 0) {
      if ((w & HIGH_BIT) === 0) {
        if (w >= builtinLimit || (w >>> 3) % SYM_GRANULES !== 0) relErr(p, 'holds a symbol word that is not a builtin symbol');
        return;
      }
      const v = (w ^ HIGH_BIT) >>> 0;
      if (v >= fileBytes || kinds[v >>> 3] !== 1) relErr(p, 'holds a symbol that is not an object of the dump');
      m[base + p] = (w + symDelta) | 0;
    } else if (tag === 1) relErr(p, 'holds an invalid word');
    else if ((w & HIGH_BIT) === 0) {
      if (w >= fileBytes || kinds[w >>> 3] !== tag + 1) relErr(p, 'holds a pointer that is not to an object of its type');
      m[base + p] = (w + dumpDelta) | 0;
    } else {
      const off = ((w ^ HIGH_BIT) >>> 2) & ~1;
      const ok = tag === 4 ? off >= strW0 && off < textW0 && (off - strW0) % STR_STRIDE === 0
        : tag === 5 ? off >= subrW0 && off < staticWords && (off - subrW0) % SUBR_STRIDE === 0 : false;
      if (!ok) relErr(p, 'holds a pointer that is not to a static object of its type');
      m[base + p] = (w + staticDelta) | 0;
    }
  };
  const flags = (p: number): void => {
    const f = m[base + p]!;
    if ((f & ~FLAG_BITS) !== 0 || (f & SYM_REDIRECT_MASK) === 3 || ((f >>> SYM_TRAPPED_SHIFT) & 3) === 3 ||
      ((f >>> SYM_INTERNED_SHIFT) & 3) === 3 || ((f >>> SYM_FWD_SHIFT) & 3) === 3)
      objErr(p, `has symbol flags 0x${(f >>> 0).toString(16)}`);
    // The value, 4 words before the flags in a symbol and in a shadow (relocation keeps its tag):
    // the runtime follows an alias's to a symbol and takes the cdr of a localized variable's
    // without a type check.
    const vtag = m[base + p - 4]! & 7;
    const r = f & SYM_REDIRECT_MASK;
    if ((r === SYM_VARALIAS && vtag !== 0) || (r === SYM_LOCALIZED && vtag !== 3))
      objErr(p, `has symbol flags 0x${(f >>> 0).toString(16)} that its value does not fit`);
  };
  const string = (pos: number): void => {
    if (pos + STRING_WORDS > S.hotEndW) objErr(pos, 'runs past the end of the hot section');
    const nchars = m[base + pos + STR_NCHARS]!;
    const nbytes = m[base + pos + STR_NBYTES]!;
    if (nchars < 0 || nbytes < -1 || (nbytes >= 0 && nbytes < nchars))
      objErr(pos, `is a string with ${nchars} chars in ${nbytes} bytes`);
    const len = nbytes < 0 ? nchars : nbytes;
    const dp = pos + STR_DATA;
    const d = m[base + dp]!;
    if (d === 0) {
      if (len !== 0) relErr(dp, 'holds no string data for a string of bytes');
    } else {
      let start: number;
      let end: number;
      if ((d & HIGH_BIT) === 0) {
        if (d >= fileBytes || (d & 7) !== 0 || kinds[d >>> 3] !== KIND_DATA + 1)
          relErr(dp, 'holds string data that is not a string-data object of the dump');
        // Bytes there may be unread yet: no check may read them (a multibyte string's count would).
        if (nbytes >= 0 && d >= S.deferW << 2) objErr(pos, 'is a multibyte string whose data is in the deferred payload');
        // The data object runs to the next object start (the table's next entry), or to the cold
        // section's end. (The kernel looks for it in the kind map first: the same start.)
        let lo = 0;
        for (let hi = S.nstarts; lo < hi;) {
          const mid = (lo + hi) >>> 1;
          if (m[t0 + mid]! >>> 4 > d >>> 3) hi = mid;
          else lo = mid + 1;
        }
        const gr = lo < S.nstarts ? m[t0 + lo]! >>> 4 : S.coldEndW >>> 1;
        start = (base << 2) + d;
        end = (base << 2) + (gr << 3);
      } else {
        const v = (d ^ HIGH_BIT) >>> 0;
        if ((v & 7) !== 0 || v < textW0 << 2 || v >= subrW0 << 2) relErr(dp, 'holds string data outside the static names');
        start = (staticBase << 2) + v;
        end = (staticBase + subrW0) << 2;
      }
      if (len + 1 > end - start) objErr(pos, `is a string of ${len} bytes whose data holds ${end - start - 1}`);
      if (nbytes >= 0 && nbytes !== nchars) {
        // A multibyte string: its char count must be its count of non-continuation bytes.
        let n = 0;
        for (let b = start; b < start + len; b++) if ((u8[b]! & 0xc0) !== 0x80) n++;
        if (n !== nchars) objErr(pos, `is a string of ${nchars} chars whose bytes hold ${n}`);
      }
      m[base + dp] = start;
    }
    slot(pos + 3);
  };
  const tables: number[] = [];
  try {
    if (g !== undefined) {
      const iEnd = (t0 + firstCold) << 2;
      // The cons run, in chunks as below.
      for (let p = S.hotStartW; p < S.consEndW; p += 2 * KERNEL_CHUNK)
        if (V!.vconses(p, Math.min(S.consEndW, p + 2 * KERNEL_CHUNK)) !== 0) throw FAULT;
      // The symbol run (vwalk's symbol check, without entries).
      g.i.value = t0 << 2;
      g.pos.value = S.consEndW;
      g.hotend.value = S.symEndW;
      if (V!.vsyms() !== 0) throw FAULT;
      // The string run (vwalk's string check, without entries).
      g.pos.value = S.symEndW;
      g.hotend.value = S.strEndW;
      if (V!.vstrs() !== 0) throw FAULT;
      g.pos.value = S.strEndW;
      g.hotend.value = S.hotEndW;
      // In chunks, as kernels.ts's starts: later calls run the code V8 optimised meanwhile.
      for (;;) {
        g.iend.value = Math.min(iEnd, g.i.value + 4 * KERNEL_CHUNK);
        const c = V!.vwalk();
        if (c === 0) {
          if (g.i.value >= iEnd || g.pos.value >= S.hotEndW) break;
          continue;
        }
        if (c === 2) tables.push(g.last.value);
        else throw FAULT;
      }
      pos = g.pos.value;
    } else {
      for (let p = S.hotStartW; p < S.consEndW; p++) slot(p);
      for (pos = S.consEndW; pos < S.symEndW; pos += SYMBOL_WORDS) {
        for (let f = 0; f < SYM_FLAGS; f++) slot(pos + f);
        flags(pos + SYM_FLAGS);
      }
      for (; pos < S.strEndW; pos += STRING_WORDS) string(pos);
      for (let i = 0; i < firstCold && pos < S.hotEndW; i++) {
        const e = m[t0 + i]!;
        const off = e >>> 3;
        const kind = e & 7;
        if (off !== pos) objErr(off, `does not begin where the previous one ends (word ${pos})`);
        switch (kind) {
          case 3:
            slot(pos);
            slot(pos + 1);
            pos += 2;
            break;
          case 0:
            if (pos + SYMBOL_WORDS > S.hotEndW) objErr(pos, 'runs past the end of the hot section');
            for (let f = 0; f < SYM_FLAGS; f++) slot(pos + f);
            flags(pos + SYM_FLAGS);
            pos += SYMBOL_WORDS;
            break;
          case 4:
            string(pos);
            pos += STRING_WORDS;
            break;
          case 5: {
            const hdr = m[base + pos]!;
            const type = hdr >>> PVEC_TYPE_SHIFT;
            const size = hdr & PVEC_SIZE_MASK;
            if (type >= PVEC_TYPE_COUNT || type === PVEC_BOOL_VECTOR || type === PVEC_BIGNUM || type === PVEC_SUBR ||
              type === PVEC_USER_PTR)
              objErr(pos, `in the hot section has vectorlike type ${type}`);
            const end = pos + ((size + 2) & ~1);
            if (end > S.hotEndW) objErr(pos, `has size ${size}, past the end of the hot section`);
            if (type === PVEC_HASH_TABLE || type === PVEC_CHAR_TABLE || type === PVEC_SUB_CHAR_TABLE || type === PVEC_FINALIZER ||
              type === PVEC_MARKER || type === PVEC_BUFFER || type === PVEC_OVERLAY || type === PVEC_WINDOW || type === PVEC_FRAME)
              tables.push(pos);
            for (let p = pos + 1; p <= pos + size; p++) slot(p);
            pos = end;
            break;
          }
          default:
            objErr(pos, `in the hot section has kind ${kind}`);
        }
      }
    }
    if (pos !== S.hotEndW) objErr(pos, 'is missing: the hot section is not covered by its objects');

    // Discardable: the builtin symbols' shadows, the globals, padding, the scalars.
    const globalsEnd = S.globalsW + rt.globals.length;
    if (V !== null) {
      // The shadows go to the static region's symbols as they are checked (loader.ts restoreShadows).
      if (V.vshadows(S.shadowsW, nsyms, (rt.heap.staticBase + 1) << 2) !== 0 || V.vslots(S.globalsW, rt.globals.length) !== 0) throw FAULT;
    } else {
      for (let i = 0; i < nsyms; i++) {
        const p = S.shadowsW + i * SHADOW_WORDS;
        for (let f = 0; f < SHADOW_WORDS - 1; f++) slot(p + f);
        flags(p + SHADOW_WORDS - 1);
      }
      for (let p = S.globalsW; p < globalsEnd; p++) slot(p);
    }

    // Vectorlikes whose slots the runtime indexes without bounds checks (their pointers relocated now).
    for (const tp of tables) checkShape(m, base, base + (fileBytes >>> 2), tp, objErr, V);
  } catch (e) {
    if (e === FAULT || (V !== null && e instanceof ImageError)) return false;
    throw e;
  }
  return true;
}

/**
 * Thrown inside the walk when a kernel reports a fault: the JS walk then finds and words it. Not an
 * Error: an Error made by a module body costs every start-up a stack capture (the process's first,
 * about 0.05 ms), and this one is only ever compared.
 */
class KernelFault {}
const FAULT = new KernelFault();

// The shape checks run after the walk, on relocated words: a checked vectorlike pointer is the
// start of a dump vectorlike or a static subr, so its type tells the two apart.

/** The vector at pointer W (a checked, relocated pointer), or -1 if W is not a normal vector of the dump. */
function vectorAt(m: Int32Array, w: number): number {
  if ((w & 7) !== 5) return -1;
  const wi = (w & ~7) >>> 2;
  return m[wi]! >>> PVEC_TYPE_SHIFT === PVEC_NORMAL_VECTOR ? wi : -1;
}

/** Sub-char-table slots after depth and min char, by depth (emacs/chartab.ts). */
const SUB_CHARTAB_SIZES = [0, 16, 32, 128];

/** The fixed shape of the vectorlike at word AT: hash table, char-table, sub-char-table, finalizer. */
function checkShape(m: Int32Array, base: number, end: number, at: number, objErr: (off: number, what: string) => never,
  V: VerifyKernel | null = null): void {
  const hdr = m[base + at]!;
  const type = hdr >>> PVEC_TYPE_SHIFT;
  const size = hdr & PVEC_SIZE_MASK;
  const slot = (i: number): number => m[base + at + 1 + i]!;
  if (type === PVEC_HASH_TABLE) {
    if (size !== HASH_TABLE_SLOTS) objErr(at, `is a hash table of ${size} slots`);
    checkHashTable(m, base, base + at + 1, objErr, V);
  } else if (type === PVEC_CHAR_TABLE) {
    if (size < CHARTAB_STANDARD_SLOTS) objErr(at, `is a char-table of ${size} slots`);
  } else if (type === PVEC_SUB_CHAR_TABLE) {
    const depth = slot(SUB_CHARTAB_DEPTH);
    const d = depth >> 2;
    if ((depth & 3) !== 2 || d < 1 || d > 3 || size !== SUB_CHARTAB_CONTENTS + SUB_CHARTAB_SIZES[d]! ||
      (slot(SUB_CHARTAB_MIN_CHAR) & 3) !== 2)
      objErr(at, `is a sub-char-table of ${size} slots that does not fit its depth`);
  } else if (type === PVEC_FINALIZER) {
    if (size !== 2) objErr(at, `is a finalizer of ${size} slots`);
  } else if (type === PVEC_MARKER) {
    checkMarker(m, base, at, objErr);
  } else if (type === PVEC_BUFFER) {
    checkBuffer(m, base, end, at, objErr);
  } else if (type === PVEC_OVERLAY) {
    checkOverlay(m, base, at, objErr);
  } else if (type === PVEC_WINDOW) {
    // Windows are read by fixed slots, their number and markers without a check.
    if (size !== WINDOW_SLOTS) objErr(at, `is a window of ${size} slots`);
    if ((slot(0) & 3) !== 2 || dumpVectorlike(m, slot(3), PVEC_MARKER) < 0 || dumpVectorlike(m, slot(4), PVEC_MARKER) < 0)
      objErr(at, 'is a window whose number or markers are wrong');
  } else if (type === PVEC_FRAME) {
    if (size !== FRAME_SLOTS) objErr(at, `is a frame of ${size} slots`);
  }
}

/** An overlay: its ends are two markers of the dump in the same buffer (or none), start before end. */
function checkOverlay(m: Int32Array, base: number, at: number, objErr: (off: number, what: string) => never): void {
  const size = m[base + at]! & PVEC_SIZE_MASK;
  if (size !== OVERLAY_SLOTS) objErr(at, `is an overlay of ${size} slots`);
  const s = dumpVectorlike(m, m[base + at + 1 + OVERLAY_START]!, PVEC_MARKER);
  const e = dumpVectorlike(m, m[base + at + 1 + OVERLAY_END]!, PVEC_MARKER);
  if (s < 0 || e < 0) objErr(at, 'is an overlay whose ends are not markers of the dump');
  if (m[s + 1 + MARKER_BUFFER] !== m[e + 1 + MARKER_BUFFER] || m[s + 1 + MARKER_CHARPOS]! > m[e + 1 + MARKER_CHARPOS]!)
    objErr(at, 'is an overlay whose ends are not in order in one buffer');
}

/** A marker: its positions are fixnums of at least 1 and its buffer is nil or a buffer of the dump. */
function checkMarker(m: Int32Array, base: number, at: number, objErr: (off: number, what: string) => never): void {
  const size = m[base + at]! & PVEC_SIZE_MASK;
  const slot = (i: number): number => m[base + at + 1 + i]!;
  if (size !== MARKER_SLOTS) objErr(at, `is a marker of ${size} slots`);
  const c = slot(MARKER_CHARPOS);
  const b = slot(MARKER_BYTEPOS);
  if ((c & 3) !== 2 || (b & 3) !== 2 || c >> 2 < 1 || b >> 2 < c >> 2) objErr(at, 'is a marker whose positions are not positions');
  const buf = slot(MARKER_BUFFER);
  if (buf !== 0 && dumpVectorlike(m, buf, PVEC_BUFFER) < 0) objErr(at, 'is a marker whose buffer is not a buffer of the dump');
}

/** The word index of the dump vectorlike of TYPE (never a subr's) that W points at, or -1. */
function dumpVectorlike(m: Int32Array, w: number, type: number): number {
  if ((w & 7) !== 5) return -1;
  const wi = (w & ~7) >>> 2;
  return m[wi]! >>> PVEC_TYPE_SHIFT === type ? wi : -1;
}

/**
 * A buffer: its positions are ordered fixnums (char <= byte), its text a unibyte string of the
 * dump long enough for them, and its marker chain a proper list of markers that point into it.
 * The runtime indexes the text and walks the chain on these grounds without checking.
 */
function checkBuffer(m: Int32Array, base: number, end: number, at: number, objErr: (off: number, what: string) => never): void {
  const size = m[base + at]! & PVEC_SIZE_MASK;
  if (size < BUFFER_SLOTS) objErr(at, `is a buffer of ${size} slots`);
  const slot = (i: number): number => m[base + at + 1 + i]!;
  const pos = (i: number): number => {
    const w = slot(i);
    if ((w & 3) !== 2 || w >> 2 < 1) objErr(at, `is a buffer whose slot ${i} is not a position`);
    return w >> 2;
  };
  const pairs = [[BUF_BEGV, BUF_BEGV_BYTE], [BUF_PT, BUF_PT_BYTE], [BUF_ZV, BUF_ZV_BYTE], [BUF_Z, BUF_Z_BYTE], [BUF_GPT, BUF_GPT_BYTE]];
  for (const [c, b] of pairs) if (pos(b!) < pos(c!)) objErr(at, 'is a buffer with a byte position before its character position');
  if (!(pos(BUF_BEGV) <= pos(BUF_PT) && pos(BUF_PT) <= pos(BUF_ZV) && pos(BUF_ZV) <= pos(BUF_Z) && pos(BUF_GPT) <= pos(BUF_Z) &&
    pos(BUF_BEGV_BYTE) <= pos(BUF_PT_BYTE) && pos(BUF_PT_BYTE) <= pos(BUF_ZV_BYTE) && pos(BUF_ZV_BYTE) <= pos(BUF_Z_BYTE) &&
    pos(BUF_GPT_BYTE) <= pos(BUF_Z_BYTE)))
    objErr(at, 'is a buffer whose positions are out of order');
  for (const i of [BUF_MODIFF, BUF_CHARS_MODIFF, BUF_SAVE_MODIFF, BUF_AUTOSAVE_MODIFF]) if ((slot(i) & 3) !== 2) objErr(at, 'is a buffer whose ticks are not fixnums');
  const text = slot(BUF_TEXT);
  const tw = (text & ~7) >>> 2;
  if ((text & 7) !== 4 || tw < base || tw >= end) objErr(at, 'is a buffer whose text is not a string of the dump');
  if (m[tw + STR_NBYTES] !== -1 || m[tw + STR_NCHARS]! < pos(BUF_Z_BYTE) - 1)
    objErr(at, 'is a buffer whose text is not a unibyte string long enough');
  // The marker chain: a proper list of this buffer's markers (its length bounded by the image size).
  const self = ((base + at) << 2) | 5;
  let l = slot(BUF_MARKERS);
  for (let n = 0; l !== 0; n++) {
    if ((l & 7) !== 3 || n > m.length) objErr(at, 'is a buffer whose marker chain is not a list');
    const cw = (l & ~7) >>> 2;
    const mk = dumpVectorlike(m, m[cw]!, PVEC_MARKER);
    if (mk < 0 || m[mk + 1 + MARKER_BUFFER] !== self) objErr(at, 'is a buffer whose marker chain holds a stranger');
    if (m[mk + 1 + MARKER_CHARPOS]! >> 2 > pos(BUF_Z) || m[mk + 1 + MARKER_BYTEPOS]! >> 2 > pos(BUF_Z_BYTE))
      objErr(at, 'is a buffer with a marker past its end');
    l = m[cw + 1]!;
  }
}

function checkHashTable(m: Int32Array, base: number, tb: number, objErr: (off: number, what: string) => never,
  V: VerifyKernel | null = null): void {
  const at = tb - 1 - base;
  const part = (slot: number, name: string): number => {
    const v = vectorAt(m, m[tb + slot]!);
    return v >= 0 ? v : objErr(at, `is a hash table whose ${name} (0x${(m[tb + slot]! >>> 0).toString(16)}) is not a vector`);
  };
  const kv = part(HT_KV, 'key-value vector');
  const hash = part(HT_HASH, 'hash vector');
  const next = part(HT_NEXT, 'next vector');
  const index = part(HT_INDEX, 'index vector');
  const size = m[hash]! & PVEC_SIZE_MASK;
  if ((m[kv]! & PVEC_SIZE_MASK) !== 2 * size || (m[next]! & PVEC_SIZE_MASK) !== size || (m[index]! & PVEC_SIZE_MASK) < 1)
    objErr(at, 'is a hash table whose vectors disagree in size');
  const count = m[tb + HT_COUNT]!;
  const free = m[tb + HT_NEXT_FREE]!;
  if ((count & 3) !== 2 || count >> 2 < 0 || count >> 2 > size || (free & 3) !== 2 || free >> 2 < -1 || free >> 2 >= size)
    objErr(at, 'is a hash table whose count or free list is out of range');
  if (m[tb + HT_STALE] !== Qt) objErr(at, 'is a hash table not marked for rehashing');
  const buckets = m[index]! & PVEC_SIZE_MASK;
  // The three loops below as one kernel each (kernels.ts vfixnums: the same conditions) when the
  // kernels walked the image; the JS loops then run only to word a fault.
  if (V !== null && V.vfixnums((next + 1) << 2, size, -1, size, 0) === 0 &&
    V.vfixnums((hash + 1) << 2, size, -(1 << 30), 1 << 30, 1) === 0 && V.vfixnums((index + 1) << 2, buckets, -1, size, 1) === 0)
    return;
  for (let i = 0; i < size; i++) {
    const x = m[next + 1 + i]!;
    if ((x & 3) !== 2 || x >> 2 < -1 || x >> 2 >= size) objErr(at, 'is a hash table whose chains leave it');
  }
  // The collector marks the hash and index vectors without reading them, so they must hold no
  // pointer: a forged one would let a word escape both the mark and the relocation check.
  for (let i = 0; i < size; i++) {
    const x = m[hash + 1 + i]!;
    if ((x & 3) !== 2 && x !== Qnil) objErr(at, 'is a hash table whose hash vector holds a non-number');
  }
  for (let i = 0; i < buckets; i++) {
    const x = m[index + 1 + i]!;
    if (x !== Qnil && ((x & 3) !== 2 || x >> 2 < -1 || x >> 2 >= size)) objErr(at, 'is a hash table whose buckets leave it');
  }
}
