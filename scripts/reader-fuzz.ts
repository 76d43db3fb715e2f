// The reader/printer fuzz by hand: N generated inputs read, printed and read back; optionally compared with GNU Emacs 28.2 input by input.
//
//   node --import tsx scripts/reader-fuzz.ts [--count N] [--seed S] [--gnu [M]]
//
// Counts JS exceptions (anything but a Lisp signal) and round-trip mismatches: inputs whose
// object does not read back equal from its print although GNU's would (test/support/
// reader-fuzz.ts, gnuRoundTrips). Both must be 0; the exit status says so. --gnu runs the
// first M inputs (default all) through GNU Emacs (`emacs` on PATH, or EMACS) as well, in
// batches, and through the same Lisp function in tsmacs, and demands identical lines: where
// the read ended, the printed text, whether it read back equal, or the error. It also checks
// gnuRoundTrips against GNU's verdicts. The bounded form runs in CI: test/reader-fuzz.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lispRuntime } from '../test/support/runtime.ts';
import {
  FZ_LINE_DEFUN, fuzzInput, fuzzOne, gnuRoundTrips, inputForm, inputString, type FuzzInput,
} from '../test/support/reader-fuzz.ts';
import { jsString, makeString } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { Qt } from '../src/core/symbols.ts';
import { intern } from '../src/core/obarray.ts';
import { evalTop, funcall } from '../src/emacs/eval.ts';
import { readFromString } from '../src/emacs/lread.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined && /^\d+$/.test(args[i + 1]!) ? Number(args[i + 1]) : dflt;
};
const count = opt('--count', 1_000_000);
const seed = opt('--seed', 1);
const gnu = args.includes('--gnu') ? opt('--gnu', count) : 0;
const emacs = process.env.EMACS || 'emacs';

const rt = lispRuntime();
const Qgarbage_collect = intern(rt, 'garbage-collect');
const t0 = Date.now();
const tally = new Map<string, number>();
const shown: string[] = [];
for (let n = 0; n < count; n++) {
  const r = fuzzOne(rt, fuzzInput(seed, n));
  tally.set(r.kind, (tally.get(r.kind) ?? 0) + 1);
  if ((r.kind === 'mismatch' || r.kind === 'js-exception') && shown.length < 20)
    shown.push(`#${n} ${inputForm(fuzzInput(seed, n))}: ${r.kind}: ${r.detail}`);
  if (n % 2000 === 1999) funcall(rt, Qgarbage_collect, []);
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);
const get = (k: string): number => tally.get(k) ?? 0;
process.stdout.write(
  `reader-fuzz: seed ${seed}, ${count} inputs in ${secs} s: ${get('read-error')} read errors, ` +
  `${get('round-trip')} round trips, ${get('no-round-trip-as-gnu')} not round-tripping as in GNU, ` +
  `${get('mismatch')} mismatches, ${get('js-exception')} JS exceptions\n`,
);
for (const s of shown) process.stdout.write(s + '\n');
let failed = get('mismatch') + get('js-exception') > 0;

if (gnu > 0) {
  // The differential: the same Lisp function over the same strings in GNU and here.
  const dir = mkdtempSync(join(tmpdir(), 'reader-fuzz-'));
  const defs = join(dir, 'fz.el');
  writeFileSync(defs, FZ_LINE_DEFUN + '\n');
  const ev = (src: string): number => evalTop(rt, readFromString(rt, makeString(rt, src)).obj, Qt);
  ev(FZ_LINE_DEFUN);
  const Qfz_line = intern(rt, 'fz-line');
  let differ = 0;
  let predicateWrong = 0;
  let gnuRt = 0;
  const BATCH = 20000;
  for (let from = 0; from < gnu; from += BATCH) {
    const inputs: FuzzInput[] = [];
    for (let n = from; n < Math.min(gnu, from + BATCH); n++) inputs.push(fuzzInput(seed, n));
    const batch = join(dir, 'batch.txt');
    writeFileSync(batch, inputs.map(inputForm).join('\n') + '\n');
    // Run from --eval, not -l, so that no file is being loaded (GNU's end-of-file data names it).
    const driver = `(progn (load ${JSON.stringify(defs)} nil t)
      (with-temp-buffer (insert-file-contents-literally ${JSON.stringify(batch)})
        (goto-char (point-min))
        (let (f) (while (setq f (condition-case nil (read (current-buffer)) (end-of-file nil)))
          (princ (fz-line (eval f t))) (terpri)))))`;
    const r = spawnSync(emacs, ['-batch', '-Q', '--eval', driver], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(2);
    }
    const gnuLines = r.stdout.split('\n');
    for (let i = 0; i < inputs.length; i++) {
      const sp = rt.sp;
      let ours: string;
      let obj = 0;
      let readOk = false;
      try {
        const str = inputString(rt, inputs[i]!);
        rt.push(str);
        ours = jsString(rt, funcall(rt, Qfz_line, [str]));
        try {
          obj = readFromString(rt, str).obj;
          rt.push(obj);
          readOk = true;
        } catch (e) {
          if (!(e instanceof LispSignal)) throw e;
        }
      } catch (e) {
        ours = `JS exception ${String(e)}`;
      }
      const theirs = gnuLines[i] ?? '';
      if (theirs.includes(' RT ')) gnuRt++;
      if (ours !== theirs) {
        if (++differ <= 20) process.stdout.write(`#${from + i} ${inputForm(inputs[i]!)}\n  GNU:    ${theirs}\n  tsmacs: ${ours}\n`);
      } else if (readOk && theirs.includes(' NORT ') && gnuRoundTrips(rt, obj)) {
        if (++predicateWrong <= 20) process.stdout.write(`#${from + i} ${inputForm(inputs[i]!)}: GNU does not round-trip but gnuRoundTrips says it does\n`);
      }
      rt.sp = sp;
      if (i % 2000 === 1999) funcall(rt, Qgarbage_collect, []);
    }
  }
  process.stdout.write(
    `reader-fuzz --gnu: ${gnu} inputs compared with GNU Emacs 28.2: ${differ} differ, ` +
    `${gnuRt} round-trip in GNU, ${predicateWrong} where gnuRoundTrips misjudges GNU\n`,
  );
  if (differ + predicateWrong > 0) failed = true;
}
process.exit(failed ? 1 : 0);
