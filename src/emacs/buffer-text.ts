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
}

const cacheOf = defineWorldState<{ last: BufferText | null }>(() => ({ last: null }));
// A killed buffer may be collected and its address and text storage reused by a new buffer whose
// ticks happen to agree: the window must not outlive the buffer.
onKillBuffer((rt, b) => {
  const st = cacheOf(rt);
  if (st.last?.b === b) st.last = null;
});

/** Buffer B's text with at least [LO, HI) (0-based, clipped to the text) decoded. */
export function bufferWindow(rt: Runtime, b: number, lo: number, hi: number): BufferText {
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
    c = { b, tick, z, zb, gpt, base, chars, lo: 0, hi: 0 };
    st.last = c;
  }
  if (lo >= hi) return c;
  if (c.lo >= c.hi || hi < c.lo || lo > c.hi) {
    // Nothing usable (or disjoint): decode just the window asked for.
    decode(rt, c, lo, hi);
    c.lo = lo;
    c.hi = hi;
    return c;
  }
  if (lo < c.lo) {
    decode(rt, c, lo, c.lo);
    c.lo = lo;
  }
  if (hi > c.hi) {
    decode(rt, c, c.hi, hi);
    c.hi = hi;
  }
  return c;
}

/** The whole of buffer B's text decoded. */
export function bufferChars(rt: Runtime, b: number): Int32Array {
  return bufferWindow(rt, b, 0, bint(rt, b, BUF_Z) - 1).chars;
}

/** Decode characters [FROM, TO) (0-based) of C's buffer into C.chars. */
function decode(rt: Runtime, c: BufferText, from: number, to: number): void {
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
    return;
  }
  // 1-based byte position of FROM; the gap never splits a character.
  let bp = charToByte(rt, c.b, from + 1);
  for (let i = from; i < to; i++) {
    const addr = bp < gptB ? base + bp - 1 : base + bp - 1 + gap;
    const x = u8[addr]!;
    if (x < 0x80) {
      chars[i] = x;
      bp++;
    } else {
      chars[i] = readChar(u8, addr);
      bp += charLenAt(x);
    }
  }
}
