// The built product as users run it: dist/tsmacs.cjs with its bundle, code cache and default image.
//
// Each test works on a copy of dist/ (timestamps kept, so the code cache stays valid) beside a
// link to lisp/, and runs the launcher as a child process. dist/ is made by `npm install` (the
// package's prepare script) or `npm run build`; CI's `npm ci` builds it before the tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';
import '../src/emacs/all.ts';
import { PRIMITIVES, sortBuiltinTables } from '../src/core/subr.ts';

const dist = join(repoRoot, 'dist');
const FILES = ['tsmacs.cjs', 'tsmacs-core.js', 'tsmacs-core.jsc', 'tsmacs.pdmp', 'DOC'];

/** A fresh install: a copy of dist/ (without the files named in LEAVE_OUT) and a link to lisp/. */
function install(leaveOut: string[] = []): string {
  for (const f of FILES)
    assert.ok(existsSync(join(dist, f)), `dist/${f} is missing: build it with npm run build`);
  const root = mkdtempSync(join(tmpdir(), 'tsmacs-launcher-'));
  mkdirSync(join(root, 'dist'));
  for (const f of FILES) if (!leaveOut.includes(f)) cpSync(join(dist, f), join(root, 'dist', f), { preserveTimestamps: true });
  symlinkSync(join(repoRoot, 'lisp'), join(root, 'lisp'));
  return root;
}

function run(root: string, args: string[], env: Record<string, string> = {}): { out: string; err: string; code: number | null } {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'tsmacs.cjs'), ...args],
    { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '', ...env } });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

const STATS = '(princ (list (+ 1 2) (cdr (assq (quote dumped-with-pdumper) (pdumper-stats)))))';

test('the launcher starts from the default image next to it', () => {
  const root = install();
  const r = run(root, ['--batch', '--eval', STATS]);
  assert.deepEqual(r, { out: '(3 t)', err: '', code: 0 });
  const name = run(root, ['--batch', '--eval', '(princ (cdr (assq (quote dump-file-name) (pdumper-stats))))']);
  assert.equal(name.out, join(root, 'dist', 'tsmacs.pdmp'));
  rmSync(root, { recursive: true });
});

test('load-path is the installation\'s lisp folder wherever the image was built, or what EMACSLOADPATH says', () => {
  const root = install();
  const form = '(progn (require (quote cl-lib)) (princ (list load-path (file-name-directory (symbol-file (quote cl-first))))))';
  assert.deepEqual(run(root, ['--batch', '--eval', form]), { out: `((${join(root, 'lisp')}) ${join(root, 'lisp')}/)`, err: '', code: 0 });
  const env = run(root, ['--batch', '--eval', '(princ load-path)'], { EMACSLOADPATH: `/x-none::${root}:/etc/passwd` });
  assert.deepEqual(env, {
    out: `(/x-none ${join(root, 'lisp')} ${root} /etc/passwd)`,
    err: "Warning: Lisp directory '/x-none': No such file or directory\nWarning: Lisp directory '/etc/passwd': Not a directory\n",
    code: 0,
  });
  rmSync(root, { recursive: true });
});

test('invocation-name and invocation-directory name the launcher, so Lisp can start tsmacs again', () => {
  const root = install();
  const form = '(progn (princ (list invocation-name invocation-directory)) (terpri)'
    + ' (with-temp-buffer (princ (call-process (expand-file-name invocation-name invocation-directory) nil t nil'
    + ' "--quick" "--batch" "--eval=(princ (* 6 7))")) (princ (buffer-string))))';
  const r = run(root, ['--batch', '--eval', form]);
  assert.deepEqual(r, { out: `(tsmacs.cjs ${join(root, 'dist')}/)\n042`, err: '', code: 0 });
  rmSync(root, { recursive: true });
});

test('the launcher\'s old name, dist/tsmacs.mjs, forwards to it (npx may still link to it)', () => {
  const root = install();
  cpSync(join(dist, 'tsmacs.mjs'), join(root, 'dist', 'tsmacs.mjs'));
  const r = spawnSync(process.execPath, [join(root, 'dist', 'tsmacs.mjs'), '--batch', '--eval', STATS], { encoding: 'utf8' });
  assert.deepEqual({ out: r.stdout, err: r.stderr, code: r.status }, { out: '(3 t)', err: '', code: 0 });
  rmSync(root, { recursive: true });
});

test('a damaged, truncated or missing code cache costs a compile, never a wrong answer, and is made anew', () => {
  const good = readFileSync(join(dist, 'tsmacs-core.jsc'));
  const damages: [string, (b: Buffer) => Buffer | null][] = [
    ['a flipped byte in V8\'s data', (b) => { const c = Buffer.from(b); c[c.length >> 1]! ^= 0x40; return c; }],
    ['a flipped byte in the header\'s hash', (b) => { const c = Buffer.from(b); c[100]! ^= 1; return c; }],
    ['truncated to its header', (b) => b.subarray(0, 128)],
    ['truncated mid-data', (b) => b.subarray(0, b.length >> 1)],
    ['empty', () => Buffer.alloc(0)],
    ['garbage', (b) => Buffer.alloc(b.length, 0x5a)],
    ['missing', () => null],
  ];
  for (const [what, damage] of damages) {
    const root = install();
    const cache = join(root, 'dist', 'tsmacs-core.jsc');
    const bad = damage(good);
    if (bad === null) rmSync(cache);
    else writeFileSync(cache, bad);
    const r = run(root, ['--batch', '--eval', STATS]);
    assert.deepEqual(r, { out: '(3 t)', err: '', code: 0 }, what);
    // The launcher wrote a valid cache at exit: it is whole again, and a second start takes it.
    const again = readFileSync(cache);
    assert.ok(again.length > 128 && again.subarray(0, 18).toString() === 'tsmacs-code-cache ', `${what}: cache rewritten`);
    assert.ok(bad === null || !again.equals(bad), `${what}: the damaged cache was replaced`);
    const before = statSync(cache).mtimeMs;
    assert.deepEqual(run(root, ['--batch', '--eval', STATS]), { out: '(3 t)', err: '', code: 0 }, `${what}, second start`);
    assert.equal(statSync(cache).mtimeMs, before, `${what}: a valid cache is not written again`);
    rmSync(root, { recursive: true });
  }
});

test('TSMACS_CODE_CACHE=0 neither reads nor writes the code cache', () => {
  const root = install(['tsmacs-core.jsc']);
  const r = run(root, ['--batch', '--eval', STATS], { TSMACS_CODE_CACHE: '0' });
  assert.deepEqual(r, { out: '(3 t)', err: '', code: 0 });
  assert.ok(!existsSync(join(root, 'dist', 'tsmacs-core.jsc')));
  rmSync(root, { recursive: true });
});

test('without a default image it says so, names the command that builds one, and runs loadup', () => {
  const root = install(['tsmacs.pdmp']);
  const r = run(root, ['--batch', '--eval', STATS]);
  assert.equal(r.out, '(3 nil)');
  assert.equal(r.code, 0);
  assert.match(r.err, /^tsmacs: no dump file at .*tsmacs\.pdmp; starting from source \(slow\)\.\ntsmacs: build the default image with: npm run build\n$/);
  rmSync(root, { recursive: true });
});

test('a damaged default image is refused with its own message and exit code', () => {
  const root = install();
  const image = join(root, 'dist', 'tsmacs.pdmp');
  const good = readFileSync(image);
  const cases: [string, Buffer, number, RegExp][] = [
    ['not a dump', Buffer.from('hello, world\n'.repeat(100)), 4, /not a dump file/],
    ['truncated', good.subarray(0, good.length - 4096), 8, /truncated/],
    ['a flipped data byte', (() => { const c = Buffer.from(good); c[c.length - 100]! ^= 8; return c; })(), 9, /checksum/],
  ];
  for (const [what, bytes, code, message] of cases) {
    writeFileSync(image, bytes);
    const r = run(root, ['--batch', '--eval', STATS]);
    assert.equal(r.code, code, `${what}: ${r.err}`);
    assert.equal(r.out, '', what);
    assert.match(r.err, message, what);
    assert.doesNotMatch(r.err, /\n\s+at /, `${what}: no JS stack trace`);
  }
  rmSync(root, { recursive: true });
});

test('under a stack rlimit smaller than the launcher\'s V8 stack, it runs again with a stack that fits: deep recursion is a Lisp error', () => {
  const root = install();
  const deep = '(progn (setq max-lisp-eval-depth 100000 max-specpdl-size 100000) (defun f (n) (if (= n 0) 0 (1+ (f (1- n))))) (princ (car (condition-case e (f 100000) (error e)))))';
  // As the tsmacs command runs, with the first line's flag; sh sets the rlimit for its child.
  const r = spawnSync('sh', ['-c', 'ulimit -s 4096 && exec "$0" --stack-size=6000 "$1" --batch --eval "$2"', process.execPath,
    join(root, 'dist', 'tsmacs.cjs'), deep], { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '' } });
  assert.deepEqual({ out: r.stdout, err: r.stderr, code: r.status }, { out: 'error', err: '', code: 0 });
  rmSync(root, { recursive: true });
});

test('the first line\'s stack holds the recursion it promises, though the launcher puts the flag back to its default', () => {
  // The launcher resets V8's --stack-size flag (for Node's own code cache); the stack V8 fixed at
  // start must stay: 3,000 levels of a plain recursive function need more than the default 984 KB.
  const root = install();
  const deep = '(progn (setq max-lisp-eval-depth 100000 max-specpdl-size 100000) (defun f (n) (if (= n 0) 0 (1+ (f (1- n))))) (princ (f 3000)))';
  const r = spawnSync(process.execPath, ['--stack-size=6000', join(root, 'dist', 'tsmacs.cjs'), '--batch', '--eval', deep],
    { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '' } });
  assert.deepEqual({ out: r.stdout, err: r.stderr, code: r.status }, { out: '3000', err: '', code: 0 });
  rmSync(root, { recursive: true });
});

test('an image of 4 MB or more loads through the kernels compiled for large images, and leaves the code cache valid', () => {
  const root = install();
  const image = join(root, 'big.pdmp');
  const make = `(progn (setq big-list (let (l) (dotimes (i 30000) (push (cons (number-to-string i) (list i (* i 1.5) (make-string 8 ?x))) l)) l)) (dump-emacs-portable ${JSON.stringify(image)}))`;
  assert.equal(run(root, ['--batch', '--eval', make]).code, 0);
  assert.ok(statSync(image).size >= 4 << 20, 'the image is large');
  // As the tsmacs command runs (the first line's flag): only such a run rewrites a rejected cache.
  const asCommand = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--stack-size=6000', join(root, 'dist', 'tsmacs.cjs'), ...args],
      { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '' } });
    return { out: r.stdout, err: r.stderr, code: r.status };
  };
  // The copy's timestamps are not exact, so the first start writes a cache of its own.
  assert.deepEqual(asCommand(['--batch', '--eval', STATS]), { out: '(3 t)', err: '', code: 0 });
  const cache = join(root, 'dist', 'tsmacs-core.jsc');
  const before = statSync(cache).mtimeMs;
  const r = asCommand(['--dump-file', image, '--batch', '--eval', '(princ (list (length big-list) (nth 2 (car big-list))))']);
  assert.deepEqual(r, { out: '(30000 44998.5)', err: '', code: 0 });
  assert.deepEqual(asCommand(['--batch', '--eval', STATS]), { out: '(3 t)', err: '', code: 0 });
  assert.equal(statSync(cache).mtimeMs, before, 'the code cache is still taken, not written again');
  rmSync(root, { recursive: true });
});

test('TurboFan, held back while the module bodies run, is back for the Lisp a start runs; the code cache stays valid', () => {
  const root = install(['tsmacs-core.jsc']);
  const launcher = join(root, 'dist', 'tsmacs.cjs');
  const node = (flags: string[], expr: string) => spawnSync(process.execPath, [...flags, launcher, '--batch', '--eval', expr],
    { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '' } });
  // V8 writes --trace-opt's lines to stdout: a hot Lisp loop gets the evaluator optimised.
  const hot = node(['--stack-size=6000', '--trace-opt'], '(let ((s 0)) (dotimes (i 200000) (setq s (+ s i))) (princ (list s)))');
  assert.equal(hot.status, 0);
  assert.ok(hot.stdout.includes('(19999900000)'), hot.stdout.slice(-200));
  assert.match(hot.stdout, /completed optimizing/);
  // The flags are put back as they were: the cache one ordinary start writes is taken by the next.
  const cache = join(root, 'dist', 'tsmacs-core.jsc');
  assert.equal(node(['--stack-size=6000'], STATS).stdout, '(3 t)');
  assert.ok(existsSync(cache), 'the first start wrote the code cache');
  const before = statSync(cache).mtimeMs;
  assert.equal(node(['--stack-size=6000'], STATS).stdout, '(3 t)');
  assert.equal(statSync(cache).mtimeMs, before, 'the second start took the cache and did not write it again');
  rmSync(root, { recursive: true });
});

test('the build writes the code cache after a warm-up of editing work (scripts/code-cache-warm.el)', () => {
  const root = install(['tsmacs-core.jsc']);
  const cache = join(root, 'dist', 'tsmacs-core.jsc');
  // A bare start's cache, for comparison: the build's holds the editing primitives' bytecode too.
  assert.deepEqual(run(root, ['--batch', '--eval', STATS]), { out: '(3 t)', err: '', code: 0 });
  const bare = statSync(cache).size;
  const built = statSync(join(dist, 'tsmacs-core.jsc')).size;
  assert.ok(built > bare + 64 * 1024, `the build's cache (${built} bytes) holds more than a bare start's (${bare})`);
  // The warm-up runs cleanly from the installed copy too, printing nothing.
  assert.deepEqual(run(root, ['--batch', '-l', join(repoRoot, 'scripts', 'code-cache-warm.el')]), { out: '', err: '', code: 0 });
  rmSync(root, { recursive: true });
});

test('the first line gives V8 a 4 MB young generation and puts the flag back: a cache either kind of start makes is taken by the other', () => {
  const root = install(['tsmacs-core.jsc']);
  const launcher = join(root, 'dist', 'tsmacs.cjs');
  const first = readFileSync(launcher, 'latin1').split('\n', 1)[0]!;
  assert.equal(first, '#!/usr/bin/env -S TSM_CA=${NODE_EXTRA_CA_CERTS} NODE_EXTRA_CA_CERTS=${TSM_CA} node --stack-size=6000 --min-semi-space-size=4');
  const shebang = first.split(' node ')[1]!.split(' ');
  const node = (flags: string[]) => spawnSync(process.execPath, [...flags, launcher, '--batch', '--eval', STATS],
    { encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '' } }).stdout;
  const cache = join(root, 'dist', 'tsmacs-core.jsc');
  // Both are ordinary runs, which rewrite a cache V8 rejects: an unchanged file was taken.
  assert.equal(node(['--stack-size=6000']), '(3 t)');
  const made = statSync(cache).mtimeMs;
  assert.equal(node(shebang), '(3 t)');
  assert.equal(statSync(cache).mtimeMs, made, 'a start with the first line\'s flags took the cache');
  rmSync(cache);
  assert.equal(node(shebang), '(3 t)');
  const made2 = statSync(cache).mtimeMs;
  assert.equal(node(['--stack-size=6000']), '(3 t)');
  assert.equal(node(shebang), '(3 t)');
  assert.equal(statSync(cache).mtimeMs, made2, 'the cache made under the first line\'s flags is taken by both');
  rmSync(root, { recursive: true });
});

// Prints NAME, 0x1e, the docstring and 0x1d for every primitive (each its own run of documentation).
const ALL_DOCS = '(mapatoms (lambda (s) (when (subrp (symbol-function s)) (princ (format "%s\x1e%s\x1d" s (documentation s t))))))';

test('the built product keeps primitives\' docstrings in dist/DOC, read on first use: each is the one in the source', () => {
  assert.ok(!readFileSync(join(dist, 'tsmacs-core.js'), 'latin1').includes('Give the first half of the cons LIST'), 'the docstrings are not in the bundle');
  const root = install();
  const r = run(root, ['--batch', '--eval', ALL_DOCS]);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  const got = new Map(r.out.split('\x1d').filter((e) => e !== '').map((e) => e.split('\x1e') as [string, string]));
  sortBuiltinTables();
  assert.ok(PRIMITIVES.length > 500);
  for (const p of PRIMITIVES) assert.equal(got.get(p.name), p.doc, p.name);
  rmSync(root, { recursive: true });
});

test('a missing DOC file gives GNU\'s answer; a damaged one, or another build\'s, a Lisp error, never a crash', () => {
  const good = readFileSync(join(dist, 'DOC'));
  const ask = '(progn (princ (documentation (quote car))) (princ (documentation (quote documentation))) (princ (documentation (lambda () "own doc" 1))))';
  // Missing: GNU 28.2 (emacs -batch -Q with doc-directory set to a missing folder) gives this as the docstring.
  let root = install(['DOC']);
  assert.deepEqual(run(root, ['--batch', '--eval', ask]),
    { out: 'Cannot open doc string file "DOC"\nCannot open doc string file "DOC"\nown doc', err: '', code: 0 });
  rmSync(root, { recursive: true });
  const text = good.toString('utf8');
  const cases: [string, Buffer][] = [
    ['a flipped byte', (() => { const c = Buffer.from(good); c[c.length >> 1]! ^= 4; return c; })()],
    ['truncated', good.subarray(0, good.length - 100)],
    ['empty', Buffer.alloc(0)],
    ['another build\'s (one docstring reworded)', Buffer.from(text.replace('Give the first half of the cons LIST', 'Give the car of LIST'))],
    ['garbage', Buffer.alloc(good.length, 0x1f)],
  ];
  for (const [what, bytes] of cases) {
    root = install(['DOC']);
    writeFileSync(join(root, 'dist', 'DOC'), bytes);
    const r = run(root, ['--batch', '--eval', ask]);
    assert.equal(r.code, 255, `${what}: ${r.err}`);
    assert.equal(r.out, '', what);
    assert.match(r.err, /Lisp error: \(error "The documentation file /, what);
    assert.doesNotMatch(r.err, /\n\s+at /, `${what}: no JS stack trace`);
    // An ordinary Lisp error: condition-case catches it, and the run goes on.
    const caught = run(root, ['--batch', '--eval', '(princ (condition-case e (documentation (quote car)) (error e)))']);
    assert.equal(caught.code, 0, what);
    assert.equal(caught.err, '', what);
    assert.match(caught.out, /^\(error The documentation file .*DOC is damaged or belongs to another build; rebuild with: npm run build\)$/, what);
    rmSync(root, { recursive: true });
  }
});
