;;; generic.el --- small major modes made from a list of comments and keywords  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `define-generic-mode' turns a description (comment delimiters, words to
;; highlight, extra font-lock rules, file name patterns, setup functions)
;; into a major mode command.  The command calls `generic-mode-internal',
;; which builds the buffer's syntax table and font-lock settings.

;;; Code:


(defvar generic-mode-list nil "Names (strings) of every mode `define-generic-mode' has made.")

(defvar-local generic-font-lock-keywords nil "The font-lock rules of the current generic mode's buffer.")

(defconst generic--style-bits '((?1 . 16) (?2 . 17) (?3 . 18) (?4 . 19) (?b . 21) (?c . 23))
  "Bit of a syntax entry's code that each syntax flag letter sets.")

(defun generic--add-flags (table char flags) "Give CHAR's entry in TABLE the syntax FLAGS (a string of flag letters) as well.
The class and the other flags stay; a matching character is dropped."
  (let ((code (car (aref table char))))
    (dolist (f (string-to-list flags))
      (setq code (logior code (ash 1 (cdr (assq f generic--style-bits))))))
    (aset table char (list code))))

(defun generic--delimiter-string (d) "D, a character or a string, as a string."
  (if (characterp d) (string d) d))

(defun generic--set-comments (comments) "Make the current buffer's syntax table and comment variables follow COMMENTS.
Each element is a starter (a character or a string of one or two) or
\(STARTER . ENDER), ENDER nil or a newline when the comment runs to the
end of the line.  Comments share a style when they share an ender: the
first ender met gives the plain style, the second style b, others c."
  (let ((table (syntax-table))
        (enders ())
        (pairs ())
        (double ()))
    (dolist (entry comments)
      (let* ((start (generic--delimiter-string (if (consp entry) (car entry) entry)))
             (end (and (consp entry) (cdr entry)))
             (end (if (or (null end) (equal end ?\n)) "\n" (generic--delimiter-string end)))
             (style (progn (unless (member end enders) (setq enders (append enders (list end))))
                           (pcase (length (member end (reverse enders))) (1 "") (2 "b") (_ "c")))))
        (push (cons start end) pairs)
        ;; Delimiters of one character are set outright, in order; the
        ;; flags of two-character ones are added afterwards.
        (pcase start
          ((pred (lambda (s) (= (length s) 1)))
           (modify-syntax-entry (string-to-char start) (string-trim-right (concat "< " style)) table))
          (_ (setq double (append (list (list (aref start 1) (concat "2" style))
                                        (list (aref start 0) "1"))
                                  double))))
        (pcase end
          ((pred (lambda (s) (= (length s) 1)))
           (modify-syntax-entry (string-to-char end) (concat ">" style) table))
          (_ (setq double (append (list (list (aref end 1) "4")
                                        (list (aref end 0) (concat "3" style)))
                                  double))))))
    (dolist (d (nreverse double))
      (generic--add-flags table (car d) (cadr d)))
    (when pairs
      (setq pairs (nreverse pairs))
      (setq-local comment-start (caar pairs))
      (setq-local comment-end (if (equal (cdar pairs) "\n") "" (cdar pairs)))
      (let ((starts (regexp-opt (mapcar #'car pairs)))
            (ends (regexp-opt (mapcar #'cdr pairs))))
        (setq-local comment-start-skip (concat starts "+[ \t]*"))
        (setq-local comment-end-skip (concat "[ \t]*" ends))))))

(defun generic--pretty-name (name) "The mode name shown for the generic mode command NAME: capitalized, without \"-mode\"."
  (capitalize (if (string-suffix-p "-mode" name) (substring name 0 -5) name)))

(defun generic-mode-internal (mode comments keywords font-lock-list funs) "Turn the current buffer into the generic mode MODE.
COMMENTS sets up comment syntax (see `define-generic-mode'), KEYWORDS
are words shown in `font-lock-keyword-face', FONT-LOCK-LIST are further
`font-lock-keywords' rules, and FUNS are called with no argument before
the hook MODE-hook runs."
  (kill-all-local-variables)
  (let ((table (make-syntax-table)))
    (setq mode-name (generic--pretty-name (symbol-name mode)))
    (setq major-mode mode)
    (set-syntax-table table))
  (generic--set-comments comments)
  (setq generic-font-lock-keywords
        (append (and keywords (list (regexp-opt keywords 'symbols))) font-lock-list))
  (setq-local font-lock-defaults '(generic-font-lock-keywords))
  (mapc #'funcall funs)
  (run-mode-hooks (intern (concat (symbol-name mode) "-hook"))))

(defun generic-make-keywords-list (keywords face &optional prefix suffix) "A font-lock rule showing each of KEYWORDS (strings) in FACE.
The words match as whole symbols, with PREFIX before and SUFFIX after
the regexp when given."
  (if (listp keywords)
      (list (concat prefix "\\_<" (regexp-opt keywords t) "\\_>" suffix) 1 face)
    (error "Keywords argument must be a list of strings")))

;;;###autoload
(defmacro define-generic-mode (mode comment-list keyword-list font-lock-list auto-mode-list function-list &optional docstring) "Define MODE, a major mode command made from lists.
COMMENT-LIST holds comment starters (characters or strings of one or two
characters) or (STARTER . ENDER) pairs, a nil ENDER meaning the end of
the line.  KEYWORD-LIST holds words to highlight as keywords,
FONT-LOCK-LIST further `font-lock-keywords' rules, AUTO-MODE-LIST file
name regexps that select MODE in `auto-mode-alist', and FUNCTION-LIST
functions the command calls before it runs MODE-hook.  DOCSTRING
documents the command; without it a description is made up."
  (declare (debug (sexp def-form def-form def-form form def-form [&optional stringp]))
           (indent 1) (doc-string 7))
  (generic--definition (if (eq (car-safe mode) 'quote) (cadr mode) mode)
                       (list comment-list keyword-list font-lock-list)
                       auto-mode-list function-list docstring))

(defun generic--definition (mode forms patterns setup doc) "The code `define-generic-mode' expands to for MODE.
FORMS are the forms of the comment, keyword and font-lock lists,
PATTERNS and SETUP those of the file name patterns and setup functions,
DOC the command's documentation or nil."
  (let* ((name (symbol-name mode))
         (quoted (list 'quote mode))
         (command-doc
          (or doc
              (format "%s mode.\n%s `%s'.\n%s `%s' %s."
                      (generic--pretty-name name)
                      "This a generic mode defined with" 'define-generic-mode
                      "It runs" (concat name "-hook") "as the last thing it does"))))
    (list 'progn
          (list 'add-to-list ''generic-mode-list name)
          (list 'dolist (list 're patterns)
                (list 'add-to-list ''auto-mode-alist (list 'cons 're quoted)))
          (list 'defun mode () command-doc '(interactive)
                (append (list 'generic-mode-internal quoted) forms (list setup))))))

(defun generic-mode (mode) "Turn on MODE, one of the generic modes named in `generic-mode-list'."
  (interactive (list (completing-read "Generic mode: " generic-mode-list nil t)))
  (funcall (intern mode)))

(provide 'generic)

;;; generic.el ends here
