;;; backtrace.el --- active calls as data  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Only the
;; frame objects are here (ERT keeps a failed test's calls as a list of
;; them); GNU's `backtrace-mode' buffer is not.

(require 'cl-lib)

(cl-defstruct (backtrace-frame (:constructor backtrace-make-frame))
  "One active call: EVALD is nil for a special form, FUN the function or
form's head, ARGS its arguments, FLAGS a property list, LOCALS the
variables it bound, BUFFER and POS where it was printed."
  evald fun args flags locals buffer pos)

(defun backtrace-get-frames (&optional base) "Return the active calls as `backtrace-frame' objects, innermost first.
BASE, a function, skips the calls above the innermost call of it; by
default, the calls of this function and those it makes are skipped."
  (let ((frames nil))
    (mapbacktrace (lambda (evald fun args flags)
                    (push (backtrace-make-frame :evald evald :fun fun
                                                :args args :flags flags)
                          frames))
                  (or base #'backtrace-get-frames))
    (let ((found (nreverse frames)))
      (if base found (cdr found)))))

(provide 'backtrace)
