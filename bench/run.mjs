// Side-by-side benchmarks: tsmacs against `node -e 0` and GNU Emacs 28.2, as ratios measured in one run.
//
//   node bench/run.mjs [--runs N] [--only startup|eval]
//
// Each program in bench/programs prints its answer, which is checked against
// its .expected file before any time counts. Evaluator programs run from
// source in both systems (GNU: `emacs -batch -Q -l FILE`, not byte-compiled).

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const root = join(import.meta.dirname, '..');
const tsmacs = join(root, 'dist', 'tsmacs.mjs');
const haveEmacs = spawnSync('emacs', ['--version']).status === 0;

function time(cmd, argv, expected) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (expected !== undefined && r.stdout.trim() !== expected.trim())
    throw new Error(`${cmd} ${argv.join(' ')} printed ${JSON.stringify(r.stdout)}, expected ${JSON.stringify(expected)}`);
  return ms;
}

/** Median of RUNS timings, the runs of each command interleaved so drift hits all alike. */
function medians(cases) {
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => times[k].push(time(...c)));
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

const rows = [];
if (!only || only === 'startup') {
  const cases = [['node', ['-e', '0']], ['node', [tsmacs, '--batch', '--eval', '(kill-emacs)']]];
  if (haveEmacs) cases.push(['emacs', ['-batch', '-Q', '--eval', '(kill-emacs)']]);
  const [node, ts, gnu] = medians(cases);
  rows.push(['start-up: node -e 0', node, '1.00×']);
  rows.push(['start-up: tsmacs --batch --eval (kill-emacs)', ts, `${(ts / node).toFixed(2)}× node`]);
  if (gnu !== undefined) rows.push(['start-up: emacs -batch -Q --eval (kill-emacs)', gnu, `tsmacs/emacs ${(ts / gnu).toFixed(2)}×`]);
}
if (!only || only === 'eval') {
  const dir = join(root, 'bench', 'programs');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.el')).sort()) {
    const file = join(dir, f);
    const expected = readFileSync(file.replace(/\.el$/, '.expected'), 'utf8');
    const cases = [['node', [tsmacs, '--batch', '-l', file], expected]];
    if (haveEmacs) cases.push(['emacs', ['-batch', '-Q', '-l', file], expected]);
    const [ts, gnu] = medians(cases);
    rows.push([`${f}: tsmacs`, ts, '']);
    if (gnu !== undefined) rows.push([`${f}: emacs (source)`, gnu, `tsmacs/emacs ${(ts / gnu).toFixed(2)}×`]);
  }
}

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}, runs ${runs} (median)`);
for (const [name, ms, ratio] of rows) console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms  ${ratio}`);
if (!existsSync(tsmacs)) console.log('(build first: npm run build)');
