// The package as npm would publish it: its file list, `import`/`require` of 'tsmacs' from the built dist/, its declarations, --help and --version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';
import { TSMACS_VERSION } from '../src/cli/main.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const npmCli = join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');

/** A project directory whose node_modules/tsmacs is this checkout, as after `npm install tsmacs`. */
function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'tsmacs'), 'dir');
  return dir;
}

test('npm pack holds what the package needs and nothing else', () => {
  const r = spawnSync(process.execPath, [npmCli, 'pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  for (const need of ['package.json', 'README.md', 'CHANGELOG.md', 'dist/api.cjs', 'dist/api-core.js', 'dist/api.mjs', 'dist/api.d.ts', 'dist/api.d.cts',
    'dist/api.d.mts', 'dist/tsmacs.cjs', 'dist/tsmacs-core.js', 'dist/tsmacs.pdmp', 'dist/DOC', 'lisp/loadup.el', 'lisp/subr.el',
    'etc/charprop.txt', 'etc/ucs-names.txt', 'etc/category-docs.txt'])
    assert.ok(files.includes(need), `the package lacks ${need}`);
  // Every file has a reason to be there: the API, the CLI and its image, the Lisp library, the data files, the docs npm always ships.
  const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(api\.(cjs|mjs|d\.ts|d\.cts|d\.mts)|api-core\.js|tsmacs\.(cjs|mjs|pdmp)|tsmacs-core\.(js|bun\.cjs|bun\.cjs\.jsc)|DOC)|lisp\/[^/]+\.elc?|etc\/[^/]+\.txt)$/;
  for (const f of files) assert.match(f, allowed, `the package should not hold ${f}`);
  // Bun's module and its bytecode (scripts/build-hosts.mjs, built wherever Bun is installed, as it is
  // for the tests): Bun checks the bytecode against its version and the source, not the file's times,
  // so an installed package starts from it. The V8 code caches (Node's tsmacs-core.jsc, Deno's
  // tsmacs-core.deno.jsc) are keyed by the bundle's mtime, which an install changes: never packed.
  if (existsSync(join(repoRoot, 'node_modules', '.bin', 'bun')))
    for (const need of ['dist/tsmacs-core.bun.cjs', 'dist/tsmacs-core.bun.cjs.jsc'])
      assert.ok(files.includes(need), `the package lacks ${need} (Bun's start: npm run build)`);
  for (const f of ['dist/tsmacs-core.jsc', 'dist/tsmacs-core.deno.jsc'])
    assert.ok(!files.includes(f), `the package should not hold ${f}`);
  // Every entry point the manifest names is in it.
  for (const p of [pkg.main, pkg.types, pkg.bin.tsmacs, ...Object.values(pkg.exports['.']).flatMap((c) => Object.values(c as object))])
    assert.ok(files.includes(String(p).replace(/^\.\//, '')), `${p} named by package.json is not packed`);
  assert.ok(pkg.engines.node, 'engines.node');
});

const SCRIPT = `
const start = await Emacs.start({ stdout: (t) => out.push(t) });
start.eval('(princ (format "%S" (list 1 "two" (quote three))))');
let error = null;
try { start.eval('(car 1)'); } catch (e) { error = [e instanceof LispError, e.symbol.name]; }
start.defun('js-twice', (x) => 2 * x);
console.log(JSON.stringify({ out: out.join(''), v: start.eval('(js-twice 21)'), error, big: String(start.eval('(expt 2 70)')) }));
`;
const EXPECTED = { out: '(1 "two" three)', v: 42, error: [true, 'wrong-type-argument'], big: '1180591620717411303424' };

test("import { Emacs } from 'tsmacs' (ESM) and require('tsmacs') (CommonJS) run the built package", () => {
  const dir = consumer();
  try {
    writeFileSync(join(dir, 'esm.mjs'), `import { Emacs, LispError } from 'tsmacs';
import { createRequire } from 'node:module';
const out = [];
// One implementation whichever way it is loaded: instanceof holds across the two.
if (createRequire(import.meta.url)('tsmacs').LispError !== LispError) throw new Error('two copies of the API');
${SCRIPT}`);
    writeFileSync(join(dir, 'cjs.cjs'), `const { Emacs, LispError } = require('tsmacs');
(async () => { const out = [];${SCRIPT}})();`);
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, `${file}: ${r.stderr}`);
      assert.deepEqual(JSON.parse(r.stdout), EXPECTED, file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped declarations type-check a consumer, from import and from require', () => {
  const dir = consumer();
  try {
    const body = `
async function main(): Promise<void> {
  const emacs = await Emacs.start({ stdout: (t: string) => void t, heapMB: 64 });
  const v: LispValue = emacs.eval('(+ 1 2)');
  const h: LispHandle = emacs.evalHandle('(current-buffer)');
  const s: string = h.type + h.print();
  emacs.defun('js-f', (a: number) => a + 1, 'Doc.');
  try { emacs.call('car', 1, 2n, 'x', null, true, LispSymbol.for('a'), new LispVector([1]), new Map([[1, 2]]), h); }
  catch (e) { if (e instanceof LispError) { const n: string = e.symbol.name; void n; } }
  h.dispose();
  void v; void s;
}
void main;
`;
    writeFileSync(join(dir, 'a.mts'), `import { Emacs, LispError, LispHandle, LispSymbol, LispVector, type LispValue } from 'tsmacs';\n${body}`);
    writeFileSync(join(dir, 'b.cts'), `import { Emacs, LispError, LispHandle, LispSymbol, LispVector, type LispValue } from 'tsmacs';\n${body}`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
      files: ['a.mts', 'b.cts'],
    }));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--version and --help have GNU\'s shape, and the version is the package\'s', () => {
  assert.equal(TSMACS_VERSION, pkg.version);
  const run = (arg: string) => spawnSync(process.execPath, ['--stack-size=6000', join(repoRoot, 'dist', 'tsmacs.cjs'), arg], { encoding: 'utf8' });
  const v = run('--version');
  assert.equal(v.status, 0);
  const lines = v.stdout.split('\n');
  // GNU: "GNU Emacs 28.2", then the copyright line, then the warranty and licence.
  assert.equal(lines[0], `tsmacs ${pkg.version}`);
  assert.match(lines[1]!, /^Copyright \(C\) \d{4} /);
  assert.match(v.stdout, /NO WARRANTY/);
  const h = run('--help');
  assert.equal(h.status, 0);
  // GNU: the usage line, a description, then the options by group.
  assert.match(h.stdout, /^Usage: tsmacs \[OPTION-OR-FILENAME\]\.\.\.\n\n/);
  const groups = [...h.stdout.matchAll(/^(\w[\w ]*options):$/gm)].map((m) => m[1]);
  assert.deepEqual(groups, ['Initialization options', 'Action options']);
  for (const opt of ['--batch', '--dump-file FILE', '--script FILE', '--eval EXPR', '--load, -l FILE', '--funcall, -f FUNC', '--directory, -L DIR', '--help', '--version'])
    assert.ok(h.stdout.includes(`\n${opt}`), `--help lists ${opt}`);
});

test('require(tsmacs) writes V8\'s code cache once, takes it after, and refuses a damaged one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-api-cache-'));
  try {
    cpSync(join(repoRoot, 'dist'), join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
    rmSync(join(dir, 'dist', 'api-core.jsc'), { force: true });
    symlinkSync(join(repoRoot, 'lisp'), join(dir, 'lisp'), 'dir');
    symlinkSync(join(repoRoot, 'etc'), join(dir, 'etc'), 'dir');
    const cache = join(dir, 'dist', 'api-core.jsc');
    const run = (): void => {
      const r = spawnSync(process.execPath, ['-e', `const { Emacs } = require(${JSON.stringify(join(dir, 'dist', 'api.cjs'))});
process.stdout.write(String(Emacs.startSync({ heapMB: 64 }).eval('(length (number-sequence 1 10))')));`], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '10');
    };
    run();
    const first = readFileSync(cache);
    assert.match(first.toString('latin1', 0, 22), /^tsmacs-api-code-cache /);
    run();
    assert.ok(readFileSync(cache).equals(first), 'a valid cache is taken, not rewritten');
    // Damage V8's data: the CRC no longer matches, so the loader compiles afresh and writes a good cache.
    const bad = Buffer.from(first);
    for (let i = 200; i < bad.length; i += 97) bad[i] ^= 0x5a;
    writeFileSync(cache, bad);
    run();
    const fresh = readFileSync(cache);
    assert.ok(!fresh.equals(bad), 'the damaged cache was replaced');
    // The same key (V8's data itself may differ from run to run).
    const keyOf = (b: Buffer): string => b.toString('latin1', 0, 128).split(' ').slice(0, 6).join(' ');
    assert.equal(keyOf(fresh), keyOf(first));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
