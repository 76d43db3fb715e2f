;; Issue 9's benchmark: read every form of about 1 MB of Lisp text from a buffer.
(defconst bench-chunk
  ";; A chunk of ordinary Lisp: definitions, strings, chars, vectors, quoting.
(defun bench-sample (x &optional y)
  \"Return X plus Y; \\\"quoted\\\" words and a (paren) in the doc.\"
  (let ((z (or y 0)) (v [1 2 (3 . 4) \"five\"]))
    (cond ((> x 10) `(big ,x ,@(list z)))
          ((eq x ?\\() 'open-paren)
          (t (+ x z (length v) #x1F 1.5e3)))))
(defvar bench-table '((alpha . 1) (beta . 2) (\"gamma\" . #s(hash-table data (a 1)))))
")
(with-temp-buffer
  (while (< (buffer-size) 1000000) (insert bench-chunk))
  (goto-char (point-min))
  (let ((n 0))
    (condition-case nil
        (while t (read (current-buffer)) (setq n (1+ n)))
      (end-of-file nil))
    (princ (list n (buffer-size)))))
