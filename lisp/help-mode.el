;;; help-mode.el --- the major mode of help buffers, and their cross-reference buttons  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs Lisp Reference Manual.  Autoloaded (autoloads.el).

(require 'buttons)

(defvar help-mode-hook nil "Hook run at the end of entering Help mode.")

(defvar help-xref-stack nil "The topics shown before the current one in this help buffer, newest first.
Each entry is (POSITION FUNCTION ARGS...), as `help-setup-xref' records.")
(make-variable-buffer-local 'help-xref-stack)
(put 'help-xref-stack 'permanent-local t)

(defvar help-xref-forward-stack nil "The topics left by going back in this help buffer, newest first.")
(make-variable-buffer-local 'help-xref-forward-stack)
(put 'help-xref-forward-stack 'permanent-local t)

(defvar help-xref-stack-item nil "How to show again the current topic of this help buffer: (FUNCTION ARGS...).")
(make-variable-buffer-local 'help-xref-stack-item)
(put 'help-xref-stack-item 'permanent-local t)

(defvar help-xref-stack-forward-item nil "The topic a forward button brings back, like `help-xref-stack-item'.")
(make-variable-buffer-local 'help-xref-stack-forward-item)
(put 'help-xref-stack-forward-item 'permanent-local t)

(defvar help-xref-following nil "Non-nil while a cross-reference button of a help buffer is being followed.")
(defvar help-xref-symbol-regexp
  (concat "\\(\\<\\("
          (mapconcat (lambda (words) (concat "\\(" words "\\)"))
                     '("variable\\|option" "function\\|command\\|call" "face"
                       "symbol\\|program\\|property" "source \\(?:code \\)?\\(?:of\\|for\\)")
                     "\\|")
          "\\)[ \t\n]+\\)?['`‘]\\(\\(?:\\sw\\|\\s_\\)+\\|`\\)['’]")
  "Where a quoted symbol stands in help text, maybe after a word telling its kind.
Group 1 is that word and the space after it (groups 3 to 7 tell which kind),
group 8 the symbol's name.")
(defvar help-xref-info-regexp "\\<[Ii]nfo[ \t\n]+\\(node\\|anchor\\)[ \t\n]+[`‘']\\([^’']+\\)[’']"
  "Where a reference to an Info node stands in help text; group 2 is the node.")
(defvar help-xref-url-regexp "\\<[Uu][Rr][Ll][ \t\n]+[`‘']\\([^’']+\\)[’']"
  "Where a URL stands in help text; group 1 is the address.")
(defvar help-xref-mule-regexp nil "Where a reference handled by `help-xref-mule-regexp's users stands, or nil.")

(defvar help-mode-map
  (let ((keys (make-sparse-keymap)))
    (dolist (binding '(("l" . help-go-back) ("r" . help-go-forward)
                       ("\C-c\C-b" . help-go-back) ("\C-c\C-f" . help-go-forward)
                       ("\C-c\C-c" . help-follow-symbol)
                       ([XF86Back] . help-go-back) ([XF86Forward] . help-go-forward)
                       ("s" . help-view-source) ("i" . help-goto-info) ("c" . help-customize)))
      (define-key keys (car binding) (cdr binding)))
    (set-keymap-parent keys (make-composed-keymap button-buffer-map special-mode-map))
    keys)
  "The keys of Help mode: going back and forward between topics, and following references.")

(define-derived-mode help-mode special-mode "Help"
  "A major mode for buffers that show documentation.
\\<help-mode-map>\\[help-go-back] goes back to the previous topic, \\[help-go-forward] forward again.

\\{help-mode-map}"
  (setq-local revert-buffer-function #'help-mode-revert-buffer)
  (setq-local tool-bar-map nil))

(defun help-mode-revert-buffer (_ignore-auto noconfirm) "Show the current topic of this help buffer again; ask first unless NOCONFIRM."
  (when (or noconfirm (yes-or-no-p "Revert help buffer? "))
    (let ((here (point))
          (item help-xref-stack-item))
      (when item
        (apply (car item) (cdr item))
        (goto-char (min here (point-max)))))))

(defun help-mode-setup () "Put the current buffer in Help mode (kept for old callers)."
  (help-mode))

(defun help-mode-finish () "Finish a help buffer that was just written: make it read-only and turn its references into buttons."
  (when (derived-mode-p 'help-mode)
    (help-make-xrefs (current-buffer))
    (setq buffer-read-only t)))

(defun help-buffer () "Return the name of the buffer help commands write to, usually \"*Help*\".
When the current buffer is a help buffer being refreshed, that is its name."
  (cond ((not help-xref-following) (buffer-name (get-buffer-create "*Help*")))
        ((derived-mode-p 'help-mode) (buffer-name))
        (t (error "Current buffer is not in Help mode"))))

(defun help-setup-xref (item interactive-p) "Record ITEM, (FUNCTION ARGS...), as what shows the topic about to fill the help buffer.
Unless INTERACTIVE-P is nil or the help buffer is being refreshed, the
topics it showed before are forgotten."
  (with-current-buffer (help-buffer)
    (let ((previous help-xref-stack-item)
          (fresh (and interactive-p
                      (not (and help-xref-following (derived-mode-p 'help-mode))))))
      (cond (fresh (setq help-xref-stack nil help-xref-forward-stack nil))
            (previous (setq help-xref-stack (cons (cons (point) previous) help-xref-stack)
                            help-xref-forward-stack nil)))
      (setq help-xref-stack-item item))))

;;; Button types.

(define-button-type 'help-xref 'action #'help-button-action 'follow-link t)

(defun help-button-action (button) "Follow the help cross-reference BUTTON: call its `help-function' on its `help-args'."
  (let ((help-xref-following t))
    (apply (button-get button 'help-function) (button-get button 'help-args))))

(defmacro help--deftype (name fn echo) "Define help button type NAME calling FN, with ECHO as its help echo."
  `(define-button-type ',name :supertype 'help-xref 'help-function ,fn 'help-echo ,echo))

(help--deftype help-function #'describe-function "mouse-2, RET: describe this function")
(help--deftype help-variable #'describe-variable "mouse-2, RET: describe this variable")
(help--deftype help-face #'describe-face "mouse-2, RET: describe this face")
(help--deftype help-coding-system #'describe-coding-system "mouse-2, RET: describe this coding system")
(help--deftype help-input-method #'describe-input-method "mouse-2, RET: describe this input method")
(help--deftype help-character-set #'describe-character-set "mouse-2, RET: describe this character set")
(help--deftype help-symbol #'describe-symbol "mouse-2, RET: describe this symbol")
(help--deftype help-info #'info "mouse-2, RET: read this Info node")
(help--deftype help-url #'browse-url "mouse-2, RET: view this URL in a browser")
(help--deftype help-customize-variable (lambda (v) (customize-variable v)) "mouse-2, RET: customize variable")
(help--deftype help-customize-face (lambda (v) (customize-face v)) "mouse-2, RET: customize face")
(help--deftype help-function-def #'help--goto-definition "mouse-2, RET: find function's definition")
(help--deftype help-variable-def #'help--goto-definition "mouse-2, RET: find variable's definition")
(help--deftype help-face-def #'help--goto-definition "mouse-2, RET: find face's definition")
(help--deftype help-function-cmacro #'help--goto-definition "mouse-2, RET: find function's compiler macro")
(help--deftype help-package #'describe-package "mouse-2, RET: Describe package")
(help--deftype help-news #'help--visit-news "mouse-2, RET: show corresponding NEWS announcement")
(help--deftype help-back #'help-xref-go-back "mouse-2, RET: go back to previous help buffer")
(help--deftype help-forward #'help-xref-go-forward "mouse-2, RET: move forward to next help buffer")

(defun help--goto-definition (name &optional file _type) "Visit FILE, where NAME is defined, or say it cannot be found."
  (if (and (stringp file) (file-readable-p file))
      (find-file file)
    (error "Unable to find location in file")))

(defun help--visit-news (file pos) "Visit the NEWS FILE at position POS."
  (find-file file)
  (goto-char pos))

(defun help-xref-button (group type &rest args) "Make a button of TYPE over match GROUP of the last search; its action gets ARGS.
Text that already has a button is left alone."
  (let ((start (match-beginning group)))
    (when (and start (not (button-at start)))
      (make-text-button start (match-end group) 'type type 'help-args args))))

(defun help-insert-xref-button (string type &rest args) "Insert STRING as a button of TYPE whose action gets ARGS."
  (insert-text-button string 'type type 'help-args args))

(defun help-xref-interned (symbol &optional buffer frame) "Describe SYMBOL whatever it is: the function, the variable and the face it names.
BUFFER and FRAME say where to look at a variable's and face's values."
  (ignore frame)
  (describe-symbol symbol buffer))

(defun help-xref-on-pp (from to) "Make buttons of the symbols named between FROM and TO, in printed Lisp."
  (let ((end (copy-marker to)))
    (save-excursion
      (goto-char from)
      (while (re-search-forward "\\(?:\\sw\\|\\s_\\)+" end t)
        (let* ((sym (intern-soft (match-string 0)))
               (kind (cond ((null sym) nil)
                           ((fboundp sym) 'help-function)
                           ((and (boundp sym) (not (keywordp sym)) (not (memq sym '(nil t))))
                            'help-variable))))
          (when kind (help-xref-button 0 kind sym)))))
    (set-marker end nil)))

(defun help--face-p (sym) "Return non-nil when SYM names a face (there are none without a display)."
  (and (fboundp 'facep) (facep sym)))

(defun help--xref-kind-type (word sym) "Return the button type for SYM, quoted after the kind WORD (or nil), or nil for none."
  (let ((word (and word (downcase word))))
    (cond
     ;; No kind given: a button that describes whatever the symbol is.
     ((null word)
      (and (or (fboundp sym) (boundp sym) (get sym 'variable-documentation) (help--face-p sym))
           'help-symbol))
     ((string-match-p "\\`\\(variable\\|option\\)" word)
      (and (or (boundp sym) (get sym 'variable-documentation)) 'help-variable))
     ((string-match-p "\\`\\(function\\|command\\|call\\)" word)
      (and (fboundp sym) 'help-function))
     ((string-match-p "\\`face" word) (and (help--face-p sym) 'help-face))
     (t nil))))

(defun help--button-passes () "Return the passes of `help-make-xrefs': (REGEXP GROUP CASE-FOLD MAKER) each.
MAKER is called with the match made and returns a button type and its
argument, or nil."
  (list (list help-xref-info-regexp 2 t (lambda () (list 'help-info (match-string 2))))
        (list help-xref-url-regexp 1 t (lambda () (list 'help-url (match-string 1))))
        (list help-xref-symbol-regexp 8 nil
              (lambda ()
                (let* ((name (match-string 8))
                       (sym (intern-soft name))
                       (kind (and sym (help--xref-kind-type (match-string 1) sym))))
                  (and kind (list kind sym)))))))

(defun help--end-with-navigation () "Leave the buffer's text ending in one newline, then the [back]/[forward] buttons it needs."
  (goto-char (point-max))
  (delete-region (progn (skip-chars-backward "\n") (point)) (point-max))
  (insert "\n")
  (let ((back (and help-xref-stack t))
        (fwd (and help-xref-forward-stack t)))
    (when (or back fwd)
      (insert "\n")
      (if back (help-insert-xref-button "[back]" 'help-back (current-buffer)))
      (if (and back fwd) (insert "\t"))
      (if fwd (help-insert-xref-button "[forward]" 'help-forward (current-buffer)))
      (insert "\n"))))

(defun help-make-xrefs (&optional buffer) "Turn the references to symbols, Info nodes and URLs in BUFFER's text into buttons.
BUFFER is the help buffer when omitted.  A quoted name of a function,
variable or face becomes a button describing it; a word before it
\(\"function\", \"variable\", \"face\"...) says which."
  (interactive "b")
  (with-current-buffer (or buffer (current-buffer))
    (let ((inhibit-read-only t) (here (point)))
      (dolist (pass (help--button-passes))
        (goto-char (point-min))
        (let ((case-fold-search (nth 2 pass)))
          (while (re-search-forward (car pass) nil t)
            (let ((made (funcall (nth 3 pass))))
              (when made
                (apply #'help-xref-button (nth 1 pass) made))))))
      (help--end-with-navigation)
      (goto-char (min here (point-max)))
      (set-buffer-modified-p nil))))

(defun help--xref-move (buffer from to) "Move BUFFER's current topic onto the stack variable TO and show the newest of FROM.
FROM and TO are `help-xref-stack' and `help-xref-forward-stack', one way
or the other."
  (let ((entry nil))
    (with-current-buffer buffer
      (let ((older (symbol-value from)))
        (when older
          (set to (cons (cons (point) help-xref-stack-item) (symbol-value to)))
          (setq entry (car older))
          (set from (cdr older))
          (setq help-xref-stack-item (cdr entry)))))
    (when entry
      (let ((help-xref-following t)
            (saved (with-current-buffer buffer
                     (cons help-xref-stack help-xref-forward-stack))))
        (with-current-buffer buffer
          (setq help-xref-stack-item nil)
          (apply (cadr entry) (cddr entry))
          (setq help-xref-stack (car saved)
                help-xref-forward-stack (cdr saved))
          (when (integer-or-marker-p (car entry))
            (goto-char (min (car entry) (point-max)))))))))

(defun help-xref-go-back (buffer) "Show again, in BUFFER, the topic it showed before the current one."
  (help--xref-move buffer 'help-xref-stack 'help-xref-forward-stack))

(defun help-xref-go-forward (buffer) "Show again, in BUFFER, the topic that going back left."
  (help--xref-move buffer 'help-xref-forward-stack 'help-xref-stack))

(defun help-go-back () "Go back to the topic this help buffer showed before." (interactive)
  (unless help-xref-stack (user-error "No previous help buffer"))
  (help-xref-go-back (current-buffer)))

(defun help-go-forward () "Go forward to the topic that going back left." (interactive)
  (unless help-xref-forward-stack (user-error "No next help buffer"))
  (help-xref-go-forward (current-buffer)))

(defun help-follow-symbol (&optional pos) "Describe the symbol named at POS (point when nil)." (interactive "d")
  (let ((sym (save-excursion (when pos (goto-char pos)) (help--symbol-near-point))))
    (unless (and sym (or (fboundp sym) (boundp sym) (help--face-p sym)))
      (user-error "No symbol here"))
    (help-do-xref pos #'describe-symbol (list sym))))

(defun help-do-xref (_pos function args) "Call FUNCTION on ARGS to show a topic in the current help buffer, keeping the topic it replaces for [back]."
  (let ((help-xref-following t)) (apply function args)))

(defun help-view-source () "Visit the source of the current help topic." (interactive)
  (unless (derived-mode-p 'help-mode) (user-error "Not in a help buffer"))
  (user-error "No source location available"))

(defun help-goto-info () "Show the Info node about the current help topic." (interactive)
  (unless (derived-mode-p 'help-mode) (user-error "Not in a help buffer"))
  (user-error "No symbol to look up"))

(defun help-customize () "Customize the current help topic, a variable or face." (interactive)
  (unless (derived-mode-p 'help-mode) (user-error "Not in a help buffer"))
  (user-error "No variable or face to customize"))

(defun help-bookmark-jump (bookmark) "Show again the help topic recorded in BOOKMARK."
  (apply (bookmark-prop-get bookmark 'help-fn) (bookmark-prop-get bookmark 'help-args)))

(provide 'help-mode)
