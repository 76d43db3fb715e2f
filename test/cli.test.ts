// The CLI golden corpus: each case of test/cli/cases.txt run through runCli in-process must give GNU Emacs 28.2's stdout, stderr and exit status.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { capturingHost, defaultTestDump, repoRoot } from './support/runtime.ts';

interface CliCase {
  name: string;
  args: string[];
  stdin: string | null;
}

/** Parse cases.txt as scripts/record-cli.sh does. */
function parseCases(text: string): CliCase[] {
  const cases: CliCase[] = [];
  let cur: CliCase | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('== ')) {
      cur = { name: line.slice(3), args: [], stdin: null };
      cases.push(cur);
    } else if (line === '' || line.startsWith('#')) continue;
    else if (line.startsWith('<')) cur!.stdin = line.slice(1);
    else cur!.args.push(line);
  }
  return cases;
}

/** Cases allowed to differ from GNU, each with its reason (none today). */
const KNOWN_FAILURES = new Map<string, string>([
]);

const expectedDir = join(repoRoot, 'test', 'cli', 'expected');
// Backtraces abbreviate long file names, so the cases run in a directory whose name has the
// same length wherever the checkout lives, /tmp/tsmacs-cli-XXXXXX, holding a copy of the
// fixtures, as scripts/record-cli.sh records them.
const caseRoot = mkdtempSync('/tmp/tsmacs-cli-');
cpSync(join(repoRoot, 'test', 'cli', 'fixtures'), join(caseRoot, 'test', 'cli', 'fixtures'), { recursive: true });
after(() => rmSync(caseRoot, { recursive: true, force: true }));
const cases = parseCases(readFileSync(join(repoRoot, 'test', 'cli', 'cases.txt'), 'utf8'));
const dump = defaultTestDump();

function runCase(c: CliCase): { out: string; err: string; code: number } {
  const host = capturingHost();
  const lines = c.stdin === null ? [] : readFileSync(join(caseRoot, c.stdin), 'utf8').split('\n');
  // A final newline ends the last line; it does not start another.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const getenv = host.getenv;
  Object.assign(host, {
    cwd: () => caseRoot,
    readLine: () => (lines.length ? lines.shift()! : null),
    getenv: (name: string) => (name === 'TSMACS_HEAP_MB' ? '128' : getenv(name)),
  });
  const args = c.args.includes('--script') ? c.args : ['--batch', '-Q', ...c.args];
  const code = runCli(['--dump-file', dump, ...args], host);
  const root = (s: string): string => s.split(caseRoot).join('@ROOT@');
  return { out: root(host.out()), err: root(host.err()), code };
}

for (const c of cases) {
  const known = KNOWN_FAILURES.get(c.name);
  test(`cli ${c.name}`, { todo: known }, () => {
    const got = runCase(c);
    const want = {
      out: readFileSync(join(expectedDir, `${c.name}.out`), 'utf8'),
      err: readFileSync(join(expectedDir, `${c.name}.err`), 'utf8'),
      code: Number(readFileSync(join(expectedDir, `${c.name}.code`), 'utf8').trim()),
    };
    assert.deepEqual(got, want);
  });
}

test('the known-failure list names only existing cases', () => {
  for (const name of KNOWN_FAILURES.keys()) assert.ok(cases.some((c) => c.name === name), name);
});

// More batch backtraces, recorded from `emacs --batch -Q --eval FORM` (GNU Emacs 28.2).
const fiveLines = (cl1: string): string => `  command-line-1(("--eval" ${cl1}))\n  command-line()\n  normal-top-level()\n\n`;
const recursion: string[] = ['  car(0)'];
for (let n = 0; n <= 30; n++) recursion.push('  (if (= n 0) (car n) (f (1- n)))', `  f(${n})`);
const BACKTRACES: [string, string, number, string][] = [
  // The debugger runs before unwinding: the cleanup never runs.
  ['(unwind-protect (car 1) (princ "cleanup\\n"))', '', 255,
    'Debugger entered--Lisp error: (wrong-type-argument listp 1)\n  car(1)\n  (unwind-protect (car 1) (princ "cleanup\\n"))\n' +
    fiveLines('"(unwind-protect (car 1) (princ \\"cleanup\\\\n\\"))"')],
  ['(condition-case nil (car 1) (error (princ "caught")))', 'caught', 0, ''],
  ['(catch (quote x) (condition-case nil (car 1) (void-variable 2)))', '', 255,
    'Debugger entered--Lisp error: (wrong-type-argument listp 1)\n  car(1)\n  (condition-case nil (car 1) (void-variable 2))\n' +
    "  (catch 'x (condition-case nil (car 1) (void-variable 2)))\n" + fiveLines('"(catch (quote x) (condition-case nil (car 1) (void..."')],
  // Strings beyond 50 characters are cut; newlines and control characters are escaped.
  ['(let ((s (make-string 60 ?x))) (list (car s) (concat "a\\nb\\tc" s)))', '', 255,
    'Debugger entered--Lisp error: (wrong-type-argument listp "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")\n' +
    '  car("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")\n  (list (car s) (concat "a\\nb\\11c" s))\n' +
    '  (let ((s (make-string 60 120))) (list (car s) (concat "a\\nb\\11c" s)))\n' +
    fiveLines('"(let ((s (make-string 60 ?x))) (list (car s) (conc..."')],
  // More than 40 lines: the middle is replaced by "...".
  ['(progn (defun f (n) (if (= n 0) (car n) (f (1- n)))) (f 30))', '', 255,
    ['Debugger entered--Lisp error: (wrong-type-argument listp 0)', ...recursion.slice(0, 19), '...', ...recursion.slice(-16),
      '  (progn (defun f (n) (if (= n 0) (car n) (f (1- n)))) (f 30))'].join('\n') + '\n' +
    fiveLines('"(progn (defun f (n) (if (= n 0) (car n) (f (1- n))..."')],
  // Lists beyond 50 elements and nesting beyond print-level end in "...".
  ["(signal (quote error) (number-sequence 1 60))", '', 255,
    `Debugger entered--Lisp error: (error ${Array.from({ length: 49 }, (_, i) => i + 1).join(' ')} ...)\n` +
    `  signal(error (${Array.from({ length: 50 }, (_, i) => i + 1).join(' ')} ...))\n` +
    fiveLines('"(signal (quote error) (number-sequence 1 60))"')],
  ["(signal 'error '(a (b (c (d (e (f (g (h (i (j)))))))))))", '', 255,
    'Debugger entered--Lisp error: (error a (b (c (d (e (f (g (h ...))))))))\n  signal(error (a (b (c (d (e (f (g ...))))))))\n' +
    fiveLines(`"(signal 'error '(a (b (c (d (e (f (g (h (i (j)))))..."`)],
  ['(funcall (lambda (x) (car x)) 7)', '', 255,
    'Debugger entered--Lisp error: (wrong-type-argument listp 7)\n  car(7)\n  (closure (t) (x) (car x))(7)\n' +
    '  funcall((closure (t) (x) (car x)) 7)\n' + fiveLines('"(funcall (lambda (x) (car x)) 7)"')],
  ['(mapcar (function car) (quote (1)))', '', 255,
    'Debugger entered--Lisp error: (wrong-type-argument listp 1)\n  car(1)\n  mapcar(car (1))\n' + fiveLines('"(mapcar (function car) (quote (1)))"')],
];

for (const [form, out, code, err] of BACKTRACES) {
  test(`batch backtrace: ${form}`, () => {
    assert.deepEqual(runCase({ name: form, args: ['--eval', form], stdin: null }), { out, err, code });
  });
}

test('mapbacktrace and backtrace-frame--internal walk the frames innermost first', () => {
  const form = "(prin1 (list (let (r) (mapbacktrace (lambda (e f _a _fl) (push (list e f) r))) r) (backtrace-frame--internal #'list 0 nil) (backtrace-frame--internal #'list 1 'list) (backtrace-frame--internal #'list 2 'prin1)))";
  // As GNU 28.2 prints it.
  const want = "(((t normal-top-level) (t command-line) (t command-line-1) (nil prin1) (nil list) (nil let) (t mapbacktrace)) " +
    '(t backtrace-frame--internal (list 0 nil) nil) ' +
    "(nil prin1 ((list (let (r) (mapbacktrace (lambda (e f _a _fl) (push (list e f) r))) r) (backtrace-frame--internal #'list 0 nil) (backtrace-frame--internal #'list 1 'list) (backtrace-frame--internal #'list 2 'prin1))) nil) " +
    '(t command-line nil nil))';
  assert.deepEqual(runCase({ name: 'mapbacktrace', args: ['--eval', form], stdin: null }), { out: want, err: '', code: 0 });
});

test('the image holds the preloaded functions with their macro calls expanded (loadup.el)', () => {
  // byte-run, backquote, subr and macroexp are loaded before eager expansion exists: loadup
  // expands their bodies before dumping, so a program's first with-temp-buffer or push does not
  // run backquote.el again (docs/evaluator.md, "Cold start of a loaded file").
  const host = capturingHost();
  const form = "(prin1 (list (memq '\\` (flatten-tree (symbol-function 'with-temp-buffer))) (memq 'push (flatten-tree (symbol-function 'macroexp--expand-each))) (memq 'when (flatten-tree (symbol-function 'macroexp--open-code-lambda))) (with-temp-buffer (insert \"ab\") (buffer-string)) (let (l) (push 1 l) (dolist (x '(2 3)) (push x l)) l)))";
  assert.equal(runCli(['--dump-file', dump, '--batch', '--eval', form], host), 0);
  assert.equal(host.out(), '(nil nil nil "ab" (3 2 1))');
});

test('a start from the image takes process-environment from the running process, as GNU lists it', () => {
  const host = capturingHost();
  host.environ = () => ['A=plain', 'B=é', 'C=𝄞x'];
  const shape = '(prin1 (list (mapcar (lambda (s) (list s (multibyte-string-p s) (length s) (string-bytes s))) process-environment) (equal process-environment initial-environment) (eq process-environment initial-environment) (eq (car process-environment) (car initial-environment))))';
  assert.equal(runCli(['--dump-file', dump, '--batch', '--eval', shape], host), 0);
  // GNU Emacs 28.2 under `env -i A=plain B=é C=𝄞x`: the last entry first; a copy of the list in
  // initial-environment, sharing the strings; ASCII entries unibyte.
  assert.equal(host.out(), '((("C=𝄞x" t 4 7) ("B=é" t 3 4) ("A=plain" nil 7 7)) t nil t)');
});
