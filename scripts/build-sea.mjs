// npm run build:sea: dist/tsmacs, a Node single executable (SEA) holding the built installation: `node scripts/build-sea.mjs [--out FILE]`.
//
// Node 20's way (https://nodejs.org/api/single-executable-applications.html, in our steps): a blob
// made by `node --experimental-sea-config` from a main script and its assets, injected into a copy
// of this Node binary by postject (a devDependency). The main script (scripts/sea-main.template.cjs)
// unpacks the one asset, the installation's files, into a cache folder at the first start and then
// runs the same launcher as dist/tsmacs.cjs, so the executable behaves as the bundle does.
// useCodeCache: V8's cache of the main script (small; the bundle has the launcher's own code cache).
// useSnapshot is not used: the work of a start is loading the image, which a Node snapshot does
// not hold, and a snapshot main cannot unpack files or take the launcher's code cache.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]) : join(root, 'dist', 'tsmacs');
const fail = (msg) => {
  process.stderr.write(`build-sea: ${msg}\n`);
  process.exit(1);
};

if (process.platform !== 'linux' && process.platform !== 'darwin' && process.platform !== 'win32') fail(`no single executables on ${process.platform}`);
const [major, minor] = process.versions.node.split('.').map(Number);
// Assets (sea.getRawAsset) came with Node 20.12.
if (major < 20 || (major === 20 && minor < 12)) fail(`Node ${process.version} cannot make a single executable with assets (20.12 or later can)`);

// The installation: what the package ships for the command (package.json "files"), less the API.
const files = ['dist/tsmacs.cjs', 'dist/tsmacs-core.js', 'dist/tsmacs.pdmp', 'dist/DOC'];
for (const f of files) if (!existsSync(join(root, f))) fail(`${f} is missing: run \`npm run build\` first`);
for (const d of ['lisp', 'etc'])
  for (const name of readdirSync(join(root, d)).sort()) if (statSync(join(root, d, name)).isFile()) files.push(`${d}/${name}`);

// The tree asset: a 4-byte little-endian length, a JSON index of [path, size, mode], then the bytes.
const bodies = files.map((f) => readFileSync(join(root, f)));
const index = Buffer.from(JSON.stringify(files.map((f, i) => [f, bodies[i].length, statSync(join(root, f)).mode & 0o777])), 'utf8');
const head = Buffer.alloc(4);
head.writeUInt32LE(index.length, 0);
const tree = Buffer.concat([head, index, ...bodies]);
const id = createHash('sha256').update(tree).update(process.version).digest('hex').slice(0, 16);

const work = mkdtempSync(join(tmpdir(), 'tsmacs-sea-'));
try {
  writeFileSync(join(work, 'tree.bin'), tree);
  writeFileSync(join(work, 'main.cjs'), readFileSync(join(root, 'scripts', 'sea-main.template.cjs'), 'utf8').split("'__SEA_ID__'").join(JSON.stringify(id)));
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify({
    main: join(work, 'main.cjs'),
    output: join(work, 'sea.blob'),
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    assets: { tree: join(work, 'tree.bin') },
  }));
  const r = spawnSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], { encoding: 'utf8' });
  if (r.status !== 0) fail(`node --experimental-sea-config failed:\n${r.stdout}${r.stderr}`);

  rmSync(out, { force: true });
  copyFileSync(process.execPath, out);
  chmodSync(out, 0o755);
  const { inject } = createRequire(import.meta.url)('postject');
  // postject warns on stderr about ELF notes it does not know; the result is checked below by running it.
  await inject(out, 'NODE_SEA_BLOB', readFileSync(join(work, 'sea.blob')), {
    sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
    machoSegmentName: process.platform === 'darwin' ? 'NODE_SEA' : undefined,
  });
  if (process.platform === 'darwin') spawnSync('codesign', ['--sign', '-', out], { stdio: 'inherit' });

  // One start, unpacking into a throwaway cache: the executable runs, or the build fails.
  const cache = join(work, 'cache');
  const s = spawnSync(out, ['--batch', '--eval', '(princ (+ 1 2))'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
  if (s.status !== 0 || s.stdout !== '3') fail(`the executable does not run (status ${s.status}):\n${s.stdout}${s.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`build-sea: ${out} (${(statSync(out).size / 1048576).toFixed(1)} MB; installation ${id}, ${(tree.length / 1048576).toFixed(1)} MB, unpacked at its first start)\n`);
