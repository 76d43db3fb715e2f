;;; subr-ext.el --- preloaded GNU helpers that tsmacs loads on first use  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour.
;;
;; GNU preloads these (subr.el, macroexp.el, syntax.el); tsmacs keeps its
;; image small and autoloads them from here instead (lisp/autoloads.el).
;; What a program sees is the same: the names are fbound at start-up.

;;;; Was the current function called as a command?

(defun called-interactively-p (&optional kind) "Non-nil if the function calling this one was called through `call-interactively'.
With KIND `interactive' it also asks that the user typed the command, which never holds in batch
mode or while a keyboard macro runs."
  (and (or (not (eq kind 'interactive))
           (not (or noninteractive (bound-and-true-p executing-kbd-macro))))
       (subr-ext--interactive-caller-p)))

(defun interactive-p () "Obsolete: like `called-interactively-p' with KIND `interactive'."
  (and (not (or noninteractive (bound-and-true-p executing-kbd-macro)))
       (subr-ext--interactive-caller-p)))

(defun subr-ext--interactive-caller-p () "Non-nil if the function that called `called-interactively-p' came from `funcall-interactively'.
The walk goes out from `called-interactively-p': special-form frames
belong to the caller's body, the first function frame is the caller, and
`apply' frames that only pass the caller on are skipped."
  (let ((state 'body) (caller nil))
    (catch 'subr-ext--found
      (mapbacktrace
       (lambda (evald fn args _flags)
         (cond
           ((eq state 'body)
            (when (and evald (not (memq fn '(called-interactively-p interactive-p
                                             subr-ext--interactive-caller-p))))
              (setq caller fn state 'outside)))
           ((eq state 'outside)
            (cond ((not evald) (throw 'subr-ext--found nil))
                  ((and (eq fn 'apply) (eq (car args) caller)))
                  ((and (eq fn 'apply) (eq (car args) 'funcall-interactively))
                   (throw 'subr-ext--found (eq (cadr args) caller)))
                  (t (throw 'subr-ext--found
                            (and (eq fn 'funcall-interactively)
                                 (eq (car args) caller))))))))
       'subr-ext--interactive-caller-p)
      nil)))

;;;; Strings for shells

(defun combine-and-quote-strings (strings &optional separator) "Join STRINGS with SEPARATOR (a space by default), quoting those that need it.
A string holding the separator, a double quote or a backslash, or an
empty one, is written in double quotes, as `split-string-and-unquote'
reads it back."
  (let ((sep (or separator " ")) (out '()))
    (unless (stringp sep) (signal 'wrong-type-argument (list 'stringp sep)))
    ;; Any sequence, as GNU: a string's characters then fail as non-strings.
    (mapc (lambda (str)
            (push (if (and (not (string-search sep str))
                           (not (string-match-p "[\"\\]" str)))
                      str
                    (concat "\"" (replace-regexp-in-string "[\"\\]" "\\\\\\&" str) "\""))
                  out))
          strings)
    (mapconcat #'identity (nreverse out) sep)))

(defun split-string-and-unquote (string &optional separators) "Split STRING at SEPARATORS (whitespace by default), reading double-quoted parts as strings."
  (let ((sep (or separators "\\s-+"))
        (start 0) (from 0) (out '()))
    ;; As GNU: the string, then the separators, must be strings.
    (unless (stringp string) (signal 'wrong-type-argument (list 'stringp string)))
    (unless (stringp sep) (signal 'wrong-type-argument (list 'stringp sep)))
    ;; FROM is where the next separator is looked for, START where the current part began;
    ;; they part when a separator matches the empty string, which splits between characters.
    (while (and (<= from (length string))
                (string-match (concat "\\(?:" sep "\\)\\|\"") string from))
      (let ((mb (match-beginning 0)) (me (match-end 0)))
        (cond
         ((and (< mb (length string)) (eq (aref string mb) ?\"))
          (when (> mb start)
            (push (substring string start mb) out))
          (let ((read (read-from-string string mb)))
            (push (car read) out)
            (setq start (cdr read) from start)))
         ((= mb me)
          (when (> mb start)
            (push (substring string start mb) out)
            (setq start mb))
          (setq from (1+ mb)))
         (t
          (when (> mb start)
            (push (substring string start mb) out))
          (setq start me from me)))))
    (when (< start (length string))
      (push (substring string start) out))
    (reverse out)))

;;;; Control macros

(defmacro condition-case-no-debug (var bodyform &rest handlers) "Obsolete name of `condition-case-unless-debug'."
  (declare (debug condition-case) (indent 2))
  `(condition-case-unless-debug ,var ,bodyform ,@handlers))

(defmacro with-local-quit (&rest body) "Run BODY with quitting allowed; a quit in it sets `quit-flag' and yields nil."
  (declare (debug t) (indent 0))
  ;; The expansion is GNU's, built up from parts.
  (let ((on-quit '((setq quit-flag t) (eval '(ignore nil)))))
    (list 'condition-case nil
          `(let ((inhibit-quit nil)) ,@body)
          (cons 'quit on-quit))))

(defmacro with-existing-directory (&rest body) "Run BODY with `default-directory' an existing directory.
The first that exists of the current `default-directory', the home
directory, `temporary-file-directory', $TMPDIR and /tmp/ is used, else /."
  (declare (indent 0) (debug t))
  `(let ((default-directory
           (or (catch 'subr-ext--dir
                 (dolist (dir (list default-directory (expand-file-name "~/")
                                    temporary-file-directory (getenv "TMPDIR") "/tmp/"))
                   (and dir (file-exists-p dir) (throw 'subr-ext--dir dir))))
               "/")))
     ,@body))

;;;; Progress reporters

;; A reporter is a cons (NEXT . STATE).  STATE is the vector
;; [DUE LOW HIGH TEXT STEP PAUSE SUFFIX]: DUE the `float-time' before
;; which nothing new is shown (nil for no pause), LOW and HIGH the range
;; (both nil for a spinner), TEXT the message, STEP the least change in
;; percent worth showing, PAUSE the seconds between two messages and
;; SUFFIX the last suffix shown.  NEXT is the value the next message
;; waits for; for a spinner, the index of the character last shown.

;;;###autoload
(defvar progress-reporter--pulse-characters ["-" "\\" "|" "/"]
  "The characters a progress reporter without a range turns through.")

(defun make-progress-reporter (message &optional min-value max-value current-value min-change min-time)
  "Start a progress reporter for work whose values go from MIN-VALUE to MAX-VALUE.
MESSAGE is shown at once and with each step; when it ends in a letter
or digit, \"...\" is added to it.  CURRENT-VALUE (default MIN-VALUE)
is the value reached so far.  A step is shown only once the value has
grown by MIN-CHANGE percent (default 1, at most 50) since the last
one, and at most every MIN-TIME seconds (default 0.2; 0 for no pause).
Without MIN-VALUE and MAX-VALUE the reporter turns a spinner instead
of counting percent.  Give the result to `progress-reporter-update' as
the work goes on and to `progress-reporter-done' at its end."
  (when (string-match-p "[[:alnum:]]\\'" message)
    (setq message (concat message "...")))
  (let* ((pause (or min-time 0.2))
         ;; No pause before the first message: it is shown at once.
         (state (vector nil min-value max-value message
                        (max 1 (min 50 (or min-change 1))) pause nil))
         (reporter (cons (or min-value 0) state)))
    (progress-reporter-update reporter (or current-value min-value))
    reporter))

(defun progress-reporter--due (pause) "The time before which a reporter pausing PAUSE seconds stays quiet, or nil."
  (and (> pause 0) (+ (float-time) pause)))

(defun progress-reporter-update (reporter &optional value suffix)
  "Tell REPORTER that the work has reached VALUE, showing it if that is a step.
Nothing is shown before the value reaches the next step, or before the
reporter's pause since the last message is over.  SUFFIX, when given,
is shown after the progress (a spinner shows VALUE there otherwise)."
  (when (or (not (numberp value)) (>= value (car reporter)))
    (progress-reporter-do-update reporter value suffix)))

(defun progress-reporter-force-update (reporter &optional value new-message suffix)
  "Show REPORTER's progress at VALUE now, whatever the step and the pause.
NEW-MESSAGE, when non-nil, replaces the reporter's message from now on
\(as given: nothing is added to it).  SUFFIX is as for
`progress-reporter-update'."
  (let ((state (cdr reporter)))
    (when new-message (aset state 3 new-message))
    (aset state 0 nil)
    (progress-reporter-do-update reporter value suffix)))

(defun progress-reporter-do-update (reporter value &optional suffix)
  "Work out REPORTER's next step from VALUE and show the message if its pause is over.
This is what `progress-reporter-update' calls once VALUE is a step;
SUFFIX is as there."
  (let* ((state (cdr reporter))
         (due (aref state 0))
         (quiet (and due (< (float-time) due)))
         (low (aref state 1))
         (high (aref state 2)))
    (if (and low high)
        (let* ((span (- high low))
               (percent (if (= span 0) 0
                          (truncate (* (/ (- value low) (float span)) 100))))
               (next (+ low (* span (+ percent (aref state 4)) 0.01))))
          (setcar reporter (min (if (integerp value) (ceiling next) next) high))
          (unless quiet
            (progress-reporter--show state (if (> percent 0) (format "%d%%" percent) "")
                                     suffix)))
      (unless quiet
        (let ((turn (mod (1+ (car reporter)) (length progress-reporter--pulse-characters))))
          (setcar reporter turn)
          (progress-reporter--show state
                                   (concat " " (aref progress-reporter--pulse-characters turn))
                                   (or suffix value)))))))

(defun progress-reporter--show (state progress suffix) "Print STATE's message, PROGRESS and SUFFIX (or the last one); start STATE's pause."
  (when suffix (aset state 6 suffix))
  (message "%s%s %s" (aref state 3) progress (or (aref state 6) ""))
  (aset state 0 (progress-reporter--due (aref state 5))))

(defun progress-reporter-done (reporter) "Print REPORTER's message followed by \"done\"."
  (message "%sdone" (aref (cdr reporter) 3)))

(defmacro dotimes-with-progress-reporter (spec reporter-or-message &rest body)
  "Run BODY as `dotimes' with SPEC does, with a progress reporter counting the rounds.
REPORTER-OR-MESSAGE: a reporter from `make-progress-reporter', or the
message of one to make, counting from 0 to COUNT

\(fn (VAR COUNT [RESULT]) REPORTER-OR-MESSAGE BODY...)"
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((reporter (make-symbol "--dotimes-prep--"))
        (count (make-symbol "--dotimes-end--")))
    `(let ((,reporter ,reporter-or-message)
           (,count ,(nth 1 spec)))
       (when (stringp ,reporter)
         (setq ,reporter (make-progress-reporter ,reporter 0 ,count)))
       (dotimes (,(car spec) ,count)
         ,@body
         (progress-reporter-update ,reporter (1+ ,(car spec))))
       (progress-reporter-done ,reporter)
       (or ,@(nthcdr 2 spec) nil))))

(defmacro dolist-with-progress-reporter (spec reporter-or-message &rest body)
  "Run BODY as `dolist' with SPEC does, with a progress reporter counting the elements.
REPORTER-OR-MESSAGE: a reporter from `make-progress-reporter', or the
message of one to make, counting from 0 to the length of LIST

\(fn (VAR LIST [RESULT]) REPORTER-OR-MESSAGE BODY...)"
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((reporter (make-symbol "--dolist-progress-reporter--"))
        (done (make-symbol "--dolist-count--"))
        (items (make-symbol "--dolist-list--")))
    `(let ((,reporter ,reporter-or-message)
           (,done 0)
           (,items ,(nth 1 spec)))
       (when (stringp ,reporter)
         (setq ,reporter (make-progress-reporter ,reporter 0 (length ,items))))
       (dolist (,(car spec) ,items)
         ,@body
         (progress-reporter-update ,reporter (setq ,done (1+ ,done))))
       (progress-reporter-done ,reporter)
       (or ,@(nthcdr 2 spec) nil))))

;;;; Odds and ends of subr.el

(defun subr-primitive-p (object) "Non-nil if OBJECT is a primitive written in the implementation language."
  (subrp object))

(defun apropos-internal (regexp &optional predicate) "The interned symbols whose names match REGEXP (and satisfy PREDICATE), sorted by name."
  (let ((hits nil))
    (mapatoms
     (lambda (sym)
       (when (and (string-match-p regexp (symbol-name sym))
                  (or (null predicate) (funcall predicate sym)))
         (setq hits (cons sym hits)))))
    (sort hits #'string-lessp)))

(defun add-to-history (history-var newelt &optional maxelt keep-all) "Put NEWELT at the front of the list in HISTORY-VAR, keeping at most MAXELT.
MAXELT defaults to the variable's `history-length' property or the
variable `history-length'; t keeps everything.  An empty string or a
copy of the first element is left out unless KEEP-ALL;
`history-delete-duplicates' drops older copies."
  (let ((limit (or maxelt (get history-var 'history-length)
                   history-length))
        (hist (symbol-value history-var)))
    (when (and (listp hist)
               (or keep-all (not (equal newelt "")))
               (or keep-all (not (equal (car hist) newelt))))
      (when history-delete-duplicates
        (setq hist (delete newelt hist)))
      (setq hist (cons newelt hist))
      (when (integerp limit)
        (if (<= limit 0)
            (setq hist nil)
          (let ((tail (nthcdr (1- limit) hist)))
            (when (consp tail) (setcdr tail nil))))))
    (set history-var hist)))

(defvar delayed-warnings-list nil "Warnings queued by `delay-warning', each (TYPE MESSAGE LEVEL BUFFER-NAME), newest first.")
(defun delay-warning (type message &optional level buffer-name)
  "Queue a warning of TYPE with MESSAGE, LEVEL and BUFFER-NAME, to show after the current command."
  (setq delayed-warnings-list
        (cons (list type message level buffer-name) delayed-warnings-list)))

;;;; macroexp.el

(defun macroexp-parse-body (body) "Split BODY into (DECLARATIONS . EXPRESSIONS).
DECLARATIONS are the docstring, `declare' and `interactive' forms and
`:documentation' entries at its front; a lone string is an expression."
  (let ((decls nil))
    (while (and body (cdr body)
                (let ((form (car body)))
                  (or (stringp form)
                      (memq (car-safe form) '(:documentation declare interactive
                                              cl-declare)))))
      (setq decls (cons (car body) decls)
            body (cdr body)))
    (cons (reverse decls) body)))

(defun macroexp-compiling-p () "Non-nil while the byte compiler is running; tsmacs interprets, so never."
  (and (boundp 'byte-compile-current-file) byte-compile-current-file t))

(defun macroexp-warn-and-return (msg form &optional _category _compile-only _arg) "Return FORM; MSG is a warning for the byte compiler, which tsmacs has not."
  (ignore msg)
  form)

(defun macroexp-macroexpand (form env) "Expand FORM like `macroexpand' with ENV, signalling obsolescence as GNU does not in batch."
  (macroexpand form env))

;;;; syntax.el: the parts of a `parse-partial-sexp' state

(defun make-ppss (&rest slots) "A `syntax-ppss' state list, SLOTS giving its fields as keywords (:depth and so on)."
  (let ((state (make-list 11 nil)) (i 0))
    (dolist (key '(:depth :innermost-start :last-complete-sexp-start :string-terminator
                   :comment-depth :quoted-p :min-depth :comment-style
                   :comment-or-string-start :open-parens :two-character-syntax))
      (setcar (nthcdr i state) (plist-get slots key))
      (setq i (+ i 1)))
    state))

(let ((position 0))
  (dolist (field '(depth innermost-start last-complete-sexp-start string-terminator
                   comment-depth quoted-p min-depth comment-style
                   comment-or-string-start open-parens two-character-syntax))
    (let ((n position))
      (defalias (intern (format "ppss-%s" field))
        (lambda (ppss) (nth n ppss))
        (format "The %s field of the `parse-partial-sexp' state PPSS." field)))
    (setq position (+ position 1))))

(provide 'subr-ext)
