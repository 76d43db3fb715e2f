;;; closures.el --- Closures: cl-flet, mapcar, lambdas capturing and mutating variables -*- lexical-binding: t -*-
(require 'cl-lib)

(defun bench-make-counter ()
  (let ((n 0)) (lambda (k) (setq n (+ n k)))))

(defun bench-compose (f g) (lambda (x) (funcall f (funcall g x))))

(defun bench-closures (rounds)
  (let ((counter (bench-make-counter))
        (xs (number-sequence 1 200))
        (total 0))
    (dotimes (r rounds)
      (cl-flet ((scale (x) (* x (1+ (% r 3))))
                (odd (x) (= (% x 2) 1)))
        (let* ((adders (mapcar (lambda (k) (lambda (x) (+ x k))) '(1 2 3)))
               (f (bench-compose (nth (% r 3) adders) #'scale))
               (ys (mapcar f xs))
               (odds (delq nil (mapcar (lambda (y) (and (odd y) y)) ys))))
          (setq total (+ total (apply #'+ odds)))
          (mapc (lambda (y) (funcall counter y)) odds))))
    (list total (funcall counter 0))))

(princ (bench-closures 1500))
