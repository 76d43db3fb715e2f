;;; simple-odds.el --- eval-expression, event modifiers, cursor reports and other odds of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-odds.el).

;;;; Evaluating an expression

(defun eval-expression-print-format (value) "The \" (#oOCT, #xHEX, ?CHAR)\" note shown after an integer VALUE; nil for others.
The character is given only for VALUE from 0 to 127."
  (when (integerp value)
    (concat (format " (#o%o, #x%x" value value)
            (if (<= 0 value 127) (concat ", " (prin1-char value)) "")
            ")")))

(defun eval-expression-get-print-arguments (prefix-argument) "How `eval-expression' shows a value, given the raw PREFIX-ARGUMENT.
The answer is (INSERT-VALUE NO-TRUNCATE CHAR-PRINT-LIMIT)."
  (let ((raw prefix-argument))
    (list (and raw (not (eq raw '-)))
          (eql raw 0)
          (cond ((memql raw '(nil 0)) 127)
                ((memql raw '(- -1)) most-positive-fixnum)))))

(defun simple-odds--show (value no-truncate char-print-limit) "VALUE as `eval-expression' shows it, cut short unless NO-TRUNCATE, with the integer note
when CHAR-PRINT-LIMIT allows."
  (let ((print-length (unless no-truncate eval-expression-print-length))
        (print-level (unless no-truncate eval-expression-print-level)))
    (concat (prin1-to-string value)
            (or (and char-print-limit (eval-expression-print-format value)) ""))))

(defun simple-odds--eval-args () "Interactive arguments of `eval-expression': an expression read, then how to show its value."
  (let ((form (read--expression "Eval: ")))
    (cons form (eval-expression-get-print-arguments current-prefix-arg))))

(defun eval-expression (exp &optional insert-value no-truncate char-print-limit) "Evaluate EXP and return its value.
INSERT-VALUE non-nil inserts the value at point, cut to
`eval-expression-print-length' and `-print-level' unless NO-TRUNCATE.
Otherwise the value is printed to the echo area.  Called interactively,
the value is also pushed onto `values'."
  (interactive (simple-odds--eval-args))
  (let ((value (eval exp lexical-binding))
        (asked (called-interactively-p 'any)))
    (when asked (push value values))
    (let ((shown (simple-odds--show value no-truncate char-print-limit)))
      ;; Not inserted, the value goes to the echo area: standard output in batch.
      (if insert-value (insert shown) (princ shown t)))
    value))

(defun read--expression (prompt &optional initial-contents) "Read a Lisp expression in the minibuffer with PROMPT."
  (read-from-minibuffer prompt initial-contents read-expression-map t
                        'read-expression-history))

(defun read-minibuffer (prompt &optional initial-contents) "Read a Lisp object in the minibuffer with PROMPT."
  (read-from-minibuffer prompt initial-contents minibuffer-local-map t))

(defun eval-minibuffer (prompt &optional initial-contents) "Read an expression in the minibuffer with PROMPT and return its value."
  (eval (read-minibuffer prompt initial-contents) t))

;;;; Input events

(defun event-apply-modifier (event symbol lshiftby prefix) "EVENT with the modifier SYMBOL added.
A symbol event gets PREFIX in front of its name unless it has the modifier
already.  A character gets the bit LSHIFTBY, except that control makes
@, A-Z, [ ... _ and a-z ASCII control characters and shift upcases a-z."
  (cond
   ((symbolp event)
    (if (memq symbol (event-modifiers event)) event
      (intern (concat prefix (symbol-name event)))))
   ((and (eq symbol 'control) (integerp event) (<= ?@ event ?_)) (- event ?@))
   ((and (eq symbol 'control) (integerp event) (<= ?a event ?z)) (- event ?`))
   ((and (eq symbol 'shift) (integerp event) (<= ?a event ?z)) (upcase event))
   ((and (eq symbol 'shift) (integerp event) (<= ?A event ?Z)) event)
   (t (logior event (ash 1 lshiftby)))))

;;;; Reports

(defun simple-odds--percent (pos total) "How far POS is into TOTAL characters, in whole percent."
  (if (zerop total) 0 (round (* 100 (1- pos)) total)))

(defun what-cursor-position (&optional detail) "Say which character is at point, where point is and its column.
DETAIL is accepted for compatibility; the report is the short one."
  (interactive "P")
  (ignore detail)
  (let* ((here (point))
         (size (buffer-size))
         (where (format "point=%d of %d (%s)%s column=%d"
                        here size
                        (if (eobp) "EOB" (format "%d%%" (simple-odds--percent here size)))
                        (if (buffer-narrowed-p) (format " <%d-%d>" (point-min) (point-max)) "")
                        (current-column))))
    (if (eobp)
        (message "%s" where)
      (let ((char (following-char)))
        (message "Char: %s (%d, #o%o, #x%x) %s"
                 (single-key-description char) char char char where)))))

(defun display-message-or-buffer (message &optional buffer-name _action _frame) "Show MESSAGE (a string or a buffer) in the echo area, or in a buffer when it has several lines.
The buffer is BUFFER-NAME, by default \"*Message*\"; return the message or the buffer."
  (let ((text (if (bufferp message)
                  (with-current-buffer message (buffer-string))
                message)))
    (if (not (string-match-p "\n." text))
        (message "%s" text)
      (let ((out (get-buffer-create (or buffer-name "*Message*"))))
        (with-current-buffer out
          (erase-buffer)
          (insert text))
        out))))

(defun make-separator-line (&optional length) "A line of LENGTH dashes and a newline, in face `separator-line'.
LENGTH defaults to the window's width less one."
  (let ((n (or length (1- (if (fboundp 'window-width) (window-width) 80)))))
    (concat (propertize (make-string n ?-) 'face 'separator-line) "\n")))

(defun set-hard-newline-properties (from to) "Mark the text from FROM to TO as hard newlines (property `hard').
Unless FROM's `rear-nonsticky' is t or names `hard' already, the text
between FROM and point is made rear-nonsticky for `hard' too."
  (let ((nonsticky (get-text-property from 'rear-nonsticky)))
    (put-text-property from to 'hard t)
    (when (and (listp nonsticky) (not (memq 'hard nonsticky)))
      (put-text-property (min from (point)) (max from (point))
                         'rear-nonsticky (cons 'hard nonsticky)))))

(defun minibuffer-prompt-width () "Width of the minibuffer prompt in this buffer, 0 outside a minibuffer."
  (if (minibufferp) (- (minibuffer-prompt-end) (point-min)) 0))

(defun reset-this-command-lengths () "Obsolete, and does nothing." nil)

(defun set-variable (variable value &optional make-local) "Give VARIABLE the value VALUE, buffer-locally when MAKE-LOCAL; return nil."
  (interactive (let* ((var (read-variable "Set variable: "))
                      (val (read--expression (format "Set %s to value: " var))))
                 (list var (eval val t) current-prefix-arg)))
  (unless (symbolp variable) (signal 'wrong-type-argument (list 'symbolp variable)))
  (if make-local
      (set (make-local-variable variable) value)
    (set variable value))
  nil)

(defun clone-indirect-buffer (newname display-flag &optional norecord) "Make an indirect buffer of this one, sharing its text and copying its state.
It is called NEWNAME (made unique), by default after this buffer.  With
DISPLAY-FLAG it is shown; NORECORD is passed on for that.  Return it."
  (interactive (list (and current-prefix-arg (read-buffer "Name of indirect buffer: " (current-buffer)))
                     t))
  (let* ((name (generate-new-buffer-name (or newname (buffer-name))))
         (clone (make-indirect-buffer (current-buffer) name t)))
    (when (and display-flag (fboundp 'pop-to-buffer))
      (pop-to-buffer clone nil norecord))
    clone))

(defconst simple-odds--not-cloned
  '(buffer-undo-list enable-multibyte-characters buffer-file-name buffer-file-truename
    buffer-auto-save-file-name buffer-saved-size buffer-display-count buffer-display-time
    point-before-scroll)
  "Buffer-local variables `clone-buffer' leaves alone: the buffer's identity and history.")

(defun clone-buffer (&optional newname display-flag) "A new buffer holding a copy of this one: text, point, mark, narrowing, mode, locals.
It is named NEWNAME, made unique, by default after this buffer; with
DISPLAY-FLAG it is shown.  A buffer visiting a file cannot be cloned."
  (interactive (list (and current-prefix-arg (read-buffer "Name of new cloned buffer: " (current-buffer)))
                     t))
  (when buffer-file-name (error "Cannot clone a file-visiting buffer"))
  (let* ((source (current-buffer))
         (text (save-restriction (widen) (buffer-substring (point-min) (point-max))))
         (state (list (point) (mark t) mark-active (point-min) (point-max) (buffer-modified-p)))
         (mode major-mode)
         (locals (buffer-local-variables))
         (copy (generate-new-buffer (or newname (buffer-name source)))))
    (with-current-buffer copy
      (insert text)
      (unless (eq mode 'fundamental-mode) (funcall mode))
      (dolist (binding locals)
        (when (and (consp binding) (not (memq (car binding) simple-odds--not-cloned)))
          (condition-case nil
              (set (make-local-variable (car binding)) (cdr binding))
            (error nil))))
      (pcase-let ((`(,pt ,mk ,active ,lo ,hi ,modified) state))
        (narrow-to-region lo hi)
        (goto-char pt)
        (set-marker (mark-marker) mk)
        (setq mark-active active)
        (set-buffer-modified-p modified)))
    (when (and display-flag (fboundp 'pop-to-buffer)) (pop-to-buffer copy))
    copy))

;;;; Filtering text through a shell command

(defun simple-odds--run-shell (command input) "Run the shell COMMAND with INPUT on its standard input; return (STATUS . OUTPUT).
Its error output is mixed into OUTPUT."
  (with-temp-buffer
    (insert input)
    (let ((status (call-process-region (point-min) (point-max) shell-file-name t t nil
                                       shell-command-switch command)))
      (cons status (buffer-string)))))

(defun simple-odds--report (status output) "Say in the echo area what a command with exit STATUS printed, OUTPUT."
  (cond ((not (equal output ""))
         (message "%s" (replace-regexp-in-string "\n+\\'" "" output)))
        ((eql status 0) (message "(Shell command succeeded with no output)"))
        (t (message "(Shell command failed with code %s and no output)" status))))

(defun shell-command-on-region (start end command &optional output-buffer replace
                                      _error-buffer _display-error-buffer _region-noncontiguous-p)
  "Run the shell COMMAND with the text from START to END as input; return its exit status.
With REPLACE the output takes the text's place, point and mark at its ends
on START's and END's sides.  OUTPUT-BUFFER t (without REPLACE) inserts the
output at START; a buffer or a name gets the output in place of its contents;
nil sends it to \"*Shell Command Output*\" and shows it in the echo area."
  (interactive (let ((command (read-shell-command "Shell command on region: ")))
                 (list (region-beginning) (region-end) command current-prefix-arg
                       current-prefix-arg)))
  (let* ((from (min start end))
         (to (max start end))
         (here (or replace (eq output-buffer t)
                   (and output-buffer (not (bufferp output-buffer))
                        (not (stringp output-buffer))))))
    (when here (barf-if-buffer-read-only))
    (let* ((result (simple-odds--run-shell command (buffer-substring from to)))
           (output (cdr result)))
      (cond
       (replace
        (delete-region from to)
        (goto-char from)
        (insert output)
        (let ((after (point)))
          (if (<= start end)
              (progn (goto-char from) (push-mark after t))
            (push-mark from t))))
       (here (goto-char start) (insert output))
       (t
        (with-current-buffer (get-buffer-create (or output-buffer "*Shell Command Output*"))
          (let ((inhibit-read-only t))
            (erase-buffer)
            (insert output)))
        (simple-odds--report (car result) output)))
      (car result))))

(provide 'simple-odds)
;;; simple-odds.el ends here
