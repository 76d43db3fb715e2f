;;; backtrace.el --- active calls as data  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Only the
;; frame objects are here (ERT keeps a failed test's calls as a list of
;; them); GNU's `backtrace-mode' buffer is not.

(require 'cl-lib)

(cl-defstruct (backtrace-frame (:constructor backtrace-make-frame))
  "One active call: EVALD is nil for a special form, FUN the function or
form's head, ARGS its arguments, FLAGS a property list, LOCALS the
variables it bound, BUFFER and POS where it was printed."
  (evald nil) (fun nil) (args nil) (flags nil) (locals nil) (buffer nil) (pos nil))

(defun backtrace-get-frames (&optional base) "Return the active calls as `backtrace-frame' objects, innermost first.
BASE, a function, skips the calls above the innermost call of it; by
default, the calls of this function and those it makes are skipped."
  (let ((raw nil))
    ;; Each call as (EVALD FUN ARGS FLAGS), outermost first.
    (mapbacktrace (lambda (&rest call) (push call raw))
                  (or base #'backtrace-get-frames))
    (let ((frames (mapcar (lambda (call)
                            (backtrace-make-frame
                             :evald (nth 0 call) :fun (nth 1 call)
                             :args (nth 2 call) :flags (nth 3 call)))
                          (nreverse raw))))
      (if base frames (cdr frames)))))

(provide 'backtrace)
