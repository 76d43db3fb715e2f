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

;; Variables of GNU's compiler that programs bind or test.

(defvar byte-compile-debug nil
  "When non-nil, errors met while compiling are signalled instead of being logged and skipped.")

(defvar byte-compile-current-file nil
  "The file being compiled, or nil outside `byte-compile-file'.")

(defvar byte-compile-warnings t
  "Which compiler warnings to give: t for all of them, a list of the kinds wanted,
or a list beginning with `not' followed by the kinds not wanted.")

(defvar byte-compile--suppressed-warnings nil
  "Entries (KIND SYMBOL...) naming warnings of KIND about SYMBOLs that are not to be given.")

(defun byte-compile-warning-enabled-p (warning &optional symbol)
  "Tell whether warnings of the kind WARNING are to be given, about SYMBOL if given.
`byte-compile-warnings' decides, unless `byte-compile--suppressed-warnings'
silences WARNING for SYMBOL."
  (let ((silenced (and symbol
                       (let ((hit nil))
                         (dolist (entry byte-compile--suppressed-warnings hit)
                           (when (and (eq (car entry) warning) (memq symbol (cdr entry)))
                             (setq hit t)))))))
    (and (not silenced)
         (cond ((eq byte-compile-warnings t) t)
               ((eq (car byte-compile-warnings) 'not)
                (not (memq warning (cdr byte-compile-warnings))))
               (t (memq warning byte-compile-warnings))))))

(defvar byte-compile-log-buffer "*Compile-Log*"
  "The name of the buffer where the compiler's warnings are written down.")

(defun byte-compile-warn (format &rest args)
  "Show a compiler warning made of FORMAT and ARGS as `format-message' makes it.
The text is prefixed with the file being compiled or loaded, named from the
log buffer's directory, and is added to the buffer `byte-compile-log-buffer'
as well as shown; it is returned."
  (let ((file (or byte-compile-current-file load-file-name))
        (text (apply #'format-message format args))
        line)
    (with-current-buffer (get-buffer-create byte-compile-log-buffer)
      (unless (derived-mode-p 'special-mode)
        (special-mode))
      (setq line
            (concat (if (stringp file)
                        ;; The shorter of the name relative to this buffer's directory and
                        ;; the abbreviated absolute one (which wins a tie).
                        (let ((relative (file-relative-name file))
                              (absolute (abbreviate-file-name (expand-file-name file))))
                          (concat (if (< (length relative) (length absolute)) relative absolute) ":"))
                      "")
                    " Warning: " text))
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (insert line "\n")))
    (message "%s" line)))

(defun byte-compile-check-lambda-list (list)
  "Signal an `error' when LIST is not a parameter list a function can have.
That is: a second `&optional', `&optional' or `&rest' after `&rest', `&rest'
not followed by exactly one variable, or a parameter that is not a symbol
or is a constant.  A variable named twice only gets a warning."
  (let ((optional-seen nil) (rest-seen nil) (names nil))
    (while list
      (let ((item (car list))
            (after (cdr list)))
        (cond ((eq item '&rest)
               (cond (rest-seen (error "&rest following &rest in lambda-list"))
                     ((null after) (error "&rest without variable name"))
                     ((cdr after) (error "Garbage following &rest VAR in lambda-list")))
               (setq rest-seen t))
              ((eq item '&optional)
               (cond (rest-seen (error "&optional following &rest in lambda-list"))
                     (optional-seen (error "Duplicate &optional")))
               (setq optional-seen t))
              ((or (not (symbolp item)) (memq item '(nil t)) (keywordp item))
               (error "Invalid lambda variable %s" item))
              ((memq item names)
               (byte-compile-warn "repeated variable %s in lambda-list" item))
              (t (push item names)))
        (setq list after)))))

(provide 'bytecomp)
