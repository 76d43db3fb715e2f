// The cryptography of GNU gnutls.c without TLS itself: digests, MACs, symmetric ciphers, and GnuTLS's error codes.
//
// GNU hands these to GnuTLS. Here the digests and HMACs are digest.ts's pure code (every host has
// them); the block ciphers are the host's (HostCiphers: node:crypto), and a host without them (a
// browser: Web Crypto cannot answer synchronously) has no ciphers at all, so asking for one gives
// GNU's error for an unknown algorithm. Only what really runs is listed by gnutls-digests,
// gnutls-macs and gnutls-ciphers, each entry in GNU's plist shape with GnuTLS's ids and sizes.
// TLS sessions (gnutls-boot and the functions on a TLS process) need network processes, which
// tsmacs does not have, and are left out.

import { cons, consp, getProp, list, putProp, makeString, makeUnibyteString, stringp, symbolNameJs, symbolp, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFINIT, DEFUN } from '../core/subr.ts';
import { DEFSYM, Qconsp, Qerror, Qnil, Qsymbolp, Qt } from '../core/symbols.ts';
import { intern, internString } from '../core/obarray.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import type { HostCiphers } from '../host/host.ts';
import { bufferp } from './buffer.ts';
import { isInteger, numberValue } from './data.ts';
import { digest, type DigestName } from './digest.ts';
import { clearString } from './fns.ts';
import { objectData } from './fns-buffer.ts';

const Qgnutls_code = DEFSYM('gnutls-code');
const Qgnutls_digest_algorithm = DEFSYM('gnutls-digest-algorithm');
const Qgnutls_mac_algorithm = DEFSYM('gnutls-mac-algorithm');
const Qgnutls_symmetric_cipher = DEFSYM('gnutls-symmetric-cipher');
const QCtype = DEFSYM(':type');
const QCdigest_algorithm_id = DEFSYM(':digest-algorithm-id');
const QCdigest_algorithm_length = DEFSYM(':digest-algorithm-length');
const QCmac_algorithm_id = DEFSYM(':mac-algorithm-id');
const QCmac_algorithm_length = DEFSYM(':mac-algorithm-length');
const QCmac_algorithm_keysize = DEFSYM(':mac-algorithm-keysize');
const QCmac_algorithm_noncesize = DEFSYM(':mac-algorithm-noncesize');
const QCcipher_id = DEFSYM(':cipher-id');
const QCcipher_aead_capable = DEFSYM(':cipher-aead-capable');
const QCcipher_tagsize = DEFSYM(':cipher-tagsize');
const QCcipher_blocksize = DEFSYM(':cipher-blocksize');
const QCcipher_keysize = DEFSYM(':cipher-keysize');
const QCcipher_ivsize = DEFSYM(':cipher-ivsize');
const Qgnutls_e_again = DEFSYM('gnutls-e-again');
const Qgnutls_e_interrupted = DEFSYM('gnutls-e-interrupted');
const Qgnutls_e_invalid_session = DEFSYM('gnutls-e-invalid-session');
const Qgnutls_e_not_ready_for_handshake = DEFSYM('gnutls-e-not-ready-for-handshake');

DEFINIT((rt) => {
  // The four error symbols GNU defines, each carrying GnuTLS's number.
  putProp(rt, Qgnutls_e_again, Qgnutls_code, makeFixnum(-28));
  putProp(rt, Qgnutls_e_interrupted, Qgnutls_code, makeFixnum(-52));
  putProp(rt, Qgnutls_e_invalid_session, Qgnutls_code, makeFixnum(-10));
  putProp(rt, Qgnutls_e_not_ready_for_handshake, Qgnutls_code, makeFixnum(-65500));
});

const fail = (rt: Runtime, message: string, ...data: number[]): never =>
  xsignal(Qerror, list(rt, makeString(rt, message), ...data));

// ---- the algorithms ----------------------------------------------------------------------------

interface Digest { name: string; id: number; alg: DigestName; size: number; block: number }

// The tables below are made at their first use, not by the module body: their 230-odd object
// literals and the error map's entries cost about 0.25 ms of every start there (made by V8's
// runtime, cold), and as functions their literals stay out of the code cache (docs/startup.md).

/** The digests we compute, in the order GnuTLS lists them. */
const digestTable = (): readonly Digest[] => [
  { name: 'MD5', id: 2, alg: 'md5', size: 16, block: 64 },
  { name: 'SHA224', id: 9, alg: 'sha224', size: 28, block: 64 },
  { name: 'SHA512', id: 8, alg: 'sha512', size: 64, block: 128 },
  { name: 'SHA384', id: 7, alg: 'sha384', size: 48, block: 128 },
  { name: 'SHA256', id: 6, alg: 'sha256', size: 32, block: 64 },
  { name: 'SHA1', id: 3, alg: 'sha1', size: 20, block: 64 },
];

interface Mac { name: string; id: number; size: number; keySize: number; hmac?: Digest; cmacKey?: number }

const macTable = (digests: readonly Digest[]): readonly Mac[] => [
  { name: 'AES-CMAC-256', id: 204, size: 16, keySize: 32, cmacKey: 32 },
  { name: 'AES-CMAC-128', id: 203, size: 16, keySize: 16, cmacKey: 16 },
  ...(['MD5', 'SHA224', 'SHA512', 'SHA384', 'SHA256', 'SHA1'] as const).map((n) => {
    const d = digests.find((x) => x.name === n)!;
    return { name: n, id: d.id, size: d.size, keySize: d.size, hmac: d };
  }),
];

/** How a cipher is run: an OpenSSL cipher of the host, or one of the constructions below. */
type Engine =
  | { kind: 'host'; name: string }
  | { kind: 'xts'; ecb: string }
  | { kind: 'chacha'; counterBits: 32 | 64 }
  | { kind: 'rc4' };

interface Cipher { name: string; id: number; aead: boolean; tag: number; block: number; key: number; iv: number; engine: Engine }

const host = (name: string): Engine => ({ kind: 'host', name });

/** The ciphers we can run (given the host's), in the order GnuTLS lists them. */
const cipherTable = (): readonly Cipher[] => [
  { name: '3DES-CBC', id: 3, aead: false, tag: 0, block: 8, key: 24, iv: 8, engine: host('des-ede3-cbc') },
  { name: 'AES-256-XTS', id: 33, aead: false, tag: 0, block: 16, key: 64, iv: 16, engine: { kind: 'xts', ecb: 'aes-256-ecb' } },
  { name: 'AES-128-XTS', id: 32, aead: false, tag: 0, block: 16, key: 32, iv: 16, engine: { kind: 'xts', ecb: 'aes-128-ecb' } },
  { name: 'AES-256-CFB8', id: 31, aead: false, tag: 0, block: 16, key: 32, iv: 16, engine: host('aes-256-cfb8') },
  { name: 'AES-192-CFB8', id: 30, aead: false, tag: 0, block: 16, key: 24, iv: 16, engine: host('aes-192-cfb8') },
  { name: 'AES-128-CFB8', id: 29, aead: false, tag: 0, block: 16, key: 16, iv: 16, engine: host('aes-128-cfb8') },
  { name: 'CHACHA20-POLY1305', id: 23, aead: true, tag: 16, block: 64, key: 32, iv: 12, engine: host('chacha20-poly1305') },
  { name: 'CAMELLIA-128-CBC', id: 7, aead: false, tag: 0, block: 16, key: 16, iv: 16, engine: host('camellia-128-cbc') },
  { name: 'CAMELLIA-192-CBC', id: 12, aead: false, tag: 0, block: 16, key: 24, iv: 16, engine: host('camellia-192-cbc') },
  { name: 'CAMELLIA-256-CBC', id: 8, aead: false, tag: 0, block: 16, key: 32, iv: 16, engine: host('camellia-256-cbc') },
  { name: 'CHACHA20-64', id: 35, aead: false, tag: 0, block: 64, key: 32, iv: 16, engine: { kind: 'chacha', counterBits: 64 } },
  { name: 'CHACHA20-32', id: 36, aead: false, tag: 0, block: 64, key: 32, iv: 16, engine: { kind: 'chacha', counterBits: 32 } },
  { name: 'ARCFOUR-128', id: 2, aead: false, tag: 0, block: 1, key: 16, iv: 0, engine: { kind: 'rc4' } },
  { name: 'AES-256-CCM-8', id: 22, aead: true, tag: 8, block: 16, key: 32, iv: 12, engine: host('aes-256-ccm') },
  { name: 'AES-128-CCM-8', id: 21, aead: true, tag: 8, block: 16, key: 16, iv: 12, engine: host('aes-128-ccm') },
  { name: 'AES-256-CCM', id: 20, aead: true, tag: 16, block: 16, key: 32, iv: 12, engine: host('aes-256-ccm') },
  { name: 'AES-128-CCM', id: 19, aead: true, tag: 16, block: 16, key: 16, iv: 12, engine: host('aes-128-ccm') },
  { name: 'AES-256-GCM', id: 11, aead: true, tag: 16, block: 16, key: 32, iv: 12, engine: host('aes-256-gcm') },
  { name: 'AES-192-GCM', id: 39, aead: true, tag: 16, block: 16, key: 24, iv: 12, engine: host('aes-192-gcm') },
  { name: 'AES-128-GCM', id: 10, aead: true, tag: 16, block: 16, key: 16, iv: 12, engine: host('aes-128-gcm') },
  { name: 'AES-128-CBC', id: 4, aead: false, tag: 0, block: 16, key: 16, iv: 16, engine: host('aes-128-cbc') },
  { name: 'AES-192-CBC', id: 9, aead: false, tag: 0, block: 16, key: 24, iv: 16, engine: host('aes-192-cbc') },
  { name: 'AES-256-CBC', id: 5, aead: false, tag: 0, block: 16, key: 32, iv: 16, engine: host('aes-256-cbc') },
];

let algorithms: { digests: readonly Digest[]; macs: readonly Mac[]; ciphers: readonly Cipher[] } | null = null;
/** The three tables, made at the first call. */
function algorithmTables(): { digests: readonly Digest[]; macs: readonly Mac[]; ciphers: readonly Cipher[] } {
  if (algorithms === null) {
    const digests = digestTable();
    algorithms = { digests, macs: macTable(digests), ciphers: cipherTable() };
  }
  return algorithms;
}

function cipherRuns(h: HostCiphers | undefined, c: Cipher): boolean {
  switch (c.engine.kind) {
    case 'rc4': return true;
    case 'host': return h !== undefined && h.has(c.engine.name);
    case 'xts': return h !== undefined && h.has(c.engine.ecb);
    case 'chacha': return h !== undefined && h.has('chacha20');
  }
}

const macRuns = (h: HostCiphers | undefined, m: Mac): boolean =>
  m.hmac !== undefined || (h !== undefined && h.has(m.cmacKey === 32 ? 'aes-256-cbc' : 'aes-128-cbc'));

/**
 * The entry METHOD names, or null: a symbol or string naming it exactly, its GnuTLS id, or a
 * plist giving the id under ID_KEY (as the entries of gnutls-ciphers hold it, :cipher-id).
 */
function lookup<T extends { name: string; id: number }>(rt: Runtime, method: number, idKey: number, table: readonly T[], usable: (x: T) => boolean): T | null {
  let found: T | undefined;
  let id = method;
  if (consp(method)) {
    id = Qnil;
    // A circular plist ends the search where it comes round again (GNU: not found).
    let slow = method;
    for (let tail = method; consp(tail) && consp(xcdr(rt, tail)); tail = xcdr(rt, xcdr(rt, tail))) {
      if (xcar(rt, tail) === idKey) {
        id = xcar(rt, xcdr(rt, tail));
        break;
      }
      slow = xcdr(rt, slow);
      if (xcdr(rt, xcdr(rt, tail)) === slow) break;
    }
  }
  if (symbolp(method)) {
    const name = symbolNameJs(rt, method);
    found = table.find((x) => x.name === name);
  } else if (isFixnum(id)) {
    const n = fixnumValue(id);
    found = table.find((x) => x.id === n);
  }
  return found !== undefined && usable(found) ? found : null;
}

/** METHOD, a string made a symbol, as GNU looks it up and names it in its errors. */
const methodArg = (rt: Runtime, method: number): number => (stringp(method) ? internString(rt, method) : method);

// ---- inputs ------------------------------------------------------------------------------------

/**
 * The bytes an input argument stands for: a string, a buffer, or a list (OBJECT START END
 * CODING-SYSTEM NOERROR) as for `secure-hash' and `md5', OBJECT being a string, a buffer or
 * `iv-auto' (START random bytes).
 */
function inputBytes(rt: Runtime, x: number, fromStringStart = false): Uint8Array {
  if (stringp(x) || bufferp(rt, x)) return objectData(rt, x, Qnil, Qnil, Qnil);
  if (!consp(x)) wrongTypeArgument(rt, Qconsp, x);
  const parts: number[] = [];
  let tail = x;
  for (let i = 0; i < 4; i++) {
    parts.push(consp(tail) ? xcar(rt, tail) : Qnil);
    tail = consp(tail) ? xcdr(rt, tail) : Qnil;
  }
  const [object, start, end, coding] = parts as [number, number, number, number];
  const part = objectData(rt, object, start, end, coding);
  // GNU's ciphers take a substring's length but read it from the string's first byte: a
  // (STRING START END) key, IV or input gives the START-END bytes at the front of STRING.
  if (fromStringStart && stringp(object)) return objectData(rt, object, Qnil, Qnil, coding).slice(0, part.length);
  return part;
}

const bytesOf = (rt: Runtime, b: Uint8Array): number => makeUnibyteString(rt, b);

// ---- MACs and ciphers built on the host's ------------------------------------------------------

function hmac(d: Digest, key: Uint8Array, data: Uint8Array): Uint8Array {
  let k = key.length > d.block ? digest(d.alg, key) : key;
  const padded = new Uint8Array(d.block);
  padded.set(k);
  k = padded;
  const inner = new Uint8Array(d.block + data.length);
  const outer = new Uint8Array(d.block + d.size);
  for (let i = 0; i < d.block; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(data, d.block);
  outer.set(digest(d.alg, inner), d.block);
  return digest(d.alg, outer);
}

/** Multiply a 128-bit block by x in GF(2^128), big-endian (CMAC's subkey doubling). */
function doubleBlock(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i]! << 1) | (i < 15 ? b[i + 1]! >> 7 : 0)) & 0xff;
  if (b[0]! & 0x80) out[15]! ^= 0x87;
  return out;
}

/** AES-CMAC (RFC 4493) over CBC runs of the host's AES. */
function cmac(h: HostCiphers, key: Uint8Array, data: Uint8Array): Uint8Array {
  const cbc = key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc';
  const zero = new Uint8Array(16);
  const l = h.run({ name: cbc, key, iv: zero, data: zero, decrypt: false })!;
  const k1 = doubleBlock(l);
  const whole = data.length > 0 && data.length % 16 === 0;
  const n = whole ? data.length : (Math.floor(data.length / 16) + 1) * 16;
  const msg = new Uint8Array(n);
  msg.set(data);
  if (!whole) msg[data.length] = 0x80;
  const sub = whole ? k1 : doubleBlock(k1);
  for (let i = 0; i < 16; i++) msg[n - 16 + i]! ^= sub[i]!;
  const chained = h.run({ name: cbc, key, iv: zero, data: msg, decrypt: false })!;
  return chained.slice(n - 16);
}

/** XTS over the host's AES in ECB mode (OpenSSL's own XTS refuses equal key halves; GnuTLS does not). */
function xts(h: HostCiphers, ecb: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
  const half = key.length / 2;
  let tweak = h.run({ name: ecb, key: key.slice(half), iv: null, data: iv, decrypt: false })!;
  const masks = new Uint8Array(data.length);
  for (let off = 0; off < data.length; off += 16) {
    masks.set(tweak, off);
    const next = new Uint8Array(16);
    for (let i = 0; i < 16; i++) next[i] = ((tweak[i]! << 1) | (i > 0 ? tweak[i - 1]! >> 7 : 0)) & 0xff;
    if (tweak[15]! & 0x80) next[0]! ^= 0x87;
    tweak = next;
  }
  const pre = data.map((b, i) => b ^ masks[i]!);
  const mid = h.run({ name: ecb, key: key.slice(0, half), iv: null, data: pre, decrypt })!;
  return mid.map((b, i) => b ^ masks[i]!);
}

/**
 * ChaCha20 with a 16-byte IV whose first four bytes are the block counter (little-endian).
 * OpenSSL carries a counter overflow into the next word, as GnuTLS's CHACHA20-64 does; its
 * CHACHA20-32 wraps the counter to 0 instead, so that input is run in two parts.
 */
function chacha(h: HostCiphers, bits: 32 | 64, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const counter = (iv[0]! | (iv[1]! << 8) | (iv[2]! << 16) | (iv[3]! << 24)) >>> 0;
  const blocks = Math.ceil(data.length / 64);
  const before = 2 ** 32 - counter;
  if (bits === 64 || blocks <= before) return h.run({ name: 'chacha20', key, iv, data, decrypt: false })!;
  const split = before * 64;
  const restart = iv.slice();
  restart.fill(0, 0, 4);
  const out = new Uint8Array(data.length);
  out.set(h.run({ name: 'chacha20', key, iv, data: data.subarray(0, split), decrypt: false })!);
  out.set(h.run({ name: 'chacha20', key, iv: restart, data: data.subarray(split), decrypt: false })!, split);
  return out;
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

// ---- primitives --------------------------------------------------------------------------------

DEFUN('gnutls-available-p', 0, 0, 'List what of GnuTLS\'s cryptography this Emacs offers: `digests\' and `macs\', and `ciphers\' and `AEAD-ciphers\' where the host has ciphers.\nTLS itself (`gnutls\') is not among them.',
  (rt) => {
    const h = rt.host.ciphers;
    const caps = ['macs'];
    if (algorithmTables().ciphers.some((c) => c.aead && cipherRuns(h, c))) caps.push('AEAD-ciphers');
    if (algorithmTables().ciphers.some((c) => cipherRuns(h, c))) caps.push('ciphers');
    caps.push('digests');
    return list(rt, ...caps.map((n) => intern(rt, n)));
  });

DEFUN('gnutls-digests', 0, 0, 'List the digest algorithms `gnutls-hash-digest\' takes, each (NAME . PLIST) with its GnuTLS id and output length.',
  (rt) => list(rt, ...algorithmTables().digests.map((d) => cons(rt, intern(rt, d.name), list(rt,
    QCdigest_algorithm_id, makeFixnum(d.id), QCtype, Qgnutls_digest_algorithm, QCdigest_algorithm_length, makeFixnum(d.size))))));

DEFUN('gnutls-macs', 0, 0, 'List the MAC algorithms `gnutls-hash-mac\' takes, each (NAME . PLIST) with its GnuTLS id and its output, key and nonce sizes.',
  (rt) => {
    const h = rt.host.ciphers;
    return list(rt, ...algorithmTables().macs.filter((m) => macRuns(h, m)).map((m) => cons(rt, intern(rt, m.name), list(rt,
      QCmac_algorithm_id, makeFixnum(m.id), QCtype, Qgnutls_mac_algorithm, QCmac_algorithm_length, makeFixnum(m.size),
      QCmac_algorithm_keysize, makeFixnum(m.keySize), QCmac_algorithm_noncesize, makeFixnum(0)))));
  });

DEFUN('gnutls-ciphers', 0, 0, 'List the ciphers `gnutls-symmetric-encrypt\' takes, each (NAME . PLIST) with its GnuTLS id, whether it is AEAD, and its sizes.',
  (rt) => {
    const h = rt.host.ciphers;
    return list(rt, ...algorithmTables().ciphers.filter((c) => cipherRuns(h, c)).map((c) => cons(rt, intern(rt, c.name), list(rt,
      QCcipher_id, makeFixnum(c.id), QCtype, Qgnutls_symmetric_cipher, QCcipher_aead_capable, c.aead ? Qt : Qnil,
      QCcipher_tagsize, makeFixnum(c.tag), QCcipher_blocksize, makeFixnum(c.block), QCcipher_keysize, makeFixnum(c.key),
      QCcipher_ivsize, makeFixnum(c.iv)))));
  });

DEFUN('gnutls-hash-digest', 2, 2, 'Give the DIGEST-METHOD digest of INPUT as a unibyte string of raw bytes.\nDIGEST-METHOD is a name from `gnutls-digests\' (symbol or string) or its id; INPUT is a string, a buffer, or a list (OBJECT START END CODING-SYSTEM NOERROR).',
  (rt, methodIn: number, input: number) => {
    const method = methodArg(rt, methodIn);
    const d = lookup(rt, method, QCdigest_algorithm_id, algorithmTables().digests, () => true);
    if (d === null) return fail(rt, 'GnuTLS digest-method is invalid or not found', method);
    return bytesOf(rt, digest(d.alg, inputBytes(rt, input)));
  });

DEFUN('gnutls-hash-mac', 3, 3, 'Give the HASH-METHOD MAC of INPUT under KEY as a unibyte string of raw bytes; a string KEY is zeroed afterwards.\nHASH-METHOD is a name from `gnutls-macs\' or its id; KEY and INPUT are strings, buffers, or lists (OBJECT START END CODING-SYSTEM NOERROR).',
  (rt, methodIn: number, key: number, input: number) => {
    const h = rt.host.ciphers;
    const method = methodArg(rt, methodIn);
    const m = lookup(rt, method, QCmac_algorithm_id, algorithmTables().macs, (x) => macRuns(h, x));
    if (m === null) return fail(rt, 'GnuTLS MAC-method is invalid or not found', method);
    const k = inputBytes(rt, key);
    const data = inputBytes(rt, input);
    let out: Uint8Array;
    if (m.hmac !== undefined) out = hmac(m.hmac, k, data);
    else {
      // GnuTLS aborts the whole process on an AES key of the wrong size; an error is kinder.
      if (k.length !== m.cmacKey) fail(rt, `GnuTLS MAC ${m.name} key length ${k.length} is not equal to the required ${m.cmacKey}`);
      out = cmac(h!, k, data);
    }
    if (stringp(key)) clearString(rt, key);
    return bytesOf(rt, out);
  });

function symmetric(rt: Runtime, decrypt: boolean, methodIn: number, key: number, iv: number, input: number, aad: number): number {
  const h = rt.host.ciphers;
  const method = methodArg(rt, methodIn);
  const c = lookup(rt, method, QCcipher_id, algorithmTables().ciphers, (x) => cipherRuns(h, x));
  if (c === null) return fail(rt, 'GnuTLS cipher is invalid or not found', method);
  const what = `${c.name}/${decrypt ? 'decrypt' : 'encrypt'}`;
  const k = inputBytes(rt, key, true);
  if (k.length !== c.key) fail(rt, `GnuTLS cipher ${what} key length ${k.length} is not equal to the required ${c.key}`);
  const v = inputBytes(rt, iv, true);
  if (v.length !== c.iv) fail(rt, `GnuTLS cipher ${what} IV length ${v.length} is not equal to the required ${c.iv}`);
  const data = inputBytes(rt, input, true);
  let out: Uint8Array;
  if (c.aead) {
    const extra = decrypt ? c.tag : 0;
    if (data.length < extra || (data.length - extra) % c.block !== 0)
      fail(rt, `GnuTLS AEAD cipher ${what} input block length ${data.length} is not ${extra} greater than a multiple of the required ${c.block}`);
    const a = aad === Qnil ? new Uint8Array(0) : inputBytes(rt, aad, true);
    const name = (c.engine as { name: string }).name;
    if (decrypt) {
      const body = data.subarray(0, data.length - c.tag);
      const plain = h!.run({ name, key: k, iv: v, data: body, decrypt, aad: a, tagLength: c.tag, tag: data.subarray(data.length - c.tag) });
      if (plain === null) return fail(rt, `GnuTLS AEAD cipher ${c.name} decryption failed: Decryption has failed.`);
      out = plain;
    } else out = h!.run({ name, key: k, iv: v, data, decrypt, aad: a, tagLength: c.tag })!;
  } else {
    if (data.length % c.block !== 0)
      fail(rt, `GnuTLS cipher ${what} input block length ${data.length} is not a multiple of the required ${c.block}`);
    const e = c.engine;
    if (e.kind === 'rc4') out = rc4(k, data);
    else if (e.kind === 'xts') out = xts(h!, e.ecb, k, v, data, decrypt);
    else if (e.kind === 'chacha') out = chacha(h!, e.counterBits, k, v, data);
    else out = h!.run({ name: e.name, key: k, iv: v, data, decrypt })!;
  }
  if (stringp(key)) clearString(rt, key);
  return list(rt, bytesOf(rt, out), bytesOf(rt, v));
}

DEFUN('gnutls-symmetric-encrypt', 4, 5, 'Encrypt INPUT with CIPHER under KEY and IV, giving (CIPHERTEXT IV); a string KEY is zeroed afterwards.\nCIPHER is a name from `gnutls-ciphers\' or its id; KEY, IV, INPUT and an AEAD cipher\'s AEAD_AUTH are strings, buffers, or lists (OBJECT START END CODING-SYSTEM NOERROR), `(iv-auto N)\' giving N random bytes.',
  (rt, cipher: number, key: number, iv: number, input: number, aad: number) => symmetric(rt, false, cipher, key, iv, input, aad));

DEFUN('gnutls-symmetric-decrypt', 4, 5, 'Decrypt INPUT with CIPHER under KEY and IV, giving (PLAINTEXT IV); a string KEY is zeroed afterwards.\nThe arguments are those of `gnutls-symmetric-encrypt\'; an AEAD cipher\'s INPUT ends with its tag, which must verify.',
  (rt, cipher: number, key: number, iv: number, input: number, aad: number) => symmetric(rt, true, cipher, key, iv, input, aad));

// ---- error codes -------------------------------------------------------------------------------

/**
 * GnuTLS's error codes that have a message or whose fatality is not the default (negative codes
 * fatal): [code, message or null for "(unknown error code)", 1 when the fatality is the other one].
 */
const errorTable = (): readonly (readonly [number, string | null, 1?])[] => [
  [0, 'Success.'],
  [-3, 'Could not negotiate a supported compression method.'],
  [-6, 'The cipher type is unsupported.'],
  [-7, 'The transmitted packet is too large (EMSGSIZE).', 1],
  [-8, 'A packet with illegal or unsupported version was received.'],
  [-9, 'Error decoding the received TLS packet.'],
  [-10, 'The specified session has been invalidated for some reason.'],
  [-12, 'A TLS fatal alert has been received.'],
  [-15, 'An unexpected TLS packet was received.'],
  [-16, 'A TLS warning alert has been received.', 1],
  [-18, 'An error was encountered at the TLS Finished packet calculation.'],
  [-19, 'An unexpected TLS handshake packet was received.'],
  [-21, 'Could not negotiate a supported cipher suite.'],
  [-22, 'An algorithm that is not enabled was negotiated.'],
  [-23, 'The scanning of a large integer has failed.'],
  [-24, 'Decryption has failed.'],
  [-25, 'Internal error in memory allocation.'],
  [-26, 'Decompression of the TLS record packet has failed.'],
  [-27, 'Compression of the TLS record packet has failed.'],
  [-28, 'Resource temporarily unavailable, try again.', 1],
  [-29, 'The session or certificate has expired.'],
  [-30, 'Error in Database backend.'],
  [-31, 'Error in password/key file.'],
  [-32, 'Insufficient credentials for that request.'],
  [-33, 'Hashing has failed.'],
  [-34, 'Base64 decoding error.'],
  [-35, 'Could not export a large integer.'],
  [-37, 'Rehandshake was requested by the peer.', 1],
  [-38, 'TLS Application data were received, while expecting handshake data.'],
  [-39, 'The upper limit of record packet sequence numbers has been reached. Wow!'],
  [-40, 'Encryption has failed.'],
  [-43, 'Error in the certificate.'],
  [-44, 'Public key encryption has failed.'],
  [-45, 'Public key decryption has failed.'],
  [-46, 'Public key signing has failed.'],
  [-47, 'Unsupported critical extension in X.509 certificate.'],
  [-48, 'Key usage violation in certificate has been detected.'],
  [-49, 'No certificate was found.'],
  [-50, 'The request is invalid.'],
  [-51, 'The given memory buffer is too short to hold parameters.'],
  [-52, 'Function was interrupted.', 1],
  [-53, 'Error in the push function.'],
  [-54, 'Error in the pull function.'],
  [-55, 'An illegal parameter has been received.'],
  [-56, 'The requested data were not available.'],
  [-57, 'Wrong padding in PKCS1 packet.'],
  [-58, 'An illegal TLS extension was received.'],
  [-59, 'GnuTLS internal error.'],
  [-60, 'The certificate and the given key do not match.'],
  [-61, 'The certificate type is not supported.'],
  [-62, 'Unknown Subject Alternative name in X.509 certificate.'],
  [-63, 'The Diffie-Hellman prime sent by the server is not acceptable (not long enough).'],
  [-64, 'Error while reading file.'],
  [-67, 'ASN1 parser: Element was not found.'],
  [-68, 'ASN1 parser: Identifier was not found'],
  [-69, 'ASN1 parser: Error in DER parsing.'],
  [-70, 'ASN1 parser: Value was not found.'],
  [-71, 'ASN1 parser: Generic parsing error.'],
  [-72, 'ASN1 parser: Value is not valid.'],
  [-73, 'ASN1 parser: Error in TAG.'],
  [-74, 'ASN1 parser: error in implicit tag'],
  [-75, 'ASN1 parser: Error in type \'ANY\'.'],
  [-76, 'ASN1 parser: Syntax error.'],
  [-77, 'ASN1 parser: Overflow in DER parsing.'],
  [-78, 'Too many empty record packets have been received.'],
  [-79, 'The OpenPGP User ID is revoked.'],
  [-80, 'An unknown public key algorithm was encountered.'],
  [-81, 'Too many handshake packets have been received.'],
  [-82, 'A disallowed SNI server name has been received.'],
  [-84, 'No temporary RSA parameters were found.'],
  [-86, 'No supported compression algorithms have been found.'],
  [-87, 'No supported cipher suites have been found.'],
  [-88, 'Could not get OpenPGP key.'],
  [-89, 'Public key signature verification has failed.'],
  [-90, 'The SRP username supplied is illegal.'],
  [-91, 'Parsing error in password/key file.'],
  [-93, 'No temporary DH parameters were found.'],
  [-94, 'The OpenPGP fingerprint is not supported.'],
  [-95, 'The certificate has unsupported attributes.'],
  [-96, 'The hash algorithm is unknown.'],
  [-97, 'The PKCS structure\'s content type is unknown.'],
  [-98, 'The PKCS structure\'s bag type is unknown.'],
  [-99, 'The given password contains invalid characters.'],
  [-100, 'The Message Authentication Code verification failed.'],
  [-101, 'Some constraint limits were reached.'],
  [-104, 'Verifying TLS/IA phase checksum failed'],
  [-105, 'The specified algorithm or protocol is unknown.'],
  [-106, 'The signature algorithm is not supported.'],
  [-107, 'Safe renegotiation failed.'],
  [-108, 'Unsafe renegotiation denied.'],
  [-109, 'The username supplied is unknown.'],
  [-110, 'The TLS connection was non-properly terminated.'],
  [-111, 'CIDR name constraint is malformed in size or structure.'],
  [-112, 'Certificate is required.'],
  [-201, 'Base64 encoding error.'],
  [-202, 'The crypto library version is too old.'],
  [-203, 'The tasn1 library version is too old.'],
  [-204, 'Error loading the keyring.'],
  [-205, 'The OID is not supported.'],
  [-206, 'Failed to acquire random data.'],
  [-207, 'Base64 unexpected header error.'],
  [-208, 'Could not find OpenPGP subkey.'],
  [-209, 'There is already a crypto algorithm with lower priority.'],
  [-210, 'The handshake data size is too large.'],
  [-211, 'Error interfacing with /dev/crypto'],
  [-212, 'Error opening /dev/crypto'],
  [-213, 'Channel binding data not available'],
  [-214, 'The cookie was bad.'],
  [-215, 'The OpenPGP key has not a preferred key set.'],
  [-216, 'The given DSA key is incompatible with the selected TLS protocol.'],
  [-217, 'One of the involved algorithms has insufficient security level.'],
  [-292, 'A heartbeat pong message was received.', 1],
  [-293, 'A heartbeat ping message was received.', 1],
  [-294, 'The SNI host name not recognised.'],
  [-300, 'PKCS #11 error.'],
  [-301, 'PKCS #11 initialization error.'],
  [-302, 'Error in parsing.'],
  [-303, 'Error in provided PIN.'],
  [-305, 'PKCS #11 error in slot'],
  [-306, 'Thread locking error'],
  [-307, 'PKCS #11 error in attribute'],
  [-308, 'PKCS #11 error in device'],
  [-309, 'PKCS #11 error in data'],
  [-310, 'PKCS #11 unsupported feature'],
  [-311, 'PKCS #11 error in key'],
  [-312, 'PKCS #11 PIN expired'],
  [-313, 'PKCS #11 PIN locked'],
  [-314, 'PKCS #11 error in session'],
  [-315, 'PKCS #11 error in signature'],
  [-316, 'PKCS #11 error in token'],
  [-317, 'PKCS #11 user error'],
  [-318, 'The initialization of crypto backend has failed.'],
  [-319, 'The operation timed out'],
  [-320, 'The operation was cancelled due to user error'],
  [-321, 'No supported ECC curves were found'],
  [-322, 'The curve is unsupported'],
  [-323, 'The requested PKCS #11 object is not available'],
  [-324, 'The provided X.509 certificate list is not sorted (in subject to issuer order)'],
  [-325, 'An illegal parameter was found.'],
  [-326, 'No or insufficient priorities were set.'],
  [-327, 'Unsupported extension in X.509 certificate.'],
  [-328, 'Peer has terminated the connection'],
  [-329, 'TPM error.'],
  [-330, 'Error in provided password for key to be loaded in TPM.'],
  [-331, 'Error in provided SRK password for TPM.'],
  [-332, 'Cannot initialize a session with the TPM.'],
  [-333, 'TPM key was not found in persistent storage.'],
  [-334, 'TPM is not initialized.'],
  [-335, 'The TPM library (trousers) cannot be found.'],
  [-340, 'There is no certificate status (OCSP).'],
  [-341, 'The OCSP response is invalid'],
  [-342, 'Error in the system\'s randomness device.'],
  [-343, 'Could not authenticate peer.'],
  [-344, 'No common application protocol could be negotiated.'],
  [-345, 'Error in sockets initialization.'],
  [-346, 'Failed to import the key into store.'],
  [-347, 'A connection with inappropriate fallback was attempted.'],
  [-348, 'Error in the certificate verification.'],
  [-349, 'Error in the private key verification; seed doesn\'t match.'],
  [-350, 'Invalid TLS extensions length field.'],
  [-351, 'The provided string has an embedded null.'],
  [-400, 'Error while performing self checks.'],
  [-401, 'There is no self test for this algorithm.'],
  [-402, 'An error has been detected in the library and cannot continue operations.'],
  [-403, 'Error in public key generation.'],
  [-404, 'There was an issue converting to or from UTF8.'],
  [-406, 'Peer\'s certificate or username has changed during a rehandshake.'],
  [-407, 'Attempted handshake during false start.'],
  [-408, 'Cannot perform this action while handshake is in progress.'],
  [-409, 'The public key is invalid.'],
  [-410, 'The private key is invalid.'],
  [-411, 'The certificate is not yet activated.'],
  [-412, 'The given string contains invalid UTF-8 characters.'],
  [-413, 'There are no embedded data in the structure.'],
  [-414, 'The given email string contains non-ASCII characters before \'@\'.'],
  [-415, 'The given password contains invalid characters.'],
  [-416, 'Error in the time fields of certificate.'],
  [-417, 'A TLS record packet with invalid length was received.'],
  [-418, 'The DER time encoding is invalid.'],
  [-419, 'The signature is incompatible with the public key.'],
  [-420, 'The public key parameters are invalid.'],
  [-421, 'There are no validation parameters present.'],
  [-422, 'The OCSP response provided doesn\'t match the available certificates'],
  [-423, 'No common key share with peer.'],
  [-424, 'Re-authentication was requested by the peer.', 1],
  [-425, 'More than a single object matches the criteria.'],
  [-426, 'Error in the CRL verification.'],
  [-427, 'An required TLS extension was received.'],
  [-428, 'The Database entry already exists.'],
  [-429, 'The early data were rejected.'],
  [-430, 'Duplicate extension in X.509 certificate.'],
  [-1250, 'An unimplemented or disabled feature has been requested.'],
];

let errors: Map<number, { msg: string | null; fatal: boolean }> | null = null;
/** The error codes' messages and fatality by code, made at the first call. */
const errorInfo = (code: number): { msg: string | null; fatal: boolean } | undefined =>
  (errors ??= new Map(errorTable().map(([c, msg, odd]) => [c, { msg, fatal: (c < 0) !== (odd === 1) }]))).get(code);

/** ERR as a GnuTLS code: t is no error (null); a symbol's `gnutls-code'; an int. */
function errorCode(rt: Runtime, err: number): number | null | string {
  if (err === Qt) return null;
  if (symbolp(err)) {
    const code = getProp(rt, err, Qgnutls_code);
    return isFixnum(code) ? fixnumValue(code) : 'Symbol has no numeric gnutls-code property';
  }
  if (isInteger(rt, err)) {
    const n = numberValue(rt, err);
    if (n >= -(2 ** 31) && n < 2 ** 31) return n;
  }
  return 'Not an error symbol or code';
}

DEFUN('gnutls-error-string', 1, 1, 'Give GnuTLS\'s description of the error ERROR, a code or an error symbol; t is no error.', (rt, err: number) => {
  const code = errorCode(rt, err);
  if (code === null) return makeString(rt, 'Not an error');
  if (typeof code === 'string') return makeString(rt, code);
  return makeString(rt, errorInfo(code)?.msg ?? '(unknown error code)');
});

DEFUN('gnutls-errorp', 1, 1, 'Say whether ERROR stands for a GnuTLS problem: anything but t does.', (_rt, err: number) => (err === Qt ? Qnil : Qt));

DEFUN('gnutls-error-fatalp', 1, 1, 'Say whether the GnuTLS error ERROR, a code or an error symbol, is fatal; t is no error.', (rt, err: number) => {
  const code = errorCode(rt, err);
  if (code === null) return Qnil;
  if (typeof code === 'string') return fail(rt, code);
  return (errorInfo(code)?.fatal ?? code < 0) ? Qt : Qnil;
});

const peerWarnings = (): Record<string, string> => ({
  ':invalid': 'certificate could not be verified',
  ':revoked': 'certificate was revoked (CRL)',
  ':unknown-ca': 'the certificate was signed by an unknown and therefore untrusted authority',
  ':not-ca': 'certificate signer is not a CA',
  ':insecure': 'certificate was signed with an insecure algorithm',
  ':not-activated': 'certificate is not yet activated',
  ':expired': 'certificate has expired',
  ':self-signed': 'certificate signer was not found (self-signed)',
  ':no-host-match': 'certificate host does not match hostname',
  ':signature-failure': 'certificate signature could not be verified',
  ':revocation-data-superseded': 'certificate revocation data are old and have been superseded',
  ':revocation-data-issued-in-future': 'certificate revocation data have a future issue date',
  ':signer-constraints-failure': 'certificate signer constraints were violated',
  ':purpose-mismatch': 'certificate does not match the intended purpose',
  ':missing-ocsp-status': 'certificate requires the server to send a OCSP certificate status, but no status was received',
  ':invalid-ocsp-status': 'the received OCSP certificate status is invalid',
});

DEFUN('gnutls-peer-status-warning-describe', 1, 1, 'Describe the peer certificate warning STATUS-SYMBOL (a keyword such as :expired), or give nil for one GnuTLS does not report.',
  (rt, status: number) => {
    if (!symbolp(status)) wrongTypeArgument(rt, Qsymbolp, status);
    const table = peerWarnings();
    const name = symbolNameJs(rt, status);
    // Own keys only: `constructor' or `toString' must not find Object's methods.
    const text = Object.hasOwn(table, name) ? table[name] : undefined;
    return text === undefined ? Qnil : makeString(rt, text);
  });
