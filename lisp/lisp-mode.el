;;; lisp-mode.el --- indenting Lisp code, Common Lisp mode and the Lisp modes' helpers  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded.  The Lisp major modes themselves are preloaded (modes.el);
;; this file holds what they point at: `lisp-indent-line' and the column
;; computation behind it, `indent-sexp', `lisp-indent-region', the comment
;; and fill hooks, and `lisp-mode' for Common Lisp files.

(defvar lisp-body-indent 2
  "How far the body of a form is indented past the form's open parenthesis.")

(defvar lisp-indent-offset nil
  "When an integer, every line inside a list is indented this far past its open parenthesis.")

(defvar lisp-indent-function 'lisp-indent-function
  "Function asked for the column of a line that continues a function call.
It gets the position of the line's start and the parse state there, and
returns a column, a list whose car is the column, or nil for the usual one.")

(defvar calculate-lisp-indent-last-sexp nil
  "While `calculate-lisp-indent' runs: where the last complete sexp before the line starts.")

;;; Parse states.

(defun lisp-ppss (&optional pos) "Return the parse state at POS (default point), like `syntax-ppss'.
Its third element is always the start of the last complete sexp of the
innermost list, which indentation needs and the cache may not keep." (unless pos (setq pos (point)))
  (let* ((state (syntax-ppss pos))
         (open (nth 1 state)))
    (if open (save-excursion
          (parse-partial-sexp open pos nil nil (syntax-ppss open)))
      state)))

(defun lisp-mode--first-sexp-on-line (limit)
  "Move to the first sexp that starts on this line before LIMIT, with its prefix characters." (beginning-of-line)
  (parse-partial-sexp (point) limit 0 t) (backward-prefix-chars))

(defun lisp-mode--same-line-p (a b)
  "Non-nil when the positions A and B are on one line (A before B)." (save-excursion
    (goto-char a) (< b (line-beginning-position 2))))

;;; Where a line goes.

(defun calculate-lisp-indent (&optional parse-start) "Return the column the current line should have as Lisp code.
The value is a column, or a list (COLUMN START) whose COLUMN holds for this
line only (START is where the enclosing list opens), or nil when the line
starts inside a string and must not be touched.  PARSE-START is where to
start parsing (a position), or the parse state at the line's start." (save-excursion
    (beginning-of-line) (let* ((indent-point (point))
           (state (cond ((consp parse-start) parse-start)
                        (parse-start (goto-char parse-start)
                         (prog1 (parse-partial-sexp (point) indent-point)
                           (goto-char indent-point)))
                        (t (lisp-ppss indent-point))))
           (open (nth 1 state))
           (last (nth 2 state))
           (calculate-lisp-indent-last-sexp nil) (fixed nil))
      (when (and open last (<= last open))
        ;; The parser's last sexp is outside the innermost list.
        (setq last nil)) (setq calculate-lisp-indent-last-sexp last)
      (cond
       ((nth 3 state) nil)
       ((null open)
        ;; Top level: column 0.
        (goto-char indent-point) (skip-chars-backward " \t")
        (current-column)) ((integerp lisp-indent-offset)
        (goto-char open) (+ (current-column) lisp-indent-offset))
       (t
        (goto-char (1+ open))
        (if (null last)
            ;; Nothing complete after the paren yet: just inside it.
            (setq fixed (current-column))
          ;; Onto the first element.
          (parse-partial-sexp (point) last 0 t) (cond ((looking-at "\\s(")
                 ;; A list in function position: align with it.
                 nil)
                ((lisp-mode--same-line-p (point) last)
                 ;; The function's line holds the last sexp: line up
                 ;; under its first argument when there is one.
                 (unless (= (point) last) (forward-sexp 1)
                   (parse-partial-sexp (point) last 0 t)) (backward-prefix-chars))
                (t
                 ;; Align with the first sexp of the line the last one starts on.
                 (goto-char last) (lisp-mode--first-sexp-on-line last))))
        (let ((normal (current-column)))
          (cond (fixed fixed)
                (lisp-indent-function
                 (or (funcall lisp-indent-function indent-point
                              (if (nth 2 state) state
                                (append (list (nth 0 state) open last) (nthcdr 3 state))))
                     normal))
                (t normal))))))))

(defun lisp-indent-function (indent-point state) "Column for the line at INDENT-POINT inside a call, given the parse STATE there.
The first element's `lisp-indent-function' property decides: `defun' (or a
name starting with \"def\") indents the body by `lisp-body-indent', an
integer N treats the first N arguments as special, a function is called
with INDENT-POINT and STATE.  Point is where the usual column is."
  (let ((normal (current-column))
        (last (or calculate-lisp-indent-last-sexp (nth 2 state)))) (goto-char (1+ (nth 1 state)))
    (parse-partial-sexp (point) last 0 t)
    (if (and (nth 2 state) (not (looking-at "\\sw\\|\\s_")))
        ;; The car is no symbol.
        (progn
          (unless (lisp-mode--same-line-p (point) last) (goto-char last)
            (lisp-mode--first-sexp-on-line last)) (backward-prefix-chars)
          (current-column)) (let* ((name (buffer-substring (point) (progn (forward-sexp 1) (point))))
             (sym (intern-soft name))
             (method (and sym (or (function-get sym 'lisp-indent-function)
                                  (get sym 'lisp-indent-hook))))) (cond ((or (eq method 'defun)
                   (and (null method) (> (length name) 3)
                        (string-prefix-p "def" name))) (lisp-indent-defform state indent-point))
              ((integerp method) (lisp-indent-specform method state indent-point normal))
              (method (funcall method indent-point state)))))))

(defun lisp-indent-defform (state _indent-point) "Body column of a definition whose parse STATE is given, or nil past its first line."
  (let ((open (nth 1 state))) (goto-char open)
    (when (> (line-beginning-position 2) (nth 2 state)) (+ lisp-body-indent (current-column)))))

(defun lisp-indent-specform (count state indent-point normal-indent) "Column of the line at INDENT-POINT in a form whose first COUNT arguments are special.
The first two special arguments get twice `lisp-body-indent', later special
ones NORMAL-INDENT; the first body form gets `lisp-body-indent' unless the
line before is indented less."
  (let* ((open (nth 1 state))
         (form-col (save-excursion (goto-char open) (current-column)))
         (body (+ form-col lisp-body-indent))
         (before 0)) (goto-char open)
    (forward-char 1) (forward-sexp 1)
    ;; Count the arguments that start before the line.
    (parse-partial-sexp (point) indent-point 1 t) (while (and (< (point) indent-point)
                (condition-case nil (progn (forward-sexp 1)
                           (setq before (1+ before)) (parse-partial-sexp (point) indent-point 1 t))
                  (error nil)))) (cond ((< before count)
           (list (if (<= before 1) (+ form-col (* 2 lisp-body-indent)) normal-indent)
                 open))
          ((and (= before count) (or (= count 0) (<= body normal-indent)))
           body)
          (t normal-indent))))

;;; Indenting lines.

(defun lisp-indent-line (&optional indent) "Indent the current line as Lisp code (to INDENT when given).
A line that starts inside a string and a `;;;' comment line are left
alone; a line holding only a `;' comment goes to the comment column.
Point keeps its place in the text, or goes to the indentation when it was
inside it." (interactive)
  (let ((from-end (- (point-max) (point)))) (beginning-of-line)
    (let ((column (or indent (calculate-lisp-indent (lisp-ppss))))) (skip-chars-forward " \t")
      (cond ((or (null column) (looking-at "\\s<\\s<\\s<"))
             (goto-char (- (point-max) from-end)))
            ((and (looking-at "\\s<") (not (looking-at "\\s<\\s<"))) (indent-for-comment)
             (forward-char -1)) (t
             (indent-line-to (if (consp column) (car column) column))
             (when (> (- (point-max) from-end) (point))
               (goto-char (- (point-max) from-end))))))))

(defun lisp-indent-region (start end) "Indent every non-empty line from START to END as Lisp code."
  (save-excursion (let ((stop (copy-marker end)))
      (goto-char start) (beginning-of-line)
      (while (< (point) stop)
        (unless (and (bolp) (eolp))
          (lisp-indent-line)) (forward-line 1))
      (set-marker stop nil))))

(defun lisp-mode--line-comment-start ()
  "Where a comment starts on the current line outside strings, or nil."
  (let ((eol (line-end-position))
        (state (lisp-ppss (line-beginning-position))))
    (unless (or (nth 3 state) (nth 4 state)) (save-excursion
        (beginning-of-line) (let ((s (parse-partial-sexp (point) eol nil nil state 'syntax-table)))
          (while (and (< (point) eol) (not (nth 4 s)))
            (setq s (parse-partial-sexp (point) eol nil nil s 'syntax-table)))
          (and (nth 4 s) (nth 8 s)))))))

(defun indent-sexp (&optional endpos) "Indent each line of the sexp after point; its first line stays as it is.
With ENDPOS, indent the lines up to ENDPOS instead.  Comments on those
lines go where `indent-for-comment' puts them." (interactive)
  (let ((end (copy-marker (or endpos (save-excursion (forward-sexp 1) (point)))))
        (first t)) (save-excursion
      (while (and (zerop (forward-line 1)) (or first (< (point) end)))
        (setq first nil) (unless (nth 3 (lisp-ppss))
          (skip-chars-forward " \t") (cond ((looking-at "\\s<")
                 (indent-for-comment)) ((eolp)
                 ;; Blank lines are left as they are.
                 nil)
                (t (lisp-indent-line)
                 (when (lisp-mode--line-comment-start)
                   (indent-for-comment))))))) (set-marker end nil)))

(defun indent-pp-sexp (&optional arg) "Indent the sexp after point; with ARG, pretty-print it first."
  (interactive "P") (when arg
    (save-excursion (save-restriction
        (narrow-to-region (point) (progn (forward-sexp 1) (point))) (pp-buffer)
        (goto-char (point-max)) (when (eq (char-before) ?\n) (delete-char -1))))) (indent-sexp))

(defun indent-code-rigidly (start end arg &optional nochange-regexp) "Shift the lines from START to END by ARG columns, except those that start in a string.
A line matching NOCHANGE-REGEXP at its start is left alone too, and so
are blank lines." (interactive "r\np")
  (save-excursion (let ((stop (copy-marker end))
          (state nil)) (goto-char start)
      (unless (bolp) (forward-line 1)) (setq state (parse-partial-sexp (point-min) (point)))
      (while (< (point) stop)
        (unless (or (nth 3 state)
                    (and nochange-regexp (looking-at nochange-regexp))) (let ((column (current-indentation)))
            (skip-chars-forward " \t") (unless (eolp)
              (delete-region (line-beginning-position) (point)) (indent-to (max 0 (+ column arg))))))
        (let ((from (point))) (forward-line 1)
          (setq state (parse-partial-sexp from (point) nil nil state))))
      (set-marker stop nil)
      nil)))

;;; Comments and filling.

(defun lisp-comment-indent () "Column for the comment at point: `comment-indent-default's, but a `;;'
comment just after an open paren stays where it is."
  (or (and (looking-at "\\s<\\s<") (save-excursion
             (skip-syntax-backward " ") (and (eq (preceding-char) ?\()
                  (cons (current-column) (current-column))))) (comment-indent-default)))

(defun lisp-outline-level () "Outline level of the heading at point: `;;;' comments by their semicolons, forms are 1000."
  (cond ((looking-at ";;\\(;+\\) ") (- (match-end 1) (match-beginning 1)))
        ((looking-at "(") 1000)
        (t 1)))

(defun lisp-adaptive-fill () "Fill prefix of a Lisp comment line: its comment starter with the space after it."
  (when (looking-at "\\s-*;+ *") (match-string 0)))

(defun lisp-fill-paragraph (&optional justify) "Fill the comment or docstring paragraph at point as Lisp code wants it.
Code is never filled.  JUSTIFY as for `fill-paragraph'." (interactive "P")
  (or (fill-comment-paragraph justify) (let* ((state (lisp-ppss)) (open (nth 8 state)))
        (if (not (and (nth 3 state) (eq (char-after open) ?\")))
            ""
          ;; Fill the string's paragraph without crossing its ends; its
          ;; opening quote counts as column 0.
          (save-restriction (narrow-to-region open (save-excursion
                                     (goto-char open) (condition-case nil (progn (forward-sexp 1) (point))
                                       (error (point-max))))) (let ((paragraph-start (concat paragraph-start "\\|\\s-*\\([(;\"]\\|\\s-:\\|`(\\)"))
                  (paragraph-separate (concat paragraph-separate "\\|\\s-*\".*[,\\.]$")) (fill-column (if (and (integerp emacs-lisp-docstring-fill-column)
                                        (derived-mode-p 'emacs-lisp-mode)) emacs-lisp-docstring-fill-column
                                 fill-column))) (fill-paragraph justify)))))))

(defvar emacs-lisp-docstring-fill-column 65
  "Fill column of Emacs Lisp docstrings; nil means `fill-column'.")

;;; Common Lisp mode.

(defvar lisp-mode-abbrev-table nil "Abbrev table of Lisp mode.")
(define-abbrev-table 'lisp-mode-abbrev-table ())

(defun lisp-mode-variables (&optional _lisp-syntax _keywords-case-insensitive _elisp)
  "Give the current buffer the settings every Lisp mode shares."
  (setq-local paragraph-ignore-fill-prefix t
              fill-paragraph-function 'lisp-fill-paragraph
              adaptive-fill-function 'lisp-adaptive-fill
              indent-line-function 'lisp-indent-line
              indent-region-function 'lisp-indent-region
              comment-indent-function 'lisp-comment-indent
              outline-regexp ";;;\\(;* [^ \t\n]\\|###autoload\\)\\|("
              outline-level 'lisp-outline-level
              comment-start ";"
              comment-start-skip ";+ *"
              comment-add 1
              comment-column 40
              comment-use-syntax t
              multibyte-syntax-as-symbol t
              parse-sexp-ignore-comments t))

(define-derived-mode lisp-mode lisp-data-mode "Lisp" "Major mode for Common Lisp and other Lisps than Emacs's own."
  (setq-local comment-start-skip "\\(\\(^\\|[^\\\n]\\)\\(\\\\\\\\\\)*\\)\\(;+\\|#|\\) *"
              comment-end-skip "[ \t]*\\(\\s>\\||#\\)")
  (when (fboundp 'common-lisp-indent-function)
    (setq-local lisp-indent-function 'common-lisp-indent-function)))

(defalias 'common-lisp-mode #'lisp-mode)

;;; How the standard forms indent.  Macros declare theirs; special forms
;;; and functions that GNU marks get it here.

(let ((specs '((0 progn save-excursion save-restriction save-current-buffer
                  save-mark-and-excursion eval-when-compile eval-and-compile
                  ignore-errors with-no-warnings combine-after-change-calls
                  atomic-change-group with-local-quit while-no-input
                  save-window-excursion save-selected-window track-mouse
                  dont-compile with-existing-directory)
               (1 let let* while when unless catch unwind-protect prog1 dolist
                  dotimes with-demoted-errors ignore-error with-suppressed-warnings
                  with-temp-message minibuffer-with-setup-hook eval-after-load
                  when-let let-alist with-mutex with-coding-priority
                  handler-bind handler-case rx-let rx-let-eval with-selected-window)
               (2 if condition-case condition-case-unless-debug prog2 if-let
                  defun defmacro defadvice ert-deftest combine-change-calls
                  dolist-with-progress-reporter dotimes-with-progress-reporter
                  with-wrapper-hook)
               (3 with-current-buffer-window with-temp-buffer-window
                  with-displayed-buffer-window)
               (defun lambda autoload define-inline rx-define)))) (dolist (spec specs)
    (dolist (sym (cdr spec))
      (unless (get sym 'lisp-indent-function)
        (put sym 'lisp-indent-function (car spec))))))

(provide 'lisp-mode)

;; End of lisp-mode.el.
