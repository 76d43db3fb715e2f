;;; scroll-lock.el --- line motion that scrolls the text instead  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's manual ("Scroll Lock" in "Scrolling") and from
;; how GNU's commands behave in batch.
;;
;; In Scroll Lock mode the commands that move by lines and paragraphs scroll the window
;; instead, so point keeps its place on the screen (`scroll-preserve-screen-position' is
;; `always' while the mode is on) and, across a run of these commands, its column.

;;; Code:

;; What `scroll-preserve-screen-position' was before the mode, to put back after it.
(defvar-local scroll-lock-preserve-screen-pos-save nil "`scroll-preserve-screen-position' as it was before Scroll Lock mode.")

(defvar-local scroll-lock-temporary-goal-column 0 "The column a run of Scroll Lock commands keeps point at.")

(defvar scroll-lock-mode-map
  (let ((km (make-sparse-keymap)))
    (dolist (pair '((next-line . scroll-lock-next-line) (previous-line . scroll-lock-previous-line)
                    (forward-paragraph . scroll-lock-forward-paragraph)
                    (backward-paragraph . scroll-lock-backward-paragraph)))
      (define-key km (vector 'remap (car pair)) (cdr pair)))
    (define-key km [S-down] 'scroll-lock-next-line-always-scroll)
    km)
  "Keymap of Scroll Lock mode: line and paragraph motion become scrolling.")

(define-minor-mode scroll-lock-mode "Toggle Scroll Lock mode: line and paragraph motion scroll the text, point keeping its screen position."
  :lighter " ScrLck" :keymap scroll-lock-mode-map
  (if scroll-lock-mode
      (setq scroll-lock-preserve-screen-pos-save scroll-preserve-screen-position
            ;; `setq-local' makes the variable local before setting it.
            scroll-preserve-screen-position (progn (make-local-variable 'scroll-preserve-screen-position) 'always))
    (setq-local scroll-preserve-screen-position scroll-lock-preserve-screen-pos-save)))

(defun scroll-lock-update-goal-column () "Note point's column, unless the last command was a Scroll Lock one too."
  (unless (get last-command 'scroll-lock--keeps-column)
    (setq scroll-lock-temporary-goal-column (current-column))))

(defun scroll-lock-move-to-column (column) "Go to COLUMN of point's line, or as near as the line allows."
  (move-to-column column))

(defmacro scroll-lock--define (name args doc &rest body)
  "Define the Scroll Lock command NAME: BODY runs with the numeric argument N (default 1)
bound, point then going back to the run's column."
  (declare (indent 2) (doc-string 3))
  `(progn
     (put ',name 'scroll-lock--keeps-column t)
     (defun ,name (&optional arg) ,doc
       (interactive (list (prefix-numeric-value current-prefix-arg)))
       (let ((,(car args) (or arg 1)))
         (scroll-lock-update-goal-column)
         ,@body
         (scroll-lock-move-to-column scroll-lock-temporary-goal-column)))))

(scroll-lock--define scroll-lock-next-line-always-scroll (n)
  "Scroll the text up ARG lines, point keeping its screen position, even at the end of the buffer.
Past the end, the last line ends up on the second line of the window."
  (condition-case nil (scroll-up n)
    (end-of-buffer (goto-char (point-max)) (recenter 1))))

(scroll-lock--define scroll-lock-next-line (n)
  "Scroll the text up ARG lines, point keeping its screen position.
When the end of the buffer shows already, move down instead."
  (if (pos-visible-in-window-p (point-max)) (forward-line n) (scroll-up n)))

(scroll-lock--define scroll-lock-previous-line (n)
  "Scroll the text down ARG lines, point keeping its screen position.
At the start of the buffer, move up instead."
  (condition-case nil (scroll-down n)
    (beginning-of-buffer (forward-line (- n)))))

(defun scroll-lock--paragraph-lines (count) "Screen lines between point and where COUNT paragraphs forward end."
  (let ((end (save-excursion (forward-paragraph count) (point))))
    (count-screen-lines (min end (point)) (max end (point)))))

(scroll-lock--define scroll-lock-forward-paragraph (n)
  "Scroll the text up as far as ARG paragraphs forward go, point keeping its screen position."
  (scroll-lock-next-line (scroll-lock--paragraph-lines n)))

(scroll-lock--define scroll-lock-backward-paragraph (n)
  "Scroll the text down as far as ARG paragraphs back go, point keeping its screen position."
  (scroll-lock-previous-line (scroll-lock--paragraph-lines (- n))))

(provide 'scroll-lock)

;;; scroll-lock.el ends here
