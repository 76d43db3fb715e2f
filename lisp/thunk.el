;;; thunk.el --- delayed evaluation: thunks and lazily bound variables  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour
;; (the Elisp manual's "Deferred Eval").
;;
;; A thunk is a closure over its body and two cells: whether the body has
;; run and what it gave.  Called with no argument it runs the body the
;; first time and hands back the remembered value after that; called with
;; a non-nil argument it only tells whether the body has run.  A body that
;; signals leaves the thunk unevaluated, so forcing it again runs it again.

;; `thunk-let' expands into `cl-symbol-macrolet'.
(eval-and-compile (require 'cl-lib))

(defmacro thunk-delay (&rest body) "Make a thunk that runs BODY the first time it is forced and keeps the value." (declare (debug (def-body)))
  (let ((ran (make-symbol "thunk-ran"))
        (value (make-symbol "thunk-value")))
    `(let ((,ran nil) (,value nil))
       (lambda (&optional only-ask)
         (cond (only-ask ,ran)
               (,ran ,value)
               (t (setq ,value (progn ,@body))
                  (setq ,ran t)
                  ,value))))))

(defun thunk-force (delayed) "Run the thunk DELAYED if it has not run yet, and return its value." (funcall delayed))

(defun thunk-evaluated-p (delayed) "Non-nil when the thunk DELAYED has already run to completion." (funcall delayed t))

(defun thunk--check-binding (binding) "Signal unless BINDING has the shape (SYMBOL FORM)."
  (or (and (proper-list-p binding) (= (length binding) 2) (symbolp (car binding)))
      (signal 'error (list "Bad binding in thunk-let" binding))))

(defmacro thunk-let (bindings &rest body) "Run BODY with each (VAR FORM) of BINDINGS computed only when VAR is first used.
Every FORM is evaluated at most once, and only if its variable is read;
the variables cannot be assigned." (declare (indent 1) (debug let))
  (mapc #'thunk--check-binding bindings)
  (let ((cells (mapcar (lambda (b) (list (car b) (make-symbol (format "%s-thunk" (car b))) (cadr b)))
                       bindings)))
    `(let ,(mapcar (lambda (cell) `(,(nth 1 cell) (thunk-delay ,(nth 2 cell)))) cells)
       (cl-symbol-macrolet ,(mapcar (lambda (cell) `(,(car cell) (thunk-force ,(nth 1 cell)))) cells)
         ,@body))))

(defmacro thunk-let* (bindings &rest body) "Like `thunk-let', but each FORM of BINDINGS sees the variables bound before it." (declare (indent 1) (debug let))
  (if bindings
      `(thunk-let (,(car bindings))
         (thunk-let* ,(cdr bindings) ,@body))
    (macroexp-progn body)))

(provide 'thunk)
