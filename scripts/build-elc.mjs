// Compile the bundled Lisp libraries that are not preloaded into FILE.elc beside FILE.el
// (docs/evaluator.md, "Compiled files"), so that `(require 'cl-lib)' and the like read forms whose
// macros are already expanded instead of expanding them at every start.
//
// Each library is compiled in a fresh process by `tsmacs--compile-by-loading', which loads the
// source as `load' does and writes the forms it evaluated, expanded: what loading the .elc then
// does is what loading the source did. The .elc files are generated (.gitignore) and shipped
// (package.json's files has lisp/).
//
//   node scripts/build-elc.mjs             compile them all (the build runs this)
//   node scripts/build-elc.mjs --if-stale  only when a source is newer than its .elc or the .elc is
//                                          in another format (the tests run this, so an edited
//                                          library is not shadowed)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lisp = join(root, 'lisp');
const launcher = join(root, 'dist', 'tsmacs.cjs');

/**
 * The libraries compiled, each after those it loads (a compile loads its dependencies' fresh .elc).
 * First the libraries programs `require'; then (evalperf15) every library the image autoloads
 * from, most of them pieces of what GNU preloads byte-compiled (self-insert-command's
 * cmds-insert, blinking parens in simple-odds, Electric Pair mode, mule-util's
 * store-substring ...): loaded from source at their first use they cost a program 10-100 ms
 * each (elec-pair-typing.el loaded four, 250 ms of its 1 s).
 */
export const COMPILED_LIBRARIES = [
  'subr-x', 'cl-macs', 'cl-lib', 'cl-seq', 'cl-extra', 'seq', 'map', 'backtrace', 'ert', 'ert-x',
  'cl-print', 'rx', 'pp', 'inline', 'let-alist', 'ring', 'electric', 'char-fold',
  'abbrevs', 'align', 'ansi-color', 'apropos', 'benchmark', 'bindings-menu', 'bindings-motion',
  'bookmark', 'buttons', 'bytecomp', 'cc-mode', 'checkdoc', 'cmds-insert', 'color', 'comint',
  'comments', 'compile', 'composite', 'conf-mode', 'cus-edit', 'debug', 'derived', 'dir-locals',
  'dired', 'dired-aux', 'dired-x', 'easy-mmode', 'edebug', 'edmacro', 'eieio-compat', 'eieio-opt',
  'eldoc', 'elec-pair', 'elide-head', 'elisp-eval', 'elisp-mode', 'etags', 'faceup', 'filenotify',
  'files-attrs', 'files-buffers', 'files-late', 'files-misc', 'files-more', 'files-odds',
  'files-x', 'find-func', 'format', 'format-spec', 'gnus-range', 'help-fns', 'japan-util', 'js',
  'kbd-macro', 'kmacro', 'lisp-indent', 'lisp-mode', 'minibuffer', 'mule-input', 'mule-util',
  'page', 'paren', 'profiler', 'prog-mode', 'project', 'python', 'quail', 'rfn-eshadow', 'rot13',
  'ruby-mode', 'shell', 'simple-args', 'simple-edit', 'simple-history', 'simple-input',
  'simple-kill', 'simple-more', 'simple-move', 'simple-odds', 'simple-rest', 'simple-undo',
  'simple-undo-auto', 'sort', 'struct-cmacros', 'subr-fields', 'subr-more2', 'subr-more3',
  'tabulated-list', 'text-center', 'thingatpt', 'thread', 'time-stamp', 'tooltip', 'trace',
  'uniquify', 'url-util', 'version', 'view', 'wdired', 'wid-edit', 'xml', 'xref',
  'descr-text', 'hi-lock', 'imenu', 'repeat',
];

/** The format src/emacs/elc.ts writes (its ELC_VERSION): a file of another is refused by load, with a message. */
const ELC_HEAD = ';TSMACS-ELC 3 ';

/** The first bytes of FILE, as latin-1 text. */
function headOf(file) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(ELC_HEAD.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.toString('latin1', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** A compiled library older than its source, or in another format (a missing one is not: the source loads). */
const stale = (name) => {
  const el = join(lisp, `${name}.el`);
  const elc = `${el}c`;
  return existsSync(elc) && (statSync(el).mtimeMs > statSync(elc).mtimeMs || headOf(elc) !== ELC_HEAD);
};

export function buildElc({ ifStale = false } = {}) {
  if (ifStale && !COMPILED_LIBRARIES.some(stale)) return true;
  for (const name of COMPILED_LIBRARIES) rmSync(join(lisp, `${name}.elc`), { force: true });
  if (!existsSync(launcher)) {
    process.stderr.write('build-elc: no dist/tsmacs.cjs (run npm run build): the libraries load from source\n');
    return !ifStale ? false : true;
  }
  for (const name of COMPILED_LIBRARIES) {
    const el = join(lisp, `${name}.el`);
    const r = spawnSync(process.execPath, ['--stack-size=6000', launcher, '--batch', '--eval', `(tsmacs--compile-by-loading ${JSON.stringify(el)})`], { encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      process.stderr.write(`build-elc: compiling lisp/${name}.el failed\n`);
      rmSync(`${el}c`, { force: true });
      return false;
    }
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildElc({ ifStale: process.argv.includes('--if-stale') }) ? 0 : 1);
