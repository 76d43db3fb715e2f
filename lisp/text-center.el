;;; text-center.el --- centering lines, as GNU's text-mode.el does  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; autoloaded.

(defun center-paragraph () "Center each nonblank line of the paragraph at or after point." (interactive)
  (save-excursion
    (let (stop)
      (forward-paragraph) (if (not (bolp)) (newline))
      (setq stop (point-marker))
      (backward-paragraph) (center-region (point) stop))))

(defun center-region (from to) "Center each nonblank line from FROM to TO with `center-line'." (interactive "r")
  (save-mark-and-excursion (save-restriction
    (narrow-to-region (min from to) (max from to))
    (goto-char (point-min)) (while (not (eobp))
      (let ((blank (looking-at-p "[ \t]*$")))
        (or blank (center-line)))
      (forward-line)))))

(defun center-line (&optional nlines) "Center this line's text between the left margin and `fill-column'; with NLINES, that many lines from here (back when negative)." (interactive "P")
  (let* ((n (if nlines (prefix-numeric-value nlines) 1))
         (step (if (< n 0) -1 1)))
    (dotimes (i (abs n))
      (ignore i)
      (save-excursion (text-center--one-line))
      ;; Without NLINES point stays on its line.
      (if nlines (forward-line step)))))

(defun text-center--one-line () "Center the text of the line point is on, trimmed of blanks at both ends."
  (let* ((room (- fill-column (current-left-margin)))
         (bol (progn (forward-line 0) (point)))
         (text-start (progn (goto-char bol) (skip-chars-forward " \t") (point)))
         (text-end (progn (goto-char (line-end-position)) (skip-chars-backward " \t" text-start) (point))))
    (delete-region text-end (line-end-position))
    (delete-region bol text-start)
    (let ((spare (- room (progn (end-of-line) (current-column)))))
      ;; The text goes half the spare room to the right of the margin, if there is room.
      (if (> spare 0) (indent-line-to (+ (/ spare 2) (current-left-margin)))))))

(defun text-mode-hook-identify () "Mark the current buffer as being in Text mode or a mode made from it, for `toggle-text-mode-auto-fill'."
  (setq-local text-mode-variant t))

(provide 'text-center)
;;; text-center.el ends here
