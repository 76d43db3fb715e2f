;;; simple-args.el --- prefix-argument commands and the next-error dispatcher  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the prefix-argument
;; commands and the next-error commands of its simple.el); autoloaded.

;;;; Prefix arguments

;; The variables, made special with the values GNU starts with.
(dolist (spec '((prefix-command-preserve-state-hook (universal-argument--preserve)
                 "Functions run by `prefix-command-preserve-state' to keep prefix state for the next command.")
                (prefix-command-echo-keystrokes-functions (universal-argument--description)
                 "Functions giving the text a prefix command adds to the echoed keystrokes.")))
  (eval `(defvar ,(car spec) ',(nth 1 spec) ,(nth 2 spec)) t))

;;;###autoload
(defvar universal-argument-map
  (let ((keys (make-sparse-keymap)) (c ?0))
    (while (<= c ?9)
      (define-key keys (string c) 'digit-argument)
      (setq c (1+ c)))
    (define-key keys "-" 'negative-argument)
    (define-key keys "\C-u" 'universal-argument-more)
    keys)
  "Keymap active while a prefix argument is being typed.")

(defun prefix-command-preserve-state () "Keep the state of a prefix command for the command after it."
  (run-hooks 'prefix-command-preserve-state-hook))

(defun prefix-command-update () "Tell the command loop that a prefix command changed the echoed keystrokes."
  nil)

(defun universal-argument--preserve () "Carry the prefix argument being typed over to the next command."
  (setq prefix-arg current-prefix-arg))

(defun simple-args--c-u-count (n) "Give how many C-u make the list argument (N), or nil when N is no power of four."
  (let ((k 0))
    (while (and (> n 1) (= 0 (% n 4)))
      (setq n (/ n 4) k (1+ k)))
    (and (= n 1) (> k 0) k)))

(defun universal-argument--description () "Give the echo text for the prefix argument typed so far, or nil when there is none."
  (let* ((arg prefix-arg)
         (times (and (consp arg) (integerp (car arg)) (simple-args--c-u-count (car arg)))))
    (cond (times (mapconcat #'identity (make-list times "C-u") " "))
          (arg (format "C-u %s" arg)))))

(defun universal-argument--mode () "Keep reading a prefix argument: its keys stay bound for the next key."
  (prefix-command-update))

(defun simple-args--store (value &optional done) "Keep the prefix state, make VALUE the prefix argument and, unless DONE, keep reading one."
  (prefix-command-preserve-state)
  (setq prefix-arg value)
  (unless done (universal-argument--mode)))

(defun universal-argument () "Start a prefix argument of four; more \\[universal-argument] multiply it by four." (interactive)
  (simple-args--store (list 4)))

(defun universal-argument-more (arg) "Multiply the prefix argument ARG by four, or finish it when it is a number." (interactive "P")
  (cond ((consp arg) (simple-args--store (list (* (car arg) 4))))
        ((eq arg '-) (simple-args--store (list -4)))
        (t (simple-args--store arg t))))

(defun negative-argument (arg) "Make the prefix argument negative: ARG negated, or `-' when ARG is no number." (interactive "P")
  (simple-args--store (cond ((integerp arg) (- 0 arg))
                            ((not (eq arg '-)) '-))))

(defun digit-argument (arg) "Add the digit of the key just typed to the prefix argument ARG." (interactive "P")
  (let* ((ev last-command-event)
         (d (- (logand (if (integerp ev) (event-basic-type ev) ev) 127) ?0)))
    (simple-args--store (cond ((integerp arg) (if (< arg 0) (- (* 10 arg) d) (+ (* 10 arg) d)))
                              ((eq arg '-) (if (= d 0) '- (- 0 d)))
                              (t d)))))

;;;; next-error

;; The variables of next-error are preloaded, in simple.el.

(defun next-error-buffer-p (buffer &optional avoid-current extra-test-inclusive extra-test-exclusive) "Tell whether BUFFER is live and lists loci for `next-error'.
With AVOID-CURRENT the current buffer does not count.  A buffer with a `next-error-function'
counts unless EXTRA-TEST-EXCLUSIVE, called there, gives nil; any buffer counts when
EXTRA-TEST-INCLUSIVE, called there, gives non-nil."
  (unless (bufferp buffer) (signal 'wrong-type-argument (list 'bufferp buffer)))
  (when (and (buffer-live-p buffer)
             (not (and avoid-current (eq (current-buffer) buffer))))
    (with-current-buffer buffer
      (cond ((and next-error-function
                  (if extra-test-exclusive (funcall extra-test-exclusive) t)))
            ((and extra-test-inclusive (funcall extra-test-inclusive)) t)))))

(defun next-error-find-buffer (&optional avoid-current extra-test-inclusive extra-test-exclusive) "Give the buffer `next-error' should use, or signal an error when none lists loci.
The arguments are passed on to `next-error-buffer-p'."
  (let ((ok (lambda (b avoid) (and b (next-error-buffer-p b avoid extra-test-inclusive extra-test-exclusive) b))))
    (or (funcall next-error-find-buffer-function avoid-current extra-test-inclusive extra-test-exclusive)
        (funcall ok next-error-last-buffer avoid-current)
        (funcall ok (current-buffer) avoid-current)
        (let ((found nil) (bufs (buffer-list)))
          (while (and bufs (not found))
            (setq found (funcall ok (pop bufs) avoid-current)))
          found)
        ;; Last resort: the current buffer even though the caller would rather avoid it.
        (and avoid-current (funcall ok (current-buffer) nil))
        (error "No buffers contain error message locations"))))

(defun simple-args--locus-word (n first) "Give the word `next-error' reports for a move of N loci, from the first when FIRST."
  (cond (first "First")
        ((> n 0) "Next")
        ((< n 0) "Previous")
        (t "Current")))

(defun next-error (&optional arg reset) "Go to the ARGth next locus of the buffer listing loci; a list ARG or RESET starts from the first." (interactive "P")
  (let ((buf (next-error-find-buffer)))
    (setq next-error-last-buffer buf)
    (when buf
      (let* ((from-first (and (or reset (consp arg)) t))
             (n (if (consp arg) 1 (prefix-numeric-value arg))))
        (with-current-buffer buf
          (funcall next-error-function n from-first)
          (setq next-error-buffer buf)
          (run-hooks 'next-error-hook)
          (message "%s locus from %s" (simple-args--locus-word n from-first) (buffer-name buf)))))))

(defun previous-error (&optional n) "Go to the Nth previous locus of the buffer listing loci." (interactive "p")
  (next-error (if n (- n) -1)))

(defun first-error (&optional n) "Go to the Nth locus counted from the first of the buffer listing loci." (interactive "p")
  (next-error n :from-first))

(defun next-error-no-select (&optional n) "Show the Nth next locus, keeping the buffer listing loci current." (interactive "p")
  ;; Only the highlighting differs: no window is selected in batch.
  (dlet ((next-error-highlight next-error-highlight-no-select))
    (next-error n)))

(defun previous-error-no-select (&optional n) "Show the Nth previous locus, keeping the buffer listing loci current." (interactive "p")
  (next-error-no-select (if n (- n) -1)))

(defun next-error-internal () "Visit the locus under point in the buffer listing loci." (interactive)
  (setq next-error-last-buffer (current-buffer))
  (funcall next-error-function 0 nil)
  (run-hooks 'next-error-hook))

;;;; Where the loci lead: helpers GNU's next-error machinery offers

(defun next-error-buffer-unnavigated-current (&optional avoid-current extra-test-inclusive extra-test-exclusive) "The current buffer when it lists loci for `next-error', else nil.
The arguments are as for `next-error-buffer-p'."
  (and (next-error-buffer-p (current-buffer) avoid-current extra-test-inclusive extra-test-exclusive)
       (current-buffer)))

(defun next-error-buffer-on-selected-frame (&optional avoid-current extra-test-inclusive extra-test-exclusive) "The one buffer shown in the selected frame's windows that lists loci, else nil.
The arguments are as for `next-error-buffer-p'.  Without windows (tsmacs is
always in batch and keeps none) no buffer is shown, so the answer is nil."
  (let ((shown (and (fboundp 'window-list)
                    (delete-dups (mapcar #'window-buffer (window-list)))))
        (hits nil))
    (dolist (buf shown)
      (when (next-error-buffer-p buf avoid-current extra-test-inclusive extra-test-exclusive)
        (push buf hits)))
    (and hits (null (cdr hits)) (car hits))))

;;;###autoload
(defvar-local next-error--message-highlight-overlay nil "The overlay that marks the current locus's line in the buffer listing loci.")

(defun next-error-message-highlight (error-buffer) "Mark the line at point in ERROR-BUFFER as the current locus's, as `next-error-message-highlight' asks.
With that option nil nothing is marked and nil returned; with `keep' each
line marked stays so; otherwise one overlay moves along.  Return the overlay."
  (when next-error-message-highlight
    (with-current-buffer error-buffer
      (let ((from (line-beginning-position))
            (to (min (point-max) (1+ (line-end-position))))
            (reuse (and (not (eq next-error-message-highlight 'keep))
                        (overlayp next-error--message-highlight-overlay)
                        next-error--message-highlight-overlay)))
        (if reuse
            (move-overlay reuse from to (current-buffer))
          (let ((ov (make-overlay from to)))
            (overlay-put ov 'priority -50)
            (overlay-put ov 'face 'next-error-message)
            (overlay-put ov 'window (and (fboundp 'get-buffer-window) (get-buffer-window)))
            (setq next-error--message-highlight-overlay ov)))
        next-error--message-highlight-overlay))))

(defun next-error-found (&optional from-buffer to-buffer) "Note that a locus of FROM-BUFFER was shown in TO-BUFFER (both the current buffer by default).
FROM-BUFFER becomes `next-error-last-buffer'; `next-error-found-function' is
called with the two arguments as given, and `next-error-hook' run.  Return nil."
  (let ((from (or from-buffer (current-buffer))))
    (setq next-error-last-buffer from)
    (funcall next-error-found-function from-buffer to-buffer)
    (next-error-message-highlight from)
    (run-hooks 'next-error-hook)
    nil))

(defun next-error-quit-window (from-buffer to-buffer) "Quit the window showing FROM-BUFFER when a locus took us to another buffer, TO-BUFFER.
A value for `next-error-found-function'; with no windows it does nothing."
  (let ((win (and (fboundp 'get-buffer-window) (get-buffer-window from-buffer))))
    (when (and win (not (eq from-buffer to-buffer)))
      (quit-window nil win))
    nil))

;;;###autoload
(defvar-local next-error-follow-last-line nil "The line `next-error-follow-minor-mode' last showed the locus of.")

(define-minor-mode next-error-follow-minor-mode
  "Show the locus of the line point moves to, in a buffer listing loci."
  :lighter " Fol"
  (if next-error-follow-minor-mode
      (add-hook 'post-command-hook #'next-error-follow-mode-post-command-hook nil t)
    (remove-hook 'post-command-hook #'next-error-follow-mode-post-command-hook t)))

(defun next-error-follow-mode-post-command-hook () "After a command, show the locus of point's line if point moved to another line.
Give t when showing it failed."
  (let ((line (line-number-at-pos)))
    (unless (equal line next-error-follow-last-line)
      (setq next-error-follow-last-line line)
      (condition-case nil
          (progn (next-error-no-select 0) nil)
        (error t)))))

(defun next-error-select-buffer (buffer) "Make BUFFER the one `next-error' uses from now on, here and in general." (interactive (list (get-buffer (read-buffer "Select next-error buffer: " nil t))))
  (setq-default next-error-last-buffer buffer)
  (setq next-error-last-buffer buffer))

(provide 'simple-args)
;;; simple-args.el ends here
