// tsmacs --dump-info on the default image: every figure must agree with the file itself, and a damaged file gets the loader's refusal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingHost, repoRoot } from './support/runtime.ts';
import { runCli } from '../src/cli/main.ts';
import { analyseDump, type DumpReport } from '../src/cli/dump-info.ts';
import { loadDump } from '../src/dump/loader.ts';
import { H_CONS_END, H_SYM_END, H_STR_END, H_HOT_START, H_STATS, STAT_CONS, STAT_DISC_RELOCS, STAT_FLOAT, STAT_HOT_RELOCS, STAT_STRING, STAT_SYMBOL } from '../src/dump/format.ts';
import { evalPrint } from './support/eval.ts';

const image = join(repoRoot, 'dist', 'tsmacs.pdmp');
const skip = existsSync(image) ? false : 'dist/tsmacs.pdmp is not built (npm run build)';

function report(): { R: DumpReport; bytes: Uint8Array; words: Int32Array } {
  const bytes = new Uint8Array(readFileSync(image));
  return { R: analyseDump(image, bytes), bytes, words: new Int32Array(bytes.buffer) };
}

test('sections tile the file: each starts where the last ended, the sizes add up to the file size', { skip }, () => {
  const { R } = report();
  const size = statSync(image).size;
  assert.equal(R.fileBytes, size);
  let pos = 0;
  for (const s of R.sections) {
    assert.equal(s.start, pos, s.name);
    pos += s.bytes;
  }
  assert.equal(pos, size);
  assert.deepEqual(R.sections[0], { name: 'header', start: 0, bytes: 192 });
  for (const s of R.sections) if (s.name === 'padding') assert.ok(s.bytes < 8, 'padding is alignment only');
  for (const name of ['hot', 'discardable', 'cold', 'object starts'])
    assert.ok(R.sections.some((s) => s.name === name && s.bytes > 0), name);
  // Format 4 stores no relocation table: the verify walk finds and relocates the pointer words.
  assert.deepEqual(R.sections.find((s) => s.name === 'relocations')!.bytes, 0);
});

test('object counts and bytes agree with the object-start table, the sections and the header\'s own counts', { skip }, () => {
  const { R, words } = report();
  const sec = (n: string) => R.sections.find((s) => s.name === n)!;
  const row = (n: string) => R.types.find((t) => t.name === n)!;
  // Every object start is one object, and so is each cons of the cons run (format 5: no entries)
  // and each symbol and string of the symbol and string runs (format 7: none either); together they
  // fill the hot and cold sections.
  assert.equal(R.types.reduce((a, t) => a + t.count, 0), sec('object starts').entries! + (words[H_CONS_END]! - words[H_HOT_START]!) / 8 +
    (words[H_SYM_END]! - words[H_CONS_END]!) / 24 + (words[H_STR_END]! - words[H_SYM_END]!) / 16);
  assert.equal(R.types.filter((t) => t.section === 'hot').reduce((a, t) => a + t.bytes, 0), sec('hot').bytes);
  assert.equal(R.types.filter((t) => t.section === 'cold').reduce((a, t) => a + t.bytes, 0), sec('cold').bytes);
  // Fixed sizes: cons 2 words, symbol 6, string header 4, float 2.
  assert.equal(row('cons').bytes, row('cons').count * 8);
  assert.equal(row('symbol').bytes, row('symbol').count * 24);
  assert.equal(row('string').bytes, row('string').count * 16);
  assert.equal(row('float').bytes, row('float').count * 8);
  // The writer's counts in the header.
  const stat = (i: number) => words[H_STATS + i]!;
  assert.equal(row('cons').count, stat(STAT_CONS));
  assert.equal(row('symbol').count, stat(STAT_SYMBOL));
  assert.equal(row('string').count, stat(STAT_STRING));
  assert.equal(row('float').count, stat(STAT_FLOAT));
  // Relocated words, found in the file as the loader finds them, split by section as the writer counted them.
  const hot = R.relocs.reduce((a, r) => a + r.hot, 0);
  const disc = R.relocs.reduce((a, r) => a + r.discardable, 0);
  assert.equal(sec('relocations').entries, 0);
  assert.equal(hot, stat(STAT_HOT_RELOCS));
  assert.equal(disc, stat(STAT_DISC_RELOCS));
  // Each string header's data pointer is one dump-raw relocation.
  assert.equal(R.relocs.find((r) => r.kind === 'dump-raw')!.hot, row('string data').count);
});

test('top contributors: sorted, and their figures agree with the loaded world', { skip }, () => {
  const { R } = report();
  for (let i = 1; i < R.top.length; i++) assert.ok(R.top[i - 1]!.bytes >= R.top[i]!.bytes);
  const rt = loadDump(capturingHost(), image);
  // The obarray is one vector: its header and slots, rounded up to a granule.
  const n = Number(evalPrint(rt, '(length obarray)'));
  const ob = R.top.find((c) => c.symbol === 'obarray' && c.cell === 'value')!;
  assert.deepEqual([ob.bytes, ob.objects], [Math.ceil((4 * (1 + n)) / 8) * 8, 1]);
  // load-history: its conses and strings; at least one cons per entry of the list.
  const lh = R.top.find((c) => c.symbol === 'load-history');
  if (lh) assert.ok(lh.objects >= Number(evalPrint(rt, '(length load-history)')));
  // All cells together reach no more than the objects there are.
  const objects = R.types.reduce((a, t) => a + t.bytes, 0);
  assert.ok(R.reachedBytes <= objects && R.reachedBytes > objects / 2);
  for (const g of R.groups) assert.ok(g.bytes <= R.reachedBytes, g.cell);
});

test('the CLI prints the report and draws the SVG', { skip }, () => {
  const host = capturingHost();
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-dump-info-'));
  const svg = join(dir, 'out.svg');
  assert.equal(runCli(['--dump-info', image, '--svg', svg], host), 0, host.err());
  const out = host.out();
  const size = statSync(image).size.toLocaleString('en-US');
  assert.match(out, new RegExp(`^size: ${size} bytes$`, 'm'));
  assert.match(out, new RegExp(`^  total +${size}$`, 'm'));
  assert.match(out, /^fingerprint: [0-9a-f]{64} \(this build's\)$/m);
  assert.match(out, /^largest contributors/m);
  const text = readFileSync(svg, 'utf8');
  assert.ok(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(text.trimEnd().endsWith('</svg>'));
  // The section bar is drawn to scale: its pieces add up to the bar's width.
  const widths = [...text.matchAll(/<rect x="[\d.]+" y="80" width="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(Math.abs(widths.reduce((a, b) => a + b, 0) - 960) < 2, String(widths));
});

test('a damaged or missing file gets the loader\'s refusal and exit status', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-dump-info-'));
  const good = readFileSync(image);
  const cases: [string, Uint8Array | null, RegExp, number][] = [
    ['flipped.pdmp', (() => { const b = Uint8Array.from(good); b[b.length - 50]! ^= 1; return b; })(), /dump file is corrupt \(checksum mismatch\)/, 9],
    ['short.pdmp', good.subarray(0, 4096), /dump file is truncated/, 8],
    ['text.pdmp', new TextEncoder().encode('(not a dump)\n'), /not a dump file/, 4],
    ['missing.pdmp', null, /could not open file/, 3],
  ];
  for (const [name, bytes, message, status] of cases) {
    const file = join(dir, name);
    if (bytes) writeFileSync(file, bytes);
    const host = capturingHost();
    assert.equal(runCli(['--dump-info', file], host), status, name);
    assert.match(host.err(), message, name);
    assert.equal(host.out(), '', name);
  }
  const host = capturingHost();
  assert.equal(runCli(['--svg', join(dir, 'x.svg')], host), 2);
  assert.match(host.err(), /--svg goes with --dump-info FILE/);
});
