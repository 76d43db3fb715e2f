// The maps of the big multi-byte charsets (JIS, GB, Big5, KS C, the code pages), read from
// etc/mule-maps.txt (recorded from GNU Emacs 28.2 by scripts/gen-mule-maps.el) the first time
// a charset's map is needed, so neither start-up nor the dumped image carries them.
//
// lisp/mule.el asks through three primitives: whether a charset has a map here, the character
// of a code, and the code of a character. A charset with a code offset (japanese-jisx0208...)
// gives its offset character where the map has none; that is mule.el's part.

import { readKeyedLines } from './etc-files.ts';
import type { Runtime } from '../core/runtime.ts';
import { integerp, integerValue, makeInteger, symbolNameJs, symbolp } from '../core/object.ts';
import { DEFUN } from '../core/subr.ts';
import { Qnil, Qt } from '../core/symbols.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';

/** The charsets the file has a line for (scripts/gen-mule-maps.el's list). */
const MAPPED = new Set([
  'chinese-gb2312', 'chinese-gbk', 'big5', 'japanese-jisx0208', 'japanese-jisx0208-1978',
  'japanese-jisx0212', 'japanese-jisx0213-1', 'japanese-jisx0213-2', 'japanese-jisx0213-a',
  'cp932-2-byte', 'korean-ksc5601', 'cp949-2-byte', 'gb18030-2-byte', 'gb18030-4-byte-bmp',
  'big5-hkscs', 'chinese-cns11643-1', 'chinese-cns11643-2', 'chinese-cns11643-3',
  'chinese-cns11643-4', 'chinese-cns11643-5', 'chinese-cns11643-6', 'chinese-cns11643-7',
  'chinese-big5-1', 'chinese-big5-2',
]);


/** One charset's map: its code space and the character of each place in it (0: none). */
interface CharsetMap {
  lo: number[];
  size: number[];
  chars: Int32Array;
  codes: Map<number, number>;
}

let lines: Map<string, string> | null = null;
const maps = new Map<string, CharsetMap>();

/** Whether the file has been read yet (start-up must leave it alone). */
export const muleMapsRead = (): boolean => lines !== null;

function fileLines(rt: Runtime): Map<string, string> {
  if (lines !== null) return lines;
  const m = readKeyedLines(rt, 'mule-maps.txt');
  lines = m;
  return m;
}

/** The code at place IDX of the code space (lowest byte varying fastest). */
function codeAt(t: CharsetMap, idx: number): number {
  let code = 0;
  let mul = 1;
  for (let b = 0; b < t.lo.length; b++) {
    code += (t.lo[b]! + (idx % t.size[b]!)) * mul;
    idx = Math.floor(idx / t.size[b]!);
    mul *= 256;
  }
  return code;
}

/** The place of CODE in the code space, or -1 when it lies outside. */
function placeOf(t: CharsetMap, code: number): number {
  let idx = 0;
  let mul = 1;
  for (let b = 0; b < t.lo.length; b++) {
    const v = code % 256 - t.lo[b]!;
    if (v < 0 || v >= t.size[b]!) return -1;
    idx += v * mul;
    mul *= t.size[b]!;
    code = Math.floor(code / 256);
  }
  return code === 0 ? idx : -1;
}

function mapOf(rt: Runtime, name: string): CharsetMap {
  const have = maps.get(name);
  if (have) return have;
  const all = fileLines(rt);
  const line = all.get(name) ?? '';
  const sp = line.indexOf(' ');
  const space = line.slice(0, sp).split(',').map(Number);
  const lo: number[] = [];
  const size: number[] = [];
  let total = 1;
  for (let i = 0; i < space.length; i += 2) {
    lo.push(space[i]!);
    size.push(space[i + 1]! - space[i]! + 1);
    total *= space[i + 1]! - space[i]! + 1;
  }
  const t: CharsetMap = { lo, size, chars: new Int32Array(total), codes: new Map() };
  const text = line.slice(sp + 1);
  let idx = 0;
  for (let i = 0; i < text.length;) {
    const c = text.codePointAt(i)!;
    if (c === 1) {
      const semi = text.indexOf(';', i);
      idx += Number(text.slice(i + 1, semi));
      i = semi + 1;
      continue;
    }
    t.chars[idx] = c;
    if (!t.codes.has(c)) t.codes.set(c, codeAt(t, idx));
    idx++;
    i += c > 0xffff ? 2 : 1;
  }
  const exceptions = (all.get('=' + name) ?? '').split(' ').filter((f) => f !== '');
  for (let i = 0; i + 1 < exceptions.length; i += 2) {
    const c = parseInt(exceptions[i]!, 16);
    if (exceptions[i + 1] === '-') t.codes.delete(c);
    else t.codes.set(c, parseInt(exceptions[i + 1]!, 16));
  }
  maps.set(name, t);
  return t;
}

/** The character CODE decodes to in charset NAME's map, or -1 (JS callers). */
export function mapDecode(rt: Runtime, name: string, code: number): number {
  const t = mapOf(rt, name);
  const idx = placeOf(t, code);
  return idx < 0 ? -1 : t.chars[idx]! || -1;
}

/** The code of C in charset NAME's map, or -1 (JS callers). */
export function mapEncode(rt: Runtime, name: string, c: number): number {
  return mapOf(rt, name).codes.get(c) ?? -1;
}

const nameOf = (rt: Runtime, charset: number): string | null =>
  symbolp(charset) && MAPPED.has(symbolNameJs(rt, charset)) ? symbolNameJs(rt, charset) : null;

DEFUN('mule--map-p', 1, 1, 'Tell whether charset CHARSET (its own name, not an alias) has a recorded map of its characters.', (rt, charset: number) =>
  nameOf(rt, charset) === null ? Qnil : Qt);

DEFUN('mule--map-decode', 2, 2, 'Give the character that code CODE has in the recorded map of CHARSET, or nil.', (rt, charset: number, code: number) => {
  const name = nameOf(rt, charset);
  if (name === null || !integerp(rt, code)) return Qnil;
  const c = mapDecode(rt, name, Number(integerValue(rt, code)));
  return c < 0 ? Qnil : makeFixnum(c);
});

DEFUN('mule--map-encode', 2, 2, 'Give the code that character CHAR has in the recorded map of CHARSET, or nil.', (rt, charset: number, ch: number) => {
  const name = nameOf(rt, charset);
  if (name === null || !isFixnum(ch)) return Qnil;
  const code = mapEncode(rt, name, fixnumValue(ch));
  return code < 0 ? Qnil : makeInteger(rt, code);
});
