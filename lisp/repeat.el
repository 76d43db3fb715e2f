;;; repeat.el --- repeating the last command, and keymaps that repeat  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Two ways of doing a thing again.  `repeat' (C-x z) runs the previous
;; command once more, and its final key keeps repeating it.  Repeat mode
;; lets a command carry a keymap in its `repeat-map' property: after the
;; command, the keys of that map work alone, without the prefix that
;; first reached the command, until some other key is typed.

;;; Code:

(defgroup repeat nil "Repeating commands." :group 'convenience)

;;;; The `repeat' command.

(defcustom repeat-too-dangerous '(kill-this-buffer) "Commands `repeat' refuses to run again."
  :group 'repeat :type '(repeat function))

(defvar repeat-message-function nil "Function `repeat' calls, like `message', to say what it repeats; nil means `message'.")

(defcustom repeat-on-final-keystroke t "Whether typing the last key of \\[repeat] again repeats once more: t for every key, nil never, or a list of keys."
  :group 'repeat
  :type `(choice ,@(mapcar (lambda (c) `(const :tag ,(car c) ,(cdr c)))
                           '(("Repeat for all keys" . t) ("Don't repeat" . nil)))
                 (sexp :tag "Repeat for specific keys") ; a list of keys
                 ))

(defvar repeat-num-input-keys-at-repeat -1 "The number of keys read when `repeat' last ran.")

(defvar repeat-previous-repeated-command nil "The command `repeat' repeated last time.")

(defvar repeat--previous-arg nil "The prefix argument `repeat' last used, used again when `repeat' repeats itself.")

(defun repeat-is-really-this-command () "Non-nil when the command being run is `repeat' itself, not one it runs."
  (eq repeat-num-input-keys-at-repeat (bound-and-true-p num-input-keys)))

(defun repeat-message (format &rest args) "Say FORMAT with ARGS the way `repeat' reports: through `repeat-message-function' or `message'."
  (apply (or repeat-message-function #'message) format args))

(defun repeat (repeat-arg) "Run the most recent command again, with REPEAT-ARG as its prefix argument if given.
Without one, the prefix argument of that command is used again.  As long
as the last key of this command is typed again, the command runs again.
A character inserted by `self-insert-command' is inserted again."
  (interactive "P") (let* ((again (eq last-repeatable-command 'repeat))
         (command (if again repeat-previous-repeated-command last-repeatable-command))
         (final last-command-event)
         (arg (or repeat-arg (if again repeat--previous-arg last-prefix-arg))))
    (cond ((null command) (error "There is nothing to repeat"))
          ((memq command repeat-too-dangerous)
           (error "Command %S too dangerous to repeat automatically" command)))
    (setq last-repeatable-command command
          repeat-previous-repeated-command command
          repeat--previous-arg arg
          repeat-num-input-keys-at-repeat (bound-and-true-p num-input-keys))
    (setq this-command command) ; what the loop records as run
    (progn
      (repeat-message "Repeating command %s%S" (if arg (format "%s " arg) "") command)
      (cond ((eq command 'self-insert-command)
             (let ((char (char-before)))
               (when char
                 (setq last-command-event char) ; as if typed again
                 (dotimes (_ (prefix-numeric-value arg)) (insert-char char 1)))))
            ((arrayp command) (execute-kbd-macro command (and arg (prefix-numeric-value arg))))
            (t (let ((current-prefix-arg arg)) (call-interactively command))))
      (when (and final (or (eq repeat-on-final-keystroke t)
                           (and (consp repeat-on-final-keystroke)
                                (member final repeat-on-final-keystroke))))
        (let ((again (make-sparse-keymap)))
          (define-key again (vector final) #'repeat)
          (set-transient-map again))))))

;;;; Repeat mode.

(defcustom repeat-exit-key nil "A key that ends a repeating sequence without doing anything else; nil for none."
  :group 'repeat :version "28.1"
  :type '(choice (const :tag "No special key to exit repeating sequence" nil) (key-sequence :tag "Key that exits repeating sequence")))

(defcustom repeat-exit-timeout nil "Seconds of idleness after which a repeating sequence ends; nil for no limit."
  :group 'repeat :version "28.1"
  :type '(choice (const :tag "No timeout to exit repeating sequence" nil) (number :tag "Timeout in seconds to exit repeating")))

(defvar repeat-exit-timer nil "The idle timer ending the current repeating sequence, if any.")

(defcustom repeat-keep-prefix nil "Non-nil means a prefix argument typed in a repeating sequence does not end it."
  :group 'repeat :version "28.1" :type 'boolean)

(defcustom repeat-check-key t "Non-nil means a command's repeat map only takes effect when the command's last key is in it.
A command's `repeat-check-key' property overrides this: `no' never checks, t always does."
  :group 'repeat :version "28.1" :type 'boolean)

(defcustom repeat-echo-function #'repeat-echo-message "Function called with the active repeat map when a sequence starts, and with nil when it ends."
  :group 'repeat :version "28.1"
  :type `(choice ,@(mapcar (lambda (c) `(const :tag ,(car c) ,(cdr c)))
                           '(("Show hints in the echo area" . repeat-echo-message)
                             ("Show indicator in the mode line" . repeat-echo-mode-line)
                             ("No visual feedback" . ignore)))
                 (function :tag "Function") ; another function
                 ))

(defvar repeat-in-progress nil "Non-nil while a repeating sequence is active.")

;;;###autoload
(defvar repeat-map nil "A keymap (or a variable holding one) to make active after the next command, whatever its own `repeat-map' property.")

(defvar repeat--prev-mb '(0) "The minibuffer depth, as a one-element list, when the last sequence started.")

(defun repeat--command-property (property) "The value of PROPERTY on the command being run, or on the one read from the keyboard."
  (seq-some (lambda (cmd) (and cmd (symbolp cmd) (get cmd property)))
            (list this-command real-this-command)))

(defun repeat-check-key (key map) "Whether KEY may start a repeating sequence with MAP: its binding in MAP when checked, else t."
  (let ((rule (repeat--command-property 'repeat-check-key)))
    (if (or (eq rule 'no) (and (null rule) (not repeat-check-key)))
        t
      (lookup-key map (vector key)))))

(defun repeat--map-value (spec) "The keymap SPEC stands for: SPEC itself, or the value of the variable SPEC."
  (if (and spec (symbolp spec) (boundp spec)) (symbol-value spec) spec))

(defun repeat--stop-timer () "Cancel the idle timer of the current sequence, if there is one."
  (let ((timer repeat-exit-timer))
    (setq repeat-exit-timer nil)
    (if timer (cancel-timer timer))))

(defun repeat--exit () "End the repeating sequence: stop its timer and tell `repeat-echo-function'."
  (repeat--stop-timer)
  (if repeat-in-progress
      (progn (setq repeat-in-progress nil)
             (funcall repeat-echo-function nil)) ; the hint goes
    nil))

(defun repeat-post-hook () "After a command with a repeat map, make that map active until a key outside it."
  (let* ((spec (or repeat-map (repeat--command-property 'repeat-map)))
         (map (repeat--map-value spec))
         (keys (this-command-keys-vector))
         (last-key (and (> (length keys) 0) (aref keys (1- (length keys))))))
    (setq repeat-map nil) ; it serves once
    (if (not (and repeat-mode (keymapp map)
                  (or (null last-key) (repeat-check-key last-key map))))
        (when (and repeat-in-progress (not (and repeat-keep-prefix prefix-arg)))
          (repeat--exit))
      (let ((active (copy-keymap map)))
        (if repeat-exit-key (define-key active repeat-exit-key #'ignore))
        (setq repeat--prev-mb (list (minibuffer-depth))
              repeat-in-progress t)
        (funcall repeat-echo-function map)
        (let ((exit (set-transient-map
                     active
                     (lambda () (and repeat-keep-prefix prefix-arg t)))))
          (repeat--stop-timer)
          (setq repeat-exit-timer
                (and repeat-exit-timeout
                     (run-with-idle-timer repeat-exit-timeout nil
                                          (lambda () (funcall exit) (repeat--exit))))))))))

(define-minor-mode repeat-mode
  "Toggle Repeat mode: the keys of a command's `repeat-map' repeat it without its prefix.
After a command whose symbol has a `repeat-map' property (a keymap or a
variable holding one), the keys of that map work alone until another
key is typed; `repeat-exit-key', `repeat-exit-timeout' and
`repeat-check-key' shape this, and `repeat-echo-function' shows it."
  :global t :group 'repeat
  (if repeat-mode
      (add-hook 'post-command-hook #'repeat-post-hook)
    (remove-hook 'post-command-hook #'repeat-post-hook))
  (when repeat-mode ; tell how many commands have repeat maps
    (let ((commands 0) (maps nil))
      (mapatoms (lambda (sym)
                  (let ((spec (and (commandp sym) (get sym 'repeat-map))))
                    (when spec
                      (setq commands (1+ commands))
                      (unless (memq spec maps) (push spec maps))))))
      (message "Repeat mode is enabled for %d commands and %d keymaps; see `describe-repeat-maps'"
               commands (length maps)))))

;;;; Showing the active map.

(defun repeat-echo-message-string (keymap) "The echo-area hint for KEYMAP: \"Repeat with \" and its keys."
  (let ((descriptions nil))
    (map-keymap (lambda (event _binding) (push (key-description (vector event)) descriptions))
                keymap)
    (concat "Repeat with " (mapconcat #'identity descriptions ", ")
            (and repeat-exit-key (concat ", or exit with " (key-description repeat-exit-key))))))

(defun repeat-echo-message (keymap) "Show the keys of KEYMAP in the echo area, or clear the hint when KEYMAP is nil."
  (let ((message-log-max nil) ; hints stay out of *Messages*
        (shown (current-message)))
    (cond (keymap (message "%s" (repeat-echo-message-string keymap)))
          ((and shown (string-prefix-p "Repeat with " shown)) (message nil)))))

(defvar repeat-echo-mode-line-string (propertize "[Repeating...] " 'face 'mode-line-emphasis)
  "What the mode line shows while a repeating sequence is active.")

(defun repeat-echo-mode-line (keymap) "Have the mode lines redrawn (KEYMAP is not needed), so that a `repeat-echo-mode-line-string' placed there shows whether a sequence is active."
  (ignore keymap) (force-mode-line-update t))

(defun describe-repeat-maps () "List the repeat maps and the commands that use each, in the help buffer."
  (interactive) (help-setup-xref (list #'describe-repeat-maps) (called-interactively-p 'interactive))
  (let ((table nil)) ; (MAP COMMAND...) rows
    (mapatoms (lambda (sym)
                (let ((spec (and (commandp sym) (get sym 'repeat-map))))
                  (when spec
                    (let ((row (assq spec table)))
                      (if row (push sym (cdr row)) (push (list spec sym) table)))))))
    (with-help-window (help-buffer)
      (with-current-buffer standard-output ; the help buffer
        (insert (format "A list of keymaps used by commands with the symbol property `%s'.\n" 'repeat-map))
        (dolist (row (sort table (lambda (a b) (string< (format "%s" (car a)) (format "%s" (car b))))))
          (let ((map (repeat--map-value (car row))))
            (insert (format-message "\n`%s' keymap is repeatable by these commands:\n" (car row)))
            (dolist (command (sort (cdr row) #'string<))
              (insert (format-message " `%s' (bound to %s)\n" command
                                      (mapconcat (lambda (keys) (format-message "`%s'" (key-description keys)))
                                                 (and (keymapp map) (where-is-internal command (list map)))
                                                 ", "))))))))))

(provide 'repeat)

;;; repeat.el ends here
