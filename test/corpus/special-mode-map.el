;; special-mode's keys, and what the modes derived from it inherit.
special-mode-map
(mapcar (lambda (k) (lookup-key special-mode-map k)) (list "q" " " [?\S-\ ] "\C-?" "?" "h" ">" "<" "g" "5" "-" "a" [remap self-insert-command]))
(eq (keymap-parent messages-buffer-mode-map) special-mode-map)
(with-temp-buffer (special-mode) (list (eq (current-local-map) special-mode-map) buffer-read-only (key-binding "q")))
(progn (define-derived-mode smm-test-mode special-mode "SMM") (with-temp-buffer (smm-test-mode) (list (key-binding "g") (key-binding "x") (keymap-parent smm-test-mode-map))))
(where-is-internal 'quit-window special-mode-map)
