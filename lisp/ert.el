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

(defvar ert--info-stack nil "Context pushed by `ert-info': a list of (PREFIX . MESSAGE), innermost first.")

(defvar ert--current-test nil "The test being run, or nil.")

(defvar ert--assertion-log nil "While a test runs, a cons (ASSERTIONS . INFOS).
ASSERTIONS collects, newest first, the assertions the test evaluated;
and INFOS is (DATA . CONTEXT), DATA being what the latest `ert-fail'
reported and CONTEXT the `ert--info-stack' then in force.")

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
  condition backtrace infos)

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

(defun ert--expand-body-in-test (body) "Expand the macros of BODY, letting it use `skip-unless'."
  (let ((skip-entry (cons 'skip-unless
                          (lambda (form) (ert--assertion-call 'skip-unless form)))))
    (macroexpand-all `(progn ,@body)
                     (cons skip-entry macroexpand-all-environment))))

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
                             ,(ert--expand-body-in-test body)))))
      `(progn
         (ert-set-test ',name (make-ert-test :name ',name :documentation ,doc
                                             :body ,thunk
                                             :expected-result-type
                                             ,(if expected (car expected) :passed)
                                             :tags ,(if tags (car tags) ''())))
         ',name))))

;;;; Assertions

(defun ert-pass () "End the running test at once, counting it as a pass."
  (throw 'ert--passed-early nil))

(defun ert-fail (data) "End the running test at once as a failure described by DATA."
  ;; The `ert-info' context is gone once the signal unwinds: keep it now.
  (when ert--assertion-log
    (setcdr ert--assertion-log (cons data ert--info-stack)))
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data) "End the running test at once as skipped, the reason being DATA."
  (signal 'ert-test-skipped (list data)))

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
then reported as the error of the form under test."
  (let ((args (condition-case err
                  (funcall args-thunk)
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
assertion form.  Return the value of the form under test."
  (let* ((value (funcall (cdr subject)))
         (report (ert--describe whole (car subject) (list value))))
    (ert--log-assertion report)
    (pcase kind
      ('should (unless value (ert-fail report)))
      ('should-not (when value (ert-fail report)))
      ('skip-unless (unless value (ert-skip report))))
    value))

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
      (let ((report (append (ert--describe whole (car subject) nil)
                            (list :condition caught))))
        (ert--log-assertion report)
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
    `(let ((ert--info-stack (cons (cons ,prefix ,msg) ert--info-stack)))
       ,@body)))

(defun ert-equal-including-properties (a b) "Return non-nil if A and B are equal, text properties included.
Unlike `equal-including-properties', property values compare with `equal'."
  (not (ert--diff-with-properties a b)))

;;;; Explaining inequality
;;
;; An `ert-explainer' property on a predicate names a function that, given
;; the arguments of a failed call, says how they differ.  The explanation
;; is added to the failure report under :explanation.

(defun ert--atom-for-explanation (x) "X as an explanation presents it.
An integer comes with its hexadecimal form and, when it is a
character, with that character."
  (if (integerp x)
      `(,x ,(format "#x%x" x) ,@(and (characterp x) (list (format "?%c" x))))
    x))

(defun ert--index-of-difference (a b) "The first index at which the sequences or records A and B differ.
When one is a prefix of the other, that is the shorter one's length."
  (let ((getter (if (listp a) (lambda (seq i) (nth i seq)) #'aref))
        (limit (min (length a) (length b))))
    (or (cl-loop for i below limit
                 unless (equal (funcall getter a i) (funcall getter b i))
                 return i)
        limit)))

(defun ert--diff-conses (a b) "Explain how the conses A and B, which are not `equal', differ."
  (let ((length-a (proper-list-p a))
        (length-b (proper-list-p b)))
    (cond
     ((and length-a length-b)
      (let ((at (ert--index-of-difference a b)))
        (if (/= length-a length-b)
            `(proper-lists-of-different-length ,length-a ,length-b ,a ,b
                                               first-mismatch-at ,at)
          `(list-elt ,at ,(ert--diff-any (nth at a) (nth at b))))))
     ((or length-a length-b) `(one-list-proper-one-improper ,a ,b))
     ;; Two dotted lists: descend into the first half that differs.
     ((equal (car a) (car b)) `(cdr ,(ert--diff-any (cdr a) (cdr b))))
     (t `(car ,(ert--diff-any (car a) (car b)))))))

(defun ert--diff-any (a b) "Say how A and B differ, as a list, or return nil if they are `equal'."
  (cond
   ((equal a b) nil)
   ((not (eq (type-of a) (type-of b))) `(different-types ,a ,b))
   ((consp a) (ert--diff-conses a b))
   ((or (arrayp a) (recordp a))
    (let ((at (ert--index-of-difference a b))
          (len-a (length a))
          (len-b (length b)))
      (if (= len-a len-b)
          `(array-elt ,at ,(ert--diff-any (aref a at) (aref b at)))
        `(arrays-of-different-length ,len-a ,len-b ,a ,b first-mismatch-at ,at))))


   (t `(different-atoms ,(ert--atom-for-explanation a)
                        ,(ert--atom-for-explanation b)))))

(defun ert--diff-strings (a b) "Say how the strings (or symbol names) A and B differ, or return nil."
  (let ((a (if (symbolp a) (symbol-name a) a))
        (b (if (symbolp b) (symbol-name b) b)))
    (and (not (string-equal a b))
         (ert--diff-any a b))))

(defun ert--diff-plists (a b) "Explain the first difference between the property lists A and B, or nil.
Properties only one list has come first, then those whose values differ."
  (let* ((keys-a (cl-loop for key in a by #'cddr collect key))
         (keys-b (cl-loop for key in b by #'cddr collect key))
         (suspects (append (cl-set-difference keys-a keys-b)
                           (cl-set-difference keys-b keys-a)
                           keys-a))
         (key (cl-find-if (lambda (k)
                            (not (equal (plist-get a k) (plist-get b k))))
                          suspects)))
    (and key
         `(different-properties-for-key
           ,key ,(ert--diff-any (plist-get a key) (plist-get b key))))))

(defun ert--diff-with-properties (a b) "Say how the strings A and B differ, text properties included, or return nil."
  (cond
   ((not (equal a b)) (ert--diff-any a b))
   ;; Only strings carry properties; other equal objects are alike.
   ((stringp a)
    (let ((i 0) (end (length a)) (found nil))
      (while (and (null found) (< i end))
        (setq found (ert--diff-plists (text-properties-at i a)
                                                 (text-properties-at i b)))
        (unless found (cl-incf i)))
      (and found
           `(char ,i ,(substring-no-properties a i (1+ i)) ,found
                  context-before ,(substring-no-properties a (max 0 (- i 10)) i)
                  context-after ,(substring-no-properties
                                  a (1+ i) (min end (+ i 11)))))))))

(put 'equal 'ert-explainer 'ert--diff-any)
(put 'string-equal 'ert-explainer 'ert--diff-strings)
(put 'ert-equal-including-properties 'ert-explainer
     'ert--diff-with-properties)

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

;;;; Running one test

(defun ert--execute (body log) "Call BODY, a test's function, and return the result it earns.
The assertions evaluated meanwhile are pushed on the car of LOG."
  (let ((ert--info-stack nil)
        (ert--assertion-log log))
    (condition-case signalled
        (catch 'ert--passed-early (funcall body))
      (:success (make-ert-test-passed))
      (ert-test-skipped (make-ert-test-skipped :condition signalled))
      (quit (make-ert-test-quit :condition signalled))
      (t (make-ert-test-failed
          :condition signalled
          ;; Context is known only for the failure `ert-fail' last raised.
          :infos (and (eq (car signalled) 'ert-test-failed)
                      (eq (cadr signalled) (cadr log))
                      (reverse (cddr log))))))))

(defun ert-running-test () "Return the test object being run, or nil outside of a test."
  ert--current-test)

(defun ert-run-test (ert-test) "Run the test ERT-TEST, record the outcome in it and return that result."
  (let ((ert--current-test ert-test)
        (log (list nil))
        ;; Kept only if the body escapes by a throw to an outer catch.
        (outcome (make-ert-test-aborted-with-non-local-exit)))
    (unwind-protect
        (setq outcome (ert--execute (ert-test-body ert-test) log))
      (setf (ert-test-result-messages outcome) ""
            (ert-test-result-should-forms outcome) (reverse (car log))
            (ert-test-most-recent-result ert-test) outcome))
    outcome))

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

(cl-defstruct (ert--stats (:copier nil))
  selector (tests []) (results []) (passed-expected 0) (passed-unexpected 0)
  (failed-expected 0) (failed-unexpected 0) (skipped 0)
  start-time end-time aborted-p)

(defun ert-stats-total (stats) "The number of tests selected for the run STATS."
  (length (ert--stats-results stats)))

(defun ert-stats-completed-expected (stats) "The number of tests of the run STATS that passed or failed as expected."
  (+ (ert--stats-passed-expected stats) (ert--stats-failed-expected stats)))

(defun ert-stats-completed-unexpected (stats) "The number of tests of the run STATS whose pass or failure was a surprise."
  (+ (ert--stats-passed-unexpected stats) (ert--stats-failed-unexpected stats)))

(defalias 'ert-stats-skipped #'ert--stats-skipped
  "The number of tests of the run STATS that were skipped.

\(fn STATS)")

(defun ert-stats-completed (stats) "The number of tests of the run STATS that have a result so far."
  (let ((decided (ert-stats-completed-expected stats)))
    (+ decided (ert-stats-completed-unexpected stats) (ert--stats-skipped stats))))

(defun ert--count-result (stats test result) "Add RESULT, the outcome of TEST, to the counters of STATS."
  (let ((expected (ert-test-result-expected-p test result)))
    (cond
     ((ert-test-skipped-p result) (cl-incf (ert--stats-skipped stats)))
     ((ert-test-passed-p result)
      (if expected
          (cl-incf (ert--stats-passed-expected stats))
        (cl-incf (ert--stats-passed-unexpected stats))))
     ((ert-test-failed-p result)
      (if expected
          (cl-incf (ert--stats-failed-expected stats))
        (cl-incf (ert--stats-failed-unexpected stats)))))))

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

(defun ert--condition-text (condition) "CONDITION printed for a batch report: on one line, abridged."
  (let ((print-length 10) (print-level 5) (print-escape-newlines t))
    (prin1-to-string condition)))

(defun ert--report-surprise (test result) "Print on stderr why TEST, whose RESULT was not the expected one, is so."
  (let ((name (ert-test-name test)))
    (cond
     ((ert-test-passed-p result)
      (message "Test %S passed unexpectedly" name))
     ((ert-test-result-with-condition-p result)
      ;; No backtrace is kept, so the section under its heading stays empty.
      (message "Test %S backtrace:\n" name)
      (message "Test %S condition:" name)
      (pcase-dolist (`(,prefix . ,text)
                     (ert-test-result-with-condition-infos result))
        (message "    %s%s" prefix text))
      (message "    %s" (ert--condition-text
                         (ert-test-result-with-condition-condition result))))
     (t (message "Test %S aborted with non-local exit" name)))))

(defun ert--list-results (stats heading pred) "Print HEADING, then each test of STATS whose result satisfies PRED."
  (message "%s" heading)
  (let ((tests (ert--stats-tests stats))
        (results (ert--stats-results stats)))
    (dotimes (i (length tests))
      (let ((result (aref results i)))
        (when (funcall pred (aref tests i) result)
          (message "%9s  %S" (ert-string-for-test-result result nil)
                   (ert-test-name (aref tests i)))))))
  (message ""))

(defun ert--print-summary (stats) "Print the closing summary of the run STATS on stderr."
  (let* ((n-total (length (ert--stats-results stats)))
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

(defun ert--record-outcome (stats i began listener) "Count the result of test number I of STATS, run from time BEGAN.
Then tell LISTENER that the test ended."
  (let* ((test (aref (ert--stats-tests stats) i))
         (outcome (ert-test-most-recent-result test)))
    (setf (ert-test-result-duration outcome) (- (float-time) began))
    (aset (ert--stats-results stats) i outcome)
    (ert--count-result stats test outcome)
    (funcall listener 'test-ended stats test outcome)))

(defun ert-run-tests (selector listener &optional _interactively) "Run the tests SELECTOR chooses and return the statistics of the run.
LISTENER is called as the run goes with an event and its arguments:
`run-started' (STATS), `test-started' (STATS TEST), `test-ended'
\(STATS TEST RESULT), once STATS counts RESULT, and `run-ended'
\(STATS ABORTEDP), even when a test escapes the run by a throw."
  (let* ((tests (vconcat (ert-select-tests selector t)))
         (stats (make-ert--stats :selector selector :tests tests
                                 :results (make-vector (length tests) nil)
                                 :start-time (float-time)
                                 :aborted-p t)))
    (funcall listener 'run-started stats)
    (unwind-protect
        (progn
          (dotimes (i (length tests))
            (let ((began (float-time)))
              (funcall listener 'test-started stats (aref tests i))
              ;; A test escaping by a throw still ends, as aborted, before
              ;; the run itself ends.
              (unwind-protect (ert-run-test (aref tests i))
                (ert--record-outcome stats i began listener))))
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
                     (1+ (cl-position test (ert--stats-tests stats)))
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
