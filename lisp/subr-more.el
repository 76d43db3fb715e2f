;;; subr-more.el --- preloaded definers: buffer-local variables, letrec, dlet, customization  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; In GNU Emacs these come from subr.el, custom.el and cus-face.el, all
;; preloaded.  Here they are loaded after macroexp.el, so everything in this
;; file is expanded as it is read.

;;;; Expanding a definition once.

;; There is no compiler.  Files loaded before macroexp.el (subr.el among
;; them) keep their macro calls unexpanded, and each call of such a
;; function expands them again.  These helpers replace a closure's body by
;; its expansion, once; gv.el and subr-x.el use them too.

(defun subr--expand-closure-now (fn) "Replace the body of the interpreted closure FN by its full macro expansion.
FN may also be a macro, (macro . CLOSURE).  Anything else is left as it
is.  Return FN."
  (let ((closure (if (eq (car-safe fn) 'macro) (cdr fn) fn)))
    ;; A closure is (closure ENV ARGS . BODY): BODY hangs off the cons
    ;; holding ARGS.
    (when (eq (car-safe closure) 'closure)
      (let ((args-cell (nthcdr 2 closure)))
        (setcdr args-cell (mapcar #'macroexpand-all (cdr args-cell))))))
  fn)

(defun subr--expand-definitions-now (symbols) "Expand, once and in place, the definitions of those SYMBOLS that are functions."
  (dolist (name symbols)
    (if (fboundp name)
        (subr--expand-closure-now (symbol-function name)))))

;;;; Declarations that do (almost) nothing here.

(defmacro declare-function (_fn _file &rest _args) "Promise the byte compiler that _FN is defined in _FILE; nothing to do here.
_ARGS would give its argument list.  The expansion is nil."
  nil)

(defmacro noreturn (form) "Run FORM, which should never come back; complain if it does."
  (declare (debug t))
  (list 'prog1 form '(error "Form marked with `noreturn' did return")))

(defmacro 1value (form) "Run FORM, promising that it always gives the same value.
Only coverage tools care; the expansion is FORM itself."
  (declare (debug t))
  form)

(defmacro def-edebug-spec (symbol spec) "Record SPEC as the Edebug specification of the macro SYMBOL.
Neither argument is evaluated." (declare (indent 1))
  (list 'put (list 'quote symbol) ''edebug-form-spec (list 'quote spec)))

(defun def-edebug-elem-spec (name spec) "Record SPEC, which must be a list, as the Edebug element spec NAME."
  (if (consp spec)
      (put name 'edebug-elem-spec spec)
    (error "Edebug spec has to be a list: %S" spec)))


;;;; Buffer-local variables.

;; The variables themselves are primitives (data.c's); these are the
;; conveniences GNU's subr.el builds on them.

(defun buffer-local-boundp (symbol buffer) "Non-nil when SYMBOL has a value in BUFFER, its own or the default."
  (condition-case nil (progn (buffer-local-value symbol buffer) t) (void-variable nil)))

(defmacro defvar-local (var val &optional docstring) "Declare VAR special with value VAL, as `defvar' does, and local when set.
DOCSTRING documents the variable." (declare (debug defvar) (doc-string 3))
  `(progn (defvar ,var ,val ,docstring)
          (make-variable-buffer-local ',var)))

(defmacro setq-local (&rest pairs) "Give each VARIABLE in PAIRS a buffer-local value, that of the following form.
PAIRS alternate unevaluated variables and value forms." (declare (debug setq))
  (if (= 1 (% (length pairs) 2))
      (error "PAIRS must have an even number of variable/value members"))
  (let ((rest pairs)
        (sets nil))
    (while rest
      (let ((var (car rest)))
        (or (symbolp var)
            (error "Attempting to set a non-symbol: %s" var))
        (push `(set (make-local-variable ',var) ,(cadr rest)) sets))
      (setq rest (cddr rest)))
    (macroexp-progn (nreverse sets))))

;;;; letrec and dlet.

(defun subr--refers-to-p (names form) "Non-nil when one of the symbols NAMES occurs somewhere inside FORM."
  (cond ((vectorp form) (subr--refers-to-p names (append form nil)))
        ((atom form) (and form (symbolp form) (memq form names) t))
        (t (or (subr--refers-to-p names (car form))
               (subr--refers-to-p names (cdr form))))))

(defun subr--binder-name (binder) "The variable bound by BINDER, which is VAR or (VAR FORM)."
  (if (symbolp binder) binder (car binder)))

(defmacro letrec (binders &rest body) "Bind the variables of BINDERS, each (VAR FORM), so that the FORMs see them all.
Every VAR exists, as nil, before the first FORM runs; the FORMs are then
assigned in order, and BODY runs.  This lets closures in the FORMs refer
to each other." (declare (debug let) (indent 1))
  ;; The leading binders whose forms mention no variable still to come
  ;; can be bound one by one, as by `let*'.
  (let ((direct nil))
    (while (and (consp binders)
                (let ((b (car binders)))
                  (not (subr--refers-to-p (mapcar #'subr--binder-name binders)
                                          (and (consp b) (nth 1 b))))))
      (push (pop binders) direct))
    (let ((inner (if binders
                     (cons 'let
                           (cons (mapcar #'car binders)
                                 (append (mapcar (lambda (b) (cons 'setq b)) binders)
                                         body)))
                   (macroexp-progn body))))
      (cond ((null direct) inner)
            ;; (letrec ((x FORM)) x) is just FORM.
            ((and (null (cdr direct)) inner (symbolp inner)
                  (eq inner (subr--binder-name (car direct))))
             (nth 1 (car direct)))
            (t (list 'let* (nreverse direct) inner))))))

(defmacro dlet (binders &rest body) "Bind BINDERS dynamically, as in `let' with every variable special, and run BODY." (declare (indent 1) (debug let))
  (let ((specials (mapcar (lambda (b) (list 'defvar (subr--binder-name b)))
                          binders)))
    ;; The outer `let' keeps the `defvar's local to this form.
    (cons 'let (cons '(_) (append specials (list (cons 'let (cons binders body))))))))

;;;; More list accessors, and small helpers.

;; caaar ... cddddr, generated: (cadar X) is (car (cdr (car X))).
(dolist (name '(caaar cdaar caaaar caaadr caadar caaddr cadaar cadadr caddar
                cadddr cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr))
  (let ((form 'x)
        (text "X"))
    (dolist (letter (reverse (append (substring (symbol-name name) 1 -1) nil)))
      (let ((op (if (eq letter ?a) 'car 'cdr)))
        (setq form (list op form)
              text (format "(%s %s)" op text))))
    (eval (list 'defun name '(x) (format "Return %s." text) form) t)))

(defalias 'rplaca #'setcar)
(defalias 'rplacd #'setcdr)
(defalias 'flatten-list #'flatten-tree)

(defun delete-consecutive-dups (list &optional circular) "Drop in place each element of LIST that is `equal' to the one just before it.
With CIRCULAR, LIST is seen as a ring: a last element equal to the first
goes too.  Return LIST."
  (let ((cell list)
        (final nil))
    (while cell
      (let ((next (cdr cell)))
        (if (and next (equal (car cell) (car next)))
            (setcdr cell (cdr next))
          (setq final cell
                cell next))))
    (if (and circular (cdr list) (equal (car final) (car list)))
        (nbutlast list)))
  list)

(defun member-ignore-case (elt list) "Find the string ELT in LIST regardless of letter case; return the tail from there.
Members that are not strings never match; the value is nil when nothing does."
  (let ((rest list))
    (while (and rest
                (not (and (stringp (car rest))
                          (eq t (compare-strings elt nil nil (car rest) nil nil t)))))
      (pop rest))
    rest))

(defun string-or-null-p (object) "Return t when OBJECT is a string or nil."
  (if (stringp object) t (null object)))

(defun subst-char-in-string (fromchar tochar string &optional inplace) "Return STRING with every FROMCHAR in it turned into TOCHAR.
A copy is changed, unless INPLACE is non-nil: then STRING itself is."
  (let ((s (if inplace string (copy-sequence string))))
    (dotimes (i (length s))
      (if (eq (aref s i) fromchar) (aset s i tochar)))
    s))

(defun autoloadp (object) "Non-nil when OBJECT is an autoload object, a list (autoload ...)."
  (eq (car-safe object) 'autoload))

(defun define-symbol-prop (symbol prop val) "Set SYMBOL's property PROP to VAL, in the way of a definition.
While a file loads, the definition is noted for `load-history' in an
entry (define-symbol-props (PROP SYMBOL...)...), so that `symbol-file'
with PROP as type finds the file."
  (when load-in-progress
    (let ((entry (assq 'define-symbol-props current-load-list)))
      (unless entry
        (setq entry (list 'define-symbol-props))
        (setq current-load-list (cons entry current-load-list)))
      (let ((slot (assq prop (cdr entry))))
        (cond ((null slot) (setcdr entry (cons (list prop symbol) (cdr entry))))
              ((not (memq symbol (cdr slot)))
               (setcdr slot (cons symbol (cdr slot))))))))
  (put symbol prop val))

(defun log10 (x) "The logarithm of X in base 10; `log' with a base argument does the same."
  (declare (obsolete log "24.4"))
  (log x 10))

(defalias 'int-to-string #'number-to-string)

;;;; Customization: options, groups and faces, without the interface.

(defvar custom-current-group-alist nil "Pairs (FILE . GROUP) naming the group defined last while FILE was loaded.")
(defvar custom-define-hook nil "Functions called without arguments each time an option, group or face is declared.")
(defvar custom-dont-initialize nil "When non-nil, declaring an option does not give it a value.")
(defvar custom-delayed-init-variables nil "Options whose initialization was put off, by `custom-initialize-delay'.")

(defun custom-current-group () "The group that options of the file being loaded join when they name none."
  (alist-get load-file-name custom-current-group-alist nil nil #'equal))

(defun custom--push-new (symbol prop item) "Put ITEM in front of SYMBOL's PROP list unless it is a `member' already."
  (let ((items (get symbol prop)))
    (or (member item items)
        (put symbol prop (cons item items)))))

(defun custom-add-to-group (group option widget) "Make OPTION, of kind WIDGET, a member of GROUP, at the end, if it is not one."
  (let ((entry (list option widget))
        (members (get group 'custom-group)))
    (if (member entry members)
        nil
      (put group 'custom-group (append members (list entry))))))

(defun custom-add-option (symbol option) "Offer OPTION as one of the usual values of the option SYMBOL."
  (custom--push-new symbol 'custom-options option))

(defalias 'custom-add-frequent-value #'custom-add-option)

(defun custom-add-link (symbol widget) "Attach the link WIDGET to the documentation of SYMBOL."
  (custom--push-new symbol 'custom-links widget))

(defun custom-add-version (symbol version) "Note VERSION, an Emacs version string, as when SYMBOL appeared or changed."
  (put symbol 'custom-version version))

(defun custom-add-package-version (symbol version) "Note VERSION, a pair (PACKAGE . VERSION), as when SYMBOL appeared or changed."
  (put symbol 'custom-package-version version))

(defun custom-add-load (symbol load) "Note that the file or feature LOAD must be loaded to customize SYMBOL."
  (custom--push-new symbol 'custom-loads load))

(defun custom-autoload (symbol load &optional noset) "Note that SYMBOL's definition comes from LOAD, for customization.
NOSET means that loading LOAD is not needed just to set SYMBOL."
  (put symbol 'custom-autoload (if noset 'noset t))
  (custom-add-load symbol load))

(defun custom-add-dependencies (symbol value) "Note that SYMBOL must be set after the options listed in VALUE."
  (or (listp value)
      (error "Invalid custom dependency `%s'" value))
  (let ((deps (get symbol 'custom-dependencies))
        (grew nil))
    (dolist (other value)
      (or (symbolp other)
          (error "Invalid custom dependency `%s'" other))
      (unless (memq other deps)
        (push other deps)
        (setq grew t)))
    (if grew (put symbol 'custom-dependencies deps))))

(defun custom-handle-keyword (symbol keyword value type) "Apply the KEYWORD VALUE pair that options, groups and faces share to SYMBOL.
TYPE is the kind of SYMBOL, used when KEYWORD is :group."
  (cond ((eq keyword :group) (custom-add-to-group value symbol type))
        ((eq keyword :version) (custom-add-version symbol value))
        ((eq keyword :package-version) (custom-add-package-version symbol value))
        ((eq keyword :link) (custom-add-link symbol value))
        ((eq keyword :load) (custom-add-load symbol value))
        ((eq keyword :tag) (put symbol 'custom-tag value))
        ((eq keyword :set-after) (custom-add-dependencies symbol value))
        (t (error "Unknown keyword %s" keyword))))

(defun custom--each-keyword (args fn) "Call FN with each KEYWORD and VALUE of the property list ARGS, in order.
Signal an error, once the earlier pairs are done, at a non-symbol
keyword or at a keyword without value."
  (while args
    (let ((kw (pop args)))
      (cond ((not (symbolp kw)) (error "Junk in args %S" args))
            ((null args) (error "Keyword %s is missing an argument" kw)))
      (funcall fn kw (pop args)))))

(defun custom--join-current-group (symbol args type) "Make SYMBOL, of kind TYPE, a member of the current group, if ARGS name none."
  (or (memq :group args)
      (let ((group (custom-current-group)))
        (and group (custom-add-to-group group symbol type)))))

(defun custom-handle-all-keywords (symbol args type) "Apply every keyword pair in ARGS to SYMBOL, an item of kind TYPE.
Without :group in ARGS, SYMBOL also joins the current group."
  (custom--join-current-group symbol args type)
  (custom--each-keyword
   args (lambda (keyword value) (custom-handle-keyword symbol keyword value type))))

;;;;; Initializing options.

(defun custom--toplevel-bound-p (symbol) "Non-nil when SYMBOL has a default value outside any `let'."
  (ignore-errors (default-toplevel-value symbol) t))

(defun custom--initial-form (symbol exp) "The form to compute SYMBOL's first value: the saved one, or else EXP."
  (let ((saved (get symbol 'saved-value)))
    (if saved (car saved) exp)))

(defun custom--setter (symbol) "The function that sets SYMBOL's value for Customize."
  (or (get symbol 'custom-set) #'set-default-toplevel-value))

(defun custom--present-value (symbol) "SYMBOL's value as Customize sees it: through its :get function, if any."
  (let ((get-fn (get symbol 'custom-get)))
    (if get-fn
        (funcall get-fn symbol)
      (default-toplevel-value symbol))))

(defun custom-initialize-default (symbol exp) "Unless SYMBOL already has a value, set it to the value of EXP (or of the saved form)."
  (unless (custom--toplevel-bound-p symbol)
    (set-default-toplevel-value symbol (eval (custom--initial-form symbol exp) t))))

(defun custom-initialize-set (symbol exp) "Unless SYMBOL already has a value, give it the value of EXP with its :set function.
A saved form, if any, is used instead of EXP."
  (unless (custom--toplevel-bound-p symbol)
    (funcall (custom--setter symbol) symbol
             (eval (custom--initial-form symbol exp)))))

(defun custom-initialize-reset (symbol exp) "Set SYMBOL with its :set function, whether or not it has a value.
The value is the present one if there is one, else the value of the
saved form or of EXP."
  (funcall (custom--setter symbol) symbol
           (if (custom--toplevel-bound-p symbol)
               (custom--present-value symbol)
             (eval (custom--initial-form symbol exp)))))

(defun custom-initialize-changed (symbol exp) "Like `custom-initialize-reset', except for the standard value EXP.
When SYMBOL has no value and nothing was saved, EXP's value is given
with `set-default' rather than the :set function."
  (let ((saved (get symbol 'saved-value)))
    (cond ((custom--toplevel-bound-p symbol)
           (funcall (custom--setter symbol) symbol (custom--present-value symbol)))
          (saved (funcall (custom--setter symbol) symbol (eval (car saved))))
          (t (set-default symbol (eval exp))))))

(defun custom-initialize-delay (symbol value) "Leave SYMBOL without a value for now, to be set from VALUE at the next start.
Once started (`custom-delayed-init-variables' no longer a list), this
acts as `custom-initialize-reset'."
  (internal--define-uninitialized-variable symbol)
  (cond ((not (listp custom-delayed-init-variables))
         (custom-initialize-reset symbol value))
        (t (setq custom-delayed-init-variables
                 (cons symbol custom-delayed-init-variables)))))

;;;;; Declaring options, groups and faces.

(defun custom--declared (name) "Tell `custom-define-hook' that NAME was just declared, and return NAME."
  (run-hooks 'custom-define-hook)
  name)

(defun custom-declare-variable (symbol default doc &rest args) "Make SYMBOL a user option: the function that `defcustom' calls.
DEFAULT is the (unevaluated) standard value form, DOC the documentation
and ARGS the keyword pairs, already evaluated.  Return SYMBOL."
  (put symbol 'standard-value (list default))
  (if (get symbol 'force-value) (put symbol 'force-value nil))
  (if (keywordp doc) (error "Doc string is missing"))
  (let ((init #'custom-initialize-reset)
        (needs nil)
        (local nil))
    (custom--join-current-group symbol args 'custom-variable)
    (custom--each-keyword
     args
     (lambda (option-key value)
       ;; Most keywords just store VALUE under a property of SYMBOL.
       (let ((prop (cdr (assq option-key '((:set . custom-set)
                                           (:get . custom-get)
                                           (:type . custom-type)
                                           (:risky . risky-local-variable)
                                           (:safe . safe-local-variable))))))
         (cond (prop (put symbol prop value))
               ((eq option-key :initialize) (setq init value))
               ((eq option-key :require) (push value needs))
               ((eq option-key :local)
                (if (memq value '(t permanent)) (setq local t))
                (if (eq value 'permanent) (put symbol 'permanent-local t)))
               ((eq option-key :options)
                ;; Earlier options stay; new ones go in front.
                (let ((known (get symbol 'custom-options)))
                  (if (null known)
                      (put symbol 'custom-options (copy-sequence value))
                    (dolist (option value) (custom-add-option symbol option)))))
               (t (custom-handle-keyword symbol option-key value
                                         'custom-variable))))))

    (internal--define-uninitialized-variable symbol doc)
    (put symbol 'custom-requests needs)
    (unless custom-dont-initialize
      (funcall init symbol default)
      ;; A value saved by a theme other than the user's is not kept.
      (let ((theme (car (car (get symbol 'theme-value)))))
        (if (and theme (not (eq theme 'user)) (get symbol 'saved-value))
            (put symbol 'saved-value nil))))
    (if local (make-variable-buffer-local symbol)))
  (custom--declared symbol))

(defmacro defcustom (symbol standard doc &rest args) "Define SYMBOL as a user option whose standard value is computed by STANDARD.
DOC documents it.  ARGS are keyword pairs such as :type, :group, :set,
:get, :initialize, :local, :safe, :risky, :options and :version.
SYMBOL becomes special, as with `defvar', and gets a value unless it
has one already." (declare (doc-string 3) (debug (name body)))
  ;; With lexical binding, STANDARD is kept as a call of a closure made
  ;; where the `defcustom' is, so that it sees the lexical environment.
  (let ((standard-form
         (cond (lexical-binding
                (list '\` (list 'funcall (list 'function (list '\, (list 'lambda nil "" standard))))))
               (t (list 'quote standard)))))
    `(custom-declare-variable ',symbol ,standard-form ,doc ,@args)))

(defun custom-declare-group (symbol members doc &rest args) "Make SYMBOL a customization group: the function that `defgroup' calls.
MEMBERS lists (NAME WIDGET) entries, DOC documents the group, ARGS are
the keyword pairs, evaluated.  Return SYMBOL."
  (dolist (entry members)
    (custom-add-to-group symbol (car entry) (nth 1 entry)))
  (if doc (put symbol 'group-documentation doc))
  (custom--each-keyword
   args
   (lambda (keyword value)
     (if (eq keyword :prefix)
         (put symbol 'custom-prefix value)
       (custom-handle-keyword symbol keyword value 'custom-group))))
  ;; Later options of the file being loaded join this group by default.
  (let ((cell (assoc load-file-name custom-current-group-alist)))
    (if cell
        (setcdr cell symbol)
      (setq custom-current-group-alist
            (cons (cons load-file-name symbol) custom-current-group-alist))))

  (custom--declared symbol))

(defmacro defgroup (symbol members doc &rest args) "Define SYMBOL as a customization group documented by DOC.
MEMBERS lists (NAME WIDGET) entries for a start; ARGS are keyword
pairs such as :prefix, :group, :link and :version." (declare (doc-string 3))
  `(custom-declare-group ',symbol ,members ,doc ,@args))

(defmacro defface (face spec doc &rest args) "Define FACE, with the display specification SPEC and documentation DOC.
ARGS are keyword pairs, as for `defgroup' and `defcustom'." (declare (doc-string 3))
  `(custom-declare-face ',face ,spec ,doc ,@args))

;;;;; Questions about options.

(defun custom-variable-p (variable) "Non-nil when VARIABLE (after following aliases) is a user option.
The value is its standard value form list or its autoload mark."
  (and (symbolp variable)
       (let ((base (indirect-variable variable)))
         (or (get base 'standard-value)
             (get base 'custom-autoload)))))

(defun custom--standard-value (variable) "Compute the standard value of the option VARIABLE afresh."
  (let ((form (car (get variable 'standard-value))))
    (eval form t)))

(defun custom-quote (sexp) "Return a form whose value is SEXP: SEXP itself when it evaluates to itself."
  (if (or (consp sexp)
          (and (symbolp sexp) (not (keywordp sexp)) (not (booleanp sexp))))
      (list 'quote sexp)
    sexp))

(defun custom-set-default (variable value) "Give VARIABLE the default value VALUE; a typical :set function for options."
  (set-default variable value))

(defun custom-reevaluate-setting (symbol) "Set SYMBOL again from its saved value form, or else its standard one."
  (let ((form (car (or (get symbol 'saved-value)
                       (get symbol 'standard-value)))))
    (funcall (or (get symbol 'custom-set) #'set-default) symbol (eval form))))

;;;; Bindings seen only while expanding.

(defmacro let-when-compile (bindings &rest body) "Expand BODY with BINDINGS visible to the `eval-when-compile' forms in it.
BINDINGS are as in `let*', evaluated when the macro expands; each
`eval-when-compile' in BODY is replaced by its value, quoted, and the
variables are not bound when BODY runs." (declare (indent 1) (debug let))
  (let ((env nil))
    (dolist (binding bindings)
      (let ((var (if (consp binding) (car binding) binding))
            (init (and (consp binding) (car (cdr binding)))))
        (push (cons var (eval init (or env t))) env)))
    (macroexpand-all
     (macroexp-progn body)
     (cons (cons 'eval-when-compile
                 (lambda (&rest exps)
                   (list 'quote (eval (macroexp-progn exps) (or env t)))))
           macroexpand-all-environment))))

;;;; Version strings.

(defvar version-separator "."
  "The string that separates the numbers of a version, for `version-to-list'.")

(defvar version-regexp-alist
  (let ((word (lambda (re) (format "^[-._+ ]?%s$" re))))
    (list (cons (funcall word "snapshot") -4)
          (cons "^[-._+]$" -4)
          (cons (funcall word "\\(cvs\\|git\\|bzr\\|svn\\|hg\\|darcs\\)") -4)
          (cons (funcall word "unknown") -4)
          (cons (funcall word "alpha") -3)
          (cons (funcall word "beta") -2)
          (cons (funcall word "\\(pre\\|rc\\)") -1)))
  "How the words between a version's numbers count: (REGEXP . PRIORITY).
A word matching REGEXP (case does not matter) stands for the number
PRIORITY, below zero so that \"1.0pre\" comes before \"1.0\".")

(defun version-to-list (ver) "Return the list of integers that the version string VER stands for.
Numbers are separated by `version-separator'; words such as \"alpha\"
or \"pre\" count as given by `version-regexp-alist', and a single
letter at the end as its place in the alphabet."
  (or (stringp ver) (error "Version must be a string"))
  (if (string-prefix-p version-separator ver) (setq ver (concat "0" ver)))
  (or (string-match-p "\\`[0-9]" ver)
      (error "%s" (format-message "Invalid version syntax: `%s' (must start with a number)" ver)))
  (let ((at 0) (parts nil))
    ;; Each round reads a number, then the word up to the next number.
    (while (< at (length ver))
      (string-match "[0-9]*" ver at)
      (push (string-to-number (match-string 0 ver)) parts)
      (let* ((word-start (match-end 0))
             (word-end (or (string-match "[0-9]" ver word-start) (length ver))))
        (when (< word-start word-end)
          (setq parts (append (version--word-value ver (substring ver word-start word-end)
                                                   (= word-end (length ver)))
                              parts)))
        (setq at word-end)))
    (nreverse parts)))

(defun version--word-value (ver word at-end) "The numbers (none or one) that WORD, between numbers of version VER, stands for.
AT-END says WORD ends VER.  An unknown word is an error."
  (let* ((case-fold-search t)
         (known (assoc-default word version-regexp-alist #'string-match)))
    (cond
     ((string= word version-separator) nil)
     (known (list known))
     ((and at-end (string-match "\\`[-._+ ]?\\([a-z]\\)\\'" word))
      (list (- (downcase (aref word (match-beginning 1))) ?a -1)))
     (t (error "%s" (format-message "Invalid version syntax: `%s'" ver))))))

(defun version--compare (a b) "Compare the version lists A and B: -1, 0 or 1.  Missing elements count as 0."
  (let ((result 0))
    (while (and (= result 0) (or a b))
      (let ((x (if a (car a) 0)) (y (if b (car b) 0)))
        (setq result (cond ((< x y) -1) ((> x y) 1) (t 0))
              a (cdr a) b (cdr b))))
    result))

(defun version-list-< (a b) "Return t if the version list A comes before B (a missing element is 0)."
  (= (version--compare a b) -1))

(defun version-list-= (a b) "Return t if the version lists A and B stand for the same version."
  (= (version--compare a b) 0))

(defun version-list-<= (a b) "Return t if the version list A comes before B or is the same version."
  (/= (version--compare a b) 1))

(defun version-list-not-zero (versions) "Return the first element of the version list VERSIONS that is not zero, or 0."
  (catch 'found (dolist (n versions 0) (unless (= n 0) (throw 'found n)))))

(defun version< (a b) "Return t if the version string A comes before B."
  (version-list-< (version-to-list a) (version-to-list b)))

(defun version<= (a b) "Return t if the version string A comes before B or is the same version."
  (version-list-<= (version-to-list a) (version-to-list b)))

(defun version= (a b) "Return t if the version strings A and B stand for the same version."
  (version-list-= (version-to-list a) (version-to-list b)))

;;;; Ordered lists.

(defun add-to-ordered-list (list-var element &optional order) "Add ELEMENT to the list in LIST-VAR, kept sorted by each element's ORDER.
An element given a number as ORDER sorts by it; one never given a number
comes after all those that have one, the newest of them first.  Adding
an element already there only updates its order.  Return the new list."
  (let ((orders (or (get list-var 'list-order)
                    (put list-var 'list-order (make-hash-table :weakness 'key))))
        (current (symbol-value list-var)))
    (if order (puthash element (and (numberp order) order) orders))
    (or (memq element current) (setq current (cons element current)))
    (set list-var (sort current
                        (lambda (x y)
                          (let ((ox (gethash x orders)) (oy (gethash y orders)))
                            (and ox (or (null oy) (< ox oy)))))))))

;;;; Where a definition came from.

(defun symbol-file (symbol &optional type) "Return the file from which SYMBOL was last defined, or nil if unknown.
TYPE narrows what counts: nil any definition, `defun' a function,
`defvar' a variable, another symbol such as `provide' or `defface' an
entry of that kind in `load-history', or a property set by
`define-symbol-prop'.  A function that is still an autoload answers
with its autoload file."
  (let ((fn (and (symbolp symbol) (fboundp symbol) (symbol-function symbol))))
    (cond
     ((not (and symbol (symbolp symbol))) nil)
     ((and (eq (car-safe fn) 'autoload) (memq type '(nil defun)))
      (nth 1 fn))
     (t
      (let ((found nil) (files load-history))
        (while (and files (not found))
          (let ((entry (car files)))
            (when (let ((items (cdr entry)) (hit nil))
                    (while (and items (not hit))
                      (let ((item (car items)))
                        (setq hit (cond ((null type)
                                         (or (eq item symbol)
                                             (eq (cdr-safe item) symbol)))
                                        ((eq type 'defvar) (eq item symbol))
                                        ((eq (car-safe item) 'define-symbol-props)
                                         (memq symbol (cdr (assq type (cdr item)))))
                                        (t (and (eq (car-safe item) type)
                                                (eq (cdr-safe item) symbol))))))
                      (setq items (cdr items)))
                    hit)
              (setq found (car entry))))
          (setq files (cdr files)))
        found)))))

;;;; Expanding the earlier files' definitions.

(subr--expand-definitions-now
 '(;; subr.el
   lambda when unless push pop dolist dotimes bound-and-true-p
   with-output-to-string define-error butlast number-sequence remove remq
   copy-tree flatten-tree assoc-default add-hook remove-hook prin1-char
   ;; this file
   setq-local subr--refers-to-p letrec dlet delete-consecutive-dups
   subst-char-in-string custom-add-dependencies custom--each-keyword
   custom-declare-variable custom-declare-group custom-declare-face
   custom-handle-all-keywords defcustom))

(provide 'custom)
(provide 'cus-face)

(defun alter-text-property (from to prop func &optional object) "Replace each value of the text property PROP from FROM to TO by what FUNC makes of it.
FUNC is called with the old value of each stretch where PROP is constant (nil
where it is missing); OBJECT is a string or a buffer, as for `put-text-property'."
  (let ((pos from))
    (while (< pos to)
      (let ((next (next-single-property-change pos prop object to)))
        (put-text-property pos next prop
                           (funcall func (get-text-property pos prop object))
                           object)
        (setq pos next)))))

;; Face-list editing of text properties (GNU has these in its preloaded font-lock.el).

(defun font-lock--as-face-list (x) "X as a list of faces: a list stays, an anonymous face (KEYWORD VALUE...) or atom is wrapped."
  (if (and (listp x) (not (keywordp (car x)))) x (list x)))

(defun font-lock--edit-property-runs (start end prop object fn) "Call FN with each stretch BEG NEXT of START..END where PROP is constant, and PROP's value."
  (while (< start end)
    (let ((next (next-single-property-change start prop object end)))
      (funcall fn start next (get-text-property start prop object))
      (setq start next))))

(defun font-lock-prepend-text-property (start end prop value &optional object) "Put VALUE in front of the list of values of PROP from START to END of OBJECT.
The values become lists of faces; an anonymous face counts as one face."
  (let ((new (font-lock--as-face-list value)))
    (font-lock--edit-property-runs
     start end prop object
     (lambda (beg next old)
       (put-text-property beg next prop
                          (append new (font-lock--as-face-list old)) object)))))

(defun font-lock-append-text-property (start end prop value &optional object) "Put VALUE after the list of values of PROP from START to END of OBJECT.
The values become lists of faces; an anonymous face counts as one face."
  (let ((new (font-lock--as-face-list value)))
    (font-lock--edit-property-runs
     start end prop object
     (lambda (beg next old)
       (put-text-property beg next prop
                          (append (font-lock--as-face-list old) new) object)))))

(defun font-lock-fillin-text-property (start end prop value &optional object) "Give PROP the value VALUE wherever it is nil from START to END of OBJECT."
  (let ((pos (text-property-any start end prop nil object)))
    (while pos
      (let ((next (next-single-property-change pos prop object end)))
        (put-text-property pos next prop value object)
        (setq pos (text-property-any next end prop nil object))))))

(defun font-lock--remove-face-from-text-property (start end prop value &optional object) "Take VALUE out of the values of PROP from START to END of OBJECT.
Where PROP is VALUE itself it goes away; a list left with one face becomes that face."
  (font-lock--edit-property-runs
   start end prop object
   (lambda (beg next old)
     (cond
      ((eq old value)
       (remove-list-of-text-properties beg next (list prop) object))
      ((and (consp old) (not (keywordp (car old))) (memq value old))
       (let ((rest (remq value old)))
         (if (null rest)
             (remove-list-of-text-properties beg next (list prop) object)
           (put-text-property beg next prop
                              (if (cdr rest) rest (car rest)) object))))))))

;;;; Warnings (GNU's warnings.el, as it behaves in batch).

;; tsmacs always runs as GNU does under -batch: a warning that is logged goes
;; to its buffer and, as a message, to standard error; the display-side
;; options (`warning-minimum-level', `warning-suppress-types') have nothing to
;; hold back there.

(defvar warning-levels
  (list (list :emergency "Emergency%s: " 'ding) (list :error "Error%s: ")
        (list :warning "Warning%s: ") (list :debug "Debug%s: "))
  "The warning levels, most severe first: (LEVEL TITLE-FORMAT [FUNCTION]).")

(defvar warning-level-aliases
  '((emergency . :emergency) (error . :error) (warning . :warning) (notice . :warning)
    (info . :warning) (critical . :emergency) (alarm . :emergency))
  "Old names of warning levels, each (OLD . LEVEL).")

(defvar warning-minimum-level :warning "The least severe level of warning that is shown.")
(defvar warning-minimum-log-level :warning "The least severe level of warning that is logged at all.")
(defvar warning-suppress-types nil "Types of warning that are logged but not shown: lists of symbols, each a type's prefix.")
(defvar warning-suppress-log-types nil "Types of warning that are not even logged: lists of symbols, each a type's prefix.")
(defvar warning-type-format " (%s)"
  "How the type of a warning appears in its title.")
(defvar warning-prefix-function nil "When non-nil, a function of the level and its `warning-levels' entry giving the entry to use.")
(defvar warning-series nil "Non-nil while a series of warnings goes to one place.")
(defvar warning-fill-prefix nil "When non-nil, the prefix for filling the text of warnings.")

(defun warnings--rank (level) "How severe LEVEL is, as a number (larger is more severe), or nil when it is no level."
  (let ((tail (memq (assq level warning-levels) warning-levels)))
    (and (car tail) (length tail))))

(defun warning-suppress-p (type suppress-list) "Say whether a warning of TYPE is matched by an entry of SUPPRESS-LIST.
Each entry is a list of symbols matching a TYPE (a symbol, or a list of
symbols) that starts with them.  An entry that is a bare symbol matches
nothing, and is an error beside a TYPE that is a list, as in GNU."
  (let ((type-list (if (consp type) type (list type))) (found nil))
    (dolist (entry suppress-list)
      (if (not (listp entry))
          (when (consp type) (signal 'wrong-type-argument (list 'listp entry)))
        (let ((tail type-list)
              (ok t))
          (while (and ok entry)
            (if (and tail (eq (car entry) (car tail)))
                (setq entry (cdr entry) tail (cdr tail))
              (setq ok nil)))
          (when ok (setq found t)))))
    found))

(defun display-warning (type message &optional level buffer-name) "Log MESSAGE, a warning of TYPE at LEVEL, in BUFFER-NAME and show it.
TYPE is a symbol or a list of symbols whose first one names the part of
Emacs concerned; LEVEL is one of `warning-levels' (default :warning);
BUFFER-NAME defaults to \"*Warnings*\".  In batch the warning is shown as
a message; the value is that message's text, or t when the warning was
not logged."
  (unless level (setq level :warning))
  (let ((old (assq level warning-level-aliases)))
    (when old
      (display-warning
       'emacs (format-message "Warning level `%s' is obsolete; use `%s' instead"
                              level (cdr old)))
      (setq level (cdr old))))
  (let ((rank (warnings--rank level))
        (floor (warnings--rank warning-minimum-log-level)))
    (if (or (null rank) (and floor (< rank floor))
            (warning-suppress-p type warning-suppress-log-types))
        t
      (let* ((entry (assq level warning-levels))
             (entry (if warning-prefix-function
                        (funcall warning-prefix-function level entry)
                      entry))
             (title (format (nth 1 entry)
                            (format warning-type-format
                                    (if (consp type) (car type) type))))
             (text (concat title message)))
        (with-current-buffer (get-buffer-create (or buffer-name "*Warnings*"))
          (let ((inhibit-read-only t)) (goto-char (point-max)) (insert text "\n"))
          (setq buffer-read-only t))
        (message "%s" text)
        text))))

(defun lwarn (type level message &rest args) "Display a warning of TYPE at LEVEL whose text is MESSAGE formatted with ARGS."
  (display-warning type (apply 'format-message message args) level))

(defun warn (message &rest args) "Display a warning of type `emacs' whose text is MESSAGE formatted with ARGS."
  (display-warning 'emacs (apply 'format-message message args)))

(provide 'warnings)

;;;; Deleting backward (GNU has these in simple.el and subr.el).

(defvar delete-active-region t "Whether deleting commands with an argument of 1 delete an active region.
The value `kill' kills it instead.")

(defun delete-backward-char (n &optional killflag) "Delete the N characters before point (after it when N is negative).
With KILLFLAG non-nil, kill them with `kill-region' instead.  When N is 1
and the region is active (and `delete-active-region' allows it), delete the
region instead.  Unlike GNU's command, tabs are never turned into spaces in
`overwrite-mode'."
  (interactive "p\nP")
  (unless (integerp n) (signal 'wrong-type-argument (list 'integerp n)))
  (cond ((and (use-region-p) delete-active-region (= n 1))
         (funcall (if (eq 'kill delete-active-region) #'kill-region #'delete-region)
                  (region-beginning) (region-end)))
        ;; Killing needs the kill ring (`kill-region'), as in GNU.
        (killflag (let ((from (point)))
                    (forward-char (- n))
                    (kill-region from (point))))
        (t (delete-char (- n)))))

(defalias 'backward-delete-char 'delete-backward-char)

;;;; Evaluating a buffer or region (GNU has these in lread.c).

(defun eval-buffer--lexical-cookie-p () "Say whether the first line of the current buffer sets `lexical-binding' non-nil.
Only a -*- ... -*- line counts, as for `load'; the buffer's own value of
`lexical-binding' does not."
  (save-excursion
    (save-restriction
      (widen) (goto-char (point-min))
      (let ((line-end (line-end-position)))
        (and (search-forward "-*-" line-end t)
             (let ((cookie-beg (point)))
               (and (search-forward "-*-" line-end t)
                    (let ((case-fold-search nil) (cookie-end (- (point) 3)))
                      (goto-char cookie-beg)
                      (and (re-search-forward
                            "\\(?:^\\|[ \t;]\\)lexical-binding:[ \t]*\\([^ \t;]+\\)"
                            cookie-end t)
                           (not (equal (match-string 1) "nil")))))))))))

(defvar eval-buffer-list nil "The buffers `eval-buffer' is evaluating, innermost first.")

(defun eval-buffer--loop (buffer start end printflag lexical) "Read and evaluate the forms of BUFFER from START to END, as `eval-buffer' does.
With PRINTFLAG each value is printed to `standard-output': with `prin1'
when that is t, else with `print'.  Macros are expanded eagerly, as `load'
expands them.  A form running past END is an `end-of-file' error."
  (let ((here (set-marker (make-marker) start buffer))
        (stop (copy-marker end))
        ;; One environment for the whole run, as `load' keeps one per file: a
        ;; top-level (defvar SYM) makes SYM special for the forms after it.
        (env (list (and lexical '(t))))
        form)
    (unwind-protect
        (while (with-current-buffer buffer
                 (save-excursion
                   (goto-char here)
                   ;; What the reader skips between forms, whatever the syntax table.
                   (while (progn (skip-chars-forward " \t\n\r\f" stop)
                                 (and (< (point) stop) (eq (char-after) ?\;)))
                     (forward-line))
                   (set-marker here (point))
                   (< (point) stop)))
          (setq form (with-current-buffer buffer
                       (save-restriction (narrow-to-region (point-min) stop) (read here))))
          (let ((value (eval-buffer--eval form env)))
            (when printflag
              (if (eq standard-output t) (prin1 value) (print value)))))
      (set-marker here nil)
      (set-marker stop nil))
    nil))

(defun eval-buffer--eval (form env) "Evaluate FORM after expanding its macros as `load' does.
ENV is a cons whose car is the lexical environment of the run (nil for
dynamic binding); a top-level (defvar SYM) adds SYM to it as `load' does."
  (if (not (fboundp 'internal-macroexpand-for-load))
      (eval form (car env))
    (let ((top (internal-macroexpand-for-load form nil))
          (value nil))
      (if (eq (car-safe top) 'progn)
          (dolist (sub (cdr top) value)
            (setq value (eval-buffer--eval sub env)))
        (let ((expanded (internal-macroexpand-for-load top t)))
          (prog1 (eval expanded (car env))
            (when (and (car env) (eq (car-safe expanded) 'defvar)
                       (symbolp (cadr expanded)) (null (cddr expanded)))
              (setcar env (cons (cadr expanded) (car env))))))))))

(defun eval-buffer (&optional buffer printflag filename unibyte do-allow-print) "Evaluate every form of BUFFER (default the current one) in turn; give nil.
PRINTFLAG nil discards the values, and the output of `print' and friends
too unless DO-ALLOW-PRINT; otherwise each value is printed to PRINTFLAG.
FILENAME (default the buffer's file name) names the forms in `load-history'.
Lexical binding is on when the buffer's -*- line says so.  Point is kept.
UNIBYTE is accepted for compatibility."
  (ignore unibyte)
  (let ((buf (if buffer (get-buffer buffer) (current-buffer))))
    (unless buf (error "No such buffer"))
    (let* ((filename (or filename (buffer-local-value (quote buffer-file-name) buf)))
           (lexical (with-current-buffer buf (eval-buffer--lexical-cookie-p)))
           (eval-buffer-list (cons buf eval-buffer-list))
           ;; GNU prints to PRINTFLAG; without one, output is thrown away (by
           ;; `symbolp', which takes each character and does nothing) unless
           ;; DO-ALLOW-PRINT, when nil sends it where t does.
           (standard-output (or printflag (if do-allow-print nil #'symbolp)))
           ;; As while loading, the list ends with the forms' file name
           ;; (`macroexp-file-name' reads it there).
           (current-load-list (list filename)))
      (save-current-buffer
        (with-current-buffer buf
          (save-restriction
            (widen)
            (eval-buffer--loop buf (point-min) (point-max) printflag lexical))))
      (when filename
        (setq load-history (cons (reverse current-load-list)
                                 (delq (assoc filename load-history) load-history))))
      nil)))

(defun eval-region (start end &optional printflag read-function) "Evaluate the forms between START and END of the current buffer; give nil.
PRINTFLAG as for `eval-buffer'.  The current value of `lexical-binding'
decides the binding.  READ-FUNCTION is accepted but forms are read with `read'."
  (ignore read-function)
  (let ((standard-output (or printflag #'symbolp))
        (buf (current-buffer))
        (lexical lexical-binding)
        ;; The forms come from the buffer's file (see `eval-buffer').
        (current-load-list (list buffer-file-name)))
    (save-excursion (eval-buffer--loop buf (min start end) (max start end) printflag lexical))))

(defun lread--substitute-object-in-subtree (object placeholder completely) "Replace every occurrence of PLACEHOLDER inside OBJECT by OBJECT itself; give nil.
Conses, vectors, records and byte-code objects are walked, each once, so
circular structure is fine.  COMPLETELY is accepted for compatibility."
  (ignore completely)
  (let ((seen (make-hash-table :test 'eq))
        (todo (list object)))
    (while todo
      (let ((x (pop todo)))
        (unless (gethash x seen)
          (puthash x t seen)
          (cond
           ((consp x)
            (if (eq (car x) placeholder) (setcar x object) (push (car x) todo))
            (if (eq (cdr x) placeholder) (setcdr x object) (push (cdr x) todo)))
           ((or (vectorp x) (recordp x) (byte-code-function-p x))
            (dotimes (i (length x))
              (if (eq (aref x i) placeholder)
                  (aset x i object)
                (push (aref x i) todo))))))))
    nil))
;; GNU preloads these from float-sup.el (risky as file-local variables, like its other constants).
(defconst float-pi (* 4 (atan 1.0)) "The value of Pi (a float).")
(defconst float-e (exp 1.0) "The value of e (a float).")
(put 'float-pi 'risky-local-variable t)
(put 'float-e 'risky-local-variable t)
(defconst pi float-pi "The old name of `float-pi'.")
;; `pi' stays usable as an ordinary (lexical) variable name.
(internal-make-var-non-special 'pi)
(put 'pi 'risky-local-variable t)
(make-obsolete-variable 'pi 'float-pi "23.3")
(defmacro degrees-to-radians (x) "Expand to X, an angle in degrees, times the radians in one degree."
  (list '* (/ float-pi 180.0) x))
(defmacro radians-to-degrees (x) "Expand to X, an angle in radians, times the degrees in one radian."
  (list '* (/ 180.0 float-pi) x))

(defmacro with-silent-modifications (&rest body) "Run BODY for changes that are not edits, such as text properties for display.
They leave no undo records, run no change hooks, ignore read-only text and
leave the buffer unmodified if it was unmodified before."
  (declare (debug t) (indent 0))
  (let ((was (make-symbol "modified")))
    `(let* ((,was (buffer-modified-p))
            (buffer-undo-list t) (inhibit-read-only t) (inhibit-modification-hooks t))
       (unwind-protect (progn ,@body) (unless ,was (restore-buffer-modified-p nil))))))

(defmacro with-temp-file (file &rest body) "Run BODY in a fresh temporary buffer, then write that buffer's text to FILE.
The buffer is killed afterwards; the value is BODY's.  FILE is evaluated
before BODY runs."
  (declare (indent 1) (debug t))
  (let ((name (make-symbol "temp-file"))
        (buf (make-symbol "temp-buffer")))
    `(let ((,name ,file)
           (,buf (generate-new-buffer " *temp file*" t)))
       (unwind-protect
           (prog1 (with-current-buffer ,buf ,@body)
             (with-current-buffer ,buf (write-region nil nil ,name nil 0)))
         (and (buffer-name ,buf) (kill-buffer ,buf))))))

;;;; Text clones: two stretches of a buffer kept alike as either is edited.

(defun text-clone-create (start end &optional spreadp syntax) "Tie the text from START to END to the text of the same length at point.
From then on an edit inside either stretch is done in the other too, at
the same offset.  Neither text is changed now.  SPREADP non-nil lets
each stretch take in the character after it; SYNTAX, a syntax class
string such as \"w\", stops the copying while a stretch holds other
characters.  Gives the two overlays that mark the stretches (the second
one already gone when the text at point was too short)."
  (let* ((copy-start (point))
         (copy-end (+ copy-start (- end start)))
         ;; Spreading takes one more character, when both stretches have one after them.
         (spread (if (and spreadp (< (max end copy-end) (point-max))) 1 0))
         (clamp (lambda (pos) (min (max pos (point-min)) (point-max))))
         (pair (list (make-overlay (funcall clamp start) (funcall clamp (+ end spread)) nil t nil)
                     (make-overlay (funcall clamp copy-start) (funcall clamp (+ copy-end spread)) nil t nil))))
    (dolist (ov pair)
      (overlay-put ov 'modification-hooks '(text-clone--maintain))
      (when spreadp (overlay-put ov 'text-clone-spreadp t))
      (when syntax (overlay-put ov 'text-clone-syntax syntax))
      (overlay-put ov 'evaporate t)
      (overlay-put ov 'text-clones pair))
    pair))

(defvar text-clone--maintaining nil "Non-nil while an edit is being copied to the other clones.")

(defun text-clone--maintain (ol after beg end &optional len) "Copy the edit of BEG..END inside overlay OL (LEN characters replaced) to its clones.
A modification hook of the overlays `text-clone-create' makes; only the
call after the change does anything."
  (when (and after (not undo-in-progress) (not text-clone--maintaining)
             (overlay-buffer ol))
    (let* ((offset (- beg (overlay-start ol)))
           (new-text (buffer-substring-no-properties beg end))
           (syntax (overlay-get ol 'text-clone-syntax))
           (fits (or (null syntax)
                     (save-excursion
                       (goto-char (overlay-start ol))
                       (skip-syntax-forward syntax (overlay-end ol))
                       (>= (point) (- (overlay-end ol) (if (overlay-get ol 'text-clone-spreadp) 1 0)))))))
      (when fits
        (let ((text-clone--maintaining t)
              (inhibit-modification-hooks t))
          (save-excursion
            (dolist (other (overlay-get ol 'text-clones))
              (when (and (not (eq other ol)) (overlay-buffer other))
                (let* ((from (+ (overlay-start other) offset))
                       (to (min (+ from (or len 0)) (overlay-end other))))
                  (when (<= from (overlay-end other))
                    (goto-char from)
                    (delete-region from to)
                    (insert new-text)))))))))))
