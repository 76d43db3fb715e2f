// After scripts/build.mjs: what the other JS hosts need to start fast: Bun's bytecode for the bundle, Deno's code cache.
//
// Bun (JavaScriptCore) takes nothing from V8's code cache: under it, vm.Script parses the whole
// 650 KB bundle at every start (12-16 ms of a 50 ms start). `bun build --bytecode` writes JSC's
// bytecode beside a CommonJS module (dist/tsmacs-core.bun.cjs and its .jsc) made of Bun's own
// launcher (scripts/launcher-bun.template.cjs) and the bundle, which Bun loads instead of parsing:
// the launcher (scripts/launcher.template.cjs) requires it first thing under Bun and hands it the
// start when its build id is the bundle's, else it runs the bundle through vm.Script. Bun checks
// the bytecode against its own version and the source, and parses the source when they differ.
//
// Deno runs V8 and takes V8's code cache through vm.Script: the launcher keeps one per host
// (tsmacs-core.deno.jsc), written by the first ordinary start; one start here writes it, so a
// read-only install has it too.
//
// Each host comes from devDependencies (node_modules/.bin); a missing host is skipped with a note,
// and the launcher then runs the bundle as before. A failure here is reported and the build goes
// on (exit status 0): Node's command does not need any of it, and test/hosts.test.ts says what is
// missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bunModuleText } from './bun-module.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const bunOut = join(dist, 'tsmacs-core.bun.cjs');
rmSync(bunOut, { force: true });
rmSync(bunOut + '.jsc', { force: true });
if (!existsSync(bin('bun'))) {
  process.stdout.write('build-hosts: no bun in node_modules/.bin: no bytecode for Bun (the launcher parses the bundle there)\n');
} else {
  // The bundle is an expression (a function of the launcher's arguments): Bun's launcher holds it as
  // a constant, and exports its start with the build id, so the launcher never runs a stale copy.
  const tmp = mkdtempSync(join(tmpdir(), 'tsmacs-bun-'));
  try {
    const entry = join(tmp, 'tsmacs-core.bun.cjs');
    writeFileSync(entry, (await bunModuleText(root, tmp)).text);
    const out = join(tmp, 'out');
    const r = spawnSync(bin('bun'), ['build', '--bytecode', '--minify', '--target=bun', '--format=cjs', '--outdir', out, entry], { encoding: 'utf8' });
    // Bun names the output after the entry with a .js extension; the package is "type": "module",
    // so the copy in dist/ is .cjs, and its bytecode is found by the script's name + '.jsc'.
    const js = join(out, 'tsmacs-core.bun.js');
    if (r.status !== 0 || !existsSync(js) || !existsSync(js + '.jsc')) {
      process.stderr.write(r.stdout + r.stderr + 'build-hosts: bun build --bytecode failed: no bytecode for Bun\n');
    } else {
      renameSync(js + '.jsc', bunOut + '.jsc');
      renameSync(js, bunOut);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const s = spawnSync(bin('bun'), [join(dist, 'tsmacs.cjs'), '--batch', '--eval', '(kill-emacs)'], { encoding: 'utf8' });
  if (s.status !== 0) process.stderr.write(s.stderr + 'build-hosts: starting under Bun failed\n');
}

if (!existsSync(bin('deno'))) {
  process.stdout.write('build-hosts: no deno in node_modules/.bin: its code cache is written by its first start\n');
} else {
  rmSync(join(dist, 'tsmacs-core.deno.jsc'), { force: true });
  const s = spawnSync(bin('deno'), ['run', '--allow-all', '--quiet', join(dist, 'tsmacs.cjs'), '--batch', '--eval', '(kill-emacs)'], { encoding: 'utf8' });
  if (s.status !== 0) process.stderr.write(s.stderr + 'build-hosts: starting under Deno failed\n');
}
