;;; descr-text.el --- what a character or a stretch of text carries  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The one-line summary of a character for the echo area (the eldoc
;; function `describe-char-eldoc' and the pieces it is made of), the
;; report of the text properties and overlays at a position, and the
;; small formatters those reports share.

;;; Code:

(require 'help-mode) ; help buffers and their buttons

(defvar eldoc-echo-area-use-multiline-p)

(defcustom describe-char-unidata-list '(name old-name general-category decomposition)
  "The Unicode properties of a character that `describe-char' lists; t means all of them."
  :group 'mule :type '(choice (repeat :tag "These" symbol) (const :tag "Every one" t)))

(defcustom describe-char-unicodedata-file nil "A local copy of UnicodeData.txt for `describe-char-unicode-data' to read, or nil."
  :group 'mule :type '(choice file (const :tag "No file" nil)))

;;;; Printing a value, possibly behind a button.

(defun descr-text--pp-button (value) "Insert a [Show] button that pretty-prints VALUE in its own buffer."
  (let ((show (lambda (&rest _)
                (with-output-to-temp-buffer "*Pp Eval Output*"
                  (princ (pp-to-string value))))))
    (insert-text-button "[Show]" 'action show 'follow-link t
                        'help-echo "mouse-2, RET: pretty print value in another buffer")))

(defun describe-text-sexp (sexp) "Insert SEXP as `prin1' writes it, or a [Show] button when it would overrun the window."
  (let* ((text (let ((print-escape-newlines t)) (prin1-to-string sexp)))
         (fits (and (not (string-match-p "\n" text))
                    (<= (+ (current-column) (length text)) (window-width)))))
    (if fits (insert text) (descr-text--pp-button sexp))))

(defun describe-text-widget (widget) "Insert a button naming the type of WIDGET that describes it when pushed."
  (let ((type (if (consp widget) (car widget) widget)))
    (insert-text-button (symbol-name type)
                        'help-echo "mouse-2, RET: browse this widget"
                        'action (lambda (&rest _) (widget-browse widget)))))

(defun describe-text-category (category) "Show the property list of the text category symbol CATEGORY in the help buffer."
  (interactive "SCategory: ") (let ((plist (symbol-plist category)))
    (help-setup-xref `(describe-text-category ,category) (called-interactively-p 'interactive))
    (with-help-window (help-buffer) (set-buffer standard-output)
      (insert (format "Category %S:\n\n" category))
      (describe-property-list plist)
      (goto-char 1))))

(defun descr-text--insert-value (key value) "Insert VALUE of the text property KEY: a button for categories and faces, else `describe-text-sexp'."
  (pcase key
    ('category
     (insert-text-button (symbol-name value)
                         'help-echo "mouse-2, RET: describe this category" 'follow-link t
                         'action (lambda (&rest _) (describe-text-category value))))
    ((or 'face 'font-lock-face 'mouse-face)
     (insert-text-button (format "%S" value) 'type 'help-face 'help-args (list value)))
    (_ (describe-text-sexp value))))

(defun describe-property-list (properties) "Insert one line per property of the plist PROPERTIES, sorted by name, with its value."
  (let ((rows (seq-sort-by (lambda (row) (format "%s" (car row))) #'string<
                           (seq-partition properties 2))))
    (pcase-dolist (`(,key ,value) rows)
      (insert (propertize (format "  %-20s" key) 'face 'help-argument-name) " ")
      (descr-text--insert-value key value)
      (insert ?\n))))

;;;; The properties at a position.

(defun describe-text-properties (pos &optional output-buffer buffer) "Describe the text properties and overlays at POS in BUFFER.
Into OUTPUT-BUFFER when given, else in the help buffer."
  (interactive "d") (let ((source (or buffer (current-buffer))))
    (unless (with-current-buffer source (< pos (point-max))) (error "No character follows specified position"))
    (cond (output-buffer (with-current-buffer source (describe-text-properties-1 pos output-buffer)))
          ((and (null (text-properties-at pos source)) (null (with-current-buffer source (overlays-at pos))))
           (message "This is plain text."))
          (t (with-help-window (help-buffer)
               (let ((out standard-output))
                 (with-current-buffer out (insert (format "Text content at position %d:\n\n" pos)))
                 (with-current-buffer source (describe-text-properties-1 pos out))
                 (with-current-buffer out (goto-char 1))))))))

(defun describe-text-properties-1 (pos output-buffer) "Insert into OUTPUT-BUFFER the report of the overlays and text properties at POS of the current buffer."
  (let* ((ovs (sort (overlays-at pos)
                    (lambda (a b) (> (or (overlay-get a 'priority) 0) (or (overlay-get b 'priority) 0)))))
         (props (text-properties-at pos))
         (count (length ovs)))
    (with-current-buffer output-buffer
      (unless (zerop count)
        (insert (if (= count 1) "\nThere is an overlay here:\n"
                  (format "\nThere are %d overlays here:\n" count)))
        (mapc (lambda (ov)
                (insert (format " From %d to %d\n" (overlay-start ov) (overlay-end ov)))
                (describe-property-list (overlay-properties ov)))
              ovs)
        (insert ?\n))
      (if props
          (progn (insert "\nThere are text properties here:\n")
                 (describe-property-list props))))))

;;;; Characters.

(defun describe-char-unicode-data (char) "The fields of UnicodeData.txt for CHAR as (NAME VALUE) lists, from `describe-char-unicodedata-file'; nil without that file."
  (when (and describe-char-unicodedata-file
             (file-exists-p describe-char-unicodedata-file))
    (with-temp-buffer
      (insert-file-contents describe-char-unicodedata-file)
      (when (re-search-forward (format "^%04X;" char) nil t)
        (let ((fields (split-string (buffer-substring (point) (line-end-position)) ";"))
              (labels '("Name" "Category" "Combining class" "Bidi category" "Decomposition"
                        "Decimal digit value" "Digit value" "Numeric value" "Mirrored"
                        "Old name" "ISO 10646 comment" "Uppercase" "Lowercase" "Titlecase"))
              (rows nil))
          (while (and fields labels)
            (unless (string= (car fields) "")
              (push (list (car labels) (car fields)) rows))
            (setq fields (cdr fields) labels (cdr labels)))
          (nreverse rows))))))

(defun describe-char-padded-string (ch) "CH as a one-character string, as a terminal shows it."
  (string ch))

(defun describe-char-categories (category-set) "A one-element list: the categories of CATEGORY-SET as MNEMONIC:NAME, comma separated, each with its long description as help-echo."
  (let ((parts nil))
    (dolist (c (append (category-set-mnemonics category-set) nil))
      (let* ((doc (or (category-docstring c) ""))
             (cut (string-match "\n" doc)))
        (push (concat (string c) ":"
                      (if cut
                          (propertize (substring doc 0 cut) 'help-echo (substring doc (1+ cut)))
                        doc))
              parts)))
    (list (mapconcat #'identity (nreverse parts) ", "))))

;;;; The echo-area summary.

(defun describe-char-eldoc--truncate (name width) "NAME with its blanks squeezed, cut after whole words and ended by \"...\" to fit WIDTH.
Words are taken from the left while they leave room for the dots (the
last word needs none); the first word is always kept."
  (let* ((words (split-string name nil t))
         (out (or (car words) ""))
         (rest (cdr words)))
    (while (and rest
                (<= (+ (length out) 1 (length (car rest)) (if (cdr rest) 3 0)) width))
      (setq out (concat out " " (car rest))
            rest (cdr rest)))
    (if rest (concat out "...") out)))

(defun describe-char-eldoc--format (ch &optional width) "Summarize character CH in one line of at most WIDTH columns (nil: no limit).
Give its code, its name and its general category; nil when CH has no name."
  (let ((raw (get-char-code-property ch 'name)))
    (when raw
      (let* ((name (concat (substring raw 0 1) (downcase (substring raw 1))))
             (cat (get-char-code-property ch 'general-category))
             (abbrev (propertize (symbol-name cat) 'face 'font-lock-comment-face))
             (desc (propertize (char-code-property-description 'general-category cat)
                               'face 'font-lock-comment-face))
             (code (concat (propertize (format "U+%04X" ch) 'face 'font-lock-constant-face) ": "))
             (fits (lambda (s) (or (null width) (<= (length s) width))))
             (shapes (lambda (nm)
                       (let ((nm (propertize nm 'face 'font-lock-variable-name-face)))
                         (list (concat code nm " (" abbrev ": " desc ")")
                               (concat code nm " (" desc ")")
                               (concat code nm " (" abbrev ")")
                               (concat nm " (" abbrev ")")
                               nm))))
             (found (seq-find fits (funcall shapes name))))
        (or found
            (let ((short (funcall shapes (describe-char-eldoc--truncate name width))))
              (or (seq-find fits short) (car (last short)))))))))

(defun describe-char-eldoc (callback &rest _) "Summarize the character after point for eldoc: nil for ASCII, control characters and at the end.
CALLBACK is accepted as eldoc passes it; the summary is returned."
  (ignore callback)
  (let* ((c (following-char))
         (multiline (and (boundp 'eldoc-echo-area-use-multiline-p)
                         eldoc-echo-area-use-multiline-p))
         (room (unless (eq multiline t)
                 (- (window-width (minibuffer-window)) 1))))
    (unless (or (eq c 0) (<= 32 c 127))
      (describe-char-eldoc--format c room))))

(provide 'descr-text)

;;; descr-text.el ends here
