;;; underline.el --- overstrike underlining for printers that back-space  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A character is "underlined" here the way a line printer does it: an
;; underscore, a back-space, then the character.  Blanks, control characters
;; and underscores are left as they are.  Both commands take their bounds in
;; either order and keep them inside the accessible part of the buffer.

;;; Code:

(defun underline--clip (a b) "A and B ordered and clipped to the accessible buffer, as (LOW . HIGH)."
  (cons (max (point-min) (min a b)) (min (point-max) (max a b))))

(defun underline-region (start end) "Underline each printing character between START and END by overstriking it.
Before every character above the space that is not an underscore, insert an
underscore and a back-space."
  (interactive "*r")
  (let* ((span (underline--clip start end))
         (spots nil))
    (save-excursion
      (goto-char (car span))
      ;; Every character past the space, underscores apart.
      (while (re-search-forward "[^\0- _]" (cdr span) t)
        (push (match-beginning 0) spots))
      ;; The last one first, so that the positions still to do stay right.
      (dolist (pos spots) (goto-char pos) (insert "_\b")))
    nil))

(defun ununderline-region (start end) "Take the overstrike underlining away between START and END.
Every underscore and back-space pair, in either order, is deleted."
  (interactive "*r")
  (let ((span (underline--clip start end)))
    (replace-regexp-in-region "_\b\\|\b_" "" (car span) (cdr span))
    nil))

(provide 'underline)

;;; underline.el ends here
