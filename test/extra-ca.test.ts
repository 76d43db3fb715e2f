// NODE_EXTRA_CA_CERTS under the tsmacs command (scripts/launcher.template.cjs): the first line starts
// Node with the variable empty, so Node parses no certificates at start, and the launcher puts the
// value back before Lisp reads the environment. What a user can see must not change: getenv,
// process-environment (its order too), and the environment of every child, whose own Node still
// trusts the file's certificates. Each start here runs dist/tsmacs.cjs as an executable, through its
// first line, as the installed command runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/runtime.ts';

const launcher = join(repoRoot, 'dist', 'tsmacs.cjs');
const lispString = (s: string) => JSON.stringify(s);

/** The environment without the variables these tests set. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'NODE_EXTRA_CA_CERTS' && k !== 'TSM_CA') env[k] = v;
  env.TSMACS_GC_STRESS = '';
  return env;
}

/** Run the launcher as the command runs (the kernel reads its first line), or through COMMAND. */
function tsmacs(env: Record<string, string>, form: string, command?: string[]) {
  const r = command !== undefined
    ? spawnSync(command[0]!, [...command.slice(1), launcher, '--batch', '--eval', form], { encoding: 'utf8', env })
    : spawnSync(launcher, ['--batch', '--eval', form], { encoding: 'utf8', env });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

// What Lisp sees, what its children get (call-process and make-process), and what the Node process
// itself was started with (its /proc/PID/environ, read by a child: tsmacs reads procfs files as empty).
// process-environment is the environment's entries last first, as GNU's; SORTED sorts them (a shell
// passes its exports on in an order of its own).
const probe = (sorted: boolean) => `(let ((sorted ${sorted ? 't' : 'nil'}) (show "printf '%s|%s' \\"\${NODE_EXTRA_CA_CERTS-unset}\\" \\"\${TSM_CA-unset}\\"")
       (names (mapcar (lambda (e) (substring e 0 (string-match "=" e))) process-environment)))
  (prin1 (list (getenv "NODE_EXTRA_CA_CERTS") (getenv "TSM_CA")
               (seq-filter (lambda (n) (member n '("A_BEFORE" "NODE_EXTRA_CA_CERTS" "Z_AFTER" "TSM_CA"))) (if sorted (sort names #'string<) names))
               (with-temp-buffer (call-process "sh" nil t nil "-c" show) (buffer-string))
               (let* ((out "") (p (make-process :name "env" :command (list "sh" "-c" show) :noquery t
                                                :filter (lambda (_p s) (setq out (concat out s))))))
                 (while (accept-process-output p 5)) out)
               (with-temp-buffer
                 (call-process "sh" nil t nil "-c" (format "tr '\\\\0' '\\\\n' < /proc/%d/environ | grep -E '^(NODE_EXTRA_CA_CERTS|TSM_CA)='" (emacs-pid)))
                 (buffer-string)))))`;

/** An environment with A_BEFORE, then NODE_EXTRA_CA_CERTS when VALUE is given, then Z_AFTER. */
function envWith(value?: string): Record<string, string> {
  const env: Record<string, string> = { A_BEFORE: '1' };
  if (value !== undefined) env.NODE_EXTRA_CA_CERTS = value;
  return { ...env, ...baseEnv(), Z_AFTER: '1' };
}

test('through the first line, Node starts with NODE_EXTRA_CA_CERTS empty and Lisp, call-process and make-process see it as it was set', () => {
  const file = '/etc/ssl/certs/ca-certificates.crt';
  const set = tsmacs(envWith(file), probe(false));
  assert.deepEqual(set, {
    out: `(${lispString(file)} nil ("Z_AFTER" "NODE_EXTRA_CA_CERTS" "A_BEFORE") "${file}|unset" "${file}|unset" "NODE_EXTRA_CA_CERTS=\nTSM_CA=${file}\n")`,
    err: '', code: 0,
  });
  // Unset, it stays unset everywhere; Node's own environment holds it empty (env adds both at the end).
  assert.deepEqual(tsmacs(envWith(), probe(false)), {
    out: '(nil nil ("Z_AFTER" "A_BEFORE") "unset|unset" "unset|unset" "TSM_CA=\nNODE_EXTRA_CA_CERTS=\n")', err: '', code: 0,
  });
  // A file that does not exist: Node would warn at start; nothing reads it until a TLS connection.
  const none = tsmacs(envWith('/nonexistent/ca.pem'), '(princ (getenv "NODE_EXTRA_CA_CERTS"))');
  assert.deepEqual(none, { out: '/nonexistent/ca.pem', err: '', code: 0 });
});

test('the run again under a small stack rlimit starts Node without the certificates too, and Lisp sees the variable', () => {
  const file = '/etc/ssl/certs/ca-certificates.crt';
  const form = `(progn (prin1 (list (getenv "NODE_EXTRA_CA_CERTS") (getenv "TSM_CA"))) ${probe(true)})`;
  const want = `(${lispString(file)} nil)(${lispString(file)} nil ("A_BEFORE" "NODE_EXTRA_CA_CERTS" "Z_AFTER") "${file}|unset" "${file}|unset" "NODE_EXTRA_CA_CERTS=\nTSM_CA=${file}\n")`;
  // Through the first line, and as `node --stack-size=6000 dist/tsmacs.cjs` (which has the variable
  // set in Node's environment: the run again moves it as the first line does).
  for (const how of ['"$1" --batch --eval "$2"', 'exec "$0" --stack-size=6000 "$1" --batch --eval "$2"']) {
    const r = spawnSync('sh', ['-c', `ulimit -s 4096 && ${how}`, process.execPath, launcher, form], { encoding: 'utf8', env: envWith(file) });
    assert.deepEqual({ out: r.stdout, err: r.stderr, code: r.status }, { out: want, err: '', code: 0 }, how);
  }
});

test('a child Node of call-process still trusts a certificate authority that only NODE_EXTRA_CA_CERTS names', async (t) => {
  if (spawnSync('openssl', ['version']).status !== 0) {
    t.skip('no openssl to make the certificates');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-ca-'));
  const ssl = (...args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  // A certificate authority of the test's own, and a server certificate for 127.0.0.1 signed by it.
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=tsmacs test CA');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
  assert.ok(existsSync(join(dir, 'server.pem')));
  // The server runs in a process of its own (the test waits on tsmacs synchronously).
  const serverCode = `const tls = require('node:tls'), fs = require('node:fs');
    const s = tls.createServer({ key: fs.readFileSync('server.key'), cert: fs.readFileSync('server.pem') }, (c) => c.end('hello over tls'));
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
  const server = spawn(process.execPath, ['-e', serverCode], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      server.once('exit', () => reject(new Error('the TLS server exited')));
    });
    const client = `const s = require('node:tls').connect({ host: '127.0.0.1', port: ${port} }, () => s.on('data', (d) => process.stdout.write(String(s.authorized) + ' ' + d)));
      s.on('error', (e) => process.stdout.write(e.code));`;
    const form = `(with-temp-buffer (call-process ${lispString(process.execPath)} nil t nil "-e" ${lispString(client)}) (princ (buffer-string)))`;
    assert.deepEqual(tsmacs(envWith(join(dir, 'ca.pem')), form), { out: 'true hello over tls', err: '', code: 0 });
    // Without the file the same client refuses the server: the trust came from the variable.
    assert.deepEqual(tsmacs(envWith(), form), { out: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', err: '', code: 0 });
  } finally {
    server.kill();
    rmSync(dir, { recursive: true });
  }
});

test('the installed command\'s first line and the forwarder\'s are the same', () => {
  const first = (f: string) => readFileSync(join(repoRoot, 'dist', f), 'latin1').split('\n', 1)[0];
  assert.equal(first('tsmacs.cjs'), '#!/usr/bin/env -S TSM_CA=${NODE_EXTRA_CA_CERTS} NODE_EXTRA_CA_CERTS=${TSM_CA} node --stack-size=6000 --min-semi-space-size=4');
  assert.equal(first('tsmacs.mjs'), first('tsmacs.cjs'));
  // Linux before 5.1 reads 127 bytes of a first line.
  assert.ok(first('tsmacs.cjs')!.length <= 127);
});

test('npm\'s Windows shims read the first line as assignments and then node with the flags', () => {
  // cmd-shim (npm's own copy, when npm is installed the usual way) takes `env -S VAR=TEXT ... PROG ARGS`.
  const shim = ['/usr/lib/node_modules/npm/node_modules/cmd-shim/lib/index.js', '/usr/local/lib/node_modules/npm/node_modules/cmd-shim/lib/index.js'].find(existsSync);
  if (shim === undefined) return;
  const source = readFileSync(shim, 'utf8');
  const expr = /const shebangExpr = (\/.*\/)\n/.exec(source);
  assert.ok(expr, 'cmd-shim has its shebangExpr');
  const first = readFileSync(launcher, 'latin1').split('\n', 1)[0]!;
  const [, body, flags] = /^\/(.*)\/(\w*)$/.exec(expr[1]!)!;
  const m = first.match(new RegExp(body!, flags));
  assert.ok(m);
  assert.deepEqual([m[1]!.trim(), m[2], m[3]!.trim()],
    ['TSM_CA=${NODE_EXTRA_CA_CERTS} NODE_EXTRA_CA_CERTS=${TSM_CA}', 'node', '--stack-size=6000 --min-semi-space-size=4']);
});
