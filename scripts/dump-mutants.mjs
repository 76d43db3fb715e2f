#!/usr/bin/env node
// Damaged-dump test at scale: N mutants of every kind, each refused with its message or proven equal; 0 crashes, hangs, wrong results.
//
//   node scripts/dump-mutants.mjs [--count N] [--content N] [--seed S] [--jobs J] [--timeout MS] [--base FILE] [--json FILE]
//
// --count is per kind (default 10000; kinds: bitflip, truncate, header,
// sections, reloc, starts). --content N adds N forgeries of the contents
// (a relocated pointer moved to another object, blocks of objects swapped,
// re-sealed): well-formed files of another world, which no loader can tell
// from a real dump; they count as passed when they load into a sound heap
// or are refused, and fail only by crashing, hanging or a JS error in the load. A dump of a loadup runtime is made from source
// (or --base is used), then J worker processes (scripts/dump-mutants-worker.ts)
// each take a share of the mutants. A worker prints `start I` before each
// load and one JSON line after; the parent counts:
//   refused      a DumpLoadError, whose kind and message are tallied
//   same-heap    loaded into exactly the undamaged dump's words (same pinned bases)
//   same-output  loaded into other words, but the Lisp workload printed the same
//   wrong        another output, a verifyHeap fault or a JS exception
//   crash        the worker died during a mutant (it is restarted after it)
//   hang         no answer within --timeout ms (the worker is killed and restarted)
// Exit status 0 only with 0 wrong, 0 crashes and 0 hangs. test/dump-mutants.test.ts
// runs a bounded form in CI; run the full one by hand.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const KINDS = ['bitflip', 'truncate', 'header', 'sections', 'reloc', 'starts'];
const here = dirname(fileURLToPath(import.meta.url));
const worker = join(here, 'dump-mutants-worker.ts');

const opts = { count: 10000, content: 0, seed: 1, jobs: 2, timeout: 20000, base: null, json: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in opts)) {
    console.error(`dump-mutants: unknown option ${argv[i]}`);
    process.exit(2);
  }
  opts[name] = typeof opts[name] === 'number' ? Number(argv[++i]) : argv[++i];
}

const tmp = mkdtempSync(join(tmpdir(), 'tsmacs-mutants-base-'));
let base = opts.base;
if (base === null) {
  base = join(tmp, 'base.pdmp');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, 'base', base], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`dump-mutants: making the base dump failed:\n${r.stderr}`);
    process.exit(2);
  }
  console.error(`dump-mutants: base dump made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const total = opts.count * KINDS.length + opts.content;
const tally = new Map(); // kind -> Map(verdict -> n)
const refusals = new Map(); // message shape -> n
const problems = [];
const count = (kind, verdict) => {
  if (!tally.has(kind)) tally.set(kind, new Map());
  const m = tally.get(kind);
  m.set(verdict, (m.get(verdict) ?? 0) + 1);
};

/** Run mutants [from, to) in workers, restarting after a crash or hang. */
function runRange(from, to, kinds) {
  return new Promise((resolve) => {
    let next = from;
    const startWorker = () => {
      if (next >= to) return resolve();
      const child = spawn(process.execPath, ['--import', 'tsx', worker, 'run', base, String(opts.seed), kinds.join(','), String(next), String(to)],
        { stdio: ['ignore', 'pipe', 'pipe'] });
      let current = -1;
      let currentWhat = '';
      let buf = '';
      let err = '';
      let timer = null;
      let hung = false;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          hung = true;
          child.kill('SIGKILL');
        }, opts.timeout + (current < 0 ? 60000 : 0));
      };
      arm();
      child.stderr.on('data', (d) => {
        err = (err + d).slice(-4000);
      });
      child.stdout.on('data', (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.startsWith('start ')) {
            current = Number(line.split(' ')[1]);
            currentWhat = line.slice(line.indexOf(' ', 6) + 1);
            arm();
            continue;
          }
          const x = JSON.parse(line);
          if (x.ref !== undefined) continue;
          count(x.kind, x.verdict);
          if (x.verdict === 'refused') {
            const shape = x.detail.replace(/: .*/, (m) => m.replace(/-?\d+/g, 'N'));
            refusals.set(shape, (refusals.get(shape) ?? 0) + 1);
          } else if (x.verdict === 'wrong') problems.push(x);
          next = x.i + 1;
          current = -1;
          arm();
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (next < to && current >= 0) {
          const kind = kinds[current % kinds.length];
          const verdict = hung ? 'hang' : 'crash';
          count(kind, verdict);
          problems.push({ i: current, kind, what: currentWhat, verdict, detail: hung ? `no answer in ${opts.timeout} ms` : `exit ${code ?? signal}: ${err}` });
          next = current + 1;
        } else if (next < to) {
          problems.push({ i: next, kind: '-', verdict: 'crash', detail: `worker failed before any mutant: exit ${code ?? signal}: ${err}` });
          return resolve();
        }
        startWorker();
      });
    };
    startWorker();
  });
}

const t0 = Date.now();
const share = Math.ceil(total / opts.jobs);
const ranges = [];
const main = opts.count * KINDS.length;
// Content forgeries get indices after the main ones, so each mutant keeps its number whatever the counts.
for (let j = 0; j < opts.jobs; j++) {
  const a = j * share;
  const b = Math.min(total, (j + 1) * share);
  ranges.push((async () => {
    if (a < Math.min(b, main)) await runRange(a, Math.min(b, main), KINDS);
    if (Math.max(a, main) < b) await runRange(Math.max(a, main), b, ['content']);
  })());
}
await Promise.all(ranges);
rmSync(tmp, { recursive: true, force: true });

const verdicts = ['refused', 'same-heap', 'same-output', 'other-world', 'wrong', 'crash', 'hang'];
const lines = [`dump-mutants: ${total} mutants (${opts.count} per kind, ${opts.content} content forgeries, seed ${opts.seed}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`];
lines.push(['kind'.padEnd(10), ...verdicts.map((v) => v.padStart(12))].join(''));
let sum = 0;
const totals = new Map();
for (const kind of opts.content > 0 ? [...KINDS, 'content'] : KINDS) {
  const m = tally.get(kind) ?? new Map();
  lines.push([kind.padEnd(10), ...verdicts.map((v) => String(m.get(v) ?? 0).padStart(12))].join(''));
  for (const v of verdicts) {
    totals.set(v, (totals.get(v) ?? 0) + (m.get(v) ?? 0));
    sum += m.get(v) ?? 0;
  }
}
lines.push(['all'.padEnd(10), ...verdicts.map((v) => String(totals.get(v) ?? 0).padStart(12))].join(''));
lines.push('refusals by message:');
for (const [shape, n] of [...refusals].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(7)}  ${shape}`);
for (const p of problems.slice(0, 20)) lines.push(`PROBLEM ${p.verdict} #${p.i} ${p.kind} ${p.what ?? ''}: ${p.detail}`);
const bad = (totals.get('wrong') ?? 0) + (totals.get('crash') ?? 0) + (totals.get('hang') ?? 0) + (sum === total ? 0 : 1);
if (sum !== total) lines.push(`dump-mutants: only ${sum} of ${total} mutants were judged`);
lines.push(`${total - bad} passed, ${bad} failed`);
console.log(lines.join('\n'));
if (opts.json) writeFileSync(opts.json, JSON.stringify({ total, tally: Object.fromEntries([...tally].map(([k, m]) => [k, Object.fromEntries(m)])), problems }, null, 1));
process.exit(bad === 0 ? 0 : 1);
