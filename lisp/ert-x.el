;;; ert-x.el --- helpers for ERT tests: resource files, test buffers, captured messages  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the ERT
;; manual; the names and calling conventions are GNU's.

;; The buffer helpers (`ert-with-test-buffer', `ert-with-buffer-renamed',
;; `ert-kill-all-test-buffers') need buffers; the rest works without them.
;; GNU 28.2 has no `ert-with-temp-file' (that came with Emacs 29), so
;; neither do we.

(require 'ert)
(eval-and-compile (require 'cl-lib) (require 'subr-x))

;;;; Resource files next to a test file

(defvar ert-resource-directory-format "%s-resources/" "How a test file's resource directory is named.
A `format' string given the test file's name after the two trim regexps
(left, then right) have cut it down.")

(defvar ert-resource-directory-trim-left-regexp "" ; nothing by default
  "What `ert-resource-directory' cuts from the start of the test file's name.")

(defvar ert-resource-directory-trim-right-regexp "\\(-tests?\\)?\\.el" ; "-test.el" etc.
  "What `ert-resource-directory' cuts from the end of the test file's name.")

(defun ert--resource-directory-of (file) "The resource directory of the test file FILE, an absolute true name.
A directory named \"resources\" beside FILE wins; otherwise the name
comes from FILE's own through `ert-resource-directory-format'."
  (let* ((dir (file-name-directory file))
         (plain (expand-file-name "resources/" dir))
         (stem (string-trim file ert-resource-directory-trim-left-regexp
                            ert-resource-directory-trim-right-regexp)))
    (file-truename (if (file-accessible-directory-p plain) plain
                     (expand-file-name (format ert-resource-directory-format stem)
                                       dir)))))

(defmacro ert-resource-directory () "The directory that holds the resources of the test file being loaded.
The file is the one being loaded (or compiled) when the call is
expanded, so a function defined in a test file keeps answering for
that file after the load: for \"foo-tests.el\" it is \"foo-resources/\"
beside it, or \"resources/\" if that exists."
  (let ((file (or (macroexp-file-name)
                  (and (boundp 'buffer-file-name) buffer-file-name))))
    `(ert--resource-directory-of ,file)))

(defmacro ert-resource-file (file) "The name of FILE inside the resource directory of the test file being loaded.
See `ert-resource-directory'."
  (list 'expand-file-name file '(ert-resource-directory)))

;;;; Strings with and without properties

(defun ert-filter-string (s &rest regexps) "Return S with every match of each of REGEXPS deleted, in turn.
An element of REGEXPS may also be (REGEXP SUBEXP): then only that
group of each match is deleted."
  (dolist (spec regexps s)
    (let ((regexp (if (consp spec) (car spec) spec))
          (group (if (consp spec) (cadr spec) 0)))
      (setq s (replace-regexp-in-string regexp "" s t t group)))))

(defun ert-propertized-string (&rest args) "Concatenate the strings among ARGS, giving them text properties.
Each list among ARGS is a property list that applies to the strings
after it, up to the next list; nil ends the properties."
  (let ((plist nil) (out ""))
    (while args
      (let ((a (pop args)))
        (if (listp a)
            (setq plist a)
          (unless (stringp a) (signal 'wrong-type-argument (list 'stringp a)))
          (setq out (concat out (if plist (apply #'propertize a plist)
                                  (copy-sequence a)))))))
    out))

;;;; Capturing messages

(defmacro ert-with-message-capture (var &rest body) "Run BODY with VAR bound to the text of the messages BODY shows, as it grows.
Each `message' that shows text adds it and a newline to VAR; the
messages still appear as usual.  Return the value of BODY." (declare (indent 1) (debug (symbolp body)))
  (let ((shown (make-symbol "shown")))
    `(let ((,var "")
           (,shown (symbol-function 'message)))
       (cl-letf (((symbol-function 'message)
                  (lambda (format-string &rest args)
                    (let ((text (apply ,shown format-string args)))
                      (when (and (stringp text) (> (length text) 0))
                        (setq ,var (concat ,var text "\n")))
                      text))))
         ,@body))))

;;;; Indentation

(defun ert-buffer-string-reindented (&optional buffer) "Return the text of BUFFER (default the current one) as its major mode would indent it.
The text is indented afresh in a scratch buffer in the same mode; BUFFER
itself is left alone."
  (let* ((source (or buffer (current-buffer)))
         (mode (buffer-local-value 'major-mode source))
         (text (with-current-buffer source
                 (buffer-substring (point-min) (point-max)))))
    (with-temp-buffer
      (insert text)
      (funcall mode)
      (let ((inhibit-message t))
        (indent-region (point-min) (point-max)))
      (buffer-string))))

;;;; Test buffers

(defvar ert--test-buffers (make-hash-table :weakness 'key-and-value) "The test buffers made by `ert-with-test-buffer' that are still alive.")

(defun ert--format-test-buffer-name (base-name) "The name of a test buffer of the running test, with BASE-NAME in it if non-nil."
  (let* ((running (ert-running-test))
         (label (if running (ert-test-name running) "<anonymous test>"))
         (suffix (if base-name (format ": %s" base-name) "")))
    (format "*Test buffer (%s)%s*" label suffix)))

(defun ert--call-with-test-buffer (base-name thunk) "Call THUNK in a new test buffer named after BASE-NAME; return its value.
The buffer is killed when THUNK returns, and kept for inspection when
it signals."
  (let ((buffer (generate-new-buffer (ert--format-test-buffer-name base-name))))
    (puthash buffer t ert--test-buffers)
    (let ((value (with-current-buffer buffer (funcall thunk))))
      (remhash buffer ert--test-buffers) (kill-buffer buffer)
      value)))

(cl-defmacro ert-with-test-buffer ((&key ((:name name-form))) &rest body) "Run BODY in a new, current test buffer; return BODY's value.
NAME-FORM, when given, is evaluated and its value put in the buffer's
name.  The buffer is killed if BODY returns normally and kept if it
signals, to be looked at (and `ert-kill-all-test-buffers' ends it).

\(fn (&key ((:name NAME))) &rest BODY)"
  (declare (indent 1) (debug ((":name" form) def-body)))
  (list 'ert--call-with-test-buffer name-form (cons 'lambda (cons nil body))))

(defun ert-kill-all-test-buffers () "Kill every test buffer kept alive by a failed `ert-with-test-buffer'.
Report how many there were in a message."
  (let ((killed 0) (total 0) (bufs nil))
    (maphash (lambda (b _) (push b bufs)) ert--test-buffers)
    (clrhash ert--test-buffers)
    (dolist (b bufs)
      (setq total (+ total 1))
      (when (buffer-live-p b) (kill-buffer b) (setq killed (1+ killed))))
    (message "%d out of %d test buffers killed" killed total)
    nil))

(defun ert-call-with-buffer-renamed (buffer-name thunk) "Call THUNK with a fresh buffer called BUFFER-NAME; return THUNK's value.
The buffer of that name (made, empty, if there was none) is renamed
while THUNK runs and a new empty one takes the name; afterwards that
new one is killed and the old one gets its name back."
  (let ((old (get-buffer-create buffer-name))
        (parked (generate-new-buffer-name (format "%s orig buffer" buffer-name))))
    (with-current-buffer old (rename-buffer parked))
    (get-buffer-create buffer-name) ; the empty stand-in
    (unwind-protect
        (funcall thunk)
      (let ((stand-in (get-buffer buffer-name)))
        (when stand-in (kill-buffer stand-in)))
      (when (buffer-live-p old)
        (with-current-buffer old
          (rename-buffer buffer-name))))))

(cl-defmacro ert-with-buffer-renamed ((buffer-name-form) &rest body) "Run BODY with the buffer called BUFFER-NAME-FORM's value out of the way.
See `ert-call-with-buffer-renamed'.

\(fn (BUFFER-NAME-FORM) &rest BODY)" (declare (indent 1))
  (list 'ert-call-with-buffer-renamed buffer-name-form
        (cons 'lambda (cons nil body))))

;; Running a command as the command loop would, for tests of commands.

(defun ert-simulate-command (command) "Run COMMAND, a list (CMD ARG...), the way the command loop runs a command, and give its value.
`this-command' is CMD while `pre-command-hook' and `post-command-hook' run
around it; afterwards CMD is `last-command' and `real-last-command'.  An
error in CMD leaves those and the post hook alone.  CMD must be a command."
  (let ((cmd (car command)))
    (unless (commandp cmd)
      (signal 'cl-assertion-failed (list '(commandp (car command)) cmd)))
    (setq this-command cmd)
    (run-hooks 'pre-command-hook)
    (prog1 (apply cmd (cdr command))
      (run-hooks 'post-command-hook)
      (setq real-last-command this-command
            last-command this-command))))

(provide 'ert-x)
;;; ert-x.el --- end
