;;; comint.el --- buffers that talk to an interactive subprocess  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A comint buffer shows what a subprocess writes and sends it what the
;; user types after the process mark.  Output goes through the pre-output
;; hooks, is inserted at the process mark with the `output' field, has its
;; carriage returns and backspaces acted on, and then the output hooks run
;; (colours, password prompts).  Input is the text from the process mark to
;; the end of the line; sending it records it in a ring for the history
;; commands.  A command's output can instead be diverted to another buffer
;; until a regexp says it is complete (the "redirect" functions).

;;; Code:

(dolist (feature '(ring ansi-color)) (require feature))

(custom-declare-group 'comint nil "Buffers talking to an interactive subprocess." :group 'processes)
(custom-declare-group 'comint-completion nil "Completion in comint buffers." :group 'comint)

;;;; Options and state

(defmacro comint--option (name value doc type &rest more)
  "Declare the comint user option NAME with VALUE, DOC, TYPE and MORE keywords."
  `(custom-declare-variable ',name ,value ,doc :group 'comint :type ',type ,@more))

(comint--option comint-prompt-read-only nil "Non-nil: prompts are made read-only." boolean :version "22.1")
(comint--option comint-input-autoexpand nil "Whether history references in input are expanded."
                symbol)
(comint--option comint-input-ignoredups nil "Non-nil: input equal to the newest ring entry is not recorded again." boolean)
(comint--option comint-input-ring-file-name nil "The file the input ring is read from and written to." (choice file (const nil)))
(comint--option comint-scroll-to-bottom-on-input nil "Whether point goes to the end before input is inserted."
                symbol)
(comint--option comint-move-point-for-output nil "Whether point follows output in windows showing it."
                symbol)
(defvaralias 'comint-scroll-to-bottom-on-output 'comint-move-point-for-output)
(comint--option comint-scroll-show-maximum-output t "Non-nil: the window shows as much output as it can." boolean)
(comint--option comint-buffer-maximum-size 1024 "How many lines `comint-truncate-buffer' keeps." integer)
(comint--option comint-input-ring-size 500 "How many inputs the ring holds." integer)
(comint--option comint-input-ring-separator "\n" "What separates the inputs in the history file." string)
(comint--option comint-input-history-ignore "^#" "Lines of the history file matching this are skipped." regexp)
(comint--option comint-process-echoes nil "Non-nil: the process echoes input, so the echo is deleted." boolean)
(comint--option comint-password-prompt-regexp
                "\\(^ *\\|\\( SMB\\|'s\\|Bad\\|C\\(?:VS\\|urrent\\)\\|Enter\\(?: \\(?:Auth\\|\\(?:sam\\|th\\)e\\)\\)?\\|Kerberos\\|LDAP\\|New\\|Old\\|PEM\\|Re\\(?:peat\\|type\\)\\|SUDO\\|UNIX\\|Verify\\|\\[sudo]\\|doas\\|enter\\(?: \\(?:auth\\|\\(?:sam\\|th\\)e\\)\\)?\\|login\\|new\\|old\\) +.*\\)\\(?:\\(?:adgangskode\\|contrase\\(?:\\(?:ny\\|ñ\\)a\\)\\|decryption key\\|encryption key\\|geslo\\|h\\(?:\\(?:asł\\|esl\\)o\\)\\|iphasiwedi\\|jelszó\\|l\\(?:ozinka\\|ösenord\\)\\|m\\(?:ot de passe\\|ật khẩu\\)\\|p\\(?:a\\(?:rola\\|s\\(?:ahitza\\|s\\(?: phrase\\|code\\|ord\\|phrase\\|wor[dt]\\)\\|vorto\\)\\)\\|in\\)\\|s\\(?:alasana\\|enha\\|laptažodis\\)\\|wachtwoord\\|лозинка\\|пароль\\|ססמה\\|كلمة السر\\|गुप्तशब्द\\|शब्दकूट\\|গুপ্তশব্দ\\|পাসওয়ার্ড\\|ਪਾਸਵਰਡ\\|પાસવર્ડ\\|ପ୍ରବେଶ ସଙ୍କେତ\\|கடவுச்சொல்\\|సంకేతపదము\\|ಗುಪ್ತಪದ\\|അടയാളവാക്ക്\\|රහස්පදය\\|ពាក្យសម្ងាត់\\|パスワード\\|密[码碼]\\|암호\\)\\|Response\\)\\(?:\\(?:, try\\)? *again\\| (empty for no passphrase)\\| (again)\\)?\\(?: [[:alpha:]]+ .+\\)?[[:blank:]]*[:：៖][[:space:]]*\\'\\|^Enter encryption key: (repeat) *\\'"
                "Output matching this (case ignored) is a prompt for a password." regexp :version "28.1")
(comint--option comint-password-function nil "Called with the prompt before `read-passwd'; a string it gives is sent instead." (choice (const nil) function) :version "27.1" :local t)
(comint--option comint-terminfo-terminal "dumb" "The TERM value the subprocess gets." string :version "26.1")
(comint--option comint-eol-on-send t "Non-nil: sending input first goes to the end of the line." boolean)
(comint--option comint-use-prompt-regexp nil "Non-nil: prompts are found by `comint-prompt-regexp', not by fields." boolean :version "22.1")
(comint--option comint-mode-hook nil "Run when Comint mode starts." hook)
(comint--option comint-input-filter-functions nil "Called with each input (and its newline) before it is sent." hook)
(comint--option comint-output-filter-functions
                ''(ansi-color-process-output comint-postoutput-scroll-to-bottom comint-watch-for-password-prompt)
                "Called with each output string after it is inserted." hook)
(comint--option comint-exec-hook nil "Run in the buffer after its process is started." hook)
(comint--option comint-insert-previous-argument-from-end nil "Non-nil: argument numbers of `comint-insert-previous-argument' count from the end." boolean)
(comint--option comint-highlight-input t "Non-nil: sent input gets the `comint-highlight-input' face." boolean :version "28.1")
(comint--option comint-completion-addsuffix t "What completion adds after a directory or file name." (choice boolean (cons string string)))
(comint--option comint-completion-recexact nil "Non-nil: an exact completion is accepted at once." boolean)
(comint--option comint-completion-autolist nil "Non-nil: ambiguous completions are listed at once." boolean)
(comint--option comint-completion-fignore nil "Suffixes completion ignores." (repeat (string :tag "Suffix")))
(comint--option comint-file-name-chars "[]~/A-Za-z0-9+@:_.$#%,={}-" "The characters of a file name for completion." string)
(comint--option comint-max-line-length 4096 "The longest line `comint-send-string' sends in one piece." integer :version "28.1")
(comint--option comint-history-isearch nil "Whether Isearch searches the input history."
                (choice (const :tag "No" nil) (const :tag "Yes" t) (const :tag "Dwim" dwim)) :version "23.2")

(custom-declare-face 'comint-highlight-input '((t (:weight bold))) "How sent input looks." :group 'comint)
(custom-declare-face 'comint-highlight-prompt '((t :inherit minibuffer-prompt)) "How prompts look." :group 'comint)

(defvar comint-prompt-regexp "^" "What a prompt looks like when `comint-use-prompt-regexp' is on.")
(defvar comint-delimiter-argument-list () "Characters that are arguments of their own, for `comint-arguments'.")
(defvar comint-input-ring-file-prefix nil "A regexp of a prefix the history file puts before each input.")
(defvar comint-get-old-input 'comint-get-old-input-default "Gives the input to send when point is before the process mark.")
(defvar comint-dynamic-complete-functions (list #'comint-c-a-p-replace-by-expanded-history #'comint-filename-completion)
  "Functions trying completion at point.")
(defvar comint-input-filter #'comint-nonblank-p "Predicate on an input string: non-nil to record it in the ring.")
(defvar comint-input-sender #'comint-simple-send "Called with the process and the input string to send it.")
(defvar comint-input-sender-no-newline nil "Non-nil while `comint-input-sender' must not add a newline.")
(defvar comint-preoutput-filter-functions nil "Functions each given the output string and giving the string to insert.")
;;;###autoload
(defvar comint-file-name-prefix "" "Prefix of file names the process sees (a remote host's).")
(defvar comint-file-name-quote-list nil "Characters quoted by a backslash in completed file names.")
(defvar comint-ptyp t "Non-nil when the process talks through a pseudo-terminal.")
(defvar comint-exec-hook-run nil)
(defvar comint-accum-marker nil "Where input accumulated by `comint-accumulate' begins.")
(defvar comint-stored-incomplete-input nil "The input that was there when history browsing began.")
(defvar comint-input-ring nil "The ring of past inputs.")
(defvar comint-input-ring-index nil "Which ring entry was last inserted, or nil.")
(defvar comint-save-input-ring-index nil "The ring index saved by the last history search.")
(defvar comint-matching-input-from-input-string "" "The input a matching-input-from-input search began with.")
(defvar comint-last-input-start nil "Marker where the last input sent began.")
(defvar comint-last-input-end nil "Marker where the last input sent ended.")
(defvar comint-last-output-start nil "Marker where the last output began.")
(defvar comint-last-prompt nil "The latest prompt, (START . END) markers, or nil.")
(defvar comint--prompt-rear-nonsticky '(field inhibit-line-move-field-capture read-only font-lock-face)
  "Properties that do not stick to text inserted after output.")
(defvar comint--prompt-recursion-depth 0 "How deep password prompts are nested.")
(defvar comint-unquote-function #'comint--unquote-argument "Removes quoting from an argument.")
(defvar comint-requote-function #'comint--requote-argument "Puts quoting back on an argument.")
(defvar comint-redirect-output-buffer nil)
(defvar comint-redirect-finished-regexp nil)
(defvar comint-redirect-insert-matching-regexp nil "Non-nil: the text that ends a redirection is kept in the output buffer.")
(defvar comint-redirect-echo-input nil)
(defvar comint-redirect-completed nil "Non-nil once the redirected command's output is complete.")
(defvar comint-redirect-original-mode-line-process nil)
(defvar comint-redirect-perform-sanity-check t "Non-nil: refuse to redirect while another redirection is going on.")
(defvar comint-redirect-subvert-readonly nil "Non-nil: redirected output is inserted even into a read-only buffer.")
(defvar comint-redirect-previous-input-string nil)
(defvar comint-redirect-filter-functions nil "Functions given each redirected output string, giving the string to keep.")
(defvar comint-redirect-verbose nil "Non-nil: say when a redirection starts and ends.")

(dolist (var '(comint-last-input-start comint-last-input-end comint-last-output-start
               comint-last-prompt comint-input-ring comint-input-ring-index
               comint-save-input-ring-index comint-matching-input-from-input-string
               comint-stored-incomplete-input comint-accum-marker comint-ptyp
               comint-redirect-output-buffer comint-redirect-finished-regexp
               comint-redirect-echo-input comint-redirect-completed
               comint-redirect-original-mode-line-process comint-redirect-previous-input-string))
  (make-variable-buffer-local var))

;;;; The mode

(defun comint--process () "The current buffer's process, or nil." (get-buffer-process (current-buffer)))

(defun comint--process-or-fail ()
  "The current buffer's process; a `user-error' when there is none."
  (or (comint--process) (user-error "Current buffer has no process")))

(defvar comint-mode-map
  (let ((keys (make-sparse-keymap)))
    (pcase-dolist (`(,key . ,command)
                   '(("\r" . comint-send-input) ("\ep" . comint-previous-input) ("\en" . comint-next-input)
                     ([C-up] . comint-previous-input) ([C-down] . comint-next-input)
                     ("\C-c\C-u" . comint-kill-input) ("\C-c\C-w" . backward-kill-word)
                     ("\C-c\C-c" . comint-interrupt-subjob) ("\C-c\C-z" . comint-stop-subjob)
                     ("\C-c\C-\\" . comint-quit-subjob) ("\C-c\M-o" . comint-clear-buffer)
                     ("\C-c\C-d" . comint-send-eof)))
      (define-key keys key command))
    keys)
  "Keys of Comint mode.")

;; Each buffer gets its own copy of these, from their global values.
(defconst comint--per-buffer-copies
  '(comint-prompt-regexp comint-input-ring-size comint-input-ring-file-name
    comint-input-autoexpand comint-input-ignoredups comint-delimiter-argument-list
    comint-completion-fignore comint-get-old-input comint-input-filter comint-input-sender
    comint-eol-on-send comint-scroll-to-bottom-on-input comint-move-point-for-output
    comint-scroll-show-maximum-output comint-process-echoes comint-file-name-chars
    comint-file-name-quote-list comint-file-name-prefix))

(define-derived-mode comint-mode fundamental-mode "Comint" "Major mode for a buffer talking to an interactive process.
Text typed after the process mark is sent by \\[comint-send-input]; the
history of what was sent is browsed with \\[comint-previous-input] and
\\[comint-next-input].  The keys: \\{comint-mode-map}"
  (setq mode-line-process (list (propertize ":%s" 'help-echo "Process status")))
  (set (make-local-variable 'window-point-insertion-type) t)
  (dolist (var comint--per-buffer-copies)
    (set (make-local-variable var) (symbol-value var)))
  (setq comint-last-input-start (copy-marker (point-min))
        comint-last-input-end (copy-marker (point-min))
        comint-last-output-start (make-marker)
        comint-accum-marker (make-marker)
        comint-last-prompt nil
        comint-input-ring-index nil
        comint-save-input-ring-index nil
        comint-stored-incomplete-input nil
        comint-matching-input-from-input-string ""
        comint-ptyp t)
  (comint--ring)
  (set (make-local-variable 'font-lock-defaults) (list nil t))
  (set (make-local-variable 'next-line-add-newlines) nil)
  (pcase-dolist (`(,hook ,fn ,append) '((pre-command-hook comint-preinput-scroll-to-bottom t)
                                         (change-major-mode-hook font-lock-defontify nil)
                                         (isearch-mode-hook comint-history-isearch-setup nil)
                                         (completion-at-point-functions comint-completion-at-point nil)))
    (add-hook hook fn append t)))

(defun comint-check-proc (buffer) "Non-nil when BUFFER (or a buffer name) has a live process.
Live means running, stopped, open or listening."
  (let ((p (get-buffer-process buffer)))
    (and p (memq (process-status p) '(open listen connect run stop)))))

;;;; Starting processes

(defun make-comint-in-buffer (name buffer program &optional startfile &rest switches) "Run PROGRAM with SWITCHES in BUFFER, a comint buffer, unless it runs a process.
BUFFER nil means *NAME*.  PROGRAM may also be (HOST . SERVICE) for a
network connection.  STARTFILE, a file name, is sent as first input.
Give the buffer."
  (or (stringp program) (consp program) (bufferp program)
      (signal 'wrong-type-argument (list 'stringp program)))
  (let ((target (get-buffer-create (or buffer (format "*%s*" name)))))
    (or (comint-check-proc target)
        (with-current-buffer target
          (or (derived-mode-p 'comint-mode) (comint-mode))
          (comint-exec target name program startfile switches)))
    target))

(defun make-comint (name program &optional startfile &rest switches) "Run PROGRAM with SWITCHES in the comint buffer *NAME* and give that buffer.
See `make-comint-in-buffer' for STARTFILE and PROGRAM."
  (apply #'make-comint-in-buffer name nil program (cons startfile switches)))

(defun comint-run (program &optional switches) "Run PROGRAM with SWITCHES in a comint buffer named after it, and show it."
  (interactive (list (read-string "Run program: ") nil))
  (let* ((base (file-name-nondirectory program))
         (started (apply #'make-comint base program nil switches))
         (hook (intern-soft (format "comint-%s-hook" base))))
    (switch-to-buffer started)
    (if hook (run-hooks hook))
    started))

(defun comint-term-environment () "The environment entries that describe the terminal to the subprocess."
  (list (concat "TERM=" comint-terminfo-terminal) "TERMCAP="
        (concat "COLUMNS=" (number-to-string (window-width)))))

(defun comint-exec (buffer name command startfile switches) "Start COMMAND with SWITCHES as the process NAME of BUFFER.
An old process of BUFFER is deleted first.  STARTFILE's contents, when
given, are sent as first input.  Give BUFFER."
  (let ((previous (get-buffer-process buffer)))
    (and previous (delete-process previous)))
  (save-current-buffer
    (set-buffer buffer)
    (let ((p (if (consp command)
                 (open-network-stream name buffer (car command) (cdr command))
               (comint-exec-1 name buffer command switches)))
          (first-input (and startfile (comint--file-text startfile))))
      (setq comint-ptyp process-connection-type)
      (set-process-filter p 'comint-output-filter)
      (set-marker (process-mark p) (goto-char (point-max)))
      (if first-input (comint-send-string p first-input))
      (run-hooks 'comint-exec-hook)))
  buffer)

(defun comint--file-text (file) "The contents of FILE as a string."
  (with-temp-buffer (insert-file-contents file) (buffer-string)))

(defun comint-exec-1 (name buffer command switches) "Start COMMAND with SWITCHES for BUFFER as process NAME, with comint's environment."
  (let ((process-environment (nconc (comint-term-environment)
                                    (list (concat "INSIDE_EMACS=" emacs-version ",comint"))
                                    (copy-sequence process-environment)))
        (default-directory (if (file-accessible-directory-p default-directory)
                               default-directory "/")))
    (apply #'start-file-process name buffer command switches)))

;;;; Output

(defun comint--put-prompt-face (beg end add)
  "Add (ADD non-nil) or take away `comint-highlight-prompt' on BEG..END."
  (let ((at beg))
    (while (< at end)
      (let* ((stop (next-single-property-change at 'font-lock-face nil end))
             (old (get-text-property at 'font-lock-face))
             (faces (if (and old (listp old) (not (keywordp (car old)))) old (and old (list old))))
             (new (if add (cons 'comint-highlight-prompt faces) (remq 'comint-highlight-prompt faces))))
        (if new
            (put-text-property at stop 'font-lock-face new)
          (remove-list-of-text-properties at stop '(font-lock-face)))
        (setq at stop)))))

(defmacro comint--quietly (&rest body)
  "Run BODY changing text properties of read-only text, as no modification."
  `(let ((inhibit-read-only t)) (with-silent-modifications ,@body)))

(defun comint-snapshot-last-prompt () "Freeze the latest prompt: it keeps its face and stops being the current one."
  (pcase comint-last-prompt
    (`(,from . ,to)
     (comint--quietly (comint--put-prompt-face from to t))
     (setq comint-last-prompt nil))))

(defun comint--note-prompt (pmark)
  "Make the text from the start of PMARK's line to PMARK the current prompt."
  (comint--quietly
   (pcase comint-last-prompt
     (`(,from . ,to) (comint--put-prompt-face from to nil)))
   (let ((bol (save-excursion (goto-char pmark) (forward-line 0) (point))))
     (when (> pmark bol)
       (comint--put-prompt-face bol pmark t)
       (if comint-prompt-read-only (add-text-properties bol pmark '(read-only t front-sticky (read-only)))))
     (setq comint-last-prompt (cons (copy-marker bol) (copy-marker pmark))))))

(defun comint-output-filter (process string) "Insert STRING, PROCESS's output, at its mark in its buffer.
The string goes through `comint-preoutput-filter-functions' first;
`comint-output-filter-functions' run after."
  (let ((home (process-buffer process)))
    (when (and string (buffer-live-p home))
      (with-current-buffer home
        (let* ((text (comint--preoutput string))
               (pmark (process-mark process))
               (start (marker-position pmark))
               (at-mark (= (point) start)))
          (set-marker comint-last-output-start start)
          (let ((inhibit-read-only t) (keep (and (not at-mark) (point-marker))))
            (set-marker pmark (progn (goto-char start) (insert text) (point)))
            (or comint-inhibit-carriage-motion (comint-carriage-motion start pmark))
            (comint--quietly
             (add-text-properties comint-last-output-start pmark
                                  `(rear-nonsticky ,comint--prompt-rear-nonsticky
                                                   front-sticky (field inhibit-line-move-field-capture)
                                                   field output inhibit-line-move-field-capture t)))
            (when keep (goto-char keep) (set-marker keep nil))
            (run-hook-with-args 'comint-output-filter-functions text))
          (set-marker comint-last-output-start start)
          (or comint-use-prompt-regexp (comint--note-prompt (marker-position pmark))))))))

(defun comint--preoutput (text) "TEXT passed through `comint-preoutput-filter-functions'.
A t in the local value stands for the global value's functions."
  (dolist (fn comint-preoutput-filter-functions text)
    (setq text (if (not (eq fn t))
                   (funcall fn text)
                 (comint--preoutput-global text)))))

(defun comint--preoutput-global (text) "TEXT passed through the global pre-output functions."
  (dolist (fn (default-value 'comint-preoutput-filter-functions) text)
    (setq text (funcall fn text))))

(defvar comint-inhibit-carriage-motion nil "Non-nil: carriage returns and backspaces in output are left as they are.")

(defun comint-carriage-motion (start end) "Act on the carriage returns and backspaces of the text from START to END.
A return before a newline goes; another one erases its line up to it; a
backspace erases itself and the character before it."
  (let ((inhibit-read-only t) (stop (copy-marker end)))
    (save-excursion
      (when (comint--each-match start stop "[\r\b]" nil)
        ;; Returns ending lines go first, then the others act one by one.
        (comint--each-match start stop "\r+\n" (lambda () (replace-match "\n" t t)))
        (comint--each-match
         start stop "[\r\b]"
         (lambda ()
           (let ((control (char-before)))
             (delete-char -1)
             (cond ((eq control ?\b) (or (bolp) (delete-char -1)))
                   ((< (point) stop) (delete-region (line-beginning-position) (point)))
                   (t (put-text-property (line-beginning-position) (point) 'comint-must-overwrite t))))))))
    (set-marker stop nil)))

(defun comint--each-match (from bound regexp fn)
  "Call FN at each match of REGEXP between FROM and BOUND; FN nil: only say whether one is there."
  (goto-char from)
  (if (null fn)
      (re-search-forward regexp bound t)
    (while (re-search-forward regexp bound t) (funcall fn))))

(defun comint-strip-ctrl-m (&optional string interactive) "Delete the carriage returns ending lines of the last output.
STRING is ignored; INTERACTIVE non-nil covers the whole buffer."
  (interactive (list nil t))
  (ignore string)
  (let* ((p (or (comint--process) (error "No process in the current buffer")))
         (whole interactive)
         (from (if whole (point-min) (or (marker-position comint-last-output-start) (point-min))))
         (to (if whole (point-max) (marker-position (process-mark p))))
         (inhibit-read-only t))
    (setq to (copy-marker to))
    (save-excursion
      (comint--each-match from to "\r" (lambda () (if (looking-at-p "\r*$") (delete-char -1)))))
    (set-marker to nil)))
(defalias 'shell-strip-ctrl-m #'comint-strip-ctrl-m)

(defun comint-postoutput-scroll-to-bottom (string) "Move point in windows of the buffer after output, as `comint-move-point-for-output' says.
STRING is the output."
  (ignore string)
  (let ((p (comint--process)))
    (and p comint-move-point-for-output
         (mapc (lambda (w) (set-window-point w (marker-position (process-mark p))))
               (get-buffer-window-list (current-buffer) nil t)))))

(defun comint-preinput-scroll-to-bottom () "Go to the end before input, as `comint-scroll-to-bottom-on-input' says."
  (and comint-scroll-to-bottom-on-input
       (memq this-command '(self-insert-command yank hilit-yank))
       (goto-char (point-max))))

(defun comint-truncate-buffer (&optional string) "Delete the beginning of the buffer so that `comint-buffer-maximum-size' lines stay.
STRING is ignored, so that this can be an output hook."
  (interactive)
  (ignore string)
  (let* ((end-line (line-number-at-pos (process-mark (get-buffer-process (current-buffer)))))
         (dropped (max 0 (- end-line comint-buffer-maximum-size 1)))
         (inhibit-read-only t))
    (save-excursion
      (delete-region (point-min) (progn (goto-char (point-min)) (forward-line dropped) (point))))))

(defun comint-clear-buffer () "Delete everything but the current line of input."
  (interactive) (let ((comint-buffer-maximum-size 0)) (comint-truncate-buffer)))

;;;; Passwords

(defun comint-send-invisible (&optional prompt) "Read a password with PROMPT, without echo, and send it with a newline.
`comint-password-function', when set, is asked first."
  (interactive "P")
  (let ((p (comint--process)))
    (unless p (error "Buffer %s has no process" (buffer-name)))
    (let* ((question (concat "(In buffer " (buffer-name) ") "
                             (if (stringp prompt) prompt "Non-echoed text: ")))
           (secret (or (and comint-password-function
                            (funcall comint-password-function question))
                       (read-passwd question))))
      (cond ((stringp secret)
             (comint-snapshot-last-prompt)
             (funcall comint-input-sender p secret))
            (t (message "Warning: text will be echoed"))))))
(defalias 'send-invisible #'comint-send-invisible)

(defun comint-watch-for-password-prompt (string) "Read and send a password when STRING, process output, asks for one."
  (when (let ((case-fold-search t)) (string-match-p comint-password-prompt-regexp string))
    (let ((comint--prompt-recursion-depth (1+ comint--prompt-recursion-depth)))
      (if (<= comint--prompt-recursion-depth 10)
          (comint-send-invisible (replace-regexp-in-string "[\r\n]+\\'" "" string))
        (exit-minibuffer)))))

;;;; Input

(defun comint-nonblank-p (str) "Non-nil when STR has a character that is not white space."
  (string-match-p "[^ \t\n\r\f]" str))

(defun comint-add-to-input-history (cmd) "Record CMD in the input ring, unless `comint-input-filter' refuses it or it repeats the newest entry when `comint-input-ignoredups'."
  (let ((ring (comint--ring)))
    (and (funcall comint-input-filter cmd)
         (not (and comint-input-ignoredups
                   (not (ring-empty-p ring))
                   (string-equal cmd (ring-ref ring 0))))
         (ring-insert ring cmd))))

(defun comint--ring () "The input ring, made first when there is none."
  (if (ring-p comint-input-ring) comint-input-ring
    (setq comint-input-ring (make-ring comint-input-ring-size))))

(defun comint-get-old-input-default () "The input field at point, or the current line after its prompt."
  (if (or comint-use-prompt-regexp (eq (get-char-property (point) 'field) 'output))
      (let* ((line-end (line-end-position)) (line-start (line-beginning-position))
             (prompt-end (and comint-use-prompt-regexp
                              (save-excursion (goto-char line-start) (looking-at comint-prompt-regexp))
                              (match-end 0))))
        (buffer-substring-no-properties (if (and prompt-end (<= prompt-end line-end)) prompt-end line-start)
                                        line-end))
    (buffer-substring-no-properties (field-beginning) (field-end))))

(defconst comint--input-look
  '(font-lock-face comint-highlight-input front-sticky t mouse-face highlight
                   help-echo "mouse-2: insert after prompt as new input")
  "The properties put on input once it is sent.")

(defun comint--gather-input (pmark)
  "Take the input to send, from PMARK to the end of the line; give it.
Point before PMARK copies the old input there to the end first."
  (if (< (point) pmark)
      (let ((old (funcall comint-get-old-input)))
        (comint--replace-input pmark old)
        old)
    (when comint-eol-on-send
      (goto-char (if comint-use-prompt-regexp (line-end-position) (field-end))))
    (buffer-substring-no-properties pmark (point))))

(defun comint--dress-sent-input (from to newline)
  "Give the sent input FROM..TO its look; NEWLINE says a newline follows TO."
  (comint--quietly
   (and comint-highlight-input (< from to)
        (add-text-properties from to comint--input-look))
   (and newline (not comint-use-prompt-regexp)
        (add-text-properties to (1+ to)
                             (list 'rear-nonsticky comint--prompt-rear-nonsticky
                                   'field 'boundary 'inhibit-line-move-field-capture t)))))

(defun comint--replace-input (pmark text)
  "Put TEXT in place of everything after PMARK, leaving point after it."
  (delete-region pmark (point-max))
  (goto-char (point-max))
  (insert text))

(defun comint--drop-echo (p pmark text)
  "Wait a moment for P to echo TEXT after PMARK and delete the echo."
  (let ((from (marker-position pmark)) (tries 10))
    (while (and (> tries 0) (process-live-p p) (< (- (point-max) from) (length text)))
      (accept-process-output p 0.1 nil t)
      (setq tries (1- tries)))
    (and (<= (+ from (length text)) (point-max))
         (string= text (buffer-substring-no-properties from (+ from (length text))))
         (let ((inhibit-read-only t)) (delete-region from (+ from (length text)))))))

(defun comint-send-input (&optional no-newline artificial) "Send the input after the process mark to the process, and record it.
With NO-NEWLINE no newline is added after it.  ARTIFICIAL non-nil
means the input was not typed by the user."
  (interactive)
  (ignore artificial)
  (let ((p (comint--process-or-fail)))
    (widen)
    (let* ((pmark (process-mark p))
           (input (comint--gather-input pmark))
           (start (marker-position pmark))
           (input-end (point))
           (line (if no-newline input (concat input "\n"))))
      (or no-newline (insert "\n"))
      (comint-add-to-input-history input)
      (run-hook-with-args 'comint-input-filter-functions line)
      (comint--dress-sent-input start input-end (not no-newline))
      (comint-snapshot-last-prompt)
      (setq comint-save-input-ring-index comint-input-ring-index
            comint-input-ring-index nil)
      (dolist (m (list comint-last-input-start comint-last-input-end pmark comint-last-output-start))
        (set-marker m (if (eq m comint-last-input-start) start (point))))
      (when (markerp comint-accum-marker) (set-marker comint-accum-marker nil))
      (let ((comint-input-sender-no-newline no-newline))
        (funcall comint-input-sender p input))
      (when comint-process-echoes (comint--drop-echo p pmark line)))))

(defun comint-send-string (process string) "Send STRING to PROCESS (a process, buffer or name; nil: the current buffer's)."
  (process-send-string process string))

(defun comint-send-region (process start end) "Send the text from START to END to PROCESS."
  (comint-send-string process (buffer-substring-no-properties start end)))

(defun comint-simple-send (proc string) "Send STRING to PROC, then a newline.
While `comint-input-sender-no-newline' is non-nil, end of file follows a
non-empty STRING instead."
  (cond ((not comint-input-sender-no-newline)
         ;; One write, so that a program reading a pipe gets the line whole,
         ;; as it would from a terminal.
         (comint-send-string proc (concat string "\n")))
        (t (comint-send-string proc string)
           (if (> (length string) 0) (process-send-eof proc)))))

(defun comint-send-eof () "Send the pending input without a newline, then end of file."
  (interactive) (comint-send-input t t) (process-send-eof))

(defun comint-delete-input () "Delete the input after the process mark."
  (let ((p (comint--process)) (inhibit-read-only t))
    (and p (delete-region (process-mark p) (point-max)))))

(defun comint-kill-input () "Kill the input between the process mark and point."
  (interactive)
  (let ((p (comint--process)))
    (and p (< (process-mark p) (point)) (kill-region (process-mark p) (point)))))

(defun comint-after-pmark-p () "Non-nil when point is after the process mark."
  (let ((p (comint--process)))
    (and p (>= (point) (process-mark p)))))

;;;; Signals

(defmacro comint--signal-command (name fn doc)
  "Define the command NAME sending the process FN's signal; DOC is its documentation."
  `(defun ,name () ,doc
     (interactive)
     (,fn nil comint-ptyp)))

(comint--signal-command comint-interrupt-subjob interrupt-process "Interrupt the current job of the process.")
(comint--signal-command comint-kill-subjob kill-process "Kill the process.")
(comint--signal-command comint-quit-subjob quit-process "Send a quit signal to the current job of the process.")
(comint--signal-command comint-stop-subjob stop-process "Stop the current job of the process.")
(comint--signal-command comint-continue-subjob continue-process "Let the stopped job of the process go on.")

;;;; The input history

;; `comint-input-ring-index' is the entry last put in the input (0 is the
;; newest), nil while browsing has not begun.  A step of ARG starts at
;; INDEX + ARG (modulo the ring's size) and walks in ARG's direction to
;; the first entry matching; stepping off either end of the ring puts the
;; input that was there before browsing back.

(defun comint--history-size () "How many entries the input ring has (0 without a ring)."
  (if (ring-p comint-input-ring) (ring-length comint-input-ring) 0))

(defun comint-search-arg (arg) "Check that a history search of ARG steps is possible and give ARG."
  (cond ((not (comint-after-pmark-p)) (user-error "Not at command line"))
        ((zerop (comint--history-size)) (user-error "Empty input ring"))
        (t arg)))

(defun comint-previous-matching-input-string-position (regexp arg &optional start) "The ring index of the ARGth input before the current one matching REGEXP.
Negative ARG searches forward; START is the index to begin with.  Nil when
there is no such input."
  (let ((size (comint--history-size)))
    (unless (or (zerop size) (zerop arg))
      (let ((dir (if (< arg 0) -1 1))
            (i (cond (start)
                     (comint-input-ring-index (mod (+ comint-input-ring-index arg) size))
                     ;; Not browsing yet: as if just past the oldest entry
                     ;; (going back) or before the newest (going forward).
                     (t (mod (if (> arg 0) (1- arg) arg) size))))
            (hit nil))
        (while (and (not hit) (>= i 0) (< i size))
          (if (string-match regexp (ring-ref comint-input-ring i))
              (setq hit i)
            (setq i (+ i dir))))
        hit))))

(defun comint-previous-matching-input-string (regexp arg) "The ARGth past input matching REGEXP, or nil."
  (let ((i (comint-previous-matching-input-string-position regexp arg)))
    (if i (ring-ref comint-input-ring i))))

(defun comint-previous-input-string (arg) "The input ARG entries back from the current history position."
  (ring-ref comint-input-ring (+ arg (or comint-input-ring-index 0))))

(defun comint-restore-input () "Put back the input that was there before history browsing began."
  (interactive)
  (and comint-input-ring-index
       (progn (comint-delete-input) (setq comint-input-ring-index nil) t)
       (let ((stored comint-stored-incomplete-input))
         (and stored (not (equal stored ""))
              (progn (insert stored) (message "Input restored"))))))

(defun comint--at-history-end-p (arg)
  "Non-nil when a step of ARG would leave the input ring."
  (let ((i comint-input-ring-index))
    (and i (cond ((< arg 0) (= i 0))
                 ((> arg 0) (= i (1- (comint--history-size))))))))

(defun comint--show-history-entry (i)
  "Replace the input by ring entry I and say which it is."
  (let ((pmark (process-mark (comint--process-or-fail))))
    (or comint-input-ring-index
        (setq comint-stored-incomplete-input (buffer-substring-no-properties pmark (point-max))))
    (setq comint-input-ring-index i)
    (message "History item: %d" (1+ i))
    (comint-delete-input)
    (goto-char (point-max))
    (insert (ring-ref comint-input-ring i))))

(defun comint-previous-matching-input (regexp n &optional restore) "Replace the input with the Nth past input matching REGEXP.
Negative N goes forward.  With RESTORE, going past the newest entry puts
the original input back."
  (interactive (list (read-regexp "Previous input matching (regexp)")
                     (prefix-numeric-value current-prefix-arg)))
  (comint-search-arg n)
  (if (and restore (comint--at-history-end-p n))
      (comint-restore-input)
    (let ((i (comint-previous-matching-input-string-position regexp n)))
      (if i (comint--show-history-entry i) (user-error "Not found")))))

(defun comint-next-matching-input (regexp n) "Replace the input with the Nth later input matching REGEXP."
  (interactive (list (read-regexp "Next input matching (regexp)")
                     (prefix-numeric-value current-prefix-arg)))
  (comint-previous-matching-input regexp (- n) t))

(defun comint-previous-input (arg) "Replace the input with the input ARG entries back in the history."
  (interactive "*p")
  (cond ((comint--at-history-end-p arg) (comint-restore-input))
        (t (comint-previous-matching-input "." arg))))

(defun comint-next-input (arg) "Replace the input with the input ARG entries later in the history."
  (interactive "*p") (comint-previous-input (- arg)))

(defun comint-read-input-ring (&optional silent) "Fill the input ring from `comint-input-ring-file-name'.
Entries are separated by `comint-input-ring-separator'; those matching
`comint-input-history-ignore' are skipped and `comint-input-ring-file-prefix'
is taken off.  SILENT non-nil: no message when the file is missing."
  (let ((file comint-input-ring-file-name))
    (cond ((member file '(nil "")) nil)
          ((not (file-readable-p file))
           (unless silent (message "Cannot read history file %s" file)))
          (t
           (let* ((entries (split-string (comint--file-text file) comint-input-ring-separator))
                  (fresh (make-ring comint-input-ring-size))
                  (prefix-re (and comint-input-ring-file-prefix
                                  (concat "\\`" comint-input-ring-file-prefix))))
             (if (equal (car (last entries)) "") (setq entries (butlast entries)))
             (dolist (entry entries)
               (let ((bare (if (and prefix-re (string-match prefix-re entry))
                               (substring entry (match-end 0))
                             entry)))
                 (unless (string-match-p comint-input-history-ignore bare)
                   (ring-insert fresh bare))))
             (setq comint-input-ring fresh comint-input-ring-index nil)
             nil)))))

(defun comint-write-input-ring () "Write the input ring to `comint-input-ring-file-name', oldest first."
  (let ((file comint-input-ring-file-name))
    (cond ((or (member file '(nil "")) (zerop (comint--history-size))) nil)
          ((not (file-writable-p file)) (message "Cannot write history file %s" file))
          (t (let* ((sep comint-input-ring-separator)
                    ;; The ring lists the newest entry first; the file has it last.
                    (text (mapconcat (lambda (entry) (concat entry sep))
                                     (reverse (ring-elements comint-input-ring)) "")))
               (with-temp-buffer
                 (insert text)
                 (write-region nil nil file nil 'silent)))))))

;;;; Arguments

(defun comint-substitute-in-file-name (filename) "FILENAME with its $VARIABLES replaced, unless it is empty."
  (if (equal filename "") filename (substitute-in-file-name filename)))

(defun comint-delim-arg (arg) "Split ARG at the characters of `comint-delimiter-argument-list'.
Give the pieces, last first; runs of one delimiter stay together."
  (if (null comint-delimiter-argument-list)
      (list arg)
    (let ((pieces nil) (from 0) (n (length arg)))
      (while (< from n)
        (let* ((c (aref arg from))
               (delim (memq c comint-delimiter-argument-list))
               (to (1+ from)))
          (while (and (< to n)
                      (if delim (eq (aref arg to) c)
                        (not (memq (aref arg to) comint-delimiter-argument-list))))
            (setq to (1+ to)))
          (push (substring arg from to) pieces)
          (setq from to)))
      pieces)))

(defun comint--split-words (string)
  "The shell-like words of STRING, with their quotes, pieces after delimiters split off."
  (let ((pos 0) words)
    (while (string-match "[ \t\n]*\\(\\(?:[^ \t\n\\\"']+\\|'[^']*'?\\|\"\\(?:[^\"\\]\\|\\\\.\\)*\"?\\|\\\\\\(?:.\\|\n\\|\\'\\)\\)+\\)" string pos)
      (let ((word (match-string 1 string)) (scan 0))
        (setq pos (match-end 0))
        ;; A backslashed blank is part of the word: mark it literal.
        (while (string-match "\\\\[ \t\n]" word scan)
          (setq scan (match-end 0))
          (put-text-property (match-beginning 0) scan 'literal t word))
        (setq words (nconc (comint-delim-arg word) words))))
    (nreverse words)))

(defun comint-arguments (string nth mth) "The arguments NTH to MTH of STRING (counted from 0) joined by spaces.
Quotes keep spaces inside an argument; negative numbers count from the
end; MTH nil means the last one."
  (let* ((words (comint--split-words string))
         (count (length words))
         (from (if (< nth 0) (+ count nth) nth))
         (to (cond ((null mth) (1- count)) ((< mth 0) (+ count mth)) (t mth))))
    (let ((i 0) picked)
      (dolist (w words)
        (when (and (<= from i) (<= i to)) (push w picked))
        (setq i (1+ i)))
      (mapconcat #'identity (nreverse picked) " "))))

(defun comint-quote-filename (filename) "FILENAME with the characters of `comint-file-name-quote-list' backslashed."
  (if comint-file-name-quote-list
      (let ((special (concat "[" (regexp-quote (concat "\\" comint-file-name-quote-list)) "]")))
        (save-match-data (replace-regexp-in-string special "\\\\\\&" filename t)))
    filename))

(defun comint-unquote-filename (filename) "FILENAME without the backslashes that quote characters."
  (save-match-data (replace-regexp-in-string "\\\\\\(.\\)" "\\1" filename t)))

(defun comint--unquote-argument (str) "STR without its quotes and backslashes, as a shell reads it."
  (let ((out nil) (k 0) (end (length str)) (quote-char nil))
    (while (< k end)
      (let ((c (aref str k)))
        (cond ((and (eq c ?\\) (not (eq quote-char ?')) (< (1+ k) end))
               (push (aref str (setq k (1+ k))) out))
              ((and quote-char (eq c quote-char)) (setq quote-char nil))
              ((and (null quote-char) (memq c '(?' ?\"))) (setq quote-char c))
              (t (push c out))))
      (setq k (1+ k)))
    (concat (nreverse out))))

(defun comint--requote-argument (upos qstr) "The position in the quoted QSTR of the unquoted position UPOS, and a requoting function."
  (let ((qpos 0) (u 0) (len (length qstr)) (quote-char nil))
    (while (and (< qpos len) (< u upos))
      (let ((c (aref qstr qpos)))
        (cond ((and (eq c ?\\) (not (eq quote-char ?')) (< (1+ qpos) len))
               (setq qpos (+ qpos 2) u (1+ u)))
              ((and quote-char (eq c quote-char)) (setq quote-char nil qpos (1+ qpos)))
              ((and (null quote-char) (memq c '(?' ?\"))) (setq quote-char c qpos (1+ qpos)))
              (t (setq qpos (1+ qpos) u (1+ u))))))
    (cons qpos #'comint-quote-filename)))

(defun comint--unquote&requote-argument (qstr &optional upos) "Unquote QSTR; give (STRING QPOS REQUOTE) for the unquoted position UPOS."
  (let ((plain (funcall comint-unquote-function qstr)))
    (if upos
        (let ((req (funcall comint-requote-function upos qstr)))
          (list plain (car req) (cdr req)))
      (list plain))))

(defun comint-word (word-chars) "The word of WORD-CHARS (a character class body) before point, or nil."
  (let* ((here (point))
         (start (save-excursion (skip-chars-backward word-chars) (point))))
    (and (< start here) (buffer-substring-no-properties start here))))

(defun comint-match-partial-filename () "The file name before point, unquoted, or nil."
  (let ((name (comint-word comint-file-name-chars)))
    (and name (comint-unquote-filename name))))

(defun comint-completion-at-point () "Try the functions of `comint-dynamic-complete-functions' in turn."
  (run-hook-with-args-until-success 'comint-dynamic-complete-functions))

(defun comint-c-a-p-replace-by-expanded-history (&optional silent start) "Expand history references at point; tsmacs has no history expansion, so nil.
SILENT and START are as GNU's."
  (ignore silent start)
  nil)

(defun comint-filename-completion () "Completion data for the file name before point, or nil."
  (let ((name (comint-word comint-file-name-chars)))
    (when name
      (list (- (point) (length name)) (point) #'completion-file-name-table))))

(defun comint-history-isearch-setup () "Prepare Isearch to search the input history when `comint-history-isearch' says so."
  nil)

;;;; Output commands

;;;; Redirection

(defun comint-redirect-setup (output-buffer comint-buffer finished-regexp &optional echo-input) "Make COMINT-BUFFER send its output to OUTPUT-BUFFER until FINISHED-REGEXP matches.
With ECHO-INPUT the output also stays in COMINT-BUFFER."
  (with-current-buffer comint-buffer (let ((shown (or (car-safe mode-line-process) ":%s")))
      (setq comint-redirect-original-mode-line-process mode-line-process
            mode-line-process (list (concat shown " Redirection"))))
    (setq comint-redirect-completed nil
          comint-redirect-previous-input-string ""
          comint-redirect-echo-input echo-input
          comint-redirect-finished-regexp finished-regexp
          comint-redirect-output-buffer output-buffer)))

(defun comint-redirect-cleanup () "End the redirection of the current buffer."
  (interactive)
  (setq mode-line-process comint-redirect-original-mode-line-process
        comint-redirect-completed t))

(defun comint-redirect-remove-redirection () "End the redirection of the current buffer and give its process its filter back."
  (interactive)
  (let ((p (comint--process)))
    (and p (set-process-filter p (or (comint--unhook-redirection p) #'comint-output-filter))))
  (comint-redirect-cleanup))

(defun comint--unhook-redirection (p)
  "Forget and give the filter P had before its redirection."
  (prog1 (process-get p 'comint--filter-before-redirect)
    (process-put p 'comint--filter-before-redirect nil)))

(defun comint-redirect-preoutput-filter (input-string) "Put INPUT-STRING in the redirection's output buffer.
Give the string to show in the process buffer: INPUT-STRING when input is
echoed, else the empty string."
  (let ((text input-string) (finished nil))
    (dolist (fn comint-redirect-filter-functions)
      (setq text (funcall fn text)))
    (dolist (target (if (listp comint-redirect-output-buffer) comint-redirect-output-buffer
                      (list comint-redirect-output-buffer)))
      (if (comint--redirect-append target text comint-redirect-finished-regexp
                                   (length comint-redirect-previous-input-string))
          (setq finished t)))
    (setq comint-redirect-previous-input-string text)
    (if finished (setq comint-redirect-completed t))
    (if comint-redirect-echo-input input-string "")))

(defun comint--redirect-append (target text regexp overlap)
  "Append TEXT to the buffer TARGET; non-nil when REGEXP matches the new text
or the OVERLAP characters before it.  The match is taken away unless
`comint-redirect-insert-matching-regexp'."
  (let ((subvert comint-redirect-subvert-readonly))
    (with-current-buffer (get-buffer-create target)
      (save-excursion
        (let* ((inhibit-read-only subvert)
               (from (max (point-min) (- (point-max) overlap))))
          (goto-char (point-max))
          (insert text)
          (and (progn (goto-char from) (re-search-forward regexp nil t))
               (progn (or comint-redirect-insert-matching-regexp
                          (delete-region (match-beginning 0) (match-end 0)))
                      t)))))))

(defun comint-redirect-filter (orig-filter process input-string) "The filter of a redirected PROCESS: INPUT-STRING goes to the output buffer.
ORIG-FILTER gets what stays in the process buffer."
  (and (buffer-live-p (process-buffer process))
       (with-current-buffer (process-buffer process) (let ((shown (comint-redirect-preoutput-filter input-string)))
           (and orig-filter (not (equal shown "")) (funcall orig-filter process shown)))
         (when comint-redirect-completed
           (if comint-redirect-verbose
               (message "Redirection to %s complete" comint-redirect-output-buffer))
           (comint-redirect-remove-redirection)))))

(defun comint-redirect-send-command-to-process (command output-buffer process echo &optional no-display) "Send COMMAND to PROCESS, its output going to OUTPUT-BUFFER.
ECHO non-nil keeps the output in the process buffer too; NO-DISPLAY
non-nil does not show OUTPUT-BUFFER.  The redirection ends when the output
matches the process buffer's `comint-prompt-regexp'."
  (interactive (list (read-string "Redirect command: ")
                     (read-buffer "Output buffer: " "*Comint Redirect Output*")
                     (get-buffer-process (current-buffer)) nil))
  (let ((p (if (processp process) process (get-buffer-process process))))
    (or p (error "No process for current buffer"))
    (with-current-buffer (process-buffer p)
      (and comint-redirect-perform-sanity-check
           (process-get p 'comint--filter-before-redirect)
           (error "Process is already being redirected"))
      (comint-redirect-setup output-buffer (current-buffer) comint-prompt-regexp echo)
      (let ((before (process-filter p)))
        (process-put p 'comint--filter-before-redirect before)
        (set-process-filter p (apply-partially #'comint-redirect-filter before)))
      (if comint-redirect-verbose
          (message "Redirecting command `%s' to %s" command output-buffer))
      (process-send-string p (concat command "\n"))
      (or no-display (display-buffer (get-buffer-create output-buffer))))))

(defun comint-redirect-send-command (command output-buffer echo &optional no-display) "Send COMMAND to the current buffer's process, its output going to OUTPUT-BUFFER.
ECHO and NO-DISPLAY are as for `comint-redirect-send-command-to-process'."
  (interactive (list (read-string "Redirect command: ")
                     (read-buffer "Output buffer: " "*Comint Redirect Output*") nil))
  (comint-redirect-send-command-to-process command output-buffer (current-buffer) echo no-display))

(defun comint-redirect-results-list-from-process (process command regexp regexp-group) "Send COMMAND to PROCESS and give the REGEXP-GROUP of each match of REGEXP in its output."
  (let ((scratch (get-buffer-create " *Comint Redirect Work Buffer*")))
    (with-current-buffer scratch (erase-buffer))
    (comint-redirect-send-command-to-process command scratch process nil t)
    ;; Wait until the prompt after the output has come.
    (while (and (not (buffer-local-value 'comint-redirect-completed (process-buffer process)))
                (accept-process-output process)))
    (with-current-buffer scratch
      (let ((found '()) (pos (point-min)))
        (while (and (< pos (point-max))
                    (progn (goto-char pos) (re-search-forward regexp nil t)))
          (setq found (cons (match-string regexp-group) found)
                pos (point)))
        (reverse found)))))

(defun comint-redirect-results-list (command regexp regexp-group) "Send COMMAND to the current buffer's process; give REGEXP-GROUP of each REGEXP match."
  (comint-redirect-results-list-from-process (comint--process) command regexp regexp-group))

(provide 'comint)

;;; comint.el ends here
