#!/usr/bin/env node
// Run GNU Emacs 28.2's own core test files under GNU Emacs and under tsmacs and print, per file,
// how many of the results GNU gives as expected tsmacs gives too (issue 9's measure).
//
//   node scripts/gnu-tests.mjs [GNU_SRC] [--only NAME,NAME] [--timeout SECONDS] [--mem MB]
//                              [--jobs N] [--source] [--tsmacs CHECKOUT] [--list FILE] [--baseline FILE]
//                              [--dir DIR]
//
// --dir DIR runs every *-tests.el (and *-test-*.el, as eieio-tests/ names two of its three files)
// directly in GNU_SRC/test/DIR (say `lisp` or `lisp/emacs-lisp`)
// instead of issue 9's 28 files: a survey of how much of GNU's library tsmacs can load and pass.
// Give it its own --list, so that issue 9's gnu-tests-results.txt is not overwritten.
//
// GNU_SRC (the argument or the environment variable) is an unpacked `apt-get source emacs` tree;
// the test files are GPL and are only ever read from there, never copied into this repository.
// Each file runs as GNU's test harness runs it, from its own directory so that the resources
// beside it (`lread-resources/`, `regex-resources/`...) are found:
//   EMACS_TEST_DIRECTORY=GNU_SRC/test HOME=<empty dir> EMACS -batch -Q -L :GNU_SRC/test
//     -l ert -l FILE -f ert-run-tests-batch-and-exit
// with EMACS first GNU's `emacs` (EMACS=... to choose another) and then `node dist/tsmacs.cjs`
// (built by `npm run build`), or the TypeScript sources with --source; --tsmacs names another
// checkout to test than the one holding this script (to compare with main, say). Every run has a time
// limit and a memory limit (resident set of the process tree, polled), so a hang or a runaway
// is a row of the table, not a stuck run. ERT prints each result as it goes, so a run cut short
// still counts the results it printed.
//
// The table goes to stdout; the test-by-test list (file, test, GNU's result, tsmacs's) to
// --list (default gnu-tests-results.txt). With --baseline OLD-LIST the tests that were as
// expected in OLD-LIST and are not now are printed by name.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The 28 files of issue 9, relative to GNU_SRC/test. */
const FILES = [
  ...['data', 'fns', 'eval', 'lread', 'print', 'floatfns', 'alloc', 'casefiddle', 'character',
    'chartab', 'editfns', 'buffer', 'search', 'regex-emacs', 'syntax', 'marker'].map((n) => `src/${n}-tests.el`),
  'lisp/subr-tests.el',
  ...['subr-x', 'cl-lib', 'cl-macs', 'cl-seq', 'seq', 'pcase', 'map', 'backquote', 'gv',
    'let-alist', 'ring'].map((n) => `lisp/emacs-lisp/${n}-tests.el`),
];

function usage(msg) {
  if (msg) process.stderr.write(`gnu-tests: ${msg}\n`);
  process.stderr.write(`usage: node scripts/gnu-tests.mjs [GNU_SRC] [--only NAME,...] [--timeout S] [--mem MB]
                          [--jobs N] [--source] [--tsmacs CHECKOUT] [--list FILE] [--baseline FILE]
                          [--dir DIR]\n`);
  process.exit(2);
}

const opts = { src: process.env.GNU_SRC, only: null, timeout: 120, mem: 2048, jobs: 2, source: false,
  list: 'gnu-tests-results.txt', baseline: null, dir: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
  if (a === '--only') opts.only = val().split(',');
  else if (a === '--timeout') opts.timeout = Number(val());
  else if (a === '--mem') opts.mem = Number(val());
  else if (a === '--jobs') opts.jobs = Math.max(1, Number(val()));
  else if (a === '--source') opts.source = true;
  else if (a === '--tsmacs') ROOT = resolve(val());
  else if (a === '--list') opts.list = val();
  else if (a === '--baseline') opts.baseline = val();
  else if (a === '--dir') opts.dir = val().replace(/\/+$/, '');
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else opts.src = a;
}
if (!(opts.timeout > 0) || !(opts.mem > 0)) usage('--timeout and --mem take positive numbers');

if (!opts.src || !existsSync(join(opts.src, 'test/src/data-tests.el'))) {
  process.stderr.write(`gnu-tests: ${opts.src ? `${opts.src} is not an unpacked GNU Emacs source tree (no test/src/data-tests.el)`
    : 'no GNU Emacs source tree: pass its directory or set GNU_SRC'}.
Get one (Debian), in a scratch directory:
  add a deb-src entry: in /etc/apt/sources.list.d/debian.sources set "Types: deb deb-src"
  apt-get update && apt-get source emacs      # unpacks emacs-28.2+1/ here
  node scripts/gnu-tests.mjs $PWD/emacs-28.2+1
`);
  process.exit(2);
}
const SRC = resolve(opts.src);
const TESTDIR = join(SRC, 'test');
const EMACS = process.env.EMACS || 'emacs';
const gnuVersion = spawnSync(EMACS, ['--version'], { encoding: 'utf8' });
if (gnuVersion.error || !/^GNU Emacs 28\.2\b/.test(gnuVersion.stdout ?? '')) {
  process.stderr.write(`gnu-tests: need GNU Emacs 28.2 (EMACS=${EMACS}): apt-get install emacs-nox\n`);
  process.exit(2);
}
const TSMACS = opts.source
  // tsx by its URL: the runs start in the test file's directory, where `tsx` would not resolve.
  ? [process.execPath, '--stack-size=6000', '--import', import.meta.resolve('tsx'), join(ROOT, 'src/cli/bin.ts')]
  : [process.execPath, join(ROOT, 'dist/tsmacs.cjs')];
if (!opts.source && !existsSync(TSMACS[1])) {
  process.stderr.write('gnu-tests: no dist/tsmacs.cjs: run `npm run build` first (or pass --source)\n');
  process.exit(2);
}

let files = FILES;
if (opts.dir) {
  const where = join(opts.src, 'test', opts.dir);
  if (!existsSync(where)) usage(`--dir: no ${where}`);
  files = readdirSync(where).filter((n) => n.endsWith('-tests.el') || /-test-[^/]*\.el$/.test(n)).sort().map((n) => `${opts.dir}/${n}`);
}
const allFiles = files;
if (opts.only) {
  files = allFiles.filter((f) => opts.only.some((n) => basename(f, '.el') === n || basename(f, '-tests.el') === n));
  if (!files.length) usage(`--only matches none of: ${allFiles.map((f) => basename(f, '-tests.el')).join(' ')}`);
}
for (const f of files) if (!existsSync(join(TESTDIR, f))) usage(`${join(TESTDIR, f)} is missing`);

/** Resident set size in kB of PID and all its descendants (Linux /proc; 0 elsewhere). */
function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'latin1'));
      if (m) total += Number(m[1]);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'latin1').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch { /* the process ended meanwhile */ }
  }
  return total;
}

/**
 * Run CMD on the test file FILE with the harness's environment. Resolves to
 * { out (stderr), stdout, status, killed } where killed is null, 'timeout' or 'memory'.
 */
function runOne(cmd, file) {
  const home = mkdtempSync(join(tmpdir(), 'gnu-tests-home-'));
  const abs = join(TESTDIR, file);
  const args = [...cmd.slice(1), '-batch', '-Q', '-L', `:${TESTDIR}`, '-l', 'ert', '-l', abs,
    '-f', 'ert-run-tests-batch-and-exit'];
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', HOME: home,
    EMACS_TEST_DIRECTORY: TESTDIR };
  delete env.EMACSLOADPATH;
  return new Promise((done) => {
    // Its own process group, so that a kill reaches whatever it started.
    const child = spawn(cmd[0], args, { cwd: dirname(abs), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // ERT reports on stderr (`message`); tests print to stdout too, so the two are kept apart
    // lest a test's output split a report line.
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let killed = null;
    const kill = (why) => {
      if (killed) return;
      killed = why;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const timer = setTimeout(() => kill('timeout'), opts.timeout * 1000);
    const poll = setInterval(() => { if (treeRss(child.pid) > opts.mem * 1024) kill('memory'); }, 250);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      rmSync(home, { recursive: true, force: true });
      done({ out: Buffer.concat(err).toString('utf8'), stdout: Buffer.concat(out).toString('utf8'), status: code ?? signal, killed });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      clearInterval(poll);
      done({ out: String(e), stdout: '', status: 'spawn-error', killed: null });
    });
  });
}

/**
 * What one run printed: whether the tests started (the file loaded), each test's result word
 * as ERT's batch report writes it (passed, failed: expected; FAILED, PASSED: unexpected;
 * skipped), the summary line, and the first error report when the file did not load.
 */
function parse(run) {
  const results = new Map();
  let loaded = false;
  let summary = '';
  for (const line of run.out.split('\n')) {
    if (/^Running \d+ tests? /.test(line)) loaded = true;
    // `   passed  12/39  NAME (0.01 sec)`; a test that writes to stderr without a newline can
    // land inside the count (`1/peculiar error: error39`), hence the lazy middle.
    const m = /^ +([A-Za-z]+) +\d+\/.*?\d+  (\S+)( \(.*)?$/.exec(line);
    if (m && loaded) results.set(m[2], m[1]);
    if (/^(Aborted: )?Ran \d+ tests?, /.test(line)) summary = line;
  }
  let why = '';
  if (run.killed) why = run.killed === 'timeout' ? `timed out after ${opts.timeout} s` : `over ${opts.mem} MB`;
  else if (!loaded || !summary) {
    const lines = (run.out + '\n' + run.stdout).split('\n').filter((l) => l.trim());
    const err = lines.find((l) => /^Debugger entered--Lisp error:|^(Symbol|Wrong|Invalid|Cannot open|Error|error)/.test(l))
      ?? lines.find((l) => /Error|error|fatal|RangeError|Aborted/.test(l)) ?? lines.at(-1) ?? '';
    why = `exit ${run.status}: ${err.replace(/^Debugger entered--Lisp error: /, '').slice(0, 110)}`;
  }
  return { results, loaded, summary, why };
}

const asExpected = (word) => word === 'passed' || word === 'failed';

/** Run the jobs JOBS (thunks) at most N at a time, in order of submission. */
async function pool(jobs, n) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => { while (next < jobs.length) { const i = next++; out[i] = await jobs[i](); } };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}

const started = Date.now();
const rows = await pool(files.map((f) => async () => {
  const gnu = parse(await runOne([EMACS], f));
  const ts = parse(await runOne(TSMACS, f));
  process.stderr.write(`${basename(f, '.el')}: done\n`);
  return { file: f, gnu, ts };
}), opts.jobs);

const table = [
  '| file | GNU as expected | tsmacs same | loads | note |',
  '| --- | ---: | ---: | --- | --- |',
];
let totalGnu = 0, totalTs = 0, loadedFiles = 0;
const list = [];
for (const { file, gnu, ts } of rows) {
  const expected = [...gnu.results].filter(([, w]) => asExpected(w));
  const same = expected.filter(([name, w]) => ts.results.get(name) === w).length;
  totalGnu += expected.length;
  totalTs += same;
  if (ts.loaded) loadedFiles++;
  const note = gnu.why ? `GNU: ${gnu.why}` : ts.why;
  table.push(`| ${file} | ${expected.length} | ${same} | ${ts.loaded ? 'yes' : 'no'} | ${note.replace(/\|/g, '\\|')} |`);
  const names = new Set([...gnu.results.keys(), ...ts.results.keys()]);
  for (const name of [...names].sort()) list.push(`${file} ${name} ${gnu.results.get(name) ?? '-'} ${ts.results.get(name) ?? '-'}`);
}
table.push(`| **total** (${rows.length} files) | **${totalGnu}** | **${totalTs}** | ${loadedFiles} of ${rows.length} | |`);
writeFileSync(opts.list, list.join('\n') + '\n');
process.stdout.write(table.join('\n') + '\n');
process.stdout.write(`\n${totalTs} of ${totalGnu} of GNU's results as expected; ${loadedFiles} of ${rows.length} files load; ` +
  `${Math.round((Date.now() - started) / 1000)} s. Test by test: ${opts.list}\n`);

if (opts.baseline) {
  const before = new Map();
  for (const line of readFileSync(opts.baseline, 'utf8').split('\n')) {
    const [file, name, gnuWord, tsWord] = line.split(' ');
    if (name) before.set(`${file} ${name}`, asExpected(gnuWord) && gnuWord === tsWord);
  }
  const lost = [], gained = [];
  for (const line of list) {
    const [file, name, gnuWord, tsWord] = line.split(' ');
    const good = asExpected(gnuWord) && gnuWord === tsWord;
    const was = before.get(`${file} ${name}`);
    if (was && !good) lost.push(`${file} ${name}`);
    if (was === false && good) gained.push(`${file} ${name}`);
  }
  process.stdout.write(`\nAgainst ${opts.baseline}: ${gained.length} newly as expected, ${lost.length} no longer:\n`);
  for (const t of lost) process.stdout.write(`  regressed ${t}\n`);
  if (lost.length) process.exitCode = 1;
}
