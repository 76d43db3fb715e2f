;; Issue 9's benchmark: insert 1 MB one character at a time, alternating ASCII and a two-byte char.
(with-temp-buffer
  (let ((i 0))
    (while (< i 1000000)
      (insert (if (= (% i 64) 0) ?é ?a))
      (setq i (1+ i))))
  (princ (list (buffer-size) (position-bytes (point-max)))))
