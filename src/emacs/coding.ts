// Encoding and decoding strings for the common coding systems (the string half of GNU coding.c).
//
// Coding systems here: utf-8 (and utf-8-emacs, prefer-utf-8, undecided for decoding),
// us-ascii, iso-latin-1, and the byte-preserving raw-text, binary and no-conversion, each
// with GNU's -unix, -dos and -mac end-of-line variants. Other coding systems go to
// lisp/mule.el (`mule--string-coding'), which converts the one-byte charset ones and ASCII
// text in ASCII-compatible ones; what it cannot convert signals coding-system-error.
// The CJK coding systems, UTF-16 and UTF-7 are mule.el's too (their charset maps: mule-maps.ts).

import { byte8ToChar, decodeUtf8ToInternal, isByte8Char, charToByte8, writeChar } from '../core/character.ts';
import {
  makeStringFromBytes, makeUnibyteString, stringBytes, stringChars, stringMultibyte, stringp, symbolFunction, symbolNameJs, symbolp,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFUN, DEFVAR } from '../core/subr.ts';
import { pdumperDoNowAndAfterLoad } from '../core/dump-hooks.ts';
import { call3, setInternal } from './eval.ts';
import { DEFSYM, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { intern } from '../core/obarray.ts';

const Qcoding_system_error = DEFSYM('coding-system-error');
const Qutf_8_unix = DEFSYM('utf-8-unix');
const Qiso_latin_1_unix = DEFSYM('iso-latin-1-unix');
const Qlast_coding_system_used = DEFSYM('last-coding-system-used');
const Qno_conversion = DEFSYM('no-conversion');

/**
 * The coding system of the locale the process runs in, from LC_ALL, LC_CTYPE or LANG (the first
 * one set): utf-8-unix or iso-latin-1-unix for the codesets we can convert, nil otherwise (the C
 * locale included), as GNU's batch start computes it.
 */
function localeCoding(rt: Runtime): number {
  const name = rt.host.getenv('LC_ALL') || rt.host.getenv('LC_CTYPE') || rt.host.getenv('LANG') || '';
  // The codeset between the first `.' and an `@' modifier, by indexOf: this runs at every start,
  // and a regexp's first use (compiling it) cost the start about 0.1 ms.
  const dot = name.indexOf('.');
  const at = dot < 0 ? -1 : name.indexOf('@', dot + 1);
  const codeset = dot < 0 ? '' : name.slice(dot + 1, at < 0 ? name.length : at).toLowerCase();
  if (codeset === 'utf-8' || codeset === 'utf8') return Qutf_8_unix;
  if (codeset === 'iso-8859-1' || codeset === 'iso88591') return Qiso_latin_1_unix;
  return Qnil;
}
const Qlocale_coding_system = DEFVAR('locale-coding-system', localeCoding,
  'The coding system of the locale: how environment variables and system messages are encoded, or nil.');
// An image is started under another locale than the one that built it.
pdumperDoNowAndAfterLoad((rt) => setInternal(rt, Qlocale_coding_system, localeCoding(rt)));
// GNU's coding.c variables a program may read or bind; tsmacs's decoders consult none of them yet (docs/stdlib.md, "The variables GNU has bound at start-up").
DEFVAR('coding-system-require-warning', () => Qnil, 'Non-nil means a write asks which coding system to use when none was chosen explicitly.');
DEFVAR('inherit-process-coding-system', () => Qnil, 'Non-nil means a process\'s buffer takes the coding systems its output was decoded with.');
DEFVAR('inhibit-iso-escape-detection', () => Qnil, 'Non-nil means ISO 2022 escape sequences are not looked for when a coding system is detected.');
DEFVAR('inhibit-null-byte-detection', () => Qnil, 'Non-nil means a null byte does not make detection take the text as binary.');
DEFVAR('last-code-conversion-error', () => Qnil, 'The error of the last encoding or decoding that could not convert some characters, or nil.');
const Qselect_safe_coding_system = DEFSYM('select-safe-coding-system');
DEFVAR('select-safe-coding-system-function', () => Qselect_safe_coding_system, 'The function that picks a coding system able to encode the text being written.');
const Qset_auto_coding = DEFSYM('set-auto-coding');
DEFVAR('set-auto-coding-function', () => Qset_auto_coding, 'The function that finds the coding system a file names for itself (a -*- line or local variables).');
DEFVAR('standard-translation-table-for-decode', () => Qnil, 'The translation table every decoding applies, or nil.');
DEFVAR('standard-translation-table-for-encode', () => Qnil, 'The translation table every encoding applies, or nil.');
DEFVAR('disable-ascii-optimization', () => Qnil, 'Non-nil means pure ASCII text still goes through the full decoder.');

type Base = 'utf-8' | 'ascii' | 'latin-1' | 'raw' | 'undecided';
type Eol = 'unix' | 'dos' | 'mac' | 'detect';

/** The names GNU gives a coding system's end-of-line variants under (latin-1-dos is iso-latin-1-dos). */
const CANONICAL: Record<string, string> = {
  'latin-1': 'iso-latin-1', 'iso-8859-1': 'iso-latin-1', ascii: 'us-ascii', 'mule-utf-8': 'utf-8',
};

/**
 * Record in `last-coding-system-used' what a string conversion used, as GNU does: CODING itself
 * (nil: `no-conversion'). A decoder that was left to find the line ends names the variant it
 * found when that is CRLF or CR; a detecting one (undecided) names utf-8 for non-ASCII text.
 */
function noteCodingUsed(rt: Runtime, coding: number, detected: { undecidedNonAscii: boolean; eol: Eol; lf: boolean; high: boolean } | null): void {
  let used = coding === Qnil ? Qno_conversion : coding;
  if (detected) {
    const name = symbolNameJs(rt, coding);
    const m = /^(.*)-(unix|dos|mac)$/.exec(name);
    const base = m ? m[1]! : name;
    // Line feeds are named only in text with bytes above ASCII (or for prefer-utf-8): GNU's
    // all-ASCII path leaves the end-of-line type undecided.
    const lfNamed = detected.eol === 'unix' && detected.lf && (detected.high || base === 'prefer-utf-8');
    const eol = m ? m[2]! : detected.eol === 'dos' || detected.eol === 'mac' ? detected.eol : lfNamed ? 'unix' : '';
    if (detected.undecidedNonAscii) used = intern(rt, eol ? `utf-8-${eol}` : 'utf-8');
    else if (!m && eol) used = intern(rt, `${CANONICAL[base] ?? base}-${eol}`);
  }
  setInternal(rt, Qlast_coding_system_used, used);
}

const BASES: Record<string, Base> = {
  'utf-8': 'utf-8', 'mule-utf-8': 'utf-8', 'utf-8-emacs': 'utf-8', 'prefer-utf-8': 'undecided', undecided: 'undecided',
  'us-ascii': 'ascii', ascii: 'ascii', 'iso-latin-1': 'latin-1', 'latin-1': 'latin-1', 'iso-8859-1': 'latin-1',
  'raw-text': 'raw', binary: 'raw', 'no-conversion': 'raw', 'emacs-internal': 'utf-8',
};

/** The base and end-of-line convention of CODING, or null for nil; signals for an unknown one. */
function parseCoding(rt: Runtime, coding: number): { base: Base; eol: Eol } | null {
  if (coding === Qnil) return null;
  if (!symbolp(coding)) return xsignal1(rt, Qcoding_system_error, coding);
  let name = symbolNameJs(rt, coding);
  let eol: Eol = 'detect';
  for (const suffix of ['unix', 'dos', 'mac'] as const) {
    if (name.endsWith('-' + suffix) && BASES[name.slice(0, -suffix.length - 1)]) {
      eol = suffix;
      name = name.slice(0, -suffix.length - 1);
    }
  }
  const base = BASES[name];
  if (!base) return xsignal1(rt, Qcoding_system_error, coding);
  if (base === 'raw' && name !== 'raw-text') eol = 'unix'; // binary and no-conversion never touch line ends
  return { base, eol };
}

const Qmule_string_coding = DEFSYM('mule--string-coding');

/**
 * A conversion by lisp/mule.el for a coding system this file does not know (the one-byte charset
 * coding systems such as windows-1252 or koi8-r): its result, or null when there is none to ask
 * or it cannot convert with CODING either (the caller then signals as before).
 */
function lispCoding(rt: Runtime, string: number, coding: number, encode: boolean): number | null {
  if (coding === Qnil || !symbolp(coding)) return null;
  let name = symbolNameJs(rt, coding);
  const m = /^(.*)-(unix|dos|mac)$/.exec(name);
  if (m && BASES[m[1]!]) name = m[1]!;
  if (BASES[name]) return null;
  if (symbolFunction(rt, Qmule_string_coding) === Qnil) return null;
  const r = call3(rt, Qmule_string_coding, string, coding, encode ? Qt : Qnil);
  return r === Qnil ? null : r;
}

DEFUN('encode-coding-string', 2, 4, 'Turn the text STRING into bytes with CODING-SYSTEM and give the unibyte result.', (rt, string: number, coding: number) => {
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const other = lispCoding(rt, string, coding, true);
  if (other !== null) return other;
  const c = parseCoding(rt, coding);
  noteCodingUsed(rt, coding, null);
  if (c === null) return string;
  const out: number[] = [];
  const tmp = new Uint8Array(5);
  const chars = stringChars(rt, string);
  const multibyte = stringMultibyte(rt, string);
  for (const ch of chars) {
    if (ch === 10 && c.eol === 'dos') out.push(13, 10);
    else if (ch === 10 && c.eol === 'mac') out.push(13);
    else if (!multibyte || isByte8Char(ch)) out.push(multibyte ? charToByte8(ch) : ch);
    else if (c.base === 'ascii') out.push(ch < 0x80 ? ch : 0x3f);
    else if (c.base === 'latin-1') out.push(ch < 0x100 ? ch : 0x20); // GNU's Latin-1 writes a space for what it cannot hold
    else {
      const n = writeChar(tmp, 0, ch);
      for (let i = 0; i < n; i++) out.push(tmp[i]!);
    }
  }
  return makeUnibyteString(rt, Uint8Array.from(out));
});

/** The end-of-line convention BYTES show: the first CR decides (CRLF dos, a lone CR mac), else unix. */
function detectEol(bytes: ArrayLike<number>): Eol {
  let cr = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) return 'unix';
    if (bytes[i] === 13) {
      cr = i;
      break;
    }
  }
  if (cr < 0) return 'unix';
  return bytes[cr + 1] === 10 ? 'dos' : 'mac';
}

/** BYTES decoded from BASE with end-of-line convention EOL, in the internal encoding, and their char count. */
function decodeBytes(base: Base, eol: Eol, bytes: Uint8Array): { bytes: Uint8Array; nchars: number; multibyte: boolean } {
  if (eol === 'dos') bytes = bytes.filter((b, i) => !(b === 13 && bytes[i + 1] === 10));
  else if (eol === 'mac') bytes = bytes.map((b) => (b === 13 ? 10 : b));
  if (base === 'raw') return { bytes, nchars: bytes.length, multibyte: false };
  if (base === 'latin-1') {
    // Latin-1 bytes are the code points U+0000..U+00FF; spread in slices, as one spread of a
    // long text would overflow the JS stack.
    let text = '';
    for (let q = 0; q < bytes.length; q += 8192) text += String.fromCharCode(...bytes.subarray(q, q + 8192));
    return { bytes: new TextEncoder().encode(text), nchars: bytes.length, multibyte: true };
  }
  // utf-8, undecided, ascii: valid UTF-8 sequences become characters, other bytes raw bytes;
  // utf-8 (and utf-8-emacs) also takes the longer sequences of characters past Unicode, as GNU's.
  const d = decodeUtf8ToInternal(bytes, base === 'utf-8');
  return { bytes: d.bytes, nchars: d.nchars, multibyte: true };
}

DEFUN('decode-coding-string', 2, 4, 'Turn STRING, bytes in CODING-SYSTEM, into text and give the result.\nIn a multibyte STRING only ASCII and raw bytes are bytes to decode: other characters are text already and stay as they are.', (rt, string: number, coding: number) => {
  if (!stringp(string)) wrongTypeArgument(rt, Qstringp, string);
  const other = lispCoding(rt, string, coding, false);
  if (other !== null) return other;
  const c = parseCoding(rt, coding);
  if (c === null) {
    noteCodingUsed(rt, coding, null);
    return string;
  }
  const byteOf = (ch: number): number => (isByte8Char(ch) ? charToByte8(ch) : ch < 0x80 ? ch : -1);
  const chars = stringMultibyte(rt, string) ? stringChars(rt, string) : null;
  if (chars === null || chars.every((ch) => byteOf(ch) >= 0)) {
    const bytes = chars === null ? stringBytes(rt, string) : Uint8Array.from(chars, byteOf);
    const eol = c.eol === 'detect' ? detectEol(bytes) : c.eol;
    const high = bytes.some((b) => b >= 0x80);
    noteCodingUsed(rt, coding, { undecidedNonAscii: c.base === 'undecided' && high, eol, lf: bytes.includes(10), high });
    const d = decodeBytes(c.base, eol, bytes);
    return makeStringFromBytes(rt, d.bytes, d.nchars, d.multibyte);
  }
  // Runs of byte-like characters (ASCII, raw bytes) are decoded; the characters between them kept.
  const eol = c.eol === 'detect' ? detectEol(chars.map(byteOf)) : c.eol;
  const high = chars.some((ch) => byteOf(ch) >= 0x80);
  noteCodingUsed(rt, coding, { undecidedNonAscii: c.base === 'undecided' && high, eol, lf: chars.includes(10), high });
  const out: number[] = [];
  let nchars = 0;
  const tmp = new Uint8Array(8);
  for (let i = 0; i < chars.length;) {
    if (byteOf(chars[i]!) < 0) {
      const n = writeChar(tmp, 0, chars[i]!);
      for (let k = 0; k < n; k++) out.push(tmp[k]!);
      nchars++;
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && byteOf(chars[j]!) >= 0) j++;
    const d = decodeBytes(c.base, eol, Uint8Array.from(chars.slice(i, j), byteOf));
    // raw-text next to other characters: its bytes >= 0x80 are raw-byte characters of the result.
    if (!d.multibyte) {
      for (const b of d.bytes) {
        const n = writeChar(tmp, 0, b < 0x80 ? b : byte8ToChar(b));
        for (let k = 0; k < n; k++) out.push(tmp[k]!);
      }
    } else for (const b of d.bytes) out.push(b);
    nchars += d.nchars;
    i = j;
  }
  return makeStringFromBytes(rt, Uint8Array.from(out), nchars, true);
});

// `coding-system-p' and `check-coding-system' are lisp/mule.el's: they know every coding system.
