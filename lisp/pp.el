;;; pp.el --- Lisp data laid out over several lines, indented  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (its
;; `pp-to-string' outputs for many kinds of data, and its batch messages).

;; The layout is done on printed text, not on the data: `prin1' writes
;; the object on one line, then `pp-buffer' breaks that line before
;; each list or vector that follows a space (taking a quote or `#'
;; written right before it along) and after each one whose closer is
;; not followed by another closer, and indents the first expression
;; with the usual Lisp rules.  Strings, comments and backslashed
;; characters are passed over whole.

;;; Code:

(defgroup pp nil "Pretty printing of Lisp expressions." :group 'lisp)

(defcustom pp-escape-newlines t "When non-nil, `pp' and the other pp commands write newlines in strings as \\n.
It is the value `print-escape-newlines' takes while they print."
  :type 'boolean :group 'pp)

;;;; Breaking lines

(defun pp--break-before-opener () "Start a new line before the list or vector opening at point, when it follows a space.
Quote characters and `#' right before the opener stay with it; the blanks
before them become one newline."
  (let ((opener (point)) (lead (progn (skip-chars-backward "'`#") (point))))
    (if (not (memq (char-before) '(?\s ?\t ?\n)))
        (goto-char opener)
      (delete-region (progn (skip-chars-backward " \t\n") (point)) lead)
      (insert ?\n)
      ;; Back on the opener, which moved with the text before it.
      (forward-char (- opener lead)))))

(defun pp--break-after-closer () "Start a new line after the closer before point, unless another closer follows at once.
The blanks after it become that one newline, even at the end of the text."
  (unless (memq (char-after) '(?\) ?\]))
    (delete-region (point) (progn (skip-chars-forward " \t\n") (point)))
    (insert ?\n)))

(defun pp--pass-string () "Move past the string whose opening quote is just before point (to the end if unclosed)."
  (while (and (re-search-forward "[\"\\]" nil 'move)
              (eq (char-before) ?\\))
    ;; A backslash: its character is not the closing quote.
    (unless (eobp) (forward-char))))

(defun pp-buffer () "Lay out the Lisp text of the accessible part of the buffer as `pp' does, and indent it."
  (interactive nil) (goto-char (point-min))
  (while (re-search-forward "[][()\"\\;]" nil t)
    (pcase (char-before)
      ((or ?\( ?\[) (backward-char) (pp--break-before-opener) (forward-char))
      ((or ?\) ?\]) (pp--break-after-closer))
      (?\" (pp--pass-string))
      (?\\ (unless (eobp) (forward-char)))
      (_ (end-of-line))))
  (goto-char (point-min)) (indent-sexp))

;;;; Entry points

(defun pp-to-string (object) "Give OBJECT as `prin1' writes it, laid out over lines and indented as Lisp code."
  (let ((print-quoted t) (print-escape-newlines pp-escape-newlines))
    (with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table)
      (lisp-mode-variables)
      (prin1 object (current-buffer))
      (pp-buffer)
      (buffer-substring (point-min) (point-max)))))

(defun pp (object &optional stream) "Write OBJECT laid out by `pp-to-string' to STREAM, or to `standard-output'.
Strings and symbols come out as `prin1' writes them, with no newline after."
  (let ((text (pp-to-string object))) (princ text (or stream standard-output))))

(defconst pp--echo-width 80
  "Columns of the batch frame: a result narrower than this is shown as a message.")

(defun pp-display-expression (expression out-buffer-name) "Put EXPRESSION laid out by `pp-to-string' in the buffer OUT-BUFFER-NAME, in Emacs Lisp mode.
A result of one line that fits the frame's width is also shown as a message;
any other is announced by a message naming the buffer.  Point is left at
the end of the first line."
  (let ((text (pp-to-string expression)))
    (with-current-buffer (get-buffer-create out-buffer-name)
      (let ((inhibit-read-only t)) (kill-all-local-variables) (erase-buffer))
      (setq buffer-read-only nil buffer-undo-list t)
      (insert text) (emacs-lisp-mode) (set-buffer-modified-p nil)
      (goto-char (point-min)) (end-of-line)
      (if (and (>= (1+ (point)) (point-max)) (< (current-column) pp--echo-width))
          (message "%s" (buffer-substring (point-min) (point)))
        (message "See buffer %s." out-buffer-name)))))

(defun pp-eval-expression (expression) "Evaluate EXPRESSION, add its value to `values' and show it laid out in *Pp Eval Output*."
  (interactive (let ((form (read--expression "Eval: "))) (list form)))
  (message "Evaluating...")
  (let ((value (eval expression lexical-binding)))
    (setq values (cons value values))
    (pp-display-expression value "*Pp Eval Output*")))

(defun pp-macroexpand-expression (expression) "Expand the macro call EXPRESSION one step and show the result laid out in *Pp Macroexpand Output*."
  (interactive (let ((form (read--expression "Macroexpand: "))) (list form)))
  (let ((expansion (macroexpand-1 expression)))
    (pp-display-expression expansion "*Pp Macroexpand Output*")))

(defun pp-last-sexp () "Read the expression that ends at point (before any blanks) and give it."
  (elisp--preceding-sexp))

(defun pp-eval-last-sexp (arg) "Evaluate the expression before point and show its value laid out.
With ARG, insert the laid-out value at point instead."
  (interactive "P")
  (let ((form (pp-last-sexp)))
    (if (not arg) (pp-eval-expression form)
      (insert (pp-to-string (eval form lexical-binding))))))

(defun pp-macroexpand-last-sexp (arg) "Expand the macro call before point one step and show the result laid out.
With ARG, insert the laid-out expansion at point instead."
  (interactive "P")
  (let ((form (pp-last-sexp)))
    (if (not arg) (pp-macroexpand-expression form)
      (insert (pp-to-string (macroexpand-1 form))))))

(provide 'pp)

;;; pp.el ends here
