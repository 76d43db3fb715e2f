;;; eieio-core.el --- classes and objects for EIEIO, the tsmacs way  -*- lexical-binding: t -*-

;; Written for tsmacs from the EIEIO manual and GNU Emacs 28.2's observed
;; behaviour.
;;
;; A class NAME is a record kept on NAME's `cl--class' property:
;;   #s(eieio--class NAME DOC PARENTS SLOTS INDEX CHILDREN INITARGS
;;                   CLASS-SLOTS CLASS-VALUES DEFAULT OPTIONS)
;; PARENTS holds class records, SLOTS a vector of `cl-slot-descriptor'
;; records for the per-object slots, INDEX maps their names to their
;; positions, INITARGS is an alist (KEYWORD . SLOT), CLASS-SLOTS and
;; CLASS-VALUES describe and hold the slots shared by the class.
;; An object is a record tagged with its class's name, its Nth slot in
;; field N+1.  A slot without a value holds the symbol `eieio--unbound'.

(require 'cl-lib)

(define-error 'invalid-slot-name "Invalid slot name")
(define-error 'invalid-slot-type "Invalid slot type")
(define-error 'unbound-slot "Unbound slot")

(defvar eieio-backward-compatibility t "Non-nil means obsolete EIEIO usages are still accepted.")
(defvar eieio-skip-typecheck nil "Non-nil means slot values are stored without checking their :type.")
(defvar eieio-error-unsupported-class-tags nil "Non-nil means an unknown slot option in `defclass' is an error.")

(defconst eieio--unbound 'eieio--unbound "The value a slot without a value holds.")

;;;; The class record

(defmacro eieio--def-class-fields (&rest names) "Define a reader and a setf-able place for each of NAMES, fields 1 onwards of a class."
  (let ((i 0) (forms '()))
    (dolist (n names)
      (setq i (1+ i))
      (let ((reader (intern (format "eieio--class-%s" n))))
        (push `(progn
                 (defun ,reader (class) ,(format "The %s field of the EIEIO class record CLASS." n)
                   (aref (eieio--check-class class) ,i))
                 (gv-define-setter ,reader (v class) (list 'aset (list 'eieio--check-class class) ,i v)))
              forms)))
    `(progn ,@(nreverse forms))))

(defun eieio--class-p (x) "Non-nil if X is an EIEIO class record."
  (and (recordp x) (eq (aref x 0) 'eieio--class)))

(defun eieio--check-class (x) "Return X if it is a class record, else signal `wrong-type-argument'."
  (if (eieio--class-p x) x (signal 'wrong-type-argument (list 'eieio--class x))))

(eieio--def-class-fields name docstring parents slots index-table children
                         initarg-tuples class-slots class-allocation-values
                         default-object-cache options)

(unless (memq 'eieio--class cl-struct-cl--class-tags)
  (push 'eieio--class cl-struct-cl--class-tags))

(defun eieio--class-object (class) "The class record of CLASS, a class name or record; nil if there is none."
  (cond ((eieio--class-p class) class)
        ((symbolp class) (let ((c (get class 'cl--class))) (and (eieio--class-p c) c)))))

(defun eieio--full-class-object (class) "The class record of CLASS; an autoloaded class is loaded first."
  (eieio--class-object class))

(defun eieio--class-or-error (class &optional what) "The class record of CLASS, or signal (wrong-type-argument WHAT CLASS)."
  (or (eieio--class-object class)
      (signal 'wrong-type-argument (list (or what 'eieio--class) class 'class))))

(defun class-p (x) "Return non-nil if X is the name of an EIEIO class."
  (and (symbolp x) (eieio--class-object x) t))

(defun eieio-object-p (obj) "Non-nil if OBJ is an object of some EIEIO class."
  (and (recordp obj) (symbolp (aref obj 0)) (eieio--class-object (aref obj 0)) t))

(defalias 'object-p #'eieio-object-p)

(defun eieio--object-class (obj) "The class record of the object OBJ."
  (get (aref obj 0) 'cl--class))

(defun eieio--check-object (obj) "Return OBJ if it is an object, else signal `wrong-type-argument'."
  (if (eieio-object-p obj) obj (signal 'wrong-type-argument (list 'eieio-object obj 'obj))))

(defun eieio-object-class (obj) "Return the name of the class of the object OBJ."
  (aref (eieio--check-object obj) 0))

(defun eieio-object-class-name (obj) "Return the name of the class of the object OBJ."
  (eieio-object-class obj))

(defun eieio-class-name (class) "Return the name of CLASS, a class name or record."
  (aref (eieio--class-or-error class) 1))

(defun find-class (symbol &optional errorp) "Return the class record named SYMBOL.
If there is none, return nil, or signal an error when ERRORP is non-nil."
  (or (eieio--class-object symbol)
      (and errorp (signal 'wrong-type-argument (list 'class-p symbol)))))

;;;; Ancestry

(defun eieio--any (pred list) "Non-nil if PRED holds for some element of LIST."
  (while (and list (not (funcall pred (car list))))
    (setq list (cdr list)))
  (and list t))

(defun eieio--drop-if (pred list) "A copy of LIST without the elements for which PRED holds."
  (let ((kept '()))
    (dolist (x list (nreverse kept))
      (unless (funcall pred x) (push x kept)))))

(defun eieio--slot-tail (name descs) "The tail of the descriptor list DESCS that starts with the slot NAME, or nil."
  (while (and descs (not (eq (aref (car descs) 1) name)))
    (setq descs (cdr descs)))
  descs)

(defun eieio-class-parents (class) "Return the parent class records of CLASS."
  (aref (or (eieio--class-object class) (signal 'wrong-type-argument (list 'eieio--class class))) 3))

(defun eieio-class-children (class) "Return the names of the classes defined as direct children of CLASS."
  (aref (eieio--class-or-error class 'class) 6))

(defun eieio--direct-parents (class) "The parents of the class record CLASS, the root class standing in for none."
  (or (aref class 3)
      (and (not (eq (aref class 1) 'eieio-default-superclass))
           (let ((root (eieio--class-object 'eieio-default-superclass)))
             (and root (list root))))))

(defun eieio--c3-merge (lists) "Merge LISTS of classes in C3 order, or return `conflict' if they conflict."
  (let ((out '()) (ok t))
    (while (and ok (setq lists (delq nil lists)))
      (let ((pick nil))
        (dolist (l lists)
          (let ((head (car l)))
            (unless (or pick (eieio--any (lambda (other) (memq head (cdr other))) lists))
              (setq pick head))))
        (if (null pick)
            (setq ok nil)
          (push pick out)
          (setq lists (mapcar (lambda (l) (if (eq (car l) pick) (cdr l) l)) lists)))))
    (if ok (nreverse out) 'conflict)))

(defun eieio--depth-first (class seen) "SEEN, newest first, with CLASS and its ancestors added depth first."
  (if (memq class seen)
      seen
    (setq seen (cons class seen))
    (dolist (p (eieio--direct-parents class) seen)
      (setq seen (eieio--depth-first p seen)))))

(defun eieio--class-precedence-list (class) "The class record CLASS and its ancestors, in method invocation order.
The order is the one the :method-invocation-order option of CLASS asks
for: :c3 (the default), :depth-first or :breadth-first.  CLASS may
also be a class name."
  (or (eieio--class-p class) (setq class (eieio--class-or-error class)))
  (let ((order (plist-get (aref class 11) :method-invocation-order))
        (parents (eieio--direct-parents class)))
    (cond
      ((eq order :depth-first)
       (nreverse (eieio--depth-first class nil)))
      ((eq order :breadth-first)
       (let ((seen '()) (queue (list class)))
         (while queue
           (let ((c (pop queue)))
             (unless (memq c seen)
               (push c seen)
               (setq queue (append queue (eieio--direct-parents c))))))
         (nreverse seen)))
      (t
       (let ((merged (eieio--c3-merge (append (mapcar #'eieio--class-precedence-list parents)
                                              (list parents)))))
         (if (eq merged 'conflict)
             (error "Inconsistent class hierarchy for %S" (aref class 1))
           (cons class merged)))))))

(defun eieio--ancestor-p (class ancestor) "Non-nil if the class record ANCESTOR is CLASS or one of its ancestors."
  (or (eq class ancestor)
      (eieio--any (lambda (p) (eieio--ancestor-p p ancestor)) (eieio--direct-parents class))))

(defun child-of-class-p (child class) "Return non-nil if the class CHILD is CLASS or a subclass of it."
  (eieio--ancestor-p (or (eieio--class-object child)
                         (signal 'wrong-type-argument (list 'eieio--class child 'child)))
                     (eieio--class-or-error class)))

(defun object-of-class-p (obj class) "Return non-nil if OBJ is an object of CLASS or of a subclass of it."
  (eieio--ancestor-p (eieio--object-class (eieio--check-object obj))
                     (eieio--class-or-error class)))

(defalias 'obj-of-class-p #'object-of-class-p)

(defun same-class-p (obj class) "Return non-nil if OBJ is an object of exactly CLASS."
  (eq (eieio--object-class (eieio--check-object obj)) (eieio--class-or-error class)))

(defun eieio-make-class-predicate (class) "A function telling whether its argument is an object of exactly CLASS."
  (lambda (obj) (and (eieio-object-p obj) (eq (aref obj 0) class))))

(defun eieio-make-child-predicate (class) "A function telling whether its argument is an object of CLASS or a subclass."
  (lambda (obj)
    (and (eieio-object-p obj)
         (eieio--ancestor-p (eieio--object-class obj) (eieio--class-object class)))))

(defun eieio--note-lineage (class) "Record on CLASS's name the types its objects belong to, for `cl-defmethod' dispatch."
  (put (aref class 1) 'cl--generic-types
       (append (mapcar (lambda (c) (aref c 1)) (eieio--class-precedence-list class))
               '(record atom))))

;;;; Slots

(defun eieio--slot-names (obj-or-class) "The slot descriptors of the class of OBJ-OR-CLASS."
  (aref obj-or-class 4))

(defun eieio-class-slots (class) "Return the descriptors of the per-object slots of CLASS, as a list."
  (append (aref (eieio--class-or-error class) 4) nil))

(defun eieio-slot-descriptor-name (slot) "The name of the slot that the descriptor SLOT describes."
  (cl--slot-descriptor-name slot))

(defun eieio--initarg-slot (class name) "The slot NAME stands for in CLASS: itself, or the slot of the initarg NAME."
  (or (cdr (assq name (aref class 7))) name))

(defun eieio--slot-index (class slot) "The index of the per-object SLOT of CLASS, or nil."
  (gethash slot (aref class 5)))

(defun eieio--class-slot-index (class slot) "The index of the class-allocated SLOT of CLASS, or nil."
  (let ((slots (aref class 8)) (i 0) (found nil))
    (while (and (null found) (< i (length slots)))
      (if (eq (cl--slot-descriptor-name (aref slots i)) slot) (setq found i))
      (setq i (1+ i)))
    found))

(defun eieio--typecheck (class slot desc value) "Signal `invalid-slot-type' unless VALUE fits the :type of DESC, SLOT of CLASS."
  (let ((type (cl--slot-descriptor-type desc)))
    (unless (or eieio-skip-typecheck (eq type t) (eq value eieio--unbound) (cl-typep value type))
      (signal 'invalid-slot-type (list (aref class 1) slot type value)))))

(defun eieio--object-string (obj) "OBJ as `eieio-object-name' shows it, for errors."
  (if (eieio-object-p obj) (eieio-object-name obj) obj))

(defun eieio-oref (obj slot) "Return the value of SLOT in the object OBJ.
SLOT may also be one of the initargs of OBJ's class."
  (cond
   ((eieio-object-p obj)
    (let* ((class (eieio--object-class obj))
           (name (eieio--initarg-slot class slot))
           (index (eieio--slot-index class name))
           (value (if index
                      (aref obj (1+ index))
                    (let ((ci (eieio--class-slot-index class name)))
                      (if ci (aref (aref class 9) ci)
                        (setq name nil))))))
      (cond ((null name) (slot-missing obj slot 'oref))
            ((eq value eieio--unbound) (slot-unbound obj (aref class 1) name 'oref))
            (t value))))
   ((class-p obj) (error "eieio-oref called on a class: %s" obj))
   (t (signal 'wrong-type-argument (list '(or eieio-object class) obj 'obj)))))

(defalias 'slot-value #'eieio-oref)

(defun eieio-oset (obj slot value) "Set SLOT of the object OBJ to VALUE and return VALUE.
SLOT may also be one of the initargs of OBJ's class."
  (eieio--check-object obj)
  (let* ((class (eieio--object-class obj))
         (name (eieio--initarg-slot class slot))
         (index (eieio--slot-index class name)))
    (if index
        (progn (eieio--typecheck class name (aref (aref class 4) index) value)
               (aset obj (1+ index) value))
      (let ((ci (eieio--class-slot-index class name)))
        (if (null ci)
            (slot-missing obj slot 'oset value)
          (eieio--typecheck class name (aref (aref class 8) ci) value)
          (aset (aref class 9) ci value))))))

(defalias 'set-slot-value #'eieio-oset)

(gv-define-setter eieio-oref (value obj slot) `(eieio-oset ,obj ,slot ,value))
(gv-define-setter slot-value (value obj slot) `(eieio-oset ,obj ,slot ,value))

(defun eieio--initform-value (form) "The value the slot initform FORM gives now."
  (cond ((eq (car-safe form) 'quote) (cadr form))
        ((consp form) (eval form t))
        (t form)))

(defun eieio-oref-default (class slot) "Return the default value of SLOT in CLASS, a class or an object."
  (let* ((c (if (eieio-object-p class) (eieio--object-class class)
              (eieio--class-or-error class '(or eieio-object class))))
         (name (eieio--initarg-slot c slot))
         (index (eieio--slot-index c name)))
    (if index
        (eieio--initform-value (cl--slot-descriptor-initform (aref (aref c 4) index)))
      (let ((ci (eieio--class-slot-index c name)))
        (cond ((null ci) (slot-missing class slot 'oref-default))
              ((eq (aref (aref c 9) ci) eieio--unbound)
               (slot-unbound class (aref c 1) name 'oref-default))
              (t (aref (aref c 9) ci)))))))

(defun eieio-oset-default (class slot value) "Make VALUE the default of SLOT in CLASS, a class or an object."
  (let* ((c (if (eieio-object-p class) (eieio--object-class class)
              (eieio--class-or-error class '(or eieio-object class))))
         (name (eieio--initarg-slot c slot))
         (index (eieio--slot-index c name)))
    (if index
        (let ((desc (aref (aref c 4) index)))
          (eieio--typecheck c name desc value)
          (aset desc 2 (macroexp-quote value))
          (put (aref c 1) 'eieio--dynamic-initforms nil)
          (aset (aref c 10) (1+ index) value))
      (let ((ci (eieio--class-slot-index c name)))
        (if (null ci)
            (slot-missing class slot 'oset value)
          (eieio--typecheck c name (aref (aref c 8) ci) value)
          (aset (aref c 9) ci value))))))

(defun slot-boundp (object slot) "Return non-nil if SLOT of OBJECT, an object or a class, has a value."
  (let* ((class (cond ((eieio-object-p object) (eieio--object-class object))
                      ((eieio--class-object object))
                      (t (signal 'wrong-type-argument
                                 (list '(or eieio-object class) object 'class)))))
         (name (eieio--initarg-slot class slot))
         (index (and (eieio-object-p object) (eieio--slot-index class name))))
    (if index
        (not (eq (aref object (1+ index)) eieio--unbound))
      (let ((ci (eieio--class-slot-index class name)))
        (cond (ci (not (eq (aref (aref class 9) ci) eieio--unbound)))
              ((and (not (eieio-object-p object)) (eieio--slot-index class name))
               (not (eq (eieio--initform-value
                         (cl--slot-descriptor-initform
                          (aref (aref class 4) (eieio--slot-index class name))))
                        eieio--unbound)))
              (t (slot-missing object slot 'slot-boundp) nil))))))

(defun slot-makeunbound (object slot) "Remove the value of SLOT in OBJECT."
  (let* ((class (eieio--object-class (eieio--check-object object)))
         (name (eieio--initarg-slot class slot))
         (index (eieio--slot-index class name)))
    (if index
        (aset object (1+ index) eieio--unbound)
      (let ((ci (eieio--class-slot-index class name)))
        (if ci (aset (aref class 9) ci eieio--unbound)
          (slot-missing object slot 'slot-makeunbound))))))

(defun slot-exists-p (object-or-class slot) "Return non-nil if OBJECT-OR-CLASS has a slot named SLOT.
For a per-object slot, the value is its index."
  (let ((class (if (eieio-object-p object-or-class) (eieio--object-class object-or-class)
                 (eieio--class-or-error object-or-class))))
    (or (eieio--slot-index class slot) (and (eieio--class-slot-index class slot) t))))

(defvar eieio--object-names (make-hash-table :test 'eq :weakness 'key) "The names given to objects, each object's a string; objects without one are named after their class.")

(cl-defgeneric eieio-object-name-string (obj) "Return the name of the object OBJ, a string.")
(cl-defmethod eieio-object-name-string ((obj t))
  (or (gethash obj eieio--object-names)
      (format "%s-%x" (eieio-object-class obj) (sxhash-eq obj))))

(defun eieio-object-name (obj &optional extra) "Return a string naming OBJ as #<CLASS NAME>, with EXTRA after NAME."
  (format "#<%s %s%s>" (eieio-object-class obj) (eieio-object-name-string obj) (or extra "")))

(cl-defgeneric eieio-object-set-name-string (obj name) "Give the object OBJ the name NAME, a string.")
(cl-defmethod eieio-object-set-name-string ((obj t) name)
  (unless (stringp name) (signal 'wrong-type-argument (list 'string name 'name)))
  (puthash (eieio--check-object obj) name eieio--object-names))

;;;; Defining classes

(defun eieio--normal-initform (form given) "The initform FORM of a slot as the class keeps it; GIVEN is nil without one."
  (cond ((not given) (list 'quote eieio--unbound))
        ((and form (symbolp form) (not (eq form t)) (not (keywordp form))) (list 'quote form))
        (t form)))

(defun eieio--constant-initform-p (form) "Non-nil if the initform FORM is a constant, checkable when the class is defined."
  (or (atom form) (eq (car form) 'quote)))

(defun eieio--parse-slot (spec) "Turn the slot SPEC of a `defclass' into (DESCRIPTOR ALLOCATION INITARG)."
  (let* ((spec (if (consp spec) spec (list spec)))
         (name (car spec)) (opts (cdr spec))
         (initform nil) (given nil) (type t) (alloc nil) (initarg nil) (props '()))
    (while opts
      (let ((key (pop opts)) (val (pop opts)))
        (cond
          ((eq key :initform) (setq initform val given t))
          ((eq key :type) (setq type val))
          ((eq key :allocation) (setq alloc val))
          ((eq key :initarg) (setq initarg val))
          ((memq key '(:accessor :reader :writer)))
          ((eq key :group) (push (cons :group (if (listp val) val (list val))) props))
          ((eq key :custom) (push (cons :custom val) props))
          ((memq key '(:documentation :label :printer :protection))
           (push (cons key (if (eq key :protection)
                               (intern (substring (symbol-name val) 1))
                             val))
                 props))
          (t (when eieio-error-unsupported-class-tags
               (signal 'invalid-slot-type (list key)))))))
    (setq initform (eieio--normal-initform initform given))
    (when (and given (not (eq type t)) (eieio--constant-initform-p initform)
               (not (cl-typep (eieio--initform-value initform) type)))
      (signal 'invalid-slot-type (list name type (eieio--initform-value initform))))
    (list (record 'cl-slot-descriptor name initform type (nreverse props))
          (if (eq alloc :class) :class :instance)
          initarg)))

(defun eieio--override-slot (old new) "Merge the slot NEW of a subclass over the inherited OLD; return the result."
  (let ((merged (copy-sequence old)) (props (copy-alist (aref old 4))))
    (unless (eq (aref new 3) t)
      (unless (or (eq (aref old 3) t) (equal (aref old 3) (aref new 3)))
        (error "Child slot type `%s' does not match inherited type `%s' for `%s'"
               (aref new 3) (aref old 3) (aref new 1)))
      (aset merged 3 (aref new 3)))
    (unless (equal (aref new 2) (list 'quote eieio--unbound))
      (aset merged 2 (aref new 2)))
    (dolist (p (aref new 4))
      (let ((cell (assq (car p) props)))
        (cond ((null cell) (setq props (append props (list (cons (car p) (cdr p))))))
              ((eq (car p) :group)
               (setcdr cell (append (cdr p) (eieio--drop-if (lambda (g) (memq g (cdr p))) (cdr cell)))))
              (t (setcdr cell (cdr p))))))
    (aset merged 4 props)
    merged))

(defun eieio--add-slot (slots desc) "SLOTS, a list of descriptors, with DESC added or merged into its namesake."
  (let ((cell (eieio--slot-tail (aref desc 1) slots)))
    (if cell
        (progn (setcar cell (eieio--override-slot (car cell) desc)) slots)
      (append slots (list desc)))))

(defun eieio-defclass-internal (cname superclasses slots options) "Define the class CNAME with SUPERCLASSES, SLOTS and OPTIONS (a plist).
This does the work of `defclass' once its arguments are evaluated."
  (let* ((name cname)
         (old (eieio--class-object name))
         (parents (mapcar (lambda (p)
                            (or (eieio--class-object p)
                                (error "Given parent class %S is not a class" p)))
                          superclasses))
         (instance '()) (shared '()) (shared-values '()) (initargs '()))
    (when (memq name superclasses) (error "Class %S cannot be its own parent" name))
    ;; Inherited slots first, in parent order.
    (dolist (p parents)
      (dolist (d (append (aref p 4) nil))
        (unless (eieio--slot-tail (aref d 1) instance)
          (setq instance (eieio--add-slot instance (copy-sequence d)))))
      (let ((i 0))
        (dolist (d (append (aref p 8) nil))
          (unless (eieio--slot-tail (aref d 1) shared)
            (setq shared (append shared (list (copy-sequence d))))
            (setq shared-values (append shared-values (list (aref (aref p 9) i)))))
          (setq i (1+ i))))
      (dolist (ia (aref p 7))
        (unless (rassq (cdr ia) initargs) (setq initargs (append initargs (list ia))))))
    (dolist (spec slots)
      (let* ((parsed (eieio--parse-slot spec))
             (desc (car parsed)) (alloc (nth 1 parsed)) (initarg (nth 2 parsed)))
        (let ((sname (aref desc 1)))
          (if (or (eq alloc :class)
                  (eieio--slot-tail sname shared))
              (let ((cell (eieio--slot-tail sname shared)))
                (if cell
                    (let ((pos (- (length shared) (length cell))))
                      (setcar cell (eieio--override-slot (car cell) desc))
                      (unless (equal (aref desc 2) (list 'quote eieio--unbound))
                        (setf (nth pos shared-values) (eieio--initform-value (aref (car cell) 2)))))
                  (setq shared (append shared (list desc))
                        shared-values (append shared-values
                                              (list (eieio--initform-value (aref desc 2))))))
                (setq instance (eieio--drop-if (lambda (d) (eq (aref d 1) sname)) instance)))
            (setq instance (eieio--add-slot instance desc)))
          (when initarg
            (setq initargs (eieio--drop-if (lambda (ia) (eq (cdr ia) sname)) initargs))
            (setq initargs (append initargs (list (cons initarg sname))))))))
    (let* ((index (make-hash-table :test 'eq :size 65))
           (class (record 'eieio--class name (plist-get options :documentation) parents
                          (vconcat instance) index nil initargs
                          (vconcat shared) (vconcat shared-values) nil nil))
           (i 0))
      (dolist (d instance) (puthash (aref d 1) i index) (setq i (1+ i)))
      (let ((groups '()))
        (dolist (p parents) (dolist (g (plist-get (aref p 11) :custom-groups)) (unless (memq g groups) (push g groups))))
        (dolist (d (append instance shared))
          (dolist (g (cdr (assq :group (aref d 4)))) (unless (memq g groups) (push g groups))))
        (aset class 11 (append (list :custom-groups (nreverse groups)) options)))
      (when old (aset class 6 (aref old 6)))
      (dolist (p (or parents (let ((root (eieio--class-object 'eieio-default-superclass)))
                               (and root (not (eq name 'eieio-default-superclass)) (list root)))))
        (unless (memq name (aref p 6)) (aset p 6 (cons name (aref p 6)))))
      (aset class 10 (apply #'record class (mapcar (lambda (d) (eieio--initform-value (aref d 2)))
                                                    instance)))
      (put name 'cl--class class)
      (put name 'eieio--dynamic-initforms nil)
      (eieio--note-lineage class)
      (when old (eieio--refresh-children class))
      (when old (eieio--refresh-generics))
      class)))

(defun eieio--refresh-children (class) "Recompute the dispatch lineage of the descendants of CLASS."
  (dolist (child (aref class 6))
    (let ((c (eieio--class-object child)))
      (when c (eieio--note-lineage c) (eieio--refresh-children c)))))

(defun eieio--refresh-generics () "Give every generic function a fresh dispatcher, since a class hierarchy changed."
  (mapatoms (lambda (s) (when (and (get s 'cl--generic) (fboundp s)) (cl--generic-install s)))))

(defun eieio-defclass-autoload (name superclasses filename doc) "Make NAME a class to be loaded from FILENAME on first use.
SUPERCLASSES and DOC are what its `defclass' says."
  (ignore superclasses doc)
  (autoload name filename))

;;;; Dispatch on classes

;; Tags are class names, cheap to compare: dispatch caches by them.
(cl-generic-define-generalizer eieio--generic-subclass-generalizer 60
  (lambda (var &rest _) `(and (symbolp ,var) (eieio--class-object ,var) ,var))
  (lambda (name &rest _)
    (and name (mapcar (lambda (c) (list 'subclass (aref c 1)))
                      (eieio--class-precedence-list (eieio--class-object name))))))

(cl-generic-define-generalizer eieio--generic-static-generalizer 60
  (lambda (var &rest _) `(cond ((eieio-object-p ,var) (aref ,var 0))
                               ((and (symbolp ,var) (eieio--class-object ,var)) ,var)))
  (lambda (name &rest _)
    (and name (mapcar (lambda (c) (list 'eieio--static (aref c 1)))
                      (eieio--class-precedence-list (eieio--class-object name))))))

;; Dispatch on a class name itself goes through the class's type list
;; (see `eieio--note-lineage'); this generalizer says so to programs that ask.
(cl-generic-define-generalizer eieio--generic-generalizer 50
  #'cl--generic-struct-tag
  (lambda (tag &rest _)
    (let ((class (and (symbolp tag) (eieio--class-object tag))))
      (and class (mapcar (lambda (c) (aref c 1)) (eieio--class-precedence-list class))))))

(cl-defmethod cl-generic-generalizers :extra "eieio" ((spec symbol))
  (if (eieio--class-object spec) (list eieio--generic-generalizer) (cl-call-next-method)))

(cl-defmethod cl-generic-generalizers ((spec (head subclass)))
  (unless (eieio--class-object (cadr spec)) (error "Unknown class %S" (cadr spec)))
  (list eieio--generic-subclass-generalizer))

(cl-defmethod cl-generic-generalizers ((spec (head eieio--static)))
  (unless (eieio--class-object (cadr spec)) (error "Unknown class %S" (cadr spec)))
  (list eieio--generic-static-generalizer))

;;;; Making objects

(cl-defgeneric make-instance (class &rest initargs) "Make a new object of CLASS, its slots set from INITARGS, KEYWORD VALUE pairs.")

(cl-defgeneric initialize-instance (this &optional slots) "Give the new object THIS its initial slot values, the initargs SLOTS overriding defaults.")

(cl-defgeneric shared-initialize (obj slots) "Set the slots of OBJ from the initargs SLOTS, a list of KEYWORD VALUE pairs.")

(cl-defgeneric slot-missing (object slot-name operation &optional new-value) "Called when OPERATION on OBJECT names SLOT-NAME, which it lacks; signals `invalid-slot-name'.")

(cl-defgeneric slot-unbound (object class slot-name fn) "Called when FN reads the unbound SLOT-NAME of OBJECT of CLASS; signals `unbound-slot'.")

(cl-defmethod slot-missing ((object t) slot-name operation &optional new-value)
  (ignore operation new-value)
  (signal 'invalid-slot-name (list (eieio--object-string object) slot-name)))

(cl-defmethod slot-unbound ((object t) class slot-name fn)
  (signal 'unbound-slot (list (if (eieio--class-p class) (aref class 1) class)
                              (eieio--object-string object) slot-name fn)))

(defun eieio--make-object (class) "A new object of the class record CLASS, slots at their constant defaults."
  (let ((obj (copy-sequence (aref class 10))))
    (aset obj 0 (aref class 1))
    obj))

(defun eieio--plist-has (key plist) "Non-nil if KEY is one of the keys of PLIST."
  (let ((found nil))
    (while (and plist (not found))
      (if (eq (car plist) key) (setq found t))
      (setq plist (cddr plist)))
    found))

(defun eieio--dynamic-initforms (class) "The slots of the class record CLASS whose initform is a form to evaluate.
Each is (INDEX DESCRIPTOR . INITARGS), INITARGS the keywords that set
the slot.  Worked out once per class, until its defaults change."
  (let ((name (aref class 1)))
    (or (get name 'eieio--dynamic-initforms)
        (let ((out '()) (descs (aref class 4)))
          (dotimes (i (length descs))
            (let* ((d (aref descs i)) (form (aref d 2)))
              (when (and (consp form) (not (eq (car form) 'quote)))
                (push (cons i (cons d (mapcar #'car (eieio--keep-if (lambda (ia) (eq (cdr ia) (aref d 1)))
                                                                  (aref class 7)))))
                      out))))
          ;; `none' stands for an empty list, so that it is kept too.
          (put name 'eieio--dynamic-initforms (or (nreverse out) 'none))))))

(defun eieio--keep-if (pred list) "The elements of LIST for which PRED holds."
  (eieio--drop-if (lambda (x) (not (funcall pred x))) list))

(defun eieio--run-initforms (obj slots) "Evaluate the non-constant initforms of OBJ's slots whose initargs SLOTS does not give."
  (let* ((class (eieio--object-class obj)) (dyn (eieio--dynamic-initforms class)))
    (unless (eq dyn 'none)
      (dolist (entry dyn)
        (unless (eieio--any (lambda (key) (eieio--plist-has key slots)) (cddr entry))
          (let ((d (cadr entry))
                (value (eval (aref (cadr entry) 2) t)))
            (eieio--typecheck class (aref d 1) d value)
            (aset obj (1+ (car entry)) value)))))))

(cl-defmethod initialize-instance ((this t) &optional slots)
  (eieio--run-initforms this (if (stringp (car slots)) (cdr slots) slots))
  (shared-initialize this slots))

(cl-defmethod shared-initialize ((obj t) slots)
  (let ((class (eieio--object-class obj)))
    (if (stringp (car slots)) (setq slots (cdr slots)))
    (while slots
      (let* ((key (pop slots)) (value (pop slots))
             (slot (cdr (assq key (aref class 7)))))
        (if slot
            (eieio-oset obj slot value)
          (slot-missing obj key 'oset value))))))

;;;; The root class

(eieio-defclass-internal 'eieio-default-superclass nil nil
                         '(:documentation "The class every EIEIO class inherits from, named or not.
Its methods are the defaults of the generic functions of objects."
                           :abstract t))

(defun eieio-default-superclass (&rest args) "Make an object of `eieio-default-superclass', which is abstract: an error."
  (apply #'make-instance 'eieio-default-superclass args))

(defun eieio-default-superclass-p (obj) "Return non-nil if OBJ is an object of exactly `eieio-default-superclass'."
  (and (eieio-object-p obj) (eq (aref obj 0) 'eieio-default-superclass)))

(cl-defmethod make-instance ((class (subclass eieio-default-superclass)) &rest initargs)
  (let ((c (eieio--class-object class)))
    (when (plist-get (aref c 11) :abstract)
      (error "Class %s is abstract" class))
    ;; An old-style object name (a string, or nil) may come first: a
    ;; leading nil is dropped here, a string left for `shared-initialize'
    ;; (`eieio-named' takes it as the name, others ignore it).
    (when (and initargs (null (car initargs))) (pop initargs))
    (let ((obj (eieio--make-object c)))
      (initialize-instance obj initargs)
      obj)))

(cl-deftype list-of (elem-type) "The type of the lists whose elements are all of ELEM-TYPE."
  `(and list (satisfies (lambda (l) (cl-every (lambda (e) (cl-typep e ',elem-type)) l)))))

(provide 'eieio-core)
