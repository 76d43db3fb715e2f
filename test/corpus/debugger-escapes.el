;; A custom `debugger' that signals: its error replaces the one it was called for (a file of its own: batch GNU calls the debugger once per session).
(defvar dbg-log nil)
(let ((debug-on-error t) (debugger (lambda (&rest a) (push a dbg-log) (car 5)))) (condition-case e (car 1) ((debug error) (push (list 'handled e) dbg-log) e)))
(reverse dbg-log)
