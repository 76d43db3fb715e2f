;;; byte-run.el --- the definers: defmacro, defun, declare  -*- lexical-binding: t -*-

;; Written for tsmacs.  Everything else in lisp/ is defined with these.

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Define NAME as a macro taking ARGLIST and expanding with BODY."
            (list 'defalias (list 'quote name)
                  (list 'cons ''macro
                        (list 'function
                              (cons 'lambda
                                    (cons arglist
                                          (byte-run--strip-declare body)))))))))

(defalias 'byte-run--strip-declare
  #'(lambda (body)
      "Return BODY without its `declare' form, keeping a leading docstring."
      (let ((doc (if (and (stringp (car body)) (cdr body)) (list (car body)) nil))
            (rest (if (and (stringp (car body)) (cdr body)) (cdr body) body)))
        (if (and (consp (car rest)) (eq (car (car rest)) 'declare))
            (progn
              (byte-run--apply-declare (cdr (car rest)))
              (append doc (cdr rest)))
          (append doc rest)))))

(defalias 'byte-run--apply-declare
  #'(lambda (_specs)
      "Declarations (indent, debug, doc-string...) only guide tools: nothing to do."
      nil))

(defmacro defun (name arglist &rest body)
  "Define NAME as a function taking ARGLIST with BODY."
  (list 'defalias (list 'quote name)
        (list 'function (cons 'lambda (cons arglist (byte-run--strip-declare body))))))

(defmacro declare (&rest _specs)
  "Do not evaluate any arguments, and return nil."
  nil)

(defmacro defsubst (name arglist &rest body)
  "Define an inline function; here simply a function."
  (cons 'defun (cons name (cons arglist body))))

(defmacro eval-when-compile (&rest body)
  "Evaluate BODY now (there is no compiler) and return its value quoted."
  (list 'quote (eval (cons 'progn body) lexical-binding)))

(defmacro eval-and-compile (&rest body)
  "Like `progn': there is no compiler."
  (cons 'progn body))

(defmacro dont-compile (&rest body)
  "Like `progn'."
  (cons 'progn body))

(defun make-obsolete (obsolete-name current-name when)
  "Record OBSOLETE-NAME as obsolete, replaced by CURRENT-NAME."
  (put obsolete-name 'byte-obsolete-info (list current-name nil when))
  obsolete-name)

(defmacro define-obsolete-function-alias (obsolete-name current-name when &optional docstring)
  "Make OBSOLETE-NAME an obsolete alias for CURRENT-NAME."
  (list 'progn
        (list 'defalias obsolete-name current-name docstring)
        (list 'make-obsolete obsolete-name current-name when)))

(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Record OBSOLETE-NAME as an obsolete variable."
  (put obsolete-name 'byte-obsolete-variable (list current-name access-type when))
  obsolete-name)

(defmacro define-obsolete-variable-alias (obsolete-name current-name when &optional docstring)
  "Make OBSOLETE-NAME a variable alias for CURRENT-NAME."
  (list 'progn
        (list 'defvaralias obsolete-name current-name docstring)
        (list 'make-obsolete-variable obsolete-name current-name when)))

(defmacro with-no-warnings (&rest body)
  "Like `progn'."
  (cons 'progn body))

(defmacro with-suppressed-warnings (_warnings &rest body)
  "Like `progn'."
  (cons 'progn body))
