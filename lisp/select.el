;;; select.el --- selections and the clipboard, as batch Emacs has them  -*- lexical-binding: t -*-

;; GNU preloads its selection library. Batch Emacs has no window system, so there is no
;; selection owner to ask or tell: every backend question answers nil, setting a selection just
;; checks and gives back its data, and reading one finds nothing. What stays observable are the
;; converters that turn selection data (a string, a pair of markers, an overlay) into the typed
;; text a selection request gets, and the bookkeeping variables; those are here in full.

(defvar select-enable-clipboard t "Non-nil means killing and yanking use the clipboard.")
(defvar select-enable-primary nil "Non-nil means killing and yanking use the primary selection.")
(defvaralias 'x-select-enable-clipboard 'select-enable-clipboard)
(defvaralias 'x-select-enable-primary 'select-enable-primary)
(defvar x-select-request-type nil "Data type asked for when reading a selection; nil tries the usual text types.")
(defvar selection-coding-system nil "Coding system for text put into or taken from selections; nil lets each type choose.")
(defvar next-selection-coding-system nil "Coding system for the next selection transfer only; reset to nil after it.")
(defvar gui--last-selected-text-clipboard nil "The text this session last put on the clipboard.")
(defvar gui--last-selected-text-primary nil "The text this session last made the primary selection.")
(defvar x-selection-timeout 0 "Milliseconds to wait for a selection owner's answer; 0 waits without limit.")

;; ---- the window-system backend: nothing to talk to in batch

;; Generic functions, so that a window-system backend could add methods; the default answers nil.
(dolist (spec '((gui-backend-get-selection (_which _target) "Ask the window system for a selection's data; batch has none, so nil.")
                (gui-backend-set-selection (_which _data) "Give the window system a selection's data; batch has none to tell, so nil.")
                (gui-backend-selection-owner-p (_which) "Tell whether this Emacs owns the selection; in batch it never does.")
                (gui-backend-selection-exists-p (_which) "Tell whether anyone owns the selection; in batch there is nobody.")))
  (eval `(cl-defgeneric ,(car spec) ,(nth 1 spec) ,(nth 2 spec) nil) t))

;; ---- reading and setting selections

(defun gui--valid-simple-selection-p (data) "Tell whether DATA can be a selection's value: a string, symbol or integer, or two markers of one live buffer."
  (cond ((or (stringp data) (symbolp data) (integerp data) (overlayp data)) t)
        ((and (consp data) (markerp (car data)) (markerp (cdr data)))
         (let ((buf (marker-buffer (car data))))
           (and buf (eq buf (marker-buffer (cdr data))) (buffer-live-p buf) t)))))

(defun gui-get-selection (&optional type data-type) "Give the value of selection TYPE (default PRIMARY) as DATA-TYPE (default STRING).
Batch Emacs has no selections, so this gives nil."
  (gui-backend-get-selection (if type type 'PRIMARY) (if data-type data-type 'STRING)))

(defun gui-set-selection (type data) "Make DATA the value of selection TYPE (nil: PRIMARY) and give DATA.
DATA is a string, symbol or integer, two markers of one buffer, an overlay, or a vector of those;
anything else is an error."
  (interactive (if current-prefix-arg
                   (list 'PRIMARY (read-string "Set text for pasting: "))
                 (list 'PRIMARY (buffer-substring (region-beginning) (region-end)))))
  (unless (or (gui--valid-simple-selection-p data)
              (and (vectorp data)
                   (let ((ok t))
                     (mapc (lambda (x) (unless (gui--valid-simple-selection-p x) (setq ok nil))) data)
                     ok)))
    (signal 'error (list "invalid selection" data)))
  (gui-backend-set-selection (or type 'PRIMARY) data)
  data)

(defun gui--selection-value-internal (type) "Give the text of selection TYPE, trying the usual text types; nil when there is none (always, in batch)."
  (let ((types (if x-select-request-type
                   (if (consp x-select-request-type) x-select-request-type (list x-select-request-type))
                 '(UTF8_STRING COMPOUND_TEXT STRING)))
        (found nil))
    (while (and types (not found))
      (let ((text (condition-case nil (gui-get-selection type (car types)) (error nil))))
        (when (and (stringp text) (> (length text) 0))
          (setq found (substring-no-properties text))))
      (setq types (cdr types)))
    found))

(defun gui-selection-value () "Give the text another program put on the clipboard or primary selection since this Emacs last set it, or nil."
  (let ((clip (when select-enable-clipboard
                (let ((v (gui--selection-value-internal 'CLIPBOARD)))
                  (prog1 (and v (not (equal v gui--last-selected-text-clipboard)) v)
                    (setq gui--last-selected-text-clipboard v)))))
        (prim (when select-enable-primary
                (let ((v (gui--selection-value-internal 'PRIMARY)))
                  (prog1 (and v (not (equal v gui--last-selected-text-primary)) v)
                    (setq gui--last-selected-text-primary v))))))
    (or clip prim)))

(defun gui-select-text (text) "Put TEXT on the clipboard and/or primary selection, as `select-enable-clipboard' and `select-enable-primary' say."
  (when select-enable-primary
    (gui-set-selection 'PRIMARY text)
    (setq gui--last-selected-text-primary text))
  (when select-enable-clipboard
    (gui-set-selection 'CLIPBOARD text)
    (setq gui--last-selected-text-clipboard text)))

(defun gui-get-primary-selection () "Give the primary selection's text; an error when there is none (always, in batch)."
  (or (gui--selection-value-internal 'PRIMARY)
      (error "No selection is available")))

(defun x-get-clipboard () "Give the clipboard's text, or nil when there is none."
  (gui-get-selection 'CLIPBOARD))
(make-obsolete 'x-get-clipboard 'gui-get-selection "25.1")

(define-obsolete-function-alias 'x-select-text #'gui-select-text "25.1")
(define-obsolete-function-alias 'x-get-selection #'gui-get-selection "25.1")
(define-obsolete-function-alias 'x-selection-value #'gui-selection-value "25.1")
(define-obsolete-function-alias 'x-set-selection #'gui-set-selection "25.1")
(define-obsolete-function-alias 'x-get-selection-value #'gui-get-primary-selection "25.1")
(define-obsolete-function-alias 'x-selection #'x-get-selection "at least 19.34")

;; ---- converting selection data for a request

(defun xselect--selection-bounds (value) "Give (START END BUFFER) for VALUE, two markers of one buffer or an overlay; nil for anything else."
  (let (start end buf)
    (if (overlayp value)
        (setq buf (overlay-buffer value) start (overlay-start value) end (overlay-end value))
      (when (and (consp value) (markerp (car value)) (markerp (cdr value)))
        (setq buf (marker-buffer (car value)) start (marker-position (car value)) end (marker-position (cdr value)))
        (unless (eq buf (marker-buffer (cdr value))) (setq buf nil))))
    (and buf (list start end buf))))

(defun xselect--int-to-cons (n) "Split N into (HIGH . LOW), its bits above and its low 16 bits, as X integer targets carry it."
  (cons (ash n -16) (logand n 65535)))

(defun xselect--latin-1-only (str) "Tell whether every character of STR is in Latin-1 (or STR is unibyte)."
  (or (not (multibyte-string-p str))
      (not (string-match-p "[^\u0000-\u00ff]" str))))

(defun xselect--encode-string (type str &optional _can-modify) "Encode STR for a selection request of TYPE; give (TYPE . BYTES), TYPE possibly narrowed.
TEXT becomes C_STRING for ASCII or unibyte text, STRING for Latin-1 text, UTF8_STRING otherwise."
  (let ((coding (or next-selection-coding-system selection-coding-system)))
    (setq next-selection-coding-system nil)
    (when (eq type 'TEXT)
      (setq type (cond ((or (not (multibyte-string-p str)) (not (string-match-p "[^\u0000-\u007f]" str))) 'C_STRING)
                       ((xselect--latin-1-only str) 'STRING)
                       (t 'UTF8_STRING))))
    (cons type
          (pcase type
            ('STRING
             (if (multibyte-string-p str)
                 (encode-coding-string (replace-regexp-in-string "[^\u0000-\u00ff]" " " str) 'iso-latin-1)
               str))
            ('UTF8_STRING (encode-coding-string str 'utf-8-unix))
            ('COMPOUND_TEXT (encode-coding-string str (or coding 'compound-text-with-extensions)))
            ('C_STRING (if (multibyte-string-p str) (encode-coding-string str 'utf-8-unix) str))
            (_ (error "Unknown selection type: %S" type))))))

(defun xselect--value-text (value) "Give the text VALUE stands for: a string as is, the text between two markers or under an overlay, else nil."
  (if (stringp value)
      value
    (let ((bounds (xselect--selection-bounds value)))
      (when bounds
        (with-current-buffer (nth 2 bounds)
          (buffer-substring-no-properties (min (car bounds) (nth 1 bounds)) (max (car bounds) (nth 1 bounds))))))))

(defun xselect-convert-to-string (_selection type value) "Convert VALUE (a string, two markers or an overlay) to text of selection TYPE: (TYPE . BYTES), or nil."
  (let ((text (xselect--value-text value)))
    (when text
      (xselect--encode-string type (substring-no-properties text) t))))

(defun xselect-convert-to-targets (_selection _type _value) "Give the vector of target types this Emacs can convert a selection to."
  (let ((names (list 'TIMESTAMP 'MULTIPLE)))
    (dolist (entry selection-converter-alist)
      (unless (or (eq (car entry) '_EMACS_INTERNAL) (memq (car entry) names))
        (setq names (append names (list (car entry))))))
    (vconcat names)))

(defun xselect-convert-to-length (_selection _type value) "Give the length of the text VALUE stands for as (0 . LENGTH), or nil."
  (let ((len (cond ((stringp value) (length value))
                   ((xselect--selection-bounds value)
                    (let ((b (xselect--selection-bounds value))) (abs (- (nth 1 b) (car b))))))))
    (and len (xselect--int-to-cons len))))

(defun xselect-convert-to-delete (_selection _type _value) "Answer a DELETE request: there is nothing to delete in batch, so the NULL type."
  'NULL)

(defun xselect-convert-to-filename (_selection _type value) "Give (C_STRING . FILE) for VALUE in a buffer visiting FILE, or nil."
  (let ((bounds (xselect--selection-bounds value)))
    (when bounds
      (let ((file (buffer-file-name (nth 2 bounds))))
        (and file (xselect--encode-string 'C_STRING file))))))

(defun xselect--span (value fn) "Give (SPAN . [(0 . LOW) (0 . HIGH)]) of FN's values at VALUE's two ends, or nil when VALUE has no ends."
  (let ((bounds (xselect--selection-bounds value)))
    (when bounds
      (with-current-buffer (nth 2 bounds)
        (let ((a (funcall fn (car bounds))) (b (funcall fn (nth 1 bounds))))
          (cons 'SPAN (vector (xselect--int-to-cons (min a b)) (xselect--int-to-cons (max a b)))))))))

(defun xselect-convert-to-charpos (_selection _type value) "Give the zero-based positions of VALUE's ends as a SPAN, or nil."
  (xselect--span value #'1-))

(defun xselect-convert-to-lineno (_selection _type value) "Give the line numbers of VALUE's ends as a SPAN, or nil."
  (xselect--span value (lambda (pos) (save-restriction (widen) (line-number-at-pos pos)))))

(defun xselect-convert-to-colno (_selection _type value) "Give the columns of VALUE's ends as a SPAN, or nil."
  (xselect--span value (lambda (pos) (save-excursion (goto-char pos) (current-column)))))

(defun xselect-convert-to-os (_selection _type _value) "Give the operating system's name as (C_STRING . NAME)."
  (xselect--encode-string 'C_STRING (symbol-name system-type)))

(defun xselect-convert-to-host (_selection _type _value) "Give the machine's name as (C_STRING . NAME)."
  (xselect--encode-string 'C_STRING (system-name)))

(defun xselect-convert-to-user (_selection _type _value) "Give the user's full name as (C_STRING . NAME)."
  (xselect--encode-string 'C_STRING (user-full-name)))

(defun xselect-convert-to-class (_selection _type _value) "Give the window-system class name, \"Emacs\"."
  "Emacs")

(defun xselect-convert-to-name (_selection _type _value) "Give the name this Emacs was invoked as, for the NAME target."
  "emacs")

(defun xselect-convert-to-atom (_selection _type value) "Give VALUE when it is a symbol (an X atom), else nil."
  (and (symbolp value) value))

(defun xselect-convert-to-integer (_selection _type value) "Give VALUE as (HIGH . LOW) when it is an integer, else nil."
  (and (integerp value) (xselect--int-to-cons value)))

(defun xselect-convert-to-save-targets (selection _type _value) "Answer SAVE_TARGETS: only asked by a clipboard manager, and there is none in batch, so nil."
  (when (eq selection 'CLIPBOARD_MANAGER)
    nil))

(defun xselect-convert-to-identity (_selection _type value) "Give VALUE itself, in a one-element vector."
  (vector value))

(defvar selection-converter-alist
  ;; Built from (TARGET . converter name suffix), in the order GNU lists the targets.
  (mapcar (lambda (pair) (cons (car pair) (intern (concat "xselect-convert-to-" (cdr pair)))))
          '((TEXT . "string") (COMPOUND_TEXT . "string") (STRING . "string") (UTF8_STRING . "string")
            (TARGETS . "targets") (LENGTH . "length") (DELETE . "delete") (FILE_NAME . "filename")
            (CHARACTER_POSITION . "charpos") (LINE_NUMBER . "lineno") (COLUMN_NUMBER . "colno")
            (OWNER_OS . "os") (HOST_NAME . "host") (USER . "user") (CLASS . "class") (NAME . "name")
            (ATOM . "atom") (INTEGER . "integer") (SAVE_TARGETS . "save-targets") (_EMACS_INTERNAL . "identity")))
  "Which function converts selection data to each target type, (TYPE . FUNCTION).")

(provide 'select)
;;; select.el ends here
