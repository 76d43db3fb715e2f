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

(defun subr--expand-closure-now (fn)
  "Replace the body of the interpreted closure FN by its full macro expansion.
FN may also be a macro, (macro . CLOSURE).  Anything else is left as it
is.  Return FN."
  (let ((closure (if (eq (car-safe fn) 'macro) (cdr fn) fn)))
    ;; A closure is (closure ENV ARGS . BODY): BODY hangs off the cons
    ;; holding ARGS.
    (when (eq (car-safe closure) 'closure)
      (let ((args-cell (nthcdr 2 closure)))
        (setcdr args-cell (mapcar #'macroexpand-all (cdr args-cell))))))
  fn)

(defun subr--expand-definitions-now (symbols)
  "Expand, once and in place, the definitions of those SYMBOLS that are functions."
  (dolist (name symbols)
    (if (fboundp name)
        (subr--expand-closure-now (symbol-function name)))))

;;;; Declarations that do (almost) nothing here.

(defmacro declare-function (_fn _file &rest _args)
  "Promise the byte compiler that _FN is defined in _FILE; nothing to do here.
_ARGS would give its argument list.  The expansion is nil."
  nil)

(defmacro noreturn (form)
  "Run FORM, which should never come back; complain if it does."
  (declare (debug t))
  (list 'prog1 form '(error "Form marked with `noreturn' did return")))

(defmacro 1value (form)
  "Run FORM, promising that it always gives the same value.
Only coverage tools care; the expansion is FORM itself."
  (declare (debug t))
  form)

(defmacro def-edebug-spec (symbol spec)
  "Record SPEC as the Edebug specification of the macro SYMBOL.
Neither argument is evaluated."
  (declare (indent 1))
  (list 'put (list 'quote symbol) ''edebug-form-spec (list 'quote spec)))

(defun def-edebug-elem-spec (name spec)
  "Record SPEC, which must be a list, as the Edebug element spec NAME."
  (if (consp spec)
      (put name 'edebug-elem-spec spec)
    (error "Edebug spec has to be a list: %S" spec)))


;;;; Buffer-local variables.

;; The variables themselves are primitives (data.c's); these are the
;; conveniences GNU's subr.el builds on them.

(defun buffer-local-boundp (symbol buffer)
  "Non-nil when SYMBOL has a value in BUFFER, its own or the default."
  (condition-case nil
      (progn (buffer-local-value symbol buffer) t)
    (void-variable nil)))

(defmacro defvar-local (var val &optional docstring)
  "Declare VAR special with value VAL, as `defvar' does, and local when set.
DOCSTRING documents the variable."
  (declare (debug defvar) (doc-string 3))
  `(progn (defvar ,var ,val ,docstring)
          (make-variable-buffer-local ',var)))

(defmacro setq-local (&rest pairs)
  "Give each VARIABLE in PAIRS a buffer-local value, that of the following form.
PAIRS alternate unevaluated variables and value forms."
  (declare (debug setq))
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

(defun subr--refers-to-p (names form)
  "Non-nil when one of the symbols NAMES occurs somewhere inside FORM."
  (cond ((vectorp form) (subr--refers-to-p names (append form nil)))
        ((atom form) (and form (symbolp form) (memq form names) t))
        (t (or (subr--refers-to-p names (car form))
               (subr--refers-to-p names (cdr form))))))

(defun subr--binder-name (binder)
  "The variable bound by BINDER, which is VAR or (VAR FORM)."
  (if (symbolp binder) binder (car binder)))

(defmacro letrec (binders &rest body)
  "Bind the variables of BINDERS, each (VAR FORM), so that the FORMs see them all.
Every VAR exists, as nil, before the first FORM runs; the FORMs are then
assigned in order, and BODY runs.  This lets closures in the FORMs refer
to each other."
  (declare (debug let) (indent 1))
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

(defmacro dlet (binders &rest body)
  "Bind BINDERS dynamically, as in `let' with every variable special, and run BODY."
  (declare (indent 1) (debug let))
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

(defun delete-consecutive-dups (list &optional circular)
  "Drop in place each element of LIST that is `equal' to the one just before it.
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

(defun member-ignore-case (elt list)
  "Find the string ELT in LIST regardless of letter case; return the tail from there.
Members that are not strings never match; the value is nil when nothing does."
  (let ((rest list))
    (while (and rest
                (not (and (stringp (car rest))
                          (eq t (compare-strings elt nil nil (car rest) nil nil t)))))
      (pop rest))
    rest))

(defun string-or-null-p (object)
  "Return t when OBJECT is a string or nil."
  (if (stringp object) t (null object)))

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  "Return STRING with every FROMCHAR in it turned into TOCHAR.
A copy is changed, unless INPLACE is non-nil: then STRING itself is."
  (let ((s (if inplace string (copy-sequence string))))
    (dotimes (i (length s))
      (if (eq (aref s i) fromchar) (aset s i tochar)))
    s))

(defun autoloadp (object)
  "Non-nil when OBJECT is an autoload object, a list (autoload ...)."
  (eq (car-safe object) 'autoload))

(defun define-symbol-prop (symbol prop val)
  "Set SYMBOL's property PROP to VAL, in the way of a definition.
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

(defun log10 (x)
  "The logarithm of X in base 10; `log' with a base argument does the same."
  (declare (obsolete log "24.4"))
  (log x 10))

(defalias 'int-to-string #'number-to-string)

;;;; Customization: options, groups and faces, without the interface.

(defvar custom-current-group-alist nil
  "Pairs (FILE . GROUP) naming the group defined last while FILE was loaded.")
(defvar custom-define-hook nil
  "Functions called without arguments each time an option, group or face is declared.")
(defvar custom-dont-initialize nil
  "When non-nil, declaring an option does not give it a value.")
(defvar custom-delayed-init-variables nil
  "Options whose initialization was put off, by `custom-initialize-delay'.")

(defun custom-current-group ()
  "The group that options of the file being loaded join when they name none."
  (alist-get load-file-name custom-current-group-alist nil nil #'equal))

(defun custom--push-new (symbol prop item)
  "Put ITEM in front of SYMBOL's PROP list unless it is a `member' already."
  (let ((items (get symbol prop)))
    (or (member item items)
        (put symbol prop (cons item items)))))

(defun custom-add-to-group (group option widget)
  "Make OPTION, of kind WIDGET, a member of GROUP, at the end, if it is not one."
  (let ((entry (list option widget))
        (members (get group 'custom-group)))
    (if (member entry members)
        nil
      (put group 'custom-group (append members (list entry))))))

(defun custom-add-option (symbol option)
  "Offer OPTION as one of the usual values of the option SYMBOL."
  (custom--push-new symbol 'custom-options option))

(defalias 'custom-add-frequent-value #'custom-add-option)

(defun custom-add-link (symbol widget)
  "Attach the link WIDGET to the documentation of SYMBOL."
  (custom--push-new symbol 'custom-links widget))

(defun custom-add-version (symbol version)
  "Note VERSION, an Emacs version string, as when SYMBOL appeared or changed."
  (put symbol 'custom-version version))

(defun custom-add-package-version (symbol version)
  "Note VERSION, a pair (PACKAGE . VERSION), as when SYMBOL appeared or changed."
  (put symbol 'custom-package-version version))

(defun custom-add-load (symbol load)
  "Note that the file or feature LOAD must be loaded to customize SYMBOL."
  (custom--push-new symbol 'custom-loads load))

(defun custom-autoload (symbol load &optional noset)
  "Note that SYMBOL's definition comes from LOAD, for customization.
NOSET means that loading LOAD is not needed just to set SYMBOL."
  (put symbol 'custom-autoload (if noset 'noset t))
  (custom-add-load symbol load))

(defun custom-add-dependencies (symbol value)
  "Note that SYMBOL must be set after the options listed in VALUE."
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

(defun custom-handle-keyword (symbol keyword value type)
  "Apply the KEYWORD VALUE pair that options, groups and faces share to SYMBOL.
TYPE is the kind of SYMBOL, used when KEYWORD is :group."
  (cond ((eq keyword :group) (custom-add-to-group value symbol type))
        ((eq keyword :version) (custom-add-version symbol value))
        ((eq keyword :package-version) (custom-add-package-version symbol value))
        ((eq keyword :link) (custom-add-link symbol value))
        ((eq keyword :load) (custom-add-load symbol value))
        ((eq keyword :tag) (put symbol 'custom-tag value))
        ((eq keyword :set-after) (custom-add-dependencies symbol value))
        (t (error "Unknown keyword %s" keyword))))

(defun custom--each-keyword (args fn)
  "Call FN with each KEYWORD and VALUE of the property list ARGS, in order.
Signal an error, once the earlier pairs are done, at a non-symbol
keyword or at a keyword without value."
  (while args
    (let ((kw (pop args)))
      (cond ((not (symbolp kw)) (error "Junk in args %S" args))
            ((null args) (error "Keyword %s is missing an argument" kw)))
      (funcall fn kw (pop args)))))

(defun custom--join-current-group (symbol args type)
  "Make SYMBOL, of kind TYPE, a member of the current group, if ARGS name none."
  (or (memq :group args)
      (let ((group (custom-current-group)))
        (and group (custom-add-to-group group symbol type)))))

(defun custom-handle-all-keywords (symbol args type)
  "Apply every keyword pair in ARGS to SYMBOL, an item of kind TYPE.
Without :group in ARGS, SYMBOL also joins the current group."
  (custom--join-current-group symbol args type)
  (custom--each-keyword
   args (lambda (keyword value) (custom-handle-keyword symbol keyword value type))))

;;;;; Initializing options.

(defun custom--toplevel-bound-p (symbol)
  "Non-nil when SYMBOL has a default value outside any `let'."
  (ignore-errors (default-toplevel-value symbol) t))

(defun custom--initial-form (symbol exp)
  "The form to compute SYMBOL's first value: the saved one, or else EXP."
  (let ((saved (get symbol 'saved-value)))
    (if saved (car saved) exp)))

(defun custom--setter (symbol)
  "The function that sets SYMBOL's value for Customize."
  (or (get symbol 'custom-set) #'set-default-toplevel-value))

(defun custom--present-value (symbol)
  "SYMBOL's value as Customize sees it: through its :get function, if any."
  (let ((get-fn (get symbol 'custom-get)))
    (if get-fn
        (funcall get-fn symbol)
      (default-toplevel-value symbol))))

(defun custom-initialize-default (symbol exp)
  "Unless SYMBOL already has a value, set it to the value of EXP (or of the saved form)."
  (unless (custom--toplevel-bound-p symbol)
    (set-default-toplevel-value symbol (eval (custom--initial-form symbol exp) t))))

(defun custom-initialize-set (symbol exp)
  "Unless SYMBOL already has a value, give it the value of EXP with its :set function.
A saved form, if any, is used instead of EXP."
  (unless (custom--toplevel-bound-p symbol)
    (funcall (custom--setter symbol) symbol
             (eval (custom--initial-form symbol exp)))))

(defun custom-initialize-reset (symbol exp)
  "Set SYMBOL with its :set function, whether or not it has a value.
The value is the present one if there is one, else the value of the
saved form or of EXP."
  (funcall (custom--setter symbol) symbol
           (if (custom--toplevel-bound-p symbol)
               (custom--present-value symbol)
             (eval (custom--initial-form symbol exp)))))

(defun custom-initialize-changed (symbol exp)
  "Like `custom-initialize-reset', except for the standard value EXP.
When SYMBOL has no value and nothing was saved, EXP's value is given
with `set-default' rather than the :set function."
  (let ((saved (get symbol 'saved-value)))
    (cond ((custom--toplevel-bound-p symbol)
           (funcall (custom--setter symbol) symbol (custom--present-value symbol)))
          (saved (funcall (custom--setter symbol) symbol (eval (car saved))))
          (t (set-default symbol (eval exp))))))

(defun custom-initialize-delay (symbol value)
  "Leave SYMBOL without a value for now, to be set from VALUE at the next start.
Once started (`custom-delayed-init-variables' no longer a list), this
acts as `custom-initialize-reset'."
  (internal--define-uninitialized-variable symbol)
  (cond ((not (listp custom-delayed-init-variables))
         (custom-initialize-reset symbol value))
        (t (setq custom-delayed-init-variables
                 (cons symbol custom-delayed-init-variables)))))

;;;;; Declaring options, groups and faces.

(defun custom--declared (name)
  "Tell `custom-define-hook' that NAME was just declared, and return NAME."
  (run-hooks 'custom-define-hook)
  name)

(defun custom-declare-variable (symbol default doc &rest args)
  "Make SYMBOL a user option: the function that `defcustom' calls.
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

(defmacro defcustom (symbol standard doc &rest args)
  "Define SYMBOL as a user option whose standard value is computed by STANDARD.
DOC documents it.  ARGS are keyword pairs such as :type, :group, :set,
:get, :initialize, :local, :safe, :risky, :options and :version.
SYMBOL becomes special, as with `defvar', and gets a value unless it
has one already."
  (declare (doc-string 3) (debug (name body)))
  ;; With lexical binding, STANDARD is kept as a call of a closure made
  ;; where the `defcustom' is, so that it sees the lexical environment.
  (let ((standard-form
         (cond (lexical-binding
                (list '\` (list 'funcall (list 'function (list '\, (list 'lambda nil "" standard))))))
               (t (list 'quote standard)))))
    `(custom-declare-variable ',symbol ,standard-form ,doc ,@args)))

(defun custom-declare-group (symbol members doc &rest args)
  "Make SYMBOL a customization group: the function that `defgroup' calls.
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

(defmacro defgroup (symbol members doc &rest args)
  "Define SYMBOL as a customization group documented by DOC.
MEMBERS lists (NAME WIDGET) entries for a start; ARGS are keyword
pairs such as :prefix, :group, :link and :version."
  (declare (doc-string 3))
  `(custom-declare-group ',symbol ,members ,doc ,@args))

(defun custom-declare-face (face spec doc &rest args)
  "Make FACE a customizable face: the function that `defface' calls.
The first declaration wins.  Without frames, only the properties are
recorded: SPEC, DOC, and what the keyword pairs ARGS say."
  (unless (get face 'face-defface-spec)
    (put face 'face-defface-spec spec)
    (put face 'face-modified nil)
    (if doc (put face 'face-documentation doc))
    (custom-handle-all-keywords face args 'custom-face)
    (custom--declared face))
  face)

(defmacro defface (face spec doc &rest args)
  "Define FACE, with the display specification SPEC and documentation DOC.
ARGS are keyword pairs, as for `defgroup' and `defcustom'."
  (declare (doc-string 3))
  `(custom-declare-face ',face ,spec ,doc ,@args))

;;;;; Questions about options.

(defun custom-variable-p (variable)
  "Non-nil when VARIABLE (after following aliases) is a user option.
The value is its standard value form list or its autoload mark."
  (and (symbolp variable)
       (let ((base (indirect-variable variable)))
         (or (get base 'standard-value)
             (get base 'custom-autoload)))))

(defun custom--standard-value (variable)
  "Compute the standard value of the option VARIABLE afresh."
  (let ((form (car (get variable 'standard-value))))
    (eval form t)))

(defun custom-quote (sexp)
  "Return a form whose value is SEXP: SEXP itself when it evaluates to itself."
  (if (or (consp sexp)
          (and (symbolp sexp) (not (keywordp sexp)) (not (booleanp sexp))))
      (list 'quote sexp)
    sexp))

(defun custom-set-default (variable value)
  "Give VARIABLE the default value VALUE; a typical :set function for options."
  (set-default variable value))

(defun custom-reevaluate-setting (symbol)
  "Set SYMBOL again from its saved value form, or else its standard one."
  (let ((form (car (or (get symbol 'saved-value)
                       (get symbol 'standard-value)))))
    (funcall (or (get symbol 'custom-set) #'set-default) symbol (eval form))))

;;;; Bindings seen only while expanding.

(defmacro let-when-compile (bindings &rest body)
  "Expand BODY with BINDINGS visible to the `eval-when-compile' forms in it.
BINDINGS are as in `let*', evaluated when the macro expands; each
`eval-when-compile' in BODY is replaced by its value, quoted, and the
variables are not bound when BODY runs."
  (declare (indent 1) (debug let))
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

(defun version-to-list (ver)
  "Return the list of integers that the version string VER stands for.
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

(defun version--word-value (ver word at-end)
  "The numbers (none or one) that WORD, between numbers of version VER, stands for.
AT-END says WORD ends VER.  An unknown word is an error."
  (let* ((case-fold-search t)
         (known (assoc-default word version-regexp-alist #'string-match)))
    (cond
     ((string= word version-separator) nil)
     (known (list known))
     ((and at-end (string-match "\\`[-._+ ]?\\([a-z]\\)\\'" word))
      (list (- (downcase (aref word (match-beginning 1))) ?a -1)))
     (t (error "%s" (format-message "Invalid version syntax: `%s'" ver))))))

(defun version--compare (a b)
  "Compare the version lists A and B: -1, 0 or 1.  Missing elements count as 0."
  (let ((result 0))
    (while (and (= result 0) (or a b))
      (let ((x (if a (car a) 0)) (y (if b (car b) 0)))
        (setq result (cond ((< x y) -1) ((> x y) 1) (t 0))
              a (cdr a) b (cdr b))))
    result))

(defun version-list-< (a b)
  "Return t if the version list A comes before B (a missing element is 0)."
  (= (version--compare a b) -1))

(defun version-list-= (a b)
  "Return t if the version lists A and B stand for the same version."
  (= (version--compare a b) 0))

(defun version-list-<= (a b)
  "Return t if the version list A comes before B or is the same version."
  (/= (version--compare a b) 1))

(defun version-list-not-zero (versions)
  "Return the first element of the version list VERSIONS that is not zero, or 0."
  (catch 'found
    (dolist (n versions 0)
      (unless (= n 0) (throw 'found n)))))

(defun version< (a b)
  "Return t if the version string A comes before B."
  (version-list-< (version-to-list a) (version-to-list b)))

(defun version<= (a b)
  "Return t if the version string A comes before B or is the same version."
  (version-list-<= (version-to-list a) (version-to-list b)))

(defun version= (a b)
  "Return t if the version strings A and B stand for the same version."
  (version-list-= (version-to-list a) (version-to-list b)))

;;;; Ordered lists.

(defun add-to-ordered-list (list-var element &optional order)
  "Add ELEMENT to the list in LIST-VAR, kept sorted by each element's ORDER.
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

(defun symbol-file (symbol &optional type _native-p)
  "Return the file from which SYMBOL was last defined, or nil if unknown.
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

(defun alter-text-property (from to prop func &optional object)
  "Replace each value of the text property PROP from FROM to TO by what FUNC makes of it.
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

(defun font-lock--as-face-list (x)
  "X as a list of faces: a list stays, an anonymous face (KEYWORD VALUE...) or atom is wrapped."
  (if (and (listp x) (not (keywordp (car x)))) x (list x)))

(defun font-lock--edit-property-runs (start end prop object fn)
  "Call FN with each stretch BEG NEXT of START..END where PROP is constant, and PROP's value."
  (while (< start end)
    (let ((next (next-single-property-change start prop object end)))
      (funcall fn start next (get-text-property start prop object))
      (setq start next))))

(defun font-lock-prepend-text-property (start end prop value &optional object)
  "Put VALUE in front of the list of values of PROP from START to END of OBJECT.
The values become lists of faces; an anonymous face counts as one face."
  (let ((new (font-lock--as-face-list value)))
    (font-lock--edit-property-runs
     start end prop object
     (lambda (beg next old)
       (put-text-property beg next prop
                          (append new (font-lock--as-face-list old)) object)))))

(defun font-lock-append-text-property (start end prop value &optional object)
  "Put VALUE after the list of values of PROP from START to END of OBJECT.
The values become lists of faces; an anonymous face counts as one face."
  (let ((new (font-lock--as-face-list value)))
    (font-lock--edit-property-runs
     start end prop object
     (lambda (beg next old)
       (put-text-property beg next prop
                          (append (font-lock--as-face-list old) new) object)))))

(defun font-lock-fillin-text-property (start end prop value &optional object)
  "Give PROP the value VALUE wherever it is nil from START to END of OBJECT."
  (let ((pos (text-property-any start end prop nil object)))
    (while pos
      (let ((next (next-single-property-change pos prop object end)))
        (put-text-property pos next prop value object)
        (setq pos (text-property-any next end prop nil object))))))

(defun font-lock--remove-face-from-text-property (start end prop value &optional object)
  "Take VALUE out of the values of PROP from START to END of OBJECT.
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

;; GNU preloads these from float-sup.el (risky as file-local variables, like its other constants).
(defconst float-pi (* 4 (atan 1.0)) "The value of Pi (a float).")
(defconst float-e (exp 1.0) "The value of e (a float).")
(put 'float-pi 'risky-local-variable t)
(put 'float-e 'risky-local-variable t)
