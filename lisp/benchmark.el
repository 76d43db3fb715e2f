;;; benchmark.el --- time how long Lisp takes to run  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Timings are lists (SECONDS GC-COUNT GC-SECONDS): wall-clock seconds, how
;; many garbage collections ran meanwhile (`gcs-done') and the seconds they
;; took (`gc-elapsed').  A count of repetitions is run at least once, and the
;; time of an empty loop of that many turns is taken off the result.

(defun benchmark--since (start) "Seconds from START, a time value, to now, as a float."
  (float-time (time-since start)))

(defun benchmark-call (func &optional repetitions) "Time calls of FUNC, a function of no arguments.
REPETITIONS nil means one call; an integer, that many calls (the time
an empty loop of as many turns takes is taken off); a float, as many
calls as fit in that many seconds.
Give (SECONDS GC-COUNT GC-SECONDS), the total time, the number of
garbage collections that ran and the time they took, or for a float
REPETITIONS (CALLS SECONDS GC-COUNT GC-SECONDS)."
  (let ((gc-count gcs-done)
        (gc-time gc-elapsed))
    (if (floatp repetitions)
        (let ((calls 0)
              (begun (current-time))
              (spent 0.0))
          (while (progn (funcall func)
                        (setq calls (1+ calls)
                              spent (benchmark--since begun))
                        (< spent repetitions)))
          (list calls spent (- gcs-done gc-count) (- gc-elapsed gc-time)))
      (let* ((turns (or repetitions 1))
             (left turns)
             (begun (current-time))
             spent)
        (while (progn (funcall func) (> (setq left (1- left)) 0)))
        (setq spent (benchmark--since begun))
        ;; The bare loop, timed over as many turns, is the overhead.
        (let ((idle (current-time)))
          (setq left turns)
          (while (> (setq left (1- left)) 0))
          (setq spent (- spent (benchmark--since idle))))
        (list spent (- gcs-done gc-count) (- gc-elapsed gc-time))))))

(defun benchmark--split (args) "Split ARGS, the arguments of `benchmark-run', into (REPETITIONS . FORMS).
Only a natural number or a non-nil symbol counts as the repetitions;
anything else is the first form and the count is 1."
  (let ((first (car args)))
    (if (or (natnump first) (and first (symbolp first)))
        (cons first (cdr args))
      (cons 1 args))))

(defmacro benchmark-run (&optional count &rest body) "Time FORMS run REPETITIONS times (once when omitted), with `benchmark-call'.
REPETITIONS is taken as the count only when it is a natural number or a
variable; otherwise it is the first of the forms.
Give (SECONDS GC-COUNT GC-SECONDS): the elapsed time less the time of an
empty loop, the number of garbage collections and their time.
See also `benchmark-run-compiled'.

\(fn &optional REPETITIONS &rest FORMS)"
  (declare (debug t) (indent 1))
  (let ((how (benchmark--split (cons count body))))
    (list 'benchmark-call (cons 'lambda (cons nil (cdr how))) (car how))))

(defmacro benchmark-run-compiled (&optional count &rest body) "As `benchmark-run', with FORMS compiled first by `byte-compile'.

\(fn &optional REPETITIONS &rest FORMS)"
  (declare (debug t) (indent 1))
  (let* ((how (benchmark--split (cons count body)))
         (fn (cons 'lambda (cons nil (cdr how)))))
    (list 'benchmark-call (list 'byte-compile (list 'quote fn)) (car how))))

(defmacro benchmark-elapse (&rest forms) "Run FORMS once and give the seconds they took, a float."
  (declare (debug t) (indent 0))
  (let ((mark 't1))
    (cons 'let (cons (list (list mark '(current-time)))
                     (append forms (list (list 'float-time (list 'time-since mark))))))))

(defun benchmark--report (seconds gc-count gc-seconds) "The form that shows SECONDS of run time and the collections, GC-COUNT taking GC-SECONDS."
  (let ((test (list '> gc-count 0))
        (with-gc (list 'format " (%fs in %d GCs)" gc-seconds gc-count)))
    (list 'message "Elapsed time: %fs%s" seconds (list 'if test with-gc ""))))

(defmacro benchmark-progn (&rest body) "Run BODY, show how long it took with `message', and give its value.
The message is \"Elapsed time: SECONDSs\", followed by the garbage
collections' time and count when any ran."
  (declare (debug body) (indent 0))
  (let ((before '((gc gc-elapsed) (gcs gcs-done) (start (current-time)))))
    (list 'let (append before (list (list 'value (cons 'progn body))))
          (benchmark--report '(float-time (time-since start)) '(- gcs-done gcs) '(- gc-elapsed gc))
          'value)))

(defun benchmark (repetitions form) "Evaluate FORM REPETITIONS times and show the time it took.
Interactively REPETITIONS is the prefix argument and FORM is read in
the minibuffer.  The message, also the value, reads \"Elapsed time:
SECONDSs\" and, when garbage collections ran, their time and count."
  (interactive "p\nxForm: ")
  (let ((timing (benchmark-call (eval (list 'lambda nil form) t) repetitions)))
    ;; The report's form, of three numbers, evaluates to the message.
    (eval (apply #'benchmark--report timing) t)))

(provide 'benchmark)
