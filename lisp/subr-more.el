;;; subr-more.el --- more preloaded macros: defvar-local, letrec, dlet, defcustom  -*- lexical-binding: t -*-

;; Written for tsmacs, following the documented behaviour of GNU Emacs 28
;; (subr.el, custom.el and cus-face.el, all preloaded there).

;;; Expanding macros once.  There is no compiler and `load' does not expand
;;; macros eagerly, so an interpreted definition re-expands every macro in its
;;; body each time it runs.  Library code that runs at every macro expansion
;;; (gv's expanders, for instance) is expanded once, after it is defined.

(defun subr--expand-closure-now (fn)
  "Expand, in place and once, the macros in the body of interpreted closure FN.
FN may also be a macro (macro . CLOSURE).  Return FN."
  (let ((closure (if (eq (car-safe fn) 'macro) (cdr fn) fn)))
    (if (eq (car-safe closure) 'closure)
        (let ((tail (cdr (cdr closure))))
          (setcdr tail (mapcar #'macroexpand-all (cdr tail))))))
  fn)

(defun subr--expand-definitions-now (symbols)
  "Expand once the macros in the definitions of the functions SYMBOLS."
  (while symbols
    (if (fboundp (car symbols))
        (subr--expand-closure-now (symbol-function (car symbols))))
    (setq symbols (cdr symbols))))

;;; Small definers and markers.

(defmacro declare-function (_fn _file &rest _args)
  "Tell the byte compiler that function FN is defined in FILE: does nothing."
  nil)

(defmacro noreturn (form)
  "Evaluate FORM, which is expected never to return."
  (declare (debug t))
  `(prog1 ,form (error "Form marked with `noreturn' did return")))

(defmacro 1value (form)
  "Evaluate FORM, which always returns the same value."
  (declare (debug t))
  form)

(defmacro def-edebug-spec (symbol spec)
  "Set the Edebug SPEC for SYMBOL's macro calls."
  (declare (indent 1))
  `(put (quote ,symbol) 'edebug-form-spec (quote ,spec)))

(defun def-edebug-elem-spec (name spec)
  "Define NAME as an Edebug element specification SPEC."
  (unless (consp spec)
    (error "Edebug element specs need to be lists: %S" spec))
  (put name 'edebug-elem-spec spec))

;;; Buffer-local variables.  Buffers are not there yet: until they are,
;;; `make-variable-buffer-local' only gives the variable a default value and
;;; remembers that it was asked for.

(defvar subr--automatically-local-variables nil
  "Variables that were declared automatically buffer-local.")

(unless (fboundp 'make-variable-buffer-local)
  (defun make-variable-buffer-local (variable)
    "Make VARIABLE become buffer-local whenever it is set; return VARIABLE.
Until buffers exist this only records the wish (and gives VARIABLE the
default value nil if it had none)."
    (unless (default-boundp variable) (set-default variable nil))
    (unless (memq variable subr--automatically-local-variables)
      (setq subr--automatically-local-variables
            (cons variable subr--automatically-local-variables)))
    variable))

(defmacro defvar-local (var val &optional docstring)
  "Define VAR as a buffer-local variable with default value VAL.
Like `defvar', and the variable becomes buffer-local wherever it is set."
  (declare (debug defvar) (doc-string 3))
  (list 'progn (list 'defvar var val docstring)
        (list 'make-variable-buffer-local (list 'quote var))))

(defmacro setq-local (&rest pairs)
  "Make each VARIABLE buffer-local and assign it the value of its VALUE form.

\(fn [VARIABLE VALUE]...)"
  (declare (debug setq))
  (if (= (% (length pairs) 2) 1)
      (error "PAIRS must have an even number of variable/value members"))
  (let ((forms nil))
    (while pairs
      (unless (symbolp (car pairs))
        (error "Attempting to set a non-symbol: %s" (car pairs)))
      (setq forms (cons (list 'set (list 'make-local-variable (list 'quote (car pairs)))
                              (car (cdr pairs)))
                        forms))
      (setq pairs (cdr (cdr pairs))))
    (macroexp-progn (nreverse forms))))

;;; letrec and dlet.

(defun subr--mentions-any-p (names form)
  "Non-nil if one of the symbols NAMES appears anywhere in FORM."
  (let ((seen (make-hash-table :test 'eq))
        (todo (list form))
        (found nil))
    (while (and todo (not found))
      (let ((x (car todo)))
        (setq todo (cdr todo))
        (cond
         ((or (consp x) (vectorp x))
          (unless (gethash x seen)
            (puthash x t seen)
            (if (vectorp x)
                (setq todo (append (append x nil) todo))
              (setq todo (cons (car x) (cons (cdr x) todo))))))
         ((and x (symbolp x) (memq x names)) (setq found t)))))
    found))

(defmacro letrec (binders &rest body)
  "Bind variables according to BINDERS then eval BODY.
Each element of BINDERS is (SYMBOL VALUEFORM).  Unlike `let*', all the
symbols are bound before any VALUEFORM runs, so they may refer to each
other (through closures)."
  (declare (debug let) (indent 1))
  ;; Leading binders whose forms mention none of the names still to be
  ;; bound can use a plain `let*'.
  (let ((plain nil))
    (while (and binders
                (not (subr--mentions-any-p
                      (mapcar (lambda (b) (if (consp b) (car b) b)) binders)
                      (car (cdr (car binders))))))
      (setq plain (cons (car binders) plain))
      (setq binders (cdr binders)))
    (let ((rest (if (null binders)
                    (macroexp-progn body)
                  `(let ,(mapcar #'car binders)
                     ,@(mapcar (lambda (b) (cons 'setq b)) binders)
                     ,@body))))
      (cond
       ((null plain) rest)
       ((and (symbolp rest) (null (cdr plain)) (eq rest (car (car plain))))
        (car (cdr (car plain))))
       (t (list 'let* (nreverse plain) rest))))))

(defmacro dlet (binders &rest body)
  "Like `let', but binding the variables dynamically."
  (declare (indent 1) (debug let))
  `(let (_)
     ,@(mapcar (lambda (b) (list 'defvar (if (consp b) (car b) b))) binders)
     (let ,binders ,@body)))

;;; Small list, string and symbol helpers from GNU's subr.el.

(defun caaar (x) "Return the car of the car of the car of X." (car (car (car x))))
(defun cdaar (x) "Return the cdr of the car of the car of X." (cdr (car (car x))))
(defun caaaar (x) "Return the `car' of the `car' of the `car' of the `car' of X." (car (car (car (car x)))))
(defun caaadr (x) "Return the `car' of the `car' of the `car' of the `cdr' of X." (car (car (car (cdr x)))))
(defun caadar (x) "Return the `car' of the `car' of the `cdr' of the `car' of X." (car (car (cdr (car x)))))
(defun caaddr (x) "Return the `car' of the `car' of the `cdr' of the `cdr' of X." (car (car (cdr (cdr x)))))
(defun cadaar (x) "Return the `car' of the `cdr' of the `car' of the `car' of X." (car (cdr (car (car x)))))
(defun cadadr (x) "Return the `car' of the `cdr' of the `car' of the `cdr' of X." (car (cdr (car (cdr x)))))
(defun caddar (x) "Return the `car' of the `cdr' of the `cdr' of the `car' of X." (car (cdr (cdr (car x)))))
(defun cadddr (x) "Return the `car' of the `cdr' of the `cdr' of the `cdr' of X." (car (cdr (cdr (cdr x)))))
(defun cdaaar (x) "Return the `cdr' of the `car' of the `car' of the `car' of X." (cdr (car (car (car x)))))
(defun cdaadr (x) "Return the `cdr' of the `car' of the `car' of the `cdr' of X." (cdr (car (car (cdr x)))))
(defun cdadar (x) "Return the `cdr' of the `car' of the `cdr' of the `car' of X." (cdr (car (cdr (car x)))))
(defun cdaddr (x) "Return the `cdr' of the `car' of the `cdr' of the `cdr' of X." (cdr (car (cdr (cdr x)))))
(defun cddaar (x) "Return the `cdr' of the `cdr' of the `car' of the `car' of X." (cdr (cdr (car (car x)))))
(defun cddadr (x) "Return the `cdr' of the `cdr' of the `car' of the `cdr' of X." (cdr (cdr (car (cdr x)))))
(defun cdddar (x) "Return the `cdr' of the `cdr' of the `cdr' of the `car' of X." (cdr (cdr (cdr (car x)))))
(defun cddddr (x) "Return the `cdr' of the `cdr' of the `cdr' of the `cdr' of X." (cdr (cdr (cdr (cdr x)))))

(defalias 'rplaca #'setcar)
(defalias 'rplacd #'setcdr)
(defalias 'flatten-list #'flatten-tree)

(defun delete-consecutive-dups (list &optional circular)
  "Destructively remove `equal' consecutive duplicates from LIST.
With CIRCULAR, also drop the last element if it equals the first."
  (let ((tail list) (before-last nil))
    (while (cdr tail)
      (if (equal (car tail) (car (cdr tail)))
          (setcdr tail (cdr (cdr tail)))
        (setq before-last tail)
        (setq tail (cdr tail))))
    (if (and circular before-last (equal (car tail) (car list)))
        (setcdr before-last nil)))
  list)

(defun member-ignore-case (elt list)
  "Like `member', but ignore case of strings; non-strings never match."
  (while (and list
              (not (and (stringp (car list))
                        (eq t (compare-strings elt 0 nil (car list) 0 nil t)))))
    (setq list (cdr list)))
  list)

(defun string-or-null-p (object)
  "Return t if OBJECT is a string or nil."
  (or (stringp object) (null object)))

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  "Replace FROMCHAR with TOCHAR in STRING each time it occurs.
Modify STRING itself when INPLACE is non-nil, else work on a copy."
  (let ((new (if inplace string (copy-sequence string)))
        (i 0))
    (while (< i (length new))
      (if (eq (aref new i) fromchar) (aset new i tochar))
      (setq i (1+ i)))
    new))

(defun autoloadp (object)
  "Non-nil if OBJECT is an autoload."
  (eq 'autoload (car-safe object)))

(defun define-symbol-prop (symbol prop val)
  "Define the property PROP of SYMBOL to be VAL (like `put', for definitions)."
  (put symbol prop val))

(defun log10 (x)
  "Return (log X 10), the log base 10 of X."
  (declare (obsolete log "24.4"))
  (log x 10))

(defalias 'int-to-string #'number-to-string)

;;; Customization: the values, properties and groups, no user interface.

(defvar custom-current-group-alist nil
  "Alist of (FILE . GROUP): the group `defcustom' uses by default in FILE.")
(defvar custom-define-hook nil
  "Hook run after a customization option, group or face is defined.")
(defvar custom-dont-initialize nil
  "Non-nil means `defcustom' does not initialize the variable.")
(defvar custom-delayed-init-variables nil
  "Variables whose initialization waits for the next start.")

(defun custom-current-group ()
  "The group of the file being loaded, as named by its last `defgroup'."
  (cdr (assoc load-file-name custom-current-group-alist)))

(defun custom-add-to-group (group option widget)
  "Add OPTION, edited with WIDGET, to the members of GROUP (once)."
  (let ((entry (list option widget))
        (members (get group 'custom-group)))
    (unless (member entry members)
      (put group 'custom-group (nconc members (list entry))))))

(defun custom-add-option (symbol option)
  "Add OPTION to the options of SYMBOL."
  (let ((options (get symbol 'custom-options)))
    (unless (member option options)
      (put symbol 'custom-options (cons option options)))))
(defalias 'custom-add-frequent-value #'custom-add-option)

(defun custom-add-link (symbol widget)
  "Add WIDGET to the links of SYMBOL."
  (let ((links (get symbol 'custom-links)))
    (unless (member widget links)
      (put symbol 'custom-links (cons widget links)))))

(defun custom-add-version (symbol version)
  "Record VERSION as the Emacs version that introduced or changed SYMBOL."
  (put symbol 'custom-version version))

(defun custom-add-package-version (symbol version)
  "Record VERSION, a (PACKAGE . VERSION) pair, for SYMBOL."
  (put symbol 'custom-package-version version))

(defun custom-add-load (symbol load)
  "Record that LOAD (a file or feature) should be loaded before SYMBOL is customized."
  (let ((loads (get symbol 'custom-loads)))
    (unless (member load loads)
      (put symbol 'custom-loads (cons load loads)))))

(defun custom-autoload (symbol load &optional noset)
  "Mark SYMBOL as autoloaded from LOAD for customization."
  (put symbol 'custom-autoload (if noset 'noset t))
  (custom-add-load symbol load))

(defun custom-add-dependencies (symbol value)
  "Record that SYMBOL is to be set after each of the symbols in VALUE."
  (unless (listp value)
    (error "Invalid custom dependency `%s'" value))
  (let* ((old (get symbol 'custom-dependencies))
         (new old))
    (dolist (dep value)
      (unless (symbolp dep)
        (error "Invalid custom dependency `%s'" dep))
      (unless (memq dep new) (setq new (cons dep new))))
    (unless (eq old new)
      (put symbol 'custom-dependencies new))))

(defun custom-handle-keyword (symbol keyword value type)
  "Handle one of the keywords common to options, groups and faces."
  (cond ((eq keyword :group) (custom-add-to-group value symbol type))
        ((eq keyword :version) (custom-add-version symbol value))
        ((eq keyword :package-version) (custom-add-package-version symbol value))
        ((eq keyword :link) (custom-add-link symbol value))
        ((eq keyword :load) (custom-add-load symbol value))
        ((eq keyword :tag) (put symbol 'custom-tag value))
        ((eq keyword :set-after) (custom-add-dependencies symbol value))
        (t (error "Unknown keyword %s" keyword))))

(defun custom--keyword-pairs (args)
  "Check the keyword list ARGS and return it as a list of (KEYWORD . VALUE)."
  (let ((pairs nil))
    (while args
      (let ((keyword (car args)))
        (setq args (cdr args))
        (unless (symbolp keyword)
          (error "Junk in args %S" args))
        (unless args
          (error "Keyword %s is missing an argument" keyword))
        (setq pairs (cons (cons keyword (car args)) pairs))
        (setq args (cdr args))))
    (nreverse pairs)))

(defun custom-handle-all-keywords (symbol args type)
  "Handle the keyword list ARGS of the option SYMBOL of kind TYPE."
  (unless (memq :group args)
    (let ((group (custom-current-group)))
      (if group (custom-add-to-group group symbol type))))
  (while args
    (let ((keyword (car args)))
      (setq args (cdr args))
      (unless (symbolp keyword)
        (error "Junk in args %S" args))
      (unless args
        (error "Keyword %s is missing an argument" keyword))
      (let ((value (car args)))
        (setq args (cdr args))
        (custom-handle-keyword symbol keyword value type)))))

(defun custom--saved-or (symbol exp)
  "The expression to initialize SYMBOL with: its saved value's, or EXP."
  (let ((saved (get symbol 'saved-value)))
    (if saved (car saved) exp)))

(defun custom-initialize-default (symbol exp)
  "Give SYMBOL the value of EXP (or its saved value) unless it has a default value."
  (condition-case nil
      (default-toplevel-value symbol)
    (void-variable
     (set-default-toplevel-value symbol (eval (custom--saved-or symbol exp) t)))))

(defun custom-initialize-set (symbol exp)
  "Like `custom-initialize-default', but set with SYMBOL's :set function."
  (condition-case nil
      (default-toplevel-value symbol)
    (error
     (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
              symbol (eval (custom--saved-or symbol exp))))))

(defun custom-initialize-reset (symbol exp)
  "Set SYMBOL with its :set function to its current, saved or standard value."
  (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
           symbol
           (condition-case nil
               (let ((current (default-toplevel-value symbol))
                     (getter (get symbol 'custom-get)))
                 (if getter (funcall getter symbol) current))
             (error (eval (custom--saved-or symbol exp))))))

(defun custom-initialize-changed (symbol exp)
  "Like `custom-initialize-reset', using `set-default' for the standard value."
  (condition-case nil
      (let ((current (default-toplevel-value symbol)))
        (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
                 symbol
                 (let ((getter (get symbol 'custom-get)))
                   (if getter (funcall getter symbol) current))))
    (error
     (if (get symbol 'saved-value)
         (funcall (or (get symbol 'custom-set) #'set-default-toplevel-value)
                  symbol (eval (car (get symbol 'saved-value))))
       (set-default symbol (eval exp))))))

(defun custom-initialize-delay (symbol value)
  "Delay initializing SYMBOL to VALUE until the next start."
  (internal--define-uninitialized-variable symbol)
  (if (listp custom-delayed-init-variables)
      (setq custom-delayed-init-variables
            (cons symbol custom-delayed-init-variables))
    (custom-initialize-reset symbol value)))

(defun custom-declare-variable (symbol default doc &rest args)
  "Like `defcustom', but SYMBOL and DEFAULT are evaluated as normal arguments.
DEFAULT is an expression computing the default value; it is kept as
SYMBOL's `standard-value'."
  (put symbol 'standard-value (list default))
  (if (get symbol 'force-value) (put symbol 'force-value nil))
  (if (keywordp doc) (error "Doc string is missing"))
  (let ((initialize #'custom-initialize-reset)
        (requests nil)
        (local nil))
    (unless (memq :group args)
      (let ((group (custom-current-group)))
        (if group (custom-add-to-group group symbol 'custom-variable))))
    (while args
      (let ((keyword (car args)))
        (setq args (cdr args))
        (unless (symbolp keyword) (error "Junk in args %S" args))
        (unless args (error "Keyword %s is missing an argument" keyword))
        (let ((value (car args)))
          (setq args (cdr args))
          (cond ((eq keyword :initialize) (setq initialize value))
                ((eq keyword :set) (put symbol 'custom-set value))
                ((eq keyword :get) (put symbol 'custom-get value))
                ((eq keyword :require) (setq requests (cons value requests)))
                ((eq keyword :risky) (put symbol 'risky-local-variable value))
                ((eq keyword :safe) (put symbol 'safe-local-variable value))
                ((eq keyword :local)
                 (if (memq value '(t permanent)) (setq local t))
                 (if (eq value 'permanent) (put symbol 'permanent-local t)))
                ((eq keyword :type) (put symbol 'custom-type value))
                ((eq keyword :options)
                 (if (get symbol 'custom-options)
                     (mapc (lambda (option) (custom-add-option symbol option)) value)
                   (put symbol 'custom-options (copy-sequence value))))
                (t (custom-handle-keyword symbol keyword value 'custom-variable))))))
    (internal--define-uninitialized-variable symbol doc)
    (put symbol 'custom-requests requests)
    (unless custom-dont-initialize
      (funcall initialize symbol default)
      (let ((theme (car (car (get symbol 'theme-value)))))
        (if (and theme (not (eq theme 'user)) (get symbol 'saved-value))
            (put symbol 'saved-value nil))))
    (if local (make-variable-buffer-local symbol)))
  (run-hooks 'custom-define-hook)
  symbol)

(defmacro defcustom (symbol standard doc &rest args)
  "Declare SYMBOL as a customizable variable with standard value STANDARD.
STANDARD is evaluated (once, if SYMBOL is unbound) and also kept for
Customize.  DOC is the documentation; ARGS are keyword/value pairs
\(:type, :group, :initialize, :set, :get, :local, :safe, :version...).
SYMBOL is marked special, as with `defvar'."
  (declare (doc-string 3) (debug (name body)))
  (nconc (list 'custom-declare-variable
               (list 'quote symbol)
               (if lexical-binding
                   (list '\` (list 'funcall
                                   (list 'function
                                         (list '\, (list 'lambda nil "" standard)))))
                 (list 'quote standard))
               doc)
         args))

(defun custom-declare-group (symbol members doc &rest args)
  "Like `defgroup', but SYMBOL is evaluated as a normal argument."
  (dolist (member members)
    (apply #'custom-add-to-group symbol member))
  (if doc (put symbol 'group-documentation doc))
  (while args
    (let ((keyword (car args)))
      (setq args (cdr args))
      (unless (symbolp keyword) (error "Junk in args %S" args))
      (unless args (error "Keyword %s is missing an argument" keyword))
      (let ((value (car args)))
        (setq args (cdr args))
        (if (eq keyword :prefix)
            (put symbol 'custom-prefix value)
          (custom-handle-keyword symbol keyword value 'custom-group)))))
  (let ((entry (assoc load-file-name custom-current-group-alist)))
    (if entry
        (setcdr entry symbol)
      (setq custom-current-group-alist
            (cons (cons load-file-name symbol) custom-current-group-alist))))
  (run-hooks 'custom-define-hook)
  symbol)

(defmacro defgroup (symbol members doc &rest args)
  "Declare SYMBOL as a customization group containing MEMBERS.
MEMBERS is a list of (NAME WIDGET); DOC documents the group; ARGS are
keyword/value pairs (:prefix, :group, :version, :link...)."
  (declare (doc-string 3))
  (nconc (list 'custom-declare-group (list 'quote symbol) members doc) args))

(defun custom-declare-face (face spec doc &rest args)
  "Like `defface', but FACE is evaluated as a normal argument.
Only the face's properties are recorded: there are no frames yet."
  (unless (get face 'face-defface-spec)
    (put face 'face-defface-spec spec)
    (put face 'face-modified nil)
    (if doc (put face 'face-documentation doc))
    (custom-handle-all-keywords face args 'custom-face)
    (run-hooks 'custom-define-hook))
  face)

(defmacro defface (face spec doc &rest args)
  "Declare FACE as a customizable face that defaults to SPEC.
DOC is the face's documentation; ARGS are keyword/value pairs as for
`defcustom'."
  (declare (doc-string 3))
  (nconc (list 'custom-declare-face (list 'quote face) spec doc) args))

(defun custom-variable-p (variable)
  "Non-nil if VARIABLE is a customizable variable."
  (when (symbolp variable)
    (setq variable (indirect-variable variable))
    (or (get variable 'standard-value)
        (get variable 'custom-autoload))))

(defun custom--standard-value (variable)
  "Return the standard value of VARIABLE."
  (eval (car (get variable 'standard-value)) t))

(defun custom-quote (sexp)
  "Quote SEXP if it is not self-evaluating."
  (if (and (not (consp sexp))
           (or (keywordp sexp) (not (symbolp sexp)) (booleanp sexp)))
      sexp
    (list 'quote sexp)))

(defun custom-set-default (variable value)
  "Set the default value of VARIABLE to VALUE."
  (set-default variable value))

(defun custom-reevaluate-setting (symbol)
  "Reset SYMBOL to its saved or standard value."
  (funcall (or (get symbol 'custom-set) #'set-default)
           symbol
           (eval (car (or (get symbol 'saved-value)
                          (get symbol 'standard-value))))))

(subr--expand-definitions-now
 '(setq-local subr--mentions-any-p letrec dlet delete-consecutive-dups
   custom-add-dependencies custom-declare-variable custom-declare-group
   custom-declare-face custom-handle-all-keywords defcustom))

(provide 'custom)
(provide 'cus-face)

;;; subr-more.el ends here
