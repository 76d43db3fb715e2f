;;; proc-timer-tests.el --- subprocesses and timers as packages use them -*- lexical-binding: t -*-

;; Written for tsmacs: the patterns packages follow with processes and timers
;; (collect a command's output, talk to a filter program, wait for a sentinel,
;; time out a wait), checked under GNU Emacs 28.2 and tsmacs alike.

(require 'ert)

(defun ptt--wait (proc)
  "Wait until PROC has ended and its sentinel has run."
  (while (process-live-p proc)
    (accept-process-output proc 0.05))
  (sleep-for 0.01)
  proc)

(defmacro ptt--with-buffer (var &rest body)
  (declare (indent 1))
  `(let ((,var (generate-new-buffer " *ptt*")))
     (unwind-protect (progn ,@body)
       (kill-buffer ,var))))

(ert-deftest ptt-call-process-into-buffer ()
  (with-temp-buffer
    (should (eq 0 (call-process "printf" nil t nil "%s-%s" "a" "b")))
    (should (equal (buffer-string) "a-b"))))

(ert-deftest ptt-call-process-exit-codes ()
  (should (eq 0 (call-process "true")))
  (should (eq 1 (call-process "false")))
  (should (eq 7 (call-process "sh" nil nil nil "-c" "exit 7")))
  (should (equal "Killed" (call-process "sh" nil nil nil "-c" "kill -9 $$"))))

(ert-deftest ptt-call-process-missing-program ()
  (should-error (call-process "ptt-no-such-program-anywhere") :type 'file-missing)
  (should (null (executable-find "ptt-no-such-program-anywhere"))))

(ert-deftest ptt-call-process-stderr-separated ()
  (let ((file (make-temp-file "ptt-err")))
    (unwind-protect
        (with-temp-buffer
          (call-process "sh" nil (list t file) nil "-c" "echo out; echo err >&2")
          (should (equal (buffer-string) "out\n"))
          (should (equal (with-temp-buffer (insert-file-contents file) (buffer-string))
                         "err\n")))
      (delete-file file))))

(ert-deftest ptt-call-process-region-filter ()
  (with-temp-buffer
    (insert "banana\napple\ncherry\n")
    (call-process-region (point-min) (point-max) "sort" t t)
    (should (equal (buffer-string) "apple\nbanana\ncherry\n"))))

(ert-deftest ptt-utf-8-output ()
  (let ((s (shell-command-to-string "printf '\\303\\251t\\303\\251'")))
    (should (equal s "été"))
    (should (multibyte-string-p s))
    (should (= (length s) 3))))

(ert-deftest ptt-process-lines ()
  (should (equal (process-lines "printf" "x\\ny\\n") '("x" "y")))
  (should-error (process-lines "false")))

(ert-deftest ptt-environment-and-directory ()
  (let ((process-environment (cons "PTT_VALUE=42" process-environment))
        (default-directory "/"))
    (should (equal (shell-command-to-string "echo $PTT_VALUE; pwd") "42\n/\n"))))

(ert-deftest ptt-async-output-and-sentinel ()
  (ptt--with-buffer buf
    (let* ((events nil)
           (proc (make-process :name "ptt-echo" :buffer buf :noquery t
                               :command '("sh" "-c" "echo hello; exit 3")
                               :sentinel (lambda (_p e) (push e events)))))
      (ptt--wait proc)
      (should (equal (with-current-buffer buf (buffer-string)) "hello\n"))
      (should (eq (process-status proc) 'exit))
      (should (= (process-exit-status proc) 3))
      (should (equal events '("exited abnormally with code 3\n")))
      (should-not (memq proc (process-list))))))

(ert-deftest ptt-async-filter-conversation ()
  (let* ((chunks nil)
         (proc (make-process :name "ptt-cat" :noquery t :connection-type 'pipe
                             :command '("cat")
                             :filter (lambda (_p s) (push s chunks)))))
    (process-send-string proc "ping\n")
    (while (not (string-search "\n" (apply #'concat chunks)))
      (accept-process-output proc 1))
    (should (equal (apply #'concat (nreverse chunks)) "ping\n"))
    (process-send-eof proc)
    (ptt--wait proc)
    (should (equal (process-status proc) 'exit))))

(ert-deftest ptt-kill-process ()
  (let* ((events nil)
         (proc (make-process :name "ptt-sleep" :noquery t :command '("sleep" "30")
                             :sentinel (lambda (_p e) (push e events)))))
    (should (process-live-p proc))
    (kill-process proc)
    (ptt--wait proc)
    (should (eq (process-status proc) 'signal))
    (should (equal events '("killed\n")))))

(ert-deftest ptt-process-properties ()
  (let ((proc (make-process :name "ptt-props" :noquery t :command '("sleep" "30"))))
    (unwind-protect
        (progn
          (process-put proc 'role 'worker)
          (should (eq (process-get proc 'role) 'worker))
          (should (eq (get-process "ptt-props") proc))
          (should (equal (process-command proc) '("sleep" "30"))))
      (delete-process proc))
    (should-not (process-live-p proc))))

(ert-deftest ptt-timer-runs-while-waiting ()
  (let ((ran nil))
    (run-at-time 0.01 nil (lambda () (setq ran t)))
    (should-not ran)
    (sleep-for 0.05)
    (should ran)))

(ert-deftest ptt-repeating-timer ()
  (let* ((count 0)
         (timer (run-with-timer 0.01 0.01 (lambda () (setq count (1+ count))))))
    (unwind-protect
        (while (< count 3) (sleep-for 0.01))
      (cancel-timer timer))
    (should (>= count 3))
    (should-not (memq timer timer-list))))

(ert-deftest ptt-cancelled-timer-stays-quiet ()
  (let* ((ran nil)
         (timer (run-at-time 0.01 nil (lambda () (setq ran t)))))
    (cancel-timer timer)
    (sleep-for 0.03)
    (should-not ran)))

(ert-deftest ptt-with-timeout ()
  (should (eq (with-timeout (0.02 'gave-up) (sleep-for 5) 'done) 'gave-up))
  (should (eq (with-timeout (5 'gave-up) 'done) 'done)))

(ert-deftest ptt-with-timeout-on-process ()
  (let ((proc (make-process :name "ptt-slow" :noquery t :command '("sleep" "30"))))
    (unwind-protect
        (should (eq (with-timeout (0.05 'timed-out)
                      (while (process-live-p proc) (accept-process-output proc))
                      'finished)
                    'timed-out))
      (delete-process proc))))

(ert-deftest ptt-idle-timers-wait-in-batch ()
  (let* ((ran nil)
         (timer (run-with-idle-timer 0 nil (lambda () (setq ran t)))))
    (unwind-protect
        (progn (sleep-for 0.02) (sit-for 0.01))
      (cancel-timer timer))
    (should-not ran)))

(ert-deftest ptt-sit-for-returns-t ()
  (should (eq (sit-for 0.01) t))
  (should (eq (sit-for 0) t)))

;;; proc-timer-tests.el ends here
