// Case conversion of characters and strings (GNU casefiddle.c): upcase, downcase, capitalize, upcase-initials.
//
// Upper and lower case come from the current buffer's case table (casetab.ts), word
// boundaries from its syntax table (syntax.ts). What GNU takes from the Unicode data whatever
// the case table (the titlecase property, and the special casings that turn one char into
// several in strings) we carry as compact tables. The region and word commands case the
// current buffer's text in place (special casings included, as GNU 28's do).

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { charLenAt, readChar } from '../core/character.ts';
import {
  allocString, makeStringFromChars, schars, sdata, stringMultibyte, stringp,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { copyStringProperties } from './intervals.ts';
import { DEFSYM, Qchar_or_string_p, Qcircular_list, Qconsp, Qlistp, Qnil } from '../core/symbols.ts';
import { Lisp_Cons } from '../heap/tags.ts';
import { xcar, xcdr } from '../core/object.ts';
import { BUF_PT, BUF_BEGV, BUF_MULTIBYTE, BUF_ZV } from '../heap/layout.ts';
import { bint, bslot, currentBuffer } from './buffer.ts';
import { bufferSubstring, bumpModiff, prepareToModify, replaceCharRaw, signalAfterChange, textPropHooks, validateRegion } from './insdel.ts';
import { recordDelete, recordInsert, undoRecording } from './undo.ts';
import { charToByte } from './marker.ts';
import { charAt, setPoint } from './editfns.ts';
import { findSymbolValue, funcall } from './eval.ts';
import { scanWordsFrom } from './syntax-scan.ts';
import { checkFixnum } from './data.ts';
import { currentCaseMaps, type CaseMaps } from './casetab.ts';
import { extraCharCodeProperties } from './charprop.ts';
import { Sword, currentSyntaxTable, syntaxClassIn } from './syntax.ts';

/** Simple uppercase mappings: FROM:COUNT:STRIDE:DELTA or FROM::DELTA, FROM and COUNT in hex, DELTA decimal. */
const UPCASE =
  '61:1a:1:-32 b5::743 df::7615 e0:17:1:-32 f8:7:1:-32 ff::121 101:18:2:-1 133:3:2:-1 13a:8:2:-1 14b:17:2:-1 ' +
  '17a:3:2:-1 180::195 183:2:2:-1 188::-1 18c::-1 192::-1 195::97 199::-1 19a::163 19e::130 1a1:3:2:-1 1a8::-1 ' +
  '1ad::-1 1b0::-1 1b4:2:2:-1 1b9::-1 1bd::-1 1bf::56 1c5::-1 1c6::-2 1c8::-1 1c9::-2 1cb::-1 1cc::-2 ' +
  '1ce:8:2:-1 1dd::-79 1df:9:2:-1 1f2::-1 1f3::-2 1f5::-1 1f9:14:2:-1 223:9:2:-1 23c::-1 23f:2:1:10815 242::-1 ' +
  '247:5:2:-1 250::10783 251::10780 252::10782 253::-210 254::-206 256:2:1:-205 259::-202 25b::-203 25c::42319 ' +
  '260::-205 261::42315 263::-207 265::42280 266::42308 268::-209 269::-211 26a::42308 26b::10743 26c::42305 ' +
  '26f::-211 271::10749 272::-213 275::-214 27d::10727 280::-218 282::42307 283::-218 287::42282 288::-218 ' +
  '289::-69 28a:2:1:-217 28c::-71 292::-219 29d::42261 29e::42258 345::84 371:2:2:-1 377::-1 37b:3:1:130 ' +
  '3ac::-38 3ad:3:1:-37 3b1:11:1:-32 3c2::-31 3c3:9:1:-32 3cc::-64 3cd:2:1:-63 3d0::-62 3d1::-57 3d5::-47 ' +
  '3d6::-54 3d7::-8 3d9:c:2:-1 3f0::-86 3f1::-80 3f2::7 3f3::-116 3f5::-96 3f8::-1 3fb::-1 430:20:1:-32 ' +
  '450:10:1:-80 461:11:2:-1 48b:1b:2:-1 4c2:7:2:-1 4cf::-15 4d1:30:2:-1 561:26:1:-48 10d0:2b:1:3008 ' +
  '10fd:3:1:3008 13f8:6:1:-8 1c80::-6254 1c81::-6253 1c82::-6244 1c83:2:1:-6242 1c85::-6243 1c86::-6236 ' +
  '1c87::-6181 1c88::35266 1d79::35332 1d7d::3814 1d8e::35384 1e01:4b:2:-1 1e9b::-59 1ea1:30:2:-1 1f00:8:1:8 ' +
  '1f10:6:1:8 1f20:8:1:8 1f30:8:1:8 1f40:6:1:8 1f51:4:2:8 1f60:8:1:8 1f70:2:1:74 1f72:4:1:86 1f76:2:1:100 ' +
  '1f78:2:1:128 1f7a:2:1:112 1f7c:2:1:126 1f80:8:1:8 1f90:8:1:8 1fa0:8:1:8 1fb0:2:1:8 1fb3::9 1fbe::-7205 ' +
  '1fc3::9 1fd0:2:1:8 1fe0:2:1:8 1fe5::7 1ff3::9 214e::-28 2170:10:1:-16 2184::-1 24d0:1a:1:-26 2c30:30:1:-48 ' +
  '2c61::-1 2c65::-10795 2c66::-10792 2c68:3:2:-1 2c73::-1 2c76::-1 2c81:32:2:-1 2cec:2:2:-1 2cf3::-1 ' +
  '2d00:26:1:-7264 2d27::-7264 2d2d::-7264 a641:17:2:-1 a681:e:2:-1 a723:7:2:-1 a733:1f:2:-1 a77a:2:2:-1 ' +
  'a77f:5:2:-1 a78c::-1 a791:2:2:-1 a794::48 a797:a:2:-1 a7b5:8:2:-1 a7c8:2:2:-1 a7d1::-1 a7d7:2:2:-1 a7f6::-1 ' +
  'ab53::-928 ab70:50:1:-38864 ff41:1a:1:-32 10428:28:1:-40 104d8:24:1:-40 10597:b:1:-39 105a3:f:1:-39 ' +
  '105b3:7:1:-39 105bb:2:1:-39 10cc0:33:1:-64 118c0:20:1:-32 16e60:20:1:-32 1e922:22:1:-34';


/** Titlecase mappings where they differ from the uppercase ones, same form. */
const TITLECASE =
  '131::-232 17f::-300 1c4::1 1c5::0 1c6::-1 1c7::1 1c8::0 1c9::-1 1ca::1 1cb::0 1cc::-1 1f1::1 1f2::0 1f3::-1 ' +
  '10d0:2b:1:0 10fd:3:1:0';

/** Strings only: chars whose uppercase is several chars, CHAR:C1.C2... in hex. */
const SPECIAL_UP =
  'df:53.53 149:2bc.4e 1f0:4a.30c 390:399.308.301 3b0:3a5.308.301 587:535.552 1e96:48.331 1e97:54.308 ' +
  '1e98:57.30a 1e99:59.30a 1e9a:41.2be 1f50:3a5.313 1f52:3a5.313.300 1f54:3a5.313.301 1f56:3a5.313.342 ' +
  '1f80:1f08.399 1f81:1f09.399 1f82:1f0a.399 1f83:1f0b.399 1f84:1f0c.399 1f85:1f0d.399 1f86:1f0e.399 ' +
  '1f87:1f0f.399 1f88:1f08.399 1f89:1f09.399 1f8a:1f0a.399 1f8b:1f0b.399 1f8c:1f0c.399 1f8d:1f0d.399 ' +
  '1f8e:1f0e.399 1f8f:1f0f.399 1f90:1f28.399 1f91:1f29.399 1f92:1f2a.399 1f93:1f2b.399 1f94:1f2c.399 ' +
  '1f95:1f2d.399 1f96:1f2e.399 1f97:1f2f.399 1f98:1f28.399 1f99:1f29.399 1f9a:1f2a.399 1f9b:1f2b.399 ' +
  '1f9c:1f2c.399 1f9d:1f2d.399 1f9e:1f2e.399 1f9f:1f2f.399 1fa0:1f68.399 1fa1:1f69.399 1fa2:1f6a.399 ' +
  '1fa3:1f6b.399 1fa4:1f6c.399 1fa5:1f6d.399 1fa6:1f6e.399 1fa7:1f6f.399 1fa8:1f68.399 1fa9:1f69.399 ' +
  '1faa:1f6a.399 1fab:1f6b.399 1fac:1f6c.399 1fad:1f6d.399 1fae:1f6e.399 1faf:1f6f.399 1fb2:1fba.399 ' +
  '1fb3:391.399 1fb4:386.399 1fb6:391.342 1fb7:391.342.399 1fbc:391.399 1fc2:1fca.399 1fc3:397.399 1fc4:389.399 ' +
  '1fc6:397.342 1fc7:397.342.399 1fcc:397.399 1fd2:399.308.300 1fd3:399.308.301 1fd6:399.342 1fd7:399.308.342 ' +
  '1fe2:3a5.308.300 1fe3:3a5.308.301 1fe4:3a1.313 1fe6:3a5.342 1fe7:3a5.308.342 1ff2:1ffa.399 1ff3:3a9.399 ' +
  '1ff4:38f.399 1ff6:3a9.342 1ff7:3a9.342.399 1ffc:3a9.399 fb00:46.46 fb01:46.49 fb02:46.4c fb03:46.46.49 ' +
  'fb04:46.46.4c fb05:53.54 fb06:53.54 fb13:544.546 fb14:544.535 fb15:544.53b fb16:54e.546 fb17:544.53d';

/** Strings only: multi-char lowercase forms. */
const SPECIAL_DOWN =
  '130:69.307';

/** Strings only: multi-char titlecase forms. */
const SPECIAL_TITLE =
  'df:53.73 149:2bc.4e 1f0:4a.30c 390:399.308.301 3b0:3a5.308.301 587:535.582 1e96:48.331 1e97:54.308 ' +
  '1e98:57.30a 1e99:59.30a 1e9a:41.2be 1f50:3a5.313 1f52:3a5.313.300 1f54:3a5.313.301 1f56:3a5.313.342 ' +
  '1fb2:1fba.345 1fb4:386.345 1fb6:391.342 1fb7:391.342.345 1fc2:1fca.345 1fc4:389.345 1fc6:397.342 ' +
  '1fc7:397.342.345 1fd2:399.308.300 1fd3:399.308.301 1fd6:399.342 1fd7:399.308.342 1fe2:3a5.308.300 ' +
  '1fe3:3a5.308.301 1fe4:3a1.313 1fe6:3a5.342 1fe7:3a5.308.342 1ff2:1ffa.345 1ff4:38f.345 1ff6:3a9.342 ' +
  '1ff7:3a9.342.345 fb00:46.66 fb01:46.69 fb02:46.6c fb03:46.66.69 fb04:46.66.6c fb05:53.74 fb06:53.74 ' +
  'fb13:544.576 fb14:544.565 fb15:544.56b fb16:54e.576 fb17:544.56d';


function parseMap(spec: string, into: Map<number, number>): void {
  for (const item of spec.split(' ')) {
    const f = item.split(':');
    const c0 = parseInt(f[0]!, 16);
    const n = f[1] ? parseInt(f[1], 16) : 1;
    const s = f.length === 4 ? Number(f[2]) : 1;
    const d = Number(f[f.length - 1]);
    for (let i = 0; i < n; i++) into.set(c0 + i * s, c0 + i * s + d);
  }
}
function parseSpecial(spec: string): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const item of spec.split(' ')) {
    const [c, chars] = item.split(':');
    m.set(parseInt(c!, 16), chars!.split('.').map((x) => parseInt(x, 16)));
  }
  return m;
}

// The tables are built on first use, not at import: start-up never needs them. They are the
// same for every world (Unicode data), so module variables may hold them.
let upMap: Map<number, number>;
let titleMap: Map<number, number>;
let specialUp: Map<number, number[]>;
let specialDown: Map<number, number[]>;
let specialTitle: Map<number, number[]>;
let tablesReady = false;

function buildTables(): void {
  upMap = new Map();
  titleMap = new Map();
  parseMap(UPCASE, upMap);
  parseMap(TITLECASE, titleMap);
  specialUp = parseSpecial(SPECIAL_UP);
  specialDown = parseSpecial(SPECIAL_DOWN);
  specialTitle = parseSpecial(SPECIAL_TITLE);
  tablesReady = true;
}

// `get-char-code-property' gives the special casings as strings (nil for other chars).
for (const [name, table] of [['special-uppercase', () => specialUp], ['special-lowercase', () => specialDown],
  ['special-titlecase', () => specialTitle]] as const) {
  extraCharCodeProperties[name] = (rt, c) => {
    if (!tablesReady) buildTables();
    const chars = table().get(c);
    // An ASCII casing ("SS") is a unibyte string, as GNU's.
    return chars === undefined ? Qnil : makeStringFromChars(rt, chars, chars.some((x) => x >= 0x80));
  };
}

/**
 * C in title case: the Unicode titlecase property, which GNU consults whatever the case
 * table says, and the case table's upper case for chars the property leaves alone.
 */
function titlecaseChar(maps: CaseMaps, c: number): number {
  if (!tablesReady) buildTables();
  const t = titleMap.get(c);
  if (t !== undefined) return t;
  const u = c < 0x80 ? (c >= 0x61 && c <= 0x7a ? c - 32 : c) : upMap.get(c) ?? c;
  return u !== c ? u : maps.up(c);
}

const CASE_UP = 0;
const CASE_DOWN = 1;
const CASE_CAPITALIZE = 2;
const CASE_CAPITALIZE_UP = 3;
const SIGMA = 0x3a3;
const FINAL_SIGMA = 0x3c2;
const FLAG_BITS = 0xfc00000;

/** The case of a single character under FLAG (no special casing: that applies to strings only). */
function caseSingle(maps: CaseMaps, c: number, flag: number): number {
  if (flag === CASE_UP) return maps.up(c);
  if (flag === CASE_DOWN) return maps.down(c);
  return titlecaseChar(maps, c);
}

/**
 * Case C as a character of text (a string's or a buffer's): a raw byte stays a raw byte, as
 * in GNU, where a case table pairing one with another character gives that character's low
 * byte (ASCII when below 0x80).
 */
function caseInText(maps: CaseMaps, c: number, flag: number): number {
  const r = caseSingle(maps, c, flag);
  if (c < 0x3fff80 || r === c || r >= 0x3fff80) return r;
  const b = r & 0xff;
  return b >= 0x80 ? 0x3fff00 + b : b;
}

/** Case the chars of a string; the result goes to OUT. Returns whether anything changed. */
function caseChars(rt: Runtime, maps: CaseMaps, chars: number[], flag: number, out: number[]): boolean {
  if (!tablesReady) buildTables();
  const syntax = currentSyntaxTable(rt);
  const isWordChar = (c: number): boolean => syntaxClassIn(rt, syntax, c) === Sword;
  let inword = false;
  let changed = false;
  const n = chars.length;
  // Upcasing and downcasing look at words only around a capital sigma: the syntax lookup per
  // char (a char-table walk) is left to capitalizing.
  const plain = flag === CASE_UP || flag === CASE_DOWN;
  for (let i = 0; i < n; i++) {
    const c = chars[i]!;
    const wasInword = plain ? c === SIGMA && i > 0 && isWordChar(chars[i - 1]!) : inword;
    if (!plain) inword = isWordChar(c);
    let f: number;
    if (flag === CASE_CAPITALIZE) f = wasInword ? CASE_DOWN : CASE_CAPITALIZE;
    else if (flag !== CASE_CAPITALIZE_UP) f = flag;
    else if (!wasInword) f = CASE_CAPITALIZE;
    else {
      out.push(c);
      continue;
    }
    if (c >= 0x80) {
      const special = (f === CASE_UP ? specialUp : f === CASE_DOWN ? specialDown : specialTitle).get(c);
      if (special) {
        for (const s of special) out.push(s);
        changed = true;
        continue;
      }
    }
    let cased = caseInText(maps, c, f);
    // A capital sigma lowered at the end of a word becomes the final form.
    if (c === SIGMA && cased !== c && wasInword && (i + 1 === n || !isWordChar(chars[i + 1]!))) cased = FINAL_SIGMA;
    if (cased !== c) changed = true;
    out.push(cased);
  }
  return changed;
}

function casify(rt: Runtime, obj: number, flag: number): number {
  const maps = currentCaseMaps(rt);
  if (isFixnum(obj) && obj >= 0) {
    const v = fixnumValue(obj);
    if (v > FLAG_BITS) return obj;
    const flags = v & FLAG_BITS;
    const c = v & ~FLAG_BITS;
    const cased = caseSingle(maps, c, flag);
    return cased === c ? obj : makeFixnum(cased | flags);
  }
  if (!stringp(obj)) return wrongTypeArgument(rt, Qchar_or_string_p, obj);
  const n = schars(rt, obj);
  const u8 = rt.u8;
  if (!stringMultibyte(rt, obj)) {
    // Bytes >= 0x80 of a unibyte string are raw bytes: they change only where the case table
    // pairs them with other raw bytes.
    const src = sdata(rt, obj);
    const s = allocString(rt, n, n, false);
    const dst = sdata(rt, s);
    let inword = false;
    const syntax = currentSyntaxTable(rt);
    // Only capitalizing looks at words.
    const plain = flag === CASE_UP || flag === CASE_DOWN;
    for (let i = 0; i < n; i++) {
      const c = u8[src + i]!;
      const wasInword = inword;
      // A raw byte is the char 0x3fff00 + byte, whose syntax GNU looks up as any other.
      if (!plain) inword = syntaxClassIn(rt, syntax, c >= 0x80 ? c + 0x3fff00 : c) === Sword;
      let f = flag;
      if (flag === CASE_CAPITALIZE) f = wasInword ? CASE_DOWN : CASE_CAPITALIZE;
      else if (flag === CASE_CAPITALIZE_UP) f = wasInword ? -1 : CASE_CAPITALIZE;
      if (f < 0) u8[dst + i] = c;
      else if (c < 0x80) u8[dst + i] = caseSingle(maps, c, f);
      else {
        // A raw byte is cased as the char 0x3fff00 + byte: a case table may pair raw bytes.
        const r = caseInText(maps, c + 0x3fff00, f);
        u8[dst + i] = r >= 0x3fff80 ? r - 0x3fff00 : r;
      }
    }
    // As GNU's, a unibyte string's case change is made on a copy, so its text properties stay.
    copyStringProperties(rt, obj, 0, n, s, 0);
    return s;
  }
  const chars = new Array<number>(n);
  let p = sdata(rt, obj);
  for (let i = 0; i < n; i++) {
    const b = u8[p]!;
    chars[i] = b < 0x80 ? b : readChar(u8, p);
    p += b < 0x80 ? 1 : charLenAt(b);
  }
  const out: number[] = [];
  caseChars(rt, maps, chars, flag, out);
  // Multibyte text is rebuilt, without its properties, as GNU's is.
  return makeStringFromChars(rt, out, true);
}

DEFUN('upcase', 1, 1, 'Give OBJ, a character or a string, in upper case.', (rt, obj: number) => casify(rt, obj, CASE_UP));

DEFUN('downcase', 1, 1, 'Give OBJ, a character or a string, in lower case.', (rt, obj: number) => casify(rt, obj, CASE_DOWN));

DEFUN(
  'capitalize', 1, 1,
  'Give OBJ, a character or a string, with each word\'s first letter in title case and its other letters in lower case.',
  (rt, obj: number) => casify(rt, obj, CASE_CAPITALIZE),
);

DEFUN(
  'upcase-initials', 1, 1,
  'Give OBJ, a character or a string, with each word\'s first letter in title case; other letters keep their case.',
  (rt, obj: number) => casify(rt, obj, CASE_CAPITALIZE_UP),
);

// ---- the region and word commands ------------------------------------------------------------

/**
 * Case START..END of the current buffer under FLAG; give the end of the region after the change.
 * As GNU's: the region is always counted as modified (before-change hook, a tick), but
 * after-change-functions run only when a char changed, over the changed stretch. A char whose
 * case is several chars (special casing) grows the text: markers keep their char positions, and
 * the added chars go in front, taking the properties stickiness gives them.
 */
function casifyRegion(rt: Runtime, flag: number, start: number, end: number): number {
  const [s0, e0] = validateRegion(rt, start, end);
  if (s0 === e0) return e0;
  prepareToModify(rt, s0, e0);
  // A hook may have changed the buffer: clip again, as deletion does.
  const b = currentBuffer(rt);
  const s = Math.max(bint(rt, b, BUF_BEGV), Math.min(s0, bint(rt, b, BUF_ZV)));
  const e = Math.max(s, Math.min(e0, bint(rt, b, BUF_ZV)));
  // GNU records the whole region as changed, whether or not a char changes: its old text now,
  // its new extent (grown by special casings) once cased.
  const undo = undoRecording(rt);
  if (undo) recordDelete(rt, b, s, bufferSubstring(rt, b, s, e, true), false);
  bumpModiff(rt, b);
  const chars: number[] = [];
  // In a unibyte buffer a byte >= 0x80 is cased as the raw-byte char it stands for, as GNU's.
  const uni = bslot(rt, b, BUF_MULTIBYTE) === Qnil;
  for (let p = s; p < e; p++) {
    const c = charAt(rt, p);
    chars.push(uni && c >= 0x80 ? c + 0x3fff00 : c);
  }
  const results = caseEach(rt, currentCaseMaps(rt), chars, flag);
  let first = -1;
  let lastOld = -1;
  let grown = 0;
  // From the end backwards, so that the positions still to change stay where they were.
  for (let i = chars.length - 1; i >= 0; i--) {
    const r = results[i]!;
    if (r.length === 1 && r[0] === chars[i]) continue;
    const pos = s + i;
    const pb = charToByte(rt, b, pos);
    // A char whose new form is not the same bytes' length is replaced as GNU replaces text,
    // which counts as one more modification (measured: "ßß" upcased is 3 ticks, "ab" 1).
    if (!replaceCharRaw(rt, b, pos, pb, charToByte(rt, b, pos + 1) - pb, r)) bumpModiff(rt, b);
    if (r.length > 1) textPropHooks.inserted(rt, b, pos, r.length - 1, Qnil, 0, true);
    grown += r.length - 1;
    if (lastOld < 0) lastOld = pos + 1;
    first = pos;
  }
  if (undo) recordInsert(rt, b, s, e + grown - s);
  if (first < 0) return e;
  signalAfterChange(rt, first, lastOld + grown, lastOld - first);
  return e + grown;
}

/** Per char of CHARS, what it becomes under FLAG (several chars for a special casing). */
function caseEach(rt: Runtime, maps: CaseMaps, chars: number[], flag: number): number[][] {
  if (!tablesReady) buildTables();
  const syntax = currentSyntaxTable(rt);
  const isWordChar = (c: number): boolean => syntaxClassIn(rt, syntax, c) === Sword;
  const res: number[][] = [];
  let inword = false;
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i]!;
    const wasInword = inword;
    inword = isWordChar(c);
    let f: number;
    if (flag === CASE_CAPITALIZE) f = wasInword ? CASE_DOWN : CASE_CAPITALIZE;
    else if (flag !== CASE_CAPITALIZE_UP) f = flag;
    else if (!wasInword) f = CASE_CAPITALIZE;
    else {
      res.push([c]);
      continue;
    }
    if (c >= 0x80) {
      const special = (f === CASE_UP ? specialUp : f === CASE_DOWN ? specialDown : specialTitle).get(c);
      if (special) {
        res.push(special);
        continue;
      }
    }
    let cased = caseInText(maps, c, f);
    if (c === SIGMA && cased !== c && wasInword && (i + 1 === n || !isWordChar(chars[i + 1]!))) cased = FINAL_SIGMA;
    res.push([cased]);
  }
  return res;
}

// The variable and its default are simple.el's (lisp/simple.el), as in GNU.
const Qregion_extract_function = DEFSYM('region-extract-function');
const Qbounds = DEFSYM('bounds');

function casifyRegionCommand(rt: Runtime, flag: number, beg: number, end: number, noncontiguous: number): number {
  if (noncontiguous === Qnil) {
    casifyRegion(rt, flag, beg, end);
    return Qnil;
  }
  const bounds = funcall(rt, findSymbolValue(rt, Qregion_extract_function), [Qbounds]);
  rt.push(bounds);
  // Piece by piece, as GNU: a piece that is not a cons, a tail that is not a list and a
  // circular list are errors when reached (pieces before them are cased already).
  let slow = bounds;
  let n = 0;
  let l = bounds;
  for (; (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
    const piece = xcar(rt, l);
    if ((piece & 7) !== Lisp_Cons) wrongTypeArgument(rt, Qconsp, piece);
    casifyRegion(rt, flag, xcar(rt, piece), xcdr(rt, piece));
    if ((++n & 1) === 0) {
      slow = xcdr(rt, slow);
      if (slow === xcdr(rt, l)) xsignal1(rt, Qcircular_list, bounds);
    }
  }
  if (l !== Qnil) wrongTypeArgument(rt, Qlistp, l);
  rt.sp--;
  return Qnil;
}

DEFUN('upcase-region', 2, 3, 'Turn the text between BEG and END to upper case; with REGION-NONCONTIGUOUS-P, each piece that `region-extract-function\' gives.',
  (rt, beg: number, end: number, nc: number) => casifyRegionCommand(rt, CASE_UP, beg, end, nc), '(list (region-beginning) (region-end) (region-noncontiguous-p))');
DEFUN('downcase-region', 2, 3, 'Turn the text between BEG and END to lower case; with REGION-NONCONTIGUOUS-P, each piece that `region-extract-function\' gives.',
  (rt, beg: number, end: number, nc: number) => casifyRegionCommand(rt, CASE_DOWN, beg, end, nc), '(list (region-beginning) (region-end) (region-noncontiguous-p))');
DEFUN('capitalize-region', 2, 3, 'Capitalize each word between BEG and END: its first letter in title case, the others in lower case.',
  (rt, beg: number, end: number, nc: number) => casifyRegionCommand(rt, CASE_CAPITALIZE, beg, end, nc), '(list (region-beginning) (region-end) (region-noncontiguous-p))');
DEFUN('upcase-initials-region', 2, 3, 'Put the first letter of each word between BEG and END in title case; other letters keep their case.',
  (rt, beg: number, end: number, nc: number) => casifyRegionCommand(rt, CASE_CAPITALIZE_UP, beg, end, nc), '(list (region-beginning) (region-end) (region-noncontiguous-p))');

/** Case ARG words from point: forward moves point past them, backward leaves it where it is. */
function casifyWord(rt: Runtime, flag: number, arg: number): number {
  const n = checkFixnum(rt, arg);
  const b = currentBuffer(rt);
  const pt = bint(rt, b, BUF_PT);
  let far = scanWordsFrom(rt, pt, n);
  if (far < 0) far = n > 0 ? bint(rt, b, BUF_ZV) : bint(rt, b, BUF_BEGV);
  const newEnd = casifyRegion(rt, flag, makeFixnum(pt), makeFixnum(far));
  if (far > pt) setPoint(rt, newEnd);
  return Qnil;
}

DEFUN('upcase-word', 1, 1, 'Turn the ARG words after point to upper case and move past them; a negative ARG cases the words before point, which stays.',
  (rt, arg: number) => casifyWord(rt, CASE_UP, arg), 'p');
DEFUN('downcase-word', 1, 1, 'Turn the ARG words after point to lower case and move past them; a negative ARG cases the words before point, which stays.',
  (rt, arg: number) => casifyWord(rt, CASE_DOWN, arg), 'p');
DEFUN('capitalize-word', 1, 1, 'Capitalize the ARG words after point and move past them; a negative ARG capitalizes the words before point, which stays.',
  (rt, arg: number) => casifyWord(rt, CASE_CAPITALIZE, arg), 'p');
