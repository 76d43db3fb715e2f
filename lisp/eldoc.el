;;; eldoc.el --- Eldoc mode's state, commands table and switches, without a display  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Eldoc
;; shows, after each command, documentation for the thing at point.
;; tsmacs has no echo area to show it in, so what is here is what
;; programs set up and ask: the mode and its global switch, the table of
;; commands after which documentation would be shown, and the hook of
;; documentation functions (Emacs Lisp mode's are in elisp-mode.el).
;; Autoloaded (autoloads.el).

;;;###autoload
(defvar eldoc-last-message nil "The documentation shown last.")
;;;###autoload
(defvar eldoc-display-functions '(eldoc-display-in-echo-area eldoc-display-in-buffer) "Functions showing the documentation collected.")
(defvar eldoc-documentation-functions nil "Hook of functions producing documentation for the thing at point.
Each is called with a callback, to which it passes a string and
properties, and returns non-nil when it reports something.")
;;;###autoload
(defvar eldoc-documentation-strategy #'eldoc-documentation-default "Function deciding how the documentation functions' results are combined.")
;;;###autoload
(defvar eldoc-echo-area-prefer-doc-buffer nil "Non-nil means prefer the documentation buffer to the echo area.")
;;;###autoload
(defvar eldoc-echo-area-display-truncation-message t "Non-nil means say so when shown documentation was cut.")
;;;###autoload
(defvar eldoc-echo-area-use-multiline-p 'truncate-sym-name-if-fit "How documentation longer than a line is shown in the echo area.")
;;;###autoload
(defvar eldoc-argument-case #'identity "Function applied to argument names shown.")
;;;###autoload
(defvar eldoc-minor-mode-string " ElDoc" "Mode line lighter of Eldoc mode.")
;;;###autoload
(defvar eldoc-print-after-edit nil "Non-nil means documentation is shown only after editing commands.")
;;;###autoload
(defvar eldoc-idle-delay 0.5 "Seconds of idle time before documentation is shown.")

;;;###autoload
(defconst eldoc-message-commands-table-size 31 "Size of the obarray `eldoc-message-commands'.")

;;;###autoload
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
;;;###autoload
(defvar eldoc-timer nil "The idle timer that shows documentation, or nil before the first one is made.")
;;;###autoload
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
;;;###autoload
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
    (setq local-minor-modes (delq 'eldoc-mode local-minor-modes))
    (when eldoc-mode (push 'eldoc-mode local-minor-modes))
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
  (setq global-minor-modes (delq 'global-eldoc-mode global-minor-modes))
  (when global-eldoc-mode (push 'global-eldoc-mode global-minor-modes))
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (if global-eldoc-mode (turn-on-eldoc-mode) (when eldoc-mode (eldoc-mode -1)))))
  global-eldoc-mode)

;; The strategy engine.  A strategy asks the documentation functions for
;; their reports, each through a callback it gets from
;; `eldoc--make-callback'; the engine collects what the callbacks receive
;; and hands the collection, ordered by the asking function's place, to
;; every function of `eldoc-display-functions'.
(defvar eldoc--callback-maker nil "While a strategy runs, the function that makes its callbacks, else nil.")
;;;###autoload
(defvar eldoc--last-request-state nil "The request state documentation was last asked for without a command.")
;;;###autoload
(defvar-local eldoc--doc-buffer-docs nil "The documentation shown in this documentation buffer.")
;;;###autoload
(defvar eldoc--doc-buffer nil "The buffer documentation is written to, once made.")

(defun eldoc--request-state () "Return what identifies a request for documentation: buffer, modification tick and point."
  (let ((buf (current-buffer)))
    (list buf (buffer-modified-tick buf) (point))))

(defun eldoc--make-callback (method) "Return a new callback for a documentation function, following METHOD.
METHOD is `:patient' (show the reports once every callback has
reported), `:eager' (show them at each report) or `:enthusiast'.
Only meaningful while a strategy runs."
  (funcall eldoc--callback-maker method))

(defun eldoc--invoke-strategy (interactive) "Run `eldoc-documentation-strategy' and show what it collects; INTERACTIVE is passed to the display functions."
  (let ((issued 0) (answered 0) (reports nil))
    (let* ((show (lambda ()
                   (let ((ordered (sort (copy-sequence reports) (lambda (a b) (< (car a) (car b))))))
                     (run-hook-with-args 'eldoc-display-functions (mapcar #'cdr ordered) interactive))))
           (eldoc--callback-maker
            (lambda (method)
              (let ((slot issued))
                (setq issued (1+ issued))
                (lambda (string &rest props)
                  (pcase method
                    (:enthusiast nil)
                    (_ (setq answered (1+ answered))
                       (when string (push (cons slot (cons string props)) reports))
                       (when (or (eq method :eager) (= answered issued)) (funcall show))))
                  t)))))
      ;; A strategy may also answer with a string, as the old single
      ;; documentation function did: that is shown as the first report.
      (let ((answer (funcall eldoc-documentation-strategy)))
        (if (stringp answer)
            (progn (push (list 0 answer) reports) (funcall show) nil)
          (and answer t))))))

(defun eldoc--call-documentation-function (fn callback) "Call FN with CALLBACK; a string FN returns is reported through CALLBACK, and so is nothing when FN returns nil."
  (let ((value (funcall fn callback)))
    (cond ((stringp value) (funcall callback value))
          ((null value) (funcall callback nil)))
    value))

(defun eldoc-documentation-default () "Report the documentation of the first function of `eldoc-documentation-functions' that has some."
  ;; One callback serves whichever function answers first.
  (let ((report (eldoc--make-callback :patient)))
    (run-hook-wrapped 'eldoc-documentation-functions
                      (lambda (fn) (funcall fn report)))))

(defun eldoc--ask-each (method) "Call every documentation function with its own callback of METHOD; return t."
  (run-hook-wrapped 'eldoc-documentation-functions
                    (lambda (fn)
                      (eldoc--call-documentation-function fn (eldoc--make-callback method))
                      nil))
  t)

(defun eldoc--documentation-compose-1 (eagerlyp) "Ask every documentation function, reporting at each answer if EAGERLYP, else once all answered."
  (eldoc--ask-each (if eagerlyp :eager :patient)))

(defun eldoc-documentation-compose () "Report the documentation of all of `eldoc-documentation-functions' together, once all have answered."
  (eldoc--ask-each :patient))

(defun eldoc-documentation-compose-eagerly () "Report the documentation of `eldoc-documentation-functions' as each one answers."
  (eldoc--ask-each :eager))

(defun eldoc-documentation-enthusiast () "Ask every documentation function, preferring the earliest function's report."
  ;; Enthusiast callbacks show nothing in GNU 28.2 either.
  (dolist (fn (eldoc--hook-functions)) (funcall fn (eldoc--make-callback :enthusiast)))
  t)

(defun eldoc--hook-functions () "Return the functions of `eldoc-documentation-functions', local ones first and the global ones where t stands."
  (let (fns)
    (run-hook-wrapped 'eldoc-documentation-functions (lambda (fn) (push fn fns) nil))
    (nreverse fns)))

(defun eldoc-print-current-symbol-info (&optional interactive) "Show the documentation of the thing at point.
Called from Lisp (INTERACTIVE nil) it does nothing when nothing
changed since the last such call.  Return non-nil when asked."
  (interactive '(t))
  (when (eldoc--supported-p)
    (let ((state (eldoc--request-state)))
      (cond (interactive (and (eldoc--invoke-strategy t) t))
            ((equal state eldoc--last-request-state) nil)
            (t (setq eldoc--last-request-state state)
               (and (eldoc--invoke-strategy nil) t))))))

(defalias 'eldoc #'eldoc-print-current-symbol-info)

(defun eldoc--message (&optional string) "Show STRING in the echo area and remember it as the last documentation."
  (setq eldoc-last-message string)
  (message "%s" (or string ""))
  string)

(defun eldoc--truncation-note () "Return the note that says shown documentation was cut."
  (concat "(Documentation truncated. Use `"
          (substitute-command-keys "\\[eldoc-doc-buffer]")
          "' to see rest)"))

(defun eldoc--echo-area-substring (available) "Return the first lines of the current buffer that fit in AVAILABLE echo area lines.
When the buffer has more, the last line is replaced by a note saying
so (if `eldoc-echo-area-display-truncation-message')."
  (goto-char (point-min))
  (if (<= available 0)
      ""
    (let* ((total (count-lines (point-min) (point-max)))
           (cut (> total available))
           (note (and cut eldoc-echo-area-display-truncation-message (> available 1)))
           (keep (if note (1- available) (min available total))))
      (forward-line (max 0 (1- keep)))
      (end-of-line)
      (let ((text (buffer-substring (point-min) (point))))
        (if note (concat text "\n" (eldoc--truncation-note)) text)))))

(defun eldoc--echo-area-prefer-doc-buffer-p (truncatedp) "Return the window of the documentation buffer if it is preferred to the echo area.
It is when `eldoc-echo-area-prefer-doc-buffer' is t, or non-nil and
TRUNCATEDP."
  (and (or (eq eldoc-echo-area-prefer-doc-buffer t)
           (and eldoc-echo-area-prefer-doc-buffer truncatedp))
       (fboundp 'get-buffer-window)
       (get-buffer-window eldoc--doc-buffer)))

(defun eldoc-display-in-echo-area (_docs _interactive) "Show DOCS in the echo area; in batch there is none, so return t."
  t)

(defun eldoc--doc-text (docs) "Insert DOCS, each preceded by its thing's name, into the current buffer."
  (let ((first t))
    (dolist (doc docs)
      (unless first (insert "\n"))
      (setq first nil)
      (let ((thing (plist-get (cdr doc) :thing)))
        (when thing
          (insert (propertize (format "%s" thing) 'face (plist-get (cdr doc) :face)) ": ")))
      (insert (car doc)))))

(defun eldoc--format-doc-buffer (docs) "Write DOCS to the documentation buffer, name it after their things and return it."
  (unless (buffer-live-p eldoc--doc-buffer)
    (setq eldoc--doc-buffer (get-buffer-create " *eldoc*")))
  (with-current-buffer eldoc--doc-buffer
    (let ((inhibit-read-only t)
          (hidden (string-prefix-p " " (buffer-name)))
          (things nil))
      (erase-buffer)
      (eldoc--doc-text docs)
      (dolist (doc docs)
        (let ((thing (plist-get (cdr doc) :thing)))
          (when thing
            (let ((name (format "%s" thing)))
              (unless (member name things) (push name things))))))
      (setq eldoc--doc-buffer-docs docs)
      (setq buffer-read-only t)
      (rename-buffer (concat (if hidden " " "") "*eldoc"
                             (if things (concat " for " (mapconcat #'identity things ", ")) "")
                             "*")
                     t)))
  eldoc--doc-buffer)

(defun eldoc-doc-buffer () "Show the buffer with the documentation Eldoc collected last."
  (interactive)
  (unless (buffer-live-p eldoc--doc-buffer)
    (user-error (concat "ElDoc buffer doesn't exist, " "maybe `%s' to produce one.")
                (substitute-command-keys "\\[eldoc]")))
  (with-current-buffer eldoc--doc-buffer
    (when (string-prefix-p " " (buffer-name))
      (rename-buffer (substring (buffer-name) 1) t)))
  (if (fboundp 'display-buffer) (display-buffer eldoc--doc-buffer) eldoc--doc-buffer))

(defun eldoc-display-in-buffer (docs interactive) "Write DOCS to the documentation buffer, and show it if INTERACTIVE."
  (eldoc--format-doc-buffer docs)
  (when interactive (eldoc-doc-buffer)))

(defun eldoc-mode-set-explicitly () "Record that Eldoc mode was set by hand in the current buffer."
  (setq-local eldoc-mode-set-explicitly t))

;;;###autoload
(defvar global-eldoc-mode-buffers nil "Buffers made since the last command, where `global-eldoc-mode' may turn Eldoc mode on.")

(defun global-eldoc-mode-enable-in-buffers () "Turn Eldoc mode on, as `global-eldoc-mode' asks, in the buffers made lately."
  (let ((bufs global-eldoc-mode-buffers))
    (setq global-eldoc-mode-buffers nil)
    (dolist (buf bufs)
      (when (buffer-live-p buf)
        (with-current-buffer buf
          (unless (bound-and-true-p eldoc-mode-set-explicitly)
            (turn-on-eldoc-mode)))))))

(defun global-eldoc-mode-check-buffers () "After a command, treat the buffers made during it for `global-eldoc-mode'."
  (global-eldoc-mode-enable-in-buffers)
  (remove-hook 'post-command-hook #'global-eldoc-mode-check-buffers))

(defun global-eldoc-mode-cmhh () "Note the current buffer for `global-eldoc-mode', to be treated after the command."
  (add-to-list 'global-eldoc-mode-buffers (current-buffer))
  (add-hook 'post-command-hook #'global-eldoc-mode-check-buffers))

(defun eldoc--eval-expression-setup () "Set up Eldoc for Emacs Lisp in the minibuffer of `eval-expression'."
  (setq-local eldoc-documentation-strategy #'eldoc-documentation-default)
  (add-hook 'eldoc-documentation-functions #'elisp-eldoc-var-docstring nil t)
  (add-hook 'eldoc-documentation-functions #'elisp-eldoc-funcall nil t)
  (eldoc-mode 1))

(defmacro eldoc--documentation-strategy-defcustom (main secondary value docstring &rest args) "Define the option MAIN, with SECONDARY as its other name, VALUE, DOCSTRING and ARGS."
  ;; Both branches are kept in the expansion, as GNU's macro gives them.
  (let ((old-style (list 'progn
                         (append (list 'defcustom secondary value docstring) args)
                         (list 'define-obsolete-variable-alias (list 'quote main)
                               (list 'quote secondary) "eldoc-1.1.0")))
        (new-style (list 'progn
                         (append (list 'defcustom main value docstring) args)
                         (list 'defvaralias (list 'quote secondary) (list 'quote main) docstring))))
    (list 'if '(< emacs-major-version 28) old-style new-style)))

(provide 'eldoc)
