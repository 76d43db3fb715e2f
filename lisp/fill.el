;;; fill.el --- filling and justifying text: paragraphs, regions, comments  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded (GNU preloads its fill.el); the variables are in textvars.el.
;; Filling joins a paragraph's lines into one, squeezes the blanks (two
;; after a sentence end when `sentence-end-double-space'), then breaks it
;; again so that no line passes `fill-column', starting each new line with
;; the fill prefix (given, or guessed by `fill-context-prefix').

(defun current-fill-column () "The column lines are filled to: `fill-column', or no limit when that is nil."
  (or fill-column most-positive-fixnum))

(defun current-justification () "How the current paragraph is justified: its `justification' text property or `default-justification'."
  (let ((how (or (get-text-property (max (point-min) (min (point-max) (line-beginning-position))) 'justification)
                 default-justification))) (if (memq how '(left right full center none)) how 'left)))

(defun set-fill-prefix () "Use the text from the line's start to point as the fill prefix (none at the line's start)."
  (interactive) (setq fill-prefix (and (not (bolp)) (buffer-substring (line-beginning-position) (point))))
  (if fill-prefix (message "fill-prefix: \"%s\"" fill-prefix) (message "fill-prefix canceled"))
  fill-prefix)

(defun fill-common-string-prefix (s1 s2) "The longest common start of S1 and S2, or nil when it is empty."
  (let ((cmp (compare-strings s1 nil nil s2 nil nil))) (if (eq cmp t) s1
      (let ((n (1- (abs cmp))))
        (and (> n 0) (substring s1 0 n))))))

;;; Guessing the prefix.

(defun fill-match-adaptive-prefix () "The adaptive prefix of the line at point (point at its start), or nil."
  (let ((from-function (and adaptive-fill-function (funcall adaptive-fill-function))))
    (or from-function (and adaptive-fill-regexp (looking-at adaptive-fill-regexp) (match-string-no-properties 0)))))

(defun fill--blank-of-width (prefix)
  "Spaces as wide as PREFIX."
  (make-string (string-width prefix) ?\s))

(defun fill-context-prefix (from to &optional first-line-regexp) "Guess the fill prefix of the paragraph from FROM to TO from its first two lines.
A one-line paragraph's prefix is kept when it is blank (it matches
FIRST-LINE-REGEXP, default `adaptive-fill-first-line-regexp') or starts a
comment, and turned into blanks otherwise."
  (unless first-line-regexp (setq first-line-regexp adaptive-fill-first-line-regexp)) (save-excursion
    (goto-char from) (when (eolp) (forward-line 1))
    (move-to-left-margin) (let* ((first (fill-match-adaptive-prefix))
           (second (progn (forward-line 1)
                          (if (>= (point) to) 'none (move-to-left-margin)
                            (or (fill-match-adaptive-prefix) "")))))
      (cond
       ((eq second 'none)
        (when first
          (if (or (string-match first-line-regexp first)
                  (and comment-start-skip (string-match comment-start-skip first)))
              first
            (fill--blank-of-width first))))
       ((null first) second)
       ((or (string-match "\\`[ \t]*\\'" second) (string= first second)
            (string-match first-line-regexp first))
        second)
       (t (or (fill-common-string-prefix first second) ""))))))

;;; Squeezing blanks.

(defun canonically-space-region (beg end) "Leave one space between words from BEG to END, two after sentence ends.
Tabs become spaces; `sentence-end-double-space' and `colon-double-space' say
where two spaces stay." (interactive "*r")
  (save-excursion (let ((stop (copy-marker end))
          (runs (concat "\\(" (sentence-end) "\\) *\\|  +"))) (goto-char beg)
      (while (search-forward "\t" stop t) (replace-match " " t t)) (goto-char beg)
      (while (and (< (point) stop) (re-search-forward runs stop t))
        (let ((keep-until
               (cond ((and (match-end 1) (> (match-end 0) (match-end 1))) (match-end 1))
                     ((match-end 1) (min (match-end 0)
                           (+ (if sentence-end-double-space 2 1) (save-excursion (goto-char (match-end 0))
                                              (skip-chars-backward " ") (point)))))
                     (t (+ (match-beginning 0)
                           (if (and colon-double-space (eq (char-before (match-beginning 0)) ?:)) 2 1))))))
          (when (< keep-until (match-end 0))
            (delete-region keep-until (match-end 0)))))
      (set-marker stop nil)))
  nil)

(defun fill-delete-prefix (from to prefix) "Remove PREFIX (and the blanks after it) from the lines after the first between FROM and TO."
  (let ((re (and prefix (not (string= prefix ""))
                 (concat "[ \t]*" (regexp-quote (string-trim-left prefix)) "[ \t]*")))) (save-excursion
      (goto-char from) (forward-line 1)
      (while (< (point) to) (if (and re (looking-at re))
            (delete-region (point) (match-end 0)) (delete-region (point) (progn (skip-chars-forward " \t") (point)))) (forward-line 1)))))

(defun fill-delete-newlines (from to justify nosqueeze squeeze-after) "Join the lines from FROM to TO into one, a sentence end at a line's end getting an extra space.
Blanks are then squeezed (after SQUEEZE-AFTER) unless NOSQUEEZE or JUSTIFY is `none'."
  (let ((stop (copy-marker to))) (goto-char from)
    (let ((eol-end (concat "\\(?:" sentence-end-base "\\)$")))
      (while (re-search-forward eol-end stop t)
        (unless (or (>= (point) stop) (memq (char-before) '(?\t ?\s))) (insert ?\s))))
    (goto-char from) (while (search-forward "\n" stop t)
      (replace-match " " t t)) (unless (or nosqueeze (eq justify 'none))
      (canonically-space-region (or squeeze-after from) stop))
    ;; No blanks at the end.
    (goto-char stop)
    (delete-region (point) (progn (skip-chars-backward " \t" from) (point)))
    (set-marker stop nil)))

;;; Breaking lines.

(defun fill-nobreak-p () "Non-nil when the line must not be broken at point.
No break after a period followed by one space (it would look like a
sentence end), nor where the rest would look like a new paragraph, nor
where `fill-nobreak-predicate' says so."
  (or (and sentence-end-double-space (save-excursion
             (skip-chars-backward " ") (and (eq (preceding-char) ?.) (looking-at " \\([^ ]\\|$\\)"))))
      (save-excursion (skip-chars-backward " ")
        (and (eq (preceding-char) ?.) (not (progn (forward-char -1) (looking-at (sentence-end))))))
      (and (not use-hard-newlines) (save-excursion
             (skip-chars-forward " \t") (and (not (eolp)) (looking-at paragraph-start))))
      (run-hook-with-args-until-success 'fill-nobreak-predicate)))

(defun fill--break-position (linebeg)
  "Where to break the line whose text (for breaking) starts at LINEBEG, or nil when it fits.
The position is in or after the blanks before the first word to move down." (end-of-line)
  (let ((limit (current-fill-column)) (found nil)) (when (> (current-column) limit)
      (move-to-column limit)
      (if (memq (following-char) '(?\s ?\t)) (setq found (point))
        (skip-chars-backward "^ \t\n" linebeg)
        (setq found (and (> (point) linebeg) (point))))
      ;; Move back over break points that are not allowed.
      (while (and found (progn (goto-char found) (fill-nobreak-p))) (goto-char found)
        (skip-chars-backward " \t" linebeg)
        (skip-chars-backward "^ \t\n" linebeg)
        (setq found (and (> (point) linebeg) (point)))) (unless found
        ;; A word too long for the line: break after it (and after any
        ;; word that may not be left at a line's end).
        (goto-char linebeg) (skip-chars-forward " \t")
        (skip-chars-forward "^ \t\n") (while (and (not (eolp)) (fill-nobreak-p))
          (skip-chars-forward " \t") (skip-chars-forward "^ \t\n"))
        (setq found (and (not (eolp)) (point)))))
    found))

(defun fill-newline () "Break the line at point, with the blanks around it removed and the fill prefix inserted."
  (delete-region (progn (skip-chars-backward " \t") (point)) (progn (skip-chars-forward " \t") (point)))
  (insert "\n") (when (and fill-prefix (not (equal fill-prefix "")))
    (insert fill-prefix)))

;;; Justifying.

(defun fill--line-text-bounds ()
  "Start and end of the current line's text, past the fill prefix and blanks." (save-excursion
    (beginning-of-line) (when (and fill-prefix (not (equal fill-prefix ""))
               (looking-at (regexp-quote fill-prefix))) (goto-char (match-end 0)))
    (skip-chars-forward " \t") (let ((start (point)))
      (end-of-line) (skip-chars-backward " \t" start)
      (cons start (point)))))

(defun justify-current-line (&optional how eop nosqueeze) "Justify the current line as HOW says: `left', `right', `full', `center' or `none'.
t means `full'.  EOP: this is a paragraph's last line, which full
justification leaves alone.  NOSQUEEZE: keep the spaces between words." (interactive "*")
  (when (eq how t) (setq how 'full))
  (unless how (setq how (current-justification)))
  (let ((here (copy-marker (point) t))) (save-excursion
    (unless (memq how '(none nil))
      (let* ((bounds (fill--line-text-bounds))
             (margin (save-excursion (goto-char (car bounds)) (beginning-of-line)
                                     (+ (current-left-margin)
                                        (if (and fill-prefix (not (equal fill-prefix ""))
                                                 (looking-at (regexp-quote fill-prefix)))
                                            (string-width fill-prefix) 0))))
             (prefix-end (save-excursion (goto-char (car bounds)) (skip-chars-backward " \t")
                                         (point))))
        ;; Trailing blanks go in every case.
        (goto-char (cdr bounds)) (delete-region (point) (line-end-position))
        (unless (or nosqueeze (eq how 'left) (and eop (eq how 'full)))
          (canonically-space-region (car bounds) (line-end-position)))
        (let* ((bounds (fill--line-text-bounds))
               (width (save-excursion (goto-char (cdr bounds)) (current-column)))
               (text-col (save-excursion (goto-char (car bounds)) (current-column)))
               (text-width (- width text-col))
               (room (- (current-fill-column) margin text-width)))
          (ignore prefix-end)
          (pcase how
            ('left
             (fill--set-text-column (car bounds) (if (> text-col margin) text-col margin)))
            ('right
             (fill--set-text-column (car bounds) (+ margin (max 0 room))))
            ('center
             (fill--set-text-column (car bounds) (+ margin (max 0 (/ room 2)))))
            ('full
             (fill--set-text-column (car bounds) (max margin text-col))
             (unless eop
               (let* ((bounds (fill--line-text-bounds))
                      (extra (- (current-fill-column)
                                (save-excursion (goto-char (cdr bounds)) (current-column)))))
                 (when (> extra 0) (fill--spread (car bounds) (cdr bounds) extra)))))))))) (goto-char here)
   (set-marker here nil)
   nil))

(defun fill--set-text-column (start column)
  "Indent the line so that its text, now at START, begins at COLUMN." (goto-char start)
  (let ((blank-start (save-excursion (skip-chars-backward " \t" (line-beginning-position)) (point))))
    (unless (= (current-column) column)
      (delete-region blank-start start)
      (indent-to column))))

(defun fill--spread (start end extra)
  "Add EXTRA spaces to the gaps between words from START to END, spread evenly."
  (let ((gaps 0)) (save-excursion
      (goto-char start) (while (re-search-forward " +" end t) (setq gaps (1+ gaps))))
    (when (> gaps 0)
      (let ((acc (+ extra (/ gaps 2))) (left gaps)) (goto-char start)
        (while (> left 0) (skip-chars-forward "^ ")
          (skip-chars-forward " ") (let ((add (/ acc gaps)))
            (insert (make-string add ?\s))
            (setq acc (+ (% acc gaps) extra) left (1- left))))))))

(defun unjustify-current-line () "Undo full, right or center justification of the current line."
  (save-excursion (let ((bounds (fill--line-text-bounds)))
      (pcase (current-justification)
        ('left nil)
        ((or 'full 'right 'center)
         (canonically-space-region (car bounds) (cdr bounds))
         (fill--set-text-column (car (fill--line-text-bounds)) (current-left-margin)))))))

(defun unjustify-region (&optional begin end) "Undo the justification of the lines from BEGIN to END."
  (save-excursion (goto-char (or begin (point-min)))
    (let ((stop (copy-marker (or end (point-max)))))
      (while (< (point) stop) (unjustify-current-line)
        (forward-line 1)) (set-marker stop nil))))

;;; Filling.

(defun fill-region-as-paragraph (from to &optional justify nosqueeze squeeze-after)
  "Fill the text from FROM to TO as one paragraph, whatever its blank lines.
JUSTIFY is a justification style (t for full); NOSQUEEZE keeps the blanks
between words; SQUEEZE-AFTER squeezes only after that position.  Point
ends at TO.  Return the fill prefix used."
  (interactive (list (region-beginning) (region-end) (if current-prefix-arg 'full))) (unless (memq justify '(t nil none full center left right))
    (setq justify 'full)) (when (eq justify t) (setq justify (current-justification)))
  (when (> from to) (setq from (prog1 to (setq to from))))
  (let ((stop (copy-marker to t)) (prefix nil)) (goto-char from)
    (skip-chars-forward " \t\n" stop)
    (when (< (point) stop)
      ;; Keep the paragraph's own leading blank lines and final newline out.
      (setq from (if (> (point) from) (max from (line-beginning-position)) from))
      (goto-char stop)
      (skip-chars-backward " \t\n" from)
      (when (< (point) stop) (set-marker stop (point)))
      (setq prefix (or (and fill-prefix (not (equal fill-prefix "")) fill-prefix)
                       (and adaptive-fill-mode (fill-context-prefix from stop))))
      (let* ((fill-prefix (and prefix (not (equal prefix "")) prefix))
             (linebeg (copy-marker (save-excursion
                         (goto-char from) (when (and fill-prefix (= from (line-beginning-position))
                                    (looking-at (regexp-quote fill-prefix))) (goto-char (match-end 0)))
                         (skip-chars-forward " \t") (point)))))
        (fill-delete-prefix from stop fill-prefix)
        (fill-delete-newlines from stop justify nosqueeze (or squeeze-after linebeg))
        ;; Break it up again.
        (goto-char from) (let ((done nil))
          (while (not done) (goto-char linebeg)
            (let ((brk (fill--break-position linebeg)))
              (if (or (null brk) (>= brk stop)) (setq done t)
                (goto-char brk) (fill-newline)
                (when (and justify (not (eq justify 'left)))
                  (save-excursion (forward-line -1) (justify-current-line justify nil t)))
                (setq linebeg (point))))))
        (when (and justify (not (memq justify '(left none))))
          (save-excursion (goto-char stop) (justify-current-line justify t t)))))
    (goto-char stop)
    (when (and (eolp) (< (point) to) (not (eobp))) (forward-char 1))
    (set-marker stop nil)
    (or prefix "")))

(defun fill-forward-paragraph (arg) "Move over ARG paragraphs for filling: `fill-forward-paragraph-function' or `forward-paragraph'."
  (funcall (if (and (boundp 'fill-forward-paragraph-function) fill-forward-paragraph-function)
               fill-forward-paragraph-function
             #'forward-paragraph)
           arg))

(defun fill-paragraph (&optional justify region) "Fill the paragraph at or after point; JUSTIFY as for `fill-region-as-paragraph'.
REGION (interactively, an active region): fill the region's paragraphs
instead.  The mode's `fill-paragraph-function' is tried first, then the
comment at point.  Return the fill prefix used."
  (interactive (list (if current-prefix-arg 'full) t))
  (or
   (and region (bound-and-true-p mark-active) (bound-and-true-p transient-mark-mode)
        (fill-region (region-beginning) (region-end) justify))
   (and fill-paragraph-function (not (eq fill-paragraph-function t))
        (let ((function fill-paragraph-function)
              (fill-paragraph-function t)
              (fill-paragraph-handle-comment nil)) (funcall function justify)))
   (and fill-paragraph-handle-comment comment-start (equal comment-end "") (let ((fill-paragraph-handle-comment nil))
          (fill-comment-paragraph justify))) (let ((before (point))
         (paragraph-start (if (and fill-paragraph-handle-comment comment-start-skip)
                              (concat paragraph-start "\\|[ \t]*\\(?:" comment-start-skip "\\)") paragraph-start))
         (result "")) (save-excursion
       (move-to-left-margin) (when (zerop (fill-forward-paragraph 1))
         (let ((end (point)) (beg (progn (fill-forward-paragraph -1) (point))))
           (goto-char before) (setq result (fill-region-as-paragraph beg end justify)))))
     result)))

(defun fill-region (from to &optional justify nosqueeze to-eop) "Fill each paragraph between FROM and TO; arguments as for `fill-region-as-paragraph'.
TO-EOP: go on to the end of the paragraph TO is in.  Return the last fill prefix."
  (interactive (list (region-beginning) (region-end) (if current-prefix-arg 'full)))
  (let ((result "") (beg (min from to)) (stop nil)) (save-excursion
      (goto-char (max from to)) (when to-eop (skip-chars-backward "\n") (fill-forward-paragraph 1))
      (setq stop (copy-marker (point) t)) (goto-char beg)
      (beginning-of-line) (while (< (point) stop)
        (let ((here (point)) (end nil)) (fill-forward-paragraph 1)
          (setq end (min stop (point)))
          (fill-forward-paragraph -1)
          (when (< (point) beg) (goto-char beg))
          (if (and (>= (point) here) (< (point) end))
              (setq result (fill-region-as-paragraph (point) end justify nosqueeze)) (goto-char end))
          (when (<= (point) here) (goto-char (max end (1+ here))))))
      (set-marker stop nil))
    result))

(defun fill--comment-bounds ()
  "The comment on this line as (START BODY COLUMN), or nil: its start, text start and column." (save-excursion
    (beginning-of-line) (let ((start (and comment-start (comment-search-forward (line-end-position) t))))
      (when start
        (list start (point) (save-excursion (goto-char start) (current-column)))))))

(defun fill-comment-paragraph (&optional justify) "Fill the comment paragraph at point; JUSTIFY as for `fill-paragraph'.
The lines of the paragraph are the comment lines around point that share
its starter and column; an empty comment line separates paragraphs.
Return the prefix used, or nil when point's line has no comment." (comment-normalize-vars t)
  (let ((found (fill--comment-bounds)))
    (when found
      (let* ((start (nth 0 found)) (body (nth 1 found)) (column (nth 2 found))
             (starter (buffer-substring-no-properties start body))
             (whole-line (save-excursion (goto-char start) (skip-chars-backward " \t") (bolp)))
             (line-re (concat "[ \t]*" (regexp-quote (string-trim-right starter))
                              "\\(?:[ \t]+\\|$\\)"))
             (same-p (lambda ()
                       (let ((there (fill--comment-bounds)))
                         (and there (= (nth 2 there) column)
                              (save-excursion (goto-char (nth 0 there)) (skip-chars-backward " \t") (bolp))
                              (string= (string-trim-right (buffer-substring-no-properties (nth 0 there) (nth 1 there)))
                                       (string-trim-right starter))
                              (save-excursion (goto-char (nth 1 there)) (not (eolp)))))))
             (prefix (concat (if whole-line (buffer-substring-no-properties (line-beginning-position)
                                                                 (save-excursion (goto-char start) (point)))
                               (make-string column ?\s))
                             starter))
             (first (line-beginning-position)) (last (line-end-position)))
        (ignore line-re)
        (save-excursion (goto-char body) (when (eolp) (setq found nil))) (if (null found)
            prefix
          (when whole-line (save-excursion
              (while (and (zerop (forward-line -1)) (funcall same-p))
                (setq first (line-beginning-position))))) (save-excursion
            (while (and (zerop (forward-line 1)) (not (eobp)) (funcall same-p))
              (setq last (line-end-position)))
            (when (and (eobp) (not (bolp)) (funcall same-p)) (setq last (line-end-position))))
          (let ((fill-prefix prefix)
                (from (if whole-line first body))) (save-excursion
              (fill-region-as-paragraph from last justify)))
          prefix)))))

(defun fill-individual-paragraphs (min max &optional justify citation-regexp) "Fill each paragraph from MIN to MAX with the prefix its own lines have.
JUSTIFY as for `fill-region-as-paragraph'; CITATION-REGEXP is ignored."
  (interactive (list (region-beginning) (region-end) (if current-prefix-arg 'full)))
  (ignore citation-regexp)
  (let ((fill-prefix nil) (adaptive-fill-mode t))
    (fill-region min max justify)))

(defun fill-nonuniform-paragraphs (min max &optional justifyp citation-regexp) "Fill the paragraphs from MIN to MAX, each with its own prefix; JUSTIFYP and CITATION-REGEXP as for `fill-individual-paragraphs'."
  (interactive (list (region-beginning) (region-end) (if current-prefix-arg 'full))) (let ((fill-individual-varying-indent t)) (fill-individual-paragraphs min max justifyp citation-regexp)))

(defun set-justification (begin end style &optional whole-par) "Give the text from BEGIN to END the justification STYLE (a `justification' property) and refill it.
WHOLE-PAR: extend to whole paragraphs."
  (interactive (list (if (use-region-p) (region-beginning) (point))
                     (if (use-region-p) (region-end) (point))
                     (intern (completing-read "Style: " '("left" "right" "full" "center" "none")))
                     t)) (save-excursion
    (when whole-par
      (goto-char begin) (fill-forward-paragraph -1) (setq begin (point))
      (goto-char end) (fill-forward-paragraph 1) (setq end (point)))
    (put-text-property begin end 'justification style)
    (fill-region begin end style)))

(defun set-justification-none (b e) "Leave the text from B to E unfilled."
  (interactive (list (point) (point))) (set-justification b e 'none t))
(defun set-justification-left (b e) "Justify the text from B to E at the left margin."
  (interactive (list (point) (point))) (set-justification b e 'left t))
(defun set-justification-right (b e) "Justify the text from B to E at the right margin."
  (interactive (list (point) (point))) (set-justification b e 'right t))
(defun set-justification-full (b e) "Justify the text from B to E at both margins."
  (interactive (list (point) (point))) (set-justification b e 'full t))
(defun set-justification-center (b e) "Center the lines from B to E."
  (interactive (list (point) (point))) (set-justification b e 'center t))

(provide 'fill)

;; End of fill.el.
