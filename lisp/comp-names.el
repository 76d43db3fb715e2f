;;; comp-names.el --- the file names native compilation would use  -*- lexical-binding: t -*-

;; tsmacs has no native compiler (`native-comp-available-p' is nil): it compiles Lisp to
;; JavaScript instead. What other code can still ask is where GNU would put the native code of a
;; source file. The name is the file's base name, the first 8 hex digits of the MD5 of its true
;; absolute name (without ".gz"), and the first 8 of the MD5 of its uncompressed contents.

(defvar comp-native-version-dir "28.2-tsmacs" "Subdirectory of each eln cache holding this Emacs's native code, named after its version and build.")
;; Unexpanded: the image must not hold the home folder of the machine that made it.
(defvar native-comp-eln-load-path (list "~/.emacs.d/eln-cache/")
  "Directories where native code is looked for; new code goes into the first one.")

(defvar jka-compr-verbose)

(defun comp--source-md5 (file) "Give the MD5 of FILE's contents, uncompressed when its name ends in \".gz\"."
  (with-temp-buffer
    (set-buffer-multibyte nil)
    (let ((coding-system-for-read 'no-conversion)
          (jka-compr-verbose nil))
      (if (string-suffix-p ".gz" file)
          (insert-file-contents file)
        (insert-file-contents-literally file)))
    (secure-hash 'md5 (current-buffer))))

(defun comp-el-to-eln-rel-filename (filename) "Give the name, without directory, that the native code of source file FILENAME would have.
FILENAME must exist; it is taken relative to `default-directory' and with symbolic links resolved."
  (unless (stringp filename) (signal 'wrong-type-argument (list 'stringp filename)))
  (let ((file (expand-file-name filename)))
    (unless (file-exists-p file) (signal 'file-missing (list file)))
    (setq file (file-truename file))
    (let* ((plain (if (string-suffix-p ".gz" file) (substring file 0 -3) file))
           (path-key (let ((lisp-dir (and (boundp 'data-directory) (stringp (symbol-value 'data-directory))
                                          (expand-file-name "../lisp/" (symbol-value 'data-directory)))))
                       ;; A file of the installed Lisp library is named by its place in it, so that
                       ;; the name does not change where the installation lives.
                       (if (and lisp-dir (string-prefix-p lisp-dir plain))
                           (concat "//" (substring plain (length lisp-dir)))
                         plain))))
      (format "%s-%s-%s.eln"
              (file-name-sans-extension (file-name-nondirectory plain))
              (substring (secure-hash 'md5 path-key) 0 8)
              (substring (comp--source-md5 file) 0 8)))))

(defun comp-el-to-eln-filename (filename &optional base-dir) "Give the absolute name the native code of source file FILENAME would have.
It lies in BASE-DIR (default: the first of `native-comp-eln-load-path'), under `comp-native-version-dir'."
  (let ((name (comp-el-to-eln-rel-filename filename)))
    (expand-file-name name (expand-file-name comp-native-version-dir
                                             (or base-dir (car native-comp-eln-load-path))))))

(provide 'comp-names)
;;; comp-names.el ends here
