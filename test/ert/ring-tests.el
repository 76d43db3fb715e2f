;;; ring-tests.el --- ERT tests for ring.el and let-alist.el  -*- lexical-binding: t -*-

;; Written for tsmacs.  Third-party style: only GNU Emacs 28's public API.

(require 'ert)
(require 'ring)
(require 'let-alist)

(defun ring-tests--make (size &rest items)
  (let ((r (make-ring size)))
    (dolist (x items) (ring-insert r x))
    r))

(ert-deftest ring-tests-empty ()
  (let ((r (make-ring 3)))
    (should (ring-p r))
    (should (ring-empty-p r))
    (should (= (ring-size r) 3))
    (should (= (ring-length r) 0))
    (should (equal (ring-elements r) nil))
    (should-error (ring-ref r 0))
    (should-error (ring-remove r))))

(ert-deftest ring-tests-insert-and-ref ()
  (let ((r (ring-tests--make 3 'a 'b)))
    (should (= (ring-length r) 2))
    (should (eq (ring-ref r 0) 'b))
    (should (eq (ring-ref r 1) 'a))
    (should (eq (ring-ref r 2) 'b))
    (should (equal (ring-elements r) '(b a)))))

(ert-deftest ring-tests-overflow-drops-oldest ()
  (let ((r (ring-tests--make 3 1 2 3 4 5)))
    (should (= (ring-length r) 3))
    (should (equal (ring-elements r) '(5 4 3)))))

(ert-deftest ring-tests-remove ()
  (let ((r (ring-tests--make 4 'a 'b 'c)))
    (should (eq (ring-remove r) 'a))
    (should (equal (ring-elements r) '(c b)))
    (should (eq (ring-remove r 0) 'c))
    (should (equal (ring-elements r) '(b)))))

(ert-deftest ring-tests-insert-at-beginning ()
  (let ((r (ring-tests--make 3 'a)))
    (ring-insert-at-beginning r 'z)
    (should (equal (ring-elements r) '(a z)))
    (should (eq (ring-ref r 1) 'z))))

(ert-deftest ring-tests-member ()
  (let ((r (ring-tests--make 3 "x" "y" "z")))
    (should (= (ring-member r "x") 2))
    (should (= (ring-member r "z") 0))
    (should-not (ring-member r "q"))))

(ert-deftest ring-tests-copy-is-independent ()
  (let* ((r (ring-tests--make 3 1))
         (c (ring-copy r)))
    (ring-insert c 2)
    (should (equal (ring-elements r) '(1)))
    (should (equal (ring-elements c) '(2 1)))))

(ert-deftest ring-tests-extend-resize ()
  (let ((r (ring-tests--make 2 'a 'b 'c)))
    (ring-extend r 2)
    (should (= (ring-size r) 4))
    (should (equal (ring-elements r) '(c b)))
    (ring-insert r 'd)
    (should (equal (ring-elements r) '(d c b)))
    (ring-resize r 1)
    (should (equal (ring-elements r) '(d)))))

(ert-deftest ring-tests-convert-sequence ()
  (let ((r (ring-convert-sequence-to-ring '(a a b))))
    (should (ring-p r))
    (should (equal (ring-elements r) '(a b))))
  (let ((r (make-ring 1)))
    (should (eq (ring-convert-sequence-to-ring r) r))))

(ert-deftest ring-tests-insert+extend ()
  (let ((r (make-ring 1)))
    (ring-insert+extend r 'a t)
    (ring-insert+extend r 'b t)
    (should (= (ring-size r) 2))
    (should (equal (ring-elements r) '(b a)))))

(ert-deftest let-alist-tests-basic ()
  (let-alist '((a . 1) (b . 2))
    (should (= .a 1))
    (should (= (+ .a .b) 3))
    (should-not .c)))

(ert-deftest let-alist-tests-nested ()
  (let-alist '((x . ((y . ((z . deep))))))
    (should (eq .x.y.z 'deep))
    (should (equal .x.y '((z . deep))))))

(ert-deftest let-alist-tests-inner-let-alist ()
  (let-alist '((a . outer) (sub . ((a . inner))))
    (should (eq .a 'outer))
    (should (eq (let-alist .sub .a) 'inner))))

(ert-deftest let-alist-tests-evaluates-alist-once ()
  (let ((n 0))
    (let-alist (progn (setq n (1+ n)) '((a . 1) (b . 2)))
      (should (= (+ .a .b) 3)))
    (should (= n 1))))

;;; ring-tests.el ends here
