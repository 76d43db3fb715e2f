;;; rot13.el --- the Caesar shift by thirteen letters  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Only the ASCII letters move; everything else stays.

;;; Code:

(defun rot13--shift (c) "C moved thirteen places along its half of the alphabet when it is an ASCII letter."
  (let ((base (cond ((and (>= c ?a) (<= c ?z)) ?a)
                    ((and (>= c ?A) (<= c ?Z)) ?A))))
    (if base (+ base (% (+ (- c base) 13) 26)) c)))

(defvar rot13-translate-table
  (let ((table (make-string 127 0)))
    (dotimes (c 127 table) (aset table c (rot13--shift c))))
  "The ASCII characters but DEL, each replaced by its ROT13 counterpart, for `translate-region'.")

(unless (get 'display-table 'char-table-extra-slots)
  (put 'display-table 'char-table-extra-slots 6))

(defvar rot13-display-table
  (let ((table (make-char-table 'display-table)))
    (dolist (start '(?a ?A) table)
      (dotimes (i 26)
        (aset table (+ start i) (vector (rot13--shift (+ start i)))))))
  "A display table that shows each ASCII letter as its ROT13 counterpart.")

(defun rot13-region (start end) "Apply ROT13 to the text between START and END; return how many characters changed."
  (interactive "r")
  (translate-region start end rot13-translate-table))

(defun rot13-string (string) "STRING with ROT13 applied to its ASCII letters."
  (let ((chars (cond ((stringp string) (string-to-list string))
                     ((characterp string) (list string))
                     (t (signal 'wrong-type-argument (list 'char-or-string-p string))))))
    (string-to-multibyte (apply #'string (mapcar #'rot13--shift chars)))))

(defun rot13 (object &optional start end) "Apply ROT13 to OBJECT: a string gives a new string, a buffer has its text from START to END changed."
  (cond ((not (bufferp object)) (rot13-string object))
        (t (with-current-buffer object (rot13-region start end)))))

(defun rot13-other-window () "Show the current buffer in another window through the ROT13 display table."
  (interactive)
  (let ((shown (display-buffer (current-buffer) t)))
    (and (windowp shown) (set-window-display-table shown rot13-display-table))))

(defun toggle-rot13-mode () "Switch the selected window between ROT13 display and plain display."
  (interactive)
  (let* ((here (selected-window))
         (on (eq (window-display-table here) rot13-display-table)))
    (set-window-display-table here (if on nil rot13-display-table))))

(provide 'rot13)

;;; rot13.el ends here
