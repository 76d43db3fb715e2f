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

(defun wdired-mode () "Major mode of a Dired buffer whose file names are being edited; \\[wdired-finish-edit] renames, \\[wdired-abort-changes] cancels."
  (interactive) (error "This mode can be enabled only by `wdired-change-to-wdired-mode'"))

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
  (unless (derived-mode-p 'dired-mode) (error "Not a Dired buffer"))
  (let ((names nil))
    (dired--each-line
     (lambda ()
       (let ((f (dired-get-filename nil t)))
         (and f (not (member (file-name-nondirectory f) '("." "..")))
              (push (cons (point-marker) f) names)))))
    (setq wdired--old-names (nreverse names)))
  (wdired--protect)
  (wdired--switch-mode 'wdired-mode "Editable Dired" wdired-mode-map (lambda (&rest _) (wdired-abort-changes)))
  (dired-move-to-filename) (set-buffer-modified-p nil) (run-mode-hooks 'wdired-mode-hook)
  (message "%s" (substitute-command-keys "Press \\[wdired-finish-edit] when finished or \\[wdired-abort-changes] to abort changes")))

(defun wdired--old-name-here () "Return the name this line's file had on entering Wdired, or nil."
  (cdr (cl-find (line-beginning-position) wdired--old-names :key #'car :test #'=)))

(defun wdired-get-filename (&optional no-dir old) "Return this line's file name as edited now (absolute, or without its directory when NO-DIR).
With OLD, the name it had on entering Wdired.  Nil on a line without a file."
  (let ((name (if old (wdired--old-name-here) (dired-get-filename nil t))))
    (and name
         (not (member (file-name-nondirectory name) '("." "..")))
         (if no-dir (file-name-nondirectory name) name))))

(defun wdired--switch-mode (mode name keymap reverter) "Make this buffer's major mode MODE called NAME, with KEYMAP and REVERTER; Wdired's mode is the only writable one."
  (setq major-mode mode mode-name name buffer-read-only (not (eq mode 'wdired-mode))) (use-local-map keymap)
  (setq-local revert-buffer-function reverter))

(defun wdired--back-to-dired () "Give the buffer back to Dired mode, without the editing properties."
  (let ((inhibit-read-only t) (buffer-undo-list t))
    (with-silent-modifications (remove-text-properties (point-min) (point-max) '(read-only nil rear-nonsticky nil))))
  (mapc (lambda (e) (set-marker (car e) nil)) wdired--old-names)
  (setq wdired--old-names nil)
  (wdired--switch-mode 'dired-mode "Dired by name" dired-mode-map #'dired-revert))

(defun wdired--changes () "Return the edited names as pairs (OLD . NEW), NEW nil for a line whose name was erased."
  (cl-loop for (at . old) in wdired--old-names
           for now = (save-excursion (goto-char at) (dired-get-filename nil t))
           unless (equal now old) collect (cons old now)))

(defun wdired--rename (old new) "Rename OLD to NEW, making missing directories and asking before replacing a file."
  (when (and wdired-create-parent-directories (file-name-directory new))
    (make-directory (file-name-directory new) t))
  (when (and (file-exists-p new) wdired-confirm-overwrite
             (not (dired-query 'dired-query "Overwrite `%s'?" new)))
    (error "Rename canceled"))
  (rename-file old new t))

(defun wdired--put-back-old-names () "Write back on each edited line the name it had on entering Wdired; point moves."
  (pcase-dolist (`(,at . ,old) wdired--old-names)
    (goto-char at)
    (let ((inhibit-read-only t) (from (dired-move-to-filename)))
      (unless (equal (dired-get-filename nil t) old)
        (delete-region from (dired-move-to-end-of-filename t))
        (goto-char from)
        (insert (file-name-nondirectory old))))))

(defun wdired--apply (change) "Carry out CHANGE, a pair (OLD . NEW) from `wdired--changes'; point moves."
  (pcase-let ((`(,old . ,new) change))
    (cond ((null new) (dired-delete-file old dired-recursive-deletes))
          ((not wdired-use-interactive-rename) (wdired--rename old new))
          ((dired-goto-file old)
           (dired-do-create-files-regexp #'dired-rename-file "Move" 1 ".*" (file-name-nondirectory new) nil nil)))))

(defun wdired-finish-edit () "Rename the files whose names were edited, then show the listing again in Dired mode." (interactive)
  (let ((changes (wdired--changes)) (failed 0) (here (dired-get-filename nil t)))
    (when wdired-use-interactive-rename
      ;; Dired's renaming reads the old names off the lines: put them back first.
      (save-excursion (wdired--put-back-old-names))
      (wdired--back-to-dired))
    (save-excursion
      (dolist (change changes)
        (condition-case err (wdired--apply change)
          (error (setq failed (1+ failed)) (message "%s" (error-message-string err))))))
    (unless (eq major-mode 'dired-mode) (wdired--back-to-dired))
    (set-buffer-modified-p nil)
    (dired-revert)
    (and here (dired-goto-file here))
    (let ((ok (- (length changes) failed)))
      (cond ((> failed 0) (message "%d rename actions failed" failed))
            ((null changes) (message "(No changes to be performed)"))
            (t (message "Renamed %d file%s" ok (if (= ok 1) "" "s")))))))

(defun wdired-exit () "Leave Wdired, asking whether to keep the edits when there are some." (interactive)
  (if (not (and (buffer-modified-p) (y-or-n-p "Buffer changed.  Save changes? ")))
      (wdired-abort-changes)
    (wdired-finish-edit)))

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
