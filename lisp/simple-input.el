;;; simple-input.el --- reading a character by its code, and line breaks  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

(defun simple-input--digit (event) "The value of EVENT as a digit in `read-quoted-char-radix', or nil."
  (when (characterp event)
    (let ((v (cond ((<= ?0 event ?9) (- event ?0))
                   ((<= ?a (downcase event) ?z) (+ 10 (- (downcase event) ?a))))))
      (and v (< v read-quoted-char-radix) v))))

(defun read-quoted-char (&optional prompt) "Read a character, or its code as digits in `read-quoted-char-radix' ended by RET or any other key, with PROMPT.
A first key that is no digit is the character itself; the key that ends
the digits, other than RET, is read again afterwards."
  (let ((code 0) (digits 0) (typed "") (done nil))
    (while (not done)
      (let ((ev (read-event (and prompt (concat prompt typed "-")))))
        (cond ((not (characterp ev)))
              ((simple-input--digit ev)
               (setq code (+ (* code read-quoted-char-radix) (simple-input--digit ev))
                     digits (1+ digits)
                     typed (concat typed " " (string ev))))
              ((= digits 0) (setq code ev done t))
              (t (unless (eq ev ?\r) (push ev unread-command-events))
                 (setq done t)))))
    code))

(defun quoted-insert (arg) "Read a character with `read-quoted-char' and insert it ARG times (over the text in binary overwrite mode)." (interactive "*p")
  (let ((ch (read-quoted-char)))
    (when (> arg 0)
      (when (eq overwrite-mode 'overwrite-mode-binary)
        (delete-char arg))
      (insert (make-string arg ch)))
    nil))

(defun default-indent-new-line (&optional soft _force) "Break the line at point as `comment-indent-new-line' does, a comment going on on the new line; SOFT as there." (interactive)
  (comment-indent-new-line soft)
  nil)

(provide 'simple-input)
;;; simple-input.el ends here
