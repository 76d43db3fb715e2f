;;; files-attrs.el --- extended file attributes and transformed file names -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs Lisp manual
;; (test/corpus/files-attrs.el pins what is relied on).

;;; Code:

(defun file-extended-attributes (filename) "Give the extended attributes of FILENAME as an alist: its ACL under `acl', its SELinux context under `selinux-context'.
These are what a backup copy takes over from the original."
  (list (cons 'acl (file-acl filename))
        (cons 'selinux-context (file-selinux-context filename))))

(defun set-file-extended-attributes (filename attributes) "Give FILENAME the extended ATTRIBUTES, an alist as `file-extended-attributes' makes.
The value is non-nil when one of them was set."
  (let ((done nil))
    (pcase-dolist (`(,kind . ,value) attributes)
      (let ((result (pcase kind
                      ('acl (set-file-acl filename value))
                      ('selinux-context (set-file-selinux-context filename value)))))
        (when result (setq done result))))
    done))

(defun files--transform-file-name (filename transforms prefix suffix) "Make the name of a file derived from FILENAME (an auto-save or lock file, say).
The first of TRANSFORMS, entries (REGEXP REPLACEMENT [UNIQUIFY]), whose
REGEXP matches FILENAME gives the directory: FILENAME with the match
replaced by REPLACEMENT.  The name there is PREFIX, FILENAME's own name
(with UNIQUIFY non-nil, the whole of FILENAME with each slash turned
into `!') and SUFFIX.  Without a matching transform the new file sits beside FILENAME."
  (let ((rule (seq-find (lambda (tr) (string-match-p (car tr) filename)) transforms))
        (tail (or suffix "")))
    (if (null rule)
        (concat (file-name-directory filename) prefix (file-name-nondirectory filename) tail)
      (let* ((moved (replace-regexp-in-string (car rule) (cadr rule) filename t))
             (how (nth 2 rule))
             (base (if how
                       (subst-char-in-string ?/ ?! filename)
                     (file-name-nondirectory moved))))
        (concat (file-name-directory moved) prefix base tail)))))

(provide 'files-attrs)

;;; files-attrs.el ends here
