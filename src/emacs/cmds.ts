// Point-moving and deleting commands (GNU cmds.c), and skip-chars-forward/backward.

import type { Runtime } from '../core/runtime.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { cons, makeString, stringChars, stringp } from '../core/object.ts';
import { DEFSYM, Qnil, Qstringp } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { BUF_BEGV, BUF_PT, BUF_ZV } from '../heap/layout.ts';
import { bint, currentBuffer } from './buffer.ts';
import { positionValue } from './marker.ts';
import { deleteRange } from './insdel.ts';
import { charAt, setPoint } from './editfns.ts';
import { charInClass, type RegexTables } from './regex-emacs.ts';
import { regexTables } from './search.ts';

const Qbeginning_of_buffer = DEFSYM('beginning-of-buffer');
const Qend_of_buffer = DEFSYM('end-of-buffer');
const Qfixnump = DEFSYM('fixnump');

const countArg = (rt: Runtime, n: number): number => {
  if (n === Qnil) return 1;
  if (!isFixnum(n)) wrongTypeArgument(rt, Qfixnump, n);
  return fixnumValue(n);
};

/** Move point by N characters; past an end, stop there and signal as GNU's move_point does. */
function movePoint(rt: Runtime, n: number): number {
  const b = currentBuffer(rt);
  const target = bint(rt, b, BUF_PT) + n;
  if (target < bint(rt, b, BUF_BEGV)) {
    setPoint(rt, bint(rt, b, BUF_BEGV));
    xsignal(Qbeginning_of_buffer, Qnil);
  }
  if (target > bint(rt, b, BUF_ZV)) {
    setPoint(rt, bint(rt, b, BUF_ZV));
    xsignal(Qend_of_buffer, Qnil);
  }
  setPoint(rt, target);
  return Qnil;
}

DEFUN('forward-char', 0, 1, 'Move point N characters forward (back when N is negative); at either end of the accessible part, signal.',
  (rt, n: number) => movePoint(rt, countArg(rt, n)), '^p');
DEFUN('backward-char', 0, 1, 'Move point N characters back (forward when N is negative); at either end of the accessible part, signal.',
  (rt, n: number) => movePoint(rt, -countArg(rt, n)), '^p');

DEFUN('delete-char', 1, 2, 'Delete the N characters after point (before it when N is negative); signal at either end of the accessible part.',
  (rt, n: number) => {
    if (!isFixnum(n)) wrongTypeArgument(rt, Qfixnump, n);
    const k = fixnumValue(n);
    const b = currentBuffer(rt);
    const pt = bint(rt, b, BUF_PT);
    const to = pt + k;
    if (to < bint(rt, b, BUF_BEGV)) xsignal(Qbeginning_of_buffer, Qnil);
    if (to > bint(rt, b, BUF_ZV)) xsignal(Qend_of_buffer, Qnil);
    deleteRange(rt, Math.min(pt, to), Math.max(pt, to), false);
    return Qnil;
  }, 'p\nP');

// ---- skip-chars ------------------------------------------------------------------------------------

/** A skip-chars set: ranges, [:class:]es, maybe negated by a leading ^. */
interface SkipSet {
  negated: boolean;
  ranges: number[];
  classes: string[];
}

function parseSkipSet(rt: Runtime, s: number): SkipSet {
  const cs = stringChars(rt, s);
  const set: SkipSet = { negated: false, ranges: [], classes: [] };
  let i = 0;
  if (cs[0] === 0x5e) {
    set.negated = true;
    i = 1;
  }
  while (i < cs.length) {
    let c = cs[i]!;
    if (c === 0x5b && cs[i + 1] === 0x3a) {
      // [:name:]
      let j = i + 2;
      while (j + 1 < cs.length && !(cs[j] === 0x3a && cs[j + 1] === 0x5d)) j++;
      if (j + 1 < cs.length) {
        const name = String.fromCharCode(...cs.slice(i + 2, j));
        if (!CLASSES.has(name)) xsignal(DEFSYM('error'), consStr(rt, 'Invalid ISO C character class'));
        set.classes.push(name);
        i = j + 2;
        continue;
      }
    }
    if (c === 0x5c) {
      i++;
      if (i >= cs.length) break;
      c = cs[i]!;
    }
    i++;
    if (cs[i] === 0x2d && i + 1 < cs.length) {
      let d = cs[i + 1]!;
      i += 2;
      if (d === 0x5c && i < cs.length) d = cs[i++]!;
      if (c <= d) set.ranges.push(c, d);
      continue;
    }
    set.ranges.push(c, c);
  }
  return set;
}

const consStr = (rt: Runtime, msg: string): number => cons(rt, makeString(rt, msg), Qnil);

const CLASSES = new Set(['alpha', 'alnum', 'digit', 'xdigit', 'space', 'upper', 'lower', 'punct', 'blank', 'cntrl',
  'graph', 'print', 'word', 'ascii', 'nonascii', 'multibyte', 'unibyte']);

/** Whether C is in SET; its [:class:]es are the regexp engine's (the syntax table decides space, word, punct). */
function inSet(t: RegexTables, set: SkipSet, c: number): boolean {
  let r = false;
  const rs = set.ranges;
  for (let i = 0; i < rs.length; i += 2) if (c >= rs[i]! && c <= rs[i + 1]!) {
    r = true;
    break;
  }
  // Here GNU counts chars below 256 as unibyte, where its regexps count ASCII only.
  if (!r) for (const k of set.classes) if (k === 'multibyte' ? c >= 0x100 : k === 'unibyte' ? c < 0x100 : charInClass(t, k, c)) {
    r = true;
    break;
  }
  return r !== set.negated;
}

function skipChars(rt: Runtime, string: number, lim: number, forward: boolean): number {
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const b = currentBuffer(rt);
  const lo = bint(rt, b, BUF_BEGV);
  const hi = bint(rt, b, BUF_ZV);
  let limit = lim === Qnil ? (forward ? hi : lo) : positionValue(rt, lim);
  limit = Math.max(lo, Math.min(hi, limit));
  const set = parseSkipSet(rt, string);
  const start = bint(rt, b, BUF_PT);
  let p = start;
  const t = regexTables(rt);
  if (forward) while (p < limit && inSet(t, set, charAt(rt, p))) p++;
  else while (p > limit && inSet(t, set, charAt(rt, p - 1))) p--;
  setPoint(rt, p);
  return makeFixnum(p - start);
}

DEFUN('skip-chars-forward', 1, 2, 'Move point forward over the characters STRING describes (as inside [...] of a regexp, without brackets), stopping at LIM; give the distance moved.',
  (rt, string: number, lim: number) => skipChars(rt, string, lim, true));
DEFUN('skip-chars-backward', 1, 2, 'Move point back over the characters STRING describes, stopping at LIM; give the distance moved (zero or negative).',
  (rt, string: number, lim: number) => skipChars(rt, string, lim, false));
