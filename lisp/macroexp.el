;;; macroexp.el --- one-step and whole-form macro expansion for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `macroexpand' itself is a primitive (eval.ts).  The functions here run
;; for every form `load' reads once `internal-macroexpand-for-load' exists
;; (at the end of this file), so they use special forms and primitives only:
;; a macro in their bodies would be expanded again at every call.

(defun macroexpand-1 (form &optional environment) "Expand FORM one step if it is a macro call; otherwise return FORM itself.
ENVIRONMENT is an alist of (NAME . EXPANDER) entries that take precedence
over global macro definitions; an entry (NAME) stops NAME from expanding."
  (let ((head (car-safe form)))
    (if (null head)
        form
      (let ((local (assq head environment)))
        (cond
         (local
          (if (cdr local) (apply (cdr local) (cdr form)) form))
         ((and (symbolp head) (fboundp head))
          ;; An autoloaded macro is loaded here, as GNU does.
          (let ((definition (autoload-do-load (symbol-function head) head 'macro)))
            (cond ((eq (car-safe definition) 'macro)
                   (apply (cdr definition) (cdr form)))
                  ;; An alias of a macro: one step is following the alias.
                  ((and definition (symbolp definition) (macrop definition))
                   (cons definition (cdr form)))
                  (t form))))
         (t form))))))

;; The three walking functions below hand their work to primitives
;; (src/emacs/macroexp.ts), which call `macroexpand' and these functions
;; back by name for every form inside: `load' walks all it reads.

(defun macroexp--expand-each (forms env &optional keep) "Expand fully each form in the list FORMS except the first KEEP of them.
ENV is the macro environment.  A dotted tail stays as it is."
  (tsmacs--macroexp-each forms env keep))

;; cl-generic.el calls it by this name.
(defalias 'macroexp--all-forms #'macroexp--expand-each)

(defun macroexp--expand-clauses (clauses env keep) "Expand the forms of each clause in CLAUSES, except the first KEEP of each.
CLAUSES need not be a proper list."
  (tsmacs--macroexp-clauses clauses env keep))

;; Open-coding a call of an anonymous function: GNU's expander turns
;; ((lambda ARGS BODY...) ACTUALS...) into a `let' that binds each parameter,
;; which is also what `load' evaluates, so the depth of nested calls matches.

(defun macroexp--lambda-bindings (params actuals) "Pair the parameters PARAMS of a lambda with the argument forms ACTUALS.
The value is a list of (VAR FORM) bindings, or the symbol `too-many' or
`too-few' when ACTUALS do not fit PARAMS.  A parameter after &optional with
no argument is bound to nil, and one after &rest to a list of the rest."
  (let ((pairs nil) (mode 'required) (result nil))
    (while (and params (not result))
      (let ((p (car params)))
        (cond
         ((eq p '&optional)
          (unless (cdr params)
            (error "Nothing after &optional in anonymous lambda"))
          (setq mode 'optional))
         ((eq p '&rest) (setq mode 'rest))
         ((eq mode 'rest)
          (setq pairs (cons (list p (and actuals (cons 'list actuals))) pairs)
                actuals nil))
         (actuals
          (setq pairs (cons (list p (car actuals)) pairs)
                actuals (cdr actuals)))
         ((eq mode 'optional) (setq pairs (cons (list p nil) pairs)))
         (t (setq result 'too-few))))
      (setq params (cdr params)))
    (or result
        (and actuals 'too-many)
        (nreverse pairs))))

(defun macroexp--open-code-lambda (fn actuals env) "Expand the call of the lambda expression FN with argument forms ACTUALS.
ENV is the macro environment."
  (let* ((params (car-safe (cdr fn)))
         (body (cdr-safe (cdr fn)))
         (bindings (macroexp--lambda-bindings params actuals)))
    (if (memq bindings '(too-many too-few))
        (progn
          ;; GNU's warning, quotes as they are (not through `format-message').
          (message "%s" (format "Warning: attempt to open-code `anonymous lambda' with %s arguments"
                                (if (eq bindings 'too-many) "too many" "too few")))
          (cons (car (cdr (macroexp--expand-all (list 'function fn) env)))
                (macroexp--expand-each actuals env)))
      ;; A leading docstring and an `interactive' spec mean nothing in a let.
      (when (and (stringp (car-safe body)) (cdr body))
        (setq body (cdr body)))
      (when (eq (car-safe (car-safe body)) 'interactive) (setq body (cdr body)))
      (macroexp--expand-all
       (if bindings (cons 'let (cons bindings body)) (macroexp-progn body))
       env))))

(defun macroexp--expand-all (form env) "Return FORM with all its macro calls expanded, at every level.
ENV is the macro environment, as for `macroexpand'."
  (tsmacs--macroexp-all form env))

(defvar macroexpand-all-environment nil "The macro environment that the running `macroexpand-all' was given.")

(defun macroexpand-all (form &optional environment) "Expand every macro call in FORM, including those inside other forms.
ENVIRONMENT is a macro environment as for `macroexpand'; while expanding
it is also the value of `macroexpand-all-environment'."
  (let ((macroexpand-all-environment environment)) (macroexp--expand-all form environment)))

;;;; Helpers for writing macros.

(defun macroexp-progn (exps) "Turn the list of forms EXPS into one form: the only one, or a `progn'."
  (if (null (cdr exps))
      (car exps)
    (cons 'progn exps)))

(defun macroexp-quote (v) "Return a form evaluating to V: V itself when V evaluates to itself."
  (cond ((consp v) (list 'quote v))
        ((and (symbolp v) v (not (eq v t)) (not (keywordp v)))
         (list 'quote v))
        (t v)))

(defun macroexp-const-p (exp) "Non-nil when evaluating the form EXP always gives the same value.
That is so of quoted data, #'SYMBOL, keywords, nil, t and
self-evaluating atoms."
  (if (consp exp)
      (let ((head (car exp)))
        (or (eq head 'quote)
            (and (eq head 'function) (symbolp (car-safe (cdr exp))))))
    (or (not (symbolp exp)) (keywordp exp) (memq exp '(nil t)))))

(defun macroexp-copyable-p (exp) "Non-nil when the form EXP may be written twice in an expansion at no cost.
Variables and constant forms qualify."
  (if (symbolp exp) t (macroexp-const-p exp)))

;; Macros such as `ert-resource-directory' call it while they expand.
(defun macroexp-file-name () "Return the name of the file whose forms are being expanded, or nil.
That is the file being byte-compiled, if any, else the one being loaded."
  (if (and (boundp 'byte-compile-current-file)
           (stringp byte-compile-current-file))
      byte-compile-current-file
    ;; `load' and `eval-buffer' end `current-load-list' with the file's name.
    (let ((origin (car (last current-load-list))))
      (and (stringp origin) origin))))

;;;; Eager expansion while loading.

(defun internal-macroexpand-for-load (form full-p) "Expand FORM, read by `load', before it is evaluated.
With FULL-P expand everything, otherwise only FORM's own macro call.
When expanding fails, report it and return FORM, to be expanded when run."
  (condition-case expansion-error
      (funcall (if full-p #'macroexpand-all #'macroexpand) form)
    (error
     (message "Eager macro-expansion failure: %S" expansion-error)

     form)))

;;;; Small helpers of GNU's macro expander that programs may call.

(defun macroexp--funcall-if-compiled (_form) "Do nothing and return nil: FORM is called only under the byte compiler, which tsmacs has not."
  nil)

(defun macroexp--warn-wrap (msg form category) "Return FORM wrapped so that compiling it warns MSG, when warnings of CATEGORY are on."
  (let ((warn (lambda ()
                (when (byte-compile-warning-enabled-p category)
                  (byte-compile-warn "%s" msg)))))
    (list 'progn (list 'macroexp--funcall-if-compiled (list 'quote warn)) form)))

(defun macroexp--backtrace () "Return the frames of the active calls, innermost first, as `backtrace-frame' gives them.
The list starts with the call of `backtrace-frame' and this function's own frame, as
GNU's compiled version shows them; the frames of this body's special forms are left out."
  (let ((out (list '(t macroexp--backtrace) '(t backtrace-frame 0)))
        (n 1) (frame nil))
    (while (setq frame (backtrace-frame n #'macroexp--backtrace))
      (push frame out)
      (setq n (1+ n)))
    (nreverse out)))

(defun macroexp--trim-backtrace-frame (frame) "Return a short form of the backtrace FRAME when it is a macro expansion call, else nil.
A call of `macroexpand' shows its form; one of `internal-macroexpand-for-load' shows
as `macroexpand-all' of the form and its second argument."
  (let ((fn (car-safe (cdr-safe frame)))
        (args (car-safe (cdr-safe (cdr-safe frame)))))
    (cond ((and (eq fn 'macroexpand) (consp args))
           (list fn (list (car args) '…)))
          ((and (eq fn 'internal-macroexpand-for-load) (consp args) (consp (cdr args)))
           (list 'macroexpand-all (list (car args) (car (cdr args)) '…))))))

(provide 'macroexp)
