// Searching buffers (the buffer half of GNU search.c): search-forward/backward, re-search-*, looking-at.
//
// Each command runs the regexp engine over the current buffer's decoded text
// (buffer-text.ts), 0-based: index I is position I+1. A literal search is a
// quoted regexp compiled without search-spaces-regexp. The match data record
// the buffer, so `match-data' gives markers (search.ts).

import { makeFixnum, schars } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qfixnump, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { fixnumValue, isFixnum } from '../heap/tags.ts';
import { BUF_BEGV, BUF_GPT_BYTE, BUF_MULTIBYTE, BUF_PT, BUF_Z, BUF_ZV, BUF_Z_BYTE } from '../heap/layout.ts';
import { stringp } from '../core/object.ts';
import { bint, bslot, currentBuffer, gapSize, textBase } from './buffer.ts';
import { bufferWindow, latinText } from './buffer-text.ts';
import { setPoint } from './editfns.ts';
import { positionValue } from './marker.ts';
import { propertySyntaxClass } from './syntax-scan.ts';
import type { CompiledRegexp, MatchText } from './regex-emacs.ts';
import { GAVE_UP } from './regex-kernel.ts';
import {
  caseFold, compilePattern, inhibitChanging, kernelSearch, lastRegisters, lastSearchEdge, searchText, setMatchData,
  withPosixMatching,
} from './search.ts';

const Qsearch_failed = DEFSYM('search-failed');
const EMPTY = new Int32Array(0);

/** STRING as a regexp matching it literally (remembered by its bytes, as regexps are). */
function literalPattern(rt: Runtime, string: number): CompiledRegexp {
  return compilePattern(rt, string, caseFold(rt), true);
}

const FIRST_WINDOW = 256;

/**
 * A buffer search's MatchText, every field set from the start in one order: fields added later
 * (lo, hi, syntaxAt by windowSearch) gave these objects several hidden classes, and the
 * matcher's reads of them went polymorphic.
 */
function bufferMatchText(begv: number, zv: number, pt: number): MatchText {
  return { chars: EMPTY, begv: begv - 1, zv: zv - 1, point: pt - 1, end: zv - 1, lo: 0, hi: 0, syntaxAt: null, latin: null };
}

/**
 * Search buffer B's text for RE from FROM to LIMIT (0-based, as Matcher.search): in all-ASCII
 * text (a multibyte buffer with as many bytes as chars) by the WebAssembly kernel, which reads
 * the bytes where they lie, nothing decoded (it takes no pattern that asks syntax classes, so
 * `syntax-table' properties do not matter to it); else, or when the kernel cannot take the
 * search, by windowSearch. Kept apart from windowSearch so that a program searching ASCII text
 * never runs (nor has V8 compile) the decoding path.
 */
function bufferSearch(rt: Runtime, b: number, re: CompiledRegexp, text: MatchText, from: number, limit: number): number {
  if (bint(rt, b, BUF_Z) === bint(rt, b, BUF_Z_BYTE) && bslot(rt, b, BUF_MULTIBYTE) !== Qnil) {
    const before = textBase(rt, b);
    const found = kernelSearch(rt, re, text, from, limit, bint(rt, b, BUF_GPT_BYTE) - 1, before, before + gapSize(rt, b));
    if (found !== GAVE_UP) return found;
  }
  return windowSearch(rt, b, re, text, from, limit);
}

/**
 * Search buffer B's text for RE from FROM to LIMIT (0-based, as Matcher.search),
 * decoding a window around FROM and growing it while the engine says it wanted more.
 */
function windowSearch(rt: Runtime, b: number, re: CompiledRegexp, text: MatchText, from: number, limit: number): number {
  const whole = bint(rt, b, BUF_Z) - 1;
  const readEnd = text.end ?? text.zv;
  text.syntaxAt = propertySyntaxClass(rt, b);
  // The first window is small: a search-and-replace loop finds its next match a line or so
  // away, and after each replacement the window is decoded anew (2,048 chars a round was most
  // of such a loop's time). A search that wants more grows it fourfold, so a long one re-scans
  // about a third more than it would at once.
  for (let w = FIRST_WINDOW; ; w *= 4) {
    // Assertions look one char either side of where they stand.
    const lo = limit >= from ? from - 1 : from - w;
    const hi = limit >= from ? Math.min(readEnd + 1, from + w) : readEnd + 1;
    const bt = bufferWindow(rt, b, lo, hi, w > FIRST_WINDOW);
    text.chars = bt.chars;
    text.lo = bt.lo;
    text.hi = bt.hi;
    text.latin = latinText(bt);
    const found = searchText(rt, re, text, from, limit);
    if (!lastSearchEdge(rt) || (bt.lo <= 0 && bt.hi >= whole)) return found;
  }
}

/** Starts tried by asciiLiteralSearch before it hands the rest of a search to the engine. */
const ASCII_SCAN_STARTS = 4096;

/**
 * A literal search (RE compiled from a string, its every char in `must', all ASCII) in buffer B
 * when all of B's text is ASCII (multibyte, Z = Z_BYTE): the bytes are compared where they lie,
 * either side of the gap, through RE's fold map when folding, with no decoding and no matcher.
 * Starts are tried from FROM towards LIMIT (0-based, as windowSearch); a match ends by END.
 * Gives the match's start (its registers set as the matcher would set them), -1 when there is
 * none, or -2 - S when it gave up after ASCII_SCAN_STARTS starts, S being the next start to try.
 * After each replacement in a search-and-replace loop the engine's way decoded a window of the
 * changed text into characters first (most of such a loop's time in buffer-search.el).
 */
function asciiLiteralSearch(rt: Runtime, b: number, re: CompiledRegexp, from: number, limit: number, end: number): number {
  const must = re.must!;
  const n = must.length;
  const fold = re.fold ? re.foldLow : null;
  const u8 = rt.u8;
  const gpt = bint(rt, b, BUF_GPT_BYTE) - 1;
  const before = textBase(rt, b);
  const after = before + gapSize(rt, b);
  const first = must[0]!;
  const step = limit >= from ? 1 : -1;
  // The last start whose match would end by END.
  const last = end - n;
  let s = from;
  if (step > 0) {
    if (limit > last) limit = last;
  } else if (s > last) s = last;
  for (let tried = 0; step > 0 ? s <= limit : s >= limit; s += step) {
    if (++tried > ASCII_SCAN_STARTS) return -2 - s;
    let c = u8[s < gpt ? before + s : after + s]!;
    if (fold !== null) c = fold[c]!;
    if (c !== first) continue;
    let k = 1;
    for (; k < n; k++) {
      const i = s + k;
      let d = u8[i < gpt ? before + i : after + i]!;
      if (fold !== null) d = fold[d]!;
      if (d !== must[k]) break;
    }
    if (k === n) {
      const regs = lastRegisters(rt);
      regs[0] = s;
      regs[1] = s + n;
      return s;
    }
  }
  return -1;
}

/** Whether a literal search for STRING compiled as RE may go through asciiLiteralSearch in buffer B. */
function asciiLiteralOk(rt: Runtime, b: number, re: CompiledRegexp, string: number): boolean {
  const must = re.must;
  if (must === null || !re.mustPrefix || re.nsub !== 0 || must.length !== schars(rt, string) || (re.fold && re.foldLow === null)) return false;
  if (bslot(rt, b, BUF_MULTIBYTE) === Qnil || bint(rt, b, BUF_Z) !== bint(rt, b, BUF_Z_BYTE)) return false;
  for (let k = 0; k < must.length; k++) if (must[k]! >= 0x80) return false;
  return true;
}

/** GNU's search_command: DIRECTION 1 or -1, REGEXP false for a literal STRING. */
function searchCommand(rt: Runtime, string: number, bound: number, noerror: number, count: number, direction: number, regexp: boolean): number {
  let n = direction;
  if (count !== Qnil) {
    if (!isFixnum(count)) wrongTypeArgument(rt, Qfixnump, count);
    n *= fixnumValue(count);
  }
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const b = currentBuffer(rt);
  const pt = bint(rt, b, BUF_PT);
  const begv = bint(rt, b, BUF_BEGV);
  const zv = bint(rt, b, BUF_ZV);
  let lim: number;
  if (bound === Qnil) lim = n > 0 ? zv : begv;
  else {
    lim = positionValue(rt, bound);
    if (n > 0 ? lim < pt : lim > pt) error(rt, 'Invalid search bound (wrong side of point)');
    lim = Math.min(Math.max(lim, begv), zv);
  }
  const re = regexp ? compilePattern(rt, string) : literalPattern(rt, string);
  const record = !inhibitChanging(rt);
  if (n === 0) {
    // No search at all: an empty match at point.
    if (record) setMatchData(rt, b, [pt, pt], 1);
    return makeFixnum(pt);
  }
  const text = bufferMatchText(begv, zv, pt);
  const ascii = !regexp && asciiLiteralOk(rt, b, re, string);
  let pos = pt - 1;
  let ok = true;
  while (n !== 0) {
    // Forward, a match ends by the bound; backward, by where this round starts.
    text.end = n > 0 ? lim - 1 : pos;
    let from = pos;
    let found = -1;
    if (ascii) {
      found = asciiLiteralSearch(rt, b, re, pos, lim - 1, text.end);
      if (found < -1) from = -2 - found;
    }
    if (found < -1 || !ascii) found = bufferSearch(rt, b, re, text, from, lim - 1);
    if (found < 0) {
      ok = false;
      break;
    }
    const regs = lastRegisters(rt);
    if (record) setMatchData(rt, b, regs, re.nsub + 1, 1);
    if (n > 0) {
      pos = regs[1]!;
      n--;
    } else {
      pos = regs[0]!;
      n++;
    }
  }
  if (!ok) {
    if (noerror === Qnil) xsignal1(rt, Qsearch_failed, string);
    if (noerror !== Qt) setPoint(rt, lim);
    return Qnil;
  }
  setPoint(rt, pos + 1);
  return makeFixnum(pos + 1);
}

const searchDoc = (what: string, dir: string): string =>
  `Search ${dir} from point for ${what}, leaving point at the ${dir === 'forward' ? 'end' : 'beginning'} of the match and giving that position.\n` +
  'BOUND limits the search; NOERROR nil signals `search-failed\' on failure, t gives nil, anything else gives nil and moves to the bound; ' +
  'COUNT repeats the search (negative: in the other direction).';

DEFUN('search-forward', 1, 4, searchDoc('STRING', 'forward'),
  (rt, s: number, bound: number, noerror: number, count: number) => searchCommand(rt, s, bound, noerror, count, 1, false), 'MSearch: ');
DEFUN('search-backward', 1, 4, searchDoc('STRING', 'backward'),
  (rt, s: number, bound: number, noerror: number, count: number) => searchCommand(rt, s, bound, noerror, count, -1, false), 'MSearch backward: ');
DEFUN('re-search-forward', 1, 4, searchDoc('a match of REGEXP', 'forward'),
  (rt, s: number, bound: number, noerror: number, count: number) => searchCommand(rt, s, bound, noerror, count, 1, true), 'sRE search: ');
DEFUN('re-search-backward', 1, 4, searchDoc('a match of REGEXP', 'backward'),
  (rt, s: number, bound: number, noerror: number, count: number) => searchCommand(rt, s, bound, noerror, count, -1, true), 'sRE search backward: ');

/** GNU's looking_at_1: does REGEXP match at point? */
function lookingAt(rt: Runtime, regexp: number, modify: boolean): number {
  if (!stringp(regexp)) wrongTypeArgument(rt, Qstringp, regexp);
  const re = compilePattern(rt, regexp);
  const b = currentBuffer(rt);
  const pt = bint(rt, b, BUF_PT);
  const begv = bint(rt, b, BUF_BEGV);
  const zv = bint(rt, b, BUF_ZV);
  const text = bufferMatchText(begv, zv, pt);
  const found = bufferSearch(rt, b, re, text, pt - 1, pt - 1);
  if (found < 0) return Qnil;
  if (modify && !inhibitChanging(rt)) setMatchData(rt, b, lastRegisters(rt), re.nsub + 1, 1);
  return Qt;
}

DEFUN('posix-looking-at', 1, 1,
  'Give t when text after point matches REGEXP, recording the longest such match (as POSIX asks) in the match data.',
  (rt, regexp: number) => withPosixMatching(rt, () => lookingAt(rt, regexp, true)));

DEFUN('posix-search-forward', 1, 4, searchDoc('the longest match (by POSIX rules) of REGEXP', 'forward'),
  (rt, s: number, bound: number, noerror: number, count: number) => withPosixMatching(rt, () => searchCommand(rt, s, bound, noerror, count, 1, true)),
  'sPosix search: ');
DEFUN('posix-search-backward', 1, 4, searchDoc('the longest match (by POSIX rules) of REGEXP', 'backward'),
  (rt, s: number, bound: number, noerror: number, count: number) => withPosixMatching(rt, () => searchCommand(rt, s, bound, noerror, count, -1, true)),
  'sPosix search backward: ');

DEFUN('looking-at', 1, 1,
  'Give t when text after point matches REGEXP, and set the match data to the match.',
  (rt, regexp: number) => lookingAt(rt, regexp, true));

