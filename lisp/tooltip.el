;;; tooltip.el --- Tooltip mode, as a terminal session has it  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual.
;; Without a graphic display there are no tooltip frames: help text goes to
;; the echo area.  The switch and options are dumped (autoloads.el).

(define-minor-mode tooltip-mode "Toggle showing help text in tooltips, when the display can."
  :global t :init-value t :group 'tooltip)

(defun tooltip-delay () "Return the seconds to wait before showing a tooltip: the short delay soon after the last one was hidden."
  (let ((recent (and tooltip-hide-time
                     (< (float-time (time-subtract nil tooltip-hide-time)) tooltip-recent-seconds))))
    (if recent tooltip-short-delay tooltip-delay)))

(defun tooltip-cancel-delayed-tip () "Cancel the timer of a tooltip waiting to show (there is none in batch)."
  nil)

(defun tooltip-strip-prompt (process output) "Return OUTPUT without a leading copy of the prompt PROCESS (a regexp-free string) printed."
  (if (string-prefix-p process output)
      (substring output (length process))
    output))

(defun tooltip-show-help-non-mode (help) "Show HELP in the echo area, saving the message it replaces; nil HELP puts that message back."
  (let ((message-log-max nil))
    (cond ((stringp help)
           ;; Keep what the echo area said before the first help text.
           (or tooltip-help-message (setq tooltip-previous-message (current-message)))
           (setq tooltip-help-message help)
           (let ((message-truncate-lines (not tooltip-resize-echo-area))) (message "%s" help)))
          (tooltip-help-message
           (let ((old tooltip-previous-message))
             (setq tooltip-help-message nil tooltip-previous-message nil)
             (message (and old "%s") old))))))

(defun tooltip-show-help (msg) "Show help text MSG, in the echo area when there is no tooltip frame."
  (tooltip-show-help-non-mode msg))

(provide 'tooltip)
