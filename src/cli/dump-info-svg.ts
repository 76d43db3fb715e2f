// The --dump-info report drawn as SVG: the file's sections to scale, and treemaps of bytes per object type and per top contributor.

import type { DumpReport } from './dump-report.ts';

interface Rect { x: number; y: number; w: number; h: number }
interface Item { label: string; value: number; detail: string }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number): string => n.toLocaleString('en-US');
const kb = (n: number): string => (n >= 10240 ? `${(n / 1024).toFixed(0)} KB` : `${num(n)} B`);

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
  '#bab0ac', '#86bcb6', '#d4a6c8', '#a0cbe8', '#ffbe7d', '#8cd17d', '#f1ce63'];

/** Squarified treemap (Bruls, Huizing, van Wijk): rows laid along the shorter side, keeping cells near square. */
function squarify(items: Item[], box: Rect): [Item, Rect][] {
  const out: [Item, Rect][] = [];
  const total = items.reduce((a, i) => a + i.value, 0);
  if (total <= 0) return out;
  const scale = (box.w * box.h) / total;
  const rest = items.filter((i) => i.value > 0).sort((a, b) => b.value - a.value);
  let r = { ...box };
  const worst = (row: number[], side: number): number => {
    const s = row.reduce((a, v) => a + v, 0);
    const max = Math.max(...row);
    const min = Math.min(...row);
    return Math.max((side * side * max) / (s * s), (s * s) / (side * side * min));
  };
  while (rest.length > 0) {
    const side = Math.min(r.w, r.h);
    const row: Item[] = [rest.shift()!];
    while (rest.length > 0) {
      const cur = row.map((i) => i.value * scale);
      const next = [...cur, rest[0]!.value * scale];
      if (worst(next, side) > worst(cur, side)) break;
      row.push(rest.shift()!);
    }
    const area = row.reduce((a, i) => a + i.value * scale, 0);
    const thick = area / side;
    let off = 0;
    for (const it of row) {
      const len = (it.value * scale) / thick;
      out.push([it, r.w >= r.h ? { x: r.x, y: r.y + off, w: thick, h: len } : { x: r.x + off, y: r.y, w: len, h: thick }]);
      off += len;
    }
    r = r.w >= r.h ? { x: r.x + thick, y: r.y, w: r.w - thick, h: r.h } : { x: r.x, y: r.y + thick, w: r.w, h: r.h - thick };
  }
  return out;
}

function treemap(items: Item[], box: Rect, title: string): string {
  const parts: string[] = [`<text x="${box.x}" y="${box.y - 8}" class="h">${esc(title)}</text>`];
  squarify(items, box).forEach(([it, r], i) => {
    parts.push(`<g><title>${esc(`${it.label}: ${it.detail}`)}</title>` +
      `<rect x="${r.x.toFixed(1)}" y="${r.y.toFixed(1)}" width="${r.w.toFixed(1)}" height="${r.h.toFixed(1)}" fill="${PALETTE[i % PALETTE.length]}" stroke="#fff" stroke-width="1.5"/>`);
    // A label only where it fits: about 6.5 px per character at this size.
    if (r.w > 40 && r.h > 18) {
      const max = Math.floor((r.w - 8) / 6.5);
      const name = it.label.length > max ? it.label.slice(0, Math.max(1, max - 1)) + '…' : it.label;
      parts.push(`<text x="${(r.x + 4).toFixed(1)}" y="${(r.y + 14).toFixed(1)}" class="t">${esc(name)}</text>`);
      if (r.h > 32) parts.push(`<text x="${(r.x + 4).toFixed(1)}" y="${(r.y + 28).toFixed(1)}" class="s">${esc(kb(it.value))}</text>`);
    }
    parts.push('</g>');
  });
  return parts.join('\n');
}

/** The whole picture, 1000 x 760. */
export function dumpInfoSvg(R: DumpReport): string {
  const W = 1000;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="760" viewBox="0 0 ${W} 760" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">`);
  parts.push('<style>.h{font-size:15px;font-weight:bold;fill:#222}.t{font-size:11px;fill:#fff}.s{font-size:10px;fill:#f4f4f4}.l{font-size:11px;fill:#333}</style>');
  parts.push('<rect width="100%" height="100%" fill="#fafafa"/>');
  const name = R.file.split('/').pop() ?? R.file;
  parts.push(`<text x="20" y="28" font-size="18" font-weight="bold" fill="#111">${esc(`${name}: ${num(R.fileBytes)} bytes, format ${R.version}`)}</text>`);
  parts.push(`<text x="20" y="46" class="l">${esc(`fingerprint ${R.fingerprint}`)}</text>`);

  // Sections to scale along one bar; the legend gives the exact sizes.
  const barX = 20;
  const barW = W - 40;
  const barY = 80;
  parts.push(`<text x="${barX}" y="${barY - 8}" class="h">Sections (to scale)</text>`);
  const sectionColor: Record<string, string> = {
    header: '#555', hot: '#e15759', discardable: '#edc948', cold: '#4e79a7', relocations: '#59a14f', 'object starts': '#b07aa1', padding: '#ccc',
  };
  let x = barX;
  for (const s of R.sections) {
    const w = (s.bytes / R.fileBytes) * barW;
    parts.push(`<rect x="${x.toFixed(2)}" y="${barY}" width="${Math.max(w, 0.5).toFixed(2)}" height="36" fill="${sectionColor[s.name] ?? '#999'}"><title>${esc(`${s.name}: ${num(s.bytes)} bytes`)}</title></rect>`);
    x += w;
  }
  let lx = barX;
  for (const s of R.sections.filter((s) => s.name !== 'padding')) {
    const text = `${s.name} ${kb(s.bytes)} (${((100 * s.bytes) / R.fileBytes).toFixed(1)}%)`;
    parts.push(`<rect x="${lx}" y="${barY + 46}" width="10" height="10" fill="${sectionColor[s.name]}"/><text x="${lx + 14}" y="${barY + 55}" class="l">${esc(text)}</text>`);
    lx += 14 + text.length * 6 + 10;
  }

  const types: Item[] = R.types.map((t) => ({ label: t.name, value: t.bytes, detail: `${num(t.count)} objects, ${num(t.bytes)} bytes (${t.section})` }));
  parts.push(treemap(types, { x: 20, y: 190, w: 470, h: 550 }, 'Bytes by object type'));
  const top: Item[] = R.top.map((c) => ({ label: `${c.symbol} (${c.cell})`, value: c.bytes, detail: `${num(c.bytes)} bytes reachable, ${num(c.objects)} objects` }));
  parts.push(treemap(top, { x: 510, y: 190, w: 470, h: 550 }, `Top ${R.top.length} contributors (reachable bytes)`));
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
