;;; cl-preloaded.el --- structure classes and type tests  -*- lexical-binding: t -*-

;; Written for tsmacs.  The run-time half of `cl-defstruct' (the class
;; registry that defined structures record themselves in), `cl-typep' and
;; the table of built-in types that `cl-defmethod' dispatches on.

;;; Built-in types.

(defconst cl--typeof-types
  '((integer number number-or-marker atom)
    (symbol atom) (string array sequence atom)
    (cons list sequence)
    (marker number-or-marker atom)
    (overlay atom) (float number atom) (window-configuration atom)
    (process atom) (window atom) (subr atom)
    (compiled-function function atom)
    (module-function function atom)
    (buffer atom) (char-table array sequence atom)
    (bool-vector array sequence atom)
    (frame atom) (hash-table atom) (terminal atom)
    (thread atom) (mutex atom) (condvar atom)
    (font-spec atom) (font-entity atom) (font-object atom)
    (vector array sequence atom)
    (user-ptr atom)
    (null symbol list sequence atom))
  "For each value of `type-of', the types it belongs to, most specific first.")

(defconst cl--all-builtin-types
  (let ((all nil))
    (dolist (entry cl--typeof-types)
      (dolist (ty entry)
        (unless (memq ty all) (setq all (cons ty all)))))
    (nreverse all))
  "Every type symbol named in `cl--typeof-types'.")

;; The predicate of each simple type, as `cl-typep' uses it.
(let ((preds '((null . null) (atom . atom) (real . numberp) (float . floatp)
               (integer . integerp) (number . numberp) (string . stringp)
               (symbol . symbolp) (list . listp) (cons . consp)
               (vector . vectorp) (array . arrayp) (sequence . sequencep)
               (character . natnump) (natnum . natnump) (fixnum . fixnump)
               (bignum . bignump) (keyword . keywordp) (boolean . booleanp)
               (function . functionp) (hash-table . hash-table-p)
               (marker . markerp) (buffer . bufferp) (subr . subrp)
               (record . recordp) (bool-vector . bool-vector-p)
               (char-table . char-table-p) (number-or-marker . number-or-marker-p)
               (integer-or-marker . integer-or-marker-p)
               (compiled-function . byte-code-function-p)
               (base-char . characterp))))
  (dolist (p preds)
    (put (car p) 'cl-deftype-satisfies (cdr p))))

;;; Structure classes.

;; A class is a record
;;   #s(cl-structure-class NAME DOCSTRING PARENTS SLOTS INDEX-TABLE TAG TYPE
;;      NAMED PRINT CHILDREN-SYM)
;; where SLOTS is a vector of #s(cl-slot-descriptor NAME INITFORM TYPE PROPS).
;; It is kept on the `cl--class' property of the structure's name.

(defun cl--find-class (name)
  "The class record of NAME, or nil."
  (get name 'cl--class))

(defun cl--struct-class-p (x)
  (and (recordp x) (eq (aref x 0) 'cl-structure-class)))

(defun cl--struct-class-parent (class)
  (car (aref class 3)))

(defun cl--struct-all-parents (class)
  "CLASS followed by its ancestors, as a list of classes."
  (let ((res nil))
    (while class
      (setq res (cons class res))
      (setq class (cl--struct-class-parent class)))
    (nreverse res)))

(defun cl--struct-parent-names (name)
  "NAME followed by the names of its struct ancestors, or nil if no struct."
  (let ((class (cl--find-class name)))
    (and (cl--struct-class-p class)
         (mapcar (lambda (c) (aref c 1)) (cl--struct-all-parents class)))))

(defun cl--struct-new-class (name doc parent slots tag type named children-sym)
  (let ((index (make-hash-table :test 'eq :size (length slots)))
        (i 0))
    (dolist (s slots)
      (puthash (car s) i index)
      (setq i (1+ i)))
    (record 'cl-structure-class name doc (and parent (list parent))
            (apply #'vector
                   (mapcar (lambda (s)
                             (record 'cl-slot-descriptor (car s) (cadr s)
                                     (or (plist-get (cddr s) :type) t)
                                     (cddr s)))
                           slots))
            index tag type named t children-sym)))

(defvar cl-struct-cl-structure-object-tags nil)

(put 'cl-structure-object 'cl--class
     (cl--struct-new-class 'cl-structure-object
                           "The root parent of all \"normal\" CL structs"
                           nil nil 'cl-structure-object nil nil
                           'cl-struct-cl-structure-object-tags))

(defun cl-struct-define (name docstring parent type named slots children-sym
                              tag print)
  "Record the structure type NAME (called by `cl-defstruct' expansions)."
  (if (and (null parent) (null type)) (setq parent 'cl-structure-object))
  (let* ((parent-class (and parent (cl--find-class parent)))
         (slot-list (if (eq (car-safe (car slots)) 'cl-tag-slot)
                        (cdr slots)
                      slots))
         (class (cl--struct-new-class name docstring parent-class
                                      ;; Drop the tag and offset padding.
                                      (let ((res nil))
                                        (dolist (s slot-list)
                                          (if (car s) (setq res (cons s res))))
                                        (nreverse res))
                                      tag type named children-sym)))
    (put name 'cl--class class)
    (put name 'cl-struct-slots slots)
    (put name 'cl-struct-type (list (or type 'record) named))
    (put name 'cl-struct-include parent)
    (put name 'cl-struct-print print)
    (unless (boundp children-sym) (set children-sym nil))
    (unless (memq tag (symbol-value children-sym))
      (set children-sym (cons tag (symbol-value children-sym))))
    ;; Let every ancestor recognise instances of NAME.
    (let ((p parent-class))
      (while p
        (let ((sym (aref p 10)))
          (when sym
            (unless (boundp sym) (set sym nil))
            (unless (memq tag (symbol-value sym))
              (set sym (cons tag (symbol-value sym))))))
        (setq p (cl--struct-class-parent p))))
    name))

(defun cl-struct-sequence-type (struct-type)
  "The sequence type of STRUCT-TYPE: `list', `vector' or nil for records."
  (let ((class (cl--find-class struct-type)))
    (unless (cl--struct-class-p class)
      (signal 'wrong-type-argument (list 'cl-structure-class class)))
    (aref class 7)))

(defun cl-struct-slot-info (struct-type)
  "The list of (SLOT-NAME DEFAULT . OPTIONS) of STRUCT-TYPE, tag slot first."
  (let ((slots (get struct-type 'cl-struct-slots)))
    (unless slots
      (signal 'wrong-type-argument (list 'cl-structure-class nil)))
    slots))

(defun cl-struct-slot-offset (struct-type slot-name)
  "The index of SLOT-NAME in objects of STRUCT-TYPE."
  (let ((pos 0) (found nil) (slots (cl-struct-slot-info struct-type)))
    (while (and slots (not found))
      (if (eq (car (car slots)) slot-name)
          (setq found pos)
        (setq pos (1+ pos) slots (cdr slots))))
    (or found
        (error "struct %s has no slot %s" struct-type slot-name))))

(defun cl-struct-slot-value (struct-type slot-name inst)
  "The value of slot SLOT-NAME of INST, an object of STRUCT-TYPE."
  (let ((pos (cl-struct-slot-offset struct-type slot-name)))
    (if (eq (cl-struct-sequence-type struct-type) 'list)
        (nth pos inst)
      (aref inst pos))))

;;; Type tests.

(defun cl--typep-range (val low high)
  (and (or (memq low '(* nil)) (>= val low))
       (or (memq high '(* nil)) (<= val high))))

(defun cl-typep (object type)
  "Return non-nil if OBJECT is of type TYPE (a Common Lisp type specifier)."
  (cond
   ((eq type t) t)
   ((null type) nil)
   ((consp type)
    (let ((head (car type)) (args (cdr type)))
      (cond
       ((eq head 'and)
        (let ((ok t))
          (while (and ok args)
            (setq ok (cl-typep object (car args)) args (cdr args)))
          (and ok t)))
       ((eq head 'or)
        (let ((ok nil))
          (while (and (not ok) args)
            (setq ok (cl-typep object (car args)) args (cdr args)))
          (and ok t)))
       ((eq head 'not) (not (cl-typep object (car args))))
       ((memq head '(member cl-member)) (and (memql object args) t))
       ((eq head 'eql) (eql object (car args)))
       ((eq head 'satisfies) (and (funcall (car args) object) t))
       ((memq head '(integer float real number))
        (and (cl-typep object head)
             (cl--typep-range object (car args) (cadr args))
             t))
       ((get head 'cl-deftype-handler)
        (cl-typep object (apply (get head 'cl-deftype-handler) args)))
       (t (error "Bad type spec: %s" type)))))
   ((symbolp type)
    (let ((pred (get type 'cl-deftype-satisfies)))
      (cond
       (pred (and (funcall pred object) t))
       ((get type 'cl-deftype-handler)
        (cl-typep object (funcall (get type 'cl-deftype-handler))))
       ((cl--struct-class-p (cl--find-class type))
        (let ((names (and (recordp object)
                          (cl--struct-parent-names (type-of object)))))
          (and (memq type names) t)))
       (t
        (let* ((name (symbol-name type))
               (p1 (intern-soft (concat name "p")))
               (p2 (intern-soft (concat name "-p"))))
          (cond
           ((and p1 (fboundp p1) (not (memq ?- (append name nil))))
            (and (funcall p1 object) t))
           ((and p2 (fboundp p2)) (and (funcall p2 object) t))
           ((and p1 (fboundp p1)) (and (funcall p1 object) t))
           (t (error "Unknown type %S" type))))))))
   (t (error "Bad type spec: %s" type))))

(provide (quote cl-preloaded))

;;; cl-preloaded.el ends here
