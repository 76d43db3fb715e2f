;;; vc-git.el --- the Git backend of version control: what vc-hooks asks  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manuals.
;; The operations `vc-backend', `vc-state', `vc-working-revision' and the mode
;; line need: each runs `git' at the top of the work tree through
;; `process-file', naming the file relative to that top.  The commands of
;; vc.el (commit, log, diff...) are not part of tsmacs.

(require 'vc-hooks)

(defun vc-git-root (file) "The top folder of the Git work tree holding FILE, or nil."
  (vc-find-root file ".git"))

(defun vc-git--call (dest file args) "Run git with ARGS at the top of FILE's work tree, output to DEST; return the exit status.
Outside a work tree it runs in `default-directory'; a missing git counts as a failure."
  (let* ((top (vc-git-root file))
         (default-directory (if top (expand-file-name top) default-directory)))
    (condition-case nil
        (apply #'process-file "git" nil dest nil "--no-pager" args)
      (file-error 127))))

(defun vc-git--relative (file) "FILE's name relative to the top of its work tree (or to `default-directory' outside one)."
  (let ((top (vc-git-root file)))
    (file-relative-name (expand-file-name file) (if top (expand-file-name top) default-directory))))

(defun vc-git--listed-p (file &rest args) "Non-nil when git ARGS lists exactly FILE's name (NUL-terminated output)."
  (with-temp-buffer
    (let ((rel (vc-git--relative file)))
      (and (eq 0 (vc-git--call t file (append args (list rel))))
           (member rel (split-string (buffer-string) "\0" t))
           t))))

(defun vc-git-registered (file) "Non-nil when FILE is tracked by the Git work tree it is in."
  (when (vc-git-root file)
    (or (vc-git--listed-p file "ls-files" "-c" "-z" "--")
        (vc-git--listed-p file "ls-tree" "--name-only" "-z" "HEAD" "--"))))

(defun vc-git--status-state (code) "The state `vc-state' gives for the two-letter porcelain status CODE."
  (let ((index (aref code 0))
        (tree (aref code 1)))
    (cond ((equal code "??") 'unregistered)
          ((equal code "!!") 'ignored)
          ((or (eq index ?U) (eq tree ?U) (member code '("AA" "DD"))) 'conflict)
          ((eq index ?A) 'added)
          ((or (eq index ?D) (eq tree ?D)) 'removed)
          (t 'edited))))

(defun vc-git-state (file) "FILE's state in its Git work tree, from `git status'; its last entry counts."
  (with-temp-buffer
    (if (not (eq 0 (vc-git--call t file (list "status" "--porcelain" "-z" "--untracked-files" "--ignored"
                                             "--" (vc-git--relative file)))))
        'unregistered
      (let ((entries (split-string (buffer-string) "\0" t)))
        ;; A rename's entry is followed by the old name, which is no entry.
        (when (and (cdr entries) (string-match-p "\\`R" (car (last entries 2))))
          (setq entries (butlast entries)))
        (let ((last-entry (car (last entries))))
          (if (and last-entry (>= (length last-entry) 3))
              (vc-git--status-state (substring last-entry 0 2))
            'up-to-date))))))

(defun vc-git--first-line (file &rest args) "The first line git ARGS prints at FILE's work tree, or nil when it fails."
  (with-temp-buffer
    (when (eq 0 (vc-git--call t file args))
      (let ((lines (split-string (buffer-string) "\n" t)))
        (car lines)))))

(defun vc-git-working-revision (file) "The commit FILE's work tree has checked out (HEAD), or nil before the first commit."
  (vc-git--first-line file "rev-parse" "HEAD"))

(defun vc-git--symbolic-ref (file) "The branch checked out in FILE's work tree, or nil when HEAD is detached; remembered per file."
  (or (vc-file-getprop file 'vc-git-symbolic-ref)
      (let ((ref (vc-git--first-line file "symbolic-ref" "HEAD")))
        (when ref
          (let ((branch (if (string-prefix-p "refs/heads/" ref) (substring ref 11) ref)))
            (vc-file-setprop file 'vc-git-symbolic-ref branch))))))

(defun vc-git-checkout-model (_files) "Git files are edited without locking or announcing: `implicit'."
  'implicit)

(defun vc-git-revision-granularity () "Git revisions cover the whole repository: `repository'."
  'repository)

(defun vc-git-mode-line-string (file) "The mode-line indicator of FILE: Git, the status mark, then the branch (or short commit)."
  (let* ((plain (vc-default-mode-line-string 'Git file))
         (rev (vc-working-revision file 'Git))
         (branch (or (vc-git--symbolic-ref file) (and rev (substring rev 0 (min 7 (length rev)))) ""))
         (face (get-text-property 0 'face plain))
         (tip (concat (get-text-property 0 'help-echo plain) "\nCurrent revision: " rev)))
    (concat (propertize (substring-no-properties plain 0 4) 'face face 'help-echo tip)
            (propertize branch 'help-echo tip 'face face))))

(provide 'vc-git)

;;; vc-git.el ends here
