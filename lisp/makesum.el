;;; makesum.el --- lay a region's lines out in two columns  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; Only `double-column' is here: GNU's `make-command-summary', which
;; lays out the key bindings of the current buffer this way, is not.

;;; Code:

(defun double-column (start end) "Put the lines of the region from START to END in two columns.
The first half of the lines (one more when their number is odd) stays
on the left; the second half moves up beside them, from column 41."
  (interactive "r")
  (let* ((from (save-excursion (goto-char (min start end)) (line-beginning-position)))
         (to (max start end))
         (text (buffer-substring from to))
         (ends-line (or (string-suffix-p "\n" text) (= to (point-max))))
         (rows (split-string (if (string-suffix-p "\n" text) (substring text 0 -1) text) "\n"))
         (left-count (/ (1+ (length rows)) 2)))
    (if (< (length rows) 2)
        (goto-char to)
      (goto-char from) (delete-region from to)
      (let ((right (nthcdr left-count rows)))
        (dotimes (i left-count)
          (unless (zerop i) (insert "\n"))
          (insert (nth i rows))
          (when right (indent-to 41) (insert (pop right)))))
      (when ends-line (insert "\n"))))
  (point))

(provide 'makesum)
