;; help-mode.el's cross-reference buttons, `help-buffer' and `help-do-xref', as batch Emacs 28.2 gives them.
(require 'help-mode)
(defvar hx-both 1)
(defun hx-both () nil)
(defun hx-buttons () (let ((p (point-min)) b l) (while (< p (point-max)) (setq b (button-at p)) (if (not b) (setq p (1+ p)) (push (list (buffer-substring-no-properties (button-start b) (button-end b)) (button-start b) (button-type b) (button-get b 'help-function) (button-get b 'help-args)) l) (setq p (button-end b)))) (nreverse l)))
(defun hx-xrefs (text) (with-temp-buffer (insert text) (help-mode) (help-make-xrefs) (list (hx-buttons) (buffer-substring-no-properties (point-min) (point-max)))))
help-xref-symbol-regexp
(hx-xrefs "car is a built-in function in \u2018C source code\u2019.\n\n(car LIST)\n\nReturn the car of LIST.  See also \u2018car-safe\u2019.\n\nSee Info node \u2018(elisp)Cons Cells\u2019 for a discussion.")
(hx-xrefs "Head line.\n\nSee \u2018car-safe\u2019 and variable \u2018fill-column\u2019 and function \u2018car\u2019 and \u2018hx-both\u2019 and symbol \u2018car\u2019 and option \u2018fill-column\u2019 and command \u2018car\u2019 and \u2018hx-nosuch\u2019 and function \u2018fill-column\u2019 and \u2018`\u2019 and URL \u2018http://x.y\u2019 and call \u2018car\u2019 and `cdr' and 'car'.")
(with-temp-buffer (dolist (fn '(interactive \` = + - * / %)) (erase-buffer) (insert (format "See also the function \u2018%s\u2019." fn)) (goto-char (point-min)) (re-search-forward help-xref-symbol-regexp) (help-xref-button 8 'help-function)) (hx-buttons))
(with-temp-buffer (list (let ((help-xref-following nil)) (help-buffer)) (let ((help-xref-following t)) (condition-case e (help-buffer) (error e))) (progn (help-mode) (let ((help-xref-following t)) (equal (help-buffer) (buffer-name))))))
(list (button-type-get 'help-info 'help-function) (button-type-get 'help-symbol 'help-function) (button-type-get 'help-function 'help-function))
