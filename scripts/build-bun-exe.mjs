// npm run build:bun: dist/tsmacs-bun, tsmacs as a Bun executable: `node scripts/build-bun-exe.mjs [--out FILE]`.
//
// After `npm run build`. `bun build --compile --bytecode` (Bun from devDependencies) compiles Bun's
// module (scripts/bun-module.mjs: Bun's launcher and the bundle, as dist/tsmacs-core.bun.cjs holds
// them) with a small entry (scripts/bun-exe-main.template.cjs) into a copy of Bun. The executable
// finds its installation in its own folder, so it is made in dist/ (or --out FILE beside another
// installation's dist files). It does not read .env or bunfig.toml from the current folder as Bun's
// executables do by default: tsmacs's environment is the process's. About 110 MB (Bun itself), so
// not part of the npm package.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bunModuleText } from './bun-module.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1]) : join(root, 'dist', 'tsmacs-bun');
const fail = (msg) => {
  process.stderr.write(`build-bun-exe: ${msg}\n`);
  process.exit(1);
};
const bun = join(root, 'node_modules', '.bin', 'bun');
if (!existsSync(bun)) fail('no bun in node_modules/.bin (a devDependency: npm ci)');
const launcher = join(root, 'dist', 'tsmacs.cjs');
if (!existsSync(launcher) || !existsSync(join(root, 'dist', 'tsmacs-core.js'))) fail('dist/ is not built: npm run build');
// The loader's kernels as the launcher hands them to Bun's module (used only if its padded copy fails).
const kernels = /^ *const KERNELS = "([A-Za-z0-9+/=]+)";$/m.exec(readFileSync(launcher, 'latin1'))?.[1];
if (kernels === undefined) fail('dist/tsmacs.cjs names no KERNELS');

const tmp = mkdtempSync(join(tmpdir(), 'tsmacs-bun-exe-'));
try {
  writeFileSync(join(tmp, 'tsmacs-core.bun.cjs'), (await bunModuleText(root, tmp)).text);
  const main = join(tmp, 'main.cjs');
  writeFileSync(main, readFileSync(join(root, 'scripts', 'bun-exe-main.template.cjs'), 'utf8').split("'__KERNELS_BASE64__'").join(JSON.stringify(kernels)));
  const r = spawnSync(bun, ['build', '--compile', '--bytecode', '--minify', '--format=cjs', '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig', '--outfile', out, main], { encoding: 'utf8', cwd: tmp });
  if (r.status !== 0 || !existsSync(out)) fail(`bun build --compile failed:\n${r.stdout}${r.stderr}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const s = spawnSync(out, ['--batch', '--eval', '(kill-emacs)'], { encoding: 'utf8' });
if (s.status !== 0) fail(`${out} does not start:\n${s.stderr}`);
process.stdout.write(`build-bun-exe: ${out}\n`);
