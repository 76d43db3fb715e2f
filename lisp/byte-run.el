;;; byte-run.el --- the definers: defmacro, defun, declare  -*- lexical-binding: t -*-

;; Written for tsmacs.  Everything else in lisp/ is defined with these.

;; A declaration (PROP ARGS...) in a definition turns into forms run after
;; the defalias; these tables say which forms, for functions and for macros.
(defalias 'byte-run--decl-put
  #'(lambda (prop)
      "A handler storing the declaration's argument as the function property PROP."
      #'(lambda (name _args value)
          (list 'function-put (list 'quote name) (list 'quote prop) (list 'quote value)))))

(defvar defun-declarations-alist
  (list
   (list 'indent (byte-run--decl-put 'lisp-indent-function))
   (list 'doc-string (byte-run--decl-put 'doc-string-elt))
   (list 'pure (byte-run--decl-put 'pure))
   (list 'side-effect-free (byte-run--decl-put 'side-effect-free))
   (list 'important-return-value (byte-run--decl-put 'important-return-value))
   (list 'interactive-only (byte-run--decl-put 'interactive-only))
   (list 'completion (byte-run--decl-put 'completion-predicate))
   (list 'modes (byte-run--decl-put 'command-modes))
   (list 'compiler-macro (byte-run--decl-put 'compiler-macro))
   (list 'speed #'(lambda (_name _args _value) nil))
   (list 'advertised-calling-convention
         #'(lambda (name _args value &optional _when)
             (list 'put (list 'quote name) ''advertised-calling-convention (list 'quote value))))
   (list 'obsolete
         #'(lambda (name _args new-name when)
             (list 'make-obsolete (list 'quote name) (list 'quote new-name) when))))
  "List associating function properties to their macro expansion.")

(defvar macro-declarations-alist
  (cons
   (list 'debug
         #'(lambda (name _args spec)
             (list 'progn :autoload-end
                   (list 'put (list 'quote name) ''edebug-form-spec (list 'quote spec)))))
   defun-declarations-alist)
  "List associating properties of macros to their macro expansion.")

(defalias 'byte-run--split-body
  #'(lambda (body)
      "Split BODY into (DOCSTRING-LIST DECLARATIONS REST)."
      (let ((doc (if (and (stringp (car body)) (cdr body)) (list (car body)) nil))
            (rest (if (and (stringp (car body)) (cdr body)) (cdr body) body))
            (decls nil))
        (while (and (consp (car rest)) (eq (car (car rest)) 'declare))
          (setq decls (append decls (cdr (car rest))))
          (setq rest (cdr rest)))
        (list doc decls rest))))

(defalias 'byte-run--decl-forms
  #'(lambda (name arglist decls alist)
      "The forms the declarations DECLS of NAME expand to."
      (let ((forms nil))
        (while decls
          (let ((handler (assq (car (car decls)) alist)))
            (if handler
                (let ((form (apply (car (cdr handler)) name arglist (cdr (car decls)))))
                  (if form (setq forms (cons form forms))))))
          (setq decls (cdr decls)))
        (nreverse forms))))

(defalias 'byte-run--define
  #'(lambda (name arglist body macrop)
      "The expansion of a defun or defmacro of NAME."
      (let* ((parts (byte-run--split-body body))
             (fn (list 'function (cons 'lambda (cons arglist (append (car parts) (car (cdr (cdr parts))))))))
             (def (list 'defalias (list 'quote name) (if macrop (list 'cons ''macro fn) fn)))
             (decls (byte-run--decl-forms name arglist (car (cdr parts))
                                          (if macrop macro-declarations-alist defun-declarations-alist))))
        (if decls (cons 'prog1 (cons def decls)) def))))

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Define NAME as a macro taking ARGLIST and expanding with BODY."
            (byte-run--define name arglist body t))))

(defmacro defun (name arglist &rest body)
  "Define NAME as a function taking ARGLIST with BODY."
  (byte-run--define name arglist body nil))

(defun function-put (func prop value)
  "Set FUNC's property PROP to VALUE."
  (put func prop value))

(defun function-get (f prop &optional _autoload)
  "Return the value of property PROP of function F, following aliases."
  (let ((val nil))
    (while (and (symbolp f)
                (null (setq val (get f prop)))
                (fboundp f)
                (let ((fundef (symbol-function f)))
                  (if (and (symbolp fundef) fundef) (progn (setq f fundef) t) nil))))
    val))

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
  "Evaluate BODY now, while expanding, and expand to its value quoted (as GNU 28)."
  (list 'quote (eval (cons 'progn body) lexical-binding)))

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
