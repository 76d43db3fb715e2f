;;; bubble-sort.el --- Bubble sort on lists of 400 pseudo-random fixnums, 8 times -*- lexical-binding: t -*-
;; car/cdr/setcar and comparisons in nested while loops, as list-heavy Lisp does.

(defun bench-random-list (n seed)
  (let ((l nil))
    (dotimes (_ n)
      (setq seed (% (+ (* seed 1103) 12345) 65521))
      (push seed l))
    l))

(defun bench-bubble-sort (list)
  "Sort LIST in place by swapping neighbours until a pass swaps nothing."
  (let ((swapped t))
    (while swapped
      (setq swapped nil)
      (let ((p list))
        (while (cdr p)
          (let ((a (car p)) (b (cadr p)))
            (when (> a b)
              (setcar p b)
              (setcar (cdr p) a)
              (setq swapped t)))
          (setq p (cdr p))))))
  list)

(defun bench-sorted-p (l)
  (while (and (cdr l) (<= (car l) (cadr l))) (setq l (cdr l)))
  (null (cdr l)))

(let ((checks nil))
  (dotimes (round 8)
    (let ((l (bench-bubble-sort (bench-random-list 400 (+ 7 round)))))
      (push (list (bench-sorted-p l) (car l) (car (last l)) (nth 200 l)) checks)))
  (princ (nreverse checks)))
