;;; ruby-mode.el --- a smaller Ruby major mode for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the mode's syntax
;; classes, `syntax-ppss' over Ruby literals, its buffer-local settings and the
;; indentation of small programs, see test/corpus/lib-progmodes.el) and the Ruby
;; section of the Emacs manual.  Indentation works line by line from the previous
;; code line: block keywords, `do', braces and brackets open a level, `end' and
;; closers shut one, `else'-like keywords sit at their opener's level.

;;; Code:

(defgroup ruby nil "Editing Ruby code." :group 'languages :prefix "ruby-")

(defcustom ruby-indent-level 2 "How many columns one level of Ruby nesting indents." :type 'integer :safe #'integerp)
(defcustom ruby-indent-tabs-mode nil "Whether Ruby indentation may use tabs." :type 'boolean)
(defcustom ruby-use-smie t "Whether the indentation engine is the grammar-based one." :type 'boolean)

(defvar ruby-mode-map (make-sparse-keymap)
  "Keys of Ruby mode.")

(defvar ruby-mode-syntax-table (let ((st (make-syntax-table)))
				 (dolist (entry '((?' . "\"") (?\" . "\"") (?` . "\"") (?# . "<") (?\n . ">")
						  (?\\ . "\\") (?$ . "'") (?: . "'") (?@ . "'") (?_ . "_")
						  (?% . ".") (?& . ".") (?* . ".") (?+ . ".") (?- . ".") (?/ . ".")
						  (?< . ".") (?= . ".") (?> . ".") (?| . ".")
						  (?\( . "()") (?\) . ")(") (?\[ . "(]") (?\] . ")[")
						  (?\{ . "(}") (?\} . "){")))
				   (modify-syntax-entry (car entry) (cdr entry) st))
				 st)
  "Syntax table of Ruby mode.")

(defconst ruby-block-beg-keywords '("class" "module" "def" "if" "unless" "case" "while" "until" "for" "begin" "do")
  "Keywords that open a block closed by `end'.")

(defconst ruby-block-mid-keywords '("then" "else" "elsif" "when" "in" "rescue" "ensure")
  "Keywords inside a block that stand at the block opener's level.")

(defconst ruby-font-lock-keywords `((,(concat "\\_<" (regexp-opt (append ruby-block-beg-keywords ruby-block-mid-keywords
                                                            '("end" "return" "yield" "next" "break" "redo" "retry"
                                                              "super" "alias" "undef" "defined?" "and" "or" "not"))
                                                    t)
					      "\\_>")
				     1 font-lock-keyword-face)
				    ("\\_<def[ \t]+\\(?:self\\.\\)?\\([[:alnum:]_]+[?!=]?\\)" 1 font-lock-function-name-face)
				    ("\\_<\\(?:class\\|module\\)[ \t]+\\([[:upper:]][[:alnum:]_:]*\\)" 1 font-lock-type-face)
				    ("\\_<\\(nil\\|self\\|true\\|false\\|__FILE__\\|__LINE__\\)\\_>" 1 font-lock-constant-face)
				    ("\\(?:\\$\\|@@?\\)[[:alpha:]_][[:alnum:]_]*" 0 font-lock-variable-name-face)
				    ("\\(?:^\\|[^:]\\)\\(:[[:alpha:]_][[:alnum:]_]*[?!]?\\)" 1 font-lock-constant-face))
  "Highlighting of Ruby keywords, definitions, constants and variables.")

;;; Literals the syntax table cannot describe.

(defun ruby--regexp-may-start-p (pos) "Non-nil if a slash at POS begins a regular expression literal, not a division."
       (save-excursion (goto-char pos) (skip-chars-backward " \t")
		       (or (bolp)
			   (memq (char-before) '(?= ?\( ?, ?\[ ?\{ ?| ?& ?! ?\; ?~ ?<))
			   (and (looking-back "\\_<\\(?:if\\|unless\\|when\\|and\\|or\\|not\\|while\\|until\\|return\\)" (line-beginning-position))
				t)
			   ;; `foo /re/' : an identifier followed by a space, then a slash not followed by one.
			   (and (< (point) pos) (eq (char-syntax (char-before)) ?w)
				(not (memq (char-after (1+ pos)) '(?\s ?\t)))))))

(defun ruby--end-of-delimited (open close) "Move past the text closed by CLOSE after point, with OPEN nesting; nil if unclosed."
       (let ((depth 1) (done nil))
	 (while (and (not done) (< (point) (point-max)))
	   (let ((c (char-after))) (forward-char 1)
		(cond ((eq c ?\\) (forward-char (if (< (point) (point-max)) 1 0)))
		      ((and (eq c open) (not (eq open close))) (setq depth (1+ depth)))
		      ((eq c close) (setq depth (1- depth)) (when (= depth 0) (setq done t))))))
	 done))

(defun ruby--fence (start end) "Mark the literal from START to END as a generic string."
       (put-text-property start (1+ start) 'syntax-table (string-to-syntax "|"))
       (put-text-property (1- end) end 'syntax-table (string-to-syntax "|")))

(defun ruby-syntax-propertize (start end) "Give Ruby's literals between START and END the syntax they have as a whole:
character literals `?c', regular expressions `/.../' and percent literals."
       (goto-char start) (while (re-search-forward "\\(?:\\?.\\|/\\|%[qQwWiIrsx]?[^[:alnum:][:space:]]\\)" end t)
			   (let* ((mb (match-beginning 0))
				  (ppss (save-excursion (syntax-ppss mb))))
			     (unless (or (nth 3 ppss) (nth 4 ppss))
			       (pcase (char-after mb)
				 (?? (when (and (or (= mb (point-min)) (memq (char-syntax (char-before mb)) '(?\s ?\( ?.)))
						(not (memq (char-after (1+ mb)) '(?\s ?\t ?\n))))
				       (put-text-property mb (1+ mb) 'syntax-table (string-to-syntax "_"))
				       (put-text-property (1+ mb) (+ 2 mb) 'syntax-table (string-to-syntax "_"))))
				 (?/ (when (ruby--regexp-may-start-p mb)
				       (goto-char (1+ mb))
				       (when (ruby--end-of-delimited ?/ ?/)
					 (ruby--fence mb (point)))))
				 (?% (when (or (= mb (point-min)) (memq (char-syntax (char-before mb)) '(?\s ?\( ?.)))
				       (let* ((open (char-before (match-end 0)))
					      (close (pcase open (?\( ?\)) (?\[ ?\]) (?\{ ?\}) (?< ?>) (_ open))))
					 (goto-char (match-end 0)) (when (ruby--end-of-delimited open close)
								     (ruby--fence mb (point)))))))))))

;;; Indentation.

(defun ruby--code-line-p () "Non-nil if the current line holds something besides blanks and a comment."
       (save-excursion (back-to-indentation) (not (or (eolp) (eq (char-after) ?#)))))

(defun ruby--line-opens (eol) "How many levels the text from point to EOL leaves open: block keywords, `do'
and openers less `end's and closers, counted outside strings and comments."
       (let ((n 0)) (when (looking-at (concat (regexp-opt ruby-block-mid-keywords) "\\_>"))
		      (setq n 1))
	    (while (< (point) eol) (let ((ppss (syntax-ppss)) (syn (char-syntax (char-after))))
				     (cond
				      ((or (nth 3 ppss) (nth 4 ppss)) (forward-char 1))
				      ((looking-at "\\_<[[:alpha:]_]+\\_>")
				       (let ((word (match-string 0)))
					 (cond ((equal word "end") (setq n (1- n)))
					       ((and (member word ruby-block-beg-keywords)
						     (or (equal word "do")
							 (save-excursion (skip-chars-backward " \t")
									 (or (bolp) (memq (char-before) '(?= ?\( ?, ?\[ ?| ?\;))))))
						(setq n (1+ n)))) (goto-char (match-end 0))))
				      ((eq syn ?\() (setq n (1+ n)) (forward-char 1))
				      ((eq syn ?\)) (setq n (1- n)) (forward-char 1))
				      (t (forward-char 1))))) n))

(defun ruby--statement-start () "Go to the indentation of the line where the statement on this line begins:
out of any parentheses it is inside."
       (let (open)
	 (while (setq open (nth 1 (syntax-ppss (line-beginning-position))))
	   (goto-char open))
	 (back-to-indentation)))

(defun ruby-calculate-indent (&optional _parse-start) "The column the current line should have."
       (save-excursion (let* ((ppss (syntax-ppss (line-beginning-position)))
			      (open (nth 1 ppss))
			      (_ (back-to-indentation))
			      (closer (eq (char-syntax (or (char-after) ?\s)) ?\)))
			      (closing (or closer (looking-at (concat (regexp-opt (cons "end" ruby-block-mid-keywords))
								      "\\_>")))))
			 (cond
			  ((nth 3 ppss) (current-indentation))
			  (open
			   (goto-char (1+ open))
			   (skip-chars-forward " \t")
			   (if (and (not (eolp)) (not (eq (char-after) ?#)) (not (eq (char-before open) ?{))
				    (not (eq (char-syntax (char-after)) ?\))))
			       (current-column) (goto-char open)
			       (ruby--statement-start)
			       (+ (current-column) (if closer 0 ruby-indent-level))))
			  (t
			   (let ((found nil) (base 0) (opens 0))
			     (while (and (not found) (= 0 (forward-line -1)))
			       (setq found (ruby--code-line-p)))
			     (when found
			       (let ((eol (line-end-position))) (ruby--statement-start)
				    (setq base (current-indentation) opens (ruby--line-opens eol))))
			     (max 0 (+ base (if (> opens 0) ruby-indent-level 0)
				       (if closing (- ruby-indent-level) 0)))))))))

(defun ruby-indent-line (&optional _ignored) "Indent the current line as Ruby code, keeping point's place in the text."
       (interactive) (let ((column (ruby-calculate-indent))
			   (offset (- (current-column) (current-indentation))))
		       (indent-line-to column) (when (> offset 0) (move-to-column (+ column offset)))))

(defun ruby--electric-indent-p (char) "Whether typing CHAR should reindent the line: a closer or the last letter of a
block keyword that begins the line."
       (cond
	((memq char '(?\) ?\] ?\}))
	 (save-excursion (skip-chars-backward " \t") (forward-char -1) (skip-chars-backward " \t") (bolp)))
	((and (memq (char-syntax char) '(?w ?_))
              (save-excursion (skip-chars-backward "[:alpha:]")
			      (and (looking-at "\\(?:end\\|else\\|elsif\\|when\\|rescue\\|ensure\\|then\\)\\_>")
				   (progn (skip-chars-backward " \t") (bolp)))))
	 t)))

(defun ruby-beginning-of-defun (&optional arg) "Go back to the start of the ARGth method definition before point."
       (interactive "p")
       (and (re-search-backward "^[ \t]*\\_<def\\_>" nil 'move (or arg 1))
	    (progn (back-to-indentation) t)))

(defun ruby-end-of-defun () "Go to the end of the method definition point is in."
       (interactive) (let ((col (current-indentation)))
		       (forward-line 1) (while (and (not (eobp))
						    (not (and (looking-at "[ \t]*end\\_>") (= (current-indentation) col))))
					  (forward-line 1)) (end-of-line)))

(defun ruby-add-log-current-method () "The name of the method point is in, or nil."
       (save-excursion (end-of-line) (and (re-search-backward "^[ \t]*def[ \t]+\\(?:self\\.\\)?\\([[:alnum:]_]+[?!=]?\\)" nil t)
					  (match-string-no-properties 1))))

;;;###autoload
(define-derived-mode ruby-mode prog-mode "Ruby"
  "Edit Ruby source: the indentation, syntax and comments of the language.
\\{ruby-mode-map}"
  (setq-local indent-line-function #'ruby-indent-line
              indent-tabs-mode ruby-indent-tabs-mode
              comment-start "# " comment-end "" comment-column 32
              comment-start-skip "#+ *"
              parse-sexp-ignore-comments t
              parse-sexp-lookup-properties t
              paragraph-start (concat "$\\|" page-delimiter)
              paragraph-separate paragraph-start
              paragraph-ignore-fill-prefix t
              add-log-current-defun-function #'ruby-add-log-current-method
              beginning-of-defun-function #'ruby-beginning-of-defun
              end-of-defun-function #'ruby-end-of-defun
              syntax-propertize-function #'ruby-syntax-propertize
              font-lock-defaults '((ruby-font-lock-keywords) nil nil ((?_ . "w"))))
  (add-hook 'electric-indent-functions #'ruby--electric-indent-p nil t))


(provide 'ruby-mode)

;;; ruby-mode.el ends here
