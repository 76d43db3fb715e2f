;;; hash-strings.el --- Hash tables: equal tables keyed by strings and conses, counts, maphash, remhash -*- lexical-binding: t -*-

(defun bench-word (i)
  "A word of 3 to 7 letters spelling I in base 26."
  (let ((s (make-string (+ 3 (% i 5)) ?a)) (k i))
    (dotimes (j (length s))
      (aset s j (+ ?a (% k 26)))
      (setq k (/ k 26)))
    s))

(defun bench-hash-strings (n)
  (let ((counts (make-hash-table :test 'equal))
        (pairs (make-hash-table :test 'equal))
        (total 0) (distinct 0) (longest ""))
    (dotimes (i n)
      (let ((w (bench-word (% (* i 31) 5003))))
        (puthash w (1+ (gethash w counts 0)) counts)
        (puthash (cons (length w) (aref w 0)) i pairs)))
    (maphash (lambda (k v)
               (setq total (+ total v) distinct (1+ distinct))
               (when (or (> (length k) (length longest))
                         (and (= (length k) (length longest)) (string< k longest)))
                 (setq longest k)))
             counts)
    (dotimes (i 2000) (remhash (bench-word i) counts))
    (list total distinct longest (hash-table-count counts) (hash-table-count pairs)
          (gethash (cons 5 ?a) pairs))))

(princ (bench-hash-strings 60000))
