// Side-by-side benchmarks: tsmacs against `node -e 0` and GNU Emacs 28.2, as ratios measured in one run.
//
//   node bench/run.mjs [--runs N] [--only startup|eval|dump] [--cpu] [--against DIST/tsmacs.cjs]
//
// --cpu times each run by the CPU it used (user + system, all threads, from the shell's `time`,
// which has it from wait4) and gives the trimmed mean (the middle 80%) instead of the median of
// wall time: on a shared, busy machine wall time is mostly waiting for a core.
// --against adds another build's launcher to the start-up rows, run interleaved with this one.
//
// Each program in bench/programs prints its answer, which is checked against
// its .expected file before any time counts. Evaluator programs run from
// source in both systems (GNU: `emacs -batch -Q -l FILE`, not byte-compiled).

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { cpSync, mkdirSync, mkdtempSync, statSync, symlinkSync } from 'node:fs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const root = join(import.meta.dirname, '..');
const tsmacs = join(root, 'dist', 'tsmacs.cjs');
// As the tsmacs command runs: its first line gives V8 this stack (scripts/launcher.template.cjs).
const STACK = '--stack-size=6000';
const haveEmacs = spawnSync('emacs', ['--version']).status === 0;
const cpu = args.includes('--cpu');
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : null;

function time(cmd, argv, expected) {
  const t0 = process.hrtime.bigint();
  const r = cpu
    ? spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@"', 'bash', cmd, ...argv], { encoding: 'utf8' })
    : spawnSync(cmd, argv, { encoding: 'utf8' });
  let ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (cpu) {
    // time's line is the last of stderr.
    const lines = r.stderr.trimEnd().split('\n');
    const [user, sys] = lines.pop().split(' ').map(Number);
    r.stderr = lines.join('\n');
    ms = (user + sys) * 1000;
  }
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (expected !== undefined && r.stdout.trim() !== expected.trim())
    throw new Error(`${cmd} ${argv.join(' ')} printed ${JSON.stringify(r.stdout)}, expected ${JSON.stringify(expected)}`);
  return ms;
}

/**
 * Median of RUNS timings (with --cpu, the mean of the middle 80%), the runs of each command
 * interleaved so drift hits all alike.
 */
function medians(cases) {
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => times[k].push(time(...c)));
  return times.map((t) => {
    t.sort((a, b) => a - b);
    if (!cpu) return t[Math.floor(t.length / 2)];
    const mid = t.slice(Math.floor(t.length / 10), t.length - Math.floor(t.length / 10));
    return mid.reduce((a, b) => a + b, 0) / mid.length;
  });
}

const rows = [];
// Each system's own start-up, subtracted from the evaluator timings for the net ratio.
let startTs;
let startGnu;
if (!only || only === 'startup') {
  const cases = [['node', ['-e', '0']], ['node', [STACK, tsmacs, '--batch', '--eval', '(kill-emacs)']]];
  if (haveEmacs) cases.push(['emacs', ['-batch', '-Q', '--eval', '(kill-emacs)']]);
  if (against !== null) cases.push(['node', [STACK, against, '--batch', '--eval', '(kill-emacs)']]);
  const [node, ts, gnu, other] = haveEmacs ? medians(cases) : ((m) => [m[0], m[1], undefined, m[2]])(medians(cases));
  startTs = ts;
  startGnu = gnu;
  rows.push(['start-up: node -e 0', node, '1.00×']);
  rows.push(['start-up: tsmacs --batch --eval (kill-emacs)', ts, `${(ts / node).toFixed(3)}× node`]);
  if (other !== undefined) rows.push([`start-up: ${against}`, other, `${(other / node).toFixed(3)}× node`]);
  if (gnu !== undefined) rows.push(['start-up: emacs -batch -Q --eval (kill-emacs)', gnu, `tsmacs/emacs ${(ts / gnu).toFixed(2)}×`]);
}
if (!only || only === 'dump') {
  // Loadup from source against a dumped start (the seed's 4.946 s vs 0.036 s), and the
  // dump's own costs: load time per MB (pdumper-stats) beside GNU's, write time per MB.
  const tmp = mkdtempSync(join(os.tmpdir(), 'tsmacs-bench-'));
  const image = join(tmp, 'bench.pdmp');
  const [loadup, dumped] = medians([
    ['node', [STACK, tsmacs, '--temacs=pdump', '--dump-file', image]],
    ['node', [STACK, tsmacs, '--batch', '--eval', '(kill-emacs)']],
  ]);
  rows.push(['loadup from source + dump (--temacs=pdump)', loadup, '']);
  rows.push(['dumped start-up', dumped, `loadup/dumped ${(loadup / dumped).toFixed(1)}×`]);
  // The same start without an image (a copy of dist/ without tsmacs.pdmp runs loadup.el), whole
  // process and in-process: TSMACS_LOAD_TRACE prints the time from a bare runtime to a ready heap,
  // by loadup or by loading the dump.
  const bare = join(tmp, 'bare');
  mkdirSync(join(bare, 'dist'), { recursive: true });
  for (const f of ['tsmacs.cjs', 'tsmacs-core.js', 'tsmacs-core.jsc'])
    cpSync(join(root, 'dist', f), join(bare, 'dist', f), { preserveTimestamps: true });
  symlinkSync(join(root, 'lisp'), join(bare, 'lisp'));
  const bareTsmacs = join(bare, 'dist', 'tsmacs.cjs');
  const [fromSource] = medians([['node', [STACK, bareTsmacs, '--batch', '--eval', '(kill-emacs)']]]);
  rows.push(['start-up without an image (loadup from source)', fromSource, `source/dumped ${(fromSource / dumped).toFixed(1)}×`]);
  const traced = (argv) => {
    const r = spawnSync('node', argv, { encoding: 'utf8', env: { ...process.env, TSMACS_LOAD_TRACE: '1' } });
    const m = /total ([\d.]+)/.exec(r.stderr);
    if (!m) throw new Error(`no load trace from ${argv.join(' ')}: ${r.stderr}`);
    return Number(m[1]);
  };
  const inLoadup = [];
  const inLoad = [];
  for (let i = 0; i < runs; i++) {
    inLoadup.push(traced([STACK, bareTsmacs, '--batch', '--eval', '(kill-emacs)']));
    inLoad.push(traced([STACK, tsmacs, '--batch', '--eval', '(kill-emacs)']));
  }
  const m2 = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  rows.push(['in-process: bare runtime to ready heap by loadup', m2(inLoadup), '']);
  rows.push(['in-process: bare runtime to ready heap by the dump', m2(inLoad), `loadup/dump ${(m2(inLoadup) / m2(inLoad)).toFixed(0)}×`]);
  const loadTime = (cmd, argv) => {
    const r = spawnSync(cmd, argv, { encoding: 'utf8' });
    return Number(r.stdout.trim()) * 1000;
  };
  const stat = "(princ (cdr (assq 'load-time (pdumper-stats))))";
  const ours = join(root, 'dist', 'tsmacs.pdmp');
  const oursMB = statSync(ours).size / 1048576;
  const ourLoad = [];
  const gnuLoad = [];
  const gnuDump = spawnSync('emacs', ['-batch', '-Q', '--eval', '(princ (cdr (assq (quote dump-file-name) (pdumper-stats))))'], { encoding: 'utf8' }).stdout?.trim();
  for (let i = 0; i < runs; i++) {
    ourLoad.push(loadTime('node', [STACK, tsmacs, '--batch', '--eval', stat]));
    if (haveEmacs) gnuLoad.push(loadTime('emacs', ['-batch', '-Q', '--eval', stat]));
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  rows.push([`load time, default image (${oursMB.toFixed(2)} MB)`, med(ourLoad), `${(med(ourLoad) / oursMB).toFixed(2)} ms/MB`]);
  if (haveEmacs && gnuDump) {
    const gnuMB = statSync(gnuDump).size / 1048576;
    rows.push([`load time, GNU emacs.pdmp (${gnuMB.toFixed(2)} MB)`, med(gnuLoad), `${(med(gnuLoad) / gnuMB).toFixed(2)} ms/MB`]);
  }
  // A large image: 100,000 entries of strings, floats and lists on top of the default one.
  const big = join(tmp, 'big.pdmp');
  const build = "(progn (setq bench-big (let (l) (dotimes (i 100000) (push (cons (number-to-string i) (list i (* i 1.5) (make-string 8 ?x))) l)) l)) (let ((t0 (float-time))) (dump-emacs-portable " + JSON.stringify(big) + ") (princ (- (float-time) t0))))";
  const w = spawnSync('node', [STACK, tsmacs, '--batch', '--eval', build], { encoding: 'utf8' });
  const bigMB = statSync(big).size / 1048576;
  const writeMs = Number(w.stdout.trim()) * 1000;
  rows.push([`dump write, large image (${bigMB.toFixed(1)} MB)`, writeMs, `${(writeMs / bigMB).toFixed(1)} ms/MB`]);
  const bigLoad = [];
  for (let i = 0; i < runs; i++) bigLoad.push(loadTime('node', [STACK, tsmacs, '--dump-file', big, '--batch', '--eval', stat]));
  rows.push([`load time, large image (${bigMB.toFixed(1)} MB)`, med(bigLoad), `${(med(bigLoad) / bigMB).toFixed(2)} ms/MB`]);
}
if (!only || only === 'eval') {
  const dir = join(root, 'bench', 'programs');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.el')).sort()) {
    const file = join(dir, f);
    const expected = readFileSync(file.replace(/\.el$/, '.expected'), 'utf8');
    const cases = [['node', [STACK, tsmacs, '--batch', '-l', file], expected]];
    if (haveEmacs) cases.push(['emacs', ['-batch', '-Q', '-l', file], expected]);
    const [ts, gnu] = medians(cases);
    rows.push([`${f}: tsmacs`, ts, '']);
    const net = startTs !== undefined && startGnu !== undefined && gnu !== undefined
      ? `, net of start-up ${((ts - startTs) / (gnu - startGnu)).toFixed(2)}×` : '';
    if (gnu !== undefined) rows.push([`${f}: emacs (source)`, gnu, `tsmacs/emacs ${(ts / gnu).toFixed(2)}×${net}`]);
  }
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}, runs ${runs} (${cpu ? 'CPU time, trimmed mean' : 'median'}), load ${os.loadavg()[0].toFixed(1)}`);
for (const [name, ms, ratio] of rows) console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms  ${ratio}`);
if (!existsSync(tsmacs)) console.log('(build first: npm run build)');
