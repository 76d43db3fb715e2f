;;; files-late.el --- more of files.el: trust, completion over load paths, backups, leaving  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed batch behaviour.  These
;; functions are files.el's in GNU (preloaded there); tsmacs autoloads them
;; from here (lisp/autoloads.el).

(require 'seq)

(defun trusted-content-p () "Whether the current buffer's file may be trusted with running code (`trusted-content').
Never when `untrusted-content' is set; always when `trusted-content' is
:all; else when the file (its true name) is listed, or is under a listed
directory (a name ending in a slash)."
  (unless untrusted-content
    (and
       ;; A buffer with no file is trusted only when it is *scratch*.
       (or buffer-file-truename (equal (buffer-name) "*scratch*"))
       (or (eq trusted-content :all)
           (and buffer-file-truename
                (file-exists-p buffer-file-truename)
                (let ((mine (expand-file-name buffer-file-truename))
                      (hit nil))
                  (dolist (entry trusted-content hit)
                    (let ((place (expand-file-name entry)))
                      (when (if (directory-name-p entry)
                                (string-prefix-p place mine)
                              (equal place mine))
                        (setq hit t))))))))))

(defun hack-local-variables-confirm (all-vars unsafe-vars risky-vars dir-name) "Ask whether to apply the file-local settings ALL-VARS, of which UNSAFE-VARS and RISKY-VARS are doubtful.
DIR-NAME names their directory when they are directory-local.  In batch
mode no one can be asked: nil."
  (ignore all-vars unsafe-vars risky-vars dir-name)
  (and (not noninteractive)
       (y-or-n-p "Apply the local variables that are not known to be safe? ")))

(defun locate-file-completion-table (dirs suffixes string pred action) "Complete STRING as a file to load: a name found in DIRS, with or without one of SUFFIXES.
PRED and ACTION are as for any completion table."
  (let* ((sub (or (file-name-directory string) ""))
         (names nil))
    (dolist (dir dirs)
      (let ((place (expand-file-name sub (or dir default-directory))))
        (when (file-directory-p place)
          (dolist (file (file-name-all-completions (file-name-nondirectory string) place))
            ;; A name with one of SUFFIXES is offered without it, any other as it is.
            (let ((suffix (seq-find (lambda (x) (and (> (length x) 0) (string-suffix-p x file))) suffixes)))
              (push (concat sub (if suffix (substring file 0 (- (length suffix))) file)) names))))))
    (complete-with-action action (sort (delete-dups names) #'string<) string pred)))

(defun backup-buffer-copy (from-name to-name modes extended-attributes) "Make the backup TO-NAME a copy of FROM-NAME, with file MODES and EXTENDED-ATTRIBUTES when given."
  (condition-case nil (delete-file to-name) (file-error nil))
  (copy-file from-name to-name t t)
  (when modes (set-file-modes to-name modes))
  (when extended-attributes (set-file-extended-attributes to-name extended-attributes))
  nil)

(defun recode-file-name (file coding new-coding &optional ok-if-already-exists) "Rename FILE, whose name was written in the coding system CODING, to the same name written in NEW-CODING.
OK-IF-ALREADY-EXISTS is as for `rename-file'."
  (interactive "fFile: \nzCoding the name is in: \nzCoding to write it in: ")
  (let* ((system (or file-name-coding-system default-file-name-coding-system 'utf-8))
         (old (file-name-nondirectory (directory-file-name file)))
         (text (decode-coding-string (encode-coding-string old system) coding))
         (new (decode-coding-string (encode-coding-string text new-coding) system)))
    (rename-file file (expand-file-name new (file-name-directory (directory-file-name (expand-file-name file))))
                 ok-if-already-exists)))

(defun revert-buffer-quick (&optional auto-save) "Revert the buffer from its file, asking first only when it has changes; AUTO-SAVE as for `revert-buffer'."
  (interactive)
  (revert-buffer auto-save (not (buffer-modified-p))))

(defun files--changed-file-buffer-p () "Non-nil when some buffer visiting a file has unsaved changes."
  (seq-some (lambda (b) (and (buffer-file-name b) (buffer-modified-p b))) (buffer-list)))

(defun files--processes-allow-exit-p () "Ask, showing them, whether the live processes that want a question may be killed.
t when `confirm-kill-processes' is nil or there is no such process."
  (or (not confirm-kill-processes)
      (not (seq-some (lambda (p) (and (memq (process-status p) '(run stop open listen))
                                      (process-query-on-exit-flag p)))
                     (process-list)))
      (let ((shown (get-buffer-create "*Process List*")))
        (save-window-excursion
          (list-processes t shown)
          (pop-to-buffer shown)
          (yes-or-no-p "Active processes exist; kill them and exit anyway? ")))))

(defun save-buffers-kill-emacs (&optional arg) "Offer to save changed buffers (all without asking when ARG), then end Emacs.
Unsaved file buffers, live processes (see `confirm-kill-processes'),
`kill-emacs-query-functions' and `confirm-kill-emacs' may each stop it."
  (interactive "P")
  (save-some-buffers arg t)
  (and (or (not (files--changed-file-buffer-p))
           (yes-or-no-p "Modified buffers exist; exit anyway? "))
       (files--processes-allow-exit-p)
       (run-hook-with-args-until-failure 'kill-emacs-query-functions)
       (or (null confirm-kill-emacs) (funcall confirm-kill-emacs "Really exit Emacs? "))
       (kill-emacs nil)))

(defun save-buffers-kill-terminal (&optional arg) "End the session as `save-buffers-kill-emacs' does (batch has one terminal); ARG as for it."
  (interactive "P")
  (save-buffers-kill-emacs arg))

(provide 'files-late)

;;; files-late.el ends here
