// One bundle and one image for every JS host: the command and the API under Bun and Deno (devDependencies) give what they give under Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';
import { assemble } from '../src/dump/kernels.ts';

const cli = join(repoRoot, 'dist', 'tsmacs.cjs');
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name);

/** How each host runs a script: Deno needs its permissions granted. */
const HOSTS: Record<string, (script: string, args: string[]) => [string, string[]]> = {
  node: (script, args) => [process.execPath, ['--stack-size=6000', script, ...args]],
  bun: (script, args) => [bin('bun'), [script, ...args]],
  deno: (script, args) => [bin('deno'), ['run', '--allow-all', '--quiet', script, ...args]],
};

function run(host: string, script: string, args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const [cmd, argv] = HOSTS[host]!(script, args);
  if (host !== 'node' && !existsSync(cmd)) assert.fail(`${host} is missing: it is a devDependency, \`npm ci\` installs it (${cmd})`);
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '', NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Forms that touch the reader, printer, numbers, strings, regexps, buffers, hash tables and errors.
const FORMS = [
  '(princ (list (+ 1 2) (expt 2 70) (/ 1.0 3) (format "%S %x" "é" 255)))',
  '(progn (require (quote cl-lib)) (princ (cl-loop for i from 1 to 5 when (cl-oddp i) collect (* i i))))',
  '(with-temp-buffer (insert "hello world") (goto-char 1) (re-search-forward "w\\\\(or\\\\)") (princ (list (point) (match-string 1) (buffer-size))))',
  '(let ((h (make-hash-table :test (quote equal)))) (puthash "k" 1 h) (princ (list (gethash "k" h) (hash-table-count h) (string-to-list "ab"))))',
  '(princ (condition-case e (car 1) (error (list (car e) (error-message-string e)))))',
];

for (const host of ['bun', 'deno']) {
  test(`the command under ${host} prints what it prints under Node, and exits with the same codes`, () => {
    for (const form of FORMS) {
      const want = run('node', cli, ['--batch', '--eval', form]);
      const got = run(host, cli, ['--batch', '--eval', form]);
      assert.equal(want.status, 0, want.stderr);
      assert.deepEqual([got.status, got.stdout], [0, want.stdout], `${form}\n${got.stderr}`);
    }
    // An error escaping to top level: GNU's message and exit code 255.
    const want = run('node', cli, ['--batch', '--eval', '(car 1)']);
    const got = run(host, cli, ['--batch', '--eval', '(car 1)']);
    assert.equal(want.status, 255);
    assert.deepEqual([got.status, got.stderr], [want.status, want.stderr]);
    // kill-emacs's code comes through.
    assert.equal(run(host, cli, ['--batch', '--eval', '(kill-emacs 7)']).status, 7);
  });

  test(`the API under ${host}: start, eval, a JS-defined function and a Lisp error`, () => {
    const dir = mkdtempSync(join(tmpdir(), `tsmacs-${host}-`));
    try {
      const script = join(dir, 'use.mjs');
      writeFileSync(script, `import { Emacs, LispError } from ${JSON.stringify(join(repoRoot, 'dist', 'api.mjs'))};
const out = [];
const emacs = await Emacs.start({ stdout: (t) => out.push(t) });
emacs.defun('js-twice', (x) => 2 * x);
let error = null;
try { emacs.eval('(car 1)'); } catch (e) { error = [e instanceof LispError, e.symbol.name]; }
emacs.eval('(princ "hi")');
console.log(JSON.stringify({ sum: emacs.eval('(+ 1 2)'), list: emacs.eval('(list 1 "two" 2.5)'), twice: emacs.eval('(js-twice 21)'),
  big: String(emacs.eval('(expt 2 70)')), error, out: out.join('') }));
`);
      const want = run('node', script, [], dir);
      const got = run(host, script, [], dir);
      assert.equal(want.status, 0, want.stderr);
      assert.equal(got.status, 0, got.stderr);
      assert.deepEqual(JSON.parse(got.stdout), JSON.parse(want.stdout));
      assert.deepEqual(JSON.parse(got.stdout), { sum: 3, list: [1, 'two', 2.5], twice: 42, big: '1180591620717411303424', error: [true, 'wrong-type-argument'], out: 'hi' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A copy of the built dist/ (timestamps kept, so the code caches stay valid) beside a link to lisp/. */
function install(): string {
  const root = mkdtempSync(join(tmpdir(), 'tsmacs-hosts-'));
  mkdirSync(join(root, 'dist'));
  for (const f of ['tsmacs.cjs', 'tsmacs-core.js', 'tsmacs-core.jsc', 'tsmacs-core.bun.cjs', 'tsmacs-core.bun.cjs.jsc', 'tsmacs.pdmp', 'DOC']) {
    assert.ok(existsSync(join(repoRoot, 'dist', f)), `dist/${f} is missing: \`npm run build\` makes it (scripts/build-hosts.mjs for Bun's)`);
    cpSync(join(repoRoot, 'dist', f), join(root, 'dist', f), { preserveTimestamps: true });
  }
  symlinkSync(join(repoRoot, 'lisp'), join(root, 'lisp'));
  return root;
}

test("under Bun the launcher hands the start to Bun's bytecode launcher and bundle when they are this build's, else runs the bundle itself", () => {
  const root = install();
  try {
    const cli = join(root, 'dist', 'tsmacs.cjs');
    const copy = join(root, 'dist', 'tsmacs-core.bun.cjs');
    const build = /^ *const BUILD = "([0-9a-f]{16})";$/m.exec(readFileSync(cli, 'utf8'))?.[1];
    assert.ok(build, 'the launcher names its build');
    // The built copy carries the bundle's build id, and Bun starts with it.
    assert.match(readFileSync(copy, 'utf8'), /^\/\/ @bun @bytecode @bun-cjs/);
    assert.ok(readFileSync(copy, 'utf8').includes(`tsmacsBuild:${JSON.stringify(build)}`), "the bytecode copy names the bundle's build");
    assert.deepEqual(run('bun', cli, ['--batch', '--eval', '(princ (+ 1 2))'], root).stdout, '3');
    // A stand-in with this build's id is what Bun runs (Node and Deno never look at it) ...
    const standIn = (id: string) => writeFileSync(copy, `module.exports = { tsmacsBuild: ${JSON.stringify(id)}, start: () => { process.stdout.write('bytecode copy'); } };\n`);
    rmSync(copy + '.jsc');
    standIn(build);
    assert.equal(run('bun', cli, ['--batch', '--eval', '(princ 1)'], root).stdout, 'bytecode copy');
    assert.equal(run('node', cli, ['--batch', '--eval', '(princ 1)'], root).stdout, '1');
    // ... and one left from another build, or none, is passed over for the bundle.
    standIn('0123456789abcdef');
    assert.equal(run('bun', cli, ['--batch', '--eval', '(princ 1)'], root).stdout, '1');
    rmSync(copy);
    assert.equal(run('bun', cli, ['--batch', '--eval', '(princ 1)'], root).stdout, '1');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("each host keeps its own code cache: starts that alternate between hosts leave Node's alone", () => {
  const root = install();
  try {
    const cli = join(root, 'dist', 'tsmacs.cjs');
    const nodeCache = join(root, 'dist', 'tsmacs-core.jsc');
    // A first start under Node settles its cache for this copy (cpSync keeps mtimes only to the millisecond, and the cache's key has them to the microsecond).
    assert.equal(run('node', cli, ['--batch', '--eval', '(princ 1)'], root).stdout, '1');
    const before = readFileSync(nodeCache);
    for (const host of ['deno', 'bun', 'node', 'deno'])
      assert.equal(run(host, cli, ['--batch', '--eval', '(princ 1)'], root).stdout, '1', host);
    // Node's cache is still the build's, byte for byte; Deno wrote one of its own; Bun none (it has its bytecode).
    assert.ok(readFileSync(nodeCache).equals(before), "a start under another host rewrote Node's code cache");
    assert.ok(existsSync(join(root, 'dist', 'tsmacs-core.deno.jsc')), 'Deno keeps a code cache of its own');
    assert.ok(!existsSync(join(root, 'dist', 'tsmacs-core.bun.jsc')), 'Bun writes no V8 code cache');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("under Bun the loader's verify walks are merged and padded past JavaScriptCore's OMG size limit (at build time), and the padding changes what no kernel computes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-bun-pad-'));
  try {
    const script = join(dir, 'pad.cjs');
    writeFileSync(script, `const fs = require('fs');
const launcher = fs.readFileSync(${JSON.stringify(cli)}, 'utf8');
const m = /\\nconst KERNELS = ("[A-Za-z0-9+/=]*");/.exec(launcher);
const plain = Buffer.from(JSON.parse(m[1]), 'base64');
const { beyondOMG, WALKS, PADDED, unpack } = require(${JSON.stringify(join(repoRoot, 'dist', 'tsmacs-core.bun.cjs'))});
// The build's packed copy is the padding of this source's kernels with the walks merged, byte for
// byte: vall alone padded, the walks' exports its one-call functions.
const merged = Buffer.from(${JSON.stringify(Buffer.from(assemble(true)).toString('base64'))}, 'base64');
const built = PADDED !== null && unpack(PADDED).equals(beyondOMG(merged, WALKS));
const mergedGrown = beyondOMG(merged, WALKS).length - merged.length;
// Unmerged (the launcher's kernels, which Bun's launcher pads at start without a built copy): each
// walk padded, and the object-start check too, for a kernel whose answers the test can compare.
const names = ['starts', ...WALKS.filter((n) => n !== 'vall')];
const padded = beyondOMG(plain, names);
const a = new WebAssembly.Module(plain), b = new WebAssembly.Module(padded);
const shape = (mod) => JSON.stringify([WebAssembly.Module.imports(mod), WebAssembly.Module.exports(mod)]);
const memory = new WebAssembly.Memory({ initial: 4, maximum: 4, shared: true });
const u8 = new Uint8Array(memory.buffer);
for (let i = 0; i < u8.length; i++) u8[i] = (i * 7919) >>> 3;
const lanes = (mod) => { const x = new WebAssembly.Instance(mod, { e: { m: memory } }).exports; x.ck(64, 64 + 65536); return [x.a.value, x.b.value, x.c.value, x.d.value, x.starts(0, 0, 0, 0, 0, 0)]; };
console.log(JSON.stringify({ built, mergedGrown, walks: names.length, vwalk: WALKS.includes('vwalk'), grown: padded.length - plain.length, same: shape(a) === shape(b), lanes: [lanes(a), lanes(b)], again: beyondOMG(Buffer.from('not wasm'), names).toString() }));
`);
    const r = run('bun', script, [], dir);
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as { built: boolean; mergedGrown: number; walks: number; vwalk: boolean; grown: number; same: boolean; lanes: number[][]; again: string };
    assert.ok(got.vwalk, 'the verify walk is kept out of OMG');
    assert.ok(got.built, "the build's padded kernels (scripts/build-hosts.mjs) are beyondOMG's of the merged kernels");
    assert.ok(got.mergedGrown > 100000 && got.mergedGrown < 2 * 100000, `one body padded in the merged module (grown by ${got.mergedGrown})`);
    assert.ok(got.grown > got.walks * 100000, `each padded body is over 100,000 bytes (grown by ${got.grown})`);
    assert.ok(got.same, 'the same imports and exports');
    assert.deepEqual(got.lanes[1], got.lanes[0], 'the checksum and the padded object-start check answer as before');
    assert.equal(got.again, 'not wasm', 'bytes it cannot read come back unchanged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("under Bun a start of the default image compiles none of the loader's kernels with JavaScriptCore's optimising wasm compiler (OMG)", () => {
  // BUN_JSC_verboseOSR=1 has JSC log its tier-up decisions; an OMG compile of a kernel is a few ms of a start's CPU for code run once.
  const r = spawnSync(bin('bun'), [cli, '--batch', '--eval', '(princ (+ 1 2))'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '', BUN_JSC_verboseOSR: '1' } });
  assert.equal(r.stdout, '3', r.stderr.slice(-2000));
  const omg = r.stderr.split('\n').filter((l) => /OMG-optimizing/.test(l));
  assert.deepEqual(omg, [], 'no kernel OMG-compiled (pad it: WALKS in scripts/launcher-bun.template.cjs)');
  assert.match(r.stderr, /Too large to tier-up to OMG/, 'the padded walks are seen as too large');
});

test("under Bun a start reads its files without loading node:fs or node:path (src/host/bun.ts), and Lisp's file operations after it get them", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-bunfs-'));
  try {
    // A preload that records the builtins the start asks for (the launcher's proxies load them at their first use).
    const preload = join(dir, 'seen.cjs');
    writeFileSync(preload, `const get = process.getBuiltinModule; const seen = new Set();
process.getBuiltinModule = (id) => { seen.add(id); return get(id); };
process.on('exit', () => get('node:fs').writeSync(2, '\\nloaded: ' + JSON.stringify([...seen].filter((id) => id === 'node:fs' || id === 'node:path')) + '\\n'));
`);
    const loaded = (args: string[]): { stdout: string; modules: string[]; status: number | null } => {
      const r = spawnSync(bin('bun'), ['--preload', preload, cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '', NO_COLOR: '1' } });
      const m = /\nloaded: (\[.*\])\n/.exec(r.stderr);
      assert.ok(m, r.stderr);
      return { stdout: r.stdout, modules: JSON.parse(m[1]!), status: r.status };
    };
    // The start's own reads (the image, the account database, the host name) load neither, nor does
    // output (the C library's write through Bun.FFI; a pipe's 64 KB buffer filled many times over).
    assert.deepEqual(loaded(['--batch', '--eval', '(kill-emacs)']).modules, []);
    assert.deepEqual(loaded(['--batch', '--eval', '(kill-emacs 3)']).status, 3);
    const facts = '(princ (list system-name (user-login-name) (user-real-login-name) (user-full-name) (user-uid) load-path))';
    const shown = loaded(['--batch', '--eval', facts]);
    assert.equal(shown.stdout, run('node', cli, ['--batch', '--eval', facts]).stdout);
    assert.deepEqual(shown.modules, []);
    const big = loaded(['--batch', '--eval', '(progn (princ (make-string 300000 ?x)) (message "%s" (make-string 100000 ?y)))']);
    assert.deepEqual([big.stdout.length, big.modules], [300000, []]);
    // As a user other than root, Bun.mmap (which opens read-write) cannot map /etc/passwd nor a
    // root's image: the C library reads them, and still neither module is loaded.
    if (process.getuid?.() === 0 && existsSync('/usr/bin/setpriv')) {
      spawnSync('chmod', ['755', dir]);
      const asNobody = (host: string, args: string[]): { stdout: string; stderr: string } => {
        const [cmd, argv] = host === 'node' ? HOSTS.node!(cli, args) : [bin('bun'), ['--preload', preload, cli, ...args]];
        const r = spawnSync('/usr/bin/setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', cmd, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, TSMACS_GC_STRESS: '', NO_COLOR: '1' } });
        return { stdout: r.stdout, stderr: r.stderr };
      };
      const bun = asNobody('bun', ['--batch', '--eval', facts]);
      assert.equal(bun.stdout, asNobody('node', ['--batch', '--eval', facts]).stdout);
      assert.match(bun.stdout, /nobody/);
      assert.match(bun.stderr, /\nloaded: \[\]\n/);
    }
    // src/host/bun.ts gives Bun.FFI bun:ffi's type codes as numbers: they are still bun:ffi's.
    const codes = spawnSync(bin('bun'), ['-e', 'const t = require("bun:ffi").FFIType; console.log(JSON.stringify([t.ptr, t.int32_t, t.i64_fast]))'], { encoding: 'utf8' });
    assert.equal(codes.stdout.trim(), '[12,5,15]');
    // A file written and read back, its attributes, a folder's listing: node:fs loaded then, as under Node.
    const file = join(dir, 'f.txt');
    const ops = `(progn (with-temp-file ${JSON.stringify(file)} (insert "héllo")) (with-temp-buffer (insert-file-contents ${JSON.stringify(file)}) ` +
      `(princ (list (buffer-string) (file-exists-p ${JSON.stringify(file)}) (file-attribute-size (file-attributes ${JSON.stringify(file)})) (directory-files ${JSON.stringify(dir)} nil "\\\\.txt\\\\'")))))`;
    const after = loaded(['--batch', '--eval', ops]);
    assert.equal(after.stdout, '(héllo t 6 (f.txt))');
    assert.ok(after.modules.includes('node:fs'), 'node:fs loaded for the file operations');
    // Images the start cannot map (missing, empty, a folder) or that are cut short: the errors Node's reads give.
    const empty = join(dir, 'empty.pdmp');
    writeFileSync(empty, '');
    const short = join(dir, 'short.pdmp');
    writeFileSync(short, readFileSync(join(repoRoot, 'dist', 'tsmacs.pdmp')).subarray(0, 5000));
    for (const image of [join(dir, 'missing.pdmp'), empty, dir, short]) {
      const want = run('node', cli, ['--batch', '--dump-file', image, '--eval', '(princ 1)'], dir);
      const got = run('bun', cli, ['--batch', '--dump-file', image, '--eval', '(princ 1)'], dir);
      assert.notEqual(want.status, 0, image);
      assert.deepEqual([got.status, got.stdout, got.stderr], [want.status, want.stdout, want.stderr], image);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Bun executable (npm run build:bun, scripts/build-bun-exe.mjs) runs the command as the launcher does, from its own folder, without reading .env', () => {
  const root = install();
  try {
    const exe = join(root, 'dist', 'tsmacs-bun');
    const made = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-bun-exe.mjs'), '--out', exe], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const cwd = mkdtempSync(join(tmpdir(), 'tsmacs-bunexe-'));
    try {
      // Bun's executables read .env and bunfig.toml from the current folder unless built not to.
      writeFileSync(join(cwd, '.env'), 'TSMACS_FROM_DOTENV=yes\n');
      const env = { ...process.env, TSMACS_GC_STRESS: '', NO_COLOR: '1' };
      for (const form of [...FORMS, '(princ (list (getenv "TSMACS_FROM_DOTENV") (file-name-nondirectory invocation-name) (file-exists-p (car load-path))))']) {
        const want = run('node', join(root, 'dist', 'tsmacs.cjs'), ['--batch', '--eval', form], cwd);
        const got = spawnSync(exe, ['--batch', '--eval', form], { cwd, encoding: 'utf8', env });
        assert.deepEqual([got.status, got.stdout.replace('tsmacs-bun', 'tsmacs.cjs')], [want.status, want.stdout], form);
      }
      const exit = spawnSync(exe, ['--batch', '--eval', '(kill-emacs 7)'], { cwd, encoding: 'utf8', env });
      assert.equal(exit.status, 7);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
