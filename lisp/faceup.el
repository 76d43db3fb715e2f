;;; faceup.el --- Font Lock results as marked-up text, for regression tests  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;; A fontified text is written as plain text where each stretch carrying a
;; property is wrapped in a pair of guillemets: «HEADER:text».  HEADER names
;; the value: a face with a one-letter name in `faceup-face-short-alist' is
;; that letter ("«k:defun»"), any other value of the default property is
;; its printed form between colons ("«:(:weight bold):x»"), and a value of
;; another property is preceded by that property in parentheses
;; ("«(help-echo):\"tip\":x»").  A literal guillemet in the text is written
;; doubled with an opening one in front: «« and «».  Several faces at one
;; place nest, the face that wins (first in the property's list) innermost.
;;
;; The tests call `faceup-test-font-lock-buffer', `-string' or `-file', which
;; fontify a text under a major mode and compare its markup with the
;; expected one; `faceup-defexplainer' gives ERT a line-by-line account of a
;; mismatch.

;;; Code:

(defvar faceup-markup-start-char 171 "The character that opens a marked-up stretch (a left guillemet).")

(defvar faceup-markup-end-char 187 "The character that closes a marked-up stretch (a right guillemet).")

(defvar faceup-default-property 'face "The text property whose markup does not name the property.")

(defvar faceup-face-like-properties '(face font-lock-face) "Text properties whose values are faces or lists of faces.
Their values are split into single faces, and faces with a short name are
written with it.")

(defvar faceup-properties '(face) "The text properties that markup shows.
When several start at one place, the earlier in this list is nested inside.")

(defvar faceup-test-explain nil "When non-nil, the comparing functions return an explanation instead of nil.")

(defvar faceup-face-short-alist
  ;; Written letter first, as markup shows them; the variable holds (FACE . LETTER).
  (mapcar (lambda (pair) (cons (cdr pair) (car pair)))
          '(("B" . bold) ("Q" . bold-italic) ("D" . default) ("E" . error)
            ("H" . highlight) ("I" . italic) ("U" . underline) ("W" . warning)
            ("b" . font-lock-builtin-face) ("m" . font-lock-comment-delimiter-face)
            ("x" . font-lock-comment-face) ("c" . font-lock-constant-face)
            ("d" . font-lock-doc-face) ("f" . font-lock-function-name-face)
            ("k" . font-lock-keyword-face) ("n" . font-lock-negation-char-face)
            ("p" . font-lock-preprocessor-face) ("h" . font-lock-regexp-grouping-backslash)
            ("o" . font-lock-regexp-grouping-construct) ("s" . font-lock-string-face)
            ("t" . font-lock-type-face) ("v" . font-lock-variable-name-face)
            ("w" . font-lock-warning-face)))
  "Faces that markup writes with a short name, as (FACE . NAME).")

;;;; Values

(defun faceup--keyword-pairs (plist) "The keyword/value pairs at the head of PLIST as (KEY VALUE) lists, the last first.
The walk stops at the first element that is not a keyword; a keyword
without a value gets nil."
  (let (pairs)
    (while (and (consp plist) (keywordp (car plist)))
      (push (list (car plist) (car-safe (cdr plist))) pairs)
      (setq plist (cdr-safe (cdr plist))))
    pairs))

(defun faceup-normalize-face-property (value) "Split the face property VALUE into a flat list of single faces.
Strings become symbols, an attribute list becomes one (KEY VALUE) list per
attribute (the last attribute first), the old (foreground-color . C) and
(background-color . C) forms become (:foreground C) and (:background C),
and nil elements are dropped.  Anything else is an error."
  (pcase value
    ('nil nil)
    ((pred stringp) (list (intern value)))
    ((pred symbolp) (list value))
    (`(foreground-color . ,color) `((:foreground ,color)))
    (`(background-color . ,color) `((:background ,color)))
    (`(,(pred keywordp) . ,_) (faceup--keyword-pairs value))
    ((pred consp) (faceup--flatten-faces value))
    (_ (error "Unexpected text property %S" value))))

(defun faceup--flatten-faces (faces) "The single faces of the list FACES, each element split in turn.
An attribute list inside FACES ends it; a dotted tail counts as a last element."
  (cond ((null faces) nil)
        ((atom faces) (faceup-normalize-face-property faces))
        ((keywordp (car faces)) (faceup--keyword-pairs faces))
        (t (append (faceup-normalize-face-property (car faces))
                   (faceup--flatten-faces (cdr faces))))))

(defun faceup--items (prop value) "The markup items of text property PROP when its value is VALUE, innermost first."
  (cond ((memq prop faceup-face-like-properties) (faceup-normalize-face-property value))
        (value (list value))))

(defun faceup--same-item-p (prop a b) "Non-nil if A and B are the same item of property PROP.
Faces are compared by contents, other values by identity."
  (if (memq prop faceup-face-like-properties) (equal a b) (eq a b)))

;;;; Looking at a buffer's properties

(defun faceup-get-text-properties (pos) "An alist (PROPERTY . VALUE) of the properties of `faceup-properties' set at POS.
The last property of the list comes first."
  (nreverse
   (delq nil (mapcar (lambda (prop)
                       (let ((value (get-text-property pos prop)))
                         (and value (cons prop (if (memq prop faceup-face-like-properties)
                                                   (faceup-normalize-face-property value)
                                                 value)))))
                     faceup-properties))))

(defun faceup-has-any-text-property (pos) "Non-nil if one of `faceup-properties' is set at POS."
  (and (faceup-get-text-properties pos) t))

(defun faceup-next-single-property-change (pos) "The first position after POS where one of `faceup-properties' changes, or nil."
  (let ((changes (delq nil (mapcar (lambda (prop) (next-single-property-change pos prop))
                                   faceup-properties))))
    (and changes (apply #'min changes))))

(defun faceup-next-property-change (pos) "The first position after POS where the markup of the buffer may change, or nil."
  (faceup-next-single-property-change pos))

;;;; Writing markup

(defun faceup-copy-and-quote (start end to-buffer) "Insert the text from START to END into TO-BUFFER at its point, quoting guillemets.
Each markup character gets an opening guillemet in front of it.  The text
is copied without its properties."
  (let ((text (buffer-substring-no-properties start end))
        (special (concat "[" (string faceup-markup-start-char faceup-markup-end-char) "]")))
    (with-current-buffer to-buffer
      (let ((from 0))
        (while (string-match special text from)
          (insert (substring text from (match-beginning 0))
                  faceup-markup-start-char (aref text (match-beginning 0)))
          (setq from (match-end 0)))
        (insert (substring text from)))))
  nil)

(defun faceup--header (prop item) "The opening of a marked-up stretch where PROP has the single value ITEM."
  (let ((short (and (memq prop faceup-face-like-properties)
                    (symbolp item)
                    (cdr (assq item faceup-face-short-alist)))))
    (concat (string faceup-markup-start-char)
            (cond ((not (eq prop faceup-default-property)) (format "(%S):" prop))
                  ((null short) ":"))
            (or short (prin1-to-string item))
            ":")))

(defun faceup--wanted (pos) "The (PROPERTY . ITEM) entries at POS, outermost first, in the order they would open."
  (nreverse (mapcan (lambda (prop)
                      (mapcar (lambda (item) (cons prop item))
                              (faceup--items prop (get-text-property pos prop))))
                    faceup-properties)))

(defun faceup--settle (open wanted to-buffer) "Close and open stretches in TO-BUFFER so that WANTED entries are open; return them.
OPEN holds the open (PROPERTY . ITEM) entries innermost first.  An open
entry stays when, property by property, the open entries are the head of
the wanted ones in nesting order; the first that is not, and everything
inside it, is closed.  Missing entries then open, the properties late in
`faceup-properties' first."
  (let ((queues (mapcar (lambda (prop)
                          (cons prop (mapcar #'cdr (seq-filter (lambda (e) (eq (car e) prop)) wanted))))
                        faceup-properties))
        (kept 0))
    ;; From the outside in: how many open entries still fit.
    (catch 'mismatch
      (dolist (entry (reverse open))
        (let ((queue (assq (car entry) queues)))
          (if (and queue (cdr queue) (faceup--same-item-p (car entry) (cadr queue) (cdr entry)))
              (progn (setcdr queue (cddr queue)) (setq kept (1+ kept)))
            (throw 'mismatch nil)))))
    (with-current-buffer to-buffer
      (while (> (length open) kept)
        (insert faceup-markup-end-char)
        (setq open (cdr open)))
      (dolist (queue (reverse queues))
        (dolist (item (cdr queue))
          (insert (faceup--header (car queue) item))
          (push (cons (car queue) item) open))))
    open))

(defun faceup-markup-to-buffer (to-buffer &optional buffer) "Insert the markup of BUFFER (default the current one) into TO-BUFFER at its point."
  (with-current-buffer (or buffer (current-buffer))
    (let ((pos (point-min)) (open '()))
      (while (< pos (point-max))
        (setq open (faceup--settle open (faceup--wanted pos) to-buffer))
        (let ((next (or (faceup-next-property-change pos) (point-max))))
          (faceup-copy-and-quote pos next to-buffer)
          (setq pos next)))
      (with-current-buffer to-buffer
        (insert (make-string (length open) faceup-markup-end-char)))))
  nil)

(defun faceup--into-string (fill &optional source) "Call FILL with a scratch buffer and SOURCE (default the current buffer); return what it put there."
  (let ((from (or source (current-buffer))))
    (with-temp-buffer (funcall fill (current-buffer) from) (buffer-string))))

(defun faceup--on-text (text function) "Call FUNCTION with no arguments in a scratch buffer holding TEXT; return its value."
  (with-temp-buffer (insert text) (funcall function)))

(defun faceup-markup-buffer () "The markup of the current buffer's text, as a string."
  (faceup--into-string #'faceup-markup-to-buffer))

(defun faceup-markup-string (s) "The markup of the string S and its text properties."
  (faceup--on-text s #'faceup-markup-buffer))

;;;; Reading markup

(defun faceup--short-face (letter) "The face whose short name is the one-character string LETTER, or nil."
  (car (rassoc letter faceup-face-short-alist)))

(defun faceup--delimited-text () "Step over the character at point, the expression after it and the character after that; return the expression's text.
What an expression covers is up to the current syntax table."
  (forward-char 1)
  (prog1 (buffer-substring-no-properties (point) (progn (forward-sexp 1) (point)))
    (forward-char 1)))

(defun faceup--read-header () "Read the header of a marked-up stretch after its opening guillemet; return (PROPERTY . VALUE).
Point ends after the header's closing colon: a parenthesised property
comes first if there is one, then either `:' and a value read as Lisp,
or a one-letter face name."
  (let* ((prop (if (eq (char-after) ?\()
                   (intern (faceup--delimited-text))
                 faceup-default-property))
         (value (if (eq (char-after) ?:)
                    (car (read-from-string (faceup--delimited-text)))
                  (prog1 (faceup--short-face (string (following-char)))
                    (forward-char 2)))))
    (cons prop value)))

(defun faceup--add-value (prop value start end) "Give the text from START to END property PROP's VALUE, in front of what each part already has."
  (while (< start end)
    (let ((stop (next-single-property-change start prop nil end))
          (old (get-text-property start prop)))
      (put-text-property start stop prop
                         (if (null old)
                             value
                           (cons value (if (and (consp old) (not (keywordp (car old)))) old (list old)))))
      (setq start stop))))

(defun faceup-render-to-buffer (to-buffer &optional buffer) "Insert the text that the markup in BUFFER describes into TO-BUFFER, with its properties.
BUFFER defaults to the current one; the text goes in at TO-BUFFER's point."
  (let ((plain (concat "^" (string faceup-markup-start-char faceup-markup-end-char)))
        (chunks '()) (size 0) (stretches '()) (open '()))
    ;; First the text and the stretches (PROPERTY VALUE START END) as offsets into it ...
    (with-current-buffer (or buffer (current-buffer))
      (save-excursion
        (goto-char (point-min))
        (while (not (eobp))
          (let ((from (point)))
            (skip-chars-forward plain)
            (when (> (point) from)
              (push (buffer-substring-no-properties from (point)) chunks)
              (setq size (+ size (- (point) from)))))
          (unless (eobp)
            (let ((c (following-char)))
              (forward-char 1)
              (cond ((= c faceup-markup-end-char)
                     (when open (setcar (nthcdr 3 (pop open)) size)))
                    ((memq (char-after) (list faceup-markup-start-char faceup-markup-end-char))
                     (push (string (following-char)) chunks)
                     (setq size (1+ size))
                     (forward-char 1))
                    (t
                     (let* ((header (faceup--read-header))
                            (stretch (list (car header) (cdr header) size nil)))
                       (push stretch stretches)
                       (push stretch open)))))))))
    ;; ... then the properties, outer stretches first, each in front of what is there.
    (with-current-buffer to-buffer
      (let ((base (point)))
        (insert (apply #'concat (nreverse chunks)))
        (dolist (stretch (nreverse stretches))
          (faceup--add-value (nth 0 stretch) (nth 1 stretch)
                             (+ base (nth 2 stretch)) (+ base (or (nth 3 stretch) size)))))))
  nil)

(defun faceup-render-to-string (&optional buffer) "The text, with properties, that the markup in BUFFER (default the current one) describes."
  (faceup--into-string #'faceup-render-to-buffer buffer))

(defun faceup-render-string (faceup) "The text, with properties, that the markup string FACEUP describes."
  (faceup--on-text faceup #'faceup-render-to-string))

(defun faceup-clean-buffer () "Remove the markup from the current buffer, keeping the text it marks up."
  (interactive)
  (let ((special (concat "[" (string faceup-markup-start-char faceup-markup-end-char) "]")))
    (goto-char (point-min))
    (while (re-search-forward special nil t)
      (let ((at (match-beginning 0)))
        (cond ((= (char-before) faceup-markup-end-char)
               (delete-region at (point)))
              ((memq (char-after) (list faceup-markup-start-char faceup-markup-end-char))
               ;; A quoted guillemet: drop the quote, keep the character.
               (delete-region at (point))
               (forward-char 1))
              (t
               (faceup--read-header)
               (delete-region at (point)))))))
  (goto-char (point-max))
  nil)

(defun faceup-clean-string (s) "S without its markup."
  (faceup--on-text s (lambda () (faceup-clean-buffer) (buffer-string))))

;;;; Viewing and saving

(defun faceup--show (name fill source) "Empty the buffer NAME, call FILL with it and SOURCE, and display it."
  (let ((view (get-buffer-create name)))
    (with-current-buffer view (erase-buffer) (funcall fill view source))
    (display-buffer view)))

(defun faceup-view-buffer () "Show the markup of the current buffer in the buffer *FaceUp*."
  (interactive)
  (faceup--show "*FaceUp*" #'faceup-markup-to-buffer (current-buffer)))

(defun faceup-render-view-buffer (&optional buffer) "Show what the markup in BUFFER (default the current one) describes, in *FaceUp rendering*."
  (interactive)
  (faceup--show "*FaceUp rendering*" #'faceup-render-to-buffer (or buffer (current-buffer))))

(defun faceup-write-file (&optional file-name confirm) "Save the markup of the current buffer in FILE-NAME.
FILE-NAME defaults to the visited file's name with \".faceup\" added.
When CONFIRM is non-nil, ask before overwriting an existing file."
  (interactive
   (let ((suggested (and (buffer-file-name) (concat (buffer-file-name) ".faceup"))))
     (list (read-file-name "Write faceup file: " default-directory suggested nil
                           (and suggested (file-name-nondirectory suggested)))
           (not current-prefix-arg))))
  (let ((target (or file-name (concat (buffer-file-name) ".faceup"))))
    (faceup--on-text (faceup-markup-buffer) (lambda () (write-file target confirm)))))

;;;; Tests

(defun faceup--line-differences (lhs rhs) "How the lines of the strings LHS and RHS differ, as `faceup-test-equal' explains it."
  (let* ((left (split-string lhs "\n"))
         (right (split-string rhs "\n"))
         (n 0)
         (mismatches (delq nil (mapcar (lambda (text)
                                         (let ((other (nth n right)))
                                           (setq n (1+ n))
                                           (unless (equal text other)
                                             (list 'on-line n (list text) (list other)))))
                                       left))))
    (if (= (length left) (length right))
        mismatches
      `(,(length right) ,(length left) number-of-lines-differ ,@mismatches))))

(defun faceup-test-equal (lhs rhs) "Non-nil if the markup strings LHS and RHS are equal.
When they differ and `faceup-test-explain' is non-nil, return a list of
the lines that differ instead of nil."
  (cond ((equal lhs rhs) t)
        (faceup-test-explain (faceup--line-differences lhs rhs))))

(defmacro faceup-defexplainer (function) "Give FUNCTION an ERT explainer, FUNCTION-explainer, that calls it with `faceup-test-explain' on."
  (let ((explainer (intern (concat (symbol-name function) "-explainer"))))
    `(progn
       (defun ,explainer (&rest args)
         (let ((faceup-test-explain t))
           (apply ',function args)))
       (put ',function 'ert-explainer ',explainer))))

(faceup-defexplainer faceup-test-equal)

(defun faceup-test-font-lock-buffer (mode faceup &optional buffer) "Fontify BUFFER (default the current one) under major MODE and compare its markup with FACEUP.
The buffer is left in MODE, fontified.  Return t when they agree."
  (with-current-buffer (or buffer (current-buffer))
    (funcall mode) (font-lock-ensure (point-min) (point-max))
    (faceup-test-equal faceup (faceup-markup-buffer))))

(faceup-defexplainer faceup-test-font-lock-buffer)

(defun faceup-test-font-lock-string (mode faceup) "Fontify the text of the markup FACEUP under major MODE and compare the result with FACEUP."
  (faceup--on-text (faceup-clean-string faceup) (lambda () (faceup-test-font-lock-buffer mode faceup))))

(faceup-defexplainer faceup-test-font-lock-string)

(defun faceup--file-text (file) "The contents of FILE, decoded."
  (faceup--on-text "" (lambda () (insert-file-contents file) (buffer-string))))

(defun faceup-test-font-lock-file (mode file &optional faceup-file) "Fontify FILE under major MODE and compare its markup with the contents of FACEUP-FILE.
FACEUP-FILE defaults to FILE with \".faceup\" added."
  (let ((expected (faceup--file-text (or faceup-file (concat file ".faceup")))))
    (faceup--on-text (faceup--file-text file) (lambda () (faceup-test-font-lock-buffer mode expected)))))

(faceup-defexplainer faceup-test-font-lock-file)

(defun faceup-this-file-directory () "The directory of the file being loaded or evaluated, else `default-directory'."
  (let ((where (or (macroexp-file-name) buffer-file-name)))
    (if where (file-name-directory where) default-directory)))

(provide 'faceup)
;;; faceup.el ends here
