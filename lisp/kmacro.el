;;; kmacro.el --- keyboard macro counters and calls  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed batch behaviour.  So far
;; this is the counter (insert, set, add, format) and `kmacro-call-macro';
;; the macro ring, the start/end commands and step editing are not here yet.

(defgroup kmacro nil "Keyboard macros with counters." :group 'keyboard)

;; The counter: its value, the one inserted last, and how it is written.
(defvar kmacro-last-counter 0 "The counter value inserted last.")
(defvar kmacro-counter-format "%d" "The format the counter is inserted with.")
(defvar kmacro-counter 0 "The counter that `kmacro-insert-counter' inserts and steps.")
(defvar kmacro-initial-counter-value nil "A counter value to start the next macro with, or nil.")
(defvar kmacro-default-counter-format "%d" "The counter format new macros start with.")
;; What they were when the macro being run began.
(defvar kmacro-counter-value-start 0 "The counter when the macro being run started.")
(defvar kmacro-counter-format-start "%d" "The counter format when the macro being run started.")

;; The ring of earlier macros and how calls repeat.
(defvar kmacro-ring nil "Earlier keyboard macros, each a list (MACRO COUNTER FORMAT).")
(defcustom kmacro-repeat-no-prefix t "Whether the ring commands repeat on their last key alone." :type 'boolean :group 'kmacro)
(defcustom kmacro-ring-max 8 "How many macros the macro ring keeps." :group 'kmacro :type 'natnum)
(defcustom kmacro-execute-before-append t "Whether appending to a macro runs it first." :type 'boolean :group 'kmacro)
(defcustom kmacro-call-repeat-with-arg nil "Whether a repeated call keeps the prefix argument of the first." :group 'kmacro :type 'boolean)
(defcustom kmacro-call-repeat-key t "Whether the last key of a macro call repeats it (t: that key)." :type '(choice boolean character) :group 'kmacro)

(defun kmacro--counter-text (n) "N written with the counter format."
  (format kmacro-counter-format n))

(defun kmacro-display-counter (&optional value) "Show the counter (or VALUE) in the echo area, formatted and as a number."
  (let ((n (or value kmacro-counter)))
    (message "New macro counter value: %s (%d)" (kmacro--counter-text n) n)))

(defun kmacro--counter-moved () "Tell the new counter value, unless a macro is running."
  (or executing-kbd-macro (kmacro-display-counter)))

(defun kmacro-add-counter (arg) "Step the macro counter by ARG (a prefix argument)."
  (interactive (list (prefix-numeric-value current-prefix-arg)))
  (setq kmacro-counter (+ (or arg 1) kmacro-counter))
  (kmacro--counter-moved))

(defun kmacro-insert-counter (arg) "Insert the macro counter, then step it by ARG (one by default).
With a plain \\[universal-argument] the value inserted last is inserted
again and the counter stays."
  (interactive (list current-prefix-arg))
  (cond ((consp arg) (insert (kmacro--counter-text kmacro-last-counter)))
        (t (setq kmacro-last-counter kmacro-counter)
           (insert (kmacro--counter-text kmacro-last-counter))
           (kmacro-add-counter (prefix-numeric-value arg)))))

(defun kmacro-set-counter (arg) "Make ARG the macro counter."
  (interactive (list (read-number "Macro counter value: ")))
  (setq kmacro-counter arg)
  (kmacro--counter-moved))

(defun kmacro-set-format (form) "Insert the counter with the format FORM from now on (\"%d\" for an empty one)."
  (interactive (list (read-string "Macro Counter Format: ")))
  (setq kmacro-counter-format (if (equal form "") "%d" form))
  (or defining-kbd-macro
      (setq kmacro-default-counter-format kmacro-counter-format)))

(defun kmacro-call-macro (arg &optional _no-repeat _end-macro macro) "Run MACRO (by default `last-kbd-macro') ARG times, a prefix argument."
  (interactive (list (prefix-numeric-value current-prefix-arg)))
  (let ((keys (or macro last-kbd-macro (error "No kbd macro has been defined"))))
    (execute-kbd-macro keys (prefix-numeric-value arg))))

(provide 'kmacro)

;;; kmacro.el ends here
