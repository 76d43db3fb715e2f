;;; ert.el --- Emacs Lisp Regression Testing  -*- lexical-binding: t -*-

;; Written for tsmacs.  A batch-only ERT: `ert-deftest', the `should'
;; family, `skip-unless', selectors, and `ert-run-tests-batch(-and-exit)'
;; printing GNU Emacs 28's batch report on stderr.  Test files written for
;; GNU's ERT run unchanged.

;; GNU's ERT loads cl-lib, and test files often rely on that.
(condition-case nil (require 'cl-lib) (error nil))

;;; Errors

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(defvar ert-quiet nil
  "Non-nil means `ert-run-tests-batch' reports only unexpected results.")

(defvar ert-batch-backtrace-right-margin 70
  "Maximum length of the backtrace lines printed in batch mode.")

(defvar ert--all-tests nil
  "Names of the tests defined with `ert-deftest', newest first.")

;;; Test objects: records shaped like GNU's `ert-test' structure.

(defun make-ert-test (&rest args)
  "Make a test object from the keyword ARGS :name :documentation :body
:expected-result-type :tags."
  (record 'ert-test
          (plist-get args :name)
          (plist-get args :documentation)
          (plist-get args :body)
          nil
          (if (plist-member args :expected-result-type)
              (plist-get args :expected-result-type)
            ':passed)
          (plist-get args :tags)
          nil))

(defun ert-test-p (object)
  "Non-nil if OBJECT is a test object."
  (and (recordp object) (eq (aref object 0) 'ert-test)))

(defun ert-test-name (test) (aref test 1))
(defun ert-test-documentation (test) (aref test 2))
(defun ert-test-body (test) (aref test 3))
(defun ert-test-most-recent-result (test) (aref test 4))
(defun ert-test-expected-result-type (test) (aref test 5))
(defun ert-test-tags (test) (aref test 6))
(defun ert-test-file-name (test) (aref test 7))

(defun ert-test-boundp (symbol)
  "Non-nil if SYMBOL names a test."
  (and (get symbol 'ert--test) t))

(defun ert-get-test (symbol)
  "Return the test named SYMBOL; signal an error if there is none."
  (or (get symbol 'ert--test)
      (error "No test named `%S'" symbol)))

(defun ert-set-test (symbol definition)
  "Make DEFINITION the test named SYMBOL."
  (when (eq symbol 'nil)
    (error "Attempt to define a test named nil"))
  (unless (memq symbol ert--all-tests)
    (setq ert--all-tests (cons symbol ert--all-tests)))
  (put symbol 'ert--test definition)
  definition)

(defun ert-make-test-unbound (symbol)
  "Make SYMBOL name no test; return SYMBOL."
  (put symbol 'ert--test nil)
  (setq ert--all-tests (delq symbol ert--all-tests))
  symbol)

(defun ert-delete-test (test-name)
  "Forget the test named TEST-NAME."
  (ert-make-test-unbound test-name))

(defun ert-delete-all-tests ()
  "Forget every test."
  (dolist (name ert--all-tests) (put name 'ert--test nil))
  (setq ert--all-tests nil)
  t)

(defmacro ert-deftest (name _arglist &rest docstring-keys-and-body)
  "Define NAME (a symbol) as a test.
BODY is evaluated as a `progn' when the test runs; it signals a
condition on failure.

\(fn NAME () [DOCSTRING] [:expected-result RESULT-TYPE] [:tags \\='(TAG...)] BODY...)"
  (declare (indent 2) (doc-string 3))
  (let ((rest docstring-keys-and-body)
        (doc nil) (expected nil) (expected-p nil) (tags nil))
    (when (stringp (car rest))
      (setq doc (car rest))
      (setq rest (cdr rest)))
    (while (keywordp (car rest))
      (cond
       ((eq (car rest) :expected-result)
        (setq expected (car (cdr rest)) expected-p t))
       ((eq (car rest) :tags)
        (setq tags (car (cdr rest))))
       (t (error "Unknown keyword in ert-deftest: %S" (car rest))))
      (setq rest (cdr (cdr rest))))
    (list 'progn
          (list 'ert-set-test (list 'quote name)
                (append
                 (list 'make-ert-test :name (list 'quote name))
                 (if doc (list :documentation doc))
                 (if expected-p (list :expected-result-type expected))
                 (if tags (list :tags tags))
                 (list :body (list 'function
                                   (list 'lambda nil
                                         (cons 'let
                                               (cons (list (list 'lexical-binding
                                                                 lexical-binding))
                                                     rest)))))))
          (list 'quote name))))

;;; Assertions

(defun ert-pass ()
  "Terminate the current test and mark it passed.  Does not return."
  (throw 'ert--pass nil))

(defun ert-fail (data)
  "Terminate the current test and mark it failed.  Does not return."
  (signal 'ert-test-failed (list data)))

(defun ert-skip (data)
  "Terminate the current test and mark it skipped.  Does not return."
  (signal 'ert-test-skipped (list data)))

(defun ert--plain-call-p (form)
  "Non-nil if FORM is a call of a named function (not a macro or special form)."
  (and (consp form)
       (symbolp (car form))
       (car form)
       (not (special-form-p (car form)))
       (not (macrop (car form)))))

(defun ert--expand-check (whole form failp)
  "Expansion of an assertion WHOLE on FORM, failing when FAILP says so.
FAILP maps the value's symbol to a test form.  The result evaluates to
FORM's value.  A call's arguments are evaluated once and recorded."
  (let ((value (make-symbol "value")))
    (if (ert--plain-call-p form)
        (let ((args (make-symbol "args")))
          (list 'let* (list (list args (cons 'list (cdr form)))
                            (list value (list 'apply (list 'function (car form)) args)))
                (list 'if (funcall failp value)
                      (list 'ert-fail
                            (list 'list (list 'quote whole)
                                  :form (list 'cons (list 'quote (car form)) args)
                                  :value value)))
                value))
      (list 'let (list (list value form))
            (list 'if (funcall failp value)
                  (list 'ert-fail
                        (list 'list (list 'quote whole)
                              :form (list 'quote form)
                              :value value)))
            value))))

(defmacro should (form)
  "Evaluate FORM; if it is nil, fail the current test.  Return FORM's value."
  (ert--expand-check (list 'should form) form (lambda (v) (list 'not v))))

(defmacro should-not (form)
  "Evaluate FORM; if it is non-nil, fail the current test.  Return nil."
  (list 'progn
        (ert--expand-check (list 'should-not form) form (lambda (v) v))
        nil))

(defmacro skip-unless (form)
  "Evaluate FORM; if it is nil, skip the current test."
  (let ((value (make-symbol "value")))
    (list 'let (list (list value form))
          (list 'if (list 'not value)
                (list 'ert-skip (list 'list (list 'quote (list 'skip-unless form))
                                      :form (list 'quote form) :value value)))
          value)))

(defun ert--error-matches-p (condition types exclude-subtypes)
  (let ((handled (if (listp types) types (list types))))
    (if exclude-subtypes
        (memq (car condition) handled)
      (let ((conds (get (car condition) 'error-conditions)) (found nil))
        (while (and conds (not found))
          (if (memq (car conds) handled) (setq found t))
          (setq conds (cdr conds)))
        found))))

(defun ert--should-error (thunk whole form type exclude-subtypes)
  (let ((failed-to-signal nil) (value nil) (result nil))
    (condition-case condition
        (progn (setq value (funcall thunk))
               (setq failed-to-signal t))
      (error
       (unless (ert--error-matches-p condition type nil)
         (ert-fail (list whole :form form :condition condition
                         :fail-reason "the error signaled did not have the expected type")))
       (when (and exclude-subtypes
                  (not (ert--error-matches-p condition type t)))
         (ert-fail (list whole :form form :condition condition
                         :fail-reason "the error signaled was a subtype of the expected type")))
       (setq result condition)))
    (when failed-to-signal
      (ert-fail (list whole :form form :value value
                      :fail-reason "did not signal an error")))
    result))

(defmacro should-error (form &rest keys)
  "Evaluate FORM and check that it signals an error of :type (default `error').
With :exclude-subtypes non-nil the error symbol itself must be in :type.
Return (ERROR-SYMBOL . DATA)."
  (list 'ert--should-error
        (list 'function (list 'lambda nil form))
        (list 'quote (cons 'should-error (cons form keys)))
        (list 'quote form)
        (if (plist-member keys :type) (plist-get keys :type) ''error)
        (plist-get keys :exclude-subtypes)))

(defmacro ert-info (message-and-prefix &rest body)
  "Evaluate BODY; MESSAGE-AND-PREFIX describes it for failure reports.

\(fn (MESSAGE-FORM &key ((:prefix PREFIX-FORM) \"Info: \")) BODY...)"
  (declare (indent 1))
  (list 'let (list (list 'ert--infos
                         (list 'cons
                               (list 'cons
                                     (or (plist-get (cdr message-and-prefix) :prefix) "Info: ")
                                     (car message-and-prefix))
                               'ert--infos)))
        (cons 'progn body)))

(defvar ert--infos nil)

(defun ert-equal-including-properties (a b)
  "Non-nil if A and B are `equal-including-properties'."
  (equal-including-properties a b))

;;; Results

(defun ert--result (kind &optional condition)
  (record kind nil nil 0.0 nil condition nil nil))

(defun ert--result-kind (result) (and (recordp result) (aref result 0)))
(defun ert-test-result-duration (result) (aref result 3))
(defun ert-test-result-with-condition-condition (result) (aref result 5))
(defun ert-test-passed-p (result) (eq (ert--result-kind result) 'ert-test-passed))
(defun ert-test-failed-p (result) (eq (ert--result-kind result) 'ert-test-failed))
(defun ert-test-skipped-p (result) (eq (ert--result-kind result) 'ert-test-skipped))

(defun ert-test-result-type-p (result type)
  "Non-nil if RESULT matches the result TYPE (nil, t, :passed, :failed,
:skipped, (and ...), (or ...), (not ...), (satisfies PRED))."
  (cond
   ((eq type nil) nil)
   ((eq type t) t)
   ((eq type :failed) (ert-test-failed-p result))
   ((eq type :passed) (ert-test-passed-p result))
   ((eq type :skipped) (ert-test-skipped-p result))
   ((consp type)
    (let ((op (car type)) (args (cdr type)))
      (cond
       ((eq op 'and)
        (let ((ok t))
          (while (and ok args)
            (setq ok (ert-test-result-type-p result (car args)))
            (setq args (cdr args)))
          ok))
       ((eq op 'or)
        (let ((ok nil))
          (while (and (not ok) args)
            (setq ok (ert-test-result-type-p result (car args)))
            (setq args (cdr args)))
          ok))
       ((eq op 'not) (not (ert-test-result-type-p result (car args))))
       ((eq op 'satisfies) (funcall (car args) result))
       (t (error "Invalid result type: %S" type)))))
   (t (error "Invalid result type: %S" type))))

(defun ert-test-result-expected-p (test result)
  "Non-nil if RESULT is what TEST expects (a skip always is)."
  (or (ert-test-skipped-p result)
      (ert-test-result-type-p result (ert-test-expected-result-type test))))

(defun ert-run-test (test)
  "Run TEST; store and return its result."
  (aset test 4 nil)
  (let* ((start (float-time))
         (result
          (catch 'ert--pass
            (condition-case condition
                (let ((ert--infos nil))
                  (funcall (ert-test-body test))
                  (ert--result 'ert-test-passed))
              (ert-test-skipped (ert--result 'ert-test-skipped condition))
              (quit (ert--result 'ert-test-quit condition))
              (t (ert--result 'ert-test-failed condition))))))
    (unless result (setq result (ert--result 'ert-test-passed)))
    (aset result 3 (- (float-time) start))
    (aset test 4 result)
    result))

;;; Selectors

(defun ert--all-tests-sorted ()
  "Every defined test, ordered by name as GNU's obarray search gives them."
  (let ((names nil))
    (dolist (n ert--all-tests)
      (if (get n 'ert--test) (setq names (cons n names))))
    (mapcar #'ert-get-test (sort names (lambda (a b) (string< (symbol-name a) (symbol-name b)))))))

(defun ert--as-test (x)
  (cond ((ert-test-p x) x)
        ((symbolp x) (ert-get-test x))
        (t (error "Not a test or test name: %S" x))))

(defun ert-select-tests (selector universe)
  "Return the list of tests of UNIVERSE (a list of tests, or t for all)
that SELECTOR selects."
  (let ((all (if (eq universe t) (ert--all-tests-sorted) universe)))
    (cond
     ((eq selector nil) nil)
     ((eq selector t) all)
     ((eq selector :new) (ert--filter (lambda (te) (null (ert-test-most-recent-result te))) all))
     ((memq selector '(:failed :passed))
      (ert--filter (lambda (te) (ert-test-result-type-p (ert-test-most-recent-result te) selector))
                       all))
     ((eq selector :expected)
      (ert--filter (lambda (te) (let ((r (ert-test-most-recent-result te)))
                                     (and r (ert-test-result-expected-p te r))))
                       all))
     ((eq selector :unexpected)
      (ert--filter (lambda (te) (let ((r (ert-test-most-recent-result te)))
                                     (not (and r (ert-test-result-expected-p te r)))))
                       all))
     ((stringp selector)
      (ert--filter (lambda (te) (and (ert-test-name te)
                                         (string-match selector (symbol-name (ert-test-name te)))))
                       all))
     ((ert-test-p selector) (list selector))
     ((symbolp selector) (list (ert-get-test selector)))
     ((consp selector)
      (let ((op (car selector)) (args (cdr selector)))
        (cond
         ((eq op 'member) (mapcar #'ert--as-test args))
         ((eq op 'eql) (list (ert--as-test (car args))))
         ((eq op 'and)
          (let ((set all))
            (dolist (s args) (setq set (ert-select-tests s set)))
            set))
         ((eq op 'or)
          (let ((out nil))
            (dolist (s args)
              (dolist (te (ert-select-tests s all))
                (unless (memq te out) (setq out (cons te out)))))
            (nreverse out)))
         ((eq op 'not)
          (let ((excluded (ert-select-tests (car args) all)))
            (ert--filter (lambda (te) (not (memq te excluded))) all)))
         ((eq op 'tag)
          (ert--filter (lambda (te) (member (car args) (ert-test-tags te))) all))
         ((eq op 'satisfies) (ert--filter (car args) all))
         (t (error "Invalid selector: %S" selector)))))
     (t (error "Invalid selector: %S" selector)))))

(defun ert--filter (pred list)
  (let ((out nil))
    (dolist (x list) (if (funcall pred x) (setq out (cons x out))))
    (nreverse out)))

;;; Statistics

(defun ert--make-stats (selector tests)
  ;; Slots: selector tests results passed-expected passed-unexpected
  ;; failed-expected failed-unexpected skipped start-time end-time.
  (record 'ert--stats selector (vconcat tests) (make-vector (length tests) nil)
          0 0 0 0 0 nil nil))

(defun ert--stats-tests (stats) (aref stats 2))
(defun ert-stats-completed-expected (stats) (+ (aref stats 4) (aref stats 6)))
(defun ert-stats-completed-unexpected (stats) (+ (aref stats 5) (aref stats 7)))
(defun ert-stats-skipped (stats) (aref stats 8))
(defun ert-stats-completed (stats)
  (+ (ert-stats-completed-expected stats) (ert-stats-completed-unexpected stats)
     (ert-stats-skipped stats)))
(defun ert-stats-total (stats) (length (aref stats 2)))

(defun ert--stats-count (stats test result)
  (let ((slot (cond
               ((ert-test-skipped-p result) 8)
               ((ert-test-passed-p result)
                (if (ert-test-result-expected-p test result) 4 5))
               ((ert-test-failed-p result)
                (if (ert-test-result-expected-p test result) 6 7)))))
    (if slot (aset stats slot (1+ (aref stats slot))))))

;;; Batch reporting

(defun ert--days-to-civil (days)
  "The (YEAR MONTH DAY) of DAYS since 1970-01-01."
  (let* ((z (+ days 719468))
         (era (floor z 146097))
         (doe (- z (* era 146097)))
         (yoe (/ (- doe (/ doe 1460) (- (/ doe 36524)) (/ doe 146096)) 365))
         (y (+ yoe (* era 400)))
         (doy (- doe (- (+ (* 365 yoe) (/ yoe 4)) (/ yoe 100))))
         (mp (/ (+ (* 5 doy) 2) 153))
         (d (1+ (- doy (/ (+ (* 153 mp) 2) 5))))
         (m (if (< mp 10) (+ mp 3) (- mp 9))))
    (list (if (<= m 2) (1+ y) y) m d)))

(defun ert--format-time-iso8601 (time)
  "TIME (a float) as GNU's ERT prints timestamps."
  (if (fboundp 'format-time-string)
      (format-time-string "%Y-%m-%d %T%z" time)
    (let* ((secs (floor time))
           (days (floor secs 86400))
           (rem (- secs (* days 86400)))
           (date (ert--days-to-civil days)))
      (format "%04d-%02d-%02d %02d:%02d:%02d+0000"
              (nth 0 date) (nth 1 date) (nth 2 date)
              (/ rem 3600) (% (/ rem 60) 60) (% rem 60)))))

(defun ert-string-for-test-result (result expectedp)
  "The word for RESULT in batch output, upper case when not EXPECTEDP."
  (let ((words (cond ((ert-test-passed-p result) '("passed" "PASSED"))
                     ((ert-test-failed-p result) '("failed" "FAILED"))
                     ((ert-test-skipped-p result) '("skipped" "SKIPPED"))
                     ((null result) '("unknown" "UNKNOWN"))
                     ((eq (ert--result-kind result) 'ert-test-quit) '("quit" "QUIT"))
                     (t '("aborted" "ABORTED")))))
    (if expectedp (car words) (car (cdr words)))))

(defun ert--report-unexpected (test result)
  (let ((name (ert-test-name test)))
    (cond
     ((ert-test-passed-p result)
      (message "Test %S passed unexpectedly" name))
     (t
      (message "Test %S backtrace:" name)
      (message "%s" "")
      (let ((print-escape-newlines t) (print-level 5) (print-length 10))
        (message "Test %S condition:" name)
        (message "    %s" (prin1-to-string (ert-test-result-with-condition-condition result))))))))

(defun ert-run-tests-batch (&optional selector)
  "Run the tests SELECTOR selects (all when nil), reporting on stderr.
Return the statistics object."
  (unless selector (setq selector t))
  (let* ((tests (ert-select-tests selector t))
         (stats (ert--make-stats selector tests))
         (total (length tests))
         (max (prin1-to-string total))
         (line-format (concat "%9s  %" (prin1-to-string (length max)) "s/" max "  %S (%f sec)"))
         (pos 0))
    (aset stats 9 (float-time))
    (unless ert-quiet
      (message "Running %s tests (%s, selector `%S')"
               total (ert--format-time-iso8601 (aref stats 9)) selector))
    (dolist (test tests)
      (let* ((result (ert-run-test test))
             (expectedp (ert-test-result-expected-p test result)))
        (aset (aref stats 3) pos result)
        (ert--stats-count stats test result)
        (unless expectedp (ert--report-unexpected test result))
        (unless ert-quiet
          (message line-format
                   (ert-string-for-test-result result expectedp)
                   (1+ pos) (ert-test-name test)
                   (ert-test-result-duration result))))
      (setq pos (1+ pos)))
    (aset stats 10 (float-time))
    (let ((unexpected (ert-stats-completed-unexpected stats))
          (skipped (ert-stats-skipped stats))
          (expected-failures (aref stats 6)))
      (message "\n%sRan %s tests, %s results as expected, %s unexpected%s (%s, %f sec)%s\n"
               ""
               total
               (ert-stats-completed-expected stats)
               unexpected
               (if (zerop skipped) "" (format ", %s skipped" skipped))
               (ert--format-time-iso8601 (aref stats 10))
               (- (aref stats 10) (aref stats 9))
               (if (zerop expected-failures) ""
                 (format "\n%s expected failures" expected-failures)))
      (unless (zerop unexpected)
        (message "%s unexpected results:" unexpected)
        (let ((i 0))
          (dolist (test tests)
            (let ((result (aref (aref stats 3) i)))
              (unless (ert-test-result-expected-p test result)
                (message "%9s  %S" (ert-string-for-test-result result nil)
                         (ert-test-name test))))
            (setq i (1+ i))))
        (message "%s" ""))
      (unless (zerop skipped)
        (message "%s skipped results:" skipped)
        (let ((i 0))
          (dolist (test tests)
            (let ((result (aref (aref stats 3) i)))
              (when (ert-test-skipped-p result)
                (message "%9s  %S" (ert-string-for-test-result result nil)
                         (ert-test-name test))))
            (setq i (1+ i))))
        (message "%s" "")))
    stats))

(defun ert-run-tests-batch-and-exit (&optional selector)
  "Like `ert-run-tests-batch', then exit: status 0 when every result was
expected, 1 otherwise, 2 when running the tests failed."
  (let ((status 2))
    (unwind-protect
        (condition-case err
            (let ((stats (ert-run-tests-batch selector)))
              (setq status (if (zerop (ert-stats-completed-unexpected stats)) 0 1)))
          (error
           (message "Error running tests")
           (message "%S" err)))
      (kill-emacs status))))

(provide 'ert)

;;; ert.el ends here
