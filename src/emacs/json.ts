// The native JSON primitives (json-parse-string, json-parse-buffer, json-serialize, json-insert), behaving as GNU Emacs 28.2 built with libjansson 2.14.
//
// GNU hands the text to jansson and converts jansson's tree; what a program can observe of that
// (error messages with their "near '...'" context, line/column/byte position, which bytes count
// as a column, the 2048-level parser limit, "%.17g" floats, first-error-wins reporting) is
// jansson's behaviour, so the reader below reproduces it step by step on the UTF-8 bytes, with
// one character of look-ahead that can be pushed back, as jansson's stream does. Parsing builds a
// plain JS tree first and converts it to Lisp afterwards, because GNU reports every syntax error
// before any conversion error (an object nested past `max-lisp-eval-depth' but malformed later
// is a parse error, not json-object-too-deep).

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { BUF_MULTIBYTE, BUF_PT_BYTE, BUF_ZV_BYTE } from '../heap/layout.ts';
import {
  aref, cons, consp, floatp, integerp, integerValue, list, makeFloat, makeInteger, makeStringFromBytes, makeVector, aset,
  pvecSize, sbytes, sdata, stringMultibyte, stringp, symbolName, symbolp, vectorp, xcar, xcdr, xfloat, TailWalker,
} from '../core/object.ts';
import { internString } from '../core/obarray.ts';
import { internalToExternal } from '../core/character.ts';
import type { Runtime } from '../core/runtime.ts';
import { checkJsStack, wrongTypeArgument, xsignal, xsignal1, xsignal3 } from '../core/signal.ts';
import { DEFUN, DEFINIT, MANY } from '../core/subr.ts';
import { DEFSYM, Qconsp, Qlistp, Qnil, Qstringp, Qsymbolp, Qt, Qcircular_list } from '../core/symbols.ts';
import { putProp } from '../core/object.ts';
import { bint, currentBuffer } from './buffer.ts';
import { setPoint } from './editfns.ts';
import { hashPut, hashTableForEach, hashTablep, makeHashTable } from './fns.ts';
import { copyBytes, insertString } from './insdel.ts';
import { byteToChar } from './marker.ts';
import { findSymbolValue } from './eval.ts';

const Qjson_error = DEFSYM('json-error');
const Qjson_parse_error = DEFSYM('json-parse-error');
const Qjson_end_of_file = DEFSYM('json-end-of-file');
const Qjson_trailing_content = DEFSYM('json-trailing-content');
const Qjson_object_too_deep = DEFSYM('json-object-too-deep');
const Qjson_out_of_memory = DEFSYM('json-out-of-memory');
const Qjson_value_p = DEFSYM('json-value-p');
const Qutf_8_string_p = DEFSYM('utf-8-string-p');
const Qstring_without_embedded_nulls_p = DEFSYM('string-without-embedded-nulls-p');
const Qplistp = DEFSYM('plistp');
const Qargs_out_of_range = DEFSYM('args-out-of-range');
const Qerror = DEFSYM('error');
const Qerror_conditions = DEFSYM('error-conditions');
const Qerror_message = DEFSYM('error-message');
const Qmax_lisp_eval_depth = DEFSYM('max-lisp-eval-depth');
const QCobject_type = DEFSYM(':object-type');
const QCarray_type = DEFSYM(':array-type');
const QCnull_object = DEFSYM(':null-object');
const QCfalse_object = DEFSYM(':false-object');
const QCnull = DEFSYM(':null');
const QCfalse = DEFSYM(':false');
const Qhash_table = DEFSYM('hash-table');
const Qalist = DEFSYM('alist');
const Qplist = DEFSYM('plist');
const Qarray = DEFSYM('array');
const Qlist = DEFSYM('list');
const Qequal = DEFSYM('equal');

DEFINIT((rt) => {
  const def = (sym: number, parents: number[], msg: string): void => {
    putProp(rt, sym, Qerror_conditions, list(rt, sym, ...parents));
    putProp(rt, sym, Qerror_message, makeStringFromBytes(rt, new TextEncoder().encode(msg), msg.length, false));
  };
  def(Qjson_error, [Qerror], 'generic JSON error');
  def(Qjson_parse_error, [Qjson_error, Qerror], 'could not parse JSON stream');
  def(Qjson_end_of_file, [Qjson_parse_error, Qjson_error, Qerror], 'end of JSON stream');
  def(Qjson_trailing_content, [Qjson_parse_error, Qjson_error, Qerror], 'trailing content after JSON stream');
  def(Qjson_object_too_deep, [Qjson_error, Qerror], 'object cyclic or Lisp evaluation too deep');
  def(Qjson_out_of_memory, [Qjson_error, Qerror], 'not enough memory for creating JSON object');
});

// ---- the parsed tree -------------------------------------------------------------------------

/** A parsed JSON value before it becomes Lisp: strings stay UTF-8 bytes (they may hold NUL). */
type JValue =
  | { k: 'str'; b: Uint8Array }
  | { k: 'int'; v: bigint }
  | { k: 'real'; v: number }
  | { k: 'true' } | { k: 'false' } | { k: 'null' }
  | { k: 'arr'; items: JValue[] }
  | { k: 'obj'; keys: Uint8Array[]; vals: JValue[] };

const TRUE: JValue = { k: 'true' };
const FALSE: JValue = { k: 'false' };
const NULL: JValue = { k: 'null' };

// ---- reading: jansson's stream and lexer, observably ------------------------------------------

/** How an error is classified; only the first three change the Lisp error symbol. */
type ErrKind = 'syntax' | 'eof' | 'trailing' | 'other';

interface ParseFailure { msg: string; kind: ErrKind; line: number; column: number; position: number }

// Token codes: single-character tokens are their byte; the rest are negative or large.
const T_INVALID = -1, T_EOF = 0, T_STRING = 256, T_INTEGER = 257, T_REAL = 258, T_TRUE = 259, T_FALSE = 260, T_NULL = 261;
const S_EOF = -1, S_ERROR = -2;
/** jansson's JSON_PARSER_MAX_DEPTH. */
const MAX_PARSE_DEPTH = 2048;

/** The length a UTF-8 sequence starting with B claims (0: B cannot start one). */
function leadLength(b: number): number {
  if (b < 0x80) return 1;
  if (b < 0xc2) return 0;
  if (b < 0xe0) return 2;
  if (b < 0xf0) return 3;
  if (b < 0xf5) return 4;
  return 0;
}

/** Whether SEQ (of length leadLength(SEQ[0])) is a well-formed UTF-8 encoding of one scalar value. */
function wellFormed(seq: number[]): boolean {
  const n = seq.length;
  let cp = n === 2 ? seq[0]! & 0x1f : n === 3 ? seq[0]! & 0x0f : seq[0]! & 0x07;
  for (let i = 1; i < n; i++) {
    const b = seq[i]!;
    if (b < 0x80 || b > 0xbf) return false;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return false;
  if (n === 4 && (cp < 0x10000 || cp > 0x10ffff)) return false;
  return true;
}

class JsonReader {
  private at = 0;
  /** The bytes of the character being handed out, and how many of them have been. */
  private cur: number[] = [];
  private curPos = 0;
  private state = 0;
  line = 1;
  column = 0;
  private lastColumn = 0;
  position = 0;
  /** The text of the token being scanned, as jansson saves it for error context. */
  private saved: number[] = [];
  token: number = T_INVALID;
  strVal: Uint8Array | null = null;
  intVal = 0n;
  realVal = 0;
  depth = 0;
  failure: ParseFailure | null = null;

  private readonly src: Uint8Array;
  constructor(src: Uint8Array) {
    this.src = src;
  }

  /** Record an error unless one is already recorded: jansson keeps the first. */
  fail(kind: ErrKind, msg: string): void {
    if (this.failure) return;
    let text = msg;
    if (this.saved.length > 0) {
      if (this.saved.length <= 20) text = `${msg} near '${new TextDecoder().decode(Uint8Array.from(this.saved))}'`;
    } else {
      if (kind === 'syntax') kind = 'eof';
      if (this.state !== S_ERROR) text = `${msg} near end of file`;
    }
    this.failure = { msg: text, kind, line: this.line, column: this.column, position: this.position };
  }

  private get(): number {
    if (this.state !== 0) return this.state;
    if (this.curPos >= this.cur.length) {
      if (this.at >= this.src.length) {
        this.state = S_EOF;
        return S_EOF;
      }
      const c = this.src[this.at++]!;
      this.cur = [c];
      this.curPos = 0;
      if (c >= 0x80) {
        const n = leadLength(c);
        let ok = n !== 0;
        if (ok) {
          // jansson reads the continuation bytes blindly; past the end they are EOF, never valid.
          for (let i = 1; i < n; i++) this.cur.push(this.at < this.src.length ? this.src[this.at++]! : -1);
          ok = wellFormed(this.cur);
        }
        if (!ok) {
          this.state = S_ERROR;
          this.fail('other', `unable to decode byte 0x${c.toString(16)}`);
          return S_ERROR;
        }
      }
    }
    const c = this.cur[this.curPos++]!;
    this.position++;
    if (c === 10) {
      this.line++;
      this.lastColumn = this.column;
      this.column = 0;
    } else if (leadLength(c) !== 0) this.column++;
    return c;
  }

  private unget(c: number): void {
    if (c < 0) return;
    this.position--;
    if (c === 10) {
      this.line--;
      this.column = this.lastColumn;
    } else if (leadLength(c) !== 0) this.column--;
    this.curPos--;
  }

  private getSave(): number {
    const c = this.get();
    if (c >= 0) this.saved.push(c);
    return c;
  }

  private ungetUnsave(c: number): void {
    if (c < 0) return;
    this.unget(c);
    this.saved.pop();
  }

  /** The current token (a method, so that the type checker does not narrow it across scans). */
  tok(): number {
    return this.token;
  }

  /** Scan the next token into `token` (and its value). */
  scan(): number {
    this.saved = [];
    this.strVal = null;
    let c: number;
    do c = this.get();
    while (c === 0x20 || c === 9 || c === 10 || c === 13);
    if (c === S_EOF) return (this.token = T_EOF);
    if (c === S_ERROR) return (this.token = T_INVALID);
    this.saved.push(c);
    if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x3a || c === 0x2c) this.token = c;
    else if (c === 0x22) this.scanString();
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) this.scanNumber(c);
    else if (isAlpha(c)) {
      do c = this.getSave();
      while (isAlpha(c));
      this.ungetUnsave(c);
      const word = String.fromCharCode(...this.saved);
      this.token = word === 'true' ? T_TRUE : word === 'false' ? T_FALSE : word === 'null' ? T_NULL : T_INVALID;
    } else {
      // The rest of a multibyte character joins the context, so the message shows it whole.
      while (this.curPos < this.cur.length) {
        this.saved.push(this.cur[this.curPos++]!);
        this.position++;
      }
      this.token = T_INVALID;
    }
    return this.token;
  }

  private scanString(): void {
    this.token = T_INVALID;
    let c = this.getSave();
    while (c !== 0x22) {
      if (c === S_ERROR) return;
      if (c === S_EOF) {
        this.fail('eof', 'premature end of input');
        return;
      }
      if (c <= 0x1f) {
        this.ungetUnsave(c);
        this.fail('syntax', c === 10 ? 'unexpected newline' : `control character 0x${c.toString(16)}`);
        return;
      }
      if (c === 0x5c) {
        c = this.getSave();
        if (c === 0x75) {
          c = this.getSave();
          for (let i = 0; i < 4; i++) {
            if (!isHex(c)) {
              this.fail('syntax', 'invalid escape');
              return;
            }
            c = this.getSave();
          }
        } else if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) {
          c = this.getSave();
        } else {
          this.fail('syntax', 'invalid escape');
          return;
        }
      } else c = this.getSave();
    }
    // The lexeme is well formed; now decode it (surrogates are judged only here, as jansson does).
    const s = this.saved;
    const out: number[] = [];
    let i = 1;
    const end = s.length - 1;
    const hex4 = (p: number): number => parseInt(String.fromCharCode(s[p]!, s[p + 1]!, s[p + 2]!, s[p + 3]!), 16);
    const h4 = (v: number): string => v.toString(16).toUpperCase().padStart(4, '0');
    while (i < end) {
      const b = s[i]!;
      if (b !== 0x5c) {
        out.push(b);
        i++;
        continue;
      }
      const e = s[i + 1]!;
      if (e !== 0x75) {
        out.push(e === 0x62 ? 8 : e === 0x66 ? 12 : e === 0x6e ? 10 : e === 0x72 ? 13 : e === 0x74 ? 9 : e);
        i += 2;
        continue;
      }
      let cp = hex4(i + 2);
      i += 6;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        if (s[i] === 0x5c && s[i + 1] === 0x75) {
          const lo = hex4(i + 2);
          i += 6;
          if (lo < 0xdc00 || lo > 0xdfff) {
            this.fail('syntax', `invalid Unicode '\\u${h4(cp)}\\u${h4(lo)}'`);
            return;
          }
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        } else {
          this.fail('syntax', `invalid Unicode '\\u${h4(cp)}'`);
          return;
        }
      } else if (cp >= 0xdc00 && cp <= 0xdfff) {
        this.fail('syntax', `invalid Unicode '\\u${h4(cp)}'`);
        return;
      }
      pushUtf8(out, cp);
    }
    this.strVal = Uint8Array.from(out);
    this.token = T_STRING;
  }

  private scanNumber(first: number): void {
    this.token = T_INVALID;
    let c = first;
    if (c === 0x2d) c = this.getSave();
    if (c === 0x30) {
      c = this.getSave();
      if (isDigit(c)) {
        this.ungetUnsave(c);
        return;
      }
    } else if (isDigit(c)) {
      do c = this.getSave();
      while (isDigit(c));
    } else {
      this.ungetUnsave(c);
      return;
    }
    if (c !== 0x2e && c !== 0x45 && c !== 0x65) {
      this.ungetUnsave(c);
      const v = BigInt(String.fromCharCode(...this.saved));
      if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) {
        this.fail('other', v < 0n ? 'too big negative integer' : 'too big integer');
        return;
      }
      this.intVal = v;
      this.token = T_INTEGER;
      return;
    }
    if (c === 0x2e) {
      // The byte after the point is looked at without being saved unless it is a digit.
      c = this.get();
      if (!isDigit(c)) {
        this.unget(c);
        return;
      }
      this.saved.push(c);
      do c = this.getSave();
      while (isDigit(c));
    }
    if (c === 0x45 || c === 0x65) {
      c = this.getSave();
      if (c === 0x2b || c === 0x2d) c = this.getSave();
      if (!isDigit(c)) {
        this.ungetUnsave(c);
        return;
      }
      do c = this.getSave();
      while (isDigit(c));
    }
    this.ungetUnsave(c);
    const v = Number(String.fromCharCode(...this.saved));
    if (!Number.isFinite(v)) {
      this.fail('other', 'real number overflow');
      return;
    }
    this.realVal = v;
    this.token = T_REAL;
  }

  /** The value whose first token has just been scanned, or null after recording an error. */
  value(): JValue | null {
    if (++this.depth > MAX_PARSE_DEPTH) {
      this.fail('other', 'maximum parsing depth reached');
      return null;
    }
    if ((this.depth & 15) === 0) checkJsStack();
    let v: JValue | null;
    switch (this.token) {
      case T_STRING: {
        const b = this.strVal!;
        if (b.includes(0)) {
          this.fail('other', '\\u0000 is not allowed without JSON_ALLOW_NUL');
          return null;
        }
        v = { k: 'str', b };
        break;
      }
      case T_INTEGER: v = { k: 'int', v: this.intVal }; break;
      case T_REAL: v = { k: 'real', v: this.realVal }; break;
      case T_TRUE: v = TRUE; break;
      case T_FALSE: v = FALSE; break;
      case T_NULL: v = NULL; break;
      case 0x7b: v = this.object(); break;
      case 0x5b: v = this.array(); break;
      case T_INVALID:
        this.fail('syntax', 'invalid token');
        return null;
      default:
        this.fail('syntax', 'unexpected token');
        return null;
    }
    if (v === null) return null;
    this.depth--;
    return v;
  }

  private object(): JValue | null {
    const keys: Uint8Array[] = [];
    const vals: JValue[] = [];
    // Where each key sits: a repeated key replaces the value in its first place, as jansson does.
    const index = new Map<string, number>();
    this.scan();
    if (this.token === 0x7d) return { k: 'obj', keys, vals };
    for (;;) {
      if (this.token !== T_STRING) {
        this.fail('syntax', "string or '}' expected");
        return null;
      }
      const key = this.strVal!;
      if (key.includes(0)) {
        this.fail('other', 'NUL byte in object key not supported');
        return null;
      }
      if (this.scan() !== 0x3a) {
        this.fail('syntax', "':' expected");
        return null;
      }
      this.scan();
      const v = this.value();
      if (v === null) return null;
      const name = latin1(key);
      const at = index.get(name);
      if (at === undefined) {
        index.set(name, keys.length);
        keys.push(key);
        vals.push(v);
      } else vals[at] = v;
      if (this.scan() !== 0x2c) break;
      this.scan();
    }
    if (this.tok() !== 0x7d) {
      this.fail('syntax', "'}' expected");
      return null;
    }
    return { k: 'obj', keys, vals };
  }

  private array(): JValue | null {
    const items: JValue[] = [];
    this.scan();
    if (this.token === 0x5d) return { k: 'arr', items };
    while (this.token !== T_EOF) {
      const v = this.value();
      if (v === null) return null;
      items.push(v);
      this.scan();
      if (this.token !== 0x2c) break;
      this.scan();
    }
    if (this.token !== 0x5d) {
      this.fail('syntax', "']' expected");
      return null;
    }
    return { k: 'arr', items };
  }

  /** Parse one value; with CHECK_END anything but whitespace after it is an error. */
  parse(checkEnd: boolean): JValue | null {
    this.depth = 0;
    this.scan();
    const v = this.value();
    if (v === null) return null;
    if (checkEnd) {
      this.scan();
      if (this.token !== T_EOF) {
        this.fail('trailing', 'end of file expected');
        return null;
      }
    }
    return v;
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
};

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

// ---- keyword arguments ------------------------------------------------------------------------

interface JsonConf { objectType: number; arrayType: number; nullObject: number; falseObject: number }

/** Read the keyword arguments ARGS[FROM..] into a configuration, with GNU's errors. */
function parseConf(rt: Runtime, args: number[], from: number, parsing: boolean): JsonConf {
  const conf: JsonConf = { objectType: Qhash_table, arrayType: Qarray, nullObject: QCnull, falseObject: QCfalse };
  if ((args.length - from) % 2 !== 0) {
    let l = Qnil;
    for (let i = args.length - 1; i >= from; i--) l = cons(rt, args[i]!, l);
    wrongTypeArgument(rt, Qplistp, l);
  }
  // GNU walks the pairs from the last one back, so the first of two same keys wins.
  for (let i = args.length - 2; i >= from; i -= 2) {
    const key = args[i]!, v = args[i + 1]!;
    if (parsing && key === QCobject_type) {
      if (v !== Qhash_table && v !== Qalist && v !== Qplist)
        xsignal(Qerror, list(rt, errStr(rt, 'One of hash-table, alist or plist should be specified'), v));
      conf.objectType = v;
    } else if (parsing && key === QCarray_type) {
      if (v !== Qarray && v !== Qlist) xsignal(Qerror, list(rt, errStr(rt, 'One of array or list should be specified'), v));
      conf.arrayType = v;
    } else if (key === QCnull_object) conf.nullObject = v;
    else if (key === QCfalse_object) conf.falseObject = v;
    else if (parsing)
      xsignal(Qerror, list(rt, errStr(rt, 'One of :object-type, :array-type, :null-object or :false-object should be specified'), v));
    else xsignal(Qerror, list(rt, errStr(rt, 'One of :null-object or :false-object should be specified'), v));
  }
  return conf;
}

const errStr = (rt: Runtime, s: string): number => makeStringFromBytes(rt, new TextEncoder().encode(s), s.length, false);

// ---- from the tree to Lisp --------------------------------------------------------------------

/** A multibyte string of valid UTF-8 BYTES (Emacs's internal form of Unicode text is the same). */
function utf8String(rt: Runtime, bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
  return makeStringFromBytes(rt, bytes, n, true);
}

/** The nesting check GNU makes while converting: each array or object counts as one eval level. */
function enterLevel(rt: Runtime, depth: number): void {
  const lim = findSymbolValue(rt, Qmax_lisp_eval_depth);
  if (rt.lispEvalDepth + depth > (isFixnum(lim) ? fixnumValue(lim) : 1600)) xsignal(Qjson_object_too_deep, Qnil);
  if ((depth & 15) === 0) checkJsStack();
}

function toLisp(rt: Runtime, v: JValue, conf: JsonConf, depth: number): number {
  switch (v.k) {
    case 'str': return utf8String(rt, v.b);
    case 'int': return makeInteger(rt, v.v);
    case 'real': return makeFloat(rt, v.v);
    case 'true': return Qt;
    case 'false': return conf.falseObject;
    case 'null': return conf.nullObject;
    case 'arr': {
      enterLevel(rt, depth + 1);
      const n = v.items.length;
      if (conf.arrayType === Qarray) {
        const vec = makeVector(rt, n, Qnil);
        for (let i = 0; i < n; i++) aset(rt, vec, i, toLisp(rt, v.items[i]!, conf, depth + 1));
        return vec;
      }
      let l = Qnil;
      const sp = rt.sp;
      try {
        // Converted front to back (the order GNU converts in), then consed from the back.
        const vec = makeVector(rt, n, Qnil);
        rt.push(vec);
        for (let i = 0; i < n; i++) aset(rt, vec, i, toLisp(rt, v.items[i]!, conf, depth + 1));
        for (let i = n - 1; i >= 0; i--) l = cons(rt, aref(rt, vec, i), l);
      } finally {
        rt.sp = sp;
      }
      return l;
    }
    case 'obj': {
      enterLevel(rt, depth + 1);
      const n = v.keys.length;
      if (conf.objectType === Qhash_table) {
        const h = makeHashTable(rt, {
          test: Qequal, user: Qnil, size: n, rehashSize: makeFloat(rt, 1.5), rehashThreshold: makeFloat(rt, 0.8125),
          weak: Qnil, purecopy: false,
        });
        for (let i = 0; i < n; i++) {
          const key = utf8String(rt, v.keys[i]!);
          hashPut(rt, h, key, toLisp(rt, v.vals[i]!, conf, depth + 1));
        }
        return h;
      }
      const plist = conf.objectType === Qplist;
      const pairs: number[] = [];
      for (let i = 0; i < n; i++) {
        let kb = v.keys[i]!;
        if (plist) {
          const withColon = new Uint8Array(kb.length + 1);
          withColon[0] = 0x3a;
          withColon.set(kb, 1);
          kb = withColon;
        }
        const key = internString(rt, utf8String(rt, kb));
        pairs.push(key, toLisp(rt, v.vals[i]!, conf, depth + 1));
      }
      let l = Qnil;
      for (let i = pairs.length - 2; i >= 0; i -= 2)
        l = plist ? cons(rt, pairs[i]!, cons(rt, pairs[i + 1]!, l)) : cons(rt, cons(rt, pairs[i]!, pairs[i + 1]!), l);
      return l;
    }
  }
}

function parseFailure(rt: Runtime, f: ParseFailure, source: string): never {
  const sym = f.kind === 'eof' ? Qjson_end_of_file : f.kind === 'trailing' ? Qjson_trailing_content : Qjson_parse_error;
  const msg = new TextEncoder().encode(f.msg);
  xsignal(sym, list(rt, utf8String(rt, msg), errStr(rt, source), makeFixnum(f.line), makeFixnum(f.column), makeInteger(rt, f.position)));
}

/** The UTF-8 bytes GNU hands to jansson for the string S (raw bytes stay single bytes). */
function stringUtf8(rt: Runtime, s: number): Uint8Array {
  const bytes = rt.u8.slice(sdata(rt, s), sdata(rt, s) + sbytes(rt, s));
  return internalToExternal(bytes, stringMultibyte(rt, s));
}

DEFUN('json-parse-string', 1, MANY, 'Parse the JSON text in STRING and give the Lisp value it denotes.\n' +
  'Keyword arguments: :object-type (hash-table, alist or plist) for objects, :array-type (array or list)\n' +
  'for arrays, :null-object and :false-object for what null and false become (:null and :false).',
  (rt, args: number[]) => {
    const s = args[0]!;
    if (!stringp(s)) wrongTypeArgument(rt, Qstringp, s);
    const bytes = stringUtf8(rt, s);
    if (bytes.includes(0)) wrongTypeArgument(rt, Qstring_without_embedded_nulls_p, s);
    const conf = parseConf(rt, args, 1, true);
    const reader = new JsonReader(bytes);
    const tree = reader.parse(true);
    if (tree === null) parseFailure(rt, reader.failure!, '<string>');
    return toLisp(rt, tree!, conf, 0);
  });

DEFUN('json-parse-buffer', 0, MANY, 'Parse the JSON value that starts at point and leave point after it.\n' +
  'Text after the value is left alone. The keyword arguments are those of `json-parse-string\'.',
  (rt, args: number[]) => {
    const conf = parseConf(rt, args, 0, true);
    const b = currentBuffer(rt);
    const from = bint(rt, b, BUF_PT_BYTE);
    // The buffer's own bytes, as GNU reads them: raw-byte characters are then invalid UTF-8.
    const reader = new JsonReader(copyBytes(rt, b, from, bint(rt, b, BUF_ZV_BYTE)));
    const tree = reader.parse(false);
    if (tree === null) parseFailure(rt, reader.failure!, '<callback>');
    const value = toLisp(rt, tree!, conf, 0);
    const endByte = from + reader.position;
    setPoint(rt, bint(rt, b, BUF_MULTIBYTE) === Qnil ? endByte : byteToChar(rt, b, endByte));
    return value;
  });

// ---- from Lisp to text ------------------------------------------------------------------------

/** jansson's real number text: "%.17g", with ".0" when it would read back as an integer and a bare exponent. */
export function jsonReal(x: number): string {
  let s: string;
  if (x === 0) s = Object.is(x, -0) ? '-0' : '0';
  else {
    const a = Math.abs(x);
    const e = a.toExponential(16);
    const exp = parseInt(e.slice(e.indexOf('e') + 1), 10);
    if (exp < -4 || exp >= 17) {
      let mant = e.slice(0, e.indexOf('e'));
      if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
      s = `${mant}e${exp < 0 ? '-' : ''}${Math.abs(exp)}`;
    } else {
      s = a.toFixed(16 - exp);
      if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    }
    if (x < 0) s = '-' + s;
  }
  if (/^[-0-9]*$/.test(s)) s += '.0';
  return s;
}

const ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t' };

/** Out of BYTES (valid UTF-8), the JSON string literal jansson writes. */
function quoteJson(out: string[], bytes: Uint8Array): void {
  let s = '"';
  let run = 0;
  const flush = (i: number): void => {
    if (i > run) s += new TextDecoder().decode(bytes.subarray(run, i));
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b !== 0x22 && b !== 0x5c) continue;
    flush(i);
    s += ESCAPES[b] ?? `\\u${b.toString(16).toUpperCase().padStart(4, '0')}`;
    run = i + 1;
  }
  flush(bytes.length);
  out.push(s + '"');
}

/** Whether BYTES is well-formed UTF-8 of Unicode scalar values. */
function validUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length;) {
    const n = leadLength(bytes[i]!);
    if (n === 0 || i + n > bytes.length) return false;
    if (n > 1 && !wellFormed(Array.from(bytes.subarray(i, i + n)))) return false;
    i += n;
  }
  return true;
}

const INT64_MIN = -0x8000000000000000n, INT64_MAX = 0x7fffffffffffffffn;

class JsonWriter {
  readonly out: string[] = [];
  private readonly rt: Runtime;
  private readonly conf: JsonConf;
  constructor(rt: Runtime, conf: JsonConf) {
    this.rt = rt;
    this.conf = conf;
  }

  value(x: number, depth: number): void {
    const rt = this.rt;
    const { nullObject, falseObject } = this.conf;
    if (x === nullObject) this.out.push('null');
    else if (x === falseObject) this.out.push('false');
    else if (x === Qt) this.out.push('true');
    else if (integerp(rt, x)) {
      const v = integerValue(rt, x);
      if (v < INT64_MIN || v > INT64_MAX) xsignal3(rt, Qargs_out_of_range, x, makeInteger(rt, INT64_MIN), makeInteger(rt, INT64_MAX));
      this.out.push(v.toString());
    } else if (floatp(x)) {
      const d = xfloat(rt, x);
      // jansson refuses infinities and NaNs, and GNU reports that refusal as running out of memory.
      if (!Number.isFinite(d)) xsignal(Qjson_out_of_memory, Qnil);
      this.out.push(jsonReal(d));
    } else if (stringp(x)) {
      const bytes = stringUtf8(rt, x);
      if (!validUtf8(bytes)) wrongTypeArgument(rt, Qutf_8_string_p, x);
      quoteJson(this.out, bytes);
    } else if (vectorp(rt, x)) {
      enterLevel(rt, depth + 1);
      const n = pvecSize(rt, x);
      this.out.push('[');
      for (let i = 0; i < n; i++) {
        if (i > 0) this.out.push(',');
        this.value(aref(rt, x, i), depth + 1);
      }
      this.out.push(']');
    } else this.compound(x, depth);
  }

  /** A hash table, alist or plist as an object; anything else is not a JSON value. */
  private compound(x: number, depth: number): void {
    const rt = this.rt;
    enterLevel(rt, depth + 1);
    const seen = new Set<string>();
    // Each member is written as it is met, as GNU converts each value when it meets its key.
    this.out.push('{');
    const member = (kb: Uint8Array, v: number): void => {
      if (seen.size > 0) this.out.push(',');
      seen.add(latin1(kb));
      quoteJson(this.out, kb);
      this.out.push(':');
      this.value(v, depth + 1);
    };
    if (hashTablep(rt, x)) {
      const entries: number[] = [];
      hashTableForEach(rt, x, (k, v) => {
        entries.push(k, v);
      });
      for (let i = 0; i < entries.length; i += 2) {
        const k = entries[i]!;
        if (!stringp(k)) wrongTypeArgument(rt, Qstringp, k);
        const kb = stringUtf8(rt, k);
        if (kb.includes(0)) wrongTypeArgument(rt, Qstring_without_embedded_nulls_p, k);
        // Two keys can be equal as text yet distinct in an eq table: GNU refuses the table then.
        if (seen.has(latin1(kb))) wrongTypeArgument(rt, Qjson_value_p, x);
        if (!validUtf8(kb)) xsignal(Qjson_out_of_memory, Qnil);
        member(kb, entries[i + 1]!);
      }
      this.out.push('}');
      return;
    }
    if (x === Qnil) {
      this.out.push('}');
      return;
    }
    if (!consp(x)) wrongTypeArgument(rt, Qjson_value_p, x);
    const plist = !consp(xcar(rt, x));
    const add = (sym: number, value: number): void => {
      if (!symbolp(sym)) wrongTypeArgument(rt, Qsymbolp, sym);
      const nameStr = symbolName(rt, sym);
      let kb = stringUtf8(rt, nameStr);
      if (kb.includes(0)) wrongTypeArgument(rt, Qstring_without_embedded_nulls_p, nameStr);
      if (plist && kb.length > 1 && kb[0] === 0x3a) kb = kb.subarray(1);
      // The first occurrence of a key wins; a later one's value is not even looked at.
      if (seen.has(latin1(kb))) return;
      if (!validUtf8(kb)) xsignal(Qjson_out_of_memory, Qnil);
      member(kb, value);
    };
    const walk = new TailWalker();
    walk.reset(x);
    let tail = x;
    while (consp(tail)) {
      if (plist) {
        const key = xcar(rt, tail);
        tail = xcdr(rt, tail);
        if (!consp(tail)) wrongTypeArgument(rt, Qconsp, tail);
        add(key, xcar(rt, tail));
      } else {
        const pair = xcar(rt, tail);
        if (!consp(pair)) wrongTypeArgument(rt, Qconsp, pair);
        add(xcar(rt, pair), xcdr(rt, pair));
      }
      tail = xcdr(rt, tail);
      if (walk.step(tail)) xsignal1(rt, Qcircular_list, x);
    }
    if (tail !== Qnil) wrongTypeArgument(rt, Qlistp, x);
    this.out.push('}');
  }
}

/** The JSON text of OBJECT under the keyword arguments ARGS[1..], as a multibyte string. */
function serialize(rt: Runtime, args: number[]): number {
  const conf = parseConf(rt, args, 1, false);
  const w = new JsonWriter(rt, conf);
  w.value(args[0]!, 0);
  return utf8String(rt, new TextEncoder().encode(w.out.join('')));
}

DEFUN('json-serialize', 1, MANY, 'Give the JSON text, as a string, of OBJECT.\n' +
  'Hash tables with string keys, alists and plists with symbol keys become objects, vectors arrays;\n' +
  't is true, and :null-object and :false-object (keyword arguments, :null and :false) name null and false.',
  (rt, args: number[]) => serialize(rt, args));

DEFUN('json-insert', 1, MANY, 'Insert the JSON text of OBJECT at point, as `json-serialize\' would make it, leaving point after it.',
  (rt, args: number[]) => {
    const s = serialize(rt, args);
    const sp = rt.sp;
    try {
      rt.push(s);
      insertString(rt, s, false, false);
    } finally {
      rt.sp = sp;
    }
    return Qnil;
  });

DEFUN('json-available-p', 0, 0, 'Give t: the JSON primitives are always built in.', () => Qt);
