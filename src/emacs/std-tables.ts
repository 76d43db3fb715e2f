// Rebuilds a char-table, trie shape included, from the packed form scripts/gen-std-tables.mjs records from GNU Emacs 28.2.
//
// The shape matters because a printed char-table shows it: rebuilding by ranges would merge
// sub-tables GNU keeps. The packing is described in the generator.

import { CHARTAB_ASCII, CHARTAB_CONTENTS, SUB_CHARTAB_CONTENTS } from '../heap/layout.ts';
import type { Runtime } from '../core/runtime.ts';
import { asciiOf, makeCharTable, makeSubCharTable } from './chartab.ts';

const CHARS = [65536, 4096, 128, 1];
const SIZE = [64, 16, 32, 128];
const base = (v: number): number => ((v & -8) >>> 2) + 1;

/**
 * A char-table of PURPOSE holding DATA; VALUE turns a value token (`*N` repeats already
 * expanded) into a Lisp value, given the first char its slot covers.
 */
export function decodeCharTable(rt: Runtime, purpose: number, data: string, value: (tok: string, first: number) => number): number {
  const toks = data.split(' ');
  let ti = 0;
  let pending = 0;
  let last = '';
  const next = (): string => {
    if (pending > 0) {
      pending--;
      return last;
    }
    let t = toks[ti++]!;
    if (t[0] === '*') {
      pending = Number(t.slice(1)) - 1;
      t = last;
    }
    if (t !== '[' && t !== ']') last = t;
    return t;
  };
  const fill = (slots: number, depth: number, min: number): void => {
    for (let k = 0; k < SIZE[depth]!; k++) {
      const first = min + k * CHARS[depth]!;
      const t = next();
      if (t === '[') {
        const sub = makeSubCharTable(rt, depth + 1, first, 0);
        rt.i32[slots + k] = sub;
        fill(base(sub) + SUB_CHARTAB_CONTENTS, depth + 1, first);
        if (next() !== ']') throw new Error('std-tables: malformed data');
      } else rt.i32[slots + k] = value(t, first);
    }
  };
  const ct = makeCharTable(rt, purpose, 0);
  fill(base(ct) + CHARTAB_CONTENTS, 0, 0);
  rt.i32[base(ct) + CHARTAB_ASCII] = asciiOf(rt, ct);
  return ct;
}
