;;; command-args.el --- the actions of the command line, as Lisp runs them  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `command-line-1' takes the arguments left once start-up options are gone and does what each
;; asks: evaluate, load, call, extend the load path, visit or insert a file, go to a line.
;; Packages add options of their own through `command-switch-alist' and
;; `command-line-functions'.

;;; Code:

(defvar command-switch-alist nil "Options a package handles: elements (OPTION . HANDLER), HANDLER called with OPTION.
While HANDLER runs, `command-line-args-left' holds the arguments after OPTION; it may pop its own.")

(defvar command-line-functions nil "Functions tried, in order, on an argument no option claims, with `argi' bound to it.
The first that gives non-nil has handled it; when none does, the argument is an unknown option or a file to visit.")

(defvar argi nil "The command-line argument being handled, for `command-line-functions'.")

(defvar command-line-default-directory nil "The directory Emacs was started in: relative file names of the command line are taken from there.")

(defconst command-args--actions
  '(("-eval" . eval) ("-execute" . eval)
    ("-l" . load) ("-load" . load) ("-scriptload" . script)
    ("-f" . funcall) ("-funcall" . funcall) ("-e" . funcall)
    ("-L" . directory) ("-directory" . directory)
    ("-insert" . insert) ("-kill" . kill))
  "The command line's own actions, by option name with a single dash: a double dash means the same.")

(defun command-args--file (name) "Give NAME, a file named on the command line, absolute."
  (expand-file-name name (or command-line-default-directory default-directory)))

(defun command-args--value (inline) "Give the value of the option being handled: INLINE, the text after its `=', else the next argument."
  (or inline (pop command-line-args-left)))

(defun command-args--do (action value placed inline) "Carry out the command line's ACTION with VALUE, its argument.
PLACED counts the directories -L has put first in `load-path' so far: each goes after those. A
directory given as --directory=DIR (INLINE non-nil) goes there too but, as in GNU, is not counted."
  (pcase-exhaustive action
    ('eval (eval (read value) t))
    ('funcall (funcall (intern value)))
    ('load (let ((local (command-args--file value)))
             (load (if (file-exists-p local) local value) nil t)))
    ('script (load (command-args--file value) nil t t))
    ('directory (let* ((at-end (string-prefix-p ":" value))
                       (dir (command-args--file (if at-end (substring value 1) value))))
                  (if at-end
                      (setq load-path (append load-path (list dir)))
                    (let ((before nil) (after load-path))
                      (dotimes (_ (car placed)) (push (pop after) before))
                      (setq load-path (nconc (nreverse before) (cons dir after))))
                    (unless inline (setcar placed (1+ (car placed)))))))
    ('insert (insert-file-contents (command-args--file value)))))

(defun command-line-1 (args-left) "Carry out the command-line arguments ARGS-LEFT, those that remain once start-up options are handled.
Each option of `command-switch-alist' calls its handler; -l, --eval, -f, -L, --insert, --kill and
--script act at once; +LINE[:COLUMN] sets where the next file visited puts point; `--' makes every
later argument a file; anything else goes to `command-line-functions', then is visited as a file
or, starting with a dash, is an unknown option."
  (let ((command-line-args-left args-left)
        (only-files nil)
        (placed (list 0))
        (line nil)
        (column nil))
    (while (consp command-line-args-left)
      (let* ((arg (pop command-line-args-left))
             (long (and (not only-files) (string-match "\\`--?\\([^=]*\\)\\(?:=\\(.*\\)\\)?\\'" arg)
                        (match-string 1 arg)))
             (inline (and long (match-string 2 arg)))
             (action (and long (cdr (assoc (concat "-" long) command-args--actions))))
             (handler (and (not only-files) (cdr (assoc arg command-switch-alist)))))
        (cond
         (handler (funcall handler arg))
         ((and (not only-files) (equal arg "--")) (setq only-files t))
         ((eq action 'kill) (kill-emacs t))
         (action
          (let ((value (command-args--value inline)))
            (unless (stringp value) (signal 'wrong-type-argument (list 'stringp value)))
            (command-args--do action value placed inline)))
         ((and (not only-files) (string-match "\\`\\+\\([0-9]+\\)\\(?::\\([0-9]+\\)\\)?\\'" arg))
          (setq line (string-to-number (match-string 1 arg))
                column (and (match-beginning 2) (string-to-number (match-string 2 arg)))))
         ((let ((argi arg))
            (run-hook-with-args-until-success 'command-line-functions)))
         ((and (not only-files) (string-prefix-p "-" arg) (not (equal arg "-")))
          (error "Unknown option `%s'" arg))
         (t
          (set-buffer (find-file-noselect (command-args--file arg)))
          (when line
            (goto-char (point-min))
            (forward-line (1- line))
            (when column (move-to-column (1- column))))
          (setq line nil column nil)))))))

;; Who mails from here.  GNU works this out at each start
;; (`custom-initialize-delay'): here the defcustom computes it when the image
;; is made, and each start from the image sets it again by the same rule
;; (src/emacs/editfns-user.ts), without running Lisp.
(defcustom mail-host-address nil "Host part for the user's mail address; when nil, `system-name' serves."
  :type '(choice (const nil) string)
  :group 'mail)

(defcustom user-mail-address
  (let ((from-env (getenv "EMAIL")))
    (or from-env
        (format "%s@%s" (user-login-name) (or mail-host-address (system-name)))))
  "The user's mail address.
Emacs starts it from the EMAIL variable of the environment when that is
set, else makes it of the login name, an @ and `mail-host-address' (or
the machine's name when that is nil)."
  :type 'string
  :group 'mail)

;;;; What GNU's start-up (startup.el) leaves bound.  Batch start-up reads no
;; init file and shows no screen, and the hooks below run, as in GNU batch,
;; before the first command-line action: no action can add to them in
;; time, so tsmacs does not run them.  The options are bound for the
;; programs that read or bind them (docs/cli.md).

(defvar before-init-hook nil "Functions run before the init files are read.")
;; GNU's value holds what Tramp's archive support adds there (the image runs it itself).
(defvar after-init-hook '(tramp-register-archive-file-name-handler) "Functions run once the init files have been read.")
(defvar emacs-startup-hook nil "Functions run at the end of start-up, after the command line is handled.")
(defvar term-setup-hook nil "Functions run after the terminal is set up, late in start-up.")
(defvar window-setup-hook nil "Functions run once the initial frame is ready, at the very end of start-up.")
(defvar inhibit-startup-hooks nil "Non-nil means start-up skips `after-init-hook' and the hooks that follow.")
(defvar command-line-processed t "Non-nil once the command line has been handled at start-up.")
(defvaralias 'argv 'command-line-args-left)
(defvar early-init-file nil "The early init file that was read, or nil when none was.")
(defvar init-file-debug nil "Non-nil when Emacs was started with --debug-init.")
(defvar init-file-had-error nil "Non-nil when reading the init file signalled an error.")
(defvar keyboard-type nil "The keyboard type given by the windowing system; nil when there is none.")
(defvar emacs-basic-display nil "Non-nil when Emacs was started with --basic-display.")
(defvar no-blinking-cursor nil "Non-nil when Emacs was started with --no-blinking-cursor.")
(defvar normal-top-level-add-subdirs-inode-list nil "Used while the subdirectories of a load-path directory are listed at start-up.")
(defvar pure-space-overflow nil "Non-nil when the preloaded Lisp did not fit in pure space (never, in tsmacs).")
(defvar startup-screen-inhibit-startup-screen nil "Set from the start-up screen's check box, to save as `inhibit-startup-screen'.")
(defvar startup--xdg-config-default "~/.config/emacs/" "The XDG place for the user's Emacs directory when nothing better is found.")
(defvar tty-long-option-alist '(("--name" . "-name") ("--title" . "-T") ("--reverse-video" . "-reverse")
                                ("--foreground-color" . "-fg") ("--background-color" . "-bg") ("--color" . "-color"))
  "The long terminal options, each with the short one it stands for.")

;; User options: none acts in batch, where Emacs shows no start-up screen and
;; visits no initial buffer.
(defvar inhibit-startup-screen nil "Non-nil means no start-up screen is shown.")
;; Its standard value is nil, but batch start-up, the only kind tsmacs has,
;; leaves it t, as GNU's does.
(put 'inhibit-startup-screen 'standard-value '(nil))
(setq inhibit-startup-screen t)
(defvaralias 'inhibit-splash-screen 'inhibit-startup-screen)
(defvaralias 'inhibit-startup-message 'inhibit-startup-screen)
(defvar inhibit-startup-echo-area-message nil "A login name: for that user, no welcome message in the echo area.")
(defvar inhibit-startup-buffer-menu nil "Non-nil means visiting many files from the command line lists no buffers.")
(defvar inhibit-default-init nil "Non-nil means the default.el library is not loaded at start-up.")
(defvar initial-buffer-choice nil "The buffer shown after start-up: nil for the start-up screen, t for *scratch*, a file name or a function.")
(defvar initial-major-mode 'lisp-interaction-mode "The major mode of the *scratch* buffer made at start-up.")
(defvar fancy-splash-image nil "An image file to show on the start-up screen in place of the standard one, or nil.")
(defvar site-run-file nil "The site-wide start-up library loaded before the init file, or nil.")

(provide 'command-args)
