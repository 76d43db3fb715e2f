// A buffer's characters as the regexp engine reads them: decoded a window at a time, kept per world.
//
// The engine indexes an Int32Array of character codes by position - 1.
// Decoding the whole buffer for each search would make a loop of searches and
// replacements quadratic, so only a window [lo, hi) is decoded, grown on
// demand (the engine reports when a search wanted more: Matcher.edge), and
// kept for the last buffer searched until its text changes (chars-modified
// tick and the gap's shape, which any edit changes).

import { charLenAt, readChar } from '../core/character.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { BUF_CHARS_MODIFF, BUF_GPT_BYTE, BUF_Z, BUF_Z_BYTE } from '../heap/layout.ts';
import { bint, gapSize, onKillBuffer, textBase } from './buffer.ts';
import { charToByte } from './marker.ts';
import { Latin1Text } from './regex-emacs.ts';

/** Decoded text of a buffer: chars[i] is the character at position i + 1, for lo <= i < hi. */
export interface BufferText {
  b: number;
  tick: number;
  z: number;
  zb: number;
  gpt: number;
  base: number;
  chars: Int32Array;
  lo: number;
  hi: number;
  /** 1-based byte positions of the characters at lo and hi (so growing the window walks nothing). */
  loB: number;
  hiB: number;
  /** Windows asked of this same text: from the second on, a request outside the window decodes it all. */
  uses: number;
  /** The text as Latin-1 strings for the regexp engine's literal search, once it is decoded whole (latinText). */
  latin: Latin1Text | null;
}

const cacheOf = defineWorldState<{ last: BufferText | null }>(() => ({ last: null }));
// A killed buffer may be collected and its address and text storage reused by a new buffer whose
// ticks happen to agree: the window must not outlive the buffer.
onKillBuffer((rt, b) => {
  const st = cacheOf(rt);
  if (st.last?.b === b) st.last = null;
});

/**
 * Buffer B's text with at least [LO, HI) (0-based, clipped to the text) decoded. MORE: the same
 * search asks again for a wider window (it does not count as another use of the text).
 *
 * After an edit only a window is decoded, so a loop of searches and replacements stays linear.
 * Text that is searched again unchanged and needs more than the window is decoded whole, once:
 * a loop of searches over unchanged text then costs one pass of decoding, not one per search
 * (decoding a window per search, and re-searching as it grew, was most of a search's time).
 */
export function bufferWindow(rt: Runtime, b: number, lo: number, hi: number, more = false): BufferText {
  const st = cacheOf(rt);
  const tick = bint(rt, b, BUF_CHARS_MODIFF);
  const z = bint(rt, b, BUF_Z);
  const zb = bint(rt, b, BUF_Z_BYTE);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const base = textBase(rt, b);
  lo = Math.max(0, lo);
  hi = Math.min(z - 1, hi);
  let c = st.last;
  if (!c || c.b !== b || c.tick !== tick || c.z !== z || c.zb !== zb || c.gpt !== gpt || c.base !== base) {
    // Keep the array when it is big enough: the text changed, its size hardly.
    const chars = c && c.chars.length >= z - 1 && c.chars.length <= 2 * z + 1024 ? c.chars : new Int32Array(z - 1 + 1024);
    c = { b, tick, z, zb, gpt, base, chars, lo: 0, hi: 0, loB: 1, hiB: 1, uses: 0, latin: null };
    st.last = c;
  }
  if (!more) c.uses++;
  if (lo >= hi || (lo >= c.lo && hi <= c.hi)) return c;
  if (c.uses > 1 || c.lo >= c.hi || hi < c.lo || lo > c.hi) {
    if (c.uses > 1) {
      lo = 0;
      hi = z - 1;
      c.hiB = decode(rt, c, 0, hi, 1);
      c.loB = 1;
    } else {
      // Nothing usable (or disjoint): decode just the window asked for.
      c.loB = charToByte(rt, b, lo + 1);
      c.hiB = decode(rt, c, lo, hi, c.loB);
    }
    c.lo = lo;
    c.hi = hi;
    return c;
  }
  if (lo < c.lo) {
    const from = byteBack(rt, c, c.loB, c.lo - lo);
    decode(rt, c, lo, c.lo, from);
    c.lo = lo;
    c.loB = from;
  }
  if (hi > c.hi) {
    c.hiB = decode(rt, c, c.hi, hi, c.hiB);
    c.hi = hi;
  }
  return c;
}

/** C's text as Latin-1 strings (made on demand), when all of it is decoded; else null. */
export function latinText(c: BufferText): Latin1Text | null {
  if (c.lo > 0 || c.hi < c.z - 1) return null;
  return (c.latin ??= new Latin1Text(c.chars, c.z - 1));
}

/** The whole of buffer B's text decoded. */
export function bufferChars(rt: Runtime, b: number): Int32Array {
  return bufferWindow(rt, b, 0, bint(rt, b, BUF_Z) - 1).chars;
}

/** The 1-based byte position N characters before byte position BP of C's buffer. */
function byteBack(rt: Runtime, c: BufferText, bp: number, n: number): number {
  if (c.z === c.zb) return bp - n;
  const u8 = rt.u8;
  const gap = gapSize(rt, c.b);
  while (n > 0) {
    bp--;
    const x = u8[bp < c.gpt ? c.base + bp - 1 : c.base + bp - 1 + gap]!;
    // A character starts at any byte that is not a continuation byte.
    if ((x & 0xc0) !== 0x80) n--;
  }
  return bp;
}

/** Decode characters [FROM, TO) (0-based), starting at 1-based byte position BP, into C.chars; gives the byte position of TO. */
function decode(rt: Runtime, c: BufferText, from: number, to: number, bp: number): number {
  const u8 = rt.u8;
  const chars = c.chars;
  const gap = gapSize(rt, c.b);
  const gptB = c.gpt;
  const base = c.base;
  if (c.z === c.zb) {
    // All ASCII: position = byte position, a copy on each side of the gap.
    const split = Math.min(Math.max(gptB - 1, from), to);
    if (split > from) chars.set(u8.subarray(base + from, base + split), from);
    if (to > split) chars.set(u8.subarray(base + split + gap, base + to + gap), split);
    return to + 1;
  }
  // The gap never splits a character: decode up to it, then past it.
  let i = from;
  for (let side = 0; side < 2 && i < to; side++) {
    const before = side === 0 && bp < gptB;
    if (side === 0 && !before) continue;
    const off = before ? base - 1 : base - 1 + gap;
    const stop = before ? gptB : 0x7fffffff;
    let addr = bp + off;
    const lim = stop + off;
    while (i < to && addr < lim) {
      const x = u8[addr]!;
      if (x < 0x80) {
        chars[i++] = x;
        addr++;
      } else {
        chars[i++] = readChar(u8, addr);
        addr += charLenAt(x);
      }
    }
    bp = addr - off;
  }
  return bp;
}
