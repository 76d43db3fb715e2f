;;; elec-pair-typing.el --- Typing parens and quotes with Electric Pair mode on, in a 23K-char Emacs Lisp buffer -*- lexical-binding: t -*-
;; Each keystroke goes through `self-insert-command' and Electric Pair mode's balance checks
;; (the syntax scans of the whole buffer that typing at top level costs).

(require 'elec-pair)

(with-temp-buffer
  (emacs-lisp-mode)
  (electric-pair-local-mode 1)
  (dotimes (_ 400)
    (insert "(defun foo (x) \"doc\" (let ((y (1+ x))) (list y \"s\" 'q)))\n"))
  (goto-char (/ (point-max) 2))
  (dotimes (_ 200)
    (dolist (key '(?\( ?\) ?\"))
      (let ((last-command-event key))
        (self-insert-command 1))))
  (princ (format "%d %d %s\n" (buffer-size) (point)
                 (buffer-substring-no-properties (- (point) 12) (+ (point) 12)))))
