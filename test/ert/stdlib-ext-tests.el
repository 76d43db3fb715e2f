;;; stdlib-ext-tests.el --- third-party-style tests of the helpers issue 10 added  -*- lexical-binding: t -*-

;; Written for tsmacs: a command that checks how it was called, a library
;; that adds its own kind of specializer, shell-style argument strings.

(require 'ert)
(require 'cl-lib)
(require 'subr-x)

(defvar stdlib-ext--calls nil)

(defun stdlib-ext--command (&optional n)
  "A command that records whether it was run as a command."
  (interactive (list 1))
  (push (list n (called-interactively-p 'any)) stdlib-ext--calls)
  n)

(ert-deftest stdlib-ext-called-interactively ()
  (setq stdlib-ext--calls nil)
  (stdlib-ext--command 2)
  (call-interactively #'stdlib-ext--command)
  (funcall-interactively #'stdlib-ext--command 3)
  (should (equal (reverse stdlib-ext--calls) '((2 nil) (1 t) (3 t))))
  ;; Batch Emacs has no user typing commands.
  (should-not (called-interactively-p 'interactive)))

(cl-generic-define-generalizer stdlib-ext--keyword-generalizer 70
  (lambda (var &rest _) `(and (keywordp ,var) ,var))
  (lambda (tag &rest _) (and tag (list `(keyword ,tag) '(keyword any)))))

(cl-defmethod cl-generic-generalizers ((_spec (head keyword)))
  (list stdlib-ext--keyword-generalizer))

(cl-defgeneric stdlib-ext--describe (x))
(cl-defmethod stdlib-ext--describe ((x (keyword any))) (list 'keyword x))
(cl-defmethod stdlib-ext--describe ((_x (keyword :test))) (cons 'test (cl-call-next-method)))
(cl-defmethod stdlib-ext--describe ((x symbol)) (list 'symbol x))
(cl-defmethod stdlib-ext--describe (x) (list 'other x))

(ert-deftest stdlib-ext-generalizer-dispatch ()
  (should (equal (stdlib-ext--describe :foo) '(keyword :foo)))
  (should (equal (stdlib-ext--describe :test) '(test keyword :test)))
  (should (equal (stdlib-ext--describe 'bar) '(symbol bar)))
  (should (equal (stdlib-ext--describe 12) '(other 12))))

(ert-deftest stdlib-ext-unknown-specializer ()
  (should-error (eval '(cl-defmethod stdlib-ext--describe ((_x (no-such-kind 1))) 1) t)))

(ert-deftest stdlib-ext-shell-quoting-round-trip ()
  (dolist (args '(("a" "b c" "d\"e") ("x\\y" "") ("plain")))
    (should (equal (split-string-and-unquote (combine-and-quote-strings args))
                   (remove "" args)))))

(defvar stdlib-ext--hist nil)

(ert-deftest stdlib-ext-history ()
  (let ((stdlib-ext--hist (list "b" "c")) (history-delete-duplicates t))
    (add-to-history 'stdlib-ext--hist "c")
    (should (equal stdlib-ext--hist '("c" "b")))
    (add-to-history 'stdlib-ext--hist "d" 2)
    (should (equal stdlib-ext--hist '("d" "c")))))

(ert-deftest stdlib-ext-string-fill ()
  (should (equal (string-fill "the quick brown fox" 10) "the quick\nbrown fox"))
  (should (equal (string-fill "a\n\nb c" 1) "a\n\nb\nc")))

(ert-deftest stdlib-ext-progress-reporter ()
  (let ((sum 0))
    (dotimes-with-progress-reporter (i 5) "Summing..." (setq sum (+ sum i)))
    (should (= sum 10))))

(ert-deftest stdlib-ext-ppss ()
  (with-temp-buffer
    (insert "(a (b \"c")
    (let ((state (syntax-ppss)))
      (should (= (ppss-depth state) 2))
      (should (equal (ppss-open-parens state) '(1 4)))
      (should (eq (ppss-string-terminator state) ?\")))))

(ert-deftest stdlib-ext-cl-gaps ()
  (should (= (cl-cadddr '(1 2 3 4)) 4))
  (should (equal (cl-copy-seq [1 2]) [1 2]))
  (should (cl-floatp-safe 1.5))
  (should-not (cl-proclaim '(optimize (speed 3)))))

(ert-deftest stdlib-ext-parse-body ()
  (should (equal (macroexp-parse-body '("doc" (declare (pure t)) body))
                 '(("doc" (declare (pure t))) body))))

;; A deliberately failing test: the harness must report it the same way.
(ert-deftest stdlib-ext-expected-failure ()
  :expected-result :failed
  (should (equal (split-string-and-unquote "a b") '("a"))))
