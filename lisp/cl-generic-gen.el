;;; cl-generic-gen.el --- generalizers: user-defined dispatch for cl-defmethod  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour.
;;
;; Loaded on demand (lisp/autoloads.el): the first time a method names a
;; specializer that cl-generic.el does not know itself, or a program asks
;; about generalizers.  A generalizer is a record
;;   #s(cl--generic-generalizer NAME PRIORITY TAGCODE-FUNCTION SPECIALIZERS-FUNCTION)
;; TAGCODE-FUNCTION turns the name of a variable into a form computing a
;; tag from the argument held there; SPECIALIZERS-FUNCTION turns a tag
;; into the specializers that the argument satisfies, closest first.
;; cl-generic.el's matcher ranks a custom specializer by the generalizer's
;; PRIORITY (higher wins) and then by that list's order.

(defun cl-generic-make-generalizer (name priority tagcode-function specializers-function)
  "Return a generalizer called NAME with PRIORITY, TAGCODE-FUNCTION and SPECIALIZERS-FUNCTION."
  (record 'cl--generic-generalizer name priority tagcode-function
          specializers-function))

(defmacro cl-generic-define-generalizer (name priority tagcode-function specializers-function)
  "Define NAME as a constant generalizer; see `cl-generic-make-generalizer'."
  `(defconst ,name
     (cl-generic-make-generalizer ',name ,priority ,tagcode-function
                                  ,specializers-function)))

;; The generalizers behind the built-in specializers, so that a method of
;; `cl-generic-generalizers' can defer to them with `cl-call-next-method'.
;; Dispatch on these stays in cl-generic.el; the functions here only say
;; the same thing for programs that call them.
(cl-generic-define-generalizer cl--generic-t-generalizer 0
  (lambda (_var &rest _) nil)
  (lambda (_tag &rest _) '(t)))
(cl-generic-define-generalizer cl--generic-eql-generalizer 100
  (lambda (var &rest _) `(list 'eql ,var))
  (lambda (tag &rest _) (list tag)))
(cl-generic-define-generalizer cl--generic-head-generalizer 80
  (lambda (var &rest _) `(and (consp ,var) (list 'head (car ,var))))
  (lambda (tag &rest _) (and tag (list tag))))
(cl-generic-define-generalizer cl--generic-struct-generalizer 50
  (lambda (var &rest _) `(and (recordp ,var) (type-of ,var)))
  (lambda (tag &rest _) (and tag (cl--struct-parent-names tag))))
(cl-generic-define-generalizer cl--generic-typeof-generalizer 10
  (lambda (var &rest _) `(cl--generic-types-of ,var))
  (lambda (tag &rest _) tag))

(cl-defgeneric cl-generic-generalizers (specializer) "The generalizers that can decide whether an argument fits SPECIALIZER.
Add a method to make a new kind of specializer usable in `cl-defmethod'."
  (cond
   ((eq specializer t) (list cl--generic-t-generalizer))
   ((eq (car-safe specializer) 'eql) (list cl--generic-eql-generalizer))
   ((eq (car-safe specializer) 'head) (list cl--generic-head-generalizer))
   ((and (symbolp specializer) (cl--struct-class-p (cl--find-class specializer)))
    (list cl--generic-struct-generalizer))
   ((and (symbolp specializer) (memq specializer cl--all-builtin-types))
    (list cl--generic-typeof-generalizer))
   (t (error "Unknown specializer %S" specializer))))

(defun cl--generic-register-custom (spec) "Record which generalizers handle the specializer SPEC; return SPEC.
Signals the error of `cl-generic-generalizers' when none does."
  (let ((generalizers (cl-generic-generalizers spec)))
    (unless cl--generic-custom-specs
      (setq cl--generic-custom-specs (make-hash-table :test 'equal)))
    (puthash spec generalizers cl--generic-custom-specs)
    spec))

(defvar cl--generic-taggers nil "Alist of (GENERALIZER . TAG-FUNCTION), made as dispatch needs them.
Keyed by the record itself: a redefined generalizer gets a new entry.")

(defun cl--generic-tag-function (generalizer) "A function computing GENERALIZER's tag of its argument, made once."
  (or (cdr (assq generalizer cl--generic-taggers))
      (let* ((var (make-symbol "arg"))
             (fn (eval `(lambda (,var) ,(funcall (aref generalizer 3) var)) t)))
        (push (cons generalizer fn) cl--generic-taggers)
        fn)))

(defun cl--generic-custom-rank (spec arg) "How closely the custom specializer SPEC fits ARG (lower is closer), or nil."
  (let ((best nil))
    (dolist (generalizer (gethash spec cl--generic-custom-specs))
      (let* ((tag (funcall (cl--generic-tag-function generalizer) arg))
             (fits (funcall (aref generalizer 4) tag))
             (tail (member spec fits)))
        (when tail
          (let ((rank (+ (* 1000 (- 100 (aref generalizer 2)))
                         (- (length fits) (length tail)))))
            (if (or (null best) (< rank best)) (setq best rank))))))
    best))

(defun cl-find-method (generic qualifiers specializers) "The method of GENERIC with exactly QUALIFIERS and SPECIALIZERS, or nil."
  (let ((object (and (symbolp generic) (get generic 'cl--generic)))
        (found nil))
    (unless object (signal 'wrong-type-argument (list 'cl--generic nil)))
    (dolist (method (aref object 3))
      (and (null found)
           (equal (aref method 2) qualifiers)
           (equal (aref method 1) specializers)
           (setq found method)))
    found))

(defun cl-method-qualifiers (method) "The qualifiers of the generic-function METHOD, as a list."
  (aref method 2))

(provide 'cl-generic-gen)
