// Emacs.start() in-process, side by side with the CLI's start-up and `node -e 0` (BENCHMARKS.md, "Embedding API").
// Usage: node bench/api-start.mjs [--runs N]   (needs `npm run build`)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// In-process: loading the API bundle once, then each start of a fresh instance.
let t = process.hrtime.bigint();
const { Emacs } = createRequire(import.meta.url)(join(root, 'dist', 'api.cjs'));
const loadMs = ms(t);
t = process.hrtime.bigint();
let e = Emacs.startSync({ stdout: () => {}, heapMB: 64 });
const firstMs = ms(t);
e.close();
const starts = [];
const evals = [];
for (let i = 0; i < runs; i++) {
  t = process.hrtime.bigint();
  e = Emacs.startSync({ stdout: () => {}, heapMB: 64 });
  starts.push(ms(t));
  t = process.hrtime.bigint();
  e.eval('(+ 1 2)');
  evals.push(ms(t));
  e.close();
}

// Processes, interleaved: node -e 0, the CLI, and a script that starts the API and evaluates one form.
const apiScript = `const { Emacs } = require(${JSON.stringify(join(root, 'dist', 'api.cjs'))}); Emacs.startSync({ heapMB: 64 }).eval('(+ 1 2)');`;
const cmds = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'tsmacs --batch --eval (kill-emacs)': [process.execPath, ['--stack-size=6000', join(root, 'dist', 'tsmacs.cjs'), '--batch', '--eval', '(kill-emacs)']],
  'node -e "require(api).Emacs.startSync().eval(...)"': [process.execPath, ['-e', apiScript]],
};
const wall = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [k, [cmd, args]] of Object.entries(cmds)) {
    t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${k} failed`);
    wall[k].push(ms(t));
  }

console.log(`runs: ${runs}`);
console.log(`in process: require(dist/api.cjs) ${loadMs.toFixed(1)} ms; first Emacs.start() ${firstMs.toFixed(1)} ms; later starts median ${median(starts).toFixed(1)} ms; first eval (+ 1 2) median ${median(evals).toFixed(2)} ms`);
for (const [k, xs] of Object.entries(wall)) console.log(`process wall, median: ${k}: ${median(xs).toFixed(1)} ms`);
