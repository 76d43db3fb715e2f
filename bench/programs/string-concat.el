;; Concatenate 20,000 short strings, one at a time, then measure: strings and copying.
(let ((s "") (i 0))
  (while (< i 20000)
    (setq s (concat s (number-to-string (% i 10))))
    (setq i (1+ i)))
  (princ (length s)))
