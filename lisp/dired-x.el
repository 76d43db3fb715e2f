;;; dired-x.el --- more Dired: omitting files, marking by suffix, guessing shell commands  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observable behaviour (docs/stdlib.md, "Dired").

;;; Code:

(require 'cl-lib)
(require 'dired)

(defgroup dired-x nil "Extra Dired commands." :group 'dired)

(defcustom dired-omit-files "\\`[.]?#\\|\\`[.][.]?\\'" "Regexp of the file names `dired-omit-mode' hides." :type 'regexp :group 'dired-x)
(defcustom dired-omit-extensions (if (boundp 'completion-ignored-extensions) (copy-sequence completion-ignored-extensions) '(".o" "~" ".elc"))
  "File name endings `dired-omit-mode' hides as well." :type '(repeat string) :group 'dired-x)
(defcustom dired-omit-verbose t "Non-nil reports how many lines `dired-omit-mode' hid." :type 'boolean :group 'dired-x)
(defcustom dired-omit-size-limit 30000 "Listings larger than this many characters are not thinned by `dired-omit-mode'; nil for no limit."
  :type '(choice integer (const nil)) :group 'dired-x)
(defcustom dired-guess-shell-alist-user nil "Your own (REGEXP COMMAND...) rules for `dired-guess-default', tried first."
  :type '(alist :key-type regexp :value-type (repeat sexp)) :group 'dired-x)
(defvar dired-guess-shell-alist-default '(("\\.tar\\'" "tar xvf") ("\\.tar\\.gz\\'" "tar zxvf") ("\\.tgz\\'" "tar zxvf") ("\\.tar\\.bz2\\'" "tar jxvf")
    ("\\.tar\\.xz\\'" "tar Jxvf") ("\\.zip\\'" "unzip") ("\\.gz\\'" "gunzip") ("\\.bz2\\'" "bunzip2") ("\\.xz\\'" "unxz")
    ("\\.Z\\'" "uncompress") ("\\.pdf\\'" "xpdf") ("\\.ps\\'" "ghostview") ("\\.html?\\'" "xdg-open")
    ("\\.\\(?:png\\|jpe?g\\|gif\\)\\'" "xdg-open") ("\\.el\\'" "emacs"))
  "Built-in (REGEXP COMMAND...) rules for `dired-guess-default'.")
(defcustom dired-x-hands-off-my-keys t "Non-nil leaves `find-file' and its kin alone." :type 'boolean :group 'dired-x)

(defvar-local dired-omit-mode nil "Non-nil when uninteresting files are hidden in this Dired buffer.")

(defun dired-omit-regexp () "Return the regexp of the file names `dired-omit-mode' hides."
  (let ((ends (and dired-omit-extensions
                   (concat "\\(?:" (regexp-opt dired-omit-extensions) "\\)\\'"))))
    (cond ((and dired-omit-files ends) (concat "\\(?:" dired-omit-files "\\)\\|" ends))
          (dired-omit-files dired-omit-files)
          (t ends))))

(defun dired-omit-expunge (&optional regexp) "Delete from the listing the lines of files whose names match REGEXP (`dired-omit-regexp' by default).
Marked lines stay.  Return how many lines went."
  (let ((re (or regexp (dired-omit-regexp))) (omitted 0) (inhibit-read-only t))
    (dired--each-line
     (lambda ()
       (let ((f (dired-get-filename 'no-dir t)))
         (when (and f (eq (char-after) ?\s) (string-match-p re (file-name-nondirectory f)))
           (delete-region (point) (line-beginning-position 2))
           (setq omitted (1+ omitted))))))
    (cond ((not dired-omit-verbose))
          ((zerop omitted) (message "(Nothing to omit)"))
          (t (message "Omitted %d line%s" omitted (if (= omitted 1) "" "s"))))
    omitted))

(defun dired-omit--after-readin () "Thin a listing just read when `dired-omit-mode' is on."
  (when (and dired-omit-mode
             (or (null dired-omit-size-limit) (< (buffer-size) dired-omit-size-limit)))
    (let ((dired-omit-verbose nil)) (dired-omit-expunge))))

(define-minor-mode dired-omit-mode "Hide the lines of uninteresting files (`dired-omit-files', `dired-omit-extensions') in this Dired buffer."
  :group 'dired-x :lighter " Omit" (if dired-omit-mode
      (progn (add-hook 'dired-after-readin-hook #'dired-omit--after-readin nil t)
             (dired-omit-expunge))
    (remove-hook 'dired-after-readin-hook #'dired-omit--after-readin t)
    (when (derived-mode-p 'dired-mode) (dired-revert))))

(defun dired-mark-omitted () "Mark the files `dired-omit-mode' would hide." (interactive)
  (let ((re (dired-omit-regexp)))
    (dired-mark-if-match (lambda () (string-match-p re (file-name-nondirectory (dired-get-filename 'no-dir t))))
                         "omitted file")))

(defun dired-mark-suffix (suffix &optional marker-char) "Mark the files whose names end with SUFFIX (a string or a list of them) after at least one other character.
MARKER-CHAR replaces `dired-marker-char'."
  (interactive (list (read-string "Marking suffix: ") (if current-prefix-arg ?\s)))
  (let* ((suffixes (if (listp suffix) suffix (list suffix)))
         (re (concat ".\\(?:" (mapconcat #'regexp-quote suffixes "\\|") "\\)\\'")))
    (dired-mark-if-match (lambda () (string-match-p re (file-name-nondirectory (dired-get-filename 'no-dir t))))
                         "matching file" marker-char)))

(defun dired-mark-extension (extension &optional marker-char) "Mark the files whose names end with `.' and EXTENSION (a string or a list), after at least one other character."
  (interactive (list (read-string "Marking extension: ") (if current-prefix-arg ?\s)))
  (dired-mark-suffix (mapcar (lambda (e) (if (string-prefix-p "." e) e (concat "." e)))
                             (if (listp extension) extension (list extension))) marker-char))

(defun dired-flag-extension (extension) "Flag for deletion the files with EXTENSION." (interactive "sFlagging extension: ")
  (let ((dired-marker-char dired-del-marker)) (dired-mark-extension extension)))

(defun dired-mark-sexp (predicate &optional unflag) "Mark the files for which the form PREDICATE is non-nil.
PREDICATE sees `name', `mode', `nlink', `uid', `gid', `size' and `time' of each line."
  (interactive (list (read--expression "Mark if (lisp expr): ") current-prefix-arg))
  (dired-mark-if-match
   (lambda () (beginning-of-line)
     (when (looking-at "..\\([^ \n]+\\) +\\([0-9]+\\) +\\([^ \n]+\\) +\\([^ \n]+\\) +\\([0-9]+\\) +")
       (let ((vars (list (cons 'mode (match-string 1)) (cons 'nlink (string-to-number (match-string 2)))
                         (cons 'uid (match-string 3)) (cons 'gid (match-string 4))
                         (cons 'size (string-to-number (match-string 5)))
                         (cons 'name (dired-get-filename 'no-dir t))
                         (cons 'time (buffer-substring-no-properties (match-end 0) (save-excursion (dired-move-to-filename)))))))
         (eval predicate vars))))
   "matching file" (if unflag ?\s dired-marker-char)))

(defun dired-guess-default (files) "Return the shell command (or the list of them) the rules of `dired-guess-shell-alist-user' and `-default' propose for FILES.
A rule counts when its regexp matches every file; nil when none does."
  (let ((cmds (delete-dups
               (cl-loop for (re . proposals) in (append dired-guess-shell-alist-user dired-guess-shell-alist-default)
                        when (cl-every (lambda (f) (string-match-p re f)) files)
                        append (cl-remove-if-not #'stringp
                                                 (mapcar (lambda (p) (if (stringp p) p (eval p t))) proposals))))))
    (if (cdr cmds) cmds (car cmds))))

(defun dired-smart-shell-command (command &optional output-buffer error-buffer) "Run the shell COMMAND in the directory of point's listing; OUTPUT-BUFFER and ERROR-BUFFER as for `shell-command'."
  (interactive (list (read-shell-command "Shell command: ") current-prefix-arg shell-command-default-error-buffer))
  (let ((default-directory (if (derived-mode-p 'dired-mode) (dired-current-directory) default-directory)))
    (shell-command command output-buffer error-buffer)))

(defun dired-do-relsymlink (&optional arg) "Make relative symbolic links to the marked files (or ARG files)." (interactive "P")
  (require 'dired-aux)
  (dired-do-create-files 'relsymlink #'dired-make-relative-symlink "RelSymLink" arg dired-keep-marker-symlink))

(defun dired-do-find-marked-files (&optional _noselect) "Visit every marked file." (interactive "P")
  (mapc #'find-file (dired-get-marked-files)))

(provide 'dired-x)

;;; dired-x.el ends here
