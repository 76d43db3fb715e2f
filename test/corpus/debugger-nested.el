;; A handler naming `debug' that catches what an inner handler signalled anew calls the debugger for the new error only (a file of its own: batch GNU calls the debugger once per session).
(defvar dbg-log nil)
(defun dbg-record (&rest args) (push args dbg-log) 'ignored)
(let ((debugger #'dbg-record) (debug-on-error t)) (condition-case e (condition-case nil (car 1) (wrong-type-argument (signal 'arith-error nil))) ((debug arith-error) e)))
dbg-log
