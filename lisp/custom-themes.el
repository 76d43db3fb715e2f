;;; custom-themes.el --- Custom themes, saved settings and their precedence  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A theme is a symbol with three properties: `theme-feature' (the feature its
;; file provides), `theme-documentation', and `theme-settings', a list of
;; (PROP SYMBOL THEME VALUE-FORM), newest first.  PROP is `theme-value' for a
;; variable and `theme-face' for a face.  Each variable or face keeps, under
;; PROP, the list of (THEME VALUE-FORM) of the enabled themes that set it, the
;; one in force first: `user' (what `custom-set-variables' and Customize set)
;; always ahead of the others, then the themes most recently enabled, and at
;; the end `changed', the value it had before any theme touched it.
;;
;; `user' and `changed' are always known; `user' is always in force but never
;; listed in `custom-enabled-themes'.  Settings of another theme take effect
;; only when it is enabled.

;;; Code:

(defvar init-file-user nil "The user whose init file was loaded, or nil when none was (as with -q).
tsmacs reads no init file, so this stays nil unless a program sets it.")

(defcustom custom-file nil "The file customizations are saved in, or nil for the init file."
  :type '(choice (const :tag "Your Emacs init file" nil) (file :format "%t:%v%d"))
  :group 'customize)

(defcustom custom-theme-directory "~/.emacs.d/" "The folder where `load-theme' looks for themes first, by default."
  :type 'string :group 'customize :version "22.1")

(defcustom custom-theme-load-path '(custom-theme-directory t) "Where `load-theme' looks for THEME-theme.el files.
Each element is a folder name, the symbol `custom-theme-directory' for that
variable's value, or t for the \"themes\" folder of `data-directory'."
  :type '(repeat (choice (const :tag "custom-theme-directory" custom-theme-directory)
                         (const :tag "Built-in theme directory" t)
                         directory))
  :group 'customize :version "24.1")

(defcustom custom-safe-themes '(default) "Themes that `load-theme' may load without asking.
A list of SHA-256 hashes of theme files, and `default' for the themes that come
with Emacs; t means every theme is safe."
  :type '(choice (repeat (choice string (const :tag "Built-in themes" default)))
                 (other :tag "All themes" t))
  :group 'customize)

(defvar custom-known-themes '(user changed) "The themes defined so far, newest first.")

(defvar custom--inhibit-theme-enable 'apply-only-user "Whether settings recorded for a theme take effect at once.
nil: they do; `apply-only-user': only those of the `user' theme; another
value: none, they wait for `enable-theme'.")

;;;; Themes as symbols

(defun custom-theme-p (theme) "Non-nil when THEME has been defined as a Custom theme."
  (memq theme custom-known-themes))

(defun custom-theme-enabled-p (theme) "Non-nil when THEME is enabled (is in `custom-enabled-themes')."
  (memq theme custom-enabled-themes))

(defun custom-theme-name-valid-p (name) "Non-nil when NAME may name a theme: a symbol other than nil, `user' and `changed'."
  (and name (symbolp name) (not (memq name '(user changed))) t))

(defun custom--valid-name-or-error (th) "Signal GNU's error unless TH may name a theme."
  (or (custom-theme-name-valid-p th) (error "Custom theme cannot be named %S" th)))

(defun custom-check-theme (theme) "Signal an error unless THEME is a known theme."
  (or (custom-theme-p theme) (error "Unknown theme `%s'" theme)))

(defun custom-make-theme-feature (theme) "The feature THEME's file provides: THEME-theme."
  (intern (format "%s-theme" theme)))

(defun custom-declare-theme (theme feature &optional doc &rest _ignored) "Make THEME a known theme whose file provides FEATURE, documented by DOC."
  (custom--valid-name-or-error theme)
  (or (custom-theme-p theme) (setq custom-known-themes (cons theme custom-known-themes)))
  (custom--theme-props theme 'theme-feature feature)
  (and doc (custom--theme-props theme 'theme-documentation doc)))

(defmacro deftheme (theme &optional doc &rest _ignored) "Define THEME, a Custom theme documented by DOC.
The file that defines it should be THEME-theme.el and end with `provide-theme'."
  (declare (doc-string 2) (indent 1))
  (or (symbolp theme) (signal 'wrong-type-argument (list 'symbolp theme)))
  `(custom-declare-theme ',theme ',(custom-make-theme-feature theme) ,doc))

(defun provide-theme (theme) "Say that THEME's definition is complete: provide its feature."
  (custom--valid-name-or-error theme)
  (custom-check-theme theme)
  (provide (custom--theme-props theme 'theme-feature)))

(defun custom--theme-props (th prop &rest new) "TH's PROP, or, given NEW, make its one element the new value and return it."
  (if new (put th prop (car new)) (get th prop)))

;;;; Recording settings

(defun custom--same-setting-p (setting prop sym) "Whether SETTING, an element of a theme's settings, is about PROP of SYM."
  (and (eq (nth 0 setting) prop) (eq (nth 1 setting) sym)))

(defun custom--drop-setting (th prop sym) "Remove TH's setting of PROP of SYM from its settings, if it has one."
  (let ((kept nil))
    (dolist (setting (custom--theme-props th 'theme-settings))
      (or (custom--same-setting-p setting prop sym) (push setting kept)))
    (custom--theme-props th 'theme-settings (nreverse kept))))

(defun custom--add-setting (th prop sym form) "Make TH's setting of PROP of SYM the form FORM, newest of its settings."
  (custom--drop-setting th prop sym)
  (custom--theme-props th 'theme-settings (cons (list prop sym th form) (custom--theme-props th 'theme-settings))))

(defun custom--value-before-themes (var) "The list (FORM) of VAR's value before any theme set it, or nil when that is its standard value.
A variable without a value has none either."
  (and (default-boundp var)
       (let ((current (default-value var)))
         (unless (custom--equals-form-p current (get var 'standard-value))
           (list (custom-quote current))))))

(defun custom--put-entry (prop sym th form) "Put (TH FORM) in front of SYM's PROP list, replacing TH's old entry.
A variable's first entry brings one for `changed' with it, when it had a value of its own."
  (let* ((old (get sym prop))
         (rest (if old
                   (delq (assq th old) old)
                 (let ((before (and (eq prop 'theme-value) (custom--value-before-themes sym))))
                   (and before (list (cons 'changed before)))))))
    (put sym prop (cons (list th form) rest))))

(defun custom-push-theme (prop symbol theme mode &optional value) "Record that THEME gives PROP of SYMBOL the form VALUE.
PROP is `theme-value' or `theme-face'.  MODE `set' records it, `reset' removes
THEME's setting again.  The setting is kept in THEME's `theme-settings'; SYMBOL
gets it too when THEME is `user' or enabled."
  (let ((entry (assq theme (get symbol prop))))
    (pcase mode
      ('reset
       (when entry (put symbol prop (delq entry (get symbol prop))))
       (custom--drop-setting theme prop symbol)
       nil)
      (_
       (cond (entry (setcar (cdr entry) value))
             ((or (eq theme 'user) (custom-theme-enabled-p theme)) (custom--put-entry prop symbol theme value)))
       (custom--add-setting theme prop symbol value)))))

(defun custom--should-apply-setting (theme) "Whether a setting recorded now for THEME takes effect at once."
  (pcase custom--inhibit-theme-enable
    ('nil t)
    ('apply-only-user (eq theme 'user))
    (_ nil)))

(defun custom--place-after-deps (todo all visiting acc) "Add the entries TODO to ACC, (PLACED . ORDER), each after its dependencies in ALL.
VISITING holds the variables whose dependencies are being placed, so that a cycle ends."
  (dolist (entry todo)
    (or (consp entry) (signal 'wrong-type-argument (list 'listp entry)))
    (let ((var (car entry)))
      (unless (or (memq var (car acc)) (memq var visiting))
        (custom--place-after-deps (delq nil (mapcar (lambda (dep) (assq dep all)) (get var 'custom-dependencies)))
                                  all (cons var visiting) acc)
        (setcar acc (cons var (car acc)))
        (setcdr acc (cons entry (cdr acc)))))))

(defun custom--in-dependency-order (entries) "ENTRIES of `custom-theme-set-variables', each after those its variable depends on.
A variable's dependencies are its `custom-dependencies' property; a cycle is cut
where it closes."
  (let ((acc (list nil)))
    (custom--place-after-deps entries entries nil acc)
    (reverse (cdr acc))))

(defun custom--call-setter (var value) "Give VAR the value VALUE through its `:set' function, or `set-default'."
  (funcall (or (get var 'custom-set) #'set-default) var value))

(defun custom-theme-set-variables (theme &rest args) "Record what THEME sets variables to: ARGS are lists (SYMBOL EXP [NOW [REQUEST [COMMENT]]]).
EXP is the form of the value.  NOW non-nil sets SYMBOL even when it has no
definition yet; REQUEST is a list of features to load first; COMMENT is kept as
the saved comment.  The `user' theme's settings take effect at once, another
theme's when it is enabled."
  (custom-check-theme theme)
  (let ((user (eq theme 'user))
        (apply-now (custom--should-apply-setting theme)))
    (dolist (entry (custom--in-dependency-order args))
      (pcase-let ((`(,name ,form ,now ,features ,note) entry))
        (let ((var (indirect-variable name)))
          (when features
            (put var 'custom-requests features)
            (mapc (lambda (f) (ignore-errors (require f))) features))
          (custom-push-theme 'theme-value var theme 'set form)
          (when user
            (put var 'saved-value (list form))
            (put var 'saved-variable-comment note))
          (when (and apply-now (or now (default-boundp var)))
            (if now (put var 'force-value t))
            (condition-case failure
                (funcall (or (get var 'custom-set) #'custom-set-default) var (eval form t))
              (error (message "Error setting %s: %s" var failure)))))))))

(defun custom-set-variables (&rest args) "Set variables as the user's saved customizations: ARGS as for `custom-theme-set-variables'."
  (apply #'custom-theme-set-variables 'user args))

(defun custom-theme-set-faces (theme &rest args) "Record what THEME makes faces look like: ARGS are lists (FACE SPEC [NOW [COMMENT]]).
NOW non-nil makes FACE a face when it is not one yet."
  (custom-check-theme theme)
  (let ((user (eq theme 'user))
        (apply-now (custom--should-apply-setting theme)))
    (dolist (entry args)
      (or (consp entry) (signal 'wrong-type-argument (list 'listp entry)))
      (pcase-let ((`(,name ,spec ,now ,note) entry))
        (let ((face (or (get name 'face-alias) name)))
          (custom-push-theme 'theme-face face theme 'set spec)
          (when user
            (put face 'saved-face spec)
            (put face 'saved-face-comment note))
          (when (and apply-now (or now (facep face)))
            (or (facep face) (make-empty-face face))
            (face-spec-recalc face nil)))))))

(defun custom-set-faces (&rest args) "Set faces as the user's saved customizations: ARGS as for `custom-theme-set-faces'."
  (apply #'custom-theme-set-faces 'user args))

(defun custom--drop-all (prop th entries) "Remove TH's PROP settings of the first element of each of ENTRIES."
  (custom-check-theme th)
  (mapc (lambda (e) (custom-push-theme prop (car e) th 'reset)) entries)
  nil)

(defun custom-theme-reset-variables (theme &rest args) "Remove THEME's settings of the variables in ARGS, lists (VARIABLE IGNORED)."
  (custom--drop-all 'theme-value theme args))

(defun custom-reset-variables (&rest args) "Remove the user's saved settings of the variables in ARGS, lists (VARIABLE IGNORED)."
  (custom--drop-all 'theme-value 'user args))

(defun custom-theme-reset-faces (theme &rest args) "Remove THEME's specs of the faces in ARGS, lists (FACE IGNORED)."
  (custom--drop-all 'theme-face theme args))

(defun custom-reset-faces (&rest args) "Remove the user's saved specs of the faces in ARGS, lists (FACE IGNORED)."
  (custom--drop-all 'theme-face 'user args))

;;;; What is in force

(defun custom-variable-theme-value (variable) "The list (VALUE-FORM) of the theme setting of VARIABLE in force, or nil."
  (cdar (get variable 'theme-value)))

(defun custom-theme-recalc-variable (variable) "Give VARIABLE the value its themes choose, or its standard value when none does.
A variable with no definition yet keeps the chosen form as its saved value, for
its `defcustom' to find."
  (let ((chosen (custom-variable-theme-value variable))
        (settable (or (get variable 'force-value) (default-boundp variable))))
    (cond ((and chosen (not settable)) (put variable 'saved-value chosen))
          (chosen (custom--call-setter variable (eval (car chosen) t)))
          (t (put variable 'saved-value nil)
             (let ((std (get variable 'standard-value)))
               (and std settable (custom--call-setter variable (eval (car std) t))))))))

(defun custom-theme-recalc-face (face) "Give FACE the look its themes choose."
  (let ((real (or (get face 'face-alias) face)))
    (and (facep real) (face-spec-recalc real nil))))

(defun custom--recalc (prop sym) "Recompute SYM, whose PROP list of theme entries changed."
  (if (eq prop 'theme-face) (custom-theme-recalc-face sym) (custom-theme-recalc-variable sym)))

(defun custom--read-theme (prompt names must-match) "Read a theme's name with PROMPT, completing over the symbols NAMES.
MUST-MATCH non-nil accepts only one of them."
  (intern (completing-read prompt (mapcar #'symbol-name names) nil must-match)))

(defun enable-theme (theme) "Put THEME's settings in force, ahead of every theme but `user'.
THEME must be loaded already (see `load-theme')."
  (interactive (list (custom--read-theme "Enable custom theme: " (remq 'user (remq 'changed custom-known-themes)) t)))
  (or (custom-theme-p theme) (error "Undefined Custom theme %s" theme))
  ;; The settings list itself is left as it is: enabling changes only the variables and faces.
  (pcase-dolist (`(,prop ,sym ,_ ,form) (custom--theme-props theme 'theme-settings))
    (custom--put-entry prop sym theme form)
    (custom--recalc prop sym))
  (unless (eq theme 'user)
    (setq custom-enabled-themes (cons theme (remq theme custom-enabled-themes)))
    ;; The user's own settings stay ahead of every theme.
    (enable-theme 'user))
  nil)

(defun disable-theme (theme) "Take THEME's settings out of force; nothing happens when it is not enabled."
  (interactive (list (custom--read-theme "Disable custom theme: " custom-enabled-themes t)))
  (when (custom-theme-enabled-p theme)
    (pcase-dolist (`(,prop ,sym . ,_) (custom--theme-props theme 'theme-settings))
      (let ((entry (assq theme (get sym prop))))
        (when entry
          (put sym prop (delq entry (get sym prop)))
          (custom--recalc prop sym))))
    (setq custom-enabled-themes (remq theme custom-enabled-themes)))
  nil)

(defun custom--set-enabled-themes (symbol themes) "The `:set' of `custom-enabled-themes': make exactly THEMES enabled, the first ahead."
  (dolist (old custom-enabled-themes) (or (memq old themes) (disable-theme old)))
  (dolist (th (reverse themes))
    (if (custom-theme-p th) (enable-theme th) (load-theme th t)))
  (set-default symbol themes))

(defcustom custom-enabled-themes nil "The enabled Custom themes, the one in force first.
Setting it through Customize enables and disables themes to match."
  :type '(repeat symbol) :set #'custom--set-enabled-themes :initialize #'custom-initialize-default
  :group 'customize :risky t :version "24.1")

;;;; Finding and loading theme files

(defun custom--builtin-theme-dir () "The \"themes\" folder of `data-directory', as a directory name."
  (file-name-as-directory (expand-file-name "themes" data-directory)))

(defun custom-theme--load-path () "The folders of `custom-theme-load-path' that exist, in its order."
  (let ((dirs (mapcar (lambda (elt)
                        (pcase elt
                          ('custom-theme-directory custom-theme-directory)
                          ('t (directory-file-name (custom--builtin-theme-dir)))
                          (_ elt)))
                      custom-theme-load-path)))
    (delete-dups (delq nil (mapcar (lambda (d) (and (stringp d) (file-directory-p d) d)) dirs)))))

(defun custom-available-themes () "The themes that `load-theme' can find on `custom-theme-load-path'."
  (let ((names nil))
    (dolist (dir (custom-theme--load-path))
      (dolist (file (directory-files dir nil "\\`[^.].*-theme\\.el\\'"))
        (let ((name (intern (substring file 0 -9))))
          (and (custom-theme-name-valid-p name) (push name names)))))
    (delete-dups (nreverse names))))

(defun require-theme (feature &optional noerror) "Like `require', but looking for FEATURE's file along `custom-theme-load-path'."
  (let ((load-path (custom-theme--load-path)))
    (require feature nil noerror)))

(defun custom-theme-load-confirm (hash) "Ask whether to load a theme file whose SHA-256 is HASH; in batch, refuse.
A yes adds HASH to `custom-safe-themes'."
  (and (not noninteractive)
       (yes-or-no-p "This theme is not known to be safe, and a theme file is Lisp that runs.  Load it? ")
       (progn (setq custom-safe-themes (cons hash (and (listp custom-safe-themes) custom-safe-themes)))
              t)))

(defun custom--may-load-theme-file-p (file) "Whether the theme FILE may be loaded without asking the user."
  (or (eq custom-safe-themes t)
      (and (memq 'default custom-safe-themes)
           (string= (file-name-directory (expand-file-name file)) (custom--builtin-theme-dir)))
      (member (custom--file-sha256 file) custom-safe-themes)))

(defun custom--file-sha256 (file) "The SHA-256 of FILE's contents, in hex."
  (with-temp-buffer
    (insert-file-contents file)
    (secure-hash 'sha256 (current-buffer))))

(defun custom--forget-theme (th) "Disable TH and drop what its file set, before that file is loaded again."
  (disable-theme th)
  (dolist (prop '(theme-settings theme-feature theme-documentation))
    (put th prop nil)))

(defun load-theme (theme &optional no-confirm no-enable) "Load the Custom theme THEME from THEME-theme.el and enable it.
The file is looked for along `custom-theme-load-path'.  Unless NO-CONFIRM, a
theme not in `custom-safe-themes' needs the user's yes.  NO-ENABLE loads the
theme without enabling it.  Return t."
  (interactive (list (custom--read-theme "Load custom theme: " (custom-available-themes) nil)))
  (or (custom-theme-name-valid-p theme) (error "Invalid theme name `%s'" theme))
  (if (custom-theme-p theme) (custom--forget-theme theme))
  (let ((file (locate-file (format "%s-theme.el" theme) (custom-theme--load-path) '("" "c"))))
    (cond ((null file) (error "Unable to find theme file for `%s'" theme))
          ((not (or no-confirm
                    (custom--may-load-theme-file-p file)
                    (custom-theme-load-confirm (custom--file-sha256 file))))
           (error "Unable to load theme `%s'" theme)))
    ;; What the file sets waits for `enable-theme'.
    (let ((custom--inhibit-theme-enable t))
      (load file nil t))
    (or no-enable (enable-theme theme))
    t))

;;;; Customize's own settings

(defun custom--set-comment (var text props) "Put TEXT under each of PROPS of VAR; nil leaves them, \"\" removes them."
  (when text
    (let ((new (if (equal text "") nil text)))
      (dolist (p props) (put var p new)))))

(defun custom--as-user (var value) "Make VALUE the user theme's setting of VAR and give it to VAR through its setter.
The theme entry comes first, so that `changed' keeps the value VAR had."
  (custom-push-theme 'theme-value var 'user 'set (custom-quote value))
  (custom--call-setter var value))

(defun customize-set-variable (variable value &optional comment) "Give VARIABLE the value VALUE as Customize would, for this session.
Its `:set' function does the setting; the value is marked as customized.
COMMENT, when non-nil, becomes its comment (\"\" removes it).  Return VALUE."
  (interactive (list (read-variable "Set variable: ") (eval-minibuffer "Set to: ")))
  (custom--as-user variable value)
  (put variable 'customized-value (list (custom-quote value)))
  (custom--set-comment variable comment '(variable-comment customized-variable-comment))
  value)

(defun customize-set-value (variable value &optional comment) "Set VARIABLE to VALUE, as `set' does, with COMMENT as its comment.
Return VALUE."
  (interactive (list (read-variable "Set variable: ") (eval-minibuffer "Set to: ")))
  (prog1 (set variable value)
    (custom--set-comment variable comment '(variable-comment))))

(defun custom--equals-form-p (value forms) "Whether VALUE is what the first of FORMS, a saved or standard value list, evaluates to."
  (and forms
       (condition-case nil
           (equal value (eval (car forms) t))
         (error nil))))

(defun customize-mark-as-set (symbol) "Note SYMBOL's current default value as set through Customize.
It becomes its `customized-value' when it differs from the saved value (or
else the standard one).  Return non-nil when that property changed."
  (let ((now (default-value symbol))
        (before (get symbol 'customized-value)))
    (custom-push-theme 'theme-value symbol 'user 'set (custom-quote now))
    (put symbol 'customized-value
         (if (custom--equals-form-p now (or (get symbol 'saved-value) (get symbol 'standard-value)))
             nil
           (list (custom-quote now))))
    (not (equal before (get symbol 'customized-value)))))

(defun customize-mark-to-save (symbol) "Note SYMBOL's current default value as to be saved.
It becomes its `saved-value' unless it is the standard value; the customized
value is dropped and the customized comment becomes the saved one.  Return
non-nil when the saved value changed."
  (let ((now (default-value symbol))
        (before (get symbol 'saved-value)))
    (put symbol 'saved-value
         (if (custom--equals-form-p now (get symbol 'standard-value)) nil (list (custom-quote now))))
    (put symbol 'saved-variable-comment (get symbol 'customized-variable-comment))
    (put symbol 'customized-value nil)
    (not (equal before (get symbol 'saved-value)))))

(defun customize-save-variable (variable value &optional comment) "Give VARIABLE the value VALUE and save it for future sessions.
With no init file (as with -q, and always in tsmacs, which reads none), the
value is set for this session only, with a message saying so.  Return VALUE."
  (interactive (list (read-variable "Set and save variable: ") (eval-minibuffer "Set and save to: ")))
  (custom--as-user variable value)
  (put variable 'saved-value (list (custom-quote value)))
  (custom--set-comment variable comment '(variable-comment saved-variable-comment))
  (dolist (p '(customized-value customized-variable-comment)) (put variable p nil))
  (if init-file-user
      (custom-save-all)
    (message "Setting `%s' temporarily since \"emacs -q\" would overwrite customizations" variable))
  value)

(defun custom-note-var-changed (variable) "Mark VARIABLE's current value as customized, as if set through Customize."
  (put variable 'customized-value (list (custom-quote (eval variable t)))))

(defun custom-add-choice (variable choice) "Add CHOICE to the `choice' type of VARIABLE, unless it is there already.
Alternatives are told apart by what follows their tag and its string: two
without a :tag count as the same."
  (let ((type (get variable 'custom-type)))
    (or (eq (car type) 'choice) (error "Not a choice type: %s" type))
    (let ((key (lambda (alt) (nth 2 (memq :tag alt)))))
      (unless (member (funcall key choice) (mapcar key (cdr type)))
        (put variable 'custom-type (append type (list choice)))))))

(defun custom-load-symbol (symbol) "Load what SYMBOL's `custom-loads' names, so that its customization is complete.
A feature is required, a file loaded unless it was already (with the usual
\"Loading\" message, as GNU's); errors are ignored."
  (dolist (what (get symbol 'custom-loads))
    (condition-case nil
        (cond ((symbolp what) (require what))
              ((assoc (locate-library what) load-history))
              (t (load what t)))
      (error nil))))

(define-obsolete-function-alias 'user-variable-p #'custom-variable-p "24.3")

;;; custom-themes.el ends here
