;; find-func's commands from point, a key and a face: what they give where nothing is found, the key bindings they set up.
(mapcar #'func-arity '(find-function-at-point find-variable-at-point find-face-definition find-function-on-key find-function-on-key-other-window find-function-on-key-other-frame find-function-setup-keys))
(mapcar #'interactive-form '(find-function-at-point find-variable-at-point find-function-on-key find-function-on-key-other-window find-function-on-key-other-frame))
(mapcar #'commandp '(find-function-at-point find-variable-at-point find-face-definition find-function-on-key find-function-setup-keys))
(find-function-on-key (kbd "C-x C-z C-q"))
(find-function-on-key-other-window [f35])
(find-function-on-key-other-frame (kbd "C-c C-c C-c C-c"))
(with-temp-buffer (insert "zzqq-no-such-thing x") (goto-char 3) (list (find-variable-at-point) (find-function-at-point) (buffer-name)))
(let ((global-map (copy-keymap global-map)) (ctl-x-map (copy-keymap ctl-x-map)) (ctl-x-4-map (copy-keymap ctl-x-4-map)) (ctl-x-5-map (copy-keymap ctl-x-5-map))) (list (find-function-setup-keys) (mapcar (lambda (k) (list (lookup-key ctl-x-map k) (lookup-key ctl-x-4-map k) (lookup-key ctl-x-5-map k))) '("F" "K" "V" "L"))))
