// Case conversion of characters and strings (GNU casefiddle.c): upcase, downcase, capitalize, upcase-initials.
//
// GNU reads its case tables (casetab.c, filled by characters.el from the
// Unicode data) and the special-casing char-code properties. We carry the
// mappings Emacs 28.2 ends up with as compact tables, and decide word
// boundaries with the word-constituent set of the syntax table `emacs -batch'
// evaluates in. The region and word commands need buffers and are not here.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { MAX_UNICODE_CHAR, charLenAt, readChar } from '../core/character.ts';
import {
  allocString, makeStringFromChars, schars, sdata, stringMultibyte, stringp,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { copyStringProperties } from './intervals.ts';
import { Qchar_or_string_p } from '../core/symbols.ts';

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

/** Simple lowercase mappings, same form. */
const DOWNCASE =
  '41:1a:1:32 c0:17:1:32 d8:7:1:32 100:18:2:1 132:3:2:1 139:8:2:1 14a:17:2:1 178::-121 179:3:2:1 181::210 ' +
  '182:2:2:1 186::206 187::1 189:2:1:205 18b::1 18e::79 18f::202 190::203 191::1 193::205 194::207 196::211 ' +
  '197::209 198::1 19c::211 19d::213 19f::214 1a0:3:2:1 1a6::218 1a7::1 1a9::218 1ac::1 1ae::218 1af::1 ' +
  '1b1:2:1:217 1b3:2:2:1 1b7::219 1b8::1 1bc::1 1c4::2 1c5::1 1c7::2 1c8::1 1ca::2 1cb:9:2:1 1de:9:2:1 1f1::2 ' +
  '1f2:2:2:1 1f6::-97 1f7::-56 1f8:14:2:1 220::-130 222:9:2:1 23a::10795 23b::1 23d::-163 23e::10792 241::1 ' +
  '243::-195 244::69 245::71 246:5:2:1 370:2:2:1 376::1 37f::116 386::38 388:3:1:37 38c::64 38e:2:1:63 ' +
  '391:11:1:32 3a3:9:1:32 3cf::8 3d8:c:2:1 3f4::-60 3f7::1 3f9::-7 3fa::1 3fd:3:1:-130 400:10:1:80 410:20:1:32 ' +
  '460:11:2:1 48a:1b:2:1 4c0::15 4c1:7:2:1 4d0:30:2:1 531:26:1:48 10a0:26:1:7264 10c7::7264 10cd::7264 ' +
  '13a0:50:1:38864 13f0:6:1:8 1c90:2b:1:-3008 1cbd:3:1:-3008 1e00:4b:2:1 1e9e::-7615 1ea0:30:2:1 1f08:8:1:-8 ' +
  '1f18:6:1:-8 1f28:8:1:-8 1f38:8:1:-8 1f48:6:1:-8 1f59:4:2:-8 1f68:8:1:-8 1f88:8:1:-8 1f98:8:1:-8 1fa8:8:1:-8 ' +
  '1fb8:2:1:-8 1fba:2:1:-74 1fbc::-9 1fc8:4:1:-86 1fcc::-9 1fd8:2:1:-8 1fda:2:1:-100 1fe8:2:1:-8 1fea:2:1:-112 ' +
  '1fec::-7 1ff8:2:1:-128 1ffa:2:1:-126 1ffc::-9 2126::-7517 212b::-8262 2132::28 2160:10:1:16 2183::1 ' +
  '24b6:1a:1:26 2c00:30:1:48 2c60::1 2c62::-10743 2c63::-3814 2c64::-10727 2c67:3:2:1 2c6d::-10780 2c6e::-10749 ' +
  '2c6f::-10783 2c70::-10782 2c72::1 2c75::1 2c7e:2:1:-10815 2c80:32:2:1 2ceb:2:2:1 2cf2::1 a640:17:2:1 ' +
  'a680:e:2:1 a722:7:2:1 a732:1f:2:1 a779:2:2:1 a77d::-35332 a77e:5:2:1 a78b::1 a78d::-42280 a790:2:2:1 ' +
  'a796:a:2:1 a7aa::-42308 a7ab::-42319 a7ac::-42315 a7ad::-42305 a7ae::-42308 a7b0::-42258 a7b1::-42282 ' +
  'a7b2::-42261 a7b3::928 a7b4:8:2:1 a7c4::-48 a7c5::-42307 a7c6::-35384 a7c7:2:2:1 a7d0::1 a7d6:2:2:1 a7f5::1 ' +
  'ff21:1a:1:32 10400:28:1:40 104b0:24:1:40 10570:b:1:39 1057c:f:1:39 1058c:7:1:39 10594:2:1:39 10c80:33:1:64 ' +
  '118a0:20:1:32 16e40:20:1:32 1e900:22:1:34';

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

/** Chars of word syntax (FROM-TO in hex) in the syntax table `emacs -batch' evaluates in. */
const WORD_RANGES =
  '30-39 41-5a 61-7a 80-9f a5-a5 b2-b3 b5-b5 b9-b9 c0-d6 d8-f6 f8-2c6 2c8-2c8 2ca-2cf 2d1-2d7 2dc-2dc 2de-383 ' +
  '386-5bd 5bf-5bf 5c1-5c2 5c4-5c5 5c7-5f2 5f5-e2e e30-e3e e40-e45 e47-e4e e50-e59 e5c-eae eb0-ec5 ec7-eff ' +
  'f0c-f0c f19-f19 f20-f33 f35-f35 f37-f37 f40-f7e f80-f84 f86-fbd fd0-1360 1369-1fff 2028-202e 2060-207c ' +
  '207f-208c 208f-20ab 20ad-2102 2104-2108 210a-2115 2117-2120 2123-2152 2155-215a 215f-218f 2450-245f ' +
  '246f-2473 24b6-24ff 254c-2591 2593-259f 25a2-25a2 25aa-25b1 25b4-25b5 25b8-25bb 25be-25bf 25c2-25c5 ' +
  '25c9-25ca 25cc-25cd 25d2-25ee 25f0-2604 2607-260d 2610-261b 261d-261d 261f-263f 2641-2641 2643-265f ' +
  '2662-2662 2666-2666 266b-266b 266e-266e 2670-2767 276e-276f 2776-27e5 27ec-2982 2999-29fb 29fe-29ff ' +
  '2c00-2dff 2e80-2fff 3004-3007 301d-30fa 30fc-31ff 321d-321f 322a-325f 327c-327d 3280-337f 3385-3387 ' +
  '33cb-33ce 33d1-33d2 33d4-33d5 33d7-33d7 33d9-33da 33de-aada aae0-fd3d fd40-fe34 fe45-fe58 fe5f-ff00 ' +
  'ff10-ff19 ff21-ff3a ff41-ff5a ff66-ffdf ffe4-ffe4 ffe6-1faff 1fc00-10ffff';

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

// The tables are built on first use, not at import: start-up never needs them.
let upMap: Map<number, number>;
let downMap: Map<number, number>;
let titleMap: Map<number, number>;
let specialUp: Map<number, number[]>;
let specialDown: Map<number, number[]>;
let specialTitle: Map<number, number[]>;
/** One bit per char up to U+10FFFF: set when the char has word syntax. */
let wordBits: Uint32Array;
let tablesReady = false;

function buildTables(): void {
  upMap = new Map();
  downMap = new Map();
  titleMap = new Map();
  parseMap(UPCASE, upMap);
  parseMap(DOWNCASE, downMap);
  parseMap(TITLECASE, titleMap);
  specialUp = parseSpecial(SPECIAL_UP);
  specialDown = parseSpecial(SPECIAL_DOWN);
  specialTitle = parseSpecial(SPECIAL_TITLE);
  wordBits = new Uint32Array((MAX_UNICODE_CHAR + 1) >>> 5);
  for (const r of WORD_RANGES.split(' ')) {
    const [a, b] = r.split('-');
    const to = parseInt(b!, 16);
    let c = parseInt(a!, 16);
    for (; c <= to && (c & 31) !== 0; c++) wordBits[c >>> 5]! |= 1 << (c & 31);
    if (to - c >= 31) {
      const w = (to + 1) >>> 5;
      wordBits.fill(-1, c >>> 5, w);
      c = w << 5;
    }
    for (; c <= to; c++) wordBits[c >>> 5]! |= 1 << (c & 31);
  }
  tablesReady = true;
}

/** Whether C is a word constituent (chars beyond Unicode, raw bytes included, are). */
export const isWordChar = (c: number): boolean => {
  if (c > MAX_UNICODE_CHAR) return true;
  if (!tablesReady) buildTables();
  return (wordBits[c >>> 5]! & (1 << (c & 31))) !== 0;
};

export function upcaseChar(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  if (!tablesReady) buildTables();
  return upMap.get(c) ?? c;
}
export function downcaseChar(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (!tablesReady) buildTables();
  return downMap.get(c) ?? c;
}
export function titlecaseChar(c: number): number {
  if (c < 0x80) return upcaseChar(c);
  if (!tablesReady) buildTables();
  return titleMap.get(c) ?? upcaseChar(c);
}

const CASE_UP = 0;
const CASE_DOWN = 1;
const CASE_CAPITALIZE = 2;
const CASE_CAPITALIZE_UP = 3;
const SIGMA = 0x3a3;
const FINAL_SIGMA = 0x3c2;
const FLAG_BITS = 0xfc00000;

/** The case of a single character under FLAG (no special casing: that applies to strings only). */
function caseSingle(c: number, flag: number): number {
  if (flag === CASE_UP) return upcaseChar(c);
  if (flag === CASE_DOWN) return downcaseChar(c);
  return titlecaseChar(c);
}

/** Case the chars of a string; the result goes to OUT. Returns whether anything changed. */
function caseChars(chars: number[], flag: number, out: number[]): boolean {
  if (!tablesReady) buildTables();
  let inword = false;
  let changed = false;
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
    let cased = caseSingle(c, f);
    // A capital sigma lowered at the end of a word becomes the final form.
    if (c === SIGMA && cased !== c && wasInword && (i + 1 === n || !isWordChar(chars[i + 1]!))) cased = FINAL_SIGMA;
    if (cased !== c) changed = true;
    out.push(cased);
  }
  return changed;
}

function casify(rt: Runtime, obj: number, flag: number): number {
  if (isFixnum(obj) && obj >= 0) {
    const v = fixnumValue(obj);
    if (v > FLAG_BITS) return obj;
    const flags = v & FLAG_BITS;
    const c = v & ~FLAG_BITS;
    const cased = caseSingle(c, flag);
    return cased === c ? obj : makeFixnum(cased | flags);
  }
  if (!stringp(obj)) return wrongTypeArgument(rt, Qchar_or_string_p, obj);
  const n = schars(rt, obj);
  const u8 = rt.u8;
  if (!stringMultibyte(rt, obj)) {
    // Bytes >= 0x80 of a unibyte string are raw bytes, which have no case: only ASCII changes.
    const src = sdata(rt, obj);
    const s = allocString(rt, n, n, false);
    const dst = sdata(rt, s);
    let inword = false;
    for (let i = 0; i < n; i++) {
      const c = u8[src + i]!;
      const wasInword = inword;
      inword = c >= 0x80 || isWordChar(c);
      let f = flag;
      if (flag === CASE_CAPITALIZE) f = wasInword ? CASE_DOWN : CASE_CAPITALIZE;
      else if (flag === CASE_CAPITALIZE_UP) f = wasInword ? -1 : CASE_CAPITALIZE;
      u8[dst + i] = c < 0x80 && f >= 0 ? caseSingle(c, f) : c;
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
  caseChars(chars, flag, out);
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
