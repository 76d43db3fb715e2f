// The loader's WebAssembly kernels as Bun's module compiles them (scripts/build-hosts.mjs, bench/bun-stages.mjs):
// src/dump/kernels.ts's module with the walks merged into one function (assemble(true): under
// JavaScriptCore one padded body instead of three), padded by Bun's launcher's beyondOMG and packed
// (PADDED there). Node's module, the launcher's, is the unmerged one.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The merged module's bytes, assembled from ROOT's source, when that source's unmerged module is
 * the one the built launcher (ROOT/dist/tsmacs.cjs) hands Bun's module, so that the bundle's
 * kernels.ts and the merged module agree; else null.
 */
export async function mergedKernels(root) {
  const probe = await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    stdin: {
      contents: "import { assemble } from './src/dump/kernels.ts';\n" +
        "process.stdout.write(Buffer.from(assemble(false)).toString('base64') + ' ' + Buffer.from(assemble(true)).toString('base64'));\n",
      resolveDir: root,
      sourcefile: 'bun-kernels-probe.ts',
      loader: 'ts',
    },
  });
  const r = spawnSync(process.execPath, ['--input-type=module'], { input: probe.outputFiles[0].text, encoding: 'utf8' });
  const m = /\nconst KERNELS = ("[A-Za-z0-9+/=]*");/.exec(readFileSync(join(root, 'dist', 'tsmacs.cjs'), 'utf8'));
  const [plain, merged] = r.status === 0 ? r.stdout.split(' ') : [];
  if (m === null || merged === undefined || !Buffer.from(plain, 'base64').equals(Buffer.from(JSON.parse(m[1]), 'base64'))) return null;
  return Buffer.from(merged, 'base64');
}

/**
 * PADDED for TEMPLATE (Bun's launcher template's text): the merged kernels padded by its own
 * beyondOMG and packed, or null when they cannot be had (Bun's launcher then pads the launcher's
 * kernels at start). The template's functions run here under Node, from a copy without the bundle
 * written to the folder TMP.
 */
export async function paddedKernels(root, template, tmp) {
  const merged = await mergedKernels(root);
  if (merged === null) return null;
  const file = join(tmp, 'pad.cjs');
  writeFileSync(file, template.split('__TSMACS_CORE__').join('null').split('__TSMACS_PADDED__').join('null'));
  const { beyondOMG, WALKS, pack, unpack } = createRequire(import.meta.url)(file);
  const padded = beyondOMG(merged, WALKS);
  const parts = pack(padded);
  if (padded === merged || !unpack(parts).equals(padded)) return null;
  return parts;
}
