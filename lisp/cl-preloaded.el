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

(defun cl--struct-name-p (name) "Return t if NAME can name a structure type: a symbol, not nil, a keyword or a built-in type."
  (and name (symbolp name) (not (keywordp name))
       (not (memq name cl--all-builtin-types))
       t))

(defun cl-struct-define (name docstring parent type named slots children-sym
                              tag print)
  "Register the structure type NAME; `cl-defstruct' expansions call this.
PARENT is the name of the included struct type or nil, TYPE is `record'
\(or nil), `vector' or `list', SLOTS lists (SLOT-NAME INITFORM . OPTIONS)
for every position of an instance, CHILDREN-SYM names the variable that
holds TAG and the tags of NAME's subtypes.  Return the new class."
  (unless (cl--struct-name-p name)
    (signal 'wrong-type-argument (list 'cl--struct-name name 'name)))
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
    ;; A record type with a tag of its own (old code's cl-struct-NAME): the tag
    ;; holds the class and is marked as known to `cl--old-struct-type-of'.
    (when (and (memq type '(nil record)) (not (eq tag name)))
      (set tag class)
      (fset tag :quick-object-witness-check))
    ;; Only code compiled before records existed gives no type at all.
    (unless type
      (require 'cl-lib)
      (cl-old-struct-compat-mode 1))
    class))

(defvar cl-struct-cl-structure-object-tags nil "The tags of all record-based structure types.")

(put 'cl-structure-object 'cl--class
     (record 'cl-structure-class 'cl-structure-object
             "The root parent of all \"normal\" CL structs"
             nil [] (make-hash-table :test 'eq :size 0)
             'cl-structure-object nil nil t
             'cl-struct-cl-structure-object-tags))
(add-to-list 'cl-struct-cl-structure-object-tags 'cl-structure-object)

;;; The class records as data: accessors, constructors, registration.

;; The records describing structures are structures themselves, so that
;; `cl-typep' and the generic functions know them.
;; Slot lists given as alternating NAME TYPE, a type of t meaning none.
(let* ((slots (lambda (pairs)
                (let (out)
                  (while pairs
                    (push (if (eq (nth 1 pairs) t)
                              (list (car pairs))
                            (list (car pairs) nil :type (nth 1 pairs)))
                          out)
                    (setq pairs (nthcdr 2 pairs)))
                  (cons '(cl-tag-slot) (nreverse out)))))
       (common '(name symbol docstring string parents (list-of cl--class)
                      slots (vector cl-slot-descriptor) index-table hash-table)))
  (cl-struct-define 'cl-slot-descriptor "One slot of a structure type: name, default, type, options."
                    'cl-structure-object 'record nil
                    (funcall slots '(name t initform t type t props alist))
                    'cl-struct-cl-slot-descriptor-tags 'cl-slot-descriptor t)
  (cl-struct-define 'cl--class "A class: a named type with parents and slots."
                    'cl-structure-object 'record nil (funcall slots common)
                    'cl-struct-cl--class-tags 'cl--class t)
  (cl-struct-define 'cl-structure-class "The class of a type made by `cl-defstruct'."
                    'cl--class 'record nil
                    (funcall slots (append common '(tag symbol type (memq (vector list))
                                                        named bool print bool children-sym symbol)))
                    'cl-struct-cl-structure-class-tags 'cl-structure-class t))

(defun cl--class-p (object) "Return t if OBJECT is a class record (a structure class or another kind)."
  (and (memq (type-of object) cl-struct-cl--class-tags) t))

(defun cl-slot-descriptor-p (object) "Return t if OBJECT is a slot descriptor record."
  (and (memq (type-of object) cl-struct-cl-slot-descriptor-tags) t))

(defmacro cl--preloaded-readers (check tag &rest fields) "Define field readers: each of FIELDS is (NAME INDEX).
Every reader first tests its argument with the predicate CHECK and
signals `wrong-type-argument' naming TAG when that fails."
  (append '(progn)
        (mapcar (lambda (f)
                  `(defun ,(car f) (obj) ,(format "Return field %d of the %s record OBJ." (nth 1 f) tag)
                     (unless (,check obj) (signal 'wrong-type-argument (list ',tag obj)))
                     (aref obj ,(nth 1 f))))
                fields)
        (mapcar (lambda (f)
                  `(gv-define-setter ,(car f) (val obj) (list 'aset obj ,(nth 1 f) val)))
                fields)))

(cl--preloaded-readers cl--class-p cl--class
  (cl--class-name 1) (cl--class-docstring 2) (cl--class-parents 3)
  (cl--class-slots 4) (cl--class-index-table 5))

(cl--preloaded-readers cl--struct-class-p cl-structure-class
  (cl--struct-class-name 1) (cl--struct-class-docstring 2) (cl--struct-class-parents 3)
  (cl--struct-class-slots 4) (cl--struct-class-index-table 5) (cl--struct-class-tag 6)
  (cl--struct-class-type 7) (cl--struct-class-named 8) (cl--struct-class-print 9)
  (cl--struct-class-children-sym 10))

(cl--preloaded-readers cl-slot-descriptor-p cl-slot-descriptor
  (cl--slot-descriptor-name 1) (cl--slot-descriptor-initform 2)
  (cl--slot-descriptor-type 3) (cl--slot-descriptor-props 4))

(defun cl--make-slot-descriptor (name &optional initform type props) "Make a slot descriptor for the slot NAME.
INITFORM is its default form, TYPE its type and PROPS an alist of its
other options."
  (record 'cl-slot-descriptor name initform type props))

(defun cl--make-slot-desc (name &optional initform type props) "Return a new slot descriptor for NAME with INITFORM, TYPE and PROPS, as `cl--make-slot-descriptor' does."
  (record 'cl-slot-descriptor name initform type props))

(defalias 'cl--copy-slot-descriptor-1 #'copy-sequence)

(defun cl--copy-slot-descriptor (slot) "Return a copy of the slot descriptor SLOT, its option alist copied too."
  (let ((new (cl--copy-slot-descriptor-1 slot)))
    (aset new 4 (copy-alist (aref new 4)))
    new))

(defun cl--struct-new-class (name docstring parents type named slots index-table
                                  children-sym tag print &rest _)
  "Make a structure class record for the type NAME from the given fields."
  (record 'cl-structure-class name docstring parents slots index-table
          tag type named print children-sym))

(defun cl--plist-to-alist (plist) "Turn the property list PLIST into an alist of (PROP . VALUE)."
  (let (out)
    (while plist
      (push (cons (car plist) (car (cdr plist))) out)
      (setq plist (cdr (cdr plist))))
    (nreverse out)))

(defun cl--struct-get-class (name) "Return the structure class for NAME, a type name or already a class.
Signal an error if NAME is no structure type."
  (if (cl--struct-class-p name)
      name
    (cl--struct-checked-class name)))

(defun cl--struct-register-child (parent tag) "Record TAG among the subtype tags of the class PARENT and of its ancestors."
  (while (cl--struct-class-p parent)
    (let ((var (aref parent 10)))
      (unless (boundp var) (set var nil))
      (add-to-list var tag))
    (setq parent (car (aref parent 3)))))

(defun cl--assertion-failed (form &optional string sargs args) "Signal that the assertion FORM failed.
With STRING, signal an `error' formatting STRING with SARGS and ARGS;
otherwise signal `cl-assertion-failed' with FORM and SARGS."
  (if string
      (apply #'error string (append sargs args))
    (signal 'cl-assertion-failed (cons form sargs))))

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
