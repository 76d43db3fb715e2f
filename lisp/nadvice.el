;;; nadvice.el --- wrapping functions and places in pieces of advice  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A piece of advice is an interpreted closure whose environment holds four
;; bindings, always first and in this order: `advice--how' (the keyword
;; saying how it combines), `advice--car' (the advising function),
;; `advice--cdr' (what it wraps: the original, or the next piece) and
;; `advice--props'.  GNU builds a byte-code object instead; a program sees
;; the same through `functionp', `advice--p' and the accessors below, but
;; the printed form differs.  A chain of pieces is kept outermost first,
;; ordered by their `depth' property.

;;; The objects

(defconst advice--bodies
  '((:around (apply advice--car advice--cdr r))
    (:before (apply advice--car r) (apply advice--cdr r))
    (:after (prog1 (apply advice--cdr r) (apply advice--car r)))
    (:override (apply advice--car r))
    (:after-until (or (apply advice--cdr r) (apply advice--car r)))
    (:after-while (and (apply advice--cdr r) (apply advice--car r)))
    (:before-until (or (apply advice--car r) (apply advice--cdr r)))
    (:before-while (and (apply advice--car r) (apply advice--cdr r)))
    (:filter-args (apply advice--cdr (funcall advice--car r)))
    (:filter-return (funcall advice--car (apply advice--cdr r))))
  "For each way of combining, the body of the closure that combines.")

(defun advice--p (object) "Return t if OBJECT is a piece of advice made by `add-function' or `advice-add'."
  (and (eq (car-safe object) 'closure)
       (eq (car-safe (car-safe (car-safe (cdr-safe object)))) 'advice--how)))

(defun advice--slot (advice n) "The value of the Nth environment binding of ADVICE."
  (unless (advice--p advice)
    (signal 'wrong-type-argument (list 'arrayp advice)))
  (cdr-safe (nth n (nth 1 advice))))

(defun advice--where (advice) "Return the keyword saying how ADVICE combines with what it wraps."
  (advice--slot advice 0))

(defun advice--car (advice) "Return the advising function of ADVICE."
  (advice--slot advice 1))

(defun advice--cdr (advice) "Return what ADVICE wraps: the original function or another piece of advice."
  (advice--slot advice 2))

(defun advice--props (advice) "Return the property alist given when ADVICE was added."
  (advice--slot advice 3))

(defun advice--cd*r (function) "Return what remains of FUNCTION once every piece of advice around it is peeled off."
  (while (advice--p function)
    (setq function (advice--cdr function)))
  function)

;;; GNU's internal helpers, for programs that call them

(defun advice--strip-macro (x) "Return the expander of the macro X, a (macro . FUNCTION) cons, or X itself."
  (if (eq (car-safe x) 'macro) (cdr x) x))

(defun advice--normalize (_symbol def) "Return the definition DEF in the form advice wraps; tsmacs keeps it as it is."
  def)

(defun advice--interactive-form (function) "Return FUNCTION's `interactive' form, or nil if it is no command; an autoload is not loaded."
  (and (not (stringp function)) (not (vectorp function))
       (commandp function)
       (not (autoloadp (indirect-function function)))
       (advice--interactive-of function)))

(defun advice--make-interactive-form (function main) "Return the interactive spec a piece of advice FUNCTION around MAIN uses.
FUNCTION's own spec wins; when that is a function, it is called on MAIN's spec."
  (let ((own (cadr (advice--interactive-form function)))
        (inner (cadr (advice--interactive-form main))))
    (if (functionp own)
        `(funcall ',own ',inner)
      (or own inner))))

(defun advice--make-1 (byte-code stack-depth function main props) "Return a piece of advice combining FUNCTION with MAIN, with PROPS.
BYTE-CODE and STACK-DEPTH stand for the combining code in GNU's byte-code objects; here
BYTE-CODE is the combining keyword."
  (ignore stack-depth)
  (unless (assq byte-code advice--bodies)
    (error "Invalid byte-code object"))
  (advice--make byte-code function main props))

(defun advice--subst-main (old new) "Return the advice chain OLD with its innermost function replaced by NEW."
  (advice--replace-core old new))

(defun advice--tweak (flist tweaker) "Rebuild the advice chain FLIST, letting TWEAKER change its pieces, outermost first.
TWEAKER gets the advising function, the rest of the chain and the properties of each
piece (nil, the innermost function and nil at the bottom).  For a piece, nil leaves it as
it is and a list (NEW) puts NEW in the place of the piece and all it wraps; at the bottom
TWEAKER's value is the new innermost function."
  (if (not (advice--p flist))
      (funcall tweaker nil flist nil)
    (let* ((rest (advice--cdr flist))
           (change (funcall tweaker (advice--car flist) rest (advice--props flist))))
      (if change
          (car change)
        ;; Rebuilt even when nothing changed; what TWEAKER says of the innermost
        ;; function, nil included, becomes the new innermost function.
        (advice--rewrap flist (advice--tweak rest tweaker))))))

(defun advice--what-doc (function) "How the advice docstring names the advising FUNCTION."
  (let ((doc (and (functionp function) (not (symbolp function))
                  (ignore-errors (documentation function t)))))
    (cond ((symbolp function) (format "%s." (substitute-command-keys (format "`%s'" function))))
          ((and (stringp doc) (string-match "\\(?:\\`\\|\n\n\\)(fn[ )]" doc))
           (if (> (match-beginning 0) 0) (substring doc 0 (match-beginning 0)) "No documentation"))
          ((stringp doc) doc)
          (t "No documentation"))))

(defun advice--make-single-doc (flist _function macrop) "The line of an advised function's docstring that describes the outermost piece of FLIST.
MACROP says whether the advised definition is a macro."
  (let ((name (cdr (assq 'name (advice--props flist)))))
    (format "This %s has %S advice: %s\n" (if macrop "macro" "function")
            (advice--where flist)
            (if name (format "%s" name) (advice--what-doc (advice--car flist))))))

(defun advice--make-docstring (function) "Build the docstring of the advised FUNCTION, a symbol: its own text, a line per piece of advice, its usage."
  (let* ((def (indirect-function function))
         (macrop (eq (car-safe def) 'macro))
         (chain (advice--strip-macro def))
         (core (advice--cd*r chain))
         (own (ignore-errors (documentation core t)))
         (usage nil) (lines ""))
    (when (and (stringp own) (string-match "\\(?:\\`\\|\n\n\\)\\((fn[ )].*\\)\\'" own))
      (setq usage (match-string 1 own) own (substring own 0 (match-beginning 0))))
    (unless usage
      (setq usage (format "%S" (cons 'fn (mapcar (lambda (a) (if (memq a '(&optional &rest)) a (intern (upcase (symbol-name a)))))
                                                 (help-function-arglist core t))))))
    (while (advice--p chain)
      (setq lines (concat lines (advice--make-single-doc chain function macrop))
            chain (advice--cdr chain)))
    (concat (or own "") (if (equal lines "") "\n\n" (concat "\n\n" lines "\n")) usage)))

(defun advice--called-interactively-skip (origin frame1 frame2) "How many backtrace frames past ORIGIN `called-interactively-p' skips for advice, or nil.
FRAME1 and FRAME2 are the frames, as (EVALD FUNCTION . ARGS), at ORIGIN and after it: when
FRAME1 calls a piece of advice the frames of the advice machinery are passed over."
  (when (and (advice--p (car-safe (cdr-safe frame1))) (consp frame2))
    (1+ origin)))

(defun advice--interactive-of (function) "The interactive form of FUNCTION, or nil; never an error."
  (and function (condition-case nil (interactive-form function) (error nil))))

(defun advice-eval-interactive-spec (spec) "Return the argument list that the interactive specification SPEC asks for.
A string is read as `interactive' reads it; any other SPEC is a form to evaluate."
  (if (stringp spec)
      (call-interactively `(lambda (&rest args) (interactive ,spec) args))
    (eval spec)))

(defun advice--command-form (function main) "The `interactive' form a piece of advice of FUNCTION around MAIN carries, or nil."
  (let ((own (advice--interactive-of function))
        (inner (advice--interactive-of main)))
    (cond
     ((and own inner (functionp (cadr own)))
      ;; An advice whose spec is a function receives the wrapped one's spec.
      `(interactive (funcall ',(cadr own) ',(cadr inner))))
     (own own)
     ((and inner (stringp (cadr inner))) inner)
     (inner `(interactive (advice-eval-interactive-spec ',(cadr inner)))))))

(defun advice--make (how function main props) "Return a piece of advice combining FUNCTION with MAIN as HOW says, with PROPS."
  (let ((body (cdr-safe (assq how advice--bodies)))
        (command (advice--command-form function main)))
    (unless body
      (error "Unknown add-function location `%S'" how))
    `(closure ((advice--how . ,how) (advice--car . ,function)
               (advice--cdr . ,main) (advice--props . ,props) t)
              (&rest r)
              ,@(and command (list command))
              ,@body)))

(defun advice--rewrap (advice main) "A copy of the piece ADVICE that wraps MAIN instead."
  (advice--make (advice--where advice) (advice--car advice) main
                (advice--props advice)))

(defun advice--depth (advice)
  (or (cdr-safe (assq 'depth (advice--props advice))) 0))

(defun advice--matches (advice function by-name) "Non-nil if ADVICE is the one FUNCTION designates.
With BY-NAME, FUNCTION is a name and only names are compared; otherwise
FUNCTION matches the advising function or the name."
  (or (equal function (cdr-safe (assq 'name (advice--props advice))))
      (and (not by-name) (equal function (advice--car advice)))))

(defun advice--member-p (function use-name definition) "Return the piece of advice in DEFINITION's chain that FUNCTION designates, or nil.
With USE-NAME non-nil FUNCTION is compared with names only."
  (catch 'advice--found
    (let ((by-name (eq use-name t)))
      (while (advice--p definition)
        (when (advice--matches definition function by-name)
          (throw 'advice--found definition))
        (setq definition (advice--cdr definition))))
    nil))

(defun advice--remove-function (chain function) "Return CHAIN without the pieces of advice FUNCTION designates (by function or name).
CHAIN itself is returned when nothing is removed."
  (if (not (advice--p chain))
      chain
    (let ((rest (advice--remove-function (advice--cdr chain) function)))
      (cond
       ((advice--matches chain function nil) rest)
       ((eq rest (advice--cdr chain)) chain)
       (t (advice--rewrap chain rest))))))

(defun advice--insert (how function props chain) "Return CHAIN with FUNCTION added as HOW with PROPS, at the place its depth gives.
An earlier piece with the same name (or, without a name, the same function)
is taken out first."
  (let* ((name (cdr-safe (assq 'name props)))
         (old (advice--member-p (or name function) (and name t) chain)))
    (when old
      (setq chain (advice--remove-function chain (or name (advice--car old)))))
    ;; Validate HOW before anything is rebuilt, as the error must leave the place alone.
    (unless (assq how advice--bodies)
      (error "Unknown add-function location `%S'" how))
    (let ((depth (or (cdr-safe (assq 'depth props)) 0)))
      (advice--insert-at how function props chain depth))))

(defun advice--insert-at (how function props chain depth)
  ;; The newest piece goes outside every piece of the same or greater depth.
  (if (and (advice--p chain) (< (advice--depth chain) depth))
      (advice--rewrap chain (advice--insert-at how function props
                                               (advice--cdr chain) depth))
    (advice--make how function chain props)))

;;; Places

(defun advice--forwarder-p (object)
  (and (eq (car-safe object) 'closure)
       (eq (car-safe (car-safe (car-safe (cdr-safe object)))) 'advice--global)))

(defun advice--buffer-local (variable) "The buffer-local function value of VARIABLE, for `add-function' on (local VARIABLE).
Without a local value, a function calling the default value stands for it."
  (if (local-variable-p variable)
      (symbol-value variable)
    `(closure ((advice--global . ,variable) t) (&rest args)
              (apply (default-value advice--global) args))))

(defun advice--set-buffer-local (variable value) "Make VALUE VARIABLE's buffer-local value; a bare forwarder removes the local value."
  (if (advice--forwarder-p value)
      (kill-local-variable variable)
    (set (make-local-variable variable) value)))

(gv-define-simple-setter advice--buffer-local advice--set-buffer-local)

(defun advice--normalize-place (place)
  (cond ((eq (car-safe place) 'local) `(advice--buffer-local ,@(cdr-safe place)))
        ((eq (car-safe place) 'var) (nth 1 place))
        ((symbolp place) `(default-value ',place))
        (t place)))

(defun advice--add-function (how ref function props) "Add FUNCTION as HOW with PROPS to the function stored at REF (a `gv-ref')."
  (setf (gv-deref ref) (advice--insert how function props (gv-deref ref))))

(defmacro add-function (how place function &optional props) "Wrap the function stored in PLACE in FUNCTION, combined as HOW says.
PLACE is a generalized variable; a bare symbol means its default value,
\(local SYMBOL) its buffer-local value and (var VARIABLE) a lexical variable.
HOW is one of :around, :before, :after, :override, :after-until,
:after-while, :before-until, :before-while, :filter-args, :filter-return.
PROPS is an alist: `name' names the piece, `depth' (from -100, outermost,
to 100, innermost; default 0) orders it among the others."
  (declare (debug (form [&or symbolp ("local" form) ("var" sexp) gv-place]
                        form &optional form)))
  `(advice--add-function ,how (gv-ref ,(advice--normalize-place place))
                         ,function ,props))

(defmacro remove-function (place function) "Remove FUNCTION, a function or a name, from the advice of PLACE.
PLACE is as for `add-function'."
  (declare (debug ([&or symbolp ("local" form) ("var" sexp) gv-place] form)))
  (gv-letplace (read write) (advice--normalize-place place)
    ;; The place is written only when something was taken out of it.
    (macroexp-let2 nil new `(advice--remove-function ,read ,function)
      (list 'unless (list 'eq new read) (funcall write new)))))

(defun advice-function-member-p (advice function-def) "Return non-nil if ADVICE, a function or a name, is in FUNCTION-DEF's advice."
  (advice--member-p advice nil function-def))

(defun advice-function-mapc (f function-def) "Call F with each advising function of FUNCTION-DEF and its properties, outermost first."
  (let ((piece function-def))
    (while (advice--p piece)
      (funcall f (advice--car piece) (advice--props piece))
      (setq piece (advice--cdr piece)))))

;;; Named functions

;; Advice added before a function is defined (or while it is an autoload)
;; waits on the symbol's `advice--pending' property, its innermost part nil;
;; `defalias' puts it around the definition through `defalias-fset-function'.

(defun advice--macro-forwarder (symbol) "A function calling the expander of the macro SYMBOL stands for, whatever it is then."
  `(closure ((advice--macro-of . ,symbol) t) (&rest args)
            (apply (cdr-safe (indirect-function advice--macro-of)) args)))

(defun advice--macro-forwarder-p (object)
  (and (eq (car-safe object) 'closure)
       (eq (car-safe (car-safe (car-safe (cdr-safe object)))) 'advice--macro-of)))

(defun advice--pending-p (def)
  (or (null def) (autoloadp def)))

(defun advice--symbol-function (symbol) "The advice chain of SYMBOL: its function (a macro's expander), or the pending advice."
  (let ((def (symbol-function symbol)))
    (if (advice--pending-p def)
        (get symbol 'advice--pending)
      (if (eq (car-safe def) 'macro) (cdr-safe def) def))))

(defun advice--core (def) "What advice wraps for the definition DEF, and whether it is a macro: (CORE . MACROP)."
  (cond ((eq (car-safe def) 'macro) (cons (cdr-safe def) t))
        ((and def (symbolp def) (fboundp def)
              (eq (car-safe (indirect-function def)) 'macro))
         (cons (advice--macro-forwarder def) t))
        (t (cons def nil))))

(defun advice--install (symbol chain macro) "Store CHAIN as SYMBOL's function, a macro if MACRO."
  (when (advice--macro-forwarder-p chain)
    ;; Nothing left around an alias of a macro: the alias itself comes back.
    (setq chain (cdr-safe (assq 'advice--macro-of (nth 1 chain))) macro nil))
  (fset symbol (if macro (cons 'macro chain) chain)))

(defun advice--replace-core (chain core) "CHAIN with its innermost part replaced by CORE."
  (if (advice--p chain)
      (advice--rewrap chain (advice--replace-core (advice--cdr chain) core))
    core))

(defun advice--defalias-fset (fsetfun symbol newdef) "Store NEWDEF as SYMBOL's function, keeping the advice SYMBOL has around it.
FSETFUN, when non-nil, does the storing instead of `fset'."
  (let* ((chain (advice--symbol-function symbol))
         (store (or fsetfun #'fset)))
    (cond
     ((not (advice--p chain)) (funcall store symbol newdef))
     ((advice--pending-p newdef)
      (put symbol 'advice--pending (advice--replace-core chain nil))
      (funcall store symbol newdef))
     (t
      (put symbol 'advice--pending nil)
      (let* ((core (advice--core newdef))
             (new (advice--replace-core chain (car-safe core))))
        (funcall store symbol (if (cdr-safe core) (cons 'macro new) new)))))))

(defun advice-add (symbol how function &optional props) "Add FUNCTION as advice of the named function SYMBOL, combined as HOW says.
HOW and PROPS are as for `add-function'.  SYMBOL need not be defined yet:
the advice then applies to the definition it gets later.  A macro's
expander is what gets advised."
  (unless (symbolp symbol) (signal 'wrong-type-argument (list 'symbolp symbol)))
  (let ((def (symbol-function symbol))
        (hook (get symbol 'defalias-fset-function)))
    ;; Everything that may call SYMBOL happens before its new advice is in
    ;; place: SYMBOL may well be a primitive this code uses.
    (unless (advice--member-p #'advice--defalias-fset nil hook)
      (put symbol 'defalias-fset-function
           (advice--insert :around #'advice--defalias-fset nil hook)))
    ;; As in GNU, `documentation' then describes the advice too; the property stays.
    (put symbol 'function-documentation (list 'advice--make-docstring (list 'quote symbol)))
    (if (advice--pending-p def)
        (put symbol 'advice--pending
             (advice--insert how function props (get symbol 'advice--pending)))
      (let ((core (advice--core def)))
        (advice--install symbol (advice--insert how function props (car-safe core))
                         (cdr-safe core)))))
  nil)

(defun advice-remove (symbol function) "Remove FUNCTION, a function or an advice name, from the advice of SYMBOL."
  (unless (symbolp symbol) (signal 'wrong-type-argument (list 'symbolp symbol)))
  (let ((def (symbol-function symbol)))
    (if (advice--pending-p def)
        (let ((pending (get symbol 'advice--pending)))
          (put symbol 'advice--pending (advice--remove-function pending function)))
      (let* ((core (advice--core def))
             (new (advice--remove-function (car-safe core) function)))
        (unless (eq new (car-safe core))
          (advice--install symbol new (cdr-safe core)))))
    (unless (advice--p (advice--symbol-function symbol))
      (put symbol 'advice--pending nil)
      (let* ((hook (get symbol 'defalias-fset-function))
             (rest (advice--remove-function hook #'advice--defalias-fset)))
        (unless (eq rest hook)
          (put symbol 'defalias-fset-function rest)))))
  nil)

(defun advice-member-p (advice symbol) "Return non-nil if ADVICE, a function or a name, advises the named function SYMBOL."
  (unless (symbolp symbol) (signal 'wrong-type-argument (list 'symbolp symbol)))
  (advice--member-p advice nil (advice--symbol-function symbol)))

(defun advice-mapc (f symbol) "Call F with each advising function of SYMBOL and its properties, outermost first."
  (advice-function-mapc f (advice--symbol-function symbol)))

(defmacro define-advice (symbol args &rest body) "Define a piece of advice of SYMBOL and add it.
ARGS is (HOW LAMBDA-LIST &optional NAME DEPTH).  With NAME, the advice is
the function SYMBOL@NAME, defined by BODY; without, an anonymous lambda."
  (declare (indent 2) (doc-string 3) (debug (sexp sexp def-body)))
  (let* ((how (pop args))
         (arglist (pop args))
         (label (pop args))
         (extra (and (car-safe args) (list (list 'quote (list (cons 'depth (car-safe args)))))))
         (fname (and label (intern (format "%s@%s" symbol label)))))
    (if fname
        `(prog1 (defun ,fname ,arglist ,@body)
           (advice-add ',symbol ,how #',fname ,@extra))
      `(prog1 (advice-add ',symbol ,how #'(lambda ,arglist ,@body) ,@extra)))))

(provide 'nadvice)
