// The browser host (src/host/browser*.ts) and the browser module (src/web/tsmacs.ts) under Node: file operations on the in-memory store behave as the CLI's on a real disk.
//
// The expected values are the CLI's (dist/tsmacs.cjs, itself held to GNU Emacs 28.2 by the
// corpus) running the same forms in a fresh directory; every form gives a result that does not
// depend on where that directory is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserTsmacs } from '../src/web/tsmacs.ts';
import { FsError, MemoryFS } from '../src/host/browser-fs.ts';
import { posixTzFor } from '../src/host/browser-tz.ts';
import { defaultTestDump, repoRoot } from './support/runtime.ts';

const FORMS = [
  '(progn (make-directory "d") (write-region "abc\\tdef" nil "d/f" nil 0) (list (file-exists-p "d/f") (file-directory-p "d") (file-regular-p "d/f") (directory-files "d") (file-attribute-size (file-attributes "d/f"))))',
  '(with-temp-buffer (insert-file-contents "d/f") (buffer-string))',
  '(with-temp-buffer (insert-file-contents "d/f" nil 1 3) (buffer-string))',
  '(condition-case e (insert-file-contents "nope") (file-missing (list (car e) (nth 1 e) (nth 2 e))))',
  '(progn (rename-file "d/f" "d/g") (list (file-exists-p "d/f") (file-exists-p "d/g")))',
  '(progn (copy-file "d/g" "d/h") (delete-file "d/g") (directory-files "d" nil "^[^.]"))',
  '(condition-case e (delete-directory "d") (file-error (list (car e) (nth 2 e))))',
  '(progn (make-symbolic-link "h" "d/l") (list (file-symlink-p "d/l") (file-exists-p "d/l") (file-relative-name (file-truename "d/l")) (file-regular-p "d/l")))',
  '(condition-case e (make-directory "d") (file-error (car e)))',
  '(condition-case e (copy-file "d/h" "d/l") (file-error (car e)))',
  '(progn (make-symbolic-link "loop2" "loop1") (make-symbolic-link "loop1" "loop2") (condition-case e (with-temp-buffer (insert-file-contents "loop1")) (file-error (list (car e) (nth 2 e)))))',
  '(progn (set-file-modes "d/h" #o600) (list (file-modes "d/h") (file-readable-p "d/h") (file-newer-than-file-p "d/h" "nope")))',
  '(progn (write-region "more" nil "d/h" t 0) (with-temp-buffer (insert-file-contents "d/h") (buffer-string)))',
  '(progn (delete-directory "d" t) (file-exists-p "d"))',
  '(condition-case e (delete-directory "nope") (file-error (list (car e) (nth 2 e))))',
  '(condition-case e (directory-files "nope") (file-error (list (car e) (nth 2 e))))',
  '(list (file-name-absolute-p default-directory) (file-directory-p default-directory) (file-exists-p "~/"))',
];

test('file operations on the in-memory store give what the CLI gives on a disk', () => {
  const cli = join(repoRoot, 'dist', 'tsmacs.cjs');
  assert.ok(existsSync(cli), 'dist/ is not built: run npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-bhost-'));
  let expected: string[];
  try {
    const prog = `(progn ${FORMS.map((f) => `(prin1 ${f}) (princ "\\n;;\\n")`).join(' ')})`;
    const r = spawnSync(process.execPath, ['--stack-size=6000', cli, '--batch', '--eval', prog], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    expected = r.stdout.split('\n;;\n').slice(0, FORMS.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const t = BrowserTsmacs.start({ image: readFileSync(defaultTestDump()), stdout: () => {}, stderr: () => {} });
  const got = FORMS.map((f) => {
    const r = t.evaluate(f);
    return r.ok ? r.value : `ERROR ${r.error}`;
  });
  assert.deepEqual(got, expected);
});

test('library files are listed without being read, fetched once on first use', () => {
  const files: Record<string, number> = {};
  for (const n of readdirSync(join(repoRoot, 'lisp'))) files[`lisp/${n}`] = statSync(join(repoRoot, 'lisp', n)).size;
  const fetched: string[] = [];
  const out: string[] = [];
  const t = BrowserTsmacs.start({
    image: readFileSync(defaultTestDump()), files,
    fetchFile: (rel) => {
      fetched.push(rel);
      return rel === 'lisp/ring.el' || rel === 'lisp/ring.elc' ? null : readFileSync(join(repoRoot, rel));
    },
    stdout: (b) => out.push(new TextDecoder().decode(b)), stderr: () => {},
  });
  assert.deepEqual(fetched, []);
  const r = t.evaluate("(require 'seq) (list (seq-uniq '(1 2 2 3)) (file-attribute-size (file-attributes (locate-library \"seq\"))))");
  // The build's compiled seq.elc when there is one (scripts/build-elc.mjs), as load prefers it.
  const seq = files['lisp/seq.elc'] !== undefined ? 'lisp/seq.elc' : 'lisp/seq.el';
  assert.deepEqual(r, { ok: true, value: `((1 2 3) ${files[seq]})` });
  assert.deepEqual(fetched.filter((f) => f === seq), [seq]);
  t.evaluate("(require 'seq)");
  assert.equal(fetched.filter((f) => f === seq).length, 1);
  // A file the server cannot give is an error Lisp can catch, not a crash.
  const bad = t.evaluate("(condition-case e (require 'ring) (file-error (car e)))");
  assert.equal(bad.ok, true);
  assert.match(bad.ok ? bad.value : '', /^file-/);
});

test('kill-emacs ends the runtime, not the process; print output streams out', () => {
  const out: string[] = [];
  const t = BrowserTsmacs.start({ image: readFileSync(defaultTestDump()), stdout: (b) => out.push(new TextDecoder().decode(b)), stderr: () => {} });
  assert.deepEqual(t.evaluate('(princ "x") (kill-emacs 7)'), { ok: false, error: 'tsmacs exited with status 7', symbol: 'kill-emacs' });
  assert.equal(out.join(''), 'x');
  assert.equal(t.exited, 7);
  assert.equal(t.evaluate('1').ok, false);
});

test('an incomplete form is a reader error; blank text and comments give nil', () => {
  const t = BrowserTsmacs.start({ image: readFileSync(defaultTestDump()), stdout: () => {}, stderr: () => {} });
  assert.deepEqual(t.evaluate('(+ 1'), { ok: false, error: 'End of file during parsing', symbol: 'end-of-file' });
  assert.deepEqual(t.evaluate(' ;; only a comment\n'), { ok: true, value: 'nil' });
  assert.deepEqual(t.evaluate('1 2 ;; last\n 3 ; done'), { ok: true, value: '3' });
  assert.deepEqual(t.evaluate('(throw \'tag 1)'), { ok: false, error: 'No catch for tag: tag, 1', symbol: 'no-catch' });
});

test('MemoryFS: errno codes as node:fs gives them', () => {
  const fs = new MemoryFS(() => null, () => 0);
  fs.mkdirs('/a/b');
  fs.writeFile('/a/b/f', new Uint8Array([1, 2, 3]));
  const code = (fn: () => void): string => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof FsError);
      return e.code;
    }
    return 'none';
  };
  assert.equal(code(() => fs.writeFile('/a/b/f', new Uint8Array(), true)), 'EEXIST');
  assert.equal(code(() => fs.mkdir('/a/b', 0o755)), 'EEXIST');
  assert.equal(code(() => fs.rmdir('/a')), 'ENOTEMPTY');
  assert.equal(code(() => fs.listDirectory('/a/b/f')), 'ENOTDIR');
  assert.equal(code(() => fs.writeFile('/a/b/f/x', new Uint8Array())), 'ENOTDIR');
  assert.equal(code(() => fs.unlink('/a')), 'EISDIR');
  assert.equal(code(() => fs.writeFile('/nodir/x', new Uint8Array())), 'ENOENT');
  assert.equal(fs.readFile('/a'), null);
  assert.equal(fs.lastError, 'Is a directory');
  assert.deepEqual([...fs.readFile('/a/../a/./b//f')!], [1, 2, 3]);
  assert.deepEqual(fs.listDirectory('/a/b'), ['.', '..', 'f']);
  // A lazily listed file whose fetch fails reads as unreadable, and is asked for again later.
  fs.addFile('/lazy', null, 10);
  assert.equal(fs.readFile('/lazy'), null);
  assert.equal(fs.lastError, 'Permission denied');
});

test("the browser's zone as a POSIX TZ string gives the zone file's local times through 2026", () => {
  const cli = join(repoRoot, 'dist', 'tsmacs.cjs');
  // Every 3601 seconds through 2026 (the minutes drift, so every change is approached closely).
  const times = (fmt: string): string => `(let (out) (dotimes (i 8760) (push (format-time-string "${fmt}" (+ 1767225600 (* i 3601))) out)) (mapconcat #'identity (nreverse out) "|"))`;
  // Lord Howe's half-hour summer time is checked without %Z: tzdata names it "+11", Intl "LHDT".
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'Europe/London', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'UTC']) {
    const form = times(zone === 'Australia/Lord_Howe' ? '%F %T %z' : '%F %T %Z %z');
    const tz = posixTzFor(zone, 2026);
    assert.ok(tz !== null, zone);
    const r = spawnSync(process.execPath, ['--stack-size=6000', cli, '--batch', '--eval', `(princ ${form})`], { encoding: 'utf8', env: { ...process.env, TZ: zone } });
    assert.equal(r.status, 0, r.stderr);
    const t = BrowserTsmacs.start({ image: readFileSync(defaultTestDump()), stdout: () => {}, stderr: () => {}, env: { TZ: tz } });
    const got = t.evaluate(form);
    assert.ok(got.ok);
    assert.equal(JSON.parse(got.value), r.stdout, `${zone} as ${tz}`);
  }
});

test('load-average: a host without load averages gives GNU\'s error for such systems', () => {
  const t = BrowserTsmacs.start({ image: readFileSync(defaultTestDump()), stdout: () => {}, stderr: () => {} });
  assert.deepEqual(t.evaluate('(condition-case e (load-average) (error e))'), { ok: true, value: '(error "load-average not implemented for this operating system")' });
});
