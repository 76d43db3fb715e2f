;; fib 25 by naive recursion: function calls and integer arithmetic.
(defun bench-fib (n) (if (< n 2) n (+ (bench-fib (- n 1)) (bench-fib (- n 2)))))
(princ (bench-fib 25))
