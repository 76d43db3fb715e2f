// GNU Emacs regular expressions (GNU regex-emacs.c): a compiler to a flat node program and a backtracking matcher over character codes.
//
// The pattern is parsed into a small tree, then emitted as an Int32Array
// program. The matcher keeps an explicit backtrack stack (no JS recursion),
// so the depth of a match is bounded only by MAX_STACK; a step budget turns
// catastrophic backtracking into GNU's "Stack overflow in regexp matcher"
// error instead of a hang. Text is an Int32Array of character codes (a
// string's chars; raw bytes of unibyte strings already mapped to 0x3FFF80+).
//
// Syntax classes, categories and word boundaries follow the syntax and category tables in force when matching, case
// folding the case table in force when compiling (GNU translates the pattern then): the
// caller passes them as a RegexTables.

import { MAX_UNICODE_CHAR } from '../core/character.ts';
import { Ssymbol, Swhitespace, Sword, syntaxSpecCode } from './syntax.ts';

/** What the engine needs of the current syntax and case tables. */
export interface RegexTables {
  /** Syntax class code of C. */
  syntax(c: number): number;
  down(c: number): number;
  up(c: number): number;
  /** Canonical case of C, what case-folded matching compares. */
  canon(c: number): number;
  /** Whether C is in category CAT (a char code) under the category table in force when matching. */
  category(c: number, cat: number): boolean;
}

/** A malformed pattern: search.ts signals (invalid-regexp MESSAGE). */
export class RegexpSyntaxError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}
/** The matcher ran out of stack or steps: search.ts signals (error "Stack overflow in regexp matcher"). */
export class RegexpOverflow {}

// ---- Unicode properties for the [:class:] names ----------------------------------------

const P_ALPHA = 1;
const P_ALNUM = 2;
const P_BLANK = 4;
const P_GRAPH = 8;
const P_PRINT = 16;
const P_DONE = 128;
/** Lazily computed general-category facts per Unicode char (JS's Unicode tables, used only as a property lookup). */
let uprops: Uint8Array | null = null;
// Made on first use: creating these regexps costs about 1.5 ms, too much for every start-up.
let reAlpha: RegExp, reDigit: RegExp, reBlank: RegExp, reNotGraph: RegExp, reNotPrint: RegExp;

/**
 * The facts for U+0080..U+00FF without JS's Unicode regexps, whose creation and first matches cost
 * milliseconds: every bracket set with a class computes its table for the chars below 256, so
 * the first `[[:alnum:]]` of a process (a handler regexp of `file-name-handler-alist', looked up
 * by the first `load') would pay them. The C1 controls are in no class, the no-break space is
 * blank and printing, the letters (ª µ º and À-ÿ but × and ÷) alphabetic, the rest graphic.
 * test/regex.test.ts checks this against the general rule.
 */
function latin1Prop(c: number): number {
  if (c < 0xa0) return P_DONE;
  if (c === 0xa0) return P_DONE | P_BLANK | P_PRINT;
  const letter = c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  return P_DONE | P_GRAPH | P_PRINT | (letter ? P_ALPHA | P_ALNUM : 0);
}

/** The facts for C from JS's Unicode tables (uprop's general rule; exported for the test above). */
export function upropFromTables(c: number): number {
  if (uprops === null) {
    uprops = new Uint8Array(MAX_UNICODE_CHAR + 1);
    reAlpha = /^[\p{L}\p{M}\p{Nl}]$/u;
    reDigit = /^\p{Nd}$/u;
    reBlank = /^\p{Zs}$/u;
    reNotGraph = /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cs}\p{Cn}]$/u;
    reNotPrint = /^[\p{Cc}\p{Cs}\p{Cn}]$/u;
  }
  let p = uprops[c]!;
  if (p & P_DONE) return p;
  const s = String.fromCodePoint(c);
  p = P_DONE;
  if (reAlpha.test(s)) p |= P_ALPHA | P_ALNUM;
  else if (reDigit.test(s)) p |= P_ALNUM;
  if (reBlank.test(s)) p |= P_BLANK;
  if (!reNotGraph.test(s)) p |= P_GRAPH;
  if (!reNotPrint.test(s)) p |= P_PRINT;
  uprops[c] = p;
  return p;
}

/** The P_ facts of the char C (>= 0x80). */
export function uprop(c: number): number {
  return c < 0x100 ? latin1Prop(c) : upropFromTables(c);
}

const CLASS_NAMES = [
  'alpha', 'alnum', 'digit', 'xdigit', 'space', 'upper', 'lower', 'punct', 'word', 'ascii', 'nonascii', 'blank',
  'cntrl', 'graph', 'print', 'multibyte', 'unibyte',
];
const CC_ALPHA = 0;
const CC_ALNUM = 1;
const CC_DIGIT = 2;
const CC_XDIGIT = 3;
const CC_SPACE = 4;
const CC_UPPER = 5;
const CC_LOWER = 6;
const CC_PUNCT = 7;
const CC_WORD = 8;
const CC_ASCII = 9;
const CC_NONASCII = 10;
const CC_BLANK = 11;
const CC_CNTRL = 12;
const CC_GRAPH = 13;
const CC_PRINT = 14;
const CC_MULTIBYTE = 15;
const CC_UNIBYTE = 16;
/** Classes whose members depend on the syntax or case table in force when matching. */
const DYNAMIC_CLASSES = (1 << CC_SPACE) | (1 << CC_WORD) | (1 << CC_PUNCT) | (1 << CC_UPPER) | (1 << CC_LOWER);

const isUpper = (t: RegexTables, c: number): boolean => t.down(c) !== c;
const isLower = (t: RegexTables, c: number): boolean => !isUpper(t, c) && t.up(c) !== c;

/** Whether C belongs to character class CC (case folding makes upper and lower mean "cased"). */
function inClass(t: RegexTables, cc: number, c: number, fold: boolean): boolean {
  if (c < 0x80) {
    switch (cc) {
      case CC_ALPHA: return (c | 32) >= 0x61 && (c | 32) <= 0x7a;
      case CC_ALNUM: return ((c | 32) >= 0x61 && (c | 32) <= 0x7a) || (c >= 0x30 && c <= 0x39);
      case CC_DIGIT: return c >= 0x30 && c <= 0x39;
      case CC_XDIGIT: return (c >= 0x30 && c <= 0x39) || ((c | 32) >= 0x61 && (c | 32) <= 0x66);
      case CC_SPACE: return t.syntax(c) === Swhitespace;
      case CC_UPPER: return fold ? isUpper(t, c) || isLower(t, c) : isUpper(t, c);
      case CC_LOWER: return fold ? isUpper(t, c) || isLower(t, c) : isLower(t, c);
      case CC_PUNCT: return c > 0x20 && c < 0x7f && !((c | 32) >= 0x61 && (c | 32) <= 0x7a) && !(c >= 0x30 && c <= 0x39);
      case CC_WORD: return t.syntax(c) === Sword;
      case CC_ASCII: return true;
      case CC_NONASCII: return false;
      case CC_BLANK: return c === 0x20 || c === 0x09;
      case CC_CNTRL: return c < 0x20;
      case CC_GRAPH: return c > 0x20 && c < 0x7f;
      case CC_PRINT: return c >= 0x20 && c < 0x7f;
      case CC_MULTIBYTE: return false;
      case CC_UNIBYTE: return true;
    }
    return false;
  }
  // Raw bytes belong to no class.
  if (c > MAX_UNICODE_CHAR) return false;
  switch (cc) {
    case CC_ALPHA: return (uprop(c) & P_ALPHA) !== 0;
    case CC_ALNUM: return (uprop(c) & P_ALNUM) !== 0;
    case CC_DIGIT: case CC_XDIGIT: case CC_ASCII: case CC_CNTRL: case CC_UNIBYTE: return false;
    case CC_SPACE: return t.syntax(c) === Swhitespace;
    case CC_UPPER: return fold ? isUpper(t, c) || isLower(t, c) : isUpper(t, c);
    case CC_LOWER: return fold ? isUpper(t, c) || isLower(t, c) : isLower(t, c);
    case CC_PUNCT: return t.syntax(c) !== Sword;
    case CC_WORD: return t.syntax(c) === Sword;
    case CC_NONASCII: case CC_MULTIBYTE: return true;
    case CC_BLANK: return (uprop(c) & P_BLANK) !== 0;
    case CC_GRAPH: return (uprop(c) & P_GRAPH) !== 0;
    case CC_PRINT: return (uprop(c) & P_PRINT) !== 0;
  }
  return false;
}

/** Whether C is in the [:NAME:] class (a known name), without case folding: skip-chars-forward's test. */
export function charInClass(t: RegexTables, name: string, c: number): boolean {
  return inClass(t, CLASS_NAMES.indexOf(name), c, false);
}

// ---- character sets ------------------------------------------------------------------

const CANON_RANGE_MAX = 0x2000;

/** The character code of raw byte 0x80, the first of the raw bytes (0x3FFF80-0x3FFFFF). */
const RAW_BYTE_FIRST = 0x3fff80;

/** A bracket expression: a bitmap for chars < 256, ranges and classes for the rest. */
export class CharSet {
  readonly low = new Uint32Array(8);
  readonly ranges: number[] = [];
  classes = 0;
  negated = false;
  fold = false;

  addChar(c: number): void {
    this.addRange(c, c);
  }
  addRange(from: number, to: number): void {
    for (let c = from; c <= to && c < 256; c++) this.low[c >>> 5]! |= 1 << (c & 31);
    if (to >= 256) this.ranges.push(Math.max(from, 256), to);
  }
  private has(c: number): boolean {
    if (c < 256) return (this.low[c >>> 5]! & (1 << (c & 31))) !== 0;
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) if (c >= r[i]! && c <= r[i + 1]!) return true;
    return false;
  }
  /** With case folding: the canonical case of every member (of ranges up to CANON_RANGE_MAX long). */
  private canon: Set<number> | null = null;

  /**
   * Membership of chars < 256, when it does not depend on the syntax or case tables in force
   * when matching (no [:space:] [:word:] [:punct:] [:upper:] [:lower:]): the matcher's inner
   * loop then reads a byte instead of walking bitmaps, classes and case maps. Folding is taken
   * from the tables the set is compiled under, as the canon set below.
   */
  low256: Uint8Array | null = null;
  /** Whether a char >= 256 can be a member (false only when none can). */
  high = true;

  /** Called once the set is complete, with the tables it was compiled under. */
  finish(t: RegexTables): void {
    this.finishFold(t);
    if ((this.classes & DYNAMIC_CLASSES) === 0) {
      const low = new Uint8Array(256);
      if (this.classes === 0 && !this.fold) {
        // Members only: the bitmap is the answer.
        const flip = this.negated ? 1 : 0;
        for (let c = 0; c < 256; c++) low[c] = ((this.low[c >>> 5]! >>> (c & 31)) & 1) ^ flip;
      } else {
        for (let c = 0; c < 256; c++) low[c] = this.test(t, c) ? 1 : 0;
      }
      this.low256 = low;
    }
    this.high = this.negated || this.fold || this.classes !== 0 || this.ranges.length > 0;
  }

  private finishFold(t: RegexTables): void {
    if (!this.fold) return;
    const canon = new Set<number>();
    for (let c = 0; c < 256; c++) if (this.has(c)) canon.add(t.canon(c));
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2)
      if (r[i + 1]! - r[i]! <= CANON_RANGE_MAX) for (let c = r[i]!; c <= r[i + 1]!; c++) canon.add(t.canon(c));
    this.canon = canon;
  }

  private hasFolded(t: RegexTables, c: number): boolean {
    if (this.has(c)) return true;
    // Only the classes named: each set bit, lowest first.
    for (let bits = this.classes; bits !== 0; bits &= bits - 1) if (inClass(t, 31 - Math.clz32(bits & -bits), c, this.fold)) return true;
    if (!this.fold) return false;
    if (this.canon!.has(t.canon(c))) return true;
    const d = t.down(c);
    if (d !== c && this.has(d)) return true;
    const u = t.up(c);
    if (u !== c && this.has(u)) return true;
    const k = t.canon(c);
    return k !== c && k !== d && this.has(k);
  }
  test(t: RegexTables, c: number): boolean {
    return this.hasFolded(t, c) !== this.negated;
  }
  /** test(), through the table for chars < 256 when there is one. */
  has1(t: RegexTables, c: number): boolean {
    const low = this.low256;
    if (c < 256 && low !== null) return low[c] === 1;
    return this.hasFolded(t, c) !== this.negated;
  }
}

// ---- the parse tree --------------------------------------------------------------------

const N_CHAR = 0;
const N_ANY = 1;
const N_SET = 2;
const N_SYNTAX = 3;
const N_NOTSYNTAX = 4;
const N_CATEGORY = 5;
const N_NOTCATEGORY = 6;
const N_SEQ = 7;
const N_ALT = 8;
const N_GROUP = 9;
const N_REP = 10;
const N_BACKREF = 11;
const N_ASSERT = 12;

interface Node {
  t: number;
  /** char code, set index, syntax code, group number, assertion kind, backref number */
  v: number;
  kids: Node[];
  min: number;
  max: number;
  greedy: boolean;
}
const node = (t: number, v: number, kids: Node[] = []): Node => ({ t, v, kids, min: 0, max: 0, greedy: true });

// Assertion kinds (also opcodes below).
const A_BOL = 0;
const A_EOL = 1;
const A_BUFBEG = 2;
const A_BUFEND = 3;
const A_WORDBOUND = 4;
const A_NOTWORDBOUND = 5;
const A_WORDBEG = 6;
const A_WORDEND = 7;
const A_SYMBEG = 8;
const A_SYMEND = 9;
const A_POINT = 10;

export const RE_DUP_MAX = 0xffff;

class Parser {
  readonly p: ArrayLike<number>;
  i = 0;
  readonly sets: CharSet[];
  /** search-spaces-regexp's chars: what a run of spaces in the pattern matches. */
  readonly ws: ArrayLike<number> | null;
  /** Highest group number so far (GNU's re_nsub). */
  nsub = 0;
  /** Groups whose \) has not been seen yet. */
  readonly open: number[] = [];
  readonly fold: boolean;
  readonly tables: RegexTables;

  constructor(pattern: ArrayLike<number>, fold: boolean, tables: RegexTables, ws: ArrayLike<number> | null, sets: CharSet[] = []) {
    this.p = pattern;
    this.fold = fold;
    this.tables = tables;
    this.ws = ws;
    this.sets = sets;
  }

  /** The whitespace regexp as a shy group (its own groups do not count). */
  private wsNode(): Node {
    const sub = new Parser(this.ws!, this.fold, this.tables, null, this.sets);
    const tree = sub.parseAlt(0);
    if (sub.i < this.ws!.length) sub.fail('Unmatched ) or \\)');
    const unGroup = (n: Node): void => {
      if (n.t === N_GROUP) n.v = -1;
      for (const k of n.kids) unGroup(k);
    };
    unGroup(tree);
    return node(N_GROUP, -1, [tree]);
  }

  fail(msg: string): never {
    throw new RegexpSyntaxError(msg);
  }

  /** Parse alternatives up to the end or an unmatched \) (depth>0). */
  parseAlt(depth: number): Node {
    const alts: Node[] = [this.parseSeq(depth)];
    const p = this.p;
    while (this.i + 1 < p.length && p[this.i] === 0x5c && p[this.i + 1] === 0x7c) {
      this.i += 2;
      alts.push(this.parseSeq(depth));
    }
    return alts.length === 1 ? alts[0]! : node(N_ALT, 0, alts);
  }

  private parseSeq(depth: number): Node {
    const p = this.p;
    const n = p.length;
    const items: Node[] = [];
    let lastStart = -1;
    const branchStart = this.i;
    while (this.i < n) {
      const c = p[this.i]!;
      if (c === 0x5c) {
        if (this.i + 1 >= n) this.fail('Trailing backslash');
        const d = p[this.i + 1]!;
        if (d === 0x7c) break; // \|
        if (d === 0x29) {
          // \)
          if (depth === 0) this.fail('Unmatched ) or \\)');
          break;
        }
        if (d === 0x7b && lastStart >= 0) {
          this.i += 2;
          this.parseInterval(items, lastStart);
          continue;
        }
        this.i += 2;
        switch (d) {
          case 0x28: {
            lastStart = items.length;
            items.push(this.parseGroup(depth));
            continue;
          }
          case 0x7b: // \{ with nothing to repeat: a literal brace
            lastStart = items.length;
            items.push(node(N_CHAR, 0x7b));
            continue;
          case 0x77: case 0x57: // \w \W
            lastStart = items.length;
            items.push(node(d === 0x77 ? N_SYNTAX : N_NOTSYNTAX, Sword));
            continue;
          case 0x73: case 0x53: case 0x63: case 0x43: {
            if (this.i >= n) this.fail('Premature end of regular expression');
            const k = p[this.i++]!;
            lastStart = items.length;
            if (d === 0x73 || d === 0x53) items.push(node(d === 0x73 ? N_SYNTAX : N_NOTSYNTAX, syntaxSpecCode(k)));
            else items.push(node(d === 0x63 ? N_CATEGORY : N_NOTCATEGORY, k));
            continue;
          }
          case 0x62: items.push(node(N_ASSERT, A_WORDBOUND)); continue;
          case 0x42: items.push(node(N_ASSERT, A_NOTWORDBOUND)); continue;
          case 0x3c: items.push(node(N_ASSERT, A_WORDBEG)); continue;
          case 0x3e: items.push(node(N_ASSERT, A_WORDEND)); continue;
          case 0x60: items.push(node(N_ASSERT, A_BUFBEG)); continue;
          case 0x27: items.push(node(N_ASSERT, A_BUFEND)); continue;
          case 0x3d: items.push(node(N_ASSERT, A_POINT)); continue;
          case 0x5f: {
            if (this.i >= n) this.fail('Premature end of regular expression');
            const k = p[this.i++]!;
            if (k === 0x3c) items.push(node(N_ASSERT, A_SYMBEG));
            else if (k === 0x3e) items.push(node(N_ASSERT, A_SYMEND));
            else this.fail('Invalid regular expression');
            continue;
          }
          default:
            if (d >= 0x31 && d <= 0x39) {
              const g = d - 0x30;
              if (g > this.nsub || this.open.includes(g)) this.fail('Invalid back reference');
              lastStart = items.length;
              items.push(node(N_BACKREF, g));
              continue;
            }
            lastStart = items.length;
            items.push(node(N_CHAR, d));
            continue;
        }
      }
      if (c === 0x20 && this.ws !== null) {
        let j = this.i;
        while (j < n && p[j] === 0x20) j++;
        const d = j < n ? p[j]! : 0;
        if (!(d === 0x2a || d === 0x2b || d === 0x3f || (d === 0x5c && j + 1 < n && p[j + 1] === 0x7b))) {
          this.i = j;
          lastStart = items.length;
          items.push(this.wsNode());
          continue;
        }
      }
      if (c === 0x2a || c === 0x2b || c === 0x3f) {
        if (lastStart < 0) {
          lastStart = items.length;
          items.push(node(N_CHAR, c));
          this.i++;
          continue;
        }
        this.parseRepeatOps(items, lastStart);
        continue;
      }
      this.i++;
      if (c === 0x5e && this.i - 1 === branchStart) {
        items.push(node(N_ASSERT, A_BOL));
        continue;
      }
      if (c === 0x24 && this.atEndlineContext()) {
        items.push(node(N_ASSERT, A_EOL));
        continue;
      }
      lastStart = items.length;
      if (c === 0x2e) items.push(node(N_ANY, 0));
      else if (c === 0x5b) items.push(this.parseBracket());
      else items.push(node(N_CHAR, c));
    }
    return items.length === 1 ? items[0]! : node(N_SEQ, 0, items);
  }

  /** `$` is an anchor at the end of the pattern or before \) or \|. */
  private atEndlineContext(): boolean {
    const p = this.p;
    const i = this.i;
    if (i >= p.length) return true;
    return p[i] === 0x5c && i + 1 < p.length && (p[i + 1] === 0x29 || p[i + 1] === 0x7c);
  }

  private parseRepeatOps(items: Node[], lastStart: number): void {
    const p = this.p;
    let zero = false;
    let many = false;
    let greedy = true;
    for (;;) {
      const c = p[this.i]!;
      if (c === 0x3f && (zero || many)) greedy = false;
      else {
        zero ||= c !== 0x2b;
        many ||= c !== 0x3f;
      }
      this.i++;
      if (this.i >= p.length) break;
      const d = p[this.i]!;
      if (d !== 0x2a && d !== 0x2b && d !== 0x3f) break;
    }
    this.wrap(items, lastStart, zero ? 0 : 1, many ? -1 : 1, greedy);
  }

  private wrap(items: Node[], lastStart: number, min: number, max: number, greedy: boolean): void {
    const body = items.length - lastStart === 1 ? items[lastStart]! : node(N_SEQ, 0, items.slice(lastStart));
    const r = node(N_REP, 0, [body]);
    r.min = min;
    r.max = max;
    r.greedy = greedy;
    items.length = lastStart;
    items.push(r);
  }

  private parseInterval(items: Node[], lastStart: number): void {
    const p = this.p;
    const n = p.length;
    const readNum = (): number => {
      let v = -1;
      while (this.i < n && p[this.i]! >= 0x30 && p[this.i]! <= 0x39) {
        v = (v < 0 ? 0 : v) * 10 + (p[this.i]! - 0x30);
        if (v > RE_DUP_MAX + 1) v = RE_DUP_MAX + 1;
        this.i++;
      }
      return v;
    };
    let lo = readNum();
    let hi = lo;
    if (this.i < n && p[this.i] === 0x2c) {
      this.i++;
      hi = readNum(); // empty: no upper bound
    }
    if (lo < 0) lo = 0;
    if (hi < 0 && !(p[this.i - 1] === 0x2c)) hi = 0;
    if (this.i >= n) this.fail('Unmatched \\{');
    if (p[this.i] !== 0x5c) this.fail('Invalid content of \\{\\}');
    if (this.i + 1 >= n) this.fail('Trailing backslash');
    if (p[this.i + 1] !== 0x7d) this.fail('Invalid content of \\{\\}');
    this.i += 2;
    if (lo > RE_DUP_MAX || hi > RE_DUP_MAX || (hi >= 0 && hi < lo)) this.fail('Invalid content of \\{\\}');
    this.wrap(items, lastStart, lo, hi, true);
  }

  private parseGroup(depth: number): Node {
    const p = this.p;
    const n = p.length;
    let num = -2; // -2: implicit number, -1: shy
    if (this.i + 1 < n && p[this.i] === 0x3f) {
      this.i++;
      let v = 0;
      for (;;) {
        if (this.i >= n) this.fail('Premature end of regular expression');
        const c = p[this.i++]!;
        if (c === 0x3a) break;
        if (c >= 0x30 && c <= 0x39 && !(c === 0x30 && v === 0)) v = v * 10 + (c - 0x30);
        else this.fail('Invalid regular expression');
      }
      num = v === 0 ? -1 : v;
    }
    if (num === -2) num = ++this.nsub;
    else if (num > this.nsub) this.nsub = num;
    if (num > 0) this.open.push(num);
    const body = this.parseAlt(depth + 1);
    if (this.i >= n) this.fail('Unmatched ( or \\(');
    this.i += 2; // the \)
    if (num > 0) this.open.splice(this.open.lastIndexOf(num), 1);
    return node(N_GROUP, num, [body]);
  }

  private parseBracket(): Node {
    const p = this.p;
    const n = p.length;
    const set = new CharSet();
    set.fold = this.fold;
    if (this.i < n && p[this.i] === 0x5e) {
      set.negated = true;
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= n) this.fail('Unmatched [ or [^');
      let c = p[this.i]!;
      if (c === 0x5d && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === 0x5b && this.i + 1 < n && p[this.i + 1] === 0x3a) {
        const cls = this.tryClass();
        if (cls >= 0) {
          set.classes |= 1 << cls;
          continue;
        }
      }
      this.i++;
      if (this.i + 1 < n && p[this.i] === 0x2d && p[this.i + 1] !== 0x5d) {
        const to = p[this.i + 1]!;
        this.i += 2;
        if (to >= RAW_BYTE_FIRST && c < RAW_BYTE_FIRST) {
          // Up to a raw byte, as GNU: from ASCII, the rest of ASCII and the raw bytes up to the
          // end (no character in between); from any other character, nothing.
          if (c < 0x80) {
            set.addRange(c, 0x7f);
            set.addRange(RAW_BYTE_FIRST, to);
          }
        } else if (c <= to) set.addRange(c, to);
        continue;
      }
      set.addChar(c);
      c = 0;
    }
    set.finish(this.tables);
    this.sets.push(set);
    return node(N_SET, this.sets.length - 1);
  }

  /**
   * At `[:`: the class index if a `[:name:]` follows, else -1 (the `[` is then an ordinary char).
   * As GNU, whatever stands between `[:` and the next `:]` of the pattern is taken as the name
   * (so `[[:-:]]` and `[a[:>:]]` are invalid class names); without a later `:]` there is no class.
   */
  private tryClass(): number {
    const p = this.p;
    const n = p.length;
    let j = this.i + 2;
    while (j + 1 < n && !(p[j] === 0x3a && p[j + 1] === 0x5d)) j++;
    if (j + 1 >= n) return -1;
    let name = '';
    for (let k = this.i + 2; k < j; k++) name += String.fromCharCode(p[k]!);
    const k = CLASS_NAMES.indexOf(name);
    if (k < 0) this.fail('Invalid character class name');
    this.i = j + 2;
    return k;
  }
}

// ---- the program -------------------------------------------------------------------

// Opcodes. Single-char matchers come first: they are also the kinds REPEAT takes.
const OP_CHAR = 0; // c
const OP_CHARF = 1; // canonical c (case folding)
const OP_ANY = 2; // anything but newline
const OP_SET = 3; // set index
const OP_SYNTAX = 4; // class
const OP_NOTSYNTAX = 5; // class
const OP_CATEGORY = 6; // category char
const OP_NOTCATEGORY = 7;
const OP_SPLIT = 8; // first, second: try first, backtrack to second
const OP_JMP = 9; // target
const OP_SAVE = 10; // register slot
const OP_BACKREF = 11; // group
const OP_ASSERT = 12; // kind
const OP_LOOP_INIT = 13; // loop register
const OP_LOOP = 14; // loop register, body, exit, greedy: one more iteration unless the last one was empty
const OP_REPEAT = 15; // kind, arg, min, max, greedy: a run of one single-char matcher
const OP_MATCH = 16;

export interface CompiledRegexp {
  readonly prog: Int32Array;
  readonly sets: CharSet[];
  /** GNU's re_nsub: the highest group number. */
  readonly nsub: number;
  readonly nloops: number;
  readonly fold: boolean;
  /** The canonical-case map the pattern was compiled under (when folding). */
  readonly canon: ((c: number) => number) | null;
  /** A match can only start where this single-char matcher matches (kind, arg), or kind -1. */
  readonly firstKind: number;
  readonly firstArg: number;
  /** The pattern begins with \` : only the first position can match. */
  readonly anchored: boolean;
  /**
   * Which chars can begin a match, when that is known and the pattern cannot match empty:
   * startLow[c] for c < 256, startHigh for every char above (null: any char may).
   */
  readonly startLow: Uint8Array | null;
  readonly startHigh: boolean;
  /** Every match begins at a line beginning (the pattern, or each alternative, starts with ^). */
  readonly bol: boolean;
  /** A literal (canonical chars when folding) every match contains, or null: where it is absent no match is. */
  readonly must: Int32Array | null;
  /** The literal begins every match (only assertions before it). */
  readonly mustPrefix: boolean;
  /** Boyer-Moore-Horspool shifts by a char's key (< 256) for `must', forward and backward (null: plain scan). */
  readonly mustShift: Uint8Array | null;
  readonly mustShiftBack: Uint8Array | null;
  /**
   * The Horspool steps by raw char (< 256, keys folded in), forward by the char under the
   * literal's last place and backward by the char under its first: 0 where that char's key is the
   * literal's last (first) char, the place to compare at; mustStep / mustStepBack is the step
   * after such a place. One load a step where going through the key took two.
   */
  readonly mustSkip: Uint8Array | null;
  readonly mustSkipBack: Uint8Array | null;
  readonly mustStep: number;
  readonly mustStepBack: number;
  /** canon(c) for c < 256 under the tables compiled with (folding patterns), for the inner loops. */
  readonly foldLow: Int32Array | null;
  /** When folding with a `must' literal: byte C is 1 when char C < 256 folds to the literal's first char. */
  readonly mustFirstLow: Uint8Array | null;
  /**
   * `must' as a Latin-1 string, for finding it in a Latin1Text (the native string search); null when
   * a char of it is 256 or above, or (folding) one that canon does not leave alone.
   */
  readonly mustLatin: string | null;
  /** mustLatin's bytes. */
  readonly mustBytes: Uint8Array | null;
  /** The Latin-1 map a folded copy of the text is made with (latinFoldOf), when folding. */
  readonly latinFold: Uint8Array | null;
}

class Emitter {
  code: number[] = [];
  nloops = 0;
  readonly fold: boolean;
  readonly tables: RegexTables;
  constructor(fold: boolean, tables: RegexTables) {
    this.fold = fold;
    this.tables = tables;
  }
  emit(...xs: number[]): number {
    const at = this.code.length;
    for (const x of xs) this.code.push(x);
    return at;
  }

  /** Single-char matcher (kind, arg) for N, or null. */
  single(n: Node): [number, number] | null {
    switch (n.t) {
      case N_CHAR: {
        if (this.fold) {
          const k = this.tables.canon(n.v);
          return [OP_CHARF, k];
        }
        return [OP_CHAR, n.v];
      }
      case N_ANY: return [OP_ANY, 0];
      case N_SET: return [OP_SET, n.v];
      case N_SYNTAX: return [OP_SYNTAX, n.v];
      case N_NOTSYNTAX: return [OP_NOTSYNTAX, n.v];
      case N_CATEGORY: return [OP_CATEGORY, n.v];
      case N_NOTCATEGORY: return [OP_NOTCATEGORY, n.v];
    }
    return null;
  }

  gen(n: Node): void {
    const s = this.single(n);
    if (s) {
      this.emit(s[0], s[1]);
      return;
    }
    switch (n.t) {
      case N_SEQ:
        for (const k of n.kids) this.gen(k);
        return;
      case N_ALT: {
        const jumps: number[] = [];
        for (let i = 0; i < n.kids.length; i++) {
          if (i < n.kids.length - 1) {
            const sp = this.emit(OP_SPLIT, 0, 0);
            this.code[sp + 1] = this.code.length;
            this.gen(n.kids[i]!);
            jumps.push(this.emit(OP_JMP, 0));
            this.code[sp + 2] = this.code.length;
          } else this.gen(n.kids[i]!);
        }
        for (const j of jumps) this.code[j + 1] = this.code.length;
        return;
      }
      case N_GROUP:
        if (n.v > 0) this.emit(OP_SAVE, 2 * n.v);
        this.gen(n.kids[0]!);
        if (n.v > 0) this.emit(OP_SAVE, 2 * n.v + 1);
        return;
      case N_BACKREF:
        this.emit(OP_BACKREF, n.v);
        return;
      case N_ASSERT:
        this.emit(OP_ASSERT, n.v);
        return;
      case N_REP:
        this.genRep(n);
        return;
    }
  }

  private genRep(n: Node): void {
    const body = n.kids[0]!;
    const s = this.single(body);
    if (s) {
      this.emit(OP_REPEAT, s[0], s[1], n.min, n.max, n.greedy ? 1 : 0);
      return;
    }
    for (let i = 0; i < n.min; i++) this.gen(body);
    if (n.max < 0) {
      const r = this.nloops++;
      this.emit(OP_LOOP_INIT, r);
      const loop = this.emit(OP_LOOP, r, 0, 0, n.greedy ? 1 : 0);
      this.code[loop + 2] = this.code.length;
      this.gen(body);
      this.emit(OP_JMP, loop);
      this.code[loop + 3] = this.code.length;
      return;
    }
    const exits: number[] = [];
    for (let i = n.min; i < n.max; i++) {
      const sp = this.emit(OP_SPLIT, 0, 0);
      exits.push(sp);
      const bodyAt = this.code.length;
      if (n.greedy) this.code[sp + 1] = bodyAt;
      else this.code[sp + 2] = bodyAt;
      this.gen(body);
    }
    for (const sp of exits) this.code[n.greedy ? sp + 2 : sp + 1] = this.code.length;
  }
}

/** Can N match the empty string? (Decides whether the first-char filter applies.) */
function nullable(n: Node): boolean {
  switch (n.t) {
    case N_SEQ: return n.kids.every(nullable);
    case N_ALT: return n.kids.some(nullable);
    case N_GROUP: return nullable(n.kids[0]!);
    case N_REP: return n.min === 0 || nullable(n.kids[0]!);
    case N_BACKREF: case N_ASSERT: return true;
  }
  return false;
}

/** The single-char matcher every match must begin with, if there is one obvious one. */
function firstOf(n: Node, em: Emitter): [number, number] | null {
  const s = em.single(n);
  if (s) return s;
  switch (n.t) {
    case N_SEQ:
      for (const k of n.kids) {
        if (k.t === N_ASSERT && k.v !== A_POINT) continue;
        return firstOf(k, em);
      }
      return null;
    case N_GROUP: return firstOf(n.kids[0]!, em);
    case N_REP: return n.min > 0 ? firstOf(n.kids[0]!, em) : null;
  }
  return null;
}

/**
 * A set of chars: which below 256 (a bitmap of 8 words, so that the unions below are 8 steps,
 * not 256: a pattern is compiled once, in cold code, often at a program's first file lookup),
 * and whether any above.
 */
interface StartSet {
  bits: Uint32Array;
  high: boolean;
}

/** The chars that can begin a non-empty match of N, or null when that is not known (any may). */
function startSetOf(n: Node, em: Emitter, sets: CharSet[]): StartSet | null {
  switch (n.t) {
    case N_CHAR: {
      const bits = new Uint32Array(8);
      if (!em.fold) {
        if (n.v < 256) bits[n.v >>> 5] = 1 << (n.v & 31);
        return { bits, high: n.v >= 256 };
      }
      const k = em.tables.canon(n.v);
      for (let c = 0; c < 256; c++) if (c === n.v || em.tables.canon(c) === k) bits[c >>> 5]! |= 1 << (c & 31);
      // Chars above 255 may fold to an ASCII one (KELVIN SIGN to k): any of them may begin a match.
      return { bits, high: true };
    }
    case N_ANY: {
      const bits = new Uint32Array(8).fill(-1);
      bits[0] = ~(1 << 10);
      return { bits, high: true };
    }
    case N_SET: {
      const set = sets[n.v]!;
      const low = set.low256;
      if (low === null) return null;
      const bits = new Uint32Array(8);
      for (let c = 0; c < 256; c++) if (low[c]) bits[c >>> 5]! |= 1 << (c & 31);
      return { bits, high: set.high };
    }
    case N_ASSERT: return { bits: new Uint32Array(8), high: false };
    case N_GROUP: case N_REP: return startSetOf(n.kids[0]!, em, sets);
    case N_SEQ: case N_ALT: {
      // A sequence starts as its first part does, and as the next ones do while those before
      // can match empty; an alternation starts as any of its branches.
      const acc: StartSet = { bits: new Uint32Array(8), high: false };
      for (const k of n.kids) {
        const f = startSetOf(k, em, sets);
        if (f === null) return null;
        for (let w = 0; w < 8; w++) acc.bits[w]! |= f.bits[w]!;
        acc.high ||= f.high;
        if (n.t === N_SEQ && !nullable(k)) break;
      }
      return acc;
    }
  }
  // Syntax classes (the table in force when matching decides), categories, backreferences.
  return null;
}

/** The bitmap of a start set as one byte a char, as the matcher reads it. */
function startBytes(bits: Uint32Array): Uint8Array {
  const low = new Uint8Array(256);
  for (let c = 0; c < 256; c++) low[c] = (bits[c >>> 5]! >>> (c & 31)) & 1;
  return low;
}

/** Does every match of N begin at a line beginning? */
function startsWithBol(n: Node): boolean {
  switch (n.t) {
    case N_ASSERT: return n.v === A_BOL;
    case N_SEQ: return n.kids.length > 0 && startsWithBol(n.kids[0]!);
    case N_GROUP: return startsWithBol(n.kids[0]!);
    case N_ALT: return n.kids.every(startsWithBol);
  }
  return false;
}

/** The longest run of literal chars every match of TREE contains (at least 2), or null; and whether it begins every match. */
function mustOf(tree: Node, em: Emitter): { lit: Int32Array; prefix: boolean } | null {
  const items: Node[] = [];
  const flatten = (n: Node): void => {
    if (n.t === N_SEQ) for (const k of n.kids) flatten(k);
    else if (n.t === N_GROUP) flatten(n.kids[0]!);
    else items.push(n);
  };
  flatten(tree);
  let best: number[] = [];
  let prefix: number[] | null = null;
  let run: number[] = [];
  let runPrefix = true;
  for (const k of items) {
    if (k.t === N_CHAR) {
      run.push(em.fold ? em.tables.canon(k.v) : k.v);
      if (run.length > best.length) best = run.slice();
      if (runPrefix) prefix = run.slice();
    } else if (k.t !== N_ASSERT || k.v === A_POINT) {
      run = [];
      runPrefix = false;
    }
    // An assertion matches no char: the literal chars either side of it are still adjacent.
  }
  // A literal that begins the match is worth more than a longer one inside it: its occurrences
  // are the only places to try, where another literal only says whether any place is left.
  if (prefix !== null && prefix.length >= Math.min(3, best.length) && prefix.length >= 2) return { lit: Int32Array.from(prefix), prefix: true };
  return best.length >= 2 ? { lit: Int32Array.from(best), prefix: false } : null;
}

/** Horspool shift tables for literal M, forward and backward, when its keys are all below 256 and it is worth it. */
function shiftTables(m: Int32Array, fold: boolean): [Uint8Array, Uint8Array] | null {
  const len = m.length;
  // Below 8 chars the typed array's own search for an exact literal's first char beats skipping;
  // a folded one has no such search (its plain scan tests every char: 1.8 ns a char against 0.6
  // for a 5-char literal by Horspool), so it skips from 3 chars.
  if (len > 255 || len < (fold ? 3 : 8) || m.some((k) => k >= 256)) return null;
  const fwd = new Uint8Array(256).fill(len);
  const back = new Uint8Array(256).fill(len);
  for (let j = 0; j < len - 1; j++) fwd[m[j]!] = len - 1 - j;
  for (let j = len - 1; j > 0; j--) back[m[j]!] = j;
  return [fwd, back];
}

/**
 * Literal M (canonical chars when FOLDLOW is given) as a Latin-1 string, or null when a text's
 * Latin-1 string (folded by latinFoldOf when folding) cannot be searched for it by plain comparison.
 */
function latinLiteral(m: Int32Array, foldLow: Int32Array | null): string | null {
  if (m.some((k) => k >= 256)) return null;
  // A char C matches literal char K when C = K or canon(C) = K. With K a char canon leaves alone,
  // that is canon(C) = K alone, which the folded string compares.
  if (foldLow !== null) for (const k of m) if (foldLow[k] !== k) return null;
  return String.fromCharCode(...m);
}

/**
 * What each char below 256 becomes in a folded Latin-1 copy of a text: its canonical case, or,
 * when that is 256 or above, a char that canon does not leave alone (no literal holds one, see
 * latinLiteral), so that it matches nothing, as it would not.
 */
function latinFoldOf(foldLow: Int32Array): Uint8Array {
  const made = foldMaps.find((f) => f.from.every((k, c) => foldLow[c] === k));
  if (made !== undefined) return made.map;
  let none = 0;
  while (none < 256 && foldLow[none] === none) none++;
  const out = new Uint8Array(256);
  for (let c = 0; c < 256; c++) out[c] = foldLow[c]! < 256 ? foldLow[c]! : none;
  if (foldMaps.length >= 8) foldMaps.shift();
  foldMaps.push({ from: foldLow.slice(0, 256), map: out });
  return out;
}
/**
 * The maps latinFoldOf made lately: patterns compiled under one case table share one map, so a
 * text's folded copy is found by the map's identity, not by comparing it.
 */
const foldMaps: { from: Int32Array; map: Uint8Array }[] = [];

/** Compile PATTERN (character codes); throws RegexpSyntaxError. */
export function compileRegexp(pattern: ArrayLike<number>, fold: boolean, tables: RegexTables, whitespace: ArrayLike<number> | null = null): CompiledRegexp {
  const ps = new Parser(pattern, fold, tables, whitespace);
  const tree = ps.parseAlt(0);
  if (ps.i < pattern.length) ps.fail('Unmatched ) or \\)');
  const em = new Emitter(fold, tables);
  em.gen(tree);
  em.emit(OP_MATCH);
  const first = nullable(tree) ? null : firstOf(tree, em);
  let anchored = false;
  let lead = tree;
  while (lead.t === N_SEQ && lead.kids.length > 0) lead = lead.kids[0]!;
  if (lead.t === N_ASSERT && lead.v === A_BUFBEG) anchored = true;
  const start = nullable(tree) ? null : startSetOf(tree, em, ps.sets);
  const must = mustOf(tree, em);
  const shifts = must ? shiftTables(must.lit, fold) : null;
  let foldLow: Int32Array | null = null;
  if (fold) {
    foldLow = new Int32Array(256);
    for (let c = 0; c < 256; c++) foldLow[c] = tables.canon(c);
  }
  const mustLatin = must ? latinLiteral(must.lit, foldLow) : null;
  let skips: [Uint8Array, Uint8Array, number, number] | null = null;
  if (must && shifts) {
    const m = must.lit;
    const fwd = new Uint8Array(256);
    const back = new Uint8Array(256);
    for (let c = 0; c < 256; c++) {
      const k = foldLow !== null ? foldLow[c]! : c;
      fwd[c] = k === m[m.length - 1] ? 0 : k < 256 ? shifts[0][k]! : m.length;
      back[c] = k === m[0] ? 0 : k < 256 ? shifts[1][k]! : m.length;
    }
    skips = [fwd, back, shifts[0][m[m.length - 1]!]!, shifts[1][m[0]!]!];
  }
  return {
    prog: Int32Array.from(em.code),
    sets: ps.sets,
    nsub: ps.nsub,
    nloops: em.nloops,
    fold,
    canon: fold ? tables.canon : null,
    firstKind: first ? first[0] : -1,
    firstArg: first ? first[1] : 0,
    anchored,
    startLow: start ? startBytes(start.bits) : null,
    startHigh: start ? start.high : true,
    bol: startsWithBol(tree),
    must: must ? must.lit : null,
    mustPrefix: must ? must.prefix : false,
    mustShift: shifts ? shifts[0] : null,
    mustShiftBack: shifts ? shifts[1] : null,
    mustSkip: skips ? skips[0] : null,
    mustSkipBack: skips ? skips[1] : null,
    mustStep: skips ? skips[2] : 0,
    mustStepBack: skips ? skips[3] : 0,
    foldLow,
    mustFirstLow: foldLow !== null && must ? Uint8Array.from(foldLow, (k, c) => (k === must.lit[0] || c === must.lit[0] ? 1 : 0)) : null,
    mustLatin,
    mustBytes: mustLatin !== null ? Uint8Array.from(must!.lit) : null,
    latinFold: foldLow !== null ? latinFoldOf(foldLow) : null,
  };
}

// ---- the matcher --------------------------------------------------------------------------

/** Backtrack entries are 4 ints: type and three operands. */
const B_ALT = 0; // pc, pos
const B_REG = 1; // slot, old value
const B_LOOPREG = 2; // loop, old value
const B_GREEDY = 3; // next pc, min pos, current pos
const B_LAZY = 4; // repeat op pc, current pos, count

/** Backtrack stack limit (ints) before GNU's "Stack overflow in regexp matcher". */
const MAX_STACK = 4 * 1_000_000;
/** Backtracking steps allowed in one search before giving up the same way. */
export const MAX_STEPS = 8_000_000;

/** Where the text lives and what its edges mean. */
export interface MatchText {
  /** Character codes. */
  chars: Int32Array;
  /** Accessible region: [begv, zv). ^, \`, \b... see these as the edges. */
  begv: number;
  zv: number;
  /** Point, for \= (-1 when there is none, as for strings). */
  point: number;
  /**
   * Where a match must end by (GNU's STOP; zv when absent): a bounded or
   * backward buffer search reads no further, while ^ $ \' \b still see the
   * text beyond it.
   */
  end?: number;
  /**
   * Only chars[lo, hi) hold the text (a buffer decoded in part). A search
   * that would need more sets the matcher's `edge`: its answer is then not
   * to be trusted, and the caller decodes more and searches again.
   */
  lo?: number;
  hi?: number;
  /**
   * The syntax class of char C at index I when `syntax-table' text properties may override the
   * table there (parse-sexp-lookup-properties in a buffer with properties); absent otherwise.
   * \s, \S and the word and symbol boundaries ask it; character classes do not (nor do GNU's).
   */
  syntaxAt?: ((i: number, c: number) => number) | null;
  /** The same text as Latin-1 strings made on demand, for the native string search (absent: none). */
  latin?: Latin1Text | null;
}

/** Node's Buffer, whose indexOf and lastIndexOf find a byte string natively (absent in a browser). */
interface ByteSearch {
  indexOf(v: Uint8Array, from: number): number;
  lastIndexOf(v: Uint8Array, from: number): number;
  subarray(from: number, to: number): ByteSearch;
}
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBuffer, off: number, n: number): ByteSearch } }).Buffer;

/** How far a literal is looked for by a loop over the chars before the native search takes over. */
const NEAR = 512;

/** Not there: Latin1Text.find's answer when it has no copy to search (the caller scans the chars). */
export const NO_COPY = -2;

/**
 * A text's chars [0, N) as Latin-1 bytes, made only when searches would scan a good part of it:
 * a native search (Node's Buffer; a JS string's indexOf elsewhere) finds a literal some hundred
 * times faster than a loop over the chars, and the copy costs about one such loop to make. Made
 * once per text (its owner drops this object when the text changes): the chars as they are, and
 * folded through each case table's Latin-1 part that a search asks for (latinFoldOf).
 */
export class Latin1Text {
  private readonly chars: Int32Array;
  private readonly n: number;
  /** Chars the searches of this text would have scanned without a copy so far. */
  private spent = 0;
  /** Some char is 256 or above: no copy can stand for the text. */
  private wide = false;
  private copies: { fold: Uint8Array | null; bytes: ByteSearch | null; str: string | null }[] = [];

  constructor(chars: Int32Array, n: number) {
    this.chars = chars;
    this.n = n;
  }

  /** The copy folded by FOLD (null: as it is), made when the searches so far, COST more chars now, pay for it; or null. */
  private copy(fold: Uint8Array | null, cost: number): { bytes: ByteSearch | null; str: string | null } | null {
    if (this.wide) return null;
    for (const c of this.copies) if (c.fold === fold || (c.fold !== null && fold !== null && sameTable(c.fold, fold))) return c;
    this.spent += cost;
    if (this.spent < this.n >> 1) return null;
    const chars = this.chars;
    const n = this.n;
    const u = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = chars[i]!;
      if (c > 255) {
        this.wide = true;
        return null;
      }
      u[i] = fold === null ? c : fold[c]!;
    }
    const made = NodeBuffer !== undefined
      ? { fold, bytes: NodeBuffer.from(u.buffer, 0, n), str: null }
      : { fold, bytes: null, str: latin1String(u) };
    this.copies.push(made);
    return made;
  }

  /**
   * The first index Q in [FROM, END - |M|] where bytes M (string MS) begin in the copy folded by
   * FOLD, -1, or NO_COPY. The native search is bounded by a view: unbounded, a bounded search
   * for a rare literal would read to the end of a big text every time.
   */
  find(fold: Uint8Array | null, m: Uint8Array, ms: string, from: number, end: number): number {
    const c = this.copy(fold, end - from);
    if (c === null) return NO_COPY;
    if (c.bytes !== null) {
      const q = end >= this.n ? c.bytes.indexOf(m, from) : c.bytes.subarray(from, end).indexOf(m, 0);
      return q < 0 ? -1 : end >= this.n ? q : from + q;
    }
    // A string's indexOf has no bound: use it only when the bound is near the end anyway.
    if (this.n - end > end - from) return NO_COPY;
    const q = c.str!.indexOf(ms, from);
    return q >= 0 && q + m.length <= end ? q : -1;
  }

  /** The last index Q in [LO, TOP] where bytes M begin in the copy folded by FOLD, -1, or NO_COPY (also without Buffer: a string's lastIndexOf is no faster than the scan). */
  findBack(fold: Uint8Array | null, m: Uint8Array, lo: number, top: number): number {
    if (NodeBuffer === undefined) return NO_COPY;
    const c = this.copy(fold, top - lo);
    if (c === null) return NO_COPY;
    const q = lo === 0 ? c.bytes!.lastIndexOf(m, top) : c.bytes!.subarray(lo, top + m.length).lastIndexOf(m, top - lo);
    return q < 0 ? -1 : lo === 0 ? q : lo + q;
  }
}

function sameTable(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 256; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Bytes U as a Latin-1 string. */
function latin1String(u: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < u.length; i += 8192) parts.push(String.fromCharCode(...u.subarray(i, i + 8192)));
  return parts.join('');
}

/** The first index in [FROM, END) of CHARS holding V, or -1. */
function indexIn(chars: Int32Array, v: number, from: number, end: number): number {
  if (end - from < 64) {
    for (let i = from; i < end; i++) if (chars[i] === v) return i;
    return -1;
  }
  // The typed array's own search is several times faster than a loop over a long stretch. From
  // FROM it reads on to the array's end when V is missing: where that is not far past END, no
  // bounding view is made (a view per call was most of a search loop's garbage).
  if (chars.length - end <= end - from) {
    const q = chars.indexOf(v, from);
    return q < end ? q : -1;
  }
  const q = chars.subarray(from, end).indexOf(v);
  return q < 0 ? -1 : from + q;
}

/** The last index in [LO, TOP] of CHARS holding V, or -1 (the typed array's own search; see indexIn). */
function lastIndexIn(chars: Int32Array, v: number, lo: number, top: number): number {
  if (top < lo) return -1;
  if (lo <= top - lo) {
    const q = chars.lastIndexOf(v, top);
    return q >= lo ? q : -1;
  }
  const q = chars.subarray(lo, top + 1).lastIndexOf(v);
  return q < 0 ? -1 : lo + q;
}

/** Whether C matches the literal's char K (K canonical when RE folds). */
const litEq = (re: CompiledRegexp, c: number, k: number): boolean =>
  c === k || (re.fold && (c < 256 ? re.foldLow![c] === k : re.canon!(c) === k));

/** Whether literal M occurs at Q of CHARS. */
function literalAt(re: CompiledRegexp, m: Int32Array, chars: Int32Array, q: number): boolean {
  for (let j = 0; j < m.length; j++) if (!litEq(re, chars[q + j]!, m[j]!)) return false;
  return true;
}

/** What a char is compared as in a literal scan: itself, or its canonical case when folding. */
const keyOf = (re: CompiledRegexp, c: number): number => (!re.fold ? c : c < 256 ? re.foldLow![c]! : re.canon!(c));

/**
 * The first Q >= FROM with literal M (RE's `must') in CHARS[Q, Q + |M|), all before END, or -1.
 * A short exact literal is found through its first char (the typed array's own search); others
 * by Boyer-Moore-Horspool on the chars' canonical keys, skipping up to |M| chars a step.
 */
function findLiteral(re: CompiledRegexp, m: Int32Array, chars: Int32Array, from: number, end: number): number {
  const len = m.length;
  const last = end - len;
  const shift = re.mustShift;
  if (shift === null) {
    const m0 = m[0]!;
    if (!re.fold) {
      for (let q = from; q <= last; q++) {
        q = indexIn(chars, m0, q, last + 1);
        if (q < 0) return -1;
        if (literalAt(re, m, chars, q)) return q;
      }
      return -1;
    }
    return findFoldedFirst(re, m, chars, from, last);
  }
  const skip = re.mustSkip!;
  const step = re.mustStep;
  const mLast = m[len - 1]!;
  for (let q = from; q <= last; ) {
    const c = chars[q + len - 1]!;
    let d: number;
    if (c < 256) d = skip[c]!;
    else {
      const k = keyOf(re, c);
      d = k === mLast ? 0 : k < 256 ? shift[k]! : len;
    }
    if (d === 0) {
      if (literalAt(re, m, chars, q)) return q;
      d = step;
    }
    q += d;
  }
  return -1;
}

/**
 * Folded literal M's first occurrence in CHARS[FROM, LAST]: a scan for its first char through
 * mustFirstLow, one load and test a char (kept out of findLiteral: V8 optimises this small loop
 * on its own far better; 1.1 MB took 1.8 ms forward and 4.1 ms backward inside it).
 */
function findFoldedFirst(re: CompiledRegexp, m: Int32Array, chars: Int32Array, from: number, last: number): number {
  for (let q = from; q <= last; q++) if (foldedStartsAt(re, m, chars, q)) return q;
  return -1;
}

/** Whether folded literal M matches CHARS at Q: its first char looked up in the Latin-1 table
 *  (or canonicalised above it) before the whole literal is compared. */
function foldedStartsAt(re: CompiledRegexp, m: Int32Array, chars: Int32Array, q: number): boolean {
  const c = chars[q]!;
  if (c < 256) {
    if (re.mustFirstLow![c] === 0) return false;
  } else if (c !== m[0]! && re.canon!(c) !== m[0]!) return false;
  return literalAt(re, m, chars, q);
}

/** Folded literal M's last occurrence in CHARS[LO, TOP]. */
function findFoldedFirstBack(re: CompiledRegexp, m: Int32Array, chars: Int32Array, lo: number, top: number): number {
  for (let q = top; q >= lo; q--) if (foldedStartsAt(re, m, chars, q)) return q;
  return -1;
}

/** The last Q in [LO, TOP] with literal M in CHARS[Q, Q + |M|) before END, or -1. */
function findLiteralBack(re: CompiledRegexp, m: Int32Array, chars: Int32Array, lo: number, top: number, end: number): number {
  const len = m.length;
  const shift = re.mustShiftBack;
  const m0 = m[0]!;
  if (shift === null) {
    // A plain scan for the first char: the typed array's own for an exact one, a table for a folded one.
    if (re.fold) return findFoldedFirstBack(re, m, chars, lo, Math.min(top, end - len));
    for (let q = Math.min(top, end - len); q >= lo; q--) {
      q = q - lo < 64 ? q : lastIndexIn(chars, m0, lo, q);
      if (q < lo) return -1;
      if (chars[q] !== m0) continue;
      if (literalAt(re, m, chars, q)) return q;
    }
    return -1;
  }
  const skip = re.mustSkipBack!;
  const step = re.mustStepBack;
  for (let q = Math.min(top, end - len); q >= lo; ) {
    const c = chars[q]!;
    let d: number;
    if (c < 256) d = skip[c]!;
    else {
      const k = keyOf(re, c);
      d = k === m0 ? 0 : k < 256 ? shift[k]! : len;
    }
    if (d === 0) {
      if (literalAt(re, m, chars, q)) return q;
      d = step;
    }
    q -= d;
  }
  return -1;
}

/**
 * A pattern laid out for the WebAssembly kernel (regex-kernel.ts): WORDS go to the kernel's area
 * from its word FOLD (the fold and start tables, the program, then the sets' tables from word
 * PROG + SETS); FLAGS its F_* flags; NREGS the registers a match sets.
 */
export interface KernelImage {
  readonly words: Int32Array;
  readonly flags: number;
  readonly nregs: number;
  readonly sets: number;
  /** With F_TWO: the chars a match may begin with (the same twice when one). */
  readonly c1: number;
  readonly c2: number;
}
// regex-kernel.ts's capacities (REGS_CAP, LOOPS_CAP, PROG_CAP, SETS_CAP; test/regex-kernel.test.ts checks they agree).
export const KERNEL_REGS = 96;
export const KERNEL_LOOPS = 128;
export const KERNEL_PROG = 4096;
export const KERNEL_SETS = 32;

/** Reusable matcher state: registers and the backtrack stack. */
export class Matcher {
  /** The tables in force for the next match: the caller sets them before each search. */
  tables: RegexTables;
  /** Whether a match must be the longest one at its start (POSIX rules) rather than the first found. */
  posix = false;
  regs = new Int32Array(20);
  loops = new Int32Array(4);
  stack = new Int32Array(1024);
  steps = 0;
  /** The last search wanted text outside [lo, hi) of its MatchText (see there). */
  edge = false;
  private lo = 0;
  private hi = 0;
  private readEnd = 0;
  /**
   * Category answers for chars below 256 during one search: byte (CAT << 8 | C) is 1 or 0, or -1
   * not asked yet. No Lisp runs inside a search, so the table cannot change under it; begin()
   * forgets the categories asked (the next search may run under another table or a changed one).
   */
  private catMemo: Int8Array | null = null;
  private catAsked: number[] = [];
  /** The MatchText's syntaxAt for this search, or null. */
  private synAt: ((i: number, c: number) => number) | null = null;
  /** Sets with table-dependent classes asked in this search (the first dynUsed), and their answers by char (-1: not asked). */
  private dynSets: CharSet[] = [];
  private dynMemos: Int8Array[] = [];
  private dynUsed = 0;
  /** Syntax classes of chars below 256 asked in this search (-1: not asked; valid while synMemoOn). */
  private synMemo = new Int32Array(256);
  private synMemoOn = false;
  /** The MatchText's Latin-1 strings for this search, or null. */
  private latin: Latin1Text | null = null;

  constructor(tables: RegexTables) {
    this.tables = tables;
  }

  private grow(need: number): void {
    if (need > MAX_STACK) throw new RegexpOverflow();
    let n = this.stack.length * 2;
    while (n < need) n *= 2;
    const s = new Int32Array(n);
    s.set(this.stack);
    this.stack = s;
  }

  /**
   * Search for RE in TEXT starting at FROM; try start positions up to LIMIT
   * (down to it when LIMIT < FROM). Returns the match start or -1; the
   * registers hold the groups' positions (-1 when unset).
   */
  search(re: CompiledRegexp, t: MatchText, from: number, limit: number): number {
    this.begin(re, t);
    const nregs = 2 * (re.nsub + 1);
    const chars = t.chars;
    const fk = re.firstKind;
    const fa = re.firstArg;
    const readEnd = this.readEnd;
    const end = Math.min(readEnd, this.hi);
    const must = re.anchored ? null : re.must;
    const low = re.startLow;
    const high = re.startHigh;
    const bol = re.bol;
    if (limit >= from) {
      if (re.anchored && from > t.begv) return -1;
      // Where the literal every match holds next occurs, at or after the start tried.
      let mustAt = -1;
      for (let pos = from; pos <= limit; pos++) {
        // ^: only just after a newline (or at the start of the text).
        if (bol && pos > t.begv && pos - 1 >= this.lo && chars[pos - 1] !== 10) {
          const q = indexIn(chars, 10, pos, end);
          if (q < 0) {
            if (end < readEnd) this.edge = true;
            return -1;
          }
          pos = q + 1;
          if (pos > limit) return -1;
        }
        if (must !== null) {
          if (pos > mustAt) {
            mustAt = this.findMust(re, must, chars, pos, end);
            if (mustAt < 0) {
              if (end < readEnd) this.edge = true;
              return -1;
            }
          }
          if (re.mustPrefix) {
            // The literal starts the match: its next occurrence is the next place to try.
            pos = mustAt;
            if (pos > limit) return -1;
            if (this.run(re, t, pos, nregs) >= 0) return pos;
            if (this.edge) return -1;
            continue;
          }
        }
        if (fk === OP_CHAR) {
          const q = indexIn(chars, fa, pos, end);
          pos = q < 0 ? end : q;
        } else if (low !== null) {
          while (pos < end) {
            const c = chars[pos]!;
            if (c < 256 ? low[c] === 1 : high) break;
            pos++;
          }
        } else if (fk >= 0) {
          while (pos < end && !this.single(re, fk, fa, chars[pos]!, pos)) pos++;
        }
        if (low !== null || fk >= 0) {
          if (pos >= end && end < readEnd && pos <= limit) this.edge = true;
          if (pos >= end || pos > limit) return -1;
        }
        if (must !== null && pos > mustAt) {
          mustAt = this.findMust(re, must, chars, pos, end);
          if (mustAt < 0) {
            if (end < readEnd) this.edge = true;
            return -1;
          }
        }
        if (this.run(re, t, pos, nregs) >= 0) return pos;
        // The caller redoes a search that wanted more text: the later starts need not be tried.
        if (re.anchored || this.edge) return -1;
      }
      return -1;
    }
    const lowest = Math.max(limit, this.lo);
    let top = from;
    if (must !== null) {
      // A match starting at POS holds the literal at POS or after: start from its last occurrence.
      const q = this.findMustBack(re, must, chars, lowest, from, end);
      if (q < 0) {
        if (lowest > limit || end < readEnd) this.edge = true;
        return -1;
      }
      if (q < top) top = q;
    }
    for (let pos = top; pos >= lowest; pos--) {
      if (bol && pos > t.begv && pos - 1 >= this.lo && chars[pos - 1] !== 10) {
        // Back to the last line beginning at or before POS.
        const q = pos - 1 > lowest ? lastIndexIn(chars, 10, lowest, pos - 2) : -1;
        if (q < 0) {
          pos = lowest;
          if (!(pos <= t.begv || (pos - 1 >= this.lo && chars[pos - 1] === 10))) break;
        } else pos = q + 1;
      }
      if (must !== null && re.mustPrefix) {
        // The literal starts the match: try its occurrences, last first.
        pos = this.findMustBack(re, must, chars, lowest, pos, end);
        if (pos < 0) break;
      } else if (fk === OP_CHAR) {
        // A literal first char: skip back to it without the general test.
        if (pos >= end) pos = end - 1;
        if (pos < lowest) break;
        const q = lastIndexIn(chars, fa, lowest, pos);
        if (q < 0) break;
        pos = q;
      } else if (low !== null) {
        if (pos >= end) pos = end - 1;
        for (; pos >= lowest; pos--) {
          const c = chars[pos]!;
          if (c < 256 ? low[c] === 1 : high) break;
        }
        if (pos < lowest) break;
      } else if (fk >= 0 && (pos >= end || !this.single(re, fk, fa, chars[pos]!, pos))) continue;
      if (this.run(re, t, pos, nregs) >= 0) return pos;
      if (this.edge) return -1;
    }
    if (lowest > limit) this.edge = true;
    return -1;
  }

  /**
   * findLiteral, by the native search when the text has a Latin-1 copy for it. The first stretch
   * is scanned here all the same: a literal found a line or so on (a search loop's next match)
   * costs less so than a call to the native search.
   */
  private findMust(re: CompiledRegexp, m: Int32Array, chars: Int32Array, from: number, end: number): number {
    const lt = this.latin;
    if (lt !== null && re.mustLatin !== null && end - from > NEAR) {
      const q = findLiteral(re, m, chars, from, from + NEAR);
      if (q >= 0) return q;
      const r = lt.find(re.latinFold, re.mustBytes!, re.mustLatin, from + NEAR - m.length + 1, end);
      if (r !== NO_COPY) return r;
    }
    return findLiteral(re, m, chars, from, end);
  }

  /** findLiteralBack, by the native search when the text has a Latin-1 copy for it (the first stretch scanned here, as findMust). */
  private findMustBack(re: CompiledRegexp, m: Int32Array, chars: Int32Array, lo: number, top: number, end: number): number {
    const lt = this.latin;
    const last = Math.min(top, end - m.length);
    if (lt !== null && re.mustLatin !== null && last - lo > NEAR) {
      const q = findLiteralBack(re, m, chars, last - NEAR + 1, last, end);
      if (q >= 0) return q;
      const r = lt.findBack(re.latinFold, re.mustBytes!, lo, last - NEAR);
      if (r !== NO_COPY) return r;
    }
    return findLiteralBack(re, m, chars, lo, top, end);
  }

  private begin(re: CompiledRegexp, t: MatchText): void {
    if (this.catAsked.length > 0) {
      for (const cat of this.catAsked) this.catMemo!.fill(-1, cat << 8, (cat << 8) + 256);
      this.catAsked.length = 0;
    }
    this.steps = 0;
    this.edge = false;
    this.dynUsed = 0;
    this.synMemoOn = false;
    this.lo = t.lo ?? 0;
    this.hi = t.hi ?? 0x7fffffff;
    this.readEnd = t.end ?? t.zv;
    this.synAt = t.syntaxAt ?? null;
    this.latin = t.latin ?? null;
    const nregs = 2 * (re.nsub + 1);
    if (this.regs.length < nregs) this.regs = new Int32Array(nregs);
    if (this.loops.length < re.nloops) this.loops = new Int32Array(re.nloops);
  }

  /** Match RE exactly at POS: the end of the match, or -1. */
  match(re: CompiledRegexp, t: MatchText, pos: number): number {
    this.begin(re, t);
    const nregs = 2 * (re.nsub + 1);
    return this.run(re, t, pos, nregs);
  }

  /** Kernel images (regex-kernel.ts) of the patterns searched; the last one asked for. */
  private images = new WeakMap<CompiledRegexp, KernelImage | null>();
  private imageOf: CompiledRegexp | null = null;
  private image: KernelImage | null = null;

  /**
   * RE laid out for the WebAssembly kernel (regex-kernel.ts, from its word FOLD on), or null when
   * RE has an operation the kernel does not know: syntax classes, categories, word and symbol
   * boundaries, bracket expressions whose members follow the tables in force. Made once per
   * pattern: what it holds does not depend on the tables in force when matching (folding is the
   * compile's, the sets it takes have fixed members, and a greedy repeat of the single-char
   * matchers it takes never asks the case tables in cannotContinue). The kernel reads only
   * ASCII text: the tables cover chars below 128.
   */
  kernelImage(re: CompiledRegexp): KernelImage | null {
    if (re === this.imageOf) return this.image;
    let image = this.images.get(re);
    if (image === undefined) {
      image = this.makeKernelImage(re);
      this.images.set(re, image);
    }
    this.imageOf = re;
    this.image = image;
    return image;
  }

  private makeKernelImage(re: CompiledRegexp): KernelImage | null {
    const prog = re.prog;
    const sets = re.sets;
    const nregs = 2 * (re.nsub + 1);
    if (nregs > KERNEL_REGS || re.nloops > KERNEL_LOOPS || prog.length > KERNEL_PROG || sets.length > KERNEL_SETS) return null;
    if (re.fold && re.foldLow === null) return null;
    const staticOne = (kind: number, arg: number): boolean =>
      kind === OP_CHAR || kind === OP_CHARF || kind === OP_ANY || (kind === OP_SET && sets[arg]!.low256 !== null);
    const words = new Int32Array(256 + prog.length + 128 * sets.length);
    const code = words.subarray(256, 256 + prog.length);
    code.set(prog);
    for (let pc = 0; pc < prog.length; ) {
      const op = prog[pc]!;
      switch (op) {
        case OP_CHAR: case OP_CHARF: case OP_ANY: case OP_SET:
          if (!staticOne(op, prog[pc + 1]!)) return null;
          pc += 2;
          break;
        case OP_SPLIT: pc += 3; break;
        case OP_JMP: case OP_SAVE: case OP_BACKREF: case OP_LOOP_INIT: pc += 2; break;
        case OP_ASSERT: {
          const a = prog[pc + 1]!;
          if (a !== A_BOL && a !== A_EOL && a !== A_BUFBEG && a !== A_BUFEND && a !== A_POINT) return null;
          pc += 2;
          break;
        }
        case OP_LOOP: pc += 5; break;
        case OP_REPEAT: {
          const kind = prog[pc + 1]!;
          const arg = prog[pc + 2]!;
          if (!staticOne(kind, arg)) return null;
          // Whether a greedy run never needs its chars back is known from the pattern and tables.
          if (prog[pc + 5] && this.cannotContinue(re, pc + 6, kind, arg)) code[pc + 5] = 3;
          pc += 6;
          break;
        }
        case OP_MATCH: pc += 1; break;
        default: return null;
      }
    }
    for (let c = 0; c < 128; c++) words[c] = re.foldLow !== null ? re.foldLow[c]! : c;
    let flags = (re.bol ? 1 : 0) | (re.anchored ? 2 : 0) | (re.fold ? 8 : 0);
    const low = re.startLow;
    if (low !== null) {
      for (let c = 0; c < 128; c++) words[128 + c] = low[c]!;
      flags |= 4;
    } else if (re.firstKind >= 0 && staticOne(re.firstKind, re.firstArg)) {
      for (let c = 0; c < 128; c++) words[128 + c] = this.single(re, re.firstKind, re.firstArg, c, -1) ? 1 : 0;
      flags |= 4;
    }
    // One or two chars that may begin a match: the kernel scans for them 8 bytes a step.
    let c1 = -1;
    let c2 = -1;
    if (flags & 4) {
      let members = 0;
      for (let c = 0; c < 128; c++) {
        if (words[128 + c] === 0) continue;
        if (++members === 1) c1 = c2 = c;
        else c2 = c;
      }
      if (members <= 2) flags |= 16;
    }
    for (let i = 0; i < sets.length; i++) {
      const t = sets[i]!.low256;
      if (t !== null) for (let c = 0; c < 128; c++) words[256 + prog.length + 128 * i + c] = t[c]!;
    }
    return { words, flags, nregs, sets: prog.length, c1, c2 };
  }

  /** Whether char C (at index AT of the text, or -1 when it stands for no position) matches one-char op KIND with ARG. */
  private single(re: CompiledRegexp, kind: number, arg: number, c: number, at: number): boolean {
    switch (kind) {
      case OP_CHAR: return c === arg;
      case OP_CHARF: return c === arg || (c < 256 ? re.foldLow![c] === arg : re.canon!(c) === arg);
      case OP_ANY: return c !== 10;
      case OP_SET: {
        const set = re.sets[arg]!;
        return c < 256 && set.low256 === null ? this.dynamicHas(set, c) : set.has1(this.tables, c);
      }
      case OP_SYNTAX: return (at >= 0 && this.synAt !== null ? this.synAt(at, c) : this.syntaxOf(c)) === arg;
      case OP_NOTSYNTAX: return (at >= 0 && this.synAt !== null ? this.synAt(at, c) : this.syntaxOf(c)) !== arg;
      // The char as it is, folding or not, as GNU's matcher does (GNU's first-char map, made
      // under the table of the first compile and read through the canon table, can skip
      // starts besides: not copied, docs/buffers.md).
      case OP_CATEGORY: return this.hasCategory(c, arg);
      case OP_NOTCATEGORY: return !this.hasCategory(c, arg);
    }
    return false;
  }

  /**
   * Membership of C (< 256) in SET, whose classes follow the tables in force ([:word:], [:upper:]...):
   * asked of the tables once per char and search, as categories are (no Lisp runs in a search).
   */
  private dynamicHas(set: CharSet, c: number): boolean {
    const sets = this.dynSets;
    let i = 0;
    while (i < this.dynUsed && sets[i] !== set) i++;
    if (i === this.dynUsed) {
      if (i === this.dynMemos.length) this.dynMemos.push(new Int8Array(256));
      this.dynMemos[i]!.fill(-1);
      sets[i] = set;
      this.dynUsed++;
    }
    const m = this.dynMemos[i]!;
    let v = m[c]!;
    if (v < 0) v = m[c] = set.has1(this.tables, c) ? 1 : 0;
    return v === 1;
  }

  /** The syntax table's class of C, asked once per char below 256 and search. */
  private syntaxOf(c: number): number {
    if (c >= 256) return this.tables.syntax(c);
    if (!this.synMemoOn) {
      this.synMemo.fill(-1);
      this.synMemoOn = true;
    }
    let v = this.synMemo[c]!;
    if (v < 0) v = this.synMemo[c] = this.tables.syntax(c);
    return v;
  }

  private hasCategory(c: number, cat: number): boolean {
    if (c >= 256 || cat >= 128) return this.tables.category(c, cat);
    let m = this.catMemo;
    if (m === null) m = this.catMemo = new Int8Array(128 << 8).fill(-1);
    const i = (cat << 8) | c;
    let v = m[i]!;
    if (v < 0) {
      if (!this.catAsked.includes(cat)) this.catAsked.push(cat);
      v = m[i] = this.tables.category(c, cat) ? 1 : 0;
    }
    return v === 1;
  }

  /** The syntax class of the char at index I of CH, text properties included when they count. */
  private classAt(ch: Int32Array, i: number): number {
    return this.synAt !== null ? this.synAt(i, ch[i]!) : this.syntaxOf(ch[i]!);
  }

  private assert(kind: number, t: MatchText, pos: number): boolean {
    const ch = t.chars;
    const atBeg = pos <= t.begv;
    const atEnd = pos >= t.zv;
    // Looking at a char not decoded: the answer may be wrong, the caller retries.
    if ((!atEnd && pos >= this.hi) || (!atBeg && pos - 1 < this.lo)) this.edge = true;
    switch (kind) {
      case A_BOL: return atBeg || ch[pos - 1] === 10;
      case A_EOL: return atEnd || ch[pos] === 10;
      case A_BUFBEG: return atBeg;
      case A_BUFEND: return atEnd;
      case A_POINT: return pos === t.point;
      case A_WORDBOUND:
      case A_NOTWORDBOUND: {
        const b = atBeg || atEnd || (this.classAt(ch, pos - 1) === Sword) !== (this.classAt(ch, pos) === Sword);
        return kind === A_WORDBOUND ? b : !(atBeg || atEnd) && !b;
      }
      case A_WORDBEG:
        return !atEnd && this.classAt(ch, pos) === Sword && (atBeg || this.classAt(ch, pos - 1) !== Sword);
      case A_WORDEND:
        return !atBeg && this.classAt(ch, pos - 1) === Sword && (atEnd || this.classAt(ch, pos) !== Sword);
      case A_SYMBEG: {
        if (atEnd) return false;
        const s = this.classAt(ch, pos);
        if (s !== Sword && s !== Ssymbol) return false;
        if (atBeg) return true;
        const r = this.classAt(ch, pos - 1);
        return r !== Sword && r !== Ssymbol;
      }
      case A_SYMEND: {
        if (atBeg) return false;
        const s = this.classAt(ch, pos - 1);
        if (s !== Sword && s !== Ssymbol) return false;
        if (atEnd) return true;
        const r = this.classAt(ch, pos);
        return r !== Sword && r !== Ssymbol;
      }
    }
    return false;
  }

  /** The backtracking engine proper: returns the end of a match at POS, or -1. */
  private run(re: CompiledRegexp, t: MatchText, start: number, nregs: number): number {
    const prog = re.prog;
    const chars = t.chars;
    // The reading limit (assertions use t.zv); reaching it when it is only the decoded part's end is an edge.
    const readEnd = this.readEnd;
    const zv = Math.min(readEnd, this.hi);
    const partial = zv < readEnd;
    const regs = this.regs;
    const loops = this.loops;
    regs.fill(-1, 0, nregs);
    let stack = this.stack;
    let sp = 0;
    let pc = 0;
    let pos = start;
    let steps = this.steps;
    let bestEnd = -1;
    let bestRegs: Int32Array | null = null;
    for (;;) {
      let ok = true;
      switch (prog[pc]!) {
        case OP_CHAR:
          if (pos < zv && chars[pos] === prog[pc + 1]) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case OP_CHARF: {
          if (pos < zv) {
            const c = chars[pos]!;
            const k = prog[pc + 1]!;
            if (c === k || (c < 256 ? re.foldLow![c] === k : re.canon!(c) === k)) {
              pos++;
              pc += 2;
              break;
            }
          }
          ok = false;
          break;
        }
        case OP_ANY:
          if (pos < zv && chars[pos] !== 10) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case OP_SET: case OP_SYNTAX: case OP_NOTSYNTAX: case OP_CATEGORY: case OP_NOTCATEGORY:
          if (pos < zv && this.single(re, prog[pc]!, prog[pc + 1]!, chars[pos]!, pos)) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case OP_SPLIT:
          if (sp + 4 > stack.length) {
            this.grow(sp + 4);
            stack = this.stack;
          }
          stack[sp] = B_ALT;
          stack[sp + 1] = prog[pc + 2]!;
          stack[sp + 2] = pos;
          sp += 4;
          pc = prog[pc + 1]!;
          break;
        case OP_JMP:
          pc = prog[pc + 1]!;
          break;
        case OP_SAVE: {
          const slot = prog[pc + 1]!;
          if (sp + 4 > stack.length) {
            this.grow(sp + 4);
            stack = this.stack;
          }
          stack[sp] = B_REG;
          stack[sp + 1] = slot;
          stack[sp + 2] = regs[slot]!;
          sp += 4;
          regs[slot] = pos;
          pc += 2;
          break;
        }
        case OP_BACKREF: {
          const g = prog[pc + 1]!;
          const b = regs[2 * g]!;
          const e = regs[2 * g + 1]!;
          if (b < 0 || e < 0) {
            ok = false;
            break;
          }
          const len = e - b;
          if (pos + len > zv) {
            if (partial) this.edge = true;
            ok = false;
            break;
          }
          for (let k = 0; k < len; k++) {
            const x = chars[b + k]!;
            const y = chars[pos + k]!;
            if (x !== y && !(re.fold && re.canon!(x) === re.canon!(y))) {
              ok = false;
              break;
            }
          }
          if (ok) {
            pos += len;
            pc += 2;
          }
          break;
        }
        case OP_ASSERT:
          if (this.assert(prog[pc + 1]!, t, pos)) pc += 2;
          else ok = false;
          break;
        case OP_LOOP_INIT: {
          const r = prog[pc + 1]!;
          if (sp + 4 > stack.length) {
            this.grow(sp + 4);
            stack = this.stack;
          }
          stack[sp] = B_LOOPREG;
          stack[sp + 1] = r;
          stack[sp + 2] = loops[r]!;
          sp += 4;
          loops[r] = -1;
          pc += 2;
          break;
        }
        case OP_LOOP: {
          const r = prog[pc + 1]!;
          const exit = prog[pc + 3]!;
          // An iteration that matched nothing ends the loop (GNU's on_failure_jump_loop).
          if (loops[r] === pos) {
            pc = exit;
            break;
          }
          if (++steps > MAX_STEPS) throw new RegexpOverflow();
          if (sp + 8 > stack.length) {
            this.grow(sp + 8);
            stack = this.stack;
          }
          stack[sp] = B_LOOPREG;
          stack[sp + 1] = r;
          stack[sp + 2] = loops[r]!;
          loops[r] = pos;
          const body = prog[pc + 2]!;
          stack[sp + 4] = B_ALT;
          stack[sp + 6] = pos;
          if (prog[pc + 4]) {
            stack[sp + 5] = exit;
            pc = body;
          } else {
            stack[sp + 5] = body;
            pc = exit;
          }
          sp += 8;
          break;
        }
        case OP_REPEAT: {
          const kind = prog[pc + 1]!;
          const arg = prog[pc + 2]!;
          const min = prog[pc + 3]!;
          const max = prog[pc + 4]!;
          const limit = max < 0 || zv - pos < max ? zv : pos + max;
          let n = 0;
          const p0 = pos;
          if (prog[pc + 5]) {
            let q = pos;
            if (kind === OP_ANY) while (q < limit && chars[q] !== 10) q++;
            else if (kind === OP_CHAR) while (q < limit && chars[q] === arg) q++;
            else while (q < limit && this.single(re, kind, arg, chars[q]!, q)) q++;
            n = q - p0;
            if (partial && q === zv) this.edge = true;
            // Long rescans are work too: charge them, so nested loops over runs hit the budget sooner.
            steps += n >> 3;
            if (n < min) {
              ok = false;
              break;
            }
            pos = q;
            pc += 6;
            if (n > min && !this.cannotContinue(re, pc, kind, arg)) {
              if (sp + 4 > stack.length) {
                this.grow(sp + 4);
                stack = this.stack;
              }
              stack[sp] = B_GREEDY;
              stack[sp + 1] = pc;
              stack[sp + 2] = p0 + min;
              stack[sp + 3] = pos;
              sp += 4;
            }
          } else {
            let q = pos;
            while (n < min && q < limit && this.single(re, kind, arg, chars[q]!, q)) {
              q++;
              n++;
            }
            if (n < min) {
              ok = false;
              break;
            }
            if (partial && limit === zv) this.edge = true;
            if (q < limit) {
              if (sp + 4 > stack.length) {
                this.grow(sp + 4);
                stack = this.stack;
              }
              stack[sp] = B_LAZY;
              stack[sp + 1] = pc;
              stack[sp + 2] = q;
              stack[sp + 3] = limit;
              sp += 4;
            }
            pos = q;
            pc += 6;
          }
          break;
        }
        case OP_MATCH:
          if (this.posix && pos < zv) {
            // POSIX: the longest match wins, so keep the best so far and try the other ways;
            // one reaching the end of the text cannot be beaten.
            if (pos > bestEnd) {
              bestEnd = pos;
              bestRegs = regs.slice(0, nregs);
            }
            ok = false;
            break;
          }
          // A longest match that ends where the decoded text does might go on past it.
          if (this.posix && partial) this.edge = true;
          this.steps = steps;
          regs[0] = start;
          regs[1] = pos;
          return pos;
        default:
          ok = false;
      }
      if (ok) continue;
      if (partial && pos >= zv) this.edge = true;
      // A match that ran into the decoded part's end is redone over more text (windowSearch): trying
      // the other ways through the part now could only use up the step budget, exponentially so for
      // an alternation inside a loop (`\\(a\\|aa\\)*b' over a long run of a's), and signal an
      // overflow that the search over the whole text would not.
      if (this.edge) {
        this.steps = steps;
        return -1;
      }
      // Backtrack.
      for (;;) {
        if (sp === 0) {
          this.steps = steps;
          if (bestRegs !== null) {
            regs.set(bestRegs);
            regs[0] = start;
            regs[1] = bestEnd;
            return bestEnd;
          }
          return -1;
        }
        sp -= 4;
        const type = stack[sp]!;
        if (type >= B_GREEDY || type === B_ALT) {
          if (++steps > MAX_STEPS) throw new RegexpOverflow();
        }
        if (type === B_ALT) {
          pc = stack[sp + 1]!;
          pos = stack[sp + 2]!;
          break;
        }
        if (type === B_REG) {
          regs[stack[sp + 1]!] = stack[sp + 2]!;
          continue;
        }
        if (type === B_LOOPREG) {
          loops[stack[sp + 1]!] = stack[sp + 2]!;
          continue;
        }
        if (type === B_GREEDY) {
          const q = stack[sp + 3]! - 1;
          pc = stack[sp + 1]!;
          pos = q;
          if (q > stack[sp + 2]!) {
            stack[sp + 3] = q;
            sp += 4;
          }
          break;
        }
        // B_LAZY: take one more char if it matches.
        const rpc = stack[sp + 1]!;
        const q = stack[sp + 2]!;
        const limit = stack[sp + 3]!;
        if (!this.single(re, prog[rpc + 1]!, prog[rpc + 2]!, chars[q]!, q)) continue;
        pos = q + 1;
        pc = rpc + 6;
        if (pos < limit) {
          stack[sp + 2] = pos;
          sp += 4;
        }
        break;
      }
    }
  }

  /**
   * Whether giving back chars of a greedy run could never help: the next
   * thing must be a literal char the run's matcher cannot match (GNU's
   * mutually_exclusive_p), so no backtrack entry is needed.
   */
  private cannotContinue(re: CompiledRegexp, pc: number, kind: number, arg: number): boolean {
    // A text property may give the literal char another class where it stands.
    if (this.synAt !== null && (kind === OP_SYNTAX || kind === OP_NOTSYNTAX)) return false;
    const prog = re.prog;
    const op = prog[pc]!;
    if (op === OP_CHAR) return !this.single(re, kind, arg, prog[pc + 1]!, -1);
    if (op === OP_CHARF) {
      const k = prog[pc + 1]!;
      if (kind === OP_CHARF) return k !== arg;
      if (kind === OP_CHAR) return re.canon!(arg) !== k;
      if (kind === OP_SET) return !this.single(re, kind, arg, k, -1);
      if (kind === OP_ANY || k >= 0x80) return false;
      return !this.single(re, kind, arg, k, -1) && !this.single(re, kind, arg, this.tables.up(k), -1);
    }
    return false;
  }
}
