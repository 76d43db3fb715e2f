// Generate src/emacs/std-tables-data.ts: the standard syntax table and the standard case table (with its up, canon and eqv tables) as GNU Emacs 28.2's batch session holds them.
//
// GNU fills these tables at start-up from the Unicode data (characters.el). We do not carry
// that machinery; we record the finished tables, observed by printing them from a running
// GNU Emacs 28.2 (no source read), with their exact trie shape (which blocks are sub-tables),
// so that a printed table, whose text shows that shape, is byte for byte GNU's.
//
// Packing, decoded by src/emacs/std-tables.ts: a table is its slots in order, tokens separated
// by spaces; `[` opens a sub-table (its depth and first char follow from where it sits) and `]`
// closes it; `*N` repeats the previous value token N more times. Syntax values: `n` for nil, a
// decimal code for a descriptor without a matching char (code 0..15 without flags is GNU's
// shared descriptor object unless followed by `u'), `CODE.MATCH` otherwise. Case values: `n`, or the value minus the
// first char the slot covers (0 = maps to itself).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'gen-std-tables-'));
const emacs = process.env.EMACS || 'emacs';
const tables = {
  syntax: '(standard-syntax-table)',
  down: '(standard-case-table)',
  up: '(char-table-extra-slot (standard-case-table) 0)',
  canon: '(char-table-extra-slot (standard-case-table) 1)',
  eqv: '(char-table-extra-slot (standard-case-table) 2)',
};
let prog = '(let ((print-circle nil) (print-length nil) (print-level nil))';
for (const [name, expr] of Object.entries(tables)) {
  // Print without the extra slots (the case table's are printed on their own).
  prog += ` (let ((tb (copy-sequence ${expr}))) (with-temp-file "${join(tmp, name)}" (prin1 tb (current-buffer))))`;
}
// Which chars' plain descriptors are not GNU's shared per-class objects (a fresh cons such as
// the standard table's entry for the double quote): as FROM-TO runs.
prog += ` (with-temp-file "${join(tmp, 'unshared')}" (let ((tb (standard-syntax-table)) (c 0)) (while (<= c (max-char)) (let ((v (aref tb c))) (when (and (consp v) (null (cdr v)) (< (car v) 16) (not (eq v (string-to-syntax (string (syntax-class-to-char (car v))))))) (insert (format "%d " c)))) (setq c (if (< c #x10000) (1+ c) (+ c 1))))))`;
prog += ')';
execFileSync(emacs, ['-batch', '-Q', '--eval', prog], { stdio: 'inherit' });

/** Parse GNU's printed char-table into a tree: {slots: [...]} with sub-tables nested. */
function parse(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  function value() {
    ws();
    if (text.startsWith('#^^[', i)) {
      i += 4;
      const depth = Number(atom());
      const min = Number(atom());
      const slots = [];
      for (;;) {
        ws();
        if (text[i] === ']') {
          i++;
          return { depth, min, slots };
        }
        slots.push(value());
      }
    }
    if (text.startsWith('#^[', i)) {
      i += 3;
      const slots = [];
      for (;;) {
        ws();
        if (text[i] === ']') {
          i++;
          return { depth: 0, min: 0, slots };
        }
        slots.push(value());
      }
    }
    if (text[i] === '(') {
      i++;
      const car = Number(atom());
      ws();
      let cdr = null;
      if (text[i] === '.') {
        i++;
        cdr = Number(atom());
        ws();
      }
      if (text[i] !== ')') throw new Error('bad cons at ' + i);
      i++;
      return { car, cdr };
    }
    const a = atom();
    return a === 'nil' ? null : /^-?\d+$/.test(a) ? Number(a) : a;
  }
  function atom() {
    ws();
    const s = i;
    while (i < text.length && !/[\s()\[\]]/.test(text[i])) i++;
    return text.slice(s, i);
  }
  return value();
}

const unshared = new Set(readFileSync(join(tmp, 'unshared'), 'utf8').trim().split(/\s+/).filter((x) => x).map(Number));
const CHARS = [65536, 4096, 128, 1];
function encode(table, kind) {
  const out = [];
  let prev = null;
  let reps = 0;
  const flush = () => {
    if (reps > 0) out.push('*' + reps);
    reps = 0;
  };
  const put = (tok) => {
    if (tok === prev && tok !== '[' && tok !== ']') {
      reps++;
      return;
    }
    flush();
    out.push(tok);
    prev = tok;
  };
  const val = (v, first) => {
    if (v === null) return 'n';
    if (kind === 'syntax') return v.cdr === null ? String(v.car) + (unshared.has(first) ? 'u' : '') : v.car + '.' + v.cdr;
    if (typeof v !== 'number') throw new Error('unexpected case value ' + JSON.stringify(v));
    return String(v - first);
  };
  const walk = (node, depth, min) => {
    node.slots.forEach((s, k) => {
      const first = min + k * CHARS[depth];
      if (s && typeof s === 'object' && 'slots' in s) {
        if (s.depth !== depth + 1 || s.min !== first) throw new Error('unexpected sub-table shape');
        put('[');
        walk(s, depth + 1, first);
        put(']');
        prev = null;
      } else put(val(s, first));
    });
  };
  const top = parse(readFileSync(join(tmp, table), 'utf8'));
  // Slots: default, parent, purpose, ascii, 64 contents (extras were not printed: copies have them, drop).
  const [defalt, parent, purpose] = top.slots;
  if (parent !== null) throw new Error('standard table with a parent');
  const contents = { slots: top.slots.slice(4, 68) };
  walk(contents, 0, 0);
  flush();
  return { purpose, defalt: val(defalt, 0), data: out.join(' ') };
}

let ts = '// Generated by scripts/gen-std-tables.mjs from GNU Emacs 28.2 (see there): do not edit.\n\n';
for (const name of Object.keys(tables)) {
  const e = encode(name, name === 'syntax' ? 'syntax' : 'case');
  ts += `export const STD_${name.toUpperCase()}_DEFAULT = ${JSON.stringify(e.defalt)};\n`;
  // A function, not a constant: a string literal at a module's top level is in V8's code cache, read
  // at every start; in a function it is compiled only when called (only a start from source does).
  ts += `export const STD_${name.toUpperCase()} = (): string =>\n  ${JSON.stringify(e.data)};\n\n`;
}
writeFileSync(join(root, 'src/emacs/std-tables-data.ts'), ts);
console.log('wrote src/emacs/std-tables-data.ts', ts.length, 'bytes');
