// The REPL (src/cli/repl.ts): the built command driven through a real pseudo-terminal (test/support/pty-drive.py), and the quit request in-process.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpedRuntime, repoRoot } from './support/runtime.ts';
import { evalInput, completions, prepareReplRuntime } from '../src/cli/repl-worker.ts';
import { completionPrefix } from '../src/cli/repl.ts';
import { runCli } from '../src/cli/main.ts';
import { capturingHost } from './support/runtime.ts';

const launcher = join(repoRoot, 'dist', 'tsmacs.cjs');
const driver = join(repoRoot, 'test', 'support', 'pty-drive.py');
const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
const skip = !hasPython ? 'python3 with pty is needed' : !existsSync(launcher) ? 'dist/ is not built (npm run build)' : false;

interface Step { send?: string; expect?: string | null }

/** Run the built tsmacs (ARGS) on a pseudo-terminal through STEPS; the transcript without terminal escapes. */
function drive(args: string[], steps: Step[], env: Record<string, string> = {}): { text: string; status: number | null; failed: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-repl-'));
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify({
    cmd: [process.execPath, '--stack-size=6000', launcher, ...args],
    env: { TSMACS_HISTORY: join(dir, 'history'), TERM: 'xterm', ...env },
    steps,
    timeout: 60,
  }));
  const r = spawnSync('python3', [driver, spec], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout) as { transcript: string; status: number | null; failed: number | null };
  // eslint-disable-next-line no-control-regex
  const text = o.transcript.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
  return { text, status: o.status, failed: o.failed };
}

const PROMPT = 'ELISP> ';
const ready: Step = { expect: PROMPT };

test('pty: values, errors, multi-line input, *, princ output and Ctrl-D', { skip }, () => {
  const r = drive([], [
    ready,
    { send: '(+ 1 2)\r', expect: '3 (#o3, #x3, ?\\C-c)\n' + PROMPT },
    { send: '(list 1\r', expect: '       ' },
    { send: '2)\r', expect: '(1 2)\n' + PROMPT },
    { send: '(list * ** ***)\r', expect: '((1 2) 3 nil)\n' + PROMPT },
    { send: '(car 1)\r', expect: '*** Eval error ***  Wrong type argument: listp, 1\n' + PROMPT },
    { send: ')\r', expect: '*** Read error ***  Invalid read syntax: ")"\n' + PROMPT },
    { send: '1 2\r', expect: '*** IELM error ***  More than one sexp in input\n' + PROMPT },
    { send: '(princ "hi")\r', expect: 'hi\n"hi"\n' + PROMPT },
    { send: '"multi\rline"\r', expect: '"multi\nline"\n' + PROMPT },
    { send: '(throw \'x 1)\r', expect: '*** Eval error ***  No catch for tag: x, 1\n' + PROMPT },
    { send: '?a\r', expect: '97 (#o141, #x61, ?a)\n' + PROMPT },
    { send: '-5\r', expect: '-5 (#o-5, #x-5)\n' + PROMPT },
    { send: '\x04', expect: null },
  ]);
  assert.equal(r.failed, null, r.text);
  assert.equal(r.status, 0, r.text);
  assert.match(r.text, /\*\*\* Welcome to tsmacs's IELM \*\*\*/);
});

test('pty: Ctrl-C quits a runaway evaluation, the session goes on', { skip }, () => {
  const r = drive([], [
    ready,
    { send: '(let ((n 0)) (while t (setq n (1+ n))))\r', expect: '(1+ n))))\n' },
    // The loop runs until the quit request arrives: sent only once the input was taken.
    { send: '\x03', expect: '*** Eval error ***  Quit during evaluation\n' + PROMPT },
    { send: '(defun tsmacs-spin (n) (tsmacs-spin2 n))\r', expect: 'tsmacs-spin\n' + PROMPT },
    { send: '(defun tsmacs-spin2 (n) (if (< n 0) n (tsmacs-spin (1+ n))))\r', expect: 'tsmacs-spin2\n' + PROMPT },
    { send: '(let ((max-lisp-eval-depth 100000000) (i 0)) (while t (setq i (1+ i)) (tsmacs-spin2 (- 100))))\r', expect: '(- 100))))\n' },
    { send: '\x03', expect: 'Quit during evaluation\n' + PROMPT },
    // inhibit-quit holds the request back: the loop sees quit-flag set and ends by itself.
    // Ctrl-C only once the binding is made (the Lisp says so), or the quit comes before it.
    { send: '(let ((inhibit-quit t)) (princ (upcase "armed\\n")) (while (not quit-flag)) (setq quit-flag nil) (quote held))\r', expect: 'ARMED\n' },
    { send: '\x03', expect: 'held\n' + PROMPT },
    { send: '(list quit-flag (+ 40 2))\r', expect: '(nil 42)\n' + PROMPT },
    // At the prompt, Ctrl-C drops the unfinished input.
    { send: '(list 1\r', expect: '       ' },
    { send: '\x03', expect: PROMPT },
    { send: '(+ 2 2)\r', expect: '4 (#o4, #x4, ?\\C-d)\n' + PROMPT },
    { send: '\x04', expect: null },
  ]);
  assert.equal(r.failed, null, r.text);
  assert.equal(r.status, 0, r.text);
});

test('pty: history is kept across runs, Tab completes symbols, kill-emacs sets the status', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-repl-hist-'));
  const history = join(dir, 'hist');
  const first = drive([], [
    ready,
    { send: '(setq tsmacs-repl-probe 7)\r', expect: '7 (#o7, #x7, ?\\C-g)\n' + PROMPT },
    { send: '(symbol-fun\t', expect: 'symbol-function' },
    { send: ' \'car)\r', expect: '#<subr car>\n' + PROMPT },
    { send: '\x04', expect: null },
  ], { TSMACS_HISTORY: history });
  assert.equal(first.failed, null, first.text);
  assert.deepEqual(readFileSync(history, 'utf8').split('\n'), ['(setq tsmacs-repl-probe 7)', "(symbol-function 'car)", '']);
  // The second run: Up twice brings back the first input of the first run.
  const second = drive([], [
    ready,
    { send: '\x1b[A\x1b[A\r', expect: '7 (#o7, #x7, ?\\C-g)\n' + PROMPT },
    // Two Tabs list the candidates.
    { send: '(car-sa\t', expect: 'car-safe' },
    { send: '\x15(kill-emacs 3)\r', expect: null },
  ], { TSMACS_HISTORY: history });
  assert.equal(second.failed, null, second.text);
  assert.equal(second.status, 3, second.text);
});

test('pty: a damaged dump gets the loader\'s refusal and its exit status', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-repl-dump-'));
  const bad = join(dir, 'bad.pdmp');
  copyFileSync(join(repoRoot, 'dist', 'tsmacs.pdmp'), bad);
  const bytes = readFileSync(bad);
  bytes[bytes.length - 100]! ^= 0xff;
  writeFileSync(bad, bytes);
  const r = drive(['--dump-file', bad], [{ expect: null }]);
  assert.match(r.text, /tsmacs: could not load dump file ".*bad\.pdmp": dump file is corrupt \(checksum mismatch\)/);
  assert.equal(r.status, 9);
});

test('with stdin not a terminal and no action, tsmacs does what it did: nothing, status 0', { skip: existsSync(launcher) ? false : 'not built' }, () => {
  const r = spawnSync(process.execPath, ['--stack-size=6000', launcher], { input: '(princ 1)\n', encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
});

test('--repl with piped input reads it as the terminal would', { skip: existsSync(launcher) ? false : 'not built' }, () => {
  const r = spawnSync(process.execPath, ['--stack-size=6000', launcher, '--repl'], {
    input: '(+ 1 2)\n(list 1\n 2)\n(car 1)\n', encoding: 'utf8', env: { ...process.env, TSMACS_HISTORY: '' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.endsWith('3 (#o3, #x3, ?\\C-c)\n(1 2)\n*** Eval error ***  Wrong type argument: listp, 1\n'), r.stdout);
});

test('the quit request: signalled at the next safe point, held back by inhibit-quit', () => {
  const rt = dumpedRuntime(1);
  prepareReplRuntime(rt);
  const req = new Int32Array(new SharedArrayBuffer(4));
  rt.quitRequest = req;
  req[0] = 1;
  assert.deepEqual(evalInput(rt, '(while t)'), { kind: 'text', text: '*** Eval error ***  Quit during evaluation\n' });
  assert.equal(req[0], 0);
  assert.deepEqual(evalInput(rt, 'quit-flag'), { kind: 'text', text: 'nil\n' });
  // Under inhibit-quit the request only sets quit-flag; clearing quit-flag drops it.
  evalInput(rt, '(setq inhibit-quit t)');
  req[0] = 1;
  assert.deepEqual(evalInput(rt, '(progn (while (not quit-flag)) (setq quit-flag nil) (setq inhibit-quit nil) 7)'),
    { kind: 'text', text: '7 (#o7, #x7, ?\\C-g)\n' });
  assert.equal(req[0], 0);
  // Left pending under inhibit-quit, the quit comes once inhibit-quit is nil again.
  evalInput(rt, '(setq inhibit-quit t)');
  req[0] = 1;
  assert.deepEqual(evalInput(rt, '(progn (while (not quit-flag)) (setq inhibit-quit nil) (while t))'),
    { kind: 'text', text: '*** Eval error ***  Quit during evaluation\n' });
  // A recursive function that never loops with while still reaches the poll (funcall).
  evalInput(rt, '(defun repl-test-f (n) (repl-test-f (1+ n)))');
  req[0] = 1;
  assert.deepEqual(evalInput(rt, '(let ((max-lisp-eval-depth 1000000)) (repl-test-f 0))'),
    { kind: 'text', text: '*** Eval error ***  Quit during evaluation\n' });
});

test('inputs as ielm reads them: nothing, incomplete, comments, values shifted into *', () => {
  const rt = dumpedRuntime(1);
  prepareReplRuntime(rt);
  assert.deepEqual(evalInput(rt, '   '), { kind: 'none' });
  assert.deepEqual(evalInput(rt, '; only a comment'), { kind: 'none' });
  assert.deepEqual(evalInput(rt, '(+ 1'), { kind: 'incomplete' });
  assert.deepEqual(evalInput(rt, '"abc'), { kind: 'incomplete' });
  assert.deepEqual(evalInput(rt, '(+ 1 ; c\n 2)'), { kind: 'text', text: '3 (#o3, #x3, ?\\C-c)\n' });
  assert.deepEqual(evalInput(rt, '(+ 1 2) ; trailing comment'), { kind: 'text', text: '3 (#o3, #x3, ?\\C-c)\n' });
  assert.deepEqual(evalInput(rt, '1000000'), { kind: 'text', text: '1000000 (#o3641100, #xf4240)\n' });
  assert.deepEqual(evalInput(rt, '127'), { kind: 'text', text: '127 (#o177, #x7f, ?\\C-?)\n' });
  assert.deepEqual(evalInput(rt, '128'), { kind: 'text', text: '128 (#o200, #x80)\n' });
  assert.deepEqual(evalInput(rt, '10.0'), { kind: 'text', text: '10.0\n' });
  assert.deepEqual(evalInput(rt, 'foo-unbound-in-repl'), { kind: 'text', text: '*** Eval error ***  Symbol’s value as variable is void: foo-unbound-in-repl\n' });
  assert.deepEqual(evalInput(rt, "(signal 'quit nil)"), { kind: 'text', text: '*** Eval error ***  Quit during evaluation\n' });
  assert.deepEqual(evalInput(rt, '(list * ** ***)'), { kind: 'text', text: '(10.0 128 127)\n' });
  // A nesting error deep in the JS stack leaves nothing behind for the next input.
  evalInput(rt, '(defun repl-test-deep (n) (1+ (repl-test-deep (1+ n))))');
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(evalInput(rt, '(let ((max-lisp-eval-depth 1000000) (max-specpdl-size 1000000)) (repl-test-deep 0))'),
      { kind: 'text', text: '*** Eval error ***  Lisp nesting exceeds ‘max-lisp-eval-depth’\n' });
    assert.deepEqual(evalInput(rt, '(let ((x 2)) (+ x 1))'), { kind: 'text', text: '3 (#o3, #x3, ?\\C-c)\n' });
  }
  // lexical-binding is on, as in ielm.
  assert.deepEqual(evalInput(rt, "(let ((x 1)) (funcall (lambda () x)))"), { kind: 'text', text: '1 (#o1, #x1, ?\\C-a)\n' });
});

test('completion: interned symbols by prefix, a long list keeps its common prefix', () => {
  const rt = dumpedRuntime(1);
  assert.deepEqual(completions(rt, 'symbol-fun'), ['symbol-function']);
  const many = completions(rt, '');
  assert.equal(many.length, 500);
  const last = evalInput(rt, '(car (last (sort (all-completions "" obarray) (function string<))))');
  assert.deepEqual(last, { kind: 'text', text: JSON.stringify(many[499]) + '\n' });
  assert.equal(completionPrefix("(mapcar #'symbol-na"), 'symbol-na');
  assert.equal(completionPrefix('`(,@foo-b'), 'foo-b');
  assert.equal(completionPrefix('(car '), '');
});

test('--repl-worker is internal: outside the REPL\'s worker thread it is an unknown option', () => {
  const host = capturingHost();
  assert.equal(runCli(['--repl-worker'], host), 2);
  assert.match(host.err(), /^tsmacs: unknown option '--repl-worker'/);
});
