// The single executable (npm run build:sea, scripts/build-sea.mjs): built into a temporary folder, it runs as dist/tsmacs.cjs runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';

const cli = join(repoRoot, 'dist', 'tsmacs.cjs');

/** Why no single executable can be made here, or null when one can. */
function impossible(): string | null {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < 20 || (major === 20 && minor < 12)) return `Node ${process.version} has no single executables with assets (20.12 or later)`;
  if (!['linux', 'darwin', 'win32'].includes(process.platform)) return `Node has no single executables on ${process.platform}`;
  // A Node built without the SEA fuse (some distributions' builds) cannot become one.
  if (!readFileSync(process.execPath).includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2')) return `${process.execPath} has no SEA fuse`;
  return null;
}

type Result = { status: number | null; stdout: string; stderr: string };
const run = (cmd: string, args: string[], env: Record<string, string> = {}, cwd = repoRoot): Result => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TSMACS_GC_STRESS: '', NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('npm run build:sea makes an executable that runs as dist/tsmacs.cjs does', { skip: impossible() ?? false, timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-sea-test-'));
  try {
    const exe = join(dir, 'tsmacs');
    const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-sea.mjs'), '--out', exe], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(built.status, 0, built.stdout + built.stderr);
    const cache = join(dir, 'cache');
    const env = { XDG_CACHE_HOME: cache };
    const file = join(dir, 'hello.el');
    writeFileSync(file, '(princ (format "loaded %s %S" (file-name-nondirectory load-file-name) (list 1 "two")))\n(terpri)\n');
    const cases: string[][] = [
      ['--batch', '--eval', '(princ (list (+ 1 2) (expt 2 70) (format "%S" "é")))'],
      ['--batch', '--eval', '(progn (require (quote cl-lib)) (princ (cl-loop for i from 1 to 5 collect (* i i))))'],
      ['--batch', '-l', file],
      ['--batch', '-l', join(dir, 'missing.el')],
      ['--batch', '--eval', '(car 1)'],
      ['--batch', '--eval', '(kill-emacs 7)'],
      ['--batch', '--eval', '(princ (length command-line-args-left))', 'a', 'b'],
      ['--version'],
      ['--help'],
      ['--no-such-option'],
    ];
    // The first start unpacks (into the folder XDG_CACHE_HOME names); the later ones find it.
    for (const round of [1, 2]) {
      for (const args of cases) {
        const want = run(process.execPath, ['--stack-size=6000', cli, ...args]);
        const got = run(exe, args, env);
        assert.deepEqual(got, want, `round ${round}: tsmacs ${args.join(' ')}`);
      }
    }
    // One unpacked installation, with the image inside, and the launcher's code cache written there.
    const unpacked = readdirSync(join(cache, 'tsmacs'));
    assert.equal(unpacked.length, 1, unpacked.join(' '));
    for (const f of ['tsmacs.cjs', 'tsmacs-core.js', 'tsmacs-core.jsc', 'tsmacs.pdmp', 'DOC'])
      assert.ok(existsSync(join(cache, 'tsmacs', unpacked[0]!, 'dist', f)), f);
    const image = run(exe, ['--batch', '--eval', '(princ (cdr (assq (quote dump-file-name) (pdumper-stats))))'], env);
    assert.equal(image.stdout, join(cache, 'tsmacs', unpacked[0]!, 'dist', 'tsmacs.pdmp'));
    // A cache folder that cannot be made: a message and status 1, no stack trace.
    writeFileSync(join(dir, 'plain-file'), '');
    const bad = run(exe, ['--batch', '--eval', '(princ 1)'], { XDG_CACHE_HOME: join(dir, 'plain-file') });
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^tsmacs: cannot unpack the installation into .*plain-file.*\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
