;;; display-odds.el --- small commands of GNU's preloaded files about the mode line and display  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; GNU preloads these (bindings.el's mode-line mouse commands, simple.el's
;; `set-selective-display' and `max-mini-window-lines', subr.el's position
;; helpers, and syntax.c's describer of one syntax descriptor); here they
;; are autoloaded, so a start does not pay for them.

;;; Code:

;;;; The mode line's mouse commands: each acts on the window the event is in.

(defmacro display-odds--in-event-window (event &rest body) "Run BODY with the window of EVENT's start selected."
  (declare (indent 1))
  (let ((window (make-symbol "window")))
    `(let ((,window (posn-window (event-start ,event))))
       (unless (window-live-p ,window)
         (signal 'wrong-type-argument (list 'window-live-p ,window)))
       (with-selected-window ,window ,@body))))

(defun mode-line-toggle-read-only (event) "Make the buffer of EVENT's window read-only, or writable again."
  (interactive "e")
  (display-odds--in-event-window event
    (read-only-mode 'toggle)))

(defun mode-line-toggle-modified (event) "Flip the modified flag of the buffer of EVENT's window."
  (interactive "e")
  (display-odds--in-event-window event
    (set-buffer-modified-p (null (buffer-modified-p)))
    (force-mode-line-update)))

(defun mode-line-widen (event) "Remove the narrowing of the buffer of EVENT's window."
  (interactive "e")
  (display-odds--in-event-window event
    (widen)
    (force-mode-line-update)))

(defun mode-line-next-buffer (event) "Show the next buffer in EVENT's window, as `next-buffer' does."
  (interactive "e")
  (display-odds--in-event-window event (next-buffer)))

(defun mode-line-previous-buffer (event) "Show the previous buffer in EVENT's window, as `previous-buffer' does."
  (interactive "e")
  (display-odds--in-event-window event (previous-buffer)))

(defun mode-line-bury-buffer (event) "Put the buffer of EVENT's window at the end of the buffer list, showing another."
  (interactive "e")
  (display-odds--in-event-window event (bury-buffer)))

(defun mode-line-change-eol (event) "Cycle the end-of-line convention of the file of EVENT's window's buffer.
Unix becomes DOS, DOS becomes Mac, Mac becomes Unix."
  (interactive "e")
  (display-odds--in-event-window event
    (let* ((cs buffer-file-coding-system)
           (next (pcase (coding-system-eol-type cs)
                   (0 'dos) (1 'mac) (_ 'unix))))
      (set-buffer-file-coding-system (coding-system-change-eol-conversion cs next))
      (force-mode-line-update))))

;;;; Selective display and the echo area's height (simple.el).

(defun set-selective-display (arg) "Hide the lines indented by more than ARG columns (the prefix argument).
Without ARG, show every line again.  An error when `selective-display'
is t, which hides marked lines instead."
  (interactive "P")
  (when (eq selective-display t)
    (error "selective-display already in use for marked lines"))
  (setq selective-display (and arg (prefix-numeric-value arg)))
  (recenter)
  ;; Said in three pieces straight to the echo area; the last one is the value.
  (let ((echo t))
    (princ "selective-display set to " echo)
    (prin1 selective-display echo)
    (princ "." echo)))

(defun max-mini-window-lines (&optional frame) "How many lines `max-mini-window-height' allows the echo area of FRAME.
A float is that share of the frame's height, an integer a number of
lines; anything else means one line."
  (let ((limit max-mini-window-height))
    (cond ((floatp limit) (* limit (frame-height frame)))
          ((integerp limit) limit)
          (t 1))))

;;;; Positions of mouse events (subr.el).

(defun posn-col-row (position) "The column and row of POSITION, an event position, as (COL . ROW).
They count in the frame's default character size."
  (let ((xy (or (posn-x-y position) '(0 . 0))))
    (cons (/ (car xy) (frame-char-width))
          (/ (cdr xy) (frame-char-height)))))

(defun posn-set-point (position) "Select the window of POSITION, an event position, and move point to its buffer position."
  (let ((window (posn-window position))
        (pos (posn-point position)))
    (unless (integer-or-marker-p pos)
      (error "Position not in text area of window"))
    (if (windowp window) (select-window window))
    (goto-char pos)))

;;;; Hiding a password as it is typed (subr.el's `read-passwd' runs this after each command).

(defun read-password--hide-password () "Show each character of the minibuffer's input as `read-hide-char' (or `*').
Every character gets a `display' property of its own, a fresh string."
  (let ((shown (or read-hide-char ?*)))
    (save-excursion
      (goto-char (minibuffer-prompt-end))
      (while (< (point) (point-max))
        (put-text-property (point) (1+ (point)) 'display (string shown))
        (forward-char 1)))))

;;;; One syntax descriptor in words (syntax.c; `describe-syntax' uses it).

(defconst display-odds--syntax-classes
  ["whitespace" "punctuation" "word" "symbol" "open" "close" "prefix" "string" "math" "escape"
   "charquote" "comment" "endcomment" "inherit" "comment fence" "string fence"]
  "The names of the syntax classes, by code.")

(defconst display-odds--syntax-flags
  '((16 ?1 "first character of a comment-start sequence")
    (17 ?2 "second character of a comment-start sequence")
    (18 ?3 "first character of a comment-end sequence")
    (19 ?4 "second character of a comment-end sequence")
    (20 ?p) (21 ?b) (23 ?c) (22 ?n))
  "Each flag of a descriptor: its bit, its letter, and for the comment-sequence ones what it says.")

(defun internal-describe-syntax-value (syntax) "Insert a description of SYNTAX, a raw syntax descriptor, at point; return SYNTAX.
nil reads \"default\"; anything that is not a descriptor, \"invalid\"."
  (let ((code (car-safe syntax))
        (match (cdr-safe syntax)))
    (cond
     ((null syntax) (insert "default"))
     ((not (and (integerp code)
                (<= 0 (logand code #xffff) 15)
                (>= code 0)
                (or (null match) (characterp match))))
      (insert "invalid"))
     (t
      (let* ((class (logand code #xffff))
             (has (lambda (bit) (/= 0 (logand code (ash 1 bit)))))
             (present (seq-filter (lambda (f) (funcall has (car f))) display-odds--syntax-flags)))
        (insert (syntax-class-to-char class) (or match ?\s)
                (apply #'string (mapcar #'cadr present))
                "\twhich means: " (aref display-odds--syntax-classes class))
        (when match (insert ", matches " match))
        (dolist (f present)
          (when (nth 2 f) (insert ",\n\t  is the " (nth 2 f))))
        (when (funcall has 21) (insert " (comment style b)"))
        (when (funcall has 23) (insert " (comment style c)"))
        (when (funcall has 22) (insert " (nestable)"))
        (when (funcall has 20)
          (insert (format-message ",\n\t  is a prefix character for `backward-prefix-chars'")))))))
  syntax)

(provide 'display-odds)

;;; display-odds.el ends here
