;; Fill an eql hash table with 200,000 integer keys, then read them all back.
(let ((h (make-hash-table :test 'eql)) (i 0) (sum 0))
  (while (< i 200000) (puthash i (* 2 i) h) (setq i (1+ i)))
  (setq i 0)
  (while (< i 200000) (setq sum (+ sum (gethash i h))) (setq i (1+ i)))
  (princ (list (hash-table-count h) sum)))
