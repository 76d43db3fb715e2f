;;; cl-lib.el --- Common Lisp extensions  -*- lexical-binding: t -*-

;; Written for tsmacs.  The entry point of cl-lib: small list and number
;; functions, `cl-defstruct', and the loading of cl-macs, cl-seq and
;; cl-extra.  The class registry behind `cl-defstruct' is in cl-preloaded.

(load "cl-macs" t t)

;;; Lists.

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) "Return the third element of the list X." (car (cddr x)))
(defun cl-fourth (x) "Return the fourth element of the list X." (nth 3 x))
(defun cl-fifth (x) "Return the fifth element of the list X." (nth 4 x))
(defun cl-sixth (x) "Return the sixth element of the list X." (nth 5 x))
(defun cl-seventh (x) "Return the seventh element of the list X." (nth 6 x))
(defun cl-eighth (x) "Return the eighth element of the list X." (nth 7 x))
(defun cl-ninth (x) "Return the ninth element of the list X." (nth 8 x))
(defun cl-tenth (x) "Return the tenth element of the list X." (nth 9 x))

(defalias 'cl-caddr #'caddr)
(defalias 'cl-cdddr #'cdddr)
(defalias 'cl-cadar #'cadar)
(defalias 'cl-cddar #'cddar)
(defalias 'cl-caadr #'caadr)
(defalias 'cl-cdadr #'cdadr)

(defun cl-endp (x)
  "Return t if X is the empty list, nil if it is a cons; error otherwise."
  (unless (listp x) (signal 'wrong-type-argument (list 'list x 'x)))
  (null x))

(defun cl-list* (arg &rest rest)
  "Return a list of the arguments, consed onto the last argument."
  (cond ((not rest) arg)
        ((not (cdr rest)) (cons arg (car rest)))
        (t (let* ((copy (copy-sequence rest))
                  (before-last (nthcdr (- (length copy) 2) copy)))
             (setcdr before-last (car (cdr before-last)))
             (cons arg copy)))))

(defun cl-ldiff (list sublist)
  "Return a copy of LIST without its tail SUBLIST."
  (let ((res nil))
    (while (and (consp list) (not (eq list sublist)))
      (setq res (cons (car list) res) list (cdr list)))
    (nreverse res)))

(defun cl-copy-list (list)
  "Return a copy of LIST, which may be a dotted list."
  (if (consp list)
      (let ((res nil))
        (while (consp list)
          (setq res (cons (car list) res) list (cdr list)))
        (let ((out (nreverse res)))
          (setcdr res list)
          out))
    (car list)))

(defun cl-acons (key value alist)
  "Return ALIST with (KEY . VALUE) added at the front."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist)
  "Pair KEYS with VALUES into an alist, prepended to ALIST."
  (nconc (cl-mapcar #'cons keys values) alist))

;;; Multiple values (as lists).

(defalias 'cl-values #'list)

(defun cl-values-list (list)
  "Return LIST, the multiple values it represents."
  (unless (listp list) (signal 'wrong-type-argument list))
  list)

(defun cl-multiple-value-list (expression)
  "Return the list of values EXPRESSION produced: EXPRESSION itself."
  expression)

(defun cl-multiple-value-apply (function expression)
  "Apply FUNCTION to the values of EXPRESSION."
  (apply function expression))

(defalias 'cl-multiple-value-call #'apply)
(defalias 'cl-nth-value #'nth)

;;; Numbers.

(defun cl-plusp (number) "Return t if NUMBER is positive." (> number 0))
(defun cl-minusp (number) "Return t if NUMBER is negative." (< number 0))
(defun cl-oddp (integer) "Return t if INTEGER is odd." (eq (logand integer 1) 1))
(defun cl-evenp (integer) "Return t if INTEGER is even." (eq (logand integer 1) 0))

(defun cl-digit-char-p (char &optional radix)
  "If CHAR is a digit in RADIX (default 10), return its value."
  (unless (and (<= 2 (or radix 10)) (<= (or radix 10) 36))
    (signal 'args-out-of-range (list 'radix radix '(2 36))))
  (let ((n (cond ((and (>= char ?0) (<= char ?9)) (- char ?0))
                 ((and (>= char ?A) (<= char ?Z)) (+ 10 (- char ?A)))
                 ((and (>= char ?a) (<= char ?z)) (+ 10 (- char ?a))))))
    (unless (and (integerp char) (>= char 0) (< char 256))
      (signal 'args-out-of-range (list (make-vector 256 nil) char)))
    (and n (< n (or radix 10)) n)))

(defconst cl-most-positive-float 1.7976931348623157e+308)
(defconst cl-most-negative-float -1.7976931348623157e+308)
(defconst cl-least-positive-float 5e-324)
(defconst cl-least-negative-float -5e-324)
(defconst cl-least-positive-normalized-float 2.2250738585072014e-308)
(defconst cl-least-negative-normalized-float -2.2250738585072014e-308)
(defconst cl-float-epsilon 2.220446049250313e-16)
(defconst cl-float-negative-epsilon 1.1102230246251565e-16)

;;; Symbols.

(defvar cl--gensym-counter 0)

(unless (fboundp 'cl-gensym)
  (defun cl-gensym (&optional prefix)
    "Return a new uninterned symbol named PREFIX (default \"G\") and a number."
    (let ((pfix (if (stringp prefix) prefix "G"))
          (num (if (integerp prefix) prefix
                 (prog1 cl--gensym-counter
                   (setq cl--gensym-counter (1+ cl--gensym-counter))))))
      (make-symbol (format "%s%d" pfix num)))))

(unless (fboundp 'cl-gentemp)
  (defun cl-gentemp (&optional prefix)
    "Return a new interned symbol named PREFIX (default \"T\") and a number."
    (let ((pfix (if (stringp prefix) prefix "T"))
          name)
      (while (intern-soft (setq name (format "%s%d" pfix cl--gensym-counter)))
        (setq cl--gensym-counter (1+ cl--gensym-counter)))
      (intern name))))

;;; Types.

(unless (fboundp 'cl-deftype)
  (defmacro cl-deftype (name arglist &rest body)
    "Define NAME as a new data type; BODY computes its expansion from ARGLIST."
    (declare (indent 2) (doc-string 3))
    (list 'progn
          (list 'put (list 'quote name) ''cl-deftype-handler
                (list 'function
                      (cons 'lambda
                            (cons (if (memq '&optional arglist)
                                      arglist
                                    (cons '&optional arglist))
                                  body))))
          (list 'quote name))))

;;; Structures.

(defun cl--struct-check-form (name kind named tags-var idx obj)
  "A form checking that OBJ is a NAME structure, or nil if no check applies."
  (cond
   ((null kind)
    (list 'or (list 'memq (list 'type-of obj) tags-var)
          (list 'signal ''wrong-type-argument
                (list 'list (list 'quote name) obj))))
   ((not named) nil)
   ((eq kind 'list)
    (list 'or (list 'and (list 'consp obj)
                    (list 'memq (list 'nth idx obj) tags-var))
          (list 'signal ''wrong-type-argument
                (list 'list (list 'quote name) obj))))
   (t
    (list 'or (list 'and (list 'vectorp obj)
                    (list '> (list 'length obj) idx)
                    (list 'memq (list 'aref obj idx) tags-var))
          (list 'signal ''wrong-type-argument
                (list 'list (list 'quote name) obj))))))

(defun cl--struct-define-setter (acc name kind named tags-var tag-idx idx ro)
  "Make `setf' work on the struct accessor ACC."
  (put acc 'gv-expander
       (lambda (do obj)
         (if ro (error "%s is a read-only slot" acc))
         (let ((o (if (symbolp obj) obj (make-symbol "cl-x"))))
           (let ((code
                  (funcall do (list acc o)
                           (lambda (v)
                             (let ((check (cl--struct-check-form
                                           name kind named tags-var tag-idx o))
                                   (set (if (eq kind 'list)
                                            (list 'setcar (list 'nthcdr idx o) v)
                                          (list 'aset o idx v))))
                               (if check (list 'progn check set) set))))))
             (if (eq o obj) code (list 'let (list (list o obj)) code)))))))

(defun cl--struct-constructor (cname arglist slots body-fn)
  "A `defun' form for constructor CNAME taking ARGLIST (a CL lambda list).
SLOTS is the list of (NAME DEFAULT) of the user slots; BODY-FN is called with
nothing and returns the form building the object from the slot variables."
  (let ((required nil) (optional nil) (rest nil) (keys nil) (aux nil)
        (allow-other nil) (mode 'req) (keyed nil))
    (dolist (a arglist)
      (cond
       ((eq a '&optional) (setq mode 'opt))
       ((memq a '(&rest &body)) (setq mode 'rest))
       ((eq a '&key) (setq mode 'key keyed t))
       ((eq a '&aux) (setq mode 'aux))
       ((eq a '&allow-other-keys) (setq allow-other t))
       ((eq mode 'req) (setq required (cons a required)))
       ((eq mode 'opt) (setq optional (cons a optional)))
       ((eq mode 'rest) (setq rest a))
       ((eq mode 'key) (setq keys (cons a keys)))
       ((eq mode 'aux) (setq aux (cons a aux)))))
    (setq required (nreverse required) optional (nreverse optional)
          keys (nreverse keys) aux (nreverse aux))
    (let* ((restvar (if (or optional keyed) '--cl-rest-- rest))
           (bindings nil)
           (mentioned (append required
                              (mapcar (lambda (o) (if (consp o) (car o) o)) optional)
                              (and rest (list rest))
                              (mapcar (lambda (k)
                                        (let ((v (if (consp k) (car k) k)))
                                          (if (consp v) (cadr v) v)))
                                      keys)
                              (mapcar (lambda (x) (if (consp x) (car x) x)) aux)))
           (slot-default (lambda (var) (cadr (assq var slots)))))
      ;; Optional arguments.
      (dolist (o optional)
        (let* ((var (if (consp o) (car o) o))
               (def (if (and (consp o) (cdr o)) (cadr o) (funcall slot-default var)))
               (svar (and (consp o) (nth 2 o))))
          (if svar (setq bindings (cons (list svar (list 'and restvar t)) bindings)))
          (setq bindings
                (cons (list var (list 'if restvar
                                      (list 'car (list 'prog1 restvar
                                                       (list 'setq restvar
                                                             (list 'cdr restvar))))
                                      def))
                      bindings))))
      (when (and optional (not rest) (not keyed))
        (setq bindings
              (cons (list '--cl-check--
                          (list 'if restvar
                                (list 'signal ''wrong-number-of-arguments
                                      (list 'list (list 'quote cname)
                                            (list '+ (+ (length required)
                                                        (length optional))
                                                  (list 'length restvar))))))
                    bindings)))
      (when (and rest (not (eq rest restvar)))
        (setq bindings (cons (list rest restvar) bindings)))
      ;; Keyword arguments.
      (let ((kws nil))
        (dolist (k keys)
          (let* ((spec (if (consp k) (car k) k))
                 (var (if (consp spec) (cadr spec) spec))
                 (kw (if (consp spec) (car spec) (intern (format ":%s" var))))
                 (def (if (and (consp k) (cdr k)) (cadr k) (funcall slot-default var)))
                 (svar (and (consp k) (nth 2 k))))
            (setq kws (cons kw kws))
            (if svar (setq bindings (cons (list svar (list 'and (list 'plist-member restvar (list 'quote kw)) t)) bindings)))
            (setq bindings
                  (cons (list var
                              (list 'let (list (list '--cl-m--
                                                     (list 'plist-member restvar
                                                           (list 'quote kw))))
                                    (list 'if '--cl-m-- '(car (cdr --cl-m--)) def)))
                        bindings))))
        (setq kws (nreverse kws))
        (when (and keyed (not allow-other))
          (setq bindings
                (cons (list '--cl-keys--
                            (list 'cl--struct-check-keys restvar (list 'quote kws)))
                      bindings))))
      ;; &aux and unmentioned slots.
      (dolist (x aux)
        (setq bindings (cons (if (consp x) (list (car x) (cadr x)) (list x nil))
                             bindings)))
      (dolist (s slots)
        (unless (memq (car s) mentioned)
          (setq bindings (cons (list (car s) (cadr s)) bindings))))
      (let ((args (append required (and restvar (list '&rest restvar)))))
        (list 'defun cname args
              (if bindings
                  (list 'let* (nreverse bindings) (funcall body-fn))
                (funcall body-fn)))))))

(defun cl--struct-check-keys (rest kws)
  "Signal an error if the keyword arguments REST have a key not in KWS."
  (unless (car (cdr (memq :allow-other-keys rest)))
    (let ((k rest))
      (while k
        (unless (memq (car k) kws)
          (unless (eq (car k) :allow-other-keys)
            (error "Keyword argument %s not one of %s" (car k) kws)))
        (setq k (cdr (cdr k))))))
  nil)

(defmacro cl-defstruct (struct &rest descs)
  "Define a struct type: constructors, predicate, copier and slot accessors.
\n(fn NAME &optional DOCSTRING &rest SLOTS)"
  (declare (doc-string 2) (indent 1))
  (let* ((name (if (consp struct) (car struct) struct))
         (opts (if (consp struct) (cdr struct) nil))
         (conc-name (format "%s-" name))
         (constructors nil) (default-constructor t)
         (default-cname (intern (format "make-%s" name)))
         (copier (intern (format "copy-%s" name)))
         (predicate (intern (format "%s-p" name)))
         (include nil) (include-overrides nil)
         (kind nil) (named nil) (offset 0)
         (docstring (if (stringp (car descs)) (car descs)))
         (print-func nil)
         (forms nil))
    (if docstring (setq descs (cdr descs)))
    (dolist (o opts)
      (let ((key (if (consp o) (car o) o)) (args (if (consp o) (cdr o))))
        (cond
         ((eq key :conc-name)
          (setq conc-name (if (car args) (format "%s" (car args)) "")))
         ((eq key :constructor)
          (cond ((null args) nil)
                ((null (car args)) (setq default-constructor nil))
                ((cdr args) (setq constructors
                                  (cons (cons (car args) (cadr args)) constructors)))
                (t (setq default-cname (car args)))))
         ((eq key :copier) (setq copier (car args)))
         ((eq key :predicate) (setq predicate (car args)))
         ((eq key :include) (setq include (car args) include-overrides (cdr args)))
         ((eq key :type) (setq kind (car args)))
         ((eq key :named) (setq named t))
         ((eq key :initial-offset) (setq offset (car args)))
         ((eq key :print-function) (setq print-func (car args)))
         ((memq key '(:noinline :documentation)) nil)
         (t (error "Structure option %s unrecognized" key)))))
    (unless kind (setq named t))
    (let* ((tags-var (intern (format "cl-struct-%s-tags" name)))
           (parent-slots
            (when include
              (let ((ps (cl-struct-slot-info include)))
                (when (null kind)
                  (setq ps (cdr ps)))
                (mapcar (lambda (s)
                          (let ((ov (assq (car s)
                                          (mapcar (lambda (x) (if (consp x) x (list x)))
                                                  include-overrides))))
                            (if ov (append ov (cddr s)) s)))
                        ps))))
           (own-slots
            (mapcar (lambda (d) (if (consp d)
                                    (if (cdr d) d (list (car d) nil))
                                  (list d nil)))
                    descs))
           (layout nil))
      ;; The full layout, tag and padding included.
      (if (null kind)
          (setq layout (cons '(cl-tag-slot) (append parent-slots own-slots)))
        (let ((pads nil) (i 0))
          (while (< i offset) (setq pads (cons '(cl-skip-slot nil) pads) i (1+ i)))
          (if (and include (eq (car (car parent-slots)) 'cl-tag-slot) named)
              (setq layout (append parent-slots pads own-slots))
            (setq layout (append parent-slots pads
                                 (and named (list '(cl-tag-slot nil)))
                                 own-slots)))))
      (let* ((tag-idx (let ((i 0) (found nil))
                        (dolist (s layout)
                          (if (and (not found) (eq (car s) 'cl-tag-slot)) (setq found i))
                          (setq i (1+ i)))
                        found))
             (user-slots (let ((r nil))
                           (dolist (s layout)
                             (unless (memq (car s) '(cl-tag-slot cl-skip-slot))
                               (setq r (cons s r))))
                           (nreverse r)))
             (build (lambda ()
                      (cons (cond ((null kind) 'record)
                                  ((eq kind 'list) 'list)
                                  (t 'vector))
                            (mapcar (lambda (s)
                                      (cond ((eq (car s) 'cl-tag-slot)
                                             (list 'quote name))
                                            ((eq (car s) 'cl-skip-slot) nil)
                                            (t (car s))))
                                    layout)))))
        (setq forms
              (list
               (list 'defvar tags-var)
               (list 'cl-struct-define (list 'quote name) docstring
                     (list 'quote (or include (and (null kind) 'cl-structure-object)))
                     (list 'quote (or kind 'record)) (and kind named)
                     (list 'quote layout) (list 'quote tags-var)
                     (list 'quote name) (list 'quote (or print-func t)))))
        (when (and predicate named)
          (setq forms
                (append forms
                        (list (list 'defun predicate '(cl-x)
                                    (cond
                                     ((null kind)
                                      (list 'and (list 'memq '(type-of cl-x) tags-var) t))
                                     ((eq kind 'list)
                                      (list 'and '(consp cl-x)
                                            (list 'memq (list 'nth tag-idx 'cl-x) tags-var)
                                            t))
                                     (t (list 'and '(vectorp cl-x)
                                              (list '> '(length cl-x) tag-idx)
                                              (list 'memq (list 'aref 'cl-x tag-idx) tags-var)
                                              t))))
                              (list 'put (list 'quote name) ''cl-deftype-satisfies
                                    (list 'quote predicate))))))
        ;; Accessors.
        (let ((i 0))
          (dolist (s layout)
            (unless (memq (car s) '(cl-tag-slot cl-skip-slot))
              (let* ((acc (intern (format "%s%s" conc-name (car s))))
                     (check (cl--struct-check-form name kind named tags-var tag-idx 'cl-x))
                     (get (if (eq kind 'list) (list 'nth i 'cl-x) (list 'aref 'cl-x i)))
                     (ro (plist-get (cddr s) :read-only)))
                (setq forms
                      (append forms
                              (list (list 'defun acc '(cl-x)
                                          (format "Access slot \"%s\" of `%s' struct CL-X."
                                                  (car s) name)
                                          (if check (list 'progn check get) get))
                                    (list 'cl--struct-define-setter (list 'quote acc)
                                          (list 'quote name) (list 'quote kind) named
                                          (list 'quote tags-var) tag-idx i
                                          (and ro t)))))))
            (setq i (1+ i))))
        (when copier
          (setq forms (append forms (list (list 'defalias (list 'quote copier)
                                                ''copy-sequence)))))
        (when (and default-constructor default-cname)
          (setq forms
                (append forms
                        (list (cl--struct-constructor
                               default-cname
                               (cons '&key (mapcar (lambda (s) (list (car s) (cadr s)))
                                                   user-slots))
                               user-slots build)))))
        (dolist (c (reverse constructors))
          (setq forms
                (append forms (list (cl--struct-constructor (car c) (cdr c)
                                                            user-slots build)))))
        ;; As in GNU, the struct and its accessors' setf methods exist already
        ;; while the definition is expanded, so code expanded after it (eager
        ;; expansion in `load', :include) can use them.
        (dolist (f forms)
          (when (memq (car-safe f) '(defvar cl-struct-define cl--struct-define-setter))
            (eval f t)))
        (cons 'progn (append forms (list (list 'quote name))))))))

(load "cl-seq" nil t)
(load "cl-extra" nil t)

(provide 'cl-lib)

;;; cl-lib.el ends here
