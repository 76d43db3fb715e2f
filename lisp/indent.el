;;; indent.el --- indenting lines and regions, tab stops and left margins  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The variables (`tab-stop-list', `standard-indent', `tab-always-indent',
;; `indent-region-function', `indent-line-ignored-functions') are made in
;; lisp/autoloads.el, since GNU has them from start-up.

;;; Small helpers.

(defun indent--skip-blanks () "Move forward over spaces and tabs; give how many characters were passed."
  (skip-chars-forward " \t"))

(defun indent--line-blank-p () "Non-nil if the current line holds only spaces and tabs."
  (save-excursion (beginning-of-line) (indent--skip-blanks) (eolp)))

(defun indent--to-text () "Move to the first character of this line that is not a space or tab."
  (beginning-of-line)
  (indent--skip-blanks))

(defun indent--funcall-widened (fn) "Call FN with the buffer widened, unless the narrowing should stay.
tsmacs keeps the restriction, as GNU does outside of modes that ask
otherwise."
  (funcall fn))

(defun indent--expand-abbrev () "Expand the abbrev before point first, as the TAB commands do in `abbrev-mode'."
  (when (and (bound-and-true-p abbrev-mode) (fboundp 'expand-abbrev)
             (eq (char-syntax (preceding-char)) ?w))
    (expand-abbrev)))

(defun indent--region-args () "The region's bounds, as interactive arguments."
  (list (region-beginning) (region-end)))

;;; Tab stops.

(defun indent-next-tab-stop (column-now &optional backward) "The first tab stop after column COLUMN-NOW, or with BACKWARD the last one before it.
Stops come from `tab-stop-list', continued past its end by the gap
between its last two entries (or `tab-width'); with no list, every
`tab-width' columns."
  (let ((stops tab-stop-list)
        (found nil)
        (last 0))
    ;; Walk the explicit stops first.
    (while (and stops (not found))
      (let ((stop (car stops)))
        (if (if backward (>= stop column-now) (> stop column-now))
            (setq found (if backward last stop))
          (setq last stop stops (cdr stops)))))
    (or found
        (let* ((count-n (length tab-stop-list))
               (gap (if (> count-n 1)
                        (- (car (last tab-stop-list))
                           (car (last tab-stop-list 2)))
                      tab-width))
               (base (if tab-stop-list last 0))
               ;; Whole gaps from BASE to the stop at or before COL.
               (k (floor (- column-now base (if backward 1 0)) gap)))
          (+ base (* (if backward k (1+ k)) gap))))))

(defun indent-accumulate-tab-stops (upto) "The tab stops from the first one up to column UPTO, in order."
  (let ((column-now 0) (acc nil))
    (while (<= (setq column-now (indent-next-tab-stop column-now)) upto)
      (push column-now acc)) (nreverse acc)))

(defun tab-to-tab-stop () "Indent from point to the next tab stop, replacing blanks just before point.
See `indent-next-tab-stop'."
  (interactive nil)
  (indent--expand-abbrev)
  ;; The stop is found from where point is, before the blanks go.
  (let ((stop (indent-next-tab-stop (current-column))))
    (delete-region (point) (progn (skip-chars-backward " \t") (point)))
    (indent-to stop)))

(defun move-to-tab-stop () "Move point to the next tab stop, adding blanks at the end of a short line."
  (interactive nil)
  (indent--expand-abbrev)
  (move-to-column (indent-next-tab-stop (current-column)) t)
  nil)

(defun insert-tab (&optional count) "Insert COUNT tabs (a prefix argument; default one).
When `indent-tabs-mode' is nil, insert spaces to the same tab stops."
  (let ((tabs (prefix-numeric-value count)))
    (indent--expand-abbrev) (if indent-tabs-mode
				(insert-char ?\t tabs)
			      (indent-to (* tab-width (+ tabs (/ (current-column) tab-width)))))))

;;; One line.

(defun indent-line-to (target) "Give the current line an indentation of TARGET columns and go to its end.
Existing blanks are kept where they fit, so tabs stay tabs."
  (indent--to-text)
  (let ((now (current-column)))
    (cond ((< now target)
           ;; A tab can only be used if TARGET is past the tab stop the
           ;; existing blanks end in; drop the spaces that would block it.
           (when (>= (- target (* tab-width (/ now tab-width))) tab-width)
             (delete-region (point) (progn (skip-chars-backward " ") (point))))
           (indent-to target))
          ((> now target) (move-to-column target t)
           (delete-region (point) (progn (indent--skip-blanks) (point)))
           nil))))

(defun indent-relative (&optional first-stop-only no-tab-ok) "Indent from point to below the next indentation point of the previous line.
An indentation point is where a run of blanks ends.  The previous line
is the nearest one above with text.  With FIRST-STOP-ONLY only its first
indentation point counts.  When there is none, `tab-to-tab-stop' is
used, or nothing is done if NO-TAB-OK."
  (interactive (list current-prefix-arg))
  (indent--expand-abbrev)
  (let* ((here (current-column))
         (goal (save-excursion (beginning-of-line)
			       (when (re-search-backward "^[ \t]*[^ \t\n]" nil t)
				 (let ((line-end (line-end-position)))
				   (when (> (move-to-column here) here) (backward-char 1))
				   (unless (or first-stop-only (memq (following-char) '(?\s ?\t)))
				     (skip-chars-forward "^ \t" line-end))
				   (skip-chars-forward " \t" line-end)
				   (unless (= (point) line-end) (current-column)))))))
    (cond (goal
           (let ((home (point-marker)))
             (indent-to goal 0)
             (when (> home (point)) (goto-char home))
             (set-marker home nil)))
          (no-tab-ok nil) (t (tab-to-tab-stop)))))

(defun indent-relative-first-indent-point () "Indent below the first indentation point of the previous line with text.
See `indent-relative'."
  (interactive nil) (indent-relative t))

(defalias 'indent-relative-maybe #'indent-relative-first-indent-point)

(defun indent-according-to-mode (&optional _inhibit-widen) "Indent the current line the way the major mode says.
Functions in `indent-line-ignored-functions' (the `indent-relative'
family) do not know the mode; for them the line gets the previous
line's indentation."
  (interactive nil) (if (memq indent-line-function indent-line-ignored-functions)
			(let ((target (save-excursion (beginning-of-line)
						      (if (or (bobp) (progn (forward-line -1) (indent--line-blank-p)))
							  0 (current-indentation)))))
			  (if (<= (current-column) (current-indentation))
			      (indent-line-to target)
			    (save-excursion (indent-line-to target))))
		      (indent--funcall-widened indent-line-function)))

(defun indent-for-tab-command (&optional lead) "Indent the current line or region, or insert a tab, as `tab-always-indent' says.
With an active region, indent it; a tab is inserted when
`indent-line-function' is `indent-to-left-margin', or when
`tab-always-indent' is nil and point is past the indentation."
  (interactive (list current-prefix-arg)) (cond ((use-region-p)
						 (indent-region (region-beginning) (region-end)))
						((or (eq indent-line-function 'indent-to-left-margin) (and (not tab-always-indent)
													   (or (> (current-column) (current-indentation)) (eq this-command last-command))))
						 (insert-tab lead))
						(t
						 (let ((tick (buffer-chars-modified-tick))
						       (before (point))
						       (result (indent--funcall-widened indent-line-function)))
						   (when (and (eq tab-always-indent 'complete)
							      (eq tick (buffer-chars-modified-tick))
							      (= before (point))
							      (not (eq result 'noindent))
							      (fboundp 'completion-at-point)) (completion-at-point))
						   nil))))

;;; Regions.

(defun indent--each-line (lo hi fn) "Call FN at the start of every line that begins at or after LO and before HI."
  (save-excursion
    (let ((stop (copy-marker hi)))
      (goto-char lo) (unless (bolp) (forward-line 1))
      (while (< (point) stop) (funcall fn) (forward-line 1))
      (set-marker stop nil))))

(defun indent-rigidly (region-from region-to amount &optional _interactive)
  "Shift each line that begins in REGION-FROM..REGION-TO by AMOUNT columns (a prefix argument).
Lines holding only blanks are emptied; indentation never goes below 0."
  (interactive "r\nP\np")
  (let ((shift (prefix-numeric-value amount)))
    (indent--each-line
     region-from region-to
     (lambda ()
       (let ((width (current-indentation))
             (blank (indent--line-blank-p)))
         (delete-region (point) (progn (indent--skip-blanks) (point)))
         (unless blank (indent-to (max 0 (+ width shift)) 0)))))
    nil))

(defun indent-rigidly--current-indentation (lo hi) "The least indentation of the lines with text that begin in LO..HI."
  (let ((least nil))
    (indent--each-line lo hi
                       (lambda ()
                         ;; Empty lines do not count; lines of blanks do.
                         (unless (eolp)
                           (setq least (min (or least most-positive-fixnum)
                                            (current-indentation))))))
    (or least 0)))

(defun indent-rigidly-left (region-from region-to) "Shift the lines of REGION-FROM..REGION-TO one column left."
  (interactive (indent--region-args))
  (indent-rigidly region-from region-to -1))

(defun indent-rigidly-right (region-from region-to) "Shift the lines of REGION-FROM..REGION-TO one column right."
  (interactive (indent--region-args))
  (indent-rigidly region-from region-to 1))

(defun indent-rigidly-left-to-tab-stop (region-from region-to)
  "Shift the lines of REGION-FROM..REGION-TO left so that the least indented reaches the previous tab stop."
  (interactive (indent--region-args))
  (let ((now (indent-rigidly--current-indentation region-from region-to)))
    (indent-rigidly region-from region-to (- (indent-next-tab-stop now t) now))))

(defun indent-rigidly-right-to-tab-stop (region-from region-to)
  "Shift the lines of REGION-FROM..REGION-TO right so that the least indented reaches the next tab stop."
  (interactive (indent--region-args))
  (let ((now (indent-rigidly--current-indentation region-from region-to)))
    (indent-rigidly region-from region-to (- (indent-next-tab-stop now) now))))

(defun indent-region-line-by-line (region-from region-to) "Indent each line with text that begins in REGION-FROM..REGION-TO by `indent-according-to-mode'."
  (save-excursion
    (let ((stop (copy-marker region-to)))
      (goto-char region-from) (beginning-of-line)
      (while (< (point) stop)
        (unless (and (bolp) (eolp))
          (indent-according-to-mode t)) (forward-line 1))
      (set-marker stop nil))))

(defun indent-region (region-from region-to &optional now-col) "Indent each line that begins in REGION-FROM..REGION-TO.
With NOW-COL (a number or prefix argument) every line gets that
indentation and blank lines are emptied; otherwise
`indent-region-function' does the work, or each line is indented by
`indent-according-to-mode'."
  (interactive (append (indent--region-args) (list current-prefix-arg)))
  (cond (now-col
         (let ((target (prefix-numeric-value now-col)))
           (indent--each-line region-from region-to
                              (lambda ()
                                (if (indent--line-blank-p)
                                    (delete-region (point) (line-end-position))
                                  (indent-line-to target)))))) (indent-region-function
         (funcall indent-region-function region-from region-to))
				  (t (indent-region-line-by-line region-from region-to))) (setq deactivate-mark t))

;;; Left and right margins (text properties `left-margin' and `right-margin').

(defun current-left-margin () "The left margin of the current line: `left-margin' plus its `left-margin' property."
  (save-excursion
    (indent--to-text)
    (let ((pos (if (and (eobp) (not (bobp))) (1- (point)) (point))))
      (max 0 (+ left-margin (or (get-text-property pos 'left-margin) 0))))))

(defun indent-to-left-margin () "Indent the current line to its left margin (see `current-left-margin')."
  (save-excursion (indent-line-to (current-left-margin)))
  (when (< (current-column) (current-left-margin))
    (indent--skip-blanks)))

(defun move-to-left-margin (&optional lines-down indent-p) "Go to the left margin of the line LINES-DOWN - 1 lines down.
With INDENT-P, a line indented less than the margin is indented to it."
  (interactive (list (prefix-numeric-value current-prefix-arg) t))
  (beginning-of-line lines-down)
  (indent--skip-blanks)
  (let ((margin (current-left-margin))
        (now-col (current-column)))
    (cond ((> now-col margin)
           (when (> (move-to-column margin indent-p) margin) (backward-char 1))
           nil)
          ((and indent-p (< now-col margin))
           (indent-to-left-margin)))))

(defun delete-to-left-margin (&optional lo hi) "Remove the left margin's worth of blanks from each line of LO..HI.
Only blanks are removed.  LO and HI default to the whole buffer."
  (save-excursion
    (let ((stop (copy-marker (or hi (point-max)))))
      (goto-char (or lo (point-min))) (unless (bolp) (forward-line 1))
      (while (< (point) stop)
        (delete-region (point) (progn (move-to-column (current-left-margin) t)
                                      (skip-chars-backward "^ \t" (line-beginning-position))
                                      (point))) (forward-line 1))
      (set-marker stop nil))))

(defun indent--change-margin (prop lo hi amount) "Add AMOUNT to the PROP margin (`left-margin' or `right-margin') of LO..HI."
  (let ((base (if (eq prop 'left-margin) left-margin 0))
        (pos lo))
    (while (< pos hi)
      (let ((next (next-single-property-change pos prop nil hi))
            (old (or (get-text-property pos prop) 0)))
        (put-text-property pos next prop (max (- base) (+ old amount))) (setq pos next)))))

(defun set-left-margin (lo hi width) "Make the left margin of the lines of LO..HI WIDTH columns, re-indenting them."
  (interactive "r\nNSet left margin to column: ")
  (save-excursion
    (goto-char lo) (setq lo (line-beginning-position))
    (goto-char hi) (setq hi (line-end-position)))
  (let ((stop (copy-marker hi)))
    (delete-to-left-margin lo stop)
    (put-text-property lo stop 'left-margin (- width left-margin))
    (indent--each-line lo stop (lambda () (unless (indent--line-blank-p) (indent-to-left-margin))))
    (set-marker stop nil)))

(defun set-right-margin (lo hi width) "Make the right margin of the lines of LO..HI WIDTH columns wide."
  (interactive "r\nNSet right margin to width: ")
  (put-text-property lo hi 'right-margin width))

(defun increase-left-margin (lo hi inc) "Widen the left margin of the lines of LO..HI by INC (default `standard-indent')."
  (interactive (progn (barf-if-buffer-read-only) (append (indent--region-args) (list current-prefix-arg))))
  (let ((amount (if inc (prefix-numeric-value inc) standard-indent))) (save-excursion
									(goto-char lo) (setq lo (line-beginning-position))
									(goto-char hi) (setq hi (line-end-position)))
       (let ((stop (copy-marker hi)))
	 (delete-to-left-margin lo stop)
	 (indent--change-margin 'left-margin lo stop amount)
	 (indent--each-line lo stop (lambda () (unless (indent--line-blank-p) (indent-to-left-margin))))
	 (set-marker stop nil))))

(defun decrease-left-margin (lo hi inc) "Narrow the left margin of the lines of LO..HI by INC (default `standard-indent')."
  (interactive (progn (barf-if-buffer-read-only) (append (indent--region-args) (list current-prefix-arg))))
  (increase-left-margin lo hi (- (if inc (prefix-numeric-value inc) standard-indent))))

(defun increase-right-margin (lo hi inc) "Widen the right margin of the lines of LO..HI by INC (default `standard-indent')."
  (interactive (append (indent--region-args) (list current-prefix-arg)))
  (indent--change-margin 'right-margin lo hi
                         (if inc (prefix-numeric-value inc) standard-indent)))

(defun decrease-right-margin (lo hi inc) "Narrow the right margin of the lines of LO..HI by INC (default `standard-indent')."
  (interactive (append (indent--region-args) (list current-prefix-arg)))
  (increase-right-margin lo hi (- (if inc (prefix-numeric-value inc) standard-indent))))

;;; Line text.

(defconst indent--adaptive-default "[ \t]*\\([-–!|#%;>*·•‣⁃◦]+[ \t]*\\)*"
  "What `beginning-of-line-text' skips when fill.el's `adaptive-fill-regexp' is not there.")

(defun beginning-of-line-text (&optional lines-down) "Go to the start of the text on the line LINES-DOWN - 1 lines down.
Indentation is skipped, then `fill-prefix' if the line starts with
it, or else what `adaptive-fill-regexp' matches."
  (interactive "^p")
  (beginning-of-line lines-down)
  (indent--skip-blanks)
  (let ((lead (and (boundp 'fill-prefix) fill-prefix)))
    (if (and lead (not (equal lead "")))
        (when (string-prefix-p lead (buffer-substring (point) (min (point-max) (+ (point) (length lead)))))
          (forward-char (length lead)))
      (when (if (boundp 'adaptive-fill-mode) adaptive-fill-mode t)
        (let ((re (if (boundp 'adaptive-fill-regexp) adaptive-fill-regexp indent--adaptive-default)))
          (when (and re (looking-at re))
            (goto-char (match-end 0)))))))
  nil)

(provide 'indent)

;;; indent.el ends here
