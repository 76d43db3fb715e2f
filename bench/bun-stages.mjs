// Where a start under Bun spends its CPU, by cut-off totals: the same start stopped at each stage.
//
//   node bench/bun-stages.mjs [--runs N] [--args 'ARGS'] [--template FILE] [--faults]
//
// Marks inside a start (process.cpuUsage at each stage, as bench/startup-marks.mjs does for Node)
// leave out what a stage costs after it: the compiler thread finishing a wasm compile, a
// collection's helpers, the exit's unmapping of what the stage touched. So here each stage is a
// start of its own that exits there (process.exit), timed whole by the shell's `time` (user + system,
// all threads), and a stage's cost is its total less the previous stage's: what the start would
// save without it. The stages: an empty CommonJS file (Bun itself, as the command runs a file),
// L0 (the launcher parsed, at its first line), bunmod (Bun's module
// loaded: its source and bytecode read, at its first line), mem (the heap's memory made, first thing
// in its start), k1 (its start up to the bundle's call: the JIT policy, the kernels unpacked and compiled, the one collection), fs (the bundle entered, up
// to its first require of node:fs, which Bun's launcher answers with a proxy that loads it at its
// first use), bodies (the module bodies run), the load's phases (load:runtime ... load:hooks, at
// the marks src/dump/loader.ts prints with TSMACS_LOAD_TRACE: the runtime made, the image read,
// its header, checksum, object starts, verify, restores, after-load hooks; and within verify,
// verify:conses, verify:syms and verify:strs, after each run's kernel), loaded
// (__tsmacsLispRuns), and the whole command.
//
// It copies dist/ (built: npm run build) to a temporary folder (in the repository's, removed at the
// end) beside a link to lisp/ and etc/,
// builds Bun's module there from TEMPLATE (default scripts/launcher-bun.template.cjs, so an edited
// template can be measured before a build) with the cut points added, as scripts/build-hosts.mjs
// builds it (`bun build --bytecode`), and runs the stages interleaved. Prints trimmed means (the
// middle 80%) of N runs (default 30), each stage's cost, and the load. Linux; Bun from devDependencies.
// --faults counts each stage's minor page faults instead (/usr/bin/time's %R): this machine takes
// 1.7-2 us a fault, and Bun reads its module's source and bytecode into fresh memory.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { paddedKernels } from '../scripts/bun-kernels.mjs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const runs = Number(opt('--runs', 30));
const faults = args.includes('--faults');
const cmdArgs = opt('--args', "--batch --eval '(kill-emacs)'");
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const template = opt('--template', join(root, 'scripts', 'launcher-bun.template.cjs'));
const bun = join(root, 'node_modules', '.bin', 'bun');
for (const f of [bun, join(dist, 'tsmacs-core.bun.cjs'), join(dist, 'tsmacs.cjs')])
  if (!existsSync(f)) throw new Error(`${f} is missing: npm ci (Bun from devDependencies), npm run build`);

/** TEXT with INSERT put after (or before, BEFORE) the one occurrence of AT; an error names a template that moved on. */
const put = (text, at, insert, before = false) => {
  const parts = text.split(at);
  if (parts.length !== 2) throw new Error(`bun-stages: ${JSON.stringify(at.slice(0, 60))} is not found once; update the cut points`);
  return parts[0] + (before ? insert + at : at + insert) + parts[1];
};
/** TEXT with the one occurrence of AT replaced by BY. */
const once = (text, at, by) => put(text, at, '').replace(at, by);
const cut = (name) => `\n__tsmacsCut(${JSON.stringify(name)});\n`;
const CUT_FN = "const __tsmacsCut = (n) => { if (process.env.TSMACS_CUT === n) process.exit(); };\n";

// In the repository's folder, not the temporary one: Bun lists every folder from / down to the
// script's as it starts (its resolver), and a crowded /tmp cost 3-4 ms of each start there.
const tmp = mkdtempSync(join(root, '.bun-stages-'));
try {
  mkdirSync(join(tmp, 'dist'));
  for (const f of ['tsmacs.cjs', 'tsmacs-core.js', 'tsmacs.pdmp', 'DOC'])
    cpSync(join(dist, f), join(tmp, 'dist', f), { preserveTimestamps: true });
  for (const d of ['lisp', 'etc']) symlinkSync(join(root, d), join(tmp, d));
  writeFileSync(join(tmp, 'empty.cjs'), '0\n');
  // The launcher: a cut point at its first line.
  let launcher = readFileSync(join(tmp, 'dist', 'tsmacs.cjs'), 'utf8');
  launcher = put(launcher, "'use strict';\n", CUT_FN + cut('L0'));
  writeFileSync(join(tmp, 'dist', 'tsmacs.cjs'), launcher);
  // Bun's module, as scripts/build-hosts.mjs makes it, with its PADDED made as there
  // (scripts/bun-kernels.mjs: a null PADDED would have the copy pad the kernels at start).
  const buildId = createHash('sha256').update(readFileSync(join(dist, 'tsmacs-core.js'))).digest('hex').slice(0, 16);
  const PADDED = await paddedKernels(root, readFileSync(template, 'utf8'), tmp);
  if (PADDED === null) throw new Error("bun-stages: the kernels' merged module cannot be made (is dist/ built from this source? npm run build)");
  let t = readFileSync(template, 'utf8').split('__TSMACS_PADDED__').join(JSON.stringify(PADDED));
  t = put(t, 'const core = __TSMACS_CORE__;', CUT_FN + cut('bunmod'), true);
  t = put(t, '  const setJITPolicy = (n) => {', cut('mem'), true);
  // The bundle's call: its builtins through a function that cuts at node:fs, and its bodiesRan
  // cutting once the module bodies have run.
  t = once(t, '  core(builtin, url, kernels, dirname, () => {}, () => {},',
    cut('k1') + '  core((id) => { if (id === "node:fs") __tsmacsCut("fs"); return builtin(id); }, ' +
    'url, kernels, dirname, () => {}, () => __tsmacsCut("bodies"),');
  t = put(t, '    delete globalThis.__tsmacsLispRuns;', cut('loaded'), true);
  const parts = t.split('__TSMACS_CORE__');
  // The load's phases (src/dump/loader.ts, whose marks TSMACS_LOAD_TRACE prints): its phase timer
  // made to cut at each mark instead, so a stage ends where a phase does.
  const core = readFileSync(join(dist, 'tsmacs-core.js'), 'utf8').replace(
    /function (\w+)\((\w+),(\w+)\)\{if\(\2\.getenv\("TSMACS_LOAD_TRACE"\)===void 0\)return;/,
    (all, name, host, t0) => `function ${name}(${host},${t0}){if(process.env.TSMACS_CUT)return (p)=>__tsmacsCut("load:"+p);if(${host}.getenv("TSMACS_LOAD_TRACE")===void 0)return;`);
  if (!core.includes('"load:"+p')) throw new Error("bun-stages: the loader's phase timer is not found; update the cut points");
  // Inside verify (src/dump/verify.ts): after the cons run's kernel, the symbol run's and the string
  // run's, before the walk (each kernel's call in the minified bundle).
  let cuts = 0;
  const verifyCut = (text, re, name) => text.replace(re, (call) => (cuts++, `(__tsmacsCut("${name}"),${call})`));
  let bundle = verifyCut(core, /\w+\.vsyms\(\)/, 'verify:conses');
  bundle = verifyCut(bundle, /\w+\.vstrs\(\)/, 'verify:syms');
  bundle = verifyCut(bundle, /\w+\.vwalk\(\)/, 'verify:strs');
  if (cuts !== 3) throw new Error("bun-stages: verify's kernel calls are not found; update the cut points");
  const entry = join(tmp, 'tsmacs-core.bun.cjs');
  writeFileSync(entry, parts[0].split("'__BUILD_ID__'").join(JSON.stringify(buildId)) + bundle.trimEnd().replace(/;$/, '') +
    parts[1].split("'__BUILD_ID__'").join(JSON.stringify(buildId)));
  const out = join(tmp, 'out');
  const b = spawnSync(bun, ['build', '--bytecode', '--minify', '--target=bun', '--format=cjs', '--outdir', out, entry], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error('bun build failed:\n' + b.stdout + b.stderr);
  cpSync(join(out, 'tsmacs-core.bun.js'), join(tmp, 'dist', 'tsmacs-core.bun.cjs'));
  cpSync(join(out, 'tsmacs-core.bun.js.jsc'), join(tmp, 'dist', 'tsmacs-core.bun.cjs.jsc'));
  const check = spawnSync(bun, [join(tmp, 'dist', 'tsmacs.cjs'), '--batch', '--eval', '(princ (+ 1 2))'], { cwd: tmp, encoding: 'utf8' });
  if (check.stdout !== '3') throw new Error('the copy does not run: ' + check.stdout + check.stderr);

  const phases = ['runtime', 'read', 'header', 'checksum', 'object-starts', 'verify:conses', 'verify:syms', 'verify:strs', 'verify', 'restores', 'hooks'].map((p) => (p.startsWith('verify:') ? p : 'load:' + p));
  const stages = ['empty', 'L0', 'bunmod', 'mem', 'k1', 'fs', 'bodies', ...phases, 'loaded', 'all'];
  const command = (s) => (s === 'empty' ? `${bun} empty.cjs` : `${s === 'all' ? '' : `TSMACS_CUT=${s} `}${bun} dist/tsmacs.cjs ${cmdArgs}`);
  const times = Object.fromEntries(['bun -e 0', ...stages].map((s) => [s, []]));
  const time = (cmd) => {
    if (faults) {
      const f = spawnSync('bash', ['-c', `/usr/bin/time -f "faults %R" env ${cmd} 2>&1 >/dev/null | tail -1`], { cwd: tmp, encoding: 'utf8' });
      const m = /faults (\d+)/.exec(f.stdout);
      if (m === null) throw new Error('bun-stages: /usr/bin/time gave no fault count: ' + f.stdout);
      return Number(m[1]);
    }
    const r = spawnSync('bash', ['-c', `TIMEFORMAT="%3U %3S"; { time ${cmd} >/dev/null 2>/dev/null; } 2>&1`], { cwd: tmp, encoding: 'utf8' });
    const [u, s] = r.stdout.trim().split('\n').pop().split(' ').map(Number);
    return (u + s) * 1000;
  };
  for (let r = 0; r < runs; r++) {
    times['bun -e 0'].push(time(`${bun} -e 0`));
    for (const s of stages) times[s].push(time(command(s)));
  }
  const trimmed = (a) => {
    const s = [...a].sort((x, y) => x - y);
    const k = Math.floor(s.length / 10);
    const m = s.slice(k, s.length - k);
    return m.reduce((x, y) => x + y, 0) / m.length;
  };
  const unit = faults ? 'faults' : 'ms';
  console.log(`bun-stages: ${runs} runs each, interleaved, ${faults ? 'minor page faults (trimmed mean)' : 'CPU (user + system, trimmed mean)'}, load ${loadavg()[0].toFixed(1)}`);
  console.log(`${'bun -e 0'.padEnd(18)} ${trimmed(times['bun -e 0']).toFixed(2).padStart(7)} ${unit}`);
  let prev = 0;
  for (const s of stages) {
    const v = trimmed(times[s]);
    console.log(`${s.padEnd(18)} ${v.toFixed(2).padStart(7)} ${unit}  ${s === 'empty' ? '' : (v - prev >= 0 ? '+' : '') + (v - prev).toFixed(2)}`);
    prev = v;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
