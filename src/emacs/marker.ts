// Markers and character/byte positions in buffers (GNU marker.c).
//
// A buffer's text is bytes in Emacs's internal encoding; Lisp counts characters. Converting
// walks from the nearest position whose both counts are known (the ends, point, the gap, the
// accessible bounds, the last answer, the first markers), so a walk is short wherever the
// program works near where it worked before.

import { defineWorldState, type Runtime } from '../core/runtime.ts';
import {
  BUF_BEGV, BUF_BEGV_BYTE, BUF_CHARS_MODIFF, BUF_GPT, BUF_GPT_BYTE, BUF_MARK, BUF_MARKERS, BUF_NAME, BUF_PT,
  BUF_PT_BYTE, BUF_MULTIBYTE, BUF_Z, BUF_ZV, BUF_ZV_BYTE, BUF_Z_BYTE, MARKER_BUFFER, MARKER_BYTEPOS, MARKER_CHARPOS,
  MARKER_INSERTION_TYPE,
} from '../heap/layout.ts';
import { Lisp_Cons, makeFixnum } from '../heap/tags.ts';
import { charLenAt, readChar } from '../core/character.ts';
import { cons, safeIntegerValue, xcar, xcdr, xsetcdr } from '../core/object.ts';
import { DEFSYM, Qnil, Qt, Qinteger_or_marker_p } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';
import { error, wrongTypeArgument } from '../core/signal.ts';
import { registerPvecPrinter } from './print.ts';
import {
  Qbufferp, bint, bslot, bufferLive, bufferp, byteAddr, currentBuffer, makeMarkerObject, markerp,
  onKillBuffer, setBslot, slotBase, textBase, gapSize,
} from './buffer.ts';
import { PVEC_MARKER } from '../heap/layout.ts';

const Qmarkerp = DEFSYM('markerp');

// ---- char <-> byte ------------------------------------------------------------------------------

/** The last conversion: buffer, its chars-modified tick then, and the pair. */
interface PosCache {
  buf: number;
  tick: number;
  char: number;
  byte: number;
  /**
   * For BUF at TICK: index[k] is the byte position of char position 1 + k * INDEX_STEP, or 0 when
   * not known yet. Walks fill it as they pass, so jumping about a large multibyte buffer (GNU
   * records a marker after a long walk for the same reason) walks at most INDEX_STEP chars once
   * the places have been passed over. Null until a walk of that buffer and tick.
   */
  index: Int32Array | null;
}
const posCache = defineWorldState<PosCache>(() => ({ buf: 0, tick: -1, char: 0, byte: 0, index: null }));
const INDEX_SHIFT = 10;
const INDEX_STEP = 1 << INDEX_SHIFT;

/** The char -> byte index of B at TICK, made empty when the cache was another buffer's or tick's. */
function indexFor(c: PosCache, b: number, tick: number, z: number): Int32Array {
  if (c.buf !== b || c.tick !== tick || c.index === null) {
    const n = (z >> INDEX_SHIFT) + 2;
    c.index = c.index !== null && c.index.length >= n && c.index.length <= 2 * n ? c.index.fill(0) : new Int32Array(n);
    c.buf = b;
    c.tick = tick;
    c.char = 1;
    c.byte = 1;
  }
  return c.index;
}

onKillBuffer((rt, b) => {
  const c = posCache(rt);
  if (c.buf === b) c.buf = 0;
});

/** Forget the cached char/byte position of B: its bytes changed without a new chars tick (the case commands). */
export function forgetPositionCache(rt: Runtime, _b: number): void {
  // Whatever buffer it was for: an indirect buffer's cached pair is about the text it shares.
  posCache(rt).buf = 0;
}

/** How many markers a conversion looks at for a landmark (GNU looks at a few dozen too). */
const MARKER_LANDMARKS = 50;

/** The byte position of character position POS in buffer B (BEG <= POS <= Z). */
export function charToByte(rt: Runtime, b: number, pos: number): number {
  // An ASCII-only text (the common case) needs no landmarks: kept apart from the search below,
  // whose state V8 had allocated on every call, this one included (15.8 MB in buffer-search.el).
  if (bint(rt, b, BUF_Z) === bint(rt, b, BUF_Z_BYTE)) return pos;
  return charToByteMultibyte(rt, b, pos);
}

/** charToByte in a text with multibyte chars: walk from the nearest known char/byte pair. */
function charToByteMultibyte(rt: Runtime, b: number, pos: number): number {
  const z = bint(rt, b, BUF_Z);
  const zb = bint(rt, b, BUF_Z_BYTE);
  // The nearest known pairs at or below POS (lo) and above it (hi).
  let loC = 1, loB = 1, hiC = z, hiB = zb;
  const s = slotBase(b);
  const m = rt.i32;
  const c = posCache(rt);
  const tick = m[s + BUF_CHARS_MODIFF]! >> 2;
  const index = indexFor(c, b, tick, z);
  const k = (pos - 1) >> INDEX_SHIFT;
  // Candidates: point, the gap, the narrowing's edges, the last conversion, the index's two
  // entries around POS, then (when none hit POS exactly) up to MARKER_LANDMARKS markers.
  for (let i = 0; ; i++) {
    let cc: number, cb: number;
    if (i === 0) { cc = m[s + BUF_PT]! >> 2; cb = m[s + BUF_PT_BYTE]! >> 2; }
    else if (i === 1) { cc = m[s + BUF_GPT]! >> 2; cb = m[s + BUF_GPT_BYTE]! >> 2; }
    else if (i === 2) { cc = m[s + BUF_BEGV]! >> 2; cb = m[s + BUF_BEGV_BYTE]! >> 2; }
    else if (i === 3) { cc = m[s + BUF_ZV]! >> 2; cb = m[s + BUF_ZV_BYTE]! >> 2; }
    else if (i === 4) {
      if (c.buf !== b || c.tick !== tick) continue;
      cc = c.char; cb = c.byte;
    } else if (i === 5 || i === 6) {
      const e = index[k + i - 5]!;
      if (!(e > 0)) continue;
      cc = 1 + ((k + i - 5) << INDEX_SHIFT); cb = e;
    } else break;
    if (cc <= pos) {
      if (cc > loC) { loC = cc; loB = cb; }
    } else if (cc < hiC) { hiC = cc; hiB = cb; }
  }
  if (loC !== pos && hiC !== pos) {
    let n = 0;
    for (let l = m[s + BUF_MARKERS]!; (l & 7) === Lisp_Cons && n < MARKER_LANDMARKS; l = xcdr(rt, l), n++) {
      const ms = slotBase(xcar(rt, l));
      const cc = m[ms + MARKER_CHARPOS]! >> 2;
      const cb = m[ms + MARKER_BYTEPOS]! >> 2;
      if (cc <= pos) {
        if (cc > loC) { loC = cc; loB = cb; }
      } else if (cc < hiC) { hiC = cc; hiB = cb; }
    }
  }
  let r: number;
  if (pos - loC <= hiC - pos) r = walkForward(rt, b, loC, loB, pos, index);
  else r = walkBackward(rt, b, hiC, hiB, pos, index);
  c.char = pos;
  c.byte = r;
  return r;
}

function walkForward(rt: Runtime, b: number, c: number, by: number, pos: number, index: Int32Array): number {
  const u8 = rt.u8;
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  while (c < pos) {
    const a = by < gpt ? base + by - 1 : base + by - 1 + gap;
    by += charLenAt(u8[a]!);
    c++;
    if (((c - 1) & (INDEX_STEP - 1)) === 0) index[(c - 1) >> INDEX_SHIFT] = by;
  }
  return by;
}

function walkBackward(rt: Runtime, b: number, c: number, by: number, pos: number, index: Int32Array): number {
  const u8 = rt.u8;
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  while (c > pos) {
    do {
      by--;
    } while ((u8[by < gpt ? base + by - 1 : base + by - 1 + gap]! & 0xc0) === 0x80);
    c--;
    if (((c - 1) & (INDEX_STEP - 1)) === 0) index[(c - 1) >> INDEX_SHIFT] = by;
  }
  return by;
}

/** The character position of byte position POS in buffer B (POS on a character boundary). */
export function byteToChar(rt: Runtime, b: number, pos: number): number {
  const z = bint(rt, b, BUF_Z);
  const zb = bint(rt, b, BUF_Z_BYTE);
  if (z === zb) return pos;
  let loC = 1, loB = 1, hiC = z, hiB = zb;
  const consider = (c: number, by: number): void => {
    if (by <= pos) {
      if (by > loB) {
        loC = c;
        loB = by;
      }
    } else if (by < hiB) {
      hiC = c;
      hiB = by;
    }
  };
  const s = slotBase(b);
  const m = rt.i32;
  consider(m[s + BUF_PT]! >> 2, m[s + BUF_PT_BYTE]! >> 2);
  consider(m[s + BUF_GPT]! >> 2, m[s + BUF_GPT_BYTE]! >> 2);
  consider(m[s + BUF_BEGV]! >> 2, m[s + BUF_BEGV_BYTE]! >> 2);
  consider(m[s + BUF_ZV]! >> 2, m[s + BUF_ZV_BYTE]! >> 2);
  const c = posCache(rt);
  const tick = m[s + BUF_CHARS_MODIFF]! >> 2;
  if (c.buf === b && c.tick === tick) consider(c.char, c.byte);
  const u8 = rt.u8;
  const base = textBase(rt, b);
  const gpt = bint(rt, b, BUF_GPT_BYTE);
  const gap = gapSize(rt, b);
  let ch: number;
  if (pos - loB <= hiB - pos) {
    ch = loC;
    for (let by = loB; by < pos; ch++) by += charLenAt(u8[by < gpt ? base + by - 1 : base + by - 1 + gap]!);
  } else {
    ch = hiC;
    for (let by = hiB; by > pos; ch--) {
      do by--; while ((u8[by < gpt ? base + by - 1 : base + by - 1 + gap]! & 0xc0) === 0x80);
    }
  }
  indexFor(c, b, tick, z);
  c.char = ch;
  c.byte = pos;
  return ch;
}

/** The character at byte position POS of buffer B (POS < Z_BYTE), as a code. */
export function charAtByte(rt: Runtime, b: number, pos: number): number {
  // The gap never splits a character, so its bytes are contiguous. A unibyte buffer's
  // characters are its bytes (GNU's char-after gives 0..255 there).
  if (rt.i32[slotBase(b) + BUF_MULTIBYTE] === Qnil) return rt.u8[byteAddr(rt, b, pos)]!;
  return readChar(rt.u8, byteAddr(rt, b, pos));
}

// ---- markers ------------------------------------------------------------------------------------

export const markerBuffer = (rt: Runtime, m: number): number => rt.i32[slotBase(m) + MARKER_BUFFER]!;
export const markerCharpos = (rt: Runtime, m: number): number => rt.i32[slotBase(m) + MARKER_CHARPOS]! >> 2;
export const markerBytepos = (rt: Runtime, m: number): number => rt.i32[slotBase(m) + MARKER_BYTEPOS]! >> 2;

/** Take marker M out of its buffer's chain; it then points nowhere. */
export function unchainMarker(rt: Runtime, m: number): void {
  const b = markerBuffer(rt, m);
  if (b === Qnil) return;
  let prev = Qnil;
  for (let l = bslot(rt, b, BUF_MARKERS); (l & 7) === Lisp_Cons; prev = l, l = xcdr(rt, l)) {
    if (xcar(rt, l) !== m) continue;
    if (prev === Qnil) setBslot(rt, b, BUF_MARKERS, xcdr(rt, l));
    else xsetcdr(rt, prev, xcdr(rt, l));
    break;
  }
  rt.i32[slotBase(m) + MARKER_BUFFER] = Qnil;
}

/** Point marker M at CHARPOS/BYTEPOS of live buffer B, chaining it there if needed. */
export function attachMarker(rt: Runtime, m: number, b: number, charpos: number, bytepos: number): void {
  const s = slotBase(m);
  if (rt.i32[s + MARKER_BUFFER] !== b) {
    unchainMarker(rt, m);
    setBslot(rt, b, BUF_MARKERS, cons(rt, m, bslot(rt, b, BUF_MARKERS)));
    rt.i32[s + MARKER_BUFFER] = b;
  }
  rt.i32[s + MARKER_CHARPOS] = makeFixnum(charpos);
  rt.i32[s + MARKER_BYTEPOS] = makeFixnum(bytepos);
}

/** A new marker at CHARPOS of buffer B. */
export function makeMarkerAt(rt: Runtime, b: number, charpos: number, type = Qnil): number {
  const m = makeMarkerObject(rt);
  rt.i32[slotBase(m) + MARKER_INSERTION_TYPE] = type;
  attachMarker(rt, m, b, charpos, charToByte(rt, b, charpos));
  return m;
}

/** A position argument (integer or marker) as a JS number; markers must point somewhere (GNU's fix_position). */
export function positionValue(rt: Runtime, x: number): number {
  if ((x & 3) === 2) return x >> 2;
  if (markerp(rt, x)) {
    if (markerBuffer(rt, x) === Qnil) error(rt, 'Marker does not point anywhere');
    return markerCharpos(rt, x);
  }
  const n = safeIntegerValue(rt, x);
  if (!Number.isNaN(n)) return n;
  return wrongTypeArgument(rt, Qinteger_or_marker_p, x);
}

/** GNU's set_marker_internal: POSITION nil unchains; a position is clipped to the buffer (or its accessible part). */
export function setMarker(rt: Runtime, m: number, position: number, buffer: number, restricted: boolean): number {
  if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
  if (buffer !== Qnil && !bufferp(rt, buffer)) wrongTypeArgument(rt, Qbufferp, buffer);
  const b = buffer === Qnil ? currentBuffer(rt) : buffer;
  // A marker that points nowhere as the position makes this one point nowhere too.
  if (position === Qnil || !bufferLive(rt, b) || (markerp(rt, position) && markerBuffer(rt, position) === Qnil)) {
    unchainMarker(rt, m);
    return m;
  }
  // Same buffer and a marker: take its byte position as it is.
  if (markerp(rt, position) && markerBuffer(rt, position) === b) {
    let c = markerCharpos(rt, position);
    let by = markerBytepos(rt, position);
    const lo = restricted ? bint(rt, b, BUF_BEGV) : 1;
    const hi = restricted ? bint(rt, b, BUF_ZV) : bint(rt, b, BUF_Z);
    if (c < lo || c > hi) {
      c = Math.min(Math.max(c, lo), hi);
      by = charToByte(rt, b, c);
    }
    attachMarker(rt, m, b, c, by);
    return m;
  }
  let c: number;
  if ((position & 3) === 2) c = position >> 2;
  else if (markerp(rt, position)) {
    if (markerBuffer(rt, position) === Qnil) error(rt, 'Marker does not point anywhere');
    c = markerCharpos(rt, position);
  } else {
    const n = safeIntegerValue(rt, position);
    if (Number.isNaN(n)) wrongTypeArgument(rt, Qinteger_or_marker_p, position);
    c = n;
  }
  const lo = restricted ? bint(rt, b, BUF_BEGV) : 1;
  const hi = restricted ? bint(rt, b, BUF_ZV) : bint(rt, b, BUF_Z);
  c = Math.min(Math.max(c, lo), hi);
  attachMarker(rt, m, b, c, charToByte(rt, b, c));
  return m;
}

DEFUN('make-marker', 0, 0, 'Make a new marker that points nowhere.', (rt) => makeMarkerObject(rt));

DEFUN('marker-position', 1, 1, 'Give the position MARKER points at, or nil when it points nowhere.', (rt, m: number) => {
  if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
  return markerBuffer(rt, m) === Qnil ? Qnil : makeFixnum(markerCharpos(rt, m));
});

DEFUN('marker-last-position', 1, 1, 'Give the position MARKER had when it last pointed somewhere.', (rt, m: number) => {
  if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
  return makeFixnum(markerCharpos(rt, m));
});

DEFUN('marker-buffer', 1, 1, 'Give the buffer MARKER points into, or nil when it points nowhere.', (rt, m: number) => {
  if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
  return markerBuffer(rt, m);
});

DEFUN('marker-insertion-type', 1, 1, 'Give MARKER\'s insertion type: t when it advances over text inserted at it, nil when it stays before.',
  (rt, m: number) => {
    if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
    return rt.i32[slotBase(m) + MARKER_INSERTION_TYPE]!;
  });

DEFUN('set-marker-insertion-type', 2, 2, 'Make MARKER advance over text inserted at it when TYPE is non-nil, stay before it when TYPE is nil; give TYPE.',
  (rt, m: number, type: number) => {
    if (!markerp(rt, m)) wrongTypeArgument(rt, Qmarkerp, m);
    rt.i32[slotBase(m) + MARKER_INSERTION_TYPE] = type === Qnil ? Qnil : Qt;
    return type;
  });

DEFUN('set-marker', 2, 3, 'Point MARKER at POSITION in BUFFER (by default the current buffer) and give MARKER.\nPOSITION nil makes it point nowhere; a position outside the buffer is moved to its nearer end.',
  (rt, m: number, position: number, buffer: number) => setMarker(rt, m, position, buffer, false));

DEFUN('copy-marker', 0, 2, 'Make a new marker at the place MARKER (a marker or a position in the current buffer) points at, with insertion type TYPE.\nA marker that points nowhere gives a marker that points nowhere.',
  (rt, marker: number, type: number) => {
    const m = makeMarkerObject(rt);
    rt.i32[slotBase(m) + MARKER_INSERTION_TYPE] = type === Qnil ? Qnil : Qt;
    if (marker === Qnil) return m;
    if (!((marker & 3) === 2 || markerp(rt, marker) || !Number.isNaN(safeIntegerValue(rt, marker))))
      wrongTypeArgument(rt, Qinteger_or_marker_p, marker);
    const buffer = markerp(rt, marker) ? markerBuffer(rt, marker) : Qnil;
    if (markerp(rt, marker) && buffer === Qnil) return m;
    return setMarker(rt, m, marker, buffer, false);
  });

DEFUN('point-marker', 0, 0, 'Make a new marker at point.', (rt) => {
  const b = currentBuffer(rt);
  const m = makeMarkerObject(rt);
  attachMarker(rt, m, b, bint(rt, b, BUF_PT), bint(rt, b, BUF_PT_BYTE));
  return m;
});

DEFUN('point-min-marker', 0, 0, 'Make a new marker at the start of the accessible part of the buffer.', (rt) => {
  const b = currentBuffer(rt);
  const m = makeMarkerObject(rt);
  attachMarker(rt, m, b, bint(rt, b, BUF_BEGV), bint(rt, b, BUF_BEGV_BYTE));
  return m;
});

DEFUN('point-max-marker', 0, 0, 'Make a new marker at the end of the accessible part of the buffer.', (rt) => {
  const b = currentBuffer(rt);
  const m = makeMarkerObject(rt);
  attachMarker(rt, m, b, bint(rt, b, BUF_ZV), bint(rt, b, BUF_ZV_BYTE));
  return m;
});

DEFUN('mark-marker', 0, 0, 'Give the current buffer\'s mark, a marker (changing it moves the mark).', (rt) => bslot(rt, currentBuffer(rt), BUF_MARK));

DEFUN('buffer-has-markers-at', 1, 1, 'Tell whether some marker of the current buffer points at POSITION.', (rt, position: number) => {
  const b = currentBuffer(rt);
  const p = positionValue(rt, position);
  for (let l = bslot(rt, b, BUF_MARKERS); (l & 7) === Lisp_Cons; l = xcdr(rt, l))
    if (markerCharpos(rt, xcar(rt, l)) === p) return Qt;
  return Qnil;
});

// ---- printing -----------------------------------------------------------------------------------

registerPvecPrinter(PVEC_MARKER, (rt, obj, _escape, out) => {
  out.ascii('#<marker ');
  if (rt.i32[slotBase(obj) + MARKER_INSERTION_TYPE] !== Qnil) out.ascii('(moves after insertion) ');
  const b = markerBuffer(rt, obj);
  if (b === Qnil) out.ascii('in no buffer>');
  else {
    out.ascii('at ' + markerCharpos(rt, obj) + ' in ');
    out.text(bslot(rt, b, BUF_NAME));
    out.ascii('>');
  }
});
