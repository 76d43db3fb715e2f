;;; edmacro.el --- reading keyboard macro descriptions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Batch has no
;; macro editing: this library only gives `read-kbd-macro', which reads a key
;; description with the parser `kbd' uses (lisp/keymap.el).

(defun read-kbd-macro (text &optional want-vector) "The key sequence described by the string TEXT, as `kbd' reads it.
A non-nil WANT-VECTOR asks for a vector whatever the events are.  Called
with two buffer positions (interactively: the region), the text between
them is read."
  (interactive "r")
  (cond ((stringp text) (keymap--parse-keys text want-vector))
        ;; Two positions: the description is the text between them.
        (t (keymap--parse-keys (buffer-substring text want-vector)))))

(provide 'edmacro)
