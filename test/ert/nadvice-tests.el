;;; nadvice-tests.el --- advice on functions and places, eval-after-load, locate-file  -*- lexical-binding: t -*-

;; Written for tsmacs: a third-party-style suite that runs unchanged under GNU Emacs 28.2.

(require 'ert)

(defun nadvice-tests--double (x) (* 2 x))
(defmacro nadvice-tests--mac (x) `(list ,x))

(ert-deftest nadvice-tests-around-and-remove ()
  (let ((orig (symbol-function 'nadvice-tests--double))
        (adv (lambda (f x) (1+ (funcall f x)))))
    (advice-add 'nadvice-tests--double :around adv)
    (unwind-protect
        (progn
          (should (= (nadvice-tests--double 3) 7))
          (should (advice-member-p adv 'nadvice-tests--double))
          (should (functionp (symbol-function 'nadvice-tests--double))))
      (advice-remove 'nadvice-tests--double adv))
    (should (eq (symbol-function 'nadvice-tests--double) orig))
    (should-not (advice-member-p adv 'nadvice-tests--double))
    (should (= (nadvice-tests--double 3) 6))))

(ert-deftest nadvice-tests-every-how ()
  (let ((cases '((:before . 6) (:after . 6) (:override . ignored)
                 (:after-until . 6) (:after-while . ignored)
                 (:before-until . ignored) (:before-while . 6)
                 (:filter-return . ignored))))
    (dolist (c cases)
      (let ((adv (lambda (&rest _) 'ignored)))
        (advice-add 'nadvice-tests--double (car c) adv)
        (unwind-protect
            (should (equal (nadvice-tests--double 3) (cdr c)))
          (advice-remove 'nadvice-tests--double adv))))
    (let ((adv (lambda (args) (list (* 10 (car args))))))
      (advice-add 'nadvice-tests--double :filter-args adv)
      (unwind-protect (should (= (nadvice-tests--double 3) 60))
        (advice-remove 'nadvice-tests--double adv)))))

(ert-deftest nadvice-tests-depth-and-names ()
  (let ((log nil))
    (advice-add 'nadvice-tests--double :before (lambda (_) (push 'inner log))
                '((name . inner) (depth . 90)))
    (advice-add 'nadvice-tests--double :before (lambda (_) (push 'outer log))
                '((name . outer) (depth . -90)))
    (advice-add 'nadvice-tests--double :before (lambda (_) (push 'middle log))
                '((name . middle)))
    (nadvice-tests--double 1)
    (should (equal (nreverse log) '(outer middle inner)))
    (let (names)
      (advice-mapc (lambda (_f props) (push (cdr (assq 'name props)) names))
                   'nadvice-tests--double)
      (should (equal names '(inner middle outer))))
    (dolist (n '(inner outer middle)) (advice-remove 'nadvice-tests--double n))
    (should-not (advice--p (symbol-function 'nadvice-tests--double)))))

(ert-deftest nadvice-tests-survives-redefinition ()
  (advice-add 'nadvice-tests--later :filter-return #'1+)
  (should-not (fboundp 'nadvice-tests--later))
  (defun nadvice-tests--later (x) x)
  (should (= (nadvice-tests--later 1) 2))
  (defun nadvice-tests--later (x) (* x 10))
  (should (= (nadvice-tests--later 1) 11))
  (should (get 'nadvice-tests--later 'defalias-fset-function))
  (advice-remove 'nadvice-tests--later #'1+)
  (should-not (get 'nadvice-tests--later 'defalias-fset-function))
  (should (= (nadvice-tests--later 1) 10)))

(ert-deftest nadvice-tests-macro ()
  (let ((adv (lambda (form) `(cons 'wrapped ,form))))
    (advice-add 'nadvice-tests--mac :filter-return adv)
    (unwind-protect
        (should (equal (macroexpand '(nadvice-tests--mac 1))
                       '(cons 'wrapped (list 1))))
      (advice-remove 'nadvice-tests--mac adv))
    (should (equal (macroexpand '(nadvice-tests--mac 1)) '(list 1)))))

(defvar nadvice-tests--hook-fn #'identity)

(ert-deftest nadvice-tests-places ()
  (add-function :filter-return nadvice-tests--hook-fn #'1+)
  (should (= (funcall nadvice-tests--hook-fn 1) 2))
  (should (advice-function-member-p #'1+ nadvice-tests--hook-fn))
  (remove-function nadvice-tests--hook-fn #'1+)
  (should (eq nadvice-tests--hook-fn #'identity))
  (let ((f (lambda (x) (list x))))
    (add-function :around (var f) (lambda (g x) (cons 'a (funcall g x))))
    (should (equal (funcall f 1) '(a 1))))
  (with-temp-buffer
    (add-function :override (local 'nadvice-tests--hook-fn) #'ignore)
    (should (local-variable-p 'nadvice-tests--hook-fn))
    (should-not (funcall nadvice-tests--hook-fn 1))
    (remove-function (local 'nadvice-tests--hook-fn) #'ignore)
    (should-not (local-variable-p 'nadvice-tests--hook-fn))))

(defun nadvice-tests--triple (x) (* 3 x))
(define-advice nadvice-tests--triple (:filter-return (r) plus-one) (1+ r))

(ert-deftest nadvice-tests-define-advice ()
  (should (fboundp 'nadvice-tests--triple@plus-one))
  (should (= (nadvice-tests--triple 2) 7))
  (advice-remove 'nadvice-tests--triple 'nadvice-tests--triple@plus-one)
  (should (= (nadvice-tests--triple 2) 6)))

(ert-deftest nadvice-tests-errors ()
  (should-error (advice-add 'nadvice-tests--double :sideways #'ignore))
  (should-error (advice-add 42 :before #'ignore) :type 'wrong-type-argument)
  (should-not (advice-member-p #'ignore 'nadvice-tests--double)))

(ert-deftest nadvice-tests-eval-after-load ()
  (let* ((file (make-temp-file "nadvice-tests" nil ".el"))
         (feature (intern (file-name-base file)))
         (log nil))
    (unwind-protect
        (progn
          (write-region (format "(provide '%s)\n" feature) nil file nil 'silent)
          (eval-after-load feature (lambda () (push 'feature log)))
          (with-eval-after-load (file-name-nondirectory file) (push 'file log))
          (should-not log)
          (load file nil t)
          (should (equal log '(feature file)))
          (should (eq (eval-after-load feature (lambda () 'now)) 'now))
          (should (equal (cdr (assoc file load-history))
                         (list (cons 'provide feature)))))
      (delete-file file))))

(ert-deftest nadvice-tests-locate ()
  (let* ((file (make-temp-file "nadvice-tests-lib" nil ".el"))
         (dir (file-name-directory file))
         (base (file-name-base file)))
    (unwind-protect
        (progn
          (should (equal (locate-file base (list dir) '(".el")) file))
          (should-not (locate-file base (list dir)))
          (should (equal (locate-library base nil (list dir)) file))
          (should (equal (locate-file (file-name-nondirectory file) (list dir) nil 'readable) file))
          (should-not (locate-file (file-name-nondirectory file) (list dir) nil #'ignore)))
      (delete-file file))))

;;; nadvice-tests.el ends here
