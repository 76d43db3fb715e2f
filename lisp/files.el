;;; files.el --- file-name functions written in Lisp  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; --- file names (files.el), without regexps; no remote names or handlers ---
(defun files--version-tail-p (name from end) "Non-nil if NAME[FROM..END) is a backup version body: version chars, optionally ~DIGITS."
  (let ((i from))
    (while (and (< i end)
                (let ((c (aref name i)))
                  (or (and (>= c ?a) (<= c ?z)) (and (>= c ?A) (<= c ?Z))
                      (and (>= c ?0) (<= c ?9)) (>= c 128)
                      (memq c '(?- ?: ?# ?@ ?^ ?. ?_)))))
      (setq i (+ i 1)))
    (and (> i from)
         (or (= i end)
             (and (eq (aref name i) ?~)
                  (< (1+ i) end)
                  (let ((j (1+ i)))
                    (while (and (< j end) (>= (aref name j) ?0) (<= (aref name j) ?9))
                      (setq j (+ j 1)))
                    (= j end)))))))
(defun files--version-start (name) "Index where NAME's version or backup suffix (\".~V~\" or \"~\") starts, or nil."
  (let ((n (length name)))
    (when (and (> n 0) (eq (aref name (1- n)) ?~))
      (let ((i 0) (found nil))
        (while (and (not found) (< (+ i 2) (1- n)))
          (if (and (eq (aref name i) ?.) (eq (aref name (1+ i)) ?~)
                   (files--version-tail-p name (+ i 2) (1- n)))
              (setq found i)
            (setq i (+ i 1))))
        (or found (1- n))))))
(defmacro files--magic (operation names args &rest body) "Give what a file name handler gives for OPERATION and ARGS, or else run BODY.
NAMES are the file names looked up in `file-name-handler-alist', in
order, for a handler of OPERATION (a symbol, unquoted); names that are
not strings are passed over, as the file primitives pass them."
  (declare (indent 3))
  (let ((h (make-symbol "handler")))
    `(let ((,h (files--handler-of ',operation (list ,@names))))
       (if ,h (funcall ,h ',operation ,@args) ,@body))))

(defun files--handler-of (operation names) "The handler of the first of NAMES that has one for OPERATION, or nil."
  (let ((found nil))
    (while (and names (not found))
      (if (stringp (car names)) (setq found (find-file-name-handler (car names) operation)))
      (setq names (cdr names)))
    found))

(defun files--check-name (name)
  "Signal `wrong-type-argument' unless NAME is a string, as GNU's handler lookup does first."
  (unless (stringp name) (signal 'wrong-type-argument (list 'stringp name))))
(defun file-name-sans-versions (name &optional keep-backup-version) "Return NAME without a trailing version or backup suffix (kept when KEEP-BACKUP-VERSION)."
  (files--check-name name)
  (substring name 0 (unless keep-backup-version (files--version-start name))))
(defun files--extension-dot (file) "Index of the last period of FILE when it starts an extension (not at 0), else nil."
  (let ((i (1- (length file))))
    (while (and (>= i 0) (not (eq (aref file i) ?.)))
      (setq i (- i 1)))
    (and (> i 0) i)))
(defun file-name-extension (filename &optional period) "Return FILENAME's extension (after its last period, not counting a leading one), or nil.
With PERIOD, include the period, and return \"\" when there is no extension."
  (let* ((file (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (files--extension-dot file)))
    (cond (dot (substring file (if period dot (1+ dot))))
          (period ""))))
(defun file-name-sans-extension (filename) "Return FILENAME without its extension."
  (let* ((file (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (files--extension-dot file)))
    (if (null dot)
        filename
      (concat (or (file-name-directory filename) "") (substring file 0 dot)))))
(defun file-name-base (&optional filename) "Return FILENAME without its directory and extension."
  (file-name-sans-extension (file-name-nondirectory filename)))
(defun file-relative-name (filename &optional directory) "Return FILENAME relative to DIRECTORY (default `default-directory')."
  (let ((dir (file-name-as-directory (expand-file-name (or directory default-directory))))
        (file (expand-file-name filename))
        (up "."))
    ;; Climb from DIR until it is a prefix of FILE (or of FILE as a directory).
    (while (not (or (string-prefix-p dir (file-name-as-directory file))
                    (string-prefix-p dir file)))
      (setq dir (file-name-directory (substring dir 0 -1)))
      (setq up (if (equal up ".") ".." (concat "../" up))))
    (if (not (string-prefix-p dir file))
        up
      (let ((rest (substring file (length dir))))
        (if (and (equal up ".") (not (equal rest "")))
            rest
          (concat (file-name-as-directory up) rest))))))
(defun file-name-quoted-p (name &optional _top) "Return non-nil if NAME starts with the quoting prefix \"/:\"."
  (files--check-name name)
  (string-prefix-p "/:" name))
(defun file-name-quote (name &optional top) "Return NAME with the quoting prefix \"/:\" (unchanged if already quoted)."
  (if (file-name-quoted-p name top) name (concat "/:" name)))
(defun file-name-unquote (name &optional top) "Return NAME without its quoting prefix \"/:\"."
  (cond ((not (file-name-quoted-p name top)) name)
        ;; Unquoting "/:" alone leaves the root.
        ((equal name "/:") "/")
        (t (substring name 2))))

;; --- visiting files (batch: no windows, so showing a buffer makes it current) ---

(defvar source-directory
  (and load-file-name (file-name-as-directory (expand-file-name ".." (file-name-directory load-file-name))))
  "The directory of the source tree this Emacs was built from (for tsmacs, the checkout holding lisp/).")
(defvar find-file-hook nil "Functions run, in the new buffer, after a file has been visited.")
(defvar find-file-not-found-functions nil "Functions called in turn, in the new buffer, when the file to visit does not exist.")
(defvar before-save-hook nil "Functions run before a buffer is saved to its file.")
(defvar after-save-hook nil "Functions run after a buffer has been saved to its file.")
(defvar write-file-functions nil "Functions called in turn to save the buffer; one giving non-nil means the saving is done.")
(defvar write-contents-functions nil "Like `write-file-functions', for the buffer's contents whatever file it visits.")
(make-variable-buffer-local 'write-contents-functions)
(defvar after-set-visited-file-name-hook nil "Functions run after `set-visited-file-name' changed the name.")
(defvar make-backup-files t "Non-nil means the first save of a visited file keeps its old contents as a backup.")
(defvar backup-inhibited nil "Non-nil means this buffer's file gets no backup.")
(make-variable-buffer-local 'backup-inhibited)
(defvar backup-enable-predicate #'normal-backup-enable-predicate "Function of a file name telling whether that file may be backed up.")
(defvar version-control nil "Whether to number backups: t always, nil when already numbered, `never' never.")
(defvar backup-directory-alist nil "Entries (REGEXP . DIRECTORY): where backups of matching files go.")
(defvar require-final-newline nil "Non-nil: a saved file must end in a newline (t adds one).")
(defvar find-file-literally nil "Non-nil in a buffer that visits its file literally.")
(make-variable-buffer-local 'find-file-literally)
(defvar find-file-visit-truename nil "Non-nil means visited files go by their true names.")
(defvar revert-buffer-function #'revert-buffer--default "Function `revert-buffer' calls to do its work.")
(defvar buffer-stale-function #'buffer-stale--default-function
  "Function of one argument, NOCONFIRM, telling whether the current buffer is out of date with what it shows.")
(defvar before-revert-hook nil "Functions run by the default reverting before the buffer is reread.")
(defvar after-revert-hook nil "Functions run by the default reverting after the buffer is reread.")
(defvar revert-buffer-in-progress-p nil "Non-nil while `revert-buffer' is working.")
(defvar revert-buffer-preserve-modes nil "Non-nil while a revert keeps the buffer's modes.")
(defvar temporary-file-directory (file-name-as-directory (or (getenv-internal "TMPDIR") "/tmp"))
  "The directory for temporary files.")
(defvar small-temporary-file-directory nil "When non-nil, the directory for small temporary files.")
(defvar directory-abbrev-alist nil "Entries (FROM . TO) that `abbreviate-file-name' applies to a name.")
(defvar temp-buffer-show-function nil "When non-nil, the function that shows a temporary output buffer.")
(defvar temp-buffer-show-hook nil "Functions run, in the buffer, after a temporary output buffer is shown.")
(defvar temp-buffer-setup-hook nil "Functions run, in the buffer, when a temporary output buffer is made ready.")

;; --- file-local variables ---
(defvar enable-local-variables t "Which file-local variables to apply: t the safe ones when all are safe, :safe only safe ones, :all all, nil none.")
(defvar enable-local-eval 'maybe "Whether `eval:' entries of file-local variables are allowed.")
(defvar safe-local-variable-values nil "Entries (VAR . VALUE) known to be safe as file-local settings.")
(defvar safe-local-eval-forms
  (append (mapcar (lambda (hook) (list 'add-hook (list 'quote hook) ''time-stamp)) '(write-file-hooks write-file-functions))
          (mapcar (lambda (fn) (list 'add-hook ''before-save-hook (list 'quote fn) nil t)) '(time-stamp delete-trailing-whitespace)))
  "Forms that `eval:' entries may evaluate without asking.")
(defvar ignored-local-variables
  '(ignored-local-variables safe-local-variable-values file-local-variables-alist dir-local-variables-alist)
  "Variables that file-local settings never change.")
(defvar file-local-variables-alist nil "The file-local settings found for this buffer, (VAR . VALUE) in file order.")
(make-variable-buffer-local 'file-local-variables-alist)
;; These survive a change of major mode.
(defvar buffer-offer-save nil "Whether `save-some-buffers' offers to save this buffer when it visits no file.
`always': offer it always; another non-nil value: when asked to offer such
buffers (and when `save-buffers-kill-emacs' asks).")
(make-variable-buffer-local 'buffer-offer-save)
(dolist (v '(backup-inhibited find-file-literally file-local-variables-alist buffer-offer-save)) (put v 'permanent-local t))
;; Variables GNU also keeps across a change of major mode.
(dolist (v '(auto-composition-mode enable-character-translation kill-buffer-hook mark-ring
             revert-buffer-function use-hard-newlines write-file-functions))
  (put v 'permanent-local t))
;; Variables a file's local-variables list may not set without asking: they hold code, paths
;; or settings that control Emacs itself (GNU marks the same ones).
(dolist (v '(after-load-alist auto-mode-alist buffer-auto-save-file-name buffer-file-name
             buffer-file-truename buffer-undo-list completion-styles-alist debugger
             default-text-properties dir-locals-file emacs-build-number emacs-major-version
             emacs-minor-version enable-local-eval enable-local-variables exec-directory exec-path
             file-name-handler-alist format-alist header-line-format ignored-local-variables
             inhibit-quit load-path locale-charset-language-names locale-language-names
             locale-preferred-coding-systems max-lisp-eval-depth max-specpdl-size minor-mode-alist
             minor-mode-map-alist minor-mode-overriding-map-alist mode-line-format mode-name
             outline-level overriding-local-map overriding-terminal-local-map package-user-dir
             process-environment read-key-empty-map safe-local-eval-forms safe-local-variable-values
             standard-input standard-output undo-equiv-table version-regexp-alist version-separator))
  (put v 'risky-local-variable t))
;; Where the documentation string sits in these definers' calls, for indentation and help.
(dolist (d '((autoload . 3) (defadvice . 3) (define-abbrev-table . 3) (define-category . 2)
             (define-obsolete-variable-alias . 4) (defvaralias . 3) (easy-menu-define . 3)))
  (put (car d) 'doc-string-elt (cdr d)))
;; Directory-local settings (the functions are in dir-locals.el).
(defvar dir-locals-file ".dir-locals.el"
  "Name of the file holding a directory's local variables.
Its companion with \"-2\" before the extension is read after it and wins.")

(defvar enable-dir-local-variables t "Nil means directory-local variables are never applied.")

(defvar enable-remote-dir-locals nil "Non-nil means directories on remote hosts are searched for local variables too.")

(defvar dir-local-variables-alist nil "The directory-local settings found for this buffer, (VAR . VALUE) in application order.")
(make-variable-buffer-local 'dir-local-variables-alist)

(defvar dir-locals-class-alist nil "Alist of (CLASS . VARIABLES) of directory-local variable classes.")
(defvar dir-locals-directory-cache nil "List of (DIRECTORY CLASS MTIME): which class applies under each directory.
MTIME is the newest modification time of the files the class was read from,
0 when there were none, nil for a class set up by hand.")
(defvar before-hack-local-variables-hook nil "Functions run before file-local settings are applied.")
(defvar hack-local-variables-hook nil "Functions run after file-local settings are applied.")

(dolist (v '(fill-column tab-width left-margin comment-column))
  (put v 'safe-local-variable 'integerp))
(dolist (v '(indent-tabs-mode lexical-binding truncate-lines buffer-read-only byte-compile-dynamic
             no-byte-compile sentence-end-double-space word-wrap))
  (put v 'safe-local-variable 'booleanp))
(dolist (entry '((require-final-newline . symbolp) (fill-prefix . string-or-null-p) (default-directory . stringp)))
  (put (car entry) 'safe-local-variable (cdr entry)))
(put 'eval 'risky-local-variable t)
;; jka-compr's error for data it cannot decompress.
(put 'compression-error 'error-conditions '(compression-error file-error error))

(defun safe-local-variable-p (sym val) "Non-nil if setting SYM to VAL as a file-local variable is safe."
  (let ((pred (get sym 'safe-local-variable)))
    (cond ((member (cons sym val) safe-local-variable-values))
          ((functionp pred) (funcall pred val)))))

(defun risky-local-variable-p (sym &optional _val) "Non-nil if SYM is risky as a file-local variable: its `risky-local-variable'
property, else the position where its name shows it holds hooks, functions,
keymaps, programs or font-lock keywords."
  (or (get sym 'risky-local-variable)
      (string-match "-\\(?:commands?\\|predicates?\\|map\\(?:-alist\\)?\\|\\(?:mode\\|frame\\)-alist\\|bindat-spec\\|hooks?\\|functions?\\|forms?\\|program\\)\\'\\|font-lock-keywords\\(?:-[0-9]+\\)?\\'"
                    (symbol-name sym))))

(defun files--prop-line-bounds () "Start and end of the text between the -*- marks of the first line (second after #!), or nil."
  (save-excursion (goto-char (point-min))
    (when (looking-at "#!") (forward-line))
    (let ((limit (line-end-position)) from)
      (and (search-forward "-*-" limit t)
           (setq from (point))
           (search-forward "-*-" limit t)
           (cons from (- (point) 3))))))

(defun files--read-value (text) "The Lisp value written as TEXT (as a file-local setting gives it)."
  (car (read-from-string text)))

(defun files--prop-line-vars () "The (VAR . VALUE) pairs of the -*- line, in order; a lone word stands for (mode . WORD)."
  (let ((b (files--prop-line-bounds)) acc)
    (when b
      (let ((text (buffer-substring-no-properties (car b) (cdr b))))
        (if (not (string-match-p ":" text))
            (let ((word (string-trim text)))
              (unless (string= word "") (push (cons 'mode (intern word)) acc)))
          (dolist (part (split-string text ";"))
            (let ((colon (string-match ":" part)))
              (when colon
                (let ((name (string-trim (substring part 0 colon)))
                      (val (string-trim (substring part (1+ colon)))))
                  (unless (string= name "")
                    (push (cons (intern (downcase name)) (files--read-value val)) acc)))))))))
    (nreverse acc)))

(defun files--block-vars () "The (VAR . VALUE) pairs of a \"Local Variables:\" block near the end of the buffer, in order."
  (save-excursion (goto-char (point-max))
    (let ((case-fold-search t) acc)
      (when (search-backward "Local Variables:" (max (point-min) (- (point-max) 3000)) t)
        (let* ((prefix (buffer-substring-no-properties (line-beginning-position) (point)))
               (suffix (progn (search-forward ":") (string-trim (buffer-substring-no-properties (point) (line-end-position)))))
               (end (save-excursion
                      (forward-line)
                      (and (re-search-forward (concat "^" (regexp-quote prefix) "[ \t]*End:") nil t)
                           (line-beginning-position)))))
          (forward-line)
          (if (null end)
              ;; A block that never reaches its End: line counts for nothing.
              (message "Local variables list is not properly terminated")
            (while (< (point) end)
              (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
                (unless (string-prefix-p prefix line)
                  (error "Local variables entry is missing the prefix"))
                (setq line (substring line (length prefix)))
                (unless (equal suffix "")
                  (unless (string-suffix-p suffix line)
                    (error "Local variables entry is missing the suffix"))
                  (setq line (substring line 0 (- (length suffix)))))
                (setq line (string-trim line))
                (cond ((string-match "\\`\\([^ \t:]+\\):[ \t]*" line)
                       (push (cons (intern (match-string 1 line))
                                   (files--read-value (substring line (match-end 0))))
                             acc))
                      ((not (string= line "")) (error "Malformed local variable line: %S" line))))
              (forward-line)))))
      (nreverse acc))))

(defun files--mode-function (name) "The function a `mode:' setting of NAME stands for."
  (intern (concat (downcase (symbol-name name)) "-mode")))

(defun files--settings (pairs handle-mode) "The file-local PAIRS as the hack functions return them.
HANDLE-MODE t: the mode function of the first `mode:' pair, or nil.
Otherwise the pairs newest first, without `coding' and, when HANDLE-MODE
is `no-mode', without `mode'."
  (if (eq handle-mode t)
      (let ((m (assq 'mode pairs))) (and m (files--mode-function (cdr m))))
    (let (out)
      (dolist (p pairs)
        (unless (or (eq (car p) 'coding)
                    (and (eq handle-mode 'no-mode) (eq (car p) 'mode)))
          (push p out)))
      out)))

(defun hack-local-variables-prop-line (&optional handle-mode) "The settings of the -*- line, newest first (see `files--settings' for HANDLE-MODE).
A lone word there names only a mode."
  (let* ((b (files--prop-line-bounds))
         (lone (and b (not (string-match-p ":" (buffer-substring-no-properties (car b) (cdr b)))))))
    (if lone
        (and (eq handle-mode t) (files--settings (files--prop-line-vars) t))
      (files--settings (files--prop-line-vars) handle-mode))))

(defun hack-local-variables--find-variables (&optional handle-mode) "The settings of the Local Variables block, newest first (see `files--settings')."
  (files--settings (files--block-vars) handle-mode))

(defun files--every-p (pred items) "Non-nil when PRED holds for each of ITEMS."
  (while (and items (funcall pred (car items)))
    (setq items (cdr items)))
  (null items))

(defun hack-one-local-variable-eval-safep (exp) "Non-nil if the `eval:' form EXP may run without asking.
Atoms are harmless; a list must be in `safe-local-eval-forms', or call a
function whose `safe-local-eval-function' property is t (and then take only
constant arguments) or a predicate (or list of them) that accepts EXP."
  (or (atom exp)
      (member exp safe-local-eval-forms)
      (let ((how (and (symbolp (car exp)) (get (car exp) 'safe-local-eval-function))))
        (cond ((eq how t) (files--every-p #'hack-one-local-variable-constantp (cdr exp)))
              ((functionp how) (funcall how exp))
              ((consp how) (not (files--every-p (lambda (f) (not (funcall f exp))) how)))))))

(defun files--setting-safe-p (pair) "Non-nil if the file-local setting PAIR may be applied without asking."
  (let ((var (car pair)))
    (cond ((eq var 'mode) t)
          ((eq var 'eval)
           (and enable-local-eval
                (or (eq enable-local-eval t) (hack-one-local-variable-eval-safep (cdr pair)))))
          (t (safe-local-variable-p var (cdr pair))))))

(defun hack-local-variables-filter (variables dir-name) "Queue the acceptable settings of VARIABLES in `file-local-variables-alist'.
VARIABLES come newest first; where one variable repeats the first wins, and
`eval:' entries are dropped when `enable-local-eval' is nil.  With
`enable-local-variables' :all every setting is taken, with :safe the safe
ones.  With t the settings are taken when all are safe; otherwise, as with
any other non-nil value, `hack-local-variables-confirm' decides for all of
them (in batch mode it refuses); `:safe' evaluates only the forms known to
be safe.  A queued variable replaces an earlier entry for it; DIR-NAME nil (the file's own settings) also removes it from
`dir-local-variables-alist'."
  (let ((taken nil) (unsafe nil) (risky nil))
    (dolist (pair variables)
      (let ((var (car pair)))
        (unless (or (memq var ignored-local-variables)
                    (and (eq var 'eval) (null enable-local-eval))
                    (and (not (eq var 'eval)) (assq var taken)))
          (push pair taken)
          (cond ((files--setting-safe-p pair))
                ((and (not (eq var 'eval)) (risky-local-variable-p var)) (push pair risky))
                (t (push pair unsafe))))))
    (when (and enable-local-variables taken)
      (let ((chosen (cond ((eq enable-local-variables :all) taken)
                          ((eq enable-local-variables :safe)
                           (let (keep)
                             ;; Here only a form known to be safe is evaluated.
                             (dolist (p taken)
                               (unless (or (memq p unsafe) (memq p risky)
                                           (and (eq (car p) 'eval) (not (hack-one-local-variable-eval-safep (cdr p)))))
                                 (push p keep)))
                             (nreverse keep)))
                          ((and (eq enable-local-variables t) (null unsafe) (null risky)) taken)
                          ((hack-local-variables-confirm taken unsafe risky dir-name) taken))))
        (dolist (pair chosen)
          (unless (eq (car pair) 'eval)
            (setq file-local-variables-alist (assq-delete-all (car pair) file-local-variables-alist))
            (unless dir-name
              (setq dir-local-variables-alist (assq-delete-all (car pair) dir-local-variables-alist))))
          (push pair file-local-variables-alist))))
    nil))

(defun hack-one-local-variable (var val) "Apply the single file-local setting VAR: VAL to this buffer.
`mode' calls VAL-mode unless the buffer is in it already (a minor mode is
turned on), `eval' evaluates VAL, anything else becomes a buffer-local value."
  (cond ((eq var 'mode)
         (let ((fn (files--mode-function val)))
           (cond ((memq fn minor-mode-list) (funcall fn 1))
                 ((eq (indirect-function fn) (indirect-function major-mode)) nil)
                 (t (funcall fn)))))
        ((eq var 'eval) (save-current-buffer (eval val t)))
        (t (set (make-local-variable var) val))))

(defun hack-local-variables-apply () "Apply the settings queued in `file-local-variables-alist', oldest first.
`before-hack-local-variables-hook' runs first when there are any,
`hack-local-variables-hook' in any case."
  (when file-local-variables-alist
    (setq file-local-variables-alist (nreverse file-local-variables-alist))
    (run-hooks 'before-hack-local-variables-hook)
    (dolist (pair file-local-variables-alist)
      (hack-one-local-variable (car pair) (cdr pair))))
  (run-hooks 'hack-local-variables-hook))

(defun hack-local-variables (&optional handle-mode inhibit-locals) "Apply this buffer's directory-local and file-local settings.
The file's come from its -*- line and its Local Variables block, and win
over the directory's.  HANDLE-MODE t only returns the mode function the file
names (or nil) and changes nothing; `no-mode' leaves `mode:' settings out.
INHIBIT-LOCALS non-nil takes none of the file's own settings."
  (if (eq handle-mode t)
      (and (not inhibit-locals)
           (or (hack-local-variables-prop-line t) (hack-local-variables--find-variables t)))
    (setq file-local-variables-alist nil)
    (hack-dir-local-variables)
    (cond ((or inhibit-locals (not (or enable-local-variables permanently-enabled-local-variables))) nil)
          (enable-local-variables
           (hack-local-variables-filter (append (hack-local-variables--find-variables handle-mode)
                                                (hack-local-variables-prop-line handle-mode))
                                        nil))
          ;; With the settings off, those named in `permanently-enabled-local-variables' still count.
          (t (dolist (pair (hack-local-variables-prop-line handle-mode))
               (when (memq (car pair) permanently-enabled-local-variables)
                 (push pair file-local-variables-alist)))))
    (hack-local-variables-apply)
    nil))

(defvar magic-mode-alist nil "Entries (MATCH . MODE) looked at before the file name chooses a mode.
MATCH is a regexp matched (case counting) at the start of the buffer, or
a function called there; MODE is turned on when it matches.")

(defvar magic-fallback-mode-alist
  (quote ((image-type-auto-detected-p . image-mode) ("\\(PK00\\)?[P]K\3\4" . archive-mode) ("\\(?:<\\?xml[ \11\15\n]+[^>]*>\\)?[ \11\15\n]*<\\(?:!--\\(?:[^-]\\|-[^-]\\)*-->[ \11\15\n]*<\\)*\\(?:!DOCTYPE[ \11\15\n]+[^>]*>[ \11\15\n]*<[ \11\15\n]*\\(?:!--\\(?:[^-]\\|-[^-]\\)*-->[ \11\15\n]*<\\)*\\)?[Hh][Tt][Mm][Ll]" . mhtml-mode) ("<![Dd][Oo][Cc][Tt][Yy][Pp][Ee][ \11\15\n]+[Hh][Tt][Mm][Ll]" . mhtml-mode) ("<\\?xml " . xml-mode) ("[ \11\15\n]*<\\(?:!--\\(?:[^-]\\|-[^-]\\)*-->[ \11\15\n]*<\\)*!DOCTYPE " . sgml-mode) ("\320\317\21\340\241\261\32\341" . doc-view-mode-maybe) ("%!PS" . ps-mode) ("# xmcd " . conf-unix-mode)))
  "Entries like `magic-mode-alist''s, looked at when neither it nor the file name chose a mode.")

(defvar magic-mode-regexp-match-limit 4000 "How far into the buffer the regexps of the magic mode lists may match.")

(defvar permanently-enabled-local-variables '(lexical-binding)
  "File-local variables set from the -*- line even when `enable-local-variables' is nil.")

(defun files--magic-choice (alist) "The mode of the first entry of ALIST (as `magic-mode-alist') that matches at the buffer's start, or nil."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (narrow-to-region (point-min) (min (point-max) (+ (point-min) magic-mode-regexp-match-limit)))
      (let ((case-fold-search nil) (found nil))
        (while (and alist (not found))
          (let ((test (car (car alist))))
            (when (if (functionp test) (save-excursion (funcall test))
                    (and (stringp test) (looking-at test)))
              (setq found (cdr (car alist)))))
          (setq alist (cdr alist)))
        found))))

(defun files--auto-mode-choice () "The major mode function the buffer asks for, or nil.
A `mode:' setting of the -*- line or the local variables block comes first
(unless `enable-local-variables' is nil; a mode that does not exist is
reported and passed over), then a #! line (`interpreter-mode-alist'), then
the file's name (`auto-mode-alist').  Modes this system lacks are skipped."
  (let ((spec (and enable-local-variables (hack-local-variables t))))
    (when (and spec (not (functionp spec)))
      (message "Ignoring unknown mode `%s'" spec)
      (setq spec nil))
    (or spec
        (let ((mode (or (modes--interpreter-mode)
                        (files--magic-choice magic-mode-alist)
                        (and buffer-file-name (modes--mode-for-name buffer-file-name))
                        (files--magic-choice magic-fallback-mode-alist))))
          (and mode (fboundp mode) mode)))))

(defun set-auto-mode (&optional keep-mode-if-same) "Put the buffer in the major mode it asks for (see `files--auto-mode-choice'),
or in the default mode (`major-mode''s default) when it asks for none.
With KEEP-MODE-IF-SAME, a buffer already in the chosen mode is left alone."
  (let ((mode (files--auto-mode-choice)))
    (cond ((null mode) (funcall (or (default-value 'major-mode) #'fundamental-mode)))
          ((and keep-mode-if-same (eq (indirect-function mode) (indirect-function major-mode))) nil)
          (t (funcall mode))))
  nil)

(defun normal-mode (&optional _find-file) "Reset the buffer to its default major mode, then apply its auto mode and file-local variables."
  ;; The mode functions leave the file's local variables to the end of this function.
  (let ((modes--hack-done-later t))
    (fundamental-mode)
    ;; A setting that cannot be read is reported once (choosing the mode meets it first), and
    ;; then no file-local variable is applied.
    (condition-case err (set-auto-mode)
      (error (message "File mode specification error: %s" err))))
  (condition-case nil (hack-local-variables 'no-mode) (error nil)))

(defun abbreviate-file-name (filename) "Return FILENAME shortened: `directory-abbrev-alist' applied and the home directory written as ~."
  (files--check-name filename)
  (dolist (a directory-abbrev-alist)
    (when (string-match (car a) filename)
      (setq filename (concat (cdr a) (substring filename (match-end 0))))))
  (let ((home (directory-file-name (expand-file-name "~"))))
    (if (and (not (equal home "/"))
             (string-prefix-p home filename)
             (or (= (length filename) (length home))
                 (eq (aref filename (length home)) ?/)))
        (concat "~" (substring filename (length home)))
      filename)))

(defun files--first-buffer (pred) "The first live buffer that PRED accepts, or nil."
  (let ((bufs (buffer-list)))
    (while (and bufs (not (funcall pred (car bufs))))
      (setq bufs (cdr bufs)))
    (car bufs)))

(defun get-file-buffer (filename) "Return the live buffer visiting FILENAME (expanded), or nil."
  (let ((name (expand-file-name filename)))
    (files--magic get-file-buffer (name) (name)
      (files--first-buffer (lambda (b) (equal (buffer-local-value 'buffer-file-name b) name))))))

(defun find-buffer-visiting (filename &optional predicate) "Return a buffer visiting FILENAME, by its name or its true name, that PREDICATE (if given) accepts."
  (let ((ok (lambda (b) (and b (or (null predicate) (funcall predicate b)) b)))
        (true (abbreviate-file-name (file-truename filename))))
    (or (funcall ok (get-file-buffer filename))
        (files--first-buffer
         (lambda (b) (and (buffer-local-value 'buffer-file-name b)
                          (equal (buffer-local-value 'buffer-file-truename b) true)
                          (funcall ok b)))))))

(defun create-file-buffer (filename) "Make a new buffer named after FILENAME's last component (made unique)."
  (let ((name (file-name-nondirectory (directory-file-name filename))))
    (when (equal name "") (setq name filename))
    (when (string-prefix-p " " name) (setq name (concat "|" name)))
    (generate-new-buffer name)))

(defun set-buffer-major-mode (buffer) "Give BUFFER the default major mode (`major-mode''s default value)."
  (let ((mode (default-value 'major-mode)))
    (when (and mode (not (eq mode 'fundamental-mode)) (fboundp mode))
      (with-current-buffer buffer (funcall mode)))))

(defun files--read-into (buf filename truename nowarn rawfile) "Fill the new buffer BUF from FILENAME and make it visit the file; return BUF."
  (set-buffer buf)
  (let ((missing nil) (inhibit-read-only t))
    (condition-case _
        (funcall (if rawfile #'insert-file-contents-literally #'insert-file-contents) filename t)
      (file-error
       (if (and (file-exists-p filename) (not (file-readable-p filename)))
           (progn (kill-buffer buf) (signal 'file-error (list "File is not readable" filename)))
         (setq missing t)
         (run-hook-with-args-until-success 'find-file-not-found-functions))))
    (when find-file-visit-truename (setq buffer-file-name (expand-file-name truename)))
    (setq buffer-file-truename truename default-directory (file-name-directory buffer-file-name))
    (files--uniquify (file-name-nondirectory buffer-file-name))
    (if rawfile
        (setq buffer-file-coding-system 'no-conversion find-file-literally t)
      (let ((inhibit-read-only nil)) (after-find-file missing (not nowarn))))
    buf))

(defvar buffer-file-number nil "The file number (inode and device) of the visited file, as `file-attributes' gives it, or nil.")
(make-variable-buffer-local 'buffer-file-number)
(put 'buffer-file-number 'permanent-local t)

(defun find-file-noselect-1 (buf filename nowarn rawfile truename number) "Read FILENAME into the new buffer BUF and make BUF visit it; give BUF.
TRUENAME is the file's true name and NUMBER its file number (see
`buffer-file-number'); NOWARN and RAWFILE are as for `find-file-noselect'."
  (save-current-buffer
    (files--read-into buf filename truename nowarn rawfile)
    (setq buffer-file-number number)
    buf))

(defvar find-file-wildcards t "Non-nil means `find-file' and its relatives expand wildcards in the names they are given.")

(defun files--wildcards-asked-p (filename wildcards) "Non-nil if FILENAME is to be taken as a wildcard pattern: WILDCARDS and
`find-file-wildcards' allow it, it is not quoted with /:, and it holds a wildcard character."
  (and wildcards find-file-wildcards
       (not (file-name-quoted-p filename))
       (string-match-p "[[*?]" filename)))

(defvar find-file-run-dired t "Non-nil lets `find-file' list a directory it is given with Dired.")
(defvar find-directory-functions '(dired-noselect) "Functions `find-file-noselect' tries, in turn, on a directory name until one returns a buffer.")

(defun find-file-noselect (filename &optional nowarn rawfile wildcards)
  "Return a buffer visiting FILENAME, reading the file into a new buffer if none visits it yet.
NOWARN suppresses warnings; RAWFILE reads the bytes with no decoding, modes or local variables.
With WILDCARDS (and `find-file-wildcards'), a FILENAME with wildcard characters that matches
files gives the list of their buffers; one that matches none is visited as written."
  (let ((matches (and (files--wildcards-asked-p filename wildcards)
                      (file-expand-wildcards (expand-file-name filename) t))))
    (if matches
        (mapcar (lambda (f) (find-file-noselect f nowarn rawfile)) matches)
      (setq filename (abbreviate-file-name (expand-file-name filename)))
      (if (file-directory-p filename)
          (if find-file-run-dired
              (run-hook-with-args-until-success 'find-directory-functions filename)
            (error "%s is a directory" filename))
      (or (get-file-buffer filename)
          (find-buffer-visiting filename)
          (save-current-buffer
            (files--read-into (create-file-buffer filename) filename
                              (abbreviate-file-name (file-truename filename)) nowarn rawfile)))))))

(defun after-find-file (&optional error _warn noauto _from-revert nomodes)
  "Finish visiting: set `buffer-read-only' from the file's permissions, then unless NOMODES
choose the modes and file-local variables and run `find-file-hook'.  ERROR non-nil means
the file did not exist; NOAUTO is accepted for compatibility."
  (ignore error)
  (setq buffer-read-only (null (file-writable-p buffer-file-name)))
  ;; Batch sessions never turn auto-saving on by themselves, as GNU's.
  (and auto-save-default (not noauto) (not noninteractive) (auto-save-mode 1))
  (or nomodes (progn (normal-mode t) (run-hooks 'find-file-hook))))

(defun find-file (filename &optional wildcards) "Visit FILENAME in a buffer (see `find-file-noselect'), make that buffer current and return it.
When WILDCARDS gave several buffers, each is switched to, last first, so that the first ends
current; the list comes back in the order they were switched to."
  (let ((value (find-file-noselect filename nil nil wildcards)))
    (if (listp value)
        (mapcar #'switch-to-buffer (reverse value))
      (switch-to-buffer value))))

(defun find-file-literally (filename) "Visit FILENAME with no decoding, modes or local variables, make its buffer current and return it."
  (switch-to-buffer (find-file-noselect filename nil t)))

;; --- auto-saving (do-auto-save itself is a primitive: src/emacs/fileio-autosave.ts) ---

(defvar auto-save-default t "Non-nil means visiting a file in an interactive session turns on `auto-save-mode' for its buffer.")

(defvar delete-auto-save-files t "Non-nil means saving a buffer removes the auto-save file this session wrote for it.")

(defvar auto-save-file-name-transforms
  (list (list "\\`/[^/]*:\\([^/]*/\\)*\\([^/]*\\)\\'" (concat temporary-file-directory "\\2") t))
  "Rules (REGEXP REPLACEMENT [UNIQUIFY]) that move auto-save files elsewhere.
The first REGEXP matching the visited file name has its match replaced by
REPLACEMENT; the auto-save file then goes in the directory of the result.
UNIQUIFY t names it after the whole file name, slashes turned into `!'
\(and `!' doubled); the symbol of a `secure-hash' algorithm names it after
that hash of the file name; nil names it after the result's last part.")

(defvar auto-save-list-file-prefix "~/.emacs.d/auto-save-list/.saves-"
  "Start of the name of the file that lists a session's auto-save files.")

(defun files--transformed-place (file rules) "Where the first of RULES that matches FILE sends it, as (DIRECTORY . NAME), or nil.
Each rule is (REGEXP REPLACEMENT HOW), as in `auto-save-file-name-transforms':
the directory is that of the replaced name; the name is its last part when
HOW is nil, FILE's hash when HOW names a hash algorithm, else FILE's whole
name with each `!' doubled and each `/' made a `!'."
  (let ((found nil))
    (while (and rules (not found))
      (let ((rule (pop rules)))
        (when (string-match (car rule) file)
          (let ((moved (expand-file-name (replace-match (cadr rule) t nil file)))
                (how (nth 2 rule)))
            (setq found
                  (cons (file-name-directory moved)
                        (cond ((null how) (file-name-nondirectory moved))
                              ((memq how (secure-hash-algorithms)) (secure-hash how file))
                              (t (replace-regexp-in-string
                                  "/" "!" (replace-regexp-in-string "!" "!!" file t t) t t)))))))))
    found))

(defun files--auto-save-in-dir (dir name) "The auto-save file name for NAME in directory DIR: NAME between two `#'."
  (concat (file-name-as-directory dir) "#" name "#"))

(defun files--hexify-buffer-name (name) "NAME with every character but letters, digits and -_.~#+ written as %XX (its code in hex)."
  (mapconcat (lambda (c)
               (if (or (and (>= c ?a) (<= c ?z)) (and (>= c ?A) (<= c ?Z)) (and (>= c ?0) (<= c ?9))
                       (memq c '(?- ?_ ?. ?~ ?# ?+)))
                   (string c)
                 (format "%%%02X" c)))
             name ""))

(defun make-auto-save-file-name () "Give the name of the file the current buffer auto-saves to.
For a file's buffer it is the file's name between two `#' in the file's
directory, unless `auto-save-file-name-transforms' sends it elsewhere.
Other buffers get their name (escaped) and a random part, in
`default-directory' when that is writable, else in /var/tmp/."
  (files--magic make-auto-save-file-name (buffer-file-name) ()
  (if buffer-file-name
      (let* ((file buffer-file-name)
             (place (or (files--transformed-place file auto-save-file-name-transforms)
                        (cons (file-name-directory file) (file-name-nondirectory file)))))
        (files--auto-save-in-dir (car place) (cdr place)))
    (let* ((dir (if (file-writable-p default-directory) default-directory "/var/tmp/"))
           (name (make-temp-file (concat (file-name-as-directory dir) "#" (files--hexify-buffer-name (buffer-name)) "#")
                                 nil "#")))
      ;; Only the name is wanted: make-temp-file made it unique by creating it.
      (delete-file name)
      name))))

(defun auto-save-file-name-p (filename) "Non-nil (the index of the match) if FILENAME, a name without directory, looks like an auto-save file's: #...#."
  (string-match "\\`#.*#\\'" filename))

(defun auto-save-mode (&optional arg) "Turn auto-saving of the current buffer on or off; give t when it is on.
ARG a positive number, t, nil or a list turns it on; zero or a negative
number turns it off; the symbol `toggle' switches it."
  (let ((on (cond ((eq arg 'toggle) (not buffer-auto-save-file-name))
                  ((integerp arg) (> arg 0))
                  (t t))))
    (setq buffer-auto-save-file-name
          (and on (or buffer-auto-save-file-name (make-auto-save-file-name))))
    ;; A negative size had turned auto-saving off for this buffer: on again now.
    (and on (integerp buffer-saved-size) (< buffer-saved-size 0) (setq buffer-saved-size 0))
    (and buffer-auto-save-file-name t)))

(defun delete-auto-save-file-if-necessary (&optional force) "Remove the current buffer's auto-save file when `delete-auto-save-files' says so.
Only a file this session wrote since the last save goes, unless FORCE."
  (and buffer-auto-save-file-name delete-auto-save-files
       (not (equal buffer-file-name buffer-auto-save-file-name))
       (or force (recent-auto-save-p))
       (progn
         (condition-case nil (delete-file buffer-auto-save-file-name) (file-error nil))
         (set-buffer-auto-saved))))

(defun rename-auto-save-file () "Give the current buffer the auto-save file name it should now have.
An auto-save file this session wrote under the old name moves to the new one."
  (let ((old buffer-auto-save-file-name))
    (setq buffer-auto-save-file-name (make-auto-save-file-name))
    (and old (not (equal old buffer-auto-save-file-name))
         (not (equal buffer-file-name buffer-auto-save-file-name))
         (file-exists-p old) (recent-auto-save-p)
         (rename-file old buffer-auto-save-file-name t))))

;; --- saving ---

(defun normal-backup-enable-predicate (name) "Non-nil unless NAME lies inside a temporary directory, whose files get no backups.
Those are `temporary-file-directory', `small-temporary-file-directory' and /tmp; NAME is
inside one when it starts with that name and is longer (the names are compared as written)."
  (let ((dirs (list temporary-file-directory small-temporary-file-directory "/tmp")) (hit nil))
    (while (and dirs (not hit))
      (let ((dir (pop dirs)))
        (setq hit (and (stringp dir) (> (length name) (length dir)) (string-prefix-p dir name)))))
    (not hit)))

(defvar make-backup-file-name-function #'make-backup-file-name--default-function "Function giving a file's unnumbered backup name; nil means the name with a tilde.")

(defun make-backup-file-name (file) "Return the name of FILE's (unnumbered) backup, as `make-backup-file-name-function' makes it."
  (if make-backup-file-name-function
      (funcall make-backup-file-name-function file)
    (concat file "~")))

(defvar large-file-warning-threshold 10000000 "Files larger than this many bytes are visited or inserted only after a question; nil means never ask.")
(defvar byte-count-to-string-function #'file-size-human-readable-iec "Function writing a number of bytes for people, as in the large-file question.")

(defun backup-file-name-p (file) "Non-nil if FILE names a backup file (ends in ~)."
  (string-match-p "~\\'" file))

(defun files--chase-links (file) "FILE with symbolic links at its end followed."
  (let ((n 0) target)
    (while (and (< n 40) (setq target (file-symlink-p file)))
      (setq file (expand-file-name target (file-name-directory file)) n (1+ n)))
    file))

(defun backup-buffer () "Before the first save, move the visited file to its backup name when backups are on and allowed."
  (when (and make-backup-files (not backup-inhibited) (not buffer-backed-up)
             buffer-file-name (file-regular-p buffer-file-name)
             (or (null backup-enable-predicate) (funcall backup-enable-predicate buffer-file-name)))
    (let* ((real (if (fboundp 'file-symlink-p) (files--chase-links buffer-file-name) buffer-file-name))
           (backup (make-backup-file-name real)))
      (rename-file real backup t)
      (setq buffer-backed-up t) nil)))

(defvar file-precious-flag nil "Non-nil means a file is saved by writing a new file and renaming it over the old one.
The old file is never changed in place, so that a failed save cannot
leave it damaged, at the price of its links and ownership.")

(defun files--write-buffer () "Write the whole buffer to its file, as the buffer's visited file."
  (save-excursion
    (save-restriction (widen)
      ;; A read-only buffer is saved as it is.
      (and (memq require-final-newline '(t visit-save))
           (or inhibit-read-only (not buffer-read-only))
           (> (buffer-size) 0)
           (/= (char-before (point-max)) ?\n)
           (progn (goto-char (point-max)) (insert ?\n)))
      (backup-buffer)
      (if (not file-precious-flag)
          (write-region nil nil buffer-file-name nil t buffer-file-truename)
        ;; The file is never rewritten in place: a new file beside it takes its name.
        (let ((fresh (make-temp-file (expand-file-name (file-name-nondirectory buffer-file-name)
                                                       (file-name-directory buffer-file-name)))))
          (condition-case err
              (progn (write-region nil nil fresh nil buffer-file-name buffer-file-truename)
                     (rename-file fresh buffer-file-name t))
            (error (ignore-errors (delete-file fresh))
                   (signal (car err) (cdr err)))))))))

(defun basic-save-buffer (&optional _called-interactively) "Save the current buffer to its visited file when it is modified (backing the file up first).
The auto-save file goes once the save is made, if this session wrote it.
The value is nil after saving, t when there was nothing to save."
  (cond ((and (buffer-modified-p) (not buffer-file-name)
              ;; A buffer without a file may be saved by these alone.
              (run-hook-with-args-until-success 'write-contents-functions))
         nil)
        ((buffer-modified-p)
         (unless buffer-file-name
           (let ((where (read-file-name "File to save in: " nil (expand-file-name (buffer-name)))))
             (and (file-exists-p where)
                  (not (y-or-n-p (format-message "File `%s' exists; overwrite? " where)))
                  (error "Canceled"))
             (set-visited-file-name where)))
         (let ((dir (file-name-directory buffer-file-name)))
           (unless (file-directory-p dir)
             (if (y-or-n-p (format-message "Directory `%s' does not exist; create? " dir))
                 (make-directory dir t)
               (error "Canceled"))))
         (let ((auto-saved (recent-auto-save-p)))
           (run-hooks 'before-save-hook)
           (vc-before-save)
           (cond ((run-hook-with-args-until-success 'write-contents-functions))
                 ((run-hook-with-args-until-success 'write-file-functions))
                 (t (files--write-buffer)))
           (delete-auto-save-file-if-necessary auto-saved))
         (vc-after-save)
         (run-hooks 'after-save-hook)
         nil)
        (t t)))

(defun save-buffer (&optional _arg) "Save the current buffer to its visited file if it is modified."
  (basic-save-buffer)
  nil)

(defun set-visited-file-name (filename &optional no-query along-with-file) "Make the current buffer visit FILENAME (nil: no file), renaming the buffer after it.
When another buffer visits FILENAME, ask first unless NO-QUERY.  The buffer
counts as modified afterwards unless ALONG-WITH-FILE says the file was
renamed too.  Its local `write-file-functions' and `revert-buffer-function'
go, and unless its text names a mode, it takes the mode the new name asks
for (kept when the same)."
  (when (equal filename "") (setq filename nil))
  (when filename (setq filename (expand-file-name filename)))
  (let ((other (and filename (find-buffer-visiting filename))))
    (and other (not (eq other (current-buffer))) (not no-query)
         (not (y-or-n-p (format "A buffer is visiting %s; proceed? " filename)))
         (user-error "Aborted")))
  (setq buffer-file-name filename buffer-backed-up nil)
  (when filename
    (setq buffer-file-truename (abbreviate-file-name (file-truename filename))
          default-directory (file-name-directory filename))
    (let ((base (file-name-nondirectory filename)))
      (or (equal base (buffer-name)) (rename-buffer base t))
      (files--uniquify base)))
  (kill-local-variable 'write-file-functions)
  (kill-local-variable 'revert-buffer-function)
  (unless along-with-file
    (clear-visited-file-modtime)
    (and filename (set-buffer-modified-p t)))
  (when buffer-auto-save-file-name (rename-auto-save-file))
  (unless (hack-local-variables t)
    (set-auto-mode t))
  (run-hooks 'after-set-visited-file-name-hook)
  nil)

(defun write-file (filename &optional confirm) "Make the buffer visit FILENAME and save it there.
A FILENAME ending in a slash names a directory: the file is the buffer's
file (or buffer) name inside it.  With CONFIRM, ask before overwriting an
existing file.  An empty FILENAME keeps the visited file name."
  (interactive (list (read-string "Write file: ") t))
  (unless (equal filename "")
    (when (directory-name-p filename)
      (setq filename (concat filename (file-name-nondirectory (or buffer-file-name (buffer-name))))))
    (and confirm (file-exists-p filename)
         (not (y-or-n-p (format-message "File `%s' exists; overwrite? " filename)))
         (user-error "Canceled"))
    (set-visited-file-name filename (not confirm)))
  (set-buffer-modified-p t)
  (when (and buffer-file-name (file-writable-p buffer-file-name))
    (setq buffer-read-only nil))
  (save-buffer)
  nil)

(defun revert-buffer (&optional ignore-auto noconfirm preserve-modes)
  "Replace the buffer's text with its visited file's; without NOCONFIRM ask on standard input first."
  (let ((revert-buffer-in-progress-p t) (revert-buffer-preserve-modes preserve-modes))
    (funcall (or revert-buffer-function #'revert-buffer--default) ignore-auto noconfirm)))

(defun revert-buffer--default (_ignore-auto noconfirm) "The default `revert-buffer-function': reread the visited file; t when done."
  (let ((visited buffer-file-name))
    (or visited (error "Buffer does not seem to be associated with any file"))
    ;; A file name given to a buffer whose file never was read.
    (and (equal (visited-file-modtime) 0) (not (file-exists-p visited))
         (error "Cannot revert nonexistent file %s" visited))
    (when (cond (noconfirm)
                (t (equal (read-string (format "Revert buffer from file %s? (yes or no) " visited)) "yes")))
      (or (file-exists-p visited) (error "File %s no longer exists!" visited))
      (run-hooks 'before-revert-hook)
      (let ((inhibit-read-only t))
        (funcall (or revert-buffer-insert-file-contents-function
                     #'revert-buffer-insert-file-contents--default-function)
                 visited nil))
      (after-find-file nil nil t t revert-buffer-preserve-modes)
      (run-hooks 'after-revert-hook)
      t)))

(defvar revert-buffer-insert-file-contents-function #'revert-buffer-insert-file-contents--default-function
  "Function of a file name and AUTO-SAVE-P that puts the file's text in the buffer when it is reverted.")

(defun revert-buffer-insert-file-contents--default-function (file-name auto-save-p) "Replace the buffer's text with FILE-NAME's, as a revert does.
AUTO-SAVE-P non-nil means FILE-NAME is an auto-save file: the buffer
keeps visiting its own file.  Gives what `insert-file-contents' gives."
  (unless (file-exists-p file-name)
    (error "File %s no longer exists!" file-name))
  (insert-file-contents file-name (not auto-save-p) nil nil t))

(defun revert-buffer-insert-file-contents-delicately (file-name _auto-save-p) "Put FILE-NAME's text in the buffer changing only what differs.
Markers, point and text properties outside the changed parts stay where
they were (`replace-buffer-contents').  The buffer's file is marked as
read; nothing is returned."
  (unless (file-exists-p file-name)
    (error "File %s no longer exists" file-name))
  (let ((target (current-buffer))
        (fresh (generate-new-buffer " *revert-buffer-delicately*" t)))
    (unwind-protect
        (progn
          (with-current-buffer fresh
            (set-buffer-multibyte (buffer-local-value 'enable-multibyte-characters target))
            (insert-file-contents file-name))
          (let ((inhibit-read-only t))
            (replace-buffer-contents fresh))
          (when (equal (expand-file-name file-name) (and buffer-file-name (expand-file-name buffer-file-name)))
            (set-visited-file-modtime)
            (set-buffer-modified-p nil)))
      (kill-buffer fresh))
    nil))

(defun revert-buffer-with-fine-grain (&optional ignore-auto noconfirm) "Revert the buffer from its file, changing only the parts that differ.
Unlike a plain `revert-buffer', markers and text properties in the
unchanged parts are kept.  IGNORE-AUTO and NOCONFIRM are as for
`revert-buffer'; the value is t when the buffer was reverted."
  (interactive (list (not current-prefix-arg)))
  (let ((revert-buffer-insert-file-contents-function
         #'revert-buffer-insert-file-contents-delicately))
    (revert-buffer ignore-auto noconfirm t)))

(defun buffer-stale--default-function (&optional _noconfirm) "Return t when the file the buffer visits is there and changed on disk since it was read or saved."
  (and buffer-file-name (file-readable-p buffer-file-name)
       (not (verify-visited-file-modtime (current-buffer))) t))

;; --- temporary output buffers ---

(defmacro with-output-to-temp-buffer (bufname &rest body) "Run BODY with `standard-output' going to the buffer BUFNAME, emptied first; then show it.
The buffer is shown with `temp-buffer-show-function' when set, else by running
`temp-buffer-show-hook' in it.  The value is BODY's." (declare (debug t) (indent 1))
  (let ((dir (make-symbol "dir")) (out (make-symbol "out")))
    `(let* ((,dir default-directory)
            (,out (get-buffer-create ,bufname)))
       (with-current-buffer ,out
         (kill-all-local-variables)
         (setq default-directory ,dir buffer-read-only nil buffer-file-name nil buffer-undo-list t)
         (let ((inhibit-read-only t) (inhibit-modification-hooks t))
           (erase-buffer) (run-hooks 'temp-buffer-setup-hook)))
       (let ((standard-output ,out))
         (prog1 (progn ,@body) (internal-temp-output-buffer-show ,out))))))

(defun internal-temp-output-buffer-show (buffer) "Show BUFFER after `with-output-to-temp-buffer' filled it: unmodified, point at its start."
  (with-current-buffer buffer (set-buffer-modified-p nil) (goto-char (point-min)))
  (cond (temp-buffer-show-function (funcall temp-buffer-show-function buffer))
        (t (let ((w (display-buffer buffer)))
             (if (window-live-p w)
                 (with-selected-window w (run-hooks 'temp-buffer-show-hook))
               (with-current-buffer buffer (run-hooks 'temp-buffer-show-hook)))))))

;; --- buffer names for files that share a name (uniquify, post-forward-angle-brackets) ---

(defvar uniquify-buffer-name-style 'post-forward-angle-brackets "How buffers visiting files of the same name are told apart: `forward', `reverse', `post-forward', `post-forward-angle-brackets', or nil for NAME<N>.")
(defvar uniquify-after-kill-buffer-p t "Non-nil means killing one of such buffers renames the rest again.")
(defvar uniquify-strip-common-suffix t "Non-nil means directories every such file shares at the end are left out.")

(defun files--uniquify (base &optional dying) "Rename the buffers visiting files called BASE (but DYING) so that their names tell them apart.
The names follow `uniquify-buffer-name-style' (uniquify.el does the
renaming); with the style nil, buffers keep the names they were made
with.  A buffer renamed to a name without BASE in it is left alone."
  (when uniquify-buffer-name-style
    (let ((items nil))
      (dolist (b (buffer-list))
        (let ((f (buffer-local-value 'buffer-file-name b)))
          (when (and f (not (eq b dying))
                     (equal (file-name-nondirectory f) base)
                     (string-search base (buffer-name b)))
            (push (uniquify-make-item base (directory-file-name (file-name-directory f)) b) items))))
      (when items
        (setq items (nreverse items))
        (prog1 (uniquify-rationalize items)
          ;; A buffer alone is no group.
          (unless (cdr items)
            (with-current-buffer (uniquify-item-buffer (car items))
              (setq uniquify-managed nil))))))))

(defun uniquify-kill-buffer-function () "Rename again the buffers that share a file name with the buffer being killed."
  (when (and uniquify-after-kill-buffer-p buffer-file-name)
    (files--uniquify (file-name-nondirectory buffer-file-name) (current-buffer))))
(add-hook 'kill-buffer-hook #'uniquify-kill-buffer-function)

;; --- directories, links, attributes (the Lisp half of GNU's file operations) ---

(defconst directory-files-no-dot-files-regexp "[^.]\\|\\.\\.\\."
  "A regexp that matches every file name but \".\" and \"..\".")

(defun make-directory (dir &optional parents) "Create the directory DIR.
With PARENTS, first create whatever directories above it are missing, and an existing
directory DIR is no error."
  (setq dir (expand-file-name dir))
  (files--magic make-directory (dir) (dir parents)
  (if (null parents)
      (make-directory-internal dir)
    (let ((missing nil)
          (probe (directory-file-name dir)))
      ;; Walk up to the first name that exists, remembering the rest from the top down.
      (while (and (not (file-exists-p probe))
                  (not (equal probe (directory-file-name (file-name-directory probe)))))
        (push probe missing)
        (setq probe (directory-file-name (file-name-directory probe))))
      (if missing
          (mapc #'make-directory-internal missing)
        (unless (file-directory-p dir) (signal 'file-already-exists (list "File exists" dir))))
      nil))))

(defun files--delete-tree (dir) "Delete everything inside the directory DIR, and DIR, descending into real subdirectories only."
  (unless (file-symlink-p dir)
    (dolist (f (directory-files dir t directory-files-no-dot-files-regexp t))
      (if (eq (car (file-attributes f)) t)
          (files--delete-tree f)
        (delete-file f))))
  (delete-directory-internal dir))

(defun delete-directory (directory &optional recursive trash) "Delete the directory DIRECTORY, which must be empty unless RECURSIVE.
RECURSIVE deletes its files and subdirectories first (symbolic links are deleted, not followed);
a directory already gone is then no error.  TRASH is accepted: there is no trash here."
  (setq directory (directory-file-name (expand-file-name directory)))
  (files--magic delete-directory (directory) (directory recursive trash)
    (if recursive
        (condition-case nil (files--delete-tree directory) (file-missing nil))
      (delete-directory-internal directory))))

(defun files--listing (dir) "DIR's entries but . and .., each name ending in a slash when it is a directory, sorted."
  (sort (mapcar (lambda (f)
                  (if (file-directory-p (expand-file-name f dir)) (concat f "/") f))
                (directory-files dir nil directory-files-no-dot-files-regexp t))
        #'string<))

(defun directory-files-recursively (dir regexp &optional include-directories predicate follow-symlinks)
  "List the files under DIR, at any depth, whose names match REGEXP.
Files deeper down come before those above them; each directory's files are sorted by name.
INCLUDE-DIRECTORIES: list matching directories too, each after its contents.
PREDICATE: descend into a subdirectory only when it gives non-nil for its name (t: always).
FOLLOW-SYMLINKS: descend into symbolic links to directories as well."
  (let ((deeper nil) (here nil)
        (top (file-name-as-directory dir)))
    (dolist (entry (files--listing dir))
      (if (directory-name-p entry)
          (let* ((leaf (substring entry 0 -1))
                 (full (concat top leaf)))
            (when (and (or follow-symlinks (not (file-symlink-p full)))
                       (or (memq predicate '(nil t)) (funcall predicate full)))
              (setq deeper (nconc deeper (directory-files-recursively
                                          full regexp include-directories predicate follow-symlinks))))
            (when (and include-directories (string-match-p regexp leaf))
              (setq deeper (nconc deeper (list full)))))
        (when (string-match-p regexp entry)
          (push (concat top entry) here))))
    (nconc deeper (nreverse here))))

(defun file-chase-links (filename &optional limit) "Follow FILENAME while it is a symbolic link (at most LIMIT times) and give the name reached.
Names of links met on the way are taken in the directory of the link."
  (let ((hops 0) target)
    (while (and (or (null limit) (< hops limit))
                (setq target (file-symlink-p filename)))
      (setq hops (1+ hops))
      (when (> hops 100)
        (error "Apparent cycle of symbolic links for %s" filename))
      ;; As GNU's: a FILENAME without a directory part has nothing to expand the target in.
      (setq filename (expand-file-name target (directory-file-name (file-name-directory filename)))))
    filename))

(defun files--same-file-p (a b) "Non-nil if the attribute lists A and B (both non-nil) describe one file: same inode and device."
  (and a b (equal (nth 10 a) (nth 10 b)) (equal (nth 11 a) (nth 11 b))))

(defun file-equal-p (file1 file2) "Non-nil if FILE1 and FILE2 both exist and are the same file (through links and other names)."
  (files--magic file-equal-p (file1 file2) (file1 file2)
    (files--same-file-p (file-attributes (file-truename (expand-file-name file1)))
                        (file-attributes (file-truename (expand-file-name file2))))))

(defun file-in-directory-p (file dir) "Non-nil if FILE is DIR or lies somewhere under it (symbolic links followed); DIR must exist."
  (let ((target (file-attributes (file-truename (expand-file-name dir))))
        (here (file-truename (expand-file-name file)))
        (found nil) (done nil))
    (when target
      (while (not (or found done))
        (if (files--same-file-p (file-attributes here) target)
            (setq found t)
          (let ((up (file-name-directory (directory-file-name here))))
            (if (or (null up) (equal up here))
                (setq done t)
              (setq here up))))))
    found))

(defvar locate-dominating-stop-dir-regexp "\\`\\(?:[\\/][\\/][^\\/]+[\\/]\\|/\\(?:net\\|afs\\|\\.\\.\\.\\)/\\)\\'"
  "Directories whose names match this are not searched by `locate-dominating-file'.")

(defun locate-dominating-file (file name) "Find the nearest directory at or above FILE that holds NAME; give it as a directory name, or nil.
NAME may be a function instead: then the first directory for which it gives non-nil."
  (let ((dir (abbreviate-file-name (expand-file-name file)))
        (found nil))
    (while (and dir (not found)
                (not (string-match-p locate-dominating-stop-dir-regexp dir)))
      (if (if (stringp name)
              (and (file-directory-p dir) (file-exists-p (expand-file-name name dir)))
            (funcall name dir))
          (setq found dir)
        (let ((up (file-name-directory (directory-file-name dir))))
          (setq dir (if (equal up dir) nil up)))))
    (and found (file-name-as-directory found))))

;; The accessors of `file-attributes' lists, by position.
(defun file-attribute-type (attributes) "The type in ATTRIBUTES: t, a link's target, or nil." (nth 0 attributes))
(defun file-attribute-link-number (attributes) "The number of names in ATTRIBUTES." (nth 1 attributes))
(defun file-attribute-user-id (attributes) "The owner in ATTRIBUTES." (nth 2 attributes))
(defun file-attribute-group-id (attributes) "The group in ATTRIBUTES." (nth 3 attributes))
(defun file-attribute-access-time (attributes) "The last access time in ATTRIBUTES." (nth 4 attributes))
(defun file-attribute-modification-time (attributes) "The last modification time in ATTRIBUTES." (nth 5 attributes))
(defun file-attribute-status-change-time (attributes) "The last status change time in ATTRIBUTES." (nth 6 attributes))
(defun file-attribute-size (attributes) "The size in bytes in ATTRIBUTES." (nth 7 attributes))
(defun file-attribute-modes (attributes) "The mode string in ATTRIBUTES, as ls shows it." (nth 8 attributes))
(defun file-attribute-inode-number (attributes) "The inode number in ATTRIBUTES." (nth 10 attributes))
(defun file-attribute-device-number (attributes) "The device number in ATTRIBUTES." (nth 11 attributes))

(defconst files--attribute-slots
  '(type link-number user-id group-id access-time modification-time status-change-time
    size modes unused inode-number device-number)
  "The names of the `file-attributes' fields, in order.")

(defun file-attribute-collect (attributes &rest attribute-names) "The fields of ATTRIBUTES named by ATTRIBUTE-NAMES (`type', `size', `modes'...), in a list."
  (mapcar (lambda (slot)
            (let ((tail (memq slot files--attribute-slots)))
              (unless tail (error "Wrong attribute name '%S'" slot))
              (nth (- (length files--attribute-slots) (length tail)) attributes)))
          attribute-names))

(defmacro with-file-modes (modes &rest body) "Run BODY with MODES as the default modes of new files, restored after."
  (declare (indent 1) (debug t))
  (let ((saved (make-symbol "saved")))
    `(let ((,saved (default-file-modes)))
       (unwind-protect
           (progn (set-default-file-modes ,modes) ,@body)
         (set-default-file-modes ,saved)))))

(defun file-modes-number-to-symbolic (mode &optional filetype) "MODE (an integer) written as ls writes it, starting with FILETYPE (a character) or -."
  (let ((bits (lambda (on c) (if (/= 0 (logand mode on)) c ?-)))
        (x (lambda (exec special on off)
             (cond ((/= 0 (logand mode special)) (if (/= 0 (logand mode exec)) on off))
                   ((/= 0 (logand mode exec)) ?x)
                   (t ?-)))))
    (string (or filetype
                (pcase (logand mode #o170000)
                  (#o040000 ?d) (#o120000 ?l) (#o020000 ?c) (#o060000 ?b) (#o010000 ?p) (#o140000 ?s)
                  (_ ?-)))
            (funcall bits #o400 ?r) (funcall bits #o200 ?w) (funcall x #o100 #o4000 ?s ?S)
            (funcall bits #o040 ?r) (funcall bits #o020 ?w) (funcall x #o010 #o2000 ?s ?S)
            (funcall bits #o004 ?r) (funcall bits #o002 ?w) (funcall x #o001 #o1000 ?t ?T))))

(defun files--mode-who (who) "The mode bits the `ugoa' letters in WHO stand for (all of them when WHO is empty)."
  (let ((m 0))
    (if (equal who "") #o7777
      (dolist (c (string-to-list who) m)
        (setq m (logior m (pcase c (?u #o4700) (?g #o2070) (?o #o1007) (?a #o7777)
                            (_ (error "%c: bad symbolic mode" c)))))))))

(defun file-modes-symbolic-to-number (modes &optional from) "The mode number the chmod-style MODES (\"u=rwx,go+r\") give, starting from FROM (default 0)."
  (let ((mode (or from 0)))
    (dolist (clause (split-string modes ","))
      (unless (string-match "\\`\\([ugoa]*\\)\\([-+=]\\)\\([rwxXstugo]*\\)\\'" clause)
        (error "Parse error in modes near `%s'" clause))
      (let* ((who (files--mode-who (match-string 1 clause)))
             (op (aref (match-string 2 clause) 0))
             (perm 0))
        (dolist (c (string-to-list (match-string 3 clause)))
          (setq perm (logior perm (pcase c
                                    (?r #o444) (?w #o222) (?x #o111) (?s #o6000) (?t #o1000)
                                    (?X (if (/= 0 (logand mode #o111)) #o111 0))
                                    (?u (* #o111 (ash (logand mode #o700) -6)))
                                    (?g (* #o111 (ash (logand mode #o070) -3)))
                                    (?o (* #o111 (logand mode #o007)))))))
        (setq perm (logand perm who))
        (setq mode (pcase op
                     (?+ (logior mode perm))
                     (?- (logand mode (lognot perm)))
                     (_ (logior (logand mode (lognot who)) perm))))))
    mode))

;; --- more file names, and copying whole directories ---

(defun file-name-with-extension (filename extension) "FILENAME with its extension replaced by EXTENSION (given with or without its leading period)."
  (dolist (arg (list filename extension))
    (unless (stringp arg) (signal 'wrong-type-argument (list 'stringp arg))))
  ;; One leading period belongs to the extension's spelling, not to the extension.
  (let ((ext (if (string-prefix-p "." extension) (substring extension 1) extension)))
    (cond ((equal filename "") (error "Empty filename"))
          ((directory-name-p filename) (error "Filename is a directory: %s" filename))
          ((equal ext "") (error "Malformed extension: %s" extension))
          (t (concat (file-name-sans-extension filename) "." ext)))))

(defun file-remote-p (file &optional identification connected) "Non-nil if FILE names a file on another machine, as its handler tells; a local name gives nil."
  (files--magic file-remote-p (file) (file identification connected) nil))

(defun file-local-name (file) "FILE's name on the machine that holds it: FILE itself for a local name."
  (or (file-remote-p file 'localname) file))

(defun file-local-copy (file) "The name of a local copy of the remote FILE, as its handler makes it; nil for a local FILE."
  (files--magic file-local-copy (file) (file) nil))

(defun unhandled-file-name-directory (filename) "A directory name for FILENAME that a subprocess could use as its working directory."
  (files--magic unhandled-file-name-directory (filename) (filename)
    (file-name-as-directory filename)))


(defun temporary-file-directory () "The directory for temporary files of this buffer: `temporary-file-directory', names being local."
  temporary-file-directory)

(defun make-nearby-temp-file (prefix &optional dir-flag suffix)
  "Make a temporary file as `make-temp-file' does, near `default-directory' when that is remote (never, here)."
  (make-temp-file prefix dir-flag suffix))

(defvar path-separator ":" "The character that separates the directories of a search path, as a string.")

(defun files--substitute-env (string) "STRING with $VAR and ${VAR} replaced by their values in the environment ($$ by $), nothing else done."
  (replace-regexp-in-string
   "\\$\\(?:\\([[:alnum:]_]+\\)\\|{\\([^}]+\\)}\\|\\$\\)"
   (lambda (m)
     (let ((var (or (match-string 1 m) (match-string 2 m))))
       (cond ((null var) "$")
             ((getenv var))
             (t m))))
   string t t))

(defun parse-colon-path (search-path) "The directories of SEARCH-PATH (separated by `path-separator') as directory names.
Environment variables in it are replaced first; an empty entry stands for the current directory
and gives nil."
  (when search-path
    (mapcar (lambda (dir)
              ;; A run of slashes in front stands for one; inside a name they stay.
              (unless (equal dir "")
                (file-name-as-directory (if (string-prefix-p "//" dir) (replace-regexp-in-string "\\`/+" "/" dir) dir))))
            (split-string (files--substitute-env search-path) path-separator))))

(defun file-size-human-readable (file-size &optional flavor space unit) "FILE-SIZE in bytes written short with a unit prefix: 1536 is \"1.5k\".
FLAVOR `si' counts in thousands, `iec' in 1024s with prefixes such as \"Ki\" (and unit B), nil in
1024s with the prefixes of `si'.  SPACE goes between the number and the prefix, UNIT after it."
  (let* ((step (if (eq flavor 'si) 1000.0 1024.0))
         (prefixes '("" "k" "M" "G" "T" "P" "E" "Z" "Y"))
         (size (if (number-or-marker-p file-size) (float file-size)
                 (signal 'wrong-type-argument (list 'number-or-marker-p file-size)))))
    (while (and (>= size step) (cdr prefixes))
      (setq size (/ size step) prefixes (cdr prefixes)))
    (let* ((prefix (if (and (eq flavor 'iec) (not (equal (car prefixes) "")))
                       (concat (if (equal (car prefixes) "k") "K" (car prefixes)) "i")
                     (car prefixes)))
           (unit (or unit (if (eq flavor 'iec) "B" "")))
           (suffix (concat prefix unit))
           (frac (- size (ffloor size))))
      (format (if (and (>= frac 0.05) (< frac 0.95)) "%.1f%s%s" "%.0f%s%s")
              size (if (equal suffix "") "" (or space "")) suffix))))

(defun file-size-human-readable-iec (size) "SIZE in bytes written short in 1024s with IEC prefixes and a space: \"9.4 KiB\"."
  (file-size-human-readable size 'iec " "))

(defun copy-directory (directory newname &optional keep-time parents copy-contents) "Copy DIRECTORY and everything in it to NEWNAME.
When NEWNAME is a directory name (ends in a slash) the copy goes inside it under DIRECTORY's
name, unless COPY-CONTENTS, which copies the contents straight into NEWNAME.  KEEP-TIME keeps
the files' modification times; PARENTS creates missing directories above NEWNAME."
  (let ((handler (files--handler-of 'copy-directory (list directory newname))))
    (if handler
        (funcall handler 'copy-directory directory newname keep-time parents copy-contents)
      (files--copy-directory directory newname keep-time parents copy-contents))))

(defun files--copy-directory (directory newname keep-time parents copy-contents) "Do `copy-directory' with no handler."
  (setq directory (directory-file-name (expand-file-name directory)))
  (setq newname (expand-file-name newname))
  (when (and (directory-name-p newname) (not copy-contents))
    (setq newname (concat newname (file-name-nondirectory directory))))
  (setq newname (directory-file-name newname))
  ;; Only COPY-CONTENTS may go into a directory that is already there.  The target is made
  ;; before the source is read, so a missing source leaves it behind, as in GNU.
  (unless (and copy-contents (file-directory-p newname))
    (make-directory newname parents))
  (files--copy-entries directory newname (directory-files directory nil directory-files-no-dot-files-regexp)
                       keep-time parents)
  (set-file-modes newname (file-modes directory))
  (when keep-time
    (set-file-times newname (file-attribute-modification-time (file-attributes directory))))
  nil)

(defun files--copy-entries (directory newname entries keep-time parents)
  "Copy the ENTRIES of DIRECTORY into NEWNAME: links as links, directories whole, files with `copy-file'."
  (dolist (f entries)
    (let ((from (expand-file-name f directory))
          (to (expand-file-name f newname)))
      (cond ((file-symlink-p from)
             (make-symbolic-link (file-symlink-p from) to t))
            ((file-directory-p from)
             (copy-directory from to keep-time parents t))
            (t (copy-file from to t keep-time))))))

(defvar completion-ignored-extensions
  (list ".o" "~" ".bin" ".lbin" ".so" ".a" ".ln" ".blg" ".bbl" ".elc" ".lof" ".glo" ".idx" ".lot"
        ".svn/" ".hg/" ".git/" ".bzr/" "CVS/" "_darcs/" "_MTN/" ".fmt" ".tfm" ".class" ".fas" ".lib"
        ".mem" ".x86f" ".sparcf" ".dfsl" ".pfsl" ".d64fsl" ".p64fsl" ".lx64fsl" ".lx32fsl" ".dx64fsl"
        ".dx32fsl" ".fx64fsl" ".fx32fsl" ".sx64fsl" ".sx32fsl" ".wx64fsl" ".wx32fsl" ".fasl" ".ufsl"
        ".fsl" ".dxl" ".lo" ".la" ".gmo" ".mo" ".toc" ".aux" ".cp" ".fn" ".ky" ".pg" ".tp" ".vr"
        ".cps" ".fns" ".kys" ".pgs" ".tps" ".vrs" ".pyc" ".pyo")
  "Endings of file names that file name completion passes over while other names fit.
An ending with a slash at its end applies to directories.")

(defun files--ignored-name-p (name) "Non-nil if NAME (a completion, directories ending in a slash) ends in one of `completion-ignored-extensions'."
  (let ((exts completion-ignored-extensions) (hit nil))
    (while (and exts (not hit))
      (let ((ext (pop exts)))
        (setq hit (and (stringp ext) (> (length name) (length ext)) (string-suffix-p ext name)))))
    hit))

(defun file-name-completion (file directory &optional predicate) "Complete FILE as far as the names in DIRECTORY allow: t for the one exact name, nil for none.
PREDICATE, when non-nil, must accept a name (as completion gives it) for it to count.  Names
ending as `completion-ignored-extensions' say are passed over unless only such names fit."
  (let ((handler (files--handler-of 'file-name-completion (list (expand-file-name directory) file))))
    (if handler
        (funcall handler 'file-name-completion file directory predicate)
      (files--name-completion file directory predicate))))

(defun files--name-completion (file directory predicate) "Do `file-name-completion' with no handler."
  (let ((names nil) (kept nil))
    (dolist (n (file-name-all-completions file directory))
      (when (or (null predicate) (funcall predicate n))
        (push n names)
        (unless (files--ignored-name-p n) (push n kept))))
    (try-completion file (or kept names))))

(defvar cd-path nil "The directories `cd' looks in for a relative name, as directory names; nil means those of
the CDPATH environment variable, or just the current directory.")

(defun cd-absolute (dir) "Make DIR (expanded and made a directory name) the current `default-directory'; give it."
  (setq dir (file-name-as-directory (abbreviate-file-name (expand-file-name dir))))
  (cond ((not (file-directory-p dir))
         (error (if (file-exists-p dir) "%s is not a directory" "%s: no such directory") dir))
        ((not (file-accessible-directory-p dir))
         (error "Cannot cd to %s:  Permission denied" dir)))
  (setq default-directory dir))

(defun cd (dir) "Make DIR the current `default-directory'; a relative DIR is looked for along `cd-path'."
  (unless (stringp dir) (signal 'wrong-type-argument (list 'stringp dir)))
  (if (file-name-absolute-p dir)
      (cd-absolute (expand-file-name dir))
    (unless cd-path
      (setq cd-path (or (let ((env (getenv "CDPATH")))
                          (and env (mapcar (lambda (d) (or d "./")) (parse-colon-path env))))
                        (list "./"))))
    (let ((places cd-path) (found nil))
      (while (and places (not found))
        (let ((candidate (expand-file-name dir (pop places))))
          (when (file-directory-p candidate) (setq found candidate))))
      (if found
          (cd-absolute found)
        (error (if (getenv "CDPATH")
                   "No such directory found via CDPATH environment variable"
                 "No such directory: %s")
               dir)))))

;;;; More of the variables GNU's files.el has bound at start-up, for the
;; programs that read or bind them; those the file commands here do not
;; consult yet are listed in docs/stdlib.md.

(defvar abbreviated-home-dir nil "A regexp matching the home directory at the start of a name, set by `abbreviate-file-name'.")
(defvar auto-mode-interpreter-regexp "#![ \t]?\\([^ \t\n]*/bin/env[ \t]\\)?\\([^ \t\n]+\\)"
  "A regexp matching a #! line: group 2 is the interpreter that picks the major mode.")
(defvar file-auto-mode-skip "^\\(#!\\|'\\\\\"\\)" "A regexp for a first line the -*- mode search looks past.")
(defvar file-name-invalid-regexp "[\0]" "A regexp matching what may not appear in a file name.")
(defvar file-name-version-regexp "\\(?:~\\|\\.~[-[:alnum:]:#@^._]+\\(?:~[[:digit:]]+\\)?~\\)"
  "A regexp matching the backup or version suffix of a file name.")
(defvar hack-local-variable-regexp "[ \t]*\\([^][;\"'?()\\ \t\n]+\\)[ \t]*:[ \t]*"
  "A regexp matching the start of a local-variables line: group 1 is the variable.")
(defvar inhibit-local-variables-suffixes
  '("\\.zst\\'" "\\.dz\\'" "\\.xz\\'" "\\.lzma\\'" "\\.lz\\'" "\\.g?z\\'" "\\.bz2\\'" "\\.Z\\'")
  "Suffixes of the files whose local variables and modes are not looked for.")
(defvaralias 'inhibit-first-line-modes-suffixes 'inhibit-local-variables-suffixes)
(defvar inhibit-local-variables-ignore-case t "Non-nil means `inhibit-local-variables-suffixes' match whatever the case.")
(defvar insert-directory-ls-version 'unknown "The version of `ls' in use, or `unknown' before it is known.")
(defvar local-enable-local-variables t "A buffer's own `enable-local-variables'.")
(defvar buffer-file-numbers-unique t "Non-nil means two files with the same inode and device numbers are one file.")
(defvaralias 'find-file-not-found-hooks 'find-file-not-found-functions)
(defvaralias 'find-file-hooks 'find-file-hook)
(defvaralias 'write-file-hooks 'write-file-functions)
(defvar local-write-file-hooks nil "An old name of `write-file-functions' with a local value.")
(make-variable-buffer-local 'local-write-file-hooks)
(put 'local-write-file-hooks 'permanent-local t)
(defvaralias 'write-contents-hooks 'write-contents-functions)
(defvar buffer-file-read-only nil "Non-nil if the visited file could not be written when it was visited.")
(make-variable-buffer-local 'buffer-file-read-only)
(defvar buffer-save-without-query nil "Non-nil means this buffer is saved by `save-some-buffers' without asking.")
(make-variable-buffer-local 'buffer-save-without-query)
(defvar buffer-auto-revert-by-notification nil "Non-nil means file notifications are enough for Auto Revert to see this buffer's file change.")
(make-variable-buffer-local 'buffer-auto-revert-by-notification)
(defvar save-buffer-coding-system nil "When non-nil, the coding system the buffer's next save uses.")
(make-variable-buffer-local 'save-buffer-coding-system)
(put 'save-buffer-coding-system 'permanent-local t)
(defvaralias 'cache-long-line-scans 'cache-long-scans)
(defvar save-silently nil "Non-nil means saving a buffer shows no message.")
(defvar save-some-buffers--switch-window-callback nil "The function `save-some-buffers' uses to show a buffer it asks about.")
(defvar hack-dir-local-variables--warned-coding nil "Non-nil once a directory-local `coding' setting has been warned about.")
(defvar hack-local-variables--warned-lexical nil "Non-nil once a file's missing `lexical-binding' has been warned about.")
(defvar revert-buffer-with-fine-grain-max-seconds 2.0 "How many seconds a fine-grained revert may spend comparing before it reverts the plain way.")
;; The value is the one GNU computes from its parts (ISO, western and east
;; Asian dates before the name), recorded whole.
(defvar directory-listing-before-filename-regexp
  "\\([0-9][BkKMGTPEZY]? \\(\\([0-9][0-9][0-9][0-9]-\\)?[01][0-9]-[0-3][0-9][ T][ 0-2][0-9][:.][0-5][0-9]\\(:[0-6][0-9]\\([.,][0-9]+\\)?\\( ?[-+][0-2][0-9][0-5][0-9]\\)?\\)?\\|[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]\\)\\|.*[0-9][BkKMGTPEZY]? \\(\\(\\([A-Za-z']\\|[^\0-\177]\\)\\([A-Za-z']\\|[^\0-\177]\\)+\\.? +[ 0-3][0-9]\\|[ 0-3][0-9]\\.? \\([A-Za-z']\\|[^\0-\177]\\)\\([A-Za-z']\\|[^\0-\177]\\)+\\.?\\) +\\([ 0-2][0-9][:.][0-5][0-9]\\|[0-9][0-9][0-9][0-9]\\)\\|\\([A-Za-z']\\|[^\0-\177]\\)\\([A-Za-z']\\|[^\0-\177]\\)+\\.? +[ 0-3][0-9], +[0-9][0-9][0-9][0-9]\\|[ 0-3][0-9]-\\([A-Za-z']\\|[^\0-\177]\\)\\([A-Za-z']\\|[^\0-\177]\\)+\\.?-[0-9][0-9][0-9][0-9] [ 0-2][0-9][:.][0-5][0-9]\\|\\([ 0-1]?[0-9]\\([A-Za-z]\\|[^\0-\177]\\)? [ 0-3][0-9]\\([A-Za-z]\\|[^\0-\177]\\)? +\\|[ 0-3][0-9] [ 0-1]?[0-9] +\\)\\([ 0-2][0-9][:.][0-5][0-9]\\|[0-9][0-9][0-9][0-9]\\([A-Za-z]\\|[^\0-\177]\\)?\\)\\)\\) +"
  "A regexp matching a directory listing's line up to the file name.")

;; User options.
(defvar automount-dir-prefix "^/tmp_mnt/" "A regexp for the prefix the automounter adds to directories, which `abbreviate-file-name' drops.")
(defvar backup-by-copying nil "Non-nil means backups are always made by copying.")
(defvar backup-by-copying-when-linked nil "Non-nil means a file with several names is backed up by copying.")
(defvar backup-by-copying-when-mismatch t "Non-nil means a file whose owner or group would change is backed up by copying.")
(defvar backup-by-copying-when-privileged-mismatch 200 "Files of this user id or lower are backed up by copying; nil turns this off.")
(defvar break-hardlink-on-save nil "Non-nil means saving a file with several names gives it a name of its own.")
(defvar change-major-mode-with-file-name t "Non-nil means giving a buffer another file name can change its major mode.")
(defvar copy-directory-create-symlink nil "Non-nil means `copy-directory' copies a symbolic link as a link.")
(defvar directory-free-space-program "df" "The program that reports the free space of a file system.")
(defvar directory-free-space-args "-Pk" "The options given to `directory-free-space-program'.")
(defvar dired-kept-versions 2 "How many numbered backups Dired keeps when it cleans them up.")
(defvar file-name-at-point-functions '(ffap-guess-file-name-at-point) "Functions that guess a file name from the text at point.")
(defvar file-preserve-symlinks-on-save nil "Non-nil means saving through a symbolic link leaves the link in place.")
(defvar find-file-existing-other-name t "Non-nil means visiting a file already visited under another name uses the existing buffer.")
(defvar find-file-suppress-same-file-warnings nil "Non-nil means no warning when a file is already visited under another name.")
(defvar ignored-local-variable-values nil "Variable settings of files that are always ignored: (VAR . VALUE) entries.")
(put 'ignored-local-variable-values 'risky-local-variable t)
(defvar lock-file-mode-hook nil "Functions run when Lock File mode is turned on or off.")
(defvar auto-save-visited-mode-hook nil "Functions run when Auto Save Visited mode is turned on or off.")
(defvar mode-require-final-newline t "What major modes that care store in `require-final-newline'.")
(defvar mounted-file-systems "^\\(?:/\\(?:afs/\\|m\\(?:edia/\\|nt\\)\\|\\(?:ne\\|tmp_mn\\)t/\\)\\)"
  "A regexp for the directories where other file systems are mounted.")
(defvar out-of-memory-warning-percentage nil "When a number, the share of memory a file may need before its visit asks.")
(defvar query-about-changed-file t "Non-nil means the user is asked before a buffer whose file changed is shown again.")
(defvar remote-file-name-inhibit-cache 10 "Seconds remote file attributes stay cached: nil never expires, t never caches.")
(defvar remote-file-name-inhibit-locks nil "Non-nil means remote files get no lock files.")
(defvar remote-shell-program "ssh" "The program that runs a shell on another machine.")
(defvar revert-buffer-quick-short-answers nil "Non-nil means `revert-buffer-quick' asks with one-key answers.")
(defvar revert-without-query nil "Regexps of the files reverted without asking.")
(defvar user-emacs-directory-warning t "Non-nil means a warning when `user-emacs-directory' cannot be used.")

(provide 'files)
