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
// CPU (user + system, all threads) of this process since C0, in ms: the machine is shared, wall time is noisy.
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

// In-process: loading the API bundle once, then each start of a fresh instance.
let t = process.hrtime.bigint();
let c = process.cpuUsage();
const { Emacs } = createRequire(import.meta.url)(join(root, 'dist', 'api.cjs'));
const loadMs = [ms(t), cpuMs(c)];
t = process.hrtime.bigint();
c = process.cpuUsage();
let e = Emacs.startSync({ stdout: () => {}, heapMB: 64 });
const firstMs = [ms(t), cpuMs(c)];
e.close();
const starts = [];
const startsCpu = [];
const evals = [];
for (let i = 0; i < runs; i++) {
  t = process.hrtime.bigint();
  c = process.cpuUsage();
  e = Emacs.startSync({ stdout: () => {}, heapMB: 64 });
  starts.push(ms(t));
  startsCpu.push(cpuMs(c));
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
const cpu = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [k, [cmd, args]] of Object.entries(cmds)) {
    t = process.hrtime.bigint();
    // bash's `time` gives the child's CPU, all threads.
    const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time "$@" >/dev/null', 'bash', cmd, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${k} failed: ${r.stderr}`);
    wall[k].push(ms(t));
    const [u, sy] = r.stderr.trimEnd().split('\n').pop().split(' ').map(Number);
    cpu[k].push((u + sy) * 1000);
  }

console.log(`runs: ${runs}`);
const f = ([w, c]) => `${w.toFixed(1)} ms (CPU ${c.toFixed(1)} ms)`;
console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)}, node ${process.version}`);
console.log(`in process: require(dist/api.cjs) ${f(loadMs)}; first Emacs.start() ${f(firstMs)}; later starts, median ${f([median(starts), median(startsCpu)])}; then eval (+ 1 2), median ${median(evals).toFixed(2)} ms`);
for (const k of Object.keys(cmds)) console.log(`process, median: ${k}: ${f([median(wall[k]), median(cpu[k])])}`);
