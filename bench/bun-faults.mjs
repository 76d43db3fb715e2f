// Where a start's page faults land: by mapping, by thread, and taken in the kernel or in user code.
//
//   node bench/bun-faults.mjs [--runs N] [--args 'ARGS'] [--host CMD] [--top K] [DIST]
//
// This machine takes about 2 us a minor fault, and they are about a third of a start under Bun
// (docs/startup.md, "Under Bun (bunstart3)"). bench/bun-stages.mjs --faults counts them per stage
// of the start; this says whose memory they touch: each fault of `HOST DIST/tsmacs.cjs ARGS` (default
// Bun from devDependencies, dist/, --batch --eval '(kill-emacs)') is recorded with its data address
// (`perf record -e page-faults -c 1 -d`), and given to the mapping that held that address when it
// came (perf's mmap events, in order: a file by its name, an anonymous mapping by its size and the
// order it was made in, so that the same start gives the same names). "kernel" counts the faults
// taken inside a system call (a read() into fresh memory: Bun reads its module's source and
// bytecode so), the rest were taken by user code touching a page first. With --runs N the counts are
// the medians of N starts. Linux, perf; `HOST -e 0` is measured too, for Bun's own share.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const runs = Number(opt('--runs', 5));
const top = Number(opt('--top', 12));
const root = join(import.meta.dirname, '..');
const host = opt('--host', join(root, 'node_modules', '.bin', 'bun'));
const cmdArgs = opt('--args', "--batch --eval '(kill-emacs)'");
const named = new Set(['--runs', '--top', '--host', '--args']);
const dist = args.find((a, i) => !a.startsWith('--') && !named.has(args[i - 1])) ?? join(root, 'dist');

const tmp = mkdtempSync(join(tmpdir(), 'bun-faults-'));

/** One start of CMD (a shell command): its faults as { by mapping, by thread, kernel, total }. */
function record(cmd) {
  const data = join(tmp, 'pf.data');
  const r = spawnSync('bash', ['-c', `perf record -q -e page-faults -c 1 -d -o ${data} -- ${cmd} >/dev/null 2>&1`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('bun-faults: perf record failed: ' + r.stderr);
  const s = spawnSync('perf', ['script', '-i', data, '--show-mmap-events', '-F', 'comm,tid,addr,ip'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (s.status !== 0) throw new Error('bun-faults: perf script failed: ' + s.stderr);
  const maps = [];
  let anon = 0;
  const byMap = new Map();
  const byThread = new Map();
  let kernel = 0;
  let total = 0;
  const add = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const line of s.stdout.split('\n')) {
    const mm = /PERF_RECORD_MMAP2? \S+: \[0x([0-9a-f]+)\(0x([0-9a-f]+)\) @ \S+(?: [^\]]*)?\]: (\S+) (.*)$/.exec(line);
    if (mm !== null) {
      const start = BigInt('0x' + mm[1]);
      const size = BigInt('0x' + mm[2]);
      const name = mm[4].trim();
      const mb = Number(size) / 1048576;
      const label = name === '//anon' || name === '' ? `anon ${mb >= 1 ? mb.toFixed(1) + ' MB' : Math.round(mb * 1024) + ' KB'} #${++anon}` : `${name} (${mm[3]})`;
      maps.push({ start, end: start + size, label });
      continue;
    }
    const f = /^\s*(.+?)\s+(\d+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s*$/.exec(line);
    if (f === null) continue;
    const addr = BigInt('0x' + f[3]);
    total++;
    if (f[4].startsWith('ffffffff')) kernel++;
    add(byThread, f[1].trim());
    let where = 'unmapped';
    for (let i = maps.length - 1; i >= 0; i--)
      if (addr >= maps[i].start && addr < maps[i].end) {
        where = maps[i].label;
        break;
      }
    add(byMap, where + (f[4].startsWith('ffffffff') ? ' [kernel]' : ''));
  }
  return { byMap, byThread, kernel, total };
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The medians over RECS of each key of the map FIELD (a key missing from a run counts 0 there). */
const medians = (recs, field) => {
  const keys = new Set(recs.flatMap((r) => [...r[field].keys()]));
  return [...keys].map((k) => [k, median(recs.map((r) => r[field].get(k) ?? 0))]).sort((a, b) => b[1] - a[1]);
};

try {
  const start = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(record(`${host} -e 0`));
    start.push(record(`${host} ${join(dist, 'tsmacs.cjs')} ${cmdArgs}`));
  }
  const show = (title, recs) => {
    console.log(`${title}: ${median(recs.map((r) => r.total))} faults (median of ${recs.length}), ${median(recs.map((r) => r.kernel))} of them in the kernel`);
    console.log('  by thread: ' + medians(recs, 'byThread').map(([k, v]) => `${k} ${v}`).join(', '));
    for (const [k, v] of medians(recs, 'byMap').slice(0, top)) console.log(`  ${String(v).padStart(6)}  ${k}`);
  };
  show(`${host} -e 0`, floor);
  show(`${host} ${join(dist, 'tsmacs.cjs')} ${cmdArgs}`, start);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
