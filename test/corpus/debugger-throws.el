;; A custom `debugger' that throws: the throw leaves the debugger and the failing code, no handler runs (a file of its own: batch GNU calls the debugger once per session).
(defvar dbg-log nil)
(let ((debug-on-error t) (debugger (lambda (&rest a) (push a dbg-log) (throw 'dbg-k 9)))) (list (catch 'dbg-k (condition-case e (car 1) ((debug error) (push (list 'handled e) dbg-log) e))) dbg-log))
(let ((debug-on-error t) (debugger (lambda (&rest a) (push a dbg-log) (throw 'dbg-k 9)))) (list (catch 'dbg-k (condition-case e (car 2) ((debug error) (push (list 'handled e) dbg-log) e))) dbg-log))
