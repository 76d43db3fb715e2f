;;; shell.el --- an inferior shell in a comint buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Shell mode is Comint mode for a command interpreter.  It follows the
;; shell's working directory by watching the cd, pushd and popd commands
;; the user sends, and it splits command lines into arguments the way the
;; completion machinery wants them: the arguments of the command point is
;; in, each with where it begins.

;;; Code:

(require 'comint)

(custom-declare-group 'shell nil "Shells run inside Emacs buffers." :group 'processes)
(custom-declare-group 'shell-directories nil "Directory support in shell mode." :group 'shell)

(defmacro shell--option (name value doc type &rest more)
  "Declare the shell user option NAME with VALUE, DOC, TYPE and MORE keywords."
  `(custom-declare-variable ',name ',value ,doc :group 'shell :type ',type ,@more))

(shell--option shell-dumb-shell-regexp "cmd\\(proxy\\)?\\.exe" "Shells matching this cannot report their directory." regexp)
(shell--option shell-prompt-pattern "^[^#$%>\n]*[#$%>] *" "What a shell prompt looks like." regexp)
(shell--option shell-completion-fignore nil "Suffixes file name completion ignores in Shell mode." (repeat string))
(shell--option shell-delimiter-argument-list '(?\| ?& ?< ?> ?\( ?\) ?\;) "Characters that are arguments of their own." (repeat character))
(shell--option shell-file-name-chars "[]~/A-Za-z0-9+@:_.$#%,={}-" "The characters of a file name." string)
(shell--option shell-file-name-quote-list '(?\| ?& ?< ?> ?\( ?\) ?\; ?\s ?\$ ?\* ?\! ?\" ?\' ?\` ?\# ?\\) "Characters backslashed in completed file names." (repeat character))
(shell--option shell-dynamic-complete-functions
               '(comint-c-a-p-replace-by-expanded-history shell-environment-variable-completion
                  shell-command-completion shell-c-a-p-replace-by-expanded-directory
                  pcomplete-completions-at-point shell-filename-completion comint-filename-completion)
               "Completion functions of Shell mode." hook)
(shell--option shell-command-regexp "[^;&|\n]+" "One command of a command line." regexp)
(shell--option shell-command-separator-regexp "[;&|\n \t]*" "What separates commands." regexp)
(shell--option shell-completion-execonly t "Non-nil: command completion offers executables only." boolean)
(shell--option shell-popd-regexp "popd" "The shell's popd command." regexp)
(shell--option shell-pushd-regexp "pushd" "The shell's pushd command." regexp)
(shell--option shell-pushd-tohome nil "Non-nil: pushd without argument goes home." boolean)
(shell--option shell-pushd-dextract nil "Non-nil: pushd +N takes the directory out of the stack." boolean)
(shell--option shell-pushd-dunique nil "Non-nil: the directory stack holds each directory once." boolean)
(shell--option shell-cd-regexp "cd" "The shell's cd command." regexp)
(shell--option shell-chdrive-regexp nil "The drive-changing command (MS-DOS shells)." (choice regexp (const nil)))
(shell--option shell-dirtrack-verbose t "Non-nil: show the directory stack after each change." boolean)
(shell--option explicit-shell-file-name nil "The shell `shell' runs, when non-nil." (choice (const nil) file))
(shell--option explicit-csh-args '("-i") "Arguments given to csh." (repeat string))
(shell--option explicit-bash-args '("--noediting" "-i") "Arguments given to bash." (repeat string))
(shell--option shell-input-autoexpand 'history "Shell mode's value of `comint-input-autoexpand'." symbol)
(shell--option shell-mode-hook nil "Run when Shell mode starts." hook)
(shell--option shell-has-auto-cd nil "Non-nil: the shell changes directory when given a directory name." boolean)

(defvar shell-dirstack nil "The directories pushd saved, most recent first.")
(defvar shell-last-dir nil "The directory before the last cd, for cd -.")
(defvar shell-dirstack-query nil "The command that makes the shell print its directory stack.")
(defvar shell-dirtrackp t "Non-nil while directory tracking is on.")
(defvar shell--start-prog nil "The program the buffer's shell was started as.")
(defvar shell-font-lock-keywords
  (list (list "[ \t]\\([+-][^ \t\n]+\\)" 1 'font-lock-comment-face)
        (cons "^[^ \t\n]+:.*" 'font-lock-string-face)
        (cons "^\\[[1-9][0-9]*\\]" 'font-lock-string-face))
  "What Font Lock highlights in Shell mode: options, NAME: lines, job numbers.")

(defvar shell-mode-map
  (let ((keys (make-sparse-keymap)))
    (dolist (binding '(("\M-\C-m" . shell-resync-dirs)))
      (define-key keys (car binding) (cdr binding)))
    (set-keymap-parent keys comint-mode-map)
    keys)
  "Keys of Shell mode.")

;;;; Quoting

(defconst shell--variable-regexp "\\$\\(?:{\\([^}]*\\)}\\|\\([[:alnum:]]+\\)\\)"
  "A $NAME or ${NAME} reference in an argument.")

(defun shell--unquote-argument (str) "STR without its quotes, its $VARIABLES replaced by their values.
Backslashes are kept as they are."
  (let ((out '()) (i 0) (n (length str)) (inside nil))
    (while (< i n)
      (let ((c (aref str i)))
        (cond ((and inside (eq c inside)) (setq inside nil i (1+ i)))
              ((and (null inside) (memq c '(?\' ?\"))) (setq inside c i (1+ i)))
              ((and (eq c ?$) (not (eq inside ?\')) (< (1+ i) n)
                    (string-match shell--variable-regexp str i)
                    (= (match-beginning 0) i))
               (let ((value (getenv (or (match-string 1 str) (match-string 2 str)))))
                 (setq out (nconc (nreverse (append value nil)) out)
                       i (match-end 0))))
              (t (push c out) (setq i (1+ i))))))
    (concat (nreverse out))))

(defun shell--requote-argument (upos qstr) "Where in QSTR the unquoted position UPOS is, and how to requote: (QPOS . FUNCTION)."
  (let ((q 0) (u 0) (n (length qstr)) (inside nil))
    (while (and (< q n) (< u upos))
      (let ((c (aref qstr q)))
        (cond ((and inside (eq c inside)) (setq inside nil q (1+ q)))
              ((and (null inside) (memq c '(?\' ?\"))) (setq inside c q (1+ q)))
              ((and (eq c ?$) (not (eq inside ?\'))
                    (eq (string-match shell--variable-regexp qstr q) q))
               ;; A reference stands for its value: a position inside the
               ;; value is the end of the reference.
               (let ((value (getenv (or (match-string 1 qstr) (match-string 2 qstr)))))
                 (setq u (+ u (length value)) q (match-end 0))))
              (t (setq u (1+ u) q (1+ q))))))
    (cons q #'comint-quote-filename)))

(defun shell--unquote&requote-argument (qstr &optional upos) "QSTR unquoted, the position in QSTR of UPOS (0 by default), and the requoting function."
  (let ((where (shell--requote-argument (or upos 0) qstr)))
    (list (shell--unquote-argument qstr) (car where) (cdr where))))

(defun shell-unquote-argument (string) "STRING without its quotes, as the buffer's shell would read it.
The buffer must have a process: its program says how the shell quotes."
  (let ((program (car (process-command (get-buffer-process (current-buffer))))))
    (if (and (stringp program) (string-match-p shell-dumb-shell-regexp program))
        (replace-regexp-in-string "\"" "" string t t)
      (shell--unquote-argument string))))

;;;; Command lines into arguments

(defun shell--scan-word ()
  "Read the shell word at point, move past it and give it unquoted.
Single quotes keep everything; a backslash elsewhere takes the next
character as it is; a quote not closed runs to the end of the buffer."
  (let ((chars '()) (done nil))
    (while (not done)
      (let ((c (char-after)))
        (cond ((or (null c) (memq c '(?\s ?\t ?\n ?\;))) (setq done t))
              ((eq c ?\')
               (forward-char 1)
               (let ((from (point)))
                 (if (search-forward "'" nil 'move)
                     (setq chars (nconc (nreverse (append (buffer-substring-no-properties from (1- (point))) nil)) chars))
                   (setq chars (nconc (nreverse (append (buffer-substring-no-properties from (point)) nil)) chars)))))
              ((eq c ?\")
               (forward-char 1)
               (let ((closed nil))
                 (while (and (not closed) (not (eobp)))
                   (let ((d (char-after)))
                     (forward-char 1)
                     (cond ((eq d ?\") (setq closed t))
                           ((and (eq d ?\\) (not (eobp)))
                            (push (char-after) chars) (forward-char 1))
                           (t (push d chars)))))))
              ((and (eq c ?\\) (char-after (1+ (point))))
               (push (char-after (1+ (point))) chars)
               (forward-char 2))
              (t (push c chars) (forward-char 1)))))
    (concat (nreverse chars))))

(defun shell--parse-pcomplete-arguments () "The arguments of the command at point and where each begins: (ARGS . BEGINS).
The command begins after the last command separator before point that
a word follows; words are read whole, even past point."
  (save-excursion
    (let* ((end (point))
           (limit (field-beginning))
           (start (save-excursion
                    (if (re-search-backward "[;&|]+[\t ]*\\([^;&|\n\t ][^;&|\n]*\\)" limit t)
                        (match-beginning 1)
                      limit)))
           (words '()))
      ;; Each word is (BEGIN . TEXT); a word that point is in is read whole.
      (goto-char start)
      (while (> end (point))
        (skip-chars-forward " \t\n;")
        (let ((at (point)))
          (setq words (cons (cons at (shell--scan-word)) words))))
      (setq words (nreverse words))
      (cons (mapcar #'cdr words) (mapcar #'car words)))))

(defun split-string-shell-command (string) "Split STRING into arguments as a shell would read it (the last command's)."
  (car (with-temp-buffer (insert string) (shell--parse-pcomplete-arguments))))

;;;; Directory tracking

(defun shell-extract-num (str) "The number of STR, a + and digits (as pushd +N takes), or nil."
  (and (string-match "\\`\\+\\([0-9]+\\)\\'" str)
       (string-to-number (match-string 1 str))))

(defun shell-prefixed-directory-name (dir) "DIR as the process sees it: with `comint-file-name-prefix' when absolute."
  (cond ((equal comint-file-name-prefix "") dir)
        ((file-name-absolute-p dir) (concat comint-file-name-prefix dir))
        (t (expand-file-name dir))))

(defun shell-dirstack-message () "Show the current directory and the directory stack, when `shell-dirtrack-verbose'."
  (and shell-dirtrack-verbose
       (let ((home (expand-file-name "~/")) (shown '()))
         (dolist (dir (cons default-directory shell-dirstack))
           (push (directory-file-name
                  (if (string-prefix-p home dir) (concat "~/" (substring dir (length home))) dir))
                 shown))
         (message "%s" (mapconcat #'identity (nreverse shown) " ")))))

(defun shell-cd (dir) "Make DIR the buffer's directory and remember the one before."
  (let ((target (if (file-name-absolute-p dir) dir (expand-file-name dir))))
    (setq shell-last-dir default-directory)
    (cd target)))

(defun shell--go (fn dir &optional stack)
  "Change to DIR with FN (`cd' or `shell-cd'), then make STACK the stack.
STACK `keep' leaves the stack alone.  A failure is only reported."
  (condition-case nil
      (progn (funcall fn dir)
             (unless (eq stack 'keep) (setq shell-dirstack stack))
             (shell-dirstack-message))
    (error (message "Couldn't cd"))))

(defun shell-process-cd (arg) "Follow a cd with argument ARG (a string, empty for none)."
  (pcase arg
    ("" (let ((home (getenv "HOME")))
          (if home (shell--go #'shell-cd home 'keep) (setq shell-last-dir default-directory))))
    ("-" (shell--go #'shell-cd shell-last-dir 'keep))
    (_ (shell--go #'shell-cd (shell-prefixed-directory-name arg) 'keep))))

(defun shell-process-pushd (arg) "Follow a pushd with argument ARG."
  (let ((num (shell-extract-num arg))
        (here default-directory))
    (cond ((and (equal arg "") shell-pushd-tohome)
           (shell-process-pushd (or (getenv "HOME") "~")))
          ((equal arg "")
           (if shell-dirstack
               (shell--go #'cd (car shell-dirstack) (cons here (cdr shell-dirstack)))
             (message "Directory stack empty.")))
          ((and num (> num (length shell-dirstack)))
           (message "Directory stack not that deep."))
          (num
           ;; Rotate the ring (current directory + stack) so entry NUM is first.
           (let* ((all (cons here shell-dirstack))
                  (turned (append (nthcdr num all) (seq-take all num))))
             (shell--go #'cd (car turned) (cdr turned))))
          (t (shell--go #'cd (shell-prefixed-directory-name arg)
                        (cons here (if shell-pushd-dunique (delete here shell-dirstack)
                                     shell-dirstack)))))))

(defun shell-process-popd (arg) "Follow a popd with argument ARG."
  (let ((num (if (equal arg "") 0 (shell-extract-num arg)))
        (depth (length shell-dirstack)))
    (cond ((null num) (message "Bad popd"))
          ((> num depth) (message "Directory stack not that deep."))
          ((and (= num 0) (= depth 0)) (message "Directory stack empty."))
          ((= num 0) (shell--go #'cd (car shell-dirstack) (cdr shell-dirstack)))
          (t (setq shell-dirstack (append (seq-take shell-dirstack (1- num))
                                          (nthcdr num shell-dirstack)))
             (shell-dirstack-message)))))

(defun shell-directory-tracker (str) "Follow the cd, pushd and popd commands of the input STR (an input filter)."
  ;; A failure (a buffer without its process, say) just means no tracking.
  (when shell-dirtrackp
    (ignore-errors (shell--track-commands str))))

(defun shell--track-commands (str)
  "Act on each cd, pushd and popd among the commands of STR."
  (progn
    (let ((pos 0))
      (while (string-match "[ \t]*\\([^;&|\n]+\\)[;&|\n]*" str pos)
        (setq pos (match-end 0))
        (let* ((command (string-trim (match-string 1 str)))
               (words (split-string command "[ \t]+" t))
               (verb (car words))
               (arg (let ((first (cadr words)))
                      (shell-unquote-argument (or first "")))))
          (cond ((null verb))
                ((string-match-p (concat "\\`\\(?:" shell-popd-regexp "\\)\\'") verb)
                 (shell-process-popd (comint-substitute-in-file-name arg)))
                ((string-match-p (concat "\\`\\(?:" shell-pushd-regexp "\\)\\'") verb)
                 (shell-process-pushd (comint-substitute-in-file-name arg)))
                ((string-match-p (concat "\\`\\(?:" shell-cd-regexp "\\)\\'") verb)
                 (shell-process-cd (comint-substitute-in-file-name arg)))))
        ))))

(define-minor-mode shell-dirtrack-mode
  "Follow the shell's working directory from the commands sent to it."
  :lighter nil :init-value t
  (setq-local list-buffers-directory (and shell-dirtrack-mode default-directory))
  (setq-local shell-dirtrackp shell-dirtrack-mode)
  (let ((hook 'comint-input-filter-functions))
    (cond ((not shell-dirtrack-mode) (remove-hook hook 'shell-directory-tracker t))
          (t (add-hook hook 'shell-directory-tracker nil t)))))

(defalias 'dirs #'shell-resync-dirs)

(defun shell-resync-dirs () "Ask the shell for its working directory and directory stack, and take them over."
  (interactive)
  (let* ((p (get-buffer-process (current-buffer)))
         (query (or shell-dirstack-query "dirs"))
         (answer (and p (car (comint-redirect-results-list-from-process
                              p query "^\\(.+\\)$" 1)))))
    (when answer
      (let* ((dirs (mapcar (lambda (d) (file-name-as-directory (expand-file-name d)))
                           (split-string answer "[ \t]+" t))))
        (when dirs
          (condition-case nil
              (progn (shell-cd (car dirs))
                     (setq shell-dirstack (cdr dirs))
                     (shell-dirstack-message))
            (error (message "Couldn't cd"))))))))

;;;; The mode and the command

(defun shell-apply-ansi-color (beg end face) "Give the text from BEG to END the FACE of its escape sequences, as text properties."
  (if face (add-text-properties beg end (list 'ansi-color-face face 'font-lock-face face))))

(defun shell-write-history-on-exit (process event) "Write the input history when PROCESS ends (a sentinel); EVENT is shown in its buffer."
  (and (buffer-live-p (process-buffer process))
       (with-current-buffer (process-buffer process)
         (comint-write-input-ring)
         (let ((inhibit-read-only t) (text (format "\nProcess %s %s" (process-name process) event)))
           (save-excursion (goto-char (point-max)) (insert text))))))

(define-derived-mode shell-mode comint-mode "Shell"
  "Major mode for a shell running in a comint buffer.
It follows the shell's directory as cd, pushd and popd are sent.
\\{shell-mode-map}"
  (setq comint-prompt-regexp shell-prompt-pattern
        comint-input-autoexpand shell-input-autoexpand
        comint-delimiter-argument-list shell-delimiter-argument-list
        comint-file-name-chars shell-file-name-chars
        comint-file-name-quote-list shell-file-name-quote-list
        comint-completion-fignore shell-completion-fignore
        comint-input-ring-file-name (or (getenv "HISTFILE") "~/.history"))
  (pcase-dolist (`(,var . ,value)
                 `((comint-dynamic-complete-functions . ,shell-dynamic-complete-functions)
                   (comint-unquote-function . shell--unquote-argument)
                   (comint-requote-function . shell--requote-argument)
                   (pcomplete-parse-arguments-function . shell--parse-pcomplete-arguments)
                   (pcomplete-termination-string . " ")
                   (pcomplete-command-completion-function . shell-command-completion-function)
                   (pcomplete-default-completion-function . ignore)
                   (paragraph-separate . "\\'")
                   (paragraph-start . ,comint-prompt-regexp)
                   (font-lock-defaults . (shell-font-lock-keywords t))
                   (shell-dirstack . nil)
                   (shell-last-dir . nil)
                   (scroll-conservatively . 101)))
    (set (make-local-variable var) value))
  (shell-dirtrack-mode 1)
  (set (make-local-variable 'ansi-color-apply-face-function) 'shell-apply-ansi-color)
  (setq shell-dirstack-query "dirs")
  (let ((p (get-buffer-process (current-buffer))))
    (when p
      (set (make-local-variable 'shell--start-prog)
           (file-name-nondirectory (car (process-command p))))
      (comint-read-input-ring t)
      (set-process-sentinel p 'shell-write-history-on-exit))))

(defun shell-command-completion-function () "Completion of command names (not done in tsmacs's batch use): nil."
  nil)

(defun shell (&optional buffer) "Run a shell in BUFFER (default *shell*) in Shell mode and give the buffer.
The program is `explicit-shell-file-name', else $ESHELL or $SHELL, else
`shell-file-name'; it gets `explicit-NAME-args', else -i."
  (interactive)
  (let ((buf (get-buffer-create (or buffer "*shell*"))))
    (unless (comint-check-proc buf)
      (let* ((program (or explicit-shell-file-name (getenv "ESHELL") (getenv "SHELL")
                          shell-file-name))
             (base (file-name-nondirectory program))
             (init-file (expand-file-name (concat "~/.emacs_" base)))
             (args-symbol (intern-soft (format "explicit-%s-args" base)))
             (args (if (and args-symbol (boundp args-symbol)) (symbol-value args-symbol) (list "-i"))))
        (with-current-buffer buf
          (or (derived-mode-p 'shell-mode) (comint-mode))
          (apply #'make-comint-in-buffer "shell" buf program
                 (if (file-exists-p init-file) init-file) args)
          (shell-mode))))
    (pop-to-buffer buf)
    buf))

(provide 'shell)

;;; shell.el ends here
