// Check the compiled libraries (scripts/build-elc.mjs) for calls nothing defines when the .elc is
// loaded alone (docs/stdlib.md, "Compiled libraries and the helpers their macros call").
//
// A macro of library B used by library A expands, when A is compiled, into calls of B's
// functions. Loading A from source loads B first (for the macro); loading A.elc does not, so such
// a call fails with `void-function' unless the helper is preloaded, autoloaded, or defined by what
// A loads. For each compiled library this starts tsmacs on the default image, loads the .elc
// alone, walks its forms as code (scripts/check-elc-calls.el) and lists each function they may
// call that is not `fboundp' afterwards, nor after the features the code requires at run time.
//
//   node scripts/check-elc-calls.mjs            every compiled library (about 2 min)
//   node scripts/check-elc-calls.mjs NAME...    only those (lisp/NAME.elc)
//   --all                                       also list the hits under `fboundp'/`functionp' tests
//
// Exit status 1 when a hit is not marked known below. Needs dist/ and the .elc files
// (npm run build, or node scripts/build-elc.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_LIBRARIES } from './build-elc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const launcher = join(root, 'dist', 'tsmacs.cjs');
const walker = join(root, 'scripts', 'check-elc-calls.el');

/**
 * The hits that are not bugs of the compiled files, by kind, each "LIBRARY NAME" (checked against
 * GNU Emacs 28.2, emacs -Q --batch, 7 December 2026). A new hit is a bug until shown to be one of
 * these.
 */
const KINDS = {
  'GNU preloads it and tsmacs has not written it yet (windows, frames, the mode line, the minibuffer\'s interface): the call fails from source too': [
    'bindings-menu mode-line-change-eol', 'bindings-menu mode-line-previous-buffer',
    'bindings-menu mode-line-next-buffer', 'comint exit-minibuffer',
    'comint completion-file-name-table', 'dired switch-to-buffer-other-frame',
    'dired switch-to-buffer-other-tab', 'elisp-eval mouse-set-point', 'etags completion-in-region',
    'help-fns format-mode-line', 'kmacro mouse-set-point', 'project async-shell-command',
    'project display-buffer-other-frame', 'rot13 set-window-display-table',
    'rot13 window-display-table', 'simple-odds minibuffer-error-function',
    'simple-odds process-menu-visit-buffer', 'wid-edit completion-in-region', 'wid-edit read-color',
  ],
  'GNU autoloads it from a package tsmacs does not bundle': [
    'project vc-dir', 'project eshell', 'wid-edit info', 'wid-edit browse-url',
    'wid-edit finder-commentary',
  ],
  'GNU leaves it undefined too: the caller runs only once its library is loaded': [
    // The xref backend's methods run from xref, which is loaded (GNU 28.2 signals the same
    // void-function when elisp--xref-find-definitions is called before xref is loaded).
    'elisp-mode xref-make',
    // xref-find-apropos requires apropos before it calls the backend, as GNU's does.
    'elisp-mode apropos-parse-pattern',
    // recover-session-finish runs in the Dired buffer recover-session made.
    'files-misc dired-get-filename',
  ],
};

export const KNOWN = new Map(Object.entries(KINDS).flatMap(([kind, hits]) => hits.map((h) => [h, kind])));

/** A symbol NAME as the Lisp reader reads it back: every character but letters and digits escaped. */
function printSymbol(name) {
  if (name === '') return '##';
  let out = '';
  for (const ch of name) out += /[A-Za-z0-9]/.test(ch) ? ch : `\\${ch}`;
  // A name that would read as a number: escape its first character too.
  return /^[0-9]/.test(name) ? `\\${out}` : out;
}

const printString = (s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function printFloat(f) {
  const t = String(f);
  return /[.eE]/.test(t) || !/^-?[0-9]+$/.test(t) ? t.replace('e+', 'e') : `${t}.0`;
}

/**
 * The .elc item X (docs/evaluator.md, "Format 2" and "Format 3") printed as Lisp text. A shared
 * object ({"h": K, ...} where it is built, {"r": K} elsewhere) prints as #K= at its first place in
 * the text and #K# after, as `print-circle' writes it (the file's labels follow the build order,
 * which is not the text's).
 */
function printItem(x, syms, gensyms, shared = { items: collectLabels(x, new Map()), done: new Set() }) {
  const p = (e) => printItem(e, syms, gensyms, shared);
  if (typeof x === 'number') return x < 0 ? printSymbol(syms[-1 - x]) : String(x);
  if (Array.isArray(x)) return `(${x.map(p).join(' ')})`;
  if (typeof x.h === 'number' || typeof x.r === 'number') {
    const k = typeof x.h === 'number' ? x.h : x.r;
    if (shared.done.has(k)) return `#${k + 1}#`;
    shared.done.add(k);
    return `#${k + 1}=${p(shared.items.get(k))}`;
  }
  if (typeof x.d !== 'undefined') return `(${x.d.map(p).join(' ')} . ${p(x.t)})`;
  if (typeof x.s === 'string') return printString(x.s);
  if (typeof x.u === 'number') return `#:${printSymbol(gensyms[x.u])}`;
  if (typeof x.i === 'number') return String(x.i);
  if (typeof x.f === 'number') return printFloat(x.f);
  if (Array.isArray(x.v)) return `[${x.v.map(p).join(' ')}]`;
  throw new Error(`unknown item ${JSON.stringify(x).slice(0, 80)}`);
}

/** The labelled objects of item X ({"h": K, "o": ITEM}), by K, added to OUT. */
function collectLabels(x, out) {
  if (Array.isArray(x)) for (const e of x) collectLabels(e, out);
  else if (x !== null && typeof x === 'object') {
    if (typeof x.h === 'number') out.set(x.h, x.o);
    for (const v of Object.values(x)) collectLabels(v, out);
  }
  return out;
}

/** The forms of the compiled file ELC, printed one per line (a printed form as it was kept, in latin-1). */
export function formsText(elc) {
  const text = readFileSync(elc, 'latin1');
  const body = text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1);
  const { syms, forms } = JSON.parse(body);
  return forms.map((f) => {
    if (typeof f.p === 'string') return f.p;
    if (Array.isArray(f.g)) return printItem(f.f, syms, f.g);
    return printItem(f, syms, []);
  }).join('\n');
}

/** The hits of library NAME: [{ name, where, guarded }], and the notes the walker printed. */
export function checkLibrary(name, dir) {
  const elc = join(root, 'lisp', `${name}.elc`);
  const formsFile = join(dir, `${name}.forms`);
  writeFileSync(formsFile, formsText(elc), 'latin1');
  const r = spawnSync(process.execPath, ['--stack-size=6000', launcher, '-Q', '--batch',
    '--eval', `(load ${JSON.stringify(elc)} nil t)`, '-l', walker,
    '--eval', `(elc-calls-report ${JSON.stringify(formsFile)})`], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stdout + r.stderr).trim().split('\n').slice(-5).join('\n'), hits: [], notes: [] };
  const hits = [];
  const notes = [];
  let called = 0;
  for (const line of r.stdout.split('\n')) {
    const m = /^HIT (\S+) (\S+) (\S+)$/.exec(line);
    if (m) hits.push({ name: m[1], where: m[2], guarded: m[3] === 'guarded', noLibrary: m[3] === 'no-library' });
    else if (line.startsWith('NOTE ')) notes.push(line.slice(5));
    else if (line.startsWith('FORMS ')) called = Number(/CALLED (\d+)/.exec(line)[1]);
  }
  return { hits, notes, called };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const names = args.filter((a) => !a.startsWith('--'));
  const libs = names.length ? names : COMPILED_LIBRARIES;
  const dir = mkdtempSync(join(tmpdir(), 'elc-calls-'));
  let checked = 0;
  let unknown = 0;
  let guardedCount = 0;
  let knownCount = 0;
  try {
    for (const name of libs) {
      if (!existsSync(join(root, 'lisp', `${name}.elc`))) {
        process.stdout.write(`${name}: no lisp/${name}.elc (build it first)\n`);
        unknown++;
        continue;
      }
      const { error, hits, notes } = checkLibrary(name, dir);
      checked++;
      if (error) {
        process.stdout.write(`${name}: the check failed:\n${error}\n`);
        unknown++;
        continue;
      }
      for (const n of notes) process.stdout.write(`${name}: note: ${n}\n`);
      for (const h of hits) {
        const why = KNOWN.get(`${name} ${h.name}`);
        if (why) knownCount++;
        else if (h.guarded) guardedCount++;
        else unknown++;
        if (why || h.guarded) {
          if (all) process.stdout.write(`${name}: ${h.name} (in ${h.where}): ${why ?? 'guarded by fboundp/functionp'}\n`);
        } else if (h.noLibrary) process.stdout.write(`${name}: ${h.name} (in ${h.where}) is autoloaded from a library that is not there\n`);
        else process.stdout.write(`${name}: ${h.name} (in ${h.where}) is not fboundp after loading ${name}.elc\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`check-elc-calls: ${checked} compiled files, ${unknown} unexplained, ${knownCount} known, ${guardedCount} guarded\n`);
  process.exit(unknown ? 1 : 0);
}
