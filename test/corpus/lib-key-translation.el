;; read-key-sequence translates a key bound nowhere through local-function-key-map
;; (function-key-map below it), then by dropping shift; mouse events look up by their kind.
;; Deleting through filter-buffer-substring records the deletion as made from its start.
;; The fringe entries (mouse--strip-first-event) are not in tsmacs, which has no fringes.
(seq-remove (lambda (b) (memq (car b) '(left-fringe right-fringe))) (cdr function-key-map))
(list (eq (keymap-parent local-function-key-map) function-key-map) input-decode-map)
(mapcar (lambda (k) (lookup-key local-function-key-map k)) '([backspace] [delete] [kp-1] [C-kp-divide] [M-S-kp-home] [kp-enter] [C-kp-enter] [S-tab] [tab] [escape] [?\C-x ?@ ?c] [f1]))
(defun rks (events) (with-temp-buffer (insert "abc") (let ((unread-command-events events)) (list (read-key-sequence "") this-command-keys-shift-translated))))
(rks '(backspace))
(rks '(left))
(rks '(C-f))
(rks '(kp-1))
(rks '(kp-enter))
(rks '(S-left))
(rks '(tab))
(rks '(S-f99))
(rks '((down-mouse-1 nil 1)))
(rks '((mouse-1 nil 1)))
(let ((unread-command-events '((down-mouse-1 nil 1) (mouse-1 nil 1)))) (list (read-key-sequence-vector "") (read-key-sequence-vector "")))
(mapcar (lambda (pt) (with-temp-buffer (setq buffer-undo-list nil) (insert "kill word forward") (undo-boundary) (goto-char pt) (list pt (buffer-substring--filter 6 10 t) (point) (car buffer-undo-list) (length buffer-undo-list)))) '(10 2 8 6 15))
(with-temp-buffer (setq buffer-undo-list nil) (insert "kill word forward") (undo-boundary) (goto-char 10) (list (buffer-substring--filter 10 6 t) (point) (car buffer-undo-list) (length buffer-undo-list)))
