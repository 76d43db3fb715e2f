// Test support: the reader/printer fuzz (generated inputs, read, print, read back), shared by test/reader-fuzz.test.ts and scripts/reader-fuzz.ts.

import type { Runtime } from '../../src/core/runtime.ts';
import {
  aref, makeUnibyteString, pvecSize, pvecType, schars, sdata, stringMultibyte, symbolName, xcar, xcdr,
} from '../../src/core/object.ts';
import { LispSignal } from '../../src/core/signal.ts';
import { intern } from '../../src/core/obarray.ts';
import { DEFSYM, Qnil } from '../../src/core/symbols.ts';
import { Lisp_Cons, Lisp_Symbol, Lisp_Vectorlike } from '../../src/heap/tags.ts';
import { funcall } from '../../src/emacs/eval.ts';
import { equalp } from '../../src/emacs/fns.ts';
import { readFromString } from '../../src/emacs/lread.ts';
import { prin1ToString, prin1ToJs } from '../../src/emacs/print.ts';
import {
  PVEC_CHAR_TABLE, PVEC_COMPILED, PVEC_HASH_TABLE, PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_SUB_CHAR_TABLE,
} from '../../src/heap/layout.ts';

const Qintern_soft = DEFSYM('intern-soft');
const Qdecode_coding_string = DEFSYM('decode-coding-string');
const SLOTTED = new Set([PVEC_NORMAL_VECTOR, PVEC_RECORD, PVEC_CHAR_TABLE, PVEC_SUB_CHAR_TABLE, PVEC_COMPILED]);

// Pieces the inputs are made of: read syntax, escapes, numbers, non-ASCII, raw bytes.
const PIECES = [
  '(', ')', '[', ']', '"', '\\', '?', '#', "'", '`', ',', ',@', '.', ';', ' ', '\n', '\t', '#s(', '#&', '#[', '#^[', '#^^[',
  '#x', '#o', '#b', '#24r', '#1=', '#1#', '#2=', '#2#', '#@', '#@00', '#$', '#:', '##', '#_', "#'", '#(', '#!', '\\N{', '\\u',
  '\\U', '\\x', '\\C-', '\\M-', '\\S-', '\\H-', '\\A-', '\\s-', '\\^', '\\d', '\\e', '\\s', '}', '{', '1', '0', '-', '+', 'e',
  'E', 'INF', 'NaN', '1.5', '.5', '1e3', '-0.0', '0.0e+NaN', '1.0e+INF', '536870912', '99999999999999999999', '#xffffffffff',
  'a', 'b', 'foo', 'nil', 't', ':k', '\\200', '\\351', '\\377', '\\0', '\\777', 'é', '☃', '\u0080', '\u00a0', '?\\', '?a',
  '"\\', '\\\n', '\\ ', 'SNOWMAN', 'U+41', 'hash-table', 'data', 'test', 'equal', '^_', '\x1f', '\x7f',
];
const enc = new TextEncoder();
const PIECE_BYTES = PIECES.map((p) => enc.encode(p));

/** One generated input: bytes, and whether to read them as UTF-8 (multibyte) or as unibyte text. */
export interface FuzzInput {
  bytes: Uint8Array;
  multibyte: boolean;
}

/** The Nth input of the stream for SEED (xorshift32; the same SEED and N always give the same input). */
export function fuzzInput(seed: number, n: number): FuzzInput {
  let s = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35)) | 1;
  const rnd = (k: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % k;
  };
  for (let i = 0; i < 4; i++) rnd(2);
  const out: number[] = [];
  const len = 1 + rnd(14);
  for (let j = 0; j < len; j++) {
    const r = rnd(100);
    if (r < 58) out.push(...PIECE_BYTES[rnd(PIECE_BYTES.length)]!);
    else if (r < 70) out.push(0x80 + rnd(128));
    else if (r < 80) out.push(rnd(128));
    else out.push(0x61 + rnd(26));
  }
  const multibyte = rnd(2) === 1;
  // Leave out UTF-8 forms of surrogates: tsmacs's decode-coding-string decodes them where GNU
  // keeps raw bytes (src/emacs/coding.ts), which is not the reader's business.
  if (multibyte) for (let i = 0; i + 1 < out.length; i++) if (out[i] === 0xed && out[i + 1]! >= 0xa0 && out[i + 1]! <= 0xbf) out[i + 1] = 0x9f;
  return { bytes: Uint8Array.from(out), multibyte };
}

/** The input as the Lisp string it is read from: unibyte, or decoded as UTF-8 (bad bytes become raw bytes) as GNU's decode-coding-string does (utf-8-unix: end-of-line conversion is coding.ts's business, not the reader's). */
export function inputString(rt: Runtime, input: FuzzInput): number {
  const uni = makeUnibyteString(rt, input.bytes);
  if (!input.multibyte) return uni;
  const sp = rt.sp;
  rt.push(uni);
  try {
    return funcall(rt, Qdecode_coding_string, [uni, intern(rt, 'utf-8-unix')]);
  } finally {
    rt.sp = sp;
  }
}

/**
 * Whether GNU Emacs 28.2 reads OBJ's printed form back as an equal object. It does not when OBJ
 * holds a symbol whose name is unibyte with a byte >= 0x80 (printed as U+0080..U+00FF, read back
 * as another symbol), an uninterned symbol, a hash table (`equal' compares them by identity) or a
 * cycle (printed as #N without print-circle). scripts/reader-fuzz.ts --gnu checks this against GNU.
 */
export function gnuRoundTrips(rt: Runtime, obj: number): boolean {
  const seen = new Set<number>();
  const onPath = new Set<number>();
  const walk = (x: number): boolean => {
    const tag = x & 7;
    if (tag === Lisp_Symbol) {
      if (x === Qnil) return true;
      const name = symbolName(rt, x);
      if (funcall(rt, Qintern_soft, [x]) !== x) return false;
      if (!stringMultibyte(rt, name)) {
        const p = sdata(rt, name);
        for (let i = 0; i < schars(rt, name); i++) if (rt.u8[p + i]! >= 0x80) return false;
      }
      return true;
    }
    if (tag !== Lisp_Cons && tag !== Lisp_Vectorlike) return true;
    if (onPath.has(x)) return false;
    if (seen.has(x)) return true;
    seen.add(x);
    onPath.add(x);
    let ok = true;
    if (tag === Lisp_Cons) ok = walk(xcar(rt, x)) && walk(xcdr(rt, x));
    else if (pvecType(rt, x) === PVEC_HASH_TABLE) ok = false;
    else if (SLOTTED.has(pvecType(rt, x))) {
      const n = pvecSize(rt, x);
      for (let i = 0; ok && i < n; i++) ok = walk(aref(rt, x, i));
    }
    onPath.delete(x);
    return ok;
  };
  return walk(obj);
}

export type FuzzOutcome =
  | { kind: 'read-error' }
  | { kind: 'round-trip' }
  | { kind: 'no-round-trip-as-gnu' }
  | { kind: 'mismatch'; detail: string }
  | { kind: 'js-exception'; detail: string };

const isLisp = (e: unknown): boolean => e instanceof LispSignal;

/** Read INPUT, print it, read the print back; any JS exception (not a Lisp signal) is reported. */
export function fuzzOne(rt: Runtime, input: FuzzInput): FuzzOutcome {
  const sp = rt.sp;
  try {
    const str = inputString(rt, input);
    rt.push(str);
    let obj: number;
    try {
      obj = readFromString(rt, str).obj;
    } catch (e) {
      if (isLisp(e)) return { kind: 'read-error' };
      throw e;
    }
    rt.push(obj);
    const printed = prin1ToString(rt, obj, true);
    rt.push(printed);
    let back: number;
    let end: number;
    try {
      ({ obj: back, end } = readFromString(rt, printed));
    } catch (e) {
      if (!isLisp(e)) throw e;
      back = Qnil;
      end = -1;
    }
    if (end === schars(rt, printed) && equalp(rt, back, obj)) return { kind: 'round-trip' };
    if (!gnuRoundTrips(rt, obj)) return { kind: 'no-round-trip-as-gnu' };
    return {
      kind: 'mismatch',
      detail: `${prin1ToJs(rt, obj, true)} printed ${prin1ToJs(rt, printed, true)} read back as ${end < 0 ? 'an error' : prin1ToJs(rt, back, true)}`,
    };
  } catch (e) {
    return { kind: 'js-exception', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  } finally {
    rt.sp = sp;
  }
}

/** The input as a Lisp form giving its string: a unibyte literal in octal escapes, decoded as UTF-8 when multibyte. */
export function inputForm(input: FuzzInput): string {
  const lit = '"' + [...input.bytes].map((b) => '\\' + b.toString(8).padStart(3, '0')).join('') + '"';
  return input.multibyte ? `(decode-coding-string ${lit} 'utf-8-unix)` : lit;
}

/**
 * The Lisp function both GNU and tsmacs run in the differential mode of scripts/reader-fuzz.ts:
 * one line per input with where the read ended, whether the print read back equal (RT/NORT,
 * or the error), and the printed text's character codes; or ERR and the error's codes.
 */
export const FZ_LINE_DEFUN = `(defun fz-line (s)
  (let ((codes (lambda (x) (mapconcat (lambda (c) (format "%x" c)) (append x nil) "."))))
    (condition-case e
        (let* ((r (read-from-string s)) (obj (car r)) (p (prin1-to-string obj))
               (st (condition-case e2
                       (let ((b (read-from-string p)))
                         (if (and (equal (car b) obj) (= (cdr b) (length p))) "RT" "NORT"))
                     (error (format "RTERR:%s" (car e2))))))
          (format "%d %s %s" (cdr r) st (funcall codes p)))
      (error (format "ERR %s" (funcall codes (prin1-to-string e)))))))`;
