// Side-by-side benchmarks: tsmacs against `node -e 0` and GNU Emacs 28.2, as ratios measured in one run.
//
//   node bench/run.mjs [--runs N] [--only startup|eval|dump] [--cpu] [--against DIST/tsmacs.cjs] [--hosts]
//                      [--programs fib,nbody,...]
//
// --cpu times each run by the CPU it used (user + system, all threads, from the shell's `time`,
// which has it from wait4) and gives the trimmed mean (the middle 80%) instead of the median of
// wall time: on a shared, busy machine wall time is mostly waiting for a core.
// --against adds another build's launcher to the start-up rows (under Bun too with --hosts) and as a
// column of the program table, run interleaved with this one.
//
// Each program in bench/programs prints its answer, which is checked against
// its .expected file (recorded from GNU) before any time counts. Evaluator programs run under
// tsmacs from source and under GNU three ways: from source (`emacs -batch -Q -l FILE`),
// byte-compiled and native-compiled (both made in a temp dir before the timed runs); the
// markdown table at the end gives the medians and tsmacs's ratio to each GNU column.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { cpSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const root = join(import.meta.dirname, '..');
const tsmacs = join(root, 'dist', 'tsmacs.cjs');
// As the tsmacs command runs: its first line gives V8 this stack (scripts/launcher.template.cjs).
const STACK = '--stack-size=6000';
/** Node's flags from a launcher's first line (`#!/usr/bin/env -S [VAR=VALUE...] node FLAGS`). */
const flagsOf = (launcher) => {
  const first = readFileSync(launcher, 'latin1').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env -S (?:\S+=\S*\s+)*node (.*)$/.exec(first);
  return m ? m[1].split(' ').filter(Boolean) : [STACK];
};
/**
 * A launcher run as the tsmacs command runs: executed, so the kernel reads its first line and env
 * starts Node with the line's flags and environment (NODE_EXTRA_CA_CERTS handed over, since
 * startup15); a launcher that is not executable runs as `node FLAGS LAUNCHER`.
 */
const asCommand = (launcher, argv) => {
  try {
    if (statSync(launcher).mode & 0o100) return [launcher, argv];
  } catch {}
  return ['node', [...flagsOf(launcher), launcher, ...argv]];
};
const haveEmacs = spawnSync('emacs', ['--version']).status === 0;
const cpu = args.includes('--cpu');
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : null;
// --programs fib,nbody: only these of bench/programs (names without .el).
const programs = args.includes('--programs') ? args[args.indexOf('--programs') + 1].split(',') : null;
// --hosts: the start-up rows also run the same bundle under Bun and Deno (devDependencies), each
// beside its own empty program, so each host's floor and tsmacs on it are in the one run; and the
// single executable (dist/tsmacs, npm run build:sea) and the Bun executable (dist/tsmacs-bun, npm run
// build:bun) when they have been built. All start-up commands
// run in the same interleaved rounds, so each host's ratio to GNU is measured side by side.
const hosts = args.includes('--hosts');

function time(cmd, argv, expected, label) {
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
  // A program may report in-process timings of its own on stderr, as lines "bench: NAME MS".
  for (const [, name, v] of r.stderr.matchAll(/^bench: (\S+) ([\d.]+)$/gm)) {
    const key = `${label}\0${name}`;
    (inner.get(key) ?? inner.set(key, []).get(key)).push(Number(v));
  }
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
/** In-process timings reported by the programs, by file and name. */
const inner = new Map();
let evalTable = null;
// Each system's own start-up, subtracted from the evaluator timings for the net ratio.
let startTs;
let startGnu;
if (!only || only === 'startup') {
  const cases = [['node', ['-e', '0']], asCommand(tsmacs, ['--batch', '--eval', '(kill-emacs)'])];
  if (haveEmacs) cases.push(['emacs', ['-batch', '-Q', '--eval', '(kill-emacs)']]);
  if (against !== null) cases.push(asCommand(against, ['--batch', '--eval', '(kill-emacs)']));
  // --hosts: the other hosts' rows run in the same interleaved rounds, so every ratio to GNU is side by side.
  const hostCases = [];
  let haveSea = false;
  let haveBunExe = false;
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  const kill = ['--batch', '--eval', '(kill-emacs)'];
  // The single executable (npm run build:sea), when built: one untimed start unpacks it first.
  const sea = join(root, 'dist', 'tsmacs');
  const bunExe = join(root, 'dist', 'tsmacs-bun');
  if (hosts) {
    haveSea = existsSync(sea) && spawnSync(sea, kill).status === 0;
    haveBunExe = existsSync(bunExe) && spawnSync(bunExe, kill).status === 0;
    hostCases.push(
      [bin('bun'), ['-e', '0']], [bin('bun'), [tsmacs, ...kill]],
      [bin('deno'), ['eval', '0']], [bin('deno'), ['run', '--allow-all', tsmacs, ...kill]],
      ...(haveSea ? [[sea, kill]] : []),
      ...(against !== null ? [[bin('bun'), [against, ...kill]]] : []),
      ...(haveBunExe ? [[bunExe, kill]] : []),
    );
  }
  const all = medians([...cases, ...hostCases]);
  const hostTimes = all.splice(cases.length);
  const [node, ts, gnu, other] = haveEmacs ? all : [all[0], all[1], undefined, all[2]];
  startTs = ts;
  startGnu = gnu;
  rows.push(['start-up: node -e 0', node, '1.00×']);
  rows.push(['start-up: tsmacs --batch --eval (kill-emacs)', ts, `${(ts / node).toFixed(3)}× node`]);
  if (other !== undefined) rows.push([`start-up: ${against}`, other, `${(other / node).toFixed(3)}× node`]);
  if (gnu !== undefined) rows.push(['start-up: emacs -batch -Q --eval (kill-emacs)', gnu, `tsmacs/emacs ${(ts / gnu).toFixed(2)}×`]);
  if (hosts) {
    const [bunFloor, bunTs, denoFloor, denoTs] = hostTimes;
    const seaTs = haveSea ? hostTimes[4] : undefined;
    const bunOther = against !== null ? hostTimes[haveSea ? 5 : 4] : undefined;
    const bunExeTs = haveBunExe ? hostTimes[hostTimes.length - 1] : undefined;
    const vsGnu = (t) => (gnu !== undefined ? `, tsmacs/emacs ${(t / gnu).toFixed(2)}×` : '');
    rows.push(['start-up: bun -e 0', bunFloor, '']);
    rows.push(['start-up: bun tsmacs --batch --eval (kill-emacs)', bunTs, `${(bunTs / bunFloor).toFixed(2)}× bun${vsGnu(bunTs)}`]);
    if (bunOther !== undefined) rows.push([`start-up: bun ${against}`, bunOther, `${(bunOther / bunFloor).toFixed(2)}× bun${vsGnu(bunOther)}`]);
    if (bunExeTs !== undefined) rows.push(['start-up: dist/tsmacs-bun (Bun executable) --batch --eval (kill-emacs)', bunExeTs, `${(bunExeTs / bunFloor).toFixed(2)}× bun${vsGnu(bunExeTs)}`]);
    rows.push(['start-up: deno eval 0', denoFloor, '']);
    rows.push(['start-up: deno run tsmacs --batch --eval (kill-emacs)', denoTs, `${(denoTs / denoFloor).toFixed(2)}× deno${vsGnu(denoTs)}`]);
    if (haveSea) rows.push(['start-up: dist/tsmacs (single executable) --batch --eval (kill-emacs)', seaTs, `${(seaTs / node).toFixed(3)}× node${vsGnu(seaTs)}`]);
  }
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
  // Each program under four systems, interleaved round by round: tsmacs from source, GNU from
  // source, GNU byte-compiled (.elc made beforehand in a temp dir) and GNU native-compiled (.eln,
  // likewise) when its `native-comp-available-p'. An empty file under each system gives the
  // start-up to subtract for the net ratios.
  const dir = join(root, 'bench', 'programs');
  let files = readdirSync(dir).filter((x) => x.endsWith('.el')).sort();
  if (programs !== null) files = files.filter((f) => programs.includes(f.replace(/\.el$/, '')));
  const tmp = mkdtempSync(join(os.tmpdir(), 'tsmacs-bench-eval-'));
  const empty = join(tmp, 'empty.el');
  writeFileSync(empty, ';;; -*- lexical-binding: t -*-\n');
  const gnuBatch = (argv) => spawnSync('emacs', ['-batch', '-Q', ...argv], { encoding: 'utf8' });
  const elcOf = (f) => join(tmp, 'elc', f + 'c');
  const elnOf = (f) => join(tmp, 'eln', f.replace(/\.el$/, '.eln'));
  let nativeWhy = 'no emacs';
  if (haveEmacs) {
    mkdirSync(join(tmp, 'elc'));
    mkdirSync(join(tmp, 'eln'));
    const probe = gnuBatch(['--eval', '(princ (and (fboundp (quote native-comp-available-p)) (native-comp-available-p)))']);
    nativeWhy = probe.stdout.trim() === 't' ? null : `native-comp-available-p is ${probe.stdout.trim() || 'void'}`;
    for (const f of files) {
      cpSync(join(dir, f), join(tmp, 'elc', f));
      const b = gnuBatch(['--eval', `(unless (byte-compile-file ${JSON.stringify(join(tmp, 'elc', f))}) (kill-emacs 1))`]);
      if (b.status !== 0 || !existsSync(elcOf(f))) throw new Error(`byte-compile-file ${f} failed: ${b.stderr}`);
      if (nativeWhy === null) {
        const n = gnuBatch(['--eval', `(native-compile ${JSON.stringify(join(dir, f))} ${JSON.stringify(elnOf(f))})`]);
        if (n.status !== 0 || !existsSync(elnOf(f))) throw new Error(`native-compile ${f} failed: ${n.stderr}`);
      }
    }
  }
  // Libraries the programs require are GNU's own (.elc or .eln as installed); no deferred
  // compilation may start in the background of a timed run.
  const noJit = ['--eval', '(setq native-comp-deferred-compilation nil)'];
  // Each tsmacs runs as the command runs (its first line), so a program's time includes the
  // start-up a user pays: since startup15 that start no longer parses NODE_EXTRA_CA_CERTS.
  const systems = [['tsmacs', (file) => asCommand(tsmacs, ['--batch', '-l', file])]];
  if (against !== null) systems.push(['tsmacs --against', (file) => asCommand(against, ['--batch', '-l', file])]);
  if (haveEmacs) {
    systems.push(['GNU source', (file) => ['emacs', ['-batch', '-Q', ...noJit, '-l', file]]]);
    systems.push(['GNU .elc', (file, f) => ['emacs', ['-batch', '-Q', ...noJit, '-l', f ? elcOf(f) : file]]]);
    if (nativeWhy === null) systems.push(['GNU .eln', (file, f) => ['emacs', ['-batch', '-Q', ...noJit, '-l', f ? elnOf(f) : file]]]);
  }
  const cases = [];
  for (const [name, cmd] of systems) cases.push([...cmd(empty), '', name]);
  for (const f of files) {
    const expected = readFileSync(join(dir, f.replace(/\.el$/, '.expected')), 'utf8');
    for (const [name, cmd] of systems) cases.push([...cmd(join(dir, f), f), expected, name]);
  }
  const m = medians(cases);
  const k = systems.length;
  const base = m.slice(0, k);
  const table = [];
  files.forEach((f, i) => table.push([f, m.slice(k * (i + 1), k * (i + 2))]));
  evalTable = { systems: systems.map(([name]) => name), base, table, nativeWhy };
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}, runs ${runs} (${cpu ? 'CPU time, trimmed mean' : 'median'}), load ${os.loadavg()[0].toFixed(1)}`);
for (const [name, ms, ratio] of rows) console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms  ${ratio}`);
if (evalTable !== null) {
  // One markdown table: whole-process times (each system's start-up included), then the ratios
  // of tsmacs to each GNU column, net of each one's start-up (an empty file's run) in brackets.
  const { systems, base, table, nativeWhy } = evalTable;
  const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const gnu = systems.slice(1);
  console.log('');
  console.log(`| program | ${systems.join(' | ')} | ${gnu.map((g) => `tsmacs / ${g}`).join(' | ')} |`);
  console.log(`| --- | ${systems.map(() => '---:').join(' | ')} | ${gnu.map(() => '---:').join(' | ')} |`);
  console.log(`| (empty file: start-up) | ${base.map(fmt).join(' | ')} | ${gnu.map(() => '').join(' | ')} |`);
  // A net ratio only where both sides spent at least 10 ms beyond their start-up (else noise).
  const logs = gnu.map(() => [0, 0, 0]);
  for (const [f, t] of table) {
    const ratios = gnu.map((_, j) => {
      const gross = t[0] / t[j + 1];
      logs[j][0] += Math.log(gross);
      if (t[0] - base[0] < 10 || t[j + 1] - base[j + 1] < 10) return `${gross.toFixed(2)}× (–)`;
      const net = (t[0] - base[0]) / (t[j + 1] - base[j + 1]);
      logs[j][1] += Math.log(net);
      logs[j][2]++;
      return `${gross.toFixed(2)}× (${net.toFixed(2)}×)`;
    });
    console.log(`| \`${f}\` | ${t.map(fmt).join(' | ')} | ${ratios.join(' | ')} |`);
  }
  if (table.length > 0)
    console.log(`| geometric mean | ${systems.map(() => '').join(' | ')} | ${logs.map(([g, n, c]) => `**${Math.exp(g / table.length).toFixed(2)}×** (${c ? Math.exp(n / c).toFixed(2) : '–'}×)`).join(' | ')} |`);
  if (nativeWhy) console.log(`(no native-compiled column: ${nativeWhy})`);
  if (inner.size > 0) {
    console.log('');
    console.log('| in-process measure (median of the runs\' own medians) | ' + systems.join(' | ') + ' |');
    console.log(`| --- | ${systems.map(() => '---:').join(' | ')} |`);
    const names = [...new Set([...inner.keys()].map((key) => key.split('\0')[1]))];
    const middle = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
    for (const name of names) {
      const cells = systems.map((sys) => (inner.has(`${sys}\0${name}`) ? `${middle(inner.get(`${sys}\0${name}`)).toFixed(2)} ms` : ''));
      console.log(`| ${name} | ${cells.join(' | ')} |`);
    }
  }
}
if (!existsSync(tsmacs)) console.log('(build first: npm run build)');
