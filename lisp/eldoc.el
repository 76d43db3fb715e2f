;;; eldoc.el --- Eldoc mode's state, commands table and switches, without a display  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Eldoc
;; shows, after each command, documentation for the thing at point.
;; tsmacs has no echo area to show it in, so what is here is what
;; programs set up and ask: the mode and its global switch, the table of
;; commands after which documentation would be shown, and the hook of
;; documentation functions (Emacs Lisp mode's are in elisp-mode.el).
;; Autoloaded (autoloads.el).

(defvar eldoc-last-message nil "The documentation shown last.")
(defvar eldoc-display-functions '(eldoc-display-in-echo-area eldoc-display-in-buffer) "Functions showing the documentation collected.")
(defvar eldoc-documentation-functions nil "Hook of functions producing documentation for the thing at point.
Each is called with a callback, to which it passes a string and
properties, and returns non-nil when it reports something.")
(defvar eldoc-documentation-strategy #'eldoc-documentation-default "Function deciding how the documentation functions' results are combined.")
(defvar eldoc-echo-area-prefer-doc-buffer nil "Non-nil means prefer the documentation buffer to the echo area.")
(defvar eldoc-echo-area-display-truncation-message t "Non-nil means say so when shown documentation was cut.")
(defvar eldoc-echo-area-use-multiline-p 'truncate-sym-name-if-fit "How documentation longer than a line is shown in the echo area.")
(defvar eldoc-argument-case #'identity "Function applied to argument names shown.")
(defvar eldoc-minor-mode-string " ElDoc" "Mode line lighter of Eldoc mode.")
(defvar eldoc-print-after-edit nil "Non-nil means documentation is shown only after editing commands.")
(defvar eldoc-idle-delay 0.5 "Seconds of idle time before documentation is shown.")

(defconst eldoc-message-commands-table-size 31 "Size of the obarray `eldoc-message-commands'.")

(defvar eldoc-message-commands (obarray-make eldoc-message-commands-table-size) "Obarray of the commands after which documentation is shown: each symbol's value is t.")

(defun eldoc-add-command (&rest cmds) "Add the commands CMDS (symbols or names) to `eldoc-message-commands'."
  (dolist (cmd cmds)
    (when (symbolp cmd) (setq cmd (symbol-name cmd)))
    (set (intern cmd eldoc-message-commands) t)))

(defun eldoc-remove-command (&rest cmds) "Remove the commands CMDS (symbols or names) from `eldoc-message-commands'."
  (dolist (cmd cmds)
    (unintern (if (symbolp cmd) (symbol-name cmd) cmd) eldoc-message-commands)))

(defun eldoc--commands-named (prefixes) "Return the names of the commands whose names start with one of PREFIXES."
  (let (names)
    (mapatoms (lambda (s)
                (when (and (commandp s)
                           (seq-some (lambda (p) (string-prefix-p p (symbol-name s))) prefixes))
                  (push (symbol-name s) names))))
    names))

(defun eldoc-add-command-completions (&rest names) "Add every command whose name starts with one of NAMES to `eldoc-message-commands'."
  (apply #'eldoc-add-command (eldoc--commands-named names)))

(defun eldoc-remove-command-completions (&rest names) "Remove every command whose name starts with one of NAMES from `eldoc-message-commands'."
  (let (gone)
    (mapatoms (lambda (s)
                (when (seq-some (lambda (p) (string-prefix-p p (symbol-name s))) names)
                  (push (symbol-name s) gone)))
              eldoc-message-commands)
    (apply #'eldoc-remove-command gone)))

;; The motion and window commands after which documentation is refreshed.
(apply #'eldoc-add-command-completions
       (split-string "up-list split-window- self-insert-command scroll- right- recenter previous-
 pop-global-mark other-window next- newline move- mouse-set-point mark-paragraph mark-page left-
 indent-for-tab-command handle-select-window goto- forward- exchange-point-and-mark end-of-
 down-list delete-window delete-other-windows beginning-of- backward- back-to-indentation"))

(defun eldoc--message-command-p (command) "Return COMMAND's symbol in `eldoc-message-commands' when it is one of them, else nil."
  (and (symbolp command) command
       (intern-soft (symbol-name command) eldoc-message-commands)))

(defun eldoc--supported-p () "Return non-nil if the current buffer has documentation functions for Eldoc."
  eldoc-documentation-functions)

(defun eldoc-display-message-p () "Return non-nil if documentation may be shown now; never in batch."
  (and (not noninteractive) (eldoc-display-message-no-interference-p)))

(defun eldoc-display-message-no-interference-p () "Return non-nil if showing documentation would not hide something else."
  (not (or (bound-and-true-p executing-kbd-macro) (bound-and-true-p edebug-active))))

(defun eldoc-message (&optional string) "Show STRING as the current documentation and return it."
  (setq eldoc-last-message string)
  (when string (message "%s" string))
  string)

(defun eldoc-minibuffer-message (format-string &rest args) "Show the message FORMAT-STRING formatted with ARGS, as `message' does."
  (apply #'message format-string args))

;; The idle timer that would show documentation; tsmacs has no idle
;; time in batch, but the timer is made and kept as GNU makes it.
(defvar eldoc-timer nil "The idle timer that shows documentation, or nil before the first one is made.")
(defvar eldoc-current-idle-delay eldoc-idle-delay "The idle delay `eldoc-timer' was made with.")

(defun eldoc--idle-tick () "Show documentation, from the idle timer, if Eldoc mode is on and it may."
  (when (and eldoc-mode (eldoc-display-message-p)
             (fboundp 'eldoc-print-current-symbol-info))
    (eldoc-print-current-symbol-info)))

(defun eldoc-schedule-timer () "Make sure the idle timer of Eldoc exists and follows `eldoc-idle-delay'."
  (let ((wanted eldoc-idle-delay))
    (or (memq eldoc-timer timer-idle-list)
        (setq eldoc-timer (run-with-idle-timer wanted nil #'eldoc--idle-tick)))
    (when (/= wanted eldoc-current-idle-delay)
      (setq eldoc-current-idle-delay wanted)
      (timer-set-idle-time eldoc-timer wanted t))))

;; What Eldoc mode adds to the buffer's command hooks, as (HOOK . FUNCTION).
(defconst eldoc--command-hooks '((post-command-hook . eldoc-schedule-timer)
                                 (pre-command-hook . eldoc-pre-command-refresh-echo-area))
  "The local command hooks Eldoc mode uses, each (HOOK . FUNCTION).")

(defun eldoc-pre-command-refresh-echo-area () "Before a command, keep or forget the documentation shown last.
It is kept, shown again and returned, only when the command about to
run is one after which Eldoc shows documentation and nothing such as
a keyboard macro is running; otherwise it is forgotten."
  (when eldoc-last-message
    (if (and (eldoc--message-command-p this-command)
             (eldoc-display-message-no-interference-p))
        (eldoc-message eldoc-last-message)
      (setq eldoc-last-message nil))))

(defun eldoc-edit-message-commands () "Return a new obarray of the commands that edit text: the ones whose names say delete, edit, electric, insert or newline."
  (let ((table (obarray-make eldoc-message-commands-table-size))
        (pattern "delete\\|edit\\|electric\\|insert\\|newline"))
    (mapatoms (lambda (sym)
                (and (commandp sym)
                     (string-match-p pattern (symbol-name sym))
                     (intern (symbol-name sym) table))))
    table))

(defvar-local eldoc-mode nil "Non-nil when Eldoc mode is on in the buffer.")
(defvar eldoc-mode-hook nil "Hook run when Eldoc mode is turned on or off.")
(defvar eldoc-mode-on-hook nil "Hook run when Eldoc mode is turned on.")
(defvar eldoc-mode-off-hook nil "Hook run when Eldoc mode is turned off.")
(unless (assq 'eldoc-mode minor-mode-alist)
  (push '(eldoc-mode eldoc-minor-mode-string) minor-mode-alist))

;; Written out rather than with `define-minor-mode', so that loading this
;; file does not load easy-mmode.
(defun eldoc-mode (&optional arg) "Toggle showing documentation of the thing at point after each command, as ARG says.
A positive ARG or nil turns it on, zero or negative off, `toggle'
switches.  It is turned on only in buffers with documentation functions."
  (interactive (list (or current-prefix-arg 'toggle)))
  (let ((on (cond ((eq arg 'toggle) (not eldoc-mode))
                  ((null arg) t)
                  (t (> (prefix-numeric-value arg) 0)))))
    (setq eldoc-mode (and on (eldoc--supported-p) t))
    (pcase-dolist (`(,hook . ,fn) eldoc--command-hooks)
      (if eldoc-mode (add-hook hook fn nil t) (remove-hook hook fn t)))
    (run-hooks 'eldoc-mode-hook (if eldoc-mode 'eldoc-mode-on-hook 'eldoc-mode-off-hook))
    eldoc-mode))

(defun turn-on-eldoc-mode () "Turn on Eldoc mode if the current buffer has documentation functions."
  (when (eldoc--supported-p)
    (eldoc-mode 1)))

(defvar global-eldoc-mode t "Non-nil when Eldoc mode is turned on in every buffer that supports it.")

(defun global-eldoc-mode (&optional arg) "Toggle turning Eldoc mode on in every buffer that supports it, as ARG says.
A positive ARG or nil turns it on, zero or negative off, `toggle' switches."
  (interactive (list (or current-prefix-arg 'toggle)))
  (setq global-eldoc-mode (cond ((eq arg 'toggle) (not global-eldoc-mode))
                                ((null arg) t)
                                (t (> (prefix-numeric-value arg) 0))))
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (if global-eldoc-mode (turn-on-eldoc-mode) (when eldoc-mode (eldoc-mode -1)))))
  global-eldoc-mode)

(provide 'eldoc)
