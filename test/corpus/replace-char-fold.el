;; replace-char-fold: plain replacements match folded characters (with lax whitespace too), regexp and delimited ones do not.
(with-temp-buffer (insert "cafe café CAFÉ ﬁne fine \"q\" “q”") (goto-char 1) (let ((replace-char-fold t)) (replace-string "cafe" "X")) (buffer-string))
(with-temp-buffer (insert "cafe café CAFÉ ﬁne fine \"q\" “q”") (goto-char 1) (let ((replace-char-fold t)) (replace-string "\"q\"" "Q")) (buffer-string))
(with-temp-buffer (insert "cafe café CAFÉ ﬁne fine") (goto-char 1) (let ((replace-char-fold t)) (replace-string "fi" "F")) (buffer-string))
(with-temp-buffer (insert "cafe café") (goto-char 1) (let ((replace-char-fold t)) (replace-regexp "cafe" "X")) (buffer-string))
(with-temp-buffer (insert "a  b a b") (goto-char 1) (let ((replace-char-fold t) (replace-lax-whitespace t)) (replace-string "a b" "X")) (buffer-string))
(with-temp-buffer (insert "cafe café") (goto-char 1) (let ((replace-char-fold t)) (perform-replace "cafe" "X" nil nil nil)) (buffer-string))
(with-temp-buffer (insert "cafe café") (goto-char 1) (let ((replace-char-fold t)) (perform-replace "cafe" "X" nil nil t)) (buffer-string))
(with-temp-buffer (insert "cafe café") (goto-char 1) (let ((replace-char-fold t) (unread-command-events (list 121 121))) (list (perform-replace "cafe" "X" t nil nil) (buffer-string))))
