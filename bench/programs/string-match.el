;; Issue 10's string benchmark: a string-match loop, split-string and replace-regexp-in-string over a 137K-char string.
(let* ((words (let (l) (dotimes (i 20000) (push (format "w%dé" (% (* i 7919) 10007)) l)) l))
       (s (mapconcat #'identity words " "))
       (n 0) (pos 0))
  (while (string-match "w\\([0-9]+\\)é" s pos)
    (setq n (+ n (length (match-string 1 s))) pos (match-end 0)))
  (let ((parts (split-string s " "))
        (replaced (replace-regexp-in-string "w\\([0-9]\\)" "W\\1" s)))
    (princ (list n (length parts) (length replaced) (substring replaced 0 20) (length s)))))
