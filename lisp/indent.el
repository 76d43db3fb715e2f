;;; indent.el --- indentation commands: lines, regions, tab stops and margins  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded (GNU preloads its indent.el).  The mode-specific work is done
;; by `indent-line-function' and `indent-region-function'; this file holds
;; the generic layer around them.

(defvar standard-indent 4 "Columns the margin commands move by default.")
(defvar tab-always-indent t
  "What TAB does: t always indents, nil indents only in the indentation, `complete' also completes.")
(defvar tab-stop-list nil
  "Columns of the tab stops; nil means every `tab-width' columns.  The last gap repeats.")
(defvar indent-line-ignored-functions '(indent-relative indent-relative-maybe indent-relative-first-indent-point)
  "Values of `indent-line-function' that only tab; `indent-according-to-mode' copies the previous line instead.")

(defun indent--skip-blanks ()
  "Move past the spaces and tabs at point." (skip-chars-forward " \t"))

(defun indent-line-to (column) "Give the current line the indentation COLUMN and leave point after it.
Blanks are only added or removed where they must be." (beginning-of-line)
  (indent--skip-blanks)
  (let ((now (current-column)))
    (cond ((< now column)
           ;; Trailing spaces could merge into a tab: let `indent-to' redo them.
           (when (>= (- column (* (/ now tab-width) tab-width)) tab-width)
             (delete-region (point) (progn (skip-chars-backward " ") (point)))) (indent-to column))
          ((> now column)
           ;; Forcing the column may split a tab into spaces.
           (move-to-column column t) (delete-region (point) (progn (indent--skip-blanks) (point)))))))

(defun indent--previous-line-column ()
  "Indentation of the line before this one; 0 at the buffer's start or after a blank line." (save-excursion
    (beginning-of-line) (if (bobp) 0
      (forward-line -1) (if (looking-at "[ \t]*$") 0 (current-indentation)))))

(defun indent-according-to-mode (&optional inhibit-widen)
  "Indent the current line as the major mode says, through `indent-line-function'.
When that function only tabs, the previous line's indentation is copied.
The buffer is widened meanwhile unless INHIBIT-WIDEN." (interactive)
  (if (memq indent-line-function indent-line-ignored-functions) (let ((column (indent--previous-line-column)))
        (if (<= (current-column) (current-indentation)) (indent-line-to column)
          (save-excursion (indent-line-to column)))) (if inhibit-widen
        (funcall indent-line-function) (save-restriction
        (widen) (funcall indent-line-function)))))

(defun indent-region-line-by-line (start end) "Indent each non-empty line from START to END with `indent-according-to-mode'."
  (save-excursion (let ((stop (copy-marker end))
          (report (make-progress-reporter "Indenting region..." (point) end))) (goto-char start)
      (beginning-of-line) (while (< (point) stop)
        (unless (and (bolp) (eolp))
          (indent-according-to-mode t)) (forward-line 1)
        (progress-reporter-update report (point)))
      (progress-reporter-done report)
      (set-marker stop nil))))

(defun indent-region (start end &optional column) "Indent the lines from START to END.
With COLUMN (a prefix argument), every non-blank line starts at COLUMN;
else with a `fill-prefix', lines get it unless they have it; else
`indent-region-function' does the work, or each line is indented as the
mode says." (interactive "r\nP")
  (cond
   (column (setq column (prefix-numeric-value column))
    (save-excursion (let ((stop (copy-marker end)))
        (goto-char start) (unless (bolp) (forward-line 1))
        (while (< (point) stop)
          (delete-region (point) (progn (indent--skip-blanks) (point)))
          (unless (eolp) (indent-to column 0)) (forward-line 1))
        (set-marker stop nil)))) (fill-prefix
    (save-excursion (let ((stop (copy-marker end))
            (re (regexp-quote fill-prefix))) (goto-char start)
        (while (< (point) stop)
          (unless (or (looking-at re) (and (bolp) (eolp))) (insert fill-prefix))
          (forward-line 1)) (set-marker stop nil))))
   (indent-region-function (save-restriction
      (widen)
      (let ((report (make-progress-reporter "Indenting region...")))
        (funcall indent-region-function start end)
        (progress-reporter-done report)))) (t (indent-region-line-by-line start end))) (setq deactivate-mark t))

(defun indent-rigidly (start end arg &optional _interactive)
  "Move every line that starts between START and END by ARG columns.
Lines holding only blanks are emptied; no line goes left of column 0." (interactive "r\nP\np")
  (setq arg (prefix-numeric-value arg)) (save-excursion
    (let ((stop (copy-marker end))) (goto-char start)
      (unless (bolp) (forward-line 0))
      (while (< (point) stop)
        (let ((column (current-indentation))
              (blank (save-excursion (indent--skip-blanks) (eolp))))
          (unless blank (indent-to (max 0 (+ column arg)) 0))
          (delete-region (point) (progn (indent--skip-blanks) (point)))) (forward-line 1))
      (set-marker stop nil))))

(defun indent-rigidly--current-indentation (start end)
  "The least indentation of the non-blank lines from START to END." (save-excursion
    (goto-char start) (let ((least nil))
      (while (< (point) end) (unless (looking-at "[ \t]*$")
          (setq least (min (or least most-positive-fixnum) (current-indentation)))) (forward-line 1))
      least)))

(defun indent-rigidly-left (start end)
  "Move the lines from START to END one column left." (interactive "r")
  (indent-rigidly start end -1))

(defun indent-rigidly-right (start end)
  "Move the lines from START to END one column right." (interactive "r")
  (indent-rigidly start end 1))

(defun indent-rigidly-left-to-tab-stop (start end)
  "Move the lines from START to END left, their least indentation to the tab stop before it." (interactive "r")
  (let* ((now (or (indent-rigidly--current-indentation start end) 0))
         (stop (indent-next-tab-stop now t)))
    (indent-rigidly start end (- stop now))))

(defun indent-rigidly-right-to-tab-stop (start end)
  "Move the lines from START to END right, their least indentation to the next tab stop." (interactive "r")
  (let* ((now (or (indent-rigidly--current-indentation start end) 0))
         (stop (indent-next-tab-stop now)))
    (indent-rigidly start end (- stop now))))

;;; Relative indentation and tab stops.

(defun indent-relative (&optional first-only unindented-ok) "Indent to the next indentation point of the previous non-blank line.
An indentation point is where a run of blanks ends.  FIRST-ONLY: only the
line's own indentation counts.  When there is none past point, tab to the
next tab stop, or do nothing when UNINDENTED-OK." (interactive "P")
  (let ((from (current-column))
        (target nil)) (save-excursion
      (beginning-of-line) (when (re-search-backward "^[^\n]" nil t)
        (let ((eol (line-beginning-position 2)))
          (move-to-column from)
          ;; Landing past FROM means FROM is inside a tab.
          (when (> (current-column) from) (backward-char 1))
          (unless (or (looking-at "[ \t]") first-only)
            (skip-chars-forward "^ \t" eol))
          (skip-chars-forward " \t" eol)
          (unless (= (point) eol)
            (setq target (current-column)))))) (cond (target
           (let ((here (point-marker)))
             (indent-to target 0)
             (when (> here (point)) (goto-char here)) (set-marker here nil)))
          (unindented-ok nil) (t (tab-to-tab-stop)))))

(defalias 'indent-relative-maybe #'indent-relative-first-indent-point)

(defun indent-relative-first-indent-point () "Indent to the previous non-blank line's indentation, or leave the line alone."
  (interactive) (indent-relative t t))

(defun indent-accumulate-tab-stops (limit) "The tab stops up to LIMIT, in order."
  (let ((stops nil) (col 0))
    (while (<= (setq col (indent-next-tab-stop col)) limit)
      (push col stops))
    (nreverse stops)))

(defun indent-next-tab-stop (column &optional prev) "The tab stop after COLUMN, or the one before it when PREV.
Past the last stop of `tab-stop-list' the list's last gap repeats."
  (let* ((stops tab-stop-list)
         (last (if stops (car (last stops)) 0))
         (step (cond ((null stops) tab-width)
                     ((cdr stops) (- last (nth (- (length stops) 2) stops)))
                     (t last))) (found nil))
    (when (<= step 0) (setq step tab-width))
    (if prev
        (progn
          (dolist (stop stops) (when (< stop column) (setq found stop)))
          (if (> column last)
              (+ last (* step (/ (- column last 1) step))) (or found 0)))
      (while (and stops (not found))
        (when (> (car stops) column) (setq found (car stops)))
        (setq stops (cdr stops)))
      (or found (+ last (* step (1+ (/ (- column last) step))))))))

(defun tab-to-tab-stop () "Insert blanks up to the next tab stop."
  (interactive) (and abbrev-mode (= (char-syntax (preceding-char)) ?w) (fboundp 'expand-abbrev)
       (expand-abbrev)) (let ((target (indent-next-tab-stop (current-column))))
    (delete-horizontal-space--before)
    (indent-to target)))

(defun delete-horizontal-space--before ()
  "Delete the blanks just before point."
  (delete-region (point) (progn (skip-chars-backward " \t") (point))))

(defun move-to-tab-stop () "Move point to the next tab stop, adding blanks at the end of the line when needed."
  (interactive) (let ((target (indent-next-tab-stop (current-column))))
    (move-to-column target t)))

(defun insert-tab (&optional arg) "Insert ARG tabs, or the blanks that reach as far when `indent-tabs-mode' is off."
  (let ((count (prefix-numeric-value arg))) (if indent-tabs-mode
        (insert-char ?\t count) (indent-to (* tab-width (+ count (/ (current-column) tab-width)))))))

(defun indent-for-tab-command (&optional arg) "Indent the current line as the mode says, or insert a tab where the mode only tabs.
ARG is passed on to `insert-tab' then." (interactive "P")
  (cond ((memq indent-line-function indent-line-ignored-functions)
         (if (and (not tab-always-indent) (> (current-column) (current-indentation))) (insert-tab arg)
           (funcall indent-line-function)))
        ((and (not tab-always-indent) (> (current-column) (current-indentation))) (insert-tab arg))
        (t (indent-according-to-mode))))

;;; Margins.

(defun current-left-margin () "The left margin here: `left-margin' plus the `left-margin' text property at the line's start."
  (save-excursion (back-to-indentation--plain)
    (max 0 (+ left-margin
              (or (get-text-property (if (and (eobp) (not (bobp))) (1- (point)) (point))
                                     'left-margin)
                  0)))))

(defun back-to-indentation--plain ()
  "Move to the first non-blank of the line." (beginning-of-line)
  (indent--skip-blanks))

(defun move-to-left-margin (&optional n force) "Move to the left margin of the line N-1 lines down; with FORCE, indent to it first.
Return the margin's column." (interactive (list (prefix-numeric-value current-prefix-arg) t))
  (beginning-of-line n) (skip-chars-forward " \t")
  (if (and (fboundp (quote minibufferp)) (minibufferp (current-buffer))) (if (save-excursion (beginning-of-line) (bobp))
          (goto-char (minibuffer-prompt-end)) (beginning-of-line))
    (let ((margin (current-left-margin)))
      (if (> (move-to-column margin force) margin)
          ;; A tab spans the margin: back into the line's indentation.
          (if force
              (progn (delete-char -1) (indent-to margin)) (forward-char -1)))) (current-column)))

(defun indent-to-left-margin () "Give the line the indentation of its left margin."
  (save-excursion (indent-line-to (current-left-margin))) (when (< (current-column) (current-left-margin))
    (back-to-indentation--plain)))

(defun delete-to-left-margin (&optional from to) "Remove the indentation up to the left margin of the lines from FROM to TO."
  (save-excursion (goto-char (or to (point-max)))
    (setq to (point-marker)) (goto-char (or from (point-min)))
    (unless (bolp) (forward-line 1)) (while (< (point) to)
      (delete-region (point) (progn (move-to-column (current-left-margin) nil)
                                    (point))) (forward-line 1)) (set-marker to nil)))

(defun beginning-of-line-text (&optional n) "Move to the start of the line's text: past its blanks and a fill prefix, if any."
  (interactive "^p") (beginning-of-line n)
  (skip-chars-forward " \t") (when (and fill-prefix (not (equal fill-prefix "")))
    (when (equal fill-prefix
                 (buffer-substring (point) (min (point-max) (+ (length fill-prefix) (point)))))
      (forward-char (length fill-prefix)))) (skip-chars-forward " \t"))

(provide 'indent)

;; End of indent.el.
