// The obarray: interning symbols by name (the obarray half of GNU's lread.c).
//
// An obarray is a Lisp vector of buckets; each bucket holds the fixnum 0 or
// the first symbol of a chain linked through the symbols' `next` cells.

import {
  SYM_DECLARED_SPECIAL, SYM_INTERNED, SYM_INTERNED_IN_INITIAL_OBARRAY, SYM_INTERNED_MASK, SYM_INTERNED_SHIFT, SYM_NOWRITE,
  SYM_TRAPPED_SHIFT,
} from '../heap/layout.ts';
import { isFixnum, isSymbol, makeFixnum } from '../heap/tags.ts';
import {
  aref, aset, makeString, makeSymbol, makeStringFromBytes, makeVector, pvecSize, sbytes, sdata, setSymbolFlags,
  setSymbolNext, setSymbolRawValue, stringMultibyte, symbolFlags, symbolName, symbolNext, schars,
} from './object.ts';
import { G_OBARRAY, type Runtime } from './runtime.ts';
import { error } from './signal.ts';

/**
 * The chain a bucket starts: the fixnum 0 when empty, else a symbol. Any other
 * content (a Lisp vector handed to `intern' as its obarray may hold anything)
 * is refused as GNU refuses it.
 */
function bucketHead(rt: Runtime, obarray: number, bucket: number): number {
  const s = aref(rt, obarray, bucket);
  if (s === makeFixnum(0) || isSymbol(s)) return s;
  return error(rt, 'Bad data in guts of obarray');
}

/** GNU's initial obarray size. */
export const OBARRAY_SIZE = 15121;

export const makeObarray = (rt: Runtime, size = OBARRAY_SIZE): number => makeVector(rt, size, makeFixnum(0));

/** Hash of a byte range (FNV-1a), the bucket chooser. */
export function hashBytes(u8: Uint8Array, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ u8[start + i]!, 0x01000193);
  return h >>> 0;
}

function sameName(rt: Runtime, a: number, bytesAddr: number, nbytes: number, multibyte: boolean): boolean {
  if (sbytes(rt, a) !== nbytes) return false;
  // A unibyte and a multibyte name with the same bytes are the same name only when ASCII.
  if (stringMultibyte(rt, a) !== multibyte && schars(rt, a) !== nbytes) return false;
  const u8 = rt.u8;
  const p = sdata(rt, a);
  for (let i = 0; i < nbytes; i++) if (u8[p + i] !== u8[bytesAddr + i]) return false;
  return true;
}

/** The symbol named by the Lisp string NAME in OBARRAY, or 0 (not nil: nil is a symbol) if absent... see below. */
export function oblookup(rt: Runtime, obarray: number, name: number): { sym: number; found: boolean; bucket: number } {
  const addr = sdata(rt, name);
  const nbytes = sbytes(rt, name);
  const mb = stringMultibyte(rt, name);
  const size = pvecSize(rt, obarray);
  const bucket = size === 0 ? 0 : hashBytes(rt.u8, addr, nbytes) % size;
  let s = size === 0 ? makeFixnum(0) : bucketHead(rt, obarray, bucket);
  while (!isFixnum(s)) {
    if (sameName(rt, symbolName(rt, s), sdata(rt, name), nbytes, mb)) return { sym: s, found: true, bucket };
    s = symbolNext(rt, s);
  }
  return { sym: 0, found: false, bucket };
}

/** Put an existing uninterned symbol into OBARRAY at BUCKET. */
export function internSymbolAt(rt: Runtime, obarray: number, sym: number, bucket: number): void {
  setSymbolNext(rt, sym, aref(rt, obarray, bucket));
  aset(rt, obarray, bucket, sym);
  const initial = obarray === rt.globals[G_OBARRAY];
  let flags = symbolFlags(rt, sym) & ~SYM_INTERNED_MASK;
  flags |= (initial ? SYM_INTERNED_IN_INITIAL_OBARRAY : SYM_INTERNED) << SYM_INTERNED_SHIFT;
  // A keyword interned in the initial obarray is a constant whose value is itself (GNU's intern_sym).
  const name = symbolName(rt, sym);
  if (initial && sbytes(rt, name) > 1 && rt.u8[sdata(rt, name)] === 0x3a) {
    flags |= (SYM_NOWRITE << SYM_TRAPPED_SHIFT) | SYM_DECLARED_SPECIAL;
    setSymbolRawValue(rt, sym, sym);
  }
  setSymbolFlags(rt, sym, flags);
}

/** GNU's Fintern with a Lisp string name. */
export function internString(rt: Runtime, name: number, obarray = rt.globals[G_OBARRAY]!): number {
  const r = oblookup(rt, obarray, name);
  if (r.found) return r.sym;
  // Names in the obarray must not change under us: intern a private copy if the caller may mutate NAME.
  const own = makeStringFromBytes(rt, rt.u8.slice(sdata(rt, name), sdata(rt, name) + sbytes(rt, name)), schars(rt, name), stringMultibyte(rt, name));
  const sym = makeSymbol(rt, own);
  internSymbolAt(rt, obarray, sym, r.bucket);
  return sym;
}

/** Intern a symbol given its name as a JS string. */
export const intern = (rt: Runtime, name: string): number => internString(rt, makeString(rt, name));

/** Remove SYM from OBARRAY; true if it was there. */
export function unintern(rt: Runtime, obarray: number, sym: number): boolean {
  const r = oblookup(rt, obarray, symbolName(rt, sym));
  if (!r.found || r.sym !== sym) return false;
  let prev = -1;
  let s = aref(rt, obarray, r.bucket);
  while (s !== sym) {
    prev = s;
    s = symbolNext(rt, s);
  }
  if (prev === -1) aset(rt, obarray, r.bucket, symbolNext(rt, sym));
  else setSymbolNext(rt, prev, symbolNext(rt, sym));
  setSymbolNext(rt, sym, makeFixnum(0));
  setSymbolFlags(rt, sym, symbolFlags(rt, sym) & ~SYM_INTERNED_MASK);
  return true;
}

/** Call fn on every symbol of OBARRAY; a bucket holding anything but a symbol is passed over, as GNU does. */
export function mapObarray(rt: Runtime, obarray: number, fn: (sym: number) => void): void {
  const size = pvecSize(rt, obarray);
  for (let i = 0; i < size; i++) {
    let s = aref(rt, obarray, i);
    if (!isSymbol(s)) continue;
    while (!isFixnum(s)) {
      const next = symbolNext(rt, s);
      fn(s);
      s = next;
    }
  }
}

/** Bucket of the last oblookupBytes miss, for interning right after (GNU's oblookup_last_bucket_number). */
export let oblookupLastBucket = 0;

/**
 * The symbol whose name has exactly these bytes and NCHARS characters, or -1
 * (never a symbol word: symbols have tag 0) when absent. Lets the reader find
 * an existing symbol without allocating its name first.
 */
export function oblookupBytes(rt: Runtime, obarray: number, u8: Uint8Array, start: number, nbytes: number, nchars: number): number {
  const size = pvecSize(rt, obarray);
  const bucket = size === 0 ? 0 : hashBytes(u8, start, nbytes) % size;
  oblookupLastBucket = bucket;
  let s = size === 0 ? makeFixnum(0) : bucketHead(rt, obarray, bucket);
  const heap = rt.u8;
  outer: while (!isFixnum(s)) {
    const name = symbolName(rt, s);
    if (sbytes(rt, name) === nbytes && schars(rt, name) === nchars) {
      const p = sdata(rt, name);
      for (let i = 0; i < nbytes; i++) {
        if (heap[p + i] !== u8[start + i]) {
          s = symbolNext(rt, s);
          continue outer;
        }
      }
      return s;
    }
    s = symbolNext(rt, s);
  }
  return -1;
}
