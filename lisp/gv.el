;;; gv.el --- generalized variables: setf and the places it knows  -*- lexical-binding: t -*-

;; Written for tsmacs, following the documented behaviour of GNU Emacs 28's
;; gv.el.
;;
;; A place is handled by its "expander": a function called with DO and the
;; place's argument forms.  DO is in turn a function of two arguments, GETTER
;; (a copyable form reading the place) and SETTER (a function from a value form
;; to a form storing it); DO returns the code that uses the place, and the
;; expander wraps it with whatever bindings the place needs.  Expanders live on
;; the `gv-expander' property of the place's head symbol.

;;; Helpers from macroexp that gv needs (GNU keeps them in macroexp.el).

(defvar macroexpand-all-environment nil
  "The macro environment in effect while `macroexpand-all' runs.")

(unless (fboundp 'macroexp-unprogn)
  (defun macroexp-unprogn (exp)
    "Turn EXP into a list of expressions to execute in sequence.
Never returns an empty list."
    (if (eq (car-safe exp) 'progn)
        (or (cdr exp) (list nil))
      (list exp))))

(unless (fboundp 'macroexp-let*)
  (defun macroexp-let* (bindings exp)
    "Return an expression equivalent to (let* BINDINGS EXP)."
    (cond
     ((null bindings) exp)
     ((eq (car-safe exp) 'let*)
      (cons 'let* (cons (append bindings (car (cdr exp))) (cdr (cdr exp)))))
     (t (list 'let* bindings exp)))))

(unless (fboundp 'macroexp--maxsize)
  (defun macroexp--maxsize (exp size)
    "What is left of SIZE after counting the pieces of EXP (negative: too big)."
    (cond ((< size 0) size)
          ((symbolp exp) (1- size))
          ((stringp exp) (- size (/ (length exp) 16)))
          ((vectorp exp)
           (let ((i 0) (n (length exp)))
             (while (< i n)
               (setq size (macroexp--maxsize (aref exp i) size))
               (setq i (1+ i))))
           (1- size))
          ((consp exp)
           (while (consp exp)
             (setq size (macroexp--maxsize (car exp) size))
             (setq exp (cdr exp)))
           (1- size))
          (t -1))))

(unless (fboundp 'macroexp-small-p)
  (defun macroexp-small-p (exp)
    "Return non-nil if EXP can be considered small."
    (> (macroexp--maxsize exp 10) 0)))

(unless (fboundp 'macroexp-let2)
  (defmacro macroexp-let2 (test sym exp &rest body)
    "Evaluate BODY with SYM bound to an expression for EXP's value.
If TEST (a function, default `macroexp-const-p') accepts EXP, SYM is EXP
itself; otherwise SYM is a fresh symbol, and the code BODY returns is wrapped
in a `let*' binding that symbol to EXP."
    (declare (indent 3) (debug (sexp sexp form body)))
    (let ((exp-var (make-symbol "exp"))
          (body-var (make-symbol "body")))
      `(let* ((,exp-var ,exp)
              (,sym (if (funcall #',(or test #'macroexp-const-p) ,exp-var)
                        ,exp-var
                      (make-symbol ,(symbol-name sym))))
              (,body-var ,(macroexp-progn body)))
         (if (eq ,sym ,exp-var)
             ,body-var
           (macroexp-let* (list (list ,sym ,exp-var)) ,body-var))))))

(unless (fboundp 'macroexp-let2*)
  (defmacro macroexp-let2* (test bindings &rest body)
    "Like `macroexp-let2' for each (SYM EXP) of BINDINGS in turn."
    (declare (indent 2) (debug (sexp (&rest (sexp form)) body)))
    (if (null bindings)
        (macroexp-progn body)
      (let ((b (car bindings)))
        (if (symbolp b) (setq b (list b b)))
        `(macroexp-let2 ,test ,(car b) ,(car (cdr b))
           (macroexp-let2* ,test ,(cdr bindings) ,@body))))))

;;; The core.

(define-error 'gv-invalid-place "%S is not a valid place expression")

(defun gv-setter (name)
  "Return the symbol naming the (setf NAME) function."
  (if (get name 'gv-expander)
      (error "gv-expander conflicts with (setf %S)" name))
  (intern (format "(setf %s)" name)))

(defun gv-get (place do)
  "Build the code that applies DO to PLACE.
DO is called with GETTER, a copyable form returning PLACE's value, and
SETTER, a function taking a value form and returning code that stores it
into PLACE.  DO returns the code to run; the result is that code, wrapped
in what evaluates PLACE's own argument forms (once each, in order)."
  (if (symbolp place)
      (funcall do place (lambda (v) (list 'setq place v)))
    (if (not (consp place))
        (signal 'gv-invalid-place (list place))
      (let* ((head (car place))
             (expander (and (symbolp head) (function-get head 'gv-expander 'autoload))))
        (if expander
            (apply expander do (cdr place))
          (let ((next (macroexpand-1 place macroexpand-all-environment)))
            ;; Not a macro: try a compiler macro (cl-defsubst accessors,
            ;; struct slots), then an alias.
            (when (and (eq next place) (symbolp head) (get head 'compiler-macro))
              (setq next (apply (get head 'compiler-macro) place (cdr place))))
            (when (and (eq next place) (symbolp head) (fboundp head)
                       (symbolp (symbol-function head)))
              (setq next (cons (symbol-function head) (cdr place))))
            (if (not (eq next place))
                (gv-get next do)
              (let ((setter (gv-setter head)))
                (gv--defsetter head
                               (lambda (&rest args) (cons setter args))
                               do (cdr place))))))))))

(defmacro gv-letplace (vars place &rest body)
  "Build the code manipulating the generalized variable PLACE.
VARS is (GETTER SETTER): GETTER is bound to a copyable form reading PLACE,
SETTER to a function from a value form to a form storing it.  BODY returns
code using them; the result also evaluates PLACE's parts first.

\(fn (GETTER SETTER) PLACE &rest BODY)"
  (declare (indent 2) (debug (sexp form def-body)))
  (list 'gv-get place (cons 'lambda (cons vars body))))

(defmacro gv-define-expander (name handler)
  "Use HANDLER to handle NAME as a generalized variable.
HANDLER takes DO (see `gv-get') followed by the arguments of a NAME form."
  (declare (indent 1) (debug (sexp form)))
  (list 'function-put (list 'quote name) ''gv-expander handler))

(defun gv--defsetter (name setter do args &optional vars)
  "Bind each of ARGS (forms) to a copyable form, then call DO.
NAME is the place's head; SETTER builds the store form from (VALUE . ARGS).
VARS accumulates, in reverse, the copyable forms of the arguments so far."
  (if (null args)
      (let ((vars (reverse vars)))
        (funcall do (cons name vars)
                 (lambda (v) (apply setter v vars))))
    (macroexp-let2 nil v (car args)
      (gv--defsetter name setter do (cdr args) (cons v vars)))))

(defmacro gv-define-setter (name arglist &rest body)
  "Define a setter for the generalized variable NAME.
Storing VAL into (NAME ARGS...) runs BODY with ARGLIST bound to the forms
\(VAL ARGS...): VAL may be any expression, the ARGS are copyable.  BODY
returns the form doing the store."
  (declare (indent 2) (debug (&define name sexp def-body)))
  `(gv-define-expander ,name
     (lambda (do &rest args)
       (gv--defsetter ',name (lambda ,arglist ,@body) do args))))

(defmacro gv-define-simple-setter (name setter &optional fix-return)
  "Define SETTER as the simple setter of the generalized variable NAME.
Storing VAL into (NAME ARGS...) becomes (SETTER ARGS... VAL).  With
FIX-RETURN non-nil, SETTER's own value is ignored and the store returns VAL."
  (declare (debug (sexp (&or symbolp lambda-expr) &optional sexp)))
  `(gv-define-setter ,name (val &rest args)
     ,(if fix-return
          `(macroexp-let2 nil v val
             (list 'progn (append (list ',setter) args (list v)) v))
        `(append (list ',setter) args (list val)))))

;; `declare' forms (gv-expander ...) and (gv-setter ...) in definitions.
(defun gv--defun-declaration (kind name args handler &optional fix)
  "The form a (KIND HANDLER [FIX]) declaration of NAME, taking ARGS, expands to."
  (let ((form
         (cond
          ((and (eq kind 'gv-expander) (eq (car-safe handler) 'lambda))
           (let ((do-arg (car (car (cdr handler)))))
             `(gv-define-expander ,name
                (lambda (,do-arg ,@args) ,@(cdr (cdr handler))))))
          ((and (eq kind 'gv-expander) (symbolp handler))
           `(gv-define-expander ,name #',handler))
          ((and (eq kind 'gv-setter) (eq (car-safe handler) 'lambda))
           `(gv-define-setter ,name (,(car (car (cdr handler))) ,@args)
              ,@(cdr (cdr handler))))
          ((and (eq kind 'gv-setter) (symbolp handler))
           `(gv-define-simple-setter ,name ,handler ,fix))
          (t (message "Unknown %s declaration %S" kind handler) nil))))
    (and form (list 'progn :autoload-end form))))

(defun gv--expander-defun-declaration (&rest args)
  "Handle a (gv-expander ...) declaration."
  (apply #'gv--defun-declaration 'gv-expander args))

(defun gv--setter-defun-declaration (&rest args)
  "Handle a (gv-setter ...) declaration."
  (apply #'gv--defun-declaration 'gv-setter args))

(unless (assq 'gv-expander defun-declarations-alist)
  (let ((entry (list 'gv-expander #'gv--expander-defun-declaration)))
    (setq defun-declarations-alist (cons entry defun-declarations-alist))
    (setq macro-declarations-alist (cons entry macro-declarations-alist))))
(unless (assq 'gv-setter defun-declarations-alist)
  (setq defun-declarations-alist
        (cons (list 'gv-setter #'gv--setter-defun-declaration)
              defun-declarations-alist)))

(defmacro setf (&rest args)
  "Set each PLACE to the value of its VAL.
PLACEs may be symbols or generalized variables such as (car x), (aref v i).
The value is the last VAL.

\(fn PLACE VAL PLACE VAL ...)"
  (declare (debug (&rest [gv-place form])))
  (if (= (% (length args) 2) 1)
      (signal 'wrong-number-of-arguments (list 'setf (length args))))
  (if (and args (null (cdr (cdr args))))
      (let ((value (car (cdr args))))
        (gv-letplace (_getter setter) (car args)
          (funcall setter value)))
    (let ((forms nil))
      (while args
        (setq forms (cons (list 'setf (car args) (car (cdr args))) forms))
        (setq args (cdr (cdr args))))
      (cons 'progn (nreverse forms)))))

;;; The common places.

(gv-define-simple-setter aref aset)
(gv-define-simple-setter char-table-range set-char-table-range)
(gv-define-simple-setter car setcar)
(gv-define-simple-setter cdr setcdr)
(gv-define-setter caar (val x) `(setcar (car ,x) ,val))
(gv-define-setter cadr (val x) `(setcar (cdr ,x) ,val))
(gv-define-setter cdar (val x) `(setcdr (car ,x) ,val))
(gv-define-setter cddr (val x) `(setcdr (cdr ,x) ,val))
(gv-define-setter elt (store seq n)
  `(if (listp ,seq) (setcar (nthcdr ,n ,seq) ,store)
     (aset ,seq ,n ,store)))
(gv-define-simple-setter get put)
(gv-define-setter gethash (val k h &optional _d) `(puthash ,k ,val ,h))

(gv-define-expander nth
  (lambda (do n list)
    (macroexp-let2 nil c `(nthcdr ,n ,list)
      (funcall do `(car ,c) (lambda (v) `(setcar ,c ,v))))))

(gv-define-simple-setter symbol-function fset)
(gv-define-simple-setter symbol-plist setplist)
(gv-define-simple-setter symbol-value set)

(gv-define-expander nthcdr
  (lambda (do n list-place)
    (macroexp-let2 nil idx n
      (gv-letplace (getter setter) list-place
        (funcall do `(nthcdr ,idx ,getter)
                 (lambda (v)
                   `(if (<= ,idx 0)
                        ,(funcall setter v)
                      (setcdr (nthcdr (1- ,idx) ,getter) ,v))))))))

(gv-define-simple-setter default-value set-default)
(gv-define-simple-setter frame-parameter set-frame-parameter 'fix)
(gv-define-simple-setter terminal-parameter set-terminal-parameter)
(gv-define-simple-setter keymap-parent set-keymap-parent)
(gv-define-simple-setter match-data set-match-data 'fix)
(gv-define-simple-setter overlay-get overlay-put)
(gv-define-setter overlay-start (store ov)
  `(progn (move-overlay ,ov ,store (overlay-end ,ov)) ,store))
(gv-define-setter overlay-end (store ov)
  `(progn (move-overlay ,ov (overlay-start ,ov) ,store) ,store))
(gv-define-simple-setter process-get process-put)
(gv-define-simple-setter window-parameter set-window-parameter)
(gv-define-setter buffer-local-value (val var buf)
  (macroexp-let2 nil v val
    `(with-current-buffer ,buf (set (make-local-variable ,var) ,v))))

(gv-define-expander alist-get
  (lambda (do key alist &optional default remove testfn)
    (macroexp-let2 macroexp-copyable-p k key
      (gv-letplace (getter setter) alist
        (macroexp-let2 nil p `(if (and ,testfn (not (eq ,testfn 'eq)))
                                     (assoc ,k ,getter ,testfn)
                                   (assq ,k ,getter))
          (funcall
           do
           (if (null default) `(cdr ,p) `(if ,p (cdr ,p) ,default))
           (lambda (value)
             (macroexp-let2 nil v value
               (let ((store `(if ,p
                                 (setcdr ,p ,v)
                               ,(funcall setter
                                         `(cons (setq ,p (cons ,k ,v)) ,getter))))
                     (unlink (funcall setter `(delq ,p ,getter))))
                 (list
                  'progn
                  (cond
                   ((null remove) store)
                   ;; Storing the default itself, known at expansion time.
                   ((or (eql v default)
                        (and (eq (car-safe v) 'quote)
                             (eq (car-safe default) 'quote)
                             (eql (car (cdr v)) (car (cdr default)))))
                    `(if ,p ,unlink))
                   (t `(cond ((not (eql ,default ,v)) ,store)
                             (,p ,unlink))))
                  v))))))))))

(gv-define-expander plist-get
  (lambda (do plist prop)
    (macroexp-let2 macroexp-copyable-p key prop
      (gv-letplace (getter setter) plist
        (macroexp-let2 nil p `(cdr (plist-member ,getter ,key))
          (funcall do `(car ,p)
                   (lambda (value)
                     `(if ,p
                          (setcar ,p ,value)
                        ,(funcall setter `(cons ,key (cons ,value ,getter)))))))))))

;;; Places made of control structures.

(gv-define-expander progn
  (lambda (do &rest forms)
    (let ((before (butlast forms))
          (last-form (car (last forms))))
      (if before
          `(progn ,@before ,(gv-get last-form do))
        (gv-get last-form do)))))

(defun gv--let-expander (let-symbol)
  "An expander for places of the form (LET-SYMBOL BINDINGS BODY...)."
  (lambda (do bindings &rest body)
    (cons let-symbol
          (cons bindings (macroexp-unprogn (gv-get (macroexp-progn body) do))))))
(put 'let 'gv-expander (gv--let-expander 'let))
(put 'let* 'gv-expander (gv--let-expander 'let*))

(defun gv--closure-pair (place)
  "Code making a (GETTER-FN . SETTER-FN) pair of closures over PLACE."
  (let ((arg (gensym "v")))
    (gv-letplace (getter setter) place
      `(cons (lambda () ,getter)
             (lambda (,arg) ,(funcall setter arg))))))

(defun gv--via-pair (do pair-form)
  "Apply DO to the place reached through the closure pair PAIR-FORM."
  (macroexp-let2 nil pair pair-form
    (funcall do `(funcall (car ,pair))
             (lambda (v) `(funcall (cdr ,pair) ,v)))))

(defun gv--do-small-p (do)
  "Non-nil if the code DO builds is small enough to be duplicated."
  (or (not lexical-binding)
      (macroexp-small-p (funcall do 'dummy (lambda (_) 'dummy)))))

(gv-define-expander if
  (lambda (do test then &rest else)
    (if (gv--do-small-p do)
        `(if ,test ,(gv-get then do)
           ,@(macroexp-unprogn (gv-get (macroexp-progn else) do)))
      (gv--via-pair do `(if ,test ,(gv--closure-pair then)
                          ,(gv--closure-pair (macroexp-progn else)))))))

(gv-define-expander cond
  (lambda (do &rest clauses)
    (if (gv--do-small-p do)
        (cons 'cond
              (mapcar (lambda (clause)
                        (if (cdr clause)
                            (cons (car clause)
                                  (macroexp-unprogn
                                   (gv-get (macroexp-progn (cdr clause)) do)))
                          (gv-get (car clause) do)))
                      clauses))
      (gv--via-pair
       do
       (cons 'cond
             (mapcar (lambda (clause)
                       (if (cdr clause)
                           (cons (car clause)
                                 (macroexp-unprogn
                                  (gv--closure-pair (macroexp-progn (cdr clause)))))
                         (gv--closure-pair (car clause))))
                     clauses))))))

(gv-define-expander error
  (lambda (do &rest args)
    (funcall do (cons 'error args)
             (lambda (v) `(progn ,v (error ,@args))))))

(defmacro gv-synthetic-place (getter setter)
  "A place read by the form GETTER and written by the function SETTER.
Only meaningful as a place (e.g. in `setf')."
  (declare (gv-expander funcall))
  (ignore setter)
  getter)

(defmacro gv-delay-error (place)
  "PLACE, but an invalid place signals `gv-invalid-place' only when stored to.
Only meaningful as a place."
  (declare
   (gv-expander
    (lambda (do)
      (condition-case err
          (gv-get place do)
        (gv-invalid-place
         (funcall do place
                  (lambda (_) `(signal ',(car err) ',(cdr err)))))))))
  place)

(gv-define-expander cons
  (lambda (do a d)
    (gv-letplace (car-getter car-setter) a
      (gv-letplace (cdr-getter cdr-setter) d
        (funcall do `(cons ,car-getter ,cdr-getter)
                 (lambda (value)
                   (macroexp-let2 nil v value
                     `(progn
                        ,(funcall car-setter `(car ,v))
                        ,(funcall cdr-setter `(cdr ,v))
                        ,v))))))))

(gv-define-expander logand
  (lambda (do place &rest masks)
    (gv-letplace (getter setter) place
      (macroexp-let2 macroexp-copyable-p
          mask (if (cdr masks) `(logand ,@masks) (car masks))
        (funcall do `(logand ,getter ,mask)
                 (lambda (value)
                   (macroexp-let2 nil v value
                     `(progn
                        ,(funcall setter
                                  `(logior (logand ,v ,mask)
                                           (logand ,getter (lognot ,mask))))
                        ,v))))))))

;;; References.

(defmacro gv-ref (place)
  "Return a reference to PLACE: a pair of a reader and a writer closure."
  (gv-letplace (getter setter) place
    `(cons (lambda () ,getter)
           (lambda (gv--val) ,(funcall setter 'gv--val)))))

(defun gv-deref (ref)
  "Dereference REF, obtained with `gv-ref', returning the referenced value."
  (funcall (car ref)))
(gv-define-setter gv-deref (v ref) `(funcall (cdr ,ref) ,v))

(gv-define-simple-setter getenv setenv t)
(gv-define-simple-setter documentation-property put)
(gv-define-simple-setter get-register set-register)

(gv-define-expander substring
  (lambda (do place from &optional to)
    (gv-letplace (getter setter) place
      (macroexp-let2* nil ((start from) (end to))
        (funcall do `(substring ,getter ,start ,end)
                 (lambda (v)
                   (macroexp-let2 nil v v
                     `(progn
                        ,(funcall setter `(cl--set-substring
                                           ,getter ,start ,end ,v))
                        ,v))))))))

;;; push and pop on any place.  The symbol case stays exactly as in subr.el,
;;; so that it expands the same way it always did.

(defmacro push (newelt place)
  "Add NEWELT to the list stored in the generalized variable PLACE.
Like (setf PLACE (cons NEWELT PLACE)), but PLACE is evaluated only once,
after NEWELT."
  (declare (debug (form gv-place)))
  (if (symbolp place)
      (list 'setq place (list 'cons newelt place))
    (macroexp-let2 macroexp-copyable-p x newelt
      (gv-letplace (getter setter) place
        (funcall setter (list 'cons x getter))))))

(defmacro pop (place)
  "Return the first element of PLACE's value, and remove it from the list.
PLACE is a generalized variable holding a list; if it is nil, `pop'
returns nil and leaves it alone."
  (declare (debug (gv-place)))
  (list 'car-safe
        (if (symbolp place)
            (list 'prog1 place (list 'setq place (list 'cdr place)))
          (gv-letplace (getter setter) place
            (macroexp-let2 macroexp-copyable-p x getter
              (list 'prog1 x (funcall setter (list 'cdr x))))))))

;;; Expand the macros of the code above once, now, since it runs at every
;;; expansion of a place.

(subr--expand-definitions-now
 '(gv-get gv-setter gv--defsetter gv-letplace gv-define-expander gv-define-setter
   gv-define-simple-setter gv--defun-declaration setf push pop gv-ref gv-deref
   gv--let-expander gv--closure-pair gv--via-pair gv--do-small-p
   gv-synthetic-place gv-delay-error macroexp-let2 macroexp-let2*
   macroexp-let* macroexp-unprogn macroexp--maxsize macroexp-small-p))
(mapatoms (lambda (symbol)
            (let ((expander (get symbol 'gv-expander)))
              (if (eq (car-safe expander) 'closure)
                  (subr--expand-closure-now expander)))))

(provide 'gv)

;;; gv.el ends here
