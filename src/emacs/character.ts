// The Lisp primitives of GNU character.c: character predicates and conversions, display widths, `string'.

import { fixnumValue, isFixnum, isSymbol, makeFixnum } from '../heap/tags.ts';
import {
  BYTE8_BASE, MAX_5_BYTE_CHAR, MAX_CHAR, charLenAt, isByte8Char, readChar,
} from '../core/character.ts';
import {
  consp, jsString, makeString, makeStringFromChars, makeUnibyteString, schars, sdata, stringMultibyte, stringp,
  symbolNameJs, xcar, xcdr,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { argsOutOfRange, error, wrongTypeArgument, xsignal3 } from '../core/signal.ts';
import { DEFUN, DEFVAR, MANY } from '../core/subr.ts';
import {
  DEFSYM, Qargs_out_of_range, Qcharacterp, Qfixnump, Qintegerp, Qnil, Qstringp, Qt, Qunbound, Qwholenump,
} from '../core/symbols.ts';
import { findSymbolValue, funcall, setInternal } from './eval.ts';
import { charFromName, ucsNameTable } from './ucs-names.ts';
import { charCodeProperty, propertyValueDescription } from './charprop.ts';
import { charTableP, charTableRef, charTableSetRange, makeCharTable } from './chartab.ts';

const Qchar_width_table = DEFSYM('char-width-table');
const Qtab_width = DEFSYM('tab-width');
const Qctl_arrow = DEFSYM('ctl-arrow');

const CHAR_SHIFT = 0x2000000;
const CHAR_CTL = 0x4000000;
const CHAR_MODIFIER_MASK = 0xfc00000;

/** The character in X, else wrong-type-argument characterp (GNU's CHECK_CHARACTER). */
export function checkCharacter(rt: Runtime, x: number): number {
  if (!isFixnum(x) || x < 0 || fixnumValue(x) > MAX_CHAR) wrongTypeArgument(rt, Qcharacterp, x);
  return fixnumValue(x);
}

export const characterp = (x: number): boolean => isFixnum(x) && x >= 0 && fixnumValue(x) <= MAX_CHAR;

DEFUN('characterp', 1, 2, 'Tell whether OBJECT is a character code: an integer from 0 to `max-char\'.', (rt, object: number) =>
  characterp(object) ? Qt : Qnil);

DEFUN('max-char', 0, 0, 'Give the greatest character code there is.', () => makeFixnum(MAX_CHAR));

DEFUN('unibyte-char-to-multibyte', 1, 1, 'Map the byte CH to the multibyte character that stands for it.', (rt, ch: number) => {
  const c = checkCharacter(rt, ch);
  if (c >= 0x100) error(rt, `Not a unibyte character: ${c}`);
  return makeFixnum(c < 0x80 ? c : c + BYTE8_BASE);
});

DEFUN('multibyte-char-to-unibyte', 1, 1, 'Map the multibyte character CH to its byte, or give -1 when it stands for no byte.', (rt, ch: number) => {
  const c = checkCharacter(rt, ch);
  if (c < 256) return ch;
  return makeFixnum(isByte8Char(c) ? c - BYTE8_BASE : -1);
});

// ---- display widths ------------------------------------------------------------------

/**
 * The widths Emacs 28 gives in `char-width-table' once characters.el has run
 * (east asian wide = 2, combining and format chars = 0, C1 controls and raw
 * bytes = 4), as FROM,TO,WIDTH triples in hex; every other char is 1 wide. A function: a top-level
 * literal would be in V8's code cache, read at every start; only a start from source calls this.
 */
const charWidthRanges = (): string =>
  '80,9f,4 300,36f,0 483,489,0 591,5bd,0 5bf,5bf,0 5c1,5c2,0 5c4,5c5,0 5c7,5c7,0 600,605,0 610,61c,0 64b,65f,0 ' +
  '670,670,0 6d6,6e4,0 6e7,6e8,0 6ea,6ed,0 70f,70f,0 711,711,0 730,74a,0 7a6,7b0,0 7eb,7f3,0 816,823,0 825,82d,0 ' +
  '859,85b,0 8d4,902,0 93a,93a,0 93c,93c,0 941,948,0 94d,94d,0 951,957,0 962,963,0 981,981,0 9bc,9bc,0 9c1,9c4,0 ' +
  '9cd,9cd,0 9e2,9e3,0 a01,a02,0 a3c,a3c,0 a41,a4d,0 a51,a51,0 a70,a71,0 a75,a75,0 a81,a82,0 abc,abc,0 ac1,ac8,0 ' +
  'acd,acd,0 ae2,ae3,0 b01,b01,0 b3c,b3c,0 b3f,b3f,0 b41,b44,0 b4d,b56,0 b62,b63,0 b82,b82,0 bc0,bc0,0 bcd,bcd,0 ' +
  'c00,c00,0 c3e,c40,0 c46,c56,0 c62,c63,0 c81,c81,0 cbc,cbc,0 ccc,ccd,0 ce2,ce3,0 d01,d01,0 d41,d44,0 d4d,d4d,0 ' +
  'd62,d63,0 d81,d81,0 dca,dca,0 dd2,dd6,0 e31,e31,0 e34,e3a,0 e47,e4e,0 eb1,eb1,0 eb4,ebc,0 ec8,ecd,0 f18,f19,0 ' +
  'f35,f35,0 f37,f37,0 f39,f39,0 f71,f7e,0 f80,f84,0 f86,f87,0 f8d,fbc,0 fc6,fc6,0 102d,1030,0 1032,1037,0 ' +
  '1039,103a,0 103d,103e,0 1058,1059,0 105e,1060,0 1071,1074,0 1082,1082,0 1085,1086,0 108d,108d,0 109d,109d,0 ' +
  '1100,115f,2 1160,11ff,0 135d,135f,0 1712,1714,0 1732,1734,0 1752,1753,0 1772,1773,0 17b4,17b5,0 17b7,17bd,0 ' +
  '17c6,17c6,0 17c9,17d3,0 17dd,17dd,0 180b,180e,0 1885,1886,0 18a9,18a9,0 1920,1922,0 1927,1928,0 1932,1932,0 ' +
  '1939,193b,0 1a17,1a18,0 1a1b,1a1b,0 1a56,1a56,0 1a58,1a5e,0 1a60,1a60,0 1a62,1a62,0 1a65,1a6c,0 1a73,1a7c,0 ' +
  '1a7f,1a7f,0 1ab0,1ac0,0 1b00,1b03,0 1b34,1b34,0 1b36,1b3a,0 1b3c,1b3c,0 1b42,1b42,0 1b6b,1b73,0 1b80,1b81,0 ' +
  '1ba2,1ba5,0 1ba8,1ba9,0 1bab,1bad,0 1be6,1be6,0 1be8,1be9,0 1bed,1bed,0 1bef,1bf1,0 1c2c,1c33,0 1c36,1c37,0 ' +
  '1cd0,1cd2,0 1cd4,1ce0,0 1ce2,1ce8,0 1ced,1ced,0 1cf4,1cf4,0 1cf8,1cf9,0 1dc0,1dff,0 200b,200f,0 202a,202e,0 ' +
  '2060,206f,0 20d0,20f0,0 231a,231b,2 2329,232a,2 23e9,23ec,2 23f0,23f0,2 23f3,23f3,2 25fd,25fe,2 2614,2615,2 ' +
  '2648,2653,2 267f,267f,2 2693,2693,2 26a1,26a1,2 26aa,26ab,2 26bd,26be,2 26c4,26c5,2 26ce,26ce,2 26d4,26d4,2 ' +
  '26ea,26ea,2 26f2,26f3,2 26f5,26f5,2 26fa,26fa,2 26fd,26fd,2 2705,2705,2 270a,270b,2 2728,2728,2 274c,274c,2 ' +
  '274e,274e,2 2753,2755,2 2757,2757,2 2795,2797,2 27b0,27b0,2 27bf,27bf,2 2b1b,2b1c,2 2b50,2b50,2 2b55,2b55,2 ' +
  '2cef,2cf1,0 2d7f,2d7f,0 2de0,2dff,0 2e80,303e,2 3040,3247,2 3250,4dbf,2 4e00,9fff,2 a490,a4c6,2 a66f,a672,0 ' +
  'a674,a69f,0 a6f0,a6f1,0 a802,a802,0 a806,a806,0 a80b,a80b,0 a825,a826,0 a82c,a82c,0 a8c4,a8c5,0 a8e0,a8f1,0 ' +
  'a926,a92d,0 a947,a951,0 a960,a97f,2 a980,a9b3,0 a9b6,a9b9,0 a9bc,a9bc,0 a9e5,a9e5,0 aa29,aa2e,0 aa31,aa32,0 ' +
  'aa35,aa36,0 aa43,aa43,0 aa4c,aa4c,0 aa7c,aa7c,0 aab0,aab0,0 aab2,aab4,0 aab7,aab8,0 aabe,aabf,0 aac1,aac1,0 ' +
  'aaec,aaed,0 aaf6,aaf6,0 abe5,abe5,0 abe8,abe8,0 abed,abed,0 ac00,d7a3,2 d7b0,d7fb,0 f900,faff,2 fb1e,fb1e,0 ' +
  'fe00,fe0f,0 fe10,fe19,2 fe20,fe2f,0 fe30,fe6f,2 feff,feff,0 ff01,ff60,2 ffe0,ffe6,2 fff9,fffb,0 101fd,101fd,0 ' +
  '102e0,102e0,0 10376,1037a,0 10a01,10a0f,0 10a38,10a3f,0 10ae5,10ae6,0 10eab,10eac,0 11001,11001,0 ' +
  '11038,11046,0 1107f,11081,0 110b3,110b6,0 110b9,110ba,0 110bd,110bd,0 11100,11102,0 11127,1112b,0 ' +
  '1112d,11134,0 11173,11173,0 11180,11181,0 111b6,111be,0 111ca,111cc,0 111cf,111cf,0 1122f,11231,0 ' +
  '11234,11234,0 11236,11237,0 1123e,1123e,0 112df,112df,0 112e3,112ea,0 11300,11301,0 1133c,1133c,0 ' +
  '11340,11340,0 11366,1136c,0 11370,11374,0 11438,1143f,0 11442,11444,0 11446,11446,0 114b3,114b8,0 ' +
  '114ba,114c0,0 114c2,114c3,0 115b2,115b5,0 115bc,115bd,0 115bf,115c0,0 115dc,115dd,0 11633,1163a,0 ' +
  '1163d,1163d,0 1163f,11640,0 116ab,116ab,0 116ad,116ad,0 116b0,116b5,0 116b7,116b7,0 1171d,1171f,0 ' +
  '11722,11725,0 11727,1172b,0 1193b,1193c,0 1193e,1193e,0 11943,11943,0 11c30,11c36,0 11c38,11c3d,0 ' +
  '11c92,11ca7,0 11caa,11cb0,0 11cb2,11cb3,0 11cb5,11cb6,0 16af0,16af4,0 16b30,16b36,0 16f8f,16f92,0 ' +
  '16fe0,16fe4,2 16ff0,16ff1,2 17000,187f7,2 18800,18cd5,2 1aff0,1b152,2 1b164,1b167,2 1b170,1b2fb,2 ' +
  '1bc9d,1bc9e,0 1bca0,1bca3,0 1d167,1d169,0 1d173,1d182,0 1d185,1d18b,0 1d1aa,1d1ad,0 1d242,1d244,0 ' +
  '1da00,1da36,0 1da3b,1da6c,0 1da75,1da75,0 1da84,1da84,0 1da9b,1da9f,0 1daa1,1daaf,0 1e000,1e006,0 ' +
  '1e008,1e018,0 1e01b,1e021,0 1e023,1e024,0 1e026,1e02a,0 1e8d0,1e8d6,0 1e944,1e94a,0 1f004,1f004,2 ' +
  '1f0cf,1f0cf,2 1f18e,1f18e,2 1f191,1f19a,2 1f1ad,1f1ad,2 1f200,1f320,2 1f32d,1f335,2 1f337,1f37c,2 ' +
  '1f37e,1f393,2 1f3a0,1f3ca,2 1f3cf,1f3d3,2 1f3e0,1f3f0,2 1f3f4,1f3f4,2 1f3f8,1f43e,2 1f440,1f440,2 ' +
  '1f442,1f4fc,2 1f4ff,1f53d,2 1f54b,1f54e,2 1f550,1f567,2 1f57a,1f57a,2 1f595,1f596,2 1f5a4,1f5a4,2 ' +
  '1f5fb,1f64f,2 1f680,1f6c5,2 1f6cc,1f6cc,2 1f6d0,1f6d2,2 1f6d5,1f6d7,2 1f6dd,1f6df,2 1f6eb,1f6ec,2 ' +
  '1f6f4,1f6fc,2 1f7e0,1f7f0,2 1f90c,1f93a,2 1f93c,1f945,2 1f947,1fa53,2 1fa60,1fa6d,2 1fa70,1fa74,2 ' +
  '1fa78,1fa7c,2 1fa80,1fa86,2 1fa90,1faac,2 1fab0,1faba,2 1fac0,1fac5,2 1fad0,1fad9,2 1fae0,1fae7,2 ' +
  '1faf0,1faf6,2 1fb00,1fb92,2 20000,3ffff,2 e0001,e01ef,0 184000,186283,2 200180,2001dd,2 3fff80,3fffff,4';

DEFVAR('char-width-table', (rt) => {
  const ct = makeCharTable(rt, Qnil, makeFixnum(1));
  for (const triple of charWidthRanges().split(' ')) {
    const [from, to, w] = triple.split(',');
    charTableSetRange(rt, ct, parseInt(from!, 16), parseInt(to!, 16), makeFixnum(parseInt(w!, 16)));
  }
  return ct;
}, 'A char-table giving the number of columns each character occupies on display.');

const varValue = findSymbolValue;

function tabWidth(rt: Runtime): number {
  const v = varValue(rt, Qtab_width);
  if (isFixnum(v)) {
    const n = fixnumValue(v);
    if (n > 0 && n <= 1000) return n;
  }
  return 8;
}

/** Columns the character C takes on display (GNU's char_width, without display tables). */
export function charWidth(rt: Runtime, c: number): number {
  if (c < 0x80) {
    if (c >= 0x20 && c < 0x7f) return 1;
    if (c === 9) return tabWidth(rt);
    if (c === 10) return 0;
    const ctl = varValue(rt, Qctl_arrow);
    return ctl === Qnil ? 4 : 2;
  }
  const table = varValue(rt, Qchar_width_table);
  const w = table === Qunbound ? Qnil : charTableRef(rt, table, c);
  const n = isFixnum(w) ? fixnumValue(w) : 0;
  return n >= 0 && n <= 1000 ? n : 1000;
}

DEFUN('char-width', 1, 1, 'Count the columns that CHAR occupies on display.', (rt, ch: number) =>
  makeFixnum(charWidth(rt, checkCharacter(rt, ch))));

/** GNU's validate_subarray: FROM and TO as indices into an array of SIZE, counting negative ones from the end. */
export function validateSubarray(rt: Runtime, array: number, from: number, to: number, size: number): [number, number] {
  let f: number;
  let t: number;
  if (isFixnum(from)) {
    f = fixnumValue(from);
    if (f < 0) f += size;
  } else if (from === Qnil) f = 0;
  else return wrongTypeArgument(rt, Qintegerp, from);
  if (isFixnum(to)) {
    t = fixnumValue(to);
    if (t < 0) t += size;
  } else if (to === Qnil) t = size;
  else return wrongTypeArgument(rt, Qintegerp, to);
  if (!(0 <= f && f <= t && t <= size)) xsignal3(rt, Qargs_out_of_range, array, from, to);
  return [f, t];
}

DEFUN(
  'string-width', 1, 3,
  'Count the columns that STRING occupies on display; FROM and TO limit the count to that part of it.',
  (rt, string: number, from: number, to: number) => {
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    const [f, t] = validateSubarray(rt, string, from, to, schars(rt, string));
    const u8 = rt.u8;
    let p = sdata(rt, string);
    let width = 0;
    if (!stringMultibyte(rt, string)) {
      for (let i = f; i < t; i++) width += charWidth(rt, u8[p + i]!);
      return makeFixnum(width);
    }
    for (let i = 0; i < f; i++) p += charLenAt(u8[p]!);
    for (let i = f; i < t; i++) {
      const b = u8[p]!;
      if (b < 0x80) {
        width += b >= 0x20 && b < 0x7f ? 1 : charWidth(rt, b);
        p++;
      } else {
        width += charWidth(rt, readChar(u8, p));
        p += charLenAt(b);
      }
    }
    return makeFixnum(width);
  },
);

// ---- modifiers, bytes, strings ------------------------------------------------------------

/** Fold the shift and control modifier bits of C into the character code where ASCII allows (GNU's char_resolve_modifier_mask). */
export function resolveModifiers(c: number): number {
  if ((c & ~CHAR_MODIFIER_MASK) >= 0x80 || (c & ~CHAR_MODIFIER_MASK) < 0) return c;
  if (c & CHAR_SHIFT) {
    const low = c & 0xff;
    if (low >= 0x41 && low <= 0x5a) c &= ~CHAR_SHIFT;
    else if (low >= 0x61 && low <= 0x7a) c = (c & ~CHAR_SHIFT) - 0x20;
    else if ((c & ~CHAR_MODIFIER_MASK) <= 0x20) c &= ~CHAR_SHIFT;
  }
  if (c & CHAR_CTL) {
    const low = c & 0xff;
    if (low === 0x20) c &= ~0x7f & ~CHAR_CTL;
    else if (low === 0x3f) c = 0x7f | (c & ~0x7f & ~CHAR_CTL);
    else if ((c & 0x5f) >= 0x41 && (c & 0x5f) <= 0x5a) c &= 0x1f | (~0x7f & ~CHAR_CTL);
    else if ((c & 0x7f) >= 0x40 && (c & 0x7f) <= 0x5f) c &= 0x1f | (~0x7f & ~CHAR_CTL);
  }
  return c;
}

DEFUN('char-resolve-modifiers', 1, 1, 'Fold the shift and control modifier bits of CHAR into the character code when a plain character expresses them.', (rt, ch: number) => {
  if (!isFixnum(ch)) wrongTypeArgument(rt, Qfixnump, ch);
  return makeFixnum(resolveModifiers(fixnumValue(ch)));
});

DEFUN(
  'get-byte', 0, 2,
  'Give the byte at index POSITION (default 0) of STRING, which must there hold an ASCII or raw-byte character.',
  (rt, position: number, string: number) => {
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    let p = sdata(rt, string);
    if (position !== Qnil) {
      if (!isFixnum(position) || position < 0) wrongTypeArgument(rt, Qwholenump, position);
      const pos = fixnumValue(position);
      if (pos >= schars(rt, string)) argsOutOfRange(rt, string, position);
      if (!stringMultibyte(rt, string)) return makeFixnum(rt.u8[p + pos]!);
      for (let i = 0; i < pos; i++) p += charLenAt(rt.u8[p]!);
    } else if (!stringMultibyte(rt, string)) return makeFixnum(rt.u8[p]!);
    const c = schars(rt, string) === 0 ? 0 : readChar(rt.u8, p);
    if (c < 0x80) return makeFixnum(c);
    if (c <= MAX_5_BYTE_CHAR) error(rt, `Not an ASCII nor an 8-bit character: ${c}`);
    return makeFixnum(c - BYTE8_BASE);
  },
);

DEFUN('string', 0, MANY, 'Join the argument characters into a string.', (rt, args: number[]) => {
  const chars = new Array<number>(args.length);
  for (let i = 0; i < args.length; i++) chars[i] = checkCharacter(rt, args[i]!);
  return makeStringFromChars(rt, chars);
});

DEFUN('unibyte-string', 0, MANY, 'Join the argument bytes, integers from 0 to 255, into a unibyte string.', (rt, args: number[]) => {
  const bytes = new Uint8Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    if (!isFixnum(x)) wrongTypeArgument(rt, Qintegerp, x);
    const n = fixnumValue(x);
    if (n < 0 || n > 255) xsignal3(rt, Qargs_out_of_range, x, makeFixnum(0), makeFixnum(255));
    bytes[i] = n;
  }
  return makeUnibyteString(rt, bytes);
});


// ---- character names -------------------------------------------------------------------

const Qucs_names = DEFVAR('ucs-names', () => Qnil, 'The table of Unicode character names to codes that `ucs-names\' made, or nil before.');
const Qmake_hash_table = DEFSYM('make-hash-table');
const Qputhash = DEFSYM('puthash');
const QCtest = DEFSYM(':test');
const QCsize = DEFSYM(':size');
const Qequal = DEFSYM('equal');

DEFUN(
  'char-from-name', 1, 2,
  'Give the character whose Unicode name is STRING, or nil when no character has that name.\n' +
  'With IGNORE-CASE non-nil, letters match in either case.',
  (rt, string: number, ignoreCase: number) => {
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    const code = charFromName(rt, jsString(rt, string), ignoreCase !== Qnil);
    return code < 0 ? Qnil : makeFixnum(code);
  },
);

DEFUN('ucs-names', 0, 0, 'Give a hash table from every Unicode character name to its code, made on the first call.', (rt) => {
  const known = findSymbolValue(rt, Qucs_names);
  if (known !== Qnil && known !== Qunbound) return known;
  const names = ucsNameTable(rt);
  const sp = rt.sp;
  try {
    const table = funcall(rt, Qmake_hash_table, [QCtest, Qequal, QCsize, makeFixnum(names.size)]);
    rt.push(table);
    for (const [name, code] of names) funcall(rt, Qputhash, [makeString(rt, name), makeFixnum(code), table]);
    setInternal(rt, Qucs_names, table);
    return table;
  } finally {
    rt.sp = sp;
  }
});

// ---- Unicode character properties ----------------------------------------------------------

const Qsequencep_ch = DEFSYM('sequencep');
const Qchar_code_property_alist = DEFSYM('char-code-property-alist');

DEFUN(
  'get-char-code-property', 2, 2,
  'Give the value of CHAR\'s Unicode property PROPNAME, or nil for a property not known.\n' +
  'The properties: general-category, name, old-name, decomposition, mirroring, mirrored, uppercase, lowercase, ' +
  'titlecase, bidi-class, canonical-combining-class, numeric-value, decimal-digit-value, digit-value.',
  (rt, ch: number, propname: number) => {
    if (!isFixnum(ch)) wrongTypeArgument(rt, Qfixnump, ch);
    const c = checkCharacter(rt, ch);
    if (!isSymbol(propname)) return Qnil;
    const known = charCodeProperty(rt, c, symbolNameJs(rt, propname));
    if (known !== null && known !== undefined) return known;
    // Properties of Lisp's own (`put-char-code-property') live in `char-code-property-alist'.
    const alist = findSymbolValue(rt, Qchar_code_property_alist);
    for (let l = alist === Qunbound ? Qnil : alist; consp(l); l = xcdr(rt, l)) {
      const entry = xcar(rt, l);
      if (consp(entry) && xcar(rt, entry) === propname) {
        const table = xcdr(rt, entry);
        return charTableP(rt, table) ? charTableRef(rt, table, c) : Qnil;
      }
    }
    return Qnil;
  },
);

DEFUN(
  'char-code-property-description', 2, 2,
  'Describe VALUE of the character property PROP in words, or give nil when there are none.',
  (rt, prop: number, value: number) => {
    if (!isSymbol(prop)) return Qnil;
    const name = symbolNameJs(rt, prop);
    if (name === 'uppercase' || name === 'lowercase' || name === 'titlecase') {
      return makeStringFromChars(rt, [checkCharacter(rt, value)]);
    }
    if (name === 'decomposition') {
      // GNU also puts a composition property on each quoted character; the text is the same.
      const chars: number[] = [];
      let l = value;
      for (; consp(l); l = xcdr(rt, l)) {
        const x = xcar(rt, l);
        if (chars.length > 0) chars.push(0x20);
        if (isSymbol(x) && x !== Qnil) for (const ch of symbolNameJs(rt, x)) chars.push(ch.codePointAt(0)!);
        else chars.push(0x27, checkCharacter(rt, x), 0x27);
      }
      if (l !== Qnil) wrongTypeArgument(rt, Qsequencep_ch, value);
      return makeStringFromChars(rt, chars);
    }
    let key: string | null = null;
    if (name === 'general-category' && value === Qnil) return makeString(rt, 'Unknown');
    if ((name === 'general-category' || name === 'bidi-class') && isSymbol(value) && value !== Qnil) key = symbolNameJs(rt, value);
    if (name === 'canonical-combining-class' && isFixnum(value)) key = String(fixnumValue(value));
    if (key === null) return Qnil;
    const text = propertyValueDescription(rt, name, key);
    return text === null ? Qnil : makeString(rt, text);
  },
);
