;;; window.el --- windows and frames as batch mode has them  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour in batch mode and the Elisp
;; manual's chapters on windows and frames.  One terminal frame, F1, of 80 columns by 25 lines:
;; a tree of windows (its root showing *scratch* at start) and a one-line minibuffer window.
;; Window and frame objects are made in src/emacs/window.ts; this file keeps their slots by
;; number through `tsmacs--window-slot' and `tsmacs--frame-slot' (the numbers are WIN_* and
;; FRAME_* there).

;;; Slots.

(defmacro window--slot (w n) "Read slot N of window W." `(tsmacs--window-slot ,w ,n))
(defmacro window--put (w n v) "Set slot N of window W to V." `(tsmacs--set-window-slot ,w ,n ,v))
(defmacro frame--slot (f n) "Read slot N of frame F." `(tsmacs--frame-slot ,f ,n))
(defmacro frame--put (f n v) "Set slot N of frame F to V." `(tsmacs--set-frame-slot ,f ,n ,v))

(defvar window--use-counter 0 "The last use time given to a selected window.")

(defvar window-min-height 4 "The fewest lines a window may have.")
(defvar window-min-width 10 "The fewest columns a window may have.")
(defvar window-safe-min-height 1 "The fewest lines any window may ever have.")
(defvar window-safe-min-width 2 "The fewest columns any window may ever have.")
(defvar split-height-threshold 80 "The fewest lines a window needs before `split-window-sensibly' splits it vertically.")
(defvar split-width-threshold 160 "The fewest columns a window needs before `split-window-sensibly' splits it horizontally.")
(defvar split-window-preferred-function #'split-window-sensibly "The function `display-buffer' calls to split a window.")
(defvar pop-up-windows t "Non-nil means `display-buffer' may split a window to show a buffer.")
(defvar display-buffer-overriding-action '(nil . nil) "An action that takes precedence over every other in `display-buffer'.")
(defvar display-buffer-alist nil "Pairs of a condition and an action that `display-buffer' consults.")
(defvar display-buffer-base-action '(nil . nil) "The action `display-buffer' uses after all others.")
(defvar switch-to-buffer-preserve-window-point t "Non-nil means switching back to a buffer in a window restores the point it had there.")
(defvar window-persistent-parameters '((clone-of . t)) "The window parameters that window states and configurations keep.")
(defvar window-configuration-change-hook nil "Functions run when the window configuration changes.")
(defvar window-size-change-functions nil "Functions run when window sizes change.")
(defvar window-buffer-change-functions nil "Functions run when the buffers of windows change.")
(defvar window-selection-change-functions nil "Functions run when the selected window changes.")
(defvar window-state-change-functions nil "Functions run when window states change.")
(defvar window-state-change-hook nil "Hook run when window states change.")
(defvar window-scroll-functions nil "Functions run when a window scrolls.")
(defvar window-combination-resize nil "Non-nil means splitting resizes all windows of the combination.")
(defvar window-combination-limit 'window-size "When splitting makes a new parent window: t always, `window-size' when the
split is told a size (GNU's default), other values only for the commands that name them.
The windows of this batch session are split as if it were nil.")
(defvar fit-window-to-buffer-horizontally nil "Non-nil means `fit-window-to-buffer' may change the width too.")
(defvar recenter-redisplay 'tty "When `recenter' redraws the frame.")
(defvar window-point-insertion-type nil "The insertion type of window point markers.")
(defvar frame-title-format "%b" "How a frame's title is made.")
(defvar minibuffer-auto-raise nil "Non-nil means entering the minibuffer raises its frame.")
(defvar mode-line-in-non-selected-windows t "Non-nil means non-selected windows show their own mode line face.")

;;; Checking arguments.

(defun window--first (pred xs) "The first element of XS that PRED accepts, or nil."
  (while (and xs (not (funcall pred (car xs)))) (setq xs (cdr xs)))
  (car xs))
(defun window--keep (pred xs) "The elements of XS that PRED accepts, in order."
  (let (r) (dolist (x xs) (when (funcall pred x) (push x r))) (nreverse r)))

(defun window--valid (window) "WINDOW, nil meaning the selected window, when it is a valid window; else signal `wrong-type-argument' windowp."
  (cond ((null window) (selected-window))
        ((window-valid-p window) window)
        (t (signal 'wrong-type-argument (list 'windowp window)))))

(defun window--live (window) "WINDOW, nil meaning the selected window, when it is live; else signal `wrong-type-argument' window-live-p."
  (cond ((null window) (selected-window))
        ((window-live-p window) window)
        (t (signal 'wrong-type-argument (list 'window-live-p window)))))

(defun window-normalize-window (window &optional live-only) "Give WINDOW, or the selected window when it is nil; signal when it is not a valid window (a live one with LIVE-ONLY)."
  (cond ((null window) (selected-window))
        ((if live-only (window-live-p window) (window-valid-p window)) window)
        (t (error (if live-only "%s is not a live window" "%s is not a valid window") window))))

(defun window--frame (frame) "FRAME, nil meaning the selected frame, when it is a live frame; else signal."
  (cond ((null frame) (selected-frame))
        ((frame-live-p frame) frame)
        ((framep frame) (signal 'wrong-type-argument (list 'frame-live-p frame)))
        (t (signal 'wrong-type-argument (list 'framep frame)))))

(defun window-normalize-frame (frame) "Give the live frame FRAME, or the selected frame when it is nil."
  (window--frame frame))

(defun window-normalize-buffer (buffer-or-name) "Give the live buffer BUFFER-OR-NAME names (the current buffer for nil), or signal an error."
  (cond ((null buffer-or-name) (current-buffer))
        ((bufferp buffer-or-name)
         (if (buffer-live-p buffer-or-name) buffer-or-name
           (error "Buffer %s is not a live buffer" buffer-or-name)))
        ((get-buffer buffer-or-name))
        (t (error "No such live buffer %s" buffer-or-name))))

;;; Reading windows.

(defun window-frame (&optional window) "Give the frame WINDOW (default the selected window) is on."
  (window--slot (window--valid window) 1))
(defun window-buffer (&optional window) "Give the buffer WINDOW (default the selected window) shows; nil for an internal or deleted window."
  (let ((w (or window (selected-window))))
    (unless (windowp w) (signal 'wrong-type-argument (list 'windowp w)))
    (and (not (window--slot w 19)) (window--slot w 2))))
(defun window-parent (&optional window) "Give the parent window of WINDOW, nil for a root or minibuffer window."
  (window--slot (window--valid window) 5))
(defun window-next-sibling (&optional window) "Give the window after WINDOW in its parent's combination, or nil."
  (window--slot (window--valid window) 6))
(defun window-prev-sibling (&optional window) "Give the window before WINDOW in its parent's combination, or nil."
  (window--slot (window--valid window) 7))
(defun window-child (window) "Give the first child window of the internal window WINDOW, nil for a live one."
  (window--slot (window--valid window) 8))
(defun window-top-child (&optional window) "Give WINDOW's first child when its children are stacked one above another."
  (let ((w (window--valid window)))
    (and (window--slot w 8) (not (window--slot w 9)) (window--slot w 8))))
(defun window-left-child (&optional window) "Give WINDOW's first child when its children are side by side."
  (let ((w (window--valid window)))
    (and (window--slot w 8) (window--slot w 9) (window--slot w 8))))
(defun window-last-child (window) "Give the last child window of the internal window WINDOW."
  (let ((c (window-child window)))
    (while (and c (window--slot c 6)) (setq c (window--slot c 6)))
    c))
(defun window-combined-p (&optional window horizontal) "Give the first window of WINDOW's combination when it is vertical or, with HORIZONTAL, horizontal; else nil."
  (let* ((w (window--valid window)) (p (window--slot w 5)))
    (and p (if horizontal (window--slot p 9) (not (window--slot p 9))) (window--slot p 8))))
(defun window-minibuffer-p (&optional window) "Give t when WINDOW (default the selected window) is a minibuffer window."
  (and (window--slot (window--valid window) 18) t))
(defun window-dedicated-p (&optional window) "Give the dedication flag of the live window WINDOW."
  (window--slot (window--live window) 14))
(defun set-window-dedicated-p (window flag) "Make the live window WINDOW dedicated to its buffer when FLAG is non-nil; give FLAG."
  (window--put (window--live window) 14 flag))
(defun window-parameters (&optional window) "Give a copy of the parameter alist of WINDOW."
  (copy-alist (window--slot (window--valid window) 15)))
(defun window-parameter (window parameter) "Give WINDOW's value for PARAMETER, nil when it has none."
  (cdr (assq parameter (window--slot (window--valid window) 15))))
(defun set-window-parameter (window parameter value) "Set WINDOW's PARAMETER to VALUE and give VALUE."
  (let* ((w (window--valid window)) (cell (assq parameter (window--slot w 15))))
    (if cell (setcdr cell value)
      (window--put w 15 (cons (cons parameter value) (window--slot w 15))))
    value))
(defun window-prev-buffers (&optional window) "Give the list of buffers WINDOW showed before, each as (BUFFER START POINT)."
  (window--slot (window--live window) 16))
(defun set-window-prev-buffers (window prev-buffers) "Set the list of buffers WINDOW showed before to PREV-BUFFERS."
  (window--put (window--live window) 16 prev-buffers))
(defun window-next-buffers (&optional window) "Give the list of buffers WINDOW may switch to next."
  (window--slot (window--live window) 17))
(defun set-window-next-buffers (window next-buffers) "Set the list of buffers WINDOW may switch to next to NEXT-BUFFERS."
  (window--put (window--live window) 17 next-buffers))
(defun window-hscroll (&optional window) "Give the number of columns WINDOW is scrolled to the left."
  (window--slot (window--live window) 22))
(defun set-window-hscroll (window ncol) "Scroll WINDOW NCOL columns to the left; give NCOL."
  (window--put (window--live window) 22 (max 0 ncol)))
(defun window-vscroll (&optional _window _pixels) "Give the vertical scroll of a window, always 0 on a text terminal." 0)
(defun set-window-vscroll (_window _vscroll &optional _pixels) "Set the vertical scroll of a window: always 0 on a text terminal." 0)
(defun window-margins (&optional window) "Give WINDOW's left and right margin widths as (LEFT . RIGHT)." (window--live window) (list nil))
(defun window-fringes (&optional window) "Give WINDOW's fringe widths and their placement." (window--live window) '(0 0 nil nil))
(defun window-scroll-bars (&optional window) "Give WINDOW's scroll bar settings." (window--live window) '(nil 0 t nil 0 t nil))
(defun window-use-time (&optional window) "Give when the live WINDOW was last selected."
  (window--slot (window--live window) 23))

;;; Sizes.  After the first change of the tree the windows start on line 1, below a menu bar
;;; line, as batch GNU lays them out; at start they start on line 0.

(defun window-total-height (&optional window _round) "Give the height of WINDOW in lines, its mode line included."
  (window--slot (window--valid window) 13))
(defun window-total-width (&optional window _round) "Give the width of WINDOW in columns, its divider included."
  (window--slot (window--valid window) 12))
(defun window-total-size (&optional window horizontal round) "Give WINDOW's total width when HORIZONTAL, else its total height."
  (if horizontal (window-total-width window round) (window-total-height window round)))
(defun window-left-column (&optional window) "Give the column of the frame where WINDOW starts."
  (window--slot (window--valid window) 10))
(defun window-top-line (&optional window) "Give the line of the frame where WINDOW starts."
  (window--slot (window--valid window) 11))
(defun window--right-edge-p (w) "Non-nil when window W reaches the right edge of its frame."
  (>= (+ (window--slot w 10) (window--slot w 12)) (frame--slot (window--slot w 1) 6)))
(defun window-body-height (&optional window _pixelwise) "Give the number of text lines of the live WINDOW."
  (let ((w (window--live window)))
    (if (window--slot w 18) (window--slot w 13) (max 0 (1- (window--slot w 13))))))
(defun window-body-width (&optional window _pixelwise) "Give the number of text columns of the live WINDOW."
  (let ((w (window--live window)))
    (if (window--right-edge-p w) (window--slot w 12) (max 0 (1- (window--slot w 12))))))
(defun window-body-size (&optional window horizontal pixelwise) "Give WINDOW's body width when HORIZONTAL, else its body height."
  (if horizontal (window-body-width window pixelwise) (window-body-height window pixelwise)))
(defun window-width (&optional window pixelwise) "Give the number of text columns of WINDOW." (window-body-width window pixelwise))
(defun window-height (&optional window _round) "Give the height of WINDOW in lines, its mode line included." (window-total-height window))
(defun window-pixel-width (&optional window) "Give WINDOW's width in pixels (one per column here)." (window-total-width window))
(defun window-pixel-height (&optional window) "Give WINDOW's height in pixels (one per line here)." (window-total-height window))
(defun window-text-width (&optional window _pixelwise) "Give the width of WINDOW's text area." (window-body-width window))
(defun window-text-height (&optional window _pixelwise) "Give the height of WINDOW's text area." (window-body-height window))
(defun window-normal-size (&optional window horizontal) "Give the share of its parent's size WINDOW has, across when HORIZONTAL."
  (window--slot (window--valid window) (if horizontal 20 21)))
(defun window-min-size (&optional window horizontal _ignore _pixelwise) "Give the fewest lines (columns when HORIZONTAL) WINDOW may have."
  (let ((w (window--valid window)))
    (cond (horizontal window-min-width)
          (t window-min-height))))
(defun window-edges (&optional window body _absolute _pixelwise) "Give (LEFT TOP RIGHT BOTTOM) of WINDOW, of its text area with BODY."
  (let* ((w (window--valid window)) (l (window--slot w 10)) (top (window--slot w 11)))
    (if body
        (list l top (+ l (window-body-width w)) (+ top (window-body-height w)))
      (list l top (+ l (window--slot w 12)) (+ top (window--slot w 13))))))
(defun window-full-height-p (&optional window) "Non-nil when WINDOW is as tall as its frame's root window."
  (let ((w (window--valid window)))
    (= (window--slot w 13) (window--slot (frame-root-window (window--slot w 1)) 13))))
(defun window-full-width-p (&optional window) "Non-nil when WINDOW is as wide as its frame."
  (let ((w (window--valid window)))
    (= (window--slot w 12) (frame--slot (window--slot w 1) 6))))

(defun window--resize (w slot n) "Give window W size N in SLOT (12 columns, 13 lines): children stacked along SLOT share the change in proportion to their sizes (the first ones taking what rounding leaves), children across it each take all of it."
  (let ((old (window--slot w slot)) (c (window--slot w 8)))
    (window--put w slot n)
    (cond ((null c))
          ((eq (and (window--slot w 9) t) (= slot 13))
           (while c (window--resize c slot (+ (window--slot c slot) (- n old))) (setq c (window--slot c 6))))
          (t (let ((sizes nil) (used 0) (cs nil))
               (while c
                 (let ((k (if (> old 0) (/ (* (window--slot c slot) n) old) 0)))
                   (push k sizes) (push c cs) (setq used (+ used k)))
                 (setq c (window--slot c 6)))
               (setq sizes (nreverse sizes) cs (nreverse cs))
               (let ((left (- n used)))
                 (while cs
                   (window--resize (car cs) slot (+ (car sizes) (if (> left 0) 1 0)))
                   (setq left (1- left) cs (cdr cs) sizes (cdr sizes)))))))))

(defun window--set-lines (w n) "Give window W N lines." (window--resize w 13 n))

(defun window--lay-out (w left top) "Give window W and everything under it positions, W starting at column LEFT of line TOP."
  (window--put w 10 left)
  (window--put w 11 top)
  (let ((c (window--slot w 8)) (across (window--slot w 9)))
    (while c
      (window--lay-out c left top)
      (if across (setq left (+ left (window--slot c 12))) (setq top (+ top (window--slot c 13))))
      (setq c (window--slot c 6)))))

(defun window--relayout (frame) "Place FRAME's windows anew, below the menu bar line."
  (let ((root (frame--slot frame 1)) (mini (frame--slot frame 2)))
    (window--lay-out root 0 1)
    (when mini (window--put mini 11 (+ 1 (window--slot root 13))))))

;;; Frames.

(defun frame-root-window (&optional frame-or-window) "Give the root window of FRAME-OR-WINDOW's frame."
  (frame--slot (window--frame-of frame-or-window) 1))
(defun window--frame-of (x) "The frame X names: a frame, a window's frame, or the selected frame for nil."
  (if (windowp x) (window-frame x) (window--frame x)))
(defun minibuffer-window (&optional frame) "Give the minibuffer window of FRAME."
  (frame--slot (window--frame frame) 2))
(defun frame-selected-window (&optional frame-or-window) "Give the selected window of FRAME-OR-WINDOW's frame."
  (frame--slot (window--frame-of frame-or-window) 3))
(defun set-frame-selected-window (frame window &optional norecord) "Make WINDOW the selected window of FRAME; select it too when FRAME is the selected frame."
  (let ((f (window--frame frame)) (w (window--live window)))
    (unless (eq (window--slot w 1) f) (error "In `set-frame-selected-window', WINDOW is not on FRAME"))
    (if (eq f (selected-frame)) (select-window w norecord) (frame--put f 3 w))
    w))
(defun frame-first-window (&optional frame-or-window) "Give the live window at the top left of FRAME-OR-WINDOW's frame."
  (let ((w (frame-root-window frame-or-window)))
    (while (window--slot w 8) (setq w (window--slot w 8)))
    w))
(defun window-at (_x _y &optional frame) "Give the window of FRAME at column X and line Y: nil in batch, where nothing is laid out on a screen." (window--frame frame) nil)
(defun frame-width (&optional frame) "Give the number of text columns of FRAME." (frame--slot (window--frame frame) 6))
(defun frame-height (&optional frame) "Give the number of text lines of FRAME." (frame--slot (window--frame frame) 7))
(defun frame-total-cols (&optional frame) "Give the number of columns of FRAME." (frame-width frame))
(defun frame-total-lines (&optional frame) "Give the number of lines of FRAME." (frame-height frame))
(defun frame-text-cols (&optional frame) "Give the number of text columns of FRAME." (frame-width frame))
(defun frame-text-lines (&optional frame) "Give the number of text lines of FRAME." (frame-height frame))
(defun frame-pixel-width (&optional frame) "Give FRAME's width in pixels (one per column here)." (frame-width frame))
(defun frame-pixel-height (&optional frame) "Give FRAME's height in pixels (one per line here)." (frame-height frame))
(defun frame-char-width (&optional frame) "Give the width of a character on FRAME: 1 on a text terminal." (window--frame frame) 1)
(defun frame-char-height (&optional frame) "Give the height of a character on FRAME: 1 on a text terminal." (window--frame frame) 1)
(defun frame-visible-p (frame) "Give t when FRAME is visible." (window--frame frame) t)
(defun frame-focus-state (&optional _frame) "Tell whether a frame has focus: t for the terminal frame." t)
(defun frame-terminal (&optional frame) "Give the terminal FRAME is on, nil here where terminals are not objects." (window--frame frame) nil)
(defun next-frame (&optional frame _miniframe) "Give the frame after FRAME: the only one." (window--frame frame))
(defun previous-frame (&optional frame _miniframe) "Give the frame before FRAME: the only one." (window--frame frame))
(defun visible-frame-list () "Give the list of visible frames." (frame-list))
(defun raise-frame (&optional _frame) "Raise a frame: nothing to do on a terminal." nil)
(defun lower-frame (&optional _frame) "Lower a frame: nothing to do on a terminal." nil)
(defun redraw-frame (&optional _frame) "Redraw a frame: nothing to do in batch." nil)
(defun select-frame (frame &optional _norecord) "Make FRAME the selected frame and give it."
  (tsmacs--select-frame (window--frame frame))
  (set-buffer (window-buffer (frame-selected-window frame)))
  frame)

(defun frame-parameters (&optional frame) "Give a fresh alist of FRAME's parameters."
  (let ((f (window--frame frame)))
    (unless (frame--slot f 4)
      (frame--put f 4 (list '(tab-bar-lines . 0) '(menu-bar-lines . 1) (list 'buried-buffer-list)
                            (list 'buffer-list) (list 'unsplittable) '(modeline . t) '(width . 80) '(height . 25)
                            (cons 'name "F1") '(font . "tty") '(background-color . "unspecified-bg")
                            '(foreground-color . "unspecified-fg") '(background-mode . dark) '(display-type . mono)
                            '(minibuffer . t))))
    (let ((ps (copy-alist (frame--slot f 4))))
      (setcdr (assq 'buffer-list ps) (window--frame-buffers f))
      ps)))

(defvar window--frame-buffers nil "The buffers selected in the terminal frame, most recent first.")
(defun window--frame-buffers (_f) "The buffers that have been selected in frame F, most recent first, live ones only."
  (let ((bs (window--keep #'buffer-live-p window--frame-buffers)))
    (or bs (list (window-buffer (selected-window))))))

(defun frame-parameter (frame parameter) "Give FRAME's value for PARAMETER."
  (cdr (assq parameter (frame-parameters frame))))
(defun modify-frame-parameters (frame alist) "Set FRAME's parameters from ALIST, of (PARAMETER . VALUE) pairs."
  (let ((f (window--frame frame)))
    (frame-parameters f)
    (dolist (p alist)
      (let ((cell (assq (car p) (frame--slot f 4))))
        (if cell (setcdr cell (cdr p))
          (frame--put f 4 (append (frame--slot f 4) (list (cons (car p) (cdr p))))))))
    nil))
(defun set-frame-parameter (frame parameter value) "Set FRAME's PARAMETER to VALUE."
  (modify-frame-parameters frame (list (cons parameter value))))

;;; The cyclic order of windows.

(defun window--live-under (w) "The live windows in the tree under W, in order."
  (if (window--slot w 2) (list w)
    (let (r (c (window--slot w 8)))
      (while c (setq r (nconc r (window--live-under c))) (setq c (window--slot c 6)))
      r)))

(defun window--cycle (frame minibuf) "The live windows of FRAME in cyclic order; the minibuffer window too when MINIBUF is t."
  (let ((ws (window--live-under (frame--slot frame 1))))
    (if (and (eq minibuf t) (frame--slot frame 2)) (append ws (list (frame--slot frame 2))) ws)))

(defun window--rotate (ws start) "WS begun at START (when in it)."
  (let ((tail (memq start ws)))
    (if tail (append tail (butlast ws (length tail))) ws)))

(defun window-list (&optional frame minibuf window) "Give the live windows of FRAME in cyclic order from WINDOW (or the frame's selected window); MINIBUF t includes the minibuffer window."
  (let* ((f (if window (window-frame (window--live window)) (window--frame frame)))
         (start (or window (frame-selected-window f))))
    (window--rotate (window--cycle f (or minibuf (and (window-minibuffer-p start) t))) start)))

(defun window-list-1 (&optional window minibuf _all-frames) "Give the live windows in cyclic order starting with WINDOW (the selected window by default)."
  (let ((w (window--live window)))
    (window--rotate (window--cycle (window-frame w) (or minibuf (and (window-minibuffer-p w) t))) w)))

(defun next-window (&optional window minibuf all-frames) "Give the live window after WINDOW in the cyclic order."
  (let ((ws (window-list-1 window minibuf all-frames)))
    (or (cadr ws) (car ws))))
(defun previous-window (&optional window minibuf all-frames) "Give the live window before WINDOW in the cyclic order."
  (let ((ws (window-list-1 window minibuf all-frames)))
    (car (last ws))))
(defun walk-windows (fun &optional minibuf all-frames) "Call FUN on each live window in cyclic order, the selected window first."
  (save-selected-window
    (dolist (w (window-list-1 nil minibuf all-frames)) (funcall fun w))))
(defun window-in-direction (_direction &optional _window _ignore _sign _wrap _mini) "Give the window in DIRECTION from WINDOW: nil, as no geometry is searched here." nil)
(defun one-window-p (&optional nomini all-frames) "Non-nil when the selected frame shows only one window; NOMINI non-nil leaves the minibuffer window out."
  (ignore nomini)
  (= 1 (length (window-list-1 nil nil all-frames))))
(defun get-buffer-window (&optional buffer-or-name all-frames) "Give a live window showing BUFFER-OR-NAME, the selected window first; nil when none does."
  (let ((b (if buffer-or-name (get-buffer buffer-or-name) (current-buffer))))
    (and b (window--first (lambda (w) (eq (window-buffer w) b)) (window-list-1 nil nil all-frames)))))
(defun get-buffer-window-list (&optional buffer-or-name minibuf all-frames) "Give the live windows showing BUFFER-OR-NAME, the selected window first."
  (let ((b (window-normalize-buffer buffer-or-name)))
    (window--keep (lambda (w) (eq (window-buffer w) b)) (window-list-1 nil minibuf all-frames))))
(defun get-lru-window (&optional all-frames dedicated not-selected _no-other) "Give the live window used least recently, the selected one last."
  (let (best)
    (dolist (w (window-list-1 nil nil all-frames))
      (unless (or (and (window-dedicated-p w) (not dedicated))
                  (and not-selected (eq w (selected-window))))
        (when (or (null best)
                  (if (eq best (selected-window)) t
                    (and (not (eq w (selected-window))) (< (window-use-time w) (window-use-time best)))))
          (setq best w))))
    best))
(defun get-mru-window (&optional all-frames dedicated not-selected _no-other) "Give the live window used most recently."
  (let (best)
    (dolist (w (window-list-1 nil nil all-frames))
      (unless (or (and (window-dedicated-p w) (not dedicated)) (and not-selected (eq w (selected-window))))
        (when (or (null best) (> (window-use-time w) (window-use-time best))) (setq best w))))
    best))
(defun get-largest-window (&optional all-frames dedicated not-selected _no-other) "Give the live window with the most lines times columns."
  (let (best (size 0))
    (dolist (w (window-list-1 nil nil all-frames))
      (unless (or (and (window-dedicated-p w) (not dedicated)) (and not-selected (eq w (selected-window))))
        (let ((s (* (window-total-width w) (window-total-height w))))
          (when (> s size) (setq best w size s)))))
    best))

;;; Point and start.

(defun window--selected-p (w) "Non-nil when W is the selected window of the selected frame."
  (eq w (selected-window)))

(defun window-point (&optional window) "Give WINDOW's point: for the selected window, the point of its buffer."
  (let ((w (window--live window)))
    (if (window--selected-p w)
        (with-current-buffer (window--slot w 2) (point))
      (marker-position (window--slot w 4)))))

(defun set-window-point (window pos) "Put WINDOW's point at POS and give POS."
  (let ((w (window--live window)))
    (if (window--selected-p w)
        (with-current-buffer (window--slot w 2) (goto-char pos))
      (set-marker (window--slot w 4) pos (window--slot w 2))
      (with-current-buffer (window--slot w 2)
        (set-marker (window--slot w 4) (max (point-min) (min (point-max) (marker-position (window--slot w 4))))))))
  pos)

(defun window-start (&optional window) "Give the position where WINDOW's display starts."
  (marker-position (window--slot (window--live window) 3)))
(defun set-window-start (window pos &optional _noforce) "Make WINDOW's display start at POS and give POS."
  (let ((w (window--live window)))
    (set-marker (window--slot w 3) pos (window--slot w 2)))
  pos)
(defun window-end (&optional window _update) "Give where WINDOW's display ends: in batch, where it starts, as nothing is displayed."
  (window-start window))
(defun window-old-point (&optional window) "Give WINDOW's point as it was at the last redisplay." (window-point window))
(defun pos-visible-in-window-p (&optional _pos _window _partially) "Tell whether POS is shown in WINDOW: never in batch." nil)

;;; Selecting.

(defun select-window (window &optional norecord) "Make WINDOW the selected window and its buffer current; unless NORECORD, mark it used and put its buffer first in the buffer list."
  (unless (window-live-p window) (signal 'wrong-type-argument (list 'window-live-p window)))
  (let* ((w window) (old (selected-window)) (f (window--slot w 1)))
    (unless (eq w old)
      (when (window-live-p old)
        (set-marker (window--slot old 4) (with-current-buffer (window--slot old 2) (point)) (window--slot old 2))))
    (unless (eq f (selected-frame)) (tsmacs--select-frame f))
    (frame--put f 3 w)
    (set-buffer (window--slot w 2))
    (unless (eq w old)
      (let ((p (marker-position (window--slot w 4))))
        (when p (goto-char p))))
    (unless norecord
      (window--put w 23 (setq window--use-counter (1+ window--use-counter)))
      (setq window--frame-buffers (cons (current-buffer) (delq (current-buffer) window--frame-buffers)))
      (tsmacs--record-buffer (current-buffer)))
    w))

(defmacro save-selected-window (&rest body) "Run BODY, then select again the window and frame that were selected (when still live)."
  (declare (indent 0) (debug t))
  (let ((win (make-symbol "win")))
    `(let ((,win (selected-window)))
       (save-current-buffer
         (unwind-protect (progn ,@body)
           (when (window-live-p ,win) (select-window ,win 'norecord)))))))

(defmacro with-selected-window (window &rest body) "Run BODY with WINDOW selected (without recording it), then select again the window that was."
  (declare (indent 1) (debug t))
  `(save-selected-window (select-window ,window 'norecord) ,@body))

(defmacro with-selected-frame (frame &rest body) "Run BODY with FRAME selected, then select again the frame that was."
  (declare (indent 1) (debug t))
  (let ((old (make-symbol "old")))
    `(let ((,old (selected-frame)))
       (save-current-buffer
         (unwind-protect (progn (select-frame ,frame 'norecord) ,@body)
           (when (frame-live-p ,old) (select-frame ,old 'norecord)))))))

;;; Buffers in windows.

(defun window--record (w) "Put the buffer window W shows first in its list of earlier buffers, with its start and point."
  (let* ((b (window--slot w 2)) (entry (assq b (window--slot w 16))))
    (when (and b (buffer-live-p b) (not (window--slot w 18)))
      (let ((start (copy-marker (window--slot w 3))) (pt (copy-marker (window-point w))))
        (with-current-buffer b (set-marker pt (window-point w)))
        (window--put w 16 (cons (list b start pt) (delq entry (window--slot w 16))))))))

(defun window--show (w b) "Make window W show buffer B, from its start, with B's point; record what it showed before."
  (unless (eq (window--slot w 2) b)
    (window--record w)
    (window--put w 2 b)
    (with-current-buffer b
      (set-marker (window--slot w 3) (point-min) b)
      (set-marker (window--slot w 4) (point) b))
    (run-hooks 'buffer-list-update-hook)))

(defun set-window-buffer (window buffer-or-name &optional _keep-margins) "Make WINDOW show BUFFER-OR-NAME."
  (let ((w (window--live window)) (b (get-buffer buffer-or-name)))
    (unless (bufferp b) (signal 'wrong-type-argument (list 'bufferp b)))
    (unless (buffer-live-p b) (error "Attempt to display deleted buffer"))
    (when (and (window--slot w 14) (not (eq b (window--slot w 2))))
      (error "Window is dedicated to `%s'" (buffer-name (window--slot w 2))))
    (window--show w b)
    nil))

(defun replace-buffer-in-windows (&optional buffer-or-name) "Show another buffer in every window that shows BUFFER-OR-NAME, and forget it in the windows' histories."
  (let ((b (window-normalize-buffer buffer-or-name)))
    (dolist (w (window--cycle (selected-frame) nil))
      (when (eq (window--slot w 2) b)
        (let ((prev (window--first (lambda (e) (and (not (eq (car e) b)) (buffer-live-p (car e))))
                              (window--slot w 16))))
          (window--show w (if prev (car prev) (other-buffer b)))
          (when prev
            (set-marker (window--slot w 3) (marker-position (nth 1 prev)) (car prev))
            (if (window--selected-p w)
                (with-current-buffer (car prev) (goto-char (nth 2 prev)))
              (set-marker (window--slot w 4) (marker-position (nth 2 prev)) (car prev))))))
      (window--put w 16 (window--keep (lambda (e) (not (eq (car e) b))) (window--slot w 16)))
      (window--put w 17 (delq b (window--slot w 17))))
    nil))

;;; Going back and forth in a window's buffers.

(defun window--shown-elsewhere-p (b w) "Non-nil when a live window other than W shows buffer B."
  (window--first (lambda (x) (and (not (eq x w)) (eq (window-buffer x) b))) (window-list-1 nil nil)))

(defun window--show-entry (w b entry) "Make window W show buffer B, from ENTRY's start and point when ENTRY is (B START POINT)."
  (window--show w b)
  (when entry
    (set-marker (window--slot w 3) (marker-position (nth 1 entry)) b)
    (set-window-point w (marker-position (nth 2 entry))))
  (when (window--selected-p w) (set-buffer b)))

(defun window--fallback-buffer (w old skip) "A live buffer for window W other than OLD and the buffers SKIP: named without a leading space, shown in no other window."
  (window--first (lambda (b) (and (not (eq b old)) (not (memq b skip))
                                  (not (eq (aref (buffer-name b) 0) ?\s))
                                  (not (window--shown-elsewhere-p b w))))
                 (buffer-list)))

(defun switch-to-prev-buffer (&optional window bury-or-kill) "Show in WINDOW the buffer it showed before; give that buffer, or nil when there is none.
With BURY-OR-KILL the buffer WINDOW shows now is forgotten by it rather than remembered as the next one."
  (let* ((w (window--live window)) (old (window-buffer w))
         (entry (window--first (lambda (e) (and (buffer-live-p (car e)) (not (eq (car e) old))
                                                (not (memq (car e) (window--slot w 17)))
                                                (not (window--shown-elsewhere-p (car e) w))))
                               (window--slot w 16)))
         (new (if entry (car entry) (window--fallback-buffer w old (window--slot w 17)))))
    (when new
      (if bury-or-kill
          (progn (window--put w 16 (window--keep (lambda (e) (not (eq (car e) old))) (window--slot w 16)))
                 (window--put w 17 (delq old (window--slot w 17)))
                 (window--put w 2 nil)
                 (window--show-entry w new entry))
        (window--show-entry w new entry)
        (window--put w 17 (cons old (delq old (window--slot w 17))))))
    new))

(defun switch-to-next-buffer (&optional window) "Show in WINDOW the buffer it showed before `switch-to-prev-buffer'; give that buffer, or nil."
  (let* ((w (window--live window)) (old (window-buffer w))
         (new (or (window--first (lambda (b) (and (buffer-live-p b) (not (eq b old)))) (window--slot w 17))
                  (window--fallback-buffer w old (mapcar #'car (window--slot w 16))))))
    (when new
      (window--put w 17 (delq new (window--slot w 17)))
      (window--show-entry w new (assq new (window--slot w 16))))
    new))

(defun previous-buffer (&optional arg _interactive) "Show in the selected window the buffer it showed before, ARG times."
  (interactive "p")
  (dotimes (_ (or arg 1))
    (unless (switch-to-prev-buffer) (user-error "No previous buffer"))))

(defun next-buffer (&optional arg _interactive) "Show in the selected window the next buffer in its history, ARG times."
  (interactive "p")
  (dotimes (_ (or arg 1))
    (unless (switch-to-next-buffer) (user-error "No next buffer"))))

(defun bury-buffer (&optional buffer-or-name) "Put BUFFER-OR-NAME (the current buffer by default) last in the buffer list; with no argument also show another buffer in the selected window if it shows it."
  (interactive)
  (let ((b (window-normalize-buffer buffer-or-name)))
    (bury-buffer-internal b)
    (when (and (null buffer-or-name) (eq (window-buffer) b) (not (window-dedicated-p)))
      (switch-to-prev-buffer nil 'bury))
    nil))

(defun quit-window (&optional kill window) "Stop showing WINDOW's buffer: delete WINDOW when it was made to show it, else show what it showed before; bury the buffer, or kill it with KILL."
  (interactive "P")
  (let* ((w (window--live window)) (b (window-buffer w))
         (qr (window-parameter w 'quit-restore)))
    (cond ((and (eq (car-safe qr) 'window) (eq (nth 3 qr) b) (not (one-window-p)))
           (let ((back (nth 2 qr)))
             (delete-window w)
             (when (and (window-live-p back) (not (eq back (selected-window)))) (select-window back))))
          ((and (eq (car-safe qr) 'other) (eq (nth 3 qr) b) (buffer-live-p (car (nth 1 qr))))
           (set-window-parameter w 'quit-restore nil)
           (let ((e (nth 1 qr)))
             (window--put w 16 (window--keep (lambda (x) (not (eq (car x) b))) (window--slot w 16)))
             (window--put w 2 nil)
             (window--show w (car e))
             (set-marker (window--slot w 3) (nth 1 e) (car e))
             (set-window-point w (marker-position (nth 2 e)))
             (when (window--selected-p w) (set-buffer (car e)))))
          (t (set-window-parameter w 'quit-restore nil)
             (switch-to-prev-buffer w 'bury)))
    (if kill (kill-buffer b) (bury-buffer-internal b) nil)))

(defun other-window (count &optional all-frames _interactive) "Select the window COUNT places on in the cyclic order (back when COUNT is negative)."
  (interactive "p")
  (let ((w (selected-window)))
    (dotimes (_ (abs count))
      (setq w (if (> count 0) (next-window w nil all-frames) (previous-window w nil all-frames))))
    (select-window w)
    nil))

(defun count-windows (&optional minibuf all-frames) "Give the number of live windows on the selected frame; MINIBUF t counts the minibuffer window."
  (length (window-list-1 nil minibuf all-frames)))

(defun switch-to-buffer-other-window (buffer-or-name &optional norecord) "Show BUFFER-OR-NAME (made if need be) in another window, select it and give the buffer."
  (interactive "BSwitch to buffer in other window: ")
  (pop-to-buffer buffer-or-name t norecord))

(defun switch-to-buffer (buffer-or-name &optional norecord _force-same-window) "Show BUFFER-OR-NAME (made if need be) in the selected window, make it current and give it.
Unless NORECORD, the buffer moves to the front of the buffer list."
  (let ((buf (cond ((null buffer-or-name) (other-buffer))
                   ((get-buffer buffer-or-name))
                   (t (let ((b (get-buffer-create buffer-or-name)))
                        (set-buffer-major-mode b)
                        b)))))
    (if (or (window-minibuffer-p) (and (window-dedicated-p) (not (eq buf (window-buffer)))))
        (pop-to-buffer buf nil norecord)
      (window--show (selected-window) buf)
      (set-buffer buf)
      (unless norecord (tsmacs--record-buffer buf))
      buf)))

(defun pop-to-buffer-same-window (buffer &optional norecord) "Show BUFFER in the selected window, as `switch-to-buffer' does, and give it."
  (switch-to-buffer buffer norecord))

(defun window--action-fns (action) "The display functions named by ACTION's car."
  (let ((f (car-safe action)))
    (if (and f (or (symbolp f) (functionp f)) (not (consp f))) (list f) f)))

(defun display-buffer (buffer-or-name &optional action _frame) "Show BUFFER-OR-NAME in some window without selecting it, and give that window (nil if none could be had)."
  (let* ((b (if (bufferp buffer-or-name) buffer-or-name (get-buffer buffer-or-name)))
         (action (if (memq action '(t)) '(nil (inhibit-same-window . t)) action))
         (alist (append (cdr-safe display-buffer-overriding-action) (cdr-safe action) (cdr-safe display-buffer-base-action)))
         (fns (append (window--action-fns display-buffer-overriding-action)
                      (window--action-fns action)
                      (window--action-fns display-buffer-base-action)
                      '(display-buffer-reuse-window display-buffer-pop-up-window display-buffer-use-some-window)))
         win)
    (unless (and b (buffer-live-p b)) (error "Invalid buffer"))
    (while (and fns (not win))
      (setq win (funcall (car fns) b alist))
      (setq fns (cdr fns)))
    win))

(defun display-buffer-same-window (buffer alist) "Show BUFFER in the selected window unless ALIST forbids; give the window."
  (unless (or (cdr (assq 'inhibit-same-window alist)) (window-minibuffer-p) (window-dedicated-p))
    (window--show (selected-window) buffer)
    (selected-window)))
(defun display-buffer-reuse-window (buffer alist) "Give a window already showing BUFFER, when there is one ALIST allows."
  (let ((w (window--first (lambda (w) (and (eq (window-buffer w) buffer)
                                      (not (and (cdr (assq 'inhibit-same-window alist)) (eq w (selected-window))))))
                     (window-list-1 nil nil))))
    w))
(defun display-buffer-pop-up-window (buffer _alist) "Split a window to show BUFFER; give the new window, or nil."
  (when pop-up-windows
    (let ((w (funcall split-window-preferred-function (selected-window))))
      (when w
        (window--show w buffer)
        ;; How `quit-window' would undo this: the window was made for BUFFER.
        (set-window-parameter w 'quit-restore (list 'window 'window (selected-window) buffer))
        w))))
(defun display-buffer-use-some-window (buffer _alist) "Show BUFFER in the least recently used window other than the selected one; give it."
  (let ((w (or (get-lru-window nil nil t) (selected-window))))
    (unless (window-minibuffer-p w)
      (let ((old (window-buffer w)))
        (unless (eq old buffer)
          (set-window-parameter
           w 'quit-restore
           (list 'other (list old (window-start w) (with-current-buffer old (copy-marker (window-point w)))
                              (window-total-height w))
                 (selected-window) buffer))))
      (window--show w buffer)
      w)))
(defun display-buffer-no-window (_buffer alist) "Show no window when ALIST says `allow-no-window'."
  (and (cdr (assq 'allow-no-window alist)) 'fail))

(defun pop-to-buffer (buffer-or-name &optional action norecord) "Show BUFFER-OR-NAME (made if need be) in some window, select that window, make the buffer current and give it."
  (let* ((buf (if (null buffer-or-name) (other-buffer)
                (or (get-buffer buffer-or-name) (get-buffer-create buffer-or-name))))
         (w (display-buffer buf action)))
    (when (window-live-p w) (select-window w norecord))
    (set-buffer buf)
    buf))

(defun window-splittable-p (window &optional horizontal) "Non-nil when WINDOW could be split, side by side when HORIZONTAL."
  (let ((w (window--live window)))
    (and (not (window-minibuffer-p w))
         (if horizontal
             (and split-width-threshold (>= (window-total-width w) (max split-width-threshold (* 2 window-min-width))))
           (and split-height-threshold (>= (window-total-height w) (max split-height-threshold (* 2 window-min-height))))))))

(defun split-window-sensibly (&optional window) "Split WINDOW in the way `display-buffer' prefers; give the new window or nil."
  (let ((w (or window (selected-window))))
    (or (and (window-splittable-p w) (split-window w))
        (and (window-splittable-p w t) (split-window w nil t))
        (and (eq w (frame-root-window (window-frame w)))
             (not (window-minibuffer-p w))
             (>= (window-total-height w) (* 2 window-min-height))
             (split-window w)))))

;;; Splitting and deleting.

(defun window--link-instead (old new) "Put window NEW where OLD is in the tree."
  (let ((p (window--slot old 5)) (prev (window--slot old 7)) (next (window--slot old 6)) (f (window--slot old 1)))
    (window--put new 5 p) (window--put new 7 prev) (window--put new 6 next)
    (when prev (window--put prev 6 new))
    (when next (window--put next 7 new))
    (when (and p (eq (window--slot p 8) old)) (window--put p 8 new))
    (when (eq (frame--slot f 1) old) (frame--put f 1 new))))

(defun split-window (&optional window size side _pixelwise) "Split WINDOW in two and give the new window, below it or, for SIDE t or `right', to its right.
SIZE positive keeps that many lines (columns) for WINDOW; negative gives them to the new one."
  (let* ((w (window--valid window))
         (across (memq side '(t right left)))
         (before (memq side '(above left)))
         (slot (if across 12 13))
         (total (window--slot w slot))
         (new-size (cond ((null size) (/ total 2))
                         ((< size 0) (- size))
                         (t (- total size))))
         (old-size (- total new-size))
         (least (if across window-safe-min-width window-safe-min-height))
         (f (window--slot w 1)))
    (when (window--slot w 18) (error "Attempt to split minibuffer window"))
    (when (or (< new-size (if size least (if across window-min-width window-min-height)))
              (< old-size (if size least (if across window-min-width window-min-height))))
      (error "Window %s too small for splitting" w))
    (let ((p (window--slot w 5)))
      (unless (and p (eq (and (window--slot p 9) t) (and across t)))
        (setq p (tsmacs--make-window f))
        (window--link-instead w p)
        (dolist (i '(10 11 12 13 20 21)) (window--put p i (window--slot w i)))
        (window--put p 8 w)
        (window--put p 9 (and across t))
        (window--put w 5 p) (window--put w 6 nil) (window--put w 7 nil))
      (let ((n (tsmacs--make-window f)))
        (window--put n 5 p)
        (if before
            (let ((prev (window--slot w 7)))
              (window--put n 7 prev) (window--put n 6 w) (window--put w 7 n)
              (if prev (window--put prev 6 n) (window--put p 8 n)))
          (let ((next (window--slot w 6)))
            (window--put n 6 next) (window--put n 7 w) (window--put w 6 n)
            (when next (window--put next 7 n))))
        (window--put n (if across 13 12) (window--slot w (if across 13 12)))
        (window--put n slot new-size)
        (window--resize w slot old-size)
        (window--put w (if across 20 21) (/ (float old-size) (window--slot p slot)))
        (window--put n (if across 20 21) (/ (float new-size) (window--slot p slot)))
        (window--put n (if across 21 20) 1.0)
        (when (window--slot w 2)
          (let ((b (window--slot w 2)))
            (window--put n 2 b)
            (set-marker (window--slot n 3) (marker-position (window--slot w 3)) b)
            (set-marker (window--slot n 4) (window-point w) b)))
        (window--relayout f)
        n))))

(defun window--mark-deleted (w) "Mark W and every window under it deleted."
  (let ((c (window--slot w 8)))
    (while c (window--mark-deleted c) (setq c (window--slot c 6))))
  (window--put w 19 t))

(defun delete-window (&optional window) "Delete WINDOW, giving its space to a sibling; select another window when it was selected."
  (let* ((w (window--valid window)) (p (window--slot w 5)) (f (window--slot w 1)))
    (when (or (null p) (window--slot w 18))
      (error "Attempt to delete minibuffer or sole ordinary window"))
    (let* ((prev (window--slot w 7)) (next (window--slot w 6))
           (heir (or prev next)) (slot (if (window--slot p 9) 12 13))
           (was-selected (or (eq w (frame--slot f 3))
                             (memq (frame--slot f 3) (window--live-under w)))))
      (window--resize heir slot (+ (window--slot heir slot) (window--slot w slot)))
      (if prev (window--put prev 6 next) (window--put p 8 next))
      (when next (window--put next 7 prev))
      (window--mark-deleted w)
      (let ((only (window--slot p 8)))
        (unless (window--slot only 6)
          (dolist (i '(10 11 12 13 20 21)) (window--put only i (window--slot p i)))
          (window--link-instead p only)
          (window--put p 19 t)))
      (let ((ps (window--slot heir 5)))
        (when ps
          (let ((c (window--slot ps 8)) (sl (if (window--slot ps 9) 12 13)))
            (while c
              (window--put c (if (window--slot ps 9) 20 21) (/ (float (window--slot c sl)) (window--slot ps sl)))
              (setq c (window--slot c 6))))))
      (window--relayout f)
      (when was-selected
        (let ((mru nil))
          (dolist (x (window--cycle f nil))
            (when (or (null mru) (> (window--slot x 23) (window--slot mru 23))) (setq mru x)))
          (if (eq f (selected-frame)) (select-window mru) (frame--put f 3 mru))))
      nil)))

(defun delete-other-windows (&optional window _interactive) "Make WINDOW fill its frame, deleting every other ordinary window."
  (let* ((w (window--live window)) (f (window--slot w 1)) (root (frame--slot f 1)))
    (when (window--slot w 18) (error "Can't expand minibuffer to full frame"))
    (unless (eq w root)
      (let ((keep (window--slot w 5)))
        (window--put w 5 nil)
        (window--mark-deleted root)
        (ignore keep))
      (window--put w 19 nil)
      (window--put w 5 nil) (window--put w 6 (frame--slot f 2)) (window--put w 7 nil)
      (window--put (frame--slot f 2) 7 w)
      (dolist (i '(12 13)) (window--put w i (window--slot root i)))
      (window--put w 20 1.0) (window--put w 21 1.0)
      (frame--put f 1 w)
      (window--relayout f)
      (unless (window-live-p (frame--slot f 3))
        (if (eq f (selected-frame)) (select-window w) (frame--put f 3 w))))
    nil))

(defun delete-windows-on (&optional buffer-or-name _frame) "Delete every window showing BUFFER-OR-NAME, or show another buffer in it when it is the only one."
  (let ((b (window-normalize-buffer buffer-or-name)))
    (dolist (w (get-buffer-window-list b))
      (if (one-window-p) (window--show w (other-buffer b)) (delete-window w)))))

;;; Window configurations.

(defun window--snapshot (w) "A list of (WINDOW SLOTS START POINT) for window W and every window under it."
  (let ((r (list (list w (let ((v (make-vector 24 nil))) (dotimes (i 24) (aset v i (window--slot w i))) v)
                       (and (window--slot w 2) (marker-position (window--slot w 3)))
                       (and (window--slot w 2) (window-point w)))))
        (c (window--slot w 8)))
    (while c (setq r (nconc r (window--snapshot c))) (setq c (window--slot c 6)))
    r))

(defun current-window-configuration (&optional frame) "Give an object recording FRAME's windows, the buffers they show, their points and which is selected."
  (let ((f (window--frame frame)))
    (record 'window-configuration f (frame--slot f 1) (frame--slot f 3)
            (window--snapshot (frame--slot f 1)) (current-buffer))))

(defun window-configuration-p (object) "Give t when OBJECT is a window configuration."
  (and (eq (type-of object) 'window-configuration) t))

(defun window-configuration-frame (config) "Give the frame CONFIG was taken from." (aref config 1))


(defun set-window-configuration (configuration &optional _dont-set-frame _dont-set-miniwindow) "Put the windows of the frame back as CONFIGURATION recorded them; give t."
  (unless (window-configuration-p configuration)
    (signal 'wrong-type-argument (list 'window-configuration-p configuration)))
  (let ((f (aref configuration 1)) (sel (aref configuration 3)))
    (when (window-live-p (selected-window))
      (let ((old (selected-window)))
        (set-marker (window--slot old 4) (with-current-buffer (window--slot old 2) (point)) (window--slot old 2))))
    (window--mark-deleted (frame--slot f 1))
    (dolist (entry (aref configuration 4))
      (let ((w (nth 0 entry)) (v (nth 1 entry)))
        (dotimes (i 24) (unless (memq i '(0 3 4)) (window--put w i (aref v i))))
        (let ((b (aref v 2)))
          (when (and b (not (buffer-live-p b)))
            (setq b (other-buffer)) (window--put w 2 b))
          (when b
            (set-marker (window--slot w 3) (or (and (eq b (aref v 2)) (nth 2 entry)) 1) b)
            (set-marker (window--slot w 4) (or (and (eq b (aref v 2)) (nth 3 entry)) 1) b)))))
    (frame--put f 1 (aref configuration 2))
    ;; Batch GNU gives the restored tree the lines the frame has below its menu bar and
    ;; above its minibuffer line, taking the difference from the bottom windows.
    (window--set-lines (frame--slot f 1) (- (frame--slot f 7) 2))
    (window--relayout f)
    (when (eq f (selected-frame))
      (frame--put f 3 nil)
      (select-window sel t)
      (let ((b (aref configuration 5))) (when (buffer-live-p b) (set-buffer b))))
    t))

(defun window--keeping-configuration (thunk) "Call THUNK and give its value; however it exits, put the windows back as they were before."
  (let ((saved (current-window-configuration)))
    (unwind-protect (funcall thunk) (set-window-configuration saved))))

(defmacro save-window-excursion (&rest body) "Run BODY, then put the windows back as they were; give BODY's value."
  (declare (indent 0) (debug t))
  `(window--keeping-configuration (lambda () ,@body)))

;;; The terminal and resizing.

(defvar window-system nil "The window system of the selected frame: nil on a text terminal.")
(defvar initial-window-system nil "The window system of the first frame: nil in batch.")
(defun window-system (&optional frame) "Give the window system of FRAME: nil on a text terminal." (window--frame frame) nil)
(defun display-graphic-p (&optional _display) "Tell whether the display can show images and fonts: never on a text terminal." nil)
(defun frame-root-window-p (window) "Non-nil when WINDOW is the root window of its frame."
  (eq window (frame-root-window (window-frame window))))
(defun window-child-count (window) "Give the number of children of the internal window WINDOW, 0 for a live one."
  (let ((n 0) (c (window-child window)))
    (while c (setq n (1+ n) c (window--slot c 6)))
    n))
(defun window-deletable-p (&optional window) "Non-nil when WINDOW could be deleted: it is neither the minibuffer window nor its frame's only window."
  (let ((w (window--valid window)))
    (and (not (window-minibuffer-p w)) (not (frame-root-window-p w)) t)))
(defun minibuffer-selected-window () "Give the window selected before the minibuffer was entered: nil, as no minibuffer is active." nil)
(defun window-font-width (&optional _window _face) "Give the width of a character in a window: 1 on a text terminal." 1)
(defun window-font-height (&optional _window _face) "Give the height of a character in a window: 1 on a text terminal." 1)
(defun window-screen-lines () "Give the number of text lines of the selected window, as a float." (float (window-body-height)))

(defun window--grow (w n horizontal) "Give window W N more lines (columns when HORIZONTAL), taken from its next sibling, or its previous one when it is the last."
  (let* ((slot (if horizontal 12 13)) (p (window--slot w 5)) (z w))
    ;; Climb to the ancestor that lies in a combination of the right direction.
    (while (and p (not (eq (and (window--slot p 9) t) (and horizontal t))))
      (setq z p p (window--slot p 5)))
    (unless p (error "Cannot resize the root window of a frame"))
    (let* ((other (or (window--slot z 6) (window--slot z 7)))
           (least (if horizontal window-min-width window-min-height))
           (n (max (- (- (window--slot z slot) least)) (min n (- (window--slot other slot) least)))))
      (window--resize other slot (- (window--slot other slot) n))
      (window--resize z slot (+ (window--slot z slot) n))
      (window--relayout (window--slot w 1))
      n)))

(defun enlarge-window (delta &optional horizontal) "Make the selected window DELTA lines taller (columns wider with HORIZONTAL)."
  (interactive "p")
  (window--grow (selected-window) delta horizontal)
  t)
(defun shrink-window (delta &optional horizontal) "Make the selected window DELTA lines shorter (columns narrower with HORIZONTAL)."
  (interactive "p")
  (window--grow (selected-window) (- delta) horizontal)
  t)

(defun window--balance (w) "Share the size of internal window W evenly among its children, and theirs among their own."
  (let ((c (window--slot w 8)))
    (when c
      (let* ((slot (if (window--slot w 9) 12 13)) (n (window-child-count w))
             (each (/ (window--slot w slot) n)) (extra (% (window--slot w slot) n)))
        (while c
          (window--resize c slot (+ each (if (> extra 0) 1 0)))
          (setq extra (1- extra))
          (window--balance c)
          (setq c (window--slot c 6)))))))
(defun balance-windows (&optional window-or-frame) "Make the windows of WINDOW-OR-FRAME's frame share their combinations evenly."
  (interactive)
  (let ((f (window--frame-of window-or-frame)))
    (window--balance (frame--slot f 1))
    (window--relayout f)
    t))

(defun fit-window-to-buffer (&optional window _max-height min-height _max-width _min-width _preserve-size) "Make WINDOW as tall as its buffer's text needs (at least `window-min-height' lines)."
  (let* ((w (window--live window))
         (need (with-current-buffer (window-buffer w) (1+ (count-lines (point-min) (point-max)))))
         (want (max (or min-height window-min-height) need)))
    (unless (frame-root-window-p w)
      (ignore-errors (window--grow w (- want (window-total-height w)) nil)))
    nil))

(defun kill-buffer-and-window () "Delete the selected window after killing the buffer that is current."
  (interactive)
  (let ((w (selected-window)) (b (current-buffer)))
    (when (kill-buffer b)
      (when (window-live-p w) (delete-window w)))
    nil))

(defun display-buffer-below-selected (buffer _alist) "Show BUFFER in a window split off below the selected one; give that window, or nil."
  (let ((w (ignore-errors (split-window (selected-window)))))
    (when w
      (window--show w buffer)
      (set-window-parameter w 'quit-restore (list 'window 'window (selected-window) buffer))
      w)))
(defun display-buffer-at-bottom (buffer alist) "Show BUFFER in a window split off at the bottom of the frame; give that window, or nil."
  (let ((root (frame-root-window)))
    (if (window-live-p root)
        (display-buffer-below-selected buffer alist)
      (let ((w (ignore-errors (split-window root))))
        (when w
          (window--show w buffer)
          (set-window-parameter w 'quit-restore (list 'window 'window (selected-window) buffer))
          w)))))

(defun temp-buffer-window-setup (buffer-or-name) "Give the buffer BUFFER-OR-NAME (made if need be) emptied and unmodified, ready for output."
  (let ((b (get-buffer-create buffer-or-name)))
    (with-current-buffer b
      (let ((inhibit-read-only t) (inhibit-modification-hooks t))
        (kill-all-local-variables)
        (erase-buffer)
        (set-buffer-modified-p nil)))
    b))
(defun window--show-temp (buffer action quit-function value) "Show the filled temporary BUFFER by ACTION; give QUIT-FUNCTION's value on its window and VALUE, else VALUE."
  (with-current-buffer buffer (set-buffer-modified-p nil) (goto-char (point-min)))
  (let ((w (display-buffer buffer action)))
    (if (functionp quit-function) (funcall quit-function w value) value)))
(defmacro with-current-buffer-window (buffer-or-name action quit-function &rest body) "Run BODY in the emptied buffer BUFFER-OR-NAME, then show it by ACTION; give BODY's value (or QUIT-FUNCTION's on the window and it)."
  (declare (indent 3) (debug t))
  (let ((b (make-symbol "buffer")) (v (make-symbol "value")))
    `(let* ((,b (temp-buffer-window-setup ,buffer-or-name))
            (,v (with-current-buffer ,b ,@body)))
       (window--show-temp ,b ,action ,quit-function ,v))))
(defmacro with-temp-buffer-window (buffer-or-name action quit-function &rest body) "Run BODY with `standard-output' going to the emptied buffer BUFFER-OR-NAME, then show it by ACTION; give BODY's value (or QUIT-FUNCTION's on the window and it)."
  (declare (indent 3) (debug t))
  (let ((b (make-symbol "buffer")) (v (make-symbol "value")))
    `(let* ((,b (temp-buffer-window-setup ,buffer-or-name))
            (,v (let ((standard-output ,b)) ,@body)))
       (window--show-temp ,b ,action ,quit-function ,v))))

(provide 'window)

;;; window.el ends here
