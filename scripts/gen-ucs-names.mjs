// Generate etc/ucs-names.txt and src/emacs/ucs-names-data.ts, the packed Unicode name table of `char-from-name' and \N{NAME}.
//
// Input: Debian's unicode-data package (`apt-get install -y unicode-data`), read from
// /usr/share/unicode (or UNICODE_DIR). Only the generator needs it; the output is committed.
//
// GNU Emacs 28.2 knows Unicode 14.0, so characters that DerivedAge.txt dates after 14.0 are
// left out, whatever version the package has. Which names GNU accepts was found by running it
// (its `ucs-names' table and `char-from-name'), not by reading its source:
//   - a character's name and its Unicode 1.0 name (UnicodeData field 10) both name it; when
//     two characters share a name, the higher code wins ("LATIN CAPITAL LETTER YOGH" is
//     U+021C, not U+01B7 whose old name it is; "BELL" is U+1F514);
//   - U+0007 is also "BELL (BEL)"; every name with LAMDA also answers to LAMBDA;
//   - the table leaves out CJK compatibility ideographs, Tangut components, Khitan small
//     script and U+16FE4, U+16FF0..U+16FF1 (SKIP below); of those, char-from-name still
//     finds the ones whose name is PREFIX-HEX, as it finds CJK unified ideographs, Tangut
//     ideographs and surrogates (COMPUTED below, with GNU's prefixes);
//   - Hangul syllables are in the table, their names made from the jamo short names.
// The test corpus checks the whole result against GNU (test/corpus/reader.el).
//
// Packing (decoded by src/emacs/ucs-names.ts): the words of all names, most frequent first,
// joined by spaces; then one record per name, in code order, each name sharing its first
// K words with the previous record's: varint K, varint N*3+D, [varint DELTA if D = 2],
// N varint word indices. D: 0 = code + 1, 1 = same code, 2 = code + DELTA.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.UNICODE_DIR || '/usr/share/unicode';
const read = (name) => {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    process.stderr.write(`gen-ucs-names: cannot read ${join(dir, name)} (apt-get install -y unicode-data)\n`);
    process.exit(1);
  }
};
const MAX_AGE = 14.0;
const SKIP = [[0xf900, 0xfaff], [0x16fe4, 0x16fe4], [0x16ff0, 0x16ff1], [0x18800, 0x18cff], [0x2f800, 0x2fa1f]];
// UnicodeData's ranges and explicit PREFIX-HEX names, as GNU's name property spells them.
const RANGE_PREFIX = [
  [/^<CJK Ideograph/, 'CJK IDEOGRAPH-'],
  [/^<Tangut Ideograph/, 'TANGUT IDEOGRAPH-'],
  [/^<(Non Private Use|Private Use) High Surrogate/, 'HIGH SURROGATE-'],
  [/^<Low Surrogate/, 'LOW SURROGATE-'],
];
const EXPLICIT_COMPUTED = ['CJK COMPATIBILITY IDEOGRAPH-', 'KHITAN SMALL SCRIPT CHARACTER-'];

const ages = [];
for (const line of read('DerivedAge.txt').split('\n')) {
  const m = /^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*([\d.]+)/.exec(line);
  if (m) ages.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16), parseFloat(m[3])]);
}
const known = (c) => ages.some(([a, b, v]) => c >= a && c <= b && v <= MAX_AGE);
const version = /DerivedAge-([\d.]+)\.txt/.exec(read('DerivedAge.txt'))?.[1] ?? '?';

const byName = new Map(); // name -> code, the higher code winning
const computed = []; // [from, to, prefix] runs
const addComputed = (c, prefix) => {
  const last = computed[computed.length - 1];
  if (last && last[2] === prefix && last[1] === c - 1) last[1] = c;
  else computed.push([c, c, prefix]);
};
let rangeStart = -1;
let rangeName = '';
for (const line of read('UnicodeData.txt').split('\n')) {
  if (!line) continue;
  const f = line.split(';');
  const c = parseInt(f[0], 16);
  const name = f[1];
  if (name.endsWith(', First>')) {
    rangeStart = c;
    rangeName = name;
    continue;
  }
  if (name.endsWith(', Last>')) {
    const rule = RANGE_PREFIX.find(([re]) => re.test(rangeName));
    if (rule) for (let x = rangeStart; x <= c; x++) if (known(x)) addComputed(x, rule[1]);
    continue;
  }
  if (!known(c)) continue;
  const prefix = EXPLICIT_COMPUTED.find((p) => name === p + f[0]);
  if (prefix) addComputed(c, prefix);
  if (SKIP.some(([a, b]) => c >= a && c <= b)) continue;
  for (const n of [name, f[10]]) if (n && !n.startsWith('<')) byName.set(n, c);
}
// GNU names the two holes U+FA6E and U+FA6F like their neighbours.
const holes = computed.findIndex(([a, b, p]) => b === 0xfa6d && p === EXPLICIT_COMPUTED[0]);
if (holes >= 0 && computed[holes + 1]?.[0] === 0xfa70) computed.splice(holes, 2, [0xf900, computed[holes + 1][1], EXPLICIT_COMPUTED[0]]);
byName.set('BELL (BEL)', 7);
for (const [n, c] of [...byName]) if (n.includes('LAMDA')) byName.set(n.replaceAll('LAMDA', 'LAMBDA'), c);

// Jamo short names for the Hangul syllables (L, V and T parts, T starting with the empty one).
const jamo = new Map();
for (const line of read('Jamo.txt').split('\n')) {
  const m = /^([0-9A-F]+)\s*;\s*([A-Z]*)/.exec(line);
  if (m) jamo.set(parseInt(m[1], 16), m[2]);
}
const part = (from, n) => Array.from({ length: n }, (_, i) => jamo.get(from + i) ?? '');
const hangul = [part(0x1100, 19), part(0x1161, 21), ['', ...part(0x11a8, 27)]];

// Pack.
const entries = [...byName].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const TERM = [];
const CONT = [];
for (let ch = 0x23; ch <= 0x7e; ch++) if (ch !== 0x5c) (TERM.length < 46 ? TERM : CONT).push(String.fromCharCode(ch));
const varint = (v) => {
  let s = TERM[v % 46];
  let p = Math.floor(v / 46);
  while (p > 0) {
    p--;
    s = CONT[p % 45] + s;
    p = Math.floor(p / 45);
  }
  return s;
};
const split = entries.map(([n]) => n.split(' '));
const freq = new Map();
const shared = [];
for (let i = 0; i < split.length; i++) {
  const prev = i ? split[i - 1] : [];
  const words = split[i];
  let k = 0;
  while (k < words.length - 1 && k < prev.length && words[k] === prev[k]) k++;
  shared.push(k);
  for (const w of words.slice(k)) freq.set(w, (freq.get(w) ?? 0) + 1);
}
const dict = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
const index = new Map(dict.map((w, i) => [w, i]));
let records = '';
let prevCode = -1;
for (let i = 0; i < entries.length; i++) {
  const code = entries[i][1];
  const delta = code - prevCode;
  const d = delta === 1 ? 0 : delta === 0 ? 1 : 2;
  const rest = split[i].slice(shared[i]);
  records += varint(shared[i]) + varint(rest.length * 3 + d) + (d === 2 ? varint(delta) : '');
  for (const w of rest) records += varint(index.get(w));
  prevCode = code;
}

const out = `// Unicode ${MAX_AGE.toFixed(1)} character names as GNU Emacs 28.2 knows them, packed; made by scripts/gen-ucs-names.mjs from unicode-data ${version}: do not edit.
// The names themselves are in etc/ucs-names.txt (the words, then the records), read on first use.

/** Names in the table. */
export const UCS_NAME_COUNT = ${entries.length};

/** Hangul syllable name parts: the leading, vowel and trailing jamo short names. */
export const HANGUL_PARTS: readonly (readonly string[])[] = ${JSON.stringify(hangul)};

/** Characters named PREFIX-HEX that char-from-name computes: FROM, TO, PREFIX. */
export const COMPUTED_NAMES: readonly (readonly [number, number, string])[] = [
${computed.map(([a, b, p]) => `  [0x${a.toString(16)}, 0x${b.toString(16)}, ${JSON.stringify(p)}],`).join('\n')}
];
`;
writeFileSync(join(root, 'src/emacs/ucs-names-data.ts'), out);
// Line 1: the words of the names, most frequent first, joined by spaces; line 2: one record per
// name in code order (the layout above). Outside the bundle: start-ups never read it.
if (/[\n"]/.test(dict.join(' ') + records)) throw new Error('a name word or record holds a newline or quote');
writeFileSync(join(root, 'etc/ucs-names.txt'), dict.join(' ') + '\n' + records + '\n');
process.stdout.write(`gen-ucs-names: ${entries.length} names, ${dict.length} words, ${out.length} bytes, ${computed.length} computed ranges\n`);
