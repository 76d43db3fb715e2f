// Network processes on localhost (ports chosen by the system): bulk text both ways through an echo
// listener, several clients at once, a host without sockets, and a dump holding a live listener.

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

const ECHO = `(progn
  (defun nt-wait (pred) (let ((n 0)) (while (and (not (funcall pred)) (< n 400)) (accept-process-output nil 0.05) (setq n (1+ n)))))
  (setq nt-srv (make-network-process :name "echo" :server t :host 'local :service t :family 'ipv4 :noquery t
                 :filter (lambda (p s) (process-send-string p s)))))`;

test('bulk multibyte text goes through an echo listener and back whole, in order, whatever the chunks', () => {
  const rt = lispRuntime();
  run(rt, ECHO);
  const out = run(rt, `(let* ((text (apply #'concat (mapcar (lambda (i) (format "%d:é€😀 line %d\\n" i i)) (number-sequence 1 20000))))
         (got nil)
         (c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact nt-srv :service) :noquery t
              :filter (lambda (_p s) (push s got)))))
    (process-send-string c text)
    (nt-wait (lambda () (>= (apply #'+ (mapcar #'length got)) (length text))))
    (prog1 (list (equal (apply #'concat (nreverse got)) text) (length text) (process-status c))
      (delete-process c) (delete-process nt-srv)))`);
  assert.equal(out, '(t 397788 open)');
});

test('several clients at once each hear only their own echo; the listener sees each connection open and close', () => {
  const rt = lispRuntime();
  run(rt, ECHO);
  const out = run(rt, `(let ((log nil) (clients nil))
    (set-process-sentinel nt-srv (lambda (p e) (push (substring e 0 4) log)))
    (dotimes (i 5)
      (let ((c (make-network-process :name (format "c%d" i) :host 'local :service (process-contact nt-srv :service)
                 :noquery t :buffer (generate-new-buffer (format "c%d" i)))))
        (push c clients)
        (process-send-string c (make-string 1000 (+ ?a i)))))
    (nt-wait (lambda () (seq-every-p (lambda (c) (with-current-buffer (process-buffer c) (= (buffer-size) 1000))) clients)))
    (let ((texts (mapcar (lambda (c) (with-current-buffer (process-buffer c) (buffer-string))) (reverse clients))))
      (mapc #'delete-process clients)
      (nt-wait (lambda () (= (length log) 10)))
      (prog1 (list (seq-every-p (lambda (i) (equal (nth i texts) (make-string 1000 (+ ?a i)))) (number-sequence 0 4))
                   (sort log #'string<))
        (delete-process nt-srv))))`);
  assert.equal(out, '(t ("conn" "conn" "conn" "conn" "conn" "open" "open" "open" "open" "open"))');
});

test('a host without sockets: network processes are a Lisp error, other processes still work', () => {
  const host = capturingHost();
  if (host.processes) host.processes = { ...host.processes, net: undefined };
  const rt = lispRuntime(host);
  assert.equal(run(rt, `(condition-case e (make-network-process :name "x" :server t :service t) (error e))`),
    '(error "Network processes are not supported on this host")');
  assert.equal(run(rt, '(process-lines "echo" "ok")'), '("ok")');
});

test('a dump made with a live listener loads without it; the dumped object answers as closed', () => {
  const rt = lispRuntime();
  const dir = mkdtempSync(join(tmpdir(), 'tsmacs-net-'));
  const file = join(dir, 'n.pdmp');
  run(rt, `(progn (setq nt-l (make-network-process :name "l" :server t :host 'local :service t :noquery t))
                  (dump-emacs-portable ${JSON.stringify(file)}))`);
  run(rt, '(delete-process nt-l)');
  const rt2 = loadDump(capturingHost(), file);
  verifyHeap(rt2);
  assert.equal(run(rt2, '(list (process-list) (process-status nt-l) (process-live-p nt-l) (process-type nt-l))'), '(nil closed nil network)');
});
