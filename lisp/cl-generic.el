;;; cl-generic.el --- generic functions with methods, for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A generic function NAME keeps its state on NAME's `cl--generic'
;; property, a record shaped as GNU's:
;;   #s(cl--generic NAME DISPATCHES METHODS OPTIONS)
;; DISPATCHES stays nil (the dispatcher in NAME's function cell keeps
;; its own cache, see "Dispatch" below) and METHODS, newest first, are
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

(defun cl-no-next-method (generic method &rest args) "Signal that METHOD of GENERIC, called with ARGS, has no next method."
  (signal 'cl-no-next-method `(,generic ,method ,@args)))

(defun cl-no-applicable-method (generic &rest args) "Signal that none of the methods of GENERIC accepts ARGS."
  (signal 'cl-no-applicable-method `(,generic ,@args)))

(defun cl-no-primary-method (generic &rest args) "Signal that GENERIC has only qualified methods for ARGS, no primary one."
  (signal 'cl-no-primary-method `(,generic ,@args)))

(defun cl-generic-p (f) "Return the generic function object F names, or nil if it names none."
  (and (symbolp f) (get f 'cl--generic)))

;;;; Registering generics and methods

(defun cl--generic-object (name) "The generic function object of NAME, created empty if NAME has none."
  (or (get name 'cl--generic)
      (put name 'cl--generic (record 'cl--generic name nil nil nil))))

(defun cl--generic-install (name) "Make NAME's function cell dispatch to its methods; return NAME.
Called whenever the methods change, so that no stale cache survives."
  (defalias name (cl--generic-dispatcher name (get name 'cl--generic))))

(defun cl-generic-define (name lambda-list options) "Make NAME a generic function taking LAMBDA-LIST, with the OPTIONS of its `cl-defgeneric'.
Methods NAME already has are kept while NAME is still defined; after
`fmakunbound' the generic starts afresh.  (:documentation DOC) options
are kept out of the generic (the macro puts them in the docstring it
gives `defalias').  Return the function to install as NAME's
definition; this function does not install it."
  (or (fboundp name) (put name 'cl--generic nil))
  ;; Dispatch wants the :argument-precedence-order as positions.
  (let* ((names (cdr (assq :argument-precedence-order options)))
         (positions (mapcar (lambda (param)
                              (or (cl--generic-index param lambda-list)
                                  (error "%S is not an argument of %S"
                                         param name)))
                            names)))
    (aset (cl--generic-object name) 4
          (let ((kept '()))
            (dolist (opt options (nreverse kept))
              (unless (eq (car-safe opt) :documentation) (push opt kept)))))
    (put name 'cl--generic-arg-order positions))
  (cl--generic-dispatcher name (get name 'cl--generic)))

(defun cl--generic-doc (doc args) "DOC, or an empty string, with a usage line for the lambda list ARGS.
A DOC that already ends in a usage line is kept as it is."
  (setq doc (if (stringp doc) doc ""))
  (if (string-match-p "\n\n(fn.*)\\'" doc)
      doc
    (let ((blank (cond ((string-suffix-p "\n\n" doc) "")
                       ((string-suffix-p "\n" doc) "\n")
                       (t "\n\n"))))
      (concat doc blank
              (format "%S" (cons 'fn (mapcar #'cl--generic-usage-arg args)))))))

(defun cl--generic-usage-arg (arg) "How the usage line of a generic function shows its parameter ARG.
Names are upcased, a plain name losing one leading underscore; for a
parameter with a default, only its name changes."
  (cond
   ((and (symbolp arg) (not (string-prefix-p "&" (symbol-name arg))))
    (let ((text (symbol-name arg)))
      (intern (upcase (if (string-prefix-p "_" text) (substring text 1) text)))))
   ((and (consp arg) (symbolp (car arg)))
    `(,(intern (upcase (symbol-name (car arg)))) ,@(cdr arg)))
   (t arg)))

(defun cl--generic-eql-object (form) "The object an (eql FORM) specializer compares arguments with.
Like GNU Emacs 28, a symbol other than nil, t or a keyword stands for
itself; any other FORM is evaluated."
  (if (and form (symbolp form) (not (eq form t)) (not (keywordp form)))
      form
    (eval form t)))

(defun cl--generic-specializer (spec) "Check the specializer SPEC of a method parameter; return it ready for dispatch."
  (cond
   ((eq spec t) t)
   ((eq (car-safe spec) 'eql)
    (list 'eql (cl--generic-eql-object (cadr spec))))
   ((eq (car-safe spec) 'head) spec)
   ((eq (car-safe spec) 'derived-mode) spec)
   ((and (symbolp spec)
         (or (memq spec cl--all-builtin-types)
             (cl--struct-class-p (cl--find-class spec))
             (get spec 'cl--generic-types)))
    spec)
   ;; Anything else must be claimed by a generalizer, through the
   ;; `cl-generic-generalizers' generic of cl-generic-gen.el (autoloaded).
   (t (cl--generic-register-custom spec))))

(defun cl--generic-required-params (arglist) "The required parameters at the head of the method ARGLIST.
Each is VAR or (VAR SPECIALIZER), as written."
  (let ((params '()))
    (while (and arglist
                (not (and (symbolp (car arglist))
                          (string-prefix-p "&" (symbol-name (car arglist))))))
      (push (pop arglist) params))
    (nreverse params)))

(defun cl--generic-context-entries (arglist) "The (EXPR SPECIALIZER) pairs of the &context part of the method ARGLIST.
An entry whose head has a context rewriter, such as (major-mode MODE),
is first rewritten into such a pair."
  (let ((tail (cdr (memq '&context arglist))) (entries '()))
    (while (and tail (not (and (symbolp (car tail))
                               (string-prefix-p "&" (symbol-name (car tail))))))
      (let* ((entry (pop tail))
             (rewriter (and (consp entry) (symbolp (car entry))
                            (get (car entry) 'cl-generic--context-rewriter))))
        (push (if rewriter (apply rewriter (cdr entry)) entry) entries)))
    (nreverse entries)))

(defun cl--generic-drop-context (arglist) "ARGLIST without its &context keyword and entries."
  (let ((out '()) (skipping nil))
    (dolist (item arglist)
      (cond ((eq item '&context) (setq skipping t))
            ((and skipping (not (and (symbolp item) (string-prefix-p "&" (symbol-name item))))))
            (t (setq skipping nil) (push item out))))
    (nreverse out)))

(defun cl--generic-context-spec-p (spec) "Non-nil if SPEC, from a method's specializers, is a ((&context . EXPR) . SPECIALIZER) entry."
  (eq (car-safe (car-safe spec)) '&context))

(defun cl-generic-define-method (name qualifiers args call-con function) "Add to the generic function NAME a method with QUALIFIERS.
ARGS is the method's lambda list, specializers included; FUNCTION
implements it, taking the next-method function first when CALL-CON
is non-nil.  A method with the same specializers and qualifiers as an
existing one replaces it.  Return NAME."
  ;; A method for an alias of a generic goes to the generic itself.
  (let ((target (symbol-function name)))
    (while (and target (symbolp target) (null (get name 'cl--generic)))
      (setq name target
            target (symbol-function target))))
  (let ((generic (get name 'cl--generic)))
    (when (and (null generic) (fboundp name)
               (not (autoloadp (symbol-function name))))
      (error "%s is already defined as something else than a generic function"
             name))
    (setq generic (cl--generic-object name))
    (let* ((specializers
            (append
             (mapcar (lambda (param)
                       (if (consp param) (cl--generic-specializer (cadr param)) t))
                     (cl--generic-required-params args))
             (mapcar (lambda (entry)
                       (cons (cons '&context (car entry)) (cl--generic-specializer (cadr entry))))
                     (cl--generic-context-entries args))))
           (method (record 'cl--generic-method specializers qualifiers
                           call-con function))
           (same (cl--generic-any
                  (lambda (old)
                    (and (equal (aref old 1) specializers)
                         (equal (aref old 2) qualifiers)))
                  (aref generic 3))))
      (if same
          (setcar same method)
        (aset generic 3 (cons method (aref generic 3))))
      ;; GNU notes each method in `load-history' as (cl-defmethod NAME QUALIFIERS . SPECIALIZERS).
      (let ((entry (cons 'cl-defmethod (cons name (cons qualifiers specializers)))))
        (unless (member entry current-load-list) (push entry current-load-list))))
    (cl--generic-install name)))

;;;; Dispatch

(defvar cl--generic-custom-specs nil "Nil, or an `equal' table of the specializers that generalizers handle.
Each maps to its list of generalizers; cl-generic-gen.el fills it.")

(defun cl--generic-custom-p (generic) "Non-nil if some method of GENERIC has a specializer of a generalizer."
  (and cl--generic-custom-specs
       (cl--generic-any
        (lambda (method)
          (cl--generic-any (lambda (spec) (gethash spec cl--generic-custom-specs))
                           (aref method 1)))
        (aref generic 3))))

(defun cl--generic-context-p (generic) "Non-nil if some method of GENERIC has a &context specializer."
  (cl--generic-any (lambda (method) (cl--generic-any #'cl--generic-context-spec-p (aref method 1)))
                   (aref generic 3)))

(defun cl--generic-types-of (arg) "The names of the types ARG belongs to, most specific first, t aside.
A structure's types are its own and its ancestors'; a record whose tag
has a `cl--generic-types' property (an EIEIO object's class name) has
the types that lists; other objects get theirs from `cl--typeof-types'."
  (let ((tag (type-of arg)))
    (or (and (recordp arg) (or (cl--struct-parent-names tag) (get tag 'cl--generic-types)))
        (assq (if (null arg) 'null tag) cl--typeof-types))))

(defun cl--generic-match (spec arg present types) "How closely SPEC fits ARG: a number, lower being closer, or nil if not.
PRESENT is nil when the call has no argument in ARG's position; TYPES
is what `cl--generic-types-of' says of ARG."
  (cond
   ((eq spec t) most-positive-fixnum)
   ((not present) nil)
   ;; Ranks follow GNU's generalizer priorities, (100 - PRIORITY) * 1000
   ;; plus the index among what the generalizer lists: eql 100, head 80,
   ;; types 50 (structures) and 10 (the rest) kept as one band.
   ((eq (car-safe spec) 'eql) (and (eql arg (cadr spec)) 0))
   ((eq (car-safe spec) 'head) (and (eql (car-safe arg) (cadr spec)) 20000))
   ;; A major mode fits the modes it derives from, its own closest.
   ;; As in GNU 28, a specializer naming several modes fits none.
   ((eq (car-safe spec) 'derived-mode)
    (let ((mode (and (null (cddr spec)) arg)) (depth 0) (rank nil))
      (while (and mode (symbolp mode) (null rank))
        (if (eq mode (cadr spec))
            (setq rank (+ 10000 depth))
          (setq mode (get mode 'derived-mode-parent) depth (+ depth 1))))
      rank))
   ((and cl--generic-custom-specs (gethash spec cl--generic-custom-specs))
    (cl--generic-custom-rank spec arg))
   (t (let ((rank (cl--generic-index spec types)))
        (and rank (+ 50000 rank))))))

(defun cl--generic-index (elt list) "The index of ELT in LIST, compared with `eq', or nil."
  (let ((tail (memq elt list)))
    (and tail (- (length list) (length tail)))))

(defun cl--generic-fit (method args type-lists) "The closeness of METHOD to the call ARGS, position by position.
The value is a list of numbers, or the symbol `unfit' if METHOD does
not apply.  TYPE-LISTS holds, for each argument, the types it belongs to."
  (let ((fit '()) (specs (aref method 1)))
    (while (and specs (listp fit))
      (let ((rank (if (cl--generic-context-spec-p (car specs))
                      ;; Context specializers look at their expression's value now.
                      (let ((value (eval (cdar (car specs)) t)))
                        (cl--generic-match (cdr (car specs)) value t
                                           (cl--generic-types-of value)))
                    (cl--generic-match (car specs) (car args) (consp args)
                                       (car type-lists)))))
        (setq fit (if rank (cons rank fit) 'unfit)))
      (setq specs (cdr specs) args (cdr args) type-lists (cdr type-lists)))
    (if (listp fit) (nreverse fit) fit)))

(defun cl--generic-closer-p (fit-a fit-b) "Non-nil if FIT-A beats FIT-B at the first position where they differ."
  (let ((verdict nil))
    (while (and (or fit-a fit-b) (null verdict))
      (let ((a (if fit-a (pop fit-a) most-positive-fixnum))
            (b (if fit-b (pop fit-b) most-positive-fixnum)))
        (cond ((< a b) (setq verdict 'yes))
              ((> a b) (setq verdict 'no)))))
    (eq verdict 'yes)))

(defun cl--generic-reorder (fit order) "FIT with the ranks at the positions ORDER lists first, in that order.
The ranks of the other positions follow in their own order."
  (let ((front (mapcar (lambda (pos) (or (nth pos fit) most-positive-fixnum))
                       order))
        (back '())
        (pos 0))
    (dolist (rank fit)
      (or (memq pos order) (push rank back))
      (setq pos (+ pos 1)))
    (nconc front (nreverse back))))

(defun cl--generic-applicable (generic args) "The methods of GENERIC that apply to ARGS, closest first.
Equally close methods come newest first."
  (let ((type-lists (mapcar #'cl--generic-types-of args))
        (order (get (aref generic 1) 'cl--generic-arg-order))
        (candidates '()))
    (dolist (method (aref generic 3))
      (let ((fit (cl--generic-fit method args type-lists)))
        (unless (eq fit 'unfit)
          (push (cons (if order (cl--generic-reorder fit order) fit) method)
                candidates))))
    (mapcar #'cdr (sort (nreverse candidates)
                        (lambda (a b) (cl--generic-closer-p (car a) (car b)))))))

(defconst cl--generic-query (make-symbol "cl--generic-query")
  "Argument with which a next-method function answers `cl-next-method-p'.")

(defun cl--generic-next-p (cnm) "Whether the next-method function CNM has a method to call."
  (funcall cnm cl--generic-query))

(defun cl--generic-link (name method next) "A function of the call's arguments that runs METHOD, one of NAME's.
NEXT runs what follows METHOD, nil if nothing does.  A method that
never calls the next one is its own function."
  (let ((fn (aref method 4)))
    (if (null (aref method 3))
        fn
      (lambda (&rest args)
        (apply fn
               (lambda (&rest new-args)
                 (cond
                  ((and new-args (eq (car new-args) cl--generic-query))
                   (and next t))
                  (next (apply next (or new-args args)))
                  (t (apply #'cl-no-next-method name method
                            (or new-args args)))))
               args)))))

(defun cl--generic-chain (name methods last) "A function running METHODS of NAME in turn, each the next of the one before.
LAST, possibly nil, comes after them all."
  (let ((chain last))
    (dolist (method (reverse methods))
      (setq chain (cl--generic-link name method chain)))
    chain))

(defun cl--generic-role (name method) "The role the qualifiers of METHOD, one of NAME's, give it.
That is nil for a primary method, else :before, :after or :around;
`:extra STRING' pairs do not count."
  (let ((quals (aref method 2)))
    (while (eq (car quals) :extra)
      (setq quals (cddr quals)))
    (cond ((null quals) nil)
          ((and (null (cdr quals)) (memq (car quals) '(:before :after :around)))
           (car quals))
          (t (error "Unsupported qualifiers in function %S: %S" name quals)))))

(defun cl--generic-effective (name generic args) "The function that a call of the generic NAME on ARGS amounts to.
GENERIC is NAME's generic object.  The function takes the call's
arguments; it depends only on what the dispatcher looks at in ARGS, so
the dispatcher keeps it for later calls that look the same."
  (cl--generic-combine name (cl--generic-applicable generic args)))

(defun cl--generic-combine (name methods) "Join METHODS of the generic NAME, closest first, into one function.
Primary methods chain through `cl-call-next-method'; :before methods
run first, closest first, :after ones last, farthest first, and
:around methods wrap the lot."
  (let ((groups (list (list nil) (list :before) (list :after) (list :around))))
    (if (not methods)
        (lambda (&rest actual) (apply #'cl-no-applicable-method name actual))
      (dolist (m methods)
        (let ((group (assq (cl--generic-role name m) groups)))
          (setcdr group (cons m (cdr group)))))
      (let ((primary (reverse (cdr (assq nil groups))))
            (before (reverse (cdr (assq :before groups))))
            ;; Pushing reversed the closest-first order, as :after wants.
            (after (cdr (assq :after groups)))
            (around (reverse (cdr (assq :around groups)))))
        (if (null primary)
            (lambda (&rest actual) (apply #'cl-no-primary-method name actual))
          (let* ((main (cl--generic-chain name primary nil))
                 (alone (lambda (m) (cl--generic-link name m nil)))
                 (before (mapcar alone before))
                 (after (mapcar alone after))
                 (core (if (or before after)
                           (lambda (&rest actual)
                             (dolist (f before) (apply f actual))
                             (prog1 (apply main actual)
                               (dolist (f after) (apply f actual))))
                         main)))
            (cl--generic-chain name around core)))))))

;; The dispatcher.  Which methods apply to a call, and in what order,
;; depends on each dispatched argument only through its key: the
;; argument's cell in the list of (eql VALUE) values of its position if
;; it is one of them, else the cell of its car in the list of (head
;; VALUE) values if it is a cons with such a car, else its `type-of'
;; (`null' for nil).  Non-conses all agree on (head nil), and
;; `cl--generic-types-of' goes by the type tag alone, so equal keys
;; mean equal effective methods.  The effective method for each
;; combination of keys is computed once and kept in `eq' hash tables,
;; one level per dispatched position; defining a method or redefining
;; the generic installs a fresh dispatcher, which drops them.

(defun cl--generic-plan (generic) "What the dispatcher of GENERIC looks at, as (NEEDED . POSITIONS).
NEEDED is the number of arguments up to the last specialized one.
Each of POSITIONS, in increasing order, is (INDEX EQLS . HEADS): an
argument position some method specializes, the values of its eql
specializers and those of its head specializers."
  (let ((positions '()) (needed 0))
    (dolist (method (aref generic 3))
      (let ((pos 0))
        (dolist (spec (aref method 1))
          (unless (or (eq spec t) (cl--generic-context-spec-p spec))
            (setq needed (max needed (1+ pos)))
            (let ((entry (or (assq pos positions)
                             (car (push (list pos nil) positions)))))
              (pcase (car-safe spec)
                ('eql (unless (memql (cadr spec) (cadr entry))
                        (setcar (cdr entry) (cons (cadr spec) (cadr entry)))))
                ('head (unless (memql (cadr spec) (cddr entry))
                         (setcdr (cdr entry) (cons (cadr spec) (cddr entry))))))))
          (setq pos (+ pos 1)))))
    (cons needed (sort positions (lambda (a b) (< (car a) (car b)))))))

(defun cl--generic-key (arg position) "The cache key of ARG, the argument at POSITION of the dispatcher's plan."
  (or (memql arg (cadr position))
      (and (consp arg) (memql (car arg) (cddr position)))
      (if arg (type-of arg) 'null)))

(defun cl--generic-with-arity (needed inner) "A function of NEEDED required arguments and any more that applies INNER to them all.
Its arity is that of GNU's compiled dispatchers: `func-arity' gives
\(NEEDED . many), and a call with fewer arguments reports (NEEDED . NEEDED)."
  (if (zerop needed)
      inner
    ;; The bare symbol in the environment marks the closure as standing
    ;; for a compiled function (see `func-arity' and the arity error).
    (eval (cl--generic-arity-form needed)
          (list (cons 'inner inner) 'internal--compiled-arity t))))

(defvar cl--generic-arity-forms (make-vector 8 nil) "The `function' forms that `cl--generic-with-arity' has made, by NEEDED.
One form per count, so that the closures made from it share one lambda
body, which the evaluator then compiles once for all of them.")

(defun cl--generic-arity-form (needed) "The form whose value is a closure taking NEEDED arguments and more, applying `inner' to them all."
  (let ((known (and (< needed (length cl--generic-arity-forms))
                    (aref cl--generic-arity-forms needed))))
    (or known
        (let* ((params (mapcar (lambda (i) (intern (format "arg%d" i)))
                               (number-sequence 0 (1- needed))))
               (form `(function (lambda (,@params &rest more)
                                  (apply inner ,@params more)))))
          (when (< needed (length cl--generic-arity-forms))
            (aset cl--generic-arity-forms needed form))
          form))))

(defun cl--generic-lookup (name generic positions cache args) "The effective method of NAME for ARGS, kept in CACHE.
GENERIC is NAME's generic object, POSITIONS the dispatched positions
of its plan, CACHE the table of the first of them."
  (let ((table cache) (fn nil))
    (while positions
      (let* ((key (cl--generic-key (nth (caar positions) args) (car positions)))
             (found (gethash key table)))
        (setq positions (cdr positions))
        (cond
         (found (if positions (setq table found) (setq fn found)))
         (positions
          (setq table (puthash key (make-hash-table :test 'eq :size 4) table)))
         (t (setq fn (puthash key (tsmacs--setup-call #'cl--generic-effective
                                                      name generic args)
                              table))))))
    fn))

(defun cl--generic-position-taggers (generic positions) "For each of POSITIONS of GENERIC's plan, (POSITION . TAG-FUNCTIONS).
TAG-FUNCTIONS compute the tags of the generalizers of the custom
specializers that methods of GENERIC have at that position."
  (mapcar (lambda (position)
            (let ((fns '()))
              (dolist (method (aref generic 3))
                (let ((spec (nth (car position) (aref method 1))))
                  (dolist (g (and spec (not (cl--generic-context-spec-p spec))
                                  (gethash spec cl--generic-custom-specs)))
                    (let ((fn (cl--generic-tag-function g)))
                      (unless (memq fn fns) (push fn fns))))))
              (cons position (nreverse fns))))
          positions))

(defun cl--generic-dispatcher (name generic) "A function that calls the methods of the generic NAME that fit its arguments.
GENERIC is NAME's generic object, whose methods must not change while
the function is in use: a new method gets a new dispatcher."
  (let ((methods (aref generic 3)))
    (if (or (null methods)
            (and (null (cdr methods))
                 (null (cl--generic-any (lambda (spec) (not (eq spec t)))
                                        (aref (car methods) 1)))))
        ;; No method yet, or a lone one whose every specializer is `t' (a
        ;; `cl-defgeneric' with its default body, just loaded): it fits every
        ;; call, so combining it alone is the whole dispatch, as the last case
        ;; below finds after planning, sorting and caching for nothing.
        (tsmacs--setup-call #'cl--generic-combine name methods)
      (cl--generic-dispatch-by-plan name generic))))

(defun cl--generic-dispatch-by-plan (name generic) "The dispatcher of NAME for GENERIC when its methods need looking at.
That is, when it has several methods or one with some specializer other
than `t'; see `cl--generic-dispatcher'."
  (let* ((plan (cl--generic-plan generic))
         (needed (car plan))
         (positions (cdr plan))
         (last (1- needed))
         (cache (make-hash-table :test 'eq :size 8)))
    (cond
     ((cl--generic-context-p generic)
      ;; A context's value is not an argument: no cache.
      ;; Missing arguments count as nil here, as in GNU, so a call that
      ;; lacks one finds no method rather than a wrong count.
      (lambda (&rest call-args)
        (apply (cl--generic-effective name generic call-args) call-args)))
     ((cl--generic-custom-p generic)
      ;; Which specializers of a generalizer an argument satisfies depends
      ;; only on the tag the generalizer computes for it: the cache key
      ;; adds those tags to the usual keys, in an `equal' table.
      (let ((taggers (cl--generic-position-taggers generic positions))
            (table (make-hash-table :test 'equal)))
        (cl--generic-with-arity
         needed
         (lambda (&rest call-args)
          (let ((key '()))
            (dolist (entry taggers)
              (let ((arg (nth (car (car entry)) call-args)))
                (push (cl--generic-key arg (car entry)) key)
                (dolist (tagger (cdr entry)) (push (funcall tagger arg) key))))
            (apply (or (gethash key table)
                       (puthash key (tsmacs--setup-call #'cl--generic-effective
                                                        name generic call-args)
                                table))
                   call-args))))))
     ((and positions (null (cdr positions))
           (null (cadr (car positions))) (null (cddr (car positions))))
      ;; The common case: one dispatched position, only types.  The closure
      ;; finds what it needs in one vector bound last, so at the head of its
      ;; environment: a call looks up one variable, in one step, instead of
      ;; walking the environment for each of five.
      (let ((s (vector last cache needed name generic)))
        (if (= needed 1)
            ;; Dispatch on the first argument: it is a parameter of its own.
            (let ()
              (defvar internal--compiled-arity)
              (lambda (arg &rest more)
                (let ((key (if arg (type-of arg) 'null)))
                  (apply (or (gethash key (aref s 1))
                             (puthash key (tsmacs--setup-call #'cl--generic-effective
                                                              (aref s 3) (aref s 4)
                                                              (cons arg more))
                                      (aref s 1)))
                         arg more))))
          (cl--generic-with-arity
           needed
           (lambda (&rest call-args)
             (let* ((arg (nth (aref s 0) call-args))
                    (key (if arg (type-of arg) 'null))
                    (table (aref s 1)))
               (apply (or (gethash key table)
                          (puthash key (tsmacs--setup-call #'cl--generic-effective
                                                           (aref s 3) (aref s 4) call-args)
                                   table))
                      call-args)))))))
     (positions
      (let ((s (vector last cache needed name generic positions)))
        (cl--generic-with-arity
         needed
         (lambda (&rest call-args)
           (apply (cl--generic-lookup (aref s 3) (aref s 4) (aref s 5) (aref s 1) call-args)
                  call-args)))))
     (t
      ;; Nothing is specialized: every call runs the same methods, whatever
      ;; its arguments (a `t' specializer fits even a missing one), so the
      ;; effective method is the function itself, as GNU installs it: its
      ;; arity is the method's, and a call makes no dispatcher frame.
      (tsmacs--setup-call #'cl--generic-effective name generic nil)))))

;;;; The defining macros

(defun cl--generic-substitute (form) "Copy of the expanded FORM using `cl--cnm' for the next-method functions.
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

(defun cl--generic-mentions-p (symbol form) "Non-nil if SYMBOL occurs in FORM outside quoted data."
  (cond
   ((eq form symbol) t)
   ((atom form) nil)
   ((eq (car form) 'quote) nil)
   (t (let ((found nil))
        (while (and (consp form) (not found))
          (setq found (cl--generic-mentions-p symbol (pop form))))
        (or found (eq form symbol))))))

(defun cl--generic-method-lambda (params plain body) "The function form for a method with lambda list PLAIN and BODY.
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

(defun cl--generic-any (pred list) "The first tail of LIST whose car satisfies PRED, or nil if none does."
  (let ((tail list))
    (while (and tail (not (funcall pred (car tail))))
      (pop tail))
    tail))

(defun cl--generic-function-symbol (name) "The function symbol for the generic function name NAME.
A name (setf FOO) stands for the setter function of FOO."
  (if (eq (car-safe name) 'setf) (gv-setter (cadr name)) name))

(defun cl--defmethod-doc-pos () "Return the index a docstring has in the `cl-defmethod' form whose name follows point.
That is 2 plus the number of atoms (the name, then qualifiers) before
the argument list; point does not move."
  (save-excursion
    (let ((index 2))
      (while (progn (forward-comment (point-max))
                    (and (not (memq (char-after) '(?\( ?\) nil)))
                         (ignore-errors (forward-sexp 1) t)))
        (setq index (1+ index)))
      index)))

(defmacro cl-defmethod (name args &rest body) "Define a method of the generic function NAME, creating NAME if need be.
Qualifiers may come between NAME and ARGS: :before, :after, :around,
and :extra STRING to allow several methods with the same specializers.
In ARGS, a required parameter may be written (VAR SPECIALIZER), where
SPECIALIZER is a type, a structure name, (eql VAL) or (head VAL); the
method applies to calls whose arguments fit all the specializers.
BODY may use `cl-call-next-method' and `cl-next-method-p'.

\(fn NAME [QUALIFIER...] ARGS &rest [DOCSTRING] BODY)" (declare (doc-string cl--defmethod-doc-pos) (indent defun))
  (let ((items (cons args body))
        (qualifiers '()))
    ;; Everything before the first list is a qualifier.
    (while (not (listp (car items)))
      (let ((qualifier (pop items)))
        (setq qualifiers (if (eq qualifier :extra)
                             (cons (pop items) (cons qualifier qualifiers))
                           (cons qualifier qualifiers)))))
    (setq name (cl--generic-function-symbol name)
          args (car items)
          body (cdr items))
    (let* ((params (cl--generic-required-params args))
           (plain (append (mapcar (lambda (p) (if (consp p) (car p) p)) params)
                          (cl--generic-drop-context (nthcdr (length params) args))))
           (made (cl--generic-method-lambda params plain body)))
      ;; The nil stands where GNU's expansion leaves room for a warning.
      `(progn nil
              (declare-function ,name "")
              (cl-generic-define-method ',name ',(nreverse qualifiers) ',args
                                        ,(car made) ,(cdr made))))))

(defmacro cl-defgeneric (name args &rest options-and-methods) "Declare NAME a generic function whose methods take the lambda list ARGS.
OPTIONS-AND-METHODS may start with a docstring; then come (declare
...) forms, options such as (:documentation STRING), method
definitions (:method [QUALIFIER...] ARGS BODY...), and lastly any
forms, which become the body of a method with no specializers.
Methods defined earlier are kept." (declare (doc-string 3) (indent 2))
  (setq name (cl--generic-function-symbol name))
  (let ((items (if (stringp (car options-and-methods))
                   (cdr options-and-methods)
                 options-and-methods))
        (declarations '())
        ;; A leading docstring travels as a :documentation option.
        (options (if (stringp (car options-and-methods))
                     (list (list :documentation (car options-and-methods)))))
        (methods '())
        (seen-declare nil))
    (while (and items (consp (car items))
                (or (eq (caar items) 'declare) (keywordp (caar items))))
      (pcase (pop items)
        (`(declare . ,decls)
         (when seen-declare (error "Multiple `declare' for %S" name))
         (setq seen-declare t)
         (dolist (decl decls)
           ;; Declarations mean what they mean in a `defun'.
           (let* ((handler (cadr (assq (car decl) defun-declarations-alist)))
                  (form (and handler (apply handler name args (cdr decl)))))
             (if form (push form declarations)))))
        (`(:method . ,definition) (push `(cl-defmethod ,name ,@definition) methods))
        (option (push option options))))
    (when items
      (push `(cl-defmethod ,name ,args ,@items) methods))
    (let ((doc (cl--generic-doc (cadr (assq :documentation options)) args))
          (kept '()))
      (dolist (o options)
        (unless (eq (car-safe o) :documentation) (push o kept)))
      `(prog1
           (progn
             (defalias ',name
               (cl-generic-define ',name ',args
                                  ',kept)
               ,doc)
             :autoload-end
             ,@(nreverse methods))
         ,@(nreverse declarations)))))

(defmacro cl-generic-current-method-specializers () "Inside a method body, the specializers of its parameters, as an alist.
Meaningless outside a method: expanding it there is an error."
  (error "cl-generic-current-method-specializers used outside of a method"))

(defun cl-call-next-method (&rest _args) "Call the next applicable method; valid only inside a method body."
  (error "cl-call-next-method only allowed inside primary and around methods"))

(defun cl-next-method-p () "Return non-nil if a next method exists; valid only inside a method body."
  (error "cl-next-method-p only allowed inside primary and around methods"))

;;;; The records, as GNU exposes them to programs

;; Field readers check the record's tag, as struct accessors do, and
;; signal (wrong-type-argument TYPE OBJECT) otherwise.
(defmacro cl--generic-def-readers (tag &rest specs) "Define a reader (NAME INDEX) for each of SPECS, for records tagged TAG."
  (let ((forms '()))
    (dolist (spec specs)
      (push `(defun ,(car spec) (cl-x) ,(format "Return field %d of the `%s' record CL-X." (cadr spec) tag)
               (or (eq (type-of cl-x) ',tag)
                   (signal 'wrong-type-argument (list ',tag cl-x)))
               (aref cl-x ,(cadr spec)))
            forms))
    `(progn ,@(nreverse forms))))

(cl--generic-def-readers cl--generic
  (cl--generic-name 1) (cl--generic-dispatches 2) (cl--generic-method-table 3)
  (cl--generic-options 4))
(cl--generic-def-readers cl--generic-method
  (cl--generic-method-specializers 1) (cl--generic-method-qualifiers 2)
  (cl--generic-method-uses-cnm 3) (cl--generic-method-function 4))
(cl--generic-def-readers cl--generic-generalizer
  (cl--generic-generalizer-name 1) (cl--generic-generalizer-priority 2)
  (cl--generic-generalizer-tagcode-function 3)
  (cl--generic-generalizer-specializers-function 4))

(defun cl--struct-cl--generic-p (cl-x) "Return t if CL-X is a generic function record."
  (and (eq (type-of cl-x) 'cl--generic) t))
(defun cl--struct-cl--generic-method-p (cl-x) "Return t if CL-X is a method record."
  (and (eq (type-of cl-x) 'cl--generic-method) t))
(defun cl--generic-generalizer-p (cl-x) "Return t if CL-X is a generalizer record."
  (and (eq (type-of cl-x) 'cl--generic-generalizer) t))
(defalias 'copy-cl--generic #'copy-sequence)
(defalias 'copy-cl--generic-method #'copy-sequence)
(defalias 'copy-cl--generic-generalizer #'copy-sequence)

(defun cl--generic-make (name) "Return a new generic function record for NAME, without methods."
  (record 'cl--generic name nil nil nil))

(defun cl--generic-make-method (specializers qualifiers uses-cnm function) "Return a method record of SPECIALIZERS, QUALIFIERS, USES-CNM and FUNCTION."
  (record 'cl--generic-method specializers qualifiers uses-cnm function))

(defmacro cl--generic (name) "The generic function record kept for the symbol NAME, or nil."
  `(get ,name 'cl--generic))

(defmacro cl--generic-with-memoization (place &rest code) "Return PLACE's value if non-nil, else run CODE and store its value in PLACE." (declare (indent 1) (debug (gv-place body)))
  (gv-letplace (read-it write-it) place
    (let ((fresh (make-symbol "val")))
      `(or ,read-it
           (let* ((,fresh ,(macroexp-progn code)))
             (progn ,(funcall write-it fresh) ,fresh))))))

(defun cl-generic-function-options (generic) "Return the options given to the `cl-defgeneric' of the record GENERIC."
  (cl--generic-options generic))

(defun cl-generic-ensure-function (name &optional noerror) "Return the generic function record of NAME, making one if NAME has none.
An alias is followed to the generic it names.  A NAME defined as some
other function is an error unless NOERROR is non-nil."
  (let ((target name))
    (while (and (symbolp target) (null (get target 'cl--generic))
                (symbolp (symbol-function target)) (symbol-function target))
      (setq target (symbol-function target)))
    (unless (symbolp target) (signal 'wrong-type-argument (list 'symbolp target)))
    (or (get target 'cl--generic)
        (progn
          (and (not noerror) (fboundp target)
               (not (autoloadp (symbol-function target)))
               (error "%s is already defined as something else than a generic function"
                      target))
          (put target 'cl--generic (cl--generic-make target))))))

(defun cl-generic-apply (generic args) "Call the generic function of the record GENERIC with the list ARGS."
  (apply (cl--generic-name generic) args))

(defun cl-generic-call-method (generic method &optional fun) "Return a function that calls METHOD of the record GENERIC on its arguments.
If METHOD calls its next method, FUN runs that next method; without
FUN, doing so signals `cl-no-next-method'."
  (cl--generic-link nil method
                    (or fun
                        (lambda (&rest args)
                          (apply #'cl-no-next-method (cl--generic-name generic)
                                 method args)))))

(cl-defgeneric cl-generic-combine-methods (generic methods) "Return the function running METHODS of the record GENERIC, closest first.
The default method combines primary, :before, :after and :around
methods in the standard way; methods of this generic may combine
differently."
  (cl--generic-standard-method-combination generic methods))

(defun cl--generic-standard-method-combination (generic methods) "Combine METHODS of the record GENERIC the standard way, as a function."
  (cl--generic-combine (cl--generic-name generic) methods))

(defmacro cl-generic-define-context-rewriter (name args &rest body) "Make (NAME . ARGS) usable in a method's &context, rewritten to BODY's value." (declare (indent defun))
  `(eval-and-compile
     (put ',name 'cl-generic--context-rewriter (lambda ,args ,@body))))

(cl-generic-define-context-rewriter major-mode (mode &rest modes)
  (list 'major-mode (cons 'derived-mode (cons mode modes))))

(defun cl-generic-all-functions (&optional type) "Return the names of the generic functions, only those with a method on TYPE if given."
  (let ((names '()))
    (mapatoms
     (lambda (sym)
       (let ((generic (get sym 'cl--generic)))
         (when (and generic (fboundp sym)
                    (or (null type)
                        (cl--generic-any (lambda (m) (memq type (aref m 1)))
                                         (aref generic 3))))
           (push sym names)))))
    names))

(defun cl--generic-split-args (args) "Split the method lambda list ARGS into (SPECIALIZERS . PLAIN-ARGS).
SPECIALIZERS pairs each required parameter with its specializer, t
when it has none; PLAIN-ARGS is ARGS without the specializers."
  (let ((specs '()) (plain '()) (rest args))
    (while (and rest (not (memq (car rest) '(&optional &rest &key &context &body))))
      (let ((param (pop rest)))
        (if (consp param)
            (progn (push (cons (car param) (cadr param)) specs)
                   (push (car param) plain))
          (push (cons param t) specs)
          (push param plain))))
    (cons (nreverse specs) (nconc (nreverse plain) rest))))

(defun cl--generic-member-method (specializers qualifiers methods) "Return the tail of METHODS whose head has SPECIALIZERS and QUALIFIERS, or nil."
  (while (and methods
              (not (and (equal (aref (car methods) 1) specializers)
                        (equal (aref (car methods) 2) qualifiers))))
    (setq methods (cdr methods)))
  methods)

(provide 'cl-generic)
