;;; apropos.el --- listing the symbols whose names or documentation match  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; A search is given either as a regexp or as a list of words; words match
;; a name holding two of them in either order (one word alone is a plain
;; substring).  Results go to the *Apropos* buffer.

(require 'cl-lib)

(defvar apropos-do-all nil "Non-nil means apropos commands look wider: all functions, not only commands, and so on.")

(defvar apropos-synonyms (mapcar #'split-string '("find open edit" "kill cut" "yank paste" "region selection"))
  "Groups of words that an apropos word search takes as the same.")

(defvar apropos-sort-by-scores nil "Non-nil means apropos results are sorted by how well they match.")

(defvar apropos-documentation-sort-by-scores t "Non-nil means documentation apropos results are sorted by score.")

(defvar apropos-compact-layout nil "Non-nil means each apropos result takes one line.")

(defvar apropos-mode-hook nil "Hook run by `apropos-mode'.")

(defvar apropos-regexp nil "The regexp of the current apropos search.")
(defvar apropos-all-words-regexp nil "The regexp matching the words of the current search, synonyms included.")
(defvar apropos-words nil "The words of the current apropos search, or nil for a regexp.")
(defvar apropos-all-words nil "The words of the current search, as given.")
(defvar apropos-pattern nil "The pattern of the current apropos search, as a string.")
(defvar apropos-pattern-quoted nil "The pattern of the current search, as a regexp matching it literally.")
(defvar apropos-accumulator nil "The results of the current apropos search.")

(define-derived-mode apropos-mode special-mode "Apropos"
  "Major mode for the buffer listing the results of an apropos search.")

(defun apropos--ask (subject &optional wider) "Return the interactive arguments of an apropos command about SUBJECT.
With WIDER, the prefix argument follows the pattern."
  (let ((pattern (apropos-read-pattern subject)))
    (if wider (list pattern current-prefix-arg) (list pattern))))

(defun apropos-read-pattern (subject) "Read an apropos pattern about SUBJECT: a list of words, or a regexp if the answer has special characters."
  (let ((answer (read-string (concat "Search for " subject " (word list or regexp): "))))
    (if (string-equal (regexp-quote answer) answer)
        (or (split-string answer "[ \t]+" t) (user-error "No word list given"))
      answer)))

(defface apropos-property '((t (:inherit font-lock-builtin-face)))
  "How Apropos listings show the names of properties." :group 'apropos)

(defun apropos--synonyms-of (word) "WORD as a regexp: the alternatives of its `apropos-synonyms' group if it is in one, else WORD."
  (let ((group (cl-find-if (lambda (g) (member word g)) apropos-synonyms)))
    (if group (mapconcat #'identity group "\\|") word)))

(defun apropos-words-to-regexp (words wild) "A regexp matching any two different members of WORDS, in either order, with WILD (a regexp) between them.
A single word is its own regexp; no words give nil."
  (if (cdr words)
      (mapconcat (lambda (one)
                   (concat "\\(?:" one "\\)" wild "\\(?:"
                           (mapconcat #'identity (remove one words) "\\|")
                           "\\)"))
                 words "\\|")
    (car words)))

(defun apropos-parse-pattern (pattern &optional multiline-p) "Set up the apropos search variables for PATTERN and return its regexp.
PATTERN is a regexp, or a list of words: then each word stands for its
synonyms too, and with two or more different words a name must match
two of them.  MULTILINE-P is accepted for searches through documentation."
  (ignore multiline-p)
  (if (stringp pattern)
      (setq apropos-pattern pattern
            apropos-pattern-quoted (regexp-quote pattern)
            apropos-words nil
            apropos-all-words nil
            apropos-all-words-regexp pattern apropos-regexp pattern)
    (let* ((words (mapcar #'apropos--synonyms-of (reverse pattern)))
           (distinct (delete-dups (copy-sequence words))))
      (setq apropos-pattern (mapconcat #'identity pattern " ") apropos-pattern-quoted (regexp-quote apropos-pattern)
            apropos-words words
            apropos-all-words words
            apropos-regexp (apropos-words-to-regexp distinct ".*?")
            apropos-all-words-regexp (apropos-words-to-regexp distinct ".+"))
      apropos-regexp)))

;;; Scores: how well a name or a text matches the current search.

(defun apropos-calc-scores (str words) "The places in STR where each of WORDS (regexps) first matches, last word first.
With no WORDS, where the match of `apropos-regexp' begins and ends."
  (if words
      (let ((places nil))
        (dolist (w words places)
          (when (string-match w str) (push (match-beginning 0) places))))
    (and (string-match apropos-regexp str)
         (list (match-beginning 0) (match-end 0)))))

(defun apropos--place-score (places len unit) "Sum, over PLACES in a text of length LEN, of UNIT plus up to UNIT more the nearer the start."
  (if (= len 0) 0 (apply #'+ (mapcar (lambda (at) (+ unit (/ (* unit (- len at)) len))) places))))

(defun apropos-score-str (str) "How well STR matches the current search: a thousand-odd per matching word, less for later places and long texts."
  (if (not str)
      0
    (let ((len (length str)))
      (- (apropos--place-score (apropos-calc-scores str apropos-all-words) len 1000)
         (/ len 10)))))

(defun apropos-score-doc (doc) "How well the documentation DOC matches the current search; 10000 more if it holds the pattern as typed."
  (if (not doc)
      0
    (+ (apropos--place-score (apropos-calc-scores doc apropos-all-words) (length doc) 50)
       (if (string-match apropos-pattern-quoted doc) 10000 0))))

(defun apropos-score-symbol (symbol &optional weight) "How well the name of SYMBOL matches the current search, times WEIGHT (3 by default)."
  (let* ((name (symbol-name symbol))
         (len (length name))
         (places (and (> len 0) (apropos-calc-scores name apropos-all-words))))
    (* (or weight 3)
       (- (apropos--place-score places len 60) (* len (length places))))))

(defun apropos-true-hit (str words) "Non-nil unless STR (a string) matches fewer than two of WORDS (when there are two or more)."
  (or (not str) (not (cdr words))
      (let ((hits 0))
        (dolist (w words) (when (string-match w str) (setq hits (1+ hits))))
        (> hits 1))))

(defun apropos-true-hit-doc (doc) "Non-nil if DOC matches two of the search's words, or there are not two to match."
  (apropos-true-hit doc apropos-all-words))

(defun apropos-format-plist (pl sep &optional compare) "The property list of PL (a symbol) as text: \"PROP VALUE\" pieces joined by SEP.
The property names have the face `apropos-property'.  With COMPARE only the
pieces that match `apropos-regexp' are kept, their first match in the
face `match'; nil if none (or no property) is left."
  (let ((plist (symbol-plist pl)) (pieces nil))
    (while plist
      (let ((piece (concat (propertize (format "%s" (car plist)) 'face 'apropos-property)
                           " " (prin1-to-string (cadr plist)))))
        (if (not compare)
            (push piece pieces)
          (when (string-match apropos-regexp piece)
            (put-text-property (match-beginning 0) (match-end 0) 'face 'match piece)
            (push piece pieces))))
      (setq plist (cddr plist)))
    (and pieces (mapconcat #'identity (nreverse pieces) (or sep "")))))

(defun apropos-documentation-property (symbol property raw) "Return SYMBOL's documentation under PROPERTY, key references substituted unless RAW."
  (let ((doc (condition-case nil (documentation-property symbol property t) (error nil))))
    (if (stringp doc) (if raw doc (substitute-command-keys doc))
      "(not documented)")))

(defun apropos--first-line (doc) "Return the first line of DOC, or a note that there is none."
  (if (stringp doc) (substring doc 0 (string-match "\n" doc))
    "(not documented)"))

(defun apropos--show (pattern symbols describe) "Show SYMBOLS found for PATTERN in *Apropos*, each described by DESCRIBE.
DESCRIBE returns a list of (LABEL . TEXT) pairs for a symbol.  Return
the symbols, or nil after saying there was no match."
  (if (null symbols) (progn (message "No apropos matches for `%s'" (if (stringp pattern) pattern (mapconcat #'identity pattern " ")))
             nil)
    (with-current-buffer (get-buffer-create "*Apropos*")
      (let ((inhibit-read-only t)) (erase-buffer) (apropos-mode) (dolist (sym symbols)
          (insert (symbol-name sym) "\n")
          (dolist (entry (funcall describe sym))
            (insert "  " (car entry) ": " (cdr entry) "\n")))
        (goto-char (point-min)))) (display-buffer "*Apropos*")
    symbols))

(defun apropos--matching (pattern pred) "Return the symbols matching PATTERN (after parsing it) for which PRED holds, sorted."
  (apropos-parse-pattern pattern) (sort (apropos-internal apropos-regexp pred) #'string<))

(defun apropos--function-entry (sym) "Describe the function SYM for an apropos listing."
  (when (fboundp sym) (list (cons (cond ((commandp sym) "Command") ((macrop sym) "Macro") (t "Function"))
                (apropos--first-line (condition-case nil (documentation sym t) (error nil)))))))

(defun apropos--variable-entry (sym) "Describe the variable SYM for an apropos listing."
  (when (boundp sym) (list (cons (if (custom-variable-p sym) "User option" "Variable")
                (apropos--first-line (apropos-documentation-property sym 'variable-documentation t))))))

(defun apropos--plain-variable-p (sym) "Return non-nil if SYM is a bound variable other than a constant symbol."
  (and (boundp sym) (not (or (keywordp sym) (eq sym t) (null sym)))))

(defun apropos (pattern &optional do-all) "List the symbols matching PATTERN that are functions, variables or faces.
DO-ALL non-nil lists every matching symbol."
  (interactive (apropos--ask "symbol" t))
  (apropos--show pattern
                 (apropos--matching pattern (if (or do-all apropos-do-all)
                                                nil
                                              (lambda (s) (or (fboundp s) (boundp s) (symbol-plist s)))))
                 (lambda (s) (append (apropos--function-entry s) (apropos--variable-entry s)))))

(defun apropos-command (pattern &optional do-all var-predicate) "List the commands matching PATTERN; with DO-ALL every function.
VAR-PREDICATE non-nil lists instead the variables it accepts."
  (interactive (apropos--ask (if (or current-prefix-arg apropos-do-all) "command or function" "command") t)) (apropos--show pattern
                 (apropos--matching pattern (or var-predicate (if (or do-all apropos-do-all) #'functionp #'commandp)))
                 (if var-predicate #'apropos--variable-entry #'apropos--function-entry)))

(defalias 'command-apropos #'apropos-command)

(defun apropos-function (pattern) "List the functions matching PATTERN."
  (interactive (apropos--ask "function")) (apropos-command pattern t))

(defun apropos-variable (pattern &optional do-not-all) "List the variables matching PATTERN; with DO-NOT-ALL only user options."
  (interactive (apropos--ask (if current-prefix-arg "user option" "variable") t))
  (apropos-command pattern nil (if do-not-all #'custom-variable-p
                                 #'apropos--plain-variable-p)))

(defun apropos-user-option (pattern &optional do-all) "List the user options matching PATTERN; with DO-ALL every variable."
  (interactive (apropos--ask (if (or current-prefix-arg apropos-do-all) "variable" "user option") t)) (apropos-command pattern nil (if (or do-all apropos-do-all)
                                   #'apropos--plain-variable-p
                                 #'custom-variable-p)))

(defun apropos--value-matches-p (value) "Return non-nil if the printed VALUE matches the current apropos regexp."
  (string-match-p apropos-regexp (prin1-to-string value)))

(defun apropos-value (pattern &optional do-all) "List the variables whose values match PATTERN; with DO-ALL also function definitions and property lists."
  (interactive (apropos--ask "value" t))
  (apropos-parse-pattern pattern) (let ((found nil)) (mapatoms (lambda (s) (when (or (and (boundp s) (not (keywordp s)) (not (memq s '(nil t apropos-regexp apropos-pattern apropos-all-words-regexp apropos-pattern-quoted)))
                               (apropos--value-matches-p (symbol-value s)))
                          (and (or do-all apropos-do-all)
                               (or (and (fboundp s) (apropos--value-matches-p (symbol-function s)))
                                   (apropos--value-matches-p (symbol-plist s)))))
                  (push s found))))
    (apropos--show pattern (sort found #'string<)
                   (lambda (s) (and (boundp s) (list (cons "Value" (prin1-to-string (symbol-value s)))))))))

(defun apropos-local-variable (pattern &optional buffer) "List the variables local to BUFFER (default: the current one) whose names match PATTERN."
  (interactive (apropos--ask "buffer-local variable")) (apropos-parse-pattern pattern) (let ((found nil)) (dolist (entry (buffer-local-variables (or buffer (current-buffer))))
      (let ((s (if (consp entry) (car entry) entry)))
        (when (string-match-p apropos-regexp (symbol-name s)) (push s found))))
    (apropos--show pattern (sort found #'string<) #'apropos--variable-entry)))

(defun apropos-local-value (pattern &optional buffer) "List the variables local to BUFFER (default: the current one) whose values match PATTERN."
  (interactive (apropos--ask "value of buffer-local variable")) (apropos-parse-pattern pattern) (let ((found nil)) (dolist (entry (buffer-local-variables (or buffer (current-buffer))))
      (when (and (consp entry) (apropos--value-matches-p (cdr entry)))
        (push (car entry) found)))
    (apropos--show pattern (sort found #'string<)
                   (lambda (s) (list (cons "Value" (prin1-to-string (buffer-local-value s (or buffer (current-buffer))))))))))

(defun apropos-documentation (pattern &optional do-all) "List the symbols whose documentation matches PATTERN; DO-ALL is accepted as GNU's."
  (interactive (apropos--ask "documentation" t))
  (ignore do-all)
  (apropos-parse-pattern pattern) (let ((found nil)) (mapatoms (lambda (s) (let ((fdoc (and (fboundp s) (condition-case nil (documentation s t) (error nil))))
                      (vdoc (apropos-documentation-property s 'variable-documentation t)))
                  (when (or (and (stringp fdoc) (string-match-p apropos-all-words-regexp fdoc))
                            (and (stringp vdoc) (string-match-p apropos-all-words-regexp vdoc)))
                    (push s found)))))
    (apropos--show pattern (sort found #'string<)
                   (lambda (s) (append (apropos--function-entry s) (apropos--variable-entry s))))))

(defun apropos-library (file) "List the functions and variables the library FILE defines."
  (interactive (list (completing-read "Describe library: "
                                      (delq nil (mapcar (lambda (e) (and (stringp (car e))
                                                                         (file-name-sans-extension (file-name-nondirectory (car e)))))
                                                        load-history))
                                      nil t)))
  (let* ((entry (cl-find-if (lambda (e) (and (stringp (car e))
                                             (equal (file-name-sans-extension (file-name-nondirectory (car e))) file)))
                            load-history))
         (syms nil))
    (dolist (item (cdr entry))
      (cond ((symbolp item) (push item syms))
            ((memq (car-safe item) '(defun t)) (push (cdr item) syms))))
    (apropos--show file (sort (delete-dups syms) #'string<)
                   (lambda (s) (append (apropos--function-entry s) (apropos--variable-entry s))))))

(provide 'apropos)

;;; apropos.el ends here
