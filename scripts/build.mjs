// Bundle the CLI into one file (dist/tsmacs.mjs) so start-up pays for no module resolution.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

await build({
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/tsmacs.mjs',
  banner: { js: '#!/usr/bin/env node' },
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync('dist/tsmacs.mjs', 0o755);

// The default image: loadup from source, dumped next to the bundle.
if (!process.argv.includes('--no-image')) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['dist/tsmacs.mjs', '--temacs=pdump', '--dump-file', 'dist/tsmacs.pdmp'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.stderr.write('build: making the default image failed\n');
    process.exit(1);
  }
}
