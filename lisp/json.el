;;; json.el --- JSON reading and writing in Lisp  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the
;; native json-parse-string and friends are primitives, see json.ts).
;; This library reads JSON from the current buffer with Lisp-level
;; customisation (object and array representations, key types, hooks
;; around each element) and writes any Lisp data as JSON text.

;;; Code:

;; GNU's json loads these too; the pretty-printer needs subr-x.
(require 'map)
(require 'subr-x)

;;;; Options

(defvar json-object-type 'alist
  "What a JSON object reads as: the symbol `alist', `plist' or `hash-table'.")

(defvar json-array-type 'vector
  "What a JSON array reads as: the symbol `vector' or `list'.")

(defvar json-key-type nil
  "What object keys read as: `string', `symbol' or `keyword'.
nil picks by `json-object-type': symbols in alists, keywords in
plists, strings in hash tables.")

(defvar json-false :json-false
  "The Lisp value standing for JSON's false, both ways.")

(defvar json-null nil
  "The Lisp value standing for JSON's null, both ways.")

(defvar json-encoding-separator ","
  "The text put between the members of an array or object.")

(defvar json-encoding-default-indentation "  "
  "One level of indentation in pretty-printed output.")

(defvar json-pre-element-read-function nil
  "nil, or a function called with the key or index of each element before it is read.")

(defvar json-post-element-read-function nil
  "nil, or a function called with no argument after each element has been read.")

(defvar json-encoding-pretty-print nil
  "Non-nil means the encoder breaks lines and indents.")

(defvar json-encoding-lisp-style-closings nil
  "Non-nil means closing brackets stay on the line of the last member when pretty-printing.")

(defvar json-encoding-object-sort-predicate nil
  "nil, or a predicate on two keys that orders the members of encoded objects.")

(defvar json--path nil
  "Scratch list for hooks that record where in the text each element was read.")

(defvar json-pretty-print-max-secs 2.0
  "How long `json-pretty-print' may spend keeping point and markers in place.")

(defconst json-keywords '("true" "false" "null")
  "The words that JSON reads as constants.")

(defconst json-special-chars
  '((?\" . ?\") (?\\ . ?\\) (?b . ?\b) (?f . ?\f) (?n . ?\n) (?r . ?\r) (?t . ?\t))
  "Single-letter string escapes of JSON and the characters they stand for.")

;;;; Errors

;; The C-level json-error family exists already; the library redefines
;; json-error's message and json-end-of-file's place under end-of-file.
(define-error 'json-error "Unknown JSON error")
(define-error 'json-readtable-error "JSON readtable error" 'json-error)
(define-error 'json-unknown-keyword "Unrecognized keyword" 'json-error)
(define-error 'json-number-format "Invalid number format" 'json-error)
(define-error 'json-string-escape "Bad Unicode escape" 'json-error)
(define-error 'json-string-format "Bad string format" 'json-error)
(define-error 'json-key-format "Bad JSON object key" 'json-error)
(define-error 'json-object-format "Bad JSON object" 'json-error)
(define-error 'json-array-format "Bad JSON array" 'json-error)
(define-error 'json-end-of-file "End of file while parsing JSON"
  '(end-of-file json-error))

;;;; Moving over the text

(defun json-peek ()
  "Give the character after point, or 0 at the end of the buffer."
  (following-char))

(defun json-advance (&optional n)
  "Move N characters (default one) forward."
  (forward-char n))

(defun json-pop ()
  "Give the character after point and move past it; at the end, signal `json-end-of-file'."
  (let ((c (char-after)))
    (unless c (signal 'json-end-of-file ()))
    (forward-char 1)
    c))

(defun json-skip-whitespace ()
  "Move over JSON whitespace (space, tab, newline, return); give the distance moved."
  (skip-chars-forward " \t\n\r"))

(defun json-join (strings separator)
  "Join STRINGS with SEPARATOR between them."
  (mapconcat #'identity strings separator))

(defun json--at-delimiter-p ()
  "Non-nil when the text after point may follow a number or keyword."
  (or (eobp) (memq (char-after) '(?\s ?\t ?\n ?\r ?, ?\] ?}))))

;;;; Reading

(defun json-read-keyword (keyword)
  "Read the word at point, which must be KEYWORD (\"true\", \"false\" or \"null\"), and give its value."
  (let* ((start (point))
         (word (progn (skip-syntax-forward "w") (buffer-substring-no-properties start (point)))))
    (unless (and (equal word keyword) (json--at-delimiter-p))
      (signal 'json-unknown-keyword (list word)))
    (cond ((equal word "true") t)
          ((equal word "false") json-false)
          (t json-null))))

(defconst json--number-regexp
  "-?\\(?:0\\|[1-9][0-9]*\\)\\(\\.[0-9]+\\)?\\([Ee][+-]?[0-9]+\\)?"
  "A JSON number; group 1 is the fraction, group 2 the exponent.")

(defun json-read-number (&optional _integer-part)
  "Read the JSON number at point."
  (unless (looking-at json--number-regexp)
    (signal 'json-number-format (list (point))))
  (let ((text (match-string-no-properties 0))
        (floatp (or (match-beginning 1) (match-beginning 2))))
    (goto-char (match-end 0))
    (unless (json--at-delimiter-p)
      (signal 'json-number-format (list (point))))
    (if floatp
        (float (string-to-number text))
      (string-to-number text))))

(defun json--read-hex4 ()
  "Read four hexadecimal digits at point as a number, or signal `json-string-escape'."
  (unless (looking-at "[0-9A-Fa-f]\\{4\\}")
    (signal 'json-string-escape (list (point))))
  (goto-char (match-end 0))
  (string-to-number (match-string-no-properties 0) 16))

(defun json-read-escaped-char ()
  "Read the escape whose backslash is at point and give the character it stands for."
  (json-advance)
  (let* ((c (json-pop))
         (simple (assq c json-special-chars)))
    (cond (simple (cdr simple))
          ((/= c ?u) c)
          (t
           (let ((code (json--read-hex4)))
             ;; A high surrogate joins a following \u low surrogate.
             (if (and (<= #xD800 code #xDBFF) (looking-at "\\\\u[dD][c-fC-F]"))
                 (progn (forward-char 2)
                        (+ #x10000 (ash (- code #xD800) 10) (- (json--read-hex4) #xDC00)))
               code))))))

(defun json-read-string ()
  "Read the JSON string starting at point (just before its opening quote)."
  (json-advance)
  (let ((pieces ()) (start (point)) c)
    (while (not (eq (setq c (char-after)) ?\"))
      (cond ((null c) (signal 'json-end-of-file ()))
            ((eq c ?\\)
             (push (buffer-substring-no-properties start (point)) pieces)
             (push (string (json-read-escaped-char)) pieces)
             (setq start (point)))
            ((< c 32) (signal 'json-string-format (list c)))
            (t (forward-char 1))))
    (push (buffer-substring-no-properties start (point)) pieces)
    (forward-char 1)
    (apply #'concat (nreverse pieces))))

(defun json--key (name)
  "The Lisp key for the object key NAME (a string), after `json-key-type' and `json-object-type'."
  (let ((type (or json-key-type
                  (cdr (assq json-object-type '((alist . symbol) (plist . keyword) (hash-table . string)))))))
    (pcase type
      ('string name)
      ('symbol (intern name))
      ('keyword (intern (concat ":" name)))
      (_ name))))

(defun json-new-object ()
  "Make an empty object of the kind `json-object-type' names."
  (if (eq json-object-type 'hash-table)
      (make-hash-table :test #'equal)
    nil))

(defun json-add-to-object (object key value)
  "Give OBJECT with KEY (a string) mapped to VALUE; lists get the new member in front."
  (let ((k (json--key key)))
    (pcase json-object-type
      ('hash-table (puthash k value object) object)
      ('alist (cons (cons k value) object))
      ('plist (cons k (cons value object)))
      (_ object))))

(defun json--element (key)
  "Read one element under KEY, running the element hooks around it."
  (when json-pre-element-read-function
    (funcall json-pre-element-read-function key))
  (prog1 (json-read)
    (when json-post-element-read-function
      (funcall json-post-element-read-function))))

(defun json--separator (closer kind)
  "After an element: move over a comma, or stop before CLOSER; else signal KIND."
  (json-skip-whitespace)
  (unless (eq (json-peek) closer)
    (unless (eq (json-peek) ?,)
      (signal kind (list "," (json-peek))))
    ;; No whitespace is skipped here: only the closer right after the comma ends the loop.
    (json-advance)))

(defun json-read-object ()
  "Read the JSON object at point."
  (json-advance)
  (json-skip-whitespace)
  (let ((members ()))
    (while (not (eq (json-peek) ?}))
      (json-skip-whitespace)
      (let ((name (json-read-string)))
        (json-skip-whitespace)
        (unless (eq (json-peek) ?:)
          (signal 'json-object-format (list ":" (json-peek))))
        (json-advance)
        (json-skip-whitespace)
        (push (cons name (json--element name)) members)
        (json--separator ?} 'json-object-format)))
    (json-advance)
    (if (memq json-object-type '(alist plist))
        ;; Members were collected newest first: adding them in that order keeps the text's order.
        (let ((object (json-new-object)))
          (dolist (m members object)
            (setq object (json-add-to-object object (car m) (cdr m)))))
      (let ((object (json-new-object)))
        (dolist (m (nreverse members) object)
          (setq object (json-add-to-object object (car m) (cdr m))))))))

(defun json-read-array ()
  "Read the JSON array at point."
  (json-advance)
  (json-skip-whitespace)
  (let ((items ()) (i 0))
    (while (not (eq (json-peek) ?\]))
      (push (json--element i) items)
      (setq i (1+ i))
      (json--separator ?\] 'json-array-format))
    (json-advance)
    (pcase json-array-type
      ('vector (vconcat (nreverse items)))
      ('list (nreverse items)))))

(defun json-read ()
  "Read the JSON value after point (whitespace first is skipped) and move past it."
  (json-skip-whitespace)
  (let ((c (json-peek)))
    (cond ((eq c 0) (signal 'json-end-of-file ()))
          ((eq c ?{) (json-read-object))
          ((eq c ?\[) (json-read-array))
          ((eq c ?\") (json-read-string))
          ((or (eq c ?-) (<= ?0 c ?9)) (json-read-number))
          ((eq c ?t) (json-read-keyword "true"))
          ((eq c ?f) (json-read-keyword "false"))
          ((eq c ?n) (json-read-keyword "null"))
          (t (signal 'json-readtable-error (list c))))))

(defun json-read-from-string (string)
  "Read the first JSON value in STRING."
  (with-temp-buffer
    (insert string)
    (goto-char (point-min))
    (json-read)))

(defun json-read-file (file)
  "Read the first JSON value in the file FILE."
  (with-temp-buffer
    (insert-file-contents file)
    (goto-char (point-min))
    (json-read)))

;;;; Writing

(defvar json--indent-level 0
  "How many levels deep the pretty-printer is.")

(defun json--newline-indent (level)
  "A newline and LEVEL levels of indentation, when pretty-printing; else the empty string."
  (if json-encoding-pretty-print
      (concat "\n" (apply #'concat (make-list level json-encoding-default-indentation)))
    ""))

(defun json--wrap (open items close)
  "The text OPEN, the encoded ITEMS (strings) and CLOSE, laid out as the options say."
  (if (null items)
      (concat open close)
    (let ((inner (1+ json--indent-level)))
      (concat open
              (mapconcat (lambda (item) (concat (json--newline-indent inner) item))
                         items json-encoding-separator)
              (if json-encoding-lisp-style-closings "" (json--newline-indent json--indent-level))
              close))))

(defun json--nested (fn &rest args)
  "Call FN with ARGS one indentation level deeper."
  (let ((json--indent-level (1+ json--indent-level)))
    (apply fn args)))

(defun json-encode-string (string)
  "Give STRING (or a symbol's name, or a number's text) as a JSON string literal."
  (let ((s (format "%s" string)))
    (concat "\""
            (replace-regexp-in-string
             "[\"\\\\[:cntrl:]]"
             (lambda (m)
               (let ((c (aref m 0)))
                 (cond ((car (rassq c json-special-chars))
                        (string ?\\ (car (rassq c json-special-chars))))
                       ((< c 32) (format "\\u%04x" c))
                       (t m))))
             s t t)
            "\"")))

(defun json-encode-keyword (keyword)
  "Give the JSON word for KEYWORD when it is t, `json-false' or `json-null'; else nil."
  (cond ((eq keyword t) "true")
        ((eq keyword json-false) "false")
        ((eq keyword json-null) "null")))

(defun json-encode-key (key)
  "Give KEY (a string or symbol; a keyword loses its colon) as a JSON object key."
  (cond ((stringp key) (json-encode-string key))
        ((keywordp key) (json-encode-string (substring (symbol-name key) 1)))
        ((symbolp key) (json-encode-string (symbol-name key)))
        (t (signal 'json-key-format (list key)))))

(defun json-encode-number (number)
  "Give NUMBER as JSON text."
  (format "%s" number))

(defun json--encode-members (pairs)
  "Encode PAIRS, a list of (KEY . VALUE), as a JSON object, sorted when asked."
  (when json-encoding-object-sort-predicate
    (setq pairs (sort (copy-sequence pairs)
                      (lambda (a b) (funcall json-encoding-object-sort-predicate (car a) (car b))))))
  (let ((colon (if json-encoding-pretty-print ": " ":")))
    (json--wrap "{"
                (mapcar (lambda (p)
                          (concat (json-encode-key (car p)) colon
                                  (json--nested #'json-encode (cdr p))))
                        pairs)
                "}")))

(defun json-encode-alist (alist)
  "Give ALIST as a JSON object."
  (json--encode-members
   (mapcar (lambda (p) (if (consp p) p (list p))) alist)))

(defun json-encode-plist (plist)
  "Give PLIST as a JSON object."
  (let ((pairs ()))
    (while plist
      (push (cons (car plist) (cadr plist)) pairs)
      (setq plist (cddr plist)))
    (json--encode-members (nreverse pairs))))

(defun json-encode-hash-table (table)
  "Give TABLE as a JSON object."
  (let ((pairs ()))
    (maphash (lambda (k v) (push (cons k v) pairs)) table)
    (json--encode-members (nreverse pairs))))

(defun json-encode-array (array)
  "Give the elements of the sequence ARRAY as a JSON array."
  (json--wrap "[" (mapcar (lambda (x) (json--nested #'json-encode x)) array) "]"))

(defun json-alist-p (list)
  "Non-nil if LIST is a proper list of conses."
  (while (and (consp list) (consp (car list)))
    (setq list (cdr list)))
  (null list))

(defun json-plist-p (list)
  "Non-nil if LIST is a proper list alternating keywords and values."
  (while (and (consp list) (keywordp (car list)) (consp (cdr list)))
    (setq list (cddr list)))
  (null list))

(defun json-encode-list (list)
  "Give LIST as a JSON object if it is an alist or plist, else as an array."
  (cond ((json-alist-p list) (json-encode-alist list))
        ((json-plist-p list) (json-encode-plist list))
        ((listp list) (json-encode-array list))
        (t (signal 'json-error (list list)))))

(defun json-encode (object)
  "Give the JSON text of OBJECT."
  (cond ((json-encode-keyword object))
        ;; nil that is not json-null is the empty alist.
        ((null object) (json-encode-list object))
        ((keywordp object) (json-encode-string (substring (symbol-name object) 1)))
        ((symbolp object) (json-encode-string (symbol-name object)))
        ((numberp object) (json-encode-number object))
        ((stringp object) (json-encode-string object))
        ((hash-table-p object) (json-encode-hash-table object))
        ((listp object) (json-encode-list object))
        ((arrayp object) (json-encode-array object))
        (t (signal 'json-error (list object)))))

;;;; Pretty-printing

(defun json-pretty-print (begin end &optional minimize)
  "Lay out each JSON value between BEGIN and END with line breaks and indentation.
With MINIMIZE, write them as compactly as possible instead."
  (interactive "r\nP")
  (let ((json-encoding-pretty-print (null minimize))
        (json-object-type 'alist)
        (json-array-type 'vector)
        (json-key-type 'string)
        ;; Distinct from nil, so that {} (read as nil) is written back as {}.
        (json-null :json-null)
        (json-false :json-false)
        (stop (copy-marker end)))
    (save-excursion
      (goto-char begin)
      (catch 'done
        (while (progn (json-skip-whitespace) (< (point) stop))
          (let* ((from (point))
                 (value (condition-case nil
                            (save-restriction
                              (narrow-to-region (point-min) stop)
                              (json-read))
                          (json-end-of-file (throw 'done nil))))
                 (text (json-encode value))
                 (to (point-marker)))
            (replace-region-contents from to (lambda () text) json-pretty-print-max-secs)
            (goto-char to)
            (set-marker to nil)))))
    (set-marker stop nil)))

(defun json-pretty-print-buffer (&optional minimize)
  "Pretty-print the JSON values of the whole buffer (with MINIMIZE, minimize them)."
  (interactive "P")
  (json-pretty-print (point-min) (point-max) minimize))

(defun json-pretty-print-ordered (begin end &optional minimize)
  "Like `json-pretty-print' between BEGIN and END, with object members sorted by key; MINIMIZE as there."
  (interactive "r\nP")
  (let ((json-encoding-object-sort-predicate #'string<))
    (json-pretty-print begin end minimize)))

(defun json-pretty-print-buffer-ordered (&optional minimize)
  "Like `json-pretty-print-buffer', with object members sorted by key; MINIMIZE as there."
  (interactive "P")
  (json-pretty-print-ordered (point-min) (point-max) minimize))

(provide 'json)

;;; json.el ends here
