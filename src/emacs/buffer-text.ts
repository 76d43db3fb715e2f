// A buffer's characters as the regexp engine reads them: decoded once per change of the text, kept per world.
//
// The engine indexes an Int32Array of character codes. Decoding a buffer for
// each search would make a loop of searches quadratic, so the decoded text of
// the last buffer searched is kept, keyed by the buffer, its chars-modified
// tick and the gap's shape (a change the tick misses still moves those), and
// reused until the text changes. Index I holds the character at position I+1.

import { charLenAt, readChar } from '../core/character.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { BUF_CHARS_MODIFF, BUF_GPT_BYTE, BUF_Z, BUF_Z_BYTE } from '../heap/layout.ts';
import { bint, gapSize, textBase } from './buffer.ts';

interface Decoded {
  b: number;
  tick: number;
  z: number;
  zb: number;
  gpt: number;
  base: number;
  chars: Int32Array;
}

const cacheOf = defineWorldState<{ last: Decoded | null }>(() => ({ last: null }));

/** The characters of buffer B, index = position - 1 (not to be modified by the caller). */
export function bufferChars(rt: Runtime, b: number): Int32Array {
  const st = cacheOf(rt);
  const tick = bint(rt, b, BUF_CHARS_MODIFF);
  const z = bint(rt, b, BUF_Z);
  const zb = bint(rt, b, BUF_Z_BYTE);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const base = textBase(rt, b);
  const c = st.last;
  if (c && c.b === b && c.tick === tick && c.z === z && c.zb === zb && c.gpt === gpt && c.base === base) return c.chars;
  const chars = new Int32Array(z - 1);
  const u8 = rt.u8;
  const gap = gapSize(rt, b);
  if (z === zb) {
    // All ASCII: one char per byte, a copy on each side of the gap.
    chars.set(u8.subarray(base, base + gpt - 1), 0);
    chars.set(u8.subarray(base + gpt - 1 + gap, base + zb - 1 + gap), gpt - 1);
  } else {
    let i = 0;
    // The gap never splits a character, so each side decodes on its own.
    const part = (from: number, to: number): void => {
      let p = from;
      while (p < to) {
        const x = u8[p]!;
        if (x < 0x80) {
          chars[i++] = x;
          p++;
        } else {
          chars[i++] = readChar(u8, p);
          p += charLenAt(x);
        }
      }
    };
    part(base, base + gpt - 1);
    part(base + gpt - 1 + gap, base + zb - 1 + gap);
  }
  st.last = { b, tick, z, zb, gpt, base, chars };
  return chars;
}
