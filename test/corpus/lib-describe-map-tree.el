;; help.el's `describe-map-tree' with PARTIAL, SHADOW, NO-MENU and MENTION-SHADOW, as batch Emacs 28.2 gives it.
(defun dmt (map &rest args) (with-temp-buffer (let ((standard-output (current-buffer))) (apply #'describe-map-tree map args) (buffer-substring-no-properties (point-min) (point-max)))))
(dmt '(keymap (1 . foo) (menu-bar keymap (foo menu-item "Foo" foo :enable mark-active :help "Help text"))) nil nil nil nil t nil nil nil)
(dmt '(keymap (1 . foo) (2 . bar)) t '((keymap (1 . baz))) nil nil t nil nil t)
(dmt '(keymap (1 . foo) (2 . bar)) t '((keymap (1 . baz))) nil nil t nil nil nil)
(dmt '(keymap (1 . foo) (2 . undefined)) t nil nil nil nil nil nil nil)
(dmt '(keymap (1 . foo) (2 . undefined)) nil nil nil nil nil nil nil nil)
(dmt '(keymap (1 . foo) (3 keymap (98 . bar) (99 . undefined)) (4 . qux)) t '((keymap (3 keymap (98 . x))) (keymap (4 . y))) nil nil nil nil nil t)
(dmt '(keymap (1 . foo) (3 keymap (98 . bar))) nil '((keymap (3 . zz))) nil nil nil nil nil t)
