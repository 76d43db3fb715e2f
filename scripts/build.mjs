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
