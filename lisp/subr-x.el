;;; subr-x.el --- extra macros and string/hash-table helpers for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Loaded with (require 'subr-x).  The macros here expand to exactly the
;; forms GNU Emacs produces (programs can see them with `macroexpand'), so
;; the shapes of the expansions below are fixed; the code building them is
;; our own.

;;;; Threading

(defmacro subr-x--thread (first? &rest forms) "Thread the value of the first of FORMS through the other FORMS.
Each later form gets the form built so far inserted as an argument: as
its first argument when FIRST? is non-nil, else as its last.  A bare
symbol F stands for the call (F)."
  (let ((threaded (car forms)))
    (dolist (step (cdr forms))
      (setq threaded
            (cond
             ((not (consp step)) (list step threaded))
             (first? `(,(car step) ,threaded ,@(cdr step)))
             (t (append step (list threaded))))))
    threaded))

(defmacro thread-first (&rest forms) "Pass the first of FORMS through the rest, each time as the first argument.
For instance (thread-first x (f a) g) means (g (f x a))." (declare (indent 0) (debug (form &rest [&or symbolp (sexp &rest form)])))
  `(subr-x--thread t ,@forms))

(defmacro thread-last (&rest forms) "Pass the first of FORMS through the rest, each time as the last argument.
For instance (thread-last x (f a) g) means (g (f a x))." (declare (indent 0) (debug thread-first))
  `(subr-x--thread nil ,@forms))

;;;; Binding conditionally: if-let*, when-let*, and-let*, if-let, when-let

(defun internal--build-bindings (varlist) "Turn VARLIST into `let*' bindings that stop evaluating at the first nil.
Each binding's value form is wrapped as (and PREVIOUS-VAR FORM), the
first one using t.  An element of VARLIST is SYMBOL (test the variable
itself), (FORM) (test FORM, binding an uninterned variable) or
\(SYMBOL FORM)."
  (let ((guard t)
        (made nil))
    (dolist (spec varlist)
      (let ((var nil) (form nil))
        (cond
         ((symbolp spec) (setq var spec form spec))
         ((null (cdr spec)) (setq var (make-symbol "s") form (car spec)))
         ((cdr (cdr spec))
          (signal 'error
                  (cons "`let' bindings can have only one value-form" spec)))
         (t (setq var (car spec) form (car (cdr spec)))))
        (push (list var (list 'and guard form)) made)
        (setq guard var)))
    (nreverse made)))

(defun subr-x--last-var (bindings) "Return the variable of the final element of the `let*' list BINDINGS."
  (car (car (last bindings))))

(defmacro if-let* (varlist then &rest else) "Bind the variables of VARLIST in turn and evaluate THEN if all are non-nil.
VARLIST is evaluated like the bindings of `let*', except that as soon as
a value is nil the remaining ones are left unevaluated (and nil) and the
ELSE forms run instead.  An element of VARLIST can be (SYMBOL FORM),
just (FORM) to test a value without naming it, or a SYMBOL to test its
current value."
  (declare (indent 2)
           (debug ((&rest [&or symbolp (symbolp form) (form)]) body)))
  (if (null varlist)
      `(let* () ,then)
    (let ((bindings (internal--build-bindings varlist)))
      `(let* ,bindings
         (if ,(subr-x--last-var bindings) ,then ,@else)))))

(defmacro when-let* (varlist &rest body) "Bind the variables of VARLIST in turn and run BODY if all are non-nil.
VARLIST is as for `if-let*'.  The value is BODY's last, or nil." (declare (indent 1) (debug if-let*))
  `(if-let* ,varlist ,(macroexp-progn body)))

(defmacro and-let* (varlist &rest body) "Bind the variables of VARLIST in turn and run BODY if all are non-nil.
VARLIST is as for `if-let*'.  Without BODY the value is that of the
last binding; with an empty VARLIST as well it is t."
  (declare (indent 1) (debug if-let*))
  (if (null varlist)
      `(let* () ,@(or body '(t)))
    (let* ((bindings (internal--build-bindings varlist))
           (last-var (subr-x--last-var bindings)))
      `(let* ,bindings
         (when ,last-var ,@(or body (list last-var)))))))

(defmacro if-let (spec then &rest else) "Like `if-let*', but SPEC may also be a single binding (SYMBOL FORM).
Bind the variables of SPEC in turn; if all values are non-nil evaluate
THEN, otherwise the ELSE forms."
  (declare (indent 2)
           (debug ([&or (symbolp form) (&rest [&or symbolp (symbolp form) (form)])]
                   body)))
  ;; A short SPEC whose head is not a list is one binding, not a list of them.
  (let ((varlist (if (and (not (listp (car spec))) (<= (length spec) 2))
                     (list spec)
                   spec)))
    `(if-let* ,varlist ,then ,(macroexp-progn else))))

(defmacro when-let (spec &rest body) "Like `when-let*', but SPEC may also be a single binding (SYMBOL FORM).
Bind the variables of SPEC in turn and run BODY if all are non-nil." (declare (indent 1) (debug if-let))
  `(if-let ,spec ,(macroexp-progn body)))

;;;; Hash tables

(defun hash-table-empty-p (hash-table) "Return non-nil if HASH-TABLE has no entries."
  (= (hash-table-count hash-table) 0))

(defun subr-x--hash-collect (table pick) "Return a list of PICK's values on the entries of TABLE, in TABLE's order.
PICK is called with each key and its value."
  (let ((picked nil))
    (maphash (lambda (k v) (push (funcall pick k v) picked)) table)
    (nreverse picked)))

(defun hash-table-keys (hash-table) "Return a list of the keys of HASH-TABLE, in the table's order."
  (subr-x--hash-collect hash-table (lambda (k _v) k)))

(defun hash-table-values (hash-table) "Return a list of the values of HASH-TABLE, in the table's order."
  (subr-x--hash-collect hash-table (lambda (_k v) v)))

;;;; String functions

(defun subr-x--check-natnum (n) "Signal `wrong-type-argument' unless N is a natural number."
  (or (natnump n) (signal 'wrong-type-argument (list 'natnump n))))

(defun string-empty-p (string) "Return non-nil if STRING is the empty string." (declare (pure t) (side-effect-free t))
  (string= string ""))

(defun string-join (strings &optional separator) "Concatenate the list STRINGS, putting SEPARATOR between neighbours."
  (mapconcat #'identity strings separator))

(define-obsolete-function-alias 'string-reverse 'reverse "25.1")

(defun string-truncate-left (string length) "Shorten STRING from the left to about LENGTH characters, marked by \"...\".
A STRING of at most LENGTH characters is returned as it is.  Otherwise
the result is \"...\" followed by the last LENGTH-2 characters of STRING
\(at least one)."
  (if (<= (length string) length)
      string
    (let ((kept (1+ (max 0 (- length 3)))))
      (concat "..." (substring string (- kept))))))

(defun string-blank-p (string) "Return non-nil if STRING is empty or holds only spaces, tabs and newlines.
Carriage returns count as well.  The value is 0 on success." (declare (pure t) (side-effect-free t))
  (string-match-p "\\`[ \t\n\r]*\\'" string))

(defun string-remove-prefix (prefix string) "Return STRING without PREFIX if it starts with it, else STRING itself."
  (or (and (string-prefix-p prefix string)
           (substring string (length prefix)))
      string))

(defun string-remove-suffix (suffix string) "Return STRING without SUFFIX if it ends with it, else STRING itself."
  (or (and (string-suffix-p suffix string)
           (substring string 0 (- (length string) (length suffix))))
      string))

(defun string-clean-whitespace (string) "Return STRING with its whitespace tidied up.
Leading and trailing whitespace is removed and each inner run of it is
replaced by a single space.  Whitespace here means horizontal blanks,
newlines and carriage returns."
  (mapconcat #'identity (split-string string "[[:blank:]\r\n]+" t) " "))

(defun string-limit (string length &optional end coding-system) "Return at most LENGTH characters from the start of STRING.
With END non-nil, take them from the end instead.  With CODING-SYSTEM,
the result is STRING encoded by it and cut to at most LENGTH bytes,
without splitting the encoding of a character; it is then unibyte."
  (subr-x--check-natnum length)
  (cond
   ((null coding-system)
    (let ((size (length string)))
      (cond ((<= size length) string)
            ((not end) (substring string 0 length))
            (t (substring string (- size length))))))

   (t
    ;; Encode character by character from the chosen end, keeping whole
    ;; characters while they fit into the byte budget.
    ;; A signature (byte order mark) the coding system writes first is not
    ;; part of any character, so it is left out.
    (let* ((chars (append string nil))
           (ordered (if end (reverse chars) chars))
           (budget length)
           (mark (length (encode-coding-string "" coding-system)))
           (pieces nil))
      (while (and ordered
                  (let ((bytes (substring (encode-coding-string
                                           (string (car ordered)) coding-system)
                                          mark)))
                    (when (<= (length bytes) budget)
                      (setq budget (- budget (length bytes)))
                      (push bytes pieces))))
        (setq ordered (cdr ordered)))
      (apply #'concat (if end pieces (nreverse pieces)))))))

(defun string-lines (string &optional omit-nulls) "Return the lines of STRING as a list of strings, without the newlines.
With OMIT-NULLS non-nil, empty lines are left out."
  (split-string string "\n" omit-nulls))

(defun string-pad (string length &optional padding start) "Return STRING widened to LENGTH characters with PADDING.
PADDING is a character, a space by default; it is added at the end, or
at the start when START is non-nil.  A STRING that is already LENGTH
characters or longer is returned unchanged."
  (subr-x--check-natnum length)
  (let ((missing (- length (length string))))
    (if (<= missing 0)
        string
      (let ((fill (make-string missing (or padding ?\s))))
        (if start (concat fill string) (concat string fill))))))

(defun string-chop-newline (string) "Return STRING without one final newline, if it has one."
  (string-remove-suffix "\n" string))

;;;; named-let

;; A self call of NAME in tail position becomes an assignment to NAME's
;; parameters and one more round of a `while' loop, so that such loops run
;; in constant stack and without a call per round.  The body, rewritten,
;; is the loop's test: it yields non-nil to go round again, or stores the
;; value in a result variable and yields nil.

(defun subr-x--loop-stop (form result) "FORM made into a loop test that ends the loop with FORM's value in RESULT."
  `(progn (setq ,result ,form) nil))

(defun subr-x--loop-test (form state) "Return FORM, in tail position of a named-let body, made into a loop test.
STATE is (NAME PARAMS RESULT FOUND): a tail call (NAME ARGS...)
becomes an assignment of PARAMS and t (and sets FOUND); any other value goes to RESULT and ends the loop.  FORM
must be macroexpanded already.  The tails of `progn', `let', `let*',
`if', `cond', `and' and `or' are followed."
  (let ((name (nth 0 state))
        (params (nth 1 state))
        (result (nth 2 state))
        (head (car-safe form)))
    (cond
     ((and head (eq head name) (proper-list-p form))
      (setcar (nthcdr 3 state) t)
      ;; As in GNU Emacs, a parameter without an argument gets nil, and
      ;; arguments beyond the parameters are not evaluated.
      (let ((assignments nil)
            (args (cdr form)))
        (dolist (param params)
          (push param assignments)
          (push (car args) assignments)
          (setq args (cdr args)))
        ;; The values are computed in order and assigned one by one: they
        ;; cannot see PARAMS, which only the next round's bindings read.
        `(progn (setq ,@(nreverse assignments)) t)))
     ((eq head 'progn)
      (if (cdr form)
          (subr-x--loop-last form state)
        (subr-x--loop-stop nil result)))
     ((memq head '(let let*))
      (if (cddr form)
          (subr-x--loop-last form state)
        (subr-x--loop-stop form result)))
     ((eq head 'if)
      (let ((else (nthcdr 3 form)))
        `(if ,(nth 1 form)
             ,(subr-x--loop-test (nth 2 form) state)
           ;; A lone else form stays as it is (no `progn' frame around it).
           ,(subr-x--loop-test (if (cdr else) (cons 'progn else) (car else))
                               state))))
     ((eq head 'cond)
      (let ((clauses
             (mapcar (lambda (clause)
                       (cond ((not (consp clause)) clause)
                             ;; (TEST) gives TEST's value when it is non-nil.
                             ((null (cdr clause))
                              `((setq ,result ,(car clause)) nil))
                             (t (subr-x--loop-last clause state))))
                     (cdr form))))
        ;; No clause taken: the value is nil.
        `(cond ,@clauses
               ,@(unless (eq (car-safe (car (last clauses))) t)
                   `((t ,(subr-x--loop-stop nil result)))))))
     ((eq head 'and)
      (cond ((null (cdr form)) (subr-x--loop-stop t result))
            ((null (cddr form)) (subr-x--loop-test (cadr form) state))
            (t `(if ,(cadr form)
                    ,(subr-x--loop-test (cons 'and (cddr form)) state)
                  ,(subr-x--loop-stop nil result)))))
     ((eq head 'or)
      (cond ((null (cdr form)) (subr-x--loop-stop nil result))
            ((null (cddr form)) (subr-x--loop-test (cadr form) state))
            (t `(if (setq ,result ,(cadr form))
                    nil
                  ,(subr-x--loop-test (cons 'or (cddr form)) state)))))
     (t (subr-x--loop-stop form result)))))

(defun subr-x--loop-last (list state) "A copy of LIST (a form or clause) whose last element is a loop test.
See `subr-x--loop-test' for STATE."
  (let ((copy (copy-sequence list)))
    (setcar (last copy) (subr-x--loop-test (car (last copy)) state))
    copy))

(defmacro named-let (name bindings &rest body) "Run BODY with BINDINGS as in `let', where BODY may call itself as NAME.
This is Scheme's named `let': NAME is a local function whose parameters
are the variables of BINDINGS, first called with their initial values.
Calls of NAME in tail position do not grow the stack, so NAME can be
used for loops of any length." (declare (indent 2) (debug (symbolp (&rest (symbolp form)) body)))
  ;; NAME is defined with `cl-labels', as in GNU Emacs.
  (require 'cl-lib)
  (let* ((vars (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (temps (mapcar (lambda (b)
                          (list (make-symbol (symbol-name (if (consp b) (car b) b)))
                                (and (consp b) (car (cdr b)))))
                        bindings))
         ;; Expand macros first so `when', `pcase' and the like are seen
         ;; as the `if's and `cond's they are; NAME must stay a call.
         (not-a-macro (cons (list name) macroexpand-all-environment))
         (expanded (macroexpand-all (macroexp-progn body) not-a-macro))
         (params (mapcar (lambda (v) (make-symbol (symbol-name v))) vars))
         (result (make-symbol "result"))
         (state (list name params result nil))
         (test (subr-x--loop-test expanded state))
         (rounds (and (nth 3 state)
                      ;; Each round binds the variables afresh, so a closure
                      ;; made in one round keeps that round's values.
                      `(let ((,result nil))
                         (while (let ,(cl-mapcar #'list vars params) ,test))
                         ,result))))
    ;; The initial values are computed first, outside the scope of NAME.
    `(let ,temps
       ,(if (and rounds (not (subr-x--mentions-p name test)))
            ;; Every use of NAME was a tail call, now part of the loop: what
            ;; `cl-labels' would make of the one remaining call, written
            ;; out without expanding it (which loads and runs cl-macs).
            (let ((fvar (make-symbol (format "--cl-%s--" name))))
              `(let* ((,fvar #'(lambda ,params ,rounds)))
                 (funcall ,fvar ,@(mapcar #'car temps))))
          `(cl-labels (,(if rounds `(,name ,params ,rounds) `(,name ,vars ,@body)))
             (,name ,@(mapcar #'car temps)))))))

(defun subr-x--mentions-p (symbol form) "Non-nil if SYMBOL occurs anywhere in FORM, quoted data included.
Also non-nil when FORM is too big to walk (over 100,000 conses): the
answer only decides whether a shortcut is safe."
  (let ((todo (list form)) (budget 100000) (found nil))
    (while (and todo (not found))
      (let ((x (pop todo)))
        (while (and (consp x) (not found))
          (setq budget (1- budget))
          (if (< budget 0)
              (setq found t)
            (push (car x) todo)
            (setq x (cdr x))))
        (if (eq x symbol) (setq found t))))
    found))

(if (fboundp 'subr--expand-definitions-now)
    (subr--expand-definitions-now
     '(internal--build-bindings subr-x--last-var subr-x--hash-collect
       subr-x--check-natnum string-limit string-truncate-left string-pad
       string-clean-whitespace subr-x--tail-rewrite subr-x--tail-rewrite-last)))

(defun replace-region-contents (beg end replace-fn &optional max-secs max-costs)
  "Replace the text from BEG to END by what REPLACE-FN gives, changing only what differs.
REPLACE-FN is called with the buffer narrowed to the region and point at its start; it
returns a string or a buffer, whose text goes in by `replace-buffer-contents' (MAX-SECS and
MAX-COSTS are passed on to it), so markers and properties in unchanged text stay."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end) (goto-char (point-min))
      (let ((new (funcall replace-fn)))
        (if (bufferp new)
            (replace-buffer-contents new max-secs max-costs)
          ;; A string goes through a scratch buffer of its own.
          (let ((scratch (generate-new-buffer " *replace-region-contents*")))
            (unwind-protect
                (progn (with-current-buffer scratch (insert new))
                       (replace-buffer-contents scratch max-secs max-costs))
              (kill-buffer scratch))))))))

(defun string-fill (string length) "Wrap STRING at whitespace so that its lines are at most LENGTH wide where words allow.
Paragraphs (parts separated by a blank line) are wrapped apart, runs of
whitespace inside one become single spaces and its leading whitespace
stays; a word longer than LENGTH gets a line of its own."
  (unless (numberp length)
    (signal 'wrong-type-argument (list 'number-or-marker-p length)))
  (mapconcat
   (lambda (para)
     (let* ((lead (progn (string-match "\\`[ \t\n]*" para) (match-string 0 para)))
            (words (split-string (substring para (match-end 0)) "[ \t\n]+" t))
            (out lead)
            (column (- (length lead)
                       (let ((nl (string-match "\n[^\n]*\\'" lead)))
                         (if nl (1+ nl) 0)))))
       (when words
         (setq out (concat out (car words))
               column (+ column (length (car words))))
         (dolist (word (cdr words))
           (if (<= (+ column 1 (length word)) length)
               (setq out (concat out " " word)
                     column (+ column 1 (length word)))
             (setq out (concat out "\n" word)
                   column (length word)))))
       out))
   (split-string string "\n\n")
   "\n\n"))

(provide 'subr-x)

