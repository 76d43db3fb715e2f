;;; cl-generic.el --- generic functions with methods, for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A generic function NAME keeps its state on NAME's `cl--generic'
;; property, a record shaped as GNU's:
;;   #s(cl--generic NAME DISPATCHES METHODS OPTIONS)
;; DISPATCHES stays nil (nothing is cached: the applicable methods are
;; worked out afresh at each call) and METHODS, newest first, are
;;   #s(cl--generic-method SPECIALIZERS QUALIFIERS CALL-CON FUNCTION)
;; which errors such as `cl-no-next-method' carry in their data.  When the
;; body of a method uses `cl-call-next-method' or `cl-next-method-p',
;; CALL-CON is t and FUNCTION takes the "call next method" function as an
;; extra first argument, named `cl--cnm'.  NAME's function cell holds a
;; closure that dispatches to the methods.

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)

(defun cl-no-next-method (generic method &rest args)
  "Signal that METHOD of GENERIC, called with ARGS, has no next method."
  (signal 'cl-no-next-method `(,generic ,method ,@args)))

(defun cl-no-applicable-method (generic &rest args)
  "Signal that none of the methods of GENERIC accepts ARGS."
  (signal 'cl-no-applicable-method `(,generic ,@args)))

(defun cl-no-primary-method (generic &rest args)
  "Signal that GENERIC has only qualified methods for ARGS, no primary one."
  (signal 'cl-no-primary-method `(,generic ,@args)))

(defun cl-generic-p (f)
  "Return the generic function object F names, or nil if it names none."
  (and (symbolp f) (get f 'cl--generic)))

;;;; Registering generics and methods

(defun cl--generic-object (name)
  "The generic function object of NAME, created empty if NAME has none."
  (or (get name 'cl--generic)
      (put name 'cl--generic (record 'cl--generic name nil nil nil))))

(defun cl--generic-install (name)
  "Make NAME's function cell dispatch to its methods; return NAME."
  (defalias name (lambda (&rest args) (cl--generic-call name args))))

(defun cl-generic-define (name _args options)
  "Make NAME a generic function with the OPTIONS of its `cl-defgeneric'.
Methods NAME already has are kept.  Return NAME."
  (aset (cl--generic-object name) 4 options)
  (cl--generic-install name))

(defun cl--generic-eql-object (form)
  "The object an (eql FORM) specializer compares arguments with.
Like GNU Emacs 28, a symbol other than nil, t or a keyword stands for
itself; any other FORM is evaluated."
  (if (and form (symbolp form) (not (eq form t)) (not (keywordp form)))
      form
    (eval form t)))

(defun cl--generic-specializer (spec)
  "Check the specializer SPEC of a method parameter; return it ready for dispatch."
  (cond
   ((eq spec t) t)
   ((eq (car-safe spec) 'eql)
    (list 'eql (cl--generic-eql-object (cadr spec))))
   ((eq (car-safe spec) 'head) spec)
   ((and (symbolp spec)
         (or (memq spec cl--all-builtin-types)
             (cl--struct-class-p (cl--find-class spec))))
    spec)
   (t (error "Unknown specializer %S" spec))))

(defun cl--generic-required-params (arglist)
  "The required parameters at the head of the method ARGLIST.
Each is VAR or (VAR SPECIALIZER), as written."
  (let ((params '()))
    (while (and arglist
                (not (and (symbolp (car arglist))
                          (string-prefix-p "&" (symbol-name (car arglist))))))
      (push (pop arglist) params))
    (nreverse params)))

(defun cl-generic-define-method (name qualifiers args call-con function)
  "Add to the generic function NAME a method with QUALIFIERS.
ARGS is the method's lambda list, specializers included; FUNCTION
implements it, taking the next-method function first when CALL-CON
is non-nil.  A method with the same specializers and qualifiers as an
existing one replaces it.  Return NAME."
  (let ((generic (get name 'cl--generic)))
    (when (and (null generic) (fboundp name)
               (not (autoloadp (symbol-function name))))
      (error "%s is already defined as something else than a generic function"
             name))
    (setq generic (cl--generic-object name))
    (let* ((specializers
            (mapcar (lambda (param)
                      (if (consp param) (cl--generic-specializer (cadr param)) t))
                    (cl--generic-required-params args)))
           (method (record 'cl--generic-method specializers qualifiers
                           call-con function))
           (same (cl--generic-any
                  (lambda (old)
                    (and (equal (aref old 1) specializers)
                         (equal (aref old 2) qualifiers)))
                  (aref generic 3))))
      (if same
          (setcar same method)
        (aset generic 3 (cons method (aref generic 3)))))
    (cl--generic-install name)))

;;;; Dispatch

(defun cl--generic-types-of (arg)
  "The names of the types ARG belongs to, most specific first, t aside.
A structure's types are its own and its ancestors'; other objects get
theirs from `cl--typeof-types'."
  (let ((tag (type-of arg)))
    (or (and (recordp arg) (cl--struct-parent-names tag))
        (assq (if (null arg) 'null tag) cl--typeof-types))))

(defun cl--generic-match (spec arg present types)
  "How closely SPEC fits ARG: a number, lower being closer, or nil if not.
PRESENT is nil when the call has no argument in ARG's position; TYPES
is what `cl--generic-types-of' says of ARG."
  (cond
   ((eq spec t) most-positive-fixnum)
   ((not present) nil)
   ((eq (car-safe spec) 'eql) (and (eql arg (cadr spec)) 0))
   ((eq (car-safe spec) 'head) (and (eql (car-safe arg) (cadr spec)) 1))
   (t (let ((rank (cl--generic-index spec types)))
        (and rank (+ 2 rank))))))

(defun cl--generic-index (elt list)
  "The index of ELT in LIST, compared with `eq', or nil."
  (let ((tail (memq elt list)))
    (and tail (- (length list) (length tail)))))

(defun cl--generic-fit (method args type-lists)
  "The closeness of METHOD to the call ARGS, position by position.
The value is a list of numbers, or the symbol `unfit' if METHOD does
not apply.  TYPE-LISTS holds, for each argument, the types it belongs to."
  (let ((fit '()) (specs (aref method 1)))
    (while (and specs (listp fit))
      (let ((rank (cl--generic-match (car specs) (car args) (consp args)
                                     (car type-lists))))
        (setq fit (if rank (cons rank fit) 'unfit)))
      (setq specs (cdr specs) args (cdr args) type-lists (cdr type-lists)))
    (if (listp fit) (nreverse fit) fit)))

(defun cl--generic-closer-p (fit-a fit-b)
  "Non-nil if FIT-A beats FIT-B at the first position where they differ."
  (let ((verdict nil))
    (while (and (or fit-a fit-b) (null verdict))
      (let ((a (if fit-a (pop fit-a) most-positive-fixnum))
            (b (if fit-b (pop fit-b) most-positive-fixnum)))
        (cond ((< a b) (setq verdict 'yes))
              ((> a b) (setq verdict 'no)))))
    (eq verdict 'yes)))

(defun cl--generic-check-arity (generic args)
  "Signal `wrong-number-of-arguments' if ARGS omits a dispatched argument.
The methods of GENERIC dispatch on the arguments up to the last
specialized one."
  (let ((needed 0))
    (dolist (method (aref generic 3))
      ;; Trailing unspecialized parameters are not dispatched on.
      (let ((specs (reverse (aref method 1))))
        (while (eq (car specs) t) (pop specs))
        (setq needed (max needed (length specs)))))
    (when (< (length args) needed)
      (signal 'wrong-number-of-arguments
              (list (cons needed needed) (length args))))))

(defun cl--generic-applicable (generic args)
  "The methods of GENERIC that apply to ARGS, closest first.
Equally close methods come newest first."
  (let ((type-lists (mapcar #'cl--generic-types-of args))
        (candidates '()))
    (dolist (method (aref generic 3))
      (let ((fit (cl--generic-fit method args type-lists)))
        (unless (eq fit 'unfit)
          (push (cons fit method) candidates))))
    (mapcar #'cdr (sort (nreverse candidates)
                        (lambda (a b) (cl--generic-closer-p (car a) (car b)))))))

(defconst cl--generic-query (make-symbol "cl--generic-query")
  "Argument with which a next-method function answers `cl-next-method-p'.")

(defun cl--generic-next-p (cnm)
  "Whether the next-method function CNM has a method to call."
  (funcall cnm cl--generic-query))

(defun cl--generic-run (name method next args)
  "Call METHOD, one of NAME's, on ARGS.
NEXT is the function that runs what follows METHOD, nil if nothing does."
  (if (null (aref method 3))
      (apply (aref method 4) args)
    (apply (aref method 4)
           (lambda (&rest new-args)
             (cond
              ((and new-args (eq (car new-args) cl--generic-query)) (and next t))
              (next (apply next (or new-args args)))
              (t (apply #'cl-no-next-method name method (or new-args args)))))
           args)))

(defun cl--generic-chain (name methods last)
  "A function running METHODS of NAME in turn, each the next of the one before.
LAST, possibly nil, comes after them all."
  (let ((chain last))
    (dolist (method (reverse methods))
      (let ((method method) (next chain))
        (setq chain (lambda (&rest args) (cl--generic-run name method next args)))))
    chain))

(defun cl--generic-role (name method)
  "The role the qualifiers of METHOD, one of NAME's, give it.
That is nil for a primary method, else :before, :after or :around;
`:extra STRING' pairs do not count."
  (let ((quals (aref method 2)))
    (while (eq (car quals) :extra)
      (setq quals (cddr quals)))
    (cond ((null quals) nil)
          ((and (null (cdr quals)) (memq (car quals) '(:before :after :around)))
           (car quals))
          (t (error "Unsupported qualifiers in function %S: %S" name quals)))))

(defun cl--generic-call (name args)
  "Call the generic function NAME on ARGS."
  (let* ((generic (get name 'cl--generic))
         (methods (progn (cl--generic-check-arity generic args)
                         (cl--generic-applicable generic args)))
         (groups (list (list nil) (list :before) (list :after) (list :around))))
    (unless methods
      (apply #'cl-no-applicable-method name args))
    (dolist (method methods)
      (let ((group (assq (cl--generic-role name method) groups)))
        (setcdr group (cons method (cdr group)))))
    (let ((primary (reverse (cdr (assq nil groups))))
          (before (reverse (cdr (assq :before groups))))
          ;; Pushing reversed the closest-first order, as :after wants.
          (after (cdr (assq :after groups)))
          (around (reverse (cdr (assq :around groups)))))
      (unless primary
        (apply #'cl-no-primary-method name args))
      (let* ((main (cl--generic-chain name primary nil))
             (core (if (or before after)
                       (lambda (&rest args)
                         (dolist (m before) (cl--generic-run name m nil args))
                         (prog1 (apply main args)
                           (dolist (m after) (cl--generic-run name m nil args))))
                     main)))
        (apply (cl--generic-chain name around core) args)))))

;;;; The defining macros

(defun cl--generic-substitute (form)
  "Copy of the expanded FORM using `cl--cnm' for the next-method functions.
`function' references to `cl-call-next-method' and `cl-next-method-p'
become references to the local function; quoted data is left alone."
  (cond
   ((atom form) form)
   ((eq (car form) 'quote) form)
   ((equal form '(function cl-call-next-method)) 'cl--cnm)
   ((equal form '(function cl-next-method-p))
    '(lambda () (cl--generic-next-p cl--cnm)))
   (t (let ((copy '()))
        (while (consp form)
          (push (cl--generic-substitute (pop form)) copy))
        (nconc (nreverse copy) form)))))

(defun cl--generic-mentions-p (symbol form)
  "Non-nil if SYMBOL occurs in FORM outside quoted data."
  (cond
   ((eq form symbol) t)
   ((atom form) nil)
   ((eq (car form) 'quote) nil)
   (t (let ((found nil))
        (while (and (consp form) (not found))
          (setq found (cl--generic-mentions-p symbol (pop form))))
        (or found (eq form symbol))))))

(defun cl--generic-method-function (params plain body)
  "The function form for a method with lambda list PLAIN and BODY.
PARAMS are the method's required parameters as written, specializers
included.  Return (CALL-CON . FUNCTION-FORM)."
  ;; A docstring stays in the function; declarations are dropped.
  (let* ((doc (and (stringp (car body)) (cdr body) (list (pop body))))
         (body (cl--generic-any (lambda (form) (not (eq (car-safe form) 'declare)))
                                body))
         (alist (mapcar (lambda (p) (if (consp p) (cons (car p) (cadr p)) (cons p t)))
                        params))
         (env `((cl-call-next-method
                 . ,(lambda (&rest args) `(funcall cl--cnm ,@args)))
                (cl-next-method-p
                 . ,(lambda () '(cl--generic-next-p cl--cnm)))
                ;; GNU 28 expands this to the alist unquoted; so do we.
                (cl-generic-current-method-specializers . ,(lambda () alist))
                ,@(and (boundp 'macroexpand-all-environment)
                       macroexpand-all-environment)))
         (code (cl--generic-substitute (macroexpand-all `(progn ,@body) env)))
         (call-con (and (cl--generic-mentions-p 'cl--cnm code) t))
         (lambda-list (if call-con (cons 'cl--cnm plain) plain))
         ;; Lambda lists with keys or default values need `cl-function'.
         (fancy (cl--generic-any
                 (lambda (p) (or (consp p) (memq p '(&key &aux &body))))
                 plain))
         (fn `(lambda ,lambda-list ,@doc ,code)))
    (when fancy (require 'cl-lib))
    (cons call-con (if fancy `(cl-function ,fn) `(function ,fn)))))

(defun cl--generic-any (pred list)
  "The first tail of LIST whose car satisfies PRED, or nil if none does."
  (let ((tail list))
    (while (and tail (not (funcall pred (car tail))))
      (pop tail))
    tail))

(defun cl--generic-name (name)
  "The function symbol for the generic function name NAME.
A name (setf FOO) stands for the setter function of FOO."
  (if (eq (car-safe name) 'setf) (gv-setter (cadr name)) name))

(defmacro cl-defmethod (name args &rest body)
  "Define a method of the generic function NAME, creating NAME if need be.
Qualifiers may come between NAME and ARGS: :before, :after, :around,
and :extra STRING to allow several methods with the same specializers.
In ARGS, a required parameter may be written (VAR SPECIALIZER), where
SPECIALIZER is a type, a structure name, (eql VAL) or (head VAL); the
method applies to calls whose arguments fit all the specializers.
BODY may use `cl-call-next-method' and `cl-next-method-p'.

\(fn NAME [QUALIFIER...] ARGS &rest [DOCSTRING] BODY)"
  (declare (doc-string 3) (indent defun))
  (let ((items (cons args body))
        (qualifiers '()))
    ;; Everything before the first list is a qualifier.
    (while (not (listp (car items)))
      (let ((qualifier (pop items)))
        (setq qualifiers (if (eq qualifier :extra)
                             (cons (pop items) (cons qualifier qualifiers))
                           (cons qualifier qualifiers)))))
    (setq name (cl--generic-name name)
          args (car items)
          body (cdr items))
    (let* ((params (cl--generic-required-params args))
           (plain (append (mapcar (lambda (p) (if (consp p) (car p) p)) params)
                          (nthcdr (length params) args)))
           (made (cl--generic-method-function params plain body)))
      `(cl-generic-define-method ',name ',(nreverse qualifiers) ',args
                                 ,(car made) ,(cdr made)))))

(defmacro cl-defgeneric (name args &rest options-and-methods)
  "Declare NAME a generic function whose methods take the lambda list ARGS.
OPTIONS-AND-METHODS may start with a docstring; then come (declare
...) forms, options such as (:documentation STRING), method
definitions (:method [QUALIFIER...] ARGS BODY...), and lastly any
forms, which become the body of a method with no specializers.
Methods defined earlier are kept."
  (declare (doc-string 3) (indent 2))
  (setq name (cl--generic-name name))
  (let ((items (if (stringp (car options-and-methods))
                   (cdr options-and-methods)
                 options-and-methods))
        (declarations '()) (options '()) (methods '()))
    (while (and items (consp (car items))
                (or (eq (caar items) 'declare) (keywordp (caar items))))
      (pcase (pop items)
        (`(declare . ,decls)
         (dolist (decl decls)
           ;; Declarations mean what they mean in a `defun'.
           (let* ((handler (cadr (assq (car decl) defun-declarations-alist)))
                  (form (and handler (apply handler name args (cdr decl)))))
             (if form (push form declarations)))))
        (`(:method . ,definition) (push `(cl-defmethod ,name ,@definition) methods))
        (option (push option options))))
    (when items
      (push `(cl-defmethod ,name ,args ,@items) methods))
    `(progn
       (cl-generic-define ',name ',args ',(nreverse options))
       ,@(nreverse declarations)
       :autoload-end
       ,@(nreverse methods))))

(defmacro cl-generic-current-method-specializers ()
  "Inside a method body, the specializers of its parameters, as an alist.
Meaningless outside a method: expanding it there is an error."
  (error "cl-generic-current-method-specializers used outside of a method"))

(defun cl-call-next-method (&rest _args)
  "Call the next applicable method; valid only inside a method body."
  (error "cl-call-next-method only allowed inside primary and around methods"))

(defun cl-next-method-p ()
  "Return non-nil if a next method exists; valid only inside a method body."
  (error "cl-next-method-p only allowed inside primary and around methods"))

(provide 'cl-generic)

;;; cl-generic.el ends here
