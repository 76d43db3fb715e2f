// Emacs's internal character encoding (GNU character.h): UTF-8 extended to 22 bits, raw bytes as C0/C1 pairs.
//
//   0x00..0x7F          1 byte   0xxxxxxx
//   0x80..0x7FF         2 bytes  110xxxxx 10xxxxxx
//   0x800..0xFFFF       3 bytes
//   0x10000..0x1FFFFF   4 bytes  11110xxx ...
//   0x200000..0x3FFF7F  5 bytes  11111000 ...
//   0x3FFF80..0x3FFFFF  raw bytes 0x80..0xFF, 2 bytes: 1100000x 10xxxxxx (x = the byte's low 7 bits)

export const MAX_CHAR = 0x3fffff;
export const MAX_UNICODE_CHAR = 0x10ffff;
export const MAX_5_BYTE_CHAR = 0x3fff7f;
export const BYTE8_BASE = 0x3fff00; // raw byte b (0x80..0xFF) is the character BYTE8_BASE + b

export const isByte8Char = (c: number): boolean => c > MAX_5_BYTE_CHAR;
export const byte8ToChar = (b: number): number => (b < 0x80 ? b : b + BYTE8_BASE);
export const charToByte8 = (c: number): number => (c > MAX_5_BYTE_CHAR ? c - BYTE8_BASE : c & 0xff);
export const isCharacter = (c: number): boolean => Number.isInteger(c) && c >= 0 && c <= MAX_CHAR;

/** Bytes the character takes in a multibyte string. */
export function charBytes(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  if (c < 0x200000) return 4;
  if (c <= MAX_5_BYTE_CHAR) return 5;
  return 2;
}

/** Write c at u8[pos]; returns the number of bytes written. */
export function writeChar(u8: Uint8Array, pos: number, c: number): number {
  if (c < 0x80) {
    u8[pos] = c;
    return 1;
  }
  if (c < 0x800) {
    u8[pos] = 0xc0 | (c >> 6);
    u8[pos + 1] = 0x80 | (c & 0x3f);
    return 2;
  }
  if (c < 0x10000) {
    u8[pos] = 0xe0 | (c >> 12);
    u8[pos + 1] = 0x80 | ((c >> 6) & 0x3f);
    u8[pos + 2] = 0x80 | (c & 0x3f);
    return 3;
  }
  if (c < 0x200000) {
    u8[pos] = 0xf0 | (c >> 18);
    u8[pos + 1] = 0x80 | ((c >> 12) & 0x3f);
    u8[pos + 2] = 0x80 | ((c >> 6) & 0x3f);
    u8[pos + 3] = 0x80 | (c & 0x3f);
    return 4;
  }
  if (c <= MAX_5_BYTE_CHAR) {
    u8[pos] = 0xf8;
    u8[pos + 1] = 0x80 | ((c >> 18) & 0x0f);
    u8[pos + 2] = 0x80 | ((c >> 12) & 0x3f);
    u8[pos + 3] = 0x80 | ((c >> 6) & 0x3f);
    u8[pos + 4] = 0x80 | (c & 0x3f);
    return 5;
  }
  const b = c - BYTE8_BASE;
  u8[pos] = 0xc0 | ((b >> 6) & 1);
  u8[pos + 1] = 0x80 | (b & 0x3f);
  return 2;
}

/** Length in bytes of the character whose first byte is b (in a valid multibyte string). */
export function charLenAt(b: number): number {
  if (b < 0x80) return 1;
  if (b < 0xe0) return 2;
  if (b < 0xf0) return 3;
  if (b < 0xf8) return 4;
  return 5;
}

/** Decode the character at u8[pos] of a valid multibyte string. */
export function readChar(u8: Uint8Array, pos: number): number {
  const b = u8[pos]!;
  if (b < 0x80) return b;
  if (b < 0xc2) return ((b & 1) << 6) + (u8[pos + 1]! & 0x3f) + 0x80 + BYTE8_BASE;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (u8[pos + 1]! & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((u8[pos + 1]! & 0x3f) << 6) | (u8[pos + 2]! & 0x3f);
  if (b < 0xf8)
    return (
      ((b & 0x07) << 18) | ((u8[pos + 1]! & 0x3f) << 12) | ((u8[pos + 2]! & 0x3f) << 6) | (u8[pos + 3]! & 0x3f)
    );
  return (
    ((u8[pos + 1]! & 0x0f) << 18) | ((u8[pos + 2]! & 0x3f) << 12) | ((u8[pos + 3]! & 0x3f) << 6) | (u8[pos + 4]! & 0x3f)
  );
}

/**
 * Convert arbitrary bytes (e.g. a UTF-8 file) to Emacs's internal encoding:
 * valid UTF-8 sequences become characters, every other byte a raw-byte char.
 * With EXTENDED (GNU's utf-8 and utf-8-emacs decoders) the sequences of characters past Unicode,
 * up to MAX_CHAR (four bytes F4-F7 and five bytes F8), are characters too.
 * Returns the bytes and the character count.
 */
export function decodeUtf8ToInternal(src: Uint8Array, extended = false): { bytes: Uint8Array; nchars: number } {
  const out = new Uint8Array(src.length * 2);
  let o = 0;
  let nchars = 0;
  let i = 0;
  while (i < src.length) {
    const b = src[i]!;
    let c = -1;
    let len = 1;
    if (b < 0x80) c = b;
    else if (b >= 0xc2 && b < 0xe0 && i + 1 < src.length && (src[i + 1]! & 0xc0) === 0x80) {
      c = ((b & 0x1f) << 6) | (src[i + 1]! & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b < 0xf0 && i + 2 < src.length && (src[i + 1]! & 0xc0) === 0x80 && (src[i + 2]! & 0xc0) === 0x80) {
      c = ((b & 0x0f) << 12) | ((src[i + 1]! & 0x3f) << 6) | (src[i + 2]! & 0x3f);
      len = 3;
      if (c < 0x800) c = -1;
    } else if (
      b >= 0xf0 && b < (extended ? 0xf8 : 0xf5) && i + 3 < src.length &&
      (src[i + 1]! & 0xc0) === 0x80 && (src[i + 2]! & 0xc0) === 0x80 && (src[i + 3]! & 0xc0) === 0x80
    ) {
      c = ((b & 0x07) << 18) | ((src[i + 1]! & 0x3f) << 12) | ((src[i + 2]! & 0x3f) << 6) | (src[i + 3]! & 0x3f);
      len = 4;
      if (c < 0x10000 || (!extended && c > MAX_UNICODE_CHAR)) c = -1;
    } else if (extended && b === 0xf8 && i + 4 < src.length && (src[i + 1]! & 0xc0) === 0x80 &&
      (src[i + 2]! & 0xc0) === 0x80 && (src[i + 3]! & 0xc0) === 0x80 && (src[i + 4]! & 0xc0) === 0x80) {
      c = ((src[i + 1]! & 0x0f) << 18) | ((src[i + 2]! & 0x3f) << 12) | ((src[i + 3]! & 0x3f) << 6) | (src[i + 4]! & 0x3f);
      len = 5;
      if (c < 0x200000 || c > MAX_CHAR) c = -1; // up to #x3FFFFF: past MAX_5_BYTE_CHAR, a raw byte's code
    }
    if (c < 0) {
      c = byte8ToChar(b);
      len = 1;
    }
    o += writeChar(out, o, c);
    nchars++;
    i += len;
  }
  return { bytes: out.subarray(0, o), nchars };
}

/** Encode internal bytes for output as UTF-8: raw-byte chars become their byte; others their UTF-8. */
export function internalToExternal(src: Uint8Array, multibyte: boolean): Uint8Array {
  if (!multibyte) return src;
  let needs = false;
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0xc0 || b === 0xc1 || b >= 0xf8) {
      needs = true;
      break;
    }
  }
  if (!needs) return src;
  const out = new Uint8Array(src.length);
  let o = 0;
  for (let i = 0; i < src.length; ) {
    const b = src[i]!;
    const len = charLenAt(b);
    const c = readChar(src, i);
    if (c > MAX_5_BYTE_CHAR) out[o++] = c - BYTE8_BASE;
    else for (let k = 0; k < len; k++) out[o++] = src[i + k]!;
    i += len;
  }
  return out.subarray(0, o);
}
