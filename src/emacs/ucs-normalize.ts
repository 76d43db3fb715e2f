// Unicode normalization (NFD, NFC, NFKD, NFKC and the HFS+ variants) as GNU Emacs 28.2's
// ucs-normalize library computes it, for lisp/ucs-normalize.el.
//
// The host's String.prototype.normalize gives each character's decomposition and tells which
// pairs compose; the ordering and composing are done here, the way GNU's answers show (found by
// running GNU over every character and over Unicode's NormalizationTest.txt):
// - GNU's tables only cover part of the code space (below U+11100, U+1D000-1D7FF, U+1F100-1F2FF
//   and U+2F800-2FA1F). A character outside them, or one unassigned in GNU's Unicode data, is
//   left as it is and nothing composes with it.
// - Marks are put in order only within a piece of text made of one character and the known
//   combining marks after it (see decomposeText), so a mark GNU does not know (U+16FF0,
//   U+1E944, ...) starts a new piece, and so does a character of class 0 whose decomposition
//   begins with a mark (U+0F73).
// - The HFS+ forms leave U+2000-2FFF, U+F900-FAFF and U+2F800-2FAFF alone, though the
//   combining marks among them are still put in order, and their decomposed form composes
//   pairs whose composite lies there (U+2203 U+0338 gives U+2204).

import type { Runtime } from '../core/runtime.ts';
import { cons, list, makeStringFromChars, stringChars, stringMultibyte } from '../core/object.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qnil, Qstringp } from '../core/symbols.ts';
import { Lisp_String, makeFixnum } from '../heap/tags.ts';
import { charPropertyText } from './charprop.ts';

const Qnfd = DEFSYM('nfd');
const Qnfc = DEFSYM('nfc');
const Qnfkd = DEFSYM('nfkd');
const Qucs_normalize_form_p = DEFSYM('ucs-normalize-form-p');
const Qnfkc = DEFSYM('nfkc');

const inGnuTables = (c: number): boolean =>
  c < 0x11100 || (c >= 0x1d000 && c < 0x1d800) || (c >= 0x1f100 && c < 0x1f300) || (c >= 0x2f800 && c < 0x2fa20);

const keptByHfs = (c: number): boolean =>
  (c >= 0x2000 && c <= 0x2fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2faff);

const combiningClass = (rt: Runtime, c: number): number => Number(charPropertyText(rt, 'canonical-combining-class', c) ?? 0);

type Form = 'NFD' | 'NFC' | 'NFKD' | 'NFKC';

/** Whether GNU's tables know C (under HFS, a character kept whole is known only as a mark). */
function known(rt: Runtime, c: number, hfs: boolean): boolean {
  if (c > 0x10ffff || !inGnuTables(c) || charPropertyText(rt, 'general-category', c) === null) return false;
  return !(hfs && keptByHfs(c) && combiningClass(rt, c) === 0);
}

/** The full decomposition of C (compatibility mappings too when COMPAT), or C alone. */
function decompose(rt: Runtime, c: number, compat: boolean, hfs: boolean): number[] {
  if (c < 0xc0 && !compat) return [c];
  if (!known(rt, c, hfs)) return [c];
  return Array.from(String.fromCodePoint(c).normalize(compat ? 'NFKD' : 'NFD'), (ch) => ch.codePointAt(0)!);
}

/** Normalized text with, for each character, the piece of the input it came from. */
interface Result {
  chars: number[];
  piece: number[];
  /** Where each piece starts in the input; one more entry for the input's end. */
  starts: number[];
  /** Indices into CHARS where a piece begins whose first character was decomposed or is unknown. */
  walls: Set<number>;
}

/**
 * GNU's decomposed form: the text is cut into pieces, each one character followed by the known
 * combining marks after it; each piece is decomposed and its runs of marks stably sorted by
 * combining class (a mark that begins the piece included). Nothing is sorted across pieces.
 */
function decomposeText(rt: Runtime, input: number[], compat: boolean, hfs: boolean): Result {
  const r: Result = { chars: [], piece: [], starts: [], walls: new Set() };
  let i = 0;
  while (i < input.length) {
    const n = r.starts.length;
    r.starts.push(i);
    const head = input[i++]!;
    const piece = decompose(rt, head, compat, hfs);
    if (piece.length !== 1 || piece[0] !== head || !known(rt, head, false)) r.walls.add(r.chars.length);
    while (i < input.length && combiningClass(rt, input[i]!) !== 0 && known(rt, input[i]!, hfs))
      piece.push(...decompose(rt, input[i++]!, compat, hfs));
    // Within the piece, each run of marks is stably sorted by class (starters stay put).
    let k = 0;
    while (k < piece.length) {
      if (combiningClass(rt, piece[k]!) === 0) {
        r.chars.push(piece[k++]!);
        r.piece.push(n);
        continue;
      }
      const run: number[] = [];
      while (k < piece.length && combiningClass(rt, piece[k]!) !== 0) run.push(piece[k++]!);
      const keyed = run.map((c, m) => [combiningClass(rt, c), m, c] as const);
      keyed.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const [, , c] of keyed) {
        r.chars.push(c);
        r.piece.push(n);
      }
    }
  }
  r.starts.push(input.length);
  return r;
}

const pairs = new Map<number, number>();

/** The character that A followed by B composes into, or -1. */
function composeTwo(rt: Runtime, a: number, b: number, hfs: boolean): number {
  if (!known(rt, a, false) || !known(rt, b, false)) return -1;
  // GNU joins a leading jamo with any later mark or vowel-or-final jamo by the syllable
  // arithmetic, without checking that the second is a vowel: the code it gives can be no
  // syllable at all (U+1100 U+3099 gives #x41620), and that is what we give too.
  if (a >= 0x1100 && a <= 0x1112 && b >= 0x1161) {
    const second = combiningClass(rt, b) !== 0 || b <= 0x1175 || (b >= 0x11a8 && b <= 0x11c2) || b === 0x1b35;
    return second ? 0xac00 + ((a - 0x1100) * 21 + (b - 0x1161)) * 28 : -1;
  }
  const key = a * 0x110000 + b;
  let r = pairs.get(key);
  if (r === undefined) {
    const both = String.fromCodePoint(a, b).normalize('NFC');
    const first = both.codePointAt(0)!;
    // A character that normalization replaces (U+2126, kept by HFS+) starts no composite.
    const stable = String.fromCodePoint(a).normalize('NFC').codePointAt(0) === a;
    r = stable && both.length === (first > 0xffff ? 2 : 1) ? first : -1;
    pairs.set(key, r);
  }
  return r !== -1 && known(rt, r, false) ? r : -1;
}

/**
 * Canonical composition of decomposed text D: each mark or starter not blocked from the last
 * starter is merged into it when the two have a composite. Nothing composes across a wall (GNU
 * composes `ｶﾞ' but not `カﾞ'; nor over a mark it does not know). A merge ties the pieces from the starter's to the mark's into
 * one, so that a caller replaces them together; JOINED[p] says piece p is tied to piece p - 1.
 */
function composeText(rt: Runtime, d: Result, hfs: boolean, joined: boolean[], keptOnly = false): Result {
  const out: Result = { chars: [], piece: [], starts: d.starts, walls: d.walls };
  let starter = -1;
  let lastClass = -1;
  for (let i = 0; i < d.chars.length; i++) {
    const c = d.chars[i]!;
    if (d.walls.has(i)) starter = -1;
    // A character GNU does not know blocks like a starter, and composes with nothing.
    const cc = known(rt, c, false) ? combiningClass(rt, c) : 0;
    if (starter >= 0 && (lastClass === -1 || (lastClass !== 0 && lastClass < cc))) {
      const merged = composeTwo(rt, out.chars[starter]!, c, hfs);
      if (merged >= 0 && (!keptOnly || keptByHfs(merged))) {
        out.chars[starter] = merged;
        for (let p = out.piece[starter]! + 1; p <= d.piece[i]!; p++) joined[p] = true;
        continue;
      }
    }
    if (cc === 0) {
      starter = out.chars.length;
      lastClass = -1;
    } else lastClass = cc;
    out.chars.push(c);
    out.piece.push(d.piece[i]!);
  }
  return out;
}

/**
 * The changes that normalize INPUT to FORM: [from, to, replacement] for each stretch of pieces
 * (pieces tied by composition go together) whose text changes, in order.
 */
function normalizeChanges(rt: Runtime, input: number[], form: Form, hfs: boolean): [number, number, number[]][] {
  const compat = form === 'NFKD' || form === 'NFKC';
  const joined: boolean[] = [];
  let r = decomposeText(rt, input, compat, hfs);
  if (form === 'NFC' || form === 'NFKC') r = composeText(rt, r, hfs, joined);
  // GNU's HFS+ decomposition puts back together what makes one of the characters it keeps.
  else if (hfs) r = composeText(rt, r, hfs, joined, true);
  const changes: [number, number, number[]][] = [];
  const npieces = r.starts.length - 1;
  let k = 0;
  let first = 0;
  while (first < npieces) {
    let last = first;
    while (last + 1 < npieces && joined[last + 1]) last++;
    const repl: number[] = [];
    while (k < r.chars.length && r.piece[k]! <= last) repl.push(r.chars[k++]!);
    const from = r.starts[first]!;
    const to = r.starts[last + 1]!;
    if (repl.length !== to - from || repl.some((c, j) => c !== input[from + j])) changes.push([from, to, repl]);
    first = last + 1;
  }
  return changes;
}

DEFUN('tsmacs--ucs-normalize', 2, 3,
  'Give the changes that normalize STRING to FORM (`nfd\', `nfc\', `nfkd\' or `nfkc\') as GNU\'s ucs-normalize makes them; HFS non-nil for the HFS+ variant.\nThe value is a list of (FROM TO REPLACEMENT), positions in STRING counted from 0, last change first.',
  (rt, string: number, form: number, hfs: number) => {
    if ((string & 7) !== Lisp_String) return wrongTypeArgument(rt, Qstringp, string);
    const name = form === Qnfd ? 'NFD' : form === Qnfc ? 'NFC' : form === Qnfkd ? 'NFKD' : form === Qnfkc ? 'NFKC' : null;
    if (name === null) return wrongTypeArgument(rt, Qucs_normalize_form_p, form);
    // Raw bytes and ASCII never change.
    if (!stringMultibyte(rt, string)) return Qnil;
    const chars = stringChars(rt, string);
    if (chars.every((c) => c < 0x80)) return Qnil;
    let result = Qnil;
    for (const [from, to, repl] of normalizeChanges(rt, chars, name, hfs !== Qnil)) {
      const entry = list(rt, makeFixnum(from), makeFixnum(to), makeStringFromChars(rt, repl, true));
      result = cons(rt, entry, result);
    }
    return result;
  });
