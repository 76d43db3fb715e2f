// The text of Bun's module (dist/tsmacs-core.bun.cjs before `bun build --bytecode`; the Bun
// executable's core, scripts/build-bun-exe.mjs): Bun's launcher (scripts/launcher-bun.template.cjs)
// with the built bundle as its constant, this build's id, and the padded kernels (PADDED).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paddedKernels } from './bun-kernels.mjs';

/** The module's text and the build id, for the bundle built in ROOT/dist; TMP is a scratch folder. */
export async function bunModuleText(root, tmp) {
  const bytes = readFileSync(join(root, 'dist', 'tsmacs-core.js'));
  const core = bytes.toString('utf8');
  // The same id scripts/build.mjs puts into the launcher.
  const buildId = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  let template = readFileSync(join(root, 'scripts', 'launcher-bun.template.cjs'), 'utf8');
  template = template.split('__TSMACS_PADDED__').join(JSON.stringify(await paddedKernels(root, template, tmp)));
  const parts = template.split('__TSMACS_CORE__');
  if (parts.length !== 2) throw new Error('launcher-bun.template.cjs: no single __TSMACS_CORE__');
  const text = parts[0].split("'__BUILD_ID__'").join(JSON.stringify(buildId)) + core.trimEnd().replace(/;$/, '') +
    parts[1].split("'__BUILD_ID__'").join(JSON.stringify(buildId));
  return { text, buildId };
}
