;;; cl-lib.el --- Common Lisp compatibility library for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Requiring `cl-lib' brings in the macros (cl-macs), then this file's
;; small list, number and symbol functions and `cl-defstruct', then the
;; sequence functions (cl-seq) and the rest (cl-extra).  The struct class
;; registry itself is preloaded, in cl-preloaded.el.

(load "cl-macs" t t)

;;; List positions.

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) "Return element 2, counting from 0, of the list X." (nth 2 x))
(defun cl-fourth (x) "Return element 3, counting from 0, of the list X." (nth 3 x))
(defun cl-fifth (x) "Return element 4, counting from 0, of the list X." (nth 4 x))
(defun cl-sixth (x) "Return element 5, counting from 0, of the list X." (nth 5 x))
(defun cl-seventh (x) "Return element 6, counting from 0, of the list X." (nth 6 x))
(defun cl-eighth (x) "Return element 7, counting from 0, of the list X." (nth 7 x))
(defun cl-ninth (x) "Return element 8, counting from 0, of the list X." (nth 8 x))
(defun cl-tenth (x) "Return element 9, counting from 0, of the list X." (nth 9 x))

(defalias 'cl-caddr #'caddr)
(defalias 'cl-cdddr #'cdddr)
(defalias 'cl-cadar #'cadar)
(defalias 'cl-cddar #'cddar)
(defalias 'cl-caadr #'caadr)
(defalias 'cl-cdadr #'cdadr)
(defalias 'cl-caaar #'caaar)
(defalias 'cl-cdaar #'cdaar)
;; The four-level accessors, built from their names rather than listed.
(dolist (a '("a" "d"))
  (dolist (b '("a" "d"))
    (dolist (c '("a" "d"))
      (dolist (d '("a" "d"))
        (let ((name (concat "c" a b c d "r")))
          (defalias (intern (concat "cl-" name)) (intern name)))))))
(defalias 'cl-copy-seq #'copy-sequence)
(defalias 'cl-svref #'aref)
(defalias 'cl-floatp-safe #'floatp)

(defun cl-proclaim (_spec) "Declare SPEC globally; only the byte compiler heeds such declarations, so return nil."
  nil)

(defmacro cl-declaim (&rest specs) "Proclaim each of SPECS, as `cl-proclaim' does, when this form runs."
  `(progn ,@(mapcar (lambda (spec) `(cl-proclaim ',spec)) specs)))

;;; List construction and copying.

(defun cl-endp (x) "Return t if the list X is empty and nil if it is a cons.
Anything other than a list is an error."
  (or (listp x) (signal 'wrong-type-argument (list 'list x 'x)))
  (null x))

(defun cl-list* (arg &rest rest) "Cons ARG and all of REST but the last onto the last element of REST.
With no REST, return ARG itself; (cl-list* 1 2 \\='(3)) is (1 2 3)."
  (if rest
      (let ((copy (cons arg (copy-sequence rest))))
        ;; Splice the last argument in as the tail.
        (setcdr (last copy 2) (car (last copy)))
        copy)
    arg))

(defun cl-ldiff (list sublist) "Return a fresh list of the elements of LIST that come before SUBLIST.
If SUBLIST is not a tail of LIST, that is a copy of all of LIST."
  (let ((front nil))
    (catch 'cl--ldiff-done
      (while (consp list)
        (if (eq list sublist) (throw 'cl--ldiff-done nil))
        (push (pop list) front)))
    (nreverse front)))

(defun cl-copy-list (list) "Copy the conses of LIST, keeping a dotted list's final atom."
  (if (not (consp list))
      (car list)                        ; nil, or a wrong-type error
    (let* ((copy (list (pop list)))
           (end copy))
      (while (consp list)
        (setcdr end (list (pop list)))
        (setq end (cdr end)))
      (setcdr end list)
      copy)))

(defun cl-acons (key value alist) "Put a new association of KEY with VALUE at the front of ALIST."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist) "Associate each of KEYS with the corresponding one of VALUES.
The new pairs are put before ALIST; the shorter of KEYS and VALUES
decides how many there are."
  (nconc (cl-mapcar #'cons keys values) alist))

;;; Multiple values, which this library represents as lists.

(defalias 'cl-values #'list)

(defun cl-values-list (list) "Return LIST, as the multiple values it holds; LIST must be a list."
  (if (listp list) list (signal 'wrong-type-argument list)))

(defun cl-multiple-value-list (expression) "Return the list of values of EXPRESSION, which is that value itself."
  expression)

(defun cl-multiple-value-apply (function expression) "Call FUNCTION with the multiple values of EXPRESSION as its arguments."
  (apply function expression))

(defalias 'cl-multiple-value-call #'apply)
(defalias 'cl-nth-value #'nth)

;;; Numeric predicates and digits.

(defun cl-plusp (number) "Return t if NUMBER is above zero." (> number 0))
(defun cl-minusp (number) "Return t if NUMBER is below zero." (< number 0))
(defun cl-oddp (integer) "Return t if INTEGER is not divisible by two." (/= 0 (% integer 2)))
(defun cl-evenp (integer) "Return t if INTEGER is divisible by two." (= 0 (% integer 2)))

(defconst cl--digit-values
  (let ((digits (make-vector 256 nil)))
    (dotimes (v 36)
      (if (< v 10)
          (aset digits (+ ?0 v) v)
        ;; Letters count from 10, in either case.
        (aset digits (+ ?A v -10) v)
        (aset digits (+ ?a v -10) v)))
    digits)
  "The digit value of each character code below 256, nil for non-digits.")

(defun cl-digit-char-p (char &optional radix) "Return the value of CHAR as a digit in base RADIX (10 by default).
Return nil if CHAR is not such a digit.  RADIX must be from 2 to 36."
  (let ((base (or radix 10)))
    (unless (and (>= base 2) (<= base 36))
      (signal 'args-out-of-range (list 'radix radix '(2 36))))
    (let ((v (aref cl--digit-values char)))
      (and v (< v base) v))))

(defconst cl-most-positive-float nil "The largest float; nil until `cl-float-limits' has run.")
(defconst cl-most-negative-float nil "The most negative float; nil until `cl-float-limits' has run.")
(defconst cl-least-positive-float nil "The smallest float above zero; nil until `cl-float-limits' has run.")
(defconst cl-least-negative-float nil "The float nearest zero below it; nil until `cl-float-limits' has run.")
(defconst cl-least-positive-normalized-float nil "The smallest normalized float above zero; set by `cl-float-limits'.")
(defconst cl-least-negative-normalized-float nil "The negative of `cl-least-positive-normalized-float'; set by `cl-float-limits'.")
(defconst cl-float-epsilon nil "The smallest E for which 1.0 + E differs from 1.0; set by `cl-float-limits'.")
(defconst cl-float-negative-epsilon nil "The smallest E for which 1.0 - E differs from 1.0; set by `cl-float-limits'.")

(defun cl-float-limits () "Give the `cl-...-float' constants their values for IEEE double floats.
Return nil."
  (let ((tiny (expt 2.0 -1074))
        (normal (expt 2.0 -1022)))
    (setq cl-most-positive-float (* (- 2.0 (expt 2.0 -52)) (expt 2.0 1023))
          cl-most-negative-float (- cl-most-positive-float)
          cl-least-positive-float tiny
          cl-least-negative-float (- tiny)
          cl-least-positive-normalized-float normal
          cl-least-negative-normalized-float (- normal)
          cl-float-epsilon (expt 2.0 -52)
          cl-float-negative-epsilon (expt 2.0 -53)))
  nil)

;;; Generated symbols.

(defvar cl--gensym-counter 0 "The number `cl-gensym' puts in the next name it makes.")

(defvar cl--gentemp-next 0 "The number `cl-gentemp' tries first in the next name it makes.")

(unless (fboundp 'cl-gensym)
  (defun cl-gensym (&optional prefix) "Make a new uninterned symbol whose name is PREFIX followed by a number.
PREFIX defaults to \"G\".  If PREFIX is an integer, it is the number to
use, with the default prefix; otherwise the number comes from
`cl--gensym-counter', which is then advanced."
    (let ((stem (if (stringp prefix) prefix "G"))
          (n (if (integerp prefix)
                 prefix
               (setq cl--gensym-counter (+ cl--gensym-counter 1))
               (1- cl--gensym-counter))))
      (make-symbol (concat stem (number-to-string n))))))

(unless (fboundp 'cl-gentemp)
  (defun cl-gentemp (&optional prefix) "Intern and return a symbol named PREFIX and a number, that did not exist.
PREFIX defaults to \"T\"; numbers are tried in increasing order."
    (let ((stem (if (stringp prefix) prefix "T")))
      (catch 'cl--gentemp-found
        (while t
          (let ((name (concat stem (number-to-string cl--gentemp-next))))
            (setq cl--gentemp-next (+ cl--gentemp-next 1))
            (unless (intern-soft name)
              (throw 'cl--gentemp-found (intern name)))))))))

;;; Types.

(unless (fboundp 'cl-deftype)
  (defmacro cl-deftype (name arglist &rest body) "Define the type NAME, to stand for the type specifier BODY returns.
A type specifier (NAME ARGS...) binds ARGLIST, a Common Lisp argument
list, to ARGS; optional arguments without a default get `*'."
    (declare (indent 2) (doc-string 3))
    `(progn
       (put ',name 'cl-deftype-handler
            (cl-function (lambda (&cl-defs ('*) ,@arglist) ,@body))))))

;;; Structure types.

(defun cl--struct-normalize-slot (desc) "Return the slot description DESC as a list (NAME DEFAULT . OPTIONS)."
  (cond ((symbolp desc) (list desc nil))
        ((cdr desc) desc)
        (t (list (car desc) nil))))

(defun cl--struct-boa-arglist (arglist slots) "Complete the argument list ARGLIST of a positional constructor.
Optional and keyword parameters without a default get the default of
the slot they fill, taken from SLOTS.  Return (ARGLIST . VARIABLES),
VARIABLES being all the variables the argument list binds."
  (let ((section 'required)
        (seen nil)
        (out nil)
        (default-of (lambda (var) (nth 1 (assq var slots)))))
    (dolist (p arglist)
      (if (memq p '(&optional &rest &body &key &aux &allow-other-keys))
          (progn (unless (eq p '&allow-other-keys) (setq section p))
                 (push p out))
        (let* ((head (if (consp p) (car p) p))
               (var (if (and (eq section '&key) (consp head)) (nth 1 head) head)))
          (push var seen)
          (push (if (and (memq section '(&optional &key))
                         (or (symbolp p) (null (cdr p)))
                         (funcall default-of var))
                    (list head (funcall default-of var))
                  p)
                out))))
    (cons (nreverse out) seen)))

(defun cl--struct-inherited-slots (parent overrides kind) "Return the slot layout a struct including PARENT starts with.
OVERRIDES are the slot descriptions given with :include, replacing the
defaults of those slots; KIND is the new type's :type.  A record's tag
slot is left out, since the new layout adds its own."
  (let ((info (cl-struct-slot-info parent))
        (new (mapcar #'cl--struct-normalize-slot overrides)))
    (mapcar (lambda (s) (let ((o (assq (car s) new))) (or o s))) (if kind info (cdr info)))))

(defun cl--struct-expand (struct descs) "Build the expansion of (cl-defstruct STRUCT DESCS...)."
  (let* ((name (or (car-safe struct) struct))
         (doc (and (stringp (car descs)) (pop descs)))
         (conc (format "%s-" name))
         (make-default t)
         (make-name (intern (format "make-%s" name)))
         (boa-makers nil)
         (copier (intern (concat "copy-" (symbol-name name))))
         (pred (intern (format "%s-p" name)))
         (parent nil) (overrides nil)
         (kind nil) (named nil) (pads 0) (print-fn nil))
    ;; A built-in type cannot be redefined as a structure.
    (when (and (boundp 'cl--typeof-types)
               (catch 'builtin
                 (dolist (row cl--typeof-types)
                   (when (memq name row) (throw 'builtin t)))))
      (signal 'wrong-type-argument (list 'cl-struct-name-p name 'name)))
    ;; Read the options.
    (dolist (opt (if (consp struct) (cdr struct)))
      (let ((key (if (consp opt) (car opt) opt))
            (vals (and (consp opt) (cdr opt))))
        (pcase key
          (:conc-name (setq conc (if (car vals) (format "%s" (car vals)) "")))
          (:constructor
           (cond ((null vals))
                 ((null (car vals)) (setq make-default nil))
                 ((cdr vals) (push (list (car vals) (nth 1 vals) (nth 2 vals)) boa-makers))
                 (t (setq make-name (car vals)))))
          (:copier (setq copier (car vals)))
          (:predicate (setq pred (car vals)))
          (:include (setq parent (car vals) overrides (cdr vals)))
          (:type (setq kind (car vals)))
          (:named (setq named t))
          (:initial-offset (setq pads (car vals)))
          (:print-function (setq print-fn (car vals)))
          ((or :noinline :documentation))
          (_ (error "Structure option %s unrecognized" key)))))
    (when (null kind) (setq named t))
    ;; Even without a public predicate, type tests need one.
    (setq pred (or pred (intern (format "cl--struct-%s-p" name))))
    ;; Lay out the instance: inherited positions, padding, tag, own slots.
    (let* ((tags (intern (format "cl-struct-%s-tags" name)))
           (inherited (and parent
                           (cl--struct-inherited-slots parent overrides kind)))
           (layout
            (append (if kind nil (list '(cl-tag-slot)))
                    inherited
                    (make-list pads '(cl-skip-slot))
                    (and kind named (not (assq 'cl-tag-slot inherited))
                         (list '(cl-tag-slot)))
                    (mapcar #'cl--struct-normalize-slot descs)))
           (user-slots (cl-remove-if
                        (lambda (s) (memq (car s) '(cl-tag-slot cl-skip-slot)))
                        layout))
           (size (length layout))
           (tag-pos (cl-position 'cl-tag-slot layout :key #'car))
           (ref (lambda (i obj)
                  (if (eq kind 'list) `(nth ,i ,obj) `(aref ,obj ,i))))
           ;; The form making an instance from the slot variables; a slot
           ;; whose variable is not in BOUND (unless that is t) gets its
           ;; default form instead.
           (build
            (lambda (bound)
              (cons (pcase kind ('nil 'record) ('list 'list) (_ 'vector))
                    (mapcar (lambda (s)
                              (pcase (car s)
                                ('cl-tag-slot (list 'quote name))
                                ('cl-skip-slot nil)
                                (v (if (or (eq bound t) (memq v bound))
                                       v
                                     (nth 1 s)))))
                            layout))))
           (register
            `(cl-struct-define ',name ,doc
                               ',(or parent (and (null kind) 'cl-structure-object))
                               ',(or kind 'record) ,(and kind named) ',layout
                               ',tags ',name ,(and (null kind) (null print-fn))))
           (now nil)
           (later nil))
      (push `(defvar ,tags) now)
      (when named
        ;; Before the class, so the plist order is GNU's.
        (push `(put ',name 'cl-deftype-satisfies ',pred) now))
      (push register now)
      (when named
        (push `(defun ,pred (cl-x)
                 ,(pcase kind
                    ('nil `(and (memq (type-of cl-x) ,tags) t))
                    ('list `(and (consp cl-x)
                                 (memq (nth ,tag-pos cl-x) ,tags)
                                 t))
                    (_ `(and (vectorp cl-x)
                             (>= (length cl-x) ,size)
                             (memq (aref cl-x ,tag-pos) ,tags)
                             t))))
              later))
      ;; One accessor, and its setf method, per user slot.
      (dotimes (i size)
        (let ((s (nth i layout)))
          (unless (memq (car s) '(cl-tag-slot cl-skip-slot))
            (let* ((acc (intern (format "%s%s" conc (car s))))
                   (slot-doc (plist-get (nthcdr 2 s) :documentation))
                   (check (and named
                               `(or (,pred cl-x)
                                    (signal 'wrong-type-argument (list ',name cl-x))))))
              (push `(defun ,acc (cl-x)
                       ,(concat (format "Access slot \"%s\" of `%s' struct CL-X."
                                        (car s) name)
                                (if slot-doc (concat "\n" slot-doc) ""))
                       ,(if check
                            `(progn ,check ,(funcall ref i 'cl-x))
                          (funcall ref i 'cl-x)))
                    later)
              (push (if (plist-get (nthcdr 2 s) :read-only)
                        `(gv-define-expander ,acc
                           (lambda (_do _obj)
                             (error "%s is a read-only slot" ',acc)))
                      `(gv-define-setter ,acc (val obj)
                         ,(let ((store (if (eq kind 'list)
                                           `(list 'setcar (list 'nthcdr ,i obj) val)
                                         `(list 'aset obj ,i val))))
                            (if named
                                `(list 'progn
                                       (list 'or (list ',pred obj)
                                             (list 'signal ''wrong-type-argument
                                                   (list 'list '',name obj)))
                                       ,store)
                              store))))
                    now)))))
      (when copier
        (push `(defalias ',copier #'copy-sequence) later))
      ;; Constructors, the keyword one first.
      (when (and make-default make-name)
        (push `(cl-defun ,make-name
                   (&key ,@(mapcar (lambda (s) (list (car s) (nth 1 s)))
                                   user-slots))
                 ,(format "Constructor for objects of type `%s'." name)
                 ,(funcall build t))
              later))
      (dolist (m (reverse boa-makers))
        (let ((args (cl--struct-boa-arglist (nth 1 m) user-slots)))
          (push `(cl-defun ,(car m) ,(car args)
                   ,(or (nth 2 m) (format "Constructor for objects of type `%s'." name))
                   ,(funcall build (cdr args)))
                later)))
      ;; The type, its tags variable and the setf methods must exist while
      ;; code after this definition is expanded (eager expansion in `load',
      ;; or an :include), before the expansion itself runs.
      (setq now (nreverse now))
      (dolist (form now) (eval form t))
      `(progn ,@now ,@(nreverse later) ',name))))

(defmacro cl-defstruct (name &optional docstring &rest slots) "Define the structure type NAME, with a constructor, accessors and more.
Besides the type, this normally defines `make-NAME' (taking the slots
as keyword arguments), `copy-NAME', the predicate `NAME-p' and an
accessor `NAME-SLOT' for each slot, which `setf' can store into.
NAME may also be (NAME OPTIONS...), with options such as :conc-name,
:constructor, :copier, :predicate, :include, :type, :named and
:initial-offset.  Each of SLOTS is SLOT or (SLOT DEFAULT OPTIONS...),
with :read-only, :type and :documentation as options.  DOCSTRING, if a
string, documents the type; otherwise it is the first slot."
  (declare (doc-string 2) (indent 1))
  (cl--struct-expand name (and (or docstring slots) (cons docstring slots))))

;;; Structures made by old compiled code.

;; Compiled files from before records were vectors whose slot 0 held the
;; symbol cl-struct-NAME.  With the mode on, `type-of' names such a vector's
;; structure type; the tag symbol then holds the class as its value and
;; `:quick-object-witness-check' as its function, which marks it as known.

(defun cl--old-struct-type-of (orig-fun object)
  "Give OBJECT's structure type when it is an old-style tagged vector, else call ORIG-FUN on it."
  (let ((tag (and (vectorp object) (> (length object) 0) (aref object 0))))
    (if (and tag (symbolp tag) (string-prefix-p "cl-struct-" (symbol-name tag)))
        (progn
          (unless (eq (symbol-function tag) :quick-object-witness-check)
            (set tag (cl--struct-get-class (intern (substring (symbol-name tag) 10))))
            (fset tag :quick-object-witness-check))
          (cl--class-name (symbol-value tag)))
      (funcall orig-fun object))))

(define-minor-mode cl-old-struct-compat-mode
  "Toggle `type-of' knowing the vectors that old compiled code used as structures.
Such a vector holds cl-struct-NAME in its first slot; with the mode on,
`type-of' gives NAME for it."
  :global t
  (if cl-old-struct-compat-mode
      (advice-add 'type-of :around #'cl--old-struct-type-of)
    (advice-remove 'type-of #'cl--old-struct-type-of)))

(load "cl-seq" nil t)
(load "cl-extra" nil t)

(provide 'cl-lib)
