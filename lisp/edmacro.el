;;; edmacro.el --- reading keyboard macro descriptions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; batch has no macro editing.

(defun read-kbd-macro (start &optional end)
  "The key sequence described by the string START, as `kbd' reads it.
A non-nil END asks for a vector whatever the events are."
  (interactive "r")
  (unless (stringp start)
    (setq start (buffer-substring start end) end nil))
  (keymap--parse-keys start end))

(provide 'edmacro)

;;; edmacro.el ends here
