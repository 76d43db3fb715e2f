;;; uniquify.el --- uniquify's items and proposed buffer names  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The
;; renaming itself (NAME<DIR> for buffers visiting files of one name) is
;; done by files.el; this file adds uniquify's record of a buffer to
;; rename and the names it would propose under each style.  GNU preloads
;; uniquify; tsmacs autoloads it (autoloads.el).

(defvar uniquify-separator nil "String between a buffer's base name and its directory part, or nil for the style's own.")
(defvar uniquify-trailing-separator-p nil "Non-nil means a directory's buffer name ends with a separator.")
(defvar uniquify-min-dir-content 0 "The fewest directory components a proposed name shows.")
(defvar uniquify-ignore-buffers-re nil "Regexp of buffer names uniquify leaves alone, or nil.")
(defvar uniquify-list-buffers-directory-modes '(dired-mode cvs-mode vc-dir-mode) "Modes whose buffers uniquify names after `list-buffers-directory'.")
(defvar-local uniquify-managed nil "The uniquify items of the group this buffer's name belongs to, or nil.")

(defvar cl-struct-uniquify-item-tags nil "The tags of `uniquify-item' records.")
(cl-struct-define 'uniquify-item "One buffer uniquify names: its base name, directory, buffer and proposal."
                  'cl-structure-object 'record nil
                  '((cl-tag-slot) (base) (dirname) (buffer) (proposed) (original-dirname))
                  'cl-struct-uniquify-item-tags 'uniquify-item t)

(defun uniquify-make-item (base dirname buffer &optional proposed original-dirname) "Return a new uniquify item of BASE, DIRNAME, BUFFER, PROPOSED and ORIGINAL-DIRNAME."
  (record 'uniquify-item base dirname buffer proposed original-dirname))

(defun uniquify-item-p (object) "Return t if OBJECT is a uniquify item."
  (and (memq (type-of object) cl-struct-uniquify-item-tags) t))

(defun uniquify--slot (item n) "Return slot N of ITEM, which must be a uniquify item."
  (unless (uniquify-item-p item)
    (signal 'wrong-type-argument (list 'uniquify-item item)))
  (aref item n))

(defun uniquify-item-base (item) "Return the base name of the uniquify ITEM." (uniquify--slot item 1))
(defun uniquify-item-dirname (item) "Return the directory of the uniquify ITEM." (uniquify--slot item 2))
(defun uniquify-item-buffer (item) "Return the buffer of the uniquify ITEM." (uniquify--slot item 3))
(defun uniquify-item-proposed (item) "Return the name proposed for the uniquify ITEM." (uniquify--slot item 4))
(defun uniquify-item-original-dirname (item) "Return the directory the uniquify ITEM started with." (uniquify--slot item 5))

(defun uniquify-item-greaterp (item1 item2) "Return non-nil if ITEM1's proposed name sorts after ITEM2's."
  (string-lessp (uniquify-item-proposed item2) (uniquify-item-proposed item1)))

(defun uniquify--tail-of (dirname depth) "Return the last DEPTH components of DIRNAME, and whether they reach its start."
  (let* ((parts (split-string dirname "/"))
         (absolute (and (cdr parts) (equal (car parts) "")))
         (names (if absolute (cdr parts) parts))
         (names (if (equal names '("")) nil names))
         (whole (>= depth (length names))))
    (list (last names (min depth (length names))) (and whole absolute))))

;; GNU defines this error with cl-lib's assertions, which it preloads.
(unless (get 'cl-assertion-failed 'error-conditions)
  (define-error 'cl-assertion-failed "Assertion failed"))

(defun uniquify-get-proposed-name (base dirname &optional depth _original-dirname) "Return the name BASE in DIRNAME would get, showing DEPTH directory components.
The form follows `uniquify-buffer-name-style'.  DIRNAME must not
end in a slash."
  (unless (equal (directory-file-name dirname) dirname)
    (signal 'cl-assertion-failed (list '(equal (directory-file-name dirname) dirname))))
  (file-remote-p dirname)
  (let* ((depth (or depth 0))
         (tail (uniquify--tail-of dirname depth))
         (parts (car tail))
         (rooted (cadr tail)))
    (when (and (> depth 0) (null parts))
      ;; The root alone shows as an empty directory part.
      (setq parts '("") rooted nil))
    (if (= depth 0)
        base
      (let ((sep (or uniquify-separator "|")))
        (pcase uniquify-buffer-name-style
          ('forward
           (let ((dir (concat (if rooted "/" "") (mapconcat #'identity parts "/"))))
             (cond ((equal base "") dir)
                   ((equal dir "/") (concat dir base))
                   (t (concat dir "/" base)))))
          ('reverse
           (let ((s (or uniquify-separator "\\")))
             (concat base (mapconcat (lambda (p) (concat s p)) (reverse parts) "")
                     (if rooted s ""))))
          ('post-forward
           (concat base sep (if rooted "/" "") (mapconcat #'identity parts "/")))
          ('post-forward-angle-brackets
           (let ((dir (concat (if rooted "/" "") (mapconcat #'identity parts "/"))))
             (if (equal base "") dir (concat base "<" dir ">"))))
          (_ (error "Bad value for uniquify-buffer-name-style: %s" uniquify-buffer-name-style)))))))

(defun uniquify-buffer-file-name (buffer) "Return the directory, without final slash, of the file BUFFER visits, or nil."
  (with-current-buffer buffer
    (let ((file (or buffer-file-name
                    (and (memq major-mode uniquify-list-buffers-directory-modes)
                         (bound-and-true-p list-buffers-directory)))))
      (and file (directory-file-name (file-name-directory (expand-file-name (directory-file-name file))))))))

(defun uniquify-buffer-base-name () "Return the base name of the current buffer if uniquify named it, else nil."
  (and buffer-file-name
       (let ((base (file-name-nondirectory buffer-file-name)))
         (and (string-prefix-p base (buffer-name)) base))))

(provide 'uniquify)
