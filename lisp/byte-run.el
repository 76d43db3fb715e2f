;;; byte-run.el --- defun, defmacro and their declarations for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; This is the first file loaded, so only primitives are available: no
;; macro at all until `defmacro' below exists, and no backquote (that is
;; backquote.el, next).

;;;; Turning declarations into forms.

;; A (declare (PROP ARGS...)) in a definition of NAME becomes extra forms
;; run after the `defalias'.  Each table entry is (PROP HANDLER); the
;; handler is called with NAME, the argument list and ARGS, and returns
;; the form (or nil for none).

(defalias 'byte-run--property-setter
  #'(lambda (prop)
      "Return a handler that stores its one argument as the function property PROP."
      #'(lambda (fname _arglist val)
          (list 'function-put (list 'quote fname) (list 'quote prop) (list 'quote val)))))

;; The handlers have names, as in GNU (`byte-run--set-indent' and so on),
;; so that the tables hold symbols and a program can call one directly.
(let ((simple '((indent . lisp-indent-function) (doc-string . doc-string-elt)
                (pure . pure) (side-effect-free . side-effect-free)
                (important-return-value . important-return-value)
                (interactive-only . interactive-only) (speed . speed)
                (no-font-lock-keyword . no-font-lock-keyword))))
  (while simple
    (defalias (intern (concat "byte-run--set-" (symbol-name (car (car simple)))))
      (byte-run--property-setter (cdr (car simple))))
    (setq simple (cdr simple))))

(defalias 'byte-run--set-completion
  #'(lambda (fname _arglist pred)
      "Declaration handler: PRED decides when the command FNAME is offered for completion."
      (list 'function-put (list 'quote fname) ''completion-predicate (list 'function pred))))

(defalias 'byte-run--set-modes
  #'(lambda (fname _arglist &rest modes)
      "Declaration handler: the command FNAME is meant for the major or minor MODES."
      (list 'function-put (list 'quote fname) ''command-modes (list 'quote modes))))

(defalias 'byte-run--set-compiler-macro
  #'(lambda (fname _arglist expander)
      "Declaration handler: EXPANDER is FNAME's compiler macro."
      (list 'eval-and-compile
            (list 'function-put (list 'quote fname) ''compiler-macro
                  (list 'function expander)))))

(defalias 'byte-run--set-advertised-calling-convention
  #'(lambda (fname _arglist arglist when)
      "Declaration handler: callers of FNAME should use ARGLIST (since WHEN)."
      (list 'set-advertised-calling-convention
            (list 'quote fname) (list 'quote arglist) (list 'quote when))))

(defalias 'byte-run--set-obsolete
  #'(lambda (fname _arglist replacement when)
      "Declaration handler: FNAME is obsolete since WHEN, REPLACEMENT to be used instead."
      (list 'make-obsolete (list 'quote fname) (list 'quote replacement)
            (list 'quote when))))

(defalias 'byte-run--set-debug
  #'(lambda (mname _arglist spec)
      "Declaration handler: SPEC is the Edebug specification of the macro MNAME."
      (list 'progn :autoload-end
            (list 'put (list 'quote mname) ''edebug-form-spec (list 'quote spec)))))

(defvar defun-declarations-alist
  (list (list 'advertised-calling-convention 'byte-run--set-advertised-calling-convention)
        (list 'obsolete 'byte-run--set-obsolete)
        (list 'interactive-only 'byte-run--set-interactive-only)
        (list 'pure 'byte-run--set-pure)
        (list 'side-effect-free 'byte-run--set-side-effect-free)
        (list 'important-return-value 'byte-run--set-important-return-value)
        (list 'compiler-macro 'byte-run--set-compiler-macro)
        (list 'doc-string 'byte-run--set-doc-string)
        (list 'indent 'byte-run--set-indent)
        (list 'speed 'byte-run--set-speed)
        (list 'completion 'byte-run--set-completion)
        (list 'modes 'byte-run--set-modes))
  "How each (declare (PROP ...)) of a `defun' is handled: a list of (PROP HANDLER).
HANDLER receives the function's name, its argument list and the
declaration's arguments, and returns a form to run after the definition.")

(defvar macro-declarations-alist
  (cons (list 'debug 'byte-run--set-debug)
        (cons (list 'no-font-lock-keyword 'byte-run--set-no-font-lock-keyword)
              defun-declarations-alist))
  "How each (declare (PROP ...)) of a `defmacro' is handled, as for functions.
Macros also accept (debug SPEC) and (no-font-lock-keyword VALUE).")

(defalias 'byte-run--definition
  #'(lambda (name arglist body table wrap)
      "Build the `defalias' form defining NAME from ARGLIST and BODY.
A leading docstring (one followed by more forms) stays in the lambda;
one `declare' form after it is turned into forms with TABLE.  WRAP, when
non-nil, is a function making the value stored from the #'(lambda ...)
form."
      (let ((doc nil)
            (decls nil)
            (code body))
        (if (if (stringp (car code)) (cdr code))
            (setq doc (list (car code))
                  code (cdr code)))
        (if (eq (car-safe (car code)) 'declare)
            (setq decls (cdr (car code))
                  code (cdr code)))
        ;; An empty body is written out as nil.
        (if (if (null code) (null doc))
            (setq code (list nil)))
        (let* ((fn (list 'function (cons 'lambda (cons arglist (append doc code)))))
               (def (list 'defalias (list 'quote name) (if wrap (funcall wrap fn) fn)))
               (extra nil))
          (while decls
            (let ((entry (assq (car-safe (car decls)) table)))
              (if entry
                  (let ((form (apply (car (cdr entry)) name arglist (cdr (car decls)))))
                    (if form (setq extra (cons form extra))))))
            (setq decls (cdr decls)))
          (if extra
              (cons 'prog1 (cons def (nreverse extra)))
            def)))))

;;;; The definers.

(defalias 'defmacro
  (cons 'macro
        #'(lambda (name arglist &rest body)
            "Make NAME a macro: a function of ARGLIST whose BODY computes its expansion.
BODY may start with a docstring and a (declare ...) form; see
`macro-declarations-alist'."
            (byte-run--definition name arglist body macro-declarations-alist
                                  #'(lambda (fn) (list 'cons ''macro fn))))))

(defmacro defun (name arglist &rest body) "Make NAME a function of ARGLIST that runs BODY.
BODY may start with a docstring, a (declare ...) form (see
`defun-declarations-alist') and an (interactive ...) form."
  (byte-run--definition name arglist body defun-declarations-alist nil))

(defmacro declare (&rest _specs) "Give properties of the enclosing definition; by itself, expand to nil.
`defun' and `defmacro' read the _SPECS before this could run."
  nil)

(defun function-put (func prop value) "Give the function named FUNC the property PROP with VALUE."
  (put func prop value))

(defun function-get (f prop &optional autoload) "The property PROP of the function named F, looking through aliases.
When F has no such property and its definition is another symbol, that
symbol is asked, and so on.  With AUTOLOAD non-nil, a definition that is
still an autoload is loaded first and asked again, since loading it may
give the property; AUTOLOAD `macro' limits that to autoloaded macros."
  (let ((value nil) (again t))
    (while again
      (setq again nil)
      (if (symbolp f)
          (or (setq value (get f prop))
              (let ((def (if (fboundp f) (symbol-function f))))
                (cond
                 ((if def (symbolp def))
                  (setq f def again t))
                 ((if autoload
                      (if (eq (car-safe def) 'autoload)
                          (or (not (eq autoload 'macro))
                              (memq (nth 4 def) '(macro t)))))
                  (autoload-do-load def f)
                  (setq again (not (eq def (symbol-function f))))))))))
    value))

(defmacro defsubst (name arglist &rest body) "Define NAME as a function of ARGLIST running BODY, meant to be inlined.
Without a compiler, this is `defun'."
  (cons 'defun (cons name (cons arglist body))))

;;;; Compile-time forms, without a compiler.

(defun byte-run--value-now (body) "Evaluate the forms BODY at once and return a form quoting the last value."
  (let ((value nil))
    (while body
      (setq value (eval (car body) lexical-binding)
            body (cdr body)))
    (list 'quote value)))

(defmacro eval-when-compile (&rest body) "Run BODY while expanding, and expand to its value, quoted."
  (byte-run--value-now body))

(defmacro eval-and-compile (&rest body) "Run BODY while expanding, and expand to its value, quoted.
With no compiler this is the same as `eval-when-compile'."
  (byte-run--value-now body))

(defmacro dont-compile (&rest body) "Expand to a call of `eval' on BODY, so that a compiler leaves it alone."
  (let ((form (if (cdr body) (cons 'progn body) (car body))))
    (list 'eval (list 'quote form))))

(defun with-no-warnings (&rest body) "Return the last of BODY's values; for a compiler, silence its warnings."
  (car (last body)))

(defmacro with-suppressed-warnings (_warnings &rest body) "Run BODY; for a compiler, silence the kinds of warnings _WARNINGS lists."
  (cons 'progn body))

;;;; Obsolete names.

(defun make-obsolete (obsolete-name current-name when) "Mark the function OBSOLETE-NAME obsolete since WHEN, in favour of CURRENT-NAME.
Return OBSOLETE-NAME."
  (prog1 obsolete-name
    (put obsolete-name 'byte-obsolete-info (list current-name nil when))))

(defmacro define-obsolete-function-alias (obsolete-name current-name when &optional docstring) "Alias OBSOLETE-NAME to CURRENT-NAME, marked obsolete since WHEN.
DOCSTRING, if given, documents the alias."
  (list 'progn
        (list 'defalias obsolete-name current-name docstring)
        (list 'make-obsolete obsolete-name current-name when)))

(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Mark the variable OBSOLETE-NAME obsolete since WHEN, in favour of CURRENT-NAME.
ACCESS-TYPE, `get' or `set', limits the warning to that use.  Return
OBSOLETE-NAME."
  (prog1 obsolete-name
    (put obsolete-name 'byte-obsolete-variable (list current-name access-type when))))


(defmacro define-obsolete-variable-alias (obsolete-name current-name when &optional docstring)
  "Alias the variable OBSOLETE-NAME to CURRENT-NAME, marked obsolete since WHEN.
DOCSTRING, if given, documents the alias."
  ;; Customizations saved under the old name carry over to the new one.
  (let* ((old-get (list 'get obsolete-name 'prop))
         (carry (list 'and old-get
                      (list 'null (list 'get current-name 'prop))
                      (list 'put current-name 'prop old-get))))
    (list 'progn
          (list 'defvaralias obsolete-name current-name docstring)
          (list 'dolist (list 'prop ''(saved-value saved-variable-comment)) carry)
          (list 'make-obsolete-variable obsolete-name current-name when))))


(defun byte-run--unescaped-character-literals-warning ()
  "Describe the literals in `lread--unescaped-character-literals' for a warning.
The text names each as it was read and as it should be written, in
ascending order of character code.  The list is sorted in place.
With no such literals, give nil."
  (let* ((chars (sort lread--unescaped-character-literals #'<))
         (shown (lambda (prefix)
                  (mapconcat (lambda (c) (format "`?%s%c'" prefix c))
                             chars ", "))))
    (and chars
         (format "unescaped character literals %s detected, %s expected!"
                 (funcall shown "") (funcall shown "\\")))))
