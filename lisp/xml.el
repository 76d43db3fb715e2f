;;; xml.el --- a small XML reader and writer over (NAME ATTRIBUTES . CHILDREN) lists  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A document reads as a list of nodes.  A node is (NAME ATTRS CHILD...):
;; NAME a symbol (or, with namespaces, a (URI . LOCAL) pair or a symbol made
;; of both), ATTRS an alist of (NAME . STRING), each CHILD a string or a node.
;; Comments and processing instructions vanish; CDATA becomes text.
;;
;; The reader works on a private copy of the text, so that an entity's
;; replacement text can be put where its reference stood and read again.

;;; Code:

(defvar xml-entity-alist
  (mapcar (lambda (pair) (cons (symbol-name (car pair)) (cdr pair)))
          '((lt . "&#60;") (gt . ">") (apos . "'") (quot . "\"") (amp . "&#38;")))
  "The predefined general entities of XML and their replacement texts.")

(defvar xml-default-ns
  (list (cons "" "")
        (cons "xml" "http://www.w3.org/XML/1998/namespace")
        (cons "xmlns" "http://www.w3.org/2000/xmlns/"))
  "Namespace prefixes known before any document declares its own, with their URIs.")

(defvar xml-entity-expansion-limit 20000 "How many entity references one document may expand before reading gives up.
A guard against documents built to blow up on expansion; nil means no limit.")

(defvar xml-undefined-entity "?" "Text read in place of a reference to an entity nobody defined.")

(defvar xml-validating-parser nil "Non-nil means a reference to an undefined entity is an error.")

(defvar xml-sub-parser nil "Non-nil while the reader works on a part of a document, not a whole one.")

(defvar xml-parameter-entity-alist nil "Parameter entities of the DTD being read, as (NAME . TEXT).")

(defvar xml-name-start-char-re "[[:word:]:_]" "Regexp for a character that may begin an XML name.")

(defvar xml-name-char-re "[[:word:]:_.0-9\u00B7\u0300-\u036F\u203F\u2040-]" "Regexp for a character that may continue an XML name.")

(defvar xml-name-re (concat xml-name-start-char-re xml-name-char-re "*") "Regexp for one XML name.")

(define-error 'xml-invalid-character "Invalid XML character" 'wrong-type-argument)

;;;; Where the reader is

(defvar xml--general nil "General entities of the document being read, (NAME . TEXT), TEXT nil if external.")
(defvar xml--expanded 0 "Entity references expanded so far in the document being read.")
(defvar xml--ns nil "Namespace prefixes in scope, as in `xml-default-ns'; nil when namespaces are off.")
(defvar xml--symbols nil "Non-nil when qualified names become single symbols.")
(defvar xml--want-dtd nil "Non-nil when the DTD is returned and checked.")

(defconst xml--space " \t\n\r" "The characters XML calls white space.")

(defun xml--bad (what &rest args) "Signal the error WHAT (a format) from the reader, with ARGS."
  (signal 'error (list (apply #'format-message (concat "XML: " what) args))))

(defun xml--start-char-p (c) "Whether C may begin an XML name."
  (or (and (>= c ?a) (<= c ?z)) (and (>= c ?A) (<= c ?Z)) (memq c '(?: ?_))
      (and (>= c #xC0) (<= c #x2FF) (/= c #xD7) (/= c #xF7))
      (and (>= c #x370) (<= c #x1FFF) (/= c #x37E))
      (memq c '(#x200C #x200D))
      (and (>= c #x2070) (<= c #x218F)) (and (>= c #x2C00) (<= c #x2FEF))
      (and (>= c #x3001) (<= c #xD7FF)) (and (>= c #xF900) (<= c #xFDCF))
      (and (>= c #xFDF0) (<= c #xFFFD)) (and (>= c #x10000) (<= c #xEFFFF))))

(defun xml--name-char-p (c) "Whether C may appear inside an XML name."
  (or (xml--start-char-p c) (and (>= c ?0) (<= c ?9)) (memq c '(?- ?. #xB7))
      (and (>= c #x300) (<= c #x36F)) (memq c '(#x203F #x2040))))

(defun xml--read-name () "Read an XML name at point and return it, or nil when none starts here."
  (let ((start (point)))
    (when (and (not (eobp)) (xml--start-char-p (following-char)))
      (forward-char)
      (while (and (not (eobp)) (xml--name-char-p (following-char))) (forward-char))
      (buffer-substring-no-properties start (point)))))

(defun xml--skip-space () "Move over white space." (skip-chars-forward xml--space))

(defun xml--count-expansion (complaint) "Count one entity expansion; past the limit, signal COMPLAINT."
  (setq xml--expanded (1+ xml--expanded))
  (when (and xml-entity-expansion-limit (> xml--expanded xml-entity-expansion-limit))
    (xml--bad complaint)))

(defun xml--entity-text (name) "The replacement text of the general entity NAME, or nil if it has none we can use.
Signals when the validating parser meets an undefined entity."
  (let ((hit (or (assoc name xml--general) (assoc name xml-entity-alist))))
    (cond ((cdr hit))
          (xml-validating-parser (xml--bad "(Validity) Undefined entity `%s'" name))
          (t nil))))

(defun xml--char-ref (digits hex) "The text for the character reference with DIGITS (HEX non-nil: base 16)."
  (let ((code (string-to-number digits (if hex 16 10))))
    (if (<= code #x10FFFF) (string code) xml-undefined-entity)))

;;;; Namespaces

(defun xml-maybe-do-ns (name default xml-ns) "Expand the qualified NAME (a string) by the prefixes of XML-NS.
An unprefixed NAME takes the prefix DEFAULT (a string, or nil for none).  With XML-NS nil
the result is NAME as a symbol; when XML-NS starts with `symbol-qnames' it is the URI and
the local part run together as one symbol; otherwise it is (URI . LOCAL)."
  (if xml-ns
    (let* ((as-symbol (eq (car-safe xml-ns) 'symbol-qnames))
           (table (if as-symbol (cdr xml-ns) xml-ns))
           (colon (string-match ":" name))
           (prefix (if colon (substring name 0 colon) (and (stringp default) default)))
           (local (if colon (substring name (1+ colon)) name))
           (uri (or (and prefix (cdr (assoc prefix table))) "")))
      (if (and as-symbol (not (equal uri (cdr (assoc "xmlns" table)))))
          (intern (concat uri local))
        (cons uri local)))
    (intern name)))

(defun xml--qualify (name default table) "NAME expanded with the prefixes of TABLE, DEFAULT as in `xml-maybe-do-ns'."
  (xml-maybe-do-ns name default (and xml--ns (if xml--symbols (cons 'symbol-qnames table) table))))

;;;; Attribute values

(defun xml--next-ref (text start) "Where the next well-formed reference in TEXT from START begins, or nil.
The match data then hold (1) an x for a hex character reference, (2) its digits, (3) an entity name."
  (let ((at nil))
    (while (and (null at)
                (string-match "&\\(?:#\\(x\\)\\([[:xdigit:]]+\\)\\|#\\([0-9]+\\)\\|\\([^&;#[:space:]][^&;[:space:]]*\\)\\);"
                              text start))
      (let ((entity (match-string 4 text)))
        ;; A reference to something that is no XML name is text: look further on.
        (if (and entity (not (and (xml--start-char-p (aref entity 0))
                                  (seq-every-p #'xml--name-char-p entity))))
            (setq start (1+ (match-beginning 0)))
          (setq at (match-beginning 0)))))
    (and at
         (pcase-let ((`(,b0 ,e0 ,bx ,ex ,bh ,eh ,bd ,ed ,bn ,en) (match-data)))
           ;; Fold the two kinds of character reference into groups 1 and 2, the name into 3.
           (set-match-data (list b0 e0 bx ex (or bh bd) (or eh ed) bn en))
           at))))

(defun xml--expand-value (text outer) "TEXT of an attribute value with its references replaced.
OUTER is the reference being expanded, for the complaint when there are too many."
  (let ((pieces nil) (pos 0) (len (length text)))
    (while (< pos len)
      (let ((amp (xml--next-ref text pos)))
        (push (substring text pos (or amp len)) pieces)
        (if (null amp)
            (setq pos len)
          (let ((hex (match-string 1 text)) (digits (match-string 2 text)) (name (match-string 3 text))
                (after (match-end 0)))
            (push (if digits (xml--char-ref digits hex) (xml--expand-entity name outer)) pieces)
            (setq pos after)))))
    (apply #'concat (nreverse pieces))))

(defun xml--expand-entity (name outer) "The text of the entity NAME inside an attribute value, expanded; OUTER as for `xml--expand-value'."
  (let ((repl (xml--entity-text name)) (ref (or outer (concat "&" name ";"))))
    (if (null repl)
        xml-undefined-entity
      (xml--count-expansion (format-message "Passed `xml-entity-expansion-limit' while expanding `%s'" ref))
      (xml--expand-value repl ref))))

(defun xml-parse-attlist (&optional xml-ns) "Read the attributes at point, up to the end of the tag.
Return them as an alist; names are expanded by the prefixes of XML-NS."
  (let ((seen nil))
    (xml--skip-space)
    (let (name)
      (while (setq name (xml--read-name))
        (xml--skip-space)
        (if (eq (following-char) ?=) (forward-char)
          (signal 'args-out-of-range (list name (point))))
        (xml--skip-space)
        (let* ((quote-char (following-char))
               (value (and (memq quote-char '(?\" ?\'))
                           (let ((opened (progn (forward-char) (point))))
                             (and (search-forward (string quote-char) nil t)
                                  (buffer-substring-no-properties opened (1- (point))))))))
          (or value (xml--bad "(Not Well-Formed) Attribute values must be given between quotes"))
          (when (assoc name seen)
            (xml--bad "(Not Well-Formed) Each attribute must be unique within an element"))
          (push (cons name (xml--expand-value value nil)) seen))
        (setq name nil)
        (let ((here (point))) (xml--skip-space) (unless (xml--start-char-p (following-char)) (goto-char here)))))
    (let ((table (or xml-ns xml--ns)))
      (mapcar (pcase-lambda (`(,attr . ,value))
                (cons (cond ((null xml--ns) (intern attr))
                            ((equal attr "xmlns") (cons (or (cdr (assoc "xmlns" table)) "") ""))
                            (t (xml--qualify attr nil table)))
                      value))
              (nreverse seen)))))

;;;; Character data

(defun xml-parse-string () "Read the character data at point, up to the next tag, and return it.
References are expanded; an entity whose text holds markup is put back to be read as such."
  (let ((pieces nil) (from (point)))
    (while (progn (skip-chars-forward "^<&") (and (not (eobp)) (eq (following-char) ?&)))
      (push (buffer-substring-no-properties from (point)) pieces)
      (cond
       ((looking-at "&#\\(x\\)?\\([[:xdigit:]]+\\);")
        (push (xml--char-ref (match-string 2) (match-beginning 1)) pieces)
        (goto-char (match-end 0)))
       ((and (looking-at "&\\([^&;<[:space:]]+\\);")
             (save-excursion (forward-char 1) (equal (xml--read-name) (match-string 1))))
        (let ((repl (xml--entity-text (match-string 1))) (ref-end (match-end 0)))
          (cond ((null repl) (push xml-undefined-entity pieces) (goto-char ref-end))
                (t (xml--count-expansion "Entity reference expansion surpassed `xml-entity-expansion-limit'")
                   ;; The replacement is read again, where the reference was.
                   (delete-region (point) ref-end)
                   (save-excursion (insert repl))))))
       (t (xml--bad "(Not Well-Formed) Invalid entity reference")))
      (setq from (point)))
    (push (buffer-substring-no-properties from (point)) pieces)
    (replace-regexp-in-string "\r\n?" "\n" (apply #'concat (nreverse pieces)) t t)))

;;;; The DTD

(defun xml-parse-elem-type (string) "Read the content model STRING of an <!ELEMENT> declaration.
Gives pcdata, a name, or (choice ...), (seq ...), (* X), (+ X), (\\? X)."
  (let (inner suffix)
    (if (string-match "(\\([^)]+\\))\\([*+?]\\)?" string)
        (let ((body (match-string 1 string)))
          (setq suffix (match-string 2 string))
          (setq inner
                (cond ((string-match-p "|" body)
                       (cons 'choice (mapcar #'xml-parse-elem-type (split-string body "|"))))
                      ((string-match-p "," body)
                       (cons 'seq (mapcar #'xml-parse-elem-type (split-string body ","))))
                      ((equal body "#PCDATA") 'pcdata)
                      (t body))))
      (cond ((string-match "\\`[ \t\n]*\\([^*+?]+\\)\\([*+?]\\)" string)
             (setq inner (match-string 1 string) suffix (match-string 2 string)))
            ((string-match "\\`[ \t\n]*\\(.+\\)" string)
             (setq inner (match-string 1 string))))
      (when (equal inner "#PCDATA") (setq inner 'pcdata)))
    (if (and suffix inner) (list (intern suffix) inner) inner)))

(defun xml--quoted () "Read a quoted literal at point and return its text, or nil when none is here."
  (let ((q (following-char)))
    (when (memq q '(?\" ?\'))
      (let ((opened (progn (forward-char) (point))))
        (unless (search-forward (string q) nil t)
          (xml--bad "(Well-Formed) End of document while reading DTD"))
        (prog1 (buffer-substring-no-properties opened (1- (point))) (xml--skip-space))))))

(defun xml--entity-replacement-text (string) "STRING, an entity value, with its parameter and character references replaced."
  (replace-regexp-in-string
   "%\\([^%;[:space:]]+\\);\\|&#\\(x\\)?\\([[:xdigit:]]+\\);"
   (lambda (ref)
     (if (string-prefix-p "%" ref)
         (or (cdr (assoc (substring ref 1 -1) xml-parameter-entity-alist)) "")
       (string-match "&#\\(x\\)?\\([[:xdigit:]]+\\);" ref)
       (xml--char-ref (match-string 2 ref) (match-beginning 1))))
   string t t))

(defun xml--dtd-entity () "Read the rest of an <!ENTITY declaration, point after its keyword."
  (xml--skip-space)
  (let ((parameter (when (looking-at "%[ \t\n]") (forward-char 1) (xml--skip-space) t))
        (name (xml--read-name)) value external)
    (xml--skip-space)
    (cond ((setq value (xml--quoted)))
          ((looking-at "\\(SYSTEM\\|PUBLIC\\)[ \t\n]")
           (goto-char (match-end 0)) (xml--skip-space)
           (setq external t)
           (while (xml--quoted))
           (when (looking-at "NDATA[ \t\n]+[^ \t\n>]+") (goto-char (match-end 0)))))
    (xml--skip-space)
    (unless (eq (following-char) ?>) (xml--bad "(Well-Formed) End of document while reading DTD"))
    (forward-char 1)
    (when name
      (let ((text (and (not external) (xml--entity-replacement-text value))))
        (if parameter
            (unless (assoc name xml-parameter-entity-alist)
              (push (cons name text) xml-parameter-entity-alist))
          (unless (or (assoc name xml--general) (assoc name xml-entity-alist))
            (push (cons name text) xml--general)))))))

(defun xml--dtd-element () "Read the rest of an <!ELEMENT declaration and return its (NAME TYPE) entry."
  (if (not (looking-at "[ \t\n]+\\([^ \t\n>]+\\)[ \t\n]+\\([^>]*?\\)[ \t\n]*>"))
      (xml--bad "(Well-Formed) End of document while reading DTD")
    (let ((name (match-string 1)) (spec (match-string 2)))
      (goto-char (match-end 0))
      (list name
            (cond ((equal spec "EMPTY") 'empty)
                  ((equal spec "ANY") 'any)
                  ((string-match "\\`(\\(.*\\))\\'" spec) (xml-parse-elem-type (match-string 1 spec)))
                  ((not xml--want-dtd) spec)
                  (t (xml--bad "(Validity) Invalid element type in the DTD")))))))

(defun xml-skip-dtd () "Move past the DTD at point without keeping it."
  (let ((xml--want-dtd nil)) (xml-parse-dtd)))

(defun xml-parse-dtd (&optional _parse-ns) "Read the <!DOCTYPE declaration at point.
Entities it declares are remembered for the rest of the document.  Return
\(dtd NAME [EXTERNAL-ID] (ELEMENT TYPE)...)."
  (forward-char (length "<!DOCTYPE"))
  (xml--skip-space)
  (let ((name (or (xml--read-name) (xml--bad "(Well-Formed) Invalid character")))
        (entries nil) (ident nil))
    (xml--skip-space)
    (cond ((looking-at "SYSTEM\\b")
           (goto-char (match-end 0)) (xml--skip-space)
           (let ((sys (xml--quoted)))
             (unless sys (xml--bad "Bad DTD"))
             (setq ident (list sys 'system))))
          ((looking-at "PUBLIC\\b")
           (goto-char (match-end 0)) (xml--skip-space)
           (let* ((pub (or (xml--quoted) (xml--bad "Bad DTD")))
                  (sys (or (xml--quoted) (xml--bad "Missing System ID"))))
             (setq ident (list pub sys 'public)))))
    (xml--skip-space)
    (when (eq (following-char) ?\[)
      (forward-char 1)
      (let ((done nil))
        (while (not done)
          (xml--skip-space)
          (cond
           ((eobp) (xml--bad "(Well-Formed) End of document while reading DTD"))
           ((eq (following-char) ?\]) (forward-char 1) (setq done t))
           ((looking-at "<!ENTITY\\b") (goto-char (match-end 0)) (xml--dtd-entity))
           ((looking-at "<!ELEMENT\\b")
            (goto-char (match-end 0))
            (let ((entry (xml--dtd-element))) (when xml--want-dtd (push entry entries))))
           ((looking-at "<!--") (search-forward "-->"))
           ((looking-at "%\\([^%;[:space:]]+\\);")
            (let ((text (cdr (assoc (match-string 1) xml-parameter-entity-alist))) (at (point)))
              (delete-region at (match-end 0))
              (when text (insert text) (goto-char at))))
           ((looking-at "<!ATTLIST\\b")
            (unless (re-search-forward "\\(?:\"[^\"]*\"\\|'[^']*'\\|[^>\"']\\)*>" nil t)
              (xml--bad "(Well-Formed) End of document while reading DTD")))
           (xml--want-dtd (xml--bad "(Validity) Invalid DTD item"))
           ((eq (following-char) ?<)
            (unless (search-forward ">" nil t) (xml--bad "(Well-Formed) End of document while reading DTD")))
           (t (forward-char 1))))))
    (xml--skip-space)
    (when (eq (following-char) ?>) (forward-char 1))
    `(dtd ,name ,@(and ident (list ident)) ,@(nreverse entries))))

;;;; Tags

(defun xml--after-skipped (strict) "What follows a comment or processing instruction just passed.
White space is dropped; a tag is read; text is read unless STRICT, when it is an error."
  (xml--skip-space)
  (cond ((or (eobp) (looking-at "</")) nil)
        ((eq (following-char) ?<) (xml--tag))
        (strict (xml--bad "(Well-Formed) Invalid character"))
        (t (xml-parse-string))))

(defun xml--element () "Read the element whose `<' is at point."
  (forward-char 1)
  (let ((raw-name (or (xml--read-name) (xml--bad "(Well-Formed) Invalid character")))
        (outer-ns xml--ns))
    (let* ((attrs (let ((xml--ns outer-ns)) (xml-parse-attlist)))
           (xml--ns (if xml--ns
                        (let ((table xml--ns))
                          (dolist (pair attrs table)
                            (let ((key (car pair)))
                              (when (and (consp key) (equal (car key) (cdr (assoc "xmlns" outer-ns))))
                                (push (cons (cdr key) (cdr pair)) table)))))
                      nil))
           (name (if xml--ns (xml--qualify raw-name "" xml--ns) (intern raw-name))))
      (xml--skip-space)
      (cond
       ((looking-at "/>") (forward-char 2) (list name attrs))
       ((eq (following-char) ?>)
        (forward-char 1)
        (let ((kids nil) (closed nil))
          (while (not closed)
            (cond
             ((eobp) (xml--bad "(Not Well-Formed) End of document while reading element `%s'" raw-name))
             ((looking-at "</")
              (forward-char 2)
              (let ((end-name (or (xml--read-name) "")))
                (xml--skip-space)
                (unless (and (equal end-name raw-name) (eq (following-char) ?>))
                  (xml--bad "(Not Well-Formed) Invalid end tag `%s' (expecting `%s')" end-name raw-name))
                (forward-char 1)
                (setq closed t)))
             ((eq (following-char) ?<)
              (let ((kid (xml--tag))) (when kid (push kid kids))))
             (t
              (let ((text (xml-parse-string)))
                (if (stringp (car kids))
                    (setcar kids (concat (car kids) text))
                  (push text kids))))))
          (cons name (cons attrs (nreverse kids)))))
       ((eobp) (signal 'args-out-of-range (list raw-name (point))))
       (t (xml--bad "(Well-Formed) Invalid character"))))))

(defun xml--tag () "Read whatever starts with the `<' at point: an element, text, a DTD or nothing."
  (cond
   ((looking-at "<\\?")
    (search-forward "?>")
    (xml--after-skipped t))
   ((looking-at "<!\\[CDATA\\[")
    (let ((from (match-end 0)))
      (goto-char from)
      (unless (search-forward "]]>" nil t)
        (xml--bad "(Not Well Formed) CDATA section does not end anywhere in the document"))
      (buffer-substring-no-properties from (- (point) 3))))
   ((looking-at "<!DOCTYPE")
    (let ((dtd (xml-parse-dtd))) (and xml--want-dtd dtd)))
   ((looking-at "<!--")
    (search-forward "-->")
    (xml--after-skipped nil))
   ((and (looking-at "<.") (xml--start-char-p (char-after (1+ (point))))) (xml--element))
   (t (xml--bad "(Well-Formed) Invalid character"))))

(defun xml--ns-setup (parse-ns) "Set the namespace variables for PARSE-NS, the argument of `xml-parse-region'."
  (cond ((null parse-ns) (setq xml--ns nil xml--symbols nil))
        ((eq parse-ns 'symbol-qnames) (setq xml--ns xml-default-ns xml--symbols t))
        ((eq (car-safe parse-ns) 'symbol-qnames) (setq xml--ns (cdr parse-ns) xml--symbols t))
        ((consp parse-ns) (setq xml--ns parse-ns xml--symbols nil))
        (t (setq xml--ns xml-default-ns xml--symbols nil))))

(defmacro xml--reading (parse-dtd parse-ns &rest body) "Run BODY with the reader's state fresh for one document."
  (declare (indent 2))
  `(let ((xml--general nil) (xml--expanded 0) (xml--ns nil) (xml--symbols nil)
         (xml--want-dtd ,parse-dtd) (xml-parameter-entity-alist nil))
     (xml--ns-setup ,parse-ns)
     ,@body))

(defun xml-parse-tag (&optional parse-dtd parse-ns) "Read the tag at point and what belongs to it, and return it.
Works on a copy of the text from point: point does not move."
  (let ((text (buffer-substring-no-properties (point) (point-max))))
    (with-temp-buffer
      (insert text)
      (goto-char (point-min))
      (xml--reading parse-dtd parse-ns (xml--tag)))))

(defun xml--document (parse-dtd) "Read the document in the current buffer; PARSE-DTD as in `xml-parse-region'."
  (goto-char (point-min))
  (let ((root nil) (dtd nil))
    (while (search-forward "<" nil t)
      (backward-char 1)
      (let ((item (xml--tag)))
        (cond ((null item))
              ((eq (car-safe item) 'dtd) (setq dtd item))
              (root (xml--bad "(Not Well-Formed) Only one root tag allowed"))
              ((consp item) (setq root item)))))
    (if parse-dtd
        (cons dtd (and root (list root)))
      (and root (list root)))))

(defun xml-parse-region (&optional beg end buffer parse-dtd parse-ns) "Read the XML between BEG and END of BUFFER and return its nodes.
BEG and END default to the whole (accessible) buffer, BUFFER to the current one.
PARSE-DTD non-nil puts the DTD (or nil) first.  PARSE-NS non-nil expands
qualified names: t gives (URI . LOCAL) pairs, `symbol-qnames' symbols; a list
of (PREFIX . URI), possibly after `symbol-qnames', gives the prefixes known at the start."
  (let* ((buf (or buffer (current-buffer)))
         (text (with-current-buffer buf
                 (buffer-substring-no-properties (or beg (point-min)) (or end (point-max))))))
    (with-temp-buffer
      (insert text)
      (goto-char (point-min))
      (xml--reading parse-dtd parse-ns (xml--document parse-dtd)))))

(defun xml-parse-file (file &optional parse-dtd parse-ns) "Read the XML document in FILE and return its nodes.
PARSE-DTD and PARSE-NS are as for `xml-parse-region'."
  (with-temp-buffer
    (insert-file-contents file)
    (xml-parse-region (point-min) (point-max) nil parse-dtd parse-ns)))

(defun xml-remove-comments (beg end) "Delete every complete <!-- --> comment between BEG and END."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (let (from)
        (while (and (setq from (search-forward "<!--" nil t))
                    (search-forward "-->" nil t))
          (delete-region (- from 4) (point)))))))

;;;; Nodes

(defun xml-node-children (node) "The children of NODE, strings and nodes." (nthcdr 2 node))
(defun xml-node-attributes (node) "The attribute alist of NODE." (nth 1 node))
(defun xml-node-name (node) "The name of NODE." (nth 0 node))

(defun xml-get-children (node child-name) "The children of NODE that are nodes named CHILD-NAME."
  (let ((found nil))
    (dolist (kid (xml-node-children node))
      (when (and (consp kid) (equal (xml-node-name kid) child-name))
        (push kid found)))
    (nreverse found)))

(defun xml-get-attribute-or-nil (node attribute) "The value NODE gives ATTRIBUTE, or nil if it has none."
  (cdr (assq attribute (xml-node-attributes node))))

(defun xml-get-attribute (node attribute) "The value NODE gives ATTRIBUTE, or the empty string if it has none."
  (or (xml-get-attribute-or-nil node attribute) ""))

;;;; Text out

(defun xml-escape-string (string &optional noerror) "STRING with <, >, &, ' and \" written as entity references.
A character XML cannot hold signals `xml-invalid-character' (char, 1-based
position) unless NOERROR, which drops it."
  (let ((out nil) (index 0))
    (unless (stringp string)
      (if (characterp string) (setq string (string string))
        (signal 'wrong-type-argument (list 'char-or-string-p string))))
    (dolist (c (string-to-list string))
      (setq index (1+ index))
      (let ((ok (or (memq c '(?\t ?\n ?\r)) (and (>= c #x20) (<= c #xD7FF))
                    (and (>= c #xE000) (<= c #xFFFD)) (and (>= c #x10000) (<= c #x10FFFF)))))
        (cond ((not ok) (unless noerror (signal 'xml-invalid-character (list c index))))
              ((eq c ?<) (push "&lt;" out))
              ((eq c ?>) (push "&gt;" out))
              ((eq c ?&) (push "&amp;" out))
              ((eq c ?\') (push "&apos;" out))
              ((eq c ?\") (push "&quot;" out))
              (t (push (string c) out)))))
    (apply #'concat (nreverse out))))

(defun xml-substitute-special (string) "STRING with its entity and character references replaced by their text."
  (let ((xml--general (and (boundp 'xml--general) xml--general)) (xml--expanded 0))
    (xml--expand-value string nil)))

(defun xml-substitute-numeric-entities (string) "STRING with its decimal character references &#N; replaced; nil stays nil."
  (when string
    (replace-regexp-in-string "&#\\([0-9]+\\);"
                              (lambda (ref) (string (string-to-number (substring ref 2 -1))))
                              string t t)))

(defun xml--write-node (node margin) "Insert NODE at point, its nested lines indented by MARGIN."
  (let ((tag (car node)))
    (unless (symbolp tag) (signal 'wrong-type-argument (list 'symbolp tag)))
    (insert "<" (symbol-name tag))
    (dolist (attr (nth 1 node))
      (insert " " (symbol-name (car attr)) "=\"" (xml-escape-string (cdr attr)) "\""))
    (let ((kids (cddr node)))
      (cond
       ((null kids) (insert "/>"))
       ((and (stringp (car kids)) (null (cdr kids)))
        (insert ">" (xml-escape-string (car kids)) "</" (symbol-name tag) ">"))
       (t
        (insert ">")
        (dolist (kid kids)
          (cond ((stringp kid) (insert (xml-escape-string kid)))
                ((listp kid) (insert "\n" margin "  ") (xml--write-node kid (concat margin "  ")))
                (t (error "Invalid XML tree"))))
        (insert "\n" margin "</" (symbol-name tag) ">"))))))

(defun xml-debug-print-internal (xml indent-string) "Insert the node XML at point, nested lines indented by INDENT-STRING."
  (insert indent-string)
  (xml--write-node xml indent-string))

(defun xml-print (xml &optional indent-string) "Insert the nodes of the list XML at point as XML text.
Each node starts with INDENT-STRING (default empty); nested ones are indented further."
  (let ((margin (or indent-string "")))
    (dolist (node xml)
      (xml-debug-print-internal node margin))))

(defun xml-debug-print (xml &optional indent-string) "Insert the nodes of XML at point, as `xml-print' does."
  (xml-print xml indent-string))

(provide 'xml)

;;; xml.el ends here
