// What a file's bytes say about how to read them: coding cookies, GNU's UTF-8 detector, gzip (jka-compr's part).
//
// Shared by `load' (lread.ts) and `insert-file-contents' (fileio-buffer.ts), which cannot import
// each other. Decompression goes through the host's optional `gunzip', so a host without it
// (a browser build) needs no zlib: compressed files then read as their raw bytes.

import { listFromArray, makeString } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { xsignal } from '../core/signal.ts';
import { DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qnil, Qt, Qunbound } from '../core/symbols.ts';
import { findSymbolValue, funcall } from './eval.ts';

const Qauto_compression_mode = DEFVAR('auto-compression-mode', () => Qt,
  'Non-nil means compressed files are decompressed when read and `load\' also tries FILE.el.gz.');
const Qjka_compr_verbose = DEFVAR('jka-compr-verbose', () => Qt, 'Non-nil means reading a compressed file says so in a message.');
const Qmessage = DEFSYM('message');
const Qcompression_error = DEFSYM('compression-error');

/**
 * Whether GNU's utf-8 detector accepts BYTES: each lead byte must be followed by continuation bytes
 * (10xxxxxx) as many as its form asks (up to the 5-byte form); running out of input in the middle of
 * a sequence still counts as UTF-8, as the file may have been cut short. Overlong forms and
 * surrogates pass detection; the decoder deals with them.
 */
export function detectUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i++]!;
    if (c < 0x80) continue;
    // The number of continuation bytes the lead byte announces (0xf8..0xfb: four; others: none fit).
    const need = c >= 0xc0 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xf8 && c < 0xfc ? 4 : 5;
    for (let k = 0; k < need; k++) {
      if (i >= n) return true;
      if ((bytes[i++]! & 0xc0) !== 0x80) return false;
      if (k === 3 && need === 5) return false;
    }
  }
  return true;
}

const latin1 = (bytes: Uint8Array, a: number, b: number): string => {
  let s = '';
  for (let i = a; i < b; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** The value given to VAR in the `NAME: VALUE; ...' text between the -*- marks, or null. */
function propLineValue(text: string, name: string): string | null {
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    if (part.slice(0, colon).trim().toLowerCase() === name) return part.slice(colon + 1).trim();
  }
  return null;
}

/**
 * The coding system a file's text asks for, as GNU's set-auto-coding finds it: `coding: NAME' in
 * the -*- line (the first line, or the second after a #! line), else in a "Local Variables:"
 * block within the last 3000 bytes. Null when there is none.
 */
export function codingCookie(bytes: Uint8Array): string | null {
  const n = bytes.length;
  let start = 0;
  let end = 0;
  while (end < n && bytes[end] !== 10) end++;
  if (bytes[0] === 35 && bytes[1] === 33) {
    start = Math.min(n, end + 1);
    end = start;
    while (end < n && bytes[end] !== 10) end++;
  }
  const line = latin1(bytes, start, end);
  const a = line.indexOf('-*-');
  if (a >= 0) {
    const b = line.indexOf('-*-', a + 3);
    if (b > a) {
      const v = propLineValue(line.slice(a + 3, b), 'coding');
      if (v !== null && v !== '') return v.split(/\s/)[0]!;
    }
  }
  const tailFrom = Math.max(0, n - 3000);
  const tail = latin1(bytes, tailFrom, n);
  const lv = tail.lastIndexOf('Local Variables:');
  if (lv < 0) return null;
  // Each line of the block carries the prefix and suffix that surround "Local Variables:".
  const lineStart = tail.lastIndexOf('\n', lv) + 1;
  const prefix = tail.slice(lineStart, lv);
  let pos = tail.indexOf('\n', lv);
  while (pos >= 0 && pos < tail.length) {
    const next = tail.indexOf('\n', pos + 1);
    let l = tail.slice(pos + 1, next < 0 ? tail.length : next);
    if (prefix !== '' && l.startsWith(prefix)) l = l.slice(prefix.length);
    const t = l.trim();
    if (/^end:/i.test(t)) break;
    const m = /^coding:\s*(\S+)/.exec(t);
    if (m) return m[1]!;
    if (next < 0) break;
    pos = next;
  }
  return null;
}

/** GNU's file name pattern for gzip-compressed files (with a backup suffix allowed after it). */
export function gzipFileName(name: string): boolean {
  return /\.(?:gz|tgz|svgz)(?:~|\.~[0-9]+~)?$/.test(name);
}

/** Whether `auto-compression-mode' is on (and the host can decompress). */
export function autoCompression(rt: Runtime): boolean {
  const v = findSymbolValue(rt, Qauto_compression_mode);
  return v !== Qnil && v !== Qunbound && rt.host.gunzip !== undefined;
}

function say(rt: Runtime, text: string): void {
  const sp = rt.sp;
  try {
    const s = makeString(rt, text);
    rt.push(s);
    const fmt = makeString(rt, '%s');
    rt.push(fmt);
    funcall(rt, Qmessage, [fmt, s]);
  } finally {
    rt.sp = sp;
  }
}

/**
 * The decompressed bytes of the gzip file FILE whose bytes are BYTES, with jka-compr's messages
 * around the work; bad data is a Lisp error naming the file.
 */
export function gunzipFile(rt: Runtime, file: string, bytes: Uint8Array): Uint8Array {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const verbose = findSymbolValue(rt, Qjka_compr_verbose);
  const loud = verbose !== Qnil && verbose !== Qunbound;
  if (loud) say(rt, `uncompressing ${base}...`);
  const out = rt.host.gunzip!(bytes);
  // jka-compr's error, a file-error: (compression-error "Opening input file" "error uncompressing NAME" FILE).
  if (out === null)
    return xsignal(Qcompression_error, listFromArray(rt, [makeString(rt, 'Opening input file'), makeString(rt, `error uncompressing ${base}`), makeString(rt, file)]));
  if (loud) say(rt, `uncompressing ${base}...done`);
  return out;
}

/**
 * A source file's bytes as the reader's internal encoding, decoded as GNU's `load' decodes them:
 * the coding cookie's system if any (utf-8, latin-1, raw-text and their kin), else UTF-8 when the
 * bytes pass the detector and latin-1 when they do not.
 */
export function loadBytesInternal(bytes: Uint8Array): { bytes: Uint8Array; internal: boolean } {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return { bytes, internal: false };
  const cookie = codingCookie(bytes)?.toLowerCase().replace(/-(unix|dos|mac)$/, '') ?? null;
  let kind: 'utf-8' | 'latin-1' | 'raw';
  if (cookie === 'latin-1' || cookie === 'iso-latin-1' || cookie === 'iso-8859-1') kind = 'latin-1';
  else if (cookie === 'raw-text' || cookie === 'no-conversion' || cookie === 'binary') kind = 'raw';
  else if (cookie !== null && cookie !== 'undecided' && cookie !== 'prefer-utf-8') kind = 'utf-8';
  else kind = detectUtf8(bytes) ? 'utf-8' : 'latin-1';
  if (kind === 'utf-8') return { bytes, internal: false };
  // Each byte 0x80..0xff becomes two bytes: U+0080..U+00FF in UTF-8 for latin-1, the raw-byte
  // char's C0/C1 form for raw text.
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) extra++;
  const out = new Uint8Array(bytes.length + extra);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[j++] = b;
    else {
      out[j++] = (kind === 'raw' ? 0xc0 : 0xc2) | ((b >> 6) & 1);
      out[j++] = 0x80 | (b & 0x3f);
    }
  }
  return { bytes: out, internal: true };
}
