#!/usr/bin/env node
// Marks the lines of our Lisp files that are identical to some line of GNU Emacs 28.2's Lisp
// (Debian emacs-el, /usr/share/emacs/28.2/lisp), the runs of them, and long prose strings equal
// to GNU's. It prints only our own lines, never GNU's text around them: see CONTRIBUTING.md,
// "Clean room". Same normalisation and thresholds as the project-wide check.
//
// Usage: node scripts/gnu-identical-lines.mjs lisp/foo.el [more.el ...] [--all]
//   --all prints every line, not only the identical ones.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const GNU_LISP = process.env.GNU_LISP || '/usr/share/emacs/28.2/lisp';
if (!fs.existsSync(GNU_LISP)) {
  console.error(`gnu-identical-lines: ${GNU_LISP} is missing (apt-get install emacs-el)`);
  process.exit(2);
}

const elFiles = (dir, out = []) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) elFiles(p, out);
    else if (/\.el(\.gz)?$/.test(e.name)) out.push(p);
  }
  return out;
};
const readText = (p) => (p.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(p)) : fs.readFileSync(p)).toString('utf8');
const squeeze = (line) => line.trim().replace(/\s+/g, ' ');
// Lines too short or too generic to say anything about authorship are not counted.
const counts = (l) => l.length >= 12 && /[A-Za-z0-9]/.test(l) && !/^;+\s*(Code|Commentary|End|Local Variables):?/i.test(l);
const unescape = (s) => s.replace(/\\n/g, ' ').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();

/** The string literals of Lisp TEXT, skipping comments and character literals. */
function stringLiterals(text) {
  const found = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ';') { const eol = text.indexOf('\n', i); i = eol < 0 ? text.length : eol; continue; }
    if (c === '?') { i += text[i + 1] === '\\' ? 2 : 1; continue; }
    if (c !== '"') continue;
    let j = i + 1, body = '';
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\') { body += text.slice(j, j + 2); j += 2; } else body += text[j++];
    }
    found.push(unescape(body));
    i = j;
  }
  return found;
}
const sentences = (s) => [s, ...s.split(/(?<=\.)\s+/).filter((x) => x.length >= 40)];

const gnuLines = new Set(), gnuPairs = new Set(), gnuProse = new Set();
for (const p of elFiles(GNU_LISP)) {
  const text = readText(p);
  const lines = text.split('\n').map(squeeze).filter(counts);
  lines.forEach((l, i) => { gnuLines.add(l); if (i) gnuPairs.add(lines[i - 1] + '\0' + l); });
  for (const s of stringLiterals(text)) if (s.length >= 40) for (const x of sentences(s)) gnuProse.add(x);
}

const showAll = process.argv.includes('--all');
for (const file of process.argv.slice(2).filter((a) => a !== '--all')) {
  const text = readText(file);
  let total = 0, same = 0, prev = null, run = 0, longest = 0;
  console.log(`=== ${file}`);
  text.split('\n').forEach((line, i) => {
    const l = squeeze(line);
    const no = String(i + 1).padStart(5);
    if (!counts(l)) { if (showAll) console.log(`      ${no}  ${line}`); return; }
    total++;
    const hit = gnuLines.has(l);
    if (hit) same++;
    run = prev !== null && gnuPairs.has(prev + '\0' + l) ? (run ? run + 1 : 2) : 0;
    longest = Math.max(longest, run);
    prev = l;
    if (hit || showAll) console.log(`${hit ? 'SAME' : '    '}${run >= 2 ? '+' + Math.min(run, 9) : '  '}${no}  ${line}`);
  });
  for (const s of stringLiterals(text)) {
    if (s.length >= 40 && /\.(\s|$)/.test(s) && sentences(s).some((x) => gnuProse.has(x))) console.log(`PROSE  "${s.slice(0, 90)}"`);
  }
  const share = total ? ((100 * same) / total).toFixed(1) : '0';
  console.log(`--- ${file}: ${same}/${total} lines identical (${share}%), longest run ${longest}\n`);
}
