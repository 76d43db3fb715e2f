;;; cl-generic.el --- generic functions: cl-defgeneric and cl-defmethod  -*- lexical-binding: t -*-

;; Written for tsmacs.  A generic function NAME keeps its methods in a
;; record on the `cl--generic' property of NAME:
;;   #s(cl--generic NAME METHODS OPTIONS)
;; and each method is
;;   #s(cl--generic-method SPECIALIZERS QUALIFIERS CALL-CON FUNCTION)
;; where FUNCTION takes (NEXT-FN NEXT-P ARG...).  NAME's function cell holds
;; a dispatcher closure that computes the effective method on each call.

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)

(defun cl-no-next-method (generic method &rest args)
  "Signal that METHOD of GENERIC has no next method to call."
  (signal 'cl-no-next-method (cons generic (cons method args))))

(defun cl-no-applicable-method (generic &rest args)
  "Signal that no method of GENERIC applies to ARGS."
  (signal 'cl-no-applicable-method (cons generic args)))

(defun cl-no-primary-method (generic &rest args)
  "Signal that GENERIC has no primary method for ARGS."
  (signal 'cl-no-primary-method (cons generic args)))

(defun cl--generic-get (name)
  "The generic record of NAME, creating it (and the dispatcher) if needed."
  (let ((g (get name 'cl--generic)))
    (unless g
      (setq g (record 'cl--generic name nil nil))
      (put name 'cl--generic g))
    (unless (and (symbolp name) (get name 'cl--generic-installed)
                 (eq (symbol-function name) (get name 'cl--generic-installed)))
      (let ((disp (cl--generic-make-dispatcher name)))
        (defalias name disp)
        (put name 'cl--generic-installed disp)))
    g))

(defun cl--generic-make-dispatcher (name)
  (lambda (&rest args) (cl--generic-dispatch name args)))

;;; Specializers.

(defun cl--generic-check-specializer (spec)
  (cond
   ((eq spec t) nil)
   ((consp spec)
    (unless (memq (car spec) '(eql head member))
      (error "Unknown specializer %S" spec)))
   ((memq spec cl--all-builtin-types) nil)
   ((cl--struct-class-p (cl--find-class spec)) nil)
   (t (error "Unknown specializer %S" spec))))

(defun cl--generic-normalize-specializer (spec)
  "Evaluate the value of an (eql VAL) specializer as GNU Emacs 28 does."
  (if (and (eq (car-safe spec) 'eql) (consp (cdr spec)))
      (let ((form (cadr spec)))
        (list 'eql (if (or (not (symbolp form)) (keywordp form)
                           (memq form '(nil t)))
                       (eval form t)
                     form)))
    spec))

(defun cl--generic-types-of (arg)
  "The type names ARG belongs to, most specific first (t excluded)."
  (let* ((tag (type-of arg))
         (structs (and (recordp arg) (cl--struct-parent-names tag))))
    (if structs
        structs
      (assq (if (null arg) 'null tag) cl--typeof-types))))

(defun cl--generic-rank (spec arg types)
  "How specific SPEC is for ARG (smaller is more specific), nil if not applicable."
  (cond
   ((eq spec t) 10000)
   ((consp spec)
    (cond
     ((eq (car spec) 'eql) (and (eql arg (cadr spec)) 0))
     ((eq (car spec) 'member) (and (memql arg (cdr spec)) 0))
     ((eq (car spec) 'head) (and (eq (car-safe arg) (cadr spec)) 1))))
   (t (let ((tail (memq spec types)))
        (and tail (+ 10 (- (length types) (length tail))))))))

;;; Defining.

(defun cl-generic-define-method (name qualifiers specializers call-con function)
  "Add a method to the generic function NAME."
  (let* ((g (cl--generic-get name))
         (methods (aref g 2))
         (new (record 'cl--generic-method specializers qualifiers call-con
                      function))
         (found nil))
    (dolist (s specializers) (cl--generic-check-specializer s))
    ;; A method with the same specializers and qualifiers replaces the old one.
    (let ((tail methods))
      (while tail
        (when (and (equal (aref (car tail) 1) specializers)
                   (equal (aref (car tail) 2) qualifiers))
          (setcar tail new)
          (setq found t tail nil))
        (setq tail (cdr tail))))
    (unless found (aset g 2 (cons new methods)))
    name))

(defun cl--generic-split-args (args)
  "Split the method lambda list ARGS into (SPECIALIZERS . PLAIN-ARGS)."
  (let ((specs nil) (plain nil) (required t))
    (while args
      (let ((a (car args)))
        (cond
         ((memq a '(&optional &rest &key &aux &body &allow-other-keys))
          (setq required nil)
          (setq plain (cons (if (eq a '&body) '&rest a) plain)))
         ((and required (consp a))
          (setq specs (cons (cl--generic-normalize-specializer (cadr a)) specs))
          (setq plain (cons (car a) plain)))
         (required
          (setq specs (cons t specs))
          (setq plain (cons a plain)))
         (t (setq plain (cons a plain)))))
      (setq args (cdr args)))
    ;; Trailing unspecialized arguments do not take part in dispatch.
    (while (and specs (eq (car specs) t)) (setq specs (cdr specs)))
    (cons (nreverse specs) (nreverse plain))))

(defun cl--generic-method-lambda (plain body)
  "The method function for lambda list PLAIN and BODY."
  (let* ((env (list (cons 'cl-call-next-method
                          (lambda (&rest args)
                            (if args
                                (cons 'funcall (cons 'cl--cnm args))
                              '(funcall cl--cnm))))
                    (cons 'cl-next-method-p
                          (lambda () '(funcall cl--nmp)))))
         (expanded (macroexp--all-forms body env))
         (simple (not (memq '&key plain)))
         (fn (if simple
                 (list 'function
                       (cons 'lambda (cons (cons 'cl--cnm (cons 'cl--nmp plain))
                                           (or expanded '(nil)))))
               (list 'cl-function
                     (cons 'lambda (cons (cons 'cl--cnm (cons 'cl--nmp plain))
                                         (or expanded '(nil))))))))
    fn))

(defmacro cl-defmethod (name args &rest body)
  "Define a method of the generic function NAME.
ARGS is a lambda list whose required arguments may be (VAR TYPE) with TYPE
a type, (eql VAL) or (head SYM).  Qualifiers :before, :after, :around and
:extra STRING may come before ARGS."
  (declare (doc-string 3) (indent defun))
  (let ((qualifiers nil))
    (while (not (listp args))
      (setq qualifiers (cons args qualifiers))
      (when (eq args :extra)
        (setq qualifiers (cons (car body) qualifiers))
        (setq body (cdr body)))
      (setq args (car body) body (cdr body)))
    (setq qualifiers (nreverse qualifiers))
    (when (eq (car-safe name) 'setf)
      (setq name (intern (format "(setf %s)" (cadr name)))))
    ;; Drop a docstring and declarations.
    (when (and (stringp (car body)) (cdr body)) (setq body (cdr body)))
    (while (eq (car-safe (car body)) 'declare) (setq body (cdr body)))
    (let* ((split (cl--generic-split-args args))
           (specs (car split))
           (call-con (if (memq (car-safe (car body)) '(cl-call-next-method)) t t)))
      (list 'cl-generic-define-method (list 'quote name)
            (list 'quote qualifiers) (list 'quote specs) call-con
            (cl--generic-method-lambda (cdr split) body)))))

(defmacro cl-defgeneric (name args &rest options-and-methods)
  "Define NAME as a generic function with lambda list ARGS.
OPTIONS-AND-METHODS may start with a docstring, then contain (declare ...),
\(:documentation ...) and (:method [QUALIFIERS] ARGS BODY) forms; any other
forms are the body of a default method."
  (declare (doc-string 3) (indent 2))
  (let ((methods nil) (body nil) (options nil))
    (when (eq (car-safe name) 'setf)
      (setq name (intern (format "(setf %s)" (cadr name)))))
    (when (stringp (car options-and-methods))
      (setq options-and-methods (cdr options-and-methods)))
    (while options-and-methods
      (let ((x (car options-and-methods)))
        (cond
         (body (setq body (append body (list x))))
         ((eq (car-safe x) 'declare) nil)
         ((eq (car-safe x) :method) (setq methods (cons (cdr x) methods)))
         ((and (consp x) (keywordp (car x))) (setq options (cons x options)))
         (t (setq body (list x)))))
      (setq options-and-methods (cdr options-and-methods)))
    (append
     (list 'progn
           (list 'cl--generic-reset (list 'quote name) (list 'quote options))
           :autoload-end)
     (mapcar (lambda (m) (cons 'cl-defmethod (cons name m)))
             (nreverse methods))
     (and body (list (cons 'cl-defmethod (cons name (cons args body))))))))

(defun cl--generic-reset (name options)
  "Start the generic function NAME afresh, with no methods."
  (let ((g (cl--generic-get name)))
    (aset g 2 nil)
    (aset g 3 options)
    name))

;;; Calling.

(defun cl--generic-method-ranks (method args)
  "The list of ranks of METHOD for ARGS, or nil if it does not apply."
  (let ((specs (aref method 1)) (ranks nil) (ok t))
    (while (and ok specs)
      (if (null args)
          (setq ok nil)
        (let* ((arg (car args))
               (r (cl--generic-rank (car specs) arg
                                    (and (symbolp (car specs))
                                         (cl--generic-types-of arg)))))
          (if r (setq ranks (cons r ranks)) (setq ok nil))))
      (setq specs (cdr specs) args (cdr args)))
    (and ok (cons method (nreverse ranks)))))

(defun cl--generic-more-specific-p (a b)
  "Whether ranked method A is more specific than ranked method B."
  (let ((ra (cdr a)) (rb (cdr b)) (res nil) (done nil))
    (while (and (not done) (or ra rb))
      (let ((x (if ra (car ra) 10000)) (y (if rb (car rb) 10000)))
        (cond ((< x y) (setq res t done t))
              ((> x y) (setq done t))))
      (setq ra (cdr ra) rb (cdr rb)))
    res))

(defun cl--generic-chain (name methods args-fn final)
  "Call the primary METHODS (most specific first) as a chain.
FINAL is called when the last method calls its next method."
  (if (null methods)
      final
    (let* ((m (car methods))
           (fn (aref m 4))
           (next (cl--generic-chain name (cdr methods) args-fn final))
           (has-next (and (cdr methods) t)))
      (lambda (&rest args)
        (apply fn
               (lambda (&rest cnm-args)
                 (apply next (or cnm-args args)))
               (lambda () has-next)
               args)))))

(defun cl--generic-dispatch (name args)
  (let* ((g (get name 'cl--generic))
         (ranked nil))
    (dolist (m (aref g 2))
      (let ((r (cl--generic-method-ranks m args)))
        (if r (setq ranked (cons r ranked)))))
    ;; Methods were stored newest first; sort stably by specificity.
    (setq ranked (sort (nreverse ranked) #'cl--generic-more-specific-p))
    (let ((primary nil) (before nil) (after nil) (around nil))
      (dolist (r ranked)
        (let* ((m (car r)) (q (aref m 2)))
          (if (eq (car q) :extra) (setq q (cddr q)))
          (cond ((null q) (setq primary (cons m primary)))
                ((eq (car q) :before) (setq before (cons m before)))
                ((eq (car q) :after) (setq after (cons m after)))
                ((eq (car q) :around) (setq around (cons m around))))))
      (setq primary (nreverse primary) before (nreverse before)
            around (nreverse around))
      ;; AFTER is already least specific first.
      (cond
       ((null ranked) (apply #'cl-no-applicable-method name args))
       (t
        (let* ((no-next (lambda (m)
                          (lambda (&rest a) (apply #'cl-no-next-method name m a))))
               (main
                (if (null primary)
                    (lambda (&rest a) (apply #'cl-no-primary-method name a))
                  (cl--generic-chain name primary nil
                                     (funcall no-next (car (last primary))))))
               (inner
                (if (or before after)
                    (lambda (&rest a)
                      (dolist (m before)
                        (apply (aref m 4) (funcall no-next m) #'ignore a))
                      (prog1 (apply main a)
                        (dolist (m after)
                          (apply (aref m 4) (funcall no-next m) #'ignore a))))
                  main))
               (effective
                (if around
                    (let ((chain inner) (ms (reverse around)))
                      (dolist (m ms)
                        (let ((next chain) (fn (aref m 4)))
                          (setq chain
                                (lambda (&rest a)
                                  (apply fn
                                         (lambda (&rest cnm-args)
                                           (apply next (or cnm-args a)))
                                         (lambda () t)
                                         a)))))
                      chain)
                  inner)))
          (apply effective args)))))))

(defmacro cl-generic-current-method-specializers ()
  "Not supported: always nil."
  nil)

(defun cl-call-next-method (&rest _args)
  "Call the next method; only meaningful inside `cl-defmethod'."
  (error "cl-call-next-method only allowed inside primary and around methods"))

(defun cl-next-method-p ()
  "Whether there is a next method; only meaningful inside `cl-defmethod'."
  (error "cl-next-method-p only allowed inside primary and around methods"))

(defun cl-generic-p (f)
  "Return non-nil if F is a generic function."
  (and (symbolp f) (get f 'cl--generic) t))

(provide 'cl-generic)

;;; cl-generic.el ends here
