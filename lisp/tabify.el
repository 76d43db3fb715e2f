;;; tabify.el --- spaces to tabs and back  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defvar tabify-regexp " [ \t]+" "The runs of blanks `tabify' considers turning into tabs.")

(defun tabify--region-args () "Give the interactive arguments: the region, or with a prefix the whole buffer."
  (let ((whole current-prefix-arg))
    (list (if whole (point-min) (region-beginning))
          (if whole (point-max) (region-end))
          whole)))

(defun untabify (start end &optional _arg) "Turn every tab between START and END into the spaces that fill its width.
Called interactively with a prefix ARG, work on the whole buffer." (interactive (tabify--region-args))
  (let ((stop (copy-marker end t)))
    (save-excursion (goto-char start)
      (while (search-forward "\t" stop t)
        (let* ((from (1- (point)))
               (from-col (save-excursion (goto-char from) (current-column)))
               to-col)
          (skip-chars-forward "\t" stop)
          (setq to-col (current-column))
          (let ((tabs-end (point)))
            ;; The spaces go in before the tabs leave, so that markers just
            ;; after the tabs stay after the spaces.
            (goto-char from)
            (insert (make-string (- to-col from-col) ?\s))
            (delete-region (point) (+ (point) (- tabs-end from)))))))
    (set-marker stop nil) (current-column)))

(defun tabify (start end &optional _arg) "Turn the runs of blanks between START and END that reach a tab stop into tabs.
Called interactively with a prefix ARG, work on the whole buffer." (interactive (tabify--region-args))
  (let ((stop (copy-marker end t)))
    (save-excursion (goto-char start)
      (while (re-search-forward tabify-regexp stop t)
        (let ((to-col (current-column))
              (from-col (save-excursion (goto-char (match-beginning 0)) (current-column))))
          (when (> (/ to-col tab-width) (/ from-col tab-width))
            (delete-region (match-beginning 0) (point))
            (let ((indent-tabs-mode t)) (indent-to to-col))))))
    (set-marker stop nil)
    nil))

(provide 'tabify)
