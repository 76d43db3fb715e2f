;;; shell-command-erase.el --- where `shell-command' puts its output, as `shell-command-dont-erase-buffer' says  -*- lexical-binding: t -*-

(defun shell-command-erase--try (how current)
  (let* ((caller (generate-new-buffer "caller"))
         (out (if current caller (generate-new-buffer "out")))
         (shell-command-dont-erase-buffer how)
         (inhibit-message t))
    (with-current-buffer out (insert "bar") (goto-char 2))
    (with-current-buffer caller
      (shell-command "printf foo" out)
      (shell-command "printf foo" out))
    (prog1 (with-current-buffer out (list how current (buffer-string) (point)))
      (kill-buffer caller)
      (when (buffer-live-p out) (kill-buffer out)))))

(let ((all nil))
  (dolist (how '(nil erase beg-last-out end-last-out save-point) (nreverse all))
    (dolist (current '(t nil))
      (push (shell-command-erase--try how current) all))))

;; `inhibit-message' keeps messages off standard error, and *Messages* still logs them.
(let ((inhibit-message t)) (message "quiet %d" 1))
(with-current-buffer "*Messages*"
  (save-excursion (goto-char (point-max)) (forward-line -1)
                  (buffer-substring (point) (point-max))))

;; OUTPUT-BUFFER t: at point, but `erase' still erases first.
(let ((all nil))
  (dolist (how '(nil erase beg-last-out end-last-out save-point) (nreverse all))
    (with-temp-buffer
      (insert "bar") (goto-char 2)
      (let ((shell-command-dont-erase-buffer how) (inhibit-message t))
        (shell-command "printf foo" t)
        (shell-command "printf foo" t))
      (push (list how (buffer-string) (point)) all))))
