// Load time of a dump image as each system reports it ((pdumper-stats)'s load-time), runs interleaved.
//
//   node bench/dump-load-time.mjs [--runs N] NAME=COMMAND... 
//
// Each COMMAND is a shell command line that starts a system from its image (with --dump-file) and
// must print (pdumper-stats)'s load-time in seconds, e.g.
//   gnu="/tmp/gnu-nocomp-src/src/emacs --dump-file /tmp/gnu-big.pdmp -Q --batch --eval '(princ (cdr (assq (quote load-time) (pdumper-stats))))'"
// Prints, per system, the median and the minimum of N runs in ms, and the file size of the image
// named after --dump-file. GNU measures its load time by the wall clock, and so does tsmacs's
// pdumper-stats (bench/startup-marks.mjs --args has tsmacs's by the main thread's CPU, phase by phase).
// Used for BENCHMARKS.md's 10 MB-buffer image (issue 9, bench/big-buffer-dump.el).

import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 15;
const systems = args.filter((a, i) => a.includes('=') && args[i - 1] !== '--runs').map((a) => {
  const at = a.indexOf('=');
  return { name: a.slice(0, at), cmd: a.slice(at + 1), ms: [] };
});
if (systems.length === 0) {
  console.error('usage: node bench/dump-load-time.mjs [--runs N] NAME=COMMAND ...');
  process.exit(2);
}
for (let i = 0; i < runs; i++) {
  for (const s of systems) {
    const r = spawnSync('bash', ['-c', s.cmd], { encoding: 'utf8' });
    const v = Number(r.stdout.trim().split('\n').pop());
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${s.name}: no load time in ${JSON.stringify(r.stdout)} ${r.stderr}`);
    s.ms.push(v * 1000);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`runs ${runs}, interleaved; load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
for (const s of systems) {
  const file = /--dump-file\s+(\S+)/.exec(s.cmd)?.[1];
  const size = file ? statSync(file).size : NaN;
  console.log(`${s.name.padEnd(12)} image ${String(size).padStart(10)} bytes  load time median ${med(s.ms).toFixed(2)} ms  min ${Math.min(...s.ms).toFixed(2)} ms`);
}
