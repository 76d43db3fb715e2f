;;; files-misc.el --- backup names, large-file questions, recovering auto-saves  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (pieces of its files.el);
;; autoloaded.

;;;; Backup names

(defun make-backup-file-name--default-function (file) "Give FILE's backup name: FILE with a tilde, or placed as `backup-directory-alist' says.
An absolute backup directory named there is made when it does not exist yet."
  (unless (sequencep file) (signal 'wrong-type-argument (list 'sequencep file)))
  (let ((base (make-backup-file-name-1 file)))
    (unless (eq base file)
      (let ((dir (file-name-directory base)))
        (unless (file-directory-p dir)
          (ignore-errors (make-directory dir t)))))
    (concat base "~")))

;;;; Large files

(defun files--ask-user-about-large-file (size op-type filename _offer-raw) "Ask whether to OP-TYPE the large file FILENAME of SIZE bytes; give nil to go on, `abort' to stop."
  (let* ((name (file-name-nondirectory filename))
         (amount (funcall byte-count-to-string-function size)))
    (unless (y-or-n-p (format "File %s is large (%s), really %s? " name amount op-type))
      'abort)))

(defun abort-if-file-too-large (size op-type filename &optional offer-raw) "Ask before the OP-TYPE of FILENAME when its SIZE passes `large-file-warning-threshold'; stop with an error if told to."
  (when (and size large-file-warning-threshold
             (< large-file-warning-threshold size)
             ;; A file that cannot be read will fail anyway: no question then.
             (file-readable-p filename))
    (pcase (files--ask-user-about-large-file size op-type filename offer-raw)
      ('abort (user-error "Aborted"))
      (other other))))

;;;; Recovering from auto-save files

(defun recover-this-file () "Recover the file the current buffer visits from its auto-save file." (interactive)
  (if buffer-file-name
      (recover-file buffer-file-name)
    (user-error "This buffer is not visiting a file")))

(defun files-misc--auto-save-of (file) "Give the name FILE's buffer would auto-save to."
  (let ((buffer-file-name file))
    (make-auto-save-file-name)))

(defun files-misc--recover-from (file saved) "Visit FILE and replace its text with that of SAVED, leaving the buffer modified."
  (switch-to-buffer (find-file-noselect file t))
  (let ((inhibit-read-only t))
    (erase-buffer)
    (insert-file-contents saved nil))
  (goto-char (point-min))
  (set-buffer-modified-p t)
  ;; GNU stops auto-saving until the user turns it on again, and says so.
  (auto-save-mode -1)
  (message "Auto-save off in this buffer till you do M-x auto-save-mode.")
  nil)

(defun recover-file (file) "Replace the text of a buffer visiting FILE with FILE's auto-save file, after asking." (interactive "FRecover file: ")
  (let* ((full (expand-file-name file))
         (saved (files-misc--auto-save-of full))
         (shown (abbreviate-file-name saved)))
    (cond ((auto-save-file-name-p (file-name-nondirectory full))
           (user-error "%s is an auto-save file" (abbreviate-file-name full)))
          ((and (file-directory-p full) (not (file-exists-p saved)))
           (error "Auto save file %s does not exist" shown))
          ((not (file-newer-than-file-p saved full))
           (user-error "Auto-save file %s not current" shown))
          ((yes-or-no-p (format "Recover auto save file %s? " shown))
           (files-misc--recover-from full saved))
          (t (user-error "Recover-file canceled")))))

;;;; insert-directory helpers

(defun insert-directory-wildcard-in-dir-p (dir) "Split DIR where its first directory component with a wildcard starts: (BEFORE . REST), or nil.
A wildcard only in the last component does not count."
  (let ((dirs (file-name-directory dir)))
    (when (string-match "[*?[]" dirs)
      (let ((cut (1+ (or (string-match-p "/[^/]*\\'" (substring dirs 0 (match-beginning 0))) -1))))
        ;; With no directory before the wildcard there is nothing to split off.
        (if (= cut 0)
            (cons nil nil)
          (cons (substring dir 0 cut) (substring dir cut)))))))

(provide 'files-misc)
;;; files-misc.el ends here

;;;; Lock conflicts (GNU's userlock.el): batch mode has no one to settle them

(define-error 'file-locked "File is locked" 'file-error)
(put 'file-supersession 'error-conditions '(file-supersession file-error error))

(defun ask-user-about-lock (file opponent) "Settle the conflict over FILE, which OPPONENT locks; batch mode cannot.
The question is shown, then it is an error."
  (message "%s locked by %s: (s, q, p, ?)? " file opponent)
  (error "Cannot resolve lock conflict in batch mode"))

(defun ask-user-about-supersession-threat (filename) "Settle editing a buffer whose file FILENAME changed on disk; batch mode cannot.
The question is shown, then it is an error."
  (message "%s changed on disk; really edit the buffer? (y, n, r or C-h) "
           (file-name-nondirectory filename))
  (error "Cannot resolve conflict in batch mode"))

(defun userlock--ask-user-about-supersession-threat (filename) "Ask about FILENAME having changed on disk, unless its text is still the buffer's.
A failed comparison is reported and the question asked anyway."
  (let ((same (condition-case err
                  (let ((here (current-buffer)) (size (buffer-size)))
                    (with-temp-buffer
                      (insert-file-contents buffer-file-name)
                      (and (= size (buffer-size))
                           (zerop (compare-buffer-substrings here nil nil nil nil nil)))))
                (error (message "Unchanged content check: %S" err) nil))))
    (if same
        (set-visited-file-modtime)
      (ask-user-about-supersession-threat filename))))

(defun userlock--handle-unlock-error (error) "Report ERROR, a failure to remove a lock file, as a warning and go on."
  (display-warning '(unlock-file)
                   (message "%s, ignored" (error-message-string error))
                   :warning))

;;;; Small helpers of the file commands

(defun save-some-buffers-root () "Return a predicate for `save-some-buffers': true in buffers whose directory lies under the current `default-directory'."
  (let ((top default-directory))
    (lambda () (file-in-directory-p default-directory top))))

(defun find-file-read-args (prompt mustmatch) "Read a file name with PROMPT for `find-file' and the like; MUSTMATCH as for `read-file-name'.
Return a list of the name and t, the wildcards flag."
  (list (read-file-name prompt nil default-directory mustmatch) t))

;;;; Recovering a whole session from its auto-save list

(defun recover-session () "List the sessions whose auto-save lists remain, to recover the files of one.
The list is a Dired buffer of the files named by
`auto-save-list-file-prefix'; \\[recover-session-finish] on a line recovers
that session's files."
  (interactive)
  (let* ((prefix auto-save-list-file-prefix)
         (dir (and prefix (file-name-directory (expand-file-name prefix))))
         (stem (and prefix (file-name-nondirectory prefix))))
    (or (and dir (file-directory-p dir)
             (directory-files dir nil (concat "\\`" (regexp-quote stem))))
        (error "No previous sessions to recover"))
    (dired (concat prefix "*"))
    (use-local-map (let ((keys (make-sparse-keymap)))
                     (set-keymap-parent keys (current-local-map))
                     (define-key keys "\C-c\C-c" #'recover-session-finish)
                     keys))
    (let ((here (point-marker))
          (inhibit-read-only t)
          (how (concat " To recover a session, move to it and type \\[recover-session-finish].\n"
                       " To delete a session file, type \\[dired-flag-file-deletion] on its line to flag\n"
                       " the file for deletion, then \\[dired-do-flagged-delete] to delete flagged files.\n\n")))
      (goto-char 1)
      (insert (substitute-command-keys how))
      (goto-char here)
      (set-marker here nil))
    nil))

(defun recover-session--files (list-file) "The files named in the auto-save list LIST-FILE whose auto-save files still exist.
The list holds pairs of lines: a visited file's name (empty for a buffer
visiting none), then its auto-save file's."
  (let ((lines (split-string (with-temp-buffer (insert-file-contents list-file) (buffer-string)) "\n"))
        (names '()))
    (while (cdr lines)
      (let ((visited (pop lines)) (saved (pop lines)))
        (if (and (> (length visited) 0) (file-exists-p saved))
            (setq names (cons visited names)))))
    (reverse names)))

(defun recover-session--one (file) "Recover FILE from its auto-save file, reporting a failure instead of signalling it."
  (condition-case nil
      (save-excursion (recover-file file))
    (error (message "Failed to recover `%s'" file))))

(defun recover-session-finish () "Recover the files of the session whose auto-save list is on this line of `recover-session''s listing.
Each file is asked about (\"Recover FILE? \") and recovered with `recover-file'."
  (interactive)
  (let ((names (recover-session--files (dired-get-filename))))
    (if names
        (map-y-or-n-p "Recover %s? " #'recover-session--one names '("file" "files" "recover"))
      (message "No files can be recovered from this session now"))))
