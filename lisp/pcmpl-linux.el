;;; pcmpl-linux.el --- what GNU/Linux completions offer: file system types, mount points  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The lists the completions of mount, umount and eject draw from.  The completion commands
;; themselves (`pcomplete/mount' and the others) need pcomplete, which tsmacs does not have.

;;; Code:

(defvar pcmpl-linux-fs-modules-path-format "/lib/modules/%s/kernel/fs/"
  "Where the running kernel keeps its file system modules; %s stands for its release (\"uname -r\").")

(defvar pcmpl-linux-mtab-file "/etc/mtab" "The table of mounted file systems.")

(defun pcmpl-linux--kernel-release () "The running kernel's release, as \"uname -r\" prints it."
  (car (process-lines "uname" "-r")))

(defun pcmpl-linux-fs-types () "The names in the kernel's directory of file system modules (with \".\" and \"..\")."
  (directory-files (format pcmpl-linux-fs-modules-path-format (pcmpl-linux--kernel-release))))

(defun pcmpl-linux--fields (file column) "The COLUMNth space-separated field of each line of FILE (nil where it has none), sorted, each once; nil when FILE is unreadable."
  (and (file-readable-p file)
       (let ((text (with-temp-buffer (insert-file-contents file) (buffer-string)))
             (seen ()))
         (dolist (line (split-string text "\n" t))
           (let ((field (nth column (split-string line " "))))
             (unless (member field seen) (push field seen))))
         (sort seen #'string-lessp))))

(defun pcmpl-linux-mounted-directories () "The mount points `pcmpl-linux-mtab-file' lists, sorted."
  (pcmpl-linux--fields pcmpl-linux-mtab-file 1))

(provide 'pcmpl-linux)

;;; pcmpl-linux.el ends here
