;;; gv.el --- places for setf, push and pop: generalized variables in tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; How a place works.  Every place form has an "expander", a function stored
;; on the `gv-expander' property of the form's head.  It is called with DO
;; and with the form's arguments.  DO is a function of two arguments: a
;; READER form, which may be copied freely, and a WRITER function that turns
;; a value form into a form storing that value.  DO returns the code that
;; uses the place; the expander returns it wrapped in whatever evaluates the
;; place's own arguments, once each and from left to right.
;;
;; Tests compare the code `setf', `push' and `pop' produce with GNU's, so
;; the shape of that code (including the names of the temporary variables:
;; v, c, idx, k, p, x, ...) is part of the behaviour.

;;;; Code-building helpers from GNU's macroexp.el that tsmacs lacks.

(defvar macroexpand-all-environment nil "The macro environment `macroexpand-all' is working in, or nil.")

(unless (fboundp 'macroexp-unprogn)
  (defun macroexp-unprogn (exp) "Return the body forms of EXP if it is a `progn', else a list of EXP.
The result is never empty: a bare (progn) gives (nil)."
    (cond ((not (eq (car-safe exp) 'progn)) (list exp))
          ((cdr exp))
          (t (list nil)))))

(unless (fboundp 'macroexp-let*)
  (defun macroexp-let* (bindings exp) "Return a form that evaluates EXP with BINDINGS bound as by `let*'.
An EXP that is itself a `let*' absorbs BINDINGS in front of its own."
    (cond ((null bindings) exp)
          ((eq (car-safe exp) 'let*)
           `(let* ,(append bindings (nth 1 exp)) ,@(nthcdr 2 exp)))
          (t (list 'let* bindings exp)))))

(defun gv--size-left (exp budget) "Return BUDGET less the size of EXP, or a negative number once it runs out.
Symbols count one, strings one per sixteen characters, each list or
vector one plus its elements; any other object exhausts the budget."
  (cond ((< budget 0) budget)
        ((or (consp exp) (vectorp exp))
         (let ((left budget))
           (mapc (lambda (elt) (setq left (gv--size-left elt left))) exp)
           (1- left)))
        ((symbolp exp) (1- budget))
        ((stringp exp) (- budget (/ (length exp) 16)))
        ;; Anything else uses up the whole budget.
        (t -1)))

(unless (fboundp 'macroexp-small-p)
  (defun macroexp-small-p (exp) "Return non-nil if the form EXP is small enough to be duplicated."
    (> (gv--size-left exp 10) 0)))

(unless (fboundp 'macroexp--let2-build)
  (defun macroexp--let2-build (trivial-p name exp build) "Call BUILD with EXP itself or with a new symbol called NAME standing for it.
EXP is used directly when TRIVIAL-P accepts it.  Otherwise the code that
BUILD returns is wrapped so as to bind the new symbol to EXP."
    (if (funcall trivial-p exp)
        (funcall build exp)
      (let ((temp (make-symbol name)))
        (macroexp-let* (list (list temp exp)) (funcall build temp))))))

(unless (fboundp 'macroexp-let2)
  (defmacro macroexp-let2 (test sym exp &rest body) "Run BODY, which builds code, with SYM standing for the value of the form EXP.
SYM is bound to EXP itself when the predicate TEST (by default
`macroexp-const-p') says it is cheap to repeat; otherwise to a fresh
symbol named like SYM, and the code BODY returns gets wrapped in a
`let*' giving that symbol the value of EXP." (declare (indent 3) (debug (sexp sexp form body)))
    `(macroexp--let2-build #',(or test 'macroexp-const-p)
                           ,(symbol-name sym) ,exp
                           (lambda (,sym) ,@body))))

(unless (fboundp 'macroexp-let2*)
  (defmacro macroexp-let2* (test bindings &rest body)
    "Nest one `macroexp-let2' with TEST per (SYM EXP) of BINDINGS around BODY." (declare (indent 2) (debug (sexp (&rest (sexp form)) body)))
    (let ((code (macroexp-progn body)))
      (dolist (b (reverse bindings) code)
        (setq code `(macroexp-let2 ,test ,(car b) ,(nth 1 b) ,code))))))

;;;; Finding and calling the expander of a place.

(define-error 'gv-invalid-place "%S is not a valid place expression")

(defun gv-setter (name) "Return the symbol `(setf NAME)', the name of NAME's setter function.
Signal an error if NAME has an expander, which takes precedence."
  (when (get name 'gv-expander)
    (error "gv-expander conflicts with (setf %S)" name))
  (intern (concat "(setf " (symbol-name name) ")")))

(defun gv--bind-args (head writer do forms) "Give the argument FORMS of a HEAD place copyable stand-ins, then call DO.
DO gets the reader (HEAD STAND-INS...) and a function turning a value
form into (funcall WRITER VALUE STAND-INS...).  Each non-constant form
is bound to a temporary called `v'."
  (let* ((temps nil)
         (stand-ins (mapcar (lambda (arg)
                              (if (macroexp-const-p arg)
                                  arg
                                (let ((temp (make-symbol "v")))
                                  (push (list temp arg) temps)
                                  temp)))
                            forms))
         (code (funcall do (cons head stand-ins)
                        (lambda (value) (apply writer value stand-ins)))))
    ;; Wrap from the last binding outwards, so that the `let*' forms merge
    ;; into one listing the arguments in order.
    (dolist (b temps code)
      (setq code (macroexp-let* (list b) code)))))

(defun gv-get (place do) "Return the code DO builds for PLACE, a symbol or a place form.
DO is called with a reader form, which may be copied, and a writer
function that takes a value form and returns a form storing it into
PLACE.  The code that evaluates the arguments of PLACE is added around
what DO returns."
  (cond
   ((symbolp place)
    (funcall do place (lambda (value) (list 'setq place value))))
   ((not (consp place))
    (signal 'gv-invalid-place (list place)))
   (t
    (let ((expander (gv--expander-of (car place))))
      (if expander
          (apply expander do (cdr place))
        (let ((other (gv--rewrite place)))
          (if other
              (gv-get other do)
            ;; No way to see through it: call the function `(setf HEAD)'.
            (let ((fn (gv-setter (car place))))
              (gv--bind-args (car place)
                             (lambda (value &rest args) `(,fn ,value ,@args))
                             do (cdr place))))))))))

(defun gv--expander-of (head) "Return the expander of places whose car is HEAD, or nil if there is none.
An autoloaded definition of HEAD is loaded first if it may supply one."
  (and (symbolp head)
       (function-get head 'gv-expander 'autoload)))

(defun gv--rewrite (place) "Return a form equivalent to PLACE that may have an expander, or nil.
The car of PLACE is tried as a macro, then as a function with a
compiler macro, then as an alias of another function."
  (let ((expanded (macroexpand-1 place macroexpand-all-environment))
        (head (car place)))
    (cond
     ((not (eq expanded place)) expanded)
     ((not (symbolp head)) nil)
     ((get head 'compiler-macro)
      (let ((opt (apply (get head 'compiler-macro) place (cdr place))))
        (cond ((not (eq opt place)) opt)
              ((gv--alias-target head) (cons (gv--alias-target head) (cdr place))))))
     ((gv--alias-target head) (cons (gv--alias-target head) (cdr place))))))

(defun gv--alias-target (head) "Return the symbol HEAD's function cell holds when HEAD is an alias, else nil."
  (and (fboundp head)
       (let ((def (symbol-function head)))
         (and (symbolp def) def))))

(defmacro gv-letplace (vars place &rest body) "Produce code working on PLACE, with VARS bound to its reader and writer.
VARS is a list (READER WRITER).  BODY runs at expansion time with READER
bound to a form that reads PLACE and may be copied, and WRITER to a
function from a value form to a form storing it.  BODY's value is the
code, to which the evaluation of PLACE's arguments is added.

\(fn (GETTER SETTER) PLACE &rest BODY)" (declare (indent 2) (debug (sexp form def-body)))
  (list 'gv-get place (cons 'lambda (cons vars body))))

(defmacro gv-define-expander (name handler) "Make HANDLER the expander of places whose head is NAME.
HANDLER is called with DO (see `gv-get') and the arguments of the place." (declare (indent 1) (debug (sexp form)))
  (list 'function-put (list 'quote name) ''gv-expander handler))

(defun gv--setter-expander (head writer) "Return an expander for HEAD places that stores with WRITER.
See `gv--bind-args' for how WRITER is called."
  (lambda (do &rest arg-forms)
    (gv--bind-args head writer do arg-forms)))

(defmacro gv-define-setter (name arglist &rest body) "Define how to store into places of the form (NAME ARGS...).
BODY builds the storing form.  It runs with ARGLIST bound to the value
form followed by the argument forms of the place; the argument forms
are copyable, the value form may not be." (declare (indent 2) (debug (&define name sexp def-body)))
  ;; GNU's expansion: a function, which a compiled file's top-level `function-put' makes
  ;; known to the rest of the file while it is compiled.
  `(function-put ',name 'gv-expander
                 (lambda (do &rest args)
                   (declare-function gv--defsetter "gv" (name setter do args &optional vars))
                   (gv--defsetter ',name (lambda ,arglist ,@body) do args))))

(defun gv--defsetter (name setter do args &optional _vars)
  "Run DO on the place (NAME ARGS...), stored into by the function SETTER.
SETTER gets the value form and the (copyable) argument forms and builds the storing form."
  (apply (gv--setter-expander name setter) do args))

(defun gv--simple-writer (setter fix-return) "Return a writer for `gv--bind-args' storing with (SETTER ARGS... VALUE).
With FIX-RETURN non-nil the stored value, not SETTER's, is returned."
  (if fix-return
      (lambda (value &rest args)
        (macroexp-let2 nil v value
          `(progn (,setter ,@args ,v) ,v)))
    (lambda (value &rest args)
      `(,setter ,@args ,value))))

(defmacro gv-define-simple-setter (name setter &optional fix-return) "Make places (NAME ARGS...) store VALUE by calling (SETTER ARGS... VALUE).
If FIX-RETURN is non-nil, storing returns VALUE whatever SETTER returns." (declare (debug (sexp (&or symbolp lambda-expr) &optional sexp)))
  ;; As GNU's, a `gv-define-setter' whose body calls SETTER.
  (if fix-return
      `(gv-define-setter ,name (val &rest args)
         (macroexp-let2 nil v val
           `(progn (,',setter ,@args ,v) ,v)))
    `(gv-define-setter ,name (val &rest args) `(,',setter ,@args ,val))))

;;;; `declare' support: (gv-expander HANDLER) and (gv-setter SETTER).

(defun gv--declaration-form (kind name args handler &optional fix) "Return the code a (KIND HANDLER FIX) declaration of NAME stands for.
ARGS is the argument list of NAME's definition.  A lambda HANDLER gets
those arguments after its own first one."
  (let* ((lambda-p (eq (car-safe handler) 'lambda))
         ;; For a lambda HANDLER: its first parameter, then NAME's.
         (arglist (and lambda-p (cons (car (nth 1 handler)) args)))
         (body (and lambda-p (nthcdr 2 handler)))
         (form
          (cond
           ((eq kind 'gv-expander)
            (cond (lambda-p
                   `(gv-define-expander ,name (lambda ,arglist ,@body)))
                  ((symbolp handler)
                   `(gv-define-expander ,name #',handler))))
           (lambda-p `(gv-define-setter ,name ,arglist ,@body))
           ((symbolp handler)
            `(gv-define-simple-setter ,name ,handler ,fix)))))
    (unless form (message "Unknown %s declaration %S" kind handler))
    (list 'progn :autoload-end form)))

(defun gv--expander-defun-declaration (&rest args) "Handle (gv-expander HANDLER) in a definition; ARGS as for the declaration."
  (apply #'gv--declaration-form 'gv-expander args))

(defun gv--setter-defun-declaration (&rest args) "Handle (gv-setter SETTER) in a definition; ARGS as for the declaration."
  (apply #'gv--declaration-form 'gv-setter args))

(unless (assq 'gv-expander defun-declarations-alist)
  (let ((entry (list 'gv-expander #'gv--expander-defun-declaration)))
    (push entry defun-declarations-alist)
    (push entry macro-declarations-alist)))
(unless (assq 'gv-setter defun-declarations-alist)
  (push (list 'gv-setter #'gv--setter-defun-declaration) defun-declarations-alist))

;;;; setf.

(defmacro setf (&rest args) "Store each VAL into the PLACE before it, in order, and return the last VAL.
A PLACE is a variable or a place form such as (car X), (aref V I) or
\(alist-get KEY ALIST).  Arguments of a place form are evaluated once.

\(fn PLACE VAL PLACE VAL ...)" (declare (debug (&rest [gv-place form])))
  (let ((count (length args)))
    (cond
     ((= (% count 2) 1)
      (signal 'wrong-number-of-arguments (list 'setf count)))
     ((= count 2)
      (gv--store (car args) (nth 1 args)))
     (t
      ;; Several pairs: one `setf' for each, in order.
      (let ((stores nil))
        (while args
          (push `(setf ,(car args) ,(nth 1 args)) stores)
          (setq args (nthcdr 2 args)))
        (cons 'progn (nreverse stores)))))))

(defun gv--store (place value) "Return code storing the value of the form VALUE into PLACE."
  (gv-letplace (_reader writer) place
    (funcall writer value)))

;;;; Places.

;; Functions whose setter takes the same arguments plus the value last.
;; A third element asks for the stored value to be returned explicitly.
(dolist (entry '((aref aset) (char-table-range set-char-table-range)
                 (car setcar) (cdr setcdr) (get put)
                 (symbol-function fset) (symbol-plist setplist)
                 (symbol-value set) (default-value set-default)
                 (frame-parameter set-frame-parameter t)
                 (terminal-parameter set-terminal-parameter)
                 (keymap-parent set-keymap-parent)
                 (match-data set-match-data t)
                 (overlay-get overlay-put) (process-get process-put)
                 (window-parameter set-window-parameter)
                 (getenv setenv t) (documentation-property put)
                 (get-register set-register)))
  (function-put (car entry) 'gv-expander
                (gv--setter-expander
                 (car entry) (gv--simple-writer (nth 1 entry) (nth 2 entry)))))

;; (cXYr L) is stored into through (cYr L).
(dolist (entry '((caar setcar car) (cadr setcar cdr)
                 (cdar setcdr car) (cddr setcdr cdr)))
  (let ((store (nth 1 entry))
        (inner (nth 2 entry)))
    (function-put (car entry) 'gv-expander
                  (gv--setter-expander
                   (car entry)
                   (lambda (value cell) `(,store (,inner ,cell) ,value))))))

(gv-define-setter elt (value seq index)
  `(if (listp ,seq)
       (setcar (nthcdr ,index ,seq) ,value)
     (aset ,seq ,index ,value)))

;; The default argument of `gethash' plays no part in storing.
(gv-define-setter gethash (val k h &optional _d)
  `(puthash ,k ,val ,h))

;; An overlay end is stored by moving the overlay, keeping its other end.
(dolist (moved '(overlay-start overlay-end))
  (function-put moved 'gv-expander
                (gv--setter-expander
                 moved
                 (lambda (value ov)
                   (let ((start (if (eq moved 'overlay-start)
                                    value
                                  `(overlay-start ,ov)))
                         (end (if (eq moved 'overlay-end)
                                  value
                                `(overlay-end ,ov))))
                     `(progn (move-overlay ,ov ,start ,end) ,value))))))

(defun gv--set-buffer-local (value var buf) "Return a form giving variable VAR the value VALUE locally in buffer BUF."
  (macroexp-let2 nil v value
    `(with-current-buffer ,buf (set (make-local-variable ,var) ,v))))

(function-put 'buffer-local-value 'gv-expander
              (gv--setter-expander 'buffer-local-value
                                   #'gv--set-buffer-local))

(defun gv--then-value (stores) "Return a writer that runs the forms STORES makes, then yields the value.
STORES is called with a copyable stand-in for the value form, bound to
a temporary `v' when needed, and returns the list of storing forms."
  (lambda (value-form)
    (macroexp-let2 nil v value-form
      `(progn ,@(funcall stores v) ,v))))

(gv-define-expander nth
  (lambda (do n list)
    (macroexp-let2 nil c `(nthcdr ,n ,list)
      (funcall do `(car ,c)
               (lambda (value) `(setcar ,c ,value))))))

(gv-define-expander nthcdr
  (lambda (do count list-place)
    (macroexp-let2 nil idx count
      (gv-letplace (reader writer) list-place
        (funcall do `(nthcdr ,idx ,reader)
                 (lambda (new-tail)
                   ;; Index zero or less replaces the whole list.
                   `(if (<= ,idx 0)
                        ,(funcall writer new-tail)
                      (setcdr (nthcdr (1- ,idx) ,reader) ,new-tail))))))))

(defun gv--alist-store (cell key value default remove reader writer) "Return the form storing VALUE under KEY for an `alist-get' place.
CELL holds the key's entry or nil; READER and WRITER give the alist.
With REMOVE, storing DEFAULT deletes the entry instead."
  (let ((put `(if ,cell
                  (setcdr ,cell ,value)
                ,(funcall writer
                          `(cons (setq ,cell (cons ,key ,value)) ,reader))))
        (drop (funcall writer `(delq ,cell ,reader))))
    (cond
     ((null remove) put)
     ;; When the value is visibly DEFAULT itself, only the removal is left.
     ((gv--same-constant-p value default)
      `(if ,cell ,drop))
     (t `(cond ((not (eql ,default ,value)) ,put)
               (,cell ,drop))))))

(defun gv--same-constant-p (form other) "Return non-nil if the forms FORM and OTHER visibly have the same value.
That is, they are `eql' or both quote `eql' objects."
  (or (eql form other)
      (and (eq (car-safe form) 'quote)
           (eq (car-safe other) 'quote)
           (eql (nth 1 form) (nth 1 other)))))

(defun gv--alist-lookup (key alist testfn) "Return a form finding the entry of KEY in ALIST, compared with TESTFN.
All three are forms; a nil or `eq' TESTFN means `assq'."
  `(if (and ,testfn (not (eq ,testfn 'eq)))
       (assoc ,key ,alist ,testfn)
     (assq ,key ,alist)))

(gv-define-expander alist-get
  (lambda (do key-form alist-place &optional default remove testfn)
    (macroexp-let2 macroexp-copyable-p k key-form
      (gv-letplace (reader writer) alist-place
        (macroexp-let2 nil p (gv--alist-lookup k reader testfn)
          (funcall do
                   (if default `(if ,p (cdr ,p) ,default) `(cdr ,p))
                   (gv--then-value
                    (lambda (v)
                      (list (gv--alist-store p k v default remove
                                             reader writer))))))))))

(gv-define-expander plist-get
  (lambda (do plist-place property)
    (macroexp-let2 macroexp-copyable-p key property
      (gv-letplace (reader writer) plist-place
        (macroexp-let2 nil p `(cdr (plist-member ,reader ,key))
          (funcall do `(car ,p)
                   (lambda (new-value)
                     ;; A missing property goes in front of the list.
                     `(if ,p
                          (setcar ,p ,new-value)
                        ,(funcall writer
                                  `(cons ,key (cons ,new-value ,reader)))))))))))

;;;; Control structures as places: the place is their last form.

(gv-define-expander progn
  (lambda (do &rest forms)
    (let ((inner (gv-get (car (last forms)) do))
          (leading (butlast forms)))
      (if leading
          `(progn ,@leading ,inner)
        inner))))

(defun gv--body-expander (head) "Return an expander for places (HEAD BINDINGS BODY...), such as `let'."
  (lambda (do bindings &rest forms)
    (let ((last-code (gv-get (macroexp-progn forms) do)))
      `(,head ,bindings ,@(macroexp-unprogn last-code)))))

(function-put 'let 'gv-expander (gv--body-expander 'let))
(function-put 'let* 'gv-expander (gv--body-expander 'let*))

(defun gv--closure-pair (place) "Return code making a cons of a reader and a writer closure for PLACE."
  (let ((arg (gensym "v")))
    (gv-letplace (reader writer) place
      `(cons (lambda () ,reader)
             (lambda (,arg) ,(funcall writer arg))))))

(defun gv--through-pair (do pair) "Call DO on the place that the closure pair made by the form PAIR gives."
  (macroexp-let2 nil pair pair
    (funcall do `(funcall (car ,pair))
             (lambda (value) `(funcall (cdr ,pair) ,value)))))

(defun gv--copy-ok-p (do) "Return non-nil if the code DO builds may be repeated in every branch.
Without lexical binding there are no closures to share it through."
  (or (not lexical-binding)
      (macroexp-small-p (funcall do 'dummy (lambda (_) 'dummy)))))

(gv-define-expander if
  (lambda (do condition then &rest else-forms)
    (let ((else (macroexp-progn else-forms)))
      (if (gv--copy-ok-p do)
          ;; Small enough: each branch gets its own copy of DO's code.
          (let* ((then-code (gv-get then do))
                 (else-code (gv-get else do)))
            `(if ,condition ,then-code ,@(macroexp-unprogn else-code)))
        (gv--through-pair
         do `(if ,condition ,(gv--closure-pair then)
               ,(gv--closure-pair else)))))))

(defun gv--cond-clauses (clauses branch) "Return the CLAUSES of a `cond' place, each last form passed through BRANCH.
A clause with only a condition has the condition itself passed through."
  (let ((new-clauses nil))
    (dolist (clause clauses (nreverse new-clauses))
      (let ((condition (car clause))
            (body (cdr clause)))
        (push (if body
                  (let ((code (funcall branch (macroexp-progn body))))
                    (cons condition (macroexp-unprogn code)))
                (funcall branch condition))
              new-clauses)))))

(gv-define-expander cond
  (lambda (do &rest clauses)
    (if (gv--copy-ok-p do)
        (cons 'cond (gv--cond-clauses clauses (lambda (p) (gv-get p do))))
      (gv--through-pair
       do (cons 'cond (gv--cond-clauses clauses #'gv--closure-pair))))))

;; Storing into (error ...) evaluates the value, then signals.
(gv-define-expander error
  (lambda (do &rest error-args)
    (funcall do `(error ,@error-args)
             (lambda (value) `(progn ,value (error ,@error-args))))))

(defmacro gv-synthetic-place (getter setter) "Make a place out of a GETTER form and a SETTER function.
As a place, it is read with GETTER and stored into with (SETTER VALUE).
Evaluated as an ordinary form it is just GETTER." (declare (gv-expander funcall))
  (prog1 getter (ignore setter)))

(defmacro gv-delay-error (place) "Stand for PLACE, but report an invalid PLACE only when it is stored into.
Evaluated as an ordinary form it is just PLACE."
  place)

(defun gv--get-or-defer (do place) "Like `gv-get' on PLACE and DO, but if PLACE is invalid, let DO read it as is.
Storing into an invalid PLACE then signals the error that PLACE raised."
  (condition-case invalid
      (gv-get place do)
    (gv-invalid-place (funcall do place (lambda (_) `(signal ',(car invalid) ',(cdr invalid)))))))

(function-put 'gv-delay-error 'gv-expander #'gv--get-or-defer)

(gv-define-expander cons
  (lambda (do car-place cdr-place)
    (gv-letplace (head-reader head-writer) car-place
      (gv-letplace (tail-reader tail-writer) cdr-place
        (funcall do `(cons ,head-reader ,tail-reader)
                 (gv--then-value
                  (lambda (v)
                    (list (funcall head-writer `(car ,v))
                          (funcall tail-writer `(cdr ,v))))))))))

;; Storing into (logand PLACE MASK) changes only the MASK bits of PLACE.
(gv-define-expander logand
  (lambda (do place &rest mask-forms)
    (let ((all-masks (if (cdr mask-forms)
                         `(logand ,@mask-forms)
                       (car mask-forms))))
      (gv-letplace (reader writer) place
        (macroexp-let2 macroexp-copyable-p mask all-masks
          (funcall do `(logand ,reader ,mask)
                   (gv--then-value
                    (lambda (v)
                      ;; Bits outside MASK keep their old values.
                      (let ((kept `(logand ,reader (lognot ,mask))))
                        (list (funcall writer
                                       `(logior (logand ,v ,mask) ,kept))))))))))))

(gv-define-expander substring
  (lambda (do place start-form &optional end-form)
    (gv-letplace (reader writer) place
      (macroexp-let2* nil ((start start-form) (end end-form))
        (funcall do `(substring ,reader ,start ,end)
                 (gv--then-value
                  (lambda (v)
                    (list (funcall writer `(cl--set-substring
                                            ,reader ,start ,end ,v))))))))))

;;;; References to places.

(defmacro gv-ref (place) "Return a reference to PLACE, to be used with `gv-deref'.
The reference is a cons of a closure reading PLACE and one storing
into it."
  (gv-letplace (reader writer) place
    `(cons (lambda () ,reader)
           (lambda (gv--val) ,(funcall writer 'gv--val)))))

(defun gv-deref (ref) "Return the current value of the place REF refers to.
REF comes from `gv-ref'.  (setf (gv-deref REF) VAL) stores into it."
  (funcall (car ref)))

(gv-define-setter gv-deref (v ref)
  `(funcall (cdr ,ref) ,v))

;;;; push and pop.  On a plain variable they expand as in GNU's subr.el.

(defmacro push (newelt place) "Put NEWELT in front of the list held in PLACE and store the result there.
PLACE is a variable or a place form; it is evaluated once, after NEWELT.
The value is the new list." (declare (debug (form gv-place)))
  (if (not (symbolp place))
      (macroexp-let2 macroexp-copyable-p x newelt
        (gv-letplace (reader writer) place
          (funcall writer `(cons ,x ,reader))))
    ;; A plain variable: exactly (setq PLACE (cons NEWELT PLACE)).
    (list 'setq place (list 'cons newelt place))))

(defmacro pop (place) "Remove the first element of the list held in PLACE and return it.
PLACE is a variable or a place form and is evaluated once.  If the list
is empty, return nil and store nothing new." (declare (debug (gv-place)))
  (list 'car-safe
        (if (not (symbolp place))
            (gv-letplace (reader writer) place
              (macroexp-let2 macroexp-copyable-p x reader
                `(prog1 ,x ,(funcall writer `(cdr ,x)))))
          ;; A plain variable, as GNU expands it.
          `(prog1 ,place (setq ,place (cdr ,place))))))

;;;; Expand the macros in the code above once, since it runs at every
;;;; expansion of a place.

(defun gv--expand-expander-now (symbol) "Expand the macros in SYMBOL's expander if it is an interpreted closure."
  (let ((expander (get symbol 'gv-expander)))
    (when (eq (car-safe expander) 'closure)
      (subr--expand-closure-now expander))))

(subr--expand-definitions-now
 '(gv-get gv--expander-of gv--rewrite gv--alias-target gv-setter
   gv--bind-args gv-letplace gv-define-expander gv-define-setter
   gv-define-simple-setter gv--simple-writer gv--declaration-form
   gv--alist-store gv--alist-lookup gv--same-constant-p setf push pop
   gv-ref gv-deref gv--body-expander gv--closure-pair gv--through-pair
   gv--copy-ok-p gv--cond-clauses gv-synthetic-place gv-delay-error
   gv--setter-expander gv--set-buffer-local gv--get-or-defer gv--store
   gv--then-value macroexp-let2 macroexp-let2* macroexp--let2-build
   macroexp-let* macroexp-unprogn gv--size-left macroexp-small-p))
(mapatoms #'gv--expand-expander-now)

(provide 'gv)

;;; gv.el --- end
