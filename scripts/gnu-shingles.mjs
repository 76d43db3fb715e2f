#!/usr/bin/env node
// Clean-room token check (CONTRIBUTING.md): what share of a Lisp file's 12-token code shingles
// (comments dropped, every string one token) also occur in GNU's twin file(s), and the longest
// run of consecutive shared shingles, in tokens. Layout-blind, unlike the line check.
//   node scripts/gnu-shingles.mjs lisp/OURS.el /usr/share/emacs/28.2/lisp/TWIN.el.gz [MORE.el.gz...]
//   node scripts/gnu-shingles.mjs --runs N lisp/OURS.el TWIN...   (also print each run of N+ tokens)
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';

const K = 12;
const read = (p) => (p.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(p)) : fs.readFileSync(p)).toString('utf8');
function tokens(text) {
  const out = [];
  const re = /;[^\n]*|"(?:[^"\\]|\\.)*"|\?\\?.|[()'`,\[\]]|[^\s()'`,\[\]";]+/gs;
  for (let m; (m = re.exec(text)); ) {
    if (m[0][0] === ';') continue;
    out.push({ s: m[0][0] === '"' ? '"S"' : m[0], at: m.index });
  }
  return out;
}
const args = process.argv.slice(2);
let runs = 0;
if (args[0] === '--runs') { runs = Number(args[1]); args.splice(0, 2); }
const [ours, ...twins] = args;
if (!ours || twins.length === 0) {
  console.error('usage: gnu-shingles.mjs [--runs N] OURS.el GNU-TWIN.el[.gz]...');
  process.exit(2);
}
const theirs = new Set();
for (const t of twins) {
  const ts = tokens(read(t)).map((x) => x.s);
  for (let i = 0; i + K <= ts.length; i++) theirs.add(ts.slice(i, i + K).join(' '));
}
const text = fs.readFileSync(ours, 'utf8');
const mine = tokens(text);
let shared = 0, total = 0, run = 0, best = 0;
for (let i = 0; i + K <= mine.length + 1; i++) {
  const hit = i + K <= mine.length && theirs.has(mine.slice(i, i + K).map((x) => x.s).join(' '));
  if (i + K <= mine.length) { total++; if (hit) shared++; }
  if (hit) { run++; best = Math.max(best, run); continue; }
  if (runs && run > 0 && run + K - 1 >= runs) {
    const from = mine[i - run].at;
    console.log(`--- ${run + K - 1} tokens at line ${text.slice(0, from).split('\n').length}`);
  }
  run = 0;
}
console.log(`${path.basename(ours)}: ${shared}/${total} shingles (${total ? (100 * shared / total).toFixed(1) : '0.0'}%), longest run ${best ? best + K - 1 : 0} tokens`);
