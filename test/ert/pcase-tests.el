;;; pcase-tests.el --- ERT tests for pcase  -*- lexical-binding: t -*-

;; Written for tsmacs.  Third-party style: only GNU Emacs 28's public API.

(require 'ert)
(require 'seq)
(require 'map)

(ert-deftest pcase-tests-literals ()
  (should (eq (pcase 1 (1 'one) (_ 'other)) 'one))
  (should (eq (pcase "a" ("a" 'str) (_ 'other)) 'str))
  (should (eq (pcase 'x ('x 'sym) (_ 'other)) 'sym))
  (should (eq (pcase :k (:k 'kw) (_ 'other)) 'kw))
  (should-not (pcase 5 (1 'one))))

(ert-deftest pcase-tests-binding ()
  (should (= (pcase 5 (x (* x 2))) 10))
  (should (equal (pcase '(1 2) (`(,a ,b) (list b a))) '(2 1)))
  (should (equal (pcase '(1 (2 3)) (`(,a (,b ,c)) (+ a b c))) 6))
  (should (equal (pcase [1 2] (`[,a ,b] (cons a b))) '(1 . 2))))

(ert-deftest pcase-tests-pred-guard ()
  (should (eq (pcase 4 ((pred cl-evenp) 'even) (_ 'odd)) 'even))
  (should (eq (pcase 3 ((and n (guard (> n 2))) 'big) (_ 'small)) 'big))
  (should (eq (pcase "x" ((pred stringp) 'string)) 'string))
  (should (eq (pcase 5 ((pred (< 3)) 'gt3) (_ 'no)) 'gt3)))

(ert-deftest pcase-tests-or-and ()
  (should (eq (pcase 'b ((or 'a 'b) 'ab) (_ 'other)) 'ab))
  (should (equal (pcase '(1 . 2) ((and `(,x . ,_) (guard (= x 1))) 'first-one)) 'first-one))
  (should (equal (pcase '(k 3) ((or `(k ,v) `(j ,v)) v)) 3)))

(ert-deftest pcase-tests-app ()
  (should (eq (pcase '(1 2 3) ((app length 3) 'three)) 'three))
  (should (= (pcase "abc" ((app length n) n)) 3)))

(ert-deftest pcase-tests-let ()
  (pcase-let ((`(,a ,b) '(1 2)))
    (should (= (+ a b) 3)))
  (pcase-let* ((`(,a . ,rest) '(1 2 3))
               (`(,b) rest))
    (should (equal (list a b) '(1 2)))))

(ert-deftest pcase-tests-dolist ()
  (let ((acc nil))
    (pcase-dolist (`(,k . ,v) '((a . 1) (b . 2)))
      (push (list v k) acc))
    (should (equal acc '((2 b) (1 a))))))

(ert-deftest pcase-tests-setq ()
  (let (a b)
    (pcase-setq `(,a ,b) '(1 2))
    (should (equal (list a b) '(1 2)))))

(ert-deftest pcase-tests-exhaustive ()
  (should-error (pcase-exhaustive 3 (1 'one)))
  (should (eq (pcase-exhaustive 1 (1 'one)) 'one)))

(ert-deftest pcase-tests-cl-type ()
  (should (eq (pcase 1 ((cl-type integer) 'int) (_ 'other)) 'int))
  (should (eq (pcase 'a ((cl-type integer) 'int) (_ 'other)) 'other)))

(ert-deftest pcase-tests-seq-pattern ()
  (should (equal (pcase [1 2 3] ((seq a b) (list a b))) '(1 2)))
  (should (equal (pcase '(1 2 3) ((seq x &rest r) (list x r))) '(1 (2 3))))
  (should (eq (pcase 5 ((seq _) 'seq) (_ 'not-seq)) 'not-seq)))

(ert-deftest pcase-tests-map-pattern ()
  (should (equal (pcase '((a . 1) (b . 2)) ((map a b) (list a b))) '(1 2)))
  (should (equal (pcase '(:x 1) ((map :x) x)) 1)))

(ert-deftest pcase-tests-backquote-nested ()
  (should (equal (pcase '(add 1 (mul 2 3))
                   (`(add ,x (mul ,y ,z)) (+ x (* y z))))
                 7)))

(ert-deftest pcase-tests-macroexpand-to-cond ()
  (should (equal (mapcar (lambda (x) (pcase x
                                       ((pred null) 'nil-value)
                                       ((pred consp) 'cons)
                                       ((pred vectorp) 'vector)
                                       (_ 'atom)))
                         (list nil '(1) [1] 1))
                 '(nil-value cons vector atom))))

;;; pcase-tests.el ends here
