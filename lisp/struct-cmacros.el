;;; struct-cmacros.el --- the compiler-macro functions of some preloaded structure accessors -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  GNU defines the accessors of
;; its timer, decoded-time and ppss structures with `cl-defstruct', which gives each accessor a
;; compiler macro NAME--cmacro that open-codes the slot access.  tsmacs's accessors are plain
;; functions (no compiler-macro property is set), but the NAME--cmacro functions exist and give
;; GNU's expansions: (cl-block NAME (progn ACCESS)), with a non-trivial argument first bound
;; to `cl-x'.

;;; Code:

;; Whether an argument form may be written into the expansion in place of the parameter, rather
;; than bound first: GNU's answers show a small form qualifies when it calls only cheap, pure
;; operations (plus `if', `and', `or' and the prog forms) and has at most ten leaves and heads.
(defconst struct-cmacros--cheap-heads
  '(if and or progn prog1 prog2 + - 1+ 1- aref butlast car car-safe cdr cdr-safe elt eql kbd last
    match-string match-string-no-properties max member-ignore-case min nth proper-list-p remove
    remq string-replace xor json-parse-string json-serialize copy-tree
    cl-acons cl-ceiling cl-endp cl-equalp cl-evenp cl-floor cl-gcd cl-get cl-getf cl-isqrt cl-lcm
    cl-ldiff cl-list* cl-list-length cl-minusp cl-mod cl-oddp cl-pairlis cl-plusp
    cl-random-state-p cl-rem cl-rest cl-round cl-signum cl-sublis cl-subseq cl-subst cl-truncate
    cl-first cl-second cl-third cl-fourth cl-fifth cl-sixth cl-seventh cl-eighth cl-ninth cl-tenth
    cl-struct-sequence-type cl-struct-slot-info cl-struct-slot-offset cl-struct-slot-value)
  "Heads of calls cheap enough for a structure compiler macro to repeat.")

(defun struct-cmacros--cheap-head-p (head) "Non-nil if a call of HEAD may be repeated in an expansion."
  (and (symbolp head)
       (or (memq head struct-cmacros--cheap-heads)
           (string-match-p "\\`cl-c[ad]+r\\'" (symbol-name head))
           ;; Other structure accessors, predicates and constructors are open-coded too.
           (fboundp (intern-soft (concat (symbol-name head) "--cmacro"))))))

(defun struct-cmacros--cost (form budget) "What remains of BUDGET after FORM's leaves and heads, or nil once it runs out or FORM is not cheap."
  (cond ((or (atom form) (memq (car form) '(quote function))) (and (> budget 0) (1- budget)))
        ((not (struct-cmacros--cheap-head-p (car form))) nil)
        (t (let ((left (1- budget)) (args (cdr form)))
             (while (and left (consp args))
               (setq left (struct-cmacros--cost (car args) left)
                     args (cdr args)))
             (and left (>= left 0) left)))))

(defun struct-cmacros--trivial-p (arg) "Non-nil when ARG can be used in the expansion as it is."
  (and (struct-cmacros--cost arg 10) t))

(defun struct-cmacros--constant-p (form) "Non-nil if FORM always evaluates to the same object."
  (cond ((consp form) (memq (car form) '(quote function)))
        ((symbolp form) (or (null form) (eq form t) (keywordp form)))
        (t t)))

(defun struct-cmacros--expand (name access arg &optional bare) "The expansion of a call of the accessor NAME on ARG, whose slot ACCESS reads given a form for the object.
Unless BARE, ACCESS's form is wrapped in a `progn'."
  (let ((body (lambda (object)
                (let ((form (funcall access object)))
                  (list 'cl-block name (if bare form (list 'progn form)))))))
    (if (struct-cmacros--trivial-p arg)
        (funcall body arg)
      (list 'let (list (list 'cl-x arg)) (funcall body 'cl-x)))))

(defun struct-cmacros--check-count (fn count least most) "Signal as GNU does if FN got COUNT arguments, fewer than LEAST or more than MOST (nil: no limit)."
  (when (or (< count least) (and most (> count most)))
    (signal 'wrong-number-of-arguments (list fn count))))

(defun struct-cmacros--define (name access &optional bare) "Define NAME--cmacro, the compiler-macro function of the accessor NAME whose slot ACCESS reads.
BARE is as for `struct-cmacros--expand'."
  (defalias (intern (concat (symbol-name name) "--cmacro"))
    (lambda (&rest args)
      (struct-cmacros--check-count (intern (concat (symbol-name name) "--cmacro")) (length args) 2 2)
      (struct-cmacros--expand name access (nth 1 args) bare))
    (format "Open-code a call of `%s' on OBJECT, as its compiler macro does." name)))

(defun struct-cmacros--define-reader (name check type index) "Define NAME--cmacro for a reader of slot INDEX of records that CHECK accepts, TYPE in its error."
  (struct-cmacros--define
   name (lambda (object)
          `(progn (or (,check ,object) (signal 'wrong-type-argument (list ',type ,object)))
                  (aref ,object ,index)))
   t))

(defun struct-cmacros--define-test (name tags) "Define NAME--cmacro for a type predicate testing membership of `type-of' in the variable TAGS."
  (struct-cmacros--define
   name (lambda (object) `(and (memq (type-of ,object) ,tags) t))
   t))

(defun struct-cmacros--build (name params values body) "The expansion of a call of the constructor NAME: BODY given forms for PARAMS.
VALUES are the argument forms of the call; when some is not cheap, each one that is not a
constant is bound to its parameter's name first."
  (let ((forms nil) (bindings nil) (all-cheap t))
    (dolist (v values) (unless (struct-cmacros--trivial-p v) (setq all-cheap nil)))
    (let ((ps params) (vs values))
      (while ps
        (let ((value (car vs)))
          (if (or all-cheap (struct-cmacros--constant-p value))
              (push value forms)
            (push (list (car ps) value) bindings)
            (push (car ps) forms)))
        (setq ps (cdr ps) vs (cdr vs))))
    (let ((block (list 'cl-block name (funcall body (nreverse forms)))))
      (if bindings (list 'let (nreverse bindings) block) block))))

(defun struct-cmacros--define-maker (name tag params order required &optional rest) "Define NAME--cmacro for a constructor of TAG records taking PARAMS, REQUIRED of them required.
ORDER lists the parameters in the order of the record's slots; REST non-nil means the
constructor takes (and ignores) further arguments."
  (defalias (intern (concat (symbol-name name) "--cmacro"))
    (lambda (&rest call)
      (struct-cmacros--check-count (intern (concat (symbol-name name) "--cmacro"))
                                   (length call) (1+ required)
                                   (and (not rest) (1+ (length params))))
      ;; Arguments past PARAMS (a &rest the constructor ignores) take no part.
      (let* ((args (cdr call))
             (given (butlast args (max 0 (- (length args) (length params))))))
        (struct-cmacros--build
         name params given
         (lambda (forms)
           (let ((by-name nil) (ps params) (fs forms))
             (while ps
               (push (cons (car ps) (car fs)) by-name)
               (setq ps (cdr ps) fs (cdr fs)))
             (cons 'record (cons (list 'quote tag)
                                 (mapcar (lambda (p) (cdr (assq p by-name))) order))))))))
    (format "Open-code a call of `%s', as its compiler macro does." name)))

;; Timers are vectors.
(let ((slot 0))
  (dolist (field '(triggered high-seconds low-seconds usecs repeat-delay function args
                   idle-delay psecs integral-multiple))
    (let ((i slot))
      (struct-cmacros--define (intern (format "timer--%s" field))
                              (lambda (object) (list 'aref object i))))
    (setq slot (1+ slot))))

(defun timer--create--cmacro (_whole) "Open-code a call of `timer--create': a fresh timer vector."
  (list 'cl-block 'timer--create (cons 'vector (cons t (make-list 9 nil)))))

;; Decoded times and parse states are lists.
(dolist (group '(("decoded-time-" second minute hour day month year weekday dst zone)
                 ("ppss-" depth innermost-start last-complete-sexp-start string-terminator
                  comment-depth quoted-p min-depth comment-style comment-or-string-start
                  open-parens two-character-syntax)))
  (let ((slot 0))
    (dolist (field (cdr group))
      (let ((i slot))
        (struct-cmacros--define (intern (concat (car group) (symbol-name field)))
                                (lambda (object) (if (= i 0) (list 'car object) (list 'nth i object)))))
      (setq slot (1+ slot)))))

;; The records of cl-preloaded.el and cl-generic.el.
(dolist (group '((cl--class-p cl--class cl--class- name docstring parents slots index-table)
                 (cl--struct-class-p cl-structure-class cl--struct-class- name docstring parents
                  slots index-table tag type named print children-sym)
                 (cl-slot-descriptor-p cl-slot-descriptor cl--slot-descriptor- name initform type
                  props)
                 (cl--struct-cl--generic-p cl--generic cl--generic- name dispatches method-table
                  options)
                 (cl--struct-cl--generic-method-p cl--generic-method cl--generic-method-
                  specializers qualifiers uses-cnm function)
                 (cl--generic-generalizer-p cl--generic-generalizer cl--generic-generalizer- name
                  priority tagcode-function specializers-function)))
  (let ((index 1))
    (dolist (field (nthcdr 3 group))
      (struct-cmacros--define-reader (intern (format "%s%s" (nth 2 group) field))
                                     (car group) (nth 1 group) index)
      (setq index (1+ index)))))

(dolist (test '((cl--class-p . cl-struct-cl--class-tags)
                (cl--struct-class-p . cl-struct-cl-structure-class-tags)
                (cl-slot-descriptor-p . cl-struct-cl-slot-descriptor-tags)
                (cl-struct-p . cl-struct-cl-structure-object-tags)
                (cl--struct-cl--generic-p . cl-struct-cl--generic-tags)
                (cl--struct-cl--generic-method-p . cl-struct-cl--generic-method-tags)
                (cl--generic-generalizer-p . cl-struct-cl--generic-generalizer-tags)))
  (struct-cmacros--define-test (car test) (cdr test)))

(struct-cmacros--define-maker 'cl--make-slot-descriptor 'cl-slot-descriptor
                              '(name initform type props) '(name initform type props) 1)
(struct-cmacros--define-maker 'cl--generic-make 'cl--generic '(name) '(name nil nil nil) 1)
(struct-cmacros--define-maker 'cl--generic-make-method 'cl--generic-method
                              '(specializers qualifiers uses-cnm function)
                              '(specializers qualifiers uses-cnm function) 4)
(struct-cmacros--define-maker 'cl-generic-make-generalizer 'cl--generic-generalizer
                              '(name priority tagcode-function specializers-function)
                              '(name priority tagcode-function specializers-function) 4)
(struct-cmacros--define-maker 'cl--struct-new-class 'cl-structure-class
                              '(name docstring parents type named slots index-table children-sym
                                tag print)
                              '(name docstring parents slots index-table tag type named print
                                children-sym)
                              10 t)

;; elisp-mode's xref locations and lisp-mode's indentation state.
(dolist (group '((xref-elisp-location-p xref-elisp-location xref-elisp-location- symbol type file)
                 (lisp-indent-state-p lisp-indent-state lisp-indent-state- stack ppss ppss-point)))
  (let ((index 1))
    (dolist (field (nthcdr 3 group))
      (struct-cmacros--define-reader (intern (format "%s%s" (nth 2 group) field))
                                     (car group) (nth 1 group) index)
      (setq index (1+ index))))
  (struct-cmacros--define-test (car group)
                               (intern (format "cl-struct-%s-tags" (nth 1 group)))))

(struct-cmacros--define-maker 'xref-make-elisp-location 'xref-elisp-location
                              '(symbol type file) '(symbol type file) 3)

(defun make-xref-elisp-location--cmacro (_whole &rest keys) "Open-code a call of `make-xref-elisp-location' with the keyword arguments KEYS."
  ;; The keywords become the positional arguments of the record, nil where missing.
  (let ((slots '(symbol type file)))
    (struct-cmacros--build
     'make-xref-elisp-location slots
     (mapcar (lambda (slot) (plist-get keys (intern (format ":%s" slot)))) slots)
     (lambda (forms) (cons 'record (cons ''xref-elisp-location forms))))))
;; uniquify.el's items.
(let ((index 1))
  (dolist (field '(base dirname buffer proposed original-dirname))
    (struct-cmacros--define-reader (intern (format "uniquify-item-%s" field))
                                   'uniquify-item-p 'uniquify-item index)
    (setq index (1+ index))))
(struct-cmacros--define-test 'uniquify-item-p 'cl-struct-uniquify-item-tags)
(struct-cmacros--define-maker 'uniquify-make-item 'uniquify-item
                              '(base dirname buffer proposed original-dirname)
                              '(base dirname buffer proposed original-dirname) 3)
;; GNU's take their arguments by name: give these the same arity.
(dolist (name '(uniquify-item-base uniquify-item-dirname uniquify-item-buffer uniquify-item-proposed
                uniquify-item-original-dirname uniquify-item-p))
  (let* ((fn (intern (concat (symbol-name name) "--cmacro")))
         (general (symbol-function fn)))
    (defalias fn (lambda (whole object) (funcall general whole object))
      (documentation fn t))))
(let ((general (symbol-function 'uniquify-make-item--cmacro)))
  (defalias 'uniquify-make-item--cmacro
    (lambda (whole base dirname buffer &optional proposed original-dirname)
      (funcall general whole base dirname buffer proposed original-dirname))
    (documentation 'uniquify-make-item--cmacro t)))

(provide 'struct-cmacros)

;;; struct-cmacros.el ends here
