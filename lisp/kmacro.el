;;; kmacro.el --- keyboard macros: the ring, counters, repeat keys  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed batch behaviour.
;; Recording and running are in kbd-macro.el (`start-kbd-macro',
;; `end-kbd-macro', `execute-kbd-macro'); this file keeps the ring of
;; earlier macros, each one with its own counter, offers the last key of a
;; command again as a repeat key, and names, binds and stores macros.
;; Step editing (`kmacro-step-edit-macro') is not here yet.

(require 'register)

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
(defvar kmacro-ring nil "Earlier keyboard macros, each a list (MACRO COUNTER FORMAT), newest first.")
(defcustom kmacro-repeat-no-prefix t "Whether the ring commands repeat on their last key alone." :type 'boolean :group 'kmacro)
(defcustom kmacro-ring-max 8 "How many macros the macro ring keeps." :group 'kmacro :type 'natnum)
(defcustom kmacro-execute-before-append t "Whether appending to a macro runs it first." :type 'boolean :group 'kmacro)
(defcustom kmacro-call-repeat-with-arg nil "Whether a repeated call keeps the prefix argument of the first." :group 'kmacro :type 'boolean)
(defcustom kmacro-call-repeat-key t "Whether the last key of a macro call repeats it (t: that key)." :type '(choice boolean character) :group 'kmacro)

;; Where `kmacro-view-macro' has got to in the ring.
(defvar kmacro-view-last-item nil "The rest of the ring from the macro shown last by `kmacro-view-macro', or nil for `last-kbd-macro'.")
(defvar kmacro-view-item-no 0 "The place in the ring (2 for its first) of the macro shown last by `kmacro-view-macro'.")
(defvar kmacro--in-repeat nil "Non-nil while `kmacro-repeat-on-last-key' reads keys, so that repeated commands do not start a second loop.")

(defvar kmacro-keymap (let ((map (make-sparse-keymap)))
                        (dolist (b '(("s" . kmacro-start-macro) ("\C-s" . kmacro-start-macro)
                 ("\C-k" . kmacro-end-or-call-macro-repeat)
                 ("r" . apply-macro-to-region-lines) ("q" . kbd-macro-query)
                 ("d" . kmacro-redisplay)
                 ("\C-n" . kmacro-cycle-ring-next) ("\C-p" . kmacro-cycle-ring-previous)
                 ("\C-v" . kmacro-view-macro-repeat) ("\C-d" . kmacro-delete-ring-head)
                 ("\C-t" . kmacro-swap-ring) ("\C-l" . kmacro-call-ring-2nd-repeat)
                 ("\C-f" . kmacro-set-format) ("\C-c" . kmacro-set-counter)
                 ("\C-i" . kmacro-insert-counter) ("\C-a" . kmacro-add-counter)
                 ("\C-e" . kmacro-edit-macro-repeat) ("\r" . kmacro-edit-macro)
                 ("e" . edit-kbd-macro) ("l" . kmacro-edit-lossage)
                 (" " . kmacro-step-edit-macro) ("b" . kmacro-bind-to-key)
                 ("n" . kmacro-name-last-macro) ("x" . kmacro-to-register)))
                          (define-key map (car b) (cdr b)))
                        map)
  "The keys after \\[kmacro-keymap]: commands on keyboard macros.")
(fset 'kmacro-keymap kmacro-keymap)

;;; Counters.

(defun kmacro--counter-text (n) "N written with the counter format."
  (format kmacro-counter-format n))

(defun kmacro-display-counter (&optional value) "Show the counter (or VALUE) in the echo area, formatted and as a number."
  (let ((n (or value kmacro-counter)))
    (message "New macro counter value: %s (%d)" (kmacro--counter-text n) n)))

(defun kmacro--counter-moved () "Tell the new counter value, unless a macro is running."
  (or executing-kbd-macro (kmacro-display-counter)))

(defun kmacro--take-initial-counter () "Make a pending `kmacro-initial-counter-value' the counter."
  (let ((pending kmacro-initial-counter-value))
    (when pending (setq kmacro-initial-counter-value nil kmacro-counter pending))))

(defun kmacro-add-counter (arg) "Step the macro counter by ARG (a prefix argument)." (interactive (list (prefix-numeric-value current-prefix-arg)))
  (kmacro--take-initial-counter)
  (setq kmacro-counter (+ (or arg 1) kmacro-counter))
  (kmacro--counter-moved))

(defun kmacro-insert-counter (arg) "Insert the macro counter, then step it by ARG (one by default).
With a plain \\[universal-argument] the value inserted last is inserted
again and the counter stays." (interactive (list current-prefix-arg))
  (kmacro--take-initial-counter)
  (cond ((consp arg) (insert (kmacro--counter-text kmacro-last-counter)))
        (t (setq kmacro-last-counter kmacro-counter)
           (insert (kmacro--counter-text kmacro-last-counter))
           (kmacro-add-counter (prefix-numeric-value arg)))))

(defun kmacro-set-counter (arg) "Make ARG the macro counter.
Outside a macro ARG becomes the counter the next macro starts with.
While a macro is defined or run, a plain \\[universal-argument] puts back
the value the counter had when it started."
  (interactive (list (if (consp current-prefix-arg)
                         (prefix-numeric-value current-prefix-arg)
                       (read-number "Macro counter value: "))))
  (cond ((not (or defining-kbd-macro executing-kbd-macro))
         (setq kmacro-initial-counter-value arg)
         (kmacro-display-counter arg))
        (t (setq kmacro-counter (if (consp current-prefix-arg) kmacro-counter-value-start arg))
           (kmacro--counter-moved))))

(defun kmacro-set-format (form) "Insert the counter with the format FORM from now on (\"%d\" for an empty one)." (interactive (list (read-string "Macro Counter Format: ")))
  (setq kmacro-counter-format (if (equal form "") "%d" form))
  (or defining-kbd-macro
      (setq kmacro-default-counter-format kmacro-counter-format)))

(defun kmacro-loop-setup-function () "Before each run of a macro, note where its counter and format start; always t."
  (setq kmacro-counter-value-start kmacro-counter
        kmacro-counter-format kmacro-counter-format-start)
  t)

;;; The ring.

(defun kmacro-ring-head () "The current macro as a ring item (MACRO COUNTER FORMAT), or nil if there is none."
  (when last-kbd-macro (list last-kbd-macro kmacro-counter kmacro-counter-format-start)))

(defun kmacro-push-ring (&optional elt) "Put ELT (by default the current macro) at the front of the ring, keeping it short enough."
  (let ((item (if elt elt (kmacro-ring-head))))
    (when item
      (push item kmacro-ring)
      (let ((room (max 0 kmacro-ring-max)))
        (when (> (length kmacro-ring) room)
          (setq kmacro-ring (butlast kmacro-ring (- (length kmacro-ring) room))))))))

(defun kmacro-split-ring-element (elt) "Make the ring item ELT the current macro, with its counter and format."
  (pcase-let ((`(,keys ,n ,fmt) elt))
    (setq kmacro-counter-format-start fmt kmacro-counter n last-kbd-macro keys)))

(defun kmacro-pop-ring1 (&optional _raw) "Make the front of the ring the current macro; nil if the ring is empty."
  (when kmacro-ring
    (kmacro-split-ring-element (pop kmacro-ring))
    t))

(defun kmacro-pop-ring (&optional raw) "Make the front of the ring the current macro, or leave no macro at all.
RAW is passed on to `kmacro-pop-ring1'."
  (or (kmacro-pop-ring1 raw)
      (setq last-kbd-macro nil)))

(defun kmacro-ring-empty-p (&optional none) "Say, and give t, when there is no macro, or (unless NONE) no earlier one."
  (while (and kmacro-ring (not last-kbd-macro)) (kmacro-pop-ring1))
  (let ((missing (cond ((not last-kbd-macro) "No keyboard macro defined.")
                       ((not (or none kmacro-ring)) "Only one keyboard macro defined."))))
    (when missing (message "%s" missing) t)))

(defun kmacro--have-macro-p (&optional one-will-do) "Non-nil when there is a current macro and (unless ONE-WILL-DO) an earlier one; else say what is missing."
  (not (kmacro-ring-empty-p one-will-do)))

(defun kmacro-display (macro &optional trunc descr empty) "Show MACRO in `kbd' notation, labelled DESCR (\"Macro\" by default).
TRUNC cuts a long text at 60 columns; EMPTY is the message for a nil MACRO.
A non-zero counter is shown too, with the format the macro started with."
  (message "%s"
           (if (not macro)
               (or empty "No keyboard macros defined")
             (let ((text (format-kbd-macro macro))
                   (counter (if (zerop kmacro-counter) ""
                              (format " [%s]" (format kmacro-counter-format-start kmacro-counter)))))
               (when (and trunc (> (length text) 60))
                 (setq text (concat (substring text 0 59) "...")))
               (concat (or descr "Macro") counter ": " text)))))

(defun kmacro-cycle-ring-next (&optional _arg) "Make the oldest macro of the ring the current one; the current one goes to the front of the ring." (interactive)
  (when (kmacro--have-macro-p)
    (kmacro-push-ring)
    (let ((oldest (car (last kmacro-ring))))
      (setq kmacro-ring (butlast kmacro-ring))
      (kmacro-split-ring-element oldest)
      (kmacro-display last-kbd-macro t))))

(defun kmacro-cycle-ring-previous (&optional _arg) "Make the newest macro of the ring the current one; the current one goes to the back of the ring." (interactive)
  (when (kmacro--have-macro-p)
    (let ((current (kmacro-ring-head)))
      (kmacro-split-ring-element (pop kmacro-ring))
      (setq kmacro-ring (nconc kmacro-ring (list current)))
      (kmacro-display last-kbd-macro t))))

(defun kmacro-swap-ring () "Exchange the current macro and the newest macro of the ring." (interactive)
  (when (kmacro--have-macro-p)
    (let ((current (kmacro-ring-head)))
      (kmacro-split-ring-element (car kmacro-ring))
      (setcar kmacro-ring current)
      (kmacro-display last-kbd-macro t))))

(defun kmacro-delete-ring-head (&optional _arg) "Drop the current macro; the newest one of the ring takes its place." (interactive)
  (when (kmacro--have-macro-p t)
    (if (null kmacro-ring)
        (progn (setq last-kbd-macro nil)
               (message "Keyboard macro ring is now empty."))
      (kmacro-pop-ring)
      (kmacro-display last-kbd-macro t))))

(defun kmacro--ordinal (n) "N with its English ordinal suffix: 2nd, 3rd, 11th..."
  (format "%d%s" n
          (cond ((memq (% n 100) '(11 12 13)) "th")
                ((= (% n 10) 1) "st")
                ((= (% n 10) 2) "nd")
                ((= (% n 10) 3) "rd")
                (t "th"))))

(defun kmacro-view-macro (&optional _arg) "Show the current macro; called again right after, show the ring's macros one by one." (interactive)
  (let ((again (eq last-command 'kmacro-view-macro)))
    (setq kmacro-view-last-item
          (cond ((or (kmacro-ring-empty-p) (not again)) nil)
                (kmacro-view-last-item (cdr kmacro-view-last-item))
                (t kmacro-ring)))
    (setq kmacro-view-item-no (if (eq kmacro-view-last-item kmacro-ring) 2 (1+ kmacro-view-item-no))))
  ;; The next call continues from here, even from within a repeat loop.
  (setq last-command (setq this-command 'kmacro-view-macro))
  (let ((shown (car kmacro-view-last-item)))
    (kmacro-display (if shown (car shown) last-kbd-macro) nil
                    (if shown (concat (kmacro--ordinal kmacro-view-item-no) " previous macro") "Last macro"))))

(defun kmacro-view-ring-2nd () "Show the newest macro of the ring." (interactive)
  (when (kmacro--have-macro-p)
    (kmacro-display (caar kmacro-ring) nil "2nd macro")))

;;; Running macros.

(defun kmacro-exec-ring-item (item arg) "Run the ring item ITEM ARG times, with its own counter and format."
  (let ((kmacro-counter-format-start (nth 2 item)) (kmacro-counter (nth 1 item)))
    (execute-kbd-macro (car item) arg #'kmacro-loop-setup-function)))

(defun kmacro-call-ring-2nd (arg) "Run the newest macro of the ring ARG times." (interactive "P")
  (when (kmacro--have-macro-p)
    (kmacro-exec-ring-item (nth 0 kmacro-ring) arg)))

(defun kmacro--repeat-keys () "The keys of the command being run when its last key alone may repeat it, else nil."
  (and kmacro-repeat-no-prefix (not kmacro--in-repeat)
       (let ((k (this-single-command-keys))) (and (> (length k) 1) k))))

(defun kmacro-repeat-on-last-key (keys) "Read events, running each one that is the last key of a repeatable macro command.
KEYS is the key sequence of the first command; its prefix is kept, so
that the event alone stands for prefix + event.  The first other event
ends the loop."
  (let ((prefix (substring (vconcat keys) 0 -1))
        (kmacro--in-repeat t)
        (going t))
    (while going
      (let* ((event (read-event))
             (cmd (key-binding (vconcat prefix (vector event)))))
        (pcase cmd
          ('kmacro-end-or-call-macro-repeat (kmacro-end-or-call-macro nil t))
          ('kmacro-call-ring-2nd-repeat (kmacro-call-ring-2nd nil))
          ('kmacro-view-macro-repeat (kmacro-view-macro))
          ((or 'kmacro-cycle-ring-next 'kmacro-cycle-ring-previous
               'kmacro-delete-ring-head 'kmacro-swap-ring)
           (funcall cmd))
          ;; As in GNU, the event that ends the loop is used up.
          (_ (setq going nil)))))))

(defun kmacro--offer-repeat (key count macro) "Bind KEY for the next command to run MACRO again (COUNT times) and say so."
  (let ((times (if (and count (> count 1)) (format " %d times" count) ""))
        (once (make-sparse-keymap)))
    (message "(Type %s to repeat macro%s)" (format-kbd-macro (vector key)) times)
    (define-key once (vector key) (lambda () (interactive) (kmacro-call-macro count 'repeating nil macro)))
    (set-transient-map once t)))

(defun kmacro-call-macro (arg &optional no-repeat end-macro macro) "Run MACRO (by default `last-kbd-macro') ARG times, a prefix argument.
Unless NO-REPEAT, the last key of the command then runs it again at once.
END-MACRO first ends the macro being defined (which runs it ARG - 1
more times) instead of running it." (interactive "p")
  (let ((key (if (eq kmacro-call-repeat-key t) last-input-event kmacro-call-repeat-key))
        (count (and arg (prefix-numeric-value arg)))
        (keys (this-single-command-keys)))
    (cond (end-macro (kmacro-end-macro arg))
          (macro (execute-kbd-macro macro count #'kmacro-loop-setup-function))
          (t (call-last-kbd-macro count #'kmacro-loop-setup-function)))
    (when (and key (or (eq no-repeat 'repeating)
                       (and (null no-repeat) (> (length keys) 1))))
      (kmacro--offer-repeat key (and kmacro-call-repeat-with-arg count)
                            (or macro last-kbd-macro)))))

;;; Defining macros.

(defun kmacro--fresh-counter (n) "Give the macro about to be defined the counter N and the default format."
  (setq kmacro-initial-counter-value nil)
  (setq kmacro-last-counter n kmacro-counter-value-start n kmacro-counter n)
  (setq kmacro-counter-format-start kmacro-default-counter-format
        kmacro-counter-format kmacro-default-counter-format))

(defun kmacro-start-macro (arg) "Start defining a keyboard macro.
A numeric ARG is the counter to start with; a plain \\[universal-argument]
adds to the last macro instead (running it first when
`kmacro-execute-before-append' says so, the other way round with two)." (interactive "P")
  (cond (defining-kbd-macro (message "Already defining keyboard macro."))
        (executing-kbd-macro nil)
        ((not (consp arg))
         (kmacro-push-ring)
         (kmacro--fresh-counter (if arg (prefix-numeric-value arg) (or kmacro-initial-counter-value 0)))
         (start-kbd-macro nil))
        ;; C-u appends, running the macro first (or with C-u C-u, as the option says).
        (t (let ((run-first (if kmacro-execute-before-append (= 4 (car arg)) (/= 4 (car arg)))))
             (start-kbd-macro t (not run-first)))
           (when defining-kbd-macro (setq defining-kbd-macro 'append)))))

(defun kmacro-end-macro (arg) "Stop defining the keyboard macro; ARG (a prefix argument) runs it ARG - 1 more times.
A macro that came out empty is dropped and the ring's newest macro
becomes the current one again." (interactive "P")
  (end-kbd-macro arg #'kmacro-loop-setup-function)
  ;; Nothing was recorded: the ring's newest macro is the current one again.
  (when (and (arrayp last-kbd-macro) (= 0 (length last-kbd-macro)))
    (message "Ignore empty macro")
    (kmacro-pop-ring)))

(defun kmacro-start-macro-or-insert-counter (arg) "Insert the counter while a macro is defined or run, else start a macro (ARG as for either)." (interactive "P")
  (funcall (if (or executing-kbd-macro defining-kbd-macro) #'kmacro-insert-counter #'kmacro-start-macro) arg))

(defun kmacro-end-or-call-macro (arg &optional no-repeat) "End the macro being defined, or else run the current one ARG times.
Right after `kmacro-view-macro' the macro shown is run; a plain
\\[universal-argument] runs the newest macro of the ring.  NO-REPEAT is
passed on to `kmacro-call-macro'." (interactive "P")
  (cond ((and defining-kbd-macro kmacro-call-repeat-key) (kmacro-call-macro arg no-repeat t))
        (defining-kbd-macro (kmacro-end-macro arg))
        ;; In a repeat loop, right after a view: the macro shown.
        ((and kmacro-view-last-item (eq this-command 'kmacro-view-macro))
         (kmacro-exec-ring-item (nth 0 kmacro-view-last-item) arg))
        ((not (consp arg)) (kmacro-call-macro arg no-repeat))
        ;; A plain C-u: the ring's newest.
        (t (kmacro-call-ring-2nd 1))))

(defun kmacro--and-repeat (fn) "Call FN; if it gives non-nil and the command's keys allow, go on with `kmacro-repeat-on-last-key'."
  (let ((keys (kmacro--repeat-keys)))
    (and (funcall fn) keys (kmacro-repeat-on-last-key keys))))

(defun kmacro--end-if-defining () "End the macro being defined, if there is one."
  (and defining-kbd-macro (kmacro-end-macro nil)))

(defun kmacro-end-or-call-macro-repeat (arg) "Like `kmacro-end-or-call-macro' with ARG; then its last key alone repeats it." (interactive "P")
  (kmacro--and-repeat (lambda () (kmacro-end-or-call-macro arg t) t)))

(defun kmacro-call-ring-2nd-repeat (arg) "Like `kmacro-call-ring-2nd' with ARG; then its last key alone repeats it." (interactive "P")
  (kmacro--and-repeat (lambda () (kmacro-call-ring-2nd arg) kmacro-ring)))

(defun kmacro-view-macro-repeat (&optional arg) "Like `kmacro-view-macro' (ARG is ignored); then its last key alone shows the next one." (interactive)
  (kmacro--and-repeat (lambda () (kmacro-view-macro arg) t)))

(defun kmacro-end-and-call-macro (arg &optional no-repeat) "End the macro being defined, if any, then run the current macro ARG times (NO-REPEAT as for `kmacro-call-macro')." (interactive "p")
  (kmacro--end-if-defining)
  (kmacro-call-macro arg no-repeat))

(defun kmacro-end-call-mouse (event) "End the macro being defined, if any, move point to where EVENT (a mouse click) is and run the current macro." (interactive "e")
  (kmacro--end-if-defining)
  (mouse-set-point event) (kmacro-call-macro nil t))

;;; Keeping macros: as commands, on keys, in registers.

(defun kmacro-lambda-form (mac &optional counter format) "A command that runs the macro MAC with COUNTER and FORMAT.
MAC may also be a whole ring item (MACRO COUNTER FORMAT)."
  (let ((item (if (consp mac) mac (list mac (or counter 0) (or format "%d")))))
    (eval `(lambda (&optional arg) "Keyboard macro." (interactive "p")
             (kmacro-exec-ring-item ',item arg))
          t)))

(defun kmacro-extract-lambda (mac) "The ring item (MACRO COUNTER FORMAT) inside MAC, a command made by `kmacro-lambda-form', or nil."
  (let ((body (pcase mac
                (`(lambda ,_ . ,forms) forms)
                (`(closure ,_ ,_ . ,forms) forms))))
    (seq-some (lambda (form)
                (pcase form
                  (`(kmacro-exec-ring-item (quote ,item) ,_)
                   (and (consp item) (arrayp (car item)) item))))
              body)))

(defun kmacro-keyboard-macro-p (symbol) "Non-nil if SYMBOL's function is a keyboard macro."
  (or (get symbol 'kmacro)
      (stringp (symbol-function symbol))
      (vectorp (symbol-function symbol))))

(defun kmacro-name-last-macro (symbol) "Make SYMBOL a command that runs the current macro." (interactive "SName for last kbd macro: ")
  (cond ((null last-kbd-macro) (error "No keyboard macro defined"))
        ((and (fboundp symbol) (not (kmacro-keyboard-macro-p symbol)))
         (error "Function %s is already defined and not a keyboard macro" symbol))
        ((equal (symbol-name symbol) "") (error "No command name given")))
  (put symbol 'kmacro t)
  (fset symbol (kmacro-lambda-form (kmacro-ring-head))))

(defun kmacro-bind-to-key (_arg) "Bind the current macro to a key read from the user, in the global map.
A letter A-Z or a digit alone stands for \\[kmacro-keymap] and it.  A key
that runs another command already is only taken when the user agrees." (interactive "p")
  (cond ((or defining-kbd-macro executing-kbd-macro)
         (when defining-kbd-macro (message "Cannot save macro while defining it.")))
        ((null last-kbd-macro) (error "No keyboard macro defined"))
        (t
         (let ((key (read-key-sequence "Bind last macro to key: ")))
           (when (and (= (length key) 1)
                      (let ((c (aref key 0)))
                        (and (integerp c) (or (<= ?A c ?Z) (<= ?0 c ?9)))))
             (setq key (vconcat "\C-x\C-k" key)))
           (unless (equal key "\a")
             (let ((old (key-binding key)))
               (when (or (not (commandp old)) (eq old 'undefined)
                         (and (symbolp old) (kmacro-keyboard-macro-p old))
                         (yes-or-no-p (format "%s runs command %S.  Bind anyway? "
                                              (format-kbd-macro key) old)))
                 (define-key global-map key (kmacro-lambda-form (kmacro-ring-head)))
                 (message "Keyboard macro bound to %s" (format-kbd-macro key)))))))))

(cl-defstruct (kmacro-register (:constructor make-kmacro-register (&key macro)))
  "A keyboard macro kept in a register." macro)

(defun kmacro--register-text (reg) "The macro in the register value REG, in `kbd' notation."
  (format-kbd-macro (kmacro-register-macro reg)))

;; The count is the prefix argument of the command, as in GNU.
(cl-defmethod register-val-jump-to ((reg kmacro-register) _arg) (execute-kbd-macro (kmacro-register-macro reg) current-prefix-arg))
(cl-defmethod register-val-insert ((reg kmacro-register)) (insert (kmacro--register-text reg)))
(cl-defmethod register-val-describe ((reg kmacro-register) _verbose) (princ (concat "a keyboard macro:\n   " (kmacro--register-text reg))))

(defun kmacro-to-register (r) "Keep the current macro in the register R." (interactive (list (register-read-with-preview "Save to register: ")))
  (or defining-kbd-macro executing-kbd-macro
      (set-register r (make-kmacro-register :macro last-kbd-macro))))

(provide 'kmacro)
;;; kmacro.el ends here.
