;;; cl-loop.el --- cl-loop over lists: for/in, on, collect, sum, maximize, when, append -*- lexical-binding: t -*-
(require 'cl-lib)

(defun bench-cl-loop (rounds)
  (let ((data (cl-loop for i from 1 to 500 collect (% (* i 7919) 1009)))
        (acc 0))
    (dotimes (_ rounds)
      (let* ((evens (cl-loop for x in data when (cl-evenp x) collect x))
             (s (cl-loop for x in evens sum x))
             (m (cl-loop for x in data maximize x))
             (pairs (cl-loop for (a b) on data by #'cddr while b collect (cons a b)))
             (diffs (cl-loop for (a . b) in pairs count (> a b)))
             (firsts (cl-loop for x in data for i from 0 until (> i 50) append (list x i))))
        (setq acc (+ acc s m diffs (length firsts)
                     (cl-loop for x across (vconcat evens) thereis (and (> x 1000) x) finally return 0)))))
    acc))

(princ (bench-cl-loop 400))
