;;; cl-macs.el --- Common Lisp macros for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; The macro side of cl-lib: lambda lists with &optional, &key, &aux and
;; nested patterns; blocks; case and typecase; local functions, macros and
;; symbol macros; place macros; `cl-tagbody'; `cl-loop'; and `cl-defstruct'.
;; The first use of one of the macros or functions that cl-lib.el
;; autoloads from here loads this file.  Everything private here is named
;; `cl-macs--...'.

(require 'cl-lib)

;;;; Helpers shared by the macros below

;; Defined in macroexp.el; the local macros below read and extend it.
(defvar macroexpand-all-environment)

(defconst cl-macs--arg-markers
  '(&optional &rest &key &allow-other-keys &aux &whole &body &environment)
  "Symbols with a special meaning inside a Common Lisp lambda list.")

(defun cl-macs--constant-form-p (form) "Return non-nil if evaluating FORM always yields the same value."
  (pcase form
    (`(quote . ,_) t)
    (`(function ,(pred symbolp)) t)
    ((pred consp) nil)
    ((pred keywordp) t)
    ((pred symbolp) (memq form '(nil t)))
    (_ t)))

(defun cl-macs--cheap-p (form) "Return non-nil if FORM may be evaluated repeatedly without harm."
  (or (symbolp form) (cl-macs--constant-form-p form)))

(defun cl-macs--body-form (forms) "Return one form that evaluates FORMS in order."
  (if (cdr forms) (cons 'progn forms) (car forms)))

(defun cl-macs--with-value (form builder) "Return BUILDER's code for a form standing for FORM's value.
Unless FORM is cheap, the code gets FORM's value through a fresh
variable, so that FORM is evaluated exactly once."
  (if (cl-macs--cheap-p form)
      (funcall builder form)
    (let ((sym (make-symbol "v")))
      `(let ((,sym ,form)) ,(funcall builder sym)))))

(defun cl-macs--mentions-p (tree atom) "Return non-nil if ATOM occurs anywhere inside TREE."
  (let ((found nil) (stack (list tree)))
    (while (and stack (not found))
      (let ((node (pop stack)))
        (cond ((eq node atom) (setq found t))
              ((consp node) (push (car node) stack) (push (cdr node) stack)))))
    found))

(defun cl-macs--split-header (body) "Return (HEAD . REST): BODY's leading docstring and declarations, then the rest.
A lone final string stays in REST, as it is the value of the body."
  (let ((head nil))
    (while (and body (cdr body)
                (let ((x (car body)))
                  (or (stringp x)
                      (memq (car-safe x) '(:documentation declare interactive cl-declare)))))
      (push (pop body) head))
    (cons (nreverse head) body)))

;;;; Lambda lists
;;
;; A Common Lisp lambda list is compiled into `let*' bindings that take a
;; list of values apart, plus checks run once everything is bound (so a
;; default may signal before a surplus argument is reported, as in GNU).

(defvar cl-macs--out-binds nil "The bindings made so far, newest first.")
(defvar cl-macs--out-checks nil "The deferred checks made so far, newest first.")
(defvar cl-macs--arity-name nil "The name reported in `wrong-number-of-arguments'.")
(defvar cl-macs--fallbacks nil "The &cl-defs defaults in force, or nil.")

(defun cl-macs--emit (var form) "Record that VAR is to be bound to FORM's value."
  (push (list var form) cl-macs--out-binds))

(defun cl-macs--arity-signal (count) "Return code signalling `wrong-number-of-arguments' with COUNT."
  `(signal 'wrong-number-of-arguments
           (list ,(if (eq cl-macs--arity-name 'cl-none)
                      nil
                    (list 'quote cl-macs--arity-name))
                 ,count)))

(defun cl-macs--fallback-default (var) "Return the &cl-defs default form for VAR, or nil."
  (and cl-macs--fallbacks
       (or (car cl-macs--fallbacks)
           (cadr (assq var (cdr cl-macs--fallbacks))))))

(defun cl-macs--keyword-for (var) "Return the keyword that names the &key argument VAR."
  (let ((name (symbol-name var)))
    (intern (concat ":" (if (string-prefix-p "_" name) (substring name 1) name)))))

(defun cl-macs--tidy-arglist (args) "Return a fresh copy of ARGS with &body as &rest and a dotted tail as &rest."
  (let ((tidied nil) (rest args))
    (while (consp rest)
      (let ((item (pop rest)))
        (push (if (eq item '&body) '&rest item) tidied)))
    ;; A dotted tail names the rest variable.
    (when rest
      (setq tidied (cons rest (cons '&rest tidied))))
    (nreverse tidied)))

(defun cl-macs--match (pattern form) "Record bindings that match PATTERN, a symbol or lambda list, to FORM."
  (cond
   ((consp pattern) (cl-macs--match-list pattern form 0 nil))
   ((and (symbolp pattern) (not (memq pattern cl-macs--arg-markers)))
    (cl-macs--emit pattern form))
   (t (error "Invalid argument name: %s" pattern))))

(defun cl-macs--section (args marker) "Split ARGS at MARKER: return (ITEMS . REST) or nil if ARGS lacks it in front.
ITEMS are the entries after MARKER up to the next lambda-list marker."
  (when (eq (car args) marker)
    (let ((end (cdr args)))
      (while (and end (not (memq (car end) cl-macs--arg-markers)))
        (setq end (cdr end)))
      (cons (butlast (cdr args) (length end)) end))))

(defun cl-macs--match-list (args form done toplevel) "Record bindings matching the lambda list ARGS against the list FORM.
DONE counts the arguments consumed before ARGS, for error reports.  When
TOPLEVEL, FORM is not bound: return the variable to use as `&rest' instead."
  (setq args (cl-macs--tidy-arglist args))
  (when (memq '&environment args)
    (error "&environment used incorrectly"))
  (let ((whole nil) (required nil) (optional nil) (rest nil) (has-rest nil)
        (keys :absent) (other-keys nil) (aux nil) (sec nil))
    ;; Take the list apart, section by section.
    (when (eq (car args) '&whole)
      (setq whole (cadr args) args (cddr args)))
    (setq sec (cl-macs--section (cons nil args) nil)
          required (car sec)
          args (cdr sec))
    (while (setq sec (cl-macs--section args '&optional))
      (setq optional (append optional (car sec)) args (cdr sec)))
    (when (eq (car args) '&rest)
      (setq has-rest t rest (cadr args) args (cddr args)))
    (while (setq sec (cl-macs--section args '&key))
      (setq keys (append (if (listp keys) keys) (car sec)) args (cdr sec)))
    (when (eq (car args) '&allow-other-keys)
      (setq other-keys t args (cdr args)))
    (while (setq sec (cl-macs--section args '&aux))
      (setq aux (append aux (car sec)) args (cdr sec)))
    (when args
      (error "Malformed argument list ends with: %S" args))
    ;; Now generate.
    (let* ((src (if (and rest (symbolp rest)) rest (make-symbol "--cl-rest--")))
           (nreq (length required))
           (exact (and required (null optional) (not has-rest) (eq keys :absent)))
           (count (+ done nreq (length optional))))
      (unless toplevel (cl-macs--emit src form))
      (when whole (cl-macs--match whole src))
      (when required
        (let ((enough (if exact
                          `(= (length ,src) ,nreq)
                        (if (> nreq 1) `(nthcdr ,(1- nreq) ,src) src))))
          (cl-macs--match (car required)
                          `(if ,enough ,(if (and exact (= nreq 1)) `(car-safe ,src) `(pop ,src))
                             ,(cl-macs--arity-signal `(length ,src))))
          ;; With the length checked exactly, the last one needs no pop.
          (let ((more (cdr required)))
            (while more
              (cl-macs--match (car more) (if (and exact (null (cdr more))) `(car-safe ,src) `(pop ,src)))
              (setq more (cdr more))))))
      (dolist (o optional)
        (let* ((spec (if (consp o) o (list o)))
               (var (car spec))
               (default (if (cdr spec) (cadr spec) (cl-macs--fallback-default var))))
          (when (cddr spec)
            (cl-macs--match (nth 2 spec) `(and ,src t)))
          (cl-macs--match var (if default `(if ,src (pop ,src) ,default) `(pop ,src)))))
      (when (consp rest)
        (cl-macs--match rest src))
      (when (and (not exact) (not has-rest) (eq keys :absent))
        (push `(if ,src ,(cl-macs--arity-signal `(+ ,count (length ,src))))
              cl-macs--out-checks))
      (unless (eq keys :absent)
        (let ((names nil))
          (dolist (entry keys)
            (let* ((spec (if (consp entry) entry (list entry)))
                   (head (car spec))
                   (kw (if (consp head) (car head) (cl-macs--keyword-for head)))
                   (var (if (consp head) (cadr head) head))
                   (default (if (cdr spec) (cadr spec) (cl-macs--fallback-default var)))
                   (lookup `(plist-member ,src ',kw)))
              (push kw names)
              (if (cddr spec)
                  (let ((flag (or (nth 2 spec) (make-symbol "--cl-var--"))))
                    (cl-macs--match flag lookup)
                    (cl-macs--match var `(if ,flag
                                             (prog1 (car (cdr ,flag)) (setq ,flag t))
                                           ,default)))
                (cl-macs--match var (if default
                                        `(car (cdr (or ,lookup ,(cl-macs--key-fallback default))))
                                      `(car (cdr ,lookup)))))))
          (unless other-keys
            (push (cl-macs--keyword-check src (nreverse names)) cl-macs--out-checks))))
      (cl-macs--match-aux aux)
      src)))

(defun cl-macs--match-aux (entries) "Record the bindings of the &aux ENTRIES, each VAR or (VAR INIT)."
  (dolist (aux entries)
    (cl-macs--match (if (consp aux) (car aux) aux)
                    (car-safe (cdr-safe aux)))))

(defun cl-macs--key-fallback (default) "The (nil DEFAULT) list a &key lookup falls back on: quoted when DEFAULT is a constant."
  (if (or (and (atom default) (not (symbolp default)))
          (memq default '(nil t))
          (memq (car-safe default) '(quote function)))
      (list 'quote (list nil (if (consp default) (cadr default) default)))
    `(list nil ,default)))

(defun cl-macs--keyword-check (src names) "Code that refuses a key of the plist SRC not among NAMES, unless it allows other keys."
  (if (null names)
      `(if ,src (progn (error "Keyword argument %s not one of nil" (car ,src))))
    (let ((tail (make-symbol "--cl-keys--")))
      `(let ((,tail ,src))
         (while ,tail
           (cond ((memq (car ,tail) ',(append names '(:allow-other-keys)))
                  (setq ,tail (cdr (cdr ,tail))))
                 ((car (cdr (memq ':allow-other-keys ,src)))
                  (setq ,tail nil))
                 (t (error ,(format "Keyword argument %%s not one of %s" names) (car ,tail)))))))))

(defun cl-macs--wrap-bindings (binds checks body) "Return one form binding BINDS with `let*', then running CHECKS and BODY."
  (let ((inner (cl-macs--body-form (append checks body))))
    (if binds `(let* ,binds ,inner) inner)))

(defun cl-macs--plain-prefix (args) "Split ARGS into (PLAIN . REST), PLAIN being what a plain lambda list can say.
That is the leading required and simple optional variables.  If the
split falls among the optional ones, REST starts with `&optional' again."
  (let ((n 0) (optional nil) (tail args))
    ;; Count the leading elements a plain lambda list can take.
    (catch 'prefix-end
      (while tail
        (let ((a (car tail)))
          (cond ((eq a '&optional)
                 (when (car cl-macs--fallbacks) (throw 'prefix-end nil))
                 (setq optional t))
                ((or (not (symbolp a)) (memq a '(nil &rest &key &aux))
                     (and optional (cl-macs--fallback-default a)))
                 (throw 'prefix-end nil))))
        (setq n (1+ n) tail (cdr tail))))
    (let ((plain (butlast args (- (length args) n)))
          (rest (nthcdr n args)))
      (when (and optional rest (not (eq (car rest) '&optional)))
        (push '&optional rest))
      (when (eq (car (last plain)) '&optional)
        (setq plain (butlast plain)))
      (cons plain rest))))

(defun cl-macs--usage-name (sym) "SYM as a usage line shows a parameter: upper case, unless it is a &-word or keyword."
  (if (and (symbolp sym) sym (not (keywordp sym)) (not (eq sym t))
           (not (string-prefix-p "&" (symbol-name sym))))
      (intern (upcase (symbol-name sym)))
    sym))

(defun cl-macs--usage-args (args) "The lambda list ARGS as the (fn ...) line of a docstring shows it.
Parameter names are in upper case, defaults as written; &aux, &cl-defs
and &environment parts are left out."
  (let ((out nil) (mode nil))
    (while (consp args)
      (let ((a (pop args)))
        (cond ((memq a '(&cl-defs &environment)) (pop args))
              ((eq a '&aux) (setq args nil))
              ((memq a '(&optional &rest &body &key &allow-other-keys))
               (setq mode a) (push a out))
              ((not (consp a)) (push (cl-macs--usage-name a) out))
              ((memq mode '(nil &rest &body)) (push (cl-macs--usage-args a) out))
              (t (let* ((spec (car a))
                        (var (cond ((not (consp spec)) (cl-macs--usage-name spec))
                                   ((eq mode '&key) (list (car spec) (if (consp (cadr spec))
                                                                         (cl-macs--usage-args (cadr spec))
                                                                       (cl-macs--usage-name (cadr spec)))))
                                   (t (cl-macs--usage-args spec)))))
                   ;; A list in place of the name shows its (absent) default as nil.
                   (push `(,var ,@(if (cdr a) (list (cadr a)) (and (consp spec) '(nil)))
                                ,@(mapcar #'cl-macs--usage-name (cddr a)))
                         out))))))
    (let ((result (nreverse out)))
      (when args (setcdr (last result) (cl-macs--usage-name args)))
      result)))

(defun cl-macs--usage-needed (args) "Non-nil if the lambda list ARGS is more than plain and &optional names (&environment aside)."
  (let ((needed nil) (skip nil))
    (while (and (consp args) (not needed))
      (let ((a (pop args)))
        (cond (skip (setq skip nil))
              ((eq a '&environment) (setq skip t))
              ((eq a '&aux) (setq args nil))
              ((or (consp a) (memq a '(&rest &body &key &allow-other-keys &cl-defs))) (setq needed t)))))
    (or needed (and args (symbolp args)))))

(defun cl-macs--with-usage (args head body) "HEAD, the docstring and declarations before BODY, with ARGS' usage line added.
The line goes at the end of a leading docstring, or is the docstring."
  (if (not (cl-macs--usage-needed args))
      head
    (let ((line (replace-regexp-in-string
                 "['`]" (lambda (q) (concat "\\=" q))
                 (format "\n\n%S" (cons 'fn (cl-macs--usage-args args))) t t)))
      (if (and (stringp (car head)) (or (cdr head) body))
          (cons (concat (car head) line) (cdr head))
        (cons line head)))))

(defun cl-macs--lambda (args body name) "Compile the Common Lisp lambda list ARGS and BODY into (ARGLIST . BODY).
The result suits a plain `lambda', `defun' or `defmacro'.  NAME names
the implicit block around BODY and is reported in arity errors;
`cl-none' means neither."
  (let* ((split (let ((parts (cl-macs--split-header body)))
                  (cons (cl-macs--with-usage args (car parts) (cdr parts)) (cdr parts))))
         (cl-macs--fallbacks nil)
         (cl-macs--arity-name name)
         (cl-macs--out-binds nil)
         (cl-macs--out-checks nil)
         (plain nil))
    (setq body (cdr split))
    (setq args (if (listp args) (cl-macs--tidy-arglist args) (list '&rest args)))
    (let ((defs (memq '&cl-defs args)))
      (when defs
        (setq cl-macs--fallbacks (cadr defs))
        (setq args (delq (cadr defs) (delq '&cl-defs args)))))
    (when (memq '&whole args)
      (error "&whole not currently implemented"))
    (let ((env (cadr (memq '&environment args))))
      (when env
        (setq args (append (delq env (delq '&environment args))
                           `(&aux (,env macroexpand-all-environment))))))
    (let ((split-args (cl-macs--plain-prefix args)))
      (setq plain (car split-args) args (cdr split-args)))
    (unless (eq name 'cl-none)
      (setq body `((cl-block ,name ,@body))))
    (let ((rest-param nil))
      (if (eq (car args) '&aux)
          (cl-macs--match-aux (car (cl-macs--section args '&aux)))
        (when args
          (setq rest-param
                (list '&rest (cl-macs--match-list args nil
                                                  (length (remq '&optional plain))
                                                  t)))))
      (cons (append plain rest-param)
            (append (car split)
                    (list (cl-macs--wrap-bindings (reverse cl-macs--out-binds)
                                                  (reverse cl-macs--out-checks)
                                                  body)))))))

(defmacro cl-defun (name args &rest body) "Define NAME as a function whose lambda list ARGS may use Common Lisp features.
ARGS may contain &optional and &key entries with defaults and supplied-p
variables, &aux, and nested lists.  BODY runs in a `cl-block' named NAME." (declare (doc-string 3) (indent 2))
  `(defun ,name ,@(cl-macs--lambda args body name)))

(defmacro cl-defmacro (name args &rest body) "Define NAME as a macro whose lambda list ARGS may use Common Lisp features.
Besides what `cl-defun' allows, ARGS may hold &body and &environment." (declare (doc-string 3) (indent 2))
  `(defmacro ,name ,@(cl-macs--lambda args body name)))

(defmacro cl-iter-defun (name args &rest body) "Define NAME as a generator (see `iter-defun') with the Common Lisp lambda list ARGS.
As in `cl-defun', BODY runs in a `cl-block' named NAME." (declare (doc-string 3) (indent 2))
  (require 'generator)
  `(iter-defun ,name ,@(cl-macs--lambda args body name)))

(defmacro cl-defsubst (name args &rest body) "Define NAME as a function with a Common Lisp lambda list ARGS and BODY.
In tsmacs there is no inlining, so this is `cl-defun'." (declare (doc-string 3) (indent 2))
  `(cl-defun ,name ,args ,@body))

(defmacro cl-function (func) "Quote FUNC as `function' does, accepting a Common Lisp lambda list in a lambda."
  (cond ((eq (car-safe func) 'lambda)
         `(function (lambda ,@(cl-macs--lambda (cadr func) (cddr func) 'cl-none))))
        (t `(function ,func))))

(defmacro cl-destructuring-bind (args expr &rest body) "Match the lambda list ARGS against the list EXPR returns, then run BODY." (declare (indent 2))
  (let ((cl-macs--out-binds nil)
        (cl-macs--out-checks nil)
        (cl-macs--fallbacks nil)
        (cl-macs--arity-name args))
    (cl-macs--match-list (or args '(&aux)) expr 0 nil)
    (cl-macs--wrap-bindings (reverse cl-macs--out-binds)
                            (reverse cl-macs--out-checks)
                            body)))

;;;; Blocks

(defun cl-macs--block-tag (name) "Return the catch tag of the block NAME."
  (intern (format "--cl-block-%s--" name)))

(defmacro cl-block (name &rest body) "Run BODY as a block called NAME.
Within BODY, `cl-return-from' NAME leaves the block with a value; the
block's value is otherwise BODY's last value." (declare (indent 1))
  `(catch ',(cl-macs--block-tag name) ,@body))

(defmacro cl-return (&optional result) "Leave the innermost block named nil, giving it the value RESULT."
  `(cl-return-from nil ,result))

(defmacro cl-return-from (name &optional result) "Leave the innermost enclosing block NAME, giving it the value RESULT." (declare (indent 1))
  `(throw ',(cl-macs--block-tag name) ,result))

;;;; Case and typecase

(defun cl-macs--case-clauses (clauses test-for failure) "Turn CLAUSES into `cond' clauses.
TEST-FOR maps a clause's key part to its test; FAILURE, called on the
`cl-macs--unmatched' pseudo clause that the erring variants add at the
end, returns the code that complains."
  (mapcar (lambda (case-clause)
            (cons (if (eq (car case-clause) 'cl-macs--unmatched)
                      (funcall failure)
                    (funcall test-for (car case-clause)))
                  (or (cdr case-clause) (list nil))))
          clauses))

(defmacro cl-case (expr &rest clauses) "Run the first of CLAUSES whose keys include EXPR's value, compared with `eql'.
Each clause is (KEYS BODY...), KEYS being one key or a list of keys; a
clause whose KEYS is t or `otherwise' accepts anything.  The value is
the last of BODY's, or nil when nothing matched." (declare (indent 1))
  (cl-macs--with-value
   expr
   (lambda (subject)
     ;; SEEN lists the keys so far, in the order GNU reports them.
     (let ((seen nil))
       `(cond
         ,@(cl-macs--case-clauses
            clauses
            (lambda (keys)
              (cond ((memq keys '(t otherwise)) t)
                    ((consp keys)
                     (setq seen (append seen (reverse keys)))
                     `(memql ,subject ',keys))
                    ((null keys) `(memql ,subject nil))
                    ((memq keys seen)
                     (error "Duplicate key in case: %s" keys))
                    (t
                     (setq seen (append seen (list keys)))
                     `(eql ,subject ',keys))))
            (lambda ()
              `(error "cl-ecase failed: %s, %s" ,subject ',seen))))))))

(defmacro cl-ecase (expr &rest clauses) "Like `cl-case', except that an error is signalled when no clause matches." (declare (indent 1))
  `(cl-case ,expr ,@clauses (cl-macs--unmatched)))

(defmacro cl-typecase (expr &rest clauses) "Run the first of CLAUSES whose type EXPR's value belongs to.
Each clause is (TYPE BODY...), tested with `cl-typep'; a clause whose
TYPE is `otherwise' accepts anything." (declare (indent 1))
  (cl-macs--with-value
   expr
   (lambda (subject)
     (let ((types nil))
       `(cond
         ,@(cl-macs--case-clauses
            clauses
            (lambda (wanted)
              (if (eq wanted 'otherwise)
                  t
                (setq types (append types (list wanted)))
                `(cl-typep ,subject ',wanted)))
            (lambda ()
              `(error "cl-etypecase failed: %s, %s" ,subject ',types))))))))

(defmacro cl-etypecase (expr &rest clauses) "Like `cl-typecase', except that an error is signalled when no clause matches." (declare (indent 1))
  `(cl-typecase ,expr ,@clauses (cl-macs--unmatched)))

;;;; Assertions and declarations

(unless (get 'cl-assertion-failed 'error-conditions)
  (define-error 'cl-assertion-failed "Assertion failed"))

(defun cl-macs--assertion-failure (form shown message message-args) "Report that FORM failed: with MESSAGE, format it; else signal with SHOWN."
  (if message
      (apply #'error message (append shown message-args))
    (signal 'cl-assertion-failed (cons form shown))))

(defmacro cl-check-type (form type &optional string) "Signal `wrong-type-argument' unless the value of FORM is of TYPE.
STRING, if given, describes TYPE in the error data instead."
  (cl-macs--with-value
   form
   (lambda (subject)
     (let ((what (or string
                     (list 'quote (if (eq (car-safe type) 'satisfies) (cadr type) type)))))
       `(progn
          (unless (cl-typep ,subject ',type)
            (signal 'wrong-type-argument (list ,what ,subject ',form)))
          nil)))))

(defmacro cl-assert (form &optional show-args string &rest args) "Signal an error unless FORM yields non-nil.
With SHOW-ARGS, the error data include the values of FORM's non-constant
arguments.  With STRING, the error is STRING formatted with those values
followed by ARGS."
  (let ((shown (and show-args
                    (let ((kept nil))
                      (dolist (a (cdr-safe form))
                        (unless (cl-macs--constant-form-p a) (push a kept)))
                      (nreverse kept)))))
    `(progn
       (unless ,form
         (cl-macs--assertion-failure ',form (list ,@shown) ,string (list ,@args)))
       nil)))

(defmacro cl-the (type form) "Return FORM's value after checking that it is of type TYPE.
A value of another type signals `wrong-type-argument' with TYPE, the
value and FORM."
  (declare (indent 1))
  (let ((value (if (or (symbolp form) (macroexp-const-p form))
                   form
                 (make-symbol "temp"))))
    (let ((check `(progn (unless (cl-typep ,value ',type)
                           (signal 'wrong-type-argument (list ',type ,value ',form)))
                         ,value)))
      (if (eq value form) check `(let* ((,value ,form)) ,check)))))

(defmacro cl-locally (&rest body) "Evaluate BODY like `progn'."
  `(progn ,@body))

(defmacro cl-eval-when (when &rest body) "Evaluate BODY if WHEN, a list of situations, includes `eval' or `:execute'.
tsmacs evaluates everything, so the other situations never apply." (declare (indent 1))
  (when (or (memq :execute when) (memq 'eval when))
    `(progn ,@body)))

(defmacro cl-load-time-value (form &optional _read-only) "Evaluate FORM once, when this form is expanded, and return that value."
  `',(eval form lexical-binding))

(defun cl-macs--numbered (items fn) "Return the results of calling FN on each of ITEMS and its index."
  (let ((position -1))
    (mapcar (lambda (item) (funcall fn item (setq position (1+ position)))) items)))

(defmacro cl-multiple-value-bind (vars form &rest body) "Bind VARS to successive elements of the list FORM returns, then run BODY." (declare (indent 2))
  (let ((all (make-symbol "--cl-var--")))
    `(let* ((,all ,form)
            ,@(cl-macs--numbered vars (lambda (v n) `(,v (nth ,n ,all)))))
       ,@body)))

(defmacro cl-multiple-value-setq (vars form) "Assign VARS from successive elements of the list FORM returns.
Return the first element."
  (cond
   ((null vars) `(progn ,form nil))
   ((cdr vars)
    (let ((all (make-symbol "--cl-var--")))
      `(let ((,all ,form))
         (prog1 (setq ,(car vars) (car ,all))
           (setq ,@(apply #'append
                          (cl-macs--numbered (cdr vars)
                                             (lambda (v n) `(,v (nth ,(1+ n) ,all))))))))))
   (t `(setq ,(car vars) (car ,form)))))

;;;; Iteration

(defmacro cl-dolist (spec &rest body) "Like `dolist' on SPEC, (VAR LIST [RESULT]), but BODY may use `cl-return'." (declare (indent 1))
  `(cl-block nil (dolist ,spec ,@body)))

(defmacro cl-dotimes (spec &rest body) "Like `dotimes' on SPEC, (VAR COUNT [RESULT]), but BODY may use `cl-return'." (declare (indent 1))
  `(cl-block nil (dotimes ,spec ,@body)))

(defun cl-macs--do (specs end body sequential) "Expand `cl-do' (or `cl-do*' when SEQUENTIAL) on SPECS, END and BODY."
  (let ((inits (mapcar (lambda (spec)
                         (if (atom spec) spec (list (car spec) (cadr spec))))
                       specs))
        (updates (apply #'append
                        (mapcar (lambda (step)
                                  (and (consp step) (cddr step)
                                       (list (car step) (nth 2 step))))
                                specs))))
    `(cl-block nil
       (,(if sequential 'let* 'let) ,inits
        (while (not ,(car end))
          ,@body
          ,@(when updates
              (list (cons (if (or sequential (null (cddr updates))) 'setq 'cl-psetq)
                          updates))))
        ,@(or (cdr end) (list nil))))))

(defmacro cl-do (steps endtest &rest body) "Loop over variables bound in parallel, until a test succeeds.
Each of STEPS is (VAR [INIT [STEP]]).  Before each iteration the first
element of ENDTEST is evaluated; once it is non-nil the rest of ENDTEST
is evaluated and the last value returned.  After each run of BODY the
variables take their STEP values, all computed before any is assigned." (declare (indent 2))
  (cl-macs--do steps endtest body nil))

(defmacro cl-do* (steps endtest &rest body) "Like `cl-do', but bind and step the variables one after another." (declare (indent 2))
  (cl-macs--do steps endtest body t))

(defmacro cl-do-symbols (spec &rest body) "Run BODY for each symbol of an obarray, then return a result.
SPEC is (VAR [OBARRAY [RESULT]]): VAR is bound to each symbol of OBARRAY
\(the standard one by default) in turn, and RESULT gives the value." (declare (indent 1))
  (let ((var (car spec))
        (table (or (cadr spec) 'obarray)))
    ;; VAR is nil again by the time RESULT is evaluated.
    `(cl-block nil (let ((,var nil))
                     (mapatoms (lambda (,var) ,@body) ,table)
                     ,(nth 2 spec)))))

(defmacro cl-do-all-symbols (spec &rest body) "Run BODY for each symbol of the standard obarray.
SPEC is (VAR [RESULT]), as for `cl-do-symbols'." (declare (indent 1))
  `(cl-do-symbols (,(car spec) nil ,(cadr spec)) ,@body))

(defun cl-macs--progv-run (symbols values thunk) "Call THUNK with each of SYMBOLS bound dynamically to its element of VALUES."
  (let ((bindings (mapcar (lambda (sym) (list sym (list 'quote (pop values)))) symbols)))
    ;; `eval' without LEXICAL makes every `let' binding dynamic.
    (eval `(let ,bindings (funcall ',thunk)))))

(defmacro cl-progv (symbols values &rest body) "Run BODY with the symbols in the list SYMBOLS dynamically bound.
Their values come from the list VALUES; missing ones are nil."
  (declare (indent 2))
  `(cl-macs--progv-run ,symbols ,values (lambda () ,@body)))

(defmacro cl-tagbody (&rest labels-or-stmts) "Run the statements of LABELS-OR-STMTS in order, allowing jumps.
Symbols and integers among them are labels; within a statement,
\(go LABEL) continues after LABEL.  The value is nil."
  (let ((tag (make-symbol "cl--tagbody-tag"))
        (state (make-symbol "next"))
        (segments nil)
        (current (list 'cl--preamble)))
    ;; Cut the body into segments, each starting at a label and ending by
    ;; passing control to the following one.
    (dolist (item labels-or-stmts)
      (if (atom item)
          (progn
            (unless (and (eq (car (last current)) 'cl--preamble) (null (cdr current)))
              (push `(go ,item) current)
              (push (nreverse current) segments))
            (setq current (list item)))
        (push item current)))
    (push (nreverse (cons `(go cl--exit) current)) segments)
    (setq segments (nreverse segments))
    (let ((known (mapcar #'car segments)))
      `(let ((,state ',(caar segments)))
         (cl-macrolet ((go (label)
                         (unless (memq label '(cl--exit ,@known))
                           (error "Unknown cl-tagbody go label `%S'" label))
                         (list 'throw '',tag (list 'quote label))))
           (while (not (eq ,state 'cl--exit))
             (setq ,state
                   (catch ',tag
                     (cl-case ,state
                       ,@(mapcar (lambda (seg) (cons (list (car seg)) (cdr seg)))
                                 segments))))))
         nil))))

;;;; Local functions, macros and symbol macros
;;
;; These work by walking their body and expanding every macro in it, with
;; a macro environment that also says which symbols are symbol macros
;; (under the key `cl-macs--symbol-macros') and which variables hold the
;; local functions (under `cl-macs--local-functions').

(defun cl-macs--env-table (env key) "Return the table stored in the macro environment ENV under KEY."
  (cdr (assq key env)))

(defun cl-macs--unshadow (env vars) "Return ENV in which none of VARS is a symbol macro any more.
Used where VARS are bound as ordinary variables."
  (let* ((table (cl-macs--env-table env 'cl-macs--symbol-macros))
         (kept (delq nil (mapcar (lambda (sm) (unless (memq (car sm) vars) sm)) table))))
    (if (= (length kept) (length table))
        env
      (cons (cons 'cl-macs--symbol-macros kept) env))))

(defun cl-macs--lambda-vars (arglist) "Return the variables that the plain lambda list ARGLIST binds."
  (when (listp arglist)
    (remq '&rest (remq '&optional arglist))))

(defun cl-macs--expand-forms (forms env) "Expand every form of the possibly dotted list FORMS in ENV."
  (let ((acc nil) (rest forms))
    (while (consp rest)
      (push (cl-macs--expand (pop rest) env) acc))
    ;; Keep a dotted tail as it is.
    (nconc (nreverse acc) rest)))

(defun cl-macs--expand-function (lam env) "Expand the body of the lambda expression LAM in ENV."
  (let ((params (cadr lam)))
    `(lambda ,params
       ,@(cl-macs--expand-forms (cddr lam)
                                (cl-macs--unshadow env (cl-macs--lambda-vars params))))))

(defun cl-macs--expand-let (form env) "Expand the `let' or `let*' FORM in ENV."
  (let* ((sequential (eq (car form) 'let*))
         (scope env)
         (new (mapcar (lambda (binding)
                        (if (atom binding)
                            binding
                          (prog1 (cons (car binding)
                                       (cl-macs--expand-forms (cdr binding) scope))
                            ;; In `let*' later values see this variable.
                            (when sequential
                              (setq scope (cl-macs--unshadow scope (list (car binding))))))))
                      (cadr form)))
         (vars (mapcar (lambda (binding) (if (consp binding) (car binding) binding)) new)))
    `(,(car form) ,new
      ,@(cl-macs--expand-forms (cddr form) (cl-macs--unshadow env vars)))))

(defun cl-macs--expand-setq (form env) "Expand the `setq' FORM in ENV, turning symbol-macro targets into `setf'."
  (let ((table (cl-macs--env-table env 'cl-macs--symbol-macros))
        (todo (cdr form))
        (assignments nil)
        (via-setf nil))
    (while todo
      (let ((sm (and (symbolp (car todo)) (assq (car todo) table))))
        (push (if (null sm)
                  `(setq ,(car todo) ,(cl-macs--expand (cadr todo) env))
                (setq via-setf t)
                (cl-macs--expand `(setf ,(cadr sm) ,(cadr todo)) env))
              assignments))
      (setq todo (cddr todo)))
    (setq assignments (nreverse assignments))
    (if via-setf
        (cl-macs--body-form assignments)
      ;; Only plain variables: keep a single `setq'.
      (cons 'setq (apply #'append (mapcar #'cdr assignments))))))

(defun cl-macs--expand (form env) "Return FORM with all its macros expanded in the environment ENV."
  (let ((macroexpand-all-environment env))
    (cond
     ((and form (symbolp form))
      (let ((macro (assq form (cl-macs--env-table env 'cl-macs--symbol-macros))))
        (if macro (cl-macs--expand (cadr macro) env) form)))
     ((atom form) form)
     (t
      (let ((head (car form)))
        (cond
         ((eq head 'quote) form)
         ((eq head 'function) (cl-macs--expand-function-form form env))
         ((memq head '(let let*)) (cl-macs--expand-let form env))
         ((eq head 'cond)
          (let ((expand-clause
                 (lambda (cond-clause)
                   (if (consp cond-clause)
                       (cl-macs--expand-forms cond-clause env)
                     cond-clause))))
            (cons 'cond (mapcar expand-clause (cdr form)))))
         ((eq head 'condition-case) (cl-macs--expand-condition-case form env))
         ((eq head 'setq) (cl-macs--expand-setq form env))
         ((memq head '(defvar defconst))
          (cons head (cons (cadr form) (cl-macs--expand-forms (cddr form) env))))
         ((eq head 'interactive) form)
         ((eq (car-safe head) 'lambda)
          (cons (cl-macs--expand-function head env)
                (cl-macs--expand-forms (cdr form) env)))
         ((consp head) (cl-macs--expand-forms form env))
         (t (cl-macs--expand-call form env))))))))

(defun cl-macs--expand-condition-case (form env) "Expand the `condition-case' FORM in ENV.
As in GNU, the error variable does not hide a symbol macro of its name."
  (append (list 'condition-case (nth 1 form) (cl-macs--expand (nth 2 form) env))
          (mapcar (lambda (handler)
                    (if (atom handler)
                        handler
                      (cons (car handler) (cl-macs--expand-forms (cdr handler) env))))
                  (nthcdr 3 form))))

(defun cl-macs--expand-function-form (form env) "Expand the `function' FORM in ENV; #\='F of a local function F gives its variable."
  (let* ((fn (cadr form))
         (local (and fn (symbolp fn)
                     (assq fn (cl-macs--env-table env 'cl-macs--local-functions)))))
    (cond
     ((eq (car-safe fn) 'lambda)
      (list 'function (cl-macs--expand-function fn env)))
     ;; The local function counts only if no later definition hides it.
     ((and local (eq (cdr (assq fn env)) (nth 2 local)))
      (nth 1 local))
     (t form))))

(defun cl-macs--expand-call (form env) "Expand FORM, whose car is a symbol, in ENV."
  (let* ((fname (car form))
         (entry (assq fname env))
         ;; An entry with no expander hides a global macro of that name.
         (expansion (if (if entry (cdr entry) (and (fboundp fname) (macrop fname)))
                        (macroexpand-1 form env)
                      form)))
    (if (eq expansion form)
        (cons fname (cl-macs--expand-forms (cdr form) env))
      (cl-macs--expand expansion env))))

(defun cl-macs--env-with-function (env name var) "Return ENV in which NAME is a local function held in the variable VAR."
  (let ((expander (lambda (&rest args) `(funcall ,var ,@args))))
    `((,name . ,expander)
      (cl-macs--local-functions
       (,name ,var ,expander)
       ,@(cl-macs--env-table env 'cl-macs--local-functions))
      ,@env)))

(defun cl-macs--local-lambda (definition) "Return the function form for a local function given by DEFINITION.
DEFINITION is (ARGLIST BODY...), or (EXPR) for an arbitrary function value."
  (if (cdr definition)
      `(cl-function (lambda ,@definition))
    (car definition)))

(defun cl-macs--holder (name) "Return a fresh variable to hold the local function NAME."
  (make-symbol (format "--cl-%s--" name)))

(defmacro cl-flet (bindings &rest body) "Run BODY with local function definitions BINDINGS.
Each binding is (FUNC ARGLIST BODY...), where ARGLIST may use Common
Lisp features, or (FUNC EXP) with EXP evaluating to a function.  Calls to
FUNC and #\\='FUNC within BODY, and only there, refer to the local function." (declare (indent 1))
  (let* ((env macroexpand-all-environment)
         (holders (mapcar (lambda (def)
                            (let ((var (cl-macs--holder (car def))))
                              (setq env (cl-macs--env-with-function env (car def) var))
                              (list var (cl-macs--local-lambda (cdr def)))))
                          bindings))
         (expanded `(progn ,@(mapcar (lambda (form) (cl-macs--expand form env)) body))))
    (if holders `(let* ,holders ,expanded) expanded)))

(defmacro cl-flet* (bindings &rest body) "Like `cl-flet', but each of BINDINGS can call the ones before it." (declare (indent 1))
  (let ((form (macroexp-progn body)))
    (dolist (def (reverse bindings) form)
      (setq form `(cl-flet (,def) ,form)))))

(defvar cl-macs--tco-self nil "While a local function's tail calls are rewritten: the variable holding it.")
(defvar cl-macs--tco-slots nil "While tail calls are rewritten: the arglist with each parameter paired with its outer variable.")
(defvar cl-macs--tco-result nil "While tail calls are rewritten: the variable that receives the value to return.")
(defvar cl-macs--tco-hit nil "Set when a tail call has been turned into a jump.")

(defun cl-macs--tco-value (form) "Code that ends the loop giving FORM's value (nil needs no storing)."
  (if (null form) nil `(progn (setq ,cl-macs--tco-result ,form) nil)))

(defun cl-macs--tco-jump (args) "Code that stores ARGS in the parameters and asks the loop to go round again."
  (setq cl-macs--tco-hit t)
  (let ((stores nil) (mode nil))
    (dolist (slot cl-macs--tco-slots)
      (cond ((memq slot '(&optional &rest)) (setq mode slot))
            ((eq mode '&rest) (push (cdr slot) stores) (push `(list ,@args) stores) (setq args nil))
            (t (push (cdr slot) stores) (push (pop args) stores))))
    `(progn (setq ,@(nreverse stores)) :recurse)))

(defun cl-macs--tco-body (forms) "FORMS with their last form, the one whose value is given, rewritten for the loop."
  (append (butlast forms) (list (cl-macs--tco-tail (car (last forms))))))

(defun cl-macs--tco-tail (form) "FORM, whose value is the function's value, rewritten for the loop."
  (pcase form
    (`(funcall ,(pred (eq cl-macs--tco-self)) . ,args) (cl-macs--tco-jump args))
    (`(if ,test ,then . ,else) `(if ,test ,(cl-macs--tco-tail then) ,@(cl-macs--tco-body else)))
    (`(cond . ,clauses)
     `(cond ,@(mapcar (lambda (clause)
                        (if (cdr clause)
                            (cons (car clause) (cl-macs--tco-body (cdr clause)))
                          `((setq ,cl-macs--tco-result ,(car clause)) nil)))
                      clauses)))
    (`(progn . ,forms) `(progn ,@(cl-macs--tco-body forms)))
    (`(,(and head (or 'let 'let*)) ,bindings . ,forms) `(,head ,bindings ,@(cl-macs--tco-body forms)))
    (`(and . ,args) `(and ,@(cl-macs--tco-body args)))
    (`(or ,first) (cl-macs--tco-tail first))
    (`(or ,first . ,(and more (pred consp)))
     (let ((held (make-symbol "val")))
       `(let ((,held ,first))
          (if ,held (progn (setq ,cl-macs--tco-result ,held) nil)
            ,(cl-macs--tco-tail `(or ,@more))))))
    (`(condition-case ,var ,protected . ,handlers)
     `(condition-case ,var
          ,(if (assq :success handlers) protected (cl-macs--tco-value protected))
        ,@(mapcar (lambda (h) (cons (car h) (cl-macs--tco-body (cdr h)))) handlers)))
    (_ (cl-macs--tco-value form))))

(defun cl-macs--labels-tco (var fun) "Give FUN, the function form held in VAR, with its self tail calls made a loop.
Such a call sets the parameters afresh and goes round again, so a tail
recursion takes no stack.  Without any, FUN comes back with its body in
one form."
  (let* ((lam (cadr fun))
         (arglist (cadr lam))
         ;; FUN was made with its declarations first and its body in one last form.
         (parts (cons (butlast (cddr lam)) (last (cddr lam))))
         (body (cadr parts))
         (cl-macs--tco-self var)
         (cl-macs--tco-result (make-symbol "retval"))
         (cl-macs--tco-slots (mapcar (lambda (a) (if (memq a '(&optional &rest)) a
                                                   (cons a (make-symbol (symbol-name a)))))
                                     arglist))
         (cl-macs--tco-hit nil)
         (looped (cl-macs--tco-tail body)))
    (if (not cl-macs--tco-hit)
        `(function (lambda ,arglist ,@(car parts) ,body))
      `(function
        (lambda ,(mapcar (lambda (slot) (if (consp slot) (cdr slot) slot)) cl-macs--tco-slots)
          (let (,cl-macs--tco-result)
            (while (let ,(delq nil (mapcar (lambda (slot) (and (consp slot) (list (car slot) (cdr slot))))
                                           cl-macs--tco-slots))
                     ,@(car parts)
                     ,looped))
            ,cl-macs--tco-result))))))

(defun cl-macs--mentions (tree vars) "Non-nil if one of the uninterned VARS occurs anywhere in TREE."
  (cond ((memq tree vars) t)
        ((consp tree) (or (cl-macs--mentions (car tree) vars) (cl-macs--mentions (cdr tree) vars)))))

(defmacro cl-labels (bindings &rest body) "Run BODY with local functions BINDINGS that may call each other and themselves.
The bindings are (FUNC ARGLIST BODY...) as in `cl-flet'.  A function's
calls of itself in tail position run as a loop.  The functions that use
none of their own or later ones' variables are bound in order by a
`let*'; the others get their variables first and their values after." (declare (indent 1))
  (let* ((env macroexpand-all-environment)
         (vars (mapcar (lambda (def)
                         (let ((var (cl-macs--holder (car def))))
                           (setq env (cl-macs--env-with-function env (car def) var))
                           var))
                       bindings))
         (funs (let ((left vars))
                 (mapcar (lambda (def)
                           (let ((var (pop left)))
                             (let ((parts (macroexp-parse-body (cddr def))))
                               (cons var (cl-macs--labels-tco
                                          var (cl-macs--expand
                                               `(cl-function (lambda ,(cadr def) ,@(car parts)
                                                               ,(macroexp-progn (cdr parts))))
                                               env))))))
                         bindings)))
         (forms (mapcar (lambda (form) (cl-macs--expand form env)) body))
         (ordered nil))
    (while (and funs (not (cl-macs--mentions (cdar funs) (mapcar #'car funs))))
      (push (pop funs) ordered))
    (setq ordered (nreverse ordered))
    (let ((inner (if funs
                     `(let ,(mapcar #'car funs)
                        ,@(mapcar (lambda (f) `(setq ,(car f) ,(cdr f))) funs)
                        ,@forms)
                   (macroexp-progn forms))))
      (cond ((null ordered) inner)
            ((and (null funs) (null (cdr ordered)) (eq inner (caar ordered))) (cdar ordered))
            (t `(let* ,(mapcar (lambda (f) (list (car f) (cdr f))) ordered) ,inner))))))

(defmacro cl-macrolet (bindings &rest body) "Run BODY with local macros BINDINGS.
Each binding is (NAME ARGLIST BODY...), as in `cl-defmacro'." (declare (indent 1))
  (let ((env macroexpand-all-environment))
    (dolist (def bindings)
      (let ((parts (cl-macs--lambda (cadr def) (cddr def) (car def))))
        (setq env (cons (cons (car def) (eval (list 'function (cons 'lambda parts)) t))
                        env))))
    (cl-macs--expand (macroexp-progn body) env)))

(defmacro cl-symbol-macrolet (bindings &rest body) "Run BODY with each symbol of BINDINGS standing for its expansion.
Each binding is (NAME EXPANSION).  A `setq' of NAME becomes a `setf'
of EXPANSION, and a `let' of NAME hides the symbol macro." (declare (indent 1))
  (let* ((env macroexpand-all-environment)
         (table (append bindings (cl-macs--env-table env 'cl-macs--symbol-macros))))
    (cl-macs--expand (macroexp-progn body)
                     (cons (cons 'cl-macs--symbol-macros table) env))))

;;;; Generated symbols

(defvar cl--gensym-counter 0 "The number `cl-gensym' puts in the next name it makes.")

(defvar cl--gentemp-next 0 "The number `cl-gentemp' tries first in the next name it makes.")

(defun cl-gensym (&optional prefix) "Make a new uninterned symbol whose name is PREFIX followed by a number.
PREFIX defaults to \"G\".  If PREFIX is an integer, it is the number to
use, with the default prefix; otherwise the number comes from
`cl--gensym-counter', which is then advanced."
  (let ((stem (if (stringp prefix) prefix "G"))
        (n (if (integerp prefix)
               prefix
             (setq cl--gensym-counter (+ cl--gensym-counter 1))
             (1- cl--gensym-counter))))
    (make-symbol (concat stem (number-to-string n)))))

(defun cl-gentemp (&optional prefix) "Intern and return a symbol named PREFIX and a number, that did not exist.
PREFIX defaults to \"T\"; numbers are tried in increasing order."
  (let ((stem (if (stringp prefix) prefix "T")))
    (catch 'cl--gentemp-found
      (while t
        (let ((name (concat stem (number-to-string cl--gentemp-next))))
          (setq cl--gentemp-next (+ cl--gentemp-next 1))
          (unless (intern-soft name)
            (throw 'cl--gentemp-found (intern name))))))))

;;;; Types

(defmacro cl-deftype (name arglist &rest body) "Define the type NAME, to stand for the type specifier BODY returns.
A type specifier (NAME ARGS...) binds ARGLIST, a Common Lisp argument
list, to ARGS; optional arguments without a default get `*'."
  (declare (indent 2) (doc-string 3))
  `(progn
     (put ',name 'cl-deftype-handler
          (cl-function (lambda (&cl-defs ('*) ,@arglist) ,@body)))))

;;;; Structure types

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

;;;; Place macros

(defun cl-macs--call-code (func args) "Return a call of FUNC, a function name or lambda expression, on ARGS."
  (if (symbolp func) (cons func args) `(funcall #',func ,@args)))

(defmacro cl-callf (func place &rest args) "Store into PLACE the result of calling FUNC on PLACE's value and ARGS.
FUNC is a function name or a lambda expression." (declare (indent 2))
  (gv-letplace (get set) place
    (funcall set (cl-macs--call-code func (cons get args)))))

(defmacro cl-callf2 (func arg1 place &rest args) "Store into PLACE the result of calling FUNC on ARG1, PLACE's value and ARGS.
ARG1 is evaluated before PLACE." (declare (indent 3))
  (cl-macs--with-value
   arg1
   (lambda (first)
     (gv-letplace (get set) place
       (funcall set (cl-macs--call-code func (cons first (cons get args))))))))

(defmacro cl-psetf (&rest args) "Assign the places in ARGS, which alternate PLACE and VAL, in parallel.
Every VAL is evaluated before any PLACE is changed.  Return nil."
  (let ((tail args) (targets nil))
    (while tail
      (if (memq (car tail) targets)
          (error "Destination duplicated in psetf: %s" (car tail))
        (push (car tail) targets))
      (or (cdr tail) (error "Odd number of arguments to cl-psetf"))
      (setq tail (cddr tail))))
  (cl-macs--psetf-build args nil))

(defun cl-macs--psetf-build (pairs stores) "Return code for the pairs PAIRS of `cl-psetf', then STORES, then nil.
Each place's parts and value are evaluated in order; the stores run last,
in reverse order."
  (if (null pairs)
      `(progn ,@stores nil)
    (let ((place (car pairs)) (value (cadr pairs)))
      (gv-letplace (_get set) place
        ;; Even a variable must be read now: a later store may change it.
        (if (cl-macs--constant-form-p value)
            (cl-macs--psetf-build (cddr pairs) (cons (funcall set value) stores))
          (let ((held (make-symbol "v")))
            `(let ((,held ,value))
               ,(cl-macs--psetf-build (cddr pairs) (cons (funcall set held) stores)))))))))

(defmacro cl-psetq (&rest args) "Assign the variables in ARGS, which alternate SYM and VAL, in parallel.
Every VAL is evaluated before any SYM is changed.  Return nil."
  `(cl-psetf ,@args))

(defmacro cl-shiftf (place &rest args) "Shift values left through PLACE and ARGS, and return PLACE's old value.
ARGS are more places followed by a new value: each place receives the
value of the one after it, and the last place receives the new value."
  (if args
      (gv-letplace (get set) place
        `(prog1 ,get ,(funcall set `(cl-shiftf ,@args))))
    place))

(defmacro cl-rotatef (&rest args) "Rotate the values of the places ARGS left by one; the first goes last.
Return nil."
  (when (cdr args)
    (cl-macs--rotate args nil nil)))

(defun cl-macs--rotate (places getters setters) "Return code rotating PLACES, after GETTERS and SETTERS already collected."
  (if places
      (gv-letplace (get set) (car places)
        (cl-macs--rotate (cdr places) (cons get getters) (cons set setters)))
    (let ((temps nil) (binds nil) (stores nil))
      (dolist (g (reverse getters))
        (let ((temp (make-symbol "--cl-rotatef--")))
          (push temp temps)
          (push (list temp g) binds)))
      ;; Each place receives the old value of the one after it.
      (let ((sources (cdr (reverse temps))))
        (setq sources (append sources (list (car (last temps)))))
        (dolist (s (reverse setters))
          (push (funcall s (pop sources)) stores)))
      `(let ,(nreverse binds) ,@(nreverse stores) nil))))

(defun cl-macs--plist-drop-after (plist tag) "Remove TAG and its value from PLIST, looking past its first key.
Return non-nil if something was removed."
  (let ((cell (cdr plist)) (done nil))
    (while (and (cdr cell) (not done))
      (if (eq (cadr cell) tag)
          (progn (setcdr cell (nthcdr 3 cell)) (setq done t))
        (setq cell (cddr cell))))
    done))

(defmacro cl-remf (place tag) "Remove TAG and its value from the property list in PLACE.
Return non-nil if TAG was found."
  (gv-letplace (get set) place
    (cl-macs--with-value
     tag
     (lambda (tag-form)
       `(if (eq ,tag-form (car ,get))
            (progn ,(funcall set `(cddr ,get)) t)
          (cl-macs--plist-drop-after ,get ,tag-form))))))

(defun cl-macs--letf (bindings saved plain body) "Return `cl-letf' code for BINDINGS around BODY.
SAVED lists (OLD-VAR GETTER SETTER NEW) for the places done so far and
PLAIN the `let' bindings of the symbols done so far, newest first."
  (if (consp bindings)
      (let* ((entry (car bindings))
             (place (car entry))
             (macro (and (symbolp place)
                         (assq place (cl-macs--env-table macroexpand-all-environment
                                                         'cl-macs--symbol-macros)))))
        (when macro (setq place (cadr macro)))
        (setq place (macroexpand place macroexpand-all-environment))
        (gv-letplace (get set) place
          (let* ((has-value (cdr entry))
                 (value (cadr entry))
                 (new (if (cl-macs--constant-form-p value) value (make-symbol "vnew")))
                 (rest (if (symbolp place)
                           (cl-macs--letf (cdr bindings) saved
                                          (cons (list place (if has-value new place)) plain)
                                          body)
                         (cl-macs--letf (cdr bindings)
                                        (cons (list (make-symbol "old") get set
                                                    (and has-value (list new)))
                                              saved)
                                        plain body))))
            (if (eq new value) rest `(let ((,new ,value)) ,rest)))))
    (setq saved (reverse saved) plain (reverse plain))
    (if (null saved)
        (if plain `(let* ,plain ,@body) (macroexp-progn body))
      (let ((stores (delq nil (mapcar (lambda (s)
                                        (and (nth 3 s) (funcall (nth 2 s) (car (nth 3 s)))))
                                      saved)))
            (restores (mapcar (lambda (s) (funcall (nth 2 s) (nth 0 s))) saved)))
        `(let* (,@(mapcar (lambda (s) (list (nth 0 s) (nth 1 s))) saved) ,@plain)
           (unwind-protect (progn ,@stores ,@body) ,@restores))))))

(defmacro cl-letf (bindings &rest body) "Run BODY with the places of BINDINGS temporarily holding new values.
Each binding is (PLACE VALUE) or (PLACE); all VALUEs are computed first.
When BODY exits, however it does, each place gets back its old value.
A plain symbol as PLACE is bound with `let'." (declare (indent 1))
  (let ((only (and (null (cdr bindings)) (car bindings))))
    ;; One variable with a value is just a `let'.
    (if (and (cdr only) (symbolp (car only))
             (not (assq (car only) (cl-macs--env-table macroexpand-all-environment
                                                       'cl-macs--symbol-macros))))
        (cons 'let (cons bindings body))
      (cl-macs--letf bindings nil nil body))))

(defmacro cl-letf* (bindings &rest body) "Like `cl-letf', but each binding is made before the next VALUE is computed." (declare (indent 1))
  (let ((form (macroexp-progn body)))
    (dolist (entry (reverse bindings) form)
      (setq form `(cl-letf (,entry) ,form)))))

;;;; cl-loop
;;
;; The clauses are read one by one into a description of the loop: groups
;; of variable bindings, a list of tests making up the loop condition
;; (actions are tests that always succeed), steps run at the end of each
;; pass, and what to do before and after.  The result is a `while' loop
;; inside those bindings, within a `cl-block'.

(defvar cl-macs--lp-words nil "The clause words not read yet.")
(defvar cl-macs--lp-groups nil "Binding groups, newest first; each a list of (PATTERN VALUE).")
(defvar cl-macs--lp-tests nil "The forms of the loop condition, newest first.")
(defvar cl-macs--lp-steps nil "The forms run after each pass, newest first.")
(defvar cl-macs--lp-before nil "The `initially' forms, newest first.")
(defvar cl-macs--lp-after nil "The `finally' forms, newest first.")
(defvar cl-macs--lp-implicit nil "The value of the loop when it ends normally.")
(defvar cl-macs--lp-explicit nil "The `finally return' form, if any.")
(defvar cl-macs--lp-value-var nil "Variable for a value set by `return' or `thereis'.")
(defvar cl-macs--lp-go-on nil "Variable that becomes nil when the loop must end early.")
(defvar cl-macs--lp-default-acc nil "The accumulator of clauses without `into'.")
(defvar cl-macs--lp-into-vars nil "The `into' variables already bound.")
(defvar cl-macs--lp-first-pass nil "Variable that is non-nil during the first pass.")
(defvar cl-macs--lp-driver nil "A function wrapping the pass in a mapping call, or nil.")
(defvar cl-macs--lp-block nil "The name of the loop's block.")
(defvar cl-macs--lp-refs nil "Symbol macros for `in-ref' and similar variables.")
(defvar cl-macs--lp-ends nil "The end tests of the `for' clauses read so far, newest first.
A `for VAR = ...' joined by `and' steps VAR at the end of a pass only
while they all hold, so that its next value is not computed from
variables that have run past their end (GNU's bug#29799 behaviour).")

;; State of the `for' clause being read.
(defvar cl-macs--lp-for-binds nil)
(defvar cl-macs--lp-for-sets nil)
(defvar cl-macs--lp-for-steps nil)
(defvar cl-macs--lp-for-joined nil)

(defun cl-macs--lp-next () "Consume the next word of the loop and return it (nil past the end)."
  (pop cl-macs--lp-words))

(defun cl-macs--lp-peek (&rest words) "Return non-nil if the next word of the loop is one of WORDS."
  (and (consp cl-macs--lp-words) (memq (car cl-macs--lp-words) words)))

(defun cl-macs--lp-after-word () "Consume a word and the form after it; return that form."
  (cl-macs--lp-next)
  (cl-macs--lp-next))

(defun cl-macs--lp-temp (&optional name) "Return a fresh uninterned variable called NAME, by default --cl-var--."
  (make-symbol (or name "--cl-var--")))

(defun cl-macs--lp-bind (specs) "Add SPECS, a list of (PATTERN VALUE), as one group of loop bindings."
  (push specs cl-macs--lp-groups))

(defun cl-macs--lp-test (form) "Add FORM to the loop condition."
  (push form cl-macs--lp-tests))

(defun cl-macs--lp-action (&rest forms) "Add FORMS to the loop as an action, which never ends it."
  (push `(progn ,@forms t) cl-macs--lp-tests))

(defun cl-macs--lp-go-on-var () "Return the variable that says whether the loop may go on, made if needed."
  (or cl-macs--lp-go-on
      (setq cl-macs--lp-go-on (cl-macs--lp-temp "--cl-flag--"))))

(defun cl-macs--lp-value () "Return the variable holding an early result, made if needed."
  (or cl-macs--lp-value-var
      (setq cl-macs--lp-value-var (cl-macs--lp-temp))))

(defun cl-macs--lp-plain-p (specs) "Return non-nil if every (PATTERN VALUE) of SPECS has a symbol as PATTERN."
  (let ((tail specs))
    (while (and tail (symbolp (caar tail)))
      (pop tail))
    (null tail)))

(defun cl-macs--lp-via-temps (specs) "Return (TEMP-BINDINGS . PAIRS): fresh variables for the values of SPECS,
and SPECS with each value replaced by its variable."
  (let ((temps nil) (pairs nil))
    (dolist (s specs)
      (let ((temp (cl-macs--lp-temp)))
        (push (list temp (cadr s)) temps)
        (push (list (car s) temp) pairs)))
    (cons (nreverse temps) (nreverse pairs))))

(defun cl-macs--lp-conjunction (tests) "Return one form that is true when all of TESTS, in order, are."
  (cond ((null tests) t)
        ((null (cdr tests)) (car tests))
        (t (cons 'and tests))))

;;; Destructuring

(defun cl-macs--lp-unpack (pattern value) "Return (VAR FORM) pairs that bind the parts of PATTERN from VALUE, in order."
  (cond
   ((null pattern) nil)
   ((symbolp pattern) (list (list pattern value)))
   (t
    (let ((whole (cl-macs--lp-temp)) (i 0) (pairs nil))
      (push (list whole value) pairs)
      (while (consp pattern)
        (setq pairs (append (reverse (cl-macs--lp-unpack (car pattern) `(nth ,i ,whole)))
                            pairs))
        (setq i (1+ i) pattern (cdr pattern)))
      ;; A dotted tail takes whatever is left.
      (nreverse (if pattern
                    (cons (list pattern `(nthcdr ,i ,whole)) pairs)
                  pairs))))))

(defun cl-macs--lp-assign (pairs parallel) "Return code assigning each (PATTERN VALUE) of PAIRS.
With PARALLEL, all values are computed before any assignment."
  (cond
   ((and parallel (cdr pairs))
    (if (cl-macs--lp-plain-p pairs)
        `(cl-psetq ,@(apply #'append pairs))
      (let ((split (cl-macs--lp-via-temps pairs)))
        `(let ,(car split) ,(cl-macs--lp-assign (cdr split) nil)))))
   (t
    (let ((forms nil))
      (dolist (p pairs)
        (let ((pattern (car p)) (value (cadr p)))
          (cond
           ((null pattern) (push value forms))
           ((symbolp pattern) (push `(setq ,pattern ,value) forms))
           (t
            (let ((whole (cl-macs--lp-temp)) (parts nil) (i 0))
              (while (consp pattern)
                (push (list (car pattern) `(nth ,i ,whole)) parts)
                (setq i (1+ i) pattern (cdr pattern)))
              (when pattern (push (list pattern `(nthcdr ,i ,whole)) parts))
              (push `(let ((,whole ,value)) ,(cl-macs--lp-assign (nreverse parts) nil))
                    forms))))))
      (cl-macs--body-form (nreverse forms))))))

(defun cl-macs--lp-wrap (specs body parallel) "Return BODY, a list of forms, inside a binding of SPECS.
With PARALLEL, every value is computed before any variable is bound."
  (if (and parallel (cdr specs))
      (if (cl-macs--lp-plain-p specs)
          `(let ,specs ,@body)
        (let ((split (cl-macs--lp-via-temps specs)))
          `(let* (,@(car split)
                  ,@(apply #'append (mapcar (lambda (p) (cl-macs--lp-unpack (car p) (cadr p)))
                                            (cdr split))))
             ,@body)))
    `(let* ,(apply #'append (mapcar (lambda (s) (cl-macs--lp-unpack (car s) (cadr s))) specs))
       ,@body)))

;;; The macro

(defmacro cl-loop (&rest loop-args) "Run the Common Lisp `loop' described by the clauses LOOP-ARGS.
Clauses include: named NAME; with VAR = INIT [and ...]; for VAR from,
upfrom, downfrom, to, upto, downto, above, below, by; for VAR in, on,
in-ref, across, across-ref LIST [by FUNC]; for VAR = INIT [then NEXT];
for VAR being the elements, hash-keys, hash-values or symbols of X
[using (...)]; repeat N; while and until COND; always, never and
thereis COND; collect, append, nconc, concat, vconcat, sum, count,
maximize and minimize EXPR [into VAR]; if, when and unless COND CLAUSE
[and CLAUSE]... [else CLAUSE] [end]; do and doing FORMS...; return EXPR;
initially and finally [do] FORMS...; finally return EXPR.  Clauses
joined by `and' are done in parallel.  With no clause words at all, the
forms are repeated forever (leave with `cl-return')."
  (if (not (catch 'word
              (dolist (a loop-args)
                (when (and a (symbolp a) (not (eq a t))) (throw 'word t)))))
      `(cl-block nil (while t ,@loop-args))
    ;; The words end with a marker, which only a clause can trip on.
    (let ((cl-macs--lp-words (append loop-args '(cl-end-loop)))
          (cl-macs--lp-groups nil) (cl-macs--lp-tests nil) (cl-macs--lp-steps nil)
          (cl-macs--lp-before nil) (cl-macs--lp-after nil)
          (cl-macs--lp-implicit nil) (cl-macs--lp-explicit nil)
          (cl-macs--lp-value-var nil) (cl-macs--lp-go-on nil)
          (cl-macs--lp-default-acc nil) (cl-macs--lp-into-vars nil)
          (cl-macs--lp-first-pass nil) (cl-macs--lp-driver nil)
          (cl-macs--lp-block nil) (cl-macs--lp-refs nil) (cl-macs--lp-ends nil))
      (while (not (eq (car cl-macs--lp-words) 'cl-end-loop))
        (cl-macs--lp-clause))
      (cl-macs--lp-build))))

(defun cl-macs--lp-build () "Assemble the loop from what its clauses recorded."
  (when cl-macs--lp-go-on
    (cl-macs--lp-bind `((,cl-macs--lp-go-on t))))
  (when cl-macs--lp-first-pass
    (cl-macs--lp-bind `((,cl-macs--lp-first-pass t)))
    (push `(setq ,cl-macs--lp-first-pass nil) cl-macs--lp-steps))
  (let* ((condition (cl-macs--lp-conjunction (reverse cl-macs--lp-tests)))
         (steps (reverse cl-macs--lp-steps))
         (ending (append (reverse cl-macs--lp-after)
                         (list (or cl-macs--lp-explicit cl-macs--lp-implicit))))
         (pass
          (if cl-macs--lp-driver
              (let ((out (make-symbol "--cl-finish--")))
                `(catch ',out
                   ,(funcall cl-macs--lp-driver
                             (if (eq condition t)
                                 steps
                               `((if ,condition (progn ,@steps) (throw ',out nil)))))))
            `(while ,condition ,@steps)))
         (body
          `(,@(reverse cl-macs--lp-before)
            ,pass
            ,@(cond ((null cl-macs--lp-go-on) ending)
                    ((equal ending '(nil)) (list cl-macs--lp-value-var))
                    (t `((if ,cl-macs--lp-go-on (progn ,@ending) ,cl-macs--lp-value-var)))))))
    (when cl-macs--lp-value-var
      (cl-macs--lp-bind `((,cl-macs--lp-value-var nil))))
    ;; Wrap the groups, innermost first; runs of one-binding groups share a `let*'.
    (let ((groups-left cl-macs--lp-groups))
      (while groups-left
        (if (cdr (car groups-left))
            (setq body (list (cl-macs--lp-wrap (pop groups-left) body t)))
          (let ((run nil))
            (while (and groups-left (null (cdr (car groups-left))))
              (push (car (pop groups-left)) run))

            (setq body (list (cl-macs--lp-wrap run body nil)))))))
    (when cl-macs--lp-refs
      (setq body `((cl-symbol-macrolet ,cl-macs--lp-refs ,@body))))
    `(cl-block ,cl-macs--lp-block ,@body)))

;;; Clauses

(defun cl-macs--lp-forms (clause-name) "Consume the forms that follow; complain about CLAUSE-NAME if there are none."
  (unless (consp (car-safe cl-macs--lp-words))
    (error "Syntax error on `%s' clause" clause-name))
  (let ((forms nil))
    (while (consp (car-safe cl-macs--lp-words))
      (push (pop cl-macs--lp-words) forms))
    (nreverse forms)))

(defun cl-macs--lp-clause () "Read one clause of the loop, and any more joined to it by `and'."
  (let ((word (cl-macs--lp-next)))
    (when (or (eq word 'cl-end-loop) (null cl-macs--lp-words))
      (error "Malformed `cl-loop' macro"))
    (pcase word
      ('named (setq cl-macs--lp-block (cl-macs--lp-next)))
      ('initially
       (when (cl-macs--lp-peek 'do 'doing) (pop cl-macs--lp-words))
       (setq cl-macs--lp-before (append (reverse (cl-macs--lp-forms 'initially))
                                        cl-macs--lp-before)))
      ('finally
       (if (cl-macs--lp-peek 'return)
           (setq cl-macs--lp-explicit (or (cl-macs--lp-after-word) ''nil))
         (when (cl-macs--lp-peek 'do 'doing) (pop cl-macs--lp-words))
         (setq cl-macs--lp-after (append (reverse (cl-macs--lp-forms 'finally))
                                         cl-macs--lp-after))))
      ((or 'for 'as) (cl-macs--lp-for))
      ('repeat
       (let ((counter (cl-macs--lp-temp)))
         (cl-macs--lp-bind `((,counter ,(cl-macs--lp-next))))
         (cl-macs--lp-test `(>= (setq ,counter (1- ,counter)) 0))))
      ('with (cl-macs--lp-with))
      ('while (cl-macs--lp-test (cl-macs--lp-next)))
      ('until (cl-macs--lp-test `(not ,(cl-macs--lp-next))))
      ((or 'always 'never)
       (let ((test (cl-macs--lp-next)))
         (cl-macs--lp-test `(setq ,(cl-macs--lp-go-on-var)
                                  ,(if (eq word 'never) `(not ,test) test))))
       (setq cl-macs--lp-implicit t))
      ('thereis
       (cl-macs--lp-test `(setq ,(cl-macs--lp-go-on-var)
                                (not (setq ,(cl-macs--lp-value) ,(cl-macs--lp-next))))))
      ((or 'if 'when 'unless) (cl-macs--lp-conditional (eq word 'unless)))
      ((or 'do 'doing) (apply #'cl-macs--lp-action (cl-macs--lp-forms 'do)))
      ('return
       ;; Store the value, then end the loop by making this test fail.
       (cl-macs--lp-test `(setq ,(cl-macs--lp-value) ,(cl-macs--lp-next)
                                ,(cl-macs--lp-go-on-var) nil)))
      ((guard (cl-macs--lp-accumulate word)))
      ((and (pred symbolp) (app (lambda (w) (get w 'cl-loop-handler)) (and h (pred identity))))
       (funcall h))
      (_ (error "Expected a cl-loop keyword, found %s" word)))
    (when (cl-macs--lp-peek 'and)
      (pop cl-macs--lp-words)
      (cl-macs--lp-clause))))

(defun cl-macs--lp-with () "Read the bindings of a `with' clause; those joined by `and' are parallel."
  (let ((specs nil) (more t))
    (while more
      (let ((var (cl-macs--lp-next)))
        (push (list var (and (cl-macs--lp-peek '=) (cl-macs--lp-after-word))) specs))
      (setq more (and (cl-macs--lp-peek 'and) (pop cl-macs--lp-words))))
    (cl-macs--lp-bind (nreverse specs))))

(defun cl-macs--lp-conditional (negate) "Read the rest of an `if', `when' or (with NEGATE) `unless' clause."
  (let* ((test (cl-macs--lp-next))
         (then (let ((cl-macs--lp-tests nil))
                 (cl-macs--lp-clause)
                 (reverse cl-macs--lp-tests)))
         (else (let ((cl-macs--lp-tests nil))
                 (when (cl-macs--lp-peek 'else)
                   (pop cl-macs--lp-words)
                   (cl-macs--lp-clause))
                 (reverse cl-macs--lp-tests))))
    (when (cl-macs--lp-peek 'end)
      (pop cl-macs--lp-words))
    (let ((branches (mapcar #'cl-macs--lp-conjunction
                            (if negate (list else then) (list then else)))))
      (cl-macs--lp-test
       (if (cl-macs--mentions-p branches 'it)
           `(let ((it ,test)) (if it ,@branches))
         `(if ,test ,@branches))))))

(defun cl-macs--lp-target (initial &optional finish) "Return the variable an accumulation clause adds to.
That is the `into' variable if one follows, else the loop's own
accumulator, whose final value FINISH (if given) is applied to.  A new
variable starts out as INITIAL."
  (if (cl-macs--lp-peek 'into)
      (let ((var (cl-macs--lp-after-word)))
        (unless (memq var cl-macs--lp-into-vars)
          (push var cl-macs--lp-into-vars)
          (cl-macs--lp-bind `((,var ,initial))))
        var)
    (unless cl-macs--lp-default-acc
      (let ((var (cl-macs--lp-temp)))
        (setq cl-macs--lp-default-acc var)
        (cl-macs--lp-bind `((,var ,initial)))
        (setq cl-macs--lp-implicit (if finish (list finish var) var))))
    cl-macs--lp-default-acc))

(defun cl-macs--lp-accumulate (word) "Read the accumulation clause WORD; return nil if WORD is not one."
  (let ((kind (cdr (assq word '((collect . collect) (collecting . collect)
                                 (append . append) (appending . append)
                                 (nconc . nconc) (nconcing . nconc)
                                 (concat . concat) (concating . concat)
                                 (vconcat . vconcat) (vconcating . vconcat)
                                 (sum . sum) (summing . sum)
                                 (count . count) (counting . count)
                                 (maximize . max) (maximizing . max)
                                 (minimize . min) (minimizing . min))))))
    (when kind
      (let* ((x (cl-macs--lp-next))
             (var (cl-macs--lp-target
                   (cdr (assq kind '((concat . "") (vconcat . []) (sum . 0) (count . 0))))
                   (and (memq kind '(collect append nconc)) 'nreverse)))
             (own (eq var cl-macs--lp-default-acc)))
        (cl-macs--lp-action
         (pcase kind
           ('collect (if own `(push ,x ,var) `(setq ,var (nconc ,var (list ,x)))))
           ('append (if own `(setq ,var (nconc (reverse ,x) ,var))
                      `(setq ,var (append ,var ,x))))
           ('nconc (if own `(setq ,var (nconc (nreverse ,x) ,var))
                     `(setq ,var (nconc ,var ,x))))
           ('concat `(setq ,var (concat ,var ,x)))
           ('vconcat `(setq ,var (vconcat ,var ,x)))
           ('sum `(setq ,var (+ ,var ,x)))
           ('count `(if ,x (setq ,var (1+ ,var))))
           (_ (cl-macs--with-value
               x (lambda (v) `(setq ,var (if ,var (,kind ,var ,v) ,v)))))))
        t))))

;;; `for' clauses

(defun cl-macs--lp-for () "Read a `for' clause, with any others joined to it by `and'."
  (let ((cl-macs--lp-for-binds nil)
        (cl-macs--lp-for-sets nil)
        (cl-macs--lp-for-steps nil)
        (cl-macs--lp-for-joined nil)
        (more t))
    (while more
      (let ((var (or (cl-macs--lp-next) (cl-macs--lp-temp)))
            (word (cl-macs--lp-next)))
        (when (eq word 'being) (setq word (cl-macs--lp-next)))
        (when (memq word '(the each)) (setq word (cl-macs--lp-next)))
        (cond
         ((memq word '(from downfrom upfrom to downto upto above below by))
          (push word cl-macs--lp-words)
          (cl-macs--lp-for-numbers var))
         ((memq word '(in in-ref on)) (cl-macs--lp-for-list var word))
         ((eq word '=) (cl-macs--lp-for-equals var))
         ((memq word '(across across-ref)) (cl-macs--lp-for-across var (eq word 'across-ref)))
         ((memq word '(element elements)) (cl-macs--lp-for-elements var))
         ((memq word '(hash-key hash-keys hash-value hash-values))
          (cl-macs--lp-for-hash var word))
         ((memq word '(buffer buffers))
          (push '(buffer-list) cl-macs--lp-words)
          (cl-macs--lp-for-list var 'in))
         ((memq word '(frame frames screen screens))
          (push '(frame-list) cl-macs--lp-words)
          (cl-macs--lp-for-list var 'in))
         ((memq word '(window windows))
          ;; The live windows in cyclic order from the selected one (of FRAME's, with `of').
          (push (if (cl-macs--lp-peek 'of)
                    `(window-list ,(cl-macs--lp-after-word))
                  '(window-list-1))
                cl-macs--lp-words)
          (cl-macs--lp-for-list var 'in))
         ((memq word '(overlay overlays extent extents))
          (cl-macs--lp-for-overlays var))
         ((memq word '(interval intervals)) (cl-macs--lp-for-intervals var))
         ((memq word '(key-code key-codes key-binding key-bindings))
          (cl-macs--lp-for-keys var word))
         ((memq word '(key-seq key-seqs)) (cl-macs--lp-for-key-seqs var))
         ((memq word '(symbol symbols present-symbol present-symbols
                       external-symbol external-symbols))

          (cl-macs--lp-for-symbols var))
         ;; Libraries add prepositions of their own (generator.el: iter-by).
         ((and (symbolp word) (get word 'cl-loop-for-handler))
          (funcall (get word 'cl-loop-for-handler) var))
         (t (error "Expected a `for' preposition, found %s" word))))
      (setq more (cl-macs--lp-peek 'and))
      (when more
        (setq cl-macs--lp-for-joined t)
        (pop cl-macs--lp-words)))
    (let ((binds (reverse cl-macs--lp-for-binds)))
      (cond ((null binds))
            (cl-macs--lp-for-joined (cl-macs--lp-bind binds))
            (t (dolist (b binds) (cl-macs--lp-bind (list b))))))
    (when cl-macs--lp-for-sets
      (cl-macs--lp-action (cl-macs--lp-assign (reverse cl-macs--lp-for-sets)
                                              cl-macs--lp-for-joined)))
    (when cl-macs--lp-for-steps
      (push (cons (if cl-macs--lp-for-joined 'cl-psetq 'setq)
                  (apply #'append (reverse cl-macs--lp-for-steps)))
            cl-macs--lp-steps))))

(defun cl-macs--lp-for-bind (var value) "Bind VAR to VALUE for the `for' clause being read."
  (push (list var value) cl-macs--lp-for-binds))

(defun cl-macs--lp-for-set (var value) "Set VAR to VALUE at the start of each pass."
  (push (list var value) cl-macs--lp-for-sets))

(defun cl-macs--lp-for-step (var value) "Set VAR to VALUE at the end of each pass."
  (push (list var value) cl-macs--lp-for-steps))

(defun cl-macs--lp-for-numbers (var) "Read the range of a numeric `for' clause over VAR."
  (when (cl-macs--lp-peek 'downto 'above)
    (error "Must specify `from' value for downward cl-loop"))
  (let* ((from-word (and (cl-macs--lp-peek 'from 'upfrom 'downfrom) (car cl-macs--lp-words)))
         (start (and from-word (cl-macs--lp-after-word)))
         (to-word (and (cl-macs--lp-peek 'to 'upto 'downto 'above 'below) (car cl-macs--lp-words)))
         (end (and to-word (cl-macs--lp-after-word)))
         (step (and (cl-macs--lp-peek 'by) (cl-macs--lp-after-word)))
         (down (or (eq from-word 'downfrom) (memq to-word '(downto above))))
         (strict (memq to-word '(above below)))
         (end-form end)
         (step-form step))
    (when (and (numberp step) (<= step 0))
      (error "Loop `by' value is not positive: %s" step))
    (cl-macs--lp-for-bind var (or start 0))
    (unless (cl-macs--constant-form-p end)
      (setq end-form (cl-macs--lp-temp))
      (cl-macs--lp-for-bind end-form end))
    (unless (cl-macs--constant-form-p step)
      (setq step-form (cl-macs--lp-temp))
      (cl-macs--lp-for-bind step-form step))
    (when end
      (let ((test (list (if down (if strict '> '>=) (if strict '< '<=)) var end-form)))
        (push test cl-macs--lp-ends)
        (cl-macs--lp-test test)))
    (cl-macs--lp-for-step var (list (if down '- '+) var (or step-form 1)))))

(defun cl-macs--lp-for-list (var word) "Read a `for' clause over VAR going through a list; WORD is in, on or in-ref."
  (let* ((tails (eq word 'on))
         (cursor (if (and tails (symbolp var)) var (cl-macs--lp-temp))))
    (cl-macs--lp-for-bind cursor (cl-macs--lp-next))
    (push `(consp ,cursor) cl-macs--lp-ends)
    (cl-macs--lp-test `(consp ,cursor))
    (cond ((eq word 'in-ref) (push `(,var (car ,cursor)) cl-macs--lp-refs))
          ((eq cursor var))
          (t (cl-macs--lp-for-bind var nil)
             (cl-macs--lp-for-set var (if tails cursor `(car ,cursor)))))
    (cl-macs--lp-for-step
     cursor
     (if (cl-macs--lp-peek 'by)
         (let ((fn (cl-macs--lp-after-word)))
           (if (and (memq (car-safe fn) '(quote function cl-function))
                    (symbolp (cadr fn)))
               (list (cadr fn) cursor)
             `(funcall ,fn ,cursor)))
       `(cdr ,cursor)))))

(defun cl-macs--lp-first-pass-var () "Return the variable that is non-nil during the first pass, made if needed."
  (or cl-macs--lp-first-pass
      (setq cl-macs--lp-first-pass (cl-macs--lp-temp))))

(defun cl-macs--lp-for-equals (var) "Read a `for VAR = INIT [then NEXT]' clause."
  (let* ((init (cl-macs--lp-next))
         (next (if (cl-macs--lp-peek 'then) (cl-macs--lp-after-word) init))
         (first (cl-macs--lp-first-pass-var)))
    (cl-macs--lp-for-bind var nil)
    (cond ((or cl-macs--lp-for-joined (cl-macs--lp-peek 'and))
           ;; In a parallel group NEXT is computed with the other steps, at
           ;; the end of the pass, while the earlier clauses' ends allow.
           (cl-macs--lp-for-set var `(if ,first ,init ,var))
           (cl-macs--lp-for-step
            var (if cl-macs--lp-ends
                    `(if ,(cl-macs--lp-conjunction (reverse cl-macs--lp-ends)) ,next ,var)
                  next)))
          ((eq init next) (cl-macs--lp-for-set var next))
          (t (cl-macs--lp-for-set var `(if ,first ,init ,next))))))

(defun cl-macs--lp-for-across (var by-reference) "Read a `for' clause over VAR going across an array, BY-REFERENCE or not."
  (let ((vec (cl-macs--lp-temp "--cl-vec--"))
        (i (cl-macs--lp-temp "--cl-idx--")))
    (cl-macs--lp-for-bind vec (cl-macs--lp-next))
    (cl-macs--lp-for-bind i -1)
    (cl-macs--lp-test `(setq ,i (1+ ,i)))
    (push `(< ,i (length ,vec)) cl-macs--lp-ends)
    (cl-macs--lp-test `(< ,i (length ,vec)))
    (if by-reference
        (push `(,var (aref ,vec ,i)) cl-macs--lp-refs)
      (cl-macs--lp-for-bind var nil)
      (cl-macs--lp-for-set var `(aref ,vec ,i)))))

(defun cl-macs--lp-using (accept) "Read an optional `using (WORD VAR)' where ACCEPT approves WORD; return VAR."
  (when (cl-macs--lp-peek 'using)
    (let ((spec (cadr cl-macs--lp-words)))
      (unless (and (consp spec) (= (length spec) 2) (funcall accept (car spec)))
        (error "Bad `using' clause"))
      (cadr (cl-macs--lp-after-word)))))

(defun cl-macs--lp-for-elements (var) "Read a `for VAR being the elements of SEQ' clause."
  (let* ((by-reference (cl-macs--lp-peek 'in-ref 'of-ref))
         (seq (if (or by-reference (cl-macs--lp-peek 'in 'of))
                  (cl-macs--lp-after-word)
                (error "Expected `of'")))
         (s (cl-macs--lp-temp "--cl-seq--"))
         (i (or (cl-macs--lp-using (lambda (w) (eq w 'index)))
                (cl-macs--lp-temp "--cl-idx--"))))
    (cl-macs--lp-for-bind s seq)
    (cl-macs--lp-for-bind i 0)
    (if by-reference
        (let ((len (cl-macs--lp-temp "--cl-len--")))
          (cl-macs--lp-for-bind len `(length ,s))
          (push `(,var (elt ,s ,i)) cl-macs--lp-refs)
          (cl-macs--lp-test `(< ,i ,len)))
      (cl-macs--lp-for-bind var nil)
      (cl-macs--lp-test `(and ,s (or (consp ,s) (< ,i (length ,s)))))
      (cl-macs--lp-for-set var `(if (consp ,s) (pop ,s) (aref ,s ,i))))
    (cl-macs--lp-for-step i `(1+ ,i))))

(defun cl-macs--lp-set-driver (what driver) "Make DRIVER run the loop's passes; WHAT names the iteration, for errors."
  (when cl-macs--lp-driver
    (error "Iteration on %S does not support this combination" what))
  (setq cl-macs--lp-driver driver))

(defun cl-macs--lp-for-hash (var word) "Read a `for VAR being the hash-keys/hash-values of TABLE' clause; WORD says which."
  (let* ((table (if (cl-macs--lp-peek 'in 'of)
                    (cl-macs--lp-after-word)
                  (error "Expected `of'")))
         (other (or (cl-macs--lp-using
                     (lambda (w) (and (memq w '(hash-key hash-keys hash-value hash-values))
                                      (not (eq w word)))))
                    (cl-macs--lp-temp)))
         (key var) (val other))
    (when (memq word '(hash-value hash-values))
      (setq key other val var))
    (cl-macs--lp-set-driver
     'hash-tables
     (lambda (body) `(maphash (lambda (,key ,val) ,@body) ,table)))))

(defun cl-macs--lp-options (words) "Read any of WORDS, each followed by a form, in any order.
Return an alist from word to form; `in' counts as `of'."
  (let ((found nil))
    (while (cl-macs--lp-peek 'in 'of 'from 'to 'property)
      (let ((word (car cl-macs--lp-words)))
        (unless (memq (if (eq word 'in) 'of word) words)
          (error "Expected a cl-loop keyword, found %s" word))
        (push (cons (if (eq word 'in) 'of word) (cl-macs--lp-after-word)) found)))
    found))

(defun cl-macs--lp-for-overlays (var) "Read a `for VAR being the overlays [of BUFFER] [from POS] [to POS]' clause."
  (let ((opts (cl-macs--lp-options '(of from to))))
    (cl-macs--lp-set-driver
     'overlays
     (lambda (body)
       `(cl-macs--each-overlay (lambda (,var) ,@body) ,(cdr (assq 'of opts))
                               ,(cdr (assq 'from opts)) ,(cdr (assq 'to opts)))))))

(defun cl-macs--lp-for-intervals (var) "Read a `for VAR being the intervals [of BUFFER] [property P] [from X] [to Y]' clause."
  (let ((opts (cl-macs--lp-options '(of property from to)))
        (start (cl-macs--lp-temp)) (end (cl-macs--lp-temp)))
    (cl-macs--lp-for-bind var nil)
    (cl-macs--lp-set-driver
     'intervals
     (lambda (body)
       `(cl-macs--each-interval (lambda (,start ,end) (setq ,var (cons ,start ,end)) ,@body)
                                ,@(mapcar (lambda (w) (cdr (assq w opts)))
                                          '(of property from to)))))))

(defun cl-macs--lp-for-keys (var word) "Read a `for VAR being the key-codes/key-bindings of MAP' clause; WORD says which."
  (let* ((codes (memq word '(key-code key-codes)))
         (map (if (cl-macs--lp-peek 'in 'of) (cl-macs--lp-after-word) (error "Expected `of'")))
         (other (or (cl-macs--lp-using
                     (lambda (w) (memq w (if codes '(key-binding key-bindings)
                                           '(key-code key-codes)))))
                    (cl-macs--lp-temp))))
    (cl-macs--lp-set-driver
     'keymaps
     (lambda (body)
       `(map-keymap (lambda ,(if codes (list var other) (list other var)) ,@body) ,map)))))

(defun cl-macs--lp-for-key-seqs (var) "Read a `for VAR being the key-seqs of MAP [using (key-bindings B)]' clause."
  (let* ((map (if (cl-macs--lp-peek 'in 'of) (cl-macs--lp-after-word) (error "Expected `of'")))
         (def (or (cl-macs--lp-using (lambda (w) (memq w '(key-binding key-bindings))))
                  (cl-macs--lp-temp))))
    (cl-macs--lp-set-driver
     'keymaps
     (lambda (body) `(cl-macs--each-key-seq (lambda (,var ,def) ,@body) ,map [])))))

;; What the loops above run.

(defun cl-macs--each-overlay (fn buffer from to) "Call FN on each overlay of BUFFER (default current) that reaches into FROM..TO.
An overlay deleted meanwhile is passed over; FROM and TO move with edits."
  (let (all)
    (with-current-buffer (or buffer (current-buffer))
      (let ((lists (overlay-lists)))
        (setq all (append (car lists) (cdr lists))))
      (when from (setq from (copy-marker from)))
      (when to (setq to (copy-marker to))))
    (dolist (o all)
      (let ((s (overlay-start o)))
        (and s
             (not (and to (>= s to)))
             (not (and from (<= (overlay-end o) from)))
             (funcall fn o))))))

(defun cl-macs--each-interval (fn buffer prop from to) "Call FN on the START and END of each run of BUFFER whose properties stay the same.
With PROP only that property counts.  The runs cover FROM..TO, by
default the accessible part of the buffer, of which at least one run is
given when TO is omitted."
  (let (here limit (more t))
    (with-current-buffer (or buffer (current-buffer))
      (setq here (copy-marker (or from (point-min)))
            limit (copy-marker (or to (point-max)))))
    (when to (setq more (< here limit)))
    (while more
      (let ((next (with-current-buffer (marker-buffer here)
                    (if prop
                        (next-single-property-change here prop nil limit)
                      (next-property-change here nil limit)))))
        (funcall fn (marker-position here) next)
        (set-marker here next)
        (setq more (< here limit))))))

(defun cl-macs--each-key-seq (fn map prefix) "Call FN on each key sequence bound in MAP below PREFIX, and its binding.
As in GNU, the sequences of one keymap share a vector, whose last event
is overwritten for each binding: FN must copy a sequence it keeps."
  (let ((keys (vconcat prefix [nil]))
        (last (length prefix)))
    (map-keymap (lambda (event binding)
                  (aset keys last event)
                  (if (keymapp binding)
                      (cl-macs--each-key-seq fn binding keys)
                    (funcall fn keys binding)))
                map)))

(defun cl-macs--lp-for-symbols (var) "Read a `for VAR being the symbols [of OBARRAY]' clause."
  (let ((ob (and (cl-macs--lp-peek 'in 'of) (cl-macs--lp-after-word))))
    (cl-macs--lp-set-driver
     'symbols
     (lambda (body) `(mapatoms (lambda (,var) ,@body) ,(or ob 'obarray))))))

(provide 'cl-macs)
