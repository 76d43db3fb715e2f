// Processes and the host: a host without processes refuses with a Lisp error, a dumped live process loads as killed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingHost, lispRuntime } from './support/runtime.ts';
import { runLisp } from './support/dump-world.ts';
import { loadDump } from '../src/dump/loader.ts';
import { verifyHeap } from '../src/core/gc.ts';

const run = runLisp;

test('a host without processes: every process primitive is a Lisp error; timers and sleep-for still work', () => {
  const host = capturingHost();
  delete host.processes;
  const rt = lispRuntime(host);
  const refused = '(error "Subprocesses are not supported on this host")';
  for (const form of ['(call-process "true")', '(make-process :name "x" :command \'("true"))',
    '(shell-command-to-string "echo x")', '(process-lines "true")', '(call-process-region "x" nil "cat")']) {
    assert.equal(run(rt, `(condition-case e ${form} (error e))`), refused, form);
  }
  assert.equal(run(rt, '(let ((ran nil)) (run-at-time 0 nil (lambda () (setq ran t))) (sleep-for 0.01) ran)'), 't');
  assert.equal(run(rt, '(list (accept-process-output nil 0.01) (process-list))'), '(nil nil)');
});

test('a dump made with a live process loads with no processes; the dumped object answers as killed', () => {
  const rt = lispRuntime();
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-proc-'));
  const file = join(dir, 'p.pdmp');
  run(rt, `(progn (setq pt-proc (make-process :name "dumped" :command '("sleep" "10") :noquery t))
                  (setq pt-status-before (process-status pt-proc))
                  (dump-emacs-portable ${JSON.stringify(file)}))`);
  run(rt, '(delete-process pt-proc)');
  const rt2 = loadDump(capturingHost(), file);
  verifyHeap(rt2);
  assert.equal(run(rt2, `(list pt-status-before (process-list) (processp pt-proc) (process-status pt-proc)
    (process-exit-status pt-proc) (process-live-p pt-proc) (get-process "dumped")
    (condition-case e (process-send-string pt-proc "x") (error e)))`),
  '(run nil t signal 9 nil nil (error "Process dumped not running"))');
  // New children work in the loaded world.
  assert.equal(run(rt2, `(with-temp-buffer (list (call-process "echo" nil t nil "ok") (buffer-string)
    (let ((p (make-process :name "after" :command '("echo" "x") :noquery t :filter #'ignore)))
      (while (process-live-p p) (accept-process-output p 0.1)) (process-status p))))`), '(0 "ok\n" exit)');
});
