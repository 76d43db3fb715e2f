// GNU's decompress.c: gzip and zlib data in a unibyte buffer, decompressed in place.
//
// The wrappers (gzip's header and CRC-32 trailer, zlib's two-byte header and Adler-32 trailer)
// are read here; the deflate data between them goes to the host's raw inflater
// (`Host.inflateRaw`, node:zlib), so a host without one (the browser build) answers nil to
// `zlib-available-p`. What a damaged stream leaves, and the count `zlib-decompress-region`
// gives with ALLOW-PARTIAL, are zlib's: the output decoded before the bad code and the input
// bytes after the one that held it.

import { makeFixnum } from '../heap/tags.ts';
import { BUF_MULTIBYTE, BUF_PT, BUF_ZV } from '../heap/layout.ts';
import { error } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { Qnil, Qt } from '../core/symbols.ts';
import { bint, bslot, currentBuffer } from './buffer.ts';
import { setPoint } from './editfns.ts';
import { bumpModiff, copyBytes, deleteRange, insertBytes, prepareToModify, validateRegion } from './insdel.ts';
import { charToByte } from './marker.ts';
import { recordDelete, recordInsert, undoRecording } from './undo.ts';
import { makeString } from '../core/object.ts';

type Inflated = { output: Uint8Array; used: number; ended: boolean };
type Inflate = (bytes: Uint8Array) => Inflated | null;

/** What decompressing gave: the output, the input bytes read, and whether the whole stream checked out. */
interface Outcome { output: Uint8Array; used: number; complete: boolean }

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    // 5552 bytes is the longest run whose sums fit before the modulo, as zlib's own.
    const stop = Math.min(bytes.length, i + 5552);
    for (; i < stop; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const le32 = (d: Uint8Array, i: number): number => (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
const be32 = (d: Uint8Array, i: number): number => ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0;

/**
 * The length of the gzip header at the start of DATA, -1 when DATA ends inside it, or -2 - N when
 * it is bad, N being how many bytes zlib reads before it says so (its method and flags come in
 * the first four).
 */
function gzipHeader(data: Uint8Array): number {
  if (data.length < 4) return -1;
  const flags = data[3]!;
  if (data[2] !== 8 || flags & 0xe0) return -2 - 4;
  let at = 10;
  if (data.length < at) return -1;
  if (flags & 4) {
    if (data.length < at + 2) return -1;
    at += 2 + (data[at]! | (data[at + 1]! << 8));
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    while (at < data.length && data[at] !== 0) at++;
    at++;
  }
  if (flags & 2) at += 2;
  return at <= data.length ? at : -1;
}

/**
 * Inflate the deflate data at BODY of DATA; when it is damaged, what the bytes before the damage
 * give (the longest prefix that still inflates, found by halving) and the bytes read up to and
 * including the one that held the bad code.
 */
function inflateFrom(inflate: Inflate, data: Uint8Array, body: number): Inflated & { damaged: boolean } {
  const rest = data.subarray(body);
  const whole = inflate(rest);
  if (whole !== null) return { ...whole, used: body + whole.used, damaged: false };
  let good = 0;
  let bad = rest.length;
  let best: Inflated = { output: new Uint8Array(0), used: 0, ended: false };
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    const r = inflate(rest.subarray(0, mid));
    if (r === null) bad = mid;
    else {
      good = mid;
      best = r;
    }
  }
  if (good === 0) best = inflate(rest.subarray(0, 0)) ?? best;
  return { output: best.output, used: body + good + 1, ended: false, damaged: true };
}

/** Decompress DATA, gzip when it starts with gzip's magic, zlib's format otherwise, as zlib's automatic detection does. */
function decompress(inflate: Inflate, data: Uint8Array): Outcome {
  const none = new Uint8Array(0);
  if (data.length < 2) return { output: none, used: data.length, complete: false };
  if (data[0] === 0x1f && data[1] === 0x8b) {
    const header = gzipHeader(data);
    if (header === -1) return { output: none, used: data.length, complete: false };
    if (header < -1) return { output: none, used: -2 - header, complete: false };
    const r = inflateFrom(inflate, data, header);
    if (!r.ended) return { output: r.output, used: r.used, complete: false };
    // The trailer: CRC-32 of the output, then its length modulo 2^32.
    if (r.used + 4 > data.length) return { output: r.output, used: data.length, complete: false };
    if (le32(data, r.used) !== crc32(r.output)) return { output: r.output, used: r.used + 4, complete: false };
    if (r.used + 8 > data.length) return { output: r.output, used: data.length, complete: false };
    if (le32(data, r.used + 4) !== r.output.length >>> 0) return { output: r.output, used: r.used + 8, complete: false };
    return { output: r.output, used: r.used + 8, complete: true };
  }
  const cmf = data[0]!;
  const flg = data[1]!;
  // Header check, method 8 (deflate), a window of at most 32 KB; a preset dictionary cannot be given.
  if (((cmf << 8) | flg) % 31 !== 0 || (cmf & 15) !== 8 || cmf >> 4 > 7) return { output: none, used: 2, complete: false };
  if (flg & 0x20) return { output: none, used: Math.min(6, data.length), complete: false };
  const r = inflateFrom(inflate, data, 2);
  if (!r.ended) return { output: r.output, used: r.used, complete: false };
  if (r.used + 4 > data.length) return { output: r.output, used: data.length, complete: false };
  return { output: r.output, used: r.used + 4, complete: be32(data, r.used) === adler32(r.output) };
}

DEFUN('zlib-available-p', 0, 0, 'Give t when this tsmacs can decompress zlib and gzip data (`zlib-decompress-region\'), nil when its host has no zlib.',
  (rt) => (rt.host.inflateRaw !== undefined ? Qt : Qnil));

DEFUN('zlib-decompress-region', 2, 3, 'Decompress the gzip or zlib data between START and END of the current (unibyte) buffer in place.\nGive t when the whole stream decoded and checked out; otherwise leave the text as it was and give nil,\nor, with ALLOW-PARTIAL non-nil, keep what did decode and give the number of input bytes left unread.',
  (rt, start: number, end: number, allowPartial: number) => {
    const b = currentBuffer(rt);
    if (bslot(rt, b, BUF_MULTIBYTE) !== Qnil) error(rt, 'This function can be called only in unibyte buffers');
    const [s, e] = validateRegion(rt, start, end);
    const inflate = rt.host.inflateRaw;
    if (inflate === undefined) error(rt, 'zlib is not available in this build of tsmacs');
    if (s === e) return Qnil;
    const input = copyBytes(rt, b, charToByte(rt, b, s), charToByte(rt, b, e));
    const r = decompress(inflate!.bind(rt.host), input);
    const keep = r.complete || allowPartial !== Qnil;
    const oldPt = bint(rt, b, BUF_PT);
    const n = r.output.length;
    prepareToModify(rt, e, e);
    // As GNU: the output goes in after the compressed text, which is then deleted (with point at
    // its end, as the undo record shows); on failure the output goes again.
    setPoint(rt, e);
    // An empty insertion still counts as a change, as GNU's does.
    if (n > 0) insertBytes(rt, r.output, n);
    else {
      if (undoRecording(rt)) recordInsert(rt, b, e, 0);
      bumpModiff(rt, b);
    }
    setPoint(rt, keep ? e : e + n);
    if (keep) deleteRange(rt, s, e, false);
    else if (n > 0) deleteRange(rt, e, e + n, false);
    else if (undoRecording(rt)) {
      recordDelete(rt, b, e, makeString(rt, ''));
      bumpModiff(rt, b);
    }
    // Point goes back to the number it was, within the accessible text (so text after the region
    // does not carry it along), as GNU's does.
    setPoint(rt, Math.min(oldPt, bint(rt, b, BUF_ZV)));
    if (r.complete) return Qt;
    return keep ? makeFixnum(input.length - r.used) : Qnil;
  });
