;;; simple-edit.el --- basic editing commands: lines, blanks, transposing, motion, the mark  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Everything here works on the current buffer alone (no windows are
;; involved), so it is usable in batch.  Loaded on first use through the
;; autoloads in lisp/autoloads.el.

(defvar-local goal-column nil "Column `next-line' and `previous-line' aim for, or nil.")
(defvar temporary-goal-column 0 "Column the last vertical motion aimed for, kept while such motions follow each other.")
(defvar track-eol nil "Non-nil means vertical motion starting at the end of a line sticks to line ends.")
(defvar next-line-add-newlines nil "Non-nil means `next-line' on the last line adds a newline instead of failing.")
(defvar line-move-visual t "Non-nil means vertical motion counts screen lines; logical here.")
(defvar line-move-ignore-invisible t "Non-nil means vertical motion skips invisible lines.")
(defvar delete-trailing-lines t "Non-nil means `delete-trailing-whitespace' over the whole buffer also drops blank lines at its end.")
(defvar delete-active-region t "Non-nil means deleting a character with an active region deletes the region; `kill' kills it.")
(defvar backward-delete-char-untabify-method 'untabify "How `backward-delete-char-untabify' treats whitespace: untabify, hungry, all or nil.")
(defvar cycle-spacing--context nil "State of the last `cycle-spacing': (ORIGINAL-TEXT FROM STEP), or nil.")
(defvar eval-expression-print-level 4 "`print-level' for the value `eval-expression' shows.")
(defvar eval-expression-print-length 12 "`print-length' for the value `eval-expression' shows.")
(defvar eval-expression-print-maximum-character 127 "Largest integer `eval-expression' also shows as a character.")
(defvar eval-expression-debug-on-error t "Non-nil means `eval-expression' runs with `debug-on-error' on.")
(defvar read-expression-history nil "Minibuffer history of read Lisp expressions.")
(defvar shell-command-history nil "Minibuffer history of shell commands.")
(defvar-local fill-prefix nil
              "Text put at the start of each new line by filling and `open-line', or nil.")
(defvar normal-auto-fill-function 'do-auto-fill "The function `auto-fill-mode' installs.")

;; ---- helpers ------------------------------------------------------------------------

(defun simple-edit--nonneg (n) "Signal the repetition error GNU gives when N is negative."
  (when (< n 0) (error "Repetition argument has to be non-negative")))

(defun simple-edit--blank-run-edge (dir) "The outer edge of the run of blank lines around point, looking in direction DIR (-1 or 1).
Going back it is the start of the run's first line, going forward the end of its last.
The empty line after a final newline is not part of a run."
  (save-excursion (if (< dir 0) (forward-line 0) (end-of-line))
    (while (save-excursion
             (and (= (forward-line dir) 0) (not (and (> dir 0) (eobp))) (simple-edit--blank-line-p)))
      (forward-line dir) (when (> dir 0) (end-of-line)))
    (point)))

(defun simple-edit--blank-line-p () "Non-nil when the line point is on holds only spaces and tabs."
  (save-excursion (forward-line 0) (looking-at-p "[ \t]*$")))

;; ---- inserting lines ----------------------------------------------------------------

(defun newline (&optional count interactive) "Insert COUNT newlines (one by default), inheriting text properties, and return nil.
INTERACTIVE non-nil runs `post-self-insert-hook' as typing would." (interactive "*P\np")
  (barf-if-buffer-read-only)
  (let ((n (prefix-numeric-value count))) (simple-edit--nonneg n)
    (dotimes (_ n) (insert-and-inherit "\n"))
    ;; GNU ends at the start of the line after the last newline; with none
    ;; inserted that is the start of point's own line.
    (when (= n 0) (forward-line 0)) (when interactive (run-hooks 'post-self-insert-hook)))
  nil)

(defun open-line (n) "Insert N newlines after point, leaving point at the end of its own line.
At the start of a line with a fill prefix set, each new line gets the prefix." (interactive "*p")
  (simple-edit--nonneg n)
  (let ((with-prefix (and fill-prefix (bolp))) (spot (point-marker))) (dotimes (_ n) (insert "\n"))
    (when with-prefix (goto-char spot)
      (dotimes (_ n) (insert-and-inherit fill-prefix) (forward-line 1)))
    (goto-char spot) (set-marker spot nil) (end-of-line))
  nil)

(defun split-line (&optional count) "Move the text after point (past blanks) to a new line, indented to where it stood.
With the fill prefix at the line's start,
the new line gets it too (not with COUNT)." (interactive "*P") (skip-chars-forward " \t")
  (let ((indent-col (current-column)) (spot (point))
        (prefix (and (not count) fill-prefix (> (length fill-prefix) 0)
                     (save-excursion (beginning-of-line) (looking-at (regexp-quote fill-prefix)))
                     fill-prefix)))
    (newline 1) (when prefix (insert-and-inherit prefix)) (indent-to indent-col 0) (goto-char spot)))

(defun newline-and-indent (&optional count) "Insert COUNT newlines and indent after them.
Blanks before point are deleted first." (interactive "*p") (delete-horizontal-space t)
  (dotimes (_ (or count 1)) (newline nil t) (indent-according-to-mode)))

(defun reindent-then-newline-and-indent () "Indent the current line, insert a newline and indent the new line.
Blanks before point go first." (interactive "*")
  (let ((spot (copy-marker (point) t))) (delete-horizontal-space t) (indent-according-to-mode)
    (goto-char spot) (set-marker spot nil) (delete-horizontal-space t) (newline nil t)
    (indent-according-to-mode)))

;; ---- blanks -------------------------------------------------------------------------

(defun delete-horizontal-space (&optional backward-only) "Delete the spaces and tabs around point.
With BACKWARD-ONLY, only those before it." (interactive "*P")
  (let ((to (if backward-only (point) (save-excursion (skip-chars-forward " \t") (point)))))
    (skip-chars-backward " \t") (delete-region (point) to)))

(defun fixup-whitespace () "Leave one space at point, or none next to a line edge.
No space either after an opening or before a closing paren." (interactive "*")
  (save-excursion (delete-horizontal-space)
    (unless (or (looking-at "^\\|$\\|\\s)")
                (save-excursion (forward-char -1) (looking-at "$\\|\\s(\\|\\s'")))
      (insert ?\s))))

(defun simple-edit--respace (n keep-newlines) "Replace the blanks around point with N spaces; newlines too unless KEEP-NEWLINES.
Return the original blank text and its start."
  (let* ((skip (if keep-newlines " \t" " \t\n"))
         (from (save-excursion (skip-chars-backward skip) (point)))
         (to (save-excursion (skip-chars-forward skip) (point))) (old (buffer-substring from to)))
    (goto-char from) (delete-region from to) (insert (make-string n ?\s)) (list old from)))

(defun just-one-space (&optional n) "Replace the spaces and tabs around point by N spaces (one by default).
A negative N also swallows newlines and leaves -N spaces." (interactive "*p") (setq n (or n 1))
  (simple-edit--respace (abs n) (>= n 0)) nil)

(defun cycle-spacing (&optional n _preserve-nl-back mode) "Cycle the blanks around point: N spaces, then none, then the original text.
Repeated calls (`last-command' being this command) move to the next step;
MODE `single-shot' does only the first, `fast' skips the deletion step.
A negative N takes newlines in as well." (interactive "*p") (setq n (or n 1))
  (let ((ctx (and (not (eq mode 'single-shot)) this-command (eq last-command this-command)
                  cycle-spacing--context)))
    (if (null ctx)
        (let* ((origin (point)) (saved (simple-edit--respace (abs n) (>= n 0))))
          ;; Context: original blanks, their start, original point, next step, newlines too.
          (setq cycle-spacing--context
                (and (not (eq mode 'single-shot))
                     (list (car saved) (cadr saved) origin (if (eq mode 'fast) 'restore 'delete)
                           (< n 0)))))
      (let ((keep-nl (not (nth 4 ctx))))
        (if (eq (nth 3 ctx) 'delete)
            (progn (simple-edit--respace 0 keep-nl) (setcar (nthcdr 3 ctx) 'restore))
          (simple-edit--respace 0 keep-nl)
          (insert (nth 0 ctx))
          (goto-char (nth 2 ctx))
          (setq cycle-spacing--context nil))))
    nil))

(defun delete-blank-lines () "Delete blank lines around point.
On a lone blank line delete it; within a run of them leave one; on a line
with text delete the blank lines that follow it." (interactive "*")
  (let ((blank (simple-edit--blank-line-p)))
    (if (not blank)
        (save-excursion (end-of-line)
          (unless (eobp) (forward-char 1)
            (let ((from (point))) (skip-chars-forward " \t\n")
              ;; Keep the blanks that start the next line of text.
              (unless (eobp) (skip-chars-backward " \t")) (delete-region from (point)))))
      (let* ((first (simple-edit--blank-run-edge -1)) (last (simple-edit--blank-run-edge 1)) lone)
        (setq lone (= (save-excursion (goto-char first) (line-end-position)) last))
        (if lone (progn (goto-char first) (delete-region first (min (point-max) (1+ last))))
          ;; Keep point's own line as it is and drop the other blank lines.
          (let ((bol (line-beginning-position)) (eol (line-end-position))) (delete-region eol last)
            (delete-region first bol) (goto-char first)
            ;; A run reaching the end of the buffer goes entirely.
            (when (save-excursion (skip-chars-forward " \t\n") (eobp))
              (delete-region first (point-max)))))))
    nil))

(defun delete-indentation (&optional count from to) "Join this line to the one before, leaving one space (or none) at the join.
With COUNT join the next line to this one; with FROM and TO join all lines of that region.
The fill prefix, if any, is removed from the start of the joined line."
  (interactive (list current-prefix-arg nil nil))
  (let ((joins 1))
    (cond ((and from to (not count) (> from to)) (goto-char from) (setq joins 0))
          ((and from to (not count))
           ;; Join from the region's last line upward, ending at the first join.
           (let ((first (min from to)) (last (max from to)))
             (setq joins (max 0 (1- (count-lines first last)))) (goto-char first)
             (forward-line joins)))
      ;; On the last line there is nothing to join: stay at its end.
      ((and count (or (/= (forward-line 1) 0) (not (bolp)))) (setq joins 0)))
    (dotimes (_ joins) (beginning-of-line)
      (when (> (point) (point-min))
        (when (and fill-prefix (> (length fill-prefix) 0) (looking-at (regexp-quote fill-prefix)))
          (delete-region (point) (match-end 0)))
        (delete-char -1) (fixup-whitespace))))
  nil)

(defalias 'join-line #'delete-indentation)

(defun delete-trailing-whitespace (&optional from to) "Delete the blanks at the ends of the lines from FROM to TO (the buffer by default).
Over the whole buffer, and with `delete-trailing-lines', also delete blank lines at its end."
  (interactive (if (use-region-p) (list (region-beginning) (region-end)) (list nil nil)))
  (save-match-data
    (save-excursion
      (let ((limit (copy-marker (or to (point-max))))) (goto-char (or from (point-min)))
        (with-syntax-table (make-syntax-table (syntax-table)) (modify-syntax-entry ?\f "_")
          (while (re-search-forward "\\s-$" limit t)
            (let ((stop (match-end 0))) (skip-syntax-backward "-" (line-beginning-position))
              (when (< (point) stop) (delete-region (point) stop)))))
        (when (and (null to) delete-trailing-lines) (goto-char (point-max))
          (when (and (= (point) (1+ (buffer-size))) (<= (skip-chars-backward "\n") -2))
            (delete-region (1+ (point)) limit)))
        (set-marker limit nil))))
  nil)

(defun back-to-indentation () "Move point to the first non-blank character on this line." (interactive
                                                                                            "^")
  (beginning-of-line) (skip-syntax-forward " " (line-end-position)) (backward-prefix-chars))

(defun forward-to-indentation (&optional count) "Move COUNT lines forward (one by default) and then past the line's indentation."
  (interactive "^p") (forward-line (or count 1)) (skip-chars-forward " \t"))

(defun backward-to-indentation (&optional count) "Move COUNT lines backward (one by default) and then past the line's indentation."
  (interactive "^p") (forward-line (- (or count 1))) (skip-chars-forward " \t"))

;; ---- deleting characters ------------------------------------------------------------

(defun delete-forward-char (n &optional killflag) "Delete N characters after point (before it if N is negative); kill them with KILLFLAG.
With an active region and N 1, delete (or, per `delete-active-region', kill) the region." (interactive
                                                                                            "p\nP")
  (unless (integerp n) (signal 'wrong-type-argument (list 'integerp n)))
  (cond ((and (use-region-p) delete-active-region (= n 1))
         (if (eq delete-active-region 'kill) (kill-region (region-beginning) (region-end))
           (delete-region (region-beginning) (region-end))))
        (t (delete-char n killflag))))

(defun backward-delete-char-untabify (count &optional killp) "Delete COUNT characters before point.
Tabs are first made spaces (see the method variable)." (interactive "*p\nP")
  (when (eq backward-delete-char-untabify-method 'untabify)
    (let ((left count))
      (save-excursion
        (while (and (> left 0) (not (bobp)))
          (when (eq (preceding-char) ?\t)
            (let ((indent-col (current-column))) (forward-char -1)
              (let ((width (- indent-col (current-column)))) (insert-char ?\s width)
                (delete-char 1))))
          (forward-char -1) (setq left (1- left))))))
  (let ((n count))
    (when (and (memq backward-delete-char-untabify-method '(hungry all)) (> count 0))
      (let* ((skip (if (eq backward-delete-char-untabify-method 'all) " \t\n\r" " \t"))
             (extra (- (point) (save-excursion (skip-chars-backward skip) (point)))))
        (setq n (if (> extra 0) (+ extra (1- count)) count))))
    (delete-char (- n) killp)))

;; ---- case of words or the region ----------------------------------------------------

(defun upcase-dwim (count) "Upcase the active region, or else COUNT words from point." (interactive
                                                                                         "*p")
  (if (use-region-p) (upcase-region (region-beginning) (region-end) (region-noncontiguous-p))
    (upcase-word count)))

(defun downcase-dwim (count) "Downcase the active region, or else COUNT words from point." (interactive
                                                                                             "*p")
  (if (use-region-p) (downcase-region (region-beginning) (region-end) (region-noncontiguous-p))
    (downcase-word count)))

(defun capitalize-dwim (count) "Capitalize the active region, or else COUNT words from point." (interactive
                                                                                                 "*p")
  (if (use-region-p) (capitalize-region (region-beginning) (region-end) (region-noncontiguous-p))
    (capitalize-word count)))

;; ---- the region and the mark --------------------------------------------------------

(defun region-bounds () "The region's pieces as a list of (FROM . TO), from `region-extract-function'."
  (funcall region-extract-function 'bounds))

(defun region-noncontiguous-p () "Non-nil when the region is made of more than one piece."
  (and (cdr (region-bounds)) t))

(defun region-modifiable-p (from to) "Non-nil when no text from FROM to TO is read-only."
  (and (not (get-text-property from 'read-only))
       (eq to (next-single-property-change from 'read-only nil to))))

(defun exchange-point-and-mark (&optional count) "Put the mark where point is and point where the mark was.
With COUNT and Transient Mark mode, leave the mark's activation alone." (interactive "P")
  (let ((other (mark t))) (unless other (user-error "No mark set in this buffer"))
    (set-mark (point)) (goto-char other) (when (and count transient-mark-mode) (deactivate-mark))
    nil))

(defun push-mark-command (count &optional nomsg) "Set the mark at point and activate it; if it is already there, just activate it.
COUNT non-nil always pushes.  NOMSG non-nil keeps quiet." (interactive "P")
  (let ((old (mark t)))
    (if (or count (null old) (/= old (point))) (push-mark nil nomsg t)
      (activate-mark 'no-tmm)
      (unless nomsg (message "Mark activated")))))

(defun pop-to-mark-command () "Move point to the mark and pop the mark ring." (interactive)
  (if (null (mark t)) (user-error "No mark set in this buffer")
    (when (= (point) (mark t)) (message "Mark popped"))
    (goto-char (mark t))
    (pop-mark)))

(defun set-mark-command (count) "Set the mark at point.
With COUNT, jump to the mark and pop the mark ring." (interactive "P")
  (cond ((and (consp count) (> (prefix-numeric-value count) 4)) (push-mark-command nil))
        (count (pop-to-mark-command))
        ((eq last-command 'set-mark-command)
         (if (region-active-p) (progn (deactivate-mark) (message "Mark deactivated"))
           (activate-mark)
           (message "Mark activated")))
        (t (push-mark-command nil))))

(defun mark-whole-buffer () "Put point at the start of the buffer and the mark at its end." (interactive)
  (push-mark) (push-mark (point-max) nil t) (goto-char (point-min)))

(defun mark-word (&optional count allow-extend) "Set the mark COUNT words from point.
With an active region and ALLOW-EXTEND, extend it." (interactive "P\np")
  (if (and allow-extend (region-active-p) (mark t))
      (set-mark (save-excursion (goto-char (mark)) (forward-word (prefix-numeric-value count))
                  (point)))
    (push-mark (save-excursion (forward-word (prefix-numeric-value count)) (point)) nil t)))

(defun save-mark-and-excursion--save () "Return what `save-mark-and-excursion' restores: a copy of the mark and its activation."
  (cons (let ((m (mark-marker))) (and (marker-position m) (copy-marker m))) mark-active))

(defun save-mark-and-excursion--restore (saved) "Put back the mark and its activation as SAVED by `save-mark-and-excursion--save'."
  (let ((m (car saved)) (was-active (cdr saved)))
    (if (null m) (set-marker (mark-marker) nil)
      (set-marker (mark-marker) m (marker-buffer m))
      (set-marker m nil))
    (cond ((and was-active (not mark-active)) (setq mark-active t) (run-hooks 'activate-mark-hook))
          ((and mark-active (not was-active)) (setq mark-active nil)
           (run-hooks 'deactivate-mark-hook)))))

(defmacro save-mark-and-excursion (&rest body) "Run BODY like `save-excursion', restoring the mark and its activation as well."
  (declare (indent 0) (debug t))
  (let ((state (make-symbol "saved-marker")))
    `(let ((,state (save-mark-and-excursion--save)))
       (unwind-protect (save-excursion ,@body) (save-mark-and-excursion--restore ,state)))))

;; ---- counting and finding lines -----------------------------------------------------

(defun simple-edit--count-words (from to) "Count the words between FROM and TO."
  (let ((n 0))
    (save-excursion
      (save-restriction (narrow-to-region from to) (goto-char (point-min))
        (while (forward-word 1) (setq n (1+ n)))))
    n))

(defun count-words--message (what from to) "Say how many lines, words and characters WHAT (from FROM to TO) has, and return the text."
  (let ((lines (count-lines from to)) (words (simple-edit--count-words from to))
        (chars (- to from)))
    (message (concat "%s has %d line%s, %d word%s, " "and %d character%s.") what lines
             (if (= lines 1) "" "s") words (if (= words 1) "" "s") chars (if (= chars 1) "" "s"))))

(defun count-words--buffer-message () "Report the counts of the accessible part of the buffer."
  (count-words--message (if (buffer-narrowed-p) "Narrowed part of buffer" "Buffer") (point-min)
   (point-max)))

(defun count-words (from to &optional _totals) "Return the number of words between FROM and TO; interactively, report the counts."
  (interactive (list nil nil current-prefix-arg))
  (cond ((and from to) (simple-edit--count-words (min from to) (max from to)))
        ((use-region-p) (count-words--message "Region" (region-beginning) (region-end)))
        (t (count-words--buffer-message))))

(defun count-words-region (from to &optional count) "Report the lines, words and characters from FROM to TO; with COUNT, of the whole buffer."
  (interactive (if current-prefix-arg (list nil nil current-prefix-arg)
                 (list (region-beginning) (region-end) nil)))
  (cond ((not (called-interactively-p 'any)) (simple-edit--count-words (min from to) (max from to)))
        (count (count-words--buffer-message))
        (t (count-words--message "Region" (min from to) (max from to)))))

(defalias 'count-lines-region #'count-words-region)

(defun what-line () "Say which line point is on, counting also from the real start when narrowed." (interactive)
  (let ((n (line-number-at-pos)))
    (if (= (point-min) 1) (message "Line %d" n)
      (let ((before (let ((from (point-min))) (save-restriction (widen) (line-number-at-pos from)))))
        (message "line %d (narrowed line %d)" (+ before n -1) n)))))

(defun goto-line (line &optional buffer relative) "Go to the start of line LINE (counting from 1), widening if needed.
With BUFFER, switch to it first.  RELATIVE non-nil counts within the narrowing.
Unless the region is active, the old position goes on the mark ring."
  (interactive (list (read-number "Goto line: ") nil)) (when buffer (set-buffer buffer))
  (unless (region-active-p) (push-mark))
  (let ((target (save-restriction (unless relative (widen)) (goto-char (point-min))
                  (if (eq selective-display t) (re-search-forward "[\n\C-m]" nil 'end (1- line))
                    (forward-line (1- line)))
                  (point))))
    (when (or (< target (point-min)) (> target (point-max))) (widen)) (goto-char target)))

(defun goto-line-relative (line &optional buffer) "Go to line LINE counted from the start of the accessible part of the buffer."
  (interactive (list (read-number "Goto line: ") nil)) (goto-line line buffer t))

(defun current-word (&optional strict really-word) "Return the word (or symbol, unless REALLY-WORD) at or next to point, without properties.
With STRICT, return nil unless point is in or next to one; otherwise look
back or forward along the line."
  (save-excursion
    (let* ((syntax (if really-word "w" "w_")) (spot (point)) (bol (line-beginning-position))
           (eol (line-end-position)) (from (progn (skip-syntax-backward syntax) (point)))
           (to (progn (goto-char spot) (skip-syntax-forward syntax) (point))))
      (when (and (= from spot) (= to spot) (not strict))
        ;; Nothing here: take the nearest word before, else after, on this line.
        (skip-syntax-backward (concat "^" syntax) bol)
        (if (bolp)
            (progn (goto-char spot) (skip-syntax-forward (concat "^" syntax) eol)
              (setq from (point)) (skip-syntax-forward syntax) (setq to (point)))
          (setq to (point))
          (skip-syntax-backward syntax)
          (setq from (point))))
      (unless (= from to) (buffer-substring-no-properties from to)))))

;; ---- whole-buffer motion and lines ------------------------------------------------------

(defun beginning-of-buffer (&optional count) "Go to the start of the accessible text, leaving the mark where point was.
With a number COUNT go COUNT tenths of the way from the start." (interactive "^P")
  (or (consp count) (region-active-p) (push-mark))
  (if (and count (not (consp count)))
      (progn
        (goto-char (+ (point-min) 1
                      (/ (* (- (point-max) (point-min)) (prefix-numeric-value count)) 10)))
        (forward-line 1))
    (goto-char (point-min))
    nil))

(defun end-of-buffer (&optional count) "Go to the end of the accessible text, leaving the mark where point was.
With a number COUNT go COUNT tenths of the way back from the end." (interactive "^P")
  (or (consp count) (region-active-p) (push-mark))
  (if (and count (not (consp count)))
      (progn
        (goto-char (- (point-max)
                      (/ (* (- (point-max) (point-min)) (prefix-numeric-value count)) 10)))
        (forward-line 1))
    (goto-char (point-max))
    nil))

(defun line-move-to-column (indent-col) "Move to column COL of this line, or its end when the line is shorter."
  (move-to-column indent-col))

(defun line-move-1 (count &optional noerror _to-end) "Move COUNT logical lines, keeping the goal column; signal at a buffer edge unless NOERROR."
  (unless (memq last-command '(next-line previous-line))
    (setq temporary-goal-column
          (if (and track-eol (eolp) (not (bolp))) most-positive-fixnum (current-column))))
  (let* ((indent-col (or goal-column temporary-goal-column))
         (indent-col (if (consp indent-col) (car indent-col) indent-col))
         (left (forward-line count)))
    (cond ((and (> count 0) (or (/= left 0) (and (eobp) (not (bolp)))))
           (when (or (/= left 0) (not (bolp))) (goto-char (point-max))
             (unless noerror (signal 'end-of-buffer nil))))
          ((and (< count 0) (/= left 0)) (goto-char (point-min))
           (unless noerror (signal 'beginning-of-buffer nil)))
          (t (line-move-to-column indent-col) t))))

(defun line-move (count &optional noerror to-end _try-vscroll) "Move COUNT lines down (up if negative); here always by logical lines."
  (unless (zerop count) (line-move-1 count noerror to-end)))

(defun next-line (&optional count try-vscroll) "Move down COUNT lines (one by default), keeping the column.
On the last line, with `next-line-add-newlines', add a line instead." (interactive "^p\np")
  (setq count (or count 1))
  (if (and next-line-add-newlines (= count 1) (save-excursion (end-of-line) (eobp)))
      (progn (end-of-line) (insert "\n"))
    (line-move count nil nil try-vscroll))
  nil)

(defun previous-line (&optional count try-vscroll) "Move up COUNT lines (one by default), keeping the column."
  (interactive "^p\np") (line-move (- (or count 1)) nil nil try-vscroll) nil)

(defun next-logical-line (&optional count try-vscroll) "Move down COUNT logical lines." (interactive
                                                                                          "^p\np")
  (let ((line-move-visual nil)) (next-line count try-vscroll)))

(defun previous-logical-line (&optional count try-vscroll) "Move up COUNT logical lines." (interactive
                                                                                            "^p\np")
  (let ((line-move-visual nil)) (previous-line count try-vscroll)))

(defun move-beginning-of-line (count) "Move to the start of the line, COUNT - 1 lines further when COUNT is given."
  (interactive "^p") (forward-line (1- (or count 1))) (unless (bolp) (forward-line 0)) (point))

(defun move-end-of-line (count) "Move to the end of the line, COUNT - 1 lines further when COUNT is given."
  (interactive "^p") (end-of-line (or count 1)) nil)

;; ---- transposing --------------------------------------------------------------------

(defun transpose-subr-1 (a b) "Swap the texts of the spans A and B, each a cons of two positions."
  (let ((a (cons (min (car a) (cdr a)) (max (car a) (cdr a))))
        (b (cons (min (car b) (cdr b)) (max (car b) (cdr b)))))
    (when (> (car a) (car b)) (let ((tmp a)) (setq a b b tmp)))
    (when (> (cdr a) (car b)) (error "Don't have two things to transpose"))
    ;; Markers GNU-style: those at the end of the earlier span end up after its
    ;; new text, those inside it collapse to its start; those inside the later
    ;; span end after its new text.  Point ends at the end of the later span.
    (let* ((text-a (buffer-substring (car a) (cdr a))) (text-b (buffer-substring (car b) (cdr b)))
           (later (+ (car b) (- (length text-b) (length text-a)))))
      (goto-char (cdr a)) (insert-before-markers text-b)
      (delete-region (car a) (+ (car a) (length text-a))) (goto-char later) (insert text-a)
      (delete-region (point) (+ (point) (length text-b))))))

(defun transpose-subr (mover count &optional special) "Transpose the things MOVER moves over, as the transpose commands do with COUNT.
MOVER moves point by its argument's count of things; with SPECIAL it returns
the span (TO . FROM) of what it crossed instead."
  (let ((span (if special mover
                (lambda (n)
                  (let ((far (progn (funcall mover n) (point))))
                    (cons far (progn (funcall mover (- n)) (point))))))) one two)
    (cond ((= count 0)
           (save-excursion (setq one (funcall span 1))
             (goto-char (or (mark) (error "No mark set in this buffer")))
             (setq two (funcall span 1)) (transpose-subr-1 one two))
           (exchange-point-and-mark))
          (t (setq one (funcall span -1)) (when (< count 0) (goto-char (car one)))
           (setq two (funcall span count))
           (let ((len (abs (- (cdr one) (car one))))
                 (stop (if (> count 0) (max (car two) (cdr two)) (min (car two) (cdr two)))))
             (transpose-subr-1 one two) (goto-char (if (> count 0) stop (+ stop len))))))))

(defun transpose-chars (count) "Swap the characters around point and move forward; with COUNT drag the one before point COUNT chars.
At the end of a line, swap the two characters before point." (interactive "*P")
  (when (and (null count) (eolp) (not (bobp)) (not (get-text-property (1- (point)) 'read-only)))
    (forward-char -1))
  (transpose-subr #'forward-char (prefix-numeric-value count)))

(defun transpose-words (count) "Swap the words around point, leaving point after them; COUNT drags the word before point."
  (interactive "*p") (transpose-subr #'forward-word count))

(defun simple-edit--sexp-span (n) "Cross N sexps and return (FAR . NEAR), the span `transpose-sexps' swaps.
Inside or next to a symbol, the whole symbol is the near thing; between
sexps, blanks and punctuation behind are stepped over before crossing, and
the near end is past any comments and punctuation ahead."
  (let* ((ahead (> n 0))
         (at-symbol (if ahead (looking-at "\\sw\\|\\s_")
                      (and (> (point) (point-min)) (memq (char-syntax (char-before)) '(?w ?_))))))
    (cond (at-symbol (if ahead (skip-syntax-backward "w_") (skip-syntax-forward "w_"))
           (cons (save-excursion (forward-sexp n) (point)) (point)))
          (t (if ahead (skip-syntax-backward " .") (skip-syntax-forward " ."))
           (let ((far (save-excursion (forward-sexp n) (point))) (more t))
             (while more
               (setq more
                     (or (forward-comment (if ahead 1 -1))
                         (/= 0 (if ahead (skip-syntax-forward ".") (skip-syntax-backward "."))))))
             (cons far (point)))))))

(defun transpose-sexps (count) "Swap the balanced expressions around point; COUNT drags the one before point."
  (interactive "*p") (transpose-subr #'simple-edit--sexp-span count 'special))

(defun transpose-lines (count) "Swap the current line and the one before it, moving down; COUNT drags the previous line.
A final line without a newline gets one." (interactive "*p")
  (transpose-subr (lambda (n)
                    (if (<= n 0) (forward-line n)
                      ;; Going down past the end makes the missing lines (and the final newline).
                      (let ((short (forward-line n)))
                        (unless (eq (preceding-char) ?\n) (setq short (1+ short)))
                        (when (> short 0) (newline short)))))
                  count))

;; ---- other buffers ------------------------------------------------------------------

(defun append-to-buffer (buffer from to) "Insert the text from FROM to TO of this buffer into BUFFER at its point."
  (interactive (list (read-buffer "Append to buffer: " nil t) (region-beginning) (region-end)))
  (let ((source (current-buffer)) (target (get-buffer-create buffer)))
    (with-current-buffer target (insert-buffer-substring source from to))))

(defun prepend-to-buffer (buffer from to) "Insert the text from FROM to TO of this buffer into BUFFER, leaving its point before it."
  (interactive (list (read-buffer "Prepend to buffer: " nil t) (region-beginning) (region-end)))
  (let ((source (current-buffer)) (target (get-buffer-create buffer)))
    (with-current-buffer target (save-excursion (insert-buffer-substring source from to)))))

(defun copy-to-buffer (buffer from to) "Replace BUFFER's whole text with the text from FROM to TO of this buffer."
  (interactive (list (read-buffer "Copy to buffer: " nil t) (region-beginning) (region-end)))
  (let ((source (current-buffer)) (target (get-buffer-create buffer)))
    (with-current-buffer target (barf-if-buffer-read-only) (erase-buffer)
      (save-excursion (insert-buffer-substring source from to)))))

(defun insert-buffer (buffer) "Insert BUFFER's text after point, leaving the mark after it and point before it."
  (interactive (list (read-buffer "Insert buffer: " nil t)))
  (push-mark (save-excursion (insert-buffer-substring (get-buffer buffer)) (point))) nil)

(defun kill-current-buffer () "Kill the current buffer." (interactive)
  (kill-buffer (current-buffer)))

(defun messages-buffer () "Return the *Messages* buffer, making it if there is none."
  (with-current-buffer (get-buffer-create "*Messages*")
    ;; GNU makes the buffer at start-up already in its mode; here it may
    ;; have been made plain.
    (unless (derived-mode-p 'messages-buffer-mode) (messages-buffer-mode)) (current-buffer)))

(define-derived-mode messages-buffer-mode special-mode "Messages"
  "Major mode of the *Messages* buffer.")

(defun display-message-or-buffer (message &optional buffer-name _action _frame) "Show MESSAGE (a string or a buffer) in the echo area; nothing else exists in batch.
A string is first put in BUFFER-NAME (\"*Message*\") when it has several lines."
  (let ((chunk (if (bufferp message) (with-current-buffer message (buffer-string)) message)))
    (when (and (stringp message) (string-match-p "\n." message))
      (with-current-buffer (get-buffer-create (or buffer-name "*Message*"))
        (let ((inhibit-read-only t)) (erase-buffer) (insert message))))
    (when (string-match "\n\\'" chunk) (setq chunk (substring chunk 0 -1))) (message "%s" chunk)))

;; ---- buffer-local switches ----------------------------------------------------------

(defun simple-edit--toggle (count current) "Whether a switch that is CURRENT now should end up on, given a mode COUNT."
  (cond ((eq count 'toggle) (not current)) ((null count) t) (t (> (prefix-numeric-value count) 0))))

(defun toggle-truncate-lines (&optional count) "Switch `truncate-lines' and say so.
On when COUNT is positive; toggled without COUNT." (interactive "P")
  (setq truncate-lines (if (null count) (not truncate-lines) (> (prefix-numeric-value count) 0)))
  (message "Truncate long lines %s" (if truncate-lines "enabled" "disabled")))

(defun toggle-word-wrap (&optional count) "Switch `word-wrap' and say so.
On when COUNT is positive; toggled without COUNT." (interactive "P")
  (setq word-wrap (if (null count) (not word-wrap) (> (prefix-numeric-value count) 0)))
  (message "Word wrapping %s" (if word-wrap "enabled" "disabled")))

(defun read-only-mode (&optional count) "Make the buffer read-only, or writable.
Read-only when COUNT is positive (or nil from Lisp)." (interactive
                                                        (list (or current-prefix-arg 'toggle)))
  (setq buffer-read-only (simple-edit--toggle count buffer-read-only))
  (run-hooks 'read-only-mode-hook
             (if buffer-read-only 'read-only-mode-on-hook 'read-only-mode-off-hook))
  (when (called-interactively-p 'any)
    (message "Read-Only mode %sabled in current buffer" (if buffer-read-only "en" "dis")))
  buffer-read-only)

(defvar read-only-mode-hook nil "Hook run after `read-only-mode' changes the buffer.")

(defun set-fill-column (count) "Set `fill-column' to COUNT, or to the current column when COUNT is a plain prefix, and say so."
  (interactive "P") (when (consp count) (setq count (current-column)))
  (unless (integerp count) (error "set-fill-column requires an explicit argument"))
  (message "Fill column set to %d (was %d)" count fill-column) (setq fill-column count))

(defun turn-on-auto-fill () "Turn Auto Fill mode on in this buffer." (auto-fill-mode 1))

(defun turn-off-auto-fill () "Turn Auto Fill mode off in this buffer." (auto-fill-mode -1))

(defun auto-fill-mode (&optional count) "Switch Auto Fill mode, which breaks long lines while typing.
COUNT as for minor modes." (interactive (list (or current-prefix-arg 'toggle)))
  (setq auto-fill-function
        (and (simple-edit--toggle count auto-fill-function) normal-auto-fill-function)))

;; ---- evaluating ---------------------------------------------------------------------

(defun eval-expression-print-format (value) "The text shown after an integer VALUE: its octal, hex and character forms, or nil."
  (when (integerp value)
    (let ((char (and (characterp value) (<= value eval-expression-print-maximum-character)
                     (format ", %s" (prin1-char value)))))
      (format " (#o%o, #x%x%s)" value value (or char "")))))

(defun eval-expression (exp &optional insert-value no-truncate _char-print-limit) "Evaluate EXP (lexically when `lexical-binding'), push the value on `values' and show it.
With INSERT-VALUE insert the printed value at point instead; with NO-TRUNCATE
print it whole." (interactive (list (read--expression "Eval: ") current-prefix-arg))
  (let ((value (eval exp lexical-binding))) (push value values)
    (let ((print-length (and (not no-truncate) eval-expression-print-length))
          (print-level (and (not no-truncate) eval-expression-print-level)))
      (if insert-value (let ((standard-output (current-buffer))) (prin1 value))
        (prin1 value t)
        (let ((extra (and (called-interactively-p 'any) (eval-expression-print-format value))))
          (when extra (princ extra t)))))
    value))

(defun read--expression (prompt &optional initial-contents) "Read a Lisp expression with PROMPT from the minibuffer (stdin in batch)."
  (read-from-minibuffer prompt initial-contents nil t 'read-expression-history))

(defun read-minibuffer (prompt &optional initial-contents) "Read a Lisp object with PROMPT from the minibuffer and return it unevaluated."
  (read-from-minibuffer prompt initial-contents nil t))

(defun eval-minibuffer (prompt &optional initial-contents) "Read a Lisp expression with PROMPT from the minibuffer and return its value."
  (eval (read-minibuffer prompt initial-contents) lexical-binding))

(defun read-shell-command (prompt &optional initial-contents hist &rest _args) "Read a shell command with PROMPT, recording it in HIST (`shell-command-history')."
  (read-from-minibuffer prompt initial-contents nil nil (or hist 'shell-command-history)))

;; ---- shell commands on the region ---------------------------------------------------

(defun shell-command-on-region (from to command &optional output-buffer replace error-buffer
                                     _display-error-buffer _noncontiguous) "Run shell COMMAND with the text from FROM to TO as its input and return its exit status.
With REPLACE the output takes the place of that text; with OUTPUT-BUFFER
\(a buffer or name, or t for this buffer) it goes there at point; otherwise
into \"*Shell Command Output*\" and is shown as a message.  Error output
goes to ERROR-BUFFER when given."
  (interactive (list (region-beginning) (region-end)
                     (read-shell-command "Shell command on region: ") current-prefix-arg
                     current-prefix-arg shell-command-default-error-buffer t nil))
  (let* ((err-file (and error-buffer (make-temp-file "scor")))
         (dest (if err-file (list t err-file) t)) status)
    (unwind-protect
      (progn
        (cond ((or replace (eq output-buffer t))
               (let ((chunk (buffer-substring from to)) (spot (point)))
                 (if replace
                     (progn (delete-region from to) (goto-char from)
                       (setq status (simple-edit--call-on-text chunk command dest))
                       (push-mark (point) t) (goto-char from))
                   (goto-char spot)
                   (setq status (simple-edit--call-on-text chunk command dest)))))
              ((and output-buffer (not (eq output-buffer t)))
               (let ((chunk (buffer-substring from to)) (out (get-buffer-create output-buffer)))
                 (with-current-buffer out
                   (let ((inhibit-read-only t)) (erase-buffer)
                     (setq status (simple-edit--call-on-text chunk command dest))))
                 (simple-edit--report-output out status)))
              (t
               (let ((chunk (buffer-substring from to))
                     (out (get-buffer-create "*Shell Command Output*")))
                 (with-current-buffer out
                   (let ((inhibit-read-only t)) (erase-buffer)
                     (setq status (simple-edit--call-on-text chunk command dest))))
                 (simple-edit--report-output out status))))
        (when err-file
          (with-current-buffer (get-buffer-create error-buffer) (goto-char (point-max))
            (insert-file-contents err-file))))
      (when err-file (delete-file err-file)))
    status))

(defun simple-edit--report-output (out status) "Show the output buffer OUT of a shell command that exited with STATUS."
  (cond ((> (buffer-size out) 0) (display-message-or-buffer out))
        ((eql status 0) (message "(Shell command succeeded with no output)"))
        ((integerp status) (message "(Shell command failed with code %d and no output)" status))
        (t (message "(Shell command failed with no output)"))))

(defun simple-edit--call-on-text (chunk command dest) "Run shell COMMAND with TEXT as input, output to DEST at point; return the exit status."
  (let ((from (current-buffer)))
    (with-temp-buffer (insert chunk)
      (let ((input (current-buffer)))
        (with-current-buffer from
          (let ((spot (point)))
            (prog1
              (with-current-buffer input
                (let ((target from))
                  (call-process-region (point-min) (point-max) shell-file-name nil
                   (if (consp dest) (list target (cadr dest)) target) nil shell-command-switch
                   command)))
              (ignore spot))))))))

(provide 'simple-edit)

;;; simple-edit.el ends here
