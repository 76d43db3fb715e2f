;;; python.el --- a smaller Python major mode for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (syntax classes,
;; `syntax-ppss' over triple-quoted strings, the buffer-local settings, what typing
;; quotes does under Electric Pair mode, and the indentation of small programs: see
;; test/corpus/lib-progmodes.el) and the Python section of the Emacs manual.
;; A line is indented from the statement before it: one level in after a colon, one
;; out after `return', `pass', `break', `continue' or `raise'; `else'-like keywords
;; line up with the statement they continue; bracketed and backslash-continued
;; lines follow their opener.

;;; Code:

(defgroup python nil "Editing Python code." :group 'languages :prefix "python-")

(defcustom python-indent-offset 4 "How many columns one level of Python nesting indents." :type 'integer :safe #'integerp)
(defcustom python-indent-guess-indent-offset t "Whether entering the mode guesses `python-indent-offset' from the buffer." :type 'boolean)
(defcustom python-indent-guess-indent-offset-verbose t "Whether a failed guess of the indentation offset is announced." :type 'boolean)

(defvar python-mode-map (let ((km (make-sparse-keymap)))
			  (define-key km [backtab] #'python-indent-dedent-line)
			  (define-key km "\177" #'python-indent-dedent-line-backspace)
			  km)
  "Keys of Python mode.")

(defvar python-mode-syntax-table (let ((st (make-syntax-table)))
				   (dolist (entry '((?# . "<") (?\n . ">") (?' . "\"") (?\" . "\"") (?` . "$") (?$ . ".")
						    (?% . ".") (?& . ".") (?* . ".") (?+ . ".") (?- . ".") (?/ . ".")
						    (?< . ".") (?= . ".") (?> . ".") (?| . ".") (?_ . "_")))
				     (modify-syntax-entry (car entry) (cdr entry) st))
				   st)
  "Syntax table of Python mode.")

(defconst python--block-keywords
  '("def" "class" "if" "elif" "else" "for" "while" "try" "except" "finally" "with" "async")
  "Keywords that begin a compound statement.")

(defconst python-font-lock-keywords-level-1
  '(("\\_<def[ \t]+\\([[:alpha:]_][[:alnum:]_]*\\)" 1 font-lock-function-name-face)
    ("\\_<class[ \t]+\\([[:alpha:]_][[:alnum:]_]*\\)" 1 font-lock-type-face))
  "Highlighting of Python definitions.")

(defconst python-font-lock-keywords-level-2
  (append python-font-lock-keywords-level-1
          `((,(concat "\\_<" (regexp-opt (split-string "def class if elif else for while try except finally with
                                                         return yield pass break continue raise import from as global
                                                         nonlocal lambda del assert async await and or not in is")
                                         t)
                      "\\_>")
             1 font-lock-keyword-face)
            ("\\_<\\(None\\|True\\|False\\|self\\)\\_>" 1 font-lock-constant-face)))
  "Highlighting of Python definitions and keywords.")

(defconst python-font-lock-keywords-maximum-decoration
  (append python-font-lock-keywords-level-2
          '(("^[ \t]*\\(@[[:alnum:]_.]+\\)" 1 font-lock-type-face)))
  "Highlighting of Python definitions, keywords and decorators.")

(defun python-font-lock-syntactic-face-function (state) "The face of the string or comment described by the parse STATE."
       (if (nth 3 state) font-lock-string-face font-lock-comment-face))

;;; Triple-quoted strings.

(defun python-syntax-stringify () "Give the triple quote just matched its syntax: the quote next to the string's
text becomes a string fence, so that the two others make an empty string."
       (let* ((quote-end (match-end 0))
              (quote-start (match-beginning 0))
              (ppss (save-excursion (syntax-ppss quote-start))))
	 (cond
	  ((nth 4 ppss))
	  ((and (nth 3 ppss) (not (eq (nth 3 ppss) t))))
	  ((nth 3 ppss)
	   ;; Closing an open fence-delimited string: only with the same quote.
	   (when (eq (char-after (nth 8 ppss)) (char-after quote-start))
             (put-text-property quote-start (1+ quote-start) 'syntax-table (string-to-syntax "|"))))
	  (t
	   (put-text-property (1- quote-end) quote-end 'syntax-table (string-to-syntax "|"))))))

(defun python--syntax-propertize (start end) "Mark the triple quotes between START and END."
       (goto-char start) (while (and (< (point) end) (re-search-forward "\"\"\"\\|'''" end t))
			   (python-syntax-stringify)))

;;; Indentation.

(defun python--statement-start () "Go to the start of the statement the current line belongs to: out of brackets
and back over backslash-continued lines."
       (let (moved)
	 (while (progn (setq moved nil)
		       (let ((open (nth 1 (syntax-ppss (line-beginning-position)))))
			 (when open (goto-char open) (setq moved t)))
		       (when (save-excursion (and (= 0 (forward-line -1)) (progn (end-of-line) (eq (char-before) ?\\))))
			 (forward-line -1) (setq moved t))
		       moved)))
       (back-to-indentation))

(defun python--previous-code-line () "Go to the previous line holding code, skipping blank and comment lines; nil if none."
       (let ((found nil)) (while (and (not found) (= 0 (forward-line -1)))
			    (let ((in-string (nth 3 (syntax-ppss (line-beginning-position)))))
			      (back-to-indentation) (setq found (and (not in-string) (not (eolp)) (not (eq (char-after) ?#))))))
	    found))

(defun python--ends-block-opener-p () "Non-nil if the code on the current line ends with a colon."
       (save-excursion (end-of-line) (let ((ppss (syntax-ppss))) (when (nth 4 ppss) (goto-char (nth 8 ppss))))
		       (skip-chars-backward " \t")
		       (eq (char-before) ?:)))

(defun python--dedenter-column (word limit) "The indentation of the statement the dedenter WORD continues, at most LIMIT."
       (let ((openers (pcase word
			("elif" '("if" "elif"))
			("else" '("if" "elif" "for" "while" "try" "except"))
			((or "except" "finally") '("try" "except" "else")))))
	 (save-excursion (catch 'found
			   (while (python--previous-code-line)
			     (let ((col (current-indentation))) (when (and (<= col limit)
									   (looking-at (concat (regexp-opt openers) "\\_>")))
								  (throw 'found col))
				  (when (< col limit) (setq limit col))))
			   limit))))

(defun python-indent-calculate-indentation () "The column the current line should have."
       (save-excursion (beginning-of-line) (let* ((ppss (syntax-ppss)) (open (nth 1 ppss)))
					     (back-to-indentation) (cond
								    ((nth 3 ppss) (save-excursion (goto-char (nth 8 ppss)) (current-indentation)))
								    (open
								     (let ((closer (eq (char-syntax (or (char-after) ?\s)) ?\))))
								       (goto-char (1+ open))
								       (skip-chars-forward " \t")
								       (if (not (or (eolp) (eq (char-after) ?#)))
									   (current-column) (goto-char open)
									   (python--statement-start)
									   (+ (current-column) (if closer 0 python-indent-offset)))))
								    ((save-excursion (and (= 0 (forward-line -1)) (progn (end-of-line) (eq (char-before) ?\\))))
								     (forward-line -1) (let ((continued (save-excursion (and (= 0 (forward-line -1))
															     (progn (end-of-line) (eq (char-before) ?\\))))))
											 (if continued (current-indentation)
											   (python--statement-start)
											   (+ (current-column) python-indent-offset))))
								    (t
								     (let* ((dedenter (and (looking-at "\\(elif\\|else\\|except\\|finally\\)\\_>") (match-string 1)))
									    (base (if (not (python--previous-code-line)) 0
										    (let ((colon (python--ends-block-opener-p)))
										      (python--statement-start)
										      (cond (colon (+ (current-column) python-indent-offset))
											    ((looking-at "\\(?:return\\|pass\\|break\\|continue\\|raise\\)\\_>")
											     (max 0 (- (current-column) python-indent-offset)))
											    (t (current-column)))))))
								       (if dedenter (python--dedenter-column dedenter base) base)))))))

(defun python-indent-line-function () "Indent the current line as Python, keeping point's place in the text."
       (interactive) (let ((offset (- (point) (save-excursion (back-to-indentation) (point)))))
		       (indent-line-to (python-indent-calculate-indentation))
		       (when (> offset 0) (forward-char offset))))

(defun python-indent-dedent-line () "Take the current line one level of indentation out, when point is at its indentation."
       (interactive "*")
       (when (and (<= (current-column) (current-indentation)) (> (current-indentation) 0))
	 (indent-line-to (max 0 (- (current-indentation) python-indent-offset)))
	 t))

(defun python-indent-dedent-line-backspace (arg) "Dedent the line when point is at its indentation, else delete ARG characters back."
       (interactive "*p")
       (unless (and (= arg 1) (not (bolp)) (python-indent-dedent-line))
	 (backward-delete-char-untabify arg)))

(defun python-indent-guess-indent-offset () "Set `python-indent-offset' from the first indented block of the buffer."
       (interactive) (let ((guess nil))
		       (save-excursion (goto-char (point-min)) (while (and (not guess) (re-search-forward ":[ \t]*\\(?:#.*\\)?$" nil t))
								 (let ((col (save-excursion (python--statement-start) (current-column))))
								   (when (and (not (nth 8 (syntax-ppss))) (python--next-code-line))
								     (let ((next (current-indentation)))
								       (when (> next col) (setq guess (- next col))))))))
		       (if guess
			   (setq-local python-indent-offset guess)
			 (when python-indent-guess-indent-offset-verbose (message "%s" (format-message "Can't guess python-indent-offset, using defaults: %s"
												       python-indent-offset))))))

(defun python--next-code-line () "Go to the next line holding code after the current one; nil if none."
       (let ((found nil)) (while (and (not found) (= 0 (forward-line 1)) (not (eobp)))
			    (back-to-indentation) (setq found (and (not (eolp)) (not (eq (char-after) ?#)))))
	    found))

;;; Electric pairs.

(defun python-electric-pair-string-delimiter () "Under Electric Pair mode, close a triple quote just typed with its partner."
       (when (and electric-pair-mode (memq last-command-event '(?\" ?'))
		  (let ((q (make-string 3 last-command-event)))
		    (and (>= (- (point) 3) (point-min))
			 (equal (buffer-substring-no-properties (- (point) 3) (point)) q)
			 (not (eq (char-before (- (point) 3)) last-command-event)))))
	 (let ((after (save-excursion (skip-chars-forward (string last-command-event) (+ (point) 3)) (point))))
           ;; Electric Pair may already have put one closing quote there.
           (save-excursion (insert (make-string (- 3 (- after (point))) last-command-event))))))

;;;###autoload
(define-derived-mode python-mode prog-mode "Python"
  "Edit Python source: the indentation, syntax and comments of the language.
\\{python-mode-map}"
  (setq-local tab-width 8 indent-tabs-mode nil
              comment-start "# " comment-start-skip "#+\\s-*"
              parse-sexp-lookup-properties t parse-sexp-ignore-comments t
              font-lock-defaults
              '((python-font-lock-keywords-level-1 python-font-lock-keywords-level-1
						   python-font-lock-keywords-level-2 python-font-lock-keywords-maximum-decoration)
                nil nil nil nil
                (font-lock-syntactic-face-function . python-font-lock-syntactic-face-function))
              syntax-propertize-function #'python--syntax-propertize
              indent-line-function #'python-indent-line-function
              electric-indent-inhibit t
              electric-indent-chars (cons ?: electric-indent-chars)
              paragraph-start "\\s-*$")
  (add-hook 'post-self-insert-hook #'python-electric-pair-string-delimiter 'append t)
  (when python-indent-guess-indent-offset (python-indent-guess-indent-offset)))


(provide 'python)

;;; python.el ends here
