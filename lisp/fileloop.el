;;; fileloop.el --- run an operation over the matches of a scan in many files  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `fileloop-initialize' names the files, a scan function (called in a
;; file's buffer, non-nil when it found something, leaving point there)
;; and an operate function (called at what the scan found; non-nil means
;; this file is done).  `fileloop-continue' then goes from match to match
;; and file to file.  Files not yet visited are scanned in a scratch
;; buffer first, and visited only when the scan finds something.

;;; Code:

(defgroup fileloop nil "Operations over many files." :group 'tools)

(defcustom fileloop-revert-buffers 'silent "What to do with a buffer whose file changed on disk when the loop reaches it.
`silent' reverts it without asking, t asks first, nil leaves it."
  :type '(choice (const :tag "Without asking" silent) (const :tag "Ask" t) (const :tag "Never" nil)))

(defvar fileloop--files nil "The files still to go: a list, or an iterator giving them.")
(defvar fileloop--scan-function nil "The current loop's scan function.")
(defvar fileloop--operate-function nil "The current loop's operate function.")
(defvar fileloop--scan-buffer nil "Where files not yet visited are scanned.")
(defvar fileloop--fresh nil "Non-nil until the loop set up last has taken its first file.")
(defvar fileloop--return-to nil "(BUFFER . POINT): where a buffer visited before the loop came to it goes back to when the loop is done with it.")

(defun fileloop-initialize (files scan-function operate-function) "Set up a loop over FILES for `fileloop-continue'.
FILES is a list of file names or an iterator giving them.
SCAN-FUNCTION, called with no argument in a file's buffer, gives
non-nil when it found what the loop looks for, leaving point there.
OPERATE-FUNCTION is then called there; non-nil from it means the file
is done and the loop goes on with the next one."
  (setq fileloop--files files
        fileloop--scan-function scan-function
        fileloop--operate-function operate-function
        fileloop--fresh t))

(defun fileloop--pop-file () "The next file of the loop, or nil when there is none."
  (cond ((listp fileloop--files) (pop fileloop--files))
        ((ignore-error iter-end-of-sequence (iter-next fileloop--files)))
        (t (setq fileloop--files nil))))

(defun fileloop--refresh (buffer) "Revert BUFFER when its file changed and `fileloop-revert-buffers' allows it."
  (let ((file (buffer-file-name buffer)))
    (and fileloop-revert-buffers file
         (file-exists-p file)
         (not (verify-visited-file-modtime buffer))
         (or (eq fileloop-revert-buffers 'silent)
             (y-or-n-p (format "File %s changed on disk.  Reread it? " file)))
         (with-current-buffer buffer (revert-buffer t t)))))

(defun fileloop--scratch (file) "Read FILE into the scratch buffer where unvisited files are scanned, and make it current."
  (or (buffer-live-p fileloop--scan-buffer)
      (setq fileloop--scan-buffer (get-buffer-create " *next-file*")))
  (set-buffer fileloop--scan-buffer)
  (kill-all-local-variables)
  (let ((inhibit-read-only t))
    (delete-region (point-min) (point-max))
    (insert-file-contents file))
  (setq buffer-file-name file)
  (goto-char 1))

(defun fileloop-next-file (&optional novisit) "Go to the start of the loop's next file; with NOVISIT, only read it into a scratch buffer.
A file already in a buffer is always taken from that buffer.  Signals a
`user-error' when no file is left."
  (let ((file (fileloop--pop-file))
        (value t))
    (when (null file)
      (and (buffer-live-p fileloop--scan-buffer) (kill-buffer fileloop--scan-buffer))
      (user-error "All files processed"))
    (let ((existing (find-buffer-visiting file)))
      (if (and novisit (not existing))
          (progn (fileloop--scratch file) (setq value file))
        (when existing (fileloop--refresh existing))
        (let ((target (or existing (find-file-noselect file))))
          (switch-to-buffer target)
          (setq fileloop--return-to (and existing novisit (cons target (point))))
          (when novisit (setq value nil)))
        (widen)
        (goto-char 1)))
    ;; As GNU 28.2's: the file name when only read into the scratch
    ;; buffer, nil for a buffer visiting it already, t when visited.
    value))

(defun fileloop--found-in-scratch () "Visit the file whose scan in the scratch buffer succeeded, at the same position."
  (let ((pos (point))
        (visited (find-file-noselect (prog1 buffer-file-name (setq buffer-file-name nil)))))
    (switch-to-buffer visited)
    (widen)
    (goto-char pos)))

(defun fileloop-continue () "Go on to the next thing the current file loop finds, and operate on it."
  (interactive)
  (when fileloop--fresh
    (setq fileloop--fresh nil)
    (fileloop-next-file t))
  (catch 'fileloop--stop
    (while t
      ;; Scan on from point; when that fails, in the next files.
      (while (not (funcall fileloop--scan-function))
        (fileloop--leave)
        (fileloop-next-file t))
      (if (eq (current-buffer) fileloop--scan-buffer) (fileloop--found-in-scratch))
      (unless (funcall fileloop--operate-function)
        (setq fileloop--return-to nil)
        (throw 'fileloop--stop nil))
      (fileloop--leave)
      (fileloop-next-file t))))

(defun fileloop--leave () "Put point back where it was in a buffer the loop is done with, if the loop found it visited."
  (when (and fileloop--return-to (eq (car fileloop--return-to) (current-buffer)))
    (goto-char (cdr fileloop--return-to)))
  (setq fileloop--return-to nil))

(defun fileloop--fold-case (regexp case-fold) "Whether a search for REGEXP should ignore case now.
CASE-FOLD nil never does; t does, and `default' does when
`case-fold-search' is non-nil, both only for a REGEXP without
upper-case letters."
  (and (if (eq case-fold 'default) case-fold-search case-fold)
       (let ((case-fold-search nil))
         (not (string-match-p "[[:upper:]]" regexp)))))

(defun fileloop-initialize-search (regexp files case-fold) "Set up a loop over FILES that stops at each match of REGEXP.
CASE-FOLD is t to ignore case, nil not to, or `default' to follow
`case-fold-search' unless REGEXP has upper-case letters."
  (let ((announced nil))
    (fileloop-initialize
     files
     (lambda ()
       (let ((case-fold-search (fileloop--fold-case regexp case-fold)))
         (re-search-forward regexp nil t)))
     ;; Say which file a match is in, once per file; always stop there.
     (lambda ()
       (let ((here (current-buffer)))
         (or (eq here announced)
             (progn (message "Scanning file %s...found" buffer-file-name)
                    (setq announced here)))
         nil)))))

(defun fileloop-initialize-replace (from to files case-fold &optional delimited) "Set up a loop over FILES that asks to replace each match of FROM with TO.
CASE-FOLD is as for `fileloop-initialize-search'; DELIMITED non-nil
replaces only whole words."
  (fileloop-initialize
   files
   (lambda ()
     (let ((case-fold-search (fileloop--fold-case from case-fold)))
       (and (re-search-forward from nil t)
            (progn (goto-char (match-beginning 0)) t))))
   (lambda ()
     (let ((case-fold-search (fileloop--fold-case from case-fold)))
       (perform-replace from to t t delimited nil multi-query-replace-map)))))

(provide 'fileloop)

;;; fileloop.el ends here
