;;; syntax.el --- syntax table helpers and the Lisp modes' syntax tables for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; Preloaded.  The primitives live in src/emacs/syntax.ts; here are the
;; subr-level helpers (`make-syntax-table', `with-syntax-table',
;; `syntax-after', `syntax-class') and the syntax tables of the Lisp
;; modes that GNU's batch session has loaded and that Lisp code relies
;; on.  Their entries were read off a running GNU Emacs 28.2 with
;; `map-char-table', their parents with `char-table-parent'.

(defun make-syntax-table (&optional oldtable) "Return a new, empty syntax table that inherits from OLDTABLE.
OLDTABLE defaults to the standard syntax table.  Every character has
the syntax its parent gives it until `modify-syntax-entry' changes it."
  (let ((new (make-char-table 'syntax-table)))
    (set-char-table-parent new (if oldtable oldtable (standard-syntax-table)))
    new))

(defmacro with-syntax-table (table &rest body) "Run BODY with TABLE as the current buffer's syntax table.
The previous syntax table is put back in that buffer afterwards, however
BODY is left; the value is that of BODY's last form."
  (declare (indent 1) (debug t))
  ;; The expansion is GNU's, uninterned variables included.
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    (list 'let (list (list saved '(syntax-table)) (list buf '(current-buffer)))
          (list 'unwind-protect
                (cons 'progn (cons (list 'set-syntax-table table) body))
                (list 'save-current-buffer (list 'set-buffer buf)
                      (list 'set-syntax-table saved))))))

(defun syntax-after (pos) "Return the raw syntax descriptor of the character after POS, or nil.
The value is nil when POS is outside the accessible part of the buffer.
A `syntax-table' text property there counts when
`parse-sexp-lookup-properties' is non-nil."
  (when (and (>= pos (point-min)) (< pos (point-max)))
    (let ((prop (when (bound-and-true-p parse-sexp-lookup-properties)
                  (get-char-property pos 'syntax-table))))
      (cond ((consp prop) prop)
            (t (aref (if prop prop (syntax-table)) (char-after pos)))))))

(defun syntax-class (syntax) "Return the class number of the raw syntax descriptor SYNTAX, or nil.
The flags kept in the high bits of the descriptor's code are dropped."
  (when syntax (logand 65535 (car syntax))))

;;; Moving by sexps and lists (GNU has these in lisp.el).

(defvar forward-sexp-function nil "When non-nil, the function `forward-sexp' calls instead of scanning.
It is called with the count and moves point.")

(defun buffer-end (arg) "Return the end of the accessible text: its end if ARG is positive, else its start."
  (if (<= arg 0) (point-min) (point-max)))

(defmacro syntax--as-user-error (when message &rest body)
  "Run BODY; when WHEN is non-nil, a `scan-error' from it becomes a `user-error' saying MESSAGE."
  (declare (indent 2))
  (let ((err (make-symbol "err")))
    `(if ,when
         (condition-case ,err (progn ,@body)
           (scan-error (ignore ,err) (user-error "%s" ,message)))
       ,@body)))

(defun forward-sexp (&optional arg interactive) "Move point forward over ARG balanced expressions (back when ARG is negative).
Point stops at the buffer's end when fewer are left; moving back also
passes any prefix characters before the last expression.  When
INTERACTIVE is non-nil, as it is for a command, running into unbalanced
text is a `user-error' instead of a `scan-error'."
  (interactive "^p\nd")
  (let ((n (or arg 1)))
    (syntax--as-user-error interactive (if (> n 0) "No next sexp" "No previous sexp")
      (cond (forward-sexp-function (funcall forward-sexp-function n))
            (t (goto-char (or (scan-sexps (point) n) (buffer-end n)))
               (when (< n 0) (backward-prefix-chars)))))))

(defun backward-sexp (&optional arg interactive) "Move point back over ARG balanced expressions (forward when ARG is negative)."
  (interactive "^p\nd")
  (forward-sexp (- (or arg 1)) interactive))

(defun forward-list (&optional arg interactive) "Move point forward over ARG parenthesized groups (back when ARG is negative).
INTERACTIVE turns a `scan-error' into a `user-error', as for `forward-sexp'."
  (interactive "^p\nd")
  (let ((n (or arg 1)))
    (syntax--as-user-error interactive (if (> n 0) "No next group" "No previous group")
      (goto-char (or (scan-lists (point) n 0) (buffer-end n))))))

(defun backward-list (&optional arg interactive) "Move point back over ARG parenthesized groups (forward when ARG is negative)."
  (interactive "^p\nd")
  (forward-list (- (or arg 1)) interactive))

(defun down-list (&optional arg interactive)
  "Move point into ARG levels of parentheses: forward past open parens, or back past close parens when ARG is negative.
INTERACTIVE turns a `scan-error' into a `user-error'."
  (interactive "^p\nd")
  (let* ((n (or arg 1))
         (step (if (> n 0) 1 -1)))
    (syntax--as-user-error interactive "At bottom level"
      (dotimes (_ (abs n)) (goto-char (or (scan-lists (point) step -1) (buffer-end n)))))))

(defun syntax--string-or-comment-end (state)
  "The position where the string or comment that STATE (a `syntax-ppss' result) is inside ends."
  (save-excursion
    (goto-char (nth 8 state))
    (if (nth 3 state)
        (condition-case nil (progn (forward-sexp) (1- (point)))
          (scan-error (point-max)))
      (forward-comment 1)
      (if (memq (char-before) '(?\n)) (1- (point)) (point)))))

(defun syntax--leave-one-level (step escape-strings no-syntax-crossing)
  "Move point out of one level in direction STEP (1 or -1), as `up-list' describes."
  (let* ((state (when (or escape-strings no-syntax-crossing) (syntax-ppss)))
         (in-string (nth 3 state))
         (inside (or in-string (nth 4 state)))
         (found nil))
    (cond
     ((and no-syntax-crossing inside)
      ;; Look for the level within the string or comment alone first.
      (let ((from (nth 8 state))
            (to (syntax--string-or-comment-end state)))
        (setq found (condition-case nil
                        (save-restriction
                          (narrow-to-region (if in-string (1+ from) from) to)
                          (scan-lists (point) step 1))
                      (scan-error nil)))
        (cond (found (goto-char found))
              (in-string
               (if escape-strings
                   (syntax--leave-string from step)
                 (signal 'scan-error (list "Unbalanced parentheses" (point) (point)))))
              (t (goto-char from)
                 (goto-char (or (scan-lists (point) step 1) (buffer-end step)))))))
     ((and escape-strings in-string)
      (setq found (condition-case nil (scan-lists (point) step 1) (scan-error nil)))
      (if found (goto-char found) (syntax--leave-string (nth 8 state) step)))
     (t (goto-char (or (scan-lists (point) step 1) (buffer-end step)))))))

(defun syntax--leave-string (start step)
  "Move point out of the string that begins at START: to START, or past its end when STEP is positive."
  (goto-char start)
  (when (> step 0) (forward-sexp)))

(defun up-list (&optional arg escape-strings no-syntax-crossing) "Move point forward out of ARG levels of parentheses (back and out when ARG is negative).
With ESCAPE-STRINGS, a string around point counts as a level to leave.
With NO-SYNTAX-CROSSING, a level is first looked for inside the string or
comment around point, and running out of levels is a `user-error'."
  (interactive "^p\nd\nd")
  (let* ((n (or arg 1))
         (step (if (> n 0) 1 -1)))
    (syntax--as-user-error no-syntax-crossing "At top level"
      (dotimes (_ (abs n))
        (syntax--leave-one-level step escape-strings no-syntax-crossing)))))

(defun backward-up-list (&optional arg escape-strings no-syntax-crossing)
  "Move point back out of ARG levels of parentheses (forward and out when ARG is negative)."
  (interactive "^p\nd\nd")
  (up-list (if arg (- arg) -1) escape-strings no-syntax-crossing))

;;; Parse states.

;; `syntax-ppss' keeps, per buffer, states it has computed so that the
;; next call parses only from the nearest one before its position.  A
;; change to the text drops those after it (`syntax-ppss-flush-cache',
;; which the first call puts on the buffer's `before-change-functions').
;; `syntax-propertize' gives `syntax-table' properties to the text before
;; it is parsed, through the mode's `syntax-propertize-function'.

(defvar syntax-propertize-function nil "Function of START and END that puts `syntax-table' properties on that text, or nil.
It is called by `syntax-propertize' with the text not yet done, in chunks.
Modes set it with `setq-local'.")

(defvar-local syntax-propertize--done -1 "Position up to which `syntax-propertize' has done the buffer.")

(defvar syntax-propertize-chunk-size 500 "How much text, at least, one call of `syntax-propertize-function' gets.")

(defvar syntax-propertize-extend-region-functions '(syntax-propertize-wholelines)
  "Functions of START and END that may widen the region given to `syntax-propertize-function'.
Each returns (NEW-START . NEW-END), or nil to leave the region alone.")
(make-variable-buffer-local 'syntax-propertize-extend-region-functions)

(defvar syntax-ppss-max-span 20000 "Distance between the parse states that `syntax-ppss' keeps, as GNU names it.
Here every computed state is kept, so it has no effect.")

(defvar-local syntax-ppss--states nil "States that `syntax-ppss' computed: (START . ALIST) where ALIST holds (POS . STATE), newest first.
START is the `point-min' they were parsed from.")

(defun syntax-propertize-wholelines (start end) "Widen START..END to whole lines, as (NEW-START . NEW-END)."
  (goto-char start)
  (let ((bol (line-beginning-position)))
    (goto-char end)
    (cons bol (if (bolp) end (min (point-max) (1+ (line-end-position)))))))

(defun syntax-ppss-flush-cache (beg &rest _ignored) "Forget what `syntax-ppss' and `syntax-propertize' knew about the text from BEG on."
  (when (< beg syntax-propertize--done)
    (setq syntax-propertize--done (max beg 1)))
  (let ((entry syntax-ppss--states))
    (when entry
      (let ((kept nil))
        (dolist (st (cdr entry))
          (when (< (car st) beg) (push st kept)))
        (setcdr entry (nreverse kept))))))

(defun syntax-propertize--hook () "Put `syntax-ppss-flush-cache' on the buffer's own `before-change-functions'."
  (unless (memq #'syntax-ppss-flush-cache (and (local-variable-p 'before-change-functions)
                                               before-change-functions))
    (add-hook 'before-change-functions #'syntax-ppss-flush-cache t t)))

(defun syntax-propertize (pos) "Make sure the text before POS has had its `syntax-table' properties applied.
Without a `syntax-propertize-function' there is nothing to apply."
  (when (< syntax-propertize--done pos)
    (if (null syntax-propertize-function)
        (setq syntax-propertize--done (max pos (point-max)))
      (save-match-data
        (save-excursion
          (let ((inhibit-modification-hooks t) (inhibit-read-only t) (buffer-undo-list t)
                (modified (buffer-modified-p)))
            (syntax-propertize--hook)
            (setq-local parse-sexp-lookup-properties t)
            (let* ((start (min (max syntax-propertize--done (point-min)) (point-max)))
                   (end (max (min (+ start syntax-propertize-chunk-size) (point-max)) pos))
                   (changed t))
              ;; Each extender may widen the region; go on until none does.
              (while changed
                (setq changed nil)
                (dolist (fn syntax-propertize-extend-region-functions)
                  (let ((new (and (functionp fn) (funcall fn start end))))
                    (when (and new (or (/= (car new) start) (/= (cdr new) end)))
                      (setq start (min start (car new)) end (max end (cdr new)) changed t)))))
              (setq syntax-propertize--done end)
              (remove-text-properties start end '(syntax-table nil syntax-multiline nil))
              (unwind-protect (funcall syntax-propertize-function start end)
                (unless modified (restore-buffer-modified-p nil))))))))))

(defun internal--syntax-propertize (charpos) "Apply `syntax-table' properties up to CHARPOS; the scanners call this."
  (syntax-propertize charpos))

(defun syntax-propertize-multiline (beg end) "Widen BEG..END over text marked `syntax-multiline' that it touches; return (NEW-BEG . NEW-END).
Meant for `syntax-propertize-extend-region-functions'."
  (let ((lo beg) (hi end))
    ;; Step out over marked characters on either side.
    (while (and (> lo (point-min)) (get-text-property (1- lo) 'syntax-multiline))
      (setq lo (1- lo)))
    (while (and (< hi (point-max)) (get-text-property hi 'syntax-multiline))
      (setq hi (1+ hi)))
    (cons lo hi)))

(defconst syntax-propertize--shift-token-re
  (concat "\\\\(\\?\\([0-9]+\\):"                  ; 1: an explicitly numbered group
          "\\|\\\\\\([1-9]\\)"                     ; 2: a back reference
          "\\|\\(?:\\`\\|[^\\]\\)\\[\\]?[^]]*\\]?"     ; a bracket expression, left alone
          "\\|[^\\]\\\\{[^}]*\\\\}"               ; an interval, left alone
          "\\|\\\\\\\\")                            ; an escaped backslash
  "What `syntax-propertize--shift-groups-and-backrefs' looks for, from left to right.")

(defun syntax-propertize--shift-groups-and-backrefs (re n) "Return the regexp RE with its back references and numbered groups moved up by N.
Bracket expressions and intervals are copied as they are.  A back
reference past \\9 is an error."
  (let ((out "") (pos 0))
    (while (string-match syntax-propertize--shift-token-re re pos)
      (let ((group (match-string 1 re))
            (backref (match-string 2 re)))
        (setq out (concat out (substring re pos (match-beginning 0))
                          (cond
                           (group (format "\\(?%d:" (+ n (string-to-number group))))
                           (backref
                            (let ((shifted (+ n (string-to-number backref))))
                              (when (> shifted 9)
                                (error "There may be at most nine back-references"))
                              (format "\\%d" shifted)))
                           (t (match-string 0 re))))
              pos (match-end 0))))
    (concat out (substring re pos))))

(defun syntax-ppss (&optional pos) "Return the parse state at POS (default point), as `parse-partial-sexp' from `point-min' gives it.
States computed before are reused, so that repeated calls parse little.
Point is left at POS."
  (setq pos (or pos (point)))
  (syntax-propertize pos)
  (syntax-propertize--hook)
  (let* ((start (point-min))
         (entry (if (and syntax-ppss--states (eql (car syntax-ppss--states) start))
                    syntax-ppss--states
                  (setq syntax-ppss--states (list start))))
         (from start) (state nil))
    ;; The nearest state at or before POS.
    (dolist (st (cdr entry))
      (when (and (<= (car st) pos) (> (car st) from))
        (setq from (car st) state (cdr st))))
    ;; Parse again from the start of the outermost list around that state,
    ;; or at top level from the start of the last complete sexp: a fresh
    ;; parse from there gives the minimum depth and the last complete
    ;; sexp as GNU's `syntax-ppss' reports them.
    (let ((top (and state
                    (cond ((/= (car state) (length (nth 9 state)))
                           ;; Stray close parens before: depths are not counted
                           ;; from 0 at the outermost list, so from the start.
                           start)
                          ((nth 9 state) (car (nth 9 state)))
                          (t (nth 2 state))))))
      (when top
        (setq from top state nil)))
    (when (< from pos)
      (setq state (parse-partial-sexp from pos nil nil state))
      ;; A few recent states are enough for the usual forward and
      ;; backward walks; more would only make this lookup slower.
      (setcdr entry (cons (cons pos state) (cdr entry)))
      (let ((tail (nthcdr 16 entry))) (when tail (setcdr tail nil))))
    (goto-char pos)
    (or state (parse-partial-sexp pos pos))))

(defmacro syntax-propertize-rules (&rest rules) "Return a function of START and END that applies RULES to that text.
Each rule is (REGEXP HIGHLIGHT...), HIGHLIGHT being (GROUP SYNTAX): where
REGEXP matches, the text of GROUP gets the `syntax-table' property
SYNTAX, a string for `string-to-syntax', or a form evaluated then whose
non-nil value is used (a string is converted)."
  (declare (debug (&rest &or symbolp (form &rest (numberp form)))))
  (let ((clauses nil) (parts nil) (offset 0))
    (dolist (rule rules)
      (let* ((re (let ((r (car rule))) (if (stringp r) r (eval r t))))
             (groups (regexp-opt-depth re))
             (base (1+ offset)))
        (push (concat "\\(" re "\\)") parts)
        (push `((match-beginning ,base)
                ,@(mapcar (lambda (hl)
                            (let* ((group (+ base (car hl)))
                                   (syn (nth 1 hl))
                                   (value (if (stringp syn) `',(string-to-syntax syn)
                                            `(let ((v ,syn)) (if (stringp v) (string-to-syntax v) v)))))
                              `(let ((mb (match-beginning ,group)))
                                 (when mb
                                   ,(if (stringp syn)
                                        `(put-text-property mb (match-end ,group) 'syntax-table ,value)
                                      `(let ((syntax ,value))
                                         (when syntax
                                           (put-text-property mb (match-end ,group) 'syntax-table syntax))))))))
                          (cdr rule)))
              clauses)
        (setq offset (+ offset 1 groups))))
    (let ((regexp (mapconcat #'identity (nreverse parts) "\\|")))
      `(lambda (start end)
         (goto-char start)
         (while (and (< (point) end) (re-search-forward ,regexp end t))
           (cond ,@(nreverse clauses)))))))

(defun syntax-ppss-toplevel-pos (ppss) "Return the start of the outermost list or the string or comment of PPSS, or nil."
  (or (car (nth 9 ppss)) (nth 8 ppss)))

(defun syntax-ppss-context (ppss) "Return `string' or `comment' when PPSS is inside one, else nil."
  (cond ((nth 3 ppss) 'string)
        ((nth 4 ppss) 'comment)))

;;; The Lisp modes' tables.

(defvar prog-mode-syntax-table (make-syntax-table) "Syntax table of programming modes: the standard table's entries.")

(defvar lisp-data-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; Letters and digits keep the standard word syntax: only what
    ;; differs from it is set, as in GNU's table.
    (dolist (entry '(((0 . 8) . "_") (9 . " ") (10 . ">") (11 . "_") (12 . " ")
                     ((13 . 31) . "_") (32 . " ") (33 . "_") (34 . "\"") (35 . "'")
                     ((36 . 38) . "_") (39 . "'") (40 . "()") (41 . ")(")
                     ((42 . 43) . "_") (44 . "'") ((45 . 47) . "_") (58 . "_")
                     (59 . "<") ((60 . 63) . "_") (64 . "_ p") (91 . "(]")
                     (92 . "\\") (93 . ")[") ((94 . 95) . "_") (96 . "'")
                     ((123 . 127) . "_") (160 . " ")))
      (modify-syntax-entry (car entry) (cdr entry) st))
    (set-char-table-parent st prog-mode-syntax-table)
    st)
  "Syntax table of Lisp data: comments run from `;' to the end of the line.")

(defvar lisp-mode-syntax-table
  (let ((st (make-syntax-table lisp-data-mode-syntax-table)))
    ;; Common Lisp's #| ... |# comments and |escaped symbols|.
    (dolist (entry '((?# . "' 14") (?\[ . "_") (?\] . "_") (?| . "\" 23bn")))
      (modify-syntax-entry (car entry) (cdr entry) st))
    st)
  "Syntax table of Common Lisp mode.")

(defvar emacs-lisp-mode-syntax-table (make-syntax-table lisp-data-mode-syntax-table) "Syntax table of Emacs Lisp mode: that of Lisp data.")

(defvar lisp-interaction-mode-syntax-table (make-syntax-table emacs-lisp-mode-syntax-table) "Syntax table of Lisp Interaction mode, the mode of *scratch*.")

;; GNU's batch session evaluates in *scratch*, in Lisp Interaction mode.
(set-syntax-table lisp-interaction-mode-syntax-table)

(provide 'syntax)

;; End of syntax.el.
