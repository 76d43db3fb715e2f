;;; bytecomp.el --- what tsmacs has of the byte compiler's library  -*- lexical-binding: t -*-

;; Written for tsmacs.  The compiler itself is in the runtime: `byte-compile',
;; `byte-compile-file' and `disassemble' are primitives (src/emacs/compile-lisp.ts),
;; and `byte-compile-file' loads this file first, as GNU's autoload would.

(defvar byte-compile-dest-file-function nil
  "A function of one argument, a source file name, giving the compiled file's name; nil for the usual one.")

(defun byte-compile-dest-file (filename)
  "Give the name of the compiled file that compiling the Lisp file FILENAME writes.
Any backup or version suffix of FILENAME goes; a name ending in .el gets a c
added, any other gets .elc, unless `byte-compile-dest-file-function' says otherwise."
  (if byte-compile-dest-file-function
      (funcall byte-compile-dest-file-function filename)
    (let ((base (file-name-sans-versions filename)))
      (if (string-suffix-p ".el" base)
          (concat base "c")
        (concat base ".elc")))))

(provide 'bytecomp)
