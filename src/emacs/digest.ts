// Message digests for `secure-hash' and friends: MD5 (RFC 1321), SHA-1 and the SHA-2 family (FIPS 180-4), in plain TypeScript.
//
// Pure code rather than node:crypto so that a browser host needs nothing: Web Crypto's digests
// are asynchronous, which a Lisp primitive cannot wait for. The 64-bit words of SHA-384/512 are
// kept as pairs of 32-bit halves (hi, lo) to stay clear of BigInt on the hot path.

export type DigestName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** The algorithms, in the order `secure-hash-algorithms' lists them. */
export const DIGEST_NAMES: readonly DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** The digest of DATA under ALG, as raw bytes. */
export function digest(alg: DigestName, data: Uint8Array): Uint8Array {
  switch (alg) {
    case 'md5': return md5(data);
    case 'sha1': return sha1(data);
    case 'sha224': return sha256(data, true);
    case 'sha256': return sha256(data, false);
    case 'sha384': return sha512(data, true);
    case 'sha512': return sha512(data, false);
  }
}

/** DATA followed by the Merkle–Damgård padding: 0x80, zeros, and the bit length in LENBYTES bytes. */
function pad(data: Uint8Array, block: number, lenBytes: number, littleEndian: boolean): Uint8Array {
  const n = data.length;
  const total = Math.ceil((n + 1 + lenBytes) / block) * block;
  const out = new Uint8Array(total);
  out.set(data);
  out[n] = 0x80;
  // The bit length can pass 2^32: split it rather than shift a number past 32 bits.
  const lo = (n * 8) >>> 0;
  const hi = Math.floor(n / 0x20000000) >>> 0;
  const dv = new DataView(out.buffer);
  if (littleEndian) {
    dv.setUint32(total - 8, lo, true);
    dv.setUint32(total - 4, hi, true);
  } else {
    dv.setUint32(total - 8, hi, false);
    dv.setUint32(total - 4, lo, false);
  }
  return out;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
const rotr = (x: number, k: number): number => (x >>> k) | (x << (32 - k));

// ---- MD5 -------------------------------------------------------------------------------------

const MD5_K = new Int32Array(64);
for (let i = 0; i < 64; i++) MD5_K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function md5(data: Uint8Array): Uint8Array {
  const m = pad(data, 64, 8, true);
  const dv = new DataView(m.buffer);
  let a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
  const w = new Int32Array(16);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + i * 4, true);
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      const round = i >> 4;
      if (round === 0) { f = (b & c) | (~b & d); g = i; }
      else if (round === 1) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
      else if (round === 2) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); g = (7 * i) & 15; }
      const t = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + MD5_K[i]! + w[g]!) | 0, MD5_S[(round << 2) | (i & 3)]!)) | 0;
      a = t;
    }
    a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  ov.setInt32(0, a0, true); ov.setInt32(4, b0, true); ov.setInt32(8, c0, true); ov.setInt32(12, d0, true);
  return out;
}

// ---- SHA-1 -----------------------------------------------------------------------------------

function sha1(data: Uint8Array): Uint8Array {
  const m = pad(data, 64, 8, false);
  const dv = new DataView(m.buffer);
  const h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0]);
  const w = new Int32Array(80);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + i * 4, false);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    h[0] = h[0]! + a; h[1] = h[1]! + b; h[2] = h[2]! + c; h[3] = h[3]! + d; h[4] = h[4]! + e;
  }
  return bigEndianWords(h, 5);
}

function bigEndianWords(h: Int32Array, n: number): Uint8Array {
  const out = new Uint8Array(n * 4);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < n; i++) ov.setInt32(i * 4, h[i]!, false);
  return out;
}

// ---- SHA-224 / SHA-256 -----------------------------------------------------------------------

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const SHA256_K = new Int32Array(64);
// The 64-bit round constants of SHA-512 (cube roots of the first 80 primes), as hi and lo halves.
const SHA512_KH = new Int32Array(80);
const SHA512_KL = new Int32Array(80);

/** The first N primes. */
function primes(n: number): number[] {
  const out: number[] = [];
  for (let c = 2; out.length < n; c++) if (out.every((p) => c % p !== 0)) out.push(c);
  return out;
}

/**
 * The first 64 bits of the fractional part of P^(1/ROOT), exactly: the integer part of
 * P^(1/ROOT) * 2^64 found by Newton's method on BigInts, since doubles carry only 53 bits.
 */
function fracRootBits(p: number, root: 2 | 3): bigint {
  const target = BigInt(p) << BigInt(64 * root);
  // Integer ROOT-th root of TARGET by Newton's method, which descends monotonically onto the
  // floor of the root when it starts above it: a float estimate with a margin does.
  let x = (BigInt(Math.floor(Math.pow(p, 1 / root) * 2 ** 40)) + 2n) << 24n;
  const r = BigInt(root);
  for (;;) {
    const y = ((r - 1n) * x + target / x ** (r - 1n)) / r;
    if (y >= x) break;
    x = y;
  }
  return x & ((1n << 64n) - 1n);
}

const SHA256_H0 = new Int32Array(8);
const SHA224_H0 = new Int32Array(8);
const SHA512_H0H = new Int32Array(8), SHA512_H0L = new Int32Array(8);
const SHA384_H0H = new Int32Array(8), SHA384_H0L = new Int32Array(8);
let constantsReady = false;

/** Fill the SHA-2 constants, once, on the first SHA-2 digest: start-up never pays for them. */
function sha2Constants(): void {
  if (constantsReady) return;
  constantsReady = true;
  const ps = primes(80);
  for (let i = 0; i < 80; i++) {
    const k = fracRootBits(ps[i]!, 3);
    SHA512_KH[i] = Number(k >> 32n) | 0;
    SHA512_KL[i] = Number(k & 0xffffffffn) | 0;
    if (i < 64) SHA256_K[i] = SHA512_KH[i]!;
  }
  // SHA-256 and SHA-512 start from the square roots of the first 8 primes; SHA-384 from the
  // next 8 (primes 9..16). SHA-224's start is the second half of SHA-384's 64-bit words.
  for (let i = 0; i < 8; i++) {
    const a = fracRootBits(ps[i]!, 2);
    SHA512_H0H[i] = Number(a >> 32n) | 0;
    SHA512_H0L[i] = Number(a & 0xffffffffn) | 0;
    SHA256_H0[i] = SHA512_H0H[i]!;
    const b = fracRootBits(ps[i + 8]!, 2);
    SHA384_H0H[i] = Number(b >> 32n) | 0;
    SHA384_H0L[i] = Number(b & 0xffffffffn) | 0;
    SHA224_H0[i] = SHA384_H0L[i]!;
  }
}

function sha256(data: Uint8Array, is224: boolean): Uint8Array {
  sha2Constants();
  const m = pad(data, 64, 8, false);
  const dv = new DataView(m.buffer);
  const h = new Int32Array(is224 ? SHA224_H0 : SHA256_H0);
  const w = new Int32Array(64);
  for (let off = 0; off < m.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getInt32(off + i * 4, false);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!, y = w[i - 2]!;
      const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
      const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + SHA256_K[i]! + w[i]!) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a; h[1] = h[1]! + b; h[2] = h[2]! + c; h[3] = h[3]! + d;
    h[4] = h[4]! + e; h[5] = h[5]! + f; h[6] = h[6]! + g; h[7] = h[7]! + hh;
  }
  return bigEndianWords(h, is224 ? 7 : 8);
}

// ---- SHA-384 / SHA-512 -----------------------------------------------------------------------

function sha512(data: Uint8Array, is384: boolean): Uint8Array {
  sha2Constants();
  const m = pad(data, 128, 16, false);
  const dv = new DataView(m.buffer);
  const hh = new Int32Array(is384 ? SHA384_H0H : SHA512_H0H);
  const hl = new Int32Array(is384 ? SHA384_H0L : SHA512_H0L);
  const wh = new Int32Array(80), wl = new Int32Array(80);
  // Sums of 64-bit words: add the low halves as unsigned numbers and carry into the high half.
  let carryLo = 0;
  const add = (ah: number, al: number, bh: number, bl: number): number => {
    const lo = (al >>> 0) + (bl >>> 0);
    carryLo = lo | 0;
    return (ah + bh + (lo > 0xffffffff ? 1 : 0)) | 0;
  };
  for (let off = 0; off < m.length; off += 128) {
    for (let i = 0; i < 16; i++) {
      wh[i] = dv.getInt32(off + i * 8, false);
      wl[i] = dv.getInt32(off + i * 8 + 4, false);
    }
    for (let i = 16; i < 80; i++) {
      // σ0 = rotr 1 ^ rotr 8 ^ shr 7; σ1 = rotr 19 ^ rotr 61 ^ shr 6 (on 64-bit words).
      const xh = wh[i - 15]!, xl = wl[i - 15]!;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = wh[i - 2]!, yl = wl[i - 2]!;
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      let th = add(wh[i - 16]!, wl[i - 16]!, s0h, s0l);
      let tl = carryLo;
      th = add(th, tl, wh[i - 7]!, wl[i - 7]!);
      tl = carryLo;
      th = add(th, tl, s1h, s1l);
      wh[i] = th;
      wl[i] = carryLo;
    }
    let ah = hh[0]!, al = hl[0]!, bh = hh[1]!, bl = hl[1]!, ch = hh[2]!, cl = hl[2]!, dh = hh[3]!, dl = hl[3]!;
    let eh = hh[4]!, el = hl[4]!, fh = hh[5]!, fl = hl[5]!, gh = hh[6]!, gl = hl[6]!, h7h = hh[7]!, h7l = hl[7]!;
    for (let i = 0; i < 80; i++) {
      // Σ1(e) = rotr 14 ^ rotr 18 ^ rotr 41; Σ0(a) = rotr 28 ^ rotr 34 ^ rotr 39.
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh), chl = (el & fl) ^ (~el & gl);
      let t1h = add(h7h, h7l, S1h, S1l);
      let t1l = carryLo;
      t1h = add(t1h, t1l, chh, chl); t1l = carryLo;
      t1h = add(t1h, t1l, SHA512_KH[i]!, SHA512_KL[i]!); t1l = carryLo;
      t1h = add(t1h, t1l, wh[i]!, wl[i]!); t1l = carryLo;
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch), majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2h = add(S0h, S0l, majh, majl), t2l = carryLo;
      h7h = gh; h7l = gl; gh = fh; gl = fl; fh = eh; fl = el;
      eh = add(dh, dl, t1h, t1l); el = carryLo;
      dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
      ah = add(t1h, t1l, t2h, t2l); al = carryLo;
    }
    const fold = (i: number, xh: number, xl: number): void => {
      hh[i] = add(hh[i]!, hl[i]!, xh, xl);
      hl[i] = carryLo;
    };
    fold(0, ah, al); fold(1, bh, bl); fold(2, ch, cl); fold(3, dh, dl);
    fold(4, eh, el); fold(5, fh, fl); fold(6, gh, gl); fold(7, h7h, h7l);
  }
  const n = is384 ? 6 : 8;
  const out = new Uint8Array(n * 8);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < n; i++) {
    ov.setInt32(i * 8, hh[i]!, false);
    ov.setInt32(i * 8 + 4, hl[i]!, false);
  }
  return out;
}
