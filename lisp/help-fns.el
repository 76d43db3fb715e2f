;;; help-fns.el --- help functions usable without a display  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.
;; Autoloaded (autoloads.el).

(require 'help)

(defun variable-at-point (&optional any-symbol) "Return the bound variable named at point, else 0.
With ANY-SYMBOL, any symbol named there will do."
  (let ((sym (help--symbol-near-point any-symbol)))
    (cond ((and sym (or any-symbol (boundp sym))) sym)
          (t 0))))

(provide 'help-fns)
