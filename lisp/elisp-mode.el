;;; elisp-mode.el --- evaluating Emacs Lisp from a buffer, and helpers of the Lisp modes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded.  `emacs-lisp-mode' itself is preloaded (modes.el).  Here:
;; `eval-last-sexp', `eval-print-last-sexp' and `eval-defun' with the
;; helpers that find the form to evaluate, plus two commands of
;; prog-mode.el that the Lisp modes use.

;;; Finding the form.

(defun elisp--preceding-sexp () "The sexp that ends at point, read.
Surrounding `...' or ‘...’ quotes are not part of it; an (interactive
...) form comes back as a call that shows what it would give."
  (let ((end (point)) (opening ?‘) (form nil)) (save-excursion
      (with-syntax-table emacs-lisp-mode-syntax-table (if (eq (preceding-char) ?’)
            (progn (forward-char -1) (setq end (point)))
          (when (or (eq (following-char) ?\') (eq (preceding-char) ?\'))
            (setq opening ?\`))) (forward-sexp -1)
        ;; After ?\e and the like the whole character literal counts.
        (when (eq (preceding-char) ?\\) (forward-char -1)
          (when (eq (preceding-char) ??) (forward-char -1)))
        ;; So does the #s of a hash table.
        (when (and (> (point) (1+ (point-min))) (looking-back "#s" (- (point) 2))) (forward-char -2))
        (save-restriction (when (eq (following-char) opening) (forward-char 1))
          (when (looking-at ",@?") (goto-char (match-end 0))) (narrow-to-region (point-min) end)
          (setq form (read (current-buffer))))))
    (if (eq (car-safe form) 'interactive)
        (list 'call-interactively (list 'lambda '(&rest args) form 'args))
      form)))

(defalias 'preceding-sexp #'elisp--preceding-sexp)

(defun eval-sexp-add-defvars (exp &optional pos) "EXP preceded by (defvar VAR) for the variables the buffer defines before POS.
Only under `lexical-binding', and only for variables not yet special, so
that evaluating EXP binds them dynamically as loading the file would." (if (not lexical-binding)
      exp
    (let ((vars nil)) (save-excursion
        (goto-char (point-min)) (while (re-search-forward "(def\\(?:var\\|const\\|custom\\)[ \t\n]+\\([^; '()\n\t]+\\)"
                                  pos t) (let ((var (intern (match-string 1))))
            (unless (or (special-variable-p var) (memq var vars)
                        (nth 0 (save-excursion (syntax-ppss (match-beginning 0)))))
              (push var vars)))))
      (if vars
          (cons 'progn (append (mapcar (lambda (v) (list 'defvar v)) (nreverse vars)) (list exp)))
        exp))))

;;; Printing values.

(defun elisp--integer-suffix (value)
  "The \" (#o.., #x.., ?c)\" that follows a printed integer VALUE." (when (integerp value)
    (if (characterp value)
        (format " (#o%o, #x%x, %s)" value value (prin1-char value))
      (format " (#o%o, #x%x)" value value))))

(defun elisp--eval-last-sexp-print-value (value output &optional no-truncate char-print-limit)
  "Print VALUE to OUTPUT, shortened by `eval-expression-print-length' and -level unless NO-TRUNCATE.
CHAR-PRINT-LIMIT non-nil: integers also get their octal, hex and character forms."
  (let ((print-length (and (not no-truncate) eval-expression-print-length))
        (print-level (and (not no-truncate) eval-expression-print-level)))
    (prog1 (prin1 value output)
      (let ((suffix (and char-print-limit (elisp--integer-suffix value))))
        (when suffix (princ suffix output))))))

(defun elisp--eval-last-sexp (eval-last-sexp-arg-internal) "Evaluate the sexp before point; print its value in the echo area, or insert it with an argument.
EVAL-LAST-SEXP-ARG-INTERNAL 0 prints without shortening."
  (let* ((arg eval-last-sexp-arg-internal)
         (output (if arg (current-buffer) t))
         (form (eval-sexp-add-defvars (elisp--preceding-sexp)))
         (value (let ((debug-on-error eval-expression-debug-on-error))
                  (eval (macroexpand-all form) lexical-binding))))
    (let ((standard-output output))
      (elisp--eval-last-sexp-print-value value output (eq arg 0)
                                         (or (eq output t) (eq arg 0))))
    (when (boundp 'values) (push value values))
    value))

(defun eval-last-sexp (eval-last-sexp-arg-internal) "Evaluate the sexp before point and show its value.
With EVAL-LAST-SEXP-ARG-INTERNAL (a prefix argument), insert the value
into the buffer at point instead; 0 prints it in full.  Return the value." (interactive "P") (elisp--eval-last-sexp eval-last-sexp-arg-internal))

(defun eval-print-last-sexp (&optional eval-last-sexp-arg-internal) "Evaluate the sexp before point and insert its value on a line of its own after it.
EVAL-LAST-SEXP-ARG-INTERNAL as for `eval-last-sexp'." (interactive "P")
  (let ((standard-output (current-buffer))) (terpri)
    (eval-last-sexp (or eval-last-sexp-arg-internal t)) (terpri)))

;;; Evaluating the top-level form at point.

(defun elisp--eval-defun-1 (form) "FORM changed so that evaluating it resets the variables it defines, as `eval-defun' wants."
  (cond ((not (consp form)) form)
        ((and (eq (car form) 'defvar) (cddr form) (boundp (nth 1 form)))
         (list 'progn (append (list 'defvar (nth 1 form) nil) (nthcdr 3 form))
               (list 'setq-default (nth 1 form) (nth 2 form))))
        ((and (eq (car form) 'custom-declare-variable) (default-boundp (eval (nth 1 form) t)))
         (list 'progn form
               (list 'set-default (nth 1 form) (list 'eval (nth 2 form) t)))) ((eq (car form) 'progn)
         (cons 'progn (mapcar #'elisp--eval-defun-1 (cdr form)))) (t form)))

(defun elisp--defun-start ()
  "Where the top-level form point is in, or that ends just before point on its line, or the next one, starts."
  (let ((outer (car (nth 9 (syntax-ppss)))))
    (or outer (save-excursion
          (skip-chars-backward " \t") (and (memq (char-syntax (preceding-char)) '(?\) ?\" ?w ?_))
               (not (bolp)) (progn (forward-sexp -1) (point))))
        (save-excursion (forward-comment (buffer-size))
          (point)))))

(defun elisp--eval-defun () "Evaluate the top-level form at or after point, defvars resetting their variables; return its value."
  (let ((debug-on-error eval-expression-debug-on-error) (form nil) (value nil))
    (save-excursion (goto-char (elisp--defun-start))
      (setq form (read (current-buffer)))) (setq value (eval (eval-sexp-add-defvars (elisp--eval-defun-1 (macroexpand form))) lexical-binding))
    (let ((print-length eval-expression-print-length)
          (print-level eval-expression-print-level))
      (prin1 value t))
    (let ((suffix (elisp--integer-suffix value)))
      (when suffix (princ suffix)))
    value))

(defun eval-defun (edebug-it) "Evaluate the top-level form around or after point and show its value.
A `defvar' or `defcustom' sets its variable even when already set.
EDEBUG-IT: instrument the definition for Edebug instead." (interactive "P")
  (if edebug-it
      (progn (require 'edebug) (eval-defun nil))
    (elisp--eval-defun)))

;;; Where point is in a call (for documentation helpers).

(defun elisp--beginning-of-sexp () "Move to the start of the list point is in; return how many sexps point was on or after."
  (let ((parse-sexp-ignore-comments t) (count 0)) (condition-case nil (progn (condition-case nil
              (let ((here (point))) (forward-sexp -1)
                (forward-sexp 1) (when (< (point) here) (setq count 1)))
            (error nil)) (while (let ((here (point)))
                   (forward-sexp -1) (when (< (point) here) (setq count (1+ count))))))
      (error nil)) count))

(defun elisp--current-symbol () "The interned symbol whose name is the word at point, or nil."
  (let ((c (char-after (point)))) (and c (memq (char-syntax c) '(?w ?_))
         (intern-soft (buffer-substring-no-properties
                       (point) (save-excursion (skip-syntax-forward "w_") (point)))))))

(defun elisp--fnsym-in-current-sexp () "The function of the call point is in and which argument point is at, as (SYMBOL INDEX)."
  (save-excursion (let ((index (max 0 (1- (elisp--beginning-of-sexp)))))
      (list (elisp--current-symbol) index))))

(defun elisp-function-argstring (arglist) "ARGLIST as a string for documentation: argument names in capitals, keywords as they are."
  (concat "(" (mapconcat (lambda (arg)
                       (let ((name (symbol-name arg))) (if (string-prefix-p "&" name) name (upcase name))))
                     arglist " ")
          ")"))

(defun elisp--docstring-first-line (doc) "The first line of the docstring DOC (without a leading `*'), or nil when DOC is no string."
  (when (stringp doc) (save-match-data
      (let* ((start (if (string-match "\\`\\*" doc) (match-end 0) 0))
             (line (if (string-match "\n" doc) (substring doc start (match-beginning 0))
                     (substring doc start))))
        (if (fboundp 'substitute-command-keys) (substitute-command-keys line) line)))))

;;; From prog-mode.el.

(defun prog-first-column () "The column top-level code starts at: 0, or what `prog-indentation-context' says." (or (car prog-indentation-context) 0))

(defun prog-indent-sexp (&optional defun) "Indent the sexp after point; with DEFUN, the whole top-level form point is in."
  (interactive "P") (save-excursion
    (when defun (end-of-line)
      (let ((outer (car (nth 9 (syntax-ppss))))) (when outer (goto-char outer))))
    (let ((start (point)) (end (progn (forward-sexp 1) (point)))) (indent-region start end nil))))

(provide 'elisp-mode)

;; End of elisp-mode.el.
