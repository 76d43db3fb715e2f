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
;; As in GNU, the structure generalizer names its two functions.
(defun cl--generic-struct-tag (name &rest _) "A form computing the tag of the value of the variable NAME: its `type-of', `null' for nil."
  `(if ,name (type-of ,name) 'null))

(defun cl--generic-struct-specializers (tag &rest _) "The structure types an object whose tag is TAG belongs to, nearest first; nil if TAG names no struct."
  (and (symbolp tag)
       (let ((class (cl--find-class tag)))
         (and (cl--struct-class-p class) (cl--generic-class-parents class)))))

(defun cl--generic-class-parents (class) "The names of CLASS and of all its ancestors, nearest first, each once."
  (unless (and (recordp class) (memq (type-of class) cl-struct-cl--class-tags))
    (signal 'wrong-type-argument (list 'cl--class class)))
  (let ((seen nil) (queue (list class)))
    (while queue
      (let ((c (pop queue)))
        (unless (memq (aref c 1) seen)
          (push (aref c 1) seen)
          (setq queue (append queue (aref c 3))))))
    (nreverse seen)))

(cl-generic-define-generalizer cl--generic-struct-generalizer 50
  #'cl--generic-struct-tag #'cl--generic-struct-specializers)
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

;;;; Internals GNU exposes, for programs that look at methods

(defun cl--generic-derived-specializers (mode &rest _) "The (derived-mode M) specializers MODE satisfies: MODE's and those of the modes it derives from."
  (let ((out nil))
    (while mode
      (push (list 'derived-mode mode) out)
      (setq mode (get mode 'derived-mode-parent)))
    (nreverse out)))

(defun cl--generic-load-hist-format (name qualifiers specializers) "How `load-history' names the method of NAME with QUALIFIERS and SPECIALIZERS."
  (cons name (cons qualifiers specializers)))

(defun cl-generic--method-qualifier-p (x) "Return t if X can be a method qualifier, that is, it is not a list."
  (not (listp x)))

(defun cl--generic-check-method (method) "Signal unless METHOD is a method record."
  (unless (and (recordp method) (eq (type-of method) 'cl--generic-method))
    (signal 'wrong-type-argument (list 'cl--generic-method method))))

(defun cl--generic-arg-specializer (method dispatch-arg) "The specializer METHOD has for DISPATCH-ARG, a position or a (&context . EXPR) key."
  (cl--generic-check-method method)
  (let ((specs (aref method 1)))
    ;; A position past the specializers is unspecialized: t.
    (or (if (integerp dispatch-arg)
            (nth dispatch-arg specs)
          (cdr (assoc dispatch-arg specs)))
        t)))

(defun cl--generic-method-info (method) "Describe METHOD as (QUALIFIERS-STRING ARGS DOC) for help buffers.
ARGS is the lambda list with each specialized parameter as (PARAM TYPE)."
  (cl--generic-check-method method)
  (let* ((fn (aref method 4))
         (arglist (help-function-arglist fn 'preserve-names))
         (specs (aref method 1))
         (doc (documentation fn 'raw))
         (quals (mapconcat (lambda (q) (concat (prin1-to-string q) " ")) (aref method 2) "")))
    (when (aref method 3) (setq arglist (cdr arglist)))
    (when (and (stringp doc) (string-match "\\(?:\\`\\|\n\n\\)(fn[ )]" doc))
      (setq doc (substring doc 0 (match-beginning 0)))
      (if (equal doc "") (setq doc nil)))
    (let ((params nil))
      (while (and arglist (not (memq (car arglist) '(&optional &rest &context))))
        (let ((spec (pop specs)))
          (push (if (eq spec t) (car arglist) (list (car arglist) spec)) params))
        (pop arglist))
      (list quals (nconc (nreverse params) arglist) doc))))

(defun cl--generic-specializers-apply-to-type-p (specializers type) "Return t if one of SPECIALIZERS is the type TYPE."
  (let ((found nil))
    (dolist (spec specializers found)
      (when (eq spec type) (setq found t)))))

(defun cl--generic-lambda (args body) "Turn the method lambda list ARGS and BODY into (USES-CNM . FUNCTION-FORM).
Specializers are dropped from ARGS; when BODY calls the next method, the
function takes it as a first argument `cl--cnm'."
  (let ((required (cl--generic-required-params args)))
    (cl--generic-method-lambda
     required
     (append (mapcar (lambda (a) (if (consp a) (car a) a)) required)
             (nthcdr (length required) args))
     body)))

(defun cl--generic-make-function (generic) "The dispatching function of the generic function record GENERIC."
  (cl--generic-dispatcher (aref generic 1) generic))

(defun cl--generic-build-combined-method (generic methods) "The function that runs METHODS of the record GENERIC, closest first, combined."
  (cl--generic-combine (aref generic 1) methods))

(defun cl--generic-make-next-function (generic _dispatches methods) "The function that runs METHODS of the record GENERIC as the next methods."
  (cl--generic-combine (aref generic 1) methods))

(defun cl--generic-no-next-method-function (generic method) "A function that signals that METHOD of the record GENERIC has no next method."
  (lambda (&rest args)
    (unless (and (recordp generic) (eq (type-of generic) 'cl--generic))
      (signal 'wrong-type-argument (list 'cl--generic generic)))
    (apply #'cl-no-next-method (aref generic 1) method args)))

(defun cl--generic-isnot-nnm-p (cnm) "Return non-nil if the next-method function CNM has a method to call."
  (cl--generic-next-p cnm))

(defun cl--generic-method-files (method) "The files that define methods of the generic function METHOD, by `load-history'.
Each element is (FILE NAME QUALIFIERS . SPECIALIZERS)."
  (let ((out nil))
    (dolist (file-entry load-history)
      (dolist (item (cdr file-entry))
        (when (and (eq (car-safe item) 'cl-defmethod) (eq (cadr item) method))
          (push (cons (car file-entry) (cdr item)) out))))
    (nreverse out)))

(defun cl--generic-method-documentation (_function _type) "Documentation of the methods of a generic function: tsmacs gives none here, as GNU gives none for plain generics."
  nil)

(defun cl--generic-describe (function) "Insert in the current buffer a description of the methods of the generic FUNCTION."
  (let ((generic (get function 'cl--generic)))
    (unless generic (signal 'wrong-type-argument (list 'cl--generic function)))
    (insert "\nThis is a generic function.\n\n")
    (insert (propertize "Implementations:\n\n" 'face 'bold))
    (dolist (method (aref generic 3))
      (let ((info (cl--generic-method-info method)))
        (insert (car info) (prin1-to-string (nth 1 info)) "\n"
                (or (nth 2 info) "Undocumented") "\n\n")))))

(defun cl--generic-search-method (met-name) "Move to the definition in this buffer of the method MET-NAME, (NAME QUALIFIERS . SPECIALIZERS).
Return point there, or nil; failing the method, settle for any method of NAME."
  (let ((name (car met-name))
        (specs (cddr met-name)))
    (or (let ((re (concat "(cl-defmethod[ \t\n]+" (regexp-quote (symbol-name name))
                          "[ \t\n]+(\\(?:(?\\(?:\\sw\\|\\s_\\)+"
                          (mapconcat (lambda (s) (if (eq s t) "" (concat "[ \t\n]+" (regexp-quote (prin1-to-string s)))))
                                     (list (car specs)) "")
                          "\\)")))
          (and (car specs) (not (eq (car specs) t)) (null (cadr met-name))
               (re-search-forward re nil t)))
        (re-search-forward (concat "(cl-defmethod[ \t\n]+" (regexp-quote (symbol-name name))
                                   "\\_>")
                           nil t))))

(cl-defgeneric loadhist-unload-element (x) "Undo what the `load-history' element X of a library being unloaded did.")

(cl-defmethod loadhist-unload-element ((x (head cl-defmethod))) "Remove the method X names from its generic function."
  (let* ((name (nth 1 x)) (quals (nth 2 x)) (specs (nthcdr 3 x))
         (generic (get name 'cl--generic)))
    (when generic
      (aset generic 3 (delq (cl--generic-find-in (aref generic 3) quals specs) (aref generic 3)))
      (cl--generic-install name)
      (aref generic 3))))

(defun cl--generic-find-in (methods quals specs) "The method among METHODS with qualifiers QUALS and specializers SPECS, or nil."
  (let ((found nil))
    (dolist (m methods found)
      (when (and (null found) (equal (aref m 2) quals) (equal (aref m 1) specs))
        (setq found m)))))


;;;; Naming methods for Edebug.

(defvar cl--generic-edebug--name nil "The generic function name Edebug is instrumenting methods of, while `cl--generic-edebug-remember-name' runs.")

(defun cl--generic-edebug-remember-name (name pf &rest specs) "Call PF on SPECS with the car of NAME remembered as the method's name."
  (let ((cl--generic-edebug--name (car name)))
    (funcall pf specs)))

(defun cl--generic-edebug-make-name (in:method _oldname &rest quals-and-args) "Return the name Edebug gives a method: its name, QUALS-AND-ARGS' qualifiers and its specializers.
With IN:METHOD nil the first of QUALS-AND-ARGS stands for the name; otherwise the
name is the one `cl--generic-edebug-remember-name' remembered."
  (let* ((head (if in:method cl--generic-edebug--name (car quals-and-args)))
         (rest (if in:method quals-and-args (cdr quals-and-args)))
         (words (append (list head) (butlast rest)
                        (list (mapcar #'cdr (car (cl--generic-split-args (car (last rest)))))))))
    (mapconcat (lambda (w) (format "%s" w)) words " ")))

(provide 'cl-generic-gen)
