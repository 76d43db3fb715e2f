;;; soundex.el --- the Soundex code of a word (Knuth's variant)  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;;; Code:

(defvar soundex-alist
  (let ((pairs nil))
    (dolist (group '(("1" ?B ?F ?P ?V) ("2" ?C ?G ?J ?K ?Q ?S ?X ?Z) ("3" ?D ?T) ("4" ?L)
                     ("5" ?M ?N) ("6" ?R)))
      (dolist (c (cdr group)) (push (cons c (car group)) pairs)))
    (nreverse pairs))
  "Each consonant that counts in a Soundex code, upper case, with its digit.")

(defun soundex (word) "The Soundex code of WORD: its first letter in upper case and three digits.
A letter with the digit of the one before it is skipped; anything without a
digit (vowels, H, W, other characters) separates digits that repeat."
  (let* ((word (upcase word))
         (head (aref word 0))
         (digits (list head))
         (count 0)
         (last (cdr (assq head soundex-alist)))
         (i 1))
    (while (and (< i (length word)) (< count 3))
      (let ((code (cdr (assq (aref word i) soundex-alist))))
        (when (and code (not (equal code last)))
          (push code digits)
          (setq count (1+ count)))
        (setq last code))
      (setq i (1+ i)))
    (concat (string head) (apply #'concat (cdr (reverse digits))) (make-string (- 3 count) ?0))))

(provide 'soundex)

;;; soundex.el ends here
