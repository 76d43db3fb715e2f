;;; jka-cmpr-hook.el --- The table of compression formats and Auto Compression mode  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/lib-jka-cmpr.el)
;; and the Emacs manual's "Compressed Files" node.
;;
;; Preloaded, as in GNU.  tsmacs reads gzip files natively (src/emacs/filecode.ts), so the
;; handler installed here only steps aside: it runs the operation again with itself
;; inhibited, and the primitives do the decompressing.  The table, the regexp built from it,
;; and the bookkeeping of what installing adds to `file-name-handler-alist',
;; `file-coding-system-alist', `auto-mode-alist' and `load-file-rep-suffixes' are GNU's.

(defvar jka-compr-file-name-handler-entry nil "The element of `file-name-handler-alist' Auto Compression mode installed.")
(defvar jka-compr-added-to-file-coding-system-alist nil "The elements of `file-coding-system-alist' Auto Compression mode installed.")

;; Each format is a vector: the file name regexp; for compressing a message, program and
;; arguments; the same three for uncompressing; whether compressed data can be appended;
;; whether to strip the extension when the mode is chosen; the leading magic bytes; and,
;; optionally, a function that uncompresses a region in place.
(defconst jka-cmpr--formats
  (let ((gz-in '("-c" "-q")) (gz-out '("-c" "-q" "-d")) (gz-magic "\037\213"))
    (list (vector "\\.Z\\'" "compressing" "compress" '("-c") "uncompressing" "gzip" gz-out nil t "\037\235" 'zlib-decompress-region)
          (vector "\\.bz2\\'" "bzip2ing" "bzip2" nil "bunzip2ing" "bzip2" '("-d") nil t "BZh")
          (vector "\\.tbz2?\\'" "bzip2ing" "bzip2" nil "bunzip2ing" "bzip2" '("-d") nil nil "BZh")
          (vector "\\.\\(?:tgz\\|svgz\\|sifz\\)\\'" "compressing" "gzip" gz-in "uncompressing" "gzip" gz-out t nil gz-magic 'zlib-decompress-region)
          (vector "\\.g?z\\'" "compressing" "gzip" gz-in "uncompressing" "gzip" gz-out t t gz-magic 'zlib-decompress-region)
          (vector "\\.lz\\'" "Lzip compressing" "lzip" gz-in "Lzip uncompressing" "lzip" gz-out t t "LZIP")
          (vector "\\.lzma\\'" "LZMA compressing" "lzma" '("-c" "-q" "-z") "LZMA uncompressing" "lzma" gz-out t t "")
          (vector "\\.xz\\'" "XZ compressing" "xz" gz-in "XZ uncompressing" "xz" gz-out t t "\3757zXZ\0")
          (vector "\\.txz\\'" "XZ compressing" "xz" gz-in "XZ uncompressing" "xz" gz-out t nil "\3757zXZ\0")
          (vector "\\.dz\\'" nil nil nil "uncompressing" "gzip" gz-out nil t gz-magic)
          (vector "\\.zst\\'" "zstd compressing" "zstd" gz-in "zstd uncompressing" "zstd" gz-out t t "(\265/\375")
          (vector "\\.tzst\\'" "zstd compressing" "zstd" gz-in "zstd uncompressing" "zstd" gz-out t nil "(\265/\375")))
  "The formats `jka-compr-compression-info-list' starts with.")

;; Accessors of one format vector.
(defun jka-compr-info-regexp (info) "Return the file name regexp of the format INFO." (aref info 0))
(defun jka-compr-info-compress-message (info) "Return the message shown while compressing with INFO." (aref info 1))
(defun jka-compr-info-compress-program (info) "Return the program that compresses with INFO." (aref info 2))
(defun jka-compr-info-compress-args (info) "Return the arguments of INFO's compressing program." (aref info 3))
(defun jka-compr-info-uncompress-message (info) "Return the message shown while uncompressing with INFO." (aref info 4))
(defun jka-compr-info-uncompress-program (info) "Return the program that uncompresses with INFO." (aref info 5))
(defun jka-compr-info-uncompress-args (info) "Return the arguments of INFO's uncompressing program." (aref info 6))
(defun jka-compr-info-can-append (info) "Return non-nil if data compressed with INFO can be appended to." (aref info 7))
(defun jka-compr-info-strip-extension (info) "Return non-nil if INFO's extension is dropped when choosing a mode." (aref info 8))
(defun jka-compr-info-file-magic-bytes (info) "Return the bytes files compressed with INFO begin with." (aref info 9))
(defun jka-compr-info-uncompress-function (info) "Return INFO's function uncompressing a region, or nil when it has none."
  (and (> (length info) 10) (aref info 10)))

(defconst jka-cmpr--backup-suffix "\\(?:~\\|\\.~[-[:alnum:]:#@^._]+\\(?:~[[:digit:]]+\\)?~\\)?\\'"
  "What may follow a compressed file's extension: a backup or numbered-backup suffix.")

(defun jka-compr-build-file-regexp () "Return the regexp matching the names of files in any format of `jka-compr-compression-info-list'.
Regexps anchored at the end are grouped, without their anchor, before an
optional backup suffix; any other regexp is an alternative of its own."
  (let ((anchored nil) (loose nil))
    (dolist (info jka-compr-compression-info-list)
      (let ((re (jka-compr-info-regexp info)))
        (if (string-suffix-p "\\'" re)
            (push (substring re 0 -2) anchored)
          (push re loose))))
    (concat (mapconcat (lambda (re) (concat re "\\|")) loose "")
            "\\(?:" (mapconcat #'identity anchored "\\|") "\\)"
            jka-cmpr--backup-suffix)))

(defun jka-compr-get-compression-info (filename) "Return the format of `jka-compr-compression-info-list' FILENAME is compressed in, or nil.
A backup suffix of FILENAME is ignored; case matters."
  (unless (stringp filename) (signal 'wrong-type-argument (list 'stringp filename)))
  (let ((bare (file-name-sans-versions filename))
        (case-fold-search nil))
    (catch 'found
      (dolist (info jka-compr-compression-info-list)
        (when (string-match-p (jka-compr-info-regexp info) bare)
          (throw 'found info))))))

(defun jka-cmpr--drop (pred list) "Return LIST without the elements satisfying PRED."
  (let ((kept nil))
    (dolist (x list (nreverse kept))
      (unless (funcall pred x) (push x kept)))))

(defun jka-compr-handler (operation &rest args) "Carry out the file OPERATION with ARGS for a compressed file.
tsmacs decompresses gzip files in its primitives, so this runs OPERATION
again with the handler out of the way."
  (let ((inhibit-file-name-handlers
         (cons 'jka-compr-handler
               (and (eq inhibit-file-name-operation operation) inhibit-file-name-handlers)))
        (inhibit-file-name-operation operation))
    (apply operation args)))

;; The operations a compressed file changes; every other one goes past the handler.
(put 'jka-compr-handler 'operations '(byte-compiler-base-file-name write-region insert-file-contents file-local-copy load))
(put 'jka-compr-handler 'safe-magic t)

(defun jka-compr-installed-p () "Return the element of `file-name-handler-alist' that installs the compression handler, or nil."
  (rassq 'jka-compr-handler file-name-handler-alist))

(defun jka-compr-install () "Install the compression handler and the settings that go with it.
Names matching `jka-compr-build-file-regexp' go to the handler and are
read without conversion, `jka-compr-mode-alist-additions' join
`auto-mode-alist', and `jka-compr-load-suffixes' join
`load-file-rep-suffixes'."
  (jka-compr-uninstall)
  (setq jka-compr-file-name-handler-entry (cons (jka-compr-build-file-regexp) 'jka-compr-handler))
  (push jka-compr-file-name-handler-entry file-name-handler-alist)
  (setq jka-compr-added-to-file-coding-system-alist nil)
  (dolist (info jka-compr-compression-info-list)
    (let ((entry (or (assoc (jka-compr-info-regexp info) file-coding-system-alist)
                     (car (push (cons (jka-compr-info-regexp info) '(no-conversion . no-conversion))
                                file-coding-system-alist)))))
      (push entry jka-compr-added-to-file-coding-system-alist)))
  (setq auto-mode-alist (append jka-compr-mode-alist-additions auto-mode-alist))
  (dolist (suffix jka-compr-load-suffixes)
    (unless (member suffix load-file-rep-suffixes)
      (setq load-file-rep-suffixes (append load-file-rep-suffixes (list suffix)))))
  load-file-rep-suffixes)

(defun jka-compr-uninstall () "Take out what `jka-compr-install' put in place."
  (setq file-name-handler-alist
        (jka-cmpr--drop (lambda (e) (eq (cdr-safe e) 'jka-compr-handler)) file-name-handler-alist))
  (setq file-coding-system-alist
        (jka-cmpr--drop (lambda (e) (memq e jka-compr-added-to-file-coding-system-alist))
                    file-coding-system-alist))
  (setq auto-mode-alist
        (jka-cmpr--drop (lambda (e) (member e jka-compr-mode-alist-additions)) auto-mode-alist))
  (setq load-file-rep-suffixes
        (jka-cmpr--drop (lambda (s) (and (not (equal s "")) (member s jka-compr-load-suffixes)))
                    load-file-rep-suffixes))
  nil)

(defun jka-compr-update () "Install the compression handler anew after its settings changed, if it is installed."
  (when (jka-compr-installed-p)
    (jka-compr-install)))

(defun jka-compr-set (variable value) "Give VARIABLE, a setting of Auto Compression mode, the VALUE, and reinstall the mode."
  (let ((on (jka-compr-installed-p)))
    (when on (jka-compr-uninstall))
    (set-default variable value)
    (when on (jka-compr-install))))

(defcustom jka-compr-compression-info-list jka-cmpr--formats
  "The compression formats known, each a vector (see `jka-cmpr--formats' for its slots)."
  :type '(repeat (vector regexp (choice string (const nil)) (choice string (const nil))
                         (repeat string) (choice string (const nil)) (choice string (const nil))
                         (repeat string) boolean boolean (choice string (const nil))))
  :set #'jka-compr-set
  :group 'jka-compr)

(defcustom jka-compr-mode-alist-additions
  '(("\\.tgz\\'" . tar-mode) ("\\.tbz2?\\'" . tar-mode) ("\\.txz\\'" . tar-mode) ("\\.tzst\\'" . tar-mode))
  "Entries Auto Compression mode adds to `auto-mode-alist'."
  :type '(repeat (cons string symbol))
  :set #'jka-compr-set
  :group 'jka-compr)

(defcustom jka-compr-load-suffixes '(".gz")
  "Suffixes of compressed files `load' tries while Auto Compression mode is on."
  :type '(repeat string)
  :set #'jka-compr-set
  :group 'jka-compr)

;; Written out rather than with `define-minor-mode', which would put easy-mmode into the
;; image (GNU starts with it still an autoload).
(defvar auto-compression-mode-hook nil "Hook run after Auto Compression mode is turned on or off.")

(defun auto-compression-mode (&optional arg) "Toggle reading and writing compressed files by their names (Auto Compression mode).
ARG `toggle' toggles; a positive number or nil turns the mode on, others off."
  (interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))
  (setq-default auto-compression-mode
                (if (eq arg 'toggle)
                    (not auto-compression-mode)
                  (> (prefix-numeric-value (or arg 1)) 0)))
  (if auto-compression-mode (jka-compr-install) (jka-compr-uninstall))
  (run-hooks 'auto-compression-mode-hook)
  auto-compression-mode)

(defmacro with-auto-compression-mode (&rest body) "Run BODY with Auto Compression mode on, turning it off again after if it was off."
  (declare (indent 0))
  `(let ((already-installed (jka-compr-installed-p)))
     (unwind-protect
         (progn
           (unless already-installed (jka-compr-install))
           ,@body)
       (unless already-installed (jka-compr-uninstall)))))

(jka-compr-install)

(provide 'jka-cmpr-hook)
