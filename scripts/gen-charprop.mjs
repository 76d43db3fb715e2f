// Generate etc/charprop.txt, the Unicode character properties behind `get-char-code-property'.
//
// Input: Debian's unicode-data package (`apt-get install -y unicode-data`), read from
// /usr/share/unicode (or UNICODE_DIR): UnicodeData.txt, BidiMirroring.txt, DerivedAge.txt. Only
// the generator needs it; the output is committed and read by src/emacs/charprop.ts on first use.
//
// GNU Emacs 28.2 knows Unicode 14.0: characters that DerivedAge.txt dates later are unassigned
// here, whatever version the package has. What GNU answers was found by running it over every
// code point (not by reading its source):
//   - unassigned code points: general category Cn, bidi class L except in the ranges of
//     UNASSIGNED_BIDI below (observed), no name, decomposition the character itself;
//   - names of ranges: CJK and Tangut ideographs and surrogates by PREFIX-HEX, Hangul
//     syllables from their jamo (computed by the reader), CJK compatibility ideographs by
//     PREFIX-HEX from the first to the last of each block, assigned or not;
//   - numeric values: UnicodeData's, but for GNU_NUMERIC below;
//   - decomposition: one level, the UnicodeData field as a list, a <tag> as a symbol
//     without brackets; Hangul syllables are their own decomposition;
//   - case mappings, numeric values, mirroring: nil when UnicodeData (BidiMirroring) has none.
//
// Format (one line per property, "NAME FIELD...", so that a reader decodes only the property
// asked for): runs "FROM-TO=VALUE" or single "CODE=VALUE", hex codes, separated by spaces; a
// value ~D is the character D after the code (case mappings, mirroring). Names: see below.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.UNICODE_DIR || '/usr/share/unicode';
const read = (name) => {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    process.stderr.write(`gen-charprop: cannot read ${join(dir, name)} (apt-get install -y unicode-data)\n`);
    process.exit(1);
  }
};
const MAX_AGE = 14.0;
const LAST = 0x10ffff;

// Bidi classes GNU 28.2 gives unassigned code points other than L (observed).
const UNASSIGNED_BIDI = `590-590 R 5c8-5cf R 5eb-5ee R 5f5-5ff R 7fb-7fc R 82e-82f R 83f-83f R 85c-85d R 85f-85f R 86b-86f R
88f-88f R 892-897 R fb37-fb37 R fb3d-fb3d R fb3f-fb3f R fb42-fb42 R fb45-fb45 R fbc3-fbd2 AL
fd90-fd91 AL fdc8-fdce AL fdd0-fdef AL fe75-fe75 AL fefd-fefe AL 10806-10807 R 10809-10809 R
10836-10836 R 10839-1083b R 1083d-1083e R 10856-10856 R 1089f-108a6 R 108b0-108df R 108f3-108f3 R
108f6-108fa R 1091c-1091e R 1093a-1093e R 10940-1097f R 109b8-109bb R 109d0-109d1 R 10a04-10a04 R
10a07-10a0b R 10a14-10a14 R 10a18-10a18 R 10a36-10a37 R 10a3b-10a3e R 10a49-10a4f R 10a59-10a5f R
10aa0-10abf R 10ae7-10aea R 10af7-10aff R 10b36-10b38 R 10b56-10b57 R 10b73-10b77 R 10b92-10b98 R
10b9d-10ba8 R 10bb0-10bff R 10c49-10c7f R 10cb3-10cbf R 10cf3-10cf9 R 10d28-10d2f R 10d3a-10e5f R
10e7f-10e7f R 10eaa-10eaa R 10eae-10eaf R 10eb2-10eff R 10f28-10f2f R 10f5a-10f6f R 10f8a-10faf R
10fcc-10fdf R 10ff7-10fff R 1e8c5-1e8c6 R 1e8d7-1e8ff R 1e94c-1e94f R 1e95a-1e95d R 1e960-1ec70 R
1ecb5-1ed00 R 1ed3e-1edff R 1ee04-1ee04 R 1ee20-1ee20 R 1ee23-1ee23 R 1ee25-1ee26 R 1ee28-1ee28 R
1ee33-1ee33 R 1ee38-1ee38 R 1ee3a-1ee3a R 1ee3c-1ee41 R 1ee43-1ee46 R 1ee48-1ee48 R 1ee4a-1ee4a R
1ee4c-1ee4c R 1ee50-1ee50 R 1ee53-1ee53 R 1ee55-1ee56 R 1ee58-1ee58 R 1ee5a-1ee5a R 1ee5c-1ee5c R
1ee5e-1ee5e R 1ee60-1ee60 R 1ee63-1ee63 R 1ee65-1ee66 R 1ee6b-1ee6b R 1ee73-1ee73 R 1ee78-1ee78 R
1ee7d-1ee7d R 1ee7f-1ee7f R 1ee8a-1ee8a R 1ee9c-1eea0 R 1eea4-1eea4 R 1eeaa-1eeaa R 1eebc-1eeef R
1eef2-1efff R`;

// What `char-code-property-description' says of the values of three properties (GNU's
// words, from Unicode's descriptions of the values; observed by running GNU 28.2).
const DESCRIPTIONS = [
  `general-category-descriptions Lu=Letter, Uppercase|Ll=Letter, Lowercase|Lt=Letter, Titlecase|Lm=Letter, Modifier|Lo=Letter, Other|Mn=Mark, Nonspacing|Mc=Mark, Spacing Combining|Me=Mark, Enclosing|Nd=Number, Decimal Digit|Nl=Number, Letter|No=Number, Other|Pc=Punctuation, Connector|Pd=Punctuation, Dash|Ps=Punctuation, Open|Pe=Punctuation, Close|Pi=Punctuation, Initial quote|Pf=Punctuation, Final quote|Po=Punctuation, Other|Sm=Symbol, Math|Sc=Symbol, Currency|Sk=Symbol, Modifier|So=Symbol, Other|Zs=Separator, Space|Zl=Separator, Line|Zp=Separator, Paragraph|Cc=Other, Control|Cf=Other, Format|Cs=Other, Surrogate|Co=Other, Private Use|Cn=Other, Not Assigned`,
  `bidi-class-descriptions L=Left-to-Right|LRE=Left-to-Right Embedding|LRO=Left-to-Right Override|LRI=Left-to-Right Isolate|R=Right-to-Left|AL=Right-to-Left Arabic|RLE=Right-to-Left Embedding|RLO=Right-to-Left Override|RLI=Right-to-Left Isolate|FSI=First Strong Isolate|PDF=Pop Directional Format|PDI=Pop Directional Isolate|EN=European Number|ES=European Number Separator|ET=European Number Terminator|AN=Arabic Number|CS=Common Number Separator|NSM=Non-Spacing Mark|BN=Boundary Neutral|B=Paragraph Separator|S=Segment Separator|WS=Whitespace|ON=Other Neutrals`,
  `canonical-combining-class-descriptions 0=Spacing, split, enclosing, reordrant, and Tibetan subjoined|1=Overlays and interior|7=Nuktas|8=Hiragana/Katakana voicing marks|9=Viramas|10=Start of fixed position classes|199=End of fixed position classes|200=Below left attached|202=Below attached|204=Below right attached|208=Left attached (reordrant around single base character)|210=Right attached|212=Above left attached|214=Above attached|216=Above right attached|218=Below left|220=Below|222=Below right|224=Left (reordrant around single base character)|226=Right|228=Above left|230=Above|232=Above right|233=Double below|234=Double above|240=Below (iota subscript)`,
];

// The numeric values GNU 28.2 gives in six blocks (Meroitic cursive fractions, Tamil
// fractions, cuneiform numbers, Pahawh Hmong and Indic Siyaq numbers) differ from UnicodeData's:
// its table shifts them along the block. Observed over every code point; we follow GNU.
const GNU_NUMERIC = `109f9=0.5 109fa=0.6666666666666666 109fb=0.75 109fc=0.8333333333333334 109fd=nil 109fe=nil
109ff=nil 11fc2=0.00625 11fc3=0.00625 11fc4=0.015625 11fc5=0.025 11fc6=0.025 11fc7=0.025
11fc8=0.025 11fc9=0.025 11fca=0.0375 11fcb=0.0375 11fcc=0.0375 11fcd=0.0375 11fce=0.0375
11fcf=0.0375 11fd0=0.05 11fd1=0.0625 11fd2=0.0625 11fd3=0.1 11fd4=0.125 11fd5=0.15 11fd6=0.1875
11fd7=0.2 11fd8=0.25 11fd9=0.5 11fda=0.5 11fdb=0.75 11fdc=0.75 12432=5 12433=5 12434=5 12435=5
12436=5 12437=5 12438=432000 12439=1 1243a=2 1243c=3 1243e=5 1243f=3 12440=3 12441=4 12442=4
12443=4 12444=4 12445=6 12446=7 12447=7 12448=7 12449=8 1244a=8 1244b=9 1244c=9 1244d=9 1244e=9
1244f=2 12450=3 12451=4 12452=5 12453=6 12454=1 12455=2 12456=3 12457=4 12458=4 12459=5 1245a=5
1245b=2 1245c=3 1245d=1 1245e=2 1245f=0.3333333333333333 12460=0.6666666666666666
12461=0.8333333333333334 12462=0.3333333333333333 12463=0.6666666666666666 12464=0.125 12465=0.25
12466=0.16666666666666666 12467=0.25 12468=0.25 12469=0.5 1246a=0.3333333333333333
1246b=0.6666666666666666 1246c=40 1246d=50 1246e=4 1246f=5 12470=6 12471=7 12472=8 12473=9
16b5e=10000 16b5f=10000 16b60=10000 16b61=10000 16b62=10000 16b63=10000 16b64=10000 16b65=10000
16b66=100000000 16b67=100000000 16b68=100000000 16b69=100000000 16b6a=100000000 16b6b=100000000
16b6c=100000000 16b6d=100000000 16b6e=100000000 16b6f=100000000 16b70=100000000 16b71=1000000000000
1eca1=100000 1eca2=100000 1eca3=100000 1eca4=100000 1eca5=100000 1eca6=100000 1eca7=100000
1eca8=100000 1eca9=100000 1ecaa=100000 1ecab=100000 1ecac=100000 1ecad=20000000 1ecae=1 1ecaf=2
1ecb0=3 1ecb1=4 1ecb2=5 1ecb3=6 1ecb4=7 1ecb5=8 1ecb6=9 1ecb8=0.25 1ecb9=0.5 1ecba=0.75 1ecbc=1
1ecbd=2 1ecbe=10000 1ecbf=100000`;

const ages = [];
for (const line of read('DerivedAge.txt').split('\n')) {
  const m = /^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*([\d.]+)/.exec(line);
  if (m) ages.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16), parseFloat(m[3])]);
}
const age = new Float32Array(LAST + 1).fill(Infinity);
for (const [a, b, v] of ages) for (let c = a; c <= b; c++) age[c] = v;
const known = (c) => age[c] <= MAX_AGE;
const version = /DerivedAge-([\d.]+)\.txt/.exec(read('DerivedAge.txt'))?.[1] ?? '?';

/** Per property, code -> value text (absent: the default). */
const props = {
  'general-category': new Map(), 'old-name': new Map(), decomposition: new Map(), mirroring: new Map(),
  mirrored: new Map(), uppercase: new Map(), lowercase: new Map(), titlecase: new Map(),
  'bidi-class': new Map(), 'canonical-combining-class': new Map(), 'numeric-value': new Map(),
  'decimal-digit-value': new Map(), 'digit-value': new Map(),
};
const names = new Map();
const nameRanges = []; // [from, to, prefix]

/** The numeric-value field as GNU gives it: an integer, or a float for a fraction. */
const numeric = (s) => {
  const m = /^(-?\d+)\/(\d+)$/.exec(s);
  if (!m) return s;
  const v = Number(m[1]) / Number(m[2]);
  return Number.isInteger(v) ? `${v}.0` : String(v);
};

const setFields = (c, f) => {
  props['general-category'].set(c, f[2]);
  if (f[3] !== '0') props['canonical-combining-class'].set(c, f[3]);
  props['bidi-class'].set(c, f[4]);
  if (f[5]) {
    const parts = f[5].split(' ');
    const tag = /^<(.*)>$/.exec(parts[0]);
    props.decomposition.set(c, [...(tag ? [tag[1]] : []), ...parts.slice(tag ? 1 : 0).map((h) => String(parseInt(h, 16)))].join(','));
  }
  if (f[6]) props['decimal-digit-value'].set(c, f[6]);
  if (f[7]) props['digit-value'].set(c, f[7]);
  if (f[8]) props['numeric-value'].set(c, numeric(f[8]));
  if (f[9] === 'Y') props.mirrored.set(c, 'Y');
  if (f[10]) props['old-name'].set(c, f[10]);
  // Case mappings are written as distances (~D), which repeat over runs.
  if (f[12]) props.uppercase.set(c, `~${parseInt(f[12], 16) - c}`);
  if (f[13]) props.lowercase.set(c, `~${parseInt(f[13], 16) - c}`);
  if (f[14]) props.titlecase.set(c, `~${parseInt(f[14], 16) - c}`);
};

const RANGE_PREFIX = [
  [/^<CJK Ideograph/, 'CJK IDEOGRAPH-'],
  [/^<Tangut Ideograph/, 'TANGUT IDEOGRAPH-'],
  [/^<(Non Private Use|Private Use) High Surrogate/, 'HIGH SURROGATE-'],
  [/^<Low Surrogate/, 'LOW SURROGATE-'],
];
let rangeStart = -1;
let rangeFields = null;
for (const line of read('UnicodeData.txt').split('\n')) {
  if (!line) continue;
  const f = line.split(';');
  const c = parseInt(f[0], 16);
  if (f[1].endsWith(', First>')) {
    rangeStart = c;
    rangeFields = f;
    continue;
  }
  if (f[1].endsWith(', Last>')) {
    const rule = RANGE_PREFIX.find(([re]) => re.test(rangeFields[1]));
    for (let x = rangeStart; x <= c; x++) {
      if (!known(x)) continue;
      setFields(x, rangeFields);
      if (rule) nameRanges.push([x, x, rule[1]]);
    }
    continue;
  }
  if (!known(c)) continue;
  setFields(c, f);
  if (!f[1].startsWith('<') && !f[1].startsWith('CJK COMPATIBILITY IDEOGRAPH-')) names.set(c, f[1]);
}
// CJK compatibility ideographs are named from the first to the last of each block, the
// unassigned ones between included.
nameRanges.push([0xf900, 0xfad9, 'CJK COMPATIBILITY IDEOGRAPH-'], [0x2f800, 0x2fa1d, 'CJK COMPATIBILITY IDEOGRAPH-']);
for (const line of read('BidiMirroring.txt').split('\n')) {
  const m = /^([0-9A-F]+);\s*([0-9A-F]+)/.exec(line);
  if (m && known(parseInt(m[1], 16))) props.mirroring.set(parseInt(m[1], 16), `~${parseInt(m[2], 16) - parseInt(m[1], 16)}`);
}
for (const [, code, value] of GNU_NUMERIC.matchAll(/([0-9a-f]+)=(\S+)/g)) {
  if (value === 'nil') props['numeric-value'].delete(parseInt(code, 16));
  else props['numeric-value'].set(parseInt(code, 16), value);
}
// Unassigned code points outside GNU's R and AL ranges are L: write those ranges explicitly.
for (const [, from, to, cls] of UNASSIGNED_BIDI.matchAll(/([0-9a-f]+)-([0-9a-f]+) (\w+)/g)) {
  for (let c = parseInt(from, 16); c <= parseInt(to, 16); c++) if (!props['bidi-class'].has(c)) props['bidi-class'].set(c, cls);
}

/** Runs of equal values over consecutive codes, written FROM-TO=V or CODE=V. */
function runs(map) {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < codes.length;) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1 && map.get(codes[j + 1]) === map.get(codes[i])) j++;
    const v = map.get(codes[i]);
    out.push(i === j ? `${codes[i].toString(16)}=${v}` : `${codes[i].toString(16)}-${codes[j].toString(16)}=${v}`);
    i = j + 1;
  }
  return out.join(' ');
}

const lines = [`# Unicode ${MAX_AGE} properties as GNU Emacs 28.2 gives them, made by scripts/gen-charprop.mjs from unicode-data ${version}: do not edit.`];
for (const [prop, map] of Object.entries(props)) {
  if (prop === 'old-name') continue;
  lines.push(`${prop} ${runs(map)}`);
}
{
  // Names: the words, most frequent first, as one line; then per name, in code order, the
  // distance from the previous code (hex), how many leading words it shares with the previous
  // name, and the indices (base 36) of its other words.
  const count = new Map();
  for (const n of names.values()) for (const w of n.split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
  const words = [...count.keys()].sort((a, b) => count.get(b) - count.get(a) || (a < b ? -1 : 1));
  const index = new Map(words.map((w, i) => [w, i.toString(36)]));
  const out = [];
  let prev = [];
  let prevCode = 0;
  for (const c of [...names.keys()].sort((a, b) => a - b)) {
    const ws = names.get(c).split(' ');
    let k = 0;
    while (k < prev.length && k < ws.length - 1 && prev[k] === ws[k]) k++;
    out.push(`${(c - prevCode).toString(16)}:${k}:${ws.slice(k).map((w) => index.get(w)).join('.')}`);
    prev = ws;
    prevCode = c;
  }
  lines.push(`name-words ${words.join(' ')}`);
  lines.push(`name ${out.join(' ')}`);
  lines.push(`old-name ${[...props['old-name']].map(([c, n]) => `${c.toString(16)}=${n}`).join('|')}`);
  const merged = [];
  for (const [a, b, p] of nameRanges) {
    const last = merged[merged.length - 1];
    if (last && last[2] === p && last[1] === a - 1) last[1] = b;
    else merged.push([a, b, p]);
  }
  lines.push(`name-ranges ${merged.map(([a, b, p]) => `${a.toString(16)}-${b.toString(16)}=${p}`).join('|')}`);
}
lines.push(...DESCRIPTIONS);
writeFileSync(join(root, 'etc', 'charprop.txt'), lines.join('\n') + '\n');
process.stderr.write(`gen-charprop: etc/charprop.txt, ${lines.length - 1} properties, ${names.size} names (unicode-data ${version})\n`);
