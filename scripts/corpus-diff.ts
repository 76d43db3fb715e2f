// List every corpus case whose output differs from GNU's: node --import tsx scripts/corpus-diff.ts [FILE...]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lispRuntime, repoRoot } from '../test/support/runtime.ts';
import { runCaseFile } from '../test/support/corpus.ts';

const dir = join(repoRoot, 'test', 'corpus');
const names = process.argv.slice(2);
let total = 0;
let bad = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.el')).sort()) {
  if (names.length && !names.some((n) => file.startsWith(n))) continue;
  const exp = join(dir, file.replace(/\.el$/, '.expected'));
  if (!existsSync(exp)) continue;
  const want = readFileSync(exp, 'utf8').split('\n').filter((l) => l);
  const got = runCaseFile(lispRuntime(), readFileSync(join(dir, file)));
  const forms = readFileSync(join(dir, file), 'utf8');
  void forms;
  for (let i = 0; i < want.length; i++) {
    total++;
    if (got[i] !== want[i]) {
      bad++;
      console.log(`${file}:${i + 1}\n  want: ${want[i]}\n  got:  ${got[i]}`);
    }
  }
}
console.log(`${bad} of ${total} cases differ`);
