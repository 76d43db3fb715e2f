;;; env.el --- reading and changing the environment of child processes  -*- lexical-binding: t -*-

;; Written for tsmacs.  The environment is the list `process-environment'
;; of "NAME=VALUE" strings, the first entry for a name winning; an entry
;; that is the bare NAME marks the variable as removed.  `getenv-internal'
;; (src/emacs/emacs.ts) does the lookup.

(defun substitute-env-vars (string &optional when-undefined) "Replace references to environment variables in STRING by their values.
A reference is $NAME, NAME made of letters, digits and underscores, or
${NAME}; $$ stands for a single $.  WHEN-UNDEFINED says what a reference
to a variable without a value becomes: nil, the empty string; a
function, what it returns when called with the name; anything else, the
reference itself, left as it was."
  (let ((pos 0) (pieces nil))
    (while (string-match "\\$\\(?:\\([[:alnum:]_]+\\)\\|{\\([^}]+\\)}\\|\\$\\)" string pos)
      (let* ((ref-beg (match-beginning 0))
             (ref-end (match-end 0))
             (name (or (match-string 1 string) (match-string 2 string))))
        (push (substring string pos ref-beg) pieces)
        (push (cond ((null name) "$")
                    ((getenv name))
                    ((null when-undefined) "")
                    ((functionp when-undefined) (funcall when-undefined name))
                    (t (substring string ref-beg ref-end)))
              pieces)
        (setq pos ref-end)))
    (push (substring string pos) pieces)
    (apply #'concat (nreverse pieces))))

(defun substitute-env-in-file-name (filename) "Give FILENAME with its environment variable references replaced, leaving undefined ones alone."
  (substitute-env-vars filename 'only-defined))

(defun setenv-internal (env variable value keep-empty) "Give ENV, a list like `process-environment', with VARIABLE set to VALUE.
The first entry for VARIABLE is replaced in place, or a new one is put
in front when there is none.  A nil VALUE removes the variable: when
KEEP-EMPTY is non-nil the entry becomes the bare name, which hides any
value inherited from elsewhere; otherwise the entry is dropped."
  (let ((entry (if value (concat variable "=" value) variable))
        (prefix (concat variable "="))
        (cell env)
        (before nil))
    (while (and cell
                (not (and (stringp (car cell))
                          (or (string= (car cell) variable)
                              (string-prefix-p prefix (car cell))))))
      (setq before cell
            cell (cdr cell)))
    (cond ((null cell)
           (if (or value keep-empty) (cons entry env) env))
          ((or value keep-empty)
           (setcar cell entry)
           env)
          (before
           (setcdr before (cdr cell))
           env)
          (t (cdr env)))))

(defvar setenv-history nil "The values typed for `setenv', as a minibuffer history.")

(defun read-envvar-name (prompt &optional mustmatch) "Ask for the name of an environment variable with PROMPT, completing over those set.
MUSTMATCH is passed to `completing-read' as its REQUIRE-MATCH."
  (completing-read prompt
                   (mapcar (lambda (entry)
                             (let ((name (substring entry 0 (string-match-p "=" entry))))
                               (if (and locale-coding-system (not (multibyte-string-p name)))
                                   (decode-coding-string name locale-coding-system)
                                 name)))
                           process-environment)
                   nil mustmatch nil nil))

(defun setenv (variable &optional value substitute-env-vars) "Give the environment variable VARIABLE the value VALUE, both strings.
A nil VALUE removes the variable.  With SUBSTITUTE-ENV-VARS non-nil,
references to other variables in VALUE are replaced first (see
`substitute-env-vars').  Multibyte names and values are encoded with
`locale-coding-system'.  Changes `process-environment', which child
processes inherit, and gives VALUE.  As a command it asks for the
name and the value; with a prefix argument it asks which to remove."
  (interactive
   (if current-prefix-arg
       (list (read-envvar-name "Clear environment variable: " 'exact) nil)
     (let* ((name (read-envvar-name "Set environment variable: " nil))
            (old (getenv name)))
       (when old (add-to-history 'setenv-history old))
       (list name
             (read-from-minibuffer (format "Set %s to value: " name)
                                   nil nil nil 'setenv-history old)
             t))))
  (let ((encode (lambda (s) (if (and locale-coding-system (multibyte-string-p s))
                                (encode-coding-string s locale-coding-system)
                              s))))
    (and value substitute-env-vars (setq value (substitute-env-vars value)))
    (setq variable (funcall encode variable))
    (and value (setq value (funcall encode value))))
  (when (string-match-p "=" variable)
    (error "Environment variable name `%s' contains `%s'" variable "="))
  ;; The time functions' local zone follows TZ.
  (when (string= variable "TZ")
    (set-time-zone-rule value))
  (setq process-environment (setenv-internal process-environment variable value t))
  value)

(defun getenv (variable &optional frame) "Give the value of the environment variable VARIABLE, or nil when it is not set.
The value comes from `process-environment', decoded with
`locale-coding-system'.  tsmacs has no frames: FRAME must be nil.
As a command it asks for the name and shows the value."
  (interactive (list (read-envvar-name "Get environment variable: " t)))
  (unless (stringp variable)
    (signal 'wrong-type-argument (list 'stringp variable)))
  (when frame
    (signal 'wrong-type-argument (list 'framep frame)))
  (let ((value (getenv-internal
                (if (and locale-coding-system (multibyte-string-p variable))
                    (encode-coding-string variable locale-coding-system)
                  variable))))
    (if (and value locale-coding-system)
        (decode-coding-string value locale-coding-system)
      value)))

(defmacro with-environment-variables (variables &rest body) "Run BODY with the environment variables of VARIABLES set, then put the environment back.
VARIABLES is a list of (NAME VALUE) pairs of strings." (declare (debug (sexp body)) (indent 1))
  (let ((sets (mapcar (lambda (pair) (list 'setenv (car pair) (cadr pair))) variables)))
    (cons 'let (cons '((process-environment (copy-sequence process-environment)))
                     (append sets body)))))

(provide 'env)
