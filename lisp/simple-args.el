;;; simple-args.el --- prefix-argument commands and the next-error dispatcher  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (simple.el's
;; digit-argument family and next-error family); autoloaded.

;;;; Prefix arguments

(defvar prefix-command-preserve-state-hook nil "Functions run by `prefix-command-preserve-state' to keep prefix state for the next command.")
(defvar prefix-command-echo-keystrokes-functions nil "Functions giving the text a prefix command adds to the echoed keystrokes.")
(add-hook 'prefix-command-preserve-state-hook #'universal-argument--preserve)
(add-hook 'prefix-command-echo-keystrokes-functions #'universal-argument--description)

(defvar universal-argument-map
  (let ((map (make-sparse-keymap)))
    (define-key map [?\C-u] #'universal-argument-more)
    (define-key map "-" #'negative-argument)
    (dotimes (d 10)
      (define-key map (vector (+ ?0 d)) #'digit-argument))
    map)
  "Keymap active while a prefix argument is being typed.")

(defun prefix-command-preserve-state () "Keep the state of a prefix command for the command after it."
  (run-hooks 'prefix-command-preserve-state-hook)
  (setq prefix-arg prefix-arg))

(defun prefix-command-update () "Tell the command loop that a prefix command changed the echoed keystrokes."
  nil)

(defun universal-argument--preserve () "Carry the prefix argument being typed over to the next command."
  (setq prefix-arg current-prefix-arg))

(defun universal-argument--description () "Give the echo text for the prefix argument typed so far, or nil when there is none."
  (let ((arg prefix-arg))
    (cond ((null arg) nil)
          ((and (consp arg) (integerp (car arg)) (> (car arg) 0)
                (= (logcount (car arg)) 1) (zerop (% (logb (car arg)) 2)))
           ;; (4), (16), (64)...: one C-u per factor of four.
           (let ((n (car arg)) (parts nil))
             (while (> n 1) (push "C-u" parts) (setq n (/ n 4)))
             (mapconcat #'identity parts " ")))
          (t (concat "C-u " (if (eq arg '-) "-" (format "%s" arg)))))))

(defun universal-argument--mode () "Keep reading a prefix argument: its keys stay bound for the next key."
  (prefix-command-update))

(defun universal-argument () "Start a prefix argument of four; more \\[universal-argument] multiply it by four." (interactive)
  (prefix-command-preserve-state)
  (setq prefix-arg (list 4))
  (universal-argument--mode))

(defun universal-argument-more (arg) "Multiply the prefix argument ARG by four, or finish it when it is a number." (interactive "P")
  (prefix-command-preserve-state)
  (setq prefix-arg (cond ((consp arg) (list (* 4 (car arg))))
                         ((eq arg '-) (list -4))
                         (t arg)))
  (when (consp prefix-arg) (universal-argument--mode)))

(defun negative-argument (arg) "Make the prefix argument negative: ARG negated, or `-' when ARG is no number." (interactive "P")
  (prefix-command-preserve-state)
  (setq prefix-arg (cond ((integerp arg) (- arg))
                         ((eq arg '-) nil)
                         (t '-)))
  (universal-argument--mode))

(defun digit-argument (arg) "Add the digit of the key just typed to the prefix argument ARG." (interactive "P")
  (prefix-command-preserve-state)
  (let* ((key (if (integerp last-command-event) (event-basic-type last-command-event) last-command-event))
         (digit (- (logand key ?\177) ?0)))
    (setq prefix-arg (cond ((integerp arg) (+ (* arg 10) (if (< arg 0) (- digit) digit)))
                           ((eq arg '-) (if (zerop digit) '- (- digit)))
                           (t digit))))
  (universal-argument--mode))

;;;; next-error

(defvar next-error-last-buffer nil "The buffer `next-error' last moved through.")
(defvar next-error-find-buffer-function #'ignore "Function asked first by `next-error-find-buffer'; a non-nil answer is the buffer to use.")
(defvar next-error-hook nil "Hook run after `next-error' has moved to a locus.")
(defvar next-error-highlight 0.5 "How long `next-error' highlights a locus.")
(defvar next-error-highlight-no-select 0.5 "How long `next-error-no-select' highlights a locus.")
(defvar next-error-verbose t "Non-nil means `next-error' reports in the echo area which buffer it used.")
(defvar next-error-recenter nil "Where `next-error' puts the locus in its window, or nil.")
(defvar-local next-error-buffer nil "The buffer whose locus this buffer's last `next-error' visited.")
(defvar-local next-error-function nil "In a buffer listing loci, the function `next-error' calls with a count and a reset flag.")
(defvar-local next-error-move-function nil "Function that moves to the next locus in a buffer listing loci, or nil.")

(defun next-error-buffer-p (buffer &optional avoid-current extra-test-inclusive extra-test-exclusive) "Tell whether BUFFER is live and lists loci for `next-error'.
With AVOID-CURRENT the current buffer does not count.  A buffer with a `next-error-function'
counts unless EXTRA-TEST-EXCLUSIVE, called there, gives nil; any buffer counts when
EXTRA-TEST-INCLUSIVE, called there, gives non-nil."
  (and (buffer-name buffer)
       (not (and avoid-current (eq buffer (current-buffer))))
       (with-current-buffer buffer
         (or (and next-error-function
                  (or (null extra-test-exclusive) (funcall extra-test-exclusive)))
             (and extra-test-inclusive (funcall extra-test-inclusive) t)))))

(defun next-error-find-buffer (&optional avoid-current extra-test-inclusive extra-test-exclusive) "Give the buffer `next-error' should use, or signal an error when none lists loci.
The arguments are passed on to `next-error-buffer-p'."
  (let ((usable (lambda (b) (next-error-buffer-p b avoid-current extra-test-inclusive extra-test-exclusive))))
    (or (funcall next-error-find-buffer-function avoid-current extra-test-inclusive extra-test-exclusive)
        (and next-error-last-buffer (funcall usable next-error-last-buffer) next-error-last-buffer)
        (and (funcall usable (current-buffer)) (current-buffer))
        (seq-find usable (buffer-list))
        ;; Last resort: the current buffer even though the caller would rather avoid it.
        (and avoid-current (next-error-buffer-p (current-buffer) nil extra-test-inclusive extra-test-exclusive)
             (current-buffer))
        (error "No buffers contain error message locations"))))

(defun next-error (&optional arg reset) "Go to the ARGth next locus of the buffer listing loci; a list ARG or RESET starts from the first." (interactive "P")
  (when (setq next-error-last-buffer (next-error-find-buffer))
    (with-current-buffer next-error-last-buffer
      (let ((n (prefix-numeric-value arg))
            (first (or reset (consp arg))))
        (funcall next-error-function (if (consp arg) 1 n) first)
        (setq next-error-buffer (current-buffer))
        (run-hooks 'next-error-hook)
        (message "%s locus from %s"
                 (cond (first "First") ((< n 0) "Previous") ((zerop n) "Current") (t "Next"))
                 (buffer-name next-error-last-buffer))))))

(defun previous-error (&optional n) "Go to the Nth previous locus of the buffer listing loci." (interactive "p")
  (next-error (- (or n 1))))

(defun first-error (&optional n) "Go to the Nth locus counted from the first of the buffer listing loci." (interactive "p")
  (next-error n t))

(defun next-error-no-select (&optional n) "Show the Nth next locus, keeping the buffer listing loci current." (interactive "p")
  (let ((next-error-highlight next-error-highlight-no-select))
    (next-error n)))

(defun previous-error-no-select (&optional n) "Show the Nth previous locus, keeping the buffer listing loci current." (interactive "p")
  (next-error-no-select (- (or n 1))))

(defun next-error-internal () "Visit the locus under point in the buffer listing loci." (interactive)
  (setq next-error-last-buffer (current-buffer))
  (funcall next-error-function 0 nil)
  (run-hooks 'next-error-hook))

(provide 'simple-args)
;;; simple-args.el ends here
