#!/usr/bin/env node
// Measure issue 10's standard-library gap: GNU's fbound names at start-up, which tsmacs lacks, by file.
//
//   node scripts/fbound-coverage.mjs [--all] [--missing FILE] [--json FILE]
//
// Both systems start as `-Q --batch` and list every symbol that is `fboundp` right away
// (autoloads included). GNU also says where each name comes from: `symbol-file` for Lisp
// (the file that defines it or that an autoload names), and for primitives the C file its
// DOC entry names (`help-C-file-name`; loaded only after the listing, so it adds nothing to
// the count). The names GNU has and tsmacs lacks are then counted per file, split into
// commands (`commandp`, interactive editing) and plain functions, and each file is marked
// out of scope when it is about windows, frames, display or the terminal (issue 10 excludes
// them). The table goes to stdout, biggest in-scope gap first; --all lists every file,
// --missing writes the missing names (file TAB name TAB kind), --json the raw numbers.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// GNU: one line per fbound name: NAME TAB FILE TAB KIND TAB COMMAND.  Names are written
// with `prin1` so that odd characters survive; the listing happens before anything is loaded.
const GNU_LISTER = `
(let (names)
  (mapatoms (lambda (s) (when (fboundp s) (push s names))))
  (require 'help-fns)
  (dolist (s (sort names (lambda (a b) (string< a b))))
    (let* ((def (symbol-function s))
           (kind (cond ((autoloadp def) (if (memq (nth 4 def) '(macro t)) "autoload-macro" "autoload"))
                       ((special-form-p def) "special-form")
                       ;; Debian's GNU is native-compiled: its compiled Lisp is subrp too.
                       ((and (subrp def) (not (subr-native-elisp-p def))) "subr")
                       ((macrop s) "macro")
                       ((symbolp def) "alias")
                       (t "function")))
           (file (cond ((member kind '("subr" "special-form"))
                        (or (ignore-errors (help-C-file-name def 'subr)) "src/?"))
                       ;; An autoload's file is its library, not the loaddefs naming it;
                       ;; so is an alias's whose target is autoloaded.
                       ((autoloadp def) (nth 1 def))
                       ((and (symbolp def) (autoloadp (indirect-function def)))
                        (nth 1 (indirect-function def)))
                       ((symbol-file s 'defun))
                       (t "?"))))
      (princ (format "%S\\t%s\\t%s\\t%s\\n" (symbol-name s)
                     (file-name-sans-extension (file-name-nondirectory file))
                     kind (if (commandp s) "cmd" "fn"))))))`;

const TSMACS_LISTER = `
(let (names)
  (mapatoms (lambda (s) (when (fboundp s) (push s names))))
  (dolist (s names) (princ (format "%S\\n" (symbol-name s)))))`;

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || '');
    throw new Error(`${cmd} exited ${r.status}`);
  }
  return r.stdout;
}

const unquote = (s) => JSON.parse(s); // Lisp's %S of a plain name is a JSON-compatible string

const gnu = new Map();
for (const line of run(process.env.EMACS || 'emacs', ['-Q', '--batch', '--eval', GNU_LISTER]).split('\n')) {
  if (!line) continue;
  const [name, file, kind, cmd] = line.split('\t');
  // C files keep their directory-less name with ".c" so they read apart from Lisp files.
  gnu.set(unquote(name), { file: kind === 'subr' || kind === 'special-form' ? `${file}.c` : file, kind, cmd: cmd === 'cmd' });
}
const ours = new Set();
for (const line of run(process.execPath, ['--stack-size=6000', 'dist/tsmacs.cjs', '-Q', '--batch', '--eval', TSMACS_LISTER]).split('\n')) {
  if (line) ours.add(unquote(line));
}

// Files about windows, frames, display, faces, the terminal and input events: issue 10
// leaves them out. Judged by file, since their names say what they are about.
// vc-hooks is in scope: it answers which version control a file is under, not display.
const OUT_OF_SCOPE = new Set([
  'window.c', 'frame.c', 'xdisp.c', 'dispnew.c', 'xfaces.c', 'fontset.c', 'font.c', 'term.c',
  'terminal.c', 'keyboard.c', 'xfns.c', 'xterm.c', 'xselect.c', 'menu.c', 'xmenu.c', 'image.c',
  'fringe.c', 'scroll.c', 'sysdep.c', 'w32fns.c', 'nsfns.c', 'composite.c', 'xwidget.c', 'sound.c',
  'window', 'frame', 'faces', 'fringe', 'mouse', 'menu-bar', 'tool-bar', 'tab-bar', 'tab-line',
  'scroll-bar', 'mwheel', 'tooltip', 'image', 'image-mode', 'disp-table', 'term/tty-colors',
  'tty-colors', 'xt-mouse', 'x-win', 'term', 'frameset', 'windmove', 'winner', 'face-remap',
  'display-line-numbers', 'display-fill-column-indicator', 'hl-line', 'linum', 'pixel-scroll',
  'mouse-drag', 'rect', 'startup', 'dired', 'dired-aux', 'dired-x', 'ibuffer', 'bookmark',
  'electric', 'ediff', 'emerge', 'vc', 'vc-git', 'vc-dir', 'info', 'help', 'help-fns',
  'help-mode', 'menu', 'mouse-copy', 'minibuffer', 'isearch', 'replace', 'indent', 'paren',
  'ispell', 'flyspell', 'dabbrev', 'hippie-exp', 'completion', 'icomplete', 'ido', 'follow',
  'tmm', 'widget', 'wid-edit', 'cus-edit', 'custom', 'cus-face', 'font-lock', 'jit-lock',
  'font-core', 'facemenu', 'buff-menu', 'register', 'kmacro', 'macros', 'calc', 'calendar',
  'gnus', 'message', 'mail-utils', 'rmail', 'sendmail', 'eshell', 'shell', 'comint', 'term',
  'tramp', 'ange-ftp', 'eww', 'shr', 'erc', 'org', 'viper', 'cua-base', 'emulation', 'avoid',
]);

const perFile = new Map();
let gnuFn = 0, oursHave = 0;
for (const [name, info] of gnu) {
  gnuFn++;
  if (ours.has(name)) { oursHave++; continue; }
  let row = perFile.get(info.file);
  if (!row) perFile.set(info.file, (row = { file: info.file, fn: 0, cmd: 0, names: [] }));
  if (info.cmd) row.cmd++; else row.fn++;
  row.names.push(name);
}
const rows = [...perFile.values()].map((r) => ({ ...r, scope: !OUT_OF_SCOPE.has(r.file) && !/^(w32|ns|x)[a-z-]*\.c$/.test(r.file) }));
rows.sort((a, b) => (b.scope - a.scope) || (b.fn + b.cmd - a.fn - a.cmd) || a.file.localeCompare(b.file));

const inScope = rows.filter((r) => r.scope);
const sum = (rs, k) => rs.reduce((n, r) => n + r[k], 0);
const extra = [...ours].filter((n) => !gnu.has(n)).length;
console.log(`GNU 28.2 fbound at start-up: ${gnuFn}; tsmacs has ${oursHave} of them (${ours.size} fbound in all, ${extra} not fbound in GNU at start-up)`);
console.log(`missing: ${gnuFn - oursHave}; in files of scope: ${sum(inScope, 'fn')} functions + ${sum(inScope, 'cmd')} commands;`
  + ` out of scope (windows, frames, display, UI): ${sum(rows, 'fn') - sum(inScope, 'fn')} + ${sum(rows, 'cmd') - sum(inScope, 'cmd')}`);
console.log('');
console.log('file\tmissing functions\tmissing commands\tin scope');
for (const r of args.includes('--all') ? rows : rows.slice(0, 60)) {
  console.log(`${r.file}\t${r.fn}\t${r.cmd}\t${r.scope ? 'yes' : 'no'}`);
}
const missingFile = opt('--missing');
if (missingFile) {
  const lines = [];
  for (const r of rows) for (const n of r.names) lines.push(`${r.file}\t${n}\t${gnu.get(n).kind}${gnu.get(n).cmd ? ' cmd' : ''}`);
  writeFileSync(missingFile, lines.join('\n') + '\n');
}
const jsonFile = opt('--json');
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ gnu: gnuFn, have: oursHave, rows: rows.map(({ names, ...r }) => r) }, null, 1));
}
