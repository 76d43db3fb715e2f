;;; rmc.el --- ask the user to pick one of several answers by a key  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A terminal (and batch) form only: the question and the keys are shown
;; in the echo area and one event is read at a time.  `?' shows the
;; answers with their descriptions; any key that is not an answer asks
;; again, saying so.

;;; Code:

(defun rmc--key-label (choice) "Return how CHOICE, an element (KEY NAME [DESCRIPTION]), is offered in the prompt.
The KEY is bracketed and upcased where NAME contains it, else put before NAME."
  (let* ((key (car choice))
         (name (nth 1 choice))
         (at (and (characterp key) (string-search (char-to-string key) name))))
    (if at
        (concat (substring name 0 at) "[" (upcase (char-to-string key)) "]"
                (substring name (1+ at)))
      (format "[%s] %s" (if (characterp key) (char-to-string key) key) name))))

(defun rmc--show-help (prompt choices help-string) "Show PROMPT's CHOICES with their descriptions, or HELP-STRING, in a help buffer."
  (let ((lines (if help-string
                   (list help-string)
                 (cons (concat prompt "\n")
                       (mapcar (lambda (c)
                                 (concat (rmc--key-label c) (if (nth 2 c) (concat ": " (nth 2 c)) "")))
                               choices)))))
    (with-current-buffer (get-buffer-create "*Multiple Choice Help*")
      (let ((inhibit-read-only t))
        (delete-region (point-min) (point-max))
        (dolist (line lines) (insert line ?\n))))))

(defun read-multiple-choice (prompt choices &optional help-string) "Ask PROMPT and return the element of CHOICES the user picks.
Each element of CHOICES is (KEY NAME [DESCRIPTION]); typing KEY picks it.
`?' shows the choices with their descriptions, or HELP-STRING when given.
Any other key rings the bell and asks again."
  (let* ((shown (format "%s (%s): " prompt
                        (mapconcat #'rmc--key-label (append choices '((?? "?"))) ", ")))
         (complaint nil)
         (picked nil))
    (while (not picked)
      (message "%s%s" (if complaint "Invalid choice.  " "") shown)
      (let* ((key (read-event)) (hit (assq key choices)))
        (setq complaint nil)
        (cond (hit (setq picked hit))
              ((eq key ??) (rmc--show-help prompt choices help-string))
              (t (setq complaint t)
                 (ding)
                 (message "")))))
    (let ((help (get-buffer "*Multiple Choice Help*")))
      (when help (kill-buffer help)))
    picked))

(provide 'rmc)

;;; rmc.el ends here
