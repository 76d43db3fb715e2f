;;; help-fns.el --- help functions usable without a display  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.
;; Autoloaded (autoloads.el).

(require 'help)
(require 'subr-x)
(require 'help-mode)

(defun variable-at-point (&optional any-symbol) "Return the bound variable named at point, else 0.
With ANY-SYMBOL, any symbol named there will do."
  (let ((sym (help--symbol-near-point any-symbol)))
    (cond ((and sym (or any-symbol (boundp sym))) sym)
          (t 0))))

;;; Where things are defined.

(defun help-C-file-name (subr-or-var kind) "Return the C file, as \"src/FILE.c\", that defines SUBR-OR-VAR, or nil when unknown.
KIND is `subr' for a primitive (SUBR-OR-VAR a function object) or `var'
for a variable (SUBR-OR-VAR a symbol).  tsmacs's primitives are written
in TypeScript, so no C file is known."
  (ignore subr-or-var kind)
  nil)

(defun help--library-source (file) "Return FILE, a loaded library's name, as its source's name (.el for .elc)."
  (if (string-match "\\.elc\\'" file) (concat (substring file 0 (match-beginning 0)) ".el") file))

(defun find-lisp-object-file-name (object type &optional also-c-file-name) "Return the file that defines OBJECT, a symbol, as TYPE (`defun', `defvar', `defface', or a function object).
Primitives and variables defined by Emacs itself give `C-source', or
with ALSO-C-FILE-NAME the C file's name when known; nil when no file
is known."
  (let* ((fn (and (not (memq type '(defvar defface))) (symbolp object) (fboundp object)
                  (indirect-function object)))
         (kind (cond ((memq type '(defvar defface)) type)
                     (t 'defun)))
         (file (and (symbolp object) (symbol-file object kind))))
    (cond
     ((and (eq type 'defun) (not (functionp type))) (and file (help--library-source file)))
     ((and fn (or (subrp fn) (special-form-p fn)) (not (help--native-p fn)))
      (if also-c-file-name (or (help-C-file-name fn 'subr) 'C-source) 'C-source))
     ((and (eq type 'defvar) (not file) (special-variable-p object) (help--builtin-variable-p object))
      'C-source)
     (file (help--library-source file))
     (t nil))))

(defun help--native-p (object) "Return non-nil when OBJECT is natively compiled Lisp (never, in tsmacs)."
  (and (fboundp 'subr-native-elisp-p) (subr-native-elisp-p object)))

(defun help--builtin-variable-p (sym) "Return non-nil when SYM is a variable that Emacs itself defines, with no Lisp file."
  (and (boundp sym) (get sym 'variable-documentation) (not (symbol-file sym 'defvar))
       (integerp (get sym 'variable-documentation))))

;;; Describing functions.

(defvar help-fns-describe-variable-functions nil "Functions called with the variable described, to insert more about it.")

(defun help--article (word) "Return WORD after \"a\" or \"an\", as English wants."
  (concat (if (string-match-p "\\`[aeiou]" word) "an " "a ") word))

(defun help--alias-target (function def) "Return the function FUNCTION (defined as DEF) is an alias of, or nil.
A primitive stored under another name is an alias of its own name."
  (cond ((and (symbolp def) def) def)
        ((and (subrp def) (symbolp function)
              (not (equal (subr-name def) (symbol-name function))))
         (intern (subr-name def)))))

(defun help--describe-kind (function def) "Return the phrase saying what kind of function FUNCTION (defined as DEF) is, without the file."
  (let* ((real (if (eq (car-safe def) 'macro) (cdr def) def))
         (inter (and (commandp function) "interactive ")))
    (cond
     ((help--alias-target function def) (format "an alias for ‘%s’" (help--alias-target function def)))
     ((special-form-p def) "a special form")
     ((and (subrp def) (not (help--native-p def)))
      (help--article (concat (or inter "") "built-in function")))
     ((autoloadp def)
      ;; An interactive autoload is a function whatever its TYPE says.
      (concat "an autoloaded "
              (cond (inter "interactive Lisp function")
                    ((eq (nth 4 def) 'keymap) "keymap")
                    ((memq (nth 4 def) '(macro t)) "Lisp macro")
                    (t "Lisp function"))))
     ((eq (car-safe def) 'macro) "a Lisp macro")
     ((eq (car-safe real) 'closure) (help--article (concat (or inter "") "Lisp closure")))
     ((byte-code-function-p real) (help--article (concat (or inter "") "byte-compiled Lisp function")))
     ((keymapp real) "a keymap")
     ((stringp real) "a keyboard macro")
     ((vectorp real) "a keyboard macro")
     (t (help--article (concat (or inter "") "Lisp function"))))))

(defun help--file-phrase (function def) "Return \" in ‘FILE’\" for where FUNCTION (defined as DEF) comes from, or \"\"."
  (let ((file (cond ((and (or (subrp def) (special-form-p def)) (not (help--native-p def)))
                     'C-source)
                    ((autoloadp def)
                     (let ((lib (locate-library (nth 1 def))))
                       (and lib (file-name-nondirectory (help--library-source lib)))))
                    (t (let ((f (and (symbolp function) (symbol-file function 'defun))))
                         (and f (file-name-nondirectory (help--library-source f))))))))
    (cond ((eq file 'C-source) " in ‘C source code’")
          (file (format " in ‘%s’" file))
          (t ""))))

(defun help--fill-paragraph-text (text) "Return TEXT filled at column 70, as help buffers show their first lines."
  (with-temp-buffer
    (insert text)
    (let ((fill-column 70)) (fill-region (point-min) (point-max)))
    (buffer-string)))

(defun help--upcase-args (arglist) "Return ARGLIST's names in capitals, as a usage line shows them."
  (mapcar (lambda (a) (if (and (symbolp a) (not (memq a '(&optional &rest))))
                          (intern (upcase (string-remove-prefix "_" (symbol-name a))))
                        a))
          arglist))

(defun help--usage-line (name def) "Return the usage line of the function NAME (defined as DEF), and its documentation without the usage part.
The value is (USAGE . DOC)."
  (let* ((raw (condition-case nil (documentation (if (and (symbolp name) (fboundp name)) name def) t)
                (error nil)))
         (split (and raw (help-split-fundoc raw name))))
    (cond
     ;; The name in a usage line from the docstring is quoted for this.
     (split (cons (substitute-command-keys (car split)) (cdr split)))
     ((autoloadp (if (symbolp def) (indirect-function def) def))
      ;; An autoloaded keymap has no argument list to speak of.
      (cons (and (not (eq (nth 4 (if (symbolp def) (indirect-function def) def)) 'keymap))
                 "[Arg list not available until function definition is loaded.]")
            raw))
     (t (let ((args (help-function-arglist (if (symbolp def) (indirect-function def) def) t)))
          (cons (if (listp args)
                    (format "%S" (cons name (help--upcase-args args)))
                  (format "(%s)" name))
                raw))))))

(defun help--highlight-args (start end args) "Give the argument names ARGS (in capitals) the face `help-argument-name' between START and END."
  (let ((case-fold-search nil))
    (dolist (a args)
      (when (and (symbolp a) (not (memq a '(&optional &rest))))
        (let ((word (upcase (string-remove-prefix "_" (symbol-name a)))))
          (save-excursion
            (goto-char start)
            (while (re-search-forward (concat "\\<" (regexp-quote word) "\\(?:e?s\\|th\\)?\\>") end t)
              (add-text-properties (match-beginning 0) (match-end 0) '(face help-argument-name)))))))))

(defun help--usage-args (usage) "Return the argument names read from the usage line USAGE, or nil."
  (let ((form (ignore-errors (car (read-from-string usage)))))
    (and (consp form)
         (delq nil (mapcar (lambda (a) (and (symbolp a)
                                            (intern (string-remove-suffix "..." (symbol-name a)))))
                           (cdr form))))))

(defun describe-function-1 (function) "Insert into `standard-output' the description of FUNCTION, as `describe-function' shows it."
  (let* ((def (cond ((symbolp function)
                     (unless (fboundp function) (signal 'void-function (list function)))
                     (symbol-function function))
                    (t function)))
         (name (if (symbolp function) function 'anonymous))
         (real (if (symbolp def) (indirect-function def) def))
         (header (concat (help--describe-kind function def)
                         (if (help--alias-target function def)
                             (let ((file (and (symbolp function) (symbol-file function 'defun))))
                               (if file (format " in ‘%s’" (file-name-nondirectory (help--library-source file))) ""))
                           (help--file-phrase function def))
                         "."))
         (keys (and (symbolp function) (commandp function)
                    (where-is-internal function overriding-local-map nil nil)))
         (usage (help--usage-line name def))
         (doc (cdr usage))
         (out standard-output))
    (with-current-buffer (if (bufferp out) out (current-buffer))
      (let ((start (point)))
        ;; The caller has put "NAME is " (or the like) before, and fills the line.
        (insert header "\n\n")
        (let ((target (help--alias-target function def)))
          (when target
            (make-text-button (+ start (length "an alias for ‘"))
                              (+ start (length (format "an alias for ‘%s" target)))
                              'type 'help-function 'help-args (list target))))
        (when keys
          (insert (help--fill-paragraph-text
                   (concat "It is bound to " (help--keys-text keys) "."))
                  "\n\n"))
        (let ((ustart (point)))
          (when (car usage) (insert (car usage) "\n\n"))
          (let ((dstart (point))
                (args (help--usage-args (car usage))))
            (insert (if doc (substitute-command-keys doc) "Not documented."))
            (help--highlight-args ustart (point) args)
            (ignore dstart)))
        (insert "\n")
        (let ((extras (help--function-extras function real)))
          (when extras
            (insert "\n" (mapconcat #'identity extras "\n") "\n")))
        (insert "\n")
        (run-hook-with-args 'help-fns-describe-function-functions function)
        (buffer-string)))))

(defun help--function-extras (function _real) "Return the indented notes about FUNCTION that follow its documentation."
  (let ((notes nil))
    (when (and (symbolp function) (get function 'byte-obsolete-info))
      (let* ((info (get function 'byte-obsolete-info))
             (new (car info)) (when (nth 2 info)))
        (push (concat "  This function is obsolete"
                      (if when (format " since %s" when) "")
                      (cond ((stringp new) (format ";\n  %s" new))
                            (new (format ";\n  use ‘%s’ instead." new))
                            (t ".")))
              notes)))
    (nreverse notes)))

(defun describe-function (function) "Show the documentation of FUNCTION, a symbol or function object, in the help buffer."
  (interactive (list (let ((f (function-called-at-point)))
                       (intern (completing-read
                                (if f (format "Describe function (default %s): " f) "Describe function: ")
                                obarray #'fboundp t nil nil (and f (symbol-name f)))))))
  (unless function (user-error "You didn't specify a function"))
  (unless (symbolp function) (signal 'wrong-type-argument (list 'symbolp function)))
  (help-setup-xref (list #'describe-function function) (called-interactively-p 'interactive))
  (with-help-window (help-buffer)
    (help--describe-function-named function (format "%S is " function))))

(defun help--describe-function-named (function lead) "Insert LEAD, then what `describe-function-1' says of FUNCTION, at point.
The line that starts so is filled at column 70, as help buffers show it."
  (let ((start (point)))
    (insert lead)
    (let ((standard-output (current-buffer)))
      (describe-function-1 function))
    (save-excursion
      (goto-char start)
      (let ((end (line-end-position)))
        (when (> (- end start) 70)
          (let ((fill-column 70) (fill-prefix nil) (adaptive-fill-mode nil) (left-margin 0))
            (fill-region-as-paragraph start end)))))))

(defun describe-command (command) "Show the documentation of the command COMMAND in the help buffer."
  (interactive (list (intern (completing-read "Describe command: " obarray #'commandp t))))
  (describe-function command))

;;; Describing variables.

(defun help--value-text (value) "Return VALUE printed as a variable's value in help: symbols in quotes."
  (if (and (symbolp value) value (not (eq value t)) (not (keywordp value)))
      (format "‘%s’" value)
    (prin1-to-string value)))

(defun describe-variable (variable &optional buffer frame) "Show the documentation and value of VARIABLE in the help buffer.
The value is the one in BUFFER (the current buffer when nil); FRAME is
ignored in batch."
  (interactive (list (let ((v (variable-at-point)))
                       (intern (completing-read
                                (if (symbolp v) (format "Describe variable (default %s): " v) "Describe variable: ")
                                obarray (lambda (s) (or (boundp s) (get s 'variable-documentation)))
                                t nil nil (and (symbolp v) (symbol-name v)))))))
  (ignore frame)
  (unless (symbolp variable) (user-error "You didn't specify a valid variable"))
  (let ((buffer (or buffer (current-buffer))))
    (help-setup-xref (list #'describe-variable variable buffer) (called-interactively-p 'interactive))
    (with-help-window (help-buffer)
      (help--describe-variable-1 variable buffer)
      (with-current-buffer standard-output (buffer-string)))))

(defun help--describe-variable-1 (variable buffer) "Insert the description of VARIABLE, with its value in BUFFER, at point."
  (let* ((real (indirect-variable variable))
         (bound (with-current-buffer buffer (boundp variable)))
         (value (and bound (with-current-buffer buffer (symbol-value variable))))
         (local (and bound (help--local-in-p real buffer)))
         (file (find-lisp-object-file-name real 'defvar)))
    (cond
     ((not bound) (insert (format "%s is void as a variable.\n" variable)))
     (t
      (let ((prefix (if file
                        (progn
                          (insert (help--fill-paragraph-text
                                   (format "%s is a variable defined in ‘%s’."
                                           variable (if (eq file 'C-source) "C source code"
                                                      (file-name-nondirectory file))))
                                  "\n\n")
                          "Its value is")
                      (format "%s’s value is" variable)))
            (shown (help--value-text value)))
        (if (and (not (string-match-p "\n" shown))
                 (> (+ (length prefix) 1 (length shown)) 70))
            (insert prefix "\n" (string-trim-right (pp-to-string value)) "\n")
          (insert prefix " " shown "\n"))
        (when local
          (insert (format "Local in buffer %s; global value is %s\n"
                          (buffer-name buffer)
                          (prin1-to-string (default-value real)))))
        (let ((orig (get real 'standard-value)))
          (when (and orig (custom-variable-p real))
            (let ((ov (ignore-errors (eval (car orig) t))))
              (unless (equal ov value)
                (insert (format "Original value was %s\n" (prin1-to-string ov))))))))))
    (insert "\n")
    (let ((doc (ignore-errors (documentation-property variable 'variable-documentation))))
      (insert (if doc (substitute-command-keys doc) "Not documented as a variable.") "\n"))
    (let ((notes (help--variable-extras variable real)))
      (when notes
        (insert "\n" (mapconcat #'identity notes "\n") "\n")))
    (insert "\n")))

(defun help--local-in-p (variable buffer) "Return non-nil when VARIABLE has a buffer-local binding in BUFFER."
  (with-current-buffer buffer (local-variable-p variable)))

(defun help--variable-extras (variable real) "Return the indented notes about VARIABLE (an alias of REAL, or REAL itself)."
  (let ((notes nil))
    (unless (eq variable real)
      (push (format "  This variable is an alias for ‘%s’." real) notes))
    (let ((aliases nil))
      (mapatoms (lambda (s) (when (and (not (eq s variable)) (boundp s)
                                       (eq (indirect-variable s) variable)
                                       (eq real variable))
                              (push s aliases))))
      (dolist (a aliases)
        (push (format "  This variable has an alias: ‘%s’." a) notes)))
    (when (local-variable-if-set-p real)
      (push "  Automatically becomes buffer-local when set." notes))
    (let ((obs (get variable 'byte-obsolete-variable)))
      (when obs
        (push (concat "  This variable is obsolete"
                      (if (nth 2 obs) (format " since %s" (nth 2 obs)) "")
                      (cond ((stringp (car obs)) (format ";\n  %s" (car obs)))
                            ((car obs) (format ";\n  use ‘%s’ instead." (car obs)))
                            (t ".")))
              notes)))
    (when (risky-local-variable-p real)
      (push "  This variable may be risky if used as a file-local variable." notes))
    (let ((safe (get real 'safe-local-variable)))
      (when (and safe (symbolp safe))
        (push (format "  This variable is safe as a file local variable if its value\n  satisfies the predicate ‘%s’." safe) notes)))
    (when (custom-variable-p real)
      (push "  You can customize this variable." notes))
    (nreverse notes)))

;;; Describing any symbol.

(defun describe-symbol (symbol &optional buffer frame) "Show everything SYMBOL names: its function, its variable and its face, one after the other.
BUFFER is where a variable's value is looked at; FRAME is ignored."
  (interactive (list (intern (completing-read "Describe symbol: " obarray nil t))))
  (ignore frame)
  (let ((parts nil))
    (when (fboundp symbol)
      (push (with-temp-buffer
              (help--describe-function-named symbol (format "%S is " symbol))
              (string-trim-right (buffer-string)))
            parts))
    (when (or (boundp symbol) (get symbol 'variable-documentation))
      (push (with-temp-buffer
              (help--describe-variable-1 symbol (or buffer (current-buffer)))
              (string-trim-right (buffer-string)))
            parts))
    (unless parts (user-error "Not a defined function or variable: %s" symbol))
    (help-setup-xref (list #'describe-symbol symbol buffer) (called-interactively-p 'interactive))
    (with-help-window (help-buffer)
      (insert (mapconcat #'identity (nreverse parts)
                         (concat "\n\n" (make-string 79 ?-) "\n\n"))
              "\n"))))

;;; Keymaps, modes, syntax and categories.

(defun help-fns-find-keymap-name (keymap) "A variable (not an alias) whose value is the keymap KEYMAP, or nil."
  (when (keymapp keymap)
    (let ((found nil))
      (mapatoms (lambda (sym)
                  (and (not found) (boundp sym) (eq (indirect-variable sym) sym)
                       (eq (symbol-value sym) keymap)
                       (setq found sym))))
      found)))

(defvar help-fns--shown-keymap nil "The keymap value `describe-keymap' is showing, for its \\{} table.")

(defun describe-keymap (keymap) "Show the bindings of KEYMAP, a keymap or a variable holding one, in the help buffer.
For a variable the help starts with its name, file and documentation."
  (interactive (list (intern (completing-read "Keymap: " obarray
                                              (lambda (s) (and (boundp s) (keymapp (symbol-value s))))
                                              t))))
  (let ((name (and (symbolp keymap) keymap)))
    (cond ((and (symbolp keymap) (not (and (boundp keymap) (keymapp (symbol-value keymap)))))
           (error "Not a keymap variable: %S" keymap))
          ((not (or name (keymapp keymap))) (error "Not a keymap")))
    (help-setup-xref (list #'describe-keymap keymap) (called-interactively-p 'interactive))
    (with-help-window (help-buffer)
      (when name
        (let ((file (find-lisp-object-file-name name 'defvar))
              (doc (documentation-property name 'variable-documentation)))
          (insert (format "%s is a keymap variable" name)
                  (if (stringp file) (format " defined in %s" (format-message "`%s'" (file-name-nondirectory file))) "")
                  ".\n\n")
          (when doc (insert "Documentation:\n" doc "\n\n"))))
      (let ((help-fns--shown-keymap (if name (symbol-value name) keymap)))
        (insert (substitute-command-keys "\\{help-fns--shown-keymap}"))))))

(defun describe-mode (&optional buffer) "Show the documentation of BUFFER's major mode and of its minor modes that are on."
  (interactive)
  (let ((buf (or buffer (current-buffer))))
    (help-setup-xref (list #'describe-mode buf) (called-interactively-p 'interactive))
    (let ((mode (buffer-local-value 'major-mode buf))
          (name (format-mode-line (buffer-local-value 'mode-name buf) nil nil buf))
          (minors nil))
      (with-current-buffer buf
        (dolist (m minor-mode-list)
          (when (and (boundp m) (symbol-value m) (fboundp m))
            (push m minors))))
      (with-help-window (help-buffer)
        (when minors
          (insert "Enabled minor modes: "
                  (mapconcat #'symbol-name (sort minors #'string<) " ") "\n\n"))
        (insert (format "%s mode defined in %s:\n" name
                        (let ((f (symbol-file mode 'defun)))
                          (if f (file-name-nondirectory (help--library-source f)) "‘C source code’"))))
        (insert (or (with-current-buffer buf (documentation mode)) "Not documented.") "\n")))))

(defun describe-syntax (&optional buffer) "Show the syntax table of BUFFER (the current buffer when nil) in the help buffer."
  (interactive)
  (let ((table (with-current-buffer (or buffer (current-buffer)) (syntax-table))))
    (help-setup-xref (list #'describe-syntax buffer) (called-interactively-p 'interactive))
    (with-help-window (help-buffer)
      (insert "The syntax table is:\n")
      (let ((c 0))
        (while (< c 128)
          (let ((entry (aref table c)))
            (when entry
              (insert (format "%s\t%s\n" (single-key-description c)
                              (help--syntax-description entry)))))
          (setq c (1+ c)))))))

(defun help--syntax-description (entry) "Describe the raw syntax descriptor ENTRY, a cons of code and matching char."
  (let* ((code (logand (car entry) 65535))
         (class (aref " .w_()'\"$\\/<>@!|" code)))
    (concat (string class)
            (if (cdr entry) (string (cdr entry)) " "))))

(defun describe-categories (&optional buffer) "Show the category table of BUFFER (the current buffer when nil) in the help buffer."
  (interactive)
  (let ((table (with-current-buffer (or buffer (current-buffer)) (category-table))))
    (help-setup-xref (list #'describe-categories buffer) (called-interactively-p 'interactive))
    (with-help-window (help-buffer)
      (insert "Legend of category mnemonics:\n")
      (let ((docs (help--category-docs table)))
        (dolist (d docs)
          (insert (format "  %c: %s\n" (car d) (cdr d))))))))

(defun help--category-docs (table) "Return (CHAR . DOC) for each category defined in TABLE."
  (let ((out nil) (c ?\s))
    (while (<= c ?~)
      (let ((doc (ignore-errors (category-docstring c table))))
        (when doc (push (cons c (car (split-string doc "\n"))) out)))
      (setq c (1+ c)))
    (nreverse out)))

(provide 'help-fns)
