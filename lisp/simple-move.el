;;; simple-move.el --- motion, counting and mark commands of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-move.el
;; and test/corpus/simple-edit.el).  Vertical motion is by logical lines: tsmacs has no
;; display, so a line never wraps into screen lines.

;;;; The mark

(defun simple-move--need-mark () "The mark's position; a `user-error' when this buffer has none."
  (or (mark t) (user-error "No mark set in this buffer")))

(defun exchange-point-and-mark (&optional arg) "Put point where the mark is and the mark where point was.
In Transient Mark mode this activates the mark, unless ARG is non-nil,
which keeps its state as it was." (interactive "P")
  (let ((keep-state (and arg transient-mark-mode))
        (was-active mark-active)
        (there (simple-move--need-mark)))
    (let ((here (point)))
      (goto-char there)
      (set-marker (mark-marker) here))
    (cond ((not keep-state) (activate-mark))
          (was-active (activate-mark))
          (t (setq mark-active nil)))
    nil))

(defun pop-to-mark-command () "Go to the mark and drop it for the previous one on `mark-ring'." (interactive)
  (let ((there (simple-move--need-mark)))
    (if (= there (point))
        (message "Mark popped")
      (goto-char there))
    (pop-mark)
    (point)))

(defun push-mark-command (arg &optional nomsg) "Set the mark at point and activate it, saving the old mark unless it is already here.
ARG non-nil saves it even then; NOMSG suppresses the message." (interactive "P")
  (if (and (null arg) (eql (mark t) (point)))
      (progn (activate-mark) (unless nomsg (message "Mark activated")))
    (push-mark nil nomsg t)))

(defun set-mark-command (arg) "Set the mark at point, saving the old one on `mark-ring'.
With ARG, go to the mark instead and drop it for the one before." (interactive "P")
  (if arg
      (pop-to-mark-command)
    (push-mark-command nil)))

(defun mark-whole-buffer () "Put point at the start of the accessible text and the mark at its end." (interactive)
  (push-mark (point))
  (goto-char (point-min))
  (push-mark (point-max) nil t))

(defun mark-word (&optional arg allow-extend) "Set the mark ARG words away from point, leaving point where it is.
With ALLOW-EXTEND, right after another `mark-word' with an active mark,
move the mark that many words further instead." (interactive "P\np")
  (let ((count (prefix-numeric-value arg))
        (extend (and allow-extend
                     (or (region-active-p)
                         (and (mark t) (eq last-command this-command))))))
    (let ((target (save-excursion
                    (when extend (goto-char (mark t)))
                    (forward-word count)
                    (point))))
      (if extend
          (set-marker (mark-marker) target)
        (push-mark target nil t)))))

(defun region-bounds () "The region as a list of (START . END) pieces, as `region-extract-function' gives it."
  (funcall region-extract-function 'bounds))

(defun region-noncontiguous-p () "Non-nil when the region is made of more than one piece."
  (let ((pieces (region-bounds)))
    (and (> (length pieces) 1) t)))

(defun region-modifiable-p (start end) "Non-nil when no text from START to END has a `read-only' property."
  (not (text-property-not-all start end 'read-only nil)))

(defun save-mark-and-excursion--save () "The mark's state for `save-mark-and-excursion--restore': a copy of it and its activity."
  (cons (copy-marker (mark-marker)) mark-active))

(defun save-mark-and-excursion--restore (saved) "Put the mark back as SAVED by `save-mark-and-excursion--save'."
  (let ((where (car saved)))
    (set-marker (mark-marker) (marker-position where) (marker-buffer where))
    (set-marker where nil)
    (if (cdr saved)
        (unless mark-active (activate-mark))
      (when mark-active (deactivate-mark)))))

(defmacro save-mark-and-excursion (&rest body) "Like `save-excursion', and the mark and whether it is active are restored too."
  (declare (indent 0) (debug t))
  `(simple-move--keeping-mark (lambda () (save-excursion ,@body))))

(defun simple-move--keeping-mark (thunk) "Call THUNK, then put the mark back as it was before, active or not."
  (let ((before (save-mark-and-excursion--save)))
    (unwind-protect (funcall thunk)
      (save-mark-and-excursion--restore before))))

;;;; The buffer's ends and lines

(defun simple-move--tenths (raw from-end) "Position RAW tenths of the way through the accessible text; FROM-END counts from its end."
  (let* ((part (/ (* (- (point-max) (point-min)) (prefix-numeric-value raw)) 10)))
    (max (point-min) (min (point-max) (if from-end (- (point-max) part) (+ (point-min) part))))))

(defun simple-move--leave-mark (raw) "Push the mark at point before a jump, unless RAW is a cons or the region is active."
  (unless (or (consp raw) (region-active-p))
    (push-mark)))

(defun simple-move--jump (raw to-end) "Go to the start (the end if TO-END) of the accessible text, or by tenths for a numeric RAW."
  (cond ((or (null raw) (consp raw))
         (goto-char (if to-end (point-max) (point-min)))
         nil)
        (t (goto-char (simple-move--tenths raw to-end))
           (forward-line 1))))

(defun beginning-of-buffer (&optional arg) "Go to the start of the accessible text, leaving the mark where point was.
With a numeric ARG N, go to the line after the point N tenths of the way in." (interactive "^P")
  (simple-move--leave-mark arg)
  (simple-move--jump arg nil))

(defun end-of-buffer (&optional arg) "Go to the end of the accessible text, leaving the mark where point was.
With a numeric ARG N, go to the line after the point N tenths back from the end." (interactive "^P")
  (simple-move--leave-mark arg)
  (simple-move--jump arg t))

(defun goto-line (line &optional buffer relative) "Go to the start of line LINE, counting from 1, and return point.
BUFFER, when given, is switched to first.  Lines count from the start of
the buffer, which is widened when needed, unless RELATIVE is non-nil:
then they count from the start of the accessible text."
  (interactive (list (read-number "Goto line: ") nil current-prefix-arg))
  (when (and buffer (not (eq (get-buffer buffer) (current-buffer))))
    (switch-to-buffer buffer))
  (simple-move--leave-mark nil)
  (let ((target (save-restriction
                  (unless relative (widen))
                  (goto-char (point-min))
                  (forward-line (1- line))
                  (point))))
    (when (or (< target (point-min)) (> target (point-max)))
      (widen))
    (goto-char target)))

(defun goto-line-relative (line &optional buffer) "Go to line LINE counted from the start of the accessible text."
  (interactive (list (read-number "Goto line: ")))
  (goto-line line buffer t))

(defun simple-move--words-between (start end) "How many words there are from START to END, as `forward-word' finds them."
  (save-excursion (save-restriction
                    (narrow-to-region start end)
                    (goto-char (point-min))
                    (let ((n 0))
                      (while (forward-word-strictly 1)
                        (setq n (1+ n)))
                      n))))

(defun simple-move--plural (n noun) "N followed by NOUN, with an s unless N is 1."
  (format "%d %s%s" n noun (if (eql n 1) "" "s")))

(defun count-words--format (what start end) "The sentence saying how many lines, words and characters WHAT, from START to END, has."
  (concat what " has "
          (simple-move--plural (count-lines start end) "line") ", "
          (simple-move--plural (simple-move--words-between start end) "word") ", and "
          (simple-move--plural (- end start) "character") "."))

(defun count-words--message (str start end) "Report the counts of the text from START to END, calling it STR."
  (message "%s" (count-words--format str start end)))

(defun count-words--buffer-message () "Report the counts of the accessible text of the buffer."
  (count-words--message "Buffer" (point-min) (point-max)))

(defun count-words (start end) "Count the words from START to END; interactively, report lines, words and characters.
Interactively the region is counted when active, else the whole buffer."
  (interactive (and (use-region-p) (list (region-beginning) (region-end))))
  (if (called-interactively-p 'any)
      (if start (count-words--message "Region" start end)
        (count-words--buffer-message))
    (simple-move--words-between start end)))

(defun count-words-region (start end &optional arg) "Count the words from START to END; ARG counts the whole buffer, interactively."
  (interactive (list (region-beginning) (region-end) current-prefix-arg))
  (if (called-interactively-p 'any)
      (if arg (count-words--buffer-message) (count-words--message "Region" start end))
    (count-words start end)))

(defalias 'count-lines-region #'count-words-region)

(defun what-line () "Say which line point is on, and within the narrowing if the buffer is narrowed." (interactive)
  (let ((here (line-number-at-pos)))
    (if (buffer-narrowed-p)
        (message "line %d (narrowed line %d)" (line-number-at-pos nil t) here)
      (message "Line %d" here))))

(defun simple-move--word-around (pos syntaxes) "Bounds of the run of SYNTAXES characters touching POS, or nil."
  (save-excursion (goto-char pos)
                  (let ((start (progn (skip-syntax-backward syntaxes) (point)))
                        (end (progn (skip-syntax-forward syntaxes) (point))))
                    (and (< start end) (cons start end)))))

(defun current-word (&optional strict really-word) "The symbol or word at or next to point, as a string without properties.
Without STRICT, a word elsewhere on the line will do, the nearest before
point first.  REALLY-WORD non-nil means words only, not symbols."
  (let* ((syntaxes (if really-word "w" "w_"))
         (here (simple-move--word-around (point) syntaxes)))
    (unless (or here strict)
      (let ((bol (line-beginning-position))
            (eol (line-end-position)))
        (save-excursion (skip-syntax-backward (concat "^" syntaxes) bol)
                        (setq here (simple-move--word-around (point) syntaxes))
                        (unless here
                          (skip-syntax-forward (concat "^" syntaxes) eol)
                          (setq here (simple-move--word-around (point) syntaxes))))))
    (and here (buffer-substring-no-properties (car here) (cdr here)))))

;;;; Vertical motion

(defconst simple-move--vertical-commands
  '(next-line previous-line next-logical-line previous-logical-line)
  "Commands after which vertical motion keeps the column it was heading for.")

(defun simple-move--goal () "The column this vertical motion heads for.
A motion that does not continue a vertical one notes point's column in
`temporary-goal-column' first, even when `goal-column' overrides it."
  (unless (memq last-command simple-move--vertical-commands)
    (setq temporary-goal-column
          (if (and track-eol (eolp) (not (bolp))) most-positive-fixnum
            (current-column))))
  (or goal-column temporary-goal-column))

(defun line-move-to-column (col) "Go to column COL on this line, or as near as the line allows."
  (move-to-column col))

(defun line-move-finish (column opoint forward) "End a vertical move from OPOINT at COLUMN, FORWARD saying which way it went."
  (ignore opoint forward)
  (line-move-to-column column))

(defun line-move-1 (arg &optional noerror _to-end) "Move ARG lines down (up if negative) to the goal column.
At the buffer's edge, stop there and signal `end-of-buffer' or
`beginning-of-buffer', unless NOERROR."
  (let* ((column (simple-move--goal))
         (short (forward-line arg))
         (hit-edge (or (/= short 0)
                       (and (> arg 0) (eobp) (not (bolp))))))
    (if hit-edge
        (progn (goto-char (if (> arg 0) (point-max) (point-min)))
               (unless noerror
                 (signal (if (> arg 0) 'end-of-buffer 'beginning-of-buffer) nil))
               nil)
      (line-move-finish column nil (> arg 0))
      t)))

(defun line-move (arg &optional noerror to-end _try-vscroll) "Move ARG lines down (up if negative), keeping the column; see `line-move-1'."
  (line-move-1 arg noerror to-end))

(defun line-move-visual (arg &optional noerror) "Move ARG screen lines; without a display these are the logical lines."
  (line-move-1 arg noerror))

(defun next-line (&optional arg _try-vscroll) "Move down ARG lines (one by default), keeping the column.
On the last line, `next-line-add-newlines' non-nil adds a line to move to." (interactive "^p\np")
  (let ((n (or arg 1)))
    (if (and next-line-add-newlines (= n 1)
             (save-excursion (end-of-line) (eobp)))
        (progn (end-of-line) (insert "\n"))
      (line-move n))
    nil))

(defun previous-line (&optional arg _try-vscroll) "Move up ARG lines (one by default), keeping the column." (interactive "^p\np")
  (line-move (- (or arg 1)))
  nil)

(defun simple-move--by-text-lines (command arg try-vscroll) "Run the vertical motion COMMAND with ARG and TRY-VSCROLL over text lines, not screen lines."
  (let ((line-move-visual nil))
    (funcall command arg try-vscroll)))

(defun next-logical-line (&optional arg try-vscroll) "Like `next-line', by lines of the text rather than of the screen." (interactive "^p\np")
  (simple-move--by-text-lines #'next-line arg try-vscroll))

(defun previous-logical-line (&optional arg try-vscroll) "Like `previous-line', by lines of the text rather than of the screen." (interactive "^p\np")
  (simple-move--by-text-lines #'previous-line arg try-vscroll))

(defun move-end-of-line (arg) "Go to the end of the line, or of the line ARG - 1 lines down." (interactive "^p")
  (let ((lines (1- (or arg 1))))
    (if (and (< lines 0) (< (+ (line-number-at-pos) lines) 1))
        ;; No line that far up: the motion stops at the start of the text.
        (goto-char (point-min))
      (line-move lines t)
      ;; The end of the line itself, whatever fields lie on it.
      (let ((inhibit-field-text-motion t)) (end-of-line)))))

(defun move-beginning-of-line (arg) "Go to the start of the line, or of the line ARG - 1 lines down." (interactive "^p")
  (let ((lines (1- (or arg 1)))
        (start (point)))
    (unless (zerop lines) (line-move lines t))
    (forward-line 0)
    ;; A field that starts on the line (a prompt, say) keeps point after it.
    (goto-char (constrain-to-field (point) start (/= lines 0) t nil))))

(defun set-goal-column (arg) "Make the current column the goal of vertical motion; with ARG, clear the goal." (interactive "P")
  (setq goal-column (and (not arg) (current-column)))
  (message (if goal-column
               (substitute-command-keys
                (format "Goal column %d (use \\[set-goal-column] with an arg to unset it)"
                        goal-column))
             "No goal column"))
  nil)

(provide 'simple-move)
;;; simple-move.el ends here
