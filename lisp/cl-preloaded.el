;;; cl-preloaded.el --- preloaded type table, struct classes and cl-typep for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Loaded by loadup.el before cl-generic, which dispatches on the type
;; table below and on the struct classes.  `cl-defstruct' expansions call
;; `cl-struct-define' here to register each structure type.

;;; The built-in type hierarchy.

(defconst cl--typeof-types
  ;; Most types are just atoms; listing them bare keeps the table short.
  (let ((arrays '(array sequence atom))
        (functions '(function atom)))
    (mapcar
     (lambda (spec) (if (consp spec) spec (list spec 'atom)))
     `((integer number number-or-marker atom)
       symbol
       (string ,@arrays)
       (cons list sequence)
       (marker number-or-marker atom)
       overlay
       (float number atom)
       window-configuration process window subr
       (compiled-function ,@functions)
       (module-function ,@functions)
       buffer
       (char-table ,@arrays)
       (bool-vector ,@arrays)
       frame hash-table terminal thread mutex condvar
       font-spec font-entity font-object
       (vector ,@arrays)
       user-ptr
       (null symbol list sequence atom))))
  "The types of each value `type-of' can return, most specific first.
Each element is (TYPE-OF-RESULT TYPE...); nil is described under `null'.")

(defconst cl--all-builtin-types
  (delete-dups (copy-sequence (apply #'append cl--typeof-types)))
  "All type names in `cl--typeof-types', in order of first appearance.")

;;; Structure classes.

;; A struct type NAME is described by a `cl-structure-class' record kept
;; on NAME's `cl--class' property.  Its fields, after the type tag:
;;   1 name  2 docstring  3 list of parent classes  4 vector of slot
;;   descriptors  5 hash table from slot name to index in an instance
;;   6 tag  7 sequence type (nil for records)  8 named  9 print
;;   10 the variable listing the tags of the type and its subtypes.
;; A slot descriptor is #s(cl-slot-descriptor NAME INITFORM TYPE PROPS),
;; PROPS being an alist of the slot options other than :type.

(define-error 'cl-struct-unknown-slot "struct has no slot")

(defun cl--find-class (name) "Return the class record registered for the type NAME, or nil."
  (get name 'cl--class))

(defun cl--struct-class-p (object) "Return non-nil if OBJECT is a structure class record."
  (and (recordp object) (eq (type-of object) 'cl-structure-class)))

(defun cl--struct-lineage (class) "Return CLASS and its ancestor classes, nearest first."
  (and class (cons class (cl--struct-lineage (car (aref class 3))))))

(defun cl--struct-parent-names (name) "Return NAME and the names of the structure types it inherits from.
The list runs from NAME up to the root; it is nil if NAME is no struct."
  (let ((class (cl--find-class name)))
    (if (cl--struct-class-p class)
        (mapcar (lambda (c) (aref c 1)) (cl--struct-lineage class)))))

(defun cl--struct-checked-class (type) "Return the class of the struct TYPE, signalling an error if there is none."
  (let ((class (cl--find-class type)))
    (unless (cl--struct-class-p class)
      (error "%S is not a struct name" type))
    class))

(defun cl--struct-make-slot (spec) "Turn the slot SPEC (NAME INITFORM . OPTIONS) into a slot descriptor."
  (let ((type t)
        (props nil)
        (opts (nthcdr 2 spec)))
    (while opts
      (if (eq (car opts) :type)
          (setq type (nth 1 opts))
        (push (cons (car opts) (nth 1 opts)) props))
      (setq opts (nthcdr 2 opts)))
    (record 'cl-slot-descriptor (car spec) (nth 1 spec) type (nreverse props))))

(defun cl-struct-define (name docstring parent type named slots children-sym
                              tag print)
  "Register the structure type NAME; `cl-defstruct' expansions call this.
PARENT is the name of the included struct type or nil, TYPE is `record'
\(or nil), `vector' or `list', SLOTS lists (SLOT-NAME INITFORM . OPTIONS)
for every position of an instance, CHILDREN-SYM names the variable that
holds TAG and the tags of NAME's subtypes.  Return the new class."
  (let* ((parent-class (and parent (cl--struct-checked-class parent)))
         (kind (if (eq type 'record) nil type))
         ;; A record keeps its tag in slot 0 outside the slot list.
         (offset (if kind 0 1))
         (specs (if (and (null kind) (eq (car-safe (car slots)) 'cl-tag-slot))
                    (cdr slots)
                  slots))
         (index (make-hash-table :test 'eq :size (length specs)))
         (class nil))
    (dolist (spec specs) (puthash (car spec) offset index) (setq offset (+ offset 1)))
    (setq class (record 'cl-structure-class name docstring
                        (and parent-class (list parent-class))
                        (vconcat (mapcar #'cl--struct-make-slot specs))
                        index tag kind named print children-sym))
    (unless (boundp children-sym)
      (set children-sym nil))
    ;; Instances of NAME belong to every ancestor type as well.
    (dolist (c (cons class (cl--struct-lineage parent-class)))
      (let ((var (aref c 10)))
        (unless (boundp var) (set var nil))
        (add-to-list var tag)))
    (put name 'cl--class class)
    class))

(defvar cl-struct-cl-structure-object-tags nil "The tags of all record-based structure types.")

(put 'cl-structure-object 'cl--class
     (record 'cl-structure-class 'cl-structure-object
             "The root parent of all \"normal\" CL structs"
             nil [] (make-hash-table :test 'eq :size 0)
             'cl-structure-object nil nil t
             'cl-struct-cl-structure-object-tags))
(add-to-list 'cl-struct-cl-structure-object-tags 'cl-structure-object)

(defun cl-struct-p (object) "Return t if OBJECT is an instance of a record-based structure type."
  (and (recordp object)
       (memq (type-of object) cl-struct-cl-structure-object-tags)
       t))
(put 'cl-structure-object 'cl-deftype-satisfies 'cl-struct-p)

(defun cl-struct-sequence-type (struct-type) "Return how instances of STRUCT-TYPE are stored: `vector', `list' or nil.
Nil means a record."
  (aref (cl--struct-checked-class struct-type) 7))

(defun cl-struct-slot-info (struct-type) "Return the slots of STRUCT-TYPE as a list of (NAME DEFAULT . OPTIONS).
The list covers every position of an instance, the tag of a record
included, as (cl-tag-slot)."
  (let* ((class (cl--struct-checked-class struct-type))
         (info (mapcar
                (lambda (slot)
                  (let ((type (aref slot 3))
                        (opts nil))
                    (dolist (prop (aref slot 4))
                      (setq opts (cons (cdr prop) (cons (car prop) opts))))
                    (cons (aref slot 1)
                          (cons (aref slot 2)
                                (append (unless (eq type t) (list :type type))
                                        (nreverse opts))))))
                (aref class 4))))
    (if (aref class 7) info (cons '(cl-tag-slot) info))))

(defun cl-struct-slot-offset (struct-type slot-name) "Return the index of the slot SLOT-NAME in instances of STRUCT-TYPE.
Signal `cl-struct-unknown-slot' if there is no such slot."
  (or (gethash slot-name (aref (cl--struct-checked-class struct-type) 5))
      (signal 'cl-struct-unknown-slot (list struct-type slot-name))))

(defun cl-struct-slot-value (struct-type slot-name inst) "Return the value of the slot SLOT-NAME of INST, a STRUCT-TYPE instance."
  (unless (cl-typep inst struct-type)
    (signal 'wrong-type-argument (list struct-type inst)))
  (let ((pos (cl-struct-slot-offset struct-type slot-name)))
    (if (eq (cl-struct-sequence-type struct-type) 'list)
        (nth pos inst)
      (aref inst pos))))

(defun cl--struct-store-slot (struct-type slot-name inst value) "Set the slot SLOT-NAME of INST, a STRUCT-TYPE instance, to VALUE; give VALUE."
  (unless (cl-typep inst struct-type)
    (signal 'wrong-type-argument (list struct-type inst)))
  (let ((pos (cl-struct-slot-offset struct-type slot-name)))
    (if (eq (cl-struct-sequence-type struct-type) 'list)
        (setcar (nthcdr pos inst) value)
      (aset inst pos value))))

(gv-define-simple-setter cl-struct-slot-value cl--struct-store-slot)

;;; Type predicates.

(defconst cl--typep-special-names
  `((real . numberp)
    (character . natnump)
    (base-char . characterp)
    (extended-char . ,(lambda (x) (and (natnump x) (not (characterp x))))))
  "Type names whose test is not the function NAMEp, NAME-p or NAME.")

(defun cl--typep-bound-ok (x bound above) "Check the number X against the range BOUND of an (integer ...) type.
ABOVE non-nil means BOUND is a lower limit.  BOUND may be nil or `*' for
no limit, a number for an inclusive one, or (N) for an exclusive one."
  (cond
   ((memq bound '(nil *)) t)
   ((consp bound) (if above (> x (car bound)) (< x (car bound))))
   (above (>= x bound))
   (t (<= x bound))))

(defun cl--typep-symbol (object type) "Test OBJECT against the type named by the symbol TYPE, for `cl-typep'."
  (let ((handler (get type 'cl-deftype-handler))
        (pred (get type 'cl-deftype-satisfies))
        (special (assq type cl--typep-special-names))
        (class (cl--find-class type)))
    (cond
     (handler (cl-typep object (funcall handler)))
     (pred (funcall pred object))
     (special (and (funcall (cdr special) object) t))
     ((and (cl--struct-class-p class) (null (aref class 7)))
      (and (recordp object)
           (memq type (cl--struct-parent-names (type-of object)))
           t))
     (t
      (let ((candidates (list (intern (format "%sp" type))
                              (intern (format "%s-p" type))
                              type)))
        (while (and candidates (not (fboundp (car candidates))))
          (pop candidates))
        (if candidates
            (funcall (car candidates) object)
          (error "Unknown type %S" type)))))))

(defun cl--typep-compound (object type) "Test OBJECT against the list type specifier TYPE, for `cl-typep'."
  (let* ((head (car type))
         (args (cdr type))
         (one-arg (and (consp args) (null (cdr args))))
         (handler (and (symbolp head) (get head 'cl-deftype-handler))))
    (cond
     (handler (cl-typep object (apply handler args)))
     ((memq head '(integer float real number))
      (and (cl-typep object head)
           (cl--typep-bound-ok object (car-safe args) t)
           (cl--typep-bound-ok object (car-safe (cdr-safe args)) nil)))
     ((eq head 'and)
      (let ((result t))
        (dolist (sub args result)
          (when result (setq result (cl-typep object sub))))))
     ((eq head 'or)
      (let ((result nil))
        (dolist (sub args result)
          (unless result (setq result (cl-typep object sub))))))
     ((and (eq head 'not) one-arg) (not (cl-typep object (car args))))
     ((eq head 'member) (and (memql object args) t))
     ((and (eq head 'eql) one-arg) (eql object (car args)))
     ((and (eq head 'satisfies) one-arg) (funcall (car args) object))
     (t (error "Bad type spec: %s" type)))))

(defun cl-typep (object type) "Return non-nil if OBJECT has the type TYPE, a Common Lisp type specifier.
TYPE is t, nil, a type name (built in, a struct, or one defined with
`cl-deftype'), or a list such as (integer LOW HIGH), (member VALUES...),
\(eql VALUE), (satisfies PREDICATE), (and TYPES...), (or TYPES...) or
\(not TYPE).  For some types the non-nil value is the predicate's value."
  (cond
   ((eq type t) t)
   ((null type) nil)
   ((symbolp type) (cl--typep-symbol object type))
   ((consp type) (cl--typep-compound object type))
   (t (error "Bad type spec: %s" type))))

(provide 'cl-preloaded)
