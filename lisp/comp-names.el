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

;; What the rest of GNU's comp.el offers without a native compiler. The eln cache is looked at and
;; cleaned as GNU does; compiling "natively" is what `native-compile' does here (JavaScript, made
;; by the evaluator when code is loaded or compiled), so the batch and asynchronous entry points
;; take the same road.

(defun comp--eln-dirs () "Give the version subdirectories of `native-comp-eln-load-path', absolute."
  (let ((version comp-native-version-dir))
    (mapcar (lambda (root) (file-name-as-directory (expand-file-name version root)))
            native-comp-eln-load-path)))

(defun comp-lookup-eln (filename) "Give the native code file made from source FILENAME found in the eln cache, or nil."
  (let ((name (comp-el-to-eln-rel-filename filename)))
    (seq-some (lambda (cache)
                (let ((eln (expand-file-name name cache)))
                  (and (file-exists-p eln) eln)))
              (comp--eln-dirs))))

(defun comp-clean-up-stale-eln (file) "Delete from the eln cache every native code file of the same source as FILE, FILE included."
  ;; An eln name is NAME-PATHHASH-CONTENTHASH.eln: the same source at another content shares the first two.
  (let ((base (file-name-nondirectory file)))
    (when (string-match "\\`\\(.*-[0-9a-f]+-\\)[0-9a-f]+\\.eln\\'" base)
      (let ((same-source (concat "\\`" (regexp-quote (match-string 1 base)) "[0-9a-f]+\\.eln\\'")))
        (dolist (cache (seq-filter #'file-directory-p (comp--eln-dirs)))
          (mapc #'delete-file (directory-files cache t same-source t)))))
    nil))

(defun comp-subr-trampoline-install (subr-name) "Make native code see advice on the primitive SUBR-NAME: without native code here, nothing is needed; nil."
  (unless (symbolp subr-name) (signal 'wrong-type-argument (list 'symbolp subr-name)))
  nil)

(defun comp-c-func-name (name prefix &optional first) "Give the C name native code would use for the function NAME with PREFIX; FIRST asks for the first such name.
The names are given out by a native compilation in progress, and none ever is here."
  (ignore name prefix first)
  (signal 'wrong-type-argument (list 'comp-ctxt nil)))

(defun comp--async-files (paths recursively selector) "Give the source files PATHS name for `native-compile-async', directories expanded.
RECURSIVELY non-nil takes subdirectories too; SELECTOR keeps some of them: see `native-compile-async'."
  (let ((keep (cond ((null selector) #'always)
                    ((functionp selector) selector)
                    ((stringp selector) (lambda (f) (string-match-p selector f)))
                    ((consp selector) (lambda (f) (seq-some (lambda (re) (string-match-p re f)) selector)))
                    (t (error "SELECTOR must be a function, a regexp or a list of regexps")))))
    (seq-filter keep
                (mapcan (lambda (path)
                          (unless (stringp path) (signal 'wrong-type-argument (list 'stringp path)))
                          (let ((full (expand-file-name path)))
                            (cond ((file-directory-p full)
                                   (if recursively
                                       (directory-files-recursively full "\\.el\\'")
                                     (directory-files full t "\\.el\\'")))
                                  ((file-exists-p full) (list full))
                                  (t (signal 'native-compiler-error (list "Path not a file nor directory" path))))))
                        (if (listp paths) (copy-sequence paths) (list paths))))))

(defun native-compile-async (files &optional recursively load selector) "Compile the source FILES (a file or directory name, or a list of them), then load them when LOAD is non-nil.
RECURSIVELY takes the files of subdirectories too; SELECTOR, a regexp, a list of them or a
predicate, keeps only some. Code is compiled here as it is loaded, so only LOAD has work to do:
as GNU's, which loads each file when its compilation has ended, it waits until Emacs next waits."
  (let ((chosen (comp--async-files files recursively selector)))
    (when (and load chosen)
      (run-at-time 0 nil (lambda () (dolist (file chosen) (load file nil t))))))
  nil)

(defun batch-native-compile (&optional for-tarball) "Compile the files named in `command-line-args-left' as `native-compile' does.
FOR-TARBALL, which asks GNU to put native code beside the sources, changes nothing here."
  (ignore for-tarball)
  (unless noninteractive (error "`batch-native-compile' is to be used only with -batch"))
  (mapc #'native-compile command-line-args-left)
  nil)

(defun batch-byte+native-compile () "Compile the files named in `command-line-args-left' as `native-compile' does, leaving their .elc files."
  (unless noninteractive (error "`batch-byte+native-compile' is to be used only with -batch"))
  (mapc #'native-compile command-line-args-left)
  nil)

(provide 'comp-names)
;;; comp-names.el ends here
