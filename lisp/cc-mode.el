;;; cc-mode.el --- smaller C and C++ major modes for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (syntax classes and
;; flags, buffer-local settings, keymaps, the "gnu" style's indentation of small
;; programs: see test/corpus/lib-progmodes.el) and the CC Mode manual.  This is not
;; CC Mode's syntactic analysis: a line inside braces is one `c-basic-offset' in from
;; the line that opened them, a line inside parentheses lines up after the opener,
;; a statement continued over lines is one offset in, and a brace that begins a line
;; sits at its statement's level at top level, one offset in below.  The electric
;; commands insert their character and reindent when electric editing is on.

;;; Code:

(defgroup c nil "Editing C and related languages." :group 'languages :prefix "c-")

(defcustom c-basic-offset 'set-from-style "How many columns one level of C nesting indents; `set-from-style' lets the style decide." :type '(choice integer (const set-from-style)))
(defcustom c-default-style '((java-mode . "java") (awk-mode . "awk") (other . "gnu")) "The style each mode starts with." :type 'sexp)
(defcustom c-mode-hook nil "Hook run when entering C mode." :type 'hook)
(defcustom c++-mode-hook nil "Hook run when entering C++ mode." :type 'hook)
(defcustom c-mode-common-hook nil "Hook run by every CC mode." :type 'hook)

(defvar-local c-electric-flag t "Non-nil when the electric commands reindent.")
(defvar-local c-auto-newline nil "Non-nil when electric commands also insert newlines (not done here).")
(defvar-local c-hungry-delete-key nil "Non-nil when deleting removes all the whitespace at once.")
(defvar-local c-block-comment-flag nil "Non-nil when new comments are block comments.")

(defvar c-mode-base-map
  (let ((km (make-sparse-keymap))) (set-keymap-parent km prog-mode-map)
       (dolist (b '(("{" . c-electric-brace) ("}" . c-electric-brace) ("(" . c-electric-paren)
                    (")" . c-electric-paren) (";" . c-electric-semi&comma) ("," . c-electric-semi&comma)
                    (":" . c-electric-colon) ("*" . c-electric-star) ("/" . c-electric-slash)
                    ("#" . c-electric-pound) ("\177" . c-electric-backspace)
                    ("\C-d" . c-electric-delete-forward) ("\t" . c-indent-line-or-region)
                    ("\C-c\C-l" . c-toggle-electric-state) ("\C-c\C-q" . c-indent-defun)
                    ("\C-c\C-c" . comment-region)))
	 (define-key km (car b) (cdr b)))
       km)
  "Keys every CC mode shares.")

(defvar c-mode-map (let ((km (make-sparse-keymap))) (set-keymap-parent km c-mode-base-map) km) "Keys of C mode.")
(defvar c++-mode-map (let ((km (make-sparse-keymap))) (set-keymap-parent km c-mode-base-map) km) "Keys of C++ mode.")

(defun c--make-syntax-table () "A new syntax table for the C family."
       (let ((st (make-syntax-table))) (dolist (entry '((?/ . ". 124b") (?* . ". 23") (?\n . "> b") (?\r . "> b") (?_ . "_")
							(?\\ . "\\") (?' . "\"") (?% . ".") (?& . ".") (?+ . ".") (?- . ".")
							(?< . ".") (?= . ".") (?> . ".") (?| . ".")))
					 (modify-syntax-entry (car entry) (cdr entry) st))
	    st))

(defvar c-mode-syntax-table (c--make-syntax-table) "Syntax table of C mode.")
(defvar c++-mode-syntax-table (c--make-syntax-table) "Syntax table of C++ mode.")

(defconst c-font-lock-keywords-1
  '(("^[ \t]*#[ \t]*\\(?:include\\|define\\|ifn?def\\|if\\|elif\\|else\\|endif\\|undef\\|pragma\\)\\_>"
     0 font-lock-preprocessor-face))
  "Highlighting of C preprocessor directives.")

(defconst c-font-lock-keywords-2
  (append c-font-lock-keywords-1
          `((,(concat "\\_<" (regexp-opt '("break" "case" "continue" "default" "do" "else" "for" "goto"
                                           "if" "return" "sizeof" "switch" "while" "typedef" "extern"
                                           "static" "const" "volatile" "inline" "register" "auto")
                                         t)
                      "\\_>")
             1 font-lock-keyword-face)
            (,(concat "\\_<" (regexp-opt '("char" "double" "float" "int" "long" "short" "signed"
                                           "unsigned" "void" "struct" "union" "enum" "_Bool")
                                         t)
                      "\\_>")
             1 font-lock-type-face)))
  "Highlighting of C directives, keywords and types.")

(defconst c-font-lock-keywords-3
  (append c-font-lock-keywords-2
          '(("^\\([[:alpha:]_][[:alnum:]_]*\\)[ \t]*(" 1 font-lock-function-name-face)))
  "Highlighting of C directives, keywords, types and function definitions.")

(defvar c-font-lock-keywords c-font-lock-keywords-3 "The default highlighting of C.")

;;; Indentation.

(require 'prog-mode)

(defun c--basic-offset () "The offset one level of nesting indents in this buffer."
       (if (integerp c-basic-offset) c-basic-offset 2))

(defun c--previous-code-char () "The last character of code before the current line, outside comments, or nil."
       (save-excursion (beginning-of-line) (forward-comment (- (point))) (skip-chars-backward " \t\n")
		       (unless (bobp) (char-before))))

(defun c-calculate-indent () "The column the current line should have."
       (save-excursion (let* ((ppss (syntax-ppss (line-beginning-position)))
			      (open (nth 1 ppss))
			      (_ (back-to-indentation))
			      (closer (eq (char-syntax (or (char-after) ?\s)) ?\)))
			      (brace (eq (char-after) ?{))
			      (continued (and (not (looking-at "#"))
					      (not (memq (c--previous-code-char) '(nil ?\; ?{ ?} ?, ?:)))
					      (not (and open (memq (char-after open) '(?\( ?\[)))))))
			 (cond
			  ((nth 4 ppss)
			   (save-excursion (goto-char (nth 8 ppss)) (+ (current-column) (if (looking-at "/\\*") 1 0))))
			  ((nth 3 ppss) (current-indentation))
			  ((looking-at "#") 0)
			  ((and open (memq (char-after open) '(?\( ?\[))
				(save-excursion (goto-char (1+ open)) (skip-chars-forward " \t") (not (eolp))))
			   (save-excursion (goto-char (1+ open)) (skip-chars-forward " \t")
					   (if closer (1- (current-column)) (current-column))))
			  (open
			   (let ((base (prog--statement-indentation open)))
			     (cond (closer base)
				   ((looking-at "\\(?:case\\_>\\|default[ \t]*:\\)") base)
				   (t (+ base (c--basic-offset) (if continued (c--basic-offset) 0))))))
			  ((and continued (not brace)) (c--basic-offset))
			  (t 0)))))

(defun c-indent-line (&optional _syntax _quiet _ignore-point-pos) "Indent the current line as C, keeping point's place in the text."
       (interactive) (let ((offset (- (point) (save-excursion (back-to-indentation) (point)))))
		       (indent-line-to (c-calculate-indent))
		       (when (> offset 0) (forward-char offset))))

(defun c-indent-line-or-region (&optional arg region) "Indent the active region (with REGION), else the current line; ARG is passed on."
       (interactive (list current-prefix-arg (use-region-p)))
       (if region (indent-region (region-beginning) (region-end)) (c-indent-line arg)))

(defun c-indent-defun () "Indent the top-level form point is in."
       (interactive) (save-excursion
		       (let ((top (car (nth 9 (syntax-ppss)))))
			 (when top
			   (goto-char top) (indent-region (line-beginning-position) (progn (forward-sexp) (point)))))))

;;; Electric commands.

(defun c--electric-insert (arg reindent) "Insert the typed character ARG times; with REINDENT and `c-electric-flag', reindent."
       (self-insert-command (prefix-numeric-value arg)) (when (and reindent c-electric-flag
								   (not (nth 8 (save-excursion (syntax-ppss (max (point-min) (1- (point))))))))
							  (indent-according-to-mode)))

(defun c-electric-brace (arg) "Insert a brace ARG times and reindent the line." (interactive "*P") (c--electric-insert arg t))
(defun c-electric-paren (arg) "Insert a parenthesis ARG times." (interactive "*P") (c--electric-insert arg nil))
(defun c-electric-semi&comma (arg) "Insert a semicolon or comma ARG times and reindent the line." (interactive "*P") (c--electric-insert arg t))
(defun c-electric-colon (arg) "Insert a colon ARG times and reindent the line." (interactive "*P") (c--electric-insert arg t))
(defun c-electric-star (arg) "Insert a star ARG times." (interactive "*P") (c--electric-insert arg nil))
(defun c-electric-slash (arg) "Insert a slash ARG times." (interactive "*P") (c--electric-insert arg nil))
(defun c-electric-pound (arg) "Insert a hash sign ARG times and reindent a directive line." (interactive "*P") (c--electric-insert arg t))

(defun c-electric-backspace (arg) "Delete ARG characters backward, turning tabs into spaces first."
       (interactive "*p")
       (backward-delete-char-untabify arg))

(defun c-electric-delete-forward (arg) "Delete ARG characters forward."
       (interactive "*p")
       (delete-char arg))

(defun c--update-mode-name () "Show the comment style and the electric state after the mode's name."
       (setq mode-name (concat (get major-mode 'c--base-name)
                               (if c-block-comment-flag "/*" "//")
                                    (and c-electric-flag "l") (and c-auto-newline "a") (and c-hungry-delete-key "h"))))

(defun c-toggle-electric-state (&optional arg) "Turn electric editing on with a positive ARG, off with a negative one, else toggle it."
       (interactive "P")
       (setq c-electric-flag (if arg (> (prefix-numeric-value arg) 0) (not c-electric-flag)))
       (c--update-mode-name)
       c-electric-flag)

(defun c--common-setup (block-comments) "The settings every CC mode makes; BLOCK-COMMENTS for `/* */' comments."
       (setq-local c-block-comment-flag block-comments
		   c-basic-offset (if (integerp (default-value 'c-basic-offset)) (default-value 'c-basic-offset) 2)
		   indent-line-function #'c-indent-line
		   comment-start (if block-comments "/* " "// ")
		   comment-end (if block-comments " */" "")
		   comment-start-skip "\\(?://+\\|/\\*+\\)\\s *"
		   comment-multi-line t
		   parse-sexp-ignore-comments t
		   parse-sexp-lookup-properties t
		   electric-indent-inhibit t
		   paragraph-start "[ \t]*\\(//+\\|\\**\\)[ \t]*$\\|^\f"
		   paragraph-separate paragraph-start
		   font-lock-defaults '((c-font-lock-keywords c-font-lock-keywords-1 c-font-lock-keywords-2
							      c-font-lock-keywords-3)
					nil nil ((?_ . "w") (?$ . "w"))))
       (c--update-mode-name)
       (run-hooks 'c-mode-common-hook))

(put 'c-mode 'c--base-name "C")
(put 'c++-mode 'c--base-name "C++")

;;;###autoload
(define-derived-mode c-mode prog-mode "C"
  "Edit C source: indentation, syntax and comments of the language.
\\{c-mode-map}"
  (c--common-setup t))

;;;###autoload
(define-derived-mode c++-mode prog-mode "C++"
  "Edit C++ source: indentation, syntax and comments of the language.
\\{c++-mode-map}"
  (c--common-setup nil))

;;;###autoload
(defun c-or-c++-mode () "Edit a header file in C++ mode when it uses C++-only constructs, else in C mode."
       (interactive) (if (save-excursion
			   (goto-char (point-min)) (re-search-forward
						    (concat "^[ \t]*\(?:\(?:namespace\|class\|template\)\_>\|using[ \t]+namespace\_>"
							    "\|#[ \t]*include[ \t]*<\(?:iostream\|string\|vector\|map\|memory\)>\)")
						    (+ (point) 50000) t))
			 (c++-mode)
		       (c-mode)))

(provide 'cc-mode)

;;; cc-mode.el ends here
