;; Comment scans over pseudo-random text with two comment styles sharing
;; characters: `#|' ... `|#' nested (style a) and `;' to newline (style b).
;; For every position, where (forward-comment -1) and (forward-comment 1)
;; stop, whether they succeeded, and the nesting depth a parse from the start
;; gives; each batch's lines are compared by their MD5 (print `lines' under
;; both systems to see which string differs).

(defvar cbf-seed 4242)
(defun cbf-next (n)
  (setq cbf-seed (% (+ (* cbf-seed 1103515245) 12345) 2147483648))
  (% (/ cbf-seed 65536) n))
(defun cbf-batch (count)
  (let ((alpha "#|#|a \n;") (lines nil))
    (dotimes (_ count)
      (let ((s (apply #'string (mapcar (lambda (_) (aref alpha (cbf-next (length alpha))))
                                       (make-list (+ 3 (cbf-next 12)) 0)))))
        (with-temp-buffer
          (set-syntax-table (make-syntax-table))
          (setq parse-sexp-ignore-comments t)
          (modify-syntax-entry ?# ". 14")
          (modify-syntax-entry ?| ". 23n")
          (modify-syntax-entry ?\; "< b")
          (modify-syntax-entry ?\n "> b")
          (insert s)
          (let ((row nil))
            (dolist (p (number-sequence 1 (point-max)))
              (goto-char p)
              (push (format "%s%d" (if (forward-comment -1) "+" "-") (point)) row)
              (goto-char p)
              (push (format "%s%d" (if (forward-comment 1) "+" "-") (point)) row)
              (push (format "%S" (nth 4 (parse-partial-sexp 1 p))) row))
            (push (concat s "|" (mapconcat #'identity (nreverse row) " ")) lines)))))
    (secure-hash 'md5 (mapconcat #'identity (nreverse lines) "\n"))))
(cbf-batch 250)
(cbf-batch 250)
