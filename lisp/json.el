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

;;;; User options

;; Each option on one line: name, default, what it means.
(defvar json-object-type 'alist "How objects read: `alist', `plist' or `hash-table'.")
(defvar json-array-type 'vector "How arrays read: `vector' or `list'.")
(defvar json-key-type nil "How object keys read: `string', `symbol', `keyword', or nil for the object type's usual kind.")
(defvar json-false :json-false "Lisp's stand-in for JSON false, when reading and writing.")
(defvar json-null nil "Lisp's stand-in for JSON null, when reading and writing.")
(defvar json-encoding-separator "," "Text between two members of an encoded array or object.")
(defvar json-encoding-default-indentation "  " "One step of indentation in pretty output.")
(defvar json-pre-element-read-function nil "Called with each element's key or index before reading it, unless nil.")
(defvar json-post-element-read-function nil "Called without arguments after reading each element, unless nil.")
(defvar json-encoding-pretty-print nil "Non-nil: encoded text gets line breaks and indentation.")
(defvar json-encoding-lisp-style-closings nil "Non-nil: pretty output closes brackets on the last member's line.")
(defvar json-encoding-object-sort-predicate nil "Non-nil: a predicate on keys by which encoded members are ordered.")
(defvar json--path nil "Scratch list for hooks that record where in the text each element was read.")
(defvar json-pretty-print-max-secs 2.0 "Seconds `json-pretty-print' may spend keeping point and markers in place.")

(defconst json-keywords (list "true" "false" "null") "The three words JSON reads as constants.")

(defconst json-special-chars
  (mapcar (lambda (c) (cons (aref c 0) (aref c 1)))
          '("\"\"" "\\\\" "b\b" "f\f" "n\n" "r\r" "t\t"))
  "JSON's one-letter string escapes, each with the character it stands for.")

;;;; Errors

;; json-error and its parse errors come from the primitives; loading the library
;; gives json-error its own message and puts json-end-of-file under end-of-file.
(define-error 'json-error "Unknown JSON error")
(dolist (e '((json-readtable-error . "JSON readtable error")
             (json-unknown-keyword . "Unrecognized keyword")
             (json-number-format . "Invalid number format")
             (json-string-escape . "Bad Unicode escape")
             (json-string-format . "Bad string format")
             (json-key-format . "Bad JSON object key")
             (json-object-format . "Bad JSON object")
             (json-array-format . "Bad JSON array")))
  (define-error (car e) (cdr e) 'json-error))
(define-error 'json-end-of-file "End of file while parsing JSON" '(end-of-file json-error))

;;;; Moving over the text

(defun json-peek () "Give the character after point, or 0 at the end of the buffer."
  (following-char))

(defun json-advance (&optional n) "Move N characters (default one) forward."
  (forward-char n))

(defun json-pop () "Give the character after point and move past it; at the end, signal `json-end-of-file'."
  (if (eobp)
      (signal 'json-end-of-file nil)
    (prog1 (following-char) (forward-char))))

(defun json-skip-whitespace () "Move over JSON whitespace (space, tab, newline, return); give the distance moved."
  (skip-chars-forward " \t\n\r"))

(defsubst json--blank () "Skip JSON whitespace after point."
  (skip-chars-forward " \t\n\r"))

(defun json-join (strings separator) "Join STRINGS with SEPARATOR between them."
  (mapconcat #'identity strings separator))

(defun json--at-delimiter-p () "Non-nil when the text after point may follow a number or keyword."
  (or (eobp) (memq (char-after) '(?\s ?\t ?\n ?\r ?, ?\] ?}))))

;;;; Reading

(defun json-read-keyword (keyword) "Read the word at point, which must be KEYWORD (\"true\", \"false\" or \"null\"), and give its value."
  (or (member keyword json-keywords)
      (signal 'json-unknown-keyword (list keyword)))
  (let* ((here (point))
         (after (progn (skip-syntax-forward "w") (point)))
         ;; The word the error names: the one at point, else one just before it.
         (word (cond ((> after here) (buffer-substring-no-properties here after))
                     ((progn (skip-syntax-backward "w") (< (point) here))
                      (buffer-substring-no-properties (point) here)))))
    (goto-char after)
    (or (and (equal word keyword) (json--at-delimiter-p))
        (signal 'json-unknown-keyword (list word)))
    (json--blank)
    (pcase word ("true" t) ("false" json-false) (_ json-null))))

(defconst json--number-regexp "-?\\(?:0\\|[1-9][0-9]*\\)\\(\\.[0-9]+\\)?\\([Ee][+-]?[0-9]+\\)?"
  "A JSON number; group 1 is the fraction, group 2 the exponent.")

(defun json-read-number (&optional _integer-part) "Read the JSON number at point."
  (let* ((ok (looking-at json--number-regexp))
         (text (and ok (match-string-no-properties 0)))
         (float (and ok (or (match-beginning 1) (match-beginning 2)))))
    (when ok (goto-char (match-end 0)))
    ;; Bad from the start, or followed by something that cannot follow a value:
    ;; either way the error names where point now is.
    (if (and ok (json--at-delimiter-p))
        (prog1 (funcall (if float #'float #'identity) (string-to-number text))
          (json--blank))
      (signal 'json-number-format (list (point))))))

(defun json--read-hex4 () "Read four hexadecimal digits at point as a number, or signal `json-string-escape'."
  (let ((here (point)))
    (if (not (looking-at "[0-9A-Fa-f]\\{4\\}"))
        (signal 'json-string-escape (list here))
      (forward-char 4)
      (string-to-number (buffer-substring-no-properties here (point)) 16))))

(defun json-read-escaped-char () "Read the escape whose backslash is at point and give the character it stands for."
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

(defun json-read-string () "Read the JSON string starting at point (just before its opening quote)."
  ;; The opening quote is not checked: whatever character is there is skipped.
  (forward-char)
  (let ((out ()))
    ;; Runs of plain characters are taken whole; escapes one at a time.
    (while (let ((from (point)))
             (skip-chars-forward "^\"\\\\\0-\37")
             (push (buffer-substring-no-properties from (point)) out)
             (pcase (char-after)
               ('nil (signal 'json-end-of-file nil))
               (?\" (forward-char) nil)
               (?\\ (push (string (json-read-escaped-char)) out) t)
               (c (signal 'json-string-format (list c))))))
    (apply #'concat (nreverse out))))

(defun json--key (name) "The Lisp key for the object key NAME (a string), after `json-key-type' and `json-object-type'."
  (let ((type (or json-key-type
                  (cdr (assq json-object-type '((alist . symbol) (plist . keyword) (hash-table . string)))))))
    (pcase type
      ('string name)
      ('symbol (intern name))
      ('keyword (intern (concat ":" name)))
      (_ name))))

(defun json--plist-nreverse (plist) "Reverse the order of the key-value pairs of PLIST, destructively."
  (let ((done ()))
    (while plist
      (let ((pair plist))
        (setq plist (cddr plist))
        (setcdr (cdr pair) done)
        (setq done pair)))
    done))

(defun json-new-object () "Make an empty object of the kind `json-object-type' names."
  (and (eq json-object-type 'hash-table) (make-hash-table :test #'equal)))

(defun json-add-to-object (object key value) "Give OBJECT with KEY (a string) mapped to VALUE; lists get the new member in front."
  (let ((k (json--key key))
        (kind json-object-type))
    (cond ((eq kind 'alist) (cons (cons k value) object))
          ((eq kind 'plist) (cons k (cons value object)))
          ((eq kind 'hash-table) (puthash k value object) object)
          (t object))))

(defun json--element (key) "Read one element under KEY, running the element hooks around it."
  (and json-pre-element-read-function (funcall json-pre-element-read-function key))
  (let ((value (json-read)))
    (and json-post-element-read-function (funcall json-post-element-read-function))
    value))

;; Arrays and objects share one loop: after the opener, whitespace; then
;; elements until the closer, each followed by the closer or by a comma.  Only
;; a closer straight after the comma ends the loop (`[1, ]' is an error).
(defun json--read-bracketed (closer kind read-one) "Move over an opener, then call READ-ONE with the element count until CLOSER.
Give the list of READ-ONE's values; a missing comma signals KIND."
  (forward-char)
  (json--blank)
  (let ((acc ()) (n 0))
    (while (/= (following-char) closer)
      (push (funcall read-one n) acc)
      (setq n (1+ n))
      (json--blank)
      (cond ((eq (following-char) closer))
            ((eq (following-char) ?,) (forward-char))
            (t (signal kind (list "," (following-char))))))
    (forward-char)
    (nreverse acc)))

(defun json-read-object () "Read the JSON object at point, as `json-object-type' and `json-key-type' say."
  (let ((members
         (json--read-bracketed
          ?} 'json-object-format
          (lambda (_n)
            (json--blank)
            (let ((name (json-read-string)))
              (json--blank)
              (or (eq (following-char) ?:)
                  (signal 'json-object-format (list ":" (following-char))))
              (forward-char)
              (json--blank)
              (cons name (json--element name)))))))
    ;; json-add-to-object puts a list's new member first, so lists are
    ;; built from the last member back; a table takes them in text order.
    (let ((object (json-new-object)))
      (dolist (m (if (hash-table-p object) members (reverse members)) object)
        (setq object (json-add-to-object object (car m) (cdr m)))))))

(defun json-read-array () "Read the JSON array at point, as `json-array-type' says."
  (let ((items (json--read-bracketed ?\] 'json-array-format #'json--element)))
    (cond ((eq json-array-type 'vector) (vconcat items))
          ((eq json-array-type 'list) items))))

(defconst json--dispatch
  '((?{ . json-read-object) (?\[ . json-read-array) (?\" . json-read-string)
    (?t . "true") (?f . "false") (?n . "null"))
  "What the first character of a value says to do: a reader, or a keyword to expect.")

(defun json-read () "Read the JSON value after point (whitespace first is skipped) and move past it."
  (json--blank)
  (let* ((c (following-char))
         (how (cdr (assq c json--dispatch))))
    (cond ((stringp how) (json-read-keyword how))
          (how (funcall how))
          ((or (eq c ?-) (and (>= c ?0) (<= c ?9))) (json-read-number))
          ((eq c 0) (signal 'json-end-of-file nil))
          (t (signal 'json-readtable-error (list c))))))

(defun json--read-with (fill arg) "Call FILL with ARG in a scratch buffer, then read one JSON value from its start."
  (with-temp-buffer (funcall fill arg) (goto-char 1) (json-read)))

(defun json-path-to-position (position &optional string) "Find the innermost element of the JSON text whose span holds POSITION.
The text is STRING, or the current buffer from its start.  Give nil, or a
plist with :path (the keys and indices from the top), :match-start and :match-end."
  (let* ((stack ())
         (json-pre-element-read-function
          (lambda (key) (push (cons key (progn (json--blank) (point))) stack)))
         (json-post-element-read-function
          (lambda ()
            (let ((start (cdar stack)))
              ;; An element starting exactly at POSITION does not hold it; one ending there does.
              (when (and (< start position) (<= position (point)))
                (throw 'json--found
                       (list :path (nreverse (mapcar #'car stack))
                             :match-start start :match-end (point)))))
            (pop stack))))
    (catch 'json--found
      (save-excursion
        (if string
            (json-read-from-string string)
          (goto-char (point-min))
          (json-read)))
      nil)))

(defun json-read-from-string (string) "Read the first JSON value in STRING."
  (json--read-with #'insert string))

(defun json-read-file (file) "Read the first JSON value in the file FILE."
  (json--read-with #'insert-file-contents file))

;;;; Writing

(defvar json--indent-level 0 "How many levels deep the pretty-printer is.")

(defun json--newline-indent (level) "A newline and LEVEL levels of indentation, when pretty-printing; else the empty string."
  (if json-encoding-pretty-print
      (concat "\n" (apply #'concat (make-list level json-encoding-default-indentation)))
    ""))

(defun json--wrap (open items close) "The text OPEN, the encoded ITEMS (strings) and CLOSE, laid out as the options say."
  (let ((inner (1+ json--indent-level)))
    (concat open
            (and items
                 (concat (mapconcat (lambda (item) (concat (json--newline-indent inner) item))
                                    items json-encoding-separator)
                         (and (not json-encoding-lisp-style-closings)
                              (json--newline-indent json--indent-level))))
            close)))

(defun json--nested (value) "Encode VALUE one indentation level deeper."
  (let ((json--indent-level (1+ json--indent-level)))
    (json-encode value)))

(defun json--escape (match) "The JSON escape for the one-character string MATCH."
  (let* ((c (aref match 0))
         (letter (car (rassq c json-special-chars))))
    (cond (letter (string ?\\ letter))
          ((< c 32) (format "\\u%04x" c))
          (t match))))

(defun json-encode-string (string) "Give STRING (or a symbol's name, or a number's text) as a JSON string literal."
  (let ((body (replace-regexp-in-string "[\"\\\\\0-\37]" #'json--escape (format "%s" string) t t)))
    (concat "\"" body "\"")))

(defun json-encode-keyword (keyword) "Give the JSON word for KEYWORD when it is t, `json-false' or `json-null'; else nil."
  (cond ((eq t keyword) "true") ((eq json-false keyword) "false") ((eq json-null keyword) "null")))

(defun json-encode-key (key) "Give KEY (a string or symbol; a keyword loses its colon) as a JSON object key."
  (cond ((stringp key) (json-encode-string key))
        ((keywordp key) (json-encode-string (substring (symbol-name key) 1)))
        ((symbolp key) (json-encode-string (symbol-name key)))
        (t (signal 'json-key-format (list key)))))

(defun json-encode-number (number) "Give NUMBER as JSON text."
  (format "%s" number))

(defun json--encode-members (pairs) "Encode PAIRS, a list of (KEY . VALUE), as a JSON object, sorted when asked."
  (when json-encoding-object-sort-predicate
    (setq pairs (sort (copy-sequence pairs)
                      (lambda (a b) (funcall json-encoding-object-sort-predicate (car a) (car b))))))
  (let ((colon (if json-encoding-pretty-print ": " ":")))
    (json--wrap "{"
                (mapcar (lambda (p)
                          (concat (json-encode-key (car p)) colon
                                  (json--nested (cdr p))))
                        pairs)
                "}")))

(defun json-encode-alist (alist) "Give ALIST as a JSON object."
  (json--encode-members
   (mapcar (lambda (p) (if (consp p) p (list p))) alist)))

(defun json-encode-plist (plist) "Give PLIST as a JSON object."
  (let ((tail plist) (acc ()))
    (while tail
      (push (cons (pop tail) (car tail)) acc)
      (setq tail (cdr tail)))
    (json--encode-members (nreverse acc))))

(defun json-encode-hash-table (table) "Give TABLE as a JSON object."
  (let ((pairs ()))
    (maphash (lambda (k v) (push (cons k v) pairs)) table)
    (json--encode-members (nreverse pairs))))

(defun json-encode-array (array) "Give the elements of the sequence ARRAY as a JSON array."
  (json--wrap "[" (mapcar #'json--nested array) "]"))

(defun json-alist-p (list) "Non-nil if LIST is a proper list of conses whose cars are atoms."
  (and (proper-list-p list)
       (not (memq nil (mapcar (lambda (e) (and (consp e) (atom (car e)))) list)))))

(defun json-plist-p (list) "Non-nil if LIST is a proper list alternating keywords and values."
  (let ((n (proper-list-p list)) (tail list))
    (and n (zerop (% n 2))
         (progn (while (and tail (keywordp (car tail))) (setq tail (cddr tail)))
                (not tail)))))

(defun json-encode-list (list) "Give LIST as a JSON object if it is an alist or plist, else as an array."
  (cond ((json-alist-p list) (json-encode-alist list))
        ((json-plist-p list) (json-encode-plist list))
        ((listp list) (json-encode-array list))
        (t (signal 'json-error (list list)))))

(defun json-encode (object) "Give the JSON text of OBJECT."
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

(defun json--reformat (begin end minimize sort) "Re-encode each JSON value between BEGIN and END, pretty unless MINIMIZE, keys ordered by SORT if non-nil.
Reading stops quietly at a value cut short by END; other errors are signalled."
  (let ((json-encoding-pretty-print (not minimize))
        (json-encoding-object-sort-predicate sort)
        (json-object-type 'alist)
        (json-array-type 'vector)
        (json-key-type 'string)
        ;; Distinct from nil, so that {} (read as nil) is written back as {}.
        (json-null :json-null)
        (json-false :json-false)
        (limit (copy-marker end)))
    (save-excursion
      (goto-char begin)
      (while (and (progn (json--blank) (< (point) limit))
                  (let* ((start (point))
                         (value (condition-case nil
                                    (save-restriction (narrow-to-region (point-min) limit) (list (json-read)))
                                  (json-end-of-file nil))))
                    (when value
                      (let ((text (json-encode (car value)))
                            (after (point-marker)))
                        (replace-region-contents start after (lambda () text) json-pretty-print-max-secs)
                        (goto-char after)
                        (set-marker after nil)
                        t))))))
    (set-marker limit nil)))

(defun json-pretty-print (begin end &optional minimize) "Lay out each JSON value between BEGIN and END with line breaks and indentation.
With MINIMIZE, write them as compactly as possible instead."
  (interactive "r\nP")
  (json--reformat begin end minimize nil))

(defun json-pretty-print-buffer (&optional minimize) "Pretty-print the JSON values of the whole buffer (with MINIMIZE, minimize them)."
  (interactive "P")
  (json--reformat (point-min) (point-max) minimize nil))

(defun json-pretty-print-ordered (begin end &optional minimize)
  "Like `json-pretty-print' between BEGIN and END, with object members sorted by key; MINIMIZE as there."
  (interactive "r\nP")
  (json--reformat begin end minimize #'string<))

(defun json-pretty-print-buffer-ordered (&optional minimize) "Like `json-pretty-print-buffer', with object members sorted by key; MINIMIZE as there."
  (interactive "P")
  (json--reformat (point-min) (point-max) minimize #'string<))

(provide 'json)
