;;; shadow.el --- find Lisp libraries that hide others along load-path  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; the names
;; and the messages are GNU's.  A library is "shadowed" when a directory
;; earlier in `load-path' has a library of the same name: `load' and
;; `require' never reach the later one.

;; `called-interactively-p' is autoloaded from here: have it before a caller
;; rebinds `load-path' to the directories it examines.
(require 'subr-ext)

(defconst shadow--library-regexp "\\.elc?\\(?:\\.gz\\)?\\'"
  "Names of Lisp library files: .el or .elc, possibly gzipped.")

(defconst shadow--not-libraries '("subdirs" "leim-list" ".dir-locals")
  "Library names that are per-directory files, so never compared.")

(defun shadow--library-names (dir)
  "The library names (suffixes stripped) in the directory DIR, each once, in `directory-files' NOSORT order."
  (let ((case-fold-search nil) names)
    (dolist (file (and (file-directory-p dir) (directory-files dir nil nil t)))
      (when (string-match shadow--library-regexp file)
        (let ((base (substring file 0 (match-beginning 0))))
          (unless (or (member base shadow--not-libraries) (member base names))
            (push base names)))))
    (nreverse names)))

(defun load-path-shadows-find (&optional path) "Return the files of the directories PATH (default `load-path') that hide or are hidden.
The list holds pairs, flattened: each even element is a library that an
earlier directory holds and that hides the next element, the same library
name in a later directory.  Names are given without their .el/.elc suffix.
When a directory's file names ignore case, so does the comparison."
  (let ((first-seen (make-hash-table :test 'equal)) ; name -> (DIR . NAME) where first met
        done-dirs result)
    (dolist (entry (or path load-path))
      (let ((dir (directory-file-name (or entry "."))))
        (unless (member dir done-dirs)
          (push dir done-dirs)
          (let ((fold (file-name-case-insensitive-p (file-name-as-directory dir))))
            (dolist (name (shadow--library-names dir))
              (let* ((key (if fold (downcase name) name))
                     (earlier (gethash key first-seen)))
                (if earlier
                    (setq result (nconc result
                                        (list (concat (file-name-as-directory (car earlier)) (cdr earlier))
                                              (concat (file-name-as-directory dir) name))))
                  (puthash key (cons dir name) first-seen))))))))
    result))

(defvar load-path-shadows-font-lock-keywords
  '(("hides \\(.*\\)" 1 font-lock-warning-face))
  "What `load-path-shadows-mode' highlights: the libraries that are hidden.")

(define-derived-mode load-path-shadows-mode nil "LP-Shadows"
  "The mode of the read-only *Shadows* buffer that `list-load-path-shadows' fills."
  (setq buffer-read-only t)
  (setq-local font-lock-defaults '((load-path-shadows-font-lock-keywords))))

(defconst shadow--preamble "Some Lisp libraries along `load-path' have the same name as others.
Only the first of each name is loaded; a private copy that hides the
library Emacs ships may be out of date, so check whether you still need it.\n"
  "The warning before a list of shadowed libraries (tsmacs's own words).")

(defun shadow--show (lines summary) "Fill the *Shadows* buffer with LINES and SUMMARY (none if LINES is empty) and display it."
  (let ((buf (get-buffer-create "*Shadows*")))
    (with-current-buffer buf
      (setq buffer-read-only nil)
      (delete-region (point-min) (point-max))
      (insert (if (equal lines "")
                  "No Emacs Lisp load-path shadowings were found\n"
                (concat shadow--preamble "\n" lines "\n" summary "\n")))
      (load-path-shadows-mode)
      (goto-char 1))
    (display-buffer buf)))

(defun list-load-path-shadows (&optional stringp) "Show the Lisp libraries of `load-path' that hide others of the same name.
With STRINGP non-nil, return the list as a string, a line \"A hides B\"
per pair (the empty string if there is none).  Otherwise a call from a
command shows them in the buffer *Shadows*, and any other call writes
them as messages and a count.  See `load-path-shadows-find'."
  (interactive)
  (let* ((found (load-path-shadows-find))
         (pairs (/ (length found) 2))
         (lines (let ((out "") (rest found))
                  (while rest
                    (setq out (concat out (format "%s hides %s\n" (pop rest) (pop rest)))))
                  out))
         (summary (format "%d Emacs Lisp load-path shadowing%s found"
                          pairs (if (= pairs 1) " was" "s were"))))
    (if stringp
        lines
      (if (called-interactively-p 'interactive)
          (shadow--show lines summary)
        (unless (zerop pairs)
          (message "%s" shadow--preamble)
          (message "%s" (substring lines 0 -1))
          (message "\n%s" summary))))))

(provide 'shadow)

;;; shadow.el ends here
