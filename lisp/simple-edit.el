;;; simple-edit.el --- line, whitespace, transposing and case commands of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-edit.el).

;;;; Newlines

(defun simple-edit--count (raw) "Numeric value of raw prefix RAW, refused when negative."
  (let ((n (prefix-numeric-value raw)))
    (if (< n 0) (error "Repetition argument has to be non-negative") n)))

(defun newline (&optional arg interactive) "Insert ARG newlines (one by default) and leave point after them.
With ARG zero nothing is inserted and point goes to the start of the line.
INTERACTIVE non-nil runs `post-self-insert-hook' as typing would." (interactive "*P\np")
  (barf-if-buffer-read-only)
  (let ((n (simple-edit--count arg)))
    (cond ((> n 0)
           (insert-char ?\n n)
           ;; As if RET had been typed: the hook's functions see a newline as the last event.
           (if interactive (let ((last-command-event ?\n)) (run-hooks 'post-self-insert-hook))))
          (t (forward-line 0))))
  nil)

(defun simple-edit--open-lead (margin prefix) "Indent to MARGIN (when above zero) and insert PREFIX (when non-nil) at point."
  (when (> margin 0) (indent-to margin))
  (when prefix (insert prefix)))

(defun open-line (n) "Insert N newlines after point, leaving point where it was.
Called at the start of a line, that line and each new blank one get the
left margin and the `fill-prefix'; the line holding the rest of the text is
indented to the left margin." (interactive "*p")
  (let ((margin (current-left-margin))
        (prefix (and fill-prefix (not (string= fill-prefix "")) fill-prefix))
        (at-start (bolp)))
    (when (and (integerp n) (< n 0)) (error "Repetition argument has to be non-negative"))
    ;; Blanks alone before point go when the margin applies (observed).
    (and (> margin 0) (not at-start) (save-excursion (skip-chars-backward " \t") (bolp))
         (delete-region (line-beginning-position) (point)))
    (save-excursion
      ;; The first newline goes in before N is checked as a count (observed).
      (unless (eql n 0) (insert ?\n))
      (dotimes (_ (1- n)) (insert ?\n))
      ;; The blank lines just made, when the line was opened at its start.
      (if at-start
          (save-excursion
            (forward-line (- 1 n))
            (dotimes (_ (1- n))
              (simple-edit--open-lead margin prefix)
              (forward-line))))
      (when (> margin 0)
        (let ((from (point)))
          (skip-chars-forward " \t")
          (delete-region from (point)))
        (indent-to margin)))
    (if (and at-start (> n 0)) (simple-edit--open-lead margin prefix))
    ;; Point stays before the new newlines; opening none takes it to the end of the line.
    (end-of-line))
  nil)

(defun split-line (&optional arg) "Break the line at point, the rest of it going straight down.
The text after point (after any blanks there) keeps its column on the new
line.  When this line starts with `fill-prefix', so does the new one,
unless ARG is non-nil." (interactive "*P")
  (let* ((at (progn (skip-chars-forward " \t") (point)))
         (goal (current-column))
         (prefix (and (not arg) fill-prefix
                      (save-excursion (forward-line 0) (looking-at-p (regexp-quote fill-prefix)))
                      fill-prefix)))
    (newline 1)
    (if prefix (insert-before-markers prefix))
    (indent-to goal 0)
    (goto-char at)))

;;;; Joining lines

(defun simple-edit--join-here () "Join the line point is on to the one before it, at the start of this line.
A `fill-prefix' starting the line goes too.  Point ends where they meet."
  (forward-line 0)
  (unless (bobp)
    (delete-char -1)
    (let ((n (length fill-prefix)))
      (and fill-prefix (> n 0)
           (string-prefix-p fill-prefix (buffer-substring (point) (min (point-max) (+ (point) n))))
           (delete-char n)))
    (fixup-whitespace)))

(defun simple-edit--join-args () "Interactive arguments of `delete-indentation': the prefix, then the active region's ends."
  (barf-if-buffer-read-only)
  (let ((ends (if (use-region-p) (list (region-beginning) (region-end)))))
    (cons current-prefix-arg ends)))

(defun delete-indentation (&optional arg beg end) "Join this line to the previous one, leaving one space (or none) where they meet.
ARG non-nil joins the next line to this one instead.  Without ARG, BEG and
END join every line of that stretch into one."
  (interactive (simple-edit--join-args))
  (cond
   (arg
    (forward-line 1)
    (or (and (eobp) (not (bolp))) (simple-edit--join-here))
    (if (eobp) (goto-char (point-max))))
   ((not (and beg end)) (simple-edit--join-here))
   ((> beg end) (goto-char beg))
   (t
    (let ((first-line (save-excursion (goto-char beg) (line-beginning-position 2)))
          (meeting nil))
      (goto-char end)
      ;; From the last line up, so that point ends where the first two met.
      (while (progn (forward-line 0) (>= (point) first-line))
        (simple-edit--join-here)
        (setq meeting (point)))
      ;; With nothing joined, point stays at BEG (observed).
      (goto-char (or meeting beg)))))
  nil)

(defalias 'join-line #'delete-indentation)

;;;; Blank lines and trailing whitespace

(defun simple-edit--blank-line-p () "Non-nil when the line point is on holds nothing but blanks."
  (save-excursion (forward-line 0) (looking-at-p "[ \t]*$")))

(defun simple-edit--blank-start (pos) "Start of the first of the blank lines running up to the line at POS."
  (save-excursion
    (goto-char pos)
    (let ((top (progn (forward-line 0) (point))))
      (while (and (> top (point-min))
                  (progn (forward-line -1) (simple-edit--blank-line-p)))
        (setq top (point)))
      top)))

(defun simple-edit--blank-end (pos) "Where the blank lines from the line start POS on end: the next text line's start or the end."
  (save-excursion
    (goto-char pos)
    (while (and (< (point) (point-max)) (simple-edit--blank-line-p)) (forward-line))
    (point)))

(defun delete-blank-lines () "Delete blank lines around point.
On a blank line among others, keep only this one; on a lone blank line,
delete it; on a line with text, delete the blank lines right after it.
A blank line left with nothing after it goes as well." (interactive "*")
  (let* ((this (line-beginning-position)) (after (line-beginning-position 2)))
    (if (not (simple-edit--blank-line-p))
        (if (< (line-end-position) (point-max))
            (delete-region after (simple-edit--blank-end after)))
      (let ((top (simple-edit--blank-start this))
            (bottom (simple-edit--blank-end this)))
        (cond ((and (= top this) (= bottom after)) (delete-region this after))
              (t (delete-region after bottom)
                 (delete-region top this)
                 (goto-char top)
                 ;; A last blank line with nothing after it goes too.
                 (if (= (line-beginning-position 2) (point-max))
                     (delete-region (point) (point-max))))))))
  nil)

(defun delete-trailing-whitespace (&optional start end) "Delete the whitespace at the end of each line from START to END (the buffer by default).
Without END, and with `delete-trailing-lines' non-nil, blank lines at the
end of the buffer go too, so that it ends in a single newline."
  (interactive (progn (barf-if-buffer-read-only)
                      (and (use-region-p) (list (region-beginning) (region-end)))))
  (save-match-data (save-excursion
                     (let ((stop (copy-marker (or end (point-max)))))
                       (goto-char (or start (point-min)))
                       (while (< (point) stop)
                         (let* ((line-start (line-beginning-position))
                                (line-stop (min (line-end-position) stop))
                                (blank-from (progn (goto-char line-stop) (skip-syntax-backward "-" line-start) (point)))
                                ;; A form feed is a page break, never trailing space: keep what is before it.
                                (page-break (progn (goto-char line-stop) (skip-chars-backward "^\f" blank-from)
                                                   (and (eq (preceding-char) ?\f) (point))))
                                (cut (or page-break blank-from)))
                           (if (< cut line-stop) (delete-region cut line-stop))
                           (goto-char cut)
                           (or (zerop (forward-line 1)) (goto-char stop))))
                       ;; Without END, blank lines ending the buffer go too, but its last newline.
                       (when (and (null end) delete-trailing-lines)
                         (let ((text-end (save-excursion (goto-char (point-max)) (skip-chars-backward "\n") (point))))
                           (and (> text-end (point-min)) (< (1+ text-end) (point-max))
                                (delete-region (1+ text-end) (point-max)))))
                       (set-marker stop nil))))
  nil)

;;;; Horizontal space

(defun simple-edit--space-bounds (&optional newlines) "The stretch of blanks around point as (START . END); NEWLINES non-nil counts newlines too."
  (let ((chars (if newlines " \t\n" " \t")))
    (cons (save-excursion (skip-chars-backward chars) (point))
          (save-excursion (skip-chars-forward chars) (point)))))

(defun delete-horizontal-space (&optional backward-only) "Delete the spaces and tabs around point; only those before it when BACKWARD-ONLY." (interactive "*P")
  (let ((span (simple-edit--space-bounds)))
    (delete-region (car span) (if backward-only (point) (cdr span)))))

(defun just-one-space (&optional n) "Leave N spaces (default one) in place of the blanks around point.
A negative N leaves -N spaces and deletes newlines as well." (interactive "*p")
  (let* ((count (or n 1))
         (span (simple-edit--space-bounds (< count 0))))
    (delete-region (car span) (cdr span))
    (goto-char (car span))
    (insert (make-string (abs count) ?\s)))
  nil)

(defun fixup-whitespace () "Close up the blanks around point, leaving one space where words need it.
No space is left at a line's start or end, after an opening or before a
closing delimiter." (interactive "*")
  (save-excursion
    (delete-horizontal-space)
    (unless (or (bolp) (eolp)
                (eq (char-syntax (following-char)) ?\))
                (memq (char-syntax (preceding-char)) '(?\( ?')))
      (insert ?\s))))

(defvar simple-edit--spacing-state nil "What `cycle-spacing' did last: (BUFFER POINT STEP ORIGINAL-TEXT ORIGINAL-START ORIGINAL-POINT).")

(defun cycle-spacing (&optional n preserve-nl-back mode) "Replace the blanks around point by N spaces; repeated, delete them; again, restore them.
Repetition is a call with `last-command' equal to `this-command'.  A negative
N also takes newlines.  PRESERVE-NL-BACK keeps the newlines before point.
MODE `single-shot' does only the first step; `fast' skips the first step
when it would change nothing." (interactive "*p")
  (let* ((count (or n 1))
         (state simple-edit--spacing-state)
         (going-on (and state (not (eq mode 'single-shot)) (eq this-command last-command)
                        (eq (nth 0 state) (current-buffer))
                        (eql (nth 1 state) (point)))))
    (if (not going-on)
        (let* ((span (simple-edit--space-bounds (< count 0)))
               (from (if preserve-nl-back
                         (save-excursion (skip-chars-backward " \t") (point))
                       (car span)))
               (old (buffer-substring from (cdr span)))
               (old-point (point)))
          (delete-region from (cdr span))
          (goto-char from)
          (insert (make-string (abs count) ?\s))
          (setq simple-edit--spacing-state
                (and (not (eq mode 'single-shot))
                     (list (current-buffer) (point) 1 old from old-point))))
      (let ((span (simple-edit--space-bounds (< count 0))))
        (cond ((= (nth 2 state) 1)
               (delete-region (car span) (cdr span))
               (goto-char (car span))
               (setq simple-edit--spacing-state
                     (list (current-buffer) (point) 2 (nth 3 state) (nth 4 state) (nth 5 state))))
              (t
               (delete-region (car span) (cdr span))
               (goto-char (car span))
               (insert (nth 3 state))
               (goto-char (nth 5 state))
               (setq simple-edit--spacing-state nil))))))
  nil)

;;;; Deleting characters

(defun delete-forward-char (n &optional killflag) "Delete N characters after point (before it when N is negative).
With the region active and N one, delete the region instead, following
`delete-active-region'.  KILLFLAG non-nil saves what goes on the kill ring." (interactive "p\nP")
  (or (integerp n) (signal 'wrong-type-argument (list 'integerp n)))
  (cond ((not (simple-edit--region-goes-p n)) (delete-char n killflag))
        ((eq delete-active-region 'kill) (kill-region nil nil 'region))
        (t (funcall region-extract-function 'delete-only))))

(defun simple-edit--region-goes-p (n) "Non-nil when a one-character deletion (N = 1) should take the active region instead."
  (and (eql n 1) delete-active-region (use-region-p)))

(defun simple-edit--untabify-before (n) "Turn tabs among the N characters before point into spaces, keeping the text's look."
  (let ((back-from-end (- (point-max) (point))))
    (dotimes (_ n)
      (unless (bobp)
        (when (eq (preceding-char) ?\t)
          ;; The tab becomes as many spaces as it was wide; point stays after them.
          (let ((width (- (current-column) (save-excursion (backward-char) (current-column)))))
            (delete-char -1)
            (insert-char ?\s width)))
        (backward-char)))
    (goto-char (- (point-max) back-from-end))))

(defun backward-delete-char-untabify (arg &optional killp) "Delete ARG characters before point, a tab counting as the spaces it shows.
`backward-delete-char-untabify-method' says what else goes: `hungry' all
spaces and tabs before point, `all' newlines too." (interactive "*p\nP")
  (when (and (> arg 0) (not (simple-edit--region-goes-p arg)))
    (pcase backward-delete-char-untabify-method
      ('untabify (simple-edit--untabify-before arg))
      ((and (or 'hungry 'all) method)
       (let ((stop (point))
             (chars (if (eq method 'all) " \t\n" " \t")))
         (skip-chars-backward chars)
         (when (< (point) stop)
           (delete-region (point) stop)
           (setq arg (1- arg)))))))
  (if (simple-edit--region-goes-p arg)
      (delete-forward-char 1 killp)
    (when (or (/= arg 0) (not (memq backward-delete-char-untabify-method '(hungry all))))
      (delete-char (- arg) killp))))

;;;; Transposing

(defun transpose-subr-1 (pos1 pos2) "Swap the text of the spans POS1 and POS2, each (START . END), keeping properties.
The spans may come in either order but must not overlap; point ends after
the later one."
  (let* ((early (if (> (car pos1) (car pos2)) pos2 pos1))
         (late (if (eq early pos1) pos2 pos1)))
    (when (> (cdr early) (car late)) (error "Don't have two things to transpose"))
    (let ((early-text (buffer-substring (car early) (cdr early)))
          (late-text (buffer-substring (car late) (cdr late))))
      ;; The later span first, so the earlier one's positions stay good.
      (delete-region (car late) (cdr late))
      (goto-char (car late))
      (insert early-text)
      (delete-region (car early) (cdr early))
      (goto-char (car early))
      (insert late-text)
      ;; The two texts only changed places, so the later span still ends where it did.
      (goto-char (cdr late))
      nil)))

(defun simple-edit--mover (mover special) "A function of COUNT moving point over COUNT things with MOVER.
SPECIAL non-nil means MOVER returns a thing's (START . END) instead of moving."
  (if (not special)
      mover
    (lambda (count)
      (let ((bounds (funcall mover count)))
        (goto-char (if (> count 0) (cdr bounds) (car bounds)))))))

(defun simple-edit--around-point (go) "Bounds of the thing before or around point, with point left after it; GO moves over things."
  (funcall go -1)
  (funcall go 1)
  (cons (save-excursion (funcall go -1) (point)) (point)))

(defun simple-edit--thing-at (go pos) "Bounds of the thing at or after POS, moving with GO."
  (save-excursion (goto-char pos)
                  (funcall go 1)
                  (let ((end (point)))
                    (funcall go -1)
                    (cons (point) end))))

(defun simple-edit--swap-with-mark (go) "Swap the thing at point with the one at the mark, moving with GO.
Point goes to the start of point's thing and the mark to the start of the
mark's thing, each in its new place."
  (let* ((mine (simple-edit--thing-at go (point)))
         (theirs (simple-edit--thing-at
                  go (or (mark t) (error "No mark set in this buffer"))))
         (growth (- (- (cdr theirs) (car theirs)) (- (cdr mine) (car mine))))
         (mine-first (< (car mine) (car theirs))))
    (transpose-subr-1 mine theirs)
    (goto-char (if mine-first (+ (car theirs) growth) (car theirs)))
    (set-marker (mark-marker) (if mine-first (car mine) (+ (car mine) growth)))
    nil))

(defun simple-edit--drag-bounds (mover arg) "`transpose-subr' for a MOVER that returns bounds: drag the thing before point over ARG more."
  (let* ((first (funcall mover -1))
         (other (progn (goto-char (if (> arg 0) (cdr first) (car first)))
                       (funcall mover arg))))
    (if (> arg 0)
        (progn (transpose-subr-1 first other) (goto-char (cdr other)))
      (transpose-subr-1 first other)
      (goto-char (+ (car other) (- (cdr first) (car first)))))))

(defun simple-edit--drag (go arg) "`transpose-subr' for a moving GO: drag the thing before or around point over ARG more."
  (let ((first (simple-edit--around-point go)))
    (if (> arg 0)
        (let* ((stop (progn (funcall go arg) (point)))
               (other (cons (progn (funcall go (- arg)) (point)) stop)))
          (transpose-subr-1 first other)
          (goto-char stop))
      (goto-char (car first))
      (let* ((start (progn (funcall go arg) (point)))
             (other (cons start (progn (funcall go (- arg)) (point)))))
        (transpose-subr-1 first other)
        (goto-char (+ start (- (cdr first) (car first))))))))

(defun transpose-subr (mover arg &optional special) "Drag the thing before or around point over ARG things after it (before it if ARG < 0).
MOVER moves point over a count of things, like `forward-word'; with SPECIAL
non-nil it returns the bounds (START . END) of the things it passes instead.
ARG zero swaps the thing at point with the thing at the mark."
  (cond ((= arg 0) (simple-edit--swap-with-mark (simple-edit--mover mover special)))
        (special (simple-edit--drag-bounds mover arg))
        (t (simple-edit--drag mover arg))))

(defun simple-edit--sexp-bounds (count) "Bounds of the COUNT balanced expressions next to point (before it when COUNT < 0).
Point moves past them; with none there the bounds are empty at point."
  (let* ((from (point)) (far (progn (forward-sexp count) (point)))
         ;; The near edge: where the first sexp passed starts (or ends, going back).
         (near (lambda (dir) (save-excursion (goto-char from) (forward-sexp dir) (forward-sexp (- dir)) (point)))))
    (cond ((= far from) (cons from from))
          ((> count 0) (cons (funcall near 1) far))
          (t (cons far (funcall near -1))))))

(defun transpose-chars (arg) "Swap the characters before and after point and move forward past both.
At a line's end, swap the two characters before point.  ARG moves the
character before point ARG characters on; zero swaps at point and mark." (interactive "*P")
  (when (and (null arg) (eolp) (not (bobp)))
    (forward-char -1))
  (transpose-subr #'forward-char (prefix-numeric-value arg)))

(defun transpose-words (arg) "Swap the words around point, leaving point after them; ARG as in `transpose-chars'." (interactive "*p")
  (transpose-subr #'forward-word arg))

(defun transpose-sexps (arg &optional interactive) "Swap the balanced expressions around point; ARG as in `transpose-chars'.
INTERACTIVE non-nil turns a scan error into a `user-error'." (interactive "*p\nd")
  (condition-case failure
      (transpose-subr #'simple-edit--sexp-bounds arg 'special)
    (scan-error (if interactive
                    (user-error "Not between two complete sexps: %s" (cadr failure))
                  (signal (car failure) (cdr failure))))))

(defun transpose-lines (arg) "Swap the line point is on with the one before it, moving down past both.
ARG moves the previous line ARG lines down; zero swaps point's and the
mark's lines.  A missing final newline is added first." (interactive "*p")
  (transpose-subr #'simple-edit--line-mover arg))

(defun simple-edit--line-mover (count) "Move over COUNT lines for `transpose-lines', adding newlines at the end as needed."
  (cond ((<= count 0) (forward-line count))
        (t (if (and (eobp) (not (bolp))) (insert ?\n))
           (dotimes (_ count)
             (end-of-line)
             (if (eobp) (insert ?\n) (forward-char))))))

;;;; Case commands that follow the region

(defun simple-edit--dwim (region-fn word-fn arg) "Apply REGION-FN to the active region, or WORD-FN to ARG words."
  (cond ((not (use-region-p)) (funcall word-fn arg))
        (t (funcall region-fn (region-beginning) (region-end) (region-noncontiguous-p)))))

(defun upcase-dwim (arg) "Upcase the active region, or ARG words after point." (interactive "*p")
  (simple-edit--dwim #'upcase-region #'upcase-word arg))

(defun downcase-dwim (arg) "Downcase the active region, or ARG words after point." (interactive "*p")
  (simple-edit--dwim #'downcase-region #'downcase-word arg))

(defun capitalize-dwim (arg) "Capitalize the active region, or ARG words after point." (interactive "*p")
  (simple-edit--dwim #'capitalize-region #'capitalize-word arg))

;;;; Indentation motion

(defun simple-edit--to-indentation (lines) "Move LINES lines (back when negative) and then past the blanks that start the line."
  (forward-line lines) (skip-chars-forward " \t" (line-end-position)))

(defun back-to-indentation () "Go to the first character on this line that does not have whitespace syntax." (interactive "^")
  (goto-char (line-beginning-position))
  (skip-syntax-forward " " (line-end-position))
  ;; Prefix characters (syntax flag p) just before the text belong to it.
  (backward-prefix-chars))

(defun forward-to-indentation (&optional arg) "Go ARG lines down (one by default) and to the indentation there." (interactive "^p")
  (simple-edit--to-indentation (if arg arg 1)))

(defun backward-to-indentation (&optional arg) "Go ARG lines up (one by default) and to the indentation there." (interactive "^p")
  (simple-edit--to-indentation (if arg (- arg) -1)))

(provide 'simple-edit)
;;; simple-edit.el ends here
