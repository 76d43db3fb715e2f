;;; view.el --- read a buffer without changing it (View mode)  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed batch behaviour and the
;; Emacs manual ("View Mode").  View mode makes the buffer read-only and gives
;; one-key commands to move, search and leave.  Batch tsmacs has no windows of
;; its own: what GNU does to the window showing the buffer (quitting it,
;; recentering) happens here only when a window library provides those
;; functions, and a buffer shown in no window is left in place, as GNU leaves
;; a buffer that no window shows.

(defgroup view nil "Reading buffers without changing them." :group 'editing)

(defmacro view--option (name value kind doc) "Declare the View mode user option NAME, of Custom type KIND, with standard VALUE and DOC."
  (list 'defcustom name value doc :group ''view :type (list 'quote kind)))

(view--option view-highlight-face 'highlight face "The face that marks the text the last View mode search found.")
(view--option view-scroll-auto-exit nil boolean "Non-nil means scrolling past the end of the buffer leaves View mode.")
(view--option view-try-extend-at-buffer-end nil boolean "Non-nil means scrolling at the end first looks whether the file grew.")
(view--option view-remove-frame-by-deleting t boolean "Non-nil means leaving a frame made for viewing deletes it rather than iconifying it.")
(view--option view-exits-all-viewing-windows nil boolean "Non-nil means leaving View mode restores every window that shows the buffer.")
(view--option view-inhibit-help-message nil boolean "Non-nil means entering View mode shows no reminder of how to leave it.")

;; The state View mode keeps per buffer.
(defvar-local view-old-buffer-read-only nil "The buffer's `buffer-read-only' from before View mode came on.")
(defvar-local view-old-Helper-return-blurb nil "The buffer's `Helper-return-blurb' from before View mode came on.")
(defvar-local view-page-size nil "Lines a page scroll moves in this buffer, or nil for the window's height.")
(defvar-local view-half-page-size nil "Lines a half-page scroll moves in this buffer, or nil for half the window.")
(defvar-local view-last-regexp nil "The last regexp a View mode search used; a one-element list means lines not matching it.")
(defvar-local view-overlay nil "The overlay that shows the last search's match.")
(defvar-local view-exit-action nil "A function of one argument, the buffer, called when View mode is quit; or nil.")
(defvar-local view-return-to-alist nil "Entries (WINDOW . STATE) saying what to show in windows when View mode is left.")
(defvar view-no-disable-on-exit nil "Non-nil means the exit commands leave View mode on.")
;; Changing the major mode keeps the windows' restore entries.
(put 'view-return-to-alist 'permanent-local t)

(defvar view-mode-map
  (let ((keys (make-sparse-keymap)))
    ;; Each binding goes to the front, so the list reads in GNU's order when these
    ;; are made from the last to the first.
    (dolist (pair '(("C" . View-kill-and-leave) ("c" . View-leave) ("Q" . View-quit-all)
                    ("E" . View-exit-and-edit) ("e" . View-exit) ("q" . View-quit)
                    ("p" . View-search-last-regexp-backward) ("n" . View-search-last-regexp-forward)
                    ("\\" . View-search-regexp-backward) ("/" . View-search-regexp-forward)
                    ("r" . isearch-backward) ("s" . isearch-forward) ("m" . point-to-register)
                    ("'" . register-to-point) ("x" . exchange-point-and-mark)
                    ("@" . View-back-to-mark) ("." . set-mark-command) ("%" . View-goto-percent)
                    ("g" . View-goto-line) ("=" . what-line) ("F" . View-revert-buffer-scroll-page-forward)
                    ("y" . View-scroll-line-backward) ("\n" . View-scroll-line-forward)
                    ("\r" . View-scroll-line-forward) ("u" . View-scroll-half-page-backward)
                    ("d" . View-scroll-half-page-forward) ("z" . View-scroll-page-forward-set-page-size)
                    ("w" . View-scroll-page-backward-set-page-size) ("\d" . View-scroll-page-backward)
                    (" " . View-scroll-page-forward) ([?\S-\s] . View-scroll-page-backward)
                    ("o" . View-scroll-to-buffer-end) (">" . end-of-buffer) ("<" . beginning-of-buffer)
                    ("-" . negative-argument)))
      (define-key keys (car pair) (cdr pair)))
    (let ((digit ?9))
      (while (>= digit ?0)
        (define-key keys (vector digit) #'digit-argument)
        (setq digit (1- digit))))
    (dolist (key '("H" "?" "h")) (define-key keys key #'describe-mode))
    keys)
  "The keys of View mode.")

(define-minor-mode view-mode "Toggle View mode: the buffer becomes read-only and single keys move, search and leave.
Turning it off gives the buffer back the `buffer-read-only' it had before."
  :keymap view-mode-map :lighter " View"
  (funcall (if view-mode #'view--enable #'view--disable)))

(defun view--enable () "Set up the current buffer for View mode: remember its read-only state and make it read-only."
  (setq view-page-size nil view-half-page-size nil
        view-old-buffer-read-only buffer-read-only
        buffer-read-only t)
  ;; A new major mode ends View mode's hold on the buffer.
  (add-hook 'change-major-mode-hook #'view--disable nil t)
  (when (boundp 'Helper-return-blurb)
    (setq view-old-Helper-return-blurb (and (boundp 'Helper-return-blurb) Helper-return-blurb))
    (setq-local Helper-return-blurb (format "continue viewing %s" (if buffer-file-name (file-name-nondirectory buffer-file-name) (buffer-name))))))

(defun view--disable () "Undo what `view--enable' did to the current buffer."
  (remove-hook 'change-major-mode-hook #'view--disable t)
  (when view-overlay
    (delete-overlay view-overlay))
  (when (local-variable-p 'Helper-return-blurb)
    (setq Helper-return-blurb view-old-Helper-return-blurb))
  (when buffer-read-only
    (setq buffer-read-only view-old-buffer-read-only)))

(defun view-mode-enable (&optional arg) "Turn View mode on (an old name: call `view-mode' instead).  ARG as for it."
  (interactive)
  (view-mode (or arg 1)))
(make-obsolete 'view-mode-enable 'view-mode "24.4")

(defun view-mode-disable () "Turn View mode off (an old name: call `view-mode' with a negative argument)."
  (view-mode -1))
(make-obsolete 'view-mode-disable 'view-mode "24.4")

(defun view--window-of (buffer) "The window showing BUFFER, when a window library is there to say; else nil."
  (and (fboundp 'get-buffer-window) (get-buffer-window buffer)))

(defun view-recenter () "Recenter the window showing the current buffer, when there are windows."
  (when (fboundp 'recenter) (recenter '(1))))

(defun kill-buffer-if-not-modified (buf) "Kill BUF (a buffer or its name) when it exists and has no unsaved changes; give t when it was killed."
  (let ((buffer (get-buffer buf)))
    (and buffer (not (buffer-modified-p buffer))
         (kill-buffer buffer))))

(defun view-return-to-alist-update (buffer &optional item) "In BUFFER, drop the entries of `view-return-to-alist' that are stale or for ITEM's window, then add ITEM when given."
  (with-current-buffer buffer
    (let ((kept nil))
      (dolist (entry view-return-to-alist)
        (let ((win (car-safe entry)))
          (unless (or (and item (eq win (car item)))
                      (and (fboundp 'windowp) (windowp win)
                           (not (and (window-live-p win) (eq (window-buffer win) buffer)))))
            (push entry kept))))
      (setq view-return-to-alist (nreverse kept))
      (when item (push item view-return-to-alist)))))

(defun view-mode-enter (&optional quit-restore exit-action) "Turn View mode on in the current buffer, with EXIT-ACTION (a function of the buffer) for leaving it.
When View mode is on already, only a non-nil EXIT-ACTION is recorded.
QUIT-RESTORE says how to restore the window later; without windows it is unused."
  (when (and quit-restore (fboundp 'set-window-parameter) (fboundp 'selected-window))
    (set-window-parameter (selected-window) 'quit-restore quit-restore))
  (when exit-action (setq view-exit-action exit-action))
  (unless view-mode
    (view-mode 1)
    (unless (or view-inhibit-help-message noninteractive)
      (let ((reminder (substitute-command-keys
                       "View mode: type \\<view-mode-map>\\[help-command] for help, \\[describe-mode] for commands, \\[View-quit] to quit.")))
        (message "%s" reminder)))))

(defun view-mode-exit (&optional exit-only exit-action all-windows) "Leave View mode in the current buffer, unless `view-no-disable-on-exit' keeps it on.
Unless EXIT-ONLY, the window showing the buffer is given back what it showed
before and EXIT-ACTION is called with the buffer; a buffer no window shows
stays where it is.  ALL-WINDOWS means every window showing the buffer."
  (let ((buffer (current-buffer)))
    (unless view-no-disable-on-exit (view-mode -1))
    (unless exit-only
      (let ((windows (and (fboundp 'get-buffer-window-list)
                          (if all-windows (get-buffer-window-list buffer nil t)
                            (delq nil (list (view--window-of buffer)))))))
        (when windows
          (dolist (win windows)
            (when (and (fboundp 'quit-window) (window-live-p win))
              (quit-window nil win)))
          (when exit-action (funcall exit-action buffer)))))
    nil))

;; The ways out, each a call of `view-mode-exit': (NAME DOC EXIT-ONLY ACTION ALL-WINDOWS).
(defmacro view--exit-command (name doc exit-only action &optional all) "Define the command NAME (documented by DOC) that leaves View mode through `view-mode-exit'."
  `(defun ,name () ,doc (interactive) (view-mode-exit ,exit-only ,action ,all)))

(view--exit-command View-exit "Leave View mode, keeping the buffer where it is." t nil)
(view--exit-command View-quit "Leave View mode, restore the window and run the buffer's exit action." nil view-exit-action)
(view--exit-command View-quit-all "Leave View mode and restore every window that shows the buffer." nil view-exit-action t)
(view--exit-command View-kill-and-leave "Leave View mode, restore the window and kill the buffer." nil #'kill-buffer t)

(defun View-exit-and-edit () "Leave View mode even if `view-no-disable-on-exit' says otherwise, and make the buffer writable."
  (interactive)
  ;; The buffer's old read-only state is forgotten, so it comes back writable.
  (let ((view-no-disable-on-exit nil) (view-old-buffer-read-only nil))
    (view-mode-exit t)))

(defun View-leave () "Leave View mode and show another buffer in its place." (interactive)
  (let ((buffer (current-buffer)))
    (view-mode-exit t)
    (when (view--window-of buffer) (bury-buffer))))

;; Entry points.

(defun view-buffer (buffer &optional exit-action) "Show BUFFER (created when it is a new name) in View mode, EXIT-ACTION to run on quitting it.
A buffer whose major mode is special is shown without View mode."
  (interactive "bView buffer: ")
  (let ((buf (switch-to-buffer buffer)))
    (if (eq (get (buffer-local-value 'major-mode buf) 'mode-class) 'special)
        (message "Not using View mode because the major mode is special")
      (view-mode-enter nil exit-action))))

(defun view-buffer-other-window (buffer &optional not-return exit-action) "Show BUFFER in View mode in another window; NOT-RETURN is unused, EXIT-ACTION as for `view-buffer'."
  (interactive "bIn other window view buffer:\nP")
  (ignore not-return)
  (pop-to-buffer buffer t)
  (view-mode-enter nil exit-action))

(defun view-buffer-other-frame (buffer &optional not-return exit-action) "Show BUFFER in View mode in another frame; NOT-RETURN is unused, EXIT-ACTION as for `view-buffer'."
  (interactive "bView buffer in other frame: \nP")
  (ignore not-return)
  (pop-to-buffer buffer t)
  (view-mode-enter nil exit-action))

(defun view--file-buffer (file) "Visit FILE for viewing: give (BUFFER . EXIT-ACTION), the action killing a buffer made just for it."
  (unless (file-exists-p file) (error "%s does not exist" file))
  (let* ((had (get-file-buffer file))
         (buffer (find-file-noselect file)))
    (cons buffer (and (not had) #'kill-buffer-if-not-modified))))

(defun view-file (file) "Visit FILE in View mode; quitting kills the buffer when visiting made it and it is unchanged."
  (interactive "fView file: ")
  (let ((visit (view--file-buffer file)))
    (view-buffer (car visit) (cdr visit))))

(defun view-file-other-window (file) "Visit FILE in View mode in another window, as `view-file' does."
  (interactive "fIn other window view file: ")
  (let ((visit (view--file-buffer file)))
    (view-buffer-other-window (car visit) nil (cdr visit))))

(defun view-file-other-frame (file) "Visit FILE in View mode in another frame, as `view-file' does."
  (interactive "fIn other frame view file: ")
  (let ((visit (view--file-buffer file)))
    (view-buffer-other-frame (car visit) nil (cdr visit))))

;; Moving.

(defun view-window-size () "The number of lines the window shows, or 20 when there are no windows."
  (if (fboundp 'window-body-height) (1- (window-body-height)) 20))

(defun view-page-size-default (lines) "The page size LINES asks for: nil, zero or too big means the window's height."
  (if (and lines (not (zerop (abs lines))) (< (abs lines) (view-window-size)))
      (abs lines)
    (view-window-size)))

(defun view-set-half-page-size-default (lines) "Record LINES (when given) as the half-page size and give the half-page size to use."
  (let ((half (/ (view-window-size) 2)))
    (cond ((null lines) (or view-half-page-size half))
          ((zerop lines) (setq view-half-page-size half))
          (t (setq view-half-page-size (view-page-size-default lines))))))

(defun View-goto-line (&optional line) "Set the mark and go to the beginning of line LINE (from the start of the accessible text)."
  (interactive "p")
  (push-mark)
  (let ((target (save-excursion (goto-char (point-min)) (forward-line (- line 1)) (point))))
    (goto-char target))
  (view-recenter))

(defun View-goto-percent (&optional percent) "Set the mark and go PERCENT of the way into the buffer; no PERCENT means its end."
  (interactive "P")
  (push-mark)
  (let ((share (if percent (max 0 (min 100 (prefix-numeric-value percent))) 100)))
    (goto-char (+ (point-min) (floor (* (- (point-max) (point-min)) 0.01 share)))))
  (view-recenter))

(defun View-back-to-mark (&optional _ignore) "Go back to the mark and take it off the mark ring." (interactive)
  (let ((where (mark t)))
    (goto-char (if where where (point-min))))
  (pop-mark)
  (view-recenter))

(defun View-scroll-to-buffer-end () "Go to the end of the buffer." (interactive)
  (goto-char (point-max))
  (view-recenter))

(defun view-scroll-lines (lines backward default maxdefault) "Move LINES lines (DEFAULT when nil) down, or up when BACKWARD; MAXDEFAULT caps LINES at DEFAULT.
Without windows moving point is all scrolling can do; at the end of the
buffer `view-scroll-auto-exit' may leave View mode."
  (setq lines (if lines (prefix-numeric-value lines) default))
  (when (and maxdefault lines (> (abs lines) default)) (setq lines default))
  (when (< lines 0) (setq lines (- lines) backward (not backward)))
  (cond (backward
         (when (bobp) (signal 'beginning-of-buffer nil))
         (forward-line (- lines)))
        ((view-really-at-end)
         (if view-scroll-auto-exit (View-quit) (view-end-message)))
        ((fboundp 'scroll-up) (scroll-up lines))
        (t (forward-line lines))))

(defun view-really-at-end () "Non-nil when point is at the end of the buffer and the file did not grow."
  (and (eobp)
       (not (and view-try-extend-at-buffer-end buffer-file-name
                 (not (verify-visited-file-modtime (current-buffer)))
                 (progn (revert-buffer t t t) (not (eobp)))))))

(defun view-end-message () "Say that the end of the buffer was reached and how to leave."
  (let ((quit-key (substitute-command-keys "\\<view-mode-map>\\[View-quit]")))
    (goto-char (point-max))
    (message "End of buffer.  Type %s to quit viewing." quit-key)))

;; The scrolling commands differ only in direction, default distance and whether
;; that distance is also the most they move.
(defmacro view--scroller (name doc backward size &optional capped) "Define NAME (documented by DOC), scrolling by its argument or SIZE lines, up when BACKWARD; CAPPED limits it to SIZE."
  `(defun ,name (&optional lines) ,doc (interactive "P")
     (view-scroll-lines ,(if (memq size '(page-set half)) nil 'lines) ,backward
                        ,(pcase size
                           ('page '(view-page-size-default view-page-size))
                           ('page-set '(setq view-page-size (view-page-size-default lines)))
                           ('half '(view-set-half-page-size-default lines))
                           (_ size))
                        ,capped)))

(view--scroller View-scroll-page-forward "Scroll forward LINES lines, a page by default." nil page)
(view--scroller View-scroll-page-backward "Scroll back LINES lines, a page by default." t page)
(view--scroller View-scroll-page-forward-set-page-size "Scroll forward a page, LINES (when given) becoming the page size." nil page-set)
(view--scroller View-scroll-page-backward-set-page-size "Scroll back a page, LINES (when given) becoming the page size." t page-set)
(view--scroller View-scroll-line-forward "Scroll forward LINES lines, one by default." nil 1 t)
(view--scroller View-scroll-line-backward "Scroll back LINES lines, one by default." t 1 t)
(view--scroller View-scroll-half-page-forward "Scroll forward half a page, LINES (when given) becoming the half-page size." nil half t)
(view--scroller View-scroll-half-page-backward "Scroll back half a page, LINES (when given) becoming the half-page size." t half t)

(defun View-revert-buffer-scroll-page-forward (&optional lines) "Scroll forward LINES lines, first reverting the buffer when its file grew at the end." (interactive "P")
  (let ((view-try-extend-at-buffer-end t) (view-scroll-auto-exit nil))
    (View-scroll-page-forward lines)))

;; Searching.

;; The four search commands: forward or backward, with a new regexp or the last.
(defmacro view--searcher (name doc backward ask) "Define NAME (documented by DOC) searching with `view-search', BACKWARD or not; ASK is the prompt for a regexp, nil to reuse the last."
  (let ((count (if backward '(- n) 'n)))
    (if ask
        `(defun ,name (n regexp) ,doc (interactive ,(concat "p\ns" ask)) (view-search ,count regexp))
      `(defun ,name (n) ,doc (interactive "p") (view-search ,count nil)))))

(view--searcher View-search-regexp-forward "Find the Nth line after this one matching REGEXP; empty REGEXP repeats the last search.
A REGEXP starting with ! finds lines that do not match the rest." nil "Search forward (regexp): ")
(view--searcher View-search-regexp-backward "Find the Nth line before this one matching REGEXP, as `View-search-regexp-forward' does forward." t "Search backward (regexp): ")
(view--searcher View-search-last-regexp-forward "Repeat the last View mode search forward, N times." nil nil)
(view--searcher View-search-last-regexp-backward "Repeat the last View mode search backward, N times." t nil)

(defun view-search (times regexp) "Search for REGEXP (the last one when nil or empty) TIMES times, backward when negative, from the next or previous line.
On success the mark is pushed, the match highlighted and point put at the
start of its line; else a message says so."
  (if (and regexp (> (length regexp) 0))
      (setq view-last-regexp
            (if (eq (aref regexp 0) ?!) (list (substring regexp 1)) regexp))
    (unless view-last-regexp (error "No previous View-mode search")))
  (if (consp view-last-regexp)
      (view-search-no-match-lines times (car view-last-regexp))
    (let ((found (save-excursion
                   (forward-line (if (< times 0) -1 1))
                   (and (re-search-forward view-last-regexp nil t times) (point)))))
      (if (not found)
          (view--search-failed times view-last-regexp)
        (let ((data (match-data)))
          (push-mark)
          (set-match-data data t))
        (goto-char found)
        (view--highlight (match-beginning 0) (match-end 0))
        (beginning-of-line)
        (view-recenter)))))

(defun view--search-failed (times regexp) "Say that occurrence TIMES of REGEXP (a list for lines not matching) was not found."
  (message "Can't find occurrence %d of %s%s" times
           (if (consp regexp) "no " "") (if (consp regexp) (car regexp) regexp))
  (sit-for 4))

(defun view--highlight (beg end) "Show the match from BEG to END with `view-highlight-face'."
  (if view-overlay
      (move-overlay view-overlay beg end)
    (setq view-overlay (make-overlay beg end)))
  (overlay-put view-overlay 'face view-highlight-face))

(defun view-search-no-match-lines (times regexp) "Find the line TIMES lines on (back when negative) counting only lines with no match for REGEXP."
  (let* ((step (if (< times 0) -1 1))
         (left (abs times))
         (found (save-excursion
                  (beginning-of-line)
                  (let ((done nil))
                    (while (and (> left 0) (not done))
                      (if (/= (forward-line step) 0)
                          (setq done t)
                        (unless (or (and (> step 0) (eobp))
                                    (re-search-forward regexp (line-end-position) t))
                          (setq left (1- left)))
                        (beginning-of-line)))
                    (and (= left 0) (point))))))
    (if (not found)
        (view--search-failed times (list regexp))
      (push-mark)
      (goto-char found)
      (view--highlight found (line-end-position))
      (view-recenter))))

(provide 'view)

;;; view.el ends here
