;;; wdired.el --- rename files by editing their names in a Dired buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observable behaviour (docs/stdlib.md, "Dired").
;; Entering Wdired remembers each line's file name (a `wdired--old' property on the line's
;; first character) and makes everything but the names read-only; finishing compares each
;; line's name with the remembered one and renames what changed.

;;; Code:

(require 'cl-lib)
(require 'dired)

(defgroup wdired nil "Renaming files by editing their names in Dired buffers." :group 'dired)

(defcustom wdired-use-interactive-rename nil "Non-nil asks about each rename when finishing." :type 'boolean :group 'wdired)
(defcustom wdired-confirm-overwrite t "Non-nil asks before a rename replaces an existing file." :type 'boolean :group 'wdired)
(defcustom wdired-use-dired-vertical-movement nil "Non-nil makes vertical motion land on file names." :type '(choice (const nil) (const t) (const sometimes)) :group 'wdired)
(defcustom wdired-allow-to-redirect-links t "Non-nil lets the target of a symbolic link be edited too." :type 'boolean :group 'wdired)
(defcustom wdired-allow-to-change-permissions nil "Non-nil lets the permission bits be edited too." :type '(choice boolean (const advanced)) :group 'wdired)
(defcustom wdired-keep-marker-rename t "Mark a renamed file gets (see `dired-keep-marker-rename')." :type '(choice character boolean) :group 'wdired)
(defcustom wdired-create-parent-directories t "Non-nil makes the missing directories of a new name." :type 'boolean :group 'wdired)
(defcustom wdired-search-replace-filenames t "Non-nil keeps query-replace to the file names." :type 'boolean :group 'wdired)

(defvar wdired-mode-map (let ((km (make-sparse-keymap)))
    (pcase-dolist (`(,keys . ,cmd) '(("\C-x\C-s" . wdired-finish-edit) ("\C-c\C-c" . wdired-finish-edit)
                                     ("\C-c\C-k" . wdired-abort-changes) ("\C-c\C-[" . wdired-abort-changes)
                                     ("\C-x\C-q" . wdired-exit) ("\C-m" . undefined) ("\C-j" . undefined) ("\C-o" . undefined)
                                     ([remap upcase-word] . wdired-upcase-word) ([remap capitalize-word] . wdired-capitalize-word)
                                     ([remap downcase-word] . wdired-downcase-word)))
      (define-key km keys cmd))
    km)
  "Keys of Wdired mode.")

(defvar wdired-mode-hook nil "Hook run when a Dired buffer becomes editable.")
(put 'wdired-mode 'mode-class 'special)

(defvar-local wdired--old-names nil "Pairs (MARKER . OLD-NAME), one per file line, made on entering Wdired.")

(defun wdired-mode () "Major mode of a Dired buffer whose file names are being edited; \\[wdired-finish-edit] renames, \\[wdired-abort-changes] cancels." (interactive)
  (error "This mode can be enabled only by `wdired-change-to-wdired-mode'"))

(defun wdired--protect () "Make the buffer read-only except for the file names."
  (let ((inhibit-read-only t) (from (point-min)))
    (dired--each-line
     (lambda ()
       (let ((name (dired-move-to-filename)))
         (when name
           (add-text-properties from name '(read-only t rear-nonsticky (read-only)))
           (setq from (dired-move-to-end-of-filename t))))))
    (when (< from (point-max)) (add-text-properties from (point-max) '(read-only t rear-nonsticky (read-only))))))

(defun wdired-change-to-wdired-mode () "Make the file names of this Dired buffer editable." (interactive)
  (unless (derived-mode-p 'dired-mode) (error "Not a Dired buffer")) (let (names)
    (dired--each-line
     (lambda ()
       (let ((f (dired-get-filename nil t)))
         (and f (not (member (file-name-nondirectory f) '("." "..")))
              (push (cons (point-marker) f) names)))))
    (setq wdired--old-names (nreverse names)))
  (wdired--protect)
  (setq major-mode 'wdired-mode mode-name "Editable Dired" buffer-read-only nil) (use-local-map wdired-mode-map)
  (setq-local revert-buffer-function (lambda (&rest _) (wdired-abort-changes))) (dired-move-to-filename)
  (set-buffer-modified-p nil) (run-mode-hooks 'wdired-mode-hook)
  (message "%s" (substitute-command-keys "Press \\[wdired-finish-edit] when finished or \\[wdired-abort-changes] to abort changes")))

(defun wdired--old-name-here () "Return the name this line's file had on entering Wdired, or nil."
  (let ((bol (line-beginning-position)))
    (cdr (cl-find-if (lambda (e) (= (marker-position (car e)) bol)) wdired--old-names))))

(defun wdired-get-filename (&optional no-dir old) "Return this line's file name as edited now (absolute, or without its directory when NO-DIR).
With OLD, the name it had on entering Wdired.  Nil on a line without a file."
  (let ((name (if old (wdired--old-name-here) (dired-get-filename nil t))))
    (and name
         (not (member (file-name-nondirectory name) '("." "..")))
         (if no-dir (file-name-nondirectory name) name))))

(defun wdired--back-to-dired () "Give the buffer back to Dired mode, without the editing properties."
  (let ((inhibit-read-only t) (modified (buffer-modified-p)))
    (remove-text-properties (point-min) (point-max) '(read-only nil rear-nonsticky nil))
    (set-buffer-modified-p modified))
  (dolist (e wdired--old-names) (set-marker (car e) nil))
  (setq wdired--old-names nil) (use-local-map dired-mode-map)
  (setq major-mode 'dired-mode mode-name "Dired by name" buffer-read-only t)
  (setq-local revert-buffer-function #'dired-revert))

(defun wdired--changes () "Return the edited names as pairs (OLD . NEW), NEW nil for a line whose name was erased."
  (let (acc) (save-excursion
      (dolist (e wdired--old-names)
        (goto-char (car e))
        (let ((new (dired-get-filename nil t)))
          (unless (equal new (cdr e)) (push (cons (cdr e) new) acc))))) (nreverse acc)))

(defun wdired--rename (old new) "Rename OLD to NEW, making missing directories and asking before replacing a file."
  (when (and wdired-create-parent-directories (file-name-directory new))
    (make-directory (file-name-directory new) t))
  (when (and (file-exists-p new) wdired-confirm-overwrite
             (not (dired-query 'dired-query "Overwrite `%s'?" new)))
    (error "Rename canceled"))
  (rename-file old new t))

(defun wdired-finish-edit () "Rename the files whose names were edited, then show the listing again in Dired mode." (interactive)
  (let ((changes (wdired--changes)) (errors 0) (done 0) (here (dired-get-filename nil t)))
    (when wdired-use-interactive-rename
      ;; The interactive path renames through Dired, which reads the old names off the lines.
      (let ((inhibit-read-only t)) (save-excursion
          (dolist (e wdired--old-names)
            (goto-char (car e))
            (let ((now (dired-get-filename nil t)))
              (unless (equal now (cdr e))
                (let ((beg (dired-move-to-filename)) (end (dired-move-to-end-of-filename t))) (delete-region beg end)
                  (goto-char beg)
                  (insert (file-name-nondirectory (cdr e)))))))))
      (wdired--back-to-dired)) (dolist (c changes) (condition-case err
          (progn
            (cond ((null (cdr c)) (dired-delete-file (car c) dired-recursive-deletes))
                  (wdired-use-interactive-rename (save-excursion
                     (when (dired-goto-file (car c))
                       (dired-do-create-files-regexp #'dired-rename-file "Move" 1 ".*"
                                                     (file-name-nondirectory (cdr c)) nil nil))))
                  (t (wdired--rename (car c) (cdr c)))) (setq done (1+ done)))
        (error (setq errors (1+ errors)) (message "%s" (error-message-string err)))))
    (unless (eq major-mode 'dired-mode) (wdired--back-to-dired)) (set-buffer-modified-p nil)
    (dired-revert)
    (when here (dired-goto-file here))
    (cond ((> errors 0) (message "%d rename actions failed" errors))
          ((null changes) (message "(No changes to be performed)"))
          (t (message "Renamed %d file%s" done (if (= done 1) "" "s"))))))

(defun wdired-exit () "Leave Wdired, asking whether to keep the edits when there are some." (interactive)
  (if (and (buffer-modified-p) (y-or-n-p "Buffer changed.  Save changes? ")) (wdired-finish-edit)
    (wdired-abort-changes)))

(defun wdired-abort-changes () "Forget the edits and show the listing again in Dired mode." (interactive)
  (wdired--back-to-dired) (set-buffer-modified-p nil)
  (dired-revert) (message "Changes aborted"))

(defun wdired--case-word (fn arg) "Apply FN (a word case command) to ARG words, editing only file names."
  (let ((inhibit-read-only nil)) (funcall fn arg)))
(defun wdired-upcase-word (arg) "Upcase ARG words of the file name." (interactive "p") (wdired--case-word #'upcase-word arg))
(defun wdired-downcase-word (arg) "Downcase ARG words of the file name." (interactive "p") (wdired--case-word #'downcase-word arg))
(defun wdired-capitalize-word (arg) "Capitalize ARG words of the file name." (interactive "p") (wdired--case-word #'capitalize-word arg))

(provide 'wdired)

;;; wdired.el ends here
