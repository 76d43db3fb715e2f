;;; pidigits.el --- Bignum arithmetic: the first 400 digits of pi by Gibbons' unbounded spigot -*- lexical-binding: t -*-

(defun bench-pi-digits (n)
  (let ((q 1) (r 0) (t* 1) (k 1) (m 3) (x 3) (digits nil) (count 0))
    (while (< count n)
      (if (< (+ (* 4 q) r (- t*)) (* m t*))
          (progn
            (push m digits)
            (setq count (1+ count))
            (let ((q2 (* 10 q))
                  (r2 (* 10 (- r (* m t*)))))
              (setq m (- (/ (* 10 (+ (* 3 q) r)) t*) (* 10 m)))
              (setq q q2 r r2)))
        (let ((q2 (* q k))
              (r2 (* (+ (* 2 q) r) x))
              (t2 (* t* x))
              (m2 (/ (+ (* q (+ (* 7 k) 2)) (* r x)) (* t* x))))
          (setq q q2 r r2 t* t2 m m2 k (1+ k) x (+ x 2)))))
    (mapconcat #'number-to-string (nreverse digits) "")))

(let ((d (bench-pi-digits 400)))
  (princ (list (length d) (substring d 0 20) (substring d 380))))
