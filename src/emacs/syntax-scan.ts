// Motion by syntax in the current buffer (GNU syntax.c, its scanning half): skip-syntax, words, lists and sexps, comments, parse-partial-sexp.
//
// Every scan reads the accessible text through a Text reader (a char position to char map
// with a cursor, so sequential reads cost one step each) and classes chars through the
// current syntax table, with the ASCII classes cached per scan. Comments read backward
// (a comment ender met while moving back) are found by parsing forward from the start of
// the accessible text, with checkpoints kept along the way, rather than by GNU's heuristics:
// the answer is the one a forward parse gives, which is what GNU's heuristics try to find.

import { BUF_BEGV, BUF_GPT_BYTE, BUF_INTERVALS, BUF_MULTIBYTE, BUF_PT, BUF_Z, BUF_ZV, BUF_Z_BYTE } from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { charLenAt, readChar } from '../core/character.ts';
import { aref, consp, list, listToArray, makeString, stringChars, stringp, xcar } from '../core/object.ts';
import { textget } from './textprop.ts';
import { defineWorldState, type Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal, xsignal3 } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { bint, currentBuffer, gapSize, textBase } from './buffer.ts';
import { findSymbolValue } from './eval.ts';
import { charToByte, positionValue } from './marker.ts';
import { setPoint } from './editfns.ts';
import {
  CAP, kernelOf, ST_COMMENT_STYLE, RUN_COMMENT, RUN_END, RUN_ESCAPE_END, RUN_OTHER, RUN_STOP, RUN_STRING, RUN_SYMBOL, S_AFTER, S_BEFORE, S_COMMENTSTOP, S_COMSTR, S_COMSTYLE, S_DEPTH, S_END, S_EXIT, S_FLAGS,
  S_FROM, S_GPT, S_INCOMMENT, S_INSTRING, S_MINDEPTH, S_NL, S_NS, S_PREV, S_QUOTED, S_TARGET, S_THISLEVEL, STATE_WORDS,
  TAB_WORDS,
} from './syntax-kernel.ts';
import {
  SYNTAX_FLAG_1, SYNTAX_FLAG_2, SYNTAX_FLAG_3, SYNTAX_FLAG_4, SYNTAX_FLAG_B, SYNTAX_FLAG_C, SYNTAX_FLAG_N, SYNTAX_FLAG_P,
  Sclose, Scomment, Scomment_fence, Sendcomment, Sescape, Scharquote, Smath, Sopen, Squote, Sstring, Sstring_fence,
  Sinherit, Ssymbol, Swhitespace, Sword, SYNTAX_NONE, currentSyntaxTable, fillAsciiSyntax, syntaxSpecCode, syntaxTableP, syntaxWithFlagsIn,
} from './syntax.ts';

const Qscan_error = DEFSYM('scan-error');
const Qsyntax_table = DEFSYM('syntax-table');
const Qfixnump = DEFSYM('fixnump');
const Qstringp = DEFSYM('stringp');

const Qparse_sexp_ignore_comments = DEFVAR('parse-sexp-ignore-comments', () => Qnil,
  'Non-nil means moving over sexps and lists skips comments as whitespace.');
const Qparse_sexp_lookup_properties = DEFVAR('parse-sexp-lookup-properties', () => Qnil,
  'Non-nil means the scanners obey `syntax-table\' text properties: a raw descriptor or a syntax table there wins over the buffer\'s table.');
DEFVAR('words-include-escapes', () => Qnil, 'Non-nil means escape characters count as part of words when moving by words.');
DEFVAR('multibyte-syntax-as-symbol', () => Qnil, 'Non-nil means non-ASCII characters count as symbol constituents when moving by sexps.');
DEFVAR('open-paren-in-column-0-is-defun-start', () => Qt,
  'Non-nil means an open paren in column 0 starts a defun (kept for Lisp that reads it).');
const Qcomment_end_can_be_escaped = DEFVAR('comment-end-can-be-escaped', () => Qnil, 'Non-nil means an escaped comment ender does not end a comment.');

const isTrue = (rt: Runtime, sym: number): boolean => {
  const v = findSymbolValue(rt, sym);
  return v !== Qnil && v !== Qunbound;
};

// ---- reading the buffer -------------------------------------------------------------------

/**
 * The current buffer's accessible text, read by char position, and its syntax. When char and
 * byte positions agree (ASCII-only multibyte text, or unibyte text) a char is one byte read
 * straight from the heap on either side of the gap; otherwise a cursor steps from the last
 * position asked for. The syntax of ASCII chars comes from a flat table filled once per scan.
 * These methods are small so that V8 inlines them into the scanning loops.
 */
class Text {
  readonly u8: Uint8Array;
  readonly gpt: number;
  /** Heap address of char position p: p + before below the gap, p + after above it. */
  readonly before: number;
  readonly after: number;
  /** Char and byte positions agree. */
  readonly flat: boolean;
  readonly multibyte: boolean;
  readonly begv: number;
  readonly zv: number;
  /** comment-end-can-be-escaped: an escaped comment ender ends nothing. */
  readonly endEscapable: boolean;
  private curPos: number;
  private curByte: number;
  /** Class and flags of the ASCII chars (the world's one table: scans never nest). */
  readonly tab: Int32Array;
  /** What forwardComment found: whether the comment ended, the nesting reached, the pending syntax. */
  cFound = false;
  cNest = 0;
  cLast = 0;

  readonly rt: Runtime;
  readonly buf: number;
  readonly table: number;
  /**
   * The buffer's interval vector when parse-sexp-lookup-properties asks for `syntax-table'
   * properties and the buffer has runs, else nil (the plain, fast case). The scans run no Lisp,
   * so the runs stay as they are while a Text lives. The last run looked at is kept: [runLo,
   * runHi) in char positions, and what its property says (runKind 0: nothing usable, use the
   * table; 1: the raw descriptor runCode; 2: the syntax table runTable).
   */
  readonly iv: number;
  /**
   * The plain case parseAscii handles: chars are bytes, no `syntax-table' properties count, and
   * no ASCII char of the table takes part in a two-char comment delimiter.
   */
  readonly simple: boolean;
  /**
   * Chars are bytes and no `syntax-table' property counts: a scanning loop may read a char and
   * the syntax of an ASCII one in place (u8 and tab) instead of calling char and syntaxOf. The
   * launcher's inlining budget is small, so those calls stay calls in a big loop such as
   * scanLists's (evalcold: two thirds of a long scan-lists was the calls).
   */
  readonly fast: boolean;
  private runLo = 0;
  private runHi = 0;
  private runKind = 0;
  private runCode = 0;
  private runTable = 0;

  constructor(rt: Runtime, buf: number, table: number) {
    this.rt = rt;
    this.buf = buf;
    this.table = table;
    this.u8 = rt.u8;
    const base = textBase(rt, buf);
    this.gpt = bint(rt, buf, BUF_GPT_BYTE);
    this.before = base - 1;
    this.after = base - 1 + gapSize(rt, buf);
    this.flat = bint(rt, buf, BUF_Z) === bint(rt, buf, BUF_Z_BYTE);
    this.multibyte = rt.i32[((buf & -8) >>> 2) + 1 + BUF_MULTIBYTE] !== Qnil;
    this.begv = bint(rt, buf, BUF_BEGV);
    this.zv = bint(rt, buf, BUF_ZV);
    this.endEscapable = isTrue(rt, Qcomment_end_can_be_escaped);
    this.curPos = this.begv;
    this.curByte = this.flat ? this.begv : charToByte(rt, buf, this.begv);
    // A typed array per scan would cost more than a short scan itself (an ArrayBuffer each).
    this.tab = asciiTableOf(rt).tab;
    fillAsciiSyntax(rt, table, this.tab);
    this.iv = isTrue(rt, Qparse_sexp_lookup_properties) ? aref(rt, buf, BUF_INTERVALS) : Qnil;
    let flags = 0;
    for (let c = 0; c < 128; c++) flags |= this.tab[c]!;
    this.simple = this.flat && this.iv === Qnil && (flags & FLAGS_1234) === 0;
    this.fast = this.flat && this.iv === Qnil;
  }

  private addr(byte: number): number {
    return byte < this.gpt ? this.before + byte : this.after + byte;
  }

  /** The byte position of char position POS, stepping from the last one asked for when near. */
  private byteOf(pos: number): number {
    let p = this.curPos;
    let b = this.curByte;
    const d = pos - p;
    if (d > 64 || d < -64) {
      b = charToByte(this.rt, this.buf, pos);
    } else if (d > 0) {
      for (; p < pos; p++) b += charLenAt(this.u8[this.addr(b)]!);
    } else if (d < 0) {
      for (; p > pos; p--) {
        b--;
        while ((this.u8[this.addr(b)]! & 0xc0) === 0x80) b--;
      }
    }
    this.curPos = pos;
    this.curByte = b;
    return b;
  }

  /** The char at POS (begv <= POS < zv). */
  char(pos: number): number {
    if (this.flat) {
      const c = this.u8[pos < this.gpt ? this.before + pos : this.after + pos]!;
      // Only a unibyte buffer has bytes above 0x7f here: raw bytes.
      return c < 0x80 ? c : c + 0x3fff00;
    }
    return this.charSlow(pos);
  }

  private charSlow(pos: number): number {
    const a = this.addr(this.byteOf(pos));
    const c = this.u8[a]!;
    if (c < 0x80) return c;
    return this.multibyte ? readChar(this.u8, a) : c + 0x3fff00;
  }

  /** The syntax code, flags included, of char C by the table alone. */
  syntax(c: number): number {
    return c < 128 ? this.tab[c]! : syntaxWithFlagsIn(this.rt, this.table, c);
  }
  /** The syntax code, flags included, of C, the char at POS: the table's, or a `syntax-table' property's there. */
  syntaxOf(pos: number, c: number): number {
    if (this.iv === Qnil) return c < 128 ? this.tab[c]! : syntaxWithFlagsIn(this.rt, this.table, c);
    if (pos < this.runLo || pos >= this.runHi) this.enterRun(pos);
    if (this.runKind === 1) return this.runCode;
    if (this.runKind === 2) return syntaxWithFlagsIn(this.rt, this.runTable, c);
    return c < 128 ? this.tab[c]! : syntaxWithFlagsIn(this.rt, this.table, c);
  }
  syntaxAt(pos: number): number {
    return this.syntaxOf(pos, this.char(pos));
  }

  /** Find the run holding POS and read its `syntax-table' property, as textget reads it (categories and aliases too). */
  private enterRun(pos: number): void {
    const rt = this.rt;
    const m = rt.i32;
    const base = ((this.iv & -8) >>> 2) + 1;
    const n = m[base]! >> 2;
    // Runs are kept 0-based: offset pos - BEG.
    const off = pos - 1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m[base + 1 + 2 * mid]! >> 2 <= off) lo = mid;
      else hi = mid - 1;
    }
    this.runLo = (m[base + 1 + 2 * lo]! >> 2) + 1;
    this.runHi = lo + 1 < n ? (m[base + 1 + 2 * (lo + 1)]! >> 2) + 1 : bint(rt, this.buf, BUF_Z);
    const v = textget(rt, m[base + 2 + 2 * lo]!, Qsyntax_table);
    if (consp(v)) {
      const code = xcar(rt, v);
      this.runKind = 1;
      this.runCode = isFixnum(code) ? fixnumValue(code) : Swhitespace;
    } else if (syntaxTableP(rt, v)) {
      this.runKind = 2;
      this.runTable = v;
    } else {
      this.runKind = 0;
    }
  }
}

const asciiTableOf = defineWorldState<{ tab: Int32Array }>(() => ({ tab: new Int32Array(128) }));

const currentText = (rt: Runtime): Text => new Text(rt, currentBuffer(rt), currentSyntaxTable(rt));

/**
 * For the regexp matcher searching buffer BUF under the current syntax table: the class of char
 * C at 0-based index I (position I + 1), `syntax-table' properties included; null when
 * parse-sexp-lookup-properties is nil or BUF has no properties, so the matcher keeps its plain path.
 */
export function propertySyntaxClass(rt: Runtime, buf: number): ((i: number, c: number) => number) | null {
  if (!isTrue(rt, Qparse_sexp_lookup_properties) || aref(rt, buf, BUF_INTERVALS) === Qnil) return null;
  const t = new Text(rt, buf, currentSyntaxTable(rt));
  return (i, c) => t.syntaxOf(i + 1, c) & 0xffff;
}

const cls = (s: number): number => s & 0xffff;
const flag1 = (s: number): boolean => (s & SYNTAX_FLAG_1) !== 0;
const flag2 = (s: number): boolean => (s & SYNTAX_FLAG_2) !== 0;
const flag3 = (s: number): boolean => (s & SYNTAX_FLAG_3) !== 0;
const flag4 = (s: number): boolean => (s & SYNTAX_FLAG_4) !== 0;
const prefixFlag = (s: number): boolean => (s & SYNTAX_FLAG_P) !== 0;
const nestedFlag = (s: number): boolean => (s & SYNTAX_FLAG_N) !== 0;

/** Comment style bits: 1 for style b, 2 for style c; ST_COMMENT_STYLE for fence comments. */
// ST_COMMENT_STYLE (a comment fence's comstyle) is syntax-kernel.ts's.
/** Style of a comment delimiter: b from SYNTAX (for two-char ones, the char that carries it), c from either char. */
const commentStyle = (s: number, other: number): number =>
  ((s & SYNTAX_FLAG_B) !== 0 ? 1 : 0) | ((s & SYNTAX_FLAG_C) !== 0 || (other & SYNTAX_FLAG_C) !== 0 ? 2 : 0);

/** Whether the char at POS is escaped: preceded by an odd number of escape or char-quote chars. */
function charQuoted(t: Text, pos: number): boolean {
  let quoted = false;
  const { u8, gpt, before, after, tab, fast } = t;
  for (let p = pos - 1; p >= t.begv; p--) {
    let k: number;
    if (fast) {
      const b = u8[p < gpt ? before + p : after + p]!;
      k = cls(b < 128 ? tab[b]! : t.syntaxAt(p));
    } else k = cls(t.syntaxAt(p));
    if (k !== Sescape && k !== Scharquote) break;
    quoted = !quoted;
  }
  return quoted;
}

// ---- comments read forward ------------------------------------------------------------------

/** Flag bits that make a char take part in a two-char comment delimiter. */
const FLAGS_1234 = SYNTAX_FLAG_1 | SYNTAX_FLAG_2 | SYNTAX_FLAG_3 | SYNTAX_FLAG_4;

/**
 * Scan forward from FROM inside a comment of STYLE at nesting NESTING (-1: not nestable, else
 * depth >= 1) up to STOP. Returns where it stopped and sets T.cFound when the comment ended
 * (the position is just after its end); else the position is STOP, T.cNest the nesting reached
 * and T.cLast the syntax of the last char when it could start a two-char ender.
 */
function forwardComment(t: Text, from: number, stop: number, nesting: number, style: number, prevSyntax: number): number {
  let s = prevSyntax;
  t.cFound = false;
  const { u8, gpt, before, after, tab, flat } = t;
  const plain = t.iv === Qnil;
  while (from < stop) {
    let c: number;
    if (flat) {
      c = u8[from < gpt ? before + from : after + from]!;
      if (c >= 0x80) c += 0x3fff00;
    } else c = t.char(from);
    const syn = c < 128 && plain ? tab[c]! : t.syntaxOf(from, c);
    const code = syn & 0xffff;
    // Most chars of a comment are nothing to it: no delimiter class, no two-char flags.
    if (((s | syn) & FLAGS_1234) === 0 && code !== Sendcomment && code !== Scomment && code !== Scomment_fence) {
      s = syn;
      from++;
      continue;
    }
    // The second char of a two-char ender begun by the previous char.
    if (flag3(s) && flag4(syn) && commentStyle(s, syn) === style && !(t.endEscapable && charQuoted(t, from - 1))) {
      const nested = nestedFlag(s) || nestedFlag(syn);
      if (nested ? nesting > 0 : nesting < 0) {
        from++;
        if (!nested || --nesting === 0) return commentEnded(t, from);
        s = 0;
        continue;
      }
    }
    if (nesting > 0 && flag1(s) && flag2(syn) && commentStyle(syn, s) === style && (nestedFlag(s) || nestedFlag(syn))) {
      // A nested two-char starter.
      nesting++;
      s = 0;
      from++;
      continue;
    }
    const escaped = t.endEscapable && (code === Sendcomment || flag3(syn)) && charQuoted(t, from);
    from++;
    if (code === Sendcomment && commentStyle(syn, 0) === style && !escaped &&
        (nestedFlag(syn) ? nesting > 0 && --nesting === 0 : nesting < 0)) return commentEnded(t, from);
    if (code === Scomment_fence && style === ST_COMMENT_STYLE) return commentEnded(t, from);
    if (nesting > 0 && code === Scomment && nestedFlag(syn) && commentStyle(syn, 0) === style) nesting++;
    // An escaped char cannot begin a two-char ender.
    s = escaped ? 0 : syn;
  }
  // What parse-partial-sexp reports of the last char: a possible ender's first char, or a
  // possible starter's when comments nest.
  t.cNest = nesting;
  t.cLast = flag3(s) || (nesting > 0 && flag1(s)) ? s : 0;
  return stop;
}

function commentEnded(t: Text, pos: number): number {
  t.cFound = true;
  t.cNest = 0;
  t.cLast = 0;
  return pos;
}

// ---- the forward parser: parse-partial-sexp and the backward comment finder ------------------

/**
 * The state of a forward parse, as parse-partial-sexp reports it. A class whose constructor
 * sets every field, so all states share one shape and the parse loop stays monomorphic.
 */
class ParseState {
  depth = 0;
  /** -1 outside strings; the terminating char; or -2 for a string fence. */
  instring = -1;
  /** 0 outside comments; -1 in a non-nestable one; else the nesting depth. */
  incomment = 0;
  comstyle = 0;
  quoted = false;
  mindepth = 0;
  /** Start of the last complete sexp at the current level (-1: none). */
  thislevelstart = -1;
  comstrStart = -1;
  /** Positions of the open parens of the enclosing lists, outermost first. */
  levelstarts: number[] = [];
  /** Per level: where the sexp being read began (-1: none). */
  levelLast: number[] = [];
  /** Syntax of the last char read when it may begin a two-char construct, else 0. */
  prevSyntax = 0;

  constructor() {
    // Pushed, not a literal: a literal's elements are copy-on-write, which the first store
    // into them turns into a deoptimisation of the parse loop.
    this.levelLast.push(-1);
  }

  clone(): ParseState {
    const c = new ParseState();
    c.depth = this.depth;
    c.instring = this.instring;
    c.incomment = this.incomment;
    c.comstyle = this.comstyle;
    c.quoted = this.quoted;
    c.mindepth = this.mindepth;
    c.thislevelstart = this.thislevelstart;
    c.comstrStart = this.comstrStart;
    c.levelstarts = this.levelstarts.slice();
    c.levelLast = this.levelLast.slice();
    c.prevSyntax = this.prevSyntax;
    return c;
  }
}

const freshState = (): ParseState => new ParseState();

// V8 takes a field that nothing has written since construction for a constant, and compiles the
// parse loops on that; the first write elsewhere (the minimum depth of a resumed state, say, in
// the second of a run of parse-partial-sexp calls) then discards that code. One state with every
// field changed, when the module loads, tells V8 from the start that they vary.
{
  const s = new ParseState();
  s.depth = 1;
  s.instring = 1;
  s.incomment = 1;
  s.comstyle = 1;
  s.quoted = true;
  s.mindepth = 1;
  s.thislevelstart = 1;
  s.comstrStart = 1;
  s.levelstarts = s.levelstarts.slice();
  s.levelLast = s.levelLast.slice();
  s.prevSyntax = 1;
}

const STOP_COMMENT = 1;
const STOP_COMMENT_OR_STRING = 2;

/**
 * Parse from FROM to END updating ST (GNU's scan_sexps_forward). Stops early at TARGETDEPTH
 * (NaN: never), before a sexp when STOPBEFORE, or at the start of a comment (or string) per
 * COMMENTSTOP. Returns where it stopped.
 */
function parseForward(t: Text, st: ParseState, from: number, end: number, targetdepth: number, stopbefore: boolean, commentstop: number): number {
  // Resume inside a string or comment, or after a quoting char.
  if (st.incomment !== 0) {
    from = runComment(t, st, from, end, st.prevSyntax);
    if (st.incomment !== 0) return from;
    // With `syntax-table' as COMMENTSTOP, the end of a comment is a stop too.
    if (commentstop === STOP_COMMENT_OR_STRING) {
      st.prevSyntax = 0;
      return from;
    }
    st.prevSyntax = 0;
  } else if (st.instring !== -1) {
    if (st.quoted) {
      // The char after a trailing escape is taken as is; with no text to take, the state stays.
      if (from >= end) return from;
      st.quoted = false;
      from++;
    }
    from = scanString(t, st, from, end);
    if (st.instring !== -1) return stringLeftOpen(t, st, from);
    const last = t.syntaxAt(from - 1);
    if (commentstop === STOP_COMMENT_OR_STRING) {
      st.prevSyntax = flag1(last) || flag3(last) ? last : 0;
      return from;
    }
    st.prevSyntax = last;
  } else if (st.quoted) {
    if (from >= end) return from;
    st.quoted = false;
    from = scanSymbolRest(t, st, from + 1, end, false);
    st.thislevelstart = st.levelLast[st.levelLast.length - 1]!;
    st.prevSyntax = 0;
    if (from >= end) return from;
  }
  if (t.simple && (st.prevSyntax & SYNTAX_FLAG_1) === 0) return parseAscii(t, st, from, end, targetdepth, stopbefore, commentstop);
  return parseLoop(t, st, from, end, targetdepth, stopbefore, commentstop);
}

// How the last parseAsciiRun stopped, and the pending syntax when it ran out: in module state
// so that its exits write no properties (a write V8 had no feedback for, met on a path the loop
// had not taken before it was optimised, threw the optimised loop away).
// The exits (RUN_END, RUN_STOP, ...) are syntax-kernel.ts's, which gives the same ones.
let runExit = RUN_END;
let runPrev = 0;
let runQuoted = false;

/**
 * parseLoop for a Text that is `simple' (see there), entered with no pending comment starter:
 * no char then means anything different next to another, so the loop reads bytes and classes
 * them with no look-behind or look-ahead. The work is split in two: parseAsciiRun, a small
 * loop over the usual text that leaves at anything unusual, and this driver, which deals with
 * that through the general functions and goes on. A 1 MB parse in a fresh process spent more
 * CPU on V8 compiling (and recompiling after deoptimisations) the general loop than on parsing.
 * At the first non-ASCII char outside a string, comment or symbol, parseLoop takes the rest.
 */
function parseAscii(t: Text, st: ParseState, from: number, end: number, targetdepth: number, stopbefore: boolean, commentstop: number): number {
  for (;;) {
    runQuoted = false;
    from = asciiRun(t, st, from, end, targetdepth, stopbefore, commentstop);
    switch (runExit) {
      case RUN_END:
        st.prevSyntax = flag1(runPrev) || flag3(runPrev) ? runPrev : 0;
        return from;
      case RUN_STOP:
        return stopBefore(st, from);
      case RUN_OTHER:
        st.prevSyntax = runPrev;
        return parseLoop(t, st, from, end, targetdepth, stopbefore, commentstop);
      case RUN_ESCAPE_END:
        // A symbol's escape char ends the text: the char it quotes is still to come.
        st.quoted = true;
        st.prevSyntax = runPrev;
        return from;
      case RUN_SYMBOL:
        // The run stopped inside a symbol, at an escape or a char that is not ASCII.
        from = scanSymbolRest(t, st, from, end, true);
        if (st.quoted) {
          st.prevSyntax = t.syntaxAt(from - 1);
          return from;
        }
        st.thislevelstart = st.levelLast[st.levelLast.length - 1]!;
        st.prevSyntax = 0;
        continue;
      case RUN_STRING:
        // Inside a string: at the end of the text, after an escape there, or at a char that is not ASCII.
        if (runQuoted) st.quoted = true;
        else if (from < end) from = scanString(t, st, from, end);
        if (st.instring !== -1) return stringLeftOpen(t, st, from);
        st.prevSyntax = t.syntaxAt(from - 1);
        continue;
      default:
        // RUN_COMMENT: inside a comment the run does not read to its end itself.
        if (from >= end) {
          st.prevSyntax = 0;
          return from;
        }
        from = runComment(t, st, from, end, 0);
        if (st.incomment !== 0) return from;
        st.prevSyntax = 0;
        continue;
    }
  }
}

/**
 * parseAsciiRun, by the WebAssembly kernel when the heap is a WebAssembly.Memory (syntax-kernel.ts):
 * the same inputs and results, passed through the kernel's block of words in the heap.
 */
function asciiRun(t: Text, st: ParseState, from: number, end: number, targetdepth: number, stopbefore: boolean, commentstop: number): number {
  const rt = t.rt;
  const kernel = kernelOf(rt);
  const levelLast = st.levelLast;
  const levelstarts = st.levelstarts;
  if (kernel === null || levelLast.length >= CAP || levelstarts.length >= CAP) {
    return parseAsciiRun(t, st, from, end, targetdepth, stopbefore, commentstop);
  }
  const m = rt.i32;
  const w = rt.heap.gcStack;
  m.set(t.tab, w);
  const b = w + TAB_WORDS;
  m[b + S_FROM] = from;
  m[b + S_END] = end;
  m[b + S_GPT] = t.gpt;
  m[b + S_BEFORE] = t.before;
  m[b + S_AFTER] = t.after;
  m[b + S_FLAGS] = (stopbefore ? 1 : 0) | (t.endEscapable ? 0 : 2) | (targetdepth === targetdepth ? 4 : 0);
  m[b + S_TARGET] = targetdepth === targetdepth ? targetdepth : 0;
  m[b + S_COMMENTSTOP] = commentstop;
  m[b + S_PREV] = st.prevSyntax;
  m[b + S_DEPTH] = st.depth;
  m[b + S_MINDEPTH] = st.mindepth;
  m[b + S_THISLEVEL] = st.thislevelstart;
  m[b + S_COMSTR] = st.comstrStart;
  m[b + S_COMSTYLE] = st.comstyle;
  m[b + S_INCOMMENT] = st.incomment;
  m[b + S_INSTRING] = st.instring;
  m[b + S_NL] = levelLast.length;
  m[b + S_NS] = levelstarts.length;
  m[b + S_QUOTED] = 0;
  const l0 = b + STATE_WORDS;
  const s0 = l0 + CAP;
  for (let i = 0; i < levelLast.length; i++) m[l0 + i] = levelLast[i]!;
  for (let i = 0; i < levelstarts.length; i++) m[s0 + i] = levelstarts[i]!;
  const stop = kernel.run(w << 2);
  st.depth = m[b + S_DEPTH]!;
  st.mindepth = m[b + S_MINDEPTH]!;
  st.thislevelstart = m[b + S_THISLEVEL]!;
  st.comstrStart = m[b + S_COMSTR]!;
  st.comstyle = m[b + S_COMSTYLE]!;
  st.incomment = m[b + S_INCOMMENT]!;
  st.instring = m[b + S_INSTRING]!;
  const nl = m[b + S_NL]!;
  const ns = m[b + S_NS]!;
  levelLast.length = nl;
  for (let i = 0; i < nl; i++) levelLast[i] = m[l0 + i]!;
  levelstarts.length = ns;
  for (let i = 0; i < ns; i++) levelstarts[i] = m[s0 + i]!;
  runExit = m[b + S_EXIT]!;
  runPrev = m[b + S_PREV]!;
  runQuoted = m[b + S_QUOTED] !== 0;
  return stop;
}

/** The loop of parseAscii over ASCII text: gives where it stopped and sets runExit (and runPrev, runQuoted) to say why. */
function parseAsciiRun(t: Text, st: ParseState, from: number, end: number, targetdepth: number, stopbefore: boolean, commentstop: number): number {
  const { u8, gpt, before, after, tab } = t;
  const levelLast = st.levelLast;
  const plainEnders = !t.endEscapable;
  let prevSyntax = st.prevSyntax;
  while (from < end) {
    const prevFrom = from;
    const c = u8[from < gpt ? before + from : after + from]!;
    if (c >= 0x80) {
      runExit = RUN_OTHER;
      runPrev = prevSyntax;
      return from;
    }
    const syn = tab[c]!;
    const code = syn & 0xffff;
    from++;
    if ((syn & SYNTAX_FLAG_P) !== 0) {
      prevSyntax = syn;
      continue;
    }
    switch (code) {
      case Sescape:
      case Scharquote:
      case Sword:
      case Ssymbol: {
        if (stopbefore) {
          runExit = RUN_STOP;
          return prevFrom;
        }
        levelLast[levelLast.length - 1] = prevFrom;
        if (code === Sescape || code === Scharquote) {
          if (from >= end) {
            runExit = RUN_ESCAPE_END;
            runPrev = syn;
            return from;
          }
          from++;
        }
        let k = Sword;
        while (from < end) {
          const d = u8[from < gpt ? before + from : after + from]!;
          k = d < 0x80 ? tab[d]! & 0xffff : Sinherit;
          if (k === Sword || k === Ssymbol || k === Squote) from++;
          else if ((k === Sescape || k === Scharquote) && from + 1 < end) {
            // An escape inside a symbol (`?\(', `foo\ bar') quotes the next char, whatever it
            // is: chars are bytes here. Leaving the run for it made the driver's loop hot too
            // (buffer-parse.el's chunk has one, so a 1 MB parse left the run 3,000 times).
            from += 2;
            k = Sword;
          } else break;
        }
        if (k === Sinherit || k === Sescape || k === Scharquote) {
          runExit = RUN_SYMBOL;
          return from;
        }
        st.thislevelstart = levelLast[levelLast.length - 1]!;
        prevSyntax = 0;
        continue;
      }
      case Scomment_fence:
      case Scomment: {
        const style = code === Scomment_fence ? ST_COMMENT_STYLE : commentStyle(syn, 0);
        st.comstrStart = prevFrom;
        st.comstyle = style;
        st.incomment = code === Scomment && (syn & SYNTAX_FLAG_N) !== 0 ? 1 : -1;
        if (commentstop !== 0) {
          runExit = RUN_STOP;
          return from;
        }
        // A plain comment's ASCII text: only its ender (or the fence) means anything in it.
        if (st.incomment < 0 && plainEnders) {
          const fence = style === ST_COMMENT_STYLE;
          const ender = fence ? Scomment_fence : Sendcomment;
          let done = false;
          while (from < end) {
            const d = u8[from < gpt ? before + from : after + from]!;
            if (d >= 0x80) break;
            const s2 = tab[d]!;
            from++;
            const k = s2 & 0xffff;
            if (k === ender && (fence || (commentStyle(s2, 0) === style && (s2 & SYNTAX_FLAG_N) === 0))) {
              done = true;
              break;
            }
          }
          if (done) {
            st.incomment = 0;
            st.comstyle = 0;
            st.comstrStart = -1;
            prevSyntax = 0;
            continue;
          }
        }
        runExit = RUN_COMMENT;
        return from;
      }
      case Sopen:
        if (stopbefore) {
          runExit = RUN_STOP;
          return prevFrom;
        }
        st.depth++;
        levelLast[levelLast.length - 1] = prevFrom;
        st.levelstarts.push(prevFrom);
        levelLast.push(-1);
        st.thislevelstart = -1;
        if (st.depth === targetdepth) {
          runExit = RUN_STOP;
          return from;
        }
        prevSyntax = syn;
        continue;
      case Sclose:
        st.depth--;
        // Written every time: a write V8 first meets in optimised code (the first unmatched
        // close) costs a deoptimisation.
        st.mindepth = Math.min(st.mindepth, st.depth);
        if (levelLast.length > 1) levelLast.pop();
        if (st.levelstarts.length > 0) st.levelstarts.pop();
        st.thislevelstart = levelLast[levelLast.length - 1]!;
        if (st.depth === targetdepth) {
          runExit = RUN_STOP;
          return from;
        }
        prevSyntax = syn;
        continue;
      case Sstring:
      case Sstring_fence: {
        if (stopbefore) {
          runExit = RUN_STOP;
          return prevFrom;
        }
        levelLast[levelLast.length - 1] = prevFrom;
        st.comstrStart = prevFrom;
        const term = code === Sstring ? c : -2;
        st.instring = term;
        if (commentstop === STOP_COMMENT_OR_STRING) {
          runExit = RUN_STOP;
          return from;
        }
        const ender = term === -2 ? Sstring_fence : Sstring;
        let closer = -1;
        while (from < end) {
          const d = u8[from < gpt ? before + from : after + from]!;
          if (d >= 0x80) break;
          const s2 = tab[d]!;
          const k = s2 & 0xffff;
          from++;
          if (k === ender && (d === term || term === -2)) {
            closer = s2;
            break;
          }
          if (k === Sescape || k === Scharquote) {
            if (from >= end) {
              runQuoted = true;
              break;
            }
            from++;
          }
        }
        if (closer === -1) {
          runExit = RUN_STRING;
          return from;
        }
        st.instring = -1;
        st.comstrStart = -1;
        st.thislevelstart = levelLast[levelLast.length - 1]!;
        prevSyntax = closer;
        continue;
      }
      default:
        prevSyntax = syn;
    }
  }
  runExit = RUN_END;
  runPrev = prevSyntax;
  return from;
}

/** The main loop of parseForward, outside any string or comment; ST.prevSyntax holds the last char's syntax. */
function parseLoop(t: Text, st: ParseState, from: number, end: number, targetdepth: number, stopbefore: boolean, commentstop: number): number {
  let prevSyntax = st.prevSyntax;
  // The hot loops read the text and the ASCII table inline rather than through Text's methods:
  // until V8 optimises them (a 1 MB scan runs a good part of its course before that) every
  // call costs, and a smaller graph is optimised sooner.
  const { u8, gpt, before, after, tab, flat } = t;
  const plain = t.iv === Qnil;
  while (from < end) {
    const prevFrom = from;
    let c: number;
    if (flat) {
      c = u8[from < gpt ? before + from : after + from]!;
      if (c >= 0x80) c += 0x3fff00;
    } else c = t.char(from);
    const syn = c < 128 && plain ? tab[c]! : t.syntaxOf(from, c);
    const code = syn & 0xffff;
    from++;
    // A two-char comment starter completed by this char.
    if ((prevSyntax & SYNTAX_FLAG_1) !== 0 && (syn & SYNTAX_FLAG_2) !== 0 && !isEscape(prevSyntax & 0xffff)) {
      from = parseComment(t, st, prevFrom - 1, from, end, commentStyle(syn, prevSyntax), nestedFlag(prevSyntax) || nestedFlag(syn), commentstop);
      if (st.incomment !== 0) return from;
      prevSyntax = 0;
      continue;
    }
    // A char that also begins a two-char comment starter, when the next char completes it,
    // begins a comment rather than acting as its own class (an open paren, say).
    if ((syn & SYNTAX_FLAG_1) !== 0 && from < end && !isEscape(code)) {
      const nsyn = t.syntaxAt(from);
      if (flag2(nsyn)) {
        from = parseComment(t, st, prevFrom, from + 1, end, commentStyle(nsyn, syn), nestedFlag(syn) || nestedFlag(nsyn), commentstop);
        if (st.incomment !== 0) return from;
        prevSyntax = 0;
        continue;
      }
    }
    if ((syn & SYNTAX_FLAG_P) !== 0) {
      prevSyntax = syn;
      continue;
    }
    switch (code) {
      case Sescape:
      case Scharquote:
      case Sword:
      case Ssymbol: {
        if (stopbefore) return stopBefore(st, prevFrom);
        const level = st.levelLast.length - 1;
        st.levelLast[level] = prevFrom;
        if (code === Sescape || code === Scharquote) {
          // The escaped char is part of the symbol it starts.
          if (from >= end) {
            st.quoted = true;
            st.prevSyntax = syn;
            return from;
          }
          from++;
        }
        from = scanSymbolRest(t, st, from, end, true);
        if (st.quoted) {
          st.prevSyntax = t.syntaxAt(from - 1);
          return from;
        }
        st.thislevelstart = st.levelLast[level]!;
        prevSyntax = 0;
        continue;
      }
      case Scomment_fence:
      case Scomment:
        from = parseComment(t, st, prevFrom, from, end, code === Scomment_fence ? ST_COMMENT_STYLE : commentStyle(syn, 0),
          code === Scomment && nestedFlag(syn), commentstop);
        if (st.incomment !== 0) return from;
        prevSyntax = 0;
        continue;
      case Sopen:
        if (stopbefore) return stopBefore(st, prevFrom);
        st.depth++;
        st.levelLast[st.levelLast.length - 1] = prevFrom;
        st.levelstarts.push(prevFrom);
        st.levelLast.push(-1);
        st.thislevelstart = -1;
        if (st.depth === targetdepth) return stopBefore(st, from);
        prevSyntax = syn;
        continue;
      case Sclose:
        st.depth--;
        if (st.depth < st.mindepth) st.mindepth = st.depth;
        if (st.levelLast.length > 1) st.levelLast.pop();
        if (st.levelstarts.length > 0) st.levelstarts.pop();
        st.thislevelstart = st.levelLast[st.levelLast.length - 1]!;
        if (st.depth === targetdepth) return stopBefore(st, from);
        prevSyntax = syn;
        continue;
      case Sstring:
      case Sstring_fence:
        if (stopbefore) return stopBefore(st, prevFrom);
        st.levelLast[st.levelLast.length - 1] = prevFrom;
        st.comstrStart = prevFrom;
        st.instring = code === Sstring ? c : -2;
        if (commentstop === STOP_COMMENT_OR_STRING) return stopBefore(st, from);
        from = scanString(t, st, from, end);
        if (st.instring !== -1) return stringLeftOpen(t, st, from);
        // The closing delimiter is the last char read.
        prevSyntax = t.syntaxAt(from - 1);
        continue;
      default:
        prevSyntax = syn;
    }
  }
  st.prevSyntax = flag1(prevSyntax) || flag3(prevSyntax) ? prevSyntax : 0;
  return from;
}

const isEscape = (code: number): boolean => code === Sescape || code === Scharquote;

/** Stop the parse at POS with no pending two-char construct. */
function stopBefore(st: ParseState, pos: number): number {
  st.prevSyntax = 0;
  return pos;
}

/** Stop the parse at FROM inside a string: the last char read may still begin something. */
function stringLeftOpen(t: Text, st: ParseState, from: number): number {
  const last = from > t.begv ? t.syntaxAt(from - 1) : 0;
  st.prevSyntax = st.quoted || flag1(last) || flag3(last) ? last : 0;
  return from;
}

/**
 * Enter a comment of STYLE whose starter begins at START and ends at FROM, and read it unless
 * COMMENTSTOP stops there. ST.incomment is still non-zero on return when the parse must stop.
 */
function parseComment(t: Text, st: ParseState, start: number, from: number, end: number, style: number, nested: boolean,
  commentstop: number): number {
  st.comstrStart = start;
  st.comstyle = style;
  st.incomment = nested ? 1 : -1;
  if (commentstop !== 0) return stopBefore(st, from);
  return runComment(t, st, from, end, 0);
}

/** Read on in the comment ST is in from FROM; out of it when it ends before END, else ST says where it is. */
function runComment(t: Text, st: ParseState, from: number, end: number, prevSyntax: number): number {
  from = forwardComment(t, from, end, st.incomment, st.comstyle, prevSyntax);
  if (!t.cFound) {
    st.incomment = t.cNest;
    st.prevSyntax = t.cLast;
    return from;
  }
  st.incomment = 0;
  st.comstyle = 0;
  st.comstrStart = -1;
  return from;
}

/** Read the rest of a string (ST.instring set) from FROM; leaves instring -1 when it ended. */
function scanString(t: Text, st: ParseState, from: number, end: number): number {
  const term = st.instring;
  const { u8, gpt, before, after, tab, flat } = t;
  const plain = t.iv === Qnil;
  while (from < end) {
    let c: number;
    if (flat) {
      c = u8[from < gpt ? before + from : after + from]!;
      if (c >= 0x80) c += 0x3fff00;
    } else c = t.char(from);
    const code = (c < 128 && plain ? tab[c]! : t.syntaxOf(from, c)) & 0xffff;
    if (term === -2 ? code === Sstring_fence : c === term && code === Sstring) {
      st.instring = -1;
      st.comstrStart = -1;
      st.thislevelstart = st.levelLast[st.levelLast.length - 1]!;
      return from + 1;
    }
    if (code === Sescape || code === Scharquote) {
      from++;
      if (from >= end) {
        st.quoted = true;
        return from;
      }
    }
    from++;
  }
  return from;
}

/**
 * Skip the rest of a symbol or word from FROM (escapes take the next char along). With
 * MARKQUOTED an escape at END leaves ST.quoted set.
 */
function scanSymbolRest(t: Text, st: ParseState, from: number, end: number, markQuoted: boolean): number {
  const { u8, gpt, before, after, tab, flat } = t;
  const plain = t.iv === Qnil;
  while (from < end) {
    let c: number;
    if (flat) {
      c = u8[from < gpt ? before + from : after + from]!;
      if (c >= 0x80) c += 0x3fff00;
    } else c = t.char(from);
    const code = (c < 128 && plain ? tab[c]! : t.syntaxOf(from, c)) & 0xffff;
    if (code === Sword || code === Ssymbol || code === Squote) {
      from++;
      continue;
    }
    if (code !== Sescape && code !== Scharquote) break;
    from++;
    if (from >= end) {
      if (markQuoted) st.quoted = true;
      return from;
    }
    from++;
  }
  return from;
}

/**
 * Find the start of the comment of STYLE that ends just before ENDPOS (the first char of its
 * ender at ENDPOS), or -1: parse forward to ENDPOS from the nearest defun start before it (a
 * line beginning with an open paren, as `open-paren-in-column-0-is-defun-start' assumes),
 * or from the accessible start. Parse states met on the way are kept in CHECKPOINTS, by
 * start position, so a backward scan that asks again from the same defun start resumes
 * from the furthest state below ENDPOS instead of parsing the defun again.
 */
function backComment(t: Text, endPos: number, style: number, nested: boolean, checkpoints: Map<number, [number, ParseState]>): number {
  if (nested) {
    // Counting back settles most nested comments; when it cannot, parse forward as below.
    const r = backNested(t, endPos, style);
    if (r >= 0) return r;
  } else {
    // A comment ended by a one-char ender (a newline): when the text back to the previous such
    // ender holds no string or escape syntax, its first starter of STYLE is the comment's start,
    // whatever comes before that line (an unclosed comment further up does not matter).
    const r = backLineComment(t, endPos, style);
    if (r !== -2) return r;
  }
  let start = t.begv;
  for (let p = endPos; p > t.begv; p--) {
    if (t.char(p - 1) === 10 && p < endPos && cls(t.syntaxAt(p)) === Sopen) {
      start = p;
      break;
    }
  }
  let st: ParseState;
  const cp = checkpoints.get(start);
  let from = start;
  if (cp && cp[0] <= endPos) {
    from = cp[0];
    st = cp[1].clone();
  } else st = freshState();
  parseForward(t, st, from, endPos, NaN, false, 0);
  // Kept as it is: ST is not changed below (a deeper parse starts a fresh state), and a resumed
  // checkpoint is cloned before it is parsed on.
  if (!cp || cp[0] > endPos) checkpoints.set(start, [endPos, st]);
  // Inside nested comments two deep or more, the ender closes the innermost one, which GNU
  // finds by parsing again from just inside the outer one's starter, until one level is left.
  // (Counting delimiters back from the ender cannot tell how `#|#|#' pairs up; this can.)
  const ours = nested ? 1 : -1;
  while (st.incomment !== 0 && !(st.incomment === ours && st.comstyle === style) && st.comstrStart >= 0 && st.comstrStart + 2 < endPos) {
    const inner = st.comstrStart + 2;
    st = freshState();
    parseForward(t, st, inner, endPos, NaN, false, 0);
  }
  if (st.incomment !== 0 && st.comstyle === style) return st.comstrStart;
  return -1;
}

/**
 * The first starter of STYLE in the text between the previous one-char ender of STYLE (or the
 * accessible start) and ENDPOS, where a single-char ender is; -1 when there is none; -2 when
 * only a forward parse can tell: a starter was found in text that also has string or escape
 * syntax (it may be inside a string, or quoted), that text has fence syntax, or the ender is
 * not a single char of STYLE. With no starter of STYLE after the previous ender, no comment of
 * STYLE can be open at ENDPOS, strings or not: a line of code with a string in it (the usual
 * Lisp line) is settled here, without parsing forward from its defun's start.
 */
function backLineComment(t: Text, endPos: number, style: number): number {
  const endSyn = t.syntaxAt(endPos);
  if (cls(endSyn) !== Sendcomment || commentStyle(endSyn, 0) !== style || enderFirst(t, endPos, endSyn) >= 0) return -2;
  let found = -1;
  let quoting = false;
  const { u8, gpt, before, after, tab, fast } = t;
  for (let p = endPos - 1; p >= t.begv; p--) {
    let syn: number;
    if (fast) {
      const b = u8[p < gpt ? before + p : after + p]!;
      syn = b < 128 ? tab[b]! : t.syntaxAt(p);
    } else syn = t.syntaxAt(p);
    const code = cls(syn);
    if (code === Sstring_fence || code === Scomment_fence) return -2;
    if (code === Sstring || code === Sescape || code === Scharquote) quoting = true;
    if (code === Sendcomment && commentStyle(syn, 0) === style && !nestedFlag(syn)) {
      // An escaped ender (comment-end-can-be-escaped) may not end anything.
      if (p > t.begv) {
        const before = cls(t.syntaxAt(p - 1));
        if (before === Sescape || before === Scharquote) return -2;
      }
      break;
    }
    if (code === Sendcomment) return -2;
    if (code === Scomment) {
      if (!nestedFlag(syn) && commentStyle(syn, 0) === style) found = p;
      continue;
    }
    // Two-char delimiters: a starter of STYLE counts, other starters do not matter, but an
    // ender might close something the line began inside of.
    if ((syn & FLAGS_1234) === 0) continue;
    const prev = p > t.begv ? t.syntaxAt(p - 1) : 0;
    // (GNU passes over the ender of a nested comment once a starter of STYLE is found after it.)
    if (flag4(syn) && flag3(prev) && (found < 0 || !(nestedFlag(syn) || nestedFlag(prev)))) return -2;
    const next = p + 1 < endPos ? t.syntaxAt(p + 1) : 0;
    if (flag1(syn) && flag2(next) && commentStyle(next, syn) === style && !(nestedFlag(syn) || nestedFlag(next))) found = p;
  }
  return found >= 0 && quoting ? -2 : found;
}

/**
 * The start of the nested comment of STYLE whose ender begins at ENDPOS, counting delimiters
 * back from it, or -1 when counting cannot tell: no starter left, or a char that belongs to a
 * two-char delimiter with either neighbour (`#|#' with `#|' and `|#'), whose pairing only a
 * forward parse settles, as in GNU.
 */
function backNested(t: Text, endPos: number, style: number): number {
  const pairs = (first: number, second: number): boolean =>
    (flag1(first) && flag2(second)) || (flag3(first) && flag4(second));
  let depth = 1;
  let p = endPos;
  while (p > t.begv) {
    p--;
    const syn = t.syntaxAt(p);
    if (p > t.begv && (flag2(syn) || flag4(syn))) {
      const ps = t.syntaxAt(p - 1);
      const starter = flag2(syn) && flag1(ps) && commentStyle(syn, ps) === style && (nestedFlag(ps) || nestedFlag(syn));
      const ender = flag4(syn) && flag3(ps) && commentStyle(ps, syn) === style && (nestedFlag(ps) || nestedFlag(syn));
      if (starter || ender) {
        if (p - 1 > t.begv && pairs(t.syntaxAt(p - 2), ps)) return -1;
        p--;
        if (ender) depth++;
        else if (--depth === 0) return p;
        continue;
      }
    }
    const code = cls(syn);
    if (code === Scomment && nestedFlag(syn) && commentStyle(syn, 0) === style && --depth === 0) return p;
    if (code === Sendcomment && nestedFlag(syn) && commentStyle(syn, 0) === style) depth++;
  }
  return -1;
}

/** The syntax of the char at FROM when it completes a two-char comment starter begun by a char of syntax SYN just before it, else -1. */
function starterSecond(t: Text, from: number, syn: number): number {
  if (from >= t.zv || !flag1(syn)) return -1;
  const other = t.syntaxAt(from);
  return flag2(other) ? other : -1;
}

/** The syntax of the char before FROM when, unquoted, it begins a two-char comment ender that the char at FROM, of syntax SYN, completes; else -1. */
function enderFirst(t: Text, from: number, syn: number): number {
  if (from <= t.begv || !flag4(syn)) return -1;
  const prev = t.syntaxAt(from - 1);
  return flag3(prev) && !charQuoted(t, from - 1) ? prev : -1;
}

/**
 * Back from FROM (where a closing string delimiter or fence is) to its opener: the nearest
 * unquoted char before it of class CODE that, when TERM >= 0, is TERM itself. -1 when the
 * accessible text begins first.
 */
function backToOpener(t: Text, from: number, code: number, term: number): number {
  while (from > t.begv) {
    from--;
    if (cls(t.syntaxAt(from)) === code && (term < 0 || t.char(from) === term) && !charQuoted(t, from)) return from;
  }
  return -1;
}

// ---- scan-lists ------------------------------------------------------------------------------

function scanError(rt: Runtime, msg: string, a: number, b: number): never {
  return xsignal3(rt, Qscan_error, makeString(rt, msg), makeFixnum(a), makeFixnum(b));
}

/** GNU's scan_lists: the position COUNT lists (or sexps, with SEXPFLAG) away from FROM, or -1 when the text ran out at depth 0. */
function scanLists(rt: Runtime, from: number, count: number, depth: number, sexpflag: boolean): number {
  const t = currentText(rt);
  const ignoreComments = isTrue(rt, Qparse_sexp_ignore_comments);
  const minDepth = depth > 0 ? 0 : depth;
  if (from < t.begv) from = t.begv;
  if (from > t.zv) from = t.zv;
  let lastGood = from;
  const checkpoints = new Map<number, [number, ParseState]>();
  const { u8, gpt, before, after, tab, fast } = t;
  while (count > 0) {
    let mathexit = false;
    let done = false;
    while (from < t.zv) {
      let c: number;
      let syn: number;
      if (fast) {
        c = u8[from < gpt ? before + from : after + from]!;
        if (c < 128) syn = tab[c]!;
        else syn = t.syntaxOf(from, (c += 0x3fff00));
      } else {
        c = t.char(from);
        syn = t.syntaxOf(from, c);
      }
      let code = cls(syn);
      if (depth === minDepth) lastGood = from;
      const prefix = prefixFlag(syn);
      from++;
      if (ignoreComments && flag1(syn)) {
        const other = starterSecond(t, from, syn);
        if (other >= 0) {
          code = Scomment;
          const style = commentStyle(other, syn);
          const nested = nestedFlag(syn) || nestedFlag(other);
          from++;
          from = forwardComment(t, from, t.zv, nested ? 1 : -1, style, 0);
          if (!t.cFound) {
            // A comment left open at the end counts as a sexp ending there, at depth zero.
            if (depth === 0) {
              done = true;
              break;
            }
            return scanError(rt, 'Unbalanced parentheses', lastGood, from);
          }
          continue;
        }
      }
      if (prefix) continue;
      switch (code) {
        case Sescape:
        case Scharquote:
        case Sword:
        case Ssymbol:
          // An escaped char starts a symbol.
          if (code === Sescape || code === Scharquote) {
            if (from === t.zv) return scanError(rt, 'Unbalanced parentheses', lastGood, from);
            from++;
          }
          if (depth !== 0 || !sexpflag) break;
          while (from < t.zv) {
            const k = cls(t.syntaxAt(from));
            if (k === Sescape || k === Scharquote) {
              from++;
              if (from === t.zv) return scanError(rt, 'Unbalanced parentheses', lastGood, from);
            } else if (k !== Sword && k !== Ssymbol && k !== Squote) break;
            from++;
          }
          done = true;
          break;
        case Scomment_fence:
        case Scomment: {
          if (!ignoreComments) break;
          const style = code === Scomment_fence ? ST_COMMENT_STYLE : commentStyle(syn, 0);
          from = forwardComment(t, from, t.zv, code === Scomment && nestedFlag(syn) ? 1 : -1, style, 0);
          if (!t.cFound) {
            if (depth === 0) {
              done = true;
              break;
            }
            return scanError(rt, 'Unbalanced parentheses', lastGood, from);
          }
          break;
        }
        case Smath:
          if (!sexpflag) break;
          if (from < t.zv && c === t.char(from)) from++;
          if (mathexit) {
            mathexit = false;
            depth--;
            if (depth === 0 && sexpflag) done = true;
            else if (depth < minDepth) scanError(rt, 'Containing expression ends prematurely', lastGood, from);
            break;
          }
          mathexit = true;
          depth++;
          if (depth === 0 && sexpflag) done = true;
          break;
        case Sopen:
          depth++;
          if (depth === 0 && sexpflag) done = true;
          mathexit = false;
          break;
        case Sclose:
          depth--;
          if (depth === 0 && sexpflag) done = true;
          else if (depth < minDepth) scanError(rt, 'Containing expression ends prematurely', lastGood, from);
          break;
        case Sstring:
        case Sstring_fence: {
          const term = t.char(from - 1);
          for (;;) {
            if (from >= t.zv) return scanError(rt, 'Unbalanced parentheses', lastGood, from);
            let ch: number;
            let k: number;
            if (fast && (ch = u8[from < gpt ? before + from : after + from]!) < 128) k = cls(tab[ch]!);
            else {
              ch = t.char(from);
              k = cls(t.syntaxOf(from, ch));
            }
            if (code === Sstring ? ch === term && k === Sstring : k === Sstring_fence) break;
            if (k === Sescape || k === Scharquote) from++;
            from++;
          }
          from++;
          if (depth === 0 && sexpflag) done = true;
          break;
        }
        default:
          break;
      }
      if (done) break;
      if (depth === 0 && !sexpflag && (code === Sclose || code === Sopen)) {
        done = true;
        break;
      }
    }
    if (!done) {
      if (depth !== 0) return scanError(rt, 'Unbalanced parentheses', lastGood, from);
      return -1;
    }
    count--;
  }
  while (count < 0) {
    let done = false;
    while (from > t.begv) {
      from--;
      let c: number;
      let syn: number;
      if (fast) {
        c = u8[from < gpt ? before + from : after + from]!;
        if (c < 128) syn = tab[c]!;
        else syn = t.syntaxOf(from, (c += 0x3fff00));
      } else {
        c = t.char(from);
        syn = t.syntaxOf(from, c);
      }
      let code = cls(syn);
      if (depth === minDepth) lastGood = from;
      let style = 0;
      let nestedEnd = nestedFlag(syn);
      if (code === Sendcomment) style = commentStyle(syn, 0);
      // A two-char comment ender.
      if (ignoreComments && flag4(syn)) {
        const prev = enderFirst(t, from, syn);
        if (prev >= 0) {
          code = Sendcomment;
          style = commentStyle(prev, syn);
          nestedEnd = nestedFlag(prev) || nestedFlag(syn);
          from--;
          syn = prev;
        }
      }
      // Only an escape or char-quote before FROM can quote it (the common answer read in place).
      let quoted = false;
      if (code !== Sendcomment && from > t.begv) {
        const b = fast ? u8[from - 1 < gpt ? before + from - 1 : after + from - 1]! : 128;
        const k = b < 128 ? cls(tab[b]!) : Sescape;
        if (k === Sescape || k === Scharquote) quoted = charQuoted(t, from);
      }
      if (quoted) {
        from--;
        code = Sword;
      } else if (prefixFlag(syn)) continue;
      switch (code) {
        case Sword:
        case Ssymbol:
        case Sescape:
        case Scharquote:
          if (depth !== 0 || !sexpflag) break;
          while (from > t.begv) {
            let temp = from - 1;
            const q = charQuoted(t, temp);
            if (q) temp--;
            const k = cls(t.syntaxAt(temp));
            if (!q && k !== Sword && k !== Ssymbol && k !== Squote) break;
            from = temp;
          }
          done = true;
          break;
        case Smath:
          if (!sexpflag) break;
          if (from > t.begv && c === t.char(from - 1)) from--;
          depth++;
          if (depth === 0 && sexpflag) done = true;
          break;
        case Sclose:
          depth++;
          if (depth === 0 && sexpflag) done = true;
          break;
        case Sopen:
          depth--;
          if (depth === 0 && sexpflag) done = true;
          else if (depth < minDepth) scanError(rt, 'Containing expression ends prematurely', lastGood, from);
          break;
        case Sendcomment: {
          if (!ignoreComments) break;
          const start = backComment(t, from, style, nestedEnd, checkpoints);
          if (start >= 0) from = start;
          break;
        }
        case Scomment_fence:
        case Sstring_fence:
        case Sstring:
          from = backToOpener(t, from, code, code === Sstring ? c : -1);
          if (from < 0) return scanError(rt, 'Unbalanced parentheses', lastGood, t.begv);
          if (code !== Scomment_fence && depth === 0 && sexpflag) done = true;
          break;
        default:
          break;
      }
      if (done) break;
      if (depth === 0 && !sexpflag && (code === Sopen || code === Sclose)) {
        done = true;
        break;
      }
    }
    if (!done) {
      if (depth !== 0) return scanError(rt, 'Unbalanced parentheses', lastGood, from);
      return -1;
    }
    count++;
  }
  return from;
}

const intArg = (rt: Runtime, x: number): number => {
  if (!isFixnum(x)) wrongTypeArgument(rt, Qfixnump, x);
  return fixnumValue(x);
};

DEFUN('scan-lists', 3, 3,
  'Give the position COUNT balanced lists away from FROM (back when COUNT is negative), starting at paren depth DEPTH.\nThe scan stops where depth comes back to zero; nil when the text ends first at depth zero. Signals `scan-error\' on unbalanced text.',
  (rt, from: number, count: number, depth: number) => {
    const f = intArg(rt, from);
    const n = intArg(rt, count);
    const d = intArg(rt, depth);
    const r = scanLists(rt, f, n, d, false);
    return r < 0 ? Qnil : makeFixnum(r);
  });

DEFUN('scan-sexps', 2, 2,
  'Give the position COUNT sexps away from FROM (back when COUNT is negative), or nil when the text ends first.\nSignals `scan-error\' on unbalanced text.',
  (rt, from: number, count: number) => {
    const f = intArg(rt, from);
    const n = intArg(rt, count);
    const r = scanLists(rt, f, n, 0, true);
    return r < 0 ? Qnil : makeFixnum(r);
  });

DEFUN('backward-prefix-chars', 0, 0, 'Move point back over any prefix characters (quote syntax or the p flag) just before it.', (rt) => {
  const t = currentText(rt);
  let pos = bint(rt, t.buf, BUF_PT);
  while (pos > t.begv && !charQuoted(t, pos - 1)) {
    const syn = t.syntaxAt(pos - 1);
    if (cls(syn) !== Squote && !prefixFlag(syn)) break;
    pos--;
  }
  setPoint(rt, pos);
  return Qnil;
});

// ---- forward-comment -------------------------------------------------------------------------

DEFUN('forward-comment', 1, 1,
  'Move point over COUNT comments and the whitespace around them (back when COUNT is negative).\nGive t when all COUNT were passed; otherwise stop before the first thing that is neither, and give nil.',
  (rt, count: number) => {
    let n = intArg(rt, count);
    const t = currentText(rt);
    let from = bint(rt, t.buf, BUF_PT);
    const checkpoints = new Map<number, [number, ParseState]>();
    while (n > 0) {
      let found = false;
      for (;;) {
        if (from >= t.zv) {
          setPoint(rt, from);
          return Qnil;
        }
        const c = t.char(from);
        const syn = t.syntaxOf(from, c);
        const code = cls(syn);
        from++;
        let style = -1;
        let nesting = -1;
        if (code === Scomment) {
          style = commentStyle(syn, 0);
          nesting = nestedFlag(syn) ? 1 : -1;
        } else if (code === Scomment_fence) style = ST_COMMENT_STYLE;
        else {
          const other = starterSecond(t, from, syn);
          if (other >= 0) {
            style = commentStyle(other, syn);
            nesting = nestedFlag(syn) || nestedFlag(other) ? 1 : -1;
            from++;
          }
        }
        if (style >= 0) {
          from = forwardComment(t, from, t.zv, nesting, style, 0);
          if (!t.cFound) {
            setPoint(rt, from);
            return Qnil;
          }
          found = true;
          break;
        }
        // A newline ending no comment is whitespace here; any other lone ender stops.
        if (code !== Swhitespace && !(code === Sendcomment && c === 10)) {
          setPoint(rt, from - 1);
          return Qnil;
        }
      }
      if (found) n--;
    }
    while (n < 0) {
      for (;;) {
        if (from <= t.begv) {
          setPoint(rt, from);
          return Qnil;
        }
        from--;
        const c = t.char(from);
        let syn = t.syntaxOf(from, c);
        let code = cls(syn);
        const quoted = charQuoted(t, from);
        // An escaped ender still ends a comment unless comment-end-can-be-escaped.
        const endQuoted = quoted && t.endEscapable;
        let style = code === Sendcomment ? commentStyle(syn, 0) : 0;
        let nestedEnd = nestedFlag(syn);
        let at = from;
        if (!endQuoted) {
          const prev = enderFirst(t, from, syn);
          if (prev >= 0) {
            code = Sendcomment;
            style = commentStyle(prev, syn);
            nestedEnd = nestedFlag(prev) || nestedFlag(syn);
            at = from - 1;
            syn = prev;
          }
        }
        if (code === Scomment_fence && !quoted) {
          const p = backToOpener(t, from, Scomment_fence, -1);
          if (p < 0) {
            setPoint(rt, from + 1);
            return Qnil;
          }
          from = p;
          break;
        }
        if (code === Sendcomment && !endQuoted) {
          const start = backComment(t, at, style, nestedEnd, checkpoints);
          if (start >= 0) {
            from = start;
            break;
          }
          // An ender that ends no comment: a newline is still whitespace.
          if (c === 10 || cls(t.syntaxOf(from, c)) === Swhitespace) continue;
          setPoint(rt, from + 1);
          return Qnil;
        }
        if (code === Swhitespace && !quoted) continue;
        // An escaped newline that cannot end a comment is still whitespace.
        if (code === Sendcomment && c === 10) continue;
        setPoint(rt, from + 1);
        return Qnil;
      }
      n++;
    }
    setPoint(rt, from);
    return Qt;
  });

// ---- skip-syntax ------------------------------------------------------------------------------

function skipSyntax(rt: Runtime, spec: number, lim: number, forward: boolean): number {
  if (!stringp(spec)) wrongTypeArgument(rt, Qstringp, spec);
  const t = currentText(rt);
  let limit: number;
  if (lim === Qnil) limit = forward ? t.zv : t.begv;
  else limit = positionValue(rt, lim);
  if (limit > t.zv) limit = t.zv;
  if (limit < t.begv) limit = t.begv;
  const chars = stringChars(rt, spec);
  let negate = false;
  let i = 0;
  if (chars.length > 0 && chars[0] === 0x5e) {
    negate = true;
    i = 1;
  }
  const want = new Uint8Array(16);
  for (; i < chars.length; i++) {
    // A letter that names no class is ignored, as in GNU.
    const k = syntaxSpecCode(chars[i]!);
    if (k !== SYNTAX_NONE) want[k] = 1;
  }
  const start = bint(rt, t.buf, BUF_PT);
  let pos = start;
  if (forward) {
    while (pos < limit && (want[cls(t.syntaxAt(pos))] === 1) !== negate) pos++;
  } else {
    while (pos > limit && (want[cls(t.syntaxAt(pos - 1))] === 1) !== negate) pos--;
  }
  setPoint(rt, pos);
  return makeFixnum(pos - start);
}

DEFUN('skip-syntax-forward', 1, 2,
  'Move point forward over characters whose syntax class is among SYNTAX (a string of class designators; a leading ^ takes the others), up to LIM.\nGive the distance moved.',
  (rt, syntax: number, lim: number) => skipSyntax(rt, syntax, lim, true));

DEFUN('skip-syntax-backward', 1, 2,
  'Move point back over characters whose syntax class is among SYNTAX (a leading ^ takes the others), down to LIM.\nGive the distance moved, zero or negative.',
  (rt, syntax: number, lim: number) => skipSyntax(rt, syntax, lim, false));

// ---- words ------------------------------------------------------------------------------------

/** The position COUNT words from FROM, or -1 when the text ends first (GNU's scan_words). */
function scanWords(t: Text, from: number, count: number): number {
  while (count > 0) {
    for (;;) {
      if (from >= t.zv) return -1;
      if (cls(t.syntaxAt(from)) === Sword) break;
      from++;
    }
    while (from < t.zv && cls(t.syntaxAt(from)) === Sword) from++;
    count--;
  }
  while (count < 0) {
    for (;;) {
      if (from <= t.begv) return -1;
      if (cls(t.syntaxAt(from - 1)) === Sword) break;
      from--;
    }
    while (from > t.begv && cls(t.syntaxAt(from - 1)) === Sword) from--;
    count++;
  }
  return from;
}

/** The position COUNT words from FROM in the current buffer, or -1 when the text ends first (for the word case commands). */
export function scanWordsFrom(rt: Runtime, from: number, count: number): number {
  return scanWords(currentText(rt), from, count);
}

DEFUN('forward-word', 0, 1,
  'Move point forward ARG words (back when ARG is negative); give t, or nil when the buffer ends first (point stops there).',
  (rt, arg: number) => {
    const n = arg === Qnil ? 1 : intArg(rt, arg);
    const t = currentText(rt);
    const r = scanWords(t, bint(rt, t.buf, BUF_PT), n);
    setPoint(rt, r < 0 ? (n > 0 ? t.zv : t.begv) : r);
    return r < 0 ? Qnil : Qt;
  }, '^p');

DEFUN('backward-word', 0, 1,
  'Move point back ARG words (forward when ARG is negative); give t, or nil when the buffer ends first.',
  (rt, arg: number) => {
    const n = arg === Qnil ? 1 : intArg(rt, arg);
    const t = currentText(rt);
    const r = scanWords(t, bint(rt, t.buf, BUF_PT), -n);
    setPoint(rt, r < 0 ? (n > 0 ? t.begv : t.zv) : r);
    return r < 0 ? Qnil : Qt;
  }, '^p');

// ---- parse-partial-sexp ----------------------------------------------------------------------

/** Rebuild a parse state from OLDSTATE, a list as parse-partial-sexp gives. */
function stateFromList(rt: Runtime, old: number): ParseState {
  const st = freshState();
  if (old === Qnil) return st;
  if (!consp(old)) wrongTypeArgument(rt, DEFSYM('listp'), old);
  const e = listToArray(rt, old);
  const el = (i: number): number => (i < e.length ? e[i]! : Qnil);
  st.depth = isFixnum(el(0)) ? fixnumValue(el(0)) : 0;
  const s = el(3);
  st.instring = s === Qnil ? -1 : isFixnum(s) ? fixnumValue(s) : -2;
  const c = el(4);
  st.incomment = c === Qnil ? 0 : isFixnum(c) ? fixnumValue(c) : -1;
  st.quoted = el(5) !== Qnil;
  const sty = el(7);
  st.comstyle = sty === Qnil ? 0 : sty === Qsyntax_table ? ST_COMMENT_STYLE : isFixnum(sty) ? fixnumValue(sty) : 1;
  st.comstrStart = isFixnum(el(8)) ? fixnumValue(el(8)) : -1;
  const levels = el(9);
  if (consp(levels)) {
    // Into the state's own arrays: a new array of another kind in the field made V8 throw away
    // the parse loop compiled for the first kind.
    const last = st.levelLast;
    last.pop();
    for (const p of listToArray(rt, levels)) {
      const v = isFixnum(p) ? fixnumValue(p) : -1;
      st.levelstarts.push(v);
      last.push(v);
    }
    last.push(-1);
  }
  st.prevSyntax = isFixnum(el(10)) ? fixnumValue(el(10)) : 0;
  st.mindepth = st.depth;
  return st;
}

function stateToList(rt: Runtime, st: ParseState): number {
  const fix = (n: number): number => (n < 0 ? Qnil : makeFixnum(n));
  const lastLevel = st.levelstarts.length > 0 ? makeFixnum(st.levelstarts[st.levelstarts.length - 1]!) : Qnil;
  const instring = st.instring === -1 ? Qnil : st.instring === -2 ? Qt : makeFixnum(st.instring);
  const incomment = st.incomment === 0 ? Qnil : st.incomment < 0 ? Qt : makeFixnum(st.incomment);
  const style = st.comstyle === 0 ? Qnil : st.comstyle === ST_COMMENT_STYLE ? Qsyntax_table : makeFixnum(st.comstyle);
  const inComOrStr = st.incomment !== 0 || st.instring !== -1;
  const levels = st.levelstarts.length > 0 ? list(rt, ...st.levelstarts.map(makeFixnum)) : Qnil;
  return list(rt, makeFixnum(st.depth), lastLevel, fix(st.thislevelstart), instring, incomment, st.quoted ? Qt : Qnil,
    makeFixnum(st.mindepth), style, inComOrStr ? fix(st.comstrStart) : Qnil, levels,
    st.prevSyntax !== 0 ? makeFixnum(st.prevSyntax) : Qnil);
}

DEFUN('parse-partial-sexp', 2, 6,
  'Parse the Lisp syntax from FROM to TO and give the state there, leaving point where parsing stopped.\nThe state is a list: depth, start of the innermost open list, start of the last complete sexp, in-string (its terminator or t), in-comment (t or nesting depth), after-quote, minimum depth, comment style, start of the comment or string, open list starts, and the syntax of a last char that may begin a two-char construct.\nTARGETDEPTH stops where depth reaches it, STOPBEFORE at the start of a sexp, OLDSTATE resumes a state, COMMENTSTOP at the start of a comment (or string when it is `syntax-table\').',
  (rt, from: number, to: number, targetdepth: number, stopbefore: number, oldstate: number, commentstop: number) => {
    const f = positionValue(rt, from);
    const e = positionValue(rt, to);
    if (e < f) error(rt, 'End position is smaller than start position');
    const t = currentText(rt);
    if (f < t.begv || e > t.zv) xsignal(DEFSYM('args-out-of-range'), list(rt, t.buf, from, to));
    let target = NaN;
    if (targetdepth !== Qnil) {
      if (!isFixnum(targetdepth)) wrongTypeArgument(rt, Qfixnump, targetdepth);
      target = fixnumValue(targetdepth);
    }
    const st = stateFromList(rt, oldstate);
    const cs = commentstop === Qnil ? 0 : commentstop === Qsyntax_table ? STOP_COMMENT_OR_STRING : STOP_COMMENT;
    const end = parseForward(t, st, f, e, target, stopbefore !== Qnil, cs);
    setPoint(rt, end);
    return stateToList(rt, st);
  });

