;;; help.el --- what a function's argument list is  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defun help--arity-arglist (low high) "Make an argument list of generic names for LOW required arguments.
HIGH is the most arguments accepted, or `many' or `unevalled' for any
number; the names are arg1, arg2... and rest."
  (let ((names nil) (n 1))
    (while (<= n low)
      (push (intern (format "arg%d" n)) names)
      (setq n (1+ n)))
    (cond ((numberp high)
           (when (< low high)
             (push '&optional names)
             (while (<= n high)
               (push (intern (format "arg%d" n)) names)
               (setq n (1+ n)))))
          (t (setq names (cons 'rest (cons '&rest names)))))
    (nreverse names)))

(defun help--usage-arglist (def) "Read the argument names from the \"(fn ARGS...)\" line ending DEF's documentation.
Give nil when there is none."
  (let ((doc (ignore-errors (documentation def t))))
    (when (and (stringp doc)
               (string-match "\n\n(fn\\(\\(?: [^)]*\\)?\\))\\'" doc))
      (let ((args (ignore-errors (car (read-from-string
                                      (concat "(" (match-string 1 doc) ")"))))))
        (and (listp args)
             (mapcar (lambda (a)
                       (if (and (symbolp a) (not (memq a '(&optional &rest))))
                           (intern (downcase (symbol-name a)))
                         a))
                     args))))))

(defun help-function-arglist (def &optional preserve-names) "Give the argument list of the function DEF (a symbol or a function object).
Lambdas, closures and compiled functions with a list give that list.
For primitives and compiled functions that record only counts, the
names come from the \"(fn ...)\" line of their documentation when
PRESERVE-NAMES is non-nil and there is one, else they are generic
\(arg1, arg2, rest).  An autoloaded function gives a string saying the
list is not known yet; anything else gives t."
  (let* ((fn (if (and (symbolp def) (fboundp def)) (indirect-function def) def))
         (fn (if (eq (car-safe fn) 'macro) (cdr fn) fn))
         (kind (car-safe fn)))
    (cond
     ;; Interpreted functions: (lambda ARGS ...) and (closure ENV ARGS ...).
     ((eq kind 'lambda) (car-safe (cdr fn)))
     ((eq kind 'closure) (car-safe (cdr-safe (cdr fn))))
     ((autoloadp fn)
      "[Arg list not available until function definition is loaded.]")
     ((not (or (byte-code-function-p fn) (subrp fn))) t)
     ((and (byte-code-function-p fn) (listp (aref fn 0))) (aref fn 0))
     ((and preserve-names (help--usage-arglist fn)))
     ((subrp fn)
      (let ((arity (subr-arity fn)))
        (help--arity-arglist (car arity) (cdr arity))))
     (t
      ;; A compiled function's argument descriptor packs the counts.
      (let ((desc (aref fn 0)))
        (help--arity-arglist (logand desc 127)
                             (if (= 0 (logand desc 128)) (ash desc -8) 'many)))))))

;;; Usage lines: the "(fn ARGS)" at the end of a docstring.

(defun help--usage-name (function) "Return the name a usage line shows for FUNCTION: the symbol itself, else `anonymous'."
  (if (symbolp function) function 'anonymous))

(defun help--arg-for-usage (arg) "Return the argument list element ARG as a usage line shows it, in capitals."
  (pcase arg
    ((pred consp) (cons (help--arg-for-usage (car arg)) (cdr arg)))
    ((pred symbolp)
     (let ((name (symbol-name arg)))
       (cond ((string-match-p "\\`&" name) arg)
             ;; One leading underscore (an unused argument) is not shown.
             ((string-match "\\`_\\(.+\\)" name) (intern (upcase (match-string 1 name))))
             (t (intern (upcase name))))))
    (_ arg)))

(defun help--make-usage (function arglist) "Return the usage form of FUNCTION called with ARGLIST: its name, then the arguments in capitals."
  (let ((shown (help--usage-name function)))
    (cons shown (mapcar (lambda (a) (help--arg-for-usage a)) arglist))))

(defalias 'help-make-usage #'help--make-usage)

(defun help--docstring-quote (string) "Return STRING with each grave accent, apostrophe and backslash escaped by \\=\\=."
  (replace-regexp-in-string "[`'\\]" "\\\\=\\&" string))

(defun help--make-usage-docstring (fn arglist) "Return the usage of FN with ARGLIST as text fit for a docstring."
  (help--docstring-quote (format "%S" (help--make-usage fn arglist))))

(defun help-split-fundoc (docstring def &optional section) "Split DOCSTRING's usage line from its text; name the function DEF in the usage.
Return (USAGE . DOC), or nil when there is no \"(fn ...)\" line.  With
SECTION `usage' return only USAGE, with `doc' only the text (the whole
DOCSTRING when it has no usage line); with another non-nil SECTION,
no usage line gives (nil . DOCSTRING).  The name in USAGE is printed
as `prin1' does, quoted for `substitute-command-keys'."
  (let ((found (and (stringp docstring)
                    (string-match "\n\n(fn\\(\\(?: [^\n]*\\)?)\\)\\'" docstring))))
    (cond
     ((not found) (pcase section
                    ('doc docstring)
                    ((or 'nil 'usage) nil)
                    (_ (cons nil docstring))))
     (t
      (let ((usage (concat "("
                           (help--docstring-quote
                            (prin1-to-string (if def (help--usage-name def) 'anonymous)))
                           (match-string 1 docstring)))
            (text (and (> (match-beginning 0) 0) (substring docstring 0 (match-beginning 0)))))
        (pcase section
          ('usage usage)
          ('doc text)
          (_ (cons usage text))))))))

(defun help-add-fundoc-usage (docstring arglist) "Return DOCSTRING with a \"(fn ARGS)\" usage line for ARGLIST added, unless it has one.
ARGLIST is a list, a usage string \"(NAME ARGS...)\", or t for none."
  (cond
   ((eq arglist t) docstring)
   ((and (stringp docstring) (string-match-p "\n\n(fn[ )][^\n]*\\'" docstring)) docstring)
   (t
    (let* ((doc (or docstring ""))
           (args (if (stringp arglist)
                     (if (string-match "\\`([^ )]*\\(.*\\)\\'" arglist)
                         (concat "(fn" (match-string 1 arglist))
                       arglist)
                   (format "%S" (help--make-usage 'fn arglist)))))
      ;; The usage line follows one empty line.
      (concat doc (substring "\n\n" (cond ((string-suffix-p "\n\n" doc) 2)
                                           ((string-suffix-p "\n" doc) 1)
                                           (t 0)))
              args)))))

;;; Keys.

(defun help--key-description-fontified (keys &optional prefix) "Return KEYS (after PREFIX) described as text in the `help-key-binding' face."
  (let ((text (key-description keys prefix)))
    (add-text-properties 0 (length text) '(face help-key-binding font-lock-face help-key-binding) text)
    text))

(defun help-key-description (key untranslated) "Describe KEY; add the UNTRANSLATED key it was read as, when that differs."
  (let ((shown (help--key-description-fontified key)))
    (if (and untranslated
             (not (equal (key-description key) (key-description untranslated))))
        (format "%s (translated from %s)" shown
                (help--key-description-fontified untranslated))
      shown)))

;;; What is at point.

(defun help--symbol-near-point (&optional create) "Return the symbol whose name is at point, or nil; CREATE non-nil interns a new name."
  (save-excursion
    (skip-syntax-backward "w_")
    (let ((start (point)))
      (skip-syntax-forward "w_")
      (and (< start (point))
           (funcall (if create #'intern #'intern-soft)
                    (buffer-substring-no-properties start (point)))))))

(defun function-called-at-point () "Return the function named at point, or else the function heading the list around point, or nil."
  (let ((here (help--symbol-near-point)))
    (if (and here (fboundp here))
        here
      (save-excursion
        (condition-case nil
            (progn
              (goto-char (nth 1 (syntax-ppss)))
              (forward-char 1)
              (skip-chars-forward " \t\n'")
              (let ((head (help--symbol-near-point)))
                (and head (fboundp head) head)))
          (error nil))))))

;;; Showing help buffers.

(defcustom help-window-select nil "Whether showing help also selects the help window: nil, `other', `always' or t."
  :type '(choice (const nil) (const other) (const always) (const t)) :group 'help)
(defcustom help-enable-autoload t "Non-nil means describing an autoloaded function may load its file first."
  :type 'boolean :group 'help)
(defvaralias 'help-enable-auto-load 'help-enable-autoload)
(defvar help-window-point-marker (make-marker) "Where point goes in the help window once it is shown, when set.")
(defvar help-window-old-frame nil "The frame that was selected before the help window was shown.")
(defvar help-return-method nil "How to leave the help window: nil, or what `quit-window' should do.")
(defvar help-for-help-buffer-name " *Metahelp*" "The name of the buffer `help-for-help' shows its summary in.")
(defvar help-fns-describe-function-functions nil "Functions called with the function described, to insert more about it.")

(defvar help--window-shown nil "Non-nil once a help buffer has been shown in this session.
The first one gets a window of its own; later ones reuse it, which
changes the message about how to leave it.")

(defun help-window-display-message (quit-part window &optional _scroll) "Say in the echo area how to leave the help WINDOW; QUIT-PART is the first half."
  (ignore window)
  (message "%s, %s." quit-part
           (substitute-command-keys "\\[scroll-other-window] to scroll help")))

(defun help-window-setup (window &optional _value) "Finish showing a help buffer in WINDOW: say how to leave it."
  (let ((first (not help--window-shown)))
    (setq help--window-shown t)
    (help-window-display-message
     (if first
         (substitute-command-keys "Type \\[delete-other-windows] to delete the help window")
       "Type \"q\" in help window to restore its previous buffer")
     window)))

(defun help-print-return-message (&optional function) "Say how to get rid of the buffer `standard-output' is showing, when it is shown.
FUNCTION, when non-nil, is called with the text instead of `message'.
In batch nothing is shown this way, so nothing is said and nil returned."
  (ignore function)
  ;; Only a buffer shown in a window gets a message; in batch none is.
  (unless (memq standard-output '(t nil))
    (get-buffer standard-output))
  nil)

(defmacro with-help-window (buffer-or-name &rest body) "Run BODY with its output going to the help buffer BUFFER-OR-NAME, then show that buffer.
The buffer is emptied and put in Help mode first; afterwards it is made
read-only, its references become buttons, and a message says how to
leave it.  Return the value of BODY's last form."
  (declare (indent 1) (debug t))
  (let ((buf (make-symbol "buf")) (val (make-symbol "val")))
    `(let* ((,buf (help--prepare-buffer ,buffer-or-name))
            (,val (let ((standard-output ,buf))
                    (with-current-buffer ,buf ,@body))))
       (help--finish-buffer ,buf)
       ,val)))

(defun help--prepare-buffer (buffer-or-name) "Empty BUFFER-OR-NAME (made when missing) and put it in Help mode; return the buffer."
  (let ((buf (get-buffer-create buffer-or-name)))
    (with-current-buffer buf
      (let ((inhibit-read-only t)
            (inhibit-modification-hooks t))
        (kill-all-local-variables)
        (erase-buffer)
        (help-mode))
      ;; The body writes into it; `help-mode-finish' makes it read-only again.
      (setq buffer-read-only nil))
    buf))

(defun help--finish-buffer (buf) "Make the help buffer BUF ready to read: read-only, with buttons; say how to leave it."
  (when (buffer-live-p buf)
    (with-current-buffer buf
      (goto-char (point-min))
      (help-mode-finish)
      (set-buffer-modified-p nil))
    (help-window-setup (display-buffer buf))))

;;; Where commands are, and what keys do.

(defun help--aliases-of (definition) "Return the other symbols whose function definition is the symbol DEFINITION."
  (let ((found nil))
    (when (and (symbolp definition) (fboundp definition)
               (symbolp (symbol-function definition)) (symbol-function definition))
      (push (symbol-function definition) found))
    (when (symbolp definition)
      (mapatoms (lambda (s)
                  (when (and (not (eq s definition)) (fboundp s) (not (memq s found))
                             (eq (symbol-function s) definition))
                    (push s found)))))
    (nreverse found)))

(defun help--keys-text (keys &optional plain) "Describe the key sequences KEYS, separated by commas; PLAIN means without faces."
  (mapconcat (if plain #'key-description #'help--key-description-fontified) keys ", "))

(defun where-is (definition &optional insert) "Say which keys run the command DEFINITION, and those of its aliases.
With INSERT non-nil, insert that at point instead, in a shorter form."
  (interactive (list (intern (completing-read "Where is command: " obarray #'commandp t))
                     current-prefix-arg))
  (unless definition (error "No command"))
  (let ((parts nil) (first t))
    (dolist (name (cons definition (help--aliases-of definition)))
      (let* ((keys (where-is-internal name overriding-local-map nil nil))
             (shown (if keys (help--keys-text keys insert)
                      (format "M-x %s RET" name))))
        (push (cond (insert
                     (concat (if first "" ";\n its alias ")
                             (if keys (format "%s (%s)" shown name) shown)))
                    (first (if keys (format "%s is on %s" name shown)
                             (format "%s is not on any key" name)))
                    (keys (format ";\n its alias %s is on %s" name shown))
                    (t (format ";\n its alias %s is not on any key" name)))
              parts)
        (setq first nil)))
    (let ((text (apply #'concat (nreverse parts))))
      (if insert
          (insert text)
        ;; In batch the answer goes to `standard-output', as GNU's does.
        (princ text))))
  nil)

(defun help--binding-locus (key position) "Return the symbol of the keymap whose binding of KEY is the one in force, or nil.
POSITION, when non-nil, is where to look for text property keymaps."
  (let ((maps (current-active-maps t position))
        (found nil))
    (while (and maps (not found))
      (let ((map (pop maps)))
        (when (let ((b (lookup-key map key t))) (and b (not (numberp b))))
          (setq found (help--keymap-name map)))))
    found))

(defun help--keymap-name (map) "Return a variable whose value is the keymap MAP, preferring names ending in -map."
  (if (eq map global-map) 'global-map
    (let ((best nil))
      (mapatoms (lambda (s)
                  (when (and (not best) (boundp s) (not (keywordp s))
                             (eq (symbol-value s) map)
                             (string-suffix-p "-map" (symbol-name s)))
                    (setq best s))))
      best)))

(defun help--analyze-key (key untranslated &optional buffer) "Describe what KEY runs: return (TEXT DEFINITION FIRST-EVENT MOUSE-TEXT).
UNTRANSLATED is the key as read, before translation.  BUFFER, when
non-nil, is the buffer whose keymaps are used."
  (with-current-buffer (or buffer (current-buffer))
    (let* ((def (key-binding key t))
           (shown (help-key-description key untranslated))
           (text (if (or (null def) (integerp def) (eq def 'undefined))
                     (format "%s is undefined" shown)
                   (format (if (symbolp def) "%s runs the command %s" "%s runs the command %S")
                           shown def))))
      (list text (if (integerp def) nil def) (aref key 0) ""))))

(defun describe-key-briefly (&optional key-list insert untranslated) "Say in the echo area which command KEY-LIST runs; with INSERT, insert it instead.
KEY-LIST is a key sequence; UNTRANSLATED is the same key as read.
Return the text shown, or nil when inserting."
  (interactive (list (read-key-sequence "Describe the following key, mouse click, or menu item: ")
                     current-prefix-arg))
  (let* ((key (if (and (consp key-list) (not (eventp key-list))) (caar key-list) key-list))
         (found (help--analyze-key key untranslated))
         (text (substring-no-properties (car found)))
         (keylen (length (help-key-description key untranslated))))
    (add-text-properties 0 keylen '(face help-key-binding) text)
    (add-text-properties 0 keylen '(font-lock-face help-key-binding) text)
    (if insert
        (progn (insert text) nil)
      (message "%s" text)
      text)))

(defun describe-key (&optional key-list buffer up-event) "Show in the help buffer what KEY-LIST runs, and that command's documentation.
BUFFER, when non-nil, is the buffer whose keymaps count; UP-EVENT is
ignored in batch."
  (interactive (list (read-key-sequence "Describe the following key, mouse click, or menu item: ")))
  (ignore up-event)
  (let* ((key (if (and (consp key-list) (not (eventp key-list))) (caar key-list) key-list))
         (found (help--analyze-key key nil buffer))
         (def (nth 1 found))
         (locus (with-current-buffer (or buffer (current-buffer))
                  (help--binding-locus key nil))))
    (if (or (null def) (eq def 'undefined))
        (message "%s" (car found))
      (help-setup-xref (list #'describe-key key-list buffer) (called-interactively-p 'interactive))
      (with-help-window (help-buffer)
        (insert (help-key-description key nil))
        (insert (if (symbolp def) (format " runs the command %s" def)
                  (format " runs the command %S" def)))
        (when locus (insert (format " (found in %s)" locus)))
        (if (and (symbolp def) (fboundp def))
            (let ((lead (buffer-string)))
              (require 'help-fns)
              (erase-buffer)
              (help--describe-function-named def (concat lead ", which is ")))
          (insert ".\n\n"))))))

;;; Tables of bindings.

(defun describe-map-tree (startmap partial shadow prefix title no-menu transl always-title mention-shadow) "Insert a table of STARTMAP's bindings, and those of its prefix keymaps, at point.
PREFIX, when non-nil, limits it to the keys under that prefix.  TITLE,
when non-nil, heads the table as \"TITLE:\".  PARTIAL, SHADOW, NO-MENU,
TRANSL and ALWAYS-TITLE are accepted as GNU's are.  PARTIAL leaves out keys
bound to `undefined', NO-MENU the menu bar, SHADOW (a list of keymaps)
the keys those maps bind, or with MENTION-SHADOW notes them as shadowed.
The table is the one \\=\{MAP} gives in documentation."
  (ignore transl always-title)
  (when (and title (not (equal title "")))
    (insert title ":\n"))
  (insert "key             binding\n---             -------\n")
  (dolist (entry (accessible-keymaps startmap prefix))
    (let* ((keys (car entry))
           (keep (lambda (ev def) (help--tree-verdict (vconcat keys (vector ev)) def partial shadow no-menu mention-shadow)))
           (lines (if (or (and no-menu (> (length keys) 0) (eq (aref keys 0) 'menu-bar))
                          ;; A prefix the shadowing maps bind to a command hides its keys.
                          (and shadow (> (length keys) 0) (help--shadowing-command keys shadow)))
                      ""
                    (keymap--describe-section (cdr entry) keys keep))))
      (unless (equal lines "")
        (insert "\n" lines))))
  (insert "\n"))

(defun help--tree-verdict (key def partial shadow no-menu mention) "Whether `describe-map-tree' shows KEY bound to DEF: t, nil, or `shadowed'."
  (cond ((and partial (eq def 'undefined)) nil)
        ((and no-menu (eq (aref key 0) 'menu-bar)) nil)
        ((and shadow (if (keymapp def)
                         (help--shadowing-command key shadow)
                       (seq-some (lambda (m) (let ((b (lookup-key m key))) (and b (not (integerp b))))) shadow)))
         (and mention 'shadowed))
        (t t)))

(defun help--shadowing-command (key maps) "Non-nil if one of MAPS binds KEY to something other than a prefix keymap."
  (seq-some (lambda (m) (let ((b (lookup-key m key))) (and b (not (integerp b)) (not (keymapp b))))) maps))

(defun describe-map (map prefix transl partial shadow nomenu mention-shadow) "Insert the bindings MAP has itself (not those of its prefix keymaps), each key after PREFIX."
  (ignore transl partial shadow nomenu mention-shadow)
  (insert "\n" (keymap--describe-section map prefix)))

(defun help--bindings-section (title map prefix always) "Insert the section TITLE of `describe-bindings' for MAP under PREFIX.
An empty section is left out unless ALWAYS; return non-nil when inserted."
  (let ((body (and (keymapp map)
                   (mapconcat (lambda (entry)
                                (let ((lines (keymap--describe-section (cdr entry) (car entry))))
                                  (if (equal lines "") "" (concat "\n" lines))))
                              (accessible-keymaps map prefix) ""))))
    (when (or always (and body (not (equal body ""))))
      (insert title
              (if prefix (format " Starting With %s" (key-description prefix)) "")
              ":\nkey             binding\n---             -------\n"
              (or body "")
              (if (equal (or body "") "") "" "\n"))
      t)))

(defun describe-bindings (&optional prefix buffer) "Show in the help buffer the keys in force in BUFFER (the current one when nil).
PREFIX, when non-nil, limits the tables to the keys under it."
  (interactive)
  (let ((buf (or buffer (current-buffer))))
    (help-setup-xref (list #'describe-bindings prefix buf) (called-interactively-p 'interactive))
    (let ((lmap (with-current-buffer buf (current-local-map)))
          (gmap (current-global-map)))
      (with-help-window (help-buffer)
        (help--bindings-section "Key translations"
                                (and (boundp 'key-translation-map) key-translation-map) prefix nil)
        (dolist (section (list (list "Major Mode Bindings" lmap nil)
                               (list "Global Bindings" gmap t)
                               (list "Function key map translations"
                                     (and (boundp 'function-key-map) function-key-map) nil)
                               (list "Input decoding map translations"
                                     (and (boundp 'input-decode-map) input-decode-map) nil)))
          (let ((start (point)))
            (insert "\f\n")
            (unless (help--bindings-section (nth 0 section) (nth 1 section) prefix (nth 2 section))
              (delete-region start (point)))))))))

(defun describe-prefix-bindings () "Show the keys under the prefix key just typed, in the help buffer." (interactive)
  (let* ((keys (this-command-keys-vector))
         (prefix (if (> (length keys) 0) (substring keys 0 -1) keys)))
    (describe-bindings (if (> (length prefix) 0) prefix nil))))

;;; Minor modes named by their mode line indicators.

(defun help--indicator-text (spec) "Return the text the mode line construct SPEC shows, for strings and variables holding one; else nil."
  (cond ((stringp spec) spec)
        ((and (symbolp spec) (boundp spec) (stringp (symbol-value spec))) (symbol-value spec))
        (t nil)))

(defun lookup-minor-mode-from-indicator (indicator) "Return the minor mode whose mode line indicator is INDICATOR, or nil.
Leading and trailing spaces do not count, and only modes that are on
are considered."
  (let ((want (string-trim indicator)) (found nil))
    (dolist (entry minor-mode-alist)
      (let* ((mode (car entry))
             (shown (help--indicator-text (cadr entry))))
        (when (and (not found) (boundp mode) (symbol-value mode)
                   (stringp shown) (not (string= shown ""))
                   (string= (string-trim shown) want))
          (setq found mode))))
    found))

(defun describe-minor-mode-from-symbol (symbol) "Show the documentation of the minor mode SYMBOL." (interactive (list (intern (completing-read "Minor mode symbol: " obarray #'fboundp t))))
  (if (fboundp symbol)
      (describe-function symbol)
    (describe-variable symbol)))

(defun describe-minor-mode-from-indicator (indicator) "Show the documentation of the minor mode whose mode line indicator is INDICATOR." (interactive (list (read-string "Minor mode indicator: ")))
  (let ((mode (lookup-minor-mode-from-indicator indicator)))
    (if mode
        (describe-minor-mode-from-symbol mode)
      (error "Cannot find minor mode for `%s'" indicator))))

(defun describe-minor-mode (minor-mode) "Show the documentation of MINOR-MODE, a symbol or a mode line indicator." (interactive (list (completing-read "Describe minor mode: " (mapcar #'car minor-mode-alist))))
  (let ((sym (if (symbolp minor-mode) minor-mode (intern-soft minor-mode))))
    (cond ((and sym (or (fboundp sym) (boundp sym)) (assq sym minor-mode-alist))
           (describe-minor-mode-from-symbol sym))
          ((stringp minor-mode) (describe-minor-mode-from-indicator minor-mode))
          (t (error "No such minor mode: %s" minor-mode)))))

(defun describe-minor-mode-completion-table-for-symbol () "Return the names of the minor modes, for completion."
  (delq nil (mapcar (lambda (e) (and (symbolp (car e)) (symbol-name (car e)))) minor-mode-alist)))

(defun describe-minor-mode-completion-table-for-indicator () "Return the mode line indicators of the minor modes that are on, for completion."
  (let ((out nil))
    (dolist (e minor-mode-alist)
      (let ((shown (and (boundp (car e)) (symbol-value (car e)) (help--indicator-text (cadr e)))))
        (when (and (stringp shown) (not (string= (string-trim shown) "")))
          (push (string-trim shown) out))))
    (nreverse out)))

;;; Viewing logs and Emacs's own files.

(defun view-echo-area-messages () "Show the *Messages* buffer, where the echo area's messages are kept." (interactive)
  (let ((buf (messages-buffer)))
    (with-current-buffer buf (goto-char (point-max)))
    buf))

(defun view-lossage () "Show the last input events that were read, and the commands they ran." (interactive)
  (help-setup-xref (list #'view-lossage) (called-interactively-p 'interactive))
  (with-help-window (help-buffer)
    (princ (mapconcat (lambda (e) (if (consp e) (format "%S" e) (single-key-description e)))
                      (recent-keys) " "))))

(defun view-help-file (file &optional dir) "Visit FILE, named relative to DIR (`data-directory' when nil), in View mode."
  (let ((path (expand-file-name file (or dir data-directory))))
    (unless (file-readable-p path)
      (error "Cannot open help file: %s" path))
    (find-file-read-only path)
    (goto-char (point-min))))

(defmacro help--define-file-viewer (name file doc) "Define the command NAME showing the etc file FILE, documented by DOC."
  `(defun ,name () ,doc (interactive) (view-help-file ,file)))

(help--define-file-viewer describe-copying "COPYING" "Show the GNU General Public License, under which Emacs is distributed.")
(help--define-file-viewer describe-distribution "DISTRIB" "Show the file that tells how to get the Emacs distribution.")
(help--define-file-viewer describe-no-warranty "COPYING" "Show the part of the license that says Emacs comes with no warranty.")
(help--define-file-viewer describe-gnu-project "THE-GNU-PROJECT" "Show the file that presents the GNU project.")
(help--define-file-viewer view-emacs-debugging "DEBUG" "Show the file about debugging Emacs.")
(help--define-file-viewer view-emacs-FAQ "FAQ" "Show the Emacs frequently asked questions.")
(help--define-file-viewer view-emacs-problems "PROBLEMS" "Show the known problems of Emacs and their workarounds.")
(help--define-file-viewer view-emacs-todo "TODO" "Show the list of work planned for Emacs.")
(help--define-file-viewer view-external-packages "MORE.STUFF" "Show the file about packages distributed apart from Emacs.")
(help--define-file-viewer view-order-manuals "ORDERS" "Show the file about how to get printed manuals.")

(defun view-emacs-news (&optional version) "Show the NEWS file of Emacs (of VERSION, when given)." (interactive "P")
  (view-help-file (if version (format "NEWS.%s" version) "NEWS")))

(defun help-quit () "Do nothing: the key that ran it leaves help." (interactive)
  nil)

(defalias 'help #'help-for-help)
(defalias 'help-for-help-internal #'help-for-help)

(defun help-for-help () "Show what the help keys do and run the one typed next." (interactive)
  (with-help-window "*Help*"
    (insert (substitute-command-keys "You have typed \\[help-command], the help character.\n"))))

(provide 'help)
