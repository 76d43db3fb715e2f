;;; buttons.el --- Clickable buttons in buffers: overlays or text properties  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (recorded in
;; test/corpus/lib-buttons.el) and the Emacs Lisp manual's "Buttons" node.
;;
;; Autoloaded.  `button-map', `button-buffer-map' and the base type
;; `button' (category symbol `default-button') exist from start-up, set
;; in autoloads.el as GNU's preloaded button.el has them.
;;
;; A button is either an overlay whose `button' property is itself, or a
;; run of text whose `button' property is a fresh list (t), so that two
;; adjacent text buttons stay apart.  Either way the `category' property
;; names a type's category symbol, whose property list holds the type's
;; defaults; a position only counts as a button when it has a category.

;;; Types.

(defun button-category-symbol (type) "Return the symbol whose properties are the defaults of button TYPE.
Signal an error when TYPE was never defined."
  (let ((holder (get type 'button-category-symbol)))
    (unless holder (error "Unknown button type `%s'" type))
    holder))

(defun define-button-type (name &rest properties) "Define the button type NAME with the defaults PROPERTIES (a property list).
The type starts from a copy of its parent's defaults, the parent being
given by `:supertype' or `supertype' (default `button'); later changes to the parent
are not seen.  Redefining a type starts afresh.  Return NAME."
  (let* ((parent (or (plist-get properties :supertype)
                     (plist-get properties 'supertype)
                     'button))
         (inherited (copy-sequence (symbol-plist (button-category-symbol parent))))
         (holder (make-symbol (format "%s-button" name))))
    (setplist holder inherited)
    (put holder 'type name)
    (put holder 'supertype parent)
    (let ((rest properties))
      (while rest
        (unless (eq (car rest) :supertype)
          (put holder (car rest) (cadr rest)))
        (setq rest (cddr rest))))
    (put name 'button-category-symbol holder)
    name))

(defun button-type-get (type prop) "Return the default value of PROP for buttons of TYPE."
  (let ((holder (button-category-symbol type)))
    (get holder prop)))

(defun button-type-put (type prop val) "Make VAL the default value of PROP for buttons of TYPE; return VAL."
  (let ((holder (button-category-symbol type)))
    (put holder prop val)))

(defun button-type-subtype-p (type supertype) "Return non-nil when button TYPE is SUPERTYPE or descends from it."
  ;; Up the chain of supertypes until SUPERTYPE or the top.
  (catch 'button--found
    (while type
      (when (eq type supertype) (throw 'button--found t))
      (setq type (button-type-get type 'supertype)))
    (null supertype)))

;;; Making buttons.

(defun button--no-category (properties) "Signal an error when the property list PROPERTIES sets `category'."
  (when (plist-member properties 'category)
    (error "Button `category' property may not be set directly")))

(defun make-button (beg end &rest properties) "Make an overlay button from BEG to END with PROPERTIES, and return it.
A `type' (or `:type') property gives the button's type; its defaults
apply to properties the button does not set itself."
  (button--no-category properties)
  (let ((button (make-overlay beg end nil t nil))
        (typed nil))
    (while properties
      (let ((key (car properties)) (value (cadr properties)))
        (if (memq key '(type :type))
            (progn (setq typed t)
                   (overlay-put button 'category (button-category-symbol value)))
          (overlay-put button key value)))
      (setq properties (cddr properties)))
    (overlay-put button 'button button)
    (unless typed (overlay-put button 'category 'default-button))
    button))

(defun insert-button (label &rest properties) "Insert LABEL and make it an overlay button with PROPERTIES; return the button."
  (let ((from (point)))
    (insert label)
    (apply #'make-button from (point) properties)))

(defun button--text-plist (properties) "PROPERTIES as put on a text button: the type turned into its category."
  (let ((copy (copy-sequence properties)) (cell nil))
    (setq cell (or (plist-member copy 'type) (plist-member copy :type)))
    (if cell
        (progn (setcar cell 'category)
               (setcar (cdr cell) (button-category-symbol (cadr cell))))
      (setq copy (cons 'category (cons 'default-button copy))))
    (cons 'button (cons (list t) copy))))

(defun make-text-button (beg end &rest properties) "Make the text from BEG to END a button with PROPERTIES, and return BEG.
BEG may be a string instead: a copy of it made a button as a whole is
returned.
See `make-button' for the `type' property."
  (button--no-category properties)
  (let ((plist (button--text-plist properties)))
    (if (stringp beg)
        ;; A string is copied: the caller's stays as it was.
        (let ((copy (copy-sequence beg)))
          (add-text-properties 0 (length copy) plist copy)
          copy)
      (add-text-properties beg end plist)
      beg)))

(defun insert-text-button (label &rest properties) "Insert LABEL as a text button with PROPERTIES; return where it starts."
  (prog1 (point)
    (insert (apply #'make-text-button label nil properties))))

(defun button-buttonize (string callback &optional data) "Return a copy of STRING that is a button calling CALLBACK with DATA when pushed."
  (let ((copy (copy-sequence string))
        ;; GNU 28 gives these strings a `category' of t, not a type.
        (plist (list 'action callback 'keymap button-map 'button-data data
                     'category t 'follow-link t 'button t 'face 'button)))
    (add-text-properties 0 (length copy) plist copy)
    copy))

;;; Looking at buttons.

(defun button-at (pos) "Return the button at POS in the current buffer, or nil.
An overlay button is returned as itself, a text button as a marker at
POS."
  (let ((found (get-char-property pos 'button)))
    (when (and found (get-char-property pos 'category))
      (if (overlayp found) found (copy-marker pos t)))))

(defun button--area-button-p (b) "Non-nil when B is a button in a mode line or header line string: (STRING . POSITION)."
  (stringp (car-safe b)))

(defun button--area-button-string (b) "The string of the mode line or header line button B, (STRING . POSITION)."
  (car b))

(defun button--span (button) "BUTTON's extent as (START . END).
A text button is the run of the same `button' value around its position."
  (if (overlayp button)
      (cons (overlay-start button) (overlay-end button))
    (let ((here (marker-position (if (markerp button) button (copy-marker button)))))
      (cons (or (previous-single-property-change (1+ here) 'button) (point-min))
            (or (next-single-property-change here 'button) (point-max))))))

(defun button-start (button) "Return where BUTTON starts."
  (car (button--span button)))

(defun button-end (button) "Return where BUTTON ends."
  (cdr (button--span button)))

(defun button-get (button prop) "Return BUTTON's value of PROP, its type's default if it has none of its own."
  (funcall (if (overlayp button) #'overlay-get #'get-text-property) button prop))

(defun button-put (button prop val) "Set BUTTON's property PROP to VAL.  PROP `type' changes the button's type."
  (when (eq prop 'category)
    (error "Button `category' property may not be set directly"))
  (when (eq prop 'type)
    (setq prop 'category val (button-category-symbol val)))
  (if (overlayp button)
      (overlay-put button prop val)
    (let ((span (button--span button)))
      (put-text-property (car span) (cdr span) prop val))))

(defun button-label (button) "Return the text of BUTTON, without properties."
  (let ((span (button--span button)))
    (buffer-substring-no-properties (car span) (cdr span))))

(defun button-type (button) "Return the type of BUTTON."
  (button-get button 'type))

(defun button-has-type-p (button type) "Return non-nil when BUTTON's type is TYPE or descends from it."
  (let ((own (button-get button 'type)))
    (button-type-subtype-p own type)))

(defun button--help-echo (button) "The help text of BUTTON: its `help-echo' called (if a function) or evaluated.
Key references are substituted, as `substitute-command-keys' does."
  (let* ((help (button-get button 'help-echo))
         (object (if (overlayp button) button (current-buffer)))
         (window (and (fboundp 'selected-window) (selected-window)))
         (text (if (functionp help)
                   (funcall help window object (car (button--span button)))
                 ;; A form is evaluated under the buffer's own `lexical-binding'.
                 (eval help lexical-binding))))
    ;; Key references in it are put in terms of the current bindings.
    (and text (substitute-command-keys text))))

;;; Moving between buttons.

(defun next-button (pos &optional count-current) "Return the first button after POS, or nil.
With COUNT-CURRENT, a button at POS itself counts."
  (let ((here (button-at pos)))
    (if (and here count-current)
        here
      (let ((cursor (if here (button-end here) pos)) (found nil))
        (while (and (not found) (< cursor (point-max)))
          (or (setq found (button-at cursor))
              (setq cursor (next-single-char-property-change cursor 'button))))
        found))))

(defun previous-button (pos &optional count-current) "Return the last button before POS, or nil.
With COUNT-CURRENT, a button at POS itself counts."
  (let ((here (button-at pos)))
    (if (and here count-current)
        here
      (let ((cursor (if here (button-start here) pos)) (found nil))
        (while (and (not found) (> cursor (point-min)))
          (or (setq found (button-at (1- cursor)))
              (setq cursor (previous-single-char-property-change cursor 'button))))
        found))))

(defun button--step (forward wrap) "The next button (FORWARD) or previous one from point; with WRAP, go round the buffer."
  (or (if forward (next-button (point)) (previous-button (point)))
      (and wrap (if forward
                    (next-button (point-min) t)
                  (previous-button (point-max) t)))))

(defun forward-button (n &optional wrap display-message no-error) "Move to the start of the Nth next button (backward when N is negative); return it.
Buttons with a non-nil `skip' property are passed over.  WRAP goes on
from the other end of the buffer.  DISPLAY-MESSAGE shows the button's
help text.  When there is no such button, signal a `user-error', or
return nil if NO-ERROR."
  (interactive "p")
  (let ((forward (> n 0)) (left (abs n)) (hit nil) (stuck nil))
    (if (= n 0)
        ;; Zero means the button point is in, from its start.
        (if (setq hit (button-at (point)))
            (goto-char (button-start hit))
          (setq stuck t))
      (while (and (> left 0) (not stuck))
        (let ((start-pos (point)) (tries 0))
          (setq hit (button--step forward wrap))
          ;; Skipped buttons are passed over, unless going round meets
          ;; nothing else.
          (while (and hit (button-get hit 'skip)
                      (progn (goto-char (button-start hit))
                             (setq tries (1+ tries))
                             (<= tries 2)))
            (setq hit (button--step forward wrap)))
          (if (null hit)
              (progn (goto-char start-pos) (setq stuck t))
            (goto-char (button-start hit))
            (setq left (1- left))))))
    (cond ((and stuck no-error) nil)
          (stuck (user-error (if (and wrap (null (next-button (point-min) t)))
                                  "No buttons!"
                                "No more buttons")))
          (t
           (when (and hit display-message)
             (let ((help (button--help-echo hit)))
               (when help (message "%s" help))))
           hit))))

(defun backward-button (n &optional wrap display-message no-error) "Move to the start of the Nth previous button; see `forward-button'."
  (interactive "p")
  (forward-button (* -1 n) wrap display-message no-error))

;;; Pushing buttons.

(defun button-activate (button &optional use-mouse-action) "Call BUTTON's action and return its value.
The action gets the button's `button-data', or else BUTTON itself.  With
USE-MOUSE-ACTION, a `mouse-action' property is preferred."
  (let* ((mouse (and use-mouse-action (button-get button 'mouse-action)))
         (handler (or mouse (button-get button 'action)))
         (argument (or (button-get button 'button-data) button)))
    (funcall handler argument)))

(defun push-button (&optional pos use-mouse-action) "Activate the button at POS (default point); return t, or nil when there is none."
  (interactive)
  (let ((found (button-at (or pos (point)))))
    (and found
         (progn (button-activate found use-mouse-action) t))))

(define-minor-mode button-mode "Minor mode in which TAB and S-TAB move between buttons."
  :keymap button-buffer-map)

(provide 'buttons)

;;; buttons.el ends here
