;; forward-comment -1 over nested comments whose delimiters share characters
;; (`#|' starts, `|#' ends, both nested): every string of length 2 to 6 over
;; "#|a" after an "x", and where moving back from its end stops.

(defun cnb-syntax (line-comments)
  "Give the current buffer nested `#|...|#' comments, and `;' ones if LINE-COMMENTS."
  (set-syntax-table (make-syntax-table))
  (setq parse-sexp-ignore-comments t)
  (modify-syntax-entry ?# ". 14")
  (modify-syntax-entry ?| ". 23n")
  (when line-comments
    (modify-syntax-entry ?\; "< b")
    (modify-syntax-entry ?\n "> b")))
(defun cnb-back-from-ends (texts)
  "Where `forward-comment' -1 stops from the end of each of TEXTS."
  (with-temp-buffer
    (cnb-syntax t)
    (mapcar (lambda (s)
              (erase-buffer)
              (insert s)
              (list (forward-comment -1) (point)))
            texts)))
(defun cnb-results (len)
  (let ((alpha "#|a") (out nil))
    (dotimes (k (expt 3 len))
      (let ((s "") (n k))
        (dotimes (_ len)
          (setq s (concat s (string (aref alpha (% n 3)))) n (/ n 3)))
        (with-temp-buffer
          (cnb-syntax nil)
          (insert "x" s)
          (push (if (forward-comment -1) (point) 0) out))))
    (apply #'string (mapcar (lambda (p) (+ ?0 p)) (nreverse out)))))
(cnb-results 2)
(cnb-results 3)
(cnb-results 4)
(cnb-results 5)
(cnb-results 6)
(with-temp-buffer
  (cnb-syntax nil)
  (insert "104#| Comment\n|#104\n105#|#|#")
  (list (forward-comment -1) (point)))
(cnb-back-from-ends
 '("\n#|#;; \n" "|####|;a\n|" "#####|##;||a \n" " \n#|#;||\n " "#|a;#aa|#\n##a|"))
;; A nested comment's delimiters after a line comment's starter: the forward
;; parse starts again inside each comment it finds itself in.
(cnb-back-from-ends
 '(";a#|#|#" "#\n ;a#|#|#" "; #|#|#" "#| ; #|#|#" ";#|#|#|#" "q\n;#|#|#|#"
   "b;#|#|#|#" ";b#|#|#|#" "#|\n;#|#|#|#" "|#;#|#|#|#" "#|b|#;#|#|#|#"
   "a;#||;|#a" ";#|\n##|#\n" "\n;;| \n;##||#;|"))
