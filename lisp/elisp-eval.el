;;; elisp-eval.el --- Evaluating Emacs Lisp from the buffer, as Emacs Lisp mode's commands do  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour in batch
;; (recorded in test/corpus/lib-elisp-eval.el) and its manual.
;;
;; Autoloaded.  In batch the "echo area" is standard output, which is
;; where a value shown rather than inserted goes: `prin1' to t.

(defconst elisp--toggle-map
  (let ((keys (make-sparse-keymap)))
    (dolist (key (list "\r" [down-mouse-2] [mouse-2]) keys)
      (define-key keys key (if (equal key [down-mouse-2]) #'mouse-set-point
                             #'elisp-last-sexp-toggle-display))))
  "Keymap on an abbreviated value inserted by `eval-last-sexp'.")

;;; The expression before point.

(defun elisp--preceding-sexp () "Return the Lisp expression that ends at point, read.
A comma before it (an unquote outside a backquote) is left out."
  (let* ((end (point))
         (start (with-syntax-table emacs-lisp-mode-syntax-table
                  ;; Back over the expression and the quote marks before it.
                  (save-excursion
                    (goto-char (or (scan-sexps end -1) (point-min)))
                    (backward-prefix-chars)
                    (point)))))
    ;; `,@x' and `,x' are read as `x'.
    (while (eq (char-after start) ?,) (setq start (1+ start)))
    (when (eq (char-after start) ?@) (setq start (1+ start)))
    (car (read-from-string (buffer-substring-no-properties start end)))))

;;; What the evaluation commands change in a form.

(defun elisp--eval-defun-1 (form) "Return FORM changed so that evaluating it resets variables it defines.
A `defvar' with a value, of a variable that is already bound, becomes
a `defvar' without one and a `setq-default'; `progn' forms are entered."
  (pcase form
    (`(progn . ,body) `(progn ,@(mapcar #'elisp--eval-defun-1 body)))
    (`(defvar ,(and var (pred symbolp) (pred boundp)) ,init . ,doc)
     `(progn (defvar ,var nil ,@doc) (setq-default ,var ,init)))
    (_ form)))

(defun eval-sexp-add-defvars (exp &optional pos) "Return EXP preceded by `(defvar VAR)' for the variables the buffer defines before POS.
Only under `lexical-binding', so that those variables are bound
dynamically when EXP is evaluated; POS defaults to point.  The latest
definition comes first."
  (let* ((limit (or pos (point)))
         (text (and lexical-binding (buffer-substring-no-properties (point-min) limit)))
         (from 0) (found nil))
    (while (and text (string-match
                      "(def\\(?:var\\|const\\|custom\\)[ \t]+\\(\\(?:\\sw\\|\\s_\\)+\\)[ \t\n)]"
                      text from))
      (let ((state (save-excursion (syntax-ppss (+ (point-min) (match-beginning 0))))))
        ;; Text in comments and strings does not count.
        (unless (or (nth 3 state) (nth 4 state))
          (push (intern (match-string 1 text)) found)))
      (setq from (match-end 1)))
    (if found
        `(progn ,@(mapcar (lambda (var) `(defvar ,var)) found) ,exp)
      exp)))

(defun elisp--evaluate (form) "Evaluate FORM as the evaluation commands do, and return its value.
A `defcustom' of a bound variable resets it to the default too."
  (let* ((prepared (elisp--eval-defun-1 (eval-sexp-add-defvars form)))
         (custom (and (eq (car-safe form) 'defcustom) (symbolp (nth 1 form))
                      (boundp (nth 1 form)) (nth 1 form)))
         (value (eval prepared lexical-binding)))
    (when custom
      (set-default custom (eval (nth 2 form) lexical-binding)))
    value))

;;; Showing and inserting values.

(defun elisp--int-description (value) "The text shown after an integer VALUE: \" (#oOCT, #xHEX, ?CHAR)\", or nil."
  (when (integerp value)
    (format " (#o%o, #x%x%s)" value value
            ;; Without a display only ASCII characters are shown as such.
            (if (and (>= value 0) (<= value 127))
                (concat ", " (prin1-char value))
              ""))))

(defun elisp--print-to-string (value full) "VALUE printed, shortened by the eval-expression limits unless FULL."
  (let ((print-length (and (not full) eval-expression-print-length))
        (print-level (and (not full) eval-expression-print-level)))
    (prin1-to-string value)))

(defun last-sexp-setup-props (beg end value alt1 alt2) "Mark the value printed between BEG and END as one that can be toggled.
VALUE is the value, ALT1 and ALT2 its full and abbreviated printed forms."
  (add-text-properties beg end
                       (list 'printed-value (list value alt1 alt2) 'mouse-face 'highlight
         'keymap elisp--toggle-map
         'help-echo "RET, mouse-2: toggle abbreviated display"
         'rear-nonsticky '(mouse-face keymap help-echo printed-value))))

(defun elisp-last-sexp-toggle-display (&optional _arg) "Switch the value at point between its abbreviated and its full printed form.
Point ends on the value's last character."
  (interactive "P")
  (let ((info (get-text-property (point) 'printed-value)))
    (when info
      (let ((from (or (previous-single-property-change (1+ (point)) 'printed-value) 1))
            (to (or (next-single-property-change (point) 'printed-value) (point-max)))
            (hidden (nth 1 info)) (shown (nth 2 info)))
        (goto-char from)
        (delete-region from to)
        (insert hidden)
        ;; The form now shown is the third element, the other the second.
        (last-sexp-setup-props from (point) (nth 0 info) shown hidden)
        ;; Point stays on the value's last character, ready for another toggle.
        (backward-char 1)))))

(defun elisp--eval-last-sexp-print-value (value output &optional no-truncate char-print-limit)
  "Print VALUE to OUTPUT, a buffer (inserted at point) or t (the echo area).
NO-TRUNCATE prints it whole; otherwise an abbreviated value inserted in
a buffer can be toggled to its full form.  CHAR-PRINT-LIMIT non-nil
adds the octal, hex and character forms of an integer."
  (let* ((full (elisp--print-to-string value t))
         (shown (if no-truncate full (elisp--print-to-string value nil)))
         (extra (and char-print-limit (elisp--int-description value))))
    (if (bufferp output)
        (save-current-buffer
          (set-buffer output)
          (let ((from (point)))
            (insert shown)
            (unless (equal shown full)
              (last-sexp-setup-props from (point) value full shown))
            (when extra (insert extra))))
      (princ shown output)
      (when extra (princ extra output)))))

(defun elisp--eval-last-sexp (eval-last-sexp-arg-internal) "Evaluate the expression before point and print its value; return the value.
With EVAL-LAST-SEXP-ARG-INTERNAL nil or `-' the value is shown; 0 inserts
it whole with an integer's other forms; anything else inserts it
abbreviated."
  (let* ((arg eval-last-sexp-arg-internal)
         (insert (and arg (not (eq arg '-))))
         (value (elisp--evaluate (elisp--preceding-sexp))))
    (elisp--eval-last-sexp-print-value
     value (if insert (current-buffer) t)
     (eq arg 0) (or (not insert) (eq arg 0)))
    value))

(defun eval-last-sexp (eval-last-sexp-arg-internal) "Evaluate the expression before point; show the value, or insert it with an argument.
See `elisp--eval-last-sexp' for the argument."
  (interactive "P")
  (let ((how eval-last-sexp-arg-internal))
    (elisp--eval-last-sexp how)))

(defun eval-print-last-sexp (&optional eval-last-sexp-arg-internal) "Evaluate the expression before point and insert its value on a line of its own.
With EVAL-LAST-SEXP-ARG-INTERNAL 0 the value is inserted whole, with an
integer's other forms."
  (interactive "P")
  (let ((whole (eq eval-last-sexp-arg-internal 0)))
    (insert ?\n)
    ;; The expression is found back across the new line.
    (let ((value (elisp--evaluate (elisp--preceding-sexp))))
      (elisp--eval-last-sexp-print-value value (current-buffer) whole whole)
      (insert ?\n)
      t)))

;;; Top-level forms.

(defun elisp--defun-start () "Where the top-level form around point starts: a line opening with a paren, else the buffer's start."
  (let ((eol (line-end-position)))
    (save-excursion
      (goto-char eol)
      (if (re-search-backward "^\\s(" nil t) (point) (point-min)))))

(defun elisp--eval-defun () "Evaluate the top-level form around point, show its value and return it."
  (let* ((form (car (read-from-string
                     (buffer-substring-no-properties (elisp--defun-start) (point-max)))))
         ;; As `eval-region' does, the form comes from the buffer's file.
         (value (let ((current-load-list (list buffer-file-name)))
                  (elisp--evaluate form))))
    (elisp--eval-last-sexp-print-value value t nil t)
    value))

(defun eval-defun (edebug-it) "Evaluate the top-level form around point and show its value; return the value.
A `defvar' or `defcustom' of a bound variable resets it.  With EDEBUG-IT
non-nil the form is instrumented for Edebug first (`edebug-defun')."
  (interactive "P")
  (if edebug-it
      (edebug-eval-top-level-form)
    (elisp--eval-defun)))

(provide 'elisp-eval)

;;; elisp-eval.el ends here
