// String searching and match data (the string half of GNU search.c): string-match, match-data, replace-match, regexp-quote.
//
// The match data is Lisp state in the global slot `match-data`: a vector
// [LAST-THING-SEARCHED, START0, END0, START1, END1, ...] of char positions
// (-1 = group unset), so it is rooted, dumped, and saved/restored by Lisp
// through `match-data'/`set-match-data'. Compiled patterns are derived data,
// cached per world; the canon tables they were folded by are kept alive.

import { byte8ToChar, charLenAt, readChar } from '../core/character.ts';
import {
  aref, aset, cons as consCell, consp, integerp, list, listFromArray, makeFixnum, makeString, makeStringFromChars, makeUnibyteString, makeVector,
  pvecSize, sbytes, schars, sdata, stringIntervals, stringMultibyte, stringp, vectorp, xcar, xcdr, xsetcar, xsetcdr,
} from '../core/object.ts';
import { addRootFamily } from '../core/gc.ts';
import { DEFGLOBAL, defineWorldState, type Runtime } from '../core/runtime.ts';
import { argsOutOfRange, error, wrongTypeArgument, xsignal, xsignal1 } from '../core/signal.ts';
import { DEFUN, DEFVAR, primitiveNamed, type SubrDef } from '../core/subr.ts';
import {
  DEFSYM, Qerror, Qfixnump, Qinteger_or_marker_p, Qintegerp, Qinvalid_regexp, Qlistp, Qnatnump, Qnil, Qstringp, Qt, Qunbound,
} from '../core/symbols.ts';
import { Lisp_Cons, fixnumValue, isFixnum } from '../heap/tags.ts';
import { findSymbolValue, forEachTail, funcall, unbindTo } from './eval.ts';
import {
  MAX_STEPS, Matcher, RegexpOverflow, RegexpSyntaxError, compileRegexp, type CompiledRegexp, type KernelImage, type MatchText, type RegexTables,
} from './regex-emacs.ts';
import { currentCanonTable, currentCaseMaps, currentCaseTable, currentUpTable } from './casetab.ts';
import { charHasCategory, currentCategoryTableSlot, standardCategoryTable } from './category.ts';
import { Swhitespace, Sword, currentSyntaxTable, fillAsciiSyntax, syntaxClassIn, syntaxTableP } from './syntax.ts';
import { textget } from './textprop.ts';
import { plistAtPosition } from './intervals.ts';
import { concatToString, listLength, substring } from './fns.ts';
import { BUF_BEGV, BUF_MARKERS, BUF_MULTIBYTE, BUF_PT, BUF_Z, BUF_ZV } from '../heap/layout.ts';
import { bint, bslot, bufferLive, bufferp, currentBuffer, makeMarkerObject, markerp } from './buffer.ts';
import { attachMarker, charToByte, makeMarkerAt, markerBuffer, markerCharpos, unchainMarker } from './marker.ts';
import { bufferSubstring as bufferSubstringOf, prepareToModify, replaceRaw, signalAfterChange } from './insdel.ts';
import { recordDelete, recordInsert, undoRecording } from './undo.ts';
import { setPoint } from './editfns.ts';
import { bufferWindow } from './buffer-text.ts';
import {
  AREA_OFFSET, FOLD, GAVE_UP, K_AFTER, K_BEFORE, K_BEGV, K_C1, K_C2, K_CAP, K_END, K_FLAGS, K_FROM, K_GPT, K_LIMIT, K_MAXSTEPS, K_NREGS, K_POINT, K_SETS,
  K_STEPS, K_ZV, PROG, REGS, STACK, regexKernelOf,
} from './regex-kernel.ts';

export const G_MATCH_DATA = DEFGLOBAL('match-data');

const Qcase_fold_search = DEFVAR('case-fold-search', () => Qt, 'Non-nil means searching and matching do not distinguish upper from lower case.');
const Qinhibit_changing_match_data = DEFVAR('inhibit-changing-match-data', () => Qnil,
  'Non-nil means searching and matching functions do not touch the match data.');
const Qsearch_spaces_regexp = DEFVAR('search-spaces-regexp', () => Qnil,
  'When non-nil, a regexp that a run of spaces in a search pattern matches, instead of the spaces themselves.');
DEFSYM('search-failed');

// ---- compiled-pattern cache ---------------------------------------------------------

interface RegexpState {
  cache: Map<string, CompiledRegexp>;
  matcher: Matcher;
  /** The last patterns compiled, by their bytes: a search loop finds its pattern without building a key. */
  recent: RecentPattern[];
  /** The tables object of the last regexTables call and what it was made from. */
  tables: (RegexTables & { canonTable: number }) | null;
  /** The kernel image in the kernel's area now, and the collections done when it was put there (a collection overwrites it). */
  kernelImage: KernelImage | null;
  kernelGcs: number;
  tablesKey: [number, number, number, number, number];
  /**
   * The canon tables that folding patterns in `cache` and `recent` were compiled under. A pattern's
   * key holds its table's address, so these are kept alive (rooted below): a table the collector
   * freed could otherwise be succeeded at its address by a different table, which would then be
   * handed a pattern folded by the old one.
   */
  canonTables: Set<number>;
  /**
   * The last pattern looked up, by its string object: a loop passes the same string each time,
   * found here without comparing its bytes. Trusted only while no string changed in place and no
   * collection ran (a freed string's address can come back as another string).
   */
  last: { s: number; epoch: number; gcs: number; fold: boolean; literal: boolean; canonTable: number; re: CompiledRegexp | null };
}
interface RecentPattern {
  bytes: Uint8Array;
  multibyte: boolean;
  /** Compiled as a literal (search-forward's string), not as a regexp. */
  literal: boolean;
  fold: boolean;
  canonTable: number;
  ws: number;
  re: CompiledRegexp;
}
const RECENT = 32;
const CACHE_LIMIT = 2000;

/** This world's compiled patterns and matcher (its registers are the last match's). */
const stateOf = defineWorldState<RegexpState>(() => ({
  cache: new Map(), matcher: new Matcher(NO_TABLES), recent: [], tables: null, tablesKey: [0, 0, 0, 0, 0], canonTables: new Set(),
  last: { s: 0, epoch: -1, gcs: -1, fold: false, literal: false, canonTable: 0, re: null },
  kernelImage: null, kernelGcs: -1,
}));
addRootFamily((rt, mark) => {
  for (const t of stateOf(rt).canonTables) mark(t);
});
const NO_TABLES: RegexTables = { syntax: () => 0, down: (c) => c, up: (c) => c, canon: (c) => c, category: () => false };

/** The current buffer's syntax and case tables as the regexp engine reads them. */
export function regexTables(rt: Runtime): RegexTables & { canonTable: number } {
  const st = stateOf(rt);
  const syntax = currentSyntaxTable(rt);
  // The same tables as last time give the same object (the closures read the tables live); the
  // key is looked up without building the case maps, which cost three closures a search.
  const k = st.tablesKey;
  const down = currentCaseTable(rt);
  const canon = currentCanonTable(rt);
  const up = currentUpTable(rt);
  // nil for the standard category table, which is built only when a \cX first looks at it.
  const category = currentCategoryTableSlot(rt);
  if (st.tables && k[0] === syntax && k[1] === canon && k[2] === down && k[3] === category && k[4] === up) return st.tables;
  const maps = currentCaseMaps(rt);
  let catTable = category;
  // Compiling a folding pattern asks the case maps of every Latin-1 char, several times over (a
  // bracket expression, each literal's start set): their answers are kept, for these tables, until
  // a collection runs (after which a table's address may belong to another). Changing a case table
  // through Lisp gives it new derived tables, so new keys above.
  const memo = new Int32Array(768).fill(-1);
  let memoGcs = rt.gcsDone;
  const latinMemo = (off: number, f: (c: number) => number) => (c: number): number => {
    if (c >= 256 || c < 0) return f(c);
    if (memoGcs !== rt.gcsDone) {
      memo.fill(-1);
      memoGcs = rt.gcsDone;
    }
    let v = memo[off + c]!;
    if (v < 0) v = memo[off + c] = f(c);
    return v;
  };
  const t = {
    syntax: (c: number) => syntaxClassIn(rt, syntax, c), down: latinMemo(0, maps.down), up: latinMemo(256, maps.up), canon: latinMemo(512, maps.canon),
    canonTable: maps.canonTable,
    category: (c: number, cat: number) => charHasCategory(rt, catTable === Qnil ? (catTable = standardCategoryTable(rt)) : catTable, c, cat),
  };
  st.tables = t;
  st.tablesKey = [syntax, maps.canonTable, down, category, up];
  return t;
}

/** The characters of a Lisp string, a unibyte string's bytes >= 0x80 becoming raw-byte chars. */
export function stringCharCodes(rt: Runtime, s: number): Int32Array {
  const n = schars(rt, s);
  const out = new Int32Array(n);
  const u8 = rt.u8;
  let p = sdata(rt, s);
  if (!stringMultibyte(rt, s)) {
    for (let i = 0; i < n; i++) out[i] = byte8ToChar(u8[p + i]!);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const b = u8[p]!;
    if (b < 0x80) {
      out[i] = b;
      p++;
    } else {
      out[i] = readChar(u8, p);
      p += charLenAt(b);
    }
  }
  return out;
}

/**
 * stringCharCodes for `string-match': the last string decoded is remembered, so that a loop of
 * matches over one long string (each from the previous match's end) does not decode all of it
 * again every time. The copy is trusted only while nothing has changed any string in place and
 * no collection has run (a freed string's address can come back as another string).
 */
function matchedStringChars(rt: Runtime, s: number): Int32Array {
  const d = rt.decodedString;
  const data = sdata(rt, s);
  const nbytes = sbytes(rt, s);
  if (d !== null && d.s === s && d.epoch === rt.stringEpoch && d.gcs === rt.gcsDone && d.data === data && d.nbytes === nbytes
    && d.chars.length === schars(rt, s)) return d.chars;
  const chars = stringCharCodes(rt, s);
  // Short strings decode faster than they are compared: remember only long ones.
  if (chars.length >= 256) rt.decodedString = { s, epoch: rt.stringEpoch, gcs: rt.gcsDone, data, nbytes, chars };
  return chars;
}

/** A string of these chars: multibyte, or unibyte with raw-byte chars stored as their bytes. */
export function charsToString(rt: Runtime, chars: ArrayLike<number>, multibyte: boolean): number {
  if (multibyte) return makeStringFromChars(rt, chars, true);
  const bytes = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) bytes[i] = chars[i]! & 0xff;
  return makeUnibyteString(rt, bytes);
}

export const caseFold = (rt: Runtime): boolean => {
  const v = findSymbolValue(rt, Qcase_fold_search);
  return v !== Qnil && v !== Qunbound;
};

/**
 * The compiled form of the Lisp string PATTERN (signals invalid-regexp),
 * honouring case-fold-search unless FOLD is given, and search-spaces-regexp.
 * LITERAL: PATTERN is a string to find as it is (search-forward's), never under search-spaces-regexp.
 */
export function compilePattern(rt: Runtime, pattern: number, fold: boolean = caseFold(rt), literal = false): CompiledRegexp {
  const wsv = literal ? Qnil : findSymbolValue(rt, Qsearch_spaces_regexp);
  const ws = stringp(wsv) ? wsv : Qnil;
  const st = stateOf(rt);
  const canonTable = fold ? currentCanonTable(rt) : 0;
  const last = st.last;
  if (ws === Qnil && last.s === pattern && last.epoch === rt.stringEpoch && last.gcs === rt.gcsDone && last.fold === fold
    && last.literal === literal && last.canonTable === canonTable && last.re !== null) return last.re;
  const re = lookUpPattern(rt, st, pattern, fold, literal, ws, canonTable);
  if (ws === Qnil) {
    last.s = pattern;
    last.epoch = rt.stringEpoch;
    last.gcs = rt.gcsDone;
    last.fold = fold;
    last.literal = literal;
    last.canonTable = canonTable;
    last.re = re;
  }
  return re;
}

/** compilePattern past its last-pattern check: the recent patterns by their bytes, else the cache by key. */
function lookUpPattern(rt: Runtime, st: RegexpState, pattern: number, fold: boolean, literal: boolean, ws: number, canonTable: number): CompiledRegexp {
  const n = sbytes(rt, pattern);
  const p = sdata(rt, pattern);
  const mb = stringMultibyte(rt, pattern);
  const u8 = rt.u8;
  // search-spaces-regexp is rare: only patterns compiled without it are remembered here.
  if (ws === Qnil) {
    const recent = st.recent;
    for (let j = 0; j < recent.length; j++) {
      const r = recent[j]!;
      if (r.fold !== fold || r.literal !== literal || r.multibyte !== mb || r.canonTable !== canonTable || r.bytes.length !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++) if (u8[p + i] !== r.bytes[i]) { same = false; break; }
      if (same) return r.re;
    }
  }
  const chars = literal ? quoteChars(stringCharCodes(rt, pattern)) : stringCharCodes(rt, pattern);
  const re = compileChars(rt, chars, fold, ws !== Qnil ? stringCharCodes(rt, ws) : null);
  if (ws === Qnil) {
    if (fold) st.canonTables.add(canonTable);
    if (st.recent.length >= RECENT) st.recent.pop();
    st.recent.unshift({ bytes: u8.slice(sdata(rt, pattern), sdata(rt, pattern) + n), multibyte: mb, literal, fold, canonTable, ws: Qnil, re });
  }
  return re;
}

/** CHARS as a regexp matching them literally (each special char behind a backslash). */
function quoteChars(chars: Int32Array): Int32Array {
  const out: number[] = [];
  for (const c of chars) {
    if (c === 0x5b || c === 0x2a || c === 0x2e || c === 0x5c || c === 0x3f || c === 0x2b || c === 0x5e || c === 0x24) out.push(0x5c);
    out.push(c);
  }
  return Int32Array.from(out);
}

/** The compiled form of the regexp CHARS (cached; signals invalid-regexp); WS stands for search-spaces-regexp. */
export function compileChars(rt: Runtime, chars: Int32Array, fold: boolean, ws: Int32Array | null): CompiledRegexp {
  const st = stateOf(rt);
  const tables = regexTables(rt);
  // A folding pattern is compiled under one canon table: it is part of the key.
  const key = (fold ? 'f' + tables.canonTable + ':' : 'c') + charsKey(chars) + (ws ? '\u0000' + charsKey(ws) : '');
  const hit = st.cache.get(key);
  if (hit) return hit;
  let re: CompiledRegexp;
  try {
    re = compileRegexp(chars, fold, tables, ws);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) xsignal1(rt, Qinvalid_regexp, makeString(rt, e.message));
    throw e;
  }
  if (st.cache.size >= CACHE_LIMIT) {
    st.cache.clear();
    st.canonTables.clear();
    for (const r of st.recent) if (r.fold) st.canonTables.add(r.canonTable);
  }
  if (fold) st.canonTables.add(tables.canonTable);
  st.cache.set(key, re);
  return re;
}

function charsKey(chars: Int32Array): string {
  let s = '';
  for (let i = 0; i < chars.length; i += 4096) s += String.fromCodePoint(...Array.from(chars.subarray(i, i + 4096), (c) => (c > 0x10ffff ? 0xf0000 + (c & 0xffff) : c)));
  // Raw bytes and chars beyond Unicode need a distinct key: add their exact codes.
  for (let i = 0; i < chars.length; i++) if (chars[i]! > 0x10ffff) s += '\u0001' + chars[i]!.toString(16);
  return s;
}

/** Run a search, turning the matcher's overflow into GNU's error. */
export function searchText(rt: Runtime, re: CompiledRegexp, text: MatchText, from: number, limit: number): number {
  return searchWith(rt, regexTables(rt), re, text, from, limit);
}

/** searchText under TABLES, regexTables' value when the search was set up (a loop of searches finds them once). */
function searchWith(rt: Runtime, tables: RegexTables, re: CompiledRegexp, text: MatchText, from: number, limit: number): number {
  const m = stateOf(rt).matcher;
  m.tables = tables;
  try {
    return m.search(re, text, from, limit);
  } catch (e) {
    if (e instanceof RegexpOverflow) error(rt, 'Stack overflow in regexp matcher');
    throw e;
  }
}

/**
 * searchText over an all-ASCII buffer's bytes by the WebAssembly kernel (regex-kernel.ts): GPT,
 * BEFORE and AFTER place the text in the heap (0-based gap position, the byte addresses below and
 * above the gap), TEXT gives the bounds (its chars are not read). Gives what searchText would,
 * the registers left where lastRegisters finds them; or GAVE_UP when the kernel cannot take the
 * search (no kernel, POSIX matching, an operation it does not know, out of stack or steps), for
 * the JS matcher to do all of it.
 */
export function kernelSearch(rt: Runtime, re: CompiledRegexp, text: MatchText, from: number, limit: number, gpt: number, before: number, after: number): number {
  const kernel = regexKernelOf(rt);
  if (kernel === null) return GAVE_UP;
  const m = stateOf(rt).matcher;
  if (m.posix) return GAVE_UP;
  // No image depends on the tables in force (kernelImage), so they are not looked up.
  const image = m.kernelImage(re);
  if (image === null) return GAVE_UP;
  const i32 = rt.i32;
  const w = rt.heap.gcStack + AREA_OFFSET;
  const st = stateOf(rt);
  if (st.kernelImage !== image || st.kernelGcs !== rt.gcsDone) {
    i32.set(image.words, w + FOLD);
    st.kernelImage = image;
    st.kernelGcs = rt.gcsDone;
  }
  i32[w + K_FROM] = from;
  i32[w + K_LIMIT] = limit;
  i32[w + K_END] = text.end ?? text.zv;
  i32[w + K_BEGV] = text.begv;
  i32[w + K_ZV] = text.zv;
  i32[w + K_POINT] = text.point;
  i32[w + K_GPT] = gpt;
  i32[w + K_BEFORE] = before;
  i32[w + K_AFTER] = after;
  i32[w + K_NREGS] = image.nregs;
  i32[w + K_FLAGS] = image.flags;
  i32[w + K_CAP] = (rt.heap.gcStackWords - AREA_OFFSET - STACK) & ~3;
  i32[w + K_STEPS] = 0;
  i32[w + K_MAXSTEPS] = MAX_STEPS;
  i32[w + K_SETS] = PROG + image.sets;
  i32[w + K_C1] = image.c1;
  i32[w + K_C2] = image.c2;
  const found = kernel.search(w << 2);
  if (found === GAVE_UP) return found;
  if (m.regs.length < image.nregs) m.regs = new Int32Array(image.nregs);
  const regs = m.regs;
  for (let i = 0; i < image.nregs; i++) regs[i] = i32[w + REGS + i]!;
  m.edge = false;
  return found;
}

/** Run BODY with the matcher looking for the longest match at each start, as POSIX asks. */
export function withPosixMatching<T>(rt: Runtime, body: () => T): T {
  const m = stateOf(rt).matcher;
  const saved = m.posix;
  m.posix = true;
  try {
    return body();
  } finally {
    m.posix = saved;
  }
}

DEFUN('posix-string-match', 2, 3,
  'Search STRING, from index START, for the longest match of REGEXP at the first place one starts, as POSIX asks, and give that index or nil; the match data record it.',
  (rt, regexp: number, string: number, start: number) => withPosixMatching(rt, () => stringMatch(rt, regexp, string, start, true)));

/** Whether the last search wanted text beyond the decoded part of its MatchText (regex-emacs.ts). */
export const lastSearchEdge = (rt: Runtime): boolean => stateOf(rt).matcher.edge;

/** Registers of the last search, as the matcher left them. */
export const lastRegisters = (rt: Runtime): Int32Array => stateOf(rt).matcher.regs;

// ---- match data ---------------------------------------------------------------------

/** Record N registers from REGS (shifted by OFFSET) as the match data, searched in THING. */
export function setMatchData(rt: Runtime, thing: number, regs: ArrayLike<number>, n: number, offset = 0): void {
  // Only this module holds the vector (Lisp gets lists), so one of the right size is reused.
  const old = rt.globals[G_MATCH_DATA]!;
  const v = vectorp(rt, old) && pvecSize(rt, old) === 1 + 2 * n ? old : makeVector(rt, 1 + 2 * n, makeFixnum(-1));
  // The vector's words written in place (aset's), a call less per register in unoptimised code.
  const m = rt.i32;
  const w = ((v & -8) >>> 2) + 1;
  m[w] = thing;
  for (let i = 0; i < 2 * n; i++) {
    const x = regs[i]!;
    m[w + 1 + i] = makeFixnum(x < 0 ? -1 : x + offset);
  }
  rt.globals[G_MATCH_DATA] = v;
}

/** Number of register pairs in the match data (0 when there is none). */
export function numRegs(rt: Runtime): number {
  const v = rt.globals[G_MATCH_DATA]!;
  return vectorp(rt, v) ? (pvecSize(rt, v) - 1) >> 1 : 0;
}
export const regStart = (rt: Runtime, i: number): number => fixnumValue(aref(rt, rt.globals[G_MATCH_DATA]!, 1 + 2 * i));
export const regEnd = (rt: Runtime, i: number): number => fixnumValue(aref(rt, rt.globals[G_MATCH_DATA]!, 2 + 2 * i));

export const inhibitChanging = (rt: Runtime): boolean => {
  const v = findSymbolValue(rt, Qinhibit_changing_match_data);
  return v !== Qnil && v !== Qunbound;
};

const Qparse_sexp_lookup_properties = DEFSYM('parse-sexp-lookup-properties');
const Qsyntax_table = DEFSYM('syntax-table');

/**
 * The matcher's syntaxAt for STRING: with parse-sexp-lookup-properties, a `syntax-table' text
 * property of the string (a raw descriptor or a syntax table) decides the class of the char it
 * covers, as in a buffer (syntax-scan.ts); null when the variable is nil or the string has none.
 */
function stringPropertySyntax(rt: Runtime, string: number): ((i: number, c: number) => number) | null {
  const on = findSymbolValue(rt, Qparse_sexp_lookup_properties);
  if (on === Qnil || on === Qunbound) return null;
  const iv = stringIntervals(rt, string);
  if (iv === Qnil) return null;
  const table = currentSyntaxTable(rt);
  return (i, c) => {
    const v = textget(rt, plistAtPosition(rt, iv, i), Qsyntax_table);
    if (consp(v)) {
      const code = xcar(rt, v);
      return isFixnum(code) ? fixnumValue(code) & 0xffff : Swhitespace;
    }
    return syntaxClassIn(rt, syntaxTableP(rt, v) ? v : table, c);
  };
}

// ---- primitives -----------------------------------------------------------------------

/** GNU's string_match_1 (the posix flag is not supported: POSIX longest-match backtracking). */
export function stringMatch(rt: Runtime, regexp: number, string: number, start: number, modifyData: boolean): number {
  if (!stringp(regexp)) wrongTypeArgument(rt, Qstringp, regexp);
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const len = schars(rt, string);
  let pos = 0;
  if (start !== Qnil) {
    if (!isFixnum(start)) wrongTypeArgument(rt, Qfixnump, start);
    pos = fixnumValue(start);
    if (pos < 0 && -pos <= len) pos = len + pos;
    else if (pos < 0 || pos > len) argsOutOfRange(rt, string, start);
  }
  const found = runStringSearch(rt, prepareStringSearch(rt, regexp, string), pos, modifyData && !inhibitChanging(rt));
  return found < 0 ? Qnil : makeFixnum(found);
}

/**
 * GNU's fast_string_match over one string and several patterns: a function that gives where
 * REGEXP first matches STRING, case counting, or -1, leaving the match data alone.
 */
export function stringMatcher(rt: Runtime, string: number): (regexp: number) => number {
  const text: MatchText = { chars: matchedStringChars(rt, string), begv: 0, zv: schars(rt, string), point: -1, syntaxAt: stringPropertySyntax(rt, string) };
  const tables = regexTables(rt);
  return (regexp) => searchWith(rt, tables, compilePattern(rt, regexp, false), text, 0, text.zv);
}

/** What searching STRING for REGEXP needs, found once: a loop of searches over one string reuses it. */
interface StringSearch {
  string: number;
  re: CompiledRegexp;
  text: MatchText;
  tables: RegexTables;
}

function prepareStringSearch(rt: Runtime, regexp: number, string: number): StringSearch {
  const re = compilePattern(rt, regexp);
  const text: MatchText = { chars: matchedStringChars(rt, string), begv: 0, zv: schars(rt, string), point: -1, syntaxAt: stringPropertySyntax(rt, string) };
  return { string, re, text, tables: regexTables(rt) };
}

/** Search from POS (a valid index); the index of the match or -1; SET: record the match data. */
function runStringSearch(rt: Runtime, ss: StringSearch, pos: number, set: boolean): number {
  const found = searchWith(rt, ss.tables, ss.re, ss.text, pos, ss.text.zv);
  if (found >= 0 && set) setMatchData(rt, ss.string, lastRegisters(rt), ss.re.nsub + 1);
  return found;
}

DEFUN('string-match', 2, 3,
  'Search STRING, from index START, for a match of REGEXP and give the index where it begins, or nil; the match data records it.',
  (rt, regexp: number, string: number, start: number) => stringMatch(rt, regexp, string, start, true));

/**
 * split-string's loop without TRIM (regexp.el calls this when TRIM is nil and the match data may
 * change): the same searches in the same order, so the match data end as the Lisp loop leaves
 * them, but no Lisp call per piece (the Lisp loop cost some 3 us a piece, the search under 0.5).
 */
DEFUN('split-string--pieces', 3, 3,
  'Give the pieces of STRING between matches of REGEXP, in order, as `split-string\' without TRIM does; KEEP non-nil keeps empty pieces.',
  (rt, regexp: number, string: number, keep: number) => {
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    const sp = rt.sp;
    rt.push(regexp);
    rt.push(string);
    try {
      const size = schars(rt, string);
      const keepAll = keep !== Qnil;
      const piece = (from: number, to: number): void => {
        if (!keepAll && from >= to) return;
        rt.push(substring(rt, rt.stack[sp + 1]!, makeFixnum(from), makeFixnum(to)));
      };
      let pos = 0;
      let searched = false;
      // The pattern is compiled and the string decoded once for all the searches (nothing in the
      // loop runs Lisp or changes a string).
      let ss: StringSearch | null = null;
      const setData = !inhibitChanging(rt);
      for (;;) {
        const start = searched && pos === regStart(rt, 0) && pos < size ? pos + 1 : pos;
        if (ss === null) {
          if (!stringp(regexp)) wrongTypeArgument(rt, Qstringp, regexp);
          ss = prepareStringSearch(rt, regexp, string);
        }
        if (runStringSearch(rt, ss, start, setData) < 0 || pos >= size) break;
        searched = true;
        const to = regStart(rt, 0);
        const after = regEnd(rt, 0);
        piece(pos, to);
        pos = after;
      }
      piece(pos, size);
      const n = rt.sp - (sp + 2);
      let list = Qnil;
      for (let i = n - 1; i >= 0; i--) {
        list = consCell(rt, rt.stack[sp + 2 + i]!, list);
        rt.stack[sp + 2 + i] = list;
      }
      return list;
    } finally {
      rt.sp = sp;
    }
  });

/**
 * replace-regexp-in-string's loop when REP is a string (regexp.el calls this unless
 * inhibit-changing-match-data is set, and binds nothing else): the Lisp loop's steps in its order,
 * each match's text cut out, the match data shifted onto it and `replace-match' run on it, so the
 * result and the errors are that loop's; but no Lisp call per match (the Lisp loop spent some 10 us
 * a match in the evaluator). It never calls Lisp, so no collection runs while PIECES holds strings.
 */
DEFUN('replace-regexp-in-string--string', 7, 7,
  'Give STRING with each match of REGEXP from index START on replaced by the string REP through `replace-match\' with FIXEDCASE, LITERAL and SUBEXP, as `replace-regexp-in-string\' does; the match data change.',
  (rt, regexp: number, rep: number, string: number, fixedcase: number, literal: number, subexp: number, start: number) => {
    if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
    if (!isFixnum(start) || fixnumValue(start) < 0) wrongTypeArgument(rt, Qnatnump, start);
    const end = schars(rt, string);
    let pos = fixnumValue(start);
    if (pos < end && stringIntervals(rt, string) === Qnil && stringIntervals(rt, rep) === Qnil) {
      if (!stringp(regexp)) wrongTypeArgument(rt, Qstringp, regexp);
      return replaceInPlainString(rt, regexp, rep, string, fixedcase, literal, subexp, pos);
    }
    const pieces: number[] = [];
    if (pos < end) {
      // As the Lisp loop's first `string-match' would, and only when it would run.
      if (!stringp(regexp)) wrongTypeArgument(rt, Qstringp, regexp);
      const ss = prepareStringSearch(rt, regexp, string);
      while (pos < end) {
        const from = runStringSearch(rt, ss, pos, true);
        if (from < 0) break;
        const to = Math.max(regEnd(rt, 0), Math.min(end, from + 1));
        const chunk = substring(rt, string, makeFixnum(from), makeFixnum(to));
        translateMatchData(rt, -from);
        pieces.push(substring(rt, string, makeFixnum(pos), makeFixnum(from)));
        pieces.push(replaceMatch(rt, rep, fixedcase, literal, chunk, subexp));
        pos = to;
      }
    }
    pieces.push(substring(rt, string, makeFixnum(pos), makeFixnum(end)));
    return concatToString(rt, pieces);
  });

/** Syntax codes of the ASCII chars, filled for one replaceInPlainString call (it calls no Lisp, so never re-entered). */
const asciiSyntaxScratch = new Int32Array(128);

/**
 * replace-regexp-in-string--string for a STRING and a REP without text properties, where every
 * piece of the result is plain: the result's chars are gathered from the decoded string and the
 * replacement directly, with no substring, shifted match data or `replace-match' string per match. A match
 * whose replacement is not plain (case conversion, a bad backslash, a missing group) goes through
 * `replace-match' as in the general loop, which also gives its errors.
 */
function replaceInPlainString(rt: Runtime, regexp: number, rep: number, string: number, fixedcase: number, literal: number, subexp: number, pos: number): number {
  const ss = prepareStringSearch(rt, regexp, string);
  const chars = ss.text.chars;
  const end = ss.text.zv;
  const nregs = ss.re.nsub + 1;
  const repMultibyte = stringMultibyte(rt, rep);
  let multibyte = stringMultibyte(rt, string);
  // The replacement as chars, and each \N or \& as -1 - N; null when it has a bad backslash.
  const repChars = stringCharCodes(rt, rep);
  // \& stands for the SUBEXP group when one is given; -1 when SUBEXP is no integer (every match
  // then goes through `replace-match', which signals).
  const sub = subexp === Qnil ? 0 : isFixnum(subexp) ? fixnumValue(subexp) : -1;
  let template: number[] | null = [];
  if (literal !== Qnil) template = Array.from(repChars);
  else
    for (let i = 0; i < repChars.length; i++) {
      const c = repChars[i]!;
      if (c !== 0x5c) template.push(c);
      else {
        const d = i + 1 < repChars.length ? repChars[++i]! : -1;
        if (d === 0x26) template.push(-1 - Math.max(sub, 0));
        else if (d >= 0x31 && d <= 0x39) template.push(-1 - (d - 0x30));
        else if (d === 0x5c) template.push(0x5c);
        else if (d === 0x3f) template.push(0x5c, 0x3f);
        else {
          template = null;
          break;
        }
      }
    }
  const t = regexTables(rt);
  const syn = asciiSyntaxScratch;
  if (fixedcase === Qnil) fillAsciiSyntax(rt, currentSyntaxTable(rt), syn);
  const syntaxOf = (c: number): number => (c < 128 ? syn[c]! & 0xffff : t.syntax(c));
  const out: number[] = [];
  while (pos < end) {
    const from = searchText(rt, ss.re, ss.text, pos, end);
    if (from < 0) break;
    const regs = lastRegisters(rt);
    const to = Math.max(regs[1]!, Math.min(end, from + 1));
    for (let k = pos; k < from; k++) out.push(chars[k]!);
    const plain = template !== null && sub >= 0 && sub < nregs && regs[2 * sub]! >= 0
      && (fixedcase !== Qnil || caseActionIn(t, syntaxOf, chars, regs[2 * sub]!, regs[2 * sub + 1]!) === CASE_NONE);
    if (plain) {
      const ms = regs[2 * sub]!;
      const me = regs[2 * sub + 1]!;
      for (let k = from; k < ms; k++) out.push(chars[k]!);
      for (let i = 0; i < template!.length; i++) {
        const c = template![i]!;
        if (c >= 0) {
          out.push(c);
          continue;
        }
        const g = -1 - c;
        if (g >= nregs || regs[2 * g]! < 0) continue;
        const hi = Math.min(Math.max(regs[2 * g + 1]!, from), to);
        for (let k = Math.max(regs[2 * g]!, from); k < hi; k++) out.push(chars[k]!);
      }
      for (let k = me; k < to; k++) out.push(chars[k]!);
      if (repMultibyte) multibyte = true;
    } else {
      setMatchData(rt, string, regs, nregs);
      const chunk = substring(rt, string, makeFixnum(from), makeFixnum(to));
      translateMatchData(rt, -from);
      const piece = replaceMatch(rt, rep, fixedcase, literal, chunk, subexp);
      const pc = stringCharCodes(rt, piece);
      for (let k = 0; k < pc.length; k++) out.push(pc[k]!);
      if (stringMultibyte(rt, piece)) multibyte = true;
    }
    pos = to;
  }
  for (let k = pos; k < end; k++) out.push(chars[k]!);
  return charsToString(rt, out, multibyte);
}

DEFUN('match-beginning', 1, 1, 'Give where subexpression SUBEXP of the last match began, or nil when it did not take part.',
  (rt, subexp: number) => matchLimit(rt, subexp, true));
DEFUN('match-end', 1, 1, 'Give where subexpression SUBEXP of the last match ended, or nil when it did not take part.',
  (rt, subexp: number) => matchLimit(rt, subexp, false));

// match-string and match-string-no-properties are Lisp in GNU (subr.el); here they are
// primitives doing what those definitions do, in the same order (match-beginning's checks, then
// the substring's): a line loop calls one per match, and as Lisp each call was three more calls
// through the evaluator (100,000 calls: 168 ms cold, 51-59 warm; GNU 43).
function matchString(rt: Runtime, num: number, string: number, props: boolean): number {
  const from = matchLimit(rt, num, true);
  if (from === Qnil) return Qnil;
  const to = matchLimit(rt, num, false);
  if (string !== Qnil) return calledPrimitive(props ? 0 : 1).fn(rt, string, from, to);
  return calledPrimitive(props ? 2 : 3).fn(rt, from, to);
}

// The primitives match-string and replace-match call, each looked up by name at its first call:
// the lookup is a search of the builtin names by string comparison, which a line loop paid at
// every match (20,000 times in buffer-search.el, about as much CPU as the substring itself).
const CALLED_PRIMITIVES = ['substring', 'substring-no-properties', 'buffer-substring', 'buffer-substring-no-properties', 'upcase', 'upcase-initials'];
const calledDefs: (SubrDef | undefined)[] = CALLED_PRIMITIVES.map(() => undefined);
function calledPrimitive(k: number): SubrDef {
  return (calledDefs[k] ??= primitiveNamed(CALLED_PRIMITIVES[k]!)!);
}

DEFUN('match-string', 1, 2,
  'Give the text that group NUM of the last match covered, or nil when the group took no part.\nAfter `string-match\', pass the STRING that was searched; otherwise the text comes from the current buffer.',
  (rt, num: number, string: number) => matchString(rt, num, string, true));
DEFUN('match-string-no-properties', 1, 2,
  'Give the text that group NUM of the last match covered, without text properties, or nil when the group took no part.\nSTRING is as for `match-string\'.',
  (rt, num: number, string: number) => matchString(rt, num, string, false));

function matchLimit(rt: Runtime, subexp: number, beginning: boolean): number {
  if (!isFixnum(subexp)) wrongTypeArgument(rt, Qfixnump, subexp);
  const n = fixnumValue(subexp);
  if (n < 0) argsOutOfRange(rt, subexp, makeFixnum(0));
  if (n >= numRegs(rt)) return Qnil;
  const x = beginning ? regStart(rt, n) : regEnd(rt, n);
  return x < 0 ? Qnil : makeFixnum(x);
}

DEFUN('match-data', 0, 3,
  'Give the positions of the last match and its subexpressions as a list, nil for those that did not take part; REUSE, a list, is filled in when given.\nAfter a buffer search they are markers unless INTEGERS, which appends the buffer instead.',
  (rt, integers: number, reuse: number, reseat: number) => {
    const n = numRegs(rt);
    const md = rt.globals[G_MATCH_DATA]!;
    const items: number[] = [];
    const thing = n > 0 ? aref(rt, md, 0) : Qnil;
    if (n > 0 && thing !== Qnil) {
      const inBuffer = bufferp(rt, thing);
      const asMarkers = inBuffer && integers === Qnil;
      const live = inBuffer && bufferLive(rt, thing);
      // A position as a marker of the searched buffer (pointing nowhere once it is dead), as GNU.
      const pos = (x: number): number => {
        if (!asMarkers) return makeFixnum(x);
        if (!live) return makeMarkerObject(rt);
        const z = bint(rt, thing, BUF_Z);
        return makeMarkerAt(rt, thing, Math.min(Math.max(x, 1), z));
      };
      let last = -1;
      for (let i = 0; i < n; i++) if (regStart(rt, i) >= 0) last = i;
      for (let i = 0; i <= last; i++) {
        const b = regStart(rt, i);
        if (b < 0) items.push(Qnil, Qnil);
        else {
          items.push(pos(b));
          items.push(pos(regEnd(rt, i)));
        }
      }
      if (inBuffer && integers !== Qnil) items.push(thing);
    }
    if (!consp(reuse)) return listFromArray(rt, items);
    forEachTail(rt, reuse, () => {}); // a circular REUSE signals circular-list instead of filling forever
    // RESEAT: the markers REUSE held are made to point nowhere before being dropped.
    if (reseat !== Qnil) forEachTail(rt, reuse, (c) => { if (markerp(rt, xcar(rt, c))) unchainMarker(rt, xcar(rt, c)); });
    // Fill REUSE; extend it with fresh conses if it is too short, nil out what is left.
    let tail = reuse;
    let i = 0;
    for (; i < items.length; i++) {
      xsetcar(rt, tail, items[i]!);
      const next = xcdr(rt, tail);
      if (i + 1 < items.length && !consp(next)) {
        xsetcdr(rt, tail, listFromArray(rt, items.slice(i + 1)));
        return reuse;
      }
      if (i + 1 < items.length) tail = next;
    }
    if (items.length > 0) tail = xcdr(rt, tail);
    while (consp(tail)) {
      xsetcar(rt, tail, Qnil);
      tail = xcdr(rt, tail);
    }
    return reuse;
  });

DEFUN('set-match-data', 1, 2, 'Make LIST, positions (integers or markers) in the form `match-data\' gives, the current match data; RESEAT non-nil makes its markers point nowhere.',
  (rt, lst: number, reseat: number) => {
    if (lst !== Qnil && !consp(lst)) wrongTypeArgument(rt, Qlistp, lst);
    // As GNU's list_length: a circular list signals circular-list (walking it would never end).
    if (consp(lst)) listLength(rt, lst);
    const regs: number[] = [];
    let thing = Qt;
    // A marker stands for its position and makes its buffer the thing searched; one that points nowhere, for 0.
    const value = (x: number): number => {
      if (markerp(rt, x)) {
        const b = markerBuffer(rt, x);
        if (b === Qnil) return 0;
        thing = b;
        return markerCharpos(rt, x);
      }
      if (!integerp(rt, x)) wrongTypeArgument(rt, Qinteger_or_marker_p, x);
      return isFixnum(x) ? fixnumValue(x) : -1;
    };
    let l = lst;
    while (consp(l)) {
      const b = xcar(rt, l);
      l = xcdr(rt, l);
      // A buffer ends the list: the one `(match-data t)' appended.
      if (bufferp(rt, b)) {
        thing = b;
        break;
      }
      if (b === Qnil) {
        regs.push(-1, -1);
        if (consp(l)) l = xcdr(rt, l);
        continue;
      }
      const bv = value(b);
      if (!consp(l)) break;
      const e = xcar(rt, l);
      l = xcdr(rt, l);
      const ev = value(e);
      regs.push(bv, ev);
    }
    setMatchData(rt, thing, regs, regs.length >> 1);
    if (reseat !== Qnil) forEachTail(rt, lst, (c) => { if (markerp(rt, xcar(rt, c))) unchainMarker(rt, xcar(rt, c)); });
    return Qnil;
  });

DEFUN('match-data--translate', 1, 1, 'Shift every position of the match data by N (no position goes below 0).',
  (rt, n: number) => {
    if (!isFixnum(n)) wrongTypeArgument(rt, Qfixnump, n);
    translateMatchData(rt, fixnumValue(n));
    return Qnil;
  });

function translateMatchData(rt: Runtime, d: number): void {
  const md = rt.globals[G_MATCH_DATA]!;
  const k = numRegs(rt);
  for (let i = 0; i < 2 * k; i++) {
    const x = fixnumValue(aref(rt, md, 1 + i));
    if (x >= 0) aset(rt, md, 1 + i, makeFixnum(Math.max(0, x + d)));
  }
}

DEFUN('regexp-quote', 1, 1, 'Give a regexp that matches STRING exactly, its special characters escaped.', (rt, s: number) => {
  if (!stringp(s)) wrongTypeArgument(rt, Qstringp, s);
  const chars = stringCharCodes(rt, s);
  const out: number[] = [];
  for (const c of chars) {
    if (c === 0x5b || c === 0x2a || c === 0x2e || c === 0x5c || c === 0x3f || c === 0x2b || c === 0x5e || c === 0x24)
      out.push(0x5c);
    out.push(c);
  }
  return charsToString(rt, out, stringMultibyte(rt, s));
});

// ---- replace-match -----------------------------------------------------------------------



const CASE_NONE = 0;
const CASE_ALL_CAPS = 1;
const CASE_CAP_INITIAL = 2;

/** How the replacement's case should follow the replaced text (GNU's rules for a nil FIXEDCASE). */
function caseActionFor(rt: Runtime, chars: ArrayLike<number>, from: number, to: number): number {
  const t = regexTables(rt);
  return caseActionIn(t, t.syntax, chars, from, to);
}

/** caseActionFor with the tables given, and SYNTAXCLASS the class of a char under them. */
function caseActionIn(t: RegexTables, syntaxClass: (c: number) => number, chars: ArrayLike<number>, from: number, to: number): number {
  const isUpperChar = (c: number): boolean => t.down(c) !== c;
  const isLowerChar = (c: number): boolean => !isUpperChar(c) && t.up(c) !== c;
  let prevc = 10;
  let someMultiletterWord = false;
  let someLowercase = false;
  let someUppercase = false;
  let someNonuppercaseInitial = false;
  for (let i = from; i < to; i++) {
    const c = chars[i]!;
    const prevWord = syntaxClass(prevc) === Sword;
    if (isLowerChar(c)) {
      someLowercase = true;
      if (!prevWord) someNonuppercaseInitial = true;
      else someMultiletterWord = true;
    } else if (isUpperChar(c)) {
      someUppercase = true;
      if (prevWord) someMultiletterWord = true;
    } else if (!prevWord && syntaxClass(c) === Sword) {
      // A caseless word constituent as an initial counts like a lowercase one.
      someNonuppercaseInitial = true;
    }
    prevc = c;
  }
  if (!someLowercase && someMultiletterWord) return CASE_ALL_CAPS;
  if (!someNonuppercaseInitial && someMultiletterWord) return CASE_CAP_INITIAL;
  if (!someNonuppercaseInitial && someUppercase) return CASE_ALL_CAPS;
  return CASE_NONE;
}

const NO_CHARS = new Int32Array(0);
const QsubexpMissing = 'replace-match subexpression does not exist';

DEFUN('replace-match', 1, 5,
  'Replace what the last match found in STRING, or only its subexpression SUBEXP, by NEWTEXT, and give the new string.\nFIXEDCASE non-nil keeps NEWTEXT\'s case as it is; LITERAL non-nil takes NEWTEXT literally, without \\& and \\N substitution.',
  (rt, newtext: number, fixedcase: number, literal: number, string: number, subexp: number) => replaceMatch(rt, newtext, fixedcase, literal, string, subexp));

/** GNU's Freplace_match: in STRING (a new string is given back) or, when STRING is nil, in the current buffer. */
export function replaceMatch(rt: Runtime, newtext: number, fixedcase: number, literal: number, string: number, subexp: number): number {
  if (!stringp(newtext)) wrongTypeArgument(rt, Qstringp, newtext);
  if (string !== Qnil && !stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const inBuffer = string === Qnil;
  const nregs = numRegs(rt);
  let sub = 0;
  if (subexp !== Qnil) {
    if (!isFixnum(subexp)) wrongTypeArgument(rt, Qintegerp, subexp);
    sub = fixnumValue(subexp);
    if (sub < 0 || sub >= nregs) {
      // GNU names the groups in use (up to the last one set), at least 2.
      let used = 0;
      for (let i = 0; i < nregs; i++) if (regStart(rt, i) >= 0) used = i + 1;
      xsignal(DEFSYM('args-out-of-range'), list(rt, subexp, makeFixnum(0), makeFixnum(Math.max(2, used))));
    }
  }
  if (sub >= nregs || regStart(rt, sub) < 0) xsignal(Qerror, list(rt, makeString(rt, QsubexpMissing), subexp));
  const mstart = regStart(rt, sub);
  const mend = regEnd(rt, sub);
  // The text searched: the string's chars, or the current buffer's (index = position - 1).
  const buf = inBuffer ? currentBuffer(rt) : Qnil;
  let chars: Int32Array;
  if (inBuffer && fixedcase !== Qnil && literal !== Qnil) chars = NO_CHARS; // neither case nor \N looks at the text
  else if (inBuffer) {
    // Decode only the text the groups cover.
    let lo = mstart;
    let hi = mend;
    for (let i = 0; i < nregs; i++) {
      if (regStart(rt, i) < 0) continue;
      lo = Math.min(lo, regStart(rt, i));
      hi = Math.max(hi, regEnd(rt, i));
    }
    chars = bufferWindow(rt, buf, lo - 1, hi - 1).chars;
  } else chars = stringCharCodes(rt, string);
  const off = inBuffer ? 1 : 0;
  if (inBuffer) {
    if (mstart < bint(rt, buf, BUF_BEGV) || mstart > mend || mend > bint(rt, buf, BUF_ZV))
      argsOutOfRange(rt, makeFixnum(mstart), makeFixnum(mend));
  } else if (mstart > mend || mend > chars.length) argsOutOfRange(rt, makeFixnum(mstart), makeFixnum(mend));
  const action = fixedcase === Qnil ? caseActionFor(rt, chars, mstart - off, mend - off) : CASE_NONE;
  if (!inBuffer) return replaceInString(rt, newtext, literal, string, chars.length, sub, nregs, action, mstart, mend);

  let repl: number;
  if (literal !== Qnil) repl = newtext;
  else {
    const nt = stringCharCodes(rt, newtext);
    const out: number[] = [];
    let changed = false;
    for (let i = 0; i < nt.length; i++) {
      const c = nt[i]!;
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      changed = true;
      const d = i + 1 < nt.length ? nt[++i]! : -1;
      if (d === 0x26 || (d >= 0x31 && d <= 0x39)) {
        // With SUBEXP, \\& stands for that group's text, as in GNU.
        const g = d === 0x26 ? sub : d - 0x30;
        if (g < nregs && regStart(rt, g) >= 0) {
          const b = regStart(rt, g) - off;
          const e = regEnd(rt, g) - off;
          for (let k = Math.max(b, 0); k < e && k < chars.length; k++) out.push(chars[k]!);
        }
      } else if (d === 0x5c) out.push(0x5c);
      else error(rt, 'Invalid use of \u2018\\\u2019 in replacement text');
    }
    const multibyte = stringMultibyte(rt, newtext) || bslot(rt, buf, BUF_MULTIBYTE) !== Qnil;
    repl = changed ? charsToString(rt, out, multibyte) : newtext;
  }
  // As GNU: the text goes in, is cased in place, point goes after it (counted from where the
  // match started), and only then do the after-change hooks run for the replacement.
  replaceInBuffer(rt, repl, mstart, mend);
  const len = schars(rt, repl);
  const newpoint = mstart + len;
  if (action !== CASE_NONE) {
    const start = regStart(rt, sub);
    funcall(rt, DEFSYM(action === CASE_ALL_CAPS ? 'upcase-region' : 'upcase-initials-region'),
      [makeFixnum(start), makeFixnum(newpoint)]);
  }
  const b = currentBuffer(rt);
  setPoint(rt, Math.max(bint(rt, b, BUF_BEGV), Math.min(newpoint, bint(rt, b, BUF_ZV))));
  signalAfterChange(rt, mstart, mstart + len, mend - mstart);
  return Qnil;
}

/**
 * replace-match's string case, GNU's: the result is the text before the match, the replacement
 * and the text after, each keeping its text properties. A replacement with backslashes is put
 * together from the runs of NEWTEXT between them and the groups' text (with STRING's properties),
 * `\\\\' giving NEWTEXT's first backslash and `\\?' both its chars; ACTION then cases it.
 */
function replaceInString(rt: Runtime, newtext: number, literal: number, string: number, len: number, sub: number, nregs: number,
  action: number, mstart: number, mend: number): number {
  const cut = (s: number, from: number, to: number): number => substring(rt, s, makeFixnum(from), makeFixnum(to));
  // No Lisp runs here, so no collection: the pieces need no rooting.
  let repl = newtext;
  if (literal === Qnil) {
    const nt = stringCharCodes(rt, newtext);
    const pieces: number[] = [];
    let run = 0;
    let changed = false;
    for (let i = 0; i < nt.length; i++) {
      if (nt[i] !== 0x5c) continue;
      changed = true;
      const d = i + 1 < nt.length ? nt[i + 1]! : -1;
      if (i > run) pieces.push(cut(newtext, run, i));
      if (d === 0x26 || (d >= 0x31 && d <= 0x39)) {
        // With SUBEXP, \\& stands for that group's text, as in GNU.
        const g = d === 0x26 ? sub : d - 0x30;
        if (g < nregs && regStart(rt, g) >= 0) {
          const b = Math.max(regStart(rt, g), 0);
          const e = Math.min(regEnd(rt, g), len);
          if (e > b) pieces.push(cut(string, b, e));
        }
      } else if (d === 0x5c) pieces.push(cut(newtext, i, i + 1));
      else if (d === 0x3f) pieces.push(cut(newtext, i, i + 2));
      else error(rt, 'Invalid use of \u2018\\\u2019 in replacement text');
      i++;
      run = i + 1;
    }
    if (changed) {
      if (run < nt.length) pieces.push(cut(newtext, run, nt.length));
      repl = concatToString(rt, pieces);
    }
  }
  if (action === CASE_ALL_CAPS) repl = calledPrimitive(4).fn(rt, repl);
  else if (action === CASE_CAP_INITIAL) repl = calledPrimitive(5).fn(rt, repl);
  return concatToString(rt, [cut(string, 0, mstart), repl, cut(string, mend, len)]);
}

/**
 * Put REPL in place of [FROM, TO) of the current buffer as one change, as GNU's replace_range:
 * the before-change hooks (overlay hooks included) run once over FROM..TO, the caller runs the
 * after-change ones; undo records the insertion (as if made after the old text) and then the deletion;
 * markers inside the old text go to FROM, those at or after TO move with the text after it; the
 * new text takes no properties from its neighbours. Point ends after the new text; the match data shifts as
 * GNU's: a position at or after TO moves with the text after it, one inside goes to FROM.
 */
const cons = (rt: Runtime, a: number, d: number): number => consCell(rt, a, d);

function replaceInBuffer(rt: Runtime, repl: number, from: number, to: number): void {
  const sp = rt.sp;
  rt.push(repl);
  const count = rt.specCount;
  try {
    const length = to - from;
    const preserve = { pos: from };
    prepareToModify(rt, from, to, preserve);
    const b = currentBuffer(rt);
    from = Math.max(bint(rt, b, BUF_BEGV), Math.min(preserve.pos, bint(rt, b, BUF_ZV)));
    to = Math.min(from + length, bint(rt, b, BUF_ZV));
    repl = rt.stack[sp]!;
    const inschars = schars(rt, repl);
    if (undoRecording(rt)) {
      const deleted = bufferSubstringOf(rt, b, from, to, true);
      rt.push(deleted);
      recordInsert(rt, b, from + (to - from), inschars);
      recordDelete(rt, b, from, rt.stack[sp + 1]!, false);
    }
    // Markers at or after TO follow the text after it, whatever their insertion type.
    const moved: number[] = [];
    let keep = Qnil;
    for (let l = bslot(rt, b, BUF_MARKERS); (l & 7) === Lisp_Cons; l = xcdr(rt, l)) {
      const m = xcar(rt, l);
      const p = markerCharpos(rt, m);
      if (p < from || p > to) continue;
      rt.push(keep);
      keep = cons(rt, m, rt.stack[rt.sp - 1]!);
      rt.sp--;
      moved.unshift(p >= to ? 1 : 0);
    }
    rt.push(keep);
    const keepSlot = rt.sp - 1;
    const pt = bint(rt, b, BUF_PT);
    // One edit with no checks, hooks or undo of its own: those were done above.
    replaceRaw(rt, b, from, to, rt.stack[sp]!);
    let i = 0;
    for (let l = rt.stack[keepSlot]!; (l & 7) === Lisp_Cons; l = xcdr(rt, l), i++) {
      const np = moved[i] ? from + inschars : from;
      attachMarker(rt, xcar(rt, l), b, np, charToByte(rt, b, np));
    }
    const change = inschars - (to - from);
    // The match data's words read and written in place (aref's and aset's).
    const mw = ((rt.globals[G_MATCH_DATA]! & -8) >>> 2) + 2;
    const m = rt.i32;
    const k = numRegs(rt);
    for (let j = 0; j < 2 * k; j++) {
      const x = m[mw + j]! >> 2;
      if (x < 0) continue;
      if (x >= to) m[mw + j] = makeFixnum(x + change);
      else if (x > from) m[mw + j] = makeFixnum(from);
    }
    // Point moves as a marker would, but one inside the old text goes to the end of the new.
    const npt = pt <= from ? pt : pt <= to ? from + inschars : pt + change;
    setPoint(rt, npt);
  } finally {
    unbindTo(rt, count);
    rt.sp = sp;
  }
}

export { Qcase_fold_search, Qinhibit_changing_match_data, Qsearch_spaces_regexp };
