;;; easy-mmode.el --- define-minor-mode and define-globalized-minor-mode  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs Lisp manual ("Defining Minor Modes").  Autoloaded.

(defun easy-mmode--pretty (mode) "MODE's name for people: \"foo-bar-mode\" gives \"Foo-Bar mode\"."
  (let ((base (replace-regexp-in-string "-mode\\'" "" (symbol-name mode))))
    (concat (capitalize base) " mode")))

(defun easy-mmode-define-keymap (bindings &optional name m args) "Return a keymap holding BINDINGS, a list of (KEY . COMMAND); KEY may be a list of keys.
NAME is the new keymap's prompt; M, when a keymap, receives the bindings
and is returned instead of a new one.  ARGS may hold :inherit MAP (the
parent), :name NAME, :dense (a full keymap) and :suppress."
  (let* ((prompt (or name (plist-get args :name)))
         (map (cond ((keymapp m) m)
                    ((plist-get args :dense) (make-keymap prompt))
                    (t (make-sparse-keymap prompt))))
         (parent (plist-get args :inherit)))
    (when (plist-get args :suppress) (suppress-keymap map (eq (plist-get args :suppress) 'nodigits)))
    (when parent (set-keymap-parent map parent))
    (dolist (binding bindings map)
      (let ((command (cdr binding))
            (keys (car binding)))
        (mapc (lambda (key) (define-key map key command))
              (if (consp keys) keys (list keys)))))))

(defmacro easy-mmode-defmap (m bs doc &rest args) "Define the constant M as a keymap holding the bindings BS, documented by DOC.
ARGS are keyword arguments for `easy-mmode-define-keymap'; evaluated
again, the definition adds to the keymap M already holds."
  (declare (indent 1))
  (list 'defconst m
        (list 'easy-mmode-define-keymap bs nil (list 'if (list 'boundp (list 'quote m)) m) (cons 'list args))
        doc))

(defun easy-mmode-define-syntax (css args) "Return a syntax table with the entries CSS, each (CHARS . SYNTAX).
CHARS is a character or a sequence of them; SYNTAX a descriptor as
`modify-syntax-entry' takes.  ARGS may hold :copy or :inherit TABLE, the
table the new one falls back on."
  (let ((table (make-syntax-table (or (plist-get args :copy) (plist-get args :inherit)))))
    (dolist (entry css table)
      (let ((desc (cdr entry))
            (chars (car entry)))
        (mapc (lambda (ch) (modify-syntax-entry ch desc table))
              (if (characterp chars) (list chars) chars))))))

(defmacro easy-mmode-defsyntax (st css doc &rest args) "Define the constant ST as a syntax table made from the entries CSS, documented by DOC.
ARGS are keyword arguments for `easy-mmode-define-syntax'."
  (declare (indent 1))
  (list 'progn
        '(autoload 'easy-mmode-define-syntax "easy-mmode")
        (list 'defconst st (list 'easy-mmode-define-syntax css (cons 'list args)) doc)))

(defun easy-mmode--split (body) "Split BODY of `define-minor-mode' into (KEYWORD-PLIST . FORMS).
Keywords come in pairs until the first form that is not a keyword."
  (let ((plist nil))
    (while (keywordp (car body))
      (setq plist (cons (cadr body) (cons (car body) plist))
            body (cddr body)))
    (cons (nreverse plist) body)))

(defmacro define-minor-mode (mode doc &rest body) "Define MODE as a minor mode: a command and, by default, a variable of that name.
DOC documents the command.  BODY opens with keyword arguments and then
forms run each time the mode is turned on or off, before its hooks:
  :global FLAG       the mode is the same in every buffer;
  :init-value VALUE  the variable's first value (nil by default);
  :lighter STRING    mode-line text shown while it is on;
  :keymap MAP        its keymap, or a list of (KEY . COMMAND) for one;
  :variable PLACE    where the state lives instead of MODE's variable:
                     a place `setf' accepts, or (GET . SET);
  :after-hook FORM   evaluated after the hooks;
  :interactive FLAG  nil makes the mode function no command;
  :group, :type, :require, :version and other `defcustom' keywords for a
  global mode.
The command takes ARG: `toggle' switches the mode, a number below 1
turns it off, and anything else (nil included) turns it on.  It runs
MODE-hook, then MODE-on-hook or MODE-off-hook, and returns the new state."
  (declare (doc-string 2) (indent defun)
           (debug (&define name string-or-null-p [&rest [keywordp sexp]] def-body)))
  ;; The old positional form: INIT-VALUE LIGHTER KEYMAP before the keywords.
  (unless (keywordp (car body))
    (when body
      (let ((init (pop body)) (lighter (pop body)) (km (pop body)))
        (setq body `(:init-value ,init :lighter ,lighter :keymap ,km ,@body)))))
  (let* ((split (easy-mmode--split body))
         (keys (car split)) (forms (cdr split))
         (global (plist-get keys :global))
         (init (plist-get keys :init-value))
         (lighter (plist-get keys :lighter))
         (keymap-given (plist-member keys :keymap))
         (keymap (plist-get keys :keymap))
         (variable (plist-get keys :variable))
         (after (plist-get keys :after-hook))
         (interactive (if (plist-member keys :interactive) (plist-get keys :interactive) t))
         (pretty (easy-mmode--pretty mode))
         (hook (intern (concat (symbol-name mode) "-hook")))
         (on-hook (intern (concat (symbol-name mode) "-on-hook")))
         (off-hook (intern (concat (symbol-name mode) "-off-hook")))
         (map-var (intern (concat (symbol-name mode) "-map")))
         (custom-keys nil)
         getter setter)
    ;; What the mode variable is: MODE itself, another variable, or a place.
    (cond ((null variable)
           (setq getter (if global `(default-value ',mode) mode)
                 setter (if global (lambda (v) `(setq-default ,mode ,v)) (lambda (v) `(setq ,mode ,v)))))
          ((and (consp variable) (functionp (cdr variable)))
           ;; (GET . SET): an expression to read the state, and a function (a
           ;; defined name or a lambda form) to store it.
           (setq getter (car variable)
                 setter (let ((f (cdr variable))) (lambda (v) `(funcall #',f ,v)))))
          (t (setq getter variable
                   setter (lambda (v) `(setf ,variable ,v)))))
    (when (and variable (not (symbolp variable)) (or lighter (and keymap-given keymap)))
      (error ":lighter and :keymap unsupported with mode expression %S" getter))
    ;; Keywords the mode does not use itself go to `defcustom'.
    (let ((k keys))
      (while k
        (unless (memq (car k) '(:global :init-value :lighter :keymap :variable :after-hook
                                :interactive :extra-args))
          (setq custom-keys (append custom-keys (list (car k) (cadr k)))))
        (setq k (cddr k))))
    (let ((list-var (if global 'global-minor-modes 'local-minor-modes))
          (map-form (cond ((not keymap-given) `(if (boundp ',map-var) ,map-var))
                          ((null keymap) nil)
                          ((symbolp keymap) keymap)
                          (t map-var))))
      `(progn
         ,(cond (variable nil)
                (global
                 `(defcustom ,mode ,init
                    ,(format "Non-nil while %s is on; call `%s' to change it." pretty mode)
                    ,@custom-keys
                    :set #'custom-set-minor-mode
                    :initialize #'custom-initialize-default
                    :type 'boolean))
                (t `(defvar-local ,mode ,init
                      ,(format "Non-nil while %s is on in this buffer; call `%s' to change it."
                               pretty mode))))
         (defun ,mode (&optional arg)
           ,(concat (or doc (format "Toggle %s." pretty))
                    (if (and doc (string-match-p "\\bARG\\b" doc)) ""
                      (format "\n\nFrom Lisp, ARG `toggle' switches the mode, a number below 1 turns it
off and any other value, nil included, turns it on.  The value is the
new state, kept in %s." (if (symbolp getter) (format "`%s'" getter) "its place"))))
           ,@(when interactive
               '((interactive (list (if current-prefix-arg
                                        (prefix-numeric-value current-prefix-arg)
                                      'toggle)))))
           ,(funcall setter `(cond ((eq arg 'toggle) (not ,getter))
                                     ((and (numberp arg) (< arg 1)) nil)
                                     (t t)))
           (when (boundp ',list-var)
             (setq ,list-var (delq ',mode ,list-var))
             (when ,getter (setq ,list-var (cons ',mode ,list-var))))
           ,@forms
           (run-hooks ',hook (if ,getter ',on-hook ',off-hook))
           ,@(when after (list after))
           (force-mode-line-update)
           ,getter)
         (defvar ,hook nil)
         (unless (get ',hook 'variable-documentation)
           (put ',hook 'variable-documentation
                ,(format "Normal hook run each time `%s' is turned on or off." mode)))
         (put ',hook 'custom-type 'hook)
         (put ',hook 'standard-value (list nil))
         ,@(when (and keymap-given keymap (not (symbolp keymap)))
             `((defvar ,map-var
                 (let ((m ,keymap))
                   (cond ((keymapp m) m)
                         ((listp m) (easy-mmode-define-keymap m))
                         (t (error "Invalid keymap %S" m))))
                 ,(format "Keymap of `%s'." mode))))
         ,(unless (and variable (not (symbolp variable)))
            `(with-no-warnings
               (add-minor-mode ',(if (and variable (symbolp variable)) variable mode)
                               ',lighter ,map-form nil
                               ,(when (and variable (symbolp variable)) `',mode))))))))

(defun custom-set-minor-mode (variable value) "The `:set' of a global minor mode's option: call its command with 1 or -1."
  (funcall (or (get variable 'custom-set-function) variable) (if value 1 -1)))

(defmacro define-globalized-minor-mode (global mode turn-on &rest body) "Define GLOBAL, a global minor mode that turns the buffer-local MODE on everywhere.
TURN-ON is a function called in each buffer to turn MODE on there when
it fits; it runs in every existing buffer when GLOBAL is turned on and
in each buffer whose major mode is set up while GLOBAL is on.  Turning
GLOBAL off turns MODE off in every buffer.  BODY holds keywords, as for
`define-minor-mode', and forms run when GLOBAL changes.  The keyword
:predicate gives the major modes where MODE is wanted (see
`easy-mmode--globalized-predicate-p'); it becomes the initial value of
the option GLOBAL-modes."
  (declare (doc-string 2) (indent defun))
  (let* ((doc (when (stringp (car body)) (car body)))
         (split (easy-mmode--split (if doc (cdr body) body)))
         (keys (car split)) (forms (cdr split))
         (name (symbol-name global))
         (pending (intern (concat name "-buffers")))
         (enable (intern (concat name "-enable-in-buffers")))
         (check (intern (concat name "-check-buffers")))
         (cmhh (intern (concat name "-cmhh")))
         (major-var (intern (concat (symbol-name mode) "-major-mode")))
         (explicit (intern (concat (symbol-name mode) "-set-explicitly")))
         (pretty (easy-mmode--pretty mode))
         (has-pred (plist-member keys :predicate))
         (modes-var (intern (concat name "-modes")))
         (switch-on (if has-pred
                        `(when (easy-mmode--globalized-predicate-p ,modes-var) (funcall #',turn-on))
                      `(funcall #',turn-on)))
         (k keys) (kept nil))
    (while k
      (unless (memq (car k) '(:predicate))
        (setq kept (append kept (list (car k) (cadr k)))))
      (setq k (cddr k)))
    `(progn
       ,@(when has-pred
           `((defcustom ,modes-var ,(plist-get keys :predicate)
               ,(format "Major modes where `%s' turns on `%s'." global mode)
               :type '(repeat sexp))))
       (put ',global 'globalized-minor-mode t)
       (defvar-local ,major-var nil)
       (define-minor-mode ,global
         ,(or doc (format "Turn %s on in every buffer where `%s' allows it." pretty turn-on))
         :global t ,@kept
         (if ,global
             (progn (add-hook 'after-change-major-mode-hook #',enable)
                    (add-hook 'find-file-hook #',check)
                    (add-hook 'change-major-mode-hook #',cmhh))
           (remove-hook 'after-change-major-mode-hook #',enable)
           (remove-hook 'find-file-hook #',check)
           (remove-hook 'change-major-mode-hook #',cmhh))
         (dolist (buf (buffer-list))
           (with-current-buffer buf (if ,global ,switch-on (when ,mode (,mode -1)))))
         ,@forms)
       (defvar-local ,explicit nil)
       (defun ,explicit () (setq ,explicit t))
       (put ',explicit 'definition-name ',global)
       (add-hook ',(intern (concat (symbol-name mode) "-hook")) #',explicit)
       (defvar ,pending nil)
       (defun ,enable ()
         (let ((todo ,pending))
           (setq ,pending nil)
           (dolist (buf todo)
             (when (buffer-live-p buf)
               (with-current-buffer buf
                 (unless ,explicit
                   (unless (eq ,major-var major-mode)
                     (when ,mode (,mode -1))
                     ,switch-on))
                 (setq ,major-var major-mode))))))
       (put ',enable 'definition-name ',global)
       (defun ,check ()
         (,enable)
         (remove-hook 'post-command-hook #',check))
       (put ',check 'definition-name ',global)
       (defun ,cmhh ()
         (add-to-list ',pending (current-buffer))
         (add-hook 'post-command-hook #',check))
       (put ',cmhh 'definition-name ',global))))

(defun easy-mmode--globalized-predicate-p (predicate) "Return t when the current major mode is among those PREDICATE accepts.
PREDICATE is t (every mode), nil (none), (not MODE...) (every mode but
those and the ones derived from them), or a list whose elements are
tried in turn: a MODE accepts its mode and those derived from it, an
element (not MODE...) refuses them, t accepts anything; no decision
means no."
  (cond ((memq predicate '(nil t)) predicate)
        ((eq (car-safe predicate) 'not)
         (if (apply #'derived-mode-p (cdr predicate)) nil t))
        (t (let ((verdict 'undecided))
             (while (and predicate (eq verdict 'undecided))
               (let ((elt (car predicate)))
                 (cond ((eq elt t) (setq verdict t))
                       ((eq (car-safe elt) 'not)
                        (when (apply #'derived-mode-p (cdr elt)) (setq verdict nil)))
                       ((derived-mode-p elt) (setq verdict t))))
               (setq predicate (cdr predicate)))
             (eq verdict t)))))

(defalias 'easy-mmode-define-minor-mode #'define-minor-mode)
(defalias 'easy-mmode-define-global-mode #'define-globalized-minor-mode)
(defalias 'define-global-minor-mode #'define-globalized-minor-mode)

(provide 'easy-mmode)

;; End of easy-mmode.el.
