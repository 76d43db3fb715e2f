;;; ert-tests.el --- ERT's own behaviour: results, expected failures, skips  -*- lexical-binding: t -*-

;; Written for tsmacs.  Some of these tests fail or are skipped on purpose,
;; so that the recorded counts exercise every kind of result.

(require 'ert)

(ert-deftest ert-tests-should-returns-value ()
  "`should' returns the value of its form, `should-not' nil."
  (should (= (should (+ 1 2)) 3))
  (should (eq (should-not nil) nil)))

(ert-deftest ert-tests-should-failure-data ()
  (let ((err (should-error (should (equal 1 2)) :type 'ert-test-failed)))
    (should (eq (car err) 'ert-test-failed))
    (should (equal (car (cadr err)) '(should (equal 1 2))))
    (should (equal (plist-get (cdr (cadr err)) :form) '(equal 1 2)))))

(ert-deftest ert-tests-should-not-failure ()
  (should-error (should-not 'x) :type 'ert-test-failed))

(ert-deftest ert-tests-should-error-type ()
  (should (equal (should-error (car 1) :type 'wrong-type-argument)
                 '(wrong-type-argument listp 1)))
  (should-error (should-error (car 1) :type 'arith-error) :type 'ert-test-failed)
  (should-error (should-error 1) :type 'ert-test-failed)
  (should (should-error (/ 1 0) :type '(wrong-type-argument arith-error))))

(ert-deftest ert-tests-should-error-subtypes ()
  (define-error 'ert-tests--child "Child error" 'arith-error)
  (should (should-error (signal 'ert-tests--child nil) :type 'arith-error))
  (should-error (should-error (signal 'ert-tests--child nil) :type 'arith-error
                              :exclude-subtypes t)
                :type 'ert-test-failed))

(ert-deftest ert-tests-evaluates-args-once ()
  (let ((n 0))
    (should (= (progn (setq n (1+ n)) n) 1))
    (should (= n 1))))

(ert-deftest ert-tests-expected-failure ()
  :expected-result :failed
  (should (= 1 2)))

(ert-deftest ert-tests-expected-failure-by-error ()
  :expected-result :failed
  (car 'not-a-list))

(ert-deftest ert-tests-expected-result-form ()
  :expected-result (if (fboundp 'car) :passed :failed)
  (should t))

(ert-deftest ert-tests-unexpected-pass ()
  "Fails on purpose: it was expected to fail but passes."
  :expected-result :failed
  (should t))

(ert-deftest ert-tests-unexpected-failure ()
  "Fails on purpose."
  (should (equal '(1 2) '(1 3))))

(ert-deftest ert-tests-unexpected-error ()
  "Fails on purpose with a non-ERT error."
  (error "Deliberate %s" "error"))

(ert-deftest ert-tests-skipped ()
  (skip-unless (featurep 'ert-tests--no-such-feature))
  (should nil))

(ert-deftest ert-tests-skipped-by-ert-skip ()
  (ert-skip "not today")
  (should nil))

(ert-deftest ert-tests-not-skipped ()
  (skip-unless (featurep 'ert))
  (should t))

(ert-deftest ert-tests-ert-fail ()
  :expected-result :failed
  (ert-fail "explicit failure"))

(ert-deftest ert-tests-ert-pass ()
  (ert-pass)
  (should nil))

(ert-deftest ert-tests-tags ()
  :tags '(quick meta)
  (should (equal (ert-test-tags (ert-get-test 'ert-tests-tags)) '(quick meta))))

(ert-deftest ert-tests-docstring ()
  "The docstring."
  (should (equal (ert-test-documentation (ert-get-test 'ert-tests-docstring)) "The docstring.")))

(ert-deftest ert-tests-test-objects ()
  (should (ert-test-boundp 'ert-tests-test-objects))
  (should-not (ert-test-boundp 'ert-tests--undefined))
  (should (ert-test-p (ert-get-test 'ert-tests-test-objects)))
  (should (eq (ert-test-name (ert-get-test 'ert-tests-tags)) 'ert-tests-tags)))

(ert-deftest ert-tests-select ()
  (should (equal (mapcar #'ert-test-name (ert-select-tests "ert-tests-skipped" t))
                 '(ert-tests-skipped ert-tests-skipped-by-ert-skip)))
  (should (equal (mapcar #'ert-test-name (ert-select-tests '(tag quick) t))
                 '(ert-tests-tags)))
  (should (equal (mapcar #'ert-test-name (ert-select-tests 'ert-tests-tags t))
                 '(ert-tests-tags)))
  (should-not (ert-select-tests nil t)))

(ert-deftest ert-tests-throw-escapes ()
  "A `throw' with no catch is an error, so the test fails."
  :expected-result :failed
  (throw 'ert-tests--nowhere 1))

(ert-deftest ert-tests-deftest-returns-name ()
  (should (eq (eval '(ert-deftest ert-tests--inner () (should t)) t) 'ert-tests--inner))
  (ert-delete-test 'ert-tests--inner))

(defmacro ert-tests--refuses-to-expand (&rest _)
  (error "This macro never expands"))

(ert-deftest ert-tests-body-that-cannot-expand ()
  "A macro call that cannot expand fails its test when run, not the load."
  :expected-result :failed
  (should (ert-tests--refuses-to-expand)))

(ert-deftest ert-tests-should-error-on-expansion ()
  "An assertion whose form cannot expand reports that error as the form's."
  (should (equal (should-error (ert-tests--refuses-to-expand))
                 '(error "This macro never expands")))
  (should (equal (condition-case err (should (ert-tests--refuses-to-expand))
                   (error err))
                 '(error "This macro never expands"))))

;;; ert-tests.el ends here
