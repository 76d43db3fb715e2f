;;; seq-tests.el --- ERT tests for seq.el  -*- lexical-binding: t -*-

;; Written for tsmacs.  Third-party style: only GNU Emacs 28's public API.

(require 'ert)
(require 'seq)

(defun seq-tests--even-p (n) (= 0 (% n 2)))

(ert-deftest seq-tests-elt-and-length ()
  (should (eq (seq-elt '(a b c) 1) 'b))
  (should (eq (seq-elt [a b c] 2) 'c))
  (should (= (seq-elt "abc" 0) ?a))
  (should (= (seq-length [1 2 3]) 3))
  (should (= (seq-length "") 0))
  (should-error (seq-elt [1 2] 5) :type 'args-out-of-range))

(ert-deftest seq-tests-empty-first-rest ()
  (should (seq-empty-p nil))
  (should (seq-empty-p ""))
  (should-not (seq-empty-p [nil]))
  (should (equal (seq-first '(1 2)) 1))
  (should (equal (seq-rest [1 2 3]) [2 3]))
  (should (equal (seq-rest "abc") "bc"))
  (should (equal (seq-rest nil) nil)))

(ert-deftest seq-tests-map-keeps-list-type ()
  (should (equal (seq-map #'1+ [1 2 3]) '(2 3 4)))
  (should (equal (seq-map #'upcase "ab") '(?A ?B)))
  (should (equal (seq-map-indexed #'cons '(a b)) '((a . 0) (b . 1)))))

(ert-deftest seq-tests-mapn-shortest ()
  (should (equal (seq-mapn #'+ '(1 2 3) [10 20]) '(11 22)))
  (should (equal (seq-mapn #'list "ab" '(1 2)) '((?a 1) (?b 2)))))

(ert-deftest seq-tests-do-returns-sequence ()
  (let ((acc nil) (v [1 2 3]))
    (should (eq (seq-do (lambda (x) (push x acc)) v) v))
    (should (equal acc '(3 2 1))))
  (let ((acc nil))
    (should-not (seq-do-indexed (lambda (e i) (push (list e i) acc)) "ab"))
    (should (equal acc '((?b 1) (?a 0))))))

(ert-deftest seq-tests-doseq ()
  (let ((sum 0))
    (seq-doseq (x [1 2 3 4]) (setq sum (+ sum x)))
    (should (= sum 10))))

(ert-deftest seq-tests-filter-remove ()
  (should (equal (seq-filter #'seq-tests--even-p [1 2 3 4]) '(2 4)))
  (should (equal (seq-remove #'seq-tests--even-p '(1 2 3 4)) '(1 3)))
  (should (equal (seq-filter #'identity '(nil nil)) nil)))

(ert-deftest seq-tests-reduce ()
  (should (= (seq-reduce #'+ [1 2 3] 0) 6))
  (should (equal (seq-reduce (lambda (acc x) (cons x acc)) '(1 2 3) nil) '(3 2 1)))
  (should (eq (seq-reduce #'+ nil 'init) 'init)))

(ert-deftest seq-tests-some-every-find-count ()
  (should (eq (seq-some (lambda (x) (and (> x 2) 'big)) '(1 2 3)) 'big))
  (should-not (seq-some #'null [1 2]))
  (should (seq-every-p #'numberp '(1 2.0)))
  (should-not (seq-every-p #'numberp '(1 a)))
  (should (= (seq-find #'seq-tests--even-p '(1 3 4 6)) 4))
  (should (eq (seq-find #'seq-tests--even-p '(1 3) 'none) 'none))
  (should (= (seq-count #'seq-tests--even-p [2 4 5]) 2)))

(ert-deftest seq-tests-contains-position ()
  (should (seq-contains-p '("a" "b") "b"))
  (should-not (seq-contains-p '("a" "b") "b" #'eq))
  (should (eq (seq-contains-p [nil] nil) t))
  (should (= (seq-position "hello" ?l) 2))
  (should-not (seq-position '(1 2) 3)))

(ert-deftest seq-tests-uniq ()
  (should (equal (seq-uniq '(1 2 1 3 2)) '(1 2 3)))
  (should (equal (seq-uniq "aabbc") '(?a ?b ?c)))
  (should (equal (seq-uniq '(1 1.0) #'=) '(1))))

(ert-deftest seq-tests-subseq ()
  (should (equal (seq-subseq '(1 2 3 4 5) 1 3) '(2 3)))
  (should (equal (seq-subseq [1 2 3 4 5] -2) [4 5]))
  (should (equal (seq-subseq "hello" 1 -1) "ell"))
  (should-error (seq-subseq '(1 2 3) 2 1))
  (should-error (seq-subseq '(1 2 3) 4))
  (should-error (seq-subseq [1 2 3] 0 9) :type 'args-out-of-range))

(ert-deftest seq-tests-take-drop ()
  (should (equal (seq-take '(1 2 3) 2) '(1 2)))
  (should (equal (seq-take [1 2 3] 10) [1 2 3]))
  (should (equal (seq-take "abc" -1) ""))
  (should (equal (seq-drop '(1 2 3) 2) '(3)))
  (should (equal (seq-drop "abc" 1) "bc"))
  (should (equal (seq-drop [1 2] 5) [])))

(ert-deftest seq-tests-take-drop-while ()
  (should (equal (seq-take-while #'seq-tests--even-p '(2 4 5 6)) '(2 4)))
  (should (equal (seq-drop-while #'seq-tests--even-p [2 4 5 6]) [5 6]))
  (should (equal (seq-take-while (lambda (c) (/= c ?-)) "ab-cd") "ab")))

(ert-deftest seq-tests-sort ()
  (should (equal (seq-sort #'< [3 1 2]) [1 2 3]))
  (should (equal (seq-sort #'< "cab") "abc"))
  (let* ((l (list 3 1 2)) (s (seq-sort #'< l)))
    (should (equal l '(3 1 2)))
    (should (equal s '(1 2 3))))
  (should (equal (seq-sort-by #'cdr #'< '((a . 2) (b . 1))) '((b . 1) (a . 2)))))

(ert-deftest seq-tests-reverse-concat-into ()
  (should (equal (seq-reverse "abc") "cba"))
  (should (equal (seq-reverse [1 2]) [2 1]))
  (should (equal (seq-concatenate 'list '(1) [2] "a") '(1 2 ?a)))
  (should (equal (seq-concatenate 'string "a" '(?b)) "ab"))
  (should (equal (seq-into '(?h ?i) 'string) "hi"))
  (should (equal (seq-into "hi" 'vector) [?h ?i]))
  (should-error (seq-into '(1) 'alist)))

(ert-deftest seq-tests-min-max ()
  (should (= (seq-min [5 3 9]) 3))
  (should (= (seq-max '(5 3 9)) 9)))

(ert-deftest seq-tests-partition-group ()
  (should (equal (seq-partition '(1 2 3 4 5) 2) '((1 2) (3 4) (5))))
  (should (equal (seq-partition "abcd" 3) '("abc" "d")))
  (should-not (seq-partition '(1 2) 0))
  (should (equal (seq-group-by #'seq-tests--even-p '(1 2 3 4))
                 '((nil 1 3) (t 2 4)))))

(ert-deftest seq-tests-set-operations ()
  (should (equal (seq-intersection '(1 2 3) '(3 2 7)) '(2 3)))
  (should (equal (seq-difference [1 2 3] '(2)) '(1 3)))
  (should (equal (seq-union '(1 2) '(2 3)) '(1 2 3)))
  (should (seq-set-equal-p '(1 2 3) [3 2 1]))
  (should-not (seq-set-equal-p '(1 2) '(1 2 3))))

(ert-deftest seq-tests-mapcat ()
  (should (equal (seq-mapcat (lambda (x) (list x x)) '(1 2)) '(1 1 2 2)))
  (should (equal (seq-mapcat (lambda (x) (vector x)) '(1 2) 'vector) [1 2])))

(ert-deftest seq-tests-let ()
  (seq-let (a b &rest c) [1 2 3 4]
    (should (= a 1))
    (should (= b 2))
    (should (equal c [3 4])))
  (seq-let (a (b c)) '(1 (2 3))
    (should (equal (list a b c) '(1 2 3))))
  (seq-let (x y z) '(1)
    (should (equal (list x y z) '(1 nil nil)))))

(ert-deftest seq-tests-setq ()
  (let (a b)
    (seq-setq (a b) '(10 20))
    (should (equal (list a b) '(10 20)))))

(ert-deftest seq-tests-random-elt ()
  (should (memq (seq-random-elt '(a b c)) '(a b c)))
  (should-error (seq-random-elt nil)))

(ert-deftest seq-tests-into-sequence ()
  (should (equal (seq-into-sequence '(1)) '(1)))
  (should-error (seq-into-sequence 1)))

;;; seq-tests.el ends here
