;;; wid-edit.el --- Widgets: buttons, fields and structured values in a buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from the Widget manual and GNU Emacs 28.2's observed
;; behaviour (recorded in test/corpus/lib-wid-edit.el).
;;
;; A widget is a list (TYPE . PLIST).  Properties missing from PLIST are
;; looked up in the definition of TYPE, which `define-widget' keeps under
;; the symbol's `widget-type' property as (PARENT . PLIST), and so on up the
;; chain; `widget-get', `widget-put' and `widget-apply' are primitives.
;;
;; In the buffer a widget spans the markers :from and :to.  Its :format
;; string is inserted with the escapes expanded: %[ %] delimit the button
;; (an overlay whose `button' property is the widget), %{ %} the sample,
;; %v creates the value (children for composite types), %t is the tag, %d
;; the doc, %n a newline that keeps the indentation, %% a percent sign.
;; Editable fields are only recorded when created; `widget-setup' gives
;; them their overlays (the `field' overlay is what `widget-field-at'
;; looks for).

;;; Customization.

(require 'seq)

(defgroup widgets nil "Buttons, fields and other interactive pieces of a buffer."
  :group 'extensions :prefix "widget-")

(defgroup widget-faces nil "Faces the widget library uses." :group 'widgets :group 'faces)

(defface widget-button '((t :weight bold)) "Face of the text of buttons." :group 'widget-faces)
(defface widget-button-pressed '((t :foreground "red1")) "Face of a button while it is pressed." :group 'widget-faces)
(defface widget-field '((t :background "gray85" :extend t)) "Face of an editable field." :group 'widget-faces)
(defface widget-single-line-field '((t :background "gray85")) "Face of a one-line editable field." :group 'widget-faces)
(defface widget-inactive '((t :inherit shadow)) "Face of a widget that does not react." :group 'widget-faces)
(defface widget-documentation '((t :foreground "dark green")) "Face of documentation text." :group 'widget-faces)

(defcustom widget-button-face 'widget-button "The face buttons get unless they say otherwise."
  :type 'face :group 'widget-faces)
(defcustom widget-mouse-face 'highlight "The face buttons get under the mouse." :type 'face :group 'widget-faces)
(defcustom widget-button-prefix "" "Text put before every button." :type 'string :group 'widgets)
(defcustom widget-button-suffix "" "Text put after every button." :type 'string :group 'widgets)
(defcustom widget-link-prefix "[" "Text put before a link." :type 'string :group 'widgets)
(defcustom widget-link-suffix "]" "Text put after a link." :type 'string :group 'widgets)
(defcustom widget-push-button-prefix "[" "Text put before a push button." :type 'string :group 'widgets)
(defcustom widget-push-button-suffix "]" "Text put after a push button." :type 'string :group 'widgets)
(defcustom widget-image-enable t "Whether buttons may show images where the display can." :type 'boolean :group 'widgets)
(defcustom widget-menu-max-size 40 "The most items a choice offers in a menu before it prompts." :type 'integer :group 'widgets)

(defvar widget-field-history nil "Earlier answers read for editable fields.")
(defvar widget-global-map global-map "The map whose bindings apply where no widget is.")

;;; Keymaps.

(defun widget--keys (base parent &rest bindings) "A keymap: a copy of BASE (or a new one), with PARENT, and BINDINGS, KEY COMMAND..."
  (let ((keys (if base (copy-keymap base) (make-sparse-keymap))))
    (while bindings (define-key keys (pop bindings) (pop bindings)))
    (if parent (set-keymap-parent keys parent))
    keys))

(defvar widget-keymap (widget--keys nil nil "\t" #'widget-forward "\e\t" #'widget-backward
                                    [(shift tab)] #'widget-backward [backtab] #'widget-backward
                                    [down-mouse-2] #'widget-button-click [down-mouse-1] #'widget-button-click
                                    "\C-m" #'widget-button-press)
  "The keymap of a buffer made of widgets: moving between them and pressing buttons.")

(defvar widget-field-keymap (widget--keys widget-keymap global-map "\C-k" #'widget-kill-line "\e\t" #'widget-complete
                                          "\C-m" #'widget-field-activate "\C-e" #'widget-end-of-line)
  "The keymap in force inside an editable field.")

(defvar widget-text-keymap (widget--keys widget-keymap global-map "\C-e" #'widget-end-of-line)
  "The keymap in force inside a multi-line text field.")

(defvar widget-link-keymap (widget--keys widget-keymap nil [mouse-2] #'widget-button-click)
  "The keymap of link buttons.")

;;; Buffer state.

(defvar widget-field-new nil "Fields created in this buffer that `widget-setup' has yet to set up.")
(make-variable-buffer-local 'widget-field-new)
(defvar widget-field-list nil "The set-up editable fields of this buffer.")
(make-variable-buffer-local 'widget-field-list)
(defvar widget-field-last nil "The field point was last in.")
(make-variable-buffer-local 'widget-field-last)
(defvar widget-field-was nil "The field a command changed last.")
(make-variable-buffer-local 'widget-field-was)

;;; The object model.

(defun widgetp (widget) "Return non-nil when WIDGET is a widget (or names a widget type)."
  (cond ((symbolp widget) (get widget 'widget-type))
        ((consp widget) (and (symbolp (car widget)) (get (car widget) 'widget-type)))))

(defun widget-type (widget) "Return the type of WIDGET, a symbol." (car widget))

(defun widget-member (widget property) "Return non-nil when WIDGET or one of the types it derives from sets PROPERTY."
  (let ((type widget))
    (while (and type (not (plist-member (cdr type) property)))
      (setq type (and (symbolp (car type)) (get (car type) 'widget-type))))
    (and type t)))

(defun widget--split-keywords (items) "Return (PLIST . REST): the leading keyword/value pairs of ITEMS and what follows.
A keyword with nothing after it belongs to REST."
  (let ((leading nil))
    (while (and (keywordp (car items)) (cdr items))
      (push (pop items) leading)
      (push (pop items) leading))
    (cons (nreverse leading) items)))

(defun widget-convert (type &rest args) "Make a widget of TYPE, with the keyword arguments and children ARGS.
TYPE is a type symbol or a list (TYPE . ARGS) in the same form.  The
`:convert-widget' functions of the type chain see the result, then the
keyword ARGS are put in, and `:value' is turned to its internal form."
  (let* ((w (if (symbolp type) (list type) (copy-sequence type)))
         (own (widget--split-keywords (cdr w)))
         (given (widget--split-keywords args)))
    ;; Children written in the type itself, then those passed as ARGS.
    (setq w (cons (car w) (car own)))
    (when (cdr own)
      (setq w (append w (list :args (cdr own)))))
    (when (cdr given) (widget-put w :args (cdr given)))
    (let ((class w))
      (while class
        (let ((fn (plist-get (cdr class) :convert-widget)))
          (when fn (setq w (funcall fn w))))
        (setq class (get (car class) 'widget-type))))
    (let ((kv (car given)))
      (while kv
        (widget-put w (car kv) (cadr kv))
        (setq kv (cddr kv))))
    (when (widget-member w :value)
      (widget-put w :value (widget-apply w :value-to-internal (widget-get w :value))))
    w))

(defun widget-create (type &rest args) "Create a widget of TYPE with ARGS at point, and return it."
  (let ((w (apply #'widget-convert type args)))
    (widget-apply w :create)
    w))

(defun widget--child-indent (parent) "Return the indentation a child of PARENT starts with."
  (+ (or (widget-get parent :indent) 0)
     (or (widget-get parent :extra-offset) 0)
     (or (widget-get parent :offset) 0)))

(defun widget--adopt (parent child) "Make CHILD a child of PARENT and insert it at point; return CHILD."
  (widget-put child :parent parent)
  (unless (widget-get child :indent)
    (widget-put child :indent (widget--child-indent parent)))
  (widget-apply child :create)
  child)

(defun widget-create-child-and-convert (parent type &rest args) "Convert TYPE with ARGS and insert it at point as a child of PARENT."
  (widget--adopt parent (apply #'widget-convert type args)))

(defun widget-create-child (parent type) "Insert a copy of the converted widget TYPE at point as a child of PARENT."
  (widget--adopt parent (widget-copy type)))

(defun widget-create-child-value (parent type value) "Insert a copy of TYPE showing VALUE at point as a child of PARENT."
  (let ((w (widget-copy type)))
    (widget-put w :value (widget-apply w :value-to-internal value))
    (widget--adopt parent w)))

(defun widget-copy (widget) "Return a copy of WIDGET that shares no children with it."
  (widget-apply (copy-sequence widget) :copy))

(defun widget-types-copy (widget) "Copy the :args of WIDGET as well, for types with children."
  (widget-put widget :args (mapcar #'widget-copy (widget-get widget :args)))
  widget)

(defun widget-value (widget) "Return the current value of WIDGET."
  (let ((shown (widget-apply widget :value-get)))
    (widget-apply widget :value-to-external shown)))

(defun widget-value-set (widget value) "Make VALUE the value WIDGET shows."
  (let ((internal (widget-apply widget :value-to-internal value)))
    (widget-apply widget :value-set internal)))

(defun widget-inline-p (widget &optional bubblep) "Return non-nil when WIDGET's value is spliced into its parent's.
With BUBBLEP, a widget whose `:inline-bubbles-p' says one of its choices
is inline counts too."
  (or (and (widget-get widget :inline) t)
      (and bubblep
           (let ((fn (widget-get widget :inline-bubbles-p)))
             (and fn (funcall fn widget))))))

(defun widget-match-inline (widget vals) "Match WIDGET against the head of the list VALS.
Return (MATCHED . REST) where MATCHED is the list of the elements used,
or nil when WIDGET does not match there."
  (cond ((widget-inline-p widget t) (widget-apply widget :match-inline vals))
        ((and (consp vals) (widget-apply widget :match (car vals)))
         (cons (list (car vals)) (cdr vals)))))

(defun widget-apply-action (widget &optional event) "Run the action of WIDGET for EVENT, if WIDGET is active."
  (unless (widget-apply widget :active)
    (error "Attempt to perform action on inactive widget"))
  (widget-apply widget :action event))

(defun widget-default-get (widget) "Return the value WIDGET starts with when none is given."
  (widget-apply widget :default-get))

(defun widget-prompt-value (widget prompt &optional value unbound) "Read a value for WIDGET in the minibuffer with PROMPT.
VALUE is the value offered first, unless UNBOUND."
  (let* ((reader (widget-get widget :prompt-value))
         (answer (funcall reader widget prompt value unbound)))
    (if (widget-apply widget :match answer)
        answer
      (error "Value does not match %S type" (widget-type widget)))))

(defun widget--first-child (widget) "Return the first child of WIDGET." (car (widget-get widget :children)))

(defun widget-child-value-get (widget) "Return the value of WIDGET's one child."
  (let ((kid (widget--first-child widget))) (when kid (widget-value kid))))

(defun widget-child-value-inline (widget) "Return the inline value of WIDGET's one child."
  (let ((kid (widget--first-child widget))) (when kid (widget-apply kid :value-inline))))

(defun widget-child-validate (widget) "Return the invalid widget inside WIDGET's one child, if any."
  (widget-apply (widget--first-child widget) :validate))

(defun widget-children-validate (widget) "Return the first invalid widget among WIDGET's children, or nil."
  (let ((kids (widget-get widget :children)) (bad nil))
    (while (and kids (not bad))
      (setq bad (widget-apply (car kids) :validate) kids (cdr kids)))
    bad))

(defun widget--delete-children (widget) "Delete WIDGET's children and buttons."
  (mapc #'widget-delete (widget-get widget :children))
  (mapc #'widget-delete (widget-get widget :buttons))
  (widget-put widget :children nil)
  (widget-put widget :buttons nil))

(defun widget-value-convert-widget (widget) "Move the first of WIDGET's :args to its :value."
  (pcase (widget-get widget :args)
    (`(,first . ,_)
     (widget-put widget :value first)
     (widget-put widget :args nil)))
  widget)

(defun widget-delete (widget) "Remove WIDGET from the buffer." (widget-apply widget :delete))

(defun widget-types-convert-widget (widget) "Convert each of WIDGET's :args to a widget."
  (widget-put widget :args (mapcar #'widget-convert (widget-get widget :args)))
  widget)

(defun widget-value-value-get (widget) "Return the :value property of WIDGET." (widget-get widget :value))

;;; Putting widgets in the buffer.

(defmacro widget--quietly (&rest body) "Run BODY with read-only text and modification hooks out of the way."
  (declare (debug t) (indent 0))
  `(let ((inhibit-read-only t) (inhibit-modification-hooks t)) ,@body))

(defun widget-insert (&rest args) "Insert ARGS as `insert' does, ignoring read-only text."
  (widget--quietly (apply #'insert args)))

(defun widget-clear-undo () "Drop the undo records, so that undo cannot tear widgets apart."
  (unless (eq buffer-undo-list t) (setq buffer-undo-list nil)))

(defun widget--resolve-text (x) "Return X as a string: a symbol stands for its value."
  (cond ((null x) "") ((stringp x) x) ((symbolp x) (or (symbol-value x) "")) (t (format "%s" x))))

(defun widget--indent-here (widget) "Indent by WIDGET's :indent when point starts a line after a newline."
  (let ((n (widget-get widget :indent)))
    (when (and n (> n 0) (eq (char-before) ?\n))
      (insert-char ?\s n))))

(defun widget--overlay (from to front rear &rest props) "Return a new overlay over FROM..TO carrying PROPS, a property list.
FRONT and REAR are its insertion types at the two ends."
  (let ((ov (make-overlay from to nil front rear)))
    (while props
      (overlay-put ov (pop props) (pop props)))
    ov))

(defun widget-specify-button (widget from to) "Make FROM..TO the button of WIDGET."
  (let ((help (widget-get widget :help-echo)))
    (widget-put widget :button-overlay
                (widget--overlay from to t nil
                                 'button widget 'keymap (widget-get widget :keymap) 'evaporate t
                                 'face (widget-apply widget :button-face-get)
                                 'mouse-face (widget-apply widget :mouse-face-get)
                                 'pointer 'hand 'follow-link (widget-get widget :follow-link)
                                 ;; A function gives the text on demand.
                                 'help-echo (if (functionp help) 'widget-mouse-help help)))))

(defun widget-specify-sample (widget from to) "Make FROM..TO the sample of WIDGET: a widget has one sample, the last."
  (widget--drop-overlay widget :sample-overlay)
  (widget-put widget :sample-overlay
              (widget--overlay from to t nil 'face (widget-apply widget :sample-face-get) 'evaporate t)))

(defun widget-specify-doc (widget from to) "Make FROM..TO the documentation of WIDGET."
  (widget-put widget :doc-overlay
              (widget--overlay from to t nil 'widget-doc widget 'face 'widget-documentation 'evaporate t)))

(defun widget--walk-format (fmt escape) "Insert FMT at point, calling ESCAPE with the character of each %-escape where it stands."
  (let ((pos 0))
    (while (string-match "%\\(.\\)" fmt pos)
      (insert (substring fmt pos (match-beginning 0)))
      (setq pos (match-end 0))
      (funcall escape (aref fmt (1- pos))))
    (insert (substring fmt pos))))

(defun widget-default-create (widget) "Insert WIDGET at point, expanding the escapes of its :format."
  (widget--quietly
    (let ((fmt (widget-get widget :format))
          (start (point-marker))
          button-at sample-at doc-at)
      (widget--walk-format
       fmt
       (lambda (c)
          (pcase c
            (?\[ (setq button-at (point))
                 (insert (widget--resolve-text (widget-get widget :button-prefix))))
            (?\] (insert (widget--resolve-text (widget-get widget :button-suffix)))
                 (widget-specify-button widget button-at (point)))
            (?\{ (setq sample-at (point)))
            (?\} (widget-specify-sample widget sample-at (point)))
            (?n (let ((n (widget-get widget :indent)))
                  (when n (insert ?\n) (insert-char ?\s n))))
            (?t (let ((tag (widget-get widget :tag)))
                  (if tag (insert tag)
                    (insert (format "%s" (widget-get widget :value))))))
            ((or ?d ?h)
             (let ((doc (widget-get widget :doc)))
               (when doc
                 (setq doc-at (point))
                 (insert doc)
                 (unless (string-suffix-p "\n" doc) (insert ?\n))
                 (widget-specify-doc widget doc-at (point)))))
            (?v (widget-apply widget :value-create))
            (?% (insert ?%))
            (_ (widget-apply widget :format-handler c)))))
      ;; Only now: text later inserted right before the widget stays outside it.
      (set-marker-insertion-type start t)
      (widget-put widget :from start)
      (widget-put widget :to (point-marker))))
  (widget-clear-undo))

(defun widget-default-format-handler (_widget escape) "Signal that ESCAPE is not a format escape WIDGET knows."
  (error "Unknown escape `%c'" escape))

(defun widget--drop-overlay (widget prop) "Delete the overlay WIDGET keeps under PROP."
  (let ((ov (widget-get widget prop)))
    (when (overlayp ov) (delete-overlay ov))))

(defun widget-default-delete (widget) "Remove WIDGET's text, overlays and children from the buffer."
  (widget--quietly
    (widget-apply widget :value-delete)
    (dolist (p '(:button-overlay :sample-overlay :doc-overlay :inactive))
      (widget--drop-overlay widget p))
    (widget--remove-text widget))
  (widget-clear-undo))

(defun widget--remove-text (widget) "Delete the text of WIDGET, between its :from and :to markers, and free them."
  (let ((from (widget-get widget :from)) (to (widget-get widget :to)))
    (and (markerp from) (marker-buffer from) (widget--delete-between from to))))

(defun widget--delete-between (from to) "Delete the text between the markers FROM and TO and free them."
  (delete-region from to)
  (dolist (m (list from to)) (set-marker m nil)))

(defun widget--ancestors (widget) "Return the parents of WIDGET, nearest first."
  (let (up)
    (while (setq widget (widget-get widget :parent))
      (push widget up))
    (nreverse up)))

(defun widget--insert-inside (widget pos thunk) "Call THUNK with point at POS so that what it inserts stays inside WIDGET and its parents.
Markers of WIDGET and its ancestors that sit at POS are stretched over
the new text while THUNK runs."
  (let ((undo nil))
    (dolist (w (cons widget (widget--ancestors widget)))
      (let ((from (widget-get w :from)) (to (widget-get w :to)))
        (when (and (markerp from) (eql (marker-position from) pos) (marker-insertion-type from))
          (set-marker-insertion-type from nil)
          (push (cons from t) undo))
        (when (and (markerp to) (eql (marker-position to) pos) (not (marker-insertion-type to)))
          (set-marker-insertion-type to t)
          (push (cons to nil) undo))))
    (unwind-protect
        (save-excursion (goto-char pos) (funcall thunk))
      (dolist (u undo) (set-marker-insertion-type (car u) (cdr u))))))

(defun widget-default-value-set (widget value) "Show VALUE in WIDGET by creating it again in place."
  (let* ((from (widget-get widget :from))
         (offset (and (markerp from) (>= (point) from) (<= (point) (widget-get widget :to))
                      (- (point) from)))
         (pos (marker-position from)))
    (widget-apply widget :delete)
    (widget-put widget :value value)
    (widget--insert-inside (widget-get widget :parent) pos (lambda () (widget-apply widget :create)))
    (if offset (goto-char (min (+ pos offset) (widget-get widget :to))))))

(defun widget-default-value-inline (widget) "Return WIDGET's value as the list its parent splices in."
  (let ((v (widget-value widget)))
    (if (widget-get widget :inline) v (list v))))

(defun widget-default-default-get (widget) "Return WIDGET's :value in external form."
  (widget-apply widget :value-to-external (widget-get widget :value)))

(defun widget-default-menu-tag-get (widget) "Return the name WIDGET has in menus."
  (or (widget-get widget :menu-tag) (widget-get widget :tag)
      (format "%s" (car widget))))

(defun widget-default-active (widget) "Return non-nil when WIDGET and all its parents react to the user."
  (and (not (widget-get widget :inactive))
       (let ((p (widget-get widget :parent)))
         (or (null p) (widget-apply p :active)))))

(defun widget-overlay-inactive (&rest _) "Refuse changes to the text of an inactive widget."
  (unless inhibit-read-only (error "The widget here is not active")))

(defun widget-specify-inactive (widget from to) "Grey out FROM..TO, the text of WIDGET, and refuse changes to it."
  (unless (widget-get widget :inactive)
    (widget-put widget :inactive
                (widget--overlay from to t nil 'face 'widget-inactive 'evaporate t 'priority 100
                                 'modification-hooks '(widget-overlay-inactive)))))

(defun widget-specify-active (widget) "Make WIDGET react again."
  (widget--drop-overlay widget :inactive)
  (widget-put widget :inactive nil))

(defun widget-default-deactivate (widget) "Make WIDGET stop reacting."
  (widget-specify-inactive widget (widget-get widget :from) (widget-get widget :to)))

(defun widget--tell (widget event) "Run WIDGET's :notify for a change WIDGET made itself, for EVENT."
  (widget-apply widget :notify widget event))

(defun widget-default-action (widget &optional event) "Tell WIDGET's parent that WIDGET acted, for EVENT."
  (widget--tell widget event))

(defun widget-default-notify (widget child &optional event) "Pass the news that CHILD changed on to WIDGET's parent, for EVENT."
  (ignore child)
  (let ((p (widget-get widget :parent)))
    (when p (widget-apply p :notify widget event))))

(defun widget-default-button-face-get (widget) "Return the face of WIDGET's button."
  (or (widget-get widget :button-face)
      (let ((p (widget-get widget :parent)))
        (if p (widget-apply p :button-face-get) widget-button-face))))

(defun widget-default-mouse-face-get (widget) "Return the face of WIDGET's button under the mouse, as a list of faces."
  (let ((f (or (widget-get widget :mouse-face)
               (let ((p (widget-get widget :parent)))
                 (if p (widget-apply p :mouse-face-get) widget-mouse-face)))))
    (if (listp f) f (list f))))

(defun widget-mouse-help (_window overlay _pos) "Return the help text of the widget whose button is OVERLAY."
  (let* ((w (overlay-get overlay 'button))
         (help (widget-get w :help-echo)))
    (if (functionp help) (funcall help w) help)))

(defun widget-default-sample-face-get (widget) "Return the face of WIDGET's sample." (widget-get widget :sample-face))

(defun widget-default-prompt-value (widget prompt value unbound) "Read a Lisp value for WIDGET in the minibuffer with PROMPT."
  (ignore widget)
  (read-minibuffer (concat prompt ": ") (unless unbound (prin1-to-string value))))

(defun widget-default-completions (widget) "Return the completion table of WIDGET." (widget-get widget :completions))

(define-widget 'default nil "The type every widget type derives from."
  :action #'widget-default-action :activate #'widget-specify-active :active #'widget-default-active
  :button-face-get #'widget-default-button-face-get :button-prefix 'widget-button-prefix
  :button-suffix 'widget-button-suffix :completions-function #'widget-default-completions
  :copy #'identity :create #'widget-default-create :deactivate #'widget-default-deactivate
  :default-get #'widget-default-default-get :delete #'widget-default-delete
  :format-handler #'widget-default-format-handler :indent nil
  :menu-tag-get #'widget-default-menu-tag-get :mouse-down-action #'ignore
  :mouse-face-get #'widget-default-mouse-face-get :notify #'widget-default-notify :offset 0
  :prompt-value #'widget-default-prompt-value :sample-face-get #'widget-default-sample-face-get
  :validate #'ignore :value-delete #'ignore :value-inline #'widget-default-value-inline
  :value-set #'widget-default-value-set :value-to-external (lambda (_w v) v)
  :value-to-internal (lambda (_w v) v))

;;; Finding widgets, moving between them, pressing them.

(defun widget-field-at (pos) "Return the editable field at POS, or nil."
  (let ((f (get-char-property (or pos (point)) 'field)))
    (if (eq f 'boundary)
        (get-char-property (or pos (point)) 'real-field)
      (and (widgetp f) f))))

(defun widget-field-find (pos) "Return the set-up field whose text contains POS, or nil."
  (let ((found nil))
    (dolist (f widget-field-list)
      (when (and (<= (widget-field-start f) pos) (<= pos (widget-field-end f)))
        (setq found f)))
    found))

(defun widget-at (&optional pos) "Return the widget whose button or field is at POS (default point), or nil."
  (let ((b (get-char-property (or pos (point)) 'button)))
    (or (and b (widgetp b) b)
        (widget-field-at pos))))

(defun widget-tabable-at (&optional pos) "Return the widget at POS that TAB can stop at, or nil."
  (let ((w (widget-at pos)))
    (and w
         (let ((order (widget-get w :tab-order)))
           (or (null order) (>= order 0)))
         w)))

(defun widget--stop-start (pos) "Return where the button or field around POS begins."
  (let ((w (widget-at pos)) (start pos))
    (while (and w (> start (point-min)) (eq (widget-at (1- start)) w))
      (setq start (1- start)))
    start))

(defvar widget-move-hook nil "Hook run after `widget-move' moved point.")

(defun widget-move (arg &optional suppress-echo) "Move point to the ARGth next button or field; back when ARG is negative.
The search wraps around the buffer.  Unless SUPPRESS-ECHO, show the help
text of the widget reached."
  (let ((stops nil) (at (point-min)) (prev nil))
    ;; A stop is where a run of text belonging to one widget starts.
    (while (< at (point-max))
      (let ((w (widget-tabable-at at)))
        (if (and w (not (eq w prev))) (push at stops))
        (setq prev w at (next-char-property-change at))))
    (setq stops (nreverse stops))
    (unless stops (error "No buttons or fields found"))
    (let ((here (if (widget-tabable-at (point)) (widget--stop-start (point)) (point))))
      (dotimes (_ (abs arg))
        (setq here (if (> arg 0)
                       (or (seq-find (lambda (s) (> s here)) stops) (car stops))
                     (or (car (last (seq-filter (lambda (s) (< s here)) stops)))
                         (car (last stops))))))
      (goto-char here)
      ;; GNU 28 signals this when the widget reached starts the buffer,
      ;; after moving there; programs see the error, so keep it.
      (when (bobp) (signal 'beginning-of-buffer nil)))
    (unless suppress-echo (widget-echo-help (point)))
    (run-hooks 'widget-move-hook)))

(defun widget-echo-help (pos) "Show the help text of the widget at POS in the echo area."
  (let* ((w (widget-at pos))
         (help (and w (widget-get w :help-echo))))
    (when (functionp help) (setq help (funcall help w)))
    (when (stringp help) (message "%s" help))))

(defun widget-forward (arg) "Move point to the ARGth next button or field." (interactive "p")
  (widget-move arg))

(defun widget-backward (arg) "Move point to the ARGth previous button or field." (interactive "p")
  (widget-move (- arg)))

(defun widget--global-binding () "Run what the current key does when no widget takes it."
  (let ((cmd (lookup-key widget-global-map (this-command-keys))))
    (call-interactively cmd)))

(defun widget-button-press (pos &optional event) "Press the button at POS; where there is none, run the key's global binding."
  (interactive "@d")
  (let ((b (get-char-property pos 'button)))
    (if (and b (widgetp b))
        (widget-apply-action b event)
      (widget--global-binding))))

(defun widget-button-click (event) "Press the button under the mouse EVENT." (interactive "e")
  (let ((pos (posn-point (event-start event))))
    (widget-button-press pos event)))

(defun widget-field-activate (pos &optional event) "Run the action of the field at POS, or the key's global binding." (interactive "@d")
  (let ((f (widget-field-at pos)))
    (if f (widget-apply-action f event) (widget--global-binding))))

(defun widget-end-of-line () "Move to the end of the line, or of the field's text." (interactive)
  (let ((f (widget-field-at (point))))
    (if (and f (not (widget-get f :size)))
        (goto-char (min (line-end-position) (widget-field-end f)))
      (end-of-line)
      (when f (skip-chars-backward " " (widget-field-start f))))))

(defun widget-kill-line () "Kill to the end of the line, or of the field's text." (interactive)
  (let ((f (widget-field-find (point))))
    (if (and f (> (widget-field-end f) (point)) (<= (widget-field-end f) (line-end-position)))
        (kill-region (point) (widget-field-end f))
      (call-interactively #'kill-line))))

(defun widget-complete () "Complete the text of the field at point." (interactive)
  (let ((f (widget-field-find (point))))
    (unless f (error "Not in an editable field"))
    (let ((fn (widget-get f :complete)))
      (if fn (funcall fn f)
        (let ((table (widget-apply f :completions-function)))
          (when table
            (completion-in-region (widget-field-start f) (max (point) (widget-field-text-end f))
                                  table)))))))

;;; Setting up fields.

(defun widget-setup () "Give the fields created since the last call their overlays and keymaps.
From then on, changes in the buffer are watched: only field text may change."
  (add-hook 'before-change-functions #'widget-before-change nil t)
  (add-hook 'after-change-functions #'widget-after-change nil t)
  (widget--quietly
    (let ((todo widget-field-new))
      (setq widget-field-new nil)
      ;; Newest first in TODO: pushed one by one, the oldest ends up first.
      (dolist (f todo)
        (push f widget-field-list)
        (let ((span (widget-get f :field-overlay)))
          ;; Until now the field's place was kept as a pair of markers.
          (when (consp span)
            (widget-specify-field f (marker-position (car span)) (marker-position (cdr span)))
            (set-marker (car span) nil)
            (set-marker (cdr span) nil))))))
  (widget-clear-undo))

(defun widget-before-change (from to) "Refuse a change of FROM..TO that is not inside one field; tell the field of one that is."
  (unless inhibit-read-only
    (let ((here (widget-field-find from)))
      (cond ((not (eq here (widget-field-find to)))
             (signal 'text-read-only '("Change should be restricted to a single field")))
            ((null here)
             (signal 'text-read-only '("Attempt to change text outside editable field")))
            (t (widget-apply here :notify here (list 'before-change from to)))))))

(defun widget--fit-to-size (field) "Pad FIELD's text with spaces to its :size, or drop trailing spaces that go past it."
  (let ((size (widget-get field :size)))
    (when size
      (widget--quietly
        (save-excursion
          (let* ((stop (widget-field-end field))
                 (extra (- stop (widget-field-start field) size)))
            (goto-char stop)
            (if (< extra 0)
                (insert-char ?\s (- extra))
              (delete-region (progn (skip-chars-backward " " (- stop extra)) (point)) stop))))))))

(defun widget-after-change (from to _old-length) "Keep a sized field at its size after a change of FROM..TO, and tell the field."
  (let ((field (widget-field-find from)))
    (when field
      (widget--fit-to-size field)
      (widget-apply field :notify field `(after-change ,from ,to)))))

(defun widget-specify-field (widget from to) "Make FROM..TO the editable field of WIDGET.
A field without a :size ends before the newline that follows it, and that
newline gets a `boundary' overlay of its own."
  (let ((map (widget-get widget :keymap)) (face (or (widget-get widget :value-face) 'widget-field))
        (help (widget-get widget :help-echo))
        (follow (widget-get widget :follow-link)))
    (widget-put widget :field-overlay
                (widget--overlay from to nil t 'field widget 'local-map map 'face face
                                 'follow-link follow 'help-echo help))
    (unless (widget-get widget :size)
      (widget--overlay to (1+ to) t nil 'field 'boundary 'real-field widget 'local-map map
                       'face face 'follow-link follow 'help-echo help))))

(defun widget--field-edge (widget overlay-fn marker-fn) "An edge of WIDGET's field: OVERLAY-FN of its overlay, or MARKER-FN of its marker pair."
  (let ((field (widget-get widget :field-overlay)))
    (cond ((overlayp field) (funcall overlay-fn field))
          ((consp field) (marker-position (funcall marker-fn field))))))

(defun widget-field-start (widget) "Return where WIDGET's editable text starts."
  (widget--field-edge widget #'overlay-start #'car))

(defun widget-field-end (widget) "Return where WIDGET's editable text ends."
  (widget--field-edge widget #'overlay-end #'cdr))

(defun widget-field-text-end (widget) "Return where WIDGET's text ends, before the padding of a sized field."
  (let ((stop (widget-field-end widget)))
    (if (not (and stop (widget-get widget :size)))
        stop
      (save-excursion (goto-char stop) (skip-chars-backward " " (widget-field-start widget)) (point)))))

(defun widget-field-value-create (widget) "Insert the text of the field WIDGET, and record the field for `widget-setup'."
  (let* ((size (widget-get widget :size))
         (text (or (widget-get widget :value) ""))
         (from (point-marker)))
    (insert text)
    (when (and size (< (length text) size))
      (insert-char ?\s (- size (length text))))
    (let ((to (point-marker)))
      (unless size (insert ?\n))
      (widget-put widget :field-overlay (cons from to)))
    (push widget widget-field-new)))

(defun widget-field-value-delete (widget) "Forget the field WIDGET."
  (setq widget-field-list (delq widget widget-field-list)
        widget-field-new (delq widget widget-field-new))
  (let ((field (widget-get widget :field-overlay)))
    (cond ((overlayp field)
           (when (overlay-buffer field)
             ;; The boundary overlay on the newline after the field goes too.
             (let ((after (overlay-end field)))
               (dolist (o (overlays-in after (1+ after)))
                 (if (eq (overlay-get o 'real-field) widget) (delete-overlay o)))))
           (delete-overlay field))
          ((consp field) (set-marker (car field) nil) (set-marker (cdr field) nil))))
  (widget-put widget :field-overlay nil))

(defun widget-field-value-get (widget &optional keep-padding) "Return the text in the field WIDGET.
Trailing spaces of a sized field go unless KEEP-PADDING."
  (let ((start (widget-field-start widget)))
    (if (null start)
        (widget-get widget :value)
      (buffer-substring-no-properties
       start (if (or keep-padding (not (widget-get widget :size)))
                 (widget-field-end widget)
               (widget-field-text-end widget))))))

(defun widget-field-value-set (widget value) "Replace the text of the field WIDGET by VALUE."
  (let ((start (widget-field-start widget)))
    (if (not (overlayp (widget-get widget :field-overlay)))
        (widget-default-value-set widget value)
      (widget--quietly
        (save-excursion
          (let ((stop (widget-field-end widget)))
            (delete-region start stop)
            (goto-char start)
            (insert value)
            (let ((size (widget-get widget :size)))
              (when (and size (< (length value) size))
                (insert-char ?\s (- size (length value)))))
            (move-overlay (widget-get widget :field-overlay) start (point)))))
      (widget-put widget :value value))))

(defun widget-field-match (_widget value) "Return non-nil when VALUE is a string." (stringp value))

(defun widget-field-validate (widget) "Return WIDGET if its text fails its :valid-regexp, else nil."
  (let ((re (widget-get widget :valid-regexp))
        (text (widget-apply widget :value-get)))
    (unless (and (stringp text) (string-match re text))
      widget)))

(defun widget-field-action (widget &optional event) "Tell WIDGET's parent that the field WIDGET was entered, for EVENT."
  (widget--tell widget event))

(defun widget-field-prompt-value (widget prompt value unbound) "Read a string for WIDGET with PROMPT."
  (let ((answer (read-string (concat prompt ": ")
                             (unless unbound (widget-apply widget :value-to-internal value))
                             (widget-get widget :prompt-history))))
    (widget-apply widget :value-to-external answer)))

;;; The basic types.

(define-widget 'item 'default "A constant value shown as text." :action #'widget-item-action
  :convert-widget #'widget-value-convert-widget :format "%t\n" :match #'widget-item-match
  :match-inline #'widget-item-match-inline :value-create #'widget-item-value-create
  :value-delete #'ignore :value-get #'widget-value-value-get)

(defun widget-item-value-create (widget) "Insert the printed :value of WIDGET."
  (princ (widget-get widget :value) (current-buffer)))

(defun widget-item-match (widget value) "Return non-nil when VALUE equals WIDGET's value."
  (equal (widget-get widget :value) value))

(defun widget-item-match-inline (widget vals) "Match the elements of WIDGET's list value against the head of VALS."
  (let* ((mine (widget-get widget :value))
         (n (and (listp mine) (length mine))))
    (when (and n (<= n (length vals)) (equal mine (butlast vals (- (length vals) n))))
      (cons mine (nthcdr n vals)))))

(defun widget-item-action (widget &optional event) "Tell WIDGET's parent the item was chosen, for EVENT."
  (widget--tell widget event))

(define-widget 'push-button 'item "A button that does something when pressed." :button-prefix ""
  :button-suffix "" :format "%[%v%]" :value-create #'widget-push-button-value-create)

(defun widget-push-button-value-create (widget) "Insert the label of the push button WIDGET, in brackets."
  (insert (widget--resolve-text widget-push-button-prefix)
          (or (widget-get widget :tag) (format "%s" (widget-get widget :value)))
          (widget--resolve-text widget-push-button-suffix)))

(define-widget 'link 'item "A hyperlink." :button-prefix 'widget-link-prefix
  :button-suffix 'widget-link-suffix :follow-link 'mouse-face :format "%[%t%]"
  :help-echo "Follow the link." :keymap widget-link-keymap)

(defun widget--link-target (widget) "Return what the link WIDGET points to." (widget-value widget))

(define-widget 'info-link 'link "A link to an Info node."
  :action (lambda (w &optional _e) (info (widget--link-target w))))
(define-widget 'url-link 'link "A link to a web page."
  :action (lambda (w &optional _e) (browse-url (widget--link-target w))))
(define-widget 'function-link 'link "A link to a function's help."
  :action (lambda (w &optional _e) (describe-function (widget--link-target w))))
(define-widget 'variable-link 'link "A link to a variable's help."
  :action (lambda (w &optional _e) (describe-variable (widget--link-target w))))
(define-widget 'file-link 'link "A link to a file."
  :action (lambda (w &optional _e) (find-file (widget--link-target w))))
(define-widget 'emacs-library-link 'link "A link to an Emacs Lisp library."
  :action (lambda (w &optional _e) (find-file (locate-library (widget--link-target w)))))
(define-widget 'emacs-commentary-link 'link "A link to the commentary of a library."
  :action (lambda (w &optional _e) (finder-commentary (widget--link-target w))))

(define-widget 'editable-field 'default "A piece of text the user can edit."
  :action #'widget-field-action :convert-widget #'widget-value-convert-widget
  :error "Field's value doesn't match allowed forms" :format "%v"
  :help-echo "M-TAB: complete field; RET: enter value" :keymap widget-field-keymap
  :match #'widget-field-match :prompt-history 'widget-field-history
  :prompt-value #'widget-field-prompt-value :valid-regexp "" :validate #'widget-field-validate
  :value "" :value-create #'widget-field-value-create :value-delete #'widget-field-value-delete
  :value-get #'widget-field-value-get :value-set #'widget-field-value-set)

(define-widget 'text 'editable-field "A multi-line editable field." :format "%{%t%}: %v"
  :keymap widget-text-keymap)

(define-widget 'string 'editable-field "A string." :format "%{%t%}: %v"
  :prompt-history 'widget-string-prompt-value-history :tag "String")

(defvar widget-string-prompt-value-history nil "Strings read for string widgets.")

(define-widget 'regexp 'string "A regular expression."
  :match (lambda (_w v) (and (stringp v) (condition-case nil (progn (string-match v "") t) (error nil))))
  :tag "Regexp"
  :validate (lambda (w)
              (let ((v (widget-value w)))
                (condition-case err (progn (string-match v "") nil)
                  (error (widget-put w :error (error-message-string err)) w)))))

(define-widget 'file 'string "A file name." :format "%{%t%}: %v"
  :match (lambda (w v) (and (stringp v) (or (not (widget-get w :must-match)) (file-exists-p v))))
  :tag "File"
  :validate (lambda (w)
              (let ((v (widget-value w)))
                (unless (widget-apply w :match v)
                  (widget-put w :error (format "File %s does not exist" v))
                  w))))

(define-widget 'directory 'file "A directory name." :tag "Directory")

(define-widget 'symbol 'editable-field "A Lisp symbol." :format "%{%t%}: %v"
  :match (lambda (_w v) (symbolp v)) :tag "Symbol" :value nil
  :value-to-external (lambda (_w v) (if (stringp v) (intern v) v))
  :value-to-internal (lambda (_w v) (if (symbolp v) (symbol-name v) v)))

(define-widget 'variable 'symbol "A Lisp variable." :tag "Variable")

(define-widget 'coding-system 'symbol "A coding system." :format "%{%t%}: %v" :tag "Coding system"
  :value 'undecided)

(define-widget 'sexp 'editable-field "Any Lisp value, as its printed form." :format "%{%t%}: %v"
  :match (lambda (_w _v) t) :prompt-history 'widget-sexp-prompt-value-history :tag "Lisp expression"
  :validate #'widget-sexp-validate :value nil :value-to-external (lambda (_w v) (read v))
  :value-to-internal #'widget-sexp-value-to-internal)

(defvar widget-sexp-prompt-value-history nil "Expressions read for sexp widgets.")

(defun widget-sexp-value-to-internal (_widget value) "Return VALUE printed, unless it is already text."
  (if (stringp value) value (prin1-to-string value)))

(defun widget-sexp-validate (widget) "Return WIDGET unless its text reads as exactly one Lisp value."
  (let ((text (widget-apply widget :value-get)))
    (condition-case nil
        (let ((r (read-from-string text)))
          (if (string-match-p "\\`[ \t\n]*\\'" (substring text (cdr r)))
              nil
            (widget-put widget :error "Junk at end of expression")
            widget))
      (error (widget-put widget :error "Invalid Lisp expression") widget))))

(defun widget-restricted-sexp-match (widget value) "Return non-nil when VALUE passes one of WIDGET's :match-alternatives.
An alternative is a predicate, or (quote X) for a value equal to X."
  (let ((ok nil))
    (dolist (alt (widget-get widget :match-alternatives))
      (unless ok
        (setq ok (if (and (consp alt) (eq (car alt) 'quote))
                     (equal value (cadr alt))
                   (funcall alt value)))))
    ok))

(define-widget 'restricted-sexp 'sexp "A Lisp value restricted by predicates."
  :match #'widget-restricted-sexp-match :type-error "The specified value is not valid"
  :value-to-external (lambda (_w v) (if (stringp v) (read v) v))
  :value-to-internal (lambda (w v) (if (widget-apply w :match v) (widget-sexp-value-to-internal w v) v)))

(define-widget 'integer 'restricted-sexp "An integer." :match-alternatives '(integerp)
  :tag "Integer" :type-error "This field should contain an integer" :value 0)

(define-widget 'natnum 'restricted-sexp "A non-negative integer." :match-alternatives '(natnump)
  :tag "Integer (positive or zero)" :type-error "This field should contain a nonnegative integer"
  :value 0)

(define-widget 'number 'restricted-sexp "A number." :match-alternatives '(numberp) :tag "Number"
  :type-error "This field should contain a number (floating point or integer)" :value 0.0)

(define-widget 'float 'restricted-sexp "A floating-point number." :match-alternatives '(floatp)
  :tag "Floating point number" :type-error "This field should contain a floating point number"
  :value 0.0)

(define-widget 'function 'restricted-sexp "A function." :match-alternatives '(functionp)
  :tag "Function" :value 'ignore)

(define-widget 'key-sequence 'restricted-sexp "A key sequence." :format "%{%t%}: %v"
  :help-echo "C-q: insert KEY, EVENT, or CODE; RET: enter value"
  :match-alternatives '(stringp vectorp) :tag "Key sequence" :value [ignore]
  :value-to-external (lambda (_w v) (if (stringp v) (read-kbd-macro v) v))
  :value-to-internal (lambda (w v) (if (widget-apply w :match v) (key-description v) v)))

(define-widget 'character 'editable-field "A character."
  :error "This field should contain a single character" :format "%{%t%}: %v\n"
  :match (lambda (_w v) (characterp v)) :size 1 :tag "Character" :valid-regexp "\\`\\(.\\|\n\\)\\'"
  :value 0 :value-get (lambda (w) (widget-field-value-get w t))
  :value-to-external (lambda (_w v) (if (stringp v) (aref v 0) v))
  :value-to-internal (lambda (_w v) (if (stringp v) v (widget--shown-character v))))

(defun widget--shown-character (char) "Return CHAR as a string; a newline, tab or space shows as its escape."
  (let ((esc (cdr (assq char '((?\n . "\\n") (?\t . "\\t") (?\s . "\\s"))))))
    (if esc
        (propertize (char-to-string char) 'display (propertize esc 'face 'escape-glyph))
      (char-to-string char))))

(define-widget 'color 'editable-field "A colour, by name or as #RGB hex."
  :format "%{%t%}: %v (%{sample%})\n" :match #'widget-color-match
  :sample-face-get (lambda (w) (list (cons 'foreground-color (widget-value w)))) :size 14
  :tag "Color" :value "black"
  :value-create (lambda (w)
                  (widget-field-value-create w)
                  (insert " ")
                  (widget-create-child-and-convert
                   w 'push-button :tag " Choose "
                   :action (lambda (b &optional _e)
                             (let* ((field (widget-get b :parent))
                                    (c (read-color "Color: ")))
                               (when (and c (not (string= c "")))
                                 (widget-value-set field c)))))
                  (insert " ")))

(defun widget-color-match (_widget value) "Return non-nil when VALUE names a colour or is #RGB hex with 1 to 4 digits each."
  (and (stringp value)
       (or (and (string-match-p "\\`#\\(?:[[:xdigit:]]\\{3\\}\\)\\{1,4\\}\\'" value) t)
           (and (color-defined-p value) t))))

(define-widget 'const 'item "A constant value." :format "%t\n%d")

(define-widget 'other 'sexp "Any value, matched last in a choice." :format "%t\n" :tag "Other"
  :value 'other)

;;; Toggles and checkboxes.

(define-widget 'toggle 'item "A button that flips between on and off."
  :action #'widget-toggle-action :format "%[%v%]\n" :match (lambda (_w _v) t) :off "off" :on "on"
  :value-create #'widget-toggle-value-create)

(defun widget-toggle-value-create (widget) "Insert the on or off text of WIDGET."
  (insert (if (widget-value widget) (widget-get widget :on) (widget-get widget :off))))

(defun widget-toggle-action (widget &optional event) "Flip WIDGET and tell its parent, for EVENT."
  (widget-value-set widget (not (widget-value widget)))
  (widget--tell widget event)
  (run-hook-with-args 'widget-edit-functions widget))

(defvar widget-edit-functions nil "Functions called with a widget the user changed.")

(define-widget 'checkbox 'toggle "A box that is ticked or not." :action #'widget-checkbox-action
  :button-prefix "" :button-suffix "" :format "%[%v%]" :help-echo "Toggle this item." :off "[ ]"
  :on "[X]")

(defun widget-checkbox-action (widget &optional event) "Flip the checkbox WIDGET and (de)activate what it governs, for EVENT."
  (widget-toggle-action widget event)
  (let ((governed (widget-get widget :sibling)))
    (when governed
      (if (widget-value widget)
          (widget-apply governed :activate)
        (widget-apply governed :deactivate)))))

(define-widget 'boolean 'toggle "A true or false value." :button-prefix 'widget-push-button-prefix
  :button-suffix 'widget-push-button-suffix :format "%{%t%}: %[Toggle%]  %v\n" :off "off (nil)"
  :on "on (non-nil)" :tag "Boolean")

(define-widget 'visibility 'item "A Show/Hide button." :action #'widget-toggle-action
  :button-prefix "" :button-suffix "" :format "%[%v%]" :match (lambda (_w _v) t) :off "Show"
  :on "Hide" :value-create #'widget-toggle-value-create)

(define-widget 'documentation-string 'item "A documentation text." :format "%v")

;;; Choices.

(define-widget 'menu-choice 'default "One value among several types." :action #'widget-choice-action
  :case-fold t :convert-widget #'widget-types-convert-widget :copy #'widget-types-copy
  :default-get #'widget-choice-default-get :error "Make a choice" :format "%[%t%]: %v"
  :match #'widget-choice-match :match-inline #'widget-choice-match-inline
  :mouse-down-action #'ignore :tag "choice" :validate #'widget-choice-validate
  :value-create #'widget-choice-value-create :value-delete #'widget--delete-children
  :value-get #'widget-child-value-get :value-inline #'widget-child-value-inline
  :void '(item :format "invalid (%t)\n"))

(defun widget--fits (arg value inline) "Return non-nil when the choice ARG can show VALUE.
INLINE means VALUE is the list of elements a spliced choice stands for."
  (if inline
      (let ((m (widget-match-inline arg value)))
        (and m (null (cdr m))))
    (if (widget-inline-p arg t)
        (and (listp value)
             (let ((m (widget-match-inline arg value))) (and m (null (cdr m)))))
      (widget-apply arg :match value))))

(defun widget-choice-value-create (widget) "Insert the alternative of WIDGET that fits its value."
  (let* ((value (widget-get widget :value))
         (spliced (widget-inline-p widget t))
         (explicit (widget-get widget :explicit-choice))
         (args (widget-get widget :args))
         (pick (or explicit
                   (seq-find (lambda (a) (widget--fits a value spliced)) args))))
    (widget-put widget :explicit-choice nil)
    (if pick
        (let ((v (if (and spliced (not (widget-inline-p pick t))) (car value) value)))
          (widget-put widget :children (list (widget-create-child-value widget pick v)))
          (widget-put widget :choice pick))
      (widget-put widget :choice nil)
      (widget-put widget :children
                  (list (widget-create-child-and-convert
                         widget (widget-get widget :void) :value value))))))

(defun widget-choice-default-get (widget) "Return the default of WIDGET's first alternative."
  (widget-apply (car (widget-get widget :args)) :default-get))

(defun widget-choice-inline-bubbles-p (widget) "Return non-nil when an alternative of WIDGET is inline."
  (seq-some (lambda (a) (widget-inline-p a t)) (widget-get widget :args)))

(defun widget-choice-match (widget value) "Return non-nil when one of WIDGET's alternatives fits VALUE."
  (seq-some (lambda (a) (widget--fits a value nil)) (widget-get widget :args)))

(defun widget-choice-match-inline (widget vals) "Return the first match of one of WIDGET's alternatives at the head of VALS."
  (seq-some (lambda (a) (widget-match-inline a vals)) (widget-get widget :args)))

(defun widget-choice-validate (widget) "Return the invalid widget in WIDGET's chosen alternative, or WIDGET when none is chosen."
  (let ((kid (car (widget-get widget :children))))
    (if (and kid (widget-get widget :choice))
        (widget-apply kid :validate)
      widget)))

(defun widget-choice-action (widget &optional event) "Let the user pick another alternative for WIDGET, for EVENT."
  (let* ((args (widget-get widget :args))
         (names (mapcar (lambda (a) (cons (widget-apply a :menu-tag-get) a)) args))
         (answer (if (and (= (length args) 2) (widget-get widget :choice))
                     (seq-find (lambda (a) (not (eq a (widget-get widget :choice)))) args)
                   (cdr (assoc (completing-read (concat (widget-apply widget :menu-tag-get) ": ")
                                                names nil t)
                               names)))))
    (when answer
      (widget-put widget :explicit-choice answer)
      (widget-value-set widget (widget-default-get answer))
      (widget-setup)
      (widget--tell widget event))))

(define-widget 'choice 'menu-choice "One value among several types, with a menu button."
  :button-prefix 'widget-push-button-prefix :button-suffix 'widget-push-button-suffix
  :format "%{%t%}: %[Value Menu%] %v" :inline-bubbles-p #'widget-choice-inline-bubbles-p
  :tag "Choice")

;;; Radio buttons.

(define-widget 'radio-button 'toggle "One button of a radio group." :button-prefix ""
  :button-suffix "" :format "%[%v%]" :notify #'widget-radio-button-notify :off "( )" :on "(*)")

(defun widget-radio-button-notify (widget _child &optional event) "Tell the radio group that WIDGET was pushed, for EVENT."
  (widget-apply (widget-get widget :parent) :action widget event))

(define-widget 'radio-button-choice 'default "One value, chosen by radio buttons."
  :action #'widget-radio-action :convert-widget #'widget-types-convert-widget
  :copy #'widget-types-copy :entry-format "%b %v" :error "You must push one of the buttons"
  :format "%v" :match #'widget-choice-match :match-inline #'widget-choice-match-inline :offset 4
  :validate (lambda (w) (let ((c (widget-get w :choice))) (if c (widget-apply c :validate) w)))
  :value-create #'widget-radio-value-create :value-delete #'widget--delete-children
  :value-get (lambda (w) (let ((c (widget-get w :choice))) (and c (widget-value c))))
  :value-inline (lambda (w) (let ((c (widget-get w :choice))) (and c (widget-apply c :value-inline))))
  :value-set #'widget-radio-value-set)

(defun widget--entries (widget args make) "Insert one entry of WIDGET's :entry-format per element of ARGS.
MAKE is called with the element and the escape character for %b and %v
and returns the widget it inserted."
  (dolist (arg args)
    (widget--indent-here widget)
    (widget--walk-format (widget-get widget :entry-format)
                         (lambda (c) (if (eq c ?%) (insert ?%) (funcall make arg c))))))

(defun widget-radio-value-create (widget) "Insert a radio button and a value widget for each alternative of WIDGET."
  (let ((value (widget-get widget :value))
        (chosen nil) buttons kids)
    (widget--entries
     widget (widget-get widget :args)
     (lambda (arg c)
       (let ((on (and (not chosen) (widget-apply arg :match value))))
         (pcase c
           (?b (push (widget-create-child-and-convert widget 'radio-button :value on) buttons))
           (?v (let ((kid (if on (widget-create-child-value widget arg value)
                            (widget-create-child widget arg))))
                 (push kid kids)
                 (widget-put (car buttons) :sibling kid)
                 (if on (setq chosen kid)
                   (widget-apply kid :deactivate))))))))
    (widget-put widget :buttons (nreverse buttons))
    (widget-put widget :children (nreverse kids))
    (widget-put widget :choice chosen)))

(defun widget-radio-value-set (widget value) "Select the alternative of WIDGET that fits VALUE."
  (let ((chosen nil))
    (dolist (b (widget-get widget :buttons))
      (let* ((kid (widget-get b :sibling))
             (on (and (not chosen) (widget-apply kid :match value))))
        (widget-value-set b on)
        (if on
            (progn (setq chosen kid) (widget-value-set kid value) (widget-apply kid :activate))
          (widget-apply kid :deactivate))))
    (widget-put widget :choice chosen)))

(defun widget-radio-action (widget child &optional event) "Make the alternative whose button CHILD is the chosen one of WIDGET, for EVENT."
  (let ((chosen nil))
    (dolist (b (widget-get widget :buttons))
      (let ((kid (widget-get b :sibling)))
        (if (eq b child)
            (progn (setq chosen kid)
                   (unless (widget-value b) (widget-value-set b t))
                   (widget-apply kid :activate))
          (when (widget-value b) (widget-value-set b nil))
          (widget-apply kid :deactivate))))
    (widget-put widget :choice chosen)
    (widget-apply widget :notify child event)))

(define-widget 'radio 'radio-button-choice "A radio group with a tag." :format "%{%t%}:\n%v"
  :tag "Choice")

;;; Checklists.

(define-widget 'checklist 'default "Any number of values, each chosen by a checkbox."
  :convert-widget #'widget-types-convert-widget :copy #'widget-types-copy :entry-format "%b %v"
  :format "%v" :greedy nil
  :match (lambda (w v) (and (listp v) (let ((m (widget-checklist-match-inline w v))) (and m (null (cdr m))))))
  :match-inline #'widget-checklist-match-inline :offset 4
  :validate (lambda (w)
              (seq-some (lambda (b) (and (widget-value b) (widget-apply (widget-get b :sibling) :validate)))
                        (widget-get w :buttons)))
  :value-create #'widget-checklist-value-create :value-delete #'widget--delete-children
  :value-get #'widget-checklist-value-get)

(defun widget--checklist-find (widget vals) "Return (ARG . MATCH) for an alternative of WIDGET matching the head of VALS."
  (let ((hit nil))
    (dolist (a (widget-get widget :args))
      (unless hit
        (let ((m (widget-match-inline a vals)))
          (when m (setq hit (cons a m))))))
    hit))

(defun widget-checklist-match-inline (widget vals) "Consume elements of VALS that alternatives of WIDGET match; return (USED . REST)."
  (let ((used nil) (go t))
    (while (and vals go)
      (let ((hit (widget--checklist-find widget vals)))
        (if (not hit) (setq go nil)
          (setq used (append used (car (cdr hit))) vals (cdr (cdr hit))))))
    (and used (cons used vals))))

(defun widget-checklist-value-create (widget) "Insert a checkbox and a value widget for each alternative of WIDGET."
  (let ((vals (widget-get widget :value)) buttons kids)
    (widget--entries
     widget (widget-get widget :args)
     (lambda (arg c)
       (let* ((m (widget-match-inline arg vals))
              (found (and m (or (widget-get widget :greedy) t) m)))
         (pcase c
           (?b (push (widget-create-child-and-convert widget 'checkbox :value (and found t)) buttons))
           (?v (let ((kid (if found
                              (widget-create-child-value
                               widget arg (if (widget-inline-p arg t) (car found) (caar found)))
                            (widget-create-child widget arg))))
                 (when found
                   (setq vals (seq-remove (lambda (x) (member x (car found))) vals)))
                 (push kid kids)
                 (widget-put (car buttons) :sibling kid)
                 (unless found (widget-apply kid :deactivate))))))))
    (widget-put widget :buttons (nreverse buttons))
    (widget-put widget :children (nreverse kids))))

(defun widget-checklist-value-get (widget) "Return the values of WIDGET's ticked alternatives, in order."
  (let ((out nil))
    (dolist (b (widget-get widget :buttons))
      (when (widget-value b)
        (setq out (append out (widget-apply (widget-get b :sibling) :value-inline)))))
    out))

(define-widget 'set 'checklist "A set of values, each chosen by a checkbox." :format "%{%t%}:\n%v"
  :tag "Set")

(define-widget 'option 'checklist "An optional value." :inline t)

;;; Lists that grow and shrink.

(define-widget 'insert-button 'push-button "The button that adds an element to an editable list."
  :action (lambda (w &optional _e)
            (widget-apply (widget-get w :parent) :insert-before (widget-get w :widget)))
  :help-echo (lambda (w) (if (widget-get (widget-get w :parent) :last-deleted)
                             (concat "Insert back the last deleted item from this list, "
                                   "at this position.")
                           (concat "Insert a new item into the list "
                                   "at this position.")))
  :tag "INS")

(define-widget 'delete-button 'push-button "The button that removes an element from an editable list."
  :action (lambda (w &optional _e)
            (widget-apply (widget-get w :parent) :delete-at (widget-get w :widget)))
  :help-echo (concat "Delete this item from the list, "
                     "saving it for later reinsertion.") :tag "DEL")

(define-widget 'editable-list 'default "A list of values of one type, with buttons to add and remove them."
  :convert-widget #'widget-types-convert-widget :copy #'widget-types-copy
  :delete-at #'widget-editable-list-delete-at :entry-format "%i %d %v" :format "%v%i\n"
  :format-handler #'widget-editable-list-format-handler
  :insert-before #'widget-editable-list-insert-before
  :match (lambda (w v) (and (listp v) (null (cdr (widget-editable-list-match-inline w v)))))
  :match-inline #'widget-editable-list-match-inline :offset 12 :validate #'widget-children-validate
  :value-create #'widget-editable-list-value-create :value-delete #'widget--delete-children
  :value-get #'widget-editable-list-value-get)

(defun widget-editable-list-format-handler (widget escape) "Insert the final INS button of WIDGET for %i."
  (if (eq escape ?i)
      (let ((vp (widget-get widget :value-pos)))
        ;; The new entries go before this last button: the marker stays put.
        (when vp (set-marker-insertion-type vp nil))
        (widget--indent-here widget)
        (widget-create-child-and-convert widget 'insert-button)
        (when vp (set-marker-insertion-type vp t)))
    (widget-default-format-handler widget escape)))

(defun widget-editable-list-match-inline (widget vals) "Consume the elements of VALS that WIDGET's element type matches; return (USED . REST)."
  (let ((type (car (widget-get widget :args))) (used nil) (go t))
    (while (and vals go)
      (let ((m (widget-match-inline type vals)))
        (if m (setq used (append used (car m)) vals (cdr m))
          (setq go nil))))
    (cons used vals)))

(defun widget-editable-list-value-get (widget) "Return the list of the inline values of WIDGET's children."
  (apply #'append (mapcar (lambda (c) (widget-apply c :value-inline))
                          (widget-get widget :children))))

(defun widget--list-entry (widget type value given) "Insert at point one entry of the editable list WIDGET and return its value widget.
The entry shows VALUE when GIVEN, else TYPE's default."
  (let ((start (point-marker)) ins del kid)
    (widget--indent-here widget)
    (widget--walk-format
     (widget-get widget :entry-format)
     (lambda (c)
      (pcase c
        (?i (setq ins (widget-create-child-and-convert widget 'insert-button)))
        (?d (setq del (widget-create-child-and-convert widget 'delete-button)))
        (?v (setq kid (if given (widget-create-child-value widget type value)
                        (widget-create-child-value widget type (widget-default-get type)))))
        (?% (insert ?%)))))
    (set-marker-insertion-type start t)
    (widget-put kid :entry-from start)
    (widget-put kid :entry-to (point-marker))
    (when ins (widget-put ins :widget kid) (widget-put widget :buttons (cons ins (widget-get widget :buttons))))
    (when del (widget-put del :widget kid) (widget-put widget :buttons (cons del (widget-get widget :buttons))))
    kid))

(defun widget-editable-list-value-create (widget) "Insert one entry per element of WIDGET's value."
  (let* ((type (car (widget-get widget :args)))
         (vals (widget-get widget :value))
         (kids nil))
    (widget-put widget :value-pos (copy-marker (point)))
    (while vals
      (let ((m (widget-match-inline type vals)))
        (if m
            (progn
              (push (widget--list-entry widget type
                                        (if (widget-inline-p type t) (car m) (caar m)) t)
                    kids)
              (setq vals (cdr m)))
          (push (widget--list-entry widget type nil nil) kids)
          (setq vals nil))))
    (widget-put widget :children (nreverse kids))
    (set-marker (widget-get widget :value-pos) (point))
    (set-marker-insertion-type (widget-get widget :value-pos) t)))

(defun widget-editable-list-insert-before (widget before) "Insert a new element in WIDGET before the child BEFORE, or at the end when BEFORE is nil.
The element is the one last deleted from WIDGET, if any."
  (widget--quietly
    (let* ((again (car (widget-get widget :last-deleted)))
           (type (car (widget-get widget :args)))
           (pos (if before (marker-position (widget-get before :entry-from))
                  (marker-position (widget-get widget :value-pos))))
           (kid nil))
      (let ((vp (widget-get widget :value-pos))
            (mid-line (not (eq (char-before pos) ?\n))))
        (set-marker-insertion-type vp (not before))
        (unwind-protect
            (widget--insert-inside
             widget pos
             (lambda ()
               (setq kid (if again
                             (widget--list-entry widget type (widget-value again) t)
                           (widget--list-entry widget type nil nil)))
               ;; Inserted after an indentation, the entry ends a line of
               ;; its own: what it pushed along keeps its column.
               (when (and mid-line (eq (char-before) ?\n))
                 (insert-char ?\s (or (widget-get widget :indent) 0)))))
          (set-marker-insertion-type vp t)))
      (widget-put widget :last-deleted (cdr (widget-get widget :last-deleted)))
      (let* ((kids (widget-get widget :children))
             (at (and before (memq before kids))))
        ;; The new entry goes just before BEFORE, or last.
        (widget-put widget :children
                    (if at (append (butlast kids (length at)) (list kid) at) (append kids (list kid)))))
      (widget--sort-buttons widget)))
  (widget-setup)
  (widget--tell widget nil))

(defun widget--sort-buttons (widget) "Order WIDGET's INS and DEL buttons last entry first, DEL before INS, as entries create them."
  (let ((out nil))
    (dolist (k (widget-get widget :children))
      (dolist (b (widget-get widget :buttons))
        (when (and (eq (widget-get b :widget) k) (eq (car b) 'insert-button)) (push b out)))
      (dolist (b (widget-get widget :buttons))
        (when (and (eq (widget-get b :widget) k) (eq (car b) 'delete-button)) (push b out))))
    (widget-put widget :buttons out)))

(defun widget-editable-list-delete-at (widget child) "Remove CHILD's entry from the editable list WIDGET, keeping CHILD for reinsertion."
  (widget--quietly
    (widget-put widget :last-deleted (cons child (widget-get widget :last-deleted)))
    (let ((keep nil))
      (dolist (b (widget-get widget :buttons))
        (if (eq (widget-get b :widget) child)
            (widget-apply b :delete)
          (push b keep)))
      (widget-put widget :buttons (nreverse keep)))
    (let ((from (widget-get child :entry-from)) (to (widget-get child :entry-to)))
      (widget-apply child :delete)
      (widget--delete-between from to))
    (widget-put widget :children (delq child (widget-get widget :children))))
  (widget-setup)
  (widget--tell widget nil))

(define-widget 'repeat 'editable-list "A list of values of one type." :format "%{%t%}:\n%v%i\n"
  :tag "Repeat")

;;; Groups: fixed sequences of values.

(define-widget 'group 'default "A fixed sequence of values of given types."
  :convert-widget #'widget-types-convert-widget :copy #'widget-types-copy
  :default-get #'widget-group-default-get :format ":\n%v" :match #'widget-group-match
  :match-inline #'widget-group-match-inline :validate #'widget-children-validate
  :value-create #'widget-group-value-create :value-delete #'widget--delete-children
  :value-get #'widget-editable-list-value-get)

(defun widget-group-value-create (widget) "Insert a child of WIDGET for each of its types, showing the matching part of its value."
  (let ((vals (widget-get widget :value)) (kids nil))
    (dolist (arg (widget-get widget :args))
      (widget--indent-here widget)
      (let ((m (widget-match-inline arg vals)))
        (push (if m
                  (progn (setq vals (cdr m))
                         (widget-create-child-value widget arg
                                                    (if (widget-inline-p arg t) (car m) (caar m))))
                (widget-create-child widget arg))
              kids)))
    (widget-put widget :children (nreverse kids))))

(defun widget-group-default-get (widget) "Return the defaults of WIDGET's types, spliced where a type is inline."
  (widget-apply widget :value-to-external
                (apply #'append
                       (mapcar (lambda (a)
                                 (if (widget-inline-p a) (widget-default-get a)
                                   (list (widget-default-get a))))
                               (widget-get widget :args)))))

(defun widget-group-match-inline (widget vals) "Match WIDGET's types one after another at the head of VALS; return (USED . REST) or nil."
  (let ((used nil) (ok t))
    (dolist (a (widget-get widget :args))
      (when ok
        (let ((m (widget-match-inline a vals)))
          (if m (setq used (append used (car m)) vals (cdr m))
            (setq ok nil)))))
    (and ok (cons used vals))))

(defun widget-group-match (widget value) "Return non-nil when the list VALUE is exactly a sequence of WIDGET's types."
  (and (listp value)
       (let ((m (widget-group-match-inline widget value)))
         (and m (null (cdr m))))))

(define-widget 'list 'group "A list of values of given types." :format "%{%t%}:\n%v" :tag "List")

(define-widget 'vector 'group "A vector of values of given types." :format "%{%t%}:\n%v"
  :match (lambda (w v) (and (vectorp v) (widget-group-match w (append v nil)))) :tag "Vector"
  :value-to-external (lambda (_w v) (apply #'vector v))
  :value-to-internal (lambda (_w v) (append v nil)))

(define-widget 'cons 'group "A cons cell of values of two types." :format "%{%t%}:\n%v"
  :match (lambda (w v) (and (consp v) (widget-group-match w (list (car v) (cdr v)))))
  :tag "Cons-cell" :value-to-external (lambda (_w v) (cons (car v) (cadr v)))
  :value-to-internal (lambda (_w v) (if (consp v) (list (car v) (cdr v)) v)))

(define-widget 'lazy 'default "A type defined by its :type, converted only when used (so it may refer to itself)."
  :convert-widget #'widget-value-convert-widget
  :default-get (lambda (w) (widget-default-get (widget-convert (widget-get w :type))))
  :format "%{%t%}: %v"
  :match (lambda (w v) (widget-apply (widget-convert (widget-get w :type)) :match v))
  :validate #'widget-child-validate
  :value-create (lambda (w)
                  (widget-put w :children
                              (list (widget-create-child-value w (widget-convert (widget-get w :type))
                                                               (widget-get w :value)))))
  :value-delete #'widget--delete-children :value-get #'widget-child-value-get
  :value-inline #'widget-child-value-inline)

(defun widget--pairs-convert (widget pair) "Give WIDGET the one child: a repeat of PAIR built from its key and value types."
  (let ((k (widget-get widget :key-type)) (v (widget-get widget :value-type)))
    (unless (widget-get widget :args)
      (widget-put widget :args (list (list 'editable-list :inline t (funcall pair k v)))))
    widget))

(define-widget 'alist 'list "An association list."
  :convert-widget (lambda (w) (widget--pairs-convert w (lambda (k v) (list 'cons :format "%v" k v))))
  :key-type '(sexp :tag "Key") :tag "Alist" :value-type '(sexp :tag "Value"))

(define-widget 'plist 'list "A property list."
  :convert-widget (lambda (w) (widget--pairs-convert w (lambda (k v) (list 'group :inline t k v))))
  :key-type '(symbol :tag "Key") :tag "Plist" :value-type '(sexp :tag "Value"))

(provide 'wid-edit)

;;; wid-edit.el ends here
