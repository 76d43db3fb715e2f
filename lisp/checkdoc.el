;;; checkdoc.el --- checking the style of documentation strings and file comments  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; The checks are those of the Emacs Lisp manual's "Tips for Documentation
;; Strings" and "Conventional Headers", with GNU's messages.  Each finding
;; is (TEXT POSITION); the batch entry points report them as warnings or
;; collect them in the *Style Warnings* buffer.

(require 'cl-lib)

(defvar checkdoc-autofix-flag 'semiautomatic "How checkdoc fixes what it finds; tsmacs only reports.")
(defvar checkdoc-bouncy-flag t "Non-nil means fixes are shown before they are made.")
(defvar checkdoc-force-docstrings-flag t "Non-nil means every function and macro must have a documentation string.")
(defvar checkdoc-force-history-flag nil "Non-nil means a file must have a History section.")
(defvar checkdoc-permit-comma-termination-flag nil "Non-nil means a first line may end with a comma.")
(defvar checkdoc-spellcheck-documentation-flag nil "Non-nil means documentation is spell-checked.")
(defvar checkdoc-arguments-in-order-flag nil "Non-nil means arguments must be mentioned in the order of the argument list.")
(defvar checkdoc-verb-check-experimental-flag t "Non-nil means verbs of the first sentence are checked to be imperative.")
(defvar checkdoc-max-keyref-before-warn nil "How many key references a documentation string may have before a warning, or nil.")
(defvar checkdoc-package-keywords-flag nil "Non-nil means the Keywords header is checked against the known keywords.")
(defvar checkdoc-create-error-function #'checkdoc--make-error "Function that makes a finding from TEXT, START, END and UNFIXABLE.")
(defvar checkdoc-diagnostic-buffer "*Style Warnings*" "The buffer where findings are collected.")
(defvar checkdoc-output-mode-hook nil "Hook run by `checkdoc-output-mode'.")

;; Verbs GNU's checkdoc asks to be imperative in a first sentence,
;; observed by running it: the third-person form and the imperative.
(defvar checkdoc--third-person-verbs
  (mapcar (lambda (w) (cons (concat w (if (string-match-p "\\(?:s\\|ch\\)\\'" w) "es" "s")) w))
          (split-string "return go make set create insert find check test move add remove call run use show convert evaluate read kill save select search replace start parse load execute mark toggle turn disable update change initialize define tell keep look say hold leave"))
  "Pairs (THIRD-PERSON . IMPERATIVE) of verbs checked in first sentences.")
(setq checkdoc--third-person-verbs
      (append '(("goes" . "go") ("applies" . "apply"))
              (cl-remove "gos" checkdoc--third-person-verbs :key #'car :test #'equal)))

(defun checkdoc--make-error (text start end &optional unfixable) "Return a finding: TEXT at START (to END); UNFIXABLE is kept."
  (record 'checkdoc-error text start end unfixable))

(defun checkdoc--text (finding) "Return the message of FINDING." (if (recordp finding) (aref finding 1) (car finding)))

(defun checkdoc--start (finding) "Return the position of FINDING." (if (recordp finding) (aref finding 2) (nth 1 finding)))

(defun checkdoc-list-of-strings-p (obj) "Return non-nil if OBJ is a list of strings."
  (and (listp obj) (cl-every #'stringp obj)))

;; GNU's derives from Compilation mode, which tsmacs does not have yet.
(define-derived-mode checkdoc-output-mode special-mode "Checkdoc"
  "Major mode for the buffer of checkdoc's findings.")

;;;; Documentation strings

(defun checkdoc--line (pos) "Return the line number of POS in the current buffer."
  (line-number-at-pos pos))

(defun checkdoc--args (arglist) "Return the names of ARGLIST that the documentation must mention."
  (cl-remove-if (lambda (a) (or (memq a '(&optional &rest &key &aux &allow-other-keys &body))
                                (string-prefix-p "_" (symbol-name a))))
                (mapcar (lambda (a) (if (consp a) (car a) a)) arglist)))

(defun checkdoc--doc-findings (doc start args &optional name) "Return the findings of the documentation string DOC whose text starts at START.
ARGS are the argument names a function's documentation must mention;
for a variable's it is the symbol `none' and NAME is the variable."
  (let* ((found nil) (first-line (car (split-string doc "\n")))
         (err (lambda (text pos) (push (funcall checkdoc-create-error-function text pos (1+ pos)) found))))
    (cond
     ((string-match-p "\\`[ \t\n]" doc)
      (funcall err "Documentation strings should not start or end with whitespace" start))
     ((string-match "[ \t\n]+\\'" doc)
      (funcall err "Documentation strings should not start or end with whitespace"
               (+ start (match-beginning 0)))))
    ;; A one-line string must end with the punctuation itself; the first
    ;; line of a longer one may have white space after it.
    (if (string-match-p "\n" doc)
        (unless (or (string-match-p "[.!?][ \t]*\\'" first-line)
                    (string-match-p "\\`[ \t]*\\'" first-line))
          (funcall err "First line is not a complete sentence" start))
      (unless (string-match-p "[.!?]\\'" doc)
        (funcall err "First sentence should end with punctuation" start)))
    (when (let ((case-fold-search nil)) (string-match-p "\\`[a-z]" doc))
      (funcall err "First line should be capitalized" start))
    (when (listp args)
      (let ((missing (cl-find-if-not
                      (lambda (a)
                        (let ((case-fold-search nil)) (string-match-p (concat "\\(?:\\`\\|[^[:alnum:]_-]\\)" (regexp-quote (upcase (symbol-name a)))
                                                 "\\(?:\\'\\|[^[:alnum:]_-]\\)")
                                         doc)))
                      args)))
        (when missing (funcall err (format-message "Argument `%s' should appear (as %s) in the doc string"
                                       missing (upcase (symbol-name missing)))
                   start))))
    (when (and (eq args 'none) name (string-suffix-p "-flag" (symbol-name name))
               (not (string-prefix-p "Non-nil means" doc)))
      (funcall err "Flag variable doc strings should usually start: Non-nil means" start))
    (when (and checkdoc-verb-check-experimental-flag (listp args))
      (let ((bad (cl-some (lambda (w) (assoc (downcase w) checkdoc--third-person-verbs))
                          (split-string (replace-regexp-in-string "[.!?].*\\'" "" first-line)
                                        "[^[:alnum:]-]+" t))))
        (when bad
          (let* ((word (car bad)) (i (let ((case-fold-search t)) (string-match (regexp-quote word) doc)))
                 (shown (substring doc i (+ i (length word))))
                 (fix (if (let ((case-fold-search nil)) (string-match-p "\\`[A-Z]" shown))
                          (capitalize (cdr bad)) (cdr bad))))
            (funcall err (format "Probably \"%s\" should be imperative \"%s\"" shown fix) start)))))
    ;; A sentence ends with one space where two belong: not after a
    ;; single-letter initial nor a short abbreviation.
    (let ((i 0) (done nil))
      (while (and (not done) (string-match "\\([[:alnum:]'`)]+\\)\\([.?!]\\) \\([^ \n]\\)" doc i))
        (let ((word (match-string 1 doc)))
          (if (or (= (length word) 1)
                  (member (downcase word) '("e.g" "i.e" "etc" "vs" "cf" "g" "e")))
              (setq i (match-end 2))
            (funcall err "There should be two spaces after a period" (+ start (match-beginning 2)))
            (setq done t)))))
    ;; Lines running past column 80, looked at in the buffer (the first
    ;; line shares the definition's line), in strings of more than one line
    ;; and only when nothing else was found.
    (when (and (null found) (listp args) (string-match-p "\n" doc))
      (save-excursion (goto-char start) (let ((end (+ start (length doc))) (long nil))
          (while (and (not long) (<= (point) end) (not (eobp)))
            (end-of-line) (when (> (current-column) 80) (setq long t))
            (forward-line 1)) (when long
            (funcall err "Some lines are over 80 columns wide" start)))))
    (nreverse found)))

(defconst checkdoc--function-definers '(defun defmacro defsubst cl-defun cl-defmacro define-inline cl-defmethod)
  "Definers of functions and macros whose documentation is checked.")

(defconst checkdoc--variable-definers '(defvar defconst defcustom defface defvar-local)
  "Definers of variables and faces whose documentation is checked.")

(defun checkdoc--form-findings (beg) "Return the findings of the definition starting at BEG in the current buffer."
  (save-excursion (goto-char beg) (let ((form (condition-case nil (read (current-buffer)) (error nil))))
      (when (and (consp form) (symbolp (car form)))
        (cond
         ((memq (car form) checkdoc--function-definers)
          ;; Find where the documentation string is, or would be: right
          ;; after the argument list.
          (goto-char beg) (down-list 1) (forward-sexp 2)
          ;; A method's qualifiers come before its argument list.
          (let ((tail (nthcdr 2 form)))
            (while (and (eq (car form) 'cl-defmethod) (keywordp (car tail)))
              ;; :extra takes a string after it.
              (let ((n (if (eq (car tail) :extra) 2 1)))
                (forward-sexp n) (setq tail (nthcdr n tail)))) (setq form (append (list (car form) (nth 1 form)) tail)))
          (forward-sexp 1) (skip-chars-forward " \t\n") (let ((doc (nth 3 form))
                (args (checkdoc--args (mapcar (lambda (a) (if (consp a) (car a) a)) (nth 2 form)))))
            (if (stringp doc) (checkdoc--doc-findings doc (1+ (point)) args)
              (when checkdoc-force-docstrings-flag
                (list (funcall checkdoc-create-error-function
                               (if (assq 'interactive (nthcdr 3 form))
                                   "All interactive functions should have documentation" "All variables and subroutines might as well have a documentation string")
                               (point) (1+ (point)) t))))))
         ((memq (car form) checkdoc--variable-definers)
          (let ((doc (nth 3 form)))
            (when (stringp doc) (goto-char beg) (down-list 1) (forward-sexp 3) (skip-chars-forward " \t\n") (checkdoc--doc-findings doc (1+ (point)) 'none (nth 1 form))))))))))

(defun checkdoc--defun-findings () "Return the findings of every definition of the current buffer, in order."
  (save-excursion (goto-char (point-min)) (let ((acc nil))
      (while (re-search-forward "^(" nil t)
        (let ((beg (1- (point))))
          (setq acc (append acc (condition-case nil (checkdoc--form-findings beg) (error nil))))
          (goto-char beg) (condition-case nil (forward-sexp 1) (error (goto-char (point-max))))))
      acc)))

;;;; Helpers the interactive checks are built on

(defun checkdoc-next-docstring () "Move to the place of the documentation string of the next definition; return t, or nil at the end.
A definition is a form opening a line whose head starts with \"def\";
point goes past its name and the sexp after it (the argument list or
the value), and past a derived mode's parent and name too.  A form
that has nothing there is passed over."
  (let ((found nil))
    (while (and (not found)
                (re-search-forward "^[ \t]*(\\(?:cl-\\)?def\\(?:\\sw\\|\\s_\\)*[ \t\n]+" nil 'move))
      (let ((head (save-excursion
                    (goto-char (match-beginning 0))
                    (skip-chars-forward " \t(")
                    (symbol-at-point))))
        (setq found (condition-case nil
                        (progn
                          (forward-sexp (if (eq head 'define-derived-mode) 3 2))
                          (skip-chars-forward " \t\n")
                          t)
                      (scan-error nil)))))
    found))

(defun checkdoc-in-abbreviation-p (begin) "Non-nil if the word ending at BEGIN is an abbreviation followed by a period.
The words are \"e.g\", \"i.e\", \"a.k.a\", \"cf\", \"vs\", \"etc\",
\"resp\", \"inc\" and single letters, in any case.  A word that starts
the buffer counts as one."
  (save-excursion
    (goto-char begin)
    (condition-case nil
        (progn
          (re-search-backward "[^[:alnum:].]")
          (forward-char 1)
          (let ((case-fold-search t))
            (looking-at "\\(?:e\\.g\\|i\\.e\\|a\\.k\\.a\\|cf\\|vs\\|etc\\|resp\\|inc\\|[[:alpha:]]\\)\\.\\(?:[^[:alpha:]]\\|\\'\\)")))
      (search-failed t))))

(defun checkdoc--error-bad-format-p () "Non-nil if the error message whose text starts at point is not capitalized.
A message \"PREFIX: text\" must go on with a capital letter (unless the
prefix itself starts with one); otherwise a first word of two or more
letters in lower case is wrong unless it names a function or variable."
  (save-excursion
   (let ((case-fold-search nil))
    ;; Point may be on the string's opening quote.
    (when (eq (char-after) ?\") (forward-char 1))
    (cond
     ((looking-at "[^A-Z \t\n\":][^ \t\n\":]*:\\(?:[ \t]\\|\\\\\n\\)+")
      (save-excursion
        (goto-char (match-end 0))
        (looking-at-p "[a-z]")))
     ((looking-at "[a-z]\\(?:\\sw\\|-\\)+")
      (let* ((name (match-string 0))
             (word (intern-soft name)))
        (not (or (string= name "nil")
                 (and word (or (fboundp word) (boundp word)))))))
     (t nil)))))

(defun checkdoc--fix-y-or-n-p () "Make the prompt string after point, the argument of a yes-or-no question, end with \"?\".
A prompt ending in \"?\" or \"? \" is left alone.  Unless
`checkdoc-autofix-flag' is `never', a \"?\" is added before the closing
quote and nil returned; otherwise the finding is returned."
  (let* ((start (save-excursion (skip-chars-forward " \t\n") (point)))
         (end (save-excursion (forward-sexp 1) (point)))
         (text (buffer-substring-no-properties start end)))
    (cond
     ((string-match-p "\\?\"\\'\\|\\? \"\\'" text) nil)
     ((or (eq checkdoc-autofix-flag 'never) (not (eq (char-after start) ?\")))
      (funcall checkdoc-create-error-function
               "`y-or-n-p' argument should end with \"?\""
               (1- end) end))
     (t
      (message "%s -> done"
               (format-message "`%s' argument should end with %S.  Fix?"
                               'y-or-n-p "? "))
      (save-excursion
        (goto-char (1- end))
        (insert "?"))
      nil))))

;;;; File comments and white space

(defun checkdoc--comment-findings () "Return the findings about the conventional comments of the current file."
  (when buffer-file-name (let* ((file (file-name-nondirectory buffer-file-name))
           (name (file-name-sans-extension file))
           (found nil)
           (err (lambda (text pos) (push (funcall checkdoc-create-error-function text pos (1+ pos)) found))))
      (save-excursion (goto-char (point-min)) (unless (looking-at-p ";;; .* --- ")
          (funcall err "The first line should be of the form: \";;; package --- Summary\"" 0))
        (goto-char (point-min)) (unless (re-search-forward "^;;; Commentary:" nil t)
          (funcall err "You should have a section marked \";;; Commentary:\"" 0))
        (goto-char (point-min)) (unless (re-search-forward "^;;;;* Code:" nil t)
          ;; Reported where the code starts.
          (funcall err "You should have a section marked \";;; Code:\""
                   (progn (goto-char (point-min)) (let ((pos nil))
                            ;; Leading `require' forms do not count as code.
                            (while (and (not pos) (re-search-forward "^(" nil t))
                              (unless (looking-at-p "require ") (setq pos (match-beginning 0))))
                            (or pos 1)))))
        (goto-char (point-max)) (unless (re-search-backward (concat "^;;; " (regexp-quote file) " ends here") nil t)
          ;; Reported on the last line with text.
          (funcall err (format "The footer should be: (provide '%s)\\n;;; %s ends here" name file)
                   (progn (goto-char (point-max)) (skip-chars-backward " \t\n") (point)))))
      (nreverse found))))

(defun checkdoc--rogue-space-findings () "Return a finding for the first line of the current buffer that ends in white space."
  (save-excursion (goto-char (point-min)) (when (re-search-forward "[ \t]+$" nil t)
      (list (funcall checkdoc-create-error-function "White space found at end of line"
                     (match-beginning 0) (match-end 0))))))

(defun checkdoc--all-findings () "Return every finding of the current buffer: comments, definitions, white space."
  (append (checkdoc--comment-findings)
          (checkdoc--defun-findings)
          (checkdoc--rogue-space-findings)))

;;;; Reporting

(defun checkdoc--position-line (pos) "Return the line number shown for a finding at POS: 0 before the text."
  (if (and (integerp pos) (> pos 0)) (checkdoc--line pos) 0))

(defun checkdoc--label () "Return the name findings are reported under."
  (if buffer-file-name (file-name-nondirectory buffer-file-name) (buffer-name)))

(defun checkdoc--note (finding) "Add FINDING to the diagnostic buffer, under the current buffer's name."
  (let ((line (format "%s:%d: %s" (checkdoc--label) (checkdoc--position-line (checkdoc--start finding)) (checkdoc--text finding))))
    (with-current-buffer (get-buffer-create checkdoc-diagnostic-buffer) (let ((inhibit-read-only t)) (goto-char (point-max)) (insert "\n" line)))))

(defun checkdoc--start-notes (command) "Open a section of the diagnostic buffer for COMMAND run on the current buffer."
  (let ((label (checkdoc--label)))
    (with-current-buffer (get-buffer-create checkdoc-diagnostic-buffer) (unless (eq major-mode 'checkdoc-output-mode) (checkdoc-output-mode))
      (let ((inhibit-read-only t)) (goto-char (point-max)) (insert "\n\n\f\n*** " label ": " (symbol-name command))))))

(defun checkdoc--report (findings take-notes command) "Report FINDINGS of COMMAND: as notes if TAKE-NOTES, else as warnings or a message."
  (cond
   (take-notes
    (checkdoc--start-notes command)
    (mapc #'checkdoc--note findings))
   (noninteractive
    ;; The warning's text has its quotes turned as `format-message' turns them.
    (dolist (f findings)
      (display-warning 'emacs (format-message
                               (replace-regexp-in-string "%" "%%" (format "\n%s:%d: %s" (checkdoc--label)
                                                 (checkdoc--position-line (checkdoc--start f))
                                                 (checkdoc--text f))
                                t t)))))
   (findings
    (user-error "%s" (checkdoc--text (car findings))))
   (t (message "Checkdoc: done."))))

(defun checkdoc-current-buffer (&optional take-notes) "Check the documentation strings and comments of the current buffer.
With TAKE-NOTES, collect the findings in the diagnostic buffer."
  (interactive "P") (checkdoc--report (checkdoc--all-findings) take-notes 'checkdoc-current-buffer)
  t)

(defun checkdoc-file (file) "Check FILE, reporting each finding as a warning."
  (with-current-buffer (find-file-noselect file) (checkdoc--report (checkdoc--all-findings) nil 'checkdoc-file)))

(defun checkdoc-start (&optional take-notes) "Check the definitions of the current buffer from its start; TAKE-NOTES as `checkdoc-current-buffer'."
  (interactive "P") (save-excursion (goto-char (point-min)) (checkdoc-continue take-notes)))

(defun checkdoc-continue (&optional take-notes) "Check the definitions from point on; TAKE-NOTES as `checkdoc-current-buffer'."
  (interactive "P") (let ((from (point))) (checkdoc--report (cl-remove-if (lambda (f) (< (checkdoc--start f) from)) (checkdoc--defun-findings))
                      take-notes 'checkdoc-continue))
  nil)

(defun checkdoc-comments (&optional take-notes) "Check the conventional comments of the current file; TAKE-NOTES as `checkdoc-current-buffer'."
  (interactive "P") (unless buffer-file-name (error "Can only check comments for a file buffer")) (checkdoc--report (checkdoc--comment-findings) take-notes 'checkdoc-comments)
  nil)

(defun checkdoc-rogue-spaces (&optional take-notes interact) "Find white space at the ends of lines; TAKE-NOTES as `checkdoc-current-buffer', INTERACT is accepted."
  (interactive "P") (ignore interact)
  ;; The finding is returned rather than noted.
  (when take-notes (checkdoc--start-notes 'checkdoc-rogue-spaces))
  (car (checkdoc--rogue-space-findings)))

(defun checkdoc-defun (&optional no-error) "Check the definition around point; with NO-ERROR return the first finding's text instead of signaling."
  (interactive nil) (save-excursion (beginning-of-defun) (let ((findings (checkdoc--form-findings (point))))
      (cond
       ((null findings) (unless no-error (message "Checkdoc: done.")) nil)
       (no-error (checkdoc--text (car findings)))
       (t (user-error "%s" (checkdoc--text (car findings))))))))

(defun checkdoc-message-text (&optional take-notes) "Check the texts of error messages in the current buffer; TAKE-NOTES as `checkdoc-current-buffer'."
  (interactive "P") (let ((found nil)) (save-excursion (goto-char (point-min)) (while (re-search-forward "(\\(?:error\\|user-error\\|message\\) +\"\\([^\"]*\\)\"" nil t)
        (let ((text (match-string 1)) (pos (match-beginning 1)))
          (cond
           ((let ((case-fold-search nil)) (string-match-p "\\`[a-z]" text))
            (push (funcall checkdoc-create-error-function "Messages should start with a capital letter" pos (1+ pos)) found))
           ((and (string-match-p "\\.\\'" text) (not (string-match-p "\\.\\.\\.\\'" text)))
            (push (funcall checkdoc-create-error-function "Error messages should *not* end with a period" pos (1+ pos)) found))))))
    (checkdoc--report (nreverse found) take-notes 'checkdoc-message-text)
    nil))

(defun checkdoc-interactive (&optional start-here showstatus) "Check the buffer's definitions one by one from START-HERE (else the start); SHOWSTATUS is accepted."
  (interactive "P") (ignore showstatus)
  (if start-here (checkdoc-continue) (checkdoc-start)))

(defun checkdoc-message-interactive (&optional start-here showstatus) "Check the buffer's messages from START-HERE (else the start); SHOWSTATUS is accepted."
  (interactive "P") (ignore start-here showstatus)
  (checkdoc-message-text))

(defun checkdoc () "Check the current buffer's documentation, comments, messages and white space."
  (interactive nil) (checkdoc-current-buffer)
  (checkdoc-message-text))

(defun checkdoc-eval-current-buffer () "Evaluate the current buffer, then check it."
  (interactive nil) (eval-buffer nil) (checkdoc-current-buffer))

(defun checkdoc-eval-defun () "Evaluate the definition around point, then check it."
  (interactive nil) (eval-defun nil) (checkdoc-defun))

(defun checkdoc-package-keywords () "Check that the Keywords header of the current file uses only known keywords."
  (interactive nil) (let ((keywords (save-excursion
                    (goto-char (point-min)) (and (re-search-forward "^;;* *Keywords: *\\(.*\\)$" nil t)
                         (split-string (match-string 1) "[ ,]+" t))))
        (known (and (boundp 'finder-known-keywords) (mapcar (lambda (k) (symbol-name (car k))) finder-known-keywords))))
    (dolist (k keywords) (unless (member k known)
        (message "Keyword \"%s\" is not a known keyword" k)))
    nil))

;; Spell checking needs an external speller; these run the checks above
;; with spell checking asked for, as GNU's do.
(defmacro checkdoc--with-spelling (&rest body) "Run BODY with spell checking of documentation asked for."
  `(let ((checkdoc-spellcheck-documentation-flag t)) ,@body))

(defun checkdoc-ispell () "Check the current buffer as `checkdoc' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc)))
(defun checkdoc-ispell-current-buffer () "Check the current buffer as `checkdoc-current-buffer' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-current-buffer)))
(defun checkdoc-ispell-interactive () "Check as `checkdoc-interactive' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-interactive)))
(defun checkdoc-ispell-message-interactive () "Check as `checkdoc-message-interactive' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-message-interactive)))
(defun checkdoc-ispell-message-text () "Check as `checkdoc-message-text' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-message-text)))
(defun checkdoc-ispell-start () "Check as `checkdoc-start' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-start)))
(defun checkdoc-ispell-continue () "Check as `checkdoc-continue' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-continue)))
(defun checkdoc-ispell-comments () "Check as `checkdoc-comments' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-comments)))
(defun checkdoc-ispell-defun () "Check as `checkdoc-defun' does, spell checking asked for."
  (interactive nil) (checkdoc--with-spelling (checkdoc-defun)))

(define-minor-mode checkdoc-minor-mode "Toggle checking the definition around point whenever it is evaluated."
  :lighter " CDoc")

(provide 'checkdoc)

;;; checkdoc.el ends here
