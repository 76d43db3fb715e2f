// Where a start-up's CPU goes, stage by stage: each DIST's launcher copied with CPU marks, run interleaved.
//
//   node bench/startup-marks.mjs [--runs N] [--args 'ARGS'] DIST [DIST ...]      (DIST: a built dist/ folder)
//
// ARGS replaces the command line after the launcher (default `--batch --eval '(kill-emacs)'`), e.g.
// `--dump-file /tmp/big.pdmp --batch --eval '(kill-emacs)'` for another image (BENCHMARKS.md, issue 9);
// `{dist}` in ARGS stands for each DIST's copy, for an image each build wrote into its own folder.
//
// Each DIST is copied (timestamps kept, so its code cache stays valid) to a temporary folder whose
// launcher records, at each stage, the process's CPU (process.cpuUsage: all threads), the main
// thread's (/proc/thread-self/schedstat, read right after cpuUsage, which brings it up to date) and
// the minor page faults; TSMACS_LOAD_TRACE's phases are timed by the main thread's CPU (the copy's
// process.hrtime, which the bundle's clock uses, reads schedstat). The stages: L0 (Node's own start,
// up to the launcher's first line), fs, vm, kernels (their compile), bundle (read, made a string),
// cache (read, hashed), script (new Script with the cache), bodies (the module bodies), ran (the
// command line: loadDump and `(kill-emacs)`), exit. Prints medians (and trimmed means) of N runs:
// P: process CPU, T: main thread, F: page faults, L: loadDump's phases (main thread), each stage
// since the one before; `node -e 0`'s total CPU is run in the same rounds. Linux only.
// Env SU=STAGE in a run makes the copy exit at that stage (process.reallyExit), for cut-off totals.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 20;
const cmdArgs = args.includes('--args') ? args[args.indexOf('--args') + 1] : "--batch --eval '(kill-emacs)'";
const dists = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--args').map((d) => resolve(d));
if (dists.length === 0) {
  console.error("usage: node bench/startup-marks.mjs [--runs N] [--args 'ARGS'] DIST [DIST ...]");
  process.exit(2);
}

const HEAD = `
const __f = require('fs');
const __b = Buffer.alloc(128);
const __st = () => { process.cpuUsage(); const fd = __f.openSync('/proc/thread-self/schedstat', 'r'); const k = __f.readSync(fd, __b, 0, 128, 0); __f.closeSync(fd); return Number(__b.latin1Slice(0, k).split(' ')[0]) / 1e6; };
const __marks = [];
globalThis.__mk = (n) => { const u = process.cpuUsage(); __marks.push(n + ' ' + ((u.user + u.system) / 1000).toFixed(3) + ' ' + __st().toFixed(3) + ' ' + process.resourceUsage().minorPageFault);
  if (process.env.SU === n) { __f.writeSync(2, 'MARKS ' + __marks.join(';') + '\\n'); process.reallyExit(0); } };
if (process.env.MARKS) process.hrtime = () => { const t = __st(); return [Math.floor(t / 1e3), Math.round((t % 1e3) * 1e6)]; };
process.on('exit', () => { __mk('exit'); __f.writeSync(2, 'MARKS ' + __marks.join(';') + '\\n'); });
__mk('L0');
`;

/** A copy of DIST (in a folder named dist, as the launcher expects) whose launcher marks its stages. */
function marked(src, at) {
  const dst = join(at, 'dist');
  cpSync(src, dst, { recursive: true, preserveTimestamps: true });
  let L = readFileSync(join(dst, 'tsmacs.cjs'), 'latin1');
  // Node's part of the launcher is at the top level in older builds and one function deep (indented
  // by two spaces) since bunstart4: TEXT's lines are found at either indentation.
  const find = (text) => {
    const deeper = text.replace(/\n(?=.)/g, '\n  ');
    return L.includes(text) ? text : L.includes(deeper) ? deeper : null;
  };
  const after = (text, name) => {
    const found = find(text);
    if (found === null) throw new Error(`${src}: the launcher has no ${JSON.stringify(text)}`);
    L = L.replace(found, `${found}\n__mk('${name}');\n`);
  };
  L = L.replace("'use strict';\n", "'use strict';\n" + HEAD);
  after("builtin('node:fs');", 'fs');
  after("const { Script } = builtin('node:vm');", 'vm');
  after('setFlags(WASM_DEFAULTS);', 'kernels');
  after("const source = raw.toString('latin1');\ncloseSync(fd);\n", 'bundle');
  L = L.replace('const script = new Script(', "__mk('cache');\nconst script = new Script(");
  after('const script = new Script(source, { filename: file, cachedData });', 'script');
  L = L.replace('const bodiesRan = () => {\n', "const bodiesRan = () => {\n  if (held) __mk('bodies');\n");
  L = L.replace(/\} finally \{\n( *)(bodiesRan|lispRuns)\(\);\n *\}/, "} finally {\n$1$2();\n}\n__mk('ran');");
  writeFileSync(join(dst, 'tsmacs.cjs'), L);
  return join(dst, 'tsmacs.cjs');
}

const tmp = mkdtempSync(join(tmpdir(), 'tsmacs-marks-'));
const launchers = dists.map((d, i) => marked(d, join(tmp, String(i))));
const flagsOf = (launcher) => (/^#!\/usr\/bin\/env -S (?:\S+=\S*\s+)*node (.*)$/.exec(readFileSync(launcher, 'latin1').split('\n', 1)[0])?.[1] ?? '--stack-size=6000').split(' ');
const cpuOf = (stderr) => {
  const [u, s] = stderr.trim().split('\n').pop().split(' ').map(Number);
  return (u + s) * 1000;
};
const timed = (cmd) => spawnSync('bash', ['-c', `TIMEFORMAT="%3U %3S"; time ${cmd}`], { encoding: 'utf8', env: { ...process.env, MARKS: '1', TSMACS_LOAD_TRACE: '1' } });
// One run each first: a copy's first start may rewrite its code cache.
for (const l of launchers) timed(`node ${flagsOf(l).join(' ')} ${l} ${cmdArgs.replaceAll('{dist}', dirname(l))}`);
const res = launchers.map(() => []);
const node0 = [];
for (let i = 0; i < runs; i++) {
  node0.push(cpuOf(timed('node -e 0').stderr));
  launchers.forEach((l, k) => {
    const r = timed(`node ${flagsOf(l).join(' ')} ${l} ${cmdArgs.replaceAll('{dist}', dirname(l))}`);
    const o = { total: cpuOf(r.stderr) };
    for (const line of r.stderr.trim().split('\n')) {
      if (line.startsWith('MARKS ')) {
        let prev = null;
        for (const e of line.slice(6).split(';')) {
          const [n, p, t, f] = e.split(' ');
          const v = [Number(p), Number(t), Number(f)];
          o['P:' + n] = prev ? v[0] - prev[0] : v[0];
          o['T:' + n] = prev ? v[1] - prev[1] : v[1];
          o['F:' + n] = prev ? v[2] - prev[2] : v[2];
          prev = v;
        }
      }
      const m = /load phases \(ms\): (.*), total (\S+)/.exec(line);
      if (m) {
        const p = m[1].split(' ');
        for (let j = 0; j < p.length; j += 2) o['L:' + p[j]] = Number(p[j + 1]);
        o['L:total'] = Number(m[2]);
      }
    }
    res[k].push(o);
  });
}
rmSync(tmp, { recursive: true, force: true });
const sorted = (a) => [...a].sort((x, y) => x - y);
const med = (a) => sorted(a)[Math.floor(a.length / 2)];
const tm = (a) => {
  const s = sorted(a);
  const k = Math.floor(s.length / 10);
  const m = s.slice(k, s.length - k);
  return m.reduce((x, y) => x + y, 0) / m.length;
};
console.log(`node -e 0: ${tm(node0).toFixed(2)} ms CPU (trimmed mean of ${runs}); medians (trimmed means) below, ms`);
console.log('stage'.padEnd(16) + dists.map((d) => d.slice(-30).padStart(32)).join(''));
for (const key of Object.keys(res[0][0])) {
  console.log(key.padEnd(16) + res.map((rs) => {
    const v = rs.map((o) => o[key]).filter((x) => x !== undefined);
    return (v.length === 0 ? '-' : key.startsWith('F:') ? String(med(v)) : `${med(v).toFixed(2)} (${tm(v).toFixed(2)})`).padStart(32);
  }).join(''));
}
