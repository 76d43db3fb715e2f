;;; eieio.el --- EIEIO: classes, objects and methods in the CLOS style  -*- lexical-binding: t -*-

;; Written for tsmacs from the EIEIO manual and GNU Emacs 28.2's observed
;; behaviour.  eieio-core.el keeps the classes and objects; this file has
;; the macros programs write (`defclass', `oref', `with-slots'...) and the
;; generic functions every object answers (`clone', `object-print',
;; `object-write').

(require 'eieio-core)

(defun eieio--split-options (items) "Turn the options and docstrings ITEMS of a `defclass' into a plist."
  (let ((out '()))
    (while items
      (let ((item (pop items)))
        (cond ((stringp item) (setq out (append out (list :documentation item))))
              ((keywordp item) (setq out (append out (list item (pop items)))))
              (t (setq out (append out (list item)))))))
    out))

(defun eieio--slot-methods (class spec) "The method definitions the options of the slot SPEC of CLASS ask for."
  (let* ((spec (if (consp spec) spec (list spec)))
         (slot (car spec)) (opts (cdr spec))
         (shared (eq (plist-get opts :allocation) :class))
         (forms '()))
    (while opts
      (let ((key (pop opts)) (fn (pop opts)))
        (cond
          ((eq key :accessor)
           (push `(cl-defmethod ,fn ((this ,class))
                    ,(format "The `%S' slot of THIS, a `%S' object; nil while it is unbound." slot class)
                    (if (slot-boundp this ',slot) (eieio-oref this ',slot)))
                 forms)
           (when shared
             (push `(cl-defmethod ,fn ((this (subclass ,class)))
                      ,(format "The shared slot `%S' of THIS, `%S' or one of its subclasses." slot class)
                      (if (slot-boundp this ',slot) (eieio-oref-default this ',slot)))
                   forms))
           (push `(cl-defmethod (setf ,fn) (value (this ,class))
                    (eieio-oset this ',slot value))
                 forms))
          ((eq key :reader)
           (push `(cl-defmethod ,fn ((this ,class))
                    ,(format "The value of the `%S' slot of THIS, a `%S' object." slot class)
                    (slot-value this ',slot))
                 forms))
          ((eq key :writer)
           (push `(cl-defmethod ,fn ((this ,class) value)
                    ,(format "Store VALUE in the `%S' slot of THIS, a `%S' object." slot class)
                    (setf (slot-value this ',slot) value))
                 forms)))))
    (nreverse forms)))

(defmacro defclass (name superclasses slots &rest options-and-doc) "Define NAME as a class inheriting from SUPERCLASSES, with SLOTS.
Each of SLOTS is (SLOT-NAME OPTION VALUE...), the options being
:initarg, :initform, :type, :allocation (:instance or :class),
:documentation, :accessor, :reader, :writer, :custom, :label, :group
and :printer.  OPTIONS-AND-DOC may hold a docstring and class options
such as :documentation, :abstract and :method-invocation-order.
Also define NAME as a function making objects of the class, and
NAME-p as a predicate." (declare (doc-string 4) (indent 2))
  (unless (listp superclasses) (signal 'wrong-type-argument (list 'list superclasses 'superclasses)))
  (unless (listp slots) (signal 'wrong-type-argument (list 'listp slots)))
  (let ((options (eieio--split-options options-and-doc))
        (childp (intern (format "%s--eieio-childp" name))))
    `(progn
       (defalias ',(intern (format "%s-p" name)) (eieio-make-class-predicate ',name))
       (defalias ',childp (eieio-make-child-predicate ',name))
       (defalias ',(intern (format "%s-child-p" name)) #',childp)
       (put ',name 'cl-deftype-satisfies #',childp)
       (eieio-defclass-internal ',name ',superclasses ',slots ',options)
       ,@(apply #'append (mapcar (lambda (s) (eieio--slot-methods name s)) slots))
       (defun ,name (&rest slots) ,(format "Create a new object of class type `%S'." name)
         (apply #'make-instance ',name slots)))))

(defmacro oref (obj slot) "The value of the slot SLOT (a name, not evaluated) in the object OBJ."
  (list 'eieio-oref obj (list 'quote slot)))

(defmacro oset (obj slot value) "Store VALUE in the slot SLOT (a name, not evaluated) of the object OBJ."
  (list 'eieio-oset obj (list 'quote slot) value))

(defmacro oref-default (class slot) "The default of the slot SLOT (a name, not evaluated) in CLASS, a class or an object."
  (list 'eieio-oref-default class (list 'quote slot)))

(defmacro oset-default (class slot value) "Make VALUE the default of the slot SLOT (a name, not evaluated) in CLASS."
  (list 'eieio-oset-default class (list 'quote slot) value))

(defmacro with-slots (spec-list object &rest body) "Run BODY with the slots of OBJECT that SPEC-LIST names usable as variables.
Each element of SPEC-LIST is a slot name, or (VAR SLOT) to use VAR for
SLOT.  Setting a variable sets the slot." (declare (indent 2) (debug (sexp sexp def-body)))
  (let ((obj (make-symbol "object")))
    `(let ((,obj ,object))
       (cl-symbol-macrolet
           ,(mapcar (lambda (s)
                      (if (consp s)
                          `(,(car s) (slot-value ,obj ',(cadr s)))
                        `(,s (slot-value ,obj ',s))))
                    spec-list)
         ,@body))))

(defun eieio-slot-value-default (class slot) "The default of SLOT in CLASS (same as `eieio-oref-default')."
  (eieio-oref-default class slot))

;;;; Generic functions of every object

(cl-defgeneric clone (obj &rest params) "Return a copy of OBJ with the initargs PARAMS applied.
A leading string in PARAMS is a name for the copy.")

(cl-defmethod clone ((original eieio-default-superclass) &rest initargs)
  (let ((copy (copy-sequence original)))
    (if (stringp (car initargs)) (setq initargs (cdr initargs)))
    (and initargs (shared-initialize copy initargs))
    copy))

(cl-defgeneric object-print (this &rest strings) "Return a string showing THIS as #<CLASS NAME>, STRINGS added after NAME.")

(cl-defmethod object-print ((this eieio-default-superclass) &rest strings)
  (eieio-object-name this (apply #'concat strings)))

(cl-defmethod cl-print-object ((object eieio-default-superclass) stream)
  (princ (object-print object) stream))

(defvar eieio-print-indentation 0 "How many columns `object-write' indents the object it writes.")
(defvar eieio-print-object-name t "Non-nil means `object-write' writes the object's name after its class.")

(cl-defgeneric object-write (this &optional comment) "Write THIS as Lisp that rebuilds it, on `standard-output'.
COMMENT, if non-nil, is written before it after a line naming THIS.")

(defun eieio--write-value (value level) "Write the slot VALUE of an object written at indentation LEVEL.
Objects, and lists holding objects, go on lines of their own."
  (let ((pad (make-string (+ level 2) ?\s)))
    (cond
     ((eieio-object-p value)
      (princ "\n")
      (let ((eieio-print-indentation (+ level 2))) (object-write value)))
     ((and (consp value) (proper-list-p value) (cl-some #'eieio-object-p value))
      (princ "\n") (princ pad) (princ "(list")
      (dolist (v value)
        (princ "\n")
        (if (eieio-object-p v)
            (let ((eieio-print-indentation (+ level 4))) (object-write v))
          (princ pad) (eieio--write-datum v)))
      (princ ")"))
     (t (princ " ") (eieio--write-plain value)))))

(defun eieio--write-plain (value) "Print VALUE, which holds no object at its top, as a slot value: a list quoted."
  (if (consp value) (princ "'"))
  (eieio--write-datum value))

(defun eieio--write-datum (value) "Print VALUE, data inside a slot value, with `prin1'.
Objects within it print as records, which read back as the same
objects, unless `eieio-backward-compatibility' is nil: then they
show as #<CLASS NAME>, as GNU's do."
  (if eieio-backward-compatibility
      (prin1 value)
    (cond
     ((eieio-object-p value) (princ (object-print value)))
     ((consp value)
      (princ "(")
      (while (consp value)
        (eieio--write-datum (pop value))
        (if value (princ " ")))
      (when value (princ ". ") (eieio--write-datum value))
      (princ ")"))
     ((vectorp value)
      (princ "[")
      (dotimes (i (length value))
        (if (> i 0) (princ " "))
        (eieio--write-datum (aref value i)))
      (princ "]"))
     ((hash-table-p value)
      (princ (format "#s(hash-table size %d test %s data ("
                     (hash-table-size value) (hash-table-test value)))
      (let ((first t))
        (maphash (lambda (k v)
                   (unless first (princ " "))
                   (setq first nil)
                   (eieio--write-datum k) (princ " ") (eieio--write-datum v))
                 value))
      (princ "))"))
     (t (prin1 value)))))

(cl-defmethod object-write ((this eieio-default-superclass) &optional comment)
  (let* ((class (eieio--object-class this))
         (level eieio-print-indentation)
         (descs (aref class 4)))
    (when comment
      (princ ";; Object ") (princ (eieio-object-name-string this)) (princ "\n")
      (princ comment) (princ "\n"))
    (princ (make-string level ?\s)) (princ "(") (princ (aref class 1))
    (when eieio-print-object-name
      (princ " ") (prin1 (eieio-object-name-string this)))
    (princ "\n")
    (dotimes (i (length descs))
      (let* ((d (aref descs i))
             (initarg (car (rassq (aref d 1) (aref class 7))))
             (value (aref this (1+ i))))
        (when (and initarg (not (eq value eieio--unbound))
                   (not (equal value (aref d 2))))
          ;; Like GNU, a new line only when the current buffer is not at
          ;; the start of one.
          (unless (bolp) (princ "\n"))
          (princ (make-string (+ level 2) ?\s)) (princ initarg)
          (let ((printer (cdr (assq :printer (aref d 4)))))
            (if printer
                (progn (princ " ") (funcall printer value))
              (eieio--write-value value level))))))
    (princ ")")
    (when (= level 0) (princ "\n"))))

;;;; Older names and helpers

(defun eieio-change-class (obj class) "Refuse to change OBJ's class to CLASS, as EIEIO never could."
  (ignore obj class)
  (error "EIEIO: `change-class' is unimplemented"))
(defalias 'change-class #'eieio-change-class)
(make-obsolete 'change-class 'eieio-change-class "26.1")

(defun eieio-version () "Show EIEIO's version in the echo area and return it." (interactive)
  (message "%s" "1.4"))

(defun eieio-set-defaults (obj &optional set-all) "Give every per-object slot of OBJ its default value again.
SET-ALL is accepted for compatibility."
  (ignore set-all)
  (let* ((class (eieio--object-class (eieio--check-object obj))) (descs (aref class 4)))
    (dotimes (i (length descs))
      (let ((form (aref (aref descs i) 2)))
        (aset obj (1+ i) (if (and (consp form) (not (eq (car form) 'quote)))
                             (eval form t)
                           (eieio--initform-value form)))))))

(defun eieio-override-prin1 (thing) "Print THING the way `object-write' prints a slot value."
  (if (or (eieio-object-p thing) (and (consp thing) (proper-list-p thing) (eieio--any #'eieio-object-p thing)))
      (eieio--write-value thing eieio-print-indentation)
    (eieio--write-plain thing)))

(defun eieio-list-prin1 (list) "Print LIST the way `object-write' prints a slot value holding a list."
  (eieio-override-prin1 list))

(dolist (pair '((class-of . eieio-object-class) (class-name . eieio-class-name)
                (class-parents . eieio-class-parents) (class-children . eieio-class-children)
                (class-direct-subclasses . eieio-class-children)
                (class-direct-superclasses . eieio-class-parents)
                (class-parent . eieio-class-parent)
                (class-precedence-list . eieio--class-precedence-list)
                (object-class . eieio-object-class) (object-class-fast . eieio-object-class)
                (object-class-name . eieio-object-class-name) (object-name . eieio-object-name)
                (object-name-string . eieio-object-name-string)
                (object-set-name-string . eieio-object-set-name-string)))
  (defalias (car pair) (cdr pair))
  (make-obsolete (car pair) (cdr pair) "24.4"))

(defun eieio-class-parent (class) "The first parent class of CLASS, a class record, or nil."
  (car (eieio-class-parents class)))

(defun object-slots (obj) "The names of the per-object slots of OBJ."
  (mapcar #'cl--slot-descriptor-name (eieio-class-slots (eieio-object-class obj))))
(make-obsolete 'object-slots 'eieio-class-slots "25.1")

(defun object-add-to-list (object slot item &optional append) "Add ITEM to the list in SLOT of OBJECT unless it is already there (by `equal').
It goes in front, or at the end when APPEND is non-nil."
  (let ((old (and (slot-boundp object slot) (eieio-oref object slot))))
    (unless (member item old)
      (eieio-oset object slot (if append (append old (list item)) (cons item old))))))

(defun object-remove-from-list (object slot item) "Remove ITEM (by `equal') from the list in SLOT of OBJECT."
  (eieio-oset object slot (delete item (eieio-oref object slot))))

(defun object-assoc (key slot list) "The first object of LIST whose SLOT is `equal' to KEY."
  (let ((found nil))
    (while (and list (not found))
      (if (equal key (eieio-oref (car list) slot)) (setq found (car list)))
      (setq list (cdr list)))
    found))

(defun object-assoc-list (slot list) "An alist of (VALUE . OBJECT), VALUE being the SLOT of each object of LIST."
  (mapcar (lambda (o) (cons (eieio-oref o slot) o)) list))

(defun object-assoc-list-safe (slot list) "Like `object-assoc-list', leaving out the objects of LIST without a bound SLOT."
  (let ((out '()))
    (dolist (o list (nreverse out))
      (when (and (slot-exists-p o slot) (slot-boundp o slot))
        (push (cons (eieio-oref o slot) o) out)))))

(defmacro eieio-declare-slots (&rest slots) "Tell the compiler that SLOTS are slot names; this does nothing when run."
  (ignore slots)
  nil)

(defun eieio-barf-if-slot-unbound (value instance slotname fn) "VALUE, unless it is the unbound marker: then call `slot-unbound' for SLOTNAME of INSTANCE in FN."
  (if (eq value eieio--unbound)
      (slot-unbound instance (eieio-object-class instance) slotname fn)
    value))

(pcase-defmacro eieio (&rest fields) "Match an EIEIO object whose slots match FIELDS.
Each field is SLOT, binding the variable SLOT to the slot's value, or
\(SLOT PATTERN), matching the slot's value against PATTERN."
  `(and (pred eieio-object-p)
        ,@(mapcar (lambda (field)
                    (let ((slot (if (consp field) (car field) field))
                          (pat (if (consp field) (cadr field) field)))
                      `(app (lambda (obj) (eieio-oref obj ',slot)) ,pat)))
                  fields)))

(autoload 'defmethod "eieio-compat" "Define a method in the style of EIEIO before `cl-defmethod'." nil t)
(autoload 'defgeneric "eieio-compat" "Define a generic function in the style of EIEIO before `cl-defgeneric'." nil t)
(autoload 'eieio--defalias "eieio-compat")
(autoload 'eieio--defgeneric-init-form "eieio-compat")
(autoload 'eieio--defmethod "eieio-compat")
(autoload 'eieio-browse "eieio-opt" "Show the tree of classes below a root class." t)

(provide 'eieio)
