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

;;;; Turning warnings on and off.

(defun byte-compile-disable-warning (warning) "Stop the compiler giving warnings of the kind WARNING, by changing `byte-compile-warnings'."
  (setq byte-compile-warnings
        (pcase byte-compile-warnings
          ('t (list 'not warning))
          (`(not . ,kinds) (if (memq warning kinds) byte-compile-warnings
                             (append byte-compile-warnings (list warning))))
          (kinds (delq warning kinds)))))

(defun byte-compile-enable-warning (warning) "Make the compiler give warnings of the kind WARNING again, by changing `byte-compile-warnings'."
  (setq byte-compile-warnings
        (pcase byte-compile-warnings
          ('t t)
          (`(not . ,_) (delq warning byte-compile-warnings))
          (kinds (if (memq warning kinds) kinds (append kinds (list warning)))))))

;;;; Compiling many files.

;; tsmacs's compiled files hold the expanded forms of the source (see
;; docs/evaluator.md, "Compiled files"): these commands decide which files to
;; compile as GNU's do and compile them with `byte-compile-file'.  The
;; compiler's own warnings are GNU's only where tsmacs gives the same ones.

(defvar byte-compile--batch-failed nil "Non-nil once a file of this batch compilation failed.")

(defun byte-compile--source-p (name) "Whether the file NAME (without directory) is Lisp source to compile: .el, not a lock or dir-locals file."
  (and (string-suffix-p ".el" name)
       (not (string-prefix-p ".#" name))
       (not (string-match-p "\\`\\.dir-locals" name))))

(defun byte-compile--report-failure (file err) "Say in GNU's words that compiling FILE signalled ERR."
  (message ">>Error occurred processing %s: %s (%S)" file
           (or (get (car err) 'error-message) (car err)) (cdr err)))

(defun byte-compile--try (file) "Compile FILE, giving t; on an error, report it, remember the failure and give nil."
  (condition-case err
      (byte-compile-file file)
    (error (byte-compile--report-failure file err)
           (setq byte-compile--batch-failed t)
           nil)))

(defun batch-byte-compile (&optional noforce) "Compile the files named in `command-line-args-left' and end Emacs, its status 1 if one failed.
A directory stands for its .el files that have an older compiled file.  With
NOFORCE, a file whose compiled file is newer is skipped."
  (unless noninteractive (error "`batch-byte-compile' is to be used only with -batch"))
  (let ((byte-compile--batch-failed nil))
    (dolist (arg command-line-args-left)
      (if (file-directory-p arg)
          (dolist (name (directory-files arg))
            (let ((source (expand-file-name name arg)))
              (when (and (byte-compile--source-p name)
                         (file-exists-p (byte-compile-dest-file source))
                         (file-newer-than-file-p source (byte-compile-dest-file source)))
                (byte-compile--try source))))
        (unless (and noforce (file-newer-than-file-p (byte-compile-dest-file arg) arg))
          (byte-compile--try arg))))
    (setq command-line-args-left nil)
    (kill-emacs (if byte-compile--batch-failed 1 0))))

(defun batch-byte-compile-if-not-done () "Like `batch-byte-compile', skipping the files whose compiled file is newer."
  (batch-byte-compile t))

(defun byte-recompile-directory (directory &optional arg force follow-symlinks) "Compile again the .el files under DIRECTORY whose compiled file is older, and say how many.
ARG 0 compiles those with no compiled file too; FORCE compiles every file
with one.  Subdirectories are visited (symbolic links to them only with
FOLLOW-SYMLINKS); version control and hidden directories are not."
  (interactive "DByte recompile directory: \nP")
  (let ((compiled 0) (skipped 0) (failed 0) (dirs 0)
        (queue (list (expand-file-name directory))))
    (while queue
      (let ((dir (pop queue)) (subdirs nil))
        (setq dirs (1+ dirs))
        (message "Checking %s..." dir)
        (dolist (name (directory-files dir))
          (let ((path (expand-file-name name dir)))
            (cond ((file-directory-p path)
                   (unless (or (member name '("." ".." "RCS" "CVS" ".git" ".svn" ".hg" ".bzr" "_darcs" "{arch}"))
                               (and (file-symlink-p path) (not follow-symlinks)))
                     (push path subdirs)))
                  ((byte-compile--source-p name)
                   (let ((dest (byte-compile-dest-file path)))
                     (if (if (file-exists-p dest)
                             (or force (file-newer-than-file-p path dest))
                           (eq arg 0))
                         (progn
                           (message "Compiling %s..." path)
                           (let ((byte-compile--batch-failed nil))
                             (if (byte-compile--try path)
                                 (setq compiled (1+ compiled))
                               (setq failed (1+ failed)))))
                       (setq skipped (1+ skipped))))))))
        (setq queue (append (nreverse subdirs) queue))))
    (message "Done (Total of %d file%s compiled%s%s in %d director%s)"
             compiled (if (= compiled 1) "" "s")
             (if (> failed 0) (format ", %d failed" failed) "")
             (if (> skipped 0) (format ", %d skipped" skipped) "")
             dirs (if (= dirs 1) "y" "ies"))))

(defun byte-force-recompile (directory) "Compile again every .el file under DIRECTORY that has a compiled file."
  (interactive "DByte force recompile (directory): ")
  (byte-recompile-directory directory nil t))

(defun batch-byte-recompile-directory (&optional arg) "Run `byte-recompile-directory' (with ARG) on each directory of `command-line-args-left' (the current one if none), then end Emacs."
  (unless noninteractive (error "batch-byte-recompile-directory is to be used only with -batch"))
  (dolist (dir (or command-line-args-left (list ".")))
    (byte-recompile-directory dir arg))
  (setq command-line-args-left nil)
  (kill-emacs 0))

;;;; Compiling one form of a buffer.

(defun compile-defun (&optional arg) "Compile and evaluate the top-level form at or before point, and show its value.
With ARG, the value is inserted into the buffer after point instead."
  (interactive "P")
  (let ((form (condition-case err
                  (save-excursion (end-of-defun) (beginning-of-defun) (read (current-buffer)))
                (error (cons 'byte-compile--unreadable err)))))
    (when arg (message "Compiling from buffer..."))
    ;; A form that cannot be read is reported, and the report is the value shown.
    (let ((value (if (eq (car-safe form) 'byte-compile--unreadable)
                     (message "\nIn toplevel form:\nBuffer %s:1:1: Error: %s"
                              (buffer-name) (error-message-string (cdr form)))
                   (eval form lexical-binding))))
      (when (and (memq (car-safe form) '(defun defmacro defsubst)) (symbolp value))
        (byte-compile value))
      (if (not arg)
          (message "%s" (prin1-to-string value))
        (insert (prin1-to-string value) "\n")
        (message "Compiling from buffer... done.")
        nil))))

;;;; The call tree.

(defvar byte-compile-cond-use-jump-table nil "Non-nil means `cond' clauses comparing one value against constants compile to a hash-table jump.
The tsmacs compiler keeps closures as they are and makes no jump tables, so this is nil.")
(defvar byte-compile-generate-call-tree nil "Non-nil means the compiler records which functions call which (tsmacs records none).")
(defvar byte-compile-call-tree nil "The calls the compiler recorded: entries (FUNCTION CALLERS CALLS).")
(defvar byte-compile-call-tree-sort 'name "How `display-call-tree' orders its entries: name, callers, calls, calls+callers or nil.")

(defun display-call-tree (&optional filename) "Show in the buffer *Call-Tree* the calls recorded while compiling FILENAME.
tsmacs's compiler records none, so only the heading is written."
  (interactive)
  (message "Generating call tree...")
  (with-current-buffer (get-buffer-create "*Call-Tree*")
    (erase-buffer)
    (message "Generating call tree... (sorting on %s)" byte-compile-call-tree-sort)
    (insert "Call tree for " (or filename "???")
            (if byte-compile-call-tree-sort (format " sorted on %s" byte-compile-call-tree-sort) "")
            ":\n")
    (message "Generating call tree...(finding uncalled functions...)"))
  (message "Generating call tree...done."))

(defun byte-compiler-base-file-name (filename) "The name of FILENAME as the byte compiler sees it: FILENAME, unless its file name handler says otherwise."
  (let ((handler (find-file-name-handler filename 'byte-compiler-base-file-name)))
    (if handler (funcall handler 'byte-compiler-base-file-name filename) filename)))

(provide 'bytecomp)
