;;; js.el --- a smaller JavaScript major mode for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (syntax classes and
;; flags, `syntax-ppss' over comments, strings, templates and regular expression
;; literals, the buffer-local settings, the indentation of small programs: see
;; test/corpus/lib-progmodes.el) and the Emacs manual.  Indentation follows the
;; nesting of brackets: a line inside a bracket whose opener has text after it lines
;; up with that text, else it is one level in from the line that opened the bracket;
;; `case' labels stay at the level of their `switch', and a line continuing an
;; expression left open by an operator is one level in.

;;; Code:

(defgroup js nil "Editing JavaScript code." :group 'languages :prefix "js-")

(defcustom js-indent-level 4 "How many columns one level of JavaScript nesting indents." :type 'integer :safe #'integerp)
(defcustom js-expr-indent-offset 0 "Extra columns for a line continuing an expression." :type 'integer :safe #'integerp)
(defcustom js-paren-indent-offset 0 "Extra columns for a line inside parentheses." :type 'integer :safe #'integerp)
(defcustom js-square-indent-offset 0 "Extra columns for a line inside square brackets." :type 'integer :safe #'integerp)
(defcustom js-curly-indent-offset 0 "Extra columns for a line inside braces." :type 'integer :safe #'integerp)
(defcustom js-switch-indent-offset 0 "Extra columns for the `case' labels of a `switch'." :type 'integer :safe #'integerp)

(defvar js-mode-map (make-sparse-keymap) "Keys of JavaScript mode.")

(defvar js-mode-syntax-table (let ((st (make-syntax-table)))
			       (dolist (entry '((?/ . ". 124b") (?* . ". 23") (?\n . "> b") (?\r . "> b")
						(?$ . "_") (?_ . "_") (?` . "\"") (?' . "\"") (?\" . "\"") (?\\ . "\\")
						(?% . ".") (?& . ".") (?+ . ".") (?- . ".") (?< . ".") (?= . ".")
						(?> . ".") (?| . ".")))
				 (modify-syntax-entry (car entry) (cdr entry) st))
			       st)
  "Syntax table of JavaScript mode.")

(defconst js--keywords
  (split-string "function class extends static var let const if else switch case default
    for in of while do break continue return try catch finally throw new delete typeof
    instanceof void this super import export async await yield with debugger")
  "The reserved words of JavaScript.")

(defconst js--font-lock-keywords-1 `((,(concat "\\_<function\\_>\\*?[ \t]*\\([[:alpha:]_$][[:alnum:]_$]*\\)") 1 font-lock-function-name-face)
				     (,(concat "\\_<class[ \t]+\\([[:alpha:]_$][[:alnum:]_$]*\\)") 1 font-lock-type-face))
  "Highlighting of JavaScript definitions.")

(defconst js--font-lock-keywords-2 (append js--font-lock-keywords-1
					   `((,(concat "\\_<" (regexp-opt js--keywords t) "\\_>") 1 font-lock-keyword-face)
					     ("\\_<\\(true\\|false\\|null\\|undefined\\|NaN\\|Infinity\\)\\_>" 1 font-lock-constant-face)))
  "Highlighting of JavaScript definitions and keywords.")

(defconst js--font-lock-keywords-3 (append js--font-lock-keywords-2
					   '(("\\_<\\(?:var\\|let\\|const\\)[ \t]+\\([[:alpha:]_$][[:alnum:]_$]*\\)" 1 font-lock-variable-name-face)))
  "Highlighting of JavaScript definitions, keywords and declared variables.")

(defun js-font-lock-syntactic-face-function (state) "The face of the string or comment described by the parse STATE."
       (cond ((not (nth 3 state)) font-lock-comment-face)
             (t font-lock-string-face)))

(require 'prog-mode)

(defun js--syntactic-mode-name-part () "The part of the mode line name that tells about electric editing: none here."
       "")

;;; Regular expression literals.

(defun js--slash-starts-regexp-p (pos) "Non-nil if the slash at POS begins a regular expression, not a division."
       (save-excursion (goto-char pos) (skip-chars-backward " \t\n")
		       (or (bobp)
			   (memq (char-before) '(?= ?\( ?, ?\[ ?\{ ?\} ?: ?\; ?! ?& ?| ?? ?+ ?- ?* ?% ?< ?> ?~ ?^))
			   (and (looking-back "\\_<\\(?:return\\|typeof\\|case\\|in\\|of\\|delete\\|void\\|throw\\|new\\|yield\\)"
					      (line-beginning-position)) t))))

(defun js-syntax-propertize (start end) "Mark the regular expression literals between START and END as strings."
       (goto-char start) (while (re-search-forward "/[^/*]" end t)
			   (let ((mb (match-beginning 0)))
			     (goto-char (1+ mb))
			     (unless (let ((ppss (save-excursion (syntax-ppss mb)))) (or (nth 3 ppss) (nth 4 ppss)))
			       (when (js--slash-starts-regexp-p mb)
				 (let ((in-class nil) (done nil))
				   (while (and (not done) (not (eolp)))
				     (let ((c (char-after))) (forward-char 1)
					  (cond ((eq c ?\\) (unless (eolp) (forward-char 1)))
						((eq c ?\[) (setq in-class t))
						((eq c ?\]) (setq in-class nil))
						((and (eq c ?/) (not in-class)) (setq done t)))))
				   (when done
				     (put-text-property mb (1+ mb) 'syntax-table (string-to-syntax "\"/"))
				     (put-text-property (1- (point)) (point) 'syntax-table (string-to-syntax "\"/")))))))))

;;; Indentation.

(defun js--previous-code-line () "Go to the end of the code on the previous line that has some, outside comments.
Return nil when there is none."
       (let ((found nil)) (while (and (not found) (= 0 (forward-line -1)))
			    (end-of-line) (let ((ppss (syntax-ppss)))
					    (when (nth 4 ppss) (goto-char (nth 8 ppss))))
			    (skip-chars-backward " \t")
			    (setq found (and (not (bolp)) (not (nth 4 (syntax-ppss))))))
	    found))

(defun js--continued-expression-p () "Non-nil if the current line continues an expression left open by the line before."
       (save-excursion (back-to-indentation) (or (and (looking-at "\\.[^.]\\|[-+*/%&|^?:,<>=]") (not (looking-at "//\\|/\\*\\|:\\|,")))
						 (and (js--previous-code-line)
						      (let ((c (char-before)))
							(and (memq c '(?+ ?- ?* ?/ ?% ?& ?| ?^ ?? ?= ?< ?> ?!))
							     (not (and (memq c '(?+ ?-)) (eq (char-before (1- (point))) c)))))))))

(defun js--proper-indentation (ppss) "The column the current line should have, given PPSS at its indentation."
       (save-excursion (back-to-indentation) (let ((open (nth 1 ppss))
						   (closer (eq (char-syntax (or (char-after) ?\s)) ?\))))
					       (cond
						((nth 4 ppss)
						 (if (eq (char-after) ?*) (save-excursion (goto-char (nth 8 ppss)) (1+ (current-column)))
						   (save-excursion (goto-char (nth 8 ppss)) (current-column))))
						((nth 3 ppss) (current-indentation))
						((and open (save-excursion
							     (goto-char (1+ open))
							     (skip-chars-forward " \t")
							     (and (memq (char-after open) '(?\( ?\[))
								  (not (eolp)) (not (looking-at "//\\|/\\*")))))
						 (save-excursion (goto-char (1+ open)) (skip-chars-forward " \t")
								 (if closer (1- (current-column)) (current-column))))
						(open
						 (let* ((base (prog--statement-indentation open))
							(switch (and (eq (char-after open) ?{)
								     (save-excursion (goto-char open)
										     (skip-chars-backward " \t")
										     (when (eq (char-before) ?\)) (backward-sexp))
										     (skip-chars-backward " \t")
										     (looking-back "\\_<switch" (line-beginning-position)))))
							(label (looking-at "\\(?:case\\_>\\|default[ \t]*:\\)")))
						   (cond (closer base)
							 ((and switch label) (+ base js-switch-indent-offset))
							 (switch (+ base js-switch-indent-offset js-indent-level))
							 (t (+ base js-indent-level
							       (if (js--continued-expression-p) js-indent-level 0))))))
						((js--continued-expression-p) (+ js-indent-level js-expr-indent-offset))
						(t 0)))))

(defun js-indent-line () "Indent the current line as JavaScript, keeping point's place in the text."
       (interactive) (let ((ppss (save-excursion (syntax-ppss (progn (back-to-indentation) (point)))))
			   (offset (- (point) (save-excursion (back-to-indentation) (point))))) (indent-line-to (js--proper-indentation ppss))
			   (when (> offset 0) (forward-char offset))))

(defun js-beginning-of-defun (&optional arg) "Go back to the start of the ARGth function definition before point."
       (interactive "p")
       (re-search-backward "^[ \t]*\\(?:async[ \t]+\\)?function\\_>\\|^[ \t]*class\\_>" nil 'move (or arg 1)))

(defun js-end-of-defun (&optional _arg) "Go to the end of the function definition at or after point."
       (interactive "p")
       (when (search-forward "{" nil t)
	 (backward-char) (forward-sexp)))

;;;###autoload
(define-derived-mode js-mode prog-mode "JavaScript"
  "Edit JavaScript source: the indentation, syntax and comments of the language.
\\{js-mode-map}"
  (setq mode-name '("JavaScript" (:eval (js--syntactic-mode-name-part))))
  (setq-local indent-line-function #'js-indent-line
              beginning-of-defun-function #'js-beginning-of-defun
              end-of-defun-function #'js-end-of-defun
              comment-start "// " comment-end "" comment-multi-line t
              comment-start-skip "\\(?://+\\|/\\*+\\)\\s *"
              parse-sexp-ignore-comments t
              parse-sexp-lookup-properties t
              syntax-propertize-function #'js-syntax-propertize
              paragraph-start "[ \t]*\\(//+\\|\\**\\)[ \t]*\\(@[a-zA-Z]+\\>\\|$\\)\\|^\f"
              paragraph-separate "[ \t]*\\(//+\\|\\**\\)[ \t]*$\\|^\f"
              electric-indent-chars (append "{}():;," electric-indent-chars)
              electric-layout-rules '((?\; . after) (?\{ . after) (?\} . before))
              font-lock-defaults
              '((js--font-lock-keywords-3 js--font-lock-keywords-1 js--font-lock-keywords-2 js--font-lock-keywords-3)
                nil nil nil nil
                (font-lock-syntactic-face-function . js-font-lock-syntactic-face-function))))

;;;###autoload
(defalias 'javascript-mode #'js-mode)

(provide 'js)

;;; js.el ends here
