;;; misc.el --- small editing commands  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defun copy-from-above-command (&optional arg) "Insert the text of the nearest non-blank line above, from point's column on.
ARG, if given, is how many characters to take; otherwise the rest of
that line is taken." (interactive "P")
  (let ((col (current-column)) piece)
    (save-excursion (beginning-of-line)
      (when (bobp) (signal 'beginning-of-buffer nil))
      (skip-chars-backward " 	
") (move-to-column col)
      (setq piece (concat (make-string (max 0 (- (current-column) col)) ?\s)
                          (buffer-substring (point) (line-end-position))))
      (when arg
        (setq piece (substring piece 0 (min (length piece) (prefix-numeric-value arg))))))
    (insert piece)))

(defun zap-up-to-char (arg char &optional _interactive) "Kill the text from point up to, not including, the ARGth CHAR after it.
A negative ARG looks backward." (interactive (list (prefix-numeric-value current-prefix-arg)
                     (read-char "Zap up to char: " t) t))
  (let* ((from (point))
         (to (if (zerop arg)
                 from
               (save-excursion
                 ;; The character at point itself never counts.
                 (forward-char (if (< arg 0) -1 1))
                 (search-forward (string char) nil nil arg)
                 (if (< arg 0) (match-end 0) (match-beginning 0))))))
    (kill-region from to)))

(defun mark-beginning-of-buffer () "Set the mark at the beginning of the buffer." (interactive)
  (let ((top (point-min))) (push-mark top)))

(defun mark-end-of-buffer () "Set the mark at the end of the buffer." (interactive)
  (let ((bottom (point-max))) (push-mark bottom)))

(defun upcase-char (arg) "Capitalize ARG characters from point on, leaving point where it is." (interactive "p")
  (let* ((from (point)) (to (save-excursion (forward-char arg) (point))))
    (upcase-region from to)))

(defun misc--word-edge (n) "Move over N word edges: forward to word starts when N is positive, back to word ends when negative.
Give where point lands."
  ;; A non-word character followed by a word boundary is where a word
  ;; starts; backward, a boundary then a non-word character.
  (or (re-search-forward (if (< n 0) "\\b\\W" "\\W\\b") nil 'move n)
      (point)))

(defun forward-to-word (arg) "Move forward to the start of the ARGth word after point." (interactive "^p")
  (misc--word-edge arg))

(defun backward-to-word (arg) "Move backward to the end of the ARGth word before point." (interactive "^p")
  (misc--word-edge (- arg)))

(provide 'misc)
