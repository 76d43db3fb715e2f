;;; subr-x-tests.el --- ERT tests for subr-x  -*- lexical-binding: t -*-

;; Written for tsmacs.  Third-party style: only GNU Emacs 28's public API.

(require 'ert)
(require 'subr-x)

(ert-deftest subr-x-tests-string-join ()
  (should (equal (string-join '("a" "b" "c") "-") "a-b-c"))
  (should (equal (string-join '("a" "b")) "ab"))
  (should (equal (string-join nil ",") "")))

(ert-deftest subr-x-tests-string-trim ()
  (should (equal (string-trim "  a b  ") "a b"))
  (should (equal (string-trim-left "xxab" "x+") "ab"))
  (should (equal (string-trim-right "ab  \n") "ab"))
  (should (equal (string-trim "--a--" "-+" "-+") "a")))

(ert-deftest subr-x-tests-blank-empty ()
  (should (string-empty-p ""))
  (should-not (string-empty-p " "))
  (should (string-blank-p " \t\n"))
  (should-not (string-blank-p " x ")))

(ert-deftest subr-x-tests-remove-prefix-suffix ()
  (should (equal (string-remove-prefix "ab" "abc") "c"))
  (should (equal (string-remove-prefix "x" "abc") "abc"))
  (should (equal (string-remove-suffix "bc" "abc") "a")))

(ert-deftest subr-x-tests-string-pad ()
  (should (equal (string-pad "ab" 4) "ab  "))
  (should (equal (string-pad "ab" 4 ?. t) "..ab"))
  (should (equal (string-pad "abcdef" 3) "abcdef")))

(ert-deftest subr-x-tests-truncate-left-reverse ()
  (should (equal (string-truncate-left "longstring" 8) "...string"))
  (should (equal (string-reverse "abc") "cba")))

(ert-deftest subr-x-tests-string-lines ()
  (should (equal (string-lines "a\nb\nc") '("a" "b" "c")))
  (should (equal (string-lines "a\n\nb" t) '("a" "b"))))

(ert-deftest subr-x-tests-hash-table-keys-values ()
  (let ((h (make-hash-table)))
    (puthash 'a 1 h)
    (puthash 'b 2 h)
    (should (equal (hash-table-keys h) '(a b)))
    (should (equal (hash-table-values h) '(1 2)))
    (should-not (hash-table-empty-p h))
    (should (hash-table-empty-p (make-hash-table)))))

(ert-deftest subr-x-tests-if-let* ()
  (should (= (if-let* ((a 1) (b (1+ a))) (+ a b) 0) 3))
  (should (eq (if-let* ((a nil) (b (error "not reached"))) b 'else) 'else))
  (should (= (when-let* ((a 2)) (* a a)) 4)))

(ert-deftest subr-x-tests-thread ()
  (should (equal (thread-last '(1 2 3) (mapcar #'1+) (apply #'+)) 9))
  (should (equal (thread-first "a" (concat "b") (concat "c")) "abc")))

(ert-deftest subr-x-tests-named-let ()
  (should (equal (named-let rec ((l '(1 2 3)) (acc nil))
                   (if l (rec (cdr l) (cons (* 2 (car l)) acc)) (nreverse acc)))
                 '(2 4 6))))

(ert-deftest subr-x-tests-string-limit ()
  (should (equal (string-limit "abcdef" 3) "abc"))
  (should (equal (string-limit "abcdef" 3 t) "def"))
  (should (equal (string-limit "ab" 5) "ab")))

;;; subr-x-tests.el ends here
