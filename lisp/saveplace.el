;;; saveplace.el --- Come back to where you were in a file  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/lib-saveplace.el)
;; and the Emacs manual's "Saving Emacs Sessions" node.
;;
;; Save Place mode keeps, for each file visited, the position point had when its buffer was
;; killed (for a Dired buffer, the file name point was on), in `save-place-alist', and writes
;; that list to `save-place-file' when Emacs exits.  Visiting the file again goes back there.

(defgroup save-place nil "Going back to where point was in files visited before." :group 'data)

(defcustom save-place-file (locate-user-emacs-file "places" ".emacs-places") "The file where the positions are kept between sessions."
  :type 'file :group 'save-place)

(defcustom save-place-limit 400 "How many positions reading `save-place-file' keeps; nil keeps them all."
  :type '(choice (integer :tag "Entries" :value 1) (const :tag "No Limit" nil)) :group 'save-place)

(defcustom save-place-version-control nil "Whether writing `save-place-file' makes numbered backups: t, nil or `never'."
  :type '(radio (const :tag "Unconditionally" t) (const :tag "When already there" nil) (const :tag "Never" never)) :group 'save-place)

(defcustom save-place-ignore-files-regexp (concat "\\(?:COMMIT_EDITMSG\\|hg-editor-[[:alnum:]]+\\.txt"
                                                  "\\|svn-commit\\.tmp\\|bzr_log\\.[[:alnum:]]+\\)$")
  "Files whose names match this regexp get no remembered position." :type 'regexp :group 'save-place)

(defcustom save-place-forget-unreadable-files t "Non-nil: before writing the positions, drop those of files that cannot be read."
  :type 'boolean :group 'save-place)

(defcustom save-place-skip-check-regexp (concat "\\`/\\(?:cdrom\\|floppy\\|mnt"
                                                "\\|\\(?:[^@/:]*@\\)?[^@/:]*[^@/:.]:\\)")
  "Names matching this regexp are never checked for readability (removable or remote media)." :type 'regexp :group 'save-place)

(defcustom save-place-save-skipped t "Non-nil: the positions of files matching `save-place-skip-check-regexp' are kept."
  :type 'boolean :group 'save-place)

(defcustom save-place-abbreviate-file-names nil "Non-nil: file names are written abbreviated, as `abbreviate-file-name' gives them."
  :type 'boolean :group 'save-place)

(defvar save-place-alist nil "The remembered positions: (FILE . POSITION) or (DIRECTORY (dired-filename . FILE)).")
(defvar save-place-loaded nil "Non-nil once `save-place-file' has been read in this session.")

(defun save-place--setup-hooks (on) "Put the Save Place functions on their hooks when ON is non-nil.
They stay there when the mode is turned off: each of them looks at
`save-place-mode' first.  A batch session writes no places when it exits."
  (when on
    (dolist (hook-fn `((find-file-hook save-place-find-file-hook t) (dired-initial-position-hook save-place-dired-hook)
                       (kill-buffer-hook save-place-to-alist)
                       ,@(and (not noninteractive) '((kill-emacs-hook save-place-kill-emacs-hook)))))
      (add-hook (nth 0 hook-fn) (nth 1 hook-fn) (nth 2 hook-fn)))))

;;;###autoload (autoload 'save-place-mode "saveplace" nil t)
(define-minor-mode save-place-mode "Toggle remembering, in every file visited, the place point was.
With this mode on, killing a buffer records where point is, and visiting
the file later puts point back there; see `save-place-file'."
  :global t :group 'save-place
  (if save-place-mode (save-place--setup-hooks t)))

;; Each buffer may turn the saving off (or on) for itself: `save-place-local-mode'.
(put 'save-place-mode 'variable-documentation "Non-nil when places are remembered; a buffer may have its own value.")
(make-variable-buffer-local 'save-place-mode)

;;;###autoload (autoload 'save-place-local-mode "saveplace" nil t)
(define-minor-mode save-place-local-mode "Toggle remembering the place of point in this buffer's file only."
  :variable save-place-mode :group 'save-place
  (when save-place-mode
    (unless (save-place--key)
      (message "Buffer `%s' not visiting a file or directory" (buffer-name)))
    (save-place--setup-hooks t)))

(define-obsolete-variable-alias 'save-place 'save-place-mode "25.1") ; the name before Emacs 25

(defun save-place--key () "Return the name the current buffer's place is filed under, or nil when it has none."
  (let ((name (or buffer-file-name
                  (and (derived-mode-p 'dired-mode) dired-directory
                       (if (consp dired-directory) (car dired-directory) dired-directory)))))
    (and name (expand-file-name name))))

(defun save-place-to-alist () "Record in `save-place-alist' where point is in this buffer's file or directory.
Any earlier place of the file is dropped; a place at the start of a file is not kept."
  (save-place--ensure-loaded)
  (let ((key (save-place--key)))
    (when (and key
               (not (and save-place-ignore-files-regexp
                         (string-match-p save-place-ignore-files-regexp key))))
      (let ((old (assoc key save-place-alist)))
        (when old (setq save-place-alist (delq old save-place-alist))))
      (when save-place-mode
        (let ((place (if (derived-mode-p 'dired-mode)
                         (let ((here (and (fboundp 'dired-get-filename) (dired-get-filename nil t))))
                           (if here (list (cons 'dired-filename here)) (point)))
                       (and (/= (point) 1) (point)))))
          (when place
            (push (cons key place) save-place-alist)))))))

(defun save-place-forget-unreadable-files () "Drop from `save-place-alist' the places of files that cannot be read.
Names matching `save-place-skip-check-regexp' are not checked: they stay when
`save-place-save-skipped' says so, else they go."
  (interactive)
  (let ((keep nil))
    (dolist (entry save-place-alist)
      (let ((name (car entry)))
        (when (if (and save-place-skip-check-regexp
                       (string-match-p save-place-skip-check-regexp name))
                  save-place-save-skipped
                (file-readable-p name))
          (push entry keep))))
    (setq save-place-alist (nreverse keep))))

(defun save-place-alist-to-file () "Write `save-place-alist' to `save-place-file', quietly."
  (if save-place-forget-unreadable-files (save-place-forget-unreadable-files))
  (let ((target (expand-file-name save-place-file))
        (places (if (not save-place-abbreviate-file-names) save-place-alist
                  (mapcar (lambda (e) (cons (abbreviate-file-name (car e)) (cdr e))) save-place-alist))))
    (with-temp-buffer
      (insert ";;; -*- coding: utf-8; mode: lisp-data -*-\n")
      (let (print-length print-level) (pp places (current-buffer)))
      (let ((version-control save-place-version-control) (coding-system-for-write 'utf-8))
        (condition-case nil (write-region nil nil target nil 'quiet)
          (file-error (message "Saving places: can't write %s" target)))))))

(defun load-save-place-alist-from-file () "Read `save-place-file' into `save-place-alist', once a session.
Only the first `save-place-limit' places are kept."
  (unless save-place-loaded
    (setq save-place-loaded t)
    (let ((source (expand-file-name save-place-file)) places)
      (if (file-readable-p source)
          (with-temp-buffer
            (let ((coding-system-for-read 'utf-8)) (insert-file-contents source))
            (setq places (ignore-errors (read (current-buffer))))
            (and (integerp save-place-limit) (nthcdr save-place-limit places)
                 (setq places (butlast places (- (length places) save-place-limit))))
            (setq save-place-alist places)))))
  nil)

(defun save-place--ensure-loaded () "Read `save-place-file' unless that was done already."
  (if (not save-place-loaded) (load-save-place-alist-from-file)))

(defun save-places-to-alist () "Record the place of point of every buffer visiting a file or showing a directory."
  (mapc (lambda (buf) (with-current-buffer buf (if (save-place--key) (save-place-to-alist)))) (buffer-list)))

(defun save-place-kill-emacs-hook () "Record every buffer's place and write them out, when the places were read this session."
  (when save-place-loaded (save-places-to-alist) (save-place-alist-to-file)))

(defun save-place-find-file-hook () "Put point where it was the last time this buffer's file was visited."
  (save-place--ensure-loaded)
  (let ((entry (and buffer-file-name (assoc (expand-file-name buffer-file-name) save-place-alist))))
    (when (and entry (integerp (cdr entry)))
      (unless (and (boundp 'revert-buffer-in-progress-p) revert-buffer-in-progress-p)
        (goto-char (cdr entry))))))

(defun save-place-dired-hook () "Put point on the file it was on the last time this directory was shown."
  (save-place--ensure-loaded)
  (let* ((key (save-place--key))
         (place (and key (cdr (assoc key save-place-alist)))))
    (cond ((integerp place) (goto-char place))
          ((and (consp place) (assq 'dired-filename place))
           (dired-goto-file (cdr (assq 'dired-filename place)))))))

(provide 'saveplace)
