;;; tail-loop.el --- Tail-recursive loops (named-let), the Collatz steps of 1..12,000 -*- lexical-binding: t -*-
;; Each step is a self tail call: both systems turn them into loops (subr-x's named-let).
(require 'subr-x)

(defun bench-collatz-steps (n)
  (named-let step ((n n) (count 0))
    (cond ((= n 1) count)
          ((= (% n 2) 0) (step (/ n 2) (1+ count)))
          (t (step (+ (* 3 n) 1) (1+ count))))))

(defun bench-tail-loop (limit)
  (named-let outer ((i 1) (total 0) (best 0) (best-n 0))
    (if (> i limit)
        (list total best best-n)
      (let ((s (bench-collatz-steps i)))
        (if (> s best)
            (outer (1+ i) (+ total s) s i)
          (outer (1+ i) (+ total s) best best-n))))))

(princ (bench-tail-loop 12000))
