// Unicode character names to codes, as GNU Emacs 28.2's `char-from-name' finds them, from the packed table made by scripts/gen-ucs-names.mjs.
//
// The table is decoded on first use only (about 45,000 names): start-up and the dumped image
// carry none of it. The decoded map is the same for every runtime and never changes, so it is
// kept once per process.

import { readEtcFile } from './etc-files.ts';
import type { Runtime } from '../core/runtime.ts';
import { COMPUTED_NAMES, HANGUL_PARTS } from './ucs-names-data.ts';

/**
 * The packed names, etc/ucs-names.txt (GNU keeps such data in its etc/, `data-directory'):
 * outside the bundle, whose every byte each start-up reads, while few programs ever ask.
 * From the sources this file is in src/emacs/, in the bundle import.meta is the launcher's in dist/.
 */

let table: Map<string, number> | null = null;

/** Whether the table has been decoded yet (tests check that start-up leaves it alone). */
export const ucsTableDecoded = (): boolean => table !== null;

const DIGIT_BASE = 0x23;
const BACKSLASH = 0x5c;
const TERMINALS = 46;
const CONTINUATIONS = 45;

/** Every name GNU's `ucs-names' holds, to its code; the table's file is read the first time. */
export function ucsNameTable(rt: Runtime): Map<string, number> {
  if (table !== null) return table;
  const bytes = readEtcFile(rt, 'ucs-names.txt');
  const [wordLine, rec] = new TextDecoder().decode(bytes).split('\n') as [string, string];
  const words = wordLine.split(' ');
  const m = new Map<string, number>();
  let pos = 0;
  // The varints: digits are 0x23..0x7E without the backslash; the first 46 end a number.
  const next = (): number => {
    let p = 0;
    for (;;) {
      let d = rec.charCodeAt(pos++);
      if (d > BACKSLASH) d--;
      d -= DIGIT_BASE;
      if (d < TERMINALS) return p * TERMINALS + d;
      p = p * CONTINUATIONS + (d - TERMINALS) + 1;
    }
  };
  let prev: string[] = [];
  let code = -1;
  while (pos < rec.length) {
    const keep = next();
    const nd = next();
    const n = Math.floor(nd / 3);
    const d = nd % 3;
    code += d === 0 ? 1 : d === 1 ? 0 : next();
    const name = prev.slice(0, keep);
    for (let i = 0; i < n; i++) name.push(words[next()]!);
    m.set(name.join(' '), code);
    prev = name;
  }
  const [lead, vowel, trail] = HANGUL_PARTS as [readonly string[], readonly string[], readonly string[]];
  let s = 0xac00;
  for (const l of lead) for (const v of vowel) for (const t of trail) m.set(`HANGUL SYLLABLE ${l}${v}${t}`, s++);
  table = m;
  return m;
}

const HEX_NAME = /^(.*-)([0-9A-F]+)$/;

/**
 * The code NAME stands for, or -1 (GNU's `char-from-name'): a name of the table, or
 * PREFIX-HEX for the characters named by their code. IGNORE_CASE compares ASCII letters
 * without case (a name is all ASCII, so nothing else could match).
 */
export function charFromName(rt: Runtime, name: string, ignoreCase: boolean): number {
  const key = ignoreCase ? name.replace(/[a-z]+/g, (w) => w.toUpperCase()) : name;
  const direct = ucsNameTable(rt).get(key);
  if (direct !== undefined) return direct;
  const m = HEX_NAME.exec(key);
  if (m === null || m[2]!.length > 6) return -1;
  const code = parseInt(m[2]!, 16);
  // The name must be the one the character has: no leading zeros.
  if (code.toString(16).toUpperCase() !== m[2]) return -1;
  for (const [from, to, prefix] of COMPUTED_NAMES) if (code >= from && code <= to && prefix === m[1]) return code;
  return -1;
}
