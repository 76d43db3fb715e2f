;; Issue 9's benchmark: parse-partial-sexp over about 1 MB of Lisp text, in 100 steps and at once.
(defconst bench-chunk
  ";; A chunk of ordinary Lisp: definitions, strings, chars, vectors, quoting.
(defun bench-sample (x &optional y)
  \"Return X plus Y; \\\"quoted\\\" words and a (paren) in the doc.\"
  (let ((z (or y 0)) (v [1 2 (3 . 4) \"five\"]))
    (cond ((> x 10) `(big ,x ,@(list z)))
          ((eq x ?\\() 'open-paren)
          (t (+ x z (length v) #x1F 1.5e3)))))
")
(with-temp-buffer
  (with-syntax-table emacs-lisp-mode-syntax-table
    (while (< (buffer-size) 1000000) (insert bench-chunk))
    (let ((whole (parse-partial-sexp (point-min) (point-max)))
          (state nil) (pos (point-min)) (step (/ (buffer-size) 100)))
      (while (< pos (point-max))
        (let ((next (min (point-max) (+ pos step))))
          (setq state (parse-partial-sexp pos next nil nil state))
          (setq pos next)))
      (princ (list (nth 0 whole) (nth 2 whole) (nth 0 state) (nth 2 state) (buffer-size))))))
