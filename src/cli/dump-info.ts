// `tsmacs --dump-info FILE [--svg OUT]`: what a dump image holds: header, sections, objects and bytes per type, relocations per kind, and which symbols' values and functions hold the most of it.
//
// The file is first loaded as start-up loads it, so a damaged one gets the loader's own refusal;
// the figures then come from the file's bytes (the format is in src/dump/format.ts). Every pointer
// into the dump is a relocated word (found as the loader's verify walk finds them: format 4 stores
// no table), and the cons run (format 5: the hot section's first conses, which have no entries)
// and the object-start table tile each section, so an object's size is the distance to the next
// start and its children are the relocated words inside it.

import type { Host } from '../host/host.ts';
import {
  FINGERPRINT_WORDS, HEADER_BYTES, HIGH_BIT, H_CHECKSUM, H_COLD_END, H_COLD_START, H_DISC_END, H_DISC_START,
  H_CONS_END, H_SYM_END, H_STR_END, H_FILE_BYTES, H_FINGERPRINT, H_GLOBALS_COUNT, H_GLOBALS_OFFSET, H_HOT_END, H_HOT_START, H_RELOC_COUNT,
  H_RELOC_OFFSET, H_SCALARS_COUNT, H_SHADOWS_COUNT, H_SHADOWS_OFFSET, H_STARTS_COUNT,
  H_STARTS_OFFSET, H_STATIC_WORDS, H_STATS, H_VERSION, KIND_DATA, RELOC_DUMP_LV, RELOC_DUMP_RAW, RELOC_DUMP_SYM,
  RELOC_EMACS_LV, RELOC_EMACS_RAW, SHADOW_WORDS, STAT_CONS, STAT_FLOAT, STAT_HASH_TABLE,
  STAT_RAWVEC, STAT_STRING, STAT_SYMBOL, STAT_VECTOR, fingerprintHex,
} from '../dump/format.ts';
import { DumpLoadError, loadDump } from '../dump/loader.ts';
import { PVEC_SIZE_MASK, PVEC_TYPE_SHIFT, STR_DATA, STR_NBYTES, STR_NCHARS, SYM_FUNCTION, SYM_NAME, SYM_PLIST, SYM_VALUE, SYMBOL_WORDS, STRING_WORDS } from '../heap/layout.ts';
import { Lisp_Cons, Lisp_Float, Lisp_String, Lisp_Symbol, Lisp_Vectorlike } from '../heap/tags.ts';
import { BUILTIN_SYMBOLS } from '../core/symbols.ts';
import { GLOBAL_NAMES } from '../core/runtime.ts';
import { dumpInfoSvg } from './dump-info-svg.ts';
import type { Contributor, DumpReport, Group, RelocRow, Section, TypeRow } from './dump-report.ts';

export type { DumpReport };

const PVEC_NAMES = ['vector', 'record', 'hash-table', 'bool-vector', 'char-table', 'sub-char-table', 'subr', 'bignum',
  'user-ptr', 'finalizer', 'byte-code', 'marker', 'buffer', 'overlay', 'process'];
const RELOC_NAMES = ['dump-lisp', 'dump-symbol', 'static-lisp', 'dump-raw', 'static-raw'];
const STAT_NAMES: [number, string][] = [[STAT_CONS, 'cons'], [STAT_SYMBOL, 'symbol'], [STAT_STRING, 'string'],
  [STAT_VECTOR, 'vectorlike'], [STAT_HASH_TABLE, 'hash-table'], [STAT_FLOAT, 'float'], [STAT_RAWVEC, 'bignum/bool-vector']];


/** Analyse the dump at PATH (already loaded successfully once: the checks are the loader's). */
export function analyseDump(file: string, bytes: Uint8Array, topN = 25): DumpReport {
  const w = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const hw = (i: number): number => w[i]!;
  const fileBytes = hw(H_FILE_BYTES);
  const relocOff = hw(H_RELOC_OFFSET);
  const nrelocs = hw(H_RELOC_COUNT);
  const startsOff = hw(H_STARTS_OFFSET);
  const ntable = hw(H_STARTS_COUNT);
  // The cons run's conses come first, then the symbol run's symbols, the string run's strings, then the table's objects.
  const nconses = (hw(H_CONS_END) - hw(H_HOT_START)) >>> 3;
  const nsyms = (hw(H_SYM_END) - hw(H_CONS_END)) / (4 * SYMBOL_WORDS);
  const nstrs = (hw(H_STR_END) - hw(H_SYM_END)) / (4 * STRING_WORDS);
  const nruns = nconses + nsyms + nstrs;
  const nstarts = nruns + ntable;

  // Sections in file order; a gap between two (alignment) is shown as padding, so the sizes add up to the file.
  const raw: Section[] = [
    { name: 'header', start: 0, bytes: HEADER_BYTES },
    { name: 'hot', start: hw(H_HOT_START), bytes: hw(H_HOT_END) - hw(H_HOT_START) },
    { name: 'discardable', start: hw(H_DISC_START), bytes: hw(H_DISC_END) - hw(H_DISC_START) },
    { name: 'cold', start: hw(H_COLD_START), bytes: hw(H_COLD_END) - hw(H_COLD_START) },
    { name: 'relocations', start: relocOff, bytes: nrelocs * 4, entries: nrelocs },
    { name: 'object starts', start: startsOff, bytes: ntable * 4, entries: ntable },
  ];
  const sections: Section[] = [];
  let pos = 0;
  for (const s of raw) {
    if (s.start > pos) sections.push({ name: 'padding', start: pos, bytes: s.start - pos });
    sections.push(s);
    pos = s.start + s.bytes;
  }
  if (fileBytes > pos) sections.push({ name: 'padding', start: pos, bytes: fileBytes - pos });

  // Objects: starts are (word offset << 3) | kind, sorted; each runs to the next start or its section's end.
  const hotEnd = hw(H_HOT_END);
  const coldEnd = hw(H_COLD_END);
  const objStart = new Int32Array(nstarts);
  const objSize = new Int32Array(nstarts);
  const objKind = new Uint8Array(nstarts);
  const index = new Map<number, number>();
  for (let i = 0; i < nstarts; i++) {
    if (i < nconses) {
      objStart[i] = hw(H_HOT_START) + 8 * i;
      objKind[i] = Lisp_Cons;
    } else if (i < nconses + nsyms) {
      objStart[i] = hw(H_CONS_END) + 4 * SYMBOL_WORDS * (i - nconses);
      objKind[i] = Lisp_Symbol;
    } else if (i < nruns) {
      objStart[i] = hw(H_SYM_END) + 4 * STRING_WORDS * (i - nconses - nsyms);
      objKind[i] = Lisp_String;
    } else {
      const e = hw((startsOff >>> 2) + i - nruns);
      objStart[i] = (e >>> 3) << 2;
      objKind[i] = e & 7;
    }
    index.set(objStart[i]!, i);
  }
  for (let i = 0; i < nstarts; i++) {
    const at = objStart[i]!;
    const sectionEnd = at < hotEnd ? hotEnd : coldEnd;
    const next = i + 1 < nstarts ? objStart[i + 1]! : sectionEnd;
    objSize[i] = Math.min(next, sectionEnd) - at;
  }

  // Types: Lisp tag, vectorlikes by their pseudovector type.
  const typeRows = new Map<string, TypeRow>();
  const typeName = (i: number): string => {
    switch (objKind[i]) {
      case Lisp_Cons: return 'cons';
      case Lisp_Symbol: return 'symbol';
      case Lisp_String: return 'string';
      case KIND_DATA: return 'string data';
      case Lisp_Float: return 'float';
      case Lisp_Vectorlike: return PVEC_NAMES[hw(objStart[i]! >>> 2) >>> PVEC_TYPE_SHIFT] ?? 'vectorlike';
    }
    return `kind ${objKind[i]}`;
  };
  for (let i = 0; i < nstarts; i++) {
    const name = typeName(i);
    const row = typeRows.get(name) ?? { name, section: objStart[i]! < hotEnd ? 'hot' as const : 'cold' as const, count: 0, bytes: 0 };
    row.count++;
    row.bytes += objSize[i]!;
    typeRows.set(name, row);
  }
  const types = [...typeRows.values()].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));

  // Relocations per kind and section; each object's relocations are its children.
  const discStart = hw(H_DISC_START);
  const relocs: RelocRow[] = RELOC_NAMES.map((kind) => ({ kind, hot: 0, discardable: 0 }));
  // The relocated words in file order, each with its type (format.ts): the Lisp slots of the hot
  // objects and of the discardable section's shadows and globals, and the string data addresses.
  const rWords: number[] = [];
  const rTypes: number[] = [];
  const slot = (p: number): void => {
    const v = w[p]!;
    const tag = v & 7;
    if ((tag & 3) === 2 || (tag === 0 && (v & HIGH_BIT) === 0)) return; // fixnum or builtin symbol
    rWords.push(p);
    rTypes.push(tag === 0 ? RELOC_DUMP_SYM : (v & HIGH_BIT) !== 0 ? RELOC_EMACS_LV : RELOC_DUMP_LV);
  };
  for (let i = 0; i < nstarts && objStart[i]! < hotEnd; i++) {
    const p = objStart[i]! >>> 2;
    const kind = objKind[i];
    if (kind === Lisp_Cons) slot(p), slot(p + 1);
    else if (kind === Lisp_Symbol) for (let f = 0; f < 5; f++) slot(p + f);
    else if (kind === Lisp_String) {
      const d = w[p + STR_DATA]!;
      if (d !== 0) {
        rWords.push(p + STR_DATA);
        rTypes.push((d & HIGH_BIT) !== 0 ? RELOC_EMACS_RAW : RELOC_DUMP_RAW);
      }
      slot(p + 3);
    } else if (kind === Lisp_Vectorlike) {
      const size = w[p]! & PVEC_SIZE_MASK;
      for (let k = 1; k <= size; k++) slot(p + k);
    }
  }
  const shadowsAt = hw(H_SHADOWS_OFFSET) >>> 2;
  for (let k = 0; k < hw(H_SHADOWS_COUNT); k++) for (let f = 0; f < SHADOW_WORDS - 1; f++) slot(shadowsAt + k * SHADOW_WORDS + f);
  const globalsAt = hw(H_GLOBALS_OFFSET) >>> 2;
  for (let k = 0; k < hw(H_GLOBALS_COUNT); k++) slot(globalsAt + k);
  const nrelocated = rWords.length;
  const relocWord = Int32Array.from(rWords);
  const relocType = Uint8Array.from(rTypes);
  for (let r = 0; r < nrelocated; r++) {
    const row = relocs[relocType[r]!];
    if (row) {
      if ((relocWord[r]! << 2) < discStart) row.hot++;
      else row.discardable++;
    }
  }
  // For each object, the first relocation at or after its start (both tables are sorted).
  const firstReloc = new Int32Array(nstarts + 1);
  let r = 0;
  for (let i = 0; i < nstarts; i++) {
    const wordAt = objStart[i]! >>> 2;
    while (r < nrelocated && relocWord[r]! < wordAt) r++;
    firstReloc[i] = r;
  }
  firstReloc[nstarts] = nrelocated;

  /** The object a relocated word points to (a dumped symbol is a leaf: its cells are roots of their own). */
  const targetOf = (word: number, type: number): number => {
    if (type === RELOC_DUMP_LV) return index.get(word & ~7) ?? -1;
    if (type === RELOC_DUMP_RAW) return index.get(word) ?? -1;
    return -1;
  };
  /** A root cell's word: only a dump-relative Lisp pointer leads into the dump (no high bit, a pointer tag). */
  const rootTarget = (word: number): number => {
    const tag = word & 7;
    if ((word & HIGH_BIT) !== 0 || (tag !== Lisp_Cons && tag !== Lisp_String && tag !== Lisp_Vectorlike && tag !== Lisp_Float)) return -1;
    return index.get(word & ~7) ?? -1;
  };

  // Reachable bytes from one root, stopping at symbols; a stamp per root instead of clearing a set.
  const stamp = new Int32Array(nstarts);
  let round = 0;
  const stack: number[] = [];
  const reach = (first: number, sameRound = false): { bytes: number; objects: number } => {
    if (!sameRound) round++;
    let bytes = 0;
    let objects = 0;
    if (first < 0 || objKind[first] === Lisp_Symbol || stamp[first] === round) return { bytes, objects };
    stack.push(first);
    stamp[first] = round;
    while (stack.length > 0) {
      const i = stack.pop()!;
      bytes += objSize[i]!;
      objects++;
      const endWord = (objStart[i]! + objSize[i]!) >>> 2;
      for (let k = firstReloc[i]!; k < nrelocated && relocWord[k]! < endWord; k++) {
        const t = targetOf(w[relocWord[k]!]!, relocType[k]!);
        if (t >= 0 && stamp[t] !== round && objKind[t] !== Lisp_Symbol) {
          stamp[t] = round;
          stack.push(t);
        }
      }
    }
    return { bytes, objects };
  };

  const decoder = new TextDecoder('utf-8');
  /** A dumped symbol's name, from its name string's bytes in the file. */
  const symbolNameAt = (symAt: number): string => {
    const nameWord = w[(symAt >>> 2) + SYM_NAME]!;
    const s = rootTarget(nameWord);
    if (s < 0 || objKind[s] !== Lisp_String) return '#<symbol>';
    const sw = objStart[s]! >>> 2;
    const nbytes = w[sw + STR_NBYTES]! < 0 ? w[sw + STR_NCHARS]! : w[sw + STR_NBYTES]!;
    const data = w[sw + STR_DATA]!;
    return decoder.decode(bytes.subarray(data, data + nbytes));
  };

  // Every root cell: [symbol name, cell, word].
  const roots: [string, Contributor['cell'], number][] = [];
  const shadowsW = hw(H_SHADOWS_OFFSET) >>> 2;
  const nshadows = hw(H_SHADOWS_COUNT);
  for (let i = 0; i < nshadows; i++) {
    const at = shadowsW + i * SHADOW_WORDS;
    const name = BUILTIN_SYMBOLS[i] ?? `builtin ${i}`;
    // A shadow is the symbol's cells without its name: value, function, plist, next, flags.
    roots.push([name, 'value', w[at + SYM_VALUE - 1]!], [name, 'function', w[at + SYM_FUNCTION - 1]!], [name, 'plist', w[at + SYM_PLIST - 1]!]);
  }
  for (let i = 0; i < nstarts; i++) {
    if (objKind[i] !== Lisp_Symbol) continue;
    const at = objStart[i]! >>> 2;
    const name = symbolNameAt(objStart[i]!);
    roots.push([name, 'value', w[at + SYM_VALUE]!], [name, 'function', w[at + SYM_FUNCTION]!], [name, 'plist', w[at + SYM_PLIST]!]);
  }
  const globalsW = hw(H_GLOBALS_OFFSET) >>> 2;
  const nglobals = hw(H_GLOBALS_COUNT);
  for (let i = 0; i < nglobals; i++) roots.push([GLOBAL_NAMES[i] ?? `global ${i}`, 'global', w[globalsW + i]!]);

  const top: Contributor[] = [];
  for (const [symbol, cell, word] of roots) {
    if (cell === 'plist') continue;
    const { bytes: b, objects } = reach(rootTarget(word));
    if (b > 0) top.push({ symbol, cell, bytes: b, objects });
  }
  top.sort((a, b) => b.bytes - a.bytes || a.symbol.localeCompare(b.symbol) || a.cell.localeCompare(b.cell));
  // Each kind of cell together, shared objects counted once: what all functions hold, all values...
  const groups: Group[] = [];
  for (const cell of ['value', 'function', 'plist', 'global'] as const) {
    round++;
    let b = 0;
    let n = 0;
    for (const [, c, word] of roots) {
      if (c !== cell) continue;
      const got = reach(rootTarget(word), true);
      b += got.bytes;
      n += got.objects;
    }
    groups.push({ cell, bytes: b, objects: n });
  }
  // Objects that no cell reaches except through a symbol (symbols themselves, the obarray's chains).
  round++;
  let allBytes = 0;
  for (const [, , word] of roots) allBytes += reach(rootTarget(word), true).bytes;

  const fp: number[] = [];
  for (let i = 0; i < FINGERPRINT_WORDS; i++) fp.push(hw(H_FINGERPRINT + i));
  return {
    file,
    fileBytes,
    version: hw(H_VERSION),
    headerBytes: HEADER_BYTES,
    checksum: hw(H_CHECKSUM) >>> 0,
    fingerprint: fingerprintHex(fp),
    staticWords: hw(H_STATIC_WORDS),
    sections,
    types,
    relocs,
    stats: STAT_NAMES.map(([i, n]) => [n, hw(H_STATS + i)] as [string, number]),
    shadows: nshadows,
    globals: nglobals,
    scalars: hw(H_SCALARS_COUNT),
    top: top.slice(0, topN),
    groups,
    reachedBytes: allBytes,
  };
}

const num = (n: number): string => n.toLocaleString('en-US');
const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;

/** The report as text. */
export function formatDumpReport(R: DumpReport): string {
  const L: string[] = [];
  const total = R.fileBytes;
  L.push(`dump file: ${R.file}`);
  L.push(`size: ${num(total)} bytes`);
  L.push(`format version: ${R.version}   header: ${R.headerBytes} bytes   checksum: ${R.checksum.toString(16).padStart(8, '0')}`);
  L.push(`fingerprint: ${R.fingerprint} (this build's)`);
  L.push(`static region of the dumping build: ${num(R.staticWords * 4)} bytes`);
  L.push(`roots: ${num(R.shadows)} builtin symbols, ${num(R.globals)} globals, ${num(R.scalars)} remembered scalars`);
  L.push('');
  L.push('sections                offset        bytes   share  entries');
  for (const s of R.sections) {
    L.push(`  ${s.name.padEnd(16)} ${num(s.start).padStart(11)} ${num(s.bytes).padStart(12)} ${pct(s.bytes, total).padStart(7)}${s.entries !== undefined ? num(s.entries).padStart(9) : ''}`);
  }
  L.push(`  ${'total'.padEnd(16)} ${''.padStart(11)} ${num(R.sections.reduce((a, s) => a + s.bytes, 0)).padStart(12)}`);
  L.push('');
  L.push('objects by type         section     count        bytes  bytes/object');
  let count = 0;
  let bytes = 0;
  for (const t of R.types) {
    count += t.count;
    bytes += t.bytes;
    L.push(`  ${t.name.padEnd(20)} ${t.section.padEnd(6)} ${num(t.count).padStart(9)} ${num(t.bytes).padStart(12)} ${(t.bytes / t.count).toFixed(1).padStart(13)}`);
  }
  L.push(`  ${'total'.padEnd(20)} ${''.padEnd(6)} ${num(count).padStart(9)} ${num(bytes).padStart(12)}`);
  L.push('');
  L.push('relocations by kind           hot  discardable');
  for (const r of R.relocs) L.push(`  ${r.kind.padEnd(20)} ${num(r.hot).padStart(12)} ${num(r.discardable).padStart(12)}`);
  L.push(`  ${'total'.padEnd(20)} ${num(R.relocs.reduce((a, r) => a + r.hot, 0)).padStart(12)} ${num(R.relocs.reduce((a, r) => a + r.discardable, 0)).padStart(12)}`);
  L.push('');
  L.push(`dumping session's counts: ${R.stats.map(([n, v]) => `${n}=${v}`).join(' ')}`);
  L.push('');
  L.push('reachable bytes by kind of cell (each object once per kind; not through other symbols)');
  for (const g of R.groups) L.push(`  ${(g.cell + (g.cell === 'global' ? 's' : ' cells')).padEnd(16)} ${num(g.bytes).padStart(12)} ${pct(g.bytes, total).padStart(7)} ${num(g.objects).padStart(9)} objects`);
  L.push(`  ${'any cell'.padEnd(16)} ${num(R.reachedBytes).padStart(12)} ${pct(R.reachedBytes, total).padStart(7)}`);
  L.push('');
  L.push('largest contributors (bytes reachable from the cell, not through other symbols; shared objects count for each)');
  L.push('   rank        bytes   share  objects  cell      symbol');
  R.top.forEach((c, i) => {
    L.push(`  ${String(i + 1).padStart(5)} ${num(c.bytes).padStart(12)} ${pct(c.bytes, total).padStart(7)} ${num(c.objects).padStart(8)}  ${c.cell.padEnd(9)} ${c.symbol}`);
  });
  return L.join('\n') + '\n';
}

/** The CLI's --dump-info: returns the exit status (the loader's for a file it refuses). */
export function runDumpInfo(host: Host, file: string, svgOut: string | null): number {
  const enc = new TextEncoder();
  try {
    // A deferred payload is read and checked too: this command vouches for the whole file.
    loadDump(host, file).deferredText?.load();
  } catch (e) {
    if (e instanceof DumpLoadError) {
      host.write(2, enc.encode(`${e.preamble}tsmacs: ${e.message}\n`));
      return e.exitCode;
    }
    throw e;
  }
  const bytes = host.readFile(file);
  if (bytes === null) {
    host.write(2, enc.encode(`tsmacs: could not read ${file}: ${host.lastError}\n`));
    return 3;
  }
  // Int32Array views need a 4-aligned offset: copy when the host's buffer is not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const report = analyseDump(file, aligned);
  host.write(1, enc.encode(formatDumpReport(report)));
  if (svgOut !== null) {
    try {
      host.writeFile(svgOut, enc.encode(dumpInfoSvg(report)));
    } catch (e) {
      host.write(2, enc.encode(`tsmacs: could not write ${svgOut}: ${e instanceof Error ? e.message : String(e)}\n`));
      return 1;
    }
  }
  return 0;
}
