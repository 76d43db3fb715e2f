// The buffer half of GNU fns.c: secure-hash, md5, sha1 and buffer-hash, the base64 region commands, buffer-line-statistics.
//
// fns.ts sits below the buffer core, so what needs buffers lives here. The digests themselves
// are digest.ts's.

import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { BUF_BEGV, BUF_MULTIBYTE, BUF_PT, BUF_ZV, BUF_Z_BYTE } from '../heap/layout.ts';
import {
  cons, consp, list, makeFloat, makeString, makeStringFromBytes, makeStringFromChars, makeUnibyteString, sbytes, schars, sdata,
  stringMultibyte, stringp, symbolNameJs, symbolp, xcdr,
} from '../core/object.ts';
import { intern } from '../core/obarray.ts';
import { byte8ToChar, internalToExternal } from '../core/character.ts';
import type { Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { DEFSYM, Qnil, Qsymbolp } from '../core/symbols.ts';
import { bint, bslot, bufferLive, bufferp, currentBuffer, getBuffer, saveCurrentBuffer, setBuffer } from './buffer.ts';
import { setPoint } from './editfns.ts';
import { call1, call2, findSymbolValue, funcall } from './eval.ts';
import { base64Decode, base64Encode, validateSubarray } from './fns.ts';
import { bufferSubstring, copyBytes, deleteRange, insertString, validateRegion } from './insdel.ts';
import { charToByte, positionValue } from './marker.ts';
import { DIGEST_NAMES, digest, type DigestName } from './digest.ts';

const Qargs_out_of_range = DEFSYM('args-out-of-range');
const Qiv_auto = DEFSYM('iv-auto');
const Qcoding_system_for_write = DEFSYM('coding-system-for-write');
const Qbuffer_file_coding_system = DEFSYM('buffer-file-coding-system');
const Qencode_coding_string = DEFSYM('encode-coding-string');
const Qdecode_coding_string = DEFSYM('decode-coding-string');
const Qcheck_coding_system = DEFSYM('check-coding-system');
const Qformat = DEFSYM('format');
const Qerror = DEFSYM('error');
const Qcoding_system_p = DEFSYM('coding-system-p');
const Qstring_equal = DEFSYM('string=');

// ---- the bytes a digest is taken of ----------------------------------------------------------

/** A coding system's name without its end-of-line suffix, and that suffix ('' when it has none). */
function splitEol(name: string): [string, string] {
  const m = /^(.*)-(unix|dos|mac)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name, ''];
}

/** The bytes of STRING encoded with CODING, as a fresh array (encode-coding-string does the work). */
function encodeWith(rt: Runtime, string: number, coding: number): Uint8Array {
  const sp = rt.sp;
  try {
    rt.push(string);
    const enc = call2(rt, Qencode_coding_string, string, coding);
    return rt.u8.slice(sdata(rt, enc), sdata(rt, enc) + sbytes(rt, enc));
  } finally {
    rt.sp = sp;
  }
}

/** The bytes of a string as Emacs holds them, raw-byte characters turned back into their byte. */
function rawBytes(rt: Runtime, s: number): Uint8Array {
  const bytes = rt.u8.slice(sdata(rt, s), sdata(rt, s) + sbytes(rt, s));
  return internalToExternal(bytes, stringMultibyte(rt, s));
}

/**
 * The bytes of the string S, encoded with CODING (nil: as Emacs holds them), from START to END.
 * As in GNU, START and END count bytes of the encoded text, not characters of S (so they agree
 * only for ASCII), and an error about them shows the encoded text.
 */
function stringData(rt: Runtime, s: number, start: number, end: number, coding: number): Uint8Array {
  const multibyte = stringMultibyte(rt, s);
  let bytes: Uint8Array;
  if (coding !== Qnil) call1(rt, Qcheck_coding_system, coding);
  if (coding === Qnil || !multibyte) bytes = internalToExternal(rt.u8.slice(sdata(rt, s), sdata(rt, s) + sbytes(rt, s)), multibyte);
  // A string is encoded with the coding system's character set only: GNU converts no line ends here.
  else bytes = encodeWith(rt, s, intern(rt, splitEol(symbolNameJs(rt, coding))[0]));
  if (start === Qnil && end === Qnil) return bytes;
  const [from, to] = validateSubarray(rt, makeUnibyteString(rt, bytes), start, end, bytes.length);
  return bytes.subarray(from, to);
}

/**
 * The bytes of START..END of BUFFER (default its accessible part). The coding system is CODING,
 * else `coding-system-for-write', else the buffer's `buffer-file-coding-system'; a file coding
 * that cannot represent the text gives way, as in GNU, to the text as Emacs holds it (keeping
 * the line-end convention). No coding system at all means the bytes as Emacs holds them.
 */
function bufferData(rt: Runtime, buffer: number, start: number, end: number, coding: number): Uint8Array {
  if (!bufferLive(rt, buffer)) error(rt, 'Selecting deleted buffer');
  let result: Uint8Array = new Uint8Array(0);
  saveCurrentBuffer(rt, () => {
    result = bufferDataHere(rt, buffer, start, end, coding);
    return Qnil;
  });
  return result;
}

/** bufferData's work, with BUFFER current. */
function bufferDataHere(rt: Runtime, buffer: number, start: number, end: number, coding: number): Uint8Array {
  setBuffer(rt, buffer);
  let from = start === Qnil ? bint(rt, buffer, BUF_BEGV) : positionValue(rt, start);
  let to = end === Qnil ? bint(rt, buffer, BUF_ZV) : positionValue(rt, end);
  if (from > to) [from, to] = [to, from];
  if (!(bint(rt, buffer, BUF_BEGV) <= from && to <= bint(rt, buffer, BUF_ZV)))
    xsignal(Qargs_out_of_range, list(rt, start, end));
  const text = bufferSubstring(rt, buffer, from, to, false);
  if (bslot(rt, buffer, BUF_MULTIBYTE) === Qnil) return rawBytes(rt, text);
  const sp = rt.sp;
  try {
    rt.push(text);
    let cs = coding;
    if (cs === Qnil) cs = findSymbolValue(rt, Qcoding_system_for_write);
    if (cs !== Qnil && symbolp(cs)) {
      call1(rt, Qcheck_coding_system, cs);
      return encodeWith(rt, text, cs);
    }
    let file = findSymbolValue(rt, Qbuffer_file_coding_system);
    if (!symbolp(file) || file === Qnil) return rawBytes(rt, text);
    const eol = splitEol(symbolNameJs(rt, file))[1];
    const raw = intern(rt, eol ? `raw-text-${eol}` : 'raw-text');
    if (call1(rt, Qcoding_system_p, file) === Qnil) file = raw;
    const bytes = encodeWith(rt, text, file);
    // Whether the file's coding system holds every character: decoding must give the text back.
    const back = call2(rt, Qdecode_coding_string, makeUnibyteString(rt, bytes), file);
    if (call2(rt, Qstring_equal, back, text) !== Qnil) return bytes;
    return encodeWith(rt, text, raw);
  } finally {
    rt.sp = sp;
  }
}

/** Random bytes for `iv-auto': the platform's cryptographic source (Node and browsers both have one). */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  // getRandomValues fills at most 65536 bytes per call.
  for (let i = 0; i < n; i += 65536) {
    const part = out.subarray(i, Math.min(n, i + 65536));
    if (c) c.getRandomValues(part);
    else for (let k = 0; k < part.length; k++) part[k] = Math.floor(Math.random() * 256);
  }
  return out;
}

/**
 * OBJECT as the rest of an error's data, as GNU's errors with a list argument give it: a proper
 * list is spliced in, anything else (a dotted or circular list too) is the one datum, and nil
 * shows as the string "nil".
 */
function errorArgs(rt: Runtime, object: number): number {
  if (object === Qnil) return list(rt, makeString(rt, 'nil'));
  let slow = object;
  let fast = object;
  for (;;) {
    if (!consp(fast)) break;
    fast = xcdr(rt, fast);
    if (!consp(fast)) break;
    fast = xcdr(rt, fast);
    slow = xcdr(rt, slow);
    if (fast === slow) return list(rt, object);
  }
  return fast === Qnil ? object : list(rt, object);
}

/** The data OBJECT stands for: a string, a buffer, or `iv-auto' with START random bytes. */
export function objectData(rt: Runtime, object: number, start: number, end: number, coding: number): Uint8Array {
  if (stringp(object)) return stringData(rt, object, start, end, coding);
  if (bufferp(rt, object)) return bufferData(rt, object, start, end, coding);
  if (object === Qiv_auto) {
    if (!isFixnum(start) || fixnumValue(start) < 0)
      error(rt, 'Without a length, \u2018iv-auto\u2019 can\u2019t be used; see ELisp manual');
    return randomBytes(fixnumValue(start));
  }
  return xsignal(Qerror, cons(rt, makeString(rt, 'Invalid object argument'), errorArgs(rt, object)));
}

const HEX = '0123456789abcdef';

/** The digest as Lisp gives it: a unibyte string of raw bytes when BINARY, else lower-case hex. */
function digestResult(rt: Runtime, d: Uint8Array, binary: boolean): number {
  if (binary) return makeUnibyteString(rt, d);
  let s = '';
  for (const b of d) s += HEX[b >> 4]! + HEX[b & 15]!;
  return makeString(rt, s);
}

function algorithmName(rt: Runtime, alg: number): DigestName {
  if (!symbolp(alg)) wrongTypeArgument(rt, Qsymbolp, alg);
  const name = symbolNameJs(rt, alg);
  if (!(DIGEST_NAMES as readonly string[]).includes(name)) error(rt, `Invalid algorithm arg: ${name}`);
  return name as DigestName;
}

DEFUN('secure-hash-algorithms', 0, 0, 'List the algorithms `secure-hash\' accepts, as symbols.', (rt) =>
  list(rt, ...DIGEST_NAMES.map((n) => intern(rt, n))),
);

DEFUN('secure-hash', 2, 5, 'Give the ALGORITHM digest of OBJECT (a string, a buffer, or `iv-auto\'), as hex, or as raw bytes when BINARY.\nSTART and END select a substring or a region; for `iv-auto\', START is how many random bytes to digest.',
  (rt, alg: number, object: number, start: number, end: number, binary: number) => {
    const name = algorithmName(rt, alg);
    return digestResult(rt, digest(name, objectData(rt, object, start, end, Qnil)), binary !== Qnil);
  });

DEFUN('md5', 1, 5, 'Give the MD5 digest of OBJECT (a string or buffer, from START to END) as 32 hex digits.\nCODING-SYSTEM says how the text is turned into bytes; NOERROR is accepted for compatibility.',
  (rt, object: number, start: number, end: number, coding: number) =>
    digestResult(rt, digest('md5', objectData(rt, object, start, end, coding)), false),
);

DEFUN('sha1', 1, 4, 'Give the SHA-1 digest of OBJECT (a string or buffer, from START to END), as hex or, with BINARY, raw bytes.',
  (rt, object: number, start: number, end: number, binary: number) =>
    digestResult(rt, digest('sha1', objectData(rt, object, start, end, Qnil)), binary !== Qnil),
);

/** BUFFER-OR-NAME (nil: the current buffer) as a buffer, with GNU's error for a name nothing has. */
function bufferArg(rt: Runtime, x: number): number {
  if (x === Qnil) return currentBuffer(rt);
  const b = getBuffer(rt, x);
  if (b === Qnil) xsignal(Qerror, cons(rt, funcall(rt, Qformat, [makeString(rt, 'No buffer named %s'), x]), Qnil));
  return b;
}

/** Every byte of buffer B as Emacs holds it, ignoring narrowing (a killed buffer has none). */
function wholeBufferBytes(rt: Runtime, b: number): Uint8Array {
  if (!bufferLive(rt, b)) return new Uint8Array(0);
  return copyBytes(rt, b, 1, bint(rt, b, BUF_Z_BYTE));
}

DEFUN('buffer-hash', 0, 1, 'Give a SHA-1 hex digest of the whole text of BUFFER-OR-NAME as Emacs holds it, narrowing and text properties aside.', (rt, x: number) => {
  return digestResult(rt, digest('sha1', wholeBufferBytes(rt, bufferArg(rt, x))), false);
});

DEFUN('buffer-line-statistics', 0, 1, 'Describe the lines of BUFFER-OR-NAME as (LINES LONGEST MEAN), lengths in bytes, the whole buffer whatever the narrowing.', (rt, x: number) => {
  const bytes = wholeBufferBytes(rt, bufferArg(rt, x));
  let lines = 0;
  let longest = 0;
  let mean = 0;
  const addLine = (len: number): void => {
    lines++;
    if (len > longest) longest = len;
    // A running mean, as GNU keeps it (the last bit can differ from sum / count).
    mean += (len - mean) / lines;
  };
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) {
      addLine(i - lineStart);
      lineStart = i + 1;
    }
  }
  if (lineStart < bytes.length) addLine(bytes.length - lineStart);
  return list(rt, makeFixnum(lines), makeFixnum(longest), makeFloat(rt, mean));
});

// ---- base64 on the region ----------------------------------------------------------------------

/**
 * Put TEXT in place of START..END of the current buffer, as GNU's region coders do: TEXT is
 * inserted at START (after a marker there that does not advance), then the old text after it
 * goes; point before the region stays,
 * point inside it goes to START, point at or after END moves with the text after the region.
 */
function replaceRegion(rt: Runtime, start: number, end: number, text: number, newLen: number): void {
  const b = currentBuffer(rt);
  const old = bint(rt, b, BUF_PT);
  const sp = rt.sp;
  try {
    rt.push(text);
    setPoint(rt, start);
    insertString(rt, text, false, false);
    deleteRange(rt, start + newLen, end + newLen, false);
  } finally {
    rt.sp = sp;
  }
  let pt = old;
  if (old >= end) pt = old + newLen - (end - start);
  else if (old > start) pt = start;
  setPoint(rt, pt);
}

function encodeRegion(rt: Runtime, start: number, end: number, lineBreak: boolean, pad: boolean, url: boolean): number {
  const [s, e] = validateRegion(rt, start, end);
  const b = currentBuffer(rt);
  const enc = base64Encode(rt, bufferSubstring(rt, b, s, e, false), lineBreak, pad, url);
  const n = schars(rt, enc);
  replaceRegion(rt, s, e, enc, n);
  return makeFixnum(n);
}

DEFUN('base64-encode-region', 2, 3, 'Replace the region from START to END by its base 64 encoding and give the encoded length; lines are broken every 76 characters unless NO-LINE-BREAK.',
  (rt, start: number, end: number, noLineBreak: number) => encodeRegion(rt, start, end, noLineBreak === Qnil, true, false),
  'r',
);

DEFUN('base64url-encode-region', 2, 3, 'Replace the region from START to END by its encoding in the URL-safe base 64 alphabet and give the encoded length; NO-PAD leaves off the = signs.',
  (rt, start: number, end: number, noPad: number) => encodeRegion(rt, start, end, false, noPad === Qnil, true),
  'r',
);

DEFUN('base64-decode-region', 2, 3, 'Replace the base 64 text from START to END by the bytes it stands for and give their number; BASE64URL non-nil reads the URL-safe alphabet.',
  (rt, start: number, end: number, url: number) => {
    const [s, e] = validateRegion(rt, start, end);
    const b = currentBuffer(rt);
    const fromByte = charToByte(rt, b, s);
    const toByte = charToByte(rt, b, e);
    const decoded = base64Decode(copyBytes(rt, b, fromByte, toByte), url !== Qnil);
    if (decoded === null) error(rt, 'Invalid base64 data');
    const bytes = Uint8Array.from(decoded!);
    // In a multibyte buffer, bytes past ASCII go in as raw-byte characters.
    const text = bslot(rt, b, BUF_MULTIBYTE) === Qnil
      ? makeStringFromBytes(rt, bytes, bytes.length, false)
      : makeStringFromChars(rt, Array.from(bytes, byte8ToChar));
    replaceRegion(rt, s, e, text, bytes.length);
    return makeFixnum(bytes.length);
  }, 'r');
