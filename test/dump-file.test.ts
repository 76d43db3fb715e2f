// Writing the dump file: through symlinks, never over special files, stale temp files cleaned, fsync before rename.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { spawnSync, execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHost } from '../src/host/node.ts';
import { createRuntime } from '../src/core/init.ts';
import { jsString, xcar, xcdr } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { dumpToFile } from '../src/dump/pdumper.ts';
import { loadDump } from '../src/dump/loader.ts';

const host = nodeHost();
const rt = createRuntime({ host, heapBytes: 24 * 1024 * 1024, seed: 0.5 });
const dir = fs.mkdtempSync(join(tmpdir(), 'tsmacs-dumpfile-'));
const LOAD = { heapBytes: 8 * 1024 * 1024 };

/** Dump to FILE; the Lisp error's data as JS strings, or null when the dump succeeded. */
function dumpError(file: string): string[] | null {
  try {
    dumpToFile(rt, file, false, true);
    return null;
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    const out: string[] = [];
    for (let d = e.data; d !== 0; d = xcdr(rt, d)) out.push(jsString(rt, xcar(rt, d)));
    return out;
  }
}

const temps = (): string[] => fs.readdirSync(dir).filter((n) => n.includes('.tmp-'));

test('dumping over a symlink writes through it: the link stays a link', () => {
  const real = join(dir, 'real.pdmp');
  const link = join(dir, 'link.pdmp');
  fs.writeFileSync(real, 'old contents');
  fs.symlinkSync('real.pdmp', link);
  assert.equal(dumpError(link), null);
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readlinkSync(link), 'real.pdmp');
  loadDump(host, real, LOAD); // the target holds the new dump
  // A link to a link, and a dangling one (its target is created).
  const link2 = join(dir, 'link2.pdmp');
  fs.symlinkSync(link, link2);
  assert.equal(dumpError(link2), null);
  assert.ok(fs.lstatSync(link2).isSymbolicLink() && fs.lstatSync(link).isSymbolicLink());
  const dangling = join(dir, 'dangling.pdmp');
  fs.symlinkSync('made.pdmp', dangling);
  assert.equal(dumpError(dangling), null);
  assert.ok(fs.lstatSync(dangling).isSymbolicLink());
  loadDump(host, join(dir, 'made.pdmp'), LOAD);
  assert.deepEqual(temps(), []);
});

test('dumping over a device, a FIFO or a directory is refused and leaves it alone', () => {
  assert.deepEqual(dumpError('/dev/null'), ['Opening output file', 'Not a regular file', '/dev/null']);
  assert.ok(fs.statSync('/dev/null').isCharacterDevice());
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(dumpError(fifo), ['Opening output file', 'Not a regular file', fifo]);
  assert.ok(fs.lstatSync(fifo).isFIFO());
  // A symlink to a device is refused the same way.
  const toNull = join(dir, 'to-null.pdmp');
  fs.symlinkSync('/dev/null', toNull);
  assert.deepEqual(dumpError(toNull), ['Opening output file', 'Not a regular file', toNull]);
  assert.ok(fs.lstatSync(toNull).isSymbolicLink());
  const sub = join(dir, 'subdir');
  fs.mkdirSync(sub);
  assert.deepEqual(dumpError(sub), ['Opening output file', 'Is a directory', sub]);
  assert.deepEqual(temps(), []);
});

test('temp files of killed dumps are removed; those of running processes are kept', () => {
  const out = join(dir, 'out.pdmp');
  // A process that has exited: its pid is (almost surely) not reused within this test.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  assert.ok(dead > 0);
  const stale = `${out}.tmp-${dead}`;
  fs.writeFileSync(stale, '!half a dump');
  const live = `${out}.tmp-${process.ppid}`;
  fs.writeFileSync(live, '!another dump in progress');
  const other = join(dir, 'other.pdmp.tmp-' + dead); // another file's temp: not ours to judge
  fs.writeFileSync(other, 'x');
  assert.equal(dumpError(out), null);
  assert.ok(!fs.existsSync(stale), 'the dead process\'s temp file is gone');
  assert.ok(fs.existsSync(live), 'the running process\'s temp file stays');
  assert.ok(fs.existsSync(other));
  assert.ok(!fs.existsSync(`${out}.tmp-${process.pid}`));
  loadDump(host, out, LOAD);
  fs.unlinkSync(live);
  fs.unlinkSync(other);
});

test('a dump killed mid-write leaves no dump under the final name, and the next dump cleans its temp file', () => {
  const out = join(dir, 'killed.pdmp');
  // The child stops itself with SIGKILL right after the temp file is written, before the rename.
  const script = `
    import fs from 'node:fs';
    import { syncBuiltinESMExports } from 'node:module';
    const { createRuntime } = await import(${JSON.stringify(new URL('../src/core/init.ts', import.meta.url).href)});
    const { nodeHost } = await import(${JSON.stringify(new URL('../src/host/node.ts', import.meta.url).href)});
    const { dumpToFile } = await import(${JSON.stringify(new URL('../src/dump/pdumper.ts', import.meta.url).href)});
    const rt = createRuntime({ host: nodeHost(), heapBytes: 24 * 1024 * 1024 });
    fs.renameSync = () => process.kill(process.pid, 'SIGKILL');
    syncBuiltinESMExports();
    dumpToFile(rt, ${JSON.stringify(out)}, false, true);`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.signal, 'SIGKILL', r.stderr);
  assert.ok(!fs.existsSync(out));
  const left = temps().filter((n) => n.startsWith('killed.pdmp.tmp-'));
  assert.equal(left.length, 1, 'the killed dump left its temp file');
  assert.equal(dumpError(out), null);
  assert.deepEqual(temps().filter((n) => n.startsWith('killed.pdmp.tmp-')), []);
  loadDump(host, out, LOAD);
});

test('the file is fsync\'d before it is renamed into place', () => {
  const out = join(dir, 'synced.pdmp');
  const events: string[] = [];
  const { fsyncSync, renameSync } = fs;
  const cjs = fs as unknown as { default: typeof fs };
  const real = cjs.default ?? fs;
  const saved = { fsyncSync: real.fsyncSync, renameSync: real.renameSync };
  real.fsyncSync = (fd) => {
    events.push('fsync');
    fsyncSync(fd);
  };
  real.renameSync = (a, b) => {
    events.push(`rename ${String(a).endsWith(`.tmp-${process.pid}`)}`);
    renameSync(a, b);
  };
  syncBuiltinESMExports();
  try {
    assert.equal(dumpError(out), null);
  } finally {
    Object.assign(real, saved);
    syncBuiltinESMExports();
  }
  assert.deepEqual(events.slice(0, 2), ['fsync', 'rename true']);
  loadDump(host, out, LOAD);
});

test('cleanup', () => {
  fs.rmSync(dir, { recursive: true, force: true });
});
