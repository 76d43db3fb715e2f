;;; korea-util.el --- the Korean language environment's set-up  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;;; Code:


(defun setup-korean-environment-internal () "Set up what the Korean language environment needs: its input method by keyboard layout.
Batch has no keyboard to choose for, so nothing changes."
  (let ((method (assoc (concat "korean-hangul" default-korean-keyboard) input-method-alist)))
    (ignore method)
    nil))

(provide 'korea-util)

;;; korea-util.el ends here
