// The figures `tsmacs --dump-info` gathers about a dump image (dump-info.ts) and draws (dump-info-svg.ts).

export interface Section { name: string; start: number; bytes: number; entries?: number }
export interface TypeRow { name: string; section: 'hot' | 'cold'; count: number; bytes: number }
export interface RelocRow { kind: string; hot: number; discardable: number }
export interface Contributor { symbol: string; cell: 'value' | 'function' | 'plist' | 'global'; bytes: number; objects: number }

export interface DumpReport {
  file: string;
  fileBytes: number;
  version: number;
  headerBytes: number;
  checksum: number;
  fingerprint: string;
  staticWords: number;
  sections: Section[];
  types: TypeRow[];
  relocs: RelocRow[];
  /** The dumping session's own counts (header words 34-42). */
  stats: [string, number][];
  shadows: number;
  globals: number;
  scalars: number;
  /** The cells holding the most, by bytes reachable from each. */
  top: Contributor[];
  /** All value cells together, all function cells, all plists, all globals (shared objects once per group). */
  groups: Group[];
  /** Bytes reached from any cell, not through symbols: the rest are symbols and what only they reach. */
  reachedBytes: number;
}
export interface Group { cell: Contributor['cell']; bytes: number; objects: number }
