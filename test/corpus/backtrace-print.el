;; `backtrace' prints the active calls to standard-output as the batch debugger shows frames; an apply frame shows a one-element last list spread, as GNU's.
(progn (defun btc-mid (_a _b buf) (let ((standard-output buf)) (backtrace))) (defun btc-outer (&rest xs) (apply #'btc-mid 1 xs)) (defun btc-lines () (with-current-buffer "btc-out" (goto-char (point-min)) (prog1 (buffer-substring-no-properties (point-min) (progn (search-forward "btc-outer(") (line-end-position))) (erase-buffer)))) (get-buffer-create "btc-out") 'ok)
(progn (btc-outer 2 (get-buffer "btc-out")) (btc-lines))
(progn (btc-outer (make-string 120 ?x) (get-buffer "btc-out")) (btc-lines))
(progn (let ((print-length 1) (print-level 1)) (btc-outer '(1 (2 (3)) 4 5) (get-buffer "btc-out"))) (btc-lines))
(progn (btc-outer "tab\there\nnewline" (get-buffer "btc-out")) (btc-lines))
(list (func-arity 'backtrace) (commandp 'backtrace) (let ((standard-output (get-buffer "btc-out"))) (backtrace)))
(progn (defun btc-k (&rest _) (let (r) (mapbacktrace (lambda (_e f a _fl) (when (eq f 'apply) (push a r)))) r)) (list (apply #'btc-k '(7)) (apply #'btc-k 1 2 '(3)) (apply #'btc-k '((8))) (funcall #'apply #'btc-k 1 '(2)) (apply #'btc-k 1 '(nil)) (apply #'btc-k 1 '(2 3)) (apply #'btc-k 5 nil)))
(progn (defun btc-j (&rest _) (backtrace-frame 1 'btc-j)) (list (apply #'btc-j 1 '(2 3)) (apply #'btc-j 1 '(2))))
