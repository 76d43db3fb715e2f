;;; simple.el --- the mark and line counting  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

(defvar transient-mark-mode nil "Non-nil when the region is highlighted and commands act on it only while the mark is active.")
(defvar mark-even-if-inactive t "Non-nil means the mark is usable even when it is not active.")
(defvar mark-ring nil "Former marks of the current buffer, most recent first.")
(make-variable-buffer-local 'mark-ring)
(defvar mark-ring-max 16 "How many former marks `mark-ring' keeps.")
(defvar global-mark-ring nil "Former marks of all buffers, one per buffer visit, most recent first.")
(defvar global-mark-ring-max 16 "How many former marks `global-mark-ring' keeps.")
(defvar activate-mark-hook nil "Functions run when the mark becomes active.")
(defvar deactivate-mark-hook nil "Functions run when the mark becomes inactive.")

(defun mark (&optional force) "Return the position of the mark, or nil when there is none.
An inactive mark signals `mark-inactive' when `transient-mark-mode' is on
and `mark-even-if-inactive' is nil, unless FORCE is non-nil."
  (cond ((and transient-mark-mode (not force) (not mark-active)
              (not mark-even-if-inactive))
         (signal 'mark-inactive nil))
        (t (marker-position (mark-marker)))))

(defun deactivate-mark (&optional force) "Make the mark inactive and run `deactivate-mark-hook'.
Without Transient Mark mode this does nothing unless FORCE is non-nil."
  (unless (not (or force (region-active-p)))
    (setq mark-active nil) (run-hooks 'deactivate-mark-hook)))

(defun activate-mark (&optional _no-tmm) "Make the mark active, if there is one, and run `activate-mark-hook'."
  (when (and (mark t) (not (region-active-p)))
    (setq mark-active t) (run-hooks 'activate-mark-hook)))

(defun set-mark (pos) "Put the mark at POS and activate it; POS nil removes the mark."
  (let ((m (mark-marker)))
    (cond ((null pos)
           (deactivate-mark t) (set-marker m nil))
          (t (set-marker m pos (current-buffer))
             (activate-mark 'no-tmm)))))

(defun simple--trim-mark-ring (ring limit) "Cut RING down to LIMIT markers, detaching the dropped ones; return RING."
  (let ((tail (nthcdr (1- limit) ring)))
    (when (cdr tail)
      (set-marker (cadr tail) nil)
      (setcdr tail nil)))
  ring)

(defun push-mark (&optional location nomsg activate) "Save the old mark on `mark-ring' and put the mark at LOCATION (point by default).
Say \"Mark set\" unless NOMSG.  Activate the mark when ACTIVATE, or always
when `transient-mark-mode' is off.  Return nil."
  (let ((m (mark-marker))
        (this-buffer (current-buffer)))
    (when (marker-position m)
      (push (copy-marker m) mark-ring)
      (simple--trim-mark-ring mark-ring mark-ring-max))
    (set-marker m (or location (point)) this-buffer)
    (when (and global-mark-ring-max
               (not (eq this-buffer (and global-mark-ring
                                 (marker-buffer (car global-mark-ring))))))
      (push (copy-marker m) global-mark-ring)
      (simple--trim-mark-ring global-mark-ring global-mark-ring-max))
    (unless nomsg (message "Mark set"))
    (when (or (not transient-mark-mode) activate)
      (set-mark (marker-position m)))
    nil))

(defun pop-mark () "Move the mark to the most recent former mark, putting the current one at the end of `mark-ring'."
  (when mark-ring
    (let ((m (mark-marker))
          (newest (car mark-ring)))
      (setq mark-ring (append (cdr mark-ring) (list (copy-marker m))))
      (set-marker m newest)
      (set-marker newest nil)))
  (deactivate-mark))

(defun region-active-p () "Return t when Transient Mark mode is on and the mark is active."
  (and transient-mark-mode mark-active (mark) t))

(defun use-region-p () "Return t when the region is active and not empty."
  (and (region-active-p) (> (region-end) (region-beginning)) t))

(defun simple--extract-region (method) "The region's text, its deletion or its bounds, as METHOD asks; see `region-extract-function'."
  (let ((from (region-beginning)) (to (region-end)))
    (cond ((null method) (buffer-substring from to))
          ((memq method '(bounds)) (list (cons from to)))
          ((memq method '(delete-only)) (delete-region from to))
          (t (delete-and-extract-region from to)))))

(defvar region-extract-function #'simple--extract-region
  "Function of METHOD giving the region's contents: with nil its text, with `delete' its text
deleted, with `delete-only' deleting it, with `bounds' its pieces as a list of (START . END).
The case commands with REGION-NONCONTIGUOUS-P case each piece it gives.")

;; GNU keeps this in mule-cmds.el; tsmacs has no such file, and the buffer side is
;; `set-buffer-multibyte' (src/emacs/insdel.ts).
(defun toggle-enable-multibyte-characters (&optional arg) "Switch the current buffer between multibyte and unibyte text.
With ARG, make it multibyte when the prefix value of ARG is positive, else unibyte."
  (interactive "P")
  (set-buffer-multibyte
   (cond ((null arg) (not enable-multibyte-characters))
         ((eq arg '-) nil)
         ((consp arg) (> (car arg) 0))
         (t (> arg 0))))
  nil)
;; ---- translation ------------------------------------------------------------------

(defun translate-region (start end table) "Translate the characters from START to END by TABLE and return how many changed.
TABLE is a string (char C becomes its Cth char), a char-table, or a symbol whose
`translation-table' property is a char-table."
  (translate-region-internal
   start end
   (if (and table (symbolp table))
       (let ((named (get table 'translation-table)))
         (if (char-table-p named)
             named
           (error "Invalid translation table name: %s" table)))
     table)))

;; ---- undo ------------------------------------------------------------------------

(defvar last-command nil "The command run before the current one.")
(defvar this-command nil "The command now being run; a command may set it to tell the next one.")

(unless (fboundp 'prefix-numeric-value)
  (defun prefix-numeric-value (raw) "Give the number the raw prefix argument RAW stands for: 1 for none, -1 for `-', N for (N)."
    (cond ((consp raw) (if (fixnump (car raw)) (car raw) 1)) ((eq raw '-) -1) ((integerp raw) raw) (t 1))))

(defvar pending-undo-list nil "Within a run of consecutive undo commands, the changes not yet undone, or t when none are left.")
(defvar undo-in-region nil "Non-nil when the undo run in progress is limited to the region.")
(defvar undo-no-redo nil "Non-nil means `undo' does not redo changes that were themselves undone.")
(defvar undo-equiv-table (make-hash-table :test 'eq :weakness t) "Maps the changes an undo command made (a tail of an undo list) to what it left to undo.
The value is the pending list, t when nothing was left, `undo-in-region' for
an undo limited to the region, and `empty' for an undo that changed nothing.")

(defun undo-start (&optional beg end) "Set `pending-undo-list' to the front of the undo list, ready for `undo-more'.
Given BEG and END, only the changes within that region are taken."
  (if (eq buffer-undo-list t)
      (user-error "No undo information in this buffer")
    (setq pending-undo-list
          (cond ((or (null beg) (null end) (= beg end)) buffer-undo-list)
                ((< end beg) (undo-make-selective-list end beg))
                (t (undo-make-selective-list beg end))))))

(defun undo-more (n) "Undo back N undo-boundaries beyond what has been undone already."
  (unless (listp pending-undo-list)
    (user-error "No further undo information%s" (if undo-in-region " for region" "")))
  (let ((undo-in-progress t))
    ;; An exhausted list becomes t, which the next call refuses.
    (setq pending-undo-list (or (primitive-undo n pending-undo-list) t))))

(defun undo--drop-positions () "Remove the point positions recorded before the first boundary of `buffer-undo-list', in place.
Undoing an undo then leaves point where the change is."
  (while (integerp (car buffer-undo-list))
    (setq buffer-undo-list (cdr buffer-undo-list)))
  (let ((cell buffer-undo-list))
    (while (and (car cell) (car (cdr cell)))
      (if (integerp (car (cdr cell)))
          (setcdr cell (cdr (cdr cell)))
        (setq cell (cdr cell))))))

(defun undo--skip-boundaries (undo-list) "UNDO-LIST without the boundaries at its front."
  (while (and (consp undo-list) (null (car undo-list)))
    (setq undo-list (cdr undo-list)))
  undo-list)

(defun undo--last-change-was-undo-p (undo-list) "Non-nil when the newest change group in UNDO-LIST was made by an undo: what `undo-equiv-table' says of it."
  (gethash (undo--skip-boundaries undo-list) undo-equiv-table))

(defun undo--jump-past-undoings (entry) "Follow ENTRY, what `undo-equiv-table' says of a change, back through undoings of undoings; give the pending list to go on from, or t."
  (let (earlier)
    (while (and (consp entry) (setq earlier (gethash entry undo-equiv-table)))
      (setq entry earlier)))
  (if (consp entry) entry t))

(defun undo (&optional arg) "Undo some previous changes; repeat it (as the next command) to undo more.
A numeric ARG undoes that many groups of changes.  With the region active
(in Transient Mark mode), only changes within the region are undone."
  (interactive "*P")
  (let ((before buffer-undo-list)
        (count (if (numberp arg) (prefix-numeric-value arg) 1))
        (redo nil))
    ;; Until the start is done, an error leaves the next undo a fresh one.
    (setq this-command 'undo-start)
    (unless (and (eq last-command 'undo)
                 ;; Nothing else changed the buffer since the previous undo,
                 ;; or that one ran out.
                 (or (eq pending-undo-list t)
                     (undo--last-change-was-undo-p buffer-undo-list)))
      (let ((bounds (and (not (consp arg)) (region-active-p)
                         (cons (region-beginning) (region-end)))))
        (setq undo-in-region (consp bounds))
        (undo-start (car bounds) (cdr bounds)))
      ;; The group that the latest boundary closes comes off first.
      (undo-more 1))
    (setq this-command 'undo)
    ;; Is what comes next itself the work of an undo?
    (let ((source (undo--last-change-was-undo-p pending-undo-list)))
      (cond ((null source))
            ((not undo-no-redo) (setq redo t))
            ;; Only an undoing whose pending list is known can be stepped over.
            ((memq source '(undo-in-region empty)))
            (t (setq pending-undo-list (undo--jump-past-undoings source)))))
    (undo-more count)
    (let ((made (undo--skip-boundaries buffer-undo-list)))
      (cond ((not (consp made)))
            ;; Nothing undone: the newest change keeps what it was known as.
            ((eq buffer-undo-list before)
             (unless (gethash made undo-equiv-table) (puthash made 'empty undo-equiv-table)))
            (t (puthash made (if undo-in-region 'undo-in-region pending-undo-list) undo-equiv-table))))
    (undo--drop-positions)
    (message "%s%s" (if redo "Redo" "Undo") (if undo-in-region " in region" ""))))

(defun undo-only (&optional arg) "Undo some previous changes without redoing undone ones; ARG as for `undo'."
  (interactive "*p")
  (dlet ((undo-no-redo t))
    (undo arg)))

;; On `post-self-insert-hook' from the start, so preloaded (as in GNU): typing a closer must
;; not load simple-odds, where `blink-matching-open' lives.
(defun blink-paren-post-self-insert-function () "After a self-inserted close paren, show its partner with `blink-paren-function'."
  (when (and blink-paren-function
             (characterp last-command-event)
             (eq (char-before) last-command-event)
             (eq (char-syntax last-command-event) ?\))
             (not executing-kbd-macro)
             (not noninteractive))
    (funcall blink-paren-function)))

;;;; Reading Lisp in the minibuffer, preloaded as GNU's is (a caller may
;;;; rebind these before the commands that use them are loaded).

(defun read--expression (prompt &optional initial-contents) "Read a Lisp expression in the minibuffer with PROMPT."
  (read-from-minibuffer prompt initial-contents read-expression-map t 'read-expression-history))

(defun read-minibuffer (prompt &optional initial-contents) "Read a Lisp object in the minibuffer with PROMPT."
  (read-from-minibuffer prompt initial-contents minibuffer-local-map t))

(defun eval-minibuffer (prompt &optional initial-contents) "Read an expression in the minibuffer with PROMPT and return its value."
  (eval (read-minibuffer prompt initial-contents) t))

;;;; The variables of next-error (its commands are in simple-args.el), preloaded
;;;; so that a let-binding of one in any file is dynamic.

(dolist (spec '((next-error-last-buffer nil "The buffer `next-error' last moved through.")
                (next-error-find-buffer-function ignore "Function asked first by `next-error-find-buffer'; a non-nil answer is the buffer to use.")
                (next-error-hook nil "Hook run after `next-error' has moved to a locus.")
                (next-error-highlight 0.5 "How long `next-error' highlights a locus.")
                (next-error-highlight-no-select 0.5 "How long `next-error-no-select' highlights a locus.")
                (next-error-verbose t "Non-nil means `next-error' reports in the echo area which buffer it used.")
                (next-error-recenter nil "Where `next-error' puts the locus in its window, or nil.")))
  (eval `(defvar ,(car spec) ',(nth 1 spec) ,(nth 2 spec)) t))
(dolist (spec '((next-error-buffer "The buffer whose locus this buffer's last `next-error' visited.")
                (next-error-function "In a buffer listing loci, the function `next-error' calls with a count and a reset flag.")
                (next-error-move-function "Function that moves to the next locus in a buffer listing loci, or nil.")))
  (eval `(defvar ,(car spec) nil ,(nth 1 spec)) t)
  (make-variable-buffer-local (car spec)))

;;;; More of the variables GNU's simple.el has bound at start-up.  Those
;; the batch commands of tsmacs consult are used where said; the others are
;; bound for the programs that read or bind them (docs/editing.md).

(defvar non-essential nil "Non-nil while work runs that the user did not ask for, which should then not prompt.")
(defvar widen-automatically t "Non-nil means commands that move far may widen a narrowed buffer.")
(defvar amalgamating-undo-limit 20 "How many changes of one simple command are joined into a single undo step.")
(defvar undo-extra-outer-limit nil "When an integer, a bigger `undo-outer-limit' for the current command.")
(make-variable-buffer-local 'undo-extra-outer-limit)
(defvar self-insert-uses-region-functions nil "Functions asked, before a typed character replaces the region, whether they handle it.")
(defvar minibuffer-completing-symbol nil "Non-nil while the minibuffer completes a Lisp symbol.")
(defvar minibuffer-history-search-history nil "The history of the regexps searched for in minibuffer histories.")
(defvar minibuffer-temporary-goal-position nil "Where line motion in the minibuffer history tries to keep point.")
(defvar extended-command-history nil "The history of the command names read by M-x.")
(defvar execute-extended-command--binding-timer nil "The timer that shows the key of a command run by M-x.")
(defvar shell-command-history nil "The history of the shell commands read in the minibuffer.")
(defvar set-variable-value-history nil "The history of the values read by `set-variable'.")
(defvar goto-line-history nil "The history of the line numbers read by `goto-line'.")
(defvar cycle-spacing--context nil "What `cycle-spacing' needs to remember between two of its calls.")
(defvar next-error-highlight-timer nil "The timer that removes the highlighting of the current error.")
(defvar next-error-overlay-arrow-position nil "The marker of the current error's line in its buffer.")
(defvar vis-mode-saved-buffer-invisibility-spec nil "The `buffer-invisibility-spec' Visible mode saved when it was turned on.")
(defvar visual-line--saved-state nil "Variables Visual Line mode saved when it was turned on.")
(defvar completion-no-auto-exit nil "Non-nil means choosing a completion from the list does not exit the minibuffer.")
(defvar mail-encode-mml nil "Non-nil means the mail being sent holds MML parts to encode.")
(defvar clone-buffer-hook nil "Functions run in the new buffer made by `clone-buffer'.")
(defvar completion-list-mode-hook nil "Functions run on entering Completion List mode.")
(defvar process-menu-mode-hook nil "Functions run on entering Process Menu mode.")
(defvar overwrite-mode-textual " Ovwrt" "What the mode line shows while Overwrite mode is on.")
(defvar overwrite-mode-binary " Bin Ovwrt" "What the mode line shows while binary Overwrite mode is on.")
(defvar shell-command-buffer-name "*Shell Command Output*" "The buffer that collects what a synchronous shell command writes.")
(defvar shell-command-buffer-name-async "*Async Shell Command*" "The buffer that collects what an asynchronous shell command writes.")
(defvar bidi-directional-controls-chars "\u202a-\u202e\u2066-\u2069" "The characters that control the direction of bidirectional text, as a set for `skip-chars-forward'.")
(defvar bidi-directional-non-controls-chars "^\u202a-\u202e\u2066-\u2069" "Every character but those of `bidi-directional-controls-chars', as a set for `skip-chars-forward'.")

;; User options.
(defvar async-shell-command-buffer 'confirm-new-buffer "What an asynchronous shell command does when its output buffer is busy.")
(defvar async-shell-command-display-buffer t "Non-nil means the output buffer of an asynchronous shell command is shown at once.")
(defvar async-shell-command-width nil "When an integer, the COLUMNS an asynchronous shell command is given.")
(defvar shell-command-prompt-show-cwd nil "Non-nil means the prompt of `shell-command' names the current directory.")
(defvar process-file-return-signal-string nil "Non-nil means `process-file' gives the signal's name for a program killed by one.")
(defvar auto-fill-inhibit-regexp nil "A regexp: Auto Fill does not break lines that match it from their start.")
(defvar auto-save-mode-hook nil "Functions run when Auto Save mode is turned on or off.")
(defvar completion-show-help t "Non-nil means the list of completions starts with a line of help.")
(defvar compose-mail-user-agent-warnings t "Non-nil means a mail composer warns when the variable `mail-user-agent' looks unset.")
(defvar mail-user-agent 'message-user-agent "The package mail is composed with, as a symbol of `define-mail-user-agent'.")
(defvar read-mail-command 'rmail "The command to read mail with.")
(defvar eval-expression-debug-on-error t "Non-nil means `eval-expression' binds `debug-on-error' to t.")
(defvar global-visual-line-mode-hook nil "Functions run when Global Visual Line mode is turned on or off.")
(defvar next-error-follow-minor-mode-hook nil "Functions run when Next Error Follow mode is turned on or off.")
(defvar normal-erase-is-backspace-mode-hook nil "Functions run when Normal Erase Is Backspace mode is turned on or off.")
(defvar normal-erase-is-backspace 'maybe "Whether the Delete key deletes forward: t, nil, or `maybe' to ask the terminal.")
(defvar goto-line-history-local nil "Non-nil means each buffer has a history of its own for `goto-line'.")
(defvar idle-update-delay 0.5 "Seconds of idleness before things shown on the screen are brought up to date.")
(defvaralias 'indicate-unused-lines 'indicate-empty-lines)
(defvar read-extended-command-predicate nil "A function of (SYMBOL BUFFER) that filters the commands M-x offers, or nil for all.")
(defvar undo-ask-before-discard nil "Non-nil means the user is asked before an undo list over `undo-outer-limit' is thrown away.")
(defvar use-empty-active-region nil "Non-nil means commands act on an active region even when it is empty.")
(defvar visual-line-fringe-indicators '(nil nil) "The fringe bitmaps of Visual Line mode: (LEFT RIGHT).")
(defvar what-cursor-show-names nil "Non-nil means `what-cursor-position' names the character too.")
(defvar yank-from-kill-ring-rotate t "Non-nil means `yank-from-kill-ring' also rotates the kill ring to the text chosen.")

(provide 'simple)

;;; simple.el --- end