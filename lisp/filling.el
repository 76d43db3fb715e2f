;;; filling.el --- filling and justifying text  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the
;; commands of its fill.el); autoloaded from autoloads.el.

(require 'paragraph-motion)

(defvar fill-individual-varying-indent nil "Non-nil when `fill-individual-paragraphs' lets a paragraph's indentation vary.")
(defvar colon-double-space nil "Non-nil when filling keeps two spaces after a colon.")
;;;###autoload
(defvar fill-separate-heterogeneous-words-with-space nil "Non-nil when a joined line break between two kinds of words becomes a space.")
(defvar fill-paragraph-function nil "Function `fill-paragraph' tries first, or nil.")
;;;###autoload
(defvar fill-paragraph-handle-comment t "Non-nil when `fill-paragraph' fills comments by themselves.")
(defvar fill-forward-paragraph-function #'forward-paragraph "Function the fill commands move over paragraphs with.")
;;;###autoload
(defvar enable-kinsoku t "Non-nil when line breaks respect kinsoku rules.")
(defvar adaptive-fill-mode t "Non-nil when the fill prefix is worked out from the text.")
(defvar adaptive-fill-regexp "[ \t]*\\([-\u2013!|#%;>*\u00b7\u2022\u2023\u2043\u25e6]+[ \t]*\\)*"
  "Regexp for the part of a line's start that makes up an adaptive fill prefix.")
(defvar adaptive-fill-first-line-regexp "\\`[ \t]*\\'"
  "Regexp a one-line paragraph's prefix must match to be used as it is.")
(defvar adaptive-fill-function #'ignore "Function giving a line's prefix when the regexp finds none, or nil.")
;;;###autoload
(defvar fill-indent-according-to-mode nil "Non-nil when filled lines are indented by the mode.")
(defvar fill-nobreak-predicate nil "Functions that say a line may not be broken at point.")
;;;###autoload
(defvar fill-nobreak-invisible nil "Non-nil when lines are not broken at invisible text.")
(defvar default-justification 'left "How lines are justified when the text does not say.")
(make-variable-buffer-local 'default-justification)
(defvar fill-prefix nil "String put at the start of each line a fill makes, or nil.")
(make-variable-buffer-local 'fill-prefix)
(defvar fill-individual-paragraphs-citation-regexp nil)

;;; Arguments of the commands.

(defun filling--command-args (with-region) "Interactive arguments of a fill command: the region if WITH-REGION, then JUSTIFY.
A prefix argument asks for full justification; the buffer must be writable."
  (barf-if-buffer-read-only)
  (let ((how (and current-prefix-arg 'full)))
    (if with-region
        (list (region-beginning) (region-end) how)
      (list how t))))

(defun filling--span-args () "The region's bounds when it is active, else point twice."
  (if (use-region-p)
      (list (region-beginning) (region-end))
    (list (point) (point))))

;;; Columns, justification and prefixes.

(defun current-fill-column () "The column to fill to here: `fill-column' less a `right-margin' property.
With `fill-column' nil, the largest fixnum."
  (if (not (integerp fill-column))
      most-positive-fixnum
    (let ((margin (get-text-property (point) 'right-margin)))
      (if (integerp margin) (- fill-column margin) fill-column))))

(defun current-justification () "How the text at point is to be justified.
The `justification' property of the text there, else `default-justification'."
  (let ((at (if (and (eobp) (not (bobp))) (1- (point)) (point))))
    (or (get-text-property at 'justification) default-justification)))

(defun set-fill-prefix () "Make the text of this line before point the fill prefix (none at a line start)."
  (interactive)
  (let ((text (buffer-substring (line-beginning-position) (point))))
    (setq fill-prefix (and (> (length text) 0) text))
    (if fill-prefix
        (message "fill-prefix: \"%s\"" fill-prefix)
      (message "fill-prefix canceled"))))

(defun fill-common-string-prefix (s1 s2) "The longest string both S1 and S2 start with, or nil if they share nothing."
  (let ((cut (compare-strings s1 nil nil s2 nil nil)))
    (setq cut (if (eq cut t) (length s1) (1- (abs cut))))
    (and (> cut 0) (substring s1 0 cut))))

(defun fill-match-adaptive-prefix () "The prefix `adaptive-fill-regexp' (or `adaptive-fill-function') finds at point."
  (let ((found (and adaptive-fill-regexp (looking-at adaptive-fill-regexp)
                    (match-string-no-properties 0))))
    (or (and (member found '(nil "")) adaptive-fill-function
             (funcall adaptive-fill-function))
        found)))

(defun filling--line-prefix () "The adaptive prefix of the line point is on, or nil."
  (save-excursion (forward-line 0)
    (fill-match-adaptive-prefix)))

(defun filling--whitespace-p (prefix) "Non-nil when PREFIX may stand as it is at the start of a one-line paragraph."
  (or (string-match-p adaptive-fill-first-line-regexp prefix)
      (and (boundp 'comment-start-skip) comment-start-skip
           (string-match-p comment-start-skip prefix))))

(defun fill-context-prefix (from to &optional _first-line-regexp) "The fill prefix the paragraph between FROM and TO suggests, or nil.
One line gives its own prefix, made blank when it is not whitespace; two
give the second's when that is blank or starts the first, else what the
two share."
  (save-excursion (goto-char from)
  (when (eolp) (forward-line 1))
  (let* ((first (filling--line-prefix))
         (two-lines (save-excursion (forward-line 1) (< (point) to)))
         (result
          (cond
           ((null first) nil)
           ((not two-lines)
            (if (filling--whitespace-p first)
                first
              (make-string (string-width first) ?\s)))
           (t (forward-line 1)
            (let ((second (and (not (looking-at "[ \t]*$")) (filling--line-prefix))))
              (cond ((null second) nil)
                    ((string-match-p "\\`[ \t]*\\'" second) second)
                    ((string-prefix-p (string-trim-right second) first) second)
                    (t (fill-common-string-prefix first second))))))))
    result)))

(defun skip-line-prefix (prefix) "Move past PREFIX when the line after point starts with it; non-nil if so."
  (when (and prefix (> (length prefix) 0)
             (string-prefix-p prefix (buffer-substring (point) (min (point-max) (+ (point) (length prefix))))))
    (forward-char (length prefix))
    (point)))

(defun fill-delete-prefix (from to prefix) "Remove PREFIX from the start of each line from FROM's next line up to TO.
Return TO moved back by what was deleted."
  (save-excursion (goto-char from) (forward-line 1)
    (while (< (point) to)
      (let ((bol (point)))
        (when (and prefix (> (length prefix) 0)
                   (string-prefix-p prefix (buffer-substring bol (min (point-max) (+ bol (length prefix))))))
          (delete-region bol (+ bol (length prefix)))
          (setq to (- to (length prefix))))) (forward-line 1))
    to))

;;; Spaces and newlines.

(defun filling--after-stop-p (pos colon) "Non-nil when the text before POS ends a sentence (or a colon, with COLON)."
  (save-excursion (goto-char pos)
    (skip-chars-backward "]\"')}\u201d\u2019\u00bb\u203a")
    (let ((char (char-before)))
      (or (and sentence-end-double-space (memq char '(?. ?? ?! ?\u2026 ?\u203d)))
          (and colon colon-double-space (eq char ?:))))))

(defun canonically-space-region (beg end) "Make each run of spaces and tabs between BEG and END one space.
A run of two or more after the end of a sentence (with
`sentence-end-double-space') or after a colon (with `colon-double-space')
becomes two spaces." (interactive "*r")
  (save-excursion (let ((stop (copy-marker (max beg end))))
      (goto-char (min beg end))
      (while (re-search-forward "[ \t]+" stop t)
        (let* ((run-start (match-beginning 0))
               (run-length (- (match-end 0) run-start))
               (want (if (and (>= run-length 2) (filling--after-stop-p run-start t)) "  " " ")))
          (cond ((equal (match-string 0) want))
                ;; Spaces enough at its start: cut the rest, keeping properties.
                ((string-prefix-p want (match-string 0))
                 (delete-region (+ run-start (length want)) (match-end 0)))
                (t (replace-match want t t))))) (set-marker stop nil)))
  nil)

(defun fill-delete-newlines (from to justify nosqueeze squeeze-after) "Join the lines between FROM and TO into one.
A newline after a sentence's end becomes two spaces, others one; then,
unless NOSQUEEZE, runs of blanks are made canonical from SQUEEZE-AFTER on.
JUSTIFY other than `left' and `none' removes existing justification."
  (goto-char from)
  (let ((stop (copy-marker to)))
    (when (and justify (not (memq justify '(left none))))
      (save-excursion (unjustify-region from stop)))
    (while (search-forward "\n" stop t)
      (let ((nl (match-beginning 0)))
        (delete-region nl (point))
        (goto-char nl)
        (insert (if (filling--after-stop-p nl nil) "  " " "))))
    (unless nosqueeze
      (canonically-space-region (or squeeze-after from) stop))
    ;; No blanks are left at the end of the paragraph.
    (unless nosqueeze
      (goto-char stop)
      (delete-region (progn (skip-chars-backward " \t" from) (point)) stop)) (set-marker stop nil)))

;;; Breaking lines.

(defun fill-nobreak-p () "Non-nil when the line should not be broken at point.
With `sentence-end-double-space', a period followed by a single space is
taken for an abbreviation and stays with the next word; the functions of
`fill-nobreak-predicate' may forbid more places."
  (or (and sentence-end-double-space (not (bolp))
           (save-excursion (skip-chars-backward " \t")
             (and (eq (char-before) ?.)
                  (looking-at " [^ \t\n]"))))
      (run-hook-with-args-until-success 'fill-nobreak-predicate)))

(defun fill-single-word-nobreak-p () "Non-nil when breaking at point would leave one word alone before or after a stop."
  (save-excursion (skip-chars-backward " \t")
    (or (and (not (bolp))
             (looking-back "[.?!:][ \t]*\\sw+" (line-beginning-position)))
        (progn (skip-chars-forward " \t")
               (looking-at "\\sw+[ \t]*[.?!:]")))))

(defun fill-french-nobreak-p () "Non-nil when point is next to French punctuation that stays with its word."
  (save-excursion (skip-chars-backward " \t")
    (or (memq (char-before) '(?\u00ab ?\( ?\[))
        (progn (skip-chars-forward " \t")
               (memq (char-after) '(?\u00bb ?: ?\; ?! ?? ?\) ?\]))))))

(defun fill-single-char-nobreak-p () "Non-nil when a one-character word would end the line broken at point."
  (save-excursion (skip-chars-backward " \t")
    (and (not (bobp))
         (progn (backward-char 1) (looking-at "\\sw"))
         (or (bolp) (memq (char-before) '(?\s ?\t))))))

(defun fill-polish-nobreak-p () "Non-nil when a one-character word would end the line broken at point.
That is, past the blanks before point, the character two back is no letter."
  (save-excursion
    (skip-chars-backward " \t")
    (backward-char 2)
    (looking-at "[^[:alpha:]]")))

(defun fill-text-properties-at (pos) "The text properties at POS, without those that fill should not copy."
  (let ((props (text-properties-at pos)) (kept nil))
    (while props
      (unless (memq (car props) '(hard))
        (setq kept (cons (cadr props) (cons (car props) kept))))
      (setq props (cddr props)))
    (nreverse kept)))

(defun fill-find-break-point (limit) "Move back to a place before point but after LIMIT where the line may break."
  (let ((here (point)))
    (skip-chars-backward "^ \t\n" limit)
    (when (<= (point) limit) (goto-char here))))

(defun filling--breakable-blank-p (blank) "Non-nil when the line may break at the blank run starting at BLANK.
Text must follow the run on the line, and `fill-nobreak-p' must agree."
  (save-excursion (goto-char blank) (skip-chars-forward " \t")
    (and (not (eolp)) (not (fill-nobreak-p)))))

(defun fill-move-to-break-point (linebeg) "Move to where the line from LINEBEG should break to fit the fill column.
That is the last blank at or before the column where a break is allowed;
with none, the first such blank after it."
  (move-to-column (1+ (current-fill-column)))
  (let ((limit (point)) (spot nil))
    (while (and (not spot) (re-search-backward "[ \t]+" linebeg t))
      (goto-char (match-beginning 0))
      (skip-chars-backward " \t" linebeg)
      (when (and (> (point) linebeg) (filling--breakable-blank-p (point)))
        (setq spot (point))))
    (unless spot
      ;; Nothing fits: break at the first place allowed after a word.
      (goto-char linebeg) (skip-chars-forward " \t")
      (while (and (not spot) (re-search-forward "[ \t]+" (line-end-position) t))
        (when (filling--breakable-blank-p (match-beginning 0))
          (setq spot (match-beginning 0)))))
    (ignore limit)
    (goto-char (or spot (line-end-position)))))

(defun fill-newline () "Break the line at point, dropping the blanks around it."
  (delete-region (progn (skip-chars-backward " \t") (point))
                 (progn (skip-chars-forward " \t") (point)))
  (insert-and-inherit "\n"))

(defun fill-indent-to-left-margin () "Indent this line to the left margin, as `indent-line-to' would."
  (let ((margin (current-left-margin)))
    (when (> margin 0) (indent-line-to margin))))

;;; Justifying.

(defun filling--text-bounds () "The start and end of the text on this line, as (START . END).
The text starts after `fill-prefix' when the line begins with it."
  (save-excursion (goto-char (filling--fixed-end))
    (cons (progn (skip-chars-forward " \t") (point))
          (progn (end-of-line) (skip-chars-backward " \t") (point)))))

(defun filling--fixed-end () "Where the part of this line that justifying keeps ends.
That is after the fill prefix, or on a line without it, after what
`adaptive-fill-regexp' matches there."
  (save-excursion (forward-line 0)
    (or (skip-line-prefix fill-prefix)
        ;; A prefix of blanks alone is not kept.
        (and adaptive-fill-mode adaptive-fill-regexp (looking-at adaptive-fill-regexp)
             (string-match-p "[^ \t]" (match-string 0))
             (goto-char (match-end 0))))
    (point)))

(defun filling--indent-text (column keep-adaptive) "Put the text of this line at COLUMN, keeping a fill prefix before it.
KEEP-ADAPTIVE keeps what `adaptive-fill-regexp' matches there too.
Blanks are added just before the text, so point moves only if it was at
the text or after it."
  (let ((keep (copy-marker (point) t))
        (fixed (save-excursion
                 (if keep-adaptive
                     (goto-char (filling--fixed-end)) (forward-line 0)
                   (skip-line-prefix fill-prefix))
                 (point))))
    (goto-char fixed) (skip-chars-forward " \t")
    (when (> (current-column) column)
      (delete-region fixed (point))) (indent-to column)
    (goto-char keep) (set-marker keep nil)))

(defun filling--column-at (pos) "The column of POS."
  (save-excursion (goto-char pos) (current-column)))

(defun filling--spread (bounds extra) "Widen the gaps of the text at BOUNDS by EXTRA spaces in all, spread evenly.
Gap I of N gets the rounding of I*EXTRA/N less what the gaps before got."
  (let ((gaps nil))
    (save-excursion (goto-char (car bounds))
      (while (re-search-forward " +" (cdr bounds) t)
        (push (point) gaps)))
    (let* ((count (length gaps)) (index count) (plan nil) (given extra))
      ;; Work from the last gap back, so earlier positions stay good.
      (dolist (gap gaps)
        (let ((before (floor (+ (/ (* (1- index) extra) (float count)) 0.5))))
          (push (cons gap (- given before)) plan)
          (setq given before index (1- index))))
      (save-excursion (dolist (step (reverse plan))
          (goto-char (car step))
          (insert-and-inherit (make-string (cdr step) ?\s)))))))

(defun justify-current-line (&optional how eop nosqueeze) "Justify the line point is on as HOW says: `left', `right', `full', `center' or `none'.
HOW nil or t means `full'.  EOP non-nil marks the last line of a paragraph,
which full justification leaves alone.  NOSQUEEZE keeps runs of blanks.
A `fill-prefix' the line starts with stays where it is." (interactive "*")
  (let* ((how (if (memq how '(nil t)) 'full how))
         (width (current-fill-column))
         (margin (max (current-left-margin)
                      (save-excursion (forward-line 0)
                                      (if (skip-line-prefix fill-prefix) (current-column) 0))))
         (bounds (filling--text-bounds))
         (empty (= (car bounds) (cdr bounds))))
    (unless empty
      (pcase how
        ('left
         (when (< (filling--column-at (car bounds)) (current-left-margin))
           (filling--indent-text (current-left-margin) nil)))
        ('right
         (let ((shift (- width (filling--column-at (cdr bounds)))))
           (filling--indent-text (max margin (+ (filling--column-at (car bounds)) shift)) t)))
        ('center
         (let ((text-width (- (filling--column-at (cdr bounds)) (filling--column-at (car bounds)))))
           (filling--indent-text (max margin (filling--column-at (filling--fixed-end))
                                      (/ (- width text-width) 2))
                                 t)))
        ('full
         (let ((extra (- width (filling--column-at (cdr bounds)))))
           (unless nosqueeze
             (canonically-space-region (car bounds) (cdr bounds))
             (setq bounds (filling--text-bounds)))
           (when (and (not eop) (> extra 0))
             (filling--spread bounds extra))))))
    nil))

(defun unjustify-current-line () "Undo justification of this line: drop added indentation and extra spaces."
  (let ((how (current-justification)))
    (cond
     ((eq how 'left) nil)
     ((memq how '(right center))
      (save-excursion (forward-line 0)
        (delete-region (point) (progn (skip-chars-forward " \t") (point)))
        (indent-to (current-left-margin))))
     ((eq how 'full)
      (let ((bounds (filling--text-bounds)))
        (canonically-space-region (car bounds) (cdr bounds)))))
    nil))

(defun unjustify-region (&optional begin end) "Undo justification of the lines between BEGIN and END (the whole buffer)."
  (save-excursion (let ((stop (copy-marker (or end (point-max)))))
      (goto-char (or begin (point-min)))
      (while (< (point) stop)
        (unjustify-current-line) (forward-line 1)) (set-marker stop nil)))
  nil)

(defun set-justification (begin end style &optional whole-par) "Give the text between BEGIN and END justification STYLE and refill it.
WHOLE-PAR extends the region to whole paragraphs." (interactive (append (filling--span-args)
                       (list (intern (completing-read "Style: " '("left" "right" "full" "center" "none")))
                             t)))
  (save-excursion (when whole-par
      (goto-char begin)
      (unless (bolp) (backward-paragraph))
      (setq begin (point)) (goto-char end)
      (forward-paragraph)
      (setq end (point)))
    (put-text-property begin end 'justification style)
    (fill-region begin end t)))

(dolist (entry '((none . "unjustified and unfilled") (left . "flush left (ragged right)")
                 (right . "flush right") (full . "flush at both margins")
                 (center . "centered")))
  (let ((style (car entry)))
    (defalias (intern (format "set-justification-%s" style))
      (lambda (b e) (interactive (filling--span-args))
        (set-justification b e style t))
      (format "Make the paragraphs of the text between B and E %s." (cdr entry)))))

;;; Filling.

(defun filling--resolve-justify (justify) "JUSTIFY as a style symbol: t means `current-justification', nil `left',
and anything not a style `full'."
  (pcase justify
    ('t (current-justification))
    ('nil 'left)
    ((or 'none 'full 'center 'left 'right) justify)
    (_ 'full)))

(defun fill-region-as-paragraph (from to &optional justify nosqueeze squeeze-after) "Fill the text between FROM and TO as one paragraph and return the prefix used.
Line breaks in it are joined, blanks made canonical (unless NOSQUEEZE),
and lines broken again before `fill-column', each after the first
starting with the fill prefix (`fill-prefix', or one found from the text
with `adaptive-fill-mode').  JUSTIFY is a style for `justify-current-line'
\(t means the text's own).  Extra newlines at the end are dropped."
  (interactive (filling--command-args t))
  (let ((end (copy-marker (max from to) t))
        (prefix fill-prefix))
    (goto-char (min from to))
    ;; Blank lines before the text stay; the text starts after them.
    (skip-chars-forward "\n" end)
    (let ((start (point)))
      ;; At the end, blanks go, and of the newlines there one stays.
      (goto-char end)
      (skip-chars-backward (if nosqueeze "\n" " \t\n") start)
      ;; The first newline there stays where it is, with its properties.
      (let ((first-nl (save-excursion (search-forward "\n" end t))))
        (if (not first-nl)
            (delete-region (point) end)
          (delete-region first-nl end)
          (delete-region (point) (1- first-nl))))
      (let ((text-end (copy-marker (point) t)))
        (when (and (null prefix) adaptive-fill-mode)
          (setq prefix (save-excursion (fill-context-prefix start text-end))))
        (let ((how (save-excursion (goto-char start) (filling--resolve-justify justify)))
              (fill-prefix prefix))
          ;; Take the prefix off the later lines, join, and break again.
          (fill-delete-prefix start text-end prefix)
          ;; The first line's indentation is kept as it is.
          (fill-delete-newlines start text-end how nosqueeze
                                (or squeeze-after
                                    (if (memq how '(left none full))
                                        (save-excursion (goto-char start)
                                                        (skip-chars-forward " \t") (point))
                                      start))) (goto-char start)
          (fill-indent-to-left-margin)
          (let ((line-start (line-beginning-position)) (more t))
            (while more
              (goto-char line-start) (end-of-line)
              (skip-chars-backward " \t" line-start)
              (if (<= (current-column) (current-fill-column)) (setq more nil)
                ;; No break inside the prefix or the indentation.
                (fill-move-to-break-point
                 (save-excursion (goto-char line-start)
                   (unless (skip-line-prefix prefix) (skip-chars-forward " \t"))
                   (point)))
                (if (or (>= (point) text-end) (eolp) (<= (point) line-start)) (setq more nil)
                  (fill-newline)
                  (when (and prefix (> (length prefix) 0)) (insert prefix))
                  (fill-indent-to-left-margin)
                  (setq line-start (line-beginning-position)))))
            ;; Justify every line made.
            (unless (memq how '(left none)) (goto-char start)
              (while (< (point) text-end)
                (let ((last (>= (line-end-position) text-end)))
                  (justify-current-line how last t) (forward-line 1))))) (goto-char end)
          (set-marker text-end nil)))) (set-marker end nil)
    prefix))

(defun fill-forward-paragraph (arg) "Move over ARG paragraphs with `fill-forward-paragraph-function'."
  (funcall fill-forward-paragraph-function arg))

(defun filling--paragraph-bounds () "The start and end of the paragraph at or after point, for filling."
  (save-excursion
    (let ((end (progn (unless (eobp) (when (and (bolp) (eolp)) (skip-chars-forward "\n")))
                      (fill-forward-paragraph 1) (point)))
          (start (progn (fill-forward-paragraph -1) (point))))
      (cons start end))))

(defun fill-paragraph (&optional justify region) "Fill the paragraph at or after point; with REGION and an active region, fill that.
JUSTIFY as for `fill-region-as-paragraph'.  Return the fill prefix used."
  (interactive (filling--command-args nil))
  (cond
   ((and region transient-mark-mode mark-active (not (eq (region-beginning) (region-end))))
    (fill-region (region-beginning) (region-end) justify))
   ((and fill-paragraph-function
         (let ((fill-paragraph-function nil))
           (funcall (default-value 'fill-paragraph-function) justify))))
   (t
    (let ((bounds (filling--paragraph-bounds))
          (here (point-marker)))
      (prog1 (fill-region-as-paragraph (car bounds) (cdr bounds) justify)
        (goto-char here) (set-marker here nil))))))

(defun fill-region (from to &optional justify nosqueeze to-eop) "Fill each paragraph between FROM and TO, as `fill-paragraph' does.
TO-EOP extends the last one to its end.  Return the last fill prefix."
  (interactive (filling--command-args t))
  (let ((stop (copy-marker (max from to) t)) (prefix nil) (here (point-marker)))
    (goto-char (min from to))
    (when to-eop
      (save-excursion (goto-char stop) (fill-forward-paragraph 1) (set-marker stop (point))))
    (while (< (point) stop)
      (let* ((start (point))
             (end (min stop (progn (fill-forward-paragraph 1) (point))))) (goto-char start)
        (skip-chars-forward " \t\n" end)
        (if (>= (point) end) (goto-char end)
          (setq prefix (fill-region-as-paragraph start end justify nosqueeze))
          (goto-char (max end (point))))))
    (goto-char here) (set-marker here nil) (set-marker stop nil)
    prefix))

(defun fill-comment-paragraph (&optional justify) "Fill the comment paragraph at point, keeping its comment starters."
  (let ((prefix (save-excursion (forward-line 0)
                  (and comment-start-skip
                       (re-search-forward comment-start-skip (line-end-position) t)
                       (buffer-substring (line-beginning-position) (point))))))
    (when prefix
      (let ((fill-prefix prefix)
            (paragraph-start (concat paragraph-start "\\|[ \t]*" (regexp-quote (string-trim prefix)) "[ \t]*$")))
        (fill-paragraph justify)))))

(defun fill-minibuffer-function (arg) "Fill the minibuffer's text as a paragraph, ARG as for `fill-paragraph'."
  (let ((fill-paragraph-function nil))
    (fill-paragraph arg)))

;;; Many paragraphs, each with its own prefix.

(defun fill-individual-paragraphs-prefix (citation-regexp) "The prefix of this line for `fill-individual-paragraphs': its indentation,
or what CITATION-REGEXP matches at its start."
  (save-excursion (forward-line 0)
    (cond ((and citation-regexp (looking-at citation-regexp))
           (match-string-no-properties 0))
          ((and adaptive-fill-mode (fill-match-adaptive-prefix)))
          (t (buffer-substring (point) (progn (skip-chars-forward " \t") (point)))))))

(defun fill-individual-paragraphs-citation (string citation-regexp) "Non-nil when STRING is a citation prefix that CITATION-REGEXP matches."
  (and citation-regexp (string-match citation-regexp string)))

(defun fill-individual-paragraphs (min max &optional justify citation-regexp) "Fill each paragraph between MIN and MAX with its own fill prefix.
A paragraph is a run of lines with the same prefix (indentation, or what
CITATION-REGEXP matches); with `fill-individual-varying-indent' the
indentation of its later lines may differ." (interactive (filling--command-args t))
  (save-excursion (let ((stop (copy-marker (max min max))))
      (goto-char (min min max)) (forward-line 0)
      (while (< (point) stop)
        (if (looking-at "[ \t]*$") (forward-line 1)
          (let* ((prefix (fill-individual-paragraphs-prefix citation-regexp))
                 (start (point))) (forward-line 1)
            (while (and (< (point) stop) (not (eobp))
                        (not (looking-at "[ \t]*$"))
                        (let ((next (fill-individual-paragraphs-prefix citation-regexp)))
                          (or (equal next prefix)
                              (and fill-individual-varying-indent
                                   (not citation-regexp)
                                   (not (equal next "")))))) (forward-line 1))
            (let ((end (point)) (fill-prefix (and (> (length prefix) 0) prefix)))
              (fill-region-as-paragraph start end justify)
              (goto-char (max end (point))))))) (set-marker stop nil)))
  nil)

(defun fill-nonuniform-paragraphs (min max &optional justify citation-regexp) "Fill each paragraph between MIN and MAX, letting its indentation vary."
  (interactive (filling--command-args t))
  (let ((fill-individual-varying-indent t))
    (fill-individual-paragraphs min max justify citation-regexp)))

(provide 'filling)

;;; filling.el ends here
