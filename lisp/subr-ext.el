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

;; A reporter is (NEXT-VALUE . [MIN MAX MESSAGE MIN-CHANGE]): batch Emacs
;; prints "MESSAGE..." when made, "MESSAGE...N%" as the value passes each
;; MIN-CHANGE step, and "MESSAGE...done" at the end.

(defun make-progress-reporter (message &optional min-value max-value current-value min-change _min-time)
  "Make a progress reporter showing MESSAGE, for values from MIN-VALUE to MAX-VALUE.
CURRENT-VALUE is where it starts; MIN-CHANGE the smallest step, in
percent, that is reported (1 by default).  With no MAX-VALUE the
reporter only shows that something is going on."
  (let ((reporter (cons (or min-value 0)
                        (vector (or min-value 0) max-value message
                                (max (min (or min-change 1) 50) 1)))))
    (progress-reporter-update reporter (if current-value current-value min-value))
    reporter))

(defun progress-reporter-update (reporter &optional value _suffix) "Report that REPORTER's work has reached VALUE, when that is a new step."
  (let ((next (car reporter)))
    (when (or (not (numberp value)) (not (numberp next)) (>= value next))
      (progress-reporter-do-update reporter value))))

(defun progress-reporter-force-update (reporter &optional value new-message _suffix) "Report VALUE on REPORTER now, with NEW-MESSAGE if given."
  (when new-message (aset (cdr reporter) 2 new-message))
  (progress-reporter-do-update reporter value))

(defun progress-reporter-do-update (reporter value &optional _suffix) "Show REPORTER's message with the percentage VALUE stands for."
  (let* ((params (cdr reporter))
         (low (aref params 0)) (high (aref params 1))
         (text (aref params 2)) (step (aref params 3)))
    (if (and (numberp value) (numberp high) (> high low))
        (let ((percent (floor (* 100.0 (- value low)) (- high low))))
          (setcar reporter (+ low (* (- high low) (/ (+ percent step) 100.0))))
          (if (> percent 0)
              (message "%s%d%%" text percent)
            (message "%s" text)))
      (message "%s" text))))

(defun progress-reporter-done (reporter) "Show that the work REPORTER reports on is done."
  (message "%sdone" (aref (cdr reporter) 2)))

(defmacro dotimes-with-progress-reporter (spec reporter-or-message &rest body)
  "Like `dotimes' with SPEC and BODY, reporting progress through REPORTER-OR-MESSAGE."
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((rep (make-symbol "reporter")) (end (make-symbol "end")))
    `(let ((,rep ,reporter-or-message) (,end ,(cadr spec)))
       (when (stringp ,rep)
         (setq ,rep (make-progress-reporter ,rep 0 ,end)))
       (dotimes (,(nth 0 spec) ,end)
         ,@body
         (progress-reporter-update ,rep (1+ ,(car spec))))
       (progress-reporter-done ,rep)
       (or ,@(cddr spec)))))

(defmacro dolist-with-progress-reporter (spec reporter-or-message &rest body)
  "Like `dolist' with SPEC and BODY, reporting progress through REPORTER-OR-MESSAGE."
  (declare (indent 2) (debug ((symbolp form &optional form) form body)))
  (let ((rep (make-symbol "reporter")) (count (make-symbol "count"))
        (items (make-symbol "items")))
    `(let* ((,items ,(cadr spec)) (,rep ,reporter-or-message) (,count 0))
       (when (stringp ,rep)
         (setq ,rep (make-progress-reporter ,rep 0 (length ,items))))
       (dolist (,(car spec) ,items)
         ,@body
         (progress-reporter-update ,rep (setq ,count (1+ ,count))))
       (progress-reporter-done ,rep)
       (or ,@(cddr spec)))))

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
