;;; help-at-pt.el --- the help text of the buffer position at point  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; Text (or an overlay) may carry a `help-echo' property, shown by the
;; mouse, and a `kbd-help' property for keyboard users.  This library
;; reads them at point, shows them in the echo area, moves between the
;; stretches of text that have them, and can show them by itself when
;; Emacs has been idle for a while.

;;; Code:

(defgroup help-at-pt nil "Showing the help text of the buffer position at point." :group 'help)

;; A stopped timer restarts, a running one is replaced or stopped, when
;; the two options below change through Custom.
(defun help-at-pt--restart (option value) "Give OPTION its new VALUE and set the idle timer going again or stop it."
  (set-default option value)
  (let ((running (and help-at-pt-timer t)))
    (help-at-pt-cancel-timer)
    (when (if (eq option 'help-at-pt-timer-delay)
              running
            (not (eq value 'never)))
      (help-at-pt-set-timer))))

(defvar help-at-pt-timer nil "The idle timer that shows local help, or nil when there is none.")

(defcustom help-at-pt-timer-delay 1 "Idle seconds before `help-at-pt-maybe-display' runs from its timer.
A change through Custom restarts a running timer with the new delay."
  :initialize #'custom-initialize-default :set #'help-at-pt--restart :type 'number)

(defcustom help-at-pt-display-when-idle 'never "When the idle timer shows the help at point.
t means whenever there is some; a list of properties means only where
one of them is present; `never' means not at all.  Setting it through
Custom starts the timer, or stops it for `never'."
  :initialize #'custom-initialize-default :set #'help-at-pt--restart
  :type '(choice (const :tag "Wherever there is help" t)
                 (repeat :tag "Where one of these properties is" symbol)
                 (other :tag "Not at all" never)))

(defvar scan-buf-move-hook '(display-local-help) "Functions run after `scan-buf-next-region' or `scan-buf-previous-region' moved point.")

(defun help-at-pt--value (prop pos) "The help that PROP's value at POS gives: a string as it is,
a function's value (called with the window, the buffer and POS) or
another form's value; nil when PROP is absent."
  (let ((v (get-char-property pos prop)))
    (cond ((stringp v) v)
          ((functionp v) (funcall v (selected-window) (current-buffer) pos))
          (v (eval v t)))))

(defun help-at-pt-string (&optional kbd) "The `help-echo' text at point or just before it, or nil.
With KBD non-nil, the `kbd-help' text instead."
  (let* ((prop (if kbd 'kbd-help 'help-echo))
         (at (point))
         (where (cond ((get-char-property at prop) at)
                      ((> at (point-min)) (1- at)))))
    (and where (help-at-pt--value prop where))))

(defun help-at-pt-kbd-string () "The `kbd-help' text at point, else its `help-echo' text, else nil."
  (or (help-at-pt-string t) (help-at-pt-string)))

(defun display-local-help (&optional arg) "Show in the echo area the keyboard help of the text at point.
Where there is none, say so unless ARG is non-nil."
  (interactive "P")
  (let ((text (help-at-pt-kbd-string)))
    (if text
        (message "%s" (substitute-command-keys text))
      (unless arg (message "No local help at point")))))

(defun help-at-pt-cancel-timer () "Stop the idle timer that shows local help."
  (interactive nil)
  (let ((timer help-at-pt-timer))
    (setq help-at-pt-timer nil)
    (and timer (cancel-timer timer))))

(defun help-at-pt-set-timer () "Start the idle timer that shows local help, unless it already runs."
  (interactive nil)
  (if help-at-pt-timer
      nil
    (setq help-at-pt-timer (run-with-idle-timer help-at-pt-timer-delay t
                                                #'help-at-pt-maybe-display))))

(defun help-at-pt-maybe-display () "Show the help at point quietly, as `help-at-pt-display-when-idle' asks."
  (let ((wanted help-at-pt-display-when-idle))
    (when (cond ((eq wanted t))
                ((consp wanted)
                 (let ((before (max (point-min) (1- (point)))))
                   (catch 'present
                     (dolist (p wanted)
                       (when (or (get-char-property (point) p)
                                 (get-char-property before p))
                         (throw 'present t)))))))
      (display-local-help t))))

(defun help-at-pt--too-few (prop found ahead) "Signal that only FOUND stretches of PROP lie AHEAD (a word) of point."
  (pcase found
    (0 (error "No %s `%s' regions" ahead prop))
    (1 (error "There is only one %s `%s' region" ahead prop))
    (_ (error "There are only %d %s `%s' regions" found ahead prop))))

(defun scan-buf-move-to-region (prop &optional arg hook) "Move point to the start of the ARGth stretch of text after it with PROP.
A stretch is a run of characters whose PROP values are the same and
non-nil.  A negative ARG goes back that many stretches, counting from
the start of the one point is in; zero goes to the start of the
current stretch.  HOOK, a hook variable, is run after a move."
  (let* ((forward (> arg 0))
         (spot (point))
         (inside (and (not forward) (get-char-property spot prop))))
    ;; Going back (or nowhere) starts from the beginning of the stretch point is in.
    (and inside
         (eq inside (get-char-property (1- spot) prop))
         (setq spot (previous-single-char-property-change spot prop)))
    (cond
     ((and (= arg 0) (not inside))
      (message "Point is not in a `%s' region" prop))
     (t
      (when (and (< arg 0) (= spot (point-min)))
        (help-at-pt--too-few prop 0 "prior"))
      (let ((step (if forward #'next-single-char-property-change
                    #'previous-single-char-property-change))
            (found 0))
        (while (< found (abs arg))
          (setq spot (funcall step spot prop))
          (or (get-char-property spot prop)
              (setq spot (funcall step spot prop)))
          (if (get-char-property spot prop)
              (setq found (1+ found))
            (help-at-pt--too-few prop found (if forward "further" "prior")))))
      (goto-char spot)
      (and hook (run-hooks hook))))))

(defun scan-buf-next-region (&optional arg) "Move to the start of the ARGth next stretch of text with a `help-echo' property.
Then run `scan-buf-move-hook', which shows the help there."
  (interactive "p")
  (help-at-pt--scan arg))

(defun scan-buf-previous-region (&optional arg) "Move to the start of the ARGth previous stretch of text with a `help-echo' property.
Then run `scan-buf-move-hook', which shows the help there."
  (interactive "p")
  (help-at-pt--scan (- arg)))

(defun help-at-pt--scan (count) "Move COUNT stretches of `help-echo' text, then run `scan-buf-move-hook'."
  (scan-buf-move-to-region 'help-echo count 'scan-buf-move-hook))

(provide 'help-at-pt)

;;; help-at-pt.el ends here
