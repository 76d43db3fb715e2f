;; magic-mode-alist, magic-fallback-mode-alist and permanently-enabled-local-variables in normal-mode and hack-local-variables.
(list magic-mode-alist (length magic-fallback-mode-alist) permanently-enabled-local-variables magic-mode-regexp-match-limit)
(with-temp-buffer (insert "MY-TAG") (let ((magic-mode-alist '(("my-tag" . text-mode)))) (normal-mode) major-mode))
(with-temp-buffer (insert "my-tag") (let ((magic-mode-alist '(("my-tag" . text-mode)))) (normal-mode) major-mode))
(with-temp-buffer (insert "\n  my-tag") (let ((magic-mode-alist '(("my-tag" . text-mode)))) (normal-mode) major-mode))
(with-temp-buffer (insert "x") (let ((magic-mode-alist (list (cons (lambda () (looking-at "x")) 'text-mode)))) (normal-mode) major-mode))
(with-temp-buffer (setq buffer-file-name "/tmp/foo.el") (insert "my-tag") (let ((magic-mode-alist '(("my-tag" . text-mode)))) (normal-mode) major-mode) (setq buffer-file-name nil))
(let ((enable-local-variables nil)) (with-temp-buffer (setq lexical-binding nil) (insert ";;; t.el --- tests  -*- lexical-binding: t; fill-column: 3 -*-\n\n") (hack-local-variables) (list lexical-binding fill-column)))
(let ((enable-local-variables nil) (permanently-enabled-local-variables nil)) (with-temp-buffer (setq lexical-binding nil) (insert ";;; t.el --- tests  -*- lexical-binding: t; -*-\n\n") (hack-local-variables) lexical-binding))
