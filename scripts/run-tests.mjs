// Run every test file under test/ with Node's test runner (TypeScript through tsx).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildElc } from './build-elc.mjs';

// A bundled library edited since the build would be shadowed by its stale .elc: compile again.
buildElc({ ifStale: true });

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(p);
  }
};
walk('test');
// --stress: collect garbage at every Nth safe point, N from TSMACS_GC_STRESS
// (default 200. At 100 the grown corpus alone ran over 45 minutes of CPU under stress on the
// 2-core CI machine, December 2026, against CI's 90-minute limit; TSMACS_GC_STRESS=100 still works.)
const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--stress')) env.TSMACS_GC_STRESS = process.env.TSMACS_GC_STRESS || '200';
const filter = args.filter((a) => a !== '--stress');
const chosen = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
// The same JS stack as the tsmacs command (see scripts/launcher.template.cjs), so deep Lisp
// recursion behaves in the tests as it does for users.
const r = spawnSync(process.execPath, ['--stack-size=6000', '--import', 'tsx', '--test', '--test-concurrency=2', ...chosen], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
