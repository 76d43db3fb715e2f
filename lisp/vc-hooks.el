;;; vc-hooks.el --- what a session knows from the start about version-controlled files  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manuals.
;; Preloaded, as in GNU: visiting a file asks each backend of
;; `vc-handled-backends' whether it tracks the file, remembers the answer in
;; per-file properties and shows the backend and status in `vc-mode'.  The
;; backends themselves live in their own libraries (lisp/vc-git.el for Git);
;; a backend BE answers operation OP through the function vc-BE-OP, or else
;; through vc-default-OP given BE as its first argument.

(defcustom vc-ignore-dir-regexp locate-dominating-stop-dir-regexp "Folders matching this regexp are never searched for version-control metadata." :group 'vc :type 'regexp)

(defcustom vc-handled-backends '(RCS CVS SVN SCCS SRC Bzr Git Hg Mtn) "Backends asked, in this order, whether a file is under their control." :group 'vc :type '(repeat symbol))

(defcustom vc-directory-exclusion-list '("SCCS" "RCS" "CVS" "MCVS" ".src" ".svn" ".git" ".hg" ".bzr" "_MTN" "_darcs" "{arch}") "Names of the metadata folders of version-control systems; they are skipped when walking a tree." :group 'vc :type '(repeat string))

(defcustom vc-make-backup-files nil "Non-nil lets the usual backup files be made for version-controlled files too." :group 'vc :type 'boolean)

(defcustom vc-follow-symlinks 'ask "What to do on visiting a symbolic link to a version-controlled file: t visits the target, nil the link, `ask' asks." :group 'vc :type '(choice (const t) (const nil) (const ask)))

(defcustom vc-display-status t "Non-nil shows the file's status and revision in the mode line, nil only the backend's name." :group 'vc :type 'boolean)

(defcustom vc-consult-headers t "Non-nil lets backends read version headers inside a file to learn its state." :group 'vc :type 'boolean)

(defvar vc-dir-buffers nil "The VC Directory buffers alive.")

(defvar vc-touched-properties nil "When a list, the per-file properties set so far are pushed on it.")

(defvar-local vc-mode nil "The version-control indicator of the buffer's file in the mode line, or nil.")
(put 'vc-mode 'risky-local-variable 't)

(define-error 'vc-not-supported "VC method not implemented for backend")

;; ---- per-file properties, kept on the symbols of a private obarray

(defvar vc-file-prop-obarray (obarray-make 17) "Where the per-file properties of version control are kept.")

(defsubst vc--prop-holder (file) "The symbol FILE's properties are kept on."
  (intern file vc-file-prop-obarray))

(defun vc-file-setprop (file property value) "Remember VALUE as FILE's PROPERTY and return it."
  (when (and vc-touched-properties (not (memq property vc-touched-properties)))
    (push property vc-touched-properties))
  (put (vc--prop-holder file) property value))

(defun vc-file-getprop (file property) "What was remembered as FILE's PROPERTY, or nil."
  (get (vc--prop-holder file) property))

(defun vc-file-clearprops (file) "Forget everything remembered about FILE."
  (setplist (vc--prop-holder file) nil))

;; ---- reaching the backends

(defun vc-make-backend-sym (backend sym) "The symbol naming operation SYM of BACKEND: vc-BACKEND-SYM, lower case."
  (intern (format "vc-%s-%s" (downcase (symbol-name backend)) sym)))

(defun vc-find-backend-function (backend fun) "The function BACKEND answers FUN with, or (vc-default-FUN . BACKEND), or nil.
The backend's library is loaded when its own function is not yet defined."
  (let ((own (vc-make-backend-sym backend fun)))
    (unless (fboundp own)
      (let ((lib (intern (format "vc-%s" (downcase (symbol-name backend))))))
        (unless (featurep lib) (require lib))))
    (if (fboundp own)
        own
      (let ((fallback (intern (concat "vc-default-" (symbol-name fun)))))
        (and (fboundp fallback) (cons fallback backend))))))

(defun vc-call-backend (backend function-name &rest args) "Apply BACKEND's implementation of FUNCTION-NAME to ARGS.
Signal `vc-not-supported' when the backend has none and there is no default."
  (let ((fn (vc-find-backend-function backend function-name)))
    (cond ((consp fn) (apply (car fn) (cons (cdr fn) args)))
          (fn (apply fn args))
          (t (signal 'vc-not-supported (list function-name backend))))))

(defmacro vc-call (fun file &rest args) "Call operation FUN of FILE's backend with FILE and ARGS."
  (append (list 'vc-call-backend (list 'vc-backend file) (list 'quote fun) file) args))

(defmacro vc-error-occurred (&rest body) "Run BODY; t when it signalled an error, else nil."
  `(condition-case nil (progn ,@body) (error t) (:success nil)))

;; ---- which backend, and what state

(defun vc-find-root (file witness) "The nearest folder at or above FILE holding a file named WITNESS, or nil."
  (let ((locate-dominating-stop-dir-regexp vc-ignore-dir-regexp))
    (locate-dominating-file file witness)))

(defun vc-registered (file) "Non-nil when one of `vc-handled-backends' tracks FILE; the backend is then remembered."
  (let ((handler (find-file-name-handler file 'vc-registered)))
    (if handler
        (funcall handler 'vc-registered file)
      (let ((dir (file-name-directory file)))
        (unless (and dir (string-match-p vc-ignore-dir-regexp dir))
          (let* ((known (vc-file-getprop file 'vc-backend))
                 (hit (if (and known (not (eq known 'none)) (vc-call-backend known 'registered file))
                          known
                        (catch 'vc--hit
                          (dolist (be vc-handled-backends)
                            (when (vc-call-backend be 'registered file) (throw 'vc--hit be)))))))
            (vc-file-setprop file 'vc-backend (or hit 'none))
            (and hit t)))))))

(defun vc-backend (file-or-list) "The backend tracking FILE-OR-LIST (its first file when a list), or nil."
  (let ((first (if (consp file-or-list) (car file-or-list) file-or-list)))
    (and (stringp first)
         (let* ((name (expand-file-name first))
                (known (vc-file-getprop name 'vc-backend)))
           (cond ((eq known 'none) nil)
                 (known)
                 ((vc-registered name) (vc-file-getprop name 'vc-backend)))))))

(defun vc-backend-subdirectory-name (file) "The name of FILE's backend, as a string."
  (let ((be (vc-backend file))) (symbol-name be)))

(defun vc--remembered (file prop op backend) "FILE's property PROP, or else what operation OP of BACKEND (default: FILE's own) answers, remembered."
  (let ((name (expand-file-name file)))
    (or (vc-file-getprop name prop)
        (let ((be (or backend (vc-backend name))))
          (and be (vc-file-setprop name prop (vc-call-backend be op name)))))))

(defun vc-state (file &optional backend) "FILE's version-control state, a symbol such as `up-to-date' or `edited', or nil.
BACKEND, when given, is asked without checking that it tracks FILE."
  (vc--remembered file 'vc-state 'state backend))

(defun vc-state-refresh (file backend) "Ask BACKEND anew for FILE's state, remember it and return it."
  (vc-file-setprop file 'vc-state (vc-call-backend backend 'state file)))

(defun vc-up-to-date-p (file) "Non-nil when FILE's state is `up-to-date'."
  (let ((state (vc-state file))) (eq state 'up-to-date)))

(defun vc-working-revision (file &optional backend) "The revision FILE's working copy is based on, as BACKEND names it, or nil."
  (vc--remembered file 'vc-working-revision 'working-revision backend))

(defun vc-checkout-model (backend files) "How BACKEND has FILES edited: `implicit', `locking' or `announce'."
  (apply #'vc-call-backend backend 'checkout-model (list files)))

(defun vc-user-login-name (file) "The user name FILE is reached under: the remote user for a remote FILE, else the local login."
  (or (file-remote-p file 'user) (user-login-name) (format "%d" (user-uid))))

;; ---- defaults for the backends

(defun vc-possible-master (s dirname basename) "The master file name that template S gives for BASENAME in DIRNAME.
S is a format taking the folder then the base name, or a function of both."
  (if (functionp s)
      (funcall s dirname basename)
    (and (stringp s) (format s dirname basename))))

(defun vc-check-master-templates (file templates) "The first existing master file of FILE among TEMPLATES.
A template giving FILE itself does not count.  When none is found, the value
is a list holding one nil per template."
  (let ((dir (or (file-name-directory file) ""))
        (base (file-name-nondirectory file)))
    (catch 'vc--master
      (mapcar (lambda (template)
                (let ((name (vc-possible-master template dir base)))
                  (when (and name (not (equal name file)) (file-exists-p name))
                    (throw 'vc--master name))))
              templates))))

(defun vc-default-registered (backend file) "Non-nil when a master file of FILE exists among vc-BACKEND-master-templates."
  (let ((master (vc-check-master-templates
                 file (symbol-value (vc-make-backend-sym backend 'master-templates)))))
    (when (stringp master)
      (vc-file-setprop file 'vc-master-name master)
      t)))

(defun vc-default-make-version-backups-p (_backend _file) "Backends keep no local copies of revisions unless they say so: nil."
  nil)

(defun vc-default-find-file-hook (_backend) "Nothing more is done on visiting a file unless the backend says so."
  nil)

(defun vc-default-extra-menu (_backend) "Backends add no entries to the Version Control menu unless they say so."
  nil)

(defconst vc--state-looks
  '((up-to-date "-" vc-up-to-date-state "Up to date file")
    (needs-update "-" vc-up-to-date-state "Up to date file")
    (added "@" vc-locally-added-state "Locally added file")
    (removed "!" vc-removed-state "File removed from the VC system")
    (conflict "!" vc-conflict-state "File contains conflicts after the last merge")
    (missing "?" vc-missing-state "File tracked by the VC system, but missing from the file system"))
  "For each state: the separator, face and description of the mode-line indicator.")

(defun vc-default-mode-line-string (backend file) "The mode-line indicator of FILE under BACKEND: the name, a status mark, the revision."
  (let* ((state (vc-state file backend))
         (rev (vc-working-revision file backend))
         (look (cond ((stringp state)
                      (list (concat ":" state ":") 'vc-locked-state (concat "File locked by" state)))
                     ((cdr (assq (or state 'up-to-date) vc--state-looks)))
                     (t '(":" vc-edited-state "Locally modified file")))))
    (propertize (concat (symbol-name backend) (nth 0 look) rev)
                'help-echo (concat (nth 2 look) " under the " (symbol-name backend) " version control system")
                'face (nth 1 look))))

;; ---- the mode line and the buffer hooks

(defvar vc-menu-map
  (let ((menu (make-sparse-keymap "Version Control")))
    (dolist (item `((vc-retrieve-tag "Retrieve Tag" vc-retrieve-tag "Retrieve tagged version or branch")
                    (vc-create-tag "Create Tag" vc-create-tag "Create version tag")
                    (separator1 nil)
                    (vc-annotate "Annotate" vc-annotate "Display the edit history of the current file using colors")
                    (vc-rename-file "Rename File" vc-rename-file "Rename file")
                    (vc-revision-other-window "Show Other Version" vc-revision-other-window "Visit another version of the current file in another window")
                    (vc-diff "Compare with Base Version" vc-diff "Compare file set with the base version")
                    (vc-root-diff "Compare Tree with Base Version" vc-root-diff "Compare current tree with the base version")
                    (vc-update-change-log "Update ChangeLog" vc-update-change-log "Find change log file and add entries from recent version control logs")
                    (vc-log-out "Show Outgoing Log" vc-log-outgoing "Show a log of changes that will be sent with a push operation")
                    (vc-log-in "Show Incoming Log" vc-log-incoming "Show a log of changes that will be received with a pull operation")
                    (vc-print-log "Show History" vc-print-log "List the change log of the current file set in a window")
                    (vc-print-root-log "Show Top of the Tree History " vc-print-root-log "List the change log for the current tree in a window")
                    (separator2 nil)
                    (vc-insert-header "Insert Header" vc-insert-headers
                                      "Put the version-control header lines into this file")
                    (vc-revert "Revert to Base Version" vc-revert "Revert working copies of the selected file set to their repository contents")
                    (vc-push "Push Changes" vc-push "Push the current branch's changes")
                    (vc-update "Update to Latest Version" vc-update "Update the current fileset's files to their tip revisions")
                    (vc-next-action "Check In/Out" vc-next-action "Do the next logical version control operation on the current fileset")
                    (vc-register "Register" vc-register "Register file set into a version control system")
                    (vc-ignore "Ignore File..." vc-ignore "Ignore a file under current version control system")
                    (vc-dir-root "VC Dir" vc-dir-root "Show the VC status of the repository")))
      (define-key menu (vector (car item))
        (if (cadr item) (list 'menu-item (nth 1 item) (nth 2 item) :help (nth 3 item)) '("--"))))
    menu)
  "The Version Control menu.")
(defalias 'vc-menu-map vc-menu-map)

(defun vc-menu-map-filter (orig-binding) "ORIG-BINDING with the entries the current buffer's backend adds to the menu, if any."
  (let* ((be (and vc-mode buffer-file-name (vc-backend buffer-file-name)))
         (extra (and be (vc-call-backend be 'extra-menu))))
    (if extra
        (append orig-binding '((ext-menu-separator "--")) (if (keymapp extra) (cdr extra) extra))
      orig-binding)))

(defvar vc-menu-entry '(menu-item "Version Control" vc-menu-map :filter vc-menu-map-filter) "The menu item that opens the Version Control menu.")

(defvar vc-mode-line-map
  (list 'keymap (list 'mode-line 'keymap (cons 'down-mouse-1 vc-menu-entry)))
  "The keymap of the version-control indicator in the mode line.")

(defvar vc-prefix-map (lookup-key ctl-x-map "v") "The keymap of the version-control commands, under C-x v.")
;; As in GNU, C-x v is bound to the symbol, whose function is the keymap.
(fset 'vc-prefix-map vc-prefix-map)
(define-key ctl-x-map "v" 'vc-prefix-map)

(defun vc-mode (&optional _arg) "Version Control minor mode: on in every buffer visiting a file that one of `vc-handled-backends' tracks.
It is turned on and off by the visiting itself; calling this does nothing.")

(defun vc-mode-line (file &optional backend) "Set `vc-mode' from FILE's backend (BACKEND when given) and state; return the backend."
  (interactive (list buffer-file-name))
  (let ((be (or backend (vc-backend file))))
    (if (null be)
        (setq vc-mode nil)
      (let ((indicator (concat " " (if vc-display-status
                                       (vc-call-backend be 'mode-line-string file)
                                     (symbol-name be)))))
        (when vc-display-status
          (let ((tip (get-text-property 1 'help-echo indicator)))
            (add-text-properties 1 (length indicator)
                                 (list 'mouse-face 'mode-line-highlight 'local-map vc-mode-line-map)
                                 indicator)
            (put-text-property 1 (length indicator) 'help-echo
                               (concat (or tip "") (if tip "\n" "") "mouse-1: Version Control menu")
                               indicator)))
        (setq vc-mode indicator)
        (unless vc-make-backup-files
          (setq-local backup-inhibited t))
        (let ((state (vc-state file be)))
          (when (and (stringp state) (not (equal state (vc-user-login-name file))))
            (setq buffer-read-only t)))))
    (force-mode-line-update)
    be))

(defun vc-follow-link () "Visit the target of the current buffer's symbolic link instead, and return that buffer."
  (let* ((target (abbreviate-file-name (file-chase-links buffer-file-name)))
         (old (current-buffer))
         (found (get-file-buffer target)))
    (if (eq found old)
        old
      (let ((buf (find-file-noselect target)))
        (kill-buffer old)
        (set-buffer buf)))))

(defun vc--visit-link-target (be) "The visited file is a link to a file BE tracks: visit that file instead when `vc-follow-symlinks' says so."
  (let ((follow (if (eq vc-follow-symlinks 'ask)
                    (yes-or-no-p (format "Symbolic link to %s-controlled source file; follow link? " be))
                  vc-follow-symlinks)))
    (if (not follow)
        (message "Warning: symbolic link to %s-controlled source file" be)
      (vc-follow-link)
      (when (eq vc-follow-symlinks t)
        (message "Followed link to %s" buffer-file-name))
      (vc-refresh-state))))

(defun vc-refresh-state () "Find out again whether the visited file is under version control, and update `vc-mode'."
  (interactive)
  (let ((file buffer-file-name))
    (when file
      (vc-file-clearprops file)
      (let ((be (vc-backend file)))
        (if be
            (progn (vc-mode-line file be)
                   (vc-call-backend be 'find-file-hook))
          (let ((target-be (and (file-symlink-p file) (vc-backend (file-chase-links file)))))
            (when target-be
              (vc--visit-link-target target-be))))))))

(define-obsolete-function-alias 'vc-find-file-hook #'vc-refresh-state "25.1")
(defalias 'vc-toggle-read-only #'toggle-read-only)
(make-obsolete 'vc-toggle-read-only
               "switch with `read-only-mode' now (`toggle-read-only' on old Emacsen)"
               "24.1")

(defun vc-kill-buffer-hook () "Forget what version control knew of the killed buffer's file."
  (when buffer-file-name
    (vc-file-clearprops buffer-file-name)))

(add-hook 'find-file-hook #'vc-refresh-state)
(add-hook 'kill-buffer-hook #'vc-kill-buffer-hook)

;; ---- saving

(defun vc-version-backup-file-name (file &optional rev manual regexp) "The name of the local copy of revision REV of FILE.
REV defaults to the working revision.  MANUAL non-nil names a copy the user
asked for; else it is an automatic one (a `.' before the final `~').  REGEXP
non-nil gives a regexp matching any such name instead."
  (let ((base (file-name-nondirectory file)))
    (if regexp
        (format "%s\\.~.+%s" (regexp-quote base) (if manual "~" "\\.~"))
      (let ((label (subst-char-in-string ?/ ?_ (or rev (vc-working-revision file) ""))))
        (expand-file-name (format "%s.~%s%s" base label (if manual "~" ".~"))
                          (file-name-directory file))))))

(defun vc-delete-automatic-version-backups (file) "Delete the automatic copies of revisions of FILE kept next to it."
  (let ((dir (or (file-name-directory file) default-directory))
        (pattern (concat "\\`" (vc-version-backup-file-name file nil nil t) "\\'")))
    (and (file-directory-p dir)
         (mapc #'delete-file (directory-files dir t pattern)))))

(defun vc-make-version-backup (file) "Keep a copy of FILE's working revision next to it, for diffs and reverts without the server."
  (condition-case nil
      (copy-file file (vc-version-backup-file-name file) nil 'keep-date)
    (file-error
     (message "Warning: Cannot make version backup; diff/revert therefore not local"))))

(defun vc--saved-file-backend () "The backend of the current buffer's file, or nil; for the save hooks."
  (and buffer-file-name (vc-backend buffer-file-name)))

(defun vc--implicit-and-current-p (be file) "Non-nil when FILE is up to date and BE lets it be edited without checking out."
  (and (vc-up-to-date-p file)
       (eq 'implicit (vc-checkout-model be (list file)))))

(defun vc-before-save () "Before the current buffer's file is saved, keep a copy of its revision when its backend wants one."
  (let ((be (vc--saved-file-backend)))
    (and be
         (vc--implicit-and-current-p be buffer-file-name)
         (vc-call-backend be 'make-version-backups-p buffer-file-name)
         (vc-make-version-backup buffer-file-name))))

(defun vc-after-save () "After the current buffer's file is saved, mark it edited when it was up to date."
  (let ((be (vc--saved-file-backend)))
    (when be
      (when (vc--implicit-and-current-p be buffer-file-name)
        (vc-file-setprop buffer-file-name 'vc-state 'edited)
        (vc-mode-line buffer-file-name be))
      (and vc-dir-buffers (fboundp 'vc-dir-resynch-file)
           (vc-dir-resynch-file buffer-file-name)))))

;; ---- helpers for the backends

(defun vc-parse-buffer (pattern i) "Subexpression I of the first match of PATTERN in the buffer, or nil; point is left after it (or at the start)."
  (goto-char 1)
  (and (re-search-forward pattern nil t) (match-string i)))

(defun vc-insert-file (file &optional limit blocksize) "Replace the buffer's text with FILE's; t when FILE exists, else nil.
LIMIT, a regexp, cuts the text at its first match; BLOCKSIZE is accepted
for compatibility (the file is read whole)."
  (ignore blocksize)
  (delete-region (point-min) (point-max))
  (if (not (file-exists-p file))
      nil
    (insert-file-contents file)
    (and limit
         (progn (goto-char 1) (re-search-forward limit nil t))
         (delete-region (match-beginning 0) (point-max)))
    (set-buffer-modified-p nil)
    t))

(provide 'vc-hooks)

;;; vc-hooks.el ends here
