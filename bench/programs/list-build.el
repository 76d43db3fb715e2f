;; Build and reverse lists of 100,000 conses 20 times: allocation and the collector.
(let ((total 0))
  (dotimes (_ 20)
    (let ((l nil) (i 0))
      (while (< i 100000) (setq l (cons i l)) (setq i (1+ i)))
      (setq l (nreverse l))
      (setq total (+ total (length l) (car l)))))
  (princ total))
