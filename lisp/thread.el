;;; thread.el --- what the main thread does with the errors other threads send it  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A thread that calls `thread-signal' on the main thread does not interrupt it: the main
;; thread receives an event instead, (thread-event SENDER (ERROR-SYMBOL DATA)), and shows it.

;;; Code:

(defun thread--event-report (event) "Give the text that reports EVENT, a thread event; nil for any other event."
  (and (eq (car-safe event) 'thread-event)
       (proper-list-p event)
       (= (length event) 3)
       (format "Error %s: %S" (nth 1 event) (nth 2 event))))

(defun thread-handle-event (event) "Show the error a thread sent the main thread, as carried by EVENT."
  (interactive "e")
  (let ((report (thread--event-report event)))
    (when report
      (message "%s" report))))

(provide 'thread)
