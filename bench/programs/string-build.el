;;; string-build.el --- String building: format, concat, mapconcat, number-to-string, split and join -*- lexical-binding: t -*-

(defun bench-string-build (n)
  (let ((parts nil) (sum 0))
    (dotimes (i n)
      (push (format "%d:%s=%05.1f" i (number-to-string (* i i)) (/ i 7.0)) parts)
      (when (= (% i 100) 99)
        (let* ((line (mapconcat #'identity (nreverse parts) ","))
               (fields (split-string line ","))
               (up (upcase (concat (car fields) "|" (car (last fields))))))
          (setq sum (+ sum (length line) (length fields) (length up)
                       (string-to-number (substring (car (last fields)) 0 (string-match ":" (car (last fields))))))))
        (setq parts nil)))
    (list sum (apply #'string (mapcar (lambda (i) (+ ?a (% i 26))) (number-sequence 0 30))))))

(princ (bench-string-build 40000))
