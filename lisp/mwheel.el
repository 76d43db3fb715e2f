;;; mwheel.el --- the mouse wheel: its key bindings and what a turn of it does  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Mouse Wheel mode binds the wheel's events (mouse-4 and mouse-5 up and down, mouse-6 and
;; mouse-7 sideways), alone and with the modifiers `mouse-wheel-scroll-amount' names, in the
;; global map, and remembers what it bound so that turning the mode off removes exactly that.
;; GNU's start-up turns the mode on; here the bindings are made when this file is loaded.

;;; Code:

(defgroup mouse nil "Input from the mouse." :group 'environment :group 'editing)

(defun mouse-wheel-change-button (var button) "Set VAR, one of the wheel's event options, to BUTTON and redo the bindings."
  (set-default var button)
  (when (and (boundp 'mouse-wheel-mode) mouse-wheel-mode
             (fboundp 'mouse-wheel--setup-bindings))
    (mouse-wheel--remove-bindings)
    (mouse-wheel--setup-bindings)))

(defmacro mwheel--option (name value doc type &rest more) "Define the Mouse option NAME (initially VALUE, documented by DOC) of custom TYPE, with MORE keywords."
  (declare (indent 2) (doc-string 3))
  `(defcustom ,name ,value ,doc ,@more :type ,type :group 'mouse))

(mwheel--option mouse-wheel-down-event 'mouse-4 "The event the wheel sends when turned down (towards the top of the text)."
  'symbol :set #'mouse-wheel-change-button)
(mwheel--option mouse-wheel-up-event 'mouse-5 "The event the wheel sends when turned up (towards the end of the text)."
  'symbol :set #'mouse-wheel-change-button)
(mwheel--option mouse-wheel-click-event 'mouse-2 "The event a click of the wheel sends; ignored just after a turn."
  'symbol :set #'mouse-wheel-change-button)
(mwheel--option mouse-wheel-inhibit-click-time 0.35 "Seconds after a turn of the wheel during which its clicks are ignored."
  'number)
(mwheel--option mouse-wheel-scroll-amount '(1 ((shift) . hscroll) ((meta)) ((control) . text-scale))
    "How far one turn scrolls: lines (a number), a fraction of the window (a float), a screen (nil),
for the event alone (the first element) and with modifiers ((MODIFIERS) . AMOUNT); AMOUNT may be
`hscroll' (scroll sideways) or `text-scale' (change the text's size)."
  'sexp :set #'mouse-wheel-change-button)
(mwheel--option mouse-wheel-progressive-speed t "Non-nil means turning faster scrolls further." 'boolean)
(mwheel--option mouse-wheel-follow-mouse t "Non-nil means scroll the window under the mouse, not the selected one." 'boolean)
(mwheel--option mouse-wheel-scroll-amount-horizontal 1 "Columns a sideways turn scrolls." 'number)
(mwheel--option mouse-wheel-flip-direction nil "Non-nil means sideways scrolling goes the other way." 'boolean)
(mwheel--option mouse-wheel-tilt-scroll nil "Non-nil means tilting the wheel scrolls sideways." 'boolean)

(defvar mouse-wheel-right-event 'mouse-7 "The event of a wheel tilted right.")
(defvar mwheel-scroll-left-function 'scroll-left "How to scroll sideways, to the left.")
(defvar mwheel-installed-bindings nil "Obsolete: the old record of installed bindings.")
(defvar mwheel-scroll-down-function 'scroll-down "How to scroll towards the start of the text.")
(defvar mouse-wheel-left-event 'mouse-6 "The event of a wheel tilted left.")
(defvar mwheel-inhibit-click-event-timer nil "The timer that ends the time clicks are ignored.")
(defvar mwheel-scroll-up-function 'scroll-up "How to scroll towards the end of the text.")
(defvar mwheel-installed-text-scale-bindings nil "Obsolete: the old record of the text size bindings.")
(defvar mwheel-scroll-right-function 'scroll-right "How to scroll sideways, to the right.")

(defvar mouse-wheel--installed-bindings-alist nil
  "What Mouse Wheel mode bound in the global map, latest first, as (KEY . COMMAND).")

(defun mwheel-event-button (event) "The wheel event EVENT's basic type, up and down exchanged when sideways flips."
  (event-basic-type event))

(defun mwheel-event-window (event) "The window EVENT happened in."
  (posn-window (event-start event)))

(defun mouse-wheel--get-scroll-window (event) "The window a turn EVENT scrolls: the one under the mouse when `mouse-wheel-follow-mouse'."
  (let ((under (and mouse-wheel-follow-mouse (mwheel-event-window event))))
    (if (windowp under) under (selected-window))))

(defun mwheel-inhibit-click-timeout () "End the time the wheel's clicks are ignored."
  (remove-hook 'pre-command-hook #'mwheel-filter-click-events)
  (when (timerp mwheel-inhibit-click-event-timer) (cancel-timer mwheel-inhibit-click-event-timer))
  (setq mwheel-inhibit-click-event-timer nil))

(defun mwheel-filter-click-events () "Drop a wheel click that comes just after a turn."
  (if (eq mouse-wheel-click-event (event-basic-type last-input-event))
      (setq this-command #'ignore)))

(defun mwheel--amount (event) "How far EVENT scrolls, per `mouse-wheel-scroll-amount' and its modifiers."
  (let* ((mods (seq-difference (event-modifiers event) '(click double triple down)))
         (amount (if (null mods) (car mouse-wheel-scroll-amount)
                   (cdr (assoc mods (cdr mouse-wheel-scroll-amount))))))
    (cond ((not (integerp amount)) amount)
          (mouse-wheel-progressive-speed (* (event-click-count event) amount))
          (t amount))))

(defun mwheel-scroll (event &optional arg) "Scroll the window EVENT is on (see `mouse-wheel-follow-mouse') as far as `mouse-wheel-scroll-amount' says.
ARG, a prefix argument, overrides the distance."
  (interactive (list last-input-event current-prefix-arg))
  (let* ((window (mouse-wheel--get-scroll-window event))
         (amount (if arg (prefix-numeric-value arg) (mwheel--amount event)))
         (button (mwheel-event-button event))
         (sideways (or (eq amount 'hscroll) (memq button (list mouse-wheel-left-event mouse-wheel-right-event))))
         (lines (if (floatp amount) (truncate (* amount (window-height window)))
                  (if (integerp amount) amount nil))))
    (with-selected-window window
      (cond (sideways
             (let ((left (eq (eq button (if (eq amount 'hscroll) mouse-wheel-down-event mouse-wheel-left-event))
                             (not mouse-wheel-flip-direction))))
               (funcall (if left mwheel-scroll-right-function mwheel-scroll-left-function)
                        mouse-wheel-scroll-amount-horizontal)))
            ((eq button mouse-wheel-down-event) (funcall mwheel-scroll-down-function lines))
            ((eq button mouse-wheel-up-event) (funcall mwheel-scroll-up-function lines))
            (t (error "Bad binding in mwheel-scroll"))))
    (mwheel--hold-clicks)))

(defun mwheel--hold-clicks () "Ignore the wheel's clicks for `mouse-wheel-inhibit-click-time' from now."
  (and mouse-wheel-click-event mouse-wheel-inhibit-click-time
       (let ((old mwheel-inhibit-click-event-timer))
         (if (timerp old) (cancel-timer old))
         (add-hook 'pre-command-hook #'mwheel-filter-click-events)
         (setq mwheel-inhibit-click-event-timer
               (run-with-timer mouse-wheel-inhibit-click-time nil #'mwheel-inhibit-click-timeout)))))

(defun mouse-wheel-text-scale (event) "Make the text larger (wheel turned down) or smaller (up), as EVENT says."
  (interactive (list last-input-event))
  (let ((button (mwheel-event-button event)))
    (with-selected-window (mouse-wheel--get-scroll-window event)
      (pcase (list (eq button mouse-wheel-down-event) (eq button mouse-wheel-up-event))
        ('(t nil) (text-scale-increase 1))
        ('(nil t) (text-scale-decrease 1))))))

(defun mouse-wheel--create-scroll-keys (binding event) "The keys to bind for EVENT under BINDING, an element of `mouse-wheel-scroll-amount'.
A binding with modifiers gives the one key of EVENT with them; any other gives EVENT alone and
in each area outside the text (margins, fringes, scroll bars, mode and header lines)."
  (pcase binding
    (`(,mods . ,_) (list (vector `(,@mods ,event))))
    (_ (mapcar (lambda (area) (if area (vector area event) (vector event)))
               '(nil left-margin right-margin left-fringe right-fringe
                     vertical-scroll-bar horizontal-scroll-bar mode-line header-line)))))

(defun mouse-wheel--add-binding (key fun) "Bind KEY to FUN in the global map and remember it."
  (setq mouse-wheel--installed-bindings-alist
        (cons (cons key fun) mouse-wheel--installed-bindings-alist))
  (global-set-key key fun))

(defun mouse-wheel--remove-bindings () "Undo the bindings Mouse Wheel mode made that are still its own."
  (let ((map (current-global-map)))
    (dolist (made mouse-wheel--installed-bindings-alist)
      (if (eq (cdr made) (lookup-key map (car made)))
          (define-key map (car made) nil))))
  (setq mouse-wheel--installed-bindings-alist ()))

(defun mouse-wheel--setup-bindings () "Bind the wheel's events as `mouse-wheel-scroll-amount' says (adding to what is bound)."
  (let ((turns (list mouse-wheel-down-event mouse-wheel-up-event))
        (tilts (list mouse-wheel-left-event mouse-wheel-right-event)))
    (pcase-dolist ((and binding `(,mods . ,how)) (mapcar (lambda (b) (if (consp b) b (cons nil b)))
                                                         mouse-wheel-scroll-amount))
      (if (eq how 'text-scale)
          (dolist (turn turns)
            (mouse-wheel--add-binding (vector (append mods (list turn))) 'mouse-wheel-text-scale))
        (dolist (event (append turns tilts))
          (mapc (lambda (key) (mouse-wheel--add-binding key 'mwheel-scroll))
                (mouse-wheel--create-scroll-keys (if mods binding how) event)))))))

(define-minor-mode mouse-wheel-mode "Toggle mouse wheel support (Mouse Wheel mode): the wheel scrolls the window under it."
  :init-value t :global t :group 'mouse
  (mouse-wheel--remove-bindings)
  (when mouse-wheel-mode (mouse-wheel--setup-bindings)))

(defun mwheel-install (&optional uninstall) "Turn Mouse Wheel mode on, or off with UNINSTALL."
  (mouse-wheel-mode (if uninstall -1 1)))
(make-obsolete 'mwheel-install 'mouse-wheel-mode "27.1")

(when mouse-wheel-mode (mouse-wheel--setup-bindings))

(provide 'mwheel)

;;; mwheel.el ends here
