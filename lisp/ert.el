;;; ert.el --- unit tests and their batch runner for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; Tests are defined with `ert-deftest' and checked with `should',
;; `should-not', `should-error' and `skip-unless'.  Only the batch runner
;; exists here: `ert-run-tests-batch' writes the same progress, report and
;; summary lines on stderr as GNU Emacs does, so scripts reading them and
;; test files written for GNU's ERT work unchanged.

;; GNU's ERT pulls in cl-lib and find-func, and test files are written
;; knowing that (buffer-tests.el adds to `find-function-regexp-alist').
(require 'cl-lib)
(require 'find-func)
(require 'backtrace)
(require 'pp)
;; cl-print, which prints a failure's backtrace, loads when one is printed.
(declare-function cl-prin1-to-string "cl-print" (object))

(defvar ert--find-test-regexp
  (concat "^[ \t]*(ert-deftest" find-function-space-re "%s\\(?:[ \t]\\|$\\)")
  "Regexp matching the start of the `ert-deftest' of test `%s'.")

(add-to-list 'find-function-regexp-alist '(ert--test . ert--find-test-regexp))

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(defvar ert-quiet nil "When non-nil, the batch runner prints only the unexpected results.")

(defvar ert-batch-backtrace-right-margin 70 "Column at which batch mode cuts backtrace lines.")

(defvar ert-debug-on-error nil "When non-nil, enter the debugger when a test signals an error.
The batch runner here never does; the variable exists for compatibility.")

(defvar ert--infos nil "Context pushed by `ert-info': a list of (PREFIX . MESSAGE), innermost first.")

(defvar ert--running-tests nil "The tests being run, innermost first (a test may run others).")

(defvar ert--assertion-log nil "While a test runs, a list whose car collects the assertions evaluated, newest first.")

;;;; Tests and results as structures

(cl-defstruct (ert-test (:copier nil))
  "A test: its NAME, DOCUMENTATION, BODY function and latest result."
  name documentation body most-recent-result
  (expected-result-type :passed) tags)

(cl-defstruct (ert-test-result (:copier nil))
  (messages nil) (should-forms nil) (duration 0))

(cl-defstruct (ert-test-passed (:include ert-test-result) (:copier nil)))

(cl-defstruct (ert-test-result-with-condition
               (:include ert-test-result) (:copier nil))
  ;; As in GNU's, none of the three may be left out when making one.
  (condition (cl-assert nil)) (backtrace (cl-assert nil)) (infos (cl-assert nil)))

(cl-defstruct (ert-test-failed (:include ert-test-result-with-condition)
                               (:copier nil)))
(cl-defstruct (ert-test-skipped (:include ert-test-result-with-condition)
                                (:copier nil)))
(cl-defstruct (ert-test-quit (:include ert-test-result-with-condition)
                             (:copier nil)))
(cl-defstruct (ert-test-aborted-with-non-local-exit
               (:include ert-test-result) (:copier nil)))

;;;; The registry: a test lives on the `ert--test' property of its name

(defun ert-test-boundp (symbol) "Return t if a test named SYMBOL is defined, else nil."
  (not (null (get symbol 'ert--test))))

(defun ert-get-test (symbol) "Return the test object named SYMBOL, or signal an error if there is none."
  (or (get symbol 'ert--test)
      (error "No test named `%S'" symbol)))

(defun ert-set-test (symbol definition) "Register the test object DEFINITION under the name SYMBOL; return it."
  (if symbol
      ;; As a definition, so that `symbol-file' and `find-function' find it.
      (define-symbol-prop symbol 'ert--test definition)
    (error "Attempt to define a test named nil")))

(defun ert-make-test-unbound (symbol) "Remove the test named SYMBOL, if any, and return SYMBOL."
  (prog1 symbol (put symbol 'ert--test nil)))

(defun ert-delete-test (test-name) "Forget the test named TEST-NAME; return TEST-NAME."
  (prog1 test-name (put test-name 'ert--test nil)))

(defun ert--defined-test-names () "The names of all defined tests, sorted alphabetically."
  (let ((names nil))
    (mapatoms (lambda (sym) (when (get sym 'ert--test) (push sym names))))
    (sort names #'string<)))

(defun ert-delete-all-tests () "Forget every defined test, then return t."
  (mapc #'ert-delete-test (ert--defined-test-names))
  t)

;;;; Defining tests

(defun ert--split-definition (items) "Split ITEMS, what follows the empty arglist of `ert-deftest'.
Return (DOC EXPECTED TAGS BODY); EXPECTED and TAGS are forms, or nil."
  (let (doc expected tags)
    (when (stringp (car items))
      (setq doc (pop items)))
    (while (keywordp (car items))
      (when (null (cdr items))
        (error "Value expected after keyword %S in %S" (car items) items))
      (pcase (car items)
        (:expected-result (setq expected (list (cadr items))))
        (:tags (setq tags (list (cadr items))))
        (key (error "Keyword argument %S not one of %S" key
                    '(:expected-result :tags))))
      (setq items (cddr items)))
    (list doc expected tags items)))

(defun ert--expand-body-in-test (body) "The forms of BODY with their macros expanded, letting them use `skip-unless'."
  (let ((env (cons (cons 'skip-unless
                         (lambda (form) (ert--assertion-call 'skip-unless form)))
                   macroexpand-all-environment)))
    (mapcar (lambda (form) (macroexpand-all form env)) body)))

(defmacro ert-deftest (name arglist &rest docstring-keys-and-body) "Register a test named NAME that runs BODY; ARGLIST is always ().
Before BODY may come a docstring, then the keywords :expected-result,
whose value is a result type (see `ert-test-result-type-p'), and
:tags, whose value is a list of symbols.  Both values are evaluated.
The test passes if BODY returns and fails if it signals; inside it,
`skip-unless' may skip it.

\(fn NAME () [DOCSTRING] [:expected-result TYPE] [:tags TAG-LIST] BODY...)"
  (declare (doc-string 3) (indent 2)
           (debug (&define [&name "test@" symbolp] sexp
                           [&optional stringp]
                           [&rest keywordp sexp] def-body)))
  (if arglist
      ;; GNU's destructuring of the empty arglist rejects anything else so.
      (signal 'wrong-number-of-arguments (list 'ert-deftest (length arglist)))
    (pcase-let* ((`(,doc ,expected ,tags ,body)
                  (ert--split-definition docstring-keys-and-body))
                 ;; The body runs with the `lexical-binding' in force where
                 ;; the test was defined.
                 (thunk `(lambda ()
                           (let ((lexical-binding ,lexical-binding))
                             ,@(ert--expand-body-in-test body)))))
      `(progn
         (ert-set-test ',name (make-ert-test :name ',name :documentation ,doc
                                             :body ,thunk
                                             :expected-result-type
                                             ,(if expected (car expected) :passed)
                                             :tags ,(if tags (car tags) ''())))
         ',name))))

;;;; Assertions

(defun ert-skip (data) "End the running test at once as skipped, the reason being DATA."
  (signal 'ert-test-skipped (cons data nil)))

(defun ert-pass () "End the running test at once, counting it as a pass."
  (throw 'ert--test-passes nil))

(defun ert-fail (data) "End the running test at once as a failure described by DATA."
  (signal 'ert-test-failed (list data)))

(defun ert--call-form-p (form) "Non-nil if FORM, already macroexpanded, calls a function by name."
  (let ((head (car-safe form)))
    (and head (symbolp head)
         (not (or (special-form-p head) (macrop head))))))

(defun ert--subject (form) "Code that evaluates FORM and yields (SHOWN . RESULT-THUNK).
SHOWN is how a report names the form.  For a function call, the
arguments are evaluated once, now, and SHOWN is the call with their
values; otherwise SHOWN is FORM itself."
  (let ((expanded
         ;; A form whose macros cannot expand stands for a call of `signal'
         ;; raising that error, so that the assertion reports it when it
         ;; runs (and `should-error' can expect it) rather than the whole
         ;; test failing to be defined.
         (condition-case err
             (macroexpand-all form macroexpand-all-environment)
           (error (list 'signal (list 'quote (car err)) (list 'quote (cdr err)))))))
    (if (ert--call-form-p expanded)
        `(ert--prepare-call ',(car expanded)
                            (lambda () (list ,@(cdr expanded))))
      `(cons ',expanded (lambda () ,expanded)))))

(defun ert--prepare-call (fn args-thunk) "Evaluate the arguments of a call of FN by calling ARGS-THUNK.
Return (SHOWN . RESULT-THUNK).  Should an argument signal an error,
the call becomes one of `signal' that raises that error again: it is
then reported as the error of the form under test.  The failure or
skip of an assertion among the arguments (or of a test they run)
reaches the debugger at once, so that the test it belongs to ends."
  (let ((args (condition-case err
                  (funcall args-thunk)
                ((debug ert-test-failed ert-test-skipped)
                 (setq fn 'signal)
                 (list (car err) (cdr err)))
                (error (setq fn 'signal)
                       (list (car err) (cdr err))))))
    (cons (cons fn args) (lambda () (apply fn args)))))

(defun ert--describe (whole shown value-cell) "The report list for assertion WHOLE whose form was SHOWN.
VALUE-CELL is nil if evaluation did not finish, else (VALUE)."
  (let ((explainer (and value-cell (consp shown) (symbolp (car shown))
                        (get (car shown) 'ert-explainer))))
    `(,whole :form ,shown
             ,@(and value-cell `(:value ,(car value-cell)))
             ,@(and explainer `(:explanation ,(apply explainer (cdr shown)))))))

(defun ert--log-assertion (report) "Remember REPORT among the running test's evaluated assertions."
  (when ert--assertion-log
    (push report (car ert--assertion-log))))

(defun ert--check (kind whole subject) "Run an assertion of KIND on SUBJECT, as built by `ert--subject'.
KIND is `should', `should-not' or `skip-unless'; WHOLE is the
assertion form.  Return the value of the form under test.  The
assertion is logged even when the form exits non-locally; an error
in the form of `skip-unless' skips the test."
  (let ((value-cell nil) (report nil))
    (unwind-protect
        (setq value-cell
              (list (if (eq kind 'skip-unless)
                        (condition-case nil
                            (funcall (cdr subject))
                          (error (ert-skip (ert--describe whole (car subject) nil))))
                      (funcall (cdr subject)))))
      (setq report (ert--describe whole (car subject) value-cell))
      (ert--log-assertion report))
    (let ((value (car value-cell)))
      (pcase kind
        ('should (unless value (ert-fail report)))
        ('should-not (when value (ert-fail report)))
        ('skip-unless (unless value (ert-skip report))))
      value)))

(defun ert--assertion-call (kind form) "Expansion of the assertion (KIND FORM)."
  `(ert--check ',kind '(,kind ,form) ,(ert--subject form)))

(defmacro should (form) "Fail the running test unless FORM evaluates to non-nil; return the value."
  (declare (debug t))
  (ert--assertion-call 'should form))

(defmacro should-not (form) "Fail the running test if FORM evaluates to non-nil; return nil."
  (declare (debug t))
  (ert--assertion-call 'should-not form))

(defun ert--error-type-match-p (condition types exact) "Non-nil if the error CONDITION is of one of TYPES.
TYPES is a symbol or a list of them, nil meaning any error.  When
EXACT, CONDITION's own symbol must be listed, not a parent of it."
  (let ((wanted (if (listp types) types (list types))))
    (or (null types)
        (if exact
            (memq (car condition) wanted)
          (cl-some (lambda (c) (memq c wanted))
                   (get (car condition) 'error-conditions))))))

(defun ert--check-error (whole subject type exclude-subtypes) "Check that the form of SUBJECT signals an error of TYPE; return it.
WHOLE is the `should-error' form; EXCLUDE-SUBTYPES is as there."
  (let* ((caught nil)
         (value (condition-case err
                    (funcall (cdr subject))
                  (error (setq caught err) nil))))
    (if (null caught)
        (let ((report (ert--describe whole (car subject) (list value))))
          (ert--log-assertion report)
          (ert-fail (append report
                            '(:fail-reason "did not signal an error"))))
      (let* ((logged (ert--describe whole (car subject) nil))
             (report (append logged (list :condition caught))))
        ;; The log holds the form; only a failure names the error.
        (ert--log-assertion logged)
        (cond
         ((not (ert--error-type-match-p caught type nil))
          (ert-fail (append report '(:fail-reason "the error signaled did not have the expected type"))))
         ((and exclude-subtypes
               (not (ert--error-type-match-p caught type t)))
          (ert-fail (append report '(:fail-reason "the error signaled was a subtype of the expected type")))))
        caught))))

(defmacro should-error (form &rest keys) "Fail the running test unless evaluating FORM signals an error.
KEYS may give :type, an error symbol or list of them (default
`error'), that the error must belong to, and :exclude-subtypes,
which when non-nil asks for the error's own symbol to be in :type.
Return the error as (ERROR-SYMBOL . DATA).

\(fn FORM &rest KEYS)" (declare (debug t))
  (let ((rest keys))
    (while rest
      (unless (memq (car rest) '(:type :exclude-subtypes))
        (error "Keyword argument %S not one of %S" (car rest)
               '(:type :exclude-subtypes)))
      (setq rest (cddr rest))))
  `(ert--check-error '(should-error ,form ,@keys)
                     ,(ert--subject form)
                     ,(if (plist-member keys :type) (plist-get keys :type) ''error)
                     ,(plist-get keys :exclude-subtypes)))

(defmacro ert-info (message-and-prefix &rest body) "Run BODY with a message about its context, used in failure reports.
MESSAGE-AND-PREFIX is (MESSAGE-FORM [:prefix PREFIX-FORM]); the prefix
defaults to \"Info: \".

\(fn (MESSAGE-FORM &key ((:prefix PREFIX-FORM) \"Info: \")) BODY...)" (declare (indent 1) (debug ((form &rest [sexp form]) body)))
  (let ((msg (car message-and-prefix))
        (prefix (let ((p (plist-member (cdr message-and-prefix) :prefix)))
                  (if p (cadr p) "Info: "))))
    `(let ((ert--infos (cons (cons ,prefix ,msg) ert--infos)))
       ,@body)))

(defun ert-equal-including-properties (a b) "Return non-nil if A and B are equal, text properties included.
Unlike `equal-including-properties', property values compare with `equal'."
  (not (ert--explain-equal-including-properties a b)))

;;;; Explaining inequality

;; A predicate's `ert-explainer' property names a function that, given the
;; arguments of a failed call, says how they differ; the explanation joins
;; the failure report under :explanation.

(defun ert--first-mismatch (a b) "The first index at which the sequences or records A and B differ.
When one is a prefix of the other, that is the shorter one's length."
  (let ((getter (if (listp a) (lambda (seq i) (nth i seq)) #'aref))
        (limit (min (length a) (length b))))
    (or (cl-loop for i below limit
                 unless (equal (funcall getter a i) (funcall getter b i))
                 return i)
        limit)))

(defun ert--explain-lists (a b) "Explain how the conses A and B, which are not `equal', differ."
  (let ((length-a (proper-list-p a))
        (length-b (proper-list-p b)))
    (cond
     ((and length-a length-b)
      (let ((at (ert--first-mismatch a b)))
        (if (/= length-a length-b)
            `(proper-lists-of-different-length ,length-a ,length-b ,a ,b
                                               first-mismatch-at ,at)
          `(list-elt ,at ,(ert--explain-equal-rec (nth at a) (nth at b))))))
     ((or length-a length-b) `(one-list-proper-one-improper ,a ,b))
     ;; Two dotted lists: descend into the first half that differs.
     ((equal (car a) (car b)) `(cdr ,(ert--explain-equal-rec (cdr a) (cdr b))))
     (t `(car ,(ert--explain-equal-rec (car a) (car b)))))))

(defun ert--explain-equal-rec (a b) "Say how A and B differ, as a list, or return nil if they are `equal'."
  (cond
   ((equal a b) nil)
   ((not (eq (type-of a) (type-of b))) `(different-types ,a ,b))
   ((consp a) (ert--explain-lists a b))
   ((or (arrayp a) (recordp a))
    ;; A raw byte of a unibyte string is compared as the multibyte
    ;; character it stands for.
    (when (stringp a)
      (setq a (string-to-multibyte a) b (string-to-multibyte b)))
    (let ((at (ert--first-mismatch a b))
          (len-a (length a))
          (len-b (length b)))
      (if (= len-a len-b)
          `(array-elt ,at ,(ert--explain-equal-rec (aref a at) (aref b at)))
        `(arrays-of-different-length ,len-a ,len-b ,a ,b first-mismatch-at ,at))))
   ((and (symbolp a) (string= (symbol-name a) (symbol-name b)))
    `(different-symbols-with-the-same-name ,a ,b))
   (t `(different-atoms ,(ert--explain-format-atom a)
                        ,(ert--explain-format-atom b)))))

(defun ert--explain-format-atom (x) "X as an explanation presents it.
An integer comes with its hexadecimal form and, when it is a
character, with that character."
  (if (integerp x)
      `(,x ,(format "#x%x" x) ,@(and (characterp x) (list (format "?%c" x))))
    x))

(defun ert--explain-equal (a b) "Explain why A and B are not `equal', or return nil if they are."
  (and (not (equal a b)) (ert--explain-equal-rec a b)))

(defun ert--explain-string-equal (a b) "Say how the strings (or symbol names) A and B differ, or return nil."
  (let ((a (if (symbolp a) (symbol-name a) a))
        (b (if (symbolp b) (symbol-name b) b)))
    (and (not (string-equal a b))
         (ert--explain-equal-rec a b))))

(defun ert--significant-plist-keys (plist) "The keys of PLIST that have a non-nil value, each once, in order."
  (let ((seen nil))
    (while plist
      (let ((key (pop plist)) (value (pop plist)))
        (when (and value (not (memq key seen)))
          (push key seen))))
    (nreverse seen)))

(defun ert--plist-difference-explanation (a b) "Explain the first difference between the property lists A and B, or nil.
A key missing from a list counts as having the value nil there; the
keys with a value in A are looked at first, then those only B has."
  (let* ((keys-a (ert--significant-plist-keys a))
         (keys (append keys-a
                       (cl-remove-if (lambda (k) (memq k keys-a))
                                     (ert--significant-plist-keys b))))
         (key (cl-find-if (lambda (k)
                            (not (equal (plist-get a k) (plist-get b k))))
                          keys)))
    (and key
         `(different-properties-for-key
           ,key ,(ert--explain-equal-rec (plist-get a key) (plist-get b key))))))

(defun ert--explain-equal-including-properties (a b) "Say how the strings A and B differ, text properties included, or return nil."
  (cond
   ((not (equal a b)) (ert--explain-equal-rec a b))
   ;; Only strings carry properties; other equal objects are alike.
   ((stringp a)
    (let ((i 0) (end (length a)) (found nil))
      (while (and (null found) (< i end))
        (setq found (ert--plist-difference-explanation
                     (text-properties-at i a) (text-properties-at i b)))
        (unless found (cl-incf i)))
      (and found
           `(char ,i ,(substring-no-properties a i (1+ i)) ,found
                  context-before ,(substring-no-properties a (max 0 (- i 10)) i)
                  context-after ,(substring-no-properties
                                  a (1+ i) (min end (+ i 11)))))))))

(put 'equal 'ert-explainer 'ert--explain-equal)
(put 'string-equal 'ert-explainer 'ert--explain-string-equal)
(put 'ert-equal-including-properties 'ert-explainer
     'ert--explain-equal-including-properties)

;;;; Small string and list helpers

(defun ert--string-first-line (s) "The text of the string S up to its first newline."
  (substring s 0 (string-match-p "\n" s)))

(defun ert--abbreviate-string (s len suffixp) "S cut to at most LEN characters: its last ones if SUFFIXP, else its first ones."
  (let ((n (length s)))
    (cond ((<= n len) s)
          (suffixp (substring s (- n len)))
          (t (substring s 0 len)))))

(defun ert--special-operator-p (thing) "Non-nil if THING is a symbol whose definition, followed through aliases, is a special form."
  (and (symbolp thing)
       (let ((def (indirect-function thing)))
         (and (subrp def) (special-form-p def)))))

(defun ert--parse-keys-and-body (items) "Split ITEMS into its leading keywords and values, and the rest.
Return (PLIST BODY).  A keyword without a value after it is an error."
  (let ((plist nil) (whole items))
    (while (keywordp (car items))
      (unless (cdr items)
        (error "Value expected after keyword %S in %S" (car items) whole))
      (push (pop items) plist)
      (push (pop items) plist))
    (list (nreverse plist) items)))

;;;; Result types

(defun ert-test-result-type-p (result result-type) "Return non-nil if the test RESULT is described by RESULT-TYPE.
RESULT-TYPE is nil (never), t (always), :passed, :failed or
:skipped, or a combination (and TYPES...), (or TYPES...), (not TYPE)
or (satisfies PREDICATE)."
  (cond
   ((eq result-type nil) nil)
   ((eq result-type t) t)
   ((eq result-type :passed) (ert-test-passed-p result))
   ((eq result-type :failed) (ert-test-failed-p result))
   ((eq result-type :skipped) (ert-test-skipped-p result))
   ((consp result-type)
    (let ((args (cdr result-type)))
      (pcase (car result-type)
        ('and (cl-every (lambda (ty) (ert-test-result-type-p result ty)) args))
        ('or (cl-some (lambda (ty) (ert-test-result-type-p result ty)) args))
        ('not (not (ert-test-result-type-p result (car args))))
        ('satisfies (funcall (car args) result))
        (op (error "cl-ecase failed: %s, %s" op '(and or not satisfies))))))
   (t (error "No clause matching `%S'" result-type))))

(defun ert-test-result-expected-p (test result) "Return non-nil if RESULT is what TEST was declared to produce.
A skipped test always counts as expected."
  (let ((wanted (ert-test-expected-result-type test)))
    (if (ert-test-skipped-p result) t
      (ert-test-result-type-p result wanted))))

;;;; The message log

(defun ert--force-message-log-buffer-truncation () "Cut the *Messages* buffer down to its last `message-log-max' lines now.
Emacs cuts the log only as it adds a message; a test run with the log
unlimited calls this afterwards.  Nothing is cut unless the limit is an
integer."
  (when (integerp message-log-max)
    (with-current-buffer (messages-buffer)
      (let ((inhibit-read-only t))
        (save-excursion
          (goto-char (point-max))
          (forward-line (- message-log-max))
          (delete-region (point-min) (point)))))))

;;;; Running one test
;;
;; A test runs with `debug-on-error' on and `debugger' bound to a hook of
;; ours: an error that nothing in or around the test handles reaches the
;; hook before the stack unwinds, so the result records the calls active
;; when it was signaled.  An error that a `condition-case' outside
;; `ert-run-test' handles goes there instead, as in GNU Emacs.

(cl-defstruct (ert--test-execution-info (:copier nil)
                                        (:constructor ert--new-execution-info))
  test result exit-continuation next-debugger ert-debug-on-error)

(defun ert--frames-below-debugger () "The active calls under the test debugger's own, as `backtrace-frame' objects."
  ;; The frames start with the debugger's and the closure that called it.
  (nthcdr 2 (backtrace-get-frames #'ert--run-test-debugger)))

(defun ert--run-test-debugger (info args) "Record in INFO the outcome of the error the debugger was called for with ARGS.
Then pass the call on to the previous debugger when `ert-debug-on-error'
was set as the test started, and end the test."
  (if (not (eq (car args) 'error))
      (apply (ert--test-execution-info-next-debugger info) args)
    ;; Emacs enters the debugger once per command: count this entry as
    ;; one, so that the next test's error reaches the debugger too.
    (cl-incf num-nonmacro-input-events)
    (let* ((condition (cadr args))
           (frames (ert--frames-below-debugger))
           (infos (reverse ert--infos))
           (result (cl-case (car condition)
                     (ert-test-skipped
                      (make-ert-test-skipped :condition condition :backtrace frames
                                             :infos infos))
                     (quit (make-ert-test-quit :condition condition :backtrace frames
                                               :infos infos))
                     (t (make-ert-test-failed :condition condition :backtrace frames
                                              :infos infos)))))
      (setf (ert--test-execution-info-result info) result)
      (when (ert--test-execution-info-ert-debug-on-error info)
        (apply (ert--test-execution-info-next-debugger info) args))
      (funcall (ert--test-execution-info-exit-continuation info)))))

(defun ert--run-test-internal (info) "Call the body of the test of INFO with the test debugger in place.
A body that returns leaves a passed result in INFO."
  (let ((ert--infos nil)
        (debug-on-error t)
        (debug-on-quit t)
        (debug-ignored-errors nil)
        (backtrace-on-error-noninteractive nil)
        (debugger (lambda (&rest args) (ert--run-test-debugger info args))))
    (catch 'ert--test-passes
      (funcall (ert-test-body (ert--test-execution-info-test info))))
    (setf (ert--test-execution-info-result info) (make-ert-test-passed)))
  nil)

(defun ert-running-test () "Return the test being run, the outermost one when tests run tests; nil outside of a test."
  (car (last ert--running-tests)))

(defun ert-run-test (ert-test) "Run the test ERT-TEST, record the outcome in it and return that result."
  (setf (ert-test-most-recent-result ert-test) nil)
  (let* ((log (list nil))
         (log-buffer (messages-buffer))
         (log-start (with-current-buffer log-buffer (point-max-marker)))
         (exit (make-symbol "ert-test-exit"))
         (info (ert--new-execution-info
                :test ert-test
                ;; Kept only if the body escapes by a throw to an outer catch.
                :result (make-ert-test-aborted-with-non-local-exit)
                :exit-continuation (lambda () (throw exit nil))
                :next-debugger debugger
                :ert-debug-on-error ert-debug-on-error)))
    (unwind-protect
        (let ((ert--running-tests (cons ert-test ert--running-tests))
              (ert--assertion-log log)
              (message-log-max t))
          (catch exit (ert--run-test-internal info)))
      (let ((outcome (ert--test-execution-info-result info)))
        (setf (ert-test-result-messages outcome)
              (with-current-buffer log-buffer
                (buffer-substring-no-properties (min log-start (point-max))
                                                (point-max)))
              (ert-test-result-should-forms outcome) (reverse (car log))
              (ert-test-most-recent-result ert-test) outcome)
        (set-marker log-start nil)
        ;; The test logged without limit: now apply the caller's.
        (ert--force-message-log-buffer-truncation)))
    (ert-test-most-recent-result ert-test)))

;;;; Selecting tests

(defun ert--test-of (designator) "The test DESIGNATOR stands for: a test object or the name of one."
  (if (ert-test-p designator) designator (ert-get-test designator)))

(defun ert--combine-selection (op args pool) "The tests of POOL chosen by the compound selector (OP . ARGS)."
  (cl-flet ((within (pred) (cl-remove-if-not pred pool)))
    (cl-case op
      (member (mapcar #'ert--test-of args))
      (eql (list (ert--test-of (car args))))
      (and
       (let ((remaining pool))
         (while args
           (setq remaining (ert-select-tests (pop args) remaining)))
         remaining))
      (or
       ;; The union keeps POOL's order, whatever the order of ARGS.
       (let ((union nil))
         (dolist (sub args)
           (setq union (append (ert-select-tests sub pool) union)))
         (within (lambda (test) (memq test union)))))
      (not
       (let ((excluded (ert-select-tests (car args) pool)))
         (within (lambda (test) (not (memq test excluded))))))
      (tag
       (within (lambda (test) (member (car args) (ert-test-tags test)))))
      (satisfies (within (car args)))
      (t (error "cl-ecase failed: %s, %s" op
                '(member eql and not or tag satisfies))))))

(defun ert-select-tests (selector universe) "Return the tests of UNIVERSE that SELECTOR chooses.
UNIVERSE is a list of tests, or t for every defined test.  SELECTOR
is nil (none), t (all), :new, :failed, :passed, :expected,
:unexpected, a regexp matched against test names, a test or test
name, or one of (member TESTS...), (eql TEST), (and SELECTORS...),
\(or SELECTORS...), (not SELECTOR), (tag TAG), (satisfies PREDICATE)."
  (let ((pool (if (eq universe t)
                  (mapcar #'ert-get-test (ert--defined-test-names))
                universe)))
    (cl-flet ((within (pred) (cl-remove-if-not pred pool)))
      (cond
       ((eq selector nil) nil)
       ((eq selector t) pool)
       ((memq selector '(:new :failed :passed :expected :unexpected))
        (within
         (lambda (test)
           (let ((last (ert-test-most-recent-result test)))
             (cl-case selector
               (:new (null last))
               (:expected (ert-test-result-expected-p test last))
               (:unexpected (not (ert-test-result-expected-p test last)))
               (t (ert-test-result-type-p last selector)))))))
       ((stringp selector)
        (within (lambda (test)
                  (let ((name (ert-test-name test)))
                    (and name (string-match selector (symbol-name name)))))))
       ;; A single test, given as itself or by its name.
       ((or (ert-test-p selector)
            (and (symbolp selector) (not (keywordp selector))))
        (list (ert--test-of selector)))

       ((consp selector)
        (ert--combine-selection (car selector) (cdr selector) pool))
       (t (error "No clause matching `%S'" selector))))))

;;;; Statistics of a run

(cl-defstruct (ert--stats (:copier nil) (:constructor ert--new-stats))
  selector (tests []) test-map (test-results []) (test-start-times [])
  (test-end-times []) (passed-expected 0) (passed-unexpected 0)
  (failed-expected 0) (failed-unexpected 0) (skipped 0)
  start-time end-time aborted-p current-test (next-redisplay 0.0))

(defun ert--stats-test-key (test) "The key under which TEST's position is kept: its name, or itself if it has none."
  (or (ert-test-name test) test))

(defun ert--make-stats (tests selector) "Return the statistics of a run of TESTS, chosen by SELECTOR, before any has run."
  (let* ((all (vconcat tests))
         (n (length all))
         (positions (make-hash-table :size n)))
    (dotimes (i n)
      (puthash (ert--stats-test-key (aref all i)) i positions))
    (ert--new-stats :selector selector :tests all :test-map positions
                    :test-results (make-vector n nil)
                    :test-start-times (make-vector n nil)
                    :test-end-times (make-vector n nil))))

(defun ert--stats-test-pos (stats test) "The position of TEST among the tests of STATS, or nil."
  (gethash (ert--stats-test-key test) (ert--stats-test-map stats)))

(defun ert-stats-completed-expected (stats) "The number of tests of the run STATS that passed or failed as expected."
  (+ (ert--stats-failed-expected stats) (ert--stats-passed-expected stats)))

(defun ert-stats-completed-unexpected (stats) "The number of tests of the run STATS whose pass or failure was a surprise."
  (+ (ert--stats-passed-unexpected stats) (ert--stats-failed-unexpected stats)))

(defun ert-stats-total (stats) "The number of tests selected for the run STATS."
  (length (ert--stats-tests stats)))

(defalias 'ert-stats-skipped #'ert--stats-skipped
  "The number of tests of the run STATS that were skipped.

\(fn STATS)")

(defun ert-stats-completed (stats) "The number of tests of the run STATS that have a result so far."
  (let ((decided (ert-stats-completed-expected stats)))
    (+ decided (ert-stats-completed-unexpected stats) (ert--stats-skipped stats))))

(defun ert--tally (stats test result delta) "Add DELTA to the counter of STATS that RESULT, the outcome of TEST, belongs to.
A nil RESULT (not run yet) is in none."
  (when result
    (let ((expected (ert-test-result-expected-p test result)))
      (cond
       ((ert-test-skipped-p result) (cl-incf (ert--stats-skipped stats) delta))
       ((ert-test-passed-p result)
        (if expected
            (cl-incf (ert--stats-passed-expected stats) delta)
          (cl-incf (ert--stats-passed-unexpected stats) delta)))
       ((ert-test-failed-p result)
        (if expected
            (cl-incf (ert--stats-failed-expected stats) delta)
          (cl-incf (ert--stats-failed-unexpected stats) delta)))))))

(defun ert--stats-set-test-and-result (stats pos test result) "Make TEST, with RESULT, the test at position POS of STATS, keeping the counters right."
  (let ((tests (ert--stats-tests stats))
        (results (ert--stats-test-results stats))
        (positions (ert--stats-test-map stats)))
    (ert--tally stats (aref tests pos) (aref results pos) -1)
    (remhash (ert--stats-test-key (aref tests pos)) positions)
    (aset tests pos test)
    (aset results pos result)
    (puthash (ert--stats-test-key test) pos positions)
    (ert--tally stats test result 1)
    nil))

;;;; Batch output

(defun ert--year-length (year) "The number of days in the Gregorian YEAR."
  (if (and (zerop (mod year 4))
           (or (/= 0 (mod year 100)) (zerop (mod year 400))))
      366
    365))

(defun ert--utc-date (days) "Return (YEAR MONTH DAY) of the date DAYS days after 1970-01-01."
  (let ((year 1970) (month 1))
    (while (>= days (ert--year-length year))
      (setq days (- days (ert--year-length year)))
      (cl-incf year))
    (let ((lengths (list 31 (- (ert--year-length year) 337)
                         31 30 31 30 31 31 30 31 30 31)))
      (while (>= days (car lengths))
        (setq days (- days (pop lengths)))
        (setq month (+ month 1))))
    (list year month (1+ days))))

(defun ert--timestamp (time) "TIME, in seconds since the epoch, as the date and time of a run report."
  (let* ((secs (floor time))
         (day-secs (mod secs 86400))
         (date (ert--utc-date (/ (- secs day-secs) 86400))))
    ;; tsmacs keeps no time zone database: the report is in UTC.
    (format "%04d-%02d-%02d %02d:%02d:%02d+0000"
            (nth 0 date) (nth 1 date) (nth 2 date)
            (/ day-secs 3600) (/ (mod day-secs 3600) 60) (mod day-secs 60))))

(defun ert-string-for-test-result (result expectedp) "The word naming RESULT in a report: lower case if EXPECTEDP, else upper."
  (let ((word (cond
               ((null result) "unknown")
               ((ert-test-passed-p result) "passed")
               ((ert-test-failed-p result) "failed")
               ((ert-test-skipped-p result) "skipped")
               ((ert-test-quit-p result) "quit")
               ((ert-test-aborted-with-non-local-exit-p result) "aborted")
               (t (error "cl-etypecase failed: %s, %s" result
                         '(ert-test-passed ert-test-failed ert-test-skipped null
                           ert-test-aborted-with-non-local-exit ert-test-quit))))))
    (if expectedp word (upcase word))))

(defconst ert--batch-plumbing
  '(ert--run-test-internal ert-run-test ert-run-or-rerun-test ert-run-tests
    ert-run-tests-batch ert-run-tests-batch-and-exit)
  "The calls of ERT's own that a batch backtrace shows under the test's body.")

(defun ert--frame-line (frame) "The line of a batch backtrace for FRAME, before it is cut to the margin."
  (let* ((fun (backtrace-frame-fun frame))
         (args (backtrace-frame-args frame))
         (ours (and (symbolp fun) (memq fun ert--batch-plumbing)))
         ;; Only the start of a line is shown: ERT's own structures, which
         ;; hold every test, are printed shallowly.
         (print-level (if ours 4 10))
         (print-length (if ours 12 30))
         (print-escape-newlines t)
         (print-escape-control-characters t))
    (concat "  "
            (if (backtrace-frame-evald frame)
                (concat (cl-prin1-to-string fun)
                        (if args (cl-prin1-to-string args) "()"))
              (cl-prin1-to-string (cons fun args))))))

(defun ert--batch-backtrace-frames (test frames) "The FRAMES of TEST's failure that a batch report shows.
Under the call of the test's body, only the calls of functions of
ERT's that GNU Emacs shows, and those outside of ERT, are kept."
  (let ((body (ert-test-body test)) (shown nil) (below nil))
    (dolist (frame frames)
      (let ((fun (backtrace-frame-fun frame)))
        (cond
         ((not below)
          (push frame shown)
          (when (and (backtrace-frame-evald frame) (eq fun body))
            (setq below t)))
         ((not (backtrace-frame-evald frame)))
         ((memq fun '(funcall apply)))
         ((and (symbolp fun) (string-prefix-p "ert-" (symbol-name fun))
               (not (memq fun ert--batch-plumbing))))
         (t (push frame shown)))))
    (nreverse shown)))

(defun ert--print-backtrace (test frames) "Print on stderr the batch backtrace of TEST's failure from FRAMES."
  (let ((margin ert-batch-backtrace-right-margin))
    (dolist (frame (ert--batch-backtrace-frames test frames))
      (let ((line (ert--frame-line frame)))
        (message "%s" (if (and margin (> (length line) margin))
                          (substring line 0 margin)
                        line))))))

(defun ert--pp-condition (condition) "CONDITION pretty-printed for a batch report, indented by four columns, without a final newline."
  (let ((print-escape-newlines t) (print-escape-control-characters t)
        (print-level 5) (print-length 10))
    (with-temp-buffer
      (insert (pp-to-string condition))
      (indent-rigidly (point-min) (point-max) 4)
      (goto-char (point-max))
      (skip-chars-backward "\n")
      (buffer-substring (point-min) (point)))))

(defun ert--report-surprise (test result) "Print on stderr why TEST, whose RESULT was not the expected one, is so."
  (require 'cl-print)
  (let ((name (ert-test-name test)))
    (cond
     ((ert-test-passed-p result)
      (message "Test %S passed unexpectedly" name))
     ((ert-test-result-with-condition-p result)
      (message "Test %S backtrace:" name)
      (ert--print-backtrace test (ert-test-result-with-condition-backtrace result))
      (message "Test %S condition:" name)
      (pcase-dolist (`(,prefix . ,text)
                     (ert-test-result-with-condition-infos result))
        (message "    %s%s" prefix text))
      (message "%s" (ert--pp-condition
                     (ert-test-result-with-condition-condition result))))
     (t (message "Test %S aborted with non-local exit" name)))))

(defun ert--list-results (stats heading pred) "Print HEADING, then each test of STATS whose result satisfies PRED."
  (message "%s" heading)
  (let ((tests (ert--stats-tests stats))
        (results (ert--stats-test-results stats)))
    (dotimes (i (length tests))
      (let ((result (aref results i)))
        (when (funcall pred (aref tests i) result)
          (message "%9s  %S" (ert-string-for-test-result result nil)
                   (ert-test-name (aref tests i)))))))
  (message ""))

(defun ert--print-summary (stats) "Print the closing summary of the run STATS on stderr."
  (let* ((n-total (length (ert--stats-test-results stats)))
         (n-expected (ert-stats-completed-expected stats))
         (n-unexpected (ert-stats-completed-unexpected stats))
         (n-skipped (ert--stats-skipped stats))
         (n-expected-failures (ert--stats-failed-expected stats))
         (finish (ert--stats-end-time stats))
         (elapsed (- finish (ert--stats-start-time stats))))
    (message "\n%sRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)%s\n"
             (if (ert--stats-aborted-p stats) "Aborted: " "")
             n-total n-expected n-unexpected
             (if (> n-skipped 0) (format ", %s skipped" n-skipped) "")
             (ert--timestamp finish)
             elapsed
             (if (> n-expected-failures 0)
                 (format "\n%s expected failures" n-expected-failures)
               ""))
    (when (> n-unexpected 0)
      (ert--list-results stats (format "%s unexpected results:" n-unexpected)
                         (lambda (test result)
                           (not (ert-test-result-expected-p test result)))))
    (when (> n-skipped 0)
      (ert--list-results stats (format "%s skipped results:" n-skipped)
                         (lambda (_test result) (ert-test-skipped-p result))))))

(defun ert-run-or-rerun-test (stats test listener) "Run TEST, one of the tests of the run STATS, and count its result there.
LISTENER hears of the start and the end of the test."
  (let ((pos (ert--stats-test-pos stats test)))
    (ert--stats-set-test-and-result stats pos test nil)
    (setf (ert--stats-current-test stats) test)
    (aset (ert--stats-test-start-times stats) pos (float-time))
    (funcall listener 'test-started stats test)
    ;; A test escaping by a throw still ends, as aborted, before the run
    ;; itself ends.
    (unwind-protect (ert-run-test test)
      (let ((result (ert-test-most-recent-result test))
            (ended (float-time)))
        (aset (ert--stats-test-end-times stats) pos ended)
        (setf (ert-test-result-duration result)
              (- ended (aref (ert--stats-test-start-times stats) pos)))
        (ert--stats-set-test-and-result stats pos test result)
        (setf (ert--stats-current-test stats) nil)
        (funcall listener 'test-ended stats test result)))))

(defun ert-run-tests (selector listener &optional _interactively) "Run the tests SELECTOR chooses and return the statistics of the run.
LISTENER is called as the run goes with an event and its arguments:
`run-started' (STATS), `test-started' (STATS TEST), `test-ended'
\(STATS TEST RESULT), once STATS counts RESULT, and `run-ended'
\(STATS ABORTEDP), even when a test escapes the run by a throw."
  (let ((stats (ert--make-stats (ert-select-tests selector t) selector)))
    (setf (ert--stats-start-time stats) (float-time)
          (ert--stats-aborted-p stats) t)
    (funcall listener 'run-started stats)
    (unwind-protect
        (progn
          (cl-loop for test across (ert--stats-tests stats)
                   do (ert-run-or-rerun-test stats test listener))
          (setf (ert--stats-aborted-p stats) nil))
      (setf (ert--stats-end-time stats) (float-time))
      (funcall listener 'run-ended stats (ert--stats-aborted-p stats)))
    stats))

(defun ert--batch-listener (event stats &rest args) "Print on stderr what the batch runner says of EVENT in the run STATS.
ARGS are the further arguments of EVENT, as `ert-run-tests' gives them."
  (let ((total (number-to-string (ert-stats-total stats))))
    (cond
     ((eq event 'run-started)
      (or ert-quiet
          (message "Running %s tests (%s, selector `%S')" total
                   (ert--timestamp (ert--stats-start-time stats))
                   (ert--stats-selector stats))))
     ((eq event 'test-ended)
      (pcase-let* ((`(,test ,result) args)
                   (expected (ert-test-result-expected-p test result)))
        (unless expected
          (ert--report-surprise test result))
        (or ert-quiet
            ;; The index is right-aligned to the width of the total.
            (message (format "%%9s  %%%dd/%s  %%S (%%f sec)" (length total) total)
                     (ert-string-for-test-result result expected)
                     (1+ (ert--stats-test-pos stats test))
                     (ert-test-name test) (ert-test-result-duration result)))))
     ((eq event 'run-ended) (ert--print-summary stats)))))



(defun ert-run-tests-batch (&optional selector) "Run the tests SELECTOR chooses (all tests when nil), reporting on stderr.
Return the statistics of the run."
  (ert-run-tests (or selector t) #'ert--batch-listener))

(defun ert-run-tests-batch-and-exit (&optional selector) "Run the tests SELECTOR chooses as `ert-run-tests-batch' does, then exit.
The exit status is 0 if every result was expected, 1 if not, and 2
if the tests could not be run."
  (let ((code 2))
    (unwind-protect
        (setq code (if (zerop (ert-stats-completed-unexpected
                               (ert-run-tests-batch selector)))
                       0
                     1))
      (when (eql code 2)
        (message "Error running tests"))
      (kill-emacs code))))

(provide 'ert)
