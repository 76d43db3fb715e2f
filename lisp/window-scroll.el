;;; window-scroll.el --- screen lines: vertical motion, scrolling, recentering  -*- lexical-binding: t -*-

;; Part of tsmacs.  GNU has these in C (indent.c, window.c); written from the Elisp manual
;; ("Screen Lines", "Textual Scrolling", "Vertical Scrolling") and from what GNU 28.2 does in
;; batch, where nothing is drawn but a window still has a start and a size.
;;
;; A screen line is a logical line cut to the window's width: when lines are continued, each
;; screen line but the last of a logical line holds one column less than the window's body (the
;; last column shows the continuation glyph); with `truncate-lines' a screen line is a logical
;; line.  Scrolling moves the window's start by screen lines and keeps point on the screen
;; (`scroll-preserve-screen-position' keeps it on the same screen line).

;;; Code:

;; `scroll-preserve-screen-position', `next-screen-context-lines' and `scroll-error-top-bottom'
;; are defined in autoloads.el, as GNU has them from the start.

(defun window-scroll--width (window) "The columns a continued screen line of WINDOW holds, or nil when lines are truncated."
  (unless (or truncate-lines
              (and (bound-and-true-p truncate-partial-width-windows) (not (window-full-width-p window))
                   (if (integerp truncate-partial-width-windows)
                       (< (window-total-width window) truncate-partial-width-windows)
                     t)))
    (max 1 (1- (window-body-width window)))))

(defun window-scroll--row-starts (bol width)
  "The starts of the screen lines of the logical line at BOL, in order, for WIDTH (nil: one)."
  (save-excursion
    (goto-char bol)
    (let ((starts (list bol)) (col 0))
      (when width
        (while (progn (move-to-column (+ col width))
                      (and (not (eolp)) (> (point) (car starts))))
          (push (point) starts)
          (setq col (current-column))))
      (nreverse starts))))

(defun window-scroll--row-start (pos width) "The start of the screen line holding POS."
  (let ((best nil))
    (dolist (s (window-scroll--row-starts (save-excursion (goto-char pos) (line-beginning-position)) width))
      (when (<= s pos) (setq best s)))
    best))

(defun window-scroll--move (from n width)
  "Go N screen lines down (up when negative) from the screen line holding FROM.
Leave point at the start of the line reached and give (LINES-MOVED . POINT)."
  (goto-char (window-scroll--row-start from width))
  (let ((moved 0))
    (if (>= n 0)
        (while (< moved n)
          (let* ((starts (window-scroll--row-starts (line-beginning-position) width))
                 (next (cadr (memq (point) starts))))
            (cond (next (goto-char next) (setq moved (1+ moved)))
                  ((< (line-end-position) (point-max))
                   (forward-line 1) (setq moved (1+ moved)))
                  (t (goto-char (line-end-position)) (setq n moved)))))
      (while (< moved (- n))
        (let* ((starts (window-scroll--row-starts (line-beginning-position) width))
               (before nil))
          (dolist (s starts) (when (< s (point)) (setq before s)))
          (cond (before (goto-char before) (setq moved (1+ moved)))
                ((> (point) (point-min))
                 (forward-line -1)
                 (goto-char (car (last (window-scroll--starts-here width))))
                 (setq moved (1+ moved)))
                (t (setq n (- moved))))))
      (setq moved (- moved)))
    (cons moved (point))))

(defun window-scroll--starts-here (width) "The screen line starts of the logical line at point."
  (window-scroll--row-starts (line-beginning-position) width))

(defun vertical-motion (lines &optional window _cur-col) "Move point LINES screen lines down (up when negative) in WINDOW's layout.
Point ends at the start of a screen line; return how many lines it moved.  LINES may be
\(COLS . LINES), COLS being the column to end at."
  (let* ((w (or window (selected-window)))
         (cols (and (consp lines) (car lines)))
         (n (if (consp lines) (cdr lines) lines)))
    (unless (integerp n) (signal 'wrong-type-argument (list 'integerp n)))
    (let ((moved (car (window-scroll--move (point) n (window-scroll--width w)))))
      (when (numberp cols) (move-to-column (+ (current-column) (truncate cols))))
      moved)))

(defun window-scroll--check (window what)
  "Signal unless WINDOW shows the current buffer; WHAT says which error."
  (unless (eq (window-buffer window) (current-buffer))
    (if (eq what 'recenter)
        (error "`recenter'ing a window that does not display current-buffer.")
      (error "move-to-window-line called from unrelated buffer"))))

(defun window-scroll--line-number (arg height) "The window line ARG names among HEIGHT: nil the middle, negative from the bottom."
  (cond ((null arg) (/ height 2))
        ((< (prefix-numeric-value arg) 0) (max 0 (+ height (prefix-numeric-value arg))))
        (t (prefix-numeric-value arg))))

(defun move-to-window-line (arg) "Put point at the start of screen line ARG of the selected window (0 is the top).
nil means the middle line, a negative ARG counts from the bottom.  Return the line reached."
  (interactive "P")
  (let ((w (selected-window)))
    (window-scroll--check w 'move)
    (let ((line (window-scroll--line-number arg (window-body-height w))))
      (car (window-scroll--move (window-start w) line (window-scroll--width w))))))

(defun recenter (&optional arg _redisplay) "Scroll the selected window so that point's line is in its middle.
With ARG, put it on window line ARG instead; a negative ARG counts from the bottom."
  (interactive "P")
  (let ((w (selected-window)))
    (window-scroll--check w 'recenter)
    (let* ((height (window-body-height w))
           (line (min (1- (max height 1)) (window-scroll--line-number arg height))))
      (save-excursion
        (set-window-start w (cdr (window-scroll--move (point) (- line) (window-scroll--width w))))))
    nil))

(defun window-scroll--row-of (w pos width) "How many screen lines of W POS lies below the window's start."
  (save-excursion
    (let ((start (window-start w)) (n 0))
      (goto-char start)
      (while (and (< (point) pos) (= (car (window-scroll--move (point) 1 width)) 1)
                  (<= (point) pos))
        (setq n (1+ n)))
      n)))

(defun window-scroll--by (n command)
  "Move the selected window's start N screen lines down (up when negative); COMMAND is non-nil
for the scroll commands.  Signal `end-of-buffer' or `beginning-of-buffer' when it cannot."
  (let* ((w (selected-window))
         (width (window-scroll--width w))
         (height (window-body-height w))
         (row (window-scroll--row-of w (point) width))
         (old-start (if (or (< (point) (window-start w)) (>= row height))
                        ;; Point is off the window: as a redisplay would, center it first.
                        (progn (recenter) (setq row (window-scroll--row-of w (point) width))
                               (window-start w))
                      (window-start w)))
         (col (current-column))
         keep new-start)
    (save-excursion
      (let ((moved (window-scroll--move old-start n width)))
        (setq new-start (cdr moved))
        (cond ((and (> n 0) (or (< (car moved) n) (= new-start (point-max))))
               (signal 'end-of-buffer nil))
              ((and (< n 0) (= old-start (point-min)))
               (signal 'beginning-of-buffer nil)))))
    (set-window-start w new-start)
    ;; t keeps point's screen line only for the scroll commands, and only when point would
    ;; otherwise leave the window; another non-nil value always keeps it.
    (setq keep (and scroll-preserve-screen-position
                    (or (not (eq scroll-preserve-screen-position t))
                        (and command (or (< (point) new-start)
                                         (>= (window-scroll--row-of w (point) width) height))))))
    (cond (keep
           (goto-char (cdr (save-excursion (window-scroll--move new-start row width))))
           (move-to-column col))
          ((< (point) new-start) (goto-char new-start))
          ((>= (window-scroll--row-of w (point) width) height)
           (goto-char (cdr (save-excursion (window-scroll--move new-start (1- height) width))))))
    nil))

(defun window-scroll--amount (arg) "Lines a scroll by ARG moves: a screenful less the context lines for nil."
  (cond ((null arg) (max 1 (- (window-body-height) next-screen-context-lines)))
        ((eq arg '-) nil)
        (t (prefix-numeric-value arg))))

(defun scroll-up (&optional arg) "Scroll the text of the selected window up ARG lines, a screenful when nil; `-' scrolls down."
  (interactive "^P")
  (let ((n (window-scroll--amount arg)))
    (if n (window-scroll--by n nil) (scroll-down nil))))

(defun scroll-down (&optional arg) "Scroll the text of the selected window down ARG lines, a screenful when nil; `-' scrolls up."
  (interactive "^P")
  (let ((n (window-scroll--amount arg)))
    (if n (window-scroll--by (- n) nil) (scroll-up nil))))

(defun scroll-up-command (&optional arg) "Scroll up ARG lines, or a screenful; with `scroll-error-top-bottom' go to the end of the buffer before signaling."
  (interactive "^P")
  (let ((n (window-scroll--amount arg)))
    (if (null n) (scroll-down-command nil)
      (condition-case err
          (window-scroll--by n t)
        (end-of-buffer
         (if (and scroll-error-top-bottom (< (point) (point-max))) (goto-char (point-max))
           (signal (car err) (cdr err))))))))

(defun scroll-down-command (&optional arg) "Scroll down ARG lines, or a screenful; with `scroll-error-top-bottom' go to the start of the buffer before signaling."
  (interactive "^P")
  (let ((n (window-scroll--amount arg)))
    (if (null n) (scroll-up-command nil)
      (condition-case err
          (window-scroll--by (- n) t)
        (beginning-of-buffer
         (if (and scroll-error-top-bottom (> (point) (point-min))) (goto-char (point-min))
           (signal (car err) (cdr err))))))))

(defun count-screen-lines (&optional beg end count-final-newline window) "How many screen lines of WINDOW the text from BEG to END (default: the accessible part) takes.
A newline ending the text adds the empty line after it only with COUNT-FINAL-NEWLINE."
  (let* ((from (min (or beg (point-min)) (or end (point-max))))
         (to (max (or beg (point-min)) (or end (point-max))))
         (width (window-scroll--width (or window (selected-window)))))
    (if (= from to) 0
      (save-excursion
        (save-restriction
          (narrow-to-region from to)
          (let ((lines (1+ (car (window-scroll--move (point-min) (buffer-size) width)))))
            (if (and (not count-final-newline) (eq (char-before (point-max)) ?\n))
                (1- lines)
              lines)))))))

(defun compare-window-configurations (config1 config2) "Non-nil when window configurations CONFIG1 and CONFIG2 have the same windows, buffers and selected window.
Points and starts do not count."
  (unless (window-configuration-p config1) (signal 'wrong-type-argument (list 'window-configuration-p config1)))
  (unless (window-configuration-p config2) (signal 'wrong-type-argument (list 'window-configuration-p config2)))
  (let ((layout (lambda (config)
                  ;; Frame, root, selected window, then each window's buffer and tree links (a restored tree
                  ;; may sit a line lower in batch, as GNU's does, and still compares equal).
                  (cons (list (aref config 1) (aref config 2) (aref config 3))
                        (mapcar (lambda (entry)
                                  (let ((slots (nth 1 entry)))
                                    (cons (car entry) (mapcar (lambda (i) (aref slots i)) '(2 5 6 7 8 9)))))
                                (aref config 4))))))
    (equal (funcall layout config1) (funcall layout config2))))

(defvar recenter-positions '(middle top bottom) "Where successive `recenter-top-bottom's put point's line: middle, top, bottom, a line number or a fraction.")
(defvar recenter-last-op nil "Where the last `recenter-top-bottom' put point's line.")

(defun recenter-top-bottom (&optional arg) "Recenter point's line; run again at once, put it at the next of `recenter-positions'.
With ARG, put it on window line ARG, as `recenter' does."
  (interactive "P")
  (if arg
      (recenter arg t)
    (setq recenter-last-op
          (if (eq this-command last-command)
              (car (or (cdr (member recenter-last-op recenter-positions)) recenter-positions))
            (car recenter-positions)))
    (let ((op recenter-last-op))
      (recenter (pcase op
                  ('middle nil)
                  ('top 0)
                  ('bottom -1)
                  ((pred floatp) (round (* op (window-body-height))))
                  (_ op))
                t))))

(provide 'window-scroll)

;;; window-scroll.el ends here
