;; button--help-echo evaluates a form under the buffer's lexical-binding, calls a function, and substitutes key references.
(defvar bhe-map (let ((map (make-sparse-keymap))) (define-key map "x" #'ignore) map))
(with-temp-buffer (setq lexical-binding nil) (let* ((help (make-symbol "help")) (form `(funcall (let ((,help "lexical form")) (lambda () ,help)))) (button (insert-text-button "text" 'help-echo form))) (set help "dynamic: \\<bhe-map>\\[ignore]") (button--help-echo button)))
(with-temp-buffer (setq lexical-binding t) (let* ((help (make-symbol "help")) (form `(funcall (let ((,help "lexical: \\<bhe-map>\\[ignore]")) (lambda () ,help)))) (button (insert-button "overlay" 'help-echo form))) (set help "dynamic form") (button--help-echo button)))
(with-temp-buffer (let ((button (insert-text-button "text" 'help-echo "text: \\<bhe-map>\\[ignore]"))) (button--help-echo button)))
(with-temp-buffer (let ((button (insert-button "o" 'help-echo (lambda (_w _o _p) "fn: \\<bhe-map>\\[ignore]")))) (button--help-echo button)))
(with-temp-buffer (let ((button (insert-button "o" 'help-echo nil))) (button--help-echo button)))
(with-temp-buffer (let ((button (insert-button "o" 'help-echo '(concat "a" "b")))) (button--help-echo button)))
