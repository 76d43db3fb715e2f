;;; text-center.el --- centering lines, as GNU's text-mode.el does  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; autoloaded.

(defun center-line (&optional nlines) "Center this line's text between the left margin and `fill-column'; with NLINES, that many lines from here (back when negative)." (interactive "P")
  (when nlines (setq nlines (prefix-numeric-value nlines)))
  (let ((count (or nlines 1)))
    (while (not (zerop count))
      (save-excursion
        (let ((margin (current-left-margin)) width)
          (beginning-of-line)
          (delete-horizontal-space)
          (end-of-line)
          (delete-horizontal-space)
          (setq width (current-column))
          ;; Half the room left over goes before the text, after the margin.
          (when (> (- fill-column margin width) 0)
            (beginning-of-line)
            (indent-line-to (+ margin (/ (- fill-column margin width) 2))))))
      (cond ((null nlines) (setq count 0))
            ((> count 0) (forward-line 1) (setq count (1- count)))
            (t (forward-line -1) (setq count (1+ count)))))))

(defun center-region (from to) "Center each nonblank line from FROM to TO with `center-line'." (interactive "r")
  (when (> from to) (setq from (prog1 to (setq to from))))
  (save-excursion
    (save-restriction
      (narrow-to-region from to)
      (goto-char from)
      (while (not (eobp))
        (unless (save-excursion (skip-chars-forward " \t") (eolp))
          (center-line))
        (forward-line 1)))))

(defun center-paragraph () "Center each nonblank line of the paragraph at or after point." (interactive)
  (save-excursion
    (forward-paragraph)
    (or (bolp) (newline 1))
    (let ((end (point)))
      (backward-paragraph)
      (center-region (point) end))))

(provide 'text-center)
;;; text-center.el ends here
