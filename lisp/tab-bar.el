;;; tab-bar.el --- tabs of a frame, each a window configuration  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A frame's tabs are its `tabs' parameter: a list of alists, the shown one tagged
;; `current-tab', the others `tab' and holding what is needed to show them again (the window
;; configuration, point, the buffer lists).  New tabs, renaming, switching, closing and undoing
;; a close work as GNU's; the tab bar is not drawn (there is no display), but Tab Bar mode and
;; the frame's `tab-bar-lines' follow `tab-bar-show' as GNU's do.  Not here: window states
;; (`ws', as tsmacs has no `window-state-get'), tab groups, the tab bar's menus and keys.

;;; Code:

(defgroup tab-bar nil "Frame-local tabs." :group 'convenience :version "27.1")

;;;###autoload
(defcustom tab-bar-show 1 "When to show the tab bar: t always, nil never, a number when there are more tabs than it."
  :group 'tab-bar :type 'sexp)

;;;###autoload
(defcustom tab-bar-new-tab-choice t "What a new tab shows: t the current buffer, a buffer name, a file, or a function's buffer."
  :group 'tab-bar :type 'sexp)

;;;###autoload
(defcustom tab-bar-new-tab-to 'right "Where new tabs go: right or left of the current one, leftmost, rightmost, or a function's index."
  :group 'tab-bar :type 'sexp)

;;;###autoload
(defcustom tab-bar-close-tab-select 'recent "Which tab is shown after the current one closes: recent, left or right."
  :group 'tab-bar :type 'symbol)

;;;###autoload
(defcustom tab-bar-close-last-tab-choice nil "What closing the last tab does: nil refuses, or delete-frame, tab-bar-mode-disable, a function."
  :group 'tab-bar :type 'sexp)

;;;###autoload
(defcustom tab-bar-tab-name-function #'tab-bar-tab-name-current "The function that names a tab that was not named explicitly."
  :group 'tab-bar :type 'function)

(defvar tab-bar-closed-tabs nil "The tabs closed, latest first: ((frame . F) (index . I) (tab . TAB)), for `tab-bar-undo-close-tab'.")

;;;###autoload
(defvar tab-bar-tab-pre-close-functions nil "Functions called with a tab and whether it is the last, before it closes.")
;;;###autoload
(defvar tab-bar-tab-post-open-functions nil "Functions called with each new tab.")

(define-minor-mode tab-bar-mode "Toggle the tab bar in every frame (Tab Bar mode)."
  :global t :group 'tab-bar
  (dolist (frame (frame-list))
    (set-frame-parameter frame 'tab-bar-lines (if tab-bar-mode 1 0))))

(defun tab-bar--update-tab-bar-lines () "Turn Tab Bar mode on when `tab-bar-show' and the number of tabs ask for it."
  (when (and (not tab-bar-mode)
             (or (eq tab-bar-show t)
                 (and (natnump tab-bar-show) (> (length (tab-bar-tabs)) tab-bar-show))))
    (tab-bar-mode 1)))

(defun tab-bar-tab-name-current () "The name of the selected window's buffer."
  (buffer-name (window-buffer (minibuffer-selected-window))))

(defun tab-bar-tab-name-all () "The names of the buffers of the frame's windows, joined by \", \"."
  (mapconcat #'identity
             (mapcar (lambda (window) (buffer-name (window-buffer window)))
                     (window-list-1 (frame-first-window) 'nomini))
             ", "))

(defun tab-bar-tabs (&optional frame) "FRAME's tabs, making the current one when it has none."
  (or (frame-parameter frame 'tabs)
      (let ((first (list (tab-bar--current-tab-make))))
        (tab-bar-tabs-set first frame)
        first)))

(defun tab-bar-tabs-set (tabs &optional frame) "Make TABS FRAME's tabs."
  (modify-frame-parameters frame (list (cons 'tabs tabs))))

(defun tab-bar--current-tab-make (&optional tab) "A `current-tab' entry for the frame shown now, named as TAB was (when explicitly)."
  (let ((named (and (alist-get 'explicit-name tab) (alist-get 'name tab))))
    `(current-tab (name . ,(if named named (funcall tab-bar-tab-name-function)))
                  (explicit-name . ,(not (null named))))))

(defun tab-bar--current-tab (&optional tab frame) "The current tab of FRAME as a `current-tab' entry (TAB's name kept when explicit)."
  (tab-bar--current-tab-make (or tab (tab-bar--current-tab-find nil frame))))

(defun tab-bar--tab (&optional frame) "The current tab of FRAME as a `tab' entry that can be shown again."
  (let* ((old (tab-bar--current-tab-find nil frame))
         (named (and (alist-get 'explicit-name old) (alist-get 'name old))))
    (with-selected-frame (or frame (selected-frame))
      (list 'tab
            (cons 'name (or named (funcall tab-bar-tab-name-function)))
            (cons 'explicit-name (and named t))
            (cons 'time (float-time))
            (cons 'wc (current-window-configuration))
            (cons 'wc-point (point-marker))
            (cons 'wc-bl (frame-parameter nil 'buffer-list))
            (cons 'wc-bbl (frame-parameter nil 'buried-buffer-list))))))

(defun tab-bar--current-tab-find (&optional tabs _frame) "The `current-tab' entry of TABS (the frame's tabs by default)."
  (assq 'current-tab (or tabs (tab-bar-tabs))))

(defun tab-bar--current-tab-index (&optional tabs _frame) "The position of the current tab in TABS (the frame's tabs by default)."
  (seq-position (or tabs (tab-bar-tabs)) 'current-tab (lambda (tab kind) (eq (car tab) kind))))

(defun tab-bar--tab-index (tab &optional tabs _frame) "The position of TAB in TABS."
  (seq-position (or tabs (tab-bar-tabs)) tab #'eq))

(defun tab-bar--tab-index-by-name (name &optional tabs _frame) "The position of the tab named NAME in TABS, or nil."
  (seq-position (or tabs (tab-bar-tabs)) name (lambda (tab wanted) (equal (alist-get 'name tab) wanted))))

(defun tab-bar--show (tab) "Show the saved TAB in the selected frame."
  (let ((config (alist-get 'wc tab)))
    (when (window-configuration-p config)
      (set-window-configuration config)
      (let ((pos (alist-get 'wc-point tab)))
        (when (and (markerp pos) (marker-buffer pos)) (goto-char pos))))))

(defun tab-bar-select-tab (&optional tab-number) "Show the tab numbered TAB-NUMBER: from 1, or from the end when negative; 0 or nil is the current tab."
  (interactive "P")
  (let* ((tabs (tab-bar-tabs))
         (from (tab-bar--current-tab-index tabs))
         (to (cond ((or (null tab-number) (zerop tab-number)) from)
                   ((< tab-number 0) (max 0 (+ (length tabs) tab-number)))
                   (t (1- (min tab-number (length tabs)))))))
    (unless (= from to)
      (let ((target (nth to tabs)))
        (setcar (nthcdr from tabs) (tab-bar--tab))
        (tab-bar--show target)
        (setcar (nthcdr to tabs) (tab-bar--current-tab-make target))
        (tab-bar-tabs-set tabs)))
    nil))

(defun tab-bar-switch-to-next-tab (&optional arg) "Show the ARGth next tab (cycling)."
  (interactive "p")
  (let* ((tabs (tab-bar-tabs))
         (index (mod (+ (tab-bar--current-tab-index tabs) (or arg 1)) (length tabs))))
    (tab-bar-select-tab (1+ index))))

(defun tab-bar-switch-to-prev-tab (&optional arg) "Show the ARGth previous tab (cycling)."
  (interactive "p")
  (tab-bar-switch-to-next-tab (- (or arg 1))))

(defun tab-bar--new-index (tabs from) "Where a new tab goes among TABS, the current being at FROM."
  (pcase tab-bar-new-tab-to
    ('leftmost 0)
    ('rightmost (length tabs))
    ('left from)
    ((pred functionp) (funcall tab-bar-new-tab-to))
    (_ (1+ from))))

(defun tab-bar-new-tab-to (&optional tab-number) "Make a new tab at position TAB-NUMBER (from 1), or where `tab-bar-new-tab-to' says, and show it."
  (interactive "P")
  (let* ((tabs (tab-bar-tabs))
         (from (tab-bar--current-tab-index tabs))
         (to (if tab-number (max 0 (min (1- tab-number) (length tabs))) (tab-bar--new-index tabs from))))
    (setcar (nthcdr from tabs) (tab-bar--tab))
    (pcase tab-bar-new-tab-choice
      ((pred stringp) (switch-to-buffer (if (get-buffer tab-bar-new-tab-choice) tab-bar-new-tab-choice
                                          (find-file-noselect tab-bar-new-tab-choice))))
      ((pred bufferp) (switch-to-buffer tab-bar-new-tab-choice))
      ((pred functionp) (let ((made (funcall tab-bar-new-tab-choice)))
                          (when (bufferp made) (switch-to-buffer made)))))
    (delete-other-windows)
    (let ((made (tab-bar--current-tab-make)))
      (setq tabs (append (seq-take tabs to) (list made) (seq-drop tabs to)))
      (tab-bar-tabs-set tabs)
      (run-hook-with-args 'tab-bar-tab-post-open-functions made))
    (tab-bar--update-tab-bar-lines)
    nil))

(defun tab-bar-new-tab (&optional arg) "Make a new tab ARG positions after the current one (before when negative) and show it."
  (interactive "P")
  (if arg
      (let ((from (tab-bar--current-tab-index)))
        (tab-bar-new-tab-to (+ from (if (< (prefix-numeric-value arg) 0) 1 2) (prefix-numeric-value arg) -1)))
    (tab-bar-new-tab-to)))

(defun tab-bar-rename-tab (name &optional tab-number) "Name the tab numbered TAB-NUMBER (the current one by default) NAME; an empty NAME names it automatically."
  (interactive (list (read-from-minibuffer "New name for tab (leave blank for automatic naming): ") current-prefix-arg))
  (let* ((tabs (tab-bar-tabs))
         (index (tab-bar--number-index tabs tab-number (tab-bar--current-tab-index tabs)))
         (tab (nth index tabs))
         (explicit (> (length name) 0))
         (shown (if explicit name (if (eq (car tab) 'current-tab) (funcall tab-bar-tab-name-function)
                                    (alist-get 'name tab)))))
    (setf (alist-get 'name (cdr tab)) shown
          (alist-get 'explicit-name (cdr tab)) explicit)
    (tab-bar-tabs-set tabs)
    (when (and explicit (not tab-number)) (message "Renamed tab to ’%s’" shown))))

(defun tab-bar--closing-target (tabs index) "The index of the tab to show when the one at INDEX of TABS closes."
  (pcase tab-bar-close-tab-select
    ('left (max 0 (1- index)))
    ('right (if (< (1+ index) (length tabs)) (1+ index) (1- index)))
    (_ (let ((best nil) (best-time nil))
         (seq-do-indexed (lambda (tab i)
                           (let ((time (alist-get 'time tab)))
                             (when (and (/= i index) time (or (null best-time) (> time best-time)))
                               (setq best i best-time time))))
                         tabs)
         (or best (if (< (1+ index) (length tabs)) (1+ index) (1- index)))))))

(defun tab-bar--number-index (tabs number default) "The index in TABS of the tab numbered NUMBER (from 1, kept within TABS), or DEFAULT without one."
  (if number (1- (min (length tabs) (max number 1))) default))

(defun tab-bar--remember-closed (tab index) "Keep TAB, closed at INDEX, for `tab-bar-undo-close-tab'."
  (setq tab-bar-closed-tabs
        (cons (list (cons 'frame (selected-frame)) (cons 'index index) (cons 'tab tab))
              tab-bar-closed-tabs)))

(defun tab-bar-close-tab (&optional tab-number) "Close the tab numbered TAB-NUMBER (the current one by default)."
  (interactive "P")
  (let* ((tabs (tab-bar-tabs))
         (current (tab-bar--current-tab-index tabs))
         (index (tab-bar--number-index tabs tab-number current)))
    (if (null (cdr tabs))
        (let ((choice tab-bar-close-last-tab-choice))
          (cond ((null choice) (user-error "Attempt to delete the sole tab in a frame"))
                ((eq choice 'tab-bar-mode-disable) (tab-bar-mode -1))
                ((eq choice 'delete-frame) (delete-frame))
                ((functionp choice) (funcall choice (nth index tabs)))))
      (let ((closing (if (= index current) (tab-bar--tab) (nth index tabs))))
        (run-hook-with-args 'tab-bar-tab-pre-close-functions closing nil)
        (when (= index current)
          (let* ((to (tab-bar--closing-target tabs index))
                 (target (nth to tabs)))
            (tab-bar--show target)
            (setcar (nthcdr to tabs) (tab-bar--current-tab-make target))))
        (tab-bar--remember-closed closing index)
        (tab-bar-tabs-set (append (seq-take tabs index) (seq-drop tabs (1+ index))))
        (tab-bar--update-tab-bar-lines)
        nil))))

(defun tab-bar-close-other-tabs (&optional tab-number) "Close every tab but the one numbered TAB-NUMBER (the current one by default)."
  (interactive "P")
  (let* ((tabs (tab-bar-tabs))
         (current (tab-bar--current-tab-index tabs))
         (keep (tab-bar--number-index tabs tab-number current)))
    (unless (= keep current) (tab-bar-select-tab (1+ keep)) (setq tabs (tab-bar-tabs)))
    (seq-do-indexed (lambda (tab i)
                      (unless (= i keep)
                        (run-hook-with-args 'tab-bar-tab-pre-close-functions tab nil)
                        (tab-bar--remember-closed tab i)))
                    tabs)
    (tab-bar-tabs-set (list (nth keep tabs)))
    (tab-bar--update-tab-bar-lines)
    nil))

(defun tab-bar-undo-close-tab () "Open again the tab closed last in this frame, where it was."
  (interactive)
  (let ((entry (seq-find (lambda (c) (eq (alist-get 'frame c) (selected-frame))) tab-bar-closed-tabs)))
    (if (not entry)
        (message "No more closed tabs to undo")
      (setq tab-bar-closed-tabs (delq entry tab-bar-closed-tabs))
      (let* ((tabs (tab-bar-tabs))
             (index (min (alist-get 'index entry) (length tabs)))
             (tab (alist-get 'tab entry)))
        (setq tabs (append (seq-take tabs index) (list tab) (seq-drop tabs index)))
        (tab-bar-tabs-set tabs)
        (tab-bar-select-tab (1+ index))
        (tab-bar--update-tab-bar-lines)
        nil))))

(defalias 'tab-new #'tab-bar-new-tab)
(defalias 'tab-new-to #'tab-bar-new-tab-to)
(defalias 'tab-close #'tab-bar-close-tab)
(defalias 'tab-close-other #'tab-bar-close-other-tabs)
(defalias 'tab-undo #'tab-bar-undo-close-tab)
(defalias 'tab-select #'tab-bar-select-tab)
(defalias 'tab-next #'tab-bar-switch-to-next-tab)
(defalias 'tab-previous #'tab-bar-switch-to-prev-tab)
(defalias 'tab-rename #'tab-bar-rename-tab)

(provide 'tab-bar)

;;; tab-bar.el ends here
