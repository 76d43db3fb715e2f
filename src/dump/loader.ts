// The dump loader: the file read into the heap's dump region (a deferred payload at its first use), checks, one relocation pass, then the restores.
//
// Mirrors writer.ts function by function (checkHeader / writeHeader,
// applyRelocations / writeHot, restoreShadows / writeShadows, ...). Every
// check runs before the word it guards is used: the header field by field,
// then the file size, then the checksum over the whole file, then the layout
// of the sections and the object-start table, then the whole image (verify.ts:
// objects tile their sections, every pointer word is to an object of its type,
// and is relocated once it is checked: format 4 has no relocation table). A failure throws DumpLoadError with GNU's wording where
// GNU has one, and an exit code per kind of failure (docs/dump-format.md).

import { STRING_WORDS, SYMBOL_WORDS, SYM_FLAGS } from '../heap/layout.ts';
import { POISON } from '../heap/tags.ts';
import { BUILTIN_SYMBOLS } from '../core/symbols.ts';
import type { Runtime } from '../core/runtime.ts';
import { newRuntime } from '../core/static.ts';
import type { Host } from '../host/host.ts';
import {
  BYTE_ORDER_MARK, FINGERPRINT_WORDS, FORMAT_VERSION, HEADER_BYTES, H_BOM, H_CHECKSUM, H_COLD_END, H_COLD_START,
  H_CONS_END, H_SYM_END, H_STR_END, H_DISC_END, H_DISC_START, H_FILE_BYTES, H_FINGERPRINT, H_GLOBALS_COUNT, H_GLOBALS_OFFSET, H_HEADER_BYTES,
  H_HOT_END, H_HOT_START, H_RELOC_COUNT, H_RELOC_OFFSET, H_SCALARS_COUNT, H_SCALARS_OFFSET, H_SHADOWS_COUNT,
  H_SHADOWS_OFFSET, H_STARTS_COUNT, H_STARTS_OFFSET, H_STATIC_WORDS, H_VERSION, IN_PROGRESS_BYTE, KIND_DATA,
  MAGIC, SHADOW_WORDS, DEFERRED_MIN_BYTES, H_DEFER_START, H_DEFER_SUM, deferredChecksum, imageChecksum,
  fingerprint, fingerprintHex,
} from './format.ts';
import type { OpenedFile } from '../host/host.ts';
import { AFTER_LOAD_HOOKS, SCALARS } from '../core/dump-hooks.ts';
import { LARGE_IMAGE_BYTES, kernelsFor } from './kernels.ts';
import { ImageError, verifyImage, verifyImageJS, type ImageLayout } from './verify.ts';

/** Exit status of the CLI for each kind of load failure. */
export const DUMP_EXIT_CODES = {
  missing: 3,
  'not-a-dump': 4,
  'failed-dump': 5,
  version: 6,
  fingerprint: 7,
  truncated: 8,
  checksum: 9,
  'bad-table': 10,
  'no-room': 11,
  'bad-relocation': 12,
  'bad-object': 13,
} as const;
export type DumpLoadFailure = keyof typeof DUMP_EXIT_CODES;

export class DumpLoadError extends Error {
  readonly kind: DumpLoadFailure;
  readonly exitCode: number;
  /** Lines to print before the message (the desired and found fingerprints), or ''. */
  readonly preamble: string;
  constructor(kind: DumpLoadFailure, file: string, reason: string, preamble = '') {
    super(`could not load dump file "${file}": ${reason}`);
    this.kind = kind;
    this.exitCode = DUMP_EXIT_CODES[kind];
    this.preamble = preamble;
  }
}

export interface LoadOptions {
  heapBytes?: number;
  seed?: number;
  /** Pin the static region / dump region base (word index, even); also TSMACS_STATIC_BASE / TSMACS_DUMP_BASE. */
  pinStaticBase?: number;
  pinDumpBase?: number;
  /** Check the image with the JS walk only, never the WebAssembly one (tests compare the two). */
  jsVerify?: boolean;
  /** PATH already opened by the caller with the host's openForReading (the command line's default image). */
  opened?: OpenedFile;
}

/** What the checks establish about the file, in words from the dump base (verify.ts walks the same layout). */
type Sections = ImageLayout;

const envInt = (host: Host, name: string): number | undefined => {
  const v = host.getenv(name);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};

/** Start a runtime from the dump file PATH. */
export function loadDump(host: Host, path: string, opts: LoadOptions = {}): Runtime {
  const t0 = host.now();
  const mark = phaseTimer(host, t0);
  // Held open where the host can: a deferred payload is read later from this file (see readImage).
  const file = opts.opened ?? (host.openForReading !== undefined ? host.openForReading(path) : undefined);
  const size = file === undefined ? host.fileSize(path) : file === null ? null : file.size;
  if (size === null) throw new DumpLoadError('missing', path, 'could not open file');
  let rt: Runtime;
  let deferred = false;
  let handedOver = false;
  try {
    rt = newRuntime({
      host,
      heapBytes: opts.heapBytes,
      dumpWords: Math.ceil(size / 8) * 2,
      seed: opts.seed,
      pinStaticBase: opts.pinStaticBase ?? envInt(host, 'TSMACS_STATIC_BASE'),
      pinDumpBase: opts.pinDumpBase ?? envInt(host, 'TSMACS_DUMP_BASE'),
    });
  } catch (e) {
    file?.close();
    throw new DumpLoadError('no-room', path, `no room for it in the heap (${e instanceof Error ? e.message : e})`);
  }
  try {
  // Bind the kernels to the heap: optimised by V8 as usual for a large image (kernels.ts).
  kernelsFor(rt.heap.memory, size >= LARGE_IMAGE_BYTES);
  mark?.('runtime');
  const h = rt.heap;
  const base = h.dumpBase;
  const region = rt.u8.subarray(base << 2, h.dumpEnd << 2);
  let nread: number;
  if (file === undefined) nread = host.readFileInto(path, region, 0);
  else {
    nread = readImage(rt, file!, region, size);
    deferred = nread < 0;
    if (deferred) nread = size;
  }
  if (nread < 0) throw new DumpLoadError('missing', path, 'could not open file');
  mark?.('read');

  const S = checkHeader(rt, path, nread, deferred, mark);
  checkStarts(rt, path, S);
  mark?.('object-starts');
  // True when the WebAssembly walk checked the image: its vshadows has put the builtin symbols'
  // shadows in place as it checked them (the JS walk leaves that to restoreShadows).
  let shadowsCopied = false;
  try {
    if (opts.jsVerify) verifyImageJS(rt, S);
    else shadowsCopied = verifyImage(rt, S, () => host.readFileInto(path, region, 0));
  } catch (e) {
    if (e instanceof ImageError) throw new DumpLoadError(e.kind, path, `dump file is malformed: ${e.message}`);
    throw e;
  }
  mark?.('verify');
  if (!shadowsCopied) restoreShadows(rt, S);
  restoreGlobals(rt, S);
  restoreScalars(rt, S);
  rt.dumpObjectOk = makeObjectOk(rt, S);
  // The discardable section is dead now: poison it so any stray use trips a type check.
  rt.i32.fill(POISON, base + S.hotEndW, base + S.discEndW);
  rt.dumpInfo = { file: absolute(host, path), loadTimeSec: 0 };
  if (deferred) {
    rt.deferredText = deferredReader(rt, path, file!, region, S);
    handedOver = true;
  }
  mark?.('restores');
  for (const hook of AFTER_LOAD_HOOKS) hook(rt);
  mark?.('hooks');
  rt.dumpInfo.loadTimeSec = (host.now() - t0) / 1000;
  return rt;
  } finally {
    if (!handedOver) file?.close();
  }
}

/**
 * Read the dump file into REGION: the header, then, when it has a deferred payload (of at least
 * DEFERRED_MIN_BYTES, inside the file), the parts before and after it, and -1 (the payload is
 * left unread: its pages stay untouched, the 10 MB buffer's read cost 5.5 ms of page faults);
 * otherwise the whole file in one read, returning the bytes read. The header words read here
 * only choose what to read: checkHeader checks them all before any is used.
 */
function readImage(rt: Runtime, file: OpenedFile, region: Uint8Array, size: number): number {
  const m = rt.i32;
  const base = rt.heap.dumpBase;
  const head = file.read(region.subarray(0, Math.min(HEADER_BYTES, region.length)), 0);
  if (head < HEADER_BYTES) return head;
  const ds = m[base + H_DEFER_START]!;
  const ce = m[base + H_COLD_END]!;
  if (m[base + H_FILE_BYTES] === size && (ds & 7) === 0 && (ce & 7) === 0 && ds >= HEADER_BYTES && ds <= ce - DEFERRED_MIN_BYTES &&
    ce <= size && file.read(region.subarray(HEADER_BYTES, ds), HEADER_BYTES) === ds - HEADER_BYTES &&
    file.read(region.subarray(ce, size), ce) === size - ce)
    return -1;
  // No payload (or the file changed while read): the rest in one read.
  const rest = file.read(region.subarray(HEADER_BYTES), HEADER_BYTES);
  return rest < 0 ? rest : HEADER_BYTES + rest;
}

/**
 * The runtime's deferredText after a load that left the payload [deferW, coldEndW) unread: its
 * load reads it from FILE (held open since the load) and checks its checksum, which the header's
 * checksum covers; a short read or another sum ends the process as a damaged dump at start would
 * (the message on stderr, the same exit status), before any of its bytes is used.
 */
function deferredReader(rt: Runtime, path: string, file: OpenedFile, region: Uint8Array, S: Sections): Runtime['deferredText'] {
  const base = rt.heap.dumpBase;
  const want = rt.i32[base + H_DEFER_SUM]!;
  const from = S.deferW << 2;
  const to = S.coldEndW << 2;
  const refuse = (e: DumpLoadError): never => {
    rt.deferredText = { lo: (base << 2) + from, hi: (base << 2) + to, load: () => refuse(e) };
    rt.host.write(2, new TextEncoder().encode(`tsmacs: ${e.message}\n`));
    return rt.host.exit(e.exitCode);
  };
  return {
    lo: (base << 2) + from,
    hi: (base << 2) + to,
    load: () => {
      rt.deferredText = null;
      const got = file.read(region.subarray(from, to), from);
      file.close();
      if (got !== to - from)
        refuse(new DumpLoadError('truncated', path, `dump file is truncated (its deferred payload: ${got} bytes of ${to - from})`));
      if (deferredChecksum(rt.i32, base, S.deferW, S.coldEndW, rt.heap.memory) !== want)
        refuse(new DumpLoadError('checksum', path, 'dump file is corrupt (checksum mismatch)'));
    },
  };
}

/**
 * With TSMACS_LOAD_TRACE set, a function that notes the time since the last
 * mark under a phase's name and prints the whole line to stderr at 'hooks'
 * (for docs/startup.md's figures); otherwise undefined, so a load pays nothing.
 */
function phaseTimer(host: Host, t0: number): ((phase: string) => void) | undefined {
  if (host.getenv('TSMACS_LOAD_TRACE') === undefined) return undefined;
  let last = t0;
  let line = 'tsmacs: load phases (ms):';
  return (phase) => {
    const now = host.now();
    line += ` ${phase} ${(now - last).toFixed(2)}`;
    last = now;
    if (phase === 'hooks') host.write(2, new TextEncoder().encode(`${line}, total ${(now - t0).toFixed(2)}\n`));
  };
}

function absolute(host: Host, path: string): string {
  if (path.startsWith('/')) return path;
  const cwd = host.cwd();
  return (cwd.endsWith('/') ? cwd : cwd + '/') + path.replace(/^\.\//, '');
}

/** Header, size, checksum and section layout, in that order. */
function checkHeader(rt: Runtime, path: string, nread: number, deferred: boolean, mark?: (phase: string) => void): Sections {
  const base = rt.heap.dumpBase;
  const u8 = rt.u8;
  const m = rt.i32;
  const at = base << 2;
  const fail = (kind: DumpLoadFailure, reason: string, pre = ''): never => {
    throw new DumpLoadError(kind, path, reason, pre);
  };
  // Magic: the in-progress mark first, so a failed dump gets its own message.
  let magicRest = nread >= MAGIC.length;
  for (let i = 1; magicRest && i < MAGIC.length; i++) if (u8[at + i] !== MAGIC[i]) magicRest = false;
  if (magicRest && u8[at] === IN_PROGRESS_BYTE) fail('failed-dump', 'dump file is result of failed dump attempt');
  if (!magicRest || u8[at] !== MAGIC[0]) fail('not-a-dump', 'not a dump file');
  if (nread < HEADER_BYTES) fail('truncated', `dump file is truncated (${nread} bytes, shorter than its header)`);
  const hw = (i: number): number => m[base + i]!;
  if (hw(H_BOM) !== BYTE_ORDER_MARK) fail('version', 'dump file was written with the other byte order');
  if (hw(H_VERSION) !== FORMAT_VERSION)
    fail('version', `dump file has format version ${hw(H_VERSION)}; this build reads version ${FORMAT_VERSION}`);
  if (hw(H_HEADER_BYTES) !== HEADER_BYTES) fail('bad-table', 'dump file header has the wrong size');
  const fp = fingerprint(SCALARS.map((s) => s.name));
  let same = true;
  for (let i = 0; i < FINGERPRINT_WORDS; i++) if (hw(H_FINGERPRINT + i) !== fp[i]) same = false;
  if (!same) {
    const found = m.subarray(base + H_FINGERPRINT, base + H_FINGERPRINT + FINGERPRINT_WORDS);
    fail('fingerprint', 'not built for this Emacs executable',
      `desired fingerprint: ${fingerprintHex(fp)}\nfound fingerprint: ${fingerprintHex(found)}\n`);
  }
  const fileBytes = hw(H_FILE_BYTES);
  if (fileBytes > nread) fail('truncated', `dump file is truncated (${nread} bytes of ${fileBytes >>> 0})`);
  if (fileBytes !== nread) fail('truncated', `dump file has the wrong size (${nread} bytes, header says ${fileBytes})`);
  if ((fileBytes & 7) !== 0) fail('bad-table', 'dump file size is not a multiple of 8');
  mark?.('header');
  // The deferred payload's bounds say which words the checksum leaves out: bounds no sealed file
  // has are a damaged one.
  const ds = hw(H_DEFER_START);
  const ce = hw(H_COLD_END);
  if ((ds & 7) !== 0 || (ce & 7) !== 0 || ds < HEADER_BYTES || ds > ce || ce > fileBytes)
    fail('checksum', 'dump file is corrupt (checksum mismatch)');
  const sum = imageChecksum(m, base, fileBytes >>> 2, ds >>> 2, ce >>> 2, rt.heap.memory);
  // A payload that was read is checked now; one left unread, at its first use (deferredReader).
  if (sum !== hw(H_CHECKSUM) || (!deferred && deferredChecksum(m, base, ds >>> 2, ce >>> 2, rt.heap.memory) !== hw(H_DEFER_SUM)))
    fail('checksum', 'dump file is corrupt (checksum mismatch)');
  mark?.('checksum');

  // The checksum vouches for the writer; these checks refuse a file forged or
  // re-checksummed with inconsistent tables.
  const bad = (what: string): never => fail('bad-table', `dump file header is inconsistent (${what})`);
  const al = (i: number): number => {
    const v = hw(i);
    if (v < 0 || v > fileBytes || (v & 7) !== 0) bad(`field ${i} = ${v}`);
    return v >>> 2;
  };
  const S: Sections = {
    fileBytes,
    hotStartW: al(H_HOT_START),
    hotEndW: al(H_HOT_END),
    consEndW: al(H_CONS_END),
    symEndW: al(H_SYM_END),
    strEndW: al(H_STR_END),
    discEndW: al(H_DISC_END),
    coldStartW: al(H_COLD_START),
    coldEndW: al(H_COLD_END),
    relocW: hw(H_RELOC_OFFSET) >>> 2,
    nrelocs: hw(H_RELOC_COUNT),
    startsW: hw(H_STARTS_OFFSET) >>> 2,
    nstarts: hw(H_STARTS_COUNT),
    shadowsW: al(H_SHADOWS_OFFSET),
    globalsW: hw(H_GLOBALS_OFFSET) >>> 2,
    scalarsW: al(H_SCALARS_OFFSET),
    deferW: ds >>> 2,
  };
  if (S.hotStartW !== HEADER_BYTES >>> 2) bad('hot section start');
  if (al(H_DISC_START) !== S.hotEndW || S.hotEndW < S.hotStartW) bad('hot section end');
  if (S.consEndW < S.hotStartW || S.consEndW > S.hotEndW) bad('cons run');
  if (S.symEndW < S.consEndW || S.symEndW > S.hotEndW || (S.symEndW - S.consEndW) % SYMBOL_WORDS !== 0) bad('symbol run');
  if (S.strEndW < S.symEndW || S.strEndW > S.hotEndW || (S.strEndW - S.symEndW) % STRING_WORDS !== 0) bad('string run');
  if (S.discEndW < S.hotEndW || S.coldStartW !== S.discEndW || S.coldEndW < S.coldStartW) bad('section order');
  if (S.deferW < S.coldStartW) bad('deferred payload');
  // Since format 4 the verify walk relocates each word it checks: no table, its header fields stay.
  if (S.relocW !== S.coldEndW || S.nrelocs !== 0) bad('relocation table');
  if (S.startsW !== S.relocW + S.nrelocs || S.nstarts < 0 || ((S.startsW + S.nstarts + 1) & ~1) !== fileBytes >>> 2)
    bad('object-start table');
  const nsyms = BUILTIN_SYMBOLS.length;
  if (hw(H_SHADOWS_COUNT) !== nsyms || S.shadowsW !== S.hotEndW) bad('symbol shadows');
  if (hw(H_GLOBALS_COUNT) !== rt.globals.length || S.globalsW !== S.shadowsW + nsyms * SHADOW_WORDS) bad('globals');
  const nscalars = hw(H_SCALARS_COUNT);
  if (nscalars !== SCALARS.length || S.scalarsW < S.globalsW + rt.globals.length || S.scalarsW + 2 * nscalars > S.discEndW)
    bad('scalars');
  if (hw(H_STATIC_WORDS) !== rt.heap.staticTop - rt.heap.staticBase) bad('static region size');
  return S;
}

/** Copy the builtin symbols' cells into the static region. */
function restoreShadows(rt: Runtime, S: Sections): void {
  const m = rt.i32;
  const src0 = rt.heap.dumpBase + S.shadowsW;
  const nsyms = BUILTIN_SYMBOLS.length;
  // Unrolled (SHADOW_WORDS is SYM_FLAGS, 5): as an inner loop the 5,000-odd iterations made V8
  // mark the function for TurboFan, whose compile on another thread outlived the start-up.
  if (SHADOW_WORDS !== 5 || SYM_FLAGS !== 5) throw new Error('restoreShadows: a symbol\'s shadow is 5 words');
  let dst = rt.heap.staticBase + 1;
  let src = src0;
  for (let i = 0; i < nsyms; i++, dst += SYMBOL_WORDS, src += 5) {
    m[dst] = m[src]!;
    m[dst + 1] = m[src + 1]!;
    m[dst + 2] = m[src + 2]!;
    m[dst + 3] = m[src + 3]!;
    m[dst + 4] = m[src + 4]!;
  }
}

function restoreGlobals(rt: Runtime, S: Sections): void {
  const at = rt.heap.dumpBase + S.globalsW;
  rt.globals.set(rt.i32.subarray(at, at + rt.globals.length));
}

function restoreScalars(rt: Runtime, S: Sections): void {
  const f = rt.f64;
  const at = (rt.heap.dumpBase + S.scalarsW) >>> 1;
  for (let i = 0; i < SCALARS.length; i++) SCALARS[i]!.set(rt, f[at + i]!);
}

/**
 * Object starts must increase, lie in the hot section after the cons, symbol and string runs (whose
 * objects have none) or in the cold section, and name a real kind.
 */
function checkStarts(rt: Runtime, path: string, S: Sections): void {
  const m = rt.i32;
  const t0 = rt.heap.dumpBase + S.startsW;
  // The deferred payload holds string data only, its first object at its start (the entries from
  // there on are the table's last).
  let lo = 0;
  for (let hi = S.nstarts; lo < hi;) {
    const mid = (lo + hi) >>> 1;
    if (m[t0 + mid]! >>> 3 >= S.deferW) hi = mid;
    else lo = mid + 1;
  }
  if (S.deferW < S.coldEndW && (lo === S.nstarts || m[t0 + lo]! >>> 3 !== S.deferW))
    throw new DumpLoadError('bad-table', path, `the deferred payload (word ${S.deferW}) does not begin at an object start`);
  for (let i = lo; i < S.nstarts; i++) {
    if ((m[t0 + i]! & 7) !== KIND_DATA)
      throw new DumpLoadError('bad-table', path, `object-start entry ${i} (word ${m[t0 + i]! >>> 3}) is in the deferred payload and not string data`);
  }
  const kn = kernelsFor(rt.heap.memory);
  if (kn !== null) {
    const bad = kn.starts(t0 << 2, S.nstarts, S.strEndW, S.hotEndW, S.coldStartW, S.coldEndW);
    if (bad >= 0) {
      const off = m[t0 + bad]! >>> 3;
      throw new DumpLoadError('bad-table', path, `object-start entry ${bad} (word ${off}) points outside the dump's objects`);
    }
    return;
  }
  let prev = -1;
  for (let i = 0; i < S.nstarts; i++) {
    const e = m[t0 + i]!;
    const off = e >>> 3;
    const kind = e & 7;
    const inHot = off >= S.strEndW && off < S.hotEndW;
    const inCold = off >= S.coldStartW && off < S.coldEndW;
    if (off <= prev || (off & 1) !== 0 || !(inHot || inCold) || kind === 2 || kind === 6)
      throw new DumpLoadError('bad-table', path, `object-start entry ${i} (word ${off}) points outside the dump's objects`);
    prev = off;
  }
}

/**
 * A validator for candidate pointers into the dump: a cons, symbol or string of the runs by their
 * bounds and strides, anything else by a binary search of the object-start table.
 */
function makeObjectOk(rt: Runtime, S: Sections): (wi: number, tag: number) => boolean {
  const base = rt.heap.dumpBase;
  const table = rt.i32.subarray(base + S.startsW, base + S.startsW + S.nstarts);
  return (wi: number, tag: number): boolean => {
    const off = wi - base;
    if (off >= S.hotStartW && off < S.consEndW) return tag === 3 && (off & 1) === 0;
    if (off >= S.consEndW && off < S.symEndW) return tag === 0 && (off - S.consEndW) % SYMBOL_WORDS === 0;
    if (off >= S.symEndW && off < S.strEndW) return tag === 4 && (off - S.symEndW) % STRING_WORDS === 0;
    let lo = 0;
    let hi = table.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const e = table[mid]!;
      const o = e >>> 3;
      if (o === off) return (e & 7) === tag && tag !== KIND_DATA;
      if (o < off) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
}
