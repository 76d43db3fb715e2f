;;; elide-head.el --- hide the licence text at the top of source files  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; `elide-head' looks for the first of `elide-head-headers-to-hide'
;; whose opening regexp occurs in the buffer and, after it, whose
;; closing regexp does too; the lines from the end of the opening line
;; to the end of the closing one are then covered by an invisible
;; overlay showing "...".  `elide-head-show' takes it away again.

;;; Code:

(require 'rx)

(defgroup elide-head nil "Hiding the boilerplate (licence notices and such) at the head of a file." :group 'tools)

(defcustom elide-head-headers-to-hide
  (list (cons (rx "is free software" (any ":;") " you can redistribute it")
              ;; Written out: `rx' would make the groups shy and reorder them.
              (concat "\\(Boston, MA 0211\\(1-1307\\|0-1301\\), USA"
                      "\\|If not, see <https?://www\\.gnu\\.org" "/licenses/>\\)\\."))
        (cons (rx "The Regents of the University of California.  All rights reserved.")
              (rx "SUCH DAMAGE."))
        (cons (rx "Permission is hereby granted, free of charge")
              (rx "authorization from the X Consortium.")))
  "Where the text to hide starts and ends: a list of (START-REGEXP . END-REGEXP).
The first pair whose two regexps both match, the second after the
first, is used."
  :group 'elide-head
  :type (list 'alist :key-type '(regexp :tag "Start regexp") :value-type '(regexp :tag "End regexp")))

(defvar-local elide-head-overlay nil "The overlay hiding this buffer's header, if there is one.")

(defun elide-head--span (pair) "Return (FROM . TO) for PAIR, (START-REGEXP . END-REGEXP), in the current buffer, or nil.
FROM ends the line where START-REGEXP first matches, TO the line where
END-REGEXP matches after that."
  (goto-char (point-min))
  (and (re-search-forward (car pair) nil t)
       (let ((from (line-end-position)))
         (and (re-search-forward (cdr pair) nil t)
              (cons from (line-end-position))))))

(defun elide-head (&optional arg) "Hide the header of the buffer described by `elide-head-headers-to-hide'.
With ARG, show it again instead (see `elide-head-show')."
  (interactive "P")
  (let ((span (and (not arg) (save-excursion (seq-some #'elide-head--span elide-head-headers-to-hide)))))
    (cond (arg (elide-head-show))
          (span (elide-head-show)
                (let ((hide (make-overlay (car span) (cdr span))))
                  (setq elide-head-overlay hide)
                  (overlay-put hide 'invisible t)
                  (overlay-put hide 'evaporate t)
                  (overlay-put hide 'after-string "..."))))))

(defun elide-head-show () "Show again the header hidden by `elide-head'." (interactive)
  ;; The variable keeps the deleted overlay, as GNU's does.
  (let ((hide elide-head-overlay))
    (and hide (overlay-buffer hide) (delete-overlay hide))))

(provide 'elide-head)
