;;; button.el --- clickable buttons in buffer text: overlay buttons and text-property buttons  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded.  A button is either an overlay whose `button' property is
;; the overlay itself, or a stretch of text whose `button' property is a
;; fresh list (t) (a "text button", handed around as a marker).  Button
;; types are symbols whose properties live on a "category symbol"; both
;; kinds of button point at it through their `category' property, so
;; `get-text-property' and `overlay-get' see the type's defaults.

(defvar button-map (let ((map (make-sparse-keymap)))
    (define-key map "\r" #'push-button)
    (define-key map [mouse-2] #'push-button) (define-key map [follow-link] 'mouse-face)
    (define-key map [mode-line mouse-2] #'push-button)
    (define-key map [header-line mouse-2] #'push-button)
    map)
  "Keymap active on buttons.")

(defvar button-buffer-map (let ((map (make-sparse-keymap)))
    (define-key map [?\t] #'forward-button)
    (define-key map "\e\t" #'backward-button)
    (define-key map [backtab] #'backward-button)
    map)
  "Keymap for whole buffers full of buttons (`button-mode').")

;; The root type: its category symbol is `default-button'.
(put 'button 'button-category-symbol 'default-button) (let ((props (list 'type 'button 'action #'ignore 'mouse-face 'highlight 'face 'button
                   'keymap button-map 'evaporate t 'rear-nonsticky t
                   'help-echo "mouse-2, RET: Push this button"))) (while props
    (put 'default-button (car props) (cadr props))
    (setq props (cddr props))))

;;; Types.

(defun button-category-symbol (type)
  "The symbol holding the properties of the button TYPE." (or (get type 'button-category-symbol) (error "Unknown button type `%s'" type)))

(defun define-button-type (name &rest properties) "Define NAME as a button type whose buttons get PROPERTIES by default.
The `:supertype' (or `supertype') property names the type whose
properties are copied first, `button' by default.  Return NAME."
  (let* ((parent (or (plist-get properties 'supertype) (plist-get properties :supertype) 'button))
         (parent-cat (button-category-symbol parent))
         (cat (make-symbol (concat (symbol-name name) "-button")))
         (inherited (symbol-plist parent-cat)))
    (put name 'button-category-symbol cat)
    (while inherited
      (put cat (car inherited) (cadr inherited))
      (setq inherited (cddr inherited)))
    (put cat 'type name) (while properties
      (put cat (if (eq (car properties) :supertype) 'supertype (car properties))
           (cadr properties))
      (setq properties (cddr properties)))
    (unless (get cat 'supertype) (put cat 'supertype 'button))
    name))

(defun button-type-put (type prop val) "Give the button TYPE the property PROP with value VAL." (put (button-category-symbol type) prop val))

(defun button-type-get (type prop) "The property PROP of the button TYPE." (get (button-category-symbol type) prop))

(defun button-type-subtype-p (type supertype) "Non-nil when the button TYPE is SUPERTYPE or derives from it."
  (let ((found nil)) (while (and type (not found))
      (if (eq type supertype) (setq found t)
        (setq type (button-type-get type 'supertype))))
    found))

;;; Buttons' properties.

(defun button--text-bounds (pos)
  "Start and end of the text button covering POS, as a cons."
  (let ((start (or (previous-single-property-change (1+ pos) 'button) (point-min)))
        (end (or (next-single-property-change pos 'button) (point-max)))) (cons start end)))

(defun button-start (button) "Where BUTTON starts."
  (if (overlayp button) (overlay-start button)
    (with-current-buffer (marker-buffer button)
      (car (button--text-bounds (marker-position button))))))

(defun button-end (button) "Where BUTTON ends."
  (if (overlayp button) (overlay-end button)
    (with-current-buffer (marker-buffer button)
      (cdr (button--text-bounds (marker-position button))))))

(defun button-get (button prop) "The property PROP of BUTTON, or of its type."
  (if (overlayp button) (overlay-get button prop)
    (get-text-property button prop)))

(defun button-put (button prop val) "Give BUTTON the property PROP with value VAL.
Setting `type' changes the button's type; `category' may not be set." (cond ((memq prop '(type :type))
         (setq prop 'category val (button-category-symbol val))) ((eq prop 'category)
         (error "Button `category' property may not be set directly"))) (if (overlayp button)
      (overlay-put button prop val)
    (with-current-buffer (marker-buffer button)
      (let ((bounds (button--text-bounds (marker-position button))))
        (put-text-property (car bounds) (cdr bounds) prop val)))))

(defun button-label (button) "The text of BUTTON, without properties."
  (with-current-buffer (if (overlayp button) (overlay-buffer button) (marker-buffer button))
    (buffer-substring-no-properties (button-start button) (button-end button))))

(defun button-type (button)
  "The type of BUTTON." (button-get button 'type))

(defun button-has-type-p (button type) "Non-nil when BUTTON is of the type TYPE or of a type derived from it." (button-type-subtype-p (button-get button 'type) type))

;;; Making buttons.

(defun button--split-category (properties)
  "PROPERTIES with `type' (or `:type') turned into `category'; an error for `category'."
  (when (plist-member properties 'category) (error "Button `category' property may not be set directly"))
  (let ((out nil) (typed nil)) (while properties
      (let ((prop (car properties)) (val (cadr properties)))
        (if (memq prop '(type :type))
            (setq out (cons (button-category-symbol val) (cons 'category out)) typed t)
          (setq out (cons val (cons prop out)))))
      (setq properties (cddr properties))) (setq out (nreverse out))
    (if typed out (cons 'category (cons 'default-button out)))))

(defun make-button (beg end &rest properties) "Make an overlay button from BEG to END with PROPERTIES; return the overlay.
`type' gives the button's type, `button' by default."
  (let ((button (make-overlay beg end nil t nil))) (while properties
      (button-put button (car properties) (cadr properties))
      (setq properties (cddr properties)))
    (overlay-put button 'button button)
    (unless (overlay-get button 'category)
      (overlay-put button 'category 'default-button))
    button))

(defun insert-button (label &rest properties) "Insert LABEL as an overlay button with PROPERTIES at point; return the button."
  (let ((start (point))) (insert label)
    (apply #'make-button start (point) properties)))

(defun make-text-button (beg end &rest properties) "Make a text-property button from BEG to END with PROPERTIES; return BEG.
BEG may be a string instead: a copy of it becomes the button and is returned."
  (let ((string nil)) (when (stringp beg)
      (setq string (copy-sequence beg) beg 0 end (length string)))
    (add-text-properties beg end (cons 'button (cons (list t) (button--split-category properties)))
                         string)
    (or string beg)))

(defun insert-text-button (label &rest properties) "Insert LABEL as a text-property button with PROPERTIES at point; return its start."
  (let ((start (point))) (insert label)
    (apply #'make-text-button start (point) properties)))

(defun button-buttonize (string callback &optional data) "A copy of STRING made a button that calls CALLBACK with DATA when pushed."
  (propertize string 'face 'button 'button t 'follow-link t 'category t
              'button-data data 'keymap button-map 'action callback))

;;; Finding and pushing buttons.

(defun button-at (pos) "The button at POS, or nil: an overlay, or a marker at POS for a text button."
  (let ((found (get-char-property pos 'button)))
    (cond ((or (null found) (overlayp found)) found)
          (t (copy-marker pos t)))))

(defun next-button (pos &optional count-current) "The next button after POS, or the one at POS when COUNT-CURRENT."
  (let ((found nil) (done nil)) (unless count-current
      (setq pos (next-single-char-property-change pos 'button))) (while (not done)
      (cond ((>= pos (point-max)) (setq done t))
            ((setq found (button-at pos)) (setq done t))
            (t (setq pos (next-single-char-property-change pos 'button)))))
    found))

(defun previous-button (pos &optional count-current) "The button before POS, or the one at POS when COUNT-CURRENT."
  (let ((here (button-at pos)) (found nil))
    (if (and here count-current)
        here
      (when here (setq pos (button-start here)))
      (while (and (not found) (> pos (point-min))) (setq pos (previous-single-char-property-change pos 'button))
        (setq found (button-at pos)))
      found)))

(defun forward-button (n &optional wrap display-message no-error) "Move to the Nth next button (backward when N is negative) and return it.
WRAP: go round the buffer's ends.  Buttons with a non-nil `skip' property
are passed over.  Without more buttons: a `user-error', or nil when NO-ERROR.
DISPLAY-MESSAGE: show the button's help text." (interactive "p\nd\nd")
  (let ((button nil)) (if (zerop n)
        (setq button (button-at (point))) (let ((forward (> n 0)))
        (setq n (abs n)) (while (> n 0)
          (setq button (if forward (next-button (point)) (previous-button (point))))
          (when (and (null button) wrap)
            (setq button (if forward (next-button (point-min) t)
                           (previous-button (point-max) t)))) (if (null button)
              (setq n 0) (goto-char (button-start button))
            (unless (button-get button 'skip) (setq n (1- n)))))))
    (cond (button
           (when display-message
             (let ((help (button-get button 'help-echo)))
               (when (stringp help) (message "%s" help))))
           button) (no-error nil)
          (t (user-error "No more buttons")))))

(defun backward-button (n &optional wrap display-message no-error) "Move to the Nth previous button; arguments as for `forward-button'."
  (interactive "p\nd\nd") (forward-button (- n) wrap display-message no-error))

(defun button-activate (button &optional use-mouse-action) "Run BUTTON's action: its `mouse-action' when USE-MOUSE-ACTION and it has one.
The action gets the button's `button-data' when that is non-nil, else the button.
A marker as the action means: go there." (let ((action (or (and use-mouse-action (button-get button 'mouse-action))
                    (button-get button 'action))) (data (button-get button 'button-data)))
    (cond ((markerp action)
           (switch-to-buffer (marker-buffer action)) (goto-char action)
           nil)
          (data (funcall action data))
          (t (funcall action button)))))

(defun push-button (&optional pos use-mouse-action) "Activate the button at POS (default point); return t, or nil when there is none."
  (interactive (list (point))) (let ((button (button-at (or pos (point)))))
    (when button (button-activate button use-mouse-action)
      t)))

(define-minor-mode button-mode "Minor mode where TAB and S-TAB move between the buffer's buttons."
  :lighter "" :keymap button-buffer-map)

(provide 'button)

;; End of button.el.
